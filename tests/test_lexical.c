/*
 * test_lexical: the decision model's word terms (cn_lexical, the `weight
 * word/TERM` lines of cn_model): how terms are spelled and hashed, negation
 * marking and the question placeholder through the classifier, weight lines
 * and their FILE:LINE errors, a fitted toy model in which a word decides, and
 * a rule folder without word lines deciding exactly as before; the fit's
 * class weights; the question's own words as terms of each of its answers
 * (setting question_terms); lead terms "^word" of the title and first
 * sentences (setting words_lead).
 */
#include "testutil.h"

#include "cn_annotate.h"
#include "cn_classifier.h"
#include "cn_eval.h"
#include "cn_fit.h"
#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_matcher.h"
#include "cn_model.h"
#include "cn_rules.h"
#include "cn_tokens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spelled terms of a call, one per line, and a check that every hash is
 * the hash of its text. */
typedef struct collected {
    char text[8192];
    size_t n;
    bool hashes_match;
    size_t told; /* terms given with their index (not CN_LEX_TERM_UNKNOWN) */
} collected;

static void collect(void *ctx, uint64_t hash, long term, const char *text, size_t len)
{
    collected *c = ctx;
    c->n++;
    c->told += term != CN_LEX_TERM_UNKNOWN;
    if (!text) {
        c->hashes_match = false;
        return;
    }
    if (cn_hash_bytes(text, len) != hash)
        c->hashes_match = false;
    size_t at = strlen(c->text);
    if (at + len + 3 < sizeof c->text) {
        c->text[at] = '|';
        memcpy(c->text + at + 1, text, len);
        c->text[at + 1 + len] = '|';
        c->text[at + 2 + len] = '\0';
    }
}

static bool has(const collected *c, const char *term)
{
    char want[256];
    snprintf(want, sizeof want, "|%s|", term);
    return strstr(c->text, want) != NULL;
}

/* Unigrams and bigrams of a sentence each, none across a sentence end;
 * negated tokens read "!", question words "<q>"; hashes are the texts'. */
static void test_terms_spelled_and_hashed(void)
{
    static const char TEXT[] = "Botox is not safe. It is fine";
    cn_tokens *t = cn_tokens_new(TEXT, strlen(TEXT));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    size_t n = cn_tokens_count(t);
    CU_ASSERT_EQUAL_FATAL(n, 7);
    unsigned char marks[7] = {CN_LEX_QUESTION, 0, 0, CN_LEX_NEGATED, 0, 0, 0};
    cn_lexical_opts all = {true, true, true, false, 0};
    collected c = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &all, true, collect, &c);
    CU_ASSERT_TRUE(c.hashes_match);
    CU_ASSERT_TRUE(has(&c, "<q>"));
    CU_ASSERT_TRUE(has(&c, "<q>+is"));
    CU_ASSERT_TRUE(has(&c, "!safe"));
    CU_ASSERT_TRUE(has(&c, "not+!safe"));
    CU_ASSERT_TRUE(has(&c, "it+is"));
    CU_ASSERT_FALSE(has(&c, "botox"));
    CU_ASSERT_FALSE(has(&c, "safe"));
    CU_ASSERT_FALSE(has(&c, "!safe+it")); /* across the sentence end */
    CU_ASSERT_EQUAL(c.n, 7 + 5);          /* 7 unigrams, 3 + 2 bigrams */
    /* options off: the plain words, no bigrams */
    cn_lexical_opts none = {false, false, false, false, 0};
    collected d = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &none, true, collect, &d);
    CU_ASSERT_TRUE(has(&d, "botox"));
    CU_ASSERT_TRUE(has(&d, "safe"));
    CU_ASSERT_FALSE(has(&d, "<q>"));
    CU_ASSERT_FALSE(has(&d, "!safe"));
    CU_ASSERT_EQUAL(d.n, 7);
    /* unspelled: the same hashes, no text */
    collected e = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &all, false, collect, &e);
    CU_ASSERT_EQUAL(e.n, c.n);
    CU_ASSERT_FALSE(e.hashes_match);
    /* tokens of no rule set tell no term, even when asked to */
    cn_lexical_opts told = {true, true, true, true, 0};
    collected f = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &told, false, collect, &f);
    CU_ASSERT_EQUAL(f.n, c.n);
    CU_ASSERT_EQUAL(f.told, 0);
    CU_ASSERT_EQUAL(c.told + d.told + e.told, 0);
    cn_tokens_free(t);
}

/* A pushed word with a byte the rule syntax uses (not plain) is no term and
 * breaks the bigrams around it; the plain words beside it are terms. */
