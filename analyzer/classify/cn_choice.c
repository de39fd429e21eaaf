/* cn_choice: choice questions and the option each answer recommends. */
#include "cn_choice.h"

#include <stdio.h>
#include <string.h>

static unsigned cls(const cn_rules *rules, const cn_token *t)
{
    return cn_rules_choice_class(rules, t->hash);
}

/* A word an option may hold: two letters or more, not a number, outside
 * the classes question-stop, choice-stop and choice-join. */
static bool option_word(const cn_rules *rules, const cn_token *t)
{
    return t->len >= 2 && t->len < CN_CHOICE_KEY && !t->number &&
           !cn_rules_question_stop(rules, t->hash) &&
           !(cls(rules, t) & (CN_CHOICE_STOP | CN_CHOICE_JOIN | CN_CHOICE_VERSUS));
}

/* Whether the text between tokens a and b (b NULL: to the text's end) holds c. */
static bool between_has(const char *text, const cn_token *a, const cn_token *b, char c)
{
    if (!text)
        return false;
    size_t from = a->end, to = b ? b->start : from + strlen(text + from);
    for (size_t i = from; i < to && text[i]; i++)
        if (text[i] == c)
            return true;
    return false;
}

typedef struct span {
    size_t first, last; /* tokens of an option */
} span;

static void set_option(cn_choice *c, const cn_token *items, span s, size_t key)
{
    size_t i = c->n++;
    memcpy(c->key[i], items[key].word, items[key].len);
    c->key[i][items[key].len] = '\0';
    c->key_len[i] = items[key].len;
    size_t o = 0;
    for (size_t k = s.first; k <= s.last; k++) {
        if (o + items[k].len + 2 > CN_CHOICE_SHOWN)
            break;
        if (o)
            c->shown[i][o++] = ' ';
        memcpy(c->shown[i] + o, items[k].word, items[k].len);
        o += items[k].len;
    }
    c->shown[i][o] = '\0';
}

/* A join after token k of a sentence ending at s1: a choice-join or
 * choice-versus word at k + 1 (the next option from k + 2, *next); *versus
 * is set by "vs" and "versus", which need no asking word. A "/" is no join:
 * on the tuning pages "A/B" named one thing or two things together
 * ("neck/jaw soreness") far more often than a choice. */
static bool join_after(const cn_rules *rules, const cn_token *items, size_t k, size_t s1,
                       size_t *next, bool *versus)
{
    unsigned c = k + 1 <= s1 ? cls(rules, &items[k + 1]) : 0;
    if (k + 2 <= s1 && (c & (CN_CHOICE_JOIN | CN_CHOICE_VERSUS)) &&
        option_word(rules, &items[k + 2])) {
        *next = k + 2;
        *versus |= (c & CN_CHOICE_VERSUS) != 0;
        return true;
    }
    return false;
}

/* The options of sentence [s0, s1] of items (text: for commas), into *c; *span_first, *span_last:
 * the options' tokens. False when it does not split cleanly. */
static bool split_sentence(const cn_rules *rules, const cn_token *items, size_t s0, size_t s1,
                           const char *text, cn_choice *c, size_t *span_first, size_t *span_last)
{
    bool ask = false;
    for (size_t i = s0; i <= s1; i++)
        ask |= (cls(rules, &items[i]) & CN_CHOICE_ASK) != 0;
    for (size_t j = s0; j < s1; j++) {
        bool versus = false;
        size_t next;
        if (!option_word(rules, &items[j]) || !join_after(rules, items, j, s1, &next, &versus))
            continue;
        cn_choice tmp = {0};
        /* options before the join: "A, B, or C" (one-word options between
         * commas, the last before the join: "for lines, peel or laser" is
         * two), else the words back to a non-option word, at most two */
        span before[CN_CHOICE_MAX];
        size_t nb = 0, k = j;
        before[nb++] = (span){k, k};
        bool listed = next == j + 2 && between_has(text, &items[j], &items[j + 1], ',');
        while (listed && nb < CN_CHOICE_MAX - 1 && k > s0 && option_word(rules, &items[k - 1]) &&
               between_has(text, &items[k - 1], &items[k], ','))
            k--, before[nb++] = (span){k, k};
        if (nb == 1 && k > s0 && option_word(rules, &items[k - 1]) &&
            !between_has(text, &items[k - 1], &items[k], ',') &&
            !between_has(text, &items[k - 1], &items[k], '/'))
            before[0].first = k - 1;
        size_t opener = before[nb - 1].first;
        for (size_t b = nb; b-- > 0;)
            set_option(&tmp, items, before[b], before[b].last);
        /* options after: OPTION [join OPTION]... */
        size_t last = j, e = j;
        bool more = true;
        while (more && tmp.n < CN_CHOICE_MAX) {
            size_t a = next;
            e = a;
            while (e + 1 <= s1 && e - a < 2 && option_word(rules, &items[e + 1]) &&
                   !between_has(text, &items[e], &items[e + 1], ',') &&
                   !between_has(text, &items[e], &items[e + 1], '/'))
                e++;
            set_option(&tmp, items, (span){a, e}, a);
            last = e;
            more = join_after(rules, items, e, s1, &next, &versus);
        }
        /* the same key twice ("this or this") is no choice */
        bool twice = false;
        for (size_t x = 0; x < tmp.n; x++)
            for (size_t y = x + 1; y < tmp.n; y++)
                twice |= !strcmp(tmp.key[x], tmp.key[y]);
        if (tmp.n < 2 || twice || (!ask && !versus && opener != s0))
            continue;
        *c = tmp;
        *span_first = opener;
        *span_last = last;
        return true;
    }
    return false;
}

