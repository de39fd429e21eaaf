/* cn_structured: segment a structured page into question and answers (the driver). */
#include "cn_structured.h"

#include "cn_grow.h"
#include "cn_structured_int.h"
#include "cn_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A growable string; oom sticks once an allocation failed. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    bool oom;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* The finished string (an empty one when nothing was added); NULL on OOM. */
static char *sb_take(sbuf *b)
{
    if (b->oom) {
        free(b->s);
        return NULL;
    }
    if (!b->s)
        return calloc(1, 1);
    return b->s;
}

bool cn_structured_detect(const cn_pagecues *cues, const char *text, size_t len)
{
    /* Each line ends at the next '\n' or '\r', found by the C library's
     * search (every page is read here first); the next '\r' is looked for
     * again only once passed, as most pages have none. An empty text's one
     * empty line is no marker. */
    if (len == 0)
        return false;
    const char *cr = memchr(text, '\r', len);
    for (size_t start = 0;;) {
        const char *nl = memchr(text + start, '\n', len - start);
        if (cr && (size_t)(cr - text) < start)
            cr = memchr(text + start, '\r', len - start);
        size_t i = nl ? (size_t)(nl - text) : len;
        if (cr && (size_t)(cr - text) < i)
            i = (size_t)(cr - text);
        size_t n;
        const char *l = cn_span_trim(text + start, i - start, &n);
        if (cn_pagecues_answers_marker(cues, l, n, NULL))
            return true;
        if (i == len)
            return false;
        start = i + 1;
    }
}

/* Lines [from, to) as text: lines joined by '\n', paragraphs by a blank line;
 * residue and widget lines dropped. */
static char *join_lines(const ctx *c, size_t from, size_t to)
{
    sbuf b = {0};
    bool gap = false;
    for (size_t i = from; i < to; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0 || cns_noise(c, l)) {
            gap = true;
            continue;
        }
        if (b.len > 0)
            sb_add(&b, gap ? "\n\n" : "\n", gap ? 2 : 1);
        sb_add(&b, l->s, l->len);
        gap = false;
    }
    return sb_take(&b);
}

/* Paragraphs [p0, p1) as text, each paragraph's lines joined by '\n'. */
static void add_paras(const ctx *c, sbuf *b, size_t p0, size_t p1)
{
    for (size_t p = p0; p < p1; p++) {
        const para *pa = &c->ps[p];
        if (b->len > 0)
            sb_add(b, "\n\n", 2);
        for (size_t i = 0; i < pa->n; i++) {
            const cn_line *l = line_at(c, pa->first + i);
            if (i > 0)
                sb_add(b, "\n", 1);
            sb_add(b, l->s, l->len);
        }
    }
}

static int new_draft(ctx *c, size_t *cap, cn_error *err)
{
    if (!cn_grow((void **)&c->ds, cap, c->nd + 1, sizeof *c->ds))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    draft *d = &c->ds[c->nd++];
    memset(d, 0, sizeof *d);
    d->title = -1;
    d->part[0] = d->part[1] = d->part[2] = -1;
    return CN_OK;
}

static void add_body(draft *d, size_t p)
{
    if (!d->has_body)
        d->b0 = p;
    d->has_body = true;
    d->b1 = p + 1;
}

static void take_parts(draft *d, const para *pa)
{
    const int idx[3] = {pa->block.name, pa->block.place, pa->block.rating};
    for (int k = 0; k < 3; k++) {
        if (idx[k] < 0)
            continue;
        d->part[k] = idx[k];
        d->info[k] = pa->block.parts[k];
    }
}

/* A second signature block right after the first: complete the first when it
 * only adds later parts ("Name" then "City Specialty"), else it replaces the
 * first, which was a sign-off ("Peter A Aldea, MD / Memphis, TN"). */
static void merge_signature(ctx *c, draft *d, size_t p, size_t prev_sig)
{
    const para *pa = &c->ps[p];
    const int idx[3] = {pa->block.name, pa->block.place, pa->block.rating};
    int old_max = -1, new_min = 3;
    for (int k = 0; k < 3; k++) {
        if (d->part[k] >= 0)
            old_max = k;
        if (idx[k] >= 0 && k < new_min)
            new_min = k;
    }
    if (old_max < new_min) {
        take_parts(d, pa);
        return;
    }
    if (d->n_superseded < sizeof d->superseded / sizeof d->superseded[0])
        d->superseded[d->n_superseded++] = prev_sig;
    d->part[0] = d->part[1] = d->part[2] = -1;
    take_parts(d, pa);
}

/* Paragraph p holds a sentence-length line. */
static bool para_prose(const ctx *c, size_t p)
{
    for (size_t i = 0; i < c->ps[p].n; i++) {
        const cn_line *l = line_at(c, c->ps[p].first + i);
        if (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words)
            return true;
    }
    return false;
}

/* Some paragraph of the answers is prose: a sentence-length line. */
static bool any_prose(const ctx *c)
{
    for (size_t p = 0; p < c->np; p++)
        for (size_t i = 0; i < c->ps[p].n && !c->ps[p].sig; i++) {
            const cn_line *l = line_at(c, c->ps[p].first + i);
            if (cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words)
                return true;
        }
    return false;
}

/* The next token of l from *k, between spaces; false at the line's end. */
static bool next_token(const cn_line *l, size_t *k, size_t *t0, size_t *t1)
{
    size_t i = *k;
    while (i < l->len && l->s[i] == ' ')
        i++;
    *t0 = i;
    while (i < l->len && l->s[i] != ' ')
        i++;
    *t1 = *k = i;
    return i > *t0;
}

static bool is_dash_token(const char *s, size_t n)
{
    return (n == 1 && s[0] == '-') ||
           (n == 3 && (memcmp(s, "\xE2\x80\x93", 3) == 0 || memcmp(s, "\xE2\x80\x94", 3) == 0));
}

/* "Dry Eyes With Botox- In general, ..." / "Botox Safety and Breastfeeding –
 * I do not ...": a heading glued to the first sentence of its answer by a
 * dash (after its last word, or between spaces): two to eight words without
 * sentence punctuation, most of them capitalized, then prose that starts
 * with a capital letter. */
static bool dash_heading(const ctx *c, const cn_line *l)
{
    enum { HEAD_MIN = 2, HEAD_MAX = 8 };
    size_t k = 0, t0, t1, words = 0, caps = 0;
    while (words < HEAD_MAX && next_token(l, &k, &t0, &t1)) {
        const char *w = l->s + t0;
        size_t n = t1 - t0;
        bool glued = n > 1 && w[n - 1] == '-';
        n -= glued;
        for (size_t i = 0; i < n; i++)
            if (in_set(".,;:!?()\"", w[i]))
                return false;
        words++;
        caps += w[0] >= 'A' && w[0] <= 'Z';
        /* "MY ADVICE is - WAIT ...": a lower-case word no title leaves in
         * lower case ([title-small-words]) is a sentence's, emphasis in
         * capitals around it */
        if (w[0] >= 'a' && w[0] <= 'z' && !cn_pagecues_is_title_small_word(c->cues, w, n))
            return false;
        size_t rest = k;
        if (!glued) {
            size_t d0, d1;
            if (!next_token(l, &rest, &d0, &d1) || !is_dash_token(l->s + d0, d1 - d0))
                continue;
        }
        while (rest < l->len && l->s[rest] == ' ')
            rest++;
        return words >= HEAD_MIN && 2 * caps > words && caps >= HEAD_MIN && rest < l->len &&
               l->s[rest] >= 'A' && l->s[rest] <= 'Z' &&
               cn_span_words(l->s + rest, l->len - rest) >= c->lim->answer_line_words;
    }
    return false;
}

