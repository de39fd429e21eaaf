/*
 * test_mt: cn_mt draws exactly what GSL's mt19937 and its binomial and
 * multinomial draw, number for number, so the seeded figures made with it
 * are GSL's bit for bit. Each check runs GSL's own functions on a
 * gsl_rng_mt19937 and ours on a cn_mt_type generator of the same seed, and
 * compares every result and the state left after (the next numbers).
 */
#include "testutil.h"

#include "cn_mt.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <string.h>

typedef struct pair {
    gsl_rng *gsl, *ours;
} pair;

static pair pair_new(unsigned long seed)
{
    pair p = {gsl_rng_alloc(gsl_rng_mt19937), gsl_rng_alloc(cn_mt_type)};
    gsl_rng_set(p.gsl, seed);
    gsl_rng_set(p.ours, seed);
    return p;
}

static void pair_free(pair p)
{
    gsl_rng_free(p.gsl);
    gsl_rng_free(p.ours);
}

/* Both generators at the same point of the same stream. */
static int same_state(pair p)
{
    for (int i = 0; i < 8; i++)
        if (gsl_rng_get(p.gsl) != gsl_rng_get(p.ours))
            return 0;
    return 1;
}

static void test_stream(void)
{
    static const unsigned long seeds[] = {0, 1, 2, 4357, 302683720987ul, 0xfffffffful};
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        pair p = pair_new(seeds[s]);
        size_t bad = 0;
        /* several refills; the inline draw, GSL's get and get_double */
        for (int i = 0; i < 5000; i++) {
            unsigned long want = gsl_rng_get(p.gsl);
            bad += (i % 3 == 0 ? (unsigned long)cn_mt_get(p.ours) : gsl_rng_get(p.ours)) != want;
        }
        for (int i = 0; i < 2000; i++)
            bad +=
                gsl_rng_uniform(p.gsl) != (i % 2 ? cn_mt_uniform(p.ours) : gsl_rng_uniform(p.ours));
        CU_ASSERT_EQUAL(bad, 0);
        CU_ASSERT_STRING_EQUAL(gsl_rng_name(p.ours), "cn_mt19937");
        pair_free(p);
    }
}

static void test_uniform_int(void)
{
    static const unsigned long ns[] = {1, 2, 3, 7, 1000, 1311, 65537, 3000000000ul, 0xfffffffful};
    pair p = pair_new(11);
    size_t bad = 0;
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++)
        for (int i = 0; i < 3000; i++)
            bad += gsl_rng_uniform_int(p.gsl, ns[k]) != cn_mt_uniform_int(p.ours, ns[k]);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(same_state(p));
    pair_free(p);
}

static void test_binomial(void)
{
    /* both branches (means under and over 14), p over and under 1/2, the
     * ends 0 and 1, n = 0 (no draw) */
    static const double ps[] = {0.0, 1e-9, 0.01, 0.1, 0.3, 0.5, 0.5000001, 0.7, 0.93, 0.999, 1.0};
    static const unsigned ns[] = {0, 1, 2, 5, 17, 40, 139, 1000, 100000};
    pair p = pair_new(5);
    size_t bad = 0, draws = 0;
    for (size_t a = 0; a < sizeof ps / sizeof ps[0]; a++)
        for (size_t b = 0; b < sizeof ns / sizeof ns[0]; b++)
            for (int i = 0; i < 400; i++, draws++)
                bad +=
                    gsl_ran_binomial(p.gsl, ps[a], ns[b]) != cn_mt_binomial(p.ours, ps[a], ns[b]);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(draws > 30000);
    CU_ASSERT(same_state(p));
    pair_free(p);
}

