/* cn_rundiff: the differences between two runs' report.json, as text. */
#include "cn_rundiff.h"

#include "cn_file.h"
#include "cn_hash.h"

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

/* A string member for printing: fallback when absent. */
static const char *str_or(const cJSON *o, const char *key, const char *fallback)
{
    const char *s = str(o, key);
    return s ? s : fallback;
}

static const char *sv(const cJSON *o, const char *key)
{
    return str_or(o, key, "?");
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

/* The members of a JSON array by their string member `key` (the first one
 * wins on a repeated id), so that matching two runs stays linear. */
typedef struct id_index {
    cn_strmap *map; /* id -> position in items */
    const cJSON **items;
} id_index;

static int index_new(const cJSON *arr, const char *key, id_index *ix)
{
    size_t n = (size_t)cJSON_GetArraySize(arr), i = 0;
    ix->map = cn_strmap_new();
    ix->items = calloc(n + 1, sizeof *ix->items);
    if (!ix->map || !ix->items)
        return -1;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        const char *id = str(e, key);
        if (id && cn_strmap_get(ix->map, id) < 0 && cn_strmap_put(ix->map, id, (int)i))
            return -1;
        ix->items[i++] = e;
    }
    return 0;
}

static const cJSON *index_find(const id_index *ix, const char *id)
{
    int i = id ? cn_strmap_get(ix->map, id) : -1;
    return i >= 0 ? ix->items[i] : NULL;
}

