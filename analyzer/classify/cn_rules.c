/* cn_rules: load, validate and compile the editable rule folder. */
#include "cn_rules.h"

#include "cn_sort.h"
#include "cn_lexicon.h"
#include "cn_lexical.h"
#include "cn_model.h"
#include "cn_qtype.h"

#include "cn_file.h"
#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_sha256.h"
#include "cn_text.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- settings: names and the defaults a rule folder without a `setting` line
 * gets (the shipped rules/settings.rules states them all; rules/README.md) ---- */

typedef struct setting_def {
    const char *name;
    double value;
} setting_def;

static const setting_def SETTING_DEFAULTS[] = {
    [CN_SETTING_NONE_THRESHOLD] = {"none_threshold",
                                   1.8}, /* least total cue weight for any stance */
    [CN_SETTING_TITLE_WEIGHT] = {"title_weight",
                                 1.3}, /* multiplier for cues in the answer's title */
    [CN_SETTING_LAST_SENTENCE_WEIGHT] = {"last_sentence_weight",
                                         1.3}, /* the bottom line: cues in the final sentence */
    [CN_SETTING_CONFLICT_RATIO] = {"conflict_ratio",
                                   0.6}, /* runner-up / winner at or above this: conflicting */
    [CN_SETTING_NEGATION_SCOPE] = {"negation_scope",
                                   5}, /* default tokens a negation reaches forward */
    [CN_SETTING_ADVICE_MARGIN] = {"advice_margin",
                                  0.3}, /* contraindicated wins when >= this share of the top */
    [CN_SETTING_CAUTION_MARGIN] = {"caution_margin",
                                   0.4}, /* hedged caution beats reassurance at this share */
    [CN_SETTING_CONFIDENCE_PRIOR] = {"confidence_prior",
                                     1.5}, /* pseudo-count that keeps thin evidence unsure */
    [CN_SETTING_CONFIDENCE_TEMPERATURE] =
        {"confidence_temperature", 1}, /* learned decision: confidence from softmax(z / this) */
    [CN_SETTING_CLAIM_MIN_TOPICS] = {"claim_min_topics",
                                     2}, /* distinct topic cues a text needs to be about a claim */
    /* the decision model's word terms (cn_lexical; read when it has some) */
    [CN_SETTING_WORDS_NEGATION] = {"words_negation",
                                   1}, /* "!" on words a negation reaches (2: the cues' reach) */
    [CN_SETTING_WORDS_PLACEHOLDER] = {"words_placeholder", 1}, /* the question's words read <q> */
    [CN_SETTING_WORDS_BIGRAMS] = {"words_bigrams", 1},         /* word pairs as well as words */
    /* the learned decision's label: the most probable after adding these to
     * the log-odds against reassuring (0: the most probable as it is) */
    [CN_SETTING_DECISION_OFFSET_CAUTIONARY] = {"decision_offset_cautionary", 0},
    [CN_SETTING_DECISION_OFFSET_CONTRAINDICATED] = {"decision_offset_contraindicated", 0},
    [CN_SETTING_DECISION_OFFSET_NONE] = {"decision_offset_none", 0},
    /* lead terms: the words of the answer's title and first N sentences
     * also read "^word" (cn_lexical; 0: none) */
    [CN_SETTING_WORDS_LEAD] = {"words_lead", 0},
    /* `rules fit`'s lexical block: a term enters the vocabulary when this many
     * training answers hold it (0: no word terms); its own L2 penalty */
    {"words_min_answers", 0},
    {"words_l2", 0.1},
    /* the question's own words as word terms of each of its answers ("?WORD",
     * cn_classify_input.question_terms; 0: off), and `rules fit`'s minimum
     * count and L2 penalty for them */
    {"question_terms", 0},
    {"question_terms_min_answers", 10},
    {"question_terms_l2", 0.1},
    /* choice questions ("over or under the muscle?", cn_choice): 1 reads
     * the question's options and which one each answer recommends, as the
     * word terms ~choice, ~choice-claim, ~choice-other, ~choice-both; 0: off */
    {"choice_questions", 0},
    /* 1: a choice question gets the question flag "choice" (cn_annotate) */
    {"choice_flag", 0},
    /* `rules fit`: how much a labelled answer counts by its label */
    {"fit_weight_reassuring", 1},
    {"fit_weight_cautionary", 1},
    {"fit_weight_contraindicated", 1},
    {"fit_weight_none", 1},
    /* the aggregator's (read by cn_analysis_opts_from_rules) */
    {"interval_level", 0.95},           /* confidence level of every interval */
    {"consensus_strong", 0.75},         /* majority share for a strong consensus (Delphi) */
    {"consensus_moderate", 0.60},       /* ... moderate */
    {"consensus_weak", 0.50},           /* ... weak */
    {"consensus_min_answers", 5},       /* fewer stance-taking answers: insufficient */
    {"consensus_posterior", 0.8},       /* a level needs P(true share >= threshold) >= this */
    {"posterior_draws", 10000},         /* Monte Carlo draws from the Dirichlet posterior */
    {"agreement_bootstrap", 1000},      /* bootstrap resamples of Krippendorff's alpha */
    {"specialty_simulations", 10000},   /* Monte Carlo tables of the specialty test */
    {"specialty_permutations", 10000},  /* permutations within questions, same test */
    {"review_low_confidence", 0.5},     /* review queue: a decision below this is unsure */
    {"review_fragment_words", 8},       /* a cut-off answer with fewer words is not queued */
    {"review_per_question", 3},         /* queue rounds: this many items of a question at a time */
    {"review_urgency_first", 1},        /* queue order: 1 urgency first, 0 least sure first */
    {"relabel_draws", 2000},            /* redraws of the classifier's errors per question */
    {"relabel_concentration", 0},       /* question prior of the redraws (0: answers alone) */
    {"relabel_error_concentration", 0}, /* a question's own error rows (0: the matrix's) */
    /* from this many varying questions, with this many answers in them per
     * df, the within-question specialty test is the asymptotic CMH one */
    {"specialty_asymptotic_questions", 200},
    {"specialty_asymptotic_answers_per_df", 30},
    /* the question-type model (cn_qtype): its type becomes a question flag
     * only when at least this probable */
    {"qtype_min_probability", 0},
    /* below that, a type at least this probable gives the question the flag
     * "qtype/maybe-TYPE" (0: none) */
    {"qtype_lean_probability", 0},
    /* the reader's (read by cn_pagecues_load): MiB the de-duplication index
     * may hold before its bulky parts go to disk (0: never) */
    {"dedup_memory_mib", 40},
};
#define N_SETTINGS (sizeof SETTING_DEFAULTS / sizeof SETTING_DEFAULTS[0])

static const char *const KIND_NAMES[CN_RULE_KIND_COUNT] = {
    "claim",    "cue",        "negation",     "pseudo",      "terminator", "hedge", "intensifier",
    "contrast", "experience", "hypothetical", "boilerplate", "question",   "wait"};

const char *cn_rule_kind_name(cn_rule_kind kind)
{
    return (unsigned)kind < CN_RULE_KIND_COUNT ? KIND_NAMES[kind] : "?";
}

const char *cn_rule_kind_name_n(cn_rule_kind kind, size_t *len)
{
    static const unsigned char LENS[CN_RULE_KIND_COUNT] = {5, 3,  8,  6,  10, 5, 11,
                                                           8, 10, 12, 11, 8,  4};
    if ((unsigned)kind >= CN_RULE_KIND_COUNT) {
        *len = 1;
        return "?";
    }
    *len = LENS[kind];
    return KIND_NAMES[kind];
}

/* One `decision_offset` line: its flag ("qtype/other", owned) and what it
 * adds to each label's offset (reassuring's stays 0). */
typedef struct type_offset {
    char *flag;
    double add[CN_STANCE_COUNT];
    const char *file; /* for the check against the qtype model, while loading */
    unsigned line;
} type_offset;

struct cn_rules {
    cn_rule *rules;
    size_t n, cap;
    /* rules[i].kind again, one byte each: the kind of a match's rule is read
     * for every match of every text, and this stays in cache where the
     * rules (a couple of hundred bytes each) do not */
    unsigned char *kinds;
    cn_matcher *matcher;
    cn_strmap *aliases;          /* word -> index into alias_expansions */
    cn_word_filter alias_filter; /* of aliases' words */
    char **alias_expansions;
    char **alias_words; /* each alias's word (normalized), for the lexicon */
    size_t n_aliases;
    /* The aliases, the matcher's vocabulary and the model's word terms in
     * one table (cn_lexicon), built once the rules are in: the tokenizer
     * looks each word up there once and keeps the answers on its token.
     * NULL while loading (rule lines are tokenized the old way) */
    cn_lexicon *lexicon;
    /* cn_model_words_version when it was built: a token's term is the
     * model's only while they agree (`rules fit` replaces the terms) */
    unsigned long lexicon_words;
    cn_strmap *ids[CN_RULE_KIND_COUNT];
    double settings[N_SETTINGS];
    cn_model *model;          /* the decision weights (weight lines); never NULL once loaded */
    cn_qtype *qtype;          /* the question-type model (qtype lines); never NULL once loaded */
    cn_u64map *question_stop; /* hashes of the words of class question-stop */
    cn_u64map *choice_words;  /* word hash -> CN_CHOICE_* bits of its choice-* classes */
    /* durations (cn_wait): word hash -> index into dur_value, for units
     * (days) and number words (value); the classes duration-filler and
     * duration-range */
    cn_u64map *dur_unit, *dur_count, *dur_filler, *dur_range, *dur_stop;
    double *dur_value;
    size_t n_dur_value;
    bool has_asker_waits;
    double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT]; /* [true][predicted] */
    bool has_confusion;
    /* `decision_offset qtype/TYPE ...` lines: added to the settings'
     * offsets for answers whose question the classifier typed TYPE */
    type_offset *type_offsets;
    size_t n_type_offsets;
    char **warnings; /* "FILE:LINE: message" */
    size_t n_warnings;
    char sha256[65];
};

