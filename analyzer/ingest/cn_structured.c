/* cn_structured: segment a structured page into question and answers. */
#include "cn_structured.h"

#include "cn_lines.h"
#include "cn_signature.h"
#include "cn_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph: consecutive non-blank lines, or a signature block. */
typedef struct para {
    size_t first, n;   /* line range */
    size_t gap;        /* blank lines right before it */
    bool vote_after;   /* a "{{ voteCount }}" line follows it */
    bool vote_before;  /* it follows one: body text, since titles come above the votes */
    bool vote_head;    /* it follows one on a page whose vote lines head the answers */
    bool own_line;     /* a line of a run split one answer a line */
    bool sig;          /* a signature block */
    bool goes_on;      /* read one answer a paragraph: it goes on from the answer above */
    bool run_head;     /* the first line of a run read one answer a line, as long as prose */
    bool after_break;  /* under a site's line printed between answers ([answer-breaks]) */
    bool break_before; /* above such a line: its answer ends with it, the page does not */
    cn_sigblock block; /* line indexes are absolute when sig */
} para;

/* An answer being assembled: paragraph indexes, resolved at the end. */
typedef struct draft {
    long title;    /* paragraph index or -1 */
    size_t b0, b1; /* body paragraphs [b0, b1) */
    bool has_body;
    bool is_signed;
    int part[3]; /* NAME, PLACE, RATING line index or -1 */
    cn_sigline info[3];
    size_t superseded[4]; /* signature paragraphs replaced by a later one */
    size_t n_superseded;
} draft;

/* What is known of one line, each read once: the same line is looked at
 * from several paragraphs, runs and passes (the page is read a second time
 * when it has no signature). */
enum {
    KNOW_NOISE = 1,
    KNOW_SIGLINE = 2,
    KNOW_SIGNOFF = 4,
    KNOW_CLOSING = 8,
    KNOW_HEADER = 16,
    KNOW_MARKER = 32
};
typedef struct line_memo {
    unsigned char known; /* KNOW_* bits */
    bool noise, signoff, closing, header, marker;
    cn_sigline plain; /* cn_signature_classify of the line on its own */
} line_memo;

typedef struct ctx {
    const cn_pagecues *cues;
    const cn_pagecues_limits *lim;
    cn_lines lines;
    line_memo *memo; /* one per line */
    para *ps;
    size_t np;
    draft *ds;
    size_t nd;
    bool has_disclaimer;
    bool gap_splits;         /* the page uses one blank line inside answers, two between */
    bool para_answers;       /* a bare page printing one answer a paragraph */
    bool votes_head;         /* every answer of the page is headed by a vote line */
    bool votes_under_titles; /* every title in a title's place has a vote line under it */
    bool votes_lead;         /* the vote lines stand above the answers' titles, not under them */
    size_t first_vote;       /* votes_lead: the first paragraph under a vote line */
    bool credits_close;      /* unsigned answers closed by credits in brackets */
    long declared;           /* the count the page's answers line declares, or -1 */
    bool split_runs;         /* no signatures: a run of long lines is one answer a line */
    bool counted_lines;      /* the page's count matches its one run's lines: one answer a line */
    bool bare;               /* no "Doctor Answers" line */
    bool untitled;           /* the site prints no answer titles ([untitled-markers]) */
    bool sig_heads;          /* each signature stands above its answer, not under it */
    bool replies_start; /* no signature or vote line: a reply to a physician starts an answer */
    size_t q_end;       /* the question's lines are [0, q_end) */
    size_t end;         /* the answers' lines end here */
    /* The last paragraph that heads an answer with a title-shaped line above
     * prose, found once when first asked (see titles_ahead). */
    struct title_scan {
        bool known;
        bool any;
        size_t last;
    } * titles;
} ctx;

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

/* strchr(set, c) != NULL (so true for '\0' too), without a call per byte:
 * the sets are short constants, and some are tested on every byte of a line. */
static inline bool in_set(const char *set, char c)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return c == '\0';
}

static const cn_line *line_at(const ctx *c, size_t i)
{
    return &c->lines.v[i];
}

/* "Facelift #faceliftrecovery #beauty", "#San Francisco Facelift",
 * "@lips @drlee #drlee": a site's tags or a physician's social handles under
 * an answer, no sentence, starting with a hashtag or made of tags and
 * handles for half its words at least ("Ask your #PlasticSurgeon." is
 * text). */
static bool hashtag_line(const cn_line *l)
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
    return (l->s[0] == '#' && isalpha((unsigned char)l->s[1])) || 2 * tags >= words;
}

/* The memo of l, a line of the page (never a piece of one). */
static line_memo *memo_of(const ctx *c, const cn_line *l)
{
    return &c->memo[l - c->lines.v];
}

static bool noise(const ctx *c, const cn_line *l);

/* "Photo of Dr Ann Lee" / "Dr Ann Lee": the line repeats the end of the
 * widget line right above it, the name under a picture's caption; it is the
 * caption's, no text (the specialty under it still signs). */
static bool caption_name(const ctx *c, const cn_line *l)
{
    if (l == c->lines.v || l->len == 0)
        return false;
    const cn_line *above = l - 1;
    return above->len > l->len && !(above->flags & CN_LINE_RESIDUE) && noise(c, above) &&
           above->s[above->len - l->len - 1] == ' ' &&
           memcmp(above->s + above->len - l->len, l->s, l->len) == 0;
}

static bool noise(const ctx *c, const cn_line *l)
{
    if (l->flags & CN_LINE_RESIDUE)
        return true;
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_NOISE)) {
        m->noise =
            cn_pagecues_is_widget(c->cues, l->s, l->len) || hashtag_line(l) || caption_name(c, l);
        m->known |= KNOW_NOISE;
    }
    return m->noise;
}

/* Is line l of the page an answer header (cn_pagecues_is_answer_header)?
 * Asked of the same lines by the search for the first header and by every
 * build of the paragraphs (a page is built more than once). */
static bool answer_header(const ctx *c, const cn_line *l)
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
static bool answers_marker(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_MARKER)) {
        m->marker = cn_pagecues_answers_marker(c->cues, l->s, l->len, NULL);
        m->known |= KNOW_MARKER;
    }
    return m->marker;
}

/* cn_signature_classify of line l of the page, into *out. */
static cn_sigline_kind classified(const ctx *c, const cn_line *l, cn_sigline *out)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_SIGLINE)) {
        cn_signature_classify(c->cues, l->s, l->len, &m->plain);
        m->known |= KNOW_SIGLINE;
    }
    *out = m->plain;
    return out->kind;
}

/* Lines [from, to) as text: lines joined by '\n', paragraphs by a blank line;
 * residue and widget lines dropped. */
