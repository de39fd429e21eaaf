/* cn_flat: one answer a line after the slogan, or one between date lines; excerpts marked. */
#include "cn_flat.h"

#include "cn_grow.h"
#include "cn_lines.h"
#include "cn_signature.h"

#include <stdlib.h>
#include <string.h>

/* A line with this many words reads as an answer, not as a heading or data. */
#define ANSWER_MIN_WORDS 8

bool cn_flat_detect(const char *text, size_t len)
{
    cn_lines lines;
    if (cn_lines_split(text, len, &lines, NULL) != CN_OK)
        return false;
    size_t nonempty = 0, blocks = 0, run = 0;
    bool long_line = false;
    /* A second block settles it (no), so the loop stops there; words are
     * counted until one long line is found. */
    for (size_t i = 0; i <= lines.n && blocks < 2; i++) {
        const cn_line *l = i < lines.n ? &lines.v[i] : NULL;
        if (l && l->len > 0 && !(l->flags & CN_LINE_RESIDUE)) {
            if (!long_line && nonempty > 0 &&
                cn_span_words_upto(l->s, l->len, ANSWER_MIN_WORDS) >= ANSWER_MIN_WORDS)
                long_line = true;
            nonempty++;
            run++;
            continue;
        }
        if (run > 0)
            blocks++;
        run = 0;
    }
    cn_lines_clear(&lines);
    return nonempty >= 2 && long_line && blocks == 1;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* One answer of text[0..n) (copied), with a title line when title is not NULL. */
static int add_answer(const cn_pagecues *cues, cn_page *page, size_t *cap, const cn_line *title,
                      const char *text, size_t n, cn_error *err)
{
    if (!cn_grow((void **)&page->answers, cap, page->n_answers + 1, sizeof *page->answers))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    cn_answer *a = &page->answers[page->n_answers];
    memset(a, 0, sizeof *a);
    a->index = page->n_answers + 1;
    page->n_answers++;
    a->excerpt = ends_with(text, n, "...") || ends_with(text, n, "\xE2\x80\xA6");
    if (!(a->text = cn_span_copy(text, n)) || !(a->match_text = cn_span_copy(text, n)) ||
        (title && !(a->title = cn_span_copy(title->s, title->len))))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    /* Flat lines keep a physician's closing ("... Peter A Aldea, MD Memphis,
     * TN") that the structured rendering of the same answer signs separately;
     * match both ways. */
    if (!cn_signature_strip_signoff(cues, a->match_text, NULL, 0)) {
        free(a->match_text);
        a->match_text = NULL;
    }
    return CN_OK;
}

/* A physician's name line under an answer: "Jane Roe MD" (with
 * credentials), or a name alone that signs off ("Dr. Jane P. Roe": "Dr." or
 * a credential, no sentence), which no answer is. */
static bool name_line(const cn_pagecues *cues, const cn_line *l, cn_sigline *sig)
{
    cn_sigline_kind kind = cn_signature_classify(cues, l->s, l->len, sig);
    if (kind == CN_SIGLINE_NAME)
        return true;
    return kind == CN_SIGLINE_SHORT && !strchr(".!?", cn_span_last_char(l->s, l->len)) &&
           cn_signature_is_signoff(cues, l->s, l->len, NULL, 0);
}

/* "La Jolla, California": a place and its region, each word capitalized,
 * no sentence; under a name line it is where the physician practises. */
static bool place_shaped(const cn_line *l)
{
    const char *comma = memchr(l->s, ',', l->len);
    if (!comma || strchr(".!?", cn_span_last_char(l->s, l->len)) || cn_span_words(l->s, l->len) > 4)
        return false;
    for (size_t i = 0; i < l->len; i++)
        if ((i == 0 || l->s[i - 1] == ' ') && !(l->s[i] >= 'A' && l->s[i] <= 'Z'))
            return false;
    return true;
}

/* The word of s[0..len) from *k (spaces skipped), without trailing
 * punctuation: [*w0, *w1); *k goes past it. False at the end. */
static bool next_word(const char *s, size_t len, size_t *k, size_t *w0, size_t *w1)
{
    while (*k < len && (s[*k] == ' ' || s[*k] == '\t'))
        (*k)++;
    *w0 = *k;
    while (*k < len && s[*k] != ' ' && s[*k] != '\t')
        (*k)++;
    *w1 = *k;
    while (*w1 > *w0 && strchr(".,;:!?\"()", s[*w1 - 1]))
        (*w1)--;
    return *k > *w0;
}

/* How many words of the line are the asker's ("I'm", "me") and how many
 * address the asker ("you") or speak of a practice ("my patients"). */
static void voice_counts(const cn_pagecues *cues, const char *s, size_t len, size_t *asker,
                         size_t *listener)
{
    size_t k = 0, w0, w1;
    *asker = *listener = 0;
    bool more = next_word(s, len, &k, &w0, &w1);
    while (more) {
        size_t end = k, n0, n1;
        more = next_word(s, len, &k, &n0, &n1);
        size_t next_len = more && w1 == end ? n1 - n0 : 0;
        int v = w1 > w0 ? cn_pagecues_voice(cues, s + w0, w1 - w0, s + n0, next_len) : 0;
        *asker += v > 0;
        *listener += v < 0;
        w0 = n0;
        w1 = n1;
    }
}

/* The line speaks only in the asker's voice: no word addresses the asker
 * ("you") or speaks of a practice, and the asker's words ("I'm", "me") are
 * dense, one in every two answer lines' worth of words at least (a physician's
 * long answer may say "in my experience" once). */
static bool asker_voice(const cn_pagecues *cues, const char *s, size_t len)
{
    size_t asker, listener;
    voice_counts(cues, s, len, &asker, &listener);
    size_t per = 2 * cn_pagecues_get_limits(cues)->answer_line_words;
    return asker > 0 && listener == 0 && asker * per >= cn_span_words(s, len);
}

/* Some of the asker's words ("my", "I'm") and none addressing the asker
 * ("you"), at any density. */
static bool asker_story(const cn_pagecues *cues, const cn_line *l)
{
    size_t asker, listener;
    voice_counts(cues, l->s, l->len, &asker, &listener);
    return asker > 0 && listener == 0;
}

/* The first line is the site's slogan or the question, unless it is a
 * physician's answer (pages cut from the top start with one): two answer
 * lines' worth of words, none of them the asker's, or as many addressing the
 * asker or speaking of a practice ("in my opinion, you ...") in a line that
 * ends a sentence; a line with none of the asker's words may end in the
 * physician's name or site glued to it ("... I hope this helps.Jane Roe, MD"). */
static bool first_line_answers(const cn_pagecues *cues, const cn_line *l)
{
    char last = cn_span_last_char(l->s, l->len);
    size_t asker, listener;
    voice_counts(cues, l->s, l->len, &asker, &listener);
    return cn_span_words(l->s, l->len) >= 2 * cn_pagecues_get_limits(cues)->answer_line_words &&
           (asker == 0 || (listener >= asker && (last == '.' || last == '!')));
}

/* The line asks: it ends in '?', or its last question is followed only by
 * the asker's short thanks ("... right after surgery? Thanks!"). */
static bool line_asks(const cn_pagecues *cues, const cn_line *l)
{
    if (cn_span_last_char(l->s, l->len) == '?')
        return true;
    size_t j = l->len; /* the last sentence's end before the line's end */
    while (j > 0 && !(j + 1 < l->len && l->s[j + 1] == ' ' && strchr(".!?", l->s[j])))
        j--;
    if (j == 0 || l->s[j] != '?')
        return false;
    const char *t = l->s + j + 2;
    size_t n = l->len - (j + 2);
    return cn_span_words(t, n) < cn_pagecues_get_limits(cues)->answer_line_words &&
           cn_pagecues_starts_valediction(cues, t, n);
}

/* A line the reader skips: blank, template residue or page furniture. */
static bool skipped(const cn_pagecues *cues, const cn_line *l)
{
    return l->len == 0 || (l->flags & CN_LINE_RESIDUE) || cn_pagecues_is_widget(cues, l->s, l->len);
}

/* The next line after line i that the reader does not skip opens with the
 * site's answer label ("Answer: ..."): the site marks answers, so line i,
 * the page's first, is the asker's however it reads (a long story ending in
 * a sentence, "... Thank you! Sam."). */
static bool label_under(const cn_pagecues *cues, const cn_lines *lines, size_t i)
{
    for (size_t j = i + 1; j < lines->n; j++) {
        const cn_line *l = &lines->v[j];
        if (!skipped(cues, l))
            return cn_pagecues_answer_label(cues, l->s, l->len) > 0;
    }
    return false;
}

/* Lines of one answer on a dated page, joined as paragraphs. */
typedef struct group {
    char *s;
    size_t n, cap;
    const cn_line *title; /* the answer's title line, or NULL */
    cn_line head;         /* the first line added, its label skipped */
    cn_line head_title;   /* title's storage when the first line is the title */
    size_t lines;         /* lines added */
    bool labelled;        /* the first line added opened with the answer label */
} group;

static bool group_add(group *g, const cn_line *l, size_t skip)
{
    const char *s = l->s + skip;
    size_t len = l->len - skip;
    size_t need = g->n + len + 3;
    if (need > g->cap) {
        size_t cap = need * 2;
        char *v = realloc(g->s, cap);
        if (!v)
            return false;
        g->s = v;
        g->cap = cap;
    }
    if (g->n) {
        memcpy(g->s + g->n, "\n\n", 2);
        g->n += 2;
    }
    memcpy(g->s + g->n, s, len);
    g->n += len;
    if (g->lines++ == 0) {
        g->labelled = skip > 0;
        g->head = *l;
        g->head.s = s;
        g->head.len = len;
    }
    return true;
}

static int group_flush(const cn_pagecues *cues, cn_page *page, size_t *cap, group *g, cn_error *err)
{
    int rc = g->n ? add_answer(cues, page, cap, g->title, g->s, g->n, err) : CN_OK;
    g->n = 0;
    g->lines = 0;
    g->title = NULL;
    return rc;
}

static bool title_line(const cn_pagecues *cues, const cn_line *l);

/* A word's shape for glued_title: 'C' capitalized ("Thanks", "I"), 's' a
 * [title-small-words] word in lower case, 'L' another lower-case word, 'n'
 * neither (all capitals as "ASAP", digits, punctuation). */
static char word_shape(const cn_pagecues *cues, const char *w, size_t n)
{
    while (n > 0 && strchr(".,;:!?\"()'", w[n - 1]))
        n--;
    while (n > 0 && strchr("\"('", w[0])) {
        w++;
        n--;
    }
    if (n == 0)
        return 'n';
    bool lower = false, upper = false;
    for (size_t i = 0; i < n; i++) {
        lower |= w[i] >= 'a' && w[i] <= 'z';
        upper |= w[i] >= 'A' && w[i] <= 'Z';
    }
    if (n == 1 && w[0] == 'I')
        return 'C';
    if (upper && !lower)
        return 'n';
    if (w[0] >= 'A' && w[0] <= 'Z')
        return 'C';
    if (cn_pagecues_is_title_small_word(cues, w, n))
        return 's';
    return w[0] >= 'a' && w[0] <= 'z' ? 'L' : 'n';
}

/* "Rhinoplasty and Smoking Thanks for your question! ...", "Facial pigment
 * Depending on the type ...": a title glued to the first line of its body
 * after an answer label. The body's first sentence starts at a capital:
 * after a title that asks ("...? Thank you"), at the last capital of a run
 * of capitalized and [title-small-words] words that opens the line ("Title
 * Case Words Thanks for"), else at the first capital of a later run that
 * heads a lower-case word ("... after Mohs Surgery Thank you"); "I" only
 * where an answer opens so. Not after a comma ("Hi Ann, Botox ..."), and
 * never past the first sentence's end
 * ("Botox. ...", "Dr."): a line opening with its body has no title. Returns
 * the body's offset in s[0..len), 0 when no title is glued. */
static size_t glued_title_at(const cn_pagecues *cues, const char *s, size_t len)
{
    enum { MAX_WORDS = 64 };
    size_t at[MAX_WORDS], end[MAX_WORDS], nw = 0;
    char shape[MAX_WORDS];
    for (size_t k = 0; k < len && nw < MAX_WORDS;) {
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == len)
            break;
        at[nw] = k;
        while (k < len && s[k] != ' ' && s[k] != '\t')
            k++;
        end[nw] = k;
        shape[nw] = word_shape(cues, s + at[nw], k - at[nw]);
        nw++;
    }
    size_t max_words = cn_pagecues_get_limits(cues)->title_max_words;
    if (nw > max_words)
        nw = max_words + 1;
    /* a title that asks, then the body's first sentence */
    for (size_t k = 0; k + 1 < nw; k++) {
        char last = s[end[k] - 1];
        if (last == '.' || last == '!')
            break;
        if (last == '?')
            return shape[k + 1] == 'C' ? at[k + 1] : 0;
    }
    for (size_t k = 0, run = 0; k < nw; k++) {
        if (shape[k] == 'L') {
            size_t pick = k;
            if (run == 0) {
                for (size_t i = k; i-- > 0 && pick == k;)
                    pick = shape[i] == 'C' ? i : k;
            } else {
                for (size_t i = run; i < k && pick == k; i++)
                    pick = shape[i] == 'C' && shape[i + 1] != 'C' ? i : k;
            }
            /* "I" starts a sentence as often inside one ("what I tell my
             * patients"): a body only where it opens as answers do ("I
             * agree with Dr. Lee") */
            bool self = end[pick] - at[pick] == 1 && s[at[pick]] == 'I';
            if (pick < k && pick > 0 && !strchr(",;:", s[end[pick - 1] - 1]) &&
                (!self || cn_pagecues_is_opener(cues, s + at[pick], len - at[pick]) ||
                 cn_pagecues_is_reply_opener(cues, s + at[pick], len - at[pick]))) {
                /* a greeting ([answer-openers]) just before the name it
                 * greets opens the body ("... Title words Hi Jen88 and thanks"):
                 * a capitalized word one or two words back, a title left */
                for (size_t g = pick - 1; g > 0 && g + 2 >= pick; g--)
                    if (shape[g] == 'C' && cn_pagecues_is_opener(cues, s + at[g], len - at[g]))
                        return at[g];
                return at[pick];
            }
            run = k + 1;
        }
        char last = s[end[k] - 1];
        if (last == '.' || last == '!' || last == '?')
            return 0;
    }
    return 0;
}

