/* cn_signature: recognize signature lines, signature blocks and sign-offs. */
#define _GNU_SOURCE /* memrchr, where the C library has it */
#include "cn_signature.h"

#include "cn_text.h"

#include <stdlib.h>
#include <string.h>

/* Lines longer than these are never part of a signature or a sign-off. */
#define SIGLINE_MAX 120
#define SIGNOFF_MAX 200
#define MAX_TOKENS 16
/* Signature lines examined at the end of a paragraph (3 parts + 2 extras). */
#define BLOCK_MAX CN_SIGBLOCK_LINES

typedef struct tok {
    const char *s;
    size_t len;
} tok;

/* Bytes by what a tokenizer does with them: BYTE_WORD (ASCII, not white
 * space), BYTE_SPACE (ASCII white space, as cn_text_is_space) or BYTE_MULTI
 * (a byte of a longer UTF-8 sequence: decode it). */
enum { BYTE_WORD, BYTE_SPACE, BYTE_MULTI };
#define MULTI16                                                                                    \
    BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI,            \
        BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI, BYTE_MULTI,        \
        BYTE_MULTI, BYTE_MULTI
static const unsigned char BYTE_CLASS[256] = {
    ['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE, ['\v'] = BYTE_SPACE, ['\f'] = BYTE_SPACE,
    ['\r'] = BYTE_SPACE, [' '] = BYTE_SPACE,  [0x80] = MULTI16,    [0x90] = MULTI16,
    [0xA0] = MULTI16,    [0xB0] = MULTI16,    [0xC0] = MULTI16,    [0xD0] = MULTI16,
    [0xE0] = MULTI16,    [0xF0] = MULTI16};

/* The last token of s[0..len) into *t, when it is ASCII and ASCII white
 * space (or the start) stands before it, as the tokenizer would split it;
 * false when a byte beyond ASCII (perhaps white space of its own) is in the
 * way, or there is no token. Read from the end, without splitting the rest. */
static bool last_ascii_token(const char *s, size_t len, tok *t)
{
    size_t e = len;
    while (e > 0 && BYTE_CLASS[(unsigned char)s[e - 1]] == BYTE_SPACE)
        e--;
    size_t k = e;
    while (k > 0 && BYTE_CLASS[(unsigned char)s[k - 1]] == BYTE_WORD)
        k--;
    if (k == e || (k > 0 && BYTE_CLASS[(unsigned char)s[k - 1]] == BYTE_MULTI))
        return false;
    *t = (tok){s + k, e - k};
    return true;
}

/* Bytes of the white-space character at s (len > 0), or 0. ASCII, nearly
 * every byte of a page, is tested without decoding. */
static size_t space_len(const char *s, size_t len)
{
    unsigned char c = (unsigned char)s[0];
    if (BYTE_CLASS[c] != BYTE_MULTI)
        return BYTE_CLASS[c] == BYTE_SPACE;
    uint32_t cp;
    size_t n = cn_utf8_decode_multi(s, len, &cp);
    return cn_span_is_space_cp(cp) ? n : 0;
}

/* End of the word that starts at s[i]: the next white space or len. */
static inline size_t word_end(const char *s, size_t len, size_t i)
{
    while (i < len) {
        unsigned char k = BYTE_CLASS[(unsigned char)s[i]];
        if (k == BYTE_WORD) {
            i++;
            continue;
        }
        if (k == BYTE_SPACE)
            break;
        uint32_t cp;
        size_t n = cn_utf8_decode_multi(s + i, len - i, &cp);
        if (cn_span_is_space_cp(cp))
            break;
        i += n;
    }
    return i;
}

static bool signoff_word(const cn_pagecues *cues, tok w);

/* A dash and a valediction of up to four words take the first five tokens of
 * a sign-off; every later token is a signoff_word. */
#define SIGNOFF_HEAD 5

/* Split s[0..len) into white-space separated tokens; -1 when more than max,
 * and, for a sign-off (signoff_cues not NULL), as soon as a token after the
 * first SIGNOFF_HEAD is no signoff_word (a line of prose is turned away at
 * its sixth word, not split to its end). */
static int tokenize_checked(const cn_pagecues *signoff_cues, const char *s, size_t len, tok *t,
                            int max)
{
    int n = 0;
    size_t i = 0;
    while (i < len) {
        size_t sp = space_len(s + i, len - i);
        if (sp) {
            i += sp;
            continue;
        }
        size_t start = i;
        i = word_end(s, len, i);
        if (n == max)
            return -1;
        t[n] = (tok){s + start, i - start};
        if (signoff_cues && n >= SIGNOFF_HEAD && !signoff_word(signoff_cues, t[n]))
            return -1;
        n++;
    }
    return n;
}

static int tokenize(const char *s, size_t len, tok *t, int max)
{
    return tokenize_checked(NULL, s, len, t, max);
}

/* strchr(set, c) != NULL (so true for '\0' too), without the call: the
 * sets are short constants, all of punctuation (bytes up to '?'), so a
 * letter is in none without the scan. */
static inline bool in_set(const char *set, char c)
{
    if ((unsigned char)c > '?')
        return false;
    for (; *set; set++)
        if (*set == c)
            return true;
    return c == '\0';
}

/* The token without trailing characters from set. */
static tok rstrip(tok t, const char *set)
{
    while (t.len > 0 && in_set(set, t.s[t.len - 1]))
        t.len--;
    return t;
}

static bool has_digit(tok t)
{
    for (size_t i = 0; i < t.len; i++)
        if (t.s[i] >= '0' && t.s[i] <= '9')
            return true;
    return false;
}

/* Characters a name or city word is made of: letters (any non-ASCII byte
 * counts), '.', '-', apostrophes. */
static bool wordish(tok t)
{
    if (t.len == 0)
        return false;
    for (size_t i = 0; i < t.len; i++) {
        unsigned char c = (unsigned char)t.s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '.' ||
                  c == '-' || c == '\'';
        if (!ok)
            return false;
    }
    return true;
}

/* A word of a name or a place: capitalized (or a known particle), no digits. */
static bool name_word(const cn_pagecues *cues, tok t)
{
    t = rstrip(t, ",");
    if (!wordish(t)) /* which also turns digits away */
        return false;
    return cn_span_starts_upper(t.s, t.len) || cn_pagecues_is_particle(cues, t.s, t.len);
}

static bool credential(const cn_pagecues *cues, tok t)
{
    t = rstrip(t, ",;");
    if (t.len == 0)
        return false;
    /* "MD/PhD": every part must be a credential. */
    size_t start = 0;
    for (size_t i = 0; i <= t.len; i++) {
        if (i < t.len && t.s[i] != '/')
            continue;
        if (!cn_pagecues_is_credential(cues, t.s + start, i - start))
            return false;
        start = i + 1;
    }
    return true;
}

static bool is_dr(tok t)
{
    t = rstrip(t, ",");
    return cn_span_equals_ci(t.s, t.len, "dr.") || cn_span_equals_ci(t.s, t.len, "dr");
}

/* "Mehmet (Matt) Oz": a name word in brackets between the first and the last
 * names, the name the physician goes by. */
static bool nickname(const cn_pagecues *cues, tok t)
{
    if (t.len < 3 || t.s[0] != '(' || t.s[t.len - 1] != ')')
        return false;
    return name_word(cues, (tok){.s = t.s + 1, .len = t.len - 2});
}

/* "Name Name, MD[, FACS]": two to six name words, then credentials. t[0..n)
 * are the line's tokens (n = -1: too many). */
static bool classify_name_tokens(const cn_pagecues *cues, const char *line, size_t len,
                                 const tok *t, int n, cn_sigline *out)
{
    if (n < 2 || memchr(line, ':', len) || memchr(line, '?', len) || memchr(line, '!', len))
        return false;
    /* "George Roe, MD (retired)": a short remark in brackets after the
     * credentials is part of the name line. */
    int end = n;
    if (t[n - 1].s[t[n - 1].len - 1] == ')')
        for (int i = n - 1; i >= n - 2 && i > 0; i--)
            if (t[i].s[0] == '(') {
                end = i;
                break;
            }
    int c = end;
    while (c > 0 && credential(cues, t[c - 1]))
        c--;
    int first = (c > 0 && is_dr(t[0])) ? 1 : 0;
    int words = c - first;
    if (c == end || words < 2 || words > 6)
        return false;
    for (int i = first; i < c; i++)
        if (!name_word(cues, t[i]) && !(i > first && i + 1 < c && nickname(cues, t[i])))
            return false;
    tok last = rstrip(t[c - 1], ",");
    out->name_core = (size_t)(last.s + last.len - line);
    return true;
}

static bool classify_name(const cn_pagecues *cues, const char *line, size_t len, cn_sigline *out)
{
    tok t[MAX_TOKENS];
    int n = tokenize(line, len, t, MAX_TOKENS);
    return classify_name_tokens(cues, line, len, t, n, out);
}

/* A city: up to five capitalized words (particles and state codes allowed),
 * none of them a stop word. */
static bool plausible_city(const cn_pagecues *cues, const char *s, size_t len)
{
    if (len == 0)
        return true;
    if (len > 60)
        return false;
    tok t[MAX_TOKENS];
    int n = tokenize(s, len, t, MAX_TOKENS);
    if (n < 1 || n > 5)
        return false;
    for (int i = 0; i < n; i++) {
        tok w = rstrip(t[i], ",.");
        if (!name_word(cues, t[i]) || cn_pagecues_is_city_stopword(cues, w.s, w.len))
            return false;
    }
    return true;
}

/* "Double Board Certified Plastic Surgeon" right under a name line: a
 * specialty line whose qualifiers are no city. Alone, such a line is prose
 * ("see a board certified plastic surgeon"), so only a name vouches for it. */
static bool qualified_specialty(const cn_pagecues *cues, const char *line, size_t len,
                                cn_sigline *out)
{
    size_t city_len;
    const char *specialty;
    if (!cn_taxonomy_split(cn_pagecues_taxonomy(cues), line, len, &city_len, &specialty) ||
        city_len > 60 || !cn_span_starts_upper(line, len))
        return false;
    tok t[MAX_TOKENS];
    int n = tokenize(line, city_len, t, MAX_TOKENS);
    if (n > 5)
        return false;
    for (int i = 0; i < n; i++)
        if (!name_word(cues, t[i]))
            return false;
    out->kind = CN_SIGLINE_PLACE;
    out->city_len = 0;
    out->specialty = specialty;
    return true;
}

bool cn_signature_is_specialty_title(const cn_pagecues *cues, const char *line, size_t len)
{
    cn_sigline info;
    tok t[MAX_TOKENS];
    if (len > SIGLINE_MAX || cn_span_last_char(line, len) == '.' ||
        !qualified_specialty(cues, line, len, &info))
        return false;
    /* every word capitalized: "Board Certified Plastic Surgeon", not a
     * sentence's start ("Board certified surgeons") */
    int n = tokenize(line, len, t, MAX_TOKENS);
    for (int i = 0; i < n; i++)
        if (!cn_span_starts_upper(t[i].s, t[i].len))
            return false;
    return n > 0;
}

static bool classify_place(const cn_pagecues *cues, const char *line, size_t len, cn_sigline *out)
{
    size_t city_len;
    const char *specialty;
    if (!cn_taxonomy_split(cn_pagecues_taxonomy(cues), line, len, &city_len, &specialty))
        return false;
    if (!plausible_city(cues, line, city_len))
        return false;
    out->city_len = city_len;
    out->specialty = specialty;
    return true;
}

/* Digits with optional thousands commas; false when empty or not a number. */
static bool parse_count(const char *s, size_t len, long *v)
{
    long x = 0;
    size_t digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ',')
            continue;
        if (s[i] < '0' || s[i] > '9' || digits >= 12)
            return false;
        x = x * 10 + (s[i] - '0');
        digits++;
    }
    *v = x;
    return digits > 0;
}

