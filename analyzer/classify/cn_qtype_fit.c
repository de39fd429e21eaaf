/* cn_qtype_fit: labelled questions -> the question-type model's weights. */
#include "cn_qtype_fit.h"

#include "cn_grow.h"
#include "cn_lexical.h"
#include "cn_minimize.h"
#include "cn_sort.h"
#include "cn_termindex.h"

#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct cn_qtype_fit {
    char *labels[CN_QTYPE_MAX_LABELS];
    size_t n_labels;
    /* every term seen: text, questions holding it */
    char **text;
    size_t *count;
    size_t n_terms, cap_terms, cap_count;
    cn_termindex *by_hash;
    /* examples: terms term_index[start[i] .. start[i + 1]), label y[i] */
    size_t *start, *term_index, *y;
    size_t n, cap_start, cap_y, n_index, cap_index;
};

int cn_qtype_fit_new(cn_qtype_fit **out, cn_error *err)
{
    cn_qtype_fit *f = calloc(1, sizeof *f);
    if (f && !(f->by_hash = cn_termindex_new())) {
        free(f);
        f = NULL;
    }
    if (f && !cn_grow((void **)&f->start, &f->cap_start, 1, sizeof *f->start)) {
        cn_qtype_fit_free(f);
        f = NULL;
    }
    if (f)
        f->start[0] = 0; /* example 0's terms start at 0 */
    *out = f;
    return f ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}

void cn_qtype_fit_free(cn_qtype_fit *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_labels; i++)
        free(f->labels[i]);
    for (size_t i = 0; i < f->n_terms; i++)
        free(f->text[i]);
    free(f->text);
    free(f->count);
    cn_termindex_free(f->by_hash);
    free(f->start);
    free(f->term_index);
    free(f->y);
    free(f);
}

size_t cn_qtype_fit_examples(const cn_qtype_fit *f)
{
    return f->n;
}

