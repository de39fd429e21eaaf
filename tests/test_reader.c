/*
 * test_reader: acceptance of the corpus reader on the sample corpus. Every
 * page of corpus/ is checked against tests/data/seeds/seeds.parse.json (the
 * hand-made expected parse): question, declared count, and per answer its
 * order, title, physician name, city, specialty, rating, reviews and text
 * prefix. Then the facts of seeds 002 + 004: one question, 11 distinct
 * answers (10 from 002, 1 only in 004), 004's repeats pointing at 002's
 * answers, and 004's three related-question excerpts.
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

#include "cn_answer_json.h"
#include "cn_sha256.h"
#include "cn_text.h"

#include <cJSON.h>
#include <math.h>

static cn_pagecues *g_cues;
static ru_result g_corpus; /* corpus/ read once */

static const cn_page *page_named(const ru_result *r, const char *prefix)
{
    for (size_t i = 0; i < r->n; i++)
        if (strncmp(r->pages[i]->file, prefix, strlen(prefix)) == 0)
            return r->pages[i];
    return NULL;
}

static void check_string(const cJSON *gold, const char *key, const char *got, const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(gold, key);
    if (cJSON_IsNull(v)) {
        if (got)
            fprintf(stderr, "%s %s: expected null, got '%s'\n", where, key, got);
        CU_ASSERT_PTR_NULL(got);
        return;
    }
    CU_ASSERT_FATAL(cJSON_IsString(v));
    if (!got || strcmp(got, v->valuestring) != 0)
        fprintf(stderr, "%s %s: expected '%s', got '%s'\n", where, key, v->valuestring,
                got ? got : "(null)");
    CU_ASSERT_PTR_NOT_NULL(got);
    if (got)
        CU_ASSERT_STRING_EQUAL(got, v->valuestring);
}

static void check_number(const cJSON *gold, const char *key, bool has, double got,
                         const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(gold, key);
    if (cJSON_IsNull(v)) {
        if (has)
            fprintf(stderr, "%s %s: expected null, got %g\n", where, key, got);
        CU_ASSERT_FALSE(has);
        return;
    }
    CU_ASSERT_FATAL(cJSON_IsNumber(v));
    if (!has || fabs(got - v->valuedouble) > 1e-9)
        fprintf(stderr, "%s %s: expected %g, got %s%g\n", where, key, v->valuedouble,
                has ? "" : "null ", got);
    CU_ASSERT_TRUE(has);
    CU_ASSERT_DOUBLE_EQUAL(got, v->valuedouble, 1e-9);
}

static void check_answer(const cJSON *g, const cn_answer *a, const char *where)
{
    check_string(g, "title", a->title, where);
    check_string(g, "name", a->physician.name, where);
    check_string(g, "city", a->physician.city, where);
    check_string(g, "specialty", a->physician.specialty, where);
    check_number(g, "rating", a->physician.has_rating, a->physician.rating, where);
    check_number(g, "reviews", a->physician.has_reviews, (double)a->physician.reviews, where);
    const cJSON *prefix = cJSON_GetObjectItemCaseSensitive(g, "prefix");
    CU_ASSERT_FATAL(cJSON_IsString(prefix));
    if (!ru_starts_with_normalized(a->text, prefix->valuestring))
        fprintf(stderr, "%s: text does not start with '%s'\n", where, prefix->valuestring);
    CU_ASSERT_TRUE(ru_starts_with_normalized(a->text, prefix->valuestring));
}

static void check_page(const cJSON *gp)
{
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(gp, "file");
    CU_ASSERT_FATAL(cJSON_IsString(file));
    const cn_page *page = page_named(&g_corpus, file->valuestring);
    CU_ASSERT_PTR_NOT_NULL_FATAL(page);
    CU_ASSERT_STRING_EQUAL(page->file, file->valuestring);
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(gp, "format");
    CU_ASSERT_STRING_EQUAL(cn_page_format_name(page->format), format->valuestring);
    check_string(gp, "question", page->question, file->valuestring);
    check_number(gp, "declared_answers", page->declared_answers >= 0,
                 (double)page->declared_answers, file->valuestring);
    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(gp, "answers");
    CU_ASSERT_FATAL(cJSON_IsArray(answers));
    CU_ASSERT_EQUAL(page->n_answers, (size_t)cJSON_GetArraySize(answers));
    size_t i = 0;
    const cJSON *ga;
    cJSON_ArrayForEach(ga, answers)
    {
        if (i >= page->n_answers)
            break;
        char where[128];
        snprintf(where, sizeof where, "%s #%zu", page->file, i + 1);
        CU_ASSERT_EQUAL(page->answers[i].index, i + 1);
        check_answer(ga, &page->answers[i], where);
        i++;
    }
}