/* The first word of s again, capitalized, later in its first sentence and
 * within a title's length ("Nicotine & Facelift surgery Nicotine does ..."):
 * its offset, else 0. The body opens by naming the title's subject again. */
static size_t first_word_again(const cn_pagecues *cues, const char *s, size_t len)
{
    size_t w0 = 0;
    while (w0 < len && s[w0] != ' ')
        w0++;
    if (w0 < 3 || s[0] < 'A' || s[0] > 'Z' || strchr(".,;:!?", s[w0 - 1]))
        return 0;
    size_t words = 1, max_words = cn_pagecues_get_limits(cues)->title_max_words;
    for (size_t k = w0; k < len && words <= max_words;) {
        while (k < len && s[k] == ' ')
            k++;
        size_t at = k;
        while (k < len && s[k] != ' ')
            k++;
        if (k == at)
            break;
        words++;
        if (k - at == w0 && memcmp(s + at, s, w0) == 0)
            return words > 2 ? at : 0;
        if (strchr(".!?", s[k - 1]))
            break;
    }
    return 0;
}

/* A glued title (glued_title_at) that stops short of the first word said
 * again (first_word_again) runs up to it over words of a title: "Nicotine &
 * Facelift surgery" is the title, not "Nicotine &". */
static size_t glued_title(const cn_pagecues *cues, const char *s, size_t len)
{
    size_t body = glued_title_at(cues, s, len);
    size_t again = body ? first_word_again(cues, s, len) : 0;
    if (again <= body)
        return body;
    /* only title words run up to it ("Facelift surgery"); a small word
     * there ("If the Botox is ...") says the body has begun */
    for (size_t k = body; k < again;) {
        size_t w = k;
        while (k < again && s[k] != ' ')
            k++;
        char shape = word_shape(cues, s + w, k - w);
        if (shape != 'C' && shape != 'L')
            return body;
        while (k < again && s[k] == ' ')
            k++;
    }
    return again;
}

