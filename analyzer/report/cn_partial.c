/* cn_partial: a shard's partial file (JSON Lines), written and read back with every field checked.
 */
#include "cn_partial.h"

#include "cn_config.h"
#include "cn_hash.h"
#include "cn_jsonbuf.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include "cn_grow.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ================================ writing ================================ */

struct cn_partial_writer {
    FILE *f;
    char *path, *tmp;
    cn_jsonbuf b;
    size_t pages, skipped;
    bool committed;
};

/* A double as a JSON number that reads back to the very same value: the
 * shortest of 15, 16 and 17 significant digits that does (cJSON's own form
 * may drop the last bit, which could move a weight across a threshold); the
 * rare non-finite value (JSON has none) as a string. */
static void put_double(cn_jsonbuf *b, double d)
{
    if (!isfinite(d)) {
        cn_jsonbuf_string(b, isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
        return;
    }
    char num[40];
    int n = 0;
    for (int digits = 15; digits <= 17; digits++) {
        n = snprintf(num, sizeof num, "%.*g", digits, d);
        if (strtod(num, NULL) == d)
            break;
    }
    if (b->need_comma) /* a value of its own, placed as cn_jsonbuf places values */
        cn_jsonbuf_raw(b, ",", 1);
    cn_jsonbuf_raw(b, num, (size_t)n);
    b->need_comma = true;
}

static void put_key_string(cn_jsonbuf *b, const char *key, const char *s)
{
    cn_jsonbuf_key(b, key);
    cn_jsonbuf_string(b, s); /* null when NULL */
}

static void put_key_number(cn_jsonbuf *b, const char *key, double d)
{
    cn_jsonbuf_key(b, key);
    put_double(b, d);
}

static void put_key_bool(cn_jsonbuf *b, const char *key, bool v)
{
    cn_jsonbuf_key(b, key);
    cn_jsonbuf_bool(b, v);
}

static void put_answer(cn_jsonbuf *b, const cn_answer *a)
{
    cn_jsonbuf_open_object(b);
    put_key_number(b, "index", (double)a->index);
    put_key_string(b, "title", a->title);
    put_key_string(b, "text", a->text);
    put_key_string(b, "match_text", a->match_text);
    put_key_string(b, "name", a->physician.name);
    put_key_string(b, "city", a->physician.city);
    put_key_string(b, "specialty", a->physician.specialty);
    cn_jsonbuf_key(b, "rating");
    if (a->physician.has_rating)
        put_double(b, a->physician.rating);
    else
        cn_jsonbuf_null(b);
    cn_jsonbuf_key(b, "reviews");
    if (a->physician.has_reviews)
        put_double(b, (double)a->physician.reviews);
    else
        cn_jsonbuf_null(b);
    put_key_bool(b, "excerpt", a->excerpt);
    put_key_bool(b, "related", a->related);
    put_key_bool(b, "truncated", a->truncated);
    cn_jsonbuf_close_object(b);
}

static void put_page(cn_jsonbuf *b, const cn_page *p)
{
    cn_jsonbuf_open_object(b);
    put_key_string(b, "path", p->path);
    put_key_string(b, "file", p->file);
    put_key_number(b, "line", (double)p->line);
    put_key_string(b, "format", cn_page_format_name(p->format));
    put_key_string(b, "url", p->url);
    put_key_string(b, "question", p->question);
    put_key_string(b, "body", p->body);
    put_key_number(b, "declared_answers", (double)p->declared_answers);
    cn_jsonbuf_key(b, "answers");
    cn_jsonbuf_open_array(b);
    for (size_t i = 0; i < p->n_answers; i++)
        put_answer(b, &p->answers[i]);
    cn_jsonbuf_close_array(b);
    cn_jsonbuf_close_object(b);
}

/* Evidence as compact arrays: [kind, rule, in_title, start, end, stance, weight, flags]. */
static void put_evidence(cn_jsonbuf *b, const cn_evidence *e)
{
    cn_jsonbuf_open_array(b);
    cn_jsonbuf_string(b, cn_rule_kind_name(e->rule->kind));
    cn_jsonbuf_string(b, e->rule->id);
    cn_jsonbuf_bool(b, e->in_title);
    put_double(b, (double)e->start);
    put_double(b, (double)e->end);
    cn_jsonbuf_string(b, cn_stance_name(e->stance));
    put_double(b, e->weight);
    put_double(b, (double)e->flags);
    cn_jsonbuf_close_array(b);
}

static void put_decision(cn_jsonbuf *b, const cn_decision *d)
{
    cn_jsonbuf_open_object(b);
    put_key_string(b, "stance", cn_stance_name(d->stance));
    put_key_number(b, "confidence", d->confidence);
    cn_jsonbuf_key(b, "scores");
    cn_jsonbuf_open_array(b);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        put_double(b, d->scores[k]);
    cn_jsonbuf_close_array(b);
    put_key_bool(b, "conflicting", d->conflicting);
    put_key_string(b, "reason", d->reason);
    put_key_string(b, "feature", d->deciding_feature);
    put_key_number(b, "work", (double)d->work);
    cn_jsonbuf_key(b, "evidence");
    cn_jsonbuf_open_array(b);
    for (size_t i = 0; i < d->n_evidence; i++)
        put_evidence(b, &d->evidence[i]);
    cn_jsonbuf_close_array(b);
    cn_jsonbuf_close_object(b);
}

static void put_annotation(cn_jsonbuf *b, const cn_page_annotation *pa)
{
    cn_jsonbuf_open_object(b);
    cn_jsonbuf_key(b, "question");
    cn_jsonbuf_open_object(b);
    put_key_string(b, "claim", pa->primary->id);
    put_key_string(b, "statement", pa->primary->statement);
    put_key_string(b, "source", pa->primary->source);
    put_key_bool(b, "catalog", pa->primary->rule != NULL);
    put_key_string(b, "type", pa->question_type);
    cn_jsonbuf_key(b, "flags");
    cn_jsonbuf_open_array(b);
    for (size_t f = 0; f < pa->n_question_flags; f++)
        cn_jsonbuf_string(b, pa->question_flags[f]);
    cn_jsonbuf_close_array(b);
    cn_jsonbuf_close_object(b);
    /* the page's own (cn_wait), outside the pooled question: a page judged
     * against this one in another shard takes it, as in one run */
    put_key_number(b, "asker_days", pa->asker_days);
    cn_jsonbuf_key(b, "answers");
    cn_jsonbuf_open_array(b);
    for (size_t i = 0; i < pa->n_answers; i++) {
        const cn_answer_annotation *aa = &pa->answers[i];
        cn_jsonbuf_open_object(b);
        put_key_bool(b, "names_primary", aa->names_primary);
        cn_jsonbuf_key(b, "claims");
        cn_jsonbuf_open_array(b);
        /* claims[0] is the primary claim (the question's); the others are
         * catalog claims, named by their rule id */
        for (size_t c = 0; c < aa->n_claims; c++) {
            cn_jsonbuf_open_object(b);
            if (c > 0)
                put_key_string(b, "claim", aa->claims[c].claim_id);
            cn_jsonbuf_key(b, "decision");
            put_decision(b, &aa->claims[c].decision);
            cn_jsonbuf_close_object(b);
        }
        cn_jsonbuf_close_array(b);
        cn_jsonbuf_close_object(b);
    }
    cn_jsonbuf_close_array(b);
    cn_jsonbuf_close_object(b);
}

/* Write the buffer's line and empty it. */
static int flush_line(cn_partial_writer *w, cn_error *err)
{
    cn_jsonbuf_raw(&w->b, "\n", 1);
    if (w->b.failed)
        return cn_error_set(err, CN_ERR_NOMEM, "partial: out of memory");
    if (fwrite(w->b.s, 1, w->b.len, w->f) != w->b.len)
        return cn_error_set(err, CN_ERR_IO, "%s: %s", w->path, strerror(errno));
    cn_jsonbuf_reset(&w->b);
    cn_jsonbuf_reset_level(&w->b);
    return CN_OK;
}

int cn_partial_writer_new(const char *path, const cn_partial_header *h, cn_partial_writer **out,
                          cn_error *err)
{
    *out = NULL;
    cn_partial_writer *w = calloc(1, sizeof *w);
    size_t n = strlen(path);
    if (w) {
        w->path = strdup(path);
        w->tmp = malloc(n + 32);
    }
    if (!w || !w->path || !w->tmp) {
        cn_partial_writer_free(w);
        return cn_error_set(err, CN_ERR_NOMEM, "partial: out of memory");
    }
    /* created like any output file (0666 less the umask), by this process only */
    snprintf(w->tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(w->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0 || !(w->f = fdopen(fd, "wb"))) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(w->tmp);
        }
        free(w->tmp);
        w->tmp = NULL;
        cn_partial_writer_free(w);
        return cn_error_set(err, CN_ERR_IO, "%s: cannot write: %s", path, strerror(e));
    }
    cn_jsonbuf_open_object(&w->b);
    put_key_string(&w->b, "format", CN_PARTIAL_FORMAT);
    put_key_number(&w->b, "version", CN_PARTIAL_VERSION);
    put_key_string(&w->b, "consensus", h->version);
    put_key_string(&w->b, "rules_sha256", h->rules_sha256);
    put_key_number(&w->b, "seed", (double)h->seed);
    cn_jsonbuf_close_object(&w->b);
    int rc = flush_line(w, err);
    if (rc) {
        cn_partial_writer_free(w);
        return rc;
    }
    *out = w;
    return CN_OK;
}

