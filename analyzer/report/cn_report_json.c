/* cn_report_json: report.json and answers.jsonl from a finished analysis. */
#include "cn_report_json.h"

#include "cn_jsonpretty.h"

#include "cn_annotate.h"
#include "cn_config.h"
#include "cn_jsonbuf.h"
#include "cn_report_fmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Builder state: any failed allocation sets oom, checked once at the end. */
typedef struct jctx {
    const cn_analysis_result *r;
    bool oom;
    int load_rc; /* a page that could not be loaded back: why */
    cn_error load_err;
    size_t claim;        /* the claim whose votes are being written */
    cn_fmt_memo weights; /* evidence weights as printed */
} jctx;

static cJSON *add(jctx *c, cJSON *parent, const char *key, cJSON *item)
{
    if (!item) {
        c->oom = true;
        return NULL;
    }
    bool ok = key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item);
    if (!ok) {
        cJSON_Delete(item);
        c->oom = true;
        return NULL;
    }
    return item;
}

static cJSON *obj(jctx *c, cJSON *parent, const char *key)
{
    return add(c, parent, key, cJSON_CreateObject());
}

static cJSON *arr(jctx *c, cJSON *parent, const char *key)
{
    return add(c, parent, key, cJSON_CreateArray());
}

static void str(jctx *c, cJSON *parent, const char *key, const char *s)
{
    if (!s) {
        add(c, parent, key, cJSON_CreateNull());
        return;
    }
    size_t len = strlen(s);
    if (cn_fmt_text_is_clean(s, len, false)) {
        add(c, parent, key, cJSON_CreateString(s));
        return;
    }
    char *clean = cn_fmt_clean_text(s, len, false, NULL);
    if (!clean) {
        c->oom = true;
        return;
    }
    add(c, parent, key, cJSON_CreateString(clean));
    free(clean);
}

static void integer(jctx *c, cJSON *parent, const char *key, long v)
{
    char buf[CN_FMT_NUMBER_MAX];
    cn_fmt_long(v, buf);
    add(c, parent, key, cJSON_CreateRaw(buf));
}

static void num(jctx *c, cJSON *parent, const char *key, double v)
{
    char buf[CN_FMT_NUMBER_MAX];
    add(c, parent, key, cn_fmt_number(v, buf) ? cJSON_CreateRaw(buf) : cJSON_CreateNull());
}

static void boolean(jctx *c, cJSON *parent, const char *key, bool v)
{
    add(c, parent, key, cJSON_CreateBool(v));
}

static void interval(jctx *c, cJSON *parent, const char *key, double lo, double hi)
{
    if (isnan(lo) || isnan(hi)) {
        add(c, parent, key, cJSON_CreateNull());
        return;
    }
    cJSON *a = arr(c, parent, key);
    if (a) {
        num(c, a, NULL, lo);
        num(c, a, NULL, hi);
    }
}

/* ---- pieces ---- */

static void stance_counts(jctx *c, cJSON *parent, const char *key, const long counts[])
{
    cJSON *o = obj(c, parent, key);
    if (!o)
        return;
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        integer(c, o, cn_stance_name((cn_stance)k), counts[k]);
    integer(c, o, "none", counts[CN_STANCE_NONE]);
}

static void proportion(jctx *c, cJSON *parent, const char *key, const cn_proportion *p)
{
    cJSON *o = obj(c, parent, key);
    if (!o)
        return;
    integer(c, o, "count", p->count);
    integer(c, o, "n", p->n);
    num(c, o, "estimate", p->estimate);
    interval(c, o, "wilson", p->wilson.lo, p->wilson.hi);
    interval(c, o, "exact", p->exact.lo, p->exact.hi);
}

static void proportions(jctx *c, cJSON *parent, const cn_proportion props[])
{
    cJSON *o = obj(c, parent, "proportions");
    if (!o)
        return;
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        proportion(c, o, cn_stance_name((cn_stance)k), &props[k]);
    proportion(c, o, "none", &props[CN_STANCE_NONE]);
}

/* "override": the editor's decision with the classifier's own stance and
 * confidence, or null when the classifier's stance stands. */
static void override_obj(jctx *c, cJSON *parent, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_override *ov = a->overridden ? cn_analysis_override(c->r, idx) : NULL;
    if (!ov) {
        add(c, parent, "override", cJSON_CreateNull());
        return;
    }
    const cn_verdict primary = cn_analysis_verdict(c->r, a, 0), *d = &primary;
    cJSON *o = obj(c, parent, "override");
    if (!o)
        return;
    str(c, o, "editor", ov->editor);
    str(c, o, "note", ov->note);
    str(c, o, "classifier_stance", cn_stance_name(d->stance));
    num(c, o, "classifier_confidence", d->confidence);
    integer(c, o, "entry", (long)ov->entry);
}

static void duplicate(jctx *c, cJSON *parent, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_analysis_answer *orig = &c->r->answers[cn_analysis_original(c->r, a)];
    cJSON *o = obj(c, parent, NULL);
    if (!o)
        return;
    str(c, o, "answer_id", CN_ANSWER_ID(c->r, a));
    str(c, o, "file", cn_analysis_file_of(c->r, a));
    integer(c, o, "index", (long)cn_analysis_answer_index(c->r, a));
    str(c, o, "duplicate_of", CN_ANSWER_ID(c->r, orig));
    str(c, o, "original_file", cn_analysis_file_of(c->r, orig));
    integer(c, o, "original_index", (long)cn_analysis_answer_index(c->r, orig));
    str(c, o, "metadata_differs", cn_analysis_metadata_note(c->r, idx));
}

static void alpha(jctx *c, cJSON *parent, const char *key, const cn_agreement_result *a,
                  double level)
{
    cJSON *o = obj(c, parent, key);
    if (!o)
        return;
    num(c, o, "alpha", a->alpha);
    str(c, o, "alpha_note", a->alpha_note);
    num(c, o, "observed_disagreement", a->observed);
    num(c, o, "expected_disagreement", a->expected);
    interval(c, o, "ci", a->ci_lo, a->ci_hi);
    str(c, o, "ci_note", a->ci_note);
    num(c, o, "ci_level", level);
    integer(c, o, "bootstrap", (long)a->bootstrap);
    integer(c, o, "bootstrap_defined", (long)a->bootstrap_defined);
    num(c, o, "p_below_0_667", a->q_below_667);
    num(c, o, "p_below_0_800", a->q_below_800);
    integer(c, o, "pairable_questions", (long)a->pairable_units);
    integer(c, o, "pairable_values", (long)a->pairable_values);
    integer(c, o, "categories", (long)a->categories);
}

