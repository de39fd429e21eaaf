/* cn_fit: feature vectors of classified answers, aligned to gold, fitted. */
#include "cn_fit.h"
#include "cn_grow.h"

#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_sort.h"

#include <stdlib.h>
#include <string.h>

typedef struct seen {
    char *file;
    size_t index;
    double *x;
    size_t *terms; /* indices into cn_fit.term_text, each once, increasing */
    size_t n_terms;
} seen;

struct cn_fit {
    const cn_gold *gold;
    cn_eval *eval;
    size_t n_features;
    seen *v;
    size_t n, cap;
    FILE *dump; /* dev: aligned vectors written here by cn_fit_run, or NULL */
    /* every word term seen, once: its text, by hash */
    cn_u64map *term_by_hash;
    char **term_text;
    size_t n_term_text, cap_term_text;
    size_t words_min;
    double l2_words;
    /* the question's terms ("?WORD"): their own minimum count and L2 */
    size_t question_min;
    double l2_question;
    double class_weight[CN_STANCE_COUNT]; /* cn_fit_set_class_weights */
};

int cn_fit_new(const cn_gold *gold, size_t n_features, cn_fit **out, cn_error *err)
{
    *out = NULL;
    cn_fit *f = calloc(1, sizeof *f);
    if (f)
        f->eval = cn_eval_new(gold);
    if (!f || !f->eval) {
        free(f);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    f->gold = gold;
    f->n_features = n_features;
    f->l2_words = 0.1;
    f->l2_question = -1; /* unset: l2_words */
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        f->class_weight[k] = 1;
    *out = f;
    return CN_OK;
}

void cn_fit_free(cn_fit *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].file);
        free(f->v[i].x);
        free(f->v[i].terms);
    }
    for (size_t i = 0; i < f->n_term_text; i++)
        free(f->term_text[i]);
    free(f->term_text);
    cn_u64map_free(f->term_by_hash);
    free(f->v);
    cn_eval_free(f->eval);
    free(f);
}

int cn_fit_add(cn_fit *f, const char *file, size_t index, const char *answer_id, const char *text,
               const double *features, cn_error *err)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 256;
        seen *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        f->v = v;
        f->cap = cap;
    }
    seen *s = &f->v[f->n];
    s->file = strdup(file ? file : "");
    s->index = index;
    s->terms = NULL;
    s->n_terms = 0;
    s->x = malloc(f->n_features * sizeof *s->x);
    if (!s->file || !s->x || cn_eval_add(f->eval, file, index, answer_id, text, CN_STANCE_NONE)) {
        free(s->file);
        free(s->x);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    memcpy(s->x, features, f->n_features * sizeof *s->x);
    f->n++;
    return CN_OK;
}

/* The index of a term's text, added when new; -1 when memory runs out. */
static long term_id(cn_fit *f, uint64_t hash, const char *text)
{
    if (!f->term_by_hash && !(f->term_by_hash = cn_u64map_new()))
        return -1;
    int k = cn_u64map_get(f->term_by_hash, hash);
    if (k >= 0)
        return k;
    if (f->n_term_text >= INT32_MAX || !cn_grow((void **)&f->term_text, &f->cap_term_text,
                                                f->n_term_text + 1, sizeof *f->term_text))
        return -1;
    char *t = strdup(text);
    if (!t || cn_u64map_put(f->term_by_hash, hash, (int)f->n_term_text)) {
        free(t);
        return -1;
    }
    f->term_text[f->n_term_text] = t;
    return (long)f->n_term_text++;
}

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int cn_fit_add_terms(cn_fit *f, const uint64_t *hashes, const char *texts, size_t n, cn_error *err)
{
    if (f->n == 0)
        return cn_error_set(err, CN_ERR_USAGE, "terms offered before their answer");
    seen *s = &f->v[f->n - 1];
    size_t *ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    const char *text = texts;
    for (size_t i = 0; i < n; i++) {
        long k = term_id(f, hashes[i], text);
        if (k < 0) {
            free(ids);
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        }
        ids[i] = (size_t)k;
        text += strlen(text) + 1;
    }
    qsort(ids, n, sizeof *ids, by_size);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || ids[m - 1] != ids[i])
            ids[m++] = ids[i];
    free(s->terms);
    s->terms = ids;
    s->n_terms = m;
    return CN_OK;
}

