/*
 * cn_claims: which claim a question is about, read from docs (cn_doc) so each
 * text is tokenized once. A question maps to the catalog
 * claim whose topic patterns its title matches most; an untitled page takes
 * the claim most of its answers address; when nothing in the catalog fits, the
 * question itself becomes an ad-hoc claim, so unseen topics still get stances.
 */
#ifndef CN_CLAIMS_H
#define CN_CLAIMS_H

#include "cn_doc.h"
#include "cn_error.h"
#include "cn_rules.h"

#include <stddef.h>

typedef struct cn_claim_choice {
    const cn_rule *rule; /* the catalog claim, or NULL for an ad-hoc claim */
    char *id;            /* rule id, or "adhoc-" + 12 hex digits of the question */
    char *statement;     /* the claim's statement, or the question for ad-hoc */
    const char *source;  /* "title", "answers" or "adhoc" */
} cn_claim_choice;

void cn_claim_choice_clear(cn_claim_choice *c);

/* The catalog claim a doc is most about (at least claim_min_topics distinct
 * topic matches), or NULL. *topics (if not NULL) gets the number matched. */
const cn_rule *cn_claims_best(const cn_rules *rules, const cn_doc *doc, size_t *topics,
                              cn_error *err);

/* All catalog claims an answer's body (its doc without the title) is about,
 * in catalog order. *out is malloc'd. */
int cn_claims_in_body(const cn_rules *rules, const cn_doc *doc, const cn_rule ***out, size_t *n_out,
                      cn_error *err);

/* The question type of a title's doc (NULL: no title): the id of the `question` rule whose patterns
 * it matches most (ties to the earlier rule); when none matches, or there is
 * no title, the rule marked default=yes, else NULL. Borrowed from rules. */
const char *cn_claims_question_type(const cn_rules *rules, const cn_doc *question, cn_error *err);

/* The question flags (question rules with flag=yes) whose patterns the title
 * or body match, as ids borrowed from rules, in rule order. *out is malloc'd
 * (free it; NULL entries never occur). */
int cn_claims_question_flags(const cn_rules *rules, const cn_doc *question, const cn_doc *body,
                             const char ***out, size_t *n_out, cn_error *err);

/* The primary claim of a question: question and its doc may be NULL for
 * untitled pages; the answers' texts and docs are used only then. */
int cn_claims_primary(const cn_rules *rules, const char *question, const cn_doc *question_doc,
                      const char *const *answers, const cn_doc *const *answer_docs,
                      size_t n_answers, cn_claim_choice *out, cn_error *err);

#endif
