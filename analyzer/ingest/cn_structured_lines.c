/* cn_structured_lines: what one line of a structured page is, each memoized fact read once. */
#include "cn_structured_int.h"

#include <ctype.h>
#include <string.h>

/* "Facelift #faceliftrecovery #beauty", "#San Francisco Facelift",
 * "@lips @drlee #drlee": a site's tags or a physician's social handles under
 * an answer, no sentence, starting with a hashtag or made of tags and
 * handles for half its words at least ("Ask your #PlasticSurgeon." is
 * text). A line opening with a hashtag but longer than any title
 * (title_max_words) and mostly plain words is prose, its final period
 * lost where the page's end cut it ("#Swelling after a lift fades over
 * ..."). */
static bool hashtag_line(const ctx *c, const cn_line *l)
{
    if (l->len < 2 || !memchr(l->s, '#', l->len) || strchr(".!?", cn_span_last_char(l->s, l->len)))
        return false;
    size_t words = 0, tags = 0;
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] != ' ' && (i == 0 || l->s[i - 1] == ' ')) {
            words++;
            tags += (l->s[i] == '#' || l->s[i] == '@') && i + 1 < l->len &&
                    isalpha((unsigned char)l->s[i + 1]);
        }
    return (l->s[0] == '#' && isalpha((unsigned char)l->s[1]) &&
            words <= c->lim->title_max_words) ||
           2 * tags >= words;
}

/* "AnesthesiologistAnesthesiologist", "Ann Lee, MDAnn Lee, MD": the same
 * text twice with nothing between, a link printed again by its image's
 * text; the site's label or byline, no words of an answer. A question
 * printed so ("Safe after a lift?Safe after a lift?") still titles the
 * answer under it. */
static bool doubled_line(const cn_line *l)
{
    enum { HALF_MIN = 3 };
    size_t half = l->len / 2;
    return l->len % 2 == 0 && half >= HALF_MIN && l->s[half - 1] != ' ' && l->s[half - 1] != '?' &&
           l->s[half] != ' ' && memcmp(l->s, l->s + half, half) == 0;
}

/* The memo of l, a line of the page (never a piece of one). */
static line_memo *memo_of(const ctx *c, const cn_line *l)
{
    return &c->memo[l - c->lines.v];
}

/* The memo of l when it is a line of the page, else NULL: such a line lies
 * in c->lines.v (compared as addresses: l may be a copy of one, or a piece,
 * on the caller's stack). */
static line_memo *page_line_memo(const ctx *c, const cn_line *l)
{
    uintptr_t at = (uintptr_t)l, v = (uintptr_t)c->lines.v;
    if (!c->memo || at < v || at - v >= c->lines.n * sizeof *l)
        return NULL;
    return &c->memo[(at - v) / sizeof *l];
}

size_t cns_opener_words(const ctx *c, const cn_line *l)
{
    line_memo *m = page_line_memo(c, l);
    if (!m)
        return cn_pagecues_opener_words(c->cues, l->s, l->len);
    if (!(m->known & KNOW_OPENER)) {
        /* at most 101: the words of a line's first 200 bytes */
        m->opener_words = (uint32_t)cn_pagecues_opener_words(c->cues, l->s, l->len);
        m->known |= KNOW_OPENER;
    }
    return m->opener_words;
}

bool cns_opener(const ctx *c, const cn_line *l)
{
    return cns_opener_words(c, l) > 0;
}

bool cns_continuation(const ctx *c, const cn_line *l)
{
    line_memo *m = page_line_memo(c, l);
    if (!m)
        return cn_pagecues_is_continuation(c->cues, l->s, l->len);
    if (!(m->known & KNOW_CONTINUATION)) {
        m->continuation = cn_pagecues_is_continuation(c->cues, l->s, l->len);
        m->known |= KNOW_CONTINUATION;
    }
    return m->continuation;
}

