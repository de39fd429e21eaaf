/* cn_structured_paras: the answer region into paragraphs, and how the page parts its answers. */
#include "cn_grow.h"
#include "cn_structured_int.h"

#include <stdlib.h>
#include <string.h>

static int push_para(ctx *c, size_t *cap, para p, cn_error *err)
{
    if (!cn_grow((void **)&c->ps, cap, c->np + 1, sizeof *c->ps))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    c->ps[c->np++] = p;
    return CN_OK;
}

/* "Dr. J" under a line that ends a sentence, in a run printed one answer a
 * line: a short sign-off naming the physician of the line above (two words
 * at most), no answer of its own. The line above may end in a comma, a
 * farewell's ("I hope this helps and good luck," / "Dr. J"). */
static bool name_under_sentence(const ctx *c, const cn_line *above, const cn_line *l)
{
    return cns_words_upto(c, l, 2 + 1) <= 2 &&
           in_set(".!?,", cn_span_last_char(above->s, above->len)) && cns_signoff_like(c, l);
}

/* A run printed one answer a line: two lines or more, no list items, and at
 * least half of them sentence-length ("24 hrs" stands between longer ones),
 * not counting closings that end the answer above a sentence line. */
static bool answer_per_line(const ctx *c, size_t first, size_t n)
{
    if (n < 2)
        return false;
    size_t long_lines = 0, closings = 0;
    for (size_t i = first; i < first + n; i++) {
        const cn_line *l = line_at(c, i);
        if (cns_list_item(l))
            return false;
        /* "Hope this answers your questions." then a sentence line: the
         * closing ends the answer above, the next line is another answer */
        if (i + 1 < first + n && cns_short_closing(c, l) &&
            cns_words_upto(c, line_at(c, i + 1), c->lim->answer_line_words) >=
                c->lim->answer_line_words) {
            closings++;
            continue;
        }
        /* a name line with a site link after it is long, but no answer */
        size_t len = cn_pagecues_strip_name_suffix(c->cues, l->s, l->len);
        long_lines +=
            cn_span_words_upto(l->s, len, c->lim->answer_line_words) >= c->lim->answer_line_words;
    }
    return 2 * long_lines >= n - closings && long_lines >= 1;
}

/* A short line that reads as a heading ("Give it time"), not as a sign-off
 * ("Dr. B", "Memphis, TN", "scottsdale, az"): three words or more, a capital
 * first, no comma, no "Dr". */
static bool heading_like(const ctx *c, const cn_line *l)
{
    return cns_words_upto(c, l, 3) >= 3 && cn_span_starts_upper(l->s, l->len) &&
           !memchr(l->s, ',', l->len) && !(l->len >= 2 && l->s[0] == 'D' && l->s[1] == 'r');
}

/* The next text line after line i (blank lines skipped), or lines.n. */
static size_t next_text(const ctx *c, size_t i)
{
    while (i < c->lines.n && line_at(c, i)->len == 0)
        i++;
    return i;
}

/* Line i, the last of a run, has a title-shaped line of its own under it
 * (blank lines between) over a line of prose: "Tom Hart, MD" / "New York
 * City" / blank / "Low Platelets and Liposuction" / blank / the answer's
 * text. Of two title-shaped lines in a row the second is the title, so line
 * i is more of the signature above it, no heading glued under it. */
static bool title_below_run(const ctx *c, size_t i)
{
    size_t t = next_text(c, i + 1);
    if (t == i + 1 || t >= c->lines.n || (t + 1 < c->lines.n && line_at(c, t + 1)->len > 0) ||
        !cns_title_line(c, line_at(c, t)))
        return false;
    size_t body = next_text(c, t + 1);
    return body < c->lines.n && body > t + 1 &&
           cns_words_upto(c, line_at(c, body), c->lim->answer_line_words) >=
               c->lim->answer_line_words;
}

/* A "City Specialty" or rating line inside a run, with text after it that is
 * no signature: the next answer starts right under a signature, with no blank
 * line between. Returns how many lines the first part keeps (0: no split). */
