/*
 * cn_batch: the annotations of a run of pages (cn_annotate), made by N workers
 * (N - 1 threads, and the calling thread while it waits for the run),
 * exactly as one annotator makes them one page after the other.
 *
 * Each worker has its own cn_annotator; the rule set is shared read-only. The
 * one thing an annotator carries from page to page, the primary claim chosen
 * for each question_id on the question's first page, is kept here instead:
 * before a run starts, each page is marked as choosing its question (the
 * first page of a question_id in reading order, or a page without one) or as
 * following the question of an earlier page; a following page waits until
 * that page's choice is made, whichever worker makes it. So the annotations,
 * and all output made from them, do not depend on the number of workers or
 * on which worker took which page.
 *
 * Use: cn_batch_new; then for each run of pages (in reading order, the runs
 * in reading order too) cn_batch_start, cn_batch_wait, and cn_batch_take for
 * each page annotated. The pages are borrowed until cn_batch_wait returns, so
 * a caller can read the next run while this one is annotated. Annotations
 * borrow claim ids from the batch's annotators: free them before the batch.
 * One thread drives a batch; the workers are internal.
 */
#ifndef CN_BATCH_H
#define CN_BATCH_H

#include "cn_annotate.h"
#include "cn_error.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <stdbool.h>
#include <stddef.h>

/* Pages per run per worker that keep the workers busy with little waiting at
 * the end of a run (a suggestion for callers that choose the run length). */
#define CN_BATCH_PAGES_PER_JOB 32

/* The most worker threads a batch starts. */
#define CN_BATCH_MAX_JOBS 256

typedef struct cn_batch cn_batch;

/* A batch of `jobs` workers (1..CN_BATCH_MAX_JOBS) over rules, which must
 * outlive it: jobs - 1 threads, and the calling thread, which annotates pages
 * of the run in cn_batch_wait (so read the next run before waiting). With
 * jobs 1 no thread is started: cn_batch_start annotates the pages in the
 * calling thread. */
int cn_batch_new(const cn_rules *rules, size_t jobs, cn_batch **out, cn_error *err);

/* Waits for a run still going, stops the workers, frees the annotators (and
 * every annotation not taken). */
void cn_batch_free(cn_batch *b);

size_t cn_batch_jobs(const cn_batch *b);

/* Render each page's `classify` lines in the worker that annotated it
 * (cn_batch_take_lines) and keep the lines only: cn_batch_take gives NULL
 * then. Off by default. Not while a run is going. */
void cn_batch_render_lines(cn_batch *b, bool on);

/* Start annotating pages[0, n) (borrowed, unchanged, until cn_batch_wait).
 * Results not taken from the previous run are freed. CN_ERR_USAGE while a
 * run is going; CN_ERR_NOMEM. */
int cn_batch_start(cn_batch *b, cn_page *const *pages, size_t n, cn_error *err);

/* Wait for the run. *n_done gets how many pages from the first were
 * annotated: all n (CN_OK), or up to the first page that failed, whose error
 * is returned (err says why; later pages are not annotated). */
int cn_batch_wait(cn_batch *b, size_t *n_done, cn_error *err);

/* The annotation of page i of the last run (i < *n_done), handed over: free it
 * with cn_page_annotation_free before cn_batch_free. NULL when taken already
 * or when only lines are kept (cn_batch_render_lines). */
cn_page_annotation *cn_batch_take(cn_batch *b, size_t i);

/* With cn_batch_render_lines: page i's `classify` lines
 * (cn_annotation_answer_json, one a line, each ending in '\n'; "" for a page
 * without answers), handed over (free()). NULL when taken or not rendered. */
char *cn_batch_take_lines(cn_batch *b, size_t i);

/* The length of page i's lines (strlen of what cn_batch_take_lines gives),
 * known from rendering them: to write them without measuring them again.
 * 0 when taken or not rendered. */
size_t cn_batch_lines_length(const cn_batch *b, size_t i);

/* Texts tokenized and matched so far, summed over the workers
 * (cn_annotator_docs_made); the same for any number of workers. Not while a
 * run is going. */
size_t cn_batch_docs_made(const cn_batch *b);

#endif
