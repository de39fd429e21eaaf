/* cn_text: UTF-8 validation and normalization for matching. */
#include "cn_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* GCC on x86-64 (as cn_sha256's SHA extensions): the de-duplication key's
 * sixteen-byte path packs the bytes it keeps with SSSE3's byte shuffle when
 * the processor has it (every x86-64 of the last fifteen years). */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CN_TEXT_SSSE3 1
#include <tmmintrin.h>
#endif

/* Length of a well-formed sequence starting at s, or 0 when malformed. */
static size_t utf8_sequence(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

bool cn_utf8_validate(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Pages are nearly all ASCII: eight bytes at a time while no byte
         * has its high bit set. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_sequence(u + i, len - i, &cp);
        if (n == 0) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += n;
    }
    return true;
}

size_t cn_utf8_decode_multi(const char *s, size_t len, uint32_t *cp)
{
    size_t n = len ? utf8_sequence((const unsigned char *)s, len, cp) : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return n;
}

static bool is_unicode_space(uint32_t cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x1680;
}

/* ASCII replacement for a folded code point, or NULL to keep it. */
static const char *fold_replacement(uint32_t cp)
{
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
    case 0x0060:
        return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
        return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
        return "-";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

/* The output of cn_text_normalize with its offset map. No code point grows
 * when folded (the 3-byte ellipsis becomes 3 dots, every other replacement is
 * shorter than its source, a malformed byte is copied as one byte, and runs of
 * spaces shrink), so len + 1 bytes always suffice and the buffers are sized
 * once: normalization is on every hot path (tokens, de-duplication keys). */
typedef struct norm_out {
    char *buf;
    size_t *map; /* NULL when no map was asked for */
    size_t len;
} norm_out;

static void out_put(norm_out *o, const char *bytes, size_t n, size_t src)
{
    for (size_t i = 0; i < n; i++) {
        o->buf[o->len] = bytes[i];
        if (o->map)
            o->map[o->len] = src;
        o->len++;
    }
}

/* One code point at s[i] (not ASCII, or an ASCII space): folded into o.
 * Returns its source length. */
static size_t fold_one(norm_out *o, const char *s, size_t len, size_t i, bool *pending_space,
                       size_t *space_src)
{
    uint32_t cp;
    size_t n = cn_utf8_decode(s + i, len - i, &cp);
    if ((cp < 0x80 && cn_text_is_space((int)cp)) || is_unicode_space(cp)) {
        if (!*pending_space)
            *space_src = i;
        *pending_space = true;
        return n;
    }
    if (*pending_space && o->len > 0)
        out_put(o, " ", 1, *space_src);
    *pending_space = false;
    const char *rep = fold_replacement(cp);
    if (rep) {
        out_put(o, rep, strlen(rep), i);
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
        /* Latin-1 upper case letters map to lower case 32 code points on. */
        uint32_t lc = cp + 32;
        char tmp[2] = {(char)(0xC0 | (lc >> 6)), (char)(0x80 | (lc & 0x3F))};
        out_put(o, tmp, 2, i);
    } else {
        out_put(o, s + i, n, i);
    }
    return n;
}

/* Printable ASCII but the backtick (folded to '): normalization only
 * lower-cases it. Nearly every byte of real text. */
static bool plain_ascii(unsigned char c)
{
    return c > ' ' && c < 0x7F && c != '`';
}

static char lower_ascii(unsigned char c)
{
    return (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

/* SWAR tests on 8 bytes at a time (all exact per byte: no carry crosses a
 * byte once the high bits are known clear). */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* 0x80 in each byte of v that is zero. */
static uint64_t zero_bytes(uint64_t v)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((v & low7) + low7) | v) & HIGHS;
}

/* True when the 8 bytes of x go through normalization as one piece of a
 * run: each plain, or a space followed by a plain byte within the 8 (a
 * single space between words is copied as it is when a plain byte came
 * before; s[i] of a run always is one). */
static bool plain_block(uint64_t x)
{
    if (x & HIGHS)
        return false;
    uint64_t ge20 = (x + ONES * 0x60) & HIGHS, gt7e = (x + ONES) & HIGHS;
    uint64_t spaces = zero_bytes(x ^ (ONES * ' '));
    return ge20 == HIGHS && !gt7e && !zero_bytes(x ^ (ONES * '`')) && !(spaces & (spaces >> 8)) &&
           !(spaces >> 63);
}

/* x (8 ASCII bytes) with A-Z lower-cased. */
static uint64_t lower_block(uint64_t x)
{
    uint64_t ge41 = (x + ONES * 0x3F) & HIGHS, gt5a = (x + ONES * 0x25) & HIGHS;
    return x | ((ge41 & ~gt5a) >> 2);
}

#ifdef __SSE2__
/* plain_block's test on s[i..i+16) (ASCII bytes compare as signed bytes):
 * each plain or a single space; the last may be a space when s[i + 16] is
 * plain (a single space between plain bytes: one word in six ends a block
 * on its space). Returns the block lower-cased in *lower when it passes. */
static bool plain_block16(const char *s, size_t len, size_t i, __m128i *lower)
{
    s += i;
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i printable = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x1F)),
                                      _mm_cmplt_epi8(x, _mm_set1_epi8(0x7F)));
    __m128i tick = _mm_cmpeq_epi8(x, _mm_set1_epi8('`'));
    unsigned ok = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(tick, printable));
    unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
    /* a high byte fails printable (signed, it is negative) */
    if (ok != 0xFFFFu || (sp & (sp >> 1)))
        return false;
    if ((sp & 0x8000u) && !(i + 16 < len && plain_ascii((unsigned char)s[16])))
        return false;
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
    *lower = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    return true;
}
#endif

