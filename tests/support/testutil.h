/*
 * testutil: helpers shared by the CUnit suites: running the suite, reading
 * files, writing scratch files, and running the `consensus` CLI with its
 * output captured.
 */
#ifndef CN_TESTUTIL_H
#define CN_TESTUTIL_H

#include "cn_rules.h"

#include <CUnit/Basic.h>
#include <stddef.h>

/* Register one suite of NULL-terminated {name, fn} tests and run everything;
 * returns the process exit code (0 when all passed). */
typedef struct tu_test {
    const char *name;
    CU_TestFunc fn;
} tu_test;
int tu_run_suite(const char *suite, const tu_test *tests);

/* Whole file as a NUL-terminated malloc'd buffer (NULL if unreadable). */
char *tu_read_file(const char *path, size_t *len);

/* A fresh scratch folder under $TMPDIR (created; caller frees the string). */
char *tu_mkdtemp(void);

/* Write data to dir/name (returns the malloc'd full path). */
char *tu_write_file(const char *dir, const char *name, const char *data, size_t len);

/* Remove a folder tree (best effort). */
void tu_rm_rf(const char *path);

/* Entries of dir other than ".", ".." and the output lock (.consensus.lock). */
size_t tu_count_entries(const char *dir);

/* A rule loader's messages, one a line, and how many there were. */
typedef struct tu_diags {
    char text[8192];
    int count;
} tu_diags;

/* Load a rule folder holding one file, name, with body; d (cleared first)
 * gets the loader's messages. When out is not NULL it gets the loaded rules
 * (the caller frees them), else they are freed. Returns cn_rules_load's code. */
int tu_load_rules_text(const char *name, const char *body, tu_diags *d, cn_rules **out);

/* Run `$CN_CONSENSUS_BIN args` through /bin/sh (args is shell text), capturing
 * stdout and stderr into malloc'd strings (either may be NULL to discard).
 * Returns the exit status, or -1 when it could not run. */
int tu_run_cli(const char *args, char **out, char **err);

/* 0 when dir/report.xml is valid against reports/report.xsd (run from the
 * source root), else non-zero. */
int tu_validate_report_xml(const char *dir);

/* The path of the CLI under test ($CN_CONSENSUS_BIN, else ./build/consensus). */
const char *tu_cli_path(void);

#endif
