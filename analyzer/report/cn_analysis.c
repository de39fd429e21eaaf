/* cn_analysis: group pages into questions, classify answers, compute every figure of a report. */
#include "cn_analysis.h"

#include "cn_batch.h"
#include "cn_cmh.h"
#include "cn_hash.h"
#include "cn_lines.h"
#include "cn_sha256.h"
#include "cn_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cn_analysis {
    const cn_rules *rules;
    cn_analysis_opts opts;
    cn_page **pages;
    size_t n_pages, cap_pages;
    cn_skipped *skipped;
    size_t n_skipped, cap_skipped;
    bool finished;
    cn_analysis_result result;
    cn_strmap *claim_ids; /* claim id -> index into result.claims */
    size_t cap_claims;
    cn_batch *batch;                  /* the annotators, on opts.jobs threads */
    cn_page_annotation **annotations; /* one per page (NULL until annotated) */
    size_t cap_annotations;
    size_t n_annotated; /* pages added with their annotation (cn_analysis_add_annotated) */
    size_t *page_of;    /* answer -> its page */
    size_t *first_page; /* question -> its first page */
};

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

cn_stance cn_analysis_verdict_stance(const cn_analysis_answer *a, size_t v)
{
    if (v == 0 && a->override)
        return a->override->stance;
    return v < a->n_verdicts ? a->verdicts[v].decision->stance : CN_STANCE_NONE;
}

double cn_analysis_verdict_confidence(const cn_analysis_answer *a, size_t v)
{
    if (v == 0 && a->override)
        return 1.0;
    return v < a->n_verdicts ? a->verdicts[v].decision->confidence : 0.0;
}

cn_stance cn_analysis_answer_stance(const cn_analysis_answer *a)
{
    return cn_analysis_verdict_stance(a, 0);
}

/* ---- life cycle ---- */

cn_analysis *cn_analysis_new(const cn_rules *rules, const cn_analysis_opts *opts)
{
    cn_analysis *an = calloc(1, sizeof *an);
    if (!an)
        return NULL;
    an->rules = rules;
    if (opts)
        an->opts = *opts;
    else
        cn_analysis_opts_init(&an->opts);
    an->opts.consensus.seed = an->opts.seed;
    an->claim_ids = cn_strmap_new();
    if (!an->claim_ids ||
        cn_batch_new(rules, an->opts.jobs ? an->opts.jobs : 1, &an->batch, NULL) != CN_OK) {
        cn_strmap_free(an->claim_ids);
        free(an);
        return NULL;
    }
    return an;
}

static void question_clear(cn_analysis_question *q)
{
    free(q->answers);
    free(q->duplicates);
    free(q->related);
    free(q->files);
    cn_tally_clear(&q->tally);
}

static void claim_clear(cn_analysis_claim *c)
{
    free(c->id);
    free(c->statement);
    free(c->questions);
    free(c->members);
    cn_tally_clear(&c->tally);
}

void cn_analysis_free(cn_analysis *an)
{
    if (!an)
        return;
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_answers; i++) {
        free(r->answers[i].verdicts);
        free(r->answers[i].metadata_note);
    }
    free(r->answers);
    for (size_t i = 0; i < r->n_questions; i++)
        question_clear(&r->questions[i]);
    free(r->questions);
    for (size_t i = 0; i < r->n_claims; i++)
        claim_clear(&r->claims[i]);
    free(r->claims);
    free(r->specialties.groups);
    free(r->specialties.conclusion);
    free(r->review);
    free(r->unmatched);
    for (size_t i = 0; i < an->n_skipped; i++) {
        free(an->skipped[i].file);
        free(an->skipped[i].reason);
    }
    free(an->skipped);
    for (size_t i = 0; an->annotations && i < an->n_pages; i++)
        cn_page_annotation_free(an->annotations[i]);
    free(an->annotations);
    cn_batch_free(an->batch); /* after the annotations, which borrow from its annotators */
    free(an->page_of);
    free(an->first_page);
    for (size_t i = 0; i < an->n_pages; i++)
        cn_page_free(an->pages[i]);
    free(an->pages);
    cn_strmap_free(an->claim_ids);
    free(an);
}

/* Grow *arr (of elem-sized items) so it holds at least need; 0 or -1. */
static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

/* The one way in for pages: the page and its annotation (NULL: made at
 * cn_analysis_finish) are owned from here on, freed on failure. */
static int add(cn_analysis *an, cn_page *page, cn_page_annotation *pa, cn_error *err)
{
    if (an->finished) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_USAGE, "analysis: page added after finish");
    }
    if (grow((void **)&an->annotations, &an->cap_annotations, an->n_pages + 1,
             sizeof *an->annotations) ||
        grow((void **)&an->pages, &an->cap_pages, an->n_pages + 1, sizeof *an->pages)) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    an->annotations[an->n_pages] = pa;
    an->pages[an->n_pages++] = page;
    an->n_annotated += pa != NULL;
    return CN_OK;
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

