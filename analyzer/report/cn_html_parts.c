/* cn_html_parts: the stylesheet's shared named templates, written directly. */
#include "cn_html_parts.h"

#include "cn_report_fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cn_html_label(const char *stance)
{
    if (!strcmp(stance, "reassuring"))
        return "Reassuring";
    if (!strcmp(stance, "cautionary"))
        return "Cautionary";
    if (!strcmp(stance, "contraindicated"))
        return "Contraindicated";
    return "No stance";
}

void cn_html_badge(cn_html_out *o, const char *stance)
{
    cn_html_raw(o, "<span");
    cn_html_attr2(o, "class", "badge ", stance);
    cn_html_raw(o, ">");
    cn_html_raw(o, cn_html_label(stance));
    cn_html_raw(o, "</span>");
}

const char *cn_html_answer_stance(const cn_analysis_answer *a)
{
    return cn_stance_name(cn_analysis_answer_stance(a));
}

/* The four stances in the order of the bars, with the stylesheet's fill,
 * label ink and lower-case name ("long" label). */
static const struct {
    cn_stance stance;
    const char *name, *fill, *ink, *lower;
} SEGMENTS[4] = {
    {CN_STANCE_REASSURING, "reassuring", "#0072b2", "#ffffff", "reassuring"},
    {CN_STANCE_CAUTIONARY, "cautionary", "url(#fill-cautionary)", "#1d1d1f", "cautionary"},
    {CN_STANCE_CONTRAINDICATED, "contraindicated", "url(#fill-contraindicated)", "#ffffff",
     "contraindicated"},
    {CN_STANCE_NONE, "none", "#c9c9c9", "#1d1d1f", "no stance"},
};

void cn_html_counts_caption(cn_html_out *o, const long counts[])
{
    cn_html_printf(o, "%ld reassuring, %ld cautionary, %ld contraindicated, %ld no stance",
                   counts[CN_STANCE_REASSURING], counts[CN_STANCE_CAUTIONARY],
                   counts[CN_STANCE_CONTRAINDICATED], counts[CN_STANCE_NONE]);
}

static void attr_add_caption(cn_html_out *o, const cn_html_bar *bar, const long counts[])
{
    char buf[160];
    snprintf(buf, sizeof buf, "%ld reassuring, %ld cautionary, %ld contraindicated, %ld no stance",
             counts[CN_STANCE_REASSURING], counts[CN_STANCE_CAUTIONARY],
             counts[CN_STANCE_CONTRAINDICATED], counts[CN_STANCE_NONE]);
    cn_html_attr_add(o, bar->prefix);
    cn_html_attr_add(o, buf);
}

/* Template "segment": segment i of a bar whose stances take u percent each. */
static void segment(cn_html_out *o, const cn_html_bar *bar, int i, double k, double x0, double u,
                    double total)
{
    if (!(k > 0))
        return;
    double w = k * u;
    double px = w * bar->minpx / 100;
    /* k and total are counts: whole numbers, which "%.0f" prints as their
     * digits (written without printf: a page has tens of thousands) */
    char kbuf[CN_FMT_NUMBER_MAX], tbuf[CN_FMT_NUMBER_MAX], lng[64];
    size_t klen = cn_fmt_long((long)k, kbuf);
    size_t lower_len = strlen(SEGMENTS[i].lower);
    memcpy(lng, kbuf, klen);
    lng[klen] = ' ';
    memcpy(lng + klen + 1, SEGMENTS[i].lower, lower_len + 1);
    const char *label = cn_html_label(SEGMENTS[i].name);
    cn_html_raw(o, "<g");
    cn_html_attr2(o, "class", "seg ", SEGMENTS[i].name);
    cn_html_raw(o, ">");
    if (bar->labels) {
        cn_html_raw(o, "<title>");
        cn_html_raw(o, label);
        cn_html_raw(o, ": ");
        cn_html_rawn(o, kbuf, klen);
        cn_html_raw(o, " of ");
        cn_html_rawn(o, tbuf, cn_fmt_long((long)total, tbuf));
        cn_html_raw(o, " (");
        cn_html_format(o, k / total, "0%");
        cn_html_raw(o, ")</title>");
    }
    cn_html_raw(o, "<rect");
    cn_html_attr_begin(o);
    cn_html_attr_add_format(o, x0, "0.###");
    cn_html_attr_add(o, "%");
    cn_html_attr_end(o, "x");
    cn_html_raw(o, " y=\"0\"");
    cn_html_attr_begin(o);
    cn_html_attr_add_format(o, w, "0.###");
    cn_html_attr_add(o, "%");
    cn_html_attr_end(o, "width");
    cn_html_printf(o, " height=\"%d\" fill=\"%s\"></rect>", bar->height, SEGMENTS[i].fill);
    if (bar->labels && px >= 0.7 * bar->font * (double)strlen(kbuf) + 6) {
        cn_html_raw(o, "<text");
        cn_html_attr_begin(o);
        cn_html_attr_add_format(o, x0 + w / 2, "0.###");
        cn_html_attr_add(o, "%");
        cn_html_attr_end(o, "x");
        cn_html_raw(o, " y=\"");
        cn_html_xpath_string(o, bar->height / 2.0);
        cn_html_printf(o,
                       "\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"%d\" "
                       "font-weight=\"700\" fill=\"%s\">%s</text>",
                       bar->font, SEGMENTS[i].ink,
                       px >= 0.62 * bar->font * (double)strlen(lng) + 12 ? lng : kbuf);
    }
    cn_html_raw(o, "</g>");
}

