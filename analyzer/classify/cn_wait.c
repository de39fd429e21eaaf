/* cn_wait: the durations next to `wait` phrases, in days. */
#include "cn_wait.h"

#include <stdlib.h>

/* The value of a number token: digits ("6", "1.5") or a number word of the
 * rules ("six", "couple"). */
static bool number_at(const cn_rules *rules, const cn_token *t, double *v)
{
    if (t->number) {
        char *end;
        *v = strtod(t->word, &end);
        return end != t->word && *v > 0;
    }
    return cn_rules_duration_count(rules, t->hash, v);
}

/* A duration from token i on: FILLER* NUMBER [RANGE NUMBER | NUMBER] FILLER* UNIT,
 * in days (the range's upper end); *end gets its last token. */
static bool duration_forward(const cn_rules *rules, const cn_token *items, size_t n, size_t i,
                             double *days, size_t *end)
{
    double v, unit;
    if (i >= n)
        return false;
    unsigned sentence = items[i].sentence;
    /* filler before the number too: "after the first 5-7 days" */
    while (i + 1 < n && items[i + 1].sentence == sentence &&
           cn_rules_duration_filler(rules, items[i].hash))
        i++;
    if (!number_at(rules, &items[i], &v))
        return false;
    size_t j = i + 1;
    /* a number word before a number ("a couple", "a few"): the later one */
    while (j < n && items[j].sentence == sentence && number_at(rules, &items[j], &unit))
        v = unit, j++;
    if (j + 1 < n && cn_rules_duration_range(rules, items[j].hash) &&
        number_at(rules, &items[j + 1], &unit) && unit > v)
        v = unit, j += 2;
    while (j < n && items[j].sentence == sentence && cn_rules_duration_filler(rules, items[j].hash))
        j++;
    if (j >= n || items[j].sentence != sentence ||
        !cn_rules_duration_unit(rules, items[j].hash, &unit) ||
        (j + 1 < n && cn_rules_duration_stop(rules, items[j + 1].hash)))
        return false;
    *days = v * unit;
    *end = j;
    return true;
}

/* A duration ending at token i (its unit): the same shape read backward;
 * *start gets its first token. */
static bool duration_backward(const cn_rules *rules, const cn_token *items, size_t n, size_t i,
                              double *days, size_t *start)
{
    double unit, v;
    if (!cn_rules_duration_unit(rules, items[i].hash, &unit) ||
        (i + 1 < n && cn_rules_duration_stop(rules, items[i + 1].hash)))
        return false;
    unsigned sentence = items[i].sentence;
    size_t j = i;
    while (j > 0 && items[j - 1].sentence == sentence &&
           cn_rules_duration_filler(rules, items[j - 1].hash))
        j--;
    if (j == 0 || items[j - 1].sentence != sentence || !number_at(rules, &items[j - 1], &v))
        return false;
    j--; /* the upper end of a range is the number nearest the unit */
    *days = v * unit;
    *start = j;
    return true;
}

bool cn_wait_duration(const cn_rules *rules, const cn_rule *rule, const cn_token *items, size_t n,
                      size_t first, size_t last, double *days, size_t *span_first,
                      size_t *span_last)
{
    if (rule->kind != CN_RULE_WAIT || last >= n)
        return false;
    double before = 0, after = 0;
    size_t start = first, end = last;
    bool found_before = rule->wait_after && first > 0 &&
                        items[first - 1].sentence == items[first].sentence &&
                        duration_backward(rules, items, n, first - 1, &before, &start);
    bool found_after = rule->wait_before && last + 1 < n &&
                       items[last + 1].sentence == items[last].sentence &&
                       duration_forward(rules, items, n, last + 1, &after, &end);
    if (!found_before && !found_after)
        return false;
    /* at=both with a duration on each side ("3 days after 2 weeks"): the longer */
    bool take_after = found_after && (!found_before || after > before);
    *days = take_after ? after : before;
    *span_first = take_after ? first : start;
    *span_last = take_after ? end : last;
    return true;
}

double cn_wait_asker_days(const cn_rules *rules, const cn_doc *title, const cn_doc *body)
{
    const cn_doc *docs[2] = {title, body};
    double best = 0;
    for (int d = 0; d < 2; d++) {
        if (!docs[d])
            continue;
        size_t n_matches = 0, sf, sl;
        const cn_match *m = cn_doc_matches(docs[d], &n_matches);
        const cn_tokens *t = cn_doc_tokens(docs[d]);
        const cn_token *items = cn_tokens_array(t);
        size_t n = cn_tokens_count(t);
        for (size_t i = 0; i < n_matches; i++) {
            if (cn_rules_kind_at(rules, (size_t)m[i].payload) != CN_RULE_WAIT)
                continue;
            const cn_rule *r = cn_rules_at(rules, (size_t)m[i].payload);
            double days;
            if (r->wait_asker &&
                cn_wait_duration(rules, r, items, n, m[i].first, m[i].last, &days, &sf, &sl) &&
                days > best)
                best = days;
        }
    }
    return (double)(float)best; /* a float's value: cn_batch remembers it in one */
}
