/*
 * test_consensus: per-question figures from stance counts.
 *
 * Sources:
 * - Tastle WJ, Wierman MJ (2007), "Consensus and dissention: A measure of
 *   ordinal dispersion", Int J Approximate Reasoning 45:531-545: the measure
 *   Cns(X) = 1 + sum p_i log2(1 - |X_i - mu| / d_X) and its stated anchors:
 *   Cns = 1 when everyone picks the same category, Cns = 0 when the answers
 *   are split evenly between the two extreme categories.
 * - A hand computation of the same formula: (1/2, 1/2, 0, 0, 0) on a 5-point
 *   scale has mu = 1.5, d = 4, so Cns = 1 + log2(1 - 0.125) = 0.8073549220576...
 * - tests/data/stats/reference.py: the other Cns and entropy values.
 * - P(component k of Dirichlet(a) is the largest), exactly, in rational
 *   arithmetic (Python's fractions; the code is below), by
 *   inclusion-exclusion over finite negative-multinomial sums, a method
 *   independent of the library's (a positive series of incomplete betas):
 *     from fractions import Fraction; from math import comb
 *     def p_gt(a1, aj):  # P(Gj > G1), G ~ Gamma(a, 1)
 *         return sum(Fraction(comb(a1 + i - 1, i), 2 ** (a1 + i)) for i in range(aj))
 *     def p_both(a1, a2, a3):  # P(G2 > G1, G3 > G1)
 *         t = Fraction(0)
 *         for s in range(a2 + a3 - 1):
 *             inner = sum(comb(s, i) for i in range(max(0, s - a3 + 1), min(s, a2 - 1) + 1))
 *             t += Fraction(comb(a1 - 1 + s, s) * inner, 3 ** (a1 + s))
 *         return t
 *     p_largest = lambda a1, a2, a3: 1 - p_gt(a1, a2) - p_gt(a1, a3) + p_both(a1, a2, a3)
 *   printed as "%.17g" % float(p) (correctly rounded). R 4.2.2 (Debian's
 *   r-base-core) by numerical integration agrees to 1e-14 except on the
 *   1e-38 value, where integrate() is off by 2e-6 relative:
 *     pmax_k <- function(a, k) {
 *       o <- a[-k]
 *       f <- function(x) dgamma(x, a[k]) * pgamma(x, o[1]) * pgamma(x, o[2])
 *       lo <- max(0, a[k] - 15 * sqrt(a[k]) - 15); hi <- a[k] + 15 * sqrt(a[k]) + 60
 *       integrate(f, lo, hi, rel.tol = 1e-13, abs.tol = 0, subdivisions = 1000L)$value
 *     }
 * - Wilson interval of 9/11: reference.py and Newcombe-style closed form.
 */
#include "testutil.h"

#include "cn_cdf_memo.h"
#include "cn_consensus.h"
#include "cn_consensus_memo.h"
#include "cn_consensus_pool.h"
#include "cn_relabel.h"
#include "cn_relabel_memo.h"
#include "cn_tally.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <pthread.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-15)

/* Monte Carlo agreement (cn_relabel): within k standard errors of p for `draws` draws. */
static int within_se(double got, double p, size_t draws, double k)
{
    double se = sqrt(p * (1.0 - p) / (double)draws);
    return fabs(got - p) <= k * se;
}

static void test_tastle_wierman_published_anchors(void)
{
    long split[5] = {1, 0, 0, 0, 1};    /* half strongly agree, half strongly disagree */
    long same[5] = {0, 0, 5, 0, 0};     /* everyone neutral */
    long half_low[5] = {1, 1, 0, 0, 0}; /* hand computation above */
    CU_ASSERT_DOUBLE_EQUAL(cn_tastle_wierman(split, 5), 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cn_tastle_wierman(same, 5), 1.0, 1e-12);
    ASSERT_REL(cn_tastle_wierman(half_low, 5), 0.8073549220576042, 1e-12);
    /* larger even splits at the ends stay at 0 */
    long split7[5] = {7, 0, 0, 0, 7};
    CU_ASSERT_DOUBLE_EQUAL(cn_tastle_wierman(split7, 5), 0.0, 1e-12);
}

static void test_tastle_wierman_reference(void)
{
    long uniform[5] = {1, 1, 1, 1, 1};
    long stances[3] = {2, 5, 1};
    ASSERT_REL(cn_tastle_wierman(uniform, 5), 0.43398500028846243, 1e-12);
    ASSERT_REL(cn_tastle_wierman(stances, 3), 0.5852072378731027, 1e-12);
    long none[3] = {0, 0, 0};
    CU_ASSERT_TRUE(isnan(cn_tastle_wierman(none, 3)));
}

static void test_entropy_reference(void)
{
    long even[3] = {1, 1, 1}, mixed[3] = {2, 5, 1}, lean[3] = {1, 1, 9}, one[3] = {0, 4, 0};
    ASSERT_REL(cn_normalized_entropy(even, 3), 1.0, 1e-12);
    ASSERT_REL(cn_normalized_entropy(mixed, 3), 0.8194483718728035, 1e-12);
    ASSERT_REL(cn_normalized_entropy(lean, 3), 0.5462947022805017, 1e-12);
    CU_ASSERT_EQUAL(cn_normalized_entropy(one, 3), 0.0);
    long none[3] = {0, 0, 0};
    CU_ASSERT_TRUE(isnan(cn_normalized_entropy(none, 3)));
}

static cn_consensus_result run(const long counts[CN_STANCE_COUNT], const cn_consensus_opts *o)
{
    cn_consensus_result r;
    cn_error err;
    int rc = cn_consensus_compute(o, counts, &r, &err);
    CU_ASSERT_EQUAL_FATAL(rc, CN_OK);
    return r;
}

/* "9 of 11 physicians advise against it (82%, 95% CI 52-95%)" (DESIGN.md). */
static void test_nine_of_eleven(void)
{
    long counts[CN_STANCE_COUNT] = {2, 1, 1, 9}; /* 2 answers without a stance */
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.answers, 13);
    CU_ASSERT_EQUAL(r.stance_answers, 11);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_CONTRAINDICATED);
    CU_ASSERT_FALSE(r.tie);
    ASSERT_REL(r.share, 9.0 / 11.0, 1e-15);
    /* 82% reaches "strong" by the share alone, but after 11 answers
     * P(true share >= 0.75) = P(Binomial(12, 0.75) <= 9) = 0.60932 < 0.8
     * (exact rational arithmetic, tests/real/README's Python): moderate. */
    CU_ASSERT_EQUAL(r.share_level, CN_CONSENSUS_STRONG);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_MODERATE);
    CU_ASSERT_STRING_EQUAL(cn_consensus_level_name(r.level), "moderate");
    ASSERT_REL(r.p_reach[CN_CONSENSUS_STRONG], 0.6093249917030334, 1e-12);
    ASSERT_REL(r.p_reach[CN_CONSENSUS_MODERATE], 0.91655667712, 1e-12);
    ASSERT_REL(r.p_over_half, 0.980712890625, 1e-12);
    /* below 30 answers the headline interval is the exact one */
    CU_ASSERT_STRING_EQUAL(r.interval_method, "exact");
    ASSERT_REL(r.interval.lo, 0.48224414763982715, 1e-9);
    const cn_proportion *p = &r.props[CN_STANCE_CONTRAINDICATED];
    CU_ASSERT_EQUAL(p->count, 9);
    CU_ASSERT_EQUAL(p->n, 11);
    ASSERT_REL(p->wilson.lo, 0.5230194380391561, 1e-9);
    ASSERT_REL(p->wilson.hi, 0.948632310253915, 1e-9);
    ASSERT_REL(p->exact.lo, 0.48224414763982715, 1e-9);
    ASSERT_REL(p->exact.hi, 0.9771688017000404, 1e-9);
    /* `none` is over all answers */
    CU_ASSERT_EQUAL(r.props[CN_STANCE_NONE].count, 2);
    CU_ASSERT_EQUAL(r.props[CN_STANCE_NONE].n, 13);
    /* posterior: Dirichlet(2, 2, 10); exact: P(contraindicated largest) */
    ASSERT_REL(r.posterior_majority, 0.98861807007974545, 1e-12);
    ASSERT_REL(r.posterior[CN_STANCE_REASSURING], 0.0056909649601272769, 1e-11);
    ASSERT_REL(r.posterior[CN_STANCE_CAUTIONARY], 0.0056909649601272769, 1e-11);
}

static void test_levels_default_thresholds(void)
{
    struct {
        long counts[CN_STANCE_COUNT];
        cn_consensus_level level;
        cn_stance majority;
    } cases[] = {
        {{0, 6, 2, 2}, CN_CONSENSUS_MODERATE, CN_STANCE_REASSURING},     /* 60% */
        {{0, 5, 3, 2}, CN_CONSENSUS_WEAK, CN_STANCE_REASSURING},         /* 50% */
        {{0, 4, 3, 3}, CN_CONSENSUS_NONE, CN_STANCE_REASSURING},         /* 40% plurality */
        {{0, 3, 9, 0}, CN_CONSENSUS_STRONG, CN_STANCE_CAUTIONARY},       /* 75% exactly */
        {{9, 1, 3, 0}, CN_CONSENSUS_INSUFFICIENT, CN_STANCE_CAUTIONARY}, /* none do not count */
        {{0, 4, 0, 0}, CN_CONSENSUS_INSUFFICIENT, CN_STANCE_REASSURING}, /* 4 < 5 */
        {{0, 5, 0, 0}, CN_CONSENSUS_STRONG, CN_STANCE_REASSURING},       /* 5 = minimum */
    };
    /* the share alone decides here (posterior 0): the Delphi thresholds */
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.posterior = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cn_consensus_result r = run(cases[i].counts, &o);
        CU_ASSERT_EQUAL(r.level, cases[i].level);
        CU_ASSERT_EQUAL(r.share_level, cases[i].level);
        CU_ASSERT_EQUAL(r.majority, cases[i].majority);
    }
}

