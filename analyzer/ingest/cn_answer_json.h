/*
 * cn_answer_json: one answer as the JSON object of a `consensus parse` line
 * (DESIGN.md contract): file, index, answer_id, question_id, question,
 * duplicate_of, title, text, physician {name, city, specialty, rating,
 * reviews}, plus excerpt, related, truncated, format, declared_answers, url
 * and line. `consensus classify` builds on the same object and adds its
 * stance fields.
 */
#ifndef CN_ANSWER_JSON_H
#define CN_ANSWER_JSON_H

#include "cn_page.h"

#include <cJSON.h>
#include <stddef.h>

/* A new cJSON object for answer i of page (i < page->n_answers); NULL on
 * OOM. The caller owns it (cJSON_Delete). Absent values are JSON null. */
cJSON *cn_answer_json_new(const cn_page *page, size_t i);

/* The same printed on one line without a newline; release with cJSON_free.
 * NULL on OOM. */
char *cn_answer_json_line(const cn_page *page, size_t i);

#endif
