/*
 * test_reader_dev: answer segmentation on the 25 dev practice pages. Every
 * line of tests/data/dev/dev.gold.jsonl names a file, an answer index and the
 * start of that answer's text; the reader's answer at that index must start
 * with it (normalized, as `consensus eval` aligns), and every file must have
 * exactly as many answers as the gold labels (the dev gold labels every
 * answer, related-question excerpts included).
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

#include "cn_text.h"

#include <cJSON.h>

static cn_pagecues *g_cues;
static ru_result g_dev;

typedef struct gold_line {
    char file[64];
    size_t index;
    char *prefix;
} gold_line;

static gold_line *g_gold;
static size_t g_n_gold;

static int load_gold(void)
{
    char *text = tu_read_file("tests/data/dev/dev.gold.jsonl", NULL);
    if (!text)
        return -1;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, "file");
        const cJSON *i = cJSON_GetObjectItemCaseSensitive(o, "index");
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, "prefix");
        if (!cJSON_IsString(f) || !cJSON_IsNumber(i) || !cJSON_IsString(p)) {
            cJSON_Delete(o);
            free(text);
            return -1;
        }
        g_gold = realloc(g_gold, (g_n_gold + 1) * sizeof *g_gold);
        gold_line *g = &g_gold[g_n_gold++];
        snprintf(g->file, sizeof g->file, "%s", f->valuestring);
        g->index = (size_t)i->valueint;
        g->prefix = strdup(p->valuestring);
        cJSON_Delete(o);
    }
    free(text);
    return 0;
}

static const cn_page *page_named(const char *file)
{
    for (size_t i = 0; i < g_dev.n; i++)
        if (strcmp(g_dev.pages[i]->file, file) == 0)
            return g_dev.pages[i];
    return NULL;
}

static void test_dev_reads_clean(void)
{
    CU_ASSERT_EQUAL(g_dev.new_rc, CN_OK);
    CU_ASSERT_EQUAL(g_dev.n_errors, 0);
    CU_ASSERT_EQUAL(g_dev.n, 25);
    CU_ASSERT_EQUAL(g_n_gold, 156);
}

static void test_every_gold_line_aligns(void)
{
    size_t misses = 0;
    for (size_t i = 0; i < g_n_gold; i++) {
        const gold_line *g = &g_gold[i];
        const cn_page *p = page_named(g->file);
        bool ok = p && g->index >= 1 && g->index <= p->n_answers &&
                  ru_starts_with_normalized(p->answers[g->index - 1].text, g->prefix);
        if (!ok) {
            misses++;
            fprintf(stderr, "not aligned: %s #%zu \"%s\"\n", g->file, g->index, g->prefix);
        }
    }
    CU_ASSERT_EQUAL(misses, 0);
}

static void test_answer_counts_match(void)
{
    for (size_t i = 0; i < g_dev.n; i++) {
        const cn_page *p = g_dev.pages[i];
        size_t labeled = 0;
        for (size_t k = 0; k < g_n_gold; k++)
            labeled += strcmp(g_gold[k].file, p->file) == 0;
        if (labeled != p->n_answers)
            fprintf(stderr, "%s: %zu answers, %zu labeled\n", p->file, p->n_answers, labeled);
        CU_ASSERT_EQUAL(p->n_answers, labeled);
    }
}

/* Structured dev pages end with the disclaimer: nothing is truncated, and
 * every signed answer's physician parsed into a name or a place. */
static void test_dev_structure(void)
{
    size_t structured = 0, flat = 0, signed_answers = 0;
    for (size_t i = 0; i < g_dev.n; i++) {
        const cn_page *p = g_dev.pages[i];
        structured += p->format == CN_FORMAT_STRUCTURED;
        flat += p->format == CN_FORMAT_FLAT;
        for (size_t k = 0; k < p->n_answers; k++) {
            const cn_answer *a = &p->answers[k];
            CU_ASSERT_FALSE(a->truncated);
            if (p->format == CN_FORMAT_STRUCTURED) {
                CU_ASSERT_PTR_NOT_NULL(a->title);
                signed_answers += a->physician.name || a->physician.specialty;
            }
        }
    }
    CU_ASSERT_EQUAL(structured, 22);
    CU_ASSERT_EQUAL(flat, 3);
    CU_ASSERT_TRUE(signed_answers >= 100);
}

int main(void)
{
    g_cues = ru_load_cues();
    if (!g_cues || load_gold() != 0)
        return 1;
    const char *paths[] = {"tests/data/dev/pages"};
    g_dev = ru_read_paths(g_cues, paths, 1);
    static const tu_test tests[] = {
        {"dev pages read clean", test_dev_reads_clean},
        {"every dev gold line aligns", test_every_gold_line_aligns},
        {"answer counts match the gold", test_answer_counts_match},
        {"dev page structure", test_dev_structure},
        {NULL, NULL},
    };
    int rc = tu_run_suite("reader_dev", tests);
    ru_free(&g_dev);
    for (size_t i = 0; i < g_n_gold; i++)
        free(g_gold[i].prefix);
    free(g_gold);
    cn_pagecues_free(g_cues);
    return rc;
}
