/*
 * cn_interval: confidence intervals for one binomial proportion x/n.
 *
 * Two intervals, because editors read both kinds in the literature:
 * - Wilson's score interval (Wilson 1927), what R's prop.test(correct = FALSE)
 *   prints; good coverage at small n without being conservative.
 * - The exact Clopper-Pearson interval (Clopper & Pearson 1934), what R's
 *   binom.test prints; never below the nominal coverage, hence wider.
 *
 * Degenerate case: with n == 0 there is no information; the estimate is NaN and
 * both intervals are the whole range [0, 1] (callers print NaN as null).
 * x == 0 gives a lower bound of exactly 0 and x == n an upper bound of exactly 1.
 */
#ifndef CN_INTERVAL_H
#define CN_INTERVAL_H

#include "cn_error.h"

/* A closed interval [lo, hi] within [0, 1]. */
typedef struct cn_interval {
    double lo;
    double hi;
} cn_interval;

/* One proportion with both intervals at one confidence level. */
typedef struct cn_proportion {
    long count;      /* x */
    long n;          /* the denominator */
    double estimate; /* x / n, NaN when n == 0 */
    cn_interval wilson;
    cn_interval exact; /* Clopper-Pearson */
} cn_proportion;

/* The default confidence level of every interval in the analyzer. */
#define CN_INTERVAL_DEFAULT_LEVEL 0.95

/* Wilson score interval for x successes in n trials at confidence `level`
 * (0 < level < 1, e.g. 0.95). Returns CN_OK, or CN_ERR_USAGE when x < 0,
 * x > n or level is out of range. */
int cn_interval_wilson(long x, long n, double level, cn_interval *out, cn_error *err);

/* Exact Clopper-Pearson interval: the bounds are quantiles of Beta(x, n-x+1)
 * and Beta(x+1, n-x) at (1-level)/2 and (1+level)/2. Same errors as above. */
int cn_interval_exact(long x, long n, double level, cn_interval *out, cn_error *err);

/* Fill *out with x/n and both intervals. Same errors as above. */
int cn_proportion_compute(long x, long n, double level, cn_proportion *out, cn_error *err);

#endif
