/* cn_structured_question: a page without "Doctor Answers": where its question ends. */
#include "cn_structured_int.h"

#include <ctype.h>
#include <string.h>

static bool word_char(char ch)
{
    return (unsigned char)ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           ch == '\'';
}

/* The next word of l from *k: its start in *w0, its end in *k; false at the
 * line's end. */
static bool voice_word(const cn_line *l, size_t *k, size_t *w0)
{
    while (*k < l->len && !word_char(l->s[*k]))
        (*k)++;
    *w0 = *k;
    while (*k < l->len && word_char(l->s[*k]))
        (*k)++;
    return *k > *w0;
}

/* How many words of lines [from, to) are the asker's ("I'm", "my") and how
 * many a physician's, addressing the asker ("you") or speaking of their
 * practice ("my patients"). A sentence of thanks ("Thank you for your
 * help.") is no address. */
/* Whether l->s[at] stands inside quotes ('"', or curly ones opened and
 * closed), given quoted at *scanned; *scanned moves to at. A '"' right
 * after a digit is an inch mark ("a 2.5\" incision"), no quote. */
static bool in_quotes(const cn_line *l, size_t *scanned, size_t at, bool quoted)
{
    for (size_t i = *scanned; i < at && i < l->len; i++) {
        if (l->s[i] == '"' && !(i > 0 && l->s[i - 1] >= '0' && l->s[i - 1] <= '9'))
            quoted = !quoted;
        else if (i + 2 < l->len && (unsigned char)l->s[i] == 0xE2 &&
                 (unsigned char)l->s[i + 1] == 0x80 &&
                 ((unsigned char)l->s[i + 2] == 0x9C || (unsigned char)l->s[i + 2] == 0x9D))
            quoted = (unsigned char)l->s[i + 2] == 0x9C;
    }
    if (at > *scanned)
        *scanned = at;
    return quoted;
}

/* The word at l->s[at] stands in a short question the asker puts to the
 * doctors ("What do you think?", "Have you seen this before?"): its "you" is
 * no physician speaking to the asker. The sentence ends in '?' and has at
 * most asked_doctors_words words. */
static bool asks_doctors(const ctx *c, const cn_line *l, size_t at)
{
    size_t start = at;
    while (start > 0 && !(in_set(".!?", l->s[start - 1]) && l->s[start] == ' '))
        start--;
    size_t end = at;
    while (end < l->len && !in_set(".!?", l->s[end]))
        end++;
    return end < l->len && l->s[end] == '?' &&
           cn_span_words(l->s + start, end - start) <= c->lim->asked_doctors_words;
}

/* voice_counts of one line (or a span of one), added to the counts. */
static void line_voice(const ctx *c, const cn_line *l, int *asker_io, int *listener_io,
                       int *self_io)
{
    int asker = *asker_io, listener = *listener_io, self = *self_io;
    size_t k = 0, w0, scanned = 0;
    bool after_thank = false, quoted = false, more = voice_word(l, &k, &w0);
    while (more) {
        size_t w1 = k, n0; /* the word after this one, if any: [n0, k) */
        more = voice_word(l, &k, &n0);
        /* words in quotes are someone else's ("what are my options") */
        quoted = in_quotes(l, &scanned, w0, quoted);
        /* a phrase ("my patients") is two words one space apart */
        bool phrase = more && n0 == w1 + 1 && l->s[w1] == ' ';
        int v =
            quoted ? 0
                   : cn_pagecues_voice(c->cues, l->s + w0, w1 - w0, l->s + n0, phrase ? k - n0 : 0);
        if (v > 0)
            asker++;
        else if (v < 0 && !after_thank && !asks_doctors(c, l, w0))
            listener++;
        self += !quoted && cn_pagecues_is_self_word(c->cues, l->s + w0, w1 - w0);
        /* "thank you in advance for your help.": to its sentence's end */
        after_thank = (after_thank && !(w1 < l->len && strchr(".!?", l->s[w1]))) ||
                      (w1 - w0 == 5 && cn_span_equals_ci(l->s + w0, 5, "thank")) ||
                      (w1 - w0 == 6 && cn_span_equals_ci(l->s + w0, 6, "thanks"));
        w0 = n0;
    }
    *asker_io = asker;
    *listener_io = listener;
    *self_io = self;
}