static void test_reserved_word_is_no_term(void)
{
    cn_tokens *t = cn_tokens_new("safe and", 8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_push(t, "a=b", 9, 12, 0, 0, false), 0);
    CU_ASSERT_EQUAL_FATAL(cn_tokens_push(t, "well", 13, 17, 0, 0, false), 0);
    cn_lexical_opts all = {true, true, true, false, 0};
    collected c = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), NULL, 0, cn_tokens_count(t), &all, true, collect, &c);
    CU_ASSERT_TRUE(c.hashes_match);
    CU_ASSERT_TRUE(has(&c, "safe+and"));
    CU_ASSERT_TRUE(has(&c, "well"));
    CU_ASSERT_FALSE(has(&c, "a=b"));
    CU_ASSERT_FALSE(has(&c, "and+well"));
    CU_ASSERT_EQUAL(c.n, 3 + 1);
    cn_tokens_free(t);
}

/* A rule set's tokens carry what its lexicon (cn_lexicon) found for their
 * words once: the model's term of each word the same as the model's lookup
 * by hash, and matches the same as when the matcher looks every word up
 * itself. Aliases ("don't", "it's"), stems, numbers and unknown words
 * included. */
static void test_token_lexicon_answers_as_tables(void)
{
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load("rules", &rules, NULL, NULL, &err), CN_OK);
    CU_ASSERT_TRUE(cn_rules_token_terms(rules));
    static const char TEXT[] = "I don't recommend it; it's not safe, the patient's 2.5 mg dose "
                               "is fine. Zorblax never helps! Surgery is risky and recommended.";
    cn_tokens *t = cn_rules_tokenize(rules, TEXT, strlen(TEXT));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    const cn_model *m = cn_rules_model(rules);
    size_t n = cn_tokens_count(t), terms = 0;
    cn_token *items = (cn_token *)cn_tokens_array(t);
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT_TRUE(items[i].lexicon);
        /* a term the lexicon cannot tell is left to the model's lookup */
        if (items[i].term != CN_LEX_TERM_UNKNOWN)
            CU_ASSERT_EQUAL(items[i].term, cn_model_word_find(m, items[i].hash));
        terms += items[i].term >= 0;
    }
    CU_ASSERT_TRUE(terms > 0);
    cn_match *with = NULL, *without = NULL;
    size_t n_with = 0, n_without = 0;
    CU_ASSERT_EQUAL(cn_matcher_scan(cn_rules_matcher(rules), t, &with, &n_with, &err), CN_OK);
    for (size_t i = 0; i < n; i++)
        items[i].lexicon = false; /* the matcher then looks each word up */
    CU_ASSERT_EQUAL(cn_matcher_scan(cn_rules_matcher(rules), t, &without, &n_without, &err), CN_OK);
    CU_ASSERT_TRUE(n_with > 0);
    CU_ASSERT_EQUAL_FATAL(n_with, n_without);
    for (size_t i = 0; i < n_with; i++)
        CU_ASSERT_TRUE(with[i].payload == without[i].payload && with[i].first == without[i].first &&
                       with[i].last == without[i].last);
    free(with);
    free(without);
    cn_tokens_free(t);
    cn_rules_free(rules);
}

/* Classify with keep_features: the decision carries the answer's terms. */
static bool decision_has(const cn_decision *d, const char *term)
{
    const char *t = d->term_text;
    for (size_t i = 0; i < d->n_terms; i++, t += strlen(t) + 1)
        if (!strcmp(t, term))
            return d->term_hash[i] == cn_hash_bytes(term, strlen(term));
    return false;
}

/* A copy of the shipped rules in a fresh folder (the caller removes it): its
 * decision.rules without word lines, and words_negation set to negation, so
 * these tests do not hang on what is shipped. */