static size_t signature_inside(const ctx *c, size_t first, size_t n)
{
    size_t keep = 0;
    /* line i classified on its own, carried from the last round; vouched: it
     * is a specialty line only under the name above it ("OBGYN (...)") */
    cn_sigline cur;
    bool vouched = false;
    if (n > 1)
        cns_classified(c, line_at(c, first), &cur);
    for (size_t i = 0; i + 1 < n; i++) {
        cn_sigline_kind k = cur.kind;
        bool was_vouched = vouched;
        const cn_line *next = line_at(c, first + i + 1);
        cn_sigline plain; /* line i + 1 on its own: next round's cur */
        cns_classified(c, next, &plain);
        cur = plain;
        vouched = false;
        if (k != CN_SIGLINE_PLACE && k != CN_SIGLINE_RATING && k != CN_SIGLINE_NAME)
            continue;
        cn_sigline info = plain;
        cn_sigline_kind nk = cn_signature_reclassify_after(c->cues, k, next->s, next->len, &info);
        /* under a vouched specialty, prose is the next answer's; more short
         * lines of credentials ("Board Certified ENT") are not */
        bool split = nk == CN_SIGLINE_NONE ||
                     (nk == CN_SIGLINE_SHORT && heading_like(c, next) &&
                      !(k == CN_SIGLINE_NAME && i + 2 == n && title_below_run(c, first + i + 1)));
        if (split && (!was_vouched || (nk == CN_SIGLINE_NONE &&
                                       cns_words_upto(c, next, c->lim->answer_line_words) >=
                                           c->lim->answer_line_words)))
            keep = i + 1;
        if (k == CN_SIGLINE_NAME && nk == CN_SIGLINE_PLACE && plain.kind != CN_SIGLINE_PLACE) {
            cur = info;
            vouched = true;
        }
    }
    return keep;
}

/* "...for a few days after a treatment.\nTattoo removal process": the
 * run's last line is a heading glued under a finished sentence of prose, the
 * title of the next answer on a page that lost a blank line there. */
static bool glued_heading(const ctx *c, size_t first, size_t n)
{
    if (n < 2)
        return false;
    const cn_line *l = line_at(c, first + n - 1), *prev = line_at(c, first + n - 2);
    char last = cn_span_last_char(l->s, l->len), plast = cn_span_last_char(prev->s, prev->len);
    cn_sigline info;
    return heading_like(c, l) && cns_words_upto(c, l, 8 + 1) <= 8 &&
           l->len <= c->lim->title_max_bytes && !in_set(".,;:!\"'", last) &&
           (plast == '.' || plast == '!' || plast == '?') &&
           cns_words_upto(c, prev, c->lim->answer_line_words) >= c->lim->answer_line_words &&
           (cns_classified(c, l, &info) == CN_SIGLINE_NONE || info.kind == CN_SIGLINE_SHORT) &&
           !cns_signoff_like(c, l);
}

static bool lead_title(const ctx *c, const cn_line *l);

/* The run stands two blank lines or more under a paragraph of one short
 * line: a title, on a page that leaves a wide gap under each title; the
 * run's lines are that answer's, as under a vote line. */
static bool under_wide_title(const ctx *c, size_t gap)
{
    if (gap < 2 || c->np == 0 || c->ps[c->np - 1].n != 1 || c->ps[c->np - 1].sig)
        return false;
    const cn_line *t = line_at(c, c->ps[c->np - 1].first);
    return cns_words_upto(c, t, c->lim->answer_line_words) < c->lim->answer_line_words &&
           cns_short_enough(c, t);
}

/* The run starts a blank line under a heading of its own ("Bathing with
 * drains": three words or more, a capital first, no comma, no "Dr", no
 * closing such as "I hope this helps and good luck!"): the run is that
 * answer's body, its lines the body's paragraphs, not answers one a line. */
static bool under_title(const ctx *c, size_t gap)
{
    if (gap < 1 || c->np == 0 || c->ps[c->np - 1].n != 1 || c->ps[c->np - 1].sig)
        return false;
    const cn_line *t = line_at(c, c->ps[c->np - 1].first);
    return cns_title_line(c, t) && heading_like(c, t) && !cns_closing_like(c, t);
}

/* l is a specialty line only under the name line above it ("Jane Roe, MD"
 * then "OBGYN (Obstetrics & Gynecology)"): the two are one signature. */
static bool specialty_under_name(const ctx *c, const cn_line *above, const cn_line *l)
{
    cn_sigline a, info;
    if (cns_classified(c, above, &a) != CN_SIGLINE_NAME ||
        cns_classified(c, l, &info) == CN_SIGLINE_PLACE)
        return false;
    return cn_signature_reclassify_after(c->cues, CN_SIGLINE_NAME, l->s, l->len, &info) ==
           CN_SIGLINE_PLACE;
}

/* No text from line i to the end of the answers: blank lines or furniture. */
static bool nothing_below(const ctx *c, size_t i)
{
    for (; i < c->end; i++)
        if (line_at(c, i)->len > 0 && !cns_noise(c, line_at(c, i)))
            return false;
    return true;
}

