/*
 * cn_dedup: the de-duplication index, the only state the reader keeps across
 * pages. It gives every answer a stable answer_id (from its de-duplication
 * key: the normalized text, letters and digits only), marks a repeat of an
 * earlier answer with duplicate_of, and gives pages that share answers one
 * question_id, so the same answer in two renderings of a question counts once.
 *
 * Ids are the first 16 hex digits of SHA-256 over content only (never paths
 * or order), so the same content gets the same id on every run and machine:
 *   answer_id   = SHA-256(key), or SHA-256(question_id "\n" key) for keys
 *                 shorter than dedup_min_key ("Totally fine." on two unrelated
 *                 questions is two answers and must not merge them);
 *   question_id = the question_id of the earlier answer that the page's first
 *                 repeating answer repeats (a full answer by key, or an excerpt
 *                 outside the page's trailing run of excerpts by prefix), else
 *                 SHA-256("q\n" question key), else (untitled pages)
 *                 SHA-256("p\n" answer keys).
 * An answer matches an earlier one when its text or its match_text (the
 * rendering with sign-offs) has the same key. A cut-off excerpt ("...") of at
 * least excerpt_min_key key characters matches by prefix: the latest earlier
 * full answer at least as long whose key starts the same way, or for a full
 * answer the latest earlier excerpt that starts it; an answer cut by the page's
 * end (truncated, no "...") that repeats nothing by key is matched by prefix
 * as an excerpt is, within its own question only (a page's cut second copy of
 * an answer). An excerpt of an answer
 * from another question, or one in a flat page's trailing run of excerpts that
 * repeats nothing, is a related-question excerpt (related = true) and is not
 * indexed.
 *
 * Prefixes are compared as 64-bit fingerprints of the key's first c characters
 * at fixed checkpoints c = excerpt_min_key, + 16, + 32, ... up to
 * prefix_max (48, 64, 80, 96, 112, 128 with the shipped limits). An excerpt is
 * compared with full answers on the largest checkpoint not longer than its
 * key, so one whose key ends between two checkpoints may match a full answer
 * that differs from it after that checkpoint (an excerpt of 70 characters is
 * compared on its first 64); beyond prefix_max characters are not
 * compared, only the lengths. A full answer checks earlier excerpts exactly up
 * to prefix_max (it fingerprints its own prefix at the excerpt's length).
 *
 * Every lookup is a few probes of open-addressing tables (expected O(1), no
 * scan of the answers sharing a prefix); the index keeps no text, and its
 * tables keep no keys: a slot is 4 bytes naming where its key is read. The
 * exact table's slot is a record number, its key the record's answer_id (the
 * few keys that are not a record's own answer_id, match_text's for one, sit
 * in a small keyed table). The one prefix table of every checkpoint names an
 * entry and the checkpoint: an entry is one distinct prefix, its 64-bit
 * fingerprint and the record it leads to now (12 bytes; a later answer
 * through the same prefix takes the entry over), so a prefix that many
 * answers share costs its fingerprint once. A record is its answer_id (8
 * bytes) and key length (2; longer keys aside); question_ids are kept a run
 * of records at a time (a page's records share one), chain links and the
 * whole-key fingerprints of excerpts aside (few records have them). Tables
 * grow by 3/2 and 4/3 in turn, so they are 1/2 to 3/4 full. Bytes per
 * distinct answer at 1 GB of the benchmark's pages (2.51 million distinct
 * answers, 3.65 distinct prefixes each): ~44 of entries, ~20 of prefix
 * table, ~7 of exact table, ~10 a record: about 85 resident (90 counting
 * the arrays' unused capacity, tests/bench_dedup.c; its peak RSS 219,312
 * KiB, was 245,604 with a fingerprint a record and checkpoint).
 *
 * Memory budget (options.memory_budget, settings.rules' dedup_memory_mib).
 * In memory the index takes ~110 bytes a distinct answer, without bound, so
 * once it would pass seven eighths of the budget (the last eighth is for
 * what the move makes beside what it frees), the parts that grow with every
 * distinct answer move, once, to unlinked scratch files (cn_diskmap over
 * cn_diskarray: pread/pwrite of 4 KiB blocks, not mmap, whose file pages
 * would count as resident): the exact table by own key and the full
 * answers' prefix table, as hash maps whose 16-byte slots hold the key
 * itself (answer_id, or checkpoint and fingerprint) and the record, and the
 * records (22 bytes: answer_id, key length, chain link, question_id). What
 * stays in memory grows with excerpts and repeats, not with every answer:
 * the excerpts' prefix table and whole-key fingerprints, the keyed exact
 * table, long keys' lengths. From then on the index holds that, a
 * direct-mapped block cache (a thirty-second of the budget), the maps'
 * waiting writes (a quarter and a sixteenth, 24 bytes a write, applied to
 * the file in slot order when full, so a block takes all of its writes at
 * once) and filters of their keys (an eighth and a sixteenth, two bits a
 * key): ~25 MB at 1 GB of the benchmark's pages with the shipped 40 MiB.
 * Every answer is the same either way: a map answers what its table did
 * (the latest record under a key); only where it is kept differs. On disk a
 * new answer's lookups (its own key; its last checkpoint, whose earlier
 * holder it needs; the other checkpoints are writes, which wait) miss, and
 * the filters tell most misses without a read; it costs its share of the
 * writes' passes. The benchmark's 100 MB (28 MB of index) stays in memory.
 * A scratch file that fails (a folder that cannot take it, a full disk, a
 * file size limit) is an error from cn_dedup_assign naming the folder
 * (CN_ERR_IO), and every later page gets it too.
 *
 * Fingerprints stay 64-bit. Two different prefixes are taken for one only
 * when their fingerprints are equal (the slot is found from the same bits, so
 * it adds nothing): with n distinct prefixes at a checkpoint, a lookup of a
 * new prefix hits a wrong one with probability about n / 2^64. At 1 GB (n
 * under 9.2 million, ~15 million lookups) that is about 7e-6 for the whole
 * run; 32-bit fingerprints would give about 30,000 wrong matches, 48-bit
 * ones about 0.5 a run.
 */
