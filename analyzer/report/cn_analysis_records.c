/* cn_analysis_records: the waiting records on disk: how strings and physicians are written
 * there, and every answer's and page's record back from disk once the corpus is read. */
#include "cn_analysis_int.h"

#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

/* A physician's numbers as they wait on disk (its strings follow). */
typedef struct waiting_physician {
    double rating;
    int64_t reviews;
    uint8_t has_rating, has_reviews;
} waiting_physician;

/* s (NULL too) to f: its length (UINT32_MAX: NULL), then its bytes. */
int cna_put_str(cn_recfile *f, const char *s, cn_error *err)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a string of 4 GB or more");
    uint32_t len = s ? (uint32_t)n : UINT32_MAX;
    int rc = cn_recfile_write(f, &len, sizeof len, err);
    return rc == CN_OK && n ? cn_recfile_write(f, s, n, err) : rc;
}

/* The next string of f (cna_put_str) into b. */
static int get_str(cn_recfile *f, strbuf *b, cn_error *err)
{
    uint32_t len;
    int rc = cn_recfile_read(f, &len, sizeof len, err);
    if (rc != CN_OK)
        return rc;
    b->null = len == UINT32_MAX;
    size_t n = b->null ? 0 : len;
    if (!cn_grow((void **)&b->s, &b->cap, n + 1, 1))
        return cna_oom(err);
    b->s[n] = '\0';
    return n ? cn_recfile_read(f, b->s, n, err) : CN_OK;
}

static const char *str_of_buf(const strbuf *b)
{
    return b->null ? NULL : b->s;
}

/* An answer's physician to the waiting records: it is numbered (and its
 * strings interned) when the records come back, so that neither the
 * physicians nor their index take memory while the corpus is read. */
int cna_put_physician(cn_recfile *f, const cn_physician *p, cn_error *err)
{
    waiting_physician w;
    memset(&w, 0, sizeof w); /* padding too: it goes to disk */
    w.rating = p->rating;
    w.reviews = p->reviews;
    w.has_rating = p->has_rating;
    w.has_reviews = p->has_reviews;
    int rc = cn_recfile_write(f, &w, sizeof w, err);
    if (rc == CN_OK)
        rc = cna_put_str(f, p->name, err);
    if (rc == CN_OK)
        rc = cna_put_str(f, p->city, err);
    return rc == CN_OK ? cna_put_str(f, p->specialty, err) : rc;
}

/* The physician cna_put_physician wrote, numbered among the result's. */
static int get_physician(cn_analysis *an, uint32_t *out, cn_error *err)
{
    waiting_physician w;
    int rc = cn_recfile_read(an->waiting, &w, sizeof w, err);
    for (int i = SB_NAME; rc == CN_OK && i <= SB_SPECIALTY; i++)
        rc = get_str(an->waiting, &an->sbuf[i], err);
    if (rc != CN_OK)
        return rc;
    cn_physician p = {.name = (char *)str_of_buf(&an->sbuf[SB_NAME]),
                      .city = (char *)str_of_buf(&an->sbuf[SB_CITY]),
                      .specialty = (char *)str_of_buf(&an->sbuf[SB_SPECIALTY]),
                      .rating = w.rating,
                      .has_rating = w.has_rating,
                      .reviews = (long)w.reviews,
                      .has_reviews = w.has_reviews};
    size_t k = 0;
    rc = cna_physician_index(an, &p, &k, err);
    *out = (uint32_t)k;
    return rc;
}

/* Answer i's place in its file (answers come back in order): a page's
 * first answer gives its page's number, the others are exceptions when they
 * do not follow it. */
static int keep_index(cn_analysis *an, size_t i, uint32_t page, uint32_t index, cn_error *err)
{
    if (page >= an->n_pages)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    size_t place = i - an->page_first[page];
    if (place == 0) {
        if (index == 1)
            return CN_OK;
        if (!cn_grow((void **)&an->index0_exc, &an->cap_index0_exc, an->n_index0_exc + 1,
                     sizeof *an->index0_exc))
            return cna_oom(err);
        an->index0_exc[an->n_index0_exc++] = (page_value){page, index};
        return CN_OK;
    }
    /* the page's first answer came just before: its exception is the last, if any */
    uint32_t index0 = an->n_index0_exc && an->index0_exc[an->n_index0_exc - 1].page == page
                          ? an->index0_exc[an->n_index0_exc - 1].value
                          : 1;
    if ((uint64_t)index0 + place == index)
        return CN_OK;
    if (!cn_grow((void **)&an->index_exc, &an->cap_index_exc, an->n_index_exc + 1,
                 sizeof *an->index_exc))
        return cna_oom(err);
    an->index_exc[an->n_index_exc++] = (index_exception){(uint32_t)i, index};
    return CN_OK;
}