/* A page record (without its newline) into b. */
static int put_page_record(cn_jsonbuf *b, const cn_page *page, bool chose,
                           const cn_page_annotation *pa, cn_error *err)
{
    if (!pa || pa->n_answers != page->n_answers)
        return cn_error_set(err, CN_ERR_USAGE, "partial: a page without its annotation");
    cn_jsonbuf_open_object(b);
    cn_jsonbuf_key(b, "page");
    put_page(b, page);
    put_key_bool(b, "chose", chose);
    cn_jsonbuf_key(b, "annotation");
    put_annotation(b, pa);
    cn_jsonbuf_close_object(b);
    return CN_OK;
}

int cn_partial_write_page(cn_partial_writer *w, const cn_page *page, bool chose,
                          const cn_page_annotation *pa, cn_error *err)
{
    int rc = put_page_record(&w->b, page, chose, pa, err);
    if (rc != CN_OK)
        return rc;
    w->pages++;
    return flush_line(w, err);
}

int cn_partial_page_line(cn_jsonbuf *b, const cn_page *page, bool chose,
                         const cn_page_annotation *pa, cn_error *err)
{
    cn_jsonbuf_reset(b);
    cn_jsonbuf_reset_level(b);
    int rc = put_page_record(b, page, chose, pa, err);
    if (rc == CN_OK)
        cn_jsonbuf_raw(b, "\n", 1);
    if (rc == CN_OK && b->failed)
        rc = cn_error_set(err, CN_ERR_NOMEM, "partial: out of memory");
    return rc;
}

int cn_partial_write_skipped(cn_partial_writer *w, const char *where, const char *reason,
                             cn_error *err)
{
    cn_jsonbuf_open_object(&w->b);
    cn_jsonbuf_key(&w->b, "skipped");
    cn_jsonbuf_open_object(&w->b);
    put_key_string(&w->b, "where", where ? where : "");
    put_key_string(&w->b, "reason", reason ? reason : "");
    cn_jsonbuf_close_object(&w->b);
    cn_jsonbuf_close_object(&w->b);
    w->skipped++;
    return flush_line(w, err);
}