/* A glued body (glued_title) that is only a title's last words: fewer words
 * than an answer's line and no sentence end ("Answer: Timing of Laser
 * Sessions", the capital after a small word): the whole line is the
 * title, no body is glued to it. */
static bool title_tail(const cn_pagecues *cues, const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return len > 0 && !strchr(".!?", s[len - 1]) &&
           cn_span_words(s, len) < cn_pagecues_get_limits(cues)->answer_line_words;
}

/* Add l's text after its answer label ("Answer: "), splitting off a title
 * glued to the body (glued_title) as the answer's title. */
static bool group_add_labelled(const cn_pagecues *cues, group *g, const cn_line *l)
{
    size_t skip = g->n ? 0 : cn_pagecues_answer_label(cues, l->s, l->len);
    size_t body = skip && !g->title ? glued_title(cues, l->s + skip, l->len - skip) : 0;
    if (body && title_tail(cues, l->s + skip + body, l->len - skip - body))
        body = 0;
    if (body == 0)
        return group_add(g, l, skip);
    g->head_title = *l;
    g->head_title.s = l->s + skip;
    g->head_title.len = body;
    while (g->head_title.len > 0 && g->head_title.s[g->head_title.len - 1] == ' ')
        g->head_title.len--;
    g->title = &g->head_title;
    return group_add(g, l, skip + body);
}