static void voice_counts(const ctx *c, size_t from, size_t to, int *asker_out, int *listener_out,
                         int *self_out)
{
    int asker = 0, listener = 0, self = 0;
    for (size_t i = from; i < to; i++)
        line_voice(c, line_at(c, i), &asker, &listener, &self);
    *asker_out = asker;
    *listener_out = listener;
    if (self_out)
        *self_out = self;
}

/* Who speaks in lines [from, to): > 0 the asker ("I had ...; my ..."), < 0 a
 * physician, 0 unclear. */
static int voice_of(const ctx *c, size_t from, size_t to)
{
    int asker, listener;
    voice_counts(c, from, to, &asker, &listener, NULL);
    if (asker > 0 && listener == 0)
        return 1;
    if (listener > 0 && asker >= 3 * listener)
        return 1;
    return listener > 0 ? -1 : 0;
}

/* End (exclusive) of the run of text lines starting at line i. */
static size_t run_end(const ctx *c, size_t i)
{
    while (i < c->lines.n && line_at(c, i)->len > 0 && !cns_noise(c, line_at(c, i)))
        i++;
    return i;
}

static size_t skip_blank(const ctx *c, size_t i)
{
    while (i < c->lines.n && (line_at(c, i)->len == 0 || cns_noise(c, line_at(c, i))))
        i++;
    return i;
}

/* Lines [p, e) speak to the listener ("you", "your") and never in the
 * asker's or the speaker's own voice. */
static bool speaks_only_to_listener(const ctx *c, size_t p, size_t e)
{
    int asker, listener, self;
    voice_counts(c, p, e, &asker, &listener, &self);
    return listener > 0 && asker == 0 && self == 0;
}

/* "F, 37, California": the asker's sex, age and place under a question. */
static bool asker_line(const cn_line *l)
{
    return cn_span_words_upto(l->s, l->len, 6) <= 5 && l->len <= 40 && memchr(l->s, ',', l->len);
}

static bool has_digit(const cn_line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] >= '0' && l->s[i] <= '9')
            return true;
    return false;
}

/* "Ann Lee," alone on its line: a salutation naming the asker, ending in a
 * comma and with no digit (the asker's own line gives an age, "F, 37,"). */
static bool salutation(const cn_line *l)
{
    return l->len > 0 && l->s[l->len - 1] == ',' && !has_digit(l);
}

/* The question's title asks: it ends in '?', maybe before a site's note in
 * brackets ("Is tissue breakdown normal? (Photo)") or a stray full stop
 * ("Can flossing raise the risk?."). */
static bool title_asks(const cn_line *l)
{
    size_t n = l->len;
    if (n >= 2 && l->s[n - 1] == '.' && l->s[n - 2] == '?')
        n--;
    if (n > 0 && l->s[n - 1] == ')') {
        const char *open = NULL;
        for (size_t i = n; i-- > 0 && !open;)
            if (l->s[i] == '(')
                open = l->s + i;
        if (open)
            n = (size_t)(open - l->s);
    }
    return cn_span_last_char(l->s, n) == '?';
}

/* "Do the grains of a graft move? Like under the gum near the socket.": the
 * line's first sentence asks, a capital first, no longer than a title: the
 * page's title asking, with the asker's note run on after it on its line. */
static bool first_sentence_asks(const ctx *c, const cn_line *l)
{
    if (!cn_span_starts_upper(l->s, l->len))
        return false;
    size_t words = 1;
    for (size_t i = 0; i < l->len && words <= c->lim->title_max_words; i++) {
        if (in_set(".!?", l->s[i]) && (i + 1 == l->len || l->s[i + 1] == ' '))
            return l->s[i] == '?' && words >= 3;
        words += l->s[i] == ' ' && i + 1 < l->len && l->s[i + 1] != ' ';
    }
    return false;
}

/* Lines [p, e) ask a question ("Can it affect my lip? I can't smile.") or
 * speak mostly in the asker's voice, and a title line (or one short sentence)
 * stands under them above a paragraph of prose: the first answer's title, so
 * these lines are still the asker's. */
