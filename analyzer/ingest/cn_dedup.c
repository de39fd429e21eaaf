/* cn_dedup: stable ids, duplicate_of and question merging across pages. */
#define _POSIX_C_SOURCE 200809L
#include "cn_dedup.h"

#include "cn_sha256.h"
#include "cn_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_ENTRY UINT32_MAX

/* One indexed key: its digest and the answer (and question) it stands for. */
typedef struct exact_entry {
    uint64_t h;
    uint32_t next;
    char answer_id[CN_ID_LEN + 1];
    char question_id[CN_ID_LEN + 1];
} exact_entry;

/* One distinct answer's key head, for matching excerpts by prefix. */
typedef struct prefix_entry {
    uint64_t h; /* digest of the first excerpt_min_key key bytes */
    uint32_t next;
    bool excerpt;
    size_t key_len;
    char *prefix; /* first min(key_len, prefix_max) key bytes */
    char answer_id[CN_ID_LEN + 1];
    char question_id[CN_ID_LEN + 1];
} prefix_entry;

/* Chained hash table over an entry array: heads[h % nb] -> entry -> next. */
typedef struct table {
    uint32_t *heads;
    size_t nb;
} table;

struct cn_dedup {
    cn_dedup_options opt;
    exact_entry *ex;
    size_t n_ex, cap_ex;
    table ex_t;
    prefix_entry *px;
    size_t n_px, cap_px;
    table px_t;
    size_t distinct;
    size_t prefix_bytes;
};

/* An answer's de-duplication keys during assignment. */
typedef struct akey {
    char *key, *alt; /* alt: key of match_text, NULL when none or equal */
    size_t len, alt_len;
    uint64_t h, alt_h;
    bool other_question;           /* an excerpt of an answer filed under another question */
    char canon_qid[CN_ID_LEN + 1]; /* question of the answer it repeats, or "" */
} akey;

static uint64_t digest64(const unsigned char d[32])
{
    uint64_t h = 0;
    for (int i = 0; i < 8; i++)
        h = (h << 8) | d[i];
    return h;
}

/* SHA-256 of [scope "\n"] data; the first 16 hex digits into id (if not NULL). */
static uint64_t hash_key(const char *scope, const char *data, size_t len, char *id)
{
    cn_sha256_ctx ctx;
    unsigned char d[32];
    cn_sha256_init(&ctx);
    if (scope) {
        cn_sha256_update(&ctx, scope, strlen(scope));
        cn_sha256_update(&ctx, "\n", 1);
    }
    cn_sha256_update(&ctx, data, len);
    cn_sha256_final(&ctx, d);
    if (id)
        cn_sha256_digest_hex(d, id, CN_ID_LEN);
    return digest64(d);
}

static bool table_init(table *t, size_t nb)
{
    t->heads = malloc(nb * sizeof *t->heads);
    if (!t->heads)
        return false;
    for (size_t i = 0; i < nb; i++)
        t->heads[i] = NO_ENTRY;
    t->nb = nb;
    return true;
}

int cn_dedup_new(const cn_dedup_options *options, cn_dedup **out, cn_error *err)
{
    *out = NULL;
    cn_dedup *d = calloc(1, sizeof *d);
    if (!d || !table_init(&d->ex_t, 1024) || !table_init(&d->px_t, 1024)) {
        cn_dedup_free(d);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    d->opt = *options;
    if (d->opt.excerpt_min_key == 0)
        d->opt.excerpt_min_key = 1;
    if (d->opt.prefix_max < d->opt.excerpt_min_key)
        d->opt.prefix_max = d->opt.excerpt_min_key;
    *out = d;
    return CN_OK;
}

void cn_dedup_free(cn_dedup *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_px; i++)
        free(d->px[i].prefix);
    free(d->px);
    free(d->ex);
    free(d->ex_t.heads);
    free(d->px_t.heads);
    free(d);
}

size_t cn_dedup_count(const cn_dedup *d)
{
    return d->distinct;
}

size_t cn_dedup_bytes(const cn_dedup *d)
{
    return sizeof *d + d->cap_ex * sizeof *d->ex + d->cap_px * sizeof *d->px +
           (d->ex_t.nb + d->px_t.nb) * sizeof(uint32_t) + d->prefix_bytes;
}

