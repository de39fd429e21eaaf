/* cn_report_fmt: numbers, safe text and evidence effect names shared by the reports. */
#include "cn_report_fmt.h"

#include "cn_text.h"

#include <math.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 10^k, exact as doubles for k <= 22. */
static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};

/* "%.6g" of x for 1e-4 <= |x| < 1e6 without printf, when the rounding to six
 * digits is certain: y = |x| * 10^k in [1e5, 1e6) (one rounding, an error
 * under 1.2e-10) is then far from a tie, so rounding y gives the six digits
 * printf gets from the exact value (an exact value just under 1e5 rounds up
 * to the same 100000 there, printed the same way). Near 1e6 after rounding
 * the exponent changes: not here. False (buf untouched) when it is not
 * certain: printf decides then. */
static bool number_fast(double x, char buf[CN_FMT_NUMBER_MAX])
{
    double ax = x < 0 ? -x : x;
    if (!(ax >= 1e-4 && ax < 1e6))
        return false;
    int k = 0; /* y in [1e5, 1e6) */
    double y = ax;
    while (y < 1e5 && k < 10)
        y = ax * POW10[++k];
    if (y < 1e5 || y >= 999999.5) /* 1e6 after rounding: another exponent */
        return false;
    double fl = floor(y), frac = y - fl;
    if (frac > 0.5 - 1e-6 && frac < 0.5 + 1e-6)
        return false;
    long n = (long)fl + (frac > 0.5);
    char digits[6];
    for (int i = 5; i >= 0; i--, n /= 10)
        digits[i] = (char)('0' + n % 10);
    int e = 5 - k; /* the exponent of the first digit: -4..5 */
    int last = 5;  /* the last digit kept: trailing zeros after the point go */
    while (last > e && last > 0 && digits[last] == '0')
        last--;
    size_t o = 0;
    if (x < 0)
        buf[o++] = '-';
    if (e >= 0) {
        for (int i = 0; i <= e; i++)
            buf[o++] = digits[i];
        if (last > e) {
            buf[o++] = '.';
            for (int i = e + 1; i <= last; i++)
                buf[o++] = digits[i];
        }
    } else {
        buf[o++] = '0';
        buf[o++] = '.';
        for (int i = 0; i < -e - 1; i++)
            buf[o++] = '0';
        for (int i = 0; i <= last; i++)
            buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return true;
}

bool cn_fmt_number(double x, char buf[CN_FMT_NUMBER_MAX])
{
    if (isnan(x) || isinf(x)) {
        buf[0] = '\0';
        return false;
    }
    if (x == 0.0) { /* -0 prints as 0 */
        buf[0] = '0';
        buf[1] = '\0';
        return true;
    }
    if (number_fast(x, buf))
        return true;
    snprintf(buf, CN_FMT_NUMBER_MAX, "%.6g", x);
    if (!strcmp(buf, "-0"))
        strcpy(buf, "0");
    return true;
}

const char *cn_fmt_number_memo(cn_fmt_memo *m, double x, size_t *len)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t h = bits * 0x9E3779B97F4A7C15ull;
    size_t slot = (size_t)((h ^ (h >> 29)) >> 56); /* the high bits: 0..255 */
    if (m->len[slot] && m->bits[slot] == bits) {
        *len = m->len[slot];
        return m->text[slot];
    }
    char buf[CN_FMT_NUMBER_MAX];
    if (!cn_fmt_number(x, buf))
        return NULL;
    size_t n = strlen(buf);
    memcpy(m->text[slot], buf, n + 1);
    m->len[slot] = (unsigned char)n; /* "%.6g": never 0, at most 13 */
    m->bits[slot] = bits;
    *len = n;
    return m->text[slot];
}

