/* cn_analysis: an analysis' life cycle (new, free, skipped files, the result) and
 * cn_analysis_finish, which runs the steps of the other cn_analysis_* modules in order. */
#include "cn_analysis_int.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

void cn_analysis_opts_init(cn_analysis_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->seed = CN_ANALYSIS_DEFAULT_SEED;
    cn_consensus_opts_init(&opts->consensus);
    opts->bootstrap = CN_ANALYSIS_DEFAULT_BOOTSTRAP;
    opts->simulate = CN_ANALYSIS_DEFAULT_SIMULATE;
    opts->low_confidence = CN_ANALYSIS_DEFAULT_LOW_CONFIDENCE;
    opts->fragment_words = CN_ANALYSIS_DEFAULT_FRAGMENT_WORDS;
    opts->per_question = CN_ANALYSIS_DEFAULT_PER_QUESTION;
    opts->review_order = CN_REVIEW_MOST_URGENT_FIRST; /* rules/ may say otherwise */
    opts->asymptotic_questions = CN_ANALYSIS_DEFAULT_ASYMPTOTIC_QUESTIONS;
    opts->asymptotic_answers_per_df = CN_ANALYSIS_DEFAULT_ASYMPTOTIC_ANSWERS_PER_DF;
}

const char *cn_within_method_name(cn_within_method method)
{
    switch (method) {
    case CN_WITHIN_PERMUTATION:
        return "permutation";
    case CN_WITHIN_CMH:
        return "cmh";
    default:
        return NULL;
    }
}

const char *cn_answer_role_name(cn_answer_role role)
{
    switch (role) {
    case CN_ROLE_COUNTED:
        return "counted";
    case CN_ROLE_DUPLICATE:
        return "duplicate";
    case CN_ROLE_RELATED:
        return "related";
    }
    return "?";
}

/* glibc's thresholds held where they start (128 KiB): by default a freed
 * block that had its own mmap raises the mmap threshold to its size and the
 * trim threshold to twice that, so after the first large array goes (the
 * answer_ids' 21 MB at 1 GB) every later large array comes from the heap and
 * up to 42 MB of freed heap stays resident between the trims of
 * cna_give_back (report.html's ~26 MB at 1 GB). Held, a large array is a
 * mapping of its own, given back when freed, and the heap's free top goes
 * back at once. Process-wide, once. */
static void hold_malloc_thresholds(void)
{
#ifdef __GLIBC__
    static bool held;
    if (held)
        return;
    held = true;
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}

cn_analysis *cn_analysis_new(const cn_rules *rules, const cn_analysis_opts *opts)
{
    hold_malloc_thresholds();
    cn_analysis *an = calloc(1, sizeof *an);
    if (!an)
        return NULL;
    an->rules = rules;
    if (opts)
        an->opts = *opts;
    else
        cn_analysis_opts_init(&an->opts);
    an->opts.consensus.seed = an->opts.seed;
    an->result.an = an;
    an->result.loader = &an->loader;
    an->loader.cur_q = SIZE_MAX;
    an->claim_ids = cn_strmap_new();
    an->strings = cn_idindex_new();
    an->str_arena = cn_arena_new();
    an->physician_ids = cn_idindex_new();
    an->first_answer = cn_idindex_new();
    an->first_of_qid = cn_idindex_new();
    an->key_ids = cn_strmap_new();
    if (cn_consensus_pool_new(an->opts.spill_dir, &an->pool, NULL) != CN_OK) {
        cn_analysis_free(an);
        return NULL;
    }
    an->cap_run = 2 * CN_BATCH_PAGES_PER_JOB * (an->opts.jobs ? an->opts.jobs : 1);
    an->run = calloc(an->cap_run, sizeof *an->run);
    an->flight = calloc(an->cap_run, sizeof *an->flight);
    an->annos = calloc(an->cap_run, sizeof *an->annos);
    if (!an->claim_ids || !an->strings || !an->str_arena || !an->physician_ids ||
        !an->first_answer || !an->first_of_qid || !an->key_ids || !an->run || !an->flight ||
        !an->annos ||
        cn_batch_new(rules, an->opts.jobs ? an->opts.jobs : 1, &an->batch, NULL) != CN_OK) {
        cn_analysis_free(an);
        return NULL;
    }
    return an;
}

