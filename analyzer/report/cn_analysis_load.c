/* cn_analysis_load: pages back from disk while the reports are written: a question's pages
 * a few at a time, one answer's page, a question's body, the conflict scores, and forks of a
 * result with a loader of their own for another thread. */
#include "cn_analysis_int.h"

#include <stdlib.h>

/* At most this many of a question's pages are loaded at once: a question
 * merged through shared answers can have hundreds of thousands of answers,
 * and its pages all loaded took most of analyze's memory at 1 GB. */
#define QUESTION_PAGES_LOADED 64

int cn_analysis_load_question(const cn_analysis_result *r, size_t q, cn_error *err)
{
    cn_analysis_loader *L = r->loader;
    if (q >= r->n_questions)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: no question %zu", q);
    cn_spill_release(L->spill);
    L->cur_q = SIZE_MAX;
    if (L->load_rc != CN_OK) {
        *err = L->load_err;
        return L->load_rc;
    }
    L->cur_q = q;
    return CN_OK;
}

int cn_analysis_load_status(const cn_analysis_result *r, cn_error *err)
{
    if (r->loader->load_rc != CN_OK) {
        *err = r->loader->load_err;
        return r->loader->load_rc;
    }
    /* the consensus figures, read back from the pool's file */
    return r->an->pool ? cn_consensus_pool_status(r->an->pool, err) : CN_OK;
}

/* Page p loaded if it is one of the current question's pages (a few at a
 * time: every pointer a writer holds is into the page it asked for last). */
static void load_on_demand(const cn_analysis_result *r, size_t p)
{
    const cn_analysis *an = r->an;
    cn_analysis_loader *L = r->loader;
    if (!L->spill || L->cur_q == SIZE_MAX || L->load_rc != CN_OK || cn_spill_page(L->spill, p) ||
        p >= an->n_pages || an->qpage_start[L->cur_q] == an->qpage_start[L->cur_q + 1] ||
        an->page_question[p] != L->cur_q)
        return;
    if (cn_spill_loaded(L->spill) >= QUESTION_PAGES_LOADED)
        cn_spill_release(L->spill);
    L->load_rc = cn_spill_load(L->spill, p, &L->load_err);
}

int cn_analysis_load_answer(const cn_analysis_result *r, size_t i, cn_error *err)
{
    cn_analysis_loader *L = r->loader;
    if (i >= r->n_answers)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: no answer %zu", i);
    L->cur_q = SIZE_MAX;
    uint32_t p = cna_answer_page(r->an, i);
    if (cn_spill_page(L->spill, p))
        return CN_OK;
    cn_spill_release(L->spill);
    return cn_spill_load(L->spill, p, err);
}

void cn_analysis_release(const cn_analysis_result *r)
{
    r->loader->cur_q = SIZE_MAX;
    if (r->loader->spill)
        cn_spill_release(r->loader->spill);
}

const cn_page *cn_analysis_page_of(const cn_analysis_result *r, size_t i)
{
    if (i >= r->n_answers)
        return NULL;
    uint32_t p = cna_answer_page(r->an, i);
    load_on_demand(r, p);
    return r->loader->spill ? cn_spill_page(r->loader->spill, p) : NULL;
}

const cn_answer *cn_analysis_answer_of(const cn_analysis_result *r, size_t i)
{
    const cn_page *p = cn_analysis_page_of(r, i);
    return p && cn_analysis_answer_in_page(r, &r->answers[i]) < p->n_answers
               ? &p->answers[cn_analysis_answer_in_page(r, &r->answers[i])]
               : NULL;
}

const cn_page_annotation *cn_analysis_annotation_of(const cn_analysis_result *r, size_t i)
{
    if (i >= r->n_answers)
        return NULL;
    uint32_t p = cna_answer_page(r->an, i);
    load_on_demand(r, p);
    return r->loader->spill ? cn_spill_annotation(r->loader->spill, p) : NULL;
}

const cn_decision *cn_analysis_decision(const cn_analysis_result *r, size_t i, size_t v)
{
    const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
    if (!pa || cn_analysis_answer_in_page(r, &r->answers[i]) >= pa->n_answers)
        return NULL;
    const cn_answer_annotation *aa = &pa->answers[cn_analysis_answer_in_page(r, &r->answers[i])];
    return v < aa->n_claims ? &aa->claims[v].decision : NULL;
}

const char *cn_analysis_question_body(const cn_analysis_result *r, size_t q)
{
    const cn_analysis *an = r->an;
    if (q >= r->n_questions || an->body_page[q] == SIZE_MAX)
        return NULL;
    load_on_demand(r, an->body_page[q]);
    const cn_page *p = cn_spill_page(r->loader->spill, an->body_page[q]);
    return p ? p->body : NULL;
}

/* A result copy and the loader it alone uses, freed together. */
typedef struct result_fork {
    cn_analysis_result result; /* first: the fork is freed through it */
    cn_analysis_loader loader;
} result_fork;

int cn_analysis_result_fork(const cn_analysis_result *r, cn_analysis_result **out, cn_error *err)
{
    *out = NULL;
    if (!r->an->finished)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a fork before the finish");
    result_fork *f = calloc(1, sizeof *f);
    if (!f)
        return cna_oom(err);
    f->result = *r;
    f->result.loader = &f->loader;
    f->loader.cur_q = SIZE_MAX;
    if (r->an->spill) {
        int rc = cn_spill_reader_new(r->an->spill, &f->loader.spill, err);
        if (rc != CN_OK) {
            free(f);
            return rc;
        }
    }
    *out = &f->result;
    return CN_OK;
}

void cn_analysis_result_fork_free(cn_analysis_result *fork)
{
    if (!fork)
        return;
    result_fork *f = (result_fork *)fork;
    cn_spill_free(f->loader.spill);
    free(f->loader.files);
    free(f->loader.names);
    free(f->loader.span);
    free(f->loader.name);
    free(f->loader.specs);
    free(f);
}

const double *cn_analysis_conflict_scores(const cn_analysis_result *r, size_t i)
{
    size_t lo = cna_place_u32(r->conflicts, r->n_conflicts, sizeof *r->conflicts, i);
    if (lo == r->n_conflicts || !r->an->conflict_scores)
        return NULL;
    cn_analysis_loader *L = r->loader;
    cn_error e;
    cn_error_clear(&e);
    int rc = cn_recfile_read_at(r->an->conflict_scores, (uint64_t)lo * sizeof L->scores, L->scores,
                                sizeof L->scores, &e);
    if (rc != CN_OK) {
        if (L->load_rc == CN_OK) {
            L->load_rc = rc;
            L->load_err = e;
        }
        return NULL;
    }
    return L->scores;
}
