/*
 * cn_model: the decision layer of the classifier, learned from labelled
 * answers. The cue matcher and its modifiers turn an answer into a handful of
 * numbers (how much reassuring, cautionary and contraindicated weight it
 * carries, in the title, in its last sentence, as explicit advice, under a
 * condition...); the question adds its type ("timing", "harm", ...) and flags
 * ("timepoint": the asker says where they are). A multinomial logistic model
 * over these features, with interactions of the stance scores and the
 * question, picks the label: the same "advise to wait" weighs differently in
 * "how soon can I swim?" and in "I swam at one week, is that OK?".
 *
 * The weights live in the rule folder (`weight FEATURE reassuring=.. ...`
 * lines, rules/decision.rules), so an editor can read and change them, and
 * `consensus rules fit` refits them from a gold file (cn_model_fit). A rule
 * folder without weight lines keeps the hand-written decision of
 * cn_classifier.
 *
 * Besides these rule features the model has an optional lexical block: one
 * feature per word term (`weight word/TERM ...`, cn_lexical), 1 when the
 * answer holds the term, looked up by the term's hash. The vocabulary is
 * whatever the weight lines name (the fitter chooses it); a model without
 * word lines decides exactly as one without the block.
 */
#ifndef CN_MODEL_H
#define CN_MODEL_H

#include "cn_error.h"
#include "cn_stance.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct cn_model cn_model;

/* What the classifier measured on one answer: the inputs of the features.
 * Weights are the summed effective cue weights after modifiers. */
typedef struct cn_model_input {
    double score[CN_STANCE_COUNT];       /* all cues */
    double title[CN_STANCE_COUNT];       /* cues in the title */
    double last[CN_STANCE_COUNT];        /* cues in the last sentence with cues */
    double first[CN_STANCE_COUNT];       /* cues in the body's first sentence */
    double conditional[CN_STANCE_COUNT]; /* cues under a condition or about the future */
    double advice_against;               /* contraindicated weight of explicit advice */
    double hedged_caution;               /* cautionary weight of hedged risk */
    size_t tokens;                       /* words in title and body */
    /* STANCE-GUIDE rule 15 (cn_wait): the longest wait the answer advises,
     * in days, and the asker's time point in days (0: none) */
    double wait_days;
    double asker_days;
    const char *question_type; /* NULL when unknown */
    const char *const *flags;  /* question flags present */
    size_t n_flags;
    /* the cue rules that counted (index: position among cn_model_new's cue
     * ids), each once: weight counted for the cue's own stance, and after a
     * negation turned it. Sparse, so the cost does not grow with the rules. */
    const struct cn_model_cue *cues;
    size_t n_cues;
    /* the word terms present (indices into the model's vocabulary,
     * cn_model_word_find), each once */
    const size_t *words;
    size_t n_words;
    /* added to each label's log-odds when the label is chosen, not to its
     * probability (settings decision_offset_*: a macro-F1 optimum wants the
     * rare labels more often than the likeliest label gives them); all 0:
     * the most probable label */
    double offset[CN_STANCE_COUNT];
} cn_model_input;

typedef struct cn_model_cue {
    size_t index;
    double own, turned;
} cn_model_cue;

/* A model over the given question types, flags and cue ids (copied),
 * weights all 0. */
int cn_model_new(const char *const *question_types, size_t n_types, const char *const *flags,
                 size_t n_flags, const char *const *cues, size_t n_cues, cn_model **out,
                 cn_error *err);
void cn_model_free(cn_model *m);

/* Number of features, and the name of feature i ("score_contraindicated",
 * "advice_x_done",
 * "qtype_timing", "contraindicated_x_timing", "cue_postpone",
 * "cue_safe_turned", ...). */
size_t cn_model_features(const cn_model *m);
const char *cn_model_feature_name(const cn_model *m, size_t i);
/* Index of a feature by name, or -1. */
long cn_model_feature_index(const cn_model *m, const char *name);

/* Set the four weights of a feature (by index). */
void cn_model_set_weights(cn_model *m, size_t feature, const double w[CN_STANCE_COUNT]);
/* True once any weight was set: the model decides. */
bool cn_model_active(const cn_model *m);