/* "Strips will not harm your crowns.\nHello there,": the run's last line a
 * greeting alone (cns_greeting_line) under a finished sentence, with text
 * below the run that is no closing: the greeting opens the answer under
 * it, no last words of the one above (a page that lost the blank line above
 * the greeting). */
static bool glued_greeting(const ctx *c, size_t first, size_t n)
{
    if (n < 2 || nothing_below(c, first + n))
        return false;
    const cn_line *l = line_at(c, first + n - 1), *prev = line_at(c, first + n - 2);
    if (!cns_greeting_line(c, l) || !in_set(".!?", cn_span_last_char(prev->s, prev->len)) ||
        cns_greeting_line(c, prev))
        return false;
    /* "Thanks for your question." over "Good luck," and a name: thanks that
     * close the answer above, not a greeting opening another */
    size_t i = first + n;
    while (i < c->end && line_at(c, i)->len == 0)
        i++;
    return i < c->end && !cns_closing_like(c, line_at(c, i));
}

/* In a run read one answer a line, line i stays in the answer of the line
 * above: it goes on from it ("Thus, ..."), ends it (a closing, a sign-off,
 * a specialty under a name), or, where the page's count says so, stands
 * under a greeting alone on its line that opens the answer (head: the line
 * above is the answer's first). */
static bool line_joins(const ctx *c, size_t i, bool head)
{
    const cn_line *above = line_at(c, i - 1), *l = line_at(c, i);
    return cn_pagecues_line_goes_on(c->cues, above->s, above->len, l->s, l->len) ||
           cns_continuation(c, l) || specialty_under_name(c, above, l) || cns_short_closing(c, l) ||
           name_under_sentence(c, above, l) ||
           (c->counted_lines && head && cns_greeting_line(c, above));
}

/* The answers' paragraphs are one run of lines and a signature under it,
 * and the page's count line ("8 Answers") counts the run's lines, a
 * greeting alone on its line counted with the line under it: a page
 * printing one answer a line that kept only its last signature. */
bool cns_count_matches_lines(ctx *c)
{
    if (c->bare || c->declared < 2 || c->np != 2 || c->ps[0].sig || !c->ps[1].sig ||
        c->ps[0].vote_after || c->ps[1].block.name < 0)
        return false;
    size_t first = c->ps[0].first, n = c->ps[0].n, groups = 0;
    if (n < (size_t)c->declared)
        return false;
    for (size_t i = 0; i < n; i++)
        if (cns_list_item(line_at(c, first + i)))
            return false;    /* a list: its items are no answers */
    c->counted_lines = true; /* line_joins reads it */
    for (size_t i = 0, k; i < n; i = k, groups++)
        for (k = i + 1; k < n && line_joins(c, first + k, k - 1 == i); k++)
            ;
    c->counted_lines = false;
    return groups == (size_t)c->declared;
}

/* "Ask your doctors", "From board-certified doctors and ...": ending no
 * sentence and shorter than a line of prose (bare_prose_words), a heading
 * over the line under it or the site's, no answer a count would count. */
static bool heading_like_short(const ctx *c, const cn_line *l)
{
    return cns_words_upto(c, l, c->lim->bare_prose_words) < c->lim->bare_prose_words &&
           !in_set(".!?", cn_span_last_char(l->s, l->len));
}

/* Answers in the lines of paragraphs [0, c->np), each line one answer but a
 * line that goes on from the one above (line_joins); 0 when a paragraph is
 * a signature or holds a list item, or an answer would open with a short
 * heading. */
static size_t line_groups(ctx *c)
{
    size_t groups = 0;
    bool ok = true;
    c->counted_lines = true; /* line_joins reads it */
    for (size_t p = 0; p < c->np && ok; p++) {
        size_t first = c->ps[p].first, n = c->ps[p].n;
        ok = !c->ps[p].sig;
        for (size_t i = 0; i < n && ok; i++)
            ok = !cns_list_item(line_at(c, first + i));
        for (size_t i = 0, k; i < n && ok; i = k, groups++) {
            ok = !heading_like_short(c, line_at(c, first + i));
            for (k = i + 1; k < n && line_joins(c, first + k, k - 1 == i); k++)
                ;
        }
    }
    c->counted_lines = false;
    return ok ? groups : 0;
}

/* A page under a count line ("5 Answers") with no signature or vote line,
 * its answers printed one a line, some a blank line apart: the lines of all
 * its paragraphs (a run counted line by line as above) number exactly what
 * the count says, and a run of them was read one answer a line. Each line is an
 * answer then, a short first line ("Yes, it can help, but ...") no title of
 * the line under it, a paragraph under the run no more of its last answer. */
