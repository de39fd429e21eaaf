/* test_rules: the rule loader reports every kind of broken rule as FILE:LINE,
 * and `consensus rules check` exits 1 on them and 0 on the shipped rules. */
#include "testutil.h"

#include "cn_claims.h"
#include "cn_doc.h"
#include "cn_matcher.h"
#include "cn_rules.h"
#include "cn_tokens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef tu_diags diags;

/* Load a one-file rule folder holding `body`; returns the load result. */
static int load_body(const char *body, diags *d)
{
    return tu_load_rules_text("test.rules", body, d, NULL);
}

static void test_valid_minimal(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("# a comment\n\ncue safe stance=reassuring weight=2 : safe | "
                              "very safe\nnegation not : not\n",
                              &d),
                    CN_OK);
    CU_ASSERT_EQUAL(d.count, 0);
}

static void test_unknown_key(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring weight=1 : ok\n"
                              "cue b stance=reassuring wieght=1 : fine\n",
                              &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: unknown key 'wieght'"));
}

/* over=FLAG compares a question flag with another flag: it must be on a flag
 * and name one that exists (not itself); a valid pair loads. */
static void test_flag_over(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("question ask flag=yes : can i\n"
                              "question told flag=yes over=ask : i had\n",
                              &d),
                    CN_OK);
    CU_ASSERT_EQUAL(load_body("question ask flag=yes : can i\n"
                              "question told flag=yes over=asks : i had\n",
                              &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: over=asks"));
    CU_ASSERT_EQUAL(load_body("question told flag=yes over=told : i had\n", &d), CN_ERR_RULES);
    CU_ASSERT_EQUAL(load_body("question ask flag=yes : can i\n"
                              "question permission over=ask : may i\n",
                              &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: over=FLAG is for question flags"));
}

static void test_bad_weight(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("\n\ncue a stance=reassuring weight=heavy : ok\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:3: weight: 'heavy' is not a number"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring weight=-2 : ok\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:1: weight: -2 is outside"));
}

static void test_duplicate_id(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : ok\ncue a stance=cautionary : risk\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: duplicate cue id 'a'"));
}

static void test_unknown_stance(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=maybe : ok\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:1: stance: unknown stance 'maybe'"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring negated=sometimes : ok\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "unknown stance 'sometimes'"));
}

static void test_bad_patterns(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : @nosuchclass safe\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:1: pattern '@nosuchclass safe': unknown "
                                          "word class"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : ** safe\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "cannot begin or end with '**'"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : sa*fe\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "stray '*'"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : safe || fine\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "empty pattern"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : ...\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "has no words"));
    /* core topics ("!topic") belong to claims, and are words or word* only */
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : !safe\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "'!' marks core topics of claims only"));
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" : !smok* @num | surgery\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "core topic 'smok* @num': only words and word*"));
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" : !smok* | !e cig* | surgery\n", &d), CN_OK);
    /* excluding topics ("-topic") too */
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : -safe\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "'-' marks excluding topics of claims only"));
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" : !smok* | surgery | -smok* @num\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "excluding topic 'smok* @num': only words and word*"));
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" : !smok* | surgery | -eyelid surgery\n", &d),
                    CN_OK);
}

static void test_unknown_kind_and_missing_parts(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("clue a stance=reassuring : ok\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:1: unknown rule kind 'clue'"));
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "has no patterns"));
    CU_ASSERT_EQUAL(load_body("claim c : botox\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "claim needs statement"));
    CU_ASSERT_EQUAL(load_body("\nclaim c statement=\"x\" about=\"\" : botox\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: claim about=\"...\" is empty"));
    /* min=N, a claim's own count of distinct topics: a whole number from 1 */
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" min=3 : botox | !calf | slim*\n", &d),
                    CN_OK);
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" min=2.5 : botox | !calf\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:1: min: expected a whole number"));
    CU_ASSERT_EQUAL(load_body("claim c statement=\"x\" min=0 : botox | !calf\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "min: 0 is outside"));
    CU_ASSERT_EQUAL(load_body("setting no_such value=1\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "unknown setting 'no_such'"));
    CU_ASSERT_EQUAL(load_body("cue \"a stance=reassuring : ok\n", &d), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "unterminated quote"));
}

static void test_every_problem_reported(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=bad : x\ncue b weight=zz stance=reassuring : y\n"
                              "hedge h factor=99 : maybe\n",
                              &d),
                    CN_ERR_RULES);
    CU_ASSERT_EQUAL(d.count, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:3: factor: 99 is outside"));
}

static void test_invalid_utf8_rule_file(void)
{
    diags d;
    CU_ASSERT_EQUAL(load_body("cue a stance=reassuring : ok\ncue b stance=reassuring : \xff\n", &d),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "test.rules:2: not valid UTF-8"));
}