static char *join_lines(const ctx *c, size_t from, size_t to)
{
    sbuf b = {0};
    bool gap = false;
    for (size_t i = from; i < to; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0 || noise(c, l)) {
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

static int push_para(ctx *c, size_t *cap, para p, cn_error *err)
{
    if (c->np == *cap) {
        size_t ncap = *cap ? *cap * 2 : 32;
        para *v = realloc(c->ps, ncap * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        c->ps = v;
        *cap = ncap;
    }
    c->ps[c->np++] = p;
    return CN_OK;
}

/* Split one run of lines into a body part and a trailing signature block. */
/* "1. Do this" / "2) that": list items are body text. */
static bool list_item(const cn_line *l)
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
    return l->s[i] == '.' || l->s[i] == ')';
}

static bool short_closing(const ctx *c, const cn_line *l);
static bool signoff_like(const ctx *c, const cn_line *l);

/* "Dr. J" under a line that ends a sentence, in a run printed one answer a
 * line: a short sign-off naming the physician of the line above (two words
 * at most), no answer of its own. */
static bool name_under_sentence(const ctx *c, const cn_line *above, const cn_line *l)
{
    return cn_span_words(l->s, l->len) <= 2 &&
           in_set(".!?", cn_span_last_char(above->s, above->len)) && signoff_like(c, l);
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
        if (list_item(l))
            return false;
        /* "Hope this answers your questions." then a sentence line: the
         * closing ends the answer above, the next line is another answer */
        if (i + 1 < first + n && short_closing(c, l) &&
            cn_span_words(line_at(c, i + 1)->s, line_at(c, i + 1)->len) >=
                c->lim->answer_line_words) {
            closings++;
            continue;
        }
        /* a name line with a site link after it is long, but no answer */
        size_t len = cn_pagecues_strip_name_suffix(c->cues, l->s, l->len);
        long_lines += cn_span_words(l->s, len) >= c->lim->answer_line_words;
    }
    return 2 * long_lines >= n - closings && long_lines >= 1;
}

/* A short line that reads as a heading ("Give it time"), not as a sign-off
 * ("Dr. B", "Memphis, TN", "scottsdale, az"): three words or more, a capital
 * first, no comma, no "Dr". */
static bool heading_like(const cn_line *l)
{
    return cn_span_words(l->s, l->len) >= 3 && cn_span_starts_upper(l->s, l->len) &&
           !memchr(l->s, ',', l->len) && !(l->len >= 2 && l->s[0] == 'D' && l->s[1] == 'r');
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
        classified(c, line_at(c, first), &cur);
    for (size_t i = 0; i + 1 < n; i++) {
        cn_sigline_kind k = cur.kind;
        bool was_vouched = vouched;
        const cn_line *next = line_at(c, first + i + 1);
        cn_sigline plain; /* line i + 1 on its own: next round's cur */
        classified(c, next, &plain);
        cur = plain;
        vouched = false;
        if (k != CN_SIGLINE_PLACE && k != CN_SIGLINE_RATING && k != CN_SIGLINE_NAME)
            continue;
        cn_sigline info = plain;
        cn_sigline_kind nk = cn_signature_reclassify_after(c->cues, k, next->s, next->len, &info);
        /* under a vouched specialty, prose is the next answer's; more short
         * lines of credentials ("Board Certified ENT") are not */
        bool split = nk == CN_SIGLINE_NONE || (nk == CN_SIGLINE_SHORT && heading_like(next));
        if (split && (!was_vouched || (nk == CN_SIGLINE_NONE && cn_span_words(next->s, next->len) >=
                                                                    c->lim->answer_line_words)))
            keep = i + 1;
        if (k == CN_SIGLINE_NAME && nk == CN_SIGLINE_PLACE && plain.kind != CN_SIGLINE_PLACE) {
            cur = info;
            vouched = true;
        }
    }
    return keep;
}

static bool signoff_like(const ctx *c, const cn_line *l);

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
    return heading_like(l) && cn_span_words(l->s, l->len) <= 8 &&
           l->len <= c->lim->title_max_bytes && !in_set(".,;:!\"'", last) &&
           (plast == '.' || plast == '!' || plast == '?') &&
           cn_span_words(prev->s, prev->len) >= c->lim->answer_line_words &&
           (classified(c, l, &info) == CN_SIGLINE_NONE || info.kind == CN_SIGLINE_SHORT) &&
           !signoff_like(c, l);
}

static bool short_enough(const ctx *c, const cn_line *l);
static bool lead_title(const ctx *c, const cn_line *l);

/* The run stands two blank lines or more under a paragraph of one short
 * line: a title, on a page that leaves a wide gap under each title; the
 * run's lines are that answer's, as under a vote line. */
static bool under_wide_title(const ctx *c, size_t gap)
{
    if (gap < 2 || c->np == 0 || c->ps[c->np - 1].n != 1 || c->ps[c->np - 1].sig)
        return false;
    const cn_line *t = line_at(c, c->ps[c->np - 1].first);
    return cn_span_words(t->s, t->len) < c->lim->answer_line_words && short_enough(c, t);
}

static bool title_line(const ctx *c, const cn_line *l);
static bool closing_like(const ctx *c, const cn_line *l);

/* The run starts a blank line under a heading of its own ("Bathing with
 * drains": three words or more, a capital first, no comma, no "Dr", no
 * closing such as "I hope this helps and good luck!"): the run is that
 * answer's body, its lines the body's paragraphs, not answers one a line. */
static bool under_title(const ctx *c, size_t gap)
{
    if (gap < 1 || c->np == 0 || c->ps[c->np - 1].n != 1 || c->ps[c->np - 1].sig)
        return false;
    const cn_line *t = line_at(c, c->ps[c->np - 1].first);
    return title_line(c, t) && heading_like(t) && !closing_like(c, t);
}

/* "Hi zoolou,", "Dear Ann:", "Thank you for the question.": a greeting
 * alone on its line, shorter than a sentence line. The physician's words
 * follow under it: the lines or the paragraph after it are the same
 * answer's, even one that opens as answers do ("Thanks for your question"). */
static bool greeting_line(const ctx *c, const cn_line *l)
{
    size_t opener = cn_pagecues_opener_words(c->cues, l->s, l->len);
    return opener > 0 && cn_span_words(l->s, l->len) <= opener + c->lim->greeting_name_words;
}

/* l is a specialty line only under the name line above it ("Jane Roe, MD"
 * then "OBGYN (Obstetrics & Gynecology)"): the two are one signature. */
static bool specialty_under_name(const ctx *c, const cn_line *above, const cn_line *l)
{
    cn_sigline a, info;
    if (classified(c, above, &a) != CN_SIGLINE_NAME || classified(c, l, &info) == CN_SIGLINE_PLACE)
        return false;
    return cn_signature_reclassify_after(c->cues, CN_SIGLINE_NAME, l->s, l->len, &info) ==
           CN_SIGLINE_PLACE;
}

static bool short_closing(const ctx *c, const cn_line *l);

/* No text from line i to the end of the answers: blank lines or furniture. */
static bool nothing_below(const ctx *c, size_t i)
{
    for (; i < c->end; i++)
        if (line_at(c, i)->len > 0 && !noise(c, line_at(c, i)))
            return false;
    return true;
}

static bool says_i(const cn_line *l);
static bool says_you(const cn_line *l);

/* In a run read one answer a line, line i stays in the answer of the line
 * above: it goes on from it ("Thus, ..."), ends it (a closing, a sign-off,
 * a specialty under a name), or, where the page's count says so, stands
 * under a greeting alone on its line that opens the answer (head: the line
 * above is the answer's first). */
static bool line_joins(const ctx *c, size_t i, bool head)
{
    const cn_line *above = line_at(c, i - 1), *l = line_at(c, i);
    return cn_pagecues_line_goes_on(c->cues, above->s, above->len, l->s, l->len) ||
           cn_pagecues_is_continuation(c->cues, l->s, l->len) ||
           specialty_under_name(c, above, l) || short_closing(c, l) ||
           name_under_sentence(c, above, l) ||
           (c->counted_lines && head && greeting_line(c, above));
}

/* The answers' paragraphs are one run of lines and a signature under it,
 * and the page's count line ("8 Answers") counts the run's lines, a
 * greeting alone on its line counted with the line under it: a page
 * printing one answer a line that kept only its last signature. */
static bool count_matches_lines(ctx *c)
{
    if (c->bare || c->declared < 2 || c->np != 2 || c->ps[0].sig || !c->ps[1].sig ||
        c->ps[0].vote_after || c->ps[1].block.name < 0)
        return false;
    size_t first = c->ps[0].first, n = c->ps[0].n, groups = 0;
    if (n < (size_t)c->declared)
        return false;
    for (size_t i = 0; i < n; i++)
        if (list_item(line_at(c, first + i)))
            return false;    /* a list: its items are no answers */
    c->counted_lines = true; /* line_joins reads it */
    for (size_t i = 0, k; i < n; i = k, groups++)
        for (k = i + 1; k < n && line_joins(c, first + k, k - 1 == i); k++)
            ;
    c->counted_lines = false;
    return groups == (size_t)c->declared;
}

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
                       answer_per_line(c, first, n) && !greeting_line(c, line_at(c, first));
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
        (((c->split_runs && !voted && !under_wide_title(c, gap) && !under_title(c, gap)) ||
          glued) &&
         !greeting_line(c, line_at(c, first)) && answer_per_line(c, first, n))) {
        /* Each line on its own: an answer, or a signature line ending one;
         * a line that goes on from the one above ("Thus, ...") stays with it. */
        for (size_t i = 0, k; i < n; i = k) {
            for (k = i + 1; k < n && line_joins(c, first + k, k - 1 == i); k++)
                ;
            /* voted: the group is one answer, not read one line a line again */
            int rc = add_run(c, cap, first + i, k - i, i ? 0 : gap, false, k - i > 1, err);
            if (rc)
                return rc;
            c->ps[c->np - 1].own_line = (i > 0 || glued) && !c->ps[c->np - 1].sig;
            /* its first line may go on from the text above; as long as
             * prose and speaking to the asker ("I would ... you"), a
             * sentence without its period, it titles no answer */
            const cn_line *head = line_at(c, first);
            c->ps[c->np - 1].run_head =
                i == 0 && !glued && !c->ps[c->np - 1].sig &&
                cn_span_words(head->s, head->len) >= c->lim->bare_prose_words && says_i(head) &&
                says_you(head);
        }
        return CN_OK;
    }
    cn_sigblock b;
    /* the block reads the run's last lines on their own: from the memo */
    size_t tail = n > CN_SIGBLOCK_LINES ? n - CN_SIGBLOCK_LINES : 0;
    cn_sigline plain[CN_SIGBLOCK_LINES];
    for (size_t i = tail; i < n; i++)
        classified(c, line_at(c, first + i), &plain[i - tail]);
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

