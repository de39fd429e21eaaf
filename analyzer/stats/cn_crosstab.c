/* cn_crosstab: chi-square test of an r x c table, asymptotic and Monte Carlo (Patefield, GSL). */
#include "cn_crosstab.h"

#include "cn_mt.h"
#include "cn_strata.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cn_crosstab_opts_init(cn_crosstab_opts *opts)
{
    opts->simulate = 0;
    opts->seed = CN_CROSSTAB_DEFAULT_SEED;
}

/* The table without its empty rows and columns, with its margins. */
typedef struct table {
    size_t r, c;
    long n;
    long *cell; /* [r * c] */
    long *rsum; /* [r] */
    long *csum; /* [c] */
    double *e;  /* [r * c] expected counts */
} table;

static void table_free(table *t)
{
    free(t->cell);
    free(t->rsum);
    free(t->csum);
    free(t->e);
}

static int table_build(table *t, const long *counts, size_t rows, size_t cols)
{
    *t = (table){0};
    long *rs = calloc(rows ? rows : 1, sizeof *rs), *cs = calloc(cols ? cols : 1, sizeof *cs);
    if (!rs || !cs) {
        free(rs);
        free(cs);
        return CN_ERR_NOMEM;
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            rs[i] += counts[i * cols + j];
            cs[j] += counts[i * cols + j];
        }
    for (size_t i = 0; i < rows; i++)
        t->r += rs[i] > 0;
    for (size_t j = 0; j < cols; j++)
        t->c += cs[j] > 0;
    size_t cells = (t->r * t->c > 0) ? t->r * t->c : 1;
    t->cell = malloc(cells * sizeof *t->cell);
    t->e = malloc(cells * sizeof *t->e);
    t->rsum = malloc((t->r ? t->r : 1) * sizeof *t->rsum);
    t->csum = malloc((t->c ? t->c : 1) * sizeof *t->csum);
    if (!t->cell || !t->e || !t->rsum || !t->csum) {
        free(rs);
        free(cs);
        return CN_ERR_NOMEM;
    }
    size_t ti = 0;
    for (size_t i = 0; i < rows; i++) {
        if (rs[i] == 0)
            continue;
        size_t tj = 0;
        for (size_t j = 0; j < cols; j++)
            if (cs[j] > 0)
                t->cell[ti * t->c + tj++] = counts[i * cols + j];
        t->rsum[ti++] = rs[i];
        t->n += rs[i];
    }
    size_t tj = 0;
    for (size_t j = 0; j < cols; j++)
        if (cs[j] > 0)
            t->csum[tj++] = cs[j];
    for (size_t i = 0; i < t->r; i++)
        for (size_t j = 0; j < t->c; j++)
            t->e[i * t->c + j] = (double)t->rsum[i] * (double)t->csum[j] / (double)t->n;
    free(rs);
    free(cs);
    return CN_OK;
}

/* Pearson's statistic of `cell` against the expected counts of t. The
 * observed and the simulated tables go through this same loop, so equal
 * tables give bit-equal statistics. */
static double pearson(const table *t, const long *cell)
{
    double x2 = 0.0;
    for (size_t k = 0; k < t->r * t->c; k++) {
        double d = (double)cell[k] - t->e[k];
        x2 += d * d / t->e[k];
    }
    return x2;
}

/*
 * Random tables with fixed margins, Patefield's way (Patefield 1981, AS 159,
 * R's r2dtable and chisq.test(simulate.p.value = TRUE)): cell by cell, row by
 * row, each cell is a conditional hypergeometric draw (the row's remaining
 * total, out of the items left in this and the later columns), sampled by
 * inversion with ONE uniform, starting at the conditional mean and stepping
 * outwards to whichever neighbour is more likely, with probabilities from
 * successive ratios. A draw costs about a standard deviation of steps, where
 * GSL's gsl_ran_hypergeometric draws one uniform per item (cost growing with
 * the counts: it was most of `analyze` on large corpora).
 */
/* log x! from a table below LNFACT_TABLE (filled by the same function that
 * serves larger x, so both give the same bits). */
#define LNFACT_TABLE (1u << 20)

typedef struct sampler {
    double *lnfact; /* [nfact] */
    size_t nfact;
    long *left; /* [max_c] column totals still to place */
    gsl_rng *rng;
} sampler;