int cn_partial_writer_commit(cn_partial_writer *w, cn_error *err)
{
    cn_jsonbuf_open_object(&w->b);
    cn_jsonbuf_key(&w->b, "end");
    cn_jsonbuf_open_object(&w->b);
    put_key_number(&w->b, "pages", (double)w->pages);
    put_key_number(&w->b, "skipped", (double)w->skipped);
    cn_jsonbuf_close_object(&w->b);
    cn_jsonbuf_close_object(&w->b);
    int rc = flush_line(w, err);
    if (rc)
        return rc;
    FILE *f = w->f;
    w->f = NULL;
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        int e = errno;
        fclose(f);
        return cn_error_set(err, CN_ERR_IO, "%s: %s", w->path, strerror(e));
    }
    if (fclose(f) != 0 || rename(w->tmp, w->path) != 0)
        return cn_error_set(err, CN_ERR_IO, "%s: %s", w->path, strerror(errno));
    w->committed = true;
    return CN_OK;
}

void cn_partial_writer_free(cn_partial_writer *w)
{
    if (!w)
        return;
    if (w->f)
        fclose(w->f);
    if (w->tmp && !w->committed)
        unlink(w->tmp);
    cn_jsonbuf_clear(&w->b);
    free(w->tmp);
    free(w->path);
    free(w);
}

/* ================================ the pool =============================== */

/* A question as a page was judged against: what cn_page_annotation borrows. */
typedef struct pool_question {
    cn_claim_choice choice; /* id, statement owned; rule from the rules */
    const char *type;       /* interned, or NULL */
    const char **flags;     /* interned strings; the array is owned */
    size_t n_flags;
} pool_question;

struct cn_partial_pool {
    const cn_rules *rules;
    cn_strmap *strings; /* text -> index into strs */
    char **strs;
    size_t n_strs, cap_strs;
    cn_strmap *questions; /* key of a question -> index into qs */
    pool_question **qs;
    size_t n_qs, cap_qs;
};

cn_partial_pool *cn_partial_pool_new(const cn_rules *rules)
{
    cn_partial_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->rules = rules;
    p->strings = cn_strmap_new();
    p->questions = cn_strmap_new();
    if (!p->strings || !p->questions) {
        cn_partial_pool_free(p);
        return NULL;
    }
    return p;
}

void cn_partial_pool_free(cn_partial_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_strs; i++)
        free(p->strs[i]);
    free(p->strs);
    for (size_t i = 0; i < p->n_qs; i++) {
        cn_claim_choice_clear(&p->qs[i]->choice);
        free(p->qs[i]->flags);
        free(p->qs[i]);
    }
    free(p->qs);
    cn_strmap_free(p->strings);
    cn_strmap_free(p->questions);
    free(p);
}

/* The pool's copy of s (NULL for NULL), or NULL with *oom set. */
static const char *intern(cn_partial_pool *p, const char *s, bool *oom)
{
    if (!s)
        return NULL;
    int k = cn_strmap_get(p->strings, s);
    if (k >= 0)
        return p->strs[k];
    char *copy = strdup(s);
    if (!copy || !cn_grow((void **)&p->strs, &p->cap_strs, p->n_strs + 1, sizeof *p->strs) ||
        cn_strmap_put(p->strings, s, (int)p->n_strs)) {
        free(copy);
        *oom = true;
        return NULL;
    }
    p->strs[p->n_strs] = copy;
    return p->strs[p->n_strs++];
}

/* ================================ reading ================================ */

struct cn_partial_reader {
    FILE *f;
    char *path;
    cn_partial_pool *pool;
    cn_partial_header header;
    char *line;
    size_t line_cap;
    size_t line_no;
    size_t pages, skipped;
    bool ended;
};

/* Where a value is, for messages: "page.answers[3].text". */
typedef struct where {
    const struct where *up;
    const char *key; /* NULL: an array element */
    size_t index;
} where;

typedef struct rd {
    cn_partial_reader *r;
    cn_error *err;
} rd;

static void where_text(const where *w, char *buf, size_t n)
{
    if (!w) {
        buf[0] = '\0';
        return;
    }
    where_text(w->up, buf, n);
    size_t used = strlen(buf);
    if (w->key)
        snprintf(buf + used, n - used, "%s%s", used ? "." : "", w->key);
    else
        snprintf(buf + used, n - used, "[%zu]", w->index);
}

static int bad(const rd *c, const where *w, const char *what)
{
    char path[256];
    where_text(w, path, sizeof path);
    return cn_error_set(c->err, CN_ERR_FORMAT, "%s:%zu: %s%s%s", c->r->path, c->r->line_no, path,
                        path[0] ? ": " : "", what);
}

static int oom(const rd *c)
{
    return cn_error_set(c->err, CN_ERR_NOMEM, "%s:%zu: out of memory", c->r->path, c->r->line_no);
}

/* obj[key], which must be there. */
static int member(const rd *c, const where *w, const cJSON *obj, const char *key, cJSON **out)
{
    *out = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (*out)
        return CN_OK;
    char what[128];
    snprintf(what, sizeof what, "'%s' is missing", key);
    return bad(c, w, what);
}

/* A string (copied) or, with nullable, null (NULL). */
static int get_string(const rd *c, const where *up, const cJSON *obj, const char *key,
                      bool nullable, char **out)
{
    where w = {up, key, 0};
    cJSON *v;
    int rc = member(c, up, obj, key, &v);
    *out = NULL;
    if (rc)
        return rc;
    if (nullable && cJSON_IsNull(v))
        return CN_OK;
    if (!cJSON_IsString(v))
        return bad(c, &w, nullable ? "expected a string or null" : "expected a string");
    if (!(*out = strdup(v->valuestring)))
        return oom(c);
    return CN_OK;
}

static int get_bool(const rd *c, const where *up, const cJSON *obj, const char *key, bool *out)
{
    where w = {up, key, 0};
    cJSON *v;
    int rc = member(c, up, obj, key, &v);
    if (rc)
        return rc;
    if (!cJSON_IsBool(v))
        return bad(c, &w, "expected true or false");
    *out = cJSON_IsTrue(v);
    return CN_OK;
}

