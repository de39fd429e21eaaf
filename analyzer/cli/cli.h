/*
 * cli: the `consensus` command-line tool's shared pieces. Each subcommand
 * lives in its own cmd_*.c and is a thin layer over libconsensus.
 *
 * Exit codes (DESIGN.md contract): 0 success; 1 some input was rejected (the
 * rest was still processed and the rejects named on stderr); 2 bad usage.
 */
#ifndef CN_CLI_H
#define CN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#define CLI_EXIT_OK 0
#define CLI_EXIT_REJECTED 1
#define CLI_EXIT_USAGE 2

/* Subcommands: argv[0] is the subcommand's name. */
int cmd_analyze(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_rules(int argc, char **argv);
/* `consensus rules fit-qtype` (cmd_rules_qtype.c), called by cmd_rules. */
int cmd_rules_fit_qtype(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);

/* The end of `analyze`, shared with `merge` so both write the same reports
 * (cmd_analyze.c). cli_load_stylesheet: report.xsl next to rules_dir, else
 * installed, else ./reports/. cli_write_analysis: names the overrides that
 * matched no answer, writes the reports of a finished analysis into out_dir,
 * prints the closing summary (unless quiet) and returns the exit status
 * (rejected: inputs were rejected before the analysis). */
struct cn_analysis_result;
struct cn_report_html;
struct cn_error;
int cli_load_stylesheet(const char *rules_dir, struct cn_report_html **out, struct cn_error *err);
int cli_write_analysis(const char *cmd, const struct cn_analysis_result *r,
                       struct cn_report_html *html, const char *out_dir, const char *overrides_path,
                       bool quiet, bool rejected);

/* The rules folder to use: --rules if given, else $CONSENSUS_RULES, else
 * ./rules when it holds a rule set, else the compiled-in install location. */
const char *cli_rules_dir(const char *option);

/* Print "consensus: " + message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "consensus: " + message + "\nTry 'consensus CMD --help'." and return
 * CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Called for each page read; return false to stop (an error was printed). */
struct cn_page;
typedef bool (*cli_page_fn)(void *ctx, struct cn_page *page);

/* Read paths (default corpus/ when n_paths is 0) with the page cues of
 * rules_dir and call fn for each page (the page is freed after the call).
 * Rejected files are named on stderr as "consensus: CMD: skipped WHY".
 * Returns CLI_EXIT_OK, CLI_EXIT_REJECTED (files skipped, or fn stopped) or
 * CLI_EXIT_USAGE (a path that does not exist, rules that cannot load). */
int cli_read_pages(const char *cmd, const char *const *paths, size_t n_paths, const char *rules_dir,
                   cli_page_fn fn, void *ctx);

/* The same reading, one page at a time: cli_pages_open (returns CLI_EXIT_OK,
 * else the exit status, with the error printed), cli_pages_next until NULL
 * (the end, or an error that stops reading, printed; the caller frees each
 * page with cn_page_free), cli_pages_close (names the count of skipped files;
 * returns CLI_EXIT_OK or CLI_EXIT_REJECTED). */
typedef struct cli_pages cli_pages;
int cli_pages_open(const char *cmd, const char *const *paths, size_t n_paths, const char *rules_dir,
                   cli_pages **out);
struct cn_page *cli_pages_next(cli_pages *in);
int cli_pages_close(cli_pages *in);

/* --jobs N: *out = N, a whole number of threads from 1 to CN_BATCH_MAX_JOBS;
 * else a usage error for cmd is printed and CLI_EXIT_USAGE returned. */
int cli_parse_jobs(const char *cmd, const char *arg, size_t *out);

/* --jobs by default: the number of online cores (sysconf), at least 1. */
size_t cli_default_jobs(void);

/* Where analyze and merge keep their pages while they write the reports (an
 * unlinked temporary file, cn_spill): $TMPDIR when it is set, else the folder
 * that holds out_dir (on the disk the reports go to, not a RAM /tmp) when it
 * exists, else /tmp. NULL stands for $TMPDIR or /tmp; buf holds the folder. */
const char *cli_spill_dir(const char *out_dir, char *buf, size_t size);

/* A rule file written whole or not at all: cli_rulefile_open gives a stream
 * into PATH.tmp (stdout when path is NULL; NULL, with a message for cmd, when
 * the temporary cannot be made) and cli_rulefile_close closes it and renames
 * it over path, or removes it when bad is set or anything failed. Returns 0,
 * or -1 after a message for cmd. */
FILE *cli_rulefile_open(const char *cmd, const char *path, char **tmp);
int cli_rulefile_close(const char *cmd, FILE *out, const char *path, char *tmp, bool bad);

/* True when stderr is a terminal (progress lines and colors go only there). */
bool cli_stderr_is_tty(void);
bool cli_stdout_is_tty(void);

#endif