static void sampler_free(sampler *s)
{
    free(s->lnfact);
    free(s->left);
    if (s->rng)
        gsl_rng_free(s->rng);
}

/* A sampler for tables of at most max_c columns and n items. */
static int sampler_init(sampler *s, size_t max_c, long n, unsigned long seed)
{
    *s = (sampler){0};
    s->nfact = (size_t)n + 1 < LNFACT_TABLE ? (size_t)n + 1 : LNFACT_TABLE;
    s->lnfact = malloc(s->nfact * sizeof *s->lnfact);
    s->left = malloc((max_c ? max_c : 1) * sizeof *s->left);
    s->rng = gsl_rng_alloc(cn_mt_type);
    if (!s->lnfact || !s->left || !s->rng)
        return CN_ERR_NOMEM;
    for (size_t x = 0; x < s->nfact; x++)
        s->lnfact[x] = gsl_sf_lnfact((unsigned)x);
    gsl_rng_set(s->rng, seed);
    return CN_OK;
}

static double lnfact(const sampler *s, long x)
{
    return (size_t)x < s->nfact ? s->lnfact[x] : gsl_sf_lnfact((unsigned)x);
}

/* Of `ie` items, `id` in this column: how many of a row's `ia` (drawn without
 * replacement) fall in it. P(x) = C(id, x) C(ie - id, ia - x) / C(ie, ia). */
static long hyper_draw(const sampler *s, long ia, long id, long ie)
{
    long other = ie - id - ia; /* x - other items of neither: ie - id - ia + x >= 0 */
    long lo = other < 0 ? -other : 0, hi = ia < id ? ia : id;
    if (lo >= hi)
        return lo;
    long m = (long)((double)ia * ((double)id / (double)ie) + 0.5);
    m = m < lo ? lo : m > hi ? hi : m;
    double pm = exp(lnfact(s, ia) + lnfact(s, ie - ia) + lnfact(s, id) + lnfact(s, ie - id) -
                    lnfact(s, ie) - lnfact(s, m) - lnfact(s, id - m) - lnfact(s, ia - m) -
                    lnfact(s, other + m));
    double u = cn_mt_uniform(s->rng), acc = pm;
    long up = m, dn = m;
    double pu = pm, pd = pm;
    while (u >= acc) {
        /* P(x + 1) / P(x) and P(x - 1) / P(x); -1 past the support */
        double nu = up < hi ? pu * (double)(id - up) * (double)(ia - up) /
                                  ((double)(up + 1) * (double)(other + up + 1))
                            : -1.0;
        double nd = dn > lo ? pd * (double)dn * (double)(other + dn) /
                                  ((double)(id - dn + 1) * (double)(ia - dn + 1))
                            : -1.0;
        if (nu < 0 && nd < 0) /* u beyond the rounded total (~1e-15): the last one */
            return pu < pd ? up : dn;
        if (nu >= nd) {
            pu = nu;
            acc += nu;
            if (u < acc)
                return up + 1;
            up++;
        } else {
            pd = nd;
            acc += nd;
            if (u < acc)
                return dn - 1;
            dn--;
        }
    }
    return m;
}

/* One random r x c table with margins rsum, csum (both summing to n) into
 * cell[r * c]. */
static void random_table(sampler *s, const long *rsum, size_t r, const long *csum, size_t c, long n,
                         long *cell)
{
    for (size_t j = 0; j < c; j++)
        s->left[j] = csum[j];
    long pool = n;
    for (size_t i = 0; i + 1 < r; i++) {
        long need = rsum[i], rest = pool; /* items in columns j.. of rows i.. */
        for (size_t j = 0; j + 1 < c; j++) {
            long x = need == 0 ? 0 : hyper_draw(s, need, s->left[j], rest);
            cell[i * c + j] = x;
            rest -= s->left[j];
            s->left[j] -= x;
            need -= x;
        }
        cell[i * c + c - 1] = need;
        s->left[c - 1] -= need;
        pool -= rsum[i];
    }
    for (size_t j = 0; j < c; j++)
        cell[(r - 1) * c + j] = s->left[j];
}

