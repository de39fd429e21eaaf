/* cn_review: reason names and weights of the review queue, and its order. */
#include "cn_review.h"

#include "cn_error.h"
#include "cn_sort.h"

#include <stdlib.h>

static const struct {
    unsigned flag;
    const char *name;
    int weight;
} REASONS[CN_REVIEW_REASON_COUNT] = {
    {CN_REVIEW_DISSENT, "dissent", 4},
    {CN_REVIEW_PIVOTAL, "pivotal", 4},
    {CN_REVIEW_CLAIM_FIT, "claim-fit", 3},
    {CN_REVIEW_CONFLICTING, "conflicting", 3},
    {CN_REVIEW_LOW_CONFIDENCE, "low-confidence", 2},
    {CN_REVIEW_DUPLICATE_METADATA, "duplicate-metadata", 2},
    {CN_REVIEW_EXCERPT, "excerpt", 1},
};

unsigned cn_review_reason_at(size_t i)
{
    return i < CN_REVIEW_REASON_COUNT ? REASONS[i].flag : 0;
}

const char *cn_review_reason_name(unsigned flag)
{
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (REASONS[i].flag == flag)
            return REASONS[i].name;
    return "?";
}

int cn_review_reason_weight(unsigned flag)
{
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (REASONS[i].flag == flag)
            return REASONS[i].weight;
    return 0;
}

const char *cn_review_order_name(cn_review_order order)
{
    return order == CN_REVIEW_MOST_URGENT_FIRST ? "most-urgent-first" : "least-sure-first";
}

int cn_review_urgency(unsigned reasons)
{
    int sum = 0;
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (reasons & REASONS[i].flag)
            sum += REASONS[i].weight;
    return sum;
}

static int by_urgency(const cn_review_item *a, const cn_review_item *b)
{
    return a->urgency == b->urgency ? 0 : a->urgency > b->urgency ? -1 : 1;
}

static int by_confidence(const cn_review_item *a, const cn_review_item *b)
{
    return a->confidence == b->confidence ? 0 : a->confidence < b->confidence ? -1 : 1;
}

int cn_review_item_cmp(const cn_review_item *a, const cn_review_item *b, cn_review_order order)
{
    if (a->round != b->round)
        return a->round < b->round ? -1 : 1;
    int c = order == CN_REVIEW_LEAST_SURE_FIRST ? by_confidence(a, b) : by_urgency(a, b);
    if (!c)
        c = order == CN_REVIEW_LEAST_SURE_FIRST ? by_urgency(a, b) : by_confidence(a, b);
    if (c)
        return c;
    if (a->question != b->question)
        return a->question < b->question ? -1 : 1;
    if (a->answer != b->answer)
        return a->answer < b->answer ? -1 : 1;
    return 0;
}

static int item_cmp(const void *a, const void *b, void *order)
{
    return cn_review_item_cmp(a, b, *(const cn_review_order *)order);
}

/* Heap sort, in place: the queue can hold a third of a large corpus'
 * answers, and a merge sort's buffer would be as large again.
 * cn_review_item_cmp is a total order (the answer, one item each, breaks
 * the last tie), so any sort gives the order a stable one would. */
static void sort_items(cn_review_item *items, size_t n, cn_review_order order)
{
    cn_sort_heap(items, n, sizeof *items, item_cmp, &order);
}

int cn_review_sort(cn_review_item *items, size_t n, size_t per_question, cn_review_order order)
{
    for (size_t i = 0; i < n; i++)
        items[i].round = 0;
    sort_items(items, n, order);
    if (per_question == 0 || n == 0)
        return CN_OK;
    /* Number each item within its question in queue order, then sort again
     * by round: the question's items 1..K are round 0, K+1..2K round 1, ... */
    size_t max_q = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].question > max_q)
            max_q = items[i].question;
    size_t *seen = calloc(max_q + 1, sizeof *seen);
    if (!seen)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        items[i].round = (uint32_t)(seen[items[i].question]++ / per_question);
    free(seen);
    sort_items(items, n, order);
    return CN_OK;
}
