/*
 * test_choice: choice questions (cn_choice, issue 9) on texts written here.
 * The detector: two and three options, "vs", a lean of the asker, a
 * surgeon's proposal, and "or" questions that are no choice (a diagnostic
 * "is it swelling or fat?", an either-or permission "can I swim or bathe?":
 * no asking word and the first option does not open the sentence; their
 * answers name a diagnosis or a permission, not an option to recommend).
 * The reader: an answer recommending each option, negated, both, depends.
 * That a rule folder without the choice lines labels exactly as before is
 * tests/test_choice_off.sh.
 */
#include "testutil.h"

#include "cn_choice.h"
#include "cn_doc.h"
#include "cn_rules.h"

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

static cn_choice ask(const char *title, const char *body)
{
    cn_doc *t = NULL, *b = NULL;
    cn_error err;
    cn_choice c;
    memset(&c, 0, sizeof c);
    if (title)
        CU_ASSERT_EQUAL(cn_doc_new(RULES, title, NULL, &t, &err), CN_OK);
    if (body)
        CU_ASSERT_EQUAL(cn_doc_new(RULES, NULL, body, &b, &err), CN_OK);
    cn_choice_question(RULES, t ? cn_doc_tokens(t) : NULL, title, b ? cn_doc_tokens(b) : NULL, body,
                       &c);
    cn_doc_free(t);
    cn_doc_free(b);
    return c;
}

/* The claimed option's key, or "" when the question is no choice. */
static const char *claim(const char *title, const char *body)
{
    static cn_choice c;
    c = ask(title, body);
    return c.n >= 2 ? c.key[c.claim] : "";
}

static void test_detector(void)
{
    cn_choice c = ask("Should my implants go over or under the muscle?", NULL);
    CU_ASSERT_EQUAL(c.n, 2);
    CU_ASSERT_STRING_EQUAL(c.key[0], "over");
    CU_ASSERT_STRING_EQUAL(c.key[1], "under");
    CU_ASSERT_FALSE(c.leaned);
    /* the first option opens the title: a choice without an asking word */
    c = ask("Rib or ear cartilage for my nose job?", NULL);
    CU_ASSERT_EQUAL(c.n, 2);
    CU_ASSERT_STRING_EQUAL(c.key[0], "rib");
    CU_ASSERT_STRING_EQUAL(c.key[1], "ear");
    CU_ASSERT_STRING_EQUAL(c.shown[1], "ear cartilage");
    /* "vs" needs no asking word */
    CU_ASSERT_STRING_EQUAL(claim("My options: saline vs silicone", NULL), "saline");
    /* three options, commas and "or" */
    c = ask("Which is best for my hollows: fat, filler, or implants?", NULL);
    CU_ASSERT_EQUAL(c.n, 3);
    CU_ASSERT_STRING_EQUAL(c.key[0], "fat");
    CU_ASSERT_STRING_EQUAL(c.key[2], "implants");
    /* the asker's lean, in the body */
    CU_ASSERT_STRING_EQUAL(
        claim("Mini or full facelift at 52?", "I want the full one if the recovery is fair."),
        "full");
    /* a surgeon's proposal */
    CU_ASSERT_STRING_EQUAL(claim("Should I pick saline or silicone?",
                                 "My surgeon suggested silicone but my budget is tight."),
                           "silicone");
    /* a lean that names both options is none: the first option */
    CU_ASSERT_STRING_EQUAL(
        claim("Saline or silicone?", "I want to know whether saline or silicone lasts."), "saline");
    /* a negated lean is none */
    CU_ASSERT_STRING_EQUAL(
        claim("Should I go with mini or full lift?", "I do not want full downtime."), "mini");
    /* a body question after a title without options */
    CU_ASSERT_STRING_EQUAL(claim("Planning my lift", "Is it better to go mini or deep plane?"),
                           "mini");
    /* "vs." ends no sentence */
    c = ask("Glue vs. sutures for a small cut?", NULL);
    CU_ASSERT_EQUAL(c.n, 2);
    CU_ASSERT_STRING_EQUAL(c.key[1], "sutures");
    /* a slash joins no options (mostly one thing on real titles) */
    CU_ASSERT_STRING_EQUAL(claim("Does weight/strength training slow my healing?", NULL), "");
    /* not a choice: a wh- opening without an asking word */
    CU_ASSERT_STRING_EQUAL(claim("How do I calm redness or itching after a peel?", NULL), "");
    /* but with one it is */
    CU_ASSERT_STRING_EQUAL(claim("What is better for lines, peel or laser?", NULL), "peel");
    /* not a choice: diagnostic and either-or permission questions */
    CU_ASSERT_STRING_EQUAL(claim("Is it swelling or fat under my chin?", NULL), "");
    CU_ASSERT_STRING_EQUAL(claim("Can I swim or bathe two weeks after my tummy tuck?", NULL), "");
    /* not a choice: "or not", "or should I", no option after the join */
    CU_ASSERT_STRING_EQUAL(claim("Should I get filler or not?", NULL), "");
    /* a body sentence that is not a question is not read */
    CU_ASSERT_STRING_EQUAL(claim("Nose question", "I chose rib or ear graft last year."), "");
    /* the same word twice is no choice */
    CU_ASSERT_STRING_EQUAL(claim("Should I do botox or botox again?", NULL), "");
}