int cn_analysis_add_skipped(cn_analysis *an, const char *file, const char *reason, cn_error *err)
{
    if (grow((void **)&an->skipped, &an->cap_skipped, an->n_skipped + 1, sizeof *an->skipped))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    const char *slash = file ? strrchr(file, '/') : NULL;
    cn_skipped *s = &an->skipped[an->n_skipped];
    s->file = strdup(slash && slash[1] ? slash + 1 : (file ? file : ""));
    s->reason = strdup(reason ? reason : "");
    if (!s->file || !s->reason) {
        free(s->file);
        free(s->reason);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    an->n_skipped++;
    return CN_OK;
}

const cn_analysis_result *cn_analysis_result_get(const cn_analysis *an)
{
    return an && an->finished ? &an->result : NULL;
}

/* ---- grouping pages into questions ---- */

static size_t uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void uf_union(size_t *parent, size_t a, size_t b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a > b ? a : b] = a < b ? a : b; /* the earlier page is the root */
}

/* One flat list of every answer, in page order then answer order. */
static int list_answers(cn_analysis *an, size_t **page_of, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t total = 0;
    for (size_t p = 0; p < an->n_pages; p++)
        total += an->pages[p]->n_answers;
    r->answers = calloc(total ? total : 1, sizeof *r->answers);
    *page_of = calloc(total ? total : 1, sizeof **page_of);
    if (!r->answers || !*page_of)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t p = 0; p < an->n_pages; p++)
        for (size_t i = 0; i < an->pages[p]->n_answers; i++) {
            cn_analysis_answer *a = &r->answers[r->n_answers];
            a->page = an->pages[p];
            a->answer = &an->pages[p]->answers[i];
            a->in_page = i;
            a->original = r->n_answers;
            (*page_of)[r->n_answers++] = p;
        }
    r->total_answers = total;
    return CN_OK;
}

/* Roles: related excerpts, duplicates (pointing at their counted original),
 * and counted answers. Links pages that share an answer. */
static int assign_roles(cn_analysis *an, const size_t *page_of, size_t *parent, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_strmap *first = cn_strmap_new(); /* answer_id -> first answer with it */
    if (!first)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        cn_analysis_answer *a = &r->answers[i];
        const cn_answer *ans = a->answer;
        int orig = ans->duplicate_of[0] ? cn_strmap_get(first, ans->duplicate_of) : -1;
        if (ans->related) {
            a->role = CN_ROLE_RELATED;
        } else if (orig >= 0 && (size_t)orig != i) {
            size_t o = r->answers[orig].original;
            if (r->answers[o].role == CN_ROLE_COUNTED) {
                a->role = CN_ROLE_DUPLICATE;
                a->original = o;
            }
        }
        if (orig >= 0)
            uf_union(parent, page_of[i], page_of[(size_t)orig]);
        if (ans->answer_id[0] && cn_strmap_get(first, ans->answer_id) < 0 &&
            cn_strmap_put(first, ans->answer_id, (int)i))
            rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    cn_strmap_free(first);
    return rc;
}

/* Pages with the same question_id belong together. */
static int link_same_question(cn_analysis *an, size_t *parent, cn_error *err)
{
    cn_strmap *qid = cn_strmap_new();
    if (!qid)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    int rc = CN_OK;
    for (size_t p = 0; p < an->n_pages && rc == CN_OK; p++) {
        const char *id = an->pages[p]->question_id;
        if (!id[0])
            continue;
        int q = cn_strmap_get(qid, id);
        if (q >= 0)
            uf_union(parent, p, (size_t)q);
        else if (cn_strmap_put(qid, id, (int)p))
            rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    cn_strmap_free(qid);
    return rc;
}

/* A page without a question_id (de-duplication not run) still needs a stable id. */
static void fallback_question_id(const cn_page *page, char id[CN_ID_LEN + 1])
{
    cn_sha256_ctx ctx;
    unsigned char digest[32];
    char line[32];
    cn_sha256_init(&ctx);
    cn_sha256_update(&ctx, "page:", 5);
    if (page->file)
        cn_sha256_update(&ctx, page->file, strlen(page->file));
    snprintf(line, sizeof line, ":%zu", page->line);
    cn_sha256_update(&ctx, line, strlen(line));
    cn_sha256_final(&ctx, digest);
    cn_sha256_digest_hex(digest, id, CN_ID_LEN);
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Make the questions: one per group of pages, in order of the group's first page. */
static int make_questions(cn_analysis *an, size_t *parent, const size_t *page_of, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t np = an->n_pages;
    size_t *qof = malloc((np ? np : 1) * sizeof *qof); /* root page -> question */
    r->questions = calloc(np ? np : 1, sizeof *r->questions);
    an->first_page = calloc(np ? np : 1, sizeof *an->first_page);
    if (!qof || !r->questions || !an->first_page) {
        free(qof);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t p = 0; p < np; p++)
        qof[p] = (size_t)-1;
    for (size_t p = 0; p < np; p++) {
        size_t root = uf_find(parent, p);
        if (qof[root] == (size_t)-1) {
            an->first_page[r->n_questions] = p;
            qof[root] = r->n_questions++;
            cn_analysis_question *q = &r->questions[qof[root]];
            q->declared_answers = -1;
            if (an->pages[p]->question_id[0])
                memcpy(q->id, an->pages[p]->question_id, CN_ID_LEN + 1);
            else
                fallback_question_id(an->pages[p], q->id);
        }
        cn_analysis_question *q = &r->questions[qof[root]];
        if (!q->question && an->pages[p]->question && an->pages[p]->question[0])
            q->question = an->pages[p]->question;
        if (!q->body && an->pages[p]->body && an->pages[p]->body[0])
            q->body = an->pages[p]->body;
        if (an->pages[p]->declared_answers > q->declared_answers)
            q->declared_answers = an->pages[p]->declared_answers;
        q->n_files++;
    }
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->files = calloc(q->n_files, sizeof *q->files);
        if (!q->files)
            rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        q->n_files = 0;
    }
    for (size_t p = 0; p < np && rc == CN_OK; p++) {
        cn_analysis_question *q = &r->questions[qof[uf_find(parent, p)]];
        q->files[q->n_files++] = an->pages[p]->file ? an->pages[p]->file : "";
    }
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++)
        r->answers[i].question = qof[uf_find(parent, page_of[i])];
    free(qof);
    return rc;
}

