/* test_qtype: the question-type model (cn_qtype, cn_qtype_fit): a model fitted
 * on a few written questions types new ones by their words; the loader takes
 * `qtype` lines, turns the labels into decision flags and reports a malformed
 * line as FILE:LINE; the shipped model types plain questions as expected;
 * a setting adds the less sure types as flags. */
#include "testutil.h"

#include "cn_annotate.h"
#include "cn_hash.h"
#include "cn_model.h"
#include "cn_qtype.h"
#include "cn_qtype_fit.h"
#include "cn_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Written questions (title, body, type): the asker already had it, asks
 * leave, asks how long it lasts, asks when. */
static const char *const TRAIN[][3] = {
    {"I had lip filler last week and now one side is lumpy", "Did I ruin it?", "done"},
    {"I had a tummy tuck ten days ago", "There is swelling above the scar, I worked out.", "done"},
    {"Got Botox yesterday and then I lay down", "I already did it, is it ruined?", "done"},
    {"I had rhinoplasty two weeks ago and I bumped my nose", NULL, "done"},
    {"Can I fly after my facelift?", "I want to travel for a wedding.", "permission"},
    {"Can I take ibuprofen before filler?", NULL, "permission"},
    {"Is it okay to drink wine before Botox?", "Can I have a glass?", "permission"},
    {"Can I dye my hair before surgery?", NULL, "permission"},
    {"How long does Botox last?", "How many months until it wears off?", "duration"},
    {"How long will the swelling last after rhinoplasty?", NULL, "duration"},
    {"How long do lip fillers last?", "Months or years?", "duration"},
    {"When can I exercise after liposuction?", "How soon can I run again?", "timing"},
    {"When can I sleep on my side after a breast lift?", NULL, "timing"},
    {"How soon can I swim after a tummy tuck?", NULL, "timing"},
};

static cn_qtype *fit_written(void)
{
    cn_qtype_fit *fit = NULL;
    cn_error err;
    cn_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(cn_qtype_fit_new(&fit, &err), CN_OK);
    for (size_t i = 0; i < sizeof TRAIN / sizeof TRAIN[0]; i++)
        CU_ASSERT_EQUAL(cn_qtype_fit_add(fit, TRAIN[i][0], TRAIN[i][1], TRAIN[i][2], &err), CN_OK);
    CU_ASSERT_EQUAL(cn_qtype_fit_examples(fit), sizeof TRAIN / sizeof TRAIN[0]);
    cn_qtype *qt = NULL;
    CU_ASSERT_EQUAL(cn_qtype_fit_run(fit, 1, 0.01, &qt, &err), CN_OK);
    cn_qtype_fit_free(fit);
    return qt;
}

static const char *typed(const cn_qtype *qt, const char *title, const char *body)
{
    double p[CN_QTYPE_MAX_LABELS];
    long best = -1;
    cn_error err;
    cn_error_clear(&err);
    CU_ASSERT_EQUAL(cn_qtype_predict(qt, title, body, p, &best, &err), CN_OK);
    return best < 0 ? NULL : cn_qtype_label(qt, (size_t)best);
}

static void test_fitted_types_new_questions(void)
{
    cn_qtype *qt = fit_written();
    CU_ASSERT_PTR_NOT_NULL_FATAL(qt);
    CU_ASSERT_EQUAL(cn_qtype_labels(qt), 4);
    /* labels in name order, each with its flag */
    CU_ASSERT_STRING_EQUAL(cn_qtype_label(qt, 0), "done");
    CU_ASSERT_STRING_EQUAL(cn_qtype_flag(qt, 3), "qtype/timing");
    CU_ASSERT_STRING_EQUAL(typed(qt, "How long does Dysport last?", NULL), "duration");
    CU_ASSERT_STRING_EQUAL(typed(qt, "Can I fly after Botox?", NULL), "permission");
    CU_ASSERT_STRING_EQUAL(typed(qt, "When can I run after a facelift?", NULL), "timing");
    CU_ASSERT_STRING_EQUAL(typed(qt, "I had filler two weeks ago", "Did I ruin it?"), "done");
    /* case and a curly apostrophe do not matter */
    CU_ASSERT_STRING_EQUAL(typed(qt, "HOW LONG does it last?", NULL),
                           typed(qt, "how long does it last?", NULL));
    CU_ASSERT_STRING_EQUAL(typed(qt, "I had filler, it\xE2\x80\x99s lumpy", NULL),
                           typed(qt, "I had filler, it's lumpy", NULL));
    cn_qtype_free(qt);
}

