/*
 * test_dedup_spill: the de-duplication index past its memory budget, with its
 * bulky parts on disk (cn_diskmap, cn_diskarray), gives every page the same
 * question_id and every answer the same answer_id, duplicate_of and related
 * as the index all in memory: generated sequences of pages with repeats,
 * renderings with sign-offs (match_text), excerpts ("...") long and short,
 * answers cut by the page's end, answers sharing long prefixes, short answers
 * and flat pages with trailing excerpts, compared field by field, with the
 * index on disk from the first page and from the middle of the sequence.
 * Also: cn_diskmap against a plain table (growth, waiting writes, a cache of
 * a few blocks, filters of no, few and many bits), and failures of the scratch files reported as
 * CN_ERR_IO (a folder that does not exist, a file size limit) on that page and every later one.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "cn_dedup.h"
#include "cn_diskmap.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

/* ---- generated pages --------------------------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return r->s >> 33;
}

static size_t below(rng *r, size_t n)
{
    return (size_t)(next(r) % n);
}

/* n lower-case letters (the key is the text itself). */
static char *letters(rng *r, size_t n)
{
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + below(r, 26));
    s[n] = '\0';
    return s;
}

/* The first n characters of s and then tail (NULL: none). */
static char *head_then(const char *s, size_t n, const char *tail)
{
    size_t lt = tail ? strlen(tail) : 0;
    char *h = malloc(n + lt + 1);
    memcpy(h, s, n);
    memcpy(h + n, tail ? tail : "", lt + 1);
    return h;
}

/* An answer as generated, so that the same page can be built twice. */
typedef struct spec_answer {
    char *text, *match_text;
    bool excerpt, truncated;
} spec_answer;

typedef struct spec_page {
    char *question; /* NULL: untitled */
    cn_page_format format;
    spec_answer a[6];
    size_t n;
} spec_page;

/* Texts of the full answers so far, for repeats, excerpts and cut copies. */
typedef struct pool {
    char **v;
    size_t n, cap;
} pool;

static void pool_add(pool *p, const char *s)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->v = realloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n++] = strdup(s);
}

/* One answer of a kind drawn at random. */
static spec_answer gen_answer(rng *r, pool *full)
{
    spec_answer a = {0};
    size_t kind = full->n ? below(r, 10) : 0;
    const char *old = full->n ? full->v[below(r, full->n)] : NULL;
    size_t old_len = old ? strlen(old) : 0;
    switch (kind) {
    case 0: /* new, of any length: short (question-scoped), around the
             * checkpoints, past prefix_max */
    case 1: {
        size_t lens[] = {12, 30, 47, 48, 55, 64, 70, 96, 127, 128, 129, 200, 400};
        a.text = letters(r, lens[below(r, sizeof lens / sizeof lens[0])] + below(r, 3));
        break;
    }
    case 2: /* a repeat */
        a.text = strdup(old);
        break;
    case 3: { /* a rendering with a sign-off */
        a.text = head_then(old, old_len, "drsmithmd");
        a.match_text = strdup(old);
        break;
    }
    case 4:
    case 5: { /* an excerpt: long enough to match by prefix, or not */
        size_t n = 20 + below(r, old_len > 20 ? old_len - 19 : 1);
        a.text = head_then(old, n < old_len ? n : old_len, "...");
        a.excerpt = true;
        break;
    }
    case 6: { /* cut by the page's end */
        size_t n = 40 + below(r, old_len > 40 ? old_len - 39 : 1);
        a.text = head_then(old, n < old_len ? n : old_len, NULL);
        a.truncated = true;
        break;
    }
    case 7: { /* the same start, then something else */
        char *tail = letters(r, 1 + below(r, 150));
        size_t n = 40 + below(r, old_len > 40 ? old_len - 39 : 1);
        a.text = head_then(old, n < old_len ? n : old_len, tail);
        free(tail);
        break;
    }
    case 8: /* an excerpt of something never seen */
        a.text = letters(r, 48 + below(r, 100));
        a.excerpt = true;
        break;
    default: /* a short answer many questions share */
        a.text = strdup(below(r, 2) ? "totallyfineforyou" : "askyourdoctorfirst");
        break;
    }
    return a;
}

static spec_page gen_page(rng *r, pool *full)
{
    spec_page p = {0};
    size_t q = below(r, 400);
    if (q) {
        char buf[64];
        snprintf(buf, sizeof buf, "Question number %zu?", q % 150);
        p.question = strdup(buf);
    }
    p.format = below(r, 4) ? CN_FORMAT_STRUCTURED : CN_FORMAT_FLAT;
    p.n = 1 + below(r, 5);
    for (size_t i = 0; i < p.n; i++)
        p.a[i] = gen_answer(r, full);
    if (p.format == CN_FORMAT_FLAT && below(r, 2) && p.n < 6) /* a trailing excerpt */
        p.a[p.n++] = (spec_answer){head_then(full->n ? full->v[0] : "abcdefghij", 10, "..."), NULL,
                                   true, false};
    for (size_t i = 0; i < p.n; i++)
        if (!p.a[i].excerpt && !p.a[i].truncated)
            pool_add(full, p.a[i].text);
    return p;
}

