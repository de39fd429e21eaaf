/*
 * cn_rundiff: what changed between two analyze runs (`consensus diff OLD NEW`),
 * for an editor checking a rule change or a batch of corrections.
 *
 * Reads the report.json of each output folder and compares them by id:
 * questions (present in one run only; majority, consensus level or share
 * changed; summary sentence changed) and their counted answers (present in one
 * run only; stance changed, with the confidence on each side and whether an
 * editor set it). Rules fingerprint and seed are named when they differ.
 * Output is plain text in the report's question order, deterministic.
 */
#ifndef CN_RUNDIFF_H
#define CN_RUNDIFF_H

#include "cn_error.h"

#include <stddef.h>
#include <stdio.h>

typedef struct cn_rundiff_counts {
    size_t questions_both, questions_old_only, questions_new_only;
    size_t questions_changed; /* majority, level, share or summary differs */
    size_t answers_both, answers_old_only, answers_new_only;
    size_t stances_changed;
} cn_rundiff_counts;

/* Compare OLD_DIR/report.json with NEW_DIR/report.json, write the changes to
 * out and their counts to *counts. CN_ERR_IO when a report cannot be read;
 * CN_ERR_FORMAT ("PATH: ...") when one is not a report.json of this tool;
 * CN_ERR_NOMEM. */
int cn_rundiff(const char *old_dir, const char *new_dir, FILE *out, cn_rundiff_counts *counts,
               cn_error *err);

/* True when the two runs differ in anything cn_rundiff compares. */
int cn_rundiff_counts_differ(const cn_rundiff_counts *c);

#endif
