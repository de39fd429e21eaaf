/* cn_qtype: a question's words -> the labellers' question type (multinomial logistic). */
#include "cn_qtype.h"

#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_termindex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Longest word kept (longer runs are URLs or noise and are skipped). */
#define MAX_WORD 30

struct cn_qtype {
    char *labels[CN_QTYPE_MAX_LABELS];
    char *flags[CN_QTYPE_MAX_LABELS]; /* "qtype/LABEL" */
    char *leans[CN_QTYPE_MAX_LABELS]; /* "qtype/maybe-LABEL" */
    size_t n_labels;
    char **terms; /* term texts, in the order added */
    double *w;    /* n_terms x n_labels */
    size_t n_terms, cap_terms, cap_w;
    cn_termindex *by_hash;
};

int cn_qtype_new(cn_qtype **out, cn_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
}

void cn_qtype_free(cn_qtype *qt)
{
    if (!qt)
        return;
    for (size_t i = 0; i < qt->n_labels; i++) {
        free(qt->labels[i]);
        free(qt->flags[i]);
        free(qt->leans[i]);
    }
    for (size_t i = 0; i < qt->n_terms; i++)
        free(qt->terms[i]);
    free(qt->terms);
    free(qt->w);
    cn_termindex_free(qt->by_hash);
    free(qt);
}

size_t cn_qtype_labels(const cn_qtype *qt)
{
    return qt ? qt->n_labels : 0;
}

const char *cn_qtype_label(const cn_qtype *qt, size_t i)
{
    return qt && i < qt->n_labels ? qt->labels[i] : NULL;
}

const char *cn_qtype_flag(const cn_qtype *qt, size_t i)
{
    return qt && i < qt->n_labels ? qt->flags[i] : NULL;
}

const char *cn_qtype_lean_flag(const cn_qtype *qt, size_t i)
{
    return qt && i < qt->n_labels ? qt->leans[i] : NULL;
}

static long label_index(const cn_qtype *qt, const char *label)
{
    for (size_t i = 0; i < qt->n_labels; i++)
        if (!strcmp(qt->labels[i], label))
            return (long)i;
    return -1;
}

/* The first line names the labels. */
static int set_labels(cn_qtype *qt, const char *const *labels, size_t n, cn_error *err)
{
    if (n == 0 || n > CN_QTYPE_MAX_LABELS)
        return cn_error_set(err, CN_ERR_USAGE, "a qtype line names 1 to %d labels, not %zu",
                            CN_QTYPE_MAX_LABELS, n);
    for (size_t i = 0; i < n; i++) {
        bool bad = !*labels[i];
        for (const char *c = labels[i]; *c && !bad; c++)
            bad = cn_lexical_reserved((unsigned char)*c) || *c == '/';
        if (bad)
            return cn_error_set(err, CN_ERR_USAGE, "'%s' is not a question type label", labels[i]);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(labels[i], labels[j]))
                return cn_error_set(err, CN_ERR_USAGE, "label '%s' given twice", labels[i]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(labels[i]) + 13;
        qt->labels[i] = strdup(labels[i]);
        qt->flags[i] = malloc(len);
        qt->leans[i] = malloc(len);
        qt->n_labels = i + 1;
        if (!qt->labels[i] || !qt->flags[i] || !qt->leans[i])
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        snprintf(qt->flags[i], len, "qtype/%s", labels[i]);
        snprintf(qt->leans[i], len, "qtype/maybe-%s", labels[i]);
    }
    return CN_OK;
}

static int check_term(const cn_qtype *qt, const char *term, uint64_t h, cn_error *err)
{
    bool bad = !*term;
    for (const char *c = term; *c && !bad; c++)
        bad = cn_lexical_reserved((unsigned char)*c);
    if (bad)
        return cn_error_set(err, CN_ERR_USAGE, "'%s' is not a question term (one token, no %s)",
                            term, CN_LEX_RESERVED);
    if (qt->by_hash && cn_termindex_get(qt->by_hash, h) >= 0)
        return cn_error_set(err, CN_ERR_USAGE, "question term '%s' is weighted twice", term);
    return CN_OK;
}

