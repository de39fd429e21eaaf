/* cn_html_question: one question's section of report.html, written directly. */
#include "cn_html_question.h"

#include "cn_html_parts.h"
#include "cn_report_fmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void cn_html_attr_add_reasons(cn_html_out *o, unsigned flags)
{
    for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++) {
        unsigned flag = cn_review_reason_at(k);
        if (flags & flag) {
            cn_html_attr_add(o, cn_review_reason_name(flag));
            cn_html_attr_add(o, "|");
        }
    }
}

/* Text of the bytes src[s, t) cleaned as report.xml cleans them. */
static void text_range(cn_html_out *o, const char *src, size_t s, size_t t)
{
    if (cn_fmt_text_is_clean(src + s, t - s, true)) {
        cn_html_text_clean(o, src + s, t - s);
        return;
    }
    char *clean = cn_fmt_clean_text(src + s, t - s, true, NULL);
    if (!clean) {
        o->fail = true;
        return;
    }
    cn_html_text_clean(o, clean, strlen(clean));
    free(clean);
}

/* ---- evidence marks (template "highlight") ---- */

/* One evidence span of the text being marked, in character offsets of the
 * cleaned text (report.xml's cstart, cend). */
typedef struct span {
    size_t cstart, cend;
    const cn_evidence *e;
    size_t number; /* 1-based among the answer's evidence: data-ev */
    double weight; /* a cue's weight as the template compares it: its
                    * printed number read back by XPath (NaN: none) */
} span;

/* What mark() compares a cue's weight by: the number report.xml prints,
 * read as XPath reads it; NaN when it prints none. Once a span, not once
 * for each piece it covers. */
static double span_weight(const cn_evidence *e)
{
    char buf[CN_FMT_NUMBER_MAX];
    return e->rule->kind == CN_RULE_CUE && cn_fmt_number(e->weight, buf) ? cn_html_xpath_number(buf)
                                                                         : NAN;
}

/* Where character number `ch` of a text starts: a position moved forward
 * only (the pieces of a text come in order), instead of a table of every
 * character's offset. */
typedef struct char_cursor {
    size_t ch, byte;
} char_cursor;

static bool continuation(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* The cursor at character 0 of s[0..len). */
static char_cursor cursor_start(const char *s, size_t len)
{
    char_cursor c = {0, 0};
    while (c.byte < len && continuation(s, c.byte))
        c.byte++;
    return c;
}

/* The byte where character `target` starts (len past the last one): the
 * k-th byte of s[0..len) that is not a UTF-8 continuation byte. */
static size_t byte_of(char_cursor *c, const char *s, size_t len, size_t target)
{
    while (c->ch < target) {
#ifdef __SSE2__
        /* sixteen ASCII characters, a character starting after them */
        if (target - c->ch >= 16 && c->byte + 16 <= len &&
            _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + c->byte))) == 0 &&
            (c->byte + 16 == len || !continuation(s, c->byte + 16))) {
            c->byte += 16;
            c->ch += 16;
            continue;
        }
#endif
        c->byte++;
        while (c->byte < len && continuation(s, c->byte))
            c->byte++;
        c->ch++;
    }
    return c->byte;
}

/* Characters (bytes that are not UTF-8 continuation bytes) of s[0..len). */
static size_t count_chars(const char *s, size_t len)
{
    size_t n = 0, i = 0;
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) {
        /* a continuation byte is 0x80 .. 0xBF: -128 .. -65 as a signed byte */
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        n += (size_t)__builtin_popcount(
            (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8(-65))));
    }
#endif
    for (; i < len; i++)
        n += !continuation(s, i);
    return n;
}