static void test_seeds_parse_json(void)
{
    char *text = tu_read_file("tests/data/seeds/seeds.parse.json", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    cJSON *gold = cJSON_Parse(text);
    free(text);
    CU_ASSERT_FATAL(cJSON_IsArray(gold));
    CU_ASSERT_EQUAL(cJSON_GetArraySize(gold), 5);
    CU_ASSERT_EQUAL(g_corpus.n, 5);
    const cJSON *gp;
    cJSON_ArrayForEach(gp, gold) check_page(gp);
    cJSON_Delete(gold);
}

static void test_corpus_reads_clean(void)
{
    CU_ASSERT_EQUAL(g_corpus.new_rc, CN_OK);
    CU_ASSERT_EQUAL(g_corpus.n_errors, 0);
    CU_ASSERT_EQUAL(g_corpus.skipped, 0);
    /* name order */
    for (size_t i = 1; i < g_corpus.n; i++)
        CU_ASSERT_TRUE(strcmp(g_corpus.pages[i - 1]->file, g_corpus.pages[i]->file) < 0);
}

/* 002 and 004 render one question: 004's line k repeats 002's answer MAP[k]
 * (the pairs of seeds.parse.json's note and seeds.gold.jsonl's notes). */
static const size_t MAP_004_TO_002[10] = {1, 3, 5, 2, 6, 7, 8, 9, 10, 0};

static void test_002_004_one_question(void)
{
    const cn_page *p2 = page_named(&g_corpus, "002_"), *p4 = page_named(&g_corpus, "004_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p4);
    CU_ASSERT_EQUAL(strlen(p2->question_id), CN_ID_LEN);
    CU_ASSERT_STRING_EQUAL(p2->question_id, p4->question_id);
    /* and no other page shares it */
    for (size_t i = 0; i < g_corpus.n; i++) {
        const cn_page *p = g_corpus.pages[i];
        if (p != p2 && p != p4)
            CU_ASSERT_STRING_NOT_EQUAL(p->question_id, p2->question_id);
    }
}

static void test_002_004_eleven_distinct(void)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(page_named(&g_corpus, "002_"));
    const char *qid = page_named(&g_corpus, "002_")->question_id;
    size_t distinct = 0, from_002 = 0, from_004 = 0;
    for (size_t i = 0; i < g_corpus.n; i++) {
        const cn_page *p = g_corpus.pages[i];
        if (strcmp(p->question_id, qid) != 0)
            continue;
        for (size_t k = 0; k < p->n_answers; k++) {
            const cn_answer *a = &p->answers[k];
            if (a->related || a->duplicate_of[0])
                continue;
            distinct++;
            from_002 += strncmp(p->file, "002_", 4) == 0;
            from_004 += strncmp(p->file, "004_", 4) == 0;
        }
    }
    CU_ASSERT_EQUAL(distinct, 11);
    CU_ASSERT_EQUAL(from_002, 10);
    CU_ASSERT_EQUAL(from_004, 1);
    CU_ASSERT_EQUAL(page_named(&g_corpus, "002_")->declared_answers, 11);
}

static void test_004_repeats_point_at_002(void)
{
    const cn_page *p2 = page_named(&g_corpus, "002_"), *p4 = page_named(&g_corpus, "004_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p4);
    CU_ASSERT_EQUAL_FATAL(p2->n_answers, 10);
    CU_ASSERT_EQUAL_FATAL(p4->n_answers, 13);
    for (size_t k = 0; k < 10; k++) {
        const cn_answer *a = &p4->answers[k];
        if (MAP_004_TO_002[k] == 0) {
            CU_ASSERT_STRING_EQUAL(a->duplicate_of, ""); /* the 11th answer, only in 004 */
            continue;
        }
        const cn_answer *orig = &p2->answers[MAP_004_TO_002[k] - 1];
        CU_ASSERT_STRING_EQUAL(a->duplicate_of, orig->answer_id);
        CU_ASSERT_STRING_EQUAL(orig->duplicate_of, "");
        CU_ASSERT_FALSE(a->excerpt);
        CU_ASSERT_FALSE(a->related);
    }
    /* 002's answers are distinct among themselves */
    for (size_t i = 0; i < p2->n_answers; i++)
        for (size_t j = i + 1; j < p2->n_answers; j++)
            CU_ASSERT_STRING_NOT_EQUAL(p2->answers[i].answer_id, p2->answers[j].answer_id);
}

static void test_004_related_excerpts(void)
{
    const cn_page *p4 = page_named(&g_corpus, "004_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p4);
    CU_ASSERT_EQUAL_FATAL(p4->n_answers, 13);
    for (size_t k = 10; k < 13; k++) {
        CU_ASSERT_TRUE(p4->answers[k].excerpt);
        CU_ASSERT_TRUE(p4->answers[k].related);
        CU_ASSERT_STRING_EQUAL(p4->answers[k].duplicate_of, "");
    }
    size_t related = 0;
    for (size_t i = 0; i < g_corpus.n; i++)
        for (size_t k = 0; k < g_corpus.pages[i]->n_answers; k++)
            related += g_corpus.pages[i]->answers[k].related;
    CU_ASSERT_EQUAL(related, 3);
}

/* The Aldea answer: 002 drops the sign-off "Peter A Aldea, MD / Memphis, TN"
 * that 004 keeps at the end of its line; they still match. */
static void test_signoff_removed_yet_matched(void)
{
    const cn_page *p2 = page_named(&g_corpus, "002_"), *p4 = page_named(&g_corpus, "004_");
    const cn_page *p0 = page_named(&g_corpus, "000_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p4);
    CU_ASSERT_EQUAL_FATAL(p0->n_answers, 10);
    CU_ASSERT_EQUAL_FATAL(p2->n_answers, 10);
    CU_ASSERT_EQUAL_FATAL(p4->n_answers, 13);
    const cn_answer *a = &p2->answers[7];
    CU_ASSERT_STRING_EQUAL(a->physician.name, "Peter A. Aldea, MD");
    CU_ASSERT_PTR_NULL(strstr(a->text, "Memphis, TN"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p4->answers[6].text, "Peter A Aldea, MD Memphis, TN"));
    CU_ASSERT_STRING_EQUAL(p4->answers[6].duplicate_of, a->answer_id);
    /* 000: "Best, Dr. Emer" and the "Sagar Patel" line go; "Best, Dr. Green"
     * (an unsigned answer: nobody to compare with) stays. */
    CU_ASSERT_PTR_NULL(strstr(p0->answers[5].text, "Dr. Emer"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p0->answers[5].text, "consult your Dr."));
    CU_ASSERT_PTR_NULL(strstr(p0->answers[9].text, "Sagar Patel"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p0->answers[9].text, "Hope that helps!"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p0->answers[7].text, "Best, Dr. Green"));
    /* the quoted line after a colon stays in the body */
    CU_ASSERT_PTR_NOT_NULL(strstr(p0->answers[9].text, "\"Botox induced muscle paralysis"));
}

static void test_residue_and_disclaimer_gone(void)
{
    for (size_t i = 0; i < g_corpus.n; i++) {
        const cn_page *p = g_corpus.pages[i];
        for (size_t k = 0; k < p->n_answers; k++) {
            const cn_answer *a = &p->answers[k];
            CU_ASSERT_PTR_NULL(strstr(a->text, "{{"));
            CU_ASSERT_PTR_NULL(strstr(a->text, "voteCount"));
            CU_ASSERT_PTR_NULL(strstr(a->text, "educational purposes"));
            CU_ASSERT_FALSE(a->truncated); /* every sample page is complete */
        }
    }
}

/* Ids come from content only: the same files under other names and folders
 * give the same ids, run after run. */
static void test_ids_stable(void)
{
    CU_ASSERT_EQUAL_FATAL(g_corpus.n, 5);
    char *dir = tu_mkdtemp();
    const char *names[] = {"a", "b", "c", "d", "e"};
    char *paths[5];
    for (size_t i = 0; i < 5; i++) {
        char src[512];
        snprintf(src, sizeof src, "%s", g_corpus.pages[i]->path);
        size_t len;
        char *data = tu_read_file(src, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(data);
        paths[i] = tu_write_file(dir, names[i], data, len);
        free(data);
    }
    ru_result again = ru_read_paths(g_cues, (const char *const *)paths, 5);
    CU_ASSERT_EQUAL_FATAL(again.n, 5);
    for (size_t i = 0; i < 5; i++) {
        const cn_page *p = g_corpus.pages[i], *q = again.pages[i];
        CU_ASSERT_STRING_EQUAL(p->question_id, q->question_id);
        CU_ASSERT_EQUAL_FATAL(p->n_answers, q->n_answers);
        for (size_t k = 0; k < p->n_answers; k++) {
            CU_ASSERT_STRING_EQUAL(p->answers[k].answer_id, q->answers[k].answer_id);
            CU_ASSERT_STRING_EQUAL(p->answers[k].duplicate_of, q->answers[k].duplicate_of);
            for (size_t c = 0; c < CN_ID_LEN; c++)
                CU_ASSERT_PTR_NOT_NULL(strchr("0123456789abcdef", q->answers[k].answer_id[c]));
        }
        free(paths[i]);
    }
    ru_free(&again);
    tu_rm_rf(dir);
    free(dir);
}

/* answer_id is the first 16 hex digits of SHA-256 of the de-duplication key
 * (long answers), as cn_dedup.h documents: recompute one independently. */
static void test_answer_id_definition(void)
{
    const cn_page *p3 = page_named(&g_corpus, "003_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p3);
    CU_ASSERT_EQUAL_FATAL(p3->n_answers, 2);
    const cn_answer *a = &p3->answers[1];
    char *key = cn_text_dedup_key(a->text, strlen(a->text));
    char hex[65];
    cn_sha256_hex(key, strlen(key), hex);
    hex[CN_ID_LEN] = '\0';
    CU_ASSERT_STRING_EQUAL(a->answer_id, hex);
    free(key);
}

static void test_cli_parse_corpus(void)
{
    char *out = NULL, *err = NULL;
    int status = tu_run_cli("parse corpus/", &out, &err);
    CU_ASSERT_EQUAL(status, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_STRING_EQUAL(err, "");
    static const char *const FIELDS[] = {"file",      "index",        "answer_id", "question_id",
                                         "question",  "duplicate_of", "title",     "text",
                                         "physician", "excerpt",      "related",   "truncated"};
    size_t lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        CU_ASSERT_FATAL(cJSON_IsObject(o));
        for (size_t f = 0; f < sizeof FIELDS / sizeof FIELDS[0]; f++)
            CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(o, FIELDS[f]));
        const cJSON *ph = cJSON_GetObjectItemCaseSensitive(o, "physician");
        CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(ph, "specialty"));
        cJSON_Delete(o);
        lines++;
    }
    CU_ASSERT_EQUAL(lines, 10 + 5 + 10 + 2 + 13);
    free(out);
    free(err);
    /* byte-identical on a second run */
    char *again = NULL, *first = NULL;
    tu_run_cli("parse corpus/", &first, NULL);
    tu_run_cli("parse", &again, NULL); /* default path is corpus/ */
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_PTR_NOT_NULL_FATAL(again);
    CU_ASSERT_STRING_EQUAL(first, again);
    free(first);
    free(again);
}

static void test_cli_json_matches_library(void)
{
    const cn_page *p = page_named(&g_corpus, "001_");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL_FATAL(p->n_answers, 5);
    cJSON *o = cn_answer_json_new(p, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    const cJSON *ph = cJSON_GetObjectItemCaseSensitive(o, "physician");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(ph, "name")->valuestring,
                           "Stephen Weber MD, FACS");
    CU_ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(ph, "rating")));
    CU_ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, "duplicate_of")));
    CU_ASSERT_EQUAL(cJSON_GetObjectItemCaseSensitive(o, "index")->valueint, 4);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(o, "format")->valuestring,
                           "structured");
    cJSON_Delete(o);
}

