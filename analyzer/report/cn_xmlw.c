/* cn_xmlw: xmlTextWriter's indented UTF-8 output, written straight into a stream. */
#include "cn_xmlw.h"

#include "cn_grow.h"
#include "cn_plain.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define OUT_BUFFER 65536

/* An open element: its name, and whether its start tag is still open (no
 * text or child yet: it may take attributes, and ends as an empty tag). */
typedef struct open_elem {
    const char *name;
    bool tag_open;
} open_elem;

struct cn_xmlw {
    FILE *f;
    bool failed;
    bool doindent; /* xmlTextWriter's flag: the next end tag goes on its own line */
    open_elem *stack;
    size_t depth, cap;
    size_t used;
    char buf[OUT_BUFFER];
};

static void flush(cn_xmlw *w)
{
    if (w->used && fwrite(w->buf, 1, w->used, w->f) != w->used)
        w->failed = true;
    w->used = 0;
}

static void put(cn_xmlw *w, const char *s, size_t n)
{
    if (n > OUT_BUFFER - w->used) {
        flush(w);
        if (n > OUT_BUFFER) {
            if (fwrite(s, 1, n, w->f) != n)
                w->failed = true;
            return;
        }
    }
    memcpy(w->buf + w->used, s, n);
    w->used += n;
}

static void puts_(cn_xmlw *w, const char *s)
{
    put(w, s, strlen(s));
}

/* depth - 1 levels of "  " (the new or closing element's own depth). */
static void indent(cn_xmlw *w)
{
    static const char SPACES[] = "                                                                ";
    size_t n = w->depth ? 2 * (w->depth - 1) : 0;
    while (n > 0) {
        size_t k = n < sizeof SPACES - 1 ? n : sizeof SPACES - 1;
        put(w, SPACES, k);
        n -= k;
    }
}