static cn_page *build(const spec_page *s)
{
    cn_page *p = calloc(1, sizeof *p);
    p->format = s->format;
    p->question = s->question ? strdup(s->question) : NULL;
    p->file = strdup("gen.txt");
    p->answers = calloc(s->n, sizeof *p->answers);
    p->n_answers = s->n;
    for (size_t i = 0; i < s->n; i++) {
        cn_answer *a = &p->answers[i];
        a->index = i + 1;
        a->text = strdup(s->a[i].text);
        a->match_text = s->a[i].match_text ? strdup(s->a[i].match_text) : NULL;
        a->excerpt = s->a[i].excerpt;
        a->truncated = s->a[i].truncated;
    }
    return p;
}

static void spec_free(spec_page *s)
{
    free(s->question);
    for (size_t i = 0; i < s->n; i++) {
        free(s->a[i].text);
        free(s->a[i].match_text);
    }
}

/* What the sequence exercised, so a run that matched nothing fails. */
typedef struct seen {
    size_t dup, dup_excerpt, dup_truncated, related;
} seen;

/* n_pages generated pages through an index in memory and one with budget
 * (bytes): every field the same. */
static void compare_run(uint64_t seed, size_t n_pages, size_t budget, seen *sn)
{
    cn_dedup_options mem = {40, 48, 128, 0, NULL};
    cn_dedup_options disk = {40, 48, 128, budget, NULL};
    cn_dedup *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&mem, &a, NULL), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&disk, &b, NULL), CN_OK);
    rng r = {seed};
    pool full = {0};
    size_t differ = 0, spilled_at = SIZE_MAX;
    for (size_t i = 0; i < n_pages; i++) {
        spec_page s = gen_page(&r, &full);
        cn_page *pa = build(&s), *pb = build(&s);
        cn_error err = {0};
        CU_ASSERT_EQUAL_FATAL(cn_dedup_assign(a, pa, &err), CN_OK);
        CU_ASSERT_EQUAL_FATAL(cn_dedup_assign(b, pb, &err), CN_OK);
        if (spilled_at == SIZE_MAX && cn_dedup_spilled(b))
            spilled_at = i;
        differ += strcmp(pa->question_id, pb->question_id) != 0;
        for (size_t k = 0; k < s.n; k++) {
            const cn_answer *x = &pa->answers[k], *y = &pb->answers[k];
            differ += strcmp(x->answer_id, y->answer_id) != 0;
            differ += strcmp(x->duplicate_of, y->duplicate_of) != 0;
            differ += x->related != y->related;
            sn->dup += x->duplicate_of[0] != '\0';
            sn->dup_excerpt += x->duplicate_of[0] && x->excerpt;
            sn->dup_truncated += x->duplicate_of[0] && x->truncated;
            sn->related += x->related;
        }
        cn_page_free(pa);
        cn_page_free(pb);
        spec_free(&s);
    }
    CU_ASSERT_EQUAL(differ, 0);
    CU_ASSERT_TRUE(cn_dedup_spilled(b));
    CU_ASSERT_FALSE(cn_dedup_spilled(a));
    CU_ASSERT_EQUAL(cn_dedup_count(a), cn_dedup_count(b));
    /* budget 1: on disk from the first page; a larger one: part way through */
    if (budget <= 1)
        CU_ASSERT_EQUAL(spilled_at, 0);
    if (budget > (1 << 20))
        CU_ASSERT_TRUE(spilled_at > 0 && spilled_at < n_pages);
    for (size_t i = 0; i < full.n; i++)
        free(full.v[i]);
    free(full.v);
    cn_dedup_free(a);
    cn_dedup_free(b);
}

static void test_spill_from_the_start(void)
{
    seen sn = {0};
    compare_run(1, 4000, 1, &sn);
    compare_run(2, 4000, 1, &sn);
    CU_ASSERT_TRUE(sn.dup > 100);
    CU_ASSERT_TRUE(sn.dup_excerpt > 10);
    CU_ASSERT_TRUE(sn.dup_truncated > 10);
    CU_ASSERT_TRUE(sn.related > 10);
}

static void test_spill_part_way(void)
{
    seen sn = {0};
    /* ~110 bytes a distinct answer in memory: 2 MiB is passed after ~20,000 */
    compare_run(3, 16000, (size_t)2 << 20, &sn);
    CU_ASSERT_TRUE(sn.dup > 1000);
    CU_ASSERT_TRUE(sn.dup_excerpt > 100);
}

/* ---- the map on disk --------------------------------------------------- */

/* Random finds, puts and sets against a plain array, with a filter of
 * filter_bytes (0: none; small: most absent keys still read). */
