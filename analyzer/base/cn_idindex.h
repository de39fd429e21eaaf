/*
 * cn_idindex: strings -> positions in the caller's array, for arrays whose
 * elements carry their own id (answer ids, question ids). The index keeps
 * only the positions (4 bytes a slot, at most 3/4 full) and reads an id back
 * through the caller's function, so it holds no copy of any string: a map of
 * copied keys costs ~80 bytes an entry, this one 5 to 11.
 */
#ifndef CN_IDINDEX_H
#define CN_IDINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cn_idindex cn_idindex;

/* The id of the element at position i (the array may have moved since the
 * position was added: it is read through ctx each time). */
typedef const char *(*cn_idindex_key)(const void *ctx, uint32_t i);

/* NULL when memory runs out. */
cn_idindex *cn_idindex_new(void);
void cn_idindex_free(cn_idindex *x);

/* The position added under id, or -1. */
int64_t cn_idindex_find(const cn_idindex *x, const char *id, cn_idindex_key key, const void *ctx);

/* Add position i (< UINT32_MAX) under id, which must not be there yet
 * (cn_idindex_find). 0, or -1 when memory runs out. */
int cn_idindex_add(cn_idindex *x, const char *id, uint32_t i, cn_idindex_key key, const void *ctx);

size_t cn_idindex_count(const cn_idindex *x);

/* The same index keyed by anything the elements carry (several fields, say),
 * so no key string is ever made or kept: the caller hashes an element
 * (hash_of, also used to move positions when the index grows) and tells
 * whether the element at position i is the one sought (same, given what
 * the caller passed as probe). An index is used with one kind of key only. */
typedef uint64_t (*cn_idindex_hash)(const void *ctx, uint32_t i);
typedef bool (*cn_idindex_same)(const void *ctx, uint32_t i, const void *probe);

/* The position whose element is the same as probe (hash: probe's), or -1. */
int64_t cn_idindex_find_hashed(const cn_idindex *x, uint64_t hash, cn_idindex_same same,
                               const void *ctx, const void *probe);

/* Add position i (< UINT32_MAX) whose element hashes to hash and is not
 * there yet. 0, or -1 when memory runs out. */
int cn_idindex_add_hashed(cn_idindex *x, uint64_t hash, uint32_t i, cn_idindex_hash hash_of,
                          const void *ctx);

#endif
