/*
 * cn_arena: an append-only store of strings. Each copy sits in a large block
 * shared with others and keeps its address until the arena is freed, so a
 * store of many short strings (the analysis' interned titles, files, names:
 * half a million of about 16 bytes at 1 GB of pages) pays no allocation
 * header and no rounding per string, about half of what strdup costs them.
 * A string is never freed alone.
 */
#ifndef CN_ARENA_H
#define CN_ARENA_H

#include <stddef.h>

typedef struct cn_arena cn_arena;

/* An empty arena, or NULL when out of memory. */
cn_arena *cn_arena_new(void);

/* Frees every string copied into it. NULL is a no-op. */
void cn_arena_free(cn_arena *arena);

/* A copy of s (with its NUL) owned by the arena, or NULL when out of memory. */
char *cn_arena_strdup(cn_arena *arena, const char *s);

/* Bytes the arena has allocated for its blocks. */
size_t cn_arena_bytes(const cn_arena *arena);

#endif
