/* cn_pagecues: load page-cues.txt and answer the parsers' lookups. */
#include "cn_pagecues.h"

#include "cn_sort.h"
#include "cn_file.h"

#include "cn_lines.h"
#include "cn_text.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Widgets are short: a line longer than WIDGET_MAX is one only by an entry
 * with '*' at both ends, which matches where it starts a word in a line's
 * first CONTAINS_HEAD bytes (the captions and notes such entries name open
 * their lines; looking further would cost every long line of every page). */
#define WIDGET_MAX 160
/* Header entries with a leading '*' whose letters a line is searched for. */
#define HEADER_LITS 16
/* The group of header entries tried on every line (see hgroup). */
#define HEADER_REST 512
/* The group of widget entries that is tried on every short line. */
#define WIDGET_REST 512
#define CONTAINS_HEAD 80

/* A sorted list of strings for bsearch lookups. first[b]: some entry starts
 * with byte b (set once the list is loaded), so most words are turned away
 * by one byte before they are normalized or searched. */
typedef struct strlist {
    char **v;
    size_t n, cap;
    size_t *lens;    /* strlen of each entry (set with first) */
    uint64_t *head8; /* each entry's first 8 bytes as a word, zero-padded */
    uint32_t *heads; /* the first 3 bytes of each entry that long, sorted */
    size_t n_heads;
    size_t longest; /* bytes of the longest entry */
    /* Every entry by hash, for strlist_has: open addressing, linear probing,
     * a slot is an entry's index + 1 (0: empty), at most half full. */
    uint32_t *slots;
    size_t mask; /* slots - 1 */
    bool first[256];
} strlist;

typedef enum section {
    SEC_NONE,
    SEC_CREDENTIALS,
    SEC_VALEDICTIONS,
    SEC_WIDGETS,
    SEC_DISCLAIMERS,
    SEC_CITY_STOPWORDS,
    SEC_PARTICLES,
    SEC_OPENERS,
    SEC_ASKER_WORDS,
    SEC_LISTENER_WORDS,
    SEC_PRACTICE_PHRASES,
    SEC_UNFINISHED_WORDS,
    SEC_NAME_SUFFIXES,
    SEC_MONTHS,
    SEC_DATE_LEADS,
    SEC_ANSWER_LABELS,
    SEC_COMMON_WORDS,
    SEC_CONTINUATIONS,
    SEC_CLOSING_SENTENCES,
    SEC_QUESTION_OPENERS,
    SEC_ANSWER_MARKERS,
    SEC_SELF_WORDS,
    SEC_HONORIFICS,
    SEC_ANSWER_HEADERS,
    SEC_UNTITLED_MARKERS,
    SEC_ANSWER_BREAKS,
    SEC_QUESTION_ENDS,
    SEC_REPLY_OPENERS,
    SEC_TITLE_SMALL_WORDS,
    SEC_ABBREVIATIONS,
    SEC_SITE_HEADERS,
    SEC_LIMITS
} section;

struct cn_pagecues {
    cn_taxonomy *taxonomy;
    strlist credentials;   /* exact, dots removed */
    strlist valedictions;  /* normalized */
    strlist widgets;       /* normalized, may start or end with '*' */
    strlist disclaimers;   /* normalized prefixes */
    strlist stopwords;     /* normalized */
    strlist particles;     /* normalized */
    strlist openers;       /* normalized prefixes */
    strlist asker;         /* normalized words */
    strlist listener;      /* normalized words */
    strlist practice;      /* normalized two-word phrases */
    strlist unfinished;    /* normalized words */
    strlist suffixes;      /* normalized phrases */
    strlist months;        /* normalized words */
    strlist date_leads;    /* normalized phrases */
    strlist labels;        /* normalized prefixes */
    strlist common;        /* normalized words */
    strlist continuations; /* normalized prefixes */
    strlist closings;      /* normalized prefixes */
    strlist breaks;        /* normalized lines */
    strlist questions;     /* normalized prefixes */
    strlist markers;       /* normalized patterns: '%' a count, '*' at the end any rest */
    strlist self;          /* normalized words */
    strlist honorifics;    /* normalized words */
    strlist question_ends; /* normalized prefixes */
    strlist replies;       /* normalized prefixes */
    strlist headers;       /* normalized patterns as markers, and '*' at the start any head */
    strlist untitled;      /* normalized patterns as markers */
    strlist title_small;   /* normalized words */
    strlist abbrevs;       /* normalized words, without their dot */
    strlist site_headers;  /* normalized, '*' as in widgets */
    cn_pagecues_limits limits;
    struct widget_pat *wpats; /* widgets[i] taken apart once (widget_pat_of) */
    /* Bytes a widget can start with (entries without a leading '*') and end
     * with (entries with only a leading '*'); widget_any: some entry matches
     * anywhere ('*' on both sides, or no core), so no byte turns a line away. */
    bool widget_first[256], widget_last[256];
    bool widget_any;
    /* The entries' indexes grouped by what a short line must have to match
     * them: entries without a leading '*' by their first byte, entries with
     * only a leading '*' by their last, then the rest (tried on every line):
     * group g is wgroup[wgroup_at[g] .. wgroup_at[g + 1]), g < 256 a first
     * byte, 256 + b a last byte b, WIDGET_REST the rest. */
    size_t *wgroup;
    size_t wgroup_at[WIDGET_REST + 2];
    /* Some entry ('*' at both ends) matches anywhere in a line, long ones
     * too: a picture's caption that a site repeats for each picture in one
     * long line. */
    bool widget_contains;
    /* What a line needs to be an answer header, read from the raw line (see
     * index_headers): header_open, a letter an entry without a leading '*'
     * opens with; header_lits, the longest run of letters of each entry with
     * one (some run, without repeats); header_dated, some entry has no
     * such run but a date ('@'), which a line holds only with a year's four
     * digits; headers_any, some entry has none of these. */
    bool header_open[256];
    struct header_lit {
        const char *s;
        size_t n;
        size_t key; /* the index of its rarest letter, searched for */
    } header_lits[HEADER_LITS];
    size_t n_header_lits;
    bool header_dated;
    bool headers_any;
    /* The header entries' indexes grouped by the first byte a normalized
     * line must have to match them (entries that open with a plain byte),
     * then the others (a count, a date, any head, or empty) by the last
     * byte the line must end with (entries that end with a plain byte:
     * marker_match reads the pattern to the line's end), then the rest,
     * tried on every line: group g is hgroup[hgroup_at[g] .. hgroup_at[g +
     * 1]), g < 256 a first byte, 256 + b a last byte b, HEADER_REST the
     * rest. A line is compared with the few entries that can match its
     * ends, not with every one. */
    size_t *hgroup;
    size_t hgroup_at[HEADER_REST + 2];
};

/* A widget entry taken apart: its core (spaces trimmed) and whether a '*'
 * stands before or after it; every line of every page is checked against
 * each, so this is done once when the cues load. */
typedef struct widget_pat {
    const char *core; /* into the entry */
    size_t clen;
    bool lead, trail;
    const char *tail; /* after a '*' inside the entry ("dr * answer"), or NULL */
    size_t tlen;
    size_t key; /* '*' at both ends: the index of the core's rarest letter, searched for */
} widget_pat;

static void strlist_free(strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    free(l->lens);
    free(l->head8);
    free(l->heads);
    free(l->slots);
}

