/* cn_annotate: per-page stance annotation against primary and secondary claims. */
#include "cn_annotate.h"

#include "cn_answer_json.h"
#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_lexical.h"
#include "cn_wait.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct question_flags {
    const char **ids; /* borrowed from rules; the array is one of the annotator's flag_sets */
    size_t n;
} question_flags;

/* The annotator owns every choice it made (annotations borrow them); what
 * questions share is kept once: a catalog claim's choice (same rule, source
 * and words) and a set of question flags, so a question costs, for an ad-hoc
 * claim, its id and statement. Only cn_annotator_page remembers each
 * question_id's choice (claims[], qtypes[], qflags[]): cn_batch keeps that
 * memory itself. */
struct cn_annotator {
    const cn_rules *rules;
    const char **qtypes;      /* question type per claims[] entry (borrowed from rules) */
    question_flags *qflags;   /* question flags per claims[] entry */
    double *askers;           /* the asker's time point per claims[] entry (cn_wait) */
    cn_strmap *by_question;   /* question_id -> index into claims */
    cn_claim_choice **claims; /* shared between entries for catalog claims */
    size_t n_claims, cap_claims;
    cn_claim_choice **choices; /* the distinct choices, owned */
    size_t n_choices, cap_choices;
    cn_claim_choice **catalog; /* the catalog claims' choices among them, to share */
    size_t n_catalog, cap_catalog;
    const char ***flag_sets; /* the distinct flag sets, owned (NULL-terminated) */
    size_t n_flag_sets, cap_flag_sets;
    size_t docs_made; /* texts tokenized so far: one per text (cn_annotator_docs_made) */
    bool keep_features;
    /* Docs of earlier pages, remade for the next texts (cn_doc_remake): a
     * doc's arrays and buffers are allocated once, not per text. At most
     * SPARE_BYTES of them are kept, so a page of huge answers does not stay
     * in memory. */
    cn_doc **spare;
    size_t n_spare, cap_spare, spare_bytes;
    /* the current page's question words for the decision model's word terms
     * (cn_classify_input.question_words); ready once filled for the page */
    uint64_t *qwords;
    size_t n_qwords, cap_qwords;
    bool qwords_ready;
    /* with setting question_terms: the current page's question terms
     * ("?WORD" of each content word of its title and body, once; their
     * hashes, and texts one after another, each NUL-terminated), filled with
     * qwords */
    uint64_t *qterms;
    char *qterm_text;
    size_t n_qterms, cap_qterms, qterm_len, cap_qterm_text;
    /* the current page's asker time point (cn_wait_asker_days), ready once
     * read for the page */
    double asker_days;
    bool asker_ready;
    /* with setting choice_questions: the current page's choice question
     * (cn_choice; n < 2: none), read with qwords */
    cn_choice choice;
    /* which vocabulary entries a classification's word terms found: the
     * stamps of the annotator's calls (cn_term_seen) */
    cn_term_seen seen;
};

/* The memory spare docs may hold, per annotator: a usual page's docs (about
 * 20 bytes a byte of answer text), and little against issue 14's memory cap
 * (classify at 1 GB was 5 MiB under it). */
#define SPARE_BYTES (2u << 20)

int cn_annotator_new(const cn_rules *rules, cn_annotator **out, cn_error *err)
{
    cn_annotator *a = calloc(1, sizeof *a);
    if (a)
        a->by_question = cn_strmap_new();
    if (!a || !a->by_question) {
        free(a);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    a->rules = rules;
    *out = a;
    return CN_OK;
}

void cn_annotator_free(cn_annotator *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n_choices; i++) {
        cn_claim_choice_clear(a->choices[i]);
        free(a->choices[i]);
    }
    free(a->choices);
    free(a->catalog);
    free(a->claims);
    free(a->qtypes);
    for (size_t i = 0; i < a->n_flag_sets; i++)
        free((void *)a->flag_sets[i]);
    free(a->flag_sets);
    free(a->qflags);
    free(a->askers);
    cn_strmap_free(a->by_question);
    for (size_t i = 0; i < a->n_spare; i++)
        cn_doc_free(a->spare[i]);
    free(a->spare);
    free(a->qwords);
    free(a->qterms);
    free(a->qterm_text);
    cn_term_seen_clear(&a->seen);
    free(a);
}

/* Append p to a growing array of pointers; false when memory runs out. */
static bool push_ptr(void *arrayp, size_t *n, size_t *cap, void *p)
{
    void ***array = arrayp;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void **grown = realloc(*array, ncap * sizeof *grown);
        if (!grown)
            return false;
        *array = grown;
        *cap = ncap;
    }
    (*array)[(*n)++] = p;
    return true;
}

/* Keep c (malloc'd, filled): an equal catalog claim's choice kept before
 * takes its place (c is freed); *out gets the one kept. */