static void diskmap_as_a_table(size_t filter_bytes)
{
    cn_blockcache *c = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_blockcache_new(0, &c, NULL), CN_OK); /* the fewest blocks */
    cn_diskmap *m = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_diskmap_new(c, NULL, 0, 0, filter_bytes, &m, NULL), CN_OK);
    enum { N = 60000 };
    uint32_t *ref = malloc(N * sizeof *ref); /* key i's value, or NONE */
    for (size_t i = 0; i < N; i++)
        ref[i] = CN_DISKMAP_NONE;
    rng r = {7};
    size_t wrong = 0;
    for (size_t step = 0; step < 200000; step++) {
        size_t i = below(&r, N);
        /* keys are well mixed; tag i % 3 (the same number under two tags
         * would be two keys) */
        uint64_t key = (uint64_t)i * 0x9E3779B97F4A7C15ULL ^ 0x5555;
        uint32_t tag = (uint32_t)(i % 3), v = (uint32_t)step, got;
        cn_error err = {0};
        switch (below(&r, 3)) {
        case 0:
            CU_ASSERT_EQUAL_FATAL(cn_diskmap_find(m, tag, key, &got, &err), CN_OK);
            wrong += got != ref[i];
            break;
        case 1:
            CU_ASSERT_EQUAL_FATAL(cn_diskmap_put(m, tag, key, v, &got, &err), CN_OK);
            wrong += got != ref[i];
            ref[i] = v;
            break;
        default:
            CU_ASSERT_EQUAL_FATAL(cn_diskmap_set(m, tag, key, v, &err), CN_OK);
            ref[i] = v;
        }
    }
    for (size_t i = 0; i < N; i++) {
        uint32_t got;
        uint64_t key = (uint64_t)i * 0x9E3779B97F4A7C15ULL ^ 0x5555;
        CU_ASSERT_EQUAL_FATAL(cn_diskmap_find(m, (uint32_t)(i % 3), key, &got, NULL), CN_OK);
        wrong += got != ref[i];
    }
    CU_ASSERT_EQUAL(wrong, 0);
    free(ref);
    cn_diskmap_free(m);
    cn_blockcache_free(c);
}

static void test_diskmap_as_a_table(void)
{
    diskmap_as_a_table(0);
    diskmap_as_a_table(4096);
    diskmap_as_a_table(1 << 20);
}

/* ---- failures ---------------------------------------------------------- */

/* Pages until one fails; its error, and that the next fails the same way. */
static int feed_until_failure(cn_dedup *d, size_t max_pages, cn_error *err)
{
    rng r = {11};
    pool full = {0};
    int rc = CN_OK;
    for (size_t i = 0; i < max_pages && rc == CN_OK; i++) {
        spec_page s = gen_page(&r, &full);
        cn_page *p = build(&s);
        rc = cn_dedup_assign(d, p, err);
        cn_page_free(p);
        spec_free(&s);
    }
    if (rc != CN_OK) {
        spec_page s = gen_page(&r, &full);
        cn_page *p = build(&s);
        cn_error again = {0};
        CU_ASSERT_EQUAL(cn_dedup_assign(d, p, &again), rc);
        cn_page_free(p);
        spec_free(&s);
    }
    for (size_t i = 0; i < full.n; i++)
        free(full.v[i]);
    free(full.v);
    return rc;
}

static void test_scratch_folder_missing(void)
{
    cn_dedup_options opt = {40, 48, 128, 1, "/nonexistent-consensus-test/dir"};
    cn_dedup *d = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&opt, &d, NULL), CN_OK);
    cn_error err = {0};
    CU_ASSERT_EQUAL(feed_until_failure(d, 10, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent-consensus-test/dir"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "de-duplication index"));
    cn_dedup_free(d);
}

/* A write the file size limit refuses (EFBIG; SIGXFSZ ignored meanwhile). */
static void test_write_refused(void)
{
    struct rlimit old;
    CU_ASSERT_EQUAL_FATAL(getrlimit(RLIMIT_FSIZE, &old), 0);
    struct rlimit small = {256 << 10, old.rlim_max};
    if (old.rlim_max != RLIM_INFINITY && old.rlim_max < small.rlim_cur)
        return; /* cannot set a limit here */
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    cn_dedup_options opt = {40, 48, 128, 1, NULL};
    cn_dedup *d = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&opt, &d, NULL), CN_OK);
    CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &small), 0);
    cn_error err = {0};
    int rc = feed_until_failure(d, 100000, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, was);
    CU_ASSERT_EQUAL(rc, CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cannot write"));
    cn_dedup_free(d);
}

int main(void)
{
    static const tu_test tests[] = {
        {"on disk from the first page, same answers", test_spill_from_the_start},
        {"on disk part way through, same answers", test_spill_part_way},
        {"the map on disk as a plain table", test_diskmap_as_a_table},
        {"a scratch folder that does not exist", test_scratch_folder_missing},
        {"a write refused by the file size limit", test_write_refused},
        {NULL, NULL},
    };
    return tu_run_suite("dedup_spill", tests);
}
