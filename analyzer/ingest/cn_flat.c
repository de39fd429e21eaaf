/* cn_flat: one answer a line after the slogan; excerpts marked. */
#include "cn_flat.h"

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
    for (size_t i = 0; i <= lines.n; i++) {
        const cn_line *l = i < lines.n ? &lines.v[i] : NULL;
        if (l && l->len > 0 && !(l->flags & CN_LINE_RESIDUE)) {
            if (nonempty > 0 && cn_span_words(l->s, l->len) >= ANSWER_MIN_WORDS)
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

static char *copy_span(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return out;
}

static int add_answer(const cn_pagecues *cues, cn_page *page, size_t *cap, const cn_line *l,
                      cn_error *err)
{
    if (page->n_answers == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        cn_answer *v = realloc(page->answers, ncap * sizeof *v);
        if (!v)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        page->answers = v;
        *cap = ncap;
    }
    cn_answer *a = &page->answers[page->n_answers];
    memset(a, 0, sizeof *a);
    a->index = page->n_answers + 1;
    page->n_answers++;
    a->excerpt = ends_with(l->s, l->len, "...") || ends_with(l->s, l->len, "\xE2\x80\xA6");
    if (!(a->text = copy_span(l->s, l->len)) || !(a->match_text = copy_span(l->s, l->len)))
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

/* Some word of the line is the asker's ("my", "I'm"). */
static bool asker_words(const cn_pagecues *cues, const char *s, size_t len)
{
    size_t k = 0;
    while (k < len) {
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        size_t w0 = k;
        while (k < len && s[k] != ' ' && s[k] != '\t')
            k++;
        size_t w1 = k;
        while (w1 > w0 && strchr(".,;:!?\"()", s[w1 - 1]))
            w1--;
        if (w1 > w0 && cn_pagecues_voice(cues, s + w0, w1 - w0) > 0)
            return true;
    }
    return false;
}

/* The first line is the site's slogan or the question, unless it is a
 * physician's answer: two answer lines' worth of words ending a sentence, not
 * in the asker's voice (pages cut from the top start with an answer). */
static bool first_line_answers(const cn_pagecues *cues, const cn_line *l)
{
    char last = cn_span_last_char(l->s, l->len);
    return (last == '.' || last == '!') &&
           cn_span_words(l->s, l->len) >= 2 * cn_pagecues_get_limits(cues)->answer_line_words &&
           !asker_words(cues, l->s, l->len);
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
    size_t cap = 0;
    bool slogan = false;
    for (size_t i = 0; i < lines.n && rc == CN_OK; i++) {
        const cn_line *l = &lines.v[i];
        if (l->len == 0 || (l->flags & CN_LINE_RESIDUE))
            continue;
        if (cn_pagecues_is_widget(cues, l->s, l->len)) {
            slogan = true; /* a known slogan fills the first line's place */
            continue;
        }
        if (!slogan) {
            slogan = true;
            if (cn_span_last_char(l->s, l->len) == '?') {
                if (!page->question && !(page->question = copy_span(l->s, l->len)))
                    rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
                continue;
            }
            if (!first_line_answers(cues, l))
                continue;
        }
        if (cn_pagecues_is_disclaimer(cues, l->s, l->len))
            break;
        rc = add_answer(cues, page, &cap, l, err);
    }
    cn_lines_clear(&lines);
    return rc;
}