/* Sort and de-duplicate each question's files; split its answers by role. */
static int fill_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        qsort(q->files, q->n_files, sizeof *q->files, str_ptr_cmp);
        size_t w = 0;
        for (size_t f = 0; f < q->n_files; f++)
            if (w == 0 || strcmp(q->files[w - 1], q->files[f]))
                q->files[w++] = q->files[f];
        q->n_files = w;
    }
    /* Count per role first, then fill. */
    size_t *nc = calloc(r->n_questions + 1, sizeof *nc),
           *nd = calloc(r->n_questions + 1, sizeof *nd),
           *nr = calloc(r->n_questions + 1, sizeof *nr);
    int rc = CN_OK;
    if (!nc || !nd || !nr)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        size_t q = r->answers[i].question;
        cn_answer_role role = r->answers[i].role;
        (role == CN_ROLE_COUNTED ? nc : role == CN_ROLE_DUPLICATE ? nd : nr)[q]++;
    }
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->answers = calloc(nc[i] + 1, sizeof *q->answers);
        q->duplicates = calloc(nd[i] + 1, sizeof *q->duplicates);
        q->related = calloc(nr[i] + 1, sizeof *q->related);
        if (!q->answers || !q->duplicates || !q->related)
            rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[r->answers[i].question];
        switch (r->answers[i].role) {
        case CN_ROLE_COUNTED:
            q->answers[q->n_answers++] = i;
            r->distinct_answers++;
            break;
        case CN_ROLE_DUPLICATE:
            q->duplicates[q->n_duplicates++] = i;
            r->duplicates++;
            break;
        case CN_ROLE_RELATED:
            q->related[q->n_related++] = i;
            r->related++;
            break;
        }
    }
    free(nc);
    free(nd);
    free(nr);
    return rc;
}

static int group(cn_analysis *an, cn_error *err)
{
    size_t np = an->n_pages;
    size_t *parent = malloc((np ? np : 1) * sizeof *parent);
    if (!parent)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t p = 0; p < np; p++)
        parent[p] = p;
    int rc = list_answers(an, &an->page_of, err);
    if (rc == CN_OK)
        rc = link_same_question(an, parent, err);
    if (rc == CN_OK)
        rc = assign_roles(an, an->page_of, parent, err);
    if (rc == CN_OK)
        rc = make_questions(an, parent, an->page_of, err);
    if (rc == CN_OK)
        rc = fill_questions(an, err);
    free(parent);
    return rc;
}

/* ---- claims ---- */

/* The index of the claim with this id, creating it (copying id and statement). */
static int claim_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                       size_t *out, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int found = cn_strmap_get(an->claim_ids, id);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (grow((void **)&r->claims, &an->cap_claims, r->n_claims + 1, sizeof *r->claims))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    cn_analysis_claim *c = &r->claims[r->n_claims];
    memset(c, 0, sizeof *c);
    c->id = strdup(id);
    c->statement = strdup(statement ? statement : "");
    c->rule = rule;
    if (!c->id || !c->statement || cn_strmap_put(an->claim_ids, id, (int)r->n_claims)) {
        free(c->id);
        free(c->statement);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    *out = r->n_claims++;
    return CN_OK;
}

/* Judge every page with the classifier's annotators: the stances `consensus
 * classify` prints, each page against the primary claim of its question_id
 * (chosen on the question's first page), the same on any number of threads
 * (cn_batch). Runs of pages, so that progress is reported as they finish. */
static int annotate_pages(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    if (an->n_annotated == an->n_pages) { /* made elsewhere (merge), or no pages */
        if (an->opts.progress && an->n_pages)
            an->opts.progress(an->opts.progress_ctx, r->n_answers, r->n_answers);
        return CN_OK;
    }
    if (an->n_annotated)
        return cn_error_set(err, CN_ERR_USAGE,
                            "analysis: some pages came with annotations and some without");
    size_t done = 0, run = 2 * CN_BATCH_PAGES_PER_JOB * cn_batch_jobs(an->batch);
    for (size_t p = 0; p < an->n_pages; p += run) {
        size_t n = an->n_pages - p < run ? an->n_pages - p : run, n_done = 0;
        int rc = cn_batch_start(an->batch, an->pages + p, n, err);
        if (rc == CN_OK)
            rc = cn_batch_wait(an->batch, &n_done, err);
        for (size_t i = 0; i < n_done; i++) {
            an->annotations[p + i] = cn_batch_take(an->batch, i);
            done += an->pages[p + i]->n_answers;
        }
        if (rc != CN_OK) {
            const cn_page *failed = an->pages[p + n_done];
            cn_error_prefix(err, failed->file ? failed->file : "?");
            return rc;
        }
        if (an->opts.progress)
            an->opts.progress(an->opts.progress_ctx, done, r->n_answers);
    }
    return CN_OK;
}