/* "Thank you for your question." / "Dr. Name" / the signature: a
 * greeting's words alone in the last paragraph above the signature (or above
 * a sign-off over it) thank the asker at the answer's end; they open nothing.
 * So do thanks followed by a farewell alone ("Thank you for your question.
 * Best of luck!") or a closing sentence ("... Best of luck with your
 * recovery."), however long the thanks: the line closes what is above it,
 * under it a signature, the next answer's title or the page's end. */
static bool closing_sentence(const ctx *c, const cn_line *l);

/* "Thanks for the question and best of luck!": the thanks and the closing
 * joined by "and" in one sentence; what follows the last " and " is a
 * closing sentence or a farewell, and the thanks before it are short (at
 * most closing_sentence_words words each side: "Thank you for your inquiry
 * and the best of luck to you."). */
static bool thanks_and_closing(const ctx *c, const cn_line *l)
{
    for (size_t i = l->len; i-- > 5;) {
        if (!cn_span_equals_ci(l->s + i - 5, 5, " and "))
            continue;
        if (cn_span_words(l->s, i - 5) > c->lim->closing_sentence_words)
            return false;
        cn_line tail = *l;
        tail.s = l->s + i;
        tail.len = l->len - i;
        return closing_sentence(c, &tail) || cns_farewell(c, &tail);
    }
    return false;
}

static bool thanks_above_signature(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    /* the thanks, then the farewell, nothing between: "Thanks for asking.
     * It will fade. Good luck!" is an answer of its own */
    cn_line tail, head = cns_first_sentence(l);
    size_t k = head.len;
    while (k < l->len && l->s[k] == ' ')
        k++;
    bool farewell_end =
        (cns_last_sentence(c, l, &tail) && (cns_farewell(c, &tail) || closing_sentence(c, &tail)) &&
         l->s + k == tail.s) ||
        (head.len >= l->len && thanks_and_closing(c, l));
    if (c->ps[p].n != 1 ||
        (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words &&
         !farewell_end))
        return false;
    /* thanks then a farewell, above the next answer's title or the page's
     * end ("Thanks for the photos. All the best." / "Scar care"): the same
     * closing with no signature under it */
    if (farewell_end && (p + 1 >= c->np || (cns_looks_title(c, p + 1) && text_para(c, p + 2))))
        return true;
    if (p + 1 >= c->np)
        return false;
    if (c->ps[p + 1].sig)
        return true;
    /* "Thank you for your inquiry." / "The best of wishes to you." / "Dr.
     * Roe" / the signature: closings and a sign-off between them are the
     * same answer's */
    size_t q = p + 1;
    while (q < c->np && q < p + 3 && !c->ps[q].sig && c->ps[q].n == 1 &&
           (cns_signoff_like(c, para_line(c, q)) || closing_sentence(c, para_line(c, q))))
        q++;
    return q > p + 1 && q < c->np && c->ps[q].sig;
}

/* The answer being read has a title and its body opens with a greeting
 * ("Ear shape after surgery" / "Thank you for this question."): the page
 * marks where that physician starts, so a wide gap under it parts the
 * physician's own paragraphs. */
static bool titled_greeting(const ctx *c)
{
    if (c->nd == 0)
        return false;
    const draft *d = &c->ds[c->nd - 1];
    if (d->title < 0 || !d->has_body || c->ps[d->b0].sig)
        return false;
    const cn_line *l = para_line(c, d->b0);
    return cns_opener(c, l);
}

/* Inside an unsigned answer: evidence that this paragraph starts another
 * answer, though it has no title: a greeting that opens answers, a heading
 * glued to its first sentence by a dash, or a wide gap on a page that uses
 * wide gaps between answers. */
static bool starts_answer(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    /* the vote line a site prints at the head of each answer */
    if (c->ps[p].own_line || c->ps[p].vote_before || c->ps[p].vote_head)
        return true;
    /* a site's line printed between answers ("Have a question? Ask a doctor") */
    if (c->ps[p].after_break)
        return true;
    /* A page that heads its answers with vote lines says where each starts:
     * a second greeting inside one ("Hi, I added a link ..." then "Hi Ann.
     * ...") is the same physician's. */
    if ((!c->votes_head && cns_opener(c, l) && !thanks_above_signature(c, p)) ||
        (!cns_list_item(l) && dash_heading(c, l)))
        return true;
    if (c->para_answers && !c->ps[p].goes_on)
        return true;
    /* "I agree with Dr. Lee. ...": where neither a signature ends the
     * answers nor a vote line marks them, a reply to another physician
     * starts one */
    if (c->replies_start && cn_pagecues_is_reply_opener(c->cues, l->s, l->len))
        return true;
    /* a blank line under a line of a run read one answer a line ends that
     * answer: the page parts its answers so (where credits in brackets end
     * the answers, they say where each ends) */
    if (c->bare && !c->credits_close && c->ps[p].gap >= 1 && p > 0 && c->ps[p - 1].own_line &&
        cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words &&
        !cns_continuation(c, l))
        return true;
    return c->bare && c->gap_splits && c->ps[p].gap >= 2 &&
           cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words &&
           !titled_greeting(c);
}

/* A short line of its own above a paragraph of prose: the next answer's
 * title, where something closed the answer above. */
static bool title_above_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    if (c->ps[p].n != 1 || !cns_short_enough(c, l) || !text_para(c, p + 1) || cns_list_item(l))
        return false;
    const cn_line *next = para_line(c, p + 1);
    return cns_words_upto(c, next, c->lim->answer_line_words) >= c->lim->answer_line_words;
}

/* The sign-off names the physician whose signature stands right under
 * paragraph p ("... Best of luck. Dr. Sara Vance." / a paragraph / "Sara
 * K. Vance, MD"): p is still that physician's answer. */
static bool signoff_names_signature_below(const ctx *c, size_t p, const cn_line *signoff)
{
    if (p + 1 >= c->np || !c->ps[p + 1].sig || c->ps[p + 1].block.name < 0)
        return false;
    const cn_line *name = line_at(c, (size_t)c->ps[p + 1].block.name);
    size_t core = cn_signature_name_core(c->cues, name->s, name->len);
    return cn_signature_is_signoff(c->cues, signoff->s, signoff->len, name->s, core);
}

/* "Good luck with your recovery." / "I hope this was helpful to you.": a
 * short sentence of [closing-sentences] ending in '.' or '!', the last of a
 * paragraph (a farewell needs its '!'; these say the answer is over either
 * way). */
static bool closing_sentence(const ctx *c, const cn_line *l)
{
    char end = cn_span_last_char(l->s, l->len);
    return (end == '.' || end == '!') &&
           cns_words_upto(c, l, c->lim->closing_sentence_words + 1) <=
               c->lim->closing_sentence_words &&
           cn_pagecues_is_closing_sentence(c->cues, l->s, l->len);
}

