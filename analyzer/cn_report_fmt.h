/*
 * cn_report_fmt: the formatting rules every report shares, so report.json,
 * report.xml and answers.jsonl say the same thing the same way, byte for byte
 * on every run:
 * - non-integral numbers as "%.6g" (six significant digits, never "-0");
 *   NaN and infinities are "no value" (JSON null, XML attribute left out);
 * - text made safe: malformed UTF-8 becomes U+FFFD, and for XML the
 *   characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE;
 *   U+FFFF) become U+FFFD too, counted so the report can say how many;
 * - names of the classifier's evidence effects and of rule kinds.
 */
#ifndef CN_REPORT_FMT_H
#define CN_REPORT_FMT_H

#include <stdbool.h>
#include <stddef.h>

#define CN_FMT_NUMBER_MAX 32

/* Format x as "%.6g" into buf; returns false (and buf "") when x is NaN or infinite. */
bool cn_fmt_number(double x, char buf[CN_FMT_NUMBER_MAX]);

/* A copy of s[0..len) with every malformed UTF-8 byte replaced by U+FFFD and,
 * when for_xml, every XML-1.0-forbidden character too. *replaced (if not NULL)
 * gets how many were replaced. malloc'd, NUL-terminated; NULL on OOM. */
char *cn_fmt_clean_text(const char *s, size_t len, bool for_xml, size_t *replaced);

/* Characters (code points; a malformed byte counts as one) in s[0..off):
 * the offset of byte off in the cleaned text, counted as XPath counts. */
size_t cn_fmt_char_offset(const char *s, size_t len, size_t off);

/* The name of evidence effect number i (bit i of cn_evidence.flags):
 * "negated", "hedged", "intensified", "contrast-before", "contrast-after",
 * "experience", "hypothetical", "boilerplate", "last-sentence", "shifted";
 * NULL past the last. */
const char *cn_fmt_effect_name(unsigned bit);

#endif