static void test_multinomial(void)
{
    /* weights as the relabeling gives them: not summing to 1, some zero */
    static const double w[][4] = {
        {0.25, 0.25, 0.25, 0.25}, {0.7, 0.1, 0.1, 0.1},     {0.0, 0.5, 0.0, 0.5},
        {1e-3, 2e-3, 3e-3, 0.0},  {0.31, 0.002, 0.6, 0.08}, {5.0, 1.0, 0.0, 2.0},
    };
    static const unsigned totals[] = {0, 1, 3, 17, 30, 200, 5000};
    pair p = pair_new(302683720987ul);
    size_t bad = 0;
    for (size_t a = 0; a < sizeof w / sizeof w[0]; a++)
        for (size_t b = 0; b < sizeof totals / sizeof totals[0]; b++)
            for (int i = 0; i < 300; i++) {
                unsigned want[4], got[4];
                gsl_ran_multinomial(p.gsl, 4, totals[b], w[a], want);
                cn_mt_multinomial(p.ours, 4, totals[b], w[a], got);
                for (int k = 0; k < 4; k++)
                    bad += want[k] != got[k];
            }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(same_state(p));
    pair_free(p);
}

/* cn_mt_gamma and cn_mt_dirichlet draw what gsl_ran_gamma and
 * gsl_ran_dirichlet draw: shapes below and above 1 (two branches), tiny
 * ones (Dirichlet's rescue from underflow), large ones. */
static void test_gamma_dirichlet(void)
{
    static const double shapes[] = {1e-3, 0.05, 0.4, 0.99, 1.0, 1.673, 2.5, 17.0, 250.0};
    pair p = pair_new(42);
    size_t bad = 0;
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
        for (int j = 0; j < 2000; j++)
            bad += gsl_ran_gamma(p.gsl, shapes[i], 1.0) != cn_mt_gamma(p.ours, shapes[i]);
    static const double alphas[][4] = {
        {0.418, 0.418, 0.418, 0.418},
        {3.4, 0.2, 12.0, 1.0},
        {1e-3, 2e-3, 1e-3, 5e-4},
        {1e-250, 1e-250, 1e-260, 1e-255}, /* every gamma underflows: the rescue */
        {40.4, 2.1, 0.9, 7.0},
    };
    for (size_t a = 0; a < sizeof alphas / sizeof alphas[0]; a++)
        for (int j = 0; j < 2000; j++) {
            double want[4], got[4];
            gsl_ran_dirichlet(p.gsl, 4, alphas[a], want);
            cn_mt_dirichlet(p.ours, 4, alphas[a], got);
            for (int k = 0; k < 4; k++)
                bad += memcmp(&want[k], &got[k], sizeof want[k]) != 0;
        }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(same_state(p));
    pair_free(p);
}

/* GSL's own draws (gamma, Dirichlet) on our generator type take the same
 * numbers as on its mt19937: mixing them with the inline draws is safe. */
static void test_gsl_functions_on_our_type(void)
{
    pair p = pair_new(1);
    const double alpha[4] = {0.2, 1.5, 7.0, 0.9};
    size_t bad = 0;
    for (int i = 0; i < 3000; i++) {
        double a[4], b[4];
        gsl_ran_dirichlet(p.gsl, 4, alpha, a);
        gsl_ran_dirichlet(p.ours, 4, alpha, b);
        for (int k = 0; k < 4; k++)
            bad += a[k] != b[k];
        bad += gsl_ran_gaussian_ziggurat(p.gsl, 1.0) != gsl_ran_gaussian_ziggurat(p.ours, 1.0);
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(same_state(p));
    pair_free(p);
}

int main(void)
{
    static const tu_test tests[] = {
        {"the mt19937 stream, seed for seed", test_stream},
        {"uniform_int as GSL's", test_uniform_int},
        {"binomial as GSL's, both branches", test_binomial},
        {"multinomial as GSL's", test_multinomial},
        {"GSL's draws on our type", test_gsl_functions_on_our_type},
        {"gamma and Dirichlet as GSL's", test_gamma_dirichlet},
        {NULL, NULL},
    };
    return tu_run_suite("mt", tests);
}
