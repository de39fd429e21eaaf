/*
 * cn_fdio: whole reads and writes at an offset of a file descriptor
 * (pread/pwrite retried after a short count or EINTR). The scratch files
 * (cn_recfile, cn_diskarray, cn_spill, the consensus pool) read and write
 * their records through it, so the retry loop lives in one place; each
 * caller words its own error.
 */
#ifndef CN_FDIO_H
#define CN_FDIO_H

#include <stddef.h>
#include <sys/types.h>

/* Reads up to n bytes at offset into buf. Returns the bytes read: n, or
 * fewer only where the file ends; -1 on an error (errno says which). */
ssize_t cn_fdio_pread(int fd, void *buf, size_t n, off_t offset);

/* Writes n bytes at offset. Returns n, or fewer when the system wrote
 * nothing more and gave no error (a full disk); -1 on an error (errno). */
ssize_t cn_fdio_pwrite(int fd, const void *buf, size_t n, off_t offset);

#endif