/* "Answer: Pigmentation After Sclerotherapy" on a line of its own above the
 * body's lines: the answer's title, not its first words. (A title glued to
 * the body on one line, "Answer: Facelifts and smoking Facelifts in
 * smokers are ...", is parted by group_add_labelled.) */
static bool group_add_dated(const cn_pagecues *cues, group *g, const cn_line *l)
{
    if (g->lines == 1 && !g->title && title_line(cues, &g->head) &&
        cn_span_words(l->s, l->len) >= cn_pagecues_get_limits(cues)->answer_line_words) {
        g->head_title = g->head;
        g->title = &g->head_title;
        g->n = 0;
        g->lines = 0;
    }
    return group_add_labelled(cues, g, l);
}

/* "Answer: Eyelid retraction" alone on its line, the whole answer so far,
 * over a line of an answer's length: the label line is the title of the
 * answer that line begins (group_add_dated makes it so). */
static bool labelled_title_above(const cn_pagecues *cues, const group *g, const cn_line *l)
{
    return g->lines == 1 && g->labelled && !g->title && title_line(cues, &g->head) &&
           cn_span_words(l->s, l->len) >= cn_pagecues_get_limits(cues)->answer_line_words;
}

/* Dated pages part their answers by date lines printed above each answer
 * ("December 21, 2009" / "Answer: ...") or below it ("Published on Jul 11,
 * 2012"); an answer may then run over several lines. Dates are above when
 * only the question stands before the first one. */
