/*
 * test_dedup: the de-duplication index on pages built in memory: exact
 * duplicates (text and match_text), excerpts matched by prefix (same question:
 * duplicate; other question: related), the minimum excerpt length, answers
 * that share a long prefix and differ later (each checkpoint, past
 * prefix_max, the latest long enough answer), excerpts seen before their full
 * answer, keys of 65,535 characters and more, single-character differences at every position (no
 * false match without a verification step), many keys at once, and bytes per answer,
 * excerpts chained at one prefix, and a prefix shared by many answers kept once.
 *
 * Keys are lower-case letters only, so an answer's key is its text and key
 * lengths are exact. Limits are the shipped ones: dedup_min_key 40,
 * excerpt_min_key 48, excerpt_prefix_max 128 (checkpoints 48, 64, ..., 128).
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "cn_dedup.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cn_dedup_options OPT = {40, 48, 128, 0, NULL};

/* n pseudo-random lower-case letters from seed (no spaces: the key is the text). */
static char *letters(uint64_t seed, size_t n)
{
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        s[i] = (char)('a' + (seed >> 33) % 26);
    }
    s[n] = '\0';
    return s;
}

/* The first n characters of s (n <= strlen(s)). */
static char *head(const char *s, size_t n)
{
    char *h = malloc(n + 1);
    memcpy(h, s, n);
    h[n] = '\0';
    return h;
}

/* a + b, freeing neither. */
static char *cat(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb + 1);
    return s;
}

/* A page with n answers; question NULL for an untitled page. Texts are copied;
 * excerpt[i] marks a cut-off answer (excerpt may be NULL: none). */
static cn_page *page(cn_page_format format, const char *question, size_t n,
                     const char *const *texts, const bool *excerpt)
{
    cn_page *p = calloc(1, sizeof *p);
    p->format = format;
    p->question = question ? strdup(question) : NULL;
    p->file = strdup("test.txt");
    p->answers = calloc(n, sizeof *p->answers);
    p->n_answers = n;
    for (size_t i = 0; i < n; i++) {
        p->answers[i].index = i + 1;
        p->answers[i].text = strdup(texts[i]);
        p->answers[i].excerpt = excerpt && excerpt[i];
    }
    return p;
}

/* One-answer structured page under question q. */
static cn_page *one(cn_dedup *d, const char *q, const char *text, bool excerpt)
{
    const char *t[] = {text};
    bool e[] = {excerpt};
    cn_page *p = page(CN_FORMAT_STRUCTURED, q, 1, t, e);
    CU_ASSERT_EQUAL(cn_dedup_assign(d, p, NULL), CN_OK);
    return p;
}

static cn_dedup *new_index(void)
{
    cn_dedup *d = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&OPT, &d, NULL), CN_OK);
    return d;
}

static void test_exact_duplicate(void)
{
    cn_dedup *d = new_index();
    char *x = letters(1, 300), *y = letters(2, 300);
    cn_page *a = one(d, "First question?", x, false);
    /* the same answer under another title joins that question */
    const char *t[] = {y, x};
    cn_page *b = page(CN_FORMAT_STRUCTURED, "Second question?", 2, t, NULL);
    CU_ASSERT_EQUAL(cn_dedup_assign(d, b, NULL), CN_OK);
    CU_ASSERT_STRING_EQUAL(b->question_id, a->question_id);
    CU_ASSERT_STRING_EQUAL(b->answers[1].answer_id, a->answers[0].answer_id);
    CU_ASSERT_STRING_EQUAL(b->answers[1].duplicate_of, a->answers[0].answer_id);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    CU_ASSERT_FALSE(b->answers[1].related);
    /* a rendering with a sign-off matches through match_text */
    cn_page *c = page(CN_FORMAT_STRUCTURED, "Third question?", 1, (const char *[]){"signed"}, NULL);
    free(c->answers[0].text);
    c->answers[0].text = cat(y, "drjones");
    c->answers[0].match_text = strdup(y);
    CU_ASSERT_EQUAL(cn_dedup_assign(d, c, NULL), CN_OK);
    CU_ASSERT_STRING_EQUAL(c->answers[0].duplicate_of, b->answers[0].answer_id);
    CU_ASSERT_EQUAL(cn_dedup_count(d), 2);
    cn_page_free(a);
    cn_page_free(b);
    cn_page_free(c);
    free(x);
    free(y);
    cn_dedup_free(d);
}

