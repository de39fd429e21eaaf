/*
 * cn_consensus_pool: one stored copy of each distinct cn_consensus_result,
 * kept on disk.
 *
 * An analysis keeps the consensus figures of every question and every claim
 * until its reports are written, 448 bytes each, while most of them are
 * equal: the figures depend on the stance counts (and the relabeling's
 * inputs), and questions share their counts with many others. The pool
 * numbers each distinct result once, so a tally holds its number; the
 * results themselves wait in an unlinked scratch file (cn_scratch, made at
 * the first put) and are read back, one pread each, when a report asks
 * (20,158 distinct results at 1 GB: 9 MB that are not resident). In memory
 * stay a 64-bit hash per entry and the index that finds equal results.
 * Thread-safe: the tally workers of cn_parallel put into one pool, and any
 * thread may read an entry it was given.
 */
#ifndef CN_CONSENSUS_POOL_H
#define CN_CONSENSUS_POOL_H

#include "cn_consensus.h"
#include "cn_error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct cn_consensus_pool cn_consensus_pool;

/* An empty pool whose file will be made in cn_scratch_dir(dir) (dir is
 * copied; NULL: $TMPDIR, else /tmp). CN_ERR_NOMEM. */
int cn_consensus_pool_new(const char *dir, cn_consensus_pool **out, cn_error *err);
void cn_consensus_pool_free(cn_consensus_pool *pool);

/* The number of the pool's copy of r (added when no equal result is in it
 * yet): every field equal, doubles bit for bit. CN_OK, CN_ERR_NOMEM, or
 * CN_ERR_IO when the scratch file cannot be made, written or read. */
int cn_consensus_pool_put(cn_consensus_pool *pool, const cn_consensus_result *r, uint32_t *entry,
                          cn_error *err);

/* Entry number `entry` into *out (its fields as put; padding zero). CN_OK,
 * CN_ERR_USAGE for a number not handed out, CN_ERR_IO when the file cannot
 * be read (also kept for cn_consensus_pool_status). */
int cn_consensus_pool_get(cn_consensus_pool *pool, uint32_t entry, cn_consensus_result *out,
                          cn_error *err);

/* CN_OK, or the first failed cn_consensus_pool_get's error (into *err). */
int cn_consensus_pool_status(cn_consensus_pool *pool, cn_error *err);

/* Distinct results held. */
size_t cn_consensus_pool_count(const cn_consensus_pool *pool);

#endif