static int parse_dated(const cn_pagecues *cues, const cn_lines *lines, size_t first_date,
                       cn_page *page, cn_error *err)
{
    size_t before = 0, q = lines->n;
    for (size_t i = 0; i < first_date; i++)
        if (!skipped(cues, &lines->v[i]) && before++ == 0)
            q = i;
    /* dates above when one line stands before the first, or when the site's
     * first answer label is right under the first line (label_under) */
    bool above = before == 1 || (q < lines->n && label_under(cues, lines, q));
    size_t cap = 0, added = lines->n, last_text = lines->n;
    group g = {0};
    int rc = CN_OK;
    for (size_t i = 0; i < lines->n && rc == CN_OK; i++) {
        const cn_line *l = &lines->v[i];
        if (l->len > 0 && !(l->flags & CN_LINE_RESIDUE))
            last_text = i;
        if (skipped(cues, l))
            continue;
        if (i == q && (above || line_asks(cues, l) || !first_line_answers(cues, l))) {
            if (!page->question && !(page->question = cn_span_copy(l->s, l->len)))
                rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            continue;
        }
        if (cn_pagecues_is_disclaimer(cues, l->s, l->len))
            break;
        /* a date line ends the answer above, and so does the next label
         * ("Answer: ...") where a copy follows its answer with no date */
        bool label = g.n && cn_pagecues_answer_label(cues, l->s, l->len) > 0;
        if (cn_pagecues_is_date_line(cues, l->s, l->len) || label)
            rc = group_flush(cues, page, &cap, &g, err);
        if (rc != CN_OK || cn_pagecues_is_date_line(cues, l->s, l->len))
            continue;
        if (!group_add_dated(cues, &g, l))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        else
            added = i;
    }
    /* The page ends inside its last answer, mid-sentence ("... discuss this
     * w"), with no "Helpful" or date line under it: cut off. */
    bool cut = g.n > 0 && added == last_text &&
               !strchr(".!?)\"", cn_span_last_char(lines->v[added].s, lines->v[added].len));
    if (rc == CN_OK)
        rc = group_flush(cues, page, &cap, &g, err);
    if (rc == CN_OK && cut)
        page->answers[page->n_answers - 1].truncated = true;
    free(g.s);
    return rc;
}

