/* cn_eval: gold labels, alignment to classified answers, agreement metrics. */
#include "cn_eval.h"

#include "cn_file.h"
#include "cn_sha256.h"
#include "cn_text.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cn_gold {
    cn_gold_item *items;
    size_t n, cap;
};

static void item_clear(cn_gold_item *it)
{
    free(it->file);
    free(it->prefix);
    free(it->answer_id);
    free(it->hash);
}

void cn_gold_free(cn_gold *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        item_clear(&g->items[i]);
    free(g->items);
    free(g);
}

size_t cn_gold_count(const cn_gold *g)
{
    return g->n;
}

const cn_gold_item *cn_gold_at(const cn_gold *g, size_t i)
{
    return i < g->n ? &g->items[i] : NULL;
}

static int gold_push(cn_gold *g, cn_gold_item *it)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        cn_gold_item *items = realloc(g->items, cap * sizeof *items);
        if (!items)
            return -1;
        g->items = items;
        g->cap = cap;
    }
    g->items[g->n++] = *it;
    return 0;
}

static char *dup_string(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) && v->valuestring ? strdup(v->valuestring) : NULL;
}

/* One gold object (a JSONL line or an overrides entry) into an item. */
static int parse_item(const cJSON *obj, const char *path, unsigned line, cn_gold_item *it,
                      cn_error *err)
{
    memset(it, 0, sizeof *it);
    it->line = line;
    if (!cJSON_IsObject(obj))
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%u: expected a JSON object", path, line);
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(obj, "stance");
    if (!cJSON_IsString(st) || cn_stance_parse(st->valuestring, &it->stance))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s:%u: 'stance' must be reassuring, cautionary, contraindicated "
                            "or none",
                            path, line);
    it->answer_id = dup_string(obj, "answer_id");
    it->file = dup_string(obj, "file");
    it->prefix = dup_string(obj, "prefix");
    it->hash = dup_string(obj, "hash");
    it->weight = 1;
    const cJSON *wt = cJSON_GetObjectItemCaseSensitive(obj, "weight");
    if (wt && (!cJSON_IsNumber(wt) || !(wt->valuedouble >= 0) || wt->valuedouble > 1e6)) {
        item_clear(it);
        return cn_error_set(err, CN_ERR_FORMAT, "%s:%u: 'weight' must be a number from 0 to 1e6",
                            path, line);
    }
    if (wt)
        it->weight = wt->valuedouble;
    const cJSON *idx = cJSON_GetObjectItemCaseSensitive(obj, "index");
    /* An index past any page's answers (1e6) can match nothing; a larger one
     * would not even convert to size_t. */
    if (cJSON_IsNumber(idx) && idx->valuedouble >= 1 && idx->valuedouble <= 1e6)
        it->index = (size_t)idx->valuedouble;
    if (!it->answer_id && (!it->file || (!it->prefix && !it->hash))) {
        item_clear(it);
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s:%u: needs 'answer_id', or 'file' and 'prefix' (or 'hash')", path,
                            line);
    }
    return CN_OK;
}

static int load_overrides(cn_gold *g, const char *path, const char *data, cn_error *err)
{
    if (cn_json_nul_escape(data, strlen(data)) < strlen(data))
        return cn_error_set(err, CN_ERR_FORMAT,
                            "%s: a \\u0000 escape (NUL) inside a string would cut it short", path);
    cJSON *arr = cJSON_Parse(data);
    if (!cJSON_IsArray(arr)) {
        cJSON_Delete(arr);
        return cn_error_set(err, CN_ERR_FORMAT, "%s:1: not a JSON array of overrides", path);
    }
    int rc = CN_OK;
    unsigned pos = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        cn_gold_item it;
        pos++;
        rc = parse_item(e, path, pos, &it, err);
        if (rc == CN_OK && !it.answer_id) {
            item_clear(&it);
            rc = cn_error_set(err, CN_ERR_FORMAT, "%s: entry %u has no 'answer_id'", path, pos);
        }
        if (rc)
            break;
        if (gold_push(g, &it)) {
            item_clear(&it);
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            break;
        }
    }
    cJSON_Delete(arr);
    return rc;
}