/* Issue 12: a level needs P(true share >= its threshold) >= 0.8 under
 * Beta(1 + k, 1 + n - k); the values are exact (P(Binomial(n + 1, x) <= k),
 * in rational arithmetic). */
static void test_levels_need_the_posterior(void)
{
    struct {
        long counts[CN_STANCE_COUNT];
        cn_consensus_level level, share_level;
        double p_strong, p_over_half;
    } cases[] = {
        /* 5 of 5: 1 - 0.75^6 = 0.822 >= 0.8: strong (the 0.82) */
        {{0, 5, 0, 0}, CN_CONSENSUS_STRONG, CN_CONSENSUS_STRONG, 0.822021484375, 0.984375},
        /* 6 of 7 (86%): 0.633: moderate */
        {{0, 0, 1, 6}, CN_CONSENSUS_MODERATE, CN_CONSENSUS_STRONG, 0.6329193115234375, 0.96484375},
        /* 10 of 11: 0.842: strong */
        {{0, 10, 1, 0},
         CN_CONSENSUS_STRONG,
         CN_CONSENSUS_STRONG,
         0.8416182398796082,
         0.996826171875},
        /* 8 of 10: 0.545: moderate (P(share >= 0.6) = 0.881) */
        {{0, 8, 2, 0},
         CN_CONSENSUS_MODERATE,
         CN_CONSENSUS_STRONG,
         0.5447990894317627,
         0.96728515625},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cn_consensus_result r = run(cases[i].counts, NULL);
        CU_ASSERT_EQUAL(r.level, cases[i].level);
        CU_ASSERT_EQUAL(r.share_level, cases[i].share_level);
        ASSERT_REL(r.p_reach[CN_CONSENSUS_STRONG], cases[i].p_strong, 1e-12);
        ASSERT_REL(r.p_over_half, cases[i].p_over_half, 1e-12);
    }
    /* the closed form itself: P(Beta(4, 2) >= 0.5) = 1 - I_0.5(4, 2) = 13/16 */
    ASSERT_REL(cn_share_posterior_at_least(3, 4, 0.5), 13.0 / 16.0, 1e-14);
    CU_ASSERT_TRUE(isnan(cn_share_posterior_at_least(5, 4, 0.5)));
    /* a tie has no majority and no posterior figures */
    long tie[CN_STANCE_COUNT] = {0, 3, 3, 0};
    cn_consensus_result r = run(tie, NULL);
    CU_ASSERT_TRUE(isnan(r.p_over_half));
    CU_ASSERT_TRUE(isnan(r.interval.lo));
}

/* Issue 12: the headline interval keeps its 95% promise at every n below 30
 * and every true share: exact coverage by enumeration over x = 0..n,
 * sum of Binomial(n, p) probabilities of the x whose interval covers p, on a
 * grid of 199 shares (a simulation could only approximate this). Wilson, the
 * interval used before, falls to ~0.82 at some (n, p), which this also shows. */
static void test_interval_coverage(void)
{
    double worst_exact = 1, worst_wilson = 1;
    for (long n = 2; n <= 30; n++) {
        cn_proportion *props = calloc((size_t)n + 1, sizeof *props);
        cn_error err;
        for (long x = 0; x <= n; x++)
            CU_ASSERT_EQUAL_FATAL(cn_proportion_compute(x, n, 0.95, &props[x], &err), CN_OK);
        for (int g = 1; g < 200; g++) {
            double p = g / 200.0, cov_exact = 0, cov_wilson = 0;
            for (long x = 0; x <= n; x++) {
                double pmf = exp(lgamma(n + 1.0) - lgamma(x + 1.0) - lgamma(n - x + 1.0) +
                                 x * log(p) + (n - x) * log1p(-p));
                if (props[x].exact.lo <= p && p <= props[x].exact.hi)
                    cov_exact += pmf;
                if (props[x].wilson.lo <= p && p <= props[x].wilson.hi)
                    cov_wilson += pmf;
            }
            if (n < CN_CONSENSUS_EXACT_BELOW && cov_exact < worst_exact)
                worst_exact = cov_exact;
            if (cov_wilson < worst_wilson)
                worst_wilson = cov_wilson;
        }
        free(props);
    }
    fprintf(stderr, "\n    worst coverage n=2..30: exact %.4f, Wilson %.4f", worst_exact,
            worst_wilson);
    CU_ASSERT(worst_exact >= 0.95 - 1e-9);
    CU_ASSERT(worst_wilson < 0.9); /* why the exact one is used at small n */
}

static void test_tie_has_no_majority(void)
{
    long counts[CN_STANCE_COUNT] = {1, 3, 3, 1};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_TRUE(r.tie);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_NONE);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_NONE);
    ASSERT_REL(r.share, 3.0 / 7.0, 1e-15);
    CU_ASSERT_TRUE(isnan(r.posterior_majority));
    /* Dirichlet(4, 4, 2): each tied stance is the largest with P = 0.45683775... (exact) */
    ASSERT_REL(r.posterior[CN_STANCE_REASSURING], 0.45683775339125132, 1e-12);
    ASSERT_REL(r.posterior[CN_STANCE_CAUTIONARY], 0.45683775339125132, 1e-12);
    CU_ASSERT_EQUAL(r.posterior[CN_STANCE_REASSURING], r.posterior[CN_STANCE_CAUTIONARY]);
    ASSERT_REL(r.posterior[CN_STANCE_CONTRAINDICATED], 0.086324493217497328, 1e-12);
    /* a tie below the minimum is still "insufficient" */
    long few[CN_STANCE_COUNT] = {0, 2, 2, 0};
    r = run(few, NULL);
    CU_ASSERT_TRUE(r.tie);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_INSUFFICIENT);
}

static void test_custom_thresholds(void)
{
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.strong = 0.9;
    o.moderate = 0.8;
    o.weak = 0.7;
    o.min_answers = 3;
    o.posterior = 0; /* the share alone */
    long nine[CN_STANCE_COUNT] = {0, 1, 1, 9};
    CU_ASSERT_EQUAL(run(nine, &o).level, CN_CONSENSUS_MODERATE); /* 81.8% */
    long four[CN_STANCE_COUNT] = {0, 0, 0, 4};
    CU_ASSERT_EQUAL(run(four, &o).level, CN_CONSENSUS_STRONG); /* 4 >= 3 answers */
    long six[CN_STANCE_COUNT] = {0, 6, 4, 0};
    CU_ASSERT_EQUAL(run(six, &o).level, CN_CONSENSUS_NONE); /* 60% < 70% */
    o.level = 0.99;
    cn_consensus_result r = run(nine, &o);
    ASSERT_REL(r.props[CN_STANCE_CONTRAINDICATED].exact.lo, 0.39150502902196704, 1e-9);
}

/* cn_relabel (issue 12): the consensus redrawn under the classifier's errors.
 * Five answers predicted reassuring, 5 of 5 is strong; it stays strong only
 * when all five are truly reassuring (4 of 5 gives P(share >= 0.75) = 0.47).
 * With P(true reassuring | predicted reassuring) = 81 / 90 = 0.9 (counts
 * none 2, reassuring 80, cautionary 2, contraindicated 2, each + 1), the exact
 * answer is 0.9^5 = 0.59049; five answers are summed exactly (issue 14). */