static void agreement(jctx *c, cJSON *root)
{
    const cn_analysis_agreement *ag = &c->r->agreement;
    double level = c->r->opts.consensus.level;
    cJSON *o = obj(c, root, "agreement");
    if (!o)
        return;
    str(c, o, "units", "questions");
    str(c, o, "coders", "physicians");
    integer(c, o, "questions", (long)ag->questions);
    integer(c, o, "physicians", (long)ag->physicians);
    integer(c, o, "max_values_per_question", (long)ag->max_values);
    const cn_pairwise_result *pw = &ag->pairwise;
    cJSON *p = obj(c, o, "pairwise");
    if (p) {
        integer(c, p, "questions", (long)pw->questions);
        num(c, p, "pairs", pw->pairs);
        num(c, p, "agreement", pw->agreement);
        num(c, p, "chance", pw->chance);
        num(c, p, "corrected", pw->corrected);
        interval(c, p, "ci", pw->ci_lo, pw->ci_hi);
        str(c, p, "ci_note", pw->ci_note);
        cJSON *ms = obj(c, p, "majority_share");
        if (ms) {
            num(c, ms, "q1", pw->share_q1);
            num(c, ms, "median", pw->share_median);
            num(c, ms, "q3", pw->share_q3);
        }
    }
    alpha(c, o, "nominal", &ag->nominal, level);
    alpha(c, o, "ordinal", &ag->ordinal, level);
    num(c, o, "fleiss_kappa", ag->nominal.fleiss_kappa);
    if (ag->nominal.ratings_per_unit)
        integer(c, o, "fleiss_ratings_per_question", (long)ag->nominal.ratings_per_unit);
    else
        add(c, o, "fleiss_ratings_per_question", cJSON_CreateNull());
    str(c, o, "note", cn_fmt_agreement_note());
}

static void specialties(jctx *c, cJSON *root)
{
    const cn_specialty_comparison *sc = &c->r->specialties;
    cJSON *o = obj(c, root, "specialties");
    if (!o)
        return;
    cJSON *st = arr(c, o, "stances");
    for (int k = CN_STANCE_REASSURING; st && k < CN_STANCE_COUNT; k++)
        str(c, st, NULL, cn_stance_name((cn_stance)k));
    cJSON *groups = arr(c, o, "groups");
    for (size_t g = 0; groups && g < sc->n_groups; g++) {
        const cn_specialty_group *grp = &sc->groups[g];
        cJSON *go = obj(c, groups, NULL);
        if (!go)
            return;
        str(c, go, "specialty", grp->specialty);
        boolean(c, go, "tested", g < sc->n_tested);
        integer(c, go, "answers", grp->answers);
        integer(c, go, "stance_answers", grp->stance_answers);
        stance_counts(c, go, "stance_counts", grp->counts);
        proportions(c, go, grp->props);
    }
    const cn_crosstab_result *t = &sc->test;
    cJSON *to = obj(c, o, "test");
    if (to) {
        integer(c, to, "rows", (long)t->rows_used);
        integer(c, to, "cols", (long)t->cols_used);
        integer(c, to, "n", t->n);
        num(c, to, "chi_square", t->chi_square);
        integer(c, to, "df", t->df);
        num(c, to, "p_value", t->p_value);
        num(c, to, "p_monte_carlo", t->p_monte_carlo);
        integer(c, to, "simulated", (long)t->simulated);
        num(c, to, "cramers_v", t->cramers_v);
        num(c, to, "cramers_v_corrected", t->cramers_v_corrected);
        num(c, to, "p_within_questions", sc->p_stratified);
        integer(c, to, "permutations", (long)sc->permutations);
        str(c, to, "within_questions_method", cn_within_method_name(sc->method));
        num(c, to, "cmh_statistic", sc->cmh_statistic);
        num(c, to, "cmh_df", sc->method == CN_WITHIN_CMH ? (double)sc->cmh_df : NAN);
        integer(c, to, "questions_varying", (long)sc->cmh_questions);
        num(c, to, "min_expected", t->min_expected);
        integer(c, to, "cells", (long)t->cells);
        integer(c, to, "cells_expected_below_5", (long)t->cells_expected_below_5);
        boolean(c, to, "small_expected", t->small_expected);
        boolean(c, to, "cochran_ok", t->cochran_ok);
    }
    str(c, o, "conclusion", sc->conclusion);
    str(c, o, "note", cn_fmt_specialty_note());
}

static void header(jctx *c, cJSON *root)
{
    const cn_analysis_result *r = c->r;
    integer(c, root, "schema_version", CN_REPORT_SCHEMA_VERSION);
    cJSON *g = obj(c, root, "generator");
    if (g) {
        str(c, g, "name", "consensus");
        str(c, g, "version", cn_version());
        str(c, g, "rules_sha256", r->rules_sha256);
        integer(c, g, "seed", (long)r->opts.seed);
    }
    cJSON *s = obj(c, root, "settings");
    if (s) {
        const cn_consensus_opts *o = &r->opts.consensus;
        num(c, s, "confidence_level", o->level);
        num(c, s, "strong", o->strong);
        num(c, s, "moderate", o->moderate);
        num(c, s, "weak", o->weak);
        integer(c, s, "min_answers", o->min_answers);
        integer(c, s, "bootstrap", (long)r->opts.bootstrap);
        integer(c, s, "simulate", (long)r->opts.simulate);
        num(c, s, "low_confidence", r->opts.low_confidence);
        str(c, s, "review_order", cn_review_order_name(r->opts.review_order));
    }
    cJSON *cp = obj(c, root, "corpus");
    if (cp) {
        integer(c, cp, "files_read", (long)r->files_read);
        integer(c, cp, "pages", (long)r->pages);
        integer(c, cp, "answers", (long)r->total_answers);
        integer(c, cp, "distinct_answers", (long)r->distinct_answers);
        integer(c, cp, "duplicates", (long)r->duplicates);
        integer(c, cp, "related_excerpts", (long)r->related);
        integer(c, cp, "questions", (long)r->n_questions);
        integer(c, cp, "claims", (long)r->n_claims);
        integer(c, cp, "physicians", (long)r->agreement.physicians);
        integer(c, cp, "overrides", (long)cn_overrides_count(r->opts.overrides));
        integer(c, cp, "overridden_answers", (long)r->n_overridden);
        cJSON *sk = arr(c, cp, "skipped");
        for (size_t i = 0; sk && i < r->n_skipped; i++) {
            cJSON *o = obj(c, sk, NULL);
            if (!o)
                break;
            str(c, o, "file", r->skipped[i].file);
            str(c, o, "reason", r->skipped[i].reason);
        }
    }
    cJSON *um = arr(c, root, "unmatched_overrides");
    for (size_t i = 0; um && i < r->n_unmatched; i++) {
        const cn_override *ov = r->unmatched[i];
        cJSON *o = obj(c, um, NULL);
        if (!o)
            break;
        str(c, o, "answer_id", ov->answer_id);
        str(c, o, "stance", cn_stance_name(ov->stance));
        str(c, o, "editor", ov->editor);
        str(c, o, "note", ov->note);
        integer(c, o, "entry", (long)ov->entry);
    }
}

/* ---- writing report.json piece by piece ----
 * The long arrays (questions, claims, review queue) are built, printed and
 * freed one element at a time, each indented to its depth, so memory holds one
 * element's tree instead of the whole report's. The bytes are those cJSON_Print
 * gives for the whole tree: an object's members on their own lines indented
 * with tabs, "key":<TAB>value, array elements separated by ", ". */