cn_xmlw *cn_xmlw_new(FILE *f)
{
    cn_xmlw *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->f = f;
    w->failed = false;
    w->doindent = false;
    w->stack = NULL;
    w->depth = w->cap = 0;
    w->used = 0;
    puts_(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return w;
}

void cn_xmlw_free(cn_xmlw *w)
{
    if (!w)
        return;
    free(w->stack);
    free(w);
}

bool cn_xmlw_failed(const cn_xmlw *w)
{
    return w->failed;
}

bool cn_xmlw_finish(cn_xmlw *w)
{
    while (w->depth > 0 && !w->failed)
        cn_xmlw_end(w);
    if (!w->failed)
        flush(w);
    bool ok = !w->failed && !ferror(w->f);
    cn_xmlw_free(w);
    return ok;
}

/* The open element's start tag closed (before its first text or child). */
static void close_tag(cn_xmlw *w, bool newline)
{
    open_elem *top = w->depth ? &w->stack[w->depth - 1] : NULL;
    if (top && top->tag_open) {
        put(w, newline ? ">\n" : ">", newline ? 2 : 1);
        top->tag_open = false;
    }
}

void cn_xmlw_start(cn_xmlw *w, const char *name)
{
    if (w->failed)
        return;
    close_tag(w, true);
    if (!cn_grow((void **)&w->stack, &w->cap, w->depth + 1, sizeof *w->stack)) {
        w->failed = true;
        return;
    }
    w->stack[w->depth++] = (open_elem){.name = name, .tag_open = true};
    indent(w);
    put(w, "<", 1);
    puts_(w, name);
}

void cn_xmlw_end(cn_xmlw *w)
{
    if (w->failed)
        return;
    if (w->depth == 0) {
        w->failed = true;
        return;
    }
    open_elem *top = &w->stack[w->depth - 1];
    if (top->tag_open) {
        w->doindent = true;
        put(w, "/>\n", 3);
    } else {
        if (w->doindent)
            indent(w);
        w->doindent = true;
        put(w, "</", 2);
        puts_(w, top->name);
        put(w, ">\n", 2);
    }
    w->depth--;
}

/* s[0..len) with the characters of `special` (a 256-entry table of
 * replacements, NULL for a byte kept as it is) replaced. */
/* The first i' >= i where s[i'] may need a replacement: a control byte or
 * one of " & < > (the tables below replace nothing else), sixteen bytes at
 * a time over the plain text between them. */
static size_t plain_run(const char *s, size_t i, size_t len)
{
#ifdef __SSE2__
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* unsigned x < 0x20: min(x, 0x1F) == x */
        __m128i stop = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
        stop = _mm_or_si128(stop, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
        unsigned m = (unsigned)_mm_movemask_epi8(stop);
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    return i;
}

/* The first byte of s[i..len) that special replaces, or len. */
static size_t next_special(const char *s, size_t i, size_t len, const char *const special[256])
{
    for (i = plain_run(s, i, len); i < len; i = plain_run(s, i + 1, len))
        if (special[(unsigned char)s[i]])
            return i;
    return len;
}

static void escaped(cn_xmlw *w, const char *s, size_t len, const char *const special[256])
{
    size_t from = 0;
    for (size_t i; (i = next_special(s, from, len, special)) < len; from = i + 1) {
        put(w, s + from, i - from);
        puts_(w, special[(unsigned char)s[i]]);
    }
    put(w, s + from, len - from);
}

/* xmlBufAttrSerializeTxtContent on a document with an encoding. */
static const char *const ATTR_SPECIAL[256] = {
    ['\t'] = "&#9;", ['\n'] = "&#10;", ['\r'] = "&#13;", ['"'] = "&quot;",
    ['<'] = "&lt;",  ['>'] = "&gt;",   ['&'] = "&amp;",
};

/* xmlEncodeSpecialChars. */
static const char *const TEXT_SPECIAL[256] = {
    ['\r'] = "&#13;", ['"'] = "&quot;", ['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;",
};

/* True when special replaces some byte of s[0..len). */
static bool needs_escape(const char *s, size_t len, const char *const special[256])
{
    return next_special(s, 0, len, special) < len;
}

void cn_xmlw_attr(cn_xmlw *w, const char *name, const char *value)
{
    cn_xmlw_attr_n(w, name, value, strlen(value));
}

bool cn_xmlw_plain_ascii(const char *s, size_t n)
{
    return cn_plain_short(s, n, CN_PLAIN_XML_ASCII);
}

/* An attribute; plain: the caller knows value needs no escape. */
static void attr_write(cn_xmlw *w, const char *name, const char *value, size_t len, bool plain)
{
    if (w->failed)
        return;
    if (w->depth == 0 || !w->stack[w->depth - 1].tag_open) {
        w->failed = true; /* xmlTextWriterStartAttribute refuses it */
        return;
    }
    size_t name_len = strlen(name), whole = name_len + len + 4;
    if (whole <= OUT_BUFFER - w->used && (plain || !needs_escape(value, len, ATTR_SPECIAL))) {
        /* most values (numbers, names, words): ` name="value"` in one go */
        char *o = w->buf + w->used;
        *o++ = ' ';
        memcpy(o, name, name_len);
        o += name_len;
        *o++ = '=';
        *o++ = '"';
        memcpy(o, value, len);
        o += len;
        *o = '"';
        w->used += whole;
        return;
    }
    put(w, " ", 1);
    put(w, name, name_len);
    put(w, "=\"", 2);
    escaped(w, value, len, ATTR_SPECIAL);
    put(w, "\"", 1);
}

void cn_xmlw_attr_n(cn_xmlw *w, const char *name, const char *value, size_t len)
{
    attr_write(w, name, value, len, false);
}

void cn_xmlw_attr_plain(cn_xmlw *w, const char *name, const char *value, size_t len)
{
    attr_write(w, name, value, len, true);
}

char *cn_xmlw_child_room(cn_xmlw *w, size_t n)
{
    if (w->failed)
        return NULL;
    /* the start tag's close (2), the indentation, the child */
    size_t need = 2 + 2 * w->depth + n;
    if (need > OUT_BUFFER)
        return NULL;
    if (need > OUT_BUFFER - w->used)
        flush(w);
    if (w->failed)
        return NULL;
    close_tag(w, true);
    w->depth++; /* the child's indentation: its depth's */
    indent(w);
    w->depth--;
    return w->buf + w->used;
}

void cn_xmlw_child_wrote(cn_xmlw *w, char *end)
{
    w->used = (size_t)(end - w->buf);
    w->doindent = true; /* as cn_xmlw_end leaves it */
}

static char *escape_into(char *o, const char *s, size_t len, const char *const special[256])
{
    size_t from = 0;
    for (size_t i; (i = next_special(s, from, len, special)) < len; from = i + 1) {
        memcpy(o, s + from, i - from);
        o += i - from;
        const char *rep = special[(unsigned char)s[i]];
        size_t k = strlen(rep);
        memcpy(o, rep, k);
        o += k;
    }
    memcpy(o, s + from, len - from);
    return o + (len - from);
}

char *cn_xmlw_escape_attr_into(char *out, const char *s, size_t len)
{
    return escape_into(out, s, len, ATTR_SPECIAL);
}

char *cn_xmlw_escape_text_into(char *out, const char *s, size_t len)
{
    return escape_into(out, s, len, TEXT_SPECIAL);
}

void cn_xmlw_text(cn_xmlw *w, const char *s, size_t len)
{
    if (w->failed || len == 0)
        return;
    close_tag(w, false);
    w->doindent = false;
    escaped(w, s, len, TEXT_SPECIAL);
}
