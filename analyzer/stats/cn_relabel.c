/* cn_relabel: the consensus redrawn under the classifier's confusion matrix. */
#include "cn_relabel.h"

#include "cn_grow.h"
#include "cn_mt.h"
#include "cn_sort.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Puts the k-th smallest of v[0..n) at v[k], the smaller ones before it and
 * the larger after (Hoare's selection): what sorting would put there. */
static void select_kth(double *v, size_t n, size_t kth)
{
    /* Wirth's algorithm (Algorithms + Data Structures = Programs, 1976) */
    long l = 0, r = (long)n - 1, k = (long)kth;
    while (l < r) {
        double x = v[k];
        long i = l, j = r;
        do {
            while (v[i] < x)
                i++;
            while (x < v[j])
                j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        } while (i <= j);
        if (j < k)
            l = i;
        if (k < i)
            r = j;
    }
}

/* The q-quantile of v (type 7, as R's default), as on sorted values but by
 * selection: linear in n. Reorders v. */
static double quantile(double *v, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t i = (size_t)floor(h);
    if (i + 1 >= n) {
        select_kth(v, n, n - 1);
        return v[n - 1];
    }
    select_kth(v, n, i);
    double next = v[i + 1];
    for (size_t k = i + 2; k < n; k++)
        next = v[k] < next ? v[k] : next;
    return v[i] + (h - (double)i) * (next - v[i]);
}

/*
 * The levels seen, cached: a level needs up to three binomial tails
 * (cn_consensus_level_of), and the draws of one question, and the count
 * vectors of the exact sums of many questions, keep landing on the same few
 * counts. Direct-mapped on the three stances' counts (the level depends on
 * nothing else but the options); only the speed depends on it.
 */
#define LEVEL_CACHE 8191

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

/* What one computation needs and the next can reuse (cn_relabel_work_new). */
struct cn_relabel_work {
    level_cache levels;
    cn_cdf_memo *cdf; /* the levels' binomial tails, shared by their counts */
    gsl_rng *rng;
    double *shares;
    size_t cap_shares;
};

cn_relabel_work *cn_relabel_work_new(void)
{
    cn_relabel_work *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->rng = gsl_rng_alloc(cn_mt_type);
    w->shares = NULL;
    w->cap_shares = 0;
    if (cn_cdf_memo_new(&w->cdf, NULL) != CN_OK)
        w->cdf = NULL;
    if (!w->rng || !w->cdf) {
        gsl_rng_free(w->rng);
        cn_cdf_memo_free(w->cdf);
        free(w);
        return NULL;
    }
    level_cache_init(&w->levels);
    return w;
}

void cn_relabel_work_free(cn_relabel_work *w)
{
    if (!w)
        return;
    gsl_rng_free(w->rng);
    cn_cdf_memo_free(w->cdf);
    free(w->shares);
    free(w);
}

void cn_relabel_work_forget(cn_relabel_work *w)
{
    level_cache_init(&w->levels);
}

static cn_consensus_level cached_level(level_cache *lc, cn_cdf_memo *cdf,
                                       const cn_consensus_opts *opts, const long c[CN_STANCE_COUNT],
                                       cn_stance *majority)
{
    /* the level depends on the counts of the three stances only */
    const long *k = c + CN_STANCE_REASSURING;
    size_t slot = (size_t)(((unsigned long)k[0] * 1000003ul + (unsigned long)k[1]) * 1000003ul +
                           (unsigned long)k[2]) %
                  LEVEL_CACHE;
    long *at = lc->counts[slot];
    if (at[0] != k[0] || at[1] != k[1] || at[2] != k[2]) {
        memcpy(at, k, 3 * sizeof *at);
        lc->level[slot] = cn_consensus_level_of_memo(opts, c, cdf, &lc->majority[slot]);
    }
    *majority = lc->majority[slot];
    return lc->level[slot];
}

/* What the redraws draw from. Independent (concentration 0): each answer's
 * true stance on its own, post[p][t] = P(true t | predicted p) from
 * confusion[t][p] + 1. Pooled (concentration s > 0): the question's true
 * stance shares are Dirichlet(alpha), alpha[t] = s x the matrix's share of
 * true stance t, and each answer's prediction comes from its true stance by
 * like[p][t] = P(predicted p | true t), from the same counts + 1: the answers
 * of one question inform each other, as one question's physicians do agree
 * more than the corpus's label shares say. */
typedef struct relabel_model {
    double post[CN_STANCE_COUNT][CN_STANCE_COUNT];
    double like[CN_STANCE_COUNT][CN_STANCE_COUNT];
    double alpha[CN_STANCE_COUNT];
    bool pooled;
    /* Overdispersed (error concentration c > 0, pooled only): the question
     * draws its own P(predicted | true t) from Dirichlet(beta[t]), beta[t][p] =
     * c x like[p][t], so the answers of one question are misread alike, as
     * the classifier's are on real pages (one question's wording, layout and
     * topic mislead it for all of them); c -> infinity is the pooled model. */
    double beta[CN_STANCE_COUNT][CN_STANCE_COUNT]; /* [t][p] */
    double error_concentration;
    bool overdispersed;
} relabel_model;

static int model_init(const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                      double concentration, double error_concentration, relabel_model *m,
                      cn_error *err)
{
    if (!(concentration >= 0) || isinf(concentration))
        return cn_error_set(err, CN_ERR_USAGE, "relabel: the concentration must be 0 or more");
    if (!(error_concentration >= 0) || isinf(error_concentration))
        return cn_error_set(err, CN_ERR_USAGE,
                            "relabel: the error concentration must be 0 or more");
    if (error_concentration > 0 && !(concentration > 0))
        return cn_error_set(err, CN_ERR_USAGE,
                            "relabel: relabel_error_concentration needs relabel_concentration "
                            "above 0");
    double row[CN_STANCE_COUNT] = {0}, total = 0;
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        double sum = 0;
        for (int t = 0; t < CN_STANCE_COUNT; t++) {
            if (!(confusion[t][p] >= 0))
                return cn_error_set(err, CN_ERR_USAGE, "relabel: negative confusion count");
            sum += m->post[p][t] = confusion[t][p] + 1.0;
            row[t] += confusion[t][p] + 1.0;
        }
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            m->post[p][t] /= sum;
        total += sum;
    }
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            m->like[p][t] = (confusion[t][p] + 1.0) / row[t];
        m->alpha[t] = concentration * row[t] / total;
    }
    m->pooled = concentration > 0;
    m->error_concentration = error_concentration;
    m->overdispersed = error_concentration > 0;
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            m->beta[t][p] = error_concentration * m->like[p][t];
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
        cn_mt_multinomial(rng, CN_STANCE_COUNT, group[p], post[p], got);
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            c[t] += got[t];
    }
}

