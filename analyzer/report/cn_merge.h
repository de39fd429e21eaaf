/*
 * cn_merge: the partial files of shards (cn_partial, `consensus analyze
 * --partial`) replayed into one analysis, so that `consensus merge` writes
 * the reports one `analyze` over all the shards' inputs, in the same order,
 * would write.
 *
 * Partials are added in shard order. Each page goes through de-duplication
 * again, with one index over all shards (so an answer repeated in another
 * shard is found as in one run), and its annotation is kept only where it is
 * the one a single run would make: its answers' related-question marks are
 * unchanged and it was judged against the question a single run judges it
 * against (the first page of its question_id over all shards, or itself).
 * Any other page (a shard boundary split its question, or cross-shard
 * de-duplication changed it) is classified again here against the right
 * question. A partial must carry this rule set's SHA-256, this consensus'
 * version, and the seed of the first partial: otherwise nothing is merged
 * and the error names the file.
 *
 * Use: cn_merge_new; cn_merge_add for each partial; cn_merge_seed; make an
 * analysis with that seed and cn_merge_into it; cn_analysis_finish. The
 * analysis borrows from the merge (claim choices, strings): free it first.
 */
#ifndef CN_MERGE_H
#define CN_MERGE_H

#include "cn_analysis.h"
#include "cn_error.h"
#include "cn_pagecues.h"
#include "cn_rules.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_merge cn_merge;

/* A merge over rules and the page cues of the same folder (both borrowed). */
int cn_merge_new(const cn_rules *rules, const cn_pagecues *cues, cn_merge **out, cn_error *err);
void cn_merge_free(cn_merge *m);

/* Read the partial at path (every line checked) and add its pages and
 * rejected inputs. CN_ERR_FORMAT ("FILE:LINE: what") for a bad or cut-off
 * file, CN_ERR_USAGE for a partial made with other rules, another version or
 * seed; CN_ERR_IO when it cannot be read. */
int cn_merge_add(cn_merge *m, const char *path, cn_error *err);

/* The seed every partial carries (after a successful cn_merge_add). */
unsigned long cn_merge_seed(const cn_merge *m);

/* Pages read, and pages classified again here (see above). */
size_t cn_merge_pages(const cn_merge *m);
size_t cn_merge_reclassified(const cn_merge *m);

/* Hand every page, annotation and rejected input to an (empty) analysis, in
 * order. Once. */
int cn_merge_into(cn_merge *m, cn_analysis *an, cn_error *err);

#endif
