/*
 * cn_spill: the pages of an analysis kept on disk instead of in memory, and
 * brought back a few at a time while a report is written.
 *
 * Each page and its annotation is written as cn_spill_codec's bytes (raw
 * numbers, so a page read back gives every report the bytes the page in
 * memory gave) into a temporary file that is unlinked as soon as it is made:
 * nothing is left behind on any exit, a crash included. Pages are numbered
 * 0, 1, ... in the order they are put. A loaded page stays until
 * cn_spill_release; annotations read back borrow from the spill's
 * codec, so they live as long as the spill. Readers (cn_spill_reader_new)
 * let several threads load pages of one spill at once.
 */
#ifndef CN_SPILL_H
#define CN_SPILL_H

#include "cn_annotate.h"
#include "cn_error.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <stddef.h>

typedef struct cn_spill cn_spill;

/* A spill in folder dir (NULL: $TMPDIR, else /tmp) over rules (borrowed,
 * must outlive it). CN_ERR_IO when no file can be made there. */
int cn_spill_new(const char *dir, const cn_rules *rules, cn_spill **out, cn_error *err);

/* Free the loaded pages and close (so remove) the file. NULL is fine. */
void cn_spill_free(cn_spill *s);

/* Write a page and its annotation (both still the caller's): page number
 * cn_spill_count() before the call. CN_ERR_IO when the disk is full. */
int cn_spill_put(cn_spill *s, const cn_page *page, const cn_page_annotation *annotation,
                 cn_error *err);

size_t cn_spill_count(const cn_spill *s);

/* Write out what cn_spill_put buffered (readers read the file itself). */
int cn_spill_flush(cn_spill *s, cn_error *err);

/* A reader of s's pages with its own loaded pages, so that threads can load
 * pages at once (each its own reader; the file is read with pread and the
 * codec only read). s must be flushed and take no more pages while the
 * reader lives; free it with cn_spill_free before s. CN_ERR_USAGE when s
 * is not flushed, CN_ERR_NOMEM. */
int cn_spill_reader_new(const cn_spill *s, cn_spill **out, cn_error *err);

/* Read page number p back (nothing to do when it is loaded). */
int cn_spill_load(cn_spill *s, size_t p, cn_error *err);

/* How many pages are loaded. */
size_t cn_spill_loaded(const cn_spill *s);
/* Free every loaded page. */
void cn_spill_release(cn_spill *s);

/* Page p and its annotation while loaded; NULL otherwise. */
const cn_page *cn_spill_page(const cn_spill *s, size_t p);
const cn_page_annotation *cn_spill_annotation(const cn_spill *s, size_t p);

#endif