/* Paragraphs of the answer region, lines [from, to). */
static int build_paras(ctx *c, size_t from, size_t to, cn_error *err)
{
    size_t cap = 0, run_first = 0, run_n = 0, blanks = 0, run_gap = 0;
    bool vote_seen = false, break_seen = false;
    int rc = CN_OK;
    for (size_t i = from; i <= to && rc == CN_OK; i++) {
        const cn_line *l = i < to ? line_at(c, i) : NULL;
        bool header = l && l->len > 0 && answer_header(c, l);
        bool text = l && l->len > 0 && !noise(c, l) && !header && !answers_marker(c, l);
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
        if (header && run_n > 0 && signoff_like(c, line_at(c, i - 1)))
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

static const cn_line *para_line(const ctx *c, size_t p)
{
    return line_at(c, c->ps[p].first);
}

static const cn_line *para_last_line(const ctx *c, size_t p)
{
    return line_at(c, c->ps[p].first + c->ps[p].n - 1);
}

static bool signoff_like(const ctx *c, const cn_line *l)
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
static bool farewell(const ctx *c, const cn_line *l)
{
    return cn_pagecues_is_valediction(c->cues, l->s, l->len) ||
           (cn_pagecues_starts_valediction(c->cues, l->s, l->len) &&
            ((cn_span_last_char(l->s, l->len) == '!' && cn_span_words(l->s, l->len) <= 8) ||
             signed_valediction(l)));
}

/* A line of the page that ends an answer: a sign-off or a closing. */
static bool closing_like(const ctx *c, const cn_line *l)
{
    line_memo *m = memo_of(c, l);
    if (!(m->known & KNOW_CLOSING)) {
        m->closing = signoff_like(c, l) || farewell(c, l);
        m->known |= KNOW_CLOSING;
    }
    return m->closing;
}

static bool last_sentence(const ctx *c, const cn_line *l, cn_line *out);

/* "Hope you find this helpful. Best wishes.": a line no longer than a
 * sentence line that is a farewell or ends with one (not a sign-off: a name
 * line heads or signs an answer of its own). In a run read one answer a
 * line it closes the answer above, no answer itself. */
static bool short_closing(const ctx *c, const cn_line *l)
{
    if (cn_span_words(l->s, l->len) > c->lim->answer_line_words)
        return false;
    cn_line tail;
    return farewell(c, l) || (last_sentence(c, l, &tail) && farewell(c, &tail));
}

static bool short_enough(const ctx *c, const cn_line *l)
{
    return l->len <= c->lim->title_max_bytes &&
           cn_span_words(l->s, l->len) <= c->lim->title_max_words;
}

/* A line that can be an answer's title right under the vote line heading
 * it: shorter than a sentence line, no greeting, list item or closing. */
static bool lead_title(const ctx *c, const cn_line *l)
{
    return short_enough(c, l) && cn_span_words(l->s, l->len) < c->lim->answer_line_words &&
           !greeting_line(c, l) && !list_item(l) && !closing_like(c, l) &&
           (cn_span_starts_upper(l->s, l->len) || (l->s[0] >= '0' && l->s[0] <= '9'));
}

/* Where the page's vote lines ("+3") stand: under each answer's title (a
 * short line above them), or above each answer (the answers open with one,
 * or it follows the end of an answer: a sentence-length line ending a
 * sentence, a line of prose length (bare_prose_words: "... small... more"),
 * or a closing). Above when more than votes_lead_ratio times as
 * many stand above as under. */
static void detect_votes_lead(ctx *c, size_t from, size_t to)
{
    size_t lead = 0, under = 0;
    const cn_line *prev = NULL; /* the text line above, inside [from, to) */
    for (size_t i = from; i < to; i++) {
        const cn_line *l = line_at(c, i);
        if (l->flags & CN_LINE_RESIDUE) {
            size_t words = prev ? cn_span_words(prev->s, prev->len) : 0;
            bool ends = prev && (closing_like(c, prev) || words >= c->lim->bare_prose_words ||
                                 (words >= c->lim->answer_line_words &&
                                  in_set(".!?", cn_span_last_char(prev->s, prev->len))));
            lead += !prev || ends;
            under += prev && !ends;
        } else if (l->len > 0 && !noise(c, l) && !answers_marker(c, l)) {
            prev = l;
        }
    }
    c->votes_lead = lead > c->lim->votes_lead_ratio * under;
}

/* "It heals. I would wait.": two sentences on a line are body text. */
static bool two_sentences(const cn_line *l)
{
    for (size_t i = 1; i + 2 < l->len; i++) {
        if (!in_set(".!?", l->s[i]) || l->s[i + 1] != ' ' || l->s[i - 1] < 'a' || l->s[i - 1] > 'z')
            continue;
        /* "Dynamic vs. Static Wrinkles": the dot of "vs." ends no sentence */
        if (l->s[i] == '.' && i >= 2 && l->s[i - 2] == 'v' && l->s[i - 1] == 's' &&
            (i == 2 || l->s[i - 3] == ' '))
            continue;
        size_t k = i + 1;
        while (k < l->len && l->s[k] == ' ')
            k++; /* "dangerous.  If": some pages put two spaces */
        if (k < l->len && l->s[k] >= 'A' && l->s[k] <= 'Z')
            return true;
    }
    return false;
}

/* Paragraph p ends with the physician's credit in brackets ("... (Jane Roe,
 * MD, Omaha Plastic Surgeon)"): it closes its answer, and is never a title. */
static bool credit_end(const ctx *c, size_t p)
{
    if (p >= c->np || c->ps[p].sig)
        return false;
    const cn_line *l = para_last_line(c, p);
    return cn_signature_credit(c->cues, l->s, l->len, NULL);
}

/* A one-line paragraph shaped like a title inside an answer. */
static bool title_line(const ctx *c, const cn_line *l);

static bool looks_title(const ctx *c, size_t p)
{
    /* callers look ahead (p + 1): past the last paragraph is no title */
    return p < c->np && !c->ps[p].sig && c->ps[p].n == 1 && !credit_end(c, p) &&
           title_line(c, para_line(c, p));
}

/* A line shaped like a title: short, a capital or a digit first, no
 * sentence's end. */
static bool cut_short(const cn_line *l, size_t *n);

static bool title_line(const ctx *c, const cn_line *l)
{
    /* "Smoking and surgery...": a title trailing off ends no sentence */
    size_t kept;
    char last = cut_short(l, &kept) ? 'x' : cn_span_last_char(l->s, l->len);
    /* "Hope that helps!" closes an answer; a longer exclaimed line can head one. */
    bool exclaimed_heading =
        last == '!' && cn_span_words(l->s, l->len) >= c->lim->title_exclaim_words;
    /* "Hello Ebony" above "I completely understand ...": a greeting opens a
     * body, it never heads one. */
    /* "... it will make sense-": a dash glued to the last word leads into
     * the line below as a colon does (on the real pages 4 of 4 such lines
     * were inside answers) */
    bool leads_on = last == '-' && l->len >= 2 && isalpha((unsigned char)l->s[l->len - 2]);
    if (!short_enough(c, l) || (in_set(".!,;:", last) && !exclaimed_heading) || leads_on ||
        list_item(l) || signoff_like(c, l) || two_sentences(l) ||
        cn_pagecues_is_opener(c->cues, l->s, l->len))
        return false;
    return cn_span_starts_upper(l->s, l->len) || (l->s[0] >= '0' && l->s[0] <= '9');
}

/* The page's last line, cut mid-sentence ("... have not been shown to"),
 * holding two sentences ("I would wait. You certainly sh"), or as long as a
 * line of prose (bare_prose_words; the cut titles of the real pages have
 * nine words at most): prose. */
static bool cut_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return cn_pagecues_ends_unfinished(c->cues, l->s, l->len) || two_sentences(l) ||
           cn_span_words(l->s, l->len) >= c->lim->bare_prose_words;
}

static bool text_para(const ctx *c, size_t p)
{
    return p < c->np && !c->ps[p].sig;
}

/* "Sculptra. How long does it last?": a topic, then the question asked of
 * it, is a title of two sentences (no greeting: "Great question. Why?"). */
static bool asked_title(const ctx *c, const cn_line *l)
{
    return cn_span_last_char(l->s, l->len) == '?' && short_enough(c, l) &&
           !cn_pagecues_is_opener(c->cues, l->s, l->len);
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
 * same bytes but for case and the trailing punctuation. */
static bool repeats_question(const ctx *c, const cn_line *l)
{
    const cn_line *q = question_line(c);
    if (!q || q == l)
        return false;
    size_t a = l->len, b = q->len;
    while (a > 0 && in_set(".?! ", l->s[a - 1]))
        a--;
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
static size_t shared_with(const ctx *c, const cn_line *l, const cn_line *q)
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
static size_t shared_with_question(const ctx *c, const cn_line *l)
{
    return shared_with(c, l, question_line(c));
}

/* "Breasts can regain their shape after implant removal.": a title that
 * ends in '.', told from a short sentence of the body by restating the
 * question's title (shared_min of its subject words: fewer where an answer
 * starts, after the header or a signature, than inside an answer's text, but
 * then in max_words words at most)
 * above a paragraph of prose that does not go on from it ("Therefore, ..."),
 * and not under a greeting ("Thanks for the question -"), which opens a
 * body. */
/* The line says "I" as a word of its own ("I advise", "I'd"): a sentence
 * longer than a '.' title usually is (period_title_words) that speaks so is
 * an answer's prose, whatever it restates of the question. */
static bool says_i(const cn_line *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] == 'I' && (i == 0 || l->s[i - 1] == ' ') &&
            (i + 1 == l->len || l->s[i + 1] == ' ' || l->s[i + 1] == '\''))
            return true;
    return false;
}

/* The line says "you" as a word of its own. */
static bool says_you(const cn_line *l)
{
    for (size_t i = 0; i + 3 <= l->len; i++)
        if ((i == 0 || !isalpha((unsigned char)l->s[i - 1])) && (l->s[i] | 0x20) == 'y' &&
            l->s[i + 1] == 'o' && l->s[i + 2] == 'u' &&
            (i + 3 == l->len || !isalpha((unsigned char)l->s[i + 3])))
            return true;
    return false;
}

static bool restated_title(const ctx *c, size_t p, size_t shared_min, size_t max_words)
{
    if (c->ps[p].sig || c->ps[p].n != 1 || c->ps[p].own_line || !text_para(c, p + 1))
        return false;
    const cn_line *l = para_line(c, p), *next = para_line(c, p + 1);
    return cn_span_last_char(l->s, l->len) == '.' && short_enough(c, l) &&
           cn_span_words(l->s, l->len) <= max_words && !two_sentences(l) &&
           (cn_span_starts_upper(l->s, l->len) || (l->s[0] >= '0' && l->s[0] <= '9')) &&
           !list_item(l) && !closing_like(c, l) &&
           !cn_pagecues_is_continuation(c->cues, l->s, l->len) &&
           cn_span_words(next->s, next->len) >= c->lim->answer_line_words &&
           !cn_pagecues_is_continuation(c->cues, next->s, next->len) &&
           !(p > 0 && text_para(c, p - 1) &&
             cn_pagecues_is_opener(c->cues, para_line(c, p - 1)->s, para_line(c, p - 1)->len)) &&
           shared_with_question(c, l) >= shared_min &&
           !(cn_span_words(l->s, l->len) > c->lim->period_title_words && says_i(l));
}

/* Two blank lines right above the paragraph, with no furniture between
 * (an empty line where a title stood; gap also counts the blank lines
 * around a widget). */
static bool empty_title_above(const ctx *c, size_t p)
{
    size_t i = c->ps[p].first, n = 0;
    while (i > 0 && n < 2 && line_at(c, i - 1)->len == 0 &&
           !(line_at(c, i - 1)->flags & CN_LINE_RESIDUE))
        i--, n++;
    return n >= 2;
}

/* Right after the header or a signature: a title is any short single line
 * followed by body text (or the end of a cut-off page). */
/* A line with a vote line above it and another under it, reading as prose
 * (two sentences, or as long as a line of prose): the body of an untitled
 * answer with the next answer's vote line under it, not a title marked by
 * the vote line under it. */
static bool voted_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    return c->ps[p].vote_before && c->ps[p].vote_after && c->ps[p].n == 1 &&
           (two_sentences(l) || cn_span_words(l->s, l->len) >= c->lim->bare_prose_words);
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
            if (q + 1 < c->np && looks_title(c, q) && text_para(c, q + 1)) {
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
    return !cn_pagecues_is_opener(c->cues, l->s, l->len) &&
           (titled_before(c) || titles_ahead(c, p));
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
    if (c->ps[p - 1].sig && c->votes_head && last == '.' && !two_sentences(l) &&
        cn_span_words(l->s, l->len) <= c->lim->period_title_words)
        return true;
    return c->ps[p - 1].sig && !in_set(".!?", last) &&
           cn_span_words(l->s, l->len) < c->lim->answer_line_words;
}

/* A line that reads as a sentence, not a title, whatever its length: one
 * opening in lower case and ending a sentence ("healing takes a while." on a
 * page printing an answer in lower case), or one as long as a line of prose
 * (bare_prose_words) that the page broke across two lines, the paragraph
 * under it going on in lower case ("... the swelling process" / "after the
 * filler. It ..."). A short heading above such a paragraph is still its
 * title ("Straps vary" / "and I think ..."). */
static bool sentence_not_title(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    if (l->len > 0 && l->s[0] >= 'a' && l->s[0] <= 'z' &&
        in_set(".!?", cn_span_last_char(l->s, l->len)))
        return true;
    if (!text_para(c, p + 1) || in_set(".!?:;", cn_span_last_char(l->s, l->len)) ||
        cn_span_words(l->s, l->len) < c->lim->bare_prose_words)
        return false;
    const cn_line *next = para_line(c, p + 1);
    return next->len > 0 && next->s[0] >= 'a' && next->s[0] <= 'z';
}

static bool title_at_start(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || c->ps[p].own_line || (c->ps[p].vote_before && !c->ps[p].vote_after) ||
        credit_end(c, p))
        return false;
    const cn_line *l = para_line(c, p);
    if (signoff_like(c, l) || sentence_not_title(c, p) ||
        (c->bare && !c->ps[p].vote_after && two_sentences(l) && !asked_title(c, l)) ||
        voted_prose(c, p))
        return false;
    /* "Thank you for the question." above the answer's text opens its body
     * ("Good question for your own surgeon." can head one) */
    if (!c->ps[p].vote_after && greeting_line(c, l))
        return false;
    /* A page that titles its answers leaves an empty title line (two blank
     * lines) above an answer without one: prose of two sentences there is
     * the answer's text (see untitled_after_titled). */
    if (!c->bare && empty_title_above(c, p) && !c->ps[p].vote_after && two_sentences(l) &&
        cn_span_words(l->s, l->len) >= c->lim->bare_prose_words)
        return false;
    /* No signatures to vouch for it: a sentence is no title, except a lone
     * short one right under "Doctor Answers N" ("Partial skin loss after a
     * lift."), where a page starts its first answer with a title; one ending
     * in '.' longer than such titles are (period_title_words) is the first
     * sentence of a page that prints no titles. */
    bool first_under_marker = p == 0 && !c->bare && p + 1 < c->np && c->ps[p + 1].gap > 0 &&
                              !two_sentences(l) && short_enough(c, l) &&
                              cn_span_starts_upper(l->s, l->len) &&
                              !(cn_span_last_char(l->s, l->len) == '.' &&
                                cn_span_words(l->s, l->len) > c->lim->period_title_words);
    /* Under a closing line of its own ("Good luck."), where the answer above
     * has ended, a short sentence above prose heads the next answer whatever
     * its words. */
    bool closing_above =
        p > 0 && text_para(c, p - 1) && c->ps[p - 1].n == 1 && closing_like(c, para_line(c, p - 1));
    if (c->split_runs && !c->ps[p].vote_after && !looks_title(c, p) && !first_under_marker &&
        !asked_title(c, l) && !(p == 0 && repeats_question(c, l)) &&
        !restated_title(c, p, closing_above || titled_page(c, p) ? 0 : c->lim->restated_start_words,
                        c->lim->period_title_words))
        return false;
    if (text_para(c, p + 1))
        return c->ps[p].vote_after || short_enough(c, l);
    /* the page's last paragraph, unless a line printed between answers
     * stands under it (a whole answer, not a title the page's end cut) */
    if (p + 1 == c->np && !c->has_disclaimer && !c->ps[p].break_before) {
        /* under a signature and an empty title line (two blank lines): the
         * start of an untitled answer's body, cut by the page's end */
        if (!c->bare && p > 0 && c->ps[p - 1].sig && !c->ps[p].vote_after &&
            empty_title_above(c, p))
            return false;
        return c->ps[p].vote_after || (looks_title(c, p) && !cut_prose(c, p)) ||
               cut_title_under_signature(c, p);
    }
    return false;
}

