/* test_html_prep: report.html's preparation (cn_html_prep). Groups come back
 * in the order given, each with its items' bytes in item order, empty groups
 * included, as often as they are rewound, and leave nothing in their folder;
 * a bad order or item is refused. Key marks equal a plain set's answer
 * whatever the room (one key at a time, shares of a few, all at once), with
 * keys spread over the whole range and crowded into one bucket, and elements
 * without a key left alone. */
#include "testutil.h"

#include "cn_html_prep.h"

#include <stdlib.h>
#include <string.h>

/* ---- groups ---- */

typedef struct items {
    const uint32_t *group;
    const uint8_t *byte;
} items;

static uint32_t item_group(void *ctx, size_t j)
{
    return ((const items *)ctx)->group[j];
}

static uint8_t item_byte(void *ctx, size_t j)
{
    return ((const items *)ctx)->byte[j];
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_groups_round_trip(void)
{
    enum { GROUPS = 5000, ITEMS = 40000 };
    char *dir = tu_mkdtemp();
    CU_ASSERT_FATAL(dir != NULL);
    uint32_t *order = malloc(GROUPS * sizeof *order);
    uint32_t *group = malloc(ITEMS * sizeof *group);
    uint8_t *byte = malloc(ITEMS);
    CU_ASSERT_FATAL(order && group && byte);
    uint64_t s = 0x9e3779b97f4a7c15u;
    for (uint32_t i = 0; i < GROUPS; i++)
        order[i] = i;
    for (size_t i = GROUPS - 1; i > 0; i--) { /* a shuffled order */
        size_t k = rng_next(&s) % (i + 1);
        uint32_t t = order[i];
        order[i] = order[k];
        order[k] = t;
    }
    for (size_t j = 0; j < ITEMS; j++) {
        /* a third of the groups get no item; a few get many */
        uint64_t x = rng_next(&s);
        group[j] = (uint32_t)(x % 7 == 0 ? x % 10 : (x >> 8) % GROUPS);
        if (group[j] % 3 == 1)
            group[j] = (group[j] + 1) % GROUPS;
        byte[j] = (uint8_t)(j * 31 + group[j]);
    }
    items it = {group, byte};
    cn_html_groups *g = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL_FATAL(
        cn_html_groups_new(dir, order, GROUPS, ITEMS, item_group, item_byte, &it, &g, &err), CN_OK);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0); /* unlinked at once */
    for (int pass = 0; pass < 3; pass++) {
        size_t bad = 0, seen = 0;
        for (size_t r = 0; r < GROUPS; r++) {
            uint32_t q;
            const uint8_t *b;
            size_t n;
            CU_ASSERT_EQUAL_FATAL(cn_html_groups_next(g, &q, &b, &n, &err), CN_OK);
            bad += q != order[r];
            /* its items, in item order */
            size_t k = 0;
            for (size_t j = 0; j < ITEMS; j++)
                if (group[j] == q) {
                    bad += k >= n || b[k] != byte[j];
                    k++;
                }
            bad += k != n || (n == 0) != (b == NULL);
            seen += n;
        }
        CU_ASSERT_EQUAL(bad, 0);
        CU_ASSERT_EQUAL(seen, ITEMS);
        uint32_t q;
        const uint8_t *b;
        size_t n;
        CU_ASSERT_EQUAL(cn_html_groups_next(g, &q, &b, &n, &err), CN_ERR_USAGE);
        CU_ASSERT_EQUAL(cn_html_groups_rewind(g, &err), CN_OK);
    }
    cn_html_groups_free(g);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    free(order);
    free(group);
    free(byte);
    tu_rm_rf(dir);
    free(dir);
}