void cn_fit_set_words(cn_fit *f, size_t min_answers, double l2_words)
{
    f->words_min = min_answers;
    f->l2_words = l2_words;
}

void cn_fit_set_question_terms(cn_fit *f, size_t min_answers, double l2_question)
{
    f->question_min = min_answers;
    f->l2_question = l2_question;
}

void cn_fit_set_class_weights(cn_fit *f, const double class_weight[CN_STANCE_COUNT])
{
    memcpy(f->class_weight, class_weight, sizeof f->class_weight);
}

void cn_fit_set_dump(cn_fit *f, FILE *dump)
{
    f->dump = dump;
}

/* One aligned vector as a JSON line (file names are plain page names). */
static void dump_row(FILE *out, const seen *s, cn_stance y, double weight, size_t nf)
{
    fprintf(out, "{\"file\":\"%s\",\"index\":%zu,\"stance\":\"%s\",\"weight\":%.17g,\"x\":[",
            s->file, s->index, cn_stance_name(y), weight);
    for (size_t j = 0; j < nf; j++)
        fprintf(out, "%s%.17g", j ? "," : "", s->x[j]);
    fputs("]}\n", out);
}

/* The answer an aligned pair names (answers are unique by file and index). */
static const seen *find(const cn_fit *f, const char *file, size_t index)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].index == index && !strcmp(f->v[i].file, file ? file : ""))
            return &f->v[i];
    return NULL;
}

/* The answers of the aligned pairs, in fit order (pairs without a vector
 * skipped, as cn_fit_run skips them). */
static const seen *pair_answer(const cn_fit *f, const cn_eval_result *r, size_t i)
{
    return find(f, r->pairs[i].file, r->pairs[i].index);
}

/* The vocabulary: terms of at least words_min aligned answers, in the order
 * of their text (so the written rules read in order and the fit does not
 * depend on the order the pages came in), as the model's word terms; each
 * answer's terms among them as rows (word_start, word_index). With no
 * words_min, no words and no rows. */
static int choose_words(cn_fit *f, cn_model *model, const cn_eval_result *r, size_t n,
                        size_t **word_start, size_t **word_index, cn_error *err)
{
    cn_model_clear_words(model);
    if (f->words_min == 0 || f->n_term_text == 0)
        return CN_OK;
    size_t nt = f->n_term_text;
    size_t *df = calloc(nt, sizeof *df), *vocab = malloc(nt * sizeof *vocab);
    long *col = malloc(nt * sizeof *col);
    int rc = df && vocab && col ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == CN_OK && i < r->n_pairs; i++) {
        const seen *s = pair_answer(f, r, i);
        for (size_t j = 0; s && j < s->n_terms; j++)
            df[s->terms[j]]++;
    }
    size_t nv = 0;
    for (size_t t = 0; rc == CN_OK && t < nt; t++) {
        /* a question term is held by every answer of its question: its own count */
        bool asked = f->term_text[t][0] == CN_LEX_QUESTION_MARK && f->question_min;
        if (df[t] >= (asked ? f->question_min : f->words_min))
            vocab[nv++] = t;
    }
    if (rc == CN_OK)
        /* out of memory: unsorted, the same vocabulary in the order first seen */
        (void)cn_sort_by_text(vocab, nv, f->term_text);
    for (size_t t = 0; rc == CN_OK && t < nt; t++)
        col[t] = -1;
    static const double ZERO[CN_STANCE_COUNT] = {0};
    for (size_t v = 0; rc == CN_OK && v < nv; v++) {
        col[vocab[v]] = (long)v;
        rc = cn_model_add_word(model, f->term_text[vocab[v]], ZERO, err);
    }
    size_t total = 0;
    for (size_t i = 0; rc == CN_OK && i < r->n_pairs; i++) {
        const seen *s = pair_answer(f, r, i);
        for (size_t j = 0; s && j < s->n_terms; j++)
            total += col[s->terms[j]] >= 0;
    }
    if (rc == CN_OK) {
        *word_start = malloc((n + 1) * sizeof **word_start);
        *word_index = malloc((total ? total : 1) * sizeof **word_index);
        if (!*word_start || !*word_index)
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t row = 0, at = 0;
    for (size_t i = 0; rc == CN_OK && i < r->n_pairs; i++) {
        const seen *s = pair_answer(f, r, i);
        if (!s)
            continue;
        (*word_start)[row++] = at;
        for (size_t j = 0; j < s->n_terms; j++)
            if (col[s->terms[j]] >= 0)
                (*word_index)[at++] = (size_t)col[s->terms[j]];
    }
    if (rc == CN_OK)
        (*word_start)[row] = at;
    free(df);
    free(vocab);
    free(col);
    return rc;
}

