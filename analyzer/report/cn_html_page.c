/* cn_html_page: report.html written directly, section by section. */
#include "cn_html_page.h"

#include "cn_sort.h"
#include "cn_config.h"
#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_idindex.h"
#include "cn_html_out.h"
#include "cn_html_parts.h"
#include "cn_html_prep.h"
#include "cn_html_question.h"
#include "cn_report_fmt.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- orders: the stylesheet's xsl:sort, with libxslt's rules (numbers: NaN
 * below every number; text: byte order; ties: document order) ---- */

typedef struct qkey {
    size_t qi;
    double has_contested, contested, entropy, answers;
    const char *id;
} qkey;

static int cmp_num(double a, double b)
{
    if (isnan(a))
        return isnan(b) ? 0 : -1;
    if (isnan(b))
        return 1;
    return a < b ? -1 : a > b;
}

static int cmp_index(size_t a, size_t b)
{
    return a < b ? -1 : a > b;
}

/* Questions, most contested first (the overview and the sections). */
static int cmp_contested(const void *pa, const void *pb)
{
    const qkey *a = pa, *b = pb;
    int c = -cmp_num(a->has_contested, b->has_contested);
    if (!c)
        c = -cmp_num(a->contested, b->contested);
    if (!c)
        c = -cmp_num(a->entropy, b->entropy);
    if (!c)
        c = -cmp_num(a->answers, b->answers);
    if (!c)
        c = strcmp(a->id, b->id);
    return c ? c : cmp_index(a->qi, b->qi);
}

/* Template "question-list": contested first, then by id. */
static int cmp_listed(const void *pa, const void *pb)
{
    const qkey *a = pa, *b = pb;
    int c = -cmp_num(a->has_contested, b->has_contested);
    if (!c)
        c = -cmp_num(a->contested, b->contested);
    if (!c)
        c = strcmp(a->id, b->id);
    return c ? c : cmp_index(a->qi, b->qi);
}

/* The orders above and the groups' below are total (the index or the first
 * member decides a tie), so a heap sort gives the stable sort's order
 * without its buffer the size of the input (two copies of the keys at once:
 * 14 MB for the 141,000 questions of 1 GB). */
static int heap_contested(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return cmp_contested(a, b);
}

static int heap_listed(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return cmp_listed(a, b);
}

/* number() of an attribute holding cn_fmt_number(v); NaN when absent. */
static double attr_number(double v, bool *present)
{
    char buf[CN_FMT_NUMBER_MAX];
    *present = cn_fmt_number(v, buf);
    return *present ? cn_html_xpath_number(buf) : NAN;
}

static qkey question_key(const cn_analysis_result *r, size_t qi)
{
    const cn_analysis_question *q = &r->questions[qi];
    bool present, unused;
    qkey k = {.qi = qi, .id = q->id, .answers = (double)q->n_answers};
    cn_consensus_result buf;
    const cn_consensus_result *c = cn_tally_consensus(&q->tally, &buf);
    k.contested = attr_number(c->contested, &present);
    k.has_contested = present ? 1 : 0;
    k.entropy = attr_number(c->entropy, &unused);
    return k;
}

/* ---- what the page needs besides the analysis ---- */

typedef struct page {
    cn_html_out *o;
    const cn_analysis_result *r;
    cn_html_ctx ctx;
    cn_html_groups *by_question; /* the review items' reasons, a question at a time in
                                    the page's order (most contested first) */
    uint8_t *queued;             /* a bit an answer: its id is a queued answer's */
    int load_rc;                 /* a page that could not be loaded back: why */
    cn_error load_err;
} page;

/* At most this many queued answer ids in memory at once while the answers
 * sharing one are marked (1 MiB; the 794,684 items of 1 GB were 6.4 MB sorted). */
#define QUEUED_ROOM (1u << 17)

static uint32_t item_question(void *ctx, size_t j)
{
    const cn_analysis_result *r = ctx;
    return (uint32_t)cn_analysis_answer_question(r, &r->answers[r->review[j]]);
}

static uint8_t item_reasons(void *ctx, size_t j)
{
    const cn_analysis_result *r = ctx;
    return (uint8_t)r->answers[r->review[j]].review;
}

static bool answer_key(void *ctx, size_t i, uint64_t *key)
{
    const cn_analysis_result *r = ctx;
    return cn_analysis_answer_id_number(r, &r->answers[i], key);
}

/* The answers whose id is a queued answer's (shown in full): the queued ones
 * marked, then the others sharing an id with one, numbers (16 hex digits)
 * by cn_html_mark_keys, the few ids kept as text by a map of them. */
static int mark_queued(page *p, cn_error *err)
{
    const cn_analysis_result *r = p->r;
    p->queued = calloc(r->n_answers / 8 + 1, 1);
    cn_strmap *texts = cn_strmap_new();
    if (!p->queued || !texts) {
        cn_strmap_free(texts);
        return cn_error_set(err, CN_ERR_NOMEM, "report.html: out of memory");
    }
    for (size_t i = 0; i < r->n_review; i++)
        p->queued[r->review[i] / 8] |= (uint8_t)(1u << (r->review[i] % 8));
    bool texts_ok = true, any_text = false;
    for (size_t i = 0; i < r->n_review && texts_ok; i++) {
        const cn_analysis_answer *a = &r->answers[r->review[i]];
        if (a->id_text) {
            any_text = true;
            texts_ok = cn_strmap_put(texts, CN_ANSWER_ID(r, a), 1) == 0;
        }
    }
    for (size_t i = 0; i < r->n_answers && texts_ok && any_text; i++)
        if (r->answers[i].id_text && cn_strmap_get(texts, CN_ANSWER_ID(r, &r->answers[i])) >= 0)
            p->queued[i / 8] |= (uint8_t)(1u << (i % 8));
    cn_strmap_free(texts);
    if (!texts_ok)
        return cn_error_set(err, CN_ERR_NOMEM, "report.html: out of memory");
    return cn_html_mark_keys(p->queued, r->n_answers, answer_key, (void *)r, QUEUED_ROOM, err);
}

/* The questions' order, then the review items' reasons grouped by question in
 * that order (on disk) and the answers shown in full for their id: the keys
 * (48 bytes a question) are gone before the groups are made, and what the
 * page keeps is a bit an answer and one question's reasons at a time (at 1
 * GB the order, the items' places by question and the queued ids were ~10 MB
 * kept through the questions' sections). */
static int prepare(page *p, cn_error *err)
{
    const cn_analysis_result *r = p->r;
    size_t nq = r->n_questions;
    if (nq >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "report.html: too many questions");
    uint32_t *order = malloc((nq + 1) * sizeof *order);
    qkey *keys = malloc((nq + 1) * sizeof *keys);
    if (!order || !keys) {
        free(order);
        free(keys);
        return cn_error_set(err, CN_ERR_NOMEM, "report.html: out of memory");
    }
    for (size_t i = 0; i < nq; i++)
        keys[i] = question_key(r, i);
    cn_sort_heap(keys, nq, sizeof *keys, heap_contested, NULL);
    for (size_t i = 0; i < nq; i++)
        order[i] = (uint32_t)keys[i].qi;
    free(keys);
    int rc = cn_html_groups_new(r->opts.spill_dir, order, nq, r->n_review, item_question,
                                item_reasons, (void *)r, &p->by_question, err);
    free(order);
    if (rc == CN_OK)
        rc = mark_queued(p, err);
    if (rc == CN_OK)
        rc = cn_analysis_load_status(r, err); /* the ids came from disk */
    if (rc != CN_OK)
        return rc;
    size_t answers = 0;
    for (size_t i = 0; i < nq; i++)
        answers += r->questions[i].n_answers;
    p->ctx = (cn_html_ctx){.r = r, .capped = answers > CN_HTML_PAGE_ANSWERS, .queued = p->queued};
    return CN_OK;
}