/* The mark over the piece [pos, end) covered by the spans in cover. */
static void mark(cn_html_out *o, const span *sp, const size_t *cover, size_t n_cover,
                 const char *piece, size_t piece_len)
{
    /* the stance of the heaviest covering cue (first of equals); NaN last */
    const span *cue = NULL;
    for (size_t i = 0; i < n_cover; i++) {
        const span *c = &sp[cover[i]];
        if (c->e->rule->kind != CN_RULE_CUE)
            continue;
        double w = c->weight, best = cue ? cue->weight : NAN;
        if (!cue || (!isnan(w) && (isnan(best) || w > best)))
            cue = c;
    }
    cn_html_raw(o, "<mark");
    cn_html_attr2(o, "class", cue ? "ev ev-" : "ev ev-mod",
                  cue ? cn_stance_name(cue->e->stance) : "");
    cn_html_attr_begin(o);
    for (size_t i = 0; i < n_cover; i++) {
        const cn_evidence *e = sp[cover[i]].e;
        if (i)
            cn_html_attr_add(o, "; ");
        cn_html_attr_add(o, e->rule->id);
        cn_html_attr_add(o, " (");
        cn_html_attr_add(o, cn_rule_kind_name(e->rule->kind));
        if (e->rule->kind == CN_RULE_CUE) {
            cn_html_attr_add(o, ", ");
            cn_html_attr_add(o, cn_stance_name(e->stance));
        }
        bool first = true;
        for (unsigned b = 0; cn_fmt_effect_name(b); b++) {
            if (!(e->flags & (1u << b)))
                continue;
            cn_html_attr_add(o, first ? ", " : " ");
            cn_html_attr_add(o, cn_fmt_effect_name(b));
            first = false;
        }
        cn_html_attr_add(o, ")");
    }
    cn_html_attr_end(o, "title");
    cn_html_attr_begin(o);
    for (size_t i = 0; i < n_cover; i++) {
        if (i)
            cn_html_attr_add(o, " ");
        cn_html_attr_add_long(o, (long)sp[cover[i]].number);
    }
    cn_html_attr_end(o, "data-ev");
    cn_html_raw(o, ">");
    cn_html_text_clean(o, piece, piece_len);
    cn_html_raw(o, "</mark>");
}

/* Walk the cleaned text s from one span boundary to the next; each piece is
 * covered by a fixed set of spans and marked by them. */
static void highlight(cn_html_out *o, const char *s, const span *sp, size_t n_sp)
{
    size_t len_bytes = strlen(s), len = count_chars(s, len_bytes);
    char_cursor cur = cursor_start(s, len_bytes);
    size_t *cover = malloc((n_sp + 1) * sizeof *cover);
    if (!cover) {
        o->fail = true;
        return;
    }
    for (size_t pos = 0;;) {
        size_t end = (size_t)-1;
        for (size_t i = 0; i < n_sp; i++) {
            if (sp[i].cstart > pos && sp[i].cstart < end)
                end = sp[i].cstart;
            if (sp[i].cend > pos && sp[i].cend < end)
                end = sp[i].cend;
        }
        if (end == (size_t)-1 || end > len)
            end = len;
        if (end <= pos)
            break;
        size_t n_cover = 0;
        for (size_t i = 0; i < n_sp; i++)
            if (sp[i].cstart <= pos && sp[i].cend >= end)
                cover[n_cover++] = i;
        size_t from = byte_of(&cur, s, len_bytes, pos);
        const char *piece = s + from;
        size_t piece_len = byte_of(&cur, s, len_bytes, end) - from;
        if (n_cover)
            mark(o, sp, cover, n_cover, piece, piece_len);
        else
            cn_html_text_clean(o, piece, piece_len);
        pos = end;
    }
    free(cover);
}

/* Template "highlight" on the title (in_title) or the text of an answer. */
static void marked_text(cn_html_out *o, const cn_answer *ans, const cn_decision *d, bool in_title)
{
    const char *src = in_title ? (ans->title ? ans->title : "") : (ans->text ? ans->text : "");
    size_t len = strlen(src);
    span *sp = malloc((d->n_evidence + 1) * sizeof *sp);
    char *owned = NULL;
    const char *clean = cn_html_clean(src, &owned);
    if (!sp || !clean) {
        free(sp);
        free(owned);
        o->fail = true;
        return;
    }
    size_t n = 0;
    cn_fmt_char_cursor at = {0}; /* offsets counted on from the last one */
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        if (e->in_title != in_title)
            continue;
        size_t s = e->start <= len ? e->start : len, t = e->end <= len ? e->end : len;
        if (t < s)
            t = s;
        size_t cs = cn_fmt_char_offset_from(&at, src, len, s);
        sp[n++] = (span){cs, cn_fmt_char_offset_from(&at, src, len, t), e, i + 1, span_weight(e)};
    }
    highlight(o, clean, sp, n);
    free(sp);
    free(owned);
}

/* ---- one answer (template "answer") ---- */

