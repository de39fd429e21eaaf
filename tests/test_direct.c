/*
 * test_direct: a cn_direct stream writes exactly the bytes given to it,
 * whatever their sizes and the pieces they come in (empty, below and at the
 * block size, about the 1 MB chunk, several chunks and a tail), on the file
 * system of $TMPDIR (O_DIRECT where it takes it) and on /dev/shm (tmpfs: no
 * O_DIRECT, the ordinary stream); cn_direct_sync reports success, and a
 * write to a stream that cannot write is reported.
 */
#include "testutil.h"

#include "cn_direct.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes n pseudo-random bytes into dir/name through a cn_direct stream, in
 * pieces of varying sizes, then checks the file's bytes. */
static void round_trip(const char *dir, size_t n, uint64_t seed)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/direct.%zu.bin", dir, n);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CU_ASSERT_FATAL(fd >= 0);
    cn_direct *d = NULL;
    FILE *f = cn_direct_fdopen(fd, &d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char *want = malloc(n ? n : 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        want[i] = (char)(s >> 56);
    }
    /* pieces: single bytes, small runs and large blocks */
    for (size_t at = 0; at < n;) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        size_t k = (s >> 33) % 4 == 0 ? 1 : (s >> 33) % 4 == 1 ? 37 : (s >> 40) % 700000;
        if (k > n - at)
            k = n - at;
        if (k == 1)
            fputc(want[at], f);
        else
            fwrite(want + at, 1, k, f);
        at += k;
    }
    CU_ASSERT_EQUAL(cn_direct_sync(f, d), 0);
    CU_ASSERT_EQUAL(fclose(f), 0);
    size_t len = 0;
    char *got = tu_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL(len, n);
    CU_ASSERT(len == n && memcmp(got, want, n) == 0);
    free(got);
    free(want);
    unlink(path);
}

static const size_t SIZES[] = {0,
                               1,
                               4095,
                               4096,
                               4097,
                               CN_DIRECT_CHUNK - 1,
                               CN_DIRECT_CHUNK,
                               CN_DIRECT_CHUNK + 1,
                               3 * CN_DIRECT_CHUNK,
                               3 * CN_DIRECT_CHUNK + 17,
                               (3u << 20) + 17};

static void test_round_trip_disk(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
        round_trip(dir, SIZES[i], i + 1);
    tu_rm_rf(dir);
    free(dir);
}

static void test_round_trip_tmpfs(void)
{
    struct stat st;
    if (stat("/dev/shm", &st) != 0 || !S_ISDIR(st.st_mode) || access("/dev/shm", W_OK) != 0)
        return; /* no tmpfs here: nothing to check */
    char dir[] = "/dev/shm/cn_direct.XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++)
        round_trip(dir, SIZES[i], 100 + i);
    rmdir(dir);
}

/* A stream over a descriptor that cannot be written (a file opened for
 * reading): the writes' failure shows in cn_direct_sync, not as success.
 * (Where O_DIRECT cannot be set, fdopen refuses the descriptor up front.) */
static void test_write_failure_reported(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    char *path = tu_write_file(dir, "ro.bin", "", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(path);
    int fd = open(path, O_RDONLY);
    CU_ASSERT_FATAL(fd >= 0);
    cn_direct *d = NULL;
    FILE *f = cn_direct_fdopen(fd, &d);
    if (!f) {
        close(fd);
    } else {
        static char block[3u << 20];
        fwrite(block, 1, sizeof block, f);
        fputs("tail", f);
        CU_ASSERT_NOT_EQUAL(cn_direct_sync(f, d), 0);
        fclose(f);
    }
    free(path);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"the same bytes on disk", test_round_trip_disk},
        {"the same bytes on tmpfs (no O_DIRECT)", test_round_trip_tmpfs},
        {"a failed write is reported", test_write_failure_reported},
        {NULL, NULL},
    };
    return tu_run_suite("direct", tests);
}
