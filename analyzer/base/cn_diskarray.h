/*
 * cn_diskarray: arrays of fixed-size elements that live in unlinked scratch
 * files (cn_scratch) instead of memory, read and written a block at a time
 * with pread/pwrite through one bounded cache of blocks (cn_blockcache) that
 * several arrays share. For indexes too large for their memory budget (the
 * reader's de-duplication index past dedup_memory_mib): what is resident is
 * the cache, whatever the arrays' sizes. Not mmap: mapped file pages would
 * count in the resident set.
 *
 * The cache is direct-mapped (block b of an array goes to one frame), dirty
 * blocks are written back when their frame is taken or the array is synced.
 * An element never straddles two blocks. Elements never written read as
 * zero bytes (the file is extended by the blocks written, holes read as
 * zeros). A read or write that fails (disk full, a file size limit, an
 * unreadable file) is a CN_ERR_IO naming the scratch folder; the array is
 * then unusable and must be freed.
 */
#ifndef CN_DISKARRAY_H
#define CN_DISKARRAY_H

#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of a block: a page, so a read or write is one page of the kernel's
 * page cache. */
#define CN_DISKARRAY_BLOCK 4096

typedef struct cn_blockcache cn_blockcache;
typedef struct cn_diskarray cn_diskarray;

/* A cache of about bytes (at least 16 blocks). CN_ERR_NOMEM. */
int cn_blockcache_new(size_t bytes, cn_blockcache **out, cn_error *err);

/* Free the cache; every array using it must be freed first. NULL is fine. */
void cn_blockcache_free(cn_blockcache *cache);

/* Bytes the cache holds (its blocks and their bookkeeping). */
size_t cn_blockcache_bytes(const cn_blockcache *cache);

/* A new array of elem_size-byte elements (1 to CN_DISKARRAY_BLOCK), all zero,
 * in a scratch file in cn_scratch_dir(dir), cached by cache (borrowed).
 * CN_ERR_IO when the file cannot be made, CN_ERR_NOMEM. */
int cn_diskarray_new(cn_blockcache *cache, const char *dir, size_t elem_size, cn_diskarray **out,
                     cn_error *err);

/* Close (so remove) the file; its cached blocks are dropped unwritten. NULL
 * is fine. */
void cn_diskarray_free(cn_diskarray *a);

/* Element i, in the cache: valid until the next call on any array of the same
 * cache. write: the caller will change it (the block is written back later).
 * NULL on a failed read or write-back (err says why). */
void *cn_diskarray_at(cn_diskarray *a, uint64_t i, bool write, cn_error *err);

#endif