static bool keep_choice(cn_annotator *a, cn_claim_choice *c, cn_claim_choice **out)
{
    for (size_t i = 0; c->rule && i < a->n_catalog; i++) {
        const cn_claim_choice *k = a->catalog[i];
        if (k->rule == c->rule && strcmp(k->source, c->source) == 0 && strcmp(k->id, c->id) == 0 &&
            strcmp(k->statement, c->statement) == 0) {
            cn_claim_choice_clear(c);
            free(c);
            *out = a->catalog[i];
            return true;
        }
    }
    if (!push_ptr(&a->choices, &a->n_choices, &a->cap_choices, c))
        return false;
    if (c->rule && !push_ptr(&a->catalog, &a->n_catalog, &a->cap_catalog, c)) {
        a->n_choices--;
        return false;
    }
    *out = c;
    return true;
}

/* The question-type model's answer for the page joins its flags
 * ("qtype/done"), and with setting qtype_lean_probability every type that
 * fits less surely ("qtype/maybe-harm"), in label order; a rule folder
 * without the model adds none. */
static int add_qtype_flag(const cn_rules *rules, const cn_page *page, question_flags *f,
                          cn_error *err)
{
    const cn_qtype *qt = cn_rules_qtype(rules);
    size_t nq = cn_qtype_labels(qt);
    double p[CN_QTYPE_MAX_LABELS];
    long best = -1;
    int rc = cn_qtype_predict(qt, page->question, page->body, p, &best, err);
    const char **ids = rc || best < 0 ? NULL : realloc(f->ids, (f->n + nq) * sizeof *ids);
    if (rc == CN_OK && best >= 0 && !ids)
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc) { /* the caller keeps no flags on an error */
        free(f->ids);
        f->ids = NULL;
        return rc;
    }
    if (!ids)
        return CN_OK;
    f->ids = ids;
    /* an unsure type is left out: on the real pages a wrong one cost more
     * than a missing one (rules/settings.rules) */
    double sure = cn_rules_setting(rules, "qtype_min_probability");
    double lean = cn_rules_setting(rules, "qtype_lean_probability");
    if (p[best] >= sure)
        ids[f->n++] = cn_qtype_flag(qt, (size_t)best);
    for (size_t i = 0; lean > 0 && i < nq; i++)
        if (p[i] >= lean && (p[i] < sure || (long)i != best))
            ids[f->n++] = cn_qtype_lean_flag(qt, i);
    return CN_OK;
}

/* With setting choice_flag, a choice question (cn_choice: "over or under
 * the muscle?") gets the question flag "choice", which the decision model
 * crosses like any flag (flag_choice, reassuring_x_choice, ...). */
static const char CHOICE_FLAG[] = "choice";

