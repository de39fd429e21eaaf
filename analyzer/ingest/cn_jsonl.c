/* cn_jsonl: one JSON Lines record to a cn_page, field by field with checks. */
#define _POSIX_C_SOURCE 200809L
#include "cn_jsonl.h"

#include "cn_lines.h"
#include "cn_signature.h"
#include "cn_text.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cn_jsonl_detect(const char *text, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && cn_text_is_space((unsigned char)text[i]))
        i++;
    return i < len && text[i] == '{';
}

/* A trimmed copy of a JSON string field: absent and null give NULL (and so
 * does an empty string); anything else than a string is an error. */
static int opt_string(const cJSON *obj, const char *key, const char *where, char **out,
                      cn_error *err)
{
    *out = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return CN_OK;
    if (!cJSON_IsString(v) || !v->valuestring)
        return cn_error_set(err, CN_ERR_FORMAT, "%s%s: expected a string", where, key);
    size_t n, full = strlen(v->valuestring);
    size_t bad;
    if (!cn_utf8_validate(v->valuestring, full, &bad))
        return cn_error_set(err, CN_ERR_ENCODING, "%s%s: not valid UTF-8", where, key);
    const char *s = cn_span_trim(v->valuestring, full, &n);
    if (n == 0)
        return CN_OK;
    *out = malloc(n + 1);
    if (!*out)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    memcpy(*out, s, n);
    (*out)[n] = '\0';
    return CN_OK;
}

/* A number, or a string holding one ("4.9"); absent/null: *has = false. */
static int opt_number(const cJSON *obj, const char *key, const char *where, double *out, bool *has,
                      cn_error *err)
{
    *has = false;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return CN_OK;
    double x;
    if (cJSON_IsNumber(v)) {
        x = v->valuedouble;
    } else if (cJSON_IsString(v) && v->valuestring && *v->valuestring) {
        char *end;
        x = strtod(v->valuestring, &end);
        if (*end != '\0')
            return cn_error_set(err, CN_ERR_FORMAT, "%s%s: expected a number, got \"%.40s\"", where,
                                key, v->valuestring);
    } else {
        return cn_error_set(err, CN_ERR_FORMAT, "%s%s: expected a number", where, key);
    }
    if (!isfinite(x))
        return cn_error_set(err, CN_ERR_FORMAT, "%s%s: not a finite number", where, key);
    *out = x;
    *has = true;
    return CN_OK;
}

/* Cut the text at a line that starts the disclaimer. */
static void cut_disclaimer(const cn_pagecues *cues, char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && text[i - 1] != '\n')
            continue;
        if (cn_pagecues_is_disclaimer(cues, text + i, len - i)) {
            size_t n;
            const char *s = cn_span_trim(text, i, &n);
            memmove(text, s, n);
            text[n] = '\0';
            return;
        }
    }
}

/* Residue removed, disclaimer cut, ends trimmed. */
static char *clean_text(const cn_pagecues *cues, const char *s)
{
    char *t = cn_lines_strip_residue(s, strlen(s));
    if (!t)
        return NULL;
    cut_disclaimer(cues, t);
    size_t n;
    const char *a = cn_span_trim(t, strlen(t), &n);
    memmove(t, a, n);
    t[n] = '\0';
    return t;
}

