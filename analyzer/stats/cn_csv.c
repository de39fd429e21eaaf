/* cn_csv: strict CSV reading with FILE:LINE diagnostics. */
#define _POSIX_C_SOURCE 200809L
#include "cn_csv.h"

#include "cn_file.h"

#include "cn_text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct csv_row {
    size_t first; /* index of its first field */
    size_t count; /* fields */
    long line;
} csv_row;

struct cn_csv {
    char *name;
    char *text;    /* every field, NUL-terminated, back to back */
    size_t *field; /* offsets into text */
    size_t nfields, cap_fields;
    csv_row *row;
    size_t nrows, cap_rows;
};

void cn_csv_free(cn_csv *csv)
{
    if (!csv)
        return;
    free(csv->name);
    free(csv->text);
    free(csv->field);
    free(csv->row);
    free(csv);
}

const char *cn_csv_name(const cn_csv *csv)
{
    return csv->name;
}

size_t cn_csv_rows(const cn_csv *csv)
{
    return csv->nrows;
}

size_t cn_csv_fields(const cn_csv *csv, size_t row)
{
    return row < csv->nrows ? csv->row[row].count : 0;
}

const char *cn_csv_field(const cn_csv *csv, size_t row, size_t col)
{
    if (row >= csv->nrows || col >= csv->row[row].count)
        return "";
    return csv->text + csv->field[csv->row[row].first + col];
}

long cn_csv_line(const cn_csv *csv, size_t row)
{
    return row < csv->nrows ? csv->row[row].line : 0;
}

static long line_of(const char *data, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += data[i] == '\n';
    return line;
}

/* Parser state: input, output cursor into csv->text. */
typedef struct parser {
    const char *d;
    size_t len, pos;
    long line;
    cn_csv *csv;
    size_t out;
} parser;

static int push_field(parser *p, size_t start)
{
    cn_csv *c = p->csv;
    if (c->nfields == c->cap_fields) {
        size_t cap = c->cap_fields ? c->cap_fields * 2 : 64;
        size_t *f = realloc(c->field, cap * sizeof *f);
        if (!f)
            return CN_ERR_NOMEM;
        c->field = f;
        c->cap_fields = cap;
    }
    c->text[p->out++] = '\0';
    c->field[c->nfields++] = start;
    return CN_OK;
}

static int push_row(parser *p, size_t first, long line)
{
    cn_csv *c = p->csv;
    if (c->nrows == c->cap_rows) {
        size_t cap = c->cap_rows ? c->cap_rows * 2 : 16;
        csv_row *r = realloc(c->row, cap * sizeof *r);
        if (!r)
            return CN_ERR_NOMEM;
        c->row = r;
        c->cap_rows = cap;
    }
    c->row[c->nrows++] = (csv_row){first, c->nfields - first, line};
    return CN_OK;
}

/* At a record end: LF, CRLF, or CR right before the end of the input. */
static size_t eol_length(const parser *p)
{
    if (p->pos >= p->len)
        return 0;
    if (p->d[p->pos] == '\n')
        return 1;
    if (p->d[p->pos] == '\r' && p->pos + 1 < p->len && p->d[p->pos + 1] == '\n')
        return 2;
    if (p->d[p->pos] == '\r' && p->pos + 1 == p->len)
        return 1;
    return 0;
}

static int quoted_field(parser *p, cn_error *err)
{
    long start_line = p->line;
    p->pos++; /* the opening quote */
    for (;;) {
        if (p->pos >= p->len)
            return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: unterminated quoted field",
                                p->csv->name, start_line);
        char ch = p->d[p->pos];
        if (ch == '"') {
            if (p->pos + 1 < p->len && p->d[p->pos + 1] == '"') {
                p->csv->text[p->out++] = '"';
                p->pos += 2;
                continue;
            }
            p->pos++;
            break;
        }
        p->line += ch == '\n';
        p->csv->text[p->out++] = ch;
        p->pos++;
    }
    if (p->pos < p->len && p->d[p->pos] != ',' && eol_length(p) == 0)
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: unexpected text after a closing quote",
                            p->csv->name, p->line);
    return CN_OK;
}

static int plain_field(parser *p, cn_error *err)
{
    while (p->pos < p->len && p->d[p->pos] != ',' && eol_length(p) == 0) {
        if (p->d[p->pos] == '"')
            return cn_error_set(err, CN_ERR_FORMAT,
                                "%s:%ld: quote inside an unquoted field (quote the whole field "
                                "and double the quote)",
                                p->csv->name, p->line);
        p->csv->text[p->out++] = p->d[p->pos++];
    }
    return CN_OK;
}

