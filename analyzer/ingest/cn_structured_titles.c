/* cn_structured_titles: is this paragraph an answer's title? */
#include "cn_structured_int.h"

#include <string.h>

/* A one-line paragraph shaped like a title inside an answer. */
bool cns_looks_title(const ctx *c, size_t p)
{
    /* callers look ahead (p + 1): past the last paragraph is no title */
    return p < c->np && !c->ps[p].sig && c->ps[p].n == 1 && !cns_credit_end(c, p) &&
           cns_title_line(c, para_line(c, p));
}

/* The page's last line, cut mid-sentence ("... have not been shown to"),
 * holding two sentences ("I would wait. You certainly sh"), or as long as a
 * line of prose (bare_prose_words; the cut titles of the real pages have
 * nine words at most): prose. */
static bool cut_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return cn_pagecues_ends_unfinished(c->cues, l->s, l->len) || cns_two_sentences(c, l) ||
           cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words;
}

/* "Sculptra. How long does it last?": a topic, then the question asked of
 * it, is a title of two sentences (no greeting: "Great question. Why?"). */
static bool asked_title(const ctx *c, const cn_line *l)
{
    return cn_span_last_char(l->s, l->len) == '?' && cns_short_enough(c, l) && !cns_opener(c, l);
}

/* "Breasts can regain their shape after implant removal.": a title that
 * ends in '.', told from a short sentence of the body by restating the
 * question's title (shared_min of its subject words: fewer where an answer
 * starts, after the header or a signature, than inside an answer's text, but
 * then in max_words words at most)
 * above a paragraph of prose that does not go on from it ("Therefore, ..."),
 * and not under a greeting ("Thanks for the question -"), which opens a
 * body. */
static bool restated_title(const ctx *c, size_t p, size_t shared_min, size_t max_words)
{
    if (c->ps[p].sig || c->ps[p].n != 1 || c->ps[p].own_line || !text_para(c, p + 1))
        return false;
    const cn_line *l = para_line(c, p), *next = para_line(c, p + 1);
    return cn_span_last_char(l->s, l->len) == '.' && cns_short_enough(c, l) &&
           cns_words_upto(c, l, max_words + 1) <= max_words && !cns_two_sentences(c, l) &&
           (cn_span_starts_upper(l->s, l->len) || (l->s[0] >= '0' && l->s[0] <= '9')) &&
           !cns_list_item(l) && !cns_closing_like(c, l) && !cns_continuation(c, l) &&
           cns_words_upto(c, next, c->lim->answer_line_words) >= c->lim->answer_line_words &&
           !cns_continuation(c, next) &&
           !(p > 0 && text_para(c, p - 1) && cns_opener(c, para_line(c, p - 1))) &&
           cns_shared_with_question(c, l) >= shared_min &&
           !(cns_words_upto(c, l, c->lim->period_title_words + 1) > c->lim->period_title_words &&
             cns_says_i(l));
}

/* Two blank lines right above the paragraph, with no furniture between
 * (an empty line where a title stood; gap also counts the blank lines
 * around a widget). */
bool cns_empty_title_above(const ctx *c, size_t p)
{
    size_t i = c->ps[p].first, n = 0;
    while (i > 0 && n < 2 && line_at(c, i - 1)->len == 0 &&
           !(line_at(c, i - 1)->flags & CN_LINE_RESIDUE))
        i--, n++;
    return n >= 2;
}

/* A line with a vote line above it and another under it, reading as prose
 * (two sentences, or as long as a line of prose): the body of an untitled
 * answer with the next answer's vote line under it, not a title marked by
 * the vote line under it. */
static bool voted_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return c->ps[p].vote_before && c->ps[p].vote_after && c->ps[p].n == 1 &&
           (cns_two_sentences(c, l) ||
            cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words);
}

/* Some answer after paragraph p opens with a title-shaped line above its
 * prose: the page titles its answers. */
