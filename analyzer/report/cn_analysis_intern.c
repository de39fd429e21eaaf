/* cn_analysis_intern: the analysis' one copy of each string (numbered), of each claim key
 * and of each physician, so that records hold numbers instead of strings. */
#include "cn_analysis_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

static const char *str_of(const void *ctx, uint32_t i)
{
    return ((const cn_analysis *)ctx)->strs[i];
}

/* The number of the analysis' copy of s (NO_STR for NULL) into *out. */
int cna_intern_at(cn_analysis *an, const char *s, uint32_t *out, cn_error *err)
{
    *out = NO_STR;
    if (!s)
        return CN_OK;
    int64_t k = cn_idindex_find(an->strings, s, str_of, an);
    if (k >= 0) {
        *out = (uint32_t)k;
        return CN_OK;
    }
    if (an->n_strs >= INT32_MAX ||
        !cn_grow((void **)&an->strs, &an->cap_strs, an->n_strs + 1, sizeof *an->strs))
        return cna_oom(err);
    char *copy = cn_arena_strdup(an->str_arena, s);
    if (!copy)
        return cna_oom(err);
    an->strs[an->n_strs] = copy;
    if (cn_idindex_add(an->strings, s, (uint32_t)an->n_strs, str_of, an))
        return cna_oom(err); /* the copy stays in the arena, unused, until it is freed */
    *out = (uint32_t)an->n_strs++;
    return CN_OK;
}

/* The analysis' copy of s (NULL for NULL) into *out. */
int cna_intern(cn_analysis *an, const char *s, const char **out, cn_error *err)
{
    uint32_t k;
    int rc = cna_intern_at(an, s, &k, err);
    *out = rc == CN_OK ? cna_str_at(an, k) : NULL;
    return rc;
}

static void key_bytes(keybuf *k, const char *s, size_t n)
{
    if (k->failed)
        return;
    if (!cn_grow((void **)&k->s, &k->cap, k->len + n + 1, 1)) {
        k->failed = true;
        return;
    }
    memcpy(k->s + k->len, s, n);
    k->len += n;
    k->s[k->len] = '\0';
}

/* A field of a map key: NULL and "" differ, and no field runs into the next. */
static void key_field(keybuf *k, const char *s)
{
    if (!s) {
        key_bytes(k, "\x1e", 1);
        return;
    }
    key_bytes(k, s, strlen(s));
    key_bytes(k, "\x1f", 1);
}

/* A physician's fields folded into a hash: NULL and "" differ, and no field
 * runs into the next; the rating and reviews only count where given. */
static uint64_t physician_hash(const cn_physician *p)
{
    const char *fields[3] = {p->name, p->city, p->specialty};
    uint64_t h = 1469598103934665603ULL;
    for (int f = 0; f < 3; f++)
        h = (h ^
             (fields[f] ? cn_hash_bytes(fields[f], strlen(fields[f])) : 0x9e3779b97f4a7c15ULL)) *
            1099511628211ULL;
    uint64_t rating = 0;
    if (p->has_rating)
        memcpy(&rating, &p->rating, sizeof rating);
    h = (h ^ rating ^ (uint64_t)p->has_rating << 1 ^ (uint64_t)p->has_reviews) * 1099511628211ULL;
    h = (h ^ (uint64_t)(p->has_reviews ? p->reviews : 0L)) * 1099511628211ULL;
    return h ^ (h >> 29);
}