static void test_relabel(void)
{
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT] = {{0}};
    m[CN_STANCE_NONE][CN_STANCE_REASSURING] = 2;
    m[CN_STANCE_REASSURING][CN_STANCE_REASSURING] = 80;
    m[CN_STANCE_CAUTIONARY][CN_STANCE_REASSURING] = 2;
    m[CN_STANCE_CONTRAINDICATED][CN_STANCE_REASSURING] = 2;
    cn_stance pred[5] = {CN_STANCE_REASSURING, CN_STANCE_REASSURING, CN_STANCE_REASSURING,
                         CN_STANCE_REASSURING, CN_STANCE_REASSURING};
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_relabel_result r;
    cn_error err;
    size_t draws = 20000;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, pred, NULL, 5, m, draws, 7, &r, &err), CN_OK);
    CU_ASSERT_EQUAL(r.draws, 0);
    CU_ASSERT_TRUE(r.exact);
    ASSERT_REL(r.holds, 0.59049, 1e-12);
    /* the share's range: all five (1.0) at the top, 4 of 5 in most other draws */
    CU_ASSERT_DOUBLE_EQUAL(r.share_hi, 1.0, 1e-12);
    CU_ASSERT(r.share_lo >= 0.5 && r.share_lo <= 0.8);
    /* the same seed, the same figures */
    cn_relabel_result again;
    cn_relabel_compute(&o, pred, NULL, 5, m, draws, 7, &again, &err);
    CU_ASSERT_EQUAL(again.holds, r.holds);
    /* answers an editor set are never redrawn */
    bool certain[5] = {true, true, true, true, true};
    CU_ASSERT_EQUAL(cn_relabel_compute(&o, pred, certain, 5, m, 100, 7, &r, &err), CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(r.holds, 1.0, 1e-12);
    /* nothing to hold below the minimum, and bad input is refused */
    CU_ASSERT_EQUAL(cn_relabel_compute(&o, pred, NULL, 3, m, 100, 7, &r, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(r.holds));
    CU_ASSERT_NOT_EQUAL(cn_relabel_compute(&o, pred, NULL, 5, m, 0, 7, &r, &err), CN_OK);
    m[CN_STANCE_NONE][CN_STANCE_NONE] = -1;
    CU_ASSERT_NOT_EQUAL(cn_relabel_compute(&o, pred, NULL, 5, m, 100, 7, &r, &err), CN_OK);
}

/* The memo gives cn_relabel_compute's figures bit for bit: for exact sums and
 * redraws, on a hit (the same counts in another order), after a miss, and
 * after the seed or the matrix changed (the memo then starts afresh). */
static void same_result(const cn_relabel_result *a, const cn_relabel_result *b)
{
    CU_ASSERT_EQUAL(memcmp(&a->holds, &b->holds, sizeof a->holds), 0);
    CU_ASSERT_EQUAL(memcmp(&a->share_lo, &b->share_lo, sizeof a->share_lo), 0);
    CU_ASSERT_EQUAL(memcmp(&a->share_hi, &b->share_hi, sizeof a->share_hi), 0);
    CU_ASSERT_EQUAL(a->draws, b->draws);
    CU_ASSERT_EQUAL(a->exact, b->exact);
}

static void test_relabel_memo(void)
{
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT] = {
        {30, 5, 4, 1}, {6, 50, 8, 2}, {3, 9, 40, 5}, {1, 2, 6, 20}};
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_error err;
    cn_relabel_memo *memo = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_memo_new(&memo, &err), CN_OK);
    /* 40 answers (redrawn) and 9 (exact), each asked twice, the second time
     * in another order and with an editor's answer moved */
    cn_stance pred[40];
    bool certain[40] = {false}, certain2[40] = {false};
    for (size_t i = 0; i < 40; i++)
        pred[i] = (cn_stance)(i % 7 == 0 ? 0 : i % 5 < 3 ? 1 : i % 5 == 3 ? 2 : 3);
    certain[2] = true;
    size_t sizes[] = {40, 9};
    unsigned long seeds[] = {1, 1, 5};
    for (size_t s = 0; s < 3; s++) {
        if (s == 2)
            m[1][1] = 51;
        for (size_t k = 0; k < 2; k++) {
            size_t n = sizes[k];
            cn_relabel_result want, got, again;
            CU_ASSERT_EQUAL_FATAL(
                cn_relabel_compute(&o, pred, certain, n, m, 500, seeds[s], &want, &err), CN_OK);
            CU_ASSERT_EQUAL_FATAL(
                cn_relabel_compute_memo(memo, &o, pred, certain, n, m, 500, seeds[s], &got, &err),
                CN_OK);
            same_result(&want, &got);
            cn_stance rev[40];
            for (size_t i = 0; i < n; i++)
                rev[i] = pred[n - 1 - i];
            certain2[n - 1 - 2] = true;
            CU_ASSERT_EQUAL_FATAL(
                cn_relabel_compute_memo(memo, &o, rev, certain2, n, m, 500, seeds[s], &again, &err),
                CN_OK);
            certain2[n - 1 - 2] = false;
            same_result(&want, &again);
        }
    }
    /* a bad request is refused through the memo too */
    cn_relabel_result r;
    CU_ASSERT_NOT_EQUAL(cn_relabel_compute_memo(memo, &o, pred, NULL, 5, m, 0, 7, &r, &err), CN_OK);
    cn_relabel_memo_free(memo);
}

/* The mixed question of the relabeling tests: a confusion matrix m, five
 * answers to redraw (four predicted reassuring, one cautionary) and a sixth
 * an editor set to reassuring; the default options and the level they give
 * its counts as predicted. */
typedef struct mixed_question {
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT];
    cn_stance pred[6];
    bool certain[6];
    cn_consensus_opts opts;
    cn_stance majority;
    cn_consensus_level level;
} mixed_question;

static mixed_question mixed_question_make(void)
{
    mixed_question q = {.pred = {CN_STANCE_REASSURING, CN_STANCE_REASSURING, CN_STANCE_REASSURING,
                                 CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY, CN_STANCE_REASSURING},
                        .certain = {false, false, false, false, false, true}};
    q.m[CN_STANCE_NONE][CN_STANCE_REASSURING] = 3;
    q.m[CN_STANCE_REASSURING][CN_STANCE_REASSURING] = 30;
    q.m[CN_STANCE_CAUTIONARY][CN_STANCE_REASSURING] = 5;
    q.m[CN_STANCE_CONTRAINDICATED][CN_STANCE_REASSURING] = 1;
    q.m[CN_STANCE_REASSURING][CN_STANCE_CAUTIONARY] = 6;
    q.m[CN_STANCE_CAUTIONARY][CN_STANCE_CAUTIONARY] = 12;
    q.m[CN_STANCE_CONTRAINDICATED][CN_STANCE_CAUTIONARY] = 2;
    cn_consensus_opts_init(&q.opts);
    long counts[CN_STANCE_COUNT] = {0, 5, 1, 0};
    q.level = cn_consensus_level_of(&q.opts, counts, &q.majority);
    return q;
}

/* Issue 14: the redraws spread each predicted group multinomially; against
 * the exact share of plausible relabelings, by enumerating all 4^6 true
 * stance assignments of six answers (five predicted reassuring, one
 * cautionary, the last set by an editor) with their probabilities, each
 * judged by cn_consensus_level_of. */
static void test_relabel_groups_exact(void)
{
    mixed_question q = mixed_question_make();
    cn_consensus_opts o = q.opts;
    CU_ASSERT_EQUAL(q.level, CN_CONSENSUS_MODERATE);
    double post[CN_STANCE_COUNT][CN_STANCE_COUNT];
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        double sum = 0;
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            sum += q.m[t][p] + 1;
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            post[p][t] = (q.m[t][p] + 1) / sum;
    }
    double exact = 0;
    for (int code = 0; code < 4 * 4 * 4 * 4 * 4; code++) {
        long c[CN_STANCE_COUNT] = {0, 1, 0, 0}; /* the editor's answer */
        double pr = 1;
        for (int i = 0, x = code; i < 5; i++, x /= 4) {
            c[x % 4]++;
            pr *= post[q.pred[i]][x % 4];
        }
        cn_stance mm;
        cn_consensus_level l = cn_consensus_level_of(&o, c, &mm);
        exact += (mm == CN_STANCE_REASSURING && l >= q.level) ? pr : 0;
    }
    cn_relabel_result r;
    cn_error err;
    size_t draws = 20000;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, draws, 3, &r, &err),
                          CN_OK);
    CU_ASSERT_TRUE(r.exact);
    ASSERT_REL(r.holds, exact, 1e-12);
    CU_ASSERT(exact > 0.1 && exact < 0.9); /* a case that can fail either way */
}

/* g answers all predicted reassuring, by the test's own enumeration of the
 * multinomial's count vectors (not cn_relabel's convolution): P(the level
 * holds) and the share's 2.5% / 97.5% quantiles (the smallest share whose
 * cumulative probability reaches them). */
typedef struct share_prob {
    double share, p;
} share_prob;

static int cmp_share(const void *a, const void *b)
{
    double x = ((const share_prob *)a)->share, y = ((const share_prob *)b)->share;
    return (x > y) - (x < y);
}

static void enumerate_one_group(const cn_consensus_opts *o, const double post[CN_STANCE_COUNT],
                                int g, double *holds, double *lo, double *hi)
{
    long start[CN_STANCE_COUNT] = {0, g, 0, 0};
    cn_stance maj;
    cn_consensus_level level = cn_consensus_level_of(o, start, &maj);
    share_prob *sp = malloc(4000 * sizeof *sp);
    size_t n = 0;
    double total = 0;
    *holds = 0;
    for (int a1 = 0; a1 <= g; a1++)
        for (int a2 = 0; a1 + a2 <= g; a2++)
            for (int a3 = 0; a1 + a2 + a3 <= g; a3++) {
                int a0 = g - a1 - a2 - a3;
                long c[CN_STANCE_COUNT] = {a0, a1, a2, a3};
                double pr = exp(lgamma(g + 1.0) - lgamma(a0 + 1.0) - lgamma(a1 + 1.0) -
                                lgamma(a2 + 1.0) - lgamma(a3 + 1.0) + a0 * log(post[0]) +
                                a1 * log(post[1]) + a2 * log(post[2]) + a3 * log(post[3]));
                cn_stance mm;
                cn_consensus_level l = cn_consensus_level_of(o, c, &mm);
                *holds += mm == maj && l >= level ? pr : 0;
                if (a1 + a2 + a3 > 0) {
                    sp[n++] = (share_prob){(double)a1 / (a1 + a2 + a3), pr};
                    total += pr;
                }
            }
    qsort(sp, n, sizeof *sp, cmp_share);
    double cum = 0;
    *lo = *hi = NAN;
    for (size_t i = 0; i < n; i++) {
        cum += sp[i].p;
        if (isnan(*lo) && cum >= 0.025 * total)
            *lo = sp[i].share;
        if (isnan(*hi) && cum >= 0.975 * total)
            *hi = sp[i].share;
    }
    free(sp);
}

