/* cn_fdio: whole reads and writes at an offset (pread/pwrite retried). */
#include "cn_fdio.h"

#include <errno.h>
#include <unistd.h>

ssize_t cn_fdio_pread(int fd, void *buf, size_t n, off_t offset)
{
    char *p = buf;
    size_t done = 0;
    while (done < n) {
        ssize_t got = pread(fd, p + done, n - done, offset + (off_t)done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        done += (size_t)got;
    }
    return (ssize_t)done;
}

ssize_t cn_fdio_pwrite(int fd, const void *buf, size_t n, off_t offset)
{
    const char *p = buf;
    size_t done = 0;
    while (done < n) {
        ssize_t put = pwrite(fd, p + done, n - done, offset + (off_t)done);
        if (put < 0 && errno == EINTR)
            continue;
        if (put < 0)
            return -1;
        if (put == 0)
            break;
        done += (size_t)put;
    }
    return (ssize_t)done;
}
