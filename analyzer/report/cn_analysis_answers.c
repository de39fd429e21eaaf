/* cn_analysis_answers: what a result says of one answer, read from its compact record
 * (cn_analysis_answer) and the analysis' side lists: its verdicts, stance, id, place in its
 * file and page, question, original, file and physician. */
#include "cn_analysis_int.h"

#include "cn_grow.h"

#include <stdint.h>

/* The first verdict of answer a (of r->answers). */
static size_t verdict_at(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    size_t i = (size_t)(a - r->answers);
    size_t at = r->an->verdict_step[i / VERDICT_STEP];
    for (size_t j = i - i % VERDICT_STEP; j < i; j++)
        at += r->answers[j].n_verdicts;
    return at;
}

/* Verdict v's claim, the verdict being number `at` of all verdicts: a
 * first verdict's is its page's (or an exception), the others' are kept. */
static uint32_t claim_at(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v,
                         size_t at)
{
    size_t i = (size_t)(a - r->answers);
    if (v == 0)
        return cna_first_verdict_claim(r->an, i);
    return r->an->v_claim[at - i - 1];
}

uint32_t cna_verdict_claim(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    return claim_at(r, a, v, verdict_at(r, a) + v);
}

int cna_read_block(cn_analysis_loader *L, cn_recfile *file, const char *what, uint64_t *loaded,
                   size_t at, size_t per, size_t total, void *buf, size_t size)
{
    uint64_t block = at / per;
    if (*loaded == block + 1)
        return CN_OK;
    if (L->load_rc != CN_OK)
        return L->load_rc;
    size_t first = (size_t)block * per;
    size_t n = total - first < per ? total - first : per;
    *loaded = 0;
    int rc = file ? cn_recfile_read_at(file, (uint64_t)first * size, buf, n * size, &L->load_err)
                  : cn_error_set(&L->load_err, CN_ERR_USAGE, "analysis: no %s", what);
    if (rc != CN_OK)
        L->load_rc = rc;
    else
        *loaded = block + 1;
    return rc;
}

/* The block of confidences holding verdict `at` into the loader's buffer. */
static int confidence_block(const cn_analysis_result *r, size_t at)
{
    cn_analysis_loader *L = r->loader;
    return cna_read_block(L, r->an->v_confidence, "confidences", &L->conf_block, at, CONF_BLOCK,
                          r->an->n_verdicts, L->conf, sizeof *L->conf);
}

/* The confidence of verdict `at` (of all verdicts), 0 when its block could
 * not be read (the loader keeps the failure). */
static double confidence_at(const cn_analysis_result *r, size_t at)
{
    return confidence_block(r, at) == CN_OK ? r->loader->conf[at % CONF_BLOCK] : 0.0;
}

double cna_verdict_confidence(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    return confidence_at(r, verdict_at(r, a) + v);
}

/* Verdict v's stance byte (the stance and V_CONFLICTING), the verdict being
 * number `at` of all verdicts: a first verdict's from the answer's record
 * and the conflicting answers' list, the others' kept. */
static uint8_t stance_byte(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v,
                           size_t at)
{
    size_t i = (size_t)(a - r->answers);
    if (v > 0)
        return r->an->v_stance[at - i - 1];
    bool conflicting =
        cna_place_u32(r->conflicts, r->n_conflicts, sizeof *r->conflicts, i) < r->n_conflicts;
    return (uint8_t)(a->primary_stance | (conflicting ? V_CONFLICTING : 0));
}

cn_verdict cn_analysis_verdict(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    size_t at = verdict_at(r, a) + v;
    uint8_t stance = stance_byte(r, a, v, at);
    return (cn_verdict){.confidence = confidence_at(r, at),
                        .claim = claim_at(r, a, v, at),
                        .stance = (uint8_t)(stance & ~V_CONFLICTING),
                        .conflicting = (stance & V_CONFLICTING) != 0};
}

/* Without the confidence: the tallies call it on several threads. */
static cn_stance stance_of(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    return (cn_stance)(stance_byte(r, a, v, verdict_at(r, a) + v) & ~V_CONFLICTING);
}