/* Issue 14: exact up to CN_RELABEL_EXACT_MAX answers to redraw, redraws
 * above; both against the enumeration, the redraws within 4 standard errors
 * (and their quantiles, by selection, within a step of the share). */
static void test_relabel_exact_and_drawn(void)
{
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT] = {{0}};
    m[CN_STANCE_NONE][CN_STANCE_REASSURING] = 4;
    m[CN_STANCE_REASSURING][CN_STANCE_REASSURING] = 40;
    m[CN_STANCE_CAUTIONARY][CN_STANCE_REASSURING] = 8;
    m[CN_STANCE_CONTRAINDICATED][CN_STANCE_REASSURING] = 2;
    double post[CN_STANCE_COUNT] = {5.0 / 58, 41.0 / 58, 9.0 / 58, 3.0 / 58};
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_stance pred[CN_RELABEL_EXACT_MAX + 1];
    for (int i = 0; i <= CN_RELABEL_EXACT_MAX; i++)
        pred[i] = CN_STANCE_REASSURING;
    cn_relabel_result r;
    cn_error err;
    double holds, lo, hi;
    int g = CN_RELABEL_EXACT_MAX;
    enumerate_one_group(&o, post, g, &holds, &lo, &hi);
    CU_ASSERT(holds > 0.1 && holds < 0.9);
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, pred, NULL, (size_t)g, m, 2000, 5, &r, &err),
                          CN_OK);
    CU_ASSERT_TRUE(r.exact);
    CU_ASSERT_EQUAL(r.draws, 0);
    ASSERT_REL(r.holds, holds, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.share_lo, lo, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.share_hi, hi, 1e-12);
    g = CN_RELABEL_EXACT_MAX + 1;
    enumerate_one_group(&o, post, g, &holds, &lo, &hi);
    size_t draws = 20000;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, pred, NULL, (size_t)g, m, draws, 5, &r, &err),
                          CN_OK);
    CU_ASSERT_FALSE(r.exact);
    CU_ASSERT_EQUAL(r.draws, draws);
    CU_ASSERT_TRUE(within_se(r.holds, holds, draws, 4.0));
    CU_ASSERT(fabs(r.share_lo - lo) <= 1.0 / g);
    CU_ASSERT(fabs(r.share_hi - hi) <= 1.0 / g);
    cn_relabel_result again;
    cn_relabel_compute(&o, pred, NULL, (size_t)g, m, draws, 5, &again, &err);
    CU_ASSERT_EQUAL(memcmp(&again.holds, &r.holds, sizeof r.holds), 0);
    CU_ASSERT_EQUAL(memcmp(&again.share_lo, &r.share_lo, sizeof r.share_lo), 0);
    CU_ASSERT_EQUAL(memcmp(&again.share_hi, &r.share_hi, sizeof r.share_hi), 0);
}

/* The pooled model (relabel_concentration s > 0): a question's true stance
 * shares are Dirichlet(alpha), alpha_t = s x the matrix's share of true
 * stance t, and each prediction comes from its answer's true stance by
 * P(predicted p | true t) = (m[t][p] + 1) / row t. The test's own terms of
 * that model: the likelihood rows and the prior's weight of a count vector,
 * prod_t Gamma(alpha_t + c_t) (the Dirichlet-multinomial of one sequence, up
 * to a constant of the question). */
typedef struct pooled_ref {
    double like[CN_STANCE_COUNT][CN_STANCE_COUNT]; /* [t][p] */
    double alpha[CN_STANCE_COUNT];
} pooled_ref;

static pooled_ref pooled_ref_of(const double m[CN_STANCE_COUNT][CN_STANCE_COUNT], double s)
{
    pooled_ref r;
    double row[CN_STANCE_COUNT] = {0}, total = 0;
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            row[t] += m[t][p] + 1;
        total += row[t];
    }
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            r.like[t][p] = (m[t][p] + 1) / row[t];
        r.alpha[t] = s * row[t] / total;
    }
    return r;
}

static double pooled_prior(const pooled_ref *r, const long c[CN_STANCE_COUNT])
{
    double lw = 0;
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        lw += lgamma(r->alpha[t] + (double)c[t]) - lgamma(r->alpha[t]);
    return exp(lw);
}

/* The pooled model summed over all 4^5 true stance sequences of five
 * redrawn answers (four predicted reassuring, one cautionary) beside a sixth
 * an editor set to reassuring, against cn_relabel's exact sum; and what the
 * model is for: answers that agree make each other likelier right, so the
 * level holds more often than with every answer drawn on its own. */
static void test_relabel_pooled_exact(void)
{
    mixed_question q = mixed_question_make();
    cn_consensus_opts o = q.opts;
    pooled_ref ref = pooled_ref_of(q.m, 1.5);
    double held = 0, total = 0;
    for (int code = 0; code < 4 * 4 * 4 * 4 * 4; code++) {
        long c[CN_STANCE_COUNT] = {0, 1, 0, 0}; /* the editor's answer */
        double w = 1;
        for (int i = 0, x = code; i < 5; i++, x /= 4) {
            c[x % 4]++;
            w *= ref.like[x % 4][q.pred[i]];
        }
        w *= pooled_prior(&ref, c);
        cn_stance mm;
        cn_consensus_level l = cn_consensus_level_of(&o, c, &mm);
        held += (mm == q.majority && l >= q.level) ? w : 0;
        total += w;
    }
    cn_relabel_result alone, pooled;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &alone, &err),
                          CN_OK);
    o.relabel_concentration = 1.5;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &pooled, &err),
                          CN_OK);
    CU_ASSERT_TRUE(pooled.exact);
    ASSERT_REL(pooled.holds, held / total, 1e-12);
    CU_ASSERT(pooled.holds > alone.holds + 0.05);
    CU_ASSERT(pooled.share_lo >= alone.share_lo);
    /* a huge concentration is the independent model again: the prior then
     * weighs each answer by the matrix's own shares of the true stances */
    o.relabel_concentration = 1e9;
    cn_relabel_result flat;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &flat, &err),
                          CN_OK);
    ASSERT_REL(flat.holds, alone.holds, 1e-6);
    /* many answers an editor set: the prior's Gamma functions stay finite */
    cn_stance many[CN_STANCE_COUNT * 400];
    bool set[CN_STANCE_COUNT * 400];
    for (size_t i = 0; i < sizeof many / sizeof many[0]; i++) {
        many[i] = i < 1000 ? CN_STANCE_REASSURING : CN_STANCE_CAUTIONARY;
        set[i] = i >= 5;
    }
    o.relabel_concentration = 1.5;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, many, set, sizeof many / sizeof many[0], q.m, 1000,
                                             3, &pooled, &err),
                          CN_OK);
    CU_ASSERT_TRUE(isfinite(pooled.holds) && pooled.holds >= 0 && pooled.holds <= 1);
    o.relabel_concentration = -1;
    CU_ASSERT_EQUAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &pooled, &err),
                    CN_ERR_USAGE);
}

/* The Gibbs tests' question: CN_RELABEL_EXACT_MAX + 1 answers, all predicted
 * reassuring, under a matrix where reassuring predictions come from every
 * true stance. */
#define DRAWN_ANSWERS (CN_RELABEL_EXACT_MAX + 1)

static void drawn_matrix(double m[CN_STANCE_COUNT][CN_STANCE_COUNT])
{
    memset(m, 0, sizeof(double[CN_STANCE_COUNT][CN_STANCE_COUNT]));
    m[CN_STANCE_NONE][CN_STANCE_REASSURING] = 10;
    m[CN_STANCE_REASSURING][CN_STANCE_REASSURING] = 40;
    m[CN_STANCE_CAUTIONARY][CN_STANCE_REASSURING] = 20;
    m[CN_STANCE_CONTRAINDICATED][CN_STANCE_REASSURING] = 8;
    m[CN_STANCE_CAUTIONARY][CN_STANCE_CAUTIONARY] = 20;
    m[CN_STANCE_CONTRAINDICATED][CN_STANCE_CONTRAINDICATED] = 10;
}

/* The log weight, up to a constant, of the true count vector c of the drawn
 * question's answers under a model (without the multinomial coefficient). */
typedef double (*count_log_weight)(const long c[CN_STANCE_COUNT], const void *ctx);

/* The share of the true count vectors of the drawn question's answers in
 * which its level holds: each weighted by its multinomial coefficient x
 * exp(log_weight), by enumeration. */
static double drawn_holds_enumerated(const cn_consensus_opts *o, count_log_weight log_weight,
                                     const void *ctx)
{
    const int g = DRAWN_ANSWERS;
    long start[CN_STANCE_COUNT] = {0, g, 0, 0};
    cn_stance maj;
    cn_consensus_level level = cn_consensus_level_of(o, start, &maj);
    double held = 0, total = 0;
    for (int a1 = 0; a1 <= g; a1++)
        for (int a2 = 0; a1 + a2 <= g; a2++)
            for (int a3 = 0; a1 + a2 + a3 <= g; a3++) {
                int a0 = g - a1 - a2 - a3;
                long c[CN_STANCE_COUNT] = {a0, a1, a2, a3};
                double w = exp(lgamma(g + 1.0) - lgamma(a0 + 1.0) - lgamma(a1 + 1.0) -
                               lgamma(a2 + 1.0) - lgamma(a3 + 1.0) + log_weight(c, ctx));
                cn_stance mm;
                cn_consensus_level l = cn_consensus_level_of(o, c, &mm);
                held += mm == maj && l >= level ? w : 0;
                total += w;
            }
    return held / total;
}