static void test_cli_help_and_usage(void)
{
    char *out = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("parse --help", &out, NULL), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out ? out : "", "Usage: consensus parse"));
    free(out);
    char *err = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("parse corpus/ no/such/path", NULL, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "no/such/path"));
    free(err);
    CU_ASSERT_EQUAL(tu_run_cli("parse --bogus corpus/", NULL, NULL), 2);
    CU_ASSERT_EQUAL(tu_run_cli("parse --rules /nonexistent corpus/", NULL, NULL), 2);
}

int main(void)
{
    g_cues = ru_load_cues();
    if (!g_cues)
        return 1;
    const char *paths[] = {"corpus/"};
    g_corpus = ru_read_paths(g_cues, paths, 1);
    static const tu_test tests[] = {
        {"corpus reads clean, in name order", test_corpus_reads_clean},
        {"agrees with seeds.parse.json", test_seeds_parse_json},
        {"002 + 004 are one question", test_002_004_one_question},
        {"002 + 004 have 11 distinct answers", test_002_004_eleven_distinct},
        {"004 repeats point at 002", test_004_repeats_point_at_002},
        {"004 related-question excerpts", test_004_related_excerpts},
        {"sign-offs removed, still matched", test_signoff_removed_yet_matched},
        {"residue and disclaimer gone", test_residue_and_disclaimer_gone},
        {"ids stable across names and runs", test_ids_stable},
        {"answer_id definition", test_answer_id_definition},
        {"CLI parse corpus/", test_cli_parse_corpus},
        {"answer JSON object", test_cli_json_matches_library},
        {"CLI help and usage errors", test_cli_help_and_usage},
        {NULL, NULL},
    };
    int rc = tu_run_suite("reader", tests);
    ru_free(&g_corpus);
    cn_pagecues_free(g_cues);
    return rc;
}
