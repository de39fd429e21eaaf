/* cn_html_out: report.html's bytes as libxml2's HTML serializer writes them. */
#include "cn_html_out.h"

#include "cn_hash.h"

#include "cn_report_fmt.h"

#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xsltInternals.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void cn_html_out_init(cn_html_out *o, FILE *f, void *decimal_format)
{
    memset(o, 0, sizeof *o);
    o->sink = f;
    o->decimal_format = decimal_format;
}

void cn_html_out_flush(cn_html_out *o)
{
    if (o->used)
        fwrite(o->buf, 1, o->used, o->sink);
    o->used = 0;
}

void cn_html_out_release(cn_html_out *o)
{
    cn_html_out_flush(o);
    free(o->formats);
    o->formats = NULL;
    free(o->attr);
    o->attr = NULL;
    o->attr_len = o->attr_cap = 0;
}

void cn_html_rawn_slow(cn_html_out *o, const char *s, size_t n)
{
    cn_html_out_flush(o);
    if (n < CN_HTML_OUT_BUFFER) {
        memcpy(o->buf, s, n);
        o->used = n;
    } else {
        fwrite(s, 1, n, o->sink);
    }
}

void cn_html_printf(cn_html_out *o, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    size_t room = CN_HTML_OUT_BUFFER - o->used;
    int n = vsnprintf(o->buf + o->used, room, fmt, ap);
    if (n >= 0 && (size_t)n < room) {
        o->used += (size_t)n;
    } else if (n >= 0) { /* did not fit: after the bytes before it */
        cn_html_out_flush(o);
        if ((size_t)n < CN_HTML_OUT_BUFFER)
            o->used = (size_t)vsnprintf(o->buf, CN_HTML_OUT_BUFFER, fmt, again);
        else
            vfprintf(o->sink, fmt, again);
    }
    va_end(again);
    va_end(ap);
}

const char *cn_html_clean(const char *s, char **owned)
{
    *owned = NULL;
    if (!s)
        return "";
    size_t len = strlen(s);
    if (cn_fmt_text_is_clean(s, len, true))
        return s;
    *owned = cn_fmt_clean_text(s, len, true, NULL);
    return *owned;
}

/* libxml2 escapes these three in HTML text and attribute values alike. */
static const char *entity(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    default:
        return NULL;
    }
}

/* The first i' >= i with s[i'] one of & < > (or n), sixteen bytes at a time
 * over the text between them (most of the page). */
static size_t next_special(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
    while (i + 16 <= n) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('&')),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('<')),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('>'))));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i < n && !entity(s[i]))
        i++;
    return i;
}

void cn_html_text_clean(cn_html_out *o, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        i = next_special(s, i, n);
        if (i >= n)
            break;
        const char *e = entity(s[i]);
        if (!e)
            continue;
        cn_html_rawn(o, s + run, i - run);
        cn_html_raw(o, e);
        run = i + 1;
    }
    cn_html_rawn(o, s + run, n - run);
}

void cn_html_text(cn_html_out *o, const char *s)
{
    if (!s)
        return;
    char *owned;
    const char *clean = cn_html_clean(s, &owned);
    if (!clean) {
        o->fail = true;
        return;
    }
    cn_html_text_clean(o, clean, strlen(clean));
    free(owned);
}

void cn_html_long(cn_html_out *o, long v)
{
    char buf[CN_FMT_NUMBER_MAX];
    cn_html_rawn(o, buf, cn_fmt_long(v, buf));
}

/* ---- attributes ---- */

void cn_html_attr_begin(cn_html_out *o)
{
    o->attr_len = 0;
}

/* Append s[0..n) as it is to the value being built. */
static void attr_push(cn_html_out *o, const char *s, size_t n)
{
    if (o->attr_len + n + 1 > o->attr_cap) {
        size_t cap = o->attr_cap ? o->attr_cap : 256;
        while (cap < o->attr_len + n + 1)
            cap *= 2;
        char *p = realloc(o->attr, cap);
        if (!p) {
            o->fail = true;
            return;
        }
        o->attr = p;
        o->attr_cap = cap;
    }
    memcpy(o->attr + o->attr_len, s, n);
    o->attr_len += n;
    o->attr[o->attr_len] = '\0';
}

