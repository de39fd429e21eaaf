/* cn_structured_site: the question's title under a site's furniture (its
 * name, a log-in invitation, a notice that it has moved: [site-headers]),
 * which is never the title. */
#include "cn_structured_int.h"

size_t cns_past_site_header(const ctx *c, size_t from)
{
    bool site = false;
    size_t i = from;
    for (; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0 || cns_noise(c, l))
            continue;
        if (!cn_pagecues_is_site_header(c->cues, l->s, l->len))
            break;
        site = true;
    }
    return site ? i : from;
}

/* Line i is a poster's header: an [answer-headers] line ("5 years ago"), or
 * the poster's name right above one; or the page's count line ("Replies 2")
 * printed above the question. */
static bool poster_line(const ctx *c, size_t i, size_t to)
{
    const cn_line *l = line_at(c, i);
    return cns_answer_header(c, l) || cn_pagecues_answers_marker(c->cues, l->s, l->len, NULL) ||
           (i + 1 < to && line_at(c, i + 1)->len > 0 && cns_answer_header(c, line_at(c, i + 1)));
}

/* The first line of [i, to) with text that is no noise and no poster's
 * header; *passed set when a poster's header was passed. */
static size_t past_posters(const ctx *c, size_t i, size_t to, bool *passed)
{
    for (; i < to; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0 || cns_noise(c, l))
            continue;
        if (!poster_line(c, i, to))
            break;
        *passed = true;
    }
    return i;
}

/* Line i stands alone in its run (blank lines or `to` around it). */
static bool lone_line(const ctx *c, size_t i, size_t to)
{
    return i + 1 >= to || line_at(c, i + 1)->len == 0;
}

/* Line i reads as a title: short, shaped as one or asking, or cut short
 * ("Is it safe to ... What would...") above the whole question. */
static bool title_shaped(const ctx *c, size_t i, size_t to)
{
    const cn_line *l = line_at(c, i);
    if (!cns_short_enough(c, l))
        return false;
    if (cns_title_line(c, l) || cn_span_last_char(l->s, l->len) == '?')
        return true;
    size_t kept, u = i + 1;
    while (u < to && line_at(c, u)->len == 0)
        u++;
    return cns_cut_short(l, &kept) && u < to && cns_opens_with_line(l, line_at(c, u));
}

size_t cns_site_title(const ctx *c, size_t from, size_t to, size_t *body)
{
    bool passed = false;
    size_t t = past_posters(c, from, to, &passed);
    /* "Knee Care" right under the furniture, then "Swelling two weeks after
     * my scope": a category line above the title */
    if (!passed && t < to && lone_line(c, t, to) && title_shaped(c, t, to) &&
        cn_span_last_char(line_at(c, t)->s, line_at(c, t)->len) != '?') {
        bool under = false;
        size_t u = past_posters(c, t + 1, to, &under);
        if (u < to && lone_line(c, u, to) && title_shaped(c, u, to))
            t = u;
    }
    if (t >= to) {
        *body = to;
        return to;
    }
    /* "Dear doctors," or the asker's prose: no title, the body starts there */
    bool titled = title_shaped(c, t, to);
    *body = titled ? t + 1 : t;
    return titled ? t : to;
}
