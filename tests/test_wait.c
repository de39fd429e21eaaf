/*
 * test_wait: STANCE-GUIDE rule 15 as a feature (cn_wait). The asker's time
 * point read from a question, the answer's advised wait read from an
 * answer, both in days, and the decision features that compare them
 * (wait_beyond_asker, wait_within_asker, wait_no_asker_point), on texts
 * written here: the same "how soon" answer weighs toward "not yet" for an
 * asker one week out and toward "go ahead" for one six weeks out.
 */
#include "testutil.h"

#include "cn_annotate.h"
#include "cn_classifier.h"
#include "cn_doc.h"
#include "cn_model.h"
#include "cn_rules.h"
#include "cn_wait.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static cn_rules *RULES;

static int suite_init(void)
{
    cn_error err;
    return cn_rules_load("rules", &RULES, NULL, NULL, &err) == CN_OK ? 0 : -1;
}

static int suite_clean(void)
{
    cn_rules_free(RULES);
    return 0;
}

/* The asker's point of a question (title, body), in days. */
static double asker(const char *title, const char *body)
{
    cn_doc *t = NULL, *b = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_doc_new(RULES, title, NULL, &t, &err), CN_OK);
    if (body)
        CU_ASSERT_EQUAL_FATAL(cn_doc_new(RULES, NULL, body, &b, &err), CN_OK);
    double d = cn_wait_asker_days(RULES, t, b);
    cn_doc_free(t);
    cn_doc_free(b);
    return d;
}