static bool strlist_push(strlist *l, char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return true;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint32_t head3(const unsigned char *b)
{
    return (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
}

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* FNV-1a of s[0..n): lookups are far more frequent than the entries, and
 * the words looked up are short. */
static uint64_t str_hash(const char *s, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
    return h ^ (h >> 29);
}

/* Fill l->slots with every entry (l->lens set); false on OOM. */
static bool strlist_hash_entries(strlist *l)
{
    size_t slots = 16;
    while (slots < 2 * l->n)
        slots *= 2;
    l->slots = calloc(slots, sizeof *l->slots);
    if (!l->slots)
        return false;
    l->mask = slots - 1;
    for (size_t i = 0; i < l->n; i++) {
        size_t k = (size_t)str_hash(l->v[i], l->lens[i]) & l->mask;
        while (l->slots[k])
            k = (k + 1) & l->mask;
        l->slots[k] = (uint32_t)(i + 1);
    }
    return true;
}

/* Fill l->first, l->lens, l->longest, l->heads and l->slots from its
 * entries; false on OOM. */
static bool strlist_index(strlist *l)
{
    memset(l->first, 0, sizeof l->first);
    l->longest = 0;
    l->lens = malloc((l->n + 1) * sizeof *l->lens);
    l->heads = malloc((l->n + 1) * sizeof *l->heads);
    l->head8 = malloc((l->n + 1) * sizeof *l->head8);
    if (!l->lens || !l->heads || !l->head8)
        return false;
    l->n_heads = 0;
    for (size_t i = 0; i < l->n; i++) {
        size_t n = l->lens[i] = strlen(l->v[i]);
        l->head8[i] = 0;
        memcpy(&l->head8[i], l->v[i], n < 8 ? n : 8);
        l->first[(unsigned char)l->v[i][0]] = true;
        if (n > l->longest)
            l->longest = n;
        if (n >= 3)
            l->heads[l->n_heads++] = head3((const unsigned char *)l->v[i]);
    }
    cn_sort_stable(l->heads, l->n_heads, sizeof *l->heads, u32_cmp);
    return strlist_hash_entries(l);
}

/* Printable ASCII but the backtick (folded to '): normalization only
 * lower-cases it. */
static bool plain_byte(unsigned char c)
{
    return c > ' ' && c < 0x7F && c != '`';
}

/* Can the normalized s[0..len) start like an entry of l (a normalized list)?
 * Normalization drops leading white space and only lower-cases a plain byte,
 * so when the first other byte is plain, it decides; entries are never empty,
 * so text of white space only matches none. */
static bool may_start(const strlist *l, const char *s, size_t len)
{
    size_t k = 0;
    while (k < len && cn_text_is_space((unsigned char)s[k]))
        k++;
    if (k == len)
        return false;
    unsigned char c = (unsigned char)s[k];
    if (!plain_byte(c))
        return true;
    return l->first[(unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c)];
}

/* Is s one of l's entries? By hash: called for most words of every page. */
static bool strlist_has(const strlist *l, const char *s)
{
    /* an entry equal to s starts with its first byte ('\0' for an empty one) */
    if (!l->n || !l->first[(unsigned char)s[0]])
        return false;
    size_t n = strlen(s);
    for (size_t k = (size_t)str_hash(s, n) & l->mask; l->slots[k]; k = (k + 1) & l->mask) {
        size_t i = l->slots[k] - 1;
        if (l->lens[i] == n && memcmp(l->v[i], s, n) == 0)
            return true;
    }
    return false;
}

void cn_pagecues_free(cn_pagecues *c)
{
    if (!c)
        return;
    cn_taxonomy_free(c->taxonomy);
    strlist_free(&c->credentials);
    strlist_free(&c->valedictions);
    strlist_free(&c->widgets);
    strlist_free(&c->openers);
    strlist_free(&c->markers);
    strlist_free(&c->untitled);
    strlist_free(&c->site_headers);
    strlist_free(&c->self);
    strlist_free(&c->honorifics);
    strlist_free(&c->question_ends);
    strlist_free(&c->replies);
    strlist_free(&c->headers);
    strlist_free(&c->asker);
    strlist_free(&c->listener);
    strlist_free(&c->practice);
    strlist_free(&c->unfinished);
    strlist_free(&c->suffixes);
    strlist_free(&c->months);
    strlist_free(&c->date_leads);
    strlist_free(&c->labels);
    strlist_free(&c->common);
    strlist_free(&c->title_small);
    strlist_free(&c->abbrevs);
    strlist_free(&c->continuations);
    strlist_free(&c->closings);
    strlist_free(&c->breaks);
    strlist_free(&c->questions);
    strlist_free(&c->disclaimers);
    strlist_free(&c->stopwords);
    strlist_free(&c->particles);
    free(c->wpats);
    free(c->wgroup);
    free(c->hgroup);
    free(c);
}

const cn_taxonomy *cn_pagecues_taxonomy(const cn_pagecues *c)
{
    return c->taxonomy;
}

const cn_pagecues_limits *cn_pagecues_get_limits(const cn_pagecues *c)
{
    return &c->limits;
}

/* Copy of s[0..len) without '.' characters. */
static char *undotted(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != '.')
            out[w++] = s[i];
    out[w] = '\0';
    return out;
}

static section section_named(const char *s, size_t len)
{
    static const struct {
        const char *name;
        section sec;
    } SECTIONS[] = {
        {"[credentials]", SEC_CREDENTIALS},
        {"[valedictions]", SEC_VALEDICTIONS},
        {"[widgets]", SEC_WIDGETS},
        {"[disclaimers]", SEC_DISCLAIMERS},
        {"[city-stopwords]", SEC_CITY_STOPWORDS},
        {"[name-particles]", SEC_PARTICLES},
        {"[answer-openers]", SEC_OPENERS},
        {"[asker-words]", SEC_ASKER_WORDS},
        {"[listener-words]", SEC_LISTENER_WORDS},
        {"[practice-phrases]", SEC_PRACTICE_PHRASES},
        {"[unfinished-words]", SEC_UNFINISHED_WORDS},
        {"[name-suffixes]", SEC_NAME_SUFFIXES},
        {"[months]", SEC_MONTHS},
        {"[date-leads]", SEC_DATE_LEADS},
        {"[answer-labels]", SEC_ANSWER_LABELS},
        {"[common-words]", SEC_COMMON_WORDS},
        {"[continuations]", SEC_CONTINUATIONS},
        {"[closing-sentences]", SEC_CLOSING_SENTENCES},
        {"[answer-breaks]", SEC_ANSWER_BREAKS},
        {"[question-openers]", SEC_QUESTION_OPENERS},
        {"[answer-markers]", SEC_ANSWER_MARKERS},
        {"[self-words]", SEC_SELF_WORDS},
        {"[honorifics]", SEC_HONORIFICS},
        {"[question-ends]", SEC_QUESTION_ENDS},
        {"[reply-openers]", SEC_REPLY_OPENERS},
        {"[answer-headers]", SEC_ANSWER_HEADERS},
        {"[untitled-markers]", SEC_UNTITLED_MARKERS},
        {"[title-small-words]", SEC_TITLE_SMALL_WORDS},
        {"[abbreviations]", SEC_ABBREVIATIONS},
        {"[site-headers]", SEC_SITE_HEADERS},
        {"[limits]", SEC_LIMITS},
    };
    for (size_t i = 0; i < sizeof SECTIONS / sizeof SECTIONS[0]; i++)
        if (strlen(SECTIONS[i].name) == len && memcmp(SECTIONS[i].name, s, len) == 0)
            return SECTIONS[i].sec;
    return SEC_NONE;
}

/* "key = value" of the [limits] section. */
static int parse_limit(cn_pagecues *c, const char *s, size_t len, unsigned *seen,
                       const char *origin, size_t lineno, cn_error *err)
{
    static const char *const KEYS[] = {
        "title_max_bytes",          "title_max_words",        "dedup_min_key",
        "excerpt_min_key",          "excerpt_prefix_max",     "max_page_bytes",
        "answer_line_words",        "bare_prose_words",       "title_exclaim_words",
        "question_body_paragraphs", "restated_title_words",   "restated_start_words",
        "period_title_words",       "restated_opening_words", "greeting_name_words",
        "votes_lead_ratio",         "closing_sentence_words", "question_scrap_bytes",
        "short_title_words",        "colon_lead_words",       "asked_doctors_words"};
    size_t *const slots[] = {&c->limits.title_max_bytes,        &c->limits.title_max_words,
                             &c->limits.dedup_min_key,          &c->limits.excerpt_min_key,
                             &c->limits.excerpt_prefix_max,     &c->limits.max_page_bytes,
                             &c->limits.answer_line_words,      &c->limits.bare_prose_words,
                             &c->limits.title_exclaim_words,    &c->limits.question_body_paragraphs,
                             &c->limits.restated_title_words,   &c->limits.restated_start_words,
                             &c->limits.period_title_words,     &c->limits.restated_opening_words,
                             &c->limits.greeting_name_words,    &c->limits.votes_lead_ratio,
                             &c->limits.closing_sentence_words, &c->limits.question_scrap_bytes,
                             &c->limits.short_title_words,      &c->limits.colon_lead_words,
                             &c->limits.asked_doctors_words};
    const char *eq = memchr(s, '=', len);
    if (!eq)
        return cn_error_set(err, CN_ERR_RULES, "%s:%zu: expected 'key = value'", origin, lineno);
    size_t klen, vlen;
    const char *key = cn_span_trim(s, (size_t)(eq - s), &klen);
    const char *val = cn_span_trim(eq + 1, len - (size_t)(eq - s) - 1, &vlen);
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (strlen(KEYS[i]) != klen || memcmp(KEYS[i], key, klen) != 0)
            continue;
        unsigned long long v = 0;
        if (vlen == 0 || vlen > 18)
            return cn_error_set(err, CN_ERR_RULES, "%s:%zu: bad number for %s", origin, lineno,
                                KEYS[i]);
        for (size_t k = 0; k < vlen; k++) {
            if (val[k] < '0' || val[k] > '9')
                return cn_error_set(err, CN_ERR_RULES, "%s:%zu: bad number for %s", origin, lineno,
                                    KEYS[i]);
            v = v * 10 + (unsigned)(val[k] - '0');
        }
        if (v == 0)
            return cn_error_set(err, CN_ERR_RULES, "%s:%zu: %s must be positive", origin, lineno,
                                KEYS[i]);
        *slots[i] = (size_t)v;
        *seen |= 1u << i;
        return CN_OK;
    }
    return cn_error_set(err, CN_ERR_RULES, "%s:%zu: unknown limit '%.*s'", origin, lineno,
                        (int)klen, key);
}