void cn_html_attr_addn(cn_html_out *o, const char *s, size_t n)
{
    if (cn_fmt_text_is_clean(s, n, true)) {
        attr_push(o, s, n);
        return;
    }
    char *clean = cn_fmt_clean_text(s, n, true, NULL);
    if (!clean) {
        o->fail = true;
        return;
    }
    attr_push(o, clean, strlen(clean));
    free(clean);
}

void cn_html_attr_add(cn_html_out *o, const char *s)
{
    if (s)
        cn_html_attr_addn(o, s, strlen(s));
}

void cn_html_attr_add_long(cn_html_out *o, long v)
{
    char buf[CN_FMT_NUMBER_MAX];
    attr_push(o, buf, cn_fmt_long(v, buf));
}

/* The value with & < > as entities (xmlNodeListGetString on an attribute):
 * malloc'd, NULL on OOM. */
static char *escaped_value(const char *v, size_t n)
{
    char *out = malloc(5 * n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *e = entity(v[i]);
        if (e) {
            memcpy(out + k, e, strlen(e));
            k += strlen(e);
        } else {
            out[k++] = v[i];
        }
    }
    out[k] = '\0';
    return out;
}

/* xmlBufWriteQuotedString: "v", or 'v' when v holds " but not ', or "v" with
 * every " as &quot; when it holds both. */
static void write_quoted(cn_html_out *o, const char *v)
{
    bool dq = strchr(v, '"') != NULL, sq = strchr(v, '\'') != NULL;
    if (dq && !sq) {
        cn_html_putc(o, '\'');
        cn_html_raw(o, v);
        cn_html_putc(o, '\'');
        return;
    }
    cn_html_putc(o, '"');
    /* runs without a double quote written whole, not byte by byte */
    for (const char *p = v; *p;) {
        size_t run = strcspn(p, "\"");
        cn_html_rawn(o, p, run);
        p += run;
        if (*p == '"') {
            cn_html_raw(o, "&quot;");
            p++;
        }
    }
    cn_html_putc(o, '"');
}

/* True when v[0..n) holds none of & < > " and no NUL: written as it is,
 * between double quotes, by both paths of cn_html_attr_end below. */
static bool plain_value(const char *v, size_t n)
{
    static const bool STOP[256] = {
        ['\0'] = true, ['&'] = true, ['<'] = true, ['>'] = true, ['"'] = true};
    size_t i = 0;
#ifdef __SSE2__
    /* sixteen bytes at a time: a title of marks is some tens of bytes */
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(v + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_setzero_si128()),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('&'))),
                                   _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('<')),
                                                             _mm_cmpeq_epi8(x, _mm_set1_epi8('>'))),
                                                _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))));
        if (_mm_movemask_epi8(hit))
            return false;
    }
#endif
    for (; i < n; i++)
        if (STOP[(unsigned char)v[i]])
            return false;
    return true;
}

void cn_html_attr_end(cn_html_out *o, const char *name)
{
    const char *v = o->attr ? o->attr : "";
    /* nearly every value (classes, ids, numbers, words of the answers):
     * nothing to escape or quote otherwise, and no copy to make */
    if (strcmp(name, "href") != 0 && plain_value(v, o->attr_len)) {
        cn_html_putc(o, ' ');
        cn_html_raw(o, name);
        cn_html_raw(o, "=\"");
        cn_html_rawn(o, v, o->attr_len);
        cn_html_putc(o, '"');
        return;
    }
    char *esc = escaped_value(v, o->attr_len);
    if (!esc) {
        o->fail = true;
        return;
    }
    cn_html_putc(o, ' ');
    cn_html_raw(o, name);
    cn_html_putc(o, '=');
    if (strcmp(name, "href") == 0) {
        /* htmlAttrDumpOutput: a link loses its leading blanks and is URI-escaped. */
        const char *t = esc;
        while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
            t++;
        xmlChar *uri = xmlURIEscapeStr((const xmlChar *)t, (const xmlChar *)"@/:=?;#%&,+");
        if (!uri) {
            o->fail = true;
            free(esc);
            return;
        }
        write_quoted(o, (const char *)uri);
        xmlFree(uri);
    } else {
        write_quoted(o, esc);
    }
    free(esc);
}

void cn_html_attr(cn_html_out *o, const char *name, const char *value)
{
    cn_html_attr_begin(o);
    cn_html_attr_add(o, value);
    cn_html_attr_end(o, name);
}

void cn_html_attr2(cn_html_out *o, const char *name, const char *prefix, const char *value)
{
    cn_html_attr_begin(o);
    cn_html_attr_add(o, prefix);
    cn_html_attr_add(o, value);
    cn_html_attr_end(o, name);
}

