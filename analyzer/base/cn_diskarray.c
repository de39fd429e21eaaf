/* cn_diskarray: fixed-size elements in unlinked scratch files, through a
 * bounded direct-mapped cache of blocks (pread/pwrite). */
#define _POSIX_C_SOURCE 200809L
#include "cn_diskarray.h"

#include "cn_fdio.h"
#include "cn_scratch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MIN_FRAMES 16

typedef struct frame {
    cn_diskarray *owner; /* NULL: empty */
    uint64_t block;
    bool dirty;
} frame;

struct cn_blockcache {
    size_t n;            /* frames */
    unsigned char *data; /* n blocks */
    frame *fr;
    uint64_t next_id; /* spreads the arrays' block 0 over the frames */
};

struct cn_diskarray {
    cn_blockcache *cache;
    FILE *file;
    int fd;
    const char *dir; /* for messages */
    size_t elem, per_block;
    uint64_t file_blocks; /* blocks the file holds (written or passed over) */
    uint64_t offset;      /* frame of block 0 */
};

int cn_blockcache_new(size_t bytes, cn_blockcache **out, cn_error *err)
{
    *out = NULL;
    cn_blockcache *c = calloc(1, sizeof *c);
    size_t n = bytes / CN_DISKARRAY_BLOCK;
    if (n < MIN_FRAMES)
        n = MIN_FRAMES;
    /* malloc, not calloc: frames are filled before they are read, and pages
     * never touched stay out of the resident set */
    if (c && (c->data = malloc(n * CN_DISKARRAY_BLOCK)) && (c->fr = calloc(n, sizeof *c->fr))) {
        c->n = n;
        *out = c;
        return CN_OK;
    }
    cn_blockcache_free(c);
    return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}

void cn_blockcache_free(cn_blockcache *c)
{
    if (!c)
        return;
    free(c->data);
    free(c->fr);
    free(c);
}

size_t cn_blockcache_bytes(const cn_blockcache *c)
{
    return sizeof *c + c->n * (CN_DISKARRAY_BLOCK + sizeof *c->fr);
}

int cn_diskarray_new(cn_blockcache *cache, const char *dir, size_t elem_size, cn_diskarray **out,
                     cn_error *err)
{
    *out = NULL;
    if (elem_size == 0 || elem_size > CN_DISKARRAY_BLOCK)
        return cn_error_set(err, CN_ERR_USAGE, "disk array elements of %zu bytes", elem_size);
    cn_diskarray *a = calloc(1, sizeof *a);
    if (!a)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int rc = cn_scratch_open(dir, "consensus-index", &a->file, err);
    if (rc) {
        free(a);
        return rc;
    }
    a->cache = cache;
    a->fd = fileno(a->file);
    a->dir = cn_scratch_dir(dir);
    a->elem = elem_size;
    a->per_block = CN_DISKARRAY_BLOCK / elem_size;
    /* a new array's first blocks go to frames the last one's did not start at */
    a->offset = (cache->next_id++ * 0x9E3779B97F4A7C15ULL >> 32) % cache->n;
    *out = a;
    return CN_OK;
}

void cn_diskarray_free(cn_diskarray *a)
{
    if (!a)
        return;
    cn_blockcache *c = a->cache;
    for (size_t f = 0; f < c->n; f++)
        if (c->fr[f].owner == a)
            c->fr[f] = (frame){NULL, 0, false};
    fclose(a->file);
    free(a);
}

/* Write frame f's block back to its array's file. */
static int write_back(cn_blockcache *c, size_t f, cn_error *err)
{
    frame *fr = &c->fr[f];
    const unsigned char *p = c->data + f * CN_DISKARRAY_BLOCK;
    cn_diskarray *a = fr->owner;
    off_t at = (off_t)(fr->block * CN_DISKARRAY_BLOCK);
    ssize_t w = cn_fdio_pwrite(a->fd, p, CN_DISKARRAY_BLOCK, at);
    if (w != (ssize_t)CN_DISKARRAY_BLOCK)
        return cn_error_set(err, CN_ERR_IO, "cannot write a temporary file in %s: %s", a->dir,
                            w < 0 ? strerror(errno) : "nothing written");
    if (fr->block >= a->file_blocks)
        a->file_blocks = fr->block + 1;
    fr->dirty = false;
    return CN_OK;
}

/* Read block b of a into p: zeros where the file has never been written. */
static int read_block(cn_diskarray *a, uint64_t b, unsigned char *p, cn_error *err)
{
    if (b >= a->file_blocks) {
        memset(p, 0, CN_DISKARRAY_BLOCK);
        return CN_OK;
    }
    off_t at = (off_t)(b * CN_DISKARRAY_BLOCK);
    ssize_t r = cn_fdio_pread(a->fd, p, CN_DISKARRAY_BLOCK, at);
    if (r < 0)
        return cn_error_set(err, CN_ERR_IO, "cannot read a temporary file in %s: %s", a->dir,
                            strerror(errno));
    /* a hole at the end that was never written */
    memset(p + r, 0, CN_DISKARRAY_BLOCK - (size_t)r);
    return CN_OK;
}

void *cn_diskarray_at(cn_diskarray *a, uint64_t i, bool write, cn_error *err)
{
    cn_blockcache *c = a->cache;
    uint64_t b = i / a->per_block;
    size_t f = (size_t)((b + a->offset) % c->n);
    frame *fr = &c->fr[f];
    unsigned char *p = c->data + f * CN_DISKARRAY_BLOCK;
    if (fr->owner != a || fr->block != b) {
        if (fr->owner && fr->dirty && write_back(c, f, err) != CN_OK)
            return NULL;
        fr->owner = NULL;
        if (read_block(a, b, p, err) != CN_OK)
            return NULL;
        *fr = (frame){a, b, false};
    }
    fr->dirty |= write;
    return p + (i % a->per_block) * a->elem;
}
