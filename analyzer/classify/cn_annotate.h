/*
 * cn_annotate: stances for every answer of a page, toward the page's primary
 * claim and toward the other catalog claims each answer addresses.
 *
 * The annotator remembers the primary claim chosen for each question_id, so a
 * page that repeats another's answers (a flat rendering without a title) is
 * judged against the claim of the question it belongs to. That memory grows
 * with the number of questions, not with answers.
 */
#ifndef CN_ANNOTATE_H
#define CN_ANNOTATE_H

#include "cn_claims.h"
#include "cn_classifier.h"
#include "cn_error.h"
#include "cn_jsonbuf.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct cn_answer_claim {
    const char *claim_id;  /* borrowed from the annotator or the rules */
    const char *statement; /* borrowed */
    bool primary;
    cn_decision decision;
} cn_answer_claim;

typedef struct cn_answer_annotation {
    cn_answer_claim *claims; /* claims[0] is the primary claim */
    size_t n_claims;
    bool names_primary; /* the body itself is about the primary catalog claim (its
                           topics, as cn_claims_in_body finds them); false for an
                           ad-hoc claim */
} cn_answer_annotation;

typedef struct cn_page_annotation {
    const cn_claim_choice *primary;    /* borrowed from the annotator */
    const char *question_type;         /* "permission", "harm", ... or NULL (borrowed) */
    const char *const *question_flags; /* "timing", "timepoint", ... (borrowed) */
    size_t n_question_flags;
    /* the asker's time point in days (cn_wait_asker_days; 0: none), and
     * whether it was read (an annotation decoded from a partial has none:
     * a page judged against it reads its own) */
    double asker_days;
    bool asker_known;
    cn_answer_annotation *answers; /* one per page answer */
    size_t n_answers;
} cn_page_annotation;

typedef struct cn_annotator cn_annotator;

/* The annotator borrows rules, which must outlive it. */
int cn_annotator_new(const cn_rules *rules, cn_annotator **out, cn_error *err);
void cn_annotator_free(cn_annotator *a);

/* Classify every answer of page. *out is freed with cn_page_annotation_free
 * (before the annotator is freed: it borrows claim ids from it). */
/* How many texts the annotator has tokenized and matched (cn_doc): one per
 * answer (title and body together) and one per question title and body, each
 * once however many claims read it. */
size_t cn_annotator_docs_made(const cn_annotator *annotator);

/* Keep each primary decision's feature vector (cn_decision.features), as
 * `rules fit` needs; off by default. */
void cn_annotator_keep_features(cn_annotator *annotator, bool keep);

int cn_annotator_page(cn_annotator *a, const cn_page *page, cn_page_annotation **out,
                      cn_error *err);

/* Classify every answer of page against the question of `like` (its primary,
 * question_type and question_flags only are read: an annotation of an
 * earlier page of the same question_id, made by this annotator or another
 * one that outlives *out), or, when like is NULL, against a question chosen
 * from this page alone. Either way the annotator neither looks the
 * question_id up nor remembers it: a caller that spreads pages over several
 * annotators (cn_batch) keeps that memory itself. */
int cn_annotator_page_as(cn_annotator *a, const cn_page *page, const cn_page_annotation *like,
                         cn_page_annotation **out, cn_error *err);

void cn_page_annotation_free(cn_page_annotation *pa);

/* Evidence of a decision as a JSON array [{rule, kind, field, start, end,
 * match, stance, weight, effects}] (match: the text it matched). */
cJSON *cn_evidence_json(const cn_decision *d, const char *title, const char *text);

/* The `classify` line of answer i: the `parse` object plus stance,
 * confidence, claim, conflicting, scores and claims [{claim, statement,
 * primary, stance, confidence, evidence}]. NULL on OOM. */
cJSON *cn_annotation_answer_json(const cn_page *page, size_t i, const cn_page_annotation *pa);

/* The same object written into b (cn_jsonbuf: no tree; the `classify` lines),
 * byte for byte as cJSON prints cn_annotation_answer_json. */
void cn_annotation_answer_write(cn_jsonbuf *b, const cn_page *page, size_t i,
                                const cn_page_annotation *pa);

#endif