/* Answer i's page (answers come back in order): a checkpoint every
 * PAGE_STEP answers, and a check that the page found from the pages' first
 * answers is the one its record says. */
static int keep_page_of(cn_analysis *an, size_t i, uint32_t page, cn_error *err)
{
    if (page >= an->n_pages)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    if (i % PAGE_STEP == 0)
        an->page_step[i / PAGE_STEP] = page;
    if (cna_answer_page(an, i) != page)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    return CN_OK;
}

/* The waiting records back from disk, once the corpus is read (and the
 * reader's memory is free), in two passes over them: the first gives the
 * roles (the answer_ids and the answer-id index, which finds each
 * duplicate's original, with a byte an answer), the second brings the
 * records back (every array at its exact size, each answer pointed at its
 * verdicts, the conflicting decisions' scores aside). The answer_ids and
 * their index (~37 MB at 1 GB) and the records (21 MB) are never in memory
 * at once: that moment was the run's peak. */

/* The arrays the first pass fills. */
static int role_arrays(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    an->page_step = malloc((r->n_answers / PAGE_STEP + 1) * sizeof *an->page_step);
    an->answer_ids = malloc(r->n_answers * sizeof *an->answer_ids);
    an->early = malloc(r->n_answers);
    if (!an->page_step || !an->answer_ids || !an->early ||
        !cn_grow((void **)&an->vbuf, &an->cap_vbuf, CN_ANALYSIS_MAX_VERDICTS, sizeof *an->vbuf))
        return cna_oom(err);
    return CN_OK;
}

/* The arrays the answers' records come back into, at their exact size. */
static int answer_arrays(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    r->answers = malloc(r->n_answers * sizeof *r->answers);
    size_t n_other = an->n_verdicts - r->n_answers; /* every answer has a first verdict */
    an->v_claim = malloc((n_other ? n_other : 1) * sizeof *an->v_claim);
    an->v_stance = malloc(n_other ? n_other : 1);
    r->conflicts = malloc((r->n_conflicts ? r->n_conflicts : 1) * sizeof *r->conflicts);
    an->verdict_step = malloc((r->n_answers / VERDICT_STEP + 1) * sizeof *an->verdict_step);
    if (!r->answers || !an->v_claim || !an->v_stance || !r->conflicts || !an->verdict_step)
        return cna_oom(err);
    int rc = cn_recfile_new(an->opts.spill_dir, &an->v_confidence, err);
    return rc == CN_OK ? cn_recfile_new(an->opts.spill_dir, &an->phys_file, err) : rc;
}

/* The n verdicts of answer i in an->vbuf into the verdict arrays from at,
 * their confidences to their file. The first's claim is its page's (or an
 * exception kept as the page was), its stance the record's primary_stance
 * and its conflicting whether the answer is in result.conflicts. */
static int verdicts_back(cn_analysis *an, size_t i, size_t at, size_t n, cn_error *err)
{
    int rc = CN_OK;
    for (size_t v = 0; v < n && rc == CN_OK; v++) {
        rc = cn_recfile_write(an->v_confidence, &an->vbuf[v].confidence,
                              sizeof an->vbuf[v].confidence, err);
        if (v == 0)
            continue;
        an->v_claim[at - i + v - 1] = an->vbuf[v].claim;
        an->v_stance[at - i + v - 1] =
            (uint8_t)(an->vbuf[v].stance | (an->vbuf[v].conflicting ? V_CONFLICTING : 0));
    }
    return rc;
}

/* A conflicting decision's scores, from the waiting records to a file of
 * their own (NULL: only read past). */
static int scores_aside(cn_analysis *an, cn_recfile *to, cn_error *err)
{
    double scores[CN_STANCE_COUNT];
    int rc = cn_recfile_read(an->waiting, scores, sizeof scores, err);
    if (rc == CN_OK && to)
        rc = cn_recfile_write(to, scores, sizeof scores, err);
    return rc;
}

/* The answer_ids to a file of their own once the answer-id index has no
 * more use for them: the reports read them back a block at a time. */
static int ids_aside(cn_analysis *an, cn_error *err)
{
    int rc = cn_recfile_new(an->opts.spill_dir, &an->ids_file, err);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->ids_file, an->answer_ids,
                              an->result.n_answers * sizeof *an->answer_ids, err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(an->ids_file, err);
    free(an->answer_ids);
    an->answer_ids = NULL;
    return rc;
}

