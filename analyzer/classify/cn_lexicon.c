/* cn_lexicon: a word's alias, matcher vocabulary entry and word term in one table. */
#include "cn_lexicon.h"

#include "cn_bytes.h"
#include "cn_hash.h"

#include <stdlib.h>
#include <string.h>

/* A word the lexicon holds by text: a vocabulary word or an alias. Its first
 * bytes beside the length, so most words are told in the record itself. */
#define WORD_HEAD 8
_Static_assert(WORD_HEAD == 8, "cn_head_is compares a head of at most 8 bytes");
typedef struct lex_word {
    const char *text; /* owned (a copy) */
    uint32_t len;
    int32_t vocab, alias;
    char head[WORD_HEAD]; /* text's first bytes, zero-filled */
} lex_word;

/* One slot of the table: a hash, the term of that hash and the word of that
 * hash (its index in words), -1 where none. 16 bytes, as the term index's. */
typedef struct lex_slot {
    uint64_t hash; /* 0: the slot is empty */
    int32_t term;
    int32_t word;
} lex_slot;

typedef struct lex_term {
    uint64_t hash;
    int32_t term;
} lex_term;

struct cn_lexicon {
    lex_word *words;
    size_t n_words, cap_words;
    cn_strmap *by_text; /* text -> index into words, while words are added */
    lex_term *terms;
    size_t n_terms, cap_terms;
    lex_slot *slots; /* 1 << bits once built */
    unsigned bits;
    /* One bit per 2^other_bits hashes of the terms that are no word
     * (cn_lexicon_add_other_term): a word's hash that finds its bit clear is
     * none of theirs. */
    uint64_t *other;
    unsigned other_bits;
    uint64_t *other_hashes; /* while they are added */
    size_t n_other, cap_other;
    bool usable;
};

cn_lexicon *cn_lexicon_new(void)
{
    cn_lexicon *lx = calloc(1, sizeof *lx);
    if (lx && !(lx->by_text = cn_strmap_new())) {
        free(lx);
        return NULL;
    }
    return lx;
}

void cn_lexicon_free(cn_lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->n_words; i++)
        free((char *)lx->words[i].text);
    free(lx->words);
    cn_strmap_free(lx->by_text);
    free(lx->terms);
    free(lx->slots);
    free(lx->other);
    free(lx->other_hashes);
    free(lx);
}

/* Room for one more item of size bytes in *items (n of cap); false on OOM. */
static bool room(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t ncap = *cap ? 2 * *cap : 256;
    void *grown = realloc(*items, ncap * size);
    if (!grown)
        return false;
    *items = grown;
    *cap = ncap;
    return true;
}

int cn_lexicon_add_word(cn_lexicon *lx, const char *text, size_t len, int32_t vocab, int32_t alias)
{
    lx->usable = false; /* until built again */
    if (!lx->by_text && !(lx->by_text = cn_strmap_new()))
        return -1;
    int at = cn_strmap_getn(lx->by_text, text, len);
    if (at >= 0) {
        lex_word *w = &lx->words[at];
        w->vocab = w->vocab >= 0 ? w->vocab : vocab;
        w->alias = w->alias >= 0 ? w->alias : alias;
        return 0;
    }
    if (len > UINT32_MAX || lx->n_words >= INT32_MAX ||
        !room((void **)&lx->words, &lx->cap_words, lx->n_words, sizeof *lx->words))
        return -1;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, text, len);
    copy[len] = '\0';
    if (cn_strmap_put(lx->by_text, copy, (int)lx->n_words)) {
        free(copy);
        return -1;
    }
    lex_word *w = &lx->words[lx->n_words++];
    *w = (lex_word){.text = copy, .len = (uint32_t)len, .vocab = vocab, .alias = alias};
    memcpy(w->head, text, len < WORD_HEAD ? len : WORD_HEAD);
    return 0;
}

int cn_lexicon_add_term(cn_lexicon *lx, uint64_t hash, int32_t term)
{
    lx->usable = false;
    if (!room((void **)&lx->terms, &lx->cap_terms, lx->n_terms, sizeof *lx->terms))
        return -1;
    lx->terms[lx->n_terms++] = (lex_term){hash, term};
    return 0;
}

int cn_lexicon_add_other_term(cn_lexicon *lx, uint64_t hash)
{
    lx->usable = false;
    if (!room((void **)&lx->other_hashes, &lx->cap_other, lx->n_other, sizeof *lx->other_hashes))
        return -1;
    lx->other_hashes[lx->n_other++] = hash;
    return 0;
}

/* The bit of a hash in the other terms' filter (its high bits, mixed
 * otherwise than home's). */
static size_t other_bit(const cn_lexicon *lx, uint64_t hash)
{
    return (size_t)((hash * 0xC2B2AE3D27D4EB4Full) >> (64 - lx->other_bits));
}