/* Pooled redraws are a Gibbs sampler over the question's true shares theta
 * and its true counts c: theta ~ Dirichlet(alpha + c), then each predicted
 * group spread over the true stances by theta[t] x like[p][t] (GSL
 * normalizes). It starts from the predictions as they are and runs this many
 * steps before the first one counted. */
#define GIBBS_BURN_IN 200

static void gibbs_step(gsl_rng *rng, const long fixed[CN_STANCE_COUNT],
                       const unsigned group[CN_STANCE_COUNT], const relabel_model *m,
                       long c[CN_STANCE_COUNT])
{
    double a[CN_STANCE_COUNT], theta[CN_STANCE_COUNT], q[CN_STANCE_COUNT];
    unsigned got[CN_STANCE_COUNT];
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        a[t] = m->alpha[t] + (double)c[t];
    cn_mt_dirichlet(rng, CN_STANCE_COUNT, a, theta);
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        c[t] = fixed[t];
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        if (group[p] == 0)
            continue;
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            q[t] = theta[t] * m->like[p][t];
        cn_mt_multinomial(rng, CN_STANCE_COUNT, group[p], q, got);
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            c[t] += got[t];
    }
}

/* The overdispersed sampler's state: table[t][p] of the redrawn answers
 * (true t, predicted p) and the true counts c (editors' answers included). */
