/* cn_report_xml: report.xml from a finished analysis (cn_xmlw: xmlTextWriter's bytes). */
#include "cn_report_xml.h"

#include "cn_config.h"
#include "cn_report_fmt.h"
#include "cn_report_json.h"
#include "cn_xmlw.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writer state: the first failed call sets fail; later calls do nothing.
 * replaced counts the characters replaced in the open element's attributes
 * and text; it becomes its replaced-characters attribute just before the
 * start tag closes (at its first child, its text or its end). */
typedef struct xctx {
    const cn_analysis_result *r;
    cn_xmlw *w;
    bool fail;
    int load_rc; /* a page that could not be loaded back: why */
    cn_error load_err;
    size_t replaced;
    cn_fmt_memo weights; /* evidence weights as printed */
} xctx;

static void check(xctx *c)
{
    if (cn_xmlw_failed(c->w))
        c->fail = true;
}

/* Write the open element's replaced-characters note, if any is due. */
static void note_replaced(xctx *c)
{
    if (c->fail || !c->replaced)
        return;
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", c->replaced);
    c->replaced = 0;
    cn_xmlw_attr(c->w, "replaced-characters", buf);
    check(c);
}

static void start(xctx *c, const char *name)
{
    note_replaced(c);
    if (!c->fail) {
        cn_xmlw_start(c->w, name);
        check(c);
    }
}

static void end(xctx *c)
{
    note_replaced(c);
    if (!c->fail) {
        cn_xmlw_end(c->w);
        check(c);
    }
}

/* A string attribute, made safe; left out when s is NULL. */
static void attr(xctx *c, const char *name, const char *s)
{
    if (c->fail || !s)
        return;
    size_t len = strlen(s);
    if (cn_xmlw_plain_ascii(s, len)) { /* most: ids, names, words */
        cn_xmlw_attr_plain(c->w, name, s, len);
        check(c);
        return;
    }
    if (cn_fmt_text_is_clean(s, len, true)) {
        cn_xmlw_attr_n(c->w, name, s, len);
        check(c);
        return;
    }
    size_t replaced = 0;
    char *clean = cn_fmt_clean_text(s, len, true, &replaced);
    if (!clean) {
        c->fail = true;
        return;
    }
    c->replaced += replaced;
    cn_xmlw_attr(c->w, name, clean);
    check(c);
    free(clean);
}

static void attr_int(xctx *c, const char *name, long v)
{
    char buf[CN_FMT_NUMBER_MAX];
    size_t len = cn_fmt_long(v, buf);
    if (!c->fail) {
        cn_xmlw_attr_plain(c->w, name, buf, len); /* digits: clean, nothing to escape */
        check(c);
    }
}

/* Left out when v is NaN (JSON says null there). */
static void attr_num(xctx *c, const char *name, double v)
{
    char buf[CN_FMT_NUMBER_MAX];
    if (cn_fmt_number(v, buf) && !c->fail) {
        cn_xmlw_attr_plain(c->w, name, buf, strlen(buf)); /* a number: clean, plain */
        check(c);
    }
}

static void attr_bool(xctx *c, const char *name, bool v)
{
    attr(c, name, v ? "true" : "false");
}

/* Character content from s[0..len). Characters that could not be carried are
 * added to the element's replaced-characters note, so it must come after the
 * element's attributes and before its children. */
static void content(xctx *c, const char *s, size_t len)
{
    if (c->fail)
        return;
    if (cn_fmt_text_is_clean(s, len, true)) {
        note_replaced(c);
        cn_xmlw_text(c->w, s, len);
        check(c);
        return;
    }
    size_t replaced = 0;
    char *clean = cn_fmt_clean_text(s, len, true, &replaced);
    if (!clean) {
        c->fail = true;
        return;
    }
    c->replaced += replaced;
    note_replaced(c);
    cn_xmlw_text(c->w, clean, strlen(clean));
    check(c);
    free(clean);
}

/* <name>text</name>; nothing when text is NULL. */
static void text_elem(xctx *c, const char *name, const char *text)
{
    if (!text || c->fail)
        return;
    start(c, name);
    content(c, text, strlen(text));
    end(c);
}

/* ---- pieces ---- */

