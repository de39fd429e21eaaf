/*
 * test_plain: cn_plain_short against a byte-by-byte reference, for every
 * length up to past its limit, with each kind of byte placed at every
 * position (the word reads overlap and end at the string's end: a byte any
 * of them missed would show here), for each set.
 */
#include "testutil.h"

#include "cn_plain.h"

#include <string.h>

static bool reference(const char *s, size_t n, cn_plain_set set)
{
    if (n > 32)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool bad = c < 0x20;
        if (set == CN_PLAIN_JSON_KEY)
            bad = bad || c == '"' || c == '\\';
        else if (set == CN_PLAIN_JSON_ASCII)
            bad = bad || c >= 0x80 || c == '"' || c == '\\';
        else
            bad = bad || c >= 0x80 || c == '"' || c == '&' || c == '<' || c == '>';
        if (bad)
            return false;
    }
    return true;
}

static void test_against_reference(void)
{
    static const unsigned char probes[] = {0x00, 0x01, 0x09, 0x1f, 0x20, '"',  '\\', '&',  '<',
                                           '>',  'a',  '~',  0x7f, 0x80, 0xc3, 0xff, 0x21, 0x5b};
    static const cn_plain_set sets[] = {CN_PLAIN_JSON_KEY, CN_PLAIN_JSON_ASCII, CN_PLAIN_XML_ASCII};
    size_t bad = 0, checked = 0;
    char s[40];
    for (size_t n = 0; n <= 34; n++)
        for (size_t pos = 0; pos < (n ? n : 1); pos++)
            for (size_t b = 0; b < sizeof probes; b++)
                for (size_t k = 0; k < 3; k++) {
                    for (size_t i = 0; i < sizeof s; i++)
                        s[i] = (char)('a' + i % 26);
                    if (n)
                        s[pos] = (char)probes[b];
                    s[n] = '"'; /* a bad byte just past the end: never looked at */
                    bad += cn_plain_short(s, n, sets[k]) != reference(s, n, sets[k]);
                    checked++;
                }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(checked > 10000);
}

int main(void)
{
    static const tu_test tests[] = {
        {"as a byte-by-byte test says", test_against_reference},
        {NULL, NULL},
    };
    return tu_run_suite("plain", tests);
}
