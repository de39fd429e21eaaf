/* cn_analysis_review: the review queue: each answer's reasons for an editor's look
 * (dissent, conflict, low confidence, pivotal, excerpt, claim fit, a duplicate's differing
 * metadata), sorted (cn_review). */
#include "cn_analysis_int.h"

#include "cn_grow.h"
#include "cn_sort.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool str_differs(const char *a, const char *b)
{
    return a && b && strcmp(a, b) != 0;
}

/* What differs between a duplicate's physician and its original's, where both
 * give a value (a flat page gives none, which is no disagreement). */
static int metadata_note(const cn_physician *d, const cn_physician *o, char **out, cn_error *err)
{
    char buf[1024] = "";
    size_t used = 0;
#define ADD_DIFF(label, fmt, x, y)                                                                 \
    do {                                                                                           \
        int n_ = snprintf(buf + used, sizeof buf - used, "%s" label " " fmt " vs " fmt,            \
                          used ? "; " : "", x, y);                                                 \
        if (n_ > 0)                                                                                \
            used = used + (size_t)n_ < sizeof buf ? used + (size_t)n_ : sizeof buf - 1;            \
    } while (0)
    if (str_differs(d->name, o->name))
        ADD_DIFF("name", "'%s'", o->name, d->name);
    if (str_differs(d->city, o->city))
        ADD_DIFF("city", "'%s'", o->city, d->city);
    if (str_differs(d->specialty, o->specialty))
        ADD_DIFF("specialty", "'%s'", o->specialty, d->specialty);
    if (d->has_rating && o->has_rating && d->rating != o->rating)
        ADD_DIFF("rating", "%.1f", o->rating, d->rating);
    if (d->has_reviews && o->has_reviews && d->reviews != o->reviews)
        ADD_DIFF("reviews", "%ld", o->reviews, d->reviews);
#undef ADD_DIFF
    *out = NULL;
    if (!used)
        return CN_OK;
    *out = strdup(buf);
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
}

/* Answer i's metadata note, if its physician differs from its original's. */
static int keep_note(cn_analysis *an, size_t i, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_answer *a = &r->answers[i];
    char *text = NULL;
    cn_physician dup, orig;
    cna_physician_at(an, cna_answer_physician(an, r->loader, i), &dup);
    cna_physician_at(an, cna_answer_physician(an, r->loader, cn_analysis_original(r, a)), &orig);
    int rc = metadata_note(&dup, &orig, &text, err);
    if (rc != CN_OK || !text)
        return rc;
    if (!cn_grow((void **)&an->notes, &an->cap_notes, an->n_notes + 1, sizeof *an->notes)) {
        free(text);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    an->notes[an->n_notes++] = (note){.answer = (uint32_t)i, .text = text};
    a->review |= CN_REVIEW_DUPLICATE_METADATA;
    return CN_OK;
}

const char *cn_analysis_metadata_note(const cn_analysis_result *r, size_t i)
{
    const cn_analysis *an = r->an;
    size_t k = cna_place_u32(an->notes, an->n_notes, sizeof *an->notes, i);
    return k < an->n_notes ? an->notes[k].text : NULL;
}

bool cn_analysis_pivot(const cn_analysis_result *r, size_t i, cn_stance *alt,
                       cn_consensus_level *level, cn_stance *majority)
{
    const cn_analysis_answer *a = &r->answers[i];
    if (a->role != CN_ROLE_COUNTED || a->overridden)
        return false;
    const cn_tally *t = &r->questions[cn_analysis_answer_question(r, a)].tally;
    if (t->level < CN_CONSENSUS_WEAK)
        return false; /* no conclusion to protect: the report already says so */
    cn_stance s = cn_analysis_answer_stance(a);
    long counts[CN_STANCE_COUNT];
    memcpy(counts, t->counts, sizeof counts);
    if (counts[s] < 1)
        return false;
    static const cn_stance TRY[] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                    CN_STANCE_CONTRAINDICATED, CN_STANCE_NONE};
    for (size_t k = 0; k < sizeof TRY / sizeof TRY[0]; k++) {
        if (TRY[k] == s)
            continue;
        counts[s]--;
        counts[TRY[k]]++;
        cn_stance m;
        cn_consensus_level l = cn_consensus_level_of(&r->opts.consensus, counts, &m);
        counts[s]++;
        counts[TRY[k]]--;
        if (l != (cn_consensus_level)t->level || m != (cn_stance)t->majority) {
            *alt = TRY[k];
            *level = l;
            *majority = m;
            return true;
        }
    }
    return false;
}

/* How many of a question's counted answers name its primary catalog claim in
 * their own words (cn_answer_annotation.names_primary). */
