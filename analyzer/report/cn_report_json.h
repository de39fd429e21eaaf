/*
 * cn_report_json: the JSON renderings of a finished analysis (cJSON):
 * report.json (one formatted object; shape in reports/report.schema.json and
 * the README) and answers.jsonl (one classified answer a line: the
 * `consensus classify` line of cn_annotate, plus the answer's role and the
 * editor_override placeholder). Numbers and text follow cn_report_fmt; no timestamps, no paths
 * beyond file base names, so equal input gives equal bytes.
 */
#ifndef CN_REPORT_JSON_H
#define CN_REPORT_JSON_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <cJSON.h>
#include <stddef.h>
#include <stdio.h>

/* The version of the report's shape (report.json "schema_version", report.xml
 * "schema-version"); raised when a field changes meaning or goes away. */
#define CN_REPORT_SCHEMA_VERSION 1

/* report.json into f, element by element (memory holds one question's,
 * claim's or review item's tree at a time), ending in a newline. CN_OK,
 * CN_ERR_NOMEM, or CN_ERR_IO when f reports a write error. */
int cn_report_json_write(const cn_analysis_result *r, FILE *f, cn_error *err);

/* The same as text: *out malloc'd, *len its length. */
int cn_report_json_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

/* answers.jsonl into f: one line per answer in corpus order (duplicates and
 * related excerpts included, each marked by its `role`: counted, duplicate,
 * related), one line in memory at a time. CN_OK, CN_ERR_NOMEM, CN_ERR_IO. */
int cn_report_answers_write(const cn_analysis_result *r, FILE *f, cn_error *err);

/* The same as text: *out malloc'd, *len its length. */
int cn_report_answers_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

/* The answers.jsonl object of answer i (i < r->n_answers), whose page is
 * loaded (cn_analysis_load_answer); NULL on OOM or when it is not. The
 * caller owns it (cJSON_Delete). */
cJSON *cn_report_answer_line_new(const cn_analysis_result *r, size_t i);

#endif