cn_stance cn_analysis_verdict_stance(const cn_analysis_result *r, const cn_analysis_answer *a,
                                     size_t v)
{
    if (v == 0)
        return cn_analysis_answer_stance(a);
    return v < a->n_verdicts ? stance_of(r, a, v) : CN_STANCE_NONE;
}

double cn_analysis_verdict_confidence(const cn_analysis_result *r, const cn_analysis_answer *a,
                                      size_t v)
{
    if (v == 0 && a->overridden)
        return 1.0;
    return v < a->n_verdicts ? cna_verdict_confidence(r, a, v) : 0.0;
}

cn_stance cn_analysis_answer_stance(const cn_analysis_answer *a)
{
    if (a->overridden)
        return (cn_stance)a->override_stance;
    return a->n_verdicts ? (cn_stance)a->primary_stance : CN_STANCE_NONE;
}

/* The block of answer_ids holding answer i into the loader's buffer. */
static int id_block(const cn_analysis_result *r, size_t i)
{
    cn_analysis_loader *L = r->loader;
    return cna_read_block(L, r->an->ids_file, "answer_ids", &L->id_block, i, ID_BLOCK, r->n_answers,
                          L->ids, sizeof *L->ids);
}

const char *cn_analysis_answer_id(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  char *buf)
{
    const cn_analysis *an = r->an;
    size_t i = (size_t)(a - r->answers);
    uint64_t id;
    if (an->answer_ids) { /* still in memory: the records are coming back */
        id = an->answer_ids[i];
    } else if (id_block(r, i) == CN_OK) {
        id = r->loader->ids[i % ID_BLOCK];
    } else {
        buf[0] = '\0';
        return buf;
    }
    if (a->id_text)
        return an->strs[id];
    cn_page_id_text(id, buf);
    return buf;
}

bool cn_analysis_answer_id_number(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  uint64_t *out)
{
    const cn_analysis *an = r->an;
    size_t i = (size_t)(a - r->answers);
    *out = 0;
    if (a->id_text)
        return false;
    if (an->answer_ids)
        *out = an->answer_ids[i];
    else if (id_block(r, i) == CN_OK)
        *out = r->loader->ids[i % ID_BLOCK];
    else
        return false;
    return true;
}

uint32_t cn_analysis_answer_index(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    const cn_analysis *an = r->an;
    size_t i = (size_t)(a - r->answers);
    size_t k = cna_place_u32(an->index_exc, an->n_index_exc, sizeof *an->index_exc, i);
    if (k < an->n_index_exc)
        return an->index_exc[k].index;
    uint32_t p = cna_answer_page(an, i);
    size_t e = cna_place_u32(an->index0_exc, an->n_index0_exc, sizeof *an->index0_exc, p);
    uint32_t index0 = e < an->n_index0_exc ? an->index0_exc[e].value : 1;
    return index0 + (uint32_t)(i - an->page_first[p]);
}

size_t cn_analysis_answer_question(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return r->an->page_question[cna_answer_page(r->an, (size_t)(a - r->answers))];
}

size_t cn_analysis_answer_in_page(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    size_t i = (size_t)(a - r->answers);
    return i - r->an->page_first[cna_answer_page(r->an, i)];
}

size_t cn_analysis_original(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    size_t i = (size_t)(a - r->answers);
    if (a->role != CN_ROLE_DUPLICATE)
        return i;
    const cn_analysis *an = r->an;
    size_t k = cna_place_u32(an->dups, an->n_dups, sizeof *an->dups, i);
    return k < an->n_dups ? an->dups[k].original : i;
}

/* The names from checkpoint k to the next (the last: to the file's end) into L->span. */
static int name_span(const cn_analysis *an, cn_analysis_loader *L, size_t k)
{
    if (L->name_span == k + 1)
        return CN_OK;
    if (L->load_rc != CN_OK)
        return L->load_rc;
    L->name_span = 0;
    uint64_t from = an->name_step[k];
    uint64_t to =
        (k + 1) * NAME_STEP < an->n_names ? an->name_step[k + 1] : cn_recfile_size(an->names_file);
    if (to < from || to - from > SIZE_MAX - 1 ||
        !cn_grow((void **)&L->span, &L->cap_span, (size_t)(to - from) + 1, 1)) {
        L->load_rc = cna_oom(&L->load_err);
        return L->load_rc;
    }
    int rc = cn_recfile_read_at(an->names_file, from, L->span, (size_t)(to - from), &L->load_err);
    if (rc != CN_OK) {
        L->load_rc = rc;
        return rc;
    }
    L->span[to - from] = '\0';
    L->name_span = k + 1;
    return CN_OK;
}

