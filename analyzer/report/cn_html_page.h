/*
 * cn_html_page: report.html written directly from a finished analysis,
 * section by section into a stream, with the bytes reports/report.xsl gives
 * for the analysis' report.xml (tests/test_html_direct.c checks that on
 * several corpora). Nothing of the page is held in memory: besides the
 * analysis, the writer keeps the questions' order, the review items per
 * question and the physicians' groups (indices), and one answer's text at a
 * time.
 *
 * It mirrors one version of the stylesheet: CN_HTML_PAGE_STYLESHEET_SHA256 is
 * the SHA-256 of that reports/report.xsl. cn_report_html writes the page
 * this way only when the stylesheet it loaded has that hash; any other (an
 * edited or customised one) is run by libxslt instead.
 */
#ifndef CN_HTML_PAGE_H
#define CN_HTML_PAGE_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <stdio.h>

#define CN_HTML_PAGE_STYLESHEET_SHA256                                                             \
    "00c3f2b776d87fbbe8010eeaf1e3ff26e5d615b1da220b98e9b97dcee500af9f"

/* What the page takes from the stylesheet itself: the text of its "css"
 * template and of its "script" template, and its decimal format
 * (xsltDecimalFormatPtr) for format-number(). */
typedef struct cn_html_assets {
    const char *css;
    const char *script;
    void *decimal_format;
} cn_html_assets;

/* Write report.html for r into f. CN_OK, CN_ERR_NOMEM, or CN_ERR_IO when f
 * reports a write error. */
int cn_html_page_write(const cn_analysis_result *r, const cn_html_assets *assets, FILE *f,
                       cn_error *err);

#endif