static void test_short_keys_stay_in_their_question(void)
{
    cn_dedup *d = new_index();
    cn_page *a = one(d, "Can I fly?", "totallyfine", false);
    cn_page *b = one(d, "Can I swim?", "totallyfine", false);
    CU_ASSERT_STRING_NOT_EQUAL(b->question_id, a->question_id);
    CU_ASSERT_STRING_NOT_EQUAL(b->answers[0].answer_id, a->answers[0].answer_id);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    cn_page *c = one(d, "Can I fly?", "totallyfine", false);
    CU_ASSERT_STRING_EQUAL(c->answers[0].duplicate_of, a->answers[0].answer_id);
    cn_page_free(a);
    cn_page_free(b);
    cn_page_free(c);
    cn_dedup_free(d);
}

/* An excerpt of a longer answer: a duplicate under the same question, a
 * related-question excerpt under another, at every checkpoint and past
 * prefix_max; an excerpt longer than every answer matches nothing. */
static void test_excerpt_of_longer_answer(void)
{
    static const size_t lens[] = {48, 64, 80, 96, 112, 128, 129, 200, 299};
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
        cn_dedup *d = new_index();
        char *f = letters(3, 300), *e = head(f, lens[i]), *g = letters(30 + i, 100);
        cn_page *a = one(d, "Is it safe?", f, false);
        /* after a page's own answers (a page of nothing but that excerpt
         * would join the question it repeats); related excerpts are not
         * indexed, a repeat of this one would match by key */
        const char *t[] = {g, e};
        const bool ex[] = {false, true};
        cn_page *other = page(CN_FORMAT_STRUCTURED, "Something else?", 2, t, ex);
        CU_ASSERT_EQUAL(cn_dedup_assign(d, other, NULL), CN_OK);
        CU_ASSERT_STRING_NOT_EQUAL(other->question_id, a->question_id);
        CU_ASSERT_STRING_EQUAL(other->answers[1].duplicate_of, "");
        CU_ASSERT_TRUE(other->answers[1].related);
        cn_page *same = one(d, "Is it safe?", e, true);
        CU_ASSERT_STRING_EQUAL(same->answers[0].duplicate_of, a->answers[0].answer_id);
        CU_ASSERT_FALSE(same->answers[0].related);
        cn_page_free(a);
        cn_page_free(same);
        cn_page_free(other);
        free(f);
        free(e);
        free(g);
        cn_dedup_free(d);
    }
    cn_dedup *d = new_index();
    char *f = letters(3, 300), *tail = letters(4, 10), *e = cat(f, tail);
    cn_page *a = one(d, "Is it safe?", f, false);
    cn_page *b = one(d, "Is it safe?", e, true);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    cn_page_free(a);
    cn_page_free(b);
    free(f);
    free(tail);
    free(e);
    cn_dedup_free(d);
}

/* Below excerpt_min_key an excerpt is not matched by prefix; at it, it is. */
static void test_excerpt_minimum(void)
{
    cn_dedup *d = new_index();
    char *f = letters(5, 200), *e47 = head(f, 47), *e48 = head(f, 48);
    cn_page *a = one(d, "Is it safe?", f, false);
    cn_page *b = one(d, "Is it safe?", e47, true);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    cn_page *c = one(d, "Is it safe?", e48, true);
    CU_ASSERT_STRING_EQUAL(c->answers[0].duplicate_of, a->answers[0].answer_id);
    /* and a full answer does not repeat a short excerpt seen before it */
    cn_dedup *d2 = new_index();
    cn_page *x = one(d2, "Is it safe?", e47, true);
    cn_page *y = one(d2, "Is it safe?", f, false);
    CU_ASSERT_STRING_EQUAL(y->answers[0].duplicate_of, "");
    cn_page_free(a);
    cn_page_free(b);
    cn_page_free(c);
    cn_page_free(x);
    cn_page_free(y);
    free(f);
    free(e47);
    free(e48);
    cn_dedup_free(d);
    cn_dedup_free(d2);
}