/* A double written by put_double. */
static int double_of(const rd *c, const where *w, const cJSON *v, double *out)
{
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return CN_OK;
    }
    if (cJSON_IsString(v)) {
        if (!strcmp(v->valuestring, "nan"))
            *out = NAN;
        else if (!strcmp(v->valuestring, "inf"))
            *out = INFINITY;
        else if (!strcmp(v->valuestring, "-inf"))
            *out = -INFINITY;
        else
            return bad(c, w, "expected a number");
        return CN_OK;
    }
    return bad(c, w, "expected a number");
}

static int get_double(const rd *c, const where *up, const cJSON *obj, const char *key, double *out)
{
    where w = {up, key, 0};
    cJSON *v;
    int rc = member(c, up, obj, key, &v);
    return rc ? rc : double_of(c, &w, v, out);
}

/* A whole number in [lo, hi]. */
static int whole_of(const rd *c, const where *w, const cJSON *v, double lo, double hi, double *out)
{
    if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) || v->valuedouble < lo ||
        v->valuedouble > hi)
        return bad(c, w, "expected a whole number in range");
    *out = v->valuedouble;
    return CN_OK;
}

/* 2^53: the largest whole number every double below holds exactly. */
#define WHOLE_MAX 9007199254740992.0

static int get_size(const rd *c, const where *up, const cJSON *obj, const char *key, size_t *out)
{
    where w = {up, key, 0};
    cJSON *v;
    double d = 0;
    int rc = member(c, up, obj, key, &v);
    if (rc == CN_OK)
        rc = whole_of(c, &w, v, 0, WHOLE_MAX, &d);
    *out = (size_t)d;
    return rc;
}

static int get_array(const rd *c, const where *up, const cJSON *obj, const char *key, cJSON **out)
{
    where w = {up, key, 0};
    int rc = member(c, up, obj, key, out);
    if (rc == CN_OK && !cJSON_IsArray(*out))
        return bad(c, &w, "expected an array");
    return rc;
}

static int get_object(const rd *c, const where *up, const cJSON *obj, const char *key, cJSON **out)
{
    where w = {up, key, 0};
    int rc = member(c, up, obj, key, out);
    if (rc == CN_OK && !cJSON_IsObject(*out))
        return bad(c, &w, "expected an object");
    return rc;
}

static int stance_of(const rd *c, const where *w, const cJSON *v, cn_stance *out)
{
    if (!cJSON_IsString(v))
        return bad(c, w, "expected a stance name");
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        if (!strcmp(v->valuestring, cn_stance_name((cn_stance)k))) {
            *out = (cn_stance)k;
            return CN_OK;
        }
    return bad(c, w, "not a stance name");
}

static int format_of(const rd *c, const where *up, const cJSON *obj, cn_page_format *out)
{
    static const cn_page_format ALL[] = {CN_FORMAT_STRUCTURED, CN_FORMAT_FLAT, CN_FORMAT_JSONL,
                                         CN_FORMAT_BARE};
    char *s = NULL;
    int rc = get_string(c, up, obj, "format", false, &s);
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof ALL / sizeof *ALL; i++)
        if (!strcmp(s, cn_page_format_name(ALL[i]))) {
            *out = ALL[i];
            free(s);
            return CN_OK;
        }
    free(s);
    where w = {up, "format", 0};
    return bad(c, &w, "not a page format");
}

/* ---- the page ---- */

static int read_answer(const rd *c, const where *w, const cJSON *o, cn_answer *a)
{
    if (!cJSON_IsObject(o))
        return bad(c, w, "expected an object");
    int rc = get_size(c, w, o, "index", &a->index);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "title", true, &a->title);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "text", true, &a->text);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "match_text", true, &a->match_text);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "name", true, &a->physician.name);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "city", true, &a->physician.city);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "specialty", true, &a->physician.specialty);
    cJSON *v = NULL;
    if (rc == CN_OK && (rc = member(c, w, o, "rating", &v)) == CN_OK && !cJSON_IsNull(v)) {
        where wr = {w, "rating", 0};
        a->physician.has_rating = true;
        rc = double_of(c, &wr, v, &a->physician.rating);
    }
    if (rc == CN_OK && (rc = member(c, w, o, "reviews", &v)) == CN_OK && !cJSON_IsNull(v)) {
        where wr = {w, "reviews", 0};
        double d = 0;
        a->physician.has_reviews = true;
        rc = whole_of(c, &wr, v, -WHOLE_MAX, WHOLE_MAX, &d);
        a->physician.reviews = (long)d;
    }
    if (rc == CN_OK)
        rc = get_bool(c, w, o, "excerpt", &a->excerpt);
    if (rc == CN_OK)
        rc = get_bool(c, w, o, "related", &a->related);
    if (rc == CN_OK)
        rc = get_bool(c, w, o, "truncated", &a->truncated);
    return rc;
}

