/* cn_file: whole-file reads with an error that names the file. */
#include "cn_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cn_file_read(const char *path, int io_code, char **data, size_t *len, cn_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return cn_error_set(err, io_code, "%s: %s", path, strerror(errno));
    size_t cap = 1 << 14, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
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
    if (failed) {
        free(buf);
        return cn_error_set(err, io_code, "%s: read error", path);
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return CN_OK;
}