static bool parse_decimal(const char *s, size_t len, double *v)
{
    double x = 0, scale = 0;
    size_t digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.' && scale == 0) {
            scale = 1;
            continue;
        }
        if (s[i] < '0' || s[i] > '9' || digits >= 6)
            return false;
        digits++;
        if (scale > 0) {
            scale /= 10;
            x += (s[i] - '0') * scale;
        } else {
            x = x * 10 + (s[i] - '0');
        }
    }
    *v = x;
    return digits > 0;
}

static bool tok_is(tok t, const char *word)
{
    return cn_span_equals_ci(t.s, t.len, word);
}

/* "4.9 out of 5 stars 63 reviews", the review count optional: t[0..n) are
 * the line's tokens. */
static bool classify_rating(const tok *t, int n, cn_sigline *out)
{
    if (n != 5 && n != 7)
        return false;
    double r;
    if (!parse_decimal(t[0].s, t[0].len, &r) || r > 5.0 || !tok_is(t[1], "out") ||
        !tok_is(t[2], "of") || !tok_is(t[3], "5") ||
        !(tok_is(t[4], "stars") || tok_is(t[4], "star")))
        return false;
    out->rating = r;
    out->has_reviews = false;
    if (n == 7) {
        tok c = t[5], w = rstrip(t[6], ")");
        if (c.len > 0 && c.s[0] == '(')
            c.s++, c.len--;
        if (!parse_count(c.s, c.len, &out->reviews) ||
            !(tok_is(w, "reviews") || tok_is(w, "review") || tok_is(w, "ratings") ||
              tok_is(w, "rating")))
            return false;
        out->has_reviews = true;
    }
    return true;
}

