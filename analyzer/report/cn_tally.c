/* cn_tally: counts, consensus, summary, dissent and specialty split of one set of votes. */
#include "cn_tally.h"

#include "cn_grow.h"
#include "cn_sort.h"
#include "cn_relabel_memo.h"

#include "cn_summary.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void cn_tally_clear(cn_tally *t)
{
    if (!t)
        return;
    if (!t->pool)
        free(t->own);
    if (!t->summary_borrowed)
        free(t->summary);
    memset(t, 0, sizeof *t);
}

long cn_specialty_answers(const cn_specialty_count *s)
{
    long n = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        n += s->counts[k];
    return n;
}

void cn_specialty_counts(const cn_specialty_count *s, long out[CN_STANCE_COUNT])
{
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        out[k] = s->counts[k];
}

/* NULL (unknown) sorts after every name. */
static int name_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static int specialty_cmp(const void *a, const void *b)
{
    return name_cmp(((const cn_specialty_count *)a)->specialty,
                    ((const cn_specialty_count *)b)->specialty);
}

/* Where the votes come from: an array, or the caller's function (no array
 * of a vote per answer: the largest question at 1 GB has 1.28 million). */
typedef struct votes_src {
    const cn_tally_vote *array;
    cn_tally_vote_fn get;
    const void *ctx;
} votes_src;

static cn_tally_vote vote_at(const votes_src *v, size_t i)
{
    if (v->array)
        return v->array[i];
    cn_tally_vote out;
    v->get(v->ctx, i, &out);
    return out;
}

/* Group by specialty with a linear search: a question has a handful of
 * specialties, and sorting afterwards makes the order independent of input.
 * The array grows with the specialties found, not with the votes (a large
 * question's votes would take 40 bytes each for a moment), and is kept from
 * one set to the next by the caller (no allocation a question). */
static int split_specialties(const votes_src *votes, size_t n, cn_specialty_count **splits,
                             size_t *n_splits, size_t *cap, cn_error *err)
{
    size_t found = 0;
    *n_splits = 0;
    for (size_t i = 0; i < n; i++) {
        cn_tally_vote v = vote_at(votes, i);
        if ((unsigned)v.stance >= CN_STANCE_COUNT)
            return cn_error_set(err, CN_ERR_USAGE, "tally: vote %zu has no valid stance", i + 1);
        size_t s = 0;
        while (s < found && name_cmp((*splits)[s].specialty, v.specialty))
            s++;
        if (s == found) {
            if (!cn_grow((void **)splits, cap, s + 1, sizeof **splits))
                return cn_error_set(err, CN_ERR_NOMEM, "tally: out of memory");
            memset(&(*splits)[s], 0, sizeof **splits);
            (*splits)[found++].specialty = v.specialty;
        }
        (*splits)[s].counts[v.stance]++;
    }
    if (found)
        cn_sort_stable(*splits, found, sizeof **splits, specialty_cmp);
    *n_splits = found;
    return CN_OK;
}

int cn_tally_specialties(const cn_tally_vote *votes, size_t n, cn_specialty_count **splits,
                         size_t *n_splits, size_t *cap, cn_error *err)
{
    votes_src src = {.array = votes};
    return split_specialties(&src, n, splits, n_splits, cap, err);
}

int cn_tally_specialties_from(cn_tally_vote_fn get, const void *ctx, size_t n,
                              cn_specialty_count **splits, size_t *n_splits, size_t *cap,
                              cn_error *err)
{
    votes_src src = {.get = get, .ctx = ctx};
    return split_specialties(&src, n, splits, n_splits, cap, err);
}

bool cn_tally_dissents(const cn_tally *t, cn_stance s)
{
    cn_stance maj = (cn_stance)t->majority;
    return maj != CN_STANCE_NONE && !t->tie && s != CN_STANCE_NONE && s != maj;
}

const cn_consensus_result *cn_tally_consensus(const cn_tally *t, cn_consensus_result *buf)
{
    if (!t->pool)
        return t->own;
    if (cn_consensus_pool_get(t->pool, t->entry, buf, NULL) != CN_OK) {
        long none[CN_STANCE_COUNT] = {0};
        if (cn_consensus_compute(NULL, none, buf, NULL) != CN_OK)
            memset(buf, 0, sizeof *buf);
    }
    return buf;
}

/* Counted only, from the counts: the reports ask cn_tally_dissents of each
 * vote again. */
static void count_dissent(cn_tally *t)
{
    for (int s = 0; s < CN_STANCE_COUNT; s++)
        if (cn_tally_dissents(t, (cn_stance)s))
            t->n_dissent += (uint32_t)t->counts[s];
}

