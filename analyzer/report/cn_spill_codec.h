/*
 * cn_spill_codec: a page and its annotation as compact bytes for cn_spill's
 * temporary file, and back.
 *
 * Every report writer reads each page back from the spill, so a page is
 * decoded about five times per run: the partial format's JSON line (parse,
 * then a tree walk, then every number through strtod) cost more than all the
 * reports' own work. These bytes are lengths, raw numbers and small indexes,
 * read back with memcpy. What they decode to is what a page line read back
 * through cn_partial_page_parse gives, field for field: the same strings and
 * numbers, annotations borrowing from the rules and from the codec (which
 * interns the question a page was judged against, reasons, features, types
 * and flags), so every report keeps its bytes. The bytes live as long as the
 * process (never written for another run, never read by another version).
 */
#ifndef CN_SPILL_CODEC_H
#define CN_SPILL_CODEC_H

#include "cn_annotate.h"
#include "cn_error.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_spill_codec cn_spill_codec;

/* Growing bytes (the caller frees s). */
typedef struct cn_spill_bytes {
    char *s;
    size_t len, cap;
    bool failed; /* out of memory on the way */
} cn_spill_bytes;

/* A codec over rules (borrowed, must outlive it). NULL when out of memory. */
cn_spill_codec *cn_spill_codec_new(const cn_rules *rules);
/* Frees what decoded annotations borrow: free it after them. NULL is fine. */
void cn_spill_codec_free(cn_spill_codec *c);

/* Append page and annotation (one annotation per answer) to out.
 * CN_ERR_FORMAT when the annotation names a rule the rules do not have or
 * does not fit the page (what cn_partial_page_parse would refuse),
 * CN_ERR_NOMEM. */
int cn_spill_codec_encode(cn_spill_codec *c, const cn_page *page, const cn_page_annotation *pa,
                          cn_spill_bytes *out, cn_error *err);

/* The page and annotation of bytes [s, s + len) made by encode (the codec
 * only read: threads may decode at once); the page's
 * question_id, answer_ids and duplicate_of are left empty. CN_ERR_FORMAT when
 * the bytes are damaged, CN_ERR_NOMEM. */
int cn_spill_codec_decode(const cn_spill_codec *c, const char *s, size_t len, cn_page **page,
                          cn_page_annotation **pa, cn_error *err);

#endif
