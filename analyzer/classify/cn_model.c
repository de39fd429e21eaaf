/* cn_model: features of a classified answer, a multinomial logistic decision, its fit. */
#include "cn_model.h"
#include "cn_grow.h"

#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_minimize.h"
#include "cn_termindex.h"

#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Stances that carry cue weight, in feature order. */
static const cn_stance POLES[3] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                   CN_STANCE_CONTRAINDICATED};

/* Fixed features before the question ones. */
enum {
    F_BIAS = 0,
    F_SCORE = 1,        /* + pole */
    F_TITLE = 4,        /* + pole */
    F_LAST = 7,         /* + pole */
    F_FIRST = 10,       /* + pole */
    F_CONDITIONAL = 13, /* + pole */
    F_ADVICE = 16,
    F_HEDGED = 17,
    F_NO_CUES = 18,
    F_LENGTH = 19,
    F_WAIT_BEYOND = 20,   /* the answer's wait is longer than the asker's time point */
    F_WAIT_WITHIN = 21,   /* ... no longer than it */
    F_WAIT_NO_POINT = 22, /* a wait, and the question names no time point */
    F_FIXED = 23
};

struct cn_model {
    char **types, **flags, **cues;
    size_t n_types, n_flags, n_cues;
    char **names;
    size_t n_features;
    double *w;          /* n_features x CN_STANCE_COUNT */
    size_t n_nonfinite; /* weights that are inf or NaN (none, in any real rule set) */
    bool active;
    /* the lexical block: word terms, their weights and hash -> index */
    /* "word/TERM\0" of every word, one after another in one buffer (one
     * allocation, not one a word: tens of thousands load with every command) */
    char *word_text;
    size_t *word_at; /* where word i's name starts in word_text */
    size_t text_len, text_cap;
    double *ww; /* n_words x CN_STANCE_COUNT */
    size_t n_words, cap_words;
    cn_termindex *by_hash;
    unsigned long words_version; /* changed by every cn_model_add_word and cn_model_clear_words */
};

static size_t nonfinite(const double *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !isfinite(w[i]);
    return k;
}

static char *format_name(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, b, c);
    return s;
}

static char **copy_list(const char *const *v, size_t n, bool *ok)
{
    char **out = calloc(n + 1, sizeof *out);
    if (!out) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = strdup(v[i])))
            *ok = false;
    return out;
}

