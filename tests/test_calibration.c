/*
 * test_calibration: the confidence temperature (setting
 * confidence_temperature): the learned decision's probabilities become
 * softmax(z / T), checked against values worked out by hand for a made-up
 * score vector; T = 1 changes nothing, bit for bit; no T changes a label; the
 * rule loader refuses a temperature that is not positive and finite, naming
 * FILE:LINE.
 */
#include "testutil.h"

#include "cn_classifier.h"
#include "cn_model.h"
#include "cn_rules.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Label order of the arrays: none, reassuring, cautionary, contraindicated.
 * Made-up scores z = (0.3, 2.0, 1.2, -0.7). */
static const double Z[CN_STANCE_COUNT] = {0.3, 2.0, 1.2, -0.7};

static void softmax(const double *z, double *p)
{
    double sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = exp(z[k]));
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
}

/* By hand, T = 2: z / 2 = (0.15, 1, 0.6, -0.35); exp of those = 1.1618342427,
 * 2.7182818285, 1.8221188004, 0.7046880897, summing to 6.4069229613; each
 * over the sum. */
static void test_temperature_two_by_hand(void)
{
    double p[CN_STANCE_COUNT];
    softmax(Z, p);
    cn_model_temper(p, 2.0);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_NONE], 1.1618342427 / 6.4069229613, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_REASSURING], 0.4242725946, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CAUTIONARY], 0.2843984252, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CONTRAINDICATED], 0.1099885380, 1e-9);
    /* untempered, reassuring had 7.3890560989 / 12.555617133 = 0.5885060066:
     * a temperature above 1 lowers the winner's confidence */
    CU_ASSERT(p[CN_STANCE_REASSURING] < 0.5885060066);
}

/* By hand, T = 0.5: z * 2 = (0.6, 4, 2.4, -1.4); exp = 1.8221188004,
 * 54.5981500331, 11.0231763806, 0.2465969639; sum 67.6900421781. */
static void test_temperature_half_by_hand(void)
{
    double p[CN_STANCE_COUNT];
    softmax(Z, p);
    cn_model_temper(p, 0.5);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_NONE], 0.0269185650, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_REASSURING], 54.5981500331 / 67.6900421781, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CAUTIONARY], 0.1628478285, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CONTRAINDICATED], 0.0036430316, 1e-9);
}

static void test_temperature_one_is_identity(void)
{
    double p[CN_STANCE_COUNT], q[CN_STANCE_COUNT];
    softmax(Z, p);
    memcpy(q, p, sizeof p);
    cn_model_temper(q, 1.0);
    CU_ASSERT_EQUAL(memcmp(p, q, sizeof p), 0);
    /* a very large T tends to the uniform 1/4 */
    cn_model_temper(q, 1e6);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        CU_ASSERT_DOUBLE_EQUAL(q[k], 0.25, 1e-5);
    /* a zero probability (an underflow) stays zero, and the rest sum to 1 */
    double r[CN_STANCE_COUNT] = {0, 0.7, 0.3, 0};
    cn_model_temper(r, 3.0);
    CU_ASSERT_EQUAL(r[CN_STANCE_NONE], 0);
    CU_ASSERT_DOUBLE_EQUAL(r[CN_STANCE_REASSURING] + r[CN_STANCE_CAUTIONARY], 1.0, 1e-12);
    CU_ASSERT(r[CN_STANCE_REASSURING] > r[CN_STANCE_CAUTIONARY]);
}

/* ---- the setting in the rule loader ---- */

typedef tu_diags diags;

/* Load a one-file rule folder holding body; *t gets the temperature read. */
static int load_body(const char *body, diags *d, double *t)
{
    cn_rules *rules = NULL;
    int rc = tu_load_rules_text("calib.rules", body, d, &rules);
    if (rules && t)
        *t = cn_rules_setting(rules, "confidence_temperature");
    cn_rules_free(rules);
    return rc;
}

static void test_setting_validated(void)
{
    diags d;
    double t = 0;
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : ok\n", &d, &t), CN_OK);
    CU_ASSERT_EQUAL(t, 1.0); /* the default: today's confidences */
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature value=1.75\n", &d, &t), CN_OK);
    CU_ASSERT_EQUAL(t, 1.75);
    CU_ASSERT_EQUAL(load_body("\nsetting confidence_temperature value=0\n", &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(d.text, "calib.rules:2: setting confidence_temperature: 0 is outside (0, 100]"));
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature value=-2\n", &d, NULL), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "calib.rules:1: value: -2 is outside"));
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature value=inf\n", &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "calib.rules:1: value: inf is outside"));
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature value=nan\n", &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "calib.rules:1: value: 'nan' is not a number"));
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature value=101\n", &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "101 is outside (0, 100]"));
    CU_ASSERT_EQUAL(load_body("setting confidence_temperature\n", &d, NULL), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "setting confidence_temperature needs value=NUMBER"));
}

/* ---- the shipped rules at another temperature ---- */

/* A copy of the shipped rule folder with its `setting confidence_temperature`
 * line set to value=T; NULL when it could not be made. */
