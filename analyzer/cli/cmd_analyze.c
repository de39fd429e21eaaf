/*
 * cmd_analyze: `consensus analyze`, the main job: read the corpus, classify
 * every answer, apply editors' overrides, aggregate, and write report.json,
 * report.xml, report.html, answers.jsonl and answers.csv into the output
 * folder (all five or none).
 */
#include "cli.h"

#include "cn_analysis.h"
#include "cn_analysis_settings.h"
#include "cn_outfile.h"
#include "cn_overrides.h"
#include "cn_pagecues.h"
#include "cn_reader.h"
#include "cn_report_csv.h"
#include "cn_report_html.h"
#include "cn_report_jobs.h"
#include "cn_report_json.h"
#include "cn_report_xml.h"
#include "cn_rules.h"
#include "cn_shard.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char USAGE[] =
    "Usage: consensus analyze [PATH...] [--rules DIR] [--out DIR] [--seed N]\n"
    "                         [--overrides FILE] [--no-html] [--jobs N] [--quiet]\n"
    "       consensus analyze --partial FILE [PATH...] [--rules DIR] [--seed N] [--jobs N]\n"
    "                         [--quiet]\n"
    "\n"
    "The main job: reads physician Q&A pages, classifies every answer's stance on\n"
    "its question's claim (and on other claims it addresses), measures how strongly\n"
    "the physicians agree, and writes five files into the output folder:\n"
    "  report.json    questions, claims, agreement, specialties, review queue\n"
    "  report.xml     the same, valid against reports/report.xsd\n"
    "  report.html    the editors' page made from report.xml by reports/report.xsl:\n"
    "                 one self-contained file, open it in any browser\n"
    "  answers.jsonl  one classified answer a line\n"
    "  answers.csv    the same as a spreadsheet, with empty editor_stance, editor\n"
    "                 and note columns for corrections (--overrides takes it back)\n"
    "\n"
    "PATH is a file or a folder (read recursively, in name order); default corpus/.\n"
    "\n"
    "Options:\n"
    "      --rules DIR   rule folder (default: $CONSENSUS_RULES, else ./rules, else\n"
    "                    the installed set); report.xsl is taken from DIR/../reports/,\n"
    "                    else from the installed schema folder, else from the\n"
    "                    reports/ of the source tree this copy was built from\n"
    "  -o, --out DIR     output folder, created when missing (default reports/out/)\n"
    "  -s, --seed N      seed of every Monte Carlo and bootstrap draw (default 1);\n"
    "                    the same input, rules and seed give byte-identical reports\n"
    "      --overrides FILE\n"
    "                    editors' stances: a JSON array of {\"answer_id\", \"stance\",\n"
    "                    \"editor\", \"note\"}, or a FILE.csv like answers.csv whose\n"
    "                    editor_stance is filled in on the rows to correct; each replaces the "
    "classifier's stance of\n"
    "                    that answer (and its copies) before anything is counted, and\n"
    "                    the reports mark it with the editor, note and the\n"
    "                    classifier's own stance. An override whose answer_id matches\n"
    "                    no answer is named on stderr and listed in the reports\n"
    "                    (unmatched_overrides)\n"
    "      --no-html     skip report.html\n"
    "  -j, --jobs N      classify, tally and write the reports on N threads\n"
    "                    (default: the number of cores, here %zu); the reports are\n"
    "                    the same for every N, --jobs 1 uses no extra thread\n"
    "      --partial FILE\n"
    "                    one shard of a run spread over processes or hosts: read and\n"
    "                    classify PATH... and write FILE, the shard's mergeable state\n"
    "                    (its pages, stances, evidence and rejected files; format:\n"
    "                    docs/partial.md), instead of reports; `consensus merge` of\n"
    "                    the shards' FILEs writes the reports of one run over all their\n"
    "                    inputs in shard order. Give --out, --overrides and --no-html\n"
    "                    to merge\n"
    "  -q, --quiet       no progress line and no closing summary\n"
    "  -h, --help        this help\n"
    "\n"
    "On a terminal a progress line (files and answers done, rate) goes to stderr.\n"
    "Pages are kept on disk while the reports are written, in a temporary file\n"
    "that is removed at once (so never left behind) in $TMPDIR, else in the\n"
    "folder that holds the output folder, else in /tmp.\n"
    "Files are written to temporary names and renamed at the end, so a failure\n"
    "never leaves a half-written report.\n"
    "\n"
    "Exit status: 0 success; 1 some input was rejected (named on stderr; the rest\n"
    "was analyzed and the reports written), an override matched no answer, or the\n"
    "reports could not be written; 2 bad usage (unknown option, bad seed, a path\n"
    "that does not exist, a rule folder, stylesheet or overrides file that cannot\n"
    "be loaded: nothing is written then).\n";

