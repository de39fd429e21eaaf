/* cn_analysis_corpus: the corpus-wide figures: agreement (alpha, kappa, the pairwise
 * figure), the number of distinct coders, and the specialty x stance comparison with its
 * test within questions. */
#include "cn_analysis_int.h"

#include "cn_cmh.h"
#include "cn_parallel.h"
#include "cn_sort.h"
#include "cn_text.h"
#include "cn_grow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Distinct coders among the counted answers: a physician by name
 * (normalized), else the answer itself. Each named physician record is
 * looked at once and the distinct names are kept as positions in an index
 * (cn_idindex, 4 bytes a slot) whose names are normalized again when
 * compared, instead of a copied key for every counted answer (~70 bytes
 * each, 2.5 million of them at 1 GB). */
typedef struct coder_names {
    const cn_analysis *an;
    char *probe_buf; /* a compared name, normalized */
    size_t cap;
} coder_names;

/* Physician i's name normalized into c->probe_buf; NULL on OOM. */
static const char *normalized_name(coder_names *c, uint32_t i)
{
    const char *name = cna_physician_name(c->an, i);
    size_t len = strlen(name);
    if (len + 1 > c->cap) {
        char *b = realloc(c->probe_buf, len + 1);
        if (!b)
            return NULL;
        c->probe_buf = b;
        c->cap = len + 1;
    }
    cn_text_normalize_into(name, len, c->probe_buf);
    return c->probe_buf;
}

static uint64_t coder_hash_of(const void *ctx, uint32_t i)
{
    const char *n = normalized_name((coder_names *)ctx, i);
    return n ? cn_hash_bytes(n, strlen(n)) : 0;
}

static bool coder_same(const void *ctx, uint32_t i, const void *probe)
{
    const char *n = normalized_name((coder_names *)ctx, i);
    return n && strcmp(n, probe) == 0;
}

/* Whether named physician p's normalized name is new to names; adds it. */
static int count_name(cn_idindex *names, coder_names *c, uint32_t p, bool *is_new)
{
    const char *name = cna_physician_name(c->an, p);
    char *norm = cn_text_normalize(name, strlen(name), NULL, NULL);
    if (!norm)
        return CN_ERR_NOMEM;
    uint64_t h = cn_hash_bytes(norm, strlen(norm));
    *is_new = cn_idindex_find_hashed(names, h, coder_same, c, norm) < 0;
    int rc = *is_new && cn_idindex_add_hashed(names, h, p, coder_hash_of, c) ? CN_ERR_NOMEM : CN_OK;
    free(norm);
    return rc;
}

static int count_physicians(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    coder_names c = {.an = an};
    cn_idindex *names = cn_idindex_new();
    bool *seen = calloc(r->n_physicians + 1, sizeof *seen); /* named records looked at */
    /* the answers' physicians read through a loader of its own: the other figures are made
     * on other threads meanwhile */
    cn_analysis_loader *L = calloc(1, sizeof *L);
    int rc = names && seen && L ? CN_OK : CN_ERR_NOMEM;
    size_t coders = 0;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        uint32_t k = cna_answer_physician(an, L, i);
        const char *name = cna_physician_name(an, k);
        if (name && *name && seen[k])
            continue;
        bool is_new = true; /* an answer without a name is a coder of its own */
        if (name && *name) {
            seen[k] = true;
            rc = count_name(names, &c, k, &is_new);
        }
        coders += is_new;
    }
    r->agreement.physicians = coders;
    cn_idindex_free(names);
    free(seen);
    free(c.probe_buf);
    if (rc == CN_OK && L->load_rc != CN_OK) {
        *err = L->load_err;
        rc = L->load_rc;
    } else if (rc != CN_OK) {
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    free(L);
    return rc;
}

/* Corpus agreement from each question's stance counts: alpha and Fleiss'
 * kappa need no more (cn_agreement_compute_counts), so memory follows the
 * questions, not (most answers to one question) x questions. Its parts
 * (nominal alpha, the pairwise figure, ordinal alpha, the physicians) are
 * independent figures, each with its own seeded stream: corpus_task runs
 * them on opts.jobs workers. */
typedef struct corpus_run {
    cn_analysis *an;
    long (*counts)[3]; /* per question: its reassuring, cautionary, contraindicated */
    size_t coders;
    int rc[4];
    cn_error err[4];
} corpus_run;

enum { CORPUS_NOMINAL, CORPUS_PAIRWISE, CORPUS_ORDINAL, CORPUS_PHYSICIANS };

