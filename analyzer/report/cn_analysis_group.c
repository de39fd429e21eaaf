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

/* Answer i's answer_id as text while the roles are given (the records are
 * not back yet): from answer_ids and its early byte, as
 * cn_analysis_answer_id gives it from its record. */
static const char *early_id(const cn_analysis *an, size_t i, char buf[CN_ID_LEN + 1])
{
    uint64_t id = an->answer_ids[i];
    if (an->early[i] & EARLY_ID_TEXT)
        return an->strs[id];
    cn_page_id_text(id, buf);
    return buf;
}

/* The answer-id index (an->first_answer: the first answer with each answer_id), keyed by
 * the ids' text, read back from the answer_ids. */
static uint64_t answer_id_hash(const void *ctx, uint32_t i)
{
    char buf[CN_ID_LEN + 1];
    return cn_hash_str(early_id(ctx, i, buf));
}

static bool answer_id_is(const void *ctx, uint32_t i, const void *probe)
{
    char buf[CN_ID_LEN + 1];
    return !strcmp(early_id(ctx, i, buf), probe);
}

static int64_t first_answer_find(const cn_analysis *an, const char *id)
{
    return cn_idindex_find_hashed(an->first_answer, cn_hash_str(id), answer_id_is, an, id);
}

/* The counted answer an earlier answer o stands for, from the early bytes
 * (cn_analysis_original before the records are back). */
static size_t early_original(const cn_analysis *an, size_t o)
{
    if ((an->early[o] & EARLY_ROLE) != CN_ROLE_DUPLICATE)
        return o;
    size_t k = cna_place_u32(an->dups, an->n_dups, sizeof *an->dups, o);
    return k < an->n_dups ? an->dups[k].original : o;
}

/* Its role (into its early byte, with whether its id is text: the record
 * takes the role when it comes back): a related excerpt, a duplicate
 * (pointing at its counted original), or what its record says (counted);
 * links its page with its original's. Answers take their roles in corpus
 * order, answer_ids[i] set. */
int cna_assign_role(cn_analysis *an, size_t i, const waiting_answer *w, cn_error *err)
{
    unsigned role = w->a.role;
    int64_t orig = w->duplicate_of[0] ? first_answer_find(an, w->duplicate_of) : -1;
    if (w->related) {
        role = CN_ROLE_RELATED;
    } else if (orig >= 0 && (size_t)orig != i) {
        size_t o = early_original(an, (size_t)orig);
        if ((an->early[o] & EARLY_ROLE) == CN_ROLE_COUNTED) {
            if (!cn_grow((void **)&an->dups, &an->cap_dups, an->n_dups + 1, sizeof *an->dups))
                return cna_oom(err);
            an->dups[an->n_dups++] = (dup_link){.answer = (uint32_t)i, .original = (uint32_t)o};
            role = CN_ROLE_DUPLICATE;
        }
    }
    an->early[i] = (uint8_t)(role | (w->a.id_text ? EARLY_ID_TEXT : 0));
    if (orig >= 0)
        cna_uf_union(an->parent, w->page, cna_answer_page(an, (size_t)orig));
    char buf[CN_ID_LEN + 1];
    const char *id = early_id(an, i, buf);
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
static void page_into_question(cn_analysis *an, size_t *qof, size_t p, const page_rec *pr)
{
    cn_analysis_result *r = &an->result;
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

/* Each question's pages in order (qpages) and where they start in
 * qpage_start (n_files counts its pages until cna_fill_questions). */
static void question_pages(cn_analysis *an, const size_t *qof)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        an->qpage_start[i + 1] = an->qpage_start[i] + q->n_files;
        q->n_files = 0;
    }
    for (size_t p = 0; p < an->n_pages; p++) {
        size_t qi = qof[uf_find(an->parent, p)];
        an->qpages[an->qpage_start[qi] + r->questions[qi].n_files++] = (uint32_t)p;
    }
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
    for (size_t p = 0; p < np && rc == CN_OK; p++) { /* the records in order, from disk */
        page_rec pr;
        rc = cn_recfile_read(an->pages_numbered, &pr, sizeof pr, err);
        if (rc == CN_OK)
            page_into_question(an, qof, p, &pr);
    }
    if (rc != CN_OK) {
        free(qof);
        return rc;
    }
    question_pages(an, qof);
    for (size_t p = 0; p < np; p++)
        an->page_question[p] = (uint32_t)qof[uf_find(an->parent, p)];
    free(qof);
    free(an->parent); /* the questions are made */
    an->parent = NULL;
    an->cap_parent = 0;
    return rc;
}

/* Room in the loader's file list for n names. */
static bool files_room(cn_analysis_loader *L, size_t n)
{
    return cn_grow((void **)&L->files, &L->cap_files, n ? n : 1, sizeof *L->files);
}

/* The list's room given back before a list of at most n names when it is
 * more than four times that and more than FILES_KEEP names: the room of the
 * largest list (2 MB at 1 GB, the largest question's pages) is not kept
 * while the reports list a few names each. */
#define FILES_KEEP 4096