bool cns_count_matches_para_lines(ctx *c)
{
    if (c->bare || !c->split_runs || c->declared < 2 || c->np < 2 || cns_any_vote(c))
        return false;
    bool run = false; /* a run the first reading split one answer a line */
    for (size_t p = 0; p < c->np; p++)
        run |= c->ps[p].own_line;
    return run && line_groups(c) == (size_t)c->declared;
}

/* Split one run of lines into a body part and a trailing signature block. */
/* glued: the run starts right under a signature, with no blank line: the
 * page lost its blank lines there, so its long lines are answers of their own
 * as on pages that print one answer a line. voted: the run starts right under
 * the vote line that heads an answer: its lines are that answer's paragraphs
 * (a page without signatures would otherwise read them one answer a line). */
static int add_run(ctx *c, size_t *cap, size_t first, size_t n, size_t gap, bool glued, bool voted,
                   cn_error *err)
{
    if (c->votes_lead && voted && n >= 2 && lead_title(c, line_at(c, first))) {
        /* "+1" / "Latisse and iris color" / the answer's lines: its title */
        int rc = push_para(c, cap, (para){.first = first, .n = 1, .gap = gap}, err);
        return rc ? rc : add_run(c, cap, first + 1, n - 1, 0, glued, true, err);
    }
    size_t keep = signature_inside(c, first, n);
    /* In a run printed one answer a line that ends the page, a short last
     * line ("It may last for life") is the last answer, no heading of one. */
    bool last_answer = c->split_runs && !voted && nothing_below(c, first + n) &&
                       answer_per_line(c, first, n) && !cns_greeting_line(c, line_at(c, first));
    if (keep == 0 && !voted && glued_greeting(c, first, n)) {
        int rc = add_run(c, cap, first, n - 1, gap, glued, voted, err);
        if (rc)
            return rc;
        /* one sentence line above the greeting: an answer of its own, no
         * title of the greeted one (title_above_greeting) */
        if (n == 2 && !c->ps[c->np - 1].sig)
            c->ps[c->np - 1].own_line = true;
        return push_para(c, cap, (para){.first = first + n - 1, .n = 1}, err);
    }
    if (keep == 0 && !last_answer && glued_heading(c, first, n)) {
        int rc = add_run(c, cap, first, n - 1, gap, glued, voted, err);
        return rc ? rc : push_para(c, cap, (para){.first = first + n - 1, .n = 1}, err);
    }
    if (keep > 0) {
        int rc = add_run(c, cap, first, keep, gap, glued, voted, err);
        return rc ? rc : add_run(c, cap, first + keep, n - keep, 0, true, false, err);
    }
    /* counted_lines: the page's one run, above its signature */
    if ((c->counted_lines && c->np == 0 && n >= 2 && !voted) ||
        (c->counted_paras && !voted && n >= 2) ||
        (((c->split_runs && !voted && !under_wide_title(c, gap) && !under_title(c, gap)) ||
          glued) &&
         !cns_greeting_line(c, line_at(c, first)) && answer_per_line(c, first, n))) {
        /* Each line on its own: an answer, or a signature line ending one;
         * a line that goes on from the one above ("Thus, ...") stays with it. */
        for (size_t i = 0, k; i < n; i = k) {
            for (k = i + 1; k < n && line_joins(c, first + k, k - 1 == i); k++)
                ;
            /* voted: the group is one answer, not read one line a line again */
            int rc = add_run(c, cap, first + i, k - i, i ? 0 : gap, false, k - i > 1, err);
            if (rc)
                return rc;
            c->ps[c->np - 1].own_line =
                (i > 0 || glued || c->counted_paras) && !c->ps[c->np - 1].sig;
            /* its first line may go on from the text above; as long as
             * prose and speaking to the asker ("I would ... you"), a
             * sentence without its period, it titles no answer */
            const cn_line *head = line_at(c, first);
            c->ps[c->np - 1].run_head =
                i == 0 && !glued && !c->ps[c->np - 1].sig &&
                cns_words_upto(c, head, c->lim->bare_prose_words) >= c->lim->bare_prose_words &&
                cns_says_i(head) && cns_says_you(head);
        }
        return CN_OK;
    }
    if (c->counted_paras && n == 1) {
        /* a line of its own, counted as an answer: no title of the next */
        int rc = push_para(c, cap, (para){.first = first, .n = 1, .gap = gap}, err);
        if (rc == CN_OK)
            c->ps[c->np - 1].own_line = true;
        return rc;
    }
    cn_sigblock b;
    /* the block reads the run's last lines on their own: from the memo */
    size_t tail = n > CN_SIGBLOCK_LINES ? n - CN_SIGBLOCK_LINES : 0;
    cn_sigline plain[CN_SIGBLOCK_LINES];
    for (size_t i = tail; i < n; i++)
        cns_classified(c, line_at(c, first + i), &plain[i - tail]);
    if (!cn_signature_block_tail(c->cues, &c->lines.v[first], n, plain, &b))
        return push_para(c, cap, (para){.first = first, .n = n, .gap = gap}, err);
    if (b.first > 0) {
        int rc = push_para(c, cap, (para){.first = first, .n = b.first, .gap = gap}, err);
        if (rc)
            return rc;
        gap = 0;
    }
    int *parts[3] = {&b.name, &b.place, &b.rating};
    for (int k = 0; k < 3; k++)
        if (*parts[k] >= 0)
            *parts[k] += (int)first;
    return push_para(
        c, cap,
        (para){.first = first + b.first, .n = n - b.first, .gap = gap, .sig = true, .block = b},
        err);
}

