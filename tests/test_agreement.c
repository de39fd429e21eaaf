/*
 * test_agreement: Krippendorff's alpha, its bootstrap interval, Fleiss' kappa.
 *
 * Sources:
 * - Krippendorff K (2011), "Computing Krippendorff's Alpha-Reliability",
 *   Annenberg School for Communication, section C: 4 observers x 12 units with
 *   missing values; published alpha = 0.743 (nominal), 0.815 (ordinal),
 *   0.849 (interval). Full-precision values from tests/data/stats/reference.py
 *   (an independent pairwise implementation): 0.743421052631579 (= 113/152),
 *   0.8153875037548813, 0.8491071428571428 (= 951/1120).
 * - Fleiss JL (1971), "Measuring nominal scale agreement among many raters",
 *   Psychological Bulletin 76:378-382, the 10 subjects x 14 raters x 5
 *   categories example as worked on Wikipedia ("Fleiss' kappa"): P-bar = 0.378,
 *   P_e = 0.213, kappa = 0.210; exact 4211/20059 = 0.20993070442195524
 *   (reference.py).
 * - A hand computation for the bootstrap (see test_bootstrap_exact_scheme).
 * - The counts form (cn_agreement_compute_counts) against the matrix form on
 *   the same data: the published examples above, bit for bit.
 */
#include "testutil.h"

#include "cn_agreement.h"
#include "cn_pairwise.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-15)
#define M NAN

/* Krippendorff (2011) section C; columns are units 1..12. */
static const double KC[4 * 12] = {
    1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M, /* observer A */
    1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3, /* observer B */
    M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M, /* observer C */
    1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M, /* observer D */
};

static cn_agreement_result alpha_of(cn_alpha_metric metric, const double *v, size_t coders,
                                    size_t units, size_t bootstrap, unsigned long seed)
{
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.metric = metric;
    o.bootstrap = bootstrap;
    o.seed = seed;
    cn_agreement_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_agreement_compute(&o, v, coders, units, &r, &err), CN_OK);
    return r;
}

static void test_krippendorff_2011_example(void)
{
    static const struct {
        cn_alpha_metric metric;
        double published, exact;
    } want[] = {
        {CN_ALPHA_NOMINAL, 0.743, 0.743421052631579},
        {CN_ALPHA_ORDINAL, 0.815, 0.8153875037548813},
        {CN_ALPHA_INTERVAL, 0.849, 0.8491071428571428},
    };
    for (size_t i = 0; i < 3; i++) {
        cn_agreement_result r = alpha_of(want[i].metric, KC, 4, 12, 0, 1);
        CU_ASSERT_DOUBLE_EQUAL(r.alpha, want[i].published, 0.0005);
        ASSERT_REL(r.alpha, want[i].exact, 1e-12);
        CU_ASSERT_PTR_NULL(r.alpha_note);
        CU_ASSERT_EQUAL(r.coders, 4);
        CU_ASSERT_EQUAL(r.units, 12);
        /* unit 12 has a single value: not pairable */
        CU_ASSERT_EQUAL(r.pairable_units, 11);
        CU_ASSERT_EQUAL(r.pairable_values, 40);
        CU_ASSERT_EQUAL(r.categories, 5);
        /* units have 3, 4 or 2 values: no Fleiss' kappa */
        CU_ASSERT_TRUE(isnan(r.fleiss_kappa));
        CU_ASSERT_EQUAL(r.ratings_per_unit, 0);
        /* no bootstrap asked */
        CU_ASSERT_TRUE(isnan(r.ci_lo) && isnan(r.ci_hi));
    }
    /* Nominal D_o by hand: the pairable values have n_c = 9, 13, 10, 5, 3 (n = 40),
     * so sum_{c != k} n_c n_k = 1600 - 384 = 1216, and alpha = 113/152 =
     * 1 - 39 * D_o * 40 / 1216 gives D_o = 0.2 (8 disagreeing pairs out of 40). */
    cn_agreement_result r = alpha_of(CN_ALPHA_NOMINAL, KC, 4, 12, 0, 1);
    ASSERT_REL(r.observed, 0.2, 1e-12);
}

