/* cn_structured: segment a structured page into question and answers. */
#include "cn_structured.h"

#include "cn_lines.h"
#include "cn_signature.h"
#include "cn_text.h"

#include <stdlib.h>
#include <string.h>

/* A paragraph: consecutive non-blank lines, or a signature block. */
typedef struct para {
    size_t first, n;   /* line range */
    bool vote_after;   /* a "{{ voteCount }}" line follows it */
    bool sig;          /* a signature block */
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

typedef struct ctx {
    const cn_pagecues *cues;
    const cn_pagecues_limits *lim;
    cn_lines lines;
    para *ps;
    size_t np;
    draft *ds;
    size_t nd;
    bool has_disclaimer;
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

/* "Doctor Answers 10": true, *declared = 10 (-1 without a number). */
static bool answers_marker(const char *s, size_t len, long *declared)
{
    static const char WORD[] = "doctor answer";
    size_t wl = sizeof WORD - 1;
    if (len < wl || len > wl + 16 || !cn_span_equals_ci(s, wl, WORD))
        return false;
    size_t i = wl;
    if (i < len && (s[i] == 's' || s[i] == 'S'))
        i++;
    size_t rest_len;
    const char *rest = cn_span_trim(s + i, len - i, &rest_len);
    if (rest_len > 0 && rest == s + i)
        return false; /* "Doctor Answersxyz" */
    long n = rest_len ? 0 : -1;
    for (size_t k = 0; k < rest_len; k++) {
        if (rest[k] < '0' || rest[k] > '9' || k >= 9)
            return false;
        n = n * 10 + (rest[k] - '0');
    }
    if (declared)
        *declared = n;
    return true;
}

bool cn_structured_detect(const char *text, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n' && text[i] != '\r')
            continue;
        size_t n;
        const char *l = cn_span_trim(text + start, i - start, &n);
        if (answers_marker(l, n, NULL))
            return true;
        start = i + 1;
    }
    return false;
}

static const cn_line *line_at(const ctx *c, size_t i)
{
    return &c->lines.v[i];
}

static bool noise(const ctx *c, const cn_line *l)
{
    return (l->flags & CN_LINE_RESIDUE) || cn_pagecues_is_widget(c->cues, l->s, l->len);
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
static int add_run(ctx *c, size_t *cap, size_t first, size_t n, cn_error *err)
{
    cn_sigblock b;
    if (!cn_signature_block(c->cues, &c->lines.v[first], n, &b))
        return push_para(c, cap, (para){.first = first, .n = n}, err);
    if (b.first > 0) {
        int rc = push_para(c, cap, (para){.first = first, .n = b.first}, err);
        if (rc)
            return rc;
    }
    int *parts[3] = {&b.name, &b.place, &b.rating};
    for (int k = 0; k < 3; k++)
        if (*parts[k] >= 0)
            *parts[k] += (int)first;
    return push_para(
        c, cap, (para){.first = first + b.first, .n = n - b.first, .sig = true, .block = b}, err);
}

/* Paragraphs of the answer region, lines [from, to). */
static int build_paras(ctx *c, size_t from, size_t to, cn_error *err)
{
    size_t cap = 0, run_first = 0, run_n = 0;
    int rc = CN_OK;
    for (size_t i = from; i <= to && rc == CN_OK; i++) {
        const cn_line *l = i < to ? line_at(c, i) : NULL;
        bool text = l && l->len > 0 && !noise(c, l) && !answers_marker(l->s, l->len, NULL);
        if (text) {
            if (run_n == 0)
                run_first = i;
            run_n++;
            continue;
        }
        if (run_n > 0)
            rc = add_run(c, &cap, run_first, run_n, err);
        run_n = 0;
        /* Residue right after a paragraph (a blank line between is fine)
         * marks that paragraph as a title. */
        if (l && (l->flags & CN_LINE_RESIDUE) && c->np > 0)
            c->ps[c->np - 1].vote_after = true;
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
    return cn_signature_is_signoff(c->cues, l->s, l->len, NULL, 0);
}

static bool short_enough(const ctx *c, const cn_line *l)
{
    return l->len <= c->lim->title_max_bytes &&
           cn_span_words(l->s, l->len) <= c->lim->title_max_words;
}

/* "1. Do this" / "2) that": list items are body text. */
static bool list_item(const cn_line *l)
{
    size_t i = 0;
    while (i < l->len && i < 3 && l->s[i] >= '0' && l->s[i] <= '9')
        i++;
    return i > 0 && i < l->len && (l->s[i] == '.' || l->s[i] == ')');
}

/* A one-line paragraph shaped like a title inside an answer. */
static bool looks_title(const ctx *c, size_t p)
{
    if (c->ps[p].sig || c->ps[p].n != 1)
        return false;
    const cn_line *l = para_line(c, p);
    char last = cn_span_last_char(l->s, l->len);
    if (!short_enough(c, l) || strchr(".!,;:", last) || list_item(l) || signoff_like(c, l))
        return false;
    return cn_span_starts_upper(l->s, l->len) || (l->s[0] >= '0' && l->s[0] <= '9');
}

static bool text_para(const ctx *c, size_t p)
{
    return p < c->np && !c->ps[p].sig;
}

/* Right after the header or a signature: a title is any short single line
 * followed by body text (or the end of a cut-off page). */
static bool title_at_start(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1)
        return false;
    const cn_line *l = para_line(c, p);
    if (signoff_like(c, l))
        return false;
    if (text_para(c, p + 1))
        return c->ps[p].vote_after || short_enough(c, l);
    if (p + 1 == c->np && !c->has_disclaimer)
        return c->ps[p].vote_after || looks_title(c, p);
    return false;
}

/* Inside an answer: a title-shaped line that starts the next answer. */
static bool title_inside(const ctx *c, size_t p)
{
    if (c->ps[p].n != 1 || signoff_like(c, para_line(c, p)))
        return false;
    if (c->ps[p].vote_after)
        return true;
    if (!looks_title(c, p))
        return false;
    if (p > 0 && text_para(c, p - 1)) {
        const cn_line *prev = para_last_line(c, p - 1);
        if (cn_span_last_char(prev->s, prev->len) == ':')
            return false; /* a quoted line after "...I encountered:" */
    }
    if (p + 1 == c->np)
        return !c->has_disclaimer; /* a cut-off page ending in a title */
    if (!text_para(c, p + 1))
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

static int segment(ctx *c, cn_error *err)
{
    size_t cap = 0;
    long cur = -1, last_signed = -1;
    size_t last_sig_para = 0;
    for (size_t p = 0; p < c->np; p++) {
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
        bool inside = cur >= 0 && c->ds[cur].has_body && title_inside(c, p);
        if (cur >= 0 && !inside) {
            add_body(&c->ds[cur], p);
            continue;
        }
        int rc = new_draft(c, &cap, err);
        if (rc)
            return rc;
        cur = (long)c->nd - 1;
        last_signed = -1;
        draft *d = &c->ds[cur];
        if (inside || title_at_start(c, p))
            d->title = (long)p;
        else
            add_body(d, p);
    }
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
        size_t n = l->len;
        while (n > 0 && l->s[n - 1] == ',')
            n--;
        if (!(ph->name = cn_text_squeeze(l->s, n)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (d->part[1] >= 0) {
        const cn_line *l = line_at(c, (size_t)d->part[1]);
        if (d->info[1].city_len > 0 && !(ph->city = cn_text_squeeze(l->s, d->info[1].city_len)))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        if (!(ph->specialty = copy_span(d->info[1].specialty, strlen(d->info[1].specialty))))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
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
    if (!c->has_disclaimer && !last->is_signed)
        page->answers[c->nd - 1].truncated = true;
    return CN_OK;
}

int cn_structured_parse(const cn_pagecues *cues, const char *text, size_t len, cn_page *page,
                        cn_error *err)
{
    ctx c = {.cues = cues, .lim = cn_pagecues_get_limits(cues)};
    page->format = CN_FORMAT_STRUCTURED;
    page->declared_answers = -1;
    int rc = cn_lines_split(text, len, &c.lines, err);
    if (rc)
        return rc;
    size_t marker = c.lines.n;
    for (size_t i = 0; i < c.lines.n && marker == c.lines.n; i++)
        if (answers_marker(c.lines.v[i].s, c.lines.v[i].len, &page->declared_answers))
            marker = i;
    if (marker == c.lines.n) {
        rc = cn_error_set(err, CN_ERR_FORMAT, "no 'Doctor Answers N' line");
        goto done;
    }
    size_t end = c.lines.n;
    for (size_t i = marker + 1; i < c.lines.n && end == c.lines.n; i++)
        if (cn_pagecues_is_disclaimer(cues, c.lines.v[i].s, c.lines.v[i].len))
            end = i;
    c.has_disclaimer = end < c.lines.n;
    if ((rc = build_paras(&c, marker + 1, end, err)) == CN_OK && (rc = segment(&c, err)) == CN_OK)
        rc = fill_page(&c, page, marker, err);
done:
    cn_lines_clear(&c.lines);
    free(c.ps);
    free(c.ds);
    return rc;
}
