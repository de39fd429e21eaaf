/* cn_termindex: word-term hash -> vocabulary index (a flat key table). */
#include "cn_termindex.h"

#include <stdbool.h>
#include <stdlib.h>

/* A key and its index side by side: a hit (most unigrams are in the
 * vocabulary) then costs one cache line, not two. */
struct slot {
    uint64_t key; /* 0 marks an empty slot */
    uint32_t index;
};

struct cn_termindex {
    struct slot *slots; /* 1 << log2 */
    unsigned log2;      /* 0: no table yet */
    size_t n;
    long zero; /* the index of hash 0, which cannot stand in a slot (-1: none) */
};

cn_termindex *cn_termindex_new(void)
{
    cn_termindex *ix = calloc(1, sizeof *ix);
    if (ix)
        ix->zero = -1;
    return ix;
}

void cn_termindex_free(cn_termindex *ix)
{
    if (!ix)
        return;
    free(ix->slots);
    free(ix);
}

/* Multiply-shift keeps the high bits of the product. */
static size_t home_slot(uint64_t hash, unsigned log2)
{
    return (size_t)((hash * 0xC2B2AE3D27D4EB4FULL) >> (64 - log2));
}

static void slot_put(struct slot *slots, unsigned log2, uint64_t hash, uint32_t v)
{
    size_t mask = ((size_t)1 << log2) - 1;
    size_t i = home_slot(hash, log2);
    while (slots[i].key)
        i = (i + 1) & mask;
    slots[i] = (struct slot){hash, v};
}

/* Size the table for n terms (at most half full: short probes, and a term
 * that is not there ends at an empty slot soon), moving the terms when it
 * grows. False when memory runs out (ix unchanged). */
static bool fit(cn_termindex *ix, size_t n)
{
    unsigned log2 = ix->log2 ? ix->log2 : 8;
    while (((size_t)1 << log2) < 2 * n)
        log2++;
    if (log2 == ix->log2)
        return true;
    size_t cap = (size_t)1 << log2;
    struct slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    size_t old = ix->log2 ? (size_t)1 << ix->log2 : 0;
    for (size_t i = 0; i < old; i++)
        if (ix->slots[i].key)
            slot_put(slots, log2, ix->slots[i].key, ix->slots[i].index);
    free(ix->slots);
    ix->slots = slots;
    ix->log2 = log2;
    return true;
}

int cn_termindex_add(cn_termindex *ix, uint64_t hash, uint32_t index)
{
    if (index == UINT32_MAX || !fit(ix, ix->n + 1))
        return -1;
    if (hash)
        slot_put(ix->slots, ix->log2, hash, index);
    else
        ix->zero = index;
    ix->n++;
    return 0;
}

long cn_termindex_get(const cn_termindex *ix, uint64_t hash)
{
    if (!ix->log2)
        return -1;
    if (!hash)
        return ix->zero;
    /* No bit filter in front: most terms asked for are in the table (84% of
     * an answer's unigrams and bigrams on the benchmark's pages, 77% on the
     * real ones), and for those a filter was a second cache line and a test
     * that decided nothing; a term that is not there ends at the first empty
     * slot (the table is at most half full). */
    size_t mask = ((size_t)1 << ix->log2) - 1;
    for (size_t i = home_slot(hash, ix->log2); ix->slots[i].key; i = (i + 1) & mask)
        if (ix->slots[i].key == hash)
            return ix->slots[i].index;
    return -1;
}
