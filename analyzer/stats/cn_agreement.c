/* cn_agreement: Krippendorff's alpha with a unit bootstrap, and Fleiss' kappa (GSL). */
#include "cn_agreement.h"

#include "cn_mt.h"
#include "cn_sort.h"

#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const METRIC_NAMES[] = {"nominal", "ordinal", "interval"};

const char *cn_alpha_metric_name(cn_alpha_metric metric)
{
    if ((int)metric < 0 || (int)metric > CN_ALPHA_INTERVAL)
        return "nominal";
    return METRIC_NAMES[metric];
}

int cn_alpha_metric_parse(const char *name, cn_alpha_metric *out)
{
    for (int i = 0; name && i <= CN_ALPHA_INTERVAL; i++) {
        if (!strcmp(name, METRIC_NAMES[i])) {
            *out = (cn_alpha_metric)i;
            return 0;
        }
    }
    return -1;
}

void cn_agreement_opts_init(cn_agreement_opts *opts)
{
    opts->metric = CN_ALPHA_NOMINAL;
    opts->bootstrap = CN_AGREEMENT_DEFAULT_BOOTSTRAP;
    opts->min_units = 0;
    opts->seed = CN_AGREEMENT_DEFAULT_SEED;
    opts->level = 0.95;
}

/*
 * The pairable data in compact form: each pairable unit as a short list of
 * (category, count) pairs, so that a bootstrap resample is just a vector of
 * unit multiplicities and never copies the values.
 */
typedef struct pairable {
    size_t k;      /* distinct values (categories) */
    double *value; /* [k] the values, ascending */
    size_t nunits; /* pairable units */
    size_t *start; /* [nunits + 1] offsets into cat / cnt */
    size_t *cat;   /* category index of each (unit, category) entry */
    double *cnt;   /* how many of the unit's values fall in that category */
    double *m;     /* [nunits] values in the unit */
    /* scratch for alpha_weighted */
    double *marg; /* [k] n_c */
    double *pos;  /* [k] where each category sits on the difference scale */
    /* for the bootstrap, when k <= DENSE_K: each unit's counts of every
     * category, DENSE_K a unit (zeros past k), else NULL */
    double *dense;
} pairable;

/* Categories up to which a resample's margins are summed from dense rows
 * (the three stances; 4: a unit's row costs 32 bytes at 1 GB's ~10^5 units). */
#define DENSE_K 4
/* Resample weights 0 .. TERMS_W - 1 whose units' terms of the observed
 * disagreement are looked up (nominal metric), larger ones computed. */
#define TERMS_W 4

static void pairable_free(pairable *p)
{
    free(p->value);
    free(p->start);
    free(p->cat);
    free(p->cnt);
    free(p->m);
    free(p->marg);
    free(p->pos);
    free(p->dense);
}

static size_t count_present(const double *values, size_t coders, size_t units, size_t u)
{
    size_t m = 0;
    for (size_t c = 0; c < coders; c++)
        if (!isnan(values[c * units + u]))
            m++;
    return m;
}