typedef struct relabel_state {
    unsigned table[CN_STANCE_COUNT][CN_STANCE_COUNT];
    long c[CN_STANCE_COUNT];
} relabel_state;

/* One step of the overdispersed Gibbs sampler: theta ~ Dirichlet(alpha + c),
 * each true stance's own error row L_t ~ Dirichlet(beta[t] + table[t]), then
 * each predicted group spread over the true stances by theta_t x L_t[p]. */
static void gibbs_step_overdispersed(gsl_rng *rng, const long fixed[CN_STANCE_COUNT],
                                     const unsigned group[CN_STANCE_COUNT], const relabel_model *m,
                                     relabel_state *st)
{
    double a[CN_STANCE_COUNT], theta[CN_STANCE_COUNT], rows[CN_STANCE_COUNT][CN_STANCE_COUNT];
    double q[CN_STANCE_COUNT];
    unsigned got[CN_STANCE_COUNT];
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        a[t] = m->alpha[t] + (double)st->c[t];
    cn_mt_dirichlet(rng, CN_STANCE_COUNT, a, theta);
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        double b[CN_STANCE_COUNT];
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            b[p] = m->beta[t][p] + (double)st->table[t][p];
        cn_mt_dirichlet(rng, CN_STANCE_COUNT, b, rows[t]);
    }
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        st->c[t] = fixed[t];
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        for (int t = 0; t < CN_STANCE_COUNT; t++)
            got[t] = 0;
        if (group[p] > 0) {
            for (int t = 0; t < CN_STANCE_COUNT; t++)
                q[t] = theta[t] * rows[t][p];
            cn_mt_multinomial(rng, CN_STANCE_COUNT, group[p], q, got);
        }
        for (int t = 0; t < CN_STANCE_COUNT; t++) {
            st->table[t][p] = got[t];
            st->c[t] += got[t];
        }
    }
}

/* A value and its probability (the exact share distribution). */
typedef struct weighted {
    double x, w;
} weighted;

static int cmp_weighted(const void *a, const void *b)
{
    double x = ((const weighted *)a)->x, y = ((const weighted *)b)->x;
    return (x > y) - (x < y);
}

/* The smallest x whose cumulative weight reaches q of the total: the
 * q-quantile of a discrete distribution, what the redraws' quantiles tend to. */
static double weighted_quantile(const weighted *v, size_t n, double total, double q)
{
    double cum = 0.0, bar = q * total * (1.0 - 1e-12);
    for (size_t i = 0; i < n; i++) {
        cum += v[i].w;
        if (cum >= bar)
            return v[i].x;
    }
    return v[n - 1].x;
}

/* Dense distributions over the counts (c1, c2, c3) of the true stances other
 * than none (none takes the rest) for up to CN_RELABEL_EXACT_MAX answers. */
#define EXACT_SIDE (CN_RELABEL_EXACT_MAX + 1)
#define EXACT_AT(c1, c2, c3) (((size_t)(c1)*EXACT_SIDE + (size_t)(c2)) * EXACT_SIDE + (size_t)(c3))
#define EXACT_CELLS (EXACT_SIDE * EXACT_SIDE * EXACT_SIDE)

/* The factors of one predicted group's split (a_0 .. a_3 of its g answers
 * to each true stance) for convolve. Multinomial: pw[t][a] = prob[t]^a.
 * Overdispersed: the Dirichlet-multinomial of the group's answers of true
 * stance t under beta[t][p], up to factors of the row sums (added with the
 * prior): the rising factorial beta (beta + 1) .. (beta + a - 1). */
static void split_factors_multinomial(const double prob[CN_STANCE_COUNT], unsigned g,
                                      double pw[CN_STANCE_COUNT][EXACT_SIDE])
{
    /* pow(prob[t], a) for every a: convolve takes each of them hundreds of
     * times (the same calls, the same bits) */
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        for (unsigned a = 0; a <= g; a++)
            pw[t][a] = pow(prob[t], a);
}

