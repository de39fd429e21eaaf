/* cn_doc: a text's tokens and rule matches, made once and shared. */
#include "cn_doc.h"

#include <stdlib.h>
#include <string.h>

struct cn_doc {
    cn_tokens *tokens;
    size_t n_title;
    cn_match *matches;
    size_t n_matches, cap_matches;
};

void cn_doc_free(cn_doc *d)
{
    if (!d)
        return;
    cn_tokens_free(d->tokens);
    free(d->matches);
    free(d);
}

/* Append text's tokens with sentence and clause numbers continued after
 * those already there. */
static int append(const cn_rules *rules, cn_tokens *out, const char *text, unsigned *sent_off,
                  unsigned *clause_off)
{
    size_t before = cn_tokens_count(out);
    if (cn_rules_tokenize_into(rules, out, text, strlen(text), *sent_off, *clause_off))
        return -1;
    size_t n = cn_tokens_count(out);
    if (n > before) {
        const cn_token *last = cn_tokens_at(out, n - 1);
        *sent_off = last->sentence + 1;
        *clause_off = last->clause + 1;
    }
    return 0;
}

int cn_doc_remake(cn_doc *d, const cn_rules *rules, const char *title, const char *text,
                  cn_error *err)
{
    cn_tokens_clear(d->tokens);
    d->n_title = 0;
    d->n_matches = 0;
    unsigned sent = 0, clause = 0;
    bool ok = true;
    if (title)
        ok = append(rules, d->tokens, title, &sent, &clause) == 0;
    if (ok)
        d->n_title = cn_tokens_count(d->tokens);
    if (ok && text)
        ok = append(rules, d->tokens, text, &sent, &clause) == 0;
    if (!ok) {
        cn_tokens_clear(d->tokens);
        d->n_title = 0;
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    int rc = cn_matcher_scan_into(cn_rules_matcher(rules), d->tokens, &d->matches, &d->cap_matches,
                                  &d->n_matches, err);
    if (rc) {
        cn_tokens_clear(d->tokens);
        d->n_title = 0;
    }
    return rc;
}

int cn_doc_new(const cn_rules *rules, const char *title, const char *text, cn_doc **out,
               cn_error *err)
{
    *out = NULL;
    cn_doc *d = calloc(1, sizeof *d);
    if (d)
        d->tokens = cn_tokens_new_empty();
    if (!d || !d->tokens) {
        cn_doc_free(d);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    int rc = cn_doc_remake(d, rules, title, text, err);
    if (rc) {
        cn_doc_free(d);
        return rc;
    }
    *out = d;
    return CN_OK;
}

size_t cn_doc_bytes(const cn_doc *d)
{
    return sizeof *d + cn_tokens_bytes(d->tokens) + d->cap_matches * sizeof *d->matches;
}

const cn_tokens *cn_doc_tokens(const cn_doc *d)
{
    return d->tokens;
}

size_t cn_doc_title_tokens(const cn_doc *d)
{
    return d->n_title;
}

const cn_match *cn_doc_matches(const cn_doc *d, size_t *n)
{
    *n = d->n_matches;
    return d->n_matches ? d->matches : NULL;
}
