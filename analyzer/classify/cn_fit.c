/* cn_fit: feature vectors of classified answers, aligned to gold, fitted. */
#include "cn_fit.h"

#include <stdlib.h>
#include <string.h>

typedef struct seen {
    char *file;
    size_t index;
    double *x;
} seen;

struct cn_fit {
    const cn_gold *gold;
    cn_eval *eval;
    size_t n_features;
    seen *v;
    size_t n, cap;
    FILE *dump; /* dev: aligned vectors written here by cn_fit_run, or NULL */
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
    }
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
        wt[n] = r.pairs[i].gold->weight;
        out->counts[y[n]]++;
        if (f->dump)
            dump_row(f->dump, s, y[n], wt[n], f->n_features);
        n++;
    }
    out->aligned = n;
    out->unaligned = r.n_unaligned;
    cn_eval_result_clear(&r);
    rc = cn_model_fit(model, x, y, wt, n, l2, err);
    if (rc == CN_OK) {
        size_t right = 0;
        for (size_t i = 0; i < n; i++) {
            double p[CN_STANCE_COUNT];
            right += cn_model_predict(model, x + i * f->n_features, p) == y[i];
        }
        out->training_accuracy = n ? (double)right / (double)n : 0;
    }
    free(x);
    free(y);
    free(wt);
    return rc;
}