static int read_page(const rd *c, const cJSON *o, cn_page **out)
{
    where w = {NULL, "page", 0};
    *out = NULL;
    if (!cJSON_IsObject(o))
        return bad(c, &w, "expected an object");
    cn_page *p = calloc(1, sizeof *p);
    if (!p)
        return oom(c);
    double declared = -1;
    cJSON *answers = NULL, *v = NULL;
    int rc = get_string(c, &w, o, "path", true, &p->path);
    if (rc == CN_OK)
        rc = get_string(c, &w, o, "file", true, &p->file);
    if (rc == CN_OK)
        rc = get_size(c, &w, o, "line", &p->line);
    if (rc == CN_OK)
        rc = format_of(c, &w, o, &p->format);
    if (rc == CN_OK)
        rc = get_string(c, &w, o, "url", true, &p->url);
    if (rc == CN_OK)
        rc = get_string(c, &w, o, "question", true, &p->question);
    if (rc == CN_OK)
        rc = get_string(c, &w, o, "body", true, &p->body);
    if (rc == CN_OK && (rc = member(c, &w, o, "declared_answers", &v)) == CN_OK) {
        where wd = {&w, "declared_answers", 0};
        rc = whole_of(c, &wd, v, -1, WHOLE_MAX, &declared);
        p->declared_answers = (long)declared;
    }
    if (rc == CN_OK)
        rc = get_array(c, &w, o, "answers", &answers);
    size_t n = rc == CN_OK ? (size_t)cJSON_GetArraySize(answers) : 0;
    if (rc == CN_OK && !(p->answers = calloc(n ? n : 1, sizeof *p->answers)))
        rc = oom(c);
    where wa = {&w, "answers", 0};
    const cJSON *a;
    cJSON_ArrayForEach(a, answers)
    {
        if (rc)
            break;
        where wi = {&wa, NULL, p->n_answers};
        rc = read_answer(c, &wi, a, &p->answers[p->n_answers++]);
    }
    if (rc) {
        cn_page_free(p);
        return rc;
    }
    *out = p;
    return CN_OK;
}

/* ---- the annotation ---- */

/* The pool's question with these fields, made on first use. */
static int pool_question_get(const rd *c, const where *w, const cJSON *q, const pool_question **out)
{
    cn_partial_pool *p = c->r->pool;
    char *id = NULL, *statement = NULL, *source = NULL, *type = NULL;
    bool catalog = false;
    cJSON *flags = NULL;
    int rc = get_string(c, w, q, "claim", false, &id);
    if (rc == CN_OK)
        rc = get_string(c, w, q, "statement", false, &statement);
    if (rc == CN_OK)
        rc = get_string(c, w, q, "source", false, &source);
    if (rc == CN_OK)
        rc = get_bool(c, w, q, "catalog", &catalog);
    if (rc == CN_OK)
        rc = get_string(c, w, q, "type", true, &type);
    if (rc == CN_OK)
        rc = get_array(c, w, q, "flags", &flags);
    /* The key: every field, each with its length, so no two questions share one. */
    cJSON *key_fields = rc == CN_OK ? cJSON_CreateArray() : NULL;
    char *key = NULL;
    if (rc == CN_OK && key_fields) {
        cJSON_AddItemToArray(key_fields, cJSON_CreateString(id));
        cJSON_AddItemToArray(key_fields, cJSON_CreateString(statement));
        cJSON_AddItemToArray(key_fields, cJSON_CreateString(source));
        cJSON_AddItemToArray(key_fields, cJSON_CreateBool(catalog));
        cJSON_AddItemToArray(key_fields, type ? cJSON_CreateString(type) : cJSON_CreateNull());
        cJSON_AddItemToArray(key_fields, cJSON_Duplicate(flags, true));
        key = cJSON_PrintUnformatted(key_fields);
    }
    cJSON_Delete(key_fields);
    if (rc == CN_OK && !key)
        rc = oom(c);
    int k = rc == CN_OK ? cn_strmap_get(p->questions, key) : -1;
    if (rc == CN_OK && k >= 0) {
        *out = p->qs[k];
    } else if (rc == CN_OK) {
        pool_question *pq = calloc(1, sizeof *pq);
        size_t nf = (size_t)cJSON_GetArraySize(flags);
        bool no_mem = !pq || !(pq->flags = calloc(nf + 1, sizeof *pq->flags));
        const cJSON *f;
        where wf = {w, "flags", 0};
        cJSON_ArrayForEach(f, flags)
        {
            if (no_mem || rc)
                break;
            where wi = {&wf, NULL, pq->n_flags};
            if (!cJSON_IsString(f))
                rc = bad(c, &wi, "expected a string");
            else
                pq->flags[pq->n_flags++] = intern(p, f->valuestring, &no_mem);
        }
        if (rc == CN_OK && !no_mem) {
            pq->type = intern(p, type, &no_mem);
            pq->choice.source = intern(p, source, &no_mem);
            if (catalog && !(pq->choice.rule = cn_rules_find(p->rules, CN_RULE_CLAIM, id))) {
                where wc = {w, "claim", 0};
                rc = bad(c, &wc, "no claim of the rules has this id");
            }
        }
        if (rc == CN_OK && !no_mem &&
            !cn_grow((void **)&p->qs, &p->cap_qs, p->n_qs + 1, sizeof *p->qs))
            no_mem = true;
        if (rc == CN_OK && !no_mem && cn_strmap_put(p->questions, key, (int)p->n_qs))
            no_mem = true;
        if (rc == CN_OK && no_mem)
            rc = oom(c);
        if (rc == CN_OK) {
            pq->choice.id = id;
            pq->choice.statement = statement;
            id = statement = NULL;
            p->qs[p->n_qs++] = pq;
            *out = pq;
        } else if (pq) {
            free(pq->flags);
            free(pq);
        }
    }
    free(key);
    free(id);
    free(statement);
    free(source);
    free(type);
    return rc;
}

