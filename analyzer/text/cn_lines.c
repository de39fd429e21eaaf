/* cn_lines: split page text into trimmed lines with template residue cut out. */
#include "cn_lines.h"

#include "cn_grow.h"
#include "cn_text.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Residue longer than this is not a template fragment but text with "{{". */
#define RESIDUE_MAX 4096

/* Byte length of the white space that starts at s[0..len). */
static size_t space_at(const char *s, size_t len)
{
    uint32_t cp;
    size_t n = cn_utf8_decode(s, len, &cp);
    return cn_span_is_space_cp(cp) ? n : 0;
}

/* Byte length of the white space that ends s[0..len). */
static size_t space_before(const char *s, size_t len)
{
    size_t start = len - 1;
    /* Step back over at most three continuation bytes to a lead byte. */
    while (start > 0 && len - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    uint32_t cp;
    size_t n = cn_utf8_decode(s + start, len - start, &cp);
    if (start + n != len)
        return 0;
    return cn_span_is_space_cp(cp) ? n : 0;
}

/* ASCII, not white space, not a control: a byte no trim goes past. */
static inline bool plain_ascii_byte(unsigned char c)
{
    return c > ' ' && c < 0x7F;
}

const char *cn_span_trim(const char *s, size_t len, size_t *out_len)
{
    /* Most lines start and end with a plain ASCII byte: nothing to trim. */
    if (len > 0 && plain_ascii_byte((unsigned char)s[0]) &&
        plain_ascii_byte((unsigned char)s[len - 1])) {
        *out_len = len;
        return s;
    }
    size_t a = 0, b = len, n;
    while (a < b && (n = space_at(s + a, b - a)) > 0)
        a += n;
    while (b > a && (n = space_before(s + a, b - a)) > 0)
        b -= n;
    *out_len = b - a;
    return s + a;
}

/* The high bit of each byte of w (8 ASCII bytes) set where the byte is not
 * ASCII white space (' ' or 9-13), exactly per byte: no carry crosses bytes
 * below 0x80. */
static inline uint64_t ascii_nonspace(uint64_t w)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL, high = 0x8080808080808080ULL,
                   ones = 0x0101010101010101ULL;
    uint64_t t = w ^ (ones * 0x20);
    uint64_t blank = ~(((t & lo7) + lo7) | t) & high; /* byte == ' ' */
    uint64_t ge9 = (w + ones * (0x80 - 9)) & high, ge14 = (w + ones * (0x80 - 14)) & high;
    return ~(blank | (ge9 & ~ge14)) & high;
}

size_t cn_span_words(const char *s, size_t len)
{
    return cn_span_words_upto(s, len, SIZE_MAX);
}

size_t cn_span_words_upto(const char *s, size_t len, size_t cap)
{
    size_t words = 0, i = 0;
    bool in_word = false;
    /* Eight ASCII bytes at a time: a word starts at a non-space byte whose
     * byte before (the last one of the previous word for the first) is a space. */
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        uint64_t ns = ascii_nonspace(w);
        uint64_t before = (ns << 8) | (in_word ? 0x80u : 0u);
        /* the starts are high bits of bytes: summed by one multiply, as a
         * build for any x86-64 makes a popcount a library call */
        uint64_t starts = (ns & ~before) >> 7;
        words += (size_t)((starts * 0x0101010101010101ULL) >> 56);
        in_word = (ns >> 63) != 0;
        i += 8;
        if (words >= cap)
            return cap;
    }
    while (i < len && words < cap) {
        unsigned char c = (unsigned char)s[i];
        /* ASCII, nearly every byte: one byte, a space or not, no decoding */
        if (c < 0x80) {
            bool space = cn_text_is_space(c);
            words += !space && !in_word;
            in_word = !space;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = cn_utf8_decode_multi(s + i, len - i, &cp);
        if (cn_span_is_space_cp(cp)) {
            in_word = false;
        } else {
            words += !in_word;
            in_word = true;
        }
        i += n;
    }
    return words < cap ? words : cap;
}

char *cn_span_copy(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

char cn_span_last_char(const char *s, size_t len)
{
    size_t n;
    s = cn_span_trim(s, len, &n);
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            n--;
            continue;
        }
        /* Closing curly quotes U+2019 and U+201D end in 0x99 / 0x9D. */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            (c == 0x99 || c == 0x9D)) {
            n -= 3;
            continue;
        }
        size_t sp = space_before(s, n);
        if (sp) {
            n -= sp;
            continue;
        }
        return (char)c;
    }
    return '\0';
}