/* The feature vector of an answer (cn_model_features(m) doubles). */
void cn_model_vector(const cn_model *m, const cn_model_input *in, double *x);

/* Probabilities of the four labels for a feature vector; returns the most
 * probable label (ties go to the more cautious). */
cn_stance cn_model_predict(const cn_model *m, const double *x, double p[CN_STANCE_COUNT]);

/* Temperature scaling of probabilities p = softmax(z): p becomes
 * softmax(z / temperature), computed from p alone (p^(1/T), renormalized: the
 * same thing, since exp(z - max) / sum scales to exp((z - max) / T) / sum').
 * Order is kept, so the most probable label stays the most probable; a
 * temperature of exactly 1 leaves p untouched, bit for bit. temperature > 0. */
void cn_model_temper(double p[CN_STANCE_COUNT], double temperature);

/* The feature that pushed most toward `stance` against the runner-up, for a
 * reason a person can read; NULL when none did. */
const char *cn_model_top_feature(const cn_model *m, const double *x, cn_stance stance);

/* cn_model_predict and cn_model_top_feature straight from an input, reading
 * only the features that are not zero: what classification uses. *top (may
 * be NULL) gets the deciding feature's name. */
cn_stance cn_model_decide(const cn_model *m, const cn_model_input *in, double p[CN_STANCE_COUNT],
                          const char **top);

/* Fit the weights to n labelled vectors (x: n rows of cn_model_features
 * doubles; y: labels; weights: how much each counts, NULL for 1) by
 * L2-regularized maximum likelihood (the bias is barely penalized).
 * Deterministic. */
int cn_model_fit(cn_model *m, const double *x, const cn_stance *y, const double *weights, size_t n,
                 double l2, cn_error *err);

/* The lexical block. Add a word term (its text, without "word/") with its
 * weights: CN_OK; CN_ERR_USAGE when the term is empty, holds a space or is
 * there already; CN_ERR_NOMEM. */
int cn_model_add_word(cn_model *m, const char *term, const double w[CN_STANCE_COUNT],
                      cn_error *err);
/* Drop every word term (a fit chooses its own vocabulary). */
void cn_model_clear_words(cn_model *m);
size_t cn_model_words(const cn_model *m);
/* "word/TERM" of vocabulary entry i, or NULL. */
const char *cn_model_word_name(const cn_model *m, size_t i);
/* The vocabulary index of the term with this hash (cn_hash_bytes of its
 * text), or -1. */
long cn_model_word_find(const cn_model *m, uint64_t hash);
/* A number that changes whenever the word terms do (cn_model_add_word,
 * cn_model_clear_words): what was looked up under one number holds while
 * it lasts. */
unsigned long cn_model_words_version(const cn_model *m);

/* cn_model_predict for a vector with the word terms words[0..n_words)
 * (vocabulary indices, each once) present. */
cn_stance cn_model_predict_words(const cn_model *m, const double *x, const size_t *words,
                                 size_t n_words, double p[CN_STANCE_COUNT]);

/* cn_model_fit with the lexical block: answer i holds the vocabulary entries
 * word_index[word_start[i] .. word_start[i + 1]) (each once; word_start has
 * n + 1 entries; NULL for none), whose weights get their own L2 penalty
 * l2_words. */
int cn_model_fit_lexical(cn_model *m, const double *x, const size_t *word_start,
                         const size_t *word_index, const cn_stance *y, const double *weights,
                         size_t n, double l2, double l2_words, cn_error *err);
/* cn_model_fit_lexical with an L2 of their own (l2_question) for the
 * question's terms ("word/?WORD", cn_classify_input.question_terms). */
int cn_model_fit_question(cn_model *m, const double *x, const size_t *word_start,
                          const size_t *word_index, const cn_stance *y, const double *weights,
                          size_t n, double l2, double l2_words, double l2_question, cn_error *err);

/* Write the weights as rule lines ("weight FEATURE reassuring=... ..."),
 * the word terms last, in their vocabulary order. */
int cn_model_write(const cn_model *m, FILE *out);

#endif
