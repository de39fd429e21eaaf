/* cn_cmh: the generalized Cochran-Mantel-Haenszel test (R's mantelhaen.test on an I x J x K table).
 */
#include "cn_cmh.h"

#include "cn_strata.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Rows and columns with items, numbered densely (-1: none); the last of
 * each is the reference category left out of d and V, as in R. */
typedef struct cmh_dims {
    long *rmap, *cmap; /* [rows], [cols] */
    size_t r, c;       /* I', J' */
    size_t dim;        /* (I' - 1)(J' - 1) */
} cmh_dims;

/* One stratum's table in the dense numbering, and which rows and columns it
 * touches (so resetting it costs its items, not the whole table). */
typedef struct cmh_stratum {
    long *cell, *rsum, *csum; /* [r * c], [r], [c] */
    size_t *rows, *cols;      /* touched, [r], [c] */
    size_t nr, nc;
    long n;
} cmh_stratum;

static int dims_build(cmh_dims *dm, const cn_strata_cells *st, size_t rows, size_t cols)
{
    dm->rmap = malloc((rows ? rows : 1) * sizeof *dm->rmap);
    dm->cmap = malloc((cols ? cols : 1) * sizeof *dm->cmap);
    if (!dm->rmap || !dm->cmap)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < rows; i++)
        dm->rmap[i] = -1;
    for (size_t j = 0; j < cols; j++)
        dm->cmap[j] = -1;
    for (size_t k = 0, n = cn_strata_items(st); k < n; k++)
        dm->rmap[st->cell[k] / cols] = dm->cmap[st->cell[k] % cols] = 0;
    for (size_t i = 0; i < rows; i++)
        if (dm->rmap[i] == 0)
            dm->rmap[i] = (long)dm->r++;
    for (size_t j = 0; j < cols; j++)
        if (dm->cmap[j] == 0)
            dm->cmap[j] = (long)dm->c++;
    dm->dim = dm->r >= 2 && dm->c >= 2 ? (dm->r - 1) * (dm->c - 1) : 0;
    return CN_OK;
}

static int stratum_alloc(cmh_stratum *s, size_t r, size_t c)
{
    s->cell = calloc(r * c, sizeof *s->cell);
    s->rsum = calloc(r, sizeof *s->rsum);
    s->csum = calloc(c, sizeof *s->csum);
    s->rows = malloc(r * sizeof *s->rows);
    s->cols = malloc(c * sizeof *s->cols);
    return s->cell && s->rsum && s->csum && s->rows && s->cols ? CN_OK : CN_ERR_NOMEM;
}

static void stratum_free(cmh_stratum *s)
{
    free(s->cell);
    free(s->rsum);
    free(s->csum);
    free(s->rows);
    free(s->cols);
}

static void stratum_add(cmh_stratum *s, size_t c, size_t i, size_t j)
{
    if (s->rsum[i]++ == 0)
        s->rows[s->nr++] = i;
    if (s->csum[j]++ == 0)
        s->cols[s->nc++] = j;
    s->cell[i * c + j]++;
    s->n++;
}

static void stratum_reset(cmh_stratum *s, size_t c)
{
    for (size_t a = 0; a < s->nr; a++) {
        for (size_t b = 0; b < s->nc; b++)
            s->cell[s->rows[a] * c + s->cols[b]] = 0;
        s->rsum[s->rows[a]] = 0;
    }
    for (size_t b = 0; b < s->nc; b++)
        s->csum[s->cols[b]] = 0;
    s->nr = s->nc = 0;
    s->n = 0;
}

/* The stratum's share of d and V (only its own rows and columns are
 * non-zero in either). */
static void stratum_accumulate(const cmh_stratum *s, const cmh_dims *dm, double *d, double *v)
{
    size_t jc = dm->c - 1; /* columns in d's numbering */
    double n = (double)s->n, scale = 1.0 / (n * n * (n - 1.0));
    for (size_t a = 0; a < s->nr; a++) {
        size_t i = s->rows[a];
        if (i + 1 == dm->r)
            continue;
        double ri = (double)s->rsum[i];
        for (size_t b = 0; b < s->nc; b++) {
            size_t j = s->cols[b];
            if (j + 1 == dm->c)
                continue;
            double cj = (double)s->csum[j];
            size_t x = i * jc + j;
            d[x] += (double)s->cell[i * dm->c + j] - ri * cj / n;
            for (size_t a2 = 0; a2 < s->nr; a2++) {
                size_t i2 = s->rows[a2];
                if (i2 + 1 == dm->r)
                    continue;
                double ri2 = (double)s->rsum[i2];
                double rowf = (i == i2 ? n * ri : 0.0) - ri * ri2;
                for (size_t b2 = 0; b2 < s->nc; b2++) {
                    size_t j2 = s->cols[b2];
                    if (j2 + 1 == dm->c)
                        continue;
                    double cj2 = (double)s->csum[j2];
                    double colf = (j == j2 ? n * cj : 0.0) - cj * cj2;
                    v[x * dm->dim + i2 * jc + j2] += rowf * colf * scale;
                }
            }
        }
    }
}

/* Q = d' V^+ d and the rank of V, by V's eigen-decomposition (V is
 * symmetric and positive semi-definite; eigenvalues below 1e-10 of the
 * largest count as zero). */