/* "... before judging it.Good luck." / "... as it heals.wish you good
 * luck.": a closing glued to the sentence before it, the page having
 * dropped the space after the dot. The glue is a '.', '!' or '?' between a
 * word's last letter (or a ')') and a letter, not a title's dot ("Dr.Lee"),
 * and what follows it is a short closing sentence or a farewell; the closing
 * sought is within the line's last closing_sentence_words words. */
static bool glued_closing(const ctx *c, const cn_line *l, cn_line *out)
{
    size_t spaces = 0, i = l->len;
    while (i > 2 && spaces < c->lim->closing_sentence_words) {
        /* eight places at a time while none of them follows a stop (x:
         * l->s[i - 8 .. i), y: the bytes before each): only their spaces
         * count; then place by place */
        if (i >= 10) {
            uint64_t x, y;
            memcpy(&x, l->s + i - 8, 8);
            memcpy(&y, l->s + i - 9, 8);
            if (!cns_stop_bytes(y)) {
                spaces += (size_t)(((cns_space_bytes(x) >> 7) * 0x0101010101010101ULL) >> 56);
                i -= 8;
                continue;
            }
        }
        i--;
        spaces += l->s[i] == ' ';
        char before = l->s[i - 2];
        if (!in_set(".!?", l->s[i - 1]) || !isalpha((unsigned char)l->s[i]) ||
            !((before >= 'a' && before <= 'z') || before == ')') ||
            cns_honorific_before(c, l, i - 1))
            continue;
        cn_line tail = *l;
        tail.s = l->s + i;
        tail.len = l->len - i;
        if (closing_sentence(c, &tail) || cns_farewell(c, &tail)) {
            *out = tail;
            return true;
        }
    }
    return false;
}

/* "Dr. Dadvand" or "Hope that helps!" on a line of its own closes its answer
 * even without a signature block: prose after it is another physician's. So
 * does a farewell that ends a paragraph of prose ("... a surgeon in your
 * area.  Best wishes!"), when a paragraph of prose follows (a name after it
 * is the signature's). */
/* "Learn more: http://www.example.com": a short line with a web address,
 * under a sign-off the physician's own link, not another answer. */
static bool link_line(const ctx *c, const cn_line *l)
{
    static const char *const MARKS[] = {"http://", "https://", "www."};
    if (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words)
        return false;
    for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0]; i++) {
        size_t m = strlen(MARKS[i]);
        for (size_t k = 0; k + m <= l->len; k++)
            if (cn_span_equals_ci(l->s + k, m, MARKS[i]))
                return true;
    }
    return false;
}

static bool after_signoff(const ctx *c, size_t p)
{
    if (p == 0 || c->ps[p - 1].sig)
        return false;
    const cn_line *prev = para_last_line(c, p - 1), *l = para_line(c, p);
    cn_line tail;
    /* "All the best," / "P.S. ...": a paragraph that goes on ([continuations])
     * is the same physician's afterthought, not the next answer */
    if (cns_continuation(c, l))
        return false;
    if (!cns_closing_like(c, prev))
        return ((cns_last_sentence(c, prev, &tail) &&
                 (cn_signature_is_signoff(c->cues, tail.s, tail.len, NULL, 0) ||
                  cns_farewell(c, &tail) || closing_sentence(c, &tail))) ||
                glued_closing(c, prev, &tail)) &&
               (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words ||
                title_above_prose(c, p)) &&
               !cns_signoff_like(c, l) && !signoff_names_signature_below(c, p, &tail);
    /* "Hope this helps." / "The best of wishes to you.": a closing under a
     * farewell is the same answer's */
    /* "Dr. Roe" / "Board Certified Plastic Surgeon": the physician's title
     * under their sign-off is the sign-off's */
    return !cns_signoff_like(c, l) && cns_words_upto(c, l, 3) >= 3 &&
           !(c->ps[p].n == 1 && (closing_sentence(c, l) || link_line(c, l))) &&
           !(c->ps[p].n == 1 && cns_signoff_like(c, prev) &&
             cn_signature_is_specialty_title(c->cues, l->s, l->len)) &&
           !signoff_names_signature_below(c, p, prev);
}

/* The paragraph after a credit starts another answer, unless it is the first
 * of two title-shaped lines above prose: the second is the next answer's
 * title, and the first stays with the text above. */
static bool after_credit(const ctx *c, size_t p)
{
    return p > 0 && cns_credit_end(c, p - 1) &&
           !(cns_looks_title(c, p) && cns_looks_title(c, p + 1) && text_para(c, p + 2));
}

/* The line of a draft's last credit, or NULL: its physician when it has no
 * signature. */
static const cn_line *draft_credit(const ctx *c, const draft *d)
{
    for (size_t p = d->has_body ? d->b1 : 0; p-- > (d->has_body ? d->b0 : 0);)
        if (cns_credit_end(c, p))
            return para_last_line(c, p);
    return NULL;
}

static bool signature_scrap(const ctx *c, size_t p);

/* A line of its own right above a signature that belongs to it: a place
 * with qualifiers, or, under the physician's own sign-off ("Dr. Roe"), the
 * physician's specialty title ("Board Certified Plastic Surgeon") printed
 * between the sign-off and the site's signature; or, under a valediction
 * alone on its line ("Warm regards,"), a short line from a capital ending no
 * sentence and closing nothing ("Example Nose Surgery Center"): the
 * signer's practice, standing where the name line would, above the site's
 * signature that has none ("Denver Facial Plastic Surgeon"; where
 * signatures stand under their answers: there a title never stands right
 * above one). Above a signature that names its physician, the line (a
 * sign-off "Dr. Roe") stays the answer's last. */
static bool signature_extra(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || p + 1 >= c->np || !c->ps[p + 1].sig)
        return false;
    const cn_line *l = para_line(c, p);
    if (cn_signature_is_extra(c->cues, l->s, l->len))
        return true;
    if (p == 0 || c->ps[p - 1].sig)
        return false;
    const cn_line *prev = para_last_line(c, p - 1);
    if (cns_signoff_like(c, prev) && cn_signature_is_specialty_title(c->cues, l->s, l->len))
        return true;
    return !c->sig_heads && c->ps[p + 1].block.name < 0 && c->ps[p - 1].n == 1 &&
           cn_pagecues_is_valediction(c->cues, prev->s, prev->len) &&
           cn_span_starts_upper(l->s, l->len) && signature_scrap(c, p) && !cns_closing_like(c, l) &&
           !cns_opener(c, l);
}

/* The page's last paragraph, a line cut by the page's end inside an answer
 * that is not signed yet: the answer's next line or the start of its
 * signature ("Joseph", "In our practice"), not the title of another answer,
 * which would follow a signature or sit above a vote line (on the real pages,
 * 14 such lines were all scraps; every title-only answer there followed a
 * signature or had its vote line). */
static bool cut_inside(const ctx *c, size_t p)
{
    return !c->has_disclaimer && p + 1 == c->np && c->ps[p].n == 1 && !c->ps[p].vote_after &&
           !c->ps[p].own_line && !c->ps[p].after_break;
}

/* A cut line of one or two words without a sentence's end ("Benjami",
 * "Retinoic"): a scrap of a signature's name line, no words of the answer. */