static int parse_entry(cn_pagecues *c, section sec, const char *s, size_t len, unsigned *seen,
                       const char *origin, size_t lineno, cn_error *err)
{
    if (sec == SEC_NONE)
        return cn_error_set(err, CN_ERR_RULES, "%s:%zu: entry outside a [section]", origin, lineno);
    if (sec == SEC_LIMITS)
        return parse_limit(c, s, len, seen, origin, lineno, err);
    if (memchr(s, '\0', len))
        return cn_error_set(err, CN_ERR_RULES, "%s:%zu: a NUL byte in an entry", origin, lineno);
    strlist *list = sec == SEC_CREDENTIALS         ? &c->credentials
                    : sec == SEC_VALEDICTIONS      ? &c->valedictions
                    : sec == SEC_WIDGETS           ? &c->widgets
                    : sec == SEC_DISCLAIMERS       ? &c->disclaimers
                    : sec == SEC_PARTICLES         ? &c->particles
                    : sec == SEC_OPENERS           ? &c->openers
                    : sec == SEC_ASKER_WORDS       ? &c->asker
                    : sec == SEC_LISTENER_WORDS    ? &c->listener
                    : sec == SEC_PRACTICE_PHRASES  ? &c->practice
                    : sec == SEC_UNFINISHED_WORDS  ? &c->unfinished
                    : sec == SEC_NAME_SUFFIXES     ? &c->suffixes
                    : sec == SEC_MONTHS            ? &c->months
                    : sec == SEC_DATE_LEADS        ? &c->date_leads
                    : sec == SEC_ANSWER_LABELS     ? &c->labels
                    : sec == SEC_COMMON_WORDS      ? &c->common
                    : sec == SEC_CONTINUATIONS     ? &c->continuations
                    : sec == SEC_CLOSING_SENTENCES ? &c->closings
                    : sec == SEC_ANSWER_BREAKS     ? &c->breaks
                    : sec == SEC_QUESTION_OPENERS  ? &c->questions
                    : sec == SEC_ANSWER_MARKERS    ? &c->markers
                    : sec == SEC_SELF_WORDS        ? &c->self
                    : sec == SEC_HONORIFICS        ? &c->honorifics
                    : sec == SEC_QUESTION_ENDS     ? &c->question_ends
                    : sec == SEC_REPLY_OPENERS     ? &c->replies
                    : sec == SEC_ANSWER_HEADERS    ? &c->headers
                    : sec == SEC_UNTITLED_MARKERS  ? &c->untitled
                    : sec == SEC_TITLE_SMALL_WORDS ? &c->title_small
                    : sec == SEC_ABBREVIATIONS     ? &c->abbrevs
                    : sec == SEC_SITE_HEADERS      ? &c->site_headers
                                                   : &c->stopwords;
    char *v = sec == SEC_CREDENTIALS ? undotted(s, len) : cn_text_normalize(s, len, NULL, NULL);
    if (v && !*v) {
        free(v); /* an empty entry would match every line (and read before it) */
        return cn_error_set(err, CN_ERR_RULES, "%s:%zu: an entry with no words", origin, lineno);
    }
    if (!v || !strlist_push(list, v)) {
        free(v);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
    }
    return CN_OK;
}

static widget_pat widget_pat_of(const char *pat);

/* The group a widget entry belongs to (see wgroup). */
static size_t widget_group(const widget_pat *w)
{
    if (w->clen == 0 || (w->lead && w->trail))
        return WIDGET_REST;
    if (w->lead)
        return 256 + (unsigned char)w->core[w->clen - 1];
    return (unsigned char)w->core[0];
}

/* Fill wgroup and wgroup_at from wpats (a counting sort, so each group
 * keeps the entries' order); false when out of memory. */
static bool group_widgets(cn_pagecues *c)
{
    c->wgroup = malloc((c->widgets.n + 1) * sizeof *c->wgroup);
    if (!c->wgroup)
        return false;
    memset(c->wgroup_at, 0, sizeof c->wgroup_at);
    for (size_t i = 0; i < c->widgets.n; i++)
        c->wgroup_at[widget_group(&c->wpats[i]) + 1]++;
    for (size_t g = 0; g <= WIDGET_REST; g++)
        c->wgroup_at[g + 1] += c->wgroup_at[g];
    size_t fill[WIDGET_REST + 1];
    memcpy(fill, c->wgroup_at, sizeof fill);
    for (size_t i = 0; i < c->widgets.n; i++)
        c->wgroup[fill[widget_group(&c->wpats[i])]++] = i;
    return true;
}

static bool is_marker_meta(char ch);

/* The group of header entry e (see hgroup). */
static size_t header_group(const char *e)
{
    if (e[0] != '\0' && !is_marker_meta(e[0]))
        return (unsigned char)e[0];
    size_t len = strlen(e);
    if (len > 0 && !is_marker_meta(e[len - 1]))
        return 256 + (unsigned char)e[len - 1];
    return HEADER_REST;
}

/* Fill hgroup and hgroup_at from the header entries (a counting sort, so
 * each group keeps the entries' order); false when out of memory. */
static bool group_headers(cn_pagecues *c)
{
    const strlist *h = &c->headers;
    c->hgroup = malloc((h->n + 1) * sizeof *c->hgroup);
    if (!c->hgroup)
        return false;
    memset(c->hgroup_at, 0, sizeof c->hgroup_at);
    for (size_t i = 0; i < h->n; i++)
        c->hgroup_at[header_group(h->v[i]) + 1]++;
    for (size_t g = 0; g <= HEADER_REST; g++)
        c->hgroup_at[g + 1] += c->hgroup_at[g];
    size_t fill[HEADER_REST + 1];
    memcpy(fill, c->hgroup_at, sizeof fill);
    for (size_t i = 0; i < h->n; i++)
        c->hgroup[fill[header_group(h->v[i])]++] = i;
    return true;
}

/* English letters from the most to the least frequent: a run of letters is
 * searched for by its rarest letter, which a line has least often. */
static size_t letter_rank(char ch)
{
    static const char ORDER[] = "etaoinshrdlcumwfgypbvkjxqz";
    const char *p = memchr(ORDER, ch, sizeof ORDER - 1);
    return p ? (size_t)(p - ORDER) : 0;
}

/* Fill header_open, header_lits and headers_any from the header entries.
 * Normalization lower-cases ASCII letters, makes none of other bytes, and
 * drops nothing between two of them: a run of letters of an entry that the
 * normalized line must hold is in the raw line, in either case. */
static void index_headers(cn_pagecues *c)
{
    for (size_t i = 0; i < c->headers.n && !c->headers_any; i++) {
        const char *e = c->headers.v[i];
        if (e[0] != '*') { /* matched from the line's start */
            if (e[0] >= 'a' && e[0] <= 'z')
                c->header_open[(unsigned char)e[0]] = true;
            else if (e[0] == '%') /* a count opens on a digit or its bracket */
                for (const char *d = "0123456789("; *d; d++)
                    c->header_open[(unsigned char)*d] = true;
            else if ((unsigned char)e[0] < 0x80) /* a byte beyond ASCII lets a line in */
                c->headers_any = true;
            continue;
        }
        const char *best = NULL;
        size_t n = 0;
        for (const char *p = e; *p;) {
            const char *q = p;
            while (*q >= 'a' && *q <= 'z')
                q++;
            if ((size_t)(q - p) > n)
                best = p, n = (size_t)(q - p);
            p = q == p ? p + 1 : q;
        }
        if (n < 3 && strchr(e, '@')) {
            c->header_dated = true;
            continue;
        }
        if (n < 3 || c->n_header_lits == HEADER_LITS) {
            c->headers_any = true;
            continue;
        }
        bool seen = false;
        for (size_t k = 0; k < c->n_header_lits; k++)
            seen |= c->header_lits[k].n == n && memcmp(c->header_lits[k].s, best, n) == 0;
        if (seen)
            continue;
        size_t key = 0;
        for (size_t k = 1; k < n; k++)
            if (letter_rank(best[k]) > letter_rank(best[key]))
                key = k;
        c->header_lits[c->n_header_lits++] = (struct header_lit){best, n, key};
    }
}