static void stance_counts(xctx *c, const long counts[])
{
    start(c, "stance-counts");
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        attr_int(c, cn_stance_name((cn_stance)k), counts[k]);
    attr_int(c, "none", counts[CN_STANCE_NONE]);
    end(c);
}

static void proportion(xctx *c, const char *stance, const cn_proportion *p)
{
    start(c, "proportion");
    attr(c, "stance", stance);
    attr_int(c, "count", p->count);
    attr_int(c, "n", p->n);
    attr_num(c, "estimate", p->estimate);
    if (!isnan(p->estimate)) {
        attr_num(c, "wilson-lo", p->wilson.lo);
        attr_num(c, "wilson-hi", p->wilson.hi);
        attr_num(c, "exact-lo", p->exact.lo);
        attr_num(c, "exact-hi", p->exact.hi);
    }
    end(c);
}

static void proportions(xctx *c, const cn_proportion props[])
{
    start(c, "proportions");
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        proportion(c, cn_stance_name((cn_stance)k), &props[k]);
    proportion(c, "none", &props[CN_STANCE_NONE]);
    end(c);
}

static void consensus(xctx *c, const cn_consensus_result *k)
{
    start(c, "consensus");
    if (k->majority != CN_STANCE_NONE)
        attr(c, "majority", cn_stance_name(k->majority));
    attr_num(c, "share", k->share);
    attr(c, "level", cn_consensus_level_name(k->level));
    attr_bool(c, "tie", k->tie);
    attr_int(c, "answers", k->answers);
    attr_int(c, "stance-answers", k->stance_answers);
    attr(c, "share-level", cn_consensus_level_name(k->share_level));
    attr_num(c, "interval-lo", k->interval.lo);
    attr_num(c, "interval-hi", k->interval.hi);
    attr(c, "interval-method", k->interval_method);
    attr_num(c, "p-over-half", k->p_over_half);
    attr_num(c, "contested", k->contested);
    attr_num(c, "p-reach-weak", k->p_reach[CN_CONSENSUS_WEAK]);
    attr_num(c, "p-reach-moderate", k->p_reach[CN_CONSENSUS_MODERATE]);
    attr_num(c, "p-reach-strong", k->p_reach[CN_CONSENSUS_STRONG]);
    attr_num(c, "relabel-holds", k->relabel_holds);
    attr_num(c, "relabel-share-lo", k->relabel_share_lo);
    attr_num(c, "relabel-share-hi", k->relabel_share_hi);
    attr_int(c, "relabel-draws", (long)k->relabel_draws);
    attr(c, "relabel-method", k->relabel_method);
    attr_num(c, "ordinal", k->ordinal);
    attr_num(c, "entropy", k->entropy);
    for (int s = CN_STANCE_REASSURING; s < CN_STANCE_COUNT; s++) {
        start(c, "p-most-common");
        attr(c, "stance", cn_stance_name((cn_stance)s));
        attr_num(c, "p", k->posterior[s]);
        end(c);
    }
    end(c);
}

static void tally_fields(xctx *c, const cn_tally *t)
{
    text_elem(c, "summary", t->summary);
    stance_counts(c, t->counts);
    cn_consensus_result buf;
    const cn_consensus_result *k = cn_tally_consensus(t, &buf);
    proportions(c, k->props);
    consensus(c, k);
}

/* The splits of a question or a claim, made when asked for (cn_analysis). */
static void specialty_split(xctx *c, const cn_specialty_count *sp, size_t n)
{
    start(c, "specialties");
    for (size_t i = 0; i < n; i++) {
        start(c, "specialty");
        attr(c, "name", sp[i].specialty);
        long counts[CN_STANCE_COUNT];
        cn_specialty_counts(&sp[i], counts);
        attr_int(c, "answers", cn_specialty_answers(&sp[i]));
        stance_counts(c, counts);
        end(c);
    }
    end(c);
}

static void files(xctx *c, const char *const *f, size_t n)
{
    start(c, "files");
    for (size_t i = 0; i < n; i++)
        text_elem(c, "file", f[i]);
    end(c);
}

static void physician(xctx *c, const cn_physician *p)
{
    start(c, "physician");
    attr(c, "name", p->name);
    attr(c, "city", p->city);
    attr(c, "specialty", p->specialty);
    if (p->has_rating)
        attr_num(c, "rating", p->rating);
    if (p->has_reviews)
        attr_int(c, "reviews", p->reviews);
    end(c);
}