static void evidence_item(cn_html_out *o, const cn_answer *ans, const cn_evidence *e)
{
    const char *src = e->in_title ? (ans->title ? ans->title : "") : (ans->text ? ans->text : "");
    size_t len = strlen(src);
    size_t s = e->start <= len ? e->start : len, t = e->end <= len ? e->end : len;
    if (t < s)
        t = s;
    cn_html_raw(o, "<li>“");
    text_range(o, src, s, t);
    cn_html_raw(o, "”");
    if (e->in_title)
        cn_html_raw(o, "<span class=\"muted\">(title)</span>");
    cn_html_raw(o, " <code>");
    cn_html_text(o, e->rule->id);
    cn_html_raw(o, "</code> ");
    cn_html_raw(o, cn_rule_kind_name(e->rule->kind));
    if (e->rule->kind == CN_RULE_CUE) {
        cn_html_raw(o, ", ");
        cn_html_raw(o, cn_stance_name(e->stance));
        cn_html_raw(o, " ");
        cn_html_fmt_number(o, e->weight);
    }
    bool first = true;
    for (unsigned b = 0; cn_fmt_effect_name(b); b++) {
        if (!(e->flags & (1u << b)))
            continue;
        cn_html_raw(o, first ? "; " : " ");
        cn_html_raw(o, cn_fmt_effect_name(b));
        first = false;
    }
    cn_html_raw(o, "</li>");
}

static void override_note(cn_html_out *o, const cn_override *ov, const cn_decision *d)
{
    cn_html_raw(o, "<p class=\"override-note\"><strong>Editor override</strong>");
    if (ov->editor) {
        cn_html_raw(o, " by ");
        cn_html_text(o, ov->editor);
    }
    cn_html_raw(o, ":\n      the classifier said ");
    cn_html_badge(o, cn_stance_name(d->stance));
    cn_html_raw(o, "\n      (confidence ");
    cn_html_pct(o, d->confidence);
    cn_html_raw(o, ")\n      ");
    if (ov->note && *ov->note) {
        cn_html_raw(o, " — ");
        cn_html_text(o, ov->note);
    }
    cn_html_raw(o, "</p>");
}

static bool has_reason(unsigned flags, const char *name)
{
    for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++)
        if ((flags & cn_review_reason_at(k)) &&
            !strcmp(cn_review_reason_name(cn_review_reason_at(k)), name))
            return true;
    return false;
}

static void who(cn_html_out *o, const cn_physician *p)
{
    if (p->name)
        cn_html_text(o, p->name);
    else
        cn_html_raw(o, "Unnamed physician");
}

static void article_open(cn_html_out *o, const cn_html_ctx *c, size_t idx, const char *cls)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    cn_html_raw(o, "<article");
    cn_html_attr2(o, "class", cls, cn_html_answer_stance(a));
    cn_html_attr_begin(o);
    cn_html_attr_add_anchor(o, c->r, idx);
    cn_html_attr_end(o, "id");
    cn_html_raw(o, ">");
}

/* An answer in one line; its opening words among the most contested questions. */
static void answer_brief(cn_html_out *o, const cn_html_ctx *c, size_t idx, size_t rank)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_answer *ans = cn_analysis_answer_of(c->r, idx);
    if (!ans) { /* its question's pages are loaded: never */
        o->fail = true;
        return;
    }
    article_open(o, c, idx, "answer brief ");
    cn_html_badge(o, cn_html_answer_stance(a));
    cn_html_raw(o, " <strong>");
    who(o, &ans->physician);
    cn_html_raw(o, "</strong>");
    if (ans->physician.specialty) {
        cn_html_raw(o, ", ");
        cn_html_text(o, ans->physician.specialty);
    }
    if (a->overridden)
        cn_html_raw(o, " <span class=\"flag editor\">stance set by an editor</span>");
    if (rank <= CN_HTML_FULL_QUESTIONS) {
        cn_html_raw(o, ":\n          ");
        if (ans->title) {
            cn_html_text(o, ans->title);
            cn_html_raw(o, ". ");
        }
        char *owned = NULL;
        const char *text = cn_html_clean(ans->text ? ans->text : "", &owned);
        if (!text) {
            o->fail = true;
            return;
        }
        size_t len = strlen(text), chars = 0, cut = len;
        for (size_t i = 0; i < len; i++)
            if (((unsigned char)text[i] & 0xC0) != 0x80 && chars++ == 120)
                cut = i;
        cn_html_text_clean(o, text, cut);
        if (chars > 120)
            cn_html_raw(o, "…");
        free(owned);
    }
    cn_html_raw(o, " <span class=\"flag\">shown in brief</span><code>");
    cn_html_text(o, ans->answer_id);
    cn_html_raw(o, "</code></article>\n");
}

