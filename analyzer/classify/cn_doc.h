/*
 * cn_doc: one text as the rule set sees it, tokenized and matched once. An
 * answer's doc holds its title's tokens, then its body's (sentence and clause
 * numbers continued, so no pattern or scope runs from one into the other),
 * and every match of the rule set's matcher over them. The claims lookup, the
 * question type and flags, and the classifier for the primary and every
 * secondary claim all read the same doc, so a page's texts are tokenized once.
 */
#ifndef CN_DOC_H
#define CN_DOC_H

#include "cn_error.h"
#include "cn_matcher.h"
#include "cn_rules.h"
#include "cn_tokens.h"

#include <stddef.h>

typedef struct cn_doc cn_doc;

/* Tokenize and match title (may be NULL) and text (may be NULL). The doc
 * borrows rules and copies nothing of the strings but their tokens. */
int cn_doc_new(const cn_rules *rules, const char *title, const char *text, cn_doc **out,
               cn_error *err);
void cn_doc_free(cn_doc *doc);

/* Make doc over for another title and text, as cn_doc_new would, keeping
 * its memory (tokens, buffers, matches): an annotator recycles its docs
 * page after page instead of allocating each one's parts again. On failure
 * the doc is empty but can still be remade or freed. */
int cn_doc_remake(cn_doc *doc, const cn_rules *rules, const char *title, const char *text,
                  cn_error *err);

/* Bytes the doc holds on to: a recycler lets go of the large ones. */
size_t cn_doc_bytes(const cn_doc *doc);

const cn_tokens *cn_doc_tokens(const cn_doc *doc);
/* Tokens [0, cn_doc_title_tokens) come from the title. */
size_t cn_doc_title_tokens(const cn_doc *doc);
/* Every match, sorted by first token, longer first (cn_matcher_scan's order). */
const cn_match *cn_doc_matches(const cn_doc *doc, size_t *n);

#endif