/* Inside an answer: a title-shaped line that starts the next answer. */
static cn_line first_sentence(const cn_line *l);

/* Some answer read so far has a title: the page titles its answers. */
static bool titled_before(const ctx *c)
{
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
static bool opens_with_line(const cn_line *l, const cn_line *next);

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
    size_t words = cn_span_words(l->s, l->len);
    /* a line the paragraph under it opens with is that answer's first
     * sentence printed above it (repeated_opening), no title */
    if (cn_span_last_char(l->s, l->len) != '.' || two_sentences(l) || !short_enough(c, l) ||
        !cn_span_starts_upper(l->s, l->len) || list_item(l) || closing_like(c, l) ||
        cn_pagecues_is_opener(c->cues, l->s, l->len) ||
        cn_pagecues_is_continuation(c->cues, l->s, l->len) ||
        cn_span_words(next->s, next->len) < c->lim->answer_line_words ||
        cn_pagecues_is_continuation(c->cues, next->s, next->len) || opens_with_line(l, next))
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
    size_t asked = shared_with_question(c, l);
    if (!says_i(l) && !says_you(l) && above &&
        (two_sentences(above) || cn_span_words(above->s, above->len) >= c->lim->bare_prose_words) &&
        ((words <= c->lim->short_title_words && asked >= 1) ||
         (words <= c->lim->period_title_words && asked >= c->lim->restated_start_words)))
        return true;
    cn_line head = first_sentence(next);
    size_t shared = shared_with(c, l, &head);
    /* a longer line is a title only when the sentence under it says half
     * its words again, and it is no physician's own prose ("I ...") */
    if (words > c->lim->period_title_words)
        return 2 * shared >= words && !says_i(l);
    return shared >= c->lim->restated_start_words;
}

