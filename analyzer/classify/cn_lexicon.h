/*
 * cn_lexicon: everything a rule set knows of one word, found with one lookup.
 *
 * Three readers used to look each token's word up in a table of their own:
 * the tokenizer in the aliases (a filter, then a string map), the matcher in
 * its vocabulary (a filter, then a probe and a compare of the text) and the
 * word terms in the decision model's term index (a probe), each a cache miss
 * or two per token. The lexicon is those three tables joined, keyed by the
 * word's hash (cn_hash_bytes, which the tokenizer computes anyway): the
 * tokenizer looks the word up once (cn_rules' rules_word) and keeps the
 * answers on the token (cn_token.vocab, cn_token.term) for the matcher and
 * the word terms to read.
 *
 * The answers are the ones the three tables give, bit for bit: an alias or a
 * vocabulary entry only when the text is the same (its hash alone could be
 * another word's), a term by its hash alone (as cn_termindex, since terms are
 * known by hash). Only the terms a word could spell have a slot (the shipped
 * model's 7,628 unigrams of its 43,180 terms: the table stays small enough
 * to stay in cache); the others (bigrams, "!" and "<q>" terms) are a bit
 * each in a filter, and a word whose hash finds a bit set is told
 * CN_LEXICON_TERM_UNKNOWN (look it up in the model), as a 64-bit hash shared
 * by a word and a bigram would need. Should two of its words or terms share
 * a hash, or a key be 0, the lexicon is not usable (cn_lexicon_usable) and
 * the readers keep their own tables, which stay.
 */
#ifndef CN_LEXICON_H
#define CN_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cn_lexicon cn_lexicon;

/* What the lexicon says of a word: -1 where it has nothing. */
typedef struct cn_lex_entry {
    int32_t vocab; /* the matcher's vocabulary entry */
    int32_t alias; /* the rule set's alias (its expansion's index) */
    int32_t term;  /* the decision model's word term of that hash, or
                      CN_LEXICON_TERM_UNKNOWN */
} cn_lex_entry;

/* A term the lexicon cannot tell: the model's term index knows. */
#define CN_LEXICON_TERM_UNKNOWN (-2)

cn_lexicon *cn_lexicon_new(void);
void cn_lexicon_free(cn_lexicon *lx);

/* Collect the lexicon's contents, then build it (cn_lexicon_build). A word
 * (text[0..len), copied) added twice keeps both its vocab and alias (the
 * second add sets what the first left -1). Return 0, or -1 on OOM. */
int cn_lexicon_add_word(cn_lexicon *lx, const char *text, size_t len, int32_t vocab, int32_t alias);
int cn_lexicon_add_term(cn_lexicon *lx, uint64_t hash, int32_t term);
/* A term no word spells (a bigram, a "!" or "<q>" term): only its hash. */
int cn_lexicon_add_other_term(cn_lexicon *lx, uint64_t hash);

/* Lay the table out from what was added. Returns 0, or -1 on OOM (the
 * lexicon is then not usable). */
int cn_lexicon_build(cn_lexicon *lx);

/* Built, and its words' hashes all differ and none is 0. */
bool cn_lexicon_usable(const cn_lexicon *lx);

/* The entry of word[0..len), hash its cn_hash_bytes; the lexicon is usable. */
cn_lex_entry cn_lexicon_find(const cn_lexicon *lx, const char *word, size_t len, uint64_t hash);

#endif
