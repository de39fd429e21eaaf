/*
 * cn_relabel: how far a question's consensus survives the classifier's own
 * errors. The stances are the classifier's, and on real pages it is wrong
 * about half the time; a "strong consensus" counted from its labels is only as
 * strong as they are. Given each answer's predicted stance and the
 * classifier's confusion matrix measured on hand-labelled real answers
 * (counts of true x predicted, rules/confusion.rules), this draws plausible
 * true stances for every answer, P(true = t | predicted = p) proportional to
 * count[t][p] + 1 (Bayes' rule with the matrix's own label frequencies as the
 * prior, and one pseudo-count so no cell is impossible), recomputes the
 * majority and the level each time (cn_consensus_level_of), and reports:
 * - holds: the share of draws in which the same stance is still the majority
 *   at the same level or higher (NaN when the reported level is none or
 *   insufficient: nothing to hold);
 * - share_lo, share_hi: the 2.5% and 97.5% quantiles of that stance's share
 *   of the stance-taking answers over the draws (NaN without a majority).
 * Pooled (opts->relabel_concentration s > 0): a question's true stance shares
 * are Dirichlet(s x the matrix's true-stance shares) and each prediction
 * comes from its answer's true stance by the matrix's rows, so answers that
 * agree make each other likelier right. Overdispersed (also
 * opts->relabel_error_concentration c > 0): each question draws its own rows
 * P(predicted | true t) from Dirichlet(c x the matrix's row t), so one
 * question's answers are misread alike and predictions that agree are weaker
 * evidence than independent ones (what the classifier does on real pages).
 * Answers an editor has corrected are certain and never redrawn. Only the
 * counts matter. Up to CN_RELABEL_EXACT_MAX answers to redraw, the figures
 * are exact: a sum over every count vector the relabeling can give (O(n^3)
 * of them), its distribution the convolution of one multinomial per
 * predicted stance; the share's quantiles are then those of that discrete
 * distribution (the smallest share whose cumulative probability reaches
 * 2.5% / 97.5%), which the redraws' quantiles tend to. Above, `draws`
 * redraws, the answers predicted p redrawn together, one multinomial draw per
 * predicted stance (GSL), whatever their number; seeded and deterministic.
 */
#ifndef CN_RELABEL_H
#define CN_RELABEL_H

#include "cn_consensus.h"
#include "cn_error.h"
#include "cn_stance.h"

#include <stdbool.h>
#include <stddef.h>

/* Most answers to redraw for which the figures are exact (a sum over at most
 * C(19, 3) = 969 count vectors, cheaper than the redraws). */
#define CN_RELABEL_EXACT_MAX 16

typedef struct cn_relabel_result {
    double holds;
    double share_lo, share_hi;
    size_t draws; /* redraws made; 0 when exact */
    bool exact;
} cn_relabel_result;

/* confusion[t][p]: labelled answers of true stance t the classifier called p.
 * certain (may be NULL): answers not to redraw. CN_ERR_USAGE for a negative
 * count, a negative concentration, an error concentration without a
 * concentration, draws == 0 or more than UINT_MAX / 2 answers; CN_ERR_NOMEM. */
int cn_relabel_compute(const cn_consensus_opts *opts, const cn_stance *predicted,
                       const bool *certain, size_t n,
                       const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                       unsigned long seed, cn_relabel_result *out, cn_error *err);

/* The counts relabeling depends on: answers an editor set (fixed, by stance)
 * and answers to redraw (group, by predicted stance). CN_ERR_USAGE for more
 * than UINT_MAX / 2 answers. */
int cn_relabel_count(const cn_stance *predicted, const bool *certain, size_t n,
                     long fixed[CN_STANCE_COUNT], unsigned group[CN_STANCE_COUNT], cn_error *err);

/* What computations in a row can share: the levels of the count vectors
 * seen (valid for one set of consensus options), the random generator
 * (seeded afresh by every computation) and scratch. NULL when out of memory. */
typedef struct cn_relabel_work cn_relabel_work;
cn_relabel_work *cn_relabel_work_new(void);
void cn_relabel_work_free(cn_relabel_work *work);
/* Forget the levels seen: before a computation with other options. */
void cn_relabel_work_forget(cn_relabel_work *work);

/* cn_relabel_compute from those counts: the figures depend on nothing else
 * (and the options, matrix, draws and seed), which cn_relabel_memo uses.
 * work: shared with earlier computations with the same options, or NULL. */
int cn_relabel_compute_counts(const cn_consensus_opts *opts, const long fixed[CN_STANCE_COUNT],
                              const unsigned group[CN_STANCE_COUNT],
                              const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                              size_t draws, unsigned long seed, cn_relabel_work *work,
                              cn_relabel_result *out, cn_error *err);

#endif