/* ---- a parsed line before it is compiled ---- */

#define MAX_ATTRS 16

typedef struct attr {
    char *key, *value;
    bool used;
} attr;

/* A record's strings point into its file's text, which the load keeps until
 * the records are compiled (load_ctx.texts): a weight line for every word term
 * makes tens of thousands of records, and a string of each, and a fixed
 * attribute array in each, made loading a noticeable part of every command. */
typedef struct record {
    char *kind, *id;
    attr *attrs; /* owned (the strings are not) */
    size_t n_attrs;
    char **patterns; /* owned (the strings are not) */
    size_t n_patterns;
    const char *file; /* the rule file's name, held by cn_rules_load */
    unsigned line;
} record;

typedef struct load_ctx {
    cn_rules_diag_fn diag;
    void *diag_ctx;
    size_t problems;
    record *recs;
    size_t n_recs, cap_recs;
    char **texts; /* the files' text the records point into */
    size_t n_texts, cap_texts;
} load_ctx;

#define PLACED_MESSAGE_MAX (CN_ERROR_MESSAGE_MAX + 512)

/* "FILE:LINE: PREFIXmessage" into full. */
static void vplace(char full[PLACED_MESSAGE_MAX], const char *file, unsigned line,
                   const char *prefix, const char *fmt, va_list ap)
{
    char msg[CN_ERROR_MESSAGE_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    snprintf(full, PLACED_MESSAGE_MAX, "%s:%u: %s%s", file, line, prefix, msg);
}

static void problem(load_ctx *c, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(load_ctx *c, const char *file, unsigned line, const char *fmt, ...)
{
    char full[PLACED_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vplace(full, file, line, "", fmt, ap);
    va_end(ap);
    c->problems++;
    if (c->diag)
        c->diag(c->diag_ctx, full);
}

/* Keep a warning for `rules check`; classify and analyze do not print them.
 * Out of memory only loses the warning. */
static void warning(cn_rules *rs, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void warning(cn_rules *rs, const char *file, unsigned line, const char *fmt, ...)
{
    char full[PLACED_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vplace(full, file, line, "warning: ", fmt, ap);
    va_end(ap);
    char **w = realloc(rs->warnings, (rs->n_warnings + 1) * sizeof *w);
    if (!w)
        return;
    rs->warnings = w;
    if ((w[rs->n_warnings] = strdup(full)) != NULL)
        rs->n_warnings++;
}

static void record_clear(record *r)
{
    free(r->attrs);
    free(r->patterns);
}

static char *trim(char *s)
{
    while (*s && cn_text_is_space((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && cn_text_is_space((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* Cut a comment (# at line start or after white space, outside quotes).
 * strcspn jumps to the next byte that matters (a quote, or outside quotes a
 * '#'): most lines have neither, and a loop per byte was a visible part of
 * loading the rules (decision.rules alone is ~23,000 lines). */
static void strip_comment(char *s)
{
    bool quoted = false;
    for (char *p = s + strcspn(s, "#\""); *p; p += 1 + strcspn(p + 1, quoted ? "\"" : "#\"")) {
        if (*p == '"')
            quoted = !quoted;
        else if (p == s || cn_text_is_space((unsigned char)p[-1])) {
            *p = '\0';
            return;
        }
    }
}

/* The bytes a word of a head stops at to look: the end, a quote and white
 * space (cn_text_is_space). One load a byte: the words of ~30,000 lines. */
static const unsigned char HEAD_STOP[256] = {
    [0] = 1, ['"'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1};

/* Split the head (before the first unquoted ':') into words, in place; key="a b" stays whole. */
static int split_head(load_ctx *c, record *r, char *head)
{
    attr attrs[MAX_ATTRS];
    char *p = head;
    int word = 0;
    while (*p) {
        while (*p && cn_text_is_space((unsigned char)*p))
            p++;
        if (!*p)
            break;
        char *start = p;
        bool quoted = false;
        for (;;) { /* to white space outside quotes, or the end */
            while (!HEAD_STOP[(unsigned char)*p])
                p++;
            if (*p == '"')
                quoted = !quoted;
            else if (!*p || !quoted)
                break;
            p++;
        }
        if (quoted) {
            problem(c, r->file, r->line, "unterminated quote");
            return -1;
        }
        char *w = start;
        if (*p)
            *p++ = '\0';
        if (word == 0) {
            r->kind = w;
        } else if (word == 1 && !strchr(w, '=')) {
            r->id = w;
        } else {
            char *eq = strchr(w, '=');
            if (!eq || eq == w) {
                problem(c, r->file, r->line, "expected key=value, found '%s'", w);
                return -1;
            }
            if (r->n_attrs == MAX_ATTRS) {
                problem(c, r->file, r->line, "too many attributes");
                return -1;
            }
            *eq = '\0';
            char *v = eq + 1;
            size_t vl = strlen(v);
            if (vl >= 2 && v[0] == '"' && v[vl - 1] == '"') {
                v[vl - 1] = '\0';
                v++;
            }
            attrs[r->n_attrs++] = (attr){.key = w, .value = v, .used = false};
        }
        word++;
    }
    if (r->n_attrs && !(r->attrs = malloc(r->n_attrs * sizeof *r->attrs)))
        return -1;
    if (r->n_attrs)
        memcpy(r->attrs, attrs, r->n_attrs * sizeof *r->attrs);
    return 0;
}

static int split_patterns(load_ctx *c, record *r, char *body)
{
    char *save = NULL;
    size_t count = 1;
    for (char *p = body; *p; p++)
        count += *p == '|';
    r->patterns = calloc(count, sizeof *r->patterns);
    if (!r->patterns)
        return -1;
    for (char *tok = strtok_r(body, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *t = trim(tok);
        if (!*t)
            continue;
        r->patterns[r->n_patterns++] = t;
    }
    /* "a || b" or a trailing '|' leaves an empty alternative: say so. */
    size_t bars = count - 1;
    if (r->n_patterns != bars + 1)
        problem(c, r->file, r->line, "empty pattern between '|' separators");
    return 0;
}

static int parse_line(load_ctx *c, const char *file, unsigned line, char *text)
{
    strip_comment(text);
    char *s = trim(text);
    if (!*s)
        return 0;
    record r = {0};
    r.file = file;
    r.line = line;
    /* the first ':' outside quotes (strcspn: as strip_comment) */
    char *colon = NULL;
    bool quoted = false;
    for (char *p = s + strcspn(s, ":\""); *p; p += 1 + strcspn(p + 1, quoted ? "\"" : ":\"")) {
        if (*p == '"') {
            quoted = !quoted;
        } else {
            colon = p;
            break;
        }
    }
    if (colon)
        *colon = '\0';
    if (split_head(c, &r, s) || !r.kind || (colon && split_patterns(c, &r, colon + 1))) {
        if (!r.kind)
            problem(c, file, line, "missing rule kind");
        record_clear(&r);
        return 0; /* reported; keep reading the file */
    }
    if (c->n_recs == c->cap_recs) {
        size_t cap = c->cap_recs ? c->cap_recs * 2 : 256;
        record *recs = realloc(c->recs, cap * sizeof *recs);
        if (!recs) {
            record_clear(&r);
            return -1;
        }
        c->recs = recs;
        c->cap_recs = cap;
    }
    c->recs[c->n_recs++] = r;
    return 0;
}

static int parse_file(load_ctx *c, const char *dir, const char *name, cn_sha256_ctx *sha,
                      cn_error *err)
{
    size_t plen = strlen(dir) + strlen(name) + 2, len = 0;
    char *path = malloc(plen);
    if (!path)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    snprintf(path, plen, "%s/%s", dir, name);
    char *data = NULL;
    int rc = cn_file_read(path, CN_ERR_IO, &data, &len, err);
    if (rc) {
        free(path);
        return rc;
    }
    free(path);
    cn_sha256_update(sha, name, strlen(name) + 1);
    cn_sha256_update(sha, data, len);
    size_t bad;
    if (!cn_utf8_validate(data, len, &bad)) {
        unsigned line = 1;
        for (size_t i = 0; i < bad; i++)
            line += data[i] == '\n';
        problem(c, name, line, "not valid UTF-8 (byte offset %zu)", bad);
        free(data);
        return CN_OK;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        unsigned at = 1;
        for (const char *q = data; q < nul; q++)
            at += *q == '\n';
        problem(c, name, at, "contains a NUL byte (byte offset %zu)", (size_t)(nul - data));
        free(data);
        return CN_OK;
    }
    /* the records point into data: the load frees it at the end */
    if (!cn_grow((void **)&c->texts, &c->cap_texts, c->n_texts + 1, sizeof *c->texts)) {
        free(data);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    c->texts[c->n_texts++] = data;
    unsigned line = 1;
    char *p = data;
    while (p && *p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (parse_line(c, name, line, p))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        line++;
        p = nl ? nl + 1 : NULL;
    }
    return CN_OK;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of dir whose names end in suffix (".rules", ".txt"), sorted. */
static int list_rule_files(const char *dir, const char *suffix, char ***names, size_t *n,
                           cn_error *err)
{
    size_t sl = strlen(suffix);
    DIR *d = opendir(dir);
    if (!d)
        return cn_error_set(err, CN_ERR_IO, "%s: cannot open rule folder: %s", dir,
                            strerror(errno));
    struct dirent *e;
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l <= sl || strcmp(e->d_name + l - sl, suffix) || e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(*names, cap * sizeof *nn);
            if (!nn)
                break;
            *names = nn;
        }
        (*names)[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (*n == 0 && !strcmp(suffix, ".rules"))
        return cn_error_set(err, CN_ERR_IO, "%s: no *.rules files in the rule folder", dir);
    if (*n)
        cn_sort_stable(*names, *n, sizeof **names, name_cmp);
    return CN_OK;
}

/* The reader's *.txt files (specialties, page cues) belong to the rule set
 * too: they go into its fingerprint after the *.rules files. */
static int hash_text_files(const char *dir, cn_sha256_ctx *sha, cn_error *err)
{
    char **names = NULL;
    size_t n = 0;
    int rc = list_rule_files(dir, ".txt", &names, &n, err);
    for (size_t i = 0; rc == CN_OK && i < n; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2, len = 0;
        char *path = malloc(plen);
        if (!path) {
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            break;
        }
        snprintf(path, plen, "%s/%s", dir, names[i]);
        char *data = NULL;
        rc = cn_file_read(path, CN_ERR_IO, &data, &len, err);
        if (rc == CN_OK) {
            cn_sha256_update(sha, names[i], strlen(names[i]) + 1);
            cn_sha256_update(sha, data, len);
        }
        free(data);
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* ---- attributes ---- */

static attr *find_attr(record *r, const char *key)
{
    for (size_t i = 0; i < r->n_attrs; i++)
        if (!strcmp(r->attrs[i].key, key)) {
            r->attrs[i].used = true;
            return &r->attrs[i];
        }
    return NULL;
}

/* A plain decimal ("-0.0123", "12", ".5") of at most 15 digits, read exactly
 * as strtod reads it: its digits make an integer that a double holds exactly,
 * and dividing by an exact power of ten rounds once, correctly (Clinger's fast
 * path). Every weight line has four such numbers, and strtod was the largest
 * part of reading the word weights. False for anything else (strtod's turn). */
static bool plain_decimal(const char *s, double *out)
{
    static const double POW10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    uint64_t m = 0;
    int digits = 0, frac = 0;
    bool dot = false;
    for (; *s; s++) {
        if (*s == '.' && !dot) {
            dot = true;
        } else if (*s >= '0' && *s <= '9') {
            if (++digits > 15)
                return false;
            m = m * 10 + (uint64_t)(*s - '0');
            frac += dot;
        } else {
            return false;
        }
    }
    if (!digits)
        return false;
    double v = (double)m / POW10[frac];
    *out = neg ? -v : v;
    return true;
}

static bool attr_number(load_ctx *c, record *r, const char *key, double lo, double hi, double *out)
{
    attr *a = find_attr(r, key);
    if (!a)
        return false;
    double v;
    if (!plain_decimal(a->value, &v)) {
        char *end;
        errno = 0;
        v = strtod(a->value, &end);
        if (end == a->value || *end || errno || v != v) {
            problem(c, r->file, r->line, "%s: '%s' is not a number", key, a->value);
            return false;
        }
    }
    if (v < lo || v > hi) {
        problem(c, r->file, r->line, "%s: %g is outside [%g, %g]", key, v, lo, hi);
        return false;
    }
    *out = v;
    return true;
}

static bool attr_stance(load_ctx *c, record *r, const char *key, cn_stance *out, bool allow_none)
{
    attr *a = find_attr(r, key);
    if (!a)
        return false;
    if (cn_stance_parse(a->value, out) || (!allow_none && *out == CN_STANCE_NONE)) {
        problem(c, r->file, r->line,
                "%s: unknown stance '%s' (use reassuring, cautionary, "
                "contraindicated%s)",
                key, a->value, allow_none ? " or none" : "");
        return false;
    }
    return true;
}

static void check_unused(load_ctx *c, record *r)
{
    for (size_t i = 0; i < r->n_attrs; i++)
        if (!r->attrs[i].used)
            problem(c, r->file, r->line, "unknown key '%s' for %s", r->attrs[i].key, r->kind);
}

/* ---- compile ---- */

static int kind_of(const char *name)
{
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++)
        if (!strcmp(name, KIND_NAMES[k]))
            return k;
    return -1;
}

static void rules_add_alias(load_ctx *c, cn_rules *rs, record *r)
{
    if (!r->id || r->n_patterns != 1) {
        problem(c, r->file, r->line, "alias needs a word and one expansion: alias WORD : words");
        return;
    }
    size_t n;
    char *norm = cn_text_normalize(r->id, strlen(r->id), &n, NULL);
    char *exp = cn_text_normalize(r->patterns[0], strlen(r->patterns[0]), &n, NULL);
    if (!norm || !exp) {
        free(norm);
        free(exp);
        return;
    }
    if (cn_strmap_get(rs->aliases, norm) >= 0) {
        problem(c, r->file, r->line, "duplicate alias '%s'", r->id);
        free(norm);
        free(exp);
        return;
    }
    char **ex = realloc(rs->alias_expansions, (rs->n_aliases + 1) * sizeof *ex);
    if (ex)
        rs->alias_expansions = ex;
    char **aw = ex ? realloc(rs->alias_words, (rs->n_aliases + 1) * sizeof *aw) : NULL;
    if (!aw) {
        free(norm);
        free(exp);
        return;
    }
    rs->alias_words = aw;
    ex[rs->n_aliases] = exp;
    aw[rs->n_aliases] = norm;
    cn_strmap_put(rs->aliases, norm, (int)rs->n_aliases);
    cn_word_filter_add(&rs->alias_filter, cn_hash_bytes(norm, strlen(norm)));
    rs->n_aliases++;
    check_unused(c, r);
}

/* The map a class's word hashes go to, for the classes the code reads
 * besides the matcher, or NULL. */
static cn_u64map *class_map(cn_rules *rs, const char *name)
{
    if (!strcmp(name, "question-stop"))
        return rs->question_stop;
    if (!strcmp(name, "duration-filler"))
        return rs->dur_filler;
    if (!strcmp(name, "duration-range"))
        return rs->dur_range;
    if (!strcmp(name, "duration-stop"))
        return rs->dur_stop;
    return NULL;
}

/* `duration ID days=N : words` (a unit: "weeks" is 7 days) or `duration ID
 * count=N : words` (a number word: "couple" is 2), single words each. */
static void rules_add_duration(load_ctx *c, cn_rules *rs, record *r)
{
    double v = 0;
    bool unit = find_attr(r, "days") != NULL, count = find_attr(r, "count") != NULL;
    if (!r->id || r->n_patterns == 0 || unit == count) {
        problem(c, r->file, r->line,
                "duration needs an id, days=N or count=N, and words: duration ID days=7 : week "
                "| weeks");
        return;
    }
    if (!attr_number(c, r, unit ? "days" : "count", 0.0001, 100000, &v))
        return;
    check_unused(c, r);
    double *dv = realloc(rs->dur_value, (rs->n_dur_value + 1) * sizeof *dv);
    if (!dv) {
        problem(c, r->file, r->line, "out of memory");
        return;
    }
    rs->dur_value = dv;
    dv[rs->n_dur_value] = v;
    cn_u64map *map = unit ? rs->dur_unit : rs->dur_count;
    for (size_t i = 0; i < r->n_patterns; i++) {
        cn_tokens *t = cn_rules_tokenize(rs, r->patterns[i], strlen(r->patterns[i]));
        if (!t)
            return;
        if (cn_tokens_count(t) != 1)
            problem(c, r->file, r->line, "duration words must be single words: '%s'",
                    r->patterns[i]);
        else if (cn_u64map_get(map, cn_tokens_at(t, 0)->hash) >= 0)
            problem(c, r->file, r->line, "duration word '%s' is given twice", r->patterns[i]);
        else if (cn_u64map_put(map, cn_tokens_at(t, 0)->hash, (int)rs->n_dur_value))
            problem(c, r->file, r->line, "out of memory");
        cn_tokens_free(t);
    }
    rs->n_dur_value++;
}

/* The CN_CHOICE_* bit of a class the choice reader reads (cn_choice), or 0. */
static unsigned choice_bit(const char *name)
{
    static const char *const NAMES[] = {
        "choice-join",     "choice-ask",     "choice-lean", "choice-advice", "choice-over",
        "choice-negation", "choice-depends", "choice-stop", "choice-versus",
    };
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (!strcmp(name, NAMES[i]))
            return 1u << i;
    return 0;
}

/* Word hash into the choice classes' map: its bit ORed into what it has. */
static int choice_add(cn_rules *rs, uint64_t hash, unsigned bit)
{
    int had = cn_u64map_get(rs->choice_words, hash);
    return cn_u64map_put(rs->choice_words, hash, (int)((had > 0 ? (unsigned)had : 0u) | bit));
}

static void rules_add_class(load_ctx *c, cn_rules *rs, record *r)
{
    if (!r->id || r->n_patterns == 0) {
        problem(c, r->file, r->line, "class needs a name and words: class NAME : word | word");
        return;
    }
    if (!strcmp(r->id, "num")) {
        problem(c, r->file, r->line, "class 'num' is built in");
        return;
    }
    for (size_t i = 0; i < r->n_patterns; i++) {
        cn_tokens *t = cn_rules_tokenize(rs, r->patterns[i], strlen(r->patterns[i]));
        if (!t)
            return;
        if (cn_tokens_count(t) != 1)
            problem(c, r->file, r->line, "class words must be single words: '%s'", r->patterns[i]);
        else if (cn_matcher_class_add(rs->matcher, r->id, cn_tokens_at(t, 0)->word, NULL) == 0 &&
                 class_map(rs, r->id) &&
                 cn_u64map_put(class_map(rs, r->id), cn_tokens_at(t, 0)->hash, 1))
            problem(c, r->file, r->line, "out of memory");
        else if (cn_tokens_count(t) == 1 && choice_bit(r->id) &&
                 choice_add(rs, cn_tokens_at(t, 0)->hash, choice_bit(r->id)))
            problem(c, r->file, r->line, "out of memory");
        cn_tokens_free(t);
    }
    check_unused(c, r);
}

/* The values a setting may take: what `classify` and `analyze` accept, so
 * that `rules check` refuses exactly what they would. Open bounds where a
 * limit itself is no valid value (a confidence level of 0 or 1). */
static bool setting_in_range(const char *name, double v, char *why, size_t size)
{
    static const struct {
        const char *name;
        double lo, hi;
        bool lo_open, hi_open;
    } RANGES[] = {
        {"interval_level", 0, 1, true, true},
        {"consensus_strong", 0, 1, true, false},
        {"consensus_moderate", 0, 1, true, false},
        {"consensus_weak", 0, 1, true, false},
        {"consensus_min_answers", 1, 1e6, false, false},
        {"consensus_posterior", 0, 1, false, true},
        {"review_low_confidence", 0, 1, false, false},
        {"review_fragment_words", 0, 1000, false, false},
        {"review_per_question", 0, 1e6, false, false},
        {"review_urgency_first", 0, 1, false, false},
        {"negation_scope", 1, 30, false, false},
        {"claim_min_topics", 1, 100, false, false},
        /* 0 would divide by zero; above 100 every confidence is a quarter */
        {"confidence_temperature", 0, 100, true, false},
        {"words_negation", 0, 2, false, false},
        {"words_placeholder", 0, 1, false, false},
        {"words_bigrams", 0, 1, false, false},
        {"words_lead", 0, 10, false, false},
        /* a log-odds shift beyond 10 would make the label all but fixed */
        {"decision_offset_cautionary", -10, 10, false, false},
        {"decision_offset_contraindicated", -10, 10, false, false},
        {"decision_offset_none", -10, 10, false, false},
        {"words_min_answers", 0, 1e6, false, false},
        {"words_l2", 0, 1e6, true, false},
        {"question_terms", 0, 1, false, false},
        {"question_terms_min_answers", 1, 1e6, false, false},
        {"question_terms_l2", 0, 1e6, true, false},
        {"choice_questions", 0, 1, false, false},
        {"choice_flag", 0, 1, false, false},
        {"fit_weight_reassuring", 0, 100, true, false},
        {"fit_weight_cautionary", 0, 100, true, false},
        {"fit_weight_contraindicated", 0, 100, true, false},
        {"fit_weight_none", 0, 100, true, false},
        {"qtype_min_probability", 0, 1, false, false},
        {"qtype_lean_probability", 0, 1, false, false},
        /* 0 turns the question prior off; a huge one is the same as 0 */
        {"relabel_concentration", 0, 1e6, false, false},
        /* 0 draws every prediction from the matrix itself; a huge one is the same */
        {"relabel_error_concentration", 0, 1e6, false, false},
    };
    for (size_t i = 0; i < sizeof RANGES / sizeof RANGES[0]; i++) {
        if (strcmp(name, RANGES[i].name))
            continue;
        bool ok = (RANGES[i].lo_open ? v > RANGES[i].lo : v >= RANGES[i].lo) &&
                  (RANGES[i].hi_open ? v < RANGES[i].hi : v <= RANGES[i].hi);
        if (!ok)
            snprintf(why, size, "%g is outside %s%g, %g%s", v, RANGES[i].lo_open ? "(" : "[",
                     RANGES[i].lo, RANGES[i].hi, RANGES[i].hi_open ? ")" : "]");
        return ok;
    }
    return true;
}

static void rules_set_setting(load_ctx *c, cn_rules *rs, record *r);

/* The levels in order: weak <= moderate <= strong. */
static void check_consensus_levels(load_ctx *c, const cn_rules *rs)
{
    double weak = cn_rules_setting(rs, "consensus_weak");
    double moderate = cn_rules_setting(rs, "consensus_moderate");
    double strong = cn_rules_setting(rs, "consensus_strong");
    if (weak <= moderate && moderate <= strong)
        return;
    const char *file = "settings.rules";
    unsigned line = 0;
    for (size_t i = 0; i < c->n_recs; i++)
        if (!strcmp(c->recs[i].kind, "setting") && c->recs[i].id &&
            !strncmp(c->recs[i].id, "consensus_", 10)) {
            file = c->recs[i].file;
            line = c->recs[i].line;
        }
    problem(c, file, line,
            "consensus levels out of order: need weak <= moderate <= strong (got %g, %g, %g)", weak,
            moderate, strong);
}

static void rules_set_setting(load_ctx *c, cn_rules *rs, record *r)
{
    for (size_t i = 0; i < N_SETTINGS; i++) {
        if (r->id && !strcmp(r->id, SETTING_DEFAULTS[i].name)) {
            double v;
            char why[128];
            if (!find_attr(r, "value"))
                problem(c, r->file, r->line, "setting %s needs value=NUMBER", r->id);
            else if (attr_number(c, r, "value", 0, 1e6, &v)) {
                if (setting_in_range(r->id, v, why, sizeof why))
                    rs->settings[i] = v;
                else
                    problem(c, r->file, r->line, "setting %s: %s", r->id, why);
            }
            check_unused(c, r);
            return;
        }
    }
    problem(c, r->file, r->line, "unknown setting '%s'", r->id ? r->id : "");
}

/* Split a pattern into matcher elements: wildcards and classes as written,
 * literal words through the same tokenizer and aliases as answer text. */
/* A pattern that another cue (or modifier of the same kind) already has, in
 * the same scope, matches the same words: overlap resolution keeps one of the
 * two, so the other silently never counts there. Say so, and say when a rule
 * repeats one of its own patterns. */
static void warn_shared_pattern(cn_rules *rs, const record *r, const char *pattern, int payload,
                                int earlier)
{
    if (earlier < 0 || (size_t)earlier >= rs->n || (size_t)payload >= rs->n)
        return;
    const cn_rule *mine = &rs->rules[payload], *other = &rs->rules[earlier];
    /* Only cues and modifiers compete for words (claims and question types may
     * share them). Rules for different question types (only=) or with
     * different anchoring apply in different places: a deliberate refinement. */
    bool competes = mine->kind != CN_RULE_CLAIM && mine->kind != CN_RULE_QUESTION;
    bool same_scope = mine->anchored == other->anchored &&
                      ((!mine->only && !other->only) ||
                       (mine->only && other->only && !strcmp(mine->only, other->only)));
    if (earlier == payload)
        warning(rs, r->file, r->line, "pattern '%s' is given twice in %s '%s'", pattern,
                cn_rule_kind_name(mine->kind), mine->id);
    else if (other->kind == mine->kind && competes && same_scope)
        warning(rs, r->file, r->line,
                "pattern '%s' of %s '%s' is already a pattern of %s '%s' (%s:%u): where it "
                "matches, only one of the two counts",
                pattern, cn_rule_kind_name(mine->kind), mine->id, cn_rule_kind_name(other->kind),
                other->id, other->file, other->line);
}

/* Each "**" gap lets a partial match go on in four ways (zero to three
 * words), so a pattern with three or more gaps, on text that keeps matching
 * it, multiplies its partial matches past what the matcher keeps alive
 * (cn_matcher: 256 at a time, the newest dropped): it costs time on every
 * answer and may miss matches. Say so at `rules check`. */
static void warn_costly_pattern(cn_rules *rs, const record *r, const char *pattern,
                                char *const *elems, size_t n)
{
    size_t gaps = 0;
    for (size_t i = 0; i < n; i++)
        gaps += strcmp(elems[i], "**") == 0;
    if (gaps >= 3)
        warning(rs, r->file, r->line,
                "pattern '%s' has %zu '**' gaps: its partial matches multiply on text that "
                "keeps matching it (up to 4^%zu from each word), costing time on every answer "
                "and past 256 at a time some are dropped; split it into shorter patterns",
                pattern, gaps, gaps);
}

/* A claim's topic kinds beyond the plain one: core ("!topic") and
 * excluding ("-topic"), each kept as its normalized words. */
typedef enum topic_mark { TOPIC_PLAIN, TOPIC_CORE, TOPIC_EXCLUDING } topic_mark;

/* Keep a claim's core or excluding topic as its normalized words ("e cig*");
 * only words and "word*" prefixes, which cn_claims compares with a match's
 * words. */
static void add_marked(load_ctx *c, cn_rules *rs, const record *r, const char *pattern,
                       char *const *elems, size_t n, int payload, topic_mark mark)
{
    const char *what = mark == TOPIC_CORE ? "core" : "excluding";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (elems[i][0] == '@' || elems[i][0] == '*') {
            problem(c, r->file, r->line, "%s topic '%s': only words and word* (no classes or gaps)",
                    what, pattern);
            return;
        }
        len += strlen(elems[i]) + 1;
    }
    cn_rule *rule = &rs->rules[payload];
    char ***list = mark == TOPIC_CORE ? &rule->core : &rule->excluding;
    size_t *count = mark == TOPIC_CORE ? &rule->n_core : &rule->n_excluding;
    char *joined = malloc(len + 1);
    char **grown = realloc(*list, (*count + 1) * sizeof *grown);
    if (grown)
        *list = grown;
    if (!joined || !grown) {
        free(joined);
        problem(c, r->file, r->line, "out of memory");
        return;
    }
    joined[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(joined, " ");
        strcat(joined, elems[i]);
    }
    /* kept in strcmp order (cn_rule.core): cn_claims finds the topics that
     * start with a phrase's first byte by a binary search, not a walk of
     * the whole list for every topic match */
    size_t at = *count;
    while (at > 0 && strcmp((*list)[at - 1], joined) > 0) {
        (*list)[at] = (*list)[at - 1];
        at--;
    }
    (*list)[at] = joined;
    (*count)++;
}

static int compile_pattern(load_ctx *c, cn_rules *rs, record *r, const char *pattern, int payload,
                           topic_mark mark)
{
    char *copy = strdup(pattern);
    char *elems[64];
    char *owned[64];
    size_t n = 0, n_owned = 0;
    char *save = NULL;
    bool ok = copy != NULL;
    for (char *w = copy ? strtok_r(copy, " \t", &save) : NULL; ok && w;
         w = strtok_r(NULL, " \t", &save)) {
        size_t wl = strlen(w);
        if (w[0] == '@' || !strcmp(w, "*") || !strcmp(w, "**") || (wl > 1 && w[wl - 1] == '*')) {
            for (char *p = w; *p; p++)
                if (*p >= 'A' && *p <= 'Z')
                    *p = (char)(*p + 32);
            if (w[0] == '@' && !cn_matcher_class_exists(rs->matcher, w + 1)) {
                problem(c, r->file, r->line, "pattern '%s': unknown word class '%s'", pattern, w);
                ok = false;
                break;
            }
            if (wl > 1 && w[wl - 1] == '*' && w[0] != '*' && strchr(w, '*') != w + wl - 1) {
                problem(c, r->file, r->line, "pattern '%s': '*' only at the end of a word",
                        pattern);
                ok = false;
                break;
            }
            if (n < 64)
                elems[n++] = w;
            continue;
        }
        if (strchr(w, '*') || strchr(w, '@')) {
            problem(c, r->file, r->line, "pattern '%s': stray '*' or '@' in '%s'", pattern, w);
            ok = false;
            break;
        }
        cn_tokens *t = cn_rules_tokenize(rs, w, wl);
        for (size_t i = 0; t && i < cn_tokens_count(t) && n < 64 && n_owned < 64; i++) {
            owned[n_owned] = strdup(cn_tokens_at(t, i)->word);
            elems[n++] = owned[n_owned++];
        }
        cn_tokens_free(t);
    }
    if (ok && n == 64) {
        problem(c, r->file, r->line, "pattern '%s' is too long", pattern);
        ok = false;
    }
    if (ok) {
        cn_error e;
        cn_error_clear(&e);
        int earlier = -1;
        if (n == 0) {
            problem(c, r->file, r->line, "pattern '%s' has no words", pattern);
        } else if (cn_matcher_add(rs->matcher, (const char *const *)elems, n, payload, &earlier,
                                  &e)) {
            problem(c, r->file, r->line, "pattern '%s': %s", pattern, e.message);
        } else {
            warn_shared_pattern(rs, r, pattern, payload, earlier);
            warn_costly_pattern(rs, r, pattern, elems, n);
            if (mark != TOPIC_PLAIN)
                add_marked(c, rs, r, pattern, elems, n, payload, mark);
        }
    }
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
    free(copy);
    return 0;
}

/* No byte of s[0..n) is one a JSON string escapes (a control, '"', '\\'). */
static bool json_plain(const char *s, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
            return false;
    return s != NULL;
}

static cn_rule *rules_push(cn_rules *rs)
{
    if (rs->n == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 256;
        cn_rule *r = realloc(rs->rules, cap * sizeof *r);
        if (!r)
            return NULL;
        rs->rules = r;
        rs->cap = cap;
    }
    cn_rule *rule = &rs->rules[rs->n++];
    memset(rule, 0, sizeof *rule);
    return rule;
}

static void fill_cue(load_ctx *c, record *r, cn_rule *rule)
{
    rule->weight = 1.0;
    if (!attr_stance(c, r, "stance", &rule->stance, false) && !find_attr(r, "stance"))
        problem(c, r->file, r->line, "cue needs stance=reassuring|cautionary|contraindicated");
    attr_number(c, r, "weight", 0.01, 10, &rule->weight);
    rule->negatable = true;
    /* Default flips: safe <-> unsafe; a negated worry is reassurance. */
    rule->negated =
        rule->stance == CN_STANCE_REASSURING ? CN_STANCE_CONTRAINDICATED : CN_STANCE_REASSURING;
    attr *adv = find_attr(r, "advice");
    if (adv && !strcmp(adv->value, "yes"))
        rule->advice = true;
    else if (adv && strcmp(adv->value, "no"))
        problem(c, r->file, r->line, "advice: expected yes or no, found '%s'", adv->value);
    attr *only = find_attr(r, "only");
    if (only)
        rule->only = strdup(only->value);
    attr *flip = find_attr(r, "flip_on");
    if (flip)
        rule->flip_on = strdup(flip->value);
    attr *anchor = find_attr(r, "anchor");
    if (anchor && !strcmp(anchor->value, "sentence"))
        rule->anchored = true;
    else if (anchor && strcmp(anchor->value, "none"))
        problem(c, r->file, r->line, "anchor: expected sentence or none, found '%s'",
                anchor->value);
    attr *cau = find_attr(r, "caution");
    if (cau && !strcmp(cau->value, "yes"))
        rule->caution = true;
    else if (cau && strcmp(cau->value, "no"))
        problem(c, r->file, r->line, "caution: expected yes or no, found '%s'", cau->value);
    attr *neg = find_attr(r, "negated");
    if (neg) {
        if (!strcmp(neg->value, "keep"))
            rule->negatable = false;
        else if (!strcmp(neg->value, "none"))
            rule->negated_drop = true;
        else
            attr_stance(c, r, "negated", &rule->negated, false);
    }
}

static void fill_modifier(load_ctx *c, record *r, cn_rule *rule, cn_rules *rs)
{
    rule->factor = 1.0;
    rule->scope = (int)rs->settings[4];
    if (rule->kind == CN_RULE_HEDGE || rule->kind == CN_RULE_HYPOTHETICAL) {
        attr *reach = find_attr(r, "reach");
        if (reach && !strcmp(reach->value, "sentence"))
            rule->whole_sentence = true;
        else if (reach && strcmp(reach->value, "forward"))
            problem(c, r->file, r->line, "reach: expected forward or sentence, found '%s'",
                    reach->value);
    }
    switch (rule->kind) {
    case CN_RULE_NEGATION: {
        double scope;
        if (attr_number(c, r, "scope", 1, 30, &scope))
            rule->scope = (int)scope;
        attr *dir = find_attr(r, "direction");
        if (dir && !strcmp(dir->value, "backward"))
            rule->backward = true;
        else if (dir && strcmp(dir->value, "forward"))
            problem(c, r->file, r->line, "direction: expected forward or backward, found '%s'",
                    dir->value);
        break;
    }
    case CN_RULE_HEDGE: {
        rule->factor = 0.7;
        attr_number(c, r, "factor", 0, 10, &rule->factor);
        attr *sh = find_attr(r, "shift");
        if (sh) {
            /* shift=contraindicated>cautionary */
            char *gt = strchr(sh->value, '>');
            if (!gt) {
                problem(c, r->file, r->line, "shift: expected FROM>TO, found '%s'", sh->value);
                break;
            }
            *gt = '\0';
            if (cn_stance_parse(sh->value, &rule->shift_from) ||
                cn_stance_parse(gt + 1, &rule->shift_to))
                problem(c, r->file, r->line, "shift: unknown stance in '%s>%s'", sh->value, gt + 1);
            else
                rule->has_shift = true;
            *gt = '>';
        }
        break;
    }
    case CN_RULE_INTENSIFIER:
        rule->factor = 1.5;
        attr_number(c, r, "factor", 0, 10, &rule->factor);
        break;
    case CN_RULE_EXPERIENCE:
        rule->factor = 1.3;
        attr_number(c, r, "factor", 0, 10, &rule->factor);
        break;
    case CN_RULE_HYPOTHETICAL:
        rule->factor = 0.4;
        attr_number(c, r, "factor", 0, 10, &rule->factor);
        break;
    case CN_RULE_CONTRAST: {
        rule->before = 0.5;
        rule->after = 1.5;
        attr_number(c, r, "before", 0, 10, &rule->before);
        attr_number(c, r, "after", 0, 10, &rule->after);
        attr *d = find_attr(r, "direction");
        if (d && !strcmp(d->value, "concessive"))
            rule->direction = CN_CONTRAST_CONCESSIVE;
        else if (d && strcmp(d->value, "forward"))
            problem(c, r->file, r->line, "direction: expected forward or concessive, found '%s'",
                    d->value);
        break;
    }
    default:
        break;
    }
}

/* `wait ID side=asker|answer|both [at=before|after|both] : patterns` (cn_wait). */
static void fill_wait(load_ctx *c, record *r, cn_rule *rule)
{
    attr *side = find_attr(r, "side");
    if (!side || (strcmp(side->value, "asker") && strcmp(side->value, "answer") &&
                  strcmp(side->value, "both")))
        problem(c, r->file, r->line, "wait needs side=asker, side=answer or side=both");
    else {
        rule->wait_asker = strcmp(side->value, "answer") != 0;
        rule->wait_answer = strcmp(side->value, "asker") != 0;
    }
    attr *at = find_attr(r, "at");
    rule->wait_before = !at || strcmp(at->value, "after") != 0;
    rule->wait_after = at && (!strcmp(at->value, "after") || !strcmp(at->value, "both"));
    if (at && strcmp(at->value, "before") && strcmp(at->value, "after") &&
        strcmp(at->value, "both"))
        problem(c, r->file, r->line, "at: expected before, after or both, found '%s'", at->value);
}

static void compile_record(load_ctx *c, cn_rules *rs, record *r)
{
    int kind = kind_of(r->kind);
    if (kind < 0) {
        problem(c, r->file, r->line, "unknown rule kind '%s'", r->kind);
        return;
    }
    if (!r->id) {
        problem(c, r->file, r->line, "%s needs an id", r->kind);
        return;
    }
    if (cn_strmap_get(rs->ids[kind], r->id) >= 0) {
        problem(c, r->file, r->line, "duplicate %s id '%s'", r->kind, r->id);
        return;
    }
    if (r->n_patterns == 0) {
        problem(c, r->file, r->line, "%s %s has no patterns (add ': pattern | pattern')", r->kind,
                r->id);
        return;
    }
    cn_rule *rule = rules_push(rs);
    if (!rule)
        return;
    size_t index = rs->n - 1;
    rule->kind = (cn_rule_kind)kind;
    rule->id = strdup(r->id);
    rule->id_len = rule->id ? strlen(rule->id) : 0;
    rule->id_plain = json_plain(rule->id, rule->id_len);
    rule->file = strdup(r->file);
    rule->line = r->line;
    cn_strmap_put(rs->ids[kind], r->id, (int)index);
    if (kind == CN_RULE_CUE) {
        fill_cue(c, r, rule);
    } else if (kind == CN_RULE_CLAIM) {
        attr *st = find_attr(r, "statement");
        if (!st || !*st->value)
            problem(c, r->file, r->line, "claim needs statement=\"...\"");
        else
            rule->statement = strdup(st->value);
        attr *about = find_attr(r, "about");
        if (about && !*about->value)
            problem(c, r->file, r->line, "claim about=\"...\" is empty");
        else if (about)
            rule->about = strdup(about->value);
        double min;
        if (attr_number(c, r, "min", 1, 100, &min)) {
            if (min != (double)(size_t)min)
                problem(c, r->file, r->line, "min: expected a whole number, found %g", min);
            else
                rule->min_topics = (size_t)min;
        }
    } else if (kind == CN_RULE_QUESTION) {
        attr *def = find_attr(r, "default");
        if (def && !strcmp(def->value, "yes"))
            rule->is_default = true;
        else if (def && strcmp(def->value, "no"))
            problem(c, r->file, r->line, "default: expected yes or no, found '%s'", def->value);
        attr *flag = find_attr(r, "flag");
        if (flag && !strcmp(flag->value, "yes"))
            rule->is_flag = true;
        else if (flag && strcmp(flag->value, "no"))
            problem(c, r->file, r->line, "flag: expected yes or no, found '%s'", flag->value);
        if (rule->is_flag && rule->is_default)
            problem(c, r->file, r->line, "a question flag cannot be the default type");
        attr *over = find_attr(r, "over");
        if (over && (!rule->is_flag || !*over->value))
            problem(c, r->file, r->line, "over=FLAG is for question flags and names one");
        else if (over && !(rule->over = strdup(over->value)))
            problem(c, r->file, r->line, "out of memory");
    } else if (kind == CN_RULE_WAIT) {
        fill_wait(c, r, rule);
        rs->has_asker_waits |= rule->wait_asker;
    } else {
        fill_modifier(c, r, rule, rs);
    }
    check_unused(c, r);
    for (size_t i = 0; i < r->n_patterns; i++) {
        const char *pattern = r->patterns[i];
        bool marked = pattern[0] == '!' || pattern[0] == '-';
        if (marked && kind != CN_RULE_CLAIM)
            problem(c, r->file, r->line, "pattern '%s': '%c' marks %s topics of claims only",
                    pattern, pattern[0], pattern[0] == '!' ? "core" : "excluding");
        else
            compile_pattern(c, rs, r, pattern + marked, (int)index,
                            !marked             ? TOPIC_PLAIN
                            : pattern[0] == '!' ? TOPIC_CORE
                                                : TOPIC_EXCLUDING);
    }
}

void cn_rules_free(cn_rules *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->rules[i].id);
        free(rs->rules[i].file);
        free(rs->rules[i].statement);
        free(rs->rules[i].about);
        free(rs->rules[i].only);
        free(rs->rules[i].flip_on);
        free(rs->rules[i].over);
        for (size_t k = 0; k < rs->rules[i].n_core; k++)
            free(rs->rules[i].core[k]);
        free(rs->rules[i].core);
        for (size_t k = 0; k < rs->rules[i].n_excluding; k++)
            free(rs->rules[i].excluding[k]);
        free(rs->rules[i].excluding);
    }
    free(rs->rules);
    free(rs->kinds);
    for (size_t i = 0; i < rs->n_warnings; i++)
        free(rs->warnings[i]);
    free(rs->warnings);
    for (size_t i = 0; i < rs->n_aliases; i++) {
        free(rs->alias_expansions[i]);
        free(rs->alias_words[i]);
    }
    free(rs->alias_expansions);
    free(rs->alias_words);
    cn_lexicon_free(rs->lexicon);
    cn_strmap_free(rs->aliases);
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++)
        cn_strmap_free(rs->ids[k]);
    cn_matcher_free(rs->matcher);
    cn_model_free(rs->model);
    cn_qtype_free(rs->qtype);
    cn_u64map_free(rs->question_stop);
    cn_u64map_free(rs->choice_words);
    cn_u64map_free(rs->dur_unit);
    cn_u64map_free(rs->dur_count);
    cn_u64map_free(rs->dur_filler);
    cn_u64map_free(rs->dur_range);
    cn_u64map_free(rs->dur_stop);
    free(rs->dur_value);
    for (size_t i = 0; i < rs->n_type_offsets; i++)
        free(rs->type_offsets[i].flag);
    free(rs->type_offsets);
    free(rs);
}

static cn_rules *rules_alloc(void)
{
    cn_rules *rs = calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    rs->matcher = cn_matcher_new();
    rs->aliases = cn_strmap_new();
    rs->question_stop = cn_u64map_new();
    rs->choice_words = cn_u64map_new();
    rs->dur_unit = cn_u64map_new();
    rs->dur_count = cn_u64map_new();
    rs->dur_filler = cn_u64map_new();
    rs->dur_range = cn_u64map_new();
    rs->dur_stop = cn_u64map_new();
    cn_error qerr;
    bool ok = rs->matcher && rs->aliases && rs->question_stop && rs->choice_words && rs->dur_unit &&
              rs->dur_count && rs->dur_filler && rs->dur_range && rs->dur_stop &&
              cn_qtype_new(&rs->qtype, &qerr) == CN_OK;
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++)
        ok = ok && (rs->ids[k] = cn_strmap_new()) != NULL;
    for (size_t i = 0; i < N_SETTINGS; i++)
        rs->settings[i] = SETTING_DEFAULTS[i].value;
    if (!ok) {
        cn_rules_free(rs);
        return NULL;
    }
    return rs;
}

/* One `confusion TRUE reassuring=N cautionary=N contraindicated=N none=N`
 * line: how the classifier labelled answers whose true stance is TRUE. */
static void rules_set_confusion(load_ctx *c, cn_rules *rs, record *r)
{
    cn_stance t;
    if (!r->id || cn_stance_parse(r->id, &t)) {
        problem(c, r->file, r->line, "confusion: unknown stance '%s'", r->id ? r->id : "");
        return;
    }
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        const char *key = cn_stance_name((cn_stance)k);
        double v = 0;
        if (attr_number(c, r, key, 0, 1e9, &v))
            rs->confusion[t][k] = v;
        else if (!find_attr(r, key))
            problem(c, r->file, r->line, "confusion %s needs %s=COUNT", r->id, key);
    }
    if (r->n_patterns)
        problem(c, r->file, r->line, "a confusion line takes no patterns");
    check_unused(c, r);
    rs->has_confusion = true;
}

/* One `decision_offset qtype/TYPE cautionary=X contraindicated=X none=X`
 * line (each optional, 0 when left out): what answers to questions the
 * classifier typed TYPE add to the settings' decision offsets. Reassuring
 * takes none: the others' log-odds are against it. */
static void rules_add_type_offset(load_ctx *c, cn_rules *rs, record *r)
{
    const char *id = r->id ? r->id : "";
    if (strncmp(id, "qtype/", 6) || !id[6] || !strncmp(id, "qtype/maybe-", 12)) {
        problem(c, r->file, r->line,
                "decision_offset: '%s' is not a question type of the classifier (qtype/TYPE)", id);
        return;
    }
    for (size_t i = 0; i < rs->n_type_offsets; i++)
        if (!strcmp(rs->type_offsets[i].flag, id)) {
            problem(c, r->file, r->line, "decision_offset %s: given twice", id);
            return;
        }
    type_offset t = {.file = r->file, .line = r->line};
    bool any = false;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        if (k != CN_STANCE_REASSURING)
            any |= attr_number(c, r, cn_stance_name((cn_stance)k), -10, 10, &t.add[k]);
    if (!any)
        problem(c, r->file, r->line,
                "decision_offset %s needs cautionary=, contraindicated= or none=NUMBER", id);
    if (r->n_patterns)
        problem(c, r->file, r->line, "a decision_offset line takes no patterns");
    check_unused(c, r);
    type_offset *grown = realloc(rs->type_offsets, (rs->n_type_offsets + 1) * sizeof *grown);
    if (!grown || !(t.flag = strdup(id))) {
        if (grown)
            rs->type_offsets = grown;
        problem(c, r->file, r->line, "out of memory");
        return;
    }
    rs->type_offsets = grown;
    rs->type_offsets[rs->n_type_offsets++] = t;
}

/* A `decision_offset` line names a type the folder's question-type model
 * gives; without a model (a folder left without qtype.rules) the lines are
 * kept but never apply, which `rules check` says. */
static void check_type_offsets(load_ctx *c, cn_rules *rs)
{
    size_t nq = cn_qtype_labels(rs->qtype);
    for (size_t i = 0; i < rs->n_type_offsets; i++) {
        type_offset *t = &rs->type_offsets[i];
        bool known = false;
        for (size_t q = 0; q < nq && !known; q++)
            known = !strcmp(cn_qtype_flag(rs->qtype, q), t->flag);
        if (nq && !known)
            problem(c, t->file, t->line, "decision_offset: the question-type model has no %s",
                    t->flag);
        else if (!nq)
            warning(rs, t->file, t->line,
                    "decision_offset %s: no question-type model (qtype.rules), never applies",
                    t->flag);
        t->file = NULL; /* the load's, freed after it */
    }
}

/* One `weight FEATURE reassuring=W cautionary=W contraindicated=W none=W` line. */
static void rules_set_weight(load_ctx *c, cn_rules *rs, record *r)
{
    bool word = r->id && !strncmp(r->id, "word/", 5);
    long f = r->id && !word ? cn_model_feature_index(rs->model, r->id) : -1;
    if (f < 0 && !word) {
        problem(c, r->file, r->line, "unknown decision feature '%s'", r->id ? r->id : "");
        return;
    }
    double w[CN_STANCE_COUNT] = {0};
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        const char *key = cn_stance_name((cn_stance)k);
        if (!attr_number(c, r, key, -1e3, 1e3, &w[k]) && !find_attr(r, key))
            problem(c, r->file, r->line, "weight %s needs %s=NUMBER", r->id, key);
    }
    if (r->n_patterns)
        problem(c, r->file, r->line, "a weight takes no patterns");
    check_unused(c, r);
    cn_error werr;
    cn_error_clear(&werr);
    if (!word)
        cn_model_set_weights(rs->model, (size_t)f, w);
    else if (cn_model_add_word(rs->model, r->id + 5, w, &werr) != CN_OK)
        problem(c, r->file, r->line, "%s", werr.message);
}

/* One `qtype TERM LABEL=W ...` line of the question-type model (cn_qtype). */
static void rules_add_qtype(load_ctx *c, cn_rules *rs, record *r)
{
    const char *labels[MAX_ATTRS];
    double values[MAX_ATTRS];
    size_t n = 0;
    bool ok = r->id != NULL;
    if (!ok)
        problem(c, r->file, r->line, "qtype: missing term");
    for (size_t i = 0; ok && i < r->n_attrs; i++) {
        r->attrs[i].used = true;
        labels[n] = r->attrs[i].key;
        if (!plain_decimal(r->attrs[i].value, &values[n++])) {
            problem(c, r->file, r->line, "qtype %s: %s=%s is not a number", r->id, r->attrs[i].key,
                    r->attrs[i].value);
            ok = false;
        }
    }
    if (r->n_patterns) {
        problem(c, r->file, r->line, "a qtype line takes no patterns");
        ok = false;
    }
    cn_error qerr;
    cn_error_clear(&qerr);
    if (ok && cn_qtype_add(rs->qtype, r->id, labels, values, n, &qerr) != CN_OK)
        problem(c, r->file, r->line, "%s", qerr.message);
}

/* The lexicon (cn_lexicon) of the loaded rules: every vocabulary word of
 * the sealed matcher, every alias's word, and the model's word terms (a slot
 * for each a word can spell, a filter bit for the others). None is kept when
 * two of its keys collide (the three tables then answer). Returns 0, or -1
 * on OOM. */
static int build_lexicon(cn_rules *rs)
{
    cn_lexicon *lx = cn_lexicon_new();
    if (!lx)
        return -1;
    int rc = 0;
    const cn_matcher *m = rs->matcher;
    for (size_t e = 0; rc == 0 && e < cn_matcher_vocab_count(m); e++) {
        const char *w = cn_matcher_vocab_word(m, e);
        rc = e > INT32_MAX ? -1 : cn_lexicon_add_word(lx, w, strlen(w), (int32_t)e, -1);
    }
    for (size_t a = 0; rc == 0 && a < rs->n_aliases; a++) {
        const char *w = rs->alias_words[a];
        rc = cn_lexicon_add_word(lx, w, strlen(w), -1, (int32_t)a);
    }
    for (size_t i = 0; rc == 0 && i < cn_model_words(rs->model); i++) {
        const char *t = cn_model_word_name(rs->model, i) + 5; /* after "word/" */
        uint64_t h = cn_hash_bytes(t, strlen(t));
        /* no word holds '+', '!', '<' or '^': bigrams, negated, question
         * and lead terms are never a token's own */
        rc = strpbrk(t, "+!<^") ? cn_lexicon_add_other_term(lx, h)
                                : cn_lexicon_add_term(lx, h, (int32_t)i);
    }
    if (rc == 0)
        rc = cn_lexicon_build(lx);
    if (rc || !cn_lexicon_usable(lx)) {
        /* out of memory, or two of its keys share a hash: the readers
         * keep to their own tables, which answer the same, more slowly */
        cn_lexicon_free(lx);
        return rc;
    }
    rs->lexicon = lx;
    rs->lexicon_words = cn_model_words_version(rs->model);
    return 0;
}

/* The decision model: question types and flags come from the question rules,
 * weights from the weight lines. Returns -1 when memory runs out. */
static int build_model(load_ctx *c, cn_rules *rs, cn_error *err)
{
    const char **types = calloc(rs->n + 1, sizeof *types);
    size_t nq = cn_qtype_labels(rs->qtype);
    const char **flags = calloc(rs->n + 2 * nq + 2, sizeof *flags);
    const char **cues = calloc(rs->n + 1, sizeof *cues);
    size_t nt = 0, nf = 0, nc = 0;
    int rc = types && flags && cues ? CN_OK : -1;
    for (size_t i = 0; rc == CN_OK && i < rs->n; i++) {
        cn_rule *r = &rs->rules[i];
        if (r->kind == CN_RULE_QUESTION && r->is_flag) {
            const cn_rule *o = r->over ? cn_rules_find(rs, CN_RULE_QUESTION, r->over) : NULL;
            if (r->over && (!o || !o->is_flag || o == r))
                problem(c, r->file, r->line, "over=%s: no other question flag has that name",
                        r->over);
            flags[nf++] = r->id;
        } else if (r->kind == CN_RULE_QUESTION)
            types[nt++] = r->id;
        else if (r->kind == CN_RULE_CUE)
            r->cue_index = nc, cues[nc++] = r->id;
    }
    /* the question-type model's answer is a flag too ("qtype/done") */
    for (size_t i = 0; rc == CN_OK && i < nq; i++)
        flags[nf++] = cn_qtype_flag(rs->qtype, i);
    /* and, with setting qtype_lean_probability, a type that fits less surely */
    bool lean = cn_rules_setting(rs, "qtype_lean_probability") > 0;
    for (size_t i = 0; rc == CN_OK && i < nq && lean; i++)
        flags[nf++] = cn_qtype_lean_flag(rs->qtype, i);
    /* and, with setting choice_flag, a choice question's (cn_annotate) */
    if (rc == CN_OK && cn_rules_setting(rs, "choice_flag") > 0)
        flags[nf++] = "choice";
    if (rc == CN_OK && cn_model_new(types, nt, flags, nf, cues, nc, &rs->model, err))
        rc = -1;
    free(types);
    free(flags);
    free(cues);
    for (size_t i = 0; rc == CN_OK && i < c->n_recs; i++)
        if (!strcmp(c->recs[i].kind, "weight"))
            rules_set_weight(c, rs, &c->recs[i]);
    return rc;
}

int cn_rules_load(const char *dir, cn_rules **out, cn_rules_diag_fn diag, void *diag_ctx,
                  cn_error *err)
{
    *out = NULL;
    char **names = NULL;
    size_t n_names = 0;
    int rc = list_rule_files(dir, ".rules", &names, &n_names, err);
    if (rc) {
        for (size_t i = 0; i < n_names; i++)
            free(names[i]);
        free(names);
        return rc;
    }
    load_ctx c = {.diag = diag, .diag_ctx = diag_ctx};
    cn_rules *rs = rules_alloc();
    cn_sha256_ctx sha;
    cn_sha256_init(&sha);
    for (size_t i = 0; rs && i < n_names && rc == CN_OK; i++)
        rc = parse_file(&c, dir, names[i], &sha, err);
    if (!rs && rc == CN_OK)
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK)
        rc = hash_text_files(dir, &sha, err);
    if (rc == CN_OK) {
        unsigned char d[32];
        cn_sha256_final(&sha, d);
        cn_sha256_digest_hex(d, rs->sha256, 64);
        /* Settings, aliases and classes first: patterns depend on them. */
        for (size_t i = 0; i < c.n_recs; i++) {
            record *r = &c.recs[i];
            if (!strcmp(r->kind, "setting"))
                rules_set_setting(&c, rs, r);
            else if (!strcmp(r->kind, "alias"))
                rules_add_alias(&c, rs, r);
        }
        check_consensus_levels(&c, rs);
        for (size_t i = 0; i < c.n_recs; i++)
            if (!strcmp(c.recs[i].kind, "class"))
                rules_add_class(&c, rs, &c.recs[i]);
            else if (!strcmp(c.recs[i].kind, "duration"))
                rules_add_duration(&c, rs, &c.recs[i]);
        for (size_t i = 0; i < c.n_recs; i++) {
            record *r = &c.recs[i];
            if (!strcmp(r->kind, "confusion"))
                rules_set_confusion(&c, rs, r);
            else if (!strcmp(r->kind, "qtype"))
                rules_add_qtype(&c, rs, r);
            else if (!strcmp(r->kind, "decision_offset"))
                rules_add_type_offset(&c, rs, r);
            else if (strcmp(r->kind, "setting") && strcmp(r->kind, "alias") &&
                     strcmp(r->kind, "class") && strcmp(r->kind, "weight") &&
                     strcmp(r->kind, "duration"))
                compile_record(&c, rs, r);
        }
        if (build_model(&c, rs, err))
            rc = CN_ERR_NOMEM;
        check_type_offsets(&c, rs);
        for (size_t i = 0; rc == CN_OK && i < rs->n; i++) {
            if (rs->rules[i].only &&
                cn_strmap_get(rs->ids[CN_RULE_QUESTION], rs->rules[i].only) < 0)
                problem(&c, rs->rules[i].file, rs->rules[i].line,
                        "only: unknown question type '%s'", rs->rules[i].only);
            if (rs->rules[i].flip_on &&
                cn_strmap_get(rs->ids[CN_RULE_QUESTION], rs->rules[i].flip_on) < 0)
                problem(&c, rs->rules[i].file, rs->rules[i].line,
                        "flip_on: unknown question type '%s'", rs->rules[i].flip_on);
        }
    }
    for (size_t i = 0; i < c.n_recs; i++)
        record_clear(&c.recs[i]);
    free(c.recs);
    for (size_t i = 0; i < c.n_texts; i++)
        free(c.texts[i]);
    free(c.texts);
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    free(names);
    if (rc == CN_OK && c.problems)
        rc = cn_error_set(err, CN_ERR_RULES, "%s: %zu problem%s in the rules", dir, c.problems,
                          c.problems == 1 ? "" : "s");
    if (rc == CN_OK && !(rs->kinds = malloc(rs->n + 1)))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == CN_OK && i < rs->n; i++)
        rs->kinds[i] = (unsigned char)rs->rules[i].kind;
    /* every pattern and class is in: each vocabulary word's keys compiled */
    if (rc == CN_OK && cn_matcher_seal(rs->matcher))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    /* and, sealed, joined with the aliases and word terms */
    if (rc == CN_OK && build_lexicon(rs))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc) {
        cn_rules_free(rs);
        return rc;
    }
    *out = rs;
    return CN_OK;
}

cn_rule_kind cn_rules_kind_at(const cn_rules *rs, size_t i)
{
    return (cn_rule_kind)rs->kinds[i];
}

size_t cn_rules_count(const cn_rules *rs)
{
    return rs->n;
}

const cn_rule *cn_rules_at(const cn_rules *rs, size_t i)
{
    return i < rs->n ? &rs->rules[i] : NULL;
}

const cn_rule *cn_rules_find(const cn_rules *rs, cn_rule_kind kind, const char *id)
{
    int i = cn_strmap_get(rs->ids[kind], id);
    return i >= 0 ? &rs->rules[i] : NULL;
}

const cn_matcher *cn_rules_matcher(const cn_rules *rs)
{
    return rs->matcher;
}

size_t cn_rules_patterns(const cn_rules *rs)
{
    return cn_matcher_patterns(rs->matcher);
}

bool cn_rules_question_stop(const cn_rules *rs, uint64_t hash)
{
    return cn_u64map_get(rs->question_stop, hash) >= 0;
}

unsigned cn_rules_choice_class(const cn_rules *rs, uint64_t hash)
{
    int v = cn_u64map_get(rs->choice_words, hash);
    return v > 0 ? (unsigned)v : 0u;
}

static bool duration_value(const cn_rules *rs, const cn_u64map *map, uint64_t hash, double *v)
{
    int i = cn_u64map_get(map, hash);
    if (i < 0)
        return false;
    *v = rs->dur_value[i];
    return true;
}

bool cn_rules_duration_unit(const cn_rules *rs, uint64_t hash, double *days)
{
    return duration_value(rs, rs->dur_unit, hash, days);
}

bool cn_rules_duration_count(const cn_rules *rs, uint64_t hash, double *value)
{
    return duration_value(rs, rs->dur_count, hash, value);
}

bool cn_rules_duration_filler(const cn_rules *rs, uint64_t hash)
{
    return cn_u64map_get(rs->dur_filler, hash) >= 0;
}

bool cn_rules_duration_range(const cn_rules *rs, uint64_t hash)
{
    return cn_u64map_get(rs->dur_range, hash) >= 0;
}

bool cn_rules_duration_stop(const cn_rules *rs, uint64_t hash)
{
    return cn_u64map_get(rs->dur_stop, hash) >= 0;
}

bool cn_rules_has_asker_waits(const cn_rules *rs)
{
    return rs->has_asker_waits;
}

double cn_rules_setting_at(const cn_rules *rs, cn_setting_id id)
{
    return (unsigned)id < CN_SETTING_ID_COUNT ? rs->settings[id] : 0;
}

const char *cn_rules_setting_name(cn_setting_id id)
{
    return (unsigned)id < CN_SETTING_ID_COUNT ? SETTING_DEFAULTS[id].name : NULL;
}

double cn_rules_setting(const cn_rules *rs, const char *name)
{
    /* the first byte before the whole name: classifying asks for settings
     * per answer, and most names differ at once */
    for (size_t i = 0; i < N_SETTINGS; i++)
        if (name[0] == SETTING_DEFAULTS[i].name[0] && !strcmp(name, SETTING_DEFAULTS[i].name))
            return rs->settings[i];
    return 0;
}

size_t cn_rules_cues(const cn_rules *rs)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->n; i++)
        n += rs->rules[i].kind == CN_RULE_CUE;
    return n;
}

void cn_rules_decision_offsets(const cn_rules *rs, const char *const *flags, size_t n_flags,
                               double offset[CN_STANCE_COUNT])
{
    offset[CN_STANCE_REASSURING] = 0; /* the others' log-odds are against it */
    offset[CN_STANCE_CAUTIONARY] = rs->settings[CN_SETTING_DECISION_OFFSET_CAUTIONARY];
    offset[CN_STANCE_CONTRAINDICATED] = rs->settings[CN_SETTING_DECISION_OFFSET_CONTRAINDICATED];
    offset[CN_STANCE_NONE] = rs->settings[CN_SETTING_DECISION_OFFSET_NONE];
    /* a question has at most one sure type flag (cn_annotate.c), and the
     * lines are few: a plain scan */
    for (size_t f = 0; f < n_flags && rs->n_type_offsets; f++)
        for (size_t i = 0; flags[f] && i < rs->n_type_offsets; i++)
            if (!strcmp(flags[f], rs->type_offsets[i].flag)) {
                for (int k = 0; k < CN_STANCE_COUNT; k++)
                    offset[k] += rs->type_offsets[i].add[k];
                return;
            }
}

const double (*cn_rules_confusion(const cn_rules *rs))[CN_STANCE_COUNT]
{
    return rs->has_confusion ? (const double(*)[CN_STANCE_COUNT])rs->confusion : NULL;
}

const cn_qtype *cn_rules_qtype(const cn_rules *rs)
{
    return rs->qtype;
}

cn_model *cn_rules_model(const cn_rules *rs)
{
    return rs->model;
}

bool cn_rules_token_terms(const cn_rules *rs)
{
    return rs->lexicon && rs->lexicon_words == cn_model_words_version(rs->model);
}

const char *cn_rules_sha256(const cn_rules *rs)
{
    return rs->sha256;
}

/* A token's term the lexicon cannot tell is one the word terms look up. */
_Static_assert(CN_LEXICON_TERM_UNKNOWN == CN_LEX_TERM_UNKNOWN, "the same 'look it up'");

/* What the lexicon says of the newest token of out, kept on it: for a word
 * pushed in place of the one looked up (an alias's expansion, a stem). */
static void look_up_last(const cn_rules *rs, cn_tokens *out)
{
    cn_token *t = cn_tokens_last(out);
    cn_lex_entry e = cn_lexicon_find(rs->lexicon, t->word, t->len, t->hash);
    t->lexicon = true;
    t->vocab = e.vocab;
    t->term = e.term;
}

/* Push word[0..len) like t (cn_tokens_push_word), looked up in the lexicon
 * when the rules have one. */
static int push_word(const cn_rules *rs, cn_tokens *out, const char *word, size_t len,
                     const cn_token *t, bool number)
{
    if (cn_tokens_push_word(out, word, len, t, number))
        return -1;
    if (rs->lexicon)
        look_up_last(rs, out);
    return 0;
}

/* Push the words of an expansion (separated by spaces), all spanning the
 * original token. */
static int push_expansion(const cn_rules *rs, cn_tokens *out, const char *exp, const cn_token *t)
{
    while (*exp) {
        size_t n = strcspn(exp, " ");
        if (n > 0 && push_word(rs, out, exp, n, t, false))
            return -1;
        exp += n;
        exp += strspn(exp, " ");
    }
    return 0;
}

/* The word's alias, -1 if none: the lexicon's answer e when the rules have
 * one, else the alias map's (while the rules load). */
static int alias_of(const cn_rules *rs, const cn_token *t, const cn_lex_entry *e)
{
    if (rs->lexicon)
        return e->alias;
    return cn_word_filter_may_have(&rs->alias_filter, t->hash)
               ? cn_strmap_getn_hashed(rs->aliases, t->word, t->len, t->hash)
               : -1;
}

/* One word of the text: its alias's words, a "n't" split off as "not", a
 * "'s" dropped, or the word itself. The word is looked up in the lexicon
 * once, here: its alias, and for the word kept as it is, its matcher
 * vocabulary entry and word term, which the token keeps (cn_token.vocab,
 * cn_token.term) for the matcher and the word terms. */
static int rules_word(void *ctx, cn_tokens *out, const cn_token *t)
{
    const cn_rules *rs = ctx;
    const char *w = t->word;
    size_t wl = t->len;
    cn_lex_entry e = {-1, -1, -1};
    if (rs->lexicon)
        e = cn_lexicon_find(rs->lexicon, w, wl, t->hash);
    int a = alias_of(rs, t, &e);
    if (a >= 0)
        return push_expansion(rs, out, rs->alias_expansions[a], t);
    if (wl > 3 && !memcmp(w + wl - 3, "n't", 3)) {
        if (push_word(rs, out, w, wl - 3, t, false))
            return -1;
        return push_word(rs, out, "not", 3, t, false);
    }
    /* possessive or "is": keep the stem; aliases cover "it's", "that's" */
    if (wl > 2 && !memcmp(w + wl - 2, "'s", 2))
        return push_word(rs, out, w, wl - 2, t, false);
    if (!rs->lexicon)
        return cn_tokens_push_word(out, w, wl, t, t->number);
    /* the word as found, with what the lexicon says */
    return cn_tokens_push_found(out, t, e.vocab, e.term);
}

__attribute__((flatten)) int cn_rules_tokenize_into(const cn_rules *rs, cn_tokens *out,
                                                    const char *text, size_t len, unsigned sentence,
                                                    unsigned clause)
{
    return cn_tokens_append(out, text, len, sentence, clause, rules_word, (void *)rs);
}

cn_tokens *cn_rules_tokenize(const cn_rules *rs, const char *text, size_t len)
{
    cn_tokens *out = cn_tokens_new_empty();
    if (out && cn_rules_tokenize_into(rs, out, text, len, 0, 0)) {
        cn_tokens_free(out);
        return NULL;
    }
    return out;
}

size_t cn_rules_warning_count(const cn_rules *rs)
{
    return rs->n_warnings;
}

const char *cn_rules_warning(const cn_rules *rs, size_t i)
{
    return i < rs->n_warnings ? rs->warnings[i] : NULL;
}
