/*
 * cn_sort: the sorts this code base uses. Where equal items may meet, a
 * stable merge sort, so equal items keep their order on every C library
 * (qsort promises no order for ties, and glibc's changed with its version),
 * and reports stay byte-identical from machine to machine. Where an array is
 * too large to copy (the review queue of a large corpus), a heap sort in
 * place under a total order.
 */
#ifndef CN_SORT_H
#define CN_SORT_H

#include <stdbool.h>
#include <stddef.h>

/* Sort n items of size bytes at base by cmp, equal items in their order
 * before. Never fails: when the merge buffer cannot be allocated it sorts in
 * place by insertion (same order, quadratic time). */
void cn_sort_stable(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Sort n items of size bytes at base in place by cmp(a, b, ctx): a heap
 * sort, with no buffer. Not stable, so cmp must be a total order (no two
 * items equal) for the result to be the same everywhere. */
void cn_sort_heap(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
                  void *ctx);

/* Put the n ids in the order of texts[id] (strcmp; equal texts keep their
 * order): how the fitters write their vocabularies and labels by name.
 * Returns false, ids untouched, when out of memory. */
bool cn_sort_by_text(size_t *ids, size_t n, char *const *texts);

#endif
