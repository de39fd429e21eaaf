/* cn_analysis_claims: the result's claims, numbered from the claim keys: each question's
 * primary claim, then every verdict's claim. */
#include "cn_analysis_int.h"

#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

/* The index of the claim with this id, creating it (id and statement: the
 * claim keys' interned copies, not copied again). */
static int claim_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                       size_t *out, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int found = cn_strmap_get(an->claim_ids, id);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (!cn_grow((void **)&r->claims, &an->cap_claims, r->n_claims + 1, sizeof *r->claims))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    cn_analysis_claim *c = &r->claims[r->n_claims];
    memset(c, 0, sizeof *c);
    c->id = (char *)id;
    c->statement = (char *)(statement ? statement : "");
    c->rule = rule;
    if (cn_strmap_put(an->claim_ids, id, (int)r->n_claims))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    *out = r->n_claims++;
    return CN_OK;
}

/* Each question's primary claim: the one its first page was judged against
 * (its record read back by offset); then the page records' file goes (what
 * is left to ask of a page, page_file, page_timing and page_claim, was made
 * as they came back). */
int cna_primary_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        uint64_t first = an->qpages[an->qpage_start[i]]; /* its first page */
        page_rec pr;
        rc = cn_recfile_read_at(an->pages_numbered, first * sizeof pr, &pr, sizeof pr, err);
        if (rc != CN_OK)
            break;
        const claim_key *k = &an->keys[pr.primary];
        q->claim_source = cna_str_at(an, pr.source);
        q->question_type = cna_str_at(an, pr.type);
        size_t claim = 0;
        rc = claim_index(an, k->id, k->statement, k->rule, &claim, err);
        q->claim = (uint32_t)claim; /* claims are numbered below INT_MAX (claim_ids) */
    }
    cn_recfile_free(an->pages_numbered);
    an->pages_numbered = NULL;
    return rc;
}

uint32_t cna_first_verdict_claim(const cn_analysis *an, size_t i)
{
    size_t k = cna_place_u32(an->v0_exc, an->n_v0_exc, sizeof *an->v0_exc, i);
    if (k < an->n_v0_exc)
        return an->v0_exc[k].claim;
    size_t p = cna_answer_page(an, i);
    if (an->page_claim) /* the claims are being numbered: a key */
        return an->page_claim[p];
    k = cna_place_u32(an->page_claim_exc, an->n_page_claim_exc, sizeof *an->page_claim_exc, p);
    return k < an->n_page_claim_exc ? an->page_claim_exc[k].value
                                    : (uint32_t)an->result.questions[an->page_question[p]].claim;
}

/* The claim of claim key `key` into *key, numbering it when it is new. */
static int number_key(cn_analysis *an, uint32_t *key, cn_error *err)
{
    const claim_key *k = &an->keys[*key];
    size_t claim = 0; /* set by claim_index when it returns CN_OK */
    int rc = claim_index(an, k->id, k->statement, k->rule, &claim, err);
    *key = (uint32_t)claim;
    return rc;
}

/* Each page's primary claim key made its claim: numbered already, by the
 * first verdict of one of its answers or by its question (a page whose
 * answers all are exceptions, or that has none, is never asked). Then only
 * the pages whose claim is not their question's keep it (page_claim_exc):
 * 4 bytes a page less. */
static int number_page_keys(cn_analysis *an, cn_error *err)
{
    const cn_analysis_result *r = &an->result;
    size_t n = 0;
    for (size_t p = 0; p < an->n_pages; p++) {
        int found = cn_strmap_get(an->claim_ids, an->keys[an->page_claim[p]].id);
        an->page_claim[p] = found >= 0 ? (uint32_t)found : UINT32_MAX;
        n += an->page_claim[p] != r->questions[an->page_question[p]].claim;
    }
    if (!(an->page_claim_exc = malloc((n + 1) * sizeof *an->page_claim_exc)))
        return cna_oom(err);
    for (size_t p = 0; p < an->n_pages; p++)
        if (an->page_claim[p] != r->questions[an->page_question[p]].claim)
            an->page_claim_exc[an->n_page_claim_exc++] =
                (page_value){(uint32_t)p, an->page_claim[p]};
    free(an->page_claim);
    an->page_claim = NULL;
    return CN_OK;
}

/* Every verdict's claim key made an index into the result's claims: the
 * primary claim first, then the other claims an answer takes a position on
 * (answer order, as each answer's in turn: the order claims are numbered). */
int cna_collect_verdicts(cn_analysis *an, cn_error *err)
{
    const cn_analysis_result *r = &an->result;
    size_t at = 0, exc = 0; /* into v_claim, v0_exc */
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        uint32_t first = an->page_claim[cna_answer_page(an, i)];
        uint32_t *key =
            exc < an->n_v0_exc && an->v0_exc[exc].answer == i ? &an->v0_exc[exc++].claim : &first;
        int rc = number_key(an, key, err);
        for (size_t v = 1; v < a->n_verdicts && rc == CN_OK; v++)
            rc = number_key(an, &an->v_claim[at++], err);
        if (rc != CN_OK)
            return rc;
    }
    int rc = number_page_keys(an, err);
    if (rc != CN_OK)
        return rc;
    /* every claim is numbered: the claim keys and the id index go */
    cn_strmap_free(an->claim_ids);
    an->claim_ids = NULL;
    free(an->keys);
    an->keys = NULL;
    an->n_keys = an->cap_keys = 0;
    return CN_OK;
}
