/*
 * cn_strata: items grouped by stratum (a question, for the tests within
 * questions), by a counting sort: the items of stratum s are
 * order[start[s] .. start[s + 1]). Shared by the permutation test
 * (cn_crosstab) and the Cochran-Mantel-Haenszel test (cn_cmh).
 */
#ifndef CN_STRATA_H
#define CN_STRATA_H

#include <stddef.h>

/* stratum[i] < nstrata for i < n. On success *order (n entries) and *start
 * (nstrata + 2 entries) are malloc'd for the caller to free; CN_OK or
 * CN_ERR_NOMEM (the caller frees whichever of the two is not NULL). */
int cn_strata_group(const size_t *stratum, size_t n, size_t nstrata, size_t **order,
                    size_t **start);

#endif
