/*
 * cn_dedup: the de-duplication index, the only state the reader keeps across
 * pages. It gives every answer a stable answer_id (from its de-duplication
 * key: the normalized text, letters and digits only), marks a repeat of an
 * earlier answer with duplicate_of, and gives pages that share answers one
 * question_id, so the same answer in two renderings of a question counts once.
 *
 * Ids are the first 16 hex digits of SHA-256 over content only (never paths
 * or order), so the same content gets the same id on every run and machine:
 *   answer_id   = SHA-256(key), or SHA-256(question_id "\n" key) for keys
 *                 shorter than dedup_min_key ("Totally fine." on two unrelated
 *                 questions is two answers and must not merge them);
 *   question_id = the question_id of the earlier answer that the page's first
 *                 repeating answer repeats (a full answer by key, or an excerpt
 *                 outside the page's trailing run of excerpts by prefix), else
 *                 SHA-256("q\n" question key), else (untitled pages)
 *                 SHA-256("p\n" answer keys).
 * An answer matches an earlier one when its text or its match_text (the
 * rendering with sign-offs) has the same key. A cut-off excerpt ("...")
 * matches by prefix; an excerpt of an answer from another question, or one in
 * a flat page's trailing run of excerpts that repeats nothing, is a
 * related-question excerpt (related = true) and is not indexed.
 *
 * Memory: a fixed few dozen bytes per distinct key plus at most
 * excerpt_prefix_max bytes of key per distinct answer; nothing else.
 */
#ifndef CN_DEDUP_H
#define CN_DEDUP_H

#include "cn_error.h"
#include "cn_page.h"

#include <stddef.h>

typedef struct cn_dedup cn_dedup;

typedef struct cn_dedup_options {
    size_t min_key;         /* shorter keys are matched within their question only */
    size_t excerpt_min_key; /* shorter excerpts are not matched by prefix */
    size_t prefix_max;      /* key bytes kept per answer for prefix matching */
} cn_dedup_options;

int cn_dedup_new(const cn_dedup_options *options, cn_dedup **out, cn_error *err);
void cn_dedup_free(cn_dedup *dedup);

/* Set page->question_id and each answer's answer_id, duplicate_of and related,
 * then add the page's answers to the index. Pages must come in reading order. */
int cn_dedup_assign(cn_dedup *dedup, cn_page *page, cn_error *err);

/* Distinct answers indexed so far. */
size_t cn_dedup_count(const cn_dedup *dedup);

/* Bytes the index holds (tables, entries and kept prefixes). */
size_t cn_dedup_bytes(const cn_dedup *dedup);

#endif