size_t cns_words_upto(const ctx *c, const cn_line *l, size_t cap)
{
    line_memo *m = page_line_memo(c, l);
    if (!m)
        return cn_span_words_upto(l->s, l->len, cap);
    if ((m->known & KNOW_WORDS) || ((m->known & KNOW_WORDS_MIN) && cap <= m->words))
        return m->words < cap ? m->words : cap;
    size_t words = cn_span_words_upto(l->s, l->len, cap);
    if (words < cap && words < UINT32_MAX) { /* the whole count */
        m->words = (uint32_t)words;
        m->known |= KNOW_WORDS;
    } else if (words < UINT32_MAX) { /* at least cap words */
        m->words = (uint32_t)words;
        m->known |= KNOW_WORDS_MIN;
    }
    return words;
}

size_t cns_words(const ctx *c, const cn_line *l)
{
    return cns_words_upto(c, l, SIZE_MAX);
}

/* "Photo of Dr Ann Lee" / "Dr Ann Lee": the line repeats the end of the
 * widget line right above it, the name under a picture's caption; it is the
 * caption's, no text (the specialty under it still signs). */
static bool caption_name(const ctx *c, const cn_line *l)
{
    if (l == c->lines.v || l->len == 0)
        return false;
    const cn_line *above = l - 1;
    return above->len > l->len && !(above->flags & CN_LINE_RESIDUE) && cns_noise(c, above) &&
           above->s[above->len - l->len - 1] == ' ' &&
           memcmp(above->s + above->len - l->len, l->s, l->len) == 0;
}

/* The nearest line with text above (step -1) or under (step +1) line i,
 * over one or two blank lines at most; NULL when none. */
static const cn_line *near_text(const ctx *c, size_t i, int step)
{
    for (size_t k = 1; k <= 3; k++) {
        if ((step < 0 && i < k) || (step > 0 && i + k >= c->lines.n))
            return NULL;
        const cn_line *n = line_at(c, step < 0 ? i - k : i + k);
        if (n->len > 0)
            return k > 1 ? n : NULL;
    }
    return NULL;
}

/* Does name line n's name ("Ann Lee, MD" -> "Ann Lee") hold the word w? */
static bool name_holds(const ctx *c, const cn_line *n, const char *w, size_t wlen)
{
    cn_sigline sl;
    if (cns_classified(c, n, &sl) != CN_SIGLINE_NAME)
        return false;
    size_t core = sl.name_core < n->len ? sl.name_core : n->len;
    for (size_t k = 0; k + wlen <= core; k++)
        if ((k == 0 || n->s[k - 1] == ' ' || n->s[k - 1] == '.') &&
            memcmp(n->s + k, w, wlen) == 0 && (k + wlen == core || strchr(" ,.", n->s[k + wlen])))
            return true;
    return false;
}

/* "Lee Facial Plastic Surgery" a blank line from "Ann Lee, MD" (above or
 * under it): a practice named after the physician, a paragraph of its own
 * beside the signature; more of the signature, no answer. A few words, no
 * sentence end or comma, opening with a word of the name line's name
 * (capitalized, three letters at least), and no name itself. */
static bool practice_line(const ctx *c, const cn_line *l)
{
    /* the tests of a byte or two first (most lines fail one), then the
     * words, counted up to answer_line_words: a longer line is no practice's */
    if (l->len == 0 || l->s[0] < 'A' || l->s[0] > 'Z' ||
        strchr(".!?:", cn_span_last_char(l->s, l->len)) || memchr(l->s, ',', l->len))
        return false;
    size_t words = cns_words_upto(c, l, c->lim->answer_line_words);
    if (words < 2 || words >= c->lim->answer_line_words)
        return false;
    size_t w = 0;
    while (w < l->len && l->s[w] != ' ')
        w++;
    cn_sigline sl;
    if (w < 3 || cns_classified(c, l, &sl) == CN_SIGLINE_NAME)
        return false;
    /* the last word is no word of the name: "Ann Lee" above "Ann Lee, MD"
     * is the name signing off, which signs as it is */
    size_t last = l->len;
    while (last > 0 && l->s[last - 1] == ' ')
        last--;
    size_t lw = last;
    while (lw > 0 && l->s[lw - 1] != ' ')
        lw--;
    size_t i = (size_t)(l - c->lines.v);
    const cn_line *above = near_text(c, i, -1), *under = near_text(c, i, +1);
    const cn_line *name = above && name_holds(c, above, l->s, w)   ? above
                          : under && name_holds(c, under, l->s, w) ? under
                                                                   : NULL;
    return name && !name_holds(c, name, l->s + lw, last - lw);
}

