/*
 * cn_html_parts: the small named templates of reports/report.xsl that every
 * part of report.html uses (label, badge, stacked-bar with its segments,
 * bar-keys, question-name, answer-anchor), written directly with the bytes
 * the stylesheet gives.
 */
#ifndef CN_HTML_PARTS_H
#define CN_HTML_PARTS_H

#include "cn_analysis.h"
#include "cn_html_out.h"

#include <stdbool.h>

/* Template "label": "Reassuring", "Cautionary", "Contraindicated", else "No stance". */
const char *cn_html_label(const char *stance);

/* Template "badge": <span class="badge S">Label</span>. */
void cn_html_badge(cn_html_out *o, const char *stance);

/* The parameters of template "stacked-bar". */
typedef struct cn_html_bar {
    double fill; /* share of the width the total takes (1 by default) */
    int height;
    const char *cls;
    double minpx; /* narrowest drawn width, px */
    bool labels;
    int font;           /* 15 by default */
    const char *prefix; /* caption: prefix (raw text) then the counts caption */
} cn_html_bar;

/* Template "stacked-bar" over counts (indexed by cn_stance). */
void cn_html_stacked_bar(cn_html_out *o, const cn_html_bar *bar, const long counts[]);

/* Template "bar-keys". */
void cn_html_bar_keys(cn_html_out *o, const long counts[]);

/* Template "counts-caption" as text. */
void cn_html_counts_caption(cn_html_out *o, const long counts[]);

/* A specialty table row's count cells after its name cell: closes the name's
 * <td>, writes the answers and the four stance counts (indexed by cn_stance),
 * and opens the bar's <td>. */
void cn_html_specialty_cells(cn_html_out *o, long answers, const long counts[]);

/* Template "question-name" of question qi: its title, else its claim's statement. */
void cn_html_question_name(cn_html_out *o, const cn_analysis_result *r, size_t qi);

/* Template "answer-anchor" of answer i, added to the attribute being built. */
void cn_html_attr_add_anchor(cn_html_out *o, const cn_analysis_result *r, size_t i);

/* The stance name of an answer as report.xml's answer/@stance says it. */
const char *cn_html_answer_stance(const cn_analysis_answer *a);

#endif