static void free_list(char **v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void cn_model_free(cn_model *m)
{
    if (!m)
        return;
    free_list(m->types, m->n_types);
    free_list(m->flags, m->n_flags);
    free_list(m->cues, m->n_cues);
    free_list(m->names, m->n_features);
    free(m->w);
    cn_model_clear_words(m);
    free(m->word_text);
    free(m->word_at);
    free(m->ww);
    free(m);
}

static bool name_features(cn_model *m)
{
    static const char *const FIXED[F_FIXED] = {
        "bias",
        "score_reassuring",
        "score_cautionary",
        "score_contraindicated",
        "title_reassuring",
        "title_cautionary",
        "title_contraindicated",
        "last_reassuring",
        "last_cautionary",
        "last_contraindicated",
        "first_reassuring",
        "first_cautionary",
        "first_contraindicated",
        "conditional_reassuring",
        "conditional_cautionary",
        "conditional_contraindicated",
        "advice_against",
        "hedged_caution",
        "no_cues",
        "length",
        "wait_beyond_asker",
        "wait_within_asker",
        "wait_no_asker_point",
    };
    size_t q = m->n_types + m->n_flags;
    m->n_features = F_FIXED + q + 6 * q + 2 * m->n_cues;
    m->names = calloc(m->n_features, sizeof *m->names);
    if (!m->names)
        return false;
    size_t k = 0;
    bool ok = true;
    for (; k < F_FIXED; k++)
        ok &= (m->names[k] = strdup(FIXED[k])) != NULL;
    for (size_t i = 0; i < m->n_types; i++)
        ok &= (m->names[k++] = format_name("qtype_", m->types[i], "")) != NULL;
    for (size_t i = 0; i < m->n_flags; i++)
        ok &= (m->names[k++] = format_name("flag_", m->flags[i], "")) != NULL;
    for (int p = 0; p < 3; p++) {
        const char *pole = cn_stance_name(POLES[p]);
        for (size_t i = 0; i < m->n_types; i++)
            ok &= (m->names[k++] = format_name(pole, "_x_", m->types[i])) != NULL;
        for (size_t i = 0; i < m->n_flags; i++)
            ok &= (m->names[k++] = format_name(pole, "_x_", m->flags[i])) != NULL;
    }
    for (size_t i = 0; i < m->n_types; i++)
        ok &= (m->names[k++] = format_name("advice_x_", m->types[i], "")) != NULL;
    for (size_t i = 0; i < m->n_flags; i++)
        ok &= (m->names[k++] = format_name("advice_x_", m->flags[i], "")) != NULL;
    static const char *const WAITS[2] = {"wait_beyond_x_", "wait_within_x_"};
    for (int v = 0; v < 2; v++) {
        for (size_t i = 0; i < m->n_types; i++)
            ok &= (m->names[k++] = format_name(WAITS[v], m->types[i], "")) != NULL;
        for (size_t i = 0; i < m->n_flags; i++)
            ok &= (m->names[k++] = format_name(WAITS[v], m->flags[i], "")) != NULL;
    }
    for (size_t i = 0; i < m->n_cues; i++) {
        ok &= (m->names[k++] = format_name("cue_", m->cues[i], "")) != NULL;
        ok &= (m->names[k++] = format_name("cue_", m->cues[i], "_turned")) != NULL;
    }
    return ok;
}

int cn_model_new(const char *const *types, size_t n_types, const char *const *flags, size_t n_flags,
                 const char *const *cues, size_t n_cues, cn_model **out, cn_error *err)
{
    *out = NULL;
    cn_model *m = calloc(1, sizeof *m);
    bool ok = m != NULL;
    if (ok) {
        m->types = copy_list(types, n_types, &ok);
        m->n_types = n_types;
        m->flags = copy_list(flags, n_flags, &ok);
        m->n_flags = n_flags;
        m->cues = copy_list(cues, n_cues, &ok);
        m->n_cues = n_cues;
    }
    ok = ok && name_features(m);
    if (ok)
        ok = (m->w = calloc(m->n_features * CN_STANCE_COUNT, sizeof *m->w)) != NULL;
    if (!ok) {
        cn_model_free(m);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    *out = m;
    return CN_OK;
}

size_t cn_model_features(const cn_model *m)
{
    return m->n_features;
}

const char *cn_model_feature_name(const cn_model *m, size_t i)
{
    return i < m->n_features ? m->names[i] : NULL;
}

long cn_model_feature_index(const cn_model *m, const char *name)
{
    for (size_t i = 0; i < m->n_features; i++)
        if (!strcmp(m->names[i], name))
            return (long)i;
    return -1;
}

void cn_model_set_weights(cn_model *m, size_t feature, const double w[CN_STANCE_COUNT])
{
    if (feature >= m->n_features)
        return;
    double *row = &m->w[feature * CN_STANCE_COUNT];
    m->n_nonfinite -= nonfinite(row, CN_STANCE_COUNT);
    memcpy(row, w, CN_STANCE_COUNT * sizeof *w);
    m->n_nonfinite += nonfinite(row, CN_STANCE_COUNT);
    m->active = true;
}

bool cn_model_active(const cn_model *m)
{
    return m && m->active;
}

int cn_model_add_word(cn_model *m, const char *term, const double w[CN_STANCE_COUNT], cn_error *err)
{
    bool bad = !*term;
    for (const char *c = term; *c && !bad; c++)
        bad = cn_lexical_reserved((unsigned char)*c);
    if (bad)
        return cn_error_set(err, CN_ERR_USAGE, "'%s' is not a word term (one token, no %s)", term,
                            CN_LEX_RESERVED);
    uint64_t h = cn_hash_bytes(term, strlen(term));
    if (cn_model_word_find(m, h) >= 0)
        return cn_error_set(err, CN_ERR_USAGE, "word term '%s' is weighted twice", term);
    if (!m->by_hash && !(m->by_hash = cn_termindex_new()))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (m->n_words == m->cap_words) {
        size_t cap = m->cap_words ? 2 * m->cap_words : 256;
        size_t *at = realloc(m->word_at, cap * sizeof *at);
        if (at)
            m->word_at = at;
        double *ww = at ? realloc(m->ww, cap * CN_STANCE_COUNT * sizeof *ww) : NULL;
        if (!ww)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        m->ww = ww;
        m->cap_words = cap;
    }
    size_t tl = strlen(term), need = m->text_len + 5 + tl + 1;
    if (!cn_grow((void **)&m->word_text, &m->text_cap, need, 1))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (m->n_words > INT32_MAX || cn_termindex_add(m->by_hash, h, (uint32_t)m->n_words))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    memcpy(m->word_text + m->text_len, "word/", 5);
    memcpy(m->word_text + m->text_len + 5, term, tl + 1);
    double *row = &m->ww[m->n_words * CN_STANCE_COUNT];
    memcpy(row, w, CN_STANCE_COUNT * sizeof *w);
    m->n_nonfinite += nonfinite(row, CN_STANCE_COUNT);
    m->word_at[m->n_words++] = m->text_len;
    m->text_len = need;
    m->words_version++;
    m->active = true;
    return CN_OK;
}

void cn_model_clear_words(cn_model *m)
{
    for (size_t i = 0; i < m->n_words; i++)
        m->n_nonfinite -= nonfinite(&m->ww[i * CN_STANCE_COUNT], CN_STANCE_COUNT);
    m->n_words = 0;
    m->text_len = 0;
    cn_termindex_free(m->by_hash);
    m->by_hash = NULL;
    m->words_version++;
}

unsigned long cn_model_words_version(const cn_model *m)
{
    return m->words_version;
}

size_t cn_model_words(const cn_model *m)
{
    return m->n_words;
}

const char *cn_model_word_name(const cn_model *m, size_t i)
{
    return i < m->n_words ? m->word_text + m->word_at[i] : NULL;
}

long cn_model_word_find(const cn_model *m, uint64_t hash)
{
    return m->by_hash ? cn_termindex_get(m->by_hash, hash) : -1;
}

/* Cue weights grow with every repetition; their log keeps one long answer
 * from outvoting the rest. */
static double squash(double v)
{
    return v > 0 ? log1p(v) : 0;
}

/* Features before the per-cue ones: few, whatever the rule set's size. */
static size_t head_features(const cn_model *m)
{
    return m->n_features - 2 * m->n_cues;
}

/* The head of the feature vector (head_features(m) doubles). */
static void vector_head(const cn_model *m, const cn_model_input *in, double *x)
{
    memset(x, 0, head_features(m) * sizeof *x);
    x[F_BIAS] = 1;
    double total = 0;
    for (int p = 0; p < 3; p++) {
        cn_stance s = POLES[p];
        x[F_SCORE + p] = squash(in->score[s]);
        x[F_TITLE + p] = squash(in->title[s]);
        x[F_LAST + p] = squash(in->last[s]);
        x[F_FIRST + p] = squash(in->first[s]);
        x[F_CONDITIONAL + p] = squash(in->conditional[s]);
        total += in->score[s];
    }
    x[F_ADVICE] = squash(in->advice_against);
    x[F_HEDGED] = squash(in->hedged_caution);
    x[F_NO_CUES] = total > 0 ? 0 : 1;
    x[F_LENGTH] = log2(1.0 + (double)in->tokens) / 8.0;
    /* STANCE-GUIDE rule 15: a wait is "not yet" to an asker who is not
     * that far along, and "go ahead" to one who is past it. */
    if (in->wait_days > 0 && in->asker_days > 0) {
        x[F_WAIT_BEYOND] = in->wait_days > in->asker_days;
        x[F_WAIT_WITHIN] = in->wait_days <= in->asker_days;
    } else if (in->wait_days > 0) {
        x[F_WAIT_NO_POINT] = 1;
    }
    size_t q = m->n_types + m->n_flags;
    double *on = x + F_FIXED; /* which question features are on */
    for (size_t i = 0; i < m->n_types; i++)
        on[i] = in->question_type && !strcmp(in->question_type, m->types[i]);
    for (size_t i = 0; i < m->n_flags; i++)
        for (size_t j = 0; j < in->n_flags; j++)
            if (!strcmp(in->flags[j], m->flags[i]))
                on[m->n_types + i] = 1;
    double *cross = x + F_FIXED + q;
    for (int p = 0; p < 3; p++)
        for (size_t i = 0; i < q; i++)
            cross[(size_t)p * q + i] = on[i] * x[F_SCORE + p];
    /* Advice against means one thing for "can I ...?" and another for "I
     * already did it" (future advice, STANCE-GUIDE rule 11) or "how soon"
     * (a routine wait, rule 15). */
    for (size_t i = 0; i < q; i++)
        cross[3 * q + i] = on[i] * x[F_ADVICE];
    /* A wait beyond the asker's point is "not yet" to "how soon can I?",
     * and says little to "will the swelling go away?" (rule 15). */
    for (size_t i = 0; i < q; i++) {
        cross[4 * q + i] = on[i] * x[F_WAIT_BEYOND];
        cross[5 * q + i] = on[i] * x[F_WAIT_WITHIN];
    }
}

void cn_model_vector(const cn_model *m, const cn_model_input *in, double *x)
{
    memset(x, 0, m->n_features * sizeof *x);
    vector_head(m, in, x);
    double *cue = x + head_features(m);
    for (size_t i = 0; i < in->n_cues; i++) {
        if (in->cues[i].index >= m->n_cues)
            continue;
        cue[2 * in->cues[i].index] = squash(in->cues[i].own);
        cue[2 * in->cues[i].index + 1] = squash(in->cues[i].turned);
    }
}

static void softmax(const cn_model *m, const double *w, const double *x, double p[CN_STANCE_COUNT])
{
    double z[CN_STANCE_COUNT], top = -HUGE_VAL;
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        z[k] = 0;
        for (size_t f = 0; f < m->n_features; f++)
            z[k] += w[f * CN_STANCE_COUNT + (size_t)k] * x[f];
        if (z[k] > top)
            top = z[k];
    }
    double sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = exp(z[k] - top));
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
}

