/* cn_relabel: the consensus redrawn under the classifier's confusion matrix. */
#include "cn_relabel.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
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

int cn_relabel_compute(const cn_consensus_opts *opts, const cn_stance *predicted,
                       const bool *certain, size_t n,
                       const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                       unsigned long seed, cn_relabel_result *out, cn_error *err)
{
    *out = (cn_relabel_result){NAN, NAN, NAN, 0};
    if (draws == 0)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: no draws");
    /* P(true = t | predicted = p), one row per prediction */
    double post[CN_STANCE_COUNT][CN_STANCE_COUNT];
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
    long counts[CN_STANCE_COUNT] = {0};
    for (size_t i = 0; i < n; i++)
        counts[predicted[i]]++;
    cn_stance majority;
    cn_consensus_level level = cn_consensus_level_of(opts, counts, &majority);
    double *shares = malloc(draws * sizeof *shares);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!shares || !rng) {
        free(shares);
        gsl_rng_free(rng);
        return cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory");
    }
    gsl_rng_set(rng, seed);
    size_t held = 0, n_shares = 0;
    for (size_t d = 0; d < draws; d++) {
        long c[CN_STANCE_COUNT] = {0};
        for (size_t i = 0; i < n; i++) {
            if (certain && certain[i]) {
                c[predicted[i]]++;
                continue;
            }
            double u = gsl_rng_uniform(rng), acc = 0;
            int t = CN_STANCE_COUNT - 1;
            for (int k = 0; k < CN_STANCE_COUNT; k++) {
                acc += post[predicted[i]][k];
                if (u < acc) {
                    t = k;
                    break;
                }
            }
            c[t]++;
        }
        cn_stance m;
        cn_consensus_level l = cn_consensus_level_of(opts, c, &m);
        held += m == majority && l >= level;
        long stance_answers =
            c[CN_STANCE_REASSURING] + c[CN_STANCE_CAUTIONARY] + c[CN_STANCE_CONTRAINDICATED];
        if (majority != CN_STANCE_NONE && stance_answers > 0)
            shares[n_shares++] = (double)c[majority] / (double)stance_answers;
    }
    gsl_rng_free(rng);
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