static bool str_same(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The same fields (a rating compared bit for bit, as one physician's pages
 * print it the same way). */
static bool physician_same(const void *ctx, uint32_t i, const void *probe)
{
    cn_physician rec, *a = &rec;
    cna_physician_at(ctx, i, a);
    const cn_physician *b = probe;
    return str_same(a->name, b->name) && str_same(a->city, b->city) &&
           str_same(a->specialty, b->specialty) && a->has_rating == b->has_rating &&
           (!a->has_rating || !memcmp(&a->rating, &b->rating, sizeof a->rating)) &&
           a->has_reviews == b->has_reviews && (!a->has_reviews || a->reviews == b->reviews);
}

static uint64_t physician_hash_of(const void *ctx, uint32_t i)
{
    cn_physician p;
    cna_physician_at(ctx, i, &p);
    return physician_hash(&p);
}

static uint64_t rating_hash(double rating)
{
    uint64_t bits;
    memcpy(&bits, &rating, sizeof bits);
    bits *= 0x9e3779b97f4a7c15ULL;
    return bits ^ (bits >> 29);
}

static bool rating_same(const void *ctx, uint32_t i, const void *probe)
{
    return !memcmp(&((const cn_analysis *)ctx)->ratings[i], probe, sizeof(double));
}

static uint64_t rating_hash_of(const void *ctx, uint32_t i)
{
    return rating_hash(((const cn_analysis *)ctx)->ratings[i]);
}

/* A given rating's number for phys_rec.rating: 1 + its index among the
 * distinct ratings (the same bits, the same number), added when new. */
static int rating_number(cn_analysis *an, double rating, uint32_t *out, cn_error *err)
{
    if (!an->rating_ids && !(an->rating_ids = cn_idindex_new()))
        return cna_oom(err);
    uint64_t hash = rating_hash(rating);
    int64_t found = cn_idindex_find_hashed(an->rating_ids, hash, rating_same, an, &rating);
    if (found < 0) {
        if (an->n_ratings >= INT32_MAX || !cn_grow((void **)&an->ratings, &an->cap_ratings,
                                                   an->n_ratings + 1, sizeof *an->ratings))
            return cna_oom(err);
        an->ratings[an->n_ratings] = rating;
        if (cn_idindex_add_hashed(an->rating_ids, hash, (uint32_t)an->n_ratings, rating_hash_of,
                                  an))
            return cna_oom(err);
        found = (int64_t)an->n_ratings++;
    }
    *out = (uint32_t)found + 1;
    return CN_OK;
}

/* Physician k's review count for phys_rec.reviews: the count itself when it
 * fits below the two marks, else PHYS_BIG_REVIEWS and a big_reviews entry
 * (physicians are numbered in order, so big_reviews stays sorted). */
static int reviews_number(cn_analysis *an, uint32_t k, const cn_physician *p, uint32_t *out,
                          cn_error *err)
{
    if (!p->has_reviews) {
        *out = PHYS_NO_REVIEWS;
        return CN_OK;
    }
    if (p->reviews >= 0 && (uint64_t)p->reviews < PHYS_BIG_REVIEWS) {
        *out = (uint32_t)p->reviews;
        return CN_OK;
    }
    if (!cn_grow((void **)&an->big_reviews, &an->cap_big_reviews, an->n_big_reviews + 1,
                 sizeof *an->big_reviews))
        return cna_oom(err);
    an->big_reviews[an->n_big_reviews++] = (big_reviews){.physician = k, .reviews = p->reviews};
    *out = PHYS_BIG_REVIEWS;
    return CN_OK;
}

/* The index of a physician with p's fields among the result's physicians
 * (the index keeps 4-byte positions, no key strings: a corpus has about one
 * physician for every three answers). */
int cna_physician_index(cn_analysis *an, const cn_physician *p, size_t *out, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    uint64_t hash = physician_hash(p);
    int64_t found = cn_idindex_find_hashed(an->physician_ids, hash, physician_same, an, p);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (r->n_physicians >= INT32_MAX ||
        !cn_grow((void **)&an->phys, &an->cap_physicians, r->n_physicians + 1, sizeof *an->phys))
        return cna_oom(err);
    phys_rec *d = &an->phys[r->n_physicians];
    memset(d, 0, sizeof *d);
    int rc = p->has_rating ? rating_number(an, p->rating, &d->rating, err) : CN_OK;
    if (rc == CN_OK)
        rc = reviews_number(an, (uint32_t)r->n_physicians, p, &d->reviews, err);
    if (rc == CN_OK)
        rc = cna_intern_at(an, p->name, &d->name, err);
    if (rc == CN_OK)
        rc = cna_intern_at(an, p->city, &d->city, err);
    if (rc == CN_OK)
        rc = cna_intern_at(an, p->specialty, &d->specialty, err);
    if (rc != CN_OK)
        return rc;
    if (cn_idindex_add_hashed(an->physician_ids, hash, (uint32_t)r->n_physicians, physician_hash_of,
                              an))
        return cna_oom(err);
    *out = r->n_physicians++;
    return CN_OK;
}

static const char *summary_of(const void *ctx, uint32_t i)
{
    return ((const cn_analysis *)ctx)->summaries[i];
}

/* t's summary swapped for the analysis' one copy of the same sentence (its
 * own freed): borrowed from then on. */
int cna_share_summary(cn_analysis *an, cn_tally *t, cn_error *err)
{
    if (!t->summary || t->summary_borrowed)
        return CN_OK;
    if (!an->summary_ids && !(an->summary_ids = cn_idindex_new()))
        return cna_oom(err);
    int64_t k = cn_idindex_find(an->summary_ids, t->summary, summary_of, an);
    if (k < 0) {
        if (an->n_summaries >= INT32_MAX || !cn_grow((void **)&an->summaries, &an->cap_summaries,
                                                     an->n_summaries + 1, sizeof *an->summaries))
            return cna_oom(err);
        char *copy = cn_arena_strdup(an->str_arena, t->summary);
        if (!copy)
            return cna_oom(err);
        an->summaries[an->n_summaries] = copy;
        if (cn_idindex_add(an->summary_ids, copy, (uint32_t)an->n_summaries, summary_of, an))
            return cna_oom(err);
        k = (int64_t)an->n_summaries++;
    }
    free(t->summary);
    t->summary = an->summaries[k];
    t->summary_borrowed = true;
    return CN_OK;
}

/* The index of the claim key (id, statement, rule) among an->keys. */
int cna_key_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                  size_t *out, cn_error *err)
{
    keybuf *k = &an->key;
    k->len = 0;
    key_field(k, id);
    key_field(k, statement);
    char ptr[32];
    snprintf(ptr, sizeof ptr, "%p", (const void *)rule);
    key_field(k, ptr);
    if (k->failed)
        return cna_oom(err);
    int found = cn_strmap_get(an->key_ids, k->s);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (an->n_keys >= INT32_MAX ||
        !cn_grow((void **)&an->keys, &an->cap_keys, an->n_keys + 1, sizeof *an->keys))
        return cna_oom(err);
    claim_key *ck = &an->keys[an->n_keys];
    ck->rule = rule;
    int rc = cna_intern(an, id, &ck->id, err);
    if (rc == CN_OK)
        rc = cna_intern(an, statement, &ck->statement, err);
    if (rc != CN_OK)
        return rc;
    if (cn_strmap_put(an->key_ids, k->s, (int)an->n_keys))
        return cna_oom(err);
    *out = an->n_keys++;
    return CN_OK;
}
