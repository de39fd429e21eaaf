/* cn_analysis_keep: what is kept of an annotated page: its fixed record and its answers'
 * (to the waiting records on disk), its question_id joined to the first page with it, and
 * the page itself to the spill. */
#include "cn_analysis_int.h"

#include "cn_lines.h"
#include "cn_sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

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

/* A scrap the page cut off (a title and a few words, or nothing): there is no
 * stance to check, so an editor's time is better spent elsewhere. */
static bool is_fragment(const cn_analysis *an, const cn_answer *answer)
{
    return (answer->excerpt || answer->truncated) &&
           cn_span_words(answer->text, answer->text ? strlen(answer->text) : 0) <
               an->opts.fragment_words;
}

/* The answer's verdicts into an->vbuf, their claims as keys (numbered at the
 * end). */
static int keep_verdicts(cn_analysis *an, const cn_page_annotation *pa,
                         const cn_answer_annotation *aa, cn_analysis_answer *a, cn_error *err)
{
    if (aa->n_claims > CN_ANALYSIS_MAX_VERDICTS)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: an answer with more than %d verdicts",
                            CN_ANALYSIS_MAX_VERDICTS);
    if (!cn_grow((void **)&an->vbuf, &an->cap_vbuf, aa->n_claims, sizeof *an->vbuf))
        return cna_oom(err);
    memset(an->vbuf, 0, aa->n_claims * sizeof *an->vbuf); /* padding too: it goes to disk */
    for (size_t c = 0; c < aa->n_claims; c++) {
        const cn_answer_claim *ac = &aa->claims[c];
        const cn_rule *rule =
            c == 0 ? pa->primary->rule : cn_rules_find(an->rules, CN_RULE_CLAIM, ac->claim_id);
        cn_verdict *v = &an->vbuf[c];
        size_t key;
        int rc = cna_key_index(an, ac->claim_id, ac->statement, rule, &key, err);
        if (rc != CN_OK)
            return rc;
        v->claim = (uint32_t)key;
        if (c == 0 && key != an->page_key) {
            if (!cn_grow((void **)&an->v0_exc, &an->cap_v0_exc, an->n_v0_exc + 1,
                         sizeof *an->v0_exc))
                return cna_oom(err);
            an->v0_exc[an->n_v0_exc++] =
                (claim_exception){(uint32_t)(an->result.n_answers - 1), (uint32_t)key};
        }
        v->stance = (uint8_t)ac->decision.stance;
        v->confidence = ac->decision.confidence;
        v->conflicting = ac->decision.conflicting;
        if (c == 0)
            a->primary_stance = v->stance;
        a->n_verdicts++;
    }
    return CN_OK;
}

/* The text of qid k into out. */
static void qid_text(const cn_analysis *an, uint32_t k, char out[CN_ID_LEN + 1])
{
    if (cna_place_u32(an->qid_other_of, an->n_qid_other, sizeof *an->qid_other_of, k) <
        an->n_qid_other) {
        memcpy(out, an->qid_other[an->qid_num[k]], CN_ID_LEN + 1);
        return;
    }
    cn_page_id_text(an->qid_num[k], out);
}

static uint64_t qid_hash(const void *ctx, uint32_t k)
{
    char id[CN_ID_LEN + 1];
    qid_text(ctx, k, id);
    return cn_hash_str(id);
}

static bool qid_is(const void *ctx, uint32_t k, const void *probe)
{
    char id[CN_ID_LEN + 1];
    qid_text(ctx, k, id);
    return !strcmp(id, probe);
}

/* Answer ans' fields into its waiting record w (zeroed first: padding too
 * goes to disk); an answer_id that is no number is interned. */
static int answer_fields(cn_analysis *an, size_t p, const cn_answer *ans,
                         const cn_answer_annotation *aa, waiting_answer *w, cn_error *err)
{
    memset(w, 0, sizeof *w);
    cn_analysis_answer *a = &w->a;
    if (!cn_page_id_number(ans->answer_id, &w->id)) {
        uint32_t k;
        int rc = cna_intern_at(an, ans->answer_id, &k, err);
        if (rc != CN_OK)
            return rc;
        w->id = k;
        a->id_text = true;
    }
    memcpy(w->duplicate_of, ans->duplicate_of, sizeof w->duplicate_of);
    w->related = ans->related;
    a->excerpt = ans->excerpt;
    a->truncated = ans->truncated;
    a->fragment = is_fragment(an, ans);
    a->names_primary = aa->names_primary;
    w->index = (uint32_t)ans->index;
    w->page = (uint32_t)p;
    return CN_OK;
}