/* text with `tabs` more tabs after each newline (JSON strings hold none raw). */
static void emit_indented(FILE *f, const char *text, int tabs)
{
    static const char TABS[] = "\t\t\t\t";
    const char *p = text;
    for (const char *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        fwrite(p, 1, (size_t)(nl + 1 - p), f);
        fwrite(TABS, 1, (size_t)tabs, f);
    }
    fputs(p, f);
}

/* Every member of holder (filled by one of the functions above) as a member
 * of the top-level object; consumes holder. */
static void emit_members(jctx *c, FILE *f, cJSON *holder, bool last)
{
    for (cJSON *m = holder ? holder->child : NULL; m && !c->oom; m = m->next) {
        char *text = cJSON_Print(m);
        if (!text) {
            c->oom = true;
            break;
        }
        fprintf(f, "\t\"%s\":\t", m->string);
        emit_indented(f, text, 1);
        fputs(last && !m->next ? "\n" : ",\n", f);
        cJSON_free(text);
    }
    if (!holder)
        c->oom = true;
    cJSON_Delete(holder);
}

typedef void (*element_fn)(jctx *c, cJSON *parent, size_t i);

/* A question's answers of one role, as an array's items (NULL: items 0, 1, ...). */
typedef struct role_list {
    size_t q;
    cn_answer_role role;
} role_list;

/* Item i of items: the question's answer of that role, or i itself. */
static size_t item_at(const jctx *c, const role_list *items, size_t i)
{
    return items ? cn_analysis_question_answer(c->r, items->q, items->role, i) : i;
}

/* Elements made by fn one at a time (element i, or item i of items when it is
 * given), each printed as cJSON_Print prints it and indented by depth tabs,
 * separated as cJSON separates array elements: a list of tens of thousands
 * of answers never exists as one tree. */
static void emit_elements(jctx *c, FILE *f, const role_list *items, size_t n, element_fn fn,
                          int depth)
{
    for (size_t i = 0; i < n && !c->oom; i++) {
        cJSON *holder = cJSON_CreateArray();
        if (holder)
            fn(c, holder, item_at(c, items, i));
        char *text = holder && holder->child && !c->oom ? cJSON_Print(holder->child) : NULL;
        cJSON_Delete(holder);
        if (!text) {
            c->oom = true;
            break;
        }
        if (i)
            fputs(", ", f);
        emit_indented(f, text, depth);
        cJSON_free(text);
    }
}

/* One answer list of a question, as the list member cJSON_Print would give
 * at the question's depth. */
static void emit_list(jctx *c, FILE *f, const char *key, const role_list *items, size_t n,
                      element_fn fn)
{
    fprintf(f, ",\n\t\t\t\"%s\":\t[", key);
    emit_elements(c, f, items, n, fn, 4);
    fputc(']', f);
}

/* ---- an answer written directly (cn_jsonpretty) ----
 * The bytes of answer() printed by cJSON_Print, member for member, without
 * the tree: a report holds tens of thousands of answers. */

/* As str(): null, or the text made safe (cn_fmt_clean_text) when it must be. */
static void d_str(jctx *c, cn_jsonpretty *w, const char *key, const char *s)
{
    if (key)
        cn_jsonpretty_key(w, key);
    if (!s) {
        cn_jsonpretty_null(w);
        return;
    }
    size_t len = strlen(s);
    if (cn_jsonpretty_plain_ascii(s, len)) { /* most: ids, names, words */
        cn_jsonpretty_string_plain(w, s, len);
        return;
    }
    if (cn_fmt_text_is_clean(s, len, false)) {
        cn_jsonpretty_string_n(w, s, len);
        return;
    }
    char *clean = cn_fmt_clean_text(s, len, false, NULL);
    if (!clean) {
        c->oom = true;
        cn_jsonpretty_null(w);
        return;
    }
    cn_jsonpretty_string(w, clean);
    free(clean);
}

static void d_integer(cn_jsonpretty *w, const char *key, long v)
{
    char buf[CN_FMT_NUMBER_MAX];
    cn_fmt_long(v, buf);
    cn_jsonpretty_key(w, key);
    cn_jsonpretty_raw(w, buf);
}

static void d_num(cn_jsonpretty *w, const char *key, double v)
{
    char buf[CN_FMT_NUMBER_MAX];
    cn_jsonpretty_key(w, key);
    if (cn_fmt_number(v, buf))
        cn_jsonpretty_raw(w, buf);
    else
        cn_jsonpretty_null(w);
}

static void d_bool(cn_jsonpretty *w, const char *key, bool v)
{
    cn_jsonpretty_key(w, key);
    cn_jsonpretty_bool(w, v);
}

static void d_physician(jctx *c, cn_jsonpretty *w, const cn_physician *p)
{
    cn_jsonpretty_key(w, "physician");
    cn_jsonpretty_open_object(w);
    d_str(c, w, "name", p->name);
    d_str(c, w, "city", p->city);
    d_str(c, w, "specialty", p->specialty);
    if (p->has_rating) {
        d_num(w, "rating", p->rating);
    } else {
        cn_jsonpretty_key(w, "rating");
        cn_jsonpretty_null(w);
    }
    if (p->has_reviews) {
        d_integer(w, "reviews", p->reviews);
    } else {
        cn_jsonpretty_key(w, "reviews");
        cn_jsonpretty_null(w);
    }
    cn_jsonpretty_close_object(w);
}

/* As matched_text(), with src's length known. */
static void d_matched_text(jctx *c, cn_jsonpretty *w, const char *src, size_t len,
                           const cn_evidence *e)
{
    size_t start = e->start <= len ? e->start : len, end = e->end <= len ? e->end : len;
    if (end < start)
        end = start;
    const char *piece = src + start;
    size_t n = end - start;
    /* nearly always clean: quoted where it stands, without a copy (which
     * would end at a NUL byte: not then); a short plain piece needs neither
     * look */
    if (cn_jsonpretty_plain_ascii(piece, n)) {
        cn_jsonpretty_key(w, "text");
        cn_jsonpretty_string_plain(w, piece, n);
        return;
    }
    if (cn_fmt_text_is_clean(piece, n, false) && !memchr(piece, '\0', n)) {
        cn_jsonpretty_key(w, "text");
        cn_jsonpretty_string_n(w, piece, n);
        return;
    }
    char *clean = cn_fmt_clean_text(piece, n, false, NULL);
    if (!clean) {
        c->oom = true;
        return;
    }
    cn_jsonpretty_key(w, "text");
    cn_jsonpretty_string(w, clean);
    free(clean);
}

/* ---- an evidence item in one reservation ----
 * Hundreds of thousands of them, ten members each: the calls above cost
 * more than the bytes. Written here as those calls write them, when every
 * string is clean (otherwise the calls decide). */

/* ",\n" (not before the first member), the tabs and the quoted key with
 * ":\t" (key: its bytes with the quotes, the colon and the tab). */
/* tabs tabs at o; up to 32 of them by one fixed-size copy (the room
 * reserved covers the bytes past them, which the next ones overwrite). */
static char *ev_tabs(char *o, size_t tabs)
{
    static const char TABS[32] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
                                 "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    if (tabs <= sizeof TABS)
        memcpy(o, TABS, sizeof TABS);
    else
        memset(o, '\t', tabs);
    return o + tabs;
}

