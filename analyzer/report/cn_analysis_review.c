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
    cna_physician_at(an, a->physician, &dup);
    cna_physician_at(an, r->answers[cn_analysis_original(r, a)].physician, &orig);
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
    if (t->consensus->level < CN_CONSENSUS_WEAK)
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
        if (l != t->consensus->level || m != t->consensus->majority) {
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
    if (a->dissent && q->tally.consensus->level == CN_CONSENSUS_STRONG)
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

/* In place, as cn_review_sort: the order is total, so any sort gives the
 * same queue. */
static void sort_queued(const queue_sort *s, queued *q, size_t n)
{
    cn_sort_heap(q, n, sizeof *q, queued_cmp, (void *)s);
}

/* cn_review_sort on the compact items: sorted, numbered in rounds of
 * per_question items of each question, sorted again. */
static int sort_queue(const cn_analysis_result *r, queued *q, size_t n, cn_error *err)
{
    queue_sort s = {.r = r, .order = r->opts.review_order};
    sort_queued(&s, q, n);
    size_t per_question = r->opts.per_question;
    if (per_question == 0 || n == 0)
        return CN_OK;
    size_t *seen = calloc(r->n_questions + 1, sizeof *seen);
    if (!seen)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < n; i++)
        q[i].round = (uint32_t)(seen[cn_analysis_answer_question(r, &r->answers[q[i].answer])]++ /
                                per_question);
    free(seen);
    sort_queued(&s, q, n);
    return CN_OK;
}

/* The sorted items' answers moved to the front of their own array, which
 * then keeps only them: the queue is not a second array beside the items
 * (3 MB more at 1 GB, at the moment this step was the run's peak). Item k
 * is read before answer k is written, 4k bytes in, never past item k. */
static uint32_t *answers_in_place(queued *items, size_t n)
{
    uint32_t *out = (uint32_t *)(void *)items;
    for (size_t k = 0; k < n; k++) {
        uint32_t answer = items[k].answer;
        out[k] = answer;
    }
    uint32_t *shrunk = realloc(out, (n + 1) * sizeof *out);
    return shrunk ? shrunk : out;
}

/* The flagged answers in the order of the queue (cn_review_sort's). Sorted
 * as compact items (16 bytes each, for a moment), kept as their answers: the
 * rest of an item is read from its answer again. */
static int queue_flagged(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    queued *items = calloc(r->n_review + 1, sizeof *items);
    if (!items)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    size_t k = 0;
    for (size_t i = 0; i < r->n_answers; i++)
        if (r->answers[i].review)
            items[k++] = (queued){
                .answer = (uint32_t)i,
                .confidence = cn_analysis_verdict_confidence(r, &r->answers[i], 0),
            };
    int rc = sort_queue(r, items, r->n_review, err);
    r->review = answers_in_place(items, r->n_review);
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
