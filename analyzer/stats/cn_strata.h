/*
 * cn_strata: items grouped by stratum (a question, for the tests within
 * questions), by a counting sort: the items of stratum s are
 * order[start[s] .. start[s + 1]) (items numbered in 32 bits). Shared by the permutation test
 * (cn_crosstab) and the Cochran-Mantel-Haenszel test (cn_cmh).
 */
#ifndef CN_STRATA_H
#define CN_STRATA_H

#include <stddef.h>
#include <stdint.h>

/* stratum[i] < nstrata for i < n. On success *order (n entries) and *start
 * (nstrata + 2 entries) are malloc'd for the caller to free; CN_OK,
 * CN_ERR_USAGE (more than UINT32_MAX items) or CN_ERR_NOMEM (the caller frees whichever of the two
 * is not NULL). */
int cn_strata_group(const uint32_t *stratum, size_t n, size_t nstrata, uint32_t **order,
                    size_t **start);

#endif
