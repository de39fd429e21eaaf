/*
 * cn_consensus_memo: cn_consensus_compute's figures remembered by their
 * counts.
 *
 * A question's consensus figures (intervals, posterior probabilities, the
 * level) depend only on its four stance counts and the thresholds, and most
 * questions of a corpus share their counts with many others (three
 * reassuring and one cautionary, ...), while each computation costs a dozen
 * incomplete beta functions. The memo gives the very same result (a copy
 * of the one computed) for a fraction of the work. Direct-mapped over a
 * fixed number of slots: its memory does not grow with the corpus; a
 * collision only costs a recomputation. One memo per thread.
 */
#ifndef CN_CONSENSUS_MEMO_H
#define CN_CONSENSUS_MEMO_H

#include "cn_consensus.h"

typedef struct cn_consensus_memo cn_consensus_memo;

/* An empty memo. CN_ERR_NOMEM. */
int cn_consensus_memo_new(cn_consensus_memo **out, cn_error *err);
void cn_consensus_memo_free(cn_consensus_memo *memo);

/* cn_consensus_compute, byte for byte, through the memo (NULL: computed).
 * A call with other thresholds than the memo's entries empties it first;
 * failures are not remembered. */
int cn_consensus_compute_memo(cn_consensus_memo *memo, const cn_consensus_opts *opts,
                              const long counts[CN_STANCE_COUNT], cn_consensus_result *out,
                              cn_error *err);

#endif
