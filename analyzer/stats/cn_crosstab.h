/*
 * cn_crosstab: do groups (specialties) differ in how their answers spread
 * over categories (stances)? An r x c table of counts, row-major.
 *
 * - Pearson's chi-square X2 = sum (O - E)^2 / E with E = row total x column
 *   total / n, df = (r' - 1)(c' - 1) and the asymptotic p-value
 *   P(chi2_df >= X2) (gsl_cdf_chisq_Q). Rows and columns whose total is 0 are
 *   left out first (they have E = 0 and say nothing); r' and c' count the rest.
 * - A Monte Carlo p-value exactly as R's chisq.test(simulate.p.value = TRUE):
 *   B random tables with the observed margins (the multivariate
 *   hypergeometric null), drawn as R draws them, by Patefield's algorithm
 *   (cn_crosstab_r2dtable), from a seeded gsl_rng (mt19937), and
 *   p = (1 + #{X2_sim >= (1 - 64 DBL_EPSILON) X2_obs}) / (B + 1).
 *   Same null distribution and algorithm as R, a different random stream.
 * - Cramer's V = sqrt(X2 / (n (min(r', c') - 1))).
 * - Expected counts: the smallest, how many cells are below 5, a flag when any
 *   is below 5 (R warns then) and whether Cochran's rule holds (no E < 1 and
 *   at most 20% of cells with E < 5).
 * With fewer than two non-empty rows or columns (one specialty, one stance)
 * there is nothing to compare: X2, p-values, V and min_expected are NaN, df
 * and the cell counts are 0 and both flags false.
 */
#ifndef CN_CROSSTAB_H
#define CN_CROSSTAB_H

#include "cn_error.h"
#include "cn_interval.h"
#include "cn_strata.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CN_CROSSTAB_DEFAULT_SEED 1
/* Simulated tables x cells at most (seconds of work on one core). */
#define CN_CROSSTAB_MAX_WORK 2e8

typedef struct cn_crosstab_opts {
    size_t simulate;    /* Monte Carlo tables B; 0 = no Monte Carlo p-value (0) */
    unsigned long seed; /* gsl_rng (mt19937) seed (1) */
} cn_crosstab_opts;

typedef struct cn_crosstab_result {
    size_t rows, cols;           /* as given */
    size_t rows_used, cols_used; /* with a non-zero total */
    long n;                      /* grand total */
    double chi_square;           /* NaN when there is nothing to compare */
    long df;
    double p_value;       /* asymptotic */
    double p_monte_carlo; /* NaN without simulation */
    size_t simulated;     /* B */
    double cramers_v;
    double min_expected; /* over the cells used; NaN when untested */
    size_t cells;        /* rows_used x cols_used (0 when untested) */
    size_t cells_expected_below_5;
    bool small_expected;        /* some E < 5: the asymptotic p is doubtful */
    bool cochran_ok;            /* no E < 1 and at most 20% of cells below 5 */
    double cramers_v_corrected; /* Bergsma's (2013) bias correction of V; NaN when untested */
} cn_crosstab_result;

/* Pearson's X2 of an r x c table (the statistic alone; NaN when fewer than
 * two non-empty rows or columns). */
double cn_crosstab_chi_square(const long *counts, size_t rows, size_t cols);

/* A permutation p-value stratified by a third variable: n items, each with a
 * stratum (a question), a row (a specialty) and a column (a stance). The
 * columns are shuffled among the items of each stratum, B times, which keeps
 * every stratum's mix of rows and of columns, so an association that only
 * comes from strata (questions) differing in both is not counted; p = (1 +
 * #{X2_perm >= X2_obs}) / (B + 1) on the pooled table. A shuffle is drawn as
 * what it does to the counts: each stratum's rows x cols table at random
 * with its own margins (Patefield, as cn_crosstab_r2dtable), the same
 * distribution at a cost per stratum's cells, not per item. NaN with nothing
 * to compare or no permutations. Seeded. CN_ERR_USAGE for an index out of
 * range or more than UINT_MAX items; CN_ERR_NOMEM. */
int cn_crosstab_stratified_p(const uint32_t *stratum, const uint32_t *row, const uint32_t *col,
                             size_t n, size_t rows, size_t cols, size_t permutations,
                             unsigned long seed, double *p, cn_error *err);

/* The same test of items given as cells stratum by stratum (cn_strata_cells:
 * what the analysis keeps, 4 bytes an item); the same p, bit for bit, as
 * cn_crosstab_stratified_p on the same items. CN_ERR_USAGE for a cell not
 * below rows * cols (item x + 1 in the cells' order) or more than UINT_MAX
 * items; CN_ERR_NOMEM. */
int cn_crosstab_stratified_cells_p(const cn_strata_cells *sc, size_t rows, size_t cols,
                                   size_t permutations, unsigned long seed, double *p,
                                   cn_error *err);

/* R's r2dtable(tables, row_totals, col_totals): `tables` random rows x cols
 * tables with these margins, under independence (the multivariate
 * hypergeometric distribution of tables given both margins), by Patefield's
 * algorithm (AS 159: cell by cell, each a conditional hypergeometric draw by
 * inversion from its mean with one uniform), seeded: the same seed gives the
 * same tables, and the same tables as a Monte Carlo p-value with that seed
 * (after its empty rows and columns are left out). out holds tables x rows x
 * cols counts, one row-major table after another. CN_ERR_USAGE for a
 * negative total, totals whose sums differ or exceed UINT_MAX, no rows or
 * columns; CN_ERR_NOMEM. */
int cn_crosstab_r2dtable(size_t tables, const long *row_totals, size_t rows, const long *col_totals,
                         size_t cols, unsigned long seed, long *out, cn_error *err);

void cn_crosstab_opts_init(cn_crosstab_opts *opts);

/* Test the table (counts[r * cols + c], non-negative). opts may be NULL.
 * Returns CN_OK, CN_ERR_USAGE for negative counts or a total above UINT_MAX,
 * CN_ERR_NOMEM. */
int cn_crosstab_compute(const cn_crosstab_opts *opts, const long *counts, size_t rows, size_t cols,
                        cn_crosstab_result *out, cn_error *err);

/* Cell (r, c) as a proportion of its row total, with both intervals at
 * `level` (an empty row gives NaN and [0, 1]). */
int cn_crosstab_row_proportion(const long *counts, size_t rows, size_t cols, size_t r, size_t c,
                               double level, cn_proportion *out, cn_error *err);

#endif
