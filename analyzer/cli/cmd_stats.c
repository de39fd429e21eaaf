/*
 * cmd_stats: `consensus stats agreement` and `consensus stats crosstab`, the
 * statistics on their own: read one CSV, print one JSON object (cJSON).
 *
 * Bad cells and ragged rows are named on stderr as FILE:LINE: message; the
 * rest is still used and the exit code is 1. A file that cannot be read at
 * all (missing, empty, broken quoting) prints nothing on stdout and exits 1.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include "cn_agreement.h"
#include "cn_crosstab.h"
#include "cn_csv.h"
#include "cn_interval.h"
#include "cn_stats_csv.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RESAMPLES 100000000UL

static const char STATS_USAGE[] =
    "Usage: consensus stats agreement [OPTIONS] FILE.csv\n"
    "       consensus stats crosstab [OPTIONS] FILE.csv\n"
    "\n"
    "Agreement and specialty statistics on CSV data from anywhere; one JSON object\n"
    "on stdout. 'consensus stats agreement --help' and 'consensus stats crosstab\n"
    "--help' describe each.\n";

static const char AGREEMENT_USAGE[] =
    "Usage: consensus stats agreement [--level nominal|ordinal|interval] [--bootstrap N]\n"
    "                                 [--seed N] [--ci-level P] FILE.csv\n"
    "\n"
    "Krippendorff's alpha of a reliability matrix, with a bootstrap interval, and\n"
    "Fleiss' kappa when every unit has the same number of values.\n"
    "\n"
    "FILE.csv: a header row 'coder,UNIT,UNIT,...', then one row a coder: its name,\n"
    "then one value a unit; an empty cell is a missing value. Values are numbers,\n"
    "or for nominal any labels; the stance names reassuring, cautionary and\n"
    "contraindicated (any case) count as 1, 2, 3 (and 'none' as 0 for nominal).\n"
    "\n"
    "Options:\n"
    "  -l, --level L       difference function: nominal (default), ordinal, interval\n"
    "  -b, --bootstrap N   bootstrap resamples of the units (default 1000; 0: no ci)\n"
    "  -s, --seed N        random seed of the bootstrap (default 1)\n"
    "  -c, --ci-level P    confidence level of the interval (default 0.95)\n"
    "  -h, --help          this help\n"
    "\n"
    "Output: level, alpha (null when undefined, with alpha_note), ci [lo, hi],\n"
    "coders, units, pairable_units, pairable_values, fleiss_kappa (null unless\n"
    "every unit has the same number of values), and more; see docs/statistics.md.\n"
    "Exit status: 0 ok; 1 some input rejected (named on stderr); 2 bad usage.\n";

static const char CROSSTAB_USAGE[] =
    "Usage: consensus stats crosstab [--simulate N] [--seed N] [--ci-level P] FILE.csv\n"
    "\n"
    "Pearson's chi-square test of a groups x categories table of counts (e.g.\n"
    "specialty x stance), with an optional Monte Carlo p-value computed as R's\n"
    "chisq.test(simulate.p.value = TRUE) does, Cramer's V, expected counts and\n"
    "each group's proportions with Wilson and exact intervals.\n"
    "\n"
    "FILE.csv: a header row ',COLUMN,COLUMN,...', then one row a group: its label,\n"
    "then one whole-number count a column.\n"
    "\n"
    "Options:\n"
    "  -B, --simulate N    Monte Carlo tables (default 0: p_monte_carlo is null)\n"
    "  -s, --seed N        random seed of the simulation (default 1)\n"
    "  -c, --ci-level P    confidence level of the intervals (default 0.95)\n"
    "  -h, --help          this help\n"
    "\n"
    "Output: chi_square, df, p_value, p_monte_carlo, cramers_v, min_expected,\n"
    "small_expected, proportions, and more; see docs/statistics.md.\n"
    "Exit status: 0 ok; 1 some input rejected (named on stderr); 2 bad usage.\n";

/* ---- small helpers -------------------------------------------------------- */

static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return -1;
    errno = 0;
    unsigned long v = strtoul(s, NULL, 10);
    if (errno || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse_level(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v > 0.0 && v < 1.0))
        return -1;
    *out = v;
    return 0;
}

/* A number, or null when it is NaN (an undefined figure). */
static cJSON *json_number(double v)
{
    return isnan(v) ? cJSON_CreateNull() : cJSON_CreateNumber(v);
}