/* A short extra line inside a signature block: "Dr. B", "Memphis, TN". */
static bool classify_short(const char *line, size_t len)
{
    if (len == 0 || len > 40)
        return false;
    tok t[MAX_TOKENS];
    int n = tokenize(line, len, t, MAX_TOKENS);
    if (n < 1 || n > 4)
        return false;
    for (int i = 0; i < n; i++)
        if (has_digit(t[i]))
            return false;
    char last = line[len - 1];
    if (in_set("!?:;", last))
        return false;
    /* A final '.' only closes an abbreviation or an initial ("Dr.", "B."). */
    return last != '.' || t[n - 1].len <= 3;
}

/* Can line[0..len) be a rating or a name line? A rating starts with a
 * number, and a name line ends with a credential, or with a remark in
 * brackets after one: most lines, prose, are turned away by their ends
 * rather than split into words. When in doubt, true. */
static bool may_rate_or_name(const cn_pagecues *cues, const char *line, size_t len)
{
    size_t a = 0;
    while (a < len && BYTE_CLASS[(unsigned char)line[a]] == BYTE_SPACE)
        a++;
    if (a < len && (BYTE_CLASS[(unsigned char)line[a]] == BYTE_MULTI || line[a] == '.' ||
                    (line[a] >= '0' && line[a] <= '9')))
        return true;
    tok t;
    return !last_ascii_token(line, len, &t) || t.s[t.len - 1] == ')' || credential(cues, t);
}

