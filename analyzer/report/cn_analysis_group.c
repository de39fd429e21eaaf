/* cn_analysis_group: grouping pages into questions: the union-find of pages that share a
 * question_id or an answer, each answer's role (counted, duplicate, related), and the
 * questions with their files and answers by role. */
#include "cn_analysis_int.h"

#include "cn_sort.h"

#include <stdlib.h>
#include <string.h>
#include "cn_grow.h"

/* The union-find of pages (an->parent): pages that share a question_id or an answer are one
 * question. */
static size_t uf_find(uint32_t *parent, size_t x)
{
    while (parent[x] != (uint32_t)x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

void cna_uf_union(uint32_t *parent, size_t a, size_t b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a > b ? a : b] = (uint32_t)(a < b ? a : b); /* the earlier page is the root */
}

/* The answer-id index (an->first_answer: the first answer with each answer_id), keyed by
 * the ids' text, read back from the records. */
static uint64_t answer_id_hash(const void *ctx, uint32_t i)
{
    const cn_analysis_result *r = &((const cn_analysis *)ctx)->result;
    return cn_hash_str(CN_ANSWER_ID(r, &r->answers[i]));
}

static bool answer_id_is(const void *ctx, uint32_t i, const void *probe)
{
    const cn_analysis_result *r = &((const cn_analysis *)ctx)->result;
    return !strcmp(CN_ANSWER_ID(r, &r->answers[i]), probe);
}

static int64_t first_answer_find(const cn_analysis *an, const char *id)
{
    return cn_idindex_find_hashed(an->first_answer, cn_hash_str(id), answer_id_is, an, id);
}

/* Its role: a related excerpt, a duplicate (pointing at its counted
 * original), or counted; links its page with its original's. Answers take
 * their roles in corpus order. */
int cna_assign_role(cn_analysis *an, size_t i, const waiting_answer *w, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_answer *a = &r->answers[i];
    int64_t orig = w->duplicate_of[0] ? first_answer_find(an, w->duplicate_of) : -1;
    if (w->related) {
        a->role = CN_ROLE_RELATED;
    } else if (orig >= 0 && (size_t)orig != i) {
        size_t o = cn_analysis_original(r, &r->answers[orig]);
        if (r->answers[o].role == CN_ROLE_COUNTED) {
            if (!cn_grow((void **)&an->dups, &an->cap_dups, an->n_dups + 1, sizeof *an->dups))
                return cna_oom(err);
            an->dups[an->n_dups++] = (dup_link){.answer = (uint32_t)i, .original = (uint32_t)o};
            a->role = CN_ROLE_DUPLICATE;
        }
    }
    if (orig >= 0)
        cna_uf_union(an->parent, w->page, cna_answer_page(an, (size_t)orig));
    const char *id = CN_ANSWER_ID(r, a);
    if (id[0] && first_answer_find(an, id) < 0 &&
        (i >= INT32_MAX ||
         cn_idindex_add_hashed(an->first_answer, cn_hash_str(id), (uint32_t)i, answer_id_hash, an)))
        return cna_oom(err);
    return CN_OK;
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The question arrays (a question's record is large, its tally: no
 * spares) and qof, root page -> question; qof freed on failure. */
static int question_arrays(cn_analysis *an, size_t np, size_t nq, size_t **qof, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    *qof = malloc((np ? np : 1) * sizeof **qof);
    r->questions = calloc(nq ? nq : 1, sizeof *r->questions);
    an->body_page = calloc(nq ? nq : 1, sizeof *an->body_page);
    an->qpage_start = calloc(nq + 2, sizeof *an->qpage_start);
    an->page_question = malloc((np ? np : 1) * sizeof *an->page_question);
    an->qpages = malloc((np ? np : 1) * sizeof *an->qpages);
    if (!*qof || !r->questions || !an->body_page || !an->qpage_start || !an->page_question ||
        !an->qpages) {
        free(*qof);
        *qof = NULL;
        return cna_oom(err);
    }
    for (size_t p = 0; p < np; p++)
        (*qof)[p] = (size_t)-1;
    return CN_OK;
}

/* Page p into its question (a new one when p is its group's first page):
 * its title, body, declared answers, and one more file. */
static void page_into_question(cn_analysis *an, size_t *qof, size_t p)
{
    cn_analysis_result *r = &an->result;
    const page_rec *pr = &an->pages[p];
    size_t root = uf_find(an->parent, p);
    if (qof[root] == (size_t)-1) {
        an->body_page[r->n_questions] = SIZE_MAX;
        qof[root] = r->n_questions++;
        cn_analysis_question *q = &r->questions[qof[root]];
        q->declared_answers = -1;
        memcpy(q->id, pr->id, CN_ID_LEN + 1);
    }
    cn_analysis_question *q = &r->questions[qof[root]];
    if (!q->question && pr->title != NO_STR)
        q->question = cna_str_at(an, pr->title);
    if (an->body_page[qof[root]] == SIZE_MAX && pr->has_body)
        an->body_page[qof[root]] = p;
    if (cna_page_declared(pr) > q->declared_answers)
        q->declared_answers = cna_page_declared(pr);
    q->n_files++;
}

/* Each question's pages' files (as many as it has pages), its pages in
 * order (qpages) and where they start in qpage_start. */
static int question_files(cn_analysis *an, const size_t *qof, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        an->qpage_start[i + 1] = an->qpage_start[i] + q->n_files;
        q->files = calloc(q->n_files, sizeof *q->files);
        if (!q->files)
            rc = cna_oom(err);
        q->n_files = 0;
    }
    for (size_t p = 0; p < an->n_pages && rc == CN_OK; p++) {
        size_t qi = qof[uf_find(an->parent, p)];
        cn_analysis_question *q = &r->questions[qi];
        const char *file = cna_str_at(an, an->pages[p].file);
        an->qpages[an->qpage_start[qi] + q->n_files] = (uint32_t)p;
        q->files[q->n_files++] = file ? file : "";
    }
    return rc;
}

/* Make the questions: one per group of pages, in order of the group's first page. */
int cna_make_questions(cn_analysis *an, cn_error *err)
{
    size_t np = an->n_pages, nq = 0;
    for (size_t p = 0; p < np; p++)
        nq += uf_find(an->parent, p) == p;
    size_t *qof = NULL;
    int rc = question_arrays(an, np, nq, &qof, err);
    if (rc != CN_OK)
        return rc;
    for (size_t p = 0; p < np; p++)
        page_into_question(an, qof, p);
    rc = question_files(an, qof, err);
    for (size_t p = 0; p < np; p++)
        an->page_question[p] = (uint32_t)qof[uf_find(an->parent, p)];
    free(qof);
    free(an->parent); /* the questions are made */
    an->parent = NULL;
    an->cap_parent = 0;
    return rc;
}

/* Sort and de-duplicate each question's files. */
static void dedupe_files(cn_analysis_result *r)
{
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        cn_sort_stable(q->files, q->n_files, sizeof *q->files, str_ptr_cmp);
        size_t w = 0;
        for (size_t f = 0; f < q->n_files; f++)
            if (w == 0 || strcmp(q->files[w - 1], q->files[f]))
                q->files[w++] = q->files[f];
        q->n_files = w;
    }
}

/* Answer i counted in its question's number of its role, and the corpus'. */
static void answer_by_role(cn_analysis_result *r, size_t i)
{
    cn_analysis_question *q = &r->questions[cn_analysis_answer_question(r, &r->answers[i])];
    switch (r->answers[i].role) {
    case CN_ROLE_COUNTED:
        q->n_answers++;
        r->distinct_answers++;
        break;
    case CN_ROLE_DUPLICATE:
        q->n_duplicates++;
        r->duplicates++;
        break;
    case CN_ROLE_RELATED:
        q->n_related++;
        r->related++;
        break;
    }
}

/* Sort and de-duplicate each question's files; count its answers by role
 * (cn_analysis_role_answer finds them from its pages). */
int cna_fill_questions(cn_analysis *an, cn_error *err)
{
    (void)err;
    cn_analysis_result *r = &an->result;
    dedupe_files(r);
    for (size_t i = 0; i < r->n_answers; i++)
        answer_by_role(r, i);
    return CN_OK;
}