static void answer_head(cn_html_out *o, const cn_analysis_result *r, const cn_analysis_answer *a,
                        const cn_answer *ans)
{
    const cn_physician *p = &ans->physician;
    cn_html_raw(o, "<div class=\"answer-head\">");
    cn_html_badge(o, cn_html_answer_stance(a));
    cn_html_raw(o, "<span class=\"who\">");
    who(o, p);
    cn_html_raw(o, "</span><span>");
    if (p->specialty)
        cn_html_text(o, p->specialty);
    else
        cn_html_raw(o, "<span class=\"muted\">specialty not given</span>");
    if (p->city) {
        cn_html_raw(o, ", ");
        cn_html_text(o, p->city);
    }
    cn_html_raw(o, "</span>");
    char buf[CN_FMT_NUMBER_MAX];
    if (p->has_rating && cn_fmt_number(p->rating, buf)) {
        cn_html_raw(o, "<span class=\"muted\">★ ");
        cn_html_raw(o, buf);
        if (p->has_reviews)
            cn_html_printf(o, " (%ld reviews)", (long)p->reviews);
        cn_html_raw(o, "</span>");
    }
    if (a->overridden) {
        cn_html_raw(o, "<span class=\"flag editor\">stance set by an editor</span>");
    } else {
        cn_html_raw(o, "<span class=\"muted\">confidence ");
        cn_html_pct(o, cn_analysis_verdict_confidence(r, a, 0));
        cn_html_raw(o, "</span>");
    }
    if (a->dissent)
        cn_html_raw(o, "<span class=\"flag warn\">dissent</span>");
    if (cn_analysis_verdict(r, a, 0).conflicting)
        cn_html_raw(o, "<span class=\"flag warn\">competing cues</span>");
    if (has_reason(a->review, "low-confidence"))
        cn_html_raw(o, "<span class=\"flag warn\">low confidence</span>");
    if (ans->truncated)
        cn_html_raw(o, "<span class=\"flag\">cut off</span>");
    if (ans->excerpt)
        cn_html_raw(o, "<span class=\"flag\">related excerpt</span>");
    cn_html_raw(o, "</div>");
}

/* An answer in full: its title and text with the evidence marked, and why. */
static void answer_full(cn_html_out *o, const cn_html_ctx *c, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_answer *ans = cn_analysis_answer_of(c->r, idx);
    const cn_decision *d = cn_analysis_decision(c->r, idx, 0);
    if (!ans || !d) { /* its question's pages are loaded: never */
        o->fail = true;
        return;
    }
    article_open(o, c, idx, "answer ");
    answer_head(o, c->r, a, ans);
    if (a->overridden)
        override_note(o, cn_analysis_override(c->r, idx), d);
    if (ans->title) {
        cn_html_raw(o, "<p class=\"answer-title\">");
        marked_text(o, ans, d, true);
        cn_html_raw(o, "</p>");
    }
    cn_html_raw(o, "<p class=\"answer-text\">");
    marked_text(o, ans, d, false);
    cn_html_raw(o, "</p>");
    if (d->n_evidence) {
        const char *stance = cn_html_answer_stance(a);
        cn_html_raw(o, "<details><summary>");
        if (a->overridden)
            cn_html_printf(o, "Why the classifier said %s (an editor set %s):",
                           cn_html_label(cn_stance_name(d->stance)), cn_html_label(stance));
        else
            cn_html_printf(o, "Why %s:", cn_html_label(stance));
        cn_html_raw(o, " ");
        cn_html_text(o, d->reason);
        cn_html_printf(o, " · %zu evidence spans</summary><ul class=\"evidence-list\">",
                       d->n_evidence);
        for (size_t i = 0; i < d->n_evidence; i++)
            evidence_item(o, ans, &d->evidence[i]);
        cn_html_raw(o, "</ul></details>");
    }
    cn_html_raw(o, "<div class=\"answer-foot\">");
    cn_html_text(o, cn_analysis_file_of(c->r, a));
    cn_html_printf(o, " #%ld · id <code>", (long)ans->index);
    cn_html_text(o, ans->answer_id);
    cn_html_raw(o, "</code></div></article>\n");
}