/* word appended to the space-separated list buf[0..*used) (size bytes,
 * NUL-terminated). The words are the fixed effect and review reason names,
 * all of them together far shorter than the buffer; one that would not fit
 * is left out rather than cut. */
static void append_word(char *buf, size_t size, size_t *used, const char *word)
{
    size_t u = *used, n = strlen(word);
    if (u + (u > 0) + n >= size)
        return;
    if (u)
        buf[u++] = ' ';
    memcpy(buf + u, word, n + 1);
    *used = u + n;
}

static void effects(xctx *c, unsigned flags)
{
    char buf[256] = "";
    size_t used = 0;
    for (unsigned b = 0; cn_fmt_effect_name(b); b++)
        if (flags & (1u << b))
            append_word(buf, sizeof buf, &used, cn_fmt_effect_name(b));
    if (used)
        attr(c, "effects", buf);
}

/* ---- an evidence element in one reservation ----
 * Hundreds of thousands of them, ten attributes each: the calls cost more
 * than the bytes. Written here as start, attr, content and end write them,
 * when nothing needs cleaning (otherwise those calls decide). */

/* ` name="` (lit: the bytes from the space to the quote). */
#define EV_ATTR(o, lit) ev_put(o, " " lit "=\"", sizeof(lit) + 2)

static char *ev_put(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

static char *ev_long(char *o, long v)
{
    o += cn_fmt_long(v, o);
    *o++ = '"';
    return o;
}

/* The element the calls in evidence() write for e, its text
 * src[s..t); false (nothing written) when something needs cleaning or
 * does not fit at once. */
static bool evidence_item(xctx *c, const cn_evidence *e, const char *src, size_t len,
                          cn_fmt_char_cursor *at, size_t s, size_t t)
{
    const char *rule = e->rule->id;
    if (!rule || c->fail || c->replaced)
        return false;
    size_t rule_len = strlen(rule), n = t - s;
    bool rule_plain = cn_xmlw_plain_ascii(rule, rule_len);
    if (!rule_plain && !cn_fmt_text_is_clean(rule, rule_len, true))
        return false;
    if (!cn_fmt_text_is_clean(src + s, n, true))
        return false;
    char *o =
        cn_xmlw_child_room(c->w, 640 + CN_XMLW_ESCAPED_MAX(rule_len) + CN_XMLW_ESCAPED_MAX(n));
    if (!o)
        return false;
    o = ev_put(o, "<evidence", 9);
    o = EV_ATTR(o, "rule");
    o = rule_plain ? ev_put(o, rule, rule_len) : cn_xmlw_escape_attr_into(o, rule, rule_len);
    *o++ = '"';
    size_t kind_len;
    const char *kind = cn_rule_kind_name_n(e->rule->kind, &kind_len);
    o = EV_ATTR(o, "kind");
    o = ev_put(o, kind, kind_len);
    *o++ = '"';
    o = e->in_title ? ev_put(o, " in=\"title\"", 11) : ev_put(o, " in=\"text\"", 10);
    o = EV_ATTR(o, "start");
    o = ev_long(o, (long)e->start);
    o = EV_ATTR(o, "end");
    o = ev_long(o, (long)e->end);
    o = EV_ATTR(o, "cstart");
    o = ev_long(o, (long)cn_fmt_char_offset_from(at, src, len, s));
    o = EV_ATTR(o, "cend");
    o = ev_long(o, (long)cn_fmt_char_offset_from(at, src, len, t));
    if (e->rule->kind == CN_RULE_CUE) {
        const char *stance = cn_stance_name(e->stance);
        o = EV_ATTR(o, "stance");
        o = ev_put(o, stance, strlen(stance));
        *o++ = '"';
        size_t k;
        const char *num = cn_fmt_number_memo(&c->weights, e->weight, &k);
        if (num) {
            o = EV_ATTR(o, "weight");
            o = ev_put(o, num, k);
            *o++ = '"';
        }
    }
    bool any = false;
    for (unsigned b = 0; cn_fmt_effect_name(b); b++)
        if (e->flags & (1u << b)) {
            const char *name = cn_fmt_effect_name(b);
            o = any ? ev_put(o, " ", 1) : EV_ATTR(o, "effects");
            o = ev_put(o, name, strlen(name));
            any = true;
        }
    if (any)
        *o++ = '"';
    if (n) {
        *o++ = '>';
        o = cn_xmlw_escape_text_into(o, src + s, n);
        o = ev_put(o, "</evidence>\n", 12);
    } else {
        o = ev_put(o, "/>\n", 3);
    }
    cn_xmlw_child_wrote(c->w, o);
    return true;
}

static void evidence(xctx *c, const cn_answer *ans, const cn_decision *d)
{
    /* each text's length once, and its character offsets counted on from
     * the last evidence's instead of from the start each time */
    const char *title = ans->title ? ans->title : "", *text = ans->text ? ans->text : "";
    size_t title_len = d->n_evidence ? strlen(title) : 0,
           text_len = d->n_evidence ? strlen(text) : 0;
    cn_fmt_char_cursor title_at = {0}, text_at = {0};
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        const char *src = e->in_title ? title : text;
        size_t len = e->in_title ? title_len : text_len;
        cn_fmt_char_cursor *at = e->in_title ? &title_at : &text_at;
        size_t s = e->start <= len ? e->start : len, t = e->end <= len ? e->end : len;
        if (t < s)
            t = s;
        if (evidence_item(c, e, src, len, at, s, t))
            continue;
        start(c, "evidence");
        attr(c, "rule", e->rule->id);
        attr(c, "kind", cn_rule_kind_name(e->rule->kind));
        attr(c, "in", e->in_title ? "title" : "text");
        attr_int(c, "start", (long)e->start);
        attr_int(c, "end", (long)e->end);
        attr_int(c, "cstart", (long)cn_fmt_char_offset_from(at, src, len, s));
        attr_int(c, "cend", (long)cn_fmt_char_offset_from(at, src, len, t));
        if (e->rule->kind == CN_RULE_CUE) {
            attr(c, "stance", cn_stance_name(e->stance));
            attr_num(c, "weight", e->weight);
        }
        effects(c, e->flags);
        content(c, src + s, t - s);
        end(c);
    }
}

