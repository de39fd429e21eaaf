/* cn_stats_csv: reliability matrices and count tables from CSV files. */
#include "cn_stats_csv.h"

#include "cn_stance.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* How a nominal file's labels become codes: numbers stay numbers, stance names
 * get their cn_stance codes, any other label gets a code above all of those. */
typedef struct labels {
    char **name;
    size_t n, cap;
} labels;

static long label_index(labels *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->name[i], s))
            return (long)i;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **p = realloc(l->name, cap * sizeof *p);
        if (!p)
            return -1;
        l->name = p;
        l->cap = cap;
    }
    if (!(l->name[l->n] = strdup(s)))
        return -1;
    return (long)l->n++;
}

static void labels_free(labels *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->name[i]);
    free(l->name);
}

/* A stance name in any letter case ("Reassuring" from a spreadsheet too). */
static int parse_stance_name(const char *text, cn_stance *out)
{
    char lower[32];
    size_t n = strlen(text);
    if (n >= sizeof lower)
        return -1;
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)tolower((unsigned char)text[i]);
    return cn_stance_parse(lower, out);
}

/* One cell: *value, or *label >= 0 for a free nominal label. Returns CN_OK,
 * or CN_ERR_FORMAT with the message in err. */
static int agreement_cell(const cn_csv *csv, size_t r, size_t c, cn_alpha_metric metric, labels *l,
                          double *value, long *label, cn_error *err)
{
    *label = -1;
    if (cn_csv_is_blank(csv, r, c)) {
        *value = NAN;
        return CN_OK;
    }
    cn_error num_err;
    if (cn_csv_number(csv, r, c, value, &num_err) == CN_OK)
        return CN_OK;
    cn_stance st;
    const char *text = cn_csv_field(csv, r, c);
    if (parse_stance_name(text, &st) == 0 && (st != CN_STANCE_NONE || metric == CN_ALPHA_NOMINAL)) {
        *value = (double)st;
        return CN_OK;
    }
    if (metric == CN_ALPHA_NOMINAL) {
        *label = label_index(l, text);
        if (*label < 0)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        return CN_OK;
    }
    return cn_error_set(err, CN_ERR_FORMAT,
                        "%s:%ld: column %zu ('%s'): '%s' is not a number or a stance name "
                        "(reassuring, cautionary, contraindicated) for --level %s",
                        cn_csv_name(csv), cn_csv_line(csv, r), c + 1, cn_csv_field(csv, 0, c), text,
                        cn_alpha_metric_name(metric));
}

typedef struct matrix {
    double *value; /* coders x units */
    long *label;   /* same shape: free label index or -1 */
    size_t coders, units;
    size_t rejected;
} matrix;

static void report(cn_stats_problem_fn problem, void *ctx, const cn_error *err)
{
    if (problem)
        problem(ctx, err);
}

/* Read the coder rows; bad rows and cells are reported and left out. */
static int agreement_matrix(const cn_csv *csv, cn_alpha_metric metric, labels *l, matrix *m,
                            cn_stats_problem_fn problem, void *ctx)
{
    size_t rows = cn_csv_rows(csv);
    m->units = cn_csv_fields(csv, 0) - 1;
    m->value = malloc((rows ? rows : 1) * (m->units ? m->units : 1) * sizeof *m->value);
    m->label = malloc((rows ? rows : 1) * (m->units ? m->units : 1) * sizeof *m->label);
    if (!m->value || !m->label)
        return CN_ERR_NOMEM;
    cn_error err;
    for (size_t r = 1; r < rows; r++) {
        if (cn_csv_check_width(csv, r, &err)) {
            report(problem, ctx, &err);
            m->rejected++;
            continue;
        }
        double *vrow = m->value + m->coders * m->units;
        long *lrow = m->label + m->coders * m->units;
        for (size_t u = 0; u < m->units; u++) {
            int rc = agreement_cell(csv, r, u + 1, metric, l, &vrow[u], &lrow[u], &err);
            if (rc == CN_ERR_NOMEM)
                return rc;
            if (rc) {
                report(problem, ctx, &err);
                m->rejected++;
                vrow[u] = NAN;
            }
        }
        m->coders++;
    }
    return CN_OK;
}