/* Paragraph p is the first under a vote line: body text under a title where
 * the votes follow the titles; where they head the answers, the start of an
 * answer, titled by a title-shaped line. */
static void mark_voted(ctx *c, size_t p)
{
    if (!c->votes_lead) {
        c->ps[p].vote_before = true;
        return;
    }
    c->ps[p].vote_head = true;
    if (c->ps[p].n == 1 && !c->ps[p].sig && lead_title(c, line_at(c, c->ps[p].first)))
        c->ps[p].vote_after = true; /* a title by its place */
    if (c->first_vote == 0 || p < c->first_vote)
        c->first_vote = p + 1;
}

/* "Replied on 5/7/2010" / "By: Glow Clinic | Ann Lee, MD" / "Salem, OR":
 * a city line right under a line naming who answers is more of that byline,
 * no title or text of the answer under it. */
static bool place_under_header(const ctx *c, size_t i, size_t from)
{
    if (i <= from || i >= c->lines.n)
        return false;
    const cn_line *above = line_at(c, i - 1);
    if (above->len == 0 || !cns_answer_header(c, above))
        return false;
    const cn_line *l = line_at(c, i);
    cn_sigline sl;
    if (cns_classified(c, l, &sl) == CN_SIGLINE_PLACE && sl.city_len > 0 && sl.specialty == NULL)
        return true;
    /* "Salem, OR": a few words, a comma, a state's two capitals */
    return l->len >= 5 && l->len <= 40 && l->s[l->len - 4] == ',' && l->s[l->len - 3] == ' ' &&
           l->s[l->len - 2] >= 'A' && l->s[l->len - 2] <= 'Z' && l->s[l->len - 1] >= 'A' &&
           l->s[l->len - 1] <= 'Z';
}

/* Paragraphs of the answer region, lines [from, to). */
int cns_build_paras(ctx *c, size_t from, size_t to, cn_error *err)
{
    size_t cap = 0, run_first = 0, run_n = 0, blanks = 0, run_gap = 0;
    bool vote_seen = false, break_seen = false;
    int rc = CN_OK;
    for (size_t i = from; i <= to && rc == CN_OK; i++) {
        const cn_line *l = i < to ? line_at(c, i) : NULL;
        bool header =
            l && l->len > 0 && (cns_answer_header(c, l) || place_under_header(c, i, from));
        bool text = l && l->len > 0 && !cns_noise(c, l) && !header && !cns_answers_marker(c, l);
        if (text) {
            if (run_n == 0) {
                run_first = i;
                run_gap = blanks;
            }
            run_n++;
            blanks = 0;
            continue;
        }
        if (l && l->len == 0 && !(l->flags & CN_LINE_RESIDUE))
            blanks++;
        /* "Dr. Ann Lee" right above "Plastic Surgery 20 years experience":
         * the name heads the next answer with the header, no text of the
         * answer above (nor an answer of its own) */
        if (header && run_n > 0 && cns_signoff_like(c, line_at(c, i - 1)))
            run_n--;
        if (run_n > 0) {
            size_t np = c->np;
            rc = add_run(c, &cap, run_first, run_n, run_gap, false, vote_seen, err);
            if (rc == CN_OK && vote_seen && c->np > np)
                mark_voted(c, np);
            if (rc == CN_OK && break_seen && c->np > np)
                c->ps[np].after_break = true;
            vote_seen = false;
            break_seen = false;
        }
        if (l && l->len > 0 && cn_pagecues_is_answer_break(c->cues, l->s, l->len)) {
            break_seen = true;
            if (c->np > 0)
                c->ps[c->np - 1].break_before = true;
        }
        run_n = 0;
        /* Residue right after a paragraph (a blank line between is fine)
         * marks that paragraph as a title. */
        if (l && (l->flags & CN_LINE_RESIDUE) && c->np > 0 && !c->votes_lead)
            c->ps[c->np - 1].vote_after = true;
        /* a vote line, or a line naming who answers, heads the next answer */
        if (l && ((l->flags & CN_LINE_RESIDUE) || header))
            vote_seen = true;
    }
    return rc;
}