static void split_factors_overdispersed(const relabel_model *m, int p, unsigned g,
                                        double pw[CN_STANCE_COUNT][EXACT_SIDE])
{
    for (int t = 0; t < CN_STANCE_COUNT; t++) {
        pw[t][0] = 1.0;
        for (unsigned a = 1; a <= g; a++)
            pw[t][a] = pw[t][a - 1] * (m->beta[t][p] + (double)(a - 1));
    }
}

/* dist (over m answers so far) convolved with the splits of g answers, each
 * split (a_0 .. a_3) weighted g! / prod a_t! x prod_t pw[t][a_t], into next. */
static void convolve(const double *dist, unsigned m, unsigned g,
                     const double pw[CN_STANCE_COUNT][EXACT_SIDE], double *next)
{
    double fact[EXACT_SIDE];
    fact[0] = 1.0;
    for (unsigned k = 1; k <= g; k++)
        fact[k] = fact[k - 1] * (double)k; /* exact in doubles up to 16! */
    /* only the rows c1 <= m + g are written, and read later (the sums over
     * c1 + c2 + c3 <= m stay inside them): zeroing the others was most of
     * the work of a small question */
    size_t rows = m + g + 1 < EXACT_SIDE ? m + g + 1 : EXACT_SIDE;
    memset(next, 0, EXACT_AT(rows, 0, 0) * sizeof *next);
    for (unsigned a1 = 0; a1 <= g; a1++)
        for (unsigned a2 = 0; a1 + a2 <= g; a2++)
            for (unsigned a3 = 0; a1 + a2 + a3 <= g; a3++) {
                unsigned a0 = g - a1 - a2 - a3;
                double pr = fact[g] / (fact[a0] * fact[a1] * fact[a2] * fact[a3]) * pw[0][a0] *
                            pw[1][a1] * pw[2][a2] * pw[3][a3];
                for (unsigned c1 = 0; c1 <= m; c1++)
                    for (unsigned c2 = 0; c1 + c2 <= m; c2++)
                        for (unsigned c3 = 0; c1 + c2 + c3 <= m; c3++)
                            next[EXACT_AT(c1 + a1, c2 + a2, c3 + a3)] +=
                                pr * dist[EXACT_AT(c1, c2, c3)];
            }
}

/* Every count vector the relabeling can give, with its probability: for the
 * pooled model the convolution of the likelihoods weighted by the prior of
 * the whole count vector (editors' answers included), then normalized. */