/* The ordinal metric only sees the order of the values. */
static void test_ordinal_ignores_spacing(void)
{
    static const double recode[6] = {0, 10, 20, 35, 100, 1000};
    double v[4 * 12];
    for (size_t i = 0; i < 48; i++)
        v[i] = isnan(KC[i]) ? NAN : recode[(int)KC[i]];
    cn_agreement_result r = alpha_of(CN_ALPHA_ORDINAL, v, 4, 12, 0, 1);
    ASSERT_REL(r.alpha, 0.8153875037548813, 1e-12);
}

/* Wikipedia's table of counts (subjects x categories). */
static const long FLEISS[10][5] = {
    {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
};

static void test_fleiss_wikipedia_counts(void)
{
    double kappa;
    CU_ASSERT_EQUAL(cn_fleiss_kappa(&FLEISS[0][0], 10, 5, &kappa, NULL), CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(kappa, 0.210, 0.0005);
    ASSERT_REL(kappa, 0.20993070442195524, 1e-12);
}

/* The same example as a 14 raters x 10 subjects matrix (Fleiss' kappa does not
 * depend on which rater gave which rating): rater r gets the r-th rating of
 * each subject in category order. */
static void test_fleiss_wikipedia_matrix(void)
{
    double v[14 * 10];
    for (size_t u = 0; u < 10; u++) {
        size_t r = 0;
        for (size_t c = 0; c < 5; c++)
            for (long k = 0; k < FLEISS[u][c]; k++)
                v[(r++) * 10 + u] = (double)(c + 1);
    }
    cn_agreement_result r = alpha_of(CN_ALPHA_NOMINAL, v, 14, 10, 0, 1);
    ASSERT_REL(r.fleiss_kappa, 0.20993070442195524, 1e-12);
    CU_ASSERT_EQUAL(r.ratings_per_unit, 14);
    CU_ASSERT_FALSE(isnan(r.alpha));
}

static void test_fleiss_rejects_unequal_rows(void)
{
    long t[2][2] = {{2, 1}, {1, 1}};
    double kappa = 0;
    cn_error err;
    CU_ASSERT_EQUAL(cn_fleiss_kappa(&t[0][0], 2, 2, &kappa, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unit 2"));
    CU_ASSERT_TRUE(isnan(kappa));
}

/* Degenerate: one coder. Nothing is pairable. */
static void test_one_coder(void)
{
    double v[5] = {1, 2, 3, 1, 2};
    cn_agreement_result r = alpha_of(CN_ALPHA_NOMINAL, v, 1, 5, 100, 1);
    CU_ASSERT_TRUE(isnan(r.alpha));
    CU_ASSERT_PTR_NOT_NULL(r.alpha_note);
    CU_ASSERT_EQUAL(r.pairable_values, 0);
    CU_ASSERT_EQUAL(r.pairable_units, 0);
    CU_ASSERT_TRUE(isnan(r.ci_lo));
    CU_ASSERT_TRUE(isnan(r.fleiss_kappa));
}

/* Degenerate: all values the same. D_e = 0, alpha and kappa are 0/0. */
static void test_all_agree_no_variation(void)
{
    double v[3 * 4] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
    cn_agreement_result r = alpha_of(CN_ALPHA_ORDINAL, v, 3, 4, 100, 1);
    CU_ASSERT_TRUE(isnan(r.alpha));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.alpha_note, "no variation"));
    CU_ASSERT_EQUAL(r.pairable_values, 12);
    CU_ASSERT_EQUAL(r.ratings_per_unit, 3);
    CU_ASSERT_TRUE(isnan(r.fleiss_kappa));
    /* the same with a value that does not round-trip through sums exactly */
    double w[3 * 7];
    for (size_t i = 0; i < 21; i++)
        w[i] = 0.1;
    for (int m = CN_ALPHA_NOMINAL; m <= CN_ALPHA_INTERVAL; m++) {
        r = alpha_of((cn_alpha_metric)m, w, 3, 7, 50, 1);
        CU_ASSERT_TRUE(isnan(r.alpha));
        CU_ASSERT_EQUAL(r.bootstrap_defined, 0);
    }
}

/* Perfect agreement with variation: alpha = 1 (D_o = 0) and kappa = 1. */
static void test_perfect_agreement(void)
{
    double v[2 * 4] = {1, 2, 3, 1, 1, 2, 3, 1};
    for (int m = CN_ALPHA_NOMINAL; m <= CN_ALPHA_INTERVAL; m++) {
        cn_agreement_result r = alpha_of((cn_alpha_metric)m, v, 2, 4, 200, 1);
        CU_ASSERT_DOUBLE_EQUAL(r.alpha, 1.0, 1e-15);
        CU_ASSERT_DOUBLE_EQUAL(r.fleiss_kappa, 1.0, 1e-15);
        /* 4 units: a resample of one category has no defined alpha in more
         * than 5% of resamples (1/4^3 + ... ), so no interval, and a note */
        if (r.bootstrap_defined * 20 < 19 * r.bootstrap) {
            CU_ASSERT_TRUE(isnan(r.ci_lo));
            CU_ASSERT_PTR_NOT_NULL(r.ci_note);
        } else {
            CU_ASSERT_DOUBLE_EQUAL(r.ci_lo, 1.0, 1e-15);
        }
    }
}

/* Degenerate: a unit with a single rating adds nothing to alpha (Krippendorff
 * 2011: such values are not pairable): dropping unit 12 of the example, whose
 * only value is observer B's 3, leaves the published alpha unchanged. */
static void test_single_rating_unit(void)
{
    double v[4 * 11];
    for (size_t c = 0; c < 4; c++)
        memcpy(v + c * 11, KC + c * 12, 11 * sizeof(double));
    cn_agreement_result r = alpha_of(CN_ALPHA_NOMINAL, v, 4, 11, 0, 1);
    ASSERT_REL(r.alpha, 0.743421052631579, 1e-12);
    CU_ASSERT_EQUAL(r.pairable_units, 11);
    /* an all-missing unit too */
    double w[2 * 3] = {1, M, 2, 1, M, 1};
    r = alpha_of(CN_ALPHA_NOMINAL, w, 2, 3, 0, 1);
    CU_ASSERT_EQUAL(r.pairable_units, 2);
    CU_ASSERT_TRUE(isnan(r.fleiss_kappa)); /* unit 2 has no values */
}

/*
 * The bootstrap scheme, checked against a hand computation. Two coders, two
 * units: u1 = (1, 1), u2 = (1, 2). Resampling two units with replacement:
 *   {u1, u1} p = 1/4: values 1,1,1,1 -> no variation, alpha undefined (skipped)
 *   {u1, u2} p = 1/2: o_11 = 2, o_12 = o_21 = 1, n_1 = 3, n_2 = 1:
 *                     alpha = 1 - 3 * 2 / (2 * 3 * 1) = 0
 *   {u2, u2} p = 1/4: o_12 = o_21 = 2, n_1 = n_2 = 2: alpha = 1 - 3 * 4 / 8 = -0.5
 * So about 3/4 of the resamples are defined, a third of those at -0.5: the
 * 95% percentile interval is [-0.5, 0] and alpha itself is 0.
 */
static void test_bootstrap_exact_scheme(void)
{
    double v[2 * 2] = {1, 1, 1, 2};
    size_t b = 4000;
    cn_agreement_result r = alpha_of(CN_ALPHA_NOMINAL, v, 2, 2, b, 42);
    CU_ASSERT_DOUBLE_EQUAL(r.alpha, 0.0, 1e-15);
    CU_ASSERT_EQUAL(r.bootstrap, b);
    double se = sqrt(0.75 * 0.25 / (double)b);
    CU_ASSERT(fabs((double)r.bootstrap_defined / (double)b - 0.75) <= 4 * se);
    /* Issue 12: skipping the quarter of undefined resamples would bias the
     * interval ([-0.5, 0] from the defined ones); with more than 5% of them
     * undefined there is no interval, and the note says why. */
    CU_ASSERT_TRUE(isnan(r.ci_lo) && isnan(r.ci_hi));
    CU_ASSERT_PTR_NOT_NULL(r.ci_note);
}

/* Issue 12: an interval needs enough units to resample (min_units). */
static void test_bootstrap_min_units(void)
{
    double v[2 * 4] = {1, 2, 3, 1, 1, 2, 3, 2};
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.bootstrap = 100;
    o.min_units = 20;
    cn_agreement_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_agreement_compute(&o, v, 2, 4, &r, &err), CN_OK);
    CU_ASSERT_FALSE(isnan(r.alpha));
    CU_ASSERT_TRUE(isnan(r.ci_lo));
    CU_ASSERT_PTR_NOT_NULL(r.ci_note);
    CU_ASSERT_EQUAL(r.bootstrap_defined, 0);
}

/* Same seed: same interval, bit for bit. Different seeds: the share of
 * resamples below 0.8 (a Monte Carlo proportion) within a few standard errors. */
static void test_bootstrap_seeds(void)
{
    size_t b = 2000;
    cn_agreement_result a = alpha_of(CN_ALPHA_INTERVAL, KC, 4, 12, b, 7);
    cn_agreement_result a2 = alpha_of(CN_ALPHA_INTERVAL, KC, 4, 12, b, 7);
    cn_agreement_result c = alpha_of(CN_ALPHA_INTERVAL, KC, 4, 12, b, 8);
    CU_ASSERT_EQUAL(memcmp(&a.ci_lo, &a2.ci_lo, sizeof a.ci_lo), 0);
    CU_ASSERT_EQUAL(memcmp(&a.ci_hi, &a2.ci_hi, sizeof a.ci_hi), 0);
    CU_ASSERT_EQUAL(a.q_below_800, a2.q_below_800);
    CU_ASSERT_NOT_EQUAL(a.q_below_800, c.q_below_800);
    double p = (a.q_below_800 + c.q_below_800) / 2.0;
    CU_ASSERT(fabs(a.q_below_800 - c.q_below_800) <= 4.0 * sqrt(2.0 * p * (1.0 - p) / (double)b));
    CU_ASSERT(a.ci_lo < a.alpha && a.alpha <= a.ci_hi);
    CU_ASSERT(fabs(a.ci_lo - c.ci_lo) < 0.1);
}

static void test_bad_input(void)
{
    double v[2] = {1, INFINITY};
    cn_agreement_result r;
    cn_error err;
    CU_ASSERT_EQUAL(cn_agreement_compute(NULL, v, 1, 2, &r, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "infinite"));
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.level = 0;
    double ok[2] = {1, 2};
    CU_ASSERT_EQUAL(cn_agreement_compute(&o, ok, 1, 2, &r, &err), CN_ERR_USAGE);
    cn_alpha_metric m;
    CU_ASSERT_EQUAL(cn_alpha_metric_parse("ordinal", &m), 0);
    CU_ASSERT_EQUAL(m, CN_ALPHA_ORDINAL);
    CU_ASSERT_EQUAL(cn_alpha_metric_parse("ratio", &m), -1);
    CU_ASSERT_STRING_EQUAL(cn_alpha_metric_name(CN_ALPHA_INTERVAL), "interval");
}

/* cn_pairwise (issue 12), by hand: questions (reassuring, cautionary,
 * contraindicated) = (3,1,0), (2,2,0), (0,0,4): agreeing pairs 6 + 0, 2 + 2,
 * 12 = 22 of 12 + 12 + 12 = 36 ordered pairs: 0.6111; pooled 5, 3, 4 of 12:
 * chance (25 + 9 + 16) / 144; corrected (22/36 - 50/144) / (94/144) = 38/94. */
static void test_pairwise_by_hand(void)
{
    const long q[4][3] = {{3, 1, 0}, {2, 2, 0}, {0, 0, 4}, {1, 0, 0}}; /* the last: one answer */
    cn_pairwise_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_pairwise_compute(q, 4, 100, 1, 0.95, 20, &r, &err), CN_OK);
    CU_ASSERT_EQUAL(r.questions, 3);
    CU_ASSERT_DOUBLE_EQUAL(r.pairs, 18, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.agreement, 22.0 / 36.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.chance, 50.0 / 144.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.corrected, 38.0 / 94.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.share_median, 0.75, 1e-12); /* shares 0.75, 0.5, 1 */
    /* 3 questions: no interval, and why */
    CU_ASSERT_TRUE(isnan(r.ci_lo));
    CU_ASSERT_PTR_NOT_NULL(r.ci_note);
    /* The case: 90% of every question's answers agree, all on the same
     * stance: raw agreement 0.8 (pairs), chance 0.82, corrected -0.11. With 25
     * such questions every resample is the same: the interval is [0.8, 0.8]. */
    long same[25][3];
    for (int i = 0; i < 25; i++) {
        same[i][0] = 9;
        same[i][1] = 1;
        same[i][2] = 0;
    }
    CU_ASSERT_EQUAL_FATAL(
        cn_pairwise_compute((const long(*)[3])same, 25, 200, 1, 0.95, 20, &r, &err), CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(r.agreement, 0.8, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.chance, 0.82, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.corrected, -0.02 / 0.18, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.ci_lo, 0.8, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.ci_hi, 0.8, 1e-12);
    CU_ASSERT_PTR_NULL(r.ci_note);
}

/* Per-unit category counts of a coders x units matrix (NaN = missing), the
 * categories being `values` (ascending). */
static long *counts_of(const double *v, size_t coders, size_t units, const double *values, size_t k)
{
    long *c = calloc(units * k, sizeof *c);
    for (size_t i = 0; c && i < coders * units; i++)
        for (size_t j = 0; j < k && !isnan(v[i]); j++)
            c[(i % units) * k + j] += v[i] == values[j];
    return c;
}

static cn_agreement_result alpha_of_counts(cn_alpha_metric metric, const long *c, size_t units,
                                           const double *values, size_t k, size_t bootstrap)
{
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.metric = metric;
    o.bootstrap = bootstrap;
    o.min_units = 2;
    cn_agreement_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_agreement_compute_counts(&o, c, units, k, values, 7, &r, &err), CN_OK);
    return r;
}