void cn_fmt_fixed4(double v, char buf[CN_FMT_NUMBER_MAX])
{
    /* v the double nearest k / 10^4 prints as k / 10^4 exactly: its distance
     * to it is far below the half of 10^-4 where the rounding could go the
     * other way */
    long long k =
        v >= 0.0 && !signbit(v) && v < 1e6 ? llround(v * 10000.0) : -1; /* -0: "-0.0000" */
    if (k < 0 || (double)k / 10000.0 != v) {
        snprintf(buf, CN_FMT_NUMBER_MAX, "%.4f", v);
        return;
    }
    size_t n = cn_fmt_long((long)(k / 10000), buf);
    long frac = (long)(k % 10000);
    buf[n] = '.';
    for (int i = 4; i >= 1; i--, frac /= 10)
        buf[n + (size_t)i] = (char)('0' + frac % 10);
    buf[n + 5] = '\0';
}

size_t cn_fmt_long(long v, char buf[CN_FMT_NUMBER_MAX])
{
    char tmp[24];
    size_t n = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t o = 0;
    if (v < 0)
        buf[o++] = '-';
    while (n)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return o;
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

/* The end of the run of printable ASCII bytes (0x20..0x7F) from s[i]:
 * nearly all of a report's text, tested sixteen bytes at a time. */
static size_t printable_run(const char *s, size_t i, size_t len)
{
#ifdef __SSE2__
    /* as signed bytes, printable ASCII is exactly what exceeds 0x1F (a
     * byte of 0x80 or more is negative) */
    const __m128i below = _mm_set1_epi8(0x1F);
    while (i + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned ok = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, below));
        if (ok != 0xFFFFu)
            return i + (size_t)__builtin_ctz(~ok);
        i += 16;
    }
#endif
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

bool cn_fmt_text_is_clean(const char *s, size_t len, bool for_xml)
{
    for (size_t i = 0; i < len;) {
        i = printable_run(s, i, len);
        if (i >= len)
            break;
        uint32_t cp;
        size_t k = cn_utf8_decode(s + i, len - i, &cp);
        bool malformed = cp == 0xFFFD && !(k == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));
        if (malformed || (for_xml && xml_forbidden(cp)))
            return false;
        i += k;
    }
    return true;
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

size_t cn_fmt_char_offset_from(cn_fmt_char_cursor *cur, const char *s, size_t len, size_t off)
{
    if (off > len)
        off = len;
    /* cur->byte is a position the decoding from 0 reaches, after cur->chars
     * characters: going on from there takes the same steps */
    size_t i = cur->byte, chars = cur->chars;
    if (i > off)
        i = chars = 0;
#ifdef __SSE2__
    /* an ASCII byte is one character, decoded alone: sixteen at a time */
    while (i + 16 <= off &&
           _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i))) == 0) {
        i += 16;
        chars += 16;
    }
#endif
    for (; i < off; chars++) {
        uint32_t cp;
        i += cn_utf8_decode(s + i, len - i, &cp);
    }
    cur->byte = i;
    cur->chars = chars;
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

static const char AGREEMENT_NOTE[] =
    "Pairwise agreement is the chance that two physicians answering the same question take the "
    "same stance; it answers \"do physicians agree on a question?\". Its chance-corrected "
    "version compares it with two answers drawn from the whole corpus, so it is low when every "
    "question agrees on the same stance. Krippendorff's alpha, below, treats physicians as "
    "coders and questions as units: most physicians answer one question, so it says how far "
    "the stance depends on the question, not whether physicians agree, and its usual "
    "0.667/0.800 cut-offs do not apply here. No interval from fewer than 20 questions with two "
    "or more stance-taking answers.";

const char *cn_fmt_agreement_note(void)
{
    return AGREEMENT_NOTE;
}

static const char SPECIALTY_NOTE[] =
    "Stances of distinct answers on their questions' primary claims, pooled over questions. "
    "Answers without a specialty are listed but not tested; `none` is not a stance and is left "
    "out of the test. With expected counts below 5 the asymptotic p-value is doubtful: read "
    "the Monte Carlo one.";

const char *cn_fmt_specialty_note(void)
{
    return SPECIALTY_NOTE;
}