static int monte_carlo(const cn_crosstab_opts *o, const table *t, cn_crosstab_result *out,
                       cn_error *err)
{
    long *cell = malloc(t->r * t->c * sizeof *cell);
    sampler s;
    int rc = sampler_init(&s, t->c, t->n, o->seed);
    if (rc || !cell) {
        free(cell);
        sampler_free(&s);
        return cn_error_set(err, CN_ERR_NOMEM, "crosstab: out of memory for the simulation");
    }
    /* R: almost.1 <- 1 - 64 * .Machine$double.eps; results >= almost.1 * STATISTIC */
    double bar = (1.0 - 64.0 * DBL_EPSILON) * out->chi_square;
    size_t ge = 0;
    for (size_t b = 0; b < o->simulate; b++) {
        random_table(&s, t->rsum, t->r, t->csum, t->c, t->n, cell);
        ge += pearson(t, cell) >= bar;
    }
    out->p_monte_carlo = (1.0 + (double)ge) / ((double)o->simulate + 1.0);
    out->simulated = o->simulate;
    sampler_free(&s);
    free(cell);
    return CN_OK;
}

int cn_crosstab_r2dtable(size_t tables, const long *row_totals, size_t rows, const long *col_totals,
                         size_t cols, unsigned long seed, long *out, cn_error *err)
{
    if (rows == 0 || cols == 0)
        return cn_error_set(err, CN_ERR_USAGE, "r2dtable: no rows or no columns");
    unsigned long rn = 0, cn = 0;
    for (size_t i = 0; i < rows; i++) {
        if (row_totals[i] < 0 || (unsigned long)row_totals[i] > UINT_MAX - rn)
            return cn_error_set(err, CN_ERR_USAGE, "r2dtable: row total %zu negative or too large",
                                i + 1);
        rn += (unsigned long)row_totals[i];
    }
    for (size_t j = 0; j < cols; j++) {
        if (col_totals[j] < 0 || (unsigned long)col_totals[j] > UINT_MAX - cn)
            return cn_error_set(err, CN_ERR_USAGE,
                                "r2dtable: column total %zu negative or too large", j + 1);
        cn += (unsigned long)col_totals[j];
    }
    if (rn != cn)
        return cn_error_set(err, CN_ERR_USAGE, "r2dtable: row totals sum to %lu, columns to %lu",
                            rn, cn);
    sampler s;
    if (sampler_init(&s, cols, (long)rn, seed)) {
        sampler_free(&s);
        return cn_error_set(err, CN_ERR_NOMEM, "r2dtable: out of memory");
    }
    for (size_t b = 0; b < tables; b++)
        random_table(&s, row_totals, rows, col_totals, cols, (long)rn, out + b * rows * cols);
    sampler_free(&s);
    return CN_OK;
}

static void expected_counts(const table *t, cn_crosstab_result *out)
{
    out->cells = t->r * t->c;
    bool below1 = false;
    out->min_expected = INFINITY;
    for (size_t k = 0; k < out->cells; k++) {
        if (t->e[k] < out->min_expected)
            out->min_expected = t->e[k];
        out->cells_expected_below_5 += t->e[k] < 5.0;
        below1 = below1 || t->e[k] < 1.0;
    }
    out->small_expected = out->cells_expected_below_5 > 0;
    out->cochran_ok = !below1 && (double)out->cells_expected_below_5 <= 0.2 * (double)out->cells;
}

static int check_counts(const long *counts, size_t rows, size_t cols, cn_error *err)
{
    if (rows && cols > ((size_t)-1) / sizeof(long) / rows)
        return cn_error_set(err, CN_ERR_USAGE, "crosstab: table too large");
    unsigned long total = 0;
    for (size_t k = 0; k < rows * cols; k++) {
        if (counts[k] < 0)
            return cn_error_set(err, CN_ERR_USAGE, "crosstab: row %zu, column %zu: negative count",
                                k / cols + 1, k % cols + 1);
        /* the hypergeometric draws take unsigned ints */
        if ((unsigned long)counts[k] > UINT_MAX - total)
            return cn_error_set(err, CN_ERR_USAGE, "crosstab: total count above %u", UINT_MAX);
        total += (unsigned long)counts[k];
    }
    return CN_OK;
}

/* Bergsma (2013), "A bias-correction for Cramer's V and Tschuprow's T":
 * phi2 = max(0, X2/n - (r-1)(c-1)/(n-1)), r~ = r - (r-1)^2/(n-1), c~ likewise,
 * V~ = sqrt(phi2 / min(r~ - 1, c~ - 1)). Small tables inflate V; this does not. */
