/* cn_lexical: unigram and bigram terms of a token range, hashed (and spelled on request). */
#include "cn_lexical.h"

#include "cn_hash.h"

#include <string.h>

#define FNV_START 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t feed(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* One token as a unigram: its text (into buf, at most CN_LEX_MAX_WORD + 1
 * bytes) and length; 0 when the token is too long to be a term. */
static size_t unigram(const cn_token *t, unsigned char mark, const cn_lexical_opts *o, char *buf)
{
    if (t->len == 0 || t->len > CN_LEX_MAX_WORD - 1)
        return 0;
    /* a term must read back from a rule line: no byte the rule syntax uses */
    for (size_t i = 0; i < t->len; i++)
        if (strchr(CN_LEX_RESERVED, t->word[i]) || (unsigned char)t->word[i] <= ' ')
            return 0;
    size_t n = 0;
    if (o->negation && (mark & CN_LEX_NEGATED))
        buf[n++] = '!';
    if (o->placeholder && (mark & CN_LEX_QUESTION)) {
        memcpy(buf + n, "<q>", 3);
        return n + 3;
    }
    memcpy(buf + n, t->word, t->len);
    return n + t->len;
}

void cn_lexical_terms(const cn_token *items, const unsigned char *marks, size_t from, size_t to,
                      const cn_lexical_opts *opts, bool spell, cn_lexical_fn fn, void *ctx)
{
    char prev[CN_LEX_MAX_WORD + 1], cur[CN_LEX_MAX_WORD + 1];
    char pair[2 * CN_LEX_MAX_WORD + 3];
    size_t prev_n = 0; /* 0: no previous unigram in this sentence */
    uint64_t prev_h = 0;
    for (size_t i = from; i < to; i++) {
        const cn_token *t = &items[i];
        size_t n = unigram(t, marks ? marks[i] : 0, opts, cur);
        if (prev_n && items[i - 1].sentence != t->sentence)
            prev_n = 0;
        if (!n) {
            prev_n = 0; /* a skipped token breaks bigrams */
            continue;
        }
        /* an unmarked word's term is the word: the tokenizer's hash of it */
        uint64_t h = n == t->len && !memcmp(cur, t->word, n) ? t->hash : feed(FNV_START, cur, n);
        fn(ctx, h, spell ? cur : NULL, n);
        if (opts->bigrams && prev_n) {
            /* the hash of prev "+" cur: FNV-1a continues over the bytes */
            uint64_t b = feed(feed(prev_h, "+", 1), cur, n);
            if (spell) {
                memcpy(pair, prev, prev_n);
                pair[prev_n] = '+';
                memcpy(pair + prev_n + 1, cur, n);
            }
            fn(ctx, b, spell ? pair : NULL, prev_n + 1 + n);
        }
        if (spell)
            memcpy(prev, cur, n);
        prev_n = n;
        prev_h = h;
    }
}
