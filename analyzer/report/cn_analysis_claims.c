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

/* Once the questions have their titles, claims and types, a page's record
 * (48 bytes) is more than what is left to ask of a page: its file, whether
 * it flags timing, and its question. */
static int compact_pages(cn_analysis *an, cn_error *err)
{
    size_t np = an->n_pages ? an->n_pages : 1;
    an->page_file = malloc(np * sizeof *an->page_file);
    an->page_timing = malloc(np * sizeof *an->page_timing);
    if (!an->page_file || !an->page_timing)
        return cna_oom(err);
    for (size_t p = 0; p < an->n_pages; p++) {
        an->page_file[p] = an->pages[p].file;
        an->page_timing[p] = an->pages[p].timing;
    }
    free(an->pages);
    an->pages = NULL;
    return CN_OK;
}

/* Each question's primary claim: the one its first page was judged against; then the page
 * records go (compact_pages). */
int cna_primary_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        const page_rec *pr = &an->pages[an->first_page[i]];
        const claim_key *k = &an->keys[pr->primary];
        q->claim_source = cna_str_at(an, pr->source);
        q->question_type = cna_str_at(an, pr->type);
        int rc = claim_index(an, k->id, k->statement, k->rule, &q->claim, err);
        if (rc != CN_OK)
            return rc;
    }
    return compact_pages(an, err);
}

/* Every verdict's claim key made an index into the result's claims: the
 * primary claim first, then the other claims an answer takes a position on. */
int cna_collect_verdicts(cn_analysis *an, cn_error *err)
{
    for (size_t v = 0; v < an->n_verdicts; v++) { /* answer order, as each answer's in turn */
        const claim_key *k = &an->keys[an->v_claim[v]];
        size_t claim = 0; /* set by claim_index when it returns CN_OK */
        int rc = claim_index(an, k->id, k->statement, k->rule, &claim, err);
        if (rc != CN_OK)
            return rc;
        an->v_claim[v] = (uint32_t)claim;
    }
    /* every claim is numbered: the claim keys and the id index go */
    cn_strmap_free(an->claim_ids);
    an->claim_ids = NULL;
    free(an->keys);
    an->keys = NULL;
    an->n_keys = an->cap_keys = 0;
    return CN_OK;
}
