/*
 * cn_file: read a whole (small) file into memory: rule files, gold labels,
 * CSV tables. Page files go through the reader, which caps their size.
 */
#ifndef CN_FILE_H
#define CN_FILE_H

#include "cn_error.h"

#include <stddef.h>

/* The most a file read here may hold: rule, gold, override and CSV files are
 * small; a larger one (or /dev/zero) is refused rather than filling memory. */
#define CN_FILE_MAX_BYTES (256 << 20)

/* Read path (a regular file, at most CN_FILE_MAX_BYTES; a leading UTF-8 byte
 * order mark is dropped) into *data (malloc'd, NUL-terminated; the caller frees it) and
 * its length into *len. On failure returns io_code (CN_ERR_IO, CN_ERR_RULES...)
 * with "PATH: reason" in err, or CN_ERR_NOMEM; *data is then NULL. */
int cn_file_read(const char *path, int io_code, char **data, size_t *len, cn_error *err);

#endif