/* Template "answer": position is its place among its question's answers. */
static void answer(cn_html_out *o, const cn_html_ctx *c, size_t idx, size_t rank, size_t position)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    bool full = !c->capped || a->role != CN_ROLE_COUNTED || a->dissent ||
                ((c->queued[idx / 8] >> (idx % 8)) & 1) ||
                (rank <= CN_HTML_FULL_QUESTIONS && position < CN_HTML_FULL_ANSWERS);
    if (full)
        answer_full(o, c, idx);
    else
        answer_brief(o, c, idx, rank);
}

/* Template "answer-group": the question's counted answers of one stance. */
static void answer_group(cn_html_out *o, const cn_html_ctx *c, size_t qi, const char *stance,
                         size_t rank)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    size_t n = 0;
    for (size_t i = 0; i < q->n_answers; i++)
        n += !strcmp(cn_html_answer_stance(
                         &c->r->answers[cn_analysis_question_answer(c->r, qi, CN_ROLE_COUNTED, i)]),
                     stance);
    if (!n)
        return;
    cn_html_raw(o, "<h4 class=\"group-head\">");
    cn_html_badge(o, stance);
    cn_html_printf(o, "<span>%zu answer%s</span></h4>\n", n, n != 1 ? "s" : "");
    for (size_t i = 0; i < q->n_answers; i++) {
        uint32_t a = cn_analysis_question_answer(c->r, qi, CN_ROLE_COUNTED, i);
        if (!strcmp(cn_html_answer_stance(&c->r->answers[a]), stance))
            answer(o, c, a, rank, i);
    }
}

/* ---- the parts of a question ---- */

static const char *specialty_name(const cn_specialty_count *s)
{
    return s->specialty ? s->specialty : "(specialty not given)";
}

/* Template "question/specialties": a table with a small bar per row. */
static void specialty_table(cn_html_out *o, const cn_specialty_count *sp, size_t n)
{
    long max = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || cn_specialty_answers(&sp[i]) > max)
            max = cn_specialty_answers(&sp[i]);
    cn_html_raw(o, "<h3>Stance by specialty</h3><div class=\"table-wrap\"><table "
                   "class=\"specialty-table stack\"><thead><tr><th>Specialty</th><th "
                   "class=\"num\">Answers</th><th class=\"num\">Reassuring</th><th "
                   "class=\"num\">Cautionary</th><th class=\"num\">Contraindicated</th><th "
                   "class=\"num\">No stance</th><th>Chart</th></tr></thead><tbody>");
    for (size_t i = 0; i < n; i++) {
        const cn_specialty_count *s = &sp[i];
        long k[CN_STANCE_COUNT];
        cn_specialty_counts(s, k);
        long answers = cn_specialty_answers(s);
        cn_html_raw(o, "<tr><td data-label=\"Specialty\">");
        cn_html_text(o, specialty_name(s));
        cn_html_specialty_cells(o, answers, k);
        size_t plen = strlen(specialty_name(s));
        char *prefix = malloc(plen + 3);
        if (!prefix) {
            o->fail = true;
            return;
        }
        memcpy(prefix, specialty_name(s), plen);
        memcpy(prefix + plen, ": ", 3);
        cn_html_bar bar = {.fill = (double)answers / (double)max,
                           .height = 14,
                           .cls = "spec-bar",
                           .minpx = NAN,
                           .font = 15,
                           .prefix = prefix};
        cn_html_stacked_bar(o, &bar, k);
        free(prefix);
        cn_html_raw(o, "</td></tr>\n");
    }
    cn_html_raw(o, "</tbody></table></div>");
}

/* Beyond the most contested questions of a large page: the same in a line. */
static void specialty_line(cn_html_out *o, const cn_specialty_count *sp, size_t n)
{
    cn_html_raw(o, "<p class=\"spec-line\"><strong>By specialty:</strong>");
    for (size_t i = 0; i < n; i++) {
        const cn_specialty_count *s = &sp[i];
        if (i)
            cn_html_raw(o, "; ");
        cn_html_text(o, specialty_name(s));
        long k[CN_STANCE_COUNT];
        cn_specialty_counts(s, k);
        cn_html_printf(o, " %ld (", cn_specialty_answers(s));
        cn_html_counts_caption(o, k);
        cn_html_raw(o, ")");
    }
    cn_html_raw(o, "</p>");
}