/* The consensus under the classifier's error rates (cn_relabel), from the
 * counts it depends on (cn_relabel_count's, without an array of the votes:
 * 5 bytes a vote, 6 MB for the largest question at 1 GB). */
static int relabel(const votes_src *votes, size_t n, const cn_consensus_opts *opts,
                   cn_relabel_memo *memo, cn_consensus_result *r, cn_error *err)
{
    if (n > UINT_MAX / 2)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: more than %u answers", UINT_MAX / 2);
    long fixed[CN_STANCE_COUNT] = {0};
    unsigned group[CN_STANCE_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        cn_tally_vote v = vote_at(votes, i);
        if (v.certain)
            fixed[v.stance]++;
        else
            group[v.stance]++;
    }
    cn_relabel_result rr;
    int rc = cn_relabel_compute_memo_counts(memo, opts, fixed, group, opts->confusion,
                                            opts->relabel_draws, opts->seed, &rr, err);
    if (rc == CN_OK) {
        r->relabel_holds = rr.holds;
        r->relabel_share_lo = rr.share_lo;
        r->relabel_share_hi = rr.share_hi;
        r->relabel_draws = rr.draws;
        r->relabel_method = rr.exact ? "exact" : "monte_carlo";
    }
    return rc;
}

/* t's figures: the pool's copy of k, or t's own without a pool; and the
 * ones t keeps at hand. */
static int keep_consensus(const cn_consensus_result *k, cn_consensus_pool *pool, cn_tally *t,
                          cn_error *err)
{
    t->majority = (uint8_t)k->majority;
    t->tie = k->tie;
    t->level = (uint8_t)k->level;
    if (pool) {
        int rc = cn_consensus_pool_put(pool, k, &t->entry, err);
        if (rc == CN_OK)
            t->pool = pool;
        return rc;
    }
    t->own = malloc(sizeof *t->own);
    if (!t->own)
        return cn_error_set(err, CN_ERR_NOMEM, "tally: out of memory");
    *t->own = *k;
    return CN_OK;
}

int cn_tally_compute(const cn_tally_vote *votes, size_t n, const cn_consensus_opts *opts,
                     cn_tally *out, cn_error *err)
{
    return cn_tally_compute_memo(votes, n, opts, NULL, out, err);
}

static int compute(const votes_src *votes, size_t n, const cn_consensus_opts *opts,
                   const cn_tally_memo *memo, cn_tally *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        cn_stance stance = vote_at(votes, i).stance;
        if ((unsigned)stance >= CN_STANCE_COUNT)
            return cn_error_set(err, CN_ERR_USAGE, "tally: vote %zu has no valid stance", i + 1);
        out->counts[stance]++;
    }
    cn_consensus_result k;
    int rc = cn_consensus_compute_memo(memo ? memo->consensus : NULL, opts, out->counts, &k, err);
    if (rc == CN_OK && opts && opts->confusion && opts->relabel_draws > 0 && n > 0)
        rc = relabel(votes, n, opts, memo ? memo->relabel : NULL, &k, err);
    if (rc == CN_OK)
        rc = keep_consensus(&k, memo ? memo->pool : NULL, out, err);
    if (rc == CN_OK)
        rc = cn_summary_sentence(&k, opts, &out->summary, err);
    if (rc == CN_OK)
        count_dissent(out);
    if (rc != CN_OK)
        cn_tally_clear(out);
    return rc;
}

int cn_tally_compute_memo(const cn_tally_vote *votes, size_t n, const cn_consensus_opts *opts,
                          const cn_tally_memo *memo, cn_tally *out, cn_error *err)
{
    votes_src src = {.array = votes};
    return compute(&src, n, opts, memo, out, err);
}

int cn_tally_compute_from(cn_tally_vote_fn get, const void *ctx, size_t n,
                          const cn_consensus_opts *opts, const cn_tally_memo *memo, cn_tally *out,
                          cn_error *err)
{
    votes_src src = {.get = get, .ctx = ctx};
    return compute(&src, n, opts, memo, out, err);
}

int cn_tally_rephrase(cn_tally *t, const cn_consensus_opts *opts, cn_summary_phrasing phrasing,
                      const char *about, cn_error *err)
{
    char *sentence = NULL;
    cn_consensus_result buf;
    const cn_consensus_result *k = t->own;
    if (t->pool) {
        int rc = cn_consensus_pool_get(t->pool, t->entry, &buf, err);
        if (rc != CN_OK)
            return rc;
        k = &buf;
    }
    int rc = cn_summary_sentence_phrased(k, opts, phrasing, about, &sentence, err);
    if (rc != CN_OK)
        return rc;
    if (!t->summary_borrowed)
        free(t->summary);
    t->summary = sentence;
    t->summary_borrowed = false;
    return CN_OK;
}