/* Why an answer is in the queue, one sentence per reason. */
void cn_fmt_review_detail(const cn_analysis_result *r, size_t answer, unsigned flag, char *buf,
                          size_t size)
{
    const cn_analysis_answer *a = &r->answers[answer];
    const cn_verdict primary = cn_analysis_verdict(r, a, 0), *d = &primary;
    const double *scores = cn_analysis_conflict_scores(r, answer);
    static const double NO_SCORES[CN_STANCE_COUNT];
    if (!scores)
        scores = NO_SCORES;
    const cn_analysis_question *q = &r->questions[cn_analysis_answer_question(r, a)];
    switch (flag) {
    case CN_REVIEW_DISSENT: {
        /* the majority's count and the stance-taking answers, from the counts
         * the figures were computed from (no read of the consensus pool) */
        const long *c = q->tally.counts;
        cn_stance m = (cn_stance)q->tally.majority;
        snprintf(buf, size, "%s against a strong consensus for %s (%ld of %ld)",
                 cn_stance_name(cn_analysis_answer_stance(a)), cn_stance_name(m), c[m],
                 c[CN_STANCE_REASSURING] + c[CN_STANCE_CAUTIONARY] + c[CN_STANCE_CONTRAINDICATED]);
        break;
    }
    case CN_REVIEW_PIVOTAL: {
        cn_stance alt = CN_STANCE_NONE, major = CN_STANCE_NONE;
        cn_consensus_level level = CN_CONSENSUS_NONE;
        cn_analysis_pivot(r, answer, &alt, &level, &major);
        cn_stance m = (cn_stance)q->tally.majority;
        if (major != m)
            snprintf(buf, size,
                     "if this answer is really %s, the question's majority changes from %s to %s",
                     cn_stance_name(alt), m == CN_STANCE_NONE ? "none (a tie)" : cn_stance_name(m),
                     major == CN_STANCE_NONE ? "none (a tie)" : cn_stance_name(major));
        else
            snprintf(buf, size,
                     "if this answer is really %s, the question's consensus changes from %s to %s",
                     cn_stance_name(alt),
                     cn_consensus_level_name((cn_consensus_level)q->tally.level),
                     cn_consensus_level_name(level));
        break;
    }
    case CN_REVIEW_CLAIM_FIT:
        snprintf(buf, size,
                 "only %zu of the question's %zu answers name the catalog claim it was judged "
                 "against (\"%s\"): check that the claim fits the question",
                 (size_t)q->naming_claim, (size_t)q->n_answers, r->claims[q->claim].statement);
        break;
    case CN_REVIEW_CONFLICTING:
        snprintf(buf, size,
                 "its cues point different ways (weights: reassuring %.1f, cautionary %.1f, "
                 "contraindicated %.1f), so the stance shown may be the wrong one",
                 scores[CN_STANCE_REASSURING], scores[CN_STANCE_CAUTIONARY],
                 scores[CN_STANCE_CONTRAINDICATED]);
        break;
    case CN_REVIEW_LOW_CONFIDENCE:
        snprintf(buf, size,
                 "the classifier is only %.0f%% sure of this stance (answers below %.0f%% are "
                 "listed)",
                 100.0 * d->confidence, 100.0 * r->opts.low_confidence);
        break;
    case CN_REVIEW_DUPLICATE_METADATA:
        snprintf(buf, size, "same answer as %s:%zu with different metadata: %s",
                 cn_analysis_file_of(r, &r->answers[cn_analysis_original(r, a)]),
                 (size_t)cn_analysis_answer_index(r, &r->answers[cn_analysis_original(r, a)]),
                 cn_analysis_metadata_note(r, answer) ? cn_analysis_metadata_note(r, answer) : "");
        break;
    case CN_REVIEW_EXCERPT:
        snprintf(buf, size, "%s",
                 a->truncated ? "the answer was cut off (the page ended early)"
                              : "only an excerpt of the answer (cut off with '...')");
        break;
    default:
        snprintf(buf, size, "?");
    }
}