static void test_missing_folder(void)
{
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL(cn_rules_load("/nonexistent/rules", &rules, NULL, NULL, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent/rules"));
    CU_ASSERT_PTR_NULL(rules);
}

static void test_shipped_rules_valid(void)
{
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load("rules", &rules, NULL, NULL, &err), CN_OK);
    CU_ASSERT(cn_rules_patterns(rules) > 500);
    CU_ASSERT_EQUAL(strlen(cn_rules_sha256(rules)), 64);
    /* No cue shadows another and no rule repeats a pattern. */
    CU_ASSERT_EQUAL(cn_rules_warning_count(rules), 0);
    for (size_t i = 0; i < cn_rules_warning_count(rules); i++)
        fprintf(stderr, "%s\n", cn_rules_warning(rules, i));
    cn_rules_free(rules);
}

/* Each numbered setting is the one of its name, from a settings line or a
 * default: the numbers and the names' table agree. */
static void test_setting_ids(void)
{
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load("rules", &rules, NULL, NULL, &err), CN_OK);
    static const char *const names[CN_SETTING_ID_COUNT] = {"none_threshold",
                                                           "title_weight",
                                                           "last_sentence_weight",
                                                           "conflict_ratio",
                                                           "negation_scope",
                                                           "advice_margin",
                                                           "caution_margin",
                                                           "confidence_prior",
                                                           "confidence_temperature",
                                                           "claim_min_topics",
                                                           "words_negation",
                                                           "words_placeholder",
                                                           "words_bigrams",
                                                           "decision_offset_cautionary",
                                                           "decision_offset_contraindicated",
                                                           "decision_offset_none",
                                                           "words_lead"};
    for (int id = 0; id < CN_SETTING_ID_COUNT; id++) {
        CU_ASSERT_STRING_EQUAL(cn_rules_setting_name((cn_setting_id)id), names[id]);
        CU_ASSERT_EQUAL(cn_rules_setting_at(rules, (cn_setting_id)id),
                        cn_rules_setting(rules, names[id]));
    }
    CU_ASSERT_PTR_NULL(cn_rules_setting_name(CN_SETTING_ID_COUNT));
    /* kind names with their lengths, and each rule's id length */
    for (int k = 0; k <= CN_RULE_KIND_COUNT; k++) {
        size_t len = 0;
        const char *name = cn_rule_kind_name_n((cn_rule_kind)k, &len);
        CU_ASSERT_STRING_EQUAL(name, cn_rule_kind_name((cn_rule_kind)k));
        CU_ASSERT_EQUAL(len, strlen(name));
    }
    for (size_t i = 0; i < cn_rules_count(rules); i++)
        CU_ASSERT_EQUAL(cn_rules_at(rules, i)->id_len, strlen(cn_rules_at(rules, i)->id));
    cn_rules_free(rules);
    /* a value set in a rule file, not the default */
    diags d;
    cn_rules *r2 = NULL;
    CU_ASSERT_EQUAL_FATAL(
        tu_load_rules_text("test.rules", "setting conflict_ratio value=0.25\n", &d, &r2), CN_OK);
    if (r2) {
        CU_ASSERT_EQUAL(cn_rules_setting_at(r2, CN_SETTING_CONFLICT_RATIO), 0.25);
        cn_rules_free(r2);
    }
}

/* A pattern another cue of the same scope already has is a warning (the
 * folder still loads): "only one of the two counts". Cues for different
 * question types, and claims, may share words without a warning. */
