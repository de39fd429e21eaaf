/*
 * cn_pairwise: do physicians agree on a question? The chance that two
 * physicians answering the same question take the same stance, pooled over
 * the questions: sum over questions and stances of c(c - 1), over the sum of
 * n(n - 1), where c counts a stance's answers and n the stance-taking answers
 * of a question with at least two. This is the measure editors mean by
 * "agreement across physicians": Krippendorff's alpha with physicians as
 * coders needs the same physicians on many questions, and chance-corrects
 * against the whole corpus, so 90% agreement on every question of a corpus
 * where most answers are reassuring gives an alpha near zero (cn_agreement
 * stays for real reliability matrices: labeller against labeller, editor
 * against classifier).
 *
 * `chance` is the same probability for two answers drawn from the pooled
 * stances of those questions, and `corrected` = (agreement - chance) /
 * (1 - chance) (Fleiss' kappa for a varying number of raters per item): low
 * when every question agrees on the same stance, which is agreement on the
 * topic rather than beyond it. The majority shares of the questions are
 * summarized by their quartiles. The interval is a percentile bootstrap over
 * questions, only with at least min_units questions (fewer resample into too
 * few distinct values to mean anything): otherwise NaN, and ci_note says why.
 */
#ifndef CN_PAIRWISE_H
#define CN_PAIRWISE_H

#include "cn_error.h"

#include <stddef.h>

#define CN_PAIRWISE_MIN_UNITS 20

typedef struct cn_pairwise_result {
    size_t questions; /* questions with >= 2 stance-taking answers */
    double pairs;     /* answer pairs within those questions */
    double agreement; /* NaN when no question has two answers */
    double chance;
    double corrected;
    double ci_lo, ci_hi;                     /* of agreement; NaN when not computed */
    size_t bootstrap;                        /* resamples drawn */
    const char *ci_note;                     /* why there is no interval (static), or NULL */
    double share_q1, share_median, share_q3; /* questions' majority shares */
} cn_pairwise_result;

/* counts: n questions x 3 (reassuring, cautionary, contraindicated). */
int cn_pairwise_compute(const long (*counts)[3], size_t n, size_t bootstrap, unsigned long seed,
                        double level, size_t min_units, cn_pairwise_result *out, cn_error *err);

#endif