/* The most probable label; ties go to the more cautious label, as in the
 * hand-written decision. */
static cn_stance most_probable(const double p[CN_STANCE_COUNT])
{
    static const cn_stance ORDER[CN_STANCE_COUNT] = {
        CN_STANCE_CONTRAINDICATED, CN_STANCE_CAUTIONARY, CN_STANCE_REASSURING, CN_STANCE_NONE};
    cn_stance best = ORDER[0];
    for (int i = 1; i < CN_STANCE_COUNT; i++)
        if (p[ORDER[i]] > p[best])
            best = ORDER[i];
    return best;
}

/* The label with the highest log-odds plus offset (z: the unnormalized
 * log-probabilities); ties go to the more cautious label as above. With
 * every offset 0 it is most_probable's label. */
static cn_stance most_probable_offset(const double z[CN_STANCE_COUNT],
                                      const double offset[CN_STANCE_COUNT])
{
    static const cn_stance ORDER[CN_STANCE_COUNT] = {
        CN_STANCE_CONTRAINDICATED, CN_STANCE_CAUTIONARY, CN_STANCE_REASSURING, CN_STANCE_NONE};
    cn_stance best = ORDER[0];
    for (int i = 1; i < CN_STANCE_COUNT; i++)
        if (z[ORDER[i]] + offset[ORDER[i]] > z[best] + offset[best])
            best = ORDER[i];
    return best;
}

