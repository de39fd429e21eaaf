/*
 * cn_lexical: the word terms of an answer for the decision model's lexical
 * block (cn_model's `word/` features). Terms are read off the tokens the
 * classifier already has (no second tokenization): each token's word,
 * lower-cased as the tokenizer left it, marked "!" when it stands in a
 * negation's scope (so "not safe" and "safe" differ) and replaced by "<q>"
 * when it is a content word of the question (so a weight learned on one
 * procedure carries over to another); bigrams join two such unigrams of the
 * same sentence with "+" ("is+safe", "!<q>+is"). With a lead (setting
 * words_lead), each unigram of the answer's title and first sentences is
 * also a term of its own with "^" first ("^safe", "^!<q>"): the verdict a
 * physician puts up front weighs apart from the same word further on. A
 * term is known by the FNV-1a hash of its text (cn_hash_bytes), so
 * classification looks terms up without building strings; the text itself
 * is spelled only when asked (for `rules fit`, which chooses the vocabulary
 * and writes it).
 */
#ifndef CN_LEXICAL_H
#define CN_LEXICAL_H

#include "cn_tokens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Per-token marks (one byte a token). */
enum { CN_LEX_NEGATED = 1, CN_LEX_QUESTION = 2 };

/* What the terms are made of (from settings: words_negation, words_placeholder,
 * words_bigrams). */
typedef struct cn_lexical_opts {
    bool negation;    /* mark negated tokens "!" */
    bool placeholder; /* question words read "<q>" */
    bool bigrams;     /* bigrams as well as unigrams */
    /* the tokens carry the model's word term of their word (cn_token.term,
     * cn_rules_token_terms): an unmarked word's term is passed on, not
     * looked up again */
    bool token_terms;
    /* tokens [from, lead_end) of cn_lexical_terms are the lead: their
     * unigrams also count with CN_LEX_LEAD_MARK first (0: no lead) */
    size_t lead_end;
} cn_lexical_opts;

/* The first byte of a lead term ("^safe", cn_lexical_opts.lead_end): no
 * token holds it, so no other term reads the same. */
#define CN_LEX_LEAD_MARK '^'

/* A term whose model index is not known to cn_lexical_terms (fn looks it up). */
#define CN_LEX_TERM_UNKNOWN (-2)

/* Called once per term occurrence (a term may come more than once): hash is
 * cn_hash_bytes of the term's text; term is its index in the model's terms
 * (-1: none) when the token said so (cn_lexical_opts.token_terms), else
 * CN_LEX_TERM_UNKNOWN; text (len bytes, not NUL-terminated) is the text when
 * cn_lexical_terms was asked to spell it, else NULL. */
typedef void (*cn_lexical_fn)(void *ctx, uint64_t hash, long term, const char *text, size_t len);

/* Bytes a rule line gives a meaning (weight lines name terms): a token that
 * holds one, or a control byte or space, is not a term. */
#define CN_LEX_RESERVED ":=#|\""

/* A byte that cannot stand in a term: one of CN_LEX_RESERVED, a control
 * byte or a space. */
bool cn_lexical_reserved(unsigned char c);

/* The first byte of a question term ("?remove": the question holds
 * "remove"; setting question_terms, cn_annotate): no token holds it, so no
 * answer term reads the same. */
#define CN_LEX_QUESTION_MARK '?'

/* Longest term text spelled (longer tokens are skipped: a URL, a run of
 * letters); a bigram of two such unigrams and "+" fits. */
#define CN_LEX_MAX_WORD 40

/* The terms of tokens [from, to): marks (NULL: none) has one CN_LEX_* byte a
 * token of the whole array (indexed like items). */
void cn_lexical_terms(const cn_token *items, const unsigned char *marks, size_t from, size_t to,
                      const cn_lexical_opts *opts, bool spell, cn_lexical_fn fn, void *ctx);

#endif