/* Whether token t names option key (its plural "s" either way). */
static bool names(const cn_token *t, const char *key, size_t len)
{
    if (t->len == len)
        return !memcmp(t->word, key, len);
    if (t->len == len + 1)
        return t->word[len] == 's' && !memcmp(t->word, key, len);
    if (t->len + 1 == len)
        return key[t->len] == 's' && !memcmp(t->word, key, t->len);
    return false;
}

/* The option token t names, or -1. */
static int option_of(const cn_choice *c, const cn_token *t)
{
    for (size_t i = 0; i < c->n; i++)
        if (names(t, c->key[i], c->key_len[i]))
            return (int)i;
    return -1;
}

/* The first choice sentence of items (title: every sentence; else those
 * ending with "?"). */
static bool find_split(const cn_rules *rules, const cn_tokens *t, const char *text, bool title,
                       cn_choice *c, size_t *sf, size_t *sl)
{
    size_t n = t ? cn_tokens_count(t) : 0;
    const cn_token *items = n ? cn_tokens_array(t) : NULL;
    for (size_t s0 = 0; s0 < n;) {
        size_t s1 = s0;
        /* "Sculptra vs. fat?": the period after "vs" ends no sentence */
        while (s1 + 1 < n && (items[s1 + 1].sentence == items[s1].sentence ||
                              (cls(rules, &items[s1]) & CN_CHOICE_VERSUS)))
            s1++;
        bool asks = title || between_has(text, &items[s1], s1 + 1 < n ? &items[s1 + 1] : NULL, '?');
        if (asks && s1 > s0 && split_sentence(rules, items, s0, s1, text, c, sf, sl))
            return true;
        s0 = s1 + 1;
    }
    return false;
}

/* The option a lean word of tokens t points to (-1: none, or more than one),
 * tokens [skip_first, skip_last] (the options themselves) left out; skip
 * applies only when own. */
static int lean_of(const cn_rules *rules, const cn_choice *c, const cn_tokens *t, bool own,
                   size_t skip_first, size_t skip_last)
{
    size_t n = t ? cn_tokens_count(t) : 0;
    const cn_token *items = n ? cn_tokens_array(t) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (!(cls(rules, &items[i]) & CN_CHOICE_LEAN))
            continue;
        bool negated = false;
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++)
            negated |= items[k].sentence == items[i].sentence &&
                       (cls(rules, &items[k]) & CN_CHOICE_NEGATION);
        if (negated)
            continue;
        int found = -1;
        bool several = false;
        for (size_t k = i + 1; k < n && k <= i + 6 && items[k].sentence == items[i].sentence; k++) {
            if (own && k >= skip_first && k <= skip_last)
                continue;
            int o = option_of(c, &items[k]);
            if (o >= 0 && found >= 0 && o != found)
                several = true;
            if (o >= 0 && found < 0)
                found = o;
        }
        if (found >= 0 && !several)
            return found;
    }
    return -1;
}