static size_t find_category(const double *sorted, size_t k, double v)
{
    size_t lo = 0, hi = k;
    while (lo + 1 < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Distinct values of the pairable units, ascending, into p->value / p->k. */
static int collect_categories(pairable *p, const double *values, size_t coders, size_t units,
                              const size_t *present)
{
    size_t total = 0;
    for (size_t u = 0; u < units; u++)
        if (present[u] >= 2)
            total += present[u];
    p->value = malloc((total ? total : 1) * sizeof *p->value);
    if (!p->value)
        return CN_ERR_NOMEM;
    size_t n = 0;
    for (size_t u = 0; u < units; u++)
        for (size_t c = 0; present[u] >= 2 && c < coders; c++)
            if (!isnan(values[c * units + u]))
                p->value[n++] = values[c * units + u];
    gsl_sort(p->value, 1, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || p->value[i] != p->value[k - 1])
            p->value[k++] = p->value[i];
    p->k = k;
    return CN_OK;
}

/* The arrays of p for its nunits units, k categories and entries
 * (unit, category) cells; -1 when memory runs out (pairable_free cleans up). */
static int pairable_alloc(pairable *p, size_t entries)
{
    size_t k = p->k ? p->k : 1;
    p->start = calloc(p->nunits + 1, sizeof *p->start);
    p->cat = malloc((entries ? entries : 1) * sizeof *p->cat);
    p->cnt = malloc((entries ? entries : 1) * sizeof *p->cnt);
    p->m = malloc((p->nunits ? p->nunits : 1) * sizeof *p->m);
    p->marg = malloc(k * sizeof *p->marg);
    p->pos = malloc(k * sizeof *p->pos);
    p->dense = NULL;
    return p->start && p->cat && p->cnt && p->m && p->marg && p->pos ? 0 : -1;
}

static int pairable_build(pairable *p, const double *values, size_t coders, size_t units,
                          const size_t *present)
{
    memset(p, 0, sizeof *p);
    if (collect_categories(p, values, coders, units, present))
        return CN_ERR_NOMEM;
    size_t entries = 0;
    for (size_t u = 0; u < units; u++)
        if (present[u] >= 2) {
            p->nunits++;
            entries += present[u];
        }
    if (pairable_alloc(p, entries))
        return CN_ERR_NOMEM;
    size_t e = 0, pu = 0;
    for (size_t u = 0; u < units; u++) {
        if (present[u] < 2)
            continue;
        size_t first = e;
        for (size_t c = 0; c < coders; c++) {
            double v = values[c * units + u];
            if (isnan(v))
                continue;
            size_t cat = find_category(p->value, p->k, v), j = first;
            while (j < e && p->cat[j] != cat)
                j++;
            if (j == e) {
                p->cat[e] = cat;
                p->cnt[e++] = 0.0;
            }
            p->cnt[j] += 1.0;
        }
        p->m[pu++] = (double)present[u];
        p->start[pu] = e;
    }
    return CN_OK;
}

/*
 * The same from per-unit category counts (cn_agreement_compute_counts): a
 * unit's entries in category order, and only the categories that some
 * pairable unit uses, as the matrix form keeps only values it sees.
 */
static int pairable_from_counts(pairable *p, const long *counts, size_t units, size_t categories,
                                const double *category_values)
{
    memset(p, 0, sizeof *p);
    size_t *index = malloc((categories ? categories : 1) * sizeof *index);
    bool *used = calloc(categories ? categories : 1, sizeof *used);
    p->value = malloc((categories ? categories : 1) * sizeof *p->value);
    if (!index || !used || !p->value) {
        free(index);
        free(used);
        return CN_ERR_NOMEM;
    }
    size_t entries = 0;
    for (size_t u = 0; u < units; u++) {
        long m = 0;
        size_t nonzero = 0;
        for (size_t j = 0; j < categories; j++) {
            m += counts[u * categories + j];
            nonzero += counts[u * categories + j] > 0;
        }
        if (m < 2)
            continue;
        p->nunits++;
        entries += nonzero;
        for (size_t j = 0; j < categories; j++)
            used[j] = used[j] || counts[u * categories + j] > 0;
    }
    for (size_t j = 0; j < categories; j++)
        if (used[j]) {
            index[j] = p->k;
            p->value[p->k++] = category_values[j];
        }
    free(used);
    if (pairable_alloc(p, entries)) {
        free(index);
        return CN_ERR_NOMEM;
    }
    size_t e = 0, pu = 0;
    for (size_t u = 0; u < units; u++) {
        long m = 0;
        for (size_t j = 0; j < categories; j++)
            m += counts[u * categories + j];
        if (m < 2)
            continue;
        for (size_t j = 0; j < categories; j++)
            if (counts[u * categories + j] > 0) {
                p->cat[e] = index[j];
                p->cnt[e++] = (double)counts[u * categories + j];
            }
        p->m[pu++] = (double)m;
        p->start[pu] = e;
    }
    free(index);
    return CN_OK;
}

/*
 * Squared difference of categories a and b (Krippendorff 2011). Nominal: 1
 * when they differ. Interval: (v_a - v_b)^2, so pos = the values. Ordinal:
 * (sum_{g=a..b} n_g - (n_a + n_b) / 2)^2, which equals (C_b - C_a)^2 with
 * C_c = n_0 + ... + n_{c-1} + n_c / 2 (the category's mid-rank), so the
 * ordinal metric is the interval one on mid-ranks: pos = C, recomputed from
 * the marginal counts of every resample.
 */
static double delta(const pairable *p, cn_alpha_metric metric, size_t a, size_t b)
{
    if (metric == CN_ALPHA_NOMINAL)
        return a == b ? 0.0 : 1.0;
    return (p->pos[a] - p->pos[b]) * (p->pos[a] - p->pos[b]);
}

/* sum_a sum_b n_a n_b delta_ab in closed form, so that many distinct values
 * cost no k x k work: n^2 - sum n_a^2 (nominal), 2 (n sum n_a x_a^2 -
 * (sum n_a x_a)^2) with x = pos (interval, ordinal). */
static double expected_sum(const pairable *p, cn_alpha_metric metric, double n)
{
    double s = 0.0, s1 = 0.0, s2 = 0.0, mean = 0.0;
    size_t used = 0;
    for (size_t a = 0; a < p->k; a++)
        used += p->marg[a] > 0.0;
    if (used < 2) /* no variation; exactly 0, whatever the rounding below would say */
        return 0.0;
    if (metric == CN_ALPHA_NOMINAL) {
        for (size_t a = 0; a < p->k; a++)
            s += p->marg[a] * p->marg[a];
        return n * n - s;
    }
    /* centre first: the sum does not change, the rounding does */
    for (size_t a = 0; a < p->k; a++)
        mean += p->marg[a] * p->pos[a] / n;
    for (size_t a = 0; a < p->k; a++) {
        double x = p->pos[a] - mean;
        s1 += p->marg[a] * x;
        s2 += p->marg[a] * x * x;
    }
    return 2.0 * (n * s2 - s1 * s1);
}

typedef struct alpha_parts {
    double n, alpha, observed, expected;
} alpha_parts;

/* Unit u's sum over its pairs of values of their squared difference (at
 * p->pos as it stands for the interval and ordinal metrics). */
static double unit_sum(const pairable *p, cn_alpha_metric metric, size_t u)
{
    double s = 0.0;
    for (size_t i = p->start[u]; i < p->start[u + 1]; i++)
        for (size_t j = i + 1; j < p->start[u + 1]; j++)
            s += 2.0 * p->cnt[i] * p->cnt[j] * delta(p, metric, p->cat[i], p->cat[j]);
    return s;
}

/* Alpha of the pairable units taken weight[u] times each (all 1 for the data
 * itself, bootstrap multiplicities for a resample), from the coincidence
 * matrix o_ck = sum_u n_uc (n_uk - [c = k]) / (m_u - 1):
 * alpha = 1 - (n - 1) sum o_ck delta_ck / sum n_c n_k delta_ck.
 * unit_sums: each unit's unit_sum when the caller has them (nominal: they do
 * not depend on the weights), else NULL; unit_terms (with unit_sums, may be
 * NULL): unit u's term of the observed sum for weight w < TERMS_W at
 * [u * TERMS_W + w], computed as below. A resample's weights are drawn at
 * random: the loops take no branch on them (a branch mispredicted at every
 * other unit was most of their time), adding the exact zeros of the units
 * not drawn, which changes no bit of the sums. */
static alpha_parts alpha_weighted(pairable *p, cn_alpha_metric metric, const double *weight,
                                  const double *unit_sums, const double *unit_terms)
{
    size_t k = p->k;
    memset(p->marg, 0, (k ? k : 1) * sizeof *p->marg);
    /* the weights and counts are whole numbers, so are these sums, exactly,
     * in any order: leaving out the units a resample did not draw, or
     * summing dense rows into registers, changes no bit */
    if (p->dense) {
        double acc[DENSE_K] = {0};
        for (size_t u = 0; u < p->nunits; u++) {
            double w = weight[u];
            const double *row = p->dense + u * DENSE_K;
            for (size_t c = 0; c < DENSE_K; c++)
                acc[c] += w * row[c];
        }
        memcpy(p->marg, acc, k * sizeof *p->marg);
    } else {
        for (size_t u = 0; u < p->nunits; u++) {
            double w = weight[u];
            if (w == 0.0)
                continue;
            for (size_t e = p->start[u]; e < p->start[u + 1]; e++)
                p->marg[p->cat[e]] += w * p->cnt[e];
        }
    }
    /* Alpha does not change when all values are scaled; scaling them into
     * [-1, 1] keeps squared differences of values like 1e200 finite. */
    double scale = k ? fmax(fabs(p->value[0]), fabs(p->value[k - 1])) : 1.0;
    if (!(scale > 0.0) || !isfinite(scale))
        scale = 1.0;
    double n = 0.0;
    for (size_t c = 0; c < k; c++) {
        p->pos[c] = metric == CN_ALPHA_ORDINAL ? n + p->marg[c] / 2.0 : p->value[c] / scale;
        n += p->marg[c];
    }

    double obs = 0.0; /* sum_c sum_k o_ck delta_ck */
    for (size_t u = 0; unit_terms && u < p->nunits; u++) {
        double w = weight[u];
        obs +=
            w < TERMS_W ? unit_terms[u * TERMS_W + (size_t)w] : w * unit_sums[u] / (p->m[u] - 1.0);
    }
    for (size_t u = 0; !unit_terms && u < p->nunits; u++) {
        if (weight[u] == 0.0)
            continue;
        double s = unit_sums ? unit_sums[u] : unit_sum(p, metric, u);
        obs += weight[u] * s / (p->m[u] - 1.0);
    }
    double exp = n >= 2.0 ? expected_sum(p, metric, n) : 0.0;

    alpha_parts r = {n, NAN, NAN, NAN};
    if (n >= 2.0) {
        r.observed = obs / n;
        r.expected = exp / (n * (n - 1.0));
    }
    if (n >= 2.0 && exp > 0.0)
        r.alpha = 1.0 - (n - 1.0) * obs / exp;
    return r;
}

/* Alpha of the data as they are: every pairable unit once. */
static int alpha_of_data(pairable *p, cn_alpha_metric metric, alpha_parts *out)
{
    size_t n = p->nunits ? p->nunits : 1;
    double *ones = malloc(n * sizeof *ones);
    if (!ones)
        return CN_ERR_NOMEM;
    for (size_t u = 0; u < n; u++)
        ones[u] = 1.0;
    *out = alpha_weighted(p, metric, ones, NULL, NULL);
    free(ones);
    return CN_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Percentile interval over resamples of the pairable units. */
static int bootstrap(const cn_agreement_opts *o, pairable *p, cn_agreement_result *out,
                     cn_error *err)
{
    out->bootstrap = o->bootstrap;
    double *w = malloc(p->nunits * sizeof *w);
    double *alphas = malloc(o->bootstrap * sizeof *alphas);
    /* nominal differences do not depend on the resample: each unit's sum
     * once, not once a resample (the same bits: the same sum) */
    bool fixed_sums = o->metric == CN_ALPHA_NOMINAL;
    double *sums = fixed_sums ? malloc((1 + TERMS_W) * p->nunits * sizeof *sums) : NULL;
    double *terms = sums ? sums + p->nunits : NULL;
    p->dense = p->k <= DENSE_K ? calloc(p->nunits * DENSE_K, sizeof *p->dense) : NULL;
    gsl_rng *rng = gsl_rng_alloc(cn_mt_type);
    if (!w || !alphas || !rng || (fixed_sums && !sums) || (p->k <= DENSE_K && !p->dense)) {
        free(w);
        free(alphas);
        free(sums);
        free(p->dense);
        p->dense = NULL;
        if (rng)
            gsl_rng_free(rng);
        return cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory for the bootstrap");
    }
    for (size_t u = 0; fixed_sums && u < p->nunits; u++) {
        sums[u] = unit_sum(p, o->metric, u);
        for (size_t k = 0; k < TERMS_W; k++) /* alpha_weighted's expression */
            terms[u * TERMS_W + k] = (double)k * sums[u] / (p->m[u] - 1.0);
    }
    for (size_t u = 0; p->dense && u < p->nunits; u++)
        for (size_t e = p->start[u]; e < p->start[u + 1]; e++)
            p->dense[u * DENSE_K + p->cat[e]] += p->cnt[e];
    gsl_rng_set(rng, o->seed);
    size_t nd = 0, below667 = 0, below800 = 0;
    for (size_t b = 0; b < o->bootstrap; b++) {
        memset(w, 0, p->nunits * sizeof *w);
        for (size_t i = 0; i < p->nunits; i++)
            w[cn_mt_uniform_int(rng, p->nunits)] += 1.0;
        double a = alpha_weighted(p, o->metric, w, sums, terms).alpha;
        if (isnan(a))
            continue;
        alphas[nd++] = a;
        below667 += a < 0.667;
        below800 += a < 0.800;
    }
    gsl_rng_free(rng);
    free(p->dense);
    p->dense = NULL;
    out->bootstrap_defined = nd;
    /* Leaving out resamples whose alpha is undefined biases the interval;
     * with more than 1 in 20 of them there is none. */
    if (nd > 0 && (o->bootstrap - nd) * 20 > o->bootstrap) {
        out->ci_note = "more than 5% of the resamples have no defined alpha";
        nd = 0;
    }
    if (nd > 0) {
        cn_sort_stable(alphas, nd, sizeof *alphas, cmp_double);
        out->ci_lo = gsl_stats_quantile_from_sorted_data(alphas, 1, nd, (1.0 - o->level) / 2.0);
        out->ci_hi = gsl_stats_quantile_from_sorted_data(alphas, 1, nd, (1.0 + o->level) / 2.0);
        out->q_below_667 = (double)below667 / (double)nd;
        out->q_below_800 = (double)below800 / (double)nd;
    }
    free(w);
    free(alphas);
    free(sums);
    return CN_OK;
}

/* Fleiss' kappa when every unit has the same number of values. */
static int fleiss_from_pairable(const pairable *p, size_t units, cn_agreement_result *out,
                                cn_error *err)
{
    if (p->nunits != units || units == 0)
        return CN_OK;
    for (size_t u = 1; u < p->nunits; u++)
        if (p->m[u] != p->m[0])
            return CN_OK;
    long *table = calloc(p->nunits * p->k, sizeof *table);
    if (!table)
        return cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory for Fleiss' kappa");
    for (size_t u = 0; u < p->nunits; u++)
        for (size_t e = p->start[u]; e < p->start[u + 1]; e++)
            table[u * p->k + p->cat[e]] = (long)p->cnt[e];
    int rc = cn_fleiss_kappa(table, p->nunits, p->k, &out->fleiss_kappa, err);
    free(table);
    if (rc == CN_OK)
        out->ratings_per_unit = (size_t)p->m[0];
    return rc;
}

static const char *undefined_reason(const pairable *p)
{
    if (p->nunits == 0)
        return "no unit has two or more values: nothing is pairable";
    return "no variation: every pairable value is the same, so expected disagreement is 0";
}

static int check_input(const cn_agreement_opts *o, const double *values, size_t coders,
                       size_t units, cn_error *err)
{
    if ((int)o->metric < 0 || (int)o->metric > CN_ALPHA_INTERVAL)
        return cn_error_set(err, CN_ERR_USAGE, "agreement: unknown metric %d", (int)o->metric);
    if (!(o->level > 0.0 && o->level < 1.0))
        return cn_error_set(err, CN_ERR_USAGE, "agreement: confidence level %g not in (0,1)",
                            o->level);
    if (coders && units > ((size_t)-1) / sizeof(double) / coders)
        return cn_error_set(err, CN_ERR_USAGE, "agreement: matrix too large");
    for (size_t i = 0; i < coders * units; i++)
        if (isinf(values[i]))
            return cn_error_set(err, CN_ERR_USAGE, "agreement: coder %zu, unit %zu: infinite value",
                                i / units + 1, i % units + 1);
    return CN_OK;
}

static void result_init(cn_agreement_result *out, size_t coders, size_t units)
{
    *out = (cn_agreement_result){.coders = coders, .units = units};
    out->alpha = out->observed = out->expected = NAN;
    out->ci_lo = out->ci_hi = out->q_below_667 = out->q_below_800 = NAN;
    out->fleiss_kappa = NAN;
}

/* Alpha, its interval and Fleiss' kappa of the pairable data, whichever form
 * it came in. */
static int from_pairable(const cn_agreement_opts *opts, pairable *p, size_t units,
                         cn_agreement_result *out, cn_error *err)
{
    alpha_parts a;
    if (alpha_of_data(p, opts->metric, &a))
        return cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory");
    out->pairable_units = p->nunits;
    out->pairable_values = (size_t)a.n;
    out->categories = p->k;
    out->alpha = a.alpha;
    out->observed = a.observed;
    out->expected = a.expected;
    out->alpha_note = isnan(a.alpha) ? undefined_reason(p) : NULL;
    int rc = CN_OK;
    if (!isnan(a.alpha) && opts->bootstrap > 0 && p->nunits >= 2 && p->nunits >= opts->min_units)
        rc = bootstrap(opts, p, out, err);
    else if (!isnan(a.alpha) && opts->bootstrap > 0 && p->nunits < opts->min_units)
        out->ci_note = "too few units with two or more values to resample";
    if (rc == CN_OK)
        rc = fleiss_from_pairable(p, units, out, err);
    return rc;
}

int cn_agreement_compute(const cn_agreement_opts *opts, const double *values, size_t coders,
                         size_t units, cn_agreement_result *out, cn_error *err)
{
    cn_agreement_opts defaults;
    if (!opts) {
        cn_agreement_opts_init(&defaults);
        opts = &defaults;
    }
    int rc = check_input(opts, values, coders, units, err);
    if (rc)
        return rc;
    result_init(out, coders, units);

    size_t *present = malloc((units ? units : 1) * sizeof *present);
    if (!present)
        return cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory");
    for (size_t u = 0; u < units; u++)
        present[u] = count_present(values, coders, units, u);
    pairable p;
    rc = pairable_build(&p, values, coders, units, present);
    free(present);
    rc = rc ? cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory")
            : from_pairable(opts, &p, units, out, err);
    pairable_free(&p);
    return rc;
}

static int check_counts(const cn_agreement_opts *o, const long *counts, size_t units,
                        size_t categories, const double *category_values, cn_error *err)
{
    if ((int)o->metric < 0 || (int)o->metric > CN_ALPHA_INTERVAL)
        return cn_error_set(err, CN_ERR_USAGE, "agreement: unknown metric %d", (int)o->metric);
    if (!(o->level > 0.0 && o->level < 1.0))
        return cn_error_set(err, CN_ERR_USAGE, "agreement: confidence level %g not in (0,1)",
                            o->level);
    if (categories && units > ((size_t)-1) / sizeof(long) / categories)
        return cn_error_set(err, CN_ERR_USAGE, "agreement: table too large");
    for (size_t j = 0; j < categories; j++)
        if (!isfinite(category_values[j]) ||
            (j > 0 && !(category_values[j] > category_values[j - 1])))
            return cn_error_set(err, CN_ERR_USAGE,
                                "agreement: category values must be finite and ascending "
                                "(category %zu)",
                                j + 1);
    for (size_t i = 0; i < units * categories; i++)
        if (counts[i] < 0)
            return cn_error_set(err, CN_ERR_USAGE,
                                "agreement: unit %zu, category %zu: negative count",
                                i / categories + 1, i % categories + 1);
    return CN_OK;
}

int cn_agreement_compute_counts(const cn_agreement_opts *opts, const long *counts, size_t units,
                                size_t categories, const double *category_values, size_t coders,
                                cn_agreement_result *out, cn_error *err)
{
    cn_agreement_opts defaults;
    if (!opts) {
        cn_agreement_opts_init(&defaults);
        opts = &defaults;
    }
    int rc = check_counts(opts, counts, units, categories, category_values, err);
    if (rc)
        return rc;
    result_init(out, coders, units);
    pairable p;
    rc = pairable_from_counts(&p, counts, units, categories, category_values);
    rc = rc ? cn_error_set(err, CN_ERR_NOMEM, "agreement: out of memory")
            : from_pairable(opts, &p, units, out, err);
    pairable_free(&p);
    return rc;
}

int cn_fleiss_kappa(const long *counts, size_t units, size_t categories, double *kappa,
                    cn_error *err)
{
    *kappa = NAN;
    if (units == 0 || categories == 0)
        return CN_OK;
    long m = -1;
    for (size_t u = 0; u < units; u++) {
        long row = 0;
        for (size_t j = 0; j < categories; j++) {
            if (counts[u * categories + j] < 0)
                return cn_error_set(err, CN_ERR_USAGE, "fleiss: unit %zu: negative count", u + 1);
            row += counts[u * categories + j];
        }
        if (m < 0)
            m = row;
        if (row != m || m < 2)
            return cn_error_set(err, CN_ERR_USAGE,
                                "fleiss: unit %zu has %ld ratings; every unit needs the same "
                                "number, at least 2 (unit 1 has %ld)",
                                u + 1, row, m);
    }
    double mm = (double)m, nu = (double)units, p_bar = 0.0, p_e = 0.0;
    size_t used = 0;
    for (size_t j = 0; j < categories; j++) {
        double col = 0.0;
        for (size_t u = 0; u < units; u++)
            col += (double)counts[u * categories + j];
        p_e += (col / (nu * mm)) * (col / (nu * mm));
        used += col > 0.0;
    }
    for (size_t u = 0; u < units; u++) {
        double sq = 0.0;
        for (size_t j = 0; j < categories; j++)
            sq += (double)counts[u * categories + j] * (double)counts[u * categories + j];
        p_bar += (sq - mm) / (mm * (mm - 1.0));
    }
    p_bar /= nu;
    /* All ratings in one category: chance agreement is 1 and kappa is 0/0. */
    if (used >= 2)
        *kappa = (p_bar - p_e) / (1.0 - p_e);
    return CN_OK;
}