static bool asks_above_title(const ctx *c, size_t p, size_t e)
{
    bool asks = false;
    for (size_t i = p; i < e && !asks; i++) {
        const cn_line *l = line_at(c, i);
        for (size_t k = 0; k + 1 < l->len && !asks; k++)
            asks = l->s[k] == '?' && l->s[k + 1] == ' ';
    }
    /* "I had a TT ... Let me know what you think!": the asker speaks of
     * themself more than to the doctors, twice at least */
    int asker, listener, self;
    voice_counts(c, p, e, &asker, &listener, &self);
    asks |= asker + self >= 2 && asker + self > listener;
    size_t t = skip_blank(c, e);
    if (!asks || t >= c->lines.n || run_end(c, t) != t + 1)
        return false;
    /* a title, or one short sentence ("Drain 2 weeks after a TT is common.") */
    const cn_line *tl = line_at(c, t);
    if (!cns_title_line(c, tl) &&
        !(cn_span_last_char(tl->s, tl->len) == '.' && cns_short_enough(c, tl) &&
          cns_words_upto(c, tl, c->lim->period_title_words + 1) <= c->lim->period_title_words &&
          !cns_two_sentences(c, tl) && !cns_greeting_line(c, tl) &&
          cn_span_starts_upper(tl->s, tl->len)))
        return false;
    size_t body = skip_blank(c, t + 1);
    /* "Thank you for the question." (or "Hello and thank you for your
     * question.", one sentence opening as a greeting) alone under the title:
     * the prose under the greeting is the body */
    if (body < c->lines.n && run_end(c, body) == body + 1 &&
        (cns_greeting_line(c, line_at(c, body)) ||
         (cns_opener(c, line_at(c, body)) && !cns_two_sentences(c, line_at(c, body)))))
        body = skip_blank(c, body + 1);
    return body < c->lines.n && cns_words_upto(c, line_at(c, body), c->lim->answer_line_words) >=
                                    c->lim->answer_line_words;
}

/* Some line of [p, e) asks: a '?' before a space or at the line's end. */
static bool lines_ask(const ctx *c, size_t p, size_t e)
{
    for (size_t i = p; i < e; i++) {
        const cn_line *l = line_at(c, i);
        for (size_t k = 0; k < l->len; k++)
            if (l->s[k] == '?' && (k + 1 == l->len || l->s[k + 1] == ' '))
                return true;
    }
    return false;
}

/* Site lines between the title and the asker's question ("Dental Health
 * Center", "Share to:", "Join us on Facebook", the question's own heading):
 * lines of their own, short or no sentence, then a paragraph in the asker's
 * voice, one of them asking (at most question_body_paragraphs). Those
 * paragraphs are the question's body, and the answers start under them; at
 * otherwise. */
static size_t asker_under_site_lines(const ctx *c, size_t at)
{
    size_t scan = at;
    for (size_t k = 0; k <= c->lim->question_body_paragraphs; k++) {
        size_t p = skip_blank(c, scan);
        if (p >= c->lines.n)
            break;
        size_t e = run_end(c, p);
        const cn_line *l = line_at(c, p);
        if (e == p + 1 && cns_short_enough(c, l) &&
            (cns_words_upto(c, l, c->lim->answer_line_words) < c->lim->answer_line_words ||
             !in_set(".!", cn_span_last_char(l->s, l->len)))) {
            scan = e;
            continue;
        }
        if (scan == at)
            return at;
        /* the asker's paragraphs, one of them asking */
        size_t end = scan;
        bool asks = false, voiced = false;
        for (size_t m = 0; m < c->lim->question_body_paragraphs; m++) {
            p = skip_blank(c, end);
            if (p >= c->lines.n)
                break;
            e = run_end(c, p);
            int v = voice_of(c, p, e);
            bool ask = lines_ask(c, p, e);
            /* a paragraph that asks in no one's voice goes on from the asker's */
            if (v < 0 || (v == 0 && !(voiced && ask)))
                break;
            voiced |= v > 0;
            asks |= ask;
            end = e;
        }
        return asks && voiced ? end : at;
    }
    return at;
}

/* Lines [p, e) ask the doctors something and speak of the speaker much
 * more than to the listener ("I have ... I was injected ... What can be
 * done?"): the asker's story under the title, though no [asker-words] says
 * so. */
static bool asker_story(const ctx *c, size_t p, size_t e)
{
    int asker, listener, self;
    voice_counts(c, p, e, &asker, &listener, &self);
    return lines_ask(c, p, e) && asker + self >= 2 && asker + self > 2 * listener;
}

/* l is part of the title t, three words at least, ending its sentence
 * with '?' (ignoring case): "When can I sleep on my side?" of "Lipo 4 days
 * ago. When can I sleep on my side?". */