static double corrected_v(double x2, long n, size_t r, size_t c)
{
    if (n < 2)
        return NAN;
    double nn = (double)n, rr = (double)r, cc = (double)c;
    double phi2 = x2 / nn - (rr - 1) * (cc - 1) / (nn - 1);
    if (phi2 < 0)
        phi2 = 0;
    double rt = rr - (rr - 1) * (rr - 1) / (nn - 1), ct = cc - (cc - 1) * (cc - 1) / (nn - 1);
    double d = (rt < ct ? rt : ct) - 1;
    return d > 0 ? sqrt(phi2 / d) : NAN;
}

double cn_crosstab_chi_square(const long *counts, size_t rows, size_t cols)
{
    table t;
    double x2 = NAN;
    if (table_build(&t, counts, rows, cols) == 0 && t.r >= 2 && t.c >= 2)
        x2 = pearson(&t, t.cell);
    table_free(&t);
    return x2;
}

/*
 * The stratified permutation test without permuting: shuffling the columns
 * among a stratum's items gives that stratum's rows x cols table a random
 * draw with its own row and column totals (the multivariate hypergeometric
 * null), independently of the other strata, so a permuted pooled table is a
 * sum of per-stratum random tables with fixed margins, drawn as in
 * cn_crosstab_r2dtable: a few conditional draws per stratum and table instead
 * of one uniform per item. A stratum with a single row or column has only
 * its observed table and is added once.
 */
typedef struct stratum_table {
    size_t r, c;          /* rows and columns it uses */
    size_t *row, *col;    /* [r], [c] their indices in the pooled table */
    long *rsum, *csum, n; /* its margins */
} stratum_table;

typedef struct strata {
    size_t n;
    stratum_table *s;
    long *fixed; /* [rows * cols] the pooled counts of the strata not drawn */
    size_t max_c;
    long *cell; /* [rows * cols] scratch for one stratum's table */
} strata;

static void stratum_free(stratum_table *t)
{
    free(t->row);
    free(t->col);
    free(t->rsum);
    free(t->csum);
    *t = (stratum_table){0};
}

static void strata_free(strata *st)
{
    for (size_t i = 0; st->s && i < st->n; i++)
        stratum_free(&st->s[i]);
    free(st->s);
    free(st->fixed);
    free(st->cell);
}

/* One stratum's used rows and columns and its margins, from its counts. */
static int stratum_build(stratum_table *t, const long *counts, size_t rows, size_t cols)
{
    *t = (stratum_table){0};
    t->row = malloc(rows * sizeof *t->row);
    t->col = malloc(cols * sizeof *t->col);
    t->rsum = malloc(rows * sizeof *t->rsum);
    t->csum = malloc(cols * sizeof *t->csum);
    if (!t->row || !t->col || !t->rsum || !t->csum)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < rows; i++) {
        long sum = 0;
        for (size_t j = 0; j < cols; j++)
            sum += counts[i * cols + j];
        if (sum > 0) {
            t->row[t->r] = i;
            t->rsum[t->r++] = sum;
            t->n += sum;
        }
    }
    for (size_t j = 0; j < cols; j++) {
        long sum = 0;
        for (size_t i = 0; i < rows; i++)
            sum += counts[i * cols + j];
        if (sum > 0) {
            t->col[t->c] = j;
            t->csum[t->c++] = sum;
        }
    }
    return CN_OK;
}

/* The strata with something to draw (two rows and two columns at least);
 * the others' counts go into st->fixed. */
static int strata_build(strata *st, const cn_strata_cells *sc, size_t rows, size_t cols)
{
    *st = (strata){0};
    long *counts = malloc(rows * cols * sizeof *counts);
    st->s = calloc(sc->nstrata ? sc->nstrata : 1, sizeof *st->s);
    st->fixed = calloc(rows * cols, sizeof *st->fixed);
    st->cell = malloc(rows * cols * sizeof *st->cell);
    int rc = counts && st->s && st->fixed && st->cell ? CN_OK : CN_ERR_NOMEM;
    for (size_t s = 0; rc == CN_OK && s < sc->nstrata; s++) {
        memset(counts, 0, rows * cols * sizeof *counts);
        for (size_t k = sc->start[s]; k < sc->start[s + 1]; k++)
            counts[sc->cell[k]]++;
        stratum_table *t = &st->s[st->n];
        rc = stratum_build(t, counts, rows, cols);
        if (rc == CN_OK && t->r >= 2 && t->c >= 2) {
            st->max_c = t->c > st->max_c ? t->c : st->max_c;
            st->n++;
            continue;
        }
        for (size_t k = 0; k < rows * cols; k++)
            st->fixed[k] += counts[k];
        stratum_free(t);
    }
    free(counts);
    return rc;
}