static int alpha_task(const corpus_run *c, cn_alpha_metric metric, cn_agreement_result *out,
                      cn_error *err)
{
    static const double STANCE_VALUES[3] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                            CN_STANCE_CONTRAINDICATED};
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.bootstrap = c->an->opts.bootstrap;
    o.seed = c->an->opts.seed;
    o.level = c->an->opts.consensus.level;
    o.min_units = CN_PAIRWISE_MIN_UNITS;
    o.metric = metric;
    return cn_agreement_compute_counts(&o, &c->counts[0][0], c->an->result.n_questions, 3,
                                       STANCE_VALUES, c->coders, out, err);
}

static void corpus_task(void *ctx, size_t worker, size_t task)
{
    (void)worker;
    corpus_run *c = ctx;
    cn_analysis *an = c->an;
    cn_analysis_agreement *ag = &an->result.agreement;
    cn_error *err = &c->err[task];
    switch (task) {
    case CORPUS_NOMINAL:
        c->rc[task] = alpha_task(c, CN_ALPHA_NOMINAL, &ag->nominal, err);
        break;
    case CORPUS_PAIRWISE:
        c->rc[task] = cn_pairwise_compute(
            (const long(*)[3])c->counts, an->result.n_questions, an->opts.bootstrap, an->opts.seed,
            an->opts.consensus.level, CN_PAIRWISE_MIN_UNITS, &ag->pairwise, err);
        break;
    case CORPUS_ORDINAL:
        c->rc[task] = alpha_task(c, CN_ALPHA_ORDINAL, &ag->ordinal, err);
        break;
    default: /* CORPUS_PHYSICIANS */
        c->rc[task] = count_physicians(an, err);
        break;
    }
}

/* Agreement and the physicians (they only read the tallies and answers,
 * and write figures of their own); the first failure in the order above is
 * the one reported. */
int cna_corpus_figures(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_agreement *ag = &r->agreement;
    ag->questions = r->n_questions;
    size_t units = r->n_questions;
    corpus_run c = {.an = an};
    c.counts = calloc(units + 1, sizeof *c.counts);
    if (!c.counts)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t u = 0; u < units; u++) {
        const long *tc = r->questions[u].tally.counts; /* its stance_answers */
        size_t m = (size_t)(tc[CN_STANCE_REASSURING] + tc[CN_STANCE_CAUTIONARY] +
                            tc[CN_STANCE_CONTRAINDICATED]);
        if (m > ag->max_values)
            ag->max_values = m;
        for (int k = 0; k < 3; k++)
            c.counts[u][k] = r->questions[u].tally.counts[CN_STANCE_REASSURING + k];
    }
    c.coders = ag->max_values ? ag->max_values : 1;
    size_t n = sizeof c.rc / sizeof c.rc[0];
    cn_parallel_run(an->opts.jobs, n, corpus_task, &c);
    free(c.counts);
    for (size_t t = 0; t < n; t++)
        if (c.rc[t] != CN_OK) {
            *err = c.err[t];
            return c.rc[t];
        }
    return CN_OK;
}

/* The specialty test again, within questions: specialty and question are
 * confounded when pooled (a specialty that answers other questions seems to
 * differ). With many questions that vary and enough answers per degree of
 * freedom, the asymptotic Cochran-Mantel-Haenszel test (cost: the answers);
 * below that, stances shuffled within each question (cost: permutations x
 * questions). */
static int within_questions(cn_analysis *an, const cn_strata_cells *items, cn_error *err)
{
    cn_specialty_comparison *sc = &an->result.specialties;
    cn_cmh_result cmh = {.p = NAN};
    int rc = CN_OK;
    /* more specialties than the CMH's matrix can take: the permutations */
    if ((sc->n_tested - 1) * 2 <= CN_CMH_MAX_DF)
        rc = cn_cmh_compute_cells(items, sc->n_tested, 3, &cmh, err);
    if (rc != CN_OK)
        return rc;
    sc->cmh_questions = cmh.strata;
    sc->cmh_answers = cmh.items;
    if (!isnan(cmh.p) && cmh.strata >= an->opts.asymptotic_questions &&
        (double)cmh.items >= an->opts.asymptotic_answers_per_df * (double)cmh.df) {
        sc->method = CN_WITHIN_CMH;
        sc->p_stratified = cmh.p;
        sc->cmh_statistic = cmh.statistic;
        sc->cmh_df = cmh.df;
        return CN_OK;
    }
    sc->permutations = an->opts.permutations;
    rc = cn_crosstab_stratified_cells_p(items, sc->n_tested, 3, sc->permutations, an->opts.seed,
                                        &sc->p_stratified, err);
    if (rc == CN_OK && !isnan(sc->p_stratified))
        sc->method = CN_WITHIN_PERMUTATION;
    return rc;
}

