/* cn_batch: pages annotated by worker threads and the caller, in the same way as one annotator in
 * page order. */
#include "cn_batch.h"

#include "cn_hash.h"
#include "cn_idindex.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a page gets the question it is judged against. */
typedef enum page_role {
    ROLE_ALONE,   /* no question_id: chosen from this page, for this page only */
    ROLE_CHOOSES, /* the first page of its question_id: chosen here, for the later pages */
    ROLE_FOLLOWS  /* an earlier page's choice */
} page_role;

typedef enum question_state { Q_PENDING, Q_READY, Q_FAILED } question_state;

/* A question_id seen so far and the choice made on its first page (the
 * question fields of its annotation, borrowed from an annotator): 40 bytes,
 * one a question_id of the corpus (262,000 at 1 GB). The id is kept here, and
 * found through by_question without a copy of its own: 16 lower-case hex
 * digits (every id de-duplication makes) as the number they spell, another
 * as the number of its copy in other_ids. */
typedef struct question {
    const cn_claim_choice *primary;
    const char *type;
    const char *const *flags;
    uint64_t id;
    uint16_t n_flags; /* a question has at most its rule set's flags, a few dozen */
    uint8_t state; /* question_state; Q_FAILED: the choosing page failed; the next page chooses */
    bool id_other; /* id numbers a copy in other_ids */
    float asker_days; /* the asker's time point (cn_wait_asker_days: a float's value) */
} question;
_Static_assert(sizeof(question) == 40, "a remembered question: 40 bytes");

typedef struct slot {
    page_role role;
    size_t question; /* ROLE_CHOOSES, ROLE_FOLLOWS: index into questions */
    cn_page_annotation *annotation;
    char *lines;
    size_t lines_len; /* strlen(lines) */
} slot;

typedef struct worker {
    cn_batch *batch;
    cn_annotator *annotator;
} worker;

struct cn_batch {
    const cn_rules *rules;
    size_t jobs;
    bool render_lines;
    worker *workers; /* jobs of them, each with its own annotator */
    pthread_t *threads;
    size_t n_threads; /* 0 with one job: runs are annotated by the caller */
    /* mu guards everything below that workers touch during a run: next,
     * n_finished, stop, first_failed, failure, and questions[].like/state. */
    pthread_mutex_t mu;
    pthread_cond_t work;     /* a run started, or stop */
    pthread_cond_t finished; /* the run's last page is done */
    pthread_cond_t chosen;   /* a question was chosen (or its page failed) */
    bool stop;
    bool running; /* started and not yet waited for (the caller's thread only) */
    /* the run */
    cn_page *const *pages;
    size_t n, next, n_finished;
    slot *slots;
    size_t cap_slots;
    size_t first_failed; /* SIZE_MAX: none */
    cn_error failure;    /* of first_failed */
    /* the question memory, in reading order over every run */
    cn_idindex *by_question; /* question_id -> index into questions */
    question *questions;
    size_t n_questions, cap_questions;
    char (*other_ids)[CN_ID_LEN + 1]; /* question_ids that are not 16 hex digits */
    size_t n_other_ids, cap_other_ids;
};

/* Page i's `classify` lines, one string. */
static int render(const cn_page *page, const cn_page_annotation *pa, char **out, size_t *out_len,
                  cn_error *err)
{
    cn_jsonbuf b = {0};
    /* A line is about its answer's text and title four times over (the text,
     * its matches, the question...) and a kilobyte and a half besides. */
    size_t expect = 0;
    for (size_t i = 0; i < page->n_answers; i++)
        expect += 4 * (strlen(page->answers[i].text ? page->answers[i].text : "") +
                       strlen(page->answers[i].title ? page->answers[i].title : "")) +
                  1536;
    cn_jsonbuf_expect(&b, expect);
    for (size_t i = 0; i < page->n_answers; i++) {
        cn_annotation_answer_write(&b, page, i, pa);
        cn_jsonbuf_raw(&b, "\n", 1);
        cn_jsonbuf_reset_level(&b);
    }
    size_t len = b.len;
    char *buf = cn_jsonbuf_take(&b);
    if (!buf)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    *out = buf;
    *out_len = len;
    return CN_OK;
}