/* Issue 14: the counts form gives the matrix form's figures, bit for bit for
 * the nominal and ordinal metrics (their sums are of exact half-integers),
 * bootstrap interval included; to rounding for the interval metric. A
 * category no pairable unit uses is left out, as the matrix form never sees
 * it. */
static void test_counts_equal_matrix(void)
{
    static const double values[6] = {1, 2, 3, 4, 5, 6}; /* 6: never given */
    long *c = counts_of(KC, 4, 12, values, 6);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    for (int m = CN_ALPHA_NOMINAL; m <= CN_ALPHA_INTERVAL; m++) {
        cn_agreement_opts o;
        cn_agreement_opts_init(&o);
        o.metric = (cn_alpha_metric)m;
        o.bootstrap = 500;
        o.min_units = 2;
        cn_agreement_result a, b;
        cn_error err;
        CU_ASSERT_EQUAL_FATAL(cn_agreement_compute(&o, KC, 4, 12, &a, &err), CN_OK);
        b = alpha_of_counts((cn_alpha_metric)m, c, 12, values, 6, 500);
        CU_ASSERT_EQUAL(b.coders, 7); /* as given: only reported */
        CU_ASSERT_EQUAL(b.units, 12);
        CU_ASSERT_EQUAL(b.pairable_units, a.pairable_units);
        CU_ASSERT_EQUAL(b.pairable_values, a.pairable_values);
        CU_ASSERT_EQUAL(b.categories, 5);
        CU_ASSERT_EQUAL(b.bootstrap_defined, a.bootstrap_defined);
        if (m == CN_ALPHA_INTERVAL) {
            ASSERT_REL(b.alpha, 0.8491071428571428, 1e-12);
            ASSERT_REL(b.ci_lo, a.ci_lo, 1e-9);
            ASSERT_REL(b.ci_hi, a.ci_hi, 1e-9);
            continue;
        }
        CU_ASSERT_EQUAL(memcmp(&b.alpha, &a.alpha, sizeof a.alpha), 0);
        CU_ASSERT_EQUAL(memcmp(&b.observed, &a.observed, sizeof a.observed), 0);
        CU_ASSERT_EQUAL(memcmp(&b.expected, &a.expected, sizeof a.expected), 0);
        CU_ASSERT_EQUAL(memcmp(&b.ci_lo, &a.ci_lo, sizeof a.ci_lo), 0);
        CU_ASSERT_EQUAL(memcmp(&b.ci_hi, &a.ci_hi, sizeof a.ci_hi), 0);
        CU_ASSERT_EQUAL(memcmp(&b.q_below_800, &a.q_below_800, sizeof a.q_below_800), 0);
    }
    ASSERT_REL(alpha_of_counts(CN_ALPHA_NOMINAL, c, 12, values, 6, 0).alpha, 0.743421052631579,
               1e-12);
    free(c);
}

