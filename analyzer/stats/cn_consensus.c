/* cn_consensus: per-question consensus figures from stance counts, in closed form (GSL). */
#include "cn_consensus.h"

#include <gsl/gsl_sf_gamma.h>
#include <limits.h>
#include <math.h>

/* The three stances on the ordinal scale, in order. */
#define FIRST_STANCE CN_STANCE_REASSURING
#define N_STANCES 3

void cn_consensus_opts_init(cn_consensus_opts *opts)
{
    opts->level = CN_INTERVAL_DEFAULT_LEVEL;
    opts->strong = CN_CONSENSUS_DEFAULT_STRONG;
    opts->moderate = CN_CONSENSUS_DEFAULT_MODERATE;
    opts->weak = CN_CONSENSUS_DEFAULT_WEAK;
    opts->min_answers = CN_CONSENSUS_DEFAULT_MIN_ANSWERS;
    opts->seed = CN_CONSENSUS_DEFAULT_SEED;
    opts->posterior = CN_CONSENSUS_DEFAULT_POSTERIOR;
    opts->confusion = NULL;
    opts->relabel_draws = CN_CONSENSUS_DEFAULT_RELABEL_DRAWS;
    opts->relabel_concentration = 0.0;
    opts->relabel_error_concentration = 0.0;
}

cn_consensus_opts cn_consensus_opts_pooled(const cn_consensus_opts *opts, size_t k)
{
    cn_consensus_opts o = *opts;
    if (k > 1 && o.relabel_error_concentration > 0)
        o.relabel_error_concentration = (double)k * (o.relabel_error_concentration + 1.0) - 1.0;
    return o;
}

const char *cn_consensus_level_name(cn_consensus_level level)
{
    switch (level) {
    case CN_CONSENSUS_INSUFFICIENT:
        return "insufficient";
    case CN_CONSENSUS_NONE:
        return "none";
    case CN_CONSENSUS_WEAK:
        return "weak";
    case CN_CONSENSUS_MODERATE:
        return "moderate";
    case CN_CONSENSUS_STRONG:
        return "strong";
    }
    return "none";
}

static long sum_counts(const long *counts, size_t k)
{
    long n = 0;
    for (size_t i = 0; i < k; i++)
        n += counts[i];
    return n;
}

double cn_tastle_wierman(const long *counts, size_t k)
{
    long n = sum_counts(counts, k);
    if (n <= 0 || k < 2)
        return NAN;
    double mean = 0.0;
    for (size_t i = 0; i < k; i++)
        mean += (double)(i + 1) * (double)counts[i] / (double)n;
    double width = (double)(k - 1), sum = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (counts[i] == 0)
            continue; /* p log(...) -> 0; also avoids log2(0) at the far end */
        double p = (double)counts[i] / (double)n;
        sum += p * log2(1.0 - fabs((double)(i + 1) - mean) / width);
    }
    return 1.0 + sum;
}

double cn_normalized_entropy(const long *counts, size_t k)
{
    long n = sum_counts(counts, k);
    if (n <= 0 || k < 2)
        return NAN;
    double h = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (counts[i] == 0)
            continue;
        double p = (double)counts[i] / (double)n;
        h -= p * log(p);
    }
    /* A single category gives -1 * log 1 = -0.0; report a clean 0. */
    return h <= 0.0 ? 0.0 : h / log((double)k);
}

static int check_opts(const cn_consensus_opts *o, cn_error *err)
{
    if (!(o->level > 0.0 && o->level < 1.0))
        return cn_error_set(err, CN_ERR_USAGE, "consensus: confidence level %g not in (0,1)",
                            o->level);
    if (!(o->weak > 0.0 && o->weak <= o->moderate && o->moderate <= o->strong && o->strong <= 1.0))
        return cn_error_set(err, CN_ERR_USAGE,
                            "consensus: need 0 < weak <= moderate <= strong <= 1 "
                            "(got %g, %g, %g)",
                            o->weak, o->moderate, o->strong);
    if (!(o->posterior >= 0.0 && o->posterior < 1.0))
        return cn_error_set(err, CN_ERR_USAGE, "consensus: posterior %g not in [0,1)",
                            o->posterior);
    if (o->min_answers < 1)
        return cn_error_set(err, CN_ERR_USAGE, "consensus: min_answers %ld < 1", o->min_answers);
    return CN_OK;
}

/* The largest stance count, whether it is shared, and which stance holds it. */
static void find_majority(const long counts[CN_STANCE_COUNT], cn_consensus_result *out)
{
    long best = -1;
    int holders = 0;
    cn_stance who = CN_STANCE_NONE;
    for (int k = FIRST_STANCE; k < CN_STANCE_COUNT; k++) {
        if (counts[k] > best) {
            best = counts[k];
            holders = 1;
            who = (cn_stance)k;
        } else if (counts[k] == best) {
            holders++;
        }
    }
    if (out->stance_answers == 0) {
        out->majority = CN_STANCE_NONE;
        out->tie = false;
        out->share = NAN;
        return;
    }
    out->tie = holders > 1;
    out->majority = out->tie ? CN_STANCE_NONE : who;
    out->share = (double)best / (double)out->stance_answers;
}