static int add_choice_flag(const cn_rules *rules, const cn_page *page, const cn_doc *qdoc,
                           const cn_doc *bdoc, question_flags *f, cn_error *err)
{
    if (cn_rules_setting(rules, "choice_flag") == 0)
        return CN_OK;
    cn_choice c;
    cn_choice_question(rules, qdoc ? cn_doc_tokens(qdoc) : NULL, page->question,
                       bdoc ? cn_doc_tokens(bdoc) : NULL, page->body, &c);
    if (c.n < 2)
        return CN_OK;
    const char **ids = realloc(f->ids, (f->n + 1) * sizeof *ids);
    if (!ids) { /* the caller keeps no flags on an error */
        free(f->ids);
        f->ids = NULL;
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    f->ids = ids;
    ids[f->n++] = CHOICE_FLAG;
    return CN_OK;
}

/* Keep flag set f (n ids, malloc'd, possibly longer): an equal set kept
 * before takes its place, else it is kept at its own size. Either way f->ids
 * is no longer the caller's to free. */
static bool keep_flags(cn_annotator *a, question_flags *f)
{
    for (size_t i = 0; i < a->n_flag_sets; i++) {
        const char **k = a->flag_sets[i];
        size_t m = 0;
        while (k[m] && m < f->n && k[m] == f->ids[m])
            m++;
        if (m == f->n && !k[m]) {
            free(f->ids);
            f->ids = k;
            return true;
        }
    }
    const char **ids = realloc(f->ids, (f->n + 1) * sizeof *ids);
    if (ids) {
        ids[f->n] = NULL;
        f->ids = ids;
    }
    if (!ids || !push_ptr(&a->flag_sets, &a->n_flag_sets, &a->cap_flag_sets, f->ids)) {
        free(f->ids);
        f->ids = NULL;
        return false;
    }
    return true;
}

/* A text's doc, counted: a spare one remade, else a new one. */
static int make_doc(cn_annotator *a, const char *title, const char *text, cn_doc **out,
                    cn_error *err)
{
    int rc;
    if (a->n_spare > 0) {
        cn_doc *d = a->spare[--a->n_spare];
        a->spare_bytes -= cn_doc_bytes(d);
        rc = cn_doc_remake(d, a->rules, title, text, err);
        if (rc == CN_OK)
            *out = d;
        else
            cn_doc_free(d);
    } else {
        rc = cn_doc_new(a->rules, title, text, out, err);
    }
    if (rc == CN_OK)
        a->docs_made++;
    return rc;
}

/* Keep d for a later text, or free it (NULL is fine). */
static void recycle_doc(cn_annotator *a, cn_doc *d)
{
    if (!d)
        return;
    size_t bytes = cn_doc_bytes(d);
    if (bytes > SPARE_BYTES - a->spare_bytes ||
        !push_ptr(&a->spare, &a->n_spare, &a->cap_spare, d)) {
        cn_doc_free(d);
        return;
    }
    a->spare_bytes += bytes;
}

/* Word terms are read only for a model with words, or to fit one. */
static bool lexical(const cn_annotator *a)
{
    return a->keep_features || cn_model_words(cn_rules_model(a->rules)) > 0;
}

/* A content word of a question: three letters or more, not a number,
 * outside the class question-stop. */
static bool content_word(const cn_annotator *a, const cn_token *k)
{
    return k->len >= 3 && !k->number && !cn_rules_question_stop(a->rules, k->hash);
}

/* Token k's question term "?WORD" into the page's terms unless it is there
 * already; a word no rule line could name (cn_lexical_reserved) or too long
 * for a term is none. Returns CN_OK or CN_ERR_NOMEM. */
static int add_question_term(cn_annotator *a, const cn_token *k, cn_error *err)
{
    char term[CN_LEX_MAX_WORD + 2];
    if (k->len + 1 > CN_LEX_MAX_WORD)
        return CN_OK;
    for (size_t i = 0; !k->plain && i < k->len; i++)
        if (cn_lexical_reserved((unsigned char)k->word[i]))
            return CN_OK;
    term[0] = CN_LEX_QUESTION_MARK;
    memcpy(term + 1, k->word, k->len);
    size_t len = k->len + 1;
    uint64_t h = cn_hash_bytes(term, len);
    for (size_t j = 0; j < a->n_qterms; j++)
        if (a->qterms[j] == h)
            return CN_OK;
    if (!cn_grow((void **)&a->qterms, &a->cap_qterms, a->n_qterms + 1, sizeof *a->qterms) ||
        !cn_grow((void **)&a->qterm_text, &a->cap_qterm_text, a->qterm_len + len + 1, 1))
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    a->qterms[a->n_qterms++] = h;
    memcpy(a->qterm_text + a->qterm_len, term, len);
    a->qterm_text[a->qterm_len + len] = '\0';
    a->qterm_len += len + 1;
    return CN_OK;
}

/* The question terms of a doc's tokens (setting question_terms). */
static int question_terms(cn_annotator *a, const cn_doc *doc, cn_error *err)
{
    const cn_tokens *t = doc ? cn_doc_tokens(doc) : NULL;
    size_t n = t ? cn_tokens_count(t) : 0;
    const cn_token *items = n ? cn_tokens_array(t) : NULL;
    int rc = CN_OK;
    for (size_t i = 0; rc == CN_OK && i < n; i++)
        if (content_word(a, &items[i]))
            rc = add_question_term(a, &items[i], err);
    return rc;
}

/* Whether answers carry their question's terms (setting question_terms). */
static bool question_terms_on(const cn_annotator *a)
{
    return cn_rules_setting(a->rules, "question_terms") != 0;
}

/* Whether answers are read for their question's options (setting
 * choice_questions). */
static bool choice_on(const cn_annotator *a)
{
    return cn_rules_setting(a->rules, "choice_questions") != 0;
}

/* The content words of the question's doc (qdoc: its title), each once, and
 * with setting question_terms the question terms of its title and body
 * (bdoc), and with setting choice_questions its options (cn_choice), read
 * off the tokens the question already has. */
static int question_words(cn_annotator *a, const cn_page *page, const cn_doc *qdoc,
                          const cn_doc *bdoc, cn_error *err)
{
    a->choice.n = 0;
    if (choice_on(a))
        cn_choice_question(a->rules, qdoc ? cn_doc_tokens(qdoc) : NULL, page->question,
                           bdoc ? cn_doc_tokens(bdoc) : NULL, page->body, &a->choice);
    a->n_qwords = 0;
    a->n_qterms = 0;
    a->qterm_len = 0;
    a->qwords_ready = true;
    const cn_tokens *t = qdoc ? cn_doc_tokens(qdoc) : NULL;
    size_t n = t ? cn_tokens_count(t) : 0;
    const cn_token *items = n ? cn_tokens_array(t) : NULL;
    for (size_t i = 0; i < n; i++) {
        const cn_token *k = &items[i];
        bool seen = !content_word(a, k);
        for (size_t j = 0; j < a->n_qwords && !seen; j++)
            seen = a->qwords[j] == k->hash;
        if (seen)
            continue;
        if (!cn_grow((void **)&a->qwords, &a->cap_qwords, a->n_qwords + 1, sizeof *a->qwords))
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        a->qwords[a->n_qwords++] = k->hash;
    }
    int rc = CN_OK;
    if (question_terms_on(a)) {
        rc = question_terms(a, qdoc, err);
        if (rc == CN_OK)
            rc = question_terms(a, bdoc, err);
    }
    return rc;
}

size_t cn_annotator_docs_made(const cn_annotator *a)
{
    return a->docs_made;
}

void cn_annotator_keep_features(cn_annotator *a, bool keep)
{
    a->keep_features = keep;
}

/* The question a page is judged against: its primary claim, type and flags
 * (the question fields of a cn_page_annotation, all borrowed). */
typedef struct question_choice {
    const cn_claim_choice *primary;
    const char *type;
    const char *const *flags;
    size_t n_flags;
} question_choice;

/* Remember question_id's choice q (its parts kept by the annotator already). */
static int remember_question(cn_annotator *a, const char *question_id, const question_choice *q,
                             cn_error *err)
{
    if (a->n_claims == a->cap_claims) {
        size_t cap = a->cap_claims ? a->cap_claims * 2 : 16;
        cn_claim_choice **cl = cap <= INT32_MAX ? realloc(a->claims, cap * sizeof *cl) : NULL;
        if (cl)
            a->claims = cl;
        const char **qt = cl ? realloc(a->qtypes, cap * sizeof *qt) : NULL;
        if (qt)
            a->qtypes = qt;
        question_flags *qf = qt ? realloc(a->qflags, cap * sizeof *qf) : NULL;
        if (qf)
            a->qflags = qf;
        double *as = qf ? realloc(a->askers, cap * sizeof *as) : NULL;
        if (as)
            a->askers = as;
        if (!as)
            return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        a->cap_claims = cap;
    }
    a->claims[a->n_claims] = (cn_claim_choice *)q->primary;
    a->qtypes[a->n_claims] = q->type;
    a->qflags[a->n_claims] = (question_flags){(const char **)q->flags, q->n_flags};
    a->askers[a->n_claims] = a->asker_days;
    if (cn_strmap_put(a->by_question, question_id, (int)a->n_claims) != 0)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    a->n_claims++;
    return CN_OK;
}

/* Choose the page's question: its primary claim (kept by the annotator), type
 * and flags. With remember, a question_id seen before gives the choice made on
 * its first page, and a new one is remembered. */
static int choose_question(cn_annotator *a, const cn_page *page, cn_doc *const *docs, bool remember,
                           question_choice *q, cn_error *err)
{
    int idx =
        remember && page->question_id[0] ? cn_strmap_get(a->by_question, page->question_id) : -1;
    if (idx >= 0) {
        *q =
            (question_choice){a->claims[idx], a->qtypes[idx], a->qflags[idx].ids, a->qflags[idx].n};
        a->asker_days = a->askers[idx];
        a->asker_ready = true;
        return CN_OK;
    }
    const char **texts = calloc(page->n_answers + 1, sizeof *texts);
    const cn_doc **tdocs = calloc(page->n_answers + 1, sizeof *tdocs);
    cn_claim_choice *c = calloc(1, sizeof *c);
    if (!texts || !tdocs || !c) {
        free(texts);
        free(tdocs);
        free(c);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < page->n_answers; i++)
        if (!page->answers[i].related) {
            texts[n] = page->answers[i].text ? page->answers[i].text : "";
            tdocs[n++] = docs[i];
        }
    /* The question's title and body, tokenized once for claim, type and flags. */
    cn_doc *qdoc = NULL, *bdoc = NULL;
    int rc = CN_OK;
    if (page->question && *page->question)
        rc = make_doc(a, page->question, NULL, &qdoc, err);
    if (rc == CN_OK && page->body && *page->body)
        rc = make_doc(a, NULL, page->body, &bdoc, err);
    if (rc == CN_OK)
        rc = cn_claims_primary(a->rules, page->question, qdoc, texts, tdocs, n, c, err);
    free(texts);
    free(tdocs);
    question_flags f = {0};
    if (rc == CN_OK)
        rc = cn_claims_question_flags(a->rules, qdoc, bdoc, &f.ids, &f.n, err);
    if (rc == CN_OK)
        rc = add_qtype_flag(a->rules, page, &f, err);
    if (rc == CN_OK)
        rc = add_choice_flag(a->rules, page, qdoc, bdoc, &f, err);
    const char *type = rc ? NULL : cn_claims_question_type(a->rules, qdoc, NULL);
    if (rc == CN_OK && lexical(a))
        rc = question_words(a, page, qdoc, bdoc, err);
    if (rc == CN_OK) {
        a->asker_days = cn_wait_asker_days(a->rules, qdoc, bdoc);
        a->asker_ready = true;
    }
    recycle_doc(a, qdoc);
    recycle_doc(a, bdoc);
    if (rc == CN_OK && !keep_flags(a, &f))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK && !keep_choice(a, c, &c))
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc) { /* f.ids is NULL or kept by now */
        cn_claim_choice_clear(c);
        free(c);
        return rc;
    }
    *q = (question_choice){c, type, f.ids, f.n};
    if (remember && page->question_id[0])
        return remember_question(a, page->question_id, q, err);
    return CN_OK;
}