/* "Dr. Ann Lee - NJ Plastic Surgeon -": the line's length without a dash or
 * bar left dangling at its end. */
static size_t without_dangling_mark(const char *line, size_t len)
{
    while (len > 2 && (line[len - 1] == '-' || line[len - 1] == '|') && line[len - 2] == ' ') {
        len -= 2;
        while (len > 0 && line[len - 1] == ' ')
            len--;
    }
    return len;
}

cn_sigline_kind cn_signature_classify(const cn_pagecues *cues, const char *line, size_t len,
                                      cn_sigline *out)
{
    memset(out, 0, sizeof *out);
    out->kind = CN_SIGLINE_NONE;
    if (len == 0 || len > SIGLINE_MAX)
        return out->kind;
    len = cn_pagecues_strip_name_suffix(cues, line, len);
    len = without_dangling_mark(line, len);
    out->len = len;
    /* the rating and the name read the same tokens: split the line once */
    tok t[MAX_TOKENS];
    int n = may_rate_or_name(cues, line, len) ? tokenize(line, len, t, MAX_TOKENS) : 0;
    if (classify_rating(t, n, out))
        out->kind = CN_SIGLINE_RATING;
    else if (classify_name_tokens(cues, line, len, t, n, out))
        out->kind = CN_SIGLINE_NAME;
    else if (classify_place(cues, line, len, out))
        out->kind = CN_SIGLINE_PLACE;
    else if (classify_short(line, len))
        out->kind = CN_SIGLINE_SHORT;
    return out->kind;
}

/* "New York, NY" right under a name line: a place line with a city and a
 * state code but no specialty. */
static bool city_state(const cn_pagecues *cues, const char *line, size_t len, cn_sigline *out)
{
    if (len < 5 || line[len - 3] != ' ' || line[len - 4] != ',' || line[len - 2] < 'A' ||
        line[len - 2] > 'Z' || line[len - 1] < 'A' || line[len - 1] > 'Z' ||
        !plausible_city(cues, line, len - 4))
        return false;
    out->kind = CN_SIGLINE_PLACE;
    out->city_len = len - 4;
    out->specialty = NULL;
    return true;
}

/* The first white-space separated token of s[0..len) into *t; false when
 * there is none. */
static bool tokenize_first(const char *s, size_t len, tok *t)
{
    size_t i = 0, sp;
    while (i < len && (sp = space_len(s + i, len - i)) > 0)
        i += sp;
    if (i == len)
        return false;
    *t = (tok){s + i, word_end(s, len, i) - i};
    return true;
}

/* Three spaces in a row: "Dr. Grant Stevens     Marina Plastic Surgery
 * Associates", columns of practice details. */
