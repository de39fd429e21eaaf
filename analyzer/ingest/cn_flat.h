/*
 * cn_flat: parse a flat page: the site's slogan line (dropped), then one answer
 * a line with no titles or signatures. A line cut off with "..." is an excerpt;
 * whether a trailing run of excerpts belongs to related questions is decided by
 * de-duplication (cn_dedup), which knows what they repeat.
 */
#ifndef CN_FLAT_H
#define CN_FLAT_H

#include "cn_error.h"
#include "cn_page.h"
#include "cn_pagecues.h"

#include <stdbool.h>
#include <stddef.h>

/* True when text[0..len) is shaped like a flat page: at least two lines, each
 * paragraph a single line or all lines in one block, and some line after the
 * first of eight words or more. (Check cn_structured_detect first.) */
bool cn_flat_detect(const char *text, size_t len);

/* Parse text[0..len) (valid UTF-8) into page (path and file set by the
 * caller). The caller frees page on error. */
int cn_flat_parse(const cn_pagecues *cues, const char *text, size_t len, cn_page *page,
                  cn_error *err);

#endif
