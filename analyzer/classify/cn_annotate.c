/* cn_annotate: per-page stance annotation against primary and secondary claims. */
#include "cn_annotate.h"

#include "cn_answer_json.h"
#include "cn_hash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct question_flags {
    const char **ids; /* borrowed from rules; the array is owned */
    size_t n;
} question_flags;

struct cn_annotator {
    const cn_rules *rules;
    const char **qtypes;    /* question type per claims[] entry (borrowed from rules) */
    question_flags *qflags; /* question flags per claims[] entry */
    cn_strmap *by_question; /* question_id -> index into claims */
    cn_claim_choice **claims;
    size_t n_claims, cap_claims;
    size_t docs_made; /* texts tokenized so far: one per text (cn_annotator_docs_made) */
    bool keep_features;
};

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
    for (size_t i = 0; i < a->n_claims; i++) {
        cn_claim_choice_clear(a->claims[i]);
        free(a->claims[i]);
    }
    free(a->claims);
    free(a->qtypes);
    for (size_t i = 0; i < a->n_claims; i++)
        free(a->qflags[i].ids);
    free(a->qflags);
    cn_strmap_free(a->by_question);
    free(a);
}

/* A text's doc, counted. */
static int make_doc(cn_annotator *a, const char *title, const char *text, cn_doc **out,
                    cn_error *err)
{
    int rc = cn_doc_new(a->rules, title, text, out, err);
    if (rc == CN_OK)
        a->docs_made++;
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
    if (rc == CN_OK && a->n_claims == a->cap_claims) {
        size_t cap = a->cap_claims ? a->cap_claims * 2 : 16;
        cn_claim_choice **cl = realloc(a->claims, cap * sizeof *cl);
        if (cl)
            a->claims = cl;
        const char **qt = cl ? realloc(a->qtypes, cap * sizeof *qt) : NULL;
        if (qt)
            a->qtypes = qt;
        question_flags *qf = qt ? realloc(a->qflags, cap * sizeof *qf) : NULL;
        if (qf)
            a->qflags = qf;
        if (!cl || !qt || !qf)
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
        else
            a->cap_claims = cap;
    }
    question_flags *f = rc ? NULL : &a->qflags[a->n_claims];
    if (f)
        rc = cn_claims_question_flags(a->rules, qdoc, bdoc, &f->ids, &f->n, err);
    const char *type = rc ? NULL : cn_claims_question_type(a->rules, qdoc, NULL);
    cn_doc_free(qdoc);
    cn_doc_free(bdoc);
    if (rc) {
        cn_claim_choice_clear(c);
        free(c);
        return rc;
    }
    a->claims[a->n_claims] = c;
    a->qtypes[a->n_claims] = type;
    if (remember && page->question_id[0])
        cn_strmap_put(a->by_question, page->question_id, (int)a->n_claims);
    *q = (question_choice){c, type, f->ids, f->n};
    a->n_claims++;
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
                            .n_question_flags = q->n_flags};
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
                                 .topic_claim = others[i]};
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

