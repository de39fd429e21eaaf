/* cn_interval: Wilson and Clopper-Pearson intervals for a binomial proportion (GSL). */
#include "cn_interval.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

static int check_args(long x, long n, double level, cn_error *err)
{
    if (n < 0 || x < 0 || x > n)
        return cn_error_set(err, CN_ERR_USAGE, "proportion %ld/%ld: need 0 <= x <= n", x, n);
    if (!(level > 0.0 && level < 1.0))
        return cn_error_set(err, CN_ERR_USAGE, "confidence level %g: need 0 < level < 1", level);
    return CN_OK;
}

static double clamp01(double v)
{
    return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

int cn_interval_wilson(long x, long n, double level, cn_interval *out, cn_error *err)
{
    int rc = check_args(x, n, level, err);
    if (rc)
        return rc;
    if (n == 0) {
        *out = (cn_interval){0.0, 1.0};
        return CN_OK;
    }
    double z = gsl_cdf_ugaussian_Qinv((1.0 - level) / 2.0);
    double nn = (double)n, p = (double)x / nn, z2 = z * z;
    double denom = 1.0 + z2 / nn;
    double center = (p + z2 / (2.0 * nn)) / denom;
    double half = z / denom * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn));
    /* At x == 0 or x == n the formula gives 0 or 1 up to rounding: make it exact. */
    out->lo = x == 0 ? 0.0 : clamp01(center - half);
    out->hi = x == n ? 1.0 : clamp01(center + half);
    return CN_OK;
}

int cn_interval_exact(long x, long n, double level, cn_interval *out, cn_error *err)
{
    int rc = check_args(x, n, level, err);
    if (rc)
        return rc;
    if (n == 0) {
        *out = (cn_interval){0.0, 1.0};
        return CN_OK;
    }
    double tail = (1.0 - level) / 2.0;
    double xs = (double)x, fs = (double)(n - x);
    out->lo = x == 0 ? 0.0 : clamp01(gsl_cdf_beta_Pinv(tail, xs, fs + 1.0));
    out->hi = x == n ? 1.0 : clamp01(gsl_cdf_beta_Qinv(tail, xs + 1.0, fs));
    return CN_OK;
}

int cn_proportion_compute(long x, long n, double level, cn_proportion *out, cn_error *err)
{
    int rc = cn_interval_wilson(x, n, level, &out->wilson, err);
    if (rc)
        return rc;
    rc = cn_interval_exact(x, n, level, &out->exact, err);
    if (rc)
        return rc;
    out->count = x;
    out->n = n;
    out->estimate = n > 0 ? (double)x / (double)n : NAN;
    return CN_OK;
}
