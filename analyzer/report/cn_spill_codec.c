/* cn_spill_codec: pages and annotations as compact bytes for the spill file, and back. */
#include "cn_spill_codec.h"

#include "cn_grow.h"
#include "cn_hash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A string's length field for NULL. */
#define NO_STRING UINT32_MAX

/* The question a page was judged against, as the partial reader's pool keeps
 * it: what cn_page_annotation borrows. */
typedef struct codec_question {
    cn_claim_choice choice; /* id, statement owned; source interned; rule from the rules */
    const char *type;       /* interned, or NULL */
    const char **flags;     /* interned; the array is owned */
    size_t n_flags;
} codec_question;

struct cn_spill_codec {
    const cn_rules *rules;
    cn_u64map *rule_at;  /* a rule's address -> index of the rule the partial reader finds
                            for its kind and id (cn_rules_find) */
    cn_strmap *claim_at; /* claim id -> index of its rule */
    cn_strmap *strings;  /* text -> index into strs */
    char **strs;
    size_t n_strs, cap_strs;
    cn_strmap *questions; /* key of a question -> index into qs */
    codec_question **qs;
    size_t n_qs, cap_qs;
    char *key; /* scratch for question keys */
    size_t key_cap;
};

cn_spill_codec *cn_spill_codec_new(const cn_rules *rules)
{
    cn_spill_codec *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->rules = rules;
    c->rule_at = cn_u64map_new();
    c->claim_at = cn_strmap_new();
    c->strings = cn_strmap_new();
    c->questions = cn_strmap_new();
    if (!c->rule_at || !c->claim_at || !c->strings || !c->questions) {
        cn_spill_codec_free(c);
        return NULL;
    }
    return c;
}

void cn_spill_codec_free(cn_spill_codec *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_strs; i++)
        free(c->strs[i]);
    free(c->strs);
    for (size_t i = 0; i < c->n_qs; i++) {
        cn_claim_choice_clear(&c->qs[i]->choice);
        free(c->qs[i]->flags);
        free(c->qs[i]);
    }
    free(c->qs);
    free(c->key);
    cn_u64map_free(c->rule_at);
    cn_strmap_free(c->claim_at);
    cn_strmap_free(c->strings);
    cn_strmap_free(c->questions);
    free(c);
}

/* ================================ tables ================================= */

/* Index of the rules' rule at address r (by its kind and id, as the partial
 * reader resolves it), or -1 when the rules have none. */
static int rule_index(cn_spill_codec *c, const cn_rule *r, bool *oom)
{
    int k = cn_u64map_get(c->rule_at, (uint64_t)(uintptr_t)r);
    if (k >= 0)
        return k;
    const cn_rule *found = cn_rules_find(c->rules, r->kind, r->id);
    if (!found)
        return -1;
    size_t n = cn_rules_count(c->rules);
    for (size_t i = 0; i < n && i < INT32_MAX; i++)
        if (cn_rules_at(c->rules, i) == found) {
            k = (int)i;
            break;
        }
    if (k >= 0 && cn_u64map_put(c->rule_at, (uint64_t)(uintptr_t)r, k))
        *oom = true;
    return k;
}

/* Index of the catalog claim with this id, or -1. */
static int claim_index(cn_spill_codec *c, const char *id, bool *oom)
{
    if (!id)
        return -1;
    int k = cn_strmap_get(c->claim_at, id);
    if (k >= 0)
        return k;
    const cn_rule *r = cn_rules_find(c->rules, CN_RULE_CLAIM, id);
    k = r ? rule_index(c, r, oom) : -1;
    if (k >= 0 && cn_strmap_put(c->claim_at, id, k))
        *oom = true;
    return k;
}

/* 1 + the index of the codec's copy of s; 0 for NULL; UINT32_MAX when out of memory. */
static uint32_t intern(cn_spill_codec *c, const char *s)
{
    if (!s)
        return 0;
    int k = cn_strmap_get(c->strings, s);
    if (k >= 0)
        return (uint32_t)k + 1;
    char *copy = c->n_strs < INT32_MAX - 1 ? strdup(s) : NULL;
    if (!copy || !cn_grow((void **)&c->strs, &c->cap_strs, c->n_strs + 1, sizeof *c->strs) ||
        cn_strmap_put(c->strings, s, (int)c->n_strs)) {
        free(copy);
        return UINT32_MAX;
    }
    c->strs[c->n_strs++] = copy;
    return (uint32_t)c->n_strs;
}

