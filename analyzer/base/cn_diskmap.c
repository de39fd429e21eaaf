/* cn_diskmap: a (tag, 64-bit key) -> 32-bit value hash map on disk, its
 * writes buffered and applied in slot order. */
#include "cn_diskmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_SLOTS 1024
#define MIN_PENDING 256

/* A slot (and a waiting write): the key, tag + 1 (0: empty) and the value. */
typedef struct slot {
    uint64_t key;
    uint32_t tag1;
    uint32_t val;
} slot;

struct cn_diskmap {
    cn_blockcache *cache;
    const char *dir;
    cn_diskarray *arr;
    uint64_t slots, used; /* used: keys in the file */
    /* Writes waiting, in the order made, found through an open-addressing
     * index of (position + 1), 0 empty; at most one a key. */
    slot *pend;
    size_t n_pend, max_pend;
    uint32_t *pidx;
    size_t pidx_slots; /* a power of two, at least twice max_pend */
    uint64_t *filter;  /* NULL: none */
    uint64_t filter_bits;
};

/* The key's top 32 bits, mixed with the tag: where in a table it belongs. */
static uint64_t key_top(uint32_t tag, uint64_t key)
{
    return (key ^ (uint64_t)tag * 0x9E3779B97F4A7C15ULL) >> 32;
}

static uint64_t home_slot(uint64_t slots, uint32_t tag, uint64_t key)
{
    return key_top(tag, key) * slots >> 32;
}

/* ---- the filter -------------------------------------------------------- */

/* The key's two bits, from bits of it the home slot does not use. */
static void filter_bits(const cn_diskmap *m, uint32_t tag, uint64_t key, uint64_t b[2])
{
    uint64_t h = (key ^ (uint64_t)tag * 0xC2B2AE3D27D4EB4FULL) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 29;
    b[0] = (h & 0xFFFFFFFFu) * m->filter_bits >> 32;
    b[1] = (h >> 32) * m->filter_bits >> 32;
}

static void filter_add(cn_diskmap *m, uint32_t tag, uint64_t key)
{
    if (!m->filter)
        return;
    uint64_t b[2];
    filter_bits(m, tag, key, b);
    for (int i = 0; i < 2; i++)
        m->filter[b[i] / 64] |= (uint64_t)1 << (b[i] % 64);
}

/* false: (tag, key) is surely not in the map. */
static bool filter_may_hold(const cn_diskmap *m, uint32_t tag, uint64_t key)
{
    if (!m->filter)
        return true;
    uint64_t b[2];
    filter_bits(m, tag, key, b);
    return (m->filter[b[0] / 64] >> (b[0] % 64) & 1) && (m->filter[b[1] / 64] >> (b[1] % 64) & 1);
}

/* ---- slots --------------------------------------------------------------- */

/* The slot of (tag, key) in arr (slots long), or the empty one where it
 * belongs; NULL on an I/O error. */
static slot *find_slot(cn_diskarray *arr, uint64_t slots, uint32_t tag, uint64_t key, bool write,
                       cn_error *err)
{
    uint64_t s = home_slot(slots, tag, key);
    for (;;) {
        slot *p = cn_diskarray_at(arr, s, false, err);
        if (!p)
            return NULL;
        if (p->tag1 == 0 || (p->tag1 == tag + 1 && p->key == key))
            /* asked again for writing only when it will be written */
            return write ? cn_diskarray_at(arr, s, true, err) : p;
        s = s + 1 < slots ? s + 1 : 0;
    }
}

int cn_diskmap_new(cn_blockcache *cache, const char *dir, uint64_t expect, size_t pending_max,
                   size_t filter_bytes, cn_diskmap **out, cn_error *err)
{
    *out = NULL;
    cn_diskmap *m = calloc(1, sizeof *m);
    if (!m)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    m->cache = cache;
    m->dir = dir;
    m->slots = FIRST_SLOTS;
    while (m->slots < expect * 2)
        m->slots *= 2;
    m->max_pend = pending_max < MIN_PENDING ? MIN_PENDING : pending_max;
    m->pidx_slots = 1;
    while (m->pidx_slots < m->max_pend * 2)
        m->pidx_slots *= 2;
    /* large blocks come as untouched pages: resident only once used */
    m->pend = malloc(m->max_pend * sizeof *m->pend);
    m->pidx = calloc(m->pidx_slots, sizeof *m->pidx);
    if (filter_bytes >= sizeof *m->filter) {
        m->filter_bits = filter_bytes / sizeof *m->filter * 64;
        m->filter = calloc(m->filter_bits / 64, sizeof *m->filter);
    }
    int rc = m->pend && m->pidx && (m->filter || !m->filter_bits)
                 ? CN_OK
                 : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK)
        rc = cn_diskarray_new(cache, dir, sizeof(slot), &m->arr, err);
    if (rc) {
        cn_diskmap_free(m);
        return rc;
    }
    *out = m;
    return CN_OK;
}

void cn_diskmap_free(cn_diskmap *m)
{
    if (!m)
        return;
    cn_diskarray_free(m->arr);
    free(m->pend);
    free(m->pidx);
    free(m->filter);
    free(m);
}

