/* cn_scratch: an unlinked temporary file for data that waits on disk. */
#include "cn_scratch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *cn_scratch_dir(const char *dir)
{
    if (!dir || !*dir)
        dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

int cn_scratch_open(const char *dir, const char *stem, FILE **out, cn_error *err)
{
    *out = NULL;
    dir = cn_scratch_dir(dir);
    size_t n = strlen(dir) + strlen(stem) + 16;
    char *path = malloc(n);
    if (!path)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(path, n, "%s/%s-XXXXXX", dir, stem);
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path); /* gone from the folder now: the open file is all there is */
    free(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
    if (!f) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return cn_error_set(err, CN_ERR_IO, "cannot make a temporary file in %s: %s", dir,
                            strerror(e));
    }
    *out = f;
    return CN_OK;
}
