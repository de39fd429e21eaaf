/*
 * cn_overrides: editors' corrections of stances (DESIGN.md, `consensus
 * analyze --overrides FILE`). The file is one JSON array of decisions
 *   [{"answer_id": "9eac07e4bd29738f", "stance": "cautionary",
 *     "editor": "jd", "note": "hedged: 'only time will tell'"}]
 * where answer_id is a 16-hex-digit id as `consensus parse` prints it, stance
 * is reassuring, cautionary, contraindicated or none (the stance toward the
 * question's primary claim), and editor and note are optional strings (or
 * null). Other members are ignored, so editors may keep their own (a date).
 *
 * A file whose name ends in .csv is read as answers.csv (cn_report_csv) given
 * back: the columns answer_id and editor_stance are required, editor and note
 * optional, every other column ignored; a row whose editor_stance is blank is
 * no override. Its `entry` is the row number (the header is row 0).
 *
 * Loading is strict, since a silently misread correction is worse than none:
 * invalid JSON, a missing or malformed member, or the same answer_id twice is
 * an error naming FILE:LINE (line of the error or of the entry) and the entry.
 * Which overrides matched an answer is the analysis' business (cn_analysis).
 */
#ifndef CN_OVERRIDES_H
#define CN_OVERRIDES_H

#include "cn_error.h"
#include "cn_page.h"
#include "cn_stance.h"

#include <stddef.h>

typedef struct cn_override {
    char answer_id[CN_ID_LEN + 1];
    cn_stance stance;
    char *editor;   /* NULL when absent */
    char *note;     /* NULL when absent */
    unsigned entry; /* 1-based position in the array */
    unsigned line;  /* line of the entry in the file, 1-based */
} cn_override;

typedef struct cn_overrides cn_overrides;

/* Read and check FILE. CN_ERR_IO when it cannot be read; CN_ERR_ENCODING when
 * it is not UTF-8; CN_ERR_FORMAT for anything else wrong ("FILE:LINE: ...");
 * CN_ERR_NOMEM. */
int cn_overrides_load(const char *path, cn_overrides **out, cn_error *err);

/* The same from text[0..len), named name in messages. */
int cn_overrides_parse(const char *text, size_t len, const char *name, cn_overrides **out,
                       cn_error *err);

/* NULL is fine. */
void cn_overrides_free(cn_overrides *ov);

/* Entries in file order. */
size_t cn_overrides_count(const cn_overrides *ov);
const cn_override *cn_overrides_at(const cn_overrides *ov, size_t i);

/* The position (index for cn_overrides_at) of the override for answer_id, or
 * -1 when there is none. */
long cn_overrides_find(const cn_overrides *ov, const char *answer_id);

/* The file name given to load or parse. */
const char *cn_overrides_name(const cn_overrides *ov);

#endif
