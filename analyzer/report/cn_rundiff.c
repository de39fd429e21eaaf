/* cn_rundiff: the differences between two runs' report.json, as text. */
#include "cn_rundiff.h"

#include "cn_file.h"

#include <cJSON.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const cJSON *at(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = at(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A string member for printing: "?" when absent. */
static const char *sv(const cJSON *o, const char *key)
{
    const char *s = str(o, key);
    return s ? s : "?";
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *v = at(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int load_report(const char *dir, cJSON **out, cn_error *err)
{
    *out = NULL;
    size_t n = strlen(dir) + sizeof "/report.json";
    char *path = malloc(n);
    if (!path)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(path, n, "%s/report.json", dir);
    char *text = NULL;
    size_t len = 0;
    int rc = cn_file_read(path, CN_ERR_IO, &text, &len, err);
    if (rc == CN_OK) {
        *out = cJSON_ParseWithLength(text, len);
        if (!*out || !cJSON_IsArray(at(*out, "questions")) ||
            !cJSON_IsObject(at(*out, "generator")))
            rc = cn_error_set(err, CN_ERR_FORMAT,
                              "%s: not a report.json written by `consensus analyze`", path);
    }
    if (rc != CN_OK) {
        cJSON_Delete(*out);
        *out = NULL;
    }
    free(text);
    free(path);
    return rc;
}

static const cJSON *find_by(const cJSON *arr, const char *key, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        if (same_str(str(e, key), id))
            return e;
    }
    return NULL;
}

/* "moderate reassuring (80%)", or "no majority" for a tie or no stance. */
static void describe_consensus(const cJSON *q, char *buf, size_t n)
{
    const cJSON *c = at(q, "consensus");
    const char *majority = str(c, "majority"), *level = str(c, "level");
    double share = num(c, "share");
    if (!majority || cJSON_IsTrue(at(c, "tie")))
        snprintf(buf, n, "%s, no majority", level ? level : "no level");
    else
        snprintf(buf, n, "%s %s (%.0f%%)", level ? level : "no level", majority,
                 isnan(share) ? 0.0 : 100.0 * share);
}

static void put_answer(FILE *out, const char *sign, const cJSON *a)
{
    const cJSON *phys = at(a, "physician");
    const char *name = str(phys, "name");
    fprintf(out, "  %s answer %s (%s, %s #%.0f): %s\n", sign, sv(a, "answer_id"),
            name ? name : "unnamed physician", str(a, "file") ? str(a, "file") : "?",
            num(a, "index"), sv(a, "stance") ? sv(a, "stance") : "?");
}

/* Compare the counted answers of one question present in both runs. */
static void diff_answers(FILE *out, const cJSON *qo, const cJSON *qn, cn_rundiff_counts *c,
                         bool *header_done, const char *title)
{
    const cJSON *lo = at(qo, "answer_list"), *ln = at(qn, "answer_list"), *a;
#define HEADER()                                                                                   \
    do {                                                                                           \
        if (!*header_done)                                                                         \
            fprintf(out, "question %s \"%s\":\n", sv(qn, "id"), title), *header_done = true;       \
    } while (0)
    cJSON_ArrayForEach(a, ln)
    {
        const cJSON *b = find_by(lo, "answer_id", str(a, "answer_id"));
        if (!b) {
            HEADER();
            put_answer(out, "+", a);
            c->answers_new_only++;
            continue;
        }
        c->answers_both++;
        if (same_str(str(a, "stance"), str(b, "stance")))
            continue;
        c->stances_changed++;
        HEADER();
        const cJSON *phys = at(a, "physician");
        fprintf(out, "  answer %s (%s, %s #%.0f): %s (%.2f) -> %s (%.2f)%s\n", sv(a, "answer_id"),
                str(phys, "name") ? str(phys, "name") : "unnamed physician",
                str(a, "file") ? str(a, "file") : "?", num(a, "index"), sv(b, "stance"),
                num(b, "confidence"), sv(a, "stance"), num(a, "confidence"),
                cJSON_IsTrue(at(a, "editor_override")) ? ", set by an editor" : "");
    }
    cJSON_ArrayForEach(a, lo)
    {
        if (!find_by(ln, "answer_id", str(a, "answer_id"))) {
            HEADER();
            put_answer(out, "-", a);
            c->answers_old_only++;
        }
    }
#undef HEADER
}

static void diff_question(FILE *out, const cJSON *qo, const cJSON *qn, cn_rundiff_counts *c)
{
    const char *title = str(qn, "question") ? str(qn, "question") : "(no title)";
    bool header_done = false;
    char before[128], after[128];
    describe_consensus(qo, before, sizeof before);
    describe_consensus(qn, after, sizeof after);
    bool consensus_changed = strcmp(before, after) != 0;
    bool summary_changed = !same_str(str(qo, "summary"), str(qn, "summary"));
    if (consensus_changed || summary_changed) {
        c->questions_changed++;
        fprintf(out, "question %s \"%s\":\n", sv(qn, "id"), title);
        header_done = true;
        if (consensus_changed)
            fprintf(out, "  consensus: %s -> %s\n", before, after);
        if (summary_changed)
            fprintf(out, "  summary was: %s\n  summary now: %s\n",
                    str(qo, "summary") ? str(qo, "summary") : "(none)",
                    str(qn, "summary") ? str(qn, "summary") : "(none)");
    }
    diff_answers(out, qo, qn, c, &header_done, title);
}

static void diff_generator(FILE *out, const cJSON *old_r, const cJSON *new_r)
{
    const cJSON *go = at(old_r, "generator"), *gn = at(new_r, "generator");
    if (!same_str(str(go, "rules_sha256"), str(gn, "rules_sha256")))
        fprintf(out, "rules: %.12s -> %.12s (sha256)\n",
                str(go, "rules_sha256") ? str(go, "rules_sha256") : "?",
                str(gn, "rules_sha256") ? str(gn, "rules_sha256") : "?");
    if (num(go, "seed") != num(gn, "seed"))
        fprintf(out, "seed: %.0f -> %.0f\n", num(go, "seed"), num(gn, "seed"));
}

int cn_rundiff(const char *old_dir, const char *new_dir, FILE *out, cn_rundiff_counts *counts,
               cn_error *err)
{
    memset(counts, 0, sizeof *counts);
    cJSON *old_r = NULL, *new_r = NULL;
    int rc = load_report(old_dir, &old_r, err);
    if (rc == CN_OK)
        rc = load_report(new_dir, &new_r, err);
    if (rc != CN_OK) {
        cJSON_Delete(old_r);
        return rc;
    }
    diff_generator(out, old_r, new_r);
    const cJSON *qs_old = at(old_r, "questions"), *qs_new = at(new_r, "questions"), *q;
    cJSON_ArrayForEach(q, qs_new)
    {
        const cJSON *qo = find_by(qs_old, "id", str(q, "id"));
        if (!qo) {
            counts->questions_new_only++;
            fprintf(out, "+ question %s \"%s\" (only in the new run)\n", sv(q, "id"),
                    str(q, "question") ? str(q, "question") : "(no title)");
            continue;
        }
        counts->questions_both++;
        diff_question(out, qo, q, counts);
    }
    cJSON_ArrayForEach(q, qs_old)
    {
        if (!find_by(qs_new, "id", str(q, "id"))) {
            counts->questions_old_only++;
            fprintf(out, "- question %s \"%s\" (only in the old run)\n", sv(q, "id"),
                    str(q, "question") ? str(q, "question") : "(no title)");
        }
    }
    fprintf(out,
            "%zu questions in both runs (%zu changed), %zu only in the old, %zu only in the new; "
            "%zu answers in both (stance changed on %zu), %zu only in the old, %zu only in the "
            "new\n",
            counts->questions_both, counts->questions_changed, counts->questions_old_only,
            counts->questions_new_only, counts->answers_both, counts->stances_changed,
            counts->answers_old_only, counts->answers_new_only);
    cJSON_Delete(old_r);
    cJSON_Delete(new_r);
    return CN_OK;
}

int cn_rundiff_counts_differ(const cn_rundiff_counts *c)
{
    return c->questions_old_only || c->questions_new_only || c->questions_changed ||
           c->answers_old_only || c->answers_new_only || c->stances_changed;
}
