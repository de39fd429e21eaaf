/* cn_report_fmt: numbers, safe text and evidence effect names shared by the reports. */
#include "cn_report_fmt.h"

#include "cn_text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cn_fmt_number(double x, char buf[CN_FMT_NUMBER_MAX])
{
    if (isnan(x) || isinf(x)) {
        buf[0] = '\0';
        return false;
    }
    if (x == 0.0)
        x = 0.0; /* -0 prints as 0 */
    snprintf(buf, CN_FMT_NUMBER_MAX, "%.6g", x);
    if (!strcmp(buf, "-0"))
        strcpy(buf, "0");
    return true;
}

static bool xml_forbidden(uint32_t cp)
{
    if (cp < 0x20)
        return cp != 0x09 && cp != 0x0A && cp != 0x0D;
    return cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF);
}

char *cn_fmt_clean_text(const char *s, size_t len, bool for_xml, size_t *replaced)
{
    /* A replaced byte (1) becomes 3 bytes at most: 3 * len bounds the output. */
    char *out = malloc(3 * len + 1);
    size_t n = 0, bad = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cn_utf8_decode(s + i, len - i, &cp);
        bool malformed = cp == 0xFFFD && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));
        if (malformed || (for_xml && xml_forbidden(cp))) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
            bad++;
        } else {
            memcpy(out + n, s + i, k);
            n += k;
        }
        i += k;
    }
    out[n] = '\0';
    if (replaced)
        *replaced = bad;
    return out;
}

size_t cn_fmt_char_offset(const char *s, size_t len, size_t off)
{
    size_t chars = 0;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; chars++) {
        uint32_t cp;
        i += cn_utf8_decode(s + i, len - i, &cp);
    }
    return chars;
}

static const char *const EFFECTS[] = {
    "negated",    "hedged",       "intensified", "contrast-before", "contrast-after",
    "experience", "hypothetical", "boilerplate", "last-sentence",   "shifted",
};

const char *cn_fmt_effect_name(unsigned bit)
{
    return bit < sizeof EFFECTS / sizeof EFFECTS[0] ? EFFECTS[bit] : NULL;
}