static char *ev_key(char *o, bool first, size_t tabs, const char *key, size_t key_len)
{
    if (!first) {
        *o++ = ',';
        *o++ = '\n';
    }
    o = ev_tabs(o, tabs);
    memcpy(o, key, key_len);
    return o + key_len;
}
#define EV_KEY(o, first, tabs, lit) ev_key(o, first, tabs, "\"" lit "\":\t", sizeof(lit) + 3)

/* s[0..n), clean, as a JSON string. */
static char *ev_string(char *o, const char *s, size_t n)
{
    if (!cn_jsonpretty_plain_ascii(s, n))
        return cn_json_quote_into(o, s, n);
    *o++ = '"';
    memcpy(o, s, n);
    o += n;
    *o++ = '"';
    return o;
}

/* A name known to be plain (a stance, a kind, an effect). */
static char *ev_name(char *o, const char *s)
{
    size_t n = strlen(s);
    *o++ = '"';
    memcpy(o, s, n);
    o += n;
    *o++ = '"';
    return o;
}

/* True when s[0..n) is clean for JSON as d_str and d_matched_text take it
 * (no copy to make). */
static bool ev_clean(const char *s, size_t n)
{
    return cn_jsonpretty_plain_ascii(s, n) ||
           (cn_fmt_text_is_clean(s, n, false) && !memchr(s, '\0', n));
}

/* The evidence object d_evidence's calls write for e; false (nothing
 * written) when a string needs cleaning or the writer is too deep. */
static bool d_evidence_item(jctx *c, cn_jsonpretty *w, const cn_evidence *e, const char *src,
                            size_t len)
{
    const char *rule = e->rule->id;
    size_t start = e->start <= len ? e->start : len, end = e->end <= len ? e->end : len;
    if (end < start)
        end = start;
    const char *piece = src + start;
    size_t n = end - start, rule_len = rule ? strlen(rule) : 0;
    /* d_str takes a string plain as it is, clean where it stands; the
     * matched text the same way, when it holds no NUL */
    if (!rule || w->level + 1 >= CN_JSONPRETTY_MAX_DEPTH || w->depth < 0 ||
        !(cn_jsonpretty_plain_ascii(rule, rule_len) ||
          cn_fmt_text_is_clean(rule, rule_len, false)) ||
        !ev_clean(piece, n))
        return false;
    cn_jsonpretty_before_value(w);
    size_t tabs = (size_t)w->depth + 1; /* the members' */
    char *o = cn_jsonpretty_room(w, 512 + 10 * (tabs + 24) + 32 + CN_JSON_QUOTED_MAX(rule_len) +
                                        CN_JSON_QUOTED_MAX(n));
    if (!o)
        return true; /* failed: nothing more is written */
    *o++ = '{';
    *o++ = '\n';
    o = EV_KEY(o, true, tabs, "rule");
    o = ev_string(o, rule, rule_len);
    o = EV_KEY(o, false, tabs, "start");
    o += cn_fmt_long((long)e->start, o);
    o = EV_KEY(o, false, tabs, "end");
    o += cn_fmt_long((long)e->end, o);
    o = EV_KEY(o, false, tabs, "in");
    o = ev_name(o, e->in_title ? "title" : "text");
    o = EV_KEY(o, false, tabs, "kind");
    size_t kind_len;
    const char *kind = cn_rule_kind_name_n(e->rule->kind, &kind_len);
    *o++ = '"';
    memcpy(o, kind, kind_len);
    o += kind_len;
    *o++ = '"';
    o = EV_KEY(o, false, tabs, "text");
    o = ev_string(o, piece, n);
    bool cue = e->rule->kind == CN_RULE_CUE;
    o = EV_KEY(o, false, tabs, "stance");
    if (cue) {
        o = ev_name(o, cn_stance_name(e->stance));
    } else {
        memcpy(o, "null", 4);
        o += 4;
    }
    o = EV_KEY(o, false, tabs, "weight");
    size_t k;
    const char *num = cue ? cn_fmt_number_memo(&c->weights, e->weight, &k) : NULL;
    if (num) {
        memcpy(o, num, k);
        o += k;
    } else {
        memcpy(o, "null", 4);
        o += 4;
    }
    o = EV_KEY(o, false, tabs, "effects");
    *o++ = '[';
    bool first = true;
    for (unsigned b = 0; cn_fmt_effect_name(b); b++)
        if (e->flags & (1u << b)) {
            if (!first) {
                *o++ = ',';
                *o++ = ' ';
            }
            first = false;
            o = ev_name(o, cn_fmt_effect_name(b));
        }
    *o++ = ']';
    *o++ = '\n';
    o = ev_tabs(o, tabs - 1);
    *o++ = '}';
    cn_jsonpretty_wrote(w, o);
    return true;
}

/* As evidence(..., true); each text's length taken once. */
static void d_evidence(jctx *c, cn_jsonpretty *w, const cn_answer *ans, const cn_decision *d)
{
    const char *title = ans->title ? ans->title : "", *text = ans->text ? ans->text : "";
    size_t title_len = d->n_evidence ? strlen(title) : 0,
           text_len = d->n_evidence ? strlen(text) : 0;
    cn_jsonpretty_key(w, "evidence");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        if (d_evidence_item(c, w, e, e->in_title ? title : text,
                            e->in_title ? title_len : text_len))
            continue;
        cn_jsonpretty_open_object(w);
        d_str(c, w, "rule", e->rule->id);
        d_integer(w, "start", (long)e->start);
        d_integer(w, "end", (long)e->end);
        d_str(c, w, "in", e->in_title ? "title" : "text");
        d_str(c, w, "kind", cn_rule_kind_name(e->rule->kind));
        d_matched_text(c, w, e->in_title ? title : text, e->in_title ? title_len : text_len, e);
        bool cue = e->rule->kind == CN_RULE_CUE;
        d_str(c, w, "stance", cue ? cn_stance_name(e->stance) : NULL);
        if (cue) {
            d_num(w, "weight", e->weight);
        } else {
            cn_jsonpretty_key(w, "weight");
            cn_jsonpretty_null(w);
        }
        cn_jsonpretty_key(w, "effects");
        cn_jsonpretty_open_array(w);
        for (unsigned b = 0; cn_fmt_effect_name(b); b++)
            if (e->flags & (1u << b))
                d_str(c, w, NULL, cn_fmt_effect_name(b));
        cn_jsonpretty_close_array(w);
        cn_jsonpretty_close_object(w);
    }
    cn_jsonpretty_close_array(w);
}

