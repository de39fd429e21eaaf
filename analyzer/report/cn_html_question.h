/*
 * cn_html_question: one question's section of report.html (the stylesheet's
 * "question" template with its answers, evidence marks, specialty table,
 * duplicates and related excerpts), written directly from the analysis with
 * the bytes reports/report.xsl gives; memory holds one answer's text at a
 * time.
 */
#ifndef CN_HTML_QUESTION_H
#define CN_HTML_QUESTION_H

#include "cn_analysis.h"
#include "cn_html_out.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The stylesheet's parameters (reports/report.xsl, top): how much of a large
 * page is open or shown in full. */
enum {
    CN_HTML_OPEN_QUESTIONS = 3,
    CN_HTML_PAGE_ANSWERS = 1500,
    CN_HTML_FULL_QUESTIONS = 60,
    CN_HTML_FULL_ANSWERS = 6
};

/* What a question's section needs from the rest of the report. */
typedef struct cn_html_ctx {
    const cn_analysis_result *r;
    bool capped;            /* more than CN_HTML_PAGE_ANSWERS counted answers */
    const uint8_t *queued;  /* a bit an answer: its id is the id of an answer in the
                               review queue (shown in full) */
    const uint8_t *reasons; /* the question's review items' reasons, in the queue's order */
    size_t n_reasons;
} cn_html_ctx;

/* The section of question qi, rank-th from the most contested (1-based). */
void cn_html_question_write(cn_html_out *o, const cn_html_ctx *c, size_t qi, size_t rank);

/* The names of review reasons in flags, in the report's order, each followed
 * by '|', added to the attribute being built. */
void cn_html_attr_add_reasons(cn_html_out *o, unsigned flags);

#endif
