/*
 * test_crosstab: Pearson's chi-square, its p-values and Cramer's V.
 *
 * Sources:
 * - Agresti A (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
 *   p. 39 (gender x party identification), the example of R's
 *   ?chisq.test: R prints "X-squared = 30.07, df = 2, p-value = 2.954e-07".
 *   Full precision from tests/data/stats/reference.py: X2 = 30.070149095754672
 *   (exact fractions); for df = 2 the tail is exp(-X2/2) = 2.953589183211757e-07.
 * - reference.py for the other tables: X2 from exact fractions, p-values from
 *   the chi-square tail's closed forms (erfc for odd df), and the exact
 *   conditional p-value P(X2 >= observed | margins) by enumerating every table
 *   with the observed margins with its hypergeometric probability: the number
 *   the Monte Carlo p-value of chisq.test(simulate.p.value = TRUE) estimates.
 * - R 4.2.2 (Debian's r-base-core), chisq.test(x, simulate.p.value = TRUE,
 *   B = 2e6) after set.seed(2026), for the tables of test_r_simulated_p (its
 *   own Monte Carlo standard error is at most 0.00035; printed with %.17g):
 *     x <- matrix(c(4, 1, 0, 1, 3, 2, 0, 2, 3), 3, 3, byrow = TRUE)  # SMALL
 *     x <- matrix(c(12, 5, 7, 7), ncol = 2)         # ?chisq.test's example
 *     x <- matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4)
 *                                   # ?fisher.test's Job satisfaction (Agresti)
 *     x <- matrix(c(30, 12, 3, 8, 6, 4, 15, 3, 2, 2, 1, 3, 40, 10, 9, 5, 2, 0),
 *                 6, 3, byrow = TRUE)      # a specialty x stance table
 *     r <- chisq.test(x, simulate.p.value = TRUE, B = 2e6)
 *     sprintf("%.17g %.17g", r$statistic, r$p.value)
 * - Random tables (cn_crosstab_r2dtable) against the hypergeometric
 *   distribution's closed forms: each cell has mean r c / n and variance
 *   r c (n - r)(n - c) / (n^2 (n - 1)); a 2 x 2 table's first cell has the
 *   hypergeometric probabilities C(c1, x) C(n - c1, r1 - x) / C(n, r1).
 * - The stratified permutation p against its exact value, enumerated in
 *   rational arithmetic (Python fractions; see test_stratified_exact).
 * - R's chisq.test source for the Monte Carlo rule:
 *   PVAL <- (1 + sum(tmp$results >= almost.1 * STATISTIC)) / (B + 1),
 *   almost.1 <- 1 - 64 * .Machine$double.eps.
 */
#include "testutil.h"

#include "cn_crosstab.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-300)

static cn_crosstab_result test_table(const long *t, size_t rows, size_t cols, size_t simulate,
                                     unsigned long seed)
{
    cn_crosstab_opts o;
    cn_crosstab_opts_init(&o);
    o.simulate = simulate;
    o.seed = seed;
    cn_crosstab_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_compute(&o, t, rows, cols, &r, &err), CN_OK);
    return r;
}

static const long AGRESTI[2 * 3] = {762, 327, 468, 484, 239, 477};

static void test_agresti_party(void)
{
    cn_crosstab_result r = test_table(AGRESTI, 2, 3, 0, 1);
    CU_ASSERT_DOUBLE_EQUAL(r.chi_square, 30.07, 0.005); /* R's printout */
    CU_ASSERT_DOUBLE_EQUAL(r.p_value, 2.954e-07, 0.0005e-07);
    ASSERT_REL(r.chi_square, 30.070149095754672, 1e-12);
    ASSERT_REL(r.p_value, 2.953589183211757e-07, 1e-9);
    CU_ASSERT_EQUAL(r.df, 2);
    CU_ASSERT_EQUAL(r.n, 2757);
    ASSERT_REL(r.cramers_v, 0.10443580235646777, 1e-12);
    ASSERT_REL(r.min_expected, 246.35473340587595, 1e-12);
    CU_ASSERT_EQUAL(r.cells_expected_below_5, 0);
    CU_ASSERT_FALSE(r.small_expected);
    CU_ASSERT_TRUE(r.cochran_ok);
    CU_ASSERT_TRUE(isnan(r.p_monte_carlo));
    CU_ASSERT_EQUAL(r.simulated, 0);
}

