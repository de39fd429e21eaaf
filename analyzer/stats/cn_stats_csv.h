/*
 * cn_stats_csv: the inputs of the statistics read from CSV files: a
 * reliability matrix (a header `coder,UNIT,UNIT,...`, then one row a coder)
 * and a table of counts (a header `,COLUMN,COLUMN,...`, then one row a
 * group). Bad cells and ragged rows are handed to a callback as
 * "FILE:LINE: message" and left out; the rest is used.
 */
#ifndef CN_STATS_CSV_H
#define CN_STATS_CSV_H

#include "cn_agreement.h"
#include "cn_csv.h"
#include "cn_error.h"

#include <stddef.h>

/* Called once per problem found in the file; the rest is still read. */
typedef void (*cn_stats_problem_fn)(void *ctx, const cn_error *problem);

typedef struct cn_reliability {
    double *value; /* coders x units, row by row; NaN where a coder gave no value */
    size_t coders, units;
    size_t rejected; /* rows and cells left out */
} cn_reliability;

/* The coders' values: numbers stay numbers; stance names (any letter case)
 * count 1, 2, 3 (and `none` 0 at the nominal level); at the nominal level any
 * other label gets its own code above every number and stance code. Fails
 * with CN_ERR_FORMAT ("FILE:LINE: ...") when the header names no units or no
 * coder row is left. Free with cn_reliability_clear. */
int cn_reliability_from_csv(const cn_csv *csv, cn_alpha_metric metric, cn_reliability *out,
                            cn_stats_problem_fn problem, void *ctx, cn_error *err);
void cn_reliability_clear(cn_reliability *m);

typedef struct cn_count_table {
    long *count; /* groups x columns, row by row */
    size_t *row; /* the CSV row of each accepted group (its label is field 0) */
    size_t groups, cols;
    size_t rejected; /* rows left out: a bad count drops its whole row */
} cn_count_table;

/* The groups' counts. Fails with CN_ERR_FORMAT when the header names no
 * columns or no group row is left. Free with cn_count_table_clear. */
int cn_count_table_from_csv(const cn_csv *csv, cn_count_table *out, cn_stats_problem_fn problem,
                            void *ctx, cn_error *err);
void cn_count_table_clear(cn_count_table *t);

#endif