int cn_pagecues_parse(const char *text, size_t len, const char *origin, cn_taxonomy *taxonomy,
                      cn_pagecues **out, cn_error *err)
{
    *out = NULL;
    cn_pagecues *c = calloc(1, sizeof *c);
    if (!c) {
        cn_taxonomy_free(taxonomy);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
    }
    c->taxonomy = taxonomy;
    c->limits.answer_line_words = 8;
    c->limits.bare_prose_words = 12;
    c->limits.title_exclaim_words = 5;
    c->limits.question_body_paragraphs = 4;
    c->limits.restated_title_words = 3;
    c->limits.restated_start_words = 2;
    c->limits.period_title_words = 12;
    c->limits.restated_opening_words = 3;
    c->limits.greeting_name_words = 2;
    c->limits.votes_lead_ratio = 2;
    c->limits.closing_sentence_words = 10;
    c->limits.question_scrap_bytes = 24;
    c->limits.short_title_words = 8;
    c->limits.colon_lead_words = 3;
    c->limits.asked_doctors_words = 8;
    c->limits.dedup_memory_bytes = (size_t)CN_PAGECUES_DEDUP_MEMORY_MIB << 20;
    size_t bad;
    if (!cn_utf8_validate(text, len, &bad)) {
        cn_pagecues_free(c);
        return cn_error_set(err, CN_ERR_RULES, "%s: not valid UTF-8 (byte offset %zu)", origin,
                            bad);
    }
    cn_lines lines;
    int rc = cn_lines_split(text, len, &lines, err);
    if (rc) {
        cn_pagecues_free(c);
        return rc;
    }
    section sec = SEC_NONE;
    unsigned seen = 0;
    for (size_t i = 0; i < lines.n && rc == CN_OK; i++) {
        const cn_line *l = &lines.v[i];
        if (l->len == 0 || l->s[0] == '#')
            continue;
        if (l->s[0] == '[') {
            sec = section_named(l->s, l->len);
            if (sec == SEC_NONE)
                rc = cn_error_set(err, CN_ERR_RULES, "%s:%zu: unknown section '%.*s'", origin,
                                  l->lineno, (int)l->len, l->s);
            continue;
        }
        rc = parse_entry(c, sec, l->s, l->len, &seen, origin, l->lineno, err);
    }
    cn_lines_clear(&lines);
    if (rc == CN_OK && (seen & 0x3Fu) != 0x3Fu)
        rc = cn_error_set(err, CN_ERR_RULES,
                          "%s: [limits] must set title_max_bytes, title_max_words, dedup_min_key, "
                          "excerpt_min_key, excerpt_prefix_max and max_page_bytes",
                          origin);
    if (rc == CN_OK && (c->credentials.n == 0 || c->disclaimers.n == 0))
        rc = cn_error_set(err, CN_ERR_RULES, "%s: [credentials] and [disclaimers] may not be empty",
                          origin);
    if (rc) {
        cn_pagecues_free(c);
        return rc;
    }
    strlist *lists[] = {
        &c->credentials, &c->valedictions,  &c->widgets,     &c->disclaimers, &c->stopwords,
        &c->particles,   &c->openers,       &c->asker,       &c->listener,    &c->practice,
        &c->unfinished,  &c->suffixes,      &c->months,      &c->date_leads,  &c->labels,
        &c->common,      &c->continuations, &c->markers,     &c->self,        &c->headers,
        &c->questions,   &c->closings,      &c->breaks,      &c->honorifics,  &c->question_ends,
        &c->replies,     &c->untitled,      &c->title_small, &c->abbrevs};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (lists[i]->n)
            cn_sort_stable(lists[i]->v, lists[i]->n, sizeof *lists[i]->v, str_cmp);
        if (!strlist_index(lists[i])) {
            cn_pagecues_free(c);
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        }
    }
    c->wpats = calloc(c->widgets.n + 1, sizeof *c->wpats);
    if (!c->wpats) {
        cn_pagecues_free(c);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < c->widgets.n; i++) {
        widget_pat w = widget_pat_of(c->widgets.v[i]);
        c->wpats[i] = w;
        if (w.clen == 0)
            c->widget_any = true;
        else if (w.lead && w.trail)
            c->widget_contains = true;
        else if (w.lead)
            c->widget_last[(unsigned char)w.core[w.clen - 1]] = true;
        else
            c->widget_first[(unsigned char)w.core[0]] = true;
    }
    if (!group_widgets(c) || !group_headers(c)) {
        cn_pagecues_free(c);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    index_headers(c);
    *out = c;
    return CN_OK;
}

/* Line l of settings.rules sets dedup_memory_mib: "setting dedup_memory_mib
 * value=NUMBER" (what cn_rules reads, NUMBER in MiB, 0 to 1e6). */
static int memory_setting(const cn_line *l, const char *origin, size_t *bytes, cn_error *err)
{
    static const char NAME[] = "setting dedup_memory_mib";
    size_t n = sizeof NAME - 1;
    if (l->len <= n || strncmp(l->s, NAME, n) || (l->s[n] != ' ' && l->s[n] != '\t'))
        return CN_OK;
    char buf[128];
    size_t len = l->len < sizeof buf ? l->len : sizeof buf - 1;
    memcpy(buf, l->s, len);
    buf[len] = '\0';
    const char *v = strstr(buf, "value=");
    char *end = NULL;
    double mib = v ? strtod(v + 6, &end) : -1;
    if (!v || end == v + 6 || (*end && *end != ' ' && *end != '\t' && *end != '#') ||
        !(mib >= 0 && mib <= 1e6))
        return cn_error_set(err, CN_ERR_RULES,
                            "%s:%zu: setting dedup_memory_mib needs value=NUMBER (MiB from 0 to "
                            "1e6; 0: the index never goes to disk)",
                            origin, l->lineno);
    *bytes = (size_t)(mib * (1 << 20));
    return CN_OK;
}

/* dedup_memory_mib from DIR/settings.rules, if the file is there. */
static int load_memory_setting(const char *rules_dir, cn_pagecues *c, cn_error *err)
{
    size_t n = strlen(rules_dir) + 32;
    char *path = malloc(n);
    if (!path)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(path, n, "%s/settings.rules", rules_dir);
    char *text = NULL;
    size_t len;
    int rc = CN_OK;
    if (access(path, F_OK) == 0)
        rc = cn_file_read(path, CN_ERR_RULES, &text, &len, err);
    cn_lines lines;
    if (text && rc == CN_OK && (rc = cn_lines_split(text, len, &lines, err)) == CN_OK) {
        for (size_t i = 0; i < lines.n && rc == CN_OK; i++)
            rc = memory_setting(&lines.v[i], path, &c->limits.dedup_memory_bytes, err);
        cn_lines_clear(&lines);
    }
    free(text);
    free(path);
    return rc;
}

int cn_pagecues_load(const char *rules_dir, cn_pagecues **out, cn_error *err)
{
    *out = NULL;
    size_t n = strlen(rules_dir) + 32;
    char *path = malloc(n);
    if (!path)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(path, n, "%s/specialties.txt", rules_dir);
    cn_taxonomy *taxonomy;
    int rc = cn_taxonomy_load(path, &taxonomy, err);
    if (rc) {
        free(path);
        return rc;
    }
    snprintf(path, n, "%s/page-cues.txt", rules_dir);
    size_t len;
    char *text;
    rc = cn_file_read(path, CN_ERR_RULES, &text, &len, err);
    if (rc) {
        cn_taxonomy_free(taxonomy);
        free(path);
        return rc;
    }
    rc = cn_pagecues_parse(text, len, path, taxonomy, out, err);
    free(text);
    free(path);
    if (rc == CN_OK && (rc = load_memory_setting(rules_dir, *out, err)) != CN_OK) {
        cn_pagecues_free(*out);
        *out = NULL;
    }
    return rc;
}

bool cn_pagecues_is_credential(const cn_pagecues *c, const char *tok, size_t len)
{
    if (len == 0 || len > 16)
        return false;
    char buf[17];
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        if (tok[i] != '.')
            buf[w++] = tok[i];
    buf[w] = '\0';
    return w > 0 && c->credentials.first[(unsigned char)buf[0]] &&
           strlist_has(&c->credentials, buf);
}

/* A byte norm_core drops from the end: strchr(" .,;:!?-~", c) != NULL ("Best
 * of luck~" is a valediction). */
static bool core_trail(char c)
{
    return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
           c == '-' || c == '~' || c == '\0';
}

/* Can the normalized s (norm_core(s) when core) start with an entry of l
 * three bytes long or more? When s starts with three bytes that
 * normalization only lower-cases (plain, and with core none that norm_core
 * would drop at the end; a run of ASCII white space between two such bytes
 * becomes one space), the normalized s starts with them, and so must such an
 * entry. Otherwise, true. */