static bool titles_ahead(const ctx *c, size_t p)
{
    struct title_scan *t = c->titles;
    if (!t->known) {
        /* one scan a page, from the end: the last such paragraph */
        t->known = true;
        for (size_t q = c->np; q-- > 1 && !t->any;)
            if (q + 1 < c->np && cns_looks_title(c, q) && text_para(c, q + 1)) {
                t->any = true;
                t->last = q;
            }
    }
    return t->any && t->last >= p + 2;
}

static bool titled_before(const ctx *c);

/* "Revision works." above an answer's prose, where an answer starts on a
 * page whose other answers open with titles: a short sentence there is this
 * answer's title, whatever words it shares with the question, unless it
 * greets ("Hello and thank you for the question."), which opens a body. */
static bool titled_page(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return !cns_opener(c, l) && (titled_before(c) || titles_ahead(c, p));
}

/* The page's last line right under a signature, where the next answer's
 * title stands: "Deep peels take a week to heal." on a page that prints a
 * vote line under each answer's title (its bodies stand under those), cut
 * before its vote line, even ending in '.' (one short sentence,
 * period_title_words words); or a scrap cut short of a sentence ("The", "It
 * should not"): a title cut by the page's end. (Under a credit in brackets
 * such a scrap stays text: see test_credit_then_cut_word_at_page_end.) */
static bool cut_title_under_signature(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    if (p == 0 || c->ps[p].n != 1 || !cn_span_starts_upper(l->s, l->len))
        return false;
    char last = cn_span_last_char(l->s, l->len);
    if (c->ps[p - 1].sig && c->votes_head && last == '.' && !cns_two_sentences(c, l) &&
        cns_words_upto(c, l, c->lim->period_title_words + 1) <= c->lim->period_title_words)
        return true;
    return c->ps[p - 1].sig && !in_set(".!?", last) &&
           cns_words_upto(c, l, c->lim->answer_line_words) < c->lim->answer_line_words;
}

/* A line that reads as a sentence, not a title, whatever its length: one
 * opening in lower case and ending a sentence ("healing takes a while." on a
 * page printing an answer in lower case), or one as long as a line of prose
 * (bare_prose_words) that the page broke across two lines, the paragraph
 * under it going on in lower case ("... the swelling process" / "after the
 * filler. It ..."). A short heading above such a paragraph is still its
 * title ("Straps vary" / "and I think ..."), and so is a long one with the
 * site's vote line under it, which a site prints between a title and its
 * body, never inside a sentence (val23). */
static bool sentence_not_title(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    if (l->len > 0 && l->s[0] >= 'a' && l->s[0] <= 'z' &&
        in_set(".!?", cn_span_last_char(l->s, l->len)))
        return true;
    if (c->ps[p].vote_after || !text_para(c, p + 1) ||
        in_set(".!?:;", cn_span_last_char(l->s, l->len)) ||
        cns_words_upto(c, l, c->lim->bare_prose_words) < c->lim->bare_prose_words)
        return false;
    const cn_line *next = para_line(c, p + 1);
    return next->len > 0 && next->s[0] >= 'a' && next->s[0] <= 'z';
}

/* "Hi, Thank you for your question.": a greeting, a comma, then another
 * opener ([answer-openers]) on the same line, the greeting's words. */
static bool greeting_then_opener(const ctx *c, const cn_line *l)
{
    if (cns_opener_words(c, l) == 0)
        return false;
    const char *comma = memchr(l->s, ',', l->len);
    if (!comma)
        return false;
    size_t k = (size_t)(comma - l->s) + 1;
    while (k < l->len && l->s[k] == ' ')
        k++;
    return k < l->len && cn_pagecues_opener_words(c->cues, l->s + k, l->len - k) > 0;
}

/* One sentence ending in '.' longer than a title that ends so
 * (period_title_words): the first sentence of an answer's prose. */
static bool long_period_line(const ctx *c, const cn_line *l)
{
    return cn_span_last_char(l->s, l->len) == '.' &&
           cns_words_upto(c, l, c->lim->period_title_words + 1) > c->lim->period_title_words;
}

/* Right after the header or a signature: a title is any short single line
 * followed by body text (or the end of a cut-off page). */
