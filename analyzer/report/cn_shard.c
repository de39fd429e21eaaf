/* cn_shard: a corpus read and classified into a partial file (analyze --partial). */
#include "cn_shard.h"

#include "cn_batch.h"
#include "cn_config.h"
#include "cn_hash.h"
#include "cn_partial.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct shard {
    cn_reader *reader;
    const cn_shard_opts *opts;
    cn_partial_writer *w;
    cn_batch *batch;
    cn_strmap *seen; /* question ids whose first page was read */
    cn_page **pages; /* the run being classified */
    size_t n_pages, cap_pages;
    char last_path[4096];
    cn_shard_result *res;
    bool done; /* the reader has nothing more */
} shard;

/* Fill the run with up to cap pages; rejected inputs go straight to the
 * partial (their order among themselves is the reader's). */
static int read_run(shard *s, cn_error *err)
{
    s->n_pages = 0;
    while (!s->done && s->n_pages < s->cap_pages) {
        cn_page *page = NULL;
        cn_error e;
        cn_error_clear(&e);
        size_t before = cn_reader_skipped_count(s->reader);
        int rc = cn_reader_next(s->reader, &page, &e);
        if (rc == CN_ERR_NOMEM || cn_reader_failed(s->reader)) {
            *err = e;
            return rc;
        }
        if (rc) {
            if (s->opts->on_skip)
                s->opts->on_skip(s->opts->ctx, e.message);
            size_t n = cn_reader_skipped_count(s->reader);
            if (n > before) {
                rc = cn_partial_write_skipped(s->w, cn_reader_skipped_where(s->reader, n - 1),
                                              cn_reader_skipped_reason(s->reader, n - 1), err);
                if (rc)
                    return rc;
                s->res->skipped++;
            }
            continue;
        }
        if (!page) {
            s->done = true;
            break;
        }
        const char *path = page->path ? page->path : (page->file ? page->file : "");
        if (s->res->pages + s->n_pages == 0 || strcmp(path, s->last_path)) {
            snprintf(s->last_path, sizeof s->last_path, "%s", path);
            s->res->files++;
        }
        s->pages[s->n_pages++] = page;
    }
    return CN_OK;
}

/* Whether page chooses its own question, as cn_batch decides it: the first
 * page of its question_id in reading order, or a page without one. */
static int chooses(shard *s, const cn_page *page, bool *out, cn_error *err)
{
    *out = true;
    if (!page->question_id[0])
        return CN_OK;
    if (cn_strmap_get(s->seen, page->question_id) >= 0) {
        *out = false;
        return CN_OK;
    }
    if (cn_strmap_put(s->seen, page->question_id, 1))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

/* Classify the run and write its pages; the pages are freed either way. */
static int write_run(shard *s, cn_error *err)
{
    size_t n_done = 0;
    int rc = cn_batch_start(s->batch, s->pages, s->n_pages, err);
    if (rc == CN_OK)
        rc = cn_batch_wait(s->batch, &n_done, err);
    if (rc && n_done < s->n_pages) {
        const cn_page *failed = s->pages[n_done];
        cn_error_prefix(err, failed->file ? failed->file : "?");
    }
    for (size_t i = 0; i < s->n_pages; i++) {
        cn_page_annotation *pa = i < n_done ? cn_batch_take(s->batch, i) : NULL;
        bool chose = true;
        if (rc == CN_OK)
            rc = chooses(s, s->pages[i], &chose, err);
        if (rc == CN_OK)
            rc = cn_partial_write_page(s->w, s->pages[i], chose, pa, err);
        if (rc == CN_OK) {
            s->res->pages++;
            s->res->answers += s->pages[i]->n_answers;
        }
        cn_page_annotation_free(pa);
        cn_page_free(s->pages[i]);
        s->pages[i] = NULL;
    }
    s->n_pages = 0;
    if (rc == CN_OK && s->opts->on_progress)
        s->opts->on_progress(s->opts->ctx, s->res->pages, s->res->answers);
    return rc;
}

int cn_shard_write(cn_reader *reader, const cn_rules *rules, const cn_shard_opts *opts,
                   const char *path, cn_shard_result *result, cn_error *err)
{
    memset(result, 0, sizeof *result);
    size_t jobs = opts->jobs ? opts->jobs : 1;
    shard s = {.reader = reader, .opts = opts, .res = result};
    s.cap_pages = 2 * CN_BATCH_PAGES_PER_JOB * jobs;
    s.pages = calloc(s.cap_pages, sizeof *s.pages);
    s.seen = cn_strmap_new();
    cn_partial_header h = {.seed = opts->seed};
    snprintf(h.version, sizeof h.version, "%s", cn_version());
    snprintf(h.rules_sha256, sizeof h.rules_sha256, "%s", cn_rules_sha256(rules));
    int rc = s.pages && s.seen ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK)
        rc = cn_batch_new(rules, jobs, &s.batch, err);
    if (rc == CN_OK)
        rc = cn_partial_writer_new(path, &h, &s.w, err);
    while (rc == CN_OK && !s.done) {
        rc = read_run(&s, err);
        if (rc == CN_OK && s.n_pages)
            rc = write_run(&s, err);
    }
    if (rc == CN_OK)
        rc = cn_partial_writer_commit(s.w, err);
    for (size_t i = 0; i < s.n_pages; i++)
        cn_page_free(s.pages[i]);
    cn_partial_writer_free(s.w);
    cn_batch_free(s.batch);
    cn_strmap_free(s.seen);
    free(s.pages);
    return rc;
}