static bool head_fits(const strlist *l, const char *s, size_t len, bool core)
{
    unsigned char b[3];
    size_t got = 0, k = 0;
    while (k < len && cn_text_is_space((unsigned char)s[k]))
        k++;
    while (got < 3) {
        if (k == len)
            return true;
        unsigned char c = (unsigned char)s[k];
        if (cn_text_is_space(c)) {
            size_t e = k;
            while (e < len && cn_text_is_space((unsigned char)s[e]))
                e++;
            if (e == len || !plain_byte((unsigned char)s[e]) || (core && core_trail(s[e])))
                return true;
            b[got++] = ' ';
            k = e;
            continue;
        }
        if (!plain_byte(c) || (core && core_trail((char)c)))
            return true;
        b[got++] = (unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        k++;
    }
    uint32_t h = head3(b);
    return bsearch(&h, l->heads, l->n_heads, sizeof *l->heads, u32_cmp) != NULL;
}

/* Normalized s[0..len) into out (len + 1 bytes) with trailing punctuation
 * and spaces removed; returns its length. */
static size_t norm_core(const char *s, size_t len, char *out)
{
    size_t n = cn_text_normalize_into(s, len, out);
    while (n > 0 && core_trail(out[n - 1]))
        n--;
    out[n] = '\0';
    return n;
}

bool cn_pagecues_is_valediction(const cn_pagecues *c, const char *s, size_t len)
{
    if (len == 0 || len > 64 || !may_start(&c->valedictions, s, len) ||
        !head_fits(&c->valedictions, s, len, true))
        return false;
    char v[65];
    norm_core(s, len, v);
    return strlist_has(&c->valedictions, v);
}

/* Is needle in hay? Only where its first byte is (memchr), since a widget
 * check tries every "*...*" entry on each short line: a compare at every
 * position was most of the reader's widget test. The entries start with
 * common letters, so a place is first tried on the needle's last byte, a
 * test in place that turns most of them away without a call to memcmp. */
/* Does hay hold needle? Searched for by needle[key] (its rarest letter:
 * every short line is asked, and an entry's first letter is a common one). */
static bool contains(const char *hay, size_t hlen, const char *needle, size_t nlen, size_t key)
{
    if (nlen == 0)
        return true;
    if (nlen > hlen)
        return false;
    const char *p = hay + key, *last = hay + (hlen - nlen) + key;
    while ((p = memchr(p, needle[key], (size_t)(last - p) + 1)) != NULL) {
        if (memcmp(p - key, needle, nlen) == 0)
            return true;
        if (p++ == last)
            break;
    }
    return false;
}

/* pat: a normalized entry; '*' at its start or end matches any rest, a
 * '*' inside it (and none at the ends) any words between. */
static widget_pat widget_pat_of(const char *pat)
{
    size_t plen = strlen(pat);
    widget_pat w = {.lead = plen > 0 && pat[0] == '*', .trail = plen > 1 && pat[plen - 1] == '*'};
    w.core = pat + w.lead;
    w.clen = plen - w.lead - w.trail;
    while (w.clen > 0 && w.core[0] == ' ')
        w.core++, w.clen--;
    while (w.clen > 0 && w.core[w.clen - 1] == ' ')
        w.clen--;
    const char *mid = memchr(w.core, '*', w.clen);
    if (mid && !w.lead && !w.trail) {
        w.tail = mid + 1;
        w.tlen = w.clen - (size_t)(w.tail - w.core);
        w.clen = (size_t)(mid - w.core);
    }
    for (size_t k = 1; k < w.clen; k++) /* letters only: other bytes rank as 'e' */
        if (letter_rank(w.core[k]) > letter_rank(w.core[w.key]))
            w.key = k;
    return w;
}

/* a[0..n) == b[0..n): the first bytes compared in place, since a short
 * line is tried against every entry and most differ there at once. */
static bool same_bytes(const char *a, const char *b, size_t n)
{
    return n == 0 || (a[0] == b[0] && memcmp(a, b, n) == 0);
}

static bool widget_matches(const widget_pat *w, const char *v, size_t vlen)
{
    if (w->clen > vlen)
        return false;
    if (w->tail) /* one to four words between (a name), not a sentence */
        return vlen > w->clen + w->tlen && same_bytes(v, w->core, w->clen) &&
               same_bytes(v + vlen - w->tlen, w->tail, w->tlen) &&
               cn_span_words(v + w->clen, vlen - w->clen - w->tlen) <= 4;
    if (w->lead && w->trail)
        return contains(v, vlen, w->core, w->clen, w->key);
    if (w->lead)
        return same_bytes(v + vlen - w->clen, w->core, w->clen);
    if (w->trail)
        return same_bytes(v, w->core, w->clen);
    return w->clen == vlen && same_bytes(v, w->core, w->clen);
}

/* Can the line be a widget, judged by the bytes its normalized core starts
 * and ends with? Normalization drops white space at both ends and only
 * lower-cases a plain byte; norm_core then drops trailing punctuation. A
 * byte that is not plain (or nothing left) decides nothing: true. */
static bool widget_ends_fit(const cn_pagecues *c, const char *line, size_t len)
{
    if (c->widget_any)
        return true;
    size_t a = 0, b = len;
    while (a < len && cn_text_is_space((unsigned char)line[a]))
        a++;
    while (b > 0 && (cn_text_is_space((unsigned char)line[b - 1]) || core_trail(line[b - 1])))
        b--;
    if (a >= b)
        return true;
    unsigned char first = (unsigned char)line[a], last = (unsigned char)line[b - 1];
    if (!plain_byte(first) || !plain_byte(last))
        return true;
    first = (unsigned char)((first >= 'A' && first <= 'Z') ? first + 32 : first);
    last = (unsigned char)((last >= 'A' && last <= 'Z') ? last + 32 : last);
    return c->widget_first[first] || c->widget_last[last];
}

/* A letter or digit of ASCII, or a byte of a UTF-8 sequence. */
static bool word_byte_raw(char ch)
{
    unsigned char b = (unsigned char)ch;
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

/* The core of w at line[i..], ASCII case ignored (the entries with '*' at
 * both ends are plain lower-case words). */
static bool raw_match_at(const widget_pat *w, const char *line, size_t len, size_t i)
{
    if (i + w->clen > len)
        return false;
    for (size_t k = 0; k < w->clen; k++) {
        unsigned char x = (unsigned char)line[i + k];
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (unsigned char)w->core[k])
            return false;
    }
    return true;
}

/* Entry w (a plain lower-case core) in the raw line, starting a word at
 * some i < head: searched for by its rarest letter (w->key) in either case,
 * each place it stands tried as the entry's. */
static bool raw_entry_in_head(const widget_pat *w, const char *line, size_t len, size_t head)
{
    if (w->clen > len)
        return false;
    size_t starts = len - w->clen + 1 < head ? len - w->clen + 1 : head; /* i < starts */
    char lo = w->core[w->key];
    char cases[2] = {lo, (char)(lo >= 'a' && lo <= 'z' ? lo - 32 : lo)};
    for (int u = 0; u < (cases[1] != cases[0] ? 2 : 1); u++) {
        const char *from = line + w->key, *end = line + starts + w->key;
        for (const char *q = memchr(from, cases[u], (size_t)(end - from)); q;
             q = memchr(q + 1, cases[u], (size_t)(end - (q + 1)))) {
            size_t i = (size_t)(q - line) - w->key;
            if ((i == 0 || !word_byte_raw(line[i - 1])) && raw_match_at(w, line, len, i))
                return true;
        }
    }
    return false;
}

/* Some entry with '*' at both ends found in the raw line, starting a word
 * in its first CONTAINS_HEAD bytes (the entries are words: they start where
 * a word does), in either case (no normalization, which would cost every
 * line of every page). */
static bool raw_contains(const cn_pagecues *c, const char *line, size_t len)
{
    size_t head = len < CONTAINS_HEAD ? len : CONTAINS_HEAD;
    for (size_t k = c->wgroup_at[WIDGET_REST]; k < c->wgroup_at[WIDGET_REST + 1]; k++) {
        const widget_pat *w = &c->wpats[c->wgroup[k]];
        if (w->lead && w->trail && w->clen > 0 && raw_entry_in_head(w, line, len, head))
            return true;
    }
    return false;
}

/* Does an entry of group g match the normalized core v? */
static bool widget_group_matches(const cn_pagecues *c, size_t g, const char *v, size_t vlen)
{
    for (size_t k = c->wgroup_at[g]; k < c->wgroup_at[g + 1]; k++)
        if (widget_matches(&c->wpats[c->wgroup[k]], v, vlen))
            return true;
    return false;
}

/* A site's header line: an entry of [site-headers] (taken apart as a
 * [widgets] one) matches the normalized line, trailing punctuation ignored;
 * a line longer than WIDGET_MAX only by its head, against the entries that
 * end with '*'. Asked of a page's first lines only. */
bool cn_pagecues_is_site_header(const cn_pagecues *c, const char *line, size_t len)
{
    if (len == 0 || c->site_headers.n == 0)
        return false;
    bool cut = len > WIDGET_MAX;
    char v[WIDGET_MAX + 1];
    size_t vlen = norm_core(line, cut ? WIDGET_MAX : len, v);
    for (size_t i = 0; i < c->site_headers.n; i++) {
        widget_pat w = widget_pat_of(c->site_headers.v[i]);
        if ((!cut || (w.trail && !w.tail)) && widget_matches(&w, v, vlen))
            return true;
    }
    return false;
}

bool cn_pagecues_is_widget(const cn_pagecues *c, const char *line, size_t len)
{
    if (len == 0 || c->widgets.n == 0)
        return false;
    /* Widgets are short: a long line is one only by an entry found in it. */
    if (len <= WIDGET_MAX && widget_ends_fit(c, line, len)) {
        char v[WIDGET_MAX + 1];
        norm_core(line, len, v);
        size_t vlen = strlen(v); /* a NUL byte of the line ends it here */
        /* only the entries that can match a line with v's ends */
        return (vlen > 0 && (widget_group_matches(c, (unsigned char)v[0], v, vlen) ||
                             widget_group_matches(c, 256 + (unsigned char)v[vlen - 1], v, vlen))) ||
               widget_group_matches(c, WIDGET_REST, v, vlen);
    }
    return c->widget_contains && raw_contains(c, line, len);
}

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Normalize line[0..head) into v (head + 1 bytes), or only as much of it as
 * decides a prefix match against l: the normalization of a shorter prefix
 * agrees with the full one but in its last code point (a cut sequence yields
 * up to 3 raw bytes, and the space before them is written) and a white space
 * at its end (not written yet). When that shorter output still holds
 * longest + 1 settled bytes, every entry and the byte after it are compared
 * as in the full head, which is longer than every entry. Returns v's length. */
static size_t normalized_head(const strlist *l, const char *line, size_t head, char *v)
{
    enum { CUT_BYTES = 4, SLACK = 16 };
    size_t part = l->longest + 1 + CUT_BYTES + SLACK;
    if (part < head) {
        size_t n = cn_text_normalize_into(line, part, v);
        if (n >= l->longest + 1 + CUT_BYTES)
            return n;
    }
    return cn_text_normalize_into(line, head, v);
}

/* How many words the longest of the list's normalized prefixes that starts
 * the line at a word boundary has ("hi" opens "Hi Jen," but not "Hidden";
 * entries are normalized, words one space apart); 0 when none does. */
static size_t longest_start_words(const strlist *l, const char *line, size_t len)
{
    if (l->n == 0 || !may_start(l, line, len))
        return 0;
    size_t head = len < 200 ? len : 200;
    if (l->n_heads == l->n && !head_fits(l, line, head, false))
        return 0;
    char v[201 + 8];
    size_t n = normalized_head(l, line, head, v), best = 0;
    if (n == 0)
        return 0;
    /* v's first 8 bytes as a word, zero past its end: an entry's first 8
     * (head8, zero-padded) are compared in one test, as far as the entry goes */
    memset(v + n, 0, 8);
    uint64_t v8;
    memcpy(&v8, v, 8);
    /* Only the entries that start with v's first byte can: the list is
     * sorted (strcmp's order), so they stand together from lo on. */
    unsigned char f = (unsigned char)v[0];
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)l->v[mid][0] < f)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < l->n && (unsigned char)l->v[i][0] == f; i++) {
        size_t dlen = l->lens[i];
        uint64_t mask = dlen >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * dlen)) - 1;
        if (dlen > best && dlen <= n && (v8 & mask) == l->head8[i] &&
            (dlen <= 8 || memcmp(v + 8, l->v[i] + 8, dlen - 8) == 0) &&
            (dlen == n || !word_byte((unsigned char)v[dlen]) ||
             !word_byte((unsigned char)v[dlen - 1])))
            best = dlen;
    }
    size_t words = best > 0;
    for (size_t k = 0; k < best; k++)
        words += v[k] == ' ';
    return words;
}