/* Fleiss (1971) as worked on Wikipedia, through the counts form: the table
 * is already subjects x categories. */
static void test_fleiss_counts_form(void)
{
    static const double values[5] = {1, 2, 3, 4, 5};
    cn_agreement_result r = alpha_of_counts(CN_ALPHA_NOMINAL, &FLEISS[0][0], 10, values, 5, 0);
    CU_ASSERT_DOUBLE_EQUAL(r.fleiss_kappa, 0.210, 0.0005);
    ASSERT_REL(r.fleiss_kappa, 0.20993070442195524, 1e-12);
    CU_ASSERT_EQUAL(r.ratings_per_unit, 14);
    /* the same as the 14 x 10 matrix */
    double v[14 * 10];
    for (size_t u = 0; u < 10; u++) {
        size_t k = 0;
        for (size_t c = 0; c < 5; c++)
            for (long x = 0; x < FLEISS[u][c]; x++)
                v[(k++) * 10 + u] = (double)(c + 1);
    }
    cn_agreement_result m = alpha_of(CN_ALPHA_NOMINAL, v, 14, 10, 0, 1);
    CU_ASSERT_EQUAL(memcmp(&r.alpha, &m.alpha, sizeof r.alpha), 0);
}

/* The shape that took gigabytes as a matrix: one question with 200,000
 * answers among 20,000 questions of two (4e9 cells); as counts, 20,001 x 3. */