static void answer_annotation_clear(cn_answer_annotation *aa)
{
    for (size_t i = 0; i < aa->n_claims; i++)
        cn_decision_clear(&aa->claims[i].decision);
    free(aa->claims);
}

void cn_page_annotation_free(cn_page_annotation *pa)
{
    if (!pa)
        return;
    for (size_t i = 0; i < pa->n_answers; i++)
        answer_annotation_clear(&pa->answers[i]);
    free(pa->answers);
    free(pa);
}

static int annotate_answer(cn_annotator *a, const cn_answer *ans, const cn_doc *doc,
                           const question_choice *q, cn_answer_annotation *aa, cn_error *err)
{
    const cn_rule **others = NULL;
    size_t n_others = 0;
    int rc = cn_claims_in_body(a->rules, doc, &others, &n_others, err);
    if (rc)
        return rc;
    aa->claims = calloc(n_others + 1, sizeof *aa->claims);
    if (!aa->claims) {
        free(others);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    cn_classify_input in = {.title = ans->title,
                            .text = ans->text ? ans->text : "",
                            .doc = doc,
                            .keep_features = a->keep_features,
                            .related = ans->related,
                            .title_only = ans->truncated && (!ans->text || !*ans->text),
                            .question_type = q->type,
                            .question_flags = q->flags,
                            .n_question_flags = q->n_flags,
                            .question_words = a->qwords,
                            .n_question_words = a->n_qwords,
                            .question_terms = a->qterms,
                            .question_term_text = a->qterm_text,
                            .n_question_terms = a->n_qterms,
                            .asker_days = a->asker_days,
                            .choice = a->choice.n >= 2 ? &a->choice : NULL,
                            .seen = &a->seen};
    const cn_claim_choice *primary = q->primary;
    aa->claims[0].claim_id = primary->id;
    aa->claims[0].statement = primary->statement;
    aa->claims[0].primary = true;
    rc = cn_classify_answer(a->rules, &in, &aa->claims[0].decision, err);
    aa->n_claims = rc == CN_OK ? 1 : 0;
    for (size_t i = 0; rc == CN_OK && i < n_others; i++) {
        if (others[i] == primary->rule) {
            aa->names_primary = primary->rule != NULL;
            continue;
        }
        cn_answer_claim *c = &aa->claims[aa->n_claims];
        cn_classify_input sec = {.text = ans->text ? ans->text : "",
                                 .doc = doc,
                                 .body_only = true,
                                 .topic_claim = others[i],
                                 .seen = &a->seen};
        c->claim_id = others[i]->id;
        c->statement = others[i]->statement;
        rc = cn_classify_answer(a->rules, &sec, &c->decision, err);
        if (rc == CN_OK) {
            /* A claim the answer names without taking a position is not listed. */
            if (c->decision.stance == CN_STANCE_NONE)
                cn_decision_clear(&c->decision);
            else
                aa->n_claims++;
        }
    }
    free(others);
    return rc;
}

/* A page judged against like's question was not read for it: its question
 * words (words: the title's, and with setting question_terms the body's
 * too) and, when like does not know it (an annotation decoded from a
 * partial), the asker's time point (point, from title and body) are read
 * here, title and body tokenized once for both. */
static int reread_question(cn_annotator *a, const cn_page *page, bool words, bool point,
                           cn_error *err)
{
    cn_doc *qdoc = NULL, *bdoc = NULL;
    int rc = CN_OK;
    bool body = point || (words && (question_terms_on(a) || choice_on(a)));
    if (page->question && *page->question)
        rc = make_doc(a, page->question, NULL, &qdoc, err);
    if (rc == CN_OK && body && page->body && *page->body)
        rc = make_doc(a, NULL, page->body, &bdoc, err);
    if (rc == CN_OK && words && (qdoc || bdoc))
        rc = question_words(a, page, qdoc, bdoc, err);
    if (rc == CN_OK && point)
        a->asker_days = cn_wait_asker_days(a->rules, qdoc, bdoc);
    recycle_doc(a, qdoc);
    recycle_doc(a, bdoc);
    return rc;
}

static void free_docs(cn_annotator *a, cn_doc **docs, size_t n)
{
    for (size_t i = 0; docs && i < n; i++)
        recycle_doc(a, docs[i]);
    free(docs);
}

/* Annotate page against like's question, else against the question chosen
 * (and with remember looked up and remembered) here. */
static int annotate_page(cn_annotator *a, const cn_page *page, const cn_page_annotation *like,
                         bool remember, cn_page_annotation **out, cn_error *err)
{
    *out = NULL;
    /* Each answer's title and text, tokenized and matched once for all of
     * its claims. */
    cn_doc **docs = calloc(page->n_answers + 1, sizeof *docs);
    if (!docs)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int rc = CN_OK;
    for (size_t i = 0; rc == CN_OK && i < page->n_answers; i++)
        rc = make_doc(a, page->answers[i].title, page->answers[i].text ? page->answers[i].text : "",
                      &docs[i], err);
    question_choice q = {0};
    a->n_qwords = 0;
    a->n_qterms = 0;
    a->qterm_len = 0;
    a->qwords_ready = false;
    a->choice.n = 0;
    a->asker_days = 0;
    a->asker_ready = false;
    if (rc == CN_OK && like) {
        q = (question_choice){like->primary, like->question_type, like->question_flags,
                              like->n_question_flags};
        a->asker_days = like->asker_days;
        a->asker_ready = like->asker_known;
    } else if (rc == CN_OK)
        rc = choose_question(a, page, docs, remember, &q, err);
    /* A question chosen before (same question_id, or like's) was not
     * tokenized for this page: its words are read here, in lexical mode only. */
    bool words = lexical(a) && !a->qwords_ready;
    bool point = !a->asker_ready && cn_rules_has_asker_waits(a->rules);
    if (rc == CN_OK && (words || point))
        rc = reread_question(a, page, words, point, err);
    if (rc) {
        free_docs(a, docs, page->n_answers);
        return rc;
    }
    cn_page_annotation *pa = calloc(1, sizeof *pa);
    if (pa)
        pa->answers = calloc(page->n_answers + 1, sizeof *pa->answers);
    if (!pa || !pa->answers) {
        free(pa);
        free_docs(a, docs, page->n_answers);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    pa->primary = q.primary;
    pa->question_type = q.type;
    pa->question_flags = q.flags;
    pa->n_question_flags = q.n_flags;
    pa->asker_days = a->asker_days;
    pa->asker_known = true;
    for (size_t i = 0; rc == CN_OK && i < page->n_answers; i++) {
        rc = annotate_answer(a, &page->answers[i], docs[i], &q, &pa->answers[i], err);
        pa->n_answers = i + 1;
    }
    free_docs(a, docs, page->n_answers);
    if (rc) {
        cn_page_annotation_free(pa);
        return rc;
    }
    *out = pa;
    return CN_OK;
}

int cn_annotator_page(cn_annotator *a, const cn_page *page, cn_page_annotation **out, cn_error *err)
{
    return annotate_page(a, page, NULL, true, out, err);
}

int cn_annotator_page_as(cn_annotator *a, const cn_page *page, const cn_page_annotation *like,
                         cn_page_annotation **out, cn_error *err)
{
    return annotate_page(a, page, like, false, out, err);
}

/* Round for stable, readable JSON (reports must be byte-identical). */
static double round4(double x)
{
    return isfinite(x) ? round(x * 10000.0) / 10000.0 : 0.0;
}

/* The names of the effects on a cue, in the order they are listed. */
static const struct {
    unsigned flag;
    const char *name;
    size_t len;
} EFFECTS[] = {
    {CN_EV_NEGATED, "negated", 7},
    {CN_EV_HEDGED, "hedged", 6},
    {CN_EV_SHIFTED, "shifted", 7},
    {CN_EV_INTENSIFIED, "intensified", 11},
    {CN_EV_CONTRAST_BEFORE, "before-contrast", 15},
    {CN_EV_CONTRAST_AFTER, "after-contrast", 14},
    {CN_EV_EXPERIENCE, "experience", 10},
    {CN_EV_HYPOTHETICAL, "hypothetical", 12},
    {CN_EV_BOILERPLATE, "boilerplate", 11},
    {CN_EV_LAST_SENTENCE, "bottom-line", 11},
};

/* Every effect name quoted, with the commas between them. */
#define EFFECTS_MAX 160

static char *put_lit(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}
#define PUT_LIT(o, literal) put_lit((o), (literal), sizeof(literal) - 1)

/* One of our own names (a kind, a stance: plain words) quoted, without the
 * escape scan a text needs. */
static char *put_name(char *o, const char *s, size_t n)
{
    *o++ = '"';
    o = put_lit(o, s, n);
    *o++ = '"';
    return o;
}

/* Room for the parts of an evidence object but its rule id and match. */
#define EVIDENCE_FIXED 400

/* One evidence object, as the generic writer (keys and values in turn) would
 * print it, written in place: evidence lists are most of a `classify` line
 * and most of its writing time went to the per-value calls. */
static void evidence_one(cn_jsonbuf *b, const cn_evidence *e, const char *src, size_t src_len)
{
    size_t id_len = e->rule->id_len, kind_len;
    const char *id = e->rule->id, *kind = cn_rule_kind_name_n(e->rule->kind, &kind_len);
    bool has_match = src && e->end <= src_len;
    size_t match_len = has_match ? e->end - e->start : 0;
    char *o =
        cn_jsonbuf_value_room(b, EVIDENCE_FIXED + EFFECTS_MAX + CN_JSON_QUOTED_MAX(id_len) +
                                     CN_JSON_QUOTED_MAX(kind_len) + CN_JSON_QUOTED_MAX(match_len));
    if (!o)
        return;
    o = PUT_LIT(o, "{\"rule\":");
    /* a rule id is known plain or not since the rules were read */
    o = e->rule->id_plain ? put_name(o, id, id_len) : cn_json_quote_into(o, id, id_len);
    o = PUT_LIT(o, ",\"kind\":");
    o = put_name(o, kind, kind_len);
    o = e->in_title ? PUT_LIT(o, ",\"field\":\"title\",\"start\":")
                    : PUT_LIT(o, ",\"field\":\"text\",\"start\":");
    o = cn_json_size_into(o, e->start);
    o = PUT_LIT(o, ",\"end\":");
    o = cn_json_size_into(o, e->end);
    if (has_match) {
        o = PUT_LIT(o, ",\"match\":");
        o = cn_json_quote_into(o, src + e->start, match_len);
    }
    if (e->rule->kind == CN_RULE_CUE) {
        o = PUT_LIT(o, ",\"stance\":");
        const char *stance = cn_stance_name(e->stance);
        o = put_name(o, stance, strlen(stance));
        o = PUT_LIT(o, ",\"weight\":");
        o += cn_json_number_format(round4(e->weight), o);
        o = PUT_LIT(o, ",\"effects\":[");
        bool first = true;
        /* most cues have no effect: no walk over the names then */
        for (size_t i = 0; e->flags && i < sizeof EFFECTS / sizeof *EFFECTS; i++) {
            if (!(e->flags & EFFECTS[i].flag))
                continue;
            if (!first)
                *o++ = ',';
            first = false;
            o = put_name(o, EFFECTS[i].name, EFFECTS[i].len);
        }
        *o++ = ']';
    }
    *o++ = '}';
    cn_jsonbuf_value_end(b, o);
}

static void evidence_json(cn_jsonbuf *b, const cn_decision *d, const char *title, const char *text)
{
    cn_jsonbuf_open_array(b);
    /* lengths once: an evidence list grows with the text */
    size_t title_len = title ? strlen(title) : 0, text_len = text ? strlen(text) : 0;
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        evidence_one(b, e, e->in_title ? title : text, e->in_title ? title_len : text_len);
    }
    cn_jsonbuf_close_array(b);
}

cJSON *cn_evidence_json(const cn_decision *d, const char *title, const char *text)
{
    cn_jsonbuf b = {0};
    evidence_json(&b, d, title, text);
    char *s = cn_jsonbuf_take(&b);
    cJSON *arr = s ? cJSON_Parse(s) : NULL;
    free(s);
    return arr;
}

/* s quoted at o (room for CN_JSON_QUOTED_MAX(n)), or null when NULL. */
static char *put_string_or_null(char *o, const char *s, size_t n)
{
    return s ? cn_json_quote_into(o, s, n) : PUT_LIT(o, "null");
}

/* A number as cn_jsonbuf_number writes it (room for NUMBER_ROOM bytes). */
#define NUMBER_ROOM 32
static char *put_number(char *o, double d)
{
    return o + cn_json_number_format(d, o);
}

static size_t len_or_0(const char *s)
{
    return s ? strlen(s) : 0;
}

/* Room for the literal keys and punctuation of the answer's stance fields. */
#define STANCE_FIXED 320

/* The answer's stance fields, from "stance" to "scores", written in place
 * (room asked for once): what the key and value calls wrote one by one. */
static void stance_fields(cn_jsonbuf *b, const cn_page_annotation *pa, const cn_decision *primary)
{
    const char *stance = cn_stance_name(primary->stance), *claim = pa->primary->id,
               *reason = primary->reason ? primary->reason : "",
               *feature = primary->deciding_feature;
    size_t stance_n = strlen(stance), claim_n = len_or_0(claim),
           type_n = len_or_0(pa->question_type), reason_n = strlen(reason),
           feature_n = len_or_0(feature), room = STANCE_FIXED + 4 * NUMBER_ROOM;
    room += CN_JSON_QUOTED_MAX(stance_n) + CN_JSON_QUOTED_MAX(claim_n) +
            CN_JSON_QUOTED_MAX(type_n) + CN_JSON_QUOTED_MAX(reason_n) +
            CN_JSON_QUOTED_MAX(feature_n);
    for (size_t f = 0; f < pa->n_question_flags; f++)
        if (pa->question_flags[f])
            room += 1 + CN_JSON_QUOTED_MAX(strlen(pa->question_flags[f]));
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++)
        room += 4 + CN_JSON_QUOTED_MAX(strlen(cn_stance_name((cn_stance)k)));
    char *o = cn_jsonbuf_value_room(b, room);
    if (!o)
        return;
    o = PUT_LIT(o, "\"stance\":");
    o = cn_json_quote_into(o, stance, stance_n);
    o = PUT_LIT(o, ",\"confidence\":");
    o = put_number(o, round4(primary->confidence));
    if (claim) {
        o = PUT_LIT(o, ",\"claim\":");
        o = cn_json_quote_into(o, claim, claim_n);
    }
    o = PUT_LIT(o, ",\"question_type\":");
    o = put_string_or_null(o, pa->question_type, type_n);
    o = PUT_LIT(o, ",\"question_flags\":[");
    bool first = true;
    for (size_t f = 0; f < pa->n_question_flags; f++) {
        const char *flag = pa->question_flags[f];
        if (!flag)
            continue;
        if (!first)
            *o++ = ',';
        first = false;
        o = cn_json_quote_into(o, flag, strlen(flag));
    }
    o = primary->conflicting ? PUT_LIT(o, "],\"conflicting\":true")
                             : PUT_LIT(o, "],\"conflicting\":false");
    o = PUT_LIT(o, ",\"reason\":");
    o = cn_json_quote_into(o, reason, reason_n);
    if (feature) {
        o = PUT_LIT(o, ",\"deciding_feature\":");
        o = cn_json_quote_into(o, feature, feature_n);
    }
    o = PUT_LIT(o, ",\"scores\":{");
    for (int k = CN_STANCE_REASSURING; k < CN_STANCE_COUNT; k++) {
        const char *name = cn_stance_name((cn_stance)k);
        if (k != CN_STANCE_REASSURING)
            *o++ = ',';
        o = cn_json_quote_into(o, name, strlen(name));
        *o++ = ':';
        o = put_number(o, round4(primary->scores[k]));
    }
    *o++ = '}';
    cn_jsonbuf_value_end(b, o);
}