static char *rules_copy(int negation)
{
    char *dir = tu_mkdtemp();
    char cmd[4096];
    snprintf(
        cmd, sizeof cmd,
        "cp rules/* '%s'/ && grep -v '^weight word/' rules/decision.rules > '%s'/decision.rules"
        " && sed -i 's/^setting words_negation .*/setting words_negation value=%d/' "
        "'%s'/settings.rules",
        dir, dir, negation, dir);
    if (system(cmd) != 0) {
        tu_rm_rf(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

static uint64_t word_hash(const cn_rules *rules, const char *word)
{
    cn_tokens *t = cn_rules_tokenize(rules, word, strlen(word));
    uint64_t h = t && cn_tokens_count(t) ? cn_tokens_at(t, 0)->hash : 0;
    cn_tokens_free(t);
    return h;
}

/* The shipped negation rules scope the marking: "not" reaches the rest of its
 * clause, not past a comma; the question's words read <q>. */
static void test_negation_and_placeholder_in_classifier(void)
{
    char *dir = rules_copy(1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    uint64_t q[1] = {word_hash(rules, "botox")};
    cn_classify_input in = {.text = "Botox is not safe for you, it is risky.",
                            .keep_features = true,
                            .question_words = q,
                            .n_question_words = 1};
    cn_decision d;
    CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &in, &d, &err), CN_OK);
    CU_ASSERT_TRUE(decision_has(&d, "<q>"));
    CU_ASSERT_TRUE(decision_has(&d, "<q>+is"));
    CU_ASSERT_TRUE(decision_has(&d, "!safe"));
    CU_ASSERT_TRUE(decision_has(&d, "!safe+!for"));
    CU_ASSERT_TRUE(decision_has(&d, "risky")); /* after the comma: a new clause */
    CU_ASSERT_FALSE(decision_has(&d, "!risky"));
    CU_ASSERT_FALSE(decision_has(&d, "safe"));
    CU_ASSERT_FALSE(decision_has(&d, "botox"));
    cn_decision_clear(&d);
    CU_ASSERT_EQUAL(d.n_terms, 0);
    cn_rules_free(rules);
    /* negation marking off: the plain word */
    char *off = rules_copy(0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(off);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(off, &rules, NULL, NULL, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &in, &d, &err), CN_OK);
    CU_ASSERT_TRUE(decision_has(&d, "safe"));
    CU_ASSERT_FALSE(decision_has(&d, "!safe"));
    CU_ASSERT_TRUE(decision_has(&d, "<q>"));
    cn_decision_clear(&d);
    cn_rules_free(rules);
    tu_rm_rf(dir);
    tu_rm_rf(off);
    free(dir);
    free(off);
}

/* Lead terms (cn_lexical_opts.lead_end): each unigram of the lead also
 * reads "^" first, with its own marks ("^!lift"); bigrams get no lead copy,
 * and with lead_end 0 no term starts with "^". */
static void test_lead_terms_spelled(void)
{
    static const char TEXT[] = "Never lift. Then walk slowly. Swim later";
    cn_tokens *t = cn_tokens_new(TEXT, strlen(TEXT));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    size_t n = cn_tokens_count(t);
    CU_ASSERT_EQUAL_FATAL(n, 7);
    unsigned char marks[7] = {0, CN_LEX_NEGATED, 0, 0, 0, 0, 0};
    cn_lexical_opts lead = {true, true, true, false, 2};
    collected c = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &lead, true, collect, &c);
    CU_ASSERT_TRUE(c.hashes_match);
    CU_ASSERT_TRUE(has(&c, "^never"));
    CU_ASSERT_TRUE(has(&c, "^!lift"));
    CU_ASSERT_TRUE(has(&c, "!lift"));
    CU_ASSERT_TRUE(has(&c, "never+!lift"));
    CU_ASSERT_FALSE(has(&c, "^never+!lift"));
    CU_ASSERT_FALSE(has(&c, "^then"));
    CU_ASSERT_TRUE(has(&c, "then"));
    CU_ASSERT_EQUAL(c.n, 7 + 4 + 2); /* 7 unigrams, 1 + 2 + 1 bigrams, 2 lead copies */
    /* unspelled: the same hashes */
    collected e = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &lead, false, collect, &e);
    CU_ASSERT_EQUAL(e.n, c.n);
    /* a lead past the tokens: every unigram has its copy */
    cn_lexical_opts all = {false, false, false, false, 100};
    collected a = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 3, n, &all, true, collect, &a);
    CU_ASSERT_EQUAL(a.n, 2 * 4);
    CU_ASSERT_TRUE(has(&a, "^later"));
    CU_ASSERT_FALSE(has(&a, "^never"));
    /* no lead: no "^" term */
    cn_lexical_opts none = {true, true, true, false, 0};
    collected d = {.hashes_match = true};
    cn_lexical_terms(cn_tokens_array(t), marks, 0, n, &none, true, collect, &d);
    CU_ASSERT_EQUAL(d.n, 7 + 4);
    CU_ASSERT_PTR_NULL(strstr(d.text, "|^"));
    cn_tokens_free(t);
}

