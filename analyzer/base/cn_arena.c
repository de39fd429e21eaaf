/* cn_arena: strings copied into shared blocks, freed all at once. */
#include "cn_arena.h"

#include <stdlib.h>
#include <string.h>

/* Strings go into blocks of this size; a string longer than a quarter of it
 * gets a block of its own, so a block is never left mostly empty by one. */
#define BLOCK_BYTES ((size_t)64 * 1024)

typedef struct block {
    struct block *next;
    size_t used, cap;
    char data[];
} block;

struct cn_arena {
    block *head; /* the block being filled first; full and own blocks after it */
    size_t bytes;
};

cn_arena *cn_arena_new(void)
{
    return calloc(1, sizeof(cn_arena));
}

void cn_arena_free(cn_arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

size_t cn_arena_bytes(const cn_arena *a)
{
    return a->bytes;
}

static block *block_new(cn_arena *a, size_t cap)
{
    block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    b->used = 0;
    b->cap = cap;
    a->bytes += sizeof *b + cap;
    return b;
}

/* Room for n bytes: in the head block, in a new head block, or (long
 * strings) in a block of their own kept behind the head, which stays the
 * one being filled. */
static char *room(cn_arena *a, size_t n)
{
    if (n > BLOCK_BYTES / 4) {
        block *own = block_new(a, n);
        if (!own)
            return NULL;
        own->used = n;
        if (a->head) {
            own->next = a->head->next;
            a->head->next = own;
        } else {
            own->next = NULL;
            a->head = own;
        }
        return own->data;
    }
    if (!a->head || a->head->cap - a->head->used < n) {
        block *b = block_new(a, BLOCK_BYTES);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    char *p = a->head->data + a->head->used;
    a->head->used += n;
    return p;
}

char *cn_arena_strdup(cn_arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = room(a, n);
    if (p)
        memcpy(p, s, n);
    return p;
}