static int exact_relabel(const cn_consensus_opts *opts, const long fixed[CN_STANCE_COUNT],
                         const unsigned group[CN_STANCE_COUNT], const relabel_model *model,
                         cn_stance majority, cn_consensus_level level, cn_relabel_work *work,
                         cn_relabel_result *out)
{
    /* dist over no answers yet is its cell 0: the only one convolve reads */
    double *dist = malloc(EXACT_CELLS * sizeof *dist), *next = malloc(EXACT_CELLS * sizeof *next);
    weighted *shares = malloc(EXACT_CELLS * sizeof *shares);
    if (!dist || !next || !shares) {
        free(dist);
        free(next);
        free(shares);
        return CN_ERR_NOMEM;
    }
    unsigned m = 0;
    dist[0] = 1.0;
    for (int p = 0; p < CN_STANCE_COUNT; p++) {
        if (group[p] == 0)
            continue;
        double pw[CN_STANCE_COUNT][EXACT_SIDE];
        if (model->overdispersed)
            split_factors_overdispersed(model, p, group[p], pw);
        else
            split_factors_multinomial(model->pooled ? model->like[p] : model->post[p], group[p],
                                      pw);
        convolve(dist, m, group[p], (const double(*)[EXACT_SIDE])pw, next);
        double *t = dist;
        dist = next;
        next = t;
        m += group[p];
    }
    /* the pooled weights in logs, scaled by the largest before leaving them:
     * the prior's Gamma functions outgrow doubles on large fixed counts */
    double top = -INFINITY;
    /* the log of the pooled model's prior weight of the true counts c, up to
     * a constant of the question: the Dirichlet-multinomial's
     * prod_t Gamma(alpha_t + c_t); its terms for each count c[t] can take
     * (fixed[t] + 0 .. m) computed once, summed in the order of t */
    double lg[CN_STANCE_COUNT][EXACT_SIDE];
    for (int t = 0; model->pooled && t < CN_STANCE_COUNT; t++)
        for (unsigned v = 0; v <= m; v++) {
            lg[t][v] = lgamma(model->alpha[t] + (double)(fixed[t] + (long)v));
            /* overdispersed: the Dirichlet-multinomials' row sums, 1 /
             * (c (c + 1) .. (c + v - 1)) for the v answers of true stance t */
            if (model->overdispersed)
                lg[t][v] -= lgamma(model->error_concentration + (double)v) -
                            lgamma(model->error_concentration);
        }
    for (unsigned c1 = 0; model->pooled && c1 <= m; c1++)
        for (unsigned c2 = 0; c1 + c2 <= m; c2++)
            for (unsigned c3 = 0; c1 + c2 + c3 <= m; c3++) {
                double pr = dist[EXACT_AT(c1, c2, c3)];
                double prior = 0;
                prior += lg[0][m - c1 - c2 - c3];
                prior += lg[1][c1];
                prior += lg[2][c2];
                prior += lg[3][c3];
                double lw = pr > 0 ? log(pr) + prior : -INFINITY;
                dist[EXACT_AT(c1, c2, c3)] = lw;
                top = lw > top ? lw : top;
            }
    double held = 0.0, total = 0.0, share_total = 0.0;
    size_t n_shares = 0;
    for (unsigned c1 = 0; c1 <= m; c1++)
        for (unsigned c2 = 0; c1 + c2 <= m; c2++)
            for (unsigned c3 = 0; c1 + c2 + c3 <= m; c3++) {
                double pr = dist[EXACT_AT(c1, c2, c3)];
                if (model->pooled)
                    pr = exp(pr - top);
                total += pr;
                long c[CN_STANCE_COUNT] = {fixed[0] + (long)(m - c1 - c2 - c3), fixed[1] + (long)c1,
                                           fixed[2] + (long)c2, fixed[3] + (long)c3};
                cn_stance mm;
                cn_consensus_level l = cached_level(&work->levels, work->cdf, opts, c, &mm);
                held += mm == majority && l >= level ? pr : 0.0;
                long stance_answers = c[1] + c[2] + c[3];
                if (majority != CN_STANCE_NONE && stance_answers > 0) {
                    shares[n_shares++] =
                        (weighted){(double)c[majority] / (double)stance_answers, pr};
                    share_total += pr;
                }
            }
    /* the independent model's probabilities sum to 1 already (kept as they
     * were summed, so its figures do not move by a rounding) */
    if (majority != CN_STANCE_NONE && level >= CN_CONSENSUS_WEAK)
        out->holds = fmin(model->pooled ? held / total : held, 1.0);
    if (n_shares > 0) {
        cn_sort_stable(shares, n_shares, sizeof *shares, cmp_weighted);
        out->share_lo = weighted_quantile(shares, n_shares, share_total, 0.025);
        out->share_hi = weighted_quantile(shares, n_shares, share_total, 0.975);
    }
    out->exact = true;
    free(dist);
    free(next);
    free(shares);
    return CN_OK;
}

/* One redraw's true counts into st->c: an independent draw, or the Gibbs
 * sampler's next state (st holds its last one). */
static void redraw(gsl_rng *rng, const long fixed[CN_STANCE_COUNT],
                   const unsigned group[CN_STANCE_COUNT], const relabel_model *model,
                   relabel_state *st)
{
    if (model->overdispersed)
        gibbs_step_overdispersed(rng, fixed, group, model, st);
    else if (model->pooled)
        gibbs_step(rng, fixed, group, model, st->c);
    else
        draw_counts(rng, fixed, group, model->post, st->c);
}

/* The sampler's start: the predictions as they are. */
static void state_init(relabel_state *st, const long counts[CN_STANCE_COUNT],
                       const unsigned group[CN_STANCE_COUNT])
{
    memcpy(st->c, counts, sizeof st->c);
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            st->table[t][p] = t == p ? group[p] : 0;
}

