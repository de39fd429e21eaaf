/* test_recfile: records written to the scratch file come back byte for byte
 * in order; the file leaves nothing in its folder; a file that cannot be
 * made, a read past the end and a write the file system refuses are errors.
 * Also cn_scratch, the unlinked file under it (and under cn_spill), and
 * cn_fdio, the whole reads and writes at an offset they all go through. */
#include "testutil.h"

#include "cn_fdio.h"
#include "cn_recfile.h"
#include "cn_scratch.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

typedef struct rec {
    uint32_t n;
    double x;
    char tag[9];
} rec;

static void test_round_trip(void)
{
    enum { N = 100000 }; /* several times the write buffer */
    char *dir = tu_mkdtemp();
    CU_ASSERT_FATAL(dir != NULL);
    cn_recfile *f = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cn_recfile_new(dir, &f, &err), CN_OK);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0); /* unlinked at once */
    uint64_t want = 0;
    for (uint32_t i = 0; i < N; i++) {
        rec r;
        memset(&r, 0, sizeof r);
        r.n = i;
        r.x = i * 0.5;
        snprintf(r.tag, sizeof r.tag, "t%u", i % 1000);
        CU_ASSERT_EQUAL(cn_recfile_write(f, &r, sizeof r, &err), CN_OK);
        /* records of varying length: i % 3 trailing bytes */
        unsigned char tail[2] = {(unsigned char)i, (unsigned char)(i >> 8)};
        CU_ASSERT_EQUAL(cn_recfile_write(f, tail, i % 3, &err), CN_OK);
        want += sizeof r + i % 3;
    }
    CU_ASSERT_EQUAL(cn_recfile_size(f), want);
    CU_ASSERT_EQUAL(cn_recfile_read(f, &want, 1, &err), CN_ERR_USAGE); /* not rewound */
    CU_ASSERT_EQUAL(cn_recfile_reread(f, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL_FATAL(cn_recfile_rewind(f, &err), CN_OK);
    rec one = {0};
    CU_ASSERT_EQUAL(cn_recfile_write(f, &one, sizeof one, &err), CN_ERR_USAGE);
    size_t bad = 0;
    for (uint32_t i = 0; i < N; i++) {
        rec r;
        char tag[9];
        snprintf(tag, sizeof tag, "t%u", i % 1000);
        CU_ASSERT_EQUAL_FATAL(cn_recfile_read(f, &r, sizeof r, &err), CN_OK);
        unsigned char tail[2] = {0, 0};
        CU_ASSERT_EQUAL_FATAL(cn_recfile_read(f, tail, i % 3, &err), CN_OK);
        bad += r.n != i || r.x != i * 0.5 || strcmp(r.tag, tag) ||
               (i % 3 >= 1 && tail[0] != (unsigned char)i) ||
               (i % 3 == 2 && tail[1] != (unsigned char)(i >> 8));
    }
    CU_ASSERT_EQUAL(bad, 0);
    /* the file ends here: one more record is an error, not a short read */
    CU_ASSERT_EQUAL(cn_recfile_read(f, &one, sizeof one, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "ends early"));
    /* read again from the start (after the error too): the same records,
     * twice more, the second time stopped halfway and started again */
    for (int pass = 0; pass < 2; pass++) {
        CU_ASSERT_EQUAL_FATAL(cn_recfile_reread(f, &err), CN_OK);
        bad = 0;
        uint32_t stop = pass == 0 ? N : N / 2;
        for (uint32_t i = 0; i < stop; i++) {
            rec r;
            unsigned char tail[2] = {0, 0};
            CU_ASSERT_EQUAL_FATAL(cn_recfile_read(f, &r, sizeof r, &err), CN_OK);
            CU_ASSERT_EQUAL_FATAL(cn_recfile_read(f, tail, i % 3, &err), CN_OK);
            bad += r.n != i || r.x != i * 0.5 || (i % 3 >= 1 && tail[0] != (unsigned char)i);
        }
        CU_ASSERT_EQUAL(bad, 0);
    }
    CU_ASSERT_EQUAL_FATAL(cn_recfile_reread(f, &err), CN_OK);
    rec first;
    CU_ASSERT_EQUAL_FATAL(cn_recfile_read(f, &first, sizeof first, &err), CN_OK);
    CU_ASSERT_EQUAL(first.n, 0);
    CU_ASSERT_STRING_EQUAL(first.tag, "t0");
    cn_recfile_free(f);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    tu_rm_rf(dir);
    free(dir);
}

static void test_no_folder(void)
{
    cn_recfile *f = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL(cn_recfile_new("/nonexistent/folder/for/recfile", &f, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NULL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent/folder/for/recfile"));
}

/* A file size limit makes the file system refuse the writes, as a full disk
 * would: the failure must show, by the write or at the latest the rewind. */
static void test_refused_write(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_FATAL(dir != NULL);
    cn_recfile *f = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cn_recfile_new(dir, &f, &err), CN_OK);
    struct rlimit old;
    CU_ASSERT_EQUAL_FATAL(getrlimit(RLIMIT_FSIZE, &old), 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 64 * 1024;
    CU_ASSERT_EQUAL_FATAL(setrlimit(RLIMIT_FSIZE, &small), 0);
    char block[4096];
    memset(block, 'x', sizeof block);
    int rc = CN_OK;
    for (int i = 0; i < 1024 && rc == CN_OK; i++) /* 4 MiB */
        rc = cn_recfile_write(f, block, sizeof block, &err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(f, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, old_handler);
    CU_ASSERT_EQUAL(rc, CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cannot write"));
    cn_recfile_free(f);
    tu_rm_rf(dir);
    free(dir);
}

/* cn_scratch: the folder falls back to $TMPDIR, then /tmp; the file is
 * readable and writable and gone from its folder at once. */
static void test_scratch(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_FATAL(dir != NULL);
    CU_ASSERT_STRING_EQUAL(cn_scratch_dir(dir), dir);
    char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
    setenv("TMPDIR", dir, 1);
    CU_ASSERT_STRING_EQUAL(cn_scratch_dir(NULL), dir);
    CU_ASSERT_STRING_EQUAL(cn_scratch_dir(""), dir);
    unsetenv("TMPDIR");
    CU_ASSERT_STRING_EQUAL(cn_scratch_dir(NULL), "/tmp");
    if (old) {
        setenv("TMPDIR", old, 1);
        free(old);
    }
    FILE *f = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cn_scratch_open(dir, "stem", &f, &err), CN_OK);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    CU_ASSERT_EQUAL(fputs("scratch", f) >= 0, 1);
    rewind(f);
    char back[16] = {0};
    CU_ASSERT_PTR_NOT_NULL(fgets(back, sizeof back, f));
    CU_ASSERT_STRING_EQUAL(back, "scratch");
    fclose(f);
    f = NULL;
    CU_ASSERT_EQUAL(cn_scratch_open("/nonexistent/scratch/folder", "stem", &f, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NULL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "/nonexistent/scratch/folder"));
    tu_rm_rf(dir);
    free(dir);
}

/* Bytes written at an offset come back; a read past the end stops there
 * (the hole before the offset reads as zeros); a closed descriptor is -1. */
static void test_fdio(void)
{
    char *dir = tu_mkdtemp();
    FILE *f = NULL;
    cn_error err = {0};
    CU_ASSERT_EQUAL_FATAL(cn_scratch_open(dir, "fdio", &f, &err), CN_OK);
    int fd = fileno(f);
    char block[10000];
    for (size_t i = 0; i < sizeof block; i++)
        block[i] = (char)('a' + i % 26);
    CU_ASSERT_EQUAL(cn_fdio_pwrite(fd, block, sizeof block, 100), (ssize_t)sizeof block);
    char back[sizeof block + 100];
    memset(back, 'x', sizeof back);
    CU_ASSERT_EQUAL(cn_fdio_pread(fd, back, sizeof back, 0), (ssize_t)(sizeof block + 100));
    CU_ASSERT_EQUAL(back[0], 0);
    CU_ASSERT_EQUAL(back[99], 0);
    CU_ASSERT_EQUAL(memcmp(back + 100, block, sizeof block), 0);
    CU_ASSERT_EQUAL(cn_fdio_pread(fd, back, 50, 100 + (off_t)sizeof block - 20), 20);
    CU_ASSERT_EQUAL(cn_fdio_pread(fd, back, 50, 1 << 20), 0);
    fclose(f);
    CU_ASSERT_EQUAL(cn_fdio_pread(fd, back, 10, 0), -1);
    CU_ASSERT_EQUAL(cn_fdio_pwrite(fd, block, 10, 0), -1);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test TESTS[] = {
        {"records come back in order", test_round_trip},
        {"no folder to make the file in", test_no_folder},
        {"a refused write is an error", test_refused_write},
        {"the scratch file and its folder", test_scratch},
        {"whole reads and writes at an offset", test_fdio},
        {NULL, NULL},
    };
    return tu_run_suite("recfile", TESTS);
}