static void review_attr(xctx *c, unsigned reasons)
{
    char buf[256] = "";
    size_t used = 0;
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (reasons & cn_review_reason_at(i))
            append_word(buf, sizeof buf, &used, cn_review_reason_name(cn_review_reason_at(i)));
    if (used)
        attr(c, "review", buf);
}

/* An editor's decision: who, the classifier's own stance and confidence, and
 * the note as text. */
/* What every <override> carries after its own attributes: the editor, the
 * entry number in the overrides file, and the note as text; then closes it. */
static void override_tail(xctx *c, const cn_override *o)
{
    attr(c, "editor", o->editor);
    attr_int(c, "entry", (long)o->entry);
    if (o->note)
        content(c, o->note, strlen(o->note));
    end(c);
}

static void override_elem(xctx *c, const cn_override *o, const cn_decision *classifier)
{
    start(c, "override");
    attr(c, "classifier-stance", cn_stance_name(classifier->stance));
    attr_num(c, "classifier-confidence", classifier->confidence);
    override_tail(c, o);
}

static void answer(xctx *c, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_answer *ans = cn_analysis_answer_of(c->r, idx);
    const cn_decision *d = cn_analysis_decision(c->r, idx, 0);
    if (!ans || !d) { /* its question's pages are loaded: never */
        c->fail = true;
        return;
    }
    start(c, "answer");
    attr(c, "answer-id", ans->answer_id);
    attr(c, "file", cn_analysis_file_of(c->r, a));
    attr_int(c, "index", (long)ans->index);
    attr(c, "role", cn_answer_role_name(a->role));
    attr(c, "stance", cn_stance_name(cn_analysis_answer_stance(a)));
    attr_num(c, "confidence", cn_analysis_verdict_confidence(c->r, a, 0));
    attr_bool(c, "conflicting", d->conflicting);
    attr_bool(c, "dissent", a->dissent);
    attr_bool(c, "excerpt", ans->excerpt);
    attr_bool(c, "truncated", ans->truncated);
    attr_bool(c, "editor-override", a->overridden);
    review_attr(c, a->review);
    attr(c, "reason", d->reason);
    physician(c, &ans->physician);
    if (a->overridden)
        override_elem(c, cn_analysis_override(c->r, idx), d);
    text_elem(c, "title", ans->title);
    text_elem(c, "text", ans->text ? ans->text : "");
    start(c, "scores");
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        attr_num(c, cn_stance_name((cn_stance)k), d->scores[k]);
    end(c);
    evidence(c, ans, d);
    for (size_t v = 1; v < a->n_verdicts; v++) {
        const cn_decision *dv = cn_analysis_decision(c->r, idx, v);
        if (!dv) {
            c->fail = true;
            return;
        }
        start(c, "claim-stance");
        attr(c, "claim", c->r->claims[cn_analysis_verdict(c->r, a, v).claim].id);
        attr(c, "stance", cn_stance_name(dv->stance));
        attr_num(c, "confidence", dv->confidence);
        attr_bool(c, "conflicting", dv->conflicting);
        evidence(c, ans, dv);
        end(c);
    }
    end(c);
}