/* A claim's object up to its evidence list (which the caller writes, then
 * closes the object), in place. */
static void claim_head(cn_jsonbuf *b, const cn_answer_claim *ac)
{
    const char *stance = cn_stance_name(ac->decision.stance);
    size_t id_n = len_or_0(ac->claim_id), st_n = len_or_0(ac->statement), stance_n = strlen(stance);
    char *o = cn_jsonbuf_value_room(b, STANCE_FIXED + NUMBER_ROOM + CN_JSON_QUOTED_MAX(id_n) +
                                           CN_JSON_QUOTED_MAX(st_n) + CN_JSON_QUOTED_MAX(stance_n));
    if (!o)
        return;
    *o++ = '{';
    bool first = true;
    if (ac->claim_id) {
        o = PUT_LIT(o, "\"claim\":");
        o = cn_json_quote_into(o, ac->claim_id, id_n);
        first = false;
    }
    if (ac->statement) {
        if (!first)
            *o++ = ',';
        o = PUT_LIT(o, "\"statement\":");
        o = cn_json_quote_into(o, ac->statement, st_n);
        first = false;
    }
    if (!first)
        *o++ = ',';
    o = ac->primary ? PUT_LIT(o, "\"primary\":true") : PUT_LIT(o, "\"primary\":false");
    o = PUT_LIT(o, ",\"stance\":");
    o = cn_json_quote_into(o, stance, stance_n);
    o = PUT_LIT(o, ",\"confidence\":");
    o = put_number(o, round4(ac->decision.confidence));
    cn_jsonbuf_value_end(b, o);
}

