/*
 * cn_diskmap: a hash map from a key (a 64-bit digest and a small tag) to a
 * 32-bit value, kept on disk (cn_diskarray) so that what it holds in memory
 * is the shared block cache's share and a bounded buffer of writes, however
 * many keys it has. Open addressing with linear probing over 16-byte slots
 * that hold the key itself (a probe reads one block, not a slot and then a
 * record), at most 3/4 full: it doubles by streaming its slots in order into
 * a new file (a key's home slot is its top bits scaled to the slots, so the
 * new table is written nearly in order too). Keys must be well mixed.
 *
 * Writes wait in memory (up to pending_max of them; a lookup sees them) and
 * go to disk together in the order of their slots, so a block takes all of
 * its writes at once instead of a read and a write for each: a random write
 * costs no system call of its own, a lookup the read of one block.
 *
 * A filter of the keys in memory (two bits a key in filter_bytes; keys are
 * never removed) answers most lookups of a key that is not there without a
 * read: with k keys in b bits, one in (1 - e^(-2k/b))^2 still reads.
 *
 * Every call that reads or writes may fail with CN_ERR_IO (err says why);
 * the map is then unusable and must be freed.
 */
#ifndef CN_DISKMAP_H
#define CN_DISKMAP_H

#include "cn_diskarray.h"
#include "cn_error.h"

#include <stddef.h>
#include <stdint.h>

/* The value of a key that is not in the map. */
#define CN_DISKMAP_NONE UINT32_MAX

typedef struct cn_diskmap cn_diskmap;

/* An empty map with room for about expect keys, pending_max writes waiting
 * (at least 256; 24 bytes each) and a filter of filter_bytes (0: none), its
 * file in cn_scratch_dir(dir) (dir borrowed), cached by cache (borrowed). */
int cn_diskmap_new(cn_blockcache *cache, const char *dir, uint64_t expect, size_t pending_max,
                   size_t filter_bytes, cn_diskmap **out, cn_error *err);

void cn_diskmap_free(cn_diskmap *m);

/* *val = the value of (tag, key), or CN_DISKMAP_NONE. tag < 2^32 - 1. */
int cn_diskmap_find(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t *val, cn_error *err);

/* (tag, key) -> val (not CN_DISKMAP_NONE), whatever it was. */
int cn_diskmap_set(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t val, cn_error *err);

/* (tag, key) -> val; *prev = its value before, or CN_DISKMAP_NONE. */
int cn_diskmap_put(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t val, uint32_t *prev,
                   cn_error *err);

/* Apply the waiting writes now (so fewer of them take memory). */
int cn_diskmap_flush(cn_diskmap *m, cn_error *err);

/* Bytes it holds in memory (the cache aside). */
size_t cn_diskmap_bytes(const cn_diskmap *m);

#endif