/* The items of the test within questions, question by question (the
 * strata), each a cell (specialty x 3 + stance): 4 bytes a stance-taking
 * counted answer. The answers come in corpus order, their questions
 * interleaved, so each question is first given room for its stance-taking
 * counted answers (a pass without the physicians), its items are placed
 * there in corpus order, and the questions are then closed up (the items
 * without a tested specialty leave gaps). */
static int place_items(const cn_analysis_result *r, uint32_t **cell_out, size_t **start_out,
                       cn_strata_cells *out)
{
    const cn_specialty_comparison *sc = &r->specialties;
    size_t nq = r->n_questions;
    size_t *start = calloc(nq + 1, sizeof *start);
    uint32_t *fill = calloc(nq + 1, sizeof *fill);
    uint32_t *cell = NULL;
    *cell_out = NULL;
    *start_out = start;
    if (!start || !fill) {
        free(fill);
        return CN_ERR_NOMEM;
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role == CN_ROLE_COUNTED && cn_analysis_answer_stance(a) != CN_STANCE_NONE)
            start[cn_analysis_answer_question(r, a) + 1]++;
    }
    for (size_t q = 0; q < nq; q++)
        start[q + 1] += start[q];
    int rc = start[nq] > UINT32_MAX ? CN_ERR_USAGE : CN_OK;
    if (rc == CN_OK && !(cell = malloc((start[nq] + 1) * sizeof *cell)))
        rc = CN_ERR_NOMEM;
    for (size_t i = 0; rc == CN_OK && i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        cn_stance s = cn_analysis_answer_stance(a);
        if (a->role != CN_ROLE_COUNTED || s == CN_STANCE_NONE)
            continue;
        const char *spec =
            cna_physician_specialty(r->an, cna_answer_physician(r->an, r->loader, i));
        if (!spec)
            continue;
        size_t g = 0;
        while (g < sc->n_tested && strcmp(sc->groups[g].specialty, spec))
            g++;
        if (g == sc->n_tested)
            continue;
        size_t q = cn_analysis_answer_question(r, a);
        cell[start[q] + fill[q]++] = (uint32_t)(g * 3 + (size_t)(s - CN_STANCE_REASSURING));
    }
    /* close the questions up: question q's items move to the end of q - 1's */
    size_t to = 0;
    for (size_t q = 0; rc == CN_OK && q < nq; q++) {
        size_t from = start[q];
        start[q] = to;
        memmove(cell + to, cell + from, fill[q] * sizeof *cell);
        to += fill[q];
    }
    if (rc == CN_OK)
        start[nq] = to;
    free(fill);
    *cell_out = cell;
    *out = (cn_strata_cells){.cell = cell, .start = start, .nstrata = nq};
    return rc;
}

static int stratified_test(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_specialty_comparison *sc = &r->specialties;
    sc->p_stratified = sc->cmh_statistic = NAN;
    sc->method = CN_WITHIN_NONE;
    sc->permutations = 0;
    if (sc->n_tested < 2 || isnan(sc->test.chi_square))
        return CN_OK;
    uint32_t *cell;
    size_t *start;
    cn_strata_cells items;
    int rc = place_items(r, &cell, &start, &items);
    if (rc == CN_ERR_USAGE)
        rc = cn_error_set(err, rc, "analysis: more than %u stance-taking answers", UINT32_MAX);
    else if (rc != CN_OK)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    else
        rc = within_questions(an, &items, err);
    free(cell);
    free(start);
    return rc;
}

/* One plain sentence an editor can quote. */
static int specialty_conclusion(cn_specialty_comparison *sc, cn_error *err)
{
    char buf[512];
    const char *how = sc->method == CN_WITHIN_CMH
                          ? "by the Cochran-Mantel-Haenszel test within questions"
                          : "with stances shuffled within each question";
    if (sc->n_tested < 2 || isnan(sc->test.chi_square))
        snprintf(buf, sizeof buf,
                 "Too few specialties with stance-taking answers to compare them.");
    else if (isnan(sc->p_stratified))
        snprintf(buf, sizeof buf,
                 "Specialties could not be compared within questions (no permutations).");
    else if (sc->p_stratified < 0.05)
        snprintf(buf, sizeof buf,
                 "Specialties differ beyond what their questions explain (p = %.3f %s; "
                 "bias-corrected Cramer's V %.2f).",
                 sc->p_stratified, how, sc->test.cramers_v_corrected);
    else
        snprintf(buf, sizeof buf,
                 "No evidence that specialties differ once each question's own mix of stances "
                 "is accounted for (p = %.2f %s).",
                 sc->p_stratified, how);
    if (!(sc->conclusion = strdup(buf)))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    return CN_OK;
}