static bool title_repeats(const cn_line *t, const cn_line *l)
{
    if (l->len == 0 || l->len > t->len || l->s[l->len - 1] != '?' ||
        cn_span_words(l->s, l->len) < 3)
        return false;
    for (size_t i = 0; i + l->len <= t->len; i++) {
        size_t k = 0;
        while (k < l->len && tolower((unsigned char)t->s[i + k]) == tolower((unsigned char)l->s[k]))
            k++;
        if (k == l->len)
            return true;
    }
    return false;
}

/* "Tape or glue for the cut behind my ear?" alone on its line under the
 * asker's paragraph, the title "Glue or Tape for an Ear Incision?" asked
 * again in other words (restated_title_words subject words), in no one's
 * voice and without "I", over a paragraph that asks nothing (val23): the
 * first answer's title, a site titling its answers with the question. */
static bool title_asked_again(const ctx *c, const cn_line *t, size_t p, size_t e)
{
    const cn_line *l = line_at(c, p);
    size_t next = skip_blank(c, e);
    return e == p + 1 && cn_span_last_char(l->s, l->len) == '?' && cns_short_enough(c, l) &&
           voice_of(c, p, e) == 0 && !cns_says_i(l) &&
           cns_shared_with(c, l, t) >= c->lim->restated_title_words && next < c->lines.n &&
           !lines_ask(c, next, run_end(c, next));
}

/* "My left eye sits lower. Help!" alone on its line under the title "My left
 * eye sits lower. Help! (Photo)": the title printed again whole, but for a
 * bracketed tag after it, three words at least. */
static bool title_again(const cn_line *t, const cn_line *l)
{
    if (l->len == 0 || l->len > t->len || cn_span_words(l->s, l->len) < 3)
        return false;
    for (size_t k = 0; k < l->len; k++)
        if (tolower((unsigned char)t->s[k]) != tolower((unsigned char)l->s[k]))
            return false;
    return l->len == t->len ||
           (l->len + 1 < t->len && t->s[l->len] == ' ' && t->s[l->len + 1] == '(');
}

/* The run of lines ending at e stands right above the title printed again
 * on a line of its own (title_again): a site printing the asker's words,
 * then the title over the answers; the run is the asker's, whatever its
 * voice ("Do you know what caused this" cut before its '?'). */
static bool above_title_again(const ctx *c, const cn_line *t, size_t e)
{
    size_t q = skip_blank(c, e);
    return q < c->lines.n && run_end(c, q) == q + 1 && title_again(t, line_at(c, q));
}

/* l opens as the asker asks ([question-openers]), at its start or past a
 * greeting and a name and their comma ("Hi all, what are the risks ..."). */
static bool opens_asking(const ctx *c, const cn_line *l)
{
    if (cn_pagecues_is_question_opener(c->cues, l->s, l->len))
        return true;
    size_t opener = cns_opener_words(c, l);
    if (opener == 0)
        return false;
    size_t words = 1;
    for (size_t i = 0; i < l->len && words <= opener + c->lim->greeting_name_words; i++) {
        if (l->s[i] == ',') {
            size_t k = i + 1;
            while (k < l->len && l->s[k] == ' ')
                k++;
            return k < l->len && cn_pagecues_is_question_opener(c->cues, l->s + k, l->len - k);
        }
        words += l->s[i] == ' ' && i + 1 < l->len && l->s[i + 1] != ' ';
    }
    return false;
}

/* "Swelling on one side after a fat transfer." above "I had ... my face":
 * a title ending in '.' is the question's when the paragraph under it is in
 * the asker's voice. */
static bool period_title_above_asker(const ctx *c, const cn_line *t, size_t under)
{
    if (cn_span_last_char(t->s, t->len) != '.' || !cns_short_enough(c, t) ||
        !(cn_span_starts_upper(t->s, t->len) || isdigit((unsigned char)t->s[0])) ||
        cns_two_sentences(c, t) || under >= c->lines.n)
        return false;
    size_t e = run_end(c, under);
    return voice_of(c, under, e) > 0 || asker_story(c, under, e);
}

/* A line a site prints right under the asker's question ("Tags:..." of
 * [question-ends]) among the first lines under the title: the line after it
 * (past the question's title printed again, its body and the asker's age
 * line, question_body_paragraphs + 2 runs of lines at most), or 0. */
