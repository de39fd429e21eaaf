/*
 * cn_qtype_fit: fit the question-type model (cn_qtype) from labelled
 * questions, one example a page: the vocabulary is every term held by at
 * least min_pages questions, the weights those of an L2-regularized
 * multinomial logistic regression (GSL's BFGS, deterministic). `consensus
 * rules fit-qtype` is this module behind a command line.
 */
#ifndef CN_QTYPE_FIT_H
#define CN_QTYPE_FIT_H

#include "cn_error.h"
#include "cn_qtype.h"

#include <stddef.h>

typedef struct cn_qtype_fit cn_qtype_fit;

int cn_qtype_fit_new(cn_qtype_fit **out, cn_error *err);
void cn_qtype_fit_free(cn_qtype_fit *fit);

/* One labelled question (title and body may be NULL; all copied as terms).
 * CN_ERR_USAGE for a label that is not one (empty, reserved bytes, "/"),
 * or beyond CN_QTYPE_MAX_LABELS distinct ones; CN_ERR_NOMEM. */
int cn_qtype_fit_add(cn_qtype_fit *fit, const char *title, const char *body, const char *label,
                     cn_error *err);
size_t cn_qtype_fit_examples(const cn_qtype_fit *fit);

/* Fit: labels in name order, terms held by >= min_pages questions (the bias
 * always) in name order, L2 penalty l2 (> 0) on all but the bias. *out is a
 * new model (free it). CN_ERR_USAGE without examples or with a bad l2. */
int cn_qtype_fit_run(const cn_qtype_fit *fit, size_t min_pages, double l2, cn_qtype **out,
                     cn_error *err);

#endif