static bool wide_gap(const char *line, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++)
        if (line[i] == ' ' && line[i + 1] == ' ' && line[i + 2] == ' ')
            return true;
    return false;
}

bool cn_signature_is_extra(const cn_pagecues *cues, const char *line, size_t len)
{
    size_t city_len;
    const char *specialty;
    tok t[MAX_TOKENS];
    /* A line too long for a place starts with "Dr" and has wide gaps, or it
     * is none: told by its first word before it is split to its end. */
    if (len > SIGLINE_MAX && !(tokenize_first(line, len, t) && is_dr(t[0]) && wide_gap(line, len)))
        return false;
    len = without_dangling_mark(line, len);
    char last = cn_span_last_char(line, len);
    int n = tokenize(line, len, t, MAX_TOKENS);
    if (n < 1)
        return false;
    /* "Beverly Hills, Board Certified Plastic Surgeon", not "Consult a Board
     * Certified Plastic Surgeon": it starts with a place. */
    tok first = rstrip(t[0], ",.");
    if (len <= SIGLINE_MAX && last != '.' && n <= 8 && name_word(cues, t[0]) &&
        !cn_pagecues_is_city_stopword(cues, first.s, first.len) &&
        cn_taxonomy_split(cn_pagecues_taxonomy(cues), line, len, &city_len, &specialty) &&
        city_len > 0)
        return true;
    return n >= 3 && is_dr(t[0]) && wide_gap(line, len);
}

/* No sentence ends in it, and it is short; a street line may end in an
 * abbreviation's dot ("12 Oak Dr."). */
static bool address_shaped(const char *line, size_t len, bool street)
{
    char last = cn_span_last_char(line, len);
    return len > 0 && len <= 60 && (last != '.' || street) && last != '?' && last != '!' &&
           cn_span_words_upto(line, len, 9) <= 8;
}

bool cn_signature_is_address(const cn_line *lines, size_t n)
{
    if (n < 2 || n > 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!address_shaped(lines[i].s, lines[i].len, i == 0))
            return false;
    if (lines[0].s[0] < '0' || lines[0].s[0] > '9')
        return false;
    const cn_line *last = &lines[n - 1];
    tok t[MAX_TOKENS];
    int k = tokenize(last->s, last->len, t, MAX_TOKENS);
    return k >= 2 && memchr(last->s, ',', last->len) && has_digit(t[k - 1]);
}

/* "OBGYN (Obstetrics & Gynecology)": the length of the line before a last
 * part in brackets that ends it, spaces trimmed; len when it has none. */
static size_t before_bracket(const char *line, size_t len)
{
    if (len < 3 || line[len - 1] != ')')
        return len;
    const char *open = memchr(line, '(', len);
    if (!open || open == line || memchr(open + 1, '(', (size_t)(line + len - open - 1)))
        return len;
    size_t n = (size_t)(open - line);
    while (n > 0 && line[n - 1] == ' ')
        n--;
    return n;
}

cn_sigline_kind cn_signature_classify_after(const cn_pagecues *cues, cn_sigline_kind above,
                                            const char *line, size_t len, cn_sigline *out)
{
    cn_signature_classify(cues, line, len, out);
    return cn_signature_reclassify_after(cues, above, line, len, out);
}

cn_sigline_kind cn_signature_reclassify_after(const cn_pagecues *cues, cn_sigline_kind above,
                                              const char *line, size_t len, cn_sigline *out)
{
    cn_sigline_kind k = out->kind;
    if (above == CN_SIGLINE_NAME && (k == CN_SIGLINE_NONE || k == CN_SIGLINE_SHORT) &&
        (qualified_specialty(cues, line, len, out) || city_state(cues, line, len, out) ||
         qualified_specialty(cues, line, before_bracket(line, len), out)))
        k = out->kind;
    return k;
}

/* Lines[k..n) form a block: starts with a strong line, strong lines in order
 * and once each, at most two short extras. */
static bool block_from(const cn_sigline *kinds, size_t k, size_t n)
{
    if (kinds[k].kind == CN_SIGLINE_NONE || kinds[k].kind == CN_SIGLINE_SHORT)
        return false;
    int last = 0, shorts = 0;
    for (size_t i = k; i < n; i++) {
        int kind = (int)kinds[i].kind;
        if (kind == CN_SIGLINE_NONE)
            return false;
        if (kind == CN_SIGLINE_SHORT) {
            if (++shorts > 2)
                return false;
            continue;
        }
        if (kind <= last)
            return false;
        last = kind;
    }
    return true;
}

