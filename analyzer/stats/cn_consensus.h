/*
 * cn_consensus: what the physicians' answers to one question (or on one
 * claim) say together, from the stance counts alone.
 *
 * Input: counts[CN_STANCE_COUNT] indexed by cn_stance (none, reassuring,
 * cautionary, contraindicated). "Stance-taking answers" are the ones that are
 * not `none`; the majority, its share, the consensus level, the ordinal
 * consensus, the entropy and the posterior are all over those answers only,
 * since an answer without a position neither supports nor opposes anything.
 *
 * Figures (docs/statistics.md explains each one and its degenerate cases):
 * - props[k]: count, proportion and Wilson + Clopper-Pearson intervals. For
 *   the three stances the denominator is the stance-taking answers; for
 *   props[CN_STANCE_NONE] it is all answers (how many said nothing).
 * - majority: the stance with the largest count; on a tie for the largest
 *   count there is no majority (majority = CN_STANCE_NONE, tie = true).
 *   share = largest count / stance-taking answers (also reported on a tie).
 * - interval: the majority share's interval at `level`: exact
 *   (Clopper-Pearson) below CN_CONSENSUS_EXACT_BELOW stance-taking answers,
 *   where Wilson's coverage dips to 82-84% for some shares, Wilson from there.
 * - p_over_half: P(the majority's true share > 1/2), and p_reach[L]: P(true
 *   share >= the threshold of level L), under the posterior Beta(1 + k,
 *   1 + n - k) of the majority's share (a uniform prior), in closed form.
 * - level: CN_CONSENSUS_INSUFFICIENT when fewer than min_answers answers take
 *   a stance; else CN_CONSENSUS_NONE on a tie; else the highest of strong /
 *   moderate / weak whose threshold the share reaches (>=) AND whose p_reach
 *   is at least `posterior` (0.8): six of seven (86%) is "moderate", not
 *   "strong", since P(share >= 0.75) is only 0.63 after seven answers; five of
 *   five (0.82) is strong. share_level is the level the share alone gives.
 * - ordinal: Tastle & Wierman's consensus Cns on reassuring < cautionary <
 *   contraindicated (1 = all the same, 0 = split between the two ends).
 * - entropy: Shannon entropy of the three stance shares divided by log 3
 *   (0 = all the same, 1 = evenly split).
 * - posterior: P(stance k is the most common, a plurality) under the
 *   posterior Dirichlet(1 + counts) over the three stances, exactly (a finite
 *   sum of negative binomial x incomplete beta terms, cn_consensus.c);
 *   posterior_majority is that probability for the majority. Not the
 *   probability of holding over half: that is p_over_half.
 * Undefined figures (no stance-taking answers, a tie's posterior_majority) are NaN.
 */
#ifndef CN_CONSENSUS_H
#define CN_CONSENSUS_H

#include "cn_cdf_memo.h"
#include "cn_error.h"
#include "cn_interval.h"
#include "cn_stance.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum cn_consensus_level {
    CN_CONSENSUS_INSUFFICIENT = 0, /* too few stance-taking answers to say */
    CN_CONSENSUS_NONE = 1,         /* a tie, or the majority is below `weak` */
    CN_CONSENSUS_WEAK = 2,
    CN_CONSENSUS_MODERATE = 3,
    CN_CONSENSUS_STRONG = 4
} cn_consensus_level;

/* Defaults (documented in docs/statistics.md). */
#define CN_CONSENSUS_DEFAULT_STRONG 0.75
#define CN_CONSENSUS_DEFAULT_MODERATE 0.60
#define CN_CONSENSUS_DEFAULT_WEAK 0.50
#define CN_CONSENSUS_DEFAULT_MIN_ANSWERS 5
#define CN_CONSENSUS_DEFAULT_SEED 1
#define CN_CONSENSUS_DEFAULT_POSTERIOR 0.80
/* Fewer stance-taking answers than this: the exact interval. */
#define CN_CONSENSUS_EXACT_BELOW 30
#define CN_CONSENSUS_DEFAULT_RELABEL_DRAWS 2000

/* Options; set them with cn_consensus_opts_init, then change what you need.
 * Need 0 < weak <= moderate <= strong <= 1, level in (0,1), min_answers >= 1.
 * Every figure of cn_consensus_compute is exact; only cn_relabel draws. */
typedef struct cn_consensus_opts {
    double level;       /* confidence level of the intervals (0.95) */
    double strong;      /* share needed for "strong" (0.75) */
    double moderate;    /* share needed for "moderate" (0.60) */
    double weak;        /* share needed for "weak" (0.50) */
    long min_answers;   /* fewer stance-taking answers: "insufficient" (5) */
    unsigned long seed; /* gsl_rng (mt19937) seed of cn_relabel's redraws (1) */
    double posterior;   /* a level needs P(share >= its threshold) >= this (0.8);
                           0: the share alone decides */
    /* The classifier's confusion matrix ([true][predicted] counts on labelled
     * answers) for cn_relabel, or NULL; relabel_draws redraws (2000). Used
     * by cn_tally, which has the answers; cn_consensus_compute ignores them. */
    const double (*confusion)[CN_STANCE_COUNT];
    size_t relabel_draws;
    /* How alike one question's answers are, for cn_relabel: the concentration
     * s of the Dirichlet prior over a question's true stance shares (0: every
     * answer's true stance drawn on its own, the default; see cn_relabel.h) */
    double relabel_concentration;
    /* How alike the classifier's errors on one question's answers are, for
     * cn_relabel: the concentration c of the Dirichlet around each row of the
     * confusion matrix from which a question draws its own rows (0: every
     * answer's prediction drawn on its own from the matrix, the default;
     * needs relabel_concentration > 0; see cn_relabel.h) */
    double relabel_error_concentration;
} cn_consensus_opts;