/* The progress line: on a terminal only, redrawn at most ten times a second. */
typedef struct progress {
    bool on;
    struct timespec start, last;
    size_t files, answers;
} progress;

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + 1e-9 * (double)(b->tv_nsec - a->tv_nsec);
}

/* True when a line is due now (or final); *rate_s gets the seconds since start. */
static bool progress_due(progress *p, bool final, double *rate_s)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!final && seconds_between(&p->last, &now) < 0.1)
        return false;
    p->last = now;
    double s = seconds_between(&p->start, &now);
    *rate_s = s > 1e-6 ? s : 1e-6;
    return true;
}

static void progress_read(progress *p)
{
    double s;
    if (p->on && progress_due(p, false, &s))
        fprintf(stderr, "\rconsensus: read %zu files, %zu answers (%.0f answers/s)   ", p->files,
                p->answers, (double)p->answers / s);
}

static void progress_classified(void *ctx, size_t done, size_t total)
{
    progress *p = ctx;
    double s;
    if (p->on && progress_due(p, done == total, &s))
        fprintf(stderr, "\rconsensus: %zu files, classified %zu of %zu answers (%.0f answers/s)   ",
                p->files, done, total, (double)done / s);
}

static void progress_end(progress *p)
{
    if (p->on)
        fputc('\n', stderr);
}

static void rules_diag(void *ctx, const char *message)
{
    (void)ctx;
    cli_error("rules: %s", message);
}

/* Read every page into the analysis; skipped inputs are named and recorded. */
static int read_corpus(cn_reader *reader, cn_analysis *an, progress *pg, size_t *skipped)
{
    const char *last_file = NULL;
    char last_buf[4096] = "";
    for (;;) {
        cn_page *page = NULL;
        cn_error err;
        cn_error_clear(&err);
        int rc = cn_reader_next(reader, &page, &err);
        if (rc == CN_ERR_NOMEM || cn_reader_failed(reader)) {
            cli_error("analyze: %s", err.message);
            return rc;
        }
        if (rc) {
            size_t n = cn_reader_skipped_count(reader);
            if (pg->on) /* keep the progress line apart from the message */
                fputc('\n', stderr);
            cli_error("analyze: skipped %s", err.message);
            if (n > *skipped) {
                rc = cn_analysis_add_skipped(an, cn_reader_skipped_where(reader, n - 1),
                                             cn_reader_skipped_reason(reader, n - 1), &err);
                *skipped = n;
                if (rc) {
                    cli_error("analyze: %s", err.message);
                    return rc;
                }
            }
            continue;
        }
        if (!page)
            return CN_OK;
        if (!last_file || strcmp(last_buf, page->path ? page->path : "")) {
            snprintf(last_buf, sizeof last_buf, "%s", page->path ? page->path : "");
            last_file = last_buf;
            pg->files++;
        }
        pg->answers += page->n_answers;
        rc = cn_analysis_add_page(an, page, &err);
        if (rc) {
            cli_error("analyze: %s", err.message);
            return rc;
        }
        progress_read(pg);
    }
}

typedef int (*report_writer)(const cn_analysis_result *r, FILE *f, cn_error *err);

/* One report of the set: its file name and how it is written. */
typedef struct report_file {
    const char *name;
    report_writer write; /* NULL: report.html through html */
    cn_report_html *html;
} report_file;

static int write_one(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    const report_file *rf = arg;
    return rf->write ? rf->write(r, f, err) : cn_report_html_write(rf->html, r, f, err);
}

/* The reports, the longest first (so that on several threads the short ones
 * fill in at the end). */
enum { R_XML, R_JSON, R_HTML, R_ANSWERS, R_CSV, R_COUNT };

/* Write the five files (four when html is NULL: --no-html) on up to `jobs`
 * threads and commit them together. Each report is streamed into its
 * temporary file as it is made, so memory holds a piece of each report being
 * written, not a whole rendering (only a report.html from a customised
 * stylesheet is made whole first). The first failure in file order is named. */
