/* cn_taxonomy: load the specialty list and split "City Specialty" lines. */
#include "cn_taxonomy.h"

#include "cn_sort.h"
#include "cn_file.h"

#include "cn_lines.h"
#include "cn_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;        /* normalized name or alias */
    size_t canonical; /* index into names */
    size_t lineno;
} entry;

struct cn_taxonomy {
    char **names; /* canonical names as written */
    size_t n_names;
    entry *entries; /* sorted by key */
    size_t n_entries;
    /* The last word of each key (into the key), sorted, without repeats: a
     * line whose last word is none of them ends in no specialty, and most
     * lines are turned away by that one lookup. */
    const char **last_words;
    size_t n_last;
    /* The bytes some last word ends with: a line's last word that ends
     * otherwise (prose ends with a full stop) is none of them, no search. */
    bool last_byte[256];
    size_t longest; /* bytes of the longest key: a longer suffix is none */
};

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static int word_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *last_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

/* Fill t->last_words from the keys; false when out of memory. */
static bool index_last_words(cn_taxonomy *t)
{
    t->last_words = malloc((t->n_entries + 1) * sizeof *t->last_words);
    if (!t->last_words)
        return false;
    for (size_t i = 0; i < t->n_entries; i++)
        t->last_words[i] = last_word(t->entries[i].key);
    cn_sort_stable(t->last_words, t->n_entries, sizeof *t->last_words, word_cmp);
    size_t w = 0;
    for (size_t i = 0; i < t->n_entries; i++)
        if (w == 0 || strcmp(t->last_words[w - 1], t->last_words[i]) != 0)
            t->last_words[w++] = t->last_words[i];
    t->n_last = w;
    for (size_t i = 0; i < t->n_entries; i++) {
        size_t n = strlen(t->entries[i].key);
        if (n > t->longest)
            t->longest = n;
    }
    for (size_t i = 0; i < w; i++) {
        size_t n = strlen(t->last_words[i]);
        if (n > 0)
            t->last_byte[(unsigned char)t->last_words[i][n - 1]] = true;
    }
    return true;
}

/* Is w one of the last words? */
static bool is_last_word(const cn_taxonomy *t, const char *w)
{
    size_t n = strlen(w);
    if (n > 0 && !t->last_byte[(unsigned char)w[n - 1]])
        return false;
    return bsearch(&w, t->last_words, t->n_last, sizeof *t->last_words, word_cmp) != NULL;
}

/* The line's last word as normalization writes it, into out (64 bytes),
 * read straight from the line when that is plain: ASCII letters and
 * punctuation (which normalization only lower-cases) after ASCII white
 * space or the line's start. False when the line's end is not that plain. */
static bool plain_last_word(const char *line, size_t len, char *out)
{
    size_t e = len;
    while (e > 0 && cn_text_is_space((unsigned char)line[e - 1]))
        e--;
    size_t b = e;
    while (b > 0 && !cn_text_is_space((unsigned char)line[b - 1])) {
        unsigned char c = (unsigned char)line[b - 1];
        if (c <= ' ' || c >= 0x7F || c == '`' || e - b >= 63)
            return false;
        b--;
    }
    if (b == e)
        return false;
    for (size_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)line[i];
        out[i - b] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    out[e - b] = '\0';
    return true;
}

/* Can the normalized line end in a key? Its last word must end one. */
static bool may_end_in_key(const cn_taxonomy *t, const char *line, size_t len)
{
    char word[64];
    if (plain_last_word(line, len, word)) {
        return is_last_word(t, word);
    }
    char small[256];
    char *norm = len < sizeof small ? small : malloc(len + 1);
    if (!norm)
        return true; /* the full search reports the lack of memory */
    cn_text_normalize_into(line, len, norm);
    const char *w = last_word(norm);
    bool may = is_last_word(t, w);
    if (norm != small)
        free(norm);
    return may;
}

void cn_taxonomy_free(cn_taxonomy *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_names; i++)
        free(t->names[i]);
    for (size_t i = 0; i < t->n_entries; i++)
        free(t->entries[i].key);
    free(t->names);
    free(t->entries);
    free(t->last_words);
    free(t);
}

size_t cn_taxonomy_count(const cn_taxonomy *t)
{
    return t ? t->n_names : 0;
}

static int add_entry(cn_taxonomy *t, size_t *cap, const char *s, size_t len, size_t canonical,
                     size_t lineno, const char *origin, cn_error *err)
{
    if (len == 0)
        return cn_error_set(err, CN_ERR_RULES, "%s:%zu: empty specialty name", origin, lineno);
    if (t->n_entries == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        entry *e = realloc(t->entries, ncap * sizeof *e);
        if (!e)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
        t->entries = e;
        *cap = ncap;
    }
    char *key = cn_text_normalize(s, len, NULL, NULL);
    if (!key)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
    t->entries[t->n_entries++] = (entry){key, canonical, lineno};
    return CN_OK;
}