static const char *interned(const cn_spill_codec *c, uint32_t k, bool *bad)
{
    if (k == 0)
        return NULL;
    if (k > c->n_strs) {
        *bad = true;
        return NULL;
    }
    return c->strs[k - 1];
}

/* s with its length in front (NULL: "-"), into the key scratch at *at. */
static bool key_field(cn_spill_codec *c, size_t *at, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!cn_grow((void **)&c->key, &c->key_cap, *at + n + 32, 1))
        return false;
    *at += s ? (size_t)sprintf(c->key + *at, "%zu:", n) : (size_t)sprintf(c->key + *at, "-");
    memcpy(c->key + *at, s ? s : "", n + 1);
    *at += n;
    return true;
}

/* The question pa was judged against: its index among the codec's, made on
 * first use; -1 with *oom or *bad set. */
static int question_index(cn_spill_codec *c, const cn_page_annotation *pa, bool *oom, bool *bad)
{
    const cn_claim_choice *q = pa->primary;
    size_t at = 0;
    bool ok = key_field(c, &at, q->id) && key_field(c, &at, q->statement) &&
              key_field(c, &at, q->source) && key_field(c, &at, q->rule ? "1" : "0") &&
              key_field(c, &at, pa->question_type);
    for (size_t f = 0; ok && f < pa->n_question_flags; f++)
        ok = key_field(c, &at, pa->question_flags[f]);
    if (!ok) {
        *oom = true;
        return -1;
    }
    int k = cn_strmap_get(c->questions, c->key);
    if (k >= 0)
        return k;
    const cn_rule *rule = NULL;
    if (q->rule && !(rule = cn_rules_find(c->rules, CN_RULE_CLAIM, q->id))) {
        *bad = true;
        return -1;
    }
    codec_question *cq = calloc(1, sizeof *cq);
    if (!cq || !(cq->flags = calloc(pa->n_question_flags + 1, sizeof *cq->flags)) ||
        (q->id && !(cq->choice.id = strdup(q->id))) ||
        (q->statement && !(cq->choice.statement = strdup(q->statement)))) {
        if (cq) {
            cn_claim_choice_clear(&cq->choice);
            free(cq->flags);
        }
        free(cq);
        *oom = true;
        return -1;
    }
    cq->choice.rule = rule;
    uint32_t si = intern(c, q->source), ti = intern(c, pa->question_type);
    bool no_mem = si == UINT32_MAX || ti == UINT32_MAX;
    cq->choice.source = no_mem ? NULL : interned(c, si, bad);
    cq->type = no_mem ? NULL : interned(c, ti, bad);
    for (size_t f = 0; !no_mem && f < pa->n_question_flags; f++) {
        uint32_t fi = intern(c, pa->question_flags[f]);
        no_mem = fi == UINT32_MAX;
        cq->flags[cq->n_flags++] = no_mem ? NULL : interned(c, fi, bad);
    }
    if (!no_mem && (c->n_qs >= INT32_MAX ||
                    !cn_grow((void **)&c->qs, &c->cap_qs, c->n_qs + 1, sizeof *c->qs) ||
                    cn_strmap_put(c->questions, c->key, (int)c->n_qs)))
        no_mem = true;
    if (no_mem) {
        cn_claim_choice_clear(&cq->choice);
        free(cq->flags);
        free(cq);
        *oom = true;
        return -1;
    }
    c->qs[c->n_qs] = cq;
    return (int)c->n_qs++;
}

/* ================================ writing ================================ */

static void put(cn_spill_bytes *b, const void *v, size_t n)
{
    if (n == 0)
        return; /* v may be NULL then */
    if (b->failed || !cn_grow((void **)&b->s, &b->cap, b->len + n, 1)) {
        b->failed = true;
        return;
    }
    memcpy(b->s + b->len, v, n);
    b->len += n;
}

