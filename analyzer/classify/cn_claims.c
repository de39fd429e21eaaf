/* cn_claims: claim catalog lookup and ad-hoc claims for unseen topics. */
#include "cn_claims.h"

#include "cn_sort.h"
#include "cn_sha256.h"
#include "cn_tokens.h"
#include "cn_text.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void cn_claim_choice_clear(cn_claim_choice *c)
{
    if (!c)
        return;
    free(c->id);
    free(c->statement);
    memset(c, 0, sizeof *c);
}

/* A topic phrase: the tokens [first, last] of a match. */
typedef struct topic_span {
    size_t first, last;
} topic_span;

/* Per claim rule: how many distinct topic phrases the text matched. */
typedef struct topic_count {
    const cn_rule *rule;
    size_t index;     /* the rule's index in the rule set */
    topic_span *seen; /* distinct phrases, in a block shared by all counts */
    size_t n_seen;
    bool core_seen;      /* one of them is a core topic of the claim */
    bool excluding_seen; /* the text matched an excluding topic of the claim */
} topic_count;

/* Bytes up to the next space or the end: strcspn(s, " ") without a
 * library call per word of these few-word phrases. */
static size_t word_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ')
        n++;
    return n;
}

/* Words w ("cigarettes before surgery") match a core topic ("cigarette*"):
 * word for word, a trailing '*' a prefix. */
static bool core_word_match(const char *core, const char *w)
{
    while (*core && *w) {
        size_t cl = word_len(core), wl = word_len(w);
        bool prefix = cl > 0 && core[cl - 1] == '*';
        size_t need = prefix ? cl - 1 : cl;
        if (prefix ? wl < need || strncmp(core, w, need) : wl != cl || strncmp(core, w, cl))
            return false;
        core += cl + (core[cl] == ' ');
        w += wl + (w[wl] == ' ');
    }
    return *core == '\0' && *w == '\0';
}

/* Words w match one of the n topics in list (core or excluding), which is
 * in strcmp order (cn_rule.core): a topic's words must start with w's first
 * byte (a topic never starts with '*'), so only the run of topics that start
 * with it is compared, found by a binary search (a claim's lists run to dozens
 * of topics, and this is asked for each of its topic matches), and of those
 * only the ones whose second byte can match are compared word by word. */
static bool in_topics(char *const *list, size_t n, const char *w)
{
    unsigned char c0 = (unsigned char)w[0];
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)list[mid][0] < c0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* with the first byte the same, the second must be too, unless the
     * topic's first word is a one-byte prefix ("x*"): a one-byte word needs
     * the phrase's to end there (both ' ' or both the end) */
    for (size_t i = lo; i < n && (unsigned char)list[i][0] == c0; i++)
        if ((list[i][1] == w[1] || list[i][1] == '*') && core_word_match(list[i], w))
            return true;
    return false;
}

/* A claim is addressed: enough distinct topics (its own min=, else the
 * setting's min), a core one if it has any, and none of its excluding
 * topics. */
static bool addressed(const topic_count *tc, size_t min)
{
    if (!tc->rule || tc->rule->kind != CN_RULE_CLAIM)
        return false;
    size_t need = tc->rule->min_topics ? tc->rule->min_topics : min;
    return tc->n_seen >= need && (tc->rule->n_core == 0 || tc->core_seen) && !tc->excluding_seen;
}

/* The counts and their phrases are one block. */
/* Room for the counts of a text's few topics (and their phrases) on the
 * caller's stack, so most count_topics calls allocate nothing. */
#define TOPIC_ROOM 1024
typedef struct topic_room {
    _Alignas(max_align_t) unsigned char bytes[TOPIC_ROOM];
} topic_room;

static void counts_free(topic_count *c, topic_room *room)
{
    if ((void *)c != (void *)room->bytes)
        free(c);
}

/* The words of tokens [first, last] joined by spaces, at out (room for
 * cap bytes), else malloc'd; NULL when memory runs out. */
static char *span_words(const cn_tokens *t, size_t first, size_t last, char *out, size_t cap)
{
    size_t len = 0;
    for (size_t i = first; i <= last; i++)
        len += cn_tokens_at(t, i)->len + 1;
    char *s = len <= cap ? out : malloc(len);
    if (!s)
        return NULL;
    size_t w = 0;
    for (size_t i = first; i <= last; i++) {
        const cn_token *tok = cn_tokens_at(t, i);
        if (i > first)
            s[w++] = ' ';
        memcpy(s + w, tok->word, tok->len);
        w += tok->len;
    }
    s[w] = '\0';
    return s;
}

