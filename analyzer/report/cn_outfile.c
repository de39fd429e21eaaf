/* cn_outfile: temporary file + rename for every report, committed as a set. */
#include "cn_outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct pending {
    char *tmp;   /* DIR/.NAME.XXXXXX */
    char *final; /* DIR/NAME */
} pending;

struct cn_outset {
    char *dir;
    pending *files;
    size_t n;
};

const char *cn_outset_dir(const cn_outset *set)
{
    return set->dir;
}

static char *join(const char *dir, const char *a, const char *b)
{
    size_t n = strlen(dir) + strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s%s", dir, a, b);
    return s;
}

/* mkdir -p: create each missing component of path. */
static int make_dirs(const char *path, cn_error *err)
{
    char *p = strdup(path);
    if (!p)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int rc = CN_OK;
    for (char *s = p + 1; rc == CN_OK; s++) {
        char c = *s;
        if (c != '/' && c != '\0')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = cn_error_set(err, CN_ERR_IO, "%s: cannot create output folder: %s", path,
                              strerror(errno));
        *s = c;
        if (c == '\0')
            break;
    }
    free(p);
    return rc;
}

int cn_outset_new(const char *dir, cn_outset **out, cn_error *err)
{
    *out = NULL;
    if (!dir || !*dir)
        return cn_error_set(err, CN_ERR_USAGE, "no output folder given");
    int rc = make_dirs(dir, err);
    if (rc != CN_OK)
        return rc;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return cn_error_set(err, CN_ERR_IO, "%s: output folder is not a folder", dir);
    if (access(dir, W_OK | X_OK) != 0)
        return cn_error_set(err, CN_ERR_IO, "%s: output folder is not writable: %s", dir,
                            strerror(errno));
    cn_outset *set = calloc(1, sizeof *set);
    if (!set || !(set->dir = strdup(dir))) {
        free(set);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    *out = set;
    return CN_OK;
}

/* Write all of data to fd; 0 or errno. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

int cn_outset_add(cn_outset *set, const char *name, const void *data, size_t len, cn_error *err)
{
    if (!name || !*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
        return cn_error_set(err, CN_ERR_USAGE, "bad output file name '%s'", name ? name : "");
    pending p = {.tmp = join(set->dir, ".", name), .final = join(set->dir, "", name)};
    char *tmp = p.tmp ? malloc(strlen(p.tmp) + 8) : NULL;
    pending *grown = realloc(set->files, (set->n + 1) * sizeof *grown);
    if (grown)
        set->files = grown;
    if (!p.final || !tmp || !grown) {
        free(p.tmp);
        free(p.final);
        free(tmp);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    sprintf(tmp, "%s.XXXXXX", p.tmp);
    free(p.tmp);
    p.tmp = tmp;
    int fd = mkstemp(p.tmp);
    int e = fd < 0 ? errno : 0;
    if (fd >= 0) {
        fchmod(fd, 0644); /* mkstemp makes 0600; reports are for everyone to read */
        e = write_all(fd, data, len);
        if (fsync(fd) != 0 && !e && errno != EINVAL)
            e = errno;
        if (close(fd) != 0 && !e)
            e = errno;
        if (e)
            unlink(p.tmp);
    }
    if (e) {
        int rc = cn_error_set(err, CN_ERR_IO, "%s: cannot write: %s", p.final, strerror(e));
        free(p.tmp);
        free(p.final);
        return rc;
    }
    set->files[set->n++] = p;
    return CN_OK;
}

int cn_outset_commit(cn_outset *set, cn_error *err)
{
    int rc = CN_OK;
    for (size_t i = 0; i < set->n; i++) {
        pending *p = &set->files[i];
        if (rc == CN_OK && rename(p->tmp, p->final) != 0)
            rc = cn_error_set(err, CN_ERR_IO, "%s: cannot rename into place: %s", p->final,
                              strerror(errno));
        if (rc != CN_OK)
            unlink(p->tmp);
        free(p->tmp);
        free(p->final);
    }
    set->n = 0;
    return rc;
}

void cn_outset_free(cn_outset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++) {
        unlink(set->files[i].tmp);
        free(set->files[i].tmp);
        free(set->files[i].final);
    }
    free(set->files);
    free(set->dir);
    free(set);
}