/* Two answers share their first 100 characters and differ after. An excerpt
 * compared at a checkpoint past the difference finds the one it starts, even
 * when the other came later; one that stops before the difference finds the
 * latest (both start with it). */
static void test_shared_prefix_differs_later(void)
{
    cn_dedup *d = new_index();
    char *common = letters(6, 100), *t1 = letters(7, 150), *t2 = letters(8, 150);
    char *f1 = cat(common, t1), *f2 = cat(common, t2);
    cn_page *a = one(d, "Is it safe?", f1, false);
    cn_page *b = one(d, "Is it safe?", f2, false);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    char *e112 = head(f1, 112), *e128 = head(f1, 128), *e96 = head(f1, 96);
    cn_page *c = one(d, "Is it safe?", e112, true);
    CU_ASSERT_STRING_EQUAL(c->answers[0].duplicate_of, a->answers[0].answer_id);
    cn_page *c2 = one(d, "Is it safe?", e128, true);
    CU_ASSERT_STRING_EQUAL(c2->answers[0].duplicate_of, a->answers[0].answer_id);
    cn_page *c3 = one(d, "Is it safe?", e96, true);
    CU_ASSERT_STRING_EQUAL(c3->answers[0].duplicate_of, b->answers[0].answer_id);
    /* the documented limit: an excerpt ending between checkpoints (105) is
     * compared on the last one it reaches (96), before the difference (100) */
    char *e105 = head(f1, 105);
    cn_page *c4 = one(d, "Is it safe?", e105, true);
    CU_ASSERT_STRING_EQUAL(c4->answers[0].duplicate_of, b->answers[0].answer_id);
    cn_page *pages[] = {a, b, c, c2, c3, c4};
    for (size_t i = 0; i < 6; i++)
        cn_page_free(pages[i]);
    char *frees[] = {common, t1, t2, f1, f2, e112, e128, e96, e105};
    for (size_t i = 0; i < 9; i++)
        free(frees[i]);
    cn_dedup_free(d);
}

/* Past prefix_max only lengths are compared: an excerpt takes the latest
 * answer at least as long as it, not the latest answer. */
static void test_latest_long_enough(void)
{
    cn_dedup *d = new_index();
    char *common = letters(9, 140), *t1 = letters(10, 160), *t2 = letters(11, 40);
    char *t3 = letters(12, 60);
    char *f1 = cat(common, t1), *f2 = cat(common, t2), *f3 = cat(common, t3);
    cn_page *a = one(d, "Is it safe?", f1, false); /* 300 */
    cn_page *b = one(d, "Is it safe?", f3, false); /* 200 */
    cn_page *c = one(d, "Is it safe?", f2, false); /* 180 */
    char *e250 = head(f1, 250), *e190 = head(f1, 190), *e150 = head(f1, 150);
    cn_page *x = one(d, "Is it safe?", e250, true);
    CU_ASSERT_STRING_EQUAL(x->answers[0].duplicate_of, a->answers[0].answer_id);
    cn_page *y = one(d, "Is it safe?", e190, true);
    CU_ASSERT_STRING_EQUAL(y->answers[0].duplicate_of, b->answers[0].answer_id);
    cn_page *z = one(d, "Is it safe?", e150, true);
    CU_ASSERT_STRING_EQUAL(z->answers[0].duplicate_of, c->answers[0].answer_id);
    /* the same below prefix_max, where answers end between checkpoints */
    cn_dedup *d2 = new_index();
    char *s = letters(13, 300), *s70 = head(s, 70), *s66 = head(s, 66), *e68 = head(s, 68);
    cn_page *p1 = one(d2, "Is it safe?", s, false);
    cn_page *p2 = one(d2, "Is it safe?", s70, false);
    cn_page *p3 = one(d2, "Is it safe?", s66, false);
    cn_page *q = one(d2, "Is it safe?", e68, true);
    CU_ASSERT_STRING_EQUAL(q->answers[0].duplicate_of, p2->answers[0].answer_id);
    cn_page *pages[] = {a, b, c, x, y, z, p1, p2, p3, q};
    for (size_t i = 0; i < 10; i++)
        cn_page_free(pages[i]);
    char *frees[] = {common, t1, t2, t3, f1, f2, f3, e250, e190, e150, s, s70, s66, e68};
    for (size_t i = 0; i < 14; i++)
        free(frees[i]);
    cn_dedup_free(d);
    cn_dedup_free(d2);
}