/* What prepare made (again: nothing). */
static void release(page *p)
{
    cn_html_groups_free(p->by_question);
    free(p->queued);
    p->by_question = NULL;
    p->queued = NULL;
}

/* The next question in the page's order and its review items' reasons (into
 * p->ctx); false when it cannot be read (o->fail and p->load_rc set). */
static bool next_question(page *p, size_t *qi)
{
    uint32_t q = 0;
    int rc = p->load_rc;
    if (rc == CN_OK)
        rc = cn_html_groups_next(p->by_question, &q, &p->ctx.reasons, &p->ctx.n_reasons,
                                 &p->load_err);
    if (rc != CN_OK) {
        p->load_rc = rc;
        p->o->fail = true;
        return false;
    }
    *qi = q;
    return true;
}

/* ---- head, header, legend ---- */

static void head(page *p, const cn_html_assets *assets)
{
    cn_html_out *o = p->o;
    cn_html_raw(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta http-equiv=\"Content-Type\" "
                   "content=\"text/html; charset=UTF-8\"><meta "
                   "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:; script-src "
                   "'sha256-h780H1mCqGlySyrTrJuAGCfFl2aj2dVyXruKEcHvx14='; form-action 'none'; "
                   "base-uri 'none'\"><meta name=\"viewport\" content=\"width=device-width, "
                   "initial-scale=1\"><meta name=\"generator\"");
    cn_html_attr2(o, "content", "consensus ", cn_version());
    cn_html_raw(o, "><link rel=\"icon\" href=\"data:,\"><title>Physician consensus "
                   "report</title><style>");
    cn_html_raw(o, assets->css);
    cn_html_raw(o, "</style></head><body>\n");
    cn_html_raw(o, "<svg width=\"0\" height=\"0\" style=\"position:absolute\" "
                   "aria-hidden=\"true\" focusable=\"false\"><defs><pattern id=\"fill-cautionary\" "
                   "width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" "
                   "fill=\"#e69f00\"></rect><rect width=\"3\" height=\"8\" "
                   "fill=\"#f6cf7c\"></rect></pattern><pattern id=\"fill-contraindicated\" "
                   "width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\"><rect width=\"7\" "
                   "height=\"7\" fill=\"#5b2c83\"></rect><circle cx=\"3.5\" cy=\"3.5\" r=\"1.3\" "
                   "fill=\"#9c7bbd\"></circle></pattern></defs></svg>\n");
}

static void header(page *p)
{
    const cn_analysis_result *r = p->r;
    cn_html_out *o = p->o;
    cn_html_printf(
        o,
        "<header class=\"page-head\"><div class=\"wrap\"><h1>Physician consensus "
        "report</h1><p class=\"corpus-line\">%zu questions ·\n              %zu distinct "
        "answers from\n              %zu physicians ·\n              %zu files ·\n          "
        "    %zu duplicates merged ·\n              %zu related-question excerpts set "
        "aside\n              ",
        r->n_questions, r->distinct_answers, r->agreement.physicians, r->files_read, r->duplicates,
        r->related);
    size_t overrides = cn_overrides_count(r->opts.overrides);
    if (overrides > 0)
        cn_html_printf(o,
                       " ·\n                %zu stances set by editors\n                (%zu "
                       "overrides given)",
                       r->n_overridden, overrides);
    cn_html_raw(o, "</p><nav class=\"toc\"><a href=\"#overview\">Overview</a><a "
                   "href=\"#review-queue\">Review queue</a><a href=\"#questions\">Questions</a><a "
                   "href=\"#claims\">By claim</a><a href=\"#physicians\">By physician</a><a "
                   "href=\"#corpus\">Agreement &amp; specialties</a></nav></div></header>\n");
}

static void legend(page *p)
{
    static const struct {
        const char *fill, *text;
    } KEYS[] = {
        {"#0072b2", "reassuring: go ahead, no real concern"},
        {"url(#fill-cautionary)", "cautionary (striped): proceed with care, a real risk remains"},
        {"url(#fill-contraindicated)", "contraindicated (dotted): advises against it"},
        {"#c9c9c9", "no stance on the claim"},
    };
    cn_html_raw(p->o, "<section class=\"legend\" aria-label=\"Legend\"><strong>Stances:</strong>");
    for (size_t i = 0; i < 4; i++)
        cn_html_printf(p->o,
                       "<span class=\"key\"><svg viewBox=\"0 0 28 16\" role=\"img\" "
                       "aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"27\" height=\"15\" "
                       "rx=\"2\" fill=\"%s\" stroke=\"#1d1d1f\" "
                       "stroke-opacity=\"0.3\"></rect></svg><span>%s</span></span>",
                       KEYS[i].fill, KEYS[i].text);
    cn_html_raw(p->o, "<span class=\"hl\"><strong>Evidence in the text:</strong><mark class=\"ev "
                      "ev-reassuring\">reassuring cue</mark><mark class=\"ev "
                      "ev-cautionary\">cautionary cue</mark><mark class=\"ev "
                      "ev-contraindicated\">contraindicating cue</mark><mark class=\"ev "
                      "ev-mod\">modifier (negation, hedge, contrast…)</mark></span></section>\n");
}

/* ---- filter bar ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The distinct specialty names of the questions (cleaned), sorted; *n_out
 * of them, each malloc'd. NULL on OOM. */
static char **specialty_names(const cn_analysis_result *r, size_t *n_out)
{
    cn_strmap *seen = cn_strmap_new();
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof *names);
    bool ok = seen && names;
    for (size_t qi = 0; ok && qi < r->n_questions; qi++) {
        size_t n_splits;
        const cn_specialty_count *splits = cn_analysis_question_specialties(r, qi, &n_splits);
        for (size_t i = 0; ok && i < n_splits; i++) {
            if (!splits[i].specialty)
                continue;
            char *owned;
            const char *clean = cn_html_clean(splits[i].specialty, &owned);
            char *copy = clean ? strdup(clean) : NULL;
            free(owned);
            if (!copy) {
                ok = false;
                break;
            }
            if (cn_strmap_get(seen, copy) >= 0) {
                free(copy);
                continue;
            }
            char **grown = n == cap ? realloc(names, (cap *= 2) * sizeof *names) : names;
            if (!grown || cn_strmap_put(seen, copy, 1) != 0) {
                free(copy);
                ok = false;
                break;
            }
            names = grown;
            names[n++] = copy;
        }
    }
    cn_strmap_free(seen);
    if (!ok) {
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return NULL;
    }
    cn_sort_stable(names, n, sizeof *names, cmp_str);
    *n_out = n;
    return names;
}