/* The fitted model written as rule lines loads back and types the same. */
static void test_written_model_loads_back(void)
{
    cn_qtype *qt = fit_written();
    CU_ASSERT_PTR_NOT_NULL_FATAL(qt);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    CU_ASSERT_EQUAL(cn_qtype_write(qt, out), 0);
    fclose(out);
    tu_diags d;
    cn_rules *rules = NULL;
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("qtype.rules", text, &d, &rules), CN_OK);
    const cn_qtype *back = cn_rules_qtype(rules);
    CU_ASSERT_EQUAL(cn_qtype_labels(back), cn_qtype_labels(qt));
    const char *q = "Can I exercise after liposuction?";
    double p1[CN_QTYPE_MAX_LABELS], p2[CN_QTYPE_MAX_LABELS];
    long b1, b2;
    cn_error err;
    CU_ASSERT_EQUAL(cn_qtype_predict(qt, q, NULL, p1, &b1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_qtype_predict(back, q, NULL, p2, &b2, &err), CN_OK);
    CU_ASSERT_EQUAL(b1, b2);
    for (size_t k = 0; k < cn_qtype_labels(qt); k++)
        CU_ASSERT_DOUBLE_EQUAL(p1[k], p2[k], 1e-3); /* weights written to 4 decimals */
    /* each label is a decision flag with its crosses */
    cn_model *m = cn_rules_model(rules);
    CU_ASSERT(cn_model_feature_index(m, "flag_qtype/done") >= 0);
    CU_ASSERT(cn_model_feature_index(m, "contraindicated_x_qtype/timing") >= 0);
    CU_ASSERT(cn_model_feature_index(m, "advice_x_qtype/permission") >= 0);
    cn_rules_free(rules);
    free(text);
    cn_qtype_free(qt);
}

static void test_loader_rejects_malformed_lines(void)
{
    tu_diags d;
    CU_ASSERT_EQUAL(tu_load_rules_text("qtype.rules",
                                       "# two labels\nqtype <bias> done=0.5 harm=-0.5\n"
                                       "qtype t/can+i done=1\n",
                                       &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:3: qtype t/can+i needs harm=NUMBER"));
    CU_ASSERT_EQUAL(tu_load_rules_text("qtype.rules",
                                       "qtype <bias> done=0.5 harm=-0.5\n"
                                       "qtype had done=1 harm=0 timing=2\n"
                                       "qtype had done=1 harm=0\n"
                                       "qtype long done=lots harm=0\n"
                                       "qtype when done=1 harm=0 : when\n",
                                       &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:2: unknown question type label 'timing'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:4: qtype long: done=lots is not a number"));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:5: a qtype line takes no patterns"));
    CU_ASSERT_EQUAL(d.count, 3);
    /* the same term twice */
    CU_ASSERT_EQUAL(tu_load_rules_text("qtype.rules",
                                       "qtype <bias> done=0.5 harm=-0.5\n"
                                       "qtype had done=1 harm=0\nqtype had harm=0 done=1\n",
                                       &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:3: question term 'had' is weighted twice"));
    /* a label that could not be a flag */
    CU_ASSERT_EQUAL(tu_load_rules_text("qtype.rules", "qtype <bias> a/b=1\n", &d, NULL),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "qtype.rules:1: 'a/b' is not a question type label"));
    /* well formed: loads */
    CU_ASSERT_EQUAL(tu_load_rules_text("qtype.rules",
                                       "qtype <bias> done=0.5 harm=-0.5\nqtype had harm=0 done=1\n",
                                       &d, NULL),
                    CN_OK);
    CU_ASSERT_EQUAL(d.count, 0);
}

/* The shipped model (rules/qtype.rules, fitted on the real pages) on
 * questions written here. */
static void test_shipped_model(void)
{
    cn_rules *rules = NULL;
    cn_error err;
    cn_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load("rules", &rules, NULL, NULL, &err), CN_OK);
    const cn_qtype *qt = cn_rules_qtype(rules);
    CU_ASSERT_FATAL(cn_qtype_labels(qt) >= 4);
    CU_ASSERT_STRING_EQUAL(typed(qt, "How long does Botox last?", NULL), "duration");
    CU_ASSERT_STRING_EQUAL(typed(qt, "When can I exercise after liposuction?", NULL), "timing");
    CU_ASSERT_STRING_EQUAL(
        typed(qt, "I had filler in my lips three days ago and now I have a hard lump",
              "Is this normal?"),
        "done");
    cn_rules_free(rules);
}

/* The terms as `rules fit` spells them and as prediction hashes them. */
typedef struct terms_seen {
    uint64_t hash[256];
    size_t n;
    bool text_hashes; /* every spelled term's hash is cn_hash_bytes of its text */
} terms_seen;

static void keep_term(void *ctx, uint64_t hash, const char *text, size_t len)
{
    terms_seen *t = ctx;
    if (text && cn_hash_bytes(text, len) != hash)
        t->text_hashes = false;
    if (t->n < 256)
        t->hash[t->n++] = hash;
}

/* A term's hash is its text's, whether the text is spelled out or not:
 * unigrams, bigrams, the title's "t/" ones, apostrophes, long words. */
static void test_term_hashes_are_their_texts(void)
{
    const char *title = "Can't I swim 3 days after my tummy-tuck? "
                        "Pneumonoultramicroscopicsilicovolcanoconiosisxyzxyzxyz ok";
    const char *body = "It\xe2\x80\x99s been two weeks; the swelling is down.";
    terms_seen spelled = {.text_hashes = true}, hashed = {.text_hashes = true};
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_qtype_terms(title, body, true, keep_term, &spelled, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_qtype_terms(title, body, false, keep_term, &hashed, &err), CN_OK);
    CU_ASSERT(spelled.text_hashes);
    CU_ASSERT(spelled.n > 30);
    CU_ASSERT_EQUAL_FATAL(spelled.n, hashed.n);
    CU_ASSERT(memcmp(spelled.hash, hashed.hash, spelled.n * sizeof *spelled.hash) == 0);
}

/* A two-type model, written here: "ruined" says done; nothing else leans. */
static const char TWO_TYPES[] = "qtype <bias> done=0 harm=0\n"
                                "qtype ruined done=4 harm=0\n"
                                "cue calm stance=reassuring weight=1 : nothing to worry about\n"
                                "setting qtype_min_probability value=0.6\n";

/* The flags the annotator gives a one-answer page with this question. */
static char *page_flags(const cn_rules *rules, char *question)
{
    cn_annotator *a = NULL;
    cn_error err;
    cn_error_clear(&err);
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(rules, &a, &err), CN_OK);
    cn_answer answer = {.index = 1, .text = "There is nothing to worry about."};
    cn_page page = {.file = "q.txt", .question = question, .answers = &answer, .n_answers = 1};
    cn_page_annotation *pa = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, &page, &pa, &err), CN_OK);
    char *out = calloc(256, 1);
    for (size_t f = 0; f < pa->n_question_flags; f++) {
        strcat(out, pa->question_flags[f]);
        strcat(out, " ");
    }
    cn_page_annotation_free(pa);
    cn_annotator_free(a);
    return out;
}

