/* test_batch: pages annotated on 1, 2 and 4 worker threads (cn_batch) give
 * the same annotations, line for line of `classify`, as one annotator in
 * page order, on the sample corpus and the dev pages (also read twice, so
 * that most pages follow the question chosen on an earlier page), in runs of
 * any length; a page of a known question_id is judged against the claim
 * chosen on that question's first page whichever worker chose it; and the
 * count of texts tokenized is the same. */
#include "testutil.h"

#include "cn_annotate.h"
#include "cn_batch.h"
#include "cn_page.h"
#include "cn_pagecues.h"
#include "cn_reader.h"
#include "cn_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cn_rules *RULES;
static cn_pagecues *CUES;

static const char *rules_dir(void)
{
    const char *env = getenv("CONSENSUS_RULES");
    return env && *env ? env : "rules";
}

typedef struct pages {
    cn_page **p;
    size_t n;
} pages;

static pages read_pages(const char *const *paths, size_t n_paths)
{
    pages ps = {0};
    cn_reader *reader = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_reader_new(paths, n_paths, CUES, &reader, &err), CN_OK);
    size_t cap = 0;
    for (;;) {
        cn_page *page = NULL;
        int rc = cn_reader_next(reader, &page, &err);
        CU_ASSERT_NOT_EQUAL_FATAL(rc, CN_ERR_NOMEM);
        if (rc)
            continue;
        if (!page)
            break;
        if (ps.n == cap) {
            cap = cap ? 2 * cap : 64;
            ps.p = realloc(ps.p, cap * sizeof *ps.p);
            CU_ASSERT_PTR_NOT_NULL_FATAL(ps.p);
        }
        ps.p[ps.n++] = page;
    }
    cn_reader_free(reader);
    return ps;
}

static void free_pages(pages *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        cn_page_free(ps->p[i]);
    free(ps->p);
}

/* Append page's `classify` lines from pa to *buf. */
static void append_lines(char **buf, size_t *len, const cn_page *page, const cn_page_annotation *pa)
{
    for (size_t i = 0; i < page->n_answers; i++) {
        cJSON *o = cn_annotation_answer_json(page, i, pa);
        char *line = o ? cJSON_PrintUnformatted(o) : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(line);
        size_t n = strlen(line);
        *buf = realloc(*buf, *len + n + 2);
        CU_ASSERT_PTR_NOT_NULL_FATAL(*buf);
        memcpy(*buf + *len, line, n);
        *len += n;
        (*buf)[(*len)++] = '\n';
        (*buf)[*len] = '\0';
        cJSON_free(line);
        cJSON_Delete(o);
    }
}

/* The reference: one annotator, page after page (what `classify` did before
 * --jobs). */
static char *sequential(const pages *ps, size_t *docs)
{
    cn_annotator *a = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(RULES, &a, &err), CN_OK);
    char *buf = calloc(1, 1);
    size_t len = 0;
    for (size_t i = 0; i < ps->n; i++) {
        cn_page_annotation *pa = NULL;
        CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, ps->p[i], &pa, &err), CN_OK);
        append_lines(&buf, &len, ps->p[i], pa);
        cn_page_annotation_free(pa);
    }
    *docs = cn_annotator_docs_made(a);
    cn_annotator_free(a);
    return buf;
}

/* The same through a batch of `jobs` workers, in runs of `run` pages: the
 * annotations handed out (kept until the end: they borrow from the
 * annotators), or with `lines` the lines rendered by the workers. */