static void filter_bar(page *p)
{
    cn_html_out *o = p->o;
    cn_html_raw(o, "<form id=\"filters\" class=\"filters\" hidden=\"hidden\" role=\"search\" "
                   "aria-label=\"Filter the questions\"><label>Find <input type=\"search\" "
                   "name=\"text\" placeholder=\"words of a question or its claim\" "
                   "autocomplete=\"off\"></label><label>Specialty\n        <select "
                   "name=\"specialty\"><option value=\"\">any</option>");
    size_t n = 0;
    char **names = specialty_names(p->r, &n);
    if (!names)
        o->fail = true;
    for (size_t i = 0; names && i < n; i++) {
        cn_html_raw(o, "<option");
        cn_html_attr(o, "value", names[i]);
        cn_html_raw(o, ">");
        cn_html_text(o, names[i]);
        cn_html_raw(o, "</option>");
        free(names[i]);
    }
    free(names);
    cn_html_raw(o,
                "</select></label><label>Consensus\n        <select name=\"level\"><option "
                "value=\"\">any</option><option value=\"strong\">strong</option><option "
                "value=\"moderate\">moderate</option><option value=\"weak\">weak</option><option "
                "value=\"none\">none</option><option "
                "value=\"insufficient\">insufficient</option></select></label><label>Review "
                "reason\n        <select name=\"reason\"><option value=\"\">any</option>");
    unsigned all = 0;
    for (size_t i = 0; i < p->r->n_review; i++)
        all |= p->r->answers[p->r->review[i]].review;
    const char *codes[CN_REVIEW_REASON_COUNT];
    size_t nc = 0;
    for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++)
        if (all & cn_review_reason_at(k))
            codes[nc++] = cn_review_reason_name(cn_review_reason_at(k));
    cn_sort_stable(codes, nc, sizeof *codes, cmp_str);
    for (size_t i = 0; i < nc; i++) {
        cn_html_printf(o, "<option value=\"%s\">", codes[i]);
        for (const char *c = codes[i]; *c; c++)
            cn_html_putc(o, *c == '-' ? ' ' : *c);
        cn_html_raw(o, "</option>");
    }
    cn_html_raw(o, "</select></label><span class=\"filter-actions\"><button type=\"button\" "
                   "data-open=\"all\">Open all</button><button type=\"button\" "
                   "data-open=\"none\">Close all</button><output id=\"filter-count\" "
                   "aria-live=\"polite\"></output></span></form>\n");
}

/* ---- skipped inputs, unmatched overrides ---- */

static void skipped(page *p)
{
    const cn_analysis_result *r = p->r;
    cn_html_out *o = p->o;
    if (r->n_skipped) {
        cn_html_raw(o, "<section class=\"skipped\" aria-label=\"Skipped inputs\"><h2>Skipped "
                       "inputs</h2><ul>");
        for (size_t i = 0; i < r->n_skipped; i++) {
            cn_html_raw(o, "<li><code>");
            cn_html_text(o, r->skipped[i].file);
            cn_html_raw(o, "</code>: ");
            cn_html_text(o, r->skipped[i].reason);
            cn_html_raw(o, "</li>");
        }
        cn_html_raw(o, "</ul></section>");
    }
    if (r->n_unmatched) {
        cn_html_raw(o, "<section class=\"skipped\" id=\"unmatched-overrides\" "
                       "aria-label=\"Unmatched overrides\"><h2>Editor overrides that matched no "
                       "answer (not applied)</h2><ul>");
        for (size_t i = 0; i < r->n_unmatched; i++) {
            const cn_override *ov = r->unmatched[i];
            cn_html_raw(o, "<li><code>");
            cn_html_text(o, ov->answer_id);
            cn_html_raw(o, "</code> →\n                    ");
            cn_html_badge(o, cn_stance_name(ov->stance));
            if (ov->editor) {
                cn_html_raw(o, " by ");
                cn_html_text(o, ov->editor);
            }
            if (ov->note && *ov->note) {
                cn_html_raw(o, ": ");
                cn_html_text(o, ov->note);
            }
            cn_html_raw(o, "</li>");
        }
        cn_html_raw(o, "</ul></section>");
    }
}

/* ---- overview ---- */

static void overview_lead(page *p)
{
    const cn_analysis_result *r = p->r;
    size_t levels[5] = {0};
    static const char *const LEVELS[5] = {"strong", "moderate", "weak", "none", "insufficient"};
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const char *l = cn_consensus_level_name((cn_consensus_level)r->questions[qi].tally.level);
        for (size_t k = 0; k < 5; k++)
            levels[k] += !strcmp(l, LEVELS[k]);
    }
    cn_html_printf(
        p->o,
        "<section id=\"overview\" aria-label=\"Overview\"><h2>Overview: questions from most "
        "to least contested</h2><p class=\"lead corpus-summary\">%zu question%s:\n        "
        "%zu with strong consensus,\n        %zu moderate,\n        %zu weak,\n        %zu "
        "without consensus, and\n        %zu with too few stances to judge.\n        %zu "
        "answer%s\n        to review (<a href=\"#review-queue\">review queue</a>).\n      "
        "</p>",
        r->n_questions, r->n_questions != 1 ? "s" : "", levels[0], levels[1], levels[2], levels[3],
        levels[4], r->n_review, r->n_review != 1 ? "s" : "");
    cn_html_raw(
        p->o,
        "<p class=\"note\">Most contested first, by evidence: ordered by how sure it is that no "
        "stance holds a\n        true majority (the posterior probability that the most common "
        "stance's share is at most one half,\n        given how many physicians answered), so an "
        "even split among many physicians comes before a tie among\n        two or three; then "
        "by normalized entropy (highest first). Questions where no physician takes a\n        "
        "stance come last. Click a question for its answers; <a href=\"#glossary\">what the "
        "figures mean</a>.</p><details class=\"glossary\" id=\"glossary\"><summary>What the "
        "figures mean</summary><dl><dt>Share</dt><dd>Of the physicians who take a stance, the "
        "part who take the most common one.</dd><dt>Consensus level</dt><dd>Strong, moderate or "
        "weak when that share reaches 75%, 60% or 50% and the evidence backs it\n            (the "
        "chance that the true share reaches the threshold is at least 80%); none on a tie or "
        "below;\n            too few when fewer than the minimum number of physicians take a "
        "stance.</dd><dt>95% CI</dt><dd>The range the true share lies in, given how many "
        "physicians answered: wide for a few answers,\n            narrow for many.</dd><dt>P(true "
        "share &gt; 50%), P(majority is real)</dt><dd>How likely it is that most physicians, not "
        "just most of these, would take the majority's\n            stance.</dd><dt>Held under "
        "the classifier's errors</dt><dd>The classifier mislabels many real answers; redrawing "
        "every label from its measured error\n            rates, how often the same majority "
        "keeps its level.</dd><dt>Entropy</dt><dd>How evenly the answers spread over the "
        "stances: 0 when all agree, 1 when every stance is\n            equally common.</dd><dt "
        "title=\"Agreement that counts how far apart the stances are: 1 all agree, 0 split "
        "between the two ends\">Ordinal consensus</dt><dd>Agreement that counts how far apart the "
        "stances are (reassuring, cautionary,\n            contraindicated in that order): 1 when "
        "all agree, 0 when answers split between the two "
        "ends.</dd><dt>Contested</dt><dd>How sure it is that no stance holds a true majority; "
        "orders the questions above.</dd><dt>Krippendorff's alpha</dt><dd>Agreement between "
        "physicians across all questions, corrected for the agreement chance alone\n            "
        "would give: 1 full agreement, 0 no better than chance, below 0 systematic "
        "disagreement.</dd><dt>Confidence (of an answer)</dt><dd>How sure the classifier is of "
        "the stance it gave one answer; answers below 50% are queued for\n            "
        "review.</dd></dl></details><div class=\"table-wrap\"><table class=\"overview stack "
        "sortable\"><thead><tr><th class=\"num\">#</th><th>Question</th><th>Stances "
        "(counts)</th><th>Majority</th><th class=\"num\" title=\"Of the physicians who take a "
        "stance, the part who take the most common one\">Share</th><th title=\"Strong, moderate "
        "or weak: the share reaches 75%, 60% or 50% and the evidence backs it\">Consensus</th><th "
        "class=\"num\" title=\"How evenly the answers spread over the stances: 0 all agree, 1 "
        "evenly split\">Entropy</th><th class=\"num\">Answers</th><th class=\"num\">To "
        "review</th></tr></thead><tbody>");
}