const char *cna_file_name(const cn_analysis *an, cn_analysis_loader *L, uint32_t f)
{
    if (f == NO_STR)
        return NULL;
    if (f >= an->n_names || !an->names_file || name_span(an, L, f / NAME_STEP) != CN_OK)
        return "";
    const char *s = L->span;
    for (size_t k = f % NAME_STEP; k; k--)
        s += strlen(s) + 1;
    size_t len = strlen(s);
    if (!cn_grow((void **)&L->name, &L->cap_name, len + 1, 1)) {
        if (L->load_rc == CN_OK)
            L->load_rc = cna_oom(&L->load_err);
        return "";
    }
    memcpy(L->name, s, len + 1);
    return L->name;
}

/* Not kept in the answer record (4 bytes an answer), nor in memory: its page's file
 * number is, the name is read from disk. */
const char *cn_analysis_file_of(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return cna_file_name(r->an, r->loader,
                         r->an->page_file[cna_answer_page(r->an, (size_t)(a - r->answers))]);
}

uint32_t cna_answer_physician(const cn_analysis *an, cn_analysis_loader *L, size_t i)
{
    return cna_read_block(L, an->phys_file, "physicians", &L->phys_block, i, PHYS_BLOCK,
                          an->result.n_answers, L->physicians, sizeof *L->physicians) == CN_OK
               ? L->physicians[i % PHYS_BLOCK]
               : 0;
}

/* Not kept in the answer record (4 bytes an answer), nor in memory: read from disk. */
uint32_t cn_analysis_answer_physician(const cn_analysis_result *r, size_t i)
{
    return cna_answer_physician(r->an, r->loader, i);
}

const cn_physician *cn_analysis_physician(const cn_analysis_result *r, size_t i)
{
    cna_physician_at(r->an, cna_answer_physician(r->an, r->loader, i), &r->loader->phys);
    return &r->loader->phys;
}

/* One past page p's last answer (a page's answers are in a row). */
static size_t page_end(const cn_analysis *an, size_t p)
{
    return p + 1 < an->n_pages ? an->page_first[p + 1] : an->result.n_answers;
}

/* The cursor at question q's first answer (of any role): its first page's
 * first answer, nothing before it. */
static void cursor_start(const cn_analysis *an, cn_answer_cursor *c, size_t q, size_t role)
{
    c->q1 = q + 1;
    c->role = role;
    c->page = an->qpage_start[q];
    c->answer = an->page_first[an->qpages[c->page]];
    c->before = 0;
}

/* Walked forward from the cursor, or from the question's start when the
 * cursor is elsewhere or past k: every list read in order costs a step an
 * answer of the question (of any role) over the whole read. A k past the
 * list gives answer 0 (as a claim member that cannot be read does). */
uint32_t cn_analysis_role_answer(const cn_analysis_result *r, cn_answer_cursor *c, size_t q,
                                 cn_answer_role role, size_t k)
{
    const cn_analysis *an = r->an;
    if (c->q1 != q + 1 || c->role != (size_t)role || c->before > k)
        cursor_start(an, c, q, (size_t)role);
    for (;;) {
        while (c->answer >= page_end(an, an->qpages[c->page])) { /* the page's answers are done */
            if (++c->page >= an->qpage_start[q + 1]) {           /* k is past the list */
                c->q1 = 0;
                return 0;
            }
            c->answer = an->page_first[an->qpages[c->page]];
        }
        if (r->answers[c->answer].role == role) {
            if (c->before == k)
                return (uint32_t)c->answer;
            c->before++;
        }
        c->answer++;
    }
}

uint32_t cn_analysis_question_answer(const cn_analysis_result *r, size_t q, cn_answer_role role,
                                     size_t k)
{
    return cn_analysis_role_answer(r, &r->loader->cursors[role], q, role, k);
}