/* A line that can be an answer's title right under the vote line heading
 * it: shorter than a sentence line, no greeting, list item or closing. */
static bool lead_title(const ctx *c, const cn_line *l)
{
    return cns_short_enough(c, l) &&
           cns_words_upto(c, l, c->lim->answer_line_words) < c->lim->answer_line_words &&
           !cns_greeting_line(c, l) && !cns_list_item(l) && !cns_closing_like(c, l) &&
           cns_heading_start(l);
}

/* Line i is a vote line: the next text line under it opens in lower
 * case. */
static bool lower_under_vote(const ctx *c, size_t i, size_t to)
{
    while (++i < to) {
        const cn_line *l = line_at(c, i);
        if (l->len > 0 && !(l->flags & CN_LINE_RESIDUE))
            return l->s[0] >= 'a' && l->s[0] <= 'z';
    }
    return false;
}

/* Where the page's vote lines ("+3") stand: under each answer's title (a
 * short line above them), or above each answer (the answers open with one,
 * or it follows the end of an answer: a sentence-length line ending a
 * sentence, a line of prose length (bare_prose_words: "... small... more"),
 * or a closing). Above when more than votes_lead_ratio times as
 * many stand above as under. A line of prose length ending no sentence
 * over a vote line and a line opening in lower case is a long title whose
 * body goes on under the vote line ("... a few ways to ease it, such as" /
 * "a lift or ...", val23): that vote line stands under it. */
void cns_detect_votes_lead(ctx *c, size_t from, size_t to)
{
    size_t lead = 0, under = 0;
    const cn_line *prev = NULL; /* the text line above, inside [from, to) */
    for (size_t i = from; i < to; i++) {
        const cn_line *l = line_at(c, i);
        if (l->flags & CN_LINE_RESIDUE) {
            size_t words = prev ? cns_words(c, prev) : 0;
            bool ends = prev && (cns_closing_like(c, prev) || words >= c->lim->bare_prose_words ||
                                 (words >= c->lim->answer_line_words &&
                                  in_set(".!?", cn_span_last_char(prev->s, prev->len))));
            if (ends && !in_set(".!?", cn_span_last_char(prev->s, prev->len)) &&
                !cns_closing_like(c, prev) && lower_under_vote(c, i, to))
                ends = false;
            lead += !prev || ends;
            under += prev && !ends;
        } else if (l->len > 0 && !cns_noise(c, l) && !cns_answers_marker(c, l)) {
            prev = l;
        }
    }
    c->votes_lead = lead > c->lim->votes_lead_ratio * under;
}

/* Paragraph p ends with the physician's credit in brackets ("... (Jane Roe,
 * MD, Omaha Plastic Surgeon)"): it closes its answer, and is never a title. */
bool cns_credit_end(const ctx *c, size_t p)
{
    if (p >= c->np || c->ps[p].sig)
        return false;
    const cn_line *l = para_last_line(c, p);
    return cn_signature_credit(c->cues, l->s, l->len, NULL);
}

/* A signature with a "City Specialty" or rating line: the mark of pages that
 * sign every answer, where a run of lines is one answer's paragraph. A bare
 * name line ("Jay R. Shayevitz, MD MS") also ends answers printed one a line. */
bool cns_any_signature(const ctx *c)
{
    for (size_t p = 0; p < c->np; p++)
        if (c->ps[p].sig && (c->ps[p].block.place >= 0 || c->ps[p].block.rating >= 0))
            return true;
    return false;
}

/* "You should also be aware ...", "Accutane also has ...": "also" among a
 * paragraph's first words adds to the paragraph above. */
