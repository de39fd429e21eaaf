/*
 * readerutil: fixtures shared by the corpus reader suites: load the page cues
 * from the rule folder under test, and read files or in-memory page text
 * through a cn_reader, collecting its pages and its rejections.
 */
#ifndef CN_READERUTIL_H
#define CN_READERUTIL_H

#include "testutil.h"

#include "cn_pagecues.h"
#include "cn_reader.h"
#include "cn_text.h"

#include <stdbool.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Gold alignment: the normalized text starts with the normalized prefix. */
static inline bool ru_starts_with_normalized(const char *text, const char *prefix)
{
    char *t = cn_text_normalize(text, strlen(text), NULL, NULL);
    char *p = cn_text_normalize(prefix, strlen(prefix), NULL, NULL);
    bool ok = t && p && strncmp(t, p, strlen(p)) == 0;
    free(t);
    free(p);
    return ok;
}

/* The rule folder: $CONSENSUS_RULES (set by ctest) or ./rules. */
static inline const char *ru_rules_dir(void)
{
    const char *dir = getenv("CONSENSUS_RULES");
    return dir && *dir ? dir : "rules";
}

static inline cn_pagecues *ru_load_cues(void)
{
    cn_pagecues *cues = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_pagecues_load(ru_rules_dir(), &cues, &err) != CN_OK)
        fprintf(stderr, "cannot load page cues: %s\n", err.message);
    return cues;
}

/* Everything one reader run produced. */
typedef struct ru_result {
    int new_rc;      /* cn_reader_new's result */
    cn_page **pages; /* in reading order */
    size_t n;
    char **errors; /* cn_reader_next error messages, in order */
    size_t n_errors;
    size_t skipped; /* cn_reader_skipped_count at the end */
} ru_result;

static inline void ru_free(ru_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        cn_page_free(r->pages[i]);
    for (size_t i = 0; i < r->n_errors; i++)
        free(r->errors[i]);
    free(r->pages);
    free(r->errors);
    memset(r, 0, sizeof *r);
}

static inline ru_result ru_read_paths(const cn_pagecues *cues, const char *const *paths, size_t n)
{
    ru_result r = {0};
    cn_reader *reader = NULL;
    cn_error err;
    cn_error_clear(&err);
    r.new_rc = cn_reader_new(paths, n, cues, &reader, &err);
    if (r.new_rc != CN_OK) {
        r.errors = malloc(sizeof *r.errors);
        r.errors[0] = strdup(err.message);
        r.n_errors = 1;
        return r;
    }
    for (;;) {
        cn_page *page = NULL;
        cn_error_clear(&err);
        int rc = cn_reader_next(reader, &page, &err);
        if (rc != CN_OK) {
            r.errors = realloc(r.errors, (r.n_errors + 1) * sizeof *r.errors);
            r.errors[r.n_errors++] = strdup(err.message);
            if (rc == CN_ERR_NOMEM)
                break;
            continue;
        }
        if (!page)
            break;
        r.pages = realloc(r.pages, (r.n + 1) * sizeof *r.pages);
        r.pages[r.n++] = page;
    }
    r.skipped = cn_reader_skipped_count(reader);
    cn_reader_free(reader);
    return r;
}

/* Write data as dir/name in a scratch folder and read that file. */
static inline ru_result ru_read_text(const cn_pagecues *cues, const char *name, const char *data,
                                     size_t len)
{
    char *dir = tu_mkdtemp();
    char *path = tu_write_file(dir, name, data, len);
    const char *paths[] = {path};
    ru_result r = ru_read_paths(cues, paths, 1);
    tu_rm_rf(dir);
    free(path);
    free(dir);
    return r;
}

static inline ru_result ru_read_str(const cn_pagecues *cues, const char *data)
{
    return ru_read_text(cues, "page.txt", data, strlen(data));
}

/* Answer index (1-based) of the first page, or NULL. */
static inline const cn_answer *ru_answer(const ru_result *r, size_t index)
{
    if (r->n == 0 || index == 0 || index > r->pages[0]->n_answers)
        return NULL;
    return &r->pages[0]->answers[index - 1];
}

/* Answers read on the first page (0 when there is none). */
static inline size_t ru_n_answers(const ru_result *r)
{
    return r->n ? r->pages[0]->n_answers : 0;
}

/* Assert that answer i (1-based) starts with these words (normalized). */
static inline void ru_check_start(const ru_result *r, size_t i, const char *start)
{
    const cn_answer *a = ru_answer(r, i);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    if (!ru_starts_with_normalized(a->text, start))
        fprintf(stderr, "\n    answer %zu starts \"%.60s\", expected \"%s\"", i, a->text, start);
    CU_ASSERT_TRUE(ru_starts_with_normalized(a->text, start));
}

/* Assert that answer i (1-based) has a title equal to this one. */
static inline void ru_check_title(const ru_result *r, size_t i, const char *title)
{
    const cn_answer *a = ru_answer(r, i);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a->title);
    CU_ASSERT_STRING_EQUAL(a->title, title);
}

/* Assert that answer i's body ends with these bytes. */
static inline void ru_check_end(const ru_result *r, size_t i, const char *end)
{
    const cn_answer *a = ru_answer(r, i);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    size_t n = strlen(a->text), m = strlen(end);
    bool ok = n >= m && strcmp(a->text + n - m, end) == 0;
    if (!ok)
        fprintf(stderr, "\n    answer %zu ends \"%s\", expected \"%s\"", i,
                n > 60 ? a->text + n - 60 : a->text, end);
    CU_ASSERT_TRUE(ok);
}

/* A reader suite's main: load the page cues into *cues (the suite's tests
 * read them), run the tests, free the cues. 1 when the cues do not load. */
static inline int ru_run_suite(const char *suite, const tu_test *tests, cn_pagecues **cues)
{
    *cues = ru_load_cues();
    if (!*cues)
        return 1;
    int rc = tu_run_suite(suite, tests);
    cn_pagecues_free(*cues);
    *cues = NULL;
    return rc;
}

#endif
