/*
 * cn_jsonpretty: JSON written straight into a buffer with the very bytes
 * cJSON_Print gives for the same tree: an object's members on their own
 * lines, indented with one tab a level, "key":<TAB>value, ",\n" between
 * members; array elements on one line separated by ", "; strings escaped as
 * cJSON escapes them. A report's long lists (tens of thousands of answers)
 * are written this way without making, printing and freeing a tree for each
 * element. Values come in order: a member's key, then its value.
 */
#ifndef CN_JSONPRETTY_H
#define CN_JSONPRETTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define CN_JSONPRETTY_MAX_DEPTH 32

typedef struct cn_jsonpretty {
    char *s; /* the bytes so far (NUL-terminated when not failed) */
    size_t len, cap;
    bool failed; /* out of memory, or nested too deep */
    int depth;   /* cJSON's depth: levels open, plus the base */
    int level;   /* containers open */
    bool in_object[CN_JSONPRETTY_MAX_DEPTH];
    size_t items[CN_JSONPRETTY_MAX_DEPTH]; /* values written at each level */
    FILE *sink;                            /* see cn_jsonpretty_sink; NULL: every byte stays in s */
    size_t sink_limit;
} cn_jsonpretty;

/* From now on, when more than `limit` bytes wait in the buffer and it would
 * have to grow, they are written to sink first and s keeps only the bytes
 * after them: a value too large to hold whole (a question of a million
 * answers lists hundreds of thousands of files) is streamed in pieces. The
 * caller writes what is left in s at the end; a failed write shows in
 * ferror(sink). Kept by cn_jsonpretty_reset; sink NULL turns it off. */
void cn_jsonpretty_sink(cn_jsonpretty *w, FILE *sink, size_t limit);

/* Start again (keeping the memory) for a value printed as the element of a
 * tree `depth` levels deep (cJSON_Print's text with `depth` tabs after each
 * newline). */
void cn_jsonpretty_reset(cn_jsonpretty *w, int depth);
void cn_jsonpretty_clear(cn_jsonpretty *w);

/* The key of the next member (inside an object). */
void cn_jsonpretty_key(cn_jsonpretty *w, const char *key);
void cn_jsonpretty_open_object(cn_jsonpretty *w);
void cn_jsonpretty_close_object(cn_jsonpretty *w);
void cn_jsonpretty_open_array(cn_jsonpretty *w);
void cn_jsonpretty_close_array(cn_jsonpretty *w);
/* s[0..n) as a JSON string. */
void cn_jsonpretty_string_n(cn_jsonpretty *w, const char *s, size_t n);
/* True when s[0..n) is at most 32 bytes of printable ASCII (0x20 .. 0x7F)
 * other than " and \\: a string that is valid UTF-8, needs no escape and
 * is written as it is between quotes. */
bool cn_jsonpretty_plain_ascii(const char *s, size_t n);
/* s[0..n), plain as cn_jsonpretty_plain_ascii says, as a JSON string: the
 * bytes cn_jsonpretty_string_n gives for it, without looking for escapes. */
void cn_jsonpretty_string_plain(cn_jsonpretty *w, const char *s, size_t n);
/* A string, or null when s is NULL. */
void cn_jsonpretty_string(cn_jsonpretty *w, const char *s);
/* Text as it is (a number already formatted). */
void cn_jsonpretty_raw(cn_jsonpretty *w, const char *text);
void cn_jsonpretty_bool(cn_jsonpretty *w, bool v);
void cn_jsonpretty_null(cn_jsonpretty *w);

/* For a writer that puts a whole value's bytes in place itself (a report's
 * evidence items, by the hundred thousand): what comes before a value at the
 * current level (an array element's ", ", counted as the element), then
 * room for n more bytes at the end (NULL once failed; the bytes so far may
 * go to the sink first), then where the bytes written there end. The caller
 * writes the very bytes the calls above would give, and its value leaves
 * the levels as it found them. */
void cn_jsonpretty_before_value(cn_jsonpretty *w);
char *cn_jsonpretty_room(cn_jsonpretty *w, size_t n);
void cn_jsonpretty_wrote(cn_jsonpretty *w, char *end);

#endif