static size_t answers_naming_claim(const cn_analysis_result *r, size_t qi)
{
    size_t k = 0;
    for (size_t i = 0; i < r->questions[qi].n_answers; i++) {
        const cn_analysis_answer *a =
            &r->answers[cn_analysis_question_answer(r, qi, CN_ROLE_COUNTED, i)];
        k += a->names_primary;
    }
    return k;
}

/* A catalog claim that fewer than half of the question's answers name may not
 * fit the question: its first answer is queued so an editor checks the claim. */
static void flag_claim_fit(cn_analysis_result *r)
{
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->naming_claim = answers_naming_claim(r, i);
        if (r->claims[q->claim].rule && q->n_answers >= 2 && 2 * q->naming_claim < q->n_answers)
            r->answers[cn_analysis_question_answer(r, i, CN_ROLE_COUNTED, 0)].review |=
                CN_REVIEW_CLAIM_FIT;
    }
}

/* Answer i's entry in the review queue (round 0). */
static cn_review_item cn_analysis_review_item_of(const cn_analysis_result *r, size_t i)
{
    const cn_analysis_answer *a = &r->answers[i];
    return (cn_review_item){.answer = (uint32_t)i,
                            .reasons = (uint16_t)a->review,
                            .urgency = (int16_t)cn_review_urgency(a->review),
                            .confidence = cn_analysis_verdict_confidence(r, a, 0),
                            .question = (uint32_t)cn_analysis_answer_question(r, a)};
}

cn_review_item cn_analysis_review_item(const cn_analysis_result *r, size_t k)
{
    return cn_analysis_review_item_of(r, r->review[k]);
}

/* A counted answer's reasons for review, as far as the classifier decided its stance. */
static void flag_counted(cn_analysis *an, size_t i)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_answer *a = &r->answers[i];
    const cn_verdict primary = cn_analysis_verdict(r, a, 0), *d = &primary;
    const cn_analysis_question *q = &r->questions[cn_analysis_answer_question(r, a)];
    if (a->dissent && q->tally.level == CN_CONSENSUS_STRONG)
        a->review |= CN_REVIEW_DISSENT;
    if (d->conflicting)
        a->review |= CN_REVIEW_CONFLICTING;
    if (d->confidence < an->opts.low_confidence)
        a->review |= CN_REVIEW_LOW_CONFIDENCE;
    cn_stance alt, major;
    cn_consensus_level level;
    if ((a->review & (CN_REVIEW_CONFLICTING | CN_REVIEW_LOW_CONFIDENCE)) &&
        cn_analysis_pivot(r, i, &alt, &level, &major))
        a->review |= CN_REVIEW_PIVOTAL;
    if (a->excerpt || a->truncated)
        a->review |= CN_REVIEW_EXCERPT;
}

/* A queued answer while the queue is sorted: what its item holds that its
 * answer does not (16 bytes, not cn_review_item's 24: 781,748 of them at
 * 1 GB); its reasons, urgency and question are read from the answer. */
typedef struct queued {
    double confidence; /* read from disk once */
    uint32_t answer;
    uint32_t round;
} queued;

typedef struct queue_sort {
    const cn_analysis_result *r;
    cn_review_order order;
} queue_sort;

static cn_review_item item_of_queued(const cn_analysis_result *r, const queued *q)
{
    const cn_analysis_answer *a = &r->answers[q->answer];
    return (cn_review_item){.answer = q->answer,
                            .reasons = (uint16_t)a->review,
                            .urgency = (int16_t)cn_review_urgency(a->review),
                            .confidence = q->confidence,
                            .question = (uint32_t)cn_analysis_answer_question(r, a),
                            .round = q->round};
}

static int queued_cmp(const void *a, const void *b, void *sort)
{
    const queue_sort *s = sort;
    cn_review_item x = item_of_queued(s->r, a), y = item_of_queued(s->r, b);
    return cn_review_item_cmp(&x, &y, s->order);
}

/* The items sorted in memory at once (1 MiB of them): a larger queue is
 * sorted in runs of this many, each put on disk, and the runs merged. */
#define REVIEW_RUN (1u << 16)

/* In place, as cn_review_sort: the order is total, so any sort gives the
 * same queue. */
static void sort_queued(const queue_sort *s, queued *q, size_t n)
{
    cn_sort_heap(q, n, sizeof *q, queued_cmp, (void *)s);
}

/* Where each item goes in the queue. cn_review_sort sorts, numbers each
 * item within its question in that order (its round: items 1..K of a
 * question are round 0, K+1..2K round 1, ...), and sorts again by round
 * first: the order being total, each round's items keep the first order,
 * so the queue is round 0's items in the first order, then round 1's, ...
 * How many items each round has follows from how many each question has,
 * so each item is placed as it comes out of the first sort, with no
 * second sort and no item kept: `seen` counts a question's items so far,
 * `next` is where the next item of each round goes. */