/* True when s[i] is an ASCII space the run keeps: one, between plain bytes. */
static bool run_space(const char *s, size_t len, size_t i)
{
    return i + 1 < len && s[i] == ' ' && plain_ascii((unsigned char)s[i + 1]);
}

/* Copy the run from s[i] (a plain byte): plain bytes lower-cased and single
 * spaces between them, as the byte-by-byte rules would write them; returns
 * its end. Nearly all of a text is one run per line. */
static size_t plain_run(norm_out *o, const char *s, size_t len, size_t i)
{
    char *buf = o->buf;
    size_t w = o->len;
    for (;;) {
#ifdef __SSE2__
        __m128i y;
        while (i + 16 <= len && plain_block16(s, len, i, &y)) {
            _mm_storeu_si128((__m128i *)(void *)(buf + w), y);
            w += 16;
            i += 16;
        }
#endif
        uint64_t x;
        while (i + 8 <= len && (memcpy(&x, s + i, 8), plain_block(x))) {
            x = lower_block(x);
            memcpy(buf + w, &x, 8);
            w += 8;
            i += 8;
        }
        while (i < len && plain_ascii((unsigned char)s[i]))
            buf[w++] = lower_ascii((unsigned char)s[i++]);
        if (!run_space(s, len, i))
            break;
        buf[w++] = ' ';
        i++;
    }
    o->len = w;
    return i;
}

/* The same, with each byte's source offset. */
static size_t plain_run_map(norm_out *o, const char *s, size_t len, size_t i)
{
    char *buf = o->buf;
    size_t *map = o->map, w = o->len;
    for (;;) {
#ifdef __SSE2__
        __m128i y;
        while (i + 16 <= len && plain_block16(s, len, i, &y)) {
            _mm_storeu_si128((__m128i *)(void *)(buf + w), y);
            for (size_t k = 0; k < 16; k++)
                map[w + k] = i + k;
            w += 16;
            i += 16;
        }
#endif
        uint64_t x;
        while (i + 8 <= len && (memcpy(&x, s + i, 8), plain_block(x))) {
            x = lower_block(x);
            memcpy(buf + w, &x, 8);
            for (size_t k = 0; k < 8; k++)
                map[w + k] = i + k;
            w += 8;
            i += 8;
        }
        while (i < len && plain_ascii((unsigned char)s[i])) {
            map[w] = i;
            buf[w++] = lower_ascii((unsigned char)s[i++]);
        }
        if (!run_space(s, len, i))
            break;
        map[w] = i;
        buf[w++] = ' ';
        i++;
    }
    o->len = w;
    return i;
}

/* Normalize s[0..len) into o (room for len + 1 bytes, and a map when o->map). */
static void normalize_into(norm_out *o, const char *s, size_t len)
{
    bool pending_space = false;
    size_t space_src = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        /* Printable ASCII but the backtick (folded to ') goes straight through,
         * lower-cased: nearly every byte of real text. */
        if (plain_ascii(c)) {
            if (pending_space && o->len > 0) {
                o->buf[o->len] = ' ';
                if (o->map)
                    o->map[o->len] = space_src;
                o->len++;
            }
            pending_space = false;
            i = o->map ? plain_run_map(o, s, len, i) : plain_run(o, s, len, i);
            continue;
        }
        if (cn_text_is_space(c)) { /* ASCII white space: one pending space */
            if (!pending_space)
                space_src = i;
            pending_space = true;
            i++;
            continue;
        }
        i += fold_one(o, s, len, i, &pending_space, &space_src);
    }
    o->buf[o->len] = '\0';
    if (o->map)
        o->map[o->len] = len;
}