static void overview_row(page *p, size_t qi, size_t rank, size_t n_review)
{
    cn_html_out *o = p->o;
    const cn_analysis_question *q = &p->r->questions[qi];
    cn_consensus_result buf;
    const cn_consensus_result *k = cn_tally_consensus(&q->tally, &buf);
    const char *level = cn_consensus_level_name(k->level);
    cn_html_raw(o, "<tr");
    cn_html_attr(o, "data-q", q->id);
    cn_html_printf(
        o, "><td class=\"num\" data-label=\"Rank\">%zu</td><td data-label=\"Question\"><a", rank);
    cn_html_attr2(o, "href", "#q-", q->id);
    cn_html_raw(o, ">");
    cn_html_question_name(o, p->r, qi);
    cn_html_raw(o, "</a><div class=\"ov-summary\">");
    cn_html_text(o, q->tally.summary);
    cn_html_raw(o, "</div></td><td data-label=\"Stances\"");
    double n = (double)q->n_answers;
    cn_html_attr_begin(o);
    cn_html_attr_add_xpath_string(o, (double)q->tally.counts[CN_STANCE_REASSURING] /
                                         (n + (double)(q->n_answers == 0)));
    cn_html_attr_end(o, "data-sort");
    cn_html_raw(o, ">");
    cn_html_bar bar = {.fill = 1,
                       .height = 22,
                       .cls = "overview-bar",
                       .minpx = 200,
                       .labels = true,
                       .font = 12,
                       .prefix = ""};
    cn_html_stacked_bar(o, &bar, q->tally.counts);
    cn_html_raw(o, "</td><td class=\"inl\" data-label=\"Majority\">");
    if (k->majority != CN_STANCE_NONE)
        cn_html_badge(o, cn_stance_name(k->majority));
    else
        cn_html_raw(o, k->tie ? "<span class=\"muted\">tie</span>"
                              : "<span class=\"muted\">none</span>");
    cn_html_raw(o, "</td><td class=\"num\" data-label=\"Share\">");
    cn_html_pct(o, k->share);
    static const char RANKS[] = "insufficient none weak moderate strong";
    const char *at = *level ? strstr(RANKS, level) : NULL;
    cn_html_printf(o,
                   "</td><td class=\"inl\" data-label=\"Consensus\" data-sort=\"%zu\"><span "
                   "class=\"level %s\">%s</span></td><td class=\"num\" data-label=\"Entropy\">",
                   at ? (size_t)(at - RANKS) : 0, level, level);
    cn_html_num(o, k->entropy, "0.00");
    cn_html_printf(o,
                   "</td><td class=\"num\" data-label=\"Answers\">%zu</td><td class=\"num\" "
                   "data-label=\"To review\">%zu</td></tr>\n",
                   (size_t)q->n_answers, n_review);
}

static void overview(page *p)
{
    overview_lead(p);
    size_t qi;
    for (size_t i = 0; i < p->r->n_questions && next_question(p, &qi); i++)
        overview_row(p, qi, i + 1, p->ctx.n_reasons);
    if (p->load_rc == CN_OK && (p->load_rc = cn_html_groups_rewind(p->by_question, &p->load_err)))
        p->o->fail = true;
    cn_html_raw(p->o, "</tbody></table></div></section>\n");
}

/* ---- review queue ---- */

static void review_row(page *p, size_t i)
{
    const cn_analysis_result *r = p->r;
    cn_html_out *o = p->o;
    const cn_review_item item = cn_analysis_review_item(r, i), *it = &item;
    const cn_analysis_answer *a = &r->answers[it->answer];
    const cn_physician *ph = cn_analysis_physician(r, it->answer);
    const char *qid = r->questions[cn_analysis_answer_question(r, a)].id;
    cn_html_raw(o, "<tr");
    cn_html_attr(o, "data-q", qid);
    cn_html_attr_begin(o);
    cn_html_attr_add(o, "|");
    cn_html_attr_add_reasons(o, it->reasons);
    cn_html_attr_end(o, "data-reasons");
    cn_html_printf(o, "><td class=\"num\" data-label=\"Rank\">%zu</td><td data-label=\"Answer\"><a",
                   i + 1);
    cn_html_attr_begin(o);
    cn_html_attr_add(o, "#");
    cn_html_attr_add_anchor(o, r, it->answer);
    cn_html_attr_end(o, "href");
    cn_html_raw(o, ">");
    if (ph->name)
        cn_html_text(o, ph->name);
    else
        cn_html_raw(o, "Unnamed physician");
    cn_html_raw(o, "</a><br><span class=\"muted\">");
    if (ph->specialty) {
        cn_html_text(o, ph->specialty);
        cn_html_raw(o, " · ");
    }
    cn_html_text(o, cn_analysis_file_of(p->r, a));
    cn_html_printf(o, " #%ld", (long)cn_analysis_answer_index(r, a));
    if (a->role != CN_ROLE_COUNTED)
        cn_html_printf(o, " (%s)", cn_answer_role_name(a->role));
    cn_html_raw(o, "</span></td><td data-label=\"Question\"><a");
    cn_html_attr2(o, "href", "#q-", qid);
    cn_html_raw(o, ">");
    cn_html_question_name(o, r, cn_analysis_answer_question(r, a));
    cn_html_raw(o, "</a></td><td class=\"inl\" data-label=\"Stance\">");
    cn_html_badge(o, cn_html_answer_stance(a));
    cn_html_raw(o, "</td><td class=\"num\" data-label=\"Confidence\">");
    cn_html_pct(o, it->confidence);
    cn_html_raw(o, "</td><td data-label=\"Why\"><ul class=\"reasons\">");
    for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++) {
        unsigned flag = cn_review_reason_at(k);
        if (!(it->reasons & flag))
            continue;
        char detail[1400];
        cn_fmt_review_detail(r, it->answer, flag, detail, sizeof detail);
        cn_html_raw(o, "<li><strong>");
        for (const char *c = cn_review_reason_name(flag); *c; c++)
            cn_html_putc(o, *c == '-' ? ' ' : *c);
        cn_html_raw(o, "</strong>: ");
        cn_html_text(o, detail);
        cn_html_raw(o, "</li>");
    }
    cn_html_raw(o, "</ul></td></tr>\n");
}

