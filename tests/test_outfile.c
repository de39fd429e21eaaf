/*
 * test_outfile: reports streamed into an output set (cn_outset_open /
 * cn_outset_close): the file appears under its name only on commit, a stream
 * whose writes failed leaves no temporary and no file, a stream left open
 * when the set is freed is removed, and misuse is refused.
 */
#include "testutil.h"

#include "cn_outfile.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool exists(const char *dir, const char *name)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat st;
    return stat(path, &st) == 0;
}

static void test_stream_commits(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "big.txt", &f, &err), CN_OK);
    /* more than the stream's buffer, so some of it reaches the file early */
    for (int i = 0; i < 100000; i++)
        fprintf(f, "line %d\n", i);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 1); /* the temporary only */
    CU_ASSERT_FALSE(exists(dir, "big.txt"));
    CU_ASSERT_EQUAL(cn_outset_close(set, f, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "small.txt", "s\n", 2, &err), CN_OK);
    CU_ASSERT_FALSE(exists(dir, "big.txt"));
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    CU_ASSERT_EQUAL(tu_count_entries(dir), 2);
    char path[1200];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    size_t len = 0;
    char *got = tu_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL(len, 1088890); /* sum over i < 100000 of strlen("line i\n") */
    CU_ASSERT_EQUAL(strncmp(got, "line 0\nline 1\n", 14), 0);
    CU_ASSERT_STRING_EQUAL(got + len - 11, "line 99999\n");
    free(got);
    struct stat st;
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 0777, 0644);
    tu_rm_rf(dir);
    free(dir);
}

/* The descriptor under a report stream: fileno's, or (a stream writing
 * with O_DIRECT has none to show) the open file whose path holds `part`. */
static int stream_fd(FILE *f, const char *part)
{
    if (fileno(f) >= 0)
        return fileno(f);
    DIR *d = opendir("/proc/self/fd");
    int found = -1;
    for (struct dirent *e; d && found < 0 && (e = readdir(d));) {
        char link[320], target[4096];
        snprintf(link, sizeof link, "/proc/self/fd/%s", e->d_name);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        if (strstr(target, part))
            found = atoi(e->d_name);
    }
    if (d)
        closedir(d);
    CU_ASSERT(found >= 0);
    return found;
}

static void test_failed_stream_leaves_nothing(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "broken.txt", &f, &err), CN_OK);
    fputs("held in the stream's buffer", f);
    close(stream_fd(f, "/.broken.txt.")); /* the flush at close fails */
    CU_ASSERT_EQUAL(cn_outset_close(set, f, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "broken.txt"));
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    /* the set goes on without it */
    CU_ASSERT_EQUAL(cn_outset_add(set, "other.txt", "o", 1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    CU_ASSERT_FALSE(exists(dir, "broken.txt"));
    CU_ASSERT_TRUE(exists(dir, "other.txt"));
    tu_rm_rf(dir);
    free(dir);
}

static void test_open_stream_removed_by_free(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_add(set, "done.txt", "d", 1, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "half.txt", &f, &err), CN_OK);
    fputs("a writer that gave up", f);
    cn_outset_free(set); /* no commit: both temporaries go */
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    tu_rm_rf(dir);
    free(dir);
}

static void test_stream_misuse(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f = NULL, *g = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_open(set, "a/b", &f, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(f);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "a.txt", &f, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_close(set, stdout, &err), CN_ERR_USAGE); /* not its stream */
    CU_ASSERT_EQUAL(cn_outset_close(set, f, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_close(set, f, &err), CN_ERR_USAGE); /* closed already */
    (void)g;
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    CU_ASSERT_TRUE(exists(dir, "a.txt"));
    CU_ASSERT_EQUAL(tu_count_entries(dir), 1);
    tu_rm_rf(dir);
    free(dir);
}

/* Several files written at once (one per report thread), closed in any
 * order; no more than CN_OUTSET_OPEN_MAX open. */
static void test_streams_at_once(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f[CN_OUTSET_OPEN_MAX] = {0}, *extra = NULL;
    char name[32];
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    for (int i = 0; i < CN_OUTSET_OPEN_MAX; i++) {
        snprintf(name, sizeof name, "f%d.txt", i);
        CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, name, &f[i], &err), CN_OK);
    }
    CU_ASSERT_EQUAL(cn_outset_open(set, "more.txt", &extra, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NULL(extra);
    CU_ASSERT_EQUAL(cn_outset_add(set, "c.txt", "c", 1, &err), CN_ERR_USAGE);
    for (int i = CN_OUTSET_OPEN_MAX - 1; i >= 0; i--) {
        fprintf(f[i], "file %d\n", i);
        CU_ASSERT_EQUAL(cn_outset_close(set, f[i], &err), CN_OK);
    }
    CU_ASSERT_EQUAL(cn_outset_add(set, "c.txt", "c", 1, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_outset_commit(set, &err), CN_OK);
    cn_outset_free(set);
    CU_ASSERT_EQUAL(tu_count_entries(dir), CN_OUTSET_OPEN_MAX + 1);
    snprintf(name, sizeof name, "%s/f3.txt", dir);
    FILE *in = fopen(name, "r");
    char line[32] = "";
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    CU_ASSERT_PTR_NOT_NULL(fgets(line, sizeof line, in));
    fclose(in);
    CU_ASSERT_STRING_EQUAL(line, "file 3\n");
    tu_rm_rf(dir);
    free(dir);
}

/* A file left open when the set is freed is removed with the others. */
static void test_open_streams_freed(void)
{
    char *dir = tu_mkdtemp();
    cn_outset *set = NULL;
    cn_error err;
    FILE *f = NULL, *g = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_outset_new(dir, &set, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "a.txt", &f, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_outset_open(set, "b.txt", &g, &err), CN_OK);
    fputs("a", f);
    CU_ASSERT_EQUAL(cn_outset_close(set, f, &err), CN_OK);
    fputs("b", g);
    cn_outset_free(set); /* g still open: no commit, nothing left */
    CU_ASSERT_FALSE(exists(dir, "a.txt"));
    CU_ASSERT_FALSE(exists(dir, "b.txt"));
    CU_ASSERT_EQUAL(tu_count_entries(dir), 0);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"a streamed file appears on commit", test_stream_commits},
        {"a failed stream leaves nothing", test_failed_stream_leaves_nothing},
        {"a stream left open goes with the set", test_open_stream_removed_by_free},
        {"misuse is refused", test_stream_misuse},
        {"several streams at once", test_streams_at_once},
        {"streams left open go with the set", test_open_streams_freed},
        {NULL, NULL},
    };
    return tu_run_suite("outfile", tests);
}