static void test_counts_skewed_corpus(void)
{
    static const double values[3] = {1, 2, 3};
    size_t units = 20001;
    long *c = calloc(units * 3, sizeof *c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    c[0] = 150000;
    c[1] = 50000;
    for (size_t u = 1; u < units; u++)
        c[u * 3 + u % 3] = 2; /* every small question agrees */
    cn_agreement_result r = alpha_of_counts(CN_ALPHA_NOMINAL, c, units, values, 3, 0);
    CU_ASSERT_EQUAL(r.pairable_units, units);
    CU_ASSERT_EQUAL(r.pairable_values, 200000 + 2 * (units - 1));
    CU_ASSERT_TRUE(r.alpha > 0.0 && r.alpha < 1.0);
    free(c);
}

static void test_counts_bad_input(void)
{
    long c[4] = {1, 1, 2, -1};
    const double values[2] = {1, 2}, descending[2] = {2, 1};
    cn_agreement_result r;
    cn_error err;
    CU_ASSERT_EQUAL(cn_agreement_compute_counts(NULL, c, 2, 2, values, 2, &r, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "negative"));
    c[3] = 1;
    CU_ASSERT_EQUAL(cn_agreement_compute_counts(NULL, c, 2, 2, descending, 2, &r, &err),
                    CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_agreement_compute_counts(NULL, c, 2, 2, values, 2, &r, &err), CN_OK);
}

int main(void)
{
    static const tu_test tests[] = {
        {"Krippendorff 2011 example C", test_krippendorff_2011_example},
        {"ordinal alpha ignores spacing", test_ordinal_ignores_spacing},
        {"Fleiss 1971 / Wikipedia, counts", test_fleiss_wikipedia_counts},
        {"Fleiss 1971 / Wikipedia, matrix", test_fleiss_wikipedia_matrix},
        {"Fleiss rejects unequal rows", test_fleiss_rejects_unequal_rows},
        {"degenerate: one coder", test_one_coder},
        {"degenerate: all agree", test_all_agree_no_variation},
        {"perfect agreement", test_perfect_agreement},
        {"degenerate: single-rating unit", test_single_rating_unit},
        {"bootstrap scheme by hand", test_bootstrap_exact_scheme},
        {"bootstrap needs enough units", test_bootstrap_min_units},
        {"pairwise agreement by hand (issue 12)", test_pairwise_by_hand},
        {"bootstrap seeds", test_bootstrap_seeds},
        {"bad input", test_bad_input},
        {"counts form = matrix form (issue 14)", test_counts_equal_matrix},
        {"Fleiss 1971 / Wikipedia, counts form (issue 14)", test_fleiss_counts_form},
        {"counts form: a skewed corpus (issue 14)", test_counts_skewed_corpus},
        {"counts form: bad input (issue 14)", test_counts_bad_input},
        {NULL, NULL},
    };
    return tu_run_suite("agreement", tests);
}