/* The model's label for aligned answer i (its words, if any). */
static cn_stance predict(const cn_model *m, const double *x, const size_t *word_start,
                         const size_t *word_index, size_t i, double p[CN_STANCE_COUNT])
{
    if (!word_start)
        return cn_model_predict(m, x, p);
    return cn_model_predict_words(m, x, word_index + word_start[i],
                                  word_start[i + 1] - word_start[i], p);
}

int cn_fit_run(cn_fit *f, cn_model *model, double l2, cn_fit_summary *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    if (cn_model_features(model) != f->n_features)
        return cn_error_set(err, CN_ERR_USAGE, "the model's features changed since collection");
    cn_eval_result r;
    int rc = cn_eval_compute(f->eval, &r, err);
    if (rc)
        return rc;
    double *x = malloc((r.n_pairs ? r.n_pairs : 1) * f->n_features * sizeof *x);
    cn_stance *y = malloc((r.n_pairs ? r.n_pairs : 1) * sizeof *y);
    double *wt = malloc((r.n_pairs ? r.n_pairs : 1) * sizeof *wt);
    if (!x || !y || !wt) {
        free(x);
        free(y);
        free(wt);
        cn_eval_result_clear(&r);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < r.n_pairs; i++) {
        const seen *s = find(f, r.pairs[i].file, r.pairs[i].index);
        if (!s)
            continue;
        memcpy(x + n * f->n_features, s->x, f->n_features * sizeof *x);
        y[n] = r.pairs[i].gold->stance;
        wt[n] = r.pairs[i].gold->weight * f->class_weight[y[n]];
        out->counts[y[n]]++;
        if (f->dump)
            dump_row(f->dump, s, y[n], wt[n], f->n_features);
        n++;
    }
    out->aligned = n;
    out->unaligned = r.n_unaligned;
    size_t *word_start = NULL, *word_index = NULL;
    rc = choose_words(f, model, &r, n, &word_start, &word_index, err);
    cn_eval_result_clear(&r);
    out->words = cn_model_words(model);
    if (rc == CN_OK)
        rc = cn_model_fit_question(model, x, word_start, word_index, y, wt, n, l2, f->l2_words,
                                   f->l2_question > 0 ? f->l2_question : f->l2_words, err);
    if (rc == CN_OK) {
        size_t right = 0;
        for (size_t i = 0; i < n; i++) {
            double p[CN_STANCE_COUNT];
            right += predict(model, x + i * f->n_features, word_start, word_index, i, p) == y[i];
        }
        out->training_accuracy = n ? (double)right / (double)n : 0;
    }
    free(x);
    free(y);
    free(wt);
    free(word_start);
    free(word_index);
    return rc;
}