static void duplicate(xctx *c, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_analysis_answer *orig = &c->r->answers[cn_analysis_original(c->r, a)];
    start(c, "duplicate");
    attr(c, "answer-id", CN_ANSWER_ID(c->r, a));
    attr(c, "file", cn_analysis_file_of(c->r, a));
    attr_int(c, "index", (long)cn_analysis_answer_index(c->r, a));
    attr(c, "duplicate-of", CN_ANSWER_ID(c->r, orig));
    attr(c, "original-file", cn_analysis_file_of(c->r, orig));
    attr_int(c, "original-index", (long)cn_analysis_answer_index(c->r, orig));
    attr(c, "metadata-differs", cn_analysis_metadata_note(c->r, idx));
    end(c);
}

static void question(xctx *c, size_t qi)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    const cn_analysis_claim *cl = &c->r->claims[q->claim];
    if (c->fail)
        return;
    c->load_rc = cn_analysis_load_question(c->r, qi, &c->load_err);
    if (c->load_rc != CN_OK) {
        c->fail = true;
        return;
    }
    start(c, "question");
    attr(c, "id", q->id);
    attr(c, "question-type", q->question_type);
    attr_int(c, "answers", (long)q->n_answers);
    attr_int(c, "duplicates", (long)q->n_duplicates);
    attr_int(c, "related-excerpts", (long)q->n_related);
    if (q->declared_answers >= 0)
        attr_int(c, "declared-answers", q->declared_answers);
    text_elem(c, "title", q->question);
    text_elem(c, "body", cn_analysis_question_body(c->r, qi));
    start(c, "claim");
    attr(c, "id", cl->id);
    attr(c, "source", q->claim_source);
    content(c, cl->statement, strlen(cl->statement));
    end(c);
    size_t n_files;
    const char *const *names = cn_analysis_question_files(c->r, qi, &n_files);
    files(c, names, n_files);
    tally_fields(c, &q->tally);
    start(c, "dissent");
    for (size_t i = 0; i < q->n_answers && q->tally.n_dissent; i++) {
        const cn_analysis_answer *a =
            &c->r->answers[cn_analysis_question_answer(c->r, qi, CN_ROLE_COUNTED, i)];
        if (!a->dissent)
            continue;
        start(c, "answer-ref");
        attr(c, "id", CN_ANSWER_ID(c->r, a));
        end(c);
    }
    end(c);
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_question_specialties(c->r, qi, &n_splits);
    specialty_split(c, splits, n_splits);
    start(c, "answers");
    attr_int(c, "count", (long)q->n_answers);
    for (size_t i = 0; i < q->n_answers; i++)
        answer(c, cn_analysis_question_answer(c->r, qi, CN_ROLE_COUNTED, i));
    end(c);
    start(c, "duplicates");
    attr_int(c, "count", (long)q->n_duplicates);
    for (size_t i = 0; i < q->n_duplicates; i++)
        duplicate(c, cn_analysis_question_answer(c->r, qi, CN_ROLE_DUPLICATE, i));
    end(c);
    start(c, "related");
    attr_int(c, "count", (long)q->n_related);
    for (size_t i = 0; i < q->n_related; i++)
        answer(c, cn_analysis_question_answer(c->r, qi, CN_ROLE_RELATED, i));
    end(c);
    end(c);
}