static bool any_offset(const double offset[CN_STANCE_COUNT])
{
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        if (offset[k] != 0)
            return true;
    return false;
}

static cn_stance runner_up(const double p[CN_STANCE_COUNT], cn_stance stance)
{
    cn_stance other = CN_STANCE_NONE;
    double best_p = -1;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        if (k != (int)stance && p[k] > best_p) {
            best_p = p[k];
            other = (cn_stance)k;
        }
    return other;
}

cn_stance cn_model_predict(const cn_model *m, const double *x, double p[CN_STANCE_COUNT])
{
    softmax(m, m->w, x, p);
    return most_probable(p);
}

cn_stance cn_model_predict_words(const cn_model *m, const double *x, const size_t *words,
                                 size_t n_words, double p[CN_STANCE_COUNT])
{
    double z[CN_STANCE_COUNT], top = -HUGE_VAL, sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        z[k] = 0;
        for (size_t f = 0; f < m->n_features; f++)
            z[k] += m->w[f * CN_STANCE_COUNT + (size_t)k] * x[f];
        for (size_t j = 0; j < n_words; j++)
            if (words[j] < m->n_words)
                z[k] += m->ww[words[j] * CN_STANCE_COUNT + (size_t)k];
        top = z[k] > top ? z[k] : top;
    }
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = exp(z[k] - top));
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
    return most_probable(p);
}