#ifndef CN_DEDUP_H
#define CN_DEDUP_H

#include "cn_error.h"
#include "cn_page.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_dedup cn_dedup;

typedef struct cn_dedup_options {
    size_t min_key;         /* shorter keys are matched within their question only */
    size_t excerpt_min_key; /* shorter excerpts are not matched by prefix */
    size_t prefix_max;      /* key characters compared for prefix matching */
    /* Bytes the index may hold in memory before its bulky parts go to disk
     * (see "Memory budget" above); 0: never. */
    size_t memory_budget;
    const char *spill_dir; /* folder of its scratch files (borrowed); NULL: $TMPDIR, else /tmp */
} cn_dedup_options;

int cn_dedup_new(const cn_dedup_options *options, cn_dedup **out, cn_error *err);
void cn_dedup_free(cn_dedup *dedup);

/* Set page->question_id and each answer's answer_id, duplicate_of and related,
 * then add the page's answers to the index. Pages must come in reading order.
 * CN_ERR_NOMEM, or CN_ERR_IO when the scratch files fail (err says which
 * folder and why): the page's fields are then not to be used, and the index
 * refuses every later page with the same error. */
int cn_dedup_assign(cn_dedup *dedup, cn_page *page, cn_error *err);

/* The folder of the scratch files from now on (options.spill_dir; borrowed:
 * it must outlive the index). Takes effect when the budget is reached. */
void cn_dedup_set_spill_dir(cn_dedup *dedup, const char *dir);

/* Distinct answers indexed so far. */
size_t cn_dedup_count(const cn_dedup *dedup);

/* Bytes the index holds in memory (records, fingerprints and tables; once
 * spilled, the block cache and what stays in memory). */
size_t cn_dedup_bytes(const cn_dedup *dedup);

/* Has the index moved its bulky parts to disk (memory_budget reached)? */
bool cn_dedup_spilled(const cn_dedup *dedup);

#endif