bool cns_noise(const ctx *c, const cn_line *l)
{
    if (l->flags & CN_LINE_RESIDUE)
        return true;
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_NOISE)) {
        m->noise = cn_pagecues_is_widget(c->cues, l->s, l->len) || hashtag_line(c, l) ||
                   caption_name(c, l) || doubled_line(l) || practice_line(c, l);
        m->known |= KNOW_NOISE;
    }
    return m->noise;
}

/* Is line l of the page an answer header (cn_pagecues_is_answer_header)?
 * Asked of the same lines by the search for the first header and by every
 * build of the paragraphs (a page is built more than once). */
bool cns_answer_header(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_HEADER)) {
        m->header = cn_pagecues_is_answer_header(c->cues, l->s, l->len);
        m->known |= KNOW_HEADER;
    }
    return m->header;
}

/* Is line l of the page an answers marker ("4 Doctor Answers")? The search
 * for the page's marker reads lines from the top (and all of them on a page
 * without one), each build of the paragraphs the answer region's. */
bool cns_answers_marker(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_MARKER)) {
        m->marker = cn_pagecues_answers_marker(c->cues, l->s, l->len, NULL);
        m->known |= KNOW_MARKER;
    }
    return m->marker;
}

/* cn_signature_classify of line l of the page, into *out. */
cn_sigline_kind cns_classified(const ctx *c, const cn_line *l, cn_sigline *out)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_SIGLINE)) {
        cn_signature_classify(c->cues, l->s, l->len, &m->plain);
        m->known |= KNOW_SIGLINE;
    }
    *out = m->plain;
    return out->kind;
}

/* "\"Cold\" Sculpting (in short)": a title may open with a word in quote
 * marks; its first letter past them is a capital (or a digit) as any
 * title's is. */
bool cns_heading_start(const cn_line *l)
{
    static const char *const QUOTES[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98"};
    size_t k = 0;
    for (bool more = true; more && k < l->len;) {
        more = false;
        for (size_t q = 0; q < sizeof QUOTES / sizeof QUOTES[0]; q++) {
            size_t n = strlen(QUOTES[q]);
            if (l->len - k > n && memcmp(l->s + k, QUOTES[q], n) == 0) {
                k += n;
                more = true;
                break;
            }
        }
    }
    return k < l->len &&
           (cn_span_starts_upper(l->s + k, l->len - k) || (l->s[k] >= '0' && l->s[k] <= '9'));
}

/* "1. Do this" / "2) that" / "3- this": list items are body text. */
bool cns_list_item(const cn_line *l)
{
    static const char *const BULLETS[] = {"\xE2\x80\xA2", "- ", "* ", "\xC2\xB7"};
    for (size_t b = 0; b < sizeof BULLETS / sizeof BULLETS[0]; b++)
        if (l->len > strlen(BULLETS[b]) && memcmp(l->s, BULLETS[b], strlen(BULLETS[b])) == 0)
            return true;
    size_t i = 0;
    while (i < l->len && i < 3 && l->s[i] >= '0' && l->s[i] <= '9')
        i++;
    if (i == 0 || i >= l->len)
        return false;
    /* "4.5 weeks is ...": a number with decimals starts a sentence, no item */
    if (l->s[i] == '.' && i + 1 < l->len && l->s[i + 1] >= '0' && l->s[i + 1] <= '9')
        return false;
    /* "1- plenty of cells": a dash and a space; "3-month" is a word */
    if (l->s[i] == '-')
        return i + 1 < l->len && l->s[i + 1] == ' ';
    return l->s[i] == '.' || l->s[i] == ')';
}

/* "Hi zoolou,", "Dear Ann:", "Thank you for the question.": a greeting
 * alone on its line, shorter than a sentence line. The physician's words
 * follow under it: the lines or the paragraph after it are the same
 * answer's, even one that opens as answers do ("Thanks for your question"). */
bool cns_greeting_line(const ctx *c, const cn_line *l)
{
    size_t opener = cns_opener_words(c, l);
    return opener > 0 && cns_words_upto(c, l, opener + c->lim->greeting_name_words + 1) <=
                             opener + c->lim->greeting_name_words;
}

bool cns_signoff_like(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_SIGNOFF)) {
        m->signoff = cn_signature_is_signoff(c->cues, l->s, l->len, NULL, 0);
        m->known |= KNOW_SIGNOFF;
    }
    return m->signoff;
}

