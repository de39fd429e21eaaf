/*
 * test_analysis: the aggregator's own logic, without the corpus reader:
 * summary wording (intervals from R's prop.test), tallies, the review
 * queue's order, the analysis of hand-built pages (questions, duplicates,
 * related excerpts, metadata disagreements), report formatting and the
 * temp-file-and-rename output set.
 */
#include "testutil.h"

#include "cn_analysis.h"
#include "cn_outfile.h"
#include "cn_report_fmt.h"
#include "cn_report_json.h"
#include "cn_review.h"
#include "cn_rules.h"
#include "cn_partial.h"
#include "cn_spill.h"
#include "cn_spill_codec.h"
#include "cn_summary.h"
#include "cn_tally.h"

#include <signal.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- summary wording ---- */

/* counts: none, reassuring, cautionary, contraindicated. */
static char *summary_of(long none, long rea, long cau, long con)
{
    long counts[CN_STANCE_COUNT] = {none, rea, cau, con};
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_consensus_result r;
    cn_error err;
    char *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, counts, &r, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_summary_sentence(&r, &o, &s, &err), CN_OK);
    return s;
}

/* Below 30 stance-taking answers the sentence gives the exact
 * (Clopper-Pearson) interval, as R 4.3's binom.test(x, n)$conf.int: 9/11 ->
 * 0.4822 0.9772; 8/10 -> 0.4439 0.9748; 3/5 -> 0.1466 0.9473; 4/9 -> 0.1370
 * 0.7880; 2/3 -> 0.0943 0.9916 (checked here by bisection on the binomial
 * distribution in Python). The level needs P(true share >= threshold) >= 0.8
 * under Beta(1 + k, 1 + n - k): 9/11 -> P(>= 0.75) = 0.61, P(>= 0.60) = 0.92;
 * 8/10 -> 0.54 and 0.88; 3/5 -> P(>= 0.60) = 0.46, P(>= 0.50) = 0.66 (exact
 * binomial sums). */
static void test_summary_strong(void)
{
    char *s = summary_of(0, 0, 2, 9);
    CU_ASSERT_STRING_EQUAL(s, "9 of 11 physicians advise against it (82%, 95% CI 48-98%): "
                              "moderate consensus; strong by the share alone, but with 11 "
                              "answers P(true share >= 75%) is only 0.61.");
    free(s);
    s = summary_of(0, 5, 0, 0);
    CU_ASSERT_STRING_EQUAL(s, "5 of 5 physicians are reassuring (100%, 95% CI 48-100%): strong "
                              "consensus.");
    free(s);
}

/* Issue 9: a question asking whether something is needed ("Should I stop
 * smoking before surgery?"), judged as its own claim, is answered in its own
 * terms: "advise against it" would read as advice against stopping. */
static void test_summary_restriction_phrasing(void)
{
    long counts[CN_STANCE_COUNT] = {0, 0, 0, 3};
    cn_consensus_opts o;
    cn_consensus_opts_init(&o);
    cn_consensus_result r;
    cn_error err;
    char *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, counts, &r, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(
        cn_summary_sentence_phrased(&r, &o, CN_PHRASE_RESTRICTION, NULL, &s, &err), CN_OK);
    CU_ASSERT_EQUAL(strncmp(s, "3 of 3 physicians answer yes, it is needed (100%", 48), 0);
    free(s);
    CU_ASSERT_STRING_EQUAL(cn_summary_verb_phrased(CN_STANCE_REASSURING, 0, CN_PHRASE_RESTRICTION),
                           "answers no, it is not needed");
    CU_ASSERT_STRING_EQUAL(cn_summary_verb_phrased(CN_STANCE_CAUTIONARY, 1, CN_PHRASE_RESTRICTION),
                           "advise caution");
    CU_ASSERT_STRING_EQUAL(
        cn_summary_verb_phrased(CN_STANCE_CONTRAINDICATED, 1, CN_PHRASE_PRACTICE),
        "advise against it");
}

/* A catalog claim's about="..." names the practice: the sentence says what
 * the physicians advise in the claim's own terms, for each stance, one
 * physician or several; a restriction question keeps its yes/no wording. */
static void test_summary_names_the_practice(void)
{
    static const struct {
        long counts[CN_STANCE_COUNT];
        cn_summary_phrasing phrasing;
        const char *want;
    } cases[] = {
        {{0, 0, 0, 3},
         CN_PHRASE_PRACTICE,
         "3 of 3 physicians advise against flying soon after "
         "surgery (100%"},
        {{0, 4, 1, 0},
         CN_PHRASE_PRACTICE,
         "4 of 5 physicians are reassuring about flying soon "
         "after surgery (80%"},
        {{0, 0, 1, 0},
         CN_PHRASE_PRACTICE,
         "1 of 1 physician advises caution about flying soon "
         "after surgery (100%"},
        {{0, 0, 0, 3}, CN_PHRASE_RESTRICTION, "3 of 3 physicians answer yes, it is needed (100%"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cn_consensus_opts o;
        cn_consensus_opts_init(&o);
        cn_consensus_result r;
        cn_error err;
        char *s = NULL;
        CU_ASSERT_EQUAL_FATAL(cn_consensus_compute(&o, cases[i].counts, &r, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_summary_sentence_phrased(&r, &o, cases[i].phrasing,
                                                          "flying soon after surgery", &s, &err),
                              CN_OK);
        CU_ASSERT_EQUAL(strncmp(s, cases[i].want, strlen(cases[i].want)), 0);
        free(s);
    }
}

static void test_summary_counts_only_stance_takers(void)
{
    char *s = summary_of(2, 8, 1, 1);
    CU_ASSERT_STRING_EQUAL(s, "8 of 10 physicians who take a stance are reassuring (80%, 95% CI "
                              "44-97%): moderate consensus; strong by the share alone, but with "
                              "10 answers P(true share >= 75%) is only 0.54. 2 more answers take "
                              "no stance.");
    free(s);
}

static void test_summary_moderate_and_plurality(void)
{
    char *s = summary_of(0, 0, 2, 3);
    CU_ASSERT_STRING_EQUAL(s, "3 of 5 physicians advise against it (60%, 95% CI 15-95%): no "
                              "consensus; moderate by the share alone, but with 5 answers P(true "
                              "share >= 60%) is only 0.46.");
    free(s);
    s = summary_of(0, 3, 4, 2);
    CU_ASSERT_STRING_EQUAL(s, "4 of 9 physicians advise caution (44%, 95% CI 14-79%): no "
                              "consensus.");
    free(s);
}

static void test_summary_tie(void)
{
    char *s = summary_of(0, 3, 0, 3);
    CU_ASSERT_STRING_EQUAL(s, "No majority among the 6 physicians (3 reassuring, 3 against): no "
                              "consensus.");
    free(s);
    s = summary_of(1, 1, 1, 0);
    CU_ASSERT_STRING_EQUAL(s, "No majority among the 2 physicians who take a stance (1 "
                              "reassuring, 1 cautionary): too few answers to judge consensus "
                              "(fewer than 5 take a stance).");
    free(s);
}

static void test_summary_insufficient(void)
{
    char *s = summary_of(0, 2, 1, 0);
    CU_ASSERT_STRING_EQUAL(s, "2 of 3 physicians are reassuring (67%, 95% CI 9-99%): too few "
                              "answers to judge consensus (fewer than 5 take a stance).");
    free(s);
}

static void test_summary_no_stance(void)
{
    char *s = summary_of(3, 0, 0, 0);
    CU_ASSERT_STRING_EQUAL(s, "None of the 3 answers takes a stance.");
    free(s);
    s = summary_of(1, 0, 0, 0);
    CU_ASSERT_STRING_EQUAL(s, "The only answer takes no stance.");
    free(s);
    s = summary_of(0, 0, 0, 0);
    CU_ASSERT_STRING_EQUAL(s, "No answers.");
    free(s);
}

/* ---- tallies ---- */

/* Whether name is among the files of claim c's votes, found answer by
 * answer: the counted answers of the questions whose primary claim it is. */
static bool claim_has_file(const cn_analysis_result *r, size_t c, const char *name)
{
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        const char *file = cn_analysis_file_of(r, a);
        if (a->role == CN_ROLE_COUNTED &&
            r->questions[cn_analysis_answer_question(r, a)].claim == c &&
            !strcmp(file ? file : "", name))
            return true;
    }
    return false;
}

static bool same_specialty(const char *a, const char *b)
{
    return a && b ? !strcmp(a, b) : a == b;
}

/* Whether answer a votes on question q, or on claim q (its verdict 0 is on it). */
static bool votes_on(const cn_analysis_result *r, const cn_analysis_answer *a, bool claim, size_t q)
{
    if (!claim)
        return cn_analysis_answer_question(r, a) == q;
    return a->n_verdicts > 0 && cn_analysis_verdict(r, a, 0).claim == q;
}

/* Splits sp[0..n) are the votes' split: names in byte order, unknown last,
 * each split's counts the counted answers of that specialty and stance
 * among those `in` picks (question q, or the answers voting on claim q),
 * and every such answer in one split. */
static void check_splits(const cn_analysis_result *r, const cn_specialty_count *sp, size_t n,
                         bool claim, size_t q)
{
    long in_splits = 0;
    for (size_t k = 0; k < n; k++) {
        if (k > 0)
            CU_ASSERT_TRUE(
                !sp[k - 1].specialty ||
                (sp[k].specialty ? strcmp(sp[k - 1].specialty, sp[k].specialty) < 0 : true));
        long want[CN_STANCE_COUNT] = {0};
        for (size_t i = 0; i < r->n_answers; i++) {
            const cn_analysis_answer *a = &r->answers[i];
            if (a->role != CN_ROLE_COUNTED || !votes_on(r, a, claim, q) ||
                !same_specialty(cn_analysis_physician(r, i)->specialty, sp[k].specialty))
                continue;
            want[cn_analysis_answer_stance(a)]++;
        }
        for (int st = 0; st < CN_STANCE_COUNT; st++)
            CU_ASSERT_EQUAL(sp[k].counts[st], want[st]);
        in_splits += cn_specialty_answers(&sp[k]);
    }
    long votes = 0;
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        votes += a->role == CN_ROLE_COUNTED && votes_on(r, a, claim, q);
    }
    CU_ASSERT_EQUAL(in_splits, votes);
}

/* Every question's and claim's splits as cn_analysis makes them when asked,
 * each asked twice (the loader's room reused) and both the same. */
static void check_specialties(const cn_analysis_result *r)
{
    for (size_t q = 0; q < r->n_questions; q++) {
        size_t n = 0, again = 0;
        const cn_specialty_count *sp = cn_analysis_question_specialties(r, q, &n);
        CU_ASSERT_FATAL(sp != NULL || n == 0);
        check_splits(r, sp, n, false, q);
        cn_specialty_count first[8];
        CU_ASSERT_FATAL(n <= 8);
        memcpy(first, sp, n * sizeof *sp);
        sp = cn_analysis_question_specialties(r, q, &again);
        CU_ASSERT_EQUAL_FATAL(again, n);
        CU_ASSERT_TRUE(!memcmp(first, sp, n * sizeof *sp));
    }
    for (size_t c = 0; c < r->n_claims; c++) {
        size_t n = 0;
        const cn_specialty_count *sp = cn_analysis_claim_specialties(r, &r->claims[c], &n);
        CU_ASSERT_FATAL(sp != NULL || n == 0);
        check_splits(r, sp, n, true, c);
    }
    cn_error err;
    CU_ASSERT_EQUAL(cn_analysis_load_status(r, &err), CN_OK);
}