/* cn_relabel's redraws of the drawn question against want: not exact, within
 * 0.02 (the sampler's draws are correlated, so wider than independent draws'
 * error), and the same bytes for the same seed. */
static void check_drawn(const cn_consensus_opts *o,
                        const double m[CN_STANCE_COUNT][CN_STANCE_COUNT], double want)
{
    CU_ASSERT(want > 0.1 && want < 0.9);
    cn_stance pred[DRAWN_ANSWERS];
    for (int i = 0; i < DRAWN_ANSWERS; i++)
        pred[i] = CN_STANCE_REASSURING;
    cn_relabel_result r, again;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(o, pred, NULL, DRAWN_ANSWERS, m, 20000, 5, &r, &err),
                          CN_OK);
    CU_ASSERT_FALSE(r.exact);
    CU_ASSERT_EQUAL(r.draws, 20000);
    CU_ASSERT(fabs(r.holds - want) <= 0.02);
    cn_relabel_compute(o, pred, NULL, DRAWN_ANSWERS, m, 20000, 5, &again, &err);
    CU_ASSERT_EQUAL(memcmp(&again.holds, &r.holds, sizeof r.holds), 0);
    CU_ASSERT_EQUAL(memcmp(&again.share_lo, &r.share_lo, sizeof r.share_lo), 0);
}

/* The pooled model's log weight: the likelihoods of reassuring predictions
 * and the prior. */
static double pooled_log_weight(const long c[CN_STANCE_COUNT], const void *ctx)
{
    const pooled_ref *ref = ctx;
    double lw = log(pooled_prior(ref, c));
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        lw += (double)c[t] * log(ref->like[t][CN_STANCE_REASSURING]);
    return lw;
}

/* Above CN_RELABEL_EXACT_MAX answers the pooled model is drawn by a Gibbs
 * sampler: against the test's enumeration of one group's count vectors
 * (multinomial coefficient x likelihoods x prior). */
static void test_relabel_pooled_drawn(void)
{
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT];
    drawn_matrix(m);
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.relabel_concentration = 1.5;
    pooled_ref ref = pooled_ref_of(m, 1.5);
    check_drawn(&o, (const double(*)[CN_STANCE_COUNT])m,
                drawn_holds_enumerated(&o, pooled_log_weight, &ref));
}

/* The overdispersed model (relabel_error_concentration c > 0 beside s > 0):
 * each question draws its own P(predicted | true t) from Dirichlet(c x
 * like[t]), so a sequence's predictions, given its true stances, have per
 * true stance t the Dirichlet-multinomial probability prod_p
 * Gamma(beta_tp + n_tp) / Gamma(beta_tp) x Gamma(c) / Gamma(c + r_t). The
 * test's own terms: the log of that for one true stance's answers. */
static double overdispersed_log_like(const pooled_ref *r, double c, int t,
                                     const unsigned n[CN_STANCE_COUNT])
{
    double lw = 0, rows = 0;
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        double beta = c * r->like[t][p];
        lw += lgamma(beta + n[p]) - lgamma(beta);
        rows += n[p];
    }
    return lw + lgamma(c) - lgamma(c + rows);
}

/* Summed over all 4^5 true stance sequences of the mixed question's five
 * redrawn answers beside the editor's, against cn_relabel's exact sum (a
 * convolution over the predicted groups, computed another way); and what the
 * model is for: predictions misread alike on one question are weaker
 * evidence, so a level holds less often than under the pooled model, and a
 * huge c is the pooled model again. */
static void test_relabel_overdispersed_exact(void)
{
    mixed_question q = mixed_question_make();
    cn_consensus_opts o = q.opts;
    const double s = 1.5, c = 4.0;
    pooled_ref ref = pooled_ref_of(q.m, s);
    double held = 0, total = 0;
    for (int code = 0; code < 4 * 4 * 4 * 4 * 4; code++) {
        long cnt[CN_STANCE_COUNT] = {0, 1, 0, 0}; /* the editor's answer */
        unsigned n[CN_STANCE_COUNT][CN_STANCE_COUNT] = {{0}};
        for (int i = 0, x = code; i < 5; i++, x /= 4) {
            cnt[x % 4]++;
            n[x % 4][q.pred[i]]++;
        }
        double lw = log(pooled_prior(&ref, cnt));
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            lw += overdispersed_log_like(&ref, c, t, n[t]);
        double w = exp(lw);
        cn_stance mm;
        cn_consensus_level l = cn_consensus_level_of(&o, cnt, &mm);
        held += (mm == q.majority && l >= q.level) ? w : 0;
        total += w;
    }
    cn_relabel_result pooled, over, near;
    cn_error err;
    o.relabel_concentration = s;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &pooled, &err),
                          CN_OK);
    o.relabel_error_concentration = c;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &over, &err),
                          CN_OK);
    CU_ASSERT_TRUE(over.exact);
    ASSERT_REL(over.holds, held / total, 1e-10);
    CU_ASSERT(over.holds < pooled.holds - 0.02);
    o.relabel_error_concentration = 1e9;
    CU_ASSERT_EQUAL_FATAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &near, &err),
                          CN_OK);
    ASSERT_REL(near.holds, pooled.holds, 1e-6);
    /* c without s, or a negative c, is a usage error */
    o.relabel_error_concentration = -1;
    CU_ASSERT_EQUAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &over, &err),
                    CN_ERR_USAGE);
    o.relabel_error_concentration = c;
    o.relabel_concentration = 0;
    CU_ASSERT_EQUAL(cn_relabel_compute(&o, q.pred, q.certain, 6, q.m, 1000, 3, &over, &err),
                    CN_ERR_USAGE);
}

/* The overdispersed model's log weight: the prior and, per true stance, the
 * Dirichlet-multinomial of its answers' reassuring predictions. */
typedef struct overdispersed_ref {
    pooled_ref ref;
    double c;
} overdispersed_ref;

static double overdispersed_log_weight(const long c[CN_STANCE_COUNT], const void *ctx)
{
    const overdispersed_ref *o = ctx;
    double lw = log(pooled_prior(&o->ref, c));
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        unsigned n[CN_STANCE_COUNT] = {0};
        n[CN_STANCE_REASSURING] = (unsigned)c[t];
        lw += overdispersed_log_like(&o->ref, o->c, t, n);
    }
    return lw;
}

/* Above CN_RELABEL_EXACT_MAX answers, the overdispersed Gibbs sampler (the
 * question's error rows drawn too) against the test's enumeration of one
 * predicted group's count vectors (multinomial coefficient x each true
 * stance's Dirichlet-multinomial x the prior). */
static void test_relabel_overdispersed_drawn(void)
{
    double m[CN_STANCE_COUNT][CN_STANCE_COUNT];
    drawn_matrix(m);
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.relabel_concentration = 1.5;
    o.relabel_error_concentration = 6.0;
    overdispersed_ref ref = {pooled_ref_of(m, 1.5), 6.0};
    check_drawn(&o, (const double(*)[CN_STANCE_COUNT])m,
                drawn_holds_enumerated(&o, overdispersed_log_weight, &ref));
}

/* A claim pooled over k questions: cn_consensus_opts_pooled leaves one
 * question's options and an error concentration of 0 alone, and gives k
 * questions the concentration c' = k (c + 1) - 1 whose Dirichlet has the
 * covariance of the mean of k independent Dirichlet(c x row) rows: checked
 * here by drawing such means (GSL's Dirichlet, 40,000 means of 3 rows) and
 * comparing the variance and covariance of their components with
 * Dirichlet(c' x row)'s, m_i (delta_ij - m_j) / (c' + 1), within 4%. */
static void test_opts_pooled_questions(void)
{
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.relabel_concentration = 1.5;
    o.relabel_error_concentration = 5.5;
    cn_consensus_opts one = cn_consensus_opts_pooled(&o, 1), none = cn_consensus_opts_pooled(&o, 0);
    CU_ASSERT_EQUAL(one.relabel_error_concentration, 5.5);
    CU_ASSERT_EQUAL(none.relabel_error_concentration, 5.5);
    CU_ASSERT_EQUAL(one.relabel_concentration, 1.5);
    cn_consensus_opts three = cn_consensus_opts_pooled(&o, 3);
    ASSERT_REL(three.relabel_error_concentration, 3 * 6.5 - 1, 1e-12);
    CU_ASSERT_EQUAL(three.relabel_concentration, 1.5);
    cn_consensus_opts off = o;
    off.relabel_error_concentration = 0;
    CU_ASSERT_EQUAL(cn_consensus_opts_pooled(&off, 7).relabel_error_concentration, 0);

    const double row[CN_STANCE_COUNT] = {0.6, 0.25, 0.1, 0.05};
    double alpha[CN_STANCE_COUNT];
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        alpha[t] = 5.5 * row[t];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 11);
    const int draws = 40000, k = 3;
    double sum0 = 0, sq0 = 0, sum1 = 0, cross = 0;
    for (int d = 0; d < draws; d++) {
        double mean[CN_STANCE_COUNT] = {0}, theta[CN_STANCE_COUNT];
        for (int q = 0; q < k; q++) {
            gsl_ran_dirichlet(rng, CN_STANCE_COUNT, alpha, theta);
            for (int t = 0; t < CN_STANCE_COUNT; t++)
                mean[t] += theta[t] / k;
        }
        sum0 += mean[0];
        sq0 += mean[0] * mean[0];
        sum1 += mean[1];
        cross += mean[0] * mean[1];
    }
    gsl_rng_free(rng);
    double c = three.relabel_error_concentration;
    double var0 = sq0 / draws - (sum0 / draws) * (sum0 / draws);
    double cov01 = cross / draws - (sum0 / draws) * (sum1 / draws);
    ASSERT_REL(var0, row[0] * (1 - row[0]) / (c + 1), 0.04);
    ASSERT_REL(cov01, -row[0] * row[1] / (c + 1), 0.04);
    /* the concentration of one question would be far off */
    CU_ASSERT(fabs(var0 - row[0] * (1 - row[0]) / 6.5) > 0.5 * var0);
}

