/* cn_analysis_intake: the way pages come in: plain pages judged a run at a time by the
 * annotators (cn_batch, overlapping with the reading), annotated ones as they are, each then
 * kept (cn_analysis_keep) and freed. */
#include "cn_analysis_int.h"

#include <stdlib.h>

/* Wait for the run in flight and take its annotations into an->annos
 * (NULL from the first page that failed on). */
static int wait_flight(cn_analysis *an, cn_error *err)
{
    if (!an->n_flight)
        return CN_OK;
    size_t n_done = 0;
    int rc = cn_batch_wait(an->batch, &n_done, err);
    if (rc != CN_OK) {
        const cn_page *failed = an->flight[n_done < an->n_flight ? n_done : 0];
        cn_error_prefix(err, failed->file ? failed->file : "?");
    }
    for (size_t i = 0; i < an->n_flight; i++)
        an->annos[i] = i < n_done ? cn_batch_take(an->batch, i) : NULL;
    return rc;
}

/* Keep pages[0, n) with an->annos (while rc is CN_OK), then free them. */
static int keep_run(cn_analysis *an, cn_page **pages, size_t n, int rc, cn_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (rc == CN_OK) {
            an->classified += pages[i]->n_answers;
            rc = cna_keep_page(an, pages[i], an->annos[i], err);
        }
        cn_page_annotation_free(an->annos[i]);
        an->annos[i] = NULL;
        cn_page_free(pages[i]);
        pages[i] = NULL;
    }
    if (rc == CN_OK && n && an->opts.progress)
        an->opts.progress(an->opts.progress_ctx, an->classified, an->added);
    return rc;
}

/* Judge the waiting run of pages with the classifier's annotators (the
 * stances `consensus classify` prints: each page against the primary claim
 * of its question_id, chosen on the question's first page; the same on any
 * number of threads, cn_batch), then keep and free them. Runs overlap with
 * the reading: the full run is started, and the run before it (waited for
 * first: the batch takes runs one after the other, in reading order) is
 * kept while the annotators work, and the caller reads the next pages; its
 * pages are kept in reading order as before. `last`: wait for the run just
 * started too and keep it (no more pages come). */
int cna_annotate_run(cn_analysis *an, bool last, cn_error *err)
{
    int rc = wait_flight(an, err);
    cn_page **done = an->flight;
    size_t n_done = an->n_flight;
    an->flight = an->run;
    an->n_flight = an->n_run;
    an->run = done;
    an->n_run = 0;
    if (rc == CN_OK && an->n_flight) {
        rc = cn_batch_start(an->batch, an->flight, an->n_flight, err);
        if (rc != CN_OK)
            cn_error_prefix(err, an->flight[0]->file ? an->flight[0]->file : "?");
    }
    if (rc != CN_OK) { /* not started: the pages are not the batch's */
        for (size_t i = 0; i < an->n_flight; i++)
            cn_page_free(an->flight[i]);
        an->n_flight = 0;
    }
    rc = keep_run(an, done, n_done, rc, err);
    if (last) {
        int w = wait_flight(an, err);
        rc = keep_run(an, an->flight, an->n_flight, rc == CN_OK ? w : rc, err);
        an->n_flight = 0;
    }
    return rc;
}

/* Once the last run is kept no page comes in: the annotators (their
 * recycled docs) and the batch's memory of every question_id it chose a
 * claim for are freed before the records come back, not at the end of the
 * reports. Nothing points into them: a page record holds interned copies
 * of what its annotation chose, and the annotations are freed once kept. */
void cna_release_annotators(cn_analysis *an)
{
    cn_batch_free(an->batch); /* waits for a run in flight: its pages are borrowed */
    an->batch = NULL;
    for (size_t i = 0; i < an->n_run; i++)
        cn_page_free(an->run[i]);
    for (size_t i = 0; i < an->n_flight; i++)
        cn_page_free(an->flight[i]);
    an->n_run = an->n_flight = 0;
    free(an->run);
    free(an->flight);
    free(an->annos);
    an->run = an->flight = NULL;
    an->annos = NULL;
    an->cap_run = 0;
    cna_release_reading_indexes(an);
}

/* The one way in for pages: the page and its annotation (NULL: made here,
 * a run at a time) are owned from here on, freed on failure. */
static int add(cn_analysis *an, cn_page *page, cn_page_annotation *pa, cn_error *err)
{
    if (an->finished || !an->batch) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_USAGE, "analysis: page added after finish");
    }
    an->added += page->n_answers;
    if (!pa) {
        an->n_plain++;
        an->run[an->n_run++] = page;
        return an->n_run == an->cap_run ? cna_annotate_run(an, false, err) : CN_OK;
    }
    an->n_annotated++;
    an->classified += page->n_answers;
    int rc = cna_keep_page(an, page, pa, err);
    cn_page_annotation_free(pa);
    cn_page_free(page);
    return rc;
}

int cn_analysis_add_page(cn_analysis *an, cn_page *page, cn_error *err)
{
    return add(an, page, NULL, err);
}

int cn_analysis_add_annotated(cn_analysis *an, cn_page *page, cn_page_annotation *annotation,
                              cn_error *err)
{
    if (!annotation) {
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_USAGE, "analysis: annotated page without annotation");
    }
    return add(an, page, annotation, err);
}