/* df = 1 (odd): the tail is erfc(sqrt(X2/2)). */
static void test_two_by_two(void)
{
    long t[4] = {15, 5, 7, 13};
    cn_crosstab_result r = test_table(t, 2, 2, 0, 1);
    ASSERT_REL(r.chi_square, 6.4646464646464645, 1e-12);
    ASSERT_REL(r.p_value, 0.011004153176868791, 1e-9);
    ASSERT_REL(r.cramers_v, 0.40201512610368484, 1e-12);
    CU_ASSERT_EQUAL(r.df, 1);
    ASSERT_REL(r.min_expected, 9.0, 1e-12);
}

/* A small specialty x stance table: the asymptotic p is doubtful (all
 * expected counts below 5), the Monte Carlo one must match the exact
 * conditional p within a few standard errors. */
static const long SMALL[3 * 3] = {4, 1, 0, 1, 3, 2, 0, 2, 3};
#define SMALL_EXACT_P 0.05352583924012495

static void test_small_table_monte_carlo(void)
{
    size_t b = 20000;
    cn_crosstab_result r = test_table(SMALL, 3, 3, b, 1);
    ASSERT_REL(r.chi_square, 9.333333333333334, 1e-12);
    ASSERT_REL(r.p_value, 0.05328685445847284, 1e-9);
    CU_ASSERT_EQUAL(r.df, 4);
    ASSERT_REL(r.cramers_v, 0.5400617248673217, 1e-12);
    ASSERT_REL(r.min_expected, 1.5625, 1e-12);
    CU_ASSERT_EQUAL(r.cells, 9);
    CU_ASSERT_EQUAL(r.cells_expected_below_5, 9);
    CU_ASSERT_TRUE(r.small_expected);
    CU_ASSERT_FALSE(r.cochran_ok);
    CU_ASSERT_EQUAL(r.simulated, b);
    double se = sqrt(SMALL_EXACT_P * (1 - SMALL_EXACT_P) / (double)b);
    CU_ASSERT(fabs(r.p_monte_carlo - SMALL_EXACT_P) <= 4.0 * se);
    /* the p-value is (1 + hits) / (B + 1): a multiple of 1/(B+1) */
    double hits = r.p_monte_carlo * (double)(b + 1) - 1.0;
    CU_ASSERT_DOUBLE_EQUAL(hits, round(hits), 1e-6);
}

static void test_two_by_two_monte_carlo(void)
{
    long t[4] = {15, 5, 7, 13};
    size_t b = 20000;
    cn_crosstab_result r = test_table(t, 2, 2, b, 3);
    double p = 0.024841720377823295; /* reference.py, exact conditional */
    CU_ASSERT(fabs(r.p_monte_carlo - p) <= 4.0 * sqrt(p * (1 - p) / (double)b));
}

/* A group with a single answer (common: one physician of a specialty): its
 * row must be drawn like any other. reference.py: X2 and exact conditional p. */
static void test_one_answer_row_monte_carlo(void)
{
    long t[3 * 3] = {0, 0, 1, 3, 4, 2, 1, 5, 0};
    size_t b = 20000;
    cn_crosstab_result r = test_table(t, 3, 3, b, 21);
    ASSERT_REL(r.chi_square, 6.938271604938271, 1e-12);
    double p = 0.13124375624375625;
    CU_ASSERT(fabs(r.p_monte_carlo - p) <= 4.0 * sqrt(p * (1 - p) / (double)b));
}

/* Same seed, same value; different seeds within a few standard errors. */
static void test_seeds(void)
{
    size_t b = 5000;
    cn_crosstab_result a = test_table(SMALL, 3, 3, b, 11);
    cn_crosstab_result a2 = test_table(SMALL, 3, 3, b, 11);
    cn_crosstab_result c = test_table(SMALL, 3, 3, b, 12);
    CU_ASSERT_EQUAL(memcmp(&a.p_monte_carlo, &a2.p_monte_carlo, sizeof(double)), 0);
    CU_ASSERT_NOT_EQUAL(a.p_monte_carlo, c.p_monte_carlo);
    double p = SMALL_EXACT_P;
    CU_ASSERT(fabs(a.p_monte_carlo - c.p_monte_carlo) <= 4.0 * sqrt(2.0 * p * (1 - p) / (double)b));
}