static int quadratic_form(const double *d, double *v, size_t dim, double *q, long *rank)
{
    gsl_matrix_view m = gsl_matrix_view_array(v, dim, dim);
    gsl_vector *eval = gsl_vector_alloc(dim);
    gsl_matrix *evec = gsl_matrix_alloc(dim, dim);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(dim);
    int rc = eval && evec && w ? CN_OK : CN_ERR_NOMEM;
    if (rc == CN_OK && gsl_eigen_symmv(&m.matrix, eval, evec, w))
        rc = CN_ERR_NOMEM;
    *q = 0.0;
    *rank = 0;
    double top = 0.0;
    for (size_t k = 0; rc == CN_OK && k < dim; k++)
        top = fmax(top, gsl_vector_get(eval, k));
    for (size_t k = 0; rc == CN_OK && k < dim; k++) {
        double lambda = gsl_vector_get(eval, k);
        if (!(lambda > 1e-10 * top))
            continue;
        double u = 0.0;
        for (size_t x = 0; x < dim; x++)
            u += gsl_matrix_get(evec, x, k) * d[x];
        *q += u * u / lambda;
        ++*rank;
    }
    gsl_vector_free(eval);
    gsl_matrix_free(evec);
    gsl_eigen_symmv_free(w);
    return rc;
}

/* d and V summed over the strata, in their order. */
static int accumulate(const cn_strata_cells *st, size_t cols, const cmh_dims *dm, double *d,
                      double *v, cn_cmh_result *out)
{
    cmh_stratum s = {0};
    int rc = stratum_alloc(&s, dm->r, dm->c);
    for (size_t k = 0; rc == CN_OK && k < st->nstrata; k++) {
        for (size_t x = st->start[k]; x < st->start[k + 1]; x++)
            stratum_add(&s, dm->c, (size_t)dm->rmap[st->cell[x] / cols],
                        (size_t)dm->cmap[st->cell[x] % cols]);
        if (s.nr >= 2 && s.nc >= 2) {
            out->strata++;
            out->items += s.n;
            stratum_accumulate(&s, dm, d, v);
        }
        stratum_reset(&s, dm->c);
    }
    stratum_free(&s);
    return rc;
}

int cn_cmh_compute_cells(const cn_strata_cells *st, size_t rows, size_t cols, cn_cmh_result *out,
                         cn_error *err)
{
    *out = (cn_cmh_result){.statistic = NAN, .p = NAN};
    size_t n = cn_strata_items(st);
    for (size_t x = 0; x < n; x++)
        if (st->cell[x] >= rows * cols)
            return cn_error_set(err, CN_ERR_USAGE, "cmh: item %zu out of range", x + 1);
    if (rows > 0 && cols > 0 && (rows - 1) * (cols - 1) > CN_CMH_MAX_DF)
        return cn_error_set(err, CN_ERR_USAGE, "cmh: %zu x %zu tables: more than %d df", rows, cols,
                            CN_CMH_MAX_DF);
    cmh_dims dm = {0};
    double *d = NULL, *v = NULL;
    int rc = dims_build(&dm, st, rows, cols);
    if (rc == CN_OK && dm.dim > 0) {
        d = calloc(dm.dim, sizeof *d);
        v = calloc(dm.dim * dm.dim, sizeof *v);
        rc = d && v ? CN_OK : CN_ERR_NOMEM;
        if (rc == CN_OK)
            rc = accumulate(st, cols, &dm, d, v, out);
        double q = NAN;
        long rank = 0;
        if (rc == CN_OK && out->strata > 0)
            rc = quadratic_form(d, v, dm.dim, &q, &rank);
        if (rc == CN_OK && rank > 0) {
            out->statistic = q;
            out->df = rank;
            out->p = gsl_cdf_chisq_Q(q, (double)rank);
        }
    }
    free(d);
    free(v);
    free(dm.rmap);
    free(dm.cmap);
    return rc ? cn_error_set(err, CN_ERR_NOMEM, "cmh: out of memory") : CN_OK;
}

int cn_cmh_compute(const uint32_t *stratum, const uint32_t *row, const uint32_t *col, size_t n,
                   size_t rows, size_t cols, cn_cmh_result *out, cn_error *err)
{
    *out = (cn_cmh_result){.statistic = NAN, .p = NAN};
    for (size_t i = 0; i < n; i++)
        if (row[i] >= rows || col[i] >= cols)
            return cn_error_set(err, CN_ERR_USAGE, "cmh: item %zu out of range", i + 1);
    if (rows > 0 && cols > 0 && (rows - 1) * (cols - 1) > CN_CMH_MAX_DF)
        return cn_error_set(err, CN_ERR_USAGE, "cmh: %zu x %zu tables: more than %d df", rows, cols,
                            CN_CMH_MAX_DF);
    uint32_t *cell = NULL;
    size_t *start = NULL;
    cn_strata_cells st;
    int rc = cn_strata_cells_of(stratum, row, col, n, cols, &cell, &start, &st);
    if (rc == CN_OK)
        rc = cn_cmh_compute_cells(&st, rows, cols, out, err);
    else
        rc = cn_error_set(err, CN_ERR_NOMEM, "cmh: out of memory");
    free(cell);
    free(start);
    return rc;
}