bool cns_title_at_start(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || c->ps[p].own_line || (c->ps[p].vote_before && !c->ps[p].vote_after) ||
        cns_credit_end(c, p))
        return false;
    const cn_line *l = para_line(c, p);
    if (cns_signoff_like(c, l) || sentence_not_title(c, p) ||
        (c->bare && !c->ps[p].vote_after && cns_two_sentences(c, l) && !asked_title(c, l)) ||
        voted_prose(c, p))
        return false;
    /* The first paragraph under a question titled under a site's furniture
     * (a bare page), one sentence ending in '.' longer than such titles
     * are: the first answer's prose. (On other bare pages such a line heads
     * an answer as often: 76b8 in val22.) */
    if (c->site_titled && p == 0 && !c->ps[p].vote_after && long_period_line(c, l))
        return false;
    /* "Thank you for the question." above the answer's text opens its body
     * ("Good question for your own surgeon." can head one) */
    if (!c->ps[p].vote_after && (cns_greeting_line(c, l) || greeting_then_opener(c, l)))
        return false;
    /* A page that titles its answers leaves an empty title line (two blank
     * lines) above an answer without one: prose of two sentences there is
     * the answer's text (see untitled_after_titled), and so is one sentence
     * ending in '.' as long as prose (bare_prose_words). */
    if (!c->bare && cns_empty_title_above(c, p) && !c->ps[p].vote_after &&
        (cns_two_sentences(c, l) || cn_span_last_char(l->s, l->len) == '.') &&
        cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words)
        return false;
    /* No signatures to vouch for it: a sentence is no title, except a lone
     * short one right under "Doctor Answers N" ("Partial skin loss after a
     * lift."), where a page starts its first answer with a title; one ending
     * in '.' longer than such titles are (period_title_words) is the first
     * sentence of a page that prints no titles. */
    bool first_under_marker =
        p == 0 && !c->bare && p + 1 < c->np && c->ps[p + 1].gap > 0 && !cns_two_sentences(c, l) &&
        cns_short_enough(c, l) && cns_heading_start(l) &&
        !(cn_span_last_char(l->s, l->len) == '.' &&
          cns_words_upto(c, l, c->lim->period_title_words + 1) > c->lim->period_title_words);
    /* Under a closing line of its own ("Good luck."), where the answer above
     * has ended, a short sentence above prose heads the next answer whatever
     * its words. */
    bool closing_above = p > 0 && text_para(c, p - 1) && c->ps[p - 1].n == 1 &&
                         cns_closing_like(c, para_line(c, p - 1));
    if (c->split_runs && !c->ps[p].vote_after && !cns_looks_title(c, p) && !first_under_marker &&
        !asked_title(c, l) && !(p == 0 && cns_repeats_question(c, l)) &&
        !restated_title(c, p, closing_above || titled_page(c, p) ? 0 : c->lim->restated_start_words,
                        c->lim->period_title_words))
        return false;
    if (text_para(c, p + 1))
        return c->ps[p].vote_after || cns_short_enough(c, l);
    /* the page's last paragraph, unless a line printed between answers
     * stands under it (a whole answer, not a title the page's end cut) */
    if (p + 1 == c->np && !c->has_disclaimer && !c->ps[p].break_before) {
        /* under a signature and an empty title line (two blank lines): the
         * start of an untitled answer's body, cut by the page's end */
        if (!c->bare && p > 0 && c->ps[p - 1].sig && !c->ps[p].vote_after &&
            cns_empty_title_above(c, p))
            return false;
        return c->ps[p].vote_after || (cns_looks_title(c, p) && !cut_prose(c, p)) ||
               cut_title_under_signature(c, p);
    }
    return false;
}

/* Some answer read so far has a title: the page titles its answers. */
static bool titled_before(const ctx *c)
{
    /* a bare page titling its question under a site's furniture titles
     * its posts */
    if (c->site_titled)
        return true;
    for (size_t i = 0; i < c->nd; i++)
        if (c->ds[i].title >= 0)
            return true;
    return false;
}

