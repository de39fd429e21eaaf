/*
 * cn_xmlw: an XML document streamed into a stdio stream, byte for byte as
 * libxml2's xmlTextWriter writes it with indenting on ("  " a level) and
 * encoding UTF-8 (report.xml was first written through it, and its bytes
 * stay the same), at a fraction of its cost: no element stack of copied
 * names, no escaping into fresh buffers, no 4 KB chunked output buffer and
 * encoder in between.
 *
 * What it reproduces: the declaration `<?xml version="1.0" encoding="UTF-8"?>`
 * and a newline; a start tag on its own line, indented by its depth; an
 * empty element closed as `/>`; text right after the start tag with the end
 * tag after it on the same line; an end tag after child elements indented
 * on its own line; attribute values with & < > " escaped and tab, newline
 * and carriage return written as character references; text with & < > "
 * escaped and carriage return as a reference. Text must be valid UTF-8 (the
 * report's text is cleaned first, cn_fmt_clean_text). An attribute after
 * text, or an end with no open element, is misuse (as libxml2 refuses it):
 * the writer fails, writes nothing more, and cn_xmlw_finish says so.
 *
 * Names passed to cn_xmlw_start are borrowed until the element ends.
 */
#ifndef CN_XMLW_H
#define CN_XMLW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cn_xmlw cn_xmlw;

/* A writer into f (borrowed), the XML declaration written. NULL on OOM. */
cn_xmlw *cn_xmlw_new(FILE *f);

/* Close every open element and flush into f; false when the writer failed
 * (misuse or out of memory) or f reports an error. Frees w. */
bool cn_xmlw_finish(cn_xmlw *w);

/* Free without finishing (after a failure elsewhere). NULL is fine. */
void cn_xmlw_free(cn_xmlw *w);

void cn_xmlw_start(cn_xmlw *w, const char *name);
void cn_xmlw_end(cn_xmlw *w);
void cn_xmlw_attr(cn_xmlw *w, const char *name, const char *value);
/* The same with the value's length known (value[0..len), no NUL inside). */
void cn_xmlw_attr_n(cn_xmlw *w, const char *name, const char *value, size_t len);
/* True when s[0..n) is at most 32 bytes of printable ASCII (0x20 .. 0x7F)
 * other than " & < >: text that is clean for XML and that neither an
 * attribute nor text content escapes. */
bool cn_xmlw_plain_ascii(const char *s, size_t n);
/* cn_xmlw_attr_n for a value known to need no escape (cn_xmlw_plain_ascii,
 * digits): the same bytes, without looking. */
void cn_xmlw_attr_plain(cn_xmlw *w, const char *name, const char *value, size_t len);
/* Text s[0..len) of the open element (len 0: nothing is written). */
void cn_xmlw_text(cn_xmlw *w, const char *s, size_t len);

/* A whole child element of the open element, its bytes put in place by the
 * caller (a report's evidence, by the hundred thousand): the open start tag
 * is closed and the child's indentation written, then the caller gets room
 * for n bytes, writes there exactly what cn_xmlw_start, the attributes,
 * cn_xmlw_text and cn_xmlw_end would write after the indentation ("<name
 * ...>text</name>\n" or "<name .../>\n"), and says where it stopped with
 * cn_xmlw_child_wrote. NULL, with nothing written, once the writer failed
 * or when n bytes could not be held at once (the caller then uses the calls
 * above). */
char *cn_xmlw_child_room(cn_xmlw *w, size_t n);
void cn_xmlw_child_wrote(cn_xmlw *w, char *end);
/* s[0..len) escaped as cn_xmlw_attr_n and cn_xmlw_text escape it, at out
 * (room for CN_XMLW_ESCAPED_MAX(len) bytes); the end of what was written. */
#define CN_XMLW_ESCAPED_MAX(len) (6 * (size_t)(len))
char *cn_xmlw_escape_attr_into(char *out, const char *s, size_t len);
char *cn_xmlw_escape_text_into(char *out, const char *s, size_t len);
/* True once the writer failed. */
bool cn_xmlw_failed(const cn_xmlw *w);

#endif
