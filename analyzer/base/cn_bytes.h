/*
 * cn_bytes.h: a few bytes read as one number, and a short head compared
 * without a memcmp call.
 *
 * Header only, on purpose: the matcher's vocabulary and the lexicon call
 * these once per token, and a call across files (or a byte loop, a branch a
 * byte) cost more than the compare itself; as static inline functions the
 * compiler folds them into the lookups.
 */
#ifndef CN_BYTES_H
#define CN_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The 2, 4 or 8 bytes at p as one number (memcpy: no alignment assumed). */
static inline uint16_t cn_load2(const char *p)
{
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline uint32_t cn_load4(const char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline uint64_t cn_load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* head[0..n) == word[0..n) for n <= 8, as one word or two overlapping ones
 * (first and last bytes), none read past word[n - 1]. head must hold 8
 * readable bytes. */
static inline bool cn_head_is(const char *head, const char *word, size_t n)
{
    if (n == 8)
        return cn_load8(head) == cn_load8(word);
    if (n >= 4)
        return cn_load4(head) == cn_load4(word) && cn_load4(head + n - 4) == cn_load4(word + n - 4);
    if (n >= 2)
        return cn_load2(head) == cn_load2(word) && cn_load2(head + n - 2) == cn_load2(word + n - 2);
    return n == 0 || head[0] == word[0];
}

#endif
