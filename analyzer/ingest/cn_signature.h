/*
 * cn_signature: what a physician's signature and sign-off look like.
 *
 * A signature block is up to three lines, each optional, in this order:
 * "Name, MD[, FACS]" / "City Specialty" / "4.9 out of 5 stars 63 reviews",
 * possibly with a couple of short extra lines ("Dr. B", "Memphis, TN").
 * A sign-off is a closing line that repeats the physician's name at the end of
 * the body ("Best, Dr. Emer", "- Dr. Yates", "Sagar Patel"); the reader drops it
 * from the reported text. Both are recognized here, from the cue lists.
 */
#ifndef CN_SIGNATURE_H
#define CN_SIGNATURE_H

#include "cn_lines.h"
#include "cn_pagecues.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum cn_sigline_kind {
    CN_SIGLINE_NONE = 0,
    CN_SIGLINE_NAME = 1,   /* "Stephen Weber MD, FACS" */
    CN_SIGLINE_PLACE = 2,  /* "Beverly Hills Facial Plastic Surgeon" */
    CN_SIGLINE_RATING = 3, /* "4.9 out of 5 stars 63 reviews" */
    CN_SIGLINE_SHORT = 4   /* a short extra line tolerated inside a block */
} cn_sigline_kind;

typedef struct cn_sigline {
    cn_sigline_kind kind;
    size_t len;            /* bytes of the line read (a trailing site link dropped) */
    size_t name_core;      /* NAME: bytes of the line before the credentials */
    size_t city_len;       /* PLACE: bytes of the line that hold the city (0: none) */
    const char *specialty; /* PLACE: canonical name, owned by the taxonomy; NULL: none */
    double rating;         /* RATING */
    bool has_reviews;
    long reviews;
} cn_sigline;

/* Classify one trimmed line. */
cn_sigline_kind cn_signature_classify(const cn_pagecues *cues, const char *line, size_t len,
                                      cn_sigline *out);

/* Classify a line knowing the kind of the line above it: under a name line,
 * "Double Board Certified Plastic Surgeon" is a specialty line. */
cn_sigline_kind cn_signature_classify_after(const cn_pagecues *cues, cn_sigline_kind above,
                                            const char *line, size_t len, cn_sigline *out);

/* cn_signature_classify_after for a line already classified on its own:
 * *inout holds cn_signature_classify's result for line and gets what
 * cn_signature_classify_after would give (the page parser looks at each line
 * under several others, and classifies it once). */
cn_sigline_kind cn_signature_reclassify_after(const cn_pagecues *cues, cn_sigline_kind above,
                                              const char *line, size_t len, cn_sigline *inout);

/* A line printed on its own just above a signature that belongs to it: a
 * specialty line with qualifiers ("Beverly Hills, Board Certified Plastic
 * Surgeon") or "Dr. Name" followed by practice details in wide-spaced columns.
 * The caller checks that a signature follows. */
bool cn_signature_is_extra(const cn_pagecues *cues, const char *line, size_t len);

/* A specialty title alone on its line, every word capitalized ("Board
 * Certified Plastic Surgeon", "Double Board Certified Dermatologist"): the
 * qualifiers before the specialty are no city. Alone it may be a heading, so
 * the caller checks where it stands (under a sign-off, above a signature). */
bool cn_signature_is_specialty_title(const cn_pagecues *cues, const char *line, size_t len);

/* Lines[0..n) are a practice's postal address, as some sites print under a
 * signature: a street line that starts with a number ("2121 N 1700 W"),
 * perhaps a suite line, and a last line "City, ST 84041" or "Toronto,
 * Ontario M8X 1Y9" (a comma, and a number in its last word). */
bool cn_signature_is_address(const cn_line *lines, size_t n);

/* A signature block found at the end of a paragraph of lines. */
typedef struct cn_sigblock {
    size_t first;            /* index of its first line; earlier lines are body text */
    int name, place, rating; /* line index of each part, -1 when absent */
    cn_sigline parts[3];     /* NAME, PLACE, RATING details (by kind - 1) */
} cn_sigblock;

/* True when the paragraph lines[0..n) ends in a signature block: a run of
 * lines that starts with a NAME, PLACE or RATING line, holds each at most once
 * and in that order, plus at most two short extra lines, and runs to the end. */
bool cn_signature_block(const cn_pagecues *cues, const cn_line *lines, size_t n, cn_sigblock *out);

/* Lines at the end of a paragraph a signature block is looked for in. */
#define CN_SIGBLOCK_LINES 5

/* cn_signature_block for lines already classified on their own (the page
 * parser reads each line once): plain[0..k) is cn_signature_classify's result
 * for lines[n - k..n), k = min(n, CN_SIGBLOCK_LINES). */
bool cn_signature_block_tail(const cn_pagecues *cues, const cn_line *lines, size_t n,
                             const cn_sigline *plain, cn_sigblock *out);

/* The length of the name part of a name line, without credentials
 * ("Jessica J. Krant, MD, MPH" -> 16, "Jessica J. Krant"); len when the line
 * carries none. */
size_t cn_signature_name_core(const cn_pagecues *cues, const char *name, size_t len);

/* True when s[0..len) is, as a whole, a sign-off: optional dash, optional
 * valediction, then a name ("Dr. X", "First Last, MD", "Sagar Patel") and
 * optionally a place ("Memphis, TN"). With the physician's name (name core,
 * no credentials) the sign-off must repeat one of its words and may be bare;
 * without it (NULL) the name must carry "Dr." or credentials, or follow a
 * valediction. */
bool cn_signature_is_signoff(const cn_pagecues *cues, const char *s, size_t len,
                             const char *physician, size_t physician_len);

/* Remove sign-offs from the end of text (paragraphs separated by blank lines):
 * a last paragraph that is a sign-off, or a sign-off ending the last paragraph
 * after a sentence end ("... consult your Dr. Best, Dr. Emer"). Repeats while
 * it finds one and never empties the text. Edits the NUL-terminated text in
 * place (only shortening it); returns true when something was removed.
 * physician as for cn_signature_is_signoff. */
bool cn_signature_strip_signoff(const cn_pagecues *cues, char *text, const char *physician,
                                size_t physician_len);

/* A physician's credit in brackets at the end of a line, as sites that
 * collect answers print after each one: "... (Jane Roe, MD, FACS, Omaha
 * Plastic Surgeon)". The bracket holds a credential; the name runs to its
 * last one, and the rest is split into city and specialty by the taxonomy.
 * Spans point into line. */
typedef struct cn_credit {
    const char *name; /* "Jane Roe, MD, FACS" */
    size_t name_len;
    const char *city; /* "Omaha"; city_len 0: none */
    size_t city_len;
    const char *specialty; /* canonical, owned by the taxonomy; NULL: none */
} cn_credit;

/* True when line[0..len) ends with such a credit; *out (when not NULL) gets
 * its parts. */
bool cn_signature_credit(const cn_pagecues *cues, const char *line, size_t len, cn_credit *out);

#endif
