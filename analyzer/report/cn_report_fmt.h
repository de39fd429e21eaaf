/*
 * cn_report_fmt: the formatting rules every report shares, so report.json,
 * report.xml and answers.jsonl say the same thing the same way, byte for byte
 * on every run:
 * - non-integral numbers as "%.6g" (six significant digits, never "-0");
 *   NaN and infinities are "no value" (JSON null, XML attribute left out);
 * - text made safe: malformed UTF-8 becomes U+FFFD, and for XML the
 *   characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE;
 *   U+FFFF) become U+FFFD too, counted so the report can say how many;
 * - names of the classifier's evidence effects;
 * - the wording of review reasons and of the notes on agreement and specialties.
 */
#ifndef CN_REPORT_FMT_H
#define CN_REPORT_FMT_H

#include "cn_analysis.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CN_FMT_NUMBER_MAX 32

/* Format x as "%.6g" into buf; returns false (and buf "") when x is NaN or infinite. */
bool cn_fmt_number(double x, char buf[CN_FMT_NUMBER_MAX]);

/* The last numbers cn_fmt_number formatted, remembered by their bits (a
 * writer formats the same few evidence weights hundreds of thousands of
 * times). Zero it (= {0}) before use; one a writer (not shared between
 * threads). */
#define CN_FMT_MEMO_SLOTS 256
typedef struct cn_fmt_memo {
    uint64_t bits[CN_FMT_MEMO_SLOTS];
    unsigned char len[CN_FMT_MEMO_SLOTS]; /* 0: the slot is empty */
    char text[CN_FMT_MEMO_SLOTS][CN_FMT_NUMBER_MAX];
} cn_fmt_memo;

/* cn_fmt_number(x, ...)'s text, remembered in m: NULL when x is NaN or
 * infinite (no value), else the text (valid until the next call with m)
 * and its length in *len. */
const char *cn_fmt_number_memo(cn_fmt_memo *m, double x, size_t *len);

/* v as "%ld" prints it; its length. */
size_t cn_fmt_long(long v, char buf[CN_FMT_NUMBER_MAX]);
/* "%.4f" of v: without printf when v is a multiple of 10^-4 as a double
 * (what rounding to four decimals gives) in [0, 1e6), with it otherwise. */
void cn_fmt_fixed4(double v, char buf[CN_FMT_NUMBER_MAX]);

/* A copy of s[0..len) with every malformed UTF-8 byte replaced by U+FFFD and,
 * when for_xml, every XML-1.0-forbidden character too. *replaced (if not NULL)
 * gets how many were replaced. malloc'd, NUL-terminated; NULL on OOM. */
char *cn_fmt_clean_text(const char *s, size_t len, bool for_xml, size_t *replaced);

/* True when s[0..len) is already safe (cn_fmt_clean_text would change
 * nothing), so callers can skip the copy. */
bool cn_fmt_text_is_clean(const char *s, size_t len, bool for_xml);

/* Characters (code points; a malformed byte counts as one) in s[0..off):
 * the offset of byte off in the cleaned text, counted as XPath counts. */
size_t cn_fmt_char_offset(const char *s, size_t len, size_t off);

/* Where cn_fmt_char_offset's decoding of one text stopped: a byte position
 * it reaches from the start and the characters before it. Evidence comes in
 * runs by position, so the next offset asked for is mostly further on and
 * the decoding goes on from here instead of from the start. Zero it (= {0})
 * for each text. */
typedef struct cn_fmt_char_cursor {
    size_t byte, chars;
} cn_fmt_char_cursor;

/* cn_fmt_char_offset(s, len, off), the same number, resumed from *cur when
 * off is not before it (cur: for s[0..len) only). */
size_t cn_fmt_char_offset_from(cn_fmt_char_cursor *cur, const char *s, size_t len, size_t off);

/* The name of evidence effect number i (bit i of cn_evidence.flags):
 * "negated", "hedged", "intensified", "contrast-before", "contrast-after",
 * "experience", "hypothetical", "boilerplate", "last-sentence", "shifted";
 * NULL past the last. */
const char *cn_fmt_effect_name(unsigned bit);

/* Why answer (an index into r->answers) is in the review queue for one
 * reason flag, as one phrase ("confidence 0.41 below 0.5"), into buf. */
void cn_fmt_review_detail(const cn_analysis_result *r, size_t answer, unsigned flag, char *buf,
                          size_t size);

/* What the agreement figures mean (physicians as coders, questions as units). */
const char *cn_fmt_agreement_note(void);

/* How the specialty comparison was made and how to read it. */
const char *cn_fmt_specialty_note(void);

#endif
