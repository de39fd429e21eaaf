/*
 * cn_report_jobs: several reports of one finished analysis written at once,
 * each by one worker of cn_parallel (`--jobs`), each from a result of its own
 * (cn_analysis_result_fork: its own pages loaded back), into its own stream.
 *
 * A report's bytes come from the result alone, whichever worker writes it and
 * whatever the others do, so the files are the same for every number of
 * threads. Reports are taken in the order given (put the longest first);
 * memory holds what each report being written holds (a few pages each).
 */
#ifndef CN_REPORT_JOBS_H
#define CN_REPORT_JOBS_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <stddef.h>
#include <stdio.h>

/* Write one report from r into f. */
typedef int (*cn_report_job_fn)(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err);

typedef struct cn_report_job {
    cn_report_job_fn write;
    void *arg;
    FILE *f;
    int rc;       /* out: what write returned */
    cn_error err; /* out: its reason when rc is not CN_OK */
} cn_report_job;

/* Run jobs[0..n) on up to `threads` threads (0 or 1: one after the other on
 * the calling thread, from r itself). Each job's outcome is in its rc and
 * err. CN_ERR_NOMEM (no job run) when the forks cannot be made. */
int cn_report_jobs_run(const cn_analysis_result *r, cn_report_job *jobs, size_t n, size_t threads,
                       cn_error *err);

#endif