static bool early_also(const cn_line *l)
{
    size_t words = 0;
    for (size_t i = 0; i + 4 <= l->len && words < 4; i++) {
        if (i > 0 && l->s[i - 1] == ' ' && cn_span_equals_ci(l->s + i, 4, "also") &&
            (i + 4 == l->len || l->s[i + 4] == ' '))
            return true;
        words += l->s[i] == ' ';
    }
    return false;
}

/* The page's last paragraph, under two others at least, cut by the page's
 * end before its sentence ended ("Although fillers have not been shown
 * to"): short as it may be, it says nothing of how the page parts its
 * answers. Three words at least, and no name ("Omar Haddad" under the last
 * answer signs it). */
static bool cut_last_paragraph(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return p + 1 == c->np && p >= 2 && !in_set(".!?:", cn_span_last_char(l->s, l->len)) &&
           cns_words_upto(c, l, 3) >= 3 && !cns_signoff_like(c, l);
}

/* A one-line paragraph of two sentences at least and bare_prose_words
 * words. */
static bool wide_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return c->ps[p].n == 1 &&
           cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words &&
           cns_two_sentences(c, l);
}

/* On a page read one answer a paragraph: which paragraphs go on from the
 * answer above. One that opens with a [continuations] word does, as do a
 * list item ("2) ...") and one with "also" among its first words
 * (early_also); so does
 * the paragraph after one that went on (an essay in short paragraphs),
 * unless it restates the question's title or the first sentence the answer
 * above opened with, as another physician's answer does. */
static void mark_essays(ctx *c)
{
    size_t opening = 0;
    bool essay = false; /* the paragraph above went on as an essay does */
    for (size_t p = 0; p < c->np; p++) {
        const cn_line *l = para_line(c, p);
        bool on = false, broken = false;
        if (c->para_answers && p > 0) {
            cn_line head = cns_first_sentence(l), open = cns_first_sentence(para_line(c, opening));
            /* "appears very early after surgery, so ...": a paragraph that
             * opens in lower case is a sentence the page broke off the one
             * above; it goes on, but says nothing of the paragraph after it */
            broken = l->s[0] >= 'a' && l->s[0] <= 'z';
            on = broken || cns_continuation(c, l) || cns_list_item(l) || early_also(l) ||
                 (essay && cns_shared_with_question(c, l) < c->lim->restated_start_words &&
                  cns_shared_with(c, &head, &open) < c->lim->restated_opening_words);
        }
        c->ps[p].goes_on = on;
        essay = on && !broken;
        if (!on)
            opening = p;
    }
}

/* The page prints a vote line under each answer's title ("{{ voteCount
 * }}", a site template's residue): some paragraph has one above it. On the
 * real pages that print them (126 of the tuning pages), every answer has one. */
static void detect_vote_heads(ctx *c)
{
    bool any = false;
    for (size_t p = 0; p < c->np; p++)
        any |= c->ps[p].vote_before;
    c->votes_head = any;
    /* Where a title stands by its place (first under the marker, or right
     * under a signature), each has a vote line under it, two at least. */
    size_t voted = 0, unvoted = 0;
    for (size_t p = 0; p < c->np; p++) {
        if (c->ps[p].sig || c->ps[p].n != 1 || (p > 0 && !c->ps[p - 1].sig))
            continue;
        voted += c->ps[p].vote_after;
        unvoted += !c->ps[p].vote_after;
    }
    c->votes_under_titles = any && voted >= 2 && unvoted == 0;
}

/* A page without signatures whose answers end with the physician's credit
 * in brackets, two at least ("... (Jane Roe, MD, Omaha Plastic Surgeon)"). */
static void detect_credits(ctx *c)
{
    size_t credits = 0;
    for (size_t p = 0; p < c->np; p++)
        credits += cns_credit_end(c, p);
    c->credits_close = credits >= 2 && !cns_any_signature(c);
}

/* Some paragraph of the answers stands above or under a vote line. */
bool cns_any_vote(const ctx *c)
{
    for (size_t p = 0; p < c->np; p++)
        if (c->ps[p].vote_after || c->ps[p].vote_before || c->ps[p].vote_head)
            return true;
    return false;
}

/* One blank line between paragraphs and two or more elsewhere: the wider
 * gaps separate answers (pages that print answers without titles). */