/* As answer(). */
static void d_answer(jctx *c, cn_jsonpretty *w, size_t idx)
{
    const cn_analysis_answer *a = &c->r->answers[idx];
    const cn_answer *ans = cn_analysis_answer_of(c->r, idx);
    const cn_decision *d = cn_analysis_decision(c->r, idx, 0);
    if (!ans || !d) { /* its question's pages are loaded: never */
        c->oom = true;
        return;
    }
    cn_jsonpretty_open_object(w);
    d_str(c, w, "answer_id", ans->answer_id);
    d_str(c, w, "file", cn_analysis_file_of(c->r, a));
    d_integer(w, "index", (long)ans->index);
    d_str(c, w, "role", cn_answer_role_name(a->role));
    d_physician(c, w, &ans->physician);
    d_str(c, w, "title", ans->title);
    d_str(c, w, "text", ans->text ? ans->text : "");
    d_bool(w, "excerpt", ans->excerpt);
    d_bool(w, "truncated", ans->truncated);
    d_str(c, w, "stance", cn_stance_name(cn_analysis_answer_stance(a)));
    d_num(w, "confidence", cn_analysis_verdict_confidence(c->r, a, 0));
    d_bool(w, "conflicting", d->conflicting);
    cn_jsonpretty_key(w, "scores");
    cn_jsonpretty_open_object(w);
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        d_num(w, cn_stance_name((cn_stance)k), d->scores[k]);
    cn_jsonpretty_close_object(w);
    d_str(c, w, "reason", d->reason);
    d_bool(w, "dissent", a->dissent);
    cn_jsonpretty_key(w, "review");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < CN_REVIEW_REASON_COUNT; i++)
        if (a->review & cn_review_reason_at(i))
            d_str(c, w, NULL, cn_review_reason_name(cn_review_reason_at(i)));
    cn_jsonpretty_close_array(w);
    d_bool(w, "editor_override", a->overridden);
    cn_jsonpretty_key(w, "override");
    const cn_override *ov = a->overridden ? cn_analysis_override(c->r, idx) : NULL;
    if (!ov) {
        cn_jsonpretty_null(w);
    } else {
        const cn_verdict primary = cn_analysis_verdict(c->r, a, 0), *v0 = &primary;
        cn_jsonpretty_open_object(w);
        d_str(c, w, "editor", ov->editor);
        d_str(c, w, "note", ov->note);
        d_str(c, w, "classifier_stance", cn_stance_name(v0->stance));
        d_num(w, "classifier_confidence", v0->confidence);
        d_integer(w, "entry", (long)ov->entry);
        cn_jsonpretty_close_object(w);
    }
    d_evidence(c, w, ans, d);
    cn_jsonpretty_key(w, "claims");
    cn_jsonpretty_open_array(w);
    for (size_t v = 1; v < a->n_verdicts; v++) {
        const cn_decision *dv = cn_analysis_decision(c->r, idx, v);
        if (!dv)
            break; /* as answer(): the claims end there */
        cn_jsonpretty_open_object(w);
        d_str(c, w, "claim", c->r->claims[cn_analysis_verdict(c->r, a, v).claim].id);
        d_str(c, w, "stance", cn_stance_name(dv->stance));
        d_num(w, "confidence", dv->confidence);
        d_bool(w, "conflicting", dv->conflicting);
        d_evidence(c, w, ans, dv);
        cn_jsonpretty_close_object(w);
    }
    cn_jsonpretty_close_array(w);
    cn_jsonpretty_close_object(w);
}

/* ---- a question's and a claim's figures written directly ----
 * The members question() and claim() put in their trees, in the same order,
 * as cJSON_Print prints them. */

static void d_interval(cn_jsonpretty *w, const char *key, double lo, double hi)
{
    cn_jsonpretty_key(w, key);
    if (isnan(lo) || isnan(hi)) {
        cn_jsonpretty_null(w);
        return;
    }
    char buf[CN_FMT_NUMBER_MAX];
    cn_jsonpretty_open_array(w);
    if (cn_fmt_number(lo, buf))
        cn_jsonpretty_raw(w, buf);
    else
        cn_jsonpretty_null(w);
    if (cn_fmt_number(hi, buf))
        cn_jsonpretty_raw(w, buf);
    else
        cn_jsonpretty_null(w);
    cn_jsonpretty_close_array(w);
}

static void d_stance_counts(cn_jsonpretty *w, const char *key, const long counts[])
{
    cn_jsonpretty_key(w, key);
    cn_jsonpretty_open_object(w);
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        d_integer(w, cn_stance_name((cn_stance)k), counts[k]);
    d_integer(w, "none", counts[CN_STANCE_NONE]);
    cn_jsonpretty_close_object(w);
}

static void d_proportion(cn_jsonpretty *w, const char *key, const cn_proportion *p)
{
    cn_jsonpretty_key(w, key);
    cn_jsonpretty_open_object(w);
    d_integer(w, "count", p->count);
    d_integer(w, "n", p->n);
    d_num(w, "estimate", p->estimate);
    d_interval(w, "wilson", p->wilson.lo, p->wilson.hi);
    d_interval(w, "exact", p->exact.lo, p->exact.hi);
    cn_jsonpretty_close_object(w);
}

static void d_consensus(jctx *c, cn_jsonpretty *w, const cn_consensus_result *k)
{
    cn_jsonpretty_key(w, "consensus");
    cn_jsonpretty_open_object(w);
    d_str(c, w, "majority", k->majority == CN_STANCE_NONE ? NULL : cn_stance_name(k->majority));
    d_num(w, "share", k->share);
    d_str(c, w, "level", cn_consensus_level_name(k->level));
    d_bool(w, "tie", k->tie);
    d_integer(w, "answers", k->answers);
    d_integer(w, "stance_answers", k->stance_answers);
    d_str(c, w, "share_level", cn_consensus_level_name(k->share_level));
    cn_jsonpretty_key(w, "interval");
    cn_jsonpretty_open_object(w);
    d_num(w, "lo", k->interval.lo);
    d_num(w, "hi", k->interval.hi);
    d_str(c, w, "method", k->interval_method);
    cn_jsonpretty_close_object(w);
    d_num(w, "p_over_half", k->p_over_half);
    d_num(w, "contested", k->contested);
    cn_jsonpretty_key(w, "p_reach");
    cn_jsonpretty_open_object(w);
    for (int l = CN_CONSENSUS_WEAK; l <= CN_CONSENSUS_STRONG; l++)
        d_num(w, cn_consensus_level_name((cn_consensus_level)l), k->p_reach[l]);
    cn_jsonpretty_close_object(w);
    d_num(w, "ordinal", k->ordinal);
    d_num(w, "entropy", k->entropy);
    cn_jsonpretty_key(w, "relabel");
    cn_jsonpretty_open_object(w);
    d_num(w, "holds", k->relabel_holds);
    d_num(w, "share_lo", k->relabel_share_lo);
    d_num(w, "share_hi", k->relabel_share_hi);
    d_integer(w, "draws", (long)k->relabel_draws);
    d_str(c, w, "method", k->relabel_method);
    cn_jsonpretty_close_object(w);
    cn_jsonpretty_key(w, "p_most_common");
    cn_jsonpretty_open_object(w);
    for (int st = CN_STANCE_REASSURING; st < CN_STANCE_COUNT; st++)
        d_num(w, cn_stance_name((cn_stance)st), k->posterior[st]);
    cn_jsonpretty_close_object(w);
    cn_jsonpretty_close_object(w);
}