static bool title_inside(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || c->ps[p].own_line || closing_like(c, para_line(c, p)) ||
        credit_end(c, p))
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
        while (q > 0 && looks_title(c, q))
            q--;
        if (!credit_end(c, q))
            return false;
    }
    /* Pages that leave two blank lines under each title and one inside
     * answers; of two title-shaped lines in a row above prose ("Discuss it
     * with your surgeon!" / two blank lines / "Hard implants in the cold"),
     * the second is the title, the first the end of the answer above. */
    const cn_line *l = para_line(c, p);
    if (c->gap_splits && text_para(c, p + 1) && c->ps[p + 1].gap >= 2 && short_enough(c, l) &&
        l->s[0] != '"' && (unsigned char)l->s[0] < 0x80 && !list_item(l) &&
        cn_span_last_char(l->s, l->len) != '.' && !(looks_title(c, p + 1) && text_para(c, p + 2)))
        return true;
    if (!looks_title(c, p) &&
        !restated_title(c, p, c->lim->restated_title_words, c->lim->title_max_words) &&
        !restated_below(c, p))
        return false;
    /* "I would not advise that you pursue any other treatment" inside an
     * answer: the physician speaking to the asker, a sentence without its
     * period, not the next answer's title */
    if (says_i(l) && says_you(l))
        return false;
    if (p > 0 && text_para(c, p - 1)) {
        /* A quoted line after "...I encountered:", or an item of a list
         * under "... includes:" (short lines, one a paragraph). */
        size_t q = p - 1;
        while (q > 0 && c->ps[q].n == 1 && text_para(c, q - 1) &&
               short_enough(c, para_line(c, q)) &&
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
    if (cn_pagecues_is_continuation(c->cues, para_line(c, p + 1)->s, para_line(c, p + 1)->len) ||
        closing_like(c, para_line(c, p + 1)))
        return false;
    /* So is a heading above a list ("A few questions for you" above "- Did
     * your physician ask ..."): an answer's first words are no list item,
     * unless the heading restates the question's title ("Fillers for tired
     * eyes" on "Can fillers help tired eyes?") above a list of sentences:
     * an answer that gives its points as a list. */
    const cn_line *under = para_line(c, p + 1);
    if (list_item(under) &&
        !(shared_with_question(c, para_line(c, p)) >= c->lim->restated_title_words &&
          cn_span_words(under->s, under->len) >= c->lim->bare_prose_words))
        return false;
    /* Of two title-shaped lines in a row, the second is the title. */
    if (c->ps[p + 1].vote_after || (looks_title(c, p + 1) && text_para(c, p + 2)))
        return false;
    return true;
}

static int new_draft(ctx *c, size_t *cap, cn_error *err)
{
    if (c->nd == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        draft *v = realloc(c->ds, ncap * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        c->ds = v;
        *cap = ncap;
    }
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
        if (cn_span_words(l->s, l->len) >= c->lim->answer_line_words)
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
            if (cn_span_words(l->s, l->len) >= c->lim->bare_prose_words)
                return true;
        }
    return false;
}

/* A signature with a "City Specialty" or rating line: the mark of pages that
 * sign every answer, where a run of lines is one answer's paragraph. A bare
 * name line ("Jay R. Shayevitz, MD MS") also ends answers printed one a line. */
static bool any_signature(const ctx *c)
{
    for (size_t p = 0; p < c->np; p++)
        if (c->ps[p].sig && (c->ps[p].block.place >= 0 || c->ps[p].block.rating >= 0))
            return true;
    return false;
}

/* The first sentence of l: up to the first '.', '!' or '?' before a space. */
static cn_line first_sentence(const cn_line *l)
{
    cn_line out = *l;
    for (size_t i = 0; i + 1 < l->len; i++)
        if (in_set(".!?", l->s[i]) && l->s[i + 1] == ' ') {
            out.len = i + 1;
            break;
        }
    return out;
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
           cn_span_words(l->s, l->len) >= 3 && !signoff_like(c, l);
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
            cn_line head = first_sentence(l), open = first_sentence(para_line(c, opening));
            /* "appears very early after surgery, so ...": a paragraph that
             * opens in lower case is a sentence the page broke off the one
             * above; it goes on, but says nothing of the paragraph after it */
            broken = l->s[0] >= 'a' && l->s[0] <= 'z';
            on = broken || cn_pagecues_is_continuation(c->cues, l->s, l->len) || list_item(l) ||
                 early_also(l) ||
                 (essay && shared_with_question(c, l) < c->lim->restated_start_words &&
                  shared_with(c, &head, &open) < c->lim->restated_opening_words);
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
        credits += credit_end(c, p);
    c->credits_close = credits >= 2 && !any_signature(c);
}

/* Some paragraph of the answers stands above or under a vote line. */
static bool any_vote(const ctx *c)
{
    for (size_t p = 0; p < c->np; p++)
        if (c->ps[p].vote_after || c->ps[p].vote_before || c->ps[p].vote_head)
            return true;
    return false;
}

/* One blank line between paragraphs and two or more elsewhere: the wider
 * gaps separate answers (pages that print answers without titles). */
static void detect_gap_splits(ctx *c)
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
    bool counted = !c->bare && c->split_runs && !any_vote(c);
    c->replies_start = c->split_runs && !any_vote(c);
    /* a bare page heading its answers with vote lines or [answer-headers]
     * says where each starts: its paragraphs are no answers of their own */
    /* A bare page that signs only its last answer (a page that lost the
     * other signatures): that signature, the page's last paragraph, ends the
     * last answer; the paragraphs above it are read as on an unsigned page. */
    size_t np = c->np;
    if (c->bare && np > 3 && c->ps[np - 1].sig && !c->ps[np - 2].sig)
        np--;
    bool lines = ((c->bare && !any_vote(c)) || counted) &&
                 (np >= 3 || (counted && np == 2 && c->declared >= 2));
    /* The gap between the first two paragraphs: a page printing one answer
     * a paragraph keeps it the same throughout. Two blank lines or more
     * also part the paragraphs of one answer on some pages (a heading
     * glued by a dash, a list item), so there each paragraph but a cut
     * last one holds two sentences at least, as under a count line. */
    size_t gap = c->np >= 2 && c->ps[1].gap >= 1 ? c->ps[1].gap : 1;
    for (size_t p = 0; p < np && lines; p++) {
        const cn_line *l = para_line(c, p);
        lines = !c->ps[p].sig && c->ps[p].n == 1 && (p == 0 || c->ps[p].gap == gap) &&
                (cn_span_words(l->s, l->len) >= c->lim->answer_line_words ||
                 cut_last_paragraph(c, p)) &&
                !credit_end(c, p) && !cn_pagecues_is_opener(c->cues, l->s, l->len) &&
                (p + 1 == np || !title_line(c, l)) &&
                ((!counted && gap == 1) || p + 1 == np || two_sentences(l));
    }
    c->para_answers = lines;
    mark_essays(c);
    detect_vote_heads(c);
    detect_credits(c);
}

