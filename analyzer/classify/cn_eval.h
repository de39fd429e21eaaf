/*
 * cn_eval: measures stances against hand labels. Loads a gold file (JSON
 * Lines of STANCE-GUIDE.md: file, index, prefix, stance; or an editors'
 * overrides array keyed by answer_id), aligns each gold line to a classified
 * answer, and computes the confusion matrix, per-label precision/recall/F1,
 * macro-F1, accuracy and Cohen's kappa (unweighted on the four labels,
 * linear-weighted on the three ordinal ones).
 */
#ifndef CN_EVAL_H
#define CN_EVAL_H

#include "cn_error.h"
#include "cn_stance.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_gold_item {
    char *file;      /* NULL for overrides (aligned by answer_id) */
    size_t index;    /* 1-based; 0 when absent */
    char *prefix;    /* NULL for overrides */
    char *answer_id; /* overrides only */
    char *hash;      /* instead of prefix: cn_eval_prefix_hash of the answer's first words */
    double weight;   /* how much the line counts when fitting (cn_fit); 1 unless given */
    cn_stance stance;
    unsigned line; /* line (JSON Lines) or array position (overrides), 1-based */
} cn_gold_item;

typedef struct cn_gold cn_gold;

/* Load gold labels: JSON Lines with file/index/prefix/stance, or a JSON array
 * of overrides {answer_id, stance, ...}. Errors name FILE:LINE. */
int cn_gold_load(const char *path, cn_gold **out, cn_error *err);
void cn_gold_free(cn_gold *gold);
size_t cn_gold_count(const cn_gold *gold);
const cn_gold_item *cn_gold_at(const cn_gold *gold, size_t i);

/* Words of an answer that a gold hash covers, and the hash's length. */
#define CN_EVAL_PREFIX_WORDS 8
#define CN_EVAL_HASH_LEN 16

/* The first 16 hex digits of the SHA-256 of the first n_words words of text,
 * joined by one space, after folding curly quotes, no-break and thin spaces
 * and ASCII case; words of punctuation alone are skipped. Empty when the text
 * has no word. Lets a gold file name an answer without holding its words
 * (tests/real/realset.py computes the same). */
void cn_eval_prefix_hash(const char *text, size_t n_words, char out[CN_EVAL_HASH_LEN + 1]);

typedef struct cn_eval cn_eval;

cn_eval *cn_eval_new(const cn_gold *gold);
void cn_eval_free(cn_eval *ev);

/* Offer one classified answer. Returns 0, or -1 when memory runs out. */
int cn_eval_add(cn_eval *ev, const char *file, size_t index, const char *answer_id,
                const char *text, cn_stance predicted);

typedef struct cn_label_metrics {
    double precision, recall, f1; /* 0 when undefined (no support and no predictions) */
    long support;                 /* gold count */
    long predicted;
} cn_label_metrics;

typedef struct cn_eval_pair {
    const cn_gold_item *gold;
    const char *file; /* the aligned answer's file and index (borrowed from the cn_eval) */
    size_t index;
    cn_stance predicted;
} cn_eval_pair;

typedef struct cn_eval_result {
    long n;                                           /* aligned pairs */
    long confusion[CN_STANCE_COUNT][CN_STANCE_COUNT]; /* [gold][predicted] */
    cn_label_metrics per_label[CN_STANCE_COUNT];
    double macro_f1; /* mean F1 over the four labels */
    double accuracy;
    double kappa;          /* Cohen, unweighted, four labels */
    double weighted_kappa; /* Cohen, linear weights, pairs where both are ordinal */
    const cn_gold_item **unaligned;
    size_t n_unaligned;
    cn_eval_pair *pairs; /* every aligned pair, in gold order */
    size_t n_pairs;
} cn_eval_result;

/* Align and compute. *out owns its unaligned array: free with cn_eval_result_clear. */
int cn_eval_compute(cn_eval *ev, cn_eval_result *out, cn_error *err);
void cn_eval_result_clear(cn_eval_result *r);

/* Cohen's kappa of a k x k agreement table (rows: rater A, columns: rater B),
 * unweighted when linear is false, linear weights 1 - |i-j|/(k-1) otherwise.
 * NaN when undefined (no items, or chance agreement 1). */
double cn_kappa(const long *table, size_t k, bool linear);

#endif
