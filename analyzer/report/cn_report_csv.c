/* cn_report_csv: answers.csv, one row an answer, for editors' corrections. */
#include "cn_report_csv.h"

#include "cn_overrides.h"
#include "cn_report_fmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row's bytes, gathered to go out in one write (a stdio call a byte of
 * a quoted field, and one a field, cost more than the bytes). */
typedef struct row {
    char *s;
    size_t len, cap;
    bool oom;
} row;

/* Room for n more bytes; NULL once memory ran out. */
static char *row_room(row *w, size_t n)
{
    if (w->oom)
        return NULL;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 1024;
        while (cap < w->len + n)
            cap *= 2;
        char *p = realloc(w->s, cap);
        if (!p) {
            w->oom = true;
            return NULL;
        }
        w->s = p;
        w->cap = cap;
    }
    return w->s + w->len;
}

/* A field, quoted when it must be (RFC 4180), followed by sep. */
static void put_field(row *w, const char *s, char sep)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    char *o = row_room(w, quote ? 2 * n + 3 : n + 1);
    if (!o)
        return;
    char *start = o;
    if (quote) {
        *o++ = '"';
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                *o++ = '"';
            *o++ = s[i];
        }
        *o++ = '"';
    } else {
        memcpy(o, s, n);
        o += n;
    }
    *o++ = sep;
    w->len += (size_t)(o - start);
}

/* The answer's first sentence, at most CN_REPORT_CSV_OPENING_MAX bytes, line
 * breaks made spaces: enough for an editor to recognise the answer. */
static char *opening_of(const char *text)
{
    if (!text)
        return strdup("");
    size_t n = 0;
    while (text[n] && n < CN_REPORT_CSV_OPENING_MAX) {
        char c = text[n];
        n++;
        if ((c == '.' || c == '?' || c == '!') && (text[n] == ' ' || text[n] == '\n'))
            break;
        if (c == '\n' && text[n] == '\n')
            break;
    }
    bool cut = text[n] && n == CN_REPORT_CSV_OPENING_MAX;
    while (cut && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--; /* not inside a UTF-8 sequence */
    char *s = malloc(n + 4);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++)
        s[i] = text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (cut)
        memcpy(s + n, "...", 3), n += 3;
    s[n] = '\0';
    return s;
}

/* The confidence as the `classify` line carries it (cn_annotate rounds it to
 * four decimals, a non-number to 0). */
static double round4(double x)
{
    return isfinite(x) ? round(x * 10000.0) / 10000.0 : 0.0;
}

/* Answer i's row, from the fields its answers.jsonl line is made of (the
 * classify line, the question the analysis grouped it in, its role and an
 * editor's override), without making the line. -1 when its page is not
 * loaded or memory runs out. */
static int put_row(FILE *f, row *w, const cn_analysis_result *r, size_t i)
{
    const cn_analysis_answer *a = &r->answers[i];
    const cn_page *page = cn_analysis_page_of(r, i);
    const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
    if (!page || !pa || cn_analysis_answer_in_page(r, a) >= page->n_answers ||
        cn_analysis_answer_in_page(r, a) >= pa->n_answers ||
        pa->answers[cn_analysis_answer_in_page(r, a)].n_claims == 0)
        return -1;
    const cn_answer *ans = &page->answers[cn_analysis_answer_in_page(r, a)];
    const cn_decision *d = &pa->answers[cn_analysis_answer_in_page(r, a)].claims[0].decision;
    const cn_override *ov = a->overridden ? cn_analysis_override(r, i) : NULL;
    char num_index[32], num_conf[32];
    if ((double)ans->index < 9007199254740992.0) /* 2^53: "%.0f" prints the digits */
        cn_fmt_long((long)ans->index, num_index);
    else
        snprintf(num_index, sizeof num_index, "%.0f", (double)ans->index);
    cn_fmt_fixed4(ov ? 1.0 : round4(d->confidence), num_conf);
    const char *stance = cn_stance_name(ov ? ov->stance : d->stance);
    char *opening = opening_of(ans->text ? ans->text : "");
    if (!opening)
        return -1;
    w->len = 0;
    put_field(w, ans->answer_id, ',');
    put_field(w, r->questions[cn_analysis_answer_question(r, a)].id, ',');
    put_field(w, page->question, ',');
    put_field(w, page->file, ',');
    put_field(w, num_index, ',');
    put_field(w, cn_answer_role_name(a->role), ',');
    put_field(w, ans->physician.name, ',');
    put_field(w, ans->physician.specialty, ',');
    put_field(w, stance, ',');
    put_field(w, num_conf, ',');
    put_field(w, d->reason ? d->reason : "", ',');
    put_field(w, page->url, ',');
    put_field(w, opening, ',');
    put_field(w, ov ? stance : NULL, ',');
    put_field(w, ov ? ov->editor : NULL, ',');
    put_field(w, ov ? ov->note : NULL, '\n');
    free(opening);
    if (w->oom)
        return -1;
    fwrite(w->s, 1, w->len, f);
    return 0;
}

int cn_report_csv_write(const cn_analysis_result *r, FILE *f, cn_error *err)
{
    int rc = fputs(CN_REPORT_CSV_HEADER "\n", f) < 0 ? -1 : 0;
    row w = {0};
    for (size_t i = 0; i < r->n_answers && rc == 0; i++) {
        int loaded = cn_analysis_load_answer(r, i, err);
        if (loaded != CN_OK) {
            free(w.s);
            cn_analysis_release(r);
            return loaded;
        }
        if (put_row(f, &w, r, i) != 0) {
            free(w.s);
            cn_analysis_release(r);
            return cn_error_set(err, CN_ERR_NOMEM, "answers.csv: out of memory");
        }
    }
    free(w.s);
    cn_analysis_release(r);
    if (rc != 0 || ferror(f))
        return cn_error_set(err, CN_ERR_IO, "answers.csv: cannot write");
    return CN_OK;
}

int cn_report_csv_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err)
{
    char *buf = NULL;
    size_t size = 0;
    *out = NULL;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return cn_error_set(err, CN_ERR_NOMEM, "answers.csv: out of memory");
    int rc = cn_report_csv_write(r, f, err);
    if (fclose(f) != 0 && rc == CN_OK)
        rc = cn_error_set(err, CN_ERR_NOMEM, "answers.csv: out of memory");
    if (rc != CN_OK) {
        free(buf);
        return rc == CN_ERR_IO ? cn_error_set(err, CN_ERR_NOMEM, "answers.csv: out of memory") : rc;
    }
    *out = buf;
    if (len)
        *len = size;
    return CN_OK;
}