size_t cns_question_end_below(const ctx *c, size_t first)
{
    size_t runs = 0;
    for (size_t i = first + 1; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0)
            continue;
        if (cn_pagecues_ends_question(c->cues, l->s, l->len))
            return i + 1;
        if (cns_noise(c, l))
            continue;
        if (i == first + 1 || line_at(c, i - 1)->len == 0)
            runs++;
        if (runs > c->lim->question_body_paragraphs + 2)
            break;
    }
    return 0;
}

/* The first line below the title that heads an answer ([answer-headers]),
 * when some line above it asks ('?' at its end): what stands above is the
 * question and the site's lines ("Book appointments online", a blurb on the
 * treatment). A forum heads the asker's post as it heads the replies ("9
 * months ago" under each poster's name): when the first header has nothing
 * asking above it and the lines under it ask (or open as the asker asks),
 * the answers start at the next header, and so they do when the title
 * asks above the first header but the post under it is the asker's
 * (header_after_askers_post). Looked for among the first
 * question_body_paragraphs + 3 runs of lines; 0 when none. */
/* Under the first header h, lines above it asking (the title): the asker's
 * own post may still stand under that header, as the forum heads it as it
 * heads the replies ("Jo Park Salem, OR" / "8 months ago" / "Hello, I went
 * to my doctor ..."). When the run right under h is in the asker's voice and
 * the next header follows it, within question_body_paragraphs runs, that
 * next header is where the answers start; else 0. */
static size_t header_after_askers_post(const ctx *c, size_t h)
{
    size_t p = skip_blank(c, h + 1);
    if (p >= c->lines.n || cns_answer_header(c, line_at(c, p)))
        return 0;
    size_t e = run_end(c, p);
    if (voice_of(c, p, e) <= 0)
        return 0;
    size_t runs = 0;
    for (size_t i = e; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0)
            continue;
        if (cns_answer_header(c, l))
            return i;
        if ((line_at(c, i - 1)->len == 0) && ++runs > c->lim->question_body_paragraphs)
            break;
    }
    return 0;
}

static size_t first_header(const ctx *c, size_t first)
{
    size_t runs = 0, own_runs = 0;
    bool asked = false, own = false;
    for (size_t i = first; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0)
            continue;
        bool opens_run = i == first || line_at(c, i - 1)->len == 0;
        if (i > first && cns_answer_header(c, l)) {
            if (asked && !own) {
                size_t next = header_after_askers_post(c, i);
                return next > 0 ? next : i;
            }
            if (asked || own)
                return asked ? i : 0;
            own = true; /* the asker's own post may stand under it */
            own_runs = 0;
            continue;
        }
        own_runs += own && opens_run;
        if (own && own_runs > 1 && !asked)
            return 0; /* the post under the first header opens without asking */
        asked |= cn_span_last_char(l->s, l->len) == '?' || (own && opens_asking(c, l));
        if ((i == first || line_at(c, i - 1)->len == 0) &&
            ++runs > c->lim->question_body_paragraphs + 3)
            break;
    }
    return 0;
}

/* "My mother had a lift ... you cannot see her teeth ... I would appreciate
 * your advice.": the line speaks of the asker and their own (an
 * [asker-words] word at least, two with the speaker's own "I") more than it
 * addresses anyone; right under a title that asks, the asker's story goes on
 * though it says "you" (voice_of wants three asker's words to one). */
static bool mostly_asker(const ctx *c, size_t p)
{
    /* "Have you seen this? My eye is blurry ...": the asker's questions ask
     * the physicians, so their "you" tells nothing: only the other
     * sentences count */
    int asker = 0, listener = 0, self = 0;
    const cn_line *l = line_at(c, p);
    for (size_t i = 0, start = 0; i < l->len; i++) {
        bool end = in_set(".!?", l->s[i]) && (i + 1 == l->len || l->s[i + 1] == ' ');
        if (!end && i + 1 < l->len)
            continue;
        if (l->s[i] != '?') {
            cn_line part = *l;
            part.s = l->s + start;
            part.len = i + 1 - start;
            line_voice(c, &part, &asker, &listener, &self);
        }
        start = i + 1;
    }
    return asker >= 1 && asker + self >= 2 && asker + self > listener;
}

/* Lines [p, e) open as an answer does ("Thank you for your question. I
 * would ask how you know ...?") and speak to the listener: a physician's,
 * though they ask. */