/* Every claim's files are its votes' files, each once, in byte order, as
 * many as its votes' distinct files. */
static void check_claim_files(const cn_analysis_result *r)
{
    for (size_t c = 0; c < r->n_claims; c++) {
        size_t n = 0, distinct = 0;
        const char *const *files = cn_analysis_claim_files(r, &r->claims[c], &n);
        for (size_t k = 0; k < n; k++) {
            CU_ASSERT_TRUE(claim_has_file(r, c, files[k]));
            if (k > 0)
                CU_ASSERT_TRUE(strcmp(files[k - 1], files[k]) < 0);
        }
        for (size_t i = 0; i < r->n_answers; i++) { /* distinct files, by first use */
            const cn_analysis_answer *a = &r->answers[i];
            if (a->role != CN_ROLE_COUNTED ||
                r->questions[cn_analysis_answer_question(r, a)].claim != c)
                continue;
            /* a copy: the name is valid until the next one is asked for */
            const char *name = cn_analysis_file_of(r, a);
            char *file = strdup(name ? name : "");
            CU_ASSERT_PTR_NOT_NULL_FATAL(file);
            bool seen = false;
            for (size_t j = 0; j < i && !seen; j++) {
                const cn_analysis_answer *b = &r->answers[j];
                const char *fb = cn_analysis_file_of(r, b);
                seen = b->role == CN_ROLE_COUNTED &&
                       r->questions[cn_analysis_answer_question(r, b)].claim == c &&
                       !strcmp(fb ? fb : "", file);
            }
            free(file);
            distinct += !seen;
        }
        CU_ASSERT_EQUAL(n, distinct);
    }
}