/* One line "Name | alias | alias": the first field is the canonical name. */
static int parse_line(cn_taxonomy *t, size_t *names_cap, size_t *entries_cap, const char *s,
                      size_t len, size_t lineno, const char *origin, cn_error *err)
{
    if (t->n_names == *names_cap) {
        size_t ncap = *names_cap ? *names_cap * 2 : 64;
        char **n = realloc(t->names, ncap * sizeof *n);
        if (!n)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
        t->names = n;
        *names_cap = ncap;
    }
    size_t canonical = t->n_names;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '|')
            continue;
        size_t flen;
        const char *f = cn_span_trim(s + start, i - start, &flen);
        if (start == 0) {
            char *name = cn_text_squeeze(f, flen);
            if (!name)
                return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
            t->names[t->n_names++] = name;
        }
        int rc = add_entry(t, entries_cap, f, flen, canonical, lineno, origin, err);
        if (rc)
            return rc;
        start = i + 1;
    }
    return CN_OK;
}

int cn_taxonomy_parse(const char *text, size_t len, const char *origin, cn_taxonomy **out,
                      cn_error *err)
{
    *out = NULL;
    size_t bad;
    if (!cn_utf8_validate(text, len, &bad))
        return cn_error_set(err, CN_ERR_RULES, "%s: not valid UTF-8 (byte offset %zu)", origin,
                            bad);
    cn_taxonomy *t = calloc(1, sizeof *t);
    if (!t)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
    cn_lines lines;
    int rc = cn_lines_split(text, len, &lines, err);
    if (rc) {
        free(t);
        return rc;
    }
    size_t names_cap = 0, entries_cap = 0;
    for (size_t i = 0; i < lines.n && rc == CN_OK; i++) {
        const cn_line *l = &lines.v[i];
        if (l->len == 0 || l->s[0] == '#')
            continue;
        rc = parse_line(t, &names_cap, &entries_cap, l->s, l->len, l->lineno, origin, err);
    }
    cn_lines_clear(&lines);
    if (rc == CN_OK && t->n_names == 0)
        rc = cn_error_set(err, CN_ERR_RULES, "%s: no specialties", origin);
    if (rc == CN_OK) {
        cn_sort_stable(t->entries, t->n_entries, sizeof *t->entries, entry_cmp);
        for (size_t i = 1; i < t->n_entries; i++) {
            if (strcmp(t->entries[i - 1].key, t->entries[i].key) == 0) {
                size_t a = t->entries[i - 1].lineno, b = t->entries[i].lineno;
                rc = cn_error_set(err, CN_ERR_RULES,
                                  "%s:%zu: specialty '%s' listed twice (also on line %zu)", origin,
                                  a > b ? a : b, t->entries[i].key, a > b ? b : a);
                break;
            }
        }
    }
    if (rc == CN_OK && !index_last_words(t))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory loading %s", origin);
    if (rc) {
        cn_taxonomy_free(t);
        return rc;
    }
    *out = t;
    return CN_OK;
}

int cn_taxonomy_load(const char *path, cn_taxonomy **out, cn_error *err)
{
    *out = NULL;
    char *buf;
    size_t n;
    int rc = cn_file_read(path, CN_ERR_RULES, &buf, &n, err);
    if (rc)
        return rc;
    rc = cn_taxonomy_parse(buf, n, path, out, err);
    free(buf);
    return rc;
}

static const entry *find(const cn_taxonomy *t, const char *key)
{
    entry probe = {.key = (char *)key};
    return bsearch(&probe, t->entries, t->n_entries, sizeof *t->entries, entry_cmp);
}

/* The longest key equal to a suffix of norm[0..nlen) that starts a word:
 * its position (the city ends before it), or nlen when none. */
static size_t key_suffix(const cn_taxonomy *t, const char *norm, size_t nlen, const entry **found)
{
    /* Word starts from the left: the first suffix found is the longest;
     * one longer than every key is none, not searched for. */
    for (size_t pos = nlen > t->longest ? nlen - t->longest : 0; pos < nlen; pos++) {
        if (pos > 0 && norm[pos - 1] != ' ')
            continue;
        if ((*found = find(t, norm + pos)) != NULL)
            return pos;
    }
    return nlen;
}

bool cn_taxonomy_split(const cn_taxonomy *t, const char *line, size_t len, size_t *city_len,
                       const char **specialty)
{
    if (!t || len == 0 || !may_end_in_key(t, line, len))
        return false;
    /* (Buffers on the stack instead measured 1.4 MB more peak RSS at 100 MB:
     * the heap's other blocks fell out differently.) */
    size_t nlen, *map = NULL;
    char *norm = cn_text_normalize(line, len, &nlen, &map);
    if (!norm) {
        free(map);
        return false;
    }
    const entry *e = NULL;
    size_t pos = key_suffix(t, norm, nlen, &e);
    bool found = pos < nlen;
    if (found) {
        *specialty = t->names[e->canonical];
        size_t clen;
        const char *city = cn_span_trim(line, map[pos], &clen);
        while (clen > 0 && city[clen - 1] == ',')
            cn_span_trim(city, clen - 1, &clen);
        *city_len = clen;
    }
    free(norm);
    free(map);
    return found;
}
