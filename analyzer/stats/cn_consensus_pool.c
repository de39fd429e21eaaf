/* cn_consensus_pool: one stored copy of each distinct consensus result, on disk, by number. */
#include "cn_consensus_pool.h"
#include "cn_fdio.h"

#include "cn_scratch.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ENTRY_BYTES sizeof(cn_consensus_result)

struct cn_consensus_pool {
    pthread_mutex_t lock;
    char *dir;         /* where the file goes (NULL: cn_scratch_dir's default) */
    FILE *file;        /* the entries, ENTRY_BYTES each in number order; NULL before the first */
    uint64_t *hashes;  /* hash_of each entry, by number */
    size_t cap_hashes; /* room in hashes */
    size_t count;      /* entries stored */
    uint32_t *slots;   /* open addressing, a power of two: entry number + 1, 0 empty */
    size_t n_slots;
    int read_rc; /* the first failed read (cn_consensus_pool_status) */
    cn_error read_err;
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

int cn_consensus_pool_new(const char *dir, cn_consensus_pool **out, cn_error *err)
{
    cn_consensus_pool *p = calloc(1, sizeof *p);
    bool locked = false;
    if (p) {
        p->n_slots = 64;
        p->slots = calloc(p->n_slots, sizeof *p->slots);
        p->dir = dir ? strdup(dir) : NULL;
        locked = pthread_mutex_init(&p->lock, NULL) == 0;
    }
    if (!p || !p->slots || (dir && !p->dir) || !locked) {
        if (p) {
            if (locked)
                pthread_mutex_destroy(&p->lock);
            free(p->slots);
            free(p->dir);
        }
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
    if (pool->file)
        fclose(pool->file);
    free(pool->hashes);
    free(pool->slots);
    free(pool->dir);
    pthread_mutex_destroy(&pool->lock);
    free(pool);
}

size_t cn_consensus_pool_count(const cn_consensus_pool *pool)
{
    return pool ? pool->count : 0;
}

/* Entry e's bytes into *out (the file holds count entries). */
static int read_entry(const cn_consensus_pool *p, uint32_t e, cn_consensus_result *out,
                      cn_error *err)
{
    ssize_t got = cn_fdio_pread(fileno(p->file), out, ENTRY_BYTES, (off_t)e * (off_t)ENTRY_BYTES);
    if (got != (ssize_t)ENTRY_BYTES)
        return cn_error_set(err, CN_ERR_IO,
                            "consensus pool: cannot read its temporary file in %s: %s",
                            cn_scratch_dir(p->dir), got < 0 ? strerror(errno) : "it ends early");
    return CN_OK;
}

/* *c as entry e, at its place in the file (made if there is none yet). */
static int write_entry(cn_consensus_pool *p, size_t e, const cn_consensus_result *c, cn_error *err)
{
    if (!p->file) {
        int rc = cn_scratch_open(p->dir, "consensus-pool", &p->file, err);
        if (rc != CN_OK)
            return rc;
    }
    ssize_t put = cn_fdio_pwrite(fileno(p->file), c, ENTRY_BYTES, (off_t)e * (off_t)ENTRY_BYTES);
    if (put != (ssize_t)ENTRY_BYTES)
        return cn_error_set(err, CN_ERR_IO,
                            "consensus pool: cannot write its temporary file in %s: %s",
                            cn_scratch_dir(p->dir), put < 0 ? strerror(errno) : "no room");
    return CN_OK;
}

/* The slot holding c (hash h), or the empty slot where it belongs; an entry
 * with the same hash is read back and compared (*found). */
static int find_slot(const cn_consensus_pool *p, const cn_consensus_result *c, uint64_t h,
                     size_t *slot, bool *found, cn_error *err)
{
    size_t mask = p->n_slots - 1, s = (size_t)h & mask;
    *found = false;
    for (; p->slots[s]; s = (s + 1) & mask) {
        uint32_t e = p->slots[s] - 1;
        if (p->hashes[e] != h)
            continue;
        cn_consensus_result stored;
        int rc = read_entry(p, e, &stored, err);
        if (rc != CN_OK)
            return rc;
        if (memcmp(&stored, c, sizeof stored) == 0) {
            *found = true;
            break;
        }
    }
    *slot = s;
    return CN_OK;
}

/* Twice the slots, entries placed again by their hashes (no reads: the
 * entries are distinct). */
static int grow_slots(cn_consensus_pool *p)
{
    size_t n = p->n_slots * 2;
    uint32_t *old = p->slots, *slots = calloc(n, sizeof *slots);
    if (!slots)
        return CN_ERR_NOMEM;
    size_t old_n = p->n_slots;
    for (size_t i = 0; i < old_n; i++)
        if (old[i]) {
            size_t s = (size_t)p->hashes[old[i] - 1] & (n - 1);
            while (slots[s])
                s = (s + 1) & (n - 1);
            slots[s] = old[i];
        }
    p->slots = slots;
    p->n_slots = n;
    free(old);
    return CN_OK;
}

static int put_locked(cn_consensus_pool *p, const cn_consensus_result *c, uint32_t *out,
                      cn_error *err)
{
    if ((p->count + 1) * 2 > p->n_slots && grow_slots(p) != CN_OK)
        return cn_error_set(err, CN_ERR_NOMEM, "consensus pool: out of memory");
    uint64_t h = hash_of(c);
    size_t s;
    bool found;
    int rc = find_slot(p, c, h, &s, &found, err);
    if (rc != CN_OK)
        return rc;
    if (!found) {
        if (p->count >= UINT32_MAX - 1)
            return cn_error_set(err, CN_ERR_NOMEM, "consensus pool: more than %u results",
                                UINT32_MAX - 1);
        if (p->count == p->cap_hashes) {
            size_t cap = p->cap_hashes ? 2 * p->cap_hashes : 256;
            uint64_t *hashes = realloc(p->hashes, cap * sizeof *hashes);
            if (!hashes)
                return cn_error_set(err, CN_ERR_NOMEM, "consensus pool: out of memory");
            p->hashes = hashes;
            p->cap_hashes = cap;
        }
        rc = write_entry(p, p->count, c, err); /* padding too: memcmp reads every byte */
        if (rc != CN_OK)
            return rc;
        p->hashes[p->count] = h;
        p->slots[s] = (uint32_t)(p->count + 1);
        p->count++;
    }
    *out = p->slots[s] - 1;
    return CN_OK;
}

int cn_consensus_pool_put(cn_consensus_pool *pool, const cn_consensus_result *r, uint32_t *entry,
                          cn_error *err)
{
    cn_consensus_result c;
    canonical(r, &c);
    pthread_mutex_lock(&pool->lock);
    int rc = put_locked(pool, &c, entry, err);
    pthread_mutex_unlock(&pool->lock);
    return rc;
}

int cn_consensus_pool_get(cn_consensus_pool *pool, uint32_t entry, cn_consensus_result *out,
                          cn_error *err)
{
    /* The entry was written before its number was handed out; the count and
     * the file are read under the lock, the entry itself (pread) outside it. */
    pthread_mutex_lock(&pool->lock);
    size_t count = pool->count;
    pthread_mutex_unlock(&pool->lock);
    if (entry >= count)
        return cn_error_set(err, CN_ERR_USAGE, "consensus pool: no entry %u", (unsigned)entry);
    cn_error e;
    int rc = read_entry(pool, entry, out, &e);
    if (rc != CN_OK) {
        pthread_mutex_lock(&pool->lock);
        if (pool->read_rc == CN_OK) {
            pool->read_rc = rc;
            pool->read_err = e;
        }
        pthread_mutex_unlock(&pool->lock);
        if (err)
            *err = e;
    }
    return rc;
}

int cn_consensus_pool_status(cn_consensus_pool *pool, cn_error *err)
{
    pthread_mutex_lock(&pool->lock);
    int rc = pool->read_rc;
    if (rc != CN_OK && err)
        *err = pool->read_err;
    pthread_mutex_unlock(&pool->lock);
    return rc;
}