static bool other_maybe(const cn_lexicon *lx, uint64_t hash)
{
    size_t b = other_bit(lx, hash);
    return (lx->other[b >> 6] >> (b & 63)) & 1;
}

/* The other terms' filter: 16 bits a term or more, so a word is sent to the
 * term index by it about once in 16 (a power of two, at least 64 bits). */
static int build_other(cn_lexicon *lx)
{
    unsigned bits = 6;
    while (((size_t)1 << bits) < 16 * lx->n_other)
        bits++;
    free(lx->other);
    lx->other = calloc((size_t)1 << (bits - 6), sizeof *lx->other);
    if (!lx->other)
        return -1;
    lx->other_bits = bits;
    for (size_t i = 0; i < lx->n_other; i++) {
        size_t b = other_bit(lx, lx->other_hashes[i]);
        lx->other[b >> 6] |= 1ull << (b & 63);
    }
    free(lx->other_hashes); /* kept in the filter only */
    lx->other_hashes = NULL;
    lx->n_other = lx->cap_other = 0;
    return 0;
}

/* The slot index where a hash starts its probe (multiplied: FNV's low bits
 * alone are weak). */
static size_t home(const cn_lexicon *lx, uint64_t hash)
{
    return (size_t)((hash * 0x9E3779B97F4A7C15ull) >> (64 - lx->bits));
}

/* The slot holding hash, or the empty one where it goes. */
static lex_slot *slot_of(cn_lexicon *lx, uint64_t hash)
{
    size_t mask = ((size_t)1 << lx->bits) - 1;
    size_t i = home(lx, hash);
    while (lx->slots[i].hash && lx->slots[i].hash != hash)
        i = (i + 1) & mask;
    return &lx->slots[i];
}

/* Put the terms and words into the table; false when two share a hash or a
 * hash is 0 (the lexicon could not answer as the three tables do). */
static bool place_all(cn_lexicon *lx)
{
    for (size_t i = 0; i < lx->n_terms; i++) {
        uint64_t h = lx->terms[i].hash;
        lex_slot *s = slot_of(lx, h);
        if (!h || s->hash)
            return false;
        *s = (lex_slot){h, lx->terms[i].term, -1};
    }
    for (size_t i = 0; i < lx->n_words; i++) {
        uint64_t h = cn_hash_bytes(lx->words[i].text, lx->words[i].len);
        lex_slot *s = slot_of(lx, h);
        if (!h || s->word >= 0)
            return false;
        if (!s->hash)
            *s = (lex_slot){h, -1, -1};
        s->word = (int32_t)i;
    }
    return true;
}

int cn_lexicon_build(cn_lexicon *lx)
{
    free(lx->slots);
    lx->slots = NULL;
    lx->usable = false;
    /* at most half full: a word the table lacks (a third of a text's)
     * ends its probe soon */
    unsigned bits = 4;
    while (((size_t)1 << bits) < 2 * (lx->n_terms + lx->n_words))
        bits++;
    lx->slots = malloc(((size_t)1 << bits) * sizeof *lx->slots);
    if (!lx->slots || build_other(lx))
        return -1;
    lx->bits = bits;
    for (size_t i = 0; i < (size_t)1 << bits; i++)
        lx->slots[i] = (lex_slot){0, -1, -1};
    lx->usable = place_all(lx);
    /* the text map was for adding words only */
    cn_strmap_free(lx->by_text);
    lx->by_text = NULL;
    return 0;
}

bool cn_lexicon_usable(const cn_lexicon *lx)
{
    return lx && lx->usable;
}

static bool same_text(const lex_word *w, const char *word, size_t len)
{
    return w->len == len && cn_head_is(w->head, word, len < WORD_HEAD ? len : WORD_HEAD) &&
           (len <= WORD_HEAD || !memcmp(w->text + WORD_HEAD, word + WORD_HEAD, len - WORD_HEAD));
}

cn_lex_entry cn_lexicon_find(const cn_lexicon *lx, const char *word, size_t len, uint64_t hash)
{
    cn_lex_entry e = {-1, -1, -1};
    size_t mask = ((size_t)1 << lx->bits) - 1;
    for (size_t i = home(lx, hash); lx->slots[i].hash; i = (i + 1) & mask) {
        const lex_slot *s = &lx->slots[i];
        if (s->hash != hash)
            continue;
        e.term = s->term;
        if (s->word >= 0 && same_text(&lx->words[s->word], word, len)) {
            e.vocab = lx->words[s->word].vocab;
            e.alias = lx->words[s->word].alias;
        }
        break;
    }
    /* no word term of this hash: one of the other terms may have it */
    if (e.term < 0 && other_maybe(lx, hash))
        e.term = CN_LEXICON_TERM_UNKNOWN;
    return e;
}