/* The list's room (its name pointers and the names' bytes) given back. */
static void files_release(cn_analysis_loader *L)
{
    free(L->files);
    L->files = NULL;
    L->cap_files = 0;
    free(L->names);
    L->names = NULL;
    L->cap_names = 0;
}

static void files_fit(cn_analysis_loader *L, size_t n)
{
    if (L->cap_files > FILES_KEEP && L->cap_files / 4 > n)
        files_release(L);
}

/* The loader's list of n names made distinct, in byte order: how many are left. */
static size_t sort_files(cn_analysis_loader *L, size_t n)
{
    cn_sort_stable(L->files, n, sizeof *L->files, str_ptr_cmp);
    size_t w = 0;
    for (size_t f = 0; f < n; f++)
        if (w == 0 || strcmp(L->files[w - 1], L->files[f]))
            L->files[w++] = L->files[f];
    return w;
}

/* An out-of-memory list: the loader's error from then on. */
static const char *const *files_failed(cn_analysis_loader *L, size_t *n)
{
    *n = 0;
    if (L->load_rc == CN_OK)
        L->load_rc = cna_oom(&L->load_err);
    return NULL;
}

/* Page p's file number (page_file: made as the page records came back). */
static uint32_t page_file_number(const cn_analysis *an, size_t p)
{
    return an->page_file[p];
}

/* File number f's name ("" for none, as a page without one lists) copied to the end of
 * L's names (*used bytes of them), its offset there in L->files[k]: the list's names
 * are pointed to once all are in (names_listed), as the room may move. */
static bool list_name(const cn_analysis *an, cn_analysis_loader *L, uint32_t f, size_t k,
                      size_t *used)
{
    const char *name = cna_file_name(an, L, f);
    name = name ? name : "";
    size_t len = strlen(name);
    if (!cn_grow((void **)&L->names, &L->cap_names, *used + len + 1, 1))
        return false;
    memcpy(L->names + *used, name, len + 1);
    L->files[k] = (const char *)(uintptr_t)*used;
    *used += len + 1;
    return true;
}

static void names_listed(cn_analysis_loader *L, size_t n)
{
    for (size_t k = 0; k < n; k++)
        L->files[k] = L->names + (uintptr_t)L->files[k];
}

/* Question q's pages' files, into the loader L's list (a page of the same file as the
 * page before it adds nothing: the same names are listed either way). */
static const char *const *question_files(const cn_analysis *an, cn_analysis_loader *L, size_t q,
                                         size_t *n)
{
    size_t first = an->qpage_start[q], end = an->qpage_start[q + 1];
    files_fit(L, end - first);
    if (!files_room(L, end - first))
        return files_failed(L, n);
    size_t k = 0, used = 0;
    uint32_t last = 0;
    for (size_t i = first; i < end; i++) {
        uint32_t f = page_file_number(an, an->qpages[i]);
        if (i > first && f == last)
            continue;
        last = f;
        if (!list_name(an, L, f, k++, &used))
            return files_failed(L, n);
    }
    names_listed(L, k);
    *n = sort_files(L, k);
    return L->files;
}

const char *const *cn_analysis_question_files(const cn_analysis_result *r, size_t q, size_t *n)
{
    return question_files(r->an, r->loader, q, n);
}

/* A vote's file is listed when it is not the one of the vote before (the
 * votes of a page come in a row: the largest question at 1 GB has 1.28
 * million votes from 203,575 files), so the list to sort is about a page
 * long, not a vote long; the same names are listed either way. A vote's
 * file is its answer's ("" for none), as the tally's votes had them. */
const char *const *cn_analysis_claim_files(const cn_analysis_result *r, const cn_analysis_claim *cl,
                                           size_t *n)
{
    const cn_analysis *an = r->an;
    cn_analysis_loader *L = r->loader;
    size_t k = 0, used = 0;
    uint32_t last = 0;
    files_fit(L, cl->n_primary); /* at most a name a vote */
    for (size_t i = 0; i < cl->n_primary; i++) {
        size_t answer = cn_analysis_claim_member(r, cl, i).answer;
        uint32_t f = an->page_file[cna_answer_page(an, answer)];
        if (i > 0 && f == last)
            continue;
        last = f;
        if (!files_room(L, k + 1) || !list_name(an, L, f, k++, &used))
            return files_failed(L, n);
    }
    names_listed(L, k);
    *n = sort_files(L, k);
    return L->files;
}

/* Count each question's distinct files (the list is made again when a report
 * asks), the loader's list freed after. */
static int count_files(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_loader *L = &an->loader;
    for (size_t i = 0; i < r->n_questions && L->load_rc == CN_OK; i++) {
        size_t n = 0;
        question_files(an, L, i, &n);
        r->questions[i].n_files = (uint32_t)n; /* at most its pages (numbered in 32 bits) */
    }
    files_release(L);
    if (L->load_rc != CN_OK)
        *err = L->load_err;
    return L->load_rc;
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

/* Count each question's distinct files and its answers by role
 * (cn_analysis_role_answer finds them from its pages). */
int cna_fill_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_answers; i++)
        answer_by_role(r, i);
    return count_files(an, err);
}