static bool name_scrap(const ctx *c, const cn_line *l)
{
    char last = cn_span_last_char(l->s, l->len);
    return cns_words_upto(c, l, 2 + 1) <= 2 && !in_set(".!?:", last);
}

/* Draft i can go back into draft i - 1: nothing but a title line parts them
 * (no signature or credit closes either, no vote line heads i, its lines are
 * no answers printed one a line). A signed answer under an unsigned one is
 * another physician's, whatever the page's count says. */
static bool mergeable(const ctx *c, size_t i, bool gap_only)
{
    const draft *prev = &c->ds[i - 1], *d = &c->ds[i];
    if (prev->is_signed || draft_credit(c, prev) || prev->n_superseded || d->is_signed ||
        draft_credit(c, d) || !prev->has_body || !d->has_body)
        return false;
    /* an untitled answer that a wide gap alone opened */
    if (gap_only)
        return d->title < 0 && d->gap_opened;
    if (d->title < 0)
        return false;
    const para *t = &c->ps[d->title], *b = &c->ps[d->b0];
    return !t->vote_after && !t->own_line && !b->vote_before && !b->own_line;
}

/* A page that says how many answers it holds ("Doctor Answers 1") holds no
 * more: when more were read, the extra ones are subheadings inside an
 * answer ("Why does this happen?" above a paragraph), and go back into the
 * answer above them, from the page's end up. First, though, the answers
 * that a wide gap alone opened under a titled answer of one paragraph
 * (untitled_after_titled): the page's count says that gap was inside one
 * answer ("Doctor Answers 3", four read, the second untitled under two blank
 * lines: it is the first's second paragraph, and the fourth's title stays a
 * title). */
static void keep_declared(ctx *c, long declared)
{
    if (declared < 1)
        return;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = c->nd; i-- > 1 && c->nd > (size_t)declared;) {
            if (!mergeable(c, i, pass == 0))
                continue;
            draft *prev = &c->ds[i - 1], *d = &c->ds[i];
            prev->b1 = d->b1;
            prev->is_signed = d->is_signed;
            memcpy(prev->part, d->part, sizeof prev->part);
            memcpy(prev->info, d->info, sizeof prev->info);
            memcpy(prev->superseded, d->superseded, sizeof prev->superseded);
            prev->n_superseded = d->n_superseded;
            memmove(d, d + 1, (c->nd - i - 1) * sizeof *d);
            c->nd--;
        }
}

/* The two lines say the same, ignoring case. */
static bool same_line(const cn_line *a, const cn_line *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (tolower((unsigned char)a->s[i]) != tolower((unsigned char)b->s[i]))
            return false;
    return true;
}

/* "Antibiotics before a facelift" / "antibiotics before a facelift" /
 * prose: right under d's title, before any of its text, a short line in
 * lower case that ends no sentence, above prose: the site's second heading
 * (the title again, or its keywords), no words of the answer; a greeting
 * ("dear Ann") is the answer's. The title printed again word for word,
 * whatever its case or end ("Is it safe?" / a vote line / "Is it safe?"), is
 * such a heading too. */
static bool subheading_under_title(const ctx *c, const draft *d, size_t p)
{
    if (d->title < 0 || d->has_body || c->ps[p].n != 1 || c->ps[p].sig || !text_para(c, p + 1))
        return false;
    const cn_line *l = para_line(c, p), *next = para_line(c, p + 1);
    if (same_line(l, para_line(c, (size_t)d->title)))
        return true;
    return l->s[0] >= 'a' && l->s[0] <= 'z' &&
           cns_words_upto(c, l, c->lim->answer_line_words) < c->lim->answer_line_words &&
           !in_set(".!?,;:", cn_span_last_char(l->s, l->len)) &&
           cns_words_upto(c, next, c->lim->answer_line_words) >= c->lim->answer_line_words &&
           !cns_greeting_line(c, l);
}

/* "Usually a week is enough." / "Usually a week is enough. The real ...":
 * a line of its own that the paragraph under it opens with, the site
 * printing an answer's first sentence above it: another answer starts. The
 * site may cut that sentence short ("Usually a week is..."): the words
 * before the ellipsis open the paragraph. */
static bool repeated_opening(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || c->ps[p].sig || !text_para(c, p + 1))
        return false;
    return cns_opens_with_line(para_line(c, p), para_line(c, p + 1));
}

/* "Thanks for writing to us!" alone, the first paragraph of d's body: a
 * farewell by its shape, the whole line (thanks ending in '!',
 * cns_farewell), but an [answer-openers] phrase opening the answer, so the paragraph under it
 * (p) goes on with the same answer rather than starting the next. */
static bool opening_thanks(const ctx *c, const draft *d, size_t p)
{
    if (p == 0 || !d->has_body || d->b0 != p - 1 || c->ps[p - 1].n != 1)
        return false;
    const cn_line *l = para_line(c, p - 1);
    return cns_opener(c, l) && cns_closing_like(c, l);
}

/* The body of d so far is a greeting line alone: what follows is its text. */
static bool greeting_only(const ctx *c, const draft *d)
{
    return d->has_body && d->b1 - d->b0 == 1 && c->ps[d->b0].n == 1 && !c->ps[d->b0].sig &&
           cns_greeting_line(c, para_line(c, d->b0));
}

/* The line's first word (three letters or more) is a word of the title
 * ("Fraxel Recovery" / ... / "Fraxel Repair was ..."): the paragraph goes on
 * about the answer's subject. */