void cns_detect_gap_splits(ctx *c)
{
    bool one = false, more = false;
    for (size_t p = 1; p < c->np; p++) {
        /* a signature one blank line under its answer shows the page's
         * narrow gap too */
        if (c->ps[p].sig && !c->ps[p - 1].sig)
            one |= c->ps[p].gap == 1;
        if (c->ps[p].sig || c->ps[p - 1].sig)
            continue;
        one |= c->ps[p].gap == 1;
        more |= c->ps[p].gap >= 2;
    }
    c->gap_splits = one && more;
    /* Three paragraphs or more, each one long line (but a last one the
     * page's end cut short, cut_last_paragraph), one blank line apart,
     * none signed, credited, opened by a greeting or shaped like a title (a
     * heading of eight words or more above paragraphs makes them one titled
     * answer; a cut last line may look like one): a bare page printing
     * one answer a paragraph (a page that breaks its answers into paragraphs
     * shows some short ones or some of several lines, or marks where answers
     * start, with wider gaps or greetings). So does a page under a "Doctor
     * Answers (4)" line with no signature or vote line, when each paragraph
     * but a cut last one holds two sentences at least (no title heads it);
     * there two such paragraphs are enough when the line counts two answers
     * or more. */
    bool counted = !c->bare && c->split_runs && !cns_any_vote(c);
    c->replies_start = c->split_runs && !cns_any_vote(c);
    /* a bare page heading its answers with vote lines or [answer-headers]
     * says where each starts: its paragraphs are no answers of their own */
    /* A bare page that signs only its last answer (a page that lost the
     * other signatures): that signature, the page's last paragraph, ends the
     * last answer; the paragraphs above it are read as on an unsigned page. */
    size_t np = c->np;
    if (c->bare && np > 3 && c->ps[np - 1].sig && !c->ps[np - 2].sig)
        np--;
    /* Two paragraphs, two blank lines apart or more on a bare page, each
     * of two sentences at least and as long as a paragraph of prose: two
     * answers, as the page sets its question apart from them (a page that
     * breaks one answer into paragraphs leaves one blank line between). */
    /* the second, the page's last, may be one long sentence ("Since this
     * is ..., it won't move.") */
    bool wide_pair =
        c->bare && np == 2 && c->ps[1].gap >= 2 && wide_prose(c, 0) &&
        (wide_prose(c, 1) ||
         (c->ps[1].n == 1 && cns_words_upto(c, para_line(c, 1), c->lim->bare_prose_words) >=
                                 c->lim->bare_prose_words));
    bool lines = ((c->bare && !cns_any_vote(c)) || counted) &&
                 (np >= 3 || (counted && np == 2 && c->declared >= 2) || wide_pair);
    /* The gap between the first two paragraphs: a page printing one answer
     * a paragraph keeps it the same throughout. Two blank lines or more
     * also part the paragraphs of one answer on some pages (a heading
     * glued by a dash, a list item), so there each paragraph but a cut
     * last one holds two sentences at least, as under a count line. */
    size_t gap = c->np >= 2 && c->ps[1].gap >= 1 ? c->ps[1].gap : 1;
    for (size_t p = 0; p < np && lines; p++) {
        const cn_line *l = para_line(c, p);
        /* where two blank lines part the answers, a wider gap above the page's
         * cut last line parts it too */
        bool same_gap = p == 0 || c->ps[p].gap == gap ||
                        (gap >= 2 && c->ps[p].gap > gap && cut_last_paragraph(c, p));
        /* a first paragraph numbered as a list item ("1. Yes, ...") opens one
         * physician's points, not the first of several answers */
        lines = !c->ps[p].sig && c->ps[p].n == 1 && same_gap && !(p == 0 && cns_list_item(l)) &&
                (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words ||
                 cut_last_paragraph(c, p)) &&
                !cns_credit_end(c, p) && !cns_opener(c, l) &&
                (p + 1 == np || !cns_title_line(c, l)) &&
                ((!counted && gap == 1) || p + 1 == np || cns_two_sentences(c, l));
    }
    c->para_answers = lines;
    mark_essays(c);
    detect_vote_heads(c);
    detect_credits(c);
}

/* "Dr. Ann Lee, MD" / "Cardiology" / prose right under it, no blank line
 * between or one: a page that prints each physician's name above the
 * answer, not under it. The answers open with a signature that names
 * someone, and the first paragraph of prose hangs under it (at most one
 * blank line apart: a page leaves none or one there, and names nothing
 * else above its first answer); read this way, the first signature is no
 * scrap and every later name goes with the text below it. */
void cns_detect_sig_heads(ctx *c)
{
    size_t q = 0;
    bool named = false;
    while (q < c->np && c->ps[q].sig)
        named |= c->ps[q++].block.name >= 0;
    if (!c->bare || q == 0 || q >= c->np || !named || c->ps[q].gap > 1) {
        c->sig_heads = false;
        return;
    }
    const cn_line *l = para_line(c, q);
    c->sig_heads = cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words;
}