/* qtype_lean_probability: a type at least that probable but short of
 * qtype_min_probability is the flag qtype/maybe-TYPE, which the decision
 * weighs; without the setting there is no such flag or feature. */
static void test_lean_flags(void)
{
    char text[512];
    snprintf(text, sizeof text, "%ssetting qtype_lean_probability value=0.3\n", TWO_TYPES);
    tu_diags d;
    cn_rules *rules = NULL;
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("q.rules", text, &d, &rules), CN_OK);
    /* even odds: neither type is sure, both lean */
    char q1[] = "Is it bad to swim?", q2[] = "Is it ruined?";
    char *f = page_flags(rules, q1);
    CU_ASSERT_STRING_EQUAL(f, "qtype/maybe-done qtype/maybe-harm ");
    free(f);
    /* "ruined": done is sure, harm is too unlikely to lean */
    f = page_flags(rules, q2);
    CU_ASSERT_STRING_EQUAL(f, "qtype/done ");
    free(f);
    CU_ASSERT(cn_model_feature_index(cn_rules_model(rules), "flag_qtype/maybe-harm") >= 0);
    CU_ASSERT(cn_model_feature_index(cn_rules_model(rules), "reassuring_x_qtype/maybe-done") >= 0);
    cn_rules_free(rules);
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("q.rules", TWO_TYPES, &d, &rules), CN_OK);
    f = page_flags(rules, q1);
    CU_ASSERT_STRING_EQUAL(f, "");
    free(f);
    CU_ASSERT(cn_model_feature_index(cn_rules_model(rules), "flag_qtype/maybe-harm") < 0);
    cn_rules_free(rules);
}

int main(void)
{
    static const tu_test tests[] = {
        {"fitted model types new questions", test_fitted_types_new_questions},
        {"term hashes are their texts'", test_term_hashes_are_their_texts},
        {"written model loads back", test_written_model_loads_back},
        {"loader rejects malformed qtype lines", test_loader_rejects_malformed_lines},
        {"shipped model", test_shipped_model},
        {"less sure types as flags", test_lean_flags},
        {NULL, NULL},
    };
    return tu_run_suite("qtype", tests);
}