static void test_tally_dissent_specialties(void)
{
    cn_tally_vote v[] = {
        {CN_STANCE_CONTRAINDICATED, false, "Plastic Surgeon"},
        {CN_STANCE_REASSURING, false, NULL},
        {CN_STANCE_CONTRAINDICATED, false, "Dermatologist"},
        {CN_STANCE_NONE, false, "Dermatologist"},
        {CN_STANCE_CAUTIONARY, false, "Plastic Surgeon"},
        {CN_STANCE_CONTRAINDICATED, false, "Dermatologist"},
    };
    cn_tally t;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_tally_compute(v, 6, NULL, &t, &err), CN_OK);
    CU_ASSERT_EQUAL(t.counts[CN_STANCE_CONTRAINDICATED], 3);
    CU_ASSERT_EQUAL(t.counts[CN_STANCE_NONE], 1);
    CU_ASSERT_EQUAL(t.majority, CN_STANCE_CONTRAINDICATED);
    /* dissent: stance-taking votes other than the majority, `none` excluded */
    CU_ASSERT_EQUAL_FATAL(t.n_dissent, 2);
    bool dissent[6];
    for (size_t i = 0; i < 6; i++)
        dissent[i] = cn_tally_dissents(&t, v[i].stance);
    CU_ASSERT_FALSE(dissent[0]);
    CU_ASSERT_TRUE(dissent[1]);
    CU_ASSERT_FALSE(dissent[2]);
    CU_ASSERT_FALSE(dissent[3]); /* none */
    CU_ASSERT_TRUE(dissent[4]);
    CU_ASSERT_FALSE(dissent[5]);
    cn_tally_clear(&t);
    /* specialties by name, unknown last, made on their own into the
     * caller's room */
    cn_specialty_count *sp = NULL;
    size_t n_sp = 99, cap = 0;
    CU_ASSERT_EQUAL_FATAL(cn_tally_specialties(v, 6, &sp, &n_sp, &cap, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(n_sp, 3);
    CU_ASSERT_TRUE(cap >= 3);
    CU_ASSERT_STRING_EQUAL(sp[0].specialty, "Dermatologist");
    CU_ASSERT_EQUAL(cn_specialty_answers(&sp[0]), 3);
    long counts[CN_STANCE_COUNT];
    cn_specialty_counts(&sp[0], counts);
    CU_ASSERT_EQUAL(counts[CN_STANCE_CONTRAINDICATED], 2);
    CU_ASSERT_EQUAL(counts[CN_STANCE_NONE], 1);
    CU_ASSERT_EQUAL(counts[CN_STANCE_REASSURING], 0);
    CU_ASSERT_EQUAL(cn_specialty_answers(&sp[2]), 1);
    CU_ASSERT_EQUAL(sp[0].counts[CN_STANCE_CONTRAINDICATED], 2);
    CU_ASSERT_STRING_EQUAL(sp[1].specialty, "Plastic Surgeon");
    CU_ASSERT_PTR_NULL(sp[2].specialty);
    CU_ASSERT_EQUAL(sp[2].counts[CN_STANCE_REASSURING], 1);
    /* the same room again, for fewer votes: counts start from zero, the
     * names sort again (a name equal by its text is one group) */
    cn_specialty_count *room = sp;
    char same[] = "Plastic Surgeon";
    cn_tally_vote w[] = {{CN_STANCE_REASSURING, false, "Plastic Surgeon"},
                         {CN_STANCE_CAUTIONARY, false, same},
                         {CN_STANCE_NONE, false, "Allergist"}};
    CU_ASSERT_EQUAL_FATAL(cn_tally_specialties(w, 3, &sp, &n_sp, &cap, &err), CN_OK);
    CU_ASSERT_PTR_EQUAL(sp, room); /* no new room for as many or fewer */
    CU_ASSERT_EQUAL_FATAL(n_sp, 2);
    CU_ASSERT_STRING_EQUAL(sp[0].specialty, "Allergist");
    CU_ASSERT_EQUAL(cn_specialty_answers(&sp[0]), 1);
    CU_ASSERT_STRING_EQUAL(sp[1].specialty, "Plastic Surgeon");
    CU_ASSERT_EQUAL(sp[1].counts[CN_STANCE_REASSURING], 1);
    CU_ASSERT_EQUAL(sp[1].counts[CN_STANCE_CAUTIONARY], 1);
    CU_ASSERT_EQUAL(sp[1].counts[CN_STANCE_CONTRAINDICATED], 0);
    CU_ASSERT_EQUAL(cn_specialty_answers(&sp[1]), 2);
    /* no votes: no splits */
    CU_ASSERT_EQUAL_FATAL(cn_tally_specialties(NULL, 0, &sp, &n_sp, &cap, &err), CN_OK);
    CU_ASSERT_EQUAL(n_sp, 0);
    /* a vote without a stance */
    cn_tally_vote bad[] = {{CN_STANCE_COUNT, false, NULL}};
    CU_ASSERT_EQUAL(cn_tally_specialties(bad, 1, &sp, &n_sp, &cap, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(n_sp, 0);
    free(sp);
}

static void test_tally_no_dissent_on_tie(void)
{
    cn_tally_vote v[] = {{CN_STANCE_REASSURING, false, NULL}, {CN_STANCE_CAUTIONARY, false, NULL}};
    cn_tally t;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_tally_compute(v, 2, NULL, &t, &err), CN_OK);
    CU_ASSERT_TRUE(t.tie);
    CU_ASSERT_EQUAL(t.n_dissent, 0);
    CU_ASSERT_FALSE(cn_tally_dissents(&t, CN_STANCE_REASSURING));
    CU_ASSERT_FALSE(cn_tally_dissents(&t, CN_STANCE_CAUTIONARY));
    cn_tally_clear(&t);
    CU_ASSERT_EQUAL_FATAL(cn_tally_compute(NULL, 0, NULL, &t, &err), CN_OK);
    CU_ASSERT_STRING_EQUAL(t.summary, "No answers.");
    cn_tally_clear(&t);
}

/* ---- review queue ---- */

static void test_review_urgency_and_order(void)
{
    CU_ASSERT_EQUAL(cn_review_urgency(CN_REVIEW_DISSENT), 4);
    CU_ASSERT_EQUAL(cn_review_urgency(CN_REVIEW_CONFLICTING | CN_REVIEW_LOW_CONFIDENCE), 5);
    CU_ASSERT_EQUAL(cn_review_urgency(CN_REVIEW_EXCERPT), 1);
    CU_ASSERT_STRING_EQUAL(cn_review_reason_name(CN_REVIEW_DUPLICATE_METADATA),
                           "duplicate-metadata");
    cn_review_item it[] = {
        {.answer = 7, .reasons = CN_REVIEW_EXCERPT, .confidence = 0.2, .question = 0},
        {.answer = 3, .reasons = CN_REVIEW_DISSENT, .confidence = 0.9, .question = 1},
        {.answer = 1, .reasons = CN_REVIEW_DISSENT, .confidence = 0.9, .question = 0},
        {.answer = 5,
         .reasons = CN_REVIEW_CONFLICTING | CN_REVIEW_LOW_CONFIDENCE,
         .confidence = 0.4,
         .question = 2},
        {.answer = 4, .reasons = CN_REVIEW_DISSENT, .confidence = 0.6, .question = 2},
    };
    for (size_t i = 0; i < 5; i++)
        it[i].urgency = cn_review_urgency(it[i].reasons);
    CU_ASSERT_EQUAL(cn_review_sort(it, 5, 0, CN_REVIEW_MOST_URGENT_FIRST), CN_OK);
    size_t want[] = {5, 4, 1, 3, 7};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(it[i].answer, want[i]);
    /* Rounds of one item per question: question 2's second item (answer 4)
     * waits until every question has had its first. */
    CU_ASSERT_EQUAL(cn_review_sort(it, 5, 1, CN_REVIEW_MOST_URGENT_FIRST), CN_OK);
    size_t rounds[] = {5, 1, 3, 4, 7};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(it[i].answer, rounds[i]);
    CU_ASSERT_EQUAL(it[3].round, 1);
    /* Least sure first: confidence decides, urgency only between equal
     * confidences (answers 1 and 3: both dissent at 0.9, so question order). */
    CU_ASSERT_EQUAL(cn_review_sort(it, 5, 0, CN_REVIEW_LEAST_SURE_FIRST), CN_OK);
    size_t least_sure[] = {7, 5, 4, 1, 3};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(it[i].answer, least_sure[i]);
    /* In rounds of one a question: question 0's second item (answer 1) and
     * question 2's (answer 4) wait for question 1's first (answer 3). */
    CU_ASSERT_EQUAL(cn_review_sort(it, 5, 1, CN_REVIEW_LEAST_SURE_FIRST), CN_OK);
    size_t least_sure_rounds[] = {7, 5, 3, 4, 1};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(it[i].answer, least_sure_rounds[i]);
    /* A pivotal answer weighs like a dissent. */
    CU_ASSERT_EQUAL(cn_review_urgency(CN_REVIEW_PIVOTAL | CN_REVIEW_LOW_CONFIDENCE), 6);
    CU_ASSERT_STRING_EQUAL(cn_review_reason_name(CN_REVIEW_PIVOTAL), "pivotal");
    CU_ASSERT_EQUAL(cn_review_urgency(CN_REVIEW_CLAIM_FIT), 3);
    CU_ASSERT_STRING_EQUAL(cn_review_reason_name(CN_REVIEW_CLAIM_FIT), "claim-fit");
}

/* ---- analysis of hand-built pages ---- */

static cn_rules *load_rules(void)
{
    const char *dir = getenv("CONSENSUS_RULES");
    cn_rules *rules = NULL;
    cn_error err;
    int rc = cn_rules_load(dir && *dir ? dir : "rules", &rules, NULL, NULL, &err);
    CU_ASSERT_EQUAL(rc, CN_OK);
    return rc == CN_OK ? rules : NULL;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

typedef struct spec_answer {
    const char *text;
    const char *name;
    const char *specialty;
    const char *id;
    const char *dup_of;
    bool related;
} spec_answer;

/* An analysis with few redraws: these tests check records and counts, not
 * the Monte Carlo figures. */
static cn_analysis *small_analysis_new(const cn_rules *rules)
{
    cn_analysis_opts o;
    cn_analysis_opts_init(&o);
    o.bootstrap = 50;
    o.simulate = 50;
    return cn_analysis_new(rules, &o);
}

static cn_page *make_page(const char *file, const char *question, const char *qid,
                          const spec_answer *answers, size_t n)
{
    cn_page *p = calloc(1, sizeof *p);
    p->path = strdup(file);
    p->file = strdup(file);
    p->question = dup_or_null(question);
    p->declared_answers = -1;
    snprintf(p->question_id, sizeof p->question_id, "%s", qid);
    p->answers = calloc(n, sizeof *p->answers);
    p->n_answers = n;
    for (size_t i = 0; i < n; i++) {
        cn_answer *a = &p->answers[i];
        a->index = i + 1;
        a->text = strdup(answers[i].text);
        a->physician.name = dup_or_null(answers[i].name);
        a->physician.specialty = dup_or_null(answers[i].specialty);
        a->related = answers[i].related;
        snprintf(a->answer_id, sizeof a->answer_id, "%s", answers[i].id);
        snprintf(a->duplicate_of, sizeof a->duplicate_of, "%s",
                 answers[i].dup_of ? answers[i].dup_of : "");
    }
    return p;
}

static const spec_answer PAGE_A[] = {
    {"It is not safe to use Botox to reduce muscle mass in your arms or legs. Don't do it.",
     "Ann Lee, MD", "Dermatologist", "1111111111111111", NULL, false},
    {"The amount of Botox needed for the calves would be dangerous. I would not recommend it.",
     "Bob Roe, MD", "Plastic Surgeon", "2222222222222222", NULL, false},
    {"Botox in the calf is sometimes done and is safe in experienced hands, no concern.", NULL,
     NULL, "3333333333333333", NULL, false},
};
/* A flat rendering: one repeat with another name, one new answer, one related excerpt. */
static const spec_answer PAGE_B[] = {
    {"It is not safe to use Botox to reduce muscle mass in your arms or legs. Don't do it!",
     "Someone Else, MD", NULL, "1111111111111111", "1111111111111111", false},
    {"Huge doses of Botox for the legs are unsafe; do not do it.", NULL, NULL, "4444444444444444",
     NULL, false},
    {"Use of Botox is contraindicated during pregnancy. Period...", NULL, NULL, "5555555555555555",
     NULL, true},
};
/* Another question, linked to A only by a duplicate (its own question_id differs). */
static const spec_answer PAGE_C[] = {
    {"The amount of Botox needed for the calves would be dangerous. I would not recommend it.",
     "Bob Roe, MD", "Plastic Surgeon", "2222222222222222", "2222222222222222", false},
};
static const spec_answer PAGE_D[] = {
    {"Masseter Botox does not cause bone loss; I have never seen it in my patients.", "Cy Doe, MD",
     "Dermatologist", "6666666666666666", NULL, false},
};

/* Ids that are not 16 lower-case hex digits (pages given by hand, another
 * tool's ids) are kept as text: each answer gives its id back as it came, and
 * a duplicate finds the original by it (issue 14: the record keeps an id of
 * 16 hex digits as a number). */
static const spec_answer PAGE_TEXT_IDS[] = {
    {"It is not safe to use Botox to reduce muscle mass in your arms or legs. Don't do it.",
     "Ann Lee, MD", "Dermatologist", "Answer-1", NULL, false},
    {"The amount of Botox needed for the calves would be dangerous. I would not recommend it.",
     "Bob Roe, MD", "Plastic Surgeon", "ABCDEF0123456789", NULL, false},
    {"Botox in the calf is sometimes done and is safe in experienced hands, no concern.", NULL,
     NULL, "0123456789abcdef", NULL, false},
    {"It is not safe to use Botox to reduce muscle mass in your arms or legs. Don't do it!",
     "Someone Else, MD", NULL, "Answer-1", "Answer-1", false},
};

static void test_analysis_text_ids(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    CU_ASSERT_EQUAL(cn_analysis_add_page(an,
                                         make_page("a.txt", "Can Botox reduce leg muscle?",
                                                   "aaaaaaaaaaaaaaaa", PAGE_TEXT_IDS, 4),
                                         &err),
                    CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL_FATAL(r->n_answers, 4);
    for (size_t i = 0; i < 4; i++)
        CU_ASSERT_STRING_EQUAL(CN_ANSWER_ID(r, &r->answers[i]), PAGE_TEXT_IDS[i].id);
    CU_ASSERT_EQUAL(r->answers[3].role, CN_ROLE_DUPLICATE);
    CU_ASSERT_EQUAL(cn_analysis_original(r, &r->answers[3]), 0);
    CU_ASSERT_EQUAL(r->distinct_answers, 3);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* An answer's page is not in its record (issue 14: 4 bytes an answer): it is
 * found from a checkpoint every few answers and the pages' first answers.
 * Pages of 1 to 37 answers (and an empty one) put page starts on both sides
 * of the checkpoints; every answer must give back its own page's file,
 * question, place and index, and the page loaded for it. A page's first
 * index is kept only where it is not 1 (every third page here starts at 10,
 * and one answer jumps), and a page's claim only where it is not its
 * question's (the last page is in the first page's question under a
 * title of another claim, joined to it by a duplicate answer). */
static const size_t PAGE_SIZES[] = {1, 20, 3, 0, 17, 2, 37, 1, 16, 15, 5, 33, 1, 1, 9};
#define N_SIZED_PAGES (sizeof PAGE_SIZES / sizeof *PAGE_SIZES)

/* The index in its file of answer k of sized page p. */
static size_t sized_index(size_t p, size_t k)
{
    size_t first = p % 3 == 1 ? 10 : 1;
    return first + k + (p == 4 && k >= 2 ? 100 : 0);
}

/* Answer n's physician's rating and review count (a physician is 20 bytes:
 * its rating by number, a count that does not fit 32 bits below the two
 * marks kept aside): ratings that differ only in their last bit, none, and
 * counts of 0, small, at the marks and beyond 32 bits. */
static void sized_physician(size_t n, cn_physician *ph)
{
    ph->has_rating = n % 3 != 0;
    ph->rating = ph->has_rating ? (double)(n % 5) + (n % 2 ? 0.1 + 0.2 : 0.3) : 0;
    ph->has_reviews = n % 5 != 0;
    static const long marks[] = {0, 4294967294L, 4294967295L, 4294967296L, 5000000000L};
    ph->reviews = !ph->has_reviews ? 0 : n % 2 ? (long)n * 7 : marks[(n / 2) % 5];
}

static void test_analysis_answer_pages(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    char texts[37][96], ids[37][CN_ID_LEN + 1], names[37][24];
    spec_answer sa[37];
    size_t id = 1;
    for (size_t p = 0; p < N_SIZED_PAGES; p++) {
        for (size_t k = 0; k < PAGE_SIZES[p]; k++, id++) {
            snprintf(texts[k], sizeof texts[k],
                     "Botox in the calf is safe in experienced hands, answer %zu of page %zu.", k,
                     p);
            snprintf(ids[k], sizeof ids[k], "%016zx", id);
            snprintf(names[k], sizeof names[k], "Doc %zu, MD", id);
            sa[k] = (spec_answer){texts[k], names[k], "Dermatologist", ids[k], NULL, false};
        }
        char file[32], qid[CN_ID_LEN + 1];
        snprintf(file, sizeof file, "page%02zu.txt", p);
        snprintf(qid, sizeof qid, "%016zx", 0xa000 + p);
        if (p + 1 == N_SIZED_PAGES) /* joined to page 0's question by a duplicate */
            sa[0] = (spec_answer){texts[0],           names[0],           "Dermatologist",
                                  "0000000000000001", "0000000000000001", false};
        cn_page *pg = make_page(file,
                                p + 1 < N_SIZED_PAGES ? "Can Botox slim the calves?"
                                                      : "Is smoking before my facelift surgery ok?",
                                qid, sa, PAGE_SIZES[p]);
        for (size_t k = 0; k < pg->n_answers; k++) {
            pg->answers[k].index = sized_index(p, k);
            sized_physician(id - pg->n_answers + k, &pg->answers[k].physician);
        }
        CU_ASSERT_EQUAL_FATAL(cn_analysis_add_page(an, pg, &err), CN_OK);
    }
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL_FATAL(r->n_answers, id - 1);
    size_t i = 0;
    const char *first_claim = "";
    for (size_t p = 0; p < N_SIZED_PAGES; p++) {
        char file[32], qid[CN_ID_LEN + 1];
        snprintf(file, sizeof file, "page%02zu.txt", p);
        snprintf(qid, sizeof qid, "%016zx", 0xa000 + (p + 1 < N_SIZED_PAGES ? p : 0));
        for (size_t k = 0; k < PAGE_SIZES[p]; k++, i++) {
            const cn_analysis_answer *a = &r->answers[i];
            const char *f = cn_analysis_file_of(r, a);
            CU_ASSERT_PTR_NOT_NULL_FATAL(f);
            CU_ASSERT_STRING_EQUAL(f, file);
            CU_ASSERT_EQUAL(cn_analysis_answer_in_page(r, a), k);
            CU_ASSERT_EQUAL(cn_analysis_answer_index(r, a), sized_index(p, k));
            size_t q = cn_analysis_answer_question(r, a);
            CU_ASSERT_FATAL(q < r->n_questions);
            CU_ASSERT_STRING_EQUAL(r->questions[q].id, qid);
            char name[24];
            snprintf(name, sizeof name, "Doc %zu, MD", i + 1);
            const cn_physician *ph = cn_analysis_physician(r, i);
            CU_ASSERT_STRING_EQUAL(ph->name, name);
            cn_physician want = {0};
            sized_physician(i + 1, &want);
            CU_ASSERT_EQUAL(ph->has_rating, want.has_rating);
            CU_ASSERT_TRUE(!memcmp(&ph->rating, &want.rating, sizeof want.rating));
            CU_ASSERT_EQUAL(ph->has_reviews, want.has_reviews);
            CU_ASSERT_EQUAL(ph->reviews, want.reviews);
            CU_ASSERT_EQUAL(cn_analysis_load_answer(r, i, &err), CN_OK);
            const cn_page *pg = cn_analysis_page_of(r, i);
            CU_ASSERT_PTR_NOT_NULL_FATAL(pg);
            CU_ASSERT_STRING_EQUAL(pg->file, file);
            const cn_answer *ans = cn_analysis_answer_of(r, i);
            CU_ASSERT_PTR_NOT_NULL_FATAL(ans);
            CU_ASSERT_EQUAL(ans->index, sized_index(p, k));
            /* verdict 0 is on the claim its page was judged against */
            const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
            CU_ASSERT_PTR_NOT_NULL_FATAL(pa);
            const char *judged = pa->answers[k].claims[0].claim_id;
            CU_ASSERT_STRING_EQUAL(r->claims[cn_analysis_verdict(r, a, 0).claim].id, judged);
            if (p == 0)
                first_claim = judged;
            else if (p + 1 == N_SIZED_PAGES)
                CU_ASSERT_STRING_NOT_EQUAL(judged, first_claim); /* the exception is used */
        }
    }
    check_specialties(r); /* a claim voted on from another question's page */
    cn_analysis_free(an);
    cn_rules_free(rules);
}

static void test_analysis_groups_and_counts(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    CU_ASSERT_EQUAL(cn_analysis_add_page(an,
                                         make_page("a.txt",
                                                   "Can Botox reduce muscle mass in "
                                                   "arms or legs?",
                                                   "aaaaaaaaaaaaaaaa", PAGE_A, 3),
                                         &err),
                    CN_OK);
    CU_ASSERT_EQUAL(
        cn_analysis_add_page(an, make_page("b.txt", NULL, "aaaaaaaaaaaaaaaa", PAGE_B, 3), &err),
        CN_OK);
    CU_ASSERT_EQUAL(
        cn_analysis_add_page(an, make_page("c.txt", NULL, "cccccccccccccccc", PAGE_C, 1), &err),
        CN_OK);
    CU_ASSERT_EQUAL(cn_analysis_add_page(an,
                                         make_page("d.txt", "Masseter Botox and bone loss?",
                                                   "dddddddddddddddd", PAGE_D, 1),
                                         &err),
                    CN_OK);
    CU_ASSERT_EQUAL(cn_analysis_add_skipped(an, "/abs/path/e.txt", "empty file", &err), CN_OK);
    CU_ASSERT_PTR_NULL(cn_analysis_result_get(an));
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);

    CU_ASSERT_EQUAL(r->files_read, 4);
    CU_ASSERT_EQUAL(r->total_answers, 8);
    CU_ASSERT_EQUAL(r->distinct_answers, 5); /* A1 A2 A3 B2 D1 */
    CU_ASSERT_EQUAL(r->duplicates, 2);       /* B1, C1 */
    CU_ASSERT_EQUAL(r->related, 1);          /* B3 */
    CU_ASSERT_EQUAL_FATAL(r->n_skipped, 1);
    CU_ASSERT_STRING_EQUAL(r->skipped[0].file, "e.txt"); /* no paths in reports */

    /* a, b (same question_id) and c (a duplicate of a's answer) are one question */
    CU_ASSERT_EQUAL_FATAL(r->n_questions, 2);
    const cn_analysis_question *q = &r->questions[0];
    CU_ASSERT_STRING_EQUAL(q->id, "aaaaaaaaaaaaaaaa");
    CU_ASSERT_STRING_EQUAL(q->question, "Can Botox reduce muscle mass in arms or legs?");
    CU_ASSERT_EQUAL(q->n_answers, 4);
    CU_ASSERT_EQUAL(q->n_duplicates, 2);
    CU_ASSERT_EQUAL(q->n_related, 1);
    CU_ASSERT_EQUAL_FATAL(q->n_files, 3);
    size_t n_files = 0;
    const char *const *files = cn_analysis_question_files(r, 0, &n_files);
    CU_ASSERT_EQUAL_FATAL(n_files, 3);
    CU_ASSERT_STRING_EQUAL(files[0], "a.txt");
    CU_ASSERT_STRING_EQUAL(files[1], "b.txt");
    CU_ASSERT_STRING_EQUAL(files[2], "c.txt");
    check_claim_files(r);
    check_specialties(r);
    size_t n_sp = 0;
    const cn_specialty_count *sp = cn_analysis_question_specialties(r, 0, &n_sp);
    CU_ASSERT_EQUAL_FATAL(n_sp, 3); /* Dermatologist, Plastic Surgeon, unknown */
    CU_ASSERT_STRING_EQUAL(sp[0].specialty, "Dermatologist");
    CU_ASSERT_STRING_EQUAL(sp[1].specialty, "Plastic Surgeon");
    CU_ASSERT_PTR_NULL(sp[2].specialty);
    long sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += q->tally.counts[k];
    CU_ASSERT_EQUAL(sum, 4); /* a duplicate counts once, the excerpt not at all */
    CU_ASSERT_STRING_EQUAL(r->claims[q->claim].id, "botox-limb-muscle-reduction");

    /* every answer is in one list of its question, the list of its role, in
     * corpus order: the lists walked from the questions' pages are the
     * answers of that question and role in order, read forward, backward
     * (the cursor starts again), and through the loader's cursors */
    size_t listed = 0;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const cn_analysis_question *qq = &r->questions[qi];
        size_t lens[3] = {qq->n_answers, qq->n_duplicates, qq->n_related};
        for (int role = 0; role < 3; role++) {
            size_t k = 0;
            cn_answer_cursor fwd = {0}, back = {0};
            for (size_t i = 0; i < r->n_answers; i++) {
                const cn_analysis_answer *a = &r->answers[i];
                if ((int)a->role != role || cn_analysis_answer_question(r, a) != qi)
                    continue;
                CU_ASSERT_TRUE_FATAL(k < lens[role]);
                CU_ASSERT_EQUAL(cn_analysis_role_answer(r, &fwd, qi, role, k), i);
                CU_ASSERT_EQUAL(cn_analysis_role_answer(r, &fwd, qi, role, k), i); /* again */
                CU_ASSERT_EQUAL(cn_analysis_question_answer(r, qi, role, k), i);
                CU_ASSERT_EQUAL(cn_analysis_role_answer(r, &back, qi, role, lens[role] - 1 - k),
                                cn_analysis_question_answer(r, qi, role, lens[role] - 1 - k));
                k++;
                listed++;
            }
            CU_ASSERT_EQUAL(k, lens[role]);
            CU_ASSERT_EQUAL(cn_analysis_role_answer(r, &fwd, qi, role, k), 0); /* past it */
        }
    }
    CU_ASSERT_EQUAL(listed, r->n_answers);

    /* the related excerpt takes `none` on the primary claim */
    const uint32_t rel0 = cn_analysis_question_answer(r, 0, CN_ROLE_RELATED, 0);
    const uint32_t dup0 = cn_analysis_question_answer(r, 0, CN_ROLE_DUPLICATE, 0);
    const uint32_t dup1 = cn_analysis_question_answer(r, 0, CN_ROLE_DUPLICATE, 1);
    const cn_analysis_answer *rel = &r->answers[rel0];
    CU_ASSERT_EQUAL(rel->role, CN_ROLE_RELATED);
    CU_ASSERT_EQUAL(cn_analysis_answer_stance(rel), CN_STANCE_NONE);
    /* ... and counts in no claim's tally, whatever else it talks about */
    for (size_t c = 0; c < r->n_claims; c++)
        for (size_t m = 0; m < r->claims[c].n_members; m++)
            CU_ASSERT_NOT_EQUAL(cn_analysis_claim_member(r, &r->claims[c], m).answer, rel0);

    /* Issue 12: a claim's tally counts the answers to the questions whose
     * primary claim it is, one vote each; answers that mention it on other
     * questions come after them in members[] and are not counted. */
    size_t shared = 0, own = 0;
    for (size_t c = 0; c < r->n_claims; c++) {
        const cn_analysis_claim *cl = &r->claims[c];
        /* a shared tally is its one question's, an own one no question's */
        CU_ASSERT_PTR_NOT_NULL_FATAL(cl->tally);
        if (cl->tally_shared)
            CU_ASSERT_PTR_EQUAL(cl->tally, &r->questions[cl->questions[0]].tally);
        for (size_t qi = 0; qi < r->n_questions && !cl->tally_shared; qi++)
            CU_ASSERT_PTR_NOT_EQUAL(cl->tally, &r->questions[qi].tally);
        shared += cl->tally_shared;
        own += !cl->tally_shared;
        long votes = 0, mentions = 0;
        for (int k = 0; k < CN_STANCE_COUNT; k++) {
            votes += cl->tally->counts[k];
            mentions += cl->mention_counts[k];
        }
        CU_ASSERT_EQUAL(votes, (long)cl->n_primary);
        CU_ASSERT_EQUAL(mentions, (long)(cl->n_members - cl->n_primary));
        for (size_t m = 0; m < cl->n_members; m++)
            CU_ASSERT_EQUAL(cn_analysis_claim_member(r, cl, m).verdict == 0, m < cl->n_primary);
    }
    CU_ASSERT_TRUE(shared > 0); /* a question's tally read through its claim */
    (void)own;
    CU_ASSERT_EQUAL(r->claims[q->claim].n_primary, (size_t)sum);

    /* b's repeat names another physician: queued with its reason; c's agrees: not */
    const cn_analysis_answer *d1 = &r->answers[dup0];
    const cn_analysis_answer *d2 = &r->answers[dup1];
    CU_ASSERT_EQUAL(cn_analysis_original(r, d1),
                    cn_analysis_question_answer(r, 0, CN_ROLE_COUNTED, 0));
    CU_ASSERT_TRUE(d1->review & CN_REVIEW_DUPLICATE_METADATA);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cn_analysis_metadata_note(r, dup0));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(cn_analysis_metadata_note(r, dup0), "'Ann Lee, MD' vs 'Someone Else, MD'"));
    CU_ASSERT_EQUAL(d2->review, 0);
    bool queued = false;
    for (size_t i = 0; i < r->n_review; i++)
        queued |= r->review[i] == dup0;
    CU_ASSERT_TRUE(queued);
    for (size_t i = 1; i < r->n_review; i++)
        CU_ASSERT_TRUE(cn_analysis_review_item(r, i - 1).urgency >=
                       cn_analysis_review_item(r, i).urgency);

    /* corpus figures agree with the questions */
    size_t pairable = 0;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_consensus_result buf;
        const cn_consensus_result *k = cn_tally_consensus(&r->questions[i].tally, &buf);
        if (k->stance_answers >= 2)
            pairable += (size_t)k->stance_answers;
    }
    CU_ASSERT_EQUAL(r->agreement.nominal.pairable_values, pairable);
    CU_ASSERT_EQUAL(r->agreement.questions, 2);
    CU_ASSERT_EQUAL(r->agreement.physicians, 5); /* Ann, Bob, Cy + two unsigned answers */
    long in_groups = 0;
    for (size_t g = 0; g < r->specialties.n_groups; g++)
        in_groups += r->specialties.groups[g].answers;
    CU_ASSERT_EQUAL(in_groups, 5);
    CU_ASSERT_EQUAL(r->specialties.n_tested, 2); /* Dermatologist, Plastic Surgeon */
    CU_ASSERT_PTR_NULL(r->specialties.groups[r->specialties.n_groups - 1].specialty);

    /* answers.jsonl, written from the classify lines' text (issue 14), is the
     * tree of cn_report_answer_line_new printed line by line, byte for byte;
     * c.txt's answer is grouped under a.txt's question_id */
    char *jsonl = NULL, *want = NULL;
    size_t jsonl_len = 0, want_len = 0;
    CU_ASSERT_EQUAL_FATAL(cn_report_answers_render(r, &jsonl, &jsonl_len, &err), CN_OK);
    FILE *f = open_memstream(&want, &want_len);
    for (size_t i = 0; f && i < r->n_answers; i++) {
        CU_ASSERT_PTR_NULL(i ? NULL : cn_report_answer_line_new(r, i)); /* not loaded */
        CU_ASSERT_EQUAL(cn_analysis_load_answer(r, i, &err), CN_OK);
        cJSON *line = cn_report_answer_line_new(r, i);
        char *text = line ? cJSON_PrintUnformatted(line) : NULL;
        CU_ASSERT_PTR_NOT_NULL(text);
        fprintf(f, "%s\n", text ? text : "");
        cJSON_free(text);
        cJSON_Delete(line);
    }
    fclose(f);
    CU_ASSERT_EQUAL(jsonl_len, want_len);
    CU_ASSERT_STRING_EQUAL(jsonl, want);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(jsonl, "\"file\":\"c.txt\",\"index\":1,\"answer_id\":\"2222222222222222\","
                      "\"question_id\":\"aaaaaaaaaaaaaaaa\""));
    free(jsonl);
    free(want);

    CU_ASSERT_EQUAL(cn_analysis_finish(an, &err), CN_ERR_USAGE);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* The files of a question with more pages than the loader keeps room for
 * (its list's room is given back before a much shorter list), then of a
 * short one, then the long one again: each list whole and in byte order. */
#define MANY_PAGES 4500

static void check_many_files(const cn_analysis_result *r, size_t q, size_t want)
{
    size_t n = 0;
    const char *const *files = cn_analysis_question_files(r, q, &n);
    CU_ASSERT_EQUAL_FATAL(n, want);
    for (size_t k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof name, want > 2 ? "m%05zu.txt" : "s%05zu.txt", k);
        CU_ASSERT_STRING_EQUAL(files[k], name);
    }
}