static void duplicates(cn_html_out *o, const cn_html_ctx *c, const cn_analysis_question *q)
{
    cn_html_printf(
        o,
        "<details class=\"dups\"><summary>%zu duplicate%s merged (counted "
        "once)</summary><div class=\"table-wrap\"><table><thead><tr><th>Seen in</th><th>Same "
        "answer as</th><th>Metadata that differs</th></tr></thead><tbody>",
        (size_t)q->n_duplicates, q->n_duplicates != 1 ? "s" : "");
    size_t qi = (size_t)(q - c->r->questions);
    for (size_t i = 0; i < q->n_duplicates; i++) {
        uint32_t di = cn_analysis_question_answer(c->r, qi, CN_ROLE_DUPLICATE, i);
        const cn_analysis_answer *a = &c->r->answers[di];
        const cn_analysis_answer *orig = &c->r->answers[cn_analysis_original(c->r, a)];
        cn_html_raw(o, "<tr");
        cn_html_attr_begin(o);
        cn_html_attr_add_anchor(o, c->r, di);
        cn_html_attr_end(o, "id");
        cn_html_raw(o, "><td>");
        cn_html_text(o, cn_analysis_file_of(c->r, a));
        cn_html_printf(o, " #%ld</td><td><a", (long)cn_analysis_answer_index(c->r, a));
        cn_html_attr2(o, "href", "#a-", CN_ANSWER_ID(c->r, orig));
        cn_html_raw(o, ">");
        cn_html_text(o, cn_analysis_file_of(c->r, orig));
        cn_html_printf(o, " #%ld</a></td><td>", (long)cn_analysis_answer_index(c->r, orig));
        cn_html_text(o, cn_analysis_metadata_note(c->r, di));
        cn_html_raw(o, "</td></tr>\n");
    }
    cn_html_raw(o, "</tbody></table></div></details>");
}

static void related(cn_html_out *o, const cn_html_ctx *c, const cn_analysis_question *q)
{
    cn_html_printf(
        o,
        "<details class=\"related\"><summary>%zu related-question excerpt%s (not counted: no "
        "stance on this question)</summary>",
        (size_t)q->n_related, q->n_related != 1 ? "s" : "");
    size_t qi = (size_t)(q - c->r->questions);
    for (size_t i = 0; i < q->n_related; i++)
        answer(o, c, cn_analysis_question_answer(c->r, qi, CN_ROLE_RELATED, i), 1, i);
    cn_html_raw(o, "</details>");
}

/* The <details> start tag with what the filter bar matches. */
static void details_open(cn_html_out *o, const cn_html_ctx *c, size_t qi, size_t rank)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    cn_consensus_result buf;
    const cn_consensus_result *k = cn_tally_consensus(&q->tally, &buf);
    cn_html_raw(o, "<details class=\"question\"");
    cn_html_attr2(o, "id", "q-", q->id);
    cn_html_attr(o, "data-level", cn_consensus_level_name(k->level));
    cn_html_attr_begin(o);
    cn_html_attr_add(o, "|");
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_question_specialties(c->r, qi, &n_splits);
    for (size_t i = 0; i < n_splits; i++) {
        if (splits[i].specialty) {
            cn_html_attr_add(o, splits[i].specialty);
            cn_html_attr_add(o, "|");
        }
    }
    cn_html_attr_end(o, "data-specialties");
    cn_html_attr_begin(o);
    cn_html_attr_add(o, "|");
    for (size_t i = 0; i < c->n_reasons; i++)
        cn_html_attr_add_reasons(o, c->reasons[i]);
    cn_html_attr_end(o, "data-reasons");
    if (rank <= CN_HTML_OPEN_QUESTIONS)
        cn_html_raw(o, " open=\"open\"");
    cn_html_raw(o, ">");
}

/* The majority as a badge and share, "tie" or "no majority". */
static void majority_line(cn_html_out *o, const cn_consensus_result *k, const char *none)
{
    if (k->majority != CN_STANCE_NONE) {
        cn_html_badge(o, cn_stance_name(k->majority));
        cn_html_raw(o, " ");
        cn_html_pct(o, k->share);
    } else {
        cn_html_raw(o, k->tie ? "tie" : none);
    }
}