static void review_queue(page *p)
{
    cn_html_out *o = p->o;
    cn_html_printf(o,
                   "<section id=\"review-queue\" aria-label=\"Review queue\"><h2>Review queue "
                   "(%zu)</h2>",
                   p->r->n_review);
    if (!p->r->n_review) {
        cn_html_raw(o, "<p class=\"note\">Nothing to review.</p></section>\n");
        return;
    }
    cn_html_raw(o, p->r->opts.review_order == CN_REVIEW_MOST_URGENT_FIRST
                       ? "<p class=\"note\">Answers an editor should read, most urgent first: "
                       : "<p class=\"note\">Answers an editor should read, the least sure first "
                         "(the likeliest to be labelled wrong): ");
    cn_html_raw(
        o, "dissent from a consensus,\n            competing cues, low confidence, the same answer "
           "seen with different metadata, excerpts.</p><div class=\"table-wrap\"><table "
           "class=\"review stack sortable\"><thead><tr><th "
           "class=\"num\">#</th><th>Answer</th><th>Question</th><th>Stance</th><th "
           "class=\"num\">Confidence</th><th>Why</th></tr></thead><tbody>");
    for (size_t i = 0; i < p->r->n_review; i++)
        review_row(p, i);
    cn_html_raw(o, "</tbody></table></div></section>\n");
    /* the wording reads conflict scores from disk */
    if (p->load_rc == CN_OK && (p->load_rc = cn_analysis_load_status(p->r, &p->load_err)))
        o->fail = true;
}

/* ---- questions ---- */

static void questions(page *p)
{
    cn_html_out *o = p->o;
    size_t nq = p->r->n_questions, answers = 0;
    for (size_t i = 0; i < nq; i++)
        answers += p->r->questions[i].n_answers;
    cn_html_printf(
        o,
        "<section id=\"questions\" aria-label=\"Questions\"><h2>Questions</h2><p "
        "class=\"note\">From most to least contested. The first %d\n              are open; "
        "click a question's line to open or close it.\n              ",
        CN_HTML_OPEN_QUESTIONS);
    if (p->ctx.capped) {
        bool many = nq > CN_HTML_FULL_QUESTIONS;
        cn_html_printf(
            o,
            "\n                This report has %zu answers: to keep\n                the page "
            "quick to open, the\n                ",
            answers);
        if (many)
            cn_html_printf(o, "%d most contested", CN_HTML_FULL_QUESTIONS);
        cn_html_printf(o, "\n                questions show their first %d answers in full",
                       CN_HTML_FULL_ANSWERS);
        if (many)
            cn_html_raw(o, "\n                and the others none (their stances by specialty in "
                           "one line)");
        cn_html_raw(o, ";\n                every answer that dissents or is in the review queue is "
                       "shown in full. The rest are listed in one line\n                (marked "
                       "“shown in brief”, with their opening words among the most contested); "
                       "their whole text and\n                evidence are in "
                       "<code>answers.jsonl</code> and <code>answers.csv</code> under the id "
                       "shown.");
    }
    cn_html_raw(o, "</p>");
    size_t qi;
    for (size_t i = 0; i < nq && next_question(p, &qi); i++) {
        p->load_rc = cn_analysis_load_question(p->r, qi, &p->load_err);
        if (p->load_rc == CN_OK)
            cn_html_question_write(o, &p->ctx, qi, i + 1);
        else
            o->fail = true;
    }
    if (p->load_rc == CN_OK && (p->load_rc = cn_analysis_load_status(p->r, &p->load_err)))
        o->fail = true;
    cn_analysis_release(p->r);
    cn_html_raw(o, "</section>\n");
}

/* ---- by claim ---- */

static void question_list(page *p, const size_t *qs, size_t n)
{
    cn_html_out *o = p->o;
    qkey *keys = malloc((n + 1) * sizeof *keys);
    if (!keys) {
        o->fail = true;
        return;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = question_key(p->r, qs[i]);
    cn_sort_heap(keys, n, sizeof *keys, heap_listed, NULL);
    cn_html_raw(o, "<ul class=\"plain\">");
    for (size_t i = 0; i < n; i++) {
        const cn_analysis_question *q = &p->r->questions[keys[i].qi];
        cn_consensus_result buf;
        const cn_consensus_result *k = cn_tally_consensus(&q->tally, &buf);
        const char *level = cn_consensus_level_name(k->level);
        cn_html_raw(o, "<li");
        cn_html_attr(o, "data-q", q->id);
        cn_html_printf(o, "><span class=\"level %s\">%s</span> ", level, level);
        if (k->majority != CN_STANCE_NONE) {
            cn_html_badge(o, cn_stance_name(k->majority));
            cn_html_raw(o, " ");
            cn_html_pct(o, k->share);
        } else {
            cn_html_raw(o, "<span class=\"muted\">no majority</span>");
        }
        cn_html_raw(o, " <a");
        cn_html_attr2(o, "href", "#q-", q->id);
        cn_html_raw(o, ">");
        cn_html_question_name(o, p->r, keys[i].qi);
        cn_html_printf(o, "</a><span class=\"muted\"> (%zu)</span></li>", (size_t)q->n_answers);
    }
    cn_html_raw(o, "</ul>");
    free(keys);
}

typedef struct group {
    size_t first; /* the first member in document order */
    size_t *members;
    size_t n;
    const char *key; /* claim id or cleaned physician name */
} group;

/* Groups, the largest first, then by key, then in document order: the one
 * order of the claim and physician views. */
static int cmp_size_key_first(size_t na, size_t nb, const char *ka, const char *kb, size_t fa,
                              size_t fb)
{
    int c = na < nb ? 1 : na > nb ? -1 : 0;
    if (!c)
        c = strcmp(ka, kb);
    return c ? c : cmp_index(fa, fb);
}

static int cmp_group(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const group *a = pa, *b = pb;
    return cmp_size_key_first(a->n, b->n, a->key, b->key, a->first, b->first);
}

static void claim_group(page *p, const group *g, size_t position)
{
    cn_html_out *o = p->o;
    const cn_analysis_claim *cl = &p->r->claims[p->r->questions[g->first].claim];
    size_t maj[CN_STANCE_COUNT] = {0};
    for (size_t i = 0; i < g->n; i++)
        maj[p->r->questions[g->members[i]].tally.majority]++;
    cn_html_raw(o, position <= 3 ? "<details class=\"claim-group\" open=\"open\"><summary><strong>"
                                 : "<details class=\"claim-group\"><summary><strong>");
    cn_html_text(o, cl->statement);
    cn_html_raw(o, "</strong><span class=\"muted\"> · <code>");
    cn_html_text(o, cl->id);
    cn_html_printf(o,
                   "</code> · %zu question%s:\n              %zu reassuring,\n              %zu "
                   "cautionary,\n              %zu contraindicated majorities</span></summary>",
                   g->n, g->n != 1 ? "s" : "", maj[CN_STANCE_REASSURING], maj[CN_STANCE_CAUTIONARY],
                   maj[CN_STANCE_CONTRAINDICATED]);
    question_list(p, g->members, g->n);
    cn_html_raw(o, "</details>\n");
}

static bool is_adhoc(const cn_analysis_question *q)
{
    return q->claim_source && !strcmp(q->claim_source, "adhoc");
}

/* Questions grouped by their primary claim (one group a claim, members in
 * document order); *storage receives the members' array to free. */
static group *claim_groups(const cn_analysis_result *r, size_t **storage)
{
    group *g = calloc(r->n_claims + 1, sizeof *g);
    *storage = malloc((r->n_questions + 1) * sizeof **storage);
    if (!g || !*storage) {
        free(g);
        free(*storage);
        *storage = NULL;
        return NULL;
    }
    for (size_t qi = 0; qi < r->n_questions; qi++)
        g[r->questions[qi].claim].n++;
    size_t at = 0;
    for (size_t c = 0; c < r->n_claims; c++) {
        g[c].members = *storage + at;
        at += g[c].n;
        g[c].n = 0;
        g[c].key = r->claims[c].id;
    }
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        group *x = &g[r->questions[qi].claim];
        if (!x->n)
            x->first = qi;
        x->members[x->n++] = qi;
    }
    return g;
}