typedef struct cn_consensus_result {
    long answers;        /* all answers, `none` included */
    long stance_answers; /* answers that take a stance */
    cn_proportion props[CN_STANCE_COUNT];
    cn_stance majority; /* CN_STANCE_NONE: no majority */
    bool tie;           /* the largest count is shared */
    double share;       /* largest count / stance_answers */
    cn_consensus_level level;
    double ordinal;                    /* Tastle & Wierman Cns */
    double entropy;                    /* normalized Shannon entropy */
    double posterior[CN_STANCE_COUNT]; /* [0] unused (NaN) */
    double posterior_majority;
    cn_interval interval;        /* the majority share's headline interval */
    const char *interval_method; /* "exact" or "wilson" (static) */
    double p_over_half;          /* P(true majority share > 1/2); NaN without a majority */
    double contested; /* P(no stance's true share reaches 1/2) under the Dirichlet(1 + counts)
                         posterior of the three stances: how surely the physicians are split,
                         so 10/10/10 (0.92) comes before 1/1/1 (0.44) and 5/5 (0.23); NaN
                         without stance-taking answers */
    double p_reach[CN_CONSENSUS_STRONG + 1]; /* [WEAK], [MODERATE], [STRONG] used */
    cn_consensus_level share_level;          /* the level by the share alone */
    /* cn_relabel's figures when the tally had a confusion matrix: the share of
     * plausible relabelings in which the level holds, and the majority
     * share's range under them; NaN (and 0 draws) otherwise. */
    double relabel_holds, relabel_share_lo, relabel_share_hi;
    size_t relabel_draws;
    /* "exact" (a sum over every relabeling), "monte_carlo" (relabel_draws
     * redraws), NULL when not relabeled */
    const char *relabel_method;
} cn_consensus_result;

/* The majority (*majority; CN_STANCE_NONE on a tie or without stances) and
 * the level of a set of counts, by the same rule as cn_consensus_compute,
 * without the intervals and the posterior: cheap enough to call thousands
 * of times (cn_relabel). opts must be valid (cn_consensus_compute checks). */
cn_consensus_level cn_consensus_level_of(const cn_consensus_opts *opts,
                                         const long counts[CN_STANCE_COUNT], cn_stance *majority);
/* The same, its distribution functions through memo (NULL: computed). */
cn_consensus_level cn_consensus_level_of_memo(const cn_consensus_opts *opts,
                                              const long counts[CN_STANCE_COUNT], cn_cdf_memo *memo,
                                              cn_stance *majority);

/* P(X >= x) for X ~ Beta(1 + k, 1 + n - k), the posterior of a share after k
 * of n under a uniform prior: P(Binomial(n + 1, x) <= k). */
double cn_share_posterior_at_least(long k, long n, double x);

void cn_consensus_opts_init(cn_consensus_opts *opts);

/* The options for a tally pooled over k questions (a catalog claim): each
 * question misreads its own answers alike, but questions do not share their
 * error rows, so the pooled tally's one set of rows is as concentrated as
 * the mean of k questions' rows. The mean of k independent Dirichlet(c x row)
 * vectors has the covariance of one Dirichlet((k (c + 1) - 1) x row): the
 * error concentration becomes that (moment matching; k <= 1 or c = 0: opts
 * as they are). */
cn_consensus_opts cn_consensus_opts_pooled(const cn_consensus_opts *opts, size_t k);

/* Compute every figure for one question/claim. opts may be NULL (defaults).
 * Returns CN_OK; CN_ERR_USAGE for a negative count, a count above UINT_MAX / 4
 * or inconsistent options. */
int cn_consensus_compute(const cn_consensus_opts *opts, const long counts[CN_STANCE_COUNT],
                         cn_consensus_result *out, cn_error *err);
/* The same, its distribution functions through memo (NULL: computed): the
 * same figures bit for bit, for less work when many counts are computed. */
int cn_consensus_compute_with(const cn_consensus_opts *opts, const long counts[CN_STANCE_COUNT],
                              cn_cdf_memo *memo, cn_consensus_result *out, cn_error *err);

/* "insufficient", "none", "weak", "moderate", "strong". */
const char *cn_consensus_level_name(cn_consensus_level level);

/* Tastle & Wierman (2007) consensus of k ordered categories valued 1..k with
 * the given counts: Cns = 1 + sum_i p_i log2(1 - |i - mean| / (k - 1)).
 * NaN when the counts sum to 0 or k < 2. */
double cn_tastle_wierman(const long *counts, size_t k);

/* Shannon entropy of the counts' shares divided by log k (in [0, 1]);
 * NaN when the counts sum to 0 or k < 2. */
double cn_normalized_entropy(const long *counts, size_t k);

#endif