int cn_qtype_add(cn_qtype *qt, const char *term, const char *const *labels, const double *values,
                 size_t n, cn_error *err)
{
    uint64_t h = cn_hash_bytes(term, strlen(term));
    int rc = check_term(qt, term, h, err);
    if (rc == CN_OK && qt->n_labels == 0)
        rc = set_labels(qt, labels, n, err);
    if (rc)
        return rc;
    double row[CN_QTYPE_MAX_LABELS];
    bool seen[CN_QTYPE_MAX_LABELS] = {false};
    for (size_t i = 0; i < n; i++) {
        long k = label_index(qt, labels[i]);
        if (k < 0)
            return cn_error_set(err, CN_ERR_USAGE, "unknown question type label '%s'", labels[i]);
        if (seen[k])
            return cn_error_set(err, CN_ERR_USAGE, "label '%s' given twice", labels[i]);
        if (!isfinite(values[i]))
            return cn_error_set(err, CN_ERR_USAGE, "%s: not a finite weight", labels[i]);
        seen[k] = true;
        row[k] = values[i];
    }
    for (size_t k = 0; k < qt->n_labels; k++)
        if (!seen[k])
            return cn_error_set(err, CN_ERR_USAGE, "qtype %s needs %s=NUMBER", term, qt->labels[k]);
    if (!qt->by_hash && !(qt->by_hash = cn_termindex_new()))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (!cn_grow((void **)&qt->terms, &qt->cap_terms, qt->n_terms + 1, sizeof *qt->terms))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    bool w_ok =
        cn_grow((void **)&qt->w, &qt->cap_w, (qt->n_terms + 1) * qt->n_labels, sizeof *qt->w);
    char *text = w_ok ? strdup(term) : NULL;
    if (!text || qt->n_terms >= INT32_MAX ||
        cn_termindex_add(qt->by_hash, h, (uint32_t)qt->n_terms)) {
        free(text);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    memcpy(&qt->w[qt->n_terms * qt->n_labels], row, qt->n_labels * sizeof *row);
    qt->terms[qt->n_terms++] = text;
    return CN_OK;
}

/* ---- terms ---- */

typedef struct term_entry {
    uint64_t hash;
    size_t at; /* where its text starts in term_list.text (spell only) */
} term_entry;

typedef struct term_list {
    term_entry *e;
    char *text; /* spelled terms, NUL-separated (spell only) */
    size_t n, cap, text_len, text_cap;
    bool spell, ok;
} term_list;

static bool isalnum_ascii(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* cn_hash_bytes (FNV-1a) of a string continued over s[0..n): the hash of
 * a term whose start is already hashed ("t/", a bigram's first word and
 * its "+") costs only its last part. */
static uint64_t hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The term a + b + c (b, c may be empty; an, bn, cn their lengths) whose
 * hash is hash: spelled out only when asked (spell, for `rules fit`); this
 * runs for every word of every question, where copying each term's parts
 * together and hashing them over was most of its cost. */
static void add_term(term_list *l, uint64_t hash, const char *a, size_t an, const char *b,
                     size_t bn, const char *c, size_t cn)
{
    size_t len = an + bn + cn;
    if (!cn_grow((void **)&l->e, &l->cap, l->n + 1, sizeof *l->e) ||
        (l->spell && !cn_grow((void **)&l->text, &l->text_cap, l->text_len + len + 1, 1))) {
        l->ok = false;
        return;
    }
    l->e[l->n].at = l->text_len;
    if (l->spell) {
        char *t = l->text + l->text_len;
        memcpy(t, a, an);
        memcpy(t + an, b, bn);
        memcpy(t + an + bn, c, cn);
        t[len] = '\0';
        l->text_len += len + 1;
    }
    l->e[l->n++].hash = hash;
}

/* The next word of s from *pos: lower-case ASCII letters and digits, an
 * apostrophe inside a word (' or U+2019) dropped ("don't" = "dont");
 * anything else separates; longer words than MAX_WORD are skipped. Returns
 * its length (0: no more words). */
static size_t next_word(const char *s, size_t *pos, char word[MAX_WORD + 1])
{
    for (;;) {
        size_t len = 0;
        bool too_long = false;
        while (s[*pos] && !isalnum_ascii(s[*pos]))
            (*pos)++;
        if (!s[*pos])
            return 0;
        for (;;) {
            unsigned char ch = (unsigned char)s[*pos];
            if (isalnum_ascii((char)ch)) {
                if (len < MAX_WORD)
                    word[len++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                else
                    too_long = true;
                (*pos)++;
            } else if (ch == '\'' && isalnum_ascii(s[*pos + 1]))
                (*pos)++;
            else if (ch == 0xE2 && (unsigned char)s[*pos + 1] == 0x80 &&
                     (unsigned char)s[*pos + 2] == 0x99 && isalnum_ascii(s[*pos + 3]))
                *pos += 3;
            else
                break;
        }
        if (!too_long) {
            word[len] = '\0';
            return len;
        }
    }
}

/* Unigrams and bigrams ("a+b") of text, each prefixed. A term's hash
 * continues its start's: the prefix's, then for a bigram the word before's
 * unigram (prefix + word) and "+". */
static void field_terms(term_list *l, const char *text, const char *prefix)
{
    char pair[MAX_WORD + 2], word[MAX_WORD + 1];
    size_t pn = strlen(prefix), prev_n = 0; /* 0: no word before */
    size_t pos = 0, n;
    uint64_t start = cn_hash_bytes(prefix, pn), prev_plus = 0;
    while (text && l->ok && (n = next_word(text, &pos, word)) > 0) {
        uint64_t unigram = hash_more(start, word, n);
        add_term(l, unigram, prefix, pn, word, n, "", 0);
        if (prev_n) /* pair holds the word before and "+" */
            add_term(l, hash_more(prev_plus, word, n), prefix, pn, pair, prev_n + 1, word, n);
        memcpy(pair, word, n);
        pair[n] = '+';
        prev_n = n;
        prev_plus = hash_more(unigram, "+", 1);
    }
}

/* Whether hash was seen before (and mark it): an open-addressing set of
 * cap slots (a power of two, more than the terms), 0 marking a free slot. */
static bool seen_before(uint64_t *set, size_t cap, uint64_t hash)
{
    uint64_t key = hash ? hash : 1; /* 0 marks a free slot */
    for (size_t i = (size_t)cn_hash_mix(key) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (set[i] == key)
            return true;
        if (!set[i]) {
            set[i] = key;
            return false;
        }
    }
}

int cn_qtype_terms(const char *title, const char *body, bool spell, cn_qtype_term_fn fn, void *ctx,
                   cn_error *err)
{
    term_list l = {.spell = spell, .ok = true};
    add_term(&l, cn_hash_bytes(CN_QTYPE_BIAS, strlen(CN_QTYPE_BIAS)), CN_QTYPE_BIAS,
             strlen(CN_QTYPE_BIAS), "", 0, "", 0);
    field_terms(&l, title, "");
    field_terms(&l, body, "");
    field_terms(&l, title, "t/"); /* what the title asks weighs apart */
    size_t cap = 64;
    while (cap < 2 * l.n)
        cap *= 2;
    uint64_t stack[64], *set = cap <= 64 ? stack : calloc(cap, sizeof *set);
    if (set == stack)
        memset(stack, 0, sizeof stack);
    if (!l.ok || !set) {
        free(l.e);
        free(l.text);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    /* each distinct term once, in the order first met (a hash collision
     * drops one term: harmless) */
    for (size_t i = 0; i < l.n; i++) {
        if (seen_before(set, cap, l.e[i].hash))
            continue;
        const char *t = spell ? l.text + l.e[i].at : NULL;
        fn(ctx, l.e[i].hash, t, t ? strlen(t) : 0);
    }
    if (set != stack)
        free(set);
    free(l.e);
    free(l.text);
    return CN_OK;
}

/* ---- prediction ---- */

typedef struct score_ctx {
    const cn_qtype *qt;
    double z[CN_QTYPE_MAX_LABELS];
} score_ctx;

static void add_score(void *ctx, uint64_t hash, const char *text, size_t len)
{
    (void)text;
    (void)len;
    score_ctx *s = ctx;
    long j = cn_termindex_get(s->qt->by_hash, hash);
    if (j < 0)
        return;
    for (size_t k = 0; k < s->qt->n_labels; k++)
        s->z[k] += s->qt->w[(size_t)j * s->qt->n_labels + k];
}

int cn_qtype_predict(const cn_qtype *qt, const char *title, const char *body, double *p, long *best,
                     cn_error *err)
{
    *best = -1;
    if (!qt || qt->n_labels == 0)
        return CN_OK;
    score_ctx s = {.qt = qt};
    int rc = cn_qtype_terms(title, body, false, add_score, &s, err);
    if (rc)
        return rc;
    double top = s.z[0], sum = 0;
    size_t arg = 0;
    for (size_t k = 1; k < qt->n_labels; k++)
        if (s.z[k] > top)
            top = s.z[k], arg = k;
    for (size_t k = 0; k < qt->n_labels; k++)
        sum += (p[k] = exp(s.z[k] - top));
    for (size_t k = 0; k < qt->n_labels; k++)
        p[k] /= sum;
    *best = (long)arg;
    return CN_OK;
}

int cn_qtype_write(const cn_qtype *qt, FILE *out)
{
    for (size_t i = 0; i < qt->n_terms; i++) {
        if (fprintf(out, "qtype %-28s", qt->terms[i]) < 0)
            return -1;
        for (size_t k = 0; k < qt->n_labels; k++)
            if (fprintf(out, " %s=%.4f", qt->labels[k], qt->w[i * qt->n_labels + k]) < 0)
                return -1;
        if (fputc('\n', out) == EOF)
            return -1;
    }
    return 0;
}