static int write_reports(const cn_analysis_result *r, cn_report_html *html, const char *out_dir,
                         size_t jobs)
{
    static const int FILE_ORDER[R_COUNT] = {R_JSON, R_XML, R_HTML, R_ANSWERS, R_CSV};
    report_file files[R_COUNT] = {
        [R_XML] = {"report.xml", cn_report_xml_write, NULL},
        [R_JSON] = {"report.json", cn_report_json_write, NULL},
        [R_HTML] = {"report.html", NULL, html},
        [R_ANSWERS] = {"answers.jsonl", cn_report_answers_write, NULL},
        [R_CSV] = {"answers.csv", cn_report_csv_write, NULL},
    };
    cn_report_job job[R_COUNT] = {0};
    size_t n_jobs = 0;
    cn_error err;
    cn_error_clear(&err);
    cn_outset *set = NULL;
    int rc = cn_outset_new(out_dir, &set, &err);
    for (size_t k = 0; k < R_COUNT && rc == CN_OK; k++) {
        if (k == R_HTML && !html)
            continue;
        job[n_jobs] = (cn_report_job){.write = write_one, .arg = &files[k]};
        rc = cn_outset_open(set, files[k].name, &job[n_jobs].f, &err);
        n_jobs += rc == CN_OK;
    }
    if (rc == CN_OK)
        rc = cn_report_jobs_run(r, job, n_jobs, jobs, &err);
    /* Closed in file order: the set commits them in that order. */
    for (size_t o = 0; o < R_COUNT; o++)
        for (size_t k = 0; k < n_jobs; k++) {
            if (job[k].arg != &files[FILE_ORDER[o]] || !job[k].f)
                continue;
            if (rc == CN_OK && job[k].rc != CN_OK) {
                rc = job[k].rc; /* the writer's reason, not the close's */
                err = job[k].err;
            }
            cn_error keep = err;
            int closed = cn_outset_close(set, job[k].f, &err);
            job[k].f = NULL;
            if (rc == CN_OK)
                rc = closed;
            else
                err = keep;
        }
    if (rc == CN_OK && !html) /* --no-html: no stale page beside the new reports */
        rc = cn_outset_remove(set, "report.html", &err);
    if (rc == CN_OK)
        rc = cn_outset_commit(set, &err);
    if (rc != CN_OK)
        cli_error("analyze: %s", err.message);
    cn_outset_free(set);
    return rc;
}

/* The HTML stylesheet: next to the rules (a source tree), installed, or the
 * working folder's reports/ (running from a source tree with other rules). */
static int load_stylesheet(const char *rules_dir, cn_report_html **out, cn_error *err)
{
    char *path = NULL;
    int rc = cn_report_html_find(rules_dir, &path, err);
    if (rc == CN_ERR_IO) {
        static const char LOCAL[] = "reports/" CN_REPORT_HTML_STYLESHEET;
        struct stat st;
        if (stat(LOCAL, &st) == 0 && S_ISREG(st.st_mode)) {
            path = strdup(LOCAL);
            rc = path ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        } else {
            char first[CN_ERROR_MESSAGE_MAX];
            snprintf(first, sizeof first, "%s", err->message);
            cn_error_set(err, CN_ERR_IO, "%s, nor %s", first, LOCAL);
        }
    }
    if (rc == CN_OK)
        rc = cn_report_html_new(path, out, err);
    free(path);
    return rc;
}

/* Name each override that matched no answer; true when there was one. */
static bool report_unmatched(const char *cmd, const cn_analysis_result *r, const char *path)
{
    for (size_t i = 0; i < r->n_unmatched; i++)
        cli_error("%s: %s: entry %u (line %u): no answer has answer_id %s; the override "
                  "was not applied",
                  cmd, path, r->unmatched[i]->entry, r->unmatched[i]->line,
                  r->unmatched[i]->answer_id);
    return r->n_unmatched > 0;
}

static int parse_seed(const char *s, unsigned long *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > 0xFFFFFFFFull)
        return -1;
    *out = (unsigned long)v;
    return 0;
}

int cli_load_stylesheet(const char *rules_dir, cn_report_html **out, cn_error *err)
{
    return load_stylesheet(rules_dir, out, err);
}