/* Double the buckets when the load passes 3/4 and relink every entry. */
#define REHASH(d, t, arr, n)                                                                       \
    do {                                                                                           \
        if ((n) + 1 > (t).nb * 3 / 4) {                                                            \
            table nt;                                                                              \
            if (!table_init(&nt, (t).nb * 2))                                                      \
                return false;                                                                      \
            for (size_t i_ = 0; i_ < (n); i_++) {                                                  \
                size_t b_ = (size_t)((arr)[i_].h % nt.nb);                                         \
                (arr)[i_].next = nt.heads[b_];                                                     \
                nt.heads[b_] = (uint32_t)i_;                                                       \
            }                                                                                      \
            free((t).heads);                                                                       \
            (t) = nt;                                                                              \
        }                                                                                          \
    } while (0)

static const exact_entry *exact_find(const cn_dedup *d, uint64_t h)
{
    for (uint32_t i = d->ex_t.heads[h % d->ex_t.nb]; i != NO_ENTRY; i = d->ex[i].next)
        if (d->ex[i].h == h)
            return &d->ex[i];
    return NULL;
}

static bool exact_add(cn_dedup *d, uint64_t h, const char *answer_id, const char *question_id)
{
    if (exact_find(d, h))
        return true;
    if (d->n_ex >= NO_ENTRY - 1)
        return false;
    if (d->n_ex == d->cap_ex) {
        size_t cap = d->cap_ex ? d->cap_ex * 2 : 256;
        exact_entry *v = realloc(d->ex, cap * sizeof *v);
        if (!v)
            return false;
        d->ex = v;
        d->cap_ex = cap;
    }
    REHASH(d, d->ex_t, d->ex, d->n_ex);
    exact_entry *e = &d->ex[d->n_ex];
    e->h = h;
    memcpy(e->answer_id, answer_id, CN_ID_LEN + 1);
    memcpy(e->question_id, question_id, CN_ID_LEN + 1);
    size_t b = (size_t)(h % d->ex_t.nb);
    e->next = d->ex_t.heads[b];
    d->ex_t.heads[b] = (uint32_t)d->n_ex++;
    return true;
}

static uint64_t head_hash(const cn_dedup *d, const char *key)
{
    return hash_key(NULL, key, d->opt.excerpt_min_key, NULL);
}

/* An earlier full answer whose key starts with the excerpt's key. */
static const prefix_entry *find_full_for_excerpt(const cn_dedup *d, const char *key, size_t len)
{
    uint64_t h = head_hash(d, key);
    size_t cmp = len < d->opt.prefix_max ? len : d->opt.prefix_max;
    for (uint32_t i = d->px_t.heads[h % d->px_t.nb]; i != NO_ENTRY; i = d->px[i].next) {
        const prefix_entry *e = &d->px[i];
        if (e->h == h && !e->excerpt && e->key_len >= len && memcmp(e->prefix, key, cmp) == 0)
            return e;
    }
    return NULL;
}

/* An earlier excerpt whose key starts this answer's key. */
static const prefix_entry *find_excerpt_of(const cn_dedup *d, const char *key, size_t len)
{
    uint64_t h = head_hash(d, key);
    for (uint32_t i = d->px_t.heads[h % d->px_t.nb]; i != NO_ENTRY; i = d->px[i].next) {
        const prefix_entry *e = &d->px[i];
        size_t cmp = e->key_len < d->opt.prefix_max ? e->key_len : d->opt.prefix_max;
        if (e->h == h && e->excerpt && e->key_len <= len && memcmp(e->prefix, key, cmp) == 0)
            return e;
    }
    return NULL;
}

static bool prefix_add(cn_dedup *d, const char *key, size_t len, bool excerpt,
                       const char *answer_id, const char *question_id)
{
    if (d->n_px >= NO_ENTRY - 1)
        return false;
    if (d->n_px == d->cap_px) {
        size_t cap = d->cap_px ? d->cap_px * 2 : 256;
        prefix_entry *v = realloc(d->px, cap * sizeof *v);
        if (!v)
            return false;
        d->px = v;
        d->cap_px = cap;
    }
    REHASH(d, d->px_t, d->px, d->n_px);
    size_t keep = len < d->opt.prefix_max ? len : d->opt.prefix_max;
    prefix_entry *e = &d->px[d->n_px];
    e->prefix = malloc(keep);
    if (!e->prefix)
        return false;
    memcpy(e->prefix, key, keep);
    d->prefix_bytes += keep;
    e->h = head_hash(d, key);
    e->excerpt = excerpt;
    e->key_len = len;
    memcpy(e->answer_id, answer_id, CN_ID_LEN + 1);
    memcpy(e->question_id, question_id, CN_ID_LEN + 1);
    size_t b = (size_t)(e->h % d->px_t.nb);
    e->next = d->px_t.heads[b];
    d->px_t.heads[b] = (uint32_t)d->n_px++;
    return true;
}