static void summary_line(cn_html_out *o, const cn_html_ctx *c, size_t qi)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    cn_consensus_result buf;
    const cn_consensus_result *k = cn_tally_consensus(&q->tally, &buf);
    const char *level = cn_consensus_level_name(k->level);
    size_t n_review = c->n_reasons;
    cn_html_raw(o, "<summary class=\"q-head\"><h2 class=\"q-title\">");
    cn_html_question_name(o, c->r, qi);
    cn_html_printf(o, "</h2><span class=\"q-line\"><span class=\"level %s\">%s</span> ", level,
                   level);
    majority_line(o, k, "no majority");
    cn_html_printf(o, "\n          · %zu answer%s", (size_t)q->n_answers,
                   q->n_answers != 1 ? "s" : "");
    if (n_review)
        cn_html_printf(o, " · %zu to review", n_review);
    cn_html_raw(o, "</span></summary>");
}

/* What a bare "yes" means for a question of this yes/no type (rules/README.md,
 * "question TYPE"); NULL for a type of the editor's own. */
static const char *yes_reads_as(const char *type)
{
    static const struct {
        const char *type, *yes;
    } reading[] = {{"permission", "reassuring"},
                   {"omission", "reassuring"},
                   {"harm", "cautionary"},
                   {"restriction", "contraindicated"}};
    for (size_t i = 0; i < sizeof reading / sizeof *reading; i++)
        if (!strcmp(type, reading[i].type))
            return reading[i].yes;
    return NULL;
}

static void meta_line(cn_html_out *o, const cn_analysis_result *r, const cn_analysis_question *q)
{
    cn_html_raw(o, "<p class=\"q-meta\">\n        Claim judged: <em class=\"q-claim\">");
    cn_html_text(o, r->claims[q->claim].statement);
    cn_html_raw(o, "</em>");
    if (q->claim_source && !strcmp(q->claim_source, "adhoc"))
        cn_html_raw(o, " (the question itself; no catalog claim fits)");
    else if (q->claim_source && !strcmp(q->claim_source, "answers"))
        cn_html_raw(o, " (chosen from what the answers discuss)");
    if (q->question_type) {
        /* the yes/no reading, not the kind of question ("did I ruin it?" reads
         * as harm): an editor checking a bare "Yes." needs to know which */
        cn_html_raw(o, " · a bare yes or no read as a ");
        cn_html_text(o, q->question_type);
        cn_html_raw(o, " question");
        const char *yes = yes_reads_as(q->question_type);
        if (yes) {
            cn_html_raw(o, " (yes: ");
            cn_html_raw(o, yes);
            cn_html_raw(o, ")");
        }
    }
    cn_html_printf(o, "\n        · %zu distinct answers\n        ", (size_t)q->n_answers);
    if (q->declared_answers >= 0 && q->declared_answers > (long)q->n_answers)
        cn_html_printf(o, " (%zu of the %ld answers on the page were read)", (size_t)q->n_answers,
                       q->declared_answers);
    if (q->n_duplicates == 1)
        cn_html_raw(o, " · 1 duplicate merged");
    if (q->n_duplicates > 1)
        cn_html_printf(o, " · %zu duplicates merged", (size_t)q->n_duplicates);
    cn_html_raw(o, "\n        · from ");
    size_t n_files;
    const char *const *files = cn_analysis_question_files(r, (size_t)(q - r->questions), &n_files);
    for (size_t i = 0; i < n_files; i++) {
        cn_html_raw(o, i ? ", <code>" : "<code>");
        cn_html_text(o, files[i]);
        cn_html_raw(o, "</code>");
    }
    cn_html_raw(o, "</p>");
}

