/*
 * test_termindex: the word vocabulary's hash -> index table (cn_termindex):
 * every hash added is found with its index through every growth of the
 * tables, hashes not added are not found (checked against a plain list),
 * and hash 0, which marks an empty slot inside, is a term like any other.
 */
#include "testutil.h"

#include "cn_termindex.h"

#include <stdlib.h>

/* splitmix64: spread-out hashes from a counter, with no duplicates */
static uint64_t spread(uint64_t i)
{
    uint64_t z = i * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void test_found_and_not_found(void)
{
    enum { N = 30000 };
    cn_termindex *ix = cn_termindex_new();
    CU_ASSERT_FATAL(ix != NULL);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, spread(0)), -1); /* empty */
    for (uint32_t i = 0; i < N; i++) {
        CU_ASSERT_EQUAL_FATAL(cn_termindex_add(ix, spread(2 * i), i), 0);
        /* the first term stays found as the tables grow */
        CU_ASSERT_EQUAL(cn_termindex_get(ix, spread(0)), 0);
    }
    size_t wrong = 0;
    for (uint32_t i = 0; i < N; i++) {
        wrong += cn_termindex_get(ix, spread(2 * i)) != (long)i;
        wrong += cn_termindex_get(ix, spread(2 * i + 1)) != -1; /* never added */
    }
    CU_ASSERT_EQUAL(wrong, 0);
    /* hashes that share the low or the high bits of an added one */
    CU_ASSERT_EQUAL(cn_termindex_get(ix, spread(2) ^ 1), -1);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, spread(2) ^ (1ULL << 63)), -1);
    cn_termindex_free(ix);
}

static void test_hash_zero(void)
{
    cn_termindex *ix = cn_termindex_new();
    CU_ASSERT_FATAL(ix != NULL);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, 0), -1);
    CU_ASSERT_EQUAL(cn_termindex_add(ix, 7, 0), 0);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, 0), -1);
    CU_ASSERT_EQUAL(cn_termindex_add(ix, 0, 1), 0);
    for (uint32_t i = 2; i < 1000; i++) /* grow past it */
        CU_ASSERT_EQUAL(cn_termindex_add(ix, spread(i), i), 0);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, 0), 1);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, 7), 0);
    CU_ASSERT_EQUAL(cn_termindex_get(ix, spread(999)), 999);
    cn_termindex_free(ix);
    cn_termindex_free(NULL);
}

int main(void)
{
    static const tu_test tests[] = {
        {"found and not found", test_found_and_not_found},
        {"hash zero", test_hash_zero},
        {NULL, NULL},
    };
    return tu_run_suite("term index", tests);
}
