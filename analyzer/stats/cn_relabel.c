/* cn_relabel: the consensus redrawn under the classifier's confusion matrix. */
#include "cn_relabel.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantile of sorted values (type 7, as R's default). */
static double quantile(const double *v, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t i = (size_t)floor(h);
    if (i + 1 >= n)
        return v[n - 1];
    return v[i] + (h - (double)i) * (v[i + 1] - v[i]);
}

/*
 * The levels seen in the draws, cached: a level needs three binomial tails
 * (cn_consensus_level_of), and the draws of one question keep landing on the
 * same few counts. Direct-mapped on the three stances' counts (the level
 * depends on nothing else); only the speed depends on it.
 */
#define LEVEL_CACHE 1021

typedef struct level_cache {
    long counts[LEVEL_CACHE][3]; /* the three stances' counts; -1: empty */
    cn_consensus_level level[LEVEL_CACHE];
    cn_stance majority[LEVEL_CACHE];
} level_cache;

static void level_cache_init(level_cache *lc)
{
    for (size_t i = 0; i < LEVEL_CACHE; i++)
        lc->counts[i][0] = -1;
}

static cn_consensus_level cached_level(level_cache *lc, const cn_consensus_opts *opts,
                                       const long c[CN_STANCE_COUNT], cn_stance *majority)
{
    /* the level depends on the counts of the three stances only */
    const long *k = c + CN_STANCE_REASSURING;
    size_t slot = (size_t)(((unsigned long)k[0] * 1000003ul + (unsigned long)k[1]) * 1000003ul +
                           (unsigned long)k[2]) %
                  LEVEL_CACHE;
    long *at = lc->counts[slot];
    if (at[0] != k[0] || at[1] != k[1] || at[2] != k[2]) {
        memcpy(at, k, 3 * sizeof *at);
        lc->level[slot] = cn_consensus_level_of(opts, c, &lc->majority[slot]);
    }
    *majority = lc->majority[slot];
    return lc->level[slot];
}

/* P(true = t | predicted = p) for each prediction p, from confusion[t][p] + 1. */
static int posterior_rows(const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                          double post[CN_STANCE_COUNT][CN_STANCE_COUNT], cn_error *err)
{
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        double sum = 0;
        for (int t = 0; t < CN_STANCE_COUNT; t++) {
            if (!(confusion[t][p] >= 0))
                return cn_error_set(err, CN_ERR_USAGE, "relabel: negative confusion count");
            sum += post[p][t] = confusion[t][p] + 1.0;
        }
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            post[p][t] /= sum;
    }
    return CN_OK;
}

/* One draw of the true stance counts: the answers an editor set as they are,
 * and the `group[p]` others predicted p spread over the true stances at
 * once, multinomially (the same distribution as answer by answer, at a cost
 * that does not grow with the answers). */
static void draw_counts(gsl_rng *rng, const long fixed[CN_STANCE_COUNT],
                        const unsigned group[CN_STANCE_COUNT],
                        const double post[CN_STANCE_COUNT][CN_STANCE_COUNT],
                        long c[CN_STANCE_COUNT])
{
    unsigned got[CN_STANCE_COUNT];
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        c[t] = fixed[t];
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        if (group[p] == 0)
            continue;
        gsl_ran_multinomial(rng, CN_STANCE_COUNT, group[p], post[p], got);
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            c[t] += got[t];
    }
}

int cn_relabel_compute(const cn_consensus_opts *opts, const cn_stance *predicted,
                       const bool *certain, size_t n,
                       const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                       unsigned long seed, cn_relabel_result *out, cn_error *err)
{
    *out = (cn_relabel_result){NAN, NAN, NAN, 0};
    if (draws == 0)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: no draws");
    if (n > UINT_MAX / 2)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: more than %u answers", UINT_MAX / 2);
    double post[CN_STANCE_COUNT][CN_STANCE_COUNT];
    int rc = posterior_rows(confusion, post, err);
    if (rc)
        return rc;
    long counts[CN_STANCE_COUNT] = {0}, fixed[CN_STANCE_COUNT] = {0};
    unsigned group[CN_STANCE_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        counts[predicted[i]]++;
        if (certain && certain[i])
            fixed[predicted[i]]++;
        else
            group[predicted[i]]++;
    }
    cn_stance majority;
    cn_consensus_level level = cn_consensus_level_of(opts, counts, &majority);
    double *shares = malloc(draws * sizeof *shares);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    level_cache *lc = malloc(sizeof *lc);
    if (lc)
        level_cache_init(lc);
    if (!shares || !rng || !lc) {
        free(shares);
        free(lc);
        if (rng)
            gsl_rng_free(rng);
        return cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory");
    }
    gsl_rng_set(rng, seed);
    size_t held = 0, n_shares = 0;
    for (size_t d = 0; d < draws; d++) {
        long c[CN_STANCE_COUNT];
        draw_counts(rng, fixed, group, post, c);
        cn_stance m;
        cn_consensus_level l = cached_level(lc, opts, c, &m);
        held += m == majority && l >= level;
        long stance_answers =
            c[CN_STANCE_REASSURING] + c[CN_STANCE_CAUTIONARY] + c[CN_STANCE_CONTRAINDICATED];
        if (majority != CN_STANCE_NONE && stance_answers > 0)
            shares[n_shares++] = (double)c[majority] / (double)stance_answers;
    }
    gsl_rng_free(rng);
    free(lc);
    out->draws = draws;
    if (majority != CN_STANCE_NONE && level >= CN_CONSENSUS_WEAK)
        out->holds = (double)held / (double)draws;
    if (n_shares > 0) {
        qsort(shares, n_shares, sizeof *shares, cmp_double);
        out->share_lo = quantile(shares, n_shares, 0.025);
        out->share_hi = quantile(shares, n_shares, 0.975);
    }
    free(shares);
    return CN_OK;
}