/* "Hearing is not affected in the long run after a lift." / "Your hearing
 * is not affected by the lift itself ...": on a page that titles its
 * answers (a title read above, or one ahead), a short line of one sentence ending in '.'
 * (period_title_words words at most) whose words the first sentence of the prose under it says
 * again (restated_start_words subject words) is that answer's title, not the
 * last line of the answer above; so is a longer one (title_max_words) whose
 * subject words it says again for half its words. Bare pages and pages
 * under a count line alike: a counted page that lost the signatures of its
 * first answers runs them together as a bare page does. */

/* "To Best Answer Your Question, a Photo is Needed.": a line in Title Case,
 * four words at least, every word capitalized or a [title-small-words] word
 * but one at most ("is"): set as a heading, though it ends in '.'. */
static bool title_cased(const ctx *c, const cn_line *l)
{
    size_t words = 0, lower = cns_title_case_misses(c, l, &words);
    return words >= 4 && lower <= 1;
}

static bool restated_below(const ctx *c, size_t p)
{
    if (c->ps[p].sig || c->ps[p].n != 1 || c->ps[p].own_line || !text_para(c, p + 1) ||
        !(titled_before(c) || titles_ahead(c, p)))
        return false;
    /* a page that says how many answers it holds holds no more: with that
     * many read, such a line is a subheading inside the last one */
    if (c->declared > 0 && c->nd >= (size_t)c->declared)
        return false;
    const cn_line *l = para_line(c, p), *next = para_line(c, p + 1);
    size_t words = cns_words(c, l);
    /* a line the paragraph under it opens with is that answer's first
     * sentence printed above it (repeated_opening), no title */
    if (cn_span_last_char(l->s, l->len) != '.' || cns_two_sentences(c, l) ||
        !cns_short_enough(c, l) || !cn_span_starts_upper(l->s, l->len) || cns_list_item(l) ||
        cns_closing_like(c, l) || cns_opener(c, l) || cns_continuation(c, l) ||
        cns_words_upto(c, next, c->lim->answer_line_words) < c->lim->answer_line_words ||
        cns_continuation(c, next) || cns_opens_with_line(l, next))
        return false;
    /* a short one (short_title_words: "Classic nerve bruising.") under a
     * paragraph of prose is a title when it names one subject of the
     * question, whatever the sentence under it says, and so is one of up to
     * period_title_words words that names two (restated_start_words: "Laser
     * can improve a scar, not erase it." under "Laser for a tummy tuck
     * scar?"); not when it speaks to the asker or as the physician, nor
     * under one short sentence ("Avoid aspirin." in an answer written a
     * sentence a paragraph) */
    const cn_line *above = p > 0 && text_para(c, p - 1) ? para_last_line(c, p - 1) : NULL;
    size_t asked = cns_shared_with_question(c, l);
    if (!cns_says_i(l) && !cns_says_you(l) && above &&
        (cns_two_sentences(c, above) ||
         cns_words_upto(c, above, c->lim->bare_prose_words) >= c->lim->bare_prose_words) &&
        ((words <= c->lim->short_title_words && asked >= 1) ||
         (words <= c->lim->period_title_words && asked >= c->lim->restated_start_words)))
        return true;
    /* a heading in Title Case needs no words of the question */
    if (words <= c->lim->period_title_words && title_cased(c, l) && !cns_says_i(l))
        return true;
    cn_line head = cns_first_sentence(next);
    size_t shared = cns_shared_with(c, l, &head);
    /* a longer line is a title only when the sentence under it says half
     * its words again, and it is no physician's own prose ("I ...") */
    if (words > c->lim->period_title_words)
        return 2 * shared >= words && !cns_says_i(l);
    return shared >= c->lim->restated_start_words;
}

/* "I wish you a safe recovery!" two blank lines above "Dr. Lee" alone: the
 * answer's last words above its sign-off, no title over one (val21). */
static bool signoff_under(const ctx *c, size_t p)
{
    return p + 1 < c->np && c->ps[p + 1].n == 1 && cns_signoff_like(c, para_line(c, p + 1));
}

