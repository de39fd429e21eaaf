/* cn_recfile: records written in order to an unlinked scratch file, read back in order or by
 * offset. */
#include "cn_recfile.h"

#include "cn_fdio.h"
#include "cn_scratch.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Records are small (tens of bytes): a large stdio buffer makes the file a
 * few big sequential writes and reads (256 KiB: analyze keeps two files
 * while the corpus is read, and one while the reports are written). */
#define RECFILE_BUFFER (1u << 18)

struct cn_recfile {
    FILE *f;
    char *dir; /* for messages */
    char *buf; /* stdio's buffer (ours, so it is freed with the file) */
    uint64_t size;
    bool reading;
};

int cn_recfile_new(const char *dir, cn_recfile **out, cn_error *err)
{
    *out = NULL;
    dir = cn_scratch_dir(dir);
    cn_recfile *f = calloc(1, sizeof *f);
    if (!f || !(f->dir = strdup(dir)) || !(f->buf = malloc(RECFILE_BUFFER))) {
        cn_recfile_free(f);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    int rc = cn_scratch_open(dir, "consensus-records", &f->f, err);
    if (rc != CN_OK) {
        cn_recfile_free(f);
        return rc;
    }
    setvbuf(f->f, f->buf, _IOFBF, RECFILE_BUFFER);
    *out = f;
    return CN_OK;
}

void cn_recfile_free(cn_recfile *f)
{
    if (!f)
        return;
    if (f->f)
        fclose(f->f);
    free(f->buf);
    free(f->dir);
    free(f);
}

static int write_failed(const cn_recfile *f, cn_error *err)
{
    int e = errno;
    return cn_error_set(err, CN_ERR_IO, "cannot write a temporary file in %s: %s", f->dir,
                        e ? strerror(e) : "write error");
}

int cn_recfile_write(cn_recfile *f, const void *data, size_t n, cn_error *err)
{
    if (f->reading)
        return cn_error_set(err, CN_ERR_USAGE, "temporary records: write after rewind");
    errno = 0;
    if (n && fwrite(data, 1, n, f->f) != n)
        return write_failed(f, err);
    f->size += n;
    return CN_OK;
}

uint64_t cn_recfile_size(const cn_recfile *f)
{
    return f->size;
}

int cn_recfile_rewind(cn_recfile *f, cn_error *err)
{
    if (f->reading)
        return cn_error_set(err, CN_ERR_USAGE, "temporary records: rewound twice");
    errno = 0;
    if (fflush(f->f) != 0 || ferror(f->f))
        return write_failed(f, err);
    if (fseek(f->f, 0, SEEK_SET) != 0)
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: %s", f->dir,
                            strerror(errno));
    f->reading = true;
    return CN_OK;
}

int cn_recfile_reread(cn_recfile *f, cn_error *err)
{
    if (!f->reading)
        return cn_error_set(err, CN_ERR_USAGE, "temporary records: read before rewind");
    errno = 0;
    clearerr(f->f);
    if (fseek(f->f, 0, SEEK_SET) != 0)
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: %s", f->dir,
                            strerror(errno));
    return CN_OK;
}

int cn_recfile_read(cn_recfile *f, void *data, size_t n, cn_error *err)
{
    if (!f->reading)
        return cn_error_set(err, CN_ERR_USAGE, "temporary records: read before rewind");
    errno = 0;
    if (n && fread(data, 1, n, f->f) != n) {
        int e = errno;
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: %s", f->dir,
                            ferror(f->f) && e ? strerror(e) : "it ends early");
    }
    return CN_OK;
}

int cn_recfile_read_at(const cn_recfile *f, uint64_t offset, void *data, size_t n, cn_error *err)
{
    if (!f->reading)
        return cn_error_set(err, CN_ERR_USAGE, "temporary records: read before rewind");
    if (offset > f->size || n > f->size - offset)
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: it ends early",
                            f->dir);
    ssize_t got = cn_fdio_pread(fileno(f->f), data, n, (off_t)offset);
    if (got != (ssize_t)n)
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: %s", f->dir,
                            got < 0 ? strerror(errno) : "it ends early");
    return CN_OK;
}