/* ---- numbers ---- */

double cn_html_xpath_number(const char *s)
{
    return xmlXPathStringEvalNumber((const xmlChar *)s);
}

/* XPath string() of x: malloc'd by libxml2, NULL on OOM. */
static xmlChar *xpath_string(double x)
{
    return xmlXPathCastNumberToString(x);
}

void cn_html_xpath_string(cn_html_out *o, double x)
{
    xmlChar *s = xpath_string(x);
    if (!s) {
        o->fail = true;
        return;
    }
    cn_html_raw(o, (const char *)s);
    xmlFree(s);
}

void cn_html_attr_add_xpath_string(cn_html_out *o, double x)
{
    xmlChar *s = xpath_string(x);
    if (!s) {
        o->fail = true;
        return;
    }
    attr_push(o, (const char *)s, strlen((const char *)s));
    xmlFree(s);
}

/*
 * format-number's results remembered by value and pattern: the bars of
 * questions with the same counts format the same few percentages again and
 * again, and each libxslt call costs thousands of instructions. A slot holds
 * the very bytes libxslt gave; direct-mapped, a collision only costs a new
 * call. Short patterns and results only (all of the page's).
 */
#define FORMAT_SLOTS 1024
#define FORMAT_PATTERN_MAX 16
#define FORMAT_RESULT_MAX 48

typedef struct format_slot {
    bool used;
    uint64_t x; /* the value's bits */
    char pattern[FORMAT_PATTERN_MAX];
    char result[FORMAT_RESULT_MAX];
} format_slot;

struct cn_html_formats {
    format_slot slots[FORMAT_SLOTS];
};

/* The slot for (x, pattern), or NULL when the pattern is too long to keep
 * or the memo cannot be had (then libxslt is asked each time). */
static format_slot *format_slot_of(cn_html_out *o, uint64_t x, const char *pattern)
{
    size_t plen = strlen(pattern);
    if (plen >= FORMAT_PATTERN_MAX)
        return NULL;
    if (!o->formats && !(o->formats = calloc(1, sizeof *o->formats)))
        return NULL;
    uint64_t h = cn_hash_mix(cn_hash_bytes(pattern, plen) ^ x);
    return &o->formats->slots[h % FORMAT_SLOTS];
}

/* format-number(x, pattern) by libxslt, written by put (o's stream or the
 * attribute being built); o->fail on failure. */
static void format(cn_html_out *o, double x, const char *pattern,
                   void (*put)(cn_html_out *, const char *, size_t))
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    format_slot *slot = format_slot_of(o, bits, pattern);
    if (slot && slot->used && slot->x == bits && !strcmp(slot->pattern, pattern)) {
        put(o, slot->result, strlen(slot->result));
        return;
    }
    xmlChar *res = NULL;
    xmlXPathError e = xsltFormatNumberConversion((xsltDecimalFormatPtr)o->decimal_format,
                                                 (xmlChar *)pattern, x, &res);
    if (e != XPATH_EXPRESSION_OK || !res) {
        xmlFree(res);
        o->fail = true;
        return;
    }
    size_t len = strlen((const char *)res);
    put(o, (const char *)res, len);
    if (slot && len < FORMAT_RESULT_MAX) {
        slot->used = true;
        slot->x = bits;
        strcpy(slot->pattern, pattern);
        memcpy(slot->result, res, len + 1);
    }
    xmlFree(res);
}

void cn_html_format(cn_html_out *o, double x, const char *pattern)
{
    format(o, x, pattern, cn_html_rawn);
}

void cn_html_attr_add_format(cn_html_out *o, double x, const char *pattern)
{
    format(o, x, pattern, attr_push);
}

void cn_html_num(cn_html_out *o, double v, const char *pattern)
{
    char buf[CN_FMT_NUMBER_MAX];
    double x = cn_fmt_number(v, buf) ? cn_html_xpath_number(buf) : NAN;
    if (isnan(x))
        cn_html_raw(o, "–");
    else
        cn_html_format(o, x, pattern);
}

void cn_html_pct(cn_html_out *o, double v)
{
    cn_html_num(o, v, "0%");
}

void cn_html_fmt_number(cn_html_out *o, double v)
{
    char buf[CN_FMT_NUMBER_MAX];
    if (cn_fmt_number(v, buf))
        cn_html_raw(o, buf);
}
