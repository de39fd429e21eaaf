/*
 * cn_jsonbuf: JSON text written straight into one growing buffer, byte for
 * byte as cJSON_PrintUnformatted prints the same values (cJSON 1.7: its
 * string escapes, its number format), so the `parse` and `classify` lines
 * need no cJSON tree per answer (building and freeing those trees was a fifth
 * of `classify`'s time, mostly in the allocator).
 *
 * Commas and colons are placed by the buffer: open an object or array, then
 * give keys and values in order. A failed allocation is remembered and every
 * later call does nothing; cn_jsonbuf_take then returns NULL.
 */
#ifndef CN_JSONBUF_H
#define CN_JSONBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_jsonbuf {
    char *s; /* NUL-terminated when not empty */
    size_t len, cap;
    bool need_comma; /* a value was written at this level: the next needs ',' */
    bool failed;     /* memory ran out */
} cn_jsonbuf;

/* An empty buffer: {0}. Release with cn_jsonbuf_clear or take its text. */
void cn_jsonbuf_clear(cn_jsonbuf *b);

/* Empty the buffer but keep its memory (and a failure), to write the next
 * text into. */
void cn_jsonbuf_reset(cn_jsonbuf *b);

/* Start a new top-level value after the one just closed without a comma
 * between them (JSON Lines: one value a line). */
void cn_jsonbuf_reset_level(cn_jsonbuf *b);

/* The text written so far (malloc'd, NUL-terminated; "" when empty), the
 * buffer left empty; NULL when memory ran out on the way. */
char *cn_jsonbuf_take(cn_jsonbuf *b);

/* Room for n more bytes ahead of writing them (a hint: a writer that knows
 * about how much it will write saves the buffer's doublings, each a copy of
 * all so far). */
void cn_jsonbuf_expect(cn_jsonbuf *b, size_t n);

/* Bytes appended as they are (between values: a newline after each line). */
void cn_jsonbuf_raw(cn_jsonbuf *b, const char *s, size_t n);

void cn_jsonbuf_open_object(cn_jsonbuf *b);
void cn_jsonbuf_close_object(cn_jsonbuf *b);
void cn_jsonbuf_open_array(cn_jsonbuf *b);
void cn_jsonbuf_close_array(cn_jsonbuf *b);

/* An object's key (the value follows). */
void cn_jsonbuf_key(cn_jsonbuf *b, const char *key);

/* The same for a key of n bytes known to need no escape (no quote,
 * backslash or control byte): the writers' own literal keys, written with
 * one copy (CN_JSONBUF_KEY). */
void cn_jsonbuf_key_plain(cn_jsonbuf *b, const char *key, size_t n);
#define CN_JSONBUF_KEY(b, literal) cn_jsonbuf_key_plain((b), (literal), sizeof(literal) - 1)

/* Values. A NULL string is written as null. */
void cn_jsonbuf_string(cn_jsonbuf *b, const char *s);
void cn_jsonbuf_string_n(cn_jsonbuf *b, const char *s, size_t n);
void cn_jsonbuf_number(cn_jsonbuf *b, double d);
void cn_jsonbuf_bool(cn_jsonbuf *b, bool v);
void cn_jsonbuf_null(cn_jsonbuf *b);

/* A value written in place, for hot writers that know a bound on its
 * size: cn_jsonbuf_value_room gives where at most n bytes of it go (after
 * the comma that separates it from the previous value, written here), or
 * NULL when memory runs out; cn_jsonbuf_value_end then ends the value at
 * end (between the pointer given and n bytes on). */
char *cn_jsonbuf_value_room(cn_jsonbuf *b, size_t n);
void cn_jsonbuf_value_end(cn_jsonbuf *b, char *end);

/* s[0..n) quoted and escaped as cn_jsonbuf_string_n writes it, at out
 * (room for CN_JSON_QUOTED_MAX(n) bytes); returns the end of what it wrote. */
#define CN_JSON_QUOTED_MAX(n) (6 * (size_t)(n) + 2)
char *cn_json_quote_into(char *out, const char *s, size_t n);

/* The number (double)v as cn_jsonbuf_number writes it, at out (room for 32
 * bytes); returns the end of what it wrote. */
char *cn_json_size_into(char *out, size_t v);

/* The number as cJSON prints it, into out (at least 32 bytes); returns its
 * length. */
size_t cn_json_number_format(double d, char *out);

#endif
