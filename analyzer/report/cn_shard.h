/*
 * cn_shard: one shard of a scaled-out run (`consensus analyze --partial`):
 * read a corpus, classify every page on the batch's threads exactly as
 * `analyze` does, and write each page with its annotation, and each rejected
 * input, into a partial file (cn_partial) instead of computing figures and
 * reports. Streams: pages are written and freed a run at a time, so memory
 * holds one run of pages, the reader's de-duplication index and the question
 * ids seen, never the corpus.
 */
#ifndef CN_SHARD_H
#define CN_SHARD_H

#include "cn_error.h"
#include "cn_reader.h"
#include "cn_rules.h"

#include <stddef.h>

typedef struct cn_shard_opts {
    unsigned long seed; /* recorded for the merge (the shard draws nothing) */
    size_t jobs;        /* classifying threads (cn_batch); 0 or 1: the calling thread */
    /* Called for each input the reader rejects, with its message; may be NULL. */
    void (*on_skip)(void *ctx, const char *message);
    /* Called after each run of pages with answers classified so far; may be NULL. */
    void (*on_progress)(void *ctx, size_t pages, size_t answers);
    void *ctx;
} cn_shard_opts;

typedef struct cn_shard_result {
    size_t files;   /* distinct files that gave pages */
    size_t pages;   /* pages written */
    size_t answers; /* answers of those pages */
    size_t skipped; /* rejected inputs written */
} cn_shard_result;

/* Read every page of reader (borrowed), classify it with rules and write the
 * partial file at path (renamed into place only when whole). */
int cn_shard_write(cn_reader *reader, const cn_rules *rules, const cn_shard_opts *opts,
                   const char *path, cn_shard_result *result, cn_error *err);

#endif
