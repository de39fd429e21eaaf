/*
 * cn_hash: two small open-addressing hash tables the matcher and rule loader
 * need: string -> int (keys copied and owned) and 64-bit key -> int, and the
 * hash functions the project's other tables and memos share.
 */
#ifndef CN_HASH_H
#define CN_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The hash of the string maps (FNV-1a), for callers that hash a word once and
 * look it up in several maps (cn_strmap_getn_hashed). */
static inline uint64_t cn_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* cn_hash_bytes of a NUL-terminated string (the id indexes' key hash). */
static inline uint64_t cn_hash_str(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return cn_hash_bytes(s, n);
}

/* splitmix64's finalizer: every bit of v moves every bit of the result. For
 * memo slots keyed by doubles' bits, which differ in their high bits (small
 * integers as doubles) that a multiplication alone never carries down. */
static inline uint64_t cn_hash_mix(uint64_t v)
{
    v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ull;
    v = (v ^ (v >> 27)) * 0x94d049bb133111ebull;
    return v ^ (v >> 31);
}

typedef struct cn_strmap cn_strmap;

cn_strmap *cn_strmap_new(void);
void cn_strmap_free(cn_strmap *map);
/* Insert or replace. Returns 0, or -1 when memory runs out. */
int cn_strmap_put(cn_strmap *map, const char *key, int value);
/* The value, or -1 when absent (values stored must be >= 0). */
int cn_strmap_get(const cn_strmap *map, const char *key);
/* Same, for the first len bytes of key. */
int cn_strmap_getn(const cn_strmap *map, const char *key, size_t len);
/* Same, with hash == cn_hash_bytes(key, len) computed by the caller. */
int cn_strmap_getn_hashed(const cn_strmap *map, const char *key, size_t len, uint64_t hash);
size_t cn_strmap_count(const cn_strmap *map);

typedef struct cn_u64map cn_u64map;

cn_u64map *cn_u64map_new(void);
void cn_u64map_free(cn_u64map *map);
int cn_u64map_put(cn_u64map *map, uint64_t key, int value);
int cn_u64map_get(const cn_u64map *map, uint64_t key);
size_t cn_u64map_count(const cn_u64map *map);

#endif