/* R's rule at its edges: a table exactly at its expected counts has X2 = 0
 * and every simulated table reaches it, so p = (1 + B) / (B + 1) = 1; a table
 * far in the tail gets the floor 1 / (B + 1). */
static void test_monte_carlo_edges(void)
{
    long t[4] = {1, 2, 2, 4};
    cn_crosstab_result r = test_table(t, 2, 2, 999, 1);
    CU_ASSERT_DOUBLE_EQUAL(r.chi_square, 0.0, 1e-15);
    CU_ASSERT_EQUAL(r.p_monte_carlo, 1.0);
    CU_ASSERT_DOUBLE_EQUAL(r.p_value, 1.0, 1e-12);
    r = test_table(AGRESTI, 2, 3, 2000, 1);
    /* P(X2 >= 30.07) is about 3e-7: no simulated table gets there */
    CU_ASSERT_DOUBLE_EQUAL(r.p_monte_carlo, 1.0 / 2001.0, 1e-15);
}

/* Degenerate: one group (one specialty) or one category: nothing to compare. */
static void test_one_group(void)
{
    long t[3] = {5, 2, 1};
    cn_crosstab_result r = test_table(t, 1, 3, 100, 1);
    CU_ASSERT_TRUE(isnan(r.chi_square));
    CU_ASSERT_TRUE(isnan(r.p_value));
    CU_ASSERT_TRUE(isnan(r.p_monte_carlo));
    CU_ASSERT_TRUE(isnan(r.cramers_v));
    CU_ASSERT_EQUAL(r.df, 0);
    CU_ASSERT_EQUAL(r.rows_used, 1);
    CU_ASSERT_EQUAL(r.n, 8);
    CU_ASSERT_TRUE(isnan(r.min_expected));
    CU_ASSERT_FALSE(r.small_expected);
    CU_ASSERT_EQUAL(r.cells, 0);
    long col[3] = {4, 0, 7}; /* 3 groups, one category */
    r = test_table(col, 3, 1, 0, 1);
    CU_ASSERT_TRUE(isnan(r.chi_square));
    /* two groups, but one of them has no answers */
    long empty_row[6] = {3, 4, 5, 0, 0, 0};
    r = test_table(empty_row, 2, 3, 0, 1);
    CU_ASSERT_TRUE(isnan(r.chi_square));
    CU_ASSERT_EQUAL(r.rows_used, 1);
}

/* Empty rows and columns are left out: the Agresti table with an empty
 * column and an empty row gives the same test. */
static void test_empty_margins_dropped(void)
{
    long t[3 * 4] = {762, 0, 327, 468, 0, 0, 0, 0, 484, 0, 239, 477};
    cn_crosstab_result r = test_table(t, 3, 4, 0, 1);
    ASSERT_REL(r.chi_square, 30.070149095754672, 1e-12);
    CU_ASSERT_EQUAL(r.df, 2);
    CU_ASSERT_EQUAL(r.rows_used, 2);
    CU_ASSERT_EQUAL(r.cols_used, 3);
    CU_ASSERT_EQUAL(r.rows, 3);
    CU_ASSERT_EQUAL(r.cols, 4);
}

static void test_no_counts(void)
{
    long t[4] = {0, 0, 0, 0};
    cn_crosstab_result r = test_table(t, 2, 2, 10, 1);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_TRUE(isnan(r.chi_square));
    CU_ASSERT_TRUE(isnan(r.min_expected));
}

