/* cn_overrides: load and check an editors' overrides file (a JSON array, or
 * answers.csv with its editor_stance column filled in). */
#include "cn_overrides.h"

#include "cn_csv.h"
#include "cn_file.h"
#include "cn_hash.h"
#include "cn_text.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cn_overrides {
    char *name;
    cn_override *items;
    size_t n;
    cn_strmap *by_id; /* answer_id -> position */
};

void cn_overrides_free(cn_overrides *ov)
{
    if (!ov)
        return;
    for (size_t i = 0; i < ov->n; i++) {
        free(ov->items[i].editor);
        free(ov->items[i].note);
    }
    free(ov->items);
    cn_strmap_free(ov->by_id);
    free(ov->name);
    free(ov);
}

size_t cn_overrides_count(const cn_overrides *ov)
{
    return ov ? ov->n : 0;
}

const cn_override *cn_overrides_at(const cn_overrides *ov, size_t i)
{
    return ov && i < ov->n ? &ov->items[i] : NULL;
}

long cn_overrides_find(const cn_overrides *ov, const char *answer_id)
{
    if (!ov || !answer_id)
        return -1;
    return cn_strmap_get(ov->by_id, answer_id);
}

const char *cn_overrides_name(const cn_overrides *ov)
{
    return ov->name;
}

/* 1-based line and column of text + off. */
static void place_of(const char *text, size_t off, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*col; /* count characters, not UTF-8 continuation bytes */
        }
    }
}

/* The line each element of the top-level array starts on (cJSON keeps no
 * positions). lines has room for n; the text is known to be valid JSON. */
static void element_lines(const char *text, size_t len, unsigned *lines, size_t n)
{
    unsigned line = 1;
    int depth = 0;
    bool in_string = false, escaped = false, want = false;
    size_t k = 0;
    for (size_t i = 0; i < len && k < n; i++) {
        char ch = text[i];
        if (ch == '\n')
            line++;
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                in_string = false;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (want && depth == 1 && ch != ']') {
            lines[k++] = line;
            want = false;
        }
        if (ch == '"')
            in_string = true;
        else if (ch == '[' || ch == '{') {
            if (++depth == 1)
                want = true;
        } else if (ch == ']' || ch == '}')
            depth--;
        else if (ch == ',' && depth == 1)
            want = true;
    }
}

static bool is_answer_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == CN_ID_LEN;
}

/* An optional string member: absent or null gives NULL; else a copy. */
static int optional_string(const cJSON *obj, const char *key, char **out, const char *where,
                           cn_error *err)
{
    *out = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return CN_OK;
    if (!cJSON_IsString(v) || !v->valuestring)
        return cn_error_set(err, CN_ERR_FORMAT, "%s: '%s' must be a string or null", where, key);
    *out = strdup(v->valuestring);
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}

/* One array element into it. where is "FILE:LINE: entry N". */
static int parse_entry(const cJSON *e, cn_override *it, const char *where, cn_error *err)
{
    if (!cJSON_IsObject(e))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: expected an object {\"answer_id\", \"stance\", "
                            "\"editor\", \"note\"}",
                            where);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(e, "answer_id");
    if (!cJSON_IsString(id) || !id->valuestring)
        return cn_error_set(err, CN_ERR_FORMAT, "%s: needs an 'answer_id' string", where);
    if (!is_answer_id(id->valuestring))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: answer_id '%.40s' is not an answer id (16 lower-case hex digits, "
                            "as `consensus parse` prints)",
                            where, id->valuestring);
    memcpy(it->answer_id, id->valuestring, CN_ID_LEN + 1);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(e, "stance");
    if (!cJSON_IsString(st) || !st->valuestring || cn_stance_parse(st->valuestring, &it->stance))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: 'stance' must be reassuring, cautionary, contraindicated or none",
                            where);
    int rc = optional_string(e, "editor", &it->editor, where, err);
    if (rc == CN_OK)
        rc = optional_string(e, "note", &it->note, where, err);
    return rc;
}

/* Index the last entry by its answer_id; the same id twice is an error naming
 * the first one ("entry" or "row" N, line L). */
