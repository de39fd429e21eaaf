/*
 * cn_qtype: the question-type model. Reads a question's title and body as
 * its labellers would and says which kind of question it is ("done": the
 * asker already had it; "permission", "harm", "timing", "duration",
 * "other"): a multinomial logistic regression over the question's words
 * (unigrams and bigrams of title and body, the title's again marked "t/"),
 * weights in rule lines (`qtype TERM LABEL=W ...`, rules/qtype.rules,
 * written by `consensus rules fit-qtype`). The most probable type becomes the
 * question flag "qtype/LABEL", which the decision model crosses with the
 * stance scores like the phrase flags of claims.rules. A question is typed
 * once per page.
 */
#ifndef CN_QTYPE_H
#define CN_QTYPE_H

#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct cn_qtype cn_qtype;

/* Most labels a model has. */
#define CN_QTYPE_MAX_LABELS 12
/* The term every question holds (the model's intercept). */
#define CN_QTYPE_BIAS "<bias>"

int cn_qtype_new(cn_qtype **out, cn_error *err);
void cn_qtype_free(cn_qtype *qt);

/* One weight line: term TERM with weights values[i] for labels[i]. The first
 * line names the model's labels (in that order); every later one must name
 * the same labels (any order). CN_ERR_USAGE (message says why) for an empty
 * term, a term with a space or a reserved byte, a term given twice, an
 * unknown, missing or repeated label, too many labels; CN_ERR_NOMEM. */
int cn_qtype_add(cn_qtype *qt, const char *term, const char *const *labels, const double *values,
                 size_t n, cn_error *err);

/* Labels (0 when no line was added: the model says nothing). */
size_t cn_qtype_labels(const cn_qtype *qt);
const char *cn_qtype_label(const cn_qtype *qt, size_t i);
/* "qtype/LABEL": the question flag of label i (borrowed). */
const char *cn_qtype_flag(const cn_qtype *qt, size_t i);

/* "qtype/maybe-LABEL": the flag of a question that label i fits less surely
 * (borrowed; cn_annotate, setting qtype_lean_probability). */
const char *cn_qtype_lean_flag(const cn_qtype *qt, size_t i);

/* Called once per distinct term of a question: hash is cn_hash_bytes of its
 * text; text (len bytes, not NUL-terminated) is spelled only when asked. */
typedef void (*cn_qtype_term_fn)(void *ctx, uint64_t hash, const char *text, size_t len);

/* The terms of a question (title and body may be NULL), each once, bias
 * first. Returns CN_OK or CN_ERR_NOMEM. */
int cn_qtype_terms(const char *title, const char *body, bool spell, cn_qtype_term_fn fn, void *ctx,
                   cn_error *err);

/* The probability of each label (p: cn_qtype_labels doubles) and, at *best,
 * the most probable label's index (ties: the first), or -1 when the model has
 * no labels (p untouched). Returns CN_OK or CN_ERR_NOMEM. */
int cn_qtype_predict(const cn_qtype *qt, const char *title, const char *body, double *p, long *best,
                     cn_error *err);

/* The weights as `qtype` rule lines, bias first, then the terms in the order
 * added. */
int cn_qtype_write(const cn_qtype *qt, FILE *out);

#endif