/* Annotate page i with annotator a (any thread). */
static void process(cn_batch *b, cn_annotator *a, size_t i)
{
    slot *s = &b->slots[i];
    const cn_page *page = b->pages[i];
    cn_error err;
    cn_error_clear(&err);
    int rc = CN_OK;
    cn_page_annotation like = {0};
    pthread_mutex_lock(&b->mu);
    bool skip = i > b->first_failed; /* never handed out */
    if (!skip && s->role == ROLE_FOLLOWS) {
        /* The choosing page comes earlier, so it was taken already and is
         * never waiting for this one. */
        while (b->questions[s->question].state == Q_PENDING)
            pthread_cond_wait(&b->chosen, &b->mu);
        const question *q = &b->questions[s->question];
        if (q->state == Q_READY)
            like = (cn_page_annotation){.primary = q->primary,
                                        .question_type = q->type,
                                        .question_flags = q->flags,
                                        .n_question_flags = q->n_flags,
                                        .asker_days = q->asker_days,
                                        .asker_known = true};
        else /* only after an earlier page failed: this one is not handed out */
            rc = cn_error_set(&err, CN_ERR_USAGE, "the first page of its question failed");
    }
    pthread_mutex_unlock(&b->mu);
    cn_page_annotation *pa = NULL;
    char *lines = NULL;
    size_t lines_len = 0;
    if (!skip && rc == CN_OK)
        rc = cn_annotator_page_as(a, page, s->role == ROLE_FOLLOWS ? &like : NULL, &pa, &err);
    if (s->role == ROLE_CHOOSES) {
        /* published at once: later pages of the question may be waiting */
        pthread_mutex_lock(&b->mu);
        question *q = &b->questions[s->question];
        if (pa) {
            q->primary = pa->primary;
            q->type = pa->question_type;
            q->flags = pa->question_flags;
            q->n_flags = (uint16_t)pa->n_question_flags;
            q->asker_days = (float)pa->asker_days;
            q->state = Q_READY;
        } else {
            q->state = Q_FAILED;
        }
        pthread_cond_broadcast(&b->chosen);
        pthread_mutex_unlock(&b->mu);
    }
    if (pa && b->render_lines) {
        /* the lines are all the caller wants: the annotation goes here, on
         * the worker, with the rest of the page's work */
        rc = render(page, pa, &lines, &lines_len, &err);
        cn_page_annotation_free(pa);
        pa = NULL;
    }
    if (rc != CN_OK) {
        cn_page_annotation_free(pa);
        pa = NULL;
    }
    pthread_mutex_lock(&b->mu);
    if (!skip && rc != CN_OK && i < b->first_failed) {
        b->first_failed = i;
        b->failure = err;
    }
    s->annotation = pa;
    s->lines = lines;
    s->lines_len = lines_len;
    if (++b->n_finished == b->n)
        pthread_cond_broadcast(&b->finished);
    pthread_mutex_unlock(&b->mu);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    cn_batch *b = w->batch;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (!b->stop && b->next >= b->n)
            pthread_cond_wait(&b->work, &b->mu);
        if (b->stop)
            break;
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        process(b, w->annotator, i);
        pthread_mutex_lock(&b->mu);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* Free what the last run made and nobody took. */
static void clear_results(cn_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        cn_page_annotation_free(b->slots[i].annotation);
        free(b->slots[i].lines);
        b->slots[i].annotation = NULL;
        b->slots[i].lines = NULL;
        b->slots[i].lines_len = 0;
    }
}

static void stop_threads(cn_batch *b)
{
    pthread_mutex_lock(&b->mu);
    b->stop = true;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->mu);
    for (size_t t = 0; t < b->n_threads; t++)
        pthread_join(b->threads[t], NULL);
    b->n_threads = 0;
}

void cn_batch_free(cn_batch *b)
{
    if (!b)
        return;
    if (b->running) {
        size_t n_done;
        cn_batch_wait(b, &n_done, NULL);
    }
    stop_threads(b);
    clear_results(b);
    for (size_t w = 0; b->workers && w < b->jobs; w++)
        cn_annotator_free(b->workers[w].annotator);
    free(b->workers);
    free(b->threads);
    free(b->slots);
    free(b->questions);
    free(b->other_ids);
    cn_idindex_free(b->by_question);
    pthread_cond_destroy(&b->chosen);
    pthread_cond_destroy(&b->finished);
    pthread_cond_destroy(&b->work);
    pthread_mutex_destroy(&b->mu);
    free(b);
}