/* The rules copy of rules_copy(0) with setting words_lead at lead. */
static char *rules_copy_lead(int lead)
{
    char *dir = rules_copy(0);
    if (!dir)
        return NULL;
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "printf 'setting words_lead value=%d\\n' >> '%s'/settings.rules",
             lead, dir);
    if (system(cmd) != 0) {
        tu_rm_rf(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

/* Terms of the decision that start with "^". */
static size_t lead_terms_of(const cn_decision *d)
{
    size_t n = 0;
    const char *t = d->term_text;
    for (size_t i = 0; i < d->n_terms; i++, t += strlen(t) + 1)
        n += t[0] == CN_LEX_LEAD_MARK;
    return n;
}

/* Setting words_lead through the classifier: the title's words and those
 * of the body's first N sentences also read "^word"; 0 (the default) makes
 * no such term, and the other terms are the same either way. */
static void test_lead_in_classifier(void)
{
    cn_classify_input in = {.title = "Short reply: wait",
                            .text = "Do not fly this week. Flying next month is fine. Pack light.",
                            .keep_features = true};
    cn_error err;
    cn_decision d[3];
    for (int lead = 0; lead <= 2; lead++) {
        char *dir = rules_copy_lead(lead);
        CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
        cn_rules *rules = NULL;
        CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
        CU_ASSERT_EQUAL(cn_rules_setting(rules, "words_lead"), lead);
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &in, &d[lead], &err), CN_OK);
        cn_rules_free(rules);
        tu_rm_rf(dir);
        free(dir);
    }
    CU_ASSERT_EQUAL(lead_terms_of(&d[0]), 0);
    CU_ASSERT_TRUE(decision_has(&d[0], "wait"));
    CU_ASSERT_TRUE(decision_has(&d[0], "fly"));
    /* one sentence: the title's three words and the first sentence's five */
    CU_ASSERT_EQUAL(lead_terms_of(&d[1]), 3 + 5);
    CU_ASSERT_TRUE(decision_has(&d[1], "^short"));
    CU_ASSERT_TRUE(decision_has(&d[1], "^wait"));
    CU_ASSERT_TRUE(decision_has(&d[1], "^fly"));
    CU_ASSERT_TRUE(decision_has(&d[1], "^week"));
    CU_ASSERT_FALSE(decision_has(&d[1], "^month"));
    CU_ASSERT_FALSE(decision_has(&d[1], "^do+not"));
    /* two sentences: the second's five words too, not the third's */
    CU_ASSERT_EQUAL(lead_terms_of(&d[2]), 3 + 5 + 5);
    CU_ASSERT_TRUE(decision_has(&d[2], "^month"));
    CU_ASSERT_FALSE(decision_has(&d[2], "^pack"));
    /* the rest of the terms are the same, in the same order */
    for (int lead = 1; lead <= 2; lead++) {
        CU_ASSERT_EQUAL(d[lead].n_terms - lead_terms_of(&d[lead]), d[0].n_terms);
        const char *t = d[lead].term_text, *o = d[0].term_text;
        size_t k = 0;
        for (size_t i = 0; i < d[lead].n_terms && k < d[0].n_terms; i++, t += strlen(t) + 1) {
            if (t[0] == CN_LEX_LEAD_MARK)
                continue;
            CU_ASSERT_STRING_EQUAL(t, o);
            o += strlen(o) + 1;
            k++;
        }
        CU_ASSERT_EQUAL(k, d[0].n_terms);
    }
    for (int lead = 0; lead <= 2; lead++)
        cn_decision_clear(&d[lead]);
}

/* A lead term in a weight line loads and is found by its hash; it is no
 * token's own term (a word never holds "^"). */
static void test_lead_weight_line(void)
{
    tu_diags diags;
    cn_rules *rules = NULL;
    static const char LINES[] =
        "weight bias reassuring=0 cautionary=0 contraindicated=0 none=0\n"
        "weight word/^wait reassuring=-1 cautionary=1 contraindicated=0 none=0\n";
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("decision.rules", LINES, &diags, &rules), CN_OK);
    cn_model *m = cn_rules_model(rules);
    CU_ASSERT_EQUAL(cn_model_word_find(m, cn_hash_bytes("^wait", 5)), 0);
    CU_ASSERT_EQUAL(cn_model_word_find(m, cn_hash_bytes("wait", 4)), -1);
    cn_rules_free(rules);
}

/* words_negation 2: a word is marked only within its trigger's scope=
 * tokens (5 for "not" in the shipped rules), as cues are flipped; 1 marks
 * to the clause's end. */
static void test_negation_cue_scope(void)
{
    cn_classify_input in = {.text = "Do not lift heavy boxes or bags with that arm for weeks.",
                            .keep_features = true};
    cn_error err;
    cn_decision d[3];
    for (int neg = 0; neg <= 2; neg++) {
        char *dir = rules_copy(neg);
        CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
        cn_rules *rules = NULL;
        CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &in, &d[neg], &err), CN_OK);
        cn_rules_free(rules);
        tu_rm_rf(dir);
        free(dir);
    }
    CU_ASSERT_TRUE(decision_has(&d[0], "lift"));
    CU_ASSERT_TRUE(decision_has(&d[0], "weeks"));
    CU_ASSERT_TRUE(decision_has(&d[1], "!lift"));
    CU_ASSERT_TRUE(decision_has(&d[1], "!bags"));
    CU_ASSERT_TRUE(decision_has(&d[1], "!weeks"));
    CU_ASSERT_TRUE(decision_has(&d[2], "!lift"));
    CU_ASSERT_TRUE(decision_has(&d[2], "!bags")); /* the fifth token after "not" */
    CU_ASSERT_TRUE(decision_has(&d[2], "!bags+with"));
    CU_ASSERT_TRUE(decision_has(&d[2], "weeks"));
    CU_ASSERT_FALSE(decision_has(&d[2], "!with"));
    CU_ASSERT_FALSE(decision_has(&d[2], "!weeks"));
    for (int neg = 0; neg <= 2; neg++)
        cn_decision_clear(&d[neg]);
}

