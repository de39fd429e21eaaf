/* test_arena: copies keep their bytes and addresses while many more (short,
 * empty and longer than a block) are added, and short strings cost about
 * their own length. */
#include "testutil.h"

#include "cn_arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The i-th test string: mostly short, some empty, every 997th 20-100 KB. */
static char *make(size_t i)
{
    size_t len = i % 997 == 0 ? 20000 + (i * 7919) % 80000 : (i % 13 == 0 ? 0 : 1 + i % 40);
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    for (size_t k = 0; k < len; k++)
        s[k] = (char)('a' + (i + k) % 26);
    s[len] = '\0';
    return s;
}

static void test_copies_stay(void)
{
    enum { N = 20000 };
    cn_arena *a = cn_arena_new();
    CU_ASSERT_FATAL(a != NULL);
    char **want = calloc(N, sizeof *want);
    char **got = calloc(N, sizeof *got);
    CU_ASSERT_FATAL(want && got);
    for (size_t i = 0; i < N; i++) {
        want[i] = make(i);
        CU_ASSERT_FATAL(want[i] != NULL);
        got[i] = cn_arena_strdup(a, want[i]);
        CU_ASSERT_FATAL(got[i] != NULL);
        CU_ASSERT_PTR_NOT_EQUAL(got[i], want[i]);
    }
    /* every copy is intact after all the others: none overlaps another */
    for (size_t i = 0; i < N; i++)
        CU_ASSERT_STRING_EQUAL(got[i], want[i]);
    for (size_t i = 0; i < N; i++)
        free(want[i]);
    free(want);
    free(got);
    cn_arena_free(a);
    cn_arena_free(NULL);
}

static void test_short_strings_are_cheap(void)
{
    enum { N = 200000 };
    cn_arena *a = cn_arena_new();
    CU_ASSERT_FATAL(a != NULL);
    char s[16];
    for (size_t i = 0; i < N; i++) {
        snprintf(s, sizeof s, "%015zu", i); /* 16 bytes with the NUL */
        CU_ASSERT_FATAL(cn_arena_strdup(a, s) != NULL);
    }
    /* strdup would take a 32-byte chunk each (16 + header, rounded up);
     * here a block header and the last block's unused end are all */
    CU_ASSERT(cn_arena_bytes(a) < (size_t)N * 17);
    CU_ASSERT(cn_arena_bytes(a) >= (size_t)N * 16);
    cn_arena_free(a);
}

int main(void)
{
    static const tu_test TESTS[] = {
        {"copies keep their bytes and addresses", test_copies_stay},
        {"short strings cost their length", test_short_strings_are_cheap},
        {NULL, NULL},
    };
    return tu_run_suite("arena", TESTS);
}