static void test_row_proportions(void)
{
    cn_proportion p;
    CU_ASSERT_EQUAL(cn_crosstab_row_proportion(AGRESTI, 2, 3, 0, 0, 0.95, &p, NULL), CN_OK);
    CU_ASSERT_EQUAL(p.count, 762);
    CU_ASSERT_EQUAL(p.n, 1557);
    ASSERT_REL(p.wilson.lo, 0.46462936764366974, 1e-9);
    ASSERT_REL(p.wilson.hi, 0.5142281903654995, 1e-9);
    ASSERT_REL(p.exact.lo, 0.46429149616583376, 1e-9);
    ASSERT_REL(p.exact.hi, 0.5145539317969736, 1e-9);
    cn_error err;
    CU_ASSERT_EQUAL(cn_crosstab_row_proportion(AGRESTI, 2, 3, 2, 0, 0.95, &p, &err), CN_ERR_USAGE);
}

static void test_bad_input(void)
{
    long t[4] = {1, -2, 3, 4};
    cn_crosstab_result r;
    cn_error err;
    CU_ASSERT_EQUAL(cn_crosstab_compute(NULL, t, 2, 2, &r, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "row 1, column 2"));
}

/* Bergsma's (2013) bias-corrected V, by its formula: perfect association
 * stays 1 ([[10, 0], [0, 10]]: phi2 = 1 - 1/19, r~ = c~ = 2 - 1/19, V~ = 1);
 * [[6, 4], [4, 6]] has V = 0.2 from chance alone (X2 = 0.8, n = 20) and a
 * corrected V of 0 (phi2 = 0.04 - 1/19 < 0). */
static void test_cramers_v_corrected(void)
{
    cn_crosstab_result r;
    cn_error err;
    const long perfect[4] = {10, 0, 0, 10};
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_compute(NULL, perfect, 2, 2, &r, &err), CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(r.cramers_v, 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.cramers_v_corrected, 1.0, 1e-12);
    const long weak[4] = {6, 4, 4, 6};
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_compute(NULL, weak, 2, 2, &r, &err), CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(r.cramers_v, 0.2, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.cramers_v_corrected, 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cn_crosstab_chi_square(weak, 2, 2), 0.8, 1e-12);
}

/* The permutation test within strata (issue 12). Confounded: question 0 is
 * answered only by specialty 0, all reassuring; question 1 only by specialty
 * 1, all against. Pooled, the specialties look completely different (p tiny),
 * but shuffling within each question changes nothing: p = 1. Real: within
 * each of 8 questions specialty 0 says reassuring and specialty 1 against:
 * every shuffle that mixes them lowers X2, so p is small. */
static void test_stratified_permutation(void)
{
    uint32_t stratum[40], row[40], col[40];
    for (size_t i = 0; i < 20; i++) {
        stratum[i] = i < 10 ? 0 : 1;
        row[i] = i < 10 ? 0 : 1;
        col[i] = i < 10 ? 0 : 2;
    }
    double p;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_stratified_p(stratum, row, col, 20, 2, 3, 500, 1, &p, &err),
                          CN_OK);
    CU_ASSERT_DOUBLE_EQUAL(p, 1.0, 1e-12);
    const long pooled[6] = {10, 0, 0, 0, 0, 10};
    cn_crosstab_result r;
    cn_crosstab_compute(NULL, pooled, 2, 3, &r, &err);
    CU_ASSERT(r.p_value < 1e-3);
    for (size_t q = 0; q < 8; q++)
        for (size_t k = 0; k < 4; k++) {
            size_t i = q * 4 + k;
            stratum[i] = q;
            row[i] = k < 2 ? 0 : 1;
            col[i] = k < 2 ? 0 : 2;
        }
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_stratified_p(stratum, row, col, 32, 2, 3, 2000, 1, &p, &err),
                          CN_OK);
    /* P(a shuffle keeps every question split exactly) = (1/6)^8: p ~ 1/2001 */
    CU_ASSERT(p < 0.01);
    /* out-of-range items are refused */
    row[0] = 5;
    CU_ASSERT_NOT_EQUAL(cn_crosstab_stratified_p(stratum, row, col, 32, 2, 3, 10, 1, &p, &err),
                        CN_OK);
}

/* The Monte Carlo p-value against R's (header): within 4 standard errors of
 * the two simulations together; the statistic to rounding. */
