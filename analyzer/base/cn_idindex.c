/* cn_idindex: an open-addressing index of positions, keyed by the ids the
 * caller's elements carry. */
#include "cn_idindex.h"

#include "cn_hash.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY UINT32_MAX
#define FIRST_SLOTS 1024

struct cn_idindex {
    uint32_t *slot; /* positions, EMPTY when free */
    size_t mask;    /* slots - 1, slots a power of two */
    size_t used;
};

static uint32_t *slots_new(size_t n)
{
    uint32_t *s = malloc(n * sizeof *s);
    for (size_t i = 0; s && i < n; i++)
        s[i] = EMPTY;
    return s;
}

cn_idindex *cn_idindex_new(void)
{
    cn_idindex *x = calloc(1, sizeof *x);
    if (x && !(x->slot = slots_new(FIRST_SLOTS))) {
        free(x);
        return NULL;
    }
    if (x)
        x->mask = FIRST_SLOTS - 1;
    return x;
}

void cn_idindex_free(cn_idindex *x)
{
    if (!x)
        return;
    free(x->slot);
    free(x);
}

size_t cn_idindex_count(const cn_idindex *x)
{
    return x->used;
}

static size_t home(const char *id, size_t mask)
{
    return (size_t)cn_hash_bytes(id, strlen(id)) & mask;
}

/* The slot holding id, or the free slot where it belongs. */
static size_t find_slot(const cn_idindex *x, const char *id, cn_idindex_key key, const void *ctx)
{
    size_t s = home(id, x->mask);
    while (x->slot[s] != EMPTY && strcmp(key(ctx, x->slot[s]), id) != 0)
        s = (s + 1) & x->mask;
    return s;
}

int64_t cn_idindex_find(const cn_idindex *x, const char *id, cn_idindex_key key, const void *ctx)
{
    uint32_t v = x->slot[find_slot(x, id, key, ctx)];
    return v == EMPTY ? -1 : (int64_t)v;
}

/* Twice the slots, each position placed by its element's hash. */
static int grow_by(cn_idindex *x, uint64_t (*hash_of)(const void *how, uint32_t v), const void *how)
{
    size_t n = (x->mask + 1) * 2;
    uint32_t *s = slots_new(n);
    if (!s)
        return -1;
    for (size_t i = 0; i <= x->mask; i++) {
        if (x->slot[i] == EMPTY)
            continue;
        size_t j = (size_t)hash_of(how, x->slot[i]) & (n - 1);
        while (s[j] != EMPTY)
            j = (j + 1) & (n - 1);
        s[j] = x->slot[i];
    }
    free(x->slot);
    x->slot = s;
    x->mask = n - 1;
    return 0;
}

/* What grow_by needs to hash an element by its id or by the caller's hash. */
typedef struct {
    cn_idindex_key key;
    cn_idindex_hash hash;
    const void *ctx;
} element_hasher;

static uint64_t hash_of_id(const void *how, uint32_t v)
{
    const element_hasher *h = how;
    const char *id = h->key(h->ctx, v);
    return cn_hash_str(id);
}

static uint64_t hash_of_element(const void *how, uint32_t v)
{
    const element_hasher *h = how;
    return h->hash(h->ctx, v);
}

int cn_idindex_add(cn_idindex *x, const char *id, uint32_t i, cn_idindex_key key, const void *ctx)
{
    if (i == EMPTY)
        return -1;
    element_hasher h = {.key = key, .ctx = ctx};
    if ((x->used + 1) * 4 > (x->mask + 1) * 3 && grow_by(x, hash_of_id, &h) != 0)
        return -1;
    x->slot[find_slot(x, id, key, ctx)] = i;
    x->used++;
    return 0;
}

int64_t cn_idindex_find_hashed(const cn_idindex *x, uint64_t hash, cn_idindex_same same,
                               const void *ctx, const void *probe)
{
    size_t s = (size_t)hash & x->mask;
    while (x->slot[s] != EMPTY && !same(ctx, x->slot[s], probe))
        s = (s + 1) & x->mask;
    return x->slot[s] == EMPTY ? -1 : (int64_t)x->slot[s];
}

int cn_idindex_add_hashed(cn_idindex *x, uint64_t hash, uint32_t i, cn_idindex_hash hash_of,
                          const void *ctx)
{
    if (i == EMPTY)
        return -1;
    element_hasher h = {.hash = hash_of, .ctx = ctx};
    if ((x->used + 1) * 4 > (x->mask + 1) * 3 && grow_by(x, hash_of_element, &h) != 0)
        return -1;
    size_t s = (size_t)hash & x->mask;
    while (x->slot[s] != EMPTY)
        s = (s + 1) & x->mask;
    x->slot[s] = i;
    x->used++;
    return 0;
}
