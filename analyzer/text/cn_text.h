/*
 * cn_text: UTF-8 validation and the one text normalization every matcher in
 * the analyzer uses (de-duplication keys, classifier tokens, gold alignment).
 *
 * Normalization folds what varies between renderings of the same words and
 * keeps what changes their meaning: no-break and other Unicode spaces become
 * ' ', curly quotes become ' and ", Unicode dashes become '-', the ellipsis
 * character becomes "...", ASCII and Latin-1 letters are lower-cased, runs of
 * white space collapse to one space, and leading/trailing space is dropped.
 * Everything else passes through unchanged. Reports keep the original text;
 * the optional offset map ties each normalized byte back to its source byte so
 * evidence spans point into the original.
 */
#ifndef CN_TEXT_H
#define CN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). On false, *bad_offset (if not NULL) is the
 * byte offset of the first offending byte. */
bool cn_utf8_validate(const char *s, size_t len, size_t *bad_offset);

/* cn_utf8_decode for a sequence that does not start with an ASCII byte. */
size_t cn_utf8_decode_multi(const char *s, size_t len, uint32_t *cp);

/* Decode one code point at s[0..len); returns its byte length (>= 1) and
 * stores the code point, or returns 1 and U+FFFD for a malformed sequence.
 * Inline: every parser calls it per character, and nearly all are ASCII. */
static inline size_t cn_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    if (len > 0 && (unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return cn_utf8_decode_multi(s, len, cp);
}

/* Normalized copy of s[0..len) (malloc'd, NUL-terminated; NULL on OOM).
 * *out_len (if not NULL) gets its length. If offsets is not NULL, *offsets gets
 * a malloc'd array of out_len + 1 entries: offsets[i] is the source offset of
 * the character that produced output byte i, offsets[out_len] == len. */
char *cn_text_normalize(const char *s, size_t len, size_t *out_len, size_t **offsets);

/* cn_text_normalize into out, which holds at least len + 1 bytes (the
 * normalized text is never longer than its source): no allocation, for the
 * many short lines the page parsers look at. Returns the length written
 * (out is NUL-terminated). */
size_t cn_text_normalize_into(const char *s, size_t len, char *out);

/* cn_text_normalize into out (len + 1 bytes) with its offset map into map
 * (len + 1 entries), both the caller's: for a tokenizer that keeps its
 * buffers from one text to the next. Returns the length written. */
size_t cn_text_normalize_map_into(const char *s, size_t len, char *out, size_t *map);

/* The de-duplication key: the normalized text with everything but letters and
 * digits removed, so two renderings that differ only in white space and
 * punctuation get the same key. malloc'd; NULL on OOM. */
char *cn_text_dedup_key(const char *s, size_t len);

/* A copy of s[0..len) with runs of white space (no-break spaces included)
 * collapsed to one ' ' and the ends trimmed; characters otherwise kept as is.
 * For cleaning report text without changing its wording. */
char *cn_text_squeeze(const char *s, size_t len);

/* True when c is ASCII white space: ' ', or '\t' '\n' '\v' '\f' '\r' (9 to 13,
 * one unsigned compare instead of five). */
static inline bool cn_text_is_space(int c)
{
    return c == ' ' || (unsigned)c - '\t' <= (unsigned)('\r' - '\t');
}

/* The offset of a JSON "\u0000" escape in s[0..len) (an escaped NUL, which a
 * C string would cut short), or len when there is none. A backslash that is
 * itself escaped ("\\u0000") is no escape. */
size_t cn_json_nul_escape(const char *s, size_t len);

#endif