static void index_free(id_index *ix)
{
    cn_strmap_free(ix->map);
    free(ix->items);
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

static const char *physician_of(const cJSON *a)
{
    const char *name = str(at(a, "physician"), "name");
    return name ? name : "unnamed physician";
}

static void put_answer(FILE *out, const char *sign, const cJSON *a)
{
    fprintf(out, "  %s answer %s (%s, %s #%.0f): %s\n", sign, sv(a, "answer_id"), physician_of(a),
            sv(a, "file"), num(a, "index"), sv(a, "stance"));
}

/* The question's heading, once, before its first change. */
static void put_question_once(FILE *out, const cJSON *q, const char *title, bool *done)
{
    if (!*done)
        fprintf(out, "question %s \"%s\":\n", sv(q, "id"), title);
    *done = true;
}

/* Compare the counted answers of one question present in both runs. */
static int diff_answers(FILE *out, const cJSON *qo, const cJSON *qn, cn_rundiff_counts *c,
                        bool *header_done, const char *title)
{
    const cJSON *lo = at(qo, "answer_list"), *ln = at(qn, "answer_list"), *a;
    id_index old_ix = {0}, new_ix = {0};
    int rc = index_new(lo, "answer_id", &old_ix) || index_new(ln, "answer_id", &new_ix) ? -1 : 0;
    if (rc != 0)
        ln = lo = NULL; /* out of memory: compare nothing */
    cJSON_ArrayForEach(a, ln)
    {
        const cJSON *b = index_find(&old_ix, str(a, "answer_id"));
        if (!b) {
            put_question_once(out, qn, title, header_done);
            put_answer(out, "+", a);
            c->answers_new_only++;
            continue;
        }
        c->answers_both++;
        if (same_str(str(a, "stance"), str(b, "stance")))
            continue;
        c->stances_changed++;
        put_question_once(out, qn, title, header_done);
        fprintf(out, "  answer %s (%s, %s #%.0f): %s (%.2f) -> %s (%.2f)%s\n", sv(a, "answer_id"),
                physician_of(a), sv(a, "file"), num(a, "index"), sv(b, "stance"),
                num(b, "confidence"), sv(a, "stance"), num(a, "confidence"),
                cJSON_IsTrue(at(a, "editor_override")) ? ", set by an editor" : "");
    }
    cJSON_ArrayForEach(a, lo)
    {
        if (!index_find(&new_ix, str(a, "answer_id"))) {
            put_question_once(out, qn, title, header_done);
            put_answer(out, "-", a);
            c->answers_old_only++;
        }
    }
    index_free(&old_ix);
    index_free(&new_ix);
    return rc;
}

static int diff_question(FILE *out, const cJSON *qo, const cJSON *qn, cn_rundiff_counts *c)
{
    const char *title = str_or(qn, "question", "(no title)");
    bool header_done = false;
    char before[128], after[128];
    describe_consensus(qo, before, sizeof before);
    describe_consensus(qn, after, sizeof after);
    bool consensus_changed = strcmp(before, after) != 0;
    bool summary_changed = !same_str(str(qo, "summary"), str(qn, "summary"));
    if (consensus_changed || summary_changed) {
        c->questions_changed++;
        put_question_once(out, qn, title, &header_done);
        if (consensus_changed)
            fprintf(out, "  consensus: %s -> %s\n", before, after);
        if (summary_changed)
            fprintf(out, "  summary was: %s\n  summary now: %s\n", str_or(qo, "summary", "(none)"),
                    str_or(qn, "summary", "(none)"));
    }
    return diff_answers(out, qo, qn, c, &header_done, title);
}

static void diff_generator(FILE *out, const cJSON *old_r, const cJSON *new_r)
{
    const cJSON *go = at(old_r, "generator"), *gn = at(new_r, "generator");
    if (!same_str(str(go, "rules_sha256"), str(gn, "rules_sha256")))
        fprintf(out, "rules: %.12s -> %.12s (sha256)\n", sv(go, "rules_sha256"),
                sv(gn, "rules_sha256"));
    if (num(go, "seed") != num(gn, "seed"))
        fprintf(out, "seed: %.0f -> %.0f\n", num(go, "seed"), num(gn, "seed"));
}

/* Questions of both runs matched by id, in the new run's order; then those of
 * the old run only. */
static int diff_questions(FILE *out, const cJSON *qs_old, const cJSON *qs_new,
                          cn_rundiff_counts *counts)
{
    id_index old_ix = {0}, new_ix = {0};
    int rc = index_new(qs_old, "id", &old_ix) || index_new(qs_new, "id", &new_ix) ? -1 : 0;
    if (rc != 0)
        qs_new = qs_old = NULL; /* out of memory: compare nothing */
    const cJSON *q;
    cJSON_ArrayForEach(q, qs_new)
    {
        const cJSON *qo = index_find(&old_ix, str(q, "id"));
        if (!qo) {
            counts->questions_new_only++;
            fprintf(out, "+ question %s \"%s\" (only in the new run)\n", sv(q, "id"),
                    str_or(q, "question", "(no title)"));
            continue;
        }
        counts->questions_both++;
        if (diff_question(out, qo, q, counts))
            rc = -1;
    }
    cJSON_ArrayForEach(q, qs_old)
    {
        if (!index_find(&new_ix, str(q, "id"))) {
            counts->questions_old_only++;
            fprintf(out, "- question %s \"%s\" (only in the old run)\n", sv(q, "id"),
                    str_or(q, "question", "(no title)"));
        }
    }
    index_free(&old_ix);
    index_free(&new_ix);
    return rc;
}

int cn_rundiff(const char *old_dir, const char *new_dir, FILE *out, cn_rundiff_counts *counts,
               cn_error *err)
{
    memset(counts, 0, sizeof *counts);
    cJSON *old_r = NULL, *new_r = NULL;
    int rc = load_report(old_dir, &old_r, err);
    if (rc == CN_OK)
        rc = load_report(new_dir, &new_r, err);
    if (rc == CN_OK) {
        diff_generator(out, old_r, new_r);
        if (diff_questions(out, at(old_r, "questions"), at(new_r, "questions"), counts))
            rc = cn_error_set(err, CN_ERR_NOMEM, "diff: out of memory");
    }
    if (rc == CN_OK)
        fprintf(out,
                "%zu questions in both runs (%zu changed), %zu only in the old, %zu only in the "
                "new; %zu answers in both (stance changed on %zu), %zu only in the old, %zu only "
                "in the new\n",
                counts->questions_both, counts->questions_changed, counts->questions_old_only,
                counts->questions_new_only, counts->answers_both, counts->stances_changed,
                counts->answers_old_only, counts->answers_new_only);
    cJSON_Delete(old_r);
    cJSON_Delete(new_r);
    return rc;
}

int cn_rundiff_counts_differ(const cn_rundiff_counts *c)
{
    return c->questions_old_only || c->questions_new_only || c->questions_changed ||
           c->answers_old_only || c->answers_new_only || c->stances_changed;
}