static void put_u8(cn_spill_bytes *b, unsigned v)
{
    uint8_t x = (uint8_t)v;
    put(b, &x, 1);
}

static void put_u32(cn_spill_bytes *b, uint32_t v)
{
    put(b, &v, sizeof v);
}

static void put_u64(cn_spill_bytes *b, uint64_t v)
{
    put(b, &v, sizeof v);
}

static void put_double(cn_spill_bytes *b, double v)
{
    put(b, &v, sizeof v);
}

static void put_str(cn_spill_bytes *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= NO_STRING) {
        b->failed = true;
        return;
    }
    put_u32(b, s ? (uint32_t)n : NO_STRING);
    put(b, s, n);
}

static void put_answer(cn_spill_bytes *b, const cn_answer *a)
{
    put_u64(b, a->index);
    put_str(b, a->title);
    put_str(b, a->text);
    put_str(b, a->match_text);
    put_str(b, a->physician.name);
    put_str(b, a->physician.city);
    put_str(b, a->physician.specialty);
    put_u8(b, (unsigned)a->physician.has_rating | (unsigned)a->physician.has_reviews << 1 |
                  (unsigned)a->excerpt << 2 | (unsigned)a->related << 3 |
                  (unsigned)a->truncated << 4);
    if (a->physician.has_rating)
        put_double(b, a->physician.rating);
    if (a->physician.has_reviews)
        put_u64(b, (uint64_t)(int64_t)a->physician.reviews);
}

static void put_page(cn_spill_bytes *b, const cn_page *p)
{
    put_str(b, p->path);
    put_str(b, p->file);
    put_str(b, p->url);
    put_str(b, p->question);
    put_str(b, p->body);
    put_u64(b, p->line);
    put_u8(b, (unsigned)p->format);
    put_u64(b, (uint64_t)(int64_t)p->declared_answers);
    put_u64(b, p->n_answers);
    for (size_t i = 0; i < p->n_answers; i++)
        put_answer(b, &p->answers[i]);
}

static int put_decision(cn_spill_codec *c, cn_spill_bytes *b, const cn_decision *d, bool *oom)
{
    put_u8(b, (unsigned)d->stance);
    put_double(b, d->confidence);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        put_double(b, d->scores[k]);
    put_u8(b, d->conflicting);
    uint32_t reason = intern(c, d->reason), feature = intern(c, d->deciding_feature);
    if (reason == UINT32_MAX || feature == UINT32_MAX)
        *oom = true;
    put_u32(b, reason);
    put_u32(b, feature);
    put_u64(b, d->work);
    put_u64(b, d->n_evidence);
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        int r = rule_index(c, e->rule, oom);
        if (r < 0)
            return CN_ERR_FORMAT;
        put_u32(b, (uint32_t)r);
        put_u8(b, e->in_title);
        put_u64(b, e->start);
        put_u64(b, e->end);
        put_u8(b, (unsigned)e->stance);
        put_double(b, e->weight);
        put_u32(b, e->flags);
    }
    return CN_OK;
}

static int put_annotation(cn_spill_codec *c, cn_spill_bytes *b, const cn_page_annotation *pa,
                          bool *oom)
{
    bool bad = false;
    int q = question_index(c, pa, oom, &bad);
    if (q < 0)
        return bad ? CN_ERR_FORMAT : CN_ERR_NOMEM;
    put_u32(b, (uint32_t)q);
    for (size_t i = 0; i < pa->n_answers; i++) {
        const cn_answer_annotation *aa = &pa->answers[i];
        if (aa->n_claims == 0)
            return CN_ERR_FORMAT; /* an answer needs its decision on the primary claim */
        put_u8(b, aa->names_primary);
        put_u64(b, aa->n_claims);
        for (size_t k = 0; k < aa->n_claims; k++) {
            if (k > 0) {
                int r = claim_index(c, aa->claims[k].claim_id, oom);
                if (r < 0)
                    return CN_ERR_FORMAT;
                put_u32(b, (uint32_t)r);
            }
            int rc = put_decision(c, b, &aa->claims[k].decision, oom);
            if (rc)
                return rc;
        }
    }
    return CN_OK;
}

