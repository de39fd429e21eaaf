/*
 * cn_outfile: writing report files safely. Every file is first written whole
 * to a hidden temporary name in the output folder and renamed over its final
 * name only once everything has been written, so a failure never leaves a
 * half-written report, and a set of files (report.json, report.xml,
 * answers.jsonl) is committed together: if any of them cannot be written, none
 * is renamed and every temporary is removed; if a rename fails halfway, the
 * files already renamed get their previous versions back. A lock on
 * DIR/.consensus.lock keeps a second run out while a set is open.
 *
 * A report can also be written piece by piece (cn_outset_open, then
 * cn_outset_close): the writer streams into the temporary file, so a large
 * report never needs to be held whole in memory.
 *
 * While a set is open, SIGINT, SIGTERM, SIGHUP and SIGQUIT are held back in
 * the calling thread: one that arrives makes the next cn_outset_add or
 * cn_outset_commit fail ("interrupted by a signal"), the temporaries are
 * removed, and cn_outset_free restores the signal mask, which delivers it
 * (the process ends as the signal says, with no temporary and no mixed set
 * left behind).
 */
#ifndef CN_OUTFILE_H
#define CN_OUTFILE_H

#include "cn_error.h"

#include <stddef.h>
#include <stdio.h>

typedef struct cn_outset cn_outset;

/* A set of files for folder dir, which is created (with its parents) when
 * missing. CN_ERR_IO naming the folder when it cannot be created or is not a
 * writable folder, or when another run holds its lock; CN_ERR_NOMEM. */
int cn_outset_new(const char *dir, cn_outset **out, cn_error *err);

/* Write data[0..len) to a temporary file that will become dir/name on commit.
 * The name must be a plain file name (no '/'). CN_ERR_IO naming the file when
 * it cannot be written (the temporary is removed); CN_ERR_USAGE for a bad name. */
int cn_outset_add(cn_outset *set, const char *name, const void *data, size_t len, cn_error *err);

/* The most files of a set open at once (cn_outset_open). */
#define CN_OUTSET_OPEN_MAX 8

/* Open a temporary file that becomes dir/name on commit, for a report written
 * piece by piece: *f is a buffered stdio stream to write into (by any one
 * thread: several reports can be written at once, each into its own file);
 * hand it back to cn_outset_close. Files join the set in the order they are
 * closed. CN_ERR_USAGE when CN_OUTSET_OPEN_MAX are open. CN_ERR_IO naming the file
 * when the temporary cannot be made or a signal arrived; CN_ERR_USAGE for a bad
 * name; CN_ERR_NOMEM. */
int cn_outset_open(cn_outset *set, const char *name, FILE **f, cn_error *err);

/* Flush, sync and close the stream of cn_outset_open. CN_ERR_IO naming the file
 * when any write to it failed (the temporary is removed, the file is not part
 * of the set). f must be a stream cn_outset_open gave and not yet closed. */
int cn_outset_close(cn_outset *set, FILE *f, cn_error *err);

/* Remove dir/name on commit (a stale report the new set has no version of,
 * as report.html after --no-html). */
int cn_outset_remove(cn_outset *set, const char *name, cn_error *err);

/* Rename every temporary to its final name. On failure the files not yet
 * renamed are removed and CN_ERR_IO names the one that failed. */
int cn_outset_commit(cn_outset *set, cn_error *err);

/* Remove the temporaries not committed and free the set. NULL is fine. */
void cn_outset_free(cn_outset *set);

/* The folder, as given. */
const char *cn_outset_dir(const cn_outset *set);

#endif