/* An excerpt indexed before its full answer: the full answer repeats the
 * latest excerpt that starts it, compared exactly up to prefix_max. */
static void test_excerpt_before_full_answer(void)
{
    cn_dedup *d = new_index();
    char *f = letters(14, 300), *e90 = head(f, 90), *e200 = head(f, 200);
    /* g starts like f for 89 characters, then differs */
    char *g = strdup(f);
    g[89] = g[89] == 'a' ? 'b' : 'a';
    const char *t[] = {letters(15, 100), e90};
    bool ex[] = {false, true};
    cn_page *a = page(CN_FORMAT_STRUCTURED, "Is it safe?", 2, t, ex);
    CU_ASSERT_EQUAL(cn_dedup_assign(d, a, NULL), CN_OK);
    CU_ASSERT_FALSE(a->answers[1].related);
    cn_page *b = one(d, "Is it safe?", g, false);
    CU_ASSERT_STRING_EQUAL(b->answers[0].duplicate_of, "");
    cn_page *c = one(d, "Is it safe?", f, false);
    CU_ASSERT_STRING_EQUAL(c->answers[0].duplicate_of, a->answers[1].answer_id);
    /* past prefix_max: the excerpt must not be longer than the answer */
    cn_dedup *d2 = new_index();
    char *f150 = head(f, 150);
    cn_page *x = one(d2, "Is it safe?", e200, true);
    cn_page *y = one(d2, "Is it safe?", f150, false);
    CU_ASSERT_STRING_EQUAL(y->answers[0].duplicate_of, "");
    cn_page *z = one(d2, "Is it safe?", f, false);
    CU_ASSERT_STRING_EQUAL(z->answers[0].duplicate_of, x->answers[0].answer_id);
    cn_page *pages[] = {a, b, c, x, y, z};
    for (size_t i = 0; i < 6; i++)
        cn_page_free(pages[i]);
    free((char *)t[0]);
    char *frees[] = {f, e90, e200, g, f150};
    for (size_t i = 0; i < 5; i++)
        free(frees[i]);
    cn_dedup_free(d);
    cn_dedup_free(d2);
}

/* Keys of 65,535 characters and more have their length kept aside: past
 * prefix_max only lengths tell answers apart, in both directions. */
static void test_very_long_keys(void)
{
    cn_dedup *d = new_index();
    char *common = letters(20, 140), *t1 = letters(21, 80000), *t2 = letters(22, 70000);
    char *f1 = cat(common, t1), *f2 = cat(common, t2); /* 80,140 and 70,140 */
    cn_page *a = one(d, "Is it safe?", f1, false);
    cn_page *b = one(d, "Is it safe?", f2, false);
    char *e75 = head(f1, 75000), *e70 = head(f1, 70100), *e66 = head(f1, 66000);
    cn_page *x = one(d, "Is it safe?", e75, true); /* longer than b: a */
    CU_ASSERT_STRING_EQUAL(x->answers[0].duplicate_of, a->answers[0].answer_id);
    cn_page *y = one(d, "Is it safe?", e70, true);
    CU_ASSERT_STRING_EQUAL(y->answers[0].duplicate_of, b->answers[0].answer_id);
    cn_page *z = one(d, "Is it safe?", e66, true);
    CU_ASSERT_STRING_EQUAL(z->answers[0].duplicate_of, b->answers[0].answer_id);
    cn_page *w = one(d, "Another title?", f1, false);
    CU_ASSERT_STRING_EQUAL(w->answers[0].duplicate_of, a->answers[0].answer_id);
    /* an excerpt first: a full answer shorter than it does not repeat it */
    cn_dedup *d2 = new_index();
    char *f68 = head(f1, 68000);
    cn_page *p = one(d2, "Is it safe?", e70, true);
    cn_page *q = one(d2, "Is it safe?", f68, false);
    CU_ASSERT_STRING_EQUAL(q->answers[0].duplicate_of, "");
    cn_page *r = one(d2, "Is it safe?", f1, false);
    CU_ASSERT_STRING_EQUAL(r->answers[0].duplicate_of, p->answers[0].answer_id);
    cn_page *pages[] = {a, b, x, y, z, w, p, q, r};
    for (size_t i = 0; i < 9; i++)
        cn_page_free(pages[i]);
    char *frees[] = {common, t1, t2, f1, f2, e75, e70, e66, f68};
    for (size_t i = 0; i < 9; i++)
        free(frees[i]);
    cn_dedup_free(d);
    cn_dedup_free(d2);
}