/* Give free labels codes above every number and stance code in the matrix. */
static void code_labels(matrix *m)
{
    double top = CN_STANCE_CONTRAINDICATED;
    for (size_t i = 0; i < m->coders * m->units; i++)
        if (m->label[i] < 0 && !isnan(m->value[i]) && m->value[i] > top)
            top = m->value[i];
    double base = floor(top) + 1.0;
    for (size_t i = 0; i < m->coders * m->units; i++)
        if (m->label[i] >= 0)
            m->value[i] = base + (double)m->label[i];
}

int cn_reliability_from_csv(const cn_csv *csv, cn_alpha_metric metric, cn_reliability *out,
                            cn_stats_problem_fn problem, void *ctx, cn_error *err)
{
    memset(out, 0, sizeof *out);
    if (cn_csv_fields(csv, 0) < 2)
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s:%ld: the header names no units (want coder,UNIT,UNIT,...)",
                            cn_csv_name(csv), cn_csv_line(csv, 0));
    labels l = {0};
    matrix m = {0};
    int rc = agreement_matrix(csv, metric, &l, &m, problem, ctx);
    labels_free(&l);
    if (rc) {
        free(m.value);
        free(m.label);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (m.coders == 0) {
        free(m.value);
        free(m.label);
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: no coder rows after the header",
                            cn_csv_name(csv), cn_csv_line(csv, cn_csv_rows(csv) - 1));
    }
    code_labels(&m);
    free(m.label);
    out->value = m.value;
    out->coders = m.coders;
    out->units = m.units;
    out->rejected = m.rejected;
    return CN_OK;
}

void cn_reliability_clear(cn_reliability *m)
{
    free(m->value);
    memset(m, 0, sizeof *m);
}

/* Read the group rows; a row with a bad count is reported and left out whole. */
static int crosstab_table(const cn_csv *csv, cn_count_table *t, cn_stats_problem_fn problem,
                          void *ctx)
{
    size_t rows = cn_csv_rows(csv);
    t->cols = cn_csv_fields(csv, 0) - 1;
    t->count = malloc((rows ? rows : 1) * t->cols * sizeof *t->count);
    t->row = malloc((rows ? rows : 1) * sizeof *t->row);
    if (!t->count || !t->row)
        return CN_ERR_NOMEM;
    cn_error err;
    for (size_t r = 1; r < rows; r++) {
        if (cn_csv_check_width(csv, r, &err)) {
            report(problem, ctx, &err);
            t->rejected++;
            continue;
        }
        bool ok = true;
        for (size_t c = 0; c < t->cols; c++) {
            if (cn_csv_count(csv, r, c + 1, &t->count[t->groups * t->cols + c], &err)) {
                report(problem, ctx, &err);
                ok = false;
            }
        }
        if (!ok) {
            t->rejected++;
            continue;
        }
        t->row[t->groups++] = r;
    }
    return CN_OK;
}

int cn_count_table_from_csv(const cn_csv *csv, cn_count_table *out, cn_stats_problem_fn problem,
                            void *ctx, cn_error *err)
{
    memset(out, 0, sizeof *out);
    if (cn_csv_fields(csv, 0) < 2)
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s:%ld: the header names no columns (want ,COLUMN,COLUMN,...)",
                            cn_csv_name(csv), cn_csv_line(csv, 0));
    if (crosstab_table(csv, out, problem, ctx)) {
        cn_count_table_clear(out);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (out->groups == 0) {
        cn_count_table_clear(out);
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: no group rows after the header",
                            cn_csv_name(csv), cn_csv_line(csv, cn_csv_rows(csv) - 1));
    }
    return CN_OK;
}

void cn_count_table_clear(cn_count_table *t)
{
    free(t->count);
    free(t->row);
    memset(t, 0, sizeof *t);
}
