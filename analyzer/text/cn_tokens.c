/* cn_tokens: word tokens with original byte spans, sentences and clauses. */
#include "cn_tokens.h"

#include "cn_hash.h"
#include "cn_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Words live in blocks that never move, so a token's word pointer stays
 * valid as the list grows, and a list of thousands of tokens costs a handful
 * of allocations instead of one per word. */
typedef struct word_block {
    struct word_block *next;
    size_t used, cap;
    char data[];
} word_block;

/* The first word block of a list filled word by word, and the largest a
 * block grows to (each new one twice the last): small texts (titles,
 * questions) stay within the allocator's cheap small sizes. */
#define WORD_BLOCK_FIRST 512
#define WORD_BLOCK_MAX (64 * 1024)

struct cn_tokens {
    cn_token *items;
    size_t n, cap;
    word_block *blocks; /* newest first; the words of every token */
    size_t next_block;  /* size of the next block (0: WORD_BLOCK_FIRST) */
    /* cn_tokens_append's normalized text and its offset map, kept from one
     * text to the next (cn_tokens_clear) rather than allocated per text */
    char *norm;
    size_t *map;
    size_t norm_cap; /* bytes of norm, entries of map */
    /* While cn_tokens_append runs: the normalized text norm[0, span_n) is
     * copied whole into the blocks at span_copy, and a word pushed from it
     * becomes a span of that copy, ended in place by a NUL over the byte
     * after it (a separator, or the "n't" or "'s" it drops), instead of a
     * copy of its own. NULL otherwise. */
    const char *span_from;
    char *span_copy;
    size_t span_n;
};

cn_tokens *cn_tokens_new_empty(void)
{
    return calloc(1, sizeof(cn_tokens));
}

static void free_blocks(word_block *b)
{
    while (b) {
        word_block *next = b->next;
        free(b);
        b = next;
    }
}

void cn_tokens_free(cn_tokens *t)
{
    if (!t)
        return;
    free_blocks(t->blocks);
    free(t->items);
    free(t->norm);
    free(t->map);
    free(t);
}

void cn_tokens_clear(cn_tokens *t)
{
    t->n = 0;
    if (t->blocks) { /* keep the largest block */
        word_block **big = &t->blocks;
        for (word_block **b = &t->blocks; *b; b = &(*b)->next)
            if ((*b)->cap > (*big)->cap)
                big = b;
        word_block *keep = *big;
        *big = keep->next; /* unlinked: the rest go */
        free_blocks(t->blocks);
        keep->next = NULL;
        keep->used = 0;
        t->blocks = keep;
    }
    t->next_block = 0;
}

size_t cn_tokens_bytes(const cn_tokens *t)
{
    size_t bytes = sizeof *t + t->cap * sizeof *t->items + t->norm_cap * (1 + sizeof *t->map);
    for (const word_block *b = t->blocks; b; b = b->next)
        bytes += sizeof *b + b->cap;
    return bytes;
}

/* Room in norm and map for the normalization of len bytes. */
static int reserve_norm(cn_tokens *t, size_t len)
{
    if (len + 1 <= t->norm_cap)
        return 0;
    size_t cap = len + 1 > 2 * t->norm_cap ? len + 1 : 2 * t->norm_cap;
    char *norm = malloc(cap);
    size_t *map = malloc(cap * sizeof *map);
    if (!norm || !map) {
        free(norm);
        free(map);
        return -1;
    }
    free(t->norm);
    free(t->map);
    t->norm = norm;
    t->map = map;
    t->norm_cap = cap;
    return 0;
}

size_t cn_tokens_count(const cn_tokens *t)
{
    return t->n;
}

const cn_token *cn_tokens_at(const cn_tokens *t, size_t i)
{
    return i < t->n ? &t->items[i] : NULL;
}

const cn_token *cn_tokens_array(const cn_tokens *t)
{
    return t->n ? t->items : NULL;
}

unsigned cn_tokens_sentences(const cn_tokens *t)
{
    return t->n ? t->items[t->n - 1].sentence + 1 : 0;
}

/* A NUL-terminated copy of word[0..len) in the list's blocks, or NULL. */
static char *store_word(cn_tokens *t, const char *word, size_t len)
{
    word_block *b = t->blocks;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = t->next_block ? t->next_block : WORD_BLOCK_FIRST;
        if (cap < len + 1)
            cap = len + 1;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        t->next_block = cap * 2 < WORD_BLOCK_MAX ? cap * 2 : WORD_BLOCK_MAX;
        b->used = 0;
        b->cap = cap;
        b->next = t->blocks;
        t->blocks = b;
    }
    char *copy = b->data + b->used;
    memcpy(copy, word, len);
    copy[len] = '\0';
    b->used += len + 1;
    return copy;
}