/* The waiting record w to disk, then its verdicts (an->vbuf), a conflicting
 * primary decision's scores and the physician. */
static int write_waiting(cn_analysis *an, const waiting_answer *w, const cn_answer *ans,
                         const cn_answer_annotation *aa, cn_error *err)
{
    int rc = cn_recfile_write(an->waiting, w, sizeof *w, err);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->waiting, an->vbuf, w->a.n_verdicts * sizeof *an->vbuf, err);
    if (rc == CN_OK && aa->claims[0].decision.conflicting) {
        an->result.n_conflicts++;
        rc = cn_recfile_write(an->waiting, aa->claims[0].decision.scores,
                              sizeof aa->claims[0].decision.scores, err);
    }
    if (rc == CN_OK)
        rc = cna_put_physician(an->waiting, &ans->physician, err);
    return rc;
}

/* The fixed record of answer k of page p, written to the waiting records
 * (with its verdicts and, for a conflicting primary decision, the scores). */
static int keep_answer(cn_analysis *an, size_t p, const cn_page *page, const cn_page_annotation *pa,
                       size_t k, cn_error *err)
{
    const cn_answer *ans = &page->answers[k];
    cn_analysis_result *r = &an->result;
    /* records number answers, pages and places in 32 bits */
    if (r->n_answers >= INT32_MAX || p >= INT32_MAX || ans->index >= UINT32_MAX || k >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^31 answers or pages");
    if (!an->waiting) {
        int rc = cn_recfile_new(an->opts.spill_dir, &an->waiting, err);
        if (rc != CN_OK)
            return rc;
    }
    r->n_answers++;
    waiting_answer w;
    const cn_answer_annotation *aa = &pa->answers[k];
    int rc = answer_fields(an, p, ans, aa, &w, err);
    if (rc != CN_OK)
        return rc;
    cn_analysis_answer *a = &w.a;
    rc = keep_verdicts(an, pa, aa, a, err);
    if (rc == CN_OK && a->n_verdicts == 0)
        rc = cn_error_set(err, CN_ERR_USAGE, "%s: answer %zu has no decision",
                          page->file ? page->file : "?", ans->index);
    if (rc == CN_OK && an->n_verdicts + a->n_verdicts > UINT32_MAX) /* verdict_step: 32-bit */
        rc = cn_error_set(err, CN_ERR_USAGE, "analysis: more than %lu verdicts",
                          (unsigned long)UINT32_MAX);
    if (rc == CN_OK)
        rc = write_waiting(an, &w, ans, aa, err);
    an->n_verdicts += a->n_verdicts;
    return rc;
}

static const char *page_path(const cn_page *page)
{
    return page->path ? page->path : (page->file ? page->file : "");
}

static bool has_flag(const cn_page_annotation *pa, const char *flag)
{
    for (size_t i = 0; i < pa->n_question_flags; i++)
        if (!strcmp(pa->question_flags[i], flag))
            return true;
    return false;
}

/* Page p joins the first page with its question_id (it is that page when
 * none came before). */
static int join_question_id(cn_analysis *an, const cn_page *page, size_t p, cn_error *err)
{
    int64_t k = cn_idindex_find_hashed(an->first_of_qid, cn_hash_str(page->question_id), qid_is, an,
                                       page->question_id);
    if (k >= 0) {
        cna_uf_union(an->parent, p, an->qid_page[k]);
        return CN_OK;
    }
    if (an->n_qids >= INT32_MAX ||
        !cn_grow((void **)&an->qid_num, &an->cap_qids, an->n_qids + 1, sizeof *an->qid_num) ||
        !cn_grow((void **)&an->qid_page, &an->cap_qid_page, an->n_qids + 1, sizeof *an->qid_page))
        return cna_oom(err);
    if (!cn_page_id_number(page->question_id, &an->qid_num[an->n_qids])) {
        if (!cn_grow((void **)&an->qid_other, &an->cap_qid_other, an->n_qid_other + 1,
                     sizeof *an->qid_other) ||
            !cn_grow((void **)&an->qid_other_of, &an->cap_qid_other_of, an->n_qid_other + 1,
                     sizeof *an->qid_other_of))
            return cna_oom(err);
        snprintf(an->qid_other[an->n_qid_other], CN_ID_LEN + 1, "%s", page->question_id);
        an->qid_other_of[an->n_qid_other] = (uint32_t)an->n_qids;
        an->qid_num[an->n_qids] = an->n_qid_other++;
    }
    an->qid_page[an->n_qids] = (uint32_t)p;
    if (cn_idindex_add_hashed(an->first_of_qid, cn_hash_str(page->question_id),
                              (uint32_t)an->n_qids, qid_hash, an))
        return cna_oom(err);
    an->n_qids++;
    return CN_OK;
}

/* The page's record (to disk); pages with the same question_id belong together. */
static int keep_page_record(cn_analysis *an, const cn_page *page, const cn_page_annotation *pa,
                            size_t p, cn_error *err)
{
    page_rec rec, *pr = &rec;
    memset(pr, 0, sizeof *pr);   /* padding too: it goes to disk */
    an->parent[p] = (uint32_t)p; /* p < INT32_MAX: cna_keep_page */
    if (page->question_id[0])
        memcpy(pr->id, page->question_id, sizeof pr->id);
    else
        fallback_question_id(page, pr->id);
    pr->has_body = page->body && page->body[0];
    pr->timing = has_flag(pa, "timing");
    cna_set_page_declared(pr, page->declared_answers);
    /* its strings follow it on disk: interned when it comes back */
    pr->file = pr->title = pr->source = pr->type = NO_STR;
    size_t primary = 0;
    int rc = cna_key_index(an, pa->primary->id, pa->primary->statement, pa->primary->rule, &primary,
                           err);
    if (rc == CN_OK && primary >= UINT32_MAX)
        rc = cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^32 claim keys");
    pr->primary = (uint32_t)primary;
    an->page_key = pr->primary; /* its answers' first verdicts are on it (keep_verdicts) */
    if (rc == CN_OK && !an->page_recs)
        rc = cn_recfile_new(an->opts.spill_dir, &an->page_recs, err);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->page_recs, pr, sizeof *pr, err);
    const char *strs[SB_COUNT] = {
        [SB_FILE] = page->file,
        [SB_TITLE] = page->question && page->question[0] ? page->question : NULL,
        [SB_SOURCE] = pa->primary->source,
        [SB_TYPE] = pa->question_type,
    };
    for (size_t i = 0; i < SB_COUNT && rc == CN_OK; i++)
        rc = cna_put_str(an->page_recs, strs[i], err);
    if (rc != CN_OK || !page->question_id[0])
        return rc;
    return join_question_id(an, page, p, err);
}