static char *rules_at(const char *temperature)
{
    const char *src = getenv("CONSENSUS_RULES") ? getenv("CONSENSUS_RULES") : "rules";
    char *dir = tu_mkdtemp();
    DIR *d = dir ? opendir(src) : NULL;
    bool found = false;
    for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", src, e->d_name);
        size_t len = 0;
        char *text = tu_read_file(path, &len);
        if (!text)
            continue;
        /* the shipped line, whatever its value, up to its line's end */
        const char *key = "\nsetting confidence_temperature value=";
        char *at = strstr(text, key);
        char *eol = at ? strchr(at + 1, '\n') : NULL;
        if (at && eol && !strcmp(e->d_name, "settings.rules")) {
            char *out = malloc(len + 64);
            size_t head = (size_t)(at - text) + 1;
            snprintf(out, len + 64, "%.*ssetting confidence_temperature value=%s%s", (int)head,
                     text, temperature, eol);
            free(tu_write_file(dir, e->d_name, out, strlen(out)));
            free(out);
            found = true;
        } else {
            free(tu_write_file(dir, e->d_name, text, len));
        }
        free(text);
    }
    if (d)
        closedir(d);
    if (!found && dir) {
        tu_rm_rf(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

static cn_rules *load(const char *dir)
{
    cn_rules *rules = NULL;
    cn_error err;
    return cn_rules_load(dir, &rules, NULL, NULL, &err) == CN_OK ? rules : NULL;
}

/* Answers written here, one of each kind of stance and an unsure one. */
static const char *const TEXTS[] = {
    "It is perfectly safe to fly the day after your injections; nothing you do will move them.",
    "Please do not have the procedure while you are pregnant; wait until after delivery.",
    "There is a small risk of bruising and swelling, so watch for it over the first week.",
    "Every patient is different and I would need to see photos to tell you more.",
    "Most likely it is fine, but some bleeding can happen and you should avoid aspirin first.",
};

/* Through the classifier: at T = 2.5 every answer keeps its label, and its
 * confidence is the T = 1 probabilities raised to 1 / 2.5 and renormalized
 * (softmax(z / 2.5)), worked out here with pow, not cn_model_temper. */
static void test_classifier_keeps_labels(void)
{
    char *dir = rules_at("2.5"), *one = rules_at("1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    cn_rules *hot = load(dir);
    cn_rules *plain = load(one);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
    CU_ASSERT(cn_model_active(cn_rules_model(plain)));
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        cn_classify_input in = {.text = TEXTS[i]};
        cn_decision a, b;
        cn_error err;
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(plain, &in, &a, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(hot, &in, &b, &err), CN_OK);
        CU_ASSERT_EQUAL(a.stance, b.stance);
        CU_ASSERT_EQUAL(a.confidence, a.probability[a.stance]);
        double sum = 0, want[CN_STANCE_COUNT];
        for (int k = 0; k < CN_STANCE_COUNT; k++)
            sum += (want[k] = pow(a.probability[k], 1 / 2.5));
        for (int k = 0; k < CN_STANCE_COUNT; k++)
            CU_ASSERT_DOUBLE_EQUAL(b.probability[k], want[k] / sum, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(b.confidence, want[b.stance] / sum, 1e-12);
        /* Softer: the most probable stance loses probability. (The label is
         * not always that stance: the decision offsets may pick a close
         * second, whose probability rises as the distribution flattens.) */
        int top = 0;
        for (int k = 1; k < CN_STANCE_COUNT; k++)
            if (a.probability[k] > a.probability[top])
                top = k;
        CU_ASSERT(b.probability[top] < a.probability[top]);
        CU_ASSERT(b.confidence > 0.25);
        cn_decision_clear(&a);
        cn_decision_clear(&b);
    }
    cn_rules_free(hot);
    cn_rules_free(plain);
    tu_rm_rf(dir);
    tu_rm_rf(one);
    free(dir);
    free(one);
}

/* Count `"stance":"NAME"` in s. */
static size_t count(const char *s, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "\"stance\":\"%s\"", name);
    size_t n = 0;
    for (const char *p = s ? strstr(s, key) : NULL; p; p = strstr(p + 1, key))
        n++;
    return n;
}

/* The CLI on the sample corpus: the same stances at T = 0.4 and T = 3. */
static void test_cli_same_stance_counts(void)
{
    char *cold = rules_at("0.4"), *hot = rules_at("3");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cold);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hot);
    char args[4096], *a = NULL, *b = NULL, *c = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("classify corpus", &a, NULL), 0);
    snprintf(args, sizeof args, "classify --rules %s corpus", cold);
    CU_ASSERT_EQUAL(tu_run_cli(args, &b, NULL), 0);
    snprintf(args, sizeof args, "classify --rules %s corpus", hot);
    CU_ASSERT_EQUAL(tu_run_cli(args, &c, NULL), 0);
    static const char *const NAMES[] = {"reassuring", "cautionary", "contraindicated", "none"};
    for (size_t k = 0; k < 4; k++) {
        CU_ASSERT(count(a, NAMES[k]) > 0);
        CU_ASSERT_EQUAL(count(a, NAMES[k]), count(b, NAMES[k]));
        CU_ASSERT_EQUAL(count(a, NAMES[k]), count(c, NAMES[k]));
    }
    CU_ASSERT(a && b && strcmp(a, b) != 0); /* the confidences did move */
    free(a);
    free(b);
    free(c);
    tu_rm_rf(cold);
    tu_rm_rf(hot);
    free(cold);
    free(hot);
}

int main(void)
{
    static const tu_test tests[] = {
        {"T = 2 against hand values", test_temperature_two_by_hand},
        {"T = 0.5 against hand values", test_temperature_half_by_hand},
        {"T = 1 is the identity", test_temperature_one_is_identity},
        {"setting validated with FILE:LINE", test_setting_validated},
        {"classifier keeps labels, confidence tempered", test_classifier_keeps_labels},
        {"CLI stance counts unchanged", test_cli_same_stance_counts},
        {NULL, NULL},
    };
    return tu_run_suite("confidence calibration", tests);
}