static int specialty_order(const void *pa, const void *pb)
{
    const char *a = ((const cn_specialty_count *)pa)->specialty;
    const char *b = ((const cn_specialty_count *)pb)->specialty;
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

/* How the counted answers' stances split by specialty, known ones by name
 * and unknown last: the split cn_tally_compute makes of their votes, made
 * without a vote (and the tally's lists) per answer of the corpus.
 * Specialties are interned, so one name is one pointer. */
static int split_specialties(const cn_analysis_result *r, cn_specialty_count **out, size_t *n_out,
                             cn_error *err)
{
    cn_specialty_count *sp = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        const char *spec =
            cna_physician_specialty(r->an, cna_answer_physician(r->an, r->loader, i));
        size_t g = 0;
        while (g < n && sp[g].specialty != spec)
            g++;
        if (g == n) {
            if (!cn_grow((void **)&sp, &cap, n + 1, sizeof *sp)) {
                free(sp);
                return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
            }
            sp[n++] = (cn_specialty_count){.specialty = spec};
        }
        sp[g].counts[cn_analysis_answer_stance(a)]++;
    }
    cn_sort_stable(sp, n, sizeof *sp, specialty_order);
    *out = sp;
    *n_out = n;
    return CN_OK;
}

/* The next group: specialty sp's counts and shares with their intervals, and
 * its row of the table when it is named (the tested ones). */
static int specialty_group(cn_analysis *an, const cn_specialty_count *sp, long *table,
                           cn_error *err)
{
    cn_specialty_comparison *sc = &an->result.specialties;
    cn_specialty_group *grp = &sc->groups[sc->n_groups++];
    grp->specialty = sp->specialty;
    cn_specialty_counts(sp, grp->counts);
    grp->answers = cn_specialty_answers(sp);
    grp->stance_answers = grp->answers - grp->counts[CN_STANCE_NONE];
    int rc = CN_OK;
    for (int k = 0; k < CN_STANCE_COUNT && rc == CN_OK; k++)
        rc = cn_proportion_compute(grp->counts[k],
                                   k == CN_STANCE_NONE ? grp->answers : grp->stance_answers,
                                   an->opts.consensus.level, &grp->props[k], err);
    if (grp->specialty) {
        for (int k = 1; k < CN_STANCE_COUNT; k++)
            table[sc->n_tested * 3 + (size_t)(k - 1)] = grp->counts[k];
        sc->n_tested++;
    }
    return rc;
}

/* The named specialties x stances table's test (chi-square, Monte Carlo p,
 * Cramer's V). */
static int specialty_table_test(cn_analysis *an, const long *table, cn_error *err)
{
    cn_specialty_comparison *sc = &an->result.specialties;
    cn_crosstab_opts o;
    cn_crosstab_opts_init(&o);
    o.simulate = an->opts.simulate;
    o.seed = an->opts.seed;
    return cn_crosstab_compute(&o, table, sc->n_tested, 3, &sc->test, err);
}

/* How the counted answers' stances differ by specialty: the groups, the
 * table's test, the test within questions, and a sentence saying it. */
int cna_compare_specialties(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_specialty_comparison *sc = &r->specialties;
    cn_specialty_count *split = NULL;
    size_t n_split = 0;
    int rc = split_specialties(r, &split, &n_split, err);
    if (rc != CN_OK)
        return rc;
    sc->groups = calloc(n_split + 1, sizeof *sc->groups);
    long *table = calloc(3 * (n_split + 1), sizeof *table);
    if (!sc->groups || !table)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t g = 0; g < n_split && rc == CN_OK; g++)
        rc = specialty_group(an, &split[g], table, err);
    free(split);
    if (rc == CN_OK)
        rc = specialty_table_test(an, table, err);
    free(table);
    if (rc == CN_OK)
        rc = stratified_test(an, err);
    if (rc == CN_OK)
        rc = specialty_conclusion(sc, err);
    if (rc == CN_OK) /* the physicians read from disk */
        rc = cn_analysis_load_status(r, err);
    return rc;
}