int cn_relabel_compute_counts(const cn_consensus_opts *opts, const long fixed[CN_STANCE_COUNT],
                              const unsigned group[CN_STANCE_COUNT],
                              const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                              size_t draws, unsigned long seed, cn_relabel_work *work,
                              cn_relabel_result *out, cn_error *err)
{
    if (!work) {
        cn_relabel_work *own = cn_relabel_work_new();
        if (!own) {
            *out = (cn_relabel_result){NAN, NAN, NAN, 0, false};
            return cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory");
        }
        int rc =
            cn_relabel_compute_counts(opts, fixed, group, confusion, draws, seed, own, out, err);
        cn_relabel_work_free(own);
        return rc;
    }
    *out = (cn_relabel_result){NAN, NAN, NAN, 0, false};
    if (draws == 0)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: no draws");
    relabel_model model;
    int rc = model_init(confusion, opts->relabel_concentration, opts->relabel_error_concentration,
                        &model, err);
    if (rc)
        return rc;
    long counts[CN_STANCE_COUNT];
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        counts[k] = fixed[k] + (long)group[k];
    cn_stance majority;
    cn_consensus_level level = cn_consensus_level_of_memo(opts, counts, work->cdf, &majority);
    if (group[0] + group[1] + group[2] + group[3] <= CN_RELABEL_EXACT_MAX) {
        rc = exact_relabel(opts, fixed, group, &model, majority, level, work, out);
        return rc ? cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory") : CN_OK;
    }
    if (!cn_grow((void **)&work->shares, &work->cap_shares, draws, sizeof *work->shares))
        return cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory");
    double *shares = work->shares;
    gsl_rng *rng = work->rng;
    level_cache *lc = &work->levels;
    gsl_rng_set(rng, seed);
    relabel_state st;
    state_init(&st, counts, group);
    long *c = st.c;
    for (int b = 0; model.pooled && b < GIBBS_BURN_IN; b++)
        redraw(rng, fixed, group, &model, &st);
    size_t held = 0, n_shares = 0;
    for (size_t d = 0; d < draws; d++) {
        redraw(rng, fixed, group, &model, &st);
        cn_stance m;
        cn_consensus_level l = cached_level(lc, work->cdf, opts, c, &m);
        held += m == majority && l >= level;
        long stance_answers =
            c[CN_STANCE_REASSURING] + c[CN_STANCE_CAUTIONARY] + c[CN_STANCE_CONTRAINDICATED];
        if (majority != CN_STANCE_NONE && stance_answers > 0)
            shares[n_shares++] = (double)c[majority] / (double)stance_answers;
    }
    out->draws = draws;
    if (majority != CN_STANCE_NONE && level >= CN_CONSENSUS_WEAK)
        out->holds = (double)held / (double)draws;
    if (n_shares > 0) {
        out->share_lo = quantile(shares, n_shares, 0.025);
        out->share_hi = quantile(shares, n_shares, 0.975);
    }
    return CN_OK;
}

int cn_relabel_count(const cn_stance *predicted, const bool *certain, size_t n,
                     long fixed[CN_STANCE_COUNT], unsigned group[CN_STANCE_COUNT], cn_error *err)
{
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        fixed[k] = 0;
        group[k] = 0;
    }
    if (n > UINT_MAX / 2)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: more than %u answers", UINT_MAX / 2);
    for (size_t i = 0; i < n; i++) {
        if (certain && certain[i])
            fixed[predicted[i]]++;
        else
            group[predicted[i]]++;
    }
    return CN_OK;
}

int cn_relabel_compute(const cn_consensus_opts *opts, const cn_stance *predicted,
                       const bool *certain, size_t n,
                       const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                       unsigned long seed, cn_relabel_result *out, cn_error *err)
{
    *out = (cn_relabel_result){NAN, NAN, NAN, 0, false};
    if (draws == 0)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: no draws");
    long fixed[CN_STANCE_COUNT];
    unsigned group[CN_STANCE_COUNT];
    int rc = cn_relabel_count(predicted, certain, n, fixed, group, err);
    return rc ? rc
              : cn_relabel_compute_counts(opts, fixed, group, confusion, draws, seed, NULL, out,
                                          err);
}
