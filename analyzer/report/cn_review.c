/* cn_review: reason names and weights of the review queue, and its order. */
#include "cn_review.h"

#include "cn_sort.h"
#include "cn_error.h"

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

int cn_review_urgency(unsigned reasons)
{
    int sum = 0;
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (reasons & REASONS[i].flag)
            sum += REASONS[i].weight;
    return sum;
}

static int item_cmp(const void *pa, const void *pb)
{
    const cn_review_item *a = pa, *b = pb;
    if (a->round != b->round)
        return a->round < b->round ? -1 : 1;
    if (a->urgency != b->urgency)
        return a->urgency > b->urgency ? -1 : 1;
    if (a->confidence != b->confidence)
        return a->confidence < b->confidence ? -1 : 1;
    if (a->question != b->question)
        return a->question < b->question ? -1 : 1;
    if (a->answer != b->answer)
        return a->answer < b->answer ? -1 : 1;
    return 0;
}

int cn_review_sort(cn_review_item *items, size_t n, size_t per_question)
{
    for (size_t i = 0; i < n; i++)
        items[i].round = 0;
    cn_sort_stable(items, n, sizeof *items, item_cmp);
    if (per_question == 0 || n == 0)
        return CN_OK;
    /* Number each item within its question in urgency order, then sort again
     * by round: the question's items 1..K are round 0, K+1..2K round 1, ... */
    size_t max_q = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].question > max_q)
            max_q = items[i].question;
    size_t *seen = calloc(max_q + 1, sizeof *seen);
    if (!seen)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        items[i].round = seen[items[i].question]++ / per_question;
    free(seen);
    cn_sort_stable(items, n, sizeof *items, item_cmp);
    return CN_OK;
}