static void test_shared_pattern_warnings(void)
{
    static const char BODY[] =
        "question permission default=yes : can i\n"
        "question harm : will it hurt\n"
        "claim c1 statement=\"one\" : botox\n"
        "claim c2 statement=\"two\" : botox | filler\n"
        "cue fine stance=reassuring weight=1 : fine | quite fine | it is fine\n"
        "cue okay stance=reassuring weight=2 : okay | quite  FINE\n"
        "cue no-perm stance=contraindicated weight=1 only=permission : no\n"
        "cue no-harm stance=reassuring weight=1 only=harm : no\n"
        "cue twice stance=cautionary weight=1 : careful | be careful | careful\n"
        "cue gappy stance=cautionary weight=1 : risk ** of ** some ** harm | risk ** of ** harm\n";
    cn_rules *rules = NULL;
    diags d;
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("test.rules", BODY, &d, &rules), CN_OK);
    CU_ASSERT_EQUAL(d.count, 0); /* warnings are not problems */
    CU_ASSERT_EQUAL(cn_rules_warning_count(rules), 3);
    const char *w0 = cn_rules_warning(rules, 0), *w1 = cn_rules_warning(rules, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w1);
    CU_ASSERT_PTR_NOT_NULL(strstr(w0, "test.rules:6: warning: pattern 'quite  FINE' of cue 'okay' "
                                      "is already a pattern of cue 'fine' (test.rules:5)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(w1, "test.rules:9: warning: pattern 'careful' is given twice "
                                      "in cue 'twice'"));
    /* Issue 15: three '**' gaps can explode; two cannot (no warning). */
    const char *w2 = cn_rules_warning(rules, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w2);
    CU_ASSERT_PTR_NOT_NULL(strstr(w2, "test.rules:10: warning: pattern 'risk ** of ** some ** "
                                      "harm' has 3 '**' gaps"));
    CU_ASSERT_PTR_NULL(cn_rules_warning(rules, 3));
    cn_rules_free(rules);
}

/* The fingerprint covers every rule file, the reader's .txt files included,
 * and nothing else changes it. */
static void test_fingerprint(void)
{
    char *dir = tu_mkdtemp();
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "cp rules/*.rules rules/*.txt '%s'/", dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    cn_rules *a = NULL, *b = NULL, *c = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &a, NULL, NULL, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load("rules", &b, NULL, NULL, &err), CN_OK);
    CU_ASSERT_STRING_EQUAL(cn_rules_sha256(a), cn_rules_sha256(b));
    snprintf(cmd, sizeof cmd, "echo 'Trichologist' >> '%s'/specialties.txt", dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &c, NULL, NULL, &err), CN_OK);
    CU_ASSERT_STRING_NOT_EQUAL(cn_rules_sha256(a), cn_rules_sha256(c));
    cn_rules_free(a);
    cn_rules_free(b);
    cn_rules_free(c);
    tu_rm_rf(dir);
    free(dir);
}

static void test_cli_rules_check(void)
{
    char *out = NULL, *err = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("rules check rules", &out, &err), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "OK"));
    free(out);
    free(err);
    char *dir = tu_mkdtemp();
    const char *bad = "cue a stance=reassuring : ok\ncue a stance=nope weight=x : fine\n";
    free(tu_write_file(dir, "broken.rules", bad, strlen(bad)));
    char args[4200];
    snprintf(args, sizeof args, "rules check '%s'", dir);
    CU_ASSERT_EQUAL(tu_run_cli(args, &out, &err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "broken.rules:2: duplicate cue id 'a'"));
    free(out);
    free(err);
    tu_rm_rf(dir);
    free(dir);
    CU_ASSERT_EQUAL(tu_run_cli("rules check /nonexistent/rules", &out, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "/nonexistent/rules"));
    free(out);
    free(err);
    CU_ASSERT_EQUAL(tu_run_cli("rules frobnicate", &out, &err), 2);
    free(out);
    free(err);
}

/* Regression: a gap pattern whose live partial matches outgrow the matcher's
 * thread array once used a pointer into the array after it was reallocated
 * (found by the hardening review; ASan and valgrind flagged it). The pattern
 * is valid, so an editor could write it. */
static void test_gap_pattern_many_threads(void)
{
    static const char BODY[] =
        "cue uaf stance=cautionary weight=1 : safe ** safe ** safe ** safe ** "
        "zzz\n";
    char *dir = tu_mkdtemp();
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "cp rules/* '%s'/", dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0); /* the shipped rules plus the two cues */
    char *path = tu_write_file(dir, "zz-test.rules", BODY, strlen(BODY));
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    for (int words = 7; words <= 40; words++) {
        char text[512] = "";
        for (int i = 0; i < words; i++)
            strcat(text, "safe ");
        strcat(text, "zzz");
        cn_tokens *tokens = cn_rules_tokenize(rules, text, strlen(text));
        CU_ASSERT_PTR_NOT_NULL_FATAL(tokens);
        cn_match *matches = NULL;
        size_t n = 0;
        CU_ASSERT_EQUAL(cn_matcher_scan(cn_rules_matcher(rules), tokens, &matches, &n, &err),
                        CN_OK);
        CU_ASSERT(n >= 1); /* the gap cue matches: four "safe", then "zzz" */
        free(matches);
        cn_tokens_free(tokens);
    }
    cn_rules_free(rules);
    free(path);
    tu_rm_rf(dir);
    free(dir);
}