static void claim(xctx *c, size_t ci)
{
    const cn_analysis_claim *cl = &c->r->claims[ci];
    start(c, "claim");
    attr(c, "id", cl->id);
    attr_bool(c, "catalog", cl->rule != NULL);
    attr_int(c, "answers", (long)cl->n_primary);
    attr_int(c, "mentions", (long)(cl->n_members - cl->n_primary));
    text_elem(c, "statement", cl->statement);
    start(c, "questions");
    for (size_t i = 0; i < cl->n_questions; i++) {
        start(c, "question-ref");
        attr(c, "id", c->r->questions[cl->questions[i]].id);
        end(c);
    }
    end(c);
    size_t n_files;
    const char *const *names = cn_analysis_claim_files(c->r, cl, &n_files);
    files(c, names, n_files);
    tally_fields(c, cl->tally);
    start(c, "dissent");
    for (size_t i = 0; i < cl->n_primary && cl->tally->n_dissent; i++) {
        const cn_analysis_answer *a = &c->r->answers[cn_analysis_claim_member(c->r, cl, i).answer];
        if (!cn_tally_dissents(cl->tally, cn_analysis_verdict_stance(c->r, a, 0)))
            continue;
        start(c, "answer-ref");
        attr(c, "id", CN_ANSWER_ID(c->r, a));
        end(c);
    }
    end(c);
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_claim_specialties(c->r, cl, &n_splits);
    specialty_split(c, splits, n_splits);
    start(c, "votes");
    for (size_t i = 0; i < cl->n_members; i++) {
        cn_member m = cn_analysis_claim_member(c->r, cl, i);
        const cn_analysis_answer *a = &c->r->answers[m.answer];
        size_t v = m.verdict;
        start(c, "vote");
        attr(c, "answer-id", CN_ANSWER_ID(c->r, a));
        attr(c, "question-id", c->r->questions[cn_analysis_answer_question(c->r, a)].id);
        attr(c, "stance", cn_stance_name(cn_analysis_verdict_stance(c->r, a, v)));
        attr_num(c, "confidence", cn_analysis_verdict_confidence(c->r, a, v));
        attr_bool(c, "primary", m.verdict == 0);
        end(c);
    }
    end(c);
    end(c);
}

static void alpha(xctx *c, const char *metric, const cn_agreement_result *a, double level)
{
    start(c, "alpha");
    attr(c, "metric", metric);
    attr_num(c, "value", a->alpha);
    attr_num(c, "observed-disagreement", a->observed);
    attr_num(c, "expected-disagreement", a->expected);
    attr_num(c, "ci-lo", a->ci_lo);
    attr_num(c, "ci-hi", a->ci_hi);
    attr(c, "ci-note", a->ci_note);
    attr_num(c, "ci-level", level);
    attr_int(c, "bootstrap", (long)a->bootstrap);
    attr_int(c, "bootstrap-defined", (long)a->bootstrap_defined);
    attr_num(c, "p-below-0-667", a->q_below_667);
    attr_num(c, "p-below-0-800", a->q_below_800);
    attr_int(c, "pairable-questions", (long)a->pairable_units);
    attr_int(c, "pairable-values", (long)a->pairable_values);
    attr_int(c, "categories", (long)a->categories);
    text_elem(c, "note", a->alpha_note);
    end(c);
}

static void agreement(xctx *c)
{
    const cn_analysis_agreement *ag = &c->r->agreement;
    double level = c->r->opts.consensus.level;
    start(c, "agreement");
    attr(c, "units", "questions");
    attr(c, "coders", "physicians");
    attr_int(c, "questions", (long)ag->questions);
    attr_int(c, "physicians", (long)ag->physicians);
    attr_int(c, "max-values-per-question", (long)ag->max_values);
    attr_num(c, "fleiss-kappa", ag->nominal.fleiss_kappa);
    if (ag->nominal.ratings_per_unit)
        attr_int(c, "fleiss-ratings-per-question", (long)ag->nominal.ratings_per_unit);
    const cn_pairwise_result *pw = &ag->pairwise;
    start(c, "pairwise");
    attr_int(c, "questions", (long)pw->questions);
    attr_num(c, "pairs", pw->pairs);
    attr_num(c, "agreement", pw->agreement);
    attr_num(c, "chance", pw->chance);
    attr_num(c, "corrected", pw->corrected);
    attr_num(c, "ci-lo", pw->ci_lo);
    attr_num(c, "ci-hi", pw->ci_hi);
    attr(c, "ci-note", pw->ci_note);
    attr_num(c, "share-q1", pw->share_q1);
    attr_num(c, "share-median", pw->share_median);
    attr_num(c, "share-q3", pw->share_q3);
    end(c);
    alpha(c, "nominal", &ag->nominal, level);
    alpha(c, "ordinal", &ag->ordinal, level);
    text_elem(c, "note", cn_fmt_agreement_note());
    end(c);
}

