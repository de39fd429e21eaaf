/* cn_classifier: cue matching, modifier scopes and the stance decision. */
#include "cn_classifier.h"

#include "cn_sort.h"
#include "cn_doc.h"
#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_matcher.h"
#include "cn_tokens.h"
#include "cn_wait.h"

#include <stdlib.h>
#include <string.h>

/* A rule matched over tokens [first, last]. */
typedef struct hit {
    const cn_rule *rule;
    size_t first, last;
    unsigned sentence; /* of its first token: sentence windows search hits, not tokens */
    bool used;         /* a modifier that affected some cue */
} hit;

typedef struct hits {
    hit *items;
    size_t n, cap;
} hits;

/* Token marks and hits one classification keeps on the stack: enough for
 * most answers, so they cost no allocation (longer ones allocate). */
#define TAKEN_STACK 2048
#define HIT_STACK 96

/* Everything one classification works on. */
typedef struct work {
    const cn_rules *rules;
    const cn_tokens *tokens; /* the doc's */
    const cn_token *items;   /* its tokens as an array (cn_tokens_array) */
    size_t n_items;
    size_t n_title;       /* tokens [0, n_title) come from the title */
    size_t n_counted;     /* tokens the answer counts (its body only, if asked) */
    unsigned char *taken; /* per token: covered by a kept hit (overlap resolution) */
    size_t steps;         /* work done, counted (cn_decision.work) */
    hits by_kind[CN_RULE_KIND_COUNT];
    hits cues;      /* cue hits left after overlap resolution */
    hit *hit_block; /* by_kind's and cues' items: one block, sized up front */
    /* Most answers' marks and hits fit in the caller's stack buffers: taken
     * and hit_block point there then, and are not freed. */
    unsigned char *taken_stack;
    size_t taken_stack_n;
    hit *hit_stack;
    size_t hit_stack_n;
    double title_weight, last_sentence_weight; /* settings read once, not per cue */
} work;

/* Lists are sized before they are filled (collect_hits): a list that is
 * full has a bug behind it, reported as an error rather than written past. */
static int hits_push(hits *h, const cn_rule *rule, size_t first, size_t last, unsigned sentence)
{
    if (h->n == h->cap)
        return -1;
    h->items[h->n++] = (hit){rule, first, last, sentence, false};
    return 0;
}

static void work_clear(work *w)
{
    if (w->taken != w->taken_stack)
        free(w->taken);
    if (w->hit_block != w->hit_stack)
        free(w->hit_block);
}

void cn_decision_clear(cn_decision *d)
{
    if (!d)
        return;
    free(d->evidence);
    d->evidence = NULL;
    d->n_evidence = 0;
    free(d->features);
    d->features = NULL;
    d->n_features = 0;
    free(d->term_hash);
    free(d->term_text);
    d->term_hash = NULL;
    d->term_text = NULL;
    d->n_terms = 0;
}

static const cn_token *tok(const work *w, size_t i)
{
    return i < w->n_items ? &w->items[i] : NULL; /* as cn_tokens_at */
}

/* The per-token marks of overlap resolution. */
static int alloc_marks(work *w)
{
    size_t n = cn_tokens_count(w->tokens);
    if (n + 1 <= w->taken_stack_n) {
        w->taken = w->taken_stack;
        memset(w->taken, 0, n + 1);
    } else if (!(w->taken = calloc(n + 1, 1))) {
        return -1;
    }
    w->steps += n; /* as when every clause's length was counted up front */
    return 0;
}

/* Tokens in the clause of token i. A clause's tokens are consecutive
 * (clause numbers only grow along the text), so this walks that clause
 * alone, and only for the few hits that ask (clause_mostly). */
static size_t clause_length(const work *w, size_t i)
{
    unsigned c = w->items[i].clause;
    size_t lo = i, hi = i + 1;
    while (lo > 0 && w->items[lo - 1].clause == c)
        lo--;
    while (hi < w->n_items && w->items[hi].clause == c)
        hi++;
    return hi - lo;
}

/* Hits are kept in position order, and sentence numbers grow with position:
 * the hits of h that start in sentences [s0, s1] are items [*i0, *i1), found
 * by binary search, so a cue looks at the modifiers of its own sentence only
 * and the work stays linear in the length of the answer. */
static void sentence_window(work *w, const hits *h, unsigned s0, unsigned s1, size_t *i0,
                            size_t *i1)
{
    size_t lo = 0, hi = h->n;
    if (hi == 0) { /* most kinds have no hit in most answers */
        *i0 = *i1 = 0;
        w->steps += 1;
        return;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->items[mid].sentence < s0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *i0 = lo;
    hi = h->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->items[mid].sentence <= s1)
            lo = mid + 1;
        else
            hi = mid;
    }
    *i1 = lo;
    w->steps += *i1 - *i0 + 1;
}

/* The rule hits of the doc (those in the body only, when asked). */
static int collect_hits(work *w, const cn_doc *doc, bool body_only, cn_error *err)
{
    size_t n = 0;
    const cn_match *m = cn_doc_matches(doc, &n);
    /* Count each kind's hits, then give every list (and the cues kept from
     * them) its part of one block: no list grows while it is filled. */
    size_t count[CN_RULE_KIND_COUNT] = {0}, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (body_only && m[i].first < w->n_title)
            continue;
        count[cn_rules_kind_at(w->rules, (size_t)m[i].payload)]++;
        total++;
    }
    size_t need = total + count[CN_RULE_CUE] + 1;
    w->hit_block = need <= w->hit_stack_n ? w->hit_stack : malloc(need * sizeof *w->hit_block);
    if (!w->hit_block)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    size_t at = 0;
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++) {
        w->by_kind[k] = (hits){w->hit_block + at, 0, count[k]};
        at += count[k];
    }
    w->cues = (hits){w->hit_block + at, 0, count[CN_RULE_CUE]};
    int rc = CN_OK;
    for (size_t i = 0; i < n && rc == CN_OK; i++) {
        if (body_only && m[i].first < w->n_title)
            continue;
        const cn_rule *r = cn_rules_at(w->rules, (size_t)m[i].payload);
        cn_rule_kind kind = cn_rules_kind_at(w->rules, (size_t)m[i].payload);
        if (hits_push(&w->by_kind[kind], r, m[i].first, m[i].last, w->items[m[i].first].sentence))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    return rc;
}

