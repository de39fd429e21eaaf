/*
 * cn_report_html: report.html, the editors' page, made from report.xml by the
 * XSLT stylesheet reports/report.xsl (libxslt). The stylesheet is data, like
 * the rules: it is looked up next to the rules folder's reports/ sibling in a
 * source tree, or in the installed schema folder, and loaded once.
 *
 * The transformation runs with libxslt's security preferences forbidding any
 * file or network access, and the XML is parsed without network access:
 * report.html is a pure function of report.xml and the stylesheet, so the
 * same report gives byte-identical HTML.
 *
 * `analyze` writes the page with cn_report_html_write, which streams it: when
 * the stylesheet is the one cn_html_page mirrors (same SHA-256), the page is
 * written directly from the analysis, question by question, in memory that
 * does not grow with the report, and byte for byte what the transformation
 * gives; any other stylesheet (edited, customised) is run by libxslt on the
 * whole report.xml in memory, as before.
 */
#ifndef CN_REPORT_HTML_H
#define CN_REPORT_HTML_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A compiled stylesheet. */
typedef struct cn_report_html cn_report_html;

/* The file name of the stylesheet in either place. */
#define CN_REPORT_HTML_STYLESHEET "report.xsl"

/* Find the stylesheet for rules_dir: RULES_DIR/../reports/report.xsl when it
 * exists (the source tree), else report.xsl in cn_default_schema_dir() (an
 * installed copy). *path is malloc'd. CN_ERR_IO naming both places when
 * neither holds the file; CN_ERR_NOMEM. */
int cn_report_html_find(const char *rules_dir, char **path, cn_error *err);

/* Load and compile the stylesheet at xsl_path. CN_ERR_IO when the file cannot
 * be read; CN_ERR_FORMAT ("PATH:LINE: message") when it is not well-formed XML
 * or not a valid XSLT 1.0 stylesheet; CN_ERR_NOMEM. */
int cn_report_html_new(const char *xsl_path, cn_report_html **out, cn_error *err);

/* Transform report.xml (xml[0..xml_len), as cn_report_xml_render writes it)
 * into HTML: *out malloc'd and NUL-terminated, *len its length without the
 * NUL. CN_ERR_FORMAT when the XML cannot be parsed or the transformation
 * fails (the first libxslt message is in err); CN_ERR_NOMEM. */
int cn_report_html_render(cn_report_html *h, const char *xml, size_t xml_len, char **out,
                          size_t *len, cn_error *err);

/* report.html for the finished analysis r into f: written directly when the
 * stylesheet is the mirrored one, else report.xml rendered in memory and
 * transformed (cn_report_html_render). CN_OK, CN_ERR_NOMEM, CN_ERR_FORMAT (the
 * transformation failed), CN_ERR_IO (f reports a write error). */
int cn_report_html_write(cn_report_html *h, const cn_analysis_result *r, FILE *f, cn_error *err);

/* True when cn_report_html_write writes the page directly (the stylesheet's
 * SHA-256 is CN_HTML_PAGE_STYLESHEET_SHA256). */
bool cn_report_html_is_direct(const cn_report_html *h);

/* The path the stylesheet was loaded from. */
const char *cn_report_html_path(const cn_report_html *h);

/* NULL is fine. */
void cn_report_html_free(cn_report_html *h);

#endif