/* As tally_fields(). */
static void d_tally_fields(jctx *c, cn_jsonpretty *w, const cn_tally *t)
{
    cn_consensus_result buf;
    const cn_consensus_result *f = cn_tally_consensus(t, &buf);
    d_stance_counts(w, "stance_counts", t->counts);
    cn_jsonpretty_key(w, "proportions");
    cn_jsonpretty_open_object(w);
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        d_proportion(w, cn_stance_name((cn_stance)k), &f->props[k]);
    d_proportion(w, "none", &f->props[CN_STANCE_NONE]);
    cn_jsonpretty_close_object(w);
    d_consensus(c, w, f);
    d_str(c, w, "summary", t->summary);
}

/* The splits of a question or a claim, made when asked for (cn_analysis). */
static void d_specialty_split(jctx *c, cn_jsonpretty *w, const cn_specialty_count *sp, size_t n)
{
    cn_jsonpretty_key(w, "specialties");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < n; i++) {
        cn_jsonpretty_open_object(w);
        d_str(c, w, "specialty", sp[i].specialty);
        long counts[CN_STANCE_COUNT];
        cn_specialty_counts(&sp[i], counts);
        d_integer(w, "answers", cn_specialty_answers(&sp[i]));
        d_stance_counts(w, "stance_counts", counts);
        cn_jsonpretty_close_object(w);
    }
    cn_jsonpretty_close_array(w);
}

static void d_files(jctx *c, cn_jsonpretty *w, const char *const *f, size_t n)
{
    cn_jsonpretty_key(w, "files");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < n; i++)
        d_str(c, w, NULL, f[i]);
    cn_jsonpretty_close_array(w);
}

/* As question(): the question's object left open (its lists follow). */
static void d_question_open(jctx *c, cn_jsonpretty *w, size_t qi)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    const cn_analysis_claim *cl = &c->r->claims[q->claim];
    cn_jsonpretty_open_object(w);
    d_str(c, w, "id", q->id);
    d_str(c, w, "question", q->question);
    d_str(c, w, "body", cn_analysis_question_body(c->r, qi));
    cn_jsonpretty_key(w, "claim");
    cn_jsonpretty_open_object(w);
    d_str(c, w, "id", cl->id);
    d_str(c, w, "statement", cl->statement);
    d_str(c, w, "source", q->claim_source);
    cn_jsonpretty_close_object(w);
    d_str(c, w, "question_type", q->question_type);
    size_t n_files;
    const char *const *files = cn_analysis_question_files(c->r, qi, &n_files);
    d_files(c, w, files, n_files);
    d_integer(w, "answers", (long)q->n_answers);
    d_integer(w, "duplicates", (long)q->n_duplicates);
    d_integer(w, "related_excerpts", (long)q->n_related);
    if (q->declared_answers >= 0) {
        d_integer(w, "declared_answers", q->declared_answers);
    } else {
        cn_jsonpretty_key(w, "declared_answers");
        cn_jsonpretty_null(w);
    }
    d_tally_fields(c, w, &q->tally);
    cn_jsonpretty_key(w, "dissent");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < q->n_answers && q->tally.n_dissent; i++) {
        const cn_analysis_answer *a =
            &c->r->answers[cn_analysis_question_answer(c->r, qi, CN_ROLE_COUNTED, i)];
        if (a->dissent)
            d_str(c, w, NULL, CN_ANSWER_ID(c->r, a));
    }
    cn_jsonpretty_close_array(w);
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_question_specialties(c->r, qi, &n_splits);
    d_specialty_split(c, w, splits, n_splits);
}

/* As claim(): the claim's object left open (its votes follow). */
static void d_claim_open(jctx *c, cn_jsonpretty *w, size_t ci)
{
    const cn_analysis_claim *cl = &c->r->claims[ci];
    cn_jsonpretty_open_object(w);
    d_str(c, w, "id", cl->id);
    d_str(c, w, "statement", cl->statement);
    d_bool(w, "catalog", cl->rule != NULL);
    cn_jsonpretty_key(w, "questions");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < cl->n_questions; i++)
        d_str(c, w, NULL, c->r->questions[cl->questions[i]].id);
    cn_jsonpretty_close_array(w);
    size_t n_files;
    const char *const *files = cn_analysis_claim_files(c->r, cl, &n_files);
    d_files(c, w, files, n_files);
    d_integer(w, "answers", (long)cl->n_primary);
    d_integer(w, "mentions", (long)(cl->n_members - cl->n_primary));
    cn_jsonpretty_key(w, "mention_counts");
    cn_jsonpretty_open_object(w);
    for (int st = 0; st < CN_STANCE_COUNT; st++)
        d_integer(w, cn_stance_name((cn_stance)st), cl->mention_counts[st]);
    cn_jsonpretty_close_object(w);
    d_tally_fields(c, w, cl->tally);
    cn_jsonpretty_key(w, "dissent");
    cn_jsonpretty_open_array(w);
    for (size_t i = 0; i < cl->n_primary && cl->tally->n_dissent; i++) {
        const cn_analysis_answer *a = &c->r->answers[cn_analysis_claim_member(c->r, cl, i).answer];
        if (cn_tally_dissents(cl->tally, cn_analysis_verdict_stance(c->r, a, 0)))
            d_str(c, w, NULL, CN_ANSWER_ID(c->r, a));
    }
    cn_jsonpretty_close_array(w);
    size_t n_splits;
    const cn_specialty_count *splits = cn_analysis_claim_specialties(c->r, cl, &n_splits);
    d_specialty_split(c, w, splits, n_splits);
}

/* As vote(): vote i of the claim being written. */
static void d_vote(jctx *c, cn_jsonpretty *w, size_t i)
{
    const cn_analysis_claim *cl = &c->r->claims[c->claim];
    cn_member m = cn_analysis_claim_member(c->r, cl, i);
    const cn_analysis_answer *a = &c->r->answers[m.answer];
    size_t verdict = m.verdict;
    cn_jsonpretty_open_object(w);
    d_str(c, w, "answer_id", CN_ANSWER_ID(c->r, a));
    d_str(c, w, "question_id", c->r->questions[cn_analysis_answer_question(c->r, a)].id);
    d_str(c, w, "stance", cn_stance_name(cn_analysis_verdict_stance(c->r, a, verdict)));
    d_num(w, "confidence", cn_analysis_verdict_confidence(c->r, a, verdict));
    d_bool(w, "primary", m.verdict == 0);
    cn_jsonpretty_close_object(w);
}

/* Bytes of a question's or claim's figures held at most (about) before they
 * are written out: the largest question at 1 GB (1.28 million answers, 203,575
 * files, 635,485 dissenting answers) took 16 MB here, the last rise of
 * analyze's resident set. */
#define OPEN_HELD (64 * 1024)

/* An object left open by fn at depth 2 (an element of a top-level array):
 * the bytes emit_open_object gives for the tree, streamed into f as they
 * come (a failure fails the whole report, so a part written is no harm). */
/* An item of the review queue, as the tree review_item() made (before this
 * was written directly) printed. */