int cn_spill_codec_encode(cn_spill_codec *c, const cn_page *page, const cn_page_annotation *pa,
                          cn_spill_bytes *out, cn_error *err)
{
    const char *name = page->file ? page->file : "?";
    if (!pa || !pa->primary || pa->n_answers != page->n_answers)
        return cn_error_set(err, CN_ERR_FORMAT, "%s: not one annotation per answer of the page",
                            name);
    bool oom = false;
    put_page(out, page);
    int rc = put_annotation(c, out, pa, &oom);
    if (rc == CN_ERR_FORMAT)
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: the annotation names a rule the rules do not have", name);
    if (rc != CN_OK || oom || out->failed)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

/* ================================ reading ================================ */

typedef struct reader {
    const char *s, *end;
    bool bad; /* the bytes end early or hold an impossible value */
    bool oom;
} reader;

static void get(reader *r, void *v, size_t n)
{
    if (r->bad || (size_t)(r->end - r->s) < n) {
        r->bad = true;
        memset(v, 0, n);
        return;
    }
    memcpy(v, r->s, n);
    r->s += n;
}

static unsigned get_u8(reader *r)
{
    uint8_t x;
    get(r, &x, 1);
    return x;
}

static uint32_t get_u32(reader *r)
{
    uint32_t x;
    get(r, &x, sizeof x);
    return x;
}

static uint64_t get_u64(reader *r)
{
    uint64_t x;
    get(r, &x, sizeof x);
    return x;
}

static double get_double(reader *r)
{
    double x;
    get(r, &x, sizeof x);
    return x;
}

static char *get_str(reader *r)
{
    uint32_t n = get_u32(r);
    if (r->bad || n == NO_STRING)
        return NULL;
    if ((size_t)(r->end - r->s) < n) {
        r->bad = true;
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        r->oom = true;
        return NULL;
    }
    memcpy(s, r->s, n);
    s[n] = '\0';
    r->s += n;
    return s;
}

static bool stance_ok(unsigned v)
{
    return v < CN_STANCE_COUNT;
}

static void get_answer(reader *r, cn_answer *a)
{
    a->index = (size_t)get_u64(r);
    a->title = get_str(r);
    a->text = get_str(r);
    a->match_text = get_str(r);
    a->physician.name = get_str(r);
    a->physician.city = get_str(r);
    a->physician.specialty = get_str(r);
    unsigned flags = get_u8(r);
    a->physician.has_rating = flags & 1;
    a->physician.has_reviews = flags >> 1 & 1;
    a->excerpt = flags >> 2 & 1;
    a->related = flags >> 3 & 1;
    a->truncated = flags >> 4 & 1;
    if (a->physician.has_rating)
        a->physician.rating = get_double(r);
    if (a->physician.has_reviews)
        a->physician.reviews = (long)(int64_t)get_u64(r);
}

static cn_page *get_page(reader *r)
{
    cn_page *p = calloc(1, sizeof *p);
    if (!p) {
        r->oom = true;
        return NULL;
    }
    p->path = get_str(r);
    p->file = get_str(r);
    p->url = get_str(r);
    p->question = get_str(r);
    p->body = get_str(r);
    p->line = (size_t)get_u64(r);
    unsigned format = get_u8(r);
    p->format = (cn_page_format)format;
    if (format > CN_FORMAT_BARE)
        r->bad = true;
    p->declared_answers = (long)(int64_t)get_u64(r);
    uint64_t n = get_u64(r);
    if (!r->bad && n > (uint64_t)(r->end - r->s))
        r->bad = true; /* every answer takes bytes */
    if (!r->bad && !r->oom && !(p->answers = calloc(n ? n : 1, sizeof *p->answers)))
        r->oom = true;
    for (uint64_t i = 0; i < n && !r->bad && !r->oom; i++)
        get_answer(r, &p->answers[p->n_answers++]);
    return p;
}

static const cn_rule *rule_of(const cn_spill_codec *c, reader *r)
{
    uint32_t k = get_u32(r);
    const cn_rule *rule = r->bad || k >= cn_rules_count(c->rules) ? NULL : cn_rules_at(c->rules, k);
    if (!rule)
        r->bad = true;
    return rule;
}

static void get_decision(const cn_spill_codec *c, reader *r, cn_decision *d)
{
    unsigned stance = get_u8(r);
    r->bad |= !stance_ok(stance);
    d->stance = (cn_stance)stance;
    d->confidence = get_double(r);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        d->scores[k] = get_double(r);
    d->conflicting = get_u8(r) != 0;
    d->reason = interned(c, get_u32(r), &r->bad);
    d->deciding_feature = interned(c, get_u32(r), &r->bad);
    d->work = (size_t)get_u64(r);
    uint64_t n = get_u64(r);
    if (r->bad || n == 0)
        return;
    if (n > (uint64_t)(r->end - r->s)) {
        r->bad = true;
        return;
    }
    if (!(d->evidence = calloc(n, sizeof *d->evidence))) {
        r->oom = true;
        return;
    }
    for (uint64_t i = 0; i < n && !r->bad; i++) {
        cn_evidence *e = &d->evidence[d->n_evidence++];
        e->rule = rule_of(c, r);
        e->in_title = get_u8(r) != 0;
        e->start = (size_t)get_u64(r);
        e->end = (size_t)get_u64(r);
        stance = get_u8(r);
        r->bad |= !stance_ok(stance);
        e->stance = (cn_stance)stance;
        e->weight = get_double(r);
        e->flags = get_u32(r);
    }
}

static void get_answer_annotation(const cn_spill_codec *c, reader *r, const codec_question *q,
                                  cn_answer_annotation *aa)
{
    aa->names_primary = get_u8(r) != 0;
    uint64_t n = get_u64(r);
    if (!r->bad && (n == 0 || n > (uint64_t)(r->end - r->s)))
        r->bad = true;
    if (r->bad)
        return;
    if (!(aa->claims = calloc(n, sizeof *aa->claims))) {
        r->oom = true;
        return;
    }
    for (uint64_t k = 0; k < n && !r->bad && !r->oom; k++) {
        cn_answer_claim *ac = &aa->claims[aa->n_claims++];
        if (k == 0) {
            ac->claim_id = q->choice.id;
            ac->statement = q->choice.statement;
            ac->primary = true;
        } else {
            const cn_rule *rule = rule_of(c, r);
            ac->claim_id = rule ? rule->id : NULL;
            ac->statement = rule ? rule->statement : NULL;
        }
        get_decision(c, r, &ac->decision);
    }
}

static cn_page_annotation *get_annotation(const cn_spill_codec *c, reader *r, const cn_page *page)
{
    uint32_t qi = get_u32(r);
    if (r->bad || qi >= c->n_qs) {
        r->bad = true;
        return NULL;
    }
    const codec_question *q = c->qs[qi];
    cn_page_annotation *pa = calloc(1, sizeof *pa);
    if (pa)
        pa->answers = calloc(page->n_answers + 1, sizeof *pa->answers);
    if (!pa || !pa->answers) {
        free(pa);
        r->oom = true;
        return NULL;
    }
    pa->primary = &q->choice;
    pa->question_type = q->type;
    pa->question_flags = q->flags;
    pa->n_question_flags = q->n_flags;
    for (size_t i = 0; i < page->n_answers && !r->bad && !r->oom; i++)
        get_answer_annotation(c, r, q, &pa->answers[pa->n_answers++]);
    return pa;
}

int cn_spill_codec_decode(const cn_spill_codec *c, const char *s, size_t len, cn_page **page,
                          cn_page_annotation **pa, cn_error *err)
{
    *page = NULL;
    *pa = NULL;
    reader r = {.s = s, .end = s + len};
    cn_page *p = get_page(&r);
    cn_page_annotation *a = p && !r.bad && !r.oom ? get_annotation(c, &r, p) : NULL;
    if (!r.bad && !r.oom && r.s != r.end)
        r.bad = true;
    if (r.bad || r.oom) {
        cn_page_annotation_free(a);
        cn_page_free(p);
        return r.oom ? cn_error_set(err, CN_ERR_NOMEM, "out of memory")
                     : cn_error_set(err, CN_ERR_FORMAT, "temporary page file: a page is damaged");
    }
    *page = p;
    *pa = a;
    return CN_OK;
}