/* Degenerate cases (docs/statistics.md): no answers, only `none`, one answer,
 * all agree. */
static void test_no_answers(void)
{
    long counts[CN_STANCE_COUNT] = {0, 0, 0, 0};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.answers, 0);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_NONE);
    CU_ASSERT_FALSE(r.tie);
    CU_ASSERT_TRUE(isnan(r.share));
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_INSUFFICIENT);
    CU_ASSERT_TRUE(isnan(r.ordinal));
    CU_ASSERT_TRUE(isnan(r.entropy));
    CU_ASSERT_TRUE(isnan(r.posterior_majority));
    CU_ASSERT_TRUE(isnan(r.posterior[CN_STANCE_REASSURING]));
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        CU_ASSERT_TRUE(isnan(r.props[k].estimate));
        CU_ASSERT_EQUAL(r.props[k].wilson.lo, 0.0);
        CU_ASSERT_EQUAL(r.props[k].exact.hi, 1.0);
    }
}

static void test_only_none_answers(void)
{
    long counts[CN_STANCE_COUNT] = {3, 0, 0, 0};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.answers, 3);
    CU_ASSERT_EQUAL(r.stance_answers, 0);
    CU_ASSERT_EQUAL(r.props[CN_STANCE_NONE].estimate, 1.0);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_NONE);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_INSUFFICIENT);
    CU_ASSERT_TRUE(isnan(r.ordinal));
}

static void test_one_answer(void)
{
    long counts[CN_STANCE_COUNT] = {0, 0, 1, 0};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_CAUTIONARY);
    CU_ASSERT_EQUAL(r.share, 1.0);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_INSUFFICIENT);
    CU_ASSERT_EQUAL(r.ordinal, 1.0);
    CU_ASSERT_EQUAL(r.entropy, 0.0);
    /* Wilson 1/1 from reference.py */
    ASSERT_REL(r.props[CN_STANCE_CAUTIONARY].wilson.lo, 0.20654931437723745, 1e-9);
    /* Dirichlet(1, 2, 1): P(middle largest) = 11/18 exactly, the others 7/36 each */
    ASSERT_REL(r.posterior_majority, 11.0 / 18.0, 1e-13);
    ASSERT_REL(r.posterior[CN_STANCE_REASSURING], 7.0 / 36.0, 1e-13);
}

static void test_all_agree(void)
{
    long counts[CN_STANCE_COUNT] = {0, 0, 0, 8};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_CONTRAINDICATED);
    CU_ASSERT_EQUAL(r.share, 1.0);
    CU_ASSERT_EQUAL(r.level, CN_CONSENSUS_STRONG);
    CU_ASSERT_EQUAL(r.ordinal, 1.0);
    CU_ASSERT_EQUAL(r.entropy, 0.0);
    /* Dirichlet(1, 1, 9) (exact) */
    ASSERT_REL(r.posterior_majority, 0.99614455526342527, 1e-12);
    ASSERT_REL(r.posterior[CN_STANCE_CAUTIONARY], 0.0019277223682873546, 1e-11);
}

/* The posterior against the exact values (header): small, large and extreme
 * counts; the three add up to 1 (ties have probability 0). */
static void test_posterior_matches_exact(void)
{
    static const struct {
        long c[3];      /* Dirichlet(1 + c) */
        double want[3]; /* p_largest of 1 + c, each stance first */
        double rel;
    } CASES[] = {
        {{2, 5, 1}, {0.13411934632677946, 0.81796493960524308, 0.047915714067977441}, 1e-12},
        /* a tiny probability keeps its relative precision (positive terms) */
        {{0, 50, 50}, {2.4194168676014049e-19, 0.5, 0.5}, 1e-11},
        {{200, 180, 30}, {0.84723380380768154, 0.15276619619231849, 9.5499402964392723e-38}, 1e-11},
        {{1000, 1000, 980}, {0.41112611800704696, 0.41112611800704696, 0.17774776398590608}, 1e-11},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        long counts[CN_STANCE_COUNT] = {3, CASES[i].c[0], CASES[i].c[1], CASES[i].c[2]};
        cn_consensus_result r = run(counts, NULL);
        double total = 0;
        for (int k = 0; k < 3; k++) {
            ASSERT_REL(r.posterior[CN_STANCE_REASSURING + k], CASES[i].want[k], CASES[i].rel);
            total += r.posterior[CN_STANCE_REASSURING + k];
        }
        CU_ASSERT_DOUBLE_EQUAL(total, 1.0, 1e-12);
    }
    long counts[CN_STANCE_COUNT] = {4, 2, 5, 1};
    cn_consensus_result r = run(counts, NULL);
    CU_ASSERT_EQUAL(r.majority, CN_STANCE_CAUTIONARY);
    CU_ASSERT_EQUAL(r.posterior_majority, r.posterior[CN_STANCE_CAUTIONARY]);
    ASSERT_REL(r.ordinal, 0.5852072378731027, 1e-12);
    ASSERT_REL(r.entropy, 0.8194483718728035, 1e-12);
}

/* Issue 13: "most contested" by evidence. P(no stance's true share reaches
 * 1/2) under Dirichlet(1 + counts) = 1 - sum_k P(Beta(1 + c_k, 2 + n - c_k)
 * >= 1/2); the values are exact binomial sums computed independently in
 * Python (math.comb), the same as R's 1 - sum(pbeta(0.5, 1 + c, 2 + n - c,
 * lower.tail = FALSE)). A three-way tie among three is less surely split than
 * 10/10/10, and a none-only question has no figure. */
static void test_contested(void)
{
    static const struct {
        long c[3];
        double want;
    } CASES[] = {
        {{1, 1, 1}, 0.4375},     {{5, 5, 0}, 0.225341796875}, {{10, 10, 10}, 0.9248463104013354},
        {{3, 3, 3}, 0.66015625}, {{2, 1, 0}, 0.28125},        {{9, 0, 2}, 0.0347900390625},
    };
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_error err;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        long counts[CN_STANCE_COUNT] = {0, CASES[i].c[0], CASES[i].c[1], CASES[i].c[2]};
        cn_consensus_result r;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, counts, &r, &err), CN_OK);
        CU_ASSERT_DOUBLE_EQUAL(r.contested, CASES[i].want, 1e-12);
    }
    long none_only[CN_STANCE_COUNT] = {4, 0, 0, 0};
    cn_consensus_result r;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, none_only, &r, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(r.contested));
}

/* The posterior is exact: the seed (cn_relabel's) does not change it. */
static void test_seeds(void)
{
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    long counts[CN_STANCE_COUNT] = {0, 3, 4, 2};
    cn_consensus_result a = run(counts, &o);
    o.seed = 987654321;
    cn_consensus_result c = run(counts, &o);
    CU_ASSERT_EQUAL(memcmp(a.posterior + 1, c.posterior + 1, 3 * sizeof(double)), 0);
}

static void test_bad_input(void)
{
    cn_consensus_result r;
    cn_error err;
    long neg[CN_STANCE_COUNT] = {0, -1, 2, 2};
    CU_ASSERT_EQUAL(cn_consensus_compute(NULL, neg, &r, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "reassuring"));
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    o.weak = 0.8; /* above moderate */
    long ok[CN_STANCE_COUNT] = {0, 1, 2, 2};
    CU_ASSERT_EQUAL(cn_consensus_compute(&o, ok, &r, &err), CN_ERR_USAGE);
    cn_consensus_opts_init(&o);
    o.min_answers = 0;
    CU_ASSERT_EQUAL(cn_consensus_compute(&o, ok, &r, &err), CN_ERR_USAGE);
    cn_consensus_opts_init(&o);
    o.level = 1.5;
    CU_ASSERT_EQUAL(cn_consensus_compute(&o, ok, &r, &err), CN_ERR_USAGE);
    /* GSL's binomial takes unsigned ints: a count it cannot take is refused */
    long huge[CN_STANCE_COUNT] = {0, (long)UINT_MAX, 0, 0};
    CU_ASSERT_EQUAL(cn_consensus_compute(NULL, huge, &r, &err), CN_ERR_USAGE);
}

static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static bool same_proportion(const cn_proportion *a, const cn_proportion *b)
{
    return a->count == b->count && a->n == b->n && same_bits(a->estimate, b->estimate) &&
           same_bits(a->wilson.lo, b->wilson.lo) && same_bits(a->wilson.hi, b->wilson.hi) &&
           same_bits(a->exact.lo, b->exact.lo) && same_bits(a->exact.hi, b->exact.hi);
}

