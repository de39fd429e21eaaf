/* cn_tokens: word tokens with original byte spans, sentences and clauses. */
#include "cn_tokens.h"

#include "cn_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cn_tokens {
    cn_token *items;
    size_t n, cap;
    char **words; /* one allocation per word, freed with the list */
};

cn_tokens *cn_tokens_new_empty(void)
{
    return calloc(1, sizeof(cn_tokens));
}

void cn_tokens_free(cn_tokens *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->words[i]);
    free(t->words);
    free(t->items);
    free(t);
}

size_t cn_tokens_count(const cn_tokens *t)
{
    return t->n;
}

const cn_token *cn_tokens_at(const cn_tokens *t, size_t i)
{
    return i < t->n ? &t->items[i] : NULL;
}

unsigned cn_tokens_sentences(const cn_tokens *t)
{
    return t->n ? t->items[t->n - 1].sentence + 1 : 0;
}

int cn_tokens_push(cn_tokens *t, const char *word, size_t start, size_t end, unsigned sentence,
                   unsigned clause, bool number)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        cn_token *items = realloc(t->items, cap * sizeof *items);
        if (!items)
            return -1;
        t->items = items;
        char **words = realloc(t->words, cap * sizeof *words);
        if (!words)
            return -1;
        t->words = words;
        t->cap = cap;
    }
    char *copy = strdup(word);
    if (!copy)
        return -1;
    t->words[t->n] = copy;
    t->items[t->n] = (cn_token){.word = copy,
                                .start = start,
                                .end = end,
                                .sentence = sentence,
                                .clause = clause,
                                .number = number};
    t->n++;
    return 0;
}

/* What one normalized character is, for splitting. */
typedef enum char_class { CH_WORD, CH_APOS, CH_SPACE, CH_CLAUSE, CH_SENTENCE, CH_OTHER } char_class;

static char_class classify_char(const char *norm, size_t i, size_t n)
{
    unsigned char c = (unsigned char)norm[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
        return CH_WORD;
    if (c == '\'')
        return CH_APOS;
    if (c == ' ')
        return CH_SPACE;
    if (c == '!' || c == '?')
        return CH_SENTENCE;
    if (c == '.') {
        /* "3.5" and "e.g." keep going; a period before space or the end ends a sentence. */
        if (i + 1 < n && norm[i + 1] != ' ' && norm[i + 1] != '"' && norm[i + 1] != ')')
            return CH_OTHER;
        return CH_SENTENCE;
    }
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"')
        return CH_CLAUSE;
    if (c == '-' && i + 1 < n && norm[i + 1] == '-')
        return CH_CLAUSE;
    if (c == '-' && ((i > 0 && norm[i - 1] == ' ') || (i + 1 < n && norm[i + 1] == ' ')))
        return CH_CLAUSE; /* a free-standing dash separates clauses; inside a word it splits */
    return CH_OTHER;
}

static bool all_digits(const char *w)
{
    bool any = false;
    for (; *w; w++) {
        if (*w >= '0' && *w <= '9')
            any = true;
        else if (*w != '.' && *w != ',')
            return false;
    }
    return any;
}

/* Line breaks in the original end a sentence (titles, paragraphs, lists). */
static bool newline_between(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (text[i] == '\n')
            return true;
    return false;
}

cn_tokens *cn_tokens_new(const char *text, size_t len)
{
    cn_tokens *t = cn_tokens_new_empty();
    if (!t)
        return NULL;
    size_t n, *map = NULL;
    char *norm = cn_text_normalize(text, len, &n, &map);
    if (!norm) {
        cn_tokens_free(t);
        return NULL;
    }
    unsigned sentence = 0, clause = 0;
    bool sentence_pending = false, clause_pending = false;
    size_t prev_end_src = 0;
    size_t i = 0;
    while (i < n) {
        char_class cls = classify_char(norm, i, n);
        if (cls == CH_SENTENCE) {
            sentence_pending = true;
            i++;
            continue;
        }
        if (cls == CH_CLAUSE) {
            clause_pending = true;
            i++;
            continue;
        }
        if (cls != CH_WORD) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n) {
            char_class c = classify_char(norm, j, n);
            if (c == CH_WORD ||
                (c == CH_APOS && j + 1 < n && classify_char(norm, j + 1, n) == CH_WORD)) {
                j++;
                continue;
            }
            if (norm[j] == '.' && c == CH_OTHER && j + 1 < n && norm[j + 1] >= '0' &&
                norm[j + 1] <= '9' && norm[i] >= '0' && norm[i] <= '9') {
                j++; /* decimal number */
                continue;
            }
            break;
        }
        if (t->n > 0 && newline_between(text, prev_end_src, map[i]))
            sentence_pending = true;
        if (sentence_pending && t->n > 0) {
            sentence++;
            clause++;
        } else if (clause_pending && t->n > 0) {
            clause++;
        }
        sentence_pending = clause_pending = false;
        char save = norm[j];
        norm[j] = '\0';
        if (cn_tokens_push(t, norm + i, map[i], map[j], sentence, clause, all_digits(norm + i))) {
            free(norm);
            free(map);
            cn_tokens_free(t);
            return NULL;
        }
        norm[j] = save;
        prev_end_src = map[j];
        i = j;
    }
    free(norm);
    free(map);
    return t;
}