/* One permuted pooled table into pooled[rows * cols]. */
static void strata_draw(strata *st, sampler *sm, long *pooled, size_t rows, size_t cols)
{
    memcpy(pooled, st->fixed, rows * cols * sizeof *pooled);
    for (size_t k = 0; k < st->n; k++) {
        const stratum_table *t = &st->s[k];
        random_table(sm, t->rsum, t->r, t->csum, t->c, t->n, st->cell);
        for (size_t i = 0; i < t->r; i++)
            for (size_t j = 0; j < t->c; j++)
                pooled[t->row[i] * cols + t->col[j]] += st->cell[i * t->c + j];
    }
}

/* The cells of `full` (rows x cols) that t uses, in table_build's order,
 * into cell. used_row / used_col: which rows and columns t kept. */
static void used_cells(const long *full, size_t rows, size_t cols, const bool *used_row,
                       const bool *used_col, long *cell)
{
    size_t k = 0;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; used_row[i] && j < cols; j++)
            if (used_col[j])
                cell[k++] = full[i * cols + j];
}

/* B permuted pooled tables; p as R's rule. t: the observed pooled table. */
static int stratified_run(const table *t, const long *counts, const cn_strata_cells *sc,
                          size_t rows, size_t cols, size_t permutations, unsigned long seed,
                          double *p)
{
    strata st;
    sampler sm = {0};
    long *pooled = malloc(rows * cols * sizeof *pooled), *cell = malloc(rows * cols * sizeof *cell);
    bool *used_row = calloc(rows, sizeof *used_row), *used_col = calloc(cols, sizeof *used_col);
    int rc = strata_build(&st, sc, rows, cols);
    if (rc == CN_OK)
        rc = sampler_init(&sm, st.max_c, (long)cn_strata_items(sc), seed);
    if (rc == CN_OK && (!pooled || !cell || !used_row || !used_col))
        rc = CN_ERR_NOMEM;
    for (size_t k = 0; rc == CN_OK && k < rows * cols; k++)
        if (counts[k] > 0) {
            used_row[k / cols] = true;
            used_col[k % cols] = true;
        }
    /* same margins every time, so the same rows and columns; and the same
     * pearson loop as the observed table: equal tables, equal bits */
    double bar = (1.0 - 64.0 * DBL_EPSILON) * pearson(t, t->cell);
    size_t ge = 0;
    for (size_t b = 0; rc == CN_OK && b < permutations; b++) {
        strata_draw(&st, &sm, pooled, rows, cols);
        used_cells(pooled, rows, cols, used_row, used_col, cell);
        ge += pearson(t, cell) >= bar;
    }
    if (rc == CN_OK)
        *p = (1.0 + (double)ge) / ((double)permutations + 1.0);
    strata_free(&st);
    sampler_free(&sm);
    free(pooled);
    free(cell);
    free(used_row);
    free(used_col);
    return rc;
}

int cn_crosstab_stratified_cells_p(const cn_strata_cells *sc, size_t rows, size_t cols,
                                   size_t permutations, unsigned long seed, double *p,
                                   cn_error *err)
{
    *p = NAN;
    size_t n = cn_strata_items(sc);
    for (size_t x = 0; x < n; x++)
        if (sc->cell[x] >= rows * cols)
            return cn_error_set(err, CN_ERR_USAGE, "crosstab: item %zu out of range", x + 1);
    if (n > UINT_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "crosstab: more than %u items", UINT_MAX);
    if (n == 0 || permutations == 0)
        return CN_OK;
    long *counts = calloc(rows * cols, sizeof *counts);
    if (!counts)
        return cn_error_set(err, CN_ERR_NOMEM, "crosstab: out of memory");
    for (size_t x = 0; x < n; x++)
        counts[sc->cell[x]]++;
    table t;
    int rc = table_build(&t, counts, rows, cols);
    if (rc == CN_OK && t.r >= 2 && t.c >= 2)
        rc = stratified_run(&t, counts, sc, rows, cols, permutations, seed, p);
    table_free(&t);
    free(counts);
    return rc ? cn_error_set(err, CN_ERR_NOMEM, "crosstab: out of memory") : CN_OK;
}