/* No text is kept to verify a fingerprint match, so keys that differ in one
 * character must never share a fingerprint: one difference at each position
 * of the compared prefix (and of the whole key) matches nothing. */
static void test_one_character_differences(void)
{
    cn_dedup *d = new_index();
    char *f = letters(16, 200);
    cn_page *a = one(d, "Is it safe?", f, false);
    size_t matched = 0;
    /* excerpts end at checkpoints (48, 64, ..., 128); the full answer (200)
     * is compared whole */
    static const size_t lens[] = {48, 64, 80, 96, 112, 128, 200};
    for (size_t l = 0; l < sizeof lens / sizeof *lens; l++) {
        size_t len = lens[l];
        for (size_t pos = 0; pos < len; pos++) {
            char *e = head(f, len);
            e[pos] = e[pos] == 'z' ? 'y' : (char)(e[pos] + 1);
            cn_page *p = one(d, "Is it safe?", e, len < 200);
            matched += p->answers[0].duplicate_of[0] != '\0' &&
                       strcmp(p->answers[0].duplicate_of, a->answers[0].answer_id) == 0;
            cn_page_free(p);
            free(e);
        }
    }
    CU_ASSERT_EQUAL(matched, 0);
    cn_page_free(a);
    free(f);
    cn_dedup_free(d);
}

/* Many answers whose keys share their first 47 characters (one long prefix
 * chain in the old index): every repeat and every excerpt of 64 characters
 * or more (their random tails differ by then) finds its own. */
static void test_many_keys(void)
{
    enum { N = 20000 };
    cn_dedup *d = new_index();
    char *common = letters(17, 47);
    char(*ids)[CN_ID_LEN + 1] = malloc(N * sizeof *ids);
    char text[400];
    for (size_t i = 0; i < N; i++) {
        char *tail = letters(1000 + i, 150);
        snprintf(text, sizeof text, "%s%s", common, tail);
        cn_page *p = one(d, "Is it safe?", text, false);
        CU_ASSERT_STRING_EQUAL(p->answers[0].duplicate_of, "");
        memcpy(ids[i], p->answers[0].answer_id, CN_ID_LEN + 1);
        cn_page_free(p);
        free(tail);
    }
    CU_ASSERT_EQUAL(cn_dedup_count(d), N);
    size_t wrong = 0;
    for (size_t i = 0; i < N; i++) {
        char *tail = letters(1000 + i, 150);
        snprintf(text, sizeof text, "%s%s", common, tail);
        cn_page *p = one(d, "Is it safe?", text, false);
        wrong += strcmp(p->answers[0].duplicate_of, ids[i]) != 0;
        cn_page_free(p);
        static const size_t cut[] = {64, 80, 96, 112, 128, 160};
        text[cut[i % 6]] = '\0'; /* an excerpt (at a checkpoint, or past them) */
        p = one(d, "Is it safe?", text, true);
        wrong += strcmp(p->answers[0].duplicate_of, ids[i]) != 0;
        cn_page_free(p);
        free(tail);
    }
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(cn_dedup_count(d), N);
    /* the figure cn_dedup.h documents, with room for the tables' growth */
    CU_ASSERT_TRUE(cn_dedup_bytes(d) < (size_t)N * 220);
    free(ids);
    free(common);
    cn_dedup_free(d);
}

/* Excerpts that share a checkpoint's prefix and differ after it are chained
 * at that prefix, the latest in front: a full answer repeats the latest one
 * that starts it, an older one checked on its whole-key fingerprint, and none
 * when only the shared prefix is the same. */