/* Each question's primary claim: the one its first page was judged against. */
static int primary_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        const cn_page_annotation *pa = an->annotations[an->first_page[i]];
        q->claim_source = pa->primary->source;
        q->question_type = pa->question_type;
        int rc = claim_index(an, pa->primary->id, pa->primary->statement, pa->primary->rule,
                             &q->claim, err);
        if (rc != CN_OK)
            return rc;
    }
    return CN_OK;
}

/* Every answer's verdicts, pointing into its page's annotation: the primary
 * claim first, then the other claims it takes a position on. */
static int collect_verdicts(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        const cn_page_annotation *pa = an->annotations[an->page_of[i]];
        const cn_answer_annotation *aa = &pa->answers[a->in_page];
        a->annotation = pa;
        a->verdicts = calloc(aa->n_claims + 1, sizeof *a->verdicts);
        if (!a->verdicts)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        for (size_t c = 0; c < aa->n_claims; c++) {
            const cn_answer_claim *ac = &aa->claims[c];
            const cn_rule *rule =
                c == 0 ? pa->primary->rule : cn_rules_find(an->rules, CN_RULE_CLAIM, ac->claim_id);
            int rc = claim_index(an, ac->claim_id, ac->statement, rule,
                                 &a->verdicts[a->n_verdicts].claim, err);
            if (rc != CN_OK)
                return rc;
            a->verdicts[a->n_verdicts++].decision = &ac->decision;
        }
        if (a->n_verdicts == 0)
            return cn_error_set(err, CN_ERR_USAGE, "%s: answer %zu has no decision",
                                a->page->file ? a->page->file : "?", a->answer->index);
    }
    return CN_OK;
}

/* ---- editors' overrides ---- */

/* Give each answer the override of its answer_id, then share overrides
 * between the copies of one answer: a counted answer without its own takes
 * the first of its duplicates', and a duplicate without its own takes its
 * original's. Unused overrides are listed as unmatched. */
static int apply_overrides(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    const cn_overrides *ov = an->opts.overrides;
    size_t n = cn_overrides_count(ov);
    if (n == 0)
        return CN_OK;
    bool *used = calloc(n, sizeof *used);
    if (!used)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers; i++) {
        long k = cn_overrides_find(ov, r->answers[i].answer->answer_id);
        if (k >= 0) {
            r->answers[i].override = cn_overrides_at(ov, (size_t)k);
            used[k] = true;
        }
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        cn_analysis_answer *o = &r->answers[a->original];
        if (a->role == CN_ROLE_DUPLICATE && a->override && !o->override)
            o->override = a->override;
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        if (a->role == CN_ROLE_DUPLICATE && !a->override)
            a->override = r->answers[a->original].override;
        if (a->override)
            r->n_overridden++;
    }
    r->unmatched = calloc(n, sizeof *r->unmatched);
    if (!r->unmatched) {
        free(used);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t k = 0; k < n; k++)
        if (!used[k])
            r->unmatched[r->n_unmatched++] = cn_overrides_at(ov, k);
    free(used);
    return CN_OK;
}

/* ---- tallies ---- */

static void vote_of(const cn_analysis_answer *a, size_t verdict, cn_tally_vote *v)
{
    v->stance = cn_analysis_verdict_stance(a, verdict);
    v->specialty = a->answer->physician.specialty;
    v->file = a->page->file ? a->page->file : "";
    v->certain = verdict == 0 && a->override != NULL;
}

/* The question carries this flag ("timing": "how soon / how long ...") on
 * the page of its first answer. */
static bool question_flagged(const cn_analysis_result *r, const cn_analysis_question *q,
                             const char *flag)
{
    if (q->n_answers == 0)
        return false;
    const cn_page_annotation *pa = r->answers[q->answers[0]].annotation;
    for (size_t i = 0; pa && i < pa->n_question_flags; i++)
        if (!strcmp(pa->question_flags[i], flag))
            return true;
    return false;
}

static int tally_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        cn_tally_vote *votes = calloc(q->n_answers + 1, sizeof *votes);
        if (!votes)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        for (size_t k = 0; k < q->n_answers; k++)
            vote_of(&r->answers[q->answers[k]], 0, &votes[k]);
        int rc = cn_tally_compute(votes, q->n_answers, &an->opts.consensus, &q->tally, err);
        free(votes);
        /* A question judged as its own claim reads in its own terms: "Should I
         * stop smoking before surgery?" answered yes is "yes, it is needed". */
        if (rc == CN_OK && !r->claims[q->claim].rule && q->question_type &&
            !strcmp(q->question_type, "restriction") && !question_flagged(r, q, "timing"))
            rc = cn_tally_rephrase(&q->tally, &an->opts.consensus, CN_PHRASE_RESTRICTION, err);
        if (rc != CN_OK)
            return rc;
        for (size_t d = 0; d < q->tally.n_dissent; d++)
            r->answers[q->answers[q->tally.dissent[d]]].dissent = true;
    }
    return CN_OK;
}

