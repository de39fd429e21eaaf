/*
 * cn_strata: items grouped by stratum (a question, for the tests within
 * questions). Shared by the permutation test (cn_crosstab) and the
 * Cochran-Mantel-Haenszel test (cn_cmh), which both read a stratum's items
 * as its rows x cols table of counts, stratum after stratum: so the items
 * are kept as their cells (row * cols + col, 4 bytes an item), stratum by
 * stratum (cn_strata_cells), not as three arrays of stratum, row and column
 * (12 bytes an item) and an order.
 */
#ifndef CN_STRATA_H
#define CN_STRATA_H

#include <stddef.h>
#include <stdint.h>

/* Stratum s's items are cell[start[s] .. start[s + 1]) for s < nstrata
 * (start[0] = 0: start has nstrata + 1 entries), an item's cell being
 * row * cols + col; within a stratum the items' order does not matter. */
typedef struct cn_strata_cells {
    const uint32_t *cell;
    const size_t *start;
    size_t nstrata;
} cn_strata_cells;

/* The number of items. */
static inline size_t cn_strata_items(const cn_strata_cells *s)
{
    return s->start[s->nstrata];
}

/* stratum[i] < nstrata for i < n, by a counting sort: the items of stratum s
 * are order[start[s] .. start[s + 1]) (items numbered in 32 bits). On
 * success *order (n entries) and *start (nstrata + 2 entries) are malloc'd
 * for the caller to free; CN_OK, CN_ERR_USAGE (more than UINT32_MAX items)
 * or CN_ERR_NOMEM (the caller frees whichever of the two is not NULL). */
int cn_strata_group(const uint32_t *stratum, size_t n, size_t nstrata, uint32_t **order,
                    size_t **start);

/* The n items of the three arrays (row[i] < rows and col[i] < cols, checked
 * by the caller; rows * cols <= UINT32_MAX) as cells stratum by stratum, in
 * nstrata strata (the largest stratum + 1): *cell and *start malloc'd for
 * the caller to free (both, whatever the result), *out pointing at them.
 * CN_OK, CN_ERR_USAGE (more than UINT32_MAX items) or CN_ERR_NOMEM. */
int cn_strata_cells_of(const uint32_t *stratum, const uint32_t *row, const uint32_t *col, size_t n,
                       size_t cols, uint32_t **cell, size_t **start, cn_strata_cells *out);

#endif