/* A line that ends with the physician's credit in brackets (cn_signature_credit). */
static bool credit_line(const cn_pagecues *cues, const cn_line *l)
{
    return cn_signature_credit(cues, l->s, l->len, NULL);
}

/* The physician of a credit line: name, city and specialty. */
static int credit_physician(const cn_pagecues *cues, const cn_line *l, cn_physician *ph,
                            cn_error *err)
{
    cn_credit cr;
    if (!cn_signature_credit(cues, l->s, l->len, &cr))
        return CN_OK;
    if (!(ph->name = cn_span_copy(cr.name, cr.name_len)) ||
        (cr.city_len && !(ph->city = cn_span_copy(cr.city, cr.city_len))) ||
        (cr.specialty && !(ph->specialty = cn_span_copy(cr.specialty, strlen(cr.specialty)))))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

/* A short line that names the next answer: few words, no sentence end. */
static bool title_line(const cn_pagecues *cues, const cn_line *l)
{
    const cn_pagecues_limits *lim = cn_pagecues_get_limits(cues);
    char last = cn_span_last_char(l->s, l->len);
    return l->len <= lim->title_max_bytes && cn_span_words(l->s, l->len) <= lim->title_max_words &&
           last != '.' && last != ',' && !credit_line(cues, l);
}

/* Pages whose answers close with a credit line: the lines up to each credit
 * are one answer; a short line before an answer is its title. */
static int parse_credited(const cn_pagecues *cues, const cn_lines *lines, cn_page *page,
                          cn_error *err)
{
    size_t cap = 0;
    group g = {0};
    int rc = CN_OK;
    bool first = true;
    for (size_t i = 0; i < lines->n && rc == CN_OK; i++) {
        const cn_line *l = &lines->v[i];
        if (skipped(cues, l))
            continue;
        if (first) {
            first = false;
            if (line_asks(cues, l) || !first_line_answers(cues, l)) {
                if (!page->question && !(page->question = cn_span_copy(l->s, l->len)))
                    rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
                continue;
            }
        }
        if (cn_pagecues_is_disclaimer(cues, l->s, l->len))
            break;
        if (!g.n && !g.title && title_line(cues, l)) {
            g.title = l;
            continue;
        }
        if (!group_add(&g, l, 0))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        else if (credit_line(cues, l) && (rc = group_flush(cues, page, &cap, &g, err)) == CN_OK)
            rc = credit_physician(cues, l, &page->answers[page->n_answers - 1].physician, err);
    }
    if (rc == CN_OK && (g.n || g.title)) {
        if (!g.n && g.title) {
            /* a title at the page's end: an answer cut after its title */
            rc = add_answer(cues, page, &cap, g.title, "", 0, err);
            if (rc == CN_OK)
                page->answers[page->n_answers - 1].truncated = true;
        } else {
            rc = group_flush(cues, page, &cap, &g, err);
        }
    }
    free(g.s);
    return rc;
}

/* The last line of a page cut at a fixed length ("... and the am", "...
 * wound separation, the c"): it ends in a lower-case word, a digit or a
 * comma. A name ("Best wishes, Cody Koch", "Jane Roe, MD"), a closing tag or
 * a sentence's end closes a page that was not cut. */
static bool ends_mid_sentence(const cn_line *l)
{
    size_t n = l->len;
    while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
        n--;
    if (n == 0)
        return false;
    char last = l->s[n - 1];
    if (!((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') || last == ','))
        return false;
    size_t w = n;
    while (w > 0 && l->s[w - 1] != ' ' && l->s[w - 1] != '.' && l->s[w - 1] != ',')
        w--;
    return !(l->s[w] >= 'A' && l->s[w] <= 'Z');
}

/* "I hope this helps you." alone on its line: a short sentence of
 * [closing-sentences] ending in '.' or '!' (at most closing_sentence_words
 * words) closes the answer above; it is no answer of its own. */
static bool closing_line(const cn_pagecues *cues, const cn_line *l)
{
    char end = cn_span_last_char(l->s, l->len);
    return (end == '.' || end == '!') &&
           cn_span_words_upto(l->s, l->len,
                              cn_pagecues_get_limits(cues)->closing_sentence_words + 1) <=
               cn_pagecues_get_limits(cues)->closing_sentence_words &&
           cn_pagecues_is_closing_sentence(cues, l->s, l->len);
}

/* Under an answer a greeting opened ("Hi, I'm sorry ..."): a closing line
 * alone (closing_line) below, before any other greeting or a name, says the
 * lines down to it are that physician's too. Scans from line i to the first
 * such closing or stop; returns the line it ended on (lines->n at the page's
 * end), *closes whether that line is the closing. A line between i and the
 * returned one gets the same answer, so the caller scans again only past it
 * (the page is read once, however long). */
static size_t closing_ahead(const cn_pagecues *cues, const cn_lines *lines, size_t i, bool *closes)
{
    *closes = false;
    for (size_t j = i; j < lines->n; j++) {
        const cn_line *l = &lines->v[j];
        cn_sigline sig;
        if (l->len == 0 || (l->flags & CN_LINE_RESIDUE))
            continue;
        if (cn_pagecues_is_opener(cues, l->s, l->len) || name_line(cues, l, &sig) ||
            cn_pagecues_is_disclaimer(cues, l->s, l->len))
            return j;
        if (closing_line(cues, l)) {
            *closes = true;
            return j;
        }
    }
    return lines->n;
}

/* Line l says again the text q, byte for byte. */
static bool repeats(const char *q, const cn_line *l)
{
    return strlen(q) == l->len && memcmp(q, l->s, l->len) == 0;
}

int cn_flat_parse(const cn_pagecues *cues, const char *text, size_t len, cn_page *page,
                  cn_error *err)
{
    page->format = CN_FORMAT_FLAT;
    page->declared_answers = -1;
    cn_lines lines;
    int rc = cn_lines_split(text, len, &lines, err);
    if (rc)
        return rc;
    size_t credits = 0;
    for (size_t i = 0; i < lines.n; i++) {
        if (lines.v[i].len && cn_pagecues_is_date_line(cues, lines.v[i].s, lines.v[i].len)) {
            rc = parse_dated(cues, &lines, i, page, err);
            cn_lines_clear(&lines);
            return rc;
        }
        credits += credit_line(cues, &lines.v[i]);
    }
    if (credits >= 2) {
        rc = parse_credited(cues, &lines, page, err);
        cn_lines_clear(&lines);
        return rc;
    }
    size_t cap = 0;
    bool slogan = false;
    group g = {0}; /* the answer being read: a line, or lines that go on */
    const cn_line *prev = NULL;
    const cn_line *title = NULL;          /* a first line read as the page's title */
    cn_physician *named = NULL;           /* the answer the line above closed with its name */
    bool greeted = false;                 /* the answer being read opened with a greeting */
    bool scanned = false, closes = false; /* closing_ahead's last answer, valid to scan_end */
    size_t scan_end = 0;
    size_t added = lines.n, last_text = lines.n;
    for (size_t i = 0; i < lines.n && rc == CN_OK; i++) {
        const cn_line *l = &lines.v[i];
        if (l->len == 0 || (l->flags & CN_LINE_RESIDUE))
            continue;
        last_text = i;
        if (cn_pagecues_is_widget(cues, l->s, l->len)) {
            slogan = true; /* a known slogan fills the first line's place */
            continue;
        }
        if (!slogan) {
            slogan = true;
            if (line_asks(cues, l) || label_under(cues, &lines, i)) {
                if (!page->question && !(page->question = cn_span_copy(l->s, l->len)))
                    rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
                continue;
            }
            if (!first_line_answers(cues, l)) {
                title = l;
                continue;
            }
        }
        if (cn_pagecues_is_disclaimer(cues, l->s, l->len))
            break;
        /* the question printed twice (the page's title, then its heading):
         * the second copy is no answer */
        if (page->question && !g.n && page->n_answers == 0 && repeats(page->question, l))
            continue;
        /* a page cut from the top: the asker's own words below the first
         * answer are the question's body, not an answer; under a first line
         * that asks nothing ("Implant after radiation"), so is the asker's
         * story right under it, however sparse its asker's words (it stands
         * for the question, as on a page cut from the top) */
        if (!page->question && (asker_voice(cues, l->s, l->len) ||
                                (title && page->n_answers == 0 && !g.n && asker_story(cues, l)))) {
            if (g.n)
                rc = group_flush(cues, page, &cap, &g, err);
            if (rc == CN_OK && !(page->question = cn_span_copy(l->s, l->len)))
                rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            prev = NULL;
            continue;
        }
        title = NULL;
        /* the asker's thanks under the question ("Thanks in advance."),
         * before any answer: the question's closing, not an answer */
        if (page->question && page->n_answers == 0 && !g.n &&
            cn_span_words(l->s, l->len) < cn_pagecues_get_limits(cues)->answer_line_words &&
            cn_pagecues_starts_valediction(cues, l->s, l->len))
            continue;
        /* "Jane Roe MD" or "Dr. Jane Roe" under an answer: its physician's
         * name closes it, and is no answer of its own */
        cn_sigline sig;
        if (g.n && name_line(cues, l, &sig)) {
            rc = group_flush(cues, page, &cap, &g, err);
            named = rc == CN_OK ? &page->answers[page->n_answers - 1].physician : NULL;
            if (named && !(named->name = cn_span_copy(l->s, l->len)))
                rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            prev = NULL;
            continue;
        }
        /* "Board Certified Plastic Surgeon" or "Salem, Oregon" under that
         * name: its specialty or its place */
        cn_sigline_kind under =
            named ? cn_signature_classify_after(cues, CN_SIGLINE_NAME, l->s, l->len, &sig)
                  : CN_SIGLINE_NONE;
        bool specialty = named && !named->specialty && under == CN_SIGLINE_PLACE;
        if (specialty && sig.specialty &&
            !(named->specialty = cn_span_copy(sig.specialty, strlen(sig.specialty))))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        bool place =
            named && !specialty && !named->city && under == CN_SIGLINE_SHORT && place_shaped(l);
        if (place && !(named->city = cn_span_copy(l->s, l->len)))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        named = NULL;
        if (specialty || place)
            continue;
        /* a line that goes on from the one above ("That said, ...") stays
         * in its answer */
        if (greeted && (!scanned || i > scan_end)) {
            scan_end = closing_ahead(cues, &lines, i, &closes);
            scanned = true;
        }
        bool greeted_on = greeted && closes;
        bool titled = g.n && labelled_title_above(cues, &g, l);
        if (g.n && !cn_pagecues_line_goes_on(cues, prev->s, prev->len, l->s, l->len) &&
            !cn_pagecues_is_continuation(cues, l->s, l->len) && !closing_line(cues, l) &&
            !greeted_on && !titled)
            rc = group_flush(cues, page, &cap, &g, err);
        if (g.n == 0 || titled) { /* l starts the next answer */
            greeted = cn_pagecues_is_opener(cues, l->s, l->len);
            scanned = false;
        }
        /* "Answer: ...": the site's label before an answer's first line; a
         * label line that is only a title titles l (labelled_title_above) */
        if (rc == CN_OK &&
            !(titled ? group_add_dated(cues, &g, l) : group_add_labelled(cues, &g, l)))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        added = i;
        prev = l;
    }
    /* The page ends inside its last answer, mid-sentence ("... and the am"):
     * cut off, as on dated pages; a cut second copy of an earlier answer is
     * then found to repeat it. */
    bool cut = g.n > 0 && added == last_text && ends_mid_sentence(&lines.v[added]);
    if (rc == CN_OK)
        rc = group_flush(cues, page, &cap, &g, err);
    if (rc == CN_OK && cut)
        page->answers[page->n_answers - 1].truncated = true;
    free(g.s);
    cn_lines_clear(&lines);
    return rc;
}