static int parse_record(parser *p, cn_error *err)
{
    size_t first = p->csv->nfields;
    long line = p->line;
    for (;;) {
        size_t start = p->out;
        int rc =
            (p->pos < p->len && p->d[p->pos] == '"') ? quoted_field(p, err) : plain_field(p, err);
        if (rc == CN_OK)
            rc = push_field(p, start);
        if (rc == CN_ERR_NOMEM)
            return cn_error_set(err, rc, "%s: out of memory", p->csv->name);
        if (rc)
            return rc;
        if (p->pos < p->len && p->d[p->pos] == ',') {
            p->pos++;
            continue;
        }
        size_t eol = eol_length(p);
        p->pos += eol;
        p->line += eol > 0;
        break;
    }
    if (push_row(p, first, line))
        return cn_error_set(err, CN_ERR_NOMEM, "%s: out of memory", p->csv->name);
    return CN_OK;
}

static int check_bytes(const char *name, const char *data, size_t len, cn_error *err)
{
    const char *nul = memchr(data, '\0', len);
    if (nul)
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: NUL byte in a text file", name,
                            line_of(data, (size_t)(nul - data)));
    size_t bad;
    if (!cn_utf8_validate(data, len, &bad))
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: invalid UTF-8 at byte %zu", name,
                            line_of(data, bad), bad + 1);
    return CN_OK;
}

int cn_csv_parse(const char *name, const char *data, size_t len, cn_csv **out, cn_error *err)
{
    *out = NULL;
    int rc = check_bytes(name, data, len, err);
    if (rc)
        return rc;
    cn_csv *csv = calloc(1, sizeof *csv);
    if (!csv || !(csv->name = strdup(name)) || !(csv->text = malloc(len + 1))) {
        cn_csv_free(csv);
        return cn_error_set(err, CN_ERR_NOMEM, "%s: out of memory", name);
    }
    parser p = {data, len, 0, 1, csv, 0};
    if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
        p.pos = 3;
    while (rc == CN_OK && p.pos < p.len) {
        size_t eol = eol_length(&p);
        if (eol) { /* a blank line */
            p.pos += eol;
            p.line++;
            continue;
        }
        rc = parse_record(&p, err);
    }
    if (rc == CN_OK && csv->nrows == 0)
        rc = cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: empty file: no header row", name, p.line);
    if (rc) {
        cn_csv_free(csv);
        return rc;
    }
    *out = csv;
    return CN_OK;
}

int cn_csv_read_file(const char *path, cn_csv **out, cn_error *err)
{
    *out = NULL;
    char *buf;
    size_t len;
    int rc = cn_file_read(path, CN_ERR_IO, &buf, &len, err);
    if (rc)
        return rc;
    rc = cn_csv_parse(path, buf, len, out, err);
    free(buf);
    return rc;
}

int cn_csv_check_width(const cn_csv *csv, size_t row, cn_error *err)
{
    size_t want = cn_csv_fields(csv, 0), got = cn_csv_fields(csv, row);
    if (got == want)
        return CN_OK;
    return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: row has %zu field%s, the header has %zu",
                        csv->name, cn_csv_line(csv, row), got, got == 1 ? "" : "s", want);
}

int cn_csv_is_blank(const cn_csv *csv, size_t row, size_t col)
{
    for (const char *s = cn_csv_field(csv, row, col); *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

/* [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? between blanks:
 * plain decimal only, so "0x10", "inf" and "nan" (which strtod takes) are not numbers. */
static int is_decimal(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '+' || *s == '-')
        s++;
    int digits = 0;
    while (isdigit((unsigned char)*s)) {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (isdigit((unsigned char)*s)) {
            s++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return 0;
        while (isdigit((unsigned char)*s))
            s++;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static int not_a(const cn_csv *csv, size_t row, size_t col, const char *what, cn_error *err)
{
    return cn_error_set(err, CN_ERR_FORMAT, "%s:%ld: column %zu ('%s'): '%s' is not %s", csv->name,
                        cn_csv_line(csv, row), col + 1, cn_csv_field(csv, 0, col),
                        cn_csv_field(csv, row, col), what);
}

int cn_csv_number(const cn_csv *csv, size_t row, size_t col, double *out, cn_error *err)
{
    const char *s = cn_csv_field(csv, row, col);
    if (!is_decimal(s))
        return not_a(csv, row, col, "a number", err);
    errno = 0;
    double v = strtod(s, NULL);
    if (errno == ERANGE && !isfinite(v))
        return not_a(csv, row, col, "a finite number", err);
    *out = v;
    return CN_OK;
}

int cn_csv_count(const cn_csv *csv, size_t row, size_t col, long *out, cn_error *err)
{
    double v;
    if (!is_decimal(cn_csv_field(csv, row, col)))
        return not_a(csv, row, col, "a count (a whole number >= 0)", err);
    int rc = cn_csv_number(csv, row, col, &v, err);
    if (rc)
        return rc;
    if (v < 0.0 || v != floor(v))
        return not_a(csv, row, col, "a count (a whole number >= 0)", err);
    if (v > 2147483647.0)
        return not_a(csv, row, col, "a count of at most 2147483647 (the limit of the tests)", err);
    *out = (long)v;
    return CN_OK;
}