/* "All the best, Dr Ames. Skin surgeon, Perth": after the valediction (the
 * line starts with one), a comma and the physician's "Dr" within the line's
 * first words: a sign-off with the practice's blurb after it. */
static bool signed_valediction(const cn_line *l)
{
    enum { SIGN_WITHIN = 40 };
    size_t n = l->len < SIGN_WITHIN ? l->len : SIGN_WITHIN;
    for (size_t i = 0; i + 4 <= n; i++)
        if (l->s[i] == ',' && l->s[i + 1] == ' ' && l->s[i + 2] == 'D' && l->s[i + 3] == 'r' &&
            (i + 4 == l->len || l->s[i + 4] == ' ' || l->s[i + 4] == '.'))
            return true;
    return false;
}

/* A closing that is no sign-off ("Hope that helps!", "Good luck with your
 * surgery!"); l may be a piece of a line. */
bool cns_farewell(const ctx *c, const cn_line *l)
{
    return cn_pagecues_is_valediction(c->cues, l->s, l->len) ||
           (cn_pagecues_starts_valediction(c->cues, l->s, l->len) &&
            ((cn_span_last_char(l->s, l->len) == '!' && cns_words_upto(c, l, 8 + 1) <= 8) ||
             signed_valediction(l)));
}

/* A line of the page that ends an answer: a sign-off or a closing. */
bool cns_closing_like(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_CLOSING)) {
        m->closing = cns_signoff_like(c, l) || cns_farewell(c, l);
        m->known |= KNOW_CLOSING;
    }
    return m->closing;
}

/* "Hope you find this helpful. Best wishes.": a line no longer than a
 * sentence line that is a farewell or ends with one (not a sign-off: a name
 * line heads or signs an answer of its own). In a run read one answer a
 * line it closes the answer above, no answer itself. */
bool cns_short_closing(const ctx *c, const cn_line *l)
{
    if (cns_words_upto(c, l, c->lim->answer_line_words + 1) > c->lim->answer_line_words)
        return false;
    cn_line tail;
    return cns_farewell(c, l) || (cns_last_sentence(c, l, &tail) && cns_farewell(c, &tail));
}

bool cns_short_enough(const ctx *c, const cn_line *l)
{
    return l->len <= c->lim->title_max_bytes &&
           cns_words_upto(c, l, c->lim->title_max_words + 1) <= c->lim->title_max_words;
}

/* l->s[i] is the dot of an abbreviation ([abbreviations]: "Dynamic vs.
 * Static Wrinkles"), a whole word's, that ends no sentence. */
