/*
 * cn_reader: the corpus reader. Takes paths (files, or folders read
 * recursively in name order, dot files skipped), detects each file's shape
 * (structured page, flat page, JSON Lines), and hands out pages one at a time,
 * de-duplicated (cn_dedup) as they go. Only the current page (for JSON Lines:
 * the current line) and the de-duplication index are held in memory.
 *
 * A file that cannot be read (empty, binary, not UTF-8, of no known shape,
 * unreadable) is rejected: cn_reader_next returns an error naming it and why,
 * records it in the skipped list, and the next call goes on with the rest. In
 * a JSON Lines file a bad line is rejected on its own ("FILE:LINE: why").
 */
#ifndef CN_READER_H
#define CN_READER_H

#include "cn_error.h"
#include "cn_page.h"
#include "cn_pagecues.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_reader cn_reader;

/* A reader over paths[0..n_paths), borrowing cues (which must outlive it).
 * A path that does not exist is a usage error (CN_ERR_USAGE) and no reader
 * is made. */
int cn_reader_new(const char *const *paths, size_t n_paths, const cn_pagecues *cues,
                  cn_reader **out, cn_error *err);

void cn_reader_free(cn_reader *reader);

/* The folder of the de-duplication index's scratch files, should it pass
 * dedup_memory_mib (default: $TMPDIR, else /tmp); dir is borrowed and must
 * outlive the reader. */
void cn_reader_set_scratch_dir(cn_reader *reader, const char *dir);

/* The next page. Returns CN_OK with *out set to a page the caller frees
 * (cn_page_free), or CN_OK with *out == NULL when everything was read. Returns
 * a negative cn_error_code with *out == NULL when a file (or JSON Lines line)
 * was rejected: err says "PATH: reason" or "PATH:LINE: reason", and the caller
 * may call again to continue. Reading cannot go on when the de-duplication
 * index failed (out of memory: CN_ERR_NOMEM; its scratch files on disk:
 * CN_ERR_IO): then cn_reader_failed is true and later calls fail too. */
int cn_reader_next(cn_reader *reader, cn_page **out, cn_error *err);

/* Has reading stopped on an error that is not a rejected input? */
bool cn_reader_failed(const cn_reader *reader);

/* Rejected inputs so far: where ("PATH" or "PATH:LINE") and why. */
size_t cn_reader_skipped_count(const cn_reader *reader);
const char *cn_reader_skipped_where(const cn_reader *reader, size_t i);
const char *cn_reader_skipped_reason(const cn_reader *reader, size_t i);

/* Pages handed out so far. */
size_t cn_reader_pages(const cn_reader *reader);

/* The de-duplication index's distinct answers and bytes. */
size_t cn_reader_distinct_answers(const cn_reader *reader);
size_t cn_reader_index_bytes(const cn_reader *reader);
/* Has the index moved its bulky parts to disk (dedup_memory_mib reached)? */
bool cn_reader_index_spilled(const cn_reader *reader);

#endif