/* The next waiting answer into *w and its verdicts into an->vbuf. */
static int next_waiting(cn_analysis *an, size_t at, waiting_answer *w, cn_error *err)
{
    int rc = cn_recfile_read(an->waiting, w, sizeof *w, err);
    if (rc == CN_OK && (!w->a.n_verdicts || w->a.n_verdicts > an->n_verdicts - at))
        rc = cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    if (rc == CN_OK)
        rc = cn_recfile_read(an->waiting, an->vbuf, w->a.n_verdicts * sizeof *an->vbuf, err);
    return rc;
}

/* Past a physician cna_put_physician wrote (the first pass). */
static int skip_physician(cn_analysis *an, cn_error *err)
{
    waiting_physician w;
    int rc = cn_recfile_read(an->waiting, &w, sizeof w, err);
    for (int i = SB_NAME; rc == CN_OK && i <= SB_SPECIALTY; i++)
        rc = get_str(an->waiting, &an->sbuf[i], err);
    return rc;
}

/* The first pass: each answer's id and role (cna_assign_role), its page
 * checked; then the answer-id index goes and the ids go to their file. */
static int roles_pass(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = role_arrays(an, err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(an->waiting, err);
    size_t at = 0;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        waiting_answer w;
        rc = next_waiting(an, at, &w, err);
        if (rc != CN_OK)
            break;
        at += w.a.n_verdicts;
        an->answer_ids[i] = w.id;
        rc = keep_page_of(an, i, w.page, err);
        if (rc == CN_OK && an->vbuf[0].conflicting)
            rc = scores_aside(an, NULL, err);
        if (rc == CN_OK)
            rc = skip_physician(an, err);
        if (rc == CN_OK)
            rc = cna_assign_role(an, i, &w, err);
    }
    cn_idindex_free(an->first_answer);
    an->first_answer = NULL;
    return rc == CN_OK ? ids_aside(an, err) : rc;
}

/* What only served while the answers came back: the waiting records, the
 * roles' bytes and the verdicts' buffer. */
static void release_waiting(cn_analysis *an)
{
    cn_recfile_free(an->waiting);
    an->waiting = NULL;
    cn_idindex_free(an->first_answer);
    an->first_answer = NULL;
    free(an->early);
    an->early = NULL;
    free(an->vbuf);
    an->vbuf = NULL;
    an->cap_vbuf = 0;
}