static bool overlaps(const hit *a, const hit *b)
{
    return a->first <= b->last && b->first <= a->last;
}

static int longer_first(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    size_t lx = x->last - x->first, ly = y->last - y->first;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->rule->weight != y->rule->weight)
        return x->rule->weight > y->rule->weight ? -1 : 1;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

static int by_position(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

/* Hits in cmp order, ties in their order before. The handful most lists
 * hold are sorted by insertion here, hits moved as hits (cn_sort_stable's
 * copies of items of any size were most of its time); longer lists go to
 * cn_sort_stable. Both are stable, so the order is the same either way. */
static inline void sort_hits(hit *a, size_t n, int (*cmp)(const void *, const void *))
{
    if (n > 16) {
        cn_sort_stable(a, n, sizeof *a, cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        if (cmp(&a[i - 1], &a[i]) <= 0)
            continue;
        hit x = a[i];
        size_t j = i;
        while (j > 0 && cmp(&a[j - 1], &x) > 0) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* Mark the hit's tokens taken unless one already is: overlap resolution in
 * time proportional to the hits' lengths, not to their number squared. */
static bool take_span(work *w, const hit *h)
{
    w->steps += h->last - h->first + 1;
    for (size_t t = h->first; t <= h->last; t++)
        if (w->taken[t])
            return false;
    memset(w->taken + h->first, 1, h->last - h->first + 1);
    return true;
}

/* Of overlapping modifiers of one kind keep the longest ("most likely" over
 * "likely"), so one phrase applies once. */
static int resolve_modifiers(work *w)
{
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++) {
        if (k == CN_RULE_CUE || k == CN_RULE_CLAIM)
            continue;
        hits *h = &w->by_kind[k];
        if (h->n < 2)
            continue;
        sort_hits(h->items, h->n, longer_first);
        size_t kept = 0;
        for (size_t i = 0; i < h->n; i++)
            if (take_span(w, &h->items[i]))
                h->items[kept++] = h->items[i];
        for (size_t i = 0; i < kept; i++) /* free the tokens for the next kind */
            memset(w->taken + h->items[i].first, 0, h->items[i].last - h->items[i].first + 1);
        h->n = kept;
        sort_hits(h->items, h->n, by_position);
    }
    return 0;
}

static bool cue_applies(const work *w, const cn_classify_input *in, const hit *cue);

/* Of overlapping cues keep the longest ("not a concern" over "concern"),
 * among those that apply to this question ("yes" means one thing per type). */
static int resolve_cues(work *w, const cn_classify_input *in)
{
    resolve_modifiers(w);
    hits *all = &w->by_kind[CN_RULE_CUE];
    size_t kept = 0;
    for (size_t i = 0; i < all->n; i++)
        if (cue_applies(w, in, &all->items[i]))
            all->items[kept++] = all->items[i];
    all->n = kept;
    if (all->n)
        sort_hits(all->items, all->n, longer_first);
    for (size_t i = 0; i < all->n; i++)
        if (take_span(w, &all->items[i]) &&
            hits_push(&w->cues, all->items[i].rule, all->items[i].first, all->items[i].last,
                      all->items[i].sentence))
            return -1;
    if (w->cues.n)
        sort_hits(w->cues.items, w->cues.n, by_position);
    return 0;
}

/* A hit of h (in position order) covers tokens [first, last]: only hits of
 * the same sentence can. */
static bool inside_any(work *w, const hits *h, size_t first, size_t last)
{
    size_t i0, i1;
    unsigned s = tok(w, first)->sentence;
    sentence_window(w, h, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++)
        if (h->items[i].first <= first && last <= h->items[i].last)
            return true;
    return false;
}

/* A hit of h (in position order) starts strictly between from and to. */
static bool any_between(work *w, const hits *h, size_t from, size_t to)
{
    size_t lo = 0, hi = h->n;
    while (lo < hi) { /* the first hit starting after from */
        size_t mid = lo + (hi - lo) / 2;
        if (h->items[mid].first <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    w->steps++;
    return lo < h->n && h->items[lo].first < to;
}

/* NegEx: an odd number of negation triggers shortly before the cue in its
 * clause, not cut off by a terminator or contrast, and not a pseudo-negation. */
static bool negated(work *w, const hit *cue)
{
    hits *neg = &w->by_kind[CN_RULE_NEGATION];
    int count = 0;
    size_t i0, i1;
    unsigned s = tok(w, cue->first)->sentence;
    sentence_window(w, neg, s, s, &i0, &i1); /* a trigger reaches within its clause */
    /* A cue that spells its own negation ("I don't offer it", "no evidence")
     * is not flipped again by another one nearby ("I'm not a fan and I don't
     * offer it"). */
    for (size_t i = i0; i < i1; i++)
        if (neg->items[i].first >= cue->first && neg->items[i].last <= cue->last)
            return false;
    for (size_t i = i0; i < i1; i++) {
        hit *t = &neg->items[i];
        if (t->first <= cue->last && cue->first <= t->last)
            continue; /* the cue spells its own negation ("no evidence") */
        /* from/to: the tokens between trigger and cue, in reading order */
        size_t from = t->rule->backward ? cue->last : t->last;
        size_t to = t->rule->backward ? t->first : cue->first;
        if (to <= from)
            continue;
        if (tok(w, from)->clause != tok(w, to)->clause)
            continue;
        if (to - from > (size_t)t->rule->scope)
            continue;
        if (inside_any(w, &w->by_kind[CN_RULE_PSEUDO], t->first, t->last))
            continue;
        if (any_between(w, &w->by_kind[CN_RULE_TERMINATOR], from, to) ||
            any_between(w, &w->by_kind[CN_RULE_CONTRAST], from, to))
            continue;
        t->used = true;
        count++;
    }
    return count % 2 == 1;
}

typedef struct cue_effect {
    cn_stance stance;
    double weight;
    unsigned flags;
} cue_effect;

static void apply_hedges(work *w, const hit *cue, cue_effect *e)
{
    hits *h = &w->by_kind[CN_RULE_HEDGE];
    unsigned s = tok(w, cue->first)->sentence;
    size_t i0, i1;
    sentence_window(w, h, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        hit *t = &h->items[i];
        if (tok(w, t->first)->sentence != s || (t->last >= cue->first && t->first <= cue->last))
            continue;
        if (t->first >= cue->first && !t->rule->whole_sentence)
            continue;
        if (any_between(w, &w->by_kind[CN_RULE_CONTRAST], t->last, cue->first))
            continue;
        t->used = true;
        e->weight *= t->rule->factor;
        e->flags |= CN_EV_HEDGED;
        if (t->rule->has_shift && e->stance == t->rule->shift_from) {
            e->stance = t->rule->shift_to;
            e->flags |= CN_EV_SHIFTED;
        }
    }
}

static void apply_intensifiers(work *w, const hit *cue, cue_effect *e)
{
    hits *h = &w->by_kind[CN_RULE_INTENSIFIER];
    size_t i0, i1;
    unsigned s = tok(w, cue->first)->sentence;
    sentence_window(w, h, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        hit *t = &h->items[i];
        if (t->last >= cue->first || cue->first - t->last > 3 ||
            tok(w, t->last)->clause != tok(w, cue->first)->clause)
            continue;
        t->used = true;
        e->weight *= t->rule->factor;
        e->flags |= CN_EV_INTENSIFIED;
    }
}

/* True when a hit covers at least half the tokens of its clause: a clause
 * that is mostly boilerplate says nothing ("If so, consult your doctor"). */
static bool clause_mostly(const work *w, const hit *h)
{
    size_t n = clause_length(w, h->first);
    return 2 * (h->last - h->first + 1) >= n;
}

static void apply_sentence_modifiers(work *w, const hit *cue, cue_effect *e)
{
    unsigned s = tok(w, cue->first)->sentence, c = tok(w, cue->first)->clause;
    size_t i0, i1;
    hits *x = &w->by_kind[CN_RULE_EXPERIENCE];
    sentence_window(w, x, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        if (tok(w, x->items[i].first)->sentence == s) {
            x->items[i].used = true;
            e->weight *= x->items[i].rule->factor;
            e->flags |= CN_EV_EXPERIENCE;
            break; /* once per sentence */
        }
    }
    hits *hy = &w->by_kind[CN_RULE_HYPOTHETICAL];
    sentence_window(w, hy, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        hit *t = &hy->items[i];
        bool reaches = t->rule->whole_sentence
                           ? tok(w, t->first)->sentence == s
                           : tok(w, t->first)->clause == c && t->first < cue->first;
        /* A conditional that opens the sentence governs all of it ("If X, do Y"). */
        bool opens = t->first == 0 || tok(w, t->first - 1)->sentence != tok(w, t->first)->sentence;
        if (reaches || (opens && tok(w, t->first)->sentence == s && t->first < cue->first)) {
            t->used = true;
            e->weight *= t->rule->factor;
            e->flags |= CN_EV_HYPOTHETICAL;
            break;
        }
    }
    hits *b = &w->by_kind[CN_RULE_BOILERPLATE];
    sentence_window(w, b, s, s, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        if (overlaps(&b->items[i], cue) ||
            (tok(w, b->items[i].first)->clause == c && clause_mostly(w, &b->items[i]))) {
            b->items[i].used = true;
            e->weight = 0;
            e->flags |= CN_EV_BOILERPLATE;
        }
    }
}

/* "X but Y": X weaker, Y stronger; a sentence-initial "However" links to the
 * previous sentence. "Although X, Y": the clause it opens is weaker. */
static void apply_contrast(work *w, const hit *cue, cue_effect *e)
{
    hits *h = &w->by_kind[CN_RULE_CONTRAST];
    const cn_token *ct = tok(w, cue->first);
    size_t i0, i1; /* a contrast reaches its own sentence and the one before it */
    sentence_window(w, h, ct->sentence, ct->sentence + 1, &i0, &i1);
    for (size_t i = i0; i < i1; i++) {
        hit *t = &h->items[i];
        const cn_token *tt = tok(w, t->first);
        if (t->first <= cue->last && cue->first <= t->last)
            continue;
        bool opens_sentence = t->first == 0 || tok(w, t->first - 1)->sentence != tt->sentence;
        double factor = 1.0;
        unsigned flag = 0;
        if (t->rule->direction == CN_CONTRAST_CONCESSIVE) {
            if (tt->sentence != ct->sentence)
                continue;
            bool in_conceded = ct->clause == tok(w, t->last)->clause && cue->first > t->last;
            factor = in_conceded ? t->rule->before : t->rule->after;
            flag = in_conceded ? CN_EV_CONTRAST_BEFORE : CN_EV_CONTRAST_AFTER;
        } else if (tt->sentence == ct->sentence) {
            bool before = cue->last < t->first;
            if (before && opens_sentence)
                continue;
            factor = before ? t->rule->before : t->rule->after;
            flag = before ? CN_EV_CONTRAST_BEFORE : CN_EV_CONTRAST_AFTER;
        } else if (opens_sentence && ct->sentence + 1 == tt->sentence) {
            factor = t->rule->before;
            flag = CN_EV_CONTRAST_BEFORE;
        } else {
            continue;
        }
        t->used = true;
        e->weight *= factor;
        e->flags |= flag;
    }
}

/* Sentences that mention the claim's topics (for secondary claims). */
static bool sentence_on_topic(work *w, const cn_rule *claim, unsigned sentence)
{
    hits *h = &w->by_kind[CN_RULE_CLAIM];
    size_t i0, i1;
    sentence_window(w, h, sentence, sentence, &i0, &i1);
    for (size_t i = i0; i < i1; i++)
        if (h->items[i].rule == claim)
            return true;
    return false;
}

/* Cues tied to a question type ("Yes" answers a permission question with
 * reassurance, a harm question with caution) or to a sentence start. */
static bool cue_applies(const work *w, const cn_classify_input *in, const hit *cue)
{
    const cn_rule *r = cue->rule;
    if (r->only && (!in->question_type || strcmp(r->only, in->question_type)))
        return false;
    if (r->anchored && cue->first > 0 &&
        tok(w, cue->first - 1)->sentence == tok(w, cue->first)->sentence)
        return false;
    return true;
}

static cn_stance swap_poles(cn_stance s)
{
    return s == CN_STANCE_REASSURING        ? CN_STANCE_CONTRAINDICATED
           : s == CN_STANCE_CONTRAINDICATED ? CN_STANCE_REASSURING
                                            : s;
}

static cue_effect evaluate_cue(work *w, const cn_classify_input *in, const hit *cue,
                               unsigned last_cue_sentence)
{
    const cn_rule *r = cue->rule;
    cue_effect e = {r->stance, r->weight, 0};
    /* "Can I skip the antiviral?": the practice asked about is leaving
     * something out, so "keep taking it" advises against it. */
    if (r->flip_on && in->question_type && !strcmp(r->flip_on, in->question_type))
        e.stance = swap_poles(e.stance);
    if (r->negatable && negated(w, cue)) {
        e.flags |= CN_EV_NEGATED;
        if (r->negated_drop)
            e.weight = 0;
        else
            e.stance = e.stance == r->stance ? r->negated : swap_poles(r->negated);
    }
    apply_hedges(w, cue, &e);
    apply_intensifiers(w, cue, &e);
    apply_contrast(w, cue, &e);
    apply_sentence_modifiers(w, cue, &e);
    if (cue->first < w->n_title)
        e.weight *= w->title_weight;
    else if (tok(w, cue->first)->sentence == last_cue_sentence) {
        e.weight *= w->last_sentence_weight;
        e.flags |= CN_EV_LAST_SENTENCE;
    }
    return e;
}

static int push_evidence(cn_decision *d, size_t *cap, const work *w, const hit *h,
                         const cue_effect *e)
{
    if (d->n_evidence == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        cn_evidence *ev = realloc(d->evidence, c * sizeof *ev);
        if (!ev)
            return -1;
        d->evidence = ev;
        *cap = c;
    }
    bool in_title = h->first < w->n_title;
    d->evidence[d->n_evidence++] = (cn_evidence){
        .rule = h->rule,
        .in_title = in_title,
        .start = tok(w, h->first)->start,
        .end = tok(w, h->last)->end,
        .stance = e ? e->stance : CN_STANCE_NONE,
        .weight = e ? e->weight : 0,
        .flags = e ? e->flags : 0,
    };
    return 0;
}

static int evidence_cmp(const void *a, const void *b)
{
    const cn_evidence *x = a, *y = b;
    if (x->in_title != y->in_title)
        return x->in_title ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->rule->kind != y->rule->kind)
        return x->rule->kind == CN_RULE_CUE ? -1 : (y->rule->kind == CN_RULE_CUE ? 1 : 0);
    return strcmp(x->rule->id, y->rule->id);
}

/* Sort evidence by evidence_cmp, ties kept in their order (evidence_cmp leaves
 * ties, and qsort would not promise their order on every C library): short
 * lists by insertion here, as sort_hits does, longer ones by cn_sort_stable. */
static void sort_evidence(cn_evidence *a, size_t n)
{
    if (n > 16) {
        cn_sort_stable(a, n, sizeof *a, evidence_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        if (evidence_cmp(&a[i - 1], &a[i]) <= 0)
            continue;
        cn_evidence x = a[i];
        size_t j = i;
        while (j > 0 && evidence_cmp(&a[j - 1], &x) > 0) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* advice_against: the contraindicated weight that came from explicit
 * recommendations (advice=yes cues), which alone can override (rule 3). */
static void decide(const cn_rules *rules, const cn_classify_input *in, double advice_against,
                   double hedged_caution, cn_decision *d)
{
    double *s = d->scores;
    double total = s[1] + s[2] + s[3];
    double threshold = cn_rules_setting_at(rules, CN_SETTING_NONE_THRESHOLD);
    if (in->related) {
        d->stance = CN_STANCE_NONE;
        d->confidence = 0.9;
        d->reason = "related-question excerpt: no stance on this question";
        return;
    }
    if (in->title_only) {
        d->stance = CN_STANCE_NONE;
        d->confidence = 1.0;
        d->reason = "the page ends after this answer's title: no stance";
        return;
    }
    if (total < threshold) {
        d->stance = CN_STANCE_NONE;
        d->confidence = 0.5 + 0.5 * (1.0 - total / threshold);
        d->reason = total > 0 ? "cues too weak for a stance" : "no stance cues";
        return;
    }
    /* Ties go to the more cautious label. */
    cn_stance top = CN_STANCE_CONTRAINDICATED;
    for (int k = CN_STANCE_CAUTIONARY; k >= CN_STANCE_REASSURING; k--)
        if (s[k] > s[top])
            top = (cn_stance)k;
    double second = 0;
    for (int k = 1; k < CN_STANCE_COUNT; k++)
        if (k != (int)top && s[k] > second)
            second = s[k];
    d->stance = top;
    d->reason = "strongest stance";
    if (top != CN_STANCE_CONTRAINDICATED && advice_against > 0 &&
        advice_against >= cn_rules_setting_at(rules, CN_SETTING_ADVICE_MARGIN) * s[top]) {
        d->stance = CN_STANCE_CONTRAINDICATED;
        d->reason = "advice against beats caveats";
    } else if (top == CN_STANCE_REASSURING && hedged_caution > 0 &&
               hedged_caution >= cn_rules_setting_at(rules, CN_SETTING_CAUTION_MARGIN) * s[top]) {
        d->stance = CN_STANCE_CAUTIONARY;
        d->reason = "hedged risk is cautionary";
    }
    d->confidence =
        s[d->stance] / (total + cn_rules_setting_at(rules, CN_SETTING_CONFIDENCE_PRIOR));
    d->conflicting = second >= cn_rules_setting_at(rules, CN_SETTING_CONFLICT_RATIO) * s[top];
}

/* The cues that counted, one entry per cue rule (few per answer): on the
 * caller's stack until they outgrow it. */
typedef struct cue_list {
    cn_model_cue *v;
    size_t n, cap;
    bool on_heap; /* v was malloc'd */
    bool oom;
} cue_list;

static cn_model_cue *cue_slot(cue_list *l, size_t index)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].index == index)
            return &l->v[i];
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        cn_model_cue *v = l->on_heap ? realloc(l->v, cap * sizeof *v) : malloc(cap * sizeof *v);
        if (!v) {
            l->oom = true;
            return NULL;
        }
        if (!l->on_heap && l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
        l->on_heap = true;
    }
    l->v[l->n] = (cn_model_cue){index, 0, 0};
    return &l->v[l->n++];
}

/* What one counted cue adds to the decision model's inputs. */
static void model_add(const work *w, const hit *cue, const cue_effect *e, unsigned first_body,
                      cn_model_input *mi, cue_list *cues)
{
    if (e->weight <= 0)
        return;
    mi->score[e->stance] += e->weight;
    if (cue->first < w->n_title)
        mi->title[e->stance] += e->weight;
    else if (tok(w, cue->first)->sentence == first_body)
        mi->first[e->stance] += e->weight;
    if (e->flags & CN_EV_LAST_SENTENCE)
        mi->last[e->stance] += e->weight;
    if (e->flags & CN_EV_HYPOTHETICAL)
        mi->conditional[e->stance] += e->weight;
    cn_model_cue *slot = cue_slot(cues, cue->rule->cue_index);
    if (slot && e->stance == cue->rule->stance)
        slot->own += e->weight;
    else if (slot)
        slot->turned += e->weight;
}

/* The longest wait the answer advises, in days (0: none): each side=answer
 * `wait` phrase with a duration next to it becomes evidence spanning both
 * ("wait 6 weeks"). The longest, since an answer that also names shorter
 * steps ("walk after 2 days, no lifting for 6 weeks") holds the asker back
 * until its longest wait. */
static double answer_wait(work *w)
{
    double best = 0;
    hits *h = &w->by_kind[CN_RULE_WAIT];
    for (size_t i = 0; i < h->n; i++) {
        hit *x = &h->items[i];
        double days;
        size_t sf, sl;
        if (!x->rule->wait_answer || !cn_wait_duration(w->rules, x->rule, w->items, w->n_items,
                                                       x->first, x->last, &days, &sf, &sl))
            continue;
        x->used = true;
        x->first = sf;
        x->last = sl;
        best = days > best ? days : best;
    }
    return best;
}

/* ---- the word terms of the decision model's lexical block ---- */

/* One of 64 bits for a word hash (its top bits, mixed: FNV's low ones are
 * weak). */
static uint64_t question_bit(uint64_t hash)
{
    return (uint64_t)1 << ((hash * 0x9E3779B97F4A7C15ULL) >> 58);
}

/* Mark each counted token: in a negation's scope (after a forward trigger
 * that is not a pseudo-negation, to the end of its clause or a terminator)
 * and a content word of the question. A mark the terms do not use (o) is
 * not looked for: the shipped settings leave negation out, and its scopes
 * were work for every answer. */
static void lexical_marks(work *w, const cn_classify_input *in, size_t from,
                          const cn_lexical_opts *o, unsigned char *marks)
{
    /* A bit of each question word's hash: most tokens have none of them set
     * and are no question word, without a compare with each. */
    uint64_t qbits = 0;
    for (size_t q = 0; o->placeholder && q < in->n_question_words; q++)
        qbits |= question_bit(in->question_words[q]);
    /* no question word to look for (secondary claims): no token has one */
    if (!qbits && from < w->n_items)
        memset(marks + from, 0, w->n_items - from);
    for (size_t t = from; qbits && t < w->n_items; t++) {
        marks[t] = 0;
        if (!(qbits & question_bit(w->items[t].hash)))
            continue;
        for (size_t q = 0; q < in->n_question_words; q++)
            if (w->items[t].hash == in->question_words[q])
                marks[t] = CN_LEX_QUESTION;
    }
    if (!o->negation)
        return;
    /* words_negation 2: the cues' scope (negated): at most the trigger's
     * scope= tokens, and a contrast ends it too */
    bool cue_scope = cn_rules_setting_at(w->rules, CN_SETTING_WORDS_NEGATION) >= 2;
    const hits *neg = &w->by_kind[CN_RULE_NEGATION], *term = &w->by_kind[CN_RULE_TERMINATOR];
    const hits *contrast = &w->by_kind[CN_RULE_CONTRAST];
    for (size_t i = 0; i < neg->n; i++) {
        const hit *h = &neg->items[i];
        if (h->rule->backward || inside_any(w, &w->by_kind[CN_RULE_PSEUDO], h->first, h->last))
            continue;
        unsigned clause = w->items[h->last].clause;
        size_t end = cue_scope ? h->last + 1 + (size_t)h->rule->scope : w->n_items;
        for (size_t t = h->last + 1; t < w->n_items && t < end && w->items[t].clause == clause;
             t++) {
            bool ends = false;
            for (size_t j = 0; j < term->n && !ends; j++)
                ends = term->items[j].first == t;
            for (size_t j = 0; cue_scope && j < contrast->n && !ends; j++)
                ends = contrast->items[j].first == t;
            if (ends)
                break;
            marks[t] |= CN_LEX_NEGATED;
        }
    }
}

/* What the term callback fills: the vocabulary entries found and, for `rules
 * fit`, every term's hash and text. */
typedef struct term_sink {
    const cn_model *m;
    size_t *found, n_found, cap_found; /* each entry once, in the order first found */
    size_t *found_stack;
    /* the entries found, told by the caller's stamps (cn_term_seen) when it
     * keeps them: stamp[idx] == now */
    uint32_t *stamp, now;
    /* else as an open-addressing set of index + 1 (0: empty), so a repeated
     * term costs a probe, not a sort */
    uint32_t *set, *set_stack;
    size_t set_cap;    /* a power of two, more than twice n_found */
    cn_decision *keep; /* NULL unless keeping the terms */
    size_t cap_terms, text_len, cap_text;
    bool oom;
} term_sink;

/* The set's slot for vocabulary index idx: where it is, or the empty slot
 * where it goes. */
static uint32_t *set_slot(uint32_t *set, size_t cap, size_t idx)
{
    size_t i = (size_t)(((uint64_t)idx * 0x9E3779B97F4A7C15ULL) >> 32) & (cap - 1);
    while (set[i] && set[i] != (uint32_t)idx + 1)
        i = (i + 1) & (cap - 1);
    return &set[i];
}

/* Slots of the set on the stack. */
#define SET_STACK 1024

/* The set's first size for a text of n tokens: a power of two above twice
 * the entries it can get (a unigram and a bigram a token) so it never grows
 * for most texts, and no larger, since lexical_terms clears all of it for
 * every decision. */
static size_t set_cap_for(size_t n)
{
    size_t cap = 16;
    while (cap < SET_STACK && cap < 4 * n + 4)
        cap *= 2;
    return cap;
}

/* Double the set (the stack's first, then the heap), re-placing the entries
 * found; false when memory runs out. */
static bool set_grow(term_sink *s)
{
    size_t cap = s->set_cap * 2;
    uint32_t *v = calloc(cap, sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < s->n_found; i++)
        *set_slot(v, cap, s->found[i]) = (uint32_t)s->found[i] + 1;
    if (s->set != s->set_stack)
        free(s->set);
    s->set = v;
    s->set_cap = cap;
    return true;
}

/* Entry idx, not found before, after the set or found has grown as needed:
 * the rare path of add_found, kept out of line so on_term stays small (it
 * runs for every term of every answer). */
__attribute__((noinline)) static void add_found_growing(term_sink *s, size_t idx)
{
    if (!s->stamp && 2 * (s->n_found + 1) >= s->set_cap && !set_grow(s)) {
        s->oom = true;
        return;
    }
    if (!s->stamp)
        *set_slot(s->set, s->set_cap, idx) = (uint32_t)idx + 1;
    if (s->n_found == s->cap_found) { /* the stack's entries first, then the heap */
        size_t cap = s->cap_found * 2;
        size_t *v = s->found == s->found_stack ? malloc(cap * sizeof *v)
                                               : realloc(s->found, cap * sizeof *v);
        if (!v) {
            s->oom = true;
            return;
        }
        if (s->found == s->found_stack)
            memcpy(v, s->found, s->n_found * sizeof *v);
        s->found = v;
        s->cap_found = cap;
    }
    s->found[s->n_found++] = idx;
}

/* Entry idx, not found before; slot is its (empty) place in the set. */
static void add_found(term_sink *s, uint32_t *slot, size_t idx)
{
    if (2 * (s->n_found + 1) >= s->set_cap || s->n_found == s->cap_found) {
        add_found_growing(s, idx);
        return;
    }
    *slot = (uint32_t)idx + 1;
    s->found[s->n_found++] = idx;
}

/* The term's hash and text into the decision (for `rules fit`). */
__attribute__((noinline)) static void keep_term(term_sink *s, uint64_t hash, const char *text,
                                                size_t len)
{
    cn_decision *d = s->keep;
    if (!cn_grow((void **)&d->term_hash, &s->cap_terms, d->n_terms + 1, sizeof *d->term_hash) ||
        !cn_grow((void **)&d->term_text, &s->cap_text, s->text_len + len + 1, 1)) {
        s->oom = true;
        return;
    }
    d->term_hash[d->n_terms++] = hash;
    memcpy(d->term_text + s->text_len, text, len);
    d->term_text[s->text_len + len] = '\0';
    s->text_len += len + 1;
}

/* Entry idx, told found by its stamp, not found before. */
static void add_stamped(term_sink *s, size_t idx)
{
    s->stamp[idx] = s->now;
    if (s->n_found == s->cap_found) {
        add_found_growing(s, idx);
        return;
    }
    s->found[s->n_found++] = idx;
}

static void on_term(void *ctx, uint64_t hash, long term, const char *text, size_t len)
{
    term_sink *s = ctx;
    long idx = term != CN_LEX_TERM_UNKNOWN ? term : cn_model_word_find(s->m, hash);
    if (idx >= 0 && s->stamp) {
        if (s->stamp[idx] != s->now)
            add_stamped(s, (size_t)idx);
    } else if (idx >= 0) {
        uint32_t *slot = set_slot(s->set, s->set_cap, (size_t)idx);
        if (*slot == 0)
            add_found(s, slot, (size_t)idx);
    }
    if (s->keep && text)
        keep_term(s, hash, text, len);
}

void cn_term_seen_clear(cn_term_seen *seen)
{
    if (!seen)
        return;
    free(seen->stamp);
    *seen = (cn_term_seen){0};
}

/* A stamp of its own for this call, the stamps sized for a vocabulary of n
 * entries (a stamp 0 is never a call's: fresh entries are found by none);
 * -1 when memory runs out. */
static int next_stamp(cn_term_seen *seen, size_t n)
{
    if (seen->n < n) {
        uint32_t *stamp = calloc(n, sizeof *stamp);
        if (!stamp)
            return -1;
        free(seen->stamp);
        *seen = (cn_term_seen){stamp, n, 0};
    }
    if (++seen->now == 0) { /* after 2^32 - 1 calls: every stamp is old again */
        memset(seen->stamp, 0, seen->n * sizeof *seen->stamp);
        seen->now = 1;
    }
    return 0;
}

/* The question's own terms, the answer's too (cn_classify_input.question_terms). */
static void question_terms(const cn_classify_input *in, term_sink *s)
{
    const char *text = in->keep_features ? in->question_term_text : NULL;
    for (size_t i = 0; i < in->n_question_terms; i++) {
        size_t len = text ? strlen(text) : 0;
        on_term(s, in->question_terms[i], CN_LEX_TERM_UNKNOWN, text, len);
        if (text)
            text += len + 1;
    }
}

/* The end of the lead (setting words_lead, cn_lexical_opts.lead_end): the
 * title's tokens from `from` on and those of the body's first words_lead
 * sentences; 0 when the setting is 0. */
static size_t lead_end(const work *w, size_t from)
{
    double k = cn_rules_setting_at(w->rules, CN_SETTING_WORDS_LEAD);
    if (k < 1)
        return 0;
    size_t t = from > w->n_title ? from : w->n_title;
    if (t >= w->n_items)
        return w->n_items;
    /* sentence numbers only grow along the text */
    unsigned last = w->items[t].sentence + (unsigned)k - 1;
    while (t < w->n_items && w->items[t].sentence <= last)
        t++;
    return t;
}

/* The answer's word terms: the vocabulary entries present into mi (each once,
 * in the order first found; s->found, which the caller frees when it is not found_stack),
 * and with keep_features every term into d. Nothing to do, and nothing done,
 * for a model without words unless the terms are kept. */
__attribute__((flatten)) static int lexical_terms(work *w, const cn_classify_input *in,
                                                  cn_model_input *mi, cn_decision *d, term_sink *s)
{
    const cn_model *m = cn_rules_model(w->rules);
    if (cn_model_words(m) == 0 && !in->keep_features)
        return CN_OK;
    if (in->seen && next_stamp(in->seen, cn_model_words(m)) == 0) {
        s->stamp = in->seen->stamp;
        s->now = in->seen->now;
    } else if (in->seen) {
        return -1;
    } else {
        memset(s->set, 0, s->set_cap * sizeof *s->set);
    }
    size_t from = in->body_only ? w->n_title : 0;
    unsigned char mark_stack[TAKEN_STACK];
    unsigned char *marks = w->n_items <= TAKEN_STACK ? mark_stack : malloc(w->n_items);
    if (!marks)
        return -1;
    cn_lexical_opts o = {.negation = cn_rules_setting_at(w->rules, CN_SETTING_WORDS_NEGATION) != 0,
                         .placeholder =
                             cn_rules_setting_at(w->rules, CN_SETTING_WORDS_PLACEHOLDER) != 0,
                         .bigrams = cn_rules_setting_at(w->rules, CN_SETTING_WORDS_BIGRAMS) != 0,
                         .token_terms = cn_rules_token_terms(w->rules),
                         .lead_end = lead_end(w, from)};
    lexical_marks(w, in, from, &o, marks);
    s->keep = in->keep_features ? d : NULL;
    cn_lexical_terms(w->items, marks, from, w->n_items, &o, in->keep_features, on_term, s);
    if (marks != mark_stack)
        free(marks);
    question_terms(in, s);
    if (in->choice && in->choice->n >= 2) {
        /* the same tokens, read for the question's options */
        cn_choice_answer(w->rules, in->choice, w->items, from, w->n_items, w->n_title, &d->choice);
        const char *terms[4];
        cn_choice_terms(&d->choice, terms);
        for (size_t i = 0; terms[i]; i++) {
            size_t len = strlen(terms[i]);
            on_term(s, cn_hash_bytes(terms[i], len), CN_LEX_TERM_UNKNOWN,
                    in->keep_features ? terms[i] : NULL, in->keep_features ? len : 0);
        }
    }
    if (s->oom)
        return -1;
    mi->words = s->found;
    mi->n_words = s->n_found;
    return CN_OK;
}

/* When the rule set has weights, the model's label replaces the hand-written
 * one; the full feature vector is kept only when asked (for `rules fit`),
 * since its length grows with the number of cue rules. */
static int decide_with_terms(const work *w, const cn_classify_input *in, cn_model_input *mi,
                             cn_decision *d, cn_error *err);

static int decide_learned(work *w, const cn_classify_input *in, cn_model_input *mi, cn_decision *d,
                          cn_error *err)
{
    const cn_model *m = cn_rules_model(w->rules);
    size_t found_stack[256];
    uint32_t set_stack[SET_STACK]; /* cleared by lexical_terms when it is used */
    term_sink sink = {.m = m,
                      .found = found_stack,
                      .cap_found = 256,
                      .found_stack = found_stack,
                      .set = set_stack,
                      .set_stack = set_stack,
                      .set_cap = set_cap_for(w->n_items)};
    int rc = lexical_terms(w, in, mi, d, &sink);
    if (rc == CN_OK)
        rc = decide_with_terms(w, in, mi, d, err);
    else
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (sink.found != found_stack)
        free(sink.found);
    if (sink.set != set_stack)
        free(sink.set);
    return rc;
}

static int decide_with_terms(const work *w, const cn_classify_input *in, cn_model_input *mi,
                             cn_decision *d, cn_error *err)
{
    const cn_model *m = cn_rules_model(w->rules);
    mi->tokens = w->n_counted;
    mi->question_type = in->question_type;
    mi->flags = in->question_flags;
    mi->n_flags = in->n_question_flags;
    if (in->keep_features) {
        size_t nf = cn_model_features(m);
        d->features = calloc(nf, sizeof *d->features);
        if (!d->features)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        d->n_features = nf;
        cn_model_vector(m, mi, d->features);
    }
    if (!cn_model_active(m) || in->related || in->title_only)
        return CN_OK;
    /* the settings' offsets, plus those of the classifier's question type */
    cn_rules_decision_offsets(w->rules, in->question_flags, in->n_question_flags, mi->offset);
    double p[CN_STANCE_COUNT];
    d->stance = cn_model_decide(m, mi, p, &d->deciding_feature);
    /* Calibration: the label is chosen before, and tempering keeps order. */
    cn_model_temper(p, cn_rules_setting_at(w->rules, CN_SETTING_CONFIDENCE_TEMPERATURE));
    memcpy(d->probability, p, sizeof p);
    d->confidence = p[d->stance];
    d->reason = "weighted rule features (decision.rules)";
    return CN_OK;
}

int cn_classify_answer(const cn_rules *rules, const cn_classify_input *in, cn_decision *out,
                       cn_error *err)
{
    memset(out, 0, sizeof *out);
    unsigned char taken_stack[TAKEN_STACK];
    hit hit_stack[HIT_STACK];
    work w = {.rules = rules,
              .title_weight = cn_rules_setting_at(rules, CN_SETTING_TITLE_WEIGHT),
              .last_sentence_weight = cn_rules_setting_at(rules, CN_SETTING_LAST_SENTENCE_WEIGHT),
              .taken_stack = taken_stack,
              .taken_stack_n = sizeof taken_stack,
              .hit_stack = hit_stack,
              .hit_stack_n = sizeof hit_stack / sizeof *hit_stack};
    /* Without a doc (a caller with plain strings): make one for this call. */
    cn_doc *own = NULL;
    const cn_doc *doc = in->doc;
    int rc = CN_OK;
    if (!doc && (rc = cn_doc_new(rules, in->title, in->text, &own, err)) != CN_OK)
        return rc;
    if (!doc)
        doc = own;
    w.tokens = cn_doc_tokens(doc);
    w.items = cn_tokens_array(w.tokens);
    w.n_items = cn_tokens_count(w.tokens);
    w.n_title = cn_doc_title_tokens(doc);
    w.n_counted = cn_tokens_count(w.tokens) - (in->body_only ? w.n_title : 0);
    rc = alloc_marks(&w) ? cn_error_set(err, CN_ERR_NOMEM, "out of memory") : CN_OK;
    if (rc == CN_OK)
        rc = collect_hits(&w, doc, in->body_only, err);
    if (rc == CN_OK && resolve_cues(&w, in))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    size_t cap = 0;
    double advice_against = 0, hedged_caution = 0;
    cn_model_input mi;
    memset(&mi, 0, sizeof mi);
    cn_model_cue cue_stack[16];
    cue_list cues = {.v = cue_stack, .cap = sizeof cue_stack / sizeof *cue_stack};
    unsigned last_cue_sentence = (unsigned)-1, first_body = (unsigned)-1;
    if (rc == CN_OK && w.n_title < cn_tokens_count(w.tokens))
        first_body = tok(&w, w.n_title)->sentence;
    for (size_t i = 0; rc == CN_OK && i < w.cues.n; i++)
        if (w.cues.items[i].first >= w.n_title)
            last_cue_sentence = tok(&w, w.cues.items[i].first)->sentence;
    for (size_t i = 0; rc == CN_OK && i < w.cues.n; i++) {
        hit *cue = &w.cues.items[i];
        if (in->topic_claim &&
            !sentence_on_topic(&w, in->topic_claim, tok(&w, cue->first)->sentence))
            continue;
        cue_effect e = evaluate_cue(&w, in, cue, last_cue_sentence);
        out->scores[e.stance] += e.weight;
        /* Conditional or future advice ("if X, stop"; "from now on") is not
         * the recommendation for the case asked about, and advice a "but"
         * takes back ("I would not recommend it. But ...") is not the bottom line. */
        if (cue->rule->advice && e.stance == CN_STANCE_CONTRAINDICATED &&
            !(e.flags & (CN_EV_HYPOTHETICAL | CN_EV_CONTRAST_BEFORE)))
            advice_against += e.weight;
        if (cue->rule->caution && e.stance == CN_STANCE_CAUTIONARY)
            hedged_caution += e.weight;
        model_add(&w, cue, &e, first_body, &mi, &cues);
        if (push_evidence(out, &cap, &w, cue, &e))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (rc == CN_OK) {
        mi.wait_days = out->wait_days = answer_wait(&w);
        out->asker_days = in->asker_days;
    }
    for (int k = 0; rc == CN_OK && k < CN_RULE_KIND_COUNT; k++) {
        if (k == CN_RULE_CUE || k == CN_RULE_CLAIM)
            continue;
        for (size_t i = 0; i < w.by_kind[k].n && rc == CN_OK; i++)
            if (w.by_kind[k].items[i].used &&
                push_evidence(out, &cap, &w, &w.by_kind[k].items[i], NULL))
                rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (rc == CN_OK) {
        if (out->n_evidence)
            sort_evidence(out->evidence, out->n_evidence);
        decide(rules, in, advice_against, hedged_caution, out);
        mi.advice_against = advice_against;
        mi.hedged_caution = hedged_caution;
        mi.asker_days = in->asker_days;
        mi.cues = cues.v;
        mi.n_cues = cues.n;
        rc = cues.oom ? cn_error_set(err, CN_ERR_NOMEM, "out of memory")
                      : decide_learned(&w, in, &mi, out, err);
    }
    out->work = w.steps + cn_tokens_count(w.tokens);
    if (rc != CN_OK)
        cn_decision_clear(out);
    if (cues.on_heap)
        free(cues.v);
    work_clear(&w);
    cn_doc_free(own);
    return rc;
}