/* The line starts with one of the list's prefixes. */
static bool starts_with_any(const strlist *l, const char *line, size_t len)
{
    return longest_start_words(l, line, len) > 0;
}

bool cn_pagecues_is_disclaimer(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->disclaimers, line, len);
}

/* The normalized head of a line that a page's end may have cut out of a list
 * entry ("These answers are for ed", "You might als"), trailing spaces
 * dropped, into v (cap + 1 bytes); its length, or 0 when the line is longer
 * than cap bytes or too short to tell (under two words' worth). */
static size_t cut_head(const char *line, size_t len, size_t cap, char *v)
{
    enum { MIN_CUT = 10 };
    if (len > cap)
        return 0;
    size_t n = cn_text_normalize_into(line, len, v);
    while (n > 0 && v[n - 1] == ' ')
        n--;
    return n < MIN_CUT ? 0 : n;
}

bool cn_pagecues_is_cut_disclaimer(const cn_pagecues *c, const char *line, size_t len)
{
    char v[201];
    size_t n = cut_head(line, len, 200, v);
    for (size_t i = 0; n && i < c->disclaimers.n; i++)
        if (c->disclaimers.lens[i] > n && memcmp(v, c->disclaimers.v[i], n) == 0)
            return true;
    return false;
}

bool cn_pagecues_starts_valediction(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->valedictions, line, len);
}

bool cn_pagecues_is_continuation(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->continuations, line, len);
}

bool cn_pagecues_is_closing_sentence(const cn_pagecues *c, const char *s, size_t len)
{
    return starts_with_any(&c->closings, s, len);
}

bool cn_pagecues_is_answer_break(const cn_pagecues *c, const char *line, size_t len)
{
    enum { BREAK_MAX = 160 }; /* longer lines are text */
    if (len == 0 || len > BREAK_MAX || c->breaks.n == 0)
        return false;
    char v[BREAK_MAX + 1];
    size_t n = norm_core(line, len, v);
    if (strlist_has(&c->breaks, v))
        return true;
    /* "*full profile": the entry's rest ends the line, after any head */
    for (size_t i = 0; i < c->breaks.n; i++) {
        const char *e = c->breaks.v[i];
        size_t rest = c->breaks.lens[i] - 1;
        if (e[0] == '*' && rest > 0 && rest <= n && memcmp(v + n - rest, e + 1, rest) == 0)
            return true;
    }
    return false;
}

bool cn_pagecues_ends_question(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->question_ends, line, len);
}

bool cn_pagecues_is_question_opener(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->questions, line, len);
}

bool cn_pagecues_is_opener(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->openers, line, len);
}

bool cn_pagecues_is_reply_opener(const cn_pagecues *c, const char *line, size_t len)
{
    return starts_with_any(&c->replies, line, len);
}

/* A count at s[*j..n): digits, or digits in brackets; at most nine digits.
 * Moves *j past it; -1 when there is none. */
static long marker_count_at(const char *s, size_t n, size_t *j)
{
    size_t k = *j;
    bool bracket = k < n && s[k] == '(';
    k += bracket;
    long v = 0;
    size_t digits = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9' && digits < 9) {
        v = v * 10 + (s[k++] - '0');
        digits++;
    }
    if (digits == 0 || (k < n && s[k] >= '0' && s[k] <= '9') ||
        (bracket && (k >= n || s[k] != ')')))
        return -1;
    *j = k + bracket;
    return v;
}

/* A pattern character that is not matched as itself. */
static bool is_marker_meta(char ch)
{
    return ch == ' ' || ch == '%' || ch == '*' || ch == '@';
}

static bool is_month(const cn_pagecues *c, const char *w, size_t len);

/* The run of digits at s[*j..n), read up to max + 1 of them (so a longer run
 * shows as too long); its length. */
static size_t digits_at(const char *s, size_t n, size_t *j, size_t max)
{
    size_t k = *j;
    while (k < n && s[k] >= '0' && s[k] <= '9' && k - *j <= max)
        k++;
    size_t got = k - *j;
    *j = k;
    return got;
}

/* A date at s[*j..n) ("dec 7, 2011", "sept. 21 2009"): a word of [months]
 * (a dot after it allowed), a day of one or two digits, a comma allowed, a
 * four-digit year; *j moves past it. */