/* Word weight lines load; a malformed or repeated term is a FILE:LINE error. */
static void test_word_lines(void)
{
    tu_diags d;
    cn_rules *rules = NULL;
    static const char GOOD[] =
        "weight bias reassuring=0 cautionary=0 contraindicated=0 none=0\n"
        "weight word/!safe reassuring=-1 cautionary=0.5 contraindicated=1.5 none=0\n"
        "weight word/<q>+is reassuring=0.25 cautionary=0 contraindicated=0 none=0\n";
    CU_ASSERT_EQUAL_FATAL(tu_load_rules_text("decision.rules", GOOD, &d, &rules), CN_OK);
    cn_model *m = cn_rules_model(rules);
    CU_ASSERT_EQUAL(cn_model_words(m), 2);
    long i = cn_model_word_find(m, cn_hash_bytes("!safe", 5));
    CU_ASSERT_EQUAL(i, 0);
    CU_ASSERT_STRING_EQUAL(cn_model_word_name(m, (size_t)i), "word/!safe");
    CU_ASSERT_EQUAL(cn_model_word_find(m, cn_hash_bytes("safe", 4)), -1);
    FILE *f = tmpfile();
    CU_ASSERT_EQUAL(cn_model_write(m, f), 0);
    rewind(f);
    char all[8192] = "";
    size_t got = fread(all, 1, sizeof all - 1, f);
    all[got] = '\0';
    fclose(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(all, "weight word/!safe"));
    CU_ASSERT_PTR_NOT_NULL(strstr(all, "contraindicated=1.5000"));
    cn_rules_free(rules);
    static const char EMPTY[] = "weight bias reassuring=0 cautionary=0 contraindicated=0 none=0\n"
                                "weight word/ reassuring=1 cautionary=0 contraindicated=0 none=0\n";
    CU_ASSERT_EQUAL(tu_load_rules_text("decision.rules", EMPTY, &d, NULL), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "decision.rules:2:"));
    static const char TWICE[] =
        "weight word/safe reassuring=1 cautionary=0 contraindicated=0 none=0\n"
        "# a comment\n"
        "weight word/safe reassuring=2 cautionary=0 contraindicated=0 none=0\n";
    CU_ASSERT_EQUAL(tu_load_rules_text("decision.rules", TWICE, &d, NULL), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "decision.rules:3:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "twice"));
    static const char NOVALUE[] = "weight word/safe reassuring=x cautionary=0 contraindicated=0 "
                                  "none=0\n";
    CU_ASSERT_EQUAL(tu_load_rules_text("decision.rules", NOVALUE, &d, NULL), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.text, "decision.rules:1:"));
}

static char *write_gold(const char *dir, const char *text)
{
    return tu_write_file(dir, "gold.jsonl", text, strlen(text));
}

/* A toy fit: six gold answers a0..a5, the first n_cautionary cautionary and
 * the rest reassuring, a model whose rule features say nothing (bias only)
 * and a fitter over it; `toy_fit_free` undoes it (toy_fit_new does on
 * failure). */
typedef struct {
    char *dir, *path;
    cn_gold *gold;
    cn_model *model;
    double *x;
    cn_fit *fit;
} toy_fit;

static void toy_fit_free(toy_fit *t);

static bool toy_fit_new(toy_fit *t, size_t n_cautionary)
{
    cn_error err;
    char gold_text[512];
    size_t at = 0;
    for (size_t i = 0; i < 6; i++)
        at += (size_t)snprintf(gold_text + at, sizeof gold_text - at,
                               "{\"answer_id\":\"a%zu\",\"stance\":\"%s\"}\n", i,
                               i < n_cautionary ? "cautionary" : "reassuring");
    memset(t, 0, sizeof *t);
    t->dir = tu_mkdtemp();
    t->path = t->dir ? write_gold(t->dir, gold_text) : NULL;
    bool ok = t->path && cn_gold_load(t->path, &t->gold, &err) == CN_OK &&
              cn_model_new(NULL, 0, NULL, 0, NULL, 0, &t->model, &err) == CN_OK;
    size_t nf = ok ? cn_model_features(t->model) : 0;
    ok = ok && (t->x = calloc(nf, sizeof *t->x)) != NULL;
    if (ok)
        t->x[0] = 1;
    ok = ok && cn_fit_new(t->gold, nf, &t->fit, &err) == CN_OK;
    if (!ok)
        toy_fit_free(t);
    return ok;
}

