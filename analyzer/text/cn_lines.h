/*
 * cn_lines: a page's text as clean lines, the common ground of the page
 * parsers. Splitting accepts LF, CRLF and lone CR line ends and a missing final
 * newline; template residue ("{{ voteCount ... }}") and a style rule opening a
 * line ("#box { top: -9px; }") are cut out, and a line that
 * held nothing but residue is flagged, because on structured pages it marks the
 * line before it as an answer title. Each line is trimmed of white space
 * (no-break and other Unicode spaces included); its inner text is unchanged.
 *
 * Also the small span helpers the parsers share (trim, word count, last
 * character) so that all of them agree on what "white space" is.
 */
#ifndef CN_LINES_H
#define CN_LINES_H

#include "cn_error.h"
#include "cn_text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The line held template residue and nothing else. */
#define CN_LINE_RESIDUE 0x1u

typedef struct cn_line {
    const char *s; /* trimmed text, residue removed; points into cn_lines.buf */
    size_t len;
    size_t lineno; /* 1-based line number in the source */
    unsigned flags;
} cn_line;

typedef struct cn_lines {
    char *buf; /* the cleaned copy every cn_line points into */
    cn_line *v;
    size_t n;
} cn_lines;

/* Split text[0..len) into clean lines. On success *out owns its memory (free
 * it with cn_lines_clear). */
int cn_lines_split(const char *text, size_t len, cn_lines *out, cn_error *err);

/* Release what cn_lines_split allocated; *lines is left empty. */
void cn_lines_clear(cn_lines *lines);

/* A malloc'd copy of s[0..len) with template residue cut out (for text that
 * arrives in one piece, e.g. a JSON Lines field). NULL on OOM. */
char *cn_lines_strip_residue(const char *s, size_t len);

/* True for ASCII white space and the Unicode spaces normalization folds
 * (inline: the parsers ask it of nearly every character). */
static inline bool cn_span_is_space_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cn_text_is_space((int)cp);
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x1680;
}

/* The sub-span of s[0..len) without leading and trailing white space. */
const char *cn_span_trim(const char *s, size_t len, size_t *out_len);

/* Number of white-space separated words in s[0..len). */
size_t cn_span_words(const char *s, size_t len);

/* cn_span_words(s, len), or cap when that is more: the count stops at cap
 * words (a test "at least N words" need not count a long line's others). */
size_t cn_span_words_upto(const char *s, size_t len, size_t cap);

/* The last byte of s[0..len) that is not white space or a closing quote or
 * bracket, or '\0' when there is none (so `"Yes."` ends with '.'). */
char cn_span_last_char(const char *s, size_t len);

/* True when s[0..len) starts with a letter that is not lower case: ASCII A-Z
 * or any non-ASCII letter (accented capitals and scripts without case). */
bool cn_span_starts_upper(const char *s, size_t len);

/* A NUL-terminated copy of s[0..len) the caller frees, or NULL when out of
 * memory. */
char *cn_span_copy(const char *s, size_t len);

/* Case-insensitive ASCII comparison of s[0..len) with the NUL-terminated word. */
bool cn_span_equals_ci(const char *s, size_t len, const char *word);

#endif