static bool marker_date_at(const cn_pagecues *c, const char *s, size_t n, size_t *j)
{
    size_t k = *j, w = k;
    while (k < n && s[k] >= 'a' && s[k] <= 'z')
        k++;
    if (!is_month(c, s + w, k - w))
        return false;
    k += k < n && s[k] == '.';
    if (k >= n || s[k++] != ' ')
        return false;
    size_t day = digits_at(s, n, &k, 2);
    if (day < 1 || day > 2)
        return false;
    k += k < n && s[k] == ',';
    if (k >= n || s[k++] != ' ' || digits_at(s, n, &k, 4) != 4)
        return false;
    *j = k;
    return true;
}

/* The normalized line v[0..n) matches pattern e: a space of the pattern
 * matches any run of spaces (none too), '%' a count, '@' a date, a final '*'
 * any rest. *count gets the last count matched (-1 without). */
static bool marker_match(const cn_pagecues *c, const char *e, const char *v, size_t n, long *count)
{
    size_t j = 0;
    *count = -1;
    for (; *e; e++) {
        if (*e == '*' && e[1] == '\0')
            return true;
        if (*e == ' ') {
            while (j < n && v[j] == ' ')
                j++;
        } else if (*e == '%') {
            if ((*count = marker_count_at(v, n, &j)) < 0)
                return false;
        } else if (*e == '@') {
            if (!marker_date_at(c, v, n, &j))
                return false;
        } else if (j < n && v[j] == *e) {
            j++;
        } else {
            return false;
        }
    }
    return j == n;
}

/* Whether a line could match a pattern of l (answer markers) by its first
 * byte: every line of a page is asked whether it opens the answers, and most
 * are turned away without normalizing them. may_start decides for plain
 * first characters; a '%' (a count) also starts on a digit or '(', and a
 * '*' on anything. */
static bool marker_may_start(const strlist *l, const char *s, size_t n)
{
    if (l->first['*'])
        return true;
    if (l->first['%']) {
        size_t k = 0;
        while (k < n && cn_text_is_space((unsigned char)s[k]))
            k++;
        if (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '('))
            return true;
    }
    return may_start(l, s, n);
}

/* Can pattern e match v[0..n) by its first character? A plain one must
 * open v (as marker_match would find at once, without the call). */
static bool may_open(const char *e, const char *v, size_t n)
{
    if (e[0] == '%') /* a count opens on a digit or its bracket (marker_count_at) */
        return n > 0 && ((v[0] >= '0' && v[0] <= '9') || v[0] == '(');
    return e[0] == '\0' || is_marker_meta(e[0]) || (n > 0 && v[0] == e[0]);
}

