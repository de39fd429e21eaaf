/*
 * cn_cmh: the generalized Cochran-Mantel-Haenszel test of general
 * association for an I x J x K table (rows x columns x strata): are rows and
 * columns associated within strata? As R's mantelhaen.test on a 3-D array.
 *
 * Items each have a stratum (a question), a row (a specialty) and a column (a
 * stance). With n_ijk the counts, r_ik, c_jk the margins and n_k the stratum
 * totals, the statistic is the quadratic form of the deviations
 * d = sum_k (n_ijk - r_ik c_jk / n_k) over the first I' - 1 rows and J' - 1
 * columns (I', J': the rows and columns with items) with their permutation
 * covariance
 *   V = sum_k (n_k diag(c_k) - c_k c_k') (x) (n_k diag(r_k) - r_k r_k') / (n_k^2 (n_k - 1)),
 * Q = d' V^-1 d, asymptotically chi-square with (I' - 1)(J' - 1) df under
 * conditional independence (the null of shuffling columns within strata).
 * It costs one pass over the items plus each stratum's cells squared, not
 * simulations. Strata with fewer than two rows or columns add nothing to d or
 * V and are skipped (R refuses strata of one item; here they add nothing
 * either). Where V is singular (a row seen only in strata where nothing can
 * vary) d lies in V's range, so Q uses its Moore-Penrose inverse and the df
 * is V's rank: the same as leaving that row out.
 */
#ifndef CN_CMH_H
#define CN_CMH_H

#include "cn_error.h"
#include "cn_strata.h"

#include <stddef.h>
#include <stdint.h>

/* V is df x df and its eigen-decomposition costs df^3: at most this many df
 * (500 specialties x 3 stances). */
#define CN_CMH_MAX_DF 1000

typedef struct cn_cmh_result {
    double statistic; /* Q; NaN when nothing varies */
    long df;          /* rank of V: (I' - 1)(J' - 1) unless singular; 0 when nothing varies */
    double p;         /* P(chi2_df >= Q); NaN when nothing varies */
    size_t strata;    /* strata with two rows and two columns at least */
    long items;       /* the items in those strata */
} cn_cmh_result;

/* stratum[i], row[i] < rows, col[i] < cols for each of the n items.
 * CN_ERR_USAGE for an index out of range or (rows - 1)(cols - 1) above
 * CN_CMH_MAX_DF; CN_ERR_NOMEM. */
int cn_cmh_compute(const uint32_t *stratum, const uint32_t *row, const uint32_t *col, size_t n,
                   size_t rows, size_t cols, cn_cmh_result *out, cn_error *err);

/* The same test of items given as cells stratum by stratum (cn_strata_cells:
 * what the analysis keeps, 4 bytes an item); the same figures, bit for bit,
 * as cn_cmh_compute on the same items. CN_ERR_USAGE for a cell not below
 * rows * cols (item x + 1 in the cells' order) or too many df; CN_ERR_NOMEM. */
int cn_cmh_compute_cells(const cn_strata_cells *st, size_t rows, size_t cols, cn_cmh_result *out,
                         cn_error *err);

#endif