/* "Dr. Ann Lee, MD" / "Cardiology" / prose right under it, no blank line
 * between: a page that prints each physician's name above the answer, not
 * under it. The answers open with a signature that names someone, and the
 * first paragraph of prose hangs right under it; read this way, the first
 * signature is no scrap and every later name goes with the text below it. */
static void detect_sig_heads(ctx *c)
{
    size_t q = 0;
    bool named = false;
    while (q < c->np && c->ps[q].sig)
        named |= c->ps[q++].block.name >= 0;
    if (!c->bare || q == 0 || q >= c->np || !named || c->ps[q].gap != 0) {
        c->sig_heads = false;
        return;
    }
    const cn_line *l = para_line(c, q);
    c->sig_heads = cn_span_words(l->s, l->len) >= c->lim->answer_line_words;
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

/* "Thank you for your question." / "Dr. Sajjadian" / the signature: a
 * greeting's words alone in the last paragraph above the signature (or above
 * a sign-off over it) thank the asker at the answer's end; they open nothing.
 * So do thanks followed by a farewell alone ("Thank you for your question.
 * Best of luck!") or a closing sentence ("... Best of luck with your
 * recovery."), however long the thanks: the line closes what is above it,
 * under it a signature, the next answer's title or the page's end. */
static bool closing_sentence(const ctx *c, const cn_line *l);

static bool thanks_above_signature(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    /* the thanks, then the farewell, nothing between: "Thanks for asking.
     * It will fade. Good luck!" is an answer of its own */
    cn_line tail, head = first_sentence(l);
    size_t k = head.len;
    while (k < l->len && l->s[k] == ' ')
        k++;
    bool farewell_end = last_sentence(c, l, &tail) &&
                        (farewell(c, &tail) || closing_sentence(c, &tail)) && l->s + k == tail.s;
    if (c->ps[p].n != 1 ||
        (cn_span_words(l->s, l->len) >= c->lim->answer_line_words && !farewell_end))
        return false;
    /* thanks then a farewell, above the next answer's title or the page's
     * end ("Thanks for the photos. All the best." / "Scar care"): the same
     * closing with no signature under it */
    if (farewell_end && (p + 1 >= c->np || (looks_title(c, p + 1) && text_para(c, p + 2))))
        return true;
    if (p + 1 >= c->np)
        return false;
    if (c->ps[p + 1].sig)
        return true;
    return p + 2 < c->np && c->ps[p + 2].sig && c->ps[p + 1].n == 1 &&
           signoff_like(c, para_line(c, p + 1));
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
    return cn_pagecues_is_opener(c->cues, l->s, l->len);
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
    if ((!c->votes_head && cn_pagecues_is_opener(c->cues, l->s, l->len) &&
         !thanks_above_signature(c, p)) ||
        (!list_item(l) && dash_heading(c, l)))
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
        cn_span_words(l->s, l->len) >= c->lim->answer_line_words &&
        !cn_pagecues_is_continuation(c->cues, l->s, l->len))
        return true;
    return c->bare && c->gap_splits && c->ps[p].gap >= 2 &&
           cn_span_words(l->s, l->len) >= c->lim->answer_line_words && !titled_greeting(c);
}

/* The dot at l->s[dot] ends a title before a name: a word of
 * [honorifics] ("Dr", "Mrs") of its own. */
static bool honorific_before(const ctx *c, const cn_line *l, size_t dot)
{
    size_t start = dot;
    while (start > 0 && isalpha((unsigned char)l->s[start - 1]))
        start--;
    return start < dot && (start == 0 || l->s[start - 1] == ' ') &&
           cn_pagecues_is_honorific(c->cues, l->s + start, dot - start);
}

/* The last sentence of a line that holds more than one ("... in your area.
 * Best wishes!"); false when the line is one sentence. */
