/*
 * cn_cdf_memo: GSL's beta and binomial distribution functions remembered by
 * their arguments.
 *
 * The consensus figures evaluate a few thousand distinct incomplete beta
 * functions hundreds of thousands of times: the posterior of the largest
 * share (cn_consensus) sums I_{1/3}(a3, a1 + i) over i, and questions with
 * other counts walk the same (a3, b) pairs again; the levels of cn_relabel's
 * redraws take the binomial tails of the same (k, n) over and over; and
 * the same few (count, n) pairs come back in question after question, each
 * with an exact interval of two beta quantiles found by Newton steps. A
 * remembered value is the very result computed for those arguments, so
 * every figure stays the same bit for bit. Direct-mapped over a fixed
 * number of slots: its memory does not grow with the corpus; a collision
 * only costs a recomputation. One memo per thread.
 */
#ifndef CN_CDF_MEMO_H
#define CN_CDF_MEMO_H

#include "cn_error.h"
#include "cn_interval.h"

typedef struct cn_cdf_memo cn_cdf_memo;

/* An empty memo. CN_ERR_NOMEM. */
int cn_cdf_memo_new(cn_cdf_memo **out, cn_error *err);
void cn_cdf_memo_free(cn_cdf_memo *memo);

/* gsl_cdf_beta_P(x, a, b), through the memo (NULL: computed). */
double cn_cdf_memo_beta_P(cn_cdf_memo *memo, double x, double a, double b);

/* gsl_cdf_binomial_P(k, p, n), through the memo (NULL: computed). */
double cn_cdf_memo_binomial_P(cn_cdf_memo *memo, unsigned k, double p, unsigned n);

/* cn_proportion_compute(x, n, level, out, err), through the memo (NULL:
 * computed); failures are not remembered. */
int cn_cdf_memo_proportion(cn_cdf_memo *memo, long x, long n, double level, cn_proportion *out,
                           cn_error *err);

#endif
