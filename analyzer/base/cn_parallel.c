/* cn_parallel: independent tasks claimed in order by a few threads. */
#include "cn_parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct run {
    cn_parallel_fn fn;
    void *ctx;
    size_t n;
    atomic_size_t next; /* the next task to claim */
} run;

typedef struct worker {
    run *r;
    size_t id;
} worker;

static void work(run *r, size_t id)
{
    for (size_t t; (t = atomic_fetch_add(&r->next, 1)) < r->n;)
        r->fn(r->ctx, id, t);
}

static void *thread_main(void *arg)
{
    worker *w = arg;
    work(w->r, w->id);
    return NULL;
}

size_t cn_parallel_workers(size_t jobs, size_t n)
{
    size_t k = jobs < n ? jobs : n;
    if (k > CN_PARALLEL_MAX_JOBS)
        k = CN_PARALLEL_MAX_JOBS;
    return k ? k : 1;
}

void cn_parallel_run(size_t jobs, size_t n, cn_parallel_fn fn, void *ctx)
{
    run r = {.fn = fn, .ctx = ctx, .n = n};
    atomic_init(&r.next, 0);
    size_t k = cn_parallel_workers(jobs, n);
    pthread_t *threads = k > 1 ? calloc(k, sizeof *threads) : NULL;
    worker *workers = k > 1 ? calloc(k, sizeof *workers) : NULL;
    size_t started = 0;
    if (threads && workers)
        for (size_t i = 1; i < k; i++) {
            workers[i] = (worker){.r = &r, .id = started + 1};
            if (pthread_create(&threads[started], NULL, thread_main, &workers[i]) != 0)
                break; /* the workers that started do the rest */
            started++;
        }
    work(&r, 0);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(workers);
    free(threads);
}