static char *batched(const pages *ps, size_t jobs, size_t run, bool lines, size_t *docs)
{
    cn_batch *b = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_batch_new(RULES, jobs, &b, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_batch_jobs(b), jobs);
    cn_batch_render_lines(b, lines);
    cn_page_annotation **kept = calloc(ps->n + 1, sizeof *kept);
    char *buf = calloc(1, 1);
    size_t len = 0;
    for (size_t p = 0; p < ps->n; p += run) {
        size_t n = ps->n - p < run ? ps->n - p : run, n_done = 0;
        CU_ASSERT_EQUAL_FATAL(cn_batch_start(b, ps->p + p, n, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_batch_wait(b, &n_done, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(n_done, n);
        for (size_t i = 0; i < n; i++) {
            kept[p + i] = cn_batch_take(b, i);
            char *text = cn_batch_take_lines(b, i);
            if (lines) {
                CU_ASSERT_PTR_NULL(kept[p + i]); /* the lines only */
                CU_ASSERT_PTR_NOT_NULL_FATAL(text);
                CU_ASSERT_PTR_NULL(cn_batch_take_lines(b, i)); /* handed over once */
                size_t l = strlen(text);
                buf = realloc(buf, len + l + 1);
                memcpy(buf + len, text, l + 1);
                len += l;
                free(text);
            } else {
                CU_ASSERT_PTR_NULL(text);
                CU_ASSERT_PTR_NOT_NULL_FATAL(kept[p + i]);
                CU_ASSERT_PTR_NULL(cn_batch_take(b, i)); /* handed over once */
            }
        }
    }
    for (size_t i = 0; !lines && i < ps->n; i++)
        append_lines(&buf, &len, ps->p[i], kept[i]);
    *docs = cn_batch_docs_made(b);
    for (size_t i = 0; i < ps->n; i++)
        cn_page_annotation_free(kept[i]);
    free(kept);
    cn_batch_free(b);
    return buf;
}

/* The first line that differs, for the failure message. */
static void report_difference(const char *want, const char *got, size_t jobs, size_t run)
{
    size_t line = 1;
    const char *w = want, *g = got;
    while (*w && *w == *g) {
        if (*w == '\n')
            line++;
        w++;
        g++;
    }
    fprintf(stderr, "\n  jobs %zu, runs of %zu pages: line %zu differs\n", jobs, run, line);
}

static void same_for_every_job_count(const char *const *paths, size_t n_paths)
{
    pages ps = read_pages(paths, n_paths);
    CU_ASSERT_FATAL(ps.n > 0);
    size_t want_docs = 0;
    char *want = sequential(&ps, &want_docs);
    CU_ASSERT(strlen(want) > 0);
    static const size_t JOBS[] = {1, 2, 4};
    const size_t runs[] = {1, 7, ps.n};
    for (size_t j = 0; j < sizeof JOBS / sizeof *JOBS; j++)
        for (size_t r = 0; r < sizeof runs / sizeof *runs; r++)
            for (int lines = 0; lines < 2; lines++) {
                size_t docs = 0;
                char *got = batched(&ps, JOBS[j], runs[r], lines, &docs);
                if (strcmp(want, got))
                    report_difference(want, got, JOBS[j], runs[r]);
                CU_ASSERT_STRING_EQUAL(got, want);
                CU_ASSERT_EQUAL(docs, want_docs);
                free(got);
            }
    free(want);
    free_pages(&ps);
}

static void test_sample_and_dev(void)
{
    static const char *const PATHS[] = {"corpus", "tests/data/dev/pages"};
    same_for_every_job_count(PATHS, 2);
}

/* Read twice: every page of the second reading is a known question_id, so
 * it follows the choice made on its first reading, in the same run or an
 * earlier one, by any worker. */
static void test_read_twice(void)
{
    static const char *const PATHS[] = {"corpus", "tests/data/dev/pages", "corpus",
                                        "tests/data/dev/pages"};
    same_for_every_job_count(PATHS, 4);
}

/* Pages of one question_id asking different things: each is judged against
 * the claim chosen on the first, as one annotator does, whichever worker
 * chose it and in whichever run. */
static void test_question_memory(void)
{
    static const char *const QUESTIONS[] = {
        "Is Botox safe while pregnant?",
        "Can I vape before my augmentation surgery?",
        "Can I exercise after a tummy tuck?",
    };
    enum { N = 24 };
    cn_answer answers[N];
    cn_page page[N];
    cn_page *pages_[N];
    for (size_t i = 0; i < N; i++) {
        answers[i] = (cn_answer){.index = 1, .text = "I would wait a few weeks to be safe."};
        page[i] = (cn_page){.file = "p.txt",
                            .question = (char *)QUESTIONS[i % 3],
                            .answers = &answers[i],
                            .n_answers = 1,
                            .declared_answers = -1};
        /* two questions, their pages interleaved; the first page of each asks
         * about Botox or vaping, later ones about other things */
        snprintf(page[i].question_id, sizeof page[i].question_id, "%016zx", i % 2);
        pages_[i] = &page[i];
    }
    pages ps = {pages_, N};
    size_t docs = 0;
    char *want = sequential(&ps, &docs);
    for (size_t jobs = 1; jobs <= 4; jobs *= 2)
        for (size_t run = 1; run <= N; run += 23) {
            size_t got_docs = 0;
            char *got = batched(&ps, jobs, run, run > 1, &got_docs);
            CU_ASSERT_STRING_EQUAL(got, want);
            CU_ASSERT_EQUAL(got_docs, docs);
            free(got);
        }
    free(want);
    /* and that is the first page's claim, not the page's own */
    cn_batch *b = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_batch_new(RULES, 4, &b, &err), CN_OK);
    size_t n_done = 0;
    CU_ASSERT_EQUAL_FATAL(cn_batch_start(b, pages_, N, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_batch_wait(b, &n_done, &err), CN_OK);
    cn_page_annotation *first = cn_batch_take(b, 0), *third = cn_batch_take(b, 2);
    cn_page_annotation *second = cn_batch_take(b, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_PTR_NOT_NULL_FATAL(second);
    CU_ASSERT_PTR_NOT_NULL_FATAL(third);
    CU_ASSERT_STRING_EQUAL(third->primary->id, first->primary->id);
    CU_ASSERT_STRING_NOT_EQUAL(second->primary->id, first->primary->id);
    cn_page_annotation_free(first);
    cn_page_annotation_free(second);
    cn_page_annotation_free(third);
    cn_batch_free(b);
}

static void test_misuse(void)
{
    cn_batch *b = NULL;
    cn_error err;
    CU_ASSERT_EQUAL(cn_batch_new(RULES, 0, &b, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL(cn_batch_new(RULES, CN_BATCH_MAX_JOBS + 1, &b, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL_FATAL(cn_batch_new(RULES, 2, &b, &err), CN_OK);
    size_t n_done = 1;
    CU_ASSERT_EQUAL(cn_batch_wait(b, &n_done, &err), CN_ERR_USAGE); /* nothing started */
    CU_ASSERT_EQUAL(n_done, 0);
    /* an empty run */
    CU_ASSERT_EQUAL(cn_batch_start(b, NULL, 0, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_batch_start(b, NULL, 0, &err), CN_ERR_USAGE); /* not waited for */
    CU_ASSERT_EQUAL(cn_batch_wait(b, &n_done, &err), CN_OK);
    CU_ASSERT_EQUAL(n_done, 0);
    CU_ASSERT_PTR_NULL(cn_batch_take(b, 0));
    CU_ASSERT_EQUAL(cn_batch_docs_made(b), 0);
    /* freed with a run going and nothing taken: no leak (ASan, valgrind) */
    cn_answer a = {.index = 1, .text = "Wait two weeks."};
    cn_page page = {.file = "p.txt", .answers = &a, .n_answers = 1, .declared_answers = -1};
    cn_page *pp[] = {&page, &page, &page};
    CU_ASSERT_EQUAL(cn_batch_start(b, pp, 3, &err), CN_OK);
    cn_batch_free(b);
}

int main(void)
{
    cn_error err;
    if (cn_rules_load(rules_dir(), &RULES, NULL, NULL, &err) != CN_OK ||
        cn_pagecues_load(rules_dir(), &CUES, &err) != CN_OK) {
        fprintf(stderr, "cannot load %s (run from the source root): %s\n", rules_dir(),
                err.message);
        return 1;
    }
    static const tu_test tests[] = {
        {"sample and dev pages, 1, 2, 4 workers", test_sample_and_dev},
        {"pages read twice follow their question", test_read_twice},
        {"a question_id keeps its first page's claim", test_question_memory},
        {"misuse and early free", test_misuse},
        {NULL, NULL},
    };
    int rc = tu_run_suite("batch", tests);
    cn_pagecues_free(CUES);
    cn_rules_free(RULES);
    return rc;
}