int cn_batch_new(const cn_rules *rules, size_t jobs, cn_batch **out, cn_error *err)
{
    *out = NULL;
    if (jobs < 1 || jobs > CN_BATCH_MAX_JOBS)
        return cn_error_set(err, CN_ERR_USAGE, "the number of jobs must be from 1 to %d, not %zu",
                            CN_BATCH_MAX_JOBS, jobs);
    cn_batch *b = calloc(1, sizeof *b);
    if (!b)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (pthread_mutex_init(&b->mu, NULL) || pthread_cond_init(&b->work, NULL) ||
        pthread_cond_init(&b->finished, NULL) || pthread_cond_init(&b->chosen, NULL)) {
        /* glibc's init never fails; elsewhere give up without cleaning half */
        free(b);
        return cn_error_set(err, CN_ERR_NOMEM, "cannot make a lock");
    }
    b->rules = rules;
    b->jobs = jobs;
    b->first_failed = SIZE_MAX;
    b->by_question = cn_idindex_new();
    b->workers = calloc(jobs, sizeof *b->workers);
    b->threads = calloc(jobs, sizeof *b->threads);
    int rc = b->by_question && b->workers && b->threads
                 ? CN_OK
                 : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    for (size_t w = 0; rc == CN_OK && w < jobs; w++) {
        b->workers[w].batch = b;
        rc = cn_annotator_new(rules, &b->workers[w].annotator, err);
    }
    /* jobs - 1 threads: the caller's thread is the last worker, annotating
     * pages in cn_batch_wait (after reading the next run), so jobs threads
     * share the cores instead of jobs workers and a reader. */
    for (size_t t = 0; rc == CN_OK && jobs > 1 && t + 1 < jobs; t++) {
        if (pthread_create(&b->threads[t], NULL, worker_main, &b->workers[t]) != 0)
            rc = cn_error_set(err, CN_ERR_NOMEM, "cannot start worker thread %zu of %zu", t + 1,
                              jobs);
        else
            b->n_threads++;
    }
    if (rc) {
        cn_batch_free(b);
        return rc;
    }
    *out = b;
    return CN_OK;
}

size_t cn_batch_jobs(const cn_batch *b)
{
    return b->jobs;
}

void cn_batch_render_lines(cn_batch *b, bool on)
{
    b->render_lines = on;
}

/* The question_id of question q into out. */
static void question_id_of(const cn_batch *b, uint32_t q, char out[CN_ID_LEN + 1])
{
    const question *x = &b->questions[q];
    if (x->id_other) {
        memcpy(out, b->other_ids[x->id], CN_ID_LEN + 1);
        return;
    }
    cn_page_id_text(x->id, out);
}

static uint64_t question_hash(const void *ctx, uint32_t q)
{
    char id[CN_ID_LEN + 1];
    question_id_of(ctx, q, id);
    return cn_hash_str(id);
}

static bool question_is(const void *ctx, uint32_t q, const void *probe)
{
    char id[CN_ID_LEN + 1];
    question_id_of(ctx, q, id);
    return !strcmp(id, probe);
}

/* Question q's id kept (it is new). */
static int keep_id(cn_batch *b, question *q, const char *id, cn_error *err)
{
    if (cn_page_id_number(id, &q->id))
        return CN_OK;
    if (b->n_other_ids == b->cap_other_ids) {
        size_t cap = b->cap_other_ids ? 2 * b->cap_other_ids : 16;
        char(*grown)[CN_ID_LEN + 1] = realloc(b->other_ids, cap * sizeof *grown);
        if (!grown)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        b->other_ids = grown;
        b->cap_other_ids = cap;
    }
    snprintf(b->other_ids[b->n_other_ids], CN_ID_LEN + 1, "%s", id);
    q->id = b->n_other_ids++;
    q->id_other = true;
    return CN_OK;
}