static int read_evidence(const rd *c, const where *w, const cJSON *e, cn_evidence *ev)
{
    cn_partial_pool *p = c->r->pool;
    if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 8)
        return bad(c, w, "expected [kind, rule, in_title, start, end, stance, weight, flags]");
    const cJSON *kind = cJSON_GetArrayItem(e, 0), *id = cJSON_GetArrayItem(e, 1);
    if (!cJSON_IsString(kind) || !cJSON_IsString(id))
        return bad(c, w, "expected a rule kind and id");
    int k = 0;
    while (k < CN_RULE_KIND_COUNT && strcmp(kind->valuestring, cn_rule_kind_name(k)))
        k++;
    if (k == CN_RULE_KIND_COUNT || !(ev->rule = cn_rules_find(p->rules, k, id->valuestring)))
        return bad(c, w, "no rule of the rules has this kind and id");
    if (!cJSON_IsBool(cJSON_GetArrayItem(e, 2)))
        return bad(c, w, "in_title: expected true or false");
    ev->in_title = cJSON_IsTrue(cJSON_GetArrayItem(e, 2));
    double start = 0, end = 0, flags = 0;
    int rc = whole_of(c, w, cJSON_GetArrayItem(e, 3), 0, WHOLE_MAX, &start);
    if (rc == CN_OK)
        rc = whole_of(c, w, cJSON_GetArrayItem(e, 4), start, WHOLE_MAX, &end);
    if (rc == CN_OK)
        rc = stance_of(c, w, cJSON_GetArrayItem(e, 5), &ev->stance);
    if (rc == CN_OK)
        rc = double_of(c, w, cJSON_GetArrayItem(e, 6), &ev->weight);
    if (rc == CN_OK)
        rc = whole_of(c, w, cJSON_GetArrayItem(e, 7), 0, 4294967295.0, &flags);
    ev->start = (size_t)start;
    ev->end = (size_t)end;
    ev->flags = (unsigned)flags;
    return rc;
}

/* Whether span [start, end) lies in the answer's title or text. */
static bool span_fits(const cn_answer *a, const cn_evidence *e)
{
    const char *s = e->in_title ? a->title : a->text;
    return e->end <= (s ? strlen(s) : 0);
}

static int read_decision(const rd *c, const where *w, const cJSON *o, const cn_answer *ans,
                         cn_decision *d)
{
    cn_partial_pool *p = c->r->pool;
    if (!cJSON_IsObject(o))
        return bad(c, w, "expected an object");
    cJSON *v = NULL, *scores = NULL, *evidence = NULL;
    char *reason = NULL, *feature = NULL;
    int rc = member(c, w, o, "stance", &v);
    if (rc == CN_OK) {
        where ws = {w, "stance", 0};
        rc = stance_of(c, &ws, v, &d->stance);
    }
    if (rc == CN_OK)
        rc = get_double(c, w, o, "confidence", &d->confidence);
    if (rc == CN_OK && (rc = get_array(c, w, o, "scores", &scores)) == CN_OK &&
        cJSON_GetArraySize(scores) != CN_STANCE_COUNT) {
        where ws = {w, "scores", 0};
        rc = bad(c, &ws, "expected four numbers");
    }
    for (int k = 0; rc == CN_OK && k < CN_STANCE_COUNT; k++) {
        where ws = {w, "scores", 0}, wi = {&ws, NULL, (size_t)k};
        rc = double_of(c, &wi, cJSON_GetArrayItem(scores, k), &d->scores[k]);
    }
    if (rc == CN_OK)
        rc = get_bool(c, w, o, "conflicting", &d->conflicting);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "reason", true, &reason);
    if (rc == CN_OK)
        rc = get_string(c, w, o, "feature", true, &feature);
    if (rc == CN_OK)
        rc = get_size(c, w, o, "work", &d->work);
    bool no_mem = false;
    if (rc == CN_OK) {
        d->reason = intern(p, reason, &no_mem);
        d->deciding_feature = intern(p, feature, &no_mem);
        if (no_mem)
            rc = oom(c);
    }
    free(reason);
    free(feature);
    if (rc == CN_OK)
        rc = get_array(c, w, o, "evidence", &evidence);
    size_t n = rc == CN_OK ? (size_t)cJSON_GetArraySize(evidence) : 0;
    if (rc == CN_OK && n && !(d->evidence = calloc(n, sizeof *d->evidence)))
        rc = oom(c);
    where we = {w, "evidence", 0};
    const cJSON *e;
    cJSON_ArrayForEach(e, evidence)
    {
        if (rc)
            break;
        where wi = {&we, NULL, d->n_evidence};
        cn_evidence *ev = &d->evidence[d->n_evidence++];
        rc = read_evidence(c, &wi, e, ev);
        if (rc == CN_OK && !span_fits(ans, ev))
            rc = bad(c, &wi, "the span is outside the answer's text");
    }
    return rc;
}

static int read_answer_annotation(const rd *c, const where *w, const cJSON *o,
                                  const pool_question *q, const cn_answer *ans,
                                  cn_answer_annotation *aa)
{
    if (!cJSON_IsObject(o))
        return bad(c, w, "expected an object");
    cJSON *claims = NULL;
    int rc = get_bool(c, w, o, "names_primary", &aa->names_primary);
    if (rc == CN_OK)
        rc = get_array(c, w, o, "claims", &claims);
    size_t n = rc == CN_OK ? (size_t)cJSON_GetArraySize(claims) : 0;
    where wc = {w, "claims", 0};
    if (rc == CN_OK && n == 0)
        return bad(c, &wc, "an answer needs its decision on the primary claim");
    if (rc == CN_OK && !(aa->claims = calloc(n, sizeof *aa->claims)))
        return oom(c);
    const cJSON *cl;
    cJSON_ArrayForEach(cl, claims)
    {
        if (rc)
            break;
        where wi = {&wc, NULL, aa->n_claims};
        cn_answer_claim *ac = &aa->claims[aa->n_claims];
        if (!cJSON_IsObject(cl)) {
            rc = bad(c, &wi, "expected an object");
            break;
        }
        if (aa->n_claims == 0) {
            ac->claim_id = q->choice.id;
            ac->statement = q->choice.statement;
            ac->primary = true;
        } else {
            cJSON *id = NULL;
            where wid = {&wi, "claim", 0};
            const cn_rule *rule = NULL;
            rc = member(c, &wi, cl, "claim", &id);
            if (rc == CN_OK &&
                (!cJSON_IsString(id) ||
                 !(rule = cn_rules_find(c->r->pool->rules, CN_RULE_CLAIM, id->valuestring))))
                rc = bad(c, &wid, "no claim of the rules has this id");
            if (rc)
                break;
            ac->claim_id = rule->id;
            ac->statement = rule->statement;
        }
        cJSON *dec = NULL;
        where wd = {&wi, "decision", 0};
        aa->n_claims++;
        rc = member(c, &wi, cl, "decision", &dec);
        if (rc == CN_OK)
            rc = read_decision(c, &wd, dec, ans, &ac->decision);
    }
    return rc;
}

