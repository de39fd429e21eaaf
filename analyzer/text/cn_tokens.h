/*
 * cn_tokens: splits an answer's text into normalized word tokens that keep
 * their byte span in the original text, with sentence and clause numbers.
 *
 * Matching runs over these tokens, so the cost of classification grows with
 * the text, and every match maps back to bytes of the original for evidence.
 * Words are lower-cased and folded as cn_text_normalize does; hyphens split
 * words ("long-term" is "long" "term"); apostrophes stay inside a word
 * ("don't", "patient's") so the rule set's aliases can expand them.
 * Punctuation is not a token: it only advances the clause (, ; : dash and
 * brackets) or sentence (. ! ? ... and line breaks) counters.
 */
#ifndef CN_TOKENS_H
#define CN_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cn_token {
    const char *word; /* normalized, NUL-terminated; owned by the cn_tokens */
    size_t len;       /* strlen(word) */
    uint64_t hash;    /* cn_hash_bytes(word, len): looked up in maps without hashing again */
    size_t start;     /* byte span [start, end) in the original text */
    size_t end;
    unsigned sentence; /* 0-based sentence number */
    unsigned clause;   /* 0-based clause number, across the whole text */
    bool number;       /* all digits (or digits with . or ,) */
    /* Made only of bytes the tokenizer keeps in a word (letters, digits,
     * non-ASCII bytes, ' and .): true of every word found in a text and of
     * its stems; a pushed word (an alias's expansion) is checked. Lets a
     * caller that must refuse other bytes (cn_lexical) skip its byte scan. */
    bool plain;
    /* Whether vocab and term below were looked up: true of the tokens of a
     * rule set's tokenizer (cn_rules_tokenize_into, from its cn_lexicon),
     * false of every other token (then both are -1 and a reader looks the
     * word up itself). */
    bool lexicon;
    /* What the rule set knows of the word, found once for the token by the
     * tokenizer instead of once by each reader: its entry in the rule set's
     * matcher vocabulary, and the decision model's word term that is the
     * word itself (an unmarked unigram, by hash as cn_model_word_find). -1:
     * none; term -2: not known, to be looked up. Only for the rule set that
     * tokenized it (cn_doc pairs them). */
    int32_t vocab;
    int32_t term;
} cn_token;

typedef struct cn_tokens cn_tokens;

/* Tokenize text[0..len). Returns NULL only when memory runs out. */
cn_tokens *cn_tokens_new(const char *text, size_t len);
void cn_tokens_free(cn_tokens *tokens);

size_t cn_tokens_count(const cn_tokens *tokens);
const cn_token *cn_tokens_at(const cn_tokens *tokens, size_t i);
/* The tokens as one array of cn_tokens_count entries (NULL when there are
 * none), valid until the list grows: for loops over many tokens, where a
 * call per token (cn_tokens_at) was a visible part of matching and
 * classifying. */
const cn_token *cn_tokens_array(const cn_tokens *tokens);

/* Append a token (used to expand aliases into a new list). The word is
 * copied. Returns 0, or -1 when memory runs out. */
int cn_tokens_push(cn_tokens *tokens, const char *word, size_t start, size_t end, unsigned sentence,
                   unsigned clause, bool number);

/* Move every token of src to the end of t, their sentence and clause numbers
 * raised by the offsets; src is freed (its words move, not copied). Returns
 * 0, or -1 when memory runs out (src is then left as it was). */
int cn_tokens_absorb(cn_tokens *t, cn_tokens *src, unsigned sentence_offset,
                     unsigned clause_offset);

/* What cn_tokens_append does with each word it finds: raw is the word as
 * found (raw->word points into the normalized text and is NOT NUL-terminated:
 * use raw->len), with its span, sentence, clause, hash and number flag; the
 * function pushes what the word stands for into out (cn_tokens_push_word) and
 * returns 0, or -1 when memory runs out. */
typedef int (*cn_tokens_word_fn)(void *ctx, cn_tokens *out, const cn_token *raw);

/* Tokenize text[0..len) onto the end of t in one pass: sentence and clause
 * numbers start at the given ones; each word goes through fn (NULL: pushed as
 * it is). Returns 0, or -1 when memory runs out (t then holds part of the
 * text's tokens). */
int cn_tokens_append(cn_tokens *t, const char *text, size_t len, unsigned sentence, unsigned clause,
                     cn_tokens_word_fn fn, void *ctx);

/* Append word[0..len) (copied) with the span, sentence and clause of like.
 * Returns 0, or -1 when memory runs out. */
int cn_tokens_push_word(cn_tokens *t, const char *word, size_t len, const cn_token *like,
                        bool number);

/* The newest token, for a tokenizer's callback to complete what it pushed
 * (cn_token.lexicon and its fields); NULL when the list is empty. */
cn_token *cn_tokens_last(cn_tokens *tokens);

/* Append raw as it is (cn_tokens_word_fn's word kept whole, with what the
 * callback added to it: cn_token.lexicon and its fields): its word is kept
 * as cn_tokens_push_word would keep it, the rest copied, nothing computed
 * again. Returns 0, or -1 when memory runs out. */
int cn_tokens_push_raw(cn_tokens *tokens, const cn_token *raw);

/* Append raw as cn_tokens_push_raw would after setting its lexicon to true
 * and its vocab and term to these: the tokenizer's callback keeps a word
 * with what its rule set's lexicon says of it, in one write of the token.
 * Returns 0, or -1 when memory runs out. */
int cn_tokens_push_found(cn_tokens *tokens, const cn_token *raw, int32_t vocab, int32_t term);

/* An empty list to push into. */
cn_tokens *cn_tokens_new_empty(void);

/* Empty the list for another text, keeping its memory (the token array, the
 * newest word block and the normalization buffers) so a list used text after
 * text stops allocating once it has seen its largest one. */
void cn_tokens_clear(cn_tokens *tokens);

/* Bytes the list holds on to (its arrays, blocks and buffers). */
size_t cn_tokens_bytes(const cn_tokens *tokens);

/* Number of sentences (last sentence number + 1; 0 when empty). */
unsigned cn_tokens_sentences(const cn_tokens *tokens);

#endif