/* Which option an answer recommends, to the question "Should my implants go
 * over or under the muscle?" (claim: over). */
static cn_choice_reading read_answer(const cn_choice *c, const char *title, const char *text)
{
    cn_doc *d = NULL;
    cn_error err;
    cn_choice_reading r;
    memset(&r, 0, sizeof r);
    CU_ASSERT_EQUAL_FATAL(cn_doc_new(RULES, title, text, &d, &err), CN_OK);
    const cn_tokens *t = cn_doc_tokens(d);
    cn_choice_answer(RULES, c, cn_tokens_array(t), 0, cn_tokens_count(t), cn_doc_title_tokens(d),
                     &r);
    cn_doc_free(d);
    return r;
}

static const char *term(const cn_choice *c, const char *title, const char *text)
{
    static const char *terms[4];
    cn_choice_reading r = read_answer(c, title, text);
    cn_choice_terms(&r, terms);
    CU_ASSERT_STRING_EQUAL(terms[0], "~choice");
    return terms[1] ? terms[1] : "";
}

static void test_reader(void)
{
    cn_choice c = ask("Should my implants go over or under the muscle?", NULL);
    CU_ASSERT_EQUAL_FATAL(c.n, 2);
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "I recommend going under for a thin patient."),
                           "~choice-other");
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "In your case over is the better plan."),
                           "~choice-claim");
    CU_ASSERT_STRING_EQUAL(term(&c, "Go over", "Less pain and a quick return to work."),
                           "~choice-claim");
    /* negated: against the named option, for the other of two */
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "I would not recommend under for a bodybuilder."),
                           "~choice-claim");
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "I would never suggest over with such thin skin."),
                           "~choice-other");
    /* comparatives: the option before wins */
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "I place them under rather than over."), "~choice-other");
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "Subglandular is fine; over instead of under suits you."),
                           "~choice-claim");
    /* both, or depends */
    CU_ASSERT_STRING_EQUAL(
        term(&c, NULL, "Both over and under can work well, I prefer to examine you."),
        "~choice-both");
    CU_ASSERT_STRING_EQUAL(
        term(&c, NULL, "What I recommend depends on your tissue; under suits some."),
        "~choice-both");
    /* an option named without advice: no recommendation */
    CU_ASSERT_STRING_EQUAL(term(&c, NULL, "Going under means more pain the first week."), "");
    /* more sentences for one than the other */
    CU_ASSERT_STRING_EQUAL(term(&c, NULL,
                                "Under is my choice for you. I also prefer under for the "
                                "mammograms. Some like over better."),
                           "~choice-other");
    /* the span of the first sentence that recommends one, and the reason */
    const char *text = "Hello. I recommend under for you.";
    cn_choice_reading r = read_answer(&c, NULL, text);
    CU_ASSERT_EQUAL(r.n_found, 1);
    CU_ASSERT_EQUAL(r.option, 1);
    CU_ASSERT_EQUAL(r.start, 7);
    CU_ASSERT_EQUAL(r.end, strlen(text) - 1);
    char why[200];
    cn_choice_reason(&c, &r, why, sizeof why);
    CU_ASSERT_STRING_EQUAL(why, "recommends under over the asked over");
    /* plural either way: "implant" names "implants" */
    cn_choice c3 = ask("Which is best for my hollows: fat, filler, or implants?", NULL);
    CU_ASSERT_STRING_EQUAL(term(&c3, NULL, "I would choose an implant here."), "~choice-other");
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite s = CU_add_suite("choice questions (issue 9)", suite_init, suite_clean);
    CU_add_test(s, "the detector", test_detector);
    CU_add_test(s, "the recommendation reader", test_reader);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