static void test_analysis_files_room(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    for (size_t p = 0; p < MANY_PAGES + 2; p++) {
        bool small = p >= MANY_PAGES;
        char file[32], id[CN_ID_LEN + 1];
        snprintf(file, sizeof file, small ? "s%05zu.txt" : "m%05zu.txt",
                 small ? p - MANY_PAGES : MANY_PAGES - 1 - p); /* read in reverse order */
        snprintf(id, sizeof id, "%016zx", 0x100000 + p);
        spec_answer sa = {
            "Botox in the calf is safe in experienced hands.", NULL, NULL, id, NULL, false};
        cn_page *pg = make_page(file, small ? "Does Botox wear off?" : "Can Botox slim the calves?",
                                small ? "bbbbbbbbbbbbbbbb" : "aaaaaaaaaaaaaaaa", &sa, 1);
        CU_ASSERT_EQUAL_FATAL(cn_analysis_add_page(an, pg, &err), CN_OK);
    }
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL_FATAL(r->n_questions, 2);
    CU_ASSERT_EQUAL(r->questions[0].n_files, MANY_PAGES);
    CU_ASSERT_EQUAL(r->questions[1].n_files, 2);
    check_many_files(r, 0, MANY_PAGES);
    check_many_files(r, 1, 2);
    check_many_files(r, 0, MANY_PAGES);
    check_many_files(r, 1, 2);
    for (size_t c = 0; c < r->n_claims; c++) { /* a claim's files between them */
        size_t n = 0;
        cn_analysis_claim_files(r, &r->claims[c], &n);
        CU_ASSERT_TRUE(n <= MANY_PAGES + 2);
    }
    check_many_files(r, 1, 2);
    check_many_files(r, 0, MANY_PAGES);
    CU_ASSERT_EQUAL(cn_analysis_load_status(r, &err), CN_OK);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* The pages' file names on disk (issue 14, mem24b): 40 pages over more than NAME_STEP
 * (16) names, a name on pages in a row and again later, names of 1 to 200 bytes, a page
 * without a file; each answer's name asked for forward, backward and by a stride of 7, on
 * the result and on a fork, and the question's list of its distinct names in byte order. */
#define NAMED_PAGES 40

static void named_file(size_t p, char *out, size_t size)
{
    size_t k = p == 5 || p == 6 ? 4 : p == 30 ? 4 : p; /* 4, 5, 6 in a row; 30 again later */
    size_t len = 1 + (k * 37) % 200;
    for (size_t i = 0; i < len && i + 1 < size; i++)
        out[i] = (char)('a' + (k + i) % 26);
    out[len < size ? len : size - 1] = '\0';
    snprintf(out, size > 4 ? 4 : size, "%02zu", k); /* distinct names: the number first */
    out[2] = len > 2 ? '_' : out[2];
}

static void check_named_files(const cn_analysis_result *r, size_t step, bool backward)
{
    for (size_t n = 0; n < NAMED_PAGES; n++) {
        size_t i = backward ? NAMED_PAGES - 1 - n : (n * step) % NAMED_PAGES;
        const char *f = cn_analysis_file_of(r, &r->answers[i]);
        if (i == 17) {
            CU_ASSERT_PTR_NULL(f);
            continue;
        }
        char want[256];
        named_file(i, want, sizeof want);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_STRING_EQUAL(f, want);
    }
}

static void test_analysis_file_names(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    for (size_t p = 0; p < NAMED_PAGES; p++) {
        char file[256], id[CN_ID_LEN + 1];
        named_file(p, file, sizeof file);
        snprintf(id, sizeof id, "%016zx", 0x200000 + p);
        spec_answer sa = {
            "Botox in the calf is safe in experienced hands.", NULL, NULL, id, NULL, false};
        cn_page *pg = make_page(file, "Can Botox slim the calves?", "cccccccccccccccc", &sa, 1);
        if (p == 17) { /* no file */
            free(pg->file);
            pg->file = NULL;
        }
        CU_ASSERT_EQUAL_FATAL(cn_analysis_add_page(an, pg, &err), CN_OK);
    }
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL_FATAL(r->n_answers, NAMED_PAGES);
    CU_ASSERT_EQUAL_FATAL(r->n_questions, 1);
    check_named_files(r, 1, false);
    check_named_files(r, 1, true);
    check_named_files(r, 7, false);
    cn_analysis_result *fork = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_analysis_result_fork(r, &fork, &err), CN_OK);
    check_named_files(fork, 7, false);
    check_named_files(fork, 1, true);
    cn_analysis_result_fork_free(fork);
    /* the list: 37 distinct names (5, 6 and 30 are 4's) and "" for the page without one */
    size_t n = 0;
    const char *const *files = cn_analysis_question_files(r, 0, &n);
    CU_ASSERT_EQUAL_FATAL(n, NAMED_PAGES - 3);
    CU_ASSERT_EQUAL(r->questions[0].n_files, NAMED_PAGES - 3);
    CU_ASSERT_STRING_EQUAL(files[0], "");
    for (size_t k = 1; k < n; k++)
        CU_ASSERT_TRUE(strcmp(files[k - 1], files[k]) < 0);
    size_t nc = 0;
    for (size_t c = 0; c < r->n_claims; c++) /* the claim's votes: the same names */
        if (r->claims[c].n_primary == NAMED_PAGES) {
            const char *const *cf = cn_analysis_claim_files(r, &r->claims[c], &nc);
            CU_ASSERT_EQUAL_FATAL(nc, NAMED_PAGES - 3);
            for (size_t k = 1; k < nc; k++)
                CU_ASSERT_TRUE(strcmp(cf[k - 1], cf[k]) < 0);
        }
    CU_ASSERT_EQUAL(cn_analysis_load_status(r, &err), CN_OK);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* The answers' physicians on disk (issue 14, mem25): each answer's physician number, 4
 * bytes in answer order, read PHYS_BLOCK (1,024) at a time through a loader. 3,000 answers
 * over 30 pages of two questions (three blocks, the last one short), physicians named again
 * after 800 answers and again within a block, some answers with no physician at all; each
 * answer's number and name asked for forward, backward and by a stride of 7 (a block each
 * time), on the result and on a fork, the corpus' coders and specialties counted from them. */
