/* cn_file: whole-file reads with an error that names the file. */
#include "cn_file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cn_file_read(const char *path, int io_code, char **data, size_t *len, cn_error *err)
{
    *data = NULL;
    *len = 0;
    /* A FIFO would block the open, a device never end: regular files only. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return cn_error_set(err, io_code, "%s: not a regular file", path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return cn_error_set(err, io_code, "%s: %s", path, strerror(errno));
    size_t cap = 1 << 14, n = 0, got;
    bool too_big = false;
    char *buf = malloc(cap);
    while (buf && !too_big && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        too_big = n > CN_FILE_MAX_BYTES;
        if (n + 1 == cap) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf)
        return cn_error_set(err, CN_ERR_NOMEM, "%s: out of memory", path);
    if (too_big) {
        free(buf);
        return cn_error_set(err, io_code, "%s: larger than %d MiB, the limit for this kind of file",
                            path, CN_FILE_MAX_BYTES >> 20);
    }
    if (failed) {
        free(buf);
        return cn_error_set(err, io_code, "%s: read error", path);
    }
    buf[n] = '\0';
    /* A UTF-8 byte order mark is no content (editors' tools add one). */
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    *data = buf;
    *len = n;
    return CN_OK;
}