static int claim_members(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    /* Count first: each claim's list as long as its own questions (one
     * list of every question per claim is claims x questions). */
    for (size_t i = 0; i < r->n_questions; i++)
        r->claims[r->questions[i].claim].n_questions++;
    for (size_t c = 0; c < r->n_claims; c++) {
        r->claims[c].questions =
            calloc(r->claims[c].n_questions + 1, sizeof *r->claims[c].questions);
        if (!r->claims[c].questions)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        r->claims[c].n_questions = 0;
    }
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_claim *c = &r->claims[r->questions[i].claim];
        c->questions[c->n_questions++] = i;
    }
    size_t *cap = calloc(r->n_claims + 1, sizeof *cap);
    if (!cap)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            cn_analysis_claim *c = &r->claims[a->verdicts[v].claim];
            if (grow((void **)&c->members, &cap[a->verdicts[v].claim], c->n_members + 1,
                     sizeof *c->members)) {
                free(cap);
                return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
            }
            c->members[c->n_members++] = (cn_member){.answer = i, .verdict = v};
        }
    }
    free(cap);
    /* One vote per answer, on the question it answers: the primary verdicts
     * first (they are tallied), then the mentions from other questions. */
    for (size_t c = 0; c < r->n_claims; c++) {
        cn_analysis_claim *cl = &r->claims[c];
        cn_member *sorted = malloc((cl->n_members + 1) * sizeof *sorted);
        if (!sorted)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        size_t k = 0;
        for (size_t m = 0; m < cl->n_members; m++)
            if (cl->members[m].verdict == 0)
                sorted[k++] = cl->members[m];
        cl->n_primary = k;
        for (size_t m = 0; m < cl->n_members; m++)
            if (cl->members[m].verdict != 0) {
                sorted[k++] = cl->members[m];
                cl->mention_counts[cn_analysis_verdict_stance(&r->answers[cl->members[m].answer],
                                                              cl->members[m].verdict)]++;
            }
        free(cl->members);
        cl->members = sorted;
    }
    return CN_OK;
}

static int tally_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = claim_members(an, err);
    for (size_t c = 0; c < r->n_claims && rc == CN_OK; c++) {
        cn_analysis_claim *cl = &r->claims[c];
        cn_tally_vote *votes = calloc(cl->n_members + 1, sizeof *votes);
        if (!votes)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        for (size_t k = 0; k < cl->n_members; k++)
            vote_of(&r->answers[cl->members[k].answer], cl->members[k].verdict, &votes[k]);
        rc = cn_tally_compute(votes, cl->n_primary, &an->opts.consensus, &cl->tally, err);
        free(votes);
    }
    return rc;
}

/* ---- review ---- */

static bool str_differs(const char *a, const char *b)
{
    return a && b && strcmp(a, b) != 0;
}

/* What differs between a duplicate's physician and its original's, where both
 * give a value (a flat page gives none, which is no disagreement). */
static int metadata_note(const cn_physician *d, const cn_physician *o, char **out, cn_error *err)
{
    char buf[1024] = "";
    size_t used = 0;
#define ADD_DIFF(label, fmt, x, y)                                                                 \
    do {                                                                                           \
        int n_ = snprintf(buf + used, sizeof buf - used, "%s" label " " fmt " vs " fmt,            \
                          used ? "; " : "", x, y);                                                 \
        if (n_ > 0)                                                                                \
            used = used + (size_t)n_ < sizeof buf ? used + (size_t)n_ : sizeof buf - 1;            \
    } while (0)
    if (str_differs(d->name, o->name))
        ADD_DIFF("name", "'%s'", o->name, d->name);
    if (str_differs(d->city, o->city))
        ADD_DIFF("city", "'%s'", o->city, d->city);
    if (str_differs(d->specialty, o->specialty))
        ADD_DIFF("specialty", "'%s'", o->specialty, d->specialty);
    if (d->has_rating && o->has_rating && d->rating != o->rating)
        ADD_DIFF("rating", "%.1f", o->rating, d->rating);
    if (d->has_reviews && o->has_reviews && d->reviews != o->reviews)
        ADD_DIFF("reviews", "%ld", o->reviews, d->reviews);
#undef ADD_DIFF
    *out = NULL;
    if (!used)
        return CN_OK;
    *out = strdup(buf);
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
}

/* A scrap the page cut off (a title and a few words, or nothing): there is no
 * stance to check, so an editor's time is better spent elsewhere. */
static bool is_fragment(const cn_analysis *an, const cn_answer *answer)
{
    return (answer->excerpt || answer->truncated) &&
           cn_span_words(answer->text, answer->text ? strlen(answer->text) : 0) <
               an->opts.fragment_words;
}