/* A claim's core and excluding topics are kept in strcmp order, whatever
 * the order of the rule's patterns, and a phrase is compared only with the
 * topics that start with its first byte and can match its second (cn_claims'
 * in_topics): a one-letter word, a one-letter prefix ("x*"), topics sharing
 * their first bytes, a prefix word before another word ("a* big"); a phrase
 * counted before is not compared again, and nothing counts after an
 * excluding topic (count_topic). */
static void test_core_topics_by_first_bytes(void)
{
    static const char BODY[] =
        "claim t statement=\"A test claim\" min=1 : zebra | apple | x* | b | !b | !xylo* | "
        "!apple pie | !apricot* | !apple | -ant | -a* big | -banana split | -bz\n";
    cn_rules *rules = NULL;
    diags d;
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("test.rules", BODY, &d, &rules), CN_OK);
    const cn_rule *r = NULL;
    for (size_t i = 0; i < cn_rules_count(rules); i++)
        if (!strcmp(cn_rules_at(rules, i)->id, "t"))
            r = cn_rules_at(rules, i);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->n_core, 5);
    CU_ASSERT_EQUAL(r->n_excluding, 4);
    for (size_t i = 1; i < r->n_core; i++)
        CU_ASSERT(strcmp(r->core[i - 1], r->core[i]) < 0);
    for (size_t i = 1; i < r->n_excluding; i++)
        CU_ASSERT(strcmp(r->excluding[i - 1], r->excluding[i]) < 0);
    CU_ASSERT_STRING_EQUAL(r->core[0], "apple");
    CU_ASSERT_STRING_EQUAL(r->excluding[1], "ant");
    static const struct {
        const char *text;
        bool about; /* the claim is the doc's best */
    } cases[] = {
        {"an apple pie for dessert", true},  /* core "apple pie" */
        {"a fresh apple", true},             /* core "apple", after "apple pie" in order */
        {"dried apricots", true},            /* core prefix "apricot*" */
        {"plan b", true},                    /* the one-letter core word */
        {"a xylophone", true},               /* topic "x*", core "xylo*" */
        {"a zebra", false},                  /* a topic, no core one */
        {"a zebra and an apple big", false}, /* excluding "a* big" */
        {"a zebra and a banana split", false},
        {"an apple pie and an ant", false}, /* excluding "ant" */
        {"a bz and plan b", false},         /* excluding "bz": same first byte as "b" */
        /* phrases repeated: counted once, and an excluding topic keeps the
         * text off whatever comes after it */
        {"apple, apple pie, apple and apple pie", true},
        {"an ant, then apple pie, apple pie and plan b", false},
        {"zebra, zebra, then apple", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cn_doc *doc = NULL;
        cn_error err;
        CU_ASSERT_EQUAL_FATAL(cn_doc_new(rules, NULL, cases[i].text, &doc, &err), CN_OK);
        const cn_rule *best = cn_claims_best(rules, doc, NULL, &err);
        if ((best == r) != cases[i].about)
            fprintf(stderr, "\n  core topics: '%s' %s\n", cases[i].text,
                    cases[i].about ? "not about the claim" : "about the claim");
        CU_ASSERT_EQUAL(best == r, cases[i].about);
        cn_doc_free(doc);
    }
    cn_rules_free(rules);
}

int main(void)
{
    static const tu_test tests[] = {
        {"valid minimal rules", test_valid_minimal},
        {"unknown key", test_unknown_key},
        {"flag over=", test_flag_over},
        {"bad weight", test_bad_weight},
        {"duplicate id", test_duplicate_id},
        {"unknown stance", test_unknown_stance},
        {"patterns that do not compile", test_bad_patterns},
        {"unknown kind, missing parts", test_unknown_kind_and_missing_parts},
        {"every problem reported", test_every_problem_reported},
        {"invalid UTF-8 in a rule file", test_invalid_utf8_rule_file},
        {"missing folder", test_missing_folder},
        {"shipped rules are valid", test_shipped_rules_valid},
        {"numbered settings are the named ones", test_setting_ids},
        {"shared and repeated patterns warned", test_shared_pattern_warnings},
        {"fingerprint covers every rule file", test_fingerprint},
        {"rules check CLI", test_cli_rules_check},
        {"gap pattern with many live threads", test_gap_pattern_many_threads},
        {"core topics by first bytes", test_core_topics_by_first_bytes},
        {NULL, NULL},
    };
    return tu_run_suite("rules", tests);
}
