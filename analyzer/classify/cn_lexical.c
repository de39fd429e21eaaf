/* cn_lexical: unigram, bigram and lead terms of a token range, hashed (and spelled on request). */
#include "cn_lexical.h"

#include "cn_hash.h"

#include <string.h>

#define FNV_START 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* FNV-1a continued over s[0..n): four bytes a turn of the loop, then the
 * rest (a bigram's hash runs over its second word again: fewer tests and
 * jumps per byte). */
static uint64_t feed(uint64_t h, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ u[i]) * FNV_PRIME;
        h = (h ^ u[i + 1]) * FNV_PRIME;
        h = (h ^ u[i + 2]) * FNV_PRIME;
        h = (h ^ u[i + 3]) * FNV_PRIME;
    }
    for (; i < n; i++)
        h = (h ^ u[i]) * FNV_PRIME;
    return h;
}

/* A byte a rule line gives a meaning (CN_LEX_RESERVED), a control byte or a
 * space. Compared in place: this runs for every byte of every token, and a
 * strchr per byte was a visible share of `classify`. */
bool cn_lexical_reserved(unsigned char c)
{
    return c <= ' ' || c == ':' || c == '=' || c == '#' || c == '|' || c == '"';
}

/* One token as a unigram, not yet spelled: an optional "!" prefix and a body
 * (the word, or "<q>"). Terms are hashed from these parts, so classification
 * builds no strings. */
typedef struct {
    bool bang;        /* "!" first */
    const char *body; /* the word or "<q>" */
    size_t len;       /* body bytes; 0: the token is no term */
} unigram;

static unigram read_unigram(const cn_token *t, unsigned char mark, const cn_lexical_opts *o)
{
    unigram u = {false, NULL, 0};
    if (t->len == 0 || t->len > CN_LEX_MAX_WORD - 1)
        return u;
    /* a term must read back from a rule line: no byte the rule syntax uses
     * (a plain token has none: cn_token.plain) */
    for (size_t i = 0; !t->plain && i < t->len; i++)
        if (cn_lexical_reserved((unsigned char)t->word[i]))
            return u;
    u.bang = o->negation && (mark & CN_LEX_NEGATED);
    if (o->placeholder && (mark & CN_LEX_QUESTION)) {
        u.body = "<q>";
        u.len = 3;
    } else {
        u.body = t->word;
        u.len = t->len;
    }
    return u;
}

/* FNV-1a continued over the unigram's text from state h. */
static uint64_t feed_unigram(uint64_t h, const unigram *u)
{
    return feed(u->bang ? feed(h, "!", 1) : h, u->body, u->len);
}

/* The unigram's text into buf (at most CN_LEX_MAX_WORD bytes); its length. */
static size_t spell_unigram(const unigram *u, char *buf)
{
    size_t n = 0;
    if (u->bang)
        buf[n++] = '!';
    memcpy(buf + n, u->body, u->len);
    return n + u->len;
}

/* cn_lexical_terms with spell a constant where it is inlined: classifying
 * (spell false, every answer) then has none of the spelling's tests and
 * copies in its loop. */
static inline __attribute__((always_inline)) void
terms(const cn_token *items, const unsigned char *marks, size_t from, size_t to,
      const cn_lexical_opts *opts, const bool spell, cn_lexical_fn fn, void *ctx)
{
    char prev[CN_LEX_MAX_WORD + 1], cur[CN_LEX_MAX_WORD + 1];
    char pair[2 * CN_LEX_MAX_WORD + 3], lead[CN_LEX_MAX_WORD + 2];
    size_t prev_n = 0; /* 0: no previous unigram in this sentence */
    uint64_t prev_h = 0;
    for (size_t i = from; i < to; i++) {
        const cn_token *t = &items[i];
        unigram u = read_unigram(t, marks ? marks[i] : 0, opts);
        if (prev_n && items[i - 1].sentence != t->sentence)
            prev_n = 0;
        if (!u.len) {
            prev_n = 0; /* a skipped token breaks bigrams */
            continue;
        }
        size_t n = u.len + u.bang;
        /* an unmarked word's term is the word: the tokenizer's hash of it,
         * and the term the tokenizer found for it, if it says */
        bool as_is = !u.bang && u.body == t->word;
        uint64_t h = as_is ? t->hash : feed_unigram(FNV_START, &u);
        long term = as_is && opts->token_terms && t->lexicon ? t->term : CN_LEX_TERM_UNKNOWN;
        if (spell)
            spell_unigram(&u, cur);
        fn(ctx, h, term, spell ? cur : NULL, n);
        if (i < opts->lead_end) {
            /* the lead's copy: CN_LEX_LEAD_MARK, then the unigram */
            static const char lead_mark[1] = {CN_LEX_LEAD_MARK};
            uint64_t l = feed_unigram(feed(FNV_START, lead_mark, 1), &u);
            if (spell) {
                lead[0] = CN_LEX_LEAD_MARK;
                memcpy(lead + 1, cur, n);
            }
            fn(ctx, l, CN_LEX_TERM_UNKNOWN, spell ? lead : NULL, n + 1);
        }
        if (opts->bigrams && prev_n) {
            /* the hash of prev "+" cur: FNV-1a continues over the bytes */
            uint64_t b = feed_unigram(feed(prev_h, "+", 1), &u);
            if (spell) {
                memcpy(pair, prev, prev_n);
                pair[prev_n] = '+';
                memcpy(pair + prev_n + 1, cur, n);
            }
            fn(ctx, b, CN_LEX_TERM_UNKNOWN, spell ? pair : NULL, prev_n + 1 + n);
        }
        if (spell)
            memcpy(prev, cur, n);
        prev_n = n;
        prev_h = h;
    }
}

void cn_lexical_terms(const cn_token *items, const unsigned char *marks, size_t from, size_t to,
                      const cn_lexical_opts *opts, bool spell, cn_lexical_fn fn, void *ctx)
{
    if (spell)
        terms(items, marks, from, to, opts, true, fn, ctx);
    else
        terms(items, marks, from, to, opts, false, fn, ctx);
}
