/* cn_strata: group items by stratum with one counting sort. */
#include "cn_strata.h"

#include "cn_error.h"

#include <stdlib.h>

int cn_strata_group(const uint32_t *stratum, size_t n, size_t nstrata, uint32_t **order,
                    size_t **start)
{
    *order = NULL;
    *start = NULL;
    if (n > UINT32_MAX)
        return CN_ERR_USAGE;
    *start = calloc(nstrata + 2, sizeof **start);
    *order = malloc((n ? n : 1) * sizeof **order);
    if (!*start || !*order)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        (*start)[stratum[i] + 2]++;
    for (size_t s = 2; s < nstrata + 2; s++)
        (*start)[s] += (*start)[s - 1];
    for (size_t i = 0; i < n; i++)
        (*order)[(*start)[stratum[i] + 1]++] = (uint32_t)i;
    return CN_OK;
}

int cn_strata_cells_of(const uint32_t *stratum, const uint32_t *row, const uint32_t *col, size_t n,
                       size_t cols, uint32_t **cell, size_t **start, cn_strata_cells *out)
{
    size_t nstrata = 0;
    for (size_t i = 0; i < n; i++)
        if (stratum[i] + (size_t)1 > nstrata)
            nstrata = stratum[i] + (size_t)1;
    int rc = cn_strata_group(stratum, n, nstrata, cell, start);
    if (rc != CN_OK)
        return rc;
    for (size_t x = 0; x < n; x++) { /* the order's entries become the cells, in place */
        uint32_t i = (*cell)[x];
        (*cell)[x] = (uint32_t)(row[i] * cols + col[i]);
    }
    *out = (cn_strata_cells){.cell = *cell, .start = *start, .nstrata = nstrata};
    return CN_OK;
}
