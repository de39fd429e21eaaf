/*
 * cn_agreement: how well coders (physicians, editors) agree when they label
 * the same units (questions), across a corpus.
 *
 * Input is a reliability matrix: values[c * units + u] is coder c's value for
 * unit u, NaN where coder c gave none (missing values are allowed). For stances
 * use the cn_stance codes 1..3 (reassuring < cautionary < contraindicated).
 *
 * - Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's
 *   Alpha-Reliability") with the nominal, ordinal or interval difference
 *   function, from the coincidence matrix. Only units with at least two values
 *   are pairable; a unit with a single value contributes nothing.
 *   alpha = 1 - D_o / D_e is undefined (NaN) when D_e = 0, i.e. when fewer than
 *   two values are pairable or every pairable value is the same.
 * - A bootstrap percentile interval for alpha that resamples the pairable
 *   units with replacement (a cluster bootstrap: a unit keeps all its values),
 *   seeded gsl_rng (mt19937). Resamples whose alpha is undefined are skipped
 *   and counted. Also reported: the share of resamples below 0.667 and 0.800,
 *   Krippendorff's thresholds for tentative and reliable conclusions.
 * - Fleiss' kappa (Fleiss 1971), treating values as nominal categories, when
 *   every unit has the same number m >= 2 of values; otherwise NaN.
 */
#ifndef CN_AGREEMENT_H
#define CN_AGREEMENT_H

#include "cn_error.h"

#include <stddef.h>

typedef enum cn_alpha_metric {
    CN_ALPHA_NOMINAL = 0,
    CN_ALPHA_ORDINAL = 1,
    CN_ALPHA_INTERVAL = 2
} cn_alpha_metric;

#define CN_AGREEMENT_DEFAULT_BOOTSTRAP 1000
#define CN_AGREEMENT_DEFAULT_SEED 1

typedef struct cn_agreement_opts {
    cn_alpha_metric metric; /* nominal */
    size_t bootstrap;       /* resamples for the interval; 0 = no interval (1000) */
    unsigned long seed;     /* gsl_rng seed of the bootstrap (1) */
    double level;           /* confidence level of the interval (0.95) */
    size_t min_units;       /* fewer pairable units: no interval, ci_note says so (0) */
} cn_agreement_opts;

typedef struct cn_agreement_result {
    size_t coders, units;
    size_t pairable_units;    /* units with >= 2 values */
    size_t pairable_values;   /* n: the values in those units */
    size_t categories;        /* distinct pairable values */
    double alpha;             /* NaN when undefined; alpha_note says why */
    const char *alpha_note;   /* NULL when alpha is defined (static text) */
    double observed;          /* D_o, observed disagreement */
    double expected;          /* D_e, disagreement expected by chance */
    double ci_lo, ci_hi;      /* bootstrap percentile interval; NaN when none */
    const char *ci_note;      /* why there is no interval (static text), or NULL */
    size_t bootstrap;         /* resamples drawn */
    size_t bootstrap_defined; /* resamples with a defined alpha */
    double q_below_667;       /* share of defined resamples with alpha < 0.667 */
    double q_below_800;       /* share of defined resamples with alpha < 0.800 */
    double fleiss_kappa;      /* NaN unless every unit has ratings_per_unit values */
    size_t ratings_per_unit;  /* m when every unit has m >= 2 values, else 0 */
} cn_agreement_result;

void cn_agreement_opts_init(cn_agreement_opts *opts);

/* Compute alpha, its bootstrap interval and Fleiss' kappa for a coders x
 * units matrix (row-major, NaN = missing). opts may be NULL (defaults).
 * Returns CN_OK (undefined figures are NaN, not errors), CN_ERR_USAGE for
 * bad options or infinite values, CN_ERR_NOMEM. */
int cn_agreement_compute(const cn_agreement_opts *opts, const double *values, size_t coders,
                         size_t units, cn_agreement_result *out, cn_error *err);

/* The same figures from a units x categories table of counts:
 * counts[u * categories + k] values of category k in unit u, category k
 * standing for category_values[k] (finite, strictly ascending; the interval
 * and ordinal metrics use them). That is all alpha and Fleiss' kappa need,
 * in memory proportional to units x categories, where the matrix form takes
 * coders x units (for `analyze`, most answers to one question x questions:
 * gigabytes on a large corpus). Identical results to cn_agreement_compute on
 * any matrix with these counts (up to the rounding of interval differences,
 * summed in another order); `coders` is only reported. CN_ERR_USAGE for a
 * negative count, bad category values or options; CN_ERR_NOMEM. */
int cn_agreement_compute_counts(const cn_agreement_opts *opts, const long *counts, size_t units,
                                size_t categories, const double *category_values, size_t coders,
                                cn_agreement_result *out, cn_error *err);

/* Fleiss' kappa from a units x categories table of counts whose rows all sum
 * to the same m >= 2. *kappa is NaN when undefined (no units, or all ratings in
 * one category). CN_ERR_USAGE when the rows sum differently or m < 2. */
int cn_fleiss_kappa(const long *counts, size_t units, size_t categories, double *kappa,
                    cn_error *err);

/* "nominal", "ordinal", "interval". */
const char *cn_alpha_metric_name(cn_alpha_metric metric);

/* Parse one of the names above: 0 and *out set, or -1. */
int cn_alpha_metric_parse(const char *name, cn_alpha_metric *out);

#endif
