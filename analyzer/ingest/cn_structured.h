/*
 * cn_structured: parse a structured page (question title, optional body,
 * "Doctor Answers N", then answers of title / body / signature block, and the
 * closing disclaimer) into a cn_page.
 *
 * Segmentation does not rely on signatures, since unsigned answers sit between
 * signed ones: an answer starts at a title, a short single-line paragraph
 * followed by body text. Right after a signature (or the header) any such line
 * is a title; inside an answer it must also look like one (no closing '.', '!'
 * or ':', not a sign-off, not after a line ending in ':', and not followed by
 * another title-like line), unless a "{{ voteCount }}" line follows it, which
 * only titles have. A page without the disclaimer was cut off; its last answer,
 * if unsigned (incomplete, or only a title), is marked truncated.
 */
#ifndef CN_STRUCTURED_H
#define CN_STRUCTURED_H

#include "cn_error.h"
#include "cn_page.h"
#include "cn_pagecues.h"

#include <stdbool.h>
#include <stddef.h>

/* True when text[0..len) has a line that opens the answers ("Doctor Answers
 * N": an [answer-markers] pattern), the mark of the shape. */
bool cn_structured_detect(const cn_pagecues *cues, const char *text, size_t len);

/* Parse text[0..len) (valid UTF-8) into page, whose path and file the caller
 * has set; fills format, question, body, declared_answers and answers (index
 * from 1, ids left empty for de-duplication). On error page may hold a partial
 * result; the caller frees it either way. */
int cn_structured_parse(const cn_pagecues *cues, const char *text, size_t len, cn_page *page,
                        cn_error *err);

#endif
