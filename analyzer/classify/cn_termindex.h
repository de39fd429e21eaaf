/*
 * cn_termindex: the decision model's word vocabulary as hash -> index, for
 * the lookup of every unigram and bigram of every answer (cn_lexical hashes
 * them; cn_model asks here). One flat open-addressing table with the 64-bit
 * hash and the index in the slot (no pointer to follow, no string to
 * compare).
 */
#ifndef CN_TERMINDEX_H
#define CN_TERMINDEX_H

#include <stdint.h>

typedef struct cn_termindex cn_termindex;

/* NULL when memory runs out. */
cn_termindex *cn_termindex_new(void);
void cn_termindex_free(cn_termindex *ix);

/* Map hash to index (below UINT32_MAX); hash must not be in ix yet. -1 when
 * memory runs out (ix unchanged). */
int cn_termindex_add(cn_termindex *ix, uint64_t hash, uint32_t index);

/* The index of hash, or -1. */
long cn_termindex_get(const cn_termindex *ix, uint64_t hash);

#endif