static void claims_view(page *p)
{
    const cn_analysis_result *r = p->r;
    cn_html_out *o = p->o;
    cn_html_raw(o, "<section id=\"claims\" aria-label=\"By claim\"><h2>By claim: the questions "
                   "judged against each claim</h2><p class=\"note\">A claim is the statement the "
                   "physicians' stances are measured against. A question\n        whose words fit "
                   "no catalog claim is judged against itself; those are listed under “Own "
                   "claims”.</p>");
    size_t *storage = NULL;
    group *g = claim_groups(r, &storage);
    size_t *adhoc = malloc((r->n_questions + 1) * sizeof *adhoc);
    if (!g || !adhoc) {
        free(adhoc);
        free(storage);
        free(g);
        o->fail = true;
        return;
    }
    size_t listed = 0;
    for (size_t c = 0; c < r->n_claims; c++)
        if (g[c].n && !is_adhoc(&r->questions[g[c].first]))
            g[listed++] = g[c];
    cn_sort_heap(g, listed, sizeof *g, cmp_group, NULL);
    for (size_t i = 0; i < listed; i++)
        claim_group(p, &g[i], i + 1);
    size_t n_adhoc = 0;
    for (size_t qi = 0; qi < r->n_questions; qi++)
        if (is_adhoc(&r->questions[qi]))
            adhoc[n_adhoc++] = qi;
    if (n_adhoc) {
        cn_html_printf(
            o,
            "<details class=\"claim-group\"><summary><strong>Own claims</strong><span "
            "class=\"muted\">· %zu questions, each judged against itself</span></summary>",
            n_adhoc);
        question_list(p, adhoc, n_adhoc);
        cn_html_raw(o, "</details>");
    }
    cn_html_raw(o, "</section>\n");
    free(adhoc);
    free(storage);
    free(g);
}

/* ---- by physician ---- */

/* A named physician's counted answers (physicians are told apart by their
 * cleaned name). 32 bytes a name, and the members of the groups shown only:
 * at 1 GB 263,339 physicians give 2.3 million named answers, and a member
 * list for every group (with a group slot per answer) was ~48 MB. */
typedef struct phys_group {
    const char *key; /* the cleaned name: owned when `owned` (the name was not clean) */
    uint32_t first;  /* its first answer in document order */
    uint32_t n;      /* its answers */
    uint32_t at;     /* its answers in document order: storage[at, at + n), when `several` */
    uint32_t q;      /* the question of its first answer */
    bool several;    /* it answers more than one question (by question id) */
    bool owned;
} phys_group;

/* The groups in order of first answer, each physician's group (UINT32_MAX:
 * not met yet), and the answers of the groups that answer several questions. */
typedef struct physicians {
    phys_group *groups;
    size_t n, cap;
    uint32_t *group_of; /* physician -> group */
    uint32_t *storage;
} physicians;

static void physicians_free(physicians *ph)
{
    for (size_t i = 0; ph->groups && i < ph->n; i++)
        if (ph->groups[i].owned)
            free((char *)ph->groups[i].key);
    free(ph->groups);
    free(ph->group_of);
    free(ph->storage);
}

static const char *group_key(const void *ctx, uint32_t i)
{
    return ((const physicians *)ctx)->groups[i].key;
}

/* The group of physician k (met first on answer `answer` of question qi):
 * the group of its cleaned name, new when the name is. False on OOM. */
static bool physician_group_of(const cn_analysis_result *r, physicians *ph, cn_idindex *by_name,
                               uint32_t k, size_t answer, size_t qi)
{
    const char *name = cn_analysis_physician(r, answer)->name;
    if (!name)
        return true; /* stays UINT32_MAX: not listed */
    char *owned;
    const char *clean = cn_html_clean(name, &owned);
    if (!clean)
        return false;
    int64_t gi = cn_idindex_find(by_name, clean, group_key, ph);
    if (gi < 0) {
        if (ph->n >= UINT32_MAX - 1 ||
            !cn_grow((void **)&ph->groups, &ph->cap, ph->n + 1, sizeof *ph->groups)) {
            free(owned);
            return false;
        }
        gi = (int64_t)ph->n;
        ph->groups[ph->n++] = (phys_group){
            .key = clean, .first = (uint32_t)answer, .q = (uint32_t)qi, .owned = owned != NULL};
        owned = NULL;
        if (cn_idindex_add(by_name, clean, (uint32_t)gi, group_key, ph) != 0)
            return false;
    }
    free(owned);
    ph->group_of[k] = (uint32_t)gi;
    return true;
}

/* First pass: every named counted answer's group (in document order, as
 * groups are numbered), the groups' sizes and whether each answers several
 * questions. */
static bool physicians_group(const cn_analysis_result *r, physicians *ph)
{
    cn_idindex *by_name = cn_idindex_new(); /* positions of groups by key: no copy of names */
    bool ok = by_name != NULL;
    for (size_t qi = 0; ok && qi < r->n_questions; qi++) {
        const cn_analysis_question *q = &r->questions[qi];
        for (size_t i = 0; ok && i < q->n_answers; i++) {
            uint32_t ai = cn_analysis_question_answer(r, qi, CN_ROLE_COUNTED, i);
            uint32_t k = cn_analysis_answer_physician(r, ai);
            if (ph->group_of[k] == UINT32_MAX)
                ok = physician_group_of(r, ph, by_name, k, ai, qi);
            if (!ok || ph->group_of[k] == UINT32_MAX)
                continue;
            phys_group *g = &ph->groups[ph->group_of[k]];
            g->n++;
            if (!g->several && g->q != qi && strcmp(r->questions[g->q].id, q->id) != 0)
                g->several = true;
        }
    }
    cn_idindex_free(by_name);
    return ok;
}

/* Second pass: the answers of the groups shown, in document order. */
static bool physicians_collect(const cn_analysis_result *r, physicians *ph)
{
    memset(ph, 0, sizeof *ph);
    ph->group_of = malloc((r->n_physicians + 1) * sizeof *ph->group_of);
    if (!ph->group_of)
        return false;
    memset(ph->group_of, 0xff, (r->n_physicians + 1) * sizeof *ph->group_of);
    if (!physicians_group(r, ph))
        return false;
    size_t at = 0;
    for (size_t i = 0; i < ph->n; i++) {
        phys_group *g = &ph->groups[i];
        if (!g->several)
            continue;
        g->at = (uint32_t)at;
        at += g->n;
        g->n = 0;
    }
    ph->storage = malloc((at + 1) * sizeof *ph->storage);
    if (!ph->storage)
        return false;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const cn_analysis_question *q = &r->questions[qi];
        for (size_t i = 0; i < q->n_answers; i++) {
            uint32_t ai = cn_analysis_question_answer(r, qi, CN_ROLE_COUNTED, i);
            uint32_t gi = ph->group_of[cn_analysis_answer_physician(r, ai)];
            if (gi != UINT32_MAX && ph->groups[gi].several) {
                phys_group *g = &ph->groups[gi];
                ph->storage[g->at + g->n++] = ai;
            }
        }
    }
    return true;
}

