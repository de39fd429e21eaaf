/* cn_jsonbuf: JSON text in one buffer, printed as cJSON prints it. */
#include "cn_jsonbuf.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void cn_jsonbuf_clear(cn_jsonbuf *b)
{
    free(b->s);
    *b = (cn_jsonbuf){0};
}

void cn_jsonbuf_reset(cn_jsonbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
    b->need_comma = false;
}

void cn_jsonbuf_reset_level(cn_jsonbuf *b)
{
    b->need_comma = false;
}

char *cn_jsonbuf_take(cn_jsonbuf *b)
{
    if (b->failed) {
        cn_jsonbuf_clear(b);
        return NULL;
    }
    char *s = b->s ? b->s : calloc(1, 1);
    *b = (cn_jsonbuf){0};
    return s;
}

/* Room for n more bytes and a NUL; false (and failed) when memory runs out. */
static bool reserve(cn_jsonbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->len + n + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void cn_jsonbuf_expect(cn_jsonbuf *b, size_t n)
{
    reserve(b, n);
}

static void put(cn_jsonbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void cn_jsonbuf_raw(cn_jsonbuf *b, const char *s, size_t n)
{
    put(b, s, n);
}

/* A value starts here: the comma before it when it is not the first. */
static void value_start(cn_jsonbuf *b)
{
    if (b->need_comma)
        put(b, ",", 1);
    b->need_comma = true;
}

void cn_jsonbuf_open_object(cn_jsonbuf *b)
{
    value_start(b);
    put(b, "{", 1);
    b->need_comma = false;
}

void cn_jsonbuf_close_object(cn_jsonbuf *b)
{
    put(b, "}", 1);
    b->need_comma = true;
}

void cn_jsonbuf_open_array(cn_jsonbuf *b)
{
    value_start(b);
    put(b, "[", 1);
    b->need_comma = false;
}

void cn_jsonbuf_close_array(cn_jsonbuf *b)
{
    put(b, "]", 1);
    b->need_comma = true;
}

/* True for the bytes cJSON escapes: quote, backslash, controls. */
static bool needs_escape(unsigned char c)
{
    return c < 32 || c == '"' || c == '\\';
}

/* The end of the run of bytes from s[i] that need no escape, before n.
 * Eight bytes at a time while none of them is a quote, a backslash or a
 * control (the word tests may stop early, never late: the byte loop after
 * them has the last word). */
static size_t plain_run(const char *s, size_t i, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
        uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x);
        if (hit & highs)
            break;
        i += 8;
    }
    while (i < n && !needs_escape((unsigned char)s[i]))
        i++;
    return i;
}

/* The escape of control, quote or backslash c at out; returns its length. */
static size_t escape_byte(unsigned char c, char *out)
{
    static const char HEX[] = "0123456789abcdef";
    out[0] = '\\';
    switch (c) {
    case '"':
        out[1] = '"';
        return 2;
    case '\\':
        out[1] = '\\';
        return 2;
    case '\b':
        out[1] = 'b';
        return 2;
    case '\f':
        out[1] = 'f';
        return 2;
    case '\n':
        out[1] = 'n';
        return 2;
    case '\r':
        out[1] = 'r';
        return 2;
    case '\t':
        out[1] = 't';
        return 2;
    default: /* "\u%04x" of a control (below 32) */
        memcpy(out + 1, "u00", 3);
        out[4] = HEX[c >> 4];
        out[5] = HEX[c & 15];
        return 6;
    }
}

#ifdef __SSE2__
/* Sixteen bytes of s from i, copied to out, while none of them needs an
 * escape (a quote, a backslash, a control: c == min(c, 31)); returns where
 * that stopped (the byte loop after it has the last word). An answer's text
 * is most of a line: two words' tests in one. */
static size_t copy_plain16(char *out, const char *s, size_t i, size_t n, char **end)
{
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  ctl = _mm_set1_epi8(31);
    while (i + 16 <= n) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i bad =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
        if (_mm_movemask_epi8(bad))
            break;
        _mm_storeu_si128((__m128i *)(void *)out, x);
        out += 16;
        i += 16;
    }
    *end = out;
    return i;
}
#endif