int cli_write_analysis(const char *cmd, const cn_analysis_result *r, cn_report_html *html,
                       const char *out_dir, const char *overrides_path, bool quiet, bool rejected)
{
    bool unmatched = report_unmatched(cmd, r, overrides_path);
    if (write_reports(r, html, out_dir, r->opts.jobs) != CN_OK)
        return CLI_EXIT_REJECTED;
    if (!quiet)
        printf("consensus: %zu questions, %zu distinct answers (%zu files, %zu skipped); "
               "reports in %s\n",
               r->n_questions, r->distinct_answers, r->files_read, r->n_skipped, out_dir);
    if (r->n_skipped)
        cli_error("%s: %zu input%s skipped", cmd, r->n_skipped, r->n_skipped == 1 ? "" : "s");
    return rejected || r->n_skipped || unmatched ? CLI_EXIT_REJECTED : CLI_EXIT_OK;
}

typedef struct analyze_args {
    const char *partial_path; /* --partial: a shard's partial file instead of reports */
    const char *rules_opt;
    const char *out_dir;
    const char *overrides_path; /* NULL: none */
    unsigned long seed;
    bool quiet;
    bool no_html; /* --no-html: skip report.html (large corpora) */
    size_t jobs;  /* --jobs: classifying threads */
    const char *const *paths;
    size_t n_paths;
} analyze_args;

static void shard_skipped(void *ctx, const char *message)
{
    progress *pg = ctx;
    if (pg->on) /* keep the progress line apart from the message */
        fputc('\n', stderr);
    cli_error("analyze: skipped %s", message);
}

static void shard_progress(void *ctx, size_t pages, size_t answers)
{
    progress *pg = ctx;
    pg->files = pages;
    pg->answers = answers;
    double s;
    if (pg->on && progress_due(pg, false, &s))
        fprintf(stderr, "\rconsensus: %zu pages, classified %zu answers (%.0f answers/s)   ", pages,
                answers, (double)answers / s);
}

/* --partial: read and classify the corpus into a shard's partial file. */
static int run_partial(const analyze_args *a, cn_reader *reader, const cn_rules *rules)
{
    progress pg = {.on = !a->quiet && cli_stderr_is_tty()};
    clock_gettime(CLOCK_MONOTONIC, &pg.start);
    pg.last = pg.start;
    cn_shard_opts o = {.seed = a->seed,
                       .jobs = a->jobs,
                       .on_skip = shard_skipped,
                       .on_progress = shard_progress,
                       .ctx = &pg};
    cn_shard_result res;
    cn_error err;
    cn_error_clear(&err);
    int rc = cn_shard_write(reader, rules, &o, a->partial_path, &res, &err);
    progress_end(&pg);
    if (rc != CN_OK) {
        cli_error("analyze: %s", err.message);
        return CLI_EXIT_REJECTED;
    }
    if (!a->quiet)
        printf("consensus: %zu pages, %zu answers (%zu files, %zu skipped); partial in %s\n",
               res.pages, res.answers, res.files, res.skipped, a->partial_path);
    if (res.skipped)
        cli_error("analyze: %zu input%s skipped", res.skipped, res.skipped == 1 ? "" : "s");
    return res.skipped ? CLI_EXIT_REJECTED : CLI_EXIT_OK;
}