/* cn_share_posterior_at_least through a memo (NULL: computed). */
static double share_at_least(cn_cdf_memo *memo, long k, long n, double x)
{
    if (k < 0 || n < k || !(x >= 0 && x <= 1))
        return NAN;
    if (x <= 0)
        return 1.0;
    /* Beta(1 + k, 1 + n - k) upper tail = Binomial(n + 1, x) lower tail at k. */
    return cn_cdf_memo_binomial_P(memo, (unsigned)k, x, (unsigned)(n + 1));
}

double cn_share_posterior_at_least(long k, long n, double x)
{
    return share_at_least(NULL, k, n, x);
}

/* The level: the highest whose threshold the share reaches and, with
 * `posterior` > 0, whose threshold the true share reaches with at least that
 * probability. by_share: ignore the posterior. */
static cn_consensus_level decide_level(const cn_consensus_opts *o, const cn_consensus_result *r,
                                       bool by_share)
{
    if (r->stance_answers < o->min_answers)
        return CN_CONSENSUS_INSUFFICIENT;
    if (r->tie)
        return CN_CONSENSUS_NONE;
    const double threshold[] = {0, 0, o->weak, o->moderate, o->strong};
    for (int l = CN_CONSENSUS_STRONG; l >= CN_CONSENSUS_WEAK; l--)
        if (r->share >= threshold[l] && (by_share || r->p_reach[l] >= o->posterior))
            return (cn_consensus_level)l;
    return CN_CONSENSUS_NONE;
}

/*
 * P(G1 > G2 and G1 > G3) for independent G_j ~ Gamma(a_j, 1) with integer
 * shapes a_j >= 1, exactly (to rounding): the probability that a component of
 * Dirichlet(a1, a2, a3) is the largest, since dividing by the sum does not
 * change which is largest. A Gamma(a, 1) with integer a is the time of the
 * a-th event of a rate-1 Poisson process; merge the three processes and each
 * event belongs to process j with probability 1/3, independently. At process
 * 1's a1-th event, process 2 has had I events, I ~ NegBin(a1, 1/2) (only
 * processes 1 and 2 count), and given I = i process 3 has had J ~ NegBin(a1 +
 * i, 2/3) events; G1 is the largest iff I >= a2 and J >= a3. So
 *   P = sum_{i >= a2} C(a1 + i - 1, i) 2^-(a1 + i) P(J >= a3 | i),
 *   P(J >= a3 | i) = I_{1/3}(a3, a1 + i) (the regularized incomplete beta),
 * a sum of positive terms: no cancellation however small P is. The terms are
 * taken in log space (the first ones can underflow on the way to the mode)
 * and the sum stops once the geometric bound on the rest, t r / (1 - r) with
 * r the (decreasing) ratio of successive terms, is below 1e-17 of the sum.
 */
static double p_largest(cn_cdf_memo *memo, long a1, long b, long c)
{
    /* P is symmetric in the other two shapes: one order for both, so that
     * tied stances get the same bits, the larger first (fewer terms) */
    long a2 = b > c ? b : c, a3 = b > c ? c : b;
    double sum = 0.0;
    double lt =
        gsl_sf_lnchoose((unsigned)(a1 + a2 - 1), (unsigned)a2) - (double)(a1 + a2) * log(2.0);
    for (long i = a2;; i++) {
        double t = exp(lt);
        sum += t * cn_cdf_memo_beta_P(memo, 1.0 / 3.0, (double)a3, (double)(a1 + i));
        double ratio = (double)(a1 + i) / (2.0 * (double)(i + 1));
        if (ratio < 1.0 && t * ratio / (1.0 - ratio) <= 1e-17 * sum)
            break;
        lt += log(ratio);
    }
    return sum > 1.0 ? 1.0 : sum;
}

/* posterior[k] = P(stance k has the largest share) under Dirichlet(1 +
 * counts) over the three stances. */
static void posterior_exact(cn_cdf_memo *memo, const long counts[CN_STANCE_COUNT],
                            cn_consensus_result *out)
{
    long a[N_STANCES];
    for (int k = 0; k < N_STANCES; k++)
        a[k] = 1 + counts[FIRST_STANCE + k];
    for (int k = 0; k < N_STANCES; k++)
        out->posterior[FIRST_STANCE + k] =
            p_largest(memo, a[k], a[(k + 1) % N_STANCES], a[(k + 2) % N_STANCES]);
}

cn_consensus_level cn_consensus_level_of(const cn_consensus_opts *o,
                                         const long counts[CN_STANCE_COUNT], cn_stance *majority)
{
    return cn_consensus_level_of_memo(o, counts, NULL, majority);
}