static cJSON *json_pair(double lo, double hi)
{
    if (isnan(lo) || isnan(hi))
        return cJSON_CreateNull();
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber(lo));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(hi));
    return a;
}

/* Print the object on stdout; returns the exit code. */
static int emit(cJSON *root, int code)
{
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        cli_error("stats: out of memory");
        return CLI_EXIT_REJECTED;
    }
    fputs(text, stdout);
    fputc('\n', stdout);
    free(text);
    if (fflush(stdout) != 0) {
        cli_error("stats: cannot write the output");
        return CLI_EXIT_REJECTED;
    }
    return code;
}

/* A located input problem: "FILE:LINE: message" on stderr, as is. */
static void report(const cn_error *err)
{
    fprintf(stderr, "%s\n", err->message);
}

typedef struct common_opts {
    unsigned long seed;
    unsigned long resamples;
    double ci_level;
    cn_alpha_metric metric;
} common_opts;

/* getopt_long over argv; fills o. Returns -1 to go on, else an exit code. */
static int parse_options(int argc, char **argv, const char *cmd, const char *usage,
                         const char *shortopts, const struct option *longopts, common_opts *o)
{
    int ch;
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (ch) {
        case 'h':
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        case 'l':
            if (cn_alpha_metric_parse(optarg, &o->metric))
                return cli_usage_error(cmd, "--level: '%s' is not nominal, ordinal or interval",
                                       optarg);
            break;
        case 'b':
        case 'B':
            if (parse_ulong(optarg, MAX_RESAMPLES, &o->resamples))
                return cli_usage_error(cmd, "%s: '%s' is not a count from 0 to %lu",
                                       ch == 'b' ? "--bootstrap" : "--simulate", optarg,
                                       MAX_RESAMPLES);
            break;
        case 's':
            if (parse_ulong(optarg, 0xffffffffUL, &o->seed))
                return cli_usage_error(cmd, "--seed: '%s' is not a whole number from 0 to %lu",
                                       optarg, 0xffffffffUL);
            break;
        case 'c':
            if (parse_level(optarg, &o->ci_level))
                return cli_usage_error(cmd, "--ci-level: '%s' is not a number in (0, 1)", optarg);
            break;
        case ':':
            return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cmd, argc - optind < 1 ? "missing FILE.csv" : "more than one FILE");
    return -1;
}

/* ---- agreement ------------------------------------------------------------ */

static cJSON *agreement_json(const char *file, const cn_agreement_opts *o,
                             const cn_agreement_result *r, size_t rejected)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "file", file);
    cJSON_AddStringToObject(root, "level", cn_alpha_metric_name(o->metric));
    cJSON_AddItemToObject(root, "alpha", json_number(r->alpha));
    if (r->alpha_note)
        cJSON_AddStringToObject(root, "alpha_note", r->alpha_note);
    cJSON_AddItemToObject(root, "ci", json_pair(r->ci_lo, r->ci_hi));
    if (r->ci_note)
        cJSON_AddStringToObject(root, "ci_note", r->ci_note);
    cJSON_AddNumberToObject(root, "ci_level", o->level);
    cJSON *boot = cJSON_AddObjectToObject(root, "bootstrap");
    cJSON_AddStringToObject(boot, "method", "percentile, resampling units");
    cJSON_AddNumberToObject(boot, "resamples", (double)r->bootstrap);
    cJSON_AddNumberToObject(boot, "defined", (double)r->bootstrap_defined);
    cJSON_AddNumberToObject(boot, "seed", (double)o->seed);
    cJSON_AddItemToObject(boot, "p_alpha_below_667", json_number(r->q_below_667));
    cJSON_AddItemToObject(boot, "p_alpha_below_800", json_number(r->q_below_800));
    cJSON_AddNumberToObject(root, "coders", (double)r->coders);
    cJSON_AddNumberToObject(root, "units", (double)r->units);
    cJSON_AddNumberToObject(root, "pairable_units", (double)r->pairable_units);
    cJSON_AddNumberToObject(root, "pairable_values", (double)r->pairable_values);
    cJSON_AddNumberToObject(root, "categories", (double)r->categories);
    cJSON_AddItemToObject(root, "observed_disagreement", json_number(r->observed));
    cJSON_AddItemToObject(root, "expected_disagreement", json_number(r->expected));
    cJSON_AddItemToObject(root, "fleiss_kappa", json_number(r->fleiss_kappa));
    if (r->ratings_per_unit)
        cJSON_AddNumberToObject(root, "ratings_per_unit", (double)r->ratings_per_unit);
    else
        cJSON_AddNullToObject(root, "ratings_per_unit");
    cJSON_AddNumberToObject(root, "rejected", (double)rejected);
    return root;
}