static int run(const analyze_args *a)
{
    cn_error err;
    cn_error_clear(&err);
    const char *rules_dir = cli_rules_dir(a->rules_opt);
    cn_rules *rules = NULL;
    cn_pagecues *cues = NULL;
    cn_reader *reader = NULL;
    cn_analysis *an = NULL;
    cn_report_html *html = NULL;
    cn_overrides *overrides = NULL;
    int exit_code = CLI_EXIT_USAGE;
    char spill_dir[4096];
    const char *spill_dir_str = cli_spill_dir(a->out_dir, spill_dir, sizeof spill_dir);
    /* Everything the run depends on is loaded before the corpus is read, so a
     * bad stylesheet or overrides file fails fast and writes nothing. */
    if (cn_rules_load(rules_dir, &rules, rules_diag, NULL, &err) != CN_OK ||
        cn_pagecues_load(rules_dir, &cues, &err) != CN_OK ||
        (!a->no_html && !a->partial_path && load_stylesheet(rules_dir, &html, &err) != CN_OK) ||
        (a->overrides_path && cn_overrides_load(a->overrides_path, &overrides, &err) != CN_OK)) {
        cli_error("analyze: %s", err.message);
        goto done;
    }
    if (cn_reader_new(a->paths, a->n_paths, cues, &reader, &err) != CN_OK) {
        cli_error("analyze: %s", err.message);
        goto done;
    }
    /* the index's scratch files, should it pass its budget, beside the pages' */
    cn_reader_set_scratch_dir(reader, spill_dir_str);
    if (a->partial_path) {
        exit_code = run_partial(a, reader, rules);
        goto done;
    }
    progress pg = {.on = !a->quiet && cli_stderr_is_tty()};
    clock_gettime(CLOCK_MONOTONIC, &pg.start);
    pg.last = pg.start;
    cn_analysis_opts opts;
    cn_analysis_opts_init(&opts);
    cn_analysis_opts_from_rules(&opts, rules);
    opts.seed = a->seed;
    opts.overrides = overrides;
    opts.progress = progress_classified;
    opts.progress_ctx = &pg;
    opts.jobs = a->jobs;
    opts.spill_dir = spill_dir_str;
    exit_code = CLI_EXIT_REJECTED;
    an = cn_analysis_new(rules, &opts);
    if (!an) {
        cli_error("analyze: out of memory");
        goto done;
    }
    size_t skipped = 0;
    if (read_corpus(reader, an, &pg, &skipped) != CN_OK)
        goto done;
    /* The reader's de-duplication index (~100 bytes a distinct answer) is of
     * no more use: free it before the figures and reports need memory. */
    cn_reader_free(reader);
    reader = NULL;
    clock_gettime(CLOCK_MONOTONIC, &pg.start); /* the classifying rate from here */
    if (cn_analysis_finish(an, &err) != CN_OK) {
        progress_end(&pg);
        cli_error("analyze: %s", err.message);
        goto done;
    }
    progress_end(&pg);
    exit_code = cli_write_analysis("analyze", cn_analysis_result_get(an), html, a->out_dir,
                                   a->overrides_path, a->quiet, skipped > 0);
done:
    cn_analysis_free(an);
    cn_overrides_free(overrides);
    cn_report_html_free(html);
    cn_reader_free(reader);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
    if (fflush(stdout) != 0)
        exit_code = CLI_EXIT_REJECTED;
    return exit_code;
}

int cmd_analyze(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"rules", required_argument, NULL, 'r'},
        {"out", required_argument, NULL, 'o'},
        {"seed", required_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"overrides", required_argument, NULL, 'O'},
        {"no-html", no_argument, NULL, 'N'},
        {"jobs", required_argument, NULL, 'j'},
        {"partial", required_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    analyze_args a = {
        .out_dir = "reports/out", .seed = CN_ANALYSIS_DEFAULT_SEED, .jobs = cli_default_jobs()};
    int c;
    bool reports_option = false; /* --out, --overrides or --no-html: not with --partial */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:s:j:qh", OPTIONS, NULL)) != -1) {
        reports_option |= c == 'o' || c == 'O' || c == 'N';
        switch (c) {
        case 'P':
            if (!*optarg)
                return cli_usage_error("analyze", "--partial needs a file");
            a.partial_path = optarg;
            break;
        case 'r':
            a.rules_opt = optarg;
            break;
        case 'o':
            if (!*optarg)
                return cli_usage_error("analyze", "--out needs a folder");
            a.out_dir = optarg;
            break;
        case 's':
            if (parse_seed(optarg, &a.seed))
                return cli_usage_error("analyze",
                                       "--seed needs a whole number from 0 to "
                                       "4294967295, not '%s'",
                                       optarg);
            break;
        case 'q':
            a.quiet = true;
            break;
        case 'N':
            a.no_html = true;
            break;
        case 'j':
            if (cli_parse_jobs("analyze", optarg, &a.jobs) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            break;
        case 'O':
            if (!*optarg)
                return cli_usage_error("analyze", "--overrides needs a file");
            a.overrides_path = optarg;
            break;
        case 'h':
            printf(USAGE, cli_default_jobs());
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("analyze", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("analyze", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (a.partial_path && reports_option)
        return cli_usage_error("analyze",
                               "--partial writes no reports: give --out, --overrides and "
                               "--no-html to 'consensus merge'");
    static const char *const DEFAULT_PATHS[] = {"corpus/"};
    a.paths = DEFAULT_PATHS;
    a.n_paths = 1;
    if (optind < argc) {
        a.paths = (const char *const *)(argv + optind);
        a.n_paths = (size_t)(argc - optind);
    }
    return run(&a);
}