/* The second pass: the records, each with the role the first gave it. */
static int records_pass(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = answer_arrays(an, err);
    if (rc == CN_OK)
        rc = cn_recfile_reread(an->waiting, err);
    if (rc == CN_OK && r->n_conflicts)
        rc = cn_recfile_new(an->opts.spill_dir, &an->conflict_scores, err);
    size_t at = 0, conflicts = 0;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        waiting_answer w;
        cn_analysis_answer *a = &r->answers[i];
        rc = next_waiting(an, at, &w, err);
        if (rc != CN_OK)
            break;
        *a = w.a;
        a->role = an->early[i] & EARLY_ROLE;
        if (i % VERDICT_STEP == 0)
            an->verdict_step[i / VERDICT_STEP] = (uint32_t)at;
        rc = keep_index(an, i, w.page, w.index, err);
        if (rc == CN_OK)
            rc = verdicts_back(an, i, at, a->n_verdicts, err);
        if (rc != CN_OK)
            break;
        at += a->n_verdicts;
        if (an->vbuf[0].conflicting) {
            if (conflicts == r->n_conflicts)
                return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
            r->conflicts[conflicts++] = (uint32_t)i;
            rc = scores_aside(an, an->conflict_scores, err);
        }
        uint32_t physician = 0;
        if (rc == CN_OK)
            rc = get_physician(an, &physician, err);
        if (rc == CN_OK)
            rc = cn_recfile_write(an->phys_file, &physician, sizeof physician, err);
    }
    if (rc == CN_OK && an->conflict_scores) /* written out: read back by offset */
        rc = cn_recfile_rewind(an->conflict_scores, err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(an->phys_file, err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(an->v_confidence, err);
    return rc;
}

int cna_answers_back(cn_analysis *an, cn_error *err)
{
    if (!an->result.n_answers)
        return CN_OK;
    int rc = roles_pass(an, err);
    if (rc == CN_OK)
        rc = records_pass(an, err);
    release_waiting(an);
    return rc;
}

/* Once the page records are back nothing is interned or numbered any more:
 * the string and physician indexes (~6 MB at 1 GB) and the buffers the
 * strings came back in go. */
static void release_interning(cn_analysis *an)
{
    cn_idindex_free(an->strings);
    an->strings = NULL;
    cn_idindex_free(an->physician_ids);
    an->physician_ids = NULL;
    cn_idindex_free(an->rating_ids);
    an->rating_ids = NULL;
    for (size_t i = 0; i < SB_COUNT; i++) {
        free(an->sbuf[i].s);
        an->sbuf[i] = (strbuf){0};
    }
}

/* A page's file name b numbered into *out (NO_STR: none): the number of the page
 * before's when it is the same name (a file's pages come in a row), else the next
 * number, its name written to the names file (a checkpoint every NAME_STEP names). */
static int number_file(cn_analysis *an, const strbuf *b, uint32_t *out, cn_error *err)
{
    if (b->null) {
        *out = NO_STR;
        return CN_OK;
    }
    if (an->n_names && !an->last_name.null && strcmp(an->last_name.s, b->s) == 0) {
        *out = (uint32_t)(an->n_names - 1);
        return CN_OK;
    }
    if (an->n_names >= NO_STR)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: too many files");
    if (!an->names_file) {
        int rc = cn_recfile_new(an->opts.spill_dir, &an->names_file, err);
        if (rc != CN_OK)
            return rc;
    }
    size_t len = strlen(b->s);
    if (an->n_names % NAME_STEP == 0) {
        if (!cn_grow((void **)&an->name_step, &an->cap_name_step, an->n_names / NAME_STEP + 1,
                     sizeof *an->name_step))
            return cna_oom(err);
        an->name_step[an->n_names / NAME_STEP] = cn_recfile_size(an->names_file);
    }
    int rc = cn_recfile_write(an->names_file, b->s, len + 1, err);
    if (rc != CN_OK)
        return rc;
    if (!cn_grow((void **)&an->last_name.s, &an->last_name.cap, len + 1, 1))
        return cna_oom(err);
    memcpy(an->last_name.s, b->s, len + 1);
    an->last_name.null = false;
    *out = (uint32_t)an->n_names++;
    return CN_OK;
}

/* What the steps after the questions ask of a page, a few bytes each (4 a
 * page's file, 4 its claim key, a bit its timing), made as the records come
 * back: allocated even without pages, as the later steps expect them. */
static int page_arrays(cn_analysis *an, cn_error *err)
{
    size_t np = an->n_pages ? an->n_pages : 1;
    an->page_file = malloc(np * sizeof *an->page_file);
    an->page_timing = calloc(np / 8 + 1, 1);
    an->page_claim = malloc(np * sizeof *an->page_claim);
    if (!an->page_file || !an->page_timing || !an->page_claim)
        return cna_oom(err);
    return CN_OK;
}

/* Page p's record, numbered, into the arrays and to pages_numbered. */
static int page_numbered(cn_analysis *an, size_t p, const page_rec *pr, cn_error *err)
{
    an->page_file[p] = pr->file;
    an->page_timing[p / 8] |= (uint8_t)(pr->timing << (p % 8));
    an->page_claim[p] = pr->primary; /* a key: cna_collect_verdicts numbers it */
    return cn_recfile_write(an->pages_numbered, pr, sizeof *pr, err);
}

/* The page records back from disk (after the answers': the answer-id index
 * is freed by then), their strings numbered, and written again to a file of
 * their own (pages_numbered) with a record's fixed size, so that only the
 * arrays of page_arrays stay in memory. */
int cna_pages_back(cn_analysis *an, cn_error *err)
{
    int rc = page_arrays(an, err);
    if (rc != CN_OK || !an->n_pages)
        return rc;
    if (!an->page_recs)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    rc = cn_recfile_rewind(an->page_recs, err);
    if (rc == CN_OK)
        rc = cn_recfile_new(an->opts.spill_dir, &an->pages_numbered, err);
    for (size_t p = 0; p < an->n_pages && rc == CN_OK; p++) {
        page_rec rec, *pr = &rec;
        rc = cn_recfile_read(an->page_recs, pr, sizeof *pr, err);
        uint32_t *field[SB_COUNT] = {
            [SB_FILE] = &pr->file,
            [SB_TITLE] = &pr->title,
            [SB_SOURCE] = &pr->source,
            [SB_TYPE] = &pr->type,
        };
        for (size_t i = 0; i < SB_COUNT && rc == CN_OK; i++) {
            rc = get_str(an->page_recs, &an->sbuf[i], err);
            if (rc == CN_OK)
                rc = i == SB_FILE ? number_file(an, &an->sbuf[i], field[i], err)
                                  : cna_intern_at(an, str_of_buf(&an->sbuf[i]), field[i], err);
        }
        if (rc == CN_OK)
            rc = page_numbered(an, p, pr, err);
    }
    if (rc == CN_OK) /* written out: read in order, then by offset */
        rc = cn_recfile_rewind(an->pages_numbered, err);
    if (rc == CN_OK && an->names_file) /* written out: read back by offset */
        rc = cn_recfile_rewind(an->names_file, err);
    cn_recfile_free(an->page_recs);
    an->page_recs = NULL;
    free(an->last_name.s);
    an->last_name = (strbuf){0};
    release_interning(an);
    return rc;
}