static bool same_consensus(const cn_consensus_result *a, const cn_consensus_result *b)
{
    bool same = a->answers == b->answers && a->stance_answers == b->stance_answers &&
                a->majority == b->majority && a->tie == b->tie && same_bits(a->share, b->share) &&
                a->level == b->level && a->share_level == b->share_level &&
                same_bits(a->ordinal, b->ordinal) && same_bits(a->entropy, b->entropy) &&
                same_bits(a->posterior_majority, b->posterior_majority) &&
                same_bits(a->interval.lo, b->interval.lo) &&
                same_bits(a->interval.hi, b->interval.hi) &&
                a->interval_method == b->interval_method &&
                same_bits(a->p_over_half, b->p_over_half) && same_bits(a->contested, b->contested);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        same = same && same_bits(a->posterior[k], b->posterior[k]) &&
               same_proportion(&a->props[k], &b->props[k]);
    for (int l = 0; l <= CN_CONSENSUS_STRONG; l++)
        same = same && same_bits(a->p_reach[l], b->p_reach[l]);
    return same;
}

/* The memo gives what cn_consensus_compute gives, for counts seen before
 * (hits), colliding ones and after the thresholds change. */
static void test_consensus_memo_same(void)
{
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_consensus_memo *memo = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_memo_new(&memo, &err), CN_OK);
    long bad = 0;
    for (int round = 0; round < 3; round++) {
        if (round == 2)
            o.strong = 0.8; /* other thresholds: the memo must not answer from before */
        for (long i = 0; i < 6000; i++) {
            long c[CN_STANCE_COUNT] = {i % 3, (i / 3) % 9, (i / 27) % 7, (i * 7919) % 13};
            cn_consensus_result want, got;
            CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, c, &want, &err), CN_OK);
            CU_ASSERT_EQUAL_FATAL(cn_consensus_compute_memo(memo, &o, c, &got, &err), CN_OK);
            bad += !same_consensus(&want, &got);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    long negative[CN_STANCE_COUNT] = {0, -1, 2, 3};
    cn_consensus_result r;
    CU_ASSERT_EQUAL(cn_consensus_compute_memo(memo, &o, negative, &r, &err), CN_ERR_USAGE);
    cn_consensus_memo_free(memo);
}

/* The distribution functions' memo gives GSL's very bits: first computed,
 * then remembered, for more arguments than it has slots (so slots are
 * taken over), beta and binomial arguments mixed; and the levels through it
 * are the levels without it. */
static void test_cdf_memo_same_bits(void)
{
    cn_cdf_memo *memo = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_cdf_memo_new(&memo, &err), CN_OK);
    long bad = 0, calls = 0;
    for (int round = 0; round < 2; round++)
        for (unsigned a = 1; a <= 60; a++)
            for (unsigned b = 1; b <= 300; b++) {
                double x = (double)((a * 7 + b) % 11) / 10.0;
                bad += !same_bits(cn_cdf_memo_beta_P(memo, 1.0 / 3.0, a, b),
                                  gsl_cdf_beta_P(1.0 / 3.0, a, b));
                bad += !same_bits(cn_cdf_memo_binomial_P(memo, a, x, a + b),
                                  gsl_cdf_binomial_P(a, x, a + b));
                calls += 2;
            }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_TRUE(calls > 2 * 8192); /* more than the slots */
    CU_ASSERT_TRUE(same_bits(cn_cdf_memo_beta_P(NULL, 0.5, 3, 4), gsl_cdf_beta_P(0.5, 3, 4)));
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    long differ = 0;
    for (long i = 0; i < 3000; i++) {
        long c[CN_STANCE_COUNT] = {i % 5, (i / 5) % 23, (i / 115) % 19, (i * 31) % 17};
        cn_stance m1, m2;
        differ += cn_consensus_level_of(&o, c, &m1) != cn_consensus_level_of_memo(&o, c, memo, &m2);
        differ += m1 != m2;
    }
    CU_ASSERT_EQUAL(differ, 0);
    /* proportions: the same bits as computed, for more pairs than slots, at
     * two levels; a failure is the same failure */
    long pbad = 0;
    for (int round = 0; round < 2; round++)
        for (long n = 0; n < 90; n++)
            for (long x = 0; x <= n; x++) {
                double level = (x + n) % 2 ? 0.95 : 0.9;
                cn_proportion want, got;
                CU_ASSERT_EQUAL_FATAL(cn_proportion_compute(x, n, level, &want, &err), CN_OK);
                CU_ASSERT_EQUAL_FATAL(cn_cdf_memo_proportion(memo, x, n, level, &got, &err), CN_OK);
                pbad += !same_proportion(&want, &got);
            }
    CU_ASSERT_EQUAL(pbad, 0);
    cn_proportion p;
    CU_ASSERT_EQUAL(cn_cdf_memo_proportion(memo, 5, 4, 0.95, &p, &err),
                    cn_proportion_compute(5, 4, 0.95, &p, &err));
    CU_ASSERT_NOT_EQUAL(cn_cdf_memo_proportion(memo, 5, 4, 0.95, &p, &err), CN_OK);
    cn_cdf_memo_free(memo);
}

/* Every field of a and b equal, doubles bit for bit (the relabeling's too). */
static bool same_stored(const cn_consensus_result *a, const cn_consensus_result *b)
{
    return same_consensus(a, b) && same_bits(a->relabel_holds, b->relabel_holds) &&
           same_bits(a->relabel_share_lo, b->relabel_share_lo) &&
           same_bits(a->relabel_share_hi, b->relabel_share_hi) &&
           a->relabel_draws == b->relabel_draws && a->relabel_method == b->relabel_method;
}

/* The pool keeps one copy per distinct result, on disk, by number: equal
 * figures (NaNs included) share an entry whatever the padding of the copy
 * put in, a result that differs in one field (a relabeling figure, a zero's
 * sign) gets its own, and every entry reads back as it was put. */
static void test_consensus_pool(void)
{
    cn_error err;
    cn_consensus_pool *pool = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_new(NULL, &pool, &err), CN_OK);
    cn_consensus_result got;
    CU_ASSERT_EQUAL(cn_consensus_pool_get(pool, 0, &got, &err), CN_ERR_USAGE); /* empty */
    uint32_t first[40] = {0};
    for (int round = 0; round < 2; round++)
        for (long i = 0; i < 40; i++) {
            long c[CN_STANCE_COUNT] = {i % 3, i, 40 - i, i / 2};
            if (i == 0)
                c[1] = c[2] = c[3] = c[0] = 0; /* no answers: NaN figures */
            cn_consensus_result r;
            memset(&r, round ? 0xA5 : 0, sizeof r); /* other padding bytes */
            CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(NULL, c, &r, &err), CN_OK);
            uint32_t e = UINT32_MAX;
            CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &e, &err), CN_OK);
            memset(&got, 0x5A, sizeof got);
            CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_get(pool, e, &got, &err), CN_OK);
            CU_ASSERT_TRUE(same_stored(&got, &r));
            if (round == 0)
                first[i] = e;
            else
                CU_ASSERT_EQUAL(e, first[i]);
        }
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), 40);
    long c[CN_STANCE_COUNT] = {0, 3, 1, 0};
    cn_consensus_result r;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(NULL, c, &r, &err), CN_OK);
    uint32_t a = 0, b = 0, z = 0;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &a, &err), CN_OK);
    r.relabel_holds = 0.5;
    r.relabel_method = "exact";
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &b, &err), CN_OK);
    CU_ASSERT_NOT_EQUAL(a, b);
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_get(pool, b, &got, &err), CN_OK);
    CU_ASSERT_EQUAL(got.relabel_holds, 0.5);
    CU_ASSERT_PTR_EQUAL(got.relabel_method, r.relabel_method);
    r.relabel_share_lo = -0.0; /* NaN before: a field of its own bits */
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &z, &err), CN_OK);
    r.relabel_share_lo = 0.0; /* equal to -0.0 as a number, not bit for bit */
    uint32_t z2 = 0;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &z2, &err), CN_OK);
    CU_ASSERT_NOT_EQUAL(z, z2);
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), 44);
    CU_ASSERT_EQUAL(cn_consensus_pool_get(pool, 44, &got, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_consensus_pool_get(pool, UINT32_MAX, &got, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_consensus_pool_status(pool, &err), CN_OK);
    cn_consensus_pool_free(pool);
    cn_consensus_pool_free(NULL);
}

/* Many entries (the index grown many times over, the file many pages
 * long): each reads back as put, in any order, and each put again gets
 * the same number. */
static void test_consensus_pool_many(void)
{
    cn_error err;
    cn_consensus_pool *pool = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_new("", &pool, &err), CN_OK); /* "": the default */
    enum { N = 3000 };
    static uint32_t num[N];
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    for (long i = 0; i < N; i++) {
        long c[CN_STANCE_COUNT] = {i % 4, i % 11, (i / 11) % 17, i / 187};
        cn_consensus_result r;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, c, &r, &err), CN_OK);
        r.relabel_draws = (size_t)i; /* all distinct, equal counts too */
        CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &r, &num[i], &err), CN_OK);
        CU_ASSERT_EQUAL(num[i], (uint32_t)i); /* numbered in order */
    }
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), N);
    long bad = 0;
    for (long i = N - 1; i >= 0; i -= 7) {
        long c[CN_STANCE_COUNT] = {i % 4, i % 11, (i / 11) % 17, i / 187};
        cn_consensus_result want, got;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, c, &want, &err), CN_OK);
        want.relabel_draws = (size_t)i;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_get(pool, num[i], &got, &err), CN_OK);
        bad += !same_stored(&want, &got);
        uint32_t again = UINT32_MAX;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_put(pool, &want, &again, &err), CN_OK);
        bad += again != num[i];
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), N);
    cn_consensus_pool_free(pool);
}

