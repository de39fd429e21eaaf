/*
 * cn_report_xml: report.xml from a finished analysis (libxml2
 * xmlTextWriter). The same content as report.json, in the shape of
 * reports/report.xsd: element and attribute names in lower case with hyphens,
 * numbers as in cn_report_fmt, an attribute left out where JSON has null.
 *
 * Any text is made well-formed: characters XML 1.0 cannot carry (C0 controls
 * other than tab, LF and CR, U+FFFE, U+FFFF, malformed UTF-8) become U+FFFD,
 * and the element says how many with replaced-characters="N". Evidence keeps
 * its byte span into the original text (start, end: the same numbers as in
 * report.json) and adds cstart/cend, character offsets into the text as
 * written in the XML, which XPath's substring() can use.
 */
#ifndef CN_REPORT_XML_H
#define CN_REPORT_XML_H

#include "cn_analysis.h"
#include "cn_error.h"

#include <stddef.h>
#include <stdio.h>

/* report.xml into f as it is made (libxml2's writer holds a few KB, not the
 * document). CN_OK, CN_ERR_NOMEM, or CN_ERR_IO when a write fails. */
int cn_report_xml_write(const cn_analysis_result *r, FILE *f, cn_error *err);

/* report.xml as text: *out malloc'd, *len its length. CN_OK, CN_ERR_NOMEM. */
int cn_report_xml_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err);

#endif