/* How much feature f with value v pushes `to` against `from`. */
static double push(const cn_model *m, size_t f, double v, cn_stance to, cn_stance from)
{
    return (m->w[f * CN_STANCE_COUNT + to] - m->w[f * CN_STANCE_COUNT + from]) * v;
}

const char *cn_model_top_feature(const cn_model *m, const double *x, cn_stance stance)
{
    double p[CN_STANCE_COUNT];
    softmax(m, m->w, x, p);
    cn_stance other = runner_up(p, stance);
    const char *name = NULL;
    double best = 0;
    for (size_t f = 1; f < m->n_features; f++) {
        double d = push(m, f, x[f], stance, other);
        if (d > best) {
            best = d;
            name = m->names[f];
        }
    }
    return name;
}

cn_stance cn_model_decide(const cn_model *m, const cn_model_input *in, double p[CN_STANCE_COUNT],
                          const char **top)
{
    size_t nh = head_features(m);
    double stack[256];
    double *x = nh <= sizeof stack / sizeof stack[0] ? stack : malloc(nh * sizeof *x);
    if (!x) {
        for (int k = 0; k < CN_STANCE_COUNT; k++)
            p[k] = 1.0 / CN_STANCE_COUNT;
        if (top)
            *top = NULL;
        return CN_STANCE_NONE; /* out of memory: no decision rather than a guess */
    }
    vector_head(m, in, x);
    /* Each cue's two squashed values once, not once per stance (a log1p
     * each): the same values, so the same sums. */
    double sq_stack[2 * 64];
    double *sq = in->n_cues <= 64 ? sq_stack : malloc(2 * in->n_cues * sizeof *sq);
    for (size_t i = 0; sq && i < in->n_cues; i++) {
        sq[2 * i] = squash(in->cues[i].own);
        sq[2 * i + 1] = squash(in->cues[i].turned);
    }
    double z[CN_STANCE_COUNT] = {0};
    /* Most head features are 0 for an answer (the question features and
     * their crosses): with finite weights each adds +-0 to z, which changes
     * no sum (z is never -0), so they are skipped. Every z[k] still sums its
     * terms in feature order: the same values bit for bit. */
    size_t nz_stack[256], *nz = nh <= 256 ? nz_stack : malloc(nh * sizeof *nz), n_nz = 0;
    bool skip_zero = m->n_nonfinite == 0 && nz;
    for (size_t f = 0; skip_zero && f < nh; f++)
        if (x[f] != 0)
            nz[n_nz++] = f; /* the features that are not 0, in order */
    for (size_t j = 0; j < (skip_zero ? n_nz : nh); j++) {
        size_t f = skip_zero ? nz[j] : j;
        for (int k = 0; k < CN_STANCE_COUNT; k++)
            z[k] += m->w[f * CN_STANCE_COUNT + (size_t)k] * x[f];
    }
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        for (size_t i = 0; i < in->n_cues; i++) {
            if (in->cues[i].index >= m->n_cues)
                continue;
            size_t f = nh + 2 * in->cues[i].index;
            double own = sq ? sq[2 * i] : squash(in->cues[i].own);
            double turned = sq ? sq[2 * i + 1] : squash(in->cues[i].turned);
            z[k] += m->w[f * CN_STANCE_COUNT + (size_t)k] * own +
                    m->w[(f + 1) * CN_STANCE_COUNT + (size_t)k] * turned;
        }
    }
    /* the word terms present: each adds its row (feature value 1); none
     * present, nothing added */
    for (size_t i = 0; i < in->n_words; i++)
        if (in->words[i] < m->n_words)
            for (int k = 0; k < CN_STANCE_COUNT; k++)
                z[k] += m->ww[in->words[i] * CN_STANCE_COUNT + (size_t)k];
    double zmax = -HUGE_VAL, sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        zmax = z[k] > zmax ? z[k] : zmax;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = exp(z[k] - zmax));
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
    /* the offsets move the choice only; p stays the model's */
    cn_stance stance =
        any_offset(in->offset) ? most_probable_offset(z, in->offset) : most_probable(p);
    if (top) {
        cn_stance other = runner_up(p, stance);
        double best = 0;
        *top = NULL;
        /* a feature that is 0 pushes 0 (or NaN): never more than best */
        for (size_t j = 0; j < (skip_zero ? n_nz : nh); j++) {
            size_t f = skip_zero ? nz[j] : j;
            if (f >= 1 && x[f] != 0 && push(m, f, x[f], stance, other) > best) {
                best = push(m, f, x[f], stance, other);
                *top = m->names[f];
            }
        }
        for (size_t i = 0; i < in->n_cues; i++)
            for (size_t t = 0; t < 2 && in->cues[i].index < m->n_cues; t++) {
                size_t f = nh + 2 * in->cues[i].index + t;
                /* the squashed values computed above (the same log1p) */
                double v = sq ? sq[2 * i + t] : squash(t ? in->cues[i].turned : in->cues[i].own);
                double d = push(m, f, v, stance, other);
                if (d > best) {
                    best = d;
                    *top = m->names[f];
                }
            }
        for (size_t i = 0; i < in->n_words; i++) {
            size_t j = in->words[i];
            if (j >= m->n_words)
                continue;
            double d = m->ww[j * CN_STANCE_COUNT + stance] - m->ww[j * CN_STANCE_COUNT + other];
            if (d > best) {
                best = d;
                *top = m->word_text + m->word_at[j];
            }
        }
    }
    if (sq != sq_stack)
        free(sq);
    if (nz != nz_stack)
        free(nz);
    if (x != stack)
        free(x);
    return stance;
}

