/* cn_analysis_overrides: editors' overrides given to the answers with their answer_id and
 * shared between the copies of one answer, before anything is counted. */
#include "cn_analysis_int.h"

#include <stdlib.h>

const cn_override *cn_analysis_override(const cn_analysis_result *r, size_t i)
{
    const cn_analysis *an = r->an;
    size_t k = cna_place_u32(an->overrides, an->n_overrides, sizeof *an->overrides, i);
    return k < an->n_overrides ? an->overrides[k].override : NULL;
}

/* k_of[i]: the override of answer i's own answer_id, + 1 (0: none); used[k]: override k
 * matched an answer. */
static void match_ids(const cn_analysis_result *r, const cn_overrides *ov, uint32_t *k_of,
                      bool *used)
{
    for (size_t i = 0; i < r->n_answers; i++) {
        long k = cn_overrides_find(ov, CN_ANSWER_ID(r, &r->answers[i]));
        if (k >= 0) {
            k_of[i] = (uint32_t)k + 1;
            used[k] = true;
        }
    }
}

/* The copies of one answer share an override: an original without its own
 * takes its first duplicate's, then a duplicate without its own its
 * original's. */
static void share_between_copies(cn_analysis_result *r, uint32_t *k_of)
{
    for (size_t i = 0; i < r->n_answers; i++) {
        size_t o = cn_analysis_original(r, &r->answers[i]);
        if (r->answers[i].role == CN_ROLE_DUPLICATE && k_of[i] && !k_of[o])
            k_of[o] = k_of[i];
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        if (a->role == CN_ROLE_DUPLICATE && !k_of[i])
            k_of[i] = k_of[cn_analysis_original(r, a)];
        if (k_of[i])
            r->n_overridden++;
    }
}

/* Each overridden answer marked with its stance, its override kept by answer; the unused
 * overrides listed as unmatched. */
static int keep_overrides(cn_analysis *an, const cn_overrides *ov, const uint32_t *k_of,
                          const bool *used, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t n = cn_overrides_count(ov);
    an->overrides = calloc(r->n_overridden + 1, sizeof *an->overrides);
    r->unmatched = calloc(n, sizeof *r->unmatched);
    if (!an->overrides || !r->unmatched)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers; i++) {
        if (!k_of[i])
            continue;
        const cn_override *o = cn_overrides_at(ov, k_of[i] - 1);
        r->answers[i].overridden = true;
        r->answers[i].override_stance = (uint8_t)o->stance;
        an->overrides[an->n_overrides++] = (override_of){.answer = (uint32_t)i, .override = o};
    }
    for (size_t k = 0; k < n; k++)
        if (!used[k])
            r->unmatched[r->n_unmatched++] = cn_overrides_at(ov, k);
    return CN_OK;
}

/* Give each answer the override of its answer_id, then share overrides
 * between the copies of one answer: a counted answer without its own takes
 * the first of its duplicates', and a duplicate without its own takes its
 * original's. Unused overrides are listed as unmatched. */
int cna_apply_overrides(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    const cn_overrides *ov = an->opts.overrides;
    size_t n = cn_overrides_count(ov);
    if (n == 0)
        return CN_OK;
    bool *used = calloc(n, sizeof *used);
    uint32_t *k_of = calloc(r->n_answers + 1, sizeof *k_of); /* override + 1; 0: none */
    int rc = CN_OK;
    if (!used || !k_of || n >= UINT32_MAX)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    if (rc == CN_OK) {
        match_ids(r, ov, k_of, used);
        share_between_copies(r, k_of);
        rc = keep_overrides(an, ov, k_of, used, err);
    }
    free(used);
    free(k_of);
    return rc;
}