static void specialties(xctx *c)
{
    const cn_specialty_comparison *sc = &c->r->specialties;
    const cn_crosstab_result *t = &sc->test;
    start(c, "specialties");
    for (size_t g = 0; g < sc->n_groups; g++) {
        const cn_specialty_group *grp = &sc->groups[g];
        start(c, "group");
        attr(c, "specialty", grp->specialty);
        attr_bool(c, "tested", g < sc->n_tested);
        attr_int(c, "answers", grp->answers);
        attr_int(c, "stance-answers", grp->stance_answers);
        stance_counts(c, grp->counts);
        proportions(c, grp->props);
        end(c);
    }
    start(c, "test");
    attr_int(c, "rows", (long)t->rows_used);
    attr_int(c, "cols", (long)t->cols_used);
    attr_int(c, "n", t->n);
    attr_num(c, "chi-square", t->chi_square);
    attr_int(c, "df", t->df);
    attr_num(c, "p-value", t->p_value);
    attr_num(c, "p-monte-carlo", t->p_monte_carlo);
    attr_int(c, "simulated", (long)t->simulated);
    attr_num(c, "cramers-v", t->cramers_v);
    attr_num(c, "cramers-v-corrected", t->cramers_v_corrected);
    attr_num(c, "p-within-questions", sc->p_stratified);
    attr_int(c, "permutations", (long)sc->permutations);
    attr(c, "within-questions-method", cn_within_method_name(sc->method));
    attr_num(c, "cmh-statistic", sc->cmh_statistic);
    attr_num(c, "cmh-df", sc->method == CN_WITHIN_CMH ? (double)sc->cmh_df : NAN);
    attr_int(c, "questions-varying", (long)sc->cmh_questions);
    attr_num(c, "min-expected", t->min_expected);
    attr_int(c, "cells", (long)t->cells);
    attr_int(c, "cells-expected-below-5", (long)t->cells_expected_below_5);
    attr_bool(c, "small-expected", t->small_expected);
    attr_bool(c, "cochran-ok", t->cochran_ok);
    end(c);
    text_elem(c, "conclusion", sc->conclusion);
    text_elem(c, "note", cn_fmt_specialty_note());
    end(c);
}

static void review_queue(xctx *c)
{
    const cn_analysis_result *r = c->r;
    start(c, "review-queue");
    attr_int(c, "count", (long)r->n_review);
    for (size_t i = 0; i < r->n_review; i++) {
        const cn_review_item item = cn_analysis_review_item(r, i), *it = &item;
        const cn_analysis_answer *a = &r->answers[it->answer];
        start(c, "item");
        attr_int(c, "rank", (long)(i + 1));
        attr(c, "answer-id", CN_ANSWER_ID(c->r, a));
        attr(c, "question-id", r->questions[cn_analysis_answer_question(r, a)].id);
        attr(c, "file", cn_analysis_file_of(c->r, a));
        attr_int(c, "index", (long)cn_analysis_answer_index(c->r, a));
        attr(c, "role", cn_answer_role_name(a->role));
        attr(c, "physician", cn_analysis_physician(r, it->answer)->name);
        attr(c, "specialty", cn_analysis_physician(r, it->answer)->specialty);
        attr(c, "stance", cn_stance_name(cn_analysis_answer_stance(a)));
        attr_num(c, "confidence", it->confidence);
        attr_int(c, "urgency", it->urgency);
        for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++) {
            unsigned flag = cn_review_reason_at(k);
            if (!(it->reasons & flag))
                continue;
            char detail[1400];
            cn_fmt_review_detail(r, it->answer, flag, detail, sizeof detail);
            start(c, "reason");
            attr(c, "code", cn_review_reason_name(flag));
            content(c, detail, strlen(detail));
            end(c);
        }
        end(c);
    }
    end(c);
    /* the wording reads conflict scores from disk */
    if (c->load_rc == CN_OK && (c->load_rc = cn_analysis_load_status(r, &c->load_err)))
        c->fail = true;
}