void cn_model_temper(double p[CN_STANCE_COUNT], double temperature)
{
    if (temperature == 1.0)
        return; /* today's confidences, bit for bit */
    /* In logs, from the largest: log p_k - log p_max <= 0, so exp never
     * overflows; a probability that underflowed to 0 stays 0. */
    double top = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        top = p[k] > top ? p[k] : top;
    if (!(top > 0))
        return;
    double sum = 0;
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = p[k] > 0 ? exp((log(p[k]) - log(top)) / temperature) : 0);
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
}

/* ---- fitting ---- */

typedef struct fit_data {
    const cn_model *m;
    const double *x;
    const size_t *word_start, *word_index; /* NULL: no words */
    size_t n_words;
    const cn_stance *y;
    const double *sw; /* sample weights, NULL for 1 */
    size_t n;
    double l2, l2_words;
    /* per word: its own L2 (question terms' differs), or NULL: l2_words */
    const double *l2_word;
} fit_data;

/* Probabilities of sample i under the weights w (rule features, then the
 * words' rows). */
static void fit_softmax(const fit_data *d, const double *w, size_t i, double p[CN_STANCE_COUNT])
{
    size_t nf = d->m->n_features;
    if (!d->word_start || d->word_start[i] == d->word_start[i + 1]) {
        softmax(d->m, w, d->x + i * nf, p);
        return;
    }
    /* words present: the rule features' scores, then the words' rows */
    double z[CN_STANCE_COUNT], top = -HUGE_VAL, sum = 0;
    const double *xi = d->x + i * nf;
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        z[k] = 0;
        for (size_t f = 0; f < nf; f++)
            z[k] += w[f * CN_STANCE_COUNT + (size_t)k] * xi[f];
        for (size_t j = d->word_start[i]; j < d->word_start[i + 1]; j++)
            z[k] += w[(nf + d->word_index[j]) * CN_STANCE_COUNT + (size_t)k];
        top = z[k] > top ? z[k] : top;
    }
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        sum += (p[k] = exp(z[k] - top));
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        p[k] /= sum;
}