bool cn_span_starts_upper(const char *s, size_t len)
{
    if (len == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c < 0x80)
        return false;
    uint32_t cp;
    cn_utf8_decode(s, len, &cp);
    /* Latin-1 and Latin Extended-A: capitals are the even code points of
     * U+0100..U+017F and U+00C0..U+00DE; other scripts count as capitals. */
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0xDF && cp <= 0xFF)
        return false;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp % 2) == 0;
    return cp >= 0x180;
}

bool cn_span_equals_ci(const char *s, size_t len, const char *word)
{
    /* the first bytes before the length: most spans differ there at once */
    if (len > 0 && ((s[0] ^ word[0]) & ~0x20) != 0)
        return false;
    size_t n = strlen(word);
    if (n != len)
        return false;
    for (size_t i = 0; i < n; i++) {
        char a = s[i], b = word[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (char)(b + 32);
        if (a != b)
            return false;
    }
    return true;
}

/* Where the next "}}" at or after a position is; remembered so that a text
 * full of unclosed "{{" is still scanned once, not once per "{{". */
typedef struct closer {
    size_t at; /* offset of the next "}}" (len when none); valid from `from` */
    size_t from;
    bool valid;
    /* the page's last line with text: [last_start, last_end), found once */
    size_t last_start, last_end;
    bool last_known;
} closer;

/* The end of the page's last line with text (white space may follow it);
 * its start goes to c->last_start. Found once per page. */
static size_t last_line_end(const char *s, size_t len, closer *c)
{
    if (!c->last_known) {
        size_t e = len;
        while (e > 0 &&
               (s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        size_t b = e;
        while (b > 0 && s[b - 1] != '\n' && s[b - 1] != '\r')
            b--;
        c->last_start = b;
        c->last_end = e;
        c->last_known = true;
    }
    return c->last_end;
}

static size_t next_close(const char *s, size_t len, size_t from, closer *c)
{
    if (c->valid && from >= c->from && c->at >= from)
        return c->at;
    size_t i = from;
    while (i + 1 < len && !(s[i] == '}' && s[i + 1] == '}'))
        i++;
    c->at = i + 1 < len ? i : len;
    c->from = from;
    c->valid = true;
    return c->at;
}

/* Length of the residue span "{{ ... }}" opening at s[i], or 0 when no "}}"
 * closes it within RESIDUE_MAX bytes (then "{{" is kept as text). */
static size_t residue_at(const char *s, size_t len, size_t i, closer *c)
{
    if (s[i] != '{' || i + 1 >= len || s[i + 1] != '{')
        return 0;
    size_t at = next_close(s, len, i + 2, c);
    if (at >= len) {
        /* A page cut off inside the template ("{{ voteCount >= 0 ? '+' +"):
         * residue when the page ends on that line (white space may follow). */
        size_t rest = len - i;
        if (rest <= RESIDUE_MAX && !memchr(s + i, '\n', rest) && !memchr(s + i, '\r', rest))
            return rest;
        /* ... or when the page's last line is that fragment alone and only
         * line breaks follow it ("{{ voteCo" then a final newline). */
        size_t eol = last_line_end(s, len, c), b = c->last_start;
        while (b < i && (s[b] == ' ' || s[b] == '\t'))
            b++;
        return b == i && eol - i <= RESIDUE_MAX ? eol - i : 0;
    }
    if (at + 2 - i > RESIDUE_MAX)
        return 0;
    return at + 2 - i;
}

/* A rendered vote count on a line of its own ("+2", "-1"): residue too. */
static bool vote_count_line(const char *s, size_t len)
{
    if (len < 2 || len > 7 || (s[0] != '+' && s[0] != '-'))
        return false;
    for (size_t i = 1; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

char *cn_lines_strip_residue(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    closer c = {0};
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        size_t end = residue_at(s, len, i, &c);
        if (end) {
            i += end;
            continue;
        }
        out[w++] = s[i++];
    }
    out[w] = '\0';
    return out;
}

static bool css_name_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_';
}

/* Length of a style rule opening the line t[0..n) ("#panel { width: 5px;
 * top: -9px; }", a page's style sheet printed as text), with the white
 * space after it; 0 when the line opens with none: an id or class selector,
 * then a block of "property: value;" declarations closed on the line. */
static size_t style_rule_lead(const char *t, size_t n)
{
    if (n < 2 || (t[0] != '#' && t[0] != '.') || !css_name_char(t[1]) ||
        (t[1] >= '0' && t[1] <= '9'))
        return 0;
    size_t i = 1;
    while (i < n && css_name_char(t[i]))
        i++;
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (i >= n || t[i] != '{')
        return 0;
    bool colon = false, semi = false;
    for (i++; i < n && i <= RESIDUE_MAX && t[i] != '}'; i++) {
        if (t[i] == '{')
            return 0;
        colon |= t[i] == ':';
        semi |= t[i] == ';';
    }
    if (i >= n || t[i] != '}' || !colon || !semi)
        return 0;
    for (i++; i < n && (t[i] == ' ' || t[i] == '\t');)
        i++;
    return i;
}

static int push_line(cn_lines *out, size_t *cap, const char *start, size_t len, size_t lineno,
                     bool had_residue, cn_error *err)
{
    if (!cn_grow((void **)&out->v, cap, out->n + 1, sizeof *out->v))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory splitting lines");
    size_t tlen;
    const char *t = cn_span_trim(start, len, &tlen);
    size_t rule = style_rule_lead(t, tlen);
    if (rule) {
        /* the rule is residue; the text after it is the line's */
        t += rule, tlen -= rule;
        had_residue = true;
    }
    cn_line *l = &out->v[out->n++];
    l->s = t;
    l->len = tlen;
    l->lineno = lineno;
    bool residue = (had_residue && tlen == 0) || vote_count_line(t, tlen);
    l->flags = residue ? CN_LINE_RESIDUE : 0;
    if (residue)
        l->len = 0;
    return CN_OK;
}

/* Does the 8-byte word w hold byte b? (The classic test for a zero byte of
 * w ^ b in every byte: exact for the word as a whole.) */
static inline bool word_has(uint64_t w, unsigned char b)
{
    uint64_t x = w ^ (0x0101010101010101ULL * b);
    return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

/* The first i' >= i with text[i'] '{', '\n' or '\r', or len: eight bytes at
 * a time while a word has none of them (lines run to tens of bytes). */
static size_t ordinary_run_end(const char *text, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i brace = _mm_set1_epi8('{'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, brace), _mm_cmpeq_epi8(x, lf)),
                                   _mm_cmpeq_epi8(x, cr));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        if (word_has(w, '{') || word_has(w, '\n') || word_has(w, '\r'))
            break;
        i += 8;
    }
    while (i < len && text[i] != '{' && text[i] != '\n' && text[i] != '\r')
        i++;
    return i;
}

int cn_lines_split(const char *text, size_t len, cn_lines *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    out->buf = malloc(len + 1);
    if (!out->buf)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory splitting lines");
    size_t cap = 0, w = 0, line_start = 0, lineno = 1;
    bool residue = false;
    closer close = {0};
    for (size_t i = 0; i < len;) {
        /* Ordinary bytes (no line end, no "{{" residue) are copied as a run. */
        size_t j = ordinary_run_end(text, len, i);
        memcpy(out->buf + w, text + i, j - i);
        w += j - i;
        i = j;
        if (i == len)
            break;
        char c = text[i];
        size_t end = residue_at(text, len, i, &close);
        if (end) {
            /* A residue span that crosses line ends leaves them in place, so
             * line numbers still match the source. */
            for (size_t k = i; k < i + end; k++) {
                if (text[k] == '\n' || text[k] == '\r') {
                    bool crlf = text[k] == '\r' && k + 1 < i + end && text[k + 1] == '\n';
                    int rc = push_line(out, &cap, out->buf + line_start, w - line_start, lineno,
                                       true, err);
                    if (rc)
                        goto fail;
                    lineno++;
                    line_start = w;
                    k += crlf;
                }
            }
            residue = true;
            i += end;
            continue;
        }
        if (c == '\n' || c == '\r') {
            int rc =
                push_line(out, &cap, out->buf + line_start, w - line_start, lineno, residue, err);
            if (rc)
                goto fail;
            lineno++;
            residue = false;
            line_start = w;
            i += (c == '\r' && i + 1 < len && text[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        out->buf[w++] = c;
        i++;
    }
    if (w > line_start || residue) {
        if (push_line(out, &cap, out->buf + line_start, w - line_start, lineno, residue, err))
            goto fail;
    }
    out->buf[w] = '\0';
    return CN_OK;
fail:
    cn_lines_clear(out);
    return err ? err->code : CN_ERR_NOMEM;
}

void cn_lines_clear(cn_lines *lines)
{
    free(lines->buf);
    free(lines->v);
    memset(lines, 0, sizeof *lines);
}