static void test_r_simulated_p(void)
{
    static const long JOB[16] = {1, 3, 10, 6, 2, 3, 10, 7, 1, 6, 14, 12, 0, 1, 9, 11};
    static const long SPEC[18] = {30, 12, 3, 8, 6, 4, 15, 3, 2, 2, 1, 3, 40, 10, 9, 5, 2, 0};
    static const long RDOC[4] = {12, 7, 5, 7};
    static const struct {
        const long *t;
        size_t rows, cols;
        double x2, p_r;
    } CASES[] = {
        {SMALL, 3, 3, 9.3333333333333339, 0.053364473317763339},
        {RDOC, 2, 2, 1.3716460268317854, 0.28802285598857202},
        {JOB, 4, 4, 5.9655145887704029, 0.77065561467219268},
        {SPEC, 6, 3, 15.118403453660184, 0.12368293815853092},
    };
    size_t b = 20000;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        cn_crosstab_result r = test_table(CASES[i].t, CASES[i].rows, CASES[i].cols, b, 1);
        ASSERT_REL(r.chi_square, CASES[i].x2, 1e-12);
        double p = CASES[i].p_r, se = sqrt(p * (1 - p) * (1.0 / (double)b + 1.0 / 2e6));
        CU_ASSERT(fabs(r.p_monte_carlo - p) <= 4.0 * se);
    }
}

/* Every random table keeps both margins; each cell's mean and variance match
 * the hypergeometric closed forms within 4 standard errors (the variance's
 * standard error taken from the fourth moment of the draws). */
static void check_tables(const long *rs, size_t rows, const long *cs, size_t cols, size_t b,
                         unsigned long seed)
{
    long *t = malloc(b * rows * cols * sizeof *t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_r2dtable(b, rs, rows, cs, cols, seed, t, &err), CN_OK);
    double n = 0;
    for (size_t i = 0; i < rows; i++)
        n += (double)rs[i];
    size_t bad_margins = 0;
    for (size_t k = 0; k < b; k++) {
        const long *x = t + k * rows * cols;
        for (size_t i = 0; i < rows; i++) {
            long sum = 0;
            for (size_t j = 0; j < cols; j++)
                sum += x[i * cols + j];
            bad_margins += sum != rs[i];
        }
        for (size_t j = 0; j < cols; j++) {
            long sum = 0;
            for (size_t i = 0; i < rows; i++) {
                sum += x[i * cols + j];
                bad_margins += x[i * cols + j] < 0;
            }
            bad_margins += sum != cs[j];
        }
    }
    CU_ASSERT_EQUAL(bad_margins, 0);
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            double r = (double)rs[i], c = (double)cs[j];
            double mean = r * c / n, var = r * c * (n - r) * (n - c) / (n * n * (n - 1));
            double m1 = 0, m2 = 0, m4 = 0;
            for (size_t k = 0; k < b; k++)
                m1 += (double)t[k * rows * cols + i * cols + j] / (double)b;
            for (size_t k = 0; k < b; k++) {
                double d = (double)t[k * rows * cols + i * cols + j] - m1;
                m2 += d * d / (double)(b - 1);
                m4 += d * d * d * d / (double)b;
            }
            CU_ASSERT(fabs(m1 - mean) <= 4.0 * sqrt(var / (double)b) + 1e-12);
            CU_ASSERT(fabs(m2 - var) <= 4.0 * sqrt((m4 - m2 * m2) / (double)b) + 1e-9);
        }
    free(t);
}

static void test_r2dtable_distribution(void)
{
    const long rs[6] = {53, 28, 8, 59, 7, 0}, cs[3] = {94, 41, 20}; /* SPEC's, an empty row */
    check_tables(rs, 6, cs, 3, 20000, 1);
    const long job_r[4] = {20, 22, 33, 21}, job_c[4] = {4, 13, 43, 36};
    check_tables(job_r, 4, job_c, 4, 20000, 2);
    /* large counts: past the log-factorial table (n > 2^20) */
    const long big_r[3] = {600000, 350000, 150001}, big_c[2] = {700000, 400001};
    check_tables(big_r, 3, big_c, 2, 4000, 3);
}