/* Mean weighted negative log-likelihood plus the L2 penalties, and its gradient. */
static void loss_and_grad(const gsl_vector *v, void *params, double *f, gsl_vector *g)
{
    const fit_data *d = params;
    size_t nf = d->m->n_features, np = (nf + d->n_words) * CN_STANCE_COUNT;
    const double *w = v->data; /* contiguous: allocated with gsl_vector_alloc */
    double loss = 0;
    if (g)
        gsl_vector_set_zero(g);
    double norm = 0;
    for (size_t i = 0; i < d->n; i++)
        norm += d->sw ? d->sw[i] : 1;
    for (size_t i = 0; i < d->n; i++) {
        const double *xi = d->x + i * nf;
        double p[CN_STANCE_COUNT];
        fit_softmax(d, w, i, p);
        double cw = (d->sw ? d->sw[i] : 1) / norm;
        loss -= cw * log(p[d->y[i]] > 1e-300 ? p[d->y[i]] : 1e-300);
        if (!g)
            continue;
        for (int k = 0; k < CN_STANCE_COUNT; k++) {
            double r = cw * (p[k] - (k == (int)d->y[i] ? 1.0 : 0.0));
            for (size_t ff = 0; ff < nf; ff++)
                if (xi[ff] != 0)
                    g->data[ff * CN_STANCE_COUNT + (size_t)k] += r * xi[ff];
            for (size_t j = d->word_start ? d->word_start[i] : 0;
                 d->word_start && j < d->word_start[i + 1]; j++)
                g->data[(nf + d->word_index[j]) * CN_STANCE_COUNT + (size_t)k] += r;
        }
    }
    for (size_t j = 0; j < np; j++) {
        /* the bias is barely penalized: it only pins the softmax's free shift */
        double lam = j < CN_STANCE_COUNT        ? d->l2 * 1e-4
                     : j < nf * CN_STANCE_COUNT ? d->l2
                     : d->l2_word               ? d->l2_word[j / CN_STANCE_COUNT - nf]
                                                : d->l2_words;
        loss += 0.5 * lam * w[j] * w[j];
        if (g)
            g->data[j] += lam * w[j];
    }
    if (f)
        *f = loss;
}

int cn_model_fit(cn_model *m, const double *x, const cn_stance *y, const double *weights, size_t n,
                 double l2, cn_error *err)
{
    return cn_model_fit_lexical(m, x, NULL, NULL, y, weights, n, l2, l2, err);
}

int cn_model_fit_lexical(cn_model *m, const double *x, const size_t *word_start,
                         const size_t *word_index, const cn_stance *y, const double *weights,
                         size_t n, double l2, double l2_words, cn_error *err)
{
    return cn_model_fit_question(m, x, word_start, word_index, y, weights, n, l2, l2_words,
                                 l2_words, err);
}

