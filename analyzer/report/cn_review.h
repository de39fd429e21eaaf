/*
 * cn_review: the review queue: which answers an editor should look at, why,
 * and in what order.
 *
 * Reasons (bit flags, most serious first):
 * - dissent: takes a stance against a strong consensus of its question (the
 *   physician really dissents, or the rules misread the answer);
 * - pivotal: an unsure answer (low confidence or conflicting cues) whose
 *   stance, read as another one, would change its question's majority or
 *   consensus level: a wrong label here changes what the report concludes;
 * - claim-fit: the question was judged against a catalog claim that fewer
 *   than half of its answers name in their own words: the claim may not fit
 *   the question (flagged on the question's first answer);
 * - conflicting: the classifier found close competing stance cues;
 * - low-confidence: the decision's confidence is below the threshold;
 * - duplicate-metadata: the same answer was seen again with a different
 *   physician name, city, specialty, rating or review count;
 * - excerpt: the stance was judged on a cut-off text (excerpt or truncated).
 * Urgency is the sum of the reasons' weights (4, 4, 3, 3, 2, 2, 1). The queue is
 * sorted by confidence (lowest first: the answer most likely labelled wrong,
 * since the confidences are calibrated on real pages), then urgency (highest
 * first), or, in urgency order, the two the other way round; then the
 * question's order, then the answer's order in the corpus, so the order is
 * total and the same on every run. On real pages the confidence order puts
 * more of the classifier's errors at the top (settings.rules gives the
 * figures), so it is the shipped one. With a cap of K per question, a question's
 * first K items come before any question's next K (rounds), so the top of the
 * queue is not one long page's answers.
 */
#ifndef CN_REVIEW_H
#define CN_REVIEW_H

#include <stddef.h>
#include <stdint.h>

enum {
    CN_REVIEW_DISSENT = 1u << 0,
    CN_REVIEW_CONFLICTING = 1u << 1,
    CN_REVIEW_LOW_CONFIDENCE = 1u << 2,
    CN_REVIEW_DUPLICATE_METADATA = 1u << 3,
    CN_REVIEW_EXCERPT = 1u << 4,
    CN_REVIEW_PIVOTAL = 1u << 5,
    CN_REVIEW_CLAIM_FIT = 1u << 6,
};
#define CN_REVIEW_REASON_COUNT 7

/* The flag of reason number i (0 .. CN_REVIEW_REASON_COUNT-1), most serious first. */
unsigned cn_review_reason_at(size_t i);

/* "dissent", "pivotal", "claim-fit", "conflicting", "low-confidence",
 * "duplicate-metadata", "excerpt" for one flag; "?" otherwise. */
const char *cn_review_reason_name(unsigned flag);

/* The weight of one reason flag (0 for an unknown flag). */
int cn_review_reason_weight(unsigned flag);

/* Sum of the weights of the flags set. */
int cn_review_urgency(unsigned reasons);

/* One entry of the queue: 24 bytes (a large corpus queues about a third of
 * its answers; answers and questions are numbered in 32 bits). */
typedef struct cn_review_item {
    double confidence; /* of the answer's decision on its primary claim */
    uint32_t answer;   /* index into the analysis' answers */
    uint32_t question; /* index of the answer's question */
    uint32_t round;    /* set by cn_review_sort: which K-item round of its question */
    uint16_t reasons;  /* CN_REVIEW_* */
    int16_t urgency;
} cn_review_item;

/* What comes first in the queue (see above). */
typedef enum cn_review_order {
    CN_REVIEW_LEAST_SURE_FIRST, /* confidence (lowest first), then urgency */
    CN_REVIEW_MOST_URGENT_FIRST /* urgency (highest first), then confidence */
} cn_review_order;

/* Sort items in `order` (see above), in rounds of per_question items of each
 * question (0: no rounds); answer indices break ties last (an answer has one
 * item at most). Sorts in place, without a buffer.
 * CN_OK, or CN_ERR_NOMEM (items then sorted without rounds). */
int cn_review_sort(cn_review_item *items, size_t n, size_t per_question, cn_review_order order);

/* The order cn_review_sort puts items in (< 0: a first): round, then the
 * order's two keys, then question, then answer; a total order on items of
 * distinct answers. For a caller that sorts items kept in a form of its own. */
int cn_review_item_cmp(const cn_review_item *a, const cn_review_item *b, cn_review_order order);

/* "least-sure-first" or "most-urgent-first": the order's name in the reports. */
const char *cn_review_order_name(cn_review_order order);

#endif