static int load_lines(cn_gold *g, const char *path, char *data, cn_error *err)
{
    unsigned line = 0;
    char *p = data;
    while (p && *p) {
        line++;
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *s = p;
        while (*s && cn_text_is_space((unsigned char)*s))
            s++;
        if (*s) {
            if (cn_json_nul_escape(s, strlen(s)) < strlen(s))
                return cn_error_set(err, CN_ERR_FORMAT,
                                    "%s:%u: a \\u0000 escape (NUL) inside a string would cut it "
                                    "short",
                                    path, line);
            cJSON *obj = cJSON_Parse(s);
            if (!obj)
                return cn_error_set(err, CN_ERR_FORMAT, "%s:%u: not valid JSON", path, line);
            cn_gold_item it;
            int rc = parse_item(obj, path, line, &it, err);
            cJSON_Delete(obj);
            if (rc)
                return rc;
            if (gold_push(g, &it)) {
                item_clear(&it);
                return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    return CN_OK;
}

int cn_gold_load(const char *path, cn_gold **out, cn_error *err)
{
    *out = NULL;
    size_t len = 0;
    char *data = NULL;
    int rc0 = cn_file_read(path, CN_ERR_IO, &data, &len, err);
    if (rc0)
        return rc0;
    size_t bad;
    if (!cn_utf8_validate(data, len, &bad)) {
        free(data);
        return cn_error_set(err, CN_ERR_ENCODING, "%s: not valid UTF-8 at byte offset %zu", path,
                            bad);
    }
    cn_gold *g = calloc(1, sizeof *g);
    if (!g) {
        free(data);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    const char *s = data;
    while (*s && cn_text_is_space((unsigned char)*s))
        s++;
    int rc = *s == '[' ? load_overrides(g, path, s, err) : load_lines(g, path, data, err);
    free(data);
    if (rc == CN_OK && g->n == 0)
        rc = cn_error_set(err, CN_ERR_FORMAT, "%s: no gold labels", path);
    if (rc) {
        cn_gold_free(g);
        return rc;
    }
    *out = g;
    return CN_OK;
}

/* ---- alignment ---- */

typedef struct seen_answer {
    char *file;
    size_t index;
    char *answer_id;
    char *norm; /* normalized text (title-free) */
    char hash[CN_EVAL_HASH_LEN + 1];
    cn_stance predicted;
    bool taken;
} seen_answer;

struct cn_eval {
    const cn_gold *gold;
    seen_answer *answers;
    size_t n, cap;
};

cn_eval *cn_eval_new(const cn_gold *gold)
{
    cn_eval *ev = calloc(1, sizeof *ev);
    if (ev)
        ev->gold = gold;
    return ev;
}

void cn_eval_free(cn_eval *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->n; i++) {
        free(ev->answers[i].file);
        free(ev->answers[i].answer_id);
        free(ev->answers[i].norm);
    }
    free(ev->answers);
    free(ev);
}

int cn_eval_add(cn_eval *ev, const char *file, size_t index, const char *answer_id,
                const char *text, cn_stance predicted)
{
    if (ev->n == ev->cap) {
        size_t cap = ev->cap ? ev->cap * 2 : 128;
        seen_answer *a = realloc(ev->answers, cap * sizeof *a);
        if (!a)
            return -1;
        ev->answers = a;
        ev->cap = cap;
    }
    seen_answer *a = &ev->answers[ev->n];
    a->file = file ? strdup(file) : NULL;
    a->index = index;
    a->answer_id = answer_id ? strdup(answer_id) : NULL;
    a->norm = cn_text_normalize(text ? text : "", text ? strlen(text) : 0, NULL, NULL);
    cn_eval_prefix_hash(text ? text : "", CN_EVAL_PREFIX_WORDS, a->hash);
    a->predicted = predicted;
    a->taken = false;
    if (!a->norm) {
        free(a->file);
        free(a->answer_id);
        return -1;
    }
    ev->n++;
    return 0;
}

/* The folds of the prefix hash: curly quotes to straight ones, no-break and
 * thin spaces to spaces, bullets and dashes to '-' and the ellipsis to '.'
 * (so that a word of them alone is punctuation, skipped like "-"). Returns the
 * bytes consumed, writing the fold to *out. */
static size_t fold_at(const unsigned char *s, size_t len, char *out)
{
    static const struct {
        const char *from;
        char to;
    } FOLDS[] = {{"\xE2\x80\x98", '\''}, {"\xE2\x80\x99", '\''}, {"\xE2\x80\x9C", '"'},
                 {"\xE2\x80\x9D", '"'},  {"\xC2\xA0", ' '},      {"\xE2\x80\x89", ' '},
                 {"\xE2\x80\xAF", ' '},  {"\xE2\x80\xA2", '-'},  {"\xE2\x80\xA3", '-'},
                 {"\xE2\x97\x8F", '-'},  {"\xE2\x97\xA6", '-'},  {"\xE2\x96\xAA", '-'},
                 {"\xC2\xB7", '-'},      {"\xE2\x80\x92", '-'},  {"\xE2\x80\x93", '-'},
                 {"\xE2\x80\x94", '-'},  {"\xE2\x80\x95", '-'},  {"\xE2\x80\xA6", '.'}};
    for (size_t f = 0; f < sizeof FOLDS / sizeof FOLDS[0]; f++) {
        size_t n = strlen(FOLDS[f].from);
        if (n <= len && memcmp(s, FOLDS[f].from, n) == 0) {
            *out = FOLDS[f].to;
            return n;
        }
    }
    *out = (char)((s[0] >= 'A' && s[0] <= 'Z') ? s[0] + 32 : s[0]);
    return 1;
}

static bool hash_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void cn_eval_prefix_hash(const char *text, size_t n_words, char out[CN_EVAL_HASH_LEN + 1])
{
    /* Words: runs of non-space bytes after folding; a word of punctuation
     * alone (a bullet, a dash) is skipped. The first n_words, joined by one
     * space, are hashed. */
    cn_sha256_ctx ctx;
    cn_sha256_init(&ctx);
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), i = 0, words = 0;
    char word[256];
    while (i < len && words < n_words) {
        size_t wl = 0;
        bool keep = false;
        char c;
        size_t step;
        while (i < len && hash_space((step = fold_at(s + i, len - i, &c), c)))
            i += step;
        while (i < len) {
            step = fold_at(s + i, len - i, &c);
            if (hash_space(c))
                break;
            unsigned char u = (unsigned char)c;
            keep |= (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
            if (wl + 1 < sizeof word)
                word[wl++] = c;
            i += step;
        }
        if (wl == 0 || !keep)
            continue;
        if (words > 0)
            cn_sha256_update(&ctx, " ", 1);
        cn_sha256_update(&ctx, word, wl);
        words++;
    }
    if (words == 0) {
        out[0] = '\0';
        return;
    }
    unsigned char digest[32];
    cn_sha256_final(&ctx, digest);
    cn_sha256_digest_hex(digest, out, CN_EVAL_HASH_LEN);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static seen_answer *align(cn_eval *ev, const cn_gold_item *it)
{
    if (it->answer_id) {
        for (size_t i = 0; i < ev->n; i++)
            if (!ev->answers[i].taken && ev->answers[i].answer_id &&
                !strcmp(ev->answers[i].answer_id, it->answer_id))
                return &ev->answers[i];
        return NULL;
    }
    if (it->hash) {
        /* Labels kept without the page's words: the hash of the first words. */
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < ev->n; i++) {
                seen_answer *a = &ev->answers[i];
                if (a->taken || !a->file || strcmp(a->file, it->file) ||
                    (pass == 0 && a->index != it->index))
                    continue;
                if (!strcmp(a->hash, it->hash))
                    return a;
            }
        return NULL;
    }
    char *p = cn_text_normalize(it->prefix, strlen(it->prefix), NULL, NULL);
    if (!p)
        return NULL;
    seen_answer *found = NULL;
    /* The answer at the gold index first, then any answer of the file. */
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (size_t i = 0; i < ev->n && !found; i++) {
            seen_answer *a = &ev->answers[i];
            if (a->taken || !a->file || strcmp(a->file, it->file))
                continue;
            if (pass == 0 && a->index != it->index)
                continue;
            if (starts_with(a->norm, p))
                found = a;
        }
    }
    free(p);
    return found;
}

double cn_kappa(const long *t, size_t k, bool linear)
{
    double n = 0;
    for (size_t i = 0; i < k * k; i++)
        n += (double)t[i];
    if (n <= 0 || k < 2)
        return NAN;
    double po = 0, pe = 0;
    for (size_t i = 0; i < k; i++) {
        double row = 0, col;
        for (size_t j = 0; j < k; j++)
            row += (double)t[i * k + j];
        for (size_t j = 0; j < k; j++) {
            col = 0;
            for (size_t r = 0; r < k; r++)
                col += (double)t[r * k + j];
            double w =
                linear ? 1.0 - fabs((double)i - (double)j) / (double)(k - 1) : (i == j ? 1.0 : 0.0);
            po += w * (double)t[i * k + j] / n;
            pe += w * (row / n) * (col / n);
        }
    }
    if (fabs(1.0 - pe) < 1e-12)
        return NAN;
    return (po - pe) / (1.0 - pe);
}

static void compute_metrics(cn_eval_result *r)
{
    long diag = 0;
    double f1_sum = 0;
    for (int g = 0; g < CN_STANCE_COUNT; g++) {
        cn_label_metrics *m = &r->per_label[g];
        m->support = 0;
        m->predicted = 0;
        for (int p = 0; p < CN_STANCE_COUNT; p++) {
            m->support += r->confusion[g][p];
            m->predicted += r->confusion[p][g];
        }
        long tp = r->confusion[g][g];
        diag += tp;
        m->precision = m->predicted ? (double)tp / (double)m->predicted : 0;
        m->recall = m->support ? (double)tp / (double)m->support : 0;
        m->f1 = (m->precision + m->recall) > 0
                    ? 2 * m->precision * m->recall / (m->precision + m->recall)
                    : 0;
        f1_sum += m->f1;
    }
    r->macro_f1 = f1_sum / CN_STANCE_COUNT;
    r->accuracy = r->n ? (double)diag / (double)r->n : NAN;
    r->kappa = cn_kappa(&r->confusion[0][0], CN_STANCE_COUNT, false);
    long ord[9];
    for (int g = 0; g < 3; g++)
        for (int p = 0; p < 3; p++)
            ord[g * 3 + p] = r->confusion[g + 1][p + 1];
    r->weighted_kappa = cn_kappa(ord, 3, true);
}

int cn_eval_compute(cn_eval *ev, cn_eval_result *out, cn_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n_gold = cn_gold_count(ev->gold);
    out->unaligned = calloc(n_gold ? n_gold : 1, sizeof *out->unaligned);
    out->pairs = calloc(n_gold ? n_gold : 1, sizeof *out->pairs);
    if (!out->unaligned || !out->pairs) {
        cn_eval_result_clear(out);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < ev->n; i++)
        ev->answers[i].taken = false;
    for (size_t i = 0; i < n_gold; i++) {
        const cn_gold_item *it = cn_gold_at(ev->gold, i);
        seen_answer *a = align(ev, it);
        if (!a) {
            out->unaligned[out->n_unaligned++] = it;
            continue;
        }
        a->taken = true;
        out->pairs[out->n_pairs++] = (cn_eval_pair){it, a->file, a->index, a->predicted};
        out->confusion[it->stance][a->predicted]++;
        out->n++;
    }
    compute_metrics(out);
    return CN_OK;
}

void cn_eval_result_clear(cn_eval_result *r)
{
    if (!r)
        return;
    free(r->unaligned);
    free(r->pairs);
    r->unaligned = NULL;
    r->pairs = NULL;
    r->n_unaligned = 0;
    r->n_pairs = 0;
}