static void header(xctx *c)
{
    const cn_analysis_result *r = c->r;
    const cn_consensus_opts *o = &r->opts.consensus;
    start(c, "generator");
    attr(c, "name", "consensus");
    attr(c, "version", cn_version());
    attr(c, "rules-sha256", r->rules_sha256);
    attr_int(c, "seed", (long)r->opts.seed);
    end(c);
    start(c, "settings");
    attr_num(c, "confidence-level", o->level);
    attr_num(c, "strong", o->strong);
    attr_num(c, "moderate", o->moderate);
    attr_num(c, "weak", o->weak);
    attr_int(c, "min-answers", o->min_answers);
    attr_int(c, "bootstrap", (long)r->opts.bootstrap);
    attr_int(c, "simulate", (long)r->opts.simulate);
    attr_num(c, "low-confidence", r->opts.low_confidence);
    attr(c, "review-order", cn_review_order_name(r->opts.review_order));
    end(c);
    start(c, "corpus");
    attr_int(c, "files-read", (long)r->files_read);
    attr_int(c, "pages", (long)r->pages);
    attr_int(c, "answers", (long)r->total_answers);
    attr_int(c, "distinct-answers", (long)r->distinct_answers);
    attr_int(c, "duplicates", (long)r->duplicates);
    attr_int(c, "related-excerpts", (long)r->related);
    attr_int(c, "questions", (long)r->n_questions);
    attr_int(c, "claims", (long)r->n_claims);
    attr_int(c, "physicians", (long)r->agreement.physicians);
    attr_int(c, "overrides", (long)cn_overrides_count(r->opts.overrides));
    attr_int(c, "overridden-answers", (long)r->n_overridden);
    for (size_t i = 0; i < r->n_skipped; i++) {
        start(c, "skipped");
        attr(c, "file", r->skipped[i].file);
        content(c, r->skipped[i].reason, strlen(r->skipped[i].reason));
        end(c);
    }
    end(c);
    start(c, "unmatched-overrides");
    attr_int(c, "count", (long)r->n_unmatched);
    for (size_t i = 0; i < r->n_unmatched; i++) {
        const cn_override *o = r->unmatched[i];
        start(c, "override");
        attr(c, "answer-id", o->answer_id);
        attr(c, "stance", cn_stance_name(o->stance));
        override_tail(c, o);
    }
    end(c);
}

static void document(xctx *c)
{
    const cn_analysis_result *r = c->r;
    start(c, "report");
    attr_int(c, "schema-version", CN_REPORT_SCHEMA_VERSION);
    header(c);
    start(c, "questions");
    for (size_t i = 0; i < r->n_questions; i++)
        question(c, i);
    if (c->load_rc == CN_OK && (c->load_rc = cn_analysis_load_status(r, &c->load_err)))
        c->fail = true;
    cn_analysis_release(r);
    end(c);
    start(c, "claims");
    for (size_t i = 0; i < r->n_claims; i++)
        claim(c, i);
    end(c);
    agreement(c);
    specialties(c);
    review_queue(c);
    end(c);
}

int cn_report_xml_write(const cn_analysis_result *r, FILE *f, cn_error *err)
{
    cn_xmlw *w = cn_xmlw_new(f);
    if (!w)
        return cn_error_set(err, CN_ERR_NOMEM, "report.xml: out of memory");
    xctx c = {.r = r, .w = w};
    document(&c);
    bool written = cn_xmlw_finish(w) && !c.fail;
    if (c.load_rc != CN_OK) {
        *err = c.load_err;
        return c.load_rc;
    }
    if (!written)
        return cn_error_set(err, CN_ERR_IO, "report.xml: cannot write the document");
    if (ferror(f))
        return cn_error_set(err, CN_ERR_IO, "report.xml: cannot write");
    return CN_OK;
}

int cn_report_xml_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err)
{
    char *buf = NULL;
    size_t size = 0;
    *out = NULL;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return cn_error_set(err, CN_ERR_NOMEM, "report.xml: out of memory");
    int rc = cn_report_xml_write(r, f, err);
    if (fclose(f) != 0 && rc == CN_OK)
        rc = cn_error_set(err, CN_ERR_NOMEM, "report.xml: out of memory");
    if (rc != CN_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    if (len)
        *len = size;
    return CN_OK;
}