/* A 2 x 2 table's first cell against its exact hypergeometric probabilities:
 * Pearson's goodness of fit over the support (df = 10; its 0.999 quantile is
 * 29.59). */
static void test_r2dtable_hypergeometric(void)
{
    const long rs[2] = {10, 15}, cs[2] = {12, 13};
    size_t b = 50000;
    long *t = malloc(b * 4 * sizeof *t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_r2dtable(b, rs, 2, cs, 2, 5, t, NULL), CN_OK);
    double seen[11] = {0}, x2 = 0;
    for (size_t k = 0; k < b; k++)
        seen[t[k * 4]]++;
    for (int x = 0; x <= 10; x++) {
        double pmf =
            exp(lgamma(13) - lgamma(x + 1) - lgamma(13 - x) + lgamma(14) - lgamma(10 - x + 1) -
                lgamma(13 - 10 + x + 1) - (lgamma(26) - lgamma(11) - lgamma(16)));
        double e = pmf * (double)b;
        x2 += (seen[x] - e) * (seen[x] - e) / e;
    }
    CU_ASSERT(x2 < 29.59);
    free(t);
}

/* The same seed gives the same tables, and they are the p-value's tables. */
static void test_r2dtable_seeded(void)
{
    const long rs[3] = {5, 6, 5}, cs[3] = {5, 6, 5};
    size_t b = 999;
    long *t = malloc(b * 9 * sizeof *t), *u = malloc(b * 9 * sizeof *u);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(b, rs, 3, cs, 3, 11, t, NULL), CN_OK);
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(b, rs, 3, cs, 3, 11, u, NULL), CN_OK);
    CU_ASSERT_EQUAL(memcmp(t, u, b * 9 * sizeof *t), 0);
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(b, rs, 3, cs, 3, 12, u, NULL), CN_OK);
    CU_ASSERT_NOT_EQUAL(memcmp(t, u, b * 9 * sizeof *t), 0);
    /* SMALL's margins are (5, 6, 5) both ways */
    cn_crosstab_result r = test_table(SMALL, 3, 3, b, 11);
    size_t ge = 0;
    for (size_t k = 0; k < b; k++)
        ge += cn_crosstab_chi_square(t + k * 9, 3, 3) >= (1.0 - 64.0 * DBL_EPSILON) * r.chi_square;
    CU_ASSERT_DOUBLE_EQUAL(r.p_monte_carlo, (1.0 + (double)ge) / (double)(b + 1), 1e-15);
    /* margins that cannot make a table */
    cn_error err;
    const long other[3] = {5, 6, 6}, neg[3] = {-1, 6, 11};
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(1, rs, 3, other, 3, 1, t, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(1, neg, 3, cs, 3, 1, t, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_crosstab_r2dtable(1, rs, 0, cs, 3, 1, t, &err), CN_ERR_USAGE);
    free(t);
    free(u);
}

/* The stratified p against its exact value: strata A = [[3, 1, 0], [0, 2, 2]],
 * B = [[2, 1, 0], [0, 1, 2]] (rows specialties, columns stances) and C =
 * [[1, 1, 0]] (one specialty: nothing to shuffle); pooled X2 = 208/21. The
 * exact P(X2 >= 208/21) when each stratum's table is drawn with its own
 * margins, enumerating every table of A and of B with its hypergeometric
 * probability in rational arithmetic (Python fractions), is 3/350. */
static void test_stratified_exact(void)
{
    static const long T[3][2][3] = {
        {{3, 1, 0}, {0, 2, 2}}, {{2, 1, 0}, {0, 1, 2}}, {{1, 1, 0}, {0, 0, 0}}};
    uint32_t stratum[32], row[32], col[32];
    size_t n = 0;
    for (size_t s = 0; s < 3; s++)
        for (size_t i = 0; i < 2; i++)
            for (size_t j = 0; j < 3; j++)
                for (long k = 0; k < T[s][i][j]; k++) {
                    stratum[n] = s;
                    row[n] = i;
                    col[n++] = j;
                }
    double p;
    size_t b = 20000;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_stratified_p(stratum, row, col, n, 2, 3, b, 1, &p, &err),
                          CN_OK);
    double want = 3.0 / 350.0;
    CU_ASSERT(fabs(p - want) <= 4.0 * sqrt(want * (1 - want) / (double)b));
    double again;
    cn_crosstab_stratified_p(stratum, row, col, n, 2, 3, b, 1, &again, &err);
    CU_ASSERT_EQUAL(memcmp(&p, &again, sizeof p), 0);
    /* without permutations there is no p */
    CU_ASSERT_EQUAL(cn_crosstab_stratified_p(stratum, row, col, n, 2, 3, 0, 1, &p, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(p));
}

