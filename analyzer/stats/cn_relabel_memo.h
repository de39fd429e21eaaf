/*
 * cn_relabel_memo: cn_relabel's figures remembered by their counts.
 *
 * A relabeling's figures depend only on how many answers of each stance an
 * editor set and how many of each predicted stance are redrawn (and the
 * options, confusion matrix, draws and seed, which are the same for every
 * question of one analysis). Questions and claims keep landing on the same
 * counts, and each computation is a sum over up to 969 count vectors or
 * thousands of seeded redraws, so a memo gives the very same figures for a
 * fraction of the work. Direct-mapped over a fixed number of slots: its
 * memory does not grow with the corpus; a collision only costs a recomputation.
 */
#ifndef CN_RELABEL_MEMO_H
#define CN_RELABEL_MEMO_H

#include "cn_relabel.h"

typedef struct cn_relabel_memo cn_relabel_memo;

/* An empty memo. CN_ERR_NOMEM. */
int cn_relabel_memo_new(cn_relabel_memo **out, cn_error *err);
void cn_relabel_memo_free(cn_relabel_memo *memo);

/* cn_relabel_compute, byte for byte, through the memo (NULL: computed). A
 * call with other options, matrix, draws or seed than the memo's entries
 * empties it first. */
int cn_relabel_compute_memo(cn_relabel_memo *memo, const cn_consensus_opts *opts,
                            const cn_stance *predicted, const bool *certain, size_t n,
                            const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                            unsigned long seed, cn_relabel_result *out, cn_error *err);

/* The same from the counts cn_relabel_count makes (a caller that counts its
 * answers itself needs no array of them: the largest question at 1 GB has
 * 1.28 million). */
int cn_relabel_compute_memo_counts(cn_relabel_memo *memo, const cn_consensus_opts *opts,
                                   const long fixed[CN_STANCE_COUNT],
                                   const unsigned group[CN_STANCE_COUNT],
                                   const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                                   size_t draws, unsigned long seed, cn_relabel_result *out,
                                   cn_error *err);

#endif
