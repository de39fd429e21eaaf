/*
 * cn_consensus_pool: one stored copy of each distinct cn_consensus_result.
 *
 * An analysis keeps the consensus figures of every question and every claim
 * until its reports are written, ~450 bytes each, while most of them are
 * equal: the figures depend on the stance counts (and the relabeling's
 * inputs), and questions share their counts with many others. The pool
 * hands out a pointer to one copy per distinct result, so a tally holds 8
 * bytes instead. Entries live as long as the pool and never move.
 * Thread-safe: the tally workers of cn_parallel put into one pool.
 */
#ifndef CN_CONSENSUS_POOL_H
#define CN_CONSENSUS_POOL_H

#include "cn_consensus.h"
#include "cn_error.h"

#include <stddef.h>

typedef struct cn_consensus_pool cn_consensus_pool;

/* An empty pool. CN_ERR_NOMEM. */
int cn_consensus_pool_new(cn_consensus_pool **out, cn_error *err);
void cn_consensus_pool_free(cn_consensus_pool *pool);

/* The pool's copy of r (added when no equal result is in it yet): every
 * field equal, doubles bit for bit. CN_OK or CN_ERR_NOMEM. */
int cn_consensus_pool_put(cn_consensus_pool *pool, const cn_consensus_result *r,
                          const cn_consensus_result **out, cn_error *err);

/* Distinct results held. */
size_t cn_consensus_pool_count(const cn_consensus_pool *pool);

#endif