bool cn_analysis_pivot(const cn_analysis_result *r, size_t i, cn_stance *alt,
                       cn_consensus_level *level, cn_stance *majority)
{
    const cn_analysis_answer *a = &r->answers[i];
    if (a->role != CN_ROLE_COUNTED || a->override)
        return false;
    const cn_tally *t = &r->questions[a->question].tally;
    if (t->consensus.level < CN_CONSENSUS_WEAK)
        return false; /* no conclusion to protect: the report already says so */
    cn_stance s = cn_analysis_answer_stance(a);
    long counts[CN_STANCE_COUNT];
    memcpy(counts, t->counts, sizeof counts);
    if (counts[s] < 1)
        return false;
    static const cn_stance TRY[] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                    CN_STANCE_CONTRAINDICATED, CN_STANCE_NONE};
    for (size_t k = 0; k < sizeof TRY / sizeof TRY[0]; k++) {
        if (TRY[k] == s)
            continue;
        counts[s]--;
        counts[TRY[k]]++;
        cn_stance m;
        cn_consensus_level l = cn_consensus_level_of(&r->opts.consensus, counts, &m);
        counts[s]++;
        counts[TRY[k]]--;
        if (l != t->consensus.level || m != t->consensus.majority) {
            *alt = TRY[k];
            *level = l;
            *majority = m;
            return true;
        }
    }
    return false;
}

/* How many of a question's counted answers name its primary catalog claim in
 * their own words (cn_answer_annotation.names_primary). */
static size_t answers_naming_claim(const cn_analysis_result *r, const cn_analysis_question *q)
{
    size_t k = 0;
    for (size_t i = 0; i < q->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[q->answers[i]];
        k += a->annotation->answers[a->in_page].names_primary;
    }
    return k;
}

/* A catalog claim that fewer than half of the question's answers name may not
 * fit the question: its first answer is queued so an editor checks the claim. */
static void flag_claim_fit(cn_analysis_result *r)
{
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->naming_claim = answers_naming_claim(r, q);
        if (r->claims[q->claim].rule && q->n_answers >= 2 && 2 * q->naming_claim < q->n_answers)
            r->answers[q->answers[0]].review |= CN_REVIEW_CLAIM_FIT;
    }
}

static int flag_answers(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    flag_claim_fit(r);
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        const cn_decision *d = a->verdicts[0].decision;
        if (a->role == CN_ROLE_COUNTED && !a->override && !is_fragment(an, a->answer)) {
            const cn_analysis_question *q = &r->questions[a->question];
            if (a->dissent && q->tally.consensus.level == CN_CONSENSUS_STRONG)
                a->review |= CN_REVIEW_DISSENT;
            if (d->conflicting)
                a->review |= CN_REVIEW_CONFLICTING;
            if (d->confidence < an->opts.low_confidence)
                a->review |= CN_REVIEW_LOW_CONFIDENCE;
            cn_stance alt, major;
            cn_consensus_level level;
            if ((a->review & (CN_REVIEW_CONFLICTING | CN_REVIEW_LOW_CONFIDENCE)) &&
                cn_analysis_pivot(r, i, &alt, &level, &major))
                a->review |= CN_REVIEW_PIVOTAL;
            if (a->answer->excerpt || a->answer->truncated)
                a->review |= CN_REVIEW_EXCERPT;
        } else if (a->role == CN_ROLE_DUPLICATE) {
            int rc =
                metadata_note(&a->answer->physician, &r->answers[a->original].answer->physician,
                              &a->metadata_note, err);
            if (rc != CN_OK)
                return rc;
            if (a->metadata_note)
                a->review |= CN_REVIEW_DUPLICATE_METADATA;
        }
        if (a->review)
            r->n_review++;
    }
    r->review = calloc(r->n_review + 1, sizeof *r->review);
    if (!r->review)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    size_t k = 0;
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (!a->review)
            continue;
        r->review[k++] = (cn_review_item){.answer = i,
                                          .reasons = a->review,
                                          .urgency = cn_review_urgency(a->review),
                                          .confidence = cn_analysis_verdict_confidence(a, 0),
                                          .question = a->question};
    }
    if (cn_review_sort(r->review, r->n_review, an->opts.per_question) != CN_OK)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    return CN_OK;
}

/* ---- corpus figures ---- */

/* The coder a counted answer stands for: its physician by name, else itself. */
static char *coder_key(const cn_analysis_answer *a, size_t index)
{
    const char *name = a->answer->physician.name;
    char *key;
    if (name && *name) {
        char *norm = cn_text_normalize(name, strlen(name), NULL, NULL);
        if (!norm)
            return NULL;
        key = malloc(strlen(norm) + 6);
        if (key)
            sprintf(key, "name:%s", norm);
        free(norm);
        return key;
    }
    key = malloc(64);
    if (key)
        snprintf(key, 64, "answer:%zu", index);
    return key;
}

static int count_physicians(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_strmap *seen = cn_strmap_new();
    if (!seen)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers; i++) {
        if (r->answers[i].role != CN_ROLE_COUNTED)
            continue;
        char *key = coder_key(&r->answers[i], i);
        int bad = !key || cn_strmap_put(seen, key, 1);
        free(key);
        if (bad) {
            cn_strmap_free(seen);
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        }
    }
    r->agreement.physicians = cn_strmap_count(seen);
    cn_strmap_free(seen);
    return CN_OK;
}

