/*
 * cn_plain: is a short string written as it is? The reports write millions
 * of short strings (keys, ids, names, numbers, words) whose bytes need no
 * escape and no cleaning; telling so a byte at a time, or by a 16-byte load
 * from a fresh stack copy (a load the processor cannot forward from the
 * copy's smaller stores: a stall each time), cost more than writing them.
 * Here the string is read in overlapping 8-byte words that stay inside it,
 * each tested for every byte at once.
 */
#ifndef CN_PLAIN_H
#define CN_PLAIN_H

#include <stdbool.h>
#include <stddef.h>

/* Which bytes are not plain, besides the controls (below 0x20). */
typedef enum cn_plain_set {
    CN_PLAIN_JSON_KEY,   /* " and \ (bytes >= 0x80 are plain) */
    CN_PLAIN_JSON_ASCII, /* " and \ and every byte >= 0x80 */
    CN_PLAIN_XML_ASCII,  /* " & < > and every byte >= 0x80 */
} cn_plain_set;

/* True when s[0..n) has at most 32 bytes, none of them a control or in set. */
bool cn_plain_short(const char *s, size_t n, cn_plain_set set);

#endif