static int reserve(cn_tokens *t, size_t more)
{
    if (t->n + more <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 32;
    while (cap < t->n + more)
        cap *= 2;
    cn_token *items = realloc(t->items, cap * sizeof *items);
    if (!items)
        return -1;
    t->items = items;
    t->cap = cap;
    return 0;
}

static bool plain_word(const char *word, size_t len);

/* word[0..len) as the list keeps it: its span of the text being appended
 * (NUL-terminated in place), else a copy in the blocks; NULL on OOM. */
static char *keep_word(cn_tokens *t, const char *word, size_t len)
{
    if (t->span_copy && word >= t->span_from && word + len <= t->span_from + t->span_n) {
        char *w = t->span_copy + (word - t->span_from);
        w[len] = '\0';
        return w;
    }
    return store_word(t, word, len);
}

static int push_hashed(cn_tokens *t, const char *word, size_t len, uint64_t hash, size_t start,
                       size_t end, unsigned sentence, unsigned clause, bool number, bool plain)
{
    if (reserve(t, 1))
        return -1;
    char *copy = keep_word(t, word, len);
    if (!copy)
        return -1;
    t->items[t->n++] = (cn_token){.word = copy,
                                  .len = len,
                                  .hash = hash,
                                  .start = start,
                                  .end = end,
                                  .sentence = sentence,
                                  .clause = clause,
                                  .number = number,
                                  .plain = plain,
                                  .lexicon = false,
                                  .vocab = -1,
                                  .term = -1};
    return 0;
}

int cn_tokens_push_raw(cn_tokens *t, const cn_token *raw)
{
    if (reserve(t, 1))
        return -1;
    char *copy = keep_word(t, raw->word, raw->len);
    if (!copy)
        return -1;
    cn_token *kept = &t->items[t->n++];
    *kept = *raw;
    kept->word = copy;
    return 0;
}

int cn_tokens_push_found(cn_tokens *t, const cn_token *raw, int32_t vocab, int32_t term)
{
    if (reserve(t, 1))
        return -1;
    char *copy = keep_word(t, raw->word, raw->len);
    if (!copy)
        return -1;
    /* field by field into the list, not a copy of raw and then of the
     * copy: this runs for most words of every text */
    cn_token *kept = &t->items[t->n++];
    kept->word = copy;
    kept->len = raw->len;
    kept->hash = raw->hash;
    kept->start = raw->start;
    kept->end = raw->end;
    kept->sentence = raw->sentence;
    kept->clause = raw->clause;
    kept->number = raw->number;
    kept->plain = raw->plain;
    kept->lexicon = true;
    kept->vocab = vocab;
    kept->term = term;
    return 0;
}

cn_token *cn_tokens_last(cn_tokens *t)
{
    return t->n ? &t->items[t->n - 1] : NULL;
}

static int push_n(cn_tokens *t, const char *word, size_t len, size_t start, size_t end,
                  unsigned sentence, unsigned clause, bool number)
{
    return push_hashed(t, word, len, cn_hash_bytes(word, len), start, end, sentence, clause, number,
                       plain_word(word, len));
}

int cn_tokens_push(cn_tokens *t, const char *word, size_t start, size_t end, unsigned sentence,
                   unsigned clause, bool number)
{
    return push_n(t, word, strlen(word), start, end, sentence, clause, number);
}

int cn_tokens_push_word(cn_tokens *t, const char *word, size_t len, const cn_token *like,
                        bool number)
{
    /* the word as found: its hash is known */
    uint64_t hash = word == like->word && len == like->len ? like->hash : cn_hash_bytes(word, len);
    /* a stem of a plain word ("don" of "don't") is plain */
    bool plain =
        like->plain && word == like->word && len <= like->len ? true : plain_word(word, len);
    return push_hashed(t, word, len, hash, like->start, like->end, like->sentence, like->clause,
                       number, plain);
}

int cn_tokens_absorb(cn_tokens *t, cn_tokens *src, unsigned sentence_offset, unsigned clause_offset)
{
    if (reserve(t, src->n))
        return -1;
    for (size_t i = 0; i < src->n; i++) {
        cn_token x = src->items[i];
        x.sentence += sentence_offset;
        x.clause += clause_offset;
        t->items[t->n++] = x;
    }
    /* The words move with their blocks: append src's chain behind ours. */
    word_block **tail = &t->blocks;
    while (*tail)
        tail = &(*tail)->next;
    *tail = src->blocks;
    src->blocks = NULL;
    cn_tokens_free(src);
    return 0;
}

/* What one normalized character is, for splitting. */
typedef enum char_class { CH_WORD, CH_APOS, CH_SPACE, CH_CLAUSE, CH_SENTENCE, CH_OTHER } char_class;

static char_class classify_char(const char *norm, size_t i, size_t n)
{
    unsigned char c = (unsigned char)norm[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
        return CH_WORD;
    if (c == '\'')
        return CH_APOS;
    if (c == ' ')
        return CH_SPACE;
    if (c == '!' || c == '?')
        return CH_SENTENCE;
    if (c == '.') {
        /* "3.5" and "e.g." keep going; a period before space or the end ends a sentence. */
        if (i + 1 < n && norm[i + 1] != ' ' && norm[i + 1] != '"' && norm[i + 1] != ')')
            return CH_OTHER;
        return CH_SENTENCE;
    }
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"')
        return CH_CLAUSE;
    if (c == '-' && i + 1 < n && norm[i + 1] == '-')
        return CH_CLAUSE;
    if (c == '-' && ((i > 0 && norm[i - 1] == ' ') || (i + 1 < n && norm[i + 1] == ' ')))
        return CH_CLAUSE; /* a free-standing dash separates clauses; inside a word it splits */
    return CH_OTHER;
}

/* What a byte is to the word scanner, one load instead of three range
 * tests (the scanner's inner loop): BYTE_IN_WORD for letters, digits and
 * every byte of non-ASCII characters (the bytes words are made of: CH_WORD of
 * classify_char, without its context), BYTE_DIGIT besides for digits. */
enum { BYTE_IN_WORD = 1, BYTE_DIGIT = 2 };
#define W16                                                                                        \
    BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD,            \
        BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD,        \
        BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD, BYTE_IN_WORD
#define D10                                                                                        \
    BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT,               \
        BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT,           \
        BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT, BYTE_IN_WORD | BYTE_DIGIT,           \
        BYTE_IN_WORD | BYTE_DIGIT
static const unsigned char WORD_BYTES[256] = {
    ['0'] = D10,          ['a'] = W16,          ['q'] = BYTE_IN_WORD, ['r'] = BYTE_IN_WORD,
    ['s'] = BYTE_IN_WORD, ['t'] = BYTE_IN_WORD, ['u'] = BYTE_IN_WORD, ['v'] = BYTE_IN_WORD,
    ['w'] = BYTE_IN_WORD, ['x'] = BYTE_IN_WORD, ['y'] = BYTE_IN_WORD, ['z'] = BYTE_IN_WORD,
    [0x80] = W16,         [0x90] = W16,         [0xA0] = W16,         [0xB0] = W16,
    [0xC0] = W16,         [0xD0] = W16,         [0xE0] = W16,         [0xF0] = W16};
#undef W16
#undef D10

static bool is_word_byte(unsigned char c)
{
    return WORD_BYTES[c] & BYTE_IN_WORD;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Every byte of word[0..len) is one scan_word keeps in a word. */
static bool plain_word(const char *word, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)word[i];
        if (!is_word_byte(c) && c != '\'' && c != '.')
            return false;
    }
    return true;
}

/* Line breaks in the original end a sentence (titles, paragraphs, lists).
 * The gaps between words are asked about in text order, so the first line
 * break at or after the last gap's start is remembered: a gap then costs a
 * compare, and each line break is searched for once (memchr), not every
 * gap's bytes. */
typedef struct newlines {
    const char *text;
    size_t len;
    size_t next; /* the first '\n' at or after `from` of the last ask; len: none */
} newlines;

static newlines newlines_of(const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    return (newlines){text, len, nl ? (size_t)(nl - text) : len};
}

/* A line break in text[from, to); from never goes back between asks. */
static bool newline_between(newlines *nl, size_t from, size_t to)
{
    if (nl->next < from) {
        const char *p = memchr(nl->text + from, '\n', nl->len - from);
        nl->next = p ? (size_t)(p - nl->text) : nl->len;
    }
    return nl->next < to;
}

/* A word found in the normalized text: where it ends, its hash
 * (cn_hash_bytes) and whether it is a number (digits, with '.' in a
 * decimal number). */
typedef struct word_scan {
    size_t end;
    uint64_t hash;
    bool number;
} word_scan;

/* The word that starts at norm[i]: word bytes, an apostrophe followed by a
 * word byte, and a decimal point inside a number ("3.5"); hashed and checked
 * for digits in the same pass (one walk over each word instead of three). */
static word_scan scan_word(const char *norm, size_t i, size_t n)
{
    const uint64_t prime = 1099511628211ULL;
    uint64_t h = 1469598103934665603ULL;
    bool lead_digit = is_digit(norm[i]);
    /* BYTE_DIGIT while the word has digits and '.' only: the word bytes'
     * WORD_BYTES and-ed together (no branch per byte) */
    unsigned digits = BYTE_DIGIT;
    size_t j = i;
    while (j < n) {
        unsigned char c = (unsigned char)norm[j];
        unsigned char k = WORD_BYTES[c];
        if (k & BYTE_IN_WORD) {
            digits &= k;
        } else if (c == '\'' && j + 1 < n && is_word_byte((unsigned char)norm[j + 1])) {
            digits = 0;
        } else if (!(c == '.' && j + 1 < n && is_digit(norm[j + 1]) && lead_digit)) {
            break; /* else a decimal number: '.' keeps it a number */
        }
        h = (h ^ c) * prime;
        j++;
    }
    /* the first byte is a word byte, so "all digits or '.'" has a digit
     * exactly when the word starts with one */
    return (word_scan){j, h, digits != 0 && lead_digit};
}

int cn_tokens_append(cn_tokens *t, const char *text, size_t len, unsigned sentence, unsigned clause,
                     cn_tokens_word_fn fn, void *ctx)
{
    if (reserve_norm(t, len))
        return -1;
    char *norm = t->norm;
    size_t *map = t->map;
    size_t n = cn_text_normalize_map_into(text, len, norm, map);
    /* The text's words are spans of its copy in the blocks (n + 1 bytes),
     * and the words that are not (aliases' expansions, "not" for "n't")
     * copies beside it: one block for the whole text, with room for those,
     * unless an earlier block has it. About one token in six bytes of text. */
    if (!t->blocks || t->blocks->cap - t->blocks->used < 2 * n + 64)
        t->next_block = 2 * n + 64;
    if (reserve(t, n / 6 + 8))
        return -1;
    char *copy = store_word(t, norm, n);
    if (!copy)
        return -1;
    t->span_from = norm;
    t->span_copy = copy;
    t->span_n = n;
    size_t words = 0; /* words of this text so far */
    bool sentence_pending = false, clause_pending = false;
    size_t prev_end_src = 0;
    newlines breaks = newlines_of(text, len);
    size_t i = 0;
    int rc = 0;
    while (i < n && rc == 0) {
        if (norm[i] == ' ') { /* the usual separator: nothing to mark */
            i++;
            continue;
        }
        if (!is_word_byte((unsigned char)norm[i])) {
            char_class cls = classify_char(norm, i, n);
            if (cls == CH_SENTENCE)
                sentence_pending = true;
            else if (cls == CH_CLAUSE)
                clause_pending = true;
            i++;
            continue;
        }
        word_scan ws = scan_word(norm, i, n);
        size_t j = ws.end;
        if (words > 0 && newline_between(&breaks, prev_end_src, map[i]))
            sentence_pending = true;
        if (sentence_pending && words > 0) {
            sentence++;
            clause++;
        } else if (clause_pending && words > 0) {
            clause++;
        }
        sentence_pending = clause_pending = false;
        bool number = ws.number;
        if (fn) {
            cn_token raw = {.word = norm + i,
                            .len = j - i,
                            .hash = ws.hash,
                            .start = map[i],
                            .end = map[j],
                            .sentence = sentence,
                            .clause = clause,
                            .number = number,
                            .plain = true,
                            .lexicon = false,
                            .vocab = -1,
                            .term = -1};
            rc = fn(ctx, t, &raw);
        } else {
            rc = push_hashed(t, norm + i, j - i, ws.hash, map[i], map[j], sentence, clause, number,
                             true);
        }
        words++;
        prev_end_src = map[j];
        i = j;
    }
    t->span_copy = NULL;
    return rc;
}

cn_tokens *cn_tokens_new(const char *text, size_t len)
{
    cn_tokens *t = cn_tokens_new_empty();
    if (t && cn_tokens_append(t, text, len, 0, 0, NULL, NULL)) {
        cn_tokens_free(t);
        return NULL;
    }
    return t;
}