#define PHYS_PAGES 30
#define PHYS_PER_PAGE 100
#define PHYS_ANSWERS (PHYS_PAGES * PHYS_PER_PAGE)
#define PHYS_NAMES 800

static const char *const PHYS_SPECIALTIES[] = {"Dermatologist", "Plastic Surgeon",
                                               "Facial Plastic Surgeon"};

/* Answer n's physician's name number (n % PHYS_NAMES), or PHYS_NAMES: none at all. */
static size_t phys_name_of(size_t n)
{
    return n % 11 == 5 ? PHYS_NAMES : n % PHYS_NAMES;
}

static void check_physicians(const cn_analysis_result *r, const uint32_t *want, size_t step,
                             bool backward)
{
    for (size_t n = 0; n < PHYS_ANSWERS; n++) {
        size_t i = backward ? PHYS_ANSWERS - 1 - n : (n * step) % PHYS_ANSWERS;
        CU_ASSERT_EQUAL(cn_analysis_answer_physician(r, i), want[i]);
        const cn_physician *ph = cn_analysis_physician(r, i);
        size_t k = phys_name_of(i);
        if (k == PHYS_NAMES) {
            CU_ASSERT_PTR_NULL(ph->name);
            CU_ASSERT_PTR_NULL(ph->specialty);
            continue;
        }
        char name[24];
        snprintf(name, sizeof name, "Doc %zu, MD", k);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ph->name);
        CU_ASSERT_STRING_EQUAL(ph->name, name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ph->specialty);
        CU_ASSERT_STRING_EQUAL(ph->specialty, PHYS_SPECIALTIES[k % 3]);
    }
    cn_error err;
    CU_ASSERT_EQUAL(cn_analysis_load_status(r, &err), CN_OK);
}

static void test_analysis_physicians_on_disk(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    static char texts[PHYS_PER_PAGE][96], ids[PHYS_PER_PAGE][CN_ID_LEN + 1],
        names[PHYS_PER_PAGE][24];
    spec_answer sa[PHYS_PER_PAGE];
    for (size_t p = 0; p < PHYS_PAGES; p++) {
        for (size_t k = 0; k < PHYS_PER_PAGE; k++) {
            size_t n = p * PHYS_PER_PAGE + k, who = phys_name_of(n);
            snprintf(texts[k], sizeof texts[k],
                     k % 2 ? "Botox in the calf is safe in experienced hands, answer %zu."
                           : "It is not safe to use Botox in the calves, answer %zu.",
                     n);
            snprintf(ids[k], sizeof ids[k], "%016zx", 0x300000 + n);
            snprintf(names[k], sizeof names[k], "Doc %zu, MD", who);
            sa[k] = (spec_answer){texts[k],
                                  who == PHYS_NAMES ? NULL : names[k],
                                  who == PHYS_NAMES ? NULL : PHYS_SPECIALTIES[who % 3],
                                  ids[k],
                                  NULL,
                                  false};
        }
        char file[32];
        snprintf(file, sizeof file, "phys%02zu.txt", p);
        cn_page *pg = make_page(file, "Can Botox slim the calves?",
                                p % 2 ? "dddddddddddddddd" : "eeeeeeeeeeeeeeee", sa, PHYS_PER_PAGE);
        CU_ASSERT_EQUAL_FATAL(cn_analysis_add_page(an, pg, &err), CN_OK);
    }
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL_FATAL(r->n_answers, PHYS_ANSWERS);
    CU_ASSERT_EQUAL_FATAL(r->n_questions, 2);
    /* physicians are numbered in order of first use; a nameless one is one physician */
    uint32_t *want = malloc(PHYS_ANSWERS * sizeof *want);
    uint32_t number_of[PHYS_NAMES + 1];
    size_t used = 0, nameless = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    memset(number_of, 0xff, sizeof number_of);
    for (size_t n = 0; n < PHYS_ANSWERS; n++) {
        size_t k = phys_name_of(n);
        if (number_of[k] == UINT32_MAX)
            number_of[k] = (uint32_t)used++;
        want[n] = number_of[k];
        nameless += k == PHYS_NAMES;
    }
    CU_ASSERT_EQUAL(r->n_physicians, used);
    check_physicians(r, want, 1, false);
    check_physicians(r, want, 1, true);
    check_physicians(r, want, 7, false);
    cn_analysis_result *fork = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_analysis_result_fork(r, &fork, &err), CN_OK);
    check_physicians(fork, want, 7, false);
    CU_ASSERT_EQUAL(cn_analysis_answer_physician(r, 0), want[0]); /* the result's own block */
    check_physicians(fork, want, 1, true);
    cn_analysis_result_fork_free(fork);
    /* every answer is counted: the coders are the named physicians and each nameless answer */
    CU_ASSERT_EQUAL(r->distinct_answers, PHYS_ANSWERS);
    CU_ASSERT_EQUAL(r->agreement.physicians, (used - 1) + nameless);
    /* the corpus' specialties: the three named ones, then the unknown */
    CU_ASSERT_EQUAL_FATAL(r->specialties.n_groups, 4);
    long by_specialty[4] = {0};
    for (size_t n = 0; n < PHYS_ANSWERS; n++) {
        size_t k = phys_name_of(n);
        by_specialty[k == PHYS_NAMES ? 3 : k % 3]++;
    }
    for (size_t g = 0; g < 4; g++) {
        const cn_specialty_group *grp = &r->specialties.groups[g];
        size_t s = 3;
        for (size_t t = 0; t < 3 && grp->specialty; t++)
            if (!strcmp(grp->specialty, PHYS_SPECIALTIES[t]))
                s = t;
        CU_ASSERT_EQUAL(s == 3, grp->specialty == NULL);
        CU_ASSERT_EQUAL(grp->answers, by_specialty[s]);
    }
    check_specialties(r); /* the questions' and claims' splits, read through the loader */
    free(want);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

