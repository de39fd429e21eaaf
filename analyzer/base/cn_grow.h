/*
 * cn_grow: the one way this code base grows an array: doubling, so n
 * appends cost O(n) copies in all.
 */
#ifndef CN_GROW_H
#define CN_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Make *arr (of elem-byte items, *cap of them allocated) hold at least need
 * items: doubles *cap (from 16) until it does, reallocating *arr. False when
 * memory runs out or the size overflows; *arr and *cap are then unchanged. */
bool cn_grow(void **arr, size_t *cap, size_t need, size_t elem);

#endif
