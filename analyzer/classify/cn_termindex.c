/* cn_termindex: word-term hash -> vocabulary index (a bit filter, then a flat key table). */
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
    uint64_t *filter;     /* 1 << filter_log2 bits, one set per term */
    unsigned filter_log2; /* 0: no filter yet */
    struct slot *slots;   /* 1 << log2 */
    unsigned log2;        /* 0: no table yet */
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
    free(ix->filter);
    free(ix->slots);
    free(ix);
}

/* Multiply-shift keeps the high bits of the product; the filter and the table
 * use different multipliers so a term that passes the filter by chance is
 * not also crowded into a word's cluster of slots. */
static size_t filter_bit(uint64_t hash, unsigned log2)
{
    return (size_t)((hash * 0x9E3779B97F4A7C15ULL) >> (64 - log2));
}

static size_t home_slot(uint64_t hash, unsigned log2)
{
    return (size_t)((hash * 0xC2B2AE3D27D4EB4FULL) >> (64 - log2));
}

static void filter_set(uint64_t *filter, unsigned log2, uint64_t hash)
{
    size_t b = filter_bit(hash, log2);
    filter[b / 64] |= (uint64_t)1 << (b % 64);
}

static void slot_put(struct slot *slots, unsigned log2, uint64_t hash, uint32_t v)
{
    size_t mask = ((size_t)1 << log2) - 1;
    size_t i = home_slot(hash, log2);
    while (slots[i].key)
        i = (i + 1) & mask;
    slots[i] = (struct slot){hash, v};
}

/* Size both tables for n terms (filter: 16 bits a term, a false pass about
 * 1 time in 16; table: at most half full, short probes), moving the terms when a table
 * grows. False when memory runs out (ix unchanged). */
static bool fit(cn_termindex *ix, size_t n)
{
    unsigned flog2 = ix->filter_log2 ? ix->filter_log2 : 12;
    while (((size_t)1 << flog2) < 16 * n)
        flog2++;
    unsigned log2 = ix->log2 ? ix->log2 : 8;
    while (((size_t)1 << log2) < 2 * n)
        log2++;
    if (flog2 == ix->filter_log2 && log2 == ix->log2)
        return true;
    size_t cap = (size_t)1 << log2;
    uint64_t *filter = calloc(((size_t)1 << flog2) / 64, sizeof *filter);
    struct slot *slots = calloc(cap, sizeof *slots);
    if (!filter || !slots) {
        free(filter);
        free(slots);
        return false;
    }
    size_t old = ix->log2 ? (size_t)1 << ix->log2 : 0;
    for (size_t i = 0; i < old; i++)
        if (ix->slots[i].key) {
            filter_set(filter, flog2, ix->slots[i].key);
            slot_put(slots, log2, ix->slots[i].key, ix->slots[i].index);
        }
    if (ix->zero >= 0)
        filter_set(filter, flog2, 0);
    free(ix->filter);
    free(ix->slots);
    ix->filter = filter;
    ix->filter_log2 = flog2;
    ix->slots = slots;
    ix->log2 = log2;
    return true;
}

int cn_termindex_add(cn_termindex *ix, uint64_t hash, uint32_t index)
{
    if (index == UINT32_MAX || !fit(ix, ix->n + 1))
        return -1;
    filter_set(ix->filter, ix->filter_log2, hash);
    if (hash)
        slot_put(ix->slots, ix->log2, hash, index);
    else
        ix->zero = index;
    ix->n++;
    return 0;
}

long cn_termindex_get(const cn_termindex *ix, uint64_t hash)
{
    if (!ix->filter_log2)
        return -1;
    size_t b = filter_bit(hash, ix->filter_log2);
    if (!(ix->filter[b / 64] >> (b % 64) & 1))
        return -1;
    if (!hash)
        return ix->zero;
    size_t mask = ((size_t)1 << ix->log2) - 1;
    for (size_t i = home_slot(hash, ix->log2); ix->slots[i].key; i = (i + 1) & mask)
        if (ix->slots[i].key == hash)
            return ix->slots[i].index;
    return -1;
}