int cn_crosstab_stratified_p(const uint32_t *stratum, const uint32_t *row, const uint32_t *col,
                             size_t n, size_t rows, size_t cols, size_t permutations,
                             unsigned long seed, double *p, cn_error *err)
{
    *p = NAN;
    for (size_t i = 0; i < n; i++)
        if (row[i] >= rows || col[i] >= cols)
            return cn_error_set(err, CN_ERR_USAGE, "crosstab: item %zu out of range", i + 1);
    if (n > UINT_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "crosstab: more than %u items", UINT_MAX);
    if (n == 0 || permutations == 0)
        return CN_OK;
    if (rows * cols > UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "crosstab: more than %u cells", UINT32_MAX);
    uint32_t *cell = NULL;
    size_t *start = NULL;
    cn_strata_cells sc;
    int rc = cn_strata_cells_of(stratum, row, col, n, cols, &cell, &start, &sc);
    if (rc == CN_OK)
        rc = cn_crosstab_stratified_cells_p(&sc, rows, cols, permutations, seed, p, err);
    else
        rc = cn_error_set(err, CN_ERR_NOMEM, "crosstab: out of memory");
    free(cell);
    free(start);
    return rc;
}

int cn_crosstab_compute(const cn_crosstab_opts *opts, const long *counts, size_t rows, size_t cols,
                        cn_crosstab_result *out, cn_error *err)
{
    cn_crosstab_opts defaults;
    if (!opts) {
        cn_crosstab_opts_init(&defaults);
        opts = &defaults;
    }
    int rc = check_counts(counts, rows, cols, err);
    if (rc)
        return rc;
    table t;
    if (table_build(&t, counts, rows, cols)) {
        table_free(&t);
        return cn_error_set(err, CN_ERR_NOMEM, "crosstab: out of memory");
    }
    *out = (cn_crosstab_result){
        .rows = rows, .cols = cols, .rows_used = t.r, .cols_used = t.c, .n = t.n};
    out->chi_square = out->p_value = out->p_monte_carlo = out->cramers_v = NAN;
    out->cramers_v_corrected = NAN;
    out->min_expected = NAN;
    if (t.r >= 2 && t.c >= 2) {
        expected_counts(&t, out);
        out->chi_square = pearson(&t, t.cell);
        out->df = (long)((t.r - 1) * (t.c - 1));
        out->p_value = gsl_cdf_chisq_Q(out->chi_square, (double)out->df);
        size_t k = t.r < t.c ? t.r : t.c;
        out->cramers_v = sqrt(out->chi_square / ((double)t.n * (double)(k - 1)));
        out->cramers_v_corrected = corrected_v(out->chi_square, t.n, t.r, t.c);
        /* Each simulated table costs about one draw per cell: refuse work
         * that would run for minutes rather than run it silently. */
        if (opts->simulate > 0 &&
            (double)opts->simulate * (double)(t.r * t.c) > CN_CROSSTAB_MAX_WORK)
            rc = cn_error_set(err, CN_ERR_USAGE,
                              "crosstab: %zu simulated %zu x %zu tables is too much work (at most "
                              "%.0f cells in all): ask for fewer tables",
                              opts->simulate, t.r, t.c, CN_CROSSTAB_MAX_WORK);
        else if (opts->simulate > 0)
            rc = monte_carlo(opts, &t, out, err);
    }
    table_free(&t);
    return rc;
}

int cn_crosstab_row_proportion(const long *counts, size_t rows, size_t cols, size_t r, size_t c,
                               double level, cn_proportion *out, cn_error *err)
{
    if (r >= rows || c >= cols)
        return cn_error_set(err, CN_ERR_USAGE,
                            "crosstab: cell (%zu, %zu) outside a %zu x %zu table", r + 1, c + 1,
                            rows, cols);
    long total = 0;
    for (size_t j = 0; j < cols; j++)
        total += counts[r * cols + j];
    return cn_proportion_compute(counts[r * cols + c], total, level, out, err);
}