static int index_entry(cn_overrides *ov, const char *unit, const char *where, cn_error *err)
{
    const cn_override *it = &ov->items[ov->n - 1];
    long seen = cn_strmap_get(ov->by_id, it->answer_id);
    if (seen >= 0)
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: answer_id %s already has an override (%s %u, line %u)", where,
                            it->answer_id, unit, ov->items[seen].entry, ov->items[seen].line);
    if (cn_strmap_put(ov->by_id, it->answer_id, (int)(ov->n - 1)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

static int parse_array(cn_overrides *ov, const cJSON *arr, const char *text, size_t len,
                       cn_error *err)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    ov->items = calloc(n + 1, sizeof *ov->items);
    unsigned *lines = calloc(n + 1, sizeof *lines);
    ov->by_id = cn_strmap_new();
    if (!ov->items || !lines || !ov->by_id) {
        free(lines);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    element_lines(text, len, lines, n);
    int rc = CN_OK;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        cn_override *it = &ov->items[ov->n];
        it->entry = (unsigned)ov->n + 1;
        it->line = lines[ov->n] ? lines[ov->n] : 1;
        ov->n++;
        char where[1200];
        snprintf(where, sizeof where, "%s:%u: entry %u", ov->name, it->line, it->entry);
        rc = parse_entry(e, it, where, err);
        if (rc != CN_OK)
            break;
        rc = index_entry(ov, "entry", where, err);
        if (rc != CN_OK)
            break;
    }
    free(lines);
    return rc;
}

/* The column named `name` in the CSV header, or -1. */
static long csv_column(const cn_csv *csv, const char *name)
{
    for (size_t c = 0; c < cn_csv_fields(csv, 0); c++)
        if (!strcmp(cn_csv_field(csv, 0, c), name))
            return (long)c;
    return -1;
}

/* An optional CSV field: blank gives NULL; else a copy. */
static int csv_optional(const cn_csv *csv, size_t row, long col, char **out, cn_error *err)
{
    *out = NULL;
    if (col < 0 || cn_csv_is_blank(csv, row, (size_t)col))
        return CN_OK;
    *out = strdup(cn_csv_field(csv, row, (size_t)col));
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}

/* One CSV row with a non-blank editor_stance into it. */
static int csv_entry(const cn_csv *csv, size_t row, long id_col, long stance_col, long editor_col,
                     long note_col, cn_override *it, const char *where, cn_error *err)
{
    const char *id = cn_csv_field(csv, row, (size_t)id_col);
    if (!is_answer_id(id))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: answer_id '%.40s' is not an answer id (16 lower-case hex digits, "
                            "as answers.csv has it)",
                            where, id);
    memcpy(it->answer_id, id, CN_ID_LEN + 1);
    const char *st = cn_csv_field(csv, row, (size_t)stance_col);
    if (cn_stance_parse(st, &it->stance))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: editor_stance '%.40s' is not reassuring, cautionary, "
                            "contraindicated or none",
                            where, st);
    int rc = csv_optional(csv, row, editor_col, &it->editor, err);
    if (rc == CN_OK)
        rc = csv_optional(csv, row, note_col, &it->note, err);
    return rc;
}