static int cmp_phys_group(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const phys_group *a = pa, *b = pb;
    return cmp_size_key_first(a->n, b->n, a->key, b->key, a->first, b->first);
}

static void physician_group(page *p, const phys_group *g, const uint32_t *members, size_t position)
{
    const cn_analysis_result *r = p->r;
    cn_html_out *o = p->o;
    const cn_physician *first = cn_analysis_physician(r, g->first);
    size_t counts[CN_STANCE_COUNT] = {0};
    for (size_t i = 0; i < g->n; i++)
        counts[cn_analysis_answer_stance(&r->answers[members[i]])]++;
    cn_html_raw(o, position <= 3 ? "<details class=\"physician\" open=\"open\"><summary><strong>"
                                 : "<details class=\"physician\"><summary><strong>");
    cn_html_text(o, first->name);
    cn_html_raw(o, "</strong><span class=\"muted\">");
    if (first->specialty) {
        cn_html_raw(o, " · ");
        cn_html_text(o, first->specialty);
    }
    cn_html_printf(
        o,
        "\n                  · %zu answers:\n                  %zu reassuring,\n          "
        "        %zu cautionary,\n                  %zu contraindicated,\n                  "
        "%zu no stance</span></summary><ul class=\"plain\">",
        (size_t)g->n, counts[CN_STANCE_REASSURING], counts[CN_STANCE_CAUTIONARY],
        counts[CN_STANCE_CONTRAINDICATED], counts[CN_STANCE_NONE]);
    for (size_t i = 0; i < g->n; i++) {
        const cn_analysis_answer *a = &r->answers[members[i]];
        const char *qid = r->questions[cn_analysis_answer_question(r, a)].id;
        const char *stance = cn_html_answer_stance(a);
        cn_html_raw(o, "<li");
        cn_html_attr(o, "data-q", qid);
        cn_html_raw(o, "><a");
        cn_html_attr2(o, "class", "badge ", stance);
        cn_html_attr2(o, "href", "#a-", CN_ANSWER_ID(r, a));
        cn_html_raw(o, ">");
        cn_html_raw(o, cn_html_label(stance));
        cn_html_raw(o, "</a>");
        if (a->dissent)
            cn_html_raw(o, " <span class=\"flag warn\">dissent</span>");
        cn_html_raw(o, " <a");
        cn_html_attr2(o, "href", "#q-", qid);
        cn_html_raw(o, ">");
        cn_html_question_name(o, r, cn_analysis_answer_question(r, a));
        cn_html_raw(o, "</a></li>");
    }
    cn_html_raw(o, "</ul></details>\n");
}

static void physicians_view(page *p)
{
    cn_html_out *o = p->o;
    cn_html_raw(o, "<section id=\"physicians\" aria-label=\"By physician\"><h2>By physician: "
                   "stances across questions</h2>");
    physicians ph;
    if (!physicians_collect(p->r, &ph)) {
        physicians_free(&ph);
        o->fail = true;
        return;
    }
    /* keep the groups that qualify, in place (their names stay owned by the groups freed) */
    size_t n = 0;
    for (size_t i = 0; i < ph.n; i++)
        if (ph.groups[i].several) {
            phys_group g = ph.groups[i];
            ph.groups[i] = ph.groups[n];
            ph.groups[n++] = g;
        }
    if (n) {
        cn_html_printf(o,
                       "<p class=\"note\">%zu named physician%s\n            answer more than one "
                       "question (physicians are told apart by name). Each stance links to the "
                       "answer.</p>",
                       n, n != 1 ? "s" : "");
        cn_sort_heap(ph.groups, n, sizeof *ph.groups, cmp_phys_group, NULL);
        for (size_t i = 0; i < n; i++)
            physician_group(p, &ph.groups[i], ph.storage + ph.groups[i].at, i + 1);
    } else {
        cn_html_raw(o, "<p class=\"note\">No named physician answers more than one "
                       "question.</p>");
    }
    cn_html_raw(o, "</section>\n");
    physicians_free(&ph);
}

/* ---- agreement and specialties ---- */

static void pairwise(page *p)
{
    cn_html_out *o = p->o;
    const cn_pairwise_result *pw = &p->r->agreement.pairwise;
    cn_html_raw(o, "<p class=\"pairwise\" title=\"The chance that two physicians answering the "
                   "same question take the same stance.\">\n          Two physicians answering the "
                   "same question agree\n          <strong>");
    cn_html_pct(o, pw->agreement);
    cn_html_raw(o, "</strong>\n          of the time\n          ");
    char buf[CN_FMT_NUMBER_MAX];
    if (cn_fmt_number(pw->ci_lo, buf)) {
        cn_html_raw(o, "(95% CI ");
        cn_html_pct(o, pw->ci_lo);
        cn_html_raw(o, "–");
        cn_html_pct(o, pw->ci_hi);
        cn_html_printf(o, ", bootstrap over %zu questions)", (size_t)pw->questions);
    } else {
        cn_html_printf(o, "(over %zu questions; no interval: ", (size_t)pw->questions);
        cn_html_text(o, pw->ci_note);
        cn_html_raw(o, ")");
    }
    cn_html_raw(o, ";\n          two answers picked from the whole corpus agree\n          ");
    cn_html_pct(o, pw->chance);
    cn_html_raw(o, "\n          of the time. Median majority share per question:\n          ");
    cn_html_pct(o, pw->share_median);
    cn_html_raw(o, ".\n        </p>");
}

static void alpha_row(cn_html_out *o, const char *metric, const cn_agreement_result *a)
{
    cn_html_printf(o, "<tr><td>%s</td><td class=\"num\">", metric);
    cn_html_num(o, a->alpha, "0.000");
    cn_html_raw(o, "</td><td class=\"num\">");
    cn_html_num(o, a->ci_lo, "0.000");
    cn_html_raw(o, "\n                  to ");
    cn_html_num(o, a->ci_hi, "0.000");
    cn_html_raw(o, "</td><td class=\"num\">");
    cn_html_num(o, a->q_below_667, "0.00");
    cn_html_printf(o, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td></tr>",
                   (size_t)a->pairable_units, (size_t)a->pairable_values);
}

static void specialty_row(cn_html_out *o, const cn_specialty_group *grp, bool tested, double max)
{
    const char *name = grp->specialty ? grp->specialty : "(specialty not given)";
    const long *k = grp->counts;
    cn_html_raw(o, "<tr><td data-label=\"Specialty\">");
    cn_html_text(o, name);
    if (!tested)
        cn_html_raw(o, " <span class=\"muted\">(not in the test)</span>");
    cn_html_specialty_cells(o, grp->answers, k);
    double a = (double)grp->answers;
    double fill = (double)(a > max) + (double)!(a > max) * (a / max);
    size_t len = strlen(name);
    char *prefix = malloc(len + 3);
    if (!prefix) {
        o->fail = true;
        return;
    }
    memcpy(prefix, name, len);
    memcpy(prefix + len, ": ", 3);
    cn_html_bar bar = {
        .fill = fill, .height = 14, .cls = "spec-bar", .minpx = NAN, .font = 15, .prefix = prefix};
    cn_html_stacked_bar(o, &bar, k);
    free(prefix);
    cn_html_raw(o, "</td></tr>\n");
}