static int read_annotation(const rd *c, const cJSON *o, const cn_page *page,
                           cn_page_annotation **out)
{
    where w = {NULL, "annotation", 0};
    *out = NULL;
    if (!cJSON_IsObject(o))
        return bad(c, &w, "expected an object");
    cJSON *q = NULL, *answers = NULL;
    const pool_question *pq = NULL;
    int rc = get_object(c, &w, o, "question", &q);
    if (rc == CN_OK) {
        where wq = {&w, "question", 0};
        rc = pool_question_get(c, &wq, q, &pq);
    }
    double asker_days = 0;
    if (rc == CN_OK)
        rc = get_double(c, &w, o, "asker_days", &asker_days);
    if (rc == CN_OK)
        rc = get_array(c, &w, o, "answers", &answers);
    if (rc == CN_OK && (size_t)cJSON_GetArraySize(answers) != page->n_answers) {
        where wa = {&w, "answers", 0};
        return bad(c, &wa, "not one annotation per answer of the page");
    }
    if (rc)
        return rc;
    cn_page_annotation *pa = calloc(1, sizeof *pa);
    if (pa)
        pa->answers = calloc(page->n_answers + 1, sizeof *pa->answers);
    if (!pa || !pa->answers) {
        free(pa);
        return oom(c);
    }
    pa->primary = &pq->choice;
    pa->question_type = pq->type;
    pa->question_flags = pq->flags;
    pa->n_question_flags = pq->n_flags;
    pa->asker_days = asker_days;
    pa->asker_known = true;
    where wa = {&w, "answers", 0};
    const cJSON *a;
    cJSON_ArrayForEach(a, answers)
    {
        where wi = {&wa, NULL, pa->n_answers};
        size_t i = pa->n_answers++;
        rc = read_answer_annotation(c, &wi, a, pq, &page->answers[i], &pa->answers[i]);
        if (rc)
            break;
    }
    if (rc) {
        cn_page_annotation_free(pa);
        return rc;
    }
    *out = pa;
    return CN_OK;
}

/* ---- lines ---- */

/* The next line into r->line (without its newline); false at the end. */
static bool next_line(cn_partial_reader *r, size_t *len, bool *ok)
{
    errno = 0;
    ssize_t n = getline(&r->line, &r->line_cap, r->f);
    *ok = n >= 0 || !ferror(r->f);
    if (n < 0)
        return false;
    r->line_no++;
    if (n > 0 && r->line[n - 1] == '\n')
        n--;
    *len = (size_t)n;
    return true;
}

/* Parse the next line as a JSON object; *o NULL at the end of the file. */
static int next_object(cn_partial_reader *r, cJSON **o, cn_error *err)
{
    size_t len = 0;
    bool ok;
    *o = NULL;
    if (!next_line(r, &len, &ok))
        return ok ? CN_OK : cn_error_set(err, CN_ERR_IO, "%s: %s", r->path, strerror(errno));
    if (memchr(r->line, '\0', len))
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%zu: a NUL byte", r->path, r->line_no);
    *o = cJSON_ParseWithLength(r->line, len);
    if (!*o || !cJSON_IsObject(*o)) {
        cJSON_Delete(*o);
        *o = NULL;
        if (len == 0)
            return cn_error_set(err, CN_ERR_FORMAT, "%s:%zu: an empty line", r->path, r->line_no);
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%zu: not a JSON object", r->path, r->line_no);
    }
    return CN_OK;
}

static int read_header(cn_partial_reader *r, cn_error *err)
{
    cJSON *o = NULL;
    int rc = next_object(r, &o, err);
    if (rc)
        return rc;
    if (!o)
        return cn_error_set(err, CN_ERR_FORMAT, "%s: empty, not a partial file", r->path);
    rd c = {r, err};
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "format");
    char *version = NULL, *sha = NULL;
    double n = 0;
    if (!cJSON_IsString(v) || strcmp(v->valuestring, CN_PARTIAL_FORMAT))
        rc =
            bad(&c, NULL,
                "not a partial file (its first line has no \"format\": \"" CN_PARTIAL_FORMAT "\")");
    if (rc == CN_OK && (rc = member(&c, NULL, o, "version", &v)) == CN_OK &&
        (!cJSON_IsNumber(v) || v->valuedouble != CN_PARTIAL_VERSION)) {
        char what[160];
        snprintf(what, sizeof what,
                 "partial format version %g, this consensus reads version %d only",
                 cJSON_IsNumber(v) ? v->valuedouble : -1.0, CN_PARTIAL_VERSION);
        rc = bad(&c, NULL, what);
    }
    if (rc == CN_OK)
        rc = get_string(&c, NULL, o, "consensus", false, &version);
    if (rc == CN_OK)
        rc = get_string(&c, NULL, o, "rules_sha256", false, &sha);
    if (rc == CN_OK && (rc = member(&c, NULL, o, "seed", &v)) == CN_OK) {
        where w = {NULL, "seed", 0};
        rc = whole_of(&c, &w, v, 0, 4294967295.0, &n);
    }
    if (rc == CN_OK && (strlen(version) >= sizeof r->header.version || strlen(sha) != 64)) {
        rc = bad(&c, NULL, "consensus version or rules_sha256 malformed");
    }
    if (rc == CN_OK) {
        snprintf(r->header.version, sizeof r->header.version, "%s", version);
        snprintf(r->header.rules_sha256, sizeof r->header.rules_sha256, "%s", sha);
        r->header.seed = (unsigned long)n;
    }
    free(version);
    free(sha);
    cJSON_Delete(o);
    return rc;
}