static bool opens_reply(const ctx *c, size_t p, size_t e)
{
    const cn_line *l = line_at(c, p);
    return cns_opener(c, l) && voice_of(c, p, e) < 0;
}

/* The asker's question on a line of its own right under line(s) ending at
 * e ("Why can't the incision be lower?"), not asked of the asker: the
 * paragraph above it is the asker's too, the answers start below. */
static bool asking_line_below(const ctx *c, size_t e)
{
    size_t q = skip_blank(c, e);
    return q < c->lines.n && run_end(c, q) == q + 1 &&
           cn_span_last_char(line_at(c, q)->s, line_at(c, q)->len) == '?' &&
           !speaks_only_to_listener(c, q, q + 1) && !opens_reply(c, q, q + 1);
}

/* "... or is it mixed in the office? Thanks.": the asker's paragraph asks,
 * then thanks the doctors in a word or two after the question mark. */
static bool asks_then_thanks(const cn_line *l)
{
    size_t q = l->len;
    while (q > 0 && l->s[q - 1] != '?')
        q--;
    if (q == 0 || q == l->len || l->s[q] != ' ')
        return false;
    const char *tail = l->s + q + 1;
    size_t n = l->len - q - 1;
    while (n > 0 && *tail == ' ') {
        tail++;
        n--;
    }
    return n >= 6 && (memcmp(tail, "Thank", 5) == 0 || memcmp(tail, "thank", 5) == 0) &&
           cn_span_words(tail, n) <= 3 && !memchr(tail, '?', n);
}

/* "knee brace after surgery": a title in lower case, a few words ending in
 * no punctuation, over a paragraph of prose (answer_line_words words at
 * least) a blank line below: the page's title, as one in capitals is. */
static bool lower_case_title(const ctx *c, const cn_line *t, size_t under)
{
    char last = cn_span_last_char(t->s, t->len);
    return t->len > 0 && t->s[0] >= 'a' && t->s[0] <= 'z' && cns_short_enough(c, t) &&
           cns_words_upto(c, t, c->lim->short_title_words + 1) <= c->lim->short_title_words &&
           cns_words_upto(c, t, 2) >= 2 && !in_set(".,;:!?-", last) && under < c->lines.n &&
           line_at(c, under - 1)->len == 0 &&
           cns_words_upto(c, line_at(c, under), c->lim->answer_line_words) >=
               c->lim->answer_line_words;
}

/* A page without a "Doctor Answers" line: the question title is the first
 * line, when it reads as one; its body the paragraphs after it in the asker's
 * voice (at most three); the answers start after them. *q_end is where the
 * question's lines end, the return value where the answers start. */
