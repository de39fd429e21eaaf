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