/* Digest of a key under the scoping rule: long keys stand alone, short ones
 * only within their question. */
static uint64_t key_hash(const cn_dedup *d, const char *key, size_t len, const char *qid, char *id)
{
    return hash_key(len >= d->opt.min_key ? NULL : qid, key, len, id);
}

static void free_keys(akey *k, size_t n)
{
    for (size_t i = 0; k && i < n; i++) {
        free(k[i].key);
        free(k[i].alt);
    }
    free(k);
}

/* Keys of every answer: of its text, else of its title, else of its index. */
static bool make_keys(const cn_page *page, akey *k)
{
    for (size_t i = 0; i < page->n_answers; i++) {
        const cn_answer *a = &page->answers[i];
        const char *t = a->text ? a->text : "";
        k[i].key = cn_text_dedup_key(t, strlen(t));
        if (k[i].key && !*k[i].key && a->title) {
            free(k[i].key);
            k[i].key = cn_text_dedup_key(a->title, strlen(a->title));
        }
        if (k[i].key && !*k[i].key) {
            free(k[i].key);
            char tmp[32];
            snprintf(tmp, sizeof tmp, "#%zu", a->index);
            k[i].key = strdup(tmp);
        }
        if (!k[i].key)
            return false;
        k[i].len = strlen(k[i].key);
        if (a->match_text) {
            k[i].alt = cn_text_dedup_key(a->match_text, strlen(a->match_text));
            if (!k[i].alt)
                return false;
            k[i].alt_len = strlen(k[i].alt);
            if (k[i].alt_len == 0 || strcmp(k[i].alt, k[i].key) == 0) {
                free(k[i].alt);
                k[i].alt = NULL;
            }
        }
    }
    return true;
}

/* Answers [0, *end) are not in the trailing run of excerpts (the whole page
 * when it has nothing but excerpts). */
static size_t before_trailing_excerpts(const cn_page *page)
{
    size_t end = page->n_answers;
    while (end > 0 && page->answers[end - 1].excerpt)
        end--;
    return end > 0 ? end : page->n_answers;
}

/* The question of an earlier answer that answer i repeats, or NULL. A full
 * answer repeats by key; an excerpt by prefix, unless it is in the trailing
 * run, where related-question excerpts sit. */
static const char *shared_question(const cn_dedup *d, const cn_page *page, size_t i, const akey *k,
                                   size_t trailing)
{
    if (page->answers[i].excerpt) {
        if (i >= trailing || k->len < d->opt.excerpt_min_key)
            return NULL;
        const prefix_entry *p = find_full_for_excerpt(d, k->key, k->len);
        return p ? p->question_id : NULL;
    }
    const exact_entry *e = NULL;
    if (k->len >= d->opt.min_key)
        e = exact_find(d, hash_key(NULL, k->key, k->len, NULL));
    if (!e && k->alt && k->alt_len >= d->opt.min_key)
        e = exact_find(d, hash_key(NULL, k->alt, k->alt_len, NULL));
    return e ? e->question_id : NULL;
}

/* The page's question: joined to an earlier one through a shared (long)
 * answer, else from its title, else from its answers. */
static bool question_id(const cn_dedup *d, cn_page *page, const akey *k)
{
    size_t trailing = before_trailing_excerpts(page);
    for (size_t i = 0; i < page->n_answers; i++) {
        const char *q = shared_question(d, page, i, &k[i], trailing);
        if (q) {
            memcpy(page->question_id, q, CN_ID_LEN + 1);
            return true;
        }
    }
    if (page->question) {
        char *q = cn_text_dedup_key(page->question, strlen(page->question));
        if (!q)
            return false;
        bool used = *q != '\0';
        if (used)
            hash_key("q", q, strlen(q), page->question_id);
        free(q);
        if (used)
            return true;
    }
    cn_sha256_ctx ctx;
    unsigned char dg[32];
    cn_sha256_init(&ctx);
    cn_sha256_update(&ctx, "p\n", 2);
    bool any = false;
    for (int pass = 0; pass < 2 && !any; pass++) {
        for (size_t i = 0; i < page->n_answers; i++) {
            if (pass == 0 && page->answers[i].excerpt)
                continue;
            cn_sha256_update(&ctx, k[i].key, k[i].len);
            cn_sha256_update(&ctx, "\n", 1);
            any = true;
        }
    }
    if (!any && page->file)
        cn_sha256_update(&ctx, page->file, strlen(page->file));
    cn_sha256_final(&ctx, dg);
    cn_sha256_digest_hex(dg, page->question_id, CN_ID_LEN);
    return true;
}

