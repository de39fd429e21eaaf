/*
 * cn_matcher: all of a rule set's patterns compiled into one token trie and
 * matched in a single left-to-right pass over an answer's tokens.
 *
 * Pattern elements (space-separated, already normalized):
 *   word     a literal token                 "concerned"
 *   word*    any token starting with "word"  "recommend*" (recommends, recommended...)
 *   @class   any token of a word class       "@num", "@negation"
 *   *        exactly one token of any kind
 *   **       zero to three tokens of any kind (not first or last)
 * Matches never cross a sentence boundary. The pass keeps a set of partial
 * matches (threads); each token advances every live thread through a hash
 * lookup, so the cost per token depends on how many patterns are partly
 * matched there, not on how many patterns exist (Aho-Corasick without the
 * failure links, which wildcards would defeat).
 */
#ifndef CN_MATCHER_H
#define CN_MATCHER_H

#include "cn_error.h"
#include "cn_tokens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A filter in front of a word map that most words of a text miss (the
 * matcher's vocabulary, the rules' aliases): two bits per word, set from its
 * cn_hash_bytes, so a word with either bit clear is not in the map and its
 * lookup (a probe of a large table, then a compare with a key elsewhere in
 * memory: two cache misses) is skipped. 8 KiB: in cache while a text is
 * tokenized and matched. {0} is empty. */
typedef struct cn_word_filter {
    uint64_t bits[1024];
} cn_word_filter;

static inline uint64_t cn_word_filter_bit_(uint64_t hash, int which)
{
    /* two 16-bit indexes from the hash, mixed: FNV's low bits alone are weak */
    uint64_t x = (hash ^ (hash >> 29)) * 0x9E3779B97F4A7C15ull;
    return which ? (x >> 32) & 0xFFFF : x >> 48;
}

static inline void cn_word_filter_add(cn_word_filter *f, uint64_t hash)
{
    for (int k = 0; k < 2; k++) {
        uint64_t b = cn_word_filter_bit_(hash, k);
        f->bits[b >> 6] |= 1ull << (b & 63);
    }
}

static inline bool cn_word_filter_may_have(const cn_word_filter *f, uint64_t hash)
{
    uint64_t b0 = cn_word_filter_bit_(hash, 0), b1 = cn_word_filter_bit_(hash, 1);
    return (f->bits[b0 >> 6] >> (b0 & 63)) & (f->bits[b1 >> 6] >> (b1 & 63)) & 1;
}

typedef struct cn_matcher cn_matcher;

typedef struct cn_match {
    int payload;  /* the value given to cn_matcher_add */
    size_t first; /* first and last token index, inclusive */
    size_t last;
} cn_match;

cn_matcher *cn_matcher_new(void);
void cn_matcher_free(cn_matcher *m);

/* Put a word into a word class (created on first use); "num" is built in and
 * holds every number token. Returns CN_OK or CN_ERR_NOMEM. */
int cn_matcher_class_add(cn_matcher *m, const char *cls, const char *word, cn_error *err);

/* True when the class exists (has at least one word, or is "num"). */
int cn_matcher_class_exists(const cn_matcher *m, const char *cls);

/* Add a pattern of n elements with a payload (>= 0). *earlier (when not NULL)
 * gets the payload of the first pattern added before with exactly the same
 * elements, or -1: both will match the same words. Fails with CN_ERR_RULES
 * for an empty pattern, an unknown class, or a gap at either end. */
int cn_matcher_add(cn_matcher *m, const char *const *elems, size_t n, int payload, int *earlier,
                   cn_error *err);

/* All matches in tokens, ordered by first token, then longest first. *out is
 * malloc'd (free it); *n_out its length. Returns CN_OK or CN_ERR_NOMEM. */
int cn_matcher_scan(const cn_matcher *m, const cn_tokens *tokens, cn_match **out, size_t *n_out,
                    cn_error *err);

/* As cn_matcher_scan, into *buf (malloc'd, *cap entries; NULL and 0 at
 * first), which grows as needed and stays the caller's: a caller scanning
 * text after text keeps one buffer. *n_out gets the number of matches. */
int cn_matcher_scan_into(const cn_matcher *m, const cn_tokens *tokens, cn_match **buf, size_t *cap,
                         size_t *n_out, cn_error *err);

/* Compile what a scan asks of each vocabulary word (its word classes and the
 * prefix elements it starts with) once, so that a scan reads them with the
 * word instead of walking the prefix trie for every token. Call it after the
 * last cn_matcher_add and cn_matcher_class_add (which undo it: scans are the
 * same either way, only slower). Returns 0, or -1 when memory runs out (the
 * matcher still works, unsealed). */
int cn_matcher_seal(cn_matcher *m);

/* The vocabulary (every literal word and class member): entries
 * [0, cn_matcher_vocab_count), each word's text (NULL past the end). Entry
 * numbers never change. A token whose cn_token.lexicon is set names its
 * word's entry in cn_token.vocab: a sealed matcher takes that instead of
 * looking the word up, so such tokens must come from the rule set that
 * holds this matcher (cn_rules_tokenize_into), built after it was sealed. */
size_t cn_matcher_vocab_count(const cn_matcher *m);
const char *cn_matcher_vocab_word(const cn_matcher *m, size_t entry);

/* Number of patterns added. */
size_t cn_matcher_patterns(const cn_matcher *m);

#endif