static void test_analysis_empty(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = cn_analysis_new(rules, NULL);
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_EQUAL(r->n_questions, 0);
    CU_ASSERT_EQUAL(r->n_review, 0);
    CU_ASSERT_TRUE(isnan(r->agreement.nominal.alpha));
    CU_ASSERT_TRUE(isnan(r->specialties.test.chi_square));
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* The page records wait on disk until the primary claims (the twenty-fifth
 * memory pass): read in order to make the questions, each question's first
 * page by its offset. Three questions whose 300 pages interleave, the first
 * three pages without a title: each question takes the title of its first
 * page that has one, the largest declared count of its pages, its 100
 * files, and its first page's claim; the same as one of its pages alone. */
static void same_str_or_null(const char *a, const char *b);

static void test_analysis_pages_back_interleaved(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_analysis *an = small_analysis_new(rules);
    cn_error err;
    static const char *const ids[3] = {"aaaaaaaaaaaaaaa1", "aaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaa3"};
    for (int p = 0; p < 300; p++) {
        char file[32], title[64];
        snprintf(file, sizeof file, "page%03d.txt", p);
        snprintf(title, sizeof title, "Question %d, asked on page %d", p % 3, p);
        cn_page *pg = make_page(file, p < 3 ? NULL : title, ids[p % 3], PAGE_D, 0);
        pg->declared_answers = p == 150 ? 1000 : p;
        CU_ASSERT_EQUAL_FATAL(cn_analysis_add_page(an, pg, &err), CN_OK);
    }
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(an, &err), CN_OK);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL_FATAL(r->n_questions, 3);
    for (int k = 0; k < 3; k++) {
        const cn_analysis_question *q = &r->questions[k];
        char title[64];
        snprintf(title, sizeof title, "Question %d, asked on page %d", k, k + 3);
        CU_ASSERT_STRING_EQUAL(q->id, ids[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(q->question);
        CU_ASSERT_STRING_EQUAL(q->question, title);
        CU_ASSERT_EQUAL(q->declared_answers, k == 0 ? 1000 : 297 + k);
        CU_ASSERT_EQUAL(q->n_files, 100);
        CU_ASSERT_TRUE(q->claim < r->n_claims);
        size_t n = 0;
        const char *const *files = cn_analysis_question_files(r, (size_t)k, &n);
        CU_ASSERT_EQUAL_FATAL(n, 100);
        char first[32];
        snprintf(first, sizeof first, "page%03d.txt", k);
        CU_ASSERT_STRING_EQUAL(files[0], first);
    }

    /* one page alone: the same claim, source and type as its question's */
    cn_analysis *one = small_analysis_new(rules);
    CU_ASSERT_EQUAL_FATAL(
        cn_analysis_add_page(one, make_page("page000.txt", NULL, ids[0], PAGE_D, 0), &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_analysis_finish(one, &err), CN_OK);
    const cn_analysis_result *r1 = cn_analysis_result_get(one);
    CU_ASSERT_EQUAL_FATAL(r1->n_questions, 1);
    const cn_analysis_question *q0 = &r->questions[0], *q1 = &r1->questions[0];
    CU_ASSERT_STRING_EQUAL(r->claims[q0->claim].id, r1->claims[q1->claim].id);
    same_str_or_null(q0->claim_source, q1->claim_source);
    same_str_or_null(q0->question_type, q1->question_type);
    cn_analysis_free(one);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

/* ---- pages on disk (cn_spill) ---- */

static void test_spill_round_trip(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    char dir[] = "/tmp/cn_spill_test_XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    cn_error err;
    cn_spill *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_spill_new(dir, rules, &s, &err), CN_OK);
    /* the file is unlinked at once: nothing to leave behind on any exit */
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    cn_annotator *ann = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(rules, &ann, &err), CN_OK);
    cn_page *pages[2] = {make_page("a.txt", "Can Botox reduce muscle mass in arms or legs?",
                                   "aaaaaaaaaaaaaaaa", PAGE_A, 3),
                         make_page("b.txt", NULL, "aaaaaaaaaaaaaaaa", PAGE_B, 3)};
    pages[0]->answers[0].physician.has_rating = true;
    pages[0]->answers[0].physician.rating = 0.1 + 0.2; /* needs 17 digits */
    cn_page_annotation *pas[2] = {NULL, NULL};
    for (size_t i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL_FATAL(cn_annotator_page(ann, pages[i], &pas[i], &err), CN_OK);
        CU_ASSERT_EQUAL(cn_spill_put(s, pages[i], pas[i], &err), CN_OK);
    }
    CU_ASSERT_EQUAL(cn_spill_count(s), 2);
    CU_ASSERT_PTR_NULL(cn_spill_page(s, 1));
    CU_ASSERT_EQUAL(cn_spill_load(s, 1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_spill_load(s, 0, &err), CN_OK);
    CU_ASSERT_NOT_EQUAL(cn_spill_load(s, 2, &err), CN_OK);
    for (size_t i = 0; i < 2; i++) {
        const cn_page *p = cn_spill_page(s, i);
        const cn_page_annotation *pa = cn_spill_annotation(s, i);
        CU_ASSERT_PTR_NOT_NULL_FATAL(p);
        CU_ASSERT_PTR_NOT_NULL_FATAL(pa);
        CU_ASSERT_STRING_EQUAL(p->question_id, pages[i]->question_id);
        CU_ASSERT_EQUAL_FATAL(p->n_answers, pages[i]->n_answers);
        for (size_t k = 0; k < p->n_answers; k++) {
            CU_ASSERT_STRING_EQUAL(p->answers[k].text, pages[i]->answers[k].text);
            CU_ASSERT_STRING_EQUAL(p->answers[k].answer_id, pages[i]->answers[k].answer_id);
            CU_ASSERT_STRING_EQUAL(p->answers[k].duplicate_of, pages[i]->answers[k].duplicate_of);
            const cn_decision *a = &pa->answers[k].claims[0].decision;
            const cn_decision *b = &pas[i]->answers[k].claims[0].decision;
            CU_ASSERT_EQUAL(a->stance, b->stance);
            CU_ASSERT_TRUE(a->confidence == b->confidence); /* the very same double */
            CU_ASSERT_EQUAL(a->n_evidence, b->n_evidence);
        }
    }
    CU_ASSERT_TRUE(cn_spill_page(s, 0)->answers[0].physician.rating == 0.1 + 0.2);
    cn_spill_release(s);
    CU_ASSERT_PTR_NULL(cn_spill_page(s, 0));
    cn_spill_free(s);
    for (size_t i = 0; i < 2; i++) {
        cn_page_annotation_free(pas[i]);
        cn_page_free(pages[i]);
    }
    cn_annotator_free(ann);
    CU_ASSERT_EQUAL(rmdir(dir), 0); /* still empty */
    /* a folder that cannot take the file: an error, not a crash */
    CU_ASSERT_EQUAL(cn_spill_new("/nonexistent-folder/x", rules, &s, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NULL(s);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent-folder/x"));
    /* ... which the analysis reports when its first page comes */
    cn_analysis_opts o;
    cn_analysis_opts_init(&o);
    o.spill_dir = "/nonexistent-folder/x";
    cn_analysis *an = cn_analysis_new(rules, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(an);
    cn_page *p = make_page("d.txt", "Masseter Botox and bone loss?", "dddddddddddddddd", PAGE_D, 1);
    int rc = cn_analysis_add_page(an, p, &err);
    if (rc == CN_OK)
        rc = cn_analysis_finish(an, &err);
    CU_ASSERT_EQUAL(rc, CN_ERR_IO);
    cn_analysis_free(an);
    cn_rules_free(rules);
}

static void same_str_or_null(const char *a, const char *b)
{
    CU_ASSERT_TRUE((a == NULL) == (b == NULL));
    if (a && b)
        CU_ASSERT_STRING_EQUAL(a, b);
}

/* A decision as the spill codec gives it back equals the partial reader's. */
static void same_decision(const cn_decision *a, const cn_decision *b)
{
    CU_ASSERT_EQUAL(a->stance, b->stance);
    CU_ASSERT_EQUAL(memcmp(&a->confidence, &b->confidence, sizeof a->confidence), 0);
    CU_ASSERT_EQUAL(memcmp(a->scores, b->scores, sizeof a->scores), 0);
    CU_ASSERT_EQUAL(a->conflicting, b->conflicting);
    same_str_or_null(a->reason, b->reason);
    same_str_or_null(a->deciding_feature, b->deciding_feature);
    CU_ASSERT_EQUAL(a->work, b->work);
    CU_ASSERT_EQUAL_FATAL(a->n_evidence, b->n_evidence);
    for (size_t e = 0; e < a->n_evidence; e++) {
        const cn_evidence *x = &a->evidence[e], *y = &b->evidence[e];
        CU_ASSERT_PTR_EQUAL(x->rule, y->rule);
        CU_ASSERT_EQUAL(x->in_title, y->in_title);
        CU_ASSERT_EQUAL(x->start, y->start);
        CU_ASSERT_EQUAL(x->end, y->end);
        CU_ASSERT_EQUAL(x->stance, y->stance);
        CU_ASSERT_EQUAL(memcmp(&x->weight, &y->weight, sizeof x->weight), 0);
        CU_ASSERT_EQUAL(x->flags, y->flags);
    }
}

/* The spill's bytes decode to what the partial format's page line parses
 * to, field for field (the reports read only those), and damaged bytes are
 * refused. */
static void test_spill_codec_matches_partial(void)
{
    cn_rules *rules = load_rules();
    if (!rules)
        return;
    cn_error err;
    cn_annotator *ann = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(rules, &ann, &err), CN_OK);
    cn_page *pg = make_page("a.txt", "Can Botox reduce muscle mass in arms or legs?",
                            "aaaaaaaaaaaaaaaa", PAGE_A, 3);
    pg->answers[0].physician.has_rating = true;
    pg->answers[0].physician.rating = 0.1 + 0.2;
    pg->answers[1].physician.has_reviews = true;
    pg->answers[1].physician.reviews = 12;
    pg->answers[1].excerpt = pg->answers[2].truncated = true;
    cn_page_annotation *pa = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(ann, pg, &pa, &err), CN_OK);
    cn_spill_codec *codec = cn_spill_codec_new(rules);
    cn_partial_pool *pool = cn_partial_pool_new(rules);
    CU_ASSERT_PTR_NOT_NULL_FATAL(codec);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
    cn_spill_bytes bytes = {0};
    CU_ASSERT_EQUAL_FATAL(cn_spill_codec_encode(codec, pg, pa, &bytes, &err), CN_OK);
    cn_jsonbuf line = {0};
    CU_ASSERT_EQUAL_FATAL(cn_partial_page_line(&line, pg, true, pa, &err), CN_OK);
    cn_partial_record rec;
    CU_ASSERT_EQUAL_FATAL(cn_partial_page_parse(pool, "t", line.s, line.len, &rec, &err), CN_OK);
    cn_page *p = NULL;
    cn_page_annotation *a = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_spill_codec_decode(codec, bytes.s, bytes.len, &p, &a, &err), CN_OK);
    const cn_page *q = rec.page;
    const cn_page_annotation *b = rec.annotation;
    same_str_or_null(p->path, q->path);
    same_str_or_null(p->file, q->file);
    same_str_or_null(p->url, q->url);
    same_str_or_null(p->question, q->question);
    same_str_or_null(p->body, q->body);
    CU_ASSERT_EQUAL(p->line, q->line);
    CU_ASSERT_EQUAL(p->format, q->format);
    CU_ASSERT_EQUAL(p->declared_answers, q->declared_answers);
    CU_ASSERT_EQUAL_FATAL(p->n_answers, q->n_answers);
    for (size_t i = 0; i < p->n_answers; i++) {
        const cn_answer *x = &p->answers[i], *y = &q->answers[i];
        CU_ASSERT_EQUAL(x->index, y->index);
        same_str_or_null(x->title, y->title);
        same_str_or_null(x->text, y->text);
        same_str_or_null(x->match_text, y->match_text);
        same_str_or_null(x->physician.name, y->physician.name);
        same_str_or_null(x->physician.city, y->physician.city);
        same_str_or_null(x->physician.specialty, y->physician.specialty);
        CU_ASSERT_EQUAL(x->physician.has_rating, y->physician.has_rating);
        CU_ASSERT_TRUE(x->physician.rating == y->physician.rating);
        CU_ASSERT_EQUAL(x->physician.has_reviews, y->physician.has_reviews);
        CU_ASSERT_EQUAL(x->physician.reviews, y->physician.reviews);
        CU_ASSERT_EQUAL(x->excerpt, y->excerpt);
        CU_ASSERT_EQUAL(x->related, y->related);
        CU_ASSERT_EQUAL(x->truncated, y->truncated);
    }
    CU_ASSERT_TRUE(p->answers[0].physician.rating == 0.1 + 0.2);
    CU_ASSERT_EQUAL(p->answers[1].physician.reviews, 12);
    same_str_or_null(a->primary->id, b->primary->id);
    same_str_or_null(a->primary->statement, b->primary->statement);
    same_str_or_null(a->primary->source, b->primary->source);
    CU_ASSERT_PTR_EQUAL(a->primary->rule, b->primary->rule);
    same_str_or_null(a->question_type, b->question_type);
    CU_ASSERT_EQUAL_FATAL(a->n_question_flags, b->n_question_flags);
    for (size_t f = 0; f < a->n_question_flags; f++)
        CU_ASSERT_STRING_EQUAL(a->question_flags[f], b->question_flags[f]);
    CU_ASSERT_EQUAL_FATAL(a->n_answers, b->n_answers);
    for (size_t i = 0; i < a->n_answers; i++) {
        CU_ASSERT_EQUAL(a->answers[i].names_primary, b->answers[i].names_primary);
        CU_ASSERT_EQUAL_FATAL(a->answers[i].n_claims, b->answers[i].n_claims);
        for (size_t k = 0; k < a->answers[i].n_claims; k++) {
            const cn_answer_claim *x = &a->answers[i].claims[k], *y = &b->answers[i].claims[k];
            same_str_or_null(x->claim_id, y->claim_id);
            same_str_or_null(x->statement, y->statement);
            CU_ASSERT_EQUAL(x->primary, y->primary);
            same_decision(&x->decision, &y->decision);
        }
    }
    /* bytes cut short or with a byte too many are damaged */
    cn_page *bad = NULL;
    cn_page_annotation *bad_a = NULL;
    CU_ASSERT_EQUAL(cn_spill_codec_decode(codec, bytes.s, bytes.len - 1, &bad, &bad_a, &err),
                    CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(bad);
    char *longer = malloc(bytes.len + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(longer);
    memcpy(longer, bytes.s, bytes.len);
    longer[bytes.len] = 0;
    CU_ASSERT_EQUAL(cn_spill_codec_decode(codec, longer, bytes.len + 1, &bad, &bad_a, &err),
                    CN_ERR_FORMAT);
    free(longer);
    cn_page_annotation_free(a);
    cn_page_free(p);
    cn_page_annotation_free(rec.annotation);
    cn_page_free(rec.page);
    cn_jsonbuf_clear(&line);
    free(bytes.s);
    cn_partial_pool_free(pool);
    cn_spill_codec_free(codec);
    cn_page_annotation_free(pa);
    cn_page_free(pg);
    cn_annotator_free(ann);
    cn_rules_free(rules);
}

/* ---- formatting ---- */

static void test_fmt_numbers(void)
{
    char b[CN_FMT_NUMBER_MAX];
    CU_ASSERT_TRUE(cn_fmt_number(9.0 / 11.0, b));
    CU_ASSERT_STRING_EQUAL(b, "0.818182");
    CU_ASSERT_TRUE(cn_fmt_number(-0.0, b));
    CU_ASSERT_STRING_EQUAL(b, "0");
    CU_ASSERT_TRUE(cn_fmt_number(1.5e-7, b));
    CU_ASSERT_STRING_EQUAL(b, "1.5e-07");
    CU_ASSERT_TRUE(cn_fmt_number(10000, b));
    CU_ASSERT_STRING_EQUAL(b, "10000");
    CU_ASSERT_FALSE(cn_fmt_number(NAN, b));
    CU_ASSERT_FALSE(cn_fmt_number(INFINITY, b));
}

/* cn_fmt_number_memo gives cn_fmt_number's text for every double, first
 * time and remembered, slots shared and overwritten included: edge values
 * (zeros of both signs, NaN, infinities, tiny, huge, ties, neighbours of
 * powers of ten) and random ones, asked for again and again. */
static void test_fmt_number_memo(void)
{
    static cn_fmt_memo memo; /* ~10 KiB */
    memset(&memo, 0, sizeof memo);
    double edge[] = {0.0,       -0.0, NAN,  INFINITY, -INFINITY, 1e-300,   -1e300, 5e-324,    0.5,
                     0.25,      1.5,  2.5,  999999.5, 1e6,       999999.4, 1e-4,   9.9999e-5, 0.1,
                     1.0 / 3.0, 3.38, -2.6, 123456.5, 1234567.,  1e21,     1e-7,   4.0,       12.0};
    char want[CN_FMT_NUMBER_MAX];
    uint64_t st = 0x2545F4914F6CDD1Dull;
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
            size_t len = 0;
            const char *got = cn_fmt_number_memo(&memo, edge[i], &len);
            bool ok = cn_fmt_number(edge[i], want);
            CU_ASSERT_EQUAL(got != NULL, ok);
            if (got && ok) {
                CU_ASSERT_EQUAL(len, strlen(want));
                CU_ASSERT_EQUAL(memcmp(got, want, len), 0);
                CU_ASSERT_EQUAL(got[len], '\0');
            }
        }
        for (int i = 0; i < 20000; i++) {
            st ^= st << 13;
            st ^= st >> 7;
            st ^= st << 17;
            /* a few hundred distinct weights, so slots are hit and overwritten */
            double x = (double)(st % 700) / 16.0 - 20.0;
            if (i % 7 == 0) {
                uint64_t bits = st;
                memcpy(&x, &bits, sizeof x); /* any double at all */
            }
            size_t len = 0;
            const char *got = cn_fmt_number_memo(&memo, x, &len);
            bool ok = cn_fmt_number(x, want);
            CU_ASSERT_EQUAL(got != NULL, ok);
            if (got && ok && (len != strlen(want) || memcmp(got, want, len) != 0))
                CU_FAIL("memo differs from cn_fmt_number");
        }
    }
}

/* cn_fmt_number formats most numbers without printf: the same bytes as
 * "%.6g" on random doubles of every kind, shares with six decimals, halves
 * near ties, and the neighbours of powers of ten; cn_fmt_long as "%ld". */
static void test_fmt_number_as_printf(void)
{
    uint64_t st = 88172645463325252ull;
    char a[CN_FMT_NUMBER_MAX], b[CN_FMT_NUMBER_MAX];
    long bad = 0;
    for (long i = 0; i < 600000; i++) {
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        double x;
        switch (i % 5) {
        case 0:
            memcpy(&x, &st, sizeof x);
            break;
        case 1:
            x = (double)(st % 2000001) / 1e6;
            break;
        case 2:
            x = ((double)(st % 1000000) + 0.5) / pow(10, (double)(st >> 61));
            break;
        case 3:
            x = ldexp((double)(st >> 11), -53) * pow(10, (double)((int)(st % 12) - 5));
            break;
        default:
            x = (double)(st % 1000) / (double)(1 + (st >> 40) % 1000);
            break;
        }
        if (isnan(x) || isinf(x))
            continue;
        if (st & 1)
            x = -x;
        if (i % 7 == 0)
            x = nextafter(pow(10, (double)((int)(st % 14) - 6)), (st & 2) ? 0 : 1e300);
        cn_fmt_number(x, a);
        snprintf(b, sizeof b, "%.6g", x == 0.0 ? 0.0 : x);
        if (!strcmp(b, "-0"))
            strcpy(b, "0");
        bad += strcmp(a, b) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
    static const long LONGS[] = {0, 7, -7, 10, 123456789, -987654321, LONG_MAX, LONG_MIN};
    for (size_t i = 0; i < sizeof LONGS / sizeof LONGS[0]; i++) {
        size_t n = cn_fmt_long(LONGS[i], a);
        snprintf(b, sizeof b, "%ld", LONGS[i]);
        CU_ASSERT_STRING_EQUAL(a, b);
        CU_ASSERT_EQUAL(n, strlen(b));
    }
}

static void test_fmt_clean_text(void)
{
    size_t replaced = 0;
    const char *in = "a\x01"
                     "b\xff"
                     "c\t\n\r\xef\xbf\xbd\xef\xbf\xbe";
    char *x = cn_fmt_clean_text(in, strlen(in), true, &replaced);
    CU_ASSERT_STRING_EQUAL(x, "a\xef\xbf\xbd"
                              "b\xef\xbf\xbd"
                              "c\t\n\r\xef\xbf\xbd\xef\xbf\xbd");
    CU_ASSERT_EQUAL(replaced, 3); /* \x01, the stray byte, U+FFFE; a real U+FFFD stays */
    free(x);
    char *j = cn_fmt_clean_text(in, strlen(in), false, &replaced);
    CU_ASSERT_STRING_EQUAL(j, "a\x01"
                              "b\xef\xbf\xbd"
                              "c\t\n\r\xef\xbf\xbd\xef\xbf\xbe");
    CU_ASSERT_EQUAL(replaced, 1);
    free(j);
    const char *e = "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d";
    CU_ASSERT_EQUAL(cn_fmt_char_offset(e, strlen(e), 5), 4);  /* after "café" */
    CU_ASSERT_EQUAL(cn_fmt_char_offset(e, strlen(e), 9), 6);  /* after the opening quote */
    CU_ASSERT_EQUAL(cn_fmt_char_offset(e, strlen(e), 99), 9); /* clamped to the end */
    /* resumed from a cursor: the same counts for every offset, forward,
     * backward and inside a character, malformed bytes included */
    const char *m = "a\xc3\xa9\xff\xe2\x80\x9c\xe2\x80 z\xf0\x9f\x98\x80!";
    size_t mlen = strlen(m);
    size_t order[] = {0, 2, 3, 3, 9, 4, 5, 12, 1, 16, 7, 99, 6};
    cn_fmt_char_cursor cur = {0};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
        CU_ASSERT_EQUAL(cn_fmt_char_offset_from(&cur, m, mlen, order[k]),
                        cn_fmt_char_offset(m, mlen, order[k]));
}

/* ---- output set ---- */

static void test_outset_commit_and_abort(void)
{
    char *tmp = tu_mkdtemp();
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/deep/er", tmp);
    cn_outset *set = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "one.txt", "1\n", 2, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "two.txt", "22\n", 3, &err), CN_OK);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 2); /* two temporaries, no final names yet */
    char path[1100];
    snprintf(path, sizeof path, "%s/one.txt", dir);
    struct stat st;
    CU_ASSERT_NOT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 2);
    size_t len = 0;
    char *got = tu_read_file(path, &len);
    CU_ASSERT_STRING_EQUAL(got, "1\n");
    free(got);

    /* a set that fails half-way leaves nothing behind */
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "three.txt", "3", 1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "../escape", "x", 1, &err), CN_ERR_USAGE);
    cn_outset_free(set);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 2);
    tu_rm_rf(tmp);
    free(tmp);
}

