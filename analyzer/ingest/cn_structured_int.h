/* cn_structured_int: PRIVATE to the structured page parser's own modules
 * (analyzer/ingest/cn_structured*.c), as cn_analysis_int.h is to the analysis':
 * the state one parse keeps (the page's lines and what is known of each, its
 * paragraphs, the answers being assembled) and the functions one of those
 * modules gives another, with the cns_ prefix. Not installed, not in
 * consensus.h (tests/test_layers.sh checks that only cn_structured*.c include
 * it): everyone else goes through cn_structured.h.
 *
 * The modules, in the order the data flows (each calls only those above it):
 *   cn_structured_lines     what one line of the page is, each fact read once
 *   cn_structured_paras     the answer region's lines into paragraphs (signature
 *                           blocks, runs read one answer a line), and how the
 *                           page parts its answers (vote lines, wide gaps, one
 *                           answer a paragraph, credits, signatures on top)
 *   cn_structured_titles    is this paragraph an answer's title?
 *   cn_structured_question  a page without "Doctor Answers": where its
 *                           question ends and its answers start
 *   cn_structured           the driver: the page's regions, the answers
 *                           segmented from the paragraphs, the cn_page filled
 */
#ifndef CN_STRUCTURED_INT_H
#define CN_STRUCTURED_INT_H

#include "cn_structured.h"

#include "cn_lines.h"
#include "cn_signature.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
    bool gap_opened; /* opened untitled by a wide gap alone (untitled_after_titled) */
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
    KNOW_MARKER = 32,
    KNOW_WORDS = 64,      /* words: the line's count */
    KNOW_WORDS_MIN = 128, /* words: the line has at least that many */
    KNOW_OPENER = 256,
    KNOW_CONTINUATION = 512
};
typedef struct line_memo {
    unsigned short known; /* KNOW_* bits */
    bool noise, signoff, closing, header, marker, continuation;
    uint32_t opener_words; /* cn_pagecues_opener_words of the line */
    uint32_t words;        /* cn_span_words of the line (KNOW_WORDS) */
    cn_sigline plain;      /* cn_signature_classify of the line on its own */
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
    bool counted_paras;      /* ... or every paragraph's lines, no signature: each an answer */
    bool bare;               /* no "Doctor Answers" line */
    bool untitled;           /* the site prints no answer titles ([untitled-markers]) */
    bool site_titled;        /* bare, the question titled under a site's furniture */
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

/* strchr(set, c) != NULL (so true for '\0' too), without a call per byte:
 * the sets are short constants, and some are tested on every byte of a line.
 * Every set is punctuation and the space, bytes up to '?', so the bytes
 * after it (letters, most of a line) are in none without the scan. */
static inline bool in_set(const char *set, char c)
{
    if ((unsigned char)c > '?')
        return false;
    for (; *set; set++)
        if (*set == c)
            return true;
    return c == '\0';
}

/* Eight bytes at a time (SWAR, exact per byte): 0x80 in each byte of v
 * that is zero. */
static inline uint64_t cns_zero_bytes(uint64_t v)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((v & low7) + low7) | v) & 0x8080808080808080ULL;
}

/* 0x80 in each byte of w that in_set(".!?", byte) holds: a stop or NUL. */
static inline uint64_t cns_stop_bytes(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL;
    return cns_zero_bytes(w ^ (ones * '.')) | cns_zero_bytes(w ^ (ones * '!')) |
           cns_zero_bytes(w ^ (ones * '?')) | cns_zero_bytes(w);
}

/* 0x80 in each byte of w that is a space (' '). */
static inline uint64_t cns_space_bytes(uint64_t w)
{
    return cns_zero_bytes(w ^ (0x0101010101010101ULL * ' '));
}

static inline const cn_line *line_at(const ctx *c, size_t i)
{
    return &c->lines.v[i];
}

static inline const cn_line *para_line(const ctx *c, size_t p)
{
    return line_at(c, c->ps[p].first);
}

static inline const cn_line *para_last_line(const ctx *c, size_t p)
{
    return line_at(c, c->ps[p].first + c->ps[p].n - 1);
}

static inline bool text_para(const ctx *c, size_t p)
{
    return p < c->np && !c->ps[p].sig;
}

/* What one module gives another. */

/* cn_structured_lines: one line. Those that remember what they found (noise
 * to closing_like, in c->memo) take a line of the page, never a piece of one. */
bool cns_noise(const ctx *c, const cn_line *l); /* residue, widget, tags, a caption's name */
bool cns_answer_header(const ctx *c, const cn_line *l);  /* cn_pagecues_is_answer_header */
bool cns_answers_marker(const ctx *c, const cn_line *l); /* "4 Doctor Answers" */
/* cn_signature_classify of line l, into *out. */
cn_sigline_kind cns_classified(const ctx *c, const cn_line *l, cn_sigline *out);
/* cn_span_words(l->s, l->len), counted once for a line of the page (l may
 * also be any other span, a piece of a line: that one is counted each time);
 * _upto: cn_span_words_upto, the count stopped at cap words (kept only when
 * the line has fewer). */