/* A name without credentials ("Jane Doe"): two to five capitalized words,
 * not a valediction. Only trusted right above a "City Specialty" line. */
static bool bare_name(const cn_pagecues *cues, const char *line, size_t len)
{
    tok t[MAX_TOKENS];
    int n = tokenize(line, len, t, MAX_TOKENS);
    if (n < 2 || n > 5 || in_set(",;:!?", line[len - 1]) ||
        cn_pagecues_is_valediction(cues, line, len))
        return false;
    for (int i = 0; i < n; i++)
        if (!name_word(cues, t[i]) || t[i].s[t[i].len - 1] == ',')
            return false;
    return true;
}

static bool block_tail(const cn_pagecues *cues, const cn_line *lines, size_t n,
                       const cn_sigline *plain, cn_sigblock *out);

bool cn_signature_block(const cn_pagecues *cues, const cn_line *lines, size_t n, cn_sigblock *out)
{
    if (n == 0)
        return false;
    size_t base = n > BLOCK_MAX ? n - BLOCK_MAX : 0;
    cn_sigline plain[BLOCK_MAX];
    for (size_t i = base; i < n; i++)
        cn_signature_classify(cues, lines[i].s, lines[i].len, &plain[i - base]);
    return block_tail(cues, lines, n, plain, out);
}

bool cn_signature_block_tail(const cn_pagecues *cues, const cn_line *lines, size_t n,
                             const cn_sigline *plain, cn_sigblock *out)
{
    return n > 0 && block_tail(cues, lines, n, plain, out);
}

/* The block of lines[0..n) (n > 0); plain[0..) classifies its last (up to
 * BLOCK_MAX) lines, each on its own. */
static bool block_tail(const cn_pagecues *cues, const cn_line *lines, size_t n,
                       const cn_sigline *plain, cn_sigblock *out)
{
    size_t base = n > BLOCK_MAX ? n - BLOCK_MAX : 0;
    cn_sigline kinds[BLOCK_MAX];
    memcpy(kinds, plain, (n - base) * sizeof *kinds);
    for (size_t i = base; i + 1 < n; i++) {
        cn_sigline *l = &kinds[i - base];
        if (l->kind == CN_SIGLINE_SHORT && kinds[i + 1 - base].kind == CN_SIGLINE_PLACE &&
            bare_name(cues, lines[i].s, lines[i].len)) {
            l->kind = CN_SIGLINE_NAME;
            l->name_core = lines[i].len;
        }
    }
    /* Each line under the one above as finally read (a bare name stays a
     * name only on the block's first line, as when each was read afresh). */
    for (size_t i = base + 1; i < n; i++) {
        kinds[i - base] = plain[i - base];
        cn_signature_reclassify_after(cues, kinds[i - 1 - base].kind, lines[i].s, lines[i].len,
                                      &kinds[i - base]);
    }
    for (size_t k = base; k < n; k++) {
        if (!block_from(kinds, k - base, n - base))
            continue;
        out->first = k;
        out->name = out->place = out->rating = -1;
        for (size_t i = k; i < n; i++) {
            const cn_sigline *l = &kinds[i - base];
            if (l->kind == CN_SIGLINE_NAME)
                out->name = (int)i;
            else if (l->kind == CN_SIGLINE_PLACE)
                out->place = (int)i;
            else if (l->kind == CN_SIGLINE_RATING)
                out->rating = (int)i;
            else
                continue;
            out->parts[l->kind - 1] = *l;
        }
        return true;
    }
    return false;
}

size_t cn_signature_name_core(const cn_pagecues *cues, const char *name, size_t len)
{
    cn_sigline l;
    if (len <= SIGLINE_MAX && classify_name(cues, name, len, &l))
        return l.name_core;
    return len;
}

/* True when word (punctuation stripped) equals one of the physician's name
 * words of two letters or more, ignoring case. */
static bool names_physician(tok word, const char *physician, size_t plen)
{
    word = rstrip(word, ",.;");
    if (word.len < 2)
        return false;
    char *w = cn_text_normalize(word.s, word.len, NULL, NULL);
    char *p = cn_text_normalize(physician, plen, NULL, NULL);
    bool hit = false;
    if (w && p) {
        size_t wl = strlen(w);
        for (char *q = p; *q && !hit;) {
            size_t n = strcspn(q, " ,.");
            hit = n == wl && memcmp(q, w, n) == 0;
            q += n;
            q += strspn(q, " ,.");
        }
    }
    free(w);
    free(p);
    return hit;
}

