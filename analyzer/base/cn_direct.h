/*
 * cn_direct: a stdio stream that writes a new file around the page cache
 * (O_DIRECT) where the file system takes it. A report of hundreds of MB
 * written through the page cache costs the kernel a fresh page and a copy
 * for every 4 KB, most of `analyze`'s system time (on a virtual machine,
 * more still: each fresh page is first touched there); written directly, the
 * same bytes go to the disk from one reused, aligned buffer. The stream
 * gathers the bytes into that buffer and writes it whole (aligned offsets,
 * aligned sizes); the last, partial piece is written the ordinary way. Where
 * O_DIRECT cannot be had (tmpfs, a write the file system refuses), the
 * stream falls back to ordinary writes: the file's bytes are the same either
 * way.
 */
#ifndef CN_DIRECT_H
#define CN_DIRECT_H

#include <stdio.h>

typedef struct cn_direct cn_direct;

/* Bytes gathered and written at a time, from one aligned buffer a stream
 * (a multiple of any block size). 256 KiB: larger pieces saved no measurable
 * CPU, and `analyze` holds one buffer per report it writes at once, which
 * counts at 1 GB against its 256 MiB. */
#define CN_DIRECT_CHUNK (256u << 10)

/* A write stream ("w") over fd, a new empty file opened for writing: one
 * writing with O_DIRECT when fd takes it (*direct its state, owned by the
 * stream: fclose frees it and closes fd), else fdopen(fd, "w") (*direct
 * NULL). NULL with errno set when no stream can be made (fd left open). */
FILE *cn_direct_fdopen(int fd, cn_direct **direct);

/* Everything written to f on disk: flush f, write what the stream still
 * holds, fsync (a file system without fsync is no error). 0 or the errno of
 * the first failure, of any write before included. direct: what
 * cn_direct_fdopen gave for f (NULL: an ordinary stream over a file). */
int cn_direct_sync(FILE *f, cn_direct *direct);

#endif