/* line[0..len) matches a pattern of l, as [answer-markers] are matched. */
static bool marker_line(const cn_pagecues *c, const strlist *l, const char *line, size_t len,
                        long *count)
{
    enum { MARKER_MAX = 200 }; /* bytes of a line looked at */
    long n_found = -1;
    if (count)
        *count = -1;
    if (len == 0 || l->n == 0 || !marker_may_start(l, line, len))
        return false;
    char v[MARKER_MAX + 1];
    size_t n = cn_text_normalize_into(line, len < MARKER_MAX ? len : MARKER_MAX, v);
    while (n > 0 && v[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < l->n; i++) {
        /* a line cut to MARKER_MAX bytes matches only a pattern with a rest */
        if (len > MARKER_MAX && l->v[i][l->lens[i] - 1] != '*')
            continue;
        if (!may_open(l->v[i], v, n))
            continue;
        if (marker_match(c, l->v[i], v, n, &n_found)) {
            if (count)
                *count = n_found;
            return true;
        }
    }
    return false;
}

bool cn_pagecues_answers_marker(const cn_pagecues *c, const char *line, size_t len, long *count)
{
    return marker_line(c, &c->markers, line, len, count);
}

bool cn_pagecues_untitled_marker(const cn_pagecues *c, const char *line, size_t len)
{
    return marker_line(c, &c->untitled, line, len, NULL);
}

/* Does line[0..len) hold the letters of l, in either case? Only where the
 * line has its rarest letter (memchr's search). */
static bool has_letters(const char *line, size_t len, const struct header_lit *l)
{
    if (len < l->n)
        return false;
    const char *lo = line + l->key, *hi = line + (len - l->n) + l->key + 1;
    for (int upper = 0; upper < 2; upper++) {
        char b = (char)(l->s[l->key] - (upper ? 32 : 0));
        for (const char *p = memchr(lo, b, (size_t)(hi - lo)); p;
             p = memchr(p + 1, b, (size_t)(hi - (p + 1)))) {
            const char *s = p - l->key;
            size_t m = 0;
            while (m < l->n && (s[m] | 0x20) == l->s[m])
                m++;
            if (m == l->n)
                return true;
        }
    }
    return false;
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Does the line hold four digits in a row (a date's year)? Every line of a
 * page is asked, so only the last byte of each window of four is read
 * first: a run of four ending at or before i + 3 holds byte i, so past a
 * non-digit at i the next window worth a look ends at i + 4, and past a run
 * of k < 4 digits ending at i (byte i - k no digit), at i + 4 - k. */
static bool has_year(const char *line, size_t len)
{
    size_t i = 3;
    while (i < len) {
        if (!is_digit(line[i])) {
            i += 4;
            continue;
        }
        size_t k = 1;
        while (k < 4 && is_digit(line[i - k]))
            k++;
        if (k == 4)
            return true;
        i += 4 - k;
    }
    return false;
}

/* Can the line be an answer header? Its first byte (for the entries matched
 * from the start) or a run of letters it holds (for the others) tell most
 * lines apart without normalizing them; when in doubt, true. */
static bool may_be_header(const cn_pagecues *c, const char *line, size_t len)
{
    if (c->headers_any)
        return true;
    size_t a = 0;
    while (a < len && cn_text_is_space((unsigned char)line[a]))
        a++;
    /* a byte beyond ASCII may be white space before a letter */
    if (a < len &&
        ((unsigned char)line[a] >= 0x80 || c->header_open[(unsigned char)line[a] | 0x20]))
        return true;
    for (size_t k = 0; k < c->n_header_lits; k++)
        if (has_letters(line, len, &c->header_lits[k]))
            return true;
    return c->header_dated && has_year(line, len);
}

/* Does header entry i match the normalized line v[0..n)? */
static bool header_matches(const cn_pagecues *c, size_t i, const char *v, size_t n)
{
    const char *e = c->headers.v[i];
    long count;
    if (e[0] != '*')
        return may_open(e, v, n) && marker_match(c, e, v, n, &count);
    /* '*' first: any head, then the rest of the pattern. Every line of
     * a page is asked, so the heads tried are cut to where the rest can
     * match: a rest that ends on a plain character must end the line on
     * it, and one that starts with a plain character can only start
     * where the line has it. */
    const char *rest = e + 1;
    char last = e[c->headers.lens[i] - 1];
    if (!is_marker_meta(last) && (n == 0 || v[n - 1] != last))
        return false;
    char first = rest[0];
    if (first != '\0' && !is_marker_meta(first)) {
        /* the heads that end where the line has it (memchr's search);
         * a plain second character must follow there too, as most
         * places turn out not to match at it */
        char second = rest[1];
        bool plain2 = second != '\0' && !is_marker_meta(second);
        for (const char *h = memchr(v, first, n); h;
             h = memchr(h + 1, first, (size_t)(v + n - (h + 1))))
            if ((!plain2 || (h + 1 < v + n && h[1] == second)) &&
                marker_match(c, rest, h, n - (size_t)(h - v), &count))
                return true;
        return false;
    }
    for (size_t j = 0; j <= n; j++)
        if (marker_match(c, rest, v + j, n - j, &count))
            return true;
    return false;
}

/* Does some entry of header group g match the normalized line v[0..n)? */
static bool header_group_matches(const cn_pagecues *c, size_t g, const char *v, size_t n)
{
    for (size_t k = c->hgroup_at[g]; k < c->hgroup_at[g + 1]; k++)
        if (header_matches(c, c->hgroup[k], v, n))
            return true;
    return false;
}

bool cn_pagecues_is_answer_header(const cn_pagecues *c, const char *line, size_t len)
{
    enum { HEADER_MAX = 200 }; /* longer lines are text */
    if (len == 0 || len > HEADER_MAX || c->headers.n == 0 || !may_be_header(c, line, len))
        return false;
    char v[HEADER_MAX + 1];
    size_t n = cn_text_normalize_into(line, len, v);
    while (n > 0 && v[n - 1] == ' ')
        n--;
    /* only the entries that open as v does, those that open with a
     * pattern character and end as v does, and the rest */
    return (n > 0 && (header_group_matches(c, (unsigned char)v[0], v, n) ||
                      header_group_matches(c, 256 + (unsigned char)v[n - 1], v, n))) ||
           header_group_matches(c, HEADER_REST, v, n);
}

size_t cn_pagecues_opener_words(const cn_pagecues *c, const char *line, size_t len)
{
    return longest_start_words(&c->openers, line, len);
}

/* Lower-cased ASCII copy of a short word into buf; false when it does not fit. */
static bool lower_word(const char *w, size_t len, char *buf, size_t cap)
{
    if (len == 0 || len >= cap)
        return false;
    /* normalized text is never longer than its source: it fits in buf */
    cn_text_normalize_into(w, len, buf);
    return true;
}

/* word[0..len), lower-cased, is an entry of the word list l. */
static bool word_listed(const strlist *l, const char *word, size_t len)
{
    char buf[64];
    return may_start(l, word, len) && lower_word(word, len, buf, sizeof buf) && strlist_has(l, buf);
}

bool cn_pagecues_is_city_stopword(const cn_pagecues *c, const char *word, size_t len)
{
    return word_listed(&c->stopwords, word, len);
}

bool cn_pagecues_is_common_word(const cn_pagecues *c, const char *word, size_t len)
{
    return word_listed(&c->common, word, len);
}

bool cn_pagecues_is_title_small_word(const cn_pagecues *c, const char *word, size_t len)
{
    return word_listed(&c->title_small, word, len);
}

bool cn_pagecues_is_abbreviation(const cn_pagecues *c, const char *word, size_t len)
{
    return word_listed(&c->abbrevs, word, len);
}

bool cn_pagecues_is_particle(const cn_pagecues *c, const char *word, size_t len)
{
    return word_listed(&c->particles, word, len);
}

size_t cn_pagecues_strip_name_suffix(const cn_pagecues *c, const char *line, size_t len)
{
    /* most lines have no mark at all: found by the C library's search */
    if (!memchr(line, '-', len) && !memchr(line, '|', len))
        return len;
    for (size_t i = len; i-- > 0;) {
        if (line[i] != '-' && line[i] != '|')
            continue;
        size_t keep = i;
        while (keep > 0 && line[keep - 1] == ' ')
            keep--;
        if (keep == 0 || keep == i || i + 1 >= len)
            continue; /* the mark must stand between words: "Name - Link" */
        size_t n = len - i - 1;
        if (!may_start(&c->suffixes, line + i + 1, n))
            continue;
        char small[128];
        char *v = n < sizeof small ? small : malloc(n + 1);
        bool hit = false;
        if (v) {
            norm_core(line + i + 1, n, v);
            hit = strlist_has(&c->suffixes, v);
        }
        if (v != small)
            free(v);
        if (hit)
            return keep;
    }
    return len;
}

bool cn_pagecues_ends_unfinished(const cn_pagecues *c, const char *line, size_t len)
{
    size_t w = len;
    while (w > 0 && line[w - 1] != ' ' && line[w - 1] != '\t')
        w--;
    char buf[64];
    return lower_word(line + w, len - w, buf, sizeof buf) && strlist_has(&c->unfinished, buf);
}

/* The asker's word buf (normalized) and the next word make a phrase of
 * [practice-phrases] ("my patients"). */
static bool practice_phrase(const cn_pagecues *c, const char *buf, const char *next,
                            size_t next_len)
{
    char phrase[128];
    size_t n = strlen(buf);
    if (!c->practice.n || next_len == 0 || n + 1 + next_len >= sizeof phrase)
        return false;
    memcpy(phrase, buf, n);
    phrase[n] = ' ';
    cn_text_normalize_into(next, next_len, phrase + n + 1);
    return strlist_has(&c->practice, phrase);
}

int cn_pagecues_voice(const cn_pagecues *c, const char *word, size_t len, const char *next,
                      size_t next_len)
{
    char buf[64];
    /* most words start like no entry of either list: not normalized */
    if ((!may_start(&c->asker, word, len) && !may_start(&c->listener, word, len)) ||
        !lower_word(word, len, buf, sizeof buf))
        return 0;
    if (strlist_has(&c->asker, buf))
        return practice_phrase(c, buf, next, next_len) ? -1 : 1;
    return strlist_has(&c->listener, buf) ? -1 : 0;
}

bool cn_pagecues_is_self_word(const cn_pagecues *c, const char *word, size_t len)
{
    char buf[64];
    return lower_word(word, len, buf, sizeof buf) && strlist_has(&c->self, buf);
}

bool cn_pagecues_is_honorific(const cn_pagecues *c, const char *word, size_t len)
{
    char buf[64];
    return lower_word(word, len, buf, sizeof buf) && strlist_has(&c->honorifics, buf);
}

/* Digits only, between min and max of them. */
static bool all_digits(const char *s, size_t n, size_t min, size_t max)
{
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* The next word of v at *k (spaces skipped), without a trailing ',' or '.'. */
static bool next_word(const char *v, size_t n, size_t *k, const char **w, size_t *wlen)
{
    while (*k < n && v[*k] == ' ')
        (*k)++;
    size_t w0 = *k;
    while (*k < n && v[*k] != ' ')
        (*k)++;
    size_t w1 = *k;
    while (w1 > w0 && (v[w1 - 1] == ',' || v[w1 - 1] == '.'))
        w1--;
    *w = v + w0;
    *wlen = w1 - w0;
    return w1 > w0;
}

static bool is_month(const cn_pagecues *c, const char *w, size_t len)
{
    char buf[16];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, w, len);
    buf[len] = '\0';
    return strlist_has(&c->months, buf);
}

/* "December 21, 2009", "Dec. 21 2009" or "21 December 2009" from v[k..n). */
static bool date_from(const cn_pagecues *c, const char *v, size_t n, size_t k)
{
    const char *w[3];
    size_t len[3];
    for (int i = 0; i < 3; i++)
        if (!next_word(v, n, &k, &w[i], &len[i]))
            return false;
    const char *rest;
    size_t rlen;
    if (next_word(v, n, &k, &rest, &rlen))
        return false; /* more words: a sentence that starts with a date */
    bool month_first = is_month(c, w[0], len[0]) && all_digits(w[1], len[1], 1, 2);
    bool day_first = all_digits(w[0], len[0], 1, 2) && is_month(c, w[1], len[1]);
    return (month_first || day_first) && all_digits(w[2], len[2], 4, 4);
}

bool cn_pagecues_is_date_line(const cn_pagecues *c, const char *line, size_t len)
{
    if (len == 0 || len > 64 || c->months.n == 0)
        return false;
    size_t n;
    char *v = cn_text_normalize(line, len, &n, NULL);
    if (!v)
        return false;
    bool hit = date_from(c, v, n, 0);
    for (size_t i = 0; i < c->date_leads.n && !hit; i++) {
        size_t dlen = c->date_leads.lens[i];
        if (dlen < n && memcmp(v, c->date_leads.v[i], dlen) == 0 && v[dlen] == ' ')
            hit = date_from(c, v, n, dlen);
    }
    free(v);
    return hit;
}

size_t cn_pagecues_answer_label(const cn_pagecues *c, const char *line, size_t len)
{
    /* Labels are short ASCII words: compare the line's head byte for byte,
     * ignoring ASCII case, so the returned length is the line's own. */
    for (size_t i = 0; i < c->labels.n; i++) {
        size_t n = c->labels.lens[i];
        if (n >= len)
            continue;
        size_t k = 0;
        while (k < n && (line[k] | 0x20) == (c->labels.v[i][k] | 0x20))
            k++;
        if (k < n || line[n] != ' ')
            continue;
        while (n < len && line[n] == ' ')
            n++;
        return n;
    }
    return 0;
}

bool cn_pagecues_line_goes_on(const cn_pagecues *c, const char *above, size_t alen,
                              const char *line, size_t len)
{
    char last = cn_span_last_char(above, alen);
    size_t short_words = c->limits.answer_line_words;
    if (len > 0 && line[0] >= 'a' && line[0] <= 'z' && !strchr(".!?:", last) &&
        cn_span_words(line, len) < short_words)
        return true;
    /* "Now take the second example:" announces the line below it */
    if (last == ':' && cn_span_words(above, alen) >= c->limits.colon_lead_words)
        return true;
    return (last == '!' || last == ',') && cn_span_words(above, alen) < short_words &&
           cn_pagecues_is_opener(c, above, alen);
}

bool cn_pagecues_is_cut_widget(const cn_pagecues *c, const char *line, size_t len)
{
    char v[161];
    size_t n = cut_head(line, len, 160, v);
    if (!n || !memchr(v, ' ', n)) /* two words at least, as a cut disclaimer */
        return false;
    for (size_t i = 0; i < c->widgets.n; i++) {
        const widget_pat *w = &c->wpats[i];
        if (!w->lead && w->clen > n && memcmp(w->core, v, n) == 0)
            return true;
    }
    return false;
}