static void question_clear(cn_analysis_question *q)
{
    cn_tally_clear(&q->tally);
}

static void claim_clear(cn_analysis_claim *c)
{
    free(c->questions);
    if (!c->tally_shared && c->tally) {
        cn_tally_clear(c->tally);
        free(c->tally);
    }
}

static void free_result(cn_analysis_result *r)
{
    free(r->answers);
    free(r->an->phys);
    free(r->an->ratings);
    free(r->an->big_reviews);
    free(r->conflicts);
    for (size_t i = 0; i < r->n_questions; i++)
        question_clear(&r->questions[i]);
    free(r->questions);
    free(r->an->qpages);
    for (size_t i = 0; i < r->n_claims; i++)
        claim_clear(&r->claims[i]);
    free(r->claims);
    free(r->specialties.groups);
    free(r->specialties.conclusion);
    free(r->review);
    free(r->unmatched);
}

/* What takes pages in: the skipped files, the annotators and their runs. */
static void free_intake(cn_analysis *an)
{
    for (size_t i = 0; i < an->n_skipped; i++) {
        free(an->skipped[i].file);
        free(an->skipped[i].reason);
    }
    free(an->skipped);
    cn_batch_free(an->batch); /* waits for a run in flight: its pages are borrowed */
    for (size_t i = 0; i < an->n_run; i++)
        cn_page_free(an->run[i]);
    for (size_t i = 0; i < an->n_flight; i++)
        cn_page_free(an->flight[i]);
    free(an->run);
    free(an->flight);
    free(an->annos);
}

/* The records: on disk, back in memory, and the lists kept beside them. */
static void free_records(cn_analysis *an)
{
    cn_spill_free(an->spill);
    cn_recfile_free(an->waiting);
    cn_recfile_free(an->conflict_scores);
    free(an->vbuf);
    cn_recfile_free(an->v_confidence);
    free(an->v_claim);
    free(an->page_claim);
    free(an->v0_exc);
    free(an->v_stance);
    for (size_t i = 0; i < an->n_notes; i++)
        free(an->notes[i].text);
    free(an->notes);
    free(an->overrides);
    cn_recfile_free(an->page_recs);
    for (size_t i = 0; i < SB_COUNT; i++)
        free(an->sbuf[i].s);
    cn_recfile_free(an->pages_numbered);
    free(an->parent);
    free(an->qid_num);
    free(an->qid_page);
    free(an->qid_other);
    free(an->qid_other_of);
    free(an->page_file);
    free(an->page_timing);
    free(an->page_question);
    free(an->page_first);
    free(an->index0_exc);
    free(an->page_claim_exc);
    free(an->index_exc);
    free(an->verdict_step);
    free(an->page_step);
    free(an->answer_ids);
    free(an->early);
    cn_recfile_free(an->ids_file);
    cn_recfile_free(an->phys_file);
    cn_recfile_free(an->members_file);
    free(an->member_at);
    free(an->dups);
    free(an->last_path);
    free(an->loader.files);
    free(an->loader.names);
    free(an->loader.span);
    free(an->loader.name);
    free(an->loader.specs);
    cn_recfile_free(an->names_file);
    free(an->name_step);
    free(an->last_name.s);
}

/* The interned strings and the indexes that find strings, keys and ids again. */
static void free_indexes(cn_analysis *an)
{
    free(an->strs);
    cn_arena_free(an->str_arena);
    cn_idindex_free(an->strings);
    cn_idindex_free(an->physician_ids);
    cn_idindex_free(an->rating_ids);
    cn_idindex_free(an->first_answer);
    cn_idindex_free(an->first_of_qid);
    cn_strmap_free(an->key_ids);
    free(an->keys);
    free(an->key.s);
    cn_strmap_free(an->claim_ids);
    cn_idindex_free(an->summary_ids);
    free(an->summaries);
}