static void d_review_item(jctx *c, cn_jsonpretty *w, size_t i)
{
    const cn_analysis_result *r = c->r;
    const cn_review_item item = cn_analysis_review_item(r, i), *it = &item;
    const cn_analysis_answer *ans = &r->answers[it->answer];
    cn_jsonpretty_open_object(w);
    d_integer(w, "rank", (long)(i + 1));
    d_str(c, w, "answer_id", CN_ANSWER_ID(r, ans));
    d_str(c, w, "question_id", r->questions[cn_analysis_answer_question(r, ans)].id);
    d_str(c, w, "file", cn_analysis_file_of(c->r, ans));
    d_integer(w, "index", (long)cn_analysis_answer_index(r, ans));
    d_str(c, w, "role", cn_answer_role_name(ans->role));
    d_str(c, w, "physician", cn_analysis_physician(r, it->answer)->name);
    d_str(c, w, "specialty", cn_analysis_physician(r, it->answer)->specialty);
    d_str(c, w, "stance", cn_stance_name(cn_analysis_answer_stance(ans)));
    d_num(w, "confidence", it->confidence);
    d_integer(w, "urgency", it->urgency);
    cn_jsonpretty_key(w, "reasons");
    cn_jsonpretty_open_array(w);
    for (size_t k = 0; k < CN_REVIEW_REASON_COUNT; k++) {
        unsigned flag = cn_review_reason_at(k);
        if (!(it->reasons & flag))
            continue;
        char detail[1400];
        cn_fmt_review_detail(r, it->answer, flag, detail, sizeof detail);
        cn_jsonpretty_open_object(w);
        d_str(c, w, "code", cn_review_reason_name(flag));
        d_str(c, w, "detail", detail);
        cn_jsonpretty_close_object(w);
    }
    cn_jsonpretty_close_array(w);
    cn_jsonpretty_close_object(w);
}

static bool emit_open_direct(jctx *c, FILE *f, cn_jsonpretty *w,
                             void (*fn)(jctx *, cn_jsonpretty *, size_t), size_t i)
{
    cn_jsonpretty_reset(w, 2);
    cn_jsonpretty_sink(w, f, OPEN_HELD);
    fn(c, w, i);
    if (w->failed || c->oom || w->level != 1) {
        c->oom = true;
        return false;
    }
    fwrite(w->s, 1, w->len, f);
    return true;
}

/* Items of an array at depth 4, each written directly by fn (given item i
 * of items, or i when items is NULL) and separated as emit_elements
 * separates them. */
static void emit_items_at(jctx *c, FILE *f, void (*fn)(jctx *, cn_jsonpretty *, size_t),
                          const role_list *items, size_t n, int depth)
{
    cn_jsonpretty w = {0};
    for (size_t i = 0; i < n && !c->oom; i++) {
        cn_jsonpretty_reset(&w, depth);
        fn(c, &w, item_at(c, items, i));
        if (w.failed || c->oom || w.level != 0) {
            c->oom = true;
            break;
        }
        if (i)
            fputs(", ", f);
        fwrite(w.s, 1, w.len, f);
    }
    cn_jsonpretty_clear(&w);
}

static void emit_items(jctx *c, FILE *f, void (*fn)(jctx *, cn_jsonpretty *, size_t),
                       const role_list *items, size_t n)
{
    emit_items_at(c, f, fn, items, n, 4);
}

/* A question's answer list (answers or related), each answer written
 * directly (emit_items). */
static void emit_answer_list(jctx *c, FILE *f, const char *key, const role_list *items, size_t n)
{
    fprintf(f, ",\n\t\t\t\"%s\":\t[", key);
    emit_items(c, f, d_answer, items, n);
    fputc(']', f);
}

/* A question of the top-level array: its figures as one tree, then its three
 * answer lists streamed after them; the bytes cJSON_Print gives for the
 * whole question. */
static void emit_question(jctx *c, FILE *f, size_t qi)
{
    const cn_analysis_question *q = &c->r->questions[qi];
    c->load_rc = cn_analysis_load_question(c->r, qi, &c->load_err);
    if (c->load_rc != CN_OK) {
        c->oom = true;
        return;
    }
    cn_jsonpretty w = {0};
    bool open = emit_open_direct(c, f, &w, d_question_open, qi); /* the lists follow */
    cn_jsonpretty_clear(&w);
    if (!open)
        return;
    emit_answer_list(c, f, "answer_list", &(role_list){qi, CN_ROLE_COUNTED}, q->n_answers);
    emit_list(c, f, "duplicate_list", &(role_list){qi, CN_ROLE_DUPLICATE}, q->n_duplicates,
              duplicate);
    emit_answer_list(c, f, "related_list", &(role_list){qi, CN_ROLE_RELATED}, q->n_related);
    fputs("\n\t\t}", f);
}

/* The top-level "questions" array. */
static void emit_questions(jctx *c, FILE *f)
{
    fputs("\t\"questions\":\t[", f);
    for (size_t i = 0; i < c->r->n_questions && !c->oom; i++) {
        if (i)
            fputs(", ", f);
        emit_question(c, f, i);
    }
    fputs("],\n", f);
    if (c->load_rc == CN_OK && (c->load_rc = cn_analysis_load_status(c->r, &c->load_err)))
        c->oom = true;
    cn_analysis_release(c->r);
}

/* A claim of the top-level array: its figures as one tree, then its votes
 * streamed after them (a catalog claim has a vote from every answer to its
 * questions, hundreds of thousands at a gigabyte); the bytes cJSON_Print
 * gives for the whole claim. */
static void emit_claim(jctx *c, FILE *f, size_t ci)
{
    cn_jsonpretty w = {0};
    bool open = emit_open_direct(c, f, &w, d_claim_open, ci); /* the votes follow */
    cn_jsonpretty_clear(&w);
    if (!open)
        return;
    c->claim = ci;
    fputs(",\n\t\t\t\"votes\":\t[", f);
    emit_items(c, f, d_vote, NULL, c->r->claims[ci].n_members);
    fputc(']', f);
    fputs("\n\t\t}", f);
}

/* The top-level "claims" array. */
static void emit_claims(jctx *c, FILE *f)
{
    fputs("\t\"claims\":\t[", f);
    for (size_t i = 0; i < c->r->n_claims && !c->oom; i++) {
        if (i)
            fputs(", ", f);
        emit_claim(c, f, i);
    }
    fputs("],\n", f);
}

int cn_report_json_write(const cn_analysis_result *r, FILE *f, cn_error *err)
{
    jctx c = {.r = r};
    fputs("{\n", f);
    cJSON *holder = cJSON_CreateObject();
    if (holder)
        header(&c, holder);
    emit_members(&c, f, holder, false);
    emit_questions(&c, f);
    emit_claims(&c, f);
    holder = cJSON_CreateObject();
    if (holder) {
        agreement(&c, holder);
        specialties(&c, holder);
    }
    emit_members(&c, f, holder, false);
    fputs("\t\"review_queue\":\t[", f);
    emit_items_at(&c, f, d_review_item, NULL, r->n_review, 2);
    fputs("]\n", f);
    fputs("}\n", f);
    if (c.load_rc == CN_OK) /* the queue's wording reads conflict scores from disk */
        c.load_rc = cn_analysis_load_status(r, &c.load_err);
    if (c.load_rc != CN_OK) {
        *err = c.load_err;
        return c.load_rc;
    }
    if (c.oom)
        return cn_error_set(err, CN_ERR_NOMEM, "report.json: out of memory");
    if (ferror(f))
        return cn_error_set(err, CN_ERR_IO, "report.json: cannot write");
    return CN_OK;
}