static bool opens_with_title_word(const cn_line *l, const cn_line *title)
{
    size_t n = 0;
    while (n < l->len && isalpha((unsigned char)l->s[n]))
        n++;
    if (n < 3)
        return false;
    for (size_t i = 0; i + n <= title->len; i++) {
        bool starts = i == 0 || !isalpha((unsigned char)title->s[i - 1]);
        bool ends = i + n == title->len || !isalpha((unsigned char)title->s[i + n]);
        size_t k = 0;
        while (starts && ends && k < n &&
               tolower((unsigned char)title->s[i + k]) == tolower((unsigned char)l->s[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* A page that titles its answers prints an empty title line where an
 * answer has none: two blank lines, not one, stand above the answer's
 * first paragraph. Under a titled answer of one prose paragraph (one blank
 * line under its title), a paragraph of two sentences or more after such a
 * wide gap is another answer, not the first one's second paragraph (answers
 * that break into paragraphs show short ones, lists or greetings). */
static bool untitled_after_titled(const ctx *c, const draft *d, size_t p)
{
    /* where vote lines head the answers, an untitled one has its vote line
     * too: a wide gap without one parts two paragraphs of one answer */
    if (c->bare || c->votes_head || !cns_empty_title_above(c, p) || c->ps[p].n != 1 ||
        c->ps[p].sig || d->title < 0 || !d->has_body || d->b1 - d->b0 != 1 || c->ps[d->b0].n != 1 ||
        c->ps[d->b0].sig || c->ps[d->b0].gap != 1)
        return false;
    const cn_line *l = para_line(c, p), *body = para_line(c, d->b0);
    char end = cn_span_last_char(body->s, body->len);
    return cns_two_sentences(c, l) &&
           cns_words_upto(c, l, c->lim->bare_prose_words) >= c->lim->bare_prose_words &&
           cns_two_sentences(c, body) &&
           cns_words_upto(c, body, c->lim->bare_prose_words) >= c->lim->bare_prose_words &&
           (end == '.' || end == '!' || end == '?') &&
           !opens_with_title_word(l, para_line(c, (size_t)d->title));
}

/* "Ann Lee MD" / "Los Angeles" / "Ann Lee, MD" "Los Angeles Plastic
 * Surgeon": a short line that ends no sentence between two signatures (the
 * physician's own sign-off, then the site's) is part of them; an answer
 * needs text, and a title has none under it. */
static bool signature_scrap(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return cns_words_upto(c, l, c->lim->answer_line_words) < c->lim->answer_line_words &&
           !in_set(".!?", cn_span_last_char(l->s, l->len));
}

static bool one_line(const ctx *c, size_t p)
{
    return c->ps[p].n == 1 && !c->ps[p].sig;
}

/* A few such lines in a row ("Extreme Makeover Surgeon" / "Best of the
 * City Award 2015" / "Beverly Hills, Ca") each open with a capital, as a
 * signature's lines do; lines opening in lower case ("pus is an issue" /
 * "see your doctor") are an answer written without full stops. The run of
 * one-line paragraphs is found first: most have no signature at both ends. */
static bool between_signatures(const ctx *c, size_t p)
{
    enum { MAX_SCRAPS = 4 };
    if (!one_line(c, p))
        return false;
    size_t a = p, b = p;
    while (a > 0 && p - a < MAX_SCRAPS && one_line(c, a - 1))
        a--;
    while (b + 1 < c->np && b - a + 1 < MAX_SCRAPS && one_line(c, b + 1))
        b++;
    if (a == 0 || b + 1 >= c->np || !c->ps[a - 1].sig || !c->ps[b + 1].sig)
        return false;
    /* several: only under a sign-off of a name alone, not under a site's
     * signature ("Name" / "City Specialty" / rating), where a title and a
     * short answer ("Hope this helps. Dr. Sato") may follow */
    const para *above = &c->ps[a - 1];
    if (a < b && (above->block.place >= 0 || above->block.rating >= 0))
        return false;
    for (size_t k = a; k <= b; k++) {
        const cn_line *l = para_line(c, k);
        if (!signature_scrap(c, k) || (a < b && !cn_span_starts_upper(l->s, l->len)))
            return false;
    }
    return true;
}

/* "Jane Doe MD" / "Example Plastic Surgery" / "Springfield, ST" / "Clinical
 * Professor of Pla": two or more short lines glued under a signature (no
 * blank line between) that end the page, or that stand right above another
 * signature (the physician's own sign-off, then the site's "City
 * Specialty" and rating) or above the next answer's title with its vote
 * line under it, each opening with a capital and ending no
 * sentence, are more of that signature (a practice, a place, a post), not
 * another answer. One such line is the next answer's title
 * ("Jane Roe, MD" / "Stretch marks after implants" / its body), and so is
 * the first of lines with more paragraphs under them. */
static bool glued_under_signature(const ctx *c, size_t p)
{
    enum { MAX_LINES = 4 };
    const para *pa = &c->ps[p];
    if (p == 0 ||
        !(p + 1 == c->np || c->ps[p + 1].sig ||
          (c->ps[p + 1].vote_after && c->ps[p + 1].n == 1 && !c->ps[p + 1].sig)) ||
        !c->ps[p - 1].sig || pa->sig || pa->gap > 0 || pa->n < 2 || pa->n > MAX_LINES)
        return false;
    for (size_t i = pa->first; i < pa->first + pa->n; i++) {
        const cn_line *l = line_at(c, i);
        if (cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words ||
            in_set(".!?", cn_span_last_char(l->s, l->len)) || !cn_span_starts_upper(l->s, l->len))
            return false;
    }
    return true;
}

/* A physician's name alone ("Dr. Ann Lee") above the page's first answer,
 * with text under it: it names who wrote that answer, and is none itself. */
static bool name_above_first(const ctx *c, long cur, size_t p)
{
    return cur < 0 && c->ps[p].n == 1 && !c->ps[p].sig && p + 1 < c->np && !c->ps[p + 1].sig &&
           cns_signoff_like(c, para_line(c, p));
}

/* "Ken Hale, MD" / "Reno, NV": a place line of its own right under a
 * signature that holds a name and no place is that signature's, not the
 * next answer's title. */
static bool place_under_name(const ctx *c, size_t p)
{
    if (p == 0 || !c->ps[p - 1].sig || c->ps[p].sig || c->ps[p].n != 1 ||
        c->ps[p - 1].block.name < 0 || c->ps[p - 1].block.place >= 0)
        return false;
    const cn_line *l = para_line(c, p);
    cn_sigline info;
    cns_classified(c, l, &info);
    return cn_signature_reclassify_after(c->cues, CN_SIGLINE_NAME, l->s, l->len, &info) ==
           CN_SIGLINE_PLACE;
}

/* A page that prints a vote line under each answer's title (every title
 * standing where titles stand has one): inside an answer whose title has
 * one, a title-shaped line without one is that answer's subheading
 * ("Increase the dilution" above its advice). */
static bool unvoted_subheading(const ctx *c, const draft *d, size_t p)
{
    return c->votes_under_titles && !c->ps[p].vote_after && d->title >= 0 &&
           c->ps[d->title].vote_after;
}

/* On a page whose site prints no answer titles (c->untitled): a line of its
 * own ending no sentence ("ESG", "General Practitioner, Aesthetic", a
 * tagline in quotes), or a closing ("Hope that helps!!"), where a title
 * would be read elsewhere. Under an answer's text it
 * is that answer's last line, and the answer ends there; above an answer's
 * first words it is its physician's header, furniture. A greeting ("Hi,")
 * opens a body. */
static bool untitled_tail(const ctx *c, size_t p)
{
    if (!c->untitled || c->ps[p].n != 1 || !text_para(c, p))
        return false;
    const cn_line *l = para_line(c, p);
    if (cns_greeting_line(c, l) || cns_opener(c, l) || cns_list_item(l) ||
        cn_span_last_char(l->s, l->len) == ':')
        return false;
    return cns_closing_like(c, l) ||
           (!in_set(".!?", cn_span_last_char(l->s, l->len)) &&
            cns_words_upto(c, l, c->lim->bare_prose_words) < c->lim->bare_prose_words);
}

/* Under an answer untitled_tail ended: prose of two sentences or more
 * starts the next answer ("Theoretically yes, ... However, ..."); a site's
 * one-sentence footer note stays where it stands. */
static bool ended_prose(const ctx *c, size_t p)
{
    return text_para(c, p) && (c->ps[p].n > 1 || cns_two_sentences(c, para_line(c, p)));
}

/* "Ruptured Breast Implants:" alone right under the line that heads an
 * answer ("A:"), above a paragraph of prose: the answer's title, its colon
 * the site's. Every word capitalized (or a [title-small-words] word), so a
 * sentence announcing what follows ("Here is what I suggest:") stays the
 * body's. */
static bool colon_title_under_header(const ctx *c, size_t p)
{
    if (!c->ps[p].vote_before || c->ps[p].n != 1 || c->ps[p].sig || !text_para(c, p + 1))
        return false;
    const cn_line *l = para_line(c, p), *next = para_line(c, p + 1);
    if (cn_span_last_char(l->s, l->len) != ':' || !cn_span_starts_upper(l->s, l->len) ||
        cns_words_upto(c, l, c->lim->answer_line_words) >= c->lim->answer_line_words ||
        cns_words_upto(c, next, c->lim->answer_line_words) < c->lim->answer_line_words ||
        cns_list_item(next))
        return false;
    return cns_title_case_misses(c, l, NULL) == 0;
}

/* "The swelling should go down within a week." above "Thanks for your
 * question." alone on its line, where an answer starts: a sentence title
 * (one sentence of at most period_title_words words) above the greeting
 * that opens its body (on the real pages 7 of 7 such lines were titles).
 * Right under "Doctor Answers N", where the first answer's title stands,
 * any line a title's length above such a greeting is that title, two
 * sentences too ("A long reply, sorry. I hope it helps." / "Hi Sam,",
 * val23). */
static bool title_above_greeting(const ctx *c, size_t p)
{
    if (!text_para(c, p) || c->ps[p].n != 1 || c->ps[p].own_line || !text_para(c, p + 1) ||
        c->ps[p + 1].n != 1)
        return false;
    const cn_line *l = para_line(c, p);
    bool first_under_marker = p == 0 && !c->bare && cns_short_enough(c, l);
    return (first_under_marker ||
            (cn_span_last_char(l->s, l->len) == '.' && !cns_two_sentences(c, l) &&
             cns_words_upto(c, l, c->lim->period_title_words + 1) <= c->lim->period_title_words)) &&
           !cns_greeting_line(c, l) && !cns_opener(c, l) &&
           cns_greeting_line(c, para_line(c, p + 1));
}

/* Where signatures head the answers: draft d is only the page's last line,
 * cut by the page's end and shaped like the start of the next name line
 * ("Ann B. Lee, M": a few capitalized words, a comma, no sentence's end). */
static bool cut_name_at_end(const ctx *c, const draft *d)
{
    enum { NAME_WORDS = 5 };
    if (d->is_signed || d->b1 != c->np || d->b1 - d->b0 != 1 || c->ps[d->b0].n != 1)
        return false;
    const cn_line *l = para_line(c, d->b0);
    if (!memchr(l->s, ',', l->len) || in_set(".!?:", cn_span_last_char(l->s, l->len)) ||
        cns_words_upto(c, l, NAME_WORDS + 1) > NAME_WORDS)
        return false;
    for (size_t i = 0; i < l->len; i++)
        if ((i == 0 || l->s[i - 1] == ' ') && !(l->s[i] >= 'A' && l->s[i] <= 'Z'))
            return false;
    return true;
}

static int segment(ctx *c, cn_error *err)
{
    size_t cap = 0;
    long cur = -1, last_signed = -1;
    size_t last_sig_para = 0;
    bool ended = false; /* untitled_tail ended the current answer */
    for (size_t p = 0; p < c->np; p++) {
        if (c->ps[p].sig && c->sig_heads) {
            /* a signature above its answer: it opens the answer, or completes
             * the signature that opened it ("Name" then "Specialty") */
            if (cur >= 0 && c->ds[cur].is_signed && !c->ds[cur].has_body) {
                merge_signature(c, &c->ds[cur], p, last_sig_para);
            } else {
                int rc = new_draft(c, &cap, err);
                if (rc)
                    return rc;
                cur = (long)c->nd - 1;
                take_parts(&c->ds[cur], &c->ps[p]);
                c->ds[cur].is_signed = true;
            }
            last_sig_para = p;
            continue;
        }
        if (c->ps[p].sig) {
            if (cur >= 0) {
                take_parts(&c->ds[cur], &c->ps[p]);
                c->ds[cur].is_signed = true;
                last_signed = cur;
                cur = -1;
            } else if (last_signed >= 0) {
                merge_signature(c, &c->ds[last_signed], p, last_sig_para);
            }
            last_sig_para = p;
            continue;
        }
        if (signature_extra(c, p))
            continue; /* part of the signature below it */
        /* votes head every answer: short lines above the first are the
         * site's ("Asked by" / a user name) */
        if (c->votes_lead && c->first_vote > 0 && p + 1 < c->first_vote && !para_prose(c, p))
            continue;
        if (p > 0 && c->ps[p - 1].sig && cn_signature_is_address(para_line(c, p), c->ps[p].n))
            continue; /* the practice's address under a signature */
        if (between_signatures(c, p) || place_under_name(c, p) || glued_under_signature(c, p))
            continue; /* "Los Angeles" under the physician's own sign-off */
        if (name_above_first(c, cur, p))
            continue; /* "Dr. Ann Lee" above the first answer: who wrote it */
        bool has_text = cur >= 0 && c->ds[cur].has_body;
        if (untitled_tail(c, p) && !(has_text && ended && after_signoff(c, p))) {
            if (has_text) {
                add_body(&c->ds[cur], p);
                ended = true;
            }
            continue;
        }
        /* "Ann Lee, Plastic Surgeon, UK" right above the next answer's title
         * where vote lines head the answers under their titles: a short line ending no
         * sentence, the last words of the answer above (its signer) */
        if (c->votes_head && !c->votes_lead && cur >= 0 && c->ds[cur].has_body && c->ps[p].n == 1 &&
            !c->ps[p].vote_after && !c->ps[p].vote_before && p + 1 < c->np &&
            c->ps[p + 1].vote_after && text_para(c, p + 2) && signature_scrap(c, p)) {
            add_body(&c->ds[cur], p);
            continue;
        }
        /* under a line printed between answers the answer is new anyway:
         * its first line heads it as after a signature (cns_title_at_start) */
        bool inside = !c->untitled && cur >= 0 && c->ds[cur].has_body && !c->ps[p].after_break &&
                      !greeting_only(c, &c->ds[cur]) && cns_title_inside(c, p) &&
                      !unvoted_subheading(c, &c->ds[cur], p);
        if (inside && cut_inside(c, p)) {
            if (!name_scrap(c, para_line(c, p)))
                add_body(&c->ds[cur], p);
            continue;
        }
        bool signed_off = after_signoff(c, p) && !(cur >= 0 && opening_thanks(c, &c->ds[cur], p));
        bool opens = !inside && cur >= 0 && c->ds[cur].has_body && !greeting_only(c, &c->ds[cur]);
        bool other = opens && ((ended && ended_prose(c, p)) || starts_answer(c, p) || signed_off ||
                               after_credit(c, p) || repeated_opening(c, p));
        bool gap_opened = opens && !other && untitled_after_titled(c, &c->ds[cur], p);
        bool fresh = other || gap_opened;
        if (cur >= 0 && !inside && !fresh) {
            if (!subheading_under_title(c, &c->ds[cur], p))
                add_body(&c->ds[cur], p);
            continue;
        }
        int rc = new_draft(c, &cap, err);
        if (rc)
            return rc;
        cur = (long)c->nd - 1;
        last_signed = -1;
        ended = false;
        draft *d = &c->ds[cur];
        d->gap_opened = gap_opened;
        /* An answer opened by a greeting or a wide gap starts with its body,
         * unless the line is shaped like a title. */
        bool closed = fresh && (signed_off || after_credit(c, p) || c->ps[p].after_break);
        /* In a run printed one answer a line, a short line ("24 hrs") is an
         * answer too, not the title of the next line. */
        bool own = c->ps[p].own_line;
        if (!c->untitled && !c->ps[p].run_head &&
            (inside || title_above_greeting(c, p) || colon_title_under_header(c, p) ||
             (fresh && !closed ? !own && cns_looks_title(c, p) && text_para(c, p + 1)
                               : cns_title_at_start(c, p))))
            d->title = (long)p;
        else
            add_body(d, p);
    }
    /* a name above no answer: the page ends under a signature, or inside
     * the next one ("Ann B. Lee, M") */
    if (c->sig_heads && c->nd > 0 && c->ds[c->nd - 1].title < 0 &&
        (!c->ds[c->nd - 1].has_body || cut_name_at_end(c, &c->ds[c->nd - 1])))
        c->nd--;
    return CN_OK;
}

/* The physician of a draft: name line (trailing commas trimmed), city,
 * canonical specialty, rating and reviews. */
static int fill_physician(const ctx *c, const draft *d, cn_physician *ph, cn_error *err)
{
    if (d->part[0] >= 0) {
        const cn_line *l = line_at(c, (size_t)d->part[0]);
        size_t n = d->info[0].len ? d->info[0].len : l->len; /* a site link dropped */
        while (n > 0 && l->s[n - 1] == ',')
            n--;
        if (!(ph->name = cn_text_squeeze(l->s, n)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (d->part[1] >= 0) {
        const cn_line *l = line_at(c, (size_t)d->part[1]);
        if (d->info[1].city_len > 0 && !(ph->city = cn_text_squeeze(l->s, d->info[1].city_len)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        const char *sp = d->info[1].specialty; /* NULL: "City, ST" alone */
        if (sp && !(ph->specialty = cn_span_copy(sp, strlen(sp))))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    /* no signature: the credit in brackets that closed the answer, if any */
    const cn_line *credit = d->part[0] < 0 && d->part[1] < 0 ? draft_credit(c, d) : NULL;
    cn_credit cr;
    if (credit && cn_signature_credit(c->cues, credit->s, credit->len, &cr) &&
        (!(ph->name = cn_span_copy(cr.name, cr.name_len)) ||
         (cr.city_len && !(ph->city = cn_span_copy(cr.city, cr.city_len))) ||
         (cr.specialty && !(ph->specialty = cn_span_copy(cr.specialty, strlen(cr.specialty))))))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (d->part[2] >= 0) {
        ph->has_rating = true;
        ph->rating = d->info[2].rating;
        ph->has_reviews = d->info[2].has_reviews;
        ph->reviews = d->info[2].reviews;
    }
    return CN_OK;
}

static int fill_answer(const ctx *c, const draft *d, cn_answer *a, cn_error *err)
{
    if (d->title >= 0) {
        const cn_line *l = para_line(c, (size_t)d->title);
        if (!(a->title = cn_span_copy(l->s, l->len)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    sbuf body = {0};
    if (d->has_body)
        add_paras(c, &body, d->b0, d->b1);
    if (!(a->text = sb_take(&body)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    /* "Doctor: Hello. ..." on a page that prints a chat ([answer-labels]):
     * the site's label is no word of the answer */
    size_t label = cn_pagecues_answer_label(c->cues, a->text, strlen(a->text));
    if (label > 0)
        memmove(a->text, a->text + label, strlen(a->text + label) + 1);
    int rc = fill_physician(c, d, &a->physician, err);
    if (rc)
        return rc;
    /* What another rendering may show: the body with its sign-offs, and any
     * sign-off that looked like a signature. */
    sbuf match = {0};
    sb_add(&match, a->text, strlen(a->text));
    for (size_t i = 0; i < d->n_superseded; i++)
        add_paras(c, &match, d->superseded[i], d->superseded[i] + 1);
    if (!(a->match_text = sb_take(&match)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (a->physician.name) {
        size_t core = cn_signature_name_core(c->cues, a->physician.name, strlen(a->physician.name));
        cn_signature_strip_signoff(c->cues, a->text, a->physician.name, core);
    }
    if (strcmp(a->match_text, a->text) == 0) {
        free(a->match_text);
        a->match_text = NULL;
    }
    return CN_OK;
}

static int fill_answers(ctx *c, cn_page *page, cn_error *err);

/* The question's title (line `title`, none when it is `marker`) and its body
 * (lines body_at .. marker, kept only when not empty). */
static int set_question(ctx *c, cn_page *page, size_t title, size_t body_at, size_t marker,
                        cn_error *err)
{
    if (title < marker &&
        !(page->question = cn_span_copy(line_at(c, title)->s, line_at(c, title)->len)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    char *body = join_lines(c, body_at, marker);
    if (!body)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (*body)
        page->body = body;
    else
        free(body);
    return CN_OK;
}

/* The question under a site's furniture (cns_site_title), then the answers. */
static int site_question(ctx *c, cn_page *page, size_t from, size_t marker, cn_error *err)
{
    size_t body_at;
    size_t t = cns_site_title(c, from, marker, &body_at);
    int rc = set_question(c, page, t, body_at, marker, err);
    return rc != CN_OK ? rc : fill_answers(c, page, err);
}

static int fill_page(ctx *c, cn_page *page, size_t marker, cn_error *err)
{
    size_t q = 0;
    while (q < marker && (line_at(c, q)->len == 0 || cns_noise(c, line_at(c, q))))
        q++;
    size_t past = cns_past_site_header(c, q);
    if (past != q)
        return site_question(c, page, past, marker, err);
    /* A breadcrumb may stand above the title ("Anesthesia Questions"): the
     * question is the first line that asks, when the first does not. */
    if (q < marker && cn_span_last_char(line_at(c, q)->s, line_at(c, q)->len) != '?')
        for (size_t i = q + 1; i < marker; i++) {
            const cn_line *l = line_at(c, i);
            if (l->len > 0 && cns_short_enough(c, l) && cn_span_last_char(l->s, l->len) == '?') {
                q = i;
                break;
            }
        }
    if (q < marker) {
        int rc = set_question(c, page, q, q + 1, marker, err);
        if (rc != CN_OK)
            return rc;
    }
    return fill_answers(c, page, err);
}

static int fill_answers(ctx *c, cn_page *page, cn_error *err)
{
    if (c->nd == 0)
        return CN_OK;
    page->answers = calloc(c->nd, sizeof *page->answers);
    if (!page->answers)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->nd; i++) {
        cn_answer *a = &page->answers[i];
        page->n_answers++;
        a->index = i + 1;
        int rc = fill_answer(c, &c->ds[i], a, err);
        if (rc)
            return rc;
    }
    const draft *last = &c->ds[c->nd - 1];
    if (!c->has_disclaimer && !last->is_signed && !draft_credit(c, last))
        page->answers[c->nd - 1].truncated = true;
    return CN_OK;
}

/* "4.9 out of 5 st", "5.0 out", "4.6", "5.", "5.0 out of 5 stars 107 re": the
 * start of a rating line, cut by the page's end. */
static bool rating_scrap(const cn_line *l)
{
    static const char REST[] = " out of 5 stars";
    static const char REVIEWS[] = " reviews";
    /* "5.": cut right after the rating's first digit */
    if (l->len == 2 && l->s[0] >= '0' && l->s[0] <= '9' && l->s[1] == '.')
        return true;
    if (l->len < 3 || l->s[0] < '0' || l->s[0] > '9' || l->s[1] != '.' || l->s[2] < '0' ||
        l->s[2] > '9')
        return false;
    size_t rest = l->len - 3;
    if (rest < sizeof REST - 1)
        return memcmp(l->s + 3, REST, rest) == 0;
    if (memcmp(l->s + 3, REST, sizeof REST - 1) != 0)
        return false;
    size_t k = 3 + sizeof REST - 1;
    if (k < l->len && l->s[k] == ' ')
        k++;
    size_t d = k;
    while (k < l->len && l->s[k] >= '0' && l->s[k] <= '9')
        k++;
    if (k == l->len)
        return true; /* "... 5 stars" or "... 5 stars 10" */
    rest = l->len - k;
    return k > d && rest < sizeof REVIEWS - 1 && memcmp(l->s + k, REVIEWS, rest) == 0;
}

/* "Baltimore Plastic Su": the page's last line, glued under a physician's
 * name line, cut inside the place line of that signature. */
static bool place_scrap(const ctx *c, size_t i)
{
    if (i == 0 || line_at(c, i - 1)->len == 0)
        return false;
    const cn_line *l = line_at(c, i), *above = line_at(c, i - 1);
    char last = cn_span_last_char(l->s, l->len);
    cn_sigline info;
    return cns_words_upto(c, l, 4 + 1) <= 4 && last != '.' && last != '?' && last != '!' &&
           cns_classified(c, above, &info) == CN_SIGLINE_NAME;
}

/* "Swollen lip three days after filler? Should I" under the last answer: the
 * page's own question printed again at its end (a list of questions,
 * cut by the page's end), a paragraph of its own that begins a line above
 * the answers. Only a line of some length counts (question_scrap_bytes): a
 * short one ("Thanks") may begin a question by chance. */
static bool question_scrap(const ctx *c, size_t i)
{
    const cn_line *l = line_at(c, i);
    if (l->len < c->lim->question_scrap_bytes || (i > 0 && line_at(c, i - 1)->len != 0))
        return false;
    for (size_t k = 0; k < c->q_end && k < i; k++) {
        const cn_line *q = line_at(c, k);
        if (q->len >= l->len && memcmp(q->s, l->s, l->len) == 0)
            return true;
    }
    return false;
}

int cn_structured_parse(const cn_pagecues *cues, const char *text, size_t len, cn_page *page,
                        cn_error *err)
{
    struct title_scan titles = {0};
    ctx c = {.cues = cues, .lim = cn_pagecues_get_limits(cues), .titles = &titles};
    page->format = CN_FORMAT_STRUCTURED;
    page->declared_answers = -1;
    int rc = cn_lines_split(text, len, &c.lines, err);
    if (rc)
        return rc;
    c.memo = calloc(c.lines.n + 1, sizeof *c.memo);
    if (!c.memo) {
        cn_lines_clear(&c.lines);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t marker = c.lines.n;
    for (size_t i = 0; i < c.lines.n && marker == c.lines.n; i++) {
        c.memo[i].marker = cn_pagecues_answers_marker(cues, c.lines.v[i].s, c.lines.v[i].len,
                                                      &page->declared_answers);
        c.memo[i].known |= KNOW_MARKER;
        if (c.memo[i].marker)
            marker = i;
    }
    c.untitled = marker < c.lines.n &&
                 cn_pagecues_untitled_marker(cues, c.lines.v[marker].s, c.lines.v[marker].len);
    size_t q_end = marker, start = marker + 1;
    if (marker == c.lines.n) {
        page->format = CN_FORMAT_BARE;
        c.bare = true;
        start = cns_implicit_marker(&c, &q_end);
        size_t top = 0;
        while (top < c.lines.n && c.lines.v[top].len == 0)
            top++;
        c.site_titled = q_end > 0 && top < c.lines.n && cns_past_site_header(&c, top) != top;
    } else {
        /* A site printing its count line above the asker's title and post,
         * then a [question-ends] line ("All Replies") above the first
         * answer: the answers start under that line. */
        size_t below = cns_question_end_below(&c, marker);
        if (below > 0)
            q_end = start = below;
    }
    c.q_end = q_end;
    size_t end = c.lines.n;
    for (size_t i = start; i < c.lines.n && end == c.lines.n; i++)
        if (cn_pagecues_is_disclaimer(cues, c.lines.v[i].s, c.lines.v[i].len))
            end = i;
    c.has_disclaimer = end < c.lines.n;
    /* A page cut inside its closing disclaimer ("These answers are for ed"). */
    size_t last = end;
    while (!c.has_disclaimer && last > start && c.lines.v[last - 1].len == 0)
        last--;
    if (!c.has_disclaimer && last > start &&
        cn_pagecues_is_cut_disclaimer(cues, c.lines.v[last - 1].s, c.lines.v[last - 1].len)) {
        end = last - 1;
        c.has_disclaimer = true;
    }
    /* A page cut inside a rating line ("4.9 out of 5 st") ends with a scrap
     * of the last signature, not with an answer. */
    while (!c.has_disclaimer && end > start &&
           ((c.lines.v[end - 1].len == 0 && !(c.lines.v[end - 1].flags & CN_LINE_RESIDUE)) ||
            rating_scrap(&c.lines.v[end - 1]) ||
            cn_pagecues_is_cut_widget(cues, c.lines.v[end - 1].s, c.lines.v[end - 1].len)))
        end--;
    if (!c.has_disclaimer && end > start + 1 && place_scrap(&c, end - 1))
        end--;
    if (end > start + 1 && question_scrap(&c, end - 1))
        while (--end > start && c.lines.v[end - 1].len == 0)
            ;
    c.end = end;
    cns_detect_votes_lead(&c, start, end);
    rc = cns_build_paras(&c, start, end, err);
    if (rc == CN_OK && !cns_any_signature(&c) && !cns_any_vote(&c)) {
        /* No signatures to end answers: pages that print one answer a line.
         * Vote lines heading the answers say where each starts: there a run
         * of lines is one answer's paragraph. */
        c.np = 0;
        c.split_runs = true;
        rc = cns_build_paras(&c, start, end, err);
    }
    c.declared = page->declared_answers;
    if (rc == CN_OK && cns_count_matches_lines(&c)) {
        c.np = 0;
        c.counted_lines = true;
        rc = cns_build_paras(&c, start, end, err);
    } else if (rc == CN_OK && cns_count_matches_para_lines(&c)) {
        c.np = 0;
        c.counted_paras = true;
        rc = cns_build_paras(&c, start, end, err);
    }
    if (rc == CN_OK) {
        cns_detect_gap_splits(&c);
        cns_detect_sig_heads(&c);
        rc = segment(&c, err);
        if (rc == CN_OK)
            keep_declared(&c, page->declared_answers);
        if (rc == CN_OK && page->format == CN_FORMAT_BARE && !any_prose(&c))
            c.nd = 0; /* no answer reads as prose: not a Q&A page */
        if (rc == CN_OK)
            rc = fill_page(&c, page, q_end, err);
    }
    cn_lines_clear(&c.lines);
    free(c.memo);
    free(c.ps);
    free(c.ds);
    return rc;
}