/* Each word's L2: l2_question for a question term ("word/?..."), else
 * l2_words; NULL when memory runs out. */
static double *word_l2(const cn_model *m, double l2_words, double l2_question)
{
    double *v = malloc((m->n_words ? m->n_words : 1) * sizeof *v);
    for (size_t j = 0; v && j < m->n_words; j++)
        v[j] = m->word_text[m->word_at[j] + 5] == CN_LEX_QUESTION_MARK ? l2_question : l2_words;
    return v;
}

int cn_model_fit_question(cn_model *m, const double *x, const size_t *word_start,
                          const size_t *word_index, const cn_stance *y, const double *weights,
                          size_t n, double l2, double l2_words, double l2_question, cn_error *err)
{
    if (n == 0)
        return cn_error_set(err, CN_ERR_USAGE, "no labelled answers to fit on");
    if (!(l2 > 0) || !isfinite(l2) || !(l2_words > 0) || !isfinite(l2_words) ||
        !(l2_question > 0) || !isfinite(l2_question))
        return cn_error_set(err, CN_ERR_USAGE, "the L2 penalty must be a positive number");
    size_t nw = word_start ? m->n_words : 0;
    for (size_t i = 0; word_start && i < word_start[n]; i++)
        if (word_index[i] >= nw)
            return cn_error_set(err, CN_ERR_USAGE, "a word index is outside the vocabulary");
    fit_data d = {.m = m,
                  .x = x,
                  .word_start = nw ? word_start : NULL,
                  .word_index = word_index,
                  .n_words = nw,
                  .y = y,
                  .sw = weights,
                  .n = n,
                  .l2 = l2,
                  .l2_words = l2_words};
    /* question terms with an L2 of their own: each word's (else all l2_words) */
    double *l2_word = NULL;
    if (nw && l2_question != l2_words && !(l2_word = word_l2(m, l2_words, l2_question)))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    d.l2_word = l2_word;
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights ? weights[i] : 1;
    size_t nr = m->n_features * CN_STANCE_COUNT, np = nr + nw * CN_STANCE_COUNT;
    double *best = total > 0 ? malloc(np * sizeof *best) : NULL;
    if (!best) {
        free(l2_word);
        return total > 0
                   ? cn_error_set(err, CN_ERR_NOMEM, "out of memory")
                   : cn_error_set(err, CN_ERR_USAGE, "the labelled answers all have weight 0");
    }
    int rc = cn_minimize_bfgs(&loss_and_grad, &d, np, best, err);
    if (rc == CN_OK) {
        memcpy(m->w, best, nr * sizeof *m->w);
        if (nw)
            memcpy(m->ww, best + nr, nw * CN_STANCE_COUNT * sizeof *m->ww);
        m->n_nonfinite = nonfinite(m->w, nr) + nonfinite(m->ww, m->n_words * CN_STANCE_COUNT);
        m->active = true;
    }
    free(best);
    free(l2_word);
    return rc;
}

/* One `weight NAME ...` line, the format cn_rules reads back. */
static int write_weight_line(FILE *out, const char *name, const double *w)
{
    return fprintf(out,
                   "weight %-34s reassuring=%.4f cautionary=%.4f contraindicated=%.4f none=%.4f\n",
                   name, w[CN_STANCE_REASSURING], w[CN_STANCE_CAUTIONARY],
                   w[CN_STANCE_CONTRAINDICATED], w[CN_STANCE_NONE]) < 0
               ? -1
               : 0;
}

int cn_model_write(const cn_model *m, FILE *out)
{
    for (size_t f = 0; f < m->n_features; f++)
        if (write_weight_line(out, m->names[f], &m->w[f * CN_STANCE_COUNT]))
            return -1;
    for (size_t j = 0; j < m->n_words; j++)
        if (write_weight_line(out, m->word_text + m->word_at[j], &m->ww[j * CN_STANCE_COUNT]))
            return -1;
    return 0;
}