static bool abbreviation_dot(const ctx *c, const cn_line *l, size_t i)
{
    size_t j = i;
    while (j > 0 && l->s[j - 1] != ' ')
        j--;
    return l->s[i] == '.' && cn_pagecues_is_abbreviation(c->cues, l->s + j, i - j);
}

/* "It heals. I would wait.": two sentences on a line are body text. */
bool cns_two_sentences(const ctx *c, const cn_line *l)
{
    for (size_t i = 1; i + 2 < l->len; i++) {
        /* the space first: most bytes are none, and the test is cheapest */
        if (l->s[i + 1] != ' ' || !in_set(".!?", l->s[i]) || l->s[i - 1] < 'a' || l->s[i - 1] > 'z')
            continue;
        if (abbreviation_dot(c, l, i))
            continue;
        size_t k = i + 1;
        while (k < l->len && l->s[k] == ' ')
            k++; /* "dangerous.  If": some pages put two spaces */
        if (k < l->len && l->s[k] >= 'A' && l->s[k] <= 'Z')
            return true;
    }
    return false;
}

/* A line shaped like a title: short, a capital or a digit first, no
 * sentence's end. */
bool cns_title_line(const ctx *c, const cn_line *l)
{
    /* "Smoking and surgery...": a title trailing off ends no sentence */
    size_t kept;
    char last = cns_cut_short(l, &kept) ? 'x' : cn_span_last_char(l->s, l->len);
    /* "Hope that helps!" closes an answer; a longer exclaimed line can head one. */
    bool exclaimed_heading = last == '!' && cns_words_upto(c, l, c->lim->title_exclaim_words) >=
                                                c->lim->title_exclaim_words;
    /* "Hello Ebony" above "I completely understand ...": a greeting opens a
     * body, it never heads one. */
    /* "... it will make sense-": a dash glued to the last word leads into
     * the line below as a colon does (on the real pages 4 of 4 such lines
     * were inside answers) */
    bool leads_on = last == '-' && l->len >= 2 && isalpha((unsigned char)l->s[l->len - 2]);
    if (!cns_short_enough(c, l) || (in_set(".!,;:", last) && !exclaimed_heading) || leads_on ||
        cns_list_item(l) || cns_signoff_like(c, l) || cns_two_sentences(c, l) || cns_opener(c, l))
        return false;
    return cns_heading_start(l);
}

/* The next word of l from *k: letters, digits and apostrophes; false at the
 * line's end. */
static bool next_word(const cn_line *l, size_t *k, const char **w, size_t *wl)
{
    size_t i = *k;
#define WORD_BYTE(ch)                                                                              \
    (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z') ||                               \
     ((ch) >= '0' && (ch) <= '9') || (ch) == '\'')
    while (i < l->len && !WORD_BYTE(l->s[i]))
        i++;
    size_t w0 = i;
    while (i < l->len && WORD_BYTE(l->s[i]))
        i++;
#undef WORD_BYTE
    *k = i;
    *w = l->s + w0;
    *wl = i - w0;
    return i > w0;
}

/* A word's length with a plural 's' folded ("breasts" is "breast"). */
static size_t fold_plural(const char *w, size_t n)
{
    return n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] != 's' && w[n - 2] != 'S'
               ? n - 1
               : n;
}

/* A word that can tie a line to the question: three letters or more, not a
 * common word of [common-words]. */
static bool subject_word(const ctx *c, const char *w, size_t n)
{
    return n >= 3 && !cn_pagecues_is_common_word(c->cues, w, n) &&
           !cn_pagecues_is_common_word(c->cues, w, fold_plural(w, n));
}

/* a[0..n) and b[0..n) are the same ASCII letters, ignoring case. */
static bool same_ci(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        x = (char)(x >= 'A' && x <= 'Z' ? x + 32 : x);
        y = (char)(y >= 'A' && y <= 'Z' ? y + 32 : y);
        if (x != y)
            return false;
    }
    return true;
}