cn_consensus_level cn_consensus_level_of_memo(const cn_consensus_opts *o,
                                              const long counts[CN_STANCE_COUNT], cn_cdf_memo *memo,
                                              cn_stance *majority)
{
    cn_consensus_result r = {0};
    r.stance_answers = sum_counts(counts, CN_STANCE_COUNT) - counts[CN_STANCE_NONE];
    find_majority(counts, &r);
    *majority = r.majority;
    if (r.majority != CN_STANCE_NONE) {
        long k = counts[r.majority], n = r.stance_answers;
        r.p_reach[CN_CONSENSUS_WEAK] = share_at_least(memo, k, n, o->weak);
        r.p_reach[CN_CONSENSUS_MODERATE] = share_at_least(memo, k, n, o->moderate);
        r.p_reach[CN_CONSENSUS_STRONG] = share_at_least(memo, k, n, o->strong);
    }
    return decide_level(o, &r, false);
}

int cn_consensus_compute(const cn_consensus_opts *opts, const long counts[CN_STANCE_COUNT],
                         cn_consensus_result *out, cn_error *err)
{
    return cn_consensus_compute_with(opts, counts, NULL, out, err);
}

int cn_consensus_compute_with(const cn_consensus_opts *opts, const long counts[CN_STANCE_COUNT],
                              cn_cdf_memo *memo, cn_consensus_result *out, cn_error *err)
{
    cn_consensus_opts defaults;
    if (!opts) {
        cn_consensus_opts_init(&defaults);
        opts = &defaults;
    }
    int rc = check_opts(opts, err);
    if (rc)
        return rc;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        if (counts[k] < 0)
            return cn_error_set(err, CN_ERR_USAGE, "consensus: negative count %ld for %s",
                                counts[k], cn_stance_name((cn_stance)k));
    /* GSL's binomial and log-choose take unsigned ints (n + 2 at most) */
    if (sum_counts(counts, CN_STANCE_COUNT) > (long)(UINT_MAX / 4))
        return cn_error_set(err, CN_ERR_USAGE, "consensus: more than %u answers", UINT_MAX / 4);

    *out = (cn_consensus_result){0};
    out->answers = sum_counts(counts, CN_STANCE_COUNT);
    out->stance_answers = out->answers - counts[CN_STANCE_NONE];
    rc = cn_cdf_memo_proportion(memo, counts[CN_STANCE_NONE], out->answers, opts->level,
                                &out->props[CN_STANCE_NONE], err);
    for (int k = FIRST_STANCE; k < CN_STANCE_COUNT && rc == CN_OK; k++)
        rc = cn_cdf_memo_proportion(memo, counts[k], out->stance_answers, opts->level,
                                    &out->props[k], err);
    if (rc)
        return rc;

    find_majority(counts, out);
    out->p_over_half = NAN;
    out->contested = NAN;
    if (out->stance_answers > 0) {
        /* Under Dirichlet(1 + counts), stance k's share is Beta(1 + c, 2 + n - c);
         * at most one share can reach 1/2, so the events are disjoint and
         * P(none does) = 1 - sum of P(Beta(1 + c, 2 + n - c) >= 1/2), each
         * P(Binomial(n + 2, 1/2) <= c). */
        double some = 0.0;
        for (int k = FIRST_STANCE; k < CN_STANCE_COUNT; k++)
            some += share_at_least(memo, counts[k], out->stance_answers + 1, 0.5);
        out->contested = some >= 1.0 ? 0.0 : 1.0 - some;
    }
    for (int l = 0; l <= CN_CONSENSUS_STRONG; l++)
        out->p_reach[l] = NAN;
    out->interval = (cn_interval){NAN, NAN};
    out->interval_method = out->stance_answers < CN_CONSENSUS_EXACT_BELOW ? "exact" : "wilson";
    if (out->majority != CN_STANCE_NONE) {
        long k = counts[out->majority], n = out->stance_answers;
        const cn_proportion *p = &out->props[out->majority];
        out->interval = n < CN_CONSENSUS_EXACT_BELOW ? p->exact : p->wilson;
        out->p_over_half = 1.0 - share_at_least(memo, n - k, n, 0.5);
        out->p_reach[CN_CONSENSUS_WEAK] = share_at_least(memo, k, n, opts->weak);
        out->p_reach[CN_CONSENSUS_MODERATE] = share_at_least(memo, k, n, opts->moderate);
        out->p_reach[CN_CONSENSUS_STRONG] = share_at_least(memo, k, n, opts->strong);
    }
    out->level = decide_level(opts, out, false);
    out->share_level = decide_level(opts, out, true);
    out->relabel_holds = out->relabel_share_lo = out->relabel_share_hi = NAN;
    out->ordinal = cn_tastle_wierman(counts + FIRST_STANCE, N_STANCES);
    out->entropy = cn_normalized_entropy(counts + FIRST_STANCE, N_STANCES);

    for (int k = 0; k < CN_STANCE_COUNT; k++)
        out->posterior[k] = NAN;
    out->posterior_majority = NAN;
    if (out->stance_answers > 0) {
        posterior_exact(memo, counts, out);
        if (!out->tie)
            out->posterior_majority = out->posterior[out->majority];
    }
    return CN_OK;
}