static bool last_sentence(const ctx *c, const cn_line *l, cn_line *out)
{
    for (size_t i = l->len; i-- > 1;) {
        if (!in_set(".!?", l->s[i - 1]) || l->s[i] != ' ')
            continue;
        /* "... Best of luck. Dr. Kerr", "Good luck Ms. Lee!": a title's dot
         * ends no sentence */
        if (honorific_before(c, l, i - 1))
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

/* A short line of its own above a paragraph of prose: the next answer's
 * title, where something closed the answer above. */
static bool title_above_prose(const ctx *c, size_t p)
{
    const cn_line *l = para_line(c, p);
    if (c->ps[p].n != 1 || !short_enough(c, l) || !text_para(c, p + 1) || list_item(l))
        return false;
    const cn_line *next = para_line(c, p + 1);
    return cn_span_words(next->s, next->len) >= c->lim->answer_line_words;
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
           cn_span_words(l->s, l->len) <= c->lim->closing_sentence_words &&
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
    size_t spaces = 0;
    for (size_t i = l->len; i-- > 2 && spaces < c->lim->closing_sentence_words;) {
        spaces += l->s[i] == ' ';
        char before = l->s[i - 2];
        if (!in_set(".!?", l->s[i - 1]) || !isalpha((unsigned char)l->s[i]) ||
            !((before >= 'a' && before <= 'z') || before == ')') || honorific_before(c, l, i - 1))
            continue;
        cn_line tail = *l;
        tail.s = l->s + i;
        tail.len = l->len - i;
        if (closing_sentence(c, &tail) || farewell(c, &tail)) {
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
    if (cn_span_words(l->s, l->len) >= c->lim->answer_line_words)
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
    if (cn_pagecues_is_continuation(c->cues, l->s, l->len))
        return false;
    if (!closing_like(c, prev))
        return ((last_sentence(c, prev, &tail) &&
                 (cn_signature_is_signoff(c->cues, tail.s, tail.len, NULL, 0) ||
                  farewell(c, &tail) || closing_sentence(c, &tail))) ||
                glued_closing(c, prev, &tail)) &&
               (cn_span_words(l->s, l->len) >= c->lim->answer_line_words ||
                title_above_prose(c, p)) &&
               !signoff_like(c, l) && !signoff_names_signature_below(c, p, &tail);
    /* "Hope this helps." / "The best of wishes to you.": a closing under a
     * farewell is the same answer's */
    /* "Dr. Roe" / "Board Certified Plastic Surgeon": the physician's title
     * under their sign-off is the sign-off's */
    return !signoff_like(c, l) && cn_span_words(l->s, l->len) >= 3 &&
           !(c->ps[p].n == 1 && (closing_sentence(c, l) || link_line(c, l))) &&
           !(c->ps[p].n == 1 && signoff_like(c, prev) &&
             cn_signature_is_specialty_title(c->cues, l->s, l->len)) &&
           !signoff_names_signature_below(c, p, prev);
}

/* The paragraph after a credit starts another answer, unless it is the first
 * of two title-shaped lines above prose: the second is the next answer's
 * title, and the first stays with the text above. */
static bool after_credit(const ctx *c, size_t p)
{
    return p > 0 && credit_end(c, p - 1) &&
           !(looks_title(c, p) && looks_title(c, p + 1) && text_para(c, p + 2));
}

/* The line of a draft's last credit, or NULL: its physician when it has no
 * signature. */
static const cn_line *draft_credit(const ctx *c, const draft *d)
{
    for (size_t p = d->has_body ? d->b1 : 0; p-- > (d->has_body ? d->b0 : 0);)
        if (credit_end(c, p))
            return para_last_line(c, p);
    return NULL;
}

/* A line of its own right above a signature that belongs to it: a place
 * with qualifiers, or, under the physician's own sign-off ("Dr. Roe"), the
 * physician's specialty title ("Board Certified Plastic Surgeon") printed
 * between the sign-off and the site's signature. */
static bool signature_extra(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || p + 1 >= c->np || !c->ps[p + 1].sig)
        return false;
    const cn_line *l = para_line(c, p);
    if (cn_signature_is_extra(c->cues, l->s, l->len))
        return true;
    return p > 0 && !c->ps[p - 1].sig && signoff_like(c, para_last_line(c, p - 1)) &&
           cn_signature_is_specialty_title(c->cues, l->s, l->len);
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
static bool name_scrap(const cn_line *l)
{
    char last = cn_span_last_char(l->s, l->len);
    return cn_span_words(l->s, l->len) <= 2 && !in_set(".!?:", last);
}

/* Draft i can go back into draft i - 1: nothing but a title line parts them
 * (no signature or credit closes either, no vote line heads i, its lines are
 * no answers printed one a line). A signed answer under an unsigned one is
 * another physician's, whatever the page's count says. */
static bool mergeable(const ctx *c, size_t i)
{
    const draft *prev = &c->ds[i - 1], *d = &c->ds[i];
    if (prev->is_signed || draft_credit(c, prev) || prev->n_superseded || d->is_signed ||
        draft_credit(c, d) || d->title < 0 || !prev->has_body || !d->has_body)
        return false;
    const para *t = &c->ps[d->title], *b = &c->ps[d->b0];
    return !t->vote_after && !t->own_line && !b->vote_before && !b->own_line;
}

/* A page that says how many answers it holds ("Doctor Answers 1") holds no
 * more: when more were read, the extra ones are subheadings inside an
 * answer ("Why does this happen?" above a paragraph), and go back into the
 * answer above them, from the page's end up. */
static void keep_declared(ctx *c, long declared)
{
    if (declared < 1)
        return;
    for (size_t i = c->nd; i-- > 1 && c->nd > (size_t)declared;) {
        if (!mergeable(c, i))
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

/* "Oral contraceptives and surgery" / "oral contraceptives and surgery" /
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
           cn_span_words(l->s, l->len) < c->lim->answer_line_words &&
           !in_set(".!?,;:", cn_span_last_char(l->s, l->len)) &&
           cn_span_words(next->s, next->len) >= c->lim->answer_line_words && !greeting_line(c, l);
}

/* Whether the line ends in an ellipsis ("Would removal of these..."); *n
 * gets its length without the ellipsis and the spaces before it. */
static bool cut_short(const cn_line *l, size_t *n)
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
static bool opens_with_line(const cn_line *l, const cn_line *next)
{
    size_t n;
    bool cut = cut_short(l, &n);
    return cn_span_words(l->s, n) >= 3 && next->len > n && memcmp(next->s, l->s, n) == 0 &&
           (cut || next->s[n] == ' ');
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
    return opens_with_line(para_line(c, p), para_line(c, p + 1));
}

/* The body of d so far is a greeting line alone: what follows is its text. */
static bool greeting_only(const ctx *c, const draft *d)
{
    return d->has_body && d->b1 - d->b0 == 1 && c->ps[d->b0].n == 1 && !c->ps[d->b0].sig &&
           greeting_line(c, para_line(c, d->b0));
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
    if (c->bare || c->votes_head || !empty_title_above(c, p) || c->ps[p].n != 1 || c->ps[p].sig ||
        d->title < 0 || !d->has_body || d->b1 - d->b0 != 1 || c->ps[d->b0].n != 1 ||
        c->ps[d->b0].sig || c->ps[d->b0].gap != 1)
        return false;
    const cn_line *l = para_line(c, p), *body = para_line(c, d->b0);
    char end = cn_span_last_char(body->s, body->len);
    return two_sentences(l) && cn_span_words(l->s, l->len) >= c->lim->bare_prose_words &&
           two_sentences(body) && cn_span_words(body->s, body->len) >= c->lim->bare_prose_words &&
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
    return cn_span_words(l->s, l->len) < c->lim->answer_line_words &&
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

/* "Keith Roe MD" / "Bay Area Plastic Surgery" / "Larkspur, CA" / "Clinical
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
        if (cn_span_words(l->s, l->len) >= c->lim->answer_line_words ||
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
           signoff_like(c, para_line(c, p));
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
    classified(c, l, &info);
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
    if (greeting_line(c, l) || cn_pagecues_is_opener(c->cues, l->s, l->len) || list_item(l) ||
        cn_span_last_char(l->s, l->len) == ':')
        return false;
    return closing_like(c, l) || (!in_set(".!?", cn_span_last_char(l->s, l->len)) &&
                                  cn_span_words(l->s, l->len) < c->lim->bare_prose_words);
}

/* Under an answer untitled_tail ended: prose of two sentences or more
 * starts the next answer ("Theoretically yes, ... However, ..."); a site's
 * one-sentence footer note stays where it stands. */
static bool ended_prose(const ctx *c, size_t p)
{
    return text_para(c, p) && (c->ps[p].n > 1 || two_sentences(para_line(c, p)));
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
        cn_span_words(l->s, l->len) >= c->lim->answer_line_words ||
        cn_span_words(next->s, next->len) < c->lim->answer_line_words || list_item(next))
        return false;
    for (size_t i = 0; i < l->len;) {
        while (i < l->len && l->s[i] == ' ')
            i++;
        size_t k = i;
        while (k < l->len && l->s[k] != ' ')
            k++;
        if (k > i && !(l->s[i] >= 'A' && l->s[i] <= 'Z') &&
            !cn_pagecues_is_title_small_word(c->cues, l->s + i, k - i))
            return false;
        i = k;
    }
    return true;
}

/* "The swelling should go down within a week." above "Thanks for your
 * question." alone on its line, where an answer starts: a sentence title
 * (one sentence of at most period_title_words words) above the greeting
 * that opens its body (on the real pages 7 of 7 such lines were titles). */
static bool title_above_greeting(const ctx *c, size_t p)
{
    if (!text_para(c, p) || c->ps[p].n != 1 || !text_para(c, p + 1) || c->ps[p + 1].n != 1)
        return false;
    const cn_line *l = para_line(c, p);
    return cn_span_last_char(l->s, l->len) == '.' && !two_sentences(l) &&
           cn_span_words(l->s, l->len) <= c->lim->period_title_words && !greeting_line(c, l) &&
           !cn_pagecues_is_opener(c->cues, l->s, l->len) && greeting_line(c, para_line(c, p + 1));
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
        cn_span_words(l->s, l->len) > NAME_WORDS)
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
         * its first line heads it as after a signature (title_at_start) */
        bool inside = !c->untitled && cur >= 0 && c->ds[cur].has_body && !c->ps[p].after_break &&
                      !greeting_only(c, &c->ds[cur]) && title_inside(c, p) &&
                      !unvoted_subheading(c, &c->ds[cur], p);
        if (inside && cut_inside(c, p)) {
            if (!name_scrap(para_line(c, p)))
                add_body(&c->ds[cur], p);
            continue;
        }
        bool fresh = !inside && cur >= 0 && c->ds[cur].has_body && !greeting_only(c, &c->ds[cur]) &&
                     ((ended && ended_prose(c, p)) || starts_answer(c, p) || after_signoff(c, p) ||
                      after_credit(c, p) || repeated_opening(c, p) ||
                      untitled_after_titled(c, &c->ds[cur], p));
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
        /* An answer opened by a greeting or a wide gap starts with its body,
         * unless the line is shaped like a title. */
        bool closed = fresh && (after_signoff(c, p) || after_credit(c, p) || c->ps[p].after_break);
        /* In a run printed one answer a line, a short line ("24 hrs") is an
         * answer too, not the title of the next line. */
        bool own = c->ps[p].own_line;
        if (!c->untitled && !c->ps[p].run_head &&
            (inside || title_above_greeting(c, p) || colon_title_under_header(c, p) ||
             (fresh && !closed ? !own && looks_title(c, p) && text_para(c, p + 1)
                               : title_at_start(c, p))))
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

static char *copy_span(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return out;
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
        if (sp && !(ph->specialty = copy_span(sp, strlen(sp))))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    /* no signature: the credit in brackets that closed the answer, if any */
    const cn_line *credit = d->part[0] < 0 && d->part[1] < 0 ? draft_credit(c, d) : NULL;
    cn_credit cr;
    if (credit && cn_signature_credit(c->cues, credit->s, credit->len, &cr) &&
        (!(ph->name = copy_span(cr.name, cr.name_len)) ||
         (cr.city_len && !(ph->city = copy_span(cr.city, cr.city_len))) ||
         (cr.specialty && !(ph->specialty = copy_span(cr.specialty, strlen(cr.specialty))))))
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
        if (!(a->title = copy_span(l->s, l->len)))
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

static int fill_page(ctx *c, cn_page *page, size_t marker, cn_error *err)
{
    size_t q = 0;
    while (q < marker && (line_at(c, q)->len == 0 || noise(c, line_at(c, q))))
        q++;
    /* A breadcrumb may stand above the title ("Anesthesia Questions"): the
     * question is the first line that asks, when the first does not. */
    if (q < marker && cn_span_last_char(line_at(c, q)->s, line_at(c, q)->len) != '?')
        for (size_t i = q + 1; i < marker; i++) {
            const cn_line *l = line_at(c, i);
            if (l->len > 0 && short_enough(c, l) && cn_span_last_char(l->s, l->len) == '?') {
                q = i;
                break;
            }
        }
    if (q < marker) {
        const cn_line *l = line_at(c, q);
        if (!(page->question = copy_span(l->s, l->len)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        char *body = join_lines(c, q + 1, marker);
        if (!body)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        if (*body)
            page->body = body;
        else
            free(body);
    }
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
    return cn_span_words(l->s, l->len) <= 4 && last != '.' && last != '?' && last != '!' &&
           classified(c, above, &info) == CN_SIGLINE_NAME;
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
    while (i < c->lines.n && line_at(c, i)->len > 0 && !noise(c, line_at(c, i)))
        i++;
    return i;
}

static size_t skip_blank(const ctx *c, size_t i)
{
    while (i < c->lines.n && (line_at(c, i)->len == 0 || noise(c, line_at(c, i))))
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
    return cn_span_words(l->s, l->len) <= 5 && l->len <= 40 && memchr(l->s, ',', l->len);
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
 * brackets ("Is tissue breakdown normal? (Photo)"). */
static bool title_asks(const cn_line *l)
{
    size_t n = l->len;
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
    if (!title_line(c, tl) &&
        !(cn_span_last_char(tl->s, tl->len) == '.' && short_enough(c, tl) &&
          cn_span_words(tl->s, tl->len) <= c->lim->period_title_words && !two_sentences(tl) &&
          !greeting_line(c, tl) && cn_span_starts_upper(tl->s, tl->len)))
        return false;
    size_t body = skip_blank(c, t + 1);
    /* "Thank you for the question." (or "Hello and thank you for your
     * question.", one sentence opening as a greeting) alone under the title:
     * the prose under the greeting is the body */
    if (body < c->lines.n && run_end(c, body) == body + 1 &&
        (greeting_line(c, line_at(c, body)) ||
         (cn_pagecues_is_opener(c->cues, line_at(c, body)->s, line_at(c, body)->len) &&
          !two_sentences(line_at(c, body)))))
        body = skip_blank(c, body + 1);
    return body < c->lines.n &&
           cn_span_words(line_at(c, body)->s, line_at(c, body)->len) >= c->lim->answer_line_words;
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
        if (e == p + 1 && short_enough(c, l) &&
            (cn_span_words(l->s, l->len) < c->lim->answer_line_words ||
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

/* l opens as the asker asks ([question-openers]), at its start or past a
 * greeting and a name and their comma ("Hi all, what are the risks ..."). */
static bool opens_asking(const ctx *c, const cn_line *l)
{
    if (cn_pagecues_is_question_opener(c->cues, l->s, l->len))
        return true;
    size_t opener = cn_pagecues_opener_words(c->cues, l->s, l->len);
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
    if (cn_span_last_char(t->s, t->len) != '.' || !short_enough(c, t) ||
        !(cn_span_starts_upper(t->s, t->len) || isdigit((unsigned char)t->s[0])) ||
        two_sentences(t) || under >= c->lines.n)
        return false;
    size_t e = run_end(c, under);
    return voice_of(c, under, e) > 0 || asker_story(c, under, e);
}

/* A line a site prints right under the asker's question ("Tags:..." of
 * [question-ends]) among the first lines under the title: the line after it
 * (past the question's title printed again, its body and the asker's age
 * line, question_body_paragraphs + 2 runs of lines at most), or 0. */
static size_t question_end_below(const ctx *c, size_t first)
{
    size_t runs = 0;
    for (size_t i = first + 1; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0)
            continue;
        if (cn_pagecues_ends_question(c->cues, l->s, l->len))
            return i + 1;
        if (noise(c, l))
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
 * the answers start at the next header. Looked for among the first
 * question_body_paragraphs + 3 runs of lines; 0 when none. */
static size_t first_header(const ctx *c, size_t first)
{
    size_t runs = 0, own_runs = 0;
    bool asked = false, own = false;
    for (size_t i = first; i < c->lines.n; i++) {
        const cn_line *l = line_at(c, i);
        if (l->len == 0)
            continue;
        bool opens_run = i == first || line_at(c, i - 1)->len == 0;
        if (i > first && answer_header(c, l)) {
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

/* The asker's question on a line of its own right under line(s) ending at
 * e ("Why can't the incision be lower?"), not asked of the asker: the
 * paragraph above it is the asker's too, the answers start below. */
static bool asking_line_below(const ctx *c, size_t e)
{
    size_t q = skip_blank(c, e);
    return q < c->lines.n && run_end(c, q) == q + 1 &&
           cn_span_last_char(line_at(c, q)->s, line_at(c, q)->len) == '?' &&
           !speaks_only_to_listener(c, q, q + 1);
}

/* A page without a "Doctor Answers" line: the question title is the first
 * line, when it reads as one; its body the paragraphs after it in the asker's
 * voice (at most three); the answers start after them. *q_end is where the
 * question's lines end, the return value where the answers start. */
static size_t implicit_marker(const ctx *c, size_t *q_end)
{
    size_t first = skip_blank(c, 0);
    *q_end = 0;
    if (first >= c->lines.n)
        return c->lines.n;
    const cn_line *t = line_at(c, first);
    char last = cn_span_last_char(t->s, t->len);
    /* "I am due in March ... Is it safe to ...? ... I am concerned": the
     * asker's story asking the doctors, the page's title missing */
    /* "Would removal of these..." above "Would removal of these implants
     * ...?": the question's title cut short above the whole question */
    size_t under = skip_blank(c, first + 1), cut_len;
    bool cut_title =
        cut_short(t, &cut_len) && under < c->lines.n && opens_with_line(t, line_at(c, under));
    bool question = last == '?' || title_asks(t) || voice_of(c, first, first + 1) > 0 ||
                    cut_title || first_sentence_asks(c, t) ||
                    (lines_ask(c, first, first + 1) &&
                     (voice_of(c, first, first + 1) == 0 || opens_asking(c, t))) ||
                    (short_enough(c, t) &&
                     (cn_span_starts_upper(t->s, t->len) || isdigit((unsigned char)t->s[0])) &&
                     !in_set(".,;:", last));
    if (!question)
        question = period_title_above_asker(c, t, under);
    if (!question)
        return first; /* the page starts inside an answer */
    size_t tags = question_end_below(c, first);
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
        if (scan == p + 1 && asker_line(l) && has_digit(l) &&
            !cn_pagecues_is_opener(c->cues, l->s, l->len)) {
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
        if (k > 0 && e == p + 1 && title_repeats(t, l))
            break;
        bool asker = e == p + 1 && asker_line(l) && !cn_pagecues_is_opener(c->cues, l->s, l->len) &&
                     !salutation(l);
        const cn_line *last = line_at(c, e - 1);
        bool asks = cn_span_last_char(last->s, last->len) == '?' || opens_asking(c, l) ||
                    asks_above_title(c, p, e);
        bool story =
            e == p + 1 && ((k == 0 && title_asks(t) && mostly_asker(c, p)) ||
                           (k + 1 < c->lim->question_body_paragraphs && asking_line_below(c, e)));
        if (!asker && !asks && !story && voice_of(c, p, e) <= 0 && !asker_story(c, p, e))
            break;
        /* "... and what other medication are you on?" under the asker's
         * paragraph: one that asks the asker, speaking to them and never of
         * the speaker, is the first answer's */
        if (k > 0 && !asker && speaks_only_to_listener(c, p, e))
            break;
        at = e;
    }
    at = asker_under_site_lines(c, at);
    /* "I went out with a friend" / "Numbness after rhinoplasty" / prose: of
     * two title-shaped lines above the first answer's prose, the second is
     * its title; the first is the question's (a cut line of its body). */
    size_t t1 = skip_blank(c, at), t2 = t1 < c->lines.n ? skip_blank(c, run_end(c, t1)) : t1;
    if (t2 < c->lines.n && run_end(c, t1) == t1 + 1 && run_end(c, t2) == t2 + 1 &&
        title_line(c, line_at(c, t1)) && title_line(c, line_at(c, t2))) {
        size_t body = skip_blank(c, t2 + 1);
        if (body < c->lines.n &&
            cn_span_words(line_at(c, body)->s, line_at(c, body)->len) >= c->lim->answer_line_words)
            at = t1 + 1;
    }
    *q_end = at;
    return at;
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
        start = implicit_marker(&c, &q_end);
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
    detect_votes_lead(&c, start, end);
    rc = build_paras(&c, start, end, err);
    if (rc == CN_OK && !any_signature(&c)) {
        /* No signatures to end answers: pages that print one answer a line. */
        c.np = 0;
        c.split_runs = true;
        rc = build_paras(&c, start, end, err);
    }
    c.declared = page->declared_answers;
    if (rc == CN_OK && count_matches_lines(&c)) {
        c.np = 0;
        c.counted_lines = true;
        rc = build_paras(&c, start, end, err);
    }
    if (rc == CN_OK) {
        detect_gap_splits(&c);
        detect_sig_heads(&c);
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