/* The word w[0..n) is in q (plurals folded, case ignored). */
static bool word_in_line(const cn_line *q, const char *w, size_t n)
{
    n = fold_plural(w, n);
    const char *qw;
    size_t k = 0, ql;
    while (next_word(q, &k, &qw, &ql))
        if (fold_plural(qw, ql) == n && same_ci(qw, w, n))
            return true;
    return false;
}

/* The question's title line, or NULL. */
static const cn_line *question_line(const ctx *c)
{
    size_t i = 0;
    while (i < c->q_end && line_at(c, i)->len == 0)
        i++;
    return i < c->q_end ? line_at(c, i) : NULL;
}

/* The line is the question's title printed again ("How do I care for the
 * scar? It itches" under "How do I care for the scar? It itches."): the
 * same bytes but for case and the trailing punctuation, and for a site's
 * note in brackets after the title ("Is it a cyst? Or a pore? (Photo)"). */
bool cns_repeats_question(const ctx *c, const cn_line *l)
{
    const cn_line *q = question_line(c);
    if (!q || q == l)
        return false;
    size_t a = l->len, b = q->len;
    while (a > 0 && in_set(".?! ", l->s[a - 1]))
        a--;
    while (b > 0 && q->s[b - 1] == ' ')
        b--;
    if (b > 0 && q->s[b - 1] == ')' && !(a > 0 && l->s[a - 1] == ')')) {
        size_t k = b - 1;
        while (k > 0 && q->s[k] != '(')
            k--;
        if (q->s[k] == '(' && k > 0 && q->s[k - 1] == ' ')
            b = k;
    }
    while (b > 0 && in_set(".?! ", q->s[b - 1]))
        b--;
    if (a != b || a == 0)
        return false;
    for (size_t i = 0; i < a; i++)
        if (tolower((unsigned char)l->s[i]) != tolower((unsigned char)q->s[i]))
            return false;
    return true;
}

/* How many distinct subject words of l the line q also has. */
size_t cns_shared_with(const ctx *c, const cn_line *l, const cn_line *q)
{
    size_t shared = 0, k = 0, n;
    const char *w;
    while (q && next_word(l, &k, &w, &n)) {
        if (!subject_word(c, w, n) || !word_in_line(q, w, n))
            continue;
        bool seen = false; /* counted already, earlier in the line */
        size_t j = 0, m;
        const char *v;
        while (!seen && next_word(l, &j, &v, &m) && v < w)
            seen = fold_plural(v, m) == fold_plural(w, n) && same_ci(v, w, fold_plural(w, n));
        shared += !seen;
    }
    return shared;
}

/* How many distinct subject words of l the question's title also has. */
size_t cns_shared_with_question(const ctx *c, const cn_line *l)
{
    return cns_shared_with(c, l, question_line(c));
}

/* The line says "I" as a word of its own ("I advise", "I'd"): a sentence
 * longer than a '.' title usually is (period_title_words) that speaks so is
 * an answer's prose, whatever it restates of the question. */
bool cns_says_i(const cn_line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] == 'I' && (i == 0 || l->s[i - 1] == ' ') &&
            (i + 1 == l->len || l->s[i + 1] == ' ' || l->s[i + 1] == '\''))
            return true;
    return false;
}

/* The line says "you" as a word of its own. */
bool cns_says_you(const cn_line *l)
{
    for (size_t i = 0; i + 3 <= l->len; i++)
        if ((i == 0 || !isalpha((unsigned char)l->s[i - 1])) && (l->s[i] | 0x20) == 'y' &&
            l->s[i + 1] == 'o' && l->s[i + 2] == 'u' &&
            (i + 3 == l->len || !isalpha((unsigned char)l->s[i + 3])))
            return true;
    return false;
}

/* The first sentence of l: up to the first '.', '!' or '?' before a space. */
cn_line cns_first_sentence(const cn_line *l)
{
    cn_line out = *l;
    for (size_t i = 0; i + 1 < l->len; i++)
        if (l->s[i + 1] == ' ' && in_set(".!?", l->s[i])) {
            out.len = i + 1;
            break;
        }
    return out;
}