/* Look answer i up: an equal key, or for excerpts a prefix. */
static void find_duplicate(cn_dedup *d, cn_page *page, size_t i, akey *k)
{
    cn_answer *a = &page->answers[i];
    const exact_entry *e = exact_find(d, k->h);
    if (!e && k->alt)
        e = exact_find(d, k->alt_h);
    if (e) {
        memcpy(a->duplicate_of, e->answer_id, CN_ID_LEN + 1);
        memcpy(k->canon_qid, e->question_id, CN_ID_LEN + 1);
        return;
    }
    if (k->len < d->opt.excerpt_min_key)
        return;
    const prefix_entry *p =
        a->excerpt ? find_full_for_excerpt(d, k->key, k->len) : find_excerpt_of(d, k->key, k->len);
    if (!p)
        return;
    if (strcmp(p->question_id, page->question_id) != 0) {
        k->other_question = a->excerpt;
        return;
    }
    memcpy(a->duplicate_of, p->answer_id, CN_ID_LEN + 1);
    memcpy(k->canon_qid, p->question_id, CN_ID_LEN + 1);
}

static bool index_answer(cn_dedup *d, const cn_page *page, size_t i, const akey *k)
{
    const cn_answer *a = &page->answers[i];
    bool dup = a->duplicate_of[0] != '\0';
    const char *aid = dup ? a->duplicate_of : a->answer_id;
    const char *q = k->canon_qid[0] ? k->canon_qid : page->question_id;
    if (!exact_add(d, k->h, aid, q) || (k->alt && !exact_add(d, k->alt_h, aid, q)))
        return false;
    if (dup)
        return true;
    d->distinct++;
    if (k->len >= d->opt.excerpt_min_key && !prefix_add(d, k->key, k->len, a->excerpt, aid, q))
        return false;
    return true;
}

/* Related-question excerpts: excerpts of another question's answers, and on a
 * flat page with full answers the trailing excerpts that repeat nothing. */
static void mark_related(cn_page *page, const akey *k)
{
    bool full = false;
    for (size_t i = 0; i < page->n_answers; i++)
        full |= !page->answers[i].excerpt;
    for (size_t i = 0; i < page->n_answers; i++)
        if (k[i].other_question)
            page->answers[i].related = true;
    if (page->format != CN_FORMAT_FLAT || !full)
        return;
    for (size_t i = page->n_answers; i > 0 && page->answers[i - 1].excerpt; i--)
        if (!page->answers[i - 1].duplicate_of[0])
            page->answers[i - 1].related = true;
}

int cn_dedup_assign(cn_dedup *d, cn_page *page, cn_error *err)
{
    akey *k = calloc(page->n_answers ? page->n_answers : 1, sizeof *k);
    if (!k || !make_keys(page, k) || !question_id(d, page, k)) {
        free_keys(k, page->n_answers);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    bool ok = true;
    for (size_t i = 0; i < page->n_answers && ok; i++) {
        cn_answer *a = &page->answers[i];
        a->duplicate_of[0] = '\0';
        a->related = false;
        k[i].h = key_hash(d, k[i].key, k[i].len, page->question_id, a->answer_id);
        if (k[i].alt)
            k[i].alt_h = key_hash(d, k[i].alt, k[i].alt_len, page->question_id, NULL);
        find_duplicate(d, page, i, &k[i]);
        /* Full answers are indexed at once, so a repeat on the same page is found. */
        if (!a->excerpt)
            ok = index_answer(d, page, i, &k[i]);
    }
    if (ok) {
        mark_related(page, k);
        for (size_t i = 0; i < page->n_answers && ok; i++)
            if (page->answers[i].excerpt && !page->answers[i].related)
                ok = index_answer(d, page, i, &k[i]);
    }
    free_keys(k, page->n_answers);
    return ok ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}
