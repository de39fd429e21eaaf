/*
 * test_stats_cli: `consensus stats agreement` and `consensus stats crosstab`
 * end to end on the CSV fixtures in tests/data/stats/.
 *
 * Expected figures come from the published examples and from
 * tests/data/stats/reference.py (see test_agreement.c and test_crosstab.c for
 * the sources): Krippendorff (2011) section C, Fleiss (1971) as on
 * Wikipedia, Agresti (2007) / R's ?chisq.test, and reference.py's alpha for
 * stances.csv and its exact conditional p-value for specialties_small.csv.
 */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DATA "tests/data/stats/"
#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-300)

typedef struct run {
    int code;
    char *out, *err;
    cJSON *json;
} run;

static run cli(const char *args)
{
    run r = {0};
    r.code = tu_run_cli(args, &r.out, &r.err);
    r.json = r.out && *r.out ? cJSON_Parse(r.out) : NULL;
    return r;
}

static void run_free(run *r)
{
    free(r->out);
    free(r->err);
    cJSON_Delete(r->json);
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    CU_ASSERT_TRUE(cJSON_IsNumber(v));
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static int is_null(const cJSON *o, const char *key)
{
    return cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void test_agreement_krippendorff(void)
{
    static const struct {
        const char *level;
        double alpha;
    } want[] = {
        {"nominal", 0.743421052631579},
        {"ordinal", 0.8153875037548813},
        {"interval", 0.8491071428571428},
    };
    for (size_t i = 0; i < 3; i++) {
        char args[256];
        snprintf(args, sizeof args, "stats agreement --level %s " DATA "krippendorff_c.csv",
                 want[i].level);
        run r = cli(args);
        CU_ASSERT_EQUAL(r.code, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
        CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(r.json, "level")->valuestring, want[i].level);
        ASSERT_REL(num(r.json, "alpha"), want[i].alpha, 1e-12);
        const cJSON *ci = cJSON_GetObjectItem(r.json, "ci");
        CU_ASSERT_TRUE(cJSON_IsArray(ci) && cJSON_GetArraySize(ci) == 2);
        CU_ASSERT_EQUAL(num(r.json, "coders"), 4);
        CU_ASSERT_EQUAL(num(r.json, "units"), 12);
        CU_ASSERT_EQUAL(num(r.json, "pairable_values"), 40);
        CU_ASSERT_TRUE(is_null(r.json, "fleiss_kappa"));
        CU_ASSERT_STRING_EQUAL(r.err, "");
        run_free(&r);
    }
    /* nominal is the default level */
    run r = cli("stats agreement " DATA "krippendorff_c.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    ASSERT_REL(num(r.json, "alpha"), 0.743421052631579, 1e-12);
    run_free(&r);
}

/* Stance names count as 1, 2, 3 and mix with numbers; quoted coder names. */
static void test_agreement_stance_names(void)
{
    static const struct {
        const char *level;
        double alpha;
    } want[] = {
        {"nominal", 0.6565656565656566},
        {"ordinal", 0.8688271604938271},
        {"interval", 0.8697318007662835},
    };
    for (size_t i = 0; i < 3; i++) {
        char args[256];
        snprintf(args, sizeof args, "stats agreement --level %s " DATA "stances.csv",
                 want[i].level);
        run r = cli(args);
        CU_ASSERT_EQUAL(r.code, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
        ASSERT_REL(num(r.json, "alpha"), want[i].alpha, 1e-12);
        CU_ASSERT_EQUAL(num(r.json, "coders"), 3);
        run_free(&r);
    }
}

/* Many distinct values, ties and missing cells: 6 coders x 40 units of
 * decimals on an uneven scale (0.5 ... 13). reference.py, exact fractions. */
static void test_agreement_mixed_scale(void)
{
    static const struct {
        const char *level;
        double alpha;
    } want[] = {
        {"nominal", 0.3230152909276792},
        {"ordinal", 0.2523098267602034},
        {"interval", 0.18877085976598293},
    };
    for (size_t i = 0; i < 3; i++) {
        char args[256];
        snprintf(args, sizeof args,
                 "stats agreement --bootstrap 200 --level %s " DATA "mixed_scale.csv",
                 want[i].level);
        run r = cli(args);
        CU_ASSERT_EQUAL(r.code, 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
        ASSERT_REL(num(r.json, "alpha"), want[i].alpha, 1e-12);
        CU_ASSERT_EQUAL(num(r.json, "coders"), 6);
        CU_ASSERT_EQUAL(num(r.json, "units"), 40);
        run_free(&r);
    }
}

/* Free labels are fine for nominal (same matrix as stances.csv) but not for
 * ordinal, where they are named as bad cells. */
static void test_agreement_labels(void)
{
    run r = cli("stats agreement " DATA "labels.csv");
    CU_ASSERT_EQUAL(r.code, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    ASSERT_REL(num(r.json, "alpha"), 0.6565656565656566, 1e-12);
    run_free(&r);
    r = cli("stats agreement --level ordinal " DATA "labels.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "labels.csv:2: column 2 ('q1'): 'low' is not"));
    run_free(&r);
}

static void test_agreement_fleiss(void)
{
    run r = cli("stats agreement --bootstrap 0 " DATA "fleiss_wikipedia.csv");
    CU_ASSERT_EQUAL(r.code, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    ASSERT_REL(num(r.json, "fleiss_kappa"), 0.20993070442195524, 1e-12);
    CU_ASSERT_EQUAL(num(r.json, "ratings_per_unit"), 14);
    CU_ASSERT_EQUAL(num(r.json, "coders"), 14);
    CU_ASSERT_TRUE(is_null(r.json, "ci")); /* --bootstrap 0 */
    run_free(&r);
}

static void test_crosstab_agresti(void)
{
    run r = cli("stats crosstab " DATA "agresti_party.csv");
    CU_ASSERT_EQUAL(r.code, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    ASSERT_REL(num(r.json, "chi_square"), 30.070149095754672, 1e-12);
    CU_ASSERT_EQUAL(num(r.json, "df"), 2);
    ASSERT_REL(num(r.json, "p_value"), 2.953589183211757e-07, 1e-9);
    CU_ASSERT_TRUE(is_null(r.json, "p_monte_carlo"));
    ASSERT_REL(num(r.json, "cramers_v"), 0.10443580235646777, 1e-12);
    ASSERT_REL(num(r.json, "min_expected"), 246.35473340587595, 1e-12);
    CU_ASSERT_TRUE(cJSON_IsFalse(cJSON_GetObjectItem(r.json, "small_expected")));
    const cJSON *props = cJSON_GetObjectItem(r.json, "proportions");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(props), 2);
    const cJSON *female = cJSON_GetArrayItem(props, 0);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(female, "group")->valuestring, "Female");
    const cJSON *dem = cJSON_GetArrayItem(cJSON_GetObjectItem(female, "cells"), 0);
    const cJSON *wilson = cJSON_GetObjectItem(dem, "wilson");
    ASSERT_REL(cJSON_GetArrayItem(wilson, 0)->valuedouble, 0.46462936764366974, 1e-9);
    ASSERT_REL(cJSON_GetArrayItem(wilson, 1)->valuedouble, 0.5142281903654995, 1e-9);
    run_free(&r);
}

static void test_crosstab_monte_carlo(void)
{
    run r = cli("stats crosstab --simulate 20000 --seed 5 " DATA "specialties_small.csv");
    CU_ASSERT_EQUAL(r.code, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    double p = 0.05352583924012495; /* reference.py, exact conditional p */
    CU_ASSERT(fabs(num(r.json, "p_monte_carlo") - p) <= 4.0 * sqrt(p * (1 - p) / 20000.0));
    CU_ASSERT_EQUAL(num(r.json, "simulations"), 20000);
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(r.json, "small_expected")));
    run_free(&r);
}

/* Same seed: same bytes. Different seed: different bytes, values close. */
static void test_determinism(void)
{
    const char *c1 = "stats crosstab --simulate 3000 --seed 9 " DATA "specialties_small.csv";
    const char *c2 = "stats crosstab --simulate 3000 --seed 10 " DATA "specialties_small.csv";
    run a = cli(c1), b = cli(c1), c = cli(c2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a.out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c.json);
    CU_ASSERT_STRING_EQUAL(a.out, b.out);
    CU_ASSERT_STRING_NOT_EQUAL(a.out, c.out);
    double pa = num(a.json, "p_monte_carlo"), pc = num(c.json, "p_monte_carlo");
    double p = (pa + pc) / 2;
    CU_ASSERT(fabs(pa - pc) <= 4.0 * sqrt(2.0 * p * (1 - p) / 3000.0));
    run_free(&a);
    run_free(&b);
    run_free(&c);

    const char *k1 =
        "stats agreement --level interval --bootstrap 800 --seed 3 " DATA "krippendorff_c.csv";
    const char *k2 =
        "stats agreement --level interval --bootstrap 800 --seed 4 " DATA "krippendorff_c.csv";
    a = cli(k1);
    b = cli(k1);
    c = cli(k2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a.json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c.json);
    CU_ASSERT_STRING_EQUAL(a.out, b.out);
    CU_ASSERT_STRING_NOT_EQUAL(a.out, c.out);
    const cJSON *ba = cJSON_GetObjectItem(a.json, "bootstrap");
    const cJSON *bc = cJSON_GetObjectItem(c.json, "bootstrap");
    double qa = num(ba, "p_alpha_below_800"), qc = num(bc, "p_alpha_below_800");
    double q = (qa + qc) / 2;
    CU_ASSERT(fabs(qa - qc) <= 4.0 * sqrt(2.0 * q * (1 - q) / 800.0));
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

/* One specialty: nothing to compare, said plainly. */
static void test_crosstab_one_group(void)
{
    run r = cli("stats crosstab " DATA "one_specialty.csv");
    CU_ASSERT_EQUAL(r.code, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    CU_ASSERT_TRUE(is_null(r.json, "chi_square"));
    CU_ASSERT_TRUE(is_null(r.json, "df"));
    CU_ASSERT_TRUE(is_null(r.json, "p_value"));
    CU_ASSERT_TRUE(is_null(r.json, "cramers_v"));
    CU_ASSERT_TRUE(is_null(r.json, "small_expected"));
    CU_ASSERT_TRUE(cJSON_IsString(cJSON_GetObjectItem(r.json, "note")));
    run_free(&r);
}

/* Bad CSVs: FILE:LINE: message on stderr and exit 1. */
static void test_bad_csv(void)
{
    run r = cli("stats agreement " DATA "bad/ragged.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(r.err, DATA "bad/ragged.csv:3: row has 3 fields, the header has 5"));
    /* the other rows are still used */
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    CU_ASSERT_EQUAL(num(r.json, "coders"), 2);
    CU_ASSERT_EQUAL(num(r.json, "rejected"), 1);
    run_free(&r);

    r = cli("stats agreement --level ordinal " DATA "bad/non_numeric.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/non_numeric.csv:2: column 3 ('q2'): 'maybe'"));
    run_free(&r);

    r = cli("stats agreement " DATA "bad/empty.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/empty.csv:1: empty file"));
    CU_ASSERT_STRING_EQUAL(r.out, "");
    run_free(&r);

    r = cli("stats crosstab " DATA "bad/empty.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/empty.csv:1: empty file"));
    run_free(&r);

    r = cli("stats agreement " DATA "bad/unterminated.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/unterminated.csv:3: unterminated quoted field"));
    CU_ASSERT_STRING_EQUAL(r.out, "");
    run_free(&r);

    r = cli("stats agreement " DATA "bad/header_only.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/header_only.csv:1: no coder rows"));
    run_free(&r);

    r = cli("stats crosstab " DATA "bad/bad_count.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/bad_count.csv:2: column 3 ('cautionary'): "
                                              "'2.5' is not a count"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, DATA "bad/bad_count.csv:3: column 2 ('reassuring'): "
                                              "'x' is not a count"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.json);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(r.json, "groups")), 1);
    run_free(&r);

    r = cli("stats crosstab " DATA "no-such-file.csv");
    CU_ASSERT_EQUAL(r.code, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "no-such-file.csv"));
    run_free(&r);
}

static void test_usage(void)
{
    static const char *const bad[] = {
        "stats",
        "stats frobnicate x.csv",
        "stats agreement",
        "stats agreement --level ratio " DATA "krippendorff_c.csv",
        "stats agreement --bootstrap -1 " DATA "krippendorff_c.csv",
        "stats agreement --seed x " DATA "krippendorff_c.csv",
        "stats agreement --ci-level 1.5 " DATA "krippendorff_c.csv",
        "stats agreement --bogus " DATA "krippendorff_c.csv",
        "stats agreement --level",
        "stats crosstab a.csv b.csv",
        "stats crosstab --simulate many " DATA "agresti_party.csv",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run r = cli(bad[i]);
        CU_ASSERT_EQUAL(r.code, 2);
        CU_ASSERT_STRING_EQUAL(r.out, "");
        CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "Try 'consensus stats"));
        run_free(&r);
    }
    static const char *const help[] = {"stats --help", "stats agreement --help",
                                       "stats crosstab -h"};
    for (size_t i = 0; i < 3; i++) {
        run r = cli(help[i]);
        CU_ASSERT_EQUAL(r.code, 0);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "Usage: consensus stats"));
        run_free(&r);
    }
}

int main(void)
{
    static const tu_test tests[] = {
        {"agreement: Krippendorff 2011", test_agreement_krippendorff},
        {"agreement: stance names", test_agreement_stance_names},
        {"agreement: mixed scale", test_agreement_mixed_scale},
        {"agreement: free labels", test_agreement_labels},
        {"agreement: Fleiss 1971", test_agreement_fleiss},
        {"crosstab: Agresti 2007", test_crosstab_agresti},
        {"crosstab: Monte Carlo", test_crosstab_monte_carlo},
        {"same seed, same bytes", test_determinism},
        {"crosstab: one specialty", test_crosstab_one_group},
        {"bad CSV", test_bad_csv},
        {"usage", test_usage},
        {NULL, NULL},
    };
    return tu_run_suite("stats_cli", tests);
}
