/*
 * cn_html_out: writing report.html's bytes exactly as libxml2's HTML
 * serializer writes the result of reports/report.xsl, so that the page made
 * directly from the analysis (cn_html_page) equals the transformed report.xml
 * byte for byte:
 * - every text first cleaned as report.xml cleans it (cn_fmt_clean_text), as
 *   the stylesheet only ever sees the cleaned text;
 * - text content escaped (& < >); attribute values escaped the same way and
 *   quoted as libxml2 quotes them (double quotes; single quotes when the value
 *   holds a double quote but no single one; &quot; when it holds both);
 *   href values URI-escaped as well (libxml2's xmlURIEscapeStr);
 * - numbers through libxslt's own format-number (the stylesheet's decimal
 *   format) and XPath's number() and string().
 * Output goes to a stdio stream; a failed allocation sets `fail`.
 */
#ifndef CN_HTML_OUT_H
#define CN_HTML_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Bytes gathered before they go to the stream: the page is written in
 * millions of small pieces, each a memcpy here rather than a stdio call. */
#define CN_HTML_OUT_BUFFER 16384

typedef struct cn_html_out {
    FILE *sink;           /* written through buf: cn_html_out_flush */
    void *decimal_format; /* xsltDecimalFormatPtr of the stylesheet: format-number() */
    bool fail;            /* out of memory somewhere */
    char *attr;           /* the attribute value being built */
    size_t attr_len, attr_cap;
    struct cn_html_formats *formats; /* format-number's results remembered (lazily) */
    size_t used;                     /* bytes waiting in buf */
    char buf[CN_HTML_OUT_BUFFER];
} cn_html_out;

/* o for stream f with the stylesheet's decimal format (xsltDecimalFormatPtr). */
void cn_html_out_init(cn_html_out *o, FILE *f, void *decimal_format);

/* The bytes waiting written into the stream (a failed write shows in
 * ferror of the stream). */
void cn_html_out_flush(cn_html_out *o);

/* Flush, then free what o holds (not the stream). */
void cn_html_out_release(cn_html_out *o);

/* Markup as is. */
void cn_html_rawn_slow(cn_html_out *o, const char *s, size_t n);
static inline void cn_html_rawn(cn_html_out *o, const char *s, size_t n)
{
    if (n <= CN_HTML_OUT_BUFFER - o->used) {
        if (n)
            memcpy(o->buf + o->used, s, n);
        o->used += n;
    } else {
        cn_html_rawn_slow(o, s, n);
    }
}
/* Inline, so that a literal's length is known when compiling. */
static inline void cn_html_raw(cn_html_out *o, const char *s)
{
    cn_html_rawn(o, s, strlen(s));
}
static inline void cn_html_putc(cn_html_out *o, char c)
{
    if (o->used == CN_HTML_OUT_BUFFER)
        cn_html_out_flush(o);
    o->buf[o->used++] = c;
}
/* Markup formatted as printf formats it. */
void cn_html_printf(cn_html_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text content: cleaned, then & < > escaped. NULL writes nothing. */
void cn_html_text(cn_html_out *o, const char *s);

/* Text content already cleaned (a piece of cn_html_clean's result). */
void cn_html_text_clean(cn_html_out *o, const char *s, size_t n);

/* An integer as text. */
void cn_html_long(cn_html_out *o, long v);

/* s cleaned for the page: s itself when already clean, else a malloc'd copy
 * that *owned receives (free it); NULL s gives "". NULL on OOM. */
const char *cn_html_clean(const char *s, char **owned);

/* Building one attribute value: begin, add pieces (cleaned as added), end
 * writes ` name="value"` (href: URI-escaped as libxml2 does for links). */
void cn_html_attr_begin(cn_html_out *o);
void cn_html_attr_add(cn_html_out *o, const char *s);
void cn_html_attr_addn(cn_html_out *o, const char *s, size_t n);
void cn_html_attr_add_long(cn_html_out *o, long v);
void cn_html_attr_end(cn_html_out *o, const char *name);

/* ` name="prefix value"`: the common one-piece and two-piece attributes. */
void cn_html_attr(cn_html_out *o, const char *name, const char *value);
void cn_html_attr2(cn_html_out *o, const char *name, const char *prefix, const char *value);

/* XPath number() of a string (NaN when it is not a number). */
double cn_html_xpath_number(const char *s);

/* XPath string() of a number, as text or added to the attribute being built. */
void cn_html_xpath_string(cn_html_out *o, double x);
void cn_html_attr_add_xpath_string(cn_html_out *o, double x);

/* format-number(x, pattern) as text or added to the attribute being built. */
void cn_html_format(cn_html_out *o, double x, const char *pattern);
void cn_html_attr_add_format(cn_html_out *o, double x, const char *pattern);

/* The stylesheet's templates "pct" and "num" on an attribute of report.xml
 * holding v as cn_fmt_number writes it (absent when v is NaN): "–" for no
 * number, else format-number with "0%" (pct) or pattern. */
void cn_html_pct(cn_html_out *o, double v);
void cn_html_num(cn_html_out *o, double v, const char *pattern);

/* value-of an attribute holding cn_fmt_number(v): nothing when v is NaN. */
void cn_html_fmt_number(cn_html_out *o, double v);

#endif