/* answers.csv given back: the rows whose editor_stance is filled in. */
static int parse_csv(cn_overrides *ov, const char *text, size_t len, cn_error *err)
{
    cn_csv *csv = NULL;
    int rc = cn_csv_parse(ov->name, text, len, &csv, err);
    if (rc != CN_OK)
        return rc;
    long id_col = csv_column(csv, "answer_id"), stance_col = csv_column(csv, "editor_stance");
    long editor_col = csv_column(csv, "editor"), note_col = csv_column(csv, "note");
    ov->items = calloc(cn_csv_rows(csv) + 1, sizeof *ov->items);
    ov->by_id = cn_strmap_new();
    if (!ov->items || !ov->by_id)
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    else if (id_col < 0 || stance_col < 0)
        rc = cn_error_set(err, CN_ERR_FORMAT,
                          "%s:%ld: a CSV of overrides needs the columns answer_id and "
                          "editor_stance (as answers.csv has them)",
                          ov->name, cn_csv_line(csv, 0));
    for (size_t row = 1; rc == CN_OK && row < cn_csv_rows(csv); row++) {
        rc = cn_csv_check_width(csv, row, err);
        if (rc != CN_OK || cn_csv_is_blank(csv, row, (size_t)stance_col))
            continue;
        cn_override *it = &ov->items[ov->n];
        it->entry = (unsigned)row;
        it->line = (unsigned)cn_csv_line(csv, row);
        ov->n++;
        char where[1200];
        snprintf(where, sizeof where, "%s:%u: row %u", ov->name, it->line, it->entry);
        rc = csv_entry(csv, row, id_col, stance_col, editor_col, note_col, it, where, err);
        if (rc == CN_OK)
            rc = index_entry(ov, "row", where, err);
    }
    cn_csv_free(csv);
    return rc;
}

static bool has_csv_suffix(const char *name)
{
    size_t n = strlen(name);
    return n >= 4 && (!strcmp(name + n - 4, ".csv") || !strcmp(name + n - 4, ".CSV"));
}

int cn_overrides_parse(const char *text, size_t len, const char *name, cn_overrides **out,
                       cn_error *err)
{
    *out = NULL;
    if (!name)
        name = "overrides";
    size_t bad = 0;
    if (!cn_utf8_validate(text, len, &bad)) {
        unsigned line, col;
        place_of(text, bad, &line, &col);
        return cn_error_set(err, CN_ERR_ENCODING, "%s:%u:%u: not valid UTF-8 (byte offset %zu)",
                            name, line, col, bad);
    }
    cn_overrides *ov = calloc(1, sizeof *ov);
    if (!ov || !(ov->name = strdup(name))) {
        free(ov);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (has_csv_suffix(name)) {
        int rc = parse_csv(ov, text, len, err);
        if (rc != CN_OK) {
            cn_overrides_free(ov);
            return rc;
        }
        *out = ov;
        return CN_OK;
    }
    const char *end = NULL;
    size_t nul = cn_json_nul_escape(text, len);
    cJSON *root = nul < len ? NULL : cJSON_ParseWithLengthOpts(text, len, &end, false);
    int rc = CN_OK;
    if (nul < len) {
        unsigned line, col;
        place_of(text, nul, &line, &col);
        rc = cn_error_set(err, CN_ERR_FORMAT,
                          "%s:%u:%u: a \\u0000 escape (NUL) inside a string would cut it short",
                          name, line, col);
    } else if (!root) {
        size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
        unsigned line, col;
        place_of(text, off, &line, &col);
        rc = cn_error_set(err, CN_ERR_FORMAT, "%s:%u:%u: not valid JSON", name, line, col);
    } else if (!cJSON_IsArray(root)) {
        rc = cn_error_set(err, CN_ERR_FORMAT,
                          "%s:1: expected a JSON array of overrides [{\"answer_id\", \"stance\", "
                          "\"editor\", \"note\"}]",
                          name);
    } else {
        /* Only white space may follow the array. */
        for (const char *p = end; p && p < text + len && rc == CN_OK; p++)
            if (!cn_text_is_space((unsigned char)*p) && *p != '\0') {
                unsigned line, col;
                place_of(text, (size_t)(p - text), &line, &col);
                rc = cn_error_set(err, CN_ERR_FORMAT, "%s:%u:%u: text after the array", name, line,
                                  col);
            }
        if (rc == CN_OK)
            rc = parse_array(ov, root, text, len, err);
    }
    cJSON_Delete(root);
    if (rc != CN_OK) {
        cn_overrides_free(ov);
        return rc;
    }
    *out = ov;
    return CN_OK;
}

int cn_overrides_load(const char *path, cn_overrides **out, cn_error *err)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rc = cn_file_read(path, CN_ERR_IO, &buf, &len, err);
    if (rc == CN_OK)
        rc = cn_overrides_parse(buf, len, path, out, err);
    free(buf);
    return rc;
}