/* Keep what the analysis needs of an annotated page and write the page to
 * disk. */
int cna_keep_page(cn_analysis *an, const cn_page *page, const cn_page_annotation *pa, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    if (!pa || pa->n_answers != page->n_answers)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a page without its annotation");
    if (!an->spill) {
        int rc = cn_spill_new(an->opts.spill_dir, an->rules, &an->spill, err);
        if (rc != CN_OK)
            return rc;
        an->loader.spill = an->spill;
    }
    if (!cn_grow((void **)&an->parent, &an->cap_parent, an->n_pages + 1, sizeof *an->parent) ||
        !cn_grow((void **)&an->page_first, &an->cap_page_first, an->n_pages + 1,
                 sizeof *an->page_first))
        return cna_oom(err);
    if (r->n_answers >= INT32_MAX || an->n_pages >= INT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^31 answers or pages");
    size_t p = an->n_pages++;
    an->page_first[p] = (uint32_t)r->n_answers;
    int rc = keep_page_record(an, page, pa, p, err);
    /* The reader hands out a file's pages in a row (JSON Lines gives several). */
    const char *path = page_path(page);
    if (rc == CN_OK && (p == 0 || strcmp(path, an->last_path))) {
        free(an->last_path);
        if (!(an->last_path = strdup(path)))
            rc = cna_oom(err);
        r->files_read++;
    }
    for (size_t k = 0; k < page->n_answers && rc == CN_OK; k++)
        rc = keep_answer(an, p, page, pa, k, err);
    r->pages++;
    r->total_answers += page->n_answers;
    if (rc == CN_OK)
        rc = cn_spill_put(an->spill, page, pa, err);
    return rc;
}

/* What only finds claim keys and question_ids again as pages come: once the
 * last page is kept no page joins another question_id and no claim key is
 * numbered any more. */
void cna_release_reading_indexes(cn_analysis *an)
{
    cn_strmap_free(an->key_ids);
    an->key_ids = NULL;
    free(an->key.s);
    an->key = (keybuf){0};
    cn_idindex_free(an->first_of_qid);
    an->first_of_qid = NULL;
    free(an->qid_num);
    an->qid_num = NULL;
    free(an->qid_page);
    an->qid_page = NULL;
    an->n_qids = an->cap_qids = an->cap_qid_page = 0;
    free(an->qid_other);
    an->qid_other = NULL;
    free(an->qid_other_of);
    an->qid_other_of = NULL;
    an->n_qid_other = an->cap_qid_other = an->cap_qid_other_of = 0;
}
