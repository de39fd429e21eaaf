/* cn_analysis_answers: what a result says of one answer, read from its compact record
 * (cn_analysis_answer) and the analysis' side lists: its verdicts, stance, id, place in its
 * file and page, question, original, file and physician. */
#include "cn_analysis_int.h"

/* The first verdict of answer a (of r->answers). */
static size_t verdict_at(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    size_t i = (size_t)(a - r->answers);
    size_t at = r->an->verdict_step[i / VERDICT_STEP];
    for (size_t j = i - i % VERDICT_STEP; j < i; j++)
        at += r->answers[j].n_verdicts;
    return at;
}

uint32_t cna_verdict_claim(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    return r->an->v_claim[verdict_at(r, a) + v];
}

/* The block of confidences holding verdict `at` into the loader's buffer. */
static int confidence_block(const cn_analysis_result *r, size_t at)
{
    const cn_analysis *an = r->an;
    cn_analysis_loader *L = r->loader;
    uint64_t block = at / CONF_BLOCK;
    if (L->conf_block == block + 1)
        return CN_OK;
    if (L->load_rc != CN_OK)
        return L->load_rc;
    size_t first = (size_t)block * CONF_BLOCK;
    size_t n = an->n_verdicts - first < CONF_BLOCK ? an->n_verdicts - first : CONF_BLOCK;
    L->conf_block = 0;
    int rc = cn_recfile_read_at(an->v_confidence, (uint64_t)first * sizeof *L->conf, L->conf,
                                n * sizeof *L->conf, &L->load_err);
    if (rc != CN_OK)
        L->load_rc = rc;
    else
        L->conf_block = block + 1;
    return rc;
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

cn_verdict cn_analysis_verdict(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    const cn_analysis *an = r->an;
    size_t at = verdict_at(r, a) + v;
    return (cn_verdict){.confidence = confidence_at(r, at),
                        .claim = an->v_claim[at],
                        .stance = (uint8_t)(an->v_stance[at] & ~V_CONFLICTING),
                        .conflicting = (an->v_stance[at] & V_CONFLICTING) != 0};
}

/* Without the confidence: the tallies call it on several threads. */
static cn_stance stance_of(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    return (cn_stance)(r->an->v_stance[verdict_at(r, a) + v] & ~V_CONFLICTING);
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

const char *cn_analysis_answer_id(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  char *buf)
{
    if (a->id_text)
        return r->an->strs[a->id];
    cn_page_id_text(a->id, buf);
    return buf;
}

uint32_t cn_analysis_answer_index(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    const cn_analysis *an = r->an;
    size_t i = (size_t)(a - r->answers);
    size_t k = cna_place_u32(an->index_exc, an->n_index_exc, sizeof *an->index_exc, i);
    if (k < an->n_index_exc)
        return an->index_exc[k].index;
    return an->page_index0[a->page] + (uint32_t)(i - an->page_first[a->page]);
}

size_t cn_analysis_answer_question(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return r->an->page_question[a->page];
}

size_t cn_analysis_answer_in_page(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return (size_t)(a - r->answers) - r->an->page_first[a->page];
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

/* Not kept in the answer record (8 bytes an answer): its page record has it. */
const char *cn_analysis_file_of(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return cna_str_at(r->an, r->an->page_file[a->page]);
}

const cn_physician *cn_analysis_physician(const cn_analysis_result *r, size_t i)
{
    return &r->physicians[r->answers[i].physician];
}