typedef struct placing {
    const cn_analysis_result *r;
    uint32_t *queue; /* r->review: n_review answers */
    size_t per_question;
    uint32_t *seen; /* by question */
    size_t *next;   /* by round */
} placing;

static void place_free(placing *p)
{
    free(p->seen);
    free(p->next);
}

/* The rounds' places from the questions' counts of flagged answers. */
static int place_init(placing *p, const cn_analysis_result *r, uint32_t *queue, cn_error *err)
{
    *p = (placing){.r = r, .queue = queue, .per_question = r->opts.per_question};
    p->seen = calloc(r->n_questions + 1, sizeof *p->seen);
    if (!p->seen)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    size_t k = p->per_question, rounds = 1;
    for (size_t i = 0; i < r->n_answers; i++)
        if (r->answers[i].review && k) {
            uint32_t *c = &p->seen[cn_analysis_answer_question(r, &r->answers[i])];
            if (*c % k == 0 && *c / k + 1 > rounds)
                rounds = *c / k + 1;
            (*c)++;
        }
    p->next = calloc(rounds + 1, sizeof *p->next);
    if (!p->next) {
        place_free(p);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    if (!k) {
        p->next[0] = 0; /* one round: the first order */
        return CN_OK;
    }
    for (size_t q = 0; q < r->n_questions; q++) { /* round j's items: each question's */
        for (size_t j = 0; j < p->seen[q] / k; j++)
            p->next[j + 1] += k;
        if (p->seen[q] % k) /* a last round not full (below `rounds`) */
            p->next[p->seen[q] / k + 1] += p->seen[q] % k;
        p->seen[q] = 0;
    }
    for (size_t j = 1; j <= rounds; j++) /* where each round starts */
        p->next[j] += p->next[j - 1];
    return CN_OK;
}

/* The next item of the first order into its place. */
static void place(placing *p, const queued *item)
{
    size_t round = 0;
    if (p->per_question) {
        size_t q = cn_analysis_answer_question(p->r, &p->r->answers[item->answer]);
        round = p->seen[q]++ / p->per_question;
    }
    p->queue[p->next[round]++] = item->answer;
}

/* A sorted run on disk being merged: its items [at, end) not yet read, the
 * read ones in buf from pos to len. */
typedef struct run_reader {
    uint64_t at, end;
    queued *buf;
    size_t pos, len;
} run_reader;

/* Run k's next items into its buffer (it has some left). */
static int run_fill(cn_recfile *f, run_reader *rr, size_t room, cn_error *err)
{
    size_t n = rr->end - rr->at < room ? (size_t)(rr->end - rr->at) : room;
    int rc = cn_recfile_read_at(f, rr->at * sizeof *rr->buf, rr->buf, n * sizeof *rr->buf, err);
    rr->at += n;
    rr->pos = 0;
    rr->len = rc == CN_OK ? n : 0;
    return rc;
}

/* The merge's heap of runs, by their next item (the least on top). */
typedef struct run_heap {
    const queue_sort *s;
    run_reader *runs;
    size_t *ids;
    size_t n;
} run_heap;

static bool run_before(const run_heap *h, size_t a, size_t b)
{
    const run_reader *x = &h->runs[h->ids[a]], *y = &h->runs[h->ids[b]];
    return queued_cmp(&x->buf[x->pos], &y->buf[y->pos], (void *)h->s) < 0;
}

static void heap_down(run_heap *h, size_t i)
{
    for (;;) {
        size_t least = i, l = 2 * i + 1, r = l + 1;
        if (l < h->n && run_before(h, l, least))
            least = l;
        if (r < h->n && run_before(h, r, least))
            least = r;
        if (least == i)
            return;
        size_t t = h->ids[i];
        h->ids[i] = h->ids[least];
        h->ids[least] = t;
        i = least;
    }
}

/* The n_runs sorted runs of `run` items each (the last may be shorter) of
 * file f merged, each item placed as it comes: a buffer of about `run`
 * items in all, shared by the runs. */
static int merge_runs(const queue_sort *s, cn_recfile *f, size_t n, size_t run, size_t n_runs,
                      placing *p, cn_error *err)
{
    size_t room = run / n_runs ? run / n_runs : 1;
    run_reader *runs = calloc(n_runs, sizeof *runs);
    queued *bufs = malloc(n_runs * room * sizeof *bufs);
    size_t *ids = malloc(n_runs * sizeof *ids);
    int rc =
        runs && bufs && ids ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    run_heap h = {.s = s, .runs = runs, .ids = ids};
    for (size_t k = 0; k < n_runs && rc == CN_OK; k++) {
        runs[k] = (run_reader){.at = (uint64_t)k * run,
                               .end = (uint64_t)(k + 1) * run < n ? (uint64_t)(k + 1) * run : n,
                               .buf = bufs + k * room};
        rc = run_fill(f, &runs[k], room, err);
        ids[h.n++] = k;
    }
    for (size_t i = h.n / 2; rc == CN_OK && i-- > 0;)
        heap_down(&h, i);
    while (rc == CN_OK && h.n > 0) {
        run_reader *top = &runs[ids[0]];
        place(p, &top->buf[top->pos++]);
        if (top->pos == top->len && top->at < top->end)
            rc = run_fill(f, top, room, err);
        if (top->pos == top->len)
            ids[0] = ids[--h.n]; /* the run is done */
        heap_down(&h, 0);
    }
    free(runs);
    free(bufs);
    free(ids);
    return rc;
}

/* Answer i's item (its confidence read from disk once). */
static queued item_of_answer(const cn_analysis_result *r, size_t i)
{
    return (queued){.answer = (uint32_t)i,
                    .confidence = cn_analysis_verdict_confidence(r, &r->answers[i], 0)};
}

/* The flagged answers in runs of `run` (the answers' order), each sorted
 * and put on disk: *n_runs of them in *out. */
static int runs_to_disk(cn_analysis *an, const queue_sort *s, size_t run, cn_recfile **out,
                        size_t *n_runs, cn_error *err)
{
    const cn_analysis_result *r = &an->result;
    queued *buf = malloc(run * sizeof *buf);
    int rc = buf ? cn_recfile_new(an->opts.spill_dir, out, err)
                 : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    size_t k = 0;
    *n_runs = 0;
    for (size_t i = 0; i <= r->n_answers && rc == CN_OK; i++) {
        if (i < r->n_answers && r->answers[i].review)
            buf[k++] = item_of_answer(r, i);
        if (k == run || (i == r->n_answers && k > 0)) {
            sort_queued(s, buf, k);
            rc = cn_recfile_write(*out, buf, k * sizeof *buf, err);
            ++*n_runs;
            k = 0;
        }
    }
    free(buf);
    return rc == CN_OK ? cn_recfile_rewind(*out, err) : rc;
}

/* The flagged answers in the order of the queue (cn_review_sort's), into
 * r->review (4 bytes an item, the queue itself): sorted as compact items
 * (16 bytes each) in memory when they are at most a run, else in runs on
 * disk merged (12 MB of items at 1 GB, at the moment this step was the
 * run's peak), each placed in its round as it comes (place_init). */
static int queue_flagged(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t n = r->n_review, run = an->opts.review_run ? an->opts.review_run : REVIEW_RUN;
    queue_sort s = {.r = r, .order = r->opts.review_order};
    queued *items = NULL;
    cn_recfile *file = NULL;
    size_t n_runs = 0;
    int rc = CN_OK;
    if (n <= run) { /* one run: in memory */
        items = malloc((n + 1) * sizeof *items);
        if (!items)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        size_t k = 0;
        for (size_t i = 0; i < r->n_answers; i++)
            if (r->answers[i].review)
                items[k++] = item_of_answer(r, i);
        sort_queued(&s, items, n);
    } else {
        rc = runs_to_disk(an, &s, run, &file, &n_runs, err);
    }
    placing p = {0};
    if (rc == CN_OK && !(r->review = malloc((n + 1) * sizeof *r->review)))
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    if (rc == CN_OK)
        rc = place_init(&p, r, r->review, err);
    if (rc == CN_OK && items)
        for (size_t k = 0; k < n; k++)
            place(&p, &items[k]);
    else if (rc == CN_OK)
        rc = merge_runs(&s, file, n, run, n_runs, &p, err);
    place_free(&p);
    free(items);
    cn_recfile_free(file);
    return rc;
}

/* Every answer's reasons for review, then the queue. */
int cna_flag_answers(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    flag_claim_fit(r);
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        if (a->role == CN_ROLE_COUNTED && !a->overridden && !a->fragment) {
            flag_counted(an, i);
        } else if (a->role == CN_ROLE_DUPLICATE) {
            int rc = keep_note(an, i, err);
            if (rc != CN_OK)
                return rc;
        }
        if (a->review)
            r->n_review++;
    }
    int rc = queue_flagged(an, err);
    /* The confidences came from disk: a read that failed shows here. */
    return rc == CN_OK ? cn_analysis_load_status(r, err) : rc;
}