size_t cns_implicit_marker(const ctx *c, size_t *q_end)
{
    size_t first = skip_blank(c, 0);
    *q_end = 0;
    size_t past = first < c->lines.n ? cns_past_site_header(c, first) : first;
    bool site_titled = false;
    if (past != first) { /* the title under a site's furniture, else its body */
        size_t body;
        size_t t = cns_site_title(c, past, c->lines.n, &body);
        site_titled = t < c->lines.n;
        first = site_titled ? t : body;
    }
    if (first >= c->lines.n)
        return c->lines.n;
    const cn_line *t = line_at(c, first);
    char last = cn_span_last_char(t->s, t->len);
    /* "I am due in March ... Is it safe to ...? ... I am concerned": the
     * asker's story asking the doctors, the page's title missing */
    /* "Would removal of these..." above "Would removal of these implants
     * ...?": the question's title cut short above the whole question */
    size_t under = skip_blank(c, first + 1), cut_len;
    bool cut_title = cns_cut_short(t, &cut_len) && under < c->lines.n &&
                     cns_opens_with_line(t, line_at(c, under));
    bool question = site_titled || last == '?' || title_asks(t) ||
                    voice_of(c, first, first + 1) > 0 || cut_title || first_sentence_asks(c, t) ||
                    (lines_ask(c, first, first + 1) &&
                     (voice_of(c, first, first + 1) == 0 || opens_asking(c, t))) ||
                    (cns_short_enough(c, t) &&
                     (cn_span_starts_upper(t->s, t->len) || isdigit((unsigned char)t->s[0])) &&
                     !in_set(".,;:", last)) ||
                    lower_case_title(c, t, under);
    if (!question)
        question = period_title_above_asker(c, t, under);
    if (!question)
        return first; /* the page starts inside an answer */
    size_t tags = cns_question_end_below(c, first);
    if (tags > 0) {
        *q_end = tags;
        return tags;
    }
    size_t head = first_header(c, first);
    if (head > 0) {
        *q_end = head;
        return head;
    }
    size_t at = first + 1;
    size_t end = run_end(c, first);
    if (end > at && voice_of(c, at, end) <= 0)
        end = at; /* the title's own paragraph goes on with an answer */
    at = end;
    /* The asker's line with an age ("F, 37, California") closes the
     * question: what stands above it is the question's body, whatever its
     * voice. */
    size_t scan = at;
    for (size_t k = 0; k < c->lim->question_body_paragraphs; k++) {
        size_t p = skip_blank(c, scan);
        if (p >= c->lines.n)
            break;
        scan = run_end(c, p);
        const cn_line *l = line_at(c, p);
        /* "Hi, kate_22!": a greeting to a user name with digits opens the
         * first answer; it is no asker line */
        if (scan == p + 1 && asker_line(l) && has_digit(l) && !cns_opener(c, l)) {
            *q_end = scan;
            return scan;
        }
    }
    for (size_t k = 0; k < c->lim->question_body_paragraphs; k++) {
        size_t p = skip_blank(c, at);
        if (p >= c->lines.n)
            break;
        size_t e = run_end(c, p);
        const cn_line *l = line_at(c, p);
        /* "Dear Lesa,": a greeting opens the first answer, it is no asker line */
        /* "When can I sleep on my side?" under the asker's paragraph, a
         * question of the title again: the first answer's title (a site
         * titling answers with the question) */
        if (k > 0 && e == p + 1 && (title_repeats(t, l) || title_asked_again(c, t, p, e)))
            break;
        bool asker = e == p + 1 && asker_line(l) && !cns_opener(c, l) && !salutation(l);
        const cn_line *last = line_at(c, e - 1);
        bool asks = cn_span_last_char(last->s, last->len) == '?' || opens_asking(c, l) ||
                    asks_above_title(c, p, e) || (k == 0 && asks_then_thanks(last));
        bool story =
            e == p + 1 && ((k == 0 && title_asks(t) && mostly_asker(c, p)) ||
                           (k + 1 < c->lim->question_body_paragraphs && asking_line_below(c, e)));
        /* "Years after a chin implant, would removing it..." right under
         * the same words cut short as the title: the whole question,
         * whatever its voice (an Ask a Surgeon page's third-person
         * question) */
        bool whole = k == 0 && cut_title && p == under;
        if (!asker && !asks && !story && !whole && voice_of(c, p, e) <= 0 &&
            !asker_story(c, p, e) && !above_title_again(c, t, e))
            break;
        /* "... and what other medication are you on?" under the asker's
         * paragraph: one that asks the asker, speaking to them and never of
         * the speaker, is the first answer's */
        if (k > 0 && !asker && (speaks_only_to_listener(c, p, e) || opens_reply(c, p, e)))
            break;
        /* "Yes. Most ... discuss it with your OB. Could it wait?" as the
         * page's last paragraph, speaking to the listener: the answers, not
         * a body that would leave the page none */
        if (!asker && !story && skip_blank(c, e) >= c->lines.n && voice_of(c, p, e) < 0)
            break;
        at = e;
        /* under a site's furniture the asker's post ends where it asks */
        if (site_titled && cn_span_last_char(last->s, last->len) == '?')
            break;
    }
    at = asker_under_site_lines(c, at);
    /* "I met a friend for lunch" / "Tingling after a neck lift" / prose: of
     * two title-shaped lines above the first answer's prose, the second is
     * its title; the first is the question's (a cut line of its body). */
    size_t t1 = skip_blank(c, at), t2 = t1 < c->lines.n ? skip_blank(c, run_end(c, t1)) : t1;
    if (t2 < c->lines.n && run_end(c, t1) == t1 + 1 && run_end(c, t2) == t2 + 1 &&
        cns_title_line(c, line_at(c, t1)) && cns_title_line(c, line_at(c, t2))) {
        size_t body = skip_blank(c, t2 + 1);
        if (body < c->lines.n && cns_words_upto(c, line_at(c, body), c->lim->answer_line_words) >=
                                     c->lim->answer_line_words)
            at = t1 + 1;
    }
    *q_end = at;
    return at;
}
