/*
 * test_parallel: the analysis and its reports on several threads give the
 * very bytes of one thread: cn_parallel runs each task once, a spill reader
 * loads pages apart from its spill, and an analysis of the dev pages
 * finished with --jobs 3 and written by cn_report_jobs on 3 threads (each
 * report from its own fork of the result) matches --jobs 1 written in turn.
 */
#include "testutil.h"

#include "cn_analysis.h"
#include "cn_annotate.h"
#include "cn_analysis_settings.h"
#include "cn_pagecues.h"
#include "cn_parallel.h"
#include "cn_reader.h"
#include "cn_report_csv.h"
#include "cn_report_jobs.h"
#include "cn_report_json.h"
#include "cn_report_xml.h"
#include "cn_rules.h"
#include "cn_spill.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cn_parallel ---- */

typedef struct count_ctx {
    atomic_int *runs; /* per task */
    size_t workers;
    atomic_int bad_worker;
} count_ctx;

static void count_task(void *ctx, size_t worker, size_t task)
{
    count_ctx *c = ctx;
    atomic_fetch_add(&c->runs[task], 1);
    if (worker >= c->workers)
        atomic_store(&c->bad_worker, 1);
}

static void test_each_task_once(void)
{
    static const size_t JOBS[] = {0, 1, 2, 4, 1000};
    static const size_t NS[] = {0, 1, 3, 1000};
    for (size_t j = 0; j < sizeof JOBS / sizeof JOBS[0]; j++)
        for (size_t k = 0; k < sizeof NS / sizeof NS[0]; k++) {
            size_t n = NS[k];
            count_ctx c = {.runs = calloc(n + 1, sizeof *c.runs),
                           .workers = cn_parallel_workers(JOBS[j], n)};
            CU_ASSERT_PTR_NOT_NULL_FATAL(c.runs);
            atomic_init(&c.bad_worker, 0);
            cn_parallel_run(JOBS[j], n, count_task, &c);
            for (size_t t = 0; t < n; t++)
                CU_ASSERT_EQUAL(atomic_load(&c.runs[t]), 1);
            CU_ASSERT_EQUAL(atomic_load(&c.bad_worker), 0);
            CU_ASSERT_TRUE(c.workers >= 1 && c.workers <= CN_PARALLEL_MAX_JOBS);
            CU_ASSERT_TRUE(c.workers <= (n > JOBS[j] ? (JOBS[j] ? JOBS[j] : 1) : (n ? n : 1)));
            free(c.runs);
        }
}

/* ---- the dev pages analyzed ---- */