void cn_choice_question(const cn_rules *rules, const cn_tokens *title, const char *title_text,
                        const cn_tokens *body, const char *body_text, cn_choice *out)
{
    memset(out, 0, sizeof *out);
    size_t sf = 0, sl = 0;
    bool in_title = find_split(rules, title, title_text, true, out, &sf, &sl);
    if (!in_title && !find_split(rules, body, body_text, false, out, &sf, &sl)) {
        out->n = 0;
        return;
    }
    int lean = lean_of(rules, out, title, in_title, sf, sl);
    if (lean < 0)
        lean = lean_of(rules, out, body, !in_title, sf, sl);
    out->claim = lean >= 0 ? (size_t)lean : 0;
    out->leaned = lean >= 0;
}

/* One sentence's reading: which option it recommends (-1: none), or
 * whether it weighs both. */
typedef struct sentence_state {
    size_t first;   /* its first token */
    int mention[2]; /* the first two distinct options named, in order */
    size_t n_mentions;
    size_t mention_at[2]; /* their tokens */
    bool advice, negation, depends;
    bool over_between; /* a choice-over word after the first mention */
} sentence_state;

static void close_sentence(const cn_choice *c, const sentence_state *s, const cn_token *items,
                           size_t last, size_t n_title, cn_choice_reading *out)
{
    if (!s->advice || s->n_mentions == 0)
        return;
    int rec = -1;
    if (s->depends || (s->n_mentions >= 2 && !s->over_between)) {
        out->both++;
        return;
    }
    if (s->n_mentions >= 2)
        rec = s->mention[0];
    else if (!s->negation)
        rec = s->mention[0];
    else if (c->n == 2)
        rec = 1 - s->mention[0];
    else if ((size_t)s->mention[0] == c->claim) {
        out->other++; /* against the claim, for no one option */
        return;
    } else
        return;
    if ((size_t)rec == c->claim)
        out->claim++;
    else
        out->other++;
    if (out->n_found++ == 0) {
        out->start = items[s->first].start;
        out->end = items[last].end;
        out->in_title = s->first < n_title;
        out->option = (size_t)rec;
    }
}

void cn_choice_answer(const cn_rules *rules, const cn_choice *choice, const cn_token *items,
                      size_t from, size_t n, size_t n_title, cn_choice_reading *out)
{
    memset(out, 0, sizeof *out);
    if (!choice || choice->n < 2 || from >= n)
        return;
    sentence_state s = {.first = from};
    for (size_t i = from; i < n; i++) {
        if (i > from && items[i].sentence != items[i - 1].sentence) {
            close_sentence(choice, &s, items, i - 1, n_title, out);
            s = (sentence_state){.first = i};
        }
        int o = option_of(choice, &items[i]);
        unsigned k = cls(rules, &items[i]);
        if (o >= 0) {
            if (s.n_mentions == 0 || (s.n_mentions == 1 && o != s.mention[0])) {
                s.mention_at[s.n_mentions] = i;
                s.mention[s.n_mentions++] = o;
            }
            continue; /* an option's own key ("over") is no comparative */
        }
        s.advice |= (k & (CN_CHOICE_ADVICE | CN_CHOICE_OVER)) != 0;
        s.negation |= (k & CN_CHOICE_NEGATION) != 0;
        s.depends |= (k & CN_CHOICE_DEPENDS) != 0;
        if ((k & CN_CHOICE_OVER) && s.n_mentions == 1)
            s.over_between = true;
    }
    close_sentence(choice, &s, items, n - 1, n_title, out);
}

size_t cn_choice_terms(const cn_choice_reading *r, const char *terms[4])
{
    size_t n = 0;
    terms[n++] = "~choice";
    if (r->claim > r->other)
        terms[n++] = "~choice-claim";
    else if (r->other > r->claim)
        terms[n++] = "~choice-other";
    else if (r->claim > 0 || r->both > 0)
        terms[n++] = "~choice-both";
    terms[n] = NULL;
    return n;
}

void cn_choice_reason(const cn_choice *c, const cn_choice_reading *r, char *buf, size_t size)
{
    if (!c || c->n < 2) {
        snprintf(buf, size, "no choice question");
        return;
    }
    const char *claim = c->shown[c->claim];
    if (r->other > r->claim && r->n_found && r->option != c->claim)
        snprintf(buf, size, "recommends %s over the asked %s", c->shown[r->option], claim);
    else if (r->other > r->claim)
        snprintf(buf, size, "recommends against the asked %s", claim);
    else if (r->claim > r->other)
        snprintf(buf, size, "recommends the asked %s", claim);
    else if (r->claim > 0 || r->both > 0)
        snprintf(buf, size, "weighs the options without one recommendation (asked: %s)", claim);
    else
        snprintf(buf, size, "recommends no option (asked: %s)", claim);
}
