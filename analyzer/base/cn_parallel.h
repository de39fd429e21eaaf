/*
 * cn_parallel: run n independent tasks on up to N threads (N - 1 started
 * here, and the calling thread), each task once.
 *
 * Tasks are claimed in index order, one at a time, by whichever worker is
 * free; a task must not depend on which worker runs it or when, so what the
 * caller makes of the tasks' results (in index order) is the same for every
 * N. Each worker has a number (0 for the calling thread, 1..N-1 for the
 * others) so a task can use per-worker scratch state (a page loader, a memo)
 * kept by the caller. N of 0 or 1 runs every task on the calling thread, in
 * order, and starts no thread; when a thread cannot be started the tasks run
 * on the workers that did start (at least the calling thread), so a run
 * never fails. Failures of tasks are the caller's to record per task.
 */
#ifndef CN_PARALLEL_H
#define CN_PARALLEL_H

#include <stddef.h>

/* The most workers a run uses. */
#define CN_PARALLEL_MAX_JOBS 256

/* Task `task` on worker `worker` (< the run's N). */
typedef void (*cn_parallel_fn)(void *ctx, size_t worker, size_t task);

/* Tasks 0..n-1 of fn on min(jobs, n) workers; returns when all are done. */
void cn_parallel_run(size_t jobs, size_t n, cn_parallel_fn fn, void *ctx);

/* How many workers cn_parallel_run(jobs, n, ...) can use: min(jobs, n,
 * CN_PARALLEL_MAX_JOBS), at least 1 (size per-worker state with it). */
size_t cn_parallel_workers(size_t jobs, size_t n);

#endif