static cn_rules *load_rules(cn_pagecues **cues)
{
    const char *dir = getenv("CONSENSUS_RULES");
    cn_rules *rules = NULL;
    cn_error err;
    if (!dir || !*dir)
        dir = "rules";
    CU_ASSERT_EQUAL_FATAL(cn_rules_load(dir, &rules, NULL, NULL, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_pagecues_load(dir, cues, &err), CN_OK);
    return rules;
}

/* Settings a test changes from the rules' (0: the default each). */
typedef struct dev_opts {
    size_t member_batch, review_run;
    bool set_review; /* per_question and review_order below, not the rules' */
    size_t per_question;
    cn_review_order review_order;
} dev_opts;

/* The dev pages analyzed on `jobs` threads with the settings d, NULL on
 * failure. */
static cn_analysis *analyze_dev_opts(const cn_rules *rules, const cn_pagecues *cues, size_t jobs,
                                     const dev_opts *d)
{
    const char *paths[] = {"tests/data/dev/pages"};
    cn_reader *reader = NULL;
    cn_error err;
    if (cn_reader_new(paths, 1, cues, &reader, &err) != CN_OK)
        return NULL;
    cn_analysis_opts o;
    cn_analysis_opts_init(&o);
    cn_analysis_opts_from_rules(&o, rules);
    o.jobs = jobs;
    o.member_batch = d->member_batch;
    o.review_run = d->review_run;
    if (d->set_review) {
        o.per_question = d->per_question;
        o.review_order = d->review_order;
    }
    cn_analysis *an = cn_analysis_new(rules, &o);
    int rc = an ? CN_OK : CN_ERR_NOMEM;
    for (cn_page *page = NULL; rc == CN_OK;) {
        rc = cn_reader_next(reader, &page, &err);
        if (rc != CN_OK || !page)
            break;
        rc = cn_analysis_add_page(an, page, &err);
    }
    cn_reader_free(reader);
    if (rc == CN_OK)
        rc = cn_analysis_finish(an, &err);
    if (rc != CN_OK) {
        cn_analysis_free(an);
        return NULL;
    }
    return an;
}

/* ... the claims' members put on disk member_batch at a time (0: the
 * default). */
static cn_analysis *analyze_dev_batch(const cn_rules *rules, const cn_pagecues *cues, size_t jobs,
                                      size_t member_batch)
{
    dev_opts d = {.member_batch = member_batch};
    return analyze_dev_opts(rules, cues, jobs, &d);
}

static cn_analysis *analyze_dev(const cn_rules *rules, const cn_pagecues *cues, size_t jobs)
{
    return analyze_dev_batch(rules, cues, jobs, 0);
}

static int write_json(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    (void)arg;
    return cn_report_json_write(r, f, err);
}

static int write_xml(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    (void)arg;
    return cn_report_xml_write(r, f, err);
}

static int write_answers(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    (void)arg;
    return cn_report_answers_write(r, f, err);
}

static int write_csv(void *arg, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    (void)arg;
    return cn_report_csv_write(r, f, err);
}

#define N_REPORTS 4

typedef struct rendering {
    char *text[N_REPORTS];
    size_t len[N_REPORTS];
} rendering;

/* The four reports of r written by cn_report_jobs on `threads` threads. */
static void render_all(const cn_analysis_result *r, size_t threads, rendering *out)
{
    static const cn_report_job_fn FNS[N_REPORTS] = {write_xml, write_json, write_answers,
                                                    write_csv};
    cn_report_job jobs[N_REPORTS];
    for (size_t k = 0; k < N_REPORTS; k++) {
        jobs[k] = (cn_report_job){.write = FNS[k]};
        out->text[k] = NULL;
        jobs[k].f = open_memstream(&out->text[k], &out->len[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(jobs[k].f);
    }
    cn_error err;
    CU_ASSERT_EQUAL(cn_report_jobs_run(r, jobs, N_REPORTS, threads, &err), CN_OK);
    for (size_t k = 0; k < N_REPORTS; k++) {
        CU_ASSERT_EQUAL(jobs[k].rc, CN_OK);
        fclose(jobs[k].f);
    }
}

static void rendering_free(rendering *x)
{
    for (size_t k = 0; k < N_REPORTS; k++)
        free(x->text[k]);
}

static void test_reports_same_on_threads(void)
{
    cn_pagecues *cues = NULL;
    cn_rules *rules = load_rules(&cues);
    cn_analysis *one = analyze_dev(rules, cues, 1), *three = analyze_dev(rules, cues, 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    CU_ASSERT_PTR_NOT_NULL_FATAL(three);
    const cn_analysis_result *r1 = cn_analysis_result_get(one), *r3 = cn_analysis_result_get(three);
    CU_ASSERT_TRUE(r1->n_questions > 10); /* enough for chunks on several workers */
    rendering a, b, c;
    render_all(r1, 1, &a);
    render_all(r3, 3, &b);
    render_all(r1, 8, &c); /* more threads than reports */
    for (size_t k = 0; k < N_REPORTS; k++) {
        CU_ASSERT_TRUE(a.len[k] > 100);
        CU_ASSERT_EQUAL(a.len[k], b.len[k]);
        CU_ASSERT_EQUAL(a.len[k], c.len[k]);
        CU_ASSERT_TRUE(a.len[k] == b.len[k] && !memcmp(a.text[k], b.text[k], a.len[k]));
        CU_ASSERT_TRUE(a.len[k] == c.len[k] && !memcmp(a.text[k], c.text[k], a.len[k]));
    }
    /* and the same as the writer called directly */
    char *direct = NULL;
    size_t direct_len = 0;
    cn_error err;
    CU_ASSERT_EQUAL(cn_report_json_render(r1, &direct, &direct_len, &err), CN_OK);
    CU_ASSERT_TRUE(direct_len == a.len[1] && !memcmp(direct, a.text[1], direct_len));
    free(direct);
    rendering_free(&a);
    rendering_free(&b);
    rendering_free(&c);
    cn_analysis_free(one);
    cn_analysis_free(three);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
}

/* The claims' members go to disk a batch of claims at a time, each batch a
 * pass over the answers (issue 14): a batch of one member (so one claim a
 * batch) gives every claim the same members, and the same reports, as one
 * batch of all. */
static void test_member_batches(void)
{
    cn_pagecues *cues = NULL;
    cn_rules *rules = load_rules(&cues);
    cn_analysis *whole = analyze_dev(rules, cues, 1), *bits = analyze_dev_batch(rules, cues, 2, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bits);
    const cn_analysis_result *a = cn_analysis_result_get(whole), *b = cn_analysis_result_get(bits);
    CU_ASSERT_EQUAL_FATAL(a->n_claims, b->n_claims);
    size_t own = 0, mentioned = 0;
    for (size_t c = 0; c < a->n_claims; c++) {
        const cn_analysis_claim *x = &a->claims[c], *y = &b->claims[c];
        CU_ASSERT_EQUAL_FATAL(x->n_members, y->n_members);
        CU_ASSERT_EQUAL(x->n_primary, y->n_primary);
        CU_ASSERT_EQUAL(x->tally_shared, y->tally_shared);
        own += !x->tally_shared && x->n_members > 0;
        mentioned += x->n_members > x->n_primary;
        for (size_t k = 0; k < x->n_members; k++) {
            cn_member m = cn_analysis_claim_member(a, x, k), n = cn_analysis_claim_member(b, y, k);
            CU_ASSERT_TRUE(m.answer == n.answer && m.verdict == n.verdict);
            CU_ASSERT_TRUE(m.answer < a->n_answers);
            /* a vote is a counted answer's verdict 0, a mention a later verdict on the claim */
            CU_ASSERT_EQUAL(a->answers[m.answer].role, CN_ROLE_COUNTED);
            CU_ASSERT_EQUAL(m.verdict == 0, k < x->n_primary);
            CU_ASSERT_EQUAL(cn_analysis_verdict(a, &a->answers[m.answer], m.verdict).claim, c);
            CU_ASSERT_TRUE(k == 0 || k == x->n_primary ||
                           cn_analysis_claim_member(a, x, k - 1).answer <= m.answer);
        }
        CU_ASSERT_EQUAL(memcmp(x->tally->counts, y->tally->counts, sizeof x->tally->counts), 0);
    }
    CU_ASSERT_TRUE(own >= 2);      /* several batches of their own */
    CU_ASSERT_TRUE(mentioned > 0); /* mentions after the votes */
    cn_error err;
    CU_ASSERT_EQUAL(cn_analysis_load_status(a, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_analysis_load_status(b, &err), CN_OK);
    rendering ra, rb;
    render_all(a, 1, &ra);
    render_all(b, 2, &rb);
    for (size_t k = 0; k < N_REPORTS; k++)
        CU_ASSERT_TRUE(ra.len[k] == rb.len[k] && !memcmp(ra.text[k], rb.text[k], ra.len[k]));
    rendering_free(&ra);
    rendering_free(&rb);
    cn_analysis_free(whole);
    cn_analysis_free(bits);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
}

/* A fork loads its own pages: the result's loaded pages stay as they were. */
static void test_fork_loads_apart(void)
{
    cn_pagecues *cues = NULL;
    cn_rules *rules = load_rules(&cues);
    cn_analysis *an = analyze_dev(rules, cues, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(an);
    const cn_analysis_result *r = cn_analysis_result_get(an);
    CU_ASSERT_TRUE_FATAL(r->n_questions >= 2);
    cn_error err;
    cn_analysis_result *fork = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_analysis_result_fork(r, &fork, &err), CN_OK);
    size_t a0 = cn_analysis_question_answer(r, 0, CN_ROLE_COUNTED, 0),
           a1 = cn_analysis_question_answer(r, 1, CN_ROLE_COUNTED, 0);
    CU_ASSERT_EQUAL(cn_analysis_load_question(r, 0, &err), CN_OK);
    const cn_answer *x = cn_analysis_answer_of(r, a0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(cn_analysis_load_question(fork, 1, &err), CN_OK);
    const cn_answer *y = cn_analysis_answer_of(fork, a1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    CU_ASSERT_PTR_NOT_EQUAL(x, y);
    /* the fork's load released nothing of r's: x is still its answer */
    CU_ASSERT_PTR_EQUAL(cn_analysis_answer_of(r, a0), x);
    CU_ASSERT_STRING_EQUAL(x->answer_id, CN_ANSWER_ID(r, &r->answers[a0]));
    CU_ASSERT_STRING_EQUAL(y->answer_id, CN_ANSWER_ID(r, &r->answers[a1]));
    /* a question not loaded in the fork: its pages do not come */
    CU_ASSERT_PTR_NULL(cn_analysis_answer_of(fork, a0));
    cn_analysis_result_fork_free(fork);
    cn_analysis_release(r);
    cn_analysis_free(an);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
}

/* A reader is refused until the spill is flushed. */
static void test_spill_reader_needs_flush(void)
{
    cn_pagecues *cues = NULL;
    cn_rules *rules = load_rules(&cues);
    cn_error err;
    cn_spill *s = NULL, *reader = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_spill_new(NULL, rules, &s, &err), CN_OK);
    const char *paths[] = {"tests/data/dev/pages/dev_001.txt"};
    cn_reader *rd = NULL;
    cn_page *page = NULL;
    cn_annotator *ann = NULL;
    cn_page_annotation *pa = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_reader_new(paths, 1, cues, &rd, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_reader_next(rd, &page, &err), CN_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(page);
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(rules, &ann, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(ann, page, &pa, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_spill_put(s, page, pa, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_spill_reader_new(s, &reader, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(reader);
    CU_ASSERT_EQUAL(cn_spill_flush(s, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_spill_reader_new(s, &reader, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_spill_count(reader), 1);
    CU_ASSERT_EQUAL(cn_spill_put(reader, page, pa, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_spill_load(reader, 0, &err), CN_OK); /* read back through the reader */
    CU_ASSERT_PTR_NOT_NULL_FATAL(cn_spill_page(reader, 0));
    CU_ASSERT_STRING_EQUAL(cn_spill_page(reader, 0)->answers[0].text, page->answers[0].text);
    CU_ASSERT_PTR_NULL(cn_spill_page(s, 0)); /* not loaded in the spill itself */
    cn_spill_free(reader);
    cn_spill_free(s);
    cn_page_annotation_free(pa);
    cn_annotator_free(ann);
    cn_page_free(page);
    cn_reader_free(rd);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
}

/* The review queue of r is cn_review_sort's order of its items (the
 * reference sort, of whole items, on a shuffled copy). */
static void check_queue_order(const cn_analysis_result *r, size_t per_question,
                              cn_review_order order)
{
    size_t n = r->n_review;
    cn_review_item *items = malloc((n + 1) * sizeof *items);
    CU_ASSERT_PTR_NOT_NULL_FATAL(items);
    for (size_t k = 0; k < n; k++)
        items[k] = cn_analysis_review_item(r, k);
    uint64_t state = 12345;
    for (size_t k = n; k > 1; k--) { /* a fixed shuffle */
        state = state * 6364136223846793005u + 1442695040888963407u;
        size_t j = (size_t)((state >> 33) % k);
        cn_review_item t = items[k - 1];
        items[k - 1] = items[j];
        items[j] = t;
    }
    CU_ASSERT_EQUAL_FATAL(cn_review_sort(items, n, per_question, order), CN_OK);
    for (size_t k = 0; k < n; k++)
        CU_ASSERT_EQUAL(items[k].answer, r->review[k]);
    free(items);
}

/* The review queue sorted in runs on disk of any size and merged (issue
 * 14) is the queue sorted at once: the same answers in the same order, in
 * cn_review_sort's order of the items, for rounds of 3, of 1 and none,
 * least sure and most urgent first; and the same reports. */
static void test_review_runs(void)
{
    cn_pagecues *cues = NULL;
    cn_rules *rules = load_rules(&cues);
    static const struct {
        size_t per_question;
        cn_review_order order;
    } SETS[] = {{3, CN_REVIEW_LEAST_SURE_FIRST},
                {1, CN_REVIEW_MOST_URGENT_FIRST},
                {0, CN_REVIEW_LEAST_SURE_FIRST},
                {2, CN_REVIEW_MOST_URGENT_FIRST}};
    static const size_t RUNS[] = {1, 2, 7};
    for (size_t s = 0; s < sizeof SETS / sizeof SETS[0]; s++) {
        dev_opts d = {.set_review = true,
                      .per_question = SETS[s].per_question,
                      .review_order = SETS[s].order};
        cn_analysis *whole = analyze_dev_opts(rules, cues, 1, &d);
        CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
        const cn_analysis_result *a = cn_analysis_result_get(whole);
        CU_ASSERT_TRUE_FATAL(a->n_review > 2 * RUNS[2]); /* several runs of each size */
        check_queue_order(a, SETS[s].per_question, SETS[s].order);
        rendering ra;
        render_all(a, 1, &ra);
        for (size_t k = 0; k < sizeof RUNS / sizeof RUNS[0]; k++) {
            d.review_run = RUNS[k];
            cn_analysis *runs = analyze_dev_opts(rules, cues, 1 + k % 2, &d);
            CU_ASSERT_PTR_NOT_NULL_FATAL(runs);
            const cn_analysis_result *b = cn_analysis_result_get(runs);
            CU_ASSERT_EQUAL_FATAL(b->n_review, a->n_review);
            CU_ASSERT_EQUAL(memcmp(a->review, b->review, a->n_review * sizeof *a->review), 0);
            cn_error err;
            CU_ASSERT_EQUAL(cn_analysis_load_status(b, &err), CN_OK);
            rendering rb;
            render_all(b, 1, &rb);
            for (size_t j = 0; j < N_REPORTS; j++)
                CU_ASSERT_TRUE(ra.len[j] == rb.len[j] &&
                               !memcmp(ra.text[j], rb.text[j], ra.len[j]));
            rendering_free(&rb);
            cn_analysis_free(runs);
        }
        rendering_free(&ra);
        cn_analysis_free(whole);
    }
    cn_pagecues_free(cues);
    cn_rules_free(rules);
}

int main(void)
{
    static const tu_test tests[] = {
        {"each task runs once", test_each_task_once},
        {"reports are the same on any number of threads", test_reports_same_on_threads},
        {"a fork loads pages apart", test_fork_loads_apart},
        {"claims' members on disk in batches of any size (issue 14)", test_member_batches},
        {"a spill reader needs a flushed spill", test_spill_reader_needs_flush},
        {"the review queue sorted in runs on disk of any size (issue 14)", test_review_runs},
        {NULL, NULL},
    };
    return tu_run_suite("parallel", tests);
}
