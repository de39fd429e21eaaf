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

/* The version of the report's shape (report.json "schema_version", report.xml
 * "schema-version"); raised when a field changes meaning or goes away. */
#define CN_REPORT_SCHEMA_VERSION 1

/* report.json as text ending in a newline: *out malloc'd, *len its length.
 * CN_OK or CN_ERR_NOMEM. */
int cn_report_json_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

/* answers.jsonl as text: one line per answer in corpus order (duplicates and
 * related excerpts included, each marked by its `role`: counted, duplicate,
 * related). */
int cn_report_answers_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

/* The answers.jsonl object of answer i (i < r->n_answers); NULL on OOM.
 * The caller owns it (cJSON_Delete). */
cJSON *cn_report_answer_line_new(const cn_analysis_result *r, size_t i);

#endif
