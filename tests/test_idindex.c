/* test_idindex: positions found by the ids their elements carry, across
 * growth and a moving array, against a plain search of the array. */
#include "testutil.h"

#include "cn_idindex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ids {
    char (*id)[17];
} ids;

static const char *key_of(const void *ctx, uint32_t i)
{
    return ((const ids *)ctx)->id[i];
}

static void test_find_after_growth(void)
{
    enum { N = 5000 };
    ids v = {NULL};
    cn_idindex *x = cn_idindex_new();
    CU_ASSERT_FATAL(x != NULL);
    for (uint32_t i = 0; i < N; i++) {
        /* the array moves as it grows: the index must read ids through ctx */
        char(*grown)[17] = realloc(v.id, (i + 1) * sizeof *grown);
        CU_ASSERT_FATAL(grown != NULL);
        v.id = grown;
        snprintf(v.id[i], sizeof v.id[i], "%016x", i * 2654435761u);
        CU_ASSERT_EQUAL(cn_idindex_find(x, v.id[i], key_of, &v), -1);
        CU_ASSERT_EQUAL(cn_idindex_add(x, v.id[i], i, key_of, &v), 0);
    }
    CU_ASSERT_EQUAL(cn_idindex_count(x), N);
    for (uint32_t i = 0; i < N; i++)
        CU_ASSERT_EQUAL(cn_idindex_find(x, v.id[i], key_of, &v), (int64_t)i);
    CU_ASSERT_EQUAL(cn_idindex_find(x, "not-an-id", key_of, &v), -1);
    CU_ASSERT_EQUAL(cn_idindex_find(x, "", key_of, &v), -1);
    cn_idindex_free(x);
    free(v.id);
}

/* Elements keyed by two fields, with a hash so weak that most elements
 * collide: only `same` tells them apart. */
typedef struct pair {
    int a, b;
} pair;

static uint64_t weak_hash(const pair *p)
{
    return (uint64_t)(p->a % 7);
}

static uint64_t pair_hash_of(const void *ctx, uint32_t i)
{
    return weak_hash(&((const pair *)ctx)[i]);
}

static bool pair_same(const void *ctx, uint32_t i, const void *probe)
{
    const pair *x = &((const pair *)ctx)[i], *y = probe;
    return x->a == y->a && x->b == y->b;
}

static void test_hashed_keys(void)
{
    enum { N = 3000 };
    pair *v = malloc(N * sizeof *v);
    cn_idindex *x = cn_idindex_new();
    CU_ASSERT_FATAL(v != NULL && x != NULL);
    for (uint32_t i = 0; i < N; i++) {
        v[i] = (pair){(int)(i / 3), (int)(i % 3)};
        CU_ASSERT_EQUAL(cn_idindex_find_hashed(x, weak_hash(&v[i]), pair_same, v, &v[i]), -1);
        CU_ASSERT_EQUAL(cn_idindex_add_hashed(x, weak_hash(&v[i]), i, pair_hash_of, v), 0);
    }
    CU_ASSERT_EQUAL(cn_idindex_count(x), N);
    for (uint32_t i = 0; i < N; i++) {
        pair probe = {(int)(i / 3), (int)(i % 3)}; /* equal fields, another object */
        CU_ASSERT_EQUAL(cn_idindex_find_hashed(x, weak_hash(&probe), pair_same, v, &probe),
                        (int64_t)i);
    }
    pair absent = {1, 3};
    CU_ASSERT_EQUAL(cn_idindex_find_hashed(x, weak_hash(&absent), pair_same, v, &absent), -1);
    cn_idindex_free(x);
    free(v);
}

int main(void)
{
    static const tu_test TESTS[] = {
        {"find after growth", test_find_after_growth},
        {"keys of several fields, colliding hashes", test_hashed_keys},
        {NULL, NULL},
    };
    return tu_run_suite("idindex", TESTS);
}