/* Inside an answer: a title-shaped line that starts the next answer. */
bool cns_title_inside(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || c->ps[p].own_line || cns_closing_like(c, para_line(c, p)) ||
        cns_credit_end(c, p))
        return false;
    /* A vote line under a line marks a title, unless it is prose between
     * two vote lines. */
    if (c->ps[p].vote_after)
        return !voted_prose(c, p);
    /* Where credits close the answers, a title-shaped line inside one that no
     * credit closed yet is its subheading ("Scar after augmentation photos"
     * above "To learn more ... (Jane Roe, MD, ...)"); the next answer starts
     * after the credit, under a title or two. */
    if (c->credits_close && p > 0) {
        size_t q = p - 1;
        while (q > 0 && cns_looks_title(c, q))
            q--;
        if (!cns_credit_end(c, q))
            return false;
    }
    /* Pages that leave two blank lines under each title and one inside
     * answers; of two title-shaped lines in a row above prose ("Discuss it
     * with your surgeon!" / two blank lines / "Hard implants in the cold"),
     * the second is the title, the first the end of the answer above. */
    const cn_line *l = para_line(c, p);
    /* (a line ending in ':' above a list item announces the list: "For now,
     * do the following:" two blank lines above "1.Apply ...") */
    if (c->gap_splits && text_para(c, p + 1) && c->ps[p + 1].gap >= 2 && cns_short_enough(c, l) &&
        l->s[0] != '"' && (unsigned char)l->s[0] < 0x80 && !cns_list_item(l) &&
        cn_span_last_char(l->s, l->len) != '.' &&
        !(cn_span_last_char(l->s, l->len) == ':' && cns_list_item(para_line(c, p + 1))) &&
        !(cns_looks_title(c, p + 1) && text_para(c, p + 2)) && !signoff_under(c, p))
        return true;
    /* The page's question printed again over an answer, two sentences too
     * ("Is it a cyst? Or a pore?"): that answer's title */
    if (!cns_looks_title(c, p) &&
        !restated_title(c, p, c->lim->restated_title_words, c->lim->title_max_words) &&
        !restated_below(c, p) && !(cns_short_enough(c, l) && cns_repeats_question(c, l)))
        return false;
    /* "I would not advise that you pursue any other treatment" inside an
     * answer: the physician speaking to the asker, a sentence without its
     * period, not the next answer's title */
    if (cns_says_i(l) && cns_says_you(l))
        return false;
    if (p > 0 && text_para(c, p - 1)) {
        /* A quoted line after "...I encountered:", or an item of a list
         * under "... includes:" (short lines, one a paragraph). */
        size_t q = p - 1;
        while (q > 0 && c->ps[q].n == 1 && text_para(c, q - 1) &&
               cns_short_enough(c, para_line(c, q)) &&
               cn_span_last_char(para_line(c, q)->s, para_line(c, q)->len) != ':')
            q--;
        const cn_line *prev = para_last_line(c, q);
        if (cn_span_last_char(prev->s, prev->len) == ':')
            return false;
    }
    if (p + 1 == c->np)
        return !c->has_disclaimer && !cut_prose(c, p); /* a cut-off page ending in a title */

    if (!text_para(c, p + 1))
        return false;
    /* A heading above text that goes on from the text before it ("However,
     * in time ...") is the answer's own subheading; a line above a closing
     * ("Best regards,") is the answer's last words, no title. */
    if (cns_continuation(c, para_line(c, p + 1)) || cns_closing_like(c, para_line(c, p + 1)))
        return false;
    /* So is a heading above a list ("A few questions for you" above "- Did
     * your physician ask ..."): an answer's first words are no list item,
     * unless the heading restates the question's title ("Fillers for tired
     * eyes" on "Can fillers help tired eyes?") above a list of sentences:
     * an answer that gives its points as a list. */
    const cn_line *under = para_line(c, p + 1);
    if (cns_list_item(under) &&
        !(cns_shared_with_question(c, para_line(c, p)) >= c->lim->restated_title_words &&
          cns_words_upto(c, under, c->lim->bare_prose_words) >= c->lim->bare_prose_words))
        return false;
    /* Of two title-shaped lines in a row, the second is the title. */
    if (c->ps[p + 1].vote_after || (cns_looks_title(c, p + 1) && text_para(c, p + 2)))
        return false;
    return true;
}
