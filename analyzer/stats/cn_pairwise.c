/* cn_pairwise: within-question pairwise agreement, chance-corrected, bootstrapped. */
#include "cn_pairwise.h"

#include "cn_mt.h"

#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Agreement and chance of the questions, each counted w[q] times. */
static void tally(const long (*c)[3], const size_t *idx, size_t m, const double *w, double *agree,
                  double *chance, double *pairs)
{
    double same = 0, all = 0, pooled[3] = {0}, total = 0;
    for (size_t i = 0; i < m; i++) {
        const long *q = c[idx[i]];
        double wq = w ? w[i] : 1.0;
        double n = (double)(q[0] + q[1] + q[2]);
        all += wq * n * (n - 1);
        for (int k = 0; k < 3; k++) {
            same += wq * (double)q[k] * (double)(q[k] - 1);
            pooled[k] += wq * (double)q[k];
        }
        total += wq * n;
    }
    *pairs = all / 2;
    *agree = all > 0 ? same / all : NAN;
    double e = 0;
    for (int k = 0; k < 3 && total > 0; k++)
        e += (pooled[k] / total) * (pooled[k] / total);
    *chance = total > 0 ? e : NAN;
}

int cn_pairwise_compute(const long (*counts)[3], size_t n, size_t bootstrap, unsigned long seed,
                        double level, size_t min_units, cn_pairwise_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->agreement = out->chance = out->corrected = NAN;
    out->ci_lo = out->ci_hi = NAN;
    out->share_q1 = out->share_median = out->share_q3 = NAN;
    if (!(level > 0 && level < 1))
        return cn_error_set(err, CN_ERR_USAGE, "pairwise: level %g not in (0,1)", level);
    size_t *idx = calloc(n ? n : 1, sizeof *idx);
    double *shares = malloc((n ? n : 1) * sizeof *shares);
    if (!idx || !shares) {
        free(idx);
        free(shares);
        return cn_error_set(err, CN_ERR_NOMEM, "pairwise: out of memory");
    }
    size_t m = 0;
    for (size_t q = 0; q < n; q++) {
        long s = counts[q][0] + counts[q][1] + counts[q][2];
        if (counts[q][0] < 0 || counts[q][1] < 0 || counts[q][2] < 0) {
            free(idx);
            free(shares);
            return cn_error_set(err, CN_ERR_USAGE, "pairwise: negative count");
        }
        if (s < 2)
            continue;
        long top = counts[q][0] > counts[q][1] ? counts[q][0] : counts[q][1];
        top = counts[q][2] > top ? counts[q][2] : top;
        shares[m] = (double)top / (double)s;
        idx[m++] = q;
    }
    out->questions = m;
    tally(counts, idx, m, NULL, &out->agreement, &out->chance, &out->pairs);
    if (m > 0 && out->chance < 1)
        out->corrected = (out->agreement - out->chance) / (1 - out->chance);
    if (m > 0) {
        gsl_sort(shares, 1, m);
        out->share_q1 = gsl_stats_quantile_from_sorted_data(shares, 1, m, 0.25);
        out->share_median = gsl_stats_quantile_from_sorted_data(shares, 1, m, 0.5);
        out->share_q3 = gsl_stats_quantile_from_sorted_data(shares, 1, m, 0.75);
    }
    free(shares);
    int rc = CN_OK;
    if (bootstrap == 0) {
        out->ci_note = "no bootstrap asked";
    } else if (m < min_units) {
        out->ci_note = "fewer than 20 questions with two or more stance-taking answers: "
                       "too few to resample";
    } else {
        double *w = malloc(m * sizeof *w), *boot = malloc(bootstrap * sizeof *boot);
        gsl_rng *rng = gsl_rng_alloc(cn_mt_type);
        if (!w || !boot || !rng) {
            rc = cn_error_set(err, CN_ERR_NOMEM, "pairwise: out of memory");
        } else {
            gsl_rng_set(rng, seed);
            for (size_t b = 0; b < bootstrap; b++) {
                memset(w, 0, m * sizeof *w);
                for (size_t i = 0; i < m; i++)
                    w[cn_mt_uniform_int(rng, m)] += 1.0;
                double chance, pairs;
                tally(counts, idx, m, w, &boot[b], &chance, &pairs);
            }
            gsl_sort(boot, 1, bootstrap);
            out->ci_lo = gsl_stats_quantile_from_sorted_data(boot, 1, bootstrap, (1 - level) / 2);
            out->ci_hi = gsl_stats_quantile_from_sorted_data(boot, 1, bootstrap, (1 + level) / 2);
            out->bootstrap = bootstrap;
        }
        free(w);
        free(boot);
        if (rng)
            gsl_rng_free(rng);
    }
    free(idx);
    return rc;
}