size_t cns_words(const ctx *c, const cn_line *l);
size_t cns_words_upto(const ctx *c, const cn_line *l, size_t cap);
/* cn_pagecues_opener_words, cn_pagecues_is_opener and
 * cn_pagecues_is_continuation of l, found once for a line of the page (any
 * other span is looked up each time), as cns_words. */
size_t cns_opener_words(const ctx *c, const cn_line *l);
bool cns_opener(const ctx *c, const cn_line *l);
bool cns_continuation(const ctx *c, const cn_line *l);
bool cns_signoff_like(const ctx *c, const cn_line *l); /* cn_signature_is_signoff, no name */
bool cns_closing_like(const ctx *c, const cn_line *l); /* a sign-off or a farewell */
bool cns_farewell(const ctx *c, const cn_line *l);     /* "Hope that helps!" */
bool cns_short_closing(const ctx *c, const cn_line *l);
bool cns_list_item(const cn_line *l);
/* a capital or a digit first, past opening quote marks ("\"Cold\" Sculpting") */
bool cns_heading_start(const cn_line *l);
bool cns_greeting_line(const ctx *c, const cn_line *l);
bool cns_short_enough(const ctx *c, const cn_line *l); /* a title's bytes and words at most */
bool cns_two_sentences(const ctx *c, const cn_line *l);
bool cns_title_line(const ctx *c, const cn_line *l); /* a line shaped like a title */
/* the line's words, and how many of them are neither capitalized nor a
 * [title-small-words] word */
size_t cns_title_case_misses(const ctx *c, const cn_line *l, size_t *words);
bool cns_says_i(const cn_line *l);
bool cns_says_you(const cn_line *l);
cn_line cns_first_sentence(const cn_line *l);
bool cns_last_sentence(const ctx *c, const cn_line *l, cn_line *out);
bool cns_honorific_before(const ctx *c, const cn_line *l, size_t dot);
bool cns_cut_short(const cn_line *l, size_t *n);
bool cns_opens_with_line(const cn_line *l, const cn_line *next);
/* The words a line shares with the question's title (c->q_end set). */
bool cns_repeats_question(const ctx *c, const cn_line *l);
size_t cns_shared_with(const ctx *c, const cn_line *l, const cn_line *q);
size_t cns_shared_with_question(const ctx *c, const cn_line *l);

/* cn_structured_paras: c->ps from lines [from, to) (c->np set to 0 first to
 * build again), then the page-wide flags read from them. */
int cns_build_paras(ctx *c, size_t from, size_t to, cn_error *err);
void cns_detect_votes_lead(ctx *c, size_t from, size_t to); /* before the build */
bool cns_count_matches_lines(ctx *c);
bool cns_count_matches_para_lines(ctx *c);
/* gap_splits, replies_start, para_answers (and each paragraph's goes_on),
 * votes_head, votes_under_titles, credits_close */
void cns_detect_gap_splits(ctx *c);
void cns_detect_sig_heads(ctx *c);
bool cns_any_signature(const ctx *c);
bool cns_any_vote(const ctx *c);
bool cns_credit_end(const ctx *c, size_t p);

/* cn_structured_titles: paragraph p as an answer's title, where an answer
 * starts (after the marker, a signature or a closing) or inside one. */
bool cns_looks_title(const ctx *c, size_t p);
bool cns_title_at_start(const ctx *c, size_t p);
bool cns_title_inside(const ctx *c, size_t p);
bool cns_empty_title_above(const ctx *c, size_t p);

/* cn_structured_question: on a page without a "Doctor Answers" line, the
 * line the answers start at; *q_end gets where the question's lines end. */
size_t cns_implicit_marker(const ctx *c, size_t *q_end);
/* A [question-ends] line among the first runs under line first (the
 * asker's title and post printed under it): the line after it, or 0. */
size_t cns_question_end_below(const ctx *c, size_t first);

/* cn_structured_site: a site's furniture at the page's top ([site-headers]).
 * cns_past_site_header: from line `from`, the first line past the blank,
 * noise and [site-headers] lines when one of them is a site header; else
 * `from`. cns_site_title: the question's title among lines [from, to) under
 * that furniture (past a poster's name and date, a category line above it),
 * `to` when the first line is no title (a greeting, the asker's prose);
 * *body where the question's body starts. */
size_t cns_past_site_header(const ctx *c, size_t from);
size_t cns_site_title(const ctx *c, size_t from, size_t to, size_t *body);

#endif