static void test_asker_point(void)
{
    CU_ASSERT_DOUBLE_EQUAL(asker("I am 3 weeks post-op. Can I go jogging?", NULL), 21, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(asker("Swimming after a lift?", "It has been ten days since my lift."),
                           10, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(asker("Lifting two months after my surgery?", NULL), 60, 1e-9);
    /* a plan given as a range: its upper end */
    CU_ASSERT_DOUBLE_EQUAL(
        asker("Back to the gym?", "I plan to rest, then train again after the first 5-7 days."), 7,
        1e-9);
    /* two points: the later one, the one the asker asks about */
    CU_ASSERT_DOUBLE_EQUAL(asker("I am 10 days out. Can I fly at 3 weeks?", NULL), 21, 1e-9);
    /* an age is no time point, and a question without one has none */
    CU_ASSERT_DOUBLE_EQUAL(asker("I am 28 years old. When can I swim?", NULL), 0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(asker("When can I swim after a tummy tuck?", NULL), 0, 1e-9);
}

/* Classify text for an asker at asker_days; the caller clears *d. */
static void classify(const char *text, double asker_days, cn_decision *d)
{
    cn_error err;
    static const char *const FLAGS[] = {"timing", "timepoint"};
    cn_classify_input in = {.text = text,
                            .keep_features = true,
                            .question_type = "permission",
                            .question_flags = FLAGS,
                            .n_question_flags = asker_days > 0 ? 2 : 1,
                            .asker_days = asker_days};
    CU_ASSERT_EQUAL_FATAL(cn_classify_answer(RULES, &in, d, &err), CN_OK);
}

static double feature(const cn_decision *d, const char *name)
{
    long i = cn_model_feature_index(cn_rules_model(RULES), name);
    CU_ASSERT_FATAL(i >= 0 && (size_t)i < d->n_features);
    return d->features[i];
}

static void test_answer_wait_and_evidence(void)
{
    cn_decision d;
    classify("No exercise for one month, please.", 0, &d);
    CU_ASSERT_DOUBLE_EQUAL(d.wait_days, 30, 1e-9);
    bool spanned = false; /* the evidence spans phrase and duration */
    for (size_t i = 0; i < d.n_evidence; i++)
        if (d.evidence[i].rule->kind == CN_RULE_WAIT && !d.evidence[i].in_title)
            spanned = d.evidence[i].end - d.evidence[i].start == strlen("for one month");
    CU_ASSERT(spanned);
    cn_decision_clear(&d);
    /* several waits: the longest */
    classify("Walk after a couple of days, and wait at least 6 weeks before heavy lifting.", 0, &d);
    CU_ASSERT_DOUBLE_EQUAL(d.wait_days, 42, 1e-9);
    cn_decision_clear(&d);
    classify("Swelling is normal and it will settle.", 0, &d);
    CU_ASSERT_DOUBLE_EQUAL(d.wait_days, 0, 1e-9);
    cn_decision_clear(&d);
}

static void test_features(void)
{
    static const char *TEXT = "No exercise for one month, please.";
    cn_decision d;
    classify(TEXT, 7, &d); /* one week out: the wait is beyond */
    CU_ASSERT_EQUAL(feature(&d, "wait_beyond_asker"), 1);
    CU_ASSERT_EQUAL(feature(&d, "wait_within_asker"), 0);
    CU_ASSERT_EQUAL(feature(&d, "wait_no_asker_point"), 0);
    cn_decision_clear(&d);
    classify(TEXT, 42, &d); /* six weeks out: within */
    CU_ASSERT_EQUAL(feature(&d, "wait_beyond_asker"), 0);
    CU_ASSERT_EQUAL(feature(&d, "wait_within_asker"), 1);
    cn_decision_clear(&d);
    classify(TEXT, 0, &d); /* no point in time */
    CU_ASSERT_EQUAL(feature(&d, "wait_no_asker_point"), 1);
    CU_ASSERT_EQUAL(feature(&d, "wait_beyond_asker") + feature(&d, "wait_within_asker"), 0);
    cn_decision_clear(&d);
}

/* One page through the annotator, as `classify` and `analyze` read it: the
 * primary claim's decision of its one answer. */
static void annotate(cn_annotator *a, const char *question, const char *text, cn_decision *out)
{
    cn_error err;
    cn_answer answer = {.index = 1, .text = (char *)text};
    cn_page page = {
        .file = "p.txt", .question = (char *)question, .answers = &answer, .n_answers = 1};
    cn_page_annotation *pa = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, &page, &pa, &err), CN_OK);
    *out = pa->answers[0].claims[0].decision;
    out->evidence = NULL; /* owned by pa */
    out->n_evidence = 0;
    out->features = NULL;
    out->term_hash = NULL;
    out->term_text = NULL;
    cn_page_annotation_free(pa);
}

/* Rule 15 end to end: questions that differ only in the asker's number of
 * days, one answer each. A wait of a month is "not yet" five days out and
 * "go ahead" two months out; every other feature of the two is the same
 * (numbers are no question words), so without the wait features the two
 * decisions would be equal. */
static void test_label_moves_with_the_asker(void)
{
    cn_annotator *a = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(RULES, &a, &err), CN_OK);
    cn_decision early, late;
    annotate(a, "I am 5 days post op. When can I go back to the gym?", "No exercise for one month.",
             &early);
    annotate(a, "I am 60 days post op. When can I go back to the gym?",
             "No exercise for one month.", &late);
    CU_ASSERT_DOUBLE_EQUAL(early.asker_days, 5, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(late.asker_days, 60, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(early.wait_days, 30, 1e-9);
    CU_ASSERT_EQUAL(early.stance, CN_STANCE_CONTRAINDICATED);
    CU_ASSERT_EQUAL(late.stance, CN_STANCE_REASSURING);
    /* a longer answer: the label stays, the probabilities move the same way */
    static const char *ANSWER =
        "Everyone heals differently. Wait until at least 4 weeks before you return to running.";
    annotate(a, "I am 7 days post op from a tummy tuck. How soon can I go running?", ANSWER,
             &early);
    annotate(a, "I am 42 days post op from a tummy tuck. How soon can I go running?", ANSWER,
             &late);
    CU_ASSERT_DOUBLE_EQUAL(early.wait_days, 28, 1e-9);
    CU_ASSERT(early.probability[CN_STANCE_CONTRAINDICATED] >
              late.probability[CN_STANCE_CONTRAINDICATED] + 0.1);
    CU_ASSERT(late.probability[CN_STANCE_REASSURING] >
              early.probability[CN_STANCE_REASSURING] + 0.1);
    cn_annotator_free(a);
}

/* `rules check` refuses malformed duration and wait lines. */
static void test_rule_lines(void)
{
    tu_diags d = {0};
    cn_rules *r = NULL;
    CU_ASSERT_NOT_EQUAL(tu_load_rules_text("x.rules",
                                           "duration week : week\n"
                                           "duration two count=2 days=7 : two\n"
                                           "duration day days=1 : one day\n"
                                           "wait w side=sometimes : wait\n"
                                           "wait v side=answer at=around : for\n",
                                           &d, &r),
                        CN_OK);
    CU_ASSERT_EQUAL(d.count, 5);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "x.rules:4:"));
    cn_rules_free(r);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite s = CU_add_suite("rule 15: the asker's time point and the answer's wait", suite_init,
                               suite_clean);
    CU_add_test(s, "the asker's time point", test_asker_point);
    CU_add_test(s, "the answer's wait and its evidence", test_answer_wait_and_evidence);
    CU_add_test(s, "wait features", test_features);
    CU_add_test(s, "the label moves with the asker's point", test_label_moves_with_the_asker);
    CU_add_test(s, "duration and wait lines are checked", test_rule_lines);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