/* The dot at l->s[dot] ends a title before a name: a word of
 * [honorifics] ("Dr", "Mrs") of its own. */
bool cns_honorific_before(const ctx *c, const cn_line *l, size_t dot)
{
    size_t start = dot;
    while (start > 0 && isalpha((unsigned char)l->s[start - 1]))
        start--;
    return start < dot && (start == 0 || l->s[start - 1] == ' ') &&
           cn_pagecues_is_honorific(c->cues, l->s + start, dot - start);
}

/* The last sentence of a line that holds more than one ("... in your area.
 * Best wishes!"); false when the line is one sentence. */
bool cns_last_sentence(const ctx *c, const cn_line *l, cn_line *out)
{
    /* from the end, eight places at a time while none of them is a space
     * after a stop (x: l->s[i - 8 .. i), y: the bytes before each), then
     * place by place */
    size_t i = l->len;
    while (i > 1) {
        if (i >= 9) {
            uint64_t x, y;
            memcpy(&x, l->s + i - 8, 8);
            memcpy(&y, l->s + i - 9, 8);
            if (!(cns_space_bytes(x) & cns_stop_bytes(y))) {
                i -= 8;
                continue;
            }
        }
        i--;
        if (l->s[i] != ' ' || !in_set(".!?", l->s[i - 1])) /* the space first: cheaper */
            continue;
        /* "... Best of luck. Dr. Kerr", "Good luck Ms. Lee!": a title's dot
         * ends no sentence */
        if (cns_honorific_before(c, l, i - 1))
            continue;
        size_t k = i;
        while (k < l->len && l->s[k] == ' ')
            k++;
        if (k < l->len && l->s[k] >= 'A' && l->s[k] <= 'Z') {
            *out = *l;
            out->s = l->s + k;
            out->len = l->len - k;
            return true;
        }
    }
    return false;
}

/* Whether the line ends in an ellipsis ("Would removal of these..."); *n
 * gets its length without the ellipsis and the spaces before it. */
bool cns_cut_short(const cn_line *l, size_t *n)
{
    *n = l->len;
    bool cut = (*n > 3 && memcmp(l->s + *n - 3, "...", 3) == 0) ||
               (*n > 3 && memcmp(l->s + *n - 3, "\xE2\x80\xA6", 3) == 0);
    if (cut)
        *n -= 3;
    while (cut && *n > 0 && l->s[*n - 1] == ' ')
        (*n)--;
    return cut;
}

/* next opens with l's words, three at least: all of l, or those before its
 * ellipsis when l is cut short. */
bool cns_opens_with_line(const cn_line *l, const cn_line *next)
{
    size_t n;
    bool cut = cns_cut_short(l, &n);
    return cn_span_words_upto(l->s, n, 3) >= 3 && next->len > n && memcmp(next->s, l->s, n) == 0 &&
           (cut || next->s[n] == ' ');
}

/* Title Case by word: the words of the line, and those that start with no
 * capital and are not a [title-small-words] word ("and", "of"): the test of a
 * heading's case wherever one is read (cn_structured_titles.c, the driver). */
size_t cns_title_case_misses(const ctx *c, const cn_line *l, size_t *words)
{
    size_t n = 0, misses = 0;
    for (size_t i = 0; i < l->len;) {
        while (i < l->len && l->s[i] == ' ')
            i++;
        size_t k = i;
        while (k < l->len && l->s[k] != ' ')
            k++;
        if (k > i) {
            n++;
            misses += !(l->s[i] >= 'A' && l->s[i] <= 'Z') &&
                      !cn_pagecues_is_title_small_word(c->cues, l->s + i, k - i);
        }
        i = k;
    }
    if (words)
        *words = n;
    return misses;
}
