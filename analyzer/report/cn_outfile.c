/* cn_outfile: temporary file + rename for every report, committed as a set. */
#define _POSIX_C_SOURCE 200809L
#include "cn_outfile.h"

#include "cn_direct.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct pending {
    char *tmp;   /* DIR/.NAME.XXXXXX; NULL: a stale file to remove */
    char *final; /* DIR/NAME */
    char *old;   /* during commit: DIR/NAME's previous version, kept to roll back */
    bool placed; /* renamed (or removed) into place */
} pending;

/* A file of the set being written. */
typedef struct opened {
    FILE *f;
    cn_direct *direct; /* f writes with O_DIRECT (cn_direct), or NULL */
    char *buf;
    pending p;
} opened;

struct cn_outset {
    char *dir;
    pending *files;
    size_t n;
    int lock_fd; /* DIR/.consensus.lock, held (fcntl) while the set lives */
    /* Termination signals are held back while the set lives, so that one
     * arriving mid-write cannot leave temporaries or half a set behind: the
     * set notices it (cn_outset_add fails), removes its temporaries, and the
     * signal is delivered when cn_outset_free restores the mask. */
    sigset_t old_mask;
    bool masked;
    /* The files being written (cn_outset_open), until cn_outset_close. */
    opened open[CN_OUTSET_OPEN_MAX];
    size_t n_open;
};

static void termination_signals(sigset_t *s)
{
    sigemptyset(s);
    sigaddset(s, SIGINT);
    sigaddset(s, SIGTERM);
    sigaddset(s, SIGHUP);
    sigaddset(s, SIGQUIT);
}

/* A termination signal arrived while the set was open. */
static bool interrupted(const cn_outset *set)
{
    sigset_t pending, term;
    if (!set->masked || sigpending(&pending) != 0)
        return false;
    termination_signals(&term);
    for (int sig = 1; sig < 32; sig++)
        if (sigismember(&term, sig) == 1 && sigismember(&pending, sig) == 1)
            return true;
    return false;
}

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
    /* Two runs into one folder would interleave their sets: the second waits
     * for nothing and stops with a clear message. */
    char lock[4096];
    snprintf(lock, sizeof lock, "%s/.consensus.lock", dir);
    set->lock_fd = open(lock, O_RDWR | O_CREAT, 0644);
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (set->lock_fd < 0 || fcntl(set->lock_fd, F_SETLK, &fl) != 0) {
        int e = errno;
        if (set->lock_fd >= 0)
            close(set->lock_fd);
        free(set->dir);
        free(set);
        return cn_error_set(err, CN_ERR_IO, "%s: another run is writing reports here (%s)", dir,
                            strerror(e));
    }
    sigset_t term;
    termination_signals(&term);
    set->masked = pthread_sigmask(SIG_BLOCK, &term, &set->old_mask) == 0;
    *out = set;
    return CN_OK;
}