/* The cells form (what the analysis keeps): test_stratified_exact's items
 * as cells stratum by stratum, each stratum's in another order and an empty
 * stratum first, give the same p bit for bit; a cell out of range and no
 * permutations as cn_crosstab_stratified_p. */
static void test_stratified_cells(void)
{
    static const long T[3][2][3] = {
        {{3, 1, 0}, {0, 2, 2}}, {{2, 1, 0}, {0, 1, 2}}, {{1, 1, 0}, {0, 0, 0}}};
    uint32_t stratum[32], row[32], col[32], cell[32];
    size_t start[5] = {0, 0};
    size_t n = 0, m = 0;
    for (size_t s = 0; s < 3; s++) {
        for (size_t i = 0; i < 2; i++)
            for (size_t j = 0; j < 3; j++)
                for (long k = 0; k < T[s][i][j]; k++) {
                    stratum[n] = s;
                    row[n] = i;
                    col[n++] = j;
                }
        for (size_t x = n; x-- > m;) /* stratum s + 1 of the cells, reversed */
            cell[n - 1 - x + m] = row[x] * 3 + col[x];
        m = n;
        start[s + 2] = n;
    }
    cn_strata_cells sc = {.cell = cell, .start = start, .nstrata = 4};
    double want, got;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(
        cn_crosstab_stratified_p(stratum, row, col, n, 2, 3, 5000, 7, &want, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_crosstab_stratified_cells_p(&sc, 2, 3, 5000, 7, &got, &err), CN_OK);
    CU_ASSERT_EQUAL(memcmp(&got, &want, sizeof got), 0);
    CU_ASSERT_TRUE(got > 0.0 && got < 0.05);
    CU_ASSERT_EQUAL(cn_crosstab_stratified_cells_p(&sc, 2, 3, 0, 7, &got, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(got));
    cell[3] = 6;
    CU_ASSERT_EQUAL(cn_crosstab_stratified_cells_p(&sc, 2, 3, 10, 7, &got, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "item 4 out of range"));
}

int main(void)
{
    static const tu_test tests[] = {
        {"Agresti 2007 / R chisq.test example", test_agresti_party},
        {"2 x 2, df = 1", test_two_by_two},
        {"small table: Monte Carlo vs exact", test_small_table_monte_carlo},
        {"2 x 2: Monte Carlo vs exact", test_two_by_two_monte_carlo},
        {"one-answer row: Monte Carlo vs exact", test_one_answer_row_monte_carlo},
        {"seeds", test_seeds},
        {"Monte Carlo edges", test_monte_carlo_edges},
        {"degenerate: one group / one category", test_one_group},
        {"empty rows and columns dropped", test_empty_margins_dropped},
        {"degenerate: no counts", test_no_counts},
        {"row proportions", test_row_proportions},
        {"bad input", test_bad_input},
        {"bias-corrected Cramer's V (issue 12)", test_cramers_v_corrected},
        {"permutation within questions (issue 12)", test_stratified_permutation},
        {"Monte Carlo p vs R's chisq.test (issue 14)", test_r_simulated_p},
        {"r2dtable: margins, cell means and variances (issue 14)", test_r2dtable_distribution},
        {"r2dtable: a cell vs the hypergeometric (issue 14)", test_r2dtable_hypergeometric},
        {"r2dtable: seeded, the p-value's tables (issue 14)", test_r2dtable_seeded},
        {"permutation within strata vs exact (issue 14)", test_stratified_exact},
        {"permutation within strata, cells stratum by stratum (issue 14)", test_stratified_cells},
        {NULL, NULL},
    };
    return tu_run_suite("crosstab", tests);
}
