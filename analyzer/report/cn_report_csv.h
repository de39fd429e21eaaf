/*
 * cn_report_csv: answers.csv, the editors' spreadsheet of a finished analysis.
 *
 * One row an answer in corpus order (duplicates and related excerpts included,
 * marked by `role`), RFC 4180 (fields quoted when they hold a comma, a quote
 * or a line break; CRLF-free, LF line ends). The last three columns,
 * editor_stance, editor and note, are for corrections: empty unless an
 * override already applies, in which case they hold it, so that the file can
 * be edited and given back with `analyze --overrides answers.csv` without
 * losing earlier corrections (cn_overrides reads it).
 */
#ifndef CN_REPORT_CSV_H
#define CN_REPORT_CSV_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <stddef.h>
#include <stdio.h>

/* The header line's column names, in order, without the line end. */
#define CN_REPORT_CSV_HEADER                                                                       \
    "answer_id,question_id,question,file,index,role,physician,specialty,stance,confidence,"        \
    "reason,url,opening,editor_stance,editor,note"

/* At most this many bytes of the answer's first sentence go into `opening`
 * (cut at a character boundary, "..." added). */
#define CN_REPORT_CSV_OPENING_MAX 200

/* answers.csv into f, row by row (memory holds one answer's line at a time).
 * CN_OK, CN_ERR_NOMEM or CN_ERR_IO. */
int cn_report_csv_write(const cn_analysis_result *r, FILE *f, cn_error *err);

/* answers.csv as text: *out malloc'd, *len its length. CN_OK or CN_ERR_NOMEM. */
int cn_report_csv_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

#endif