/* A folder where no file can be made: the first put fails with CN_ERR_IO,
 * nothing is numbered, and the pool can still be freed. */
static void test_consensus_pool_no_folder(void)
{
    cn_error err;
    cn_consensus_pool *pool = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_new("/nonexistent/consensus-pool-test", &pool, &err),
                          CN_OK); /* the file is made at the first put */
    long c[CN_STANCE_COUNT] = {0, 2, 1, 0};
    cn_consensus_result r;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(NULL, c, &r, &err), CN_OK);
    uint32_t e = 7;
    CU_ASSERT_EQUAL(cn_consensus_pool_put(pool, &r, &e, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent/consensus-pool-test"));
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), 0);
    CU_ASSERT_EQUAL(cn_consensus_pool_get(pool, 0, &r, &err), CN_ERR_USAGE);
    cn_consensus_pool_free(pool);
}

typedef struct {
    cn_consensus_pool *pool;
    uint32_t num[600];
    int rc;
} pool_thread;

static void *put_many(void *arg)
{
    pool_thread *t = arg;
    cn_error err;
    for (long i = 0; i < 600 && t->rc == CN_OK; i++) {
        long c[CN_STANCE_COUNT] = {0, i % 20, i / 20, 1};
        cn_consensus_result r;
        t->rc = cn_consensus_compute(NULL, c, &r, &err);
        if (t->rc == CN_OK)
            t->rc = cn_consensus_pool_put(t->pool, &r, &t->num[i], &err);
        cn_consensus_result back;
        if (t->rc == CN_OK)
            t->rc = cn_consensus_pool_get(t->pool, t->num[i], &back, &err);
        if (t->rc == CN_OK && !same_stored(&r, &back))
            t->rc = CN_ERR_FORMAT;
    }
    return NULL;
}

/* Two threads putting the same results at once: one entry each, both given
 * the same numbers, every read back as put. */
static void test_consensus_pool_threads(void)
{
    cn_error err;
    cn_consensus_pool *pool = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_new(NULL, &pool, &err), CN_OK);
    static pool_thread t[2];
    pthread_t th[2];
    for (int k = 0; k < 2; k++) {
        t[k] = (pool_thread){.pool = pool};
        CU_ASSERT_EQUAL_FATAL(pthread_create(&th[k], NULL, put_many, &t[k]), 0);
    }
    for (int k = 0; k < 2; k++)
        pthread_join(th[k], NULL);
    CU_ASSERT_EQUAL(t[0].rc, CN_OK);
    CU_ASSERT_EQUAL(t[1].rc, CN_OK);
    CU_ASSERT_EQUAL(memcmp(t[0].num, t[1].num, sizeof t[0].num), 0);
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), 600);
    cn_consensus_pool_free(pool);
}

/* A tally's figures are the same bytes through a pool (read back from its
 * file) and without one (its own copy), and so are the ones it keeps at
 * hand; equal tallies share one entry. */
static void test_tally_consensus_pooled(void)
{
    cn_error err;
    cn_consensus_pool *pool = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_pool_new(NULL, &pool, &err), CN_OK);
    cn_tally_memo memo = {.pool = pool};
    static const cn_stance SETS[][7] = {
        {CN_STANCE_REASSURING, CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY, CN_STANCE_NONE,
         CN_STANCE_REASSURING, CN_STANCE_REASSURING, CN_STANCE_REASSURING},
        {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY, CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
         CN_STANCE_NONE, CN_STANCE_NONE, CN_STANCE_NONE},
        {CN_STANCE_NONE, CN_STANCE_NONE, CN_STANCE_NONE, CN_STANCE_NONE, CN_STANCE_NONE,
         CN_STANCE_NONE, CN_STANCE_NONE},
    };
    uint32_t entry[2][3];
    for (int round = 0; round < 2; round++)
        for (int s = 0; s < 3; s++) {
            cn_tally_vote v[7];
            for (int i = 0; i < 7; i++)
                v[i] = (cn_tally_vote){.stance = SETS[s][i]};
            cn_tally pooled, own;
            CU_ASSERT_EQUAL_FATAL(cn_tally_compute_memo(v, 7, NULL, &memo, &pooled, &err), CN_OK);
            CU_ASSERT_EQUAL_FATAL(cn_tally_compute(v, 7, NULL, &own, &err), CN_OK);
            CU_ASSERT_PTR_EQUAL(pooled.pool, pool);
            CU_ASSERT_PTR_NULL(own.pool);
            entry[round][s] = pooled.entry;
            cn_consensus_result buf, unused;
            const cn_consensus_result *a = cn_tally_consensus(&pooled, &buf);
            const cn_consensus_result *b = cn_tally_consensus(&own, &unused);
            CU_ASSERT_PTR_EQUAL(a, &buf);
            CU_ASSERT_PTR_EQUAL(b, own.own);
            CU_ASSERT_TRUE(same_stored(a, b));
            CU_ASSERT_EQUAL(pooled.majority, a->majority);
            CU_ASSERT_EQUAL(pooled.tie, a->tie);
            CU_ASSERT_EQUAL(pooled.level, a->level);
            CU_ASSERT_EQUAL(own.majority, b->majority);
            CU_ASSERT_STRING_EQUAL(pooled.summary, own.summary);
            CU_ASSERT_EQUAL(pooled.n_dissent, own.n_dissent);
            CU_ASSERT_EQUAL_FATAL(
                cn_tally_rephrase(&pooled, NULL, CN_PHRASE_PRACTICE, "the practice", &err), CN_OK);
            CU_ASSERT_EQUAL_FATAL(
                cn_tally_rephrase(&own, NULL, CN_PHRASE_PRACTICE, "the practice", &err), CN_OK);
            CU_ASSERT_STRING_EQUAL(pooled.summary, own.summary);
            cn_tally_clear(&pooled);
            cn_tally_clear(&own);
        }
    CU_ASSERT_EQUAL(memcmp(entry[0], entry[1], sizeof entry[0]), 0);
    CU_ASSERT_EQUAL(cn_consensus_pool_count(pool), 3);
    CU_ASSERT_EQUAL(cn_consensus_pool_status(pool, &err), CN_OK);
    cn_consensus_pool_free(pool);
}

int main(void)
{
    static const tu_test tests[] = {
        {"consensus memo: the same figures", test_consensus_memo_same},
        {"cdf memo: GSL's bits, remembered (issue 14)", test_cdf_memo_same_bits},
        {"consensus pool: one copy of each distinct result (issue 14)", test_consensus_pool},
        {"consensus pool: many entries, read back in any order", test_consensus_pool_many},
        {"consensus pool: no folder for its file", test_consensus_pool_no_folder},
        {"consensus pool: two threads", test_consensus_pool_threads},
        {"tally: figures through the pool as without it", test_tally_consensus_pooled},
        {"Tastle & Wierman published anchors", test_tastle_wierman_published_anchors},
        {"Tastle & Wierman vs reference.py", test_tastle_wierman_reference},
        {"normalized entropy", test_entropy_reference},
        {"9 of 11 (DESIGN.md)", test_nine_of_eleven},
        {"contested: P(no true majority) (issue 13)", test_contested},
        {"levels at default thresholds (share alone)", test_levels_default_thresholds},
        {"levels need the posterior (issue 12)", test_levels_need_the_posterior},
        {"interval coverage n = 2..30 (issue 12)", test_interval_coverage},
        {"relabeling under the classifier's errors (issue 12)", test_relabel},
        {"relabeling: groups drawn at once vs exact (issue 14)", test_relabel_groups_exact},
        {"relabeling memo: the same bits as computed (issue 14)", test_relabel_memo},
        {"relabeling: exact sums and redraws vs enumeration (issue 14)",
         test_relabel_exact_and_drawn},
        {"relabeling, pooled model: exact vs enumeration of every sequence",
         test_relabel_pooled_exact},
        {"relabeling, pooled model: Gibbs redraws vs enumeration", test_relabel_pooled_drawn},
        {"relabeling, overdispersed errors: exact vs enumeration of every sequence",
         test_relabel_overdispersed_exact},
        {"relabeling, overdispersed errors: Gibbs redraws vs enumeration",
         test_relabel_overdispersed_drawn},
        {"a claim over k questions: the error concentration of k questions' mean rows",
         test_opts_pooled_questions},
        {"tie: no majority", test_tie_has_no_majority},
        {"custom thresholds", test_custom_thresholds},
        {"degenerate: no answers", test_no_answers},
        {"degenerate: only none", test_only_none_answers},
        {"degenerate: one answer", test_one_answer},
        {"degenerate: all agree", test_all_agree},
        {"posterior vs exact rationals", test_posterior_matches_exact},
        {"posterior independent of the seed", test_seeds},
        {"bad input", test_bad_input},
        {NULL, NULL},
    };
    return tu_run_suite("consensus", tests);
}