void cn_analysis_free(cn_analysis *an)
{
    if (!an)
        return;
    free_result(&an->result);
    cn_consensus_pool_free(an->pool); /* after the tallies pointing into it */
    free_intake(an);
    free_records(an);
    free_indexes(an);
    free(an->body_page);
    free(an->qpage_start);
    free(an);
}

int cna_oom(cn_error *err)
{
    return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
}

int cn_analysis_add_skipped(cn_analysis *an, const char *file, const char *reason, cn_error *err)
{
    if (!cn_grow((void **)&an->skipped, &an->cap_skipped, an->n_skipped + 1, sizeof *an->skipped))
        return cna_oom(err);
    const char *slash = file ? strrchr(file, '/') : NULL;
    cn_skipped *s = &an->skipped[an->n_skipped];
    s->file = strdup(slash && slash[1] ? slash + 1 : (file ? file : ""));
    s->reason = strdup(reason ? reason : "");
    if (!s->file || !s->reason) {
        free(s->file);
        free(s->reason);
        return cna_oom(err);
    }
    an->n_skipped++;
    return CN_OK;
}

const cn_analysis_result *cn_analysis_result_get(const cn_analysis *an)
{
    return an && an->finished ? &an->result : NULL;
}

/* Hand the heap's free pages back to the system (glibc keeps them resident
 * otherwise): called where a step's passing arrays are gone, so what the
 * next steps allocate is all the resident set holds. */
void cna_give_back(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* The waiting records back from disk, and the questions made of them. */
static int group(cn_analysis *an, cn_error *err)
{
    int rc = cna_answers_back(an, err);
    if (rc == CN_OK)
        rc = cna_pages_back(an, err);
    if (rc != CN_OK)
        return rc;
    rc = cna_make_questions(an, err);
    if (rc == CN_OK)
        rc = cna_fill_questions(an, err);
    return rc;
}

static void corpus_counts(cn_analysis *an)
{
    cn_analysis_result *r = &an->result;
    r->skipped = an->skipped;
    r->n_skipped = an->n_skipped;
}

int cn_analysis_finish(cn_analysis *an, cn_error *err)
{
    if (an->finished)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: finished twice");
    cn_analysis_result *r = &an->result;
    r->opts = an->opts;
    r->rules_sha256 = cn_rules_sha256(an->rules);
    corpus_counts(an);
    int rc = CN_OK;
    if (an->n_plain && an->n_annotated)
        rc = cn_error_set(err, CN_ERR_USAGE,
                          "analysis: some pages came with annotations and some without");
    if (rc == CN_OK)
        rc = cna_annotate_run(an, true, err);
    cna_release_annotators(an); /* also on failure: the last run is not started again */
    cna_give_back();
    if (rc == CN_OK && an->opts.progress && an->n_annotated && !an->n_plain)
        an->opts.progress(an->opts.progress_ctx, an->classified, an->added);
    if (rc == CN_OK)
        rc = group(an, err);
    if (rc == CN_OK)
        rc = cna_primary_claims(an, err); /* the page records go */
    cna_give_back();
    if (rc == CN_OK)
        rc = cna_collect_verdicts(an, err);
    if (rc == CN_OK)
        rc = cna_apply_overrides(an, err);
    /* It reads only the answers' roles, stances and physicians, so it can
     * come before the tallies: its within-question test holds 4 bytes a
     * stance-taking answer for a moment (cn_strata_cells; 16 before the
     * twenty-sixth memory pass, then the run's peak at 1 GB), which at the
     * end, over the tallies and the review queue, was the run's peak too. */
    if (rc == CN_OK)
        rc = cna_compare_specialties(an, err);
    cna_give_back();
    if (rc == CN_OK)
        rc = cna_tally(an, err); /* the review queue too */
    if (rc == CN_OK)
        rc = cna_corpus_figures(an, err);
    cna_give_back();
    if (rc == CN_OK && an->spill) /* forks read the file itself */
        rc = cn_spill_flush(an->spill, err);
    if (rc == CN_OK)
        an->finished = true;
    return rc;
}
