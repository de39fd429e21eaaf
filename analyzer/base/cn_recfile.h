/*
 * cn_recfile: a scratch file of records, written once in order and then
 * read back once in the same order (or a record at a time by its offset), so
 * that state needed only later (the
 * analysis' per-answer records while the corpus is read and its
 * de-duplication index holds the memory) waits on disk instead of in memory.
 *
 * The file is made in a folder (NULL: $TMPDIR, else /tmp) and unlinked at
 * once: nothing is left behind on any exit, a crash included. Writes are
 * buffered; a write that fails (disk full, a file size limit) is reported by
 * that write or by cn_recfile_rewind, never lost. Reading asks for exactly the
 * bytes wanted: a file that ends early is an error, not a short record.
 */
#ifndef CN_RECFILE_H
#define CN_RECFILE_H

#include "cn_error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct cn_recfile cn_recfile;

/* A new, empty file in dir. CN_ERR_IO when none can be made there,
 * CN_ERR_NOMEM. */
int cn_recfile_new(const char *dir, cn_recfile **out, cn_error *err);

/* Close (so remove) the file. NULL is fine. */
void cn_recfile_free(cn_recfile *f);

/* Append n bytes. CN_ERR_IO when the file cannot take them; CN_ERR_USAGE
 * after cn_recfile_rewind. */
int cn_recfile_write(cn_recfile *f, const void *data, size_t n, cn_error *err);

/* Bytes written so far. */
uint64_t cn_recfile_size(const cn_recfile *f);

/* Write out what is buffered and go back to the start for reading: the
 * last chance for a failed write to show (CN_ERR_IO). Once only. */
int cn_recfile_rewind(cn_recfile *f, cn_error *err);

/* After cn_recfile_rewind: reading starts again at the first byte (a file
 * read in order more than once). CN_ERR_IO when it cannot; CN_ERR_USAGE
 * before cn_recfile_rewind. */
int cn_recfile_reread(cn_recfile *f, cn_error *err);

/* Read the next n bytes into data. CN_ERR_IO when the file ends first or
 * cannot be read; CN_ERR_USAGE before cn_recfile_rewind. */
int cn_recfile_read(cn_recfile *f, void *data, size_t n, cn_error *err);

/* After cn_recfile_rewind: the n bytes at offset, wherever reading stands
 * (pread: no position is shared, so several threads may read at once).
 * CN_ERR_IO when the file ends first or cannot be read; CN_ERR_USAGE before
 * cn_recfile_rewind. */
int cn_recfile_read_at(const cn_recfile *f, uint64_t offset, void *data, size_t n, cn_error *err);

#endif
