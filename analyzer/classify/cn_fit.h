/*
 * cn_fit: refit the decision model (cn_model) from hand labels. Collects each
 * classified answer's feature vector, aligns the answers with a gold file
 * exactly as `consensus eval` does (cn_eval: by hash, prefix or answer_id),
 * and fits the model's weights on the aligned pairs. `consensus rules fit`
 * is this module behind a command line; an editors' overrides file is a
 * gold file too, so editors can refit from their own corrections.
 */
#ifndef CN_FIT_H
#define CN_FIT_H

#include "cn_error.h"
#include "cn_eval.h"
#include "cn_model.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct cn_fit cn_fit;

/* A collection for a model with n_features features, aligned to gold
 * (borrowed; it must outlive the cn_fit). */
int cn_fit_new(const cn_gold *gold, size_t n_features, cn_fit **out, cn_error *err);
void cn_fit_free(cn_fit *fit);

/* Offer one classified answer and its feature vector (copied). */
int cn_fit_add(cn_fit *fit, const char *file, size_t index, const char *answer_id, const char *text,
               const double *features, cn_error *err);

/* The word terms of the answer cn_fit_add offered last (the decision's
 * term_hash and term_text, cn_classifier.h; copied, each term once). */
int cn_fit_add_terms(cn_fit *fit, const uint64_t *hashes, const char *texts, size_t n,
                     cn_error *err);

/* The lexical block: cn_fit_run chooses as vocabulary the terms held by at
 * least min_answers aligned answers (0, the default: no word terms; the
 * model's old ones are dropped either way) and fits their weights with the
 * L2 penalty l2_words. */
void cn_fit_set_words(cn_fit *fit, size_t min_answers, double l2_words);
/* The question's terms ("?WORD", setting question_terms): a term enters the
 * vocabulary when min_answers aligned answers hold it (0: words_min, as any
 * term), its weights with L2 penalty l2_question (<= 0: l2_words). */
void cn_fit_set_question_terms(cn_fit *fit, size_t min_answers, double l2_question);

/* How much a labelled answer counts by its label, times its own weight
 * (class_weight[stance], indexed by cn_stance; the default: 1 each). The
 * small labels' recall is what macro-F1 rewards. */
void cn_fit_set_class_weights(cn_fit *fit, const double class_weight[CN_STANCE_COUNT]);

typedef struct cn_fit_summary {
    size_t aligned;               /* labelled answers fitted on */
    size_t unaligned;             /* gold lines that matched no answer */
    double training_accuracy;     /* of the fitted model on those answers */
    long counts[CN_STANCE_COUNT]; /* gold labels fitted on */
    size_t words;                 /* word terms in the vocabulary chosen */
} cn_fit_summary;

/* Development aid: cn_fit_run also writes each aligned answer's file, index,
 * gold stance, weight and feature vector as a JSON line to dump (borrowed;
 * NULL, the default, for none). Lets a dev script try other learners on the
 * very vectors the fit sees. */
void cn_fit_set_dump(cn_fit *fit, FILE *dump);

/* Align, then fit the model's weights (cn_model_fit with this L2 penalty). */
int cn_fit_run(cn_fit *fit, cn_model *model, double l2, cn_fit_summary *out, cn_error *err);

#endif