static void test_groups_refused(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_FATAL(dir != NULL);
    uint32_t twice[3] = {0, 2, 0}, good[3] = {2, 0, 1}, group[2] = {1, 3};
    uint8_t byte[2] = {1, 2};
    items it = {group, byte};
    cn_html_groups *g = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL(cn_html_groups_new(dir, twice, 3, 1, item_group, item_byte, &it, &g, &err),
                    CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(g);
    /* item 1's group (3) is not one of the three */
    CU_ASSERT_EQUAL(cn_html_groups_new(dir, good, 3, 2, item_group, item_byte, &it, &g, &err),
                    CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(g);
    /* no items, no groups: nothing to read */
    CU_ASSERT_EQUAL_FATAL(cn_html_groups_new(dir, good, 0, 0, item_group, item_byte, &it, &g, &err),
                          CN_OK);
    uint32_t q;
    const uint8_t *b;
    size_t n;
    CU_ASSERT_EQUAL(cn_html_groups_next(g, &q, &b, &n, &err), CN_ERR_USAGE);
    cn_html_groups_free(g);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    tu_rm_rf(dir);
    free(dir);
    /* a folder that is not there */
    CU_ASSERT_EQUAL(cn_html_groups_new("/nonexistent-cn-folder", good, 3, 0, item_group, item_byte,
                                       &it, &g, &err),
                    CN_ERR_IO);
    CU_ASSERT_PTR_NULL(g);
}

/* ---- key marks ---- */

typedef struct keyed {
    const uint64_t *key;
    const bool *has;
    size_t calls;
} keyed;

static bool key_of(void *ctx, size_t i, uint64_t *key)
{
    keyed *k = ctx;
    k->calls++;
    *key = k->key[i];
    return k->has[i];
}

static bool bit(const uint8_t *bits, size_t i)
{
    return (bits[i / 8] >> (i % 8)) & 1;
}

/* n elements with keys from `distinct` values (spread or crowded into one
 * bucket), every `every`-th marked, every 13th without a key: marked with
 * each room against the plain answer. */
static void check_marks(size_t n, size_t distinct, bool crowded, size_t every)
{
    uint64_t *key = malloc(n * sizeof *key), *values = malloc(distinct * sizeof *values);
    bool *has = malloc(n * sizeof *has);
    uint8_t *entry = calloc(n / 8 + 1, 1), *want = calloc(n / 8 + 1, 1);
    CU_ASSERT_FATAL(key && values && has && entry && want);
    uint64_t s = 88172645463325252u + n + distinct;
    for (size_t v = 0; v < distinct; v++) {
        values[v] = rng_next(&s);
        if (crowded) /* one top-12-bit bucket */
            values[v] = (0xabcull << 52) | (values[v] >> 12);
    }
    for (size_t i = 0; i < n; i++) {
        key[i] = values[rng_next(&s) % distinct];
        has[i] = i % 13 != 5;
        if (i % every == 0)
            entry[i / 8] |= (uint8_t)(1u << (i % 8));
    }
    /* the plain answer: marked, or a key that a marked element with a key has */
    for (size_t i = 0; i < n; i++) {
        bool m = bit(entry, i);
        for (size_t j = 0; !m && has[i] && j < n; j++)
            m = bit(entry, j) && has[j] && key[j] == key[i];
        if (m)
            want[i / 8] |= (uint8_t)(1u << (i % 8));
    }
    static const size_t ROOMS[] = {0, 1, 3, 50, 1u << 20};
    for (size_t r = 0; r < sizeof ROOMS / sizeof *ROOMS; r++) {
        uint8_t *bits = malloc(n / 8 + 1);
        CU_ASSERT_FATAL(bits != NULL);
        memcpy(bits, entry, n / 8 + 1);
        keyed k = {key, has, 0};
        cn_error err = {0};
        CU_ASSERT_EQUAL(cn_html_mark_keys(bits, n, key_of, &k, ROOMS[r], &err), CN_OK);
        CU_ASSERT_EQUAL(memcmp(bits, want, n / 8 + 1), 0);
        free(bits);
    }
    free(key);
    free(values);
    free(has);
    free(entry);
    free(want);
}

static void test_mark_keys(void)
{
    check_marks(3000, 800, false, 7);   /* keys repeat; some shared with a marked one */
    check_marks(3000, 800, true, 7);    /* all in one bucket: a share larger than the room */
    check_marks(2000, 5000, false, 3);  /* mostly distinct keys */
    check_marks(1500, 40, false, 400);  /* a few marked, many sharing */
    check_marks(100, 10, false, 1000);  /* one marked (element 0) */
    check_marks(64, 64, false, 100000); /* one marked, no key shared */
}

/* The passes over the elements: one to count, two a share. */
static void test_mark_keys_passes(void)
{
    enum { N = 4096 };
    uint64_t key[N];
    bool has[N];
    uint8_t bits[N / 8 + 1] = {0};
    uint64_t s = 12345;
    for (size_t i = 0; i < N; i++) {
        key[i] = rng_next(&s);
        has[i] = true;
    }
    for (size_t i = 0; i < N; i += 4)
        bits[i / 8] |= (uint8_t)(1u << (i % 8)); /* 1,024 marked */
    keyed k = {key, has, 0};
    cn_error err = {0};
    CU_ASSERT_EQUAL(cn_html_mark_keys(bits, N, key_of, &k, 1u << 20, &err), CN_OK);
    /* one share: the count (1,024 keys), the collection (1,024), the lookups (3,072) */
    CU_ASSERT_EQUAL(k.calls, 1024 + 1024 + 3072);
    size_t marked = 0;
    for (size_t i = 0; i < N; i++)
        marked += bit(bits, i);
    CU_ASSERT_EQUAL(marked, 1024);
}

int main(void)
{
    static const tu_test TESTS[] = {
        {"groups come back in order", test_groups_round_trip},
        {"bad groups, none, no folder", test_groups_refused},
        {"key marks equal a set's", test_mark_keys},
        {"key marks' passes", test_mark_keys_passes},
        {NULL, NULL},
    };
    return tu_run_suite("html_prep", TESTS);
}