static bool is_dash(tok t)
{
    return tok_is(t, "-") || tok_is(t, "--") || tok_is(t, "~") ||
           (t.len == 3 && (unsigned char)t.s[0] == 0xE2 && (unsigned char)t.s[1] == 0x80 &&
            ((unsigned char)t.s[2] == 0x93 || (unsigned char)t.s[2] == 0x94));
}

/* Can t stand after the valediction of a sign-off: "Dr", a name word, a
 * credential or a word of a place? */
static bool signoff_word(const cn_pagecues *cues, tok t)
{
    return is_dr(t) || name_word(cues, t) || credential(cues, t) || name_word(cues, rstrip(t, "."));
}

/* Can t be the last token of a sign-off: a word of its name, a credential
 * or a word of a place? */
static bool signoff_end(const cn_pagecues *cues, tok t)
{
    return name_word(cues, t) || credential(cues, t) || name_word(cues, rstrip(t, "."));
}

/* Can s[0..len) be a sign-off, judged by its last word? Every sign-off ends
 * with a signoff_end token (a lone token is one with its '-' dropped: "-Roe"),
 * so prose ("... in a week.") is turned away by its last word rather than
 * split into words, and an answer's end is not tried at each of its last
 * sentence starts (cn_signature_strip_signoff). A last word with bytes beyond
 * ASCII (perhaps white space of their own) decides nothing: true. */
static bool may_end_signoff(const cn_pagecues *cues, const char *s, size_t len)
{
    tok t;
    if (!last_ascii_token(s, len, &t))
        return true;
    return signoff_end(cues, t) ||
           (t.len > 1 && t.s[0] == '-' && signoff_end(cues, (tok){t.s + 1, t.len - 1}));
}

bool cn_signature_is_signoff(const cn_pagecues *cues, const char *s, size_t len,
                             const char *physician, size_t physician_len)
{
    if (len == 0 || len > SIGNOFF_MAX || !may_end_signoff(cues, s, len))
        return false;
    tok t[MAX_TOKENS];
    int n = tokenize_checked(cues, s, len, t, MAX_TOKENS);
    if (n < 1)
        return false;
    int i = 0;
    if (is_dash(t[0]))
        i++;
    else if (t[0].len > 1 && t[0].s[0] == '-')
        t[0].s++, t[0].len--; /* "-Dr." */
    bool vale = false;
    for (int j = (n < i + 4 ? n : i + 4); j > i; j--) {
        const char *a = t[i].s;
        size_t alen = (size_t)(t[j - 1].s + t[j - 1].len - a);
        if (cn_pagecues_is_valediction(cues, a, alen)) {
            vale = true;
            i = j;
            break;
        }
    }
    bool dr = i < n && is_dr(t[i]);
    i += dr;
    int name_start = i, creds = 0;
    bool comma = false;
    while (i < n && i - name_start < 4 && !credential(cues, t[i]) && name_word(cues, t[i])) {
        comma = t[i].s[t[i].len - 1] == ',';
        i++;
        if (comma)
            break;
    }
    int name_end = i;
    while (i < n && credential(cues, t[i]))
        i++, creds++;
    if (name_end == name_start)
        return false;
    if (i < n && !(creds > 0 || comma))
        return false;
    for (int places = 0; i < n; i++, places++)
        if (places >= 4 || !name_word(cues, rstrip(t[i], ".")))
            return false;
    if (physician) {
        for (int k = name_start; k < name_end; k++)
            if (names_physician(t[k], physician, physician_len))
                return true;
        return false;
    }
    return dr || vale || (creds > 0 && name_end - name_start >= 2);
}

/* Is there a sentence boundary just before p (white space after '.', '!',
 * '?' or a line end), or is p the paragraph start p0? *cut gets the end of
 * the text that remains when the sign-off at p is removed. */
static bool boundary_before(const char *text, size_t p0, size_t p, size_t *cut)
{
    size_t q = p;
    bool newline = false, space = false;
    while (q > p0) {
        size_t k = q - 1;
        while (k > p0 && q - k < 4 && ((unsigned char)text[k] & 0xC0) == 0x80)
            k--;
        uint32_t cp;
        size_t n = cn_utf8_decode(text + k, q - k, &cp);
        if (k + n != q || !cn_span_is_space_cp(cp))
            break;
        newline |= cp == '\n';
        space = true;
        q = k;
    }
    *cut = q;
    if (q == p0)
        return false; /* the whole paragraph: handled separately */
    if (!space)
        return false;
    if (newline)
        return true;
    size_t e = q;
    while (e > p0 && in_set("\")'", text[e - 1]))
        e--;
    return e > p0 && in_set(".!?", text[e - 1]);
}

