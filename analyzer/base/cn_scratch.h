/*
 * cn_scratch: an unlinked temporary file for data that waits on disk while a
 * corpus is read (the analysis' answer records, spilled pages). The file is
 * removed from its folder as soon as it is made, so nothing is left behind
 * whatever happens to the process.
 */
#ifndef CN_SCRATCH_H
#define CN_SCRATCH_H

#include "cn_error.h"

#include <stdio.h>

/* The folder scratch files go to: dir when given and not empty, else
 * $TMPDIR, else /tmp. The result is dir, the environment's string or a
 * literal: not to be freed. */
const char *cn_scratch_dir(const char *dir);

/* Make an unlinked file "STEM-XXXXXX" in cn_scratch_dir(dir), opened for
 * writing and reading ("w+b"); the caller fcloses *out. CN_ERR_IO (with the
 * folder named) when it cannot be made, CN_ERR_NOMEM on OOM. */
int cn_scratch_open(const char *dir, const char *stem, FILE **out, cn_error *err);

#endif