static void print_problem(void *ctx, const cn_error *problem)
{
    (void)ctx;
    report(problem);
}

static int run_agreement(const char *path, const cn_agreement_opts *o)
{
    cn_error err;
    cn_csv *csv;
    if (cn_csv_read_file(path, &csv, &err)) {
        report(&err);
        return CLI_EXIT_REJECTED;
    }
    int code = CLI_EXIT_REJECTED;
    cn_reliability m;
    int rc = cn_reliability_from_csv(csv, o->metric, &m, print_problem, NULL, &err);
    if (rc == CN_ERR_NOMEM) {
        cli_error("stats agreement: out of memory");
    } else if (rc) {
        report(&err);
    } else {
        cn_agreement_result r;
        if (cn_agreement_compute(o, m.value, m.coders, m.units, &r, &err)) {
            cli_error("stats agreement: %s", err.message);
        } else {
            code = emit(agreement_json(path, o, &r, m.rejected),
                        m.rejected ? CLI_EXIT_REJECTED : CLI_EXIT_OK);
        }
    }
    cn_reliability_clear(&m);
    cn_csv_free(csv);
    return code;
}

static int cmd_agreement(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"level", required_argument, NULL, 'l'}, {"bootstrap", required_argument, NULL, 'b'},
        {"seed", required_argument, NULL, 's'},  {"ci-level", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    common_opts co = {CN_AGREEMENT_DEFAULT_SEED, CN_AGREEMENT_DEFAULT_BOOTSTRAP, 0.95,
                      CN_ALPHA_NOMINAL};
    int rc =
        parse_options(argc, argv, "stats agreement", AGREEMENT_USAGE, ":hl:b:s:c:", longopts, &co);
    if (rc >= 0)
        return rc;
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.metric = co.metric;
    o.bootstrap = co.resamples;
    o.seed = co.seed;
    o.level = co.ci_level;
    return run_agreement(argv[optind], &o);
}

/* ---- crosstab ------------------------------------------------------------- */

static cJSON *proportions_json(const cn_csv *csv, const cn_count_table *t, double level)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t g = 0; g < t->groups; g++) {
        cJSON *group = cJSON_CreateObject();
        cJSON_AddStringToObject(group, "group", cn_csv_field(csv, t->row[g], 0));
        cJSON *cells = cJSON_CreateArray();
        long total = 0;
        for (size_t c = 0; c < t->cols; c++) {
            cn_proportion p;
            cn_error err;
            if (cn_crosstab_row_proportion(t->count, t->groups, t->cols, g, c, level, &p, &err))
                continue; /* cannot happen: counts were checked */
            total = p.n;
            cJSON *cell = cJSON_CreateObject();
            cJSON_AddStringToObject(cell, "column", cn_csv_field(csv, 0, c + 1));
            cJSON_AddNumberToObject(cell, "count", (double)p.count);
            cJSON_AddItemToObject(cell, "proportion", json_number(p.estimate));
            cJSON_AddItemToObject(cell, "wilson", json_pair(p.wilson.lo, p.wilson.hi));
            cJSON_AddItemToObject(cell, "exact", json_pair(p.exact.lo, p.exact.hi));
            cJSON_AddItemToArray(cells, cell);
        }
        cJSON_AddNumberToObject(group, "n", (double)total);
        cJSON_AddItemToObject(group, "cells", cells);
        cJSON_AddItemToArray(list, group);
    }
    return list;
}