/* The last '\n' in s[0..n), or NULL: the line ends of a long answer are
 * found by the C library's word-at-a-time search where there is one. */
static const char *last_newline(const char *s, size_t n)
{
#ifdef __GLIBC__
    return memrchr(s, '\n', n);
#else
    while (n > 0)
        if (s[--n] == '\n')
            return s + n;
    return NULL;
#endif
}

/* Start of the last paragraph of text[0..len) (after the last blank line). */
static size_t last_paragraph(const char *text, size_t len)
{
    for (size_t i = len; i > 1; i--) {
        const char *nl = last_newline(text, i);
        if (!nl)
            return 0;
        i = (size_t)(nl - text) + 1;
        if (i <= 1)
            return 0;
        size_t k = i - 1;
        while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r'))
            k--;
        if (k > 0 && text[k - 1] == '\n')
            return i;
    }
    return 0;
}

/* Length of text[0..len) without its trailing white space. */
static size_t trimmed_len(const char *text, size_t len)
{
    size_t n;
    const char *s = cn_span_trim(text, len, &n);
    return n == 0 ? 0 : (size_t)(s - text) + n;
}

bool cn_signature_strip_signoff(const cn_pagecues *cues, char *text, const char *physician,
                                size_t physician_len)
{
    bool removed = false;
    for (int round = 0; round < 4; round++) {
        size_t len = trimmed_len(text, strlen(text));
        if (len == 0 || !may_end_signoff(cues, text, len))
            break;
        size_t p0 = last_paragraph(text, len);
        if (p0 > 0 &&
            cn_signature_is_signoff(cues, text + p0, len - p0, physician, physician_len)) {
            text[trimmed_len(text, p0)] = '\0';
            removed = true;
            continue;
        }
        size_t from = len > SIGNOFF_MAX ? len - SIGNOFF_MAX : 0;
        if (from < p0)
            from = p0;
        bool found = false;
        for (size_t p = from + 1; p < len && !found; p++) {
            size_t cut;
            /* A boundary follows white space: after any other ASCII byte
             * (most positions) there is none to look for. */
            if (BYTE_CLASS[(unsigned char)text[p - 1]] == BYTE_WORD ||
                ((unsigned char)text[p] & 0xC0) == 0x80 || space_len(text + p, len - p) ||
                !boundary_before(text, p0, p, &cut))
                continue;
            if (cut > 0 &&
                cn_signature_is_signoff(cues, text + p, len - p, physician, physician_len)) {
                text[cut] = '\0';
                found = removed = true;
            }
        }
        if (!found)
            break;
    }
    return removed;
}

/* The bracket that ends the line, "(...)": its inside, or false. */
static bool last_bracket(const char *line, size_t len, const char **in, size_t *n)
{
    if (len < 8 || line[len - 1] != ')')
        return false;
    size_t open = len - 1;
    while (open > 0 && line[open] != '(')
        open--;
    if (line[open] != '(')
        return false;
    *in = line + open + 1;
    *n = len - 1 - (open + 1);
    return true;
}

bool cn_signature_credit(const cn_pagecues *cues, const char *line, size_t len, cn_credit *out)
{
    const char *in;
    size_t n, name_end = 0;
    if (!last_bracket(line, len, &in, &n))
        return false;
    /* the name runs to the bracket's last credential */
    for (size_t i = 0; i < n;) {
        while (i < n && (in[i] == ' ' || in[i] == ','))
            i++;
        size_t w0 = i;
        while (i < n && in[i] != ' ' && in[i] != ',')
            i++;
        if (i > w0 && cn_pagecues_is_credential(cues, in + w0, i - w0))
            name_end = i;
    }
    if (name_end == 0)
        return false;
    if (!out)
        return true;
    size_t r = name_end;
    while (r < n && (in[r] == ' ' || in[r] == ','))
        r++;
    *out = (cn_credit){.name = in, .name_len = name_end};
    size_t city_len = 0;
    const char *specialty = NULL;
    if (r < n &&
        cn_taxonomy_split(cn_pagecues_taxonomy(cues), in + r, n - r, &city_len, &specialty)) {
        out->city = in + r;
        out->city_len = city_len;
        out->specialty = specialty;
    }
    return true;
}