void cn_annotation_answer_write(cn_jsonbuf *b, const cn_page *page, size_t i,
                                const cn_page_annotation *pa)
{
    cn_answer_json_fields(b, page, i);
    const cn_answer_annotation *aa = &pa->answers[i];
    const cn_answer *ans = &page->answers[i];
    stance_fields(b, pa, &aa->claims[0].decision);
    CN_JSONBUF_KEY(b, "claims");
    cn_jsonbuf_open_array(b);
    for (size_t c = 0; c < aa->n_claims; c++) {
        claim_head(b, &aa->claims[c]);
        CN_JSONBUF_KEY(b, "evidence");
        evidence_json(b, &aa->claims[c].decision, ans->title, ans->text);
        cn_jsonbuf_close_object(b);
    }
    cn_jsonbuf_close_array(b);
    cn_jsonbuf_close_object(b);
}

/* The tree is read back from the line, so the `classify` line and the
 * reports' copy of it can never disagree. */
cJSON *cn_annotation_answer_json(const cn_page *page, size_t i, const cn_page_annotation *pa)
{
    if (!page || i >= page->n_answers)
        return NULL;
    cn_jsonbuf b = {0};
    cn_annotation_answer_write(&b, page, i, pa);
    char *s = cn_jsonbuf_take(&b);
    cJSON *o = s ? cJSON_Parse(s) : NULL;
    free(s);
    return o;
}
