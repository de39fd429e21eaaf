/* cn_report_csv: answers.csv, one row an answer, for editors' corrections. */
#include "cn_report_csv.h"

#include "cn_report_json.h"

#include <cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A field, quoted when it must be (RFC 4180), followed by sep. */
static void put_field(FILE *f, const char *s, char sep)
{
    if (!s)
        s = "";
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) {
        fputc('"', f);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', f);
            fputc(*p, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(sep, f);
}

static const char *member_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
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

static int put_row(FILE *f, const cJSON *o)
{
    const cJSON *phys = cJSON_GetObjectItemCaseSensitive(o, "physician");
    const cJSON *ov = cJSON_GetObjectItemCaseSensitive(o, "override");
    const cJSON *index = cJSON_GetObjectItemCaseSensitive(o, "index");
    const cJSON *conf = cJSON_GetObjectItemCaseSensitive(o, "confidence");
    char num_index[32] = "", num_conf[32] = "";
    if (cJSON_IsNumber(index))
        snprintf(num_index, sizeof num_index, "%.0f", index->valuedouble);
    if (cJSON_IsNumber(conf))
        snprintf(num_conf, sizeof num_conf, "%.4f", conf->valuedouble);
    char *opening = opening_of(member_string(o, "text"));
    if (!opening)
        return -1;
    bool edited = cJSON_IsObject(ov);
    put_field(f, member_string(o, "answer_id"), ',');
    put_field(f, member_string(o, "question_id"), ',');
    put_field(f, member_string(o, "question"), ',');
    put_field(f, member_string(o, "file"), ',');
    put_field(f, num_index, ',');
    put_field(f, member_string(o, "role"), ',');
    put_field(f, member_string(phys, "name"), ',');
    put_field(f, member_string(phys, "specialty"), ',');
    put_field(f, member_string(o, "stance"), ',');
    put_field(f, num_conf, ',');
    put_field(f, member_string(o, "reason"), ',');
    put_field(f, member_string(o, "url"), ',');
    put_field(f, opening, ',');
    put_field(f, edited ? member_string(o, "stance") : NULL, ',');
    put_field(f, edited ? member_string(ov, "editor") : NULL, ',');
    put_field(f, edited ? member_string(ov, "note") : NULL, '\n');
    free(opening);
    return 0;
}

int cn_report_csv_write(const cn_analysis_result *r, FILE *f, cn_error *err)
{
    int rc = fputs(CN_REPORT_CSV_HEADER "\n", f) < 0 ? -1 : 0;
    for (size_t i = 0; i < r->n_answers && rc == 0; i++) {
        int loaded = cn_analysis_load_answer(r, i, err);
        if (loaded != CN_OK) {
            cn_analysis_release(r);
            return loaded;
        }
        cJSON *o = cn_report_answer_line_new(r, i);
        rc = o ? put_row(f, o) : -1;
        cJSON_Delete(o);
        if (rc != 0) {
            cn_analysis_release(r);
            return cn_error_set(err, CN_ERR_NOMEM, "answers.csv: out of memory");
        }
    }
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