static void chi_square(cn_html_out *o, const cn_specialty_comparison *sc)
{
    const cn_crosstab_result *t = &sc->test;
    char buf[CN_FMT_NUMBER_MAX];
    cn_html_raw(o, "<p>\n          Chi-square test of specialty × stance: χ² = ");
    cn_html_num(o, t->chi_square, "0.00");
    cn_html_printf(o, ",\n          df = %ld,\n          p = ", (long)t->df);
    cn_html_num(o, t->p_value, "0.000");
    cn_html_raw(o, "\n          (asymptotic)");
    if (cn_fmt_number(t->p_monte_carlo, buf)) {
        cn_html_raw(o, ",\n          p = ");
        cn_html_num(o, t->p_monte_carlo, "0.000");
        cn_html_printf(o, "\n          (Monte Carlo, %zu tables)", (size_t)t->simulated);
    }
    cn_html_raw(o, ";\n          Cramér's V = ");
    cn_html_num(o, t->cramers_v, "0.00");
    cn_html_raw(o, "\n          (bias-corrected ");
    cn_html_num(o, t->cramers_v_corrected, "0.00");
    cn_html_raw(o, ");\n          within questions: p = ");
    cn_html_num(o, sc->p_stratified, "0.00");
    if (sc->method == CN_WITHIN_CMH) {
        cn_html_raw(o, "\n          (Cochran-Mantel-Haenszel χ² = ");
        cn_html_num(o, sc->cmh_statistic, "0.00");
        cn_html_printf(o, ", df = %ld, over %zu questions),\n          n = %ld.\n          ",
                       sc->cmh_df, sc->cmh_questions, (long)t->n);
    } else
        cn_html_printf(o, "\n          (%zu permutations),\n          n = %ld.\n          ",
                       (size_t)sc->permutations, (long)t->n);
    if (t->small_expected)
        cn_html_raw(o, "<span class=\"flag warn\">small expected counts: trust the Monte Carlo "
                       "p</span>");
    cn_html_raw(o, "</p>");
}

static void corpus_figures(page *p)
{
    cn_html_out *o = p->o;
    const cn_analysis_agreement *ag = &p->r->agreement;
    const cn_specialty_comparison *sc = &p->r->specialties;
    cn_html_raw(o, "<section id=\"corpus\" aria-label=\"Agreement and specialties\"><h2>Agreement "
                   "across the corpus</h2>");
    pairwise(p);
    cn_html_raw(o, "<div class=\"table-wrap\"><table class=\"agreement\"><thead><tr><th "
                   "title=\"Agreement between physicians, corrected for chance: 1 full, 0 chance, "
                   "below 0 systematic disagreement\">Krippendorff's alpha</th><th "
                   "class=\"num\">Value</th><th class=\"num\">95% CI (bootstrap)</th><th "
                   "class=\"num\">P(alpha &lt; 0.667)</th><th class=\"num\">Questions</th><th "
                   "class=\"num\">Values</th></tr></thead><tbody>");
    alpha_row(o, "nominal", &ag->nominal);
    alpha_row(o, "ordinal", &ag->ordinal);
    cn_html_raw(o, "</tbody></table></div>");
    char buf[CN_FMT_NUMBER_MAX];
    if (cn_fmt_number(ag->nominal.fleiss_kappa, buf)) {
        cn_html_raw(o, "<p>Fleiss' kappa: ");
        cn_html_num(o, ag->nominal.fleiss_kappa, "0.000");
        cn_html_raw(o, "</p>");
    }
    cn_html_raw(o, "<p class=\"note\">");
    cn_html_text(o, cn_fmt_agreement_note());
    cn_html_raw(o, "</p><h2>Stances by specialty, all questions</h2>");
    /* bars scaled to the largest group in the test (any group when none is) */
    bool any_tested = sc->n_tested > 0;
    double max = NAN;
    for (size_t g = 0; g < sc->n_groups; g++)
        if ((!any_tested || g < sc->n_tested) &&
            (isnan(max) || (double)sc->groups[g].answers > max))
            max = (double)sc->groups[g].answers;
    cn_html_raw(o,
                "<div class=\"table-wrap\"><table class=\"specialty-comparison "
                "stack\"><thead><tr><th>Specialty</th><th class=\"num\">Answers</th><th "
                "class=\"num\">Reassuring</th><th class=\"num\">Cautionary</th><th "
                "class=\"num\">Contraindicated</th><th class=\"num\">No stance</th><th>Chart</th>"
                "</tr></thead><tbody>");
    for (size_t g = 0; g < sc->n_groups; g++)
        specialty_row(o, &sc->groups[g], g < sc->n_tested, max);
    cn_html_raw(o, "</tbody></table></div>");
    chi_square(o, sc);
    cn_html_raw(o, "<p class=\"conclusion\"><strong>");
    cn_html_text(o, sc->conclusion);
    cn_html_raw(o, "</strong></p><p class=\"note\">");
    cn_html_text(o, cn_fmt_specialty_note());
    cn_html_raw(o, "</p></section>");
}

/* ---- footer ---- */

static void footer(page *p, const cn_html_assets *assets)
{
    const cn_analysis_result *r = p->r;
    const cn_consensus_opts *k = &r->opts.consensus;
    cn_html_out *o = p->o;
    const char *sha = r->rules_sha256 ? r->rules_sha256 : "";
    cn_html_printf(o,
                   "</main>\n<footer class=\"wrap page-foot\">\n          Generated by consensus ");
    cn_html_text(o, cn_version());
    cn_html_raw(o, " ·\n          rules sha256 <code");
    cn_html_attr(o, "title", sha);
    cn_html_raw(o, ">");
    cn_html_printf(o, "%.12s", sha);
    cn_html_printf(o, "</code> ·\n          seed %lu ·\n          consensus levels: strong ≥ ",
                   (unsigned long)r->opts.seed);
    cn_html_pct(o, k->strong);
    cn_html_raw(o, ",\n          moderate ≥ ");
    cn_html_pct(o, k->moderate);
    cn_html_raw(o, ",\n          weak ≥ ");
    cn_html_pct(o, k->weak);
    cn_html_printf(
        o,
        "\n          majority share, with at least %ld answers taking a stance.\n        "
        "</footer>\n<script>",
        (long)k->min_answers);
    cn_html_raw(o, assets->script);
    cn_html_raw(o, "</script>\n</body></html>\n");
}

int cn_html_page_write(const cn_analysis_result *r, const cn_html_assets *assets, FILE *f,
                       cn_error *err)
{
    cn_html_out o;
    cn_html_out_init(&o, f, assets->decimal_format);
    page p = {.o = &o, .r = r};
    int rc = prepare(&p, err);
    if (rc != CN_OK) {
        release(&p);
        cn_html_out_release(&o);
        return rc;
    }
    head(&p, assets);
    header(&p);
    cn_html_raw(&o, "<main class=\"wrap\">");
    legend(&p);
    filter_bar(&p);
    skipped(&p);
    overview(&p);
    review_queue(&p);
    questions(&p);
    release(&p); /* the views below use none of it: their own arrays do not stack on it */
    claims_view(&p);
    physicians_view(&p);
    corpus_figures(&p);
    footer(&p, assets);
    release(&p);
    bool oom = o.fail;
    cn_html_out_release(&o);
    if (p.load_rc != CN_OK) {
        *err = p.load_err;
        return p.load_rc;
    }
    if (oom)
        return cn_error_set(err, CN_ERR_NOMEM, "report.html: out of memory");
    if (ferror(f))
        return cn_error_set(err, CN_ERR_IO, "report.html: cannot write");
    return CN_OK;
}