char *cn_json_quote_into(char *out, const char *s, size_t n)
{
    /* plain_run's word test, with each plain word stored as it is tested
     * (no call per run: most strings here are a few words long) */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    *out++ = '"';
    size_t i = 0, run = 0; /* run: where the plain bytes written last start */
    for (;;) {
#ifdef __SSE2__
        i = copy_plain16(out, s, i, n, &out);
#endif
        uint64_t x;
        while (i + 8 <= n) {
            memcpy(&x, s + i, 8);
            uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
            if ((((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x)) & highs)
                break;
            memcpy(out, &x, 8);
            out += 8;
            i += 8;
        }
        /* A tail shorter than a word, in a run that reaches back a word from
         * the end: the word that ends at n, tested and written over the
         * bytes of it already there (the same bytes), instead of the byte
         * loop (most strings here are a few words, their tail most of them). */
        if (i < n && i + 8 > n && n >= 8 && n - 8 >= run) {
            memcpy(&x, s + n - 8, 8);
            uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
            if (!((((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x)) & highs)) {
                memcpy(out - (i - (n - 8)), &x, 8);
                out += n - i;
                break;
            }
        }
        while (i < n && !needs_escape((unsigned char)s[i]))
            *out++ = s[i++];
        if (i == n)
            break;
        out += escape_byte((unsigned char)s[i], out);
        run = ++i;
    }
    *out++ = '"';
    return out;
}

/* s[0..n) quoted and escaped as cJSON's print_string_ptr does: the short
 * escapes for " \ \b \f \n \r \t, \u00xx (lower-case hex) for the other
 * controls, every other byte (UTF-8 included) as it is. */
static void put_quoted(cn_jsonbuf *b, const char *s, size_t n)
{
    /* Room for the quotes and the text as it is; each escape asks for more. */
    if (!reserve(b, n + 2))
        return;
    char *o = b->s;
    size_t w = b->len;
    o[w++] = '"';
    size_t i = 0;
    while (i < n) {
        size_t run = plain_run(s, i, n);
        memcpy(o + w, s + i, run - i);
        w += run - i;
        if (run == n)
            break;
        unsigned char c = (unsigned char)s[run];
        char esc[8];
        size_t len = escape_byte(c, esc);
        b->len = w;
        /* the escape, the rest of the text and the closing quote */
        if (!reserve(b, len + (n - run - 1) + 1))
            return;
        o = b->s;
        memcpy(o + w, esc, len);
        w += len;
        i = run + 1;
    }
    o[w++] = '"';
    o[w] = '\0';
    b->len = w;
}

char *cn_jsonbuf_value_room(cn_jsonbuf *b, size_t n)
{
    if (!reserve(b, n + 1))
        return NULL;
    char *o = b->s + b->len;
    if (b->need_comma)
        *o++ = ',';
    return o;
}

void cn_jsonbuf_value_end(cn_jsonbuf *b, char *end)
{
    b->len = (size_t)(end - b->s);
    b->s[b->len] = '\0';
    b->need_comma = true;
}

void cn_jsonbuf_key(cn_jsonbuf *b, const char *key)
{
    /* Keys are short words: copied byte by byte into room asked for once,
     * unless one needs an escape (then the general path writes it). */
    size_t n = strlen(key);
    if (!reserve(b, n + 4))
        return;
    size_t w = b->len;
    char *o = b->s;
    if (b->need_comma)
        o[w++] = ',';
    o[w++] = '"';
    size_t i = 0;
    while (i < n && !needs_escape((unsigned char)key[i]))
        o[w++] = key[i++];
    if (i < n) {
        value_start(b);
        put_quoted(b, key, n);
    } else {
        o[w++] = '"';
        o[w] = '\0';
        b->len = w;
    }
    put(b, ":", 1);
    b->need_comma = false;
}

void cn_jsonbuf_key_plain(cn_jsonbuf *b, const char *key, size_t n)
{
    if (!reserve(b, n + 4))
        return;
    char *o = b->s + b->len;
    size_t w = 0;
    if (b->need_comma)
        o[w++] = ',';
    o[w++] = '"';
    memcpy(o + w, key, n);
    w += n;
    o[w++] = '"';
    o[w++] = ':';
    o[w] = '\0';
    b->len += w;
    b->need_comma = false;
}

/* Strings up to this long are written in place, with room for every byte
 * escaped; longer ones (answer texts) ask for more room only at escapes. */
#define SHORT_STRING 1024

void cn_jsonbuf_string_n(cn_jsonbuf *b, const char *s, size_t n)
{
    if (s && n <= SHORT_STRING) {
        char *o = cn_jsonbuf_value_room(b, CN_JSON_QUOTED_MAX(n));
        if (o)
            cn_jsonbuf_value_end(b, cn_json_quote_into(o, s, n));
        return;
    }
    value_start(b);
    if (s)
        put_quoted(b, s, n);
    else
        put(b, "null", 4);
}

void cn_jsonbuf_string(cn_jsonbuf *b, const char *s)
{
    cn_jsonbuf_string_n(b, s, s ? strlen(s) : 0);
}

void cn_jsonbuf_bool(cn_jsonbuf *b, bool v)
{
    value_start(b);
    put(b, v ? "true" : "false", v ? 4 : 5);
}

void cn_jsonbuf_null(cn_jsonbuf *b)
{
    value_start(b);
    put(b, "null", 4);
}

/* Decimal digits of v (v >= 0) at out; returns their count. Counted first,
 * then written from the last, two at a time: offsets and counts are most of
 * the numbers of a `classify` line. */
static const char PAIRS[] = "00010203040506070809101112131415161718192021222324"
                            "25262728293031323334353637383940414243444546474849"
                            "50515253545556575859606162636465666768697071727374"
                            "75767778798081828384858687888990919293949596979899";

static size_t put_digits(unsigned long long v, char *out)
{
    size_t n = 1;
    for (unsigned long long t = v; t >= 10; t /= 10)
        n++;
    char *p = out + n;
    while (v >= 100) {
        p -= 2;
        memcpy(p, PAIRS + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10)
        memcpy(p - 2, PAIRS + 2 * v, 2);
    else
        p[-1] = (char)('0' + v);
    return n;
}

/* A value with at most four decimals (k / 10^4, as the reports round them)
 * prints as cJSON's "%1.15g" prints it: the shortest decimal, no exponent.
 * Returns the length, or 0 when d is not such a value. */
static size_t format_decimal4(double d, char *out)
{
    if (!(fabs(d) < 1e10))
        return 0;
    double scaled = d * 10000.0;
    /* rounded half away from zero (llround, without its call); whichever k
     * this gives, the test below keeps only one that is right */
    long long k = (long long)(scaled + (scaled < 0 ? -0.5 : 0.5));
    /* d must be exactly the double nearest k / 10^4, which "%1.15g" prints
     * as k / 10^4 with its trailing zeros dropped. */
    if ((double)k / 10000.0 != d)
        return 0;
    size_t n = 0;
    if (k < 0) {
        out[n++] = '-';
        k = -k;
    }
    n += put_digits((unsigned long long)k / 10000u, out + n);
    unsigned frac = (unsigned)((unsigned long long)k % 10000u);
    if (frac) {
        out[n++] = '.';
        char f[4]; /* four decimals, two at a time */
        memcpy(f, PAIRS + 2 * (frac / 100), 2);
        memcpy(f + 2, PAIRS + 2 * (frac % 100), 2);
        size_t fl = 4;
        while (f[fl - 1] == '0') /* frac is not 0: some decimal is not */
            fl--;
        memcpy(out + n, f, fl);
        n += fl;
    }
    out[n] = '\0';
    return n;
}

char *cn_json_size_into(char *out, size_t v)
{
    /* below 10^15 the double is v exactly and prints as its digits */
    if (v < 1000000000000000ull)
        return out + put_digits(v, out);
    return out + cn_json_number_format((double)v, out);
}

size_t cn_json_number_format(double d, char *out)
{
    if (isnan(d) || isinf(d)) {
        memcpy(out, "null", 5);
        return 4;
    }
    /* A whole number of at most 15 digits: "%1.15g" prints its digits
     * ("-0" for negative zero). */
    if (fabs(d) < 1e15 && d == (double)(long long)d) { /* trunc(d), exact here */
        size_t n = 0;
        if (signbit(d))
            out[n++] = '-';
        n += put_digits((unsigned long long)fabs(d), out + n);
        out[n] = '\0';
        return n;
    }
    size_t n = format_decimal4(d, out);
    if (n)
        return n;
    /* cJSON: 15 significant digits, 17 when those do not give d back. */
    int len = snprintf(out, 32, "%1.15g", d);
    double test = 0.0;
    if (sscanf(out, "%lg", &test) != 1 ||
        !(fabs(test - d) <= fmax(fabs(test), fabs(d)) * DBL_EPSILON))
        len = snprintf(out, 32, "%1.17g", d);
    return (size_t)len;
}

void cn_jsonbuf_number(cn_jsonbuf *b, double d)
{
    char num[32];
    size_t n = cn_json_number_format(d, num);
    value_start(b);
    put(b, num, n);
}
