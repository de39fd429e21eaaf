/* cn_interval: Wilson and Clopper-Pearson intervals for a binomial proportion (GSL). */
#include "cn_interval.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdbool.h>

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

/*
 * P(Bin(n, p) >= x) for 1 <= x <= n by summing probabilities in logs,
 * starting next to x and walking away from the mode, where terms only shrink,
 * so about ten standard deviations of terms suffice. The fallback for
 * gsl_cdf_beta_P, which returns NaN near the centre when a and b are
 * ~1e7 or more (its continued fraction runs out of iterations).
 */
static double binomial_tail(double x, double n, double p)
{
    double lq = log1p(-p), lp = log(p), mean = n * p;
    bool upper = x > mean; /* sum k >= x upwards, else 1 - sum k < x downwards */
    double k = upper ? x : x - 1.0;
    double term = exp(gsl_sf_lngamma(n + 1.0) - gsl_sf_lngamma(k + 1.0) -
                      gsl_sf_lngamma(n - k + 1.0) + k * lp + (n - k) * lq);
    double sum = 0.0, ratio = p / (1.0 - p);
    for (;;) {
        sum += term;
        if (term <= 1e-17 * sum || (upper ? k >= n : k <= 0.0))
            break;
        term *= upper ? (n - k) / (k + 1.0) * ratio : k / (n - k + 1.0) / ratio;
        k += upper ? 1.0 : -1.0;
    }
    return upper ? sum : 1.0 - sum;
}

/* P(Beta(a, b) <= p) for whole a, b >= 1: P(Bin(a + b - 1, p) >= a). */
static double beta_cdf(double p, double a, double b)
{
    double v = gsl_cdf_beta_P(p, a, b);
    return isnan(v) ? binomial_tail(a, a + b - 1.0, p) : v;
}

/*
 * The p with P(Beta(a, b) <= p) = tail, by Newton steps kept inside a
 * shrinking bracket (a step that leaves it is replaced by bisection), so it
 * always converges. Not gsl_cdf_beta_Pinv: that fails to converge for many
 * ordinary inputs (e.g. a = 2, b = 259 at 0.975: "inverse failed to
 * converge") and then calls the GSL error handler, which aborts by default.
 * The density is taken in logs so large a and b do not overflow.
 */
static double beta_quantile(double tail, double a, double b)
{
    double lo = 0.0, hi = 1.0, p = a / (a + b);
    double log_norm = gsl_sf_lnbeta(a, b);
    for (int i = 0; i < 4096; i++) {
        double f = beta_cdf(p, a, b) - tail;
        if (f == 0.0)
            return p;
        if (f < 0.0)
            lo = p;
        else
            hi = p;
        double log_pdf = (a - 1.0) * log(p) + (b - 1.0) * log1p(-p) - log_norm;
        double next = p - f / exp(log_pdf);
        if (!(next > lo && next < hi)) /* NaN, infinite or outside: bisect */
            next = lo + (hi - lo) / 2.0;
        if (fabs(next - p) <= 1e-15 * p || next <= lo || next >= hi)
            return next;
        p = next;
    }
    return p;
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
    /* lo: P(X >= x | lo) = tail; hi: P(X <= x | hi) = tail (Clopper & Pearson 1934),
     * i.e. quantiles of Beta(x, n - x + 1) and Beta(x + 1, n - x). */
    out->lo = x == 0 ? 0.0 : clamp01(beta_quantile(tail, xs, fs + 1.0));
    out->hi = x == n ? 1.0 : clamp01(beta_quantile(1.0 - tail, xs + 1.0, fs));
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
