/* cn_hash: open-addressing hash tables (linear probing, power-of-two sizes). */
#include "cn_hash.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t n)
{
    return cn_hash_bytes(s, n);
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

struct str_slot {
    char *key;
    size_t len;
    int value;
};

struct cn_strmap {
    struct str_slot *slots;
    size_t cap, count;
};

cn_strmap *cn_strmap_new(void)
{
    cn_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

void cn_strmap_free(cn_strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

static struct str_slot *str_find_hashed(const cn_strmap *m, const char *key, size_t len,
                                        uint64_t hash)
{
    size_t mask = m->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct str_slot *s = &m->slots[i];
        if (!s->key || (s->len == len && !memcmp(s->key, key, len)))
            return s;
    }
}

static struct str_slot *str_find(const cn_strmap *m, const char *key, size_t len)
{
    return str_find_hashed(m, key, len, hash_bytes(key, len));
}

static int str_grow(cn_strmap *m)
{
    cn_strmap bigger = {.cap = m->cap * 2};
    bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
    if (!bigger.slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key)
            *str_find(&bigger, m->slots[i].key, m->slots[i].len) = m->slots[i];
    }
    free(m->slots);
    m->slots = bigger.slots;
    m->cap = bigger.cap;
    return 0;
}

int cn_strmap_put(cn_strmap *m, const char *key, int value)
{
    if ((m->count + 1) * 2 > m->cap && str_grow(m))
        return -1;
    size_t len = strlen(key);
    struct str_slot *s = str_find(m, key, len);
    if (!s->key) {
        s->key = malloc(len + 1);
        if (!s->key)
            return -1;
        memcpy(s->key, key, len + 1);
        s->len = len;
        m->count++;
    }
    s->value = value;
    return 0;
}

int cn_strmap_getn(const cn_strmap *m, const char *key, size_t len)
{
    const struct str_slot *s = str_find(m, key, len);
    return s->key ? s->value : -1;
}

int cn_strmap_getn_hashed(const cn_strmap *m, const char *key, size_t len, uint64_t hash)
{
    const struct str_slot *s = str_find_hashed(m, key, len, hash);
    return s->key ? s->value : -1;
}

int cn_strmap_get(const cn_strmap *m, const char *key)
{
    return cn_strmap_getn(m, key, strlen(key));
}

size_t cn_strmap_count(const cn_strmap *m)
{
    return m->count;
}

struct u64_slot {
    uint64_t key;
    int value;
    int used;
};

struct cn_u64map {
    struct u64_slot *slots;
    size_t cap, count;
};

cn_u64map *cn_u64map_new(void)
{
    cn_u64map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

void cn_u64map_free(cn_u64map *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m);
}

static struct u64_slot *u64_find(const cn_u64map *m, uint64_t key)
{
    size_t mask = m->cap - 1;
    for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        struct u64_slot *s = &m->slots[i];
        if (!s->used || s->key == key)
            return s;
    }
}

int cn_u64map_put(cn_u64map *m, uint64_t key, int value)
{
    if ((m->count + 1) * 2 > m->cap) {
        cn_u64map bigger = {.cap = m->cap * 2};
        bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
        if (!bigger.slots)
            return -1;
        for (size_t i = 0; i < m->cap; i++)
            if (m->slots[i].used)
                *u64_find(&bigger, m->slots[i].key) = m->slots[i];
        free(m->slots);
        m->slots = bigger.slots;
        m->cap = bigger.cap;
    }
    struct u64_slot *s = u64_find(m, key);
    if (!s->used) {
        s->used = 1;
        s->key = key;
        m->count++;
    }
    s->value = value;
    return 0;
}

int cn_u64map_get(const cn_u64map *m, uint64_t key)
{
    const struct u64_slot *s = u64_find(m, key);
    return s->used ? s->value : -1;
}

size_t cn_u64map_count(const cn_u64map *m)
{
    return m->count;
}