void cn_html_stacked_bar(cn_html_out *o, const cn_html_bar *bar, const long counts[])
{
    double r = (double)counts[CN_STANCE_REASSURING], c = (double)counts[CN_STANCE_CAUTIONARY],
           x = (double)counts[CN_STANCE_CONTRAINDICATED], n = (double)counts[CN_STANCE_NONE];
    double total = r + c + x + n;
    cn_html_raw(o, "<svg");
    cn_html_attr(o, "class", bar->cls);
    cn_html_printf(o, " height=\"%d\" role=\"img\"", bar->height);
    cn_html_attr_begin(o);
    attr_add_caption(o, bar, counts);
    cn_html_attr_end(o, "aria-label");
    cn_html_raw(o, ">");
    if (bar->labels) {
        cn_html_raw(o, "<title>");
        cn_html_text(o, bar->prefix);
        cn_html_counts_caption(o, counts);
        cn_html_raw(o, "</title>");
    }
    cn_html_printf(o,
                   "<rect x=\"0\" y=\"0\" width=\"100%%\" height=\"%d\" fill=\"#f1f1f4\"></rect>",
                   bar->height);
    if (total > 0) {
        double u = 100 * bar->fill / total;
        segment(o, bar, 0, r, 0, u, total);
        segment(o, bar, 1, c, r * u, u, total);
        segment(o, bar, 2, x, (r + c) * u, u, total);
        segment(o, bar, 3, n, (r + c + x) * u, u, total);
    }
    if (total == 0 && bar->labels) {
        cn_html_raw(o, "<text x=\"50%\" y=\"");
        cn_html_xpath_string(o, bar->height / 2.0);
        cn_html_printf(o,
                       "\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"%d\" "
                       "fill=\"#5c5c66\">no answers</text>",
                       bar->font);
    }
    cn_html_raw(o, "</svg>");
}

void cn_html_bar_keys(cn_html_out *o, const long counts[])
{
    cn_html_raw(o, "<p class=\"bar-keys\">");
    for (int i = 0; i < 4; i++)
        cn_html_printf(o, "<span><i class=\"sw %s\"></i><b>%ld</b> %s</span>", SEGMENTS[i].name,
                       counts[SEGMENTS[i].stance], i == 3 ? "no stance" : SEGMENTS[i].name);
    cn_html_raw(o, "</p>");
}

void cn_html_question_name(cn_html_out *o, const cn_analysis_result *r, size_t qi)
{
    const cn_analysis_question *q = &r->questions[qi];
    cn_html_text(o, q->question ? q->question : r->claims[q->claim].statement);
}

void cn_html_attr_add_anchor(cn_html_out *o, const cn_analysis_result *r, size_t i)
{
    const cn_analysis_answer *a = &r->answers[i];
    const char *id = CN_ANSWER_ID(r, a);
    if (a->role == CN_ROLE_RELATED) {
        cn_html_attr_add(o, "r-");
        cn_html_attr_add(o, id);
        return;
    }
    if (a->role != CN_ROLE_DUPLICATE) {
        cn_html_attr_add(o, "a-");
        cn_html_attr_add(o, id);
        return;
    }
    cn_html_attr_add(o, "d-");
    cn_html_attr_add(o, id);
    cn_html_attr_add(o, "-");
    /* translate($file, ' #%?', '____'): ASCII only, so bytewise is exact */
    const char *base = cn_analysis_file_of(r, a);
    char *file = strdup(base ? base : "");
    if (!file) {
        o->fail = true;
        return;
    }
    for (char *p = file; *p; p++)
        if (strchr(" #%?", *p))
            *p = '_';
    cn_html_attr_add(o, file);
    free(file);
    cn_html_attr_add(o, "-");
    cn_html_attr_add_long(o, (long)cn_analysis_answer_index(r, a));
}

void cn_html_specialty_cells(cn_html_out *o, long answers, const long counts[])
{
    cn_html_printf(o,
                   "</td><td class=\"num\" data-label=\"Answers\">%ld</td><td class=\"num\" "
                   "data-label=\"Reassuring\">%ld</td><td class=\"num\" "
                   "data-label=\"Cautionary\">%ld</td><td class=\"num\" "
                   "data-label=\"Contraindicated\">%ld</td><td class=\"num\" data-label=\"No "
                   "stance\">%ld</td><td>",
                   answers, counts[CN_STANCE_REASSURING], counts[CN_STANCE_CAUTIONARY],
                   counts[CN_STANCE_CONTRAINDICATED], counts[CN_STANCE_NONE]);
}