static void test_excerpt_chain(void)
{
    cn_dedup *d = new_index();
    char *common = letters(40, 80);
    enum { N = 6 };
    char *full[N], *ex[N];
    cn_page *xp[N];
    for (size_t i = 0; i < N; i++) {
        char *tail = letters(41 + i, 200);
        full[i] = cat(common, tail);
        ex[i] = head(full[i], 81 + 2 * i); /* 81..91: all chained at checkpoint 80 */
        free(tail);
        /* an unrelated excerpt between them: more than one record kept aside */
        char *other = letters(60 + i, 70);
        cn_page *o = one(d, "Is it safe?", other, true);
        cn_page_free(o);
        free(other);
        xp[i] = one(d, "Is it safe?", ex[i], true);
        CU_ASSERT_STRING_EQUAL(xp[i]->answers[0].duplicate_of, "");
    }
    for (size_t i = 0; i < N; i++) {
        cn_page *f = one(d, "Is it safe?", full[i], false);
        CU_ASSERT_STRING_EQUAL(f->answers[0].duplicate_of, xp[i]->answers[0].answer_id);
        cn_page_free(f);
    }
    char *tail = letters(99, 200), *g = cat(common, tail);
    cn_page *f = one(d, "Is it safe?", g, false);
    CU_ASSERT_STRING_EQUAL(f->answers[0].duplicate_of, "");
    cn_page_free(f);
    free(tail);
    free(g);
    for (size_t i = 0; i < N; i++) {
        cn_page_free(xp[i]);
        free(full[i]);
        free(ex[i]);
    }
    free(common);
    cn_dedup_free(d);
}

/* A prefix is kept once, however many answers go through it: the latest of
 * them takes it over. Answers sharing their first 140 characters (every
 * checkpoint) cost the index their id and length and an exact-table slot,
 * not a fingerprint a checkpoint each (58 bytes a record before). */
static void test_shared_prefixes_kept_once(void)
{
    enum { N = 20000 };
    cn_dedup *d = new_index();
    char *common = letters(70, 140);
    char text[300], last_id[CN_ID_LEN + 1] = "";
    for (size_t i = 0; i < N; i++) {
        char *tail = letters(5000 + i, 60);
        snprintf(text, sizeof text, "%s%s", common, tail);
        cn_page *p = one(d, "Is it safe?", text, false);
        CU_ASSERT_STRING_EQUAL(p->answers[0].duplicate_of, "");
        memcpy(last_id, p->answers[0].answer_id, CN_ID_LEN + 1);
        cn_page_free(p);
        free(tail);
    }
    CU_ASSERT_EQUAL(cn_dedup_count(d), N);
    CU_ASSERT_TRUE(cn_dedup_bytes(d) < (size_t)N * 40);
    /* an excerpt of the shared part repeats the latest answer through it */
    static const size_t cut[] = {50, 64, 100, 139};
    for (size_t c = 0; c < 4; c++) {
        char *e = head(common, cut[c]);
        cn_page *x = one(d, "Is it safe?", e, true);
        CU_ASSERT_STRING_EQUAL(x->answers[0].duplicate_of, last_id);
        cn_page_free(x);
        free(e);
    }
    free(common);
    cn_dedup_free(d);
}

int main(void)
{
    static const tu_test tests[] = {
        {"exact duplicate", test_exact_duplicate},
        {"short keys stay in their question", test_short_keys_stay_in_their_question},
        {"excerpt of a longer answer", test_excerpt_of_longer_answer},
        {"excerpt shorter than the minimum", test_excerpt_minimum},
        {"shared prefix, different later", test_shared_prefix_differs_later},
        {"latest answer long enough", test_latest_long_enough},
        {"excerpt before its full answer", test_excerpt_before_full_answer},
        {"very long keys", test_very_long_keys},
        {"one-character differences", test_one_character_differences},
        {"many keys", test_many_keys},
        {"excerpts chained at one prefix", test_excerpt_chain},
        {"shared prefixes kept once", test_shared_prefixes_kept_once},
        {NULL, NULL},
    };
    return tu_run_suite("dedup", tests);
}