/* Issue 15: a rename failing halfway puts the earlier files back (the folder
 * shows the old set, never a mix); a stale file is removed with the set; a
 * second process cannot open a set on a folder another one is writing. */
static void test_outset_all_or_nothing(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "a.txt", "old a", 5, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "stale.html", "old", 3, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    /* b.txt's final name is a folder with a file in it: its rename fails */
    char path[4096];
    snprintf(path, sizeof path, "%s/b.txt", dir);
    CU_ASSERT_EQUAL_FATAL(mkdir(path, 0755), 0);
    free(tu_write_file(path, "inside", "x", 1));
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "a.txt", "new a", 5, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "b.txt", "new b", 5, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_ERR_IO);
    cn_outset_free(set);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    char *got = tu_read_file(path, NULL);
    CU_ASSERT_STRING_EQUAL(got ? got : "", "old a"); /* rolled back */
    free(got);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 3); /* a.txt, stale.html, b.txt/: nothing left over */
    /* removing a stale file with the set */
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "a.txt", "new a", 5, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_remove(set, "stale.html", &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    snprintf(path, sizeof path, "%s/stale.html", dir);
    struct stat st;
    CU_ASSERT_NOT_EQUAL(stat(path, &st), 0);
    /* the lock: a child process cannot open a set while this one is open */
    pid_t pid = fork();
    if (pid == 0) {
        cn_outset *other = NULL;
        cn_error e2;
        int rc = cn_outset_new(dir, &other, &e2);
        cn_outset_free(other);
        _exit(rc == CN_ERR_IO && strstr(e2.message, "another run") ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    cn_outset_free(set);
    tu_rm_rf(dir);
    free(dir);
}

/* Issue 15: SIGTERM while a set is being written (as a user's Ctrl-C or a
 * killed job would send it) leaves neither temporaries nor a partial set;
 * the process still ends by that signal. Run in a child, which dies. */
static void test_outset_signal(void)
{
    char *dir = tu_mkdtemp();
    pid_t pid = fork();
    if (pid == 0) {
        cn_outset *set = NULL;
        cn_error err;
        if (cn_outset_new(dir, &set, &err) != CN_OK ||
            cn_outset_add(set, "a.txt", "new a", 5, &err) != CN_OK)
            _exit(2);
        raise(SIGTERM); /* held back while the set is open */
        int rc = cn_outset_add(set, "b.txt", "new b", 5, &err);
        if (rc != CN_ERR_IO || !strstr(err.message, "interrupted by a signal"))
            _exit(3);
        cn_outset_free(set); /* removes a.txt's temporary, then SIGTERM lands */
        _exit(4);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CU_ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    if (WIFEXITED(status))
        fprintf(stderr, "\n    child exited %d", WEXITSTATUS(status));
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0); /* no temporary, no partial set */
    tu_rm_rf(dir);
    free(dir);
}

static void test_outset_bad_folder(void)
{
    char *tmp = tu_mkdtemp();
    char *file = tu_write_file(tmp, "plain", "x", 1);
    cn_outset *set = NULL;
    cn_error err;
    CU_ASSERT_EQUAL(cn_outset_new(file, &set, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, file));
    CU_ASSERT_PTR_NULL(set);
    char sub[1024];
    snprintf(sub, sizeof sub, "%s/below", file);
    CU_ASSERT_EQUAL(cn_outset_new(sub, &set, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, sub));
    free(file);
    tu_rm_rf(tmp);
    free(tmp);
}

/* cn_fmt_fixed4 gives "%.4f"'s bytes: on values rounded to four decimals
 * (its fast path), on others, negatives, huge ones and non-numbers. */
static void test_fmt_fixed4_as_printf(void)
{
    uint64_t st = 0x243F6A8885A308D3ull;
    long bad = 0;
    char a[CN_FMT_NUMBER_MAX], b[CN_FMT_NUMBER_MAX];
    for (long i = 0; i < 400000; i++) {
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        double u = ldexp((double)(st >> 11), -53), x;
        switch (i % 4) {
        case 0:
            x = round(u * 10000.0) / 10000.0; /* a confidence */
            break;
        case 1:
            x = round(u * 1e9) / 10000.0; /* up to 1e5 */
            break;
        case 2:
            x = u * 2.0 - 1.0;
            break;
        default:
            x = (double)(st >> 40) / 10000.0 * (i % 8 == 3 ? 1e6 : 1.0);
            break;
        }
        cn_fmt_fixed4(x, a);
        snprintf(b, sizeof b, "%.4f", x);
        bad += strcmp(a, b) != 0;
    }
    const double odd[] = {0.0, -0.0, 1.0, 0.99995, 999999.9999, 1e6, -0.5, NAN, INFINITY};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        cn_fmt_fixed4(odd[i], a);
        snprintf(b, sizeof b, "%.4f", odd[i]);
        bad += strcmp(a, b) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* cn_fmt_text_is_clean says true exactly when cn_fmt_clean_text replaces
 * nothing, for JSON and XML, on random texts long and short (its sixteen
 * bytes at a time and the bytes after them) mixing printable ASCII, DEL,
 * controls, good and broken UTF-8 and the replacement character itself. */
static void test_fmt_is_clean_as_cleaning(void)
{
    static const char *const pieces[] = {"plain text ",  "x",
                                         "\x7f",         "\t",
                                         "\n",           "\r",
                                         "\x01",         "\xc3\xa9",
                                         "\xe2\x82\xac", "\xef\xbf\xbd",
                                         "\xef\xbf\xbe", "\xed\xa0\x80",
                                         "\xc3",         "\x80",
                                         "\xff",         "0123456789abcdef"};
    uint64_t st = 0x9E3779B97F4A7C15ull;
    long bad = 0;
    char buf[256];
    for (int i = 0; i < 20000; i++) {
        size_t n = 0;
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        unsigned parts = (unsigned)(st >> 59); /* 0..31 */
        for (unsigned k = 0; k < parts; k++) {
            st = st * 6364136223846793005ull + 1442695040888963407ull;
            const char *p = pieces[(st >> 33) % (sizeof pieces / sizeof pieces[0])];
            /* mostly plain pieces, so that long clean runs come up */
            if ((st >> 40) % 4 != 0)
                p = (st >> 50) % 2 ? pieces[0] : pieces[15];
            size_t len = strlen(p);
            if (n + len >= sizeof buf)
                break;
            memcpy(buf + n, p, len);
            n += len;
        }
        for (int xml = 0; xml < 2; xml++) {
            size_t replaced = 0;
            char *clean = cn_fmt_clean_text(buf, n, xml, &replaced);
            CU_ASSERT_PTR_NOT_NULL_FATAL(clean);
            bad += cn_fmt_text_is_clean(buf, n, xml) != (replaced == 0);
            free(clean);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

int main(void)
{
    static const tu_test tests[] = {
        {"summary: strong consensus", test_summary_strong},
        {"summary: in the terms of a restriction question", test_summary_restriction_phrasing},
        {"summary: names the claim's practice", test_summary_names_the_practice},
        {"summary: counts only stance-taking answers", test_summary_counts_only_stance_takers},
        {"summary: moderate and plurality", test_summary_moderate_and_plurality},
        {"summary: tie", test_summary_tie},
        {"summary: insufficient", test_summary_insufficient},
        {"summary: no stance, no answers", test_summary_no_stance},
        {"tally: dissent, specialties", test_tally_dissent_specialties},
        {"tally: no dissent on a tie; empty", test_tally_no_dissent_on_tie},
        {"review: urgency and order", test_review_urgency_and_order},
        {"analysis: questions, duplicates, excerpts", test_analysis_groups_and_counts},
        {"analysis: empty corpus", test_analysis_empty},
        {"analysis: page records back from disk, interleaved",
         test_analysis_pages_back_interleaved},
        {"analysis: a long file list's room given back (issue 14)", test_analysis_files_room},
        {"analysis: the pages' file names read back from disk (issue 14)",
         test_analysis_file_names},
        {"analysis: answer ids that are not 16 hex digits (issue 14)", test_analysis_text_ids},
        {"analysis: the answers' physicians read back from disk (issue 14)",
         test_analysis_physicians_on_disk},
        {"analysis: an answer's page found from its number (issue 14)", test_analysis_answer_pages},
        {"spill: pages on disk read back the same", test_spill_round_trip},
        {"spill codec: decodes as the partial reader parses", test_spill_codec_matches_partial},
        {"fmt: numbers", test_fmt_numbers},
        {"fmt: numbers as printf gives them", test_fmt_number_as_printf},
        {"fmt: numbers remembered, the same text", test_fmt_number_memo},
        {"fmt: clean text", test_fmt_clean_text},
        {"fmt: four decimals as printf gives them (issue 14)", test_fmt_fixed4_as_printf},
        {"fmt: clean exactly when cleaning replaces nothing (issue 14)",
         test_fmt_is_clean_as_cleaning},
        {"outset: commit and abort", test_outset_commit_and_abort},
        {"outset: all or nothing, stale files, lock (issue 15)", test_outset_all_or_nothing},
        {"outset: a signal leaves nothing behind (issue 15)", test_outset_signal},
        {"outset: bad folder", test_outset_bad_folder},
        {NULL, NULL},
    };
    return tu_run_suite("analysis", tests);
}
