/*
 * cn_jsonl: parse one line of scraper output (JSON Lines, one page a line):
 * {"url","question","body","answers":[{"title","text","name","city",
 * "specialty","rating","reviews"}]}. Every field but "answers" may be missing
 * or null; an answer needs a "text" or a "title". Text gets the same cleaning
 * as structured pages (template residue, disclaimer, sign-off).
 */
#ifndef CN_JSONL_H
#define CN_JSONL_H

#include "cn_error.h"
#include "cn_page.h"
#include "cn_pagecues.h"

#include <stdbool.h>
#include <stddef.h>

/* True when the first non-blank byte of text[0..len) (after a UTF-8 BOM) is '{'. */
bool cn_jsonl_detect(const char *text, size_t len);

/* Parse one record line[0..len) (valid UTF-8, no line end) into page, whose
 * path, file and line the caller has set. Answer indexes start at
 * first_index (1-based order of the answer in its file). Errors say what is
 * wrong ("answers[2].rating: expected a number"); the caller adds FILE:LINE
 * and frees page either way. */
int cn_jsonl_parse_line(const cn_pagecues *cues, const char *line, size_t len, size_t first_index,
                        cn_page *page, cn_error *err);

#endif