static void toy_fit_free(toy_fit *t)
{
    cn_fit_free(t->fit);
    cn_gold_free(t->gold);
    cn_model_free(t->model);
    free(t->x);
    free(t->path);
    if (t->dir)
        tu_rm_rf(t->dir);
    free(t->dir);
}

/* A toy fit in which the rule features say nothing (bias only) and one word
 * decides: answers holding "zorb" are cautionary, the others reassuring. The
 * fitter picks the vocabulary (terms of >= 2 answers: "zorb" and "calm", not
 * the one-off words) and the fitted model labels by the word. */
static void test_fitted_word_decides(void)
{
    toy_fit t;
    CU_ASSERT_TRUE_FATAL(toy_fit_new(&t, 3));
    cn_model *m = t.model;
    cn_fit *f = t.fit;
    double *x = t.x;
    cn_error err;
    static const char *const WORDS[6] = {"zorb\0a\0zorb", "zorb\0b", "zorb\0c",
                                         "calm\0d",       "calm\0e", "calm\0f"};
    for (size_t i = 0; i < 6; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%zu", i);
        CU_ASSERT_EQUAL_FATAL(cn_fit_add(f, "p", i, id, "text", x, &err), CN_OK);
        const char *w = WORDS[i];
        uint64_t h[3];
        size_t k = 0, at = 0;
        for (; k < (i == 0 ? 3u : 2u); k++) {
            h[k] = cn_hash_bytes(w + at, strlen(w + at));
            at += strlen(w + at) + 1;
        }
        CU_ASSERT_EQUAL_FATAL(cn_fit_add_terms(f, h, w, k, &err), CN_OK);
    }
    cn_fit_set_words(f, 2, 0.01);
    cn_fit_summary s;
    CU_ASSERT_EQUAL_FATAL(cn_fit_run(f, m, 0.01, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(s.aligned, 6);
    CU_ASSERT_EQUAL(s.words, 2);
    CU_ASSERT_DOUBLE_EQUAL(s.training_accuracy, 1.0, 1e-12);
    CU_ASSERT_STRING_EQUAL(cn_model_word_name(m, 0), "word/calm"); /* in text order */
    CU_ASSERT_STRING_EQUAL(cn_model_word_name(m, 1), "word/zorb");
    long zorb = cn_model_word_find(m, cn_hash_bytes("zorb", 4));
    long calm = cn_model_word_find(m, cn_hash_bytes("calm", 4));
    CU_ASSERT_EQUAL_FATAL(zorb, 1);
    CU_ASSERT_EQUAL_FATAL(calm, 0);
    CU_ASSERT_EQUAL(cn_model_word_find(m, cn_hash_bytes("a", 1)), -1);
    double p[CN_STANCE_COUNT];
    size_t zw = (size_t)zorb, cw = (size_t)calm;
    CU_ASSERT_EQUAL(cn_model_predict_words(m, x, &zw, 1, p), CN_STANCE_CAUTIONARY);
    CU_ASSERT(p[CN_STANCE_CAUTIONARY] > 0.6);
    CU_ASSERT_EQUAL(cn_model_predict_words(m, x, &cw, 1, p), CN_STANCE_REASSURING);
    /* the same through cn_model_decide, as classification reads it */
    cn_model_input in = {.words = &zw, .n_words = 1};
    const char *top = NULL;
    CU_ASSERT_EQUAL(cn_model_decide(m, &in, p, &top), CN_STANCE_CAUTIONARY);
    CU_ASSERT_STRING_EQUAL(top ? top : "", "word/zorb");
    /* the vocabulary threshold: no term is in 4 answers, so no words */
    cn_fit_set_words(f, 4, 0.01);
    CU_ASSERT_EQUAL_FATAL(cn_fit_run(f, m, 0.01, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(s.words, 0);
    CU_ASSERT_EQUAL(cn_model_words(m), 0);
    toy_fit_free(&t);
}

/* Class weights of the fit: with only the bias to learn, the fitted
 * probabilities are the weighted label shares (2 cautionary against 4
 * reassuring; counting cautionary 3 times makes it 6 against 4). */
static void test_fit_class_weights(void)
{
    toy_fit t;
    CU_ASSERT_TRUE_FATAL(toy_fit_new(&t, 2));
    cn_model *m = t.model;
    cn_fit *f = t.fit;
    double *x = t.x;
    cn_error err;
    for (size_t i = 0; i < 6; i++) {
        char id[8];
        snprintf(id, sizeof id, "a%zu", i);
        CU_ASSERT_EQUAL_FATAL(cn_fit_add(f, "p", i, id, "text", x, &err), CN_OK);
    }
    cn_fit_summary s;
    double p[CN_STANCE_COUNT];
    CU_ASSERT_EQUAL_FATAL(cn_fit_run(f, m, 0.01, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_model_predict(m, x, p), CN_STANCE_REASSURING);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CAUTIONARY], 2.0 / 6.0, 0.02);
    double cw[CN_STANCE_COUNT];
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        cw[k] = 1;
    cw[CN_STANCE_CAUTIONARY] = 3;
    cn_fit_set_class_weights(f, cw);
    CU_ASSERT_EQUAL_FATAL(cn_fit_run(f, m, 0.01, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_model_predict(m, x, p), CN_STANCE_CAUTIONARY);
    CU_ASSERT_DOUBLE_EQUAL(p[CN_STANCE_CAUTIONARY], 6.0 / 10.0, 0.02);
    toy_fit_free(&t);
}

/* Word terms that the model does not know, and a model without any: the
 * decision is the one without words, bit for bit. */
static void test_no_words_is_the_old_decision(void)
{
    char *dir = rules_copy(1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    cn_rules *rules = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    CU_ASSERT_TRUE(cn_model_active(cn_rules_model(rules)));
    CU_ASSERT_EQUAL(cn_model_words(cn_rules_model(rules)), 0);
    static const char *const TEXTS[] = {
        "It is not safe to fly the day after surgery, please wait a week.",
        "You can swim after four weeks; there is no risk once the incisions close.",
        "I would not do it while pregnant."};
    uint64_t q[2] = {word_hash(rules, "swim"), word_hash(rules, "surgery")};
    for (size_t i = 0; i < 3; i++) {
        cn_classify_input plain = {.text = TEXTS[i], .question_type = "permission"};
        cn_classify_input lexical = plain;
        lexical.keep_features = true;
        lexical.question_words = q;
        lexical.n_question_words = 2;
        cn_decision a, b;
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &plain, &a, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_classify_answer(rules, &lexical, &b, &err), CN_OK);
        CU_ASSERT_EQUAL(a.stance, b.stance);
        CU_ASSERT_EQUAL(memcmp(a.probability, b.probability, sizeof a.probability), 0);
        CU_ASSERT_EQUAL(a.n_terms, 0);
        CU_ASSERT(b.n_terms > 0);
        cn_decision_clear(&a);
        cn_decision_clear(&b);
    }
    /* an input naming word indices the model does not have adds nothing */
    cn_model *m = cn_rules_model(rules);
    size_t idx[2] = {0, 5};
    cn_model_input none = {.question_type = "permission"}, some = none;
    some.words = idx;
    some.n_words = 2;
    double p[CN_STANCE_COUNT], r[CN_STANCE_COUNT];
    CU_ASSERT_EQUAL(cn_model_decide(m, &none, p, NULL), cn_model_decide(m, &some, r, NULL));
    CU_ASSERT_EQUAL(memcmp(p, r, sizeof p), 0);
    cn_rules_free(rules);
    tu_rm_rf(dir);
    free(dir);
}

/* A page of our own: an asker wonders whether to take out a stitch left in
 * the brow; two answers that never name the stitch. question_id set, so a
 * second page of the same question is judged against the first's. */
static cn_page stitch_page(cn_answer *answers, const char *file)
{
    answers[0] = (cn_answer){.index = 1, .text = "Leave it alone and see your surgeon soon."};
    answers[1] = (cn_answer){.index = 2, .text = "It is fine, nothing to worry about."};
    cn_page page = {.file = (char *)file,
                    .question = "Should I pull out the stitch in my eyebrow?",
                    .body = "The scab itches badly.",
                    .answers = answers,
                    .n_answers = 2};
    snprintf(page.question_id, sizeof page.question_id, "%s", "0123456789abcdef");
    return page;
}

/* Each answer's primary decision on two pages of one question (the second
 * judged against the remembered question: its words read again), with the
 * features kept when keep; into d[4], which the caller clears. */
static void annotate_stitch(const cn_rules *rules, bool keep, cn_decision d[4])
{
    cn_annotator *a = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(rules, &a, &err), CN_OK);
    cn_annotator_keep_features(a, keep);
    for (size_t p = 0; p < 2; p++) {
        cn_answer answers[2];
        cn_page page = stitch_page(answers, p ? "b.txt" : "a.txt");
        cn_page_annotation *pa = NULL;
        CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, &page, &pa, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(pa->n_answers, 2);
        for (size_t i = 0; i < 2; i++) {
            /* the decision moves out of the annotation */
            d[2 * p + i] = pa->answers[i].claims[0].decision;
            pa->answers[i].claims[0].decision = (cn_decision){0};
        }
        cn_page_annotation_free(pa);
    }
    cn_annotator_free(a);
}

/* How many of a decision's terms are question terms ("?WORD"). */
static size_t question_terms_of(const cn_decision *d)
{
    size_t n = 0;
    const char *t = d->term_text;
    for (size_t i = 0; i < d->n_terms; i++, t += strlen(t) + 1)
        n += t[0] == CN_LEX_QUESTION_MARK;
    return n;
}

/* Setting question_terms on: every answer carries "?WORD" for each content
 * word of the question's title and body, words it does not hold itself, and
 * a weight on one moves its decision. Off (the default): no such term, and a
 * model that weighs one decides as if it did not. */
static void test_question_terms(void)
{
    char *dir = rules_copy(0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    cn_rules *rules = NULL;
    cn_error err;
    cn_decision off[4], on[4], plain[4], weighed[4];
    /* the setting off, whatever is shipped */
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^setting question_terms .*/setting question_terms value=0/' "
             "'%s'/settings.rules",
             dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    annotate_stitch(rules, true, off);
    annotate_stitch(rules, false, plain);
    cn_rules_free(rules);
    for (size_t i = 0; i < 4; i++) {
        CU_ASSERT(off[i].n_terms > 0);
        CU_ASSERT_FALSE(decision_has(&off[i], "?stitch"));
        CU_ASSERT_FALSE(decision_has(&off[i], "?scab"));
    }
    /* a weight on "?stitch", with the setting still off: nothing changes */
    snprintf(cmd, sizeof cmd,
             "echo 'weight word/?stitch reassuring=-3 cautionary=0 contraindicated=3 none=0' "
             ">> '%s'/decision.rules",
             dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    annotate_stitch(rules, false, weighed);
    cn_rules_free(rules);
    for (size_t i = 0; i < 4; i++) {
        CU_ASSERT_EQUAL(weighed[i].stance, plain[i].stance);
        CU_ASSERT_EQUAL(
            memcmp(weighed[i].probability, plain[i].probability, sizeof plain[i].probability), 0);
        cn_decision_clear(&weighed[i]);
    }
    /* on */
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^setting question_terms .*/setting question_terms value=1/' "
             "'%s'/settings.rules",
             dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    annotate_stitch(rules, true, on);
    annotate_stitch(rules, false, weighed);
    cn_rules_free(rules);
    for (size_t i = 0; i < 4; i++) {
        CU_ASSERT_TRUE(decision_has(&on[i], "?stitch"));  /* the title's */
        CU_ASSERT_TRUE(decision_has(&on[i], "?eyebrow")); /* the title's */
        CU_ASSERT_TRUE(decision_has(&on[i], "?scab"));    /* the body's */
        CU_ASSERT_TRUE(decision_has(&on[i], "?itches"));
        CU_ASSERT_FALSE(decision_has(&on[i], "?in"));      /* under three letters */
        CU_ASSERT_FALSE(decision_has(&on[i], "?surgeon")); /* the answer's, not the question's */
        /* the answer's own terms stay as they were: the rest are the question's */
        CU_ASSERT_EQUAL(on[i].n_terms, off[i].n_terms + question_terms_of(&on[i]));
        CU_ASSERT_TRUE(weighed[i].probability[CN_STANCE_CONTRAINDICATED] >
                       plain[i].probability[CN_STANCE_CONTRAINDICATED]);
    }
    /* every answer of the question carries the same number of them */
    CU_ASSERT_EQUAL(on[0].n_terms - off[0].n_terms, on[1].n_terms - off[1].n_terms);
    CU_ASSERT_EQUAL(on[0].n_terms - off[0].n_terms, on[3].n_terms - off[3].n_terms);
    CU_ASSERT(question_terms_of(&on[0]) >= 4);
    for (size_t i = 0; i < 4; i++) {
        cn_decision_clear(&off[i]);
        cn_decision_clear(&on[i]);
        cn_decision_clear(&plain[i]);
        cn_decision_clear(&weighed[i]);
    }
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"terms spelled and hashed", test_terms_spelled_and_hashed},
        {"a reserved byte: no term", test_reserved_word_is_no_term},
        {"tokens carry the lexicon's answers", test_token_lexicon_answers_as_tables},
        {"negation and placeholder in the classifier", test_negation_and_placeholder_in_classifier},
        {"word weight lines", test_word_lines},
        {"a fitted word decides", test_fitted_word_decides},
        {"no word weights: the old decision", test_no_words_is_the_old_decision},
        {"class weights of the fit", test_fit_class_weights},
        {"the question's words as terms", test_question_terms},
        {"negation marked within the cues' scope", test_negation_cue_scope},
        {"lead terms spelled", test_lead_terms_spelled},
        {"lead terms in the classifier", test_lead_in_classifier},
        {"a lead term's weight line", test_lead_weight_line},
        {NULL, NULL},
    };
    return tu_run_suite("lexical block", tests);
}