static cJSON *crosstab_json(const cn_csv *csv, const cn_count_table *t, const cn_crosstab_opts *o,
                            double level, const cn_crosstab_result *r)
{
    bool tested = !isnan(r->chi_square);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "file", cn_csv_name(csv));
    cJSON *groups = cJSON_AddArrayToObject(root, "groups");
    for (size_t g = 0; g < t->groups; g++)
        cJSON_AddItemToArray(groups, cJSON_CreateString(cn_csv_field(csv, t->row[g], 0)));
    cJSON *cols = cJSON_AddArrayToObject(root, "columns");
    for (size_t c = 0; c < t->cols; c++)
        cJSON_AddItemToArray(cols, cJSON_CreateString(cn_csv_field(csv, 0, c + 1)));
    cJSON_AddNumberToObject(root, "n", (double)r->n);
    cJSON_AddItemToObject(root, "chi_square", json_number(r->chi_square));
    cJSON_AddItemToObject(root, "df",
                          tested ? cJSON_CreateNumber((double)r->df) : cJSON_CreateNull());
    cJSON_AddItemToObject(root, "p_value", json_number(r->p_value));
    cJSON_AddItemToObject(root, "p_monte_carlo", json_number(r->p_monte_carlo));
    cJSON_AddNumberToObject(root, "simulations", (double)r->simulated);
    cJSON_AddNumberToObject(root, "seed", (double)o->seed);
    cJSON_AddItemToObject(root, "cramers_v", json_number(r->cramers_v));
    cJSON_AddItemToObject(root, "min_expected", json_number(r->min_expected));
    cJSON_AddNumberToObject(root, "cells", (double)r->cells);
    cJSON_AddNumberToObject(root, "cells_expected_below_5", (double)r->cells_expected_below_5);
    cJSON_AddItemToObject(root, "small_expected",
                          tested ? cJSON_CreateBool(r->small_expected) : cJSON_CreateNull());
    cJSON_AddItemToObject(root, "cochran_ok",
                          tested ? cJSON_CreateBool(r->cochran_ok) : cJSON_CreateNull());
    cJSON_AddNumberToObject(root, "groups_used", (double)r->rows_used);
    cJSON_AddNumberToObject(root, "columns_used", (double)r->cols_used);
    if (!tested)
        cJSON_AddStringToObject(root, "note",
                                "fewer than two groups or columns with a non-zero total: "
                                "nothing to compare");
    cJSON_AddNumberToObject(root, "ci_level", level);
    cJSON_AddItemToObject(root, "proportions", proportions_json(csv, t, level));
    cJSON_AddNumberToObject(root, "rejected", (double)t->rejected);
    return root;
}

static int run_crosstab(const char *path, const cn_crosstab_opts *o, double level)
{
    cn_error err;
    cn_csv *csv;
    if (cn_csv_read_file(path, &csv, &err)) {
        report(&err);
        return CLI_EXIT_REJECTED;
    }
    int code = CLI_EXIT_REJECTED;
    cn_count_table t;
    int rc = cn_count_table_from_csv(csv, &t, print_problem, NULL, &err);
    if (rc == CN_ERR_NOMEM) {
        cli_error("stats crosstab: out of memory");
    } else if (rc) {
        report(&err);
    } else {
        cn_crosstab_result r;
        if (cn_crosstab_compute(o, t.count, t.groups, t.cols, &r, &err)) {
            fprintf(stderr, "%s: %s\n", path, err.message);
        } else {
            code = emit(crosstab_json(csv, &t, o, level, &r),
                        t.rejected ? CLI_EXIT_REJECTED : CLI_EXIT_OK);
        }
    }
    cn_count_table_clear(&t);
    cn_csv_free(csv);
    return code;
}

static int cmd_crosstab(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"simulate", required_argument, NULL, 'B'},
        {"seed", required_argument, NULL, 's'},
        {"ci-level", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    common_opts co = {CN_CROSSTAB_DEFAULT_SEED, 0, CN_INTERVAL_DEFAULT_LEVEL, CN_ALPHA_NOMINAL};
    int rc = parse_options(argc, argv, "stats crosstab", CROSSTAB_USAGE, ":hB:s:c:", longopts, &co);
    if (rc >= 0)
        return rc;
    cn_crosstab_opts o;
    cn_crosstab_opts_init(&o);
    o.simulate = co.resamples;
    o.seed = co.seed;
    return run_crosstab(argv[optind], &o, co.ci_level);
}

/* ---- dispatch ------------------------------------------------------------- */

int cmd_stats(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("stats", "missing subcommand: agreement or crosstab");
    const char *sub = argv[1];
    if (!strcmp(sub, "-h") || !strcmp(sub, "--help") || !strcmp(sub, "help")) {
        fputs(STATS_USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(sub, "agreement"))
        return cmd_agreement(argc - 1, argv + 1);
    if (!strcmp(sub, "crosstab"))
        return cmd_crosstab(argc - 1, argv + 1);
    return cli_usage_error("stats", "unknown subcommand '%s' (agreement or crosstab)", sub);
}
