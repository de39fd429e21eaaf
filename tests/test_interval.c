/*
 * test_interval: Wilson and Clopper-Pearson intervals against published
 * values and an independent implementation.
 *
 * Sources:
 * - Newcombe RG (1998), "Two-sided confidence intervals for the single
 *   proportion: comparison of seven methods", Stat Med 17:857-872, Table I:
 *   methods 3 (Wilson score, no continuity correction) and 5 (exact
 *   Clopper-Pearson) for 81/263, 15/148, 0/20 and 1/29, given to 4 decimals.
 * - tests/data/stats/reference.py: Wilson from its closed form with z from
 *   Python's statistics.NormalDist, Clopper-Pearson by bisection on summed
 *   binomial probabilities (its definition); full double precision.
 * - For x == n the exact lower bound has the closed form ((1-level)/2)^(1/n)
 *   (Clopper & Pearson 1934: P(X >= n) = p^n).
 */
#include "testutil.h"

#include "cn_interval.h"

#include <math.h>
#include <string.h>

#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-15)

typedef struct newcombe_row {
    long x, n;
    double wilson_lo, wilson_hi, exact_lo, exact_hi;
} newcombe_row;

/* Newcombe (1998) Table I, 95% intervals. */
static const newcombe_row NEWCOMBE[] = {
    {81, 263, 0.2553, 0.3662, 0.2527, 0.3676},
    {15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
    {0, 20, 0.0000, 0.1611, 0.0000, 0.1684},
    {1, 29, 0.0061, 0.1718, 0.0009, 0.1776},
};

static void test_newcombe_table(void)
{
    for (size_t i = 0; i < sizeof NEWCOMBE / sizeof NEWCOMBE[0]; i++) {
        const newcombe_row *r = &NEWCOMBE[i];
        cn_interval w, e;
        CU_ASSERT_EQUAL(cn_interval_wilson(r->x, r->n, 0.95, &w, NULL), CN_OK);
        CU_ASSERT_EQUAL(cn_interval_exact(r->x, r->n, 0.95, &e, NULL), CN_OK);
        /* the table is rounded to 4 decimals */
        CU_ASSERT_DOUBLE_EQUAL(w.lo, r->wilson_lo, 0.00005);
        CU_ASSERT_DOUBLE_EQUAL(w.hi, r->wilson_hi, 0.00005);
        CU_ASSERT_DOUBLE_EQUAL(e.lo, r->exact_lo, 0.00005);
        CU_ASSERT_DOUBLE_EQUAL(e.hi, r->exact_hi, 0.00005);
    }
}

typedef struct ref_row {
    long x, n;
    double level;
    double lo, hi;
} ref_row;

/* reference.py: "wilson X/N" lines. */
static const ref_row WILSON_REF[] = {
    {81, 263, 0.95, 0.2552885198782743, 0.3662095769828001},
    {15, 148, 0.95, 0.06238639953073629, 0.160487241723308},
    {0, 20, 0.95, 0.0, 0.1611251580528193},
    {1, 29, 0.95, 0.006113214292762653, 0.17175521879320282},
    {9, 11, 0.95, 0.5230194380391561, 0.948632310253915},
    {5, 5, 0.95, 0.5655175352168254, 1.0},
    {1, 1, 0.95, 0.20654931437723745, 1.0},
    {9, 11, 0.90, 0.5728574951340222, 0.9378847474808303},
    {762, 1557, 0.95, 0.46462936764366974, 0.5142281903654995},
};

/* reference.py: "exact X/N" lines. */
static const ref_row EXACT_REF[] = {
    {81, 263, 0.95, 0.25273674558527004, 0.36762192260135274},
    {15, 148, 0.95, 0.05784401008344883, 0.16165049034947937},
    {0, 20, 0.95, 0.0, 0.1684334709830853},
    {1, 29, 0.95, 0.0008726468835799227, 0.1776442954887229},
    {9, 11, 0.95, 0.48224414763982715, 0.9771688017000404},
    {5, 5, 0.95, 0.4781762498950186, 1.0},
    {1, 1, 0.95, 0.025, 1.0},
    {9, 11, 0.99, 0.39150502902196704, 0.9901803264711775},
    {762, 1557, 0.95, 0.46429149616583376, 0.5145539317969736},
    /* inputs where GSL's gsl_cdf_beta_Pinv/Qinv fail to converge */
    {2, 260, 0.95, 0.0009329355060647133, 0.02750946477495577},
    {284, 291, 0.95, 0.9510677538372305, 0.990275182383408},
};

static void test_wilson_reference(void)
{
    for (size_t i = 0; i < sizeof WILSON_REF / sizeof WILSON_REF[0]; i++) {
        const ref_row *r = &WILSON_REF[i];
        cn_interval w;
        CU_ASSERT_EQUAL_FATAL(cn_interval_wilson(r->x, r->n, r->level, &w, NULL), CN_OK);
        ASSERT_REL(w.lo, r->lo, 1e-9);
        ASSERT_REL(w.hi, r->hi, 1e-9);
    }
}

static void test_exact_reference(void)
{
    for (size_t i = 0; i < sizeof EXACT_REF / sizeof EXACT_REF[0]; i++) {
        const ref_row *r = &EXACT_REF[i];
        cn_interval e;
        CU_ASSERT_EQUAL_FATAL(cn_interval_exact(r->x, r->n, r->level, &e, NULL), CN_OK);
        ASSERT_REL(e.lo, r->lo, 1e-9);
        ASSERT_REL(e.hi, r->hi, 1e-9);
    }
}

/* DESIGN.md's example sentence: "9 of 11 ... (82%, 95% CI 52-95%)". */
static void test_design_example(void)
{
    cn_proportion p;
    CU_ASSERT_EQUAL(cn_proportion_compute(9, 11, 0.95, &p, NULL), CN_OK);
    CU_ASSERT_EQUAL(lround(p.estimate * 100), 82);
    CU_ASSERT_EQUAL(lround(p.wilson.lo * 100), 52);
    CU_ASSERT_EQUAL(lround(p.wilson.hi * 100), 95);
    CU_ASSERT_EQUAL(p.count, 9);
    CU_ASSERT_EQUAL(p.n, 11);
}

/* x == n: lower bound ((1-level)/2)^(1/n), upper bound exactly 1; x == 0 mirrors it. */
static void test_exact_closed_forms(void)
{
    for (long n = 1; n <= 40; n += 3) {
        cn_interval e;
        CU_ASSERT_EQUAL(cn_interval_exact(n, n, 0.95, &e, NULL), CN_OK);
        ASSERT_REL(e.lo, pow(0.025, 1.0 / (double)n), 1e-10);
        CU_ASSERT_EQUAL(e.hi, 1.0);
        CU_ASSERT_EQUAL(cn_interval_exact(0, n, 0.95, &e, NULL), CN_OK);
        CU_ASSERT_EQUAL(e.lo, 0.0);
        ASSERT_REL(e.hi, 1.0 - pow(0.025, 1.0 / (double)n), 1e-10);
    }
}

/* x == 1: P(X >= 1) = 1 - (1 - p)^n, so the lower bound is
 * 1 - (1 - tail)^(1/n); by symmetry the upper bound of n - 1 is its
 * complement. Large n included (GSL's incomplete beta gives NaN near the
 * centre for n of about 1e7 and more; the module falls back to summing
 * binomial terms), and there the exact interval must be close to Wilson's. */
static void test_exact_large_n(void)
{
    static const long ns[] = {260, 1000000, 1000000000L};
    for (size_t i = 0; i < 3; i++) {
        long n = ns[i];
        cn_interval e;
        CU_ASSERT_EQUAL(cn_interval_exact(1, n, 0.95, &e, NULL), CN_OK);
        ASSERT_REL(e.lo, -expm1(log1p(-0.025) / (double)n), 1e-9);
        CU_ASSERT_EQUAL(cn_interval_exact(n - 1, n, 0.95, &e, NULL), CN_OK);
        CU_ASSERT_DOUBLE_EQUAL(e.hi, 1.0 + expm1(log1p(-0.025) / (double)n), 1e-15);
    }
    for (long n = 10000000; n <= 1000000000L; n *= 10) {
        cn_interval e, w;
        CU_ASSERT_EQUAL(cn_interval_exact(n / 2, n, 0.95, &e, NULL), CN_OK);
        CU_ASSERT_EQUAL(cn_interval_wilson(n / 2, n, 0.95, &w, NULL), CN_OK);
        CU_ASSERT_FALSE(isnan(e.lo) || isnan(e.hi));
        CU_ASSERT_DOUBLE_EQUAL(e.lo + e.hi, 1.0, 1e-12); /* symmetric around 1/2 */
        CU_ASSERT_DOUBLE_EQUAL(e.lo, w.lo, 1e-3 * (0.5 - w.lo));
        CU_ASSERT_DOUBLE_EQUAL(e.hi, w.hi, 1e-3 * (w.hi - 0.5));
    }
}

/* Degenerate: n == 0 is "no information" (estimate NaN, [0, 1]); x == 0 and
 * x == n put exact 0 and 1 at the ends for both methods. */
static void test_degenerate(void)
{
    cn_proportion p;
    CU_ASSERT_EQUAL(cn_proportion_compute(0, 0, 0.95, &p, NULL), CN_OK);
    CU_ASSERT_TRUE(isnan(p.estimate));
    CU_ASSERT_EQUAL(p.wilson.lo, 0.0);
    CU_ASSERT_EQUAL(p.wilson.hi, 1.0);
    CU_ASSERT_EQUAL(p.exact.lo, 0.0);
    CU_ASSERT_EQUAL(p.exact.hi, 1.0);

    CU_ASSERT_EQUAL(cn_proportion_compute(7, 7, 0.95, &p, NULL), CN_OK);
    CU_ASSERT_EQUAL(p.estimate, 1.0);
    CU_ASSERT_EQUAL(p.wilson.hi, 1.0);
    CU_ASSERT_EQUAL(p.exact.hi, 1.0);
    CU_ASSERT(p.wilson.lo > 0.0 && p.wilson.lo < 1.0);

    CU_ASSERT_EQUAL(cn_proportion_compute(0, 7, 0.95, &p, NULL), CN_OK);
    CU_ASSERT_EQUAL(p.estimate, 0.0);
    CU_ASSERT_EQUAL(p.wilson.lo, 0.0);
    CU_ASSERT_EQUAL(p.exact.lo, 0.0);
}

/* A wider level gives a wider interval, and both contain the estimate. */
static void test_monotone_in_level(void)
{
    cn_interval a, b;
    for (long x = 0; x <= 12; x++) {
        cn_interval_exact(x, 12, 0.90, &a, NULL);
        cn_interval_exact(x, 12, 0.99, &b, NULL);
        CU_ASSERT(b.lo <= a.lo && b.hi >= a.hi);
        CU_ASSERT(a.lo <= x / 12.0 && a.hi >= x / 12.0);
        cn_interval_wilson(x, 12, 0.90, &a, NULL);
        cn_interval_wilson(x, 12, 0.99, &b, NULL);
        CU_ASSERT(b.lo <= a.lo && b.hi >= a.hi);
        CU_ASSERT(a.lo <= x / 12.0 + 1e-15 && a.hi >= x / 12.0 - 1e-15);
    }
}

static void test_bad_arguments(void)
{
    cn_interval i;
    cn_error err;
    CU_ASSERT_EQUAL(cn_interval_wilson(5, 4, 0.95, &i, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "5/4"));
    CU_ASSERT_EQUAL(cn_interval_exact(-1, 4, 0.95, &i, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_interval_exact(1, 4, 1.0, &i, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "level"));
    CU_ASSERT_EQUAL(cn_interval_wilson(1, 4, 0.0, &i, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_interval_wilson(1, 4, NAN, &i, &err), CN_ERR_USAGE);
}

int main(void)
{
    static const tu_test tests[] = {
        {"Newcombe 1998 Table I", test_newcombe_table},
        {"Wilson vs reference.py", test_wilson_reference},
        {"exact vs reference.py", test_exact_reference},
        {"DESIGN.md example", test_design_example},
        {"exact closed forms at the ends", test_exact_closed_forms},
        {"exact for large n", test_exact_large_n},
        {"degenerate: n = 0, x = 0, x = n", test_degenerate},
        {"monotone in level", test_monotone_in_level},
        {"bad arguments", test_bad_arguments},
        {NULL, NULL},
    };
    return tu_run_suite("interval", tests);
}