size_t cn_text_normalize_into(const char *s, size_t len, char *out)
{
    norm_out o = {.buf = out};
    normalize_into(&o, s, len);
    return o.len;
}

size_t cn_text_normalize_map_into(const char *s, size_t len, char *out, size_t *map)
{
    norm_out o = {.buf = out, .map = map};
    normalize_into(&o, s, len);
    return o.len;
}

char *cn_text_normalize(const char *s, size_t len, size_t *out_len, size_t **offsets)
{
    norm_out o = {.buf = malloc(len + 1)};
    if (offsets)
        o.map = malloc((len + 1) * sizeof *o.map);
    if (!o.buf || (offsets && !o.map)) {
        free(o.buf);
        free(o.map);
        return NULL;
    }
    normalize_into(&o, s, len);
    if (out_len)
        *out_len = o.len;
    if (offsets)
        *offsets = o.map;
    return o.buf;
}

/* What normalization makes of the non-ASCII character at s[i] (n bytes,
 * code point cp) as far as the de-duplication key sees it: nothing for a
 * space or a folded quote, dash or ellipsis (punctuation), else its
 * (lower-cased) bytes, every one of them >= 0x80. Returns the bytes written. */
static size_t dedup_fold(const char *s, size_t i, size_t n, uint32_t cp, char *out)
{
    if (is_unicode_space(cp) || fold_replacement(cp))
        return 0;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
        uint32_t lc = cp + 32;
        out[0] = (char)(0xC0 | (lc >> 6));
        out[1] = (char)(0x80 | (lc & 0x3F));
        return 2;
    }
    memcpy(out, s + i, n);
    return n;
}

/* What the de-duplication key keeps of an ASCII byte: letters lower-cased
 * and digits as they are, else 0 (dropped). One load a byte instead of three
 * range tests. */
static const unsigned char DEDUP_ASCII[128] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   48,  49,  50,  51,  52,  53,  54,  55,  56,
    57,  0,   0,   0,   0,   0,   0,   0,   97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107,
    108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0,   0,   0,   0,
    0,   0,   97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113,
    114, 115, 116, 117, 118, 119, 120, 121, 122, 0,   0,   0,   0,   0,
};

#ifdef __SSE2__
/* One block of sixteen ASCII bytes: *folded is x with its capitals
 * lower-cased; the mask has a bit set for each letter or digit (the bytes
 * DEDUP_ASCII keeps). ASCII bytes compare as signed bytes, 0..127. Shared by
 * the SSE2 and the SSSE3 loop below. */
static inline unsigned ascii16_keep(__m128i x, __m128i *folded)
{
    const __m128i a0 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1),
                  A0 = _mm_set1_epi8('A' - 1), Z1 = _mm_set1_epi8('Z' + 1),
                  d0 = _mm_set1_epi8('0' - 1), d1 = _mm_set1_epi8('9' + 1),
                  case_bit = _mm_set1_epi8(0x20);
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, A0), _mm_cmplt_epi8(x, Z1));
    __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(x, a0), _mm_cmplt_epi8(x, z1));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, d0), _mm_cmplt_epi8(x, d1));
    __m128i keep = _mm_or_si128(_mm_or_si128(upper, lower), digit);
    *folded = _mm_or_si128(x, _mm_and_si128(upper, case_bit));
    return (unsigned)_mm_movemask_epi8(keep);
}

/* Sixteen ASCII bytes of s at a time, while there are: each letter or digit
 * (lower-cased) goes to out[w], the rest are dropped, as DEDUP_ASCII says
 * byte by byte. A block of only letters and digits is stored whole; else
 * each of its bytes is written and kept by its mask bit. Returns where it
 * stopped (the byte loop after it has the rest); *w moves on. */
static size_t dedup_ascii16(const char *s, size_t len, size_t i, char *out, size_t *w)
{
    size_t o = *w;
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        if (_mm_movemask_epi8(x))
            break; /* a non-ASCII byte: the byte loop decodes it */
        __m128i folded;
        unsigned mask = ascii16_keep(x, &folded);
        if (mask == 0xFFFFu) {
            _mm_storeu_si128((__m128i *)(void *)(out + o), folded);
            o += 16;
        } else {
            /* every byte written, kept (o moves on) when its mask bit is
             * set: no branch on the text (a loop over the set bits was
             * mispredicted at every block) */
            unsigned char b[16];
            _mm_storeu_si128((__m128i *)(void *)b, folded);
            for (unsigned k = 0; k < 16; k++) {
                out[o] = (char)b[k];
                o += (mask >> k) & 1u;
            }
        }
        i += 16;
    }
    *w = o;
    return i;
}
#endif

