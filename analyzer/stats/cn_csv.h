/*
 * cn_csv: a small, strict CSV reader for the statistics commands.
 *
 * RFC 4180 shape: fields separated by ',', records by LF or CRLF; a field may
 * be quoted with '"' (then it may hold ',', line breaks and "" for a quote).
 * A UTF-8 byte-order mark at the start is skipped; completely blank lines are
 * skipped. Not accepted (CN_ERR_FORMAT, message "FILE:LINE: what"): an empty
 * file (no record at all), an unterminated quoted field, text after a closing
 * quote, a NUL byte, invalid UTF-8.
 *
 * Rows may have different numbers of fields: the reader keeps each row as it
 * is and cn_csv_check_width tells the caller, who decides whether to reject
 * the row and go on.
 */
#ifndef CN_CSV_H
#define CN_CSV_H

#include "cn_error.h"

#include <stddef.h>

typedef struct cn_csv cn_csv;

/* Parse data[0..len); `name` is used in messages ("FILE:LINE: ..."). */
int cn_csv_parse(const char *name, const char *data, size_t len, cn_csv **out, cn_error *err);

/* Read and parse a file. */
int cn_csv_read_file(const char *path, cn_csv **out, cn_error *err);

void cn_csv_free(cn_csv *csv);

/* The name given to the parser (the path for cn_csv_read_file). */
const char *cn_csv_name(const cn_csv *csv);

/* Records, the header included (row 0). */
size_t cn_csv_rows(const cn_csv *csv);

/* Fields in one row. */
size_t cn_csv_fields(const cn_csv *csv, size_t row);

/* The field's text (unquoted, NUL-terminated; "" for a field past the row's end). */
const char *cn_csv_field(const cn_csv *csv, size_t row, size_t col);

/* The 1-based line on which the row starts. */
long cn_csv_line(const cn_csv *csv, size_t row);

/* CN_OK when the row has as many fields as the header, else CN_ERR_FORMAT
 * with "FILE:LINE: row has N fields, the header has M". */
int cn_csv_check_width(const cn_csv *csv, size_t row, cn_error *err);

/* Parse the field as a finite number (surrounding blanks allowed, nothing
 * else). CN_ERR_FORMAT with "FILE:LINE: column C (NAME): 'TEXT' is not a
 * number" otherwise. An empty field is an error here too: callers that allow
 * missing values test for "" first. */
int cn_csv_number(const cn_csv *csv, size_t row, size_t col, double *out, cn_error *err);

/* Like cn_csv_number, but the value must be a whole number >= 0 (a count). */
int cn_csv_count(const cn_csv *csv, size_t row, size_t col, long *out, cn_error *err);

/* True when the field holds only blanks (or nothing). */
int cn_csv_is_blank(const cn_csv *csv, size_t row, size_t col);

#endif