/* Corpus agreement from each question's stance counts: alpha and Fleiss'
 * kappa need no more (cn_agreement_compute_counts), so memory follows the
 * questions, not (most answers to one question) x questions. */
static int agreement(cn_analysis *an, cn_error *err)
{
    static const double STANCE_VALUES[3] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                            CN_STANCE_CONTRAINDICATED};
    cn_analysis_result *r = &an->result;
    cn_analysis_agreement *ag = &r->agreement;
    ag->questions = r->n_questions;
    size_t units = r->n_questions;
    long(*counts)[3] = calloc(units + 1, sizeof *counts);
    if (!counts)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t u = 0; u < units; u++) {
        size_t m = (size_t)r->questions[u].tally.consensus.stance_answers;
        if (m > ag->max_values)
            ag->max_values = m;
        for (int k = 0; k < 3; k++)
            counts[u][k] = r->questions[u].tally.counts[CN_STANCE_REASSURING + k];
    }
    size_t coders = ag->max_values ? ag->max_values : 1;
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.bootstrap = an->opts.bootstrap;
    o.seed = an->opts.seed;
    o.level = an->opts.consensus.level;
    o.min_units = CN_PAIRWISE_MIN_UNITS;
    o.metric = CN_ALPHA_NOMINAL;
    int rc = cn_agreement_compute_counts(&o, &counts[0][0], units, 3, STANCE_VALUES, coders,
                                         &ag->nominal, err);
    if (rc == CN_OK)
        rc = cn_pairwise_compute((const long(*)[3])counts, units, an->opts.bootstrap, an->opts.seed,
                                 an->opts.consensus.level, CN_PAIRWISE_MIN_UNITS, &ag->pairwise,
                                 err);
    o.metric = CN_ALPHA_ORDINAL;
    if (rc == CN_OK)
        rc = cn_agreement_compute_counts(&o, &counts[0][0], units, 3, STANCE_VALUES, coders,
                                         &ag->ordinal, err);
    free(counts);
    if (rc == CN_OK)
        rc = count_physicians(an, err);
    return rc;
}

/* The specialty test again, within questions: specialty and question are
 * confounded when pooled (a specialty that answers other questions seems to
 * differ). With many questions that vary and enough answers per degree of
 * freedom, the asymptotic Cochran-Mantel-Haenszel test (cost: the answers);
 * below that, stances shuffled within each question (cost: permutations x
 * questions). */
static int within_questions(cn_analysis *an, const size_t *stratum, const size_t *row,
                            const size_t *col, size_t n, cn_error *err)
{
    cn_specialty_comparison *sc = &an->result.specialties;
    cn_cmh_result cmh = {.p = NAN};
    int rc = CN_OK;
    /* more specialties than the CMH's matrix can take: the permutations */
    if ((sc->n_tested - 1) * 2 <= CN_CMH_MAX_DF)
        rc = cn_cmh_compute(stratum, row, col, n, sc->n_tested, 3, &cmh, err);
    if (rc != CN_OK)
        return rc;
    sc->cmh_questions = cmh.strata;
    sc->cmh_answers = cmh.items;
    if (!isnan(cmh.p) && cmh.strata >= an->opts.asymptotic_questions &&
        (double)cmh.items >= an->opts.asymptotic_answers_per_df * (double)cmh.df) {
        sc->method = CN_WITHIN_CMH;
        sc->p_stratified = cmh.p;
        sc->cmh_statistic = cmh.statistic;
        sc->cmh_df = cmh.df;
        return CN_OK;
    }
    sc->permutations = an->opts.permutations;
    rc = cn_crosstab_stratified_p(stratum, row, col, n, sc->n_tested, 3, sc->permutations,
                                  an->opts.seed, &sc->p_stratified, err);
    if (rc == CN_OK && !isnan(sc->p_stratified))
        sc->method = CN_WITHIN_PERMUTATION;
    return rc;
}

static int stratified_test(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_specialty_comparison *sc = &r->specialties;
    sc->p_stratified = sc->cmh_statistic = NAN;
    sc->method = CN_WITHIN_NONE;
    sc->permutations = 0;
    if (sc->n_tested < 2 || isnan(sc->test.chi_square))
        return CN_OK;
    size_t n = 0;
    size_t *stratum = calloc(r->n_answers + 1, sizeof *stratum);
    size_t *row = calloc(r->n_answers + 1, sizeof *row);
    size_t *col = calloc(r->n_answers + 1, sizeof *col);
    int rc =
        stratum && row && col ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; rc == CN_OK && i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        cn_stance s = cn_analysis_answer_stance(a);
        const char *spec = a->answer->physician.specialty;
        if (a->role != CN_ROLE_COUNTED || s == CN_STANCE_NONE || !spec)
            continue;
        size_t g = 0;
        while (g < sc->n_tested && strcmp(sc->groups[g].specialty, spec))
            g++;
        if (g == sc->n_tested)
            continue;
        stratum[n] = a->question;
        row[n] = g;
        col[n++] = (size_t)(s - CN_STANCE_REASSURING);
    }
    if (rc == CN_OK)
        rc = within_questions(an, stratum, row, col, n, err);
    free(stratum);
    free(row);
    free(col);
    return rc;
}

