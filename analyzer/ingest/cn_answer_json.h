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

#include "cn_jsonbuf.h"
#include "cn_page.h"

#include <cJSON.h>
#include <stddef.h>

/* Open a JSON object and write answer i's `parse` fields into b (i <
 * page->n_answers); the caller may add keys, then closes it. Written directly,
 * byte for byte as cJSON prints the same object. */
void cn_answer_json_fields(cn_jsonbuf *b, const cn_page *page, size_t i);

/* A new cJSON object for answer i of page (i < page->n_answers); NULL on
 * OOM or a bad index. */
cJSON *cn_answer_json_new(const cn_page *page, size_t i);

/* The same printed on one line without a newline (malloc'd; release with free
 * or cJSON_free); NULL on OOM or a bad index. */
char *cn_answer_json_line(const cn_page *page, size_t i);

#endif