#ifdef CN_TEXT_SSSE3
/* For the byte shuffle: row m holds the indexes of m's set bits (ascending),
 * then 0x80 (a zero byte); keep8_n[m] counts them. Filled before main. */
static unsigned char keep8[256][8];
static unsigned char keep8_n[256];
static bool have_ssse3;

__attribute__((constructor)) static void keep8_init(void)
{
    for (unsigned m = 0; m < 256; m++) {
        unsigned n = 0;
        for (unsigned k = 0; k < 8; k++)
            if (m >> k & 1u)
                keep8[m][n++] = (unsigned char)k;
        keep8_n[m] = (unsigned char)n;
        while (n < 8)
            keep8[m][n++] = 0x80;
    }
    __builtin_cpu_init();
    have_ssse3 = __builtin_cpu_supports("ssse3");
}

/* dedup_ascii16 with the kept bytes of a mixed block packed by a shuffle
 * of each eight-byte half (two stores) instead of a store a byte. */
__attribute__((target("ssse3"))) static size_t dedup_ascii16_ssse3(const char *s, size_t len,
                                                                   size_t i, char *out, size_t *w)
{
    const uint64_t eights = 0x0808080808080808ULL; /* the high half's indexes */
    size_t o = *w;
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        if (_mm_movemask_epi8(x))
            break;
        __m128i folded;
        unsigned mask = ascii16_keep(x, &folded);
        if (mask == 0xFFFFu) {
            _mm_storeu_si128((__m128i *)(void *)(out + o), folded);
            o += 16;
        } else {
            unsigned lo = mask & 0xFFu, hi = mask >> 8;
            uint64_t ilo, ihi;
            memcpy(&ilo, keep8[lo], 8);
            memcpy(&ihi, keep8[hi], 8);
            /* + 8 keeps an index's 0x80 bit: zero bytes stay zero */
            __m128i idx = _mm_set_epi64x((long long)(ihi + eights), (long long)ilo);
            __m128i packed = _mm_shuffle_epi8(folded, idx);
            _mm_storel_epi64((__m128i *)(void *)(out + o), packed);
            o += keep8_n[lo];
            _mm_storel_epi64((__m128i *)(void *)(out + o), _mm_unpackhi_epi64(packed, packed));
            o += keep8_n[hi];
        }
        i += 16;
    }
    *w = o;
    return i;
}
#endif

/* The normalized text without what is not a letter or digit, in one pass:
 * ASCII letters and digits lower-cased, other ASCII dropped, non-ASCII as
 * normalization leaves it (its bytes are all kept). */
char *cn_text_dedup_key(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t w = 0, i = 0;
    while (i < len) {
#ifdef __SSE2__
        if (i + 16 <= len) {
#ifdef CN_TEXT_SSSE3
            i = have_ssse3 ? dedup_ascii16_ssse3(s, len, i, out, &w)
                           : dedup_ascii16(s, len, i, out, &w);
#else
            i = dedup_ascii16(s, len, i, out, &w);
#endif
            if (i == len)
                break;
        }
#endif
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            /* Without branches: every byte is written, and kept (w moves on)
             * only when it is a letter or digit; a branch per byte was
             * mispredicted at every space and punctuation mark. */
            unsigned char k = DEDUP_ASCII[c];
            out[w] = (char)k;
            w += k != 0;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = cn_utf8_decode(s + i, len - i, &cp);
        w += dedup_fold(s, i, n, cp, out + w);
        i += n;
    }
    out[w] = '\0';
    return out;
}

char *cn_text_squeeze(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t w = 0, i = 0;
    bool pending = false;
    while (i < len) {
        uint32_t cp;
        size_t n = cn_utf8_decode(s + i, len - i, &cp);
        if ((cp < 0x80 && cn_text_is_space((int)cp)) || is_unicode_space(cp)) {
            pending = true;
            i += n;
            continue;
        }
        if (pending && w > 0)
            out[w++] = ' ';
        pending = false;
        memcpy(out + w, s + i, n);
        w += n;
        i += n;
    }
    out[w] = '\0';
    return out;
}

size_t cn_json_nul_escape(const char *s, size_t len)
{
    for (size_t i = 0; i + 6 <= len; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] == 'u' && s[i + 2] == '0' && s[i + 3] == '0' && s[i + 4] == '0' &&
            s[i + 5] == '0')
            return i;
        i++; /* skip the escaped character: "\\" is one backslash */
    }
    return len;
}