static void figures(cn_html_out *o, const cn_consensus_result *k)
{
    cn_html_raw(o, "<dl class=\"figures\"><dt>Majority</dt><dd>");
    if (k->majority != CN_STANCE_NONE) {
        cn_html_raw(o, cn_html_label(cn_stance_name(k->majority)));
        cn_html_raw(o, ",\n                ");
        cn_html_pct(o, k->share);
    } else {
        cn_html_raw(o, k->tie ? "tie" : "none");
    }
    cn_html_raw(o, "</dd>");
    char buf[CN_FMT_NUMBER_MAX];
    if (cn_fmt_number(k->interval.lo, buf)) {
        cn_html_raw(o, "<dt title=\"The range the majority's true share lies in with 95% "
                       "confidence: exact (Clopper-Pearson) below 30 answers, Wilson from "
                       "30.\">95% CI (");
        cn_html_text(o, k->interval_method);
        cn_html_raw(o, ")</dt><dd>");
        cn_html_pct(o, k->interval.lo);
        cn_html_raw(o, "–");
        cn_html_pct(o, k->interval.hi);
        cn_html_raw(o, "</dd>");
    }
    cn_html_raw(o, "<dt title=\"The probability that more than half of all physicians would take "
                   "the majority's stance, given these answers (uniform prior).\">P(true share "
                   "&gt; 50%)</dt><dd>");
    cn_html_num(o, k->p_over_half, "0.00");
    cn_html_raw(o, "</dd><dt title=\"The probability that the true share reaches 75%, the "
                   "threshold of a strong consensus; a level needs 0.8.\">P(true share ≥ "
                   "75%)</dt><dd>");
    cn_html_num(o, k->p_reach[CN_CONSENSUS_STRONG], "0.00");
    cn_html_raw(o, "</dd>");
    if (cn_fmt_number(k->relabel_holds, buf)) {
        cn_html_raw(o, "<dt title=\"The classifier is often wrong on real pages. Redrawing every "
                       "answer's stance from the classifier's measured error rates, this is how "
                       "often the majority keeps this level.\">Holds under classifier "
                       "error</dt><dd>");
        cn_html_pct(o, k->relabel_holds);
        cn_html_raw(o, " of redraws</dd>");
    }
    cn_html_raw(o, "<dt>Ordinal consensus</dt><dd>");
    cn_html_num(o, k->ordinal, "0.00");
    cn_html_raw(o, "</dd><dt>Entropy</dt><dd>");
    cn_html_num(o, k->entropy, "0.00");
    cn_html_raw(o, "</dd></dl>");
}

static void verdict(cn_html_out *o, const cn_analysis_question *q)
{
    cn_consensus_result buf;
    const cn_consensus_result *k = cn_tally_consensus(&q->tally, &buf);
    const char *level = cn_consensus_level_name(k->level);
    cn_html_printf(o,
                   "<div class=\"verdict\"><div><p class=\"summary\"><span class=\"level %s\">%s "
                   "consensus</span> ",
                   level, level);
    cn_html_text(o, q->tally.summary);
    cn_html_raw(o, "</p>");
    cn_html_bar bar = {.fill = 1,
                       .height = 34,
                       .cls = "stance-bar",
                       .minpx = 300,
                       .labels = true,
                       .font = 15,
                       .prefix = "Stances: "};
    cn_html_stacked_bar(o, &bar, q->tally.counts);
    cn_html_bar_keys(o, q->tally.counts);
    cn_html_raw(o, "</div>");
    figures(o, k);
    cn_html_raw(o, "</div>\n");
}

void cn_html_question_write(cn_html_out *o, const cn_html_ctx *c, size_t qi, size_t rank)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    details_open(o, c, qi, rank);
    summary_line(o, c, qi);
    cn_html_raw(o, "<div class=\"q-inner\">");
    const char *body = cn_analysis_question_body(c->r, qi);
    if (body) {
        cn_html_raw(o, "<p class=\"q-body\">");
        cn_html_text(o, body);
        cn_html_raw(o, "</p>");
    }
    meta_line(o, c->r, q);
    verdict(o, q);
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_question_specialties(c->r, qi, &n_splits);
    if (!c->capped || rank <= CN_HTML_FULL_QUESTIONS)
        specialty_table(o, splits, n_splits);
    else
        specialty_line(o, splits, n_splits);
    cn_html_raw(o, "\n<h3>Answers by stance</h3>");
    static const char *const ORDER[] = {"reassuring", "cautionary", "contraindicated", "none"};
    for (size_t i = 0; i < 4; i++)
        answer_group(o, c, qi, ORDER[i], rank);
    if (q->n_duplicates)
        duplicates(o, c, q);
    if (q->n_related)
        related(o, c, q);
    cn_html_raw(o, "</div></details>\n");
}
