/*
 * cn_partial: the partial file of a shard (`consensus analyze --partial`),
 * written and read back. It holds what the analysis needs of every page the
 * shard read, in reading order: the parsed page (every field the reader
 * fills, so `consensus merge` can run de-duplication again over all shards'
 * pages exactly as one run would), the shard's annotation of it (stances,
 * evidence, the question it was judged against), and the inputs the shard's
 * reader rejected. The format is JSON Lines, documented in docs/partial.md:
 *
 *   {"format":"consensus-partial","version":1,"consensus":V,"rules_sha256":H,"seed":N}
 *   {"page":{...},"chose":true,"annotation":{...}}     one a page
 *   {"skipped":{"where":"FILE","reason":"..."}}        one a rejected input
 *   {"end":{"pages":N,"skipped":M}}                    last: the file is whole
 *
 * Numbers are written with as many digits (15 to 17) as they need to read
 * back to the same double, so a merged run computes with the very values the
 * shard had. The writer writes to a temporary name beside FILE and renames it
 * on commit: a failed shard never leaves a partial that looks whole.
 *
 * The reader checks everything it reads (a bad line is "FILE:LINE: what") and
 * gives annotations whose borrowed parts (claim choices, claim ids and
 * statements, question types and flags, reasons, rule pointers) live in a
 * cn_partial_pool over the loaded rules, shared by every partial of a merge.
 */
#ifndef CN_PARTIAL_H
#define CN_PARTIAL_H

#include "cn_annotate.h"
#include "cn_error.h"
#include "cn_jsonbuf.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <stdbool.h>
#include <stddef.h>

#define CN_PARTIAL_FORMAT "consensus-partial"
#define CN_PARTIAL_VERSION 1

/* What a partial was made with; merging needs the same in every partial. */
typedef struct cn_partial_header {
    char version[32];      /* the consensus version that wrote it */
    char rules_sha256[65]; /* cn_rules_sha256 of the shard's rule set */
    unsigned long seed;    /* --seed of the shard */
} cn_partial_header;

/* ---- writing ---- */

typedef struct cn_partial_writer cn_partial_writer;

/* Start a partial at path (written to a temporary name beside it) with its
 * header line. CN_ERR_IO when the folder cannot be written. */
int cn_partial_writer_new(const char *path, const cn_partial_header *header,
                          cn_partial_writer **out, cn_error *err);

/* One page and its annotation. chose: the page chose its own question (the
 * first page of its question_id in the shard, or one without), rather than
 * being judged against an earlier page's choice. */
int cn_partial_write_page(cn_partial_writer *w, const cn_page *page, bool chose,
                          const cn_page_annotation *annotation, cn_error *err);

/* The line cn_partial_write_page writes for a page (newline included), put
 * into b (emptied first): for a caller that keeps pages in a file of its own
 * (cn_spill). */
int cn_partial_page_line(cn_jsonbuf *b, const cn_page *page, bool chose,
                         const cn_page_annotation *annotation, cn_error *err);

/* One rejected input: where ("PATH" or "PATH:LINE") and why. */
int cn_partial_write_skipped(cn_partial_writer *w, const char *where, const char *reason,
                             cn_error *err);

/* Write the closing line, flush, and rename the file into place. */
int cn_partial_writer_commit(cn_partial_writer *w, cn_error *err);

/* Remove the temporary file unless committed, and free. NULL is fine. */
void cn_partial_writer_free(cn_partial_writer *w);

/* ---- reading ---- */

typedef struct cn_partial_pool cn_partial_pool;

/* A pool over rules (borrowed; must outlive the pool). NULL on OOM. */
cn_partial_pool *cn_partial_pool_new(const cn_rules *rules);

/* Free the pool: only after every annotation read through it is freed. */
void cn_partial_pool_free(cn_partial_pool *pool);

typedef struct cn_partial_reader cn_partial_reader;

/* Open a partial and read its header line. CN_ERR_IO when it cannot be
 * opened, CN_ERR_FORMAT when it is not a partial of this format version. */
int cn_partial_reader_open(const char *path, cn_partial_pool *pool, cn_partial_reader **out,
                           cn_error *err);
void cn_partial_reader_free(cn_partial_reader *r);

const cn_partial_header *cn_partial_reader_header(const cn_partial_reader *r);

/* The line number of the record read last (for messages). */
size_t cn_partial_reader_line(const cn_partial_reader *r);

typedef enum cn_partial_kind {
    CN_PARTIAL_END = 0, /* the closing line was read and its counts agree */
    CN_PARTIAL_PAGE,
    CN_PARTIAL_SKIPPED
} cn_partial_kind;

typedef struct cn_partial_record {
    cn_partial_kind kind;
    /* CN_PARTIAL_PAGE: both handed over (cn_page_free, cn_page_annotation_free) */
    cn_page *page;
    cn_page_annotation *annotation;
    bool chose;
    /* CN_PARTIAL_SKIPPED: handed over (free()) */
    char *where;
    char *reason;
} cn_partial_record;

/* The next record. CN_ERR_FORMAT with "FILE:LINE: what" for a bad line, a
 * file that ends without its closing line, or anything after it. */
int cn_partial_reader_next(cn_partial_reader *r, cn_partial_record *rec, cn_error *err);

/* A page line (as cn_partial_page_line made it, its newline optional) read
 * back into rec (a CN_PARTIAL_PAGE record) through pool; name is the file
 * named in messages. CN_ERR_FORMAT for anything else. */
int cn_partial_page_parse(cn_partial_pool *pool, const char *name, const char *line, size_t len,
                          cn_partial_record *rec, cn_error *err);

/* Whether two annotations judge their pages against the same question
 * (primary claim, its statement and source, question type and flags). */
bool cn_partial_same_question(const cn_page_annotation *a, const cn_page_annotation *b);

#endif