int cn_partial_reader_open(const char *path, cn_partial_pool *pool, cn_partial_reader **out,
                           cn_error *err)
{
    *out = NULL;
    cn_partial_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    r->pool = pool;
    if (!(r->f = fopen(path, "rb"))) {
        int e = errno;
        cn_partial_reader_free(r);
        return cn_error_set(err, CN_ERR_IO, "%s: %s", path, strerror(e));
    }
    int rc = read_header(r, err);
    if (rc) {
        cn_partial_reader_free(r);
        return rc;
    }
    *out = r;
    return CN_OK;
}

void cn_partial_reader_free(cn_partial_reader *r)
{
    if (!r)
        return;
    if (r->f)
        fclose(r->f);
    free(r->line);
    free(r->path);
    free(r);
}

const cn_partial_header *cn_partial_reader_header(const cn_partial_reader *r)
{
    return &r->header;
}

size_t cn_partial_reader_line(const cn_partial_reader *r)
{
    return r->line_no;
}

static int read_page_record(const rd *c, const cJSON *o, cn_partial_record *rec)
{
    cJSON *page = NULL, *ann = NULL;
    int rc = member(c, NULL, o, "page", &page);
    if (rc == CN_OK)
        rc = read_page(c, page, &rec->page);
    if (rc == CN_OK)
        rc = get_bool(c, NULL, o, "chose", &rec->chose);
    if (rc == CN_OK)
        rc = member(c, NULL, o, "annotation", &ann);
    if (rc == CN_OK)
        rc = read_annotation(c, ann, rec->page, &rec->annotation);
    if (rc) {
        cn_page_free(rec->page);
        rec->page = NULL;
        return rc;
    }
    rec->kind = CN_PARTIAL_PAGE;
    c->r->pages++;
    return CN_OK;
}

static int read_skipped_record(const rd *c, const cJSON *s, cn_partial_record *rec)
{
    where w = {NULL, "skipped", 0};
    if (!cJSON_IsObject(s))
        return bad(c, &w, "expected an object");
    int rc = get_string(c, &w, s, "where", false, &rec->where);
    if (rc == CN_OK)
        rc = get_string(c, &w, s, "reason", false, &rec->reason);
    if (rc) {
        free(rec->where);
        rec->where = NULL;
        return rc;
    }
    rec->kind = CN_PARTIAL_SKIPPED;
    c->r->skipped++;
    return CN_OK;
}

/* The closing line: its counts must be what was read. */
static int read_end_record(const rd *c, const cJSON *e)
{
    where w = {NULL, "end", 0};
    size_t pages = 0, skipped = 0;
    if (!cJSON_IsObject(e))
        return bad(c, &w, "expected an object");
    int rc = get_size(c, &w, e, "pages", &pages);
    if (rc == CN_OK)
        rc = get_size(c, &w, e, "skipped", &skipped);
    if (rc == CN_OK && (pages != c->r->pages || skipped != c->r->skipped)) {
        char what[160];
        snprintf(what, sizeof what, "says %zu pages and %zu skipped, the file holds %zu and %zu",
                 pages, skipped, c->r->pages, c->r->skipped);
        rc = bad(c, &w, what);
    }
    return rc;
}

int cn_partial_reader_next(cn_partial_reader *r, cn_partial_record *rec, cn_error *err)
{
    memset(rec, 0, sizeof *rec);
    rd c = {r, err};
    cJSON *o = NULL;
    int rc = next_object(r, &o, err);
    if (rc)
        return rc;
    if (!o) {
        if (r->ended)
            return CN_OK;
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s:%zu: the file ends without its closing \"end\" line (cut off?)",
                            r->path, r->line_no);
    }
    if (r->ended)
        rc = bad(&c, NULL, "a line after the closing \"end\" line");
    cJSON *v;
    if (rc == CN_OK && cJSON_GetObjectItemCaseSensitive(o, "page"))
        rc = read_page_record(&c, o, rec);
    else if (rc == CN_OK && (v = cJSON_GetObjectItemCaseSensitive(o, "skipped")))
        rc = read_skipped_record(&c, v, rec);
    else if (rc == CN_OK && (v = cJSON_GetObjectItemCaseSensitive(o, "end"))) {
        rc = read_end_record(&c, v);
        r->ended = rc == CN_OK;
        /* nothing may follow: read on to be sure */
        if (rc == CN_OK) {
            cJSON_Delete(o);
            return cn_partial_reader_next(r, rec, err);
        }
    } else if (rc == CN_OK)
        rc = bad(&c, NULL, "neither a \"page\", a \"skipped\" nor an \"end\" line");
    cJSON_Delete(o);
    return rc;
}

int cn_partial_page_parse(cn_partial_pool *pool, const char *name, const char *line, size_t len,
                          cn_partial_record *rec, cn_error *err)
{
    memset(rec, 0, sizeof *rec);
    cn_partial_reader r = {.path = (char *)name, .pool = pool, .line_no = 1};
    rd c = {&r, err};
    if (len && line[len - 1] == '\n')
        len--;
    cJSON *o = cJSON_ParseWithLength(line, len);
    cJSON *page = o ? cJSON_GetObjectItemCaseSensitive(o, "page") : NULL;
    int rc = page ? read_page_record(&c, o, rec) : bad(&c, NULL, "not a page line");
    cJSON_Delete(o);
    return rc;
}

/* ================================ comparing ============================== */

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

bool cn_partial_same_question(const cn_page_annotation *a, const cn_page_annotation *b)
{
    if (!same_str(a->primary->id, b->primary->id) ||
        !same_str(a->primary->statement, b->primary->statement) ||
        !same_str(a->primary->source, b->primary->source) || a->primary->rule != b->primary->rule ||
        !same_str(a->question_type, b->question_type) || a->n_question_flags != b->n_question_flags)
        return false;
    for (size_t i = 0; i < a->n_question_flags; i++)
        if (!same_str(a->question_flags[i], b->question_flags[i]))
            return false;
    return true;
}