int cn_outset_remove(cn_outset *set, const char *name, cn_error *err)
{
    if (!name || !*name || strchr(name, '/'))
        return cn_error_set(err, CN_ERR_USAGE, "bad report file name '%s'", name ? name : "");
    pending *v = realloc(set->files, (set->n + 1) * sizeof *v);
    if (!v)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    set->files = v;
    size_t n = strlen(set->dir) + strlen(name) + 2;
    pending *p = &set->files[set->n];
    memset(p, 0, sizeof *p);
    if (!(p->final = malloc(n)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(p->final, n, "%s/%s", set->dir, name);
    set->n++;
    return CN_OK;
}

/* The stdio buffer of an open report stream: large writes of a big report go
 * to the kernel in few calls. */
enum { STREAM_BUFFER = 1 << 18 };

static bool good_name(const char *name)
{
    return name && *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

int cn_outset_open(cn_outset *set, const char *name, FILE **f, cn_error *err)
{
    *f = NULL;
    if (!good_name(name))
        return cn_error_set(err, CN_ERR_USAGE, "bad output file name '%s'", name ? name : "");
    if (set->n_open == CN_OUTSET_OPEN_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "%s: %d report files are still open", name,
                            CN_OUTSET_OPEN_MAX);
    if (interrupted(set))
        return cn_error_set(err, CN_ERR_IO, "%s: interrupted by a signal; no report written",
                            set->dir);
    pending p = {.tmp = join(set->dir, ".", name), .final = join(set->dir, "", name)};
    char *tmp = p.tmp ? malloc(strlen(p.tmp) + 8) : NULL;
    /* Room in the set now, so that closing cannot fail for want of memory. */
    pending *grown = realloc(set->files, (set->n + set->n_open + 1) * sizeof *grown);
    if (grown)
        set->files = grown;
    char *buf = malloc(STREAM_BUFFER);
    if (!p.final || !tmp || !grown || !buf) {
        free(p.tmp);
        free(p.final);
        free(tmp);
        free(buf);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    sprintf(tmp, "%s.XXXXXX", p.tmp);
    free(p.tmp);
    p.tmp = tmp;
    int fd = mkstemp(p.tmp);
    FILE *fp = NULL;
    cn_direct *direct = NULL;
    if (fd >= 0) {
        fchmod(fd, 0644); /* mkstemp makes 0600; reports are for everyone to read */
        fp = cn_direct_fdopen(fd, &direct);
        if (!fp) {
            int e = errno;
            close(fd);
            unlink(p.tmp);
            errno = e;
        }
    }
    if (!fp) {
        int rc = cn_error_set(err, CN_ERR_IO, "%s: cannot write: %s", p.final, strerror(errno));
        free(p.tmp);
        free(p.final);
        free(buf);
        return rc;
    }
    setvbuf(fp, buf, _IOFBF, STREAM_BUFFER);
    set->open[set->n_open++] = (opened){.f = fp, .direct = direct, .buf = buf, .p = p};
    *f = fp;
    return CN_OK;
}

/* Close an open stream; 0 or the errno of the first failure. */
static int close_stream(opened *o)
{
    FILE *fp = o->f;
    int e = cn_direct_sync(fp, o->direct);
    if (fclose(fp) != 0 && !e)
        e = errno ? errno : EIO;
    free(o->buf);
    o->f = NULL;
    o->buf = NULL;
    return e;
}

int cn_outset_close(cn_outset *set, FILE *f, cn_error *err)
{
    size_t k = 0;
    while (k < set->n_open && (!f || set->open[k].f != f))
        k++;
    if (k == set->n_open)
        return cn_error_set(err, CN_ERR_USAGE, "not an open report file");
    opened o = set->open[k];
    memmove(&set->open[k], &set->open[k + 1], (set->n_open - k - 1) * sizeof set->open[0]);
    set->n_open--;
    pending p = o.p;
    int e = close_stream(&o);
    if (e) {
        unlink(p.tmp);
        int rc = cn_error_set(err, CN_ERR_IO, "%s: cannot write: %s", p.final, strerror(e));
        free(p.tmp);
        free(p.final);
        return rc;
    }
    set->files[set->n++] = p; /* room was made by cn_outset_open */
    return CN_OK;
}

int cn_outset_add(cn_outset *set, const char *name, const void *data, size_t len, cn_error *err)
{
    FILE *f = NULL;
    int rc = cn_outset_open(set, name, &f, err);
    if (rc != CN_OK)
        return rc;
    if (len)
        fwrite(data, 1, len, f); /* a short write sets the error cn_outset_close names */
    return cn_outset_close(set, f, err);
}

int cn_outset_commit(cn_outset *set, cn_error *err)
{
    int rc = CN_OK;
    if (interrupted(set)) /* cn_outset_free removes the temporaries */
        return cn_error_set(err, CN_ERR_IO, "%s: interrupted by a signal; no report written",
                            set->dir);
    /* Keep each file's previous version under a hidden name first, so that a
     * failure halfway puts every file back: the folder shows the old set or
     * the new one, never a mix. */
    for (size_t i = 0; rc == CN_OK && i < set->n; i++) {
        pending *p = &set->files[i];
        size_t n = strlen(p->final) + 16;
        if (!(p->old = malloc(n))) {
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            break;
        }
        snprintf(p->old, n, "%s.old", p->final);
        char *slash = strrchr(p->old, '/');
        if (slash) { /* DIR/.NAME.old: hidden like the temporaries */
            memmove(slash + 2, slash + 1, strlen(slash + 1) + 1);
            slash[1] = '.';
        }
        unlink(p->old);
        if (link(p->final, p->old) != 0 && errno != ENOENT) {
            rc = cn_error_set(err, CN_ERR_IO, "%s: cannot keep the previous version: %s", p->final,
                              strerror(errno));
            free(p->old);
            p->old = NULL;
        } else if (access(p->old, F_OK) != 0) {
            free(p->old); /* there was no previous version */
            p->old = NULL;
        }
    }
    for (size_t i = 0; rc == CN_OK && i < set->n; i++) {
        pending *p = &set->files[i];
        int failed = p->tmp ? rename(p->tmp, p->final) : (unlink(p->final) != 0 && errno != ENOENT);
        if (failed)
            rc = cn_error_set(err, CN_ERR_IO, "%s: cannot %s: %s", p->final,
                              p->tmp ? "rename into place" : "remove the stale file",
                              strerror(errno));
        else
            p->placed = true;
    }
    for (size_t i = 0; i < set->n; i++) {
        pending *p = &set->files[i];
        if (rc != CN_OK && p->placed) { /* roll back */
            if (p->old)
                rename(p->old, p->final);
            else if (p->tmp)
                unlink(p->final);
        }
        if (p->old)
            unlink(p->old);
        if (p->tmp && !p->placed)
            unlink(p->tmp);
        free(p->tmp);
        free(p->final);
        free(p->old);
    }
    set->n = 0;
    return rc;
}

void cn_outset_free(cn_outset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++) {
        if (set->files[i].tmp)
            unlink(set->files[i].tmp);
        free(set->files[i].tmp);
        free(set->files[i].final);
        free(set->files[i].old);
    }
    for (size_t k = 0; k < set->n_open; k++) { /* a writer gave up halfway: its temporary
                                                   goes too */
        close_stream(&set->open[k]);
        unlink(set->open[k].p.tmp);
        free(set->open[k].p.tmp);
        free(set->open[k].p.final);
    }
    if (set->lock_fd >= 0)
        close(set->lock_fd); /* releases the lock */
    bool masked = set->masked;
    sigset_t old = set->old_mask;
    free(set->files);
    free(set->dir);
    free(set);
    if (masked)
        pthread_sigmask(SIG_SETMASK, &old, NULL); /* a held-back signal lands now */
}