/* The same words in the same order: the same phrase (no word holds a
 * space, so this is the joined phrases' equality). */
static bool same_phrase(const cn_tokens *t, topic_span a, topic_span b)
{
    if (a.last - a.first != b.last - b.first)
        return false;
    for (size_t i = 0; i <= a.last - a.first; i++) {
        const cn_token *x = cn_tokens_at(t, a.first + i), *y = cn_tokens_at(t, b.first + i);
        if (x->len != y->len || memcmp(x->word, y->word, x->len))
            return false;
    }
    return true;
}

/* A claim or question match: its rule and its place among the doc's. */
typedef struct topic_hit {
    int payload;
    size_t match;
} topic_hit;

static int hit_cmp(const void *x, const void *y)
{
    const topic_hit *a = x, *b = y;
    if (a->payload != b->payload)
        return a->payload < b->payload ? -1 : 1;
    return (a->match > b->match) - (a->match < b->match);
}

/* Sort hits by hit_cmp (a total order: any sort gives the same list): the
 * few most texts have by insertion, moved as topic_hits, more by
 * cn_sort_stable. */
static void sort_topic_hits(topic_hit *a, size_t n)
{
    if (n > 16) {
        cn_sort_stable(a, n, sizeof *a, hit_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        topic_hit x = a[i];
        size_t j = i;
        while (j > 0 && hit_cmp(&a[j - 1], &x) > 0) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* Count one match's topic phrase into tc, whose seen list has room for it.
 * Returns CN_OK or CN_ERR_NOMEM. */
static int count_topic(topic_count *tc, const cn_tokens *t, const cn_match *m, cn_error *err)
{
    topic_span span = {m->first, m->last};
    const cn_rule *r = tc->rule;
    /* A claim an excluding topic keeps the text off stays off (addressed()
     * is false for it, whatever else the text matches): nothing more counts. */
    if (tc->excluding_seen)
        return CN_OK;
    /* A phrase counted before was checked then: it was not an excluding
     * topic (else it would not be in the list), and whether it is a core one
     * is already in core_seen. Looked for first, so a repeated phrase is not
     * joined and compared with the topic lists again. */
    for (size_t j = 0; j < tc->n_seen; j++)
        if (same_phrase(t, tc->seen[j], span))
            return CN_OK;
    bool check_core = r->kind == CN_RULE_CLAIM && r->n_core > 0 && !tc->core_seen;
    bool check_excluding = r->kind == CN_RULE_CLAIM && r->n_excluding > 0;
    if (check_core || check_excluding) {
        char buf[256];
        char *w = span_words(t, m->first, m->last, buf, sizeof buf);
        if (!w)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        /* an excluding topic is not one of the claim's topics: it only
         * marks the text as about something else */
        bool excluding = check_excluding && in_topics(r->excluding, r->n_excluding, w);
        if (check_core && !excluding)
            tc->core_seen = in_topics(r->core, r->n_core, w);
        if (w != buf)
            free(w);
        if (excluding) {
            tc->excluding_seen = true;
            return CN_OK;
        }
    }
    tc->seen[tc->n_seen++] = span;
    return CN_OK;
}

/* Topic counts of the doc's matches from token `from` on (the body only, when
 * from is the title's length): one entry per claim or question rule matched,
 * in rule (catalog) order. Only the rules that matched are counted, so the
 * cost follows the text's matches, not the size of the catalog. */
static int count_topics(const cn_rules *rules, const cn_doc *doc, size_t from, topic_room *room,
                        topic_count **out, size_t *n_out, cn_error *err)
{
    *out = NULL;
    *n_out = 0;
    const cn_tokens *t = cn_doc_tokens(doc);
    size_t n = 0;
    const cn_match *m = cn_doc_matches(doc, &n);
    /* Most answers match no claim or question topic: nothing to allocate. */
    size_t n_topics = 0;
    for (size_t i = 0; i < n; i++) {
        cn_rule_kind k = cn_rules_kind_at(rules, (size_t)m[i].payload);
        n_topics += (k == CN_RULE_CLAIM || k == CN_RULE_QUESTION) && m[i].first >= from;
    }
    if (n_topics == 0)
        return CN_OK;
    topic_hit hits_stack[32];
    topic_hit *hits = n_topics + 1 <= 32 ? hits_stack : malloc((n_topics + 1) * sizeof *hits);
    /* the counts, then room for every topic match's phrase: each count's
     * list is the part of it that its (sorted) hits take */
    size_t bytes = (n_topics + 1) * (sizeof(topic_count) + sizeof(topic_span));
    topic_count *c =
        bytes <= sizeof room->bytes ? (topic_count *)(void *)room->bytes : calloc(1, bytes);
    if (c == (topic_count *)(void *)room->bytes)
        memset(c, 0, bytes);
    if (!hits || !c) {
        if (hits != hits_stack)
            free(hits);
        counts_free(c, room);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t n_hits = 0;
    for (size_t i = 0; i < n; i++) {
        cn_rule_kind k = cn_rules_kind_at(rules, (size_t)m[i].payload);
        if ((k == CN_RULE_CLAIM || k == CN_RULE_QUESTION) && m[i].first >= from)
            hits[n_hits++] = (topic_hit){m[i].payload, i};
    }
    sort_topic_hits(hits, n_hits);
    topic_span *spans = (topic_span *)(c + n_topics + 1);
    size_t k = 0;
    int rc = CN_OK;
    for (size_t h = 0; h < n_hits && rc == CN_OK; h++) {
        if (k == 0 || hits[h].payload != hits[h - 1].payload) {
            c[k].index = (size_t)hits[h].payload;
            c[k].rule = cn_rules_at(rules, c[k].index);
            c[k].seen = spans + h;
            k++;
        }
        rc = count_topic(&c[k - 1], t, &m[hits[h].match], err);
    }
    if (hits != hits_stack)
        free(hits);
    if (rc) {
        counts_free(c, room);
        return rc;
    }
    *out = c;
    *n_out = k;
    return CN_OK;
}

/* The best claim of the doc's tokens from `from` on. */
static const cn_rule *best_from(const cn_rules *rules, const cn_doc *doc, size_t from,
                                size_t *topics, cn_error *err)
{
    topic_room room;
    topic_count *c;
    size_t n;
    if (topics)
        *topics = 0;
    if (!doc || count_topics(rules, doc, from, &room, &c, &n, err))
        return NULL;
    size_t min = (size_t)cn_rules_setting_at(rules, CN_SETTING_CLAIM_MIN_TOPICS);
    const cn_rule *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) { /* rule order = catalog order: ties keep the first */
        if (addressed(&c[i], min) && c[i].n_seen > best_n) {
            best = c[i].rule;
            best_n = c[i].n_seen;
        }
    }
    counts_free(c, &room);
    if (topics)
        *topics = best_n;
    return best;
}

const cn_rule *cn_claims_best(const cn_rules *rules, const cn_doc *doc, size_t *topics,
                              cn_error *err)
{
    return best_from(rules, doc, 0, topics, err);
}

int cn_claims_in_body(const cn_rules *rules, const cn_doc *doc, const cn_rule ***out, size_t *n_out,
                      cn_error *err)
{
    topic_room room;
    topic_count *c;
    size_t n;
    *out = NULL;
    *n_out = 0;
    int rc = count_topics(rules, doc, cn_doc_title_tokens(doc), &room, &c, &n, err);
    if (rc)
        return rc;
    size_t min = (size_t)cn_rules_setting_at(rules, CN_SETTING_CLAIM_MIN_TOPICS);
    const cn_rule **list = calloc(n + 1, sizeof *list);
    if (!list) {
        counts_free(c, &room);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (addressed(&c[i], min))
            list[k++] = c[i].rule;
    counts_free(c, &room);
    *out = list;
    *n_out = k;
    return CN_OK;
}

static int choose(cn_claim_choice *out, const cn_rule *rule, const char *source, cn_error *err)
{
    out->rule = rule;
    out->id = strdup(rule->id);
    out->statement = strdup(rule->statement ? rule->statement : rule->id);
    out->source = source;
    if (!out->id || !out->statement) {
        cn_claim_choice_clear(out);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    return CN_OK;
}

int cn_claims_primary(const cn_rules *rules, const char *question, const cn_doc *question_doc,
                      const char *const *answers, const cn_doc *const *answer_docs,
                      size_t n_answers, cn_claim_choice *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    if (question && *question) {
        const cn_rule *r = cn_claims_best(rules, question_doc, NULL, err);
        if (r)
            return choose(out, r, "title", err);
    } else if (n_answers > 0) {
        /* Untitled page: the claim most of its answers address (a majority). */
        size_t best_votes = 0;
        const cn_rule *best = NULL;
        const cn_rule **votes = calloc(n_answers, sizeof *votes);
        if (!votes)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < n_answers; i++)
            votes[i] =
                best_from(rules, answer_docs[i], cn_doc_title_tokens(answer_docs[i]), NULL, err);
        for (size_t i = 0; i < n_answers; i++) {
            size_t v = 0;
            for (size_t j = 0; votes[i] && j < n_answers; j++)
                v += votes[j] == votes[i];
            if (v > best_votes) {
                best_votes = v;
                best = votes[i];
            }
        }
        free(votes);
        if (best && best_votes * 2 > n_answers)
            return choose(out, best, "answers", err);
    }
    /* Ad hoc: the question (or the first answer) is the claim. */
    const char *basis = question && *question ? question : (n_answers ? answers[0] : "");
    size_t nl;
    char *norm = cn_text_normalize(basis, strlen(basis), &nl, NULL);
    if (!norm)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    char hex[65];
    cn_sha256_hex(norm, nl, hex);
    free(norm);
    out->id = malloc(6 + 12 + 1);
    if (out->id)
        snprintf(out->id, 19, "adhoc-%.12s", hex);
    out->statement = strdup(question && *question ? question : "(untitled question)");
    out->source = "adhoc";
    if (!out->id || !out->statement) {
        cn_claim_choice_clear(out);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    return CN_OK;
}

/* The question type marked default=yes, or NULL. */
static const char *default_question_type(const cn_rules *rules)
{
    for (size_t i = 0; i < cn_rules_count(rules); i++) {
        const cn_rule *r = cn_rules_at(rules, i);
        if (r->kind == CN_RULE_QUESTION && r->is_default)
            return r->id;
    }
    return NULL;
}

const char *cn_claims_question_type(const cn_rules *rules, const cn_doc *question, cn_error *err)
{
    topic_room room;
    topic_count *c;
    size_t n;
    if (!question || cn_tokens_count(cn_doc_tokens(question)) == 0)
        return default_question_type(rules);
    if (count_topics(rules, question, 0, &room, &c, &n, err))
        return NULL;
    const char *best = default_question_type(rules);
    size_t best_n = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].rule && c[i].rule->kind == CN_RULE_QUESTION && !c[i].rule->is_flag &&
            c[i].n_seen > best_n) {
            best = c[i].rule->id;
            best_n = c[i].n_seen;
        }
    }
    counts_free(c, &room);
    return best;
}

/* Flag i, seen[i] phrases: on unless it names a flag (over=) seen as often
 * or more. */
static bool flag_outweighs(const cn_rules *rules, const size_t *seen, size_t i)
{
    const cn_rule *r = cn_rules_at(rules, i);
    if (!r->over)
        return true;
    for (size_t j = 0; j < cn_rules_count(rules); j++) {
        const cn_rule *o = cn_rules_at(rules, j);
        if (o->kind == CN_RULE_QUESTION && o->is_flag && !strcmp(o->id, r->over))
            return seen[i] > seen[j];
    }
    return true;
}

int cn_claims_question_flags(const cn_rules *rules, const cn_doc *question, const cn_doc *body,
                             const char ***out, size_t *n_out, cn_error *err)
{
    *out = NULL;
    *n_out = 0;
    size_t nr = cn_rules_count(rules);
    size_t *on = calloc(nr + 1, sizeof *on); /* distinct phrases seen, per flag */
    const char **flags = calloc(nr + 1, sizeof *flags);
    if (!on || !flags) {
        free(on);
        free(flags);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    const cn_doc *docs[2] = {question, body};
    int rc = CN_OK;
    for (int d = 0; d < 2 && rc == CN_OK; d++) {
        topic_room room;
        topic_count *c;
        size_t n;
        if (!docs[d] || (rc = count_topics(rules, docs[d], 0, &room, &c, &n, err)) != CN_OK)
            continue;
        for (size_t i = 0; i < n; i++)
            if (c[i].rule && c[i].rule->kind == CN_RULE_QUESTION && c[i].rule->is_flag)
                on[c[i].index] += c[i].n_seen * (d == 0 ? 2 : 1); /* the title asks */
        counts_free(c, &room);
    }
    size_t k = 0;
    for (size_t i = 0; rc == CN_OK && i < nr; i++)
        if (on[i] && flag_outweighs(rules, on, i))
            flags[k++] = cn_rules_at(rules, i)->id; /* in rule order */
    free(on);
    if (rc) {
        free(flags);
        return rc;
    }
    *out = flags;
    *n_out = k;
    return CN_OK;
}