typedef int (*write_fn)(const cn_analysis_result *r, FILE *f, cn_error *err);

/* What write puts into a stream, as a malloc'd text. */
static int render_with(write_fn write, const char *name, const cn_analysis_result *r, char **out,
                       size_t *len, cn_error *err)
{
    char *buf = NULL;
    size_t size = 0;
    *out = NULL;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return cn_error_set(err, CN_ERR_NOMEM, "%s: out of memory", name);
    int rc = write(r, f, err);
    if (fclose(f) != 0 && rc == CN_OK)
        rc = cn_error_set(err, CN_ERR_NOMEM, "%s: out of memory", name);
    if (rc != CN_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    if (len)
        *len = size;
    return CN_OK;
}

int cn_report_json_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err)
{
    return render_with(cn_report_json_write, "report.json", r, out, len, err);
}

/* Replace a number or string member of o in place (keeps its position). */
static void replace_member(jctx *c, cJSON *o, const char *key, cJSON *item)
{
    if (!item || !cJSON_ReplaceItemInObjectCaseSensitive(o, key, item)) {
        cJSON_Delete(item);
        c->oom = true;
    }
}

/* The classify line carries the classifier's stance at the top and in its
 * primary claim's entry; an editor's override replaces both (the classifier's
 * stays in "override"). */
static void apply_override_to_line(jctx *c, cJSON *o, const cn_analysis_answer *a)
{
    const char *stance = cn_stance_name((cn_stance)a->override_stance);
    replace_member(c, o, "stance", cJSON_CreateString(stance));
    replace_member(c, o, "confidence", cJSON_CreateNumber(1));
    cJSON *claims = cJSON_GetObjectItemCaseSensitive(o, "claims");
    cJSON *cl;
    cJSON_ArrayForEach(cl, claims)
    {
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cl, "primary"))) {
            replace_member(c, cl, "stance", cJSON_CreateString(stance));
            replace_member(c, cl, "confidence", cJSON_CreateNumber(1));
        }
    }
}

cJSON *cn_report_answer_line_new(const cn_analysis_result *r, size_t i)
{
    jctx c = {.r = r};
    const cn_analysis_answer *a = &r->answers[i];
    /* The `consensus classify` line, so both commands agree line for line. */
    const cn_page *page = cn_analysis_page_of(r, i);
    const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
    if (!page || !pa) /* not loaded (cn_analysis_load_answer) */
        return NULL;
    cJSON *o = cn_annotation_answer_json(page, cn_analysis_answer_in_page(r, a), pa);
    if (!o)
        return NULL;
    /* The question as grouped by the analysis (de-duplication's unless pages
     * of different question_ids share an answer). */
    cJSON *qid = cJSON_CreateString(r->questions[cn_analysis_answer_question(r, a)].id);
    if (!qid || !cJSON_ReplaceItemInObjectCaseSensitive(o, "question_id", qid)) {
        cJSON_Delete(qid);
        c.oom = true;
    }
    str(&c, o, "role", cn_answer_role_name(a->role));
    if (a->overridden)
        apply_override_to_line(&c, o, a);
    boolean(&c, o, "editor_override", a->overridden);
    override_obj(&c, o, i);
    if (c.oom) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* The end of the JSON string or null that starts at v. */
static const char *json_value_end(const char *v)
{
    if (*v != '"')
        return strncmp(v, "null", 4) ? NULL : v + 4;
    for (v++; *v && *v != '"'; v++)
        if (*v == '\\' && v[1])
            v++;
    return *v == '"' ? v + 1 : NULL;
}

/* The answers.jsonl line of an answer without an editor's override, written
 * from the `classify` line's text (cn_annotation_answer_write) as the tree
 * of cn_report_answer_line_new prints, byte for byte: its question_id value
 * replaced in place, then role, editor_override false and override null
 * appended. No tree, no re-parse. Returns false when the text is not as
 * expected (the caller then takes the tree). line, id: scratch buffers. */
static bool answer_line_direct(const cn_analysis_result *r, size_t i, cn_jsonbuf *line,
                               cn_jsonbuf *id, FILE *f)
{
    const cn_analysis_answer *a = &r->answers[i];
    const char *qid = r->questions[cn_analysis_answer_question(r, a)].id;
    const cn_page *page = cn_analysis_page_of(r, i);
    const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
    if (a->overridden || !page || !pa || cn_analysis_answer_in_page(r, a) >= page->n_answers ||
        !qid)
        return false;
    cn_jsonbuf_reset(line);
    cn_annotation_answer_write(line, page, cn_analysis_answer_in_page(r, a), pa);
    cn_jsonbuf_reset(id);
    cn_jsonbuf_string(id, qid);
    if (line->failed || id->failed || line->len < 2 || line->s[line->len - 1] != '}')
        return false;
    /* The first "question_id": is the top-level key: a quote inside a string
     * is escaped, so the text cannot occur there, and the keys before it are
     * file, index and answer_id. */
    static const char key[] = "\"question_id\":";
    char *at = strstr(line->s, key);
    const char *value = at ? at + sizeof key - 1 : NULL;
    const char *end = value ? json_value_end(value) : NULL;
    if (!end)
        return false;
    const char *role = cn_answer_role_name(a->role);
    fwrite(line->s, 1, (size_t)(value - line->s), f);
    fwrite(id->s, 1, id->len, f);
    fwrite(end, 1, (size_t)(line->s + line->len - 1 - end), f);
    fprintf(f, ",\"role\":\"%s\",\"editor_override\":false,\"override\":null}\n", role);
    return true;
}

int cn_report_answers_write(const cn_analysis_result *r, FILE *f, cn_error *err)
{
    cn_jsonbuf line = {0}, id = {0};
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        rc = cn_analysis_load_answer(r, i, err);
        if (rc != CN_OK)
            break;
        if (!answer_line_direct(r, i, &line, &id, f)) {
            cJSON *o = cn_report_answer_line_new(r, i);
            char *text = o ? cJSON_PrintUnformatted(o) : NULL;
            cJSON_Delete(o);
            if (!text) {
                rc = cn_error_set(err, CN_ERR_NOMEM, "answers.jsonl: out of memory");
                break;
            }
            fputs(text, f);
            fputc('\n', f);
            cJSON_free(text);
        }
        if (ferror(f))
            rc = cn_error_set(err, CN_ERR_IO, "answers.jsonl: cannot write");
    }
    if (rc == CN_OK) /* an override's confidence read from disk */
        rc = cn_analysis_load_status(r, err);
    cn_jsonbuf_clear(&line);
    cn_jsonbuf_clear(&id);
    cn_analysis_release(r);
    return rc;
}

int cn_report_answers_render(const cn_analysis_result *r, char **out, size_t *len, cn_error *err)
{
    return render_with(cn_report_answers_write, "answers.jsonl", r, out, len, err);
}