static int label_of(cn_qtype_fit *f, const char *label, size_t *out, cn_error *err)
{
    for (size_t i = 0; i < f->n_labels; i++)
        if (!strcmp(f->labels[i], label))
            return *out = i, CN_OK;
    bool bad = !*label;
    for (const char *c = label; *c && !bad; c++)
        bad = cn_lexical_reserved((unsigned char)*c) || *c == '/';
    if (bad)
        return cn_error_set(err, CN_ERR_USAGE, "'%s' is not a question type label", label);
    if (f->n_labels == CN_QTYPE_MAX_LABELS)
        return cn_error_set(err, CN_ERR_USAGE, "more than %d question type labels",
                            CN_QTYPE_MAX_LABELS);
    if (!(f->labels[f->n_labels] = strdup(label)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    *out = f->n_labels++;
    return CN_OK;
}

typedef struct add_ctx {
    cn_qtype_fit *f;
    bool ok;
} add_ctx;

/* Each distinct term of the question once: counted, indexed. */
static void add_term(void *ctx, uint64_t hash, const char *text, size_t len)
{
    add_ctx *a = ctx;
    cn_qtype_fit *f = a->f;
    if (!a->ok)
        return;
    long j = cn_termindex_get(f->by_hash, hash);
    if (j < 0) {
        char *t = NULL;
        if (!cn_grow((void **)&f->text, &f->cap_terms, f->n_terms + 1, sizeof *f->text) ||
            !cn_grow((void **)&f->count, &f->cap_count, f->n_terms + 1, sizeof *f->count) ||
            f->n_terms >= INT32_MAX || !(t = strndup(text, len)) ||
            cn_termindex_add(f->by_hash, hash, (uint32_t)f->n_terms)) {
            free(t);
            a->ok = false;
            return;
        }
        f->text[f->n_terms] = t;
        f->count[f->n_terms] = 0;
        j = (long)f->n_terms++;
    }
    if (!cn_grow((void **)&f->term_index, &f->cap_index, f->n_index + 1, sizeof *f->term_index)) {
        a->ok = false;
        return;
    }
    f->count[j]++;
    f->term_index[f->n_index++] = (size_t)j;
}

int cn_qtype_fit_add(cn_qtype_fit *f, const char *title, const char *body, const char *label,
                     cn_error *err)
{
    size_t y = 0;
    int rc = label_of(f, label, &y, err);
    if (rc)
        return rc;
    if (!cn_grow((void **)&f->start, &f->cap_start, f->n + 2, sizeof *f->start) ||
        !cn_grow((void **)&f->y, &f->cap_y, f->n + 1, sizeof *f->y))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    add_ctx a = {f, true};
    size_t mark = f->n_index;
    rc = cn_qtype_terms(title, body, true, add_term, &a, err);
    if (rc == CN_OK && !a.ok)
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc) {
        f->n_index = mark; /* the example is not kept (counts stay: fit after an error is moot) */
        return rc;
    }
    f->y[f->n] = y;
    f->start[++f->n] = f->n_index;
    return CN_OK;
}

/* ---- the fit ---- */

typedef struct problem {
    const cn_qtype_fit *f;
    const long *col;        /* term -> column (-1: not in the vocabulary) */
    const size_t *label_of; /* the fit's label -> label order written */
    size_t n_cols, n_labels;
    double l2;
} problem;

static void loss_and_grad(const gsl_vector *v, void *params, double *loss, gsl_vector *g)
{
    const problem *p = params;
    const cn_qtype_fit *f = p->f;
    size_t L = p->n_labels;
    const double *w = v->data;
    double total = 0;
    if (g)
        gsl_vector_set_zero(g);
    for (size_t i = 0; i < f->n; i++) {
        double z[CN_QTYPE_MAX_LABELS] = {0}, top = -HUGE_VAL, sum = 0;
        for (size_t t = f->start[i]; t < f->start[i + 1]; t++) {
            long c = p->col[f->term_index[t]];
            for (size_t k = 0; c >= 0 && k < L; k++)
                z[k] += w[(size_t)c * L + k];
        }
        for (size_t k = 0; k < L; k++)
            top = z[k] > top ? z[k] : top;
        for (size_t k = 0; k < L; k++)
            sum += (z[k] = exp(z[k] - top));
        size_t y = p->label_of[f->y[i]];
        total -= log(z[y] / sum > 1e-300 ? z[y] / sum : 1e-300) / (double)f->n;
        if (!g)
            continue;
        for (size_t t = f->start[i]; t < f->start[i + 1]; t++) {
            long c = p->col[f->term_index[t]];
            for (size_t k = 0; c >= 0 && k < L; k++)
                g->data[(size_t)c * L + k] += (z[k] / sum - (k == y)) / (double)f->n;
        }
    }
    /* column 0 is the bias: barely penalized, it only pins the softmax's shift */
    for (size_t j = 0; j < p->n_cols * L; j++) {
        double lam = j < L ? p->l2 * 1e-4 : p->l2;
        total += 0.5 * lam * w[j] * w[j];
        if (g)
            g->data[j] += lam * w[j];
    }
    if (loss)
        *loss = total;
}

/* Minimize the loss from all-zero weights (w: n_cols x n_labels). */
static int minimize(problem *p, double *w, cn_error *err)
{
    return cn_minimize_bfgs(&loss_and_grad, p, p->n_cols * p->n_labels, w, err);
}

/* The fitted weights as a model: labels in name order (label ids), bias
 * first (vocab: term ids by column). */
static int build(const cn_qtype_fit *f, const size_t *labels, const size_t *vocab, size_t n_cols,
                 const double *w, cn_qtype **out, cn_error *err)
{
    const char *names[CN_QTYPE_MAX_LABELS];
    for (size_t k = 0; k < f->n_labels; k++)
        names[k] = f->labels[labels[k]];
    int rc = cn_qtype_new(out, err);
    for (size_t c = 0; rc == CN_OK && c < n_cols; c++)
        rc = cn_qtype_add(*out, f->text[vocab[c]], names, &w[c * f->n_labels], f->n_labels, err);
    if (rc) {
        cn_qtype_free(*out);
        *out = NULL;
    }
    return rc;
}

int cn_qtype_fit_run(const cn_qtype_fit *f, size_t min_pages, double l2, cn_qtype **out,
                     cn_error *err)
{
    *out = NULL;
    if (f->n == 0)
        return cn_error_set(err, CN_ERR_USAGE, "no labelled questions to fit on");
    if (!(l2 > 0) || !isfinite(l2))
        return cn_error_set(err, CN_ERR_USAGE, "the L2 penalty must be a positive number");
    size_t labels[CN_QTYPE_MAX_LABELS];
    size_t label_pos[CN_QTYPE_MAX_LABELS];
    for (size_t k = 0; k < f->n_labels; k++)
        labels[k] = k;
    if (!cn_sort_by_text(labels, f->n_labels, f->labels))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < f->n_labels; k++)
        label_pos[labels[k]] = k;
    /* term 0 is the bias, which every question holds */
    size_t *vocab = calloc(f->n_terms + 1, sizeof *vocab);
    long *col = calloc(f->n_terms + 1, sizeof *col);
    size_t n_cols = 0;
    for (size_t j = 0; vocab && col && j < f->n_terms; j++)
        if (j == 0 || f->count[j] >= min_pages)
            vocab[n_cols++] = j;
    double *w = vocab && col ? calloc(n_cols * f->n_labels + 1, sizeof *w) : NULL;
    int rc = w && cn_sort_by_text(vocab + 1, n_cols - 1, f->text)
                 ? CN_OK
                 : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK) {
        for (size_t j = 0; j < f->n_terms; j++)
            col[j] = -1;
        for (size_t c = 0; c < n_cols; c++)
            col[vocab[c]] = (long)c;
        problem p = {.f = f,
                     .col = col,
                     .label_of = label_pos,
                     .n_cols = n_cols,
                     .n_labels = f->n_labels,
                     .l2 = l2};
        rc = minimize(&p, w, err);
    }
    if (rc == CN_OK)
        rc = build(f, labels, vocab, n_cols, w, out, err);
    free(vocab);
    free(col);
    free(w);
    return rc;
}
