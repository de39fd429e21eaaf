/* cn_report_jobs: reports of one analysis written by a few threads, each from its own fork. */
#include "cn_report_jobs.h"

#include "cn_parallel.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct run {
    cn_report_job *jobs;
    const cn_analysis_result **views; /* per worker: r, then forks */
} run;

static void one(void *ctx, size_t worker, size_t task)
{
    run *u = ctx;
    cn_report_job *j = &u->jobs[task];
    cn_error_clear(&j->err);
    /* The stream is this worker's alone: holding its lock for the whole
     * report spares each of the writer's many small stdio calls the
     * locking it needs once the process has threads. */
    flockfile(j->f);
    j->rc = j->write(j->arg, u->views[worker], j->f, &j->err);
    funlockfile(j->f);
    cn_analysis_release(u->views[worker]);
}

int cn_report_jobs_run(const cn_analysis_result *r, cn_report_job *jobs, size_t n, size_t threads,
                       cn_error *err)
{
    size_t workers = cn_parallel_workers(threads, n);
    const cn_analysis_result **views = calloc(workers, sizeof *views);
    if (!views)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    views[0] = r;
    int rc = CN_OK;
    size_t made = 1;
    for (; made < workers && rc == CN_OK; made++) {
        cn_analysis_result *fork = NULL;
        rc = cn_analysis_result_fork(r, &fork, err);
        views[made] = fork;
    }
    if (rc == CN_OK) {
        if (workers > 1)
            xmlInitParser(); /* libxml2's globals set up once, before its threads */
        run u = {.jobs = jobs, .views = views};
        cn_parallel_run(workers, n, one, &u);
    }
    for (size_t w = 1; w < made; w++)
        cn_analysis_result_fork_free((cn_analysis_result *)views[w]);
    free(views);
    return rc;
}
