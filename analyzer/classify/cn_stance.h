/*
 * cn_stance: the stance labels of STANCE-GUIDE.md and their names.
 *
 * The enum values double as the ordinal codes of DESIGN.md: reassuring = 1 <
 * cautionary = 2 < contraindicated = 3; `none` (0) is "no position" and is
 * not on the ordinal scale.
 */
#ifndef CN_STANCE_H
#define CN_STANCE_H

typedef enum cn_stance {
    CN_STANCE_NONE = 0,
    CN_STANCE_REASSURING = 1,
    CN_STANCE_CAUTIONARY = 2,
    CN_STANCE_CONTRAINDICATED = 3
} cn_stance;

#define CN_STANCE_COUNT 4

/* "none", "reassuring", "cautionary", "contraindicated". */
const char *cn_stance_name(cn_stance stance);

/* Parse a label, in any letter case, spaces around it ignored ("Reassuring").
 * Returns 0 and sets *out, or -1. */
int cn_stance_parse(const char *name, cn_stance *out);

#endif