static int parse_physician(const cn_pagecues *cues, const cJSON *obj, const char *where,
                           cn_physician *ph, cn_error *err)
{
    int rc;
    if ((rc = opt_string(obj, "name", where, &ph->name, err)) ||
        (rc = opt_string(obj, "city", where, &ph->city, err)) ||
        (rc = opt_string(obj, "specialty", where, &ph->specialty, err)))
        return rc;
    /* A scraper that put "City Specialty" into city: split it like a page. */
    const char *spec;
    size_t city_len;
    if (!ph->specialty && ph->city &&
        cn_taxonomy_split(cn_pagecues_taxonomy(cues), ph->city, strlen(ph->city), &city_len,
                          &spec)) {
        if (!(ph->specialty = strdup(spec)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        ph->city[city_len] = '\0';
        if (city_len == 0) {
            free(ph->city);
            ph->city = NULL;
        }
    }
    double rating, reviews;
    bool has;
    if ((rc = opt_number(obj, "rating", where, &rating, &has, err)))
        return rc;
    if (has && (rating < 0 || rating > 5))
        return cn_error_set(err, CN_ERR_FORMAT, "%srating: %g is not between 0 and 5", where,
                            rating);
    ph->has_rating = has;
    ph->rating = has ? rating : 0;
    if ((rc = opt_number(obj, "reviews", where, &reviews, &has, err)))
        return rc;
    if (has && (reviews < 0 || reviews > 1e12 || reviews != floor(reviews)))
        return cn_error_set(err, CN_ERR_FORMAT, "%sreviews: expected a whole number >= 0", where);
    ph->has_reviews = has;
    ph->reviews = has ? (long)reviews : 0;
    return CN_OK;
}

static int parse_answer(const cn_pagecues *cues, const cJSON *obj, size_t i, cn_answer *a,
                        cn_error *err)
{
    char where[64];
    snprintf(where, sizeof where, "answers[%zu].", i);
    if (!cJSON_IsObject(obj))
        return cn_error_set(err, CN_ERR_FORMAT, "answers[%zu]: expected an object", i);
    char *raw = NULL;
    int rc = opt_string(obj, "title", where, &a->title, err);
    if (rc == CN_OK)
        rc = opt_string(obj, "text", where, &raw, err);
    if (rc == CN_OK)
        rc = parse_physician(cues, obj, where, &a->physician, err);
    if (rc == CN_OK && !raw && !a->title)
        rc = cn_error_set(err, CN_ERR_FORMAT, "answers[%zu]: needs a \"text\" or a \"title\"", i);
    if (rc == CN_OK && !(a->text = clean_text(cues, raw ? raw : "")))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    free(raw);
    if (rc)
        return rc;
    if (a->title) {
        char *t = clean_text(cues, a->title);
        if (!t)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        free(a->title);
        a->title = *t ? t : NULL;
        if (!a->title)
            free(t);
    }
    if (a->physician.name) {
        if (!(a->match_text = strdup(a->text)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        size_t core = cn_signature_name_core(cues, a->physician.name, strlen(a->physician.name));
        if (!cn_signature_strip_signoff(cues, a->text, a->physician.name, core)) {
            free(a->match_text);
            a->match_text = NULL;
        }
    }
    return CN_OK;
}

static int parse_page(const cn_pagecues *cues, const cJSON *root, size_t first_index, cn_page *page,
                      cn_error *err)
{
    if (!cJSON_IsObject(root))
        return cn_error_set(err, CN_ERR_FORMAT, "expected a JSON object (one page a line)");
    int rc;
    if ((rc = opt_string(root, "url", "", &page->url, err)) ||
        (rc = opt_string(root, "question", "", &page->question, err)) ||
        (rc = opt_string(root, "body", "", &page->body, err)))
        return rc;
    const cJSON *answers = cJSON_GetObjectItemCaseSensitive(root, "answers");
    if (!cJSON_IsArray(answers))
        return cn_error_set(err, CN_ERR_FORMAT, "\"answers\" must be an array");
    size_t n = (size_t)cJSON_GetArraySize(answers);
    if (n == 0)
        return CN_OK;
    page->answers = calloc(n, sizeof *page->answers);
    if (!page->answers)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, answers)
    {
        cn_answer *a = &page->answers[i];
        page->n_answers = i + 1;
        a->index = first_index + i;
        if ((rc = parse_answer(cues, item, i, a, err)))
            return rc;
        i++;
    }
    return CN_OK;
}

int cn_jsonl_parse_line(const cn_pagecues *cues, const char *line, size_t len, size_t first_index,
                        cn_page *page, cn_error *err)
{
    page->format = CN_FORMAT_JSONL;
    page->declared_answers = -1;
    size_t nul = cn_json_nul_escape(line, len);
    if (nul < len)
        return cn_error_set(err, CN_ERR_FORMAT,
                            "a \\u0000 escape (NUL) inside a string at byte %zu of the line: "
                            "it would cut the text short",
                            nul);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!root) {
        size_t at = end && end >= line && end <= line + len ? (size_t)(end - line) : 0;
        return cn_error_set(err, CN_ERR_FORMAT, "not valid JSON (at byte %zu of the line)", at);
    }
    size_t pos = end ? (size_t)(end - line) : len;
    while (pos < len && cn_text_is_space((unsigned char)line[pos]))
        pos++;
    int rc = pos < len ? cn_error_set(err, CN_ERR_FORMAT,
                                      "text after the JSON object (at byte %zu of the line)", pos)
                       : parse_page(cues, root, first_index, page, err);
    cJSON_Delete(root);
    return rc;
}
