/* cn_direct: a stdio stream writing a new file with O_DIRECT, aligned, where it can. */
#define _GNU_SOURCE
#include "cn_direct.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The buffer's address, aligned as strictly as any block size. */
#define CHUNK CN_DIRECT_CHUNK
#define ALIGN 4096

struct cn_direct {
    int fd;
    bool direct; /* O_DIRECT still on */
    int err;     /* the first failure's errno */
    char *buf;   /* CHUNK bytes, ALIGN-aligned */
    size_t used;
};

/* O_DIRECT off: the writes from here on go through the page cache. */
static void plain_writes(cn_direct *d)
{
    int fl = fcntl(d->fd, F_GETFL);
    if (fl != -1)
        fcntl(d->fd, F_SETFL, fl & ~O_DIRECT);
    d->direct = false;
}

/* buf[0..used) written out; false (d->err set) on failure. While direct, a
 * write refused (EINVAL) or cut short is redone the ordinary way. */
static bool drain(cn_direct *d)
{
    size_t done = 0;
    while (done < d->used) {
        ssize_t r = write(d->fd, d->buf + done, d->used - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && errno == EINVAL && d->direct) {
            plain_writes(d);
            continue;
        }
        if (r <= 0) {
            if (!d->err)
                d->err = r < 0 ? errno : EIO;
            return false;
        }
        done += (size_t)r;
        if (done < d->used && d->direct) /* the rest is no longer aligned */
            plain_writes(d);
    }
    d->used = 0;
    return true;
}

/* Nothing written is told by 0, not -1: glibc's fwrite takes the count it
 * gets as bytes written (with -1 it walks off the caller's buffer); a short
 * count marks the stream's error all the same. */
static ssize_t cookie_write(void *cookie, const char *data, size_t n)
{
    cn_direct *d = cookie;
    if (d->err) {
        errno = d->err;
        return 0;
    }
    for (size_t done = 0; done < n;) {
        size_t k = CHUNK - d->used < n - done ? CHUNK - d->used : n - done;
        memcpy(d->buf + d->used, data + done, k);
        d->used += k;
        done += k;
        if (d->used == CHUNK && !drain(d)) {
            errno = d->err;
            return 0;
        }
    }
    return (ssize_t)n;
}

static int cookie_close(void *cookie)
{
    cn_direct *d = cookie;
    if (d->used) { /* not synced (a failure elsewhere): write it anyway */
        if (d->direct)
            plain_writes(d);
        drain(d);
    }
    int rc = close(d->fd);
    free(d->buf);
    free(d);
    return rc;
}

FILE *cn_direct_fdopen(int fd, cn_direct **direct)
{
    *direct = NULL;
    int fl = fcntl(fd, F_GETFL);
    cn_direct *d = fl == -1 ? NULL : calloc(1, sizeof *d);
    void *buf = NULL;
    if (d && posix_memalign(&buf, ALIGN, CHUNK) == 0 && fcntl(fd, F_SETFL, fl | O_DIRECT) == 0) {
        *d = (cn_direct){.fd = fd, .direct = true, .buf = buf};
        cookie_io_functions_t io = {.write = cookie_write, .close = cookie_close};
        FILE *f = fopencookie(d, "w", io);
        if (f) {
            *direct = d;
            return f;
        }
        fcntl(fd, F_SETFL, fl);
    }
    free(buf);
    free(d);
    return fdopen(fd, "w");
}

int cn_direct_sync(FILE *f, cn_direct *d)
{
    int e = 0;
    if (fflush(f) != 0)
        e = errno ? errno : EIO;
    if (!e && ferror(f))
        e = d && d->err ? d->err : EIO;
    int fd = d ? d->fd : fileno(f);
    if (!e && d) {
        /* the tail: a size O_DIRECT may refuse, so the ordinary way */
        if (d->direct)
            plain_writes(d);
        if (!drain(d))
            e = d->err;
    }
    if (!e && fsync(fd) != 0 && errno != EINVAL)
        e = errno;
    return e;
}