/* The role of each page of the run, in reading order (no worker is busy). */
static int assign_roles(cn_batch *b, cn_page *const *pages, size_t n, cn_error *err)
{
    for (size_t i = 0; i < n; i++) {
        slot *s = &b->slots[i];
        *s = (slot){.role = ROLE_ALONE};
        const char *id = pages[i]->question_id;
        if (!id[0])
            continue;
        int64_t q = cn_idindex_find_hashed(b->by_question, cn_hash_str(id), question_is, b, id);
        if (q >= 0) {
            s->question = (size_t)q;
            if (b->questions[q].state == Q_FAILED) {
                b->questions[q].state = Q_PENDING;
                s->role = ROLE_CHOOSES;
            } else {
                s->role = ROLE_FOLLOWS;
            }
            continue;
        }
        if (b->n_questions == b->cap_questions) {
            size_t cap = b->cap_questions ? 2 * b->cap_questions : 64;
            question *grown = cap <= INT32_MAX ? realloc(b->questions, cap * sizeof *grown) : NULL;
            if (!grown)
                return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            b->questions = grown;
            b->cap_questions = cap;
        }
        b->questions[b->n_questions] = (question){.state = Q_PENDING};
        int rc = keep_id(b, &b->questions[b->n_questions], id, err);
        if (rc != CN_OK)
            return rc;
        if (cn_idindex_add_hashed(b->by_question, cn_hash_str(id), (uint32_t)b->n_questions,
                                  question_hash, b) != 0)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        s->question = b->n_questions++;
        s->role = ROLE_CHOOSES;
    }
    return CN_OK;
}

int cn_batch_start(cn_batch *b, cn_page *const *pages, size_t n, cn_error *err)
{
    if (b->running)
        return cn_error_set(err, CN_ERR_USAGE, "batch: a run is going already");
    clear_results(b);
    pthread_mutex_lock(&b->mu); /* the idle workers read n */
    b->n = b->next = b->n_finished = 0;
    pthread_mutex_unlock(&b->mu);
    if (n > b->cap_slots) {
        slot *grown = realloc(b->slots, n * sizeof *grown);
        if (!grown)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        b->slots = grown;
        b->cap_slots = n;
    }
    int rc = assign_roles(b, pages, n, err);
    if (rc) {
        /* No page of this run will choose: the next run's pages do. */
        for (size_t q = 0; q < b->n_questions; q++)
            if (b->questions[q].state == Q_PENDING)
                b->questions[q].state = Q_FAILED;
        return rc;
    }
    b->pages = pages;
    b->first_failed = SIZE_MAX;
    cn_error_clear(&b->failure);
    b->running = true;
    pthread_mutex_lock(&b->mu);
    b->n = n;
    b->n_finished = 0;
    b->next = b->n_threads ? 0 : n;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->mu);
    for (size_t i = 0; !b->n_threads && i < n; i++)
        process(b, b->workers[0].annotator, i);
    return CN_OK;
}

int cn_batch_wait(cn_batch *b, size_t *n_done, cn_error *err)
{
    *n_done = 0;
    if (!b->running)
        return cn_error_set(err, CN_ERR_USAGE, "batch: no run to wait for");
    pthread_mutex_lock(&b->mu);
    /* the caller annotates what the threads have not taken yet */
    while (b->n_threads && !b->stop && b->next < b->n) {
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        process(b, b->workers[b->jobs - 1].annotator, i);
        pthread_mutex_lock(&b->mu);
    }
    while (b->n_finished < b->n)
        pthread_cond_wait(&b->finished, &b->mu);
    pthread_mutex_unlock(&b->mu);
    b->running = false;
    if (b->first_failed == SIZE_MAX) {
        *n_done = b->n;
        return CN_OK;
    }
    *n_done = b->first_failed;
    if (err)
        *err = b->failure;
    return b->failure.code;
}

cn_page_annotation *cn_batch_take(cn_batch *b, size_t i)
{
    if (b->running || i >= b->n || (b->first_failed != SIZE_MAX && i >= b->first_failed))
        return NULL;
    cn_page_annotation *pa = b->slots[i].annotation;
    b->slots[i].annotation = NULL;
    return pa;
}

char *cn_batch_take_lines(cn_batch *b, size_t i)
{
    if (b->running || i >= b->n || (b->first_failed != SIZE_MAX && i >= b->first_failed))
        return NULL;
    char *lines = b->slots[i].lines;
    b->slots[i].lines = NULL;
    b->slots[i].lines_len = 0;
    return lines;
}

size_t cn_batch_lines_length(const cn_batch *b, size_t i)
{
    if (b->running || i >= b->n || (b->first_failed != SIZE_MAX && i >= b->first_failed))
        return 0;
    return b->slots[i].lines ? b->slots[i].lines_len : 0;
}

size_t cn_batch_docs_made(const cn_batch *b)
{
    size_t n = 0;
    for (size_t w = 0; w < b->jobs; w++)
        n += cn_annotator_docs_made(b->workers[w].annotator);
    return n;
}
