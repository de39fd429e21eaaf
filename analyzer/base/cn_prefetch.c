/* cn_prefetch: a producer on its own thread, a bounded queue of its items in order. */
#include "cn_prefetch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct cn_prefetch {
    cn_prefetch_make_fn make;
    cn_prefetch_drop_fn drop;
    void *ctx;
    size_t item_size, depth;
    unsigned char *ring; /* depth items; head the oldest, n of them */
    size_t head, n;
    unsigned char *making; /* the producer's item being made (its thread only) */
    pthread_mutex_t mu;
    pthread_cond_t room;  /* an item was taken, or stop */
    pthread_cond_t ready; /* an item was queued, or the producer finished */
    bool stop, finished;
    /* Who sleeps: signals go only to a sleeper, the producer woken when half
     * the queue is free, the consumer when a quarter of it is full (or the
     * producer finished): so an item costs no system call, and the threads
     * hand over items in batches, not one wake-up each. */
    bool producer_waits, consumer_waits;
    pthread_t thread;
};

static void *producer_main(void *arg)
{
    cn_prefetch *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->n == p->depth) {
            p->producer_waits = true;
            pthread_cond_wait(&p->room, &p->mu);
        }
        p->producer_waits = false;
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        /* made outside the lock: the consumer takes earlier items meanwhile */
        bool more = !stop && p->make(p->ctx, p->making);
        pthread_mutex_lock(&p->mu);
        if (more && p->stop) { /* stopped while making: nobody takes it */
            p->drop(p->ctx, p->making);
            more = false;
        }
        if (more) {
            memcpy(p->ring + (p->head + p->n) % p->depth * p->item_size, p->making, p->item_size);
            p->n++;
        } else {
            p->finished = true;
        }
        if (!more || (p->consumer_waits && p->n >= (p->depth + 3) / 4))
            pthread_cond_signal(&p->ready);
        pthread_mutex_unlock(&p->mu);
        if (!more)
            return NULL;
    }
}

int cn_prefetch_new(size_t depth, size_t item_size, cn_prefetch_make_fn make,
                    cn_prefetch_drop_fn drop, void *ctx, cn_prefetch **out, cn_error *err)
{
    *out = NULL;
    if (depth < 1)
        depth = 1;
    cn_prefetch *p = calloc(1, sizeof *p);
    if (!p)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    *p = (cn_prefetch){
        .make = make, .drop = drop, .ctx = ctx, .item_size = item_size, .depth = depth};
    p->ring = calloc(depth, item_size);
    p->making = calloc(1, item_size);
    if (!p->ring || !p->making || pthread_mutex_init(&p->mu, NULL)) {
        free(p->ring);
        free(p->making);
        free(p);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (pthread_cond_init(&p->room, NULL) || pthread_cond_init(&p->ready, NULL) ||
        pthread_create(&p->thread, NULL, producer_main, p) != 0) {
        /* glibc's inits never fail; a thread that cannot start can */
        pthread_mutex_destroy(&p->mu);
        free(p->ring);
        free(p->making);
        free(p);
        return cn_error_set(err, CN_ERR_NOMEM, "cannot start the reading thread");
    }
    *out = p;
    return CN_OK;
}

bool cn_prefetch_take(cn_prefetch *p, void *item)
{
    pthread_mutex_lock(&p->mu);
    if (p->n == 0) /* sleep until a batch is ready */
        while (p->n < (p->depth + 3) / 4 && !p->finished) {
            p->consumer_waits = true;
            pthread_cond_wait(&p->ready, &p->mu);
        }
    p->consumer_waits = false;
    bool got = p->n > 0;
    if (got) {
        memcpy(item, p->ring + p->head * p->item_size, p->item_size);
        p->head = (p->head + 1) % p->depth;
        p->n--;
        if (p->producer_waits && p->n <= p->depth / 2)
            pthread_cond_signal(&p->room);
    }
    pthread_mutex_unlock(&p->mu);
    return got;
}

void cn_prefetch_free(cn_prefetch *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_signal(&p->room);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    for (; p->n > 0; p->n--, p->head = (p->head + 1) % p->depth)
        p->drop(p->ctx, p->ring + p->head * p->item_size);
    pthread_cond_destroy(&p->ready);
    pthread_cond_destroy(&p->room);
    pthread_mutex_destroy(&p->mu);
    free(p->ring);
    free(p->making);
    free(p);
}