/* One plain sentence an editor can quote. */
static int specialty_conclusion(cn_specialty_comparison *sc, cn_error *err)
{
    char buf[512];
    const char *how = sc->method == CN_WITHIN_CMH
                          ? "by the Cochran-Mantel-Haenszel test within questions"
                          : "with stances shuffled within each question";
    if (sc->n_tested < 2 || isnan(sc->test.chi_square))
        snprintf(buf, sizeof buf,
                 "Too few specialties with stance-taking answers to compare them.");
    else if (isnan(sc->p_stratified))
        snprintf(buf, sizeof buf,
                 "Specialties could not be compared within questions (no permutations).");
    else if (sc->p_stratified < 0.05)
        snprintf(buf, sizeof buf,
                 "Specialties differ beyond what their questions explain (p = %.3f %s; "
                 "bias-corrected Cramer's V %.2f).",
                 sc->p_stratified, how, sc->test.cramers_v_corrected);
    else
        snprintf(buf, sizeof buf,
                 "No evidence that specialties differ once each question's own mix of stances "
                 "is accounted for (p = %.2f %s).",
                 sc->p_stratified, how);
    if (!(sc->conclusion = strdup(buf)))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    return CN_OK;
}

static int compare_specialties(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_specialty_comparison *sc = &r->specialties;
    cn_tally_vote *votes = calloc(r->distinct_answers + 1, sizeof *votes);
    if (!votes)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    size_t n = 0;
    for (size_t i = 0; i < r->n_answers; i++)
        if (r->answers[i].role == CN_ROLE_COUNTED)
            vote_of(&r->answers[i], 0, &votes[n++]);
    cn_tally all;
    /* only the split by specialty is read here: no relabeling of the corpus */
    cn_consensus_opts o = an->opts.consensus;
    o.confusion = NULL;
    int rc = cn_tally_compute(votes, n, &o, &all, err);
    free(votes);
    if (rc != CN_OK)
        return rc;
    sc->groups = calloc(all.n_specialties + 1, sizeof *sc->groups);
    long *table = calloc(3 * (all.n_specialties + 1), sizeof *table);
    if (!sc->groups || !table)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t g = 0; g < all.n_specialties && rc == CN_OK; g++) {
        cn_specialty_group *grp = &sc->groups[sc->n_groups++];
        grp->specialty = all.specialties[g].specialty;
        memcpy(grp->counts, all.specialties[g].counts, sizeof grp->counts);
        grp->answers = all.specialties[g].answers;
        grp->stance_answers = grp->answers - grp->counts[CN_STANCE_NONE];
        for (int k = 0; k < CN_STANCE_COUNT && rc == CN_OK; k++)
            rc = cn_proportion_compute(grp->counts[k],
                                       k == CN_STANCE_NONE ? grp->answers : grp->stance_answers,
                                       an->opts.consensus.level, &grp->props[k], err);
        if (grp->specialty) {
            for (int k = 1; k < CN_STANCE_COUNT; k++)
                table[sc->n_tested * 3 + (size_t)(k - 1)] = grp->counts[k];
            sc->n_tested++;
        }
    }
    cn_tally_clear(&all);
    if (rc == CN_OK) {
        cn_crosstab_opts o;
        cn_crosstab_opts_init(&o);
        o.simulate = an->opts.simulate;
        o.seed = an->opts.seed;
        rc = cn_crosstab_compute(&o, table, sc->n_tested, 3, &sc->test, err);
    }
    free(table);
    if (rc == CN_OK)
        rc = stratified_test(an, err);
    if (rc == CN_OK)
        rc = specialty_conclusion(sc, err);
    return rc;
}

static const char *page_path(const cn_page *page)
{
    return page->path ? page->path : (page->file ? page->file : "");
}

static void corpus_counts(cn_analysis *an)
{
    cn_analysis_result *r = &an->result;
    r->pages = an->n_pages;
    r->skipped = an->skipped;
    r->n_skipped = an->n_skipped;
    /* The reader hands out a file's pages in a row (JSON Lines gives several). */
    for (size_t p = 0; p < an->n_pages; p++)
        if (p == 0 || strcmp(page_path(an->pages[p]), page_path(an->pages[p - 1])))
            r->files_read++;
}

int cn_analysis_finish(cn_analysis *an, cn_error *err)
{
    if (an->finished)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: finished twice");
    cn_analysis_result *r = &an->result;
    r->opts = an->opts;
    r->rules_sha256 = cn_rules_sha256(an->rules);
    corpus_counts(an);
    int rc = group(an, err);
    if (rc == CN_OK)
        rc = annotate_pages(an, err);
    if (rc == CN_OK)
        rc = primary_claims(an, err);
    if (rc == CN_OK)
        rc = collect_verdicts(an, err);
    if (rc == CN_OK)
        rc = apply_overrides(an, err);
    if (rc == CN_OK)
        rc = tally_questions(an, err);
    if (rc == CN_OK)
        rc = tally_claims(an, err);
    if (rc == CN_OK)
        rc = flag_answers(an, err);
    if (rc == CN_OK)
        rc = agreement(an, err);
    if (rc == CN_OK)
        rc = compare_specialties(an, err);
    if (rc == CN_OK)
        an->finished = true;
    return rc;
}
