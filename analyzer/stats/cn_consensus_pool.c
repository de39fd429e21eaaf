/* cn_consensus_pool: one stored copy of each distinct consensus result, shared by pointer. */
#include "cn_consensus_pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Entries are allocated in blocks so that a pointer handed out stays valid. */
#define POOL_BLOCK 256

struct cn_consensus_pool {
    pthread_mutex_t lock;
    cn_consensus_result **blocks;
    size_t n_blocks;
    size_t count;                      /* entries stored */
    const cn_consensus_result **slots; /* open addressing, a power of two */
    size_t n_slots;
};

/* A new field must be copied by canonical() too, or equal results with
 * different values in it would share one entry. */
_Static_assert(sizeof(cn_consensus_result) == 448,
               "cn_consensus_result changed: update canonical()");

/* r with every padding byte zero, so that equal results compare equal with memcmp. */
static void canonical(const cn_consensus_result *r, cn_consensus_result *out)
{
    memset(out, 0, sizeof *out);
    out->answers = r->answers;
    out->stance_answers = r->stance_answers;
    memcpy(out->props, r->props, sizeof out->props);
    out->majority = r->majority;
    out->tie = r->tie;
    out->share = r->share;
    out->level = r->level;
    out->ordinal = r->ordinal;
    out->entropy = r->entropy;
    memcpy(out->posterior, r->posterior, sizeof out->posterior);
    out->posterior_majority = r->posterior_majority;
    out->interval = r->interval;
    out->interval_method = r->interval_method;
    out->p_over_half = r->p_over_half;
    out->contested = r->contested;
    memcpy(out->p_reach, r->p_reach, sizeof out->p_reach);
    out->share_level = r->share_level;
    out->relabel_holds = r->relabel_holds;
    out->relabel_share_lo = r->relabel_share_lo;
    out->relabel_share_hi = r->relabel_share_hi;
    out->relabel_draws = r->relabel_draws;
    out->relabel_method = r->relabel_method;
}

/* FNV-1a over the canonical bytes. */
static uint64_t hash_of(const cn_consensus_result *c)
{
    const unsigned char *p = (const unsigned char *)c;
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < sizeof *c; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

int cn_consensus_pool_new(cn_consensus_pool **out, cn_error *err)
{
    cn_consensus_pool *p = calloc(1, sizeof *p);
    if (p) {
        p->n_slots = 64;
        p->slots = calloc(p->n_slots, sizeof *p->slots);
    }
    if (!p || !p->slots || pthread_mutex_init(&p->lock, NULL) != 0) {
        if (p)
            free(p->slots);
        free(p);
        *out = NULL;
        return cn_error_set(err, CN_ERR_NOMEM, "consensus pool: out of memory");
    }
    *out = p;
    return CN_OK;
}

void cn_consensus_pool_free(cn_consensus_pool *pool)
{
    if (!pool)
        return;
    for (size_t b = 0; b < pool->n_blocks; b++)
        free(pool->blocks[b]);
    free(pool->blocks);
    free(pool->slots);
    pthread_mutex_destroy(&pool->lock);
    free(pool);
}

size_t cn_consensus_pool_count(const cn_consensus_pool *pool)
{
    return pool ? pool->count : 0;
}

/* The slot holding c, or the empty slot where it belongs. */
static size_t find_slot(const cn_consensus_pool *p, const cn_consensus_result *c, uint64_t h)
{
    size_t mask = p->n_slots - 1, s = (size_t)h & mask;
    while (p->slots[s] && memcmp(p->slots[s], c, sizeof *c) != 0)
        s = (s + 1) & mask;
    return s;
}

/* Twice the slots, entries placed again. */
static int grow_slots(cn_consensus_pool *p)
{
    size_t n = p->n_slots * 2;
    const cn_consensus_result **old = p->slots, **slots = calloc(n, sizeof *slots);
    if (!slots)
        return CN_ERR_NOMEM;
    size_t old_n = p->n_slots;
    p->slots = slots;
    p->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i])
            p->slots[find_slot(p, old[i], hash_of(old[i]))] = old[i];
    free(old);
    return CN_OK;
}

/* Room for one more entry; its address. */
static cn_consensus_result *next_entry(cn_consensus_pool *p)
{
    if (p->count == p->n_blocks * POOL_BLOCK) {
        cn_consensus_result **blocks = realloc(p->blocks, (p->n_blocks + 1) * sizeof *blocks);
        if (!blocks)
            return NULL;
        p->blocks = blocks;
        p->blocks[p->n_blocks] = malloc(POOL_BLOCK * sizeof **blocks);
        if (!p->blocks[p->n_blocks])
            return NULL;
        p->n_blocks++;
    }
    return &p->blocks[p->count / POOL_BLOCK][p->count % POOL_BLOCK];
}

static int put_locked(cn_consensus_pool *p, const cn_consensus_result *c,
                      const cn_consensus_result **out)
{
    if ((p->count + 1) * 2 > p->n_slots && grow_slots(p) != CN_OK)
        return CN_ERR_NOMEM;
    uint64_t h = hash_of(c);
    size_t s = find_slot(p, c, h);
    if (!p->slots[s]) {
        cn_consensus_result *e = next_entry(p);
        if (!e)
            return CN_ERR_NOMEM;
        memcpy(e, c, sizeof *c); /* padding too: memcmp reads every byte */
        p->slots[s] = e;
        p->count++;
    }
    *out = p->slots[s];
    return CN_OK;
}

int cn_consensus_pool_put(cn_consensus_pool *pool, const cn_consensus_result *r,
                          const cn_consensus_result **out, cn_error *err)
{
    cn_consensus_result c;
    canonical(r, &c);
    pthread_mutex_lock(&pool->lock);
    int rc = put_locked(pool, &c, out);
    pthread_mutex_unlock(&pool->lock);
    if (rc != CN_OK)
        return cn_error_set(err, CN_ERR_NOMEM, "consensus pool: out of memory");
    return CN_OK;
}
