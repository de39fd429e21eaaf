/* cn_plain: short strings with nothing to escape, told a word at a time. */
#include "cn_plain.h"

#include <stdint.h>
#include <string.h>

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Some byte of x equals 0 (exact for "some"). */
static uint64_t has_zero(uint64_t x)
{
    return (x - ONES) & ~x & HIGHS;
}

/* Some byte of x is below 0x20 (exact for "some"). */
static uint64_t has_control(uint64_t x)
{
    return (x - ONES * 0x20) & ~x & HIGHS;
}

static uint64_t has_byte(uint64_t x, unsigned char c)
{
    return has_zero(x ^ (ONES * c));
}

static uint64_t bad_word(uint64_t x, cn_plain_set set)
{
    uint64_t bad = has_control(x);
    switch (set) {
    case CN_PLAIN_JSON_ASCII:
        bad |= x & HIGHS;
        /* fall through */
    case CN_PLAIN_JSON_KEY:
        bad |= has_byte(x, '"') | has_byte(x, '\\');
        break;
    case CN_PLAIN_XML_ASCII:
        bad |=
            (x & HIGHS) | has_byte(x, '"') | has_byte(x, '&') | has_byte(x, '<') | has_byte(x, '>');
        break;
    }
    return bad;
}

static bool bad_byte(unsigned char c, cn_plain_set set)
{
    if (c < 0x20)
        return true;
    switch (set) {
    case CN_PLAIN_JSON_KEY:
        return c == '"' || c == '\\';
    case CN_PLAIN_JSON_ASCII:
        return c >= 0x80 || c == '"' || c == '\\';
    case CN_PLAIN_XML_ASCII:
        return c >= 0x80 || c == '"' || c == '&' || c == '<' || c == '>';
    }
    return true;
}

static uint64_t word_at(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return x;
}

bool cn_plain_short(const char *s, size_t n, cn_plain_set set)
{
    if (n > 32)
        return false;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            if (bad_byte((unsigned char)s[i], set))
                return false;
        return true;
    }
    /* words at 0, 8, 16 and ending at n, n - 8 ...: every byte in one (some
     * in two), none read past s[n - 1] */
    uint64_t bad = bad_word(word_at(s), set) | bad_word(word_at(s + n - 8), set);
    if (n > 16)
        bad |= bad_word(word_at(s + 8), set) | bad_word(word_at(s + n - 16), set);
    return bad == 0;
}