static void free_docs(cn_doc **docs, size_t n)
{
    for (size_t i = 0; docs && i < n; i++)
        cn_doc_free(docs[i]);
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
    if (rc == CN_OK && like)
        q = (question_choice){like->primary, like->question_type, like->question_flags,
                              like->n_question_flags};
    else if (rc == CN_OK)
        rc = choose_question(a, page, docs, remember, &q, err);
    if (rc) {
        free_docs(docs, page->n_answers);
        return rc;
    }
    cn_page_annotation *pa = calloc(1, sizeof *pa);
    if (pa)
        pa->answers = calloc(page->n_answers + 1, sizeof *pa->answers);
    if (!pa || !pa->answers) {
        free(pa);
        free_docs(docs, page->n_answers);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    pa->primary = q.primary;
    pa->question_type = q.type;
    pa->question_flags = q.flags;
    pa->n_question_flags = q.n_flags;
    for (size_t i = 0; rc == CN_OK && i < page->n_answers; i++) {
        rc = annotate_answer(a, &page->answers[i], docs[i], &q, &pa->answers[i], err);
        pa->n_answers = i + 1;
    }
    free_docs(docs, page->n_answers);
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

static cJSON *effects_json(unsigned flags)
{
    static const struct {
        unsigned flag;
        const char *name;
    } NAMES[] = {
        {CN_EV_NEGATED, "negated"},
        {CN_EV_HEDGED, "hedged"},
        {CN_EV_SHIFTED, "shifted"},
        {CN_EV_INTENSIFIED, "intensified"},
        {CN_EV_CONTRAST_BEFORE, "before-contrast"},
        {CN_EV_CONTRAST_AFTER, "after-contrast"},
        {CN_EV_EXPERIENCE, "experience"},
        {CN_EV_HYPOTHETICAL, "hypothetical"},
        {CN_EV_BOILERPLATE, "boilerplate"},
        {CN_EV_LAST_SENTENCE, "bottom-line"},
    };
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < sizeof NAMES / sizeof *NAMES; i++)
        if (flags & NAMES[i].flag)
            cJSON_AddItemToArray(arr, cJSON_CreateString(NAMES[i].name));
    return arr;
}

cJSON *cn_evidence_json(const cn_decision *d, const char *title, const char *text)
{
    cJSON *arr = cJSON_CreateArray();
    /* lengths once: an evidence list grows with the text */
    size_t title_len = title ? strlen(title) : 0, text_len = text ? strlen(text) : 0;
    for (size_t i = 0; arr && i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        const char *src = e->in_title ? title : text;
        size_t src_len = e->in_title ? title_len : text_len;
        cJSON *o = cJSON_CreateObject();
        if (!o)
            break;
        cJSON_AddStringToObject(o, "rule", e->rule->id);
        cJSON_AddStringToObject(o, "kind", cn_rule_kind_name(e->rule->kind));
        cJSON_AddStringToObject(o, "field", e->in_title ? "title" : "text");
        cJSON_AddNumberToObject(o, "start", (double)e->start);
        cJSON_AddNumberToObject(o, "end", (double)e->end);
        if (src && e->end <= src_len) {
            char *m = strndup(src + e->start, e->end - e->start);
            cJSON_AddStringToObject(o, "match", m ? m : "");
            free(m);
        }
        if (e->rule->kind == CN_RULE_CUE) {
            cJSON_AddStringToObject(o, "stance", cn_stance_name(e->stance));
            cJSON_AddNumberToObject(o, "weight", round4(e->weight));
            cJSON_AddItemToObject(o, "effects", effects_json(e->flags));
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *scores_json(const cn_decision *d)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = CN_STANCE_REASSURING; o && k < CN_STANCE_COUNT; k++)
        cJSON_AddNumberToObject(o, cn_stance_name((cn_stance)k), round4(d->scores[k]));
    return o;
}

cJSON *cn_annotation_answer_json(const cn_page *page, size_t i, const cn_page_annotation *pa)
{
    cJSON *o = cn_answer_json_new(page, i);
    if (!o)
        return NULL;
    const cn_answer_annotation *aa = &pa->answers[i];
    const cn_answer *ans = &page->answers[i];
    const cn_decision *primary = &aa->claims[0].decision;
    cJSON_AddStringToObject(o, "stance", cn_stance_name(primary->stance));
    cJSON_AddNumberToObject(o, "confidence", round4(primary->confidence));
    cJSON_AddStringToObject(o, "claim", pa->primary->id);
    if (pa->question_type)
        cJSON_AddStringToObject(o, "question_type", pa->question_type);
    else
        cJSON_AddNullToObject(o, "question_type");
    cJSON *flags = cJSON_AddArrayToObject(o, "question_flags");
    for (size_t i = 0; flags && i < pa->n_question_flags; i++)
        cJSON_AddItemToArray(flags, cJSON_CreateString(pa->question_flags[i]));
    cJSON_AddBoolToObject(o, "conflicting", primary->conflicting);
    cJSON_AddStringToObject(o, "reason", primary->reason ? primary->reason : "");
    if (primary->deciding_feature)
        cJSON_AddStringToObject(o, "deciding_feature", primary->deciding_feature);
    cJSON_AddItemToObject(o, "scores", scores_json(primary));
    cJSON *claims = cJSON_AddArrayToObject(o, "claims");
    for (size_t c = 0; claims && c < aa->n_claims; c++) {
        const cn_answer_claim *ac = &aa->claims[c];
        cJSON *co = cJSON_CreateObject();
        if (!co)
            break;
        cJSON_AddStringToObject(co, "claim", ac->claim_id);
        cJSON_AddStringToObject(co, "statement", ac->statement);
        cJSON_AddBoolToObject(co, "primary", ac->primary);
        cJSON_AddStringToObject(co, "stance", cn_stance_name(ac->decision.stance));
        cJSON_AddNumberToObject(co, "confidence", round4(ac->decision.confidence));
        cJSON_AddItemToObject(co, "evidence",
                              cn_evidence_json(&ac->decision, ans->title, ans->text));
        cJSON_AddItemToArray(claims, co);
    }
    return o;
}
