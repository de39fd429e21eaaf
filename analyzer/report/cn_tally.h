/*
 * cn_tally: the figures of one question or one claim from the stances of its
 * answers: stance counts, the consensus figures (cn_consensus), the summary
 * sentence (cn_summary) and the dissenting answers; and, made on their own,
 * the stances by specialty (cn_tally_specialties).
 * The files the answers came from are not kept (8 bytes a file of every
 * question and claim, ~8 MB at 1 GB), nor the stances by specialty (24 bytes
 * a specialty of every question and claim, ~4 MB at 1 GB): cn_analysis makes
 * them when a report asks (cn_analysis_question_files, _claim_files,
 * cn_analysis_question_specialties, _claim_specialties).
 *
 * The caller hands in one vote per counted answer (duplicates and
 * related-question excerpts are the caller's business: they are not votes).
 * Which votes dissent is not kept (4 bytes a dissenting vote, 1.1 million
 * at 1 GB): the caller asks cn_tally_dissents of each vote's stance.
 */
#ifndef CN_TALLY_H
#define CN_TALLY_H

#include "cn_consensus.h"
#include "cn_consensus_memo.h"
#include "cn_consensus_pool.h"
#include "cn_relabel_memo.h"
#include "cn_error.h"
#include "cn_stance.h"
#include "cn_summary.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One answer's stance on the question or claim being tallied: 16 bytes, no
 * padding lost (the largest question at 1 GB has 1.28 million votes). */
typedef struct cn_tally_vote {
    cn_stance stance;
    bool certain;          /* an editor set it: never redrawn (cn_relabel) */
    const char *specialty; /* NULL when unknown */
} cn_tally_vote;

/* How the answers of one specialty (NULL: unknown) split over the stances:
 * 24 bytes (counts of 32 bits, answers are numbered in 32 bits; their sum,
 * cn_specialty_answers, is not kept: 158,007 splits at 1 GB). */
typedef struct cn_specialty_count {
    const char *specialty; /* borrowed from the votes */
    uint32_t counts[CN_STANCE_COUNT];
} cn_specialty_count;
_Static_assert(sizeof(cn_specialty_count) == 24, "a specialty split: 24 bytes");

/* All four counts of s. */
long cn_specialty_answers(const cn_specialty_count *s);

/* s's counts as the reports take counts (indexed by cn_stance), into out. */
void cn_specialty_counts(const cn_specialty_count *s, long out[CN_STANCE_COUNT]);

typedef struct cn_tally {
    long counts[CN_STANCE_COUNT]; /* indexed by cn_stance */
    /* The figures (cn_tally_consensus): *own without a pool, else entry
     * `entry` of the memo's pool (shared with other tallies with the same
     * figures, and kept on disk). */
    cn_consensus_pool *pool;
    union {
        cn_consensus_result *own; /* pool == NULL */
        uint32_t entry;           /* pool != NULL */
    };
    char *summary;
    bool summary_borrowed; /* summary is a copy the caller keeps (one for many equal
                              sentences): not the tally's to free */
    /* The figures the tallies' many readers ask for most (an answer's dissent,
     * the review queue), copied from them: no read of the pool's file. */
    uint8_t majority; /* cn_stance: CN_STANCE_NONE, no majority */
    bool tie;
    uint8_t level;      /* cn_consensus_level */
    uint32_t n_dissent; /* votes that take a stance other than the majority (only
                           when there is one): which, cn_tally_dissents tells; 32
                           bits, as answers are numbered (64 bytes a tally, not 72) */
} cn_tally;
_Static_assert(sizeof(cn_tally) == 64, "a tally: 64 bytes");

/* t's consensus figures: *own, or the pool's entry read into *buf (a read
 * that fails gives a result without figures, NaN and zero counts, and shows
 * in cn_consensus_pool_status). The pointer is valid while *buf and t are. */
const cn_consensus_result *cn_tally_consensus(const cn_tally *t, cn_consensus_result *buf);

/* Tally n votes with the consensus options (NULL = defaults). *out is
 * overwritten; release it with cn_tally_clear. CN_OK, CN_ERR_USAGE (bad
 * options), CN_ERR_NOMEM. */
int cn_tally_compute(const cn_tally_vote *votes, size_t n, const cn_consensus_opts *opts,
                     cn_tally *out, cn_error *err);

/* What many tallies in a row can remember (any may be NULL): the
 * relabelings and the consensus figures, both by their counts (one memo
 * per thread), and the pool that keeps one copy of each distinct result
 * (may be shared by threads; it must outlive the tallies). */
typedef struct cn_tally_memo {
    cn_relabel_memo *relabel;
    cn_consensus_memo *consensus;
    cn_consensus_pool *pool;
} cn_tally_memo;

/* cn_tally_compute through memo (NULL: none): the same bytes, less work. */
int cn_tally_compute_memo(const cn_tally_vote *votes, size_t n, const cn_consensus_opts *opts,
                          const cn_tally_memo *memo, cn_tally *out, cn_error *err);

/* Vote i of a set the caller keeps in its own form, into *out. */
typedef void (*cn_tally_vote_fn)(const void *ctx, size_t i, cn_tally_vote *out);

/* cn_tally_compute_memo of the n votes get gives (each asked for several
 * times, in order): the same tally without an array of the votes. */
int cn_tally_compute_from(cn_tally_vote_fn get, const void *ctx, size_t n,
                          const cn_consensus_opts *opts, const cn_tally_memo *memo, cn_tally *out,
                          cn_error *err);

/* How n votes split by specialty: one split a specialty (grouped by name,
 * NULL, unknown, its own group), by name in byte order, unknown last, into
 * *splits (grown as needed, *cap its room: the caller's to free, and to
 * hand in again for the next set), *n_splits of them. CN_OK or CN_ERR_NOMEM
 * (*splits and *cap then still the caller's, *n_splits 0). */
int cn_tally_specialties(const cn_tally_vote *votes, size_t n, cn_specialty_count **splits,
                         size_t *n_splits, size_t *cap, cn_error *err);

/* The same from the votes get gives (each asked for once, in order). */
int cn_tally_specialties_from(cn_tally_vote_fn get, const void *ctx, size_t n,
                              cn_specialty_count **splits, size_t *n_splits, size_t *cap,
                              cn_error *err);

/* Word the summary again in the terms of a kind of question, naming the
 * practice when about is not NULL (cn_summary_sentence_phrased): the tally
 * must have been computed with the same opts. CN_OK or NOMEM (the old
 * sentence is then kept). */
int cn_tally_rephrase(cn_tally *t, const cn_consensus_opts *opts, cn_summary_phrasing phrasing,
                      const char *about, cn_error *err);

/* Whether a vote of stance s is one of t's n_dissent: it takes a stance
 * (not `none`) other than t's majority, and there is a majority (no tie). */
bool cn_tally_dissents(const cn_tally *t, cn_stance s);

void cn_tally_clear(cn_tally *t);

#endif