size_t cn_diskmap_bytes(const cn_diskmap *m)
{
    return sizeof *m + m->max_pend * sizeof *m->pend + m->pidx_slots * sizeof *m->pidx +
           m->filter_bits / 8;
}

/* ---- waiting writes ---------------------------------------------------- */

/* The index slot of (tag, key): holding it, or empty where it belongs. */
static size_t pend_slot(const cn_diskmap *m, uint32_t tag, uint64_t key)
{
    size_t mask = m->pidx_slots - 1;
    size_t s =
        (size_t)((key ^ (uint64_t)tag * 0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL >> 40) &
        mask;
    for (;;) {
        uint32_t i = m->pidx[s];
        if (i == 0)
            return s;
        const slot *p = &m->pend[i - 1];
        if (p->tag1 == tag + 1 && p->key == key)
            return s;
        s = (s + 1) & mask;
    }
}

static int by_home(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    uint64_t tx = key_top(x->tag1 - 1, x->key), ty = key_top(y->tag1 - 1, y->key);
    return (tx > ty) - (tx < ty);
}

/* Put one slot's key and value into the file. */
static int apply(cn_diskmap *m, const slot *w, cn_error *err)
{
    slot *p = find_slot(m->arr, m->slots, w->tag1 - 1, w->key, true, err);
    if (!p)
        return CN_ERR_IO;
    if (p->tag1 == 0)
        m->used++;
    *p = *w;
    return CN_OK;
}

/* The waiting writes to the file, in the order of their home slots: the
 * blocks are read and written back in order, each once. */
static int flush(cn_diskmap *m, cn_error *err)
{
    qsort(m->pend, m->n_pend, sizeof *m->pend, by_home);
    for (size_t i = 0; i < m->n_pend; i++)
        if (apply(m, &m->pend[i], err) != CN_OK)
            return CN_ERR_IO;
    m->n_pend = 0;
    memset(m->pidx, 0, m->pidx_slots * sizeof *m->pidx);
    return CN_OK;
}

/* ---- the map ----------------------------------------------------------- */

/* Twice the slots: the old ones read in order, each key put where it
 * belongs in a new file (no key is there twice, so no comparing). */
static int grow(cn_diskmap *m, cn_error *err)
{
    uint64_t slots = m->slots * 2;
    if (slots > UINT32_MAX)
        return cn_error_set(err, CN_ERR_NOMEM, "de-duplication index: too many keys");
    cn_diskarray *arr = NULL;
    int rc = cn_diskarray_new(m->cache, m->dir, sizeof(slot), &arr, err);
    for (uint64_t s = 0; rc == CN_OK && s < m->slots; s++) {
        slot *p = cn_diskarray_at(m->arr, s, false, err);
        if (!p) {
            rc = CN_ERR_IO;
            break;
        }
        if (p->tag1 == 0)
            continue;
        slot kept = *p; /* p is gone after the next call */
        slot *q = find_slot(arr, slots, kept.tag1 - 1, kept.key, true, err);
        if (!q)
            rc = CN_ERR_IO;
        else
            *q = kept;
    }
    if (rc) {
        cn_diskarray_free(arr);
        return rc;
    }
    cn_diskarray_free(m->arr);
    m->arr = arr;
    m->slots = slots;
    return CN_OK;
}

int cn_diskmap_flush(cn_diskmap *m, cn_error *err)
{
    return flush(m, err);
}

int cn_diskmap_find(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t *val, cn_error *err)
{
    uint32_t i = m->pidx[pend_slot(m, tag, key)];
    if (i) {
        *val = m->pend[i - 1].val;
        return CN_OK;
    }
    if (!filter_may_hold(m, tag, key)) {
        *val = CN_DISKMAP_NONE;
        return CN_OK;
    }
    slot *p = find_slot(m->arr, m->slots, tag, key, false, err);
    if (!p) {
        *val = CN_DISKMAP_NONE;
        return CN_ERR_IO;
    }
    *val = p->tag1 ? p->val : CN_DISKMAP_NONE;
    return CN_OK;
}

int cn_diskmap_set(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t val, cn_error *err)
{
    size_t s = pend_slot(m, tag, key);
    if (m->pidx[s]) {
        m->pend[m->pidx[s] - 1].val = val;
        return CN_OK;
    }
    /* every waiting write may be a new key: the file must have room for all */
    if (m->n_pend == m->max_pend || (m->used + m->n_pend + 1) * 4 > m->slots * 3) {
        int rc = flush(m, err);
        while (rc == CN_OK && (m->used + 1) * 4 > m->slots * 3)
            rc = grow(m, err);
        if (rc)
            return rc;
        s = pend_slot(m, tag, key);
    }
    filter_add(m, tag, key);
    m->pend[m->n_pend] = (slot){key, tag + 1, val};
    m->pidx[s] = (uint32_t)++m->n_pend;
    return CN_OK;
}

int cn_diskmap_put(cn_diskmap *m, uint32_t tag, uint64_t key, uint32_t val, uint32_t *prev,
                   cn_error *err)
{
    int rc = cn_diskmap_find(m, tag, key, prev, err);
    return rc ? rc : cn_diskmap_set(m, tag, key, val, err);
}
