/* cn_analysis_tally: the questions' and claims' tallies, made on opts.jobs workers, and the
 * claims' members (the votes and mentions a claim's tally and report read). */
#include "cn_analysis_int.h"

#include "cn_parallel.h"

#include <stdlib.h>
#include <string.h>

/* Answer i's vote without its specialty (a tally has no use for it: the
 * workers tally at once, and the physicians are read through a loader). */
static void vote_of(const cn_analysis_result *r, size_t i, size_t verdict, cn_tally_vote *v)
{
    const cn_analysis_answer *a = &r->answers[i];
    v->stance = cn_analysis_verdict_stance(r, a, verdict);
    v->specialty = NULL;
    v->certain = verdict == 0 && a->overridden;
}

/* With its specialty, its physician read through the result's loader (the
 * stances by specialty a report asks for). */
static void vote_with_specialty(const cn_analysis_result *r, size_t i, cn_tally_vote *v)
{
    vote_of(r, i, 0, v);
    v->specialty = cna_physician_specialty(r->an, cna_answer_physician(r->an, r->loader, i));
}

/* The question is about timing ("how soon / how long ...") as the page of
 * its first answer flags it. */
static bool question_timing(const cn_analysis *an, const cn_analysis_question *q)
{
    cn_answer_cursor c = {0};
    size_t qi = (size_t)(q - an->result.questions);
    return q->n_answers > 0 &&
           cna_page_timing(an, cna_answer_page(an, cn_analysis_role_answer(&an->result, &c, qi,
                                                                           CN_ROLE_COUNTED, 0)));
}

/* A question judged as its own claim reads in its own terms: "Should I
 * stop smoking before surgery?" answered yes is "yes, it is needed". */
static bool reads_as_restriction(const cn_analysis *an, const cn_analysis_question *q)
{
    return !an->result.claims[q->claim].rule && q->question_type &&
           !strcmp(q->question_type, "restriction") && !question_timing(an, q);
}

/* The votes of a question: its counted answers' verdict 0 (no array of
 * votes is made: cn_tally_compute_from asks for each as it goes, in order,
 * and the cursor walks them from its pages). */
typedef struct vote_list {
    const cn_analysis_result *r;
    size_t q;
    cn_answer_cursor *cursor; /* the tally's own: the workers tally at once */
} vote_list;

static void vote_in_list(const void *ctx, size_t k, cn_tally_vote *out)
{
    const vote_list *l = ctx;
    vote_of(l->r, cn_analysis_role_answer(l->r, l->cursor, l->q, CN_ROLE_COUNTED, k), 0, out);
}

static void vote_in_list_specialty(const void *ctx, size_t k, cn_tally_vote *out)
{
    const vote_list *l = ctx;
    vote_with_specialty(l->r, cn_analysis_role_answer(l->r, l->cursor, l->q, CN_ROLE_COUNTED, k),
                        out);
}

/* Question i's tally. */
static int tally_question(cn_analysis *an, size_t i, const cn_tally_memo *memo, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_question *q = &r->questions[i];
    cn_answer_cursor cursor = {0};
    vote_list votes = {.r = r, .q = i, .cursor = &cursor};
    int rc = cn_tally_compute_from(vote_in_list, &votes, q->n_answers, &an->opts.consensus, memo,
                                   &q->tally, err);
    const cn_rule *claim = r->claims[q->claim].rule;
    if (rc == CN_OK && reads_as_restriction(an, q))
        rc = cn_tally_rephrase(&q->tally, &an->opts.consensus, CN_PHRASE_RESTRICTION, NULL, err);
    else if (rc == CN_OK && claim && claim->about)
        rc = cn_tally_rephrase(&q->tally, &an->opts.consensus, CN_PHRASE_PRACTICE, claim->about,
                               err);
    return rc;
}

/* Tallies of questions or claims made by opts.jobs workers (cn_parallel),
 * a chunk of them a task, each worker with its own memos (cn_tally_memo).
 * A memo only remembers what cn_relabel or cn_consensus_compute computes
 * from the counts (the seed is the analysis', the same for all), so the
 * figures do not depend on which worker made which tally. The first failure
 * in order is the one reported. */
#define TALLY_CHUNK 64

typedef int (*tally_fn)(cn_analysis *an, size_t i, const cn_tally_memo *memo, cn_error *err);

typedef struct tally_run {
    cn_analysis *an;
    tally_fn fn;
    size_t n;
    cn_tally_memo *memos; /* per worker */
    int *rc;              /* per chunk */
    cn_error *err;        /* per chunk */
} tally_run;

static void tally_chunk(void *ctx, size_t worker, size_t chunk)
{
    tally_run *t = ctx;
    size_t end = (chunk + 1) * TALLY_CHUNK < t->n ? (chunk + 1) * TALLY_CHUNK : t->n;
    t->rc[chunk] = CN_OK;
    for (size_t i = chunk * TALLY_CHUNK; i < end && t->rc[chunk] == CN_OK; i++)
        t->rc[chunk] = t->fn(t->an, i, &t->memos[worker], &t->err[chunk]);
}

static int tally_all(cn_analysis *an, tally_fn fn, size_t n, cn_error *err)
{
    size_t chunks = (n + TALLY_CHUNK - 1) / TALLY_CHUNK;
    size_t workers = cn_parallel_workers(an->opts.jobs, chunks);
    tally_run t = {.an = an, .fn = fn, .n = n};
    t.memos = calloc(workers, sizeof *t.memos);
    t.rc = calloc(chunks + 1, sizeof *t.rc);
    t.err = calloc(chunks + 1, sizeof *t.err);
    int rc = t.memos && t.rc && t.err ? CN_OK : cna_oom(err);
    for (size_t w = 0; w < workers && rc == CN_OK; w++) {
        t.memos[w].pool = an->pool;
        rc = cn_relabel_memo_new(&t.memos[w].relabel, err);
        if (rc == CN_OK)
            rc = cn_consensus_memo_new(&t.memos[w].consensus, err);
    }
    if (rc == CN_OK)
        cn_parallel_run(workers, chunks, tally_chunk, &t);
    for (size_t c = 0; c < chunks && rc == CN_OK; c++)
        if (t.rc[c] != CN_OK) {
            rc = t.rc[c];
            *err = t.err[c];
        }
    for (size_t w = 0; w < workers && t.memos; w++) {
        cn_relabel_memo_free(t.memos[w].relabel);
        cn_consensus_memo_free(t.memos[w].consensus);
    }
    free(t.memos);
    free(t.rc);
    free(t.err);
    return rc;
}

static int tally_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = tally_all(an, tally_question, r->n_questions, err);
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        rc = cna_share_summary(an, &q->tally, err);
        for (size_t k = 0; k < q->n_answers && q->tally.n_dissent; k++) {
            cn_analysis_answer *a =
                &r->answers[cn_analysis_question_answer(r, i, CN_ROLE_COUNTED, k)];
            a->dissent = cn_tally_dissents(&q->tally, cn_analysis_verdict_stance(r, a, 0));
        }
    }
    return rc;
}

/* Whether claim c's votes are exactly its one question's, in the same order
 * (an ad-hoc claim mentioned on no other question, the common case), and
 * that question's summary kept its plain wording: the same votes give the
 * same tally, so the claim shares it instead of computing and keeping a
 * second copy, and keeps no member list (cn_analysis_claim_member reads the
 * question's answers). Asked once its members are counted: with no
 * mentions and as many primary votes as the question has answers, the votes
 * are the question's answers when each of them decides on c first. */
static bool same_votes_as_question(const cn_analysis *an, size_t c)
{
    const cn_analysis_result *r = &an->result;
    const cn_analysis_claim *cl = &r->claims[c];
    if (cl->n_questions != 1 || cl->n_members != cl->n_primary)
        return false;
    const cn_analysis_question *q = &r->questions[cl->questions[0]];
    if (q->n_answers != cl->n_primary || reads_as_restriction(an, q))
        return false;
    for (size_t k = 0; k < cl->n_primary; k++)
        if (cna_verdict_claim(
                r,
                &r->answers[cn_analysis_question_answer(r, cl->questions[0], CN_ROLE_COUNTED, k)],
                0) != c)
            return false;
    return true;
}

/* Member k of claim c from the members' file, through the result's loader
 * (answer 0 when it cannot be read: the loader keeps the failure). */
static uint32_t member_answer(const cn_analysis_result *r, size_t c, size_t k)
{
    const cn_analysis *an = r->an;
    cn_analysis_loader *L = r->loader;
    size_t at = (size_t)an->member_at[c] + k;
    return cna_read_block(L, an->members_file, "claim members", &L->member_block, at, MEMBER_BLOCK,
                          (size_t)an->n_members_on_disk, L->members, sizeof *L->members) == CN_OK
               ? L->members[at % MEMBER_BLOCK]
               : 0;
}

/* A member keeps its answer only (4 bytes, not 8: 2.4 million members at
 * 1 GB): a vote is the answer's verdict 0, and a mention its verdict on the
 * claim after verdict 0, the next such one for each time the same answer
 * came just before in the list (an answer can mention a claim twice when
 * two claim keys share its id). */
cn_member cn_analysis_claim_member(const cn_analysis_result *r, const cn_analysis_claim *cl,
                                   size_t k)
{
    if (cl->tally_shared)
        return (cn_member){.answer =
                               cn_analysis_question_answer(r, cl->questions[0], CN_ROLE_COUNTED, k),
                           .verdict = 0};
    size_t c = (size_t)(cl - r->claims);
    uint32_t answer = member_answer(r, c, k);
    if (k < cl->n_primary)
        return (cn_member){.answer = answer, .verdict = 0};
    size_t skip = 0;
    while (k - skip > cl->n_primary && member_answer(r, c, k - skip - 1) == answer)
        skip++;
    const cn_analysis_answer *a = &r->answers[answer];
    for (size_t v = 1; v < a->n_verdicts; v++)
        if (cna_verdict_claim(r, a, v) == c && skip-- == 0)
            return (cn_member){.answer = answer, .verdict = (uint32_t)v};
    return (cn_member){.answer = answer, .verdict = 0}; /* not reached: claim_members made it */
}

/* Each claim's questions. Counted first: each claim's list as long as its
 * own questions (one list of every question per claim is claims x
 * questions). */
static int claim_questions(cn_analysis_result *r, cn_error *err)
{
    for (size_t i = 0; i < r->n_questions; i++)
        r->claims[r->questions[i].claim].n_questions++;
    for (size_t c = 0; c < r->n_claims; c++) {
        r->claims[c].questions =
            calloc(r->claims[c].n_questions + 1, sizeof *r->claims[c].questions);
        if (!r->claims[c].questions)
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        r->claims[c].n_questions = 0;
    }
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_claim *c = &r->claims[r->questions[i].claim];
        c->questions[c->n_questions++] = i;
    }
    return CN_OK;
}

/* Each claim's members (n_members), votes among them (n_primary) and the
 * mentions' stances. */
static void count_members(cn_analysis_result *r)
{
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            cn_analysis_claim *c = &r->claims[cna_verdict_claim(r, a, v)];
            c->n_members++;
            c->n_primary += v == 0;
            if (v != 0)
                c->mention_counts[cn_analysis_verdict_stance(r, a, v)]++;
        }
    }
}

/* Where each claim's members go on disk (none when it shares its question's
 * tally), and the most members of one claim. */
static int member_places(cn_analysis *an, size_t *most, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    if (!(an->member_at = calloc(r->n_claims + 1, sizeof *an->member_at)))
        return cna_oom(err);
    uint64_t at = 0;
    *most = 0;
    for (size_t c = 0; c < r->n_claims; c++) {
        cn_analysis_claim *cl = &r->claims[c];
        cl->tally_shared = same_votes_as_question(an, c);
        an->member_at[c] = at; /* a shared claim's: where its none would be */
        if (cl->tally_shared)
            continue;
        at += cl->n_members;
        if (cl->n_members > *most)
            *most = cl->n_members;
    }
    an->n_members_on_disk = at;
    return CN_OK;
}

/* The members of claims [c0, c1) (those not shared) into buf, each claim's
 * at its place less claim c0's, in corpus order, the votes before the
 * mentions: one pass over the answers. next: two counters a claim (the
 * next vote's place and the next mention's). */
static void fill_batch(cn_analysis *an, size_t c0, size_t c1, uint32_t *buf, uint32_t *next)
{
    const cn_analysis_result *r = &an->result;
    uint64_t base = an->member_at[c0];
    for (size_t c = c0; c < c1; c++) {
        next[2 * c] = 0;
        next[2 * c + 1] = (uint32_t)r->claims[c].n_primary;
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            size_t c = cna_verdict_claim(r, a, v);
            if (c < c0 || c >= c1 || r->claims[c].tally_shared)
                continue;
            uint32_t at = next[2 * c + (v != 0)]++;
            buf[an->member_at[c] - base + at] = (uint32_t)i;
        }
    }
}

/* Each claim's members to disk, a batch of claims at a time (MEMBER_BATCH
 * members or opts.member_batch, or one claim's), in claim order. */
static int members_to_disk(cn_analysis *an, size_t most, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t batch = an->opts.member_batch ? an->opts.member_batch : MEMBER_BATCH;
    size_t cap = most > batch ? most : batch;
    uint32_t *buf = malloc(cap * sizeof *buf);
    uint32_t *next = malloc((2 * r->n_claims + 1) * sizeof *next);
    int rc =
        buf && next ? cn_recfile_new(an->opts.spill_dir, &an->members_file, err) : cna_oom(err);
    for (size_t c0 = 0; c0 < r->n_claims && rc == CN_OK;) {
        size_t c1 = c0, n = 0;
        while (c1 < r->n_claims &&
               (r->claims[c1].tally_shared || c1 == c0 || n + r->claims[c1].n_members <= cap)) {
            if (!r->claims[c1].tally_shared)
                n += r->claims[c1].n_members;
            c1++;
        }
        fill_batch(an, c0, c1, buf, next);
        rc = cn_recfile_write(an->members_file, buf, n * sizeof *buf, err);
        c0 = c1;
    }
    if (rc == CN_OK) /* written out: read back by offset */
        rc = cn_recfile_rewind(an->members_file, err);
    free(buf);
    free(next);
    return rc;
}

/* Each claim's questions and members. Counted first, then put on disk in
 * order: the primary verdicts first (they are tallied), then the mentions
 * from other questions, each in corpus order (one vote per answer, on the
 * question it answers). */
static int claim_members(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = claim_questions(r, err);
    if (rc != CN_OK)
        return rc;
    count_members(r);
    size_t most = 0;
    rc = member_places(an, &most, err);
    return rc == CN_OK ? members_to_disk(an, most, err) : rc;
}

/* A claim's votes read from the members' file a block at a time (a tally
 * asks for each several times, in order): each tally its own block, so the
 * workers read at once (pread). A read that fails gives answer 0 and is kept
 * in rc. */
typedef struct vote_block {
    uint64_t loaded; /* block + 1; 0: none */
    uint32_t members[MEMBER_BLOCK];
    int rc;
    cn_error err;
} vote_block;

typedef struct disk_votes {
    const cn_analysis_result *r;
    uint64_t first; /* the claim's first member in the file */
    vote_block *block;
} disk_votes;

static void vote_on_disk(const void *ctx, size_t k, cn_tally_vote *out)
{
    const disk_votes *d = ctx;
    vote_block *b = d->block;
    uint64_t at = d->first + k, block = at / MEMBER_BLOCK;
    if (b->loaded != block + 1 && b->rc == CN_OK) {
        uint64_t from = block * MEMBER_BLOCK, total = d->r->an->n_members_on_disk;
        size_t n = total - from < MEMBER_BLOCK ? (size_t)(total - from) : MEMBER_BLOCK;
        b->rc = cn_recfile_read_at(d->r->an->members_file, from * sizeof *b->members, b->members,
                                   n * sizeof *b->members, &b->err);
        b->loaded = b->rc == CN_OK ? block + 1 : 0;
    }
    vote_of(d->r, b->rc == CN_OK ? b->members[at % MEMBER_BLOCK] : 0, 0, out);
}

/* Claim c's tally: its question's when the votes are the same. */
static int tally_claim(cn_analysis *an, size_t c, const cn_tally_memo *memo, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_claim *cl = &r->claims[c];
    if (cl->tally_shared) { /* same_votes_as_question, asked by claim_members */
        cl->tally = &r->questions[cl->questions[0]].tally;
        return CN_OK;
    }
    if (!(cl->tally = calloc(1, sizeof *cl->tally)))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    /* the votes: members[0, n_primary), verdict 0 (the mentions are not) */
    vote_block *block = calloc(1, sizeof *block);
    if (!block)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    disk_votes votes = {.r = r, .first = an->member_at[c], .block = block};
    /* the claim's answers come from n_questions questions, whose errors are
     * not one question's */
    cn_consensus_opts opts = cn_consensus_opts_pooled(&an->opts.consensus, cl->n_questions);
    int rc =
        cn_tally_compute_from(vote_on_disk, &votes, cl->n_primary, &opts, memo, cl->tally, err);
    if (rc == CN_OK && block->rc != CN_OK) {
        rc = block->rc;
        *err = block->err;
    }
    free(block);
    if (rc == CN_OK && cl->rule && cl->rule->about)
        rc = cn_tally_rephrase(cl->tally, &opts, CN_PHRASE_PRACTICE, cl->rule->about, err);
    return rc;
}

static int tally_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = claim_members(an, err);
    if (rc == CN_OK)
        rc = tally_all(an, tally_claim, r->n_claims, err);
    for (size_t c = 0; c < r->n_claims && rc == CN_OK; c++)
        if (!r->claims[c].tally_shared)
            rc = cna_share_summary(an, r->claims[c].tally, err);
    return rc;
}

/* The splits into the loader's room, or NULL and the loader's error. */
static const cn_specialty_count *split_into_loader(const cn_analysis_result *r,
                                                   cn_tally_vote_fn get, const void *ctx,
                                                   size_t n_votes, size_t *n)
{
    cn_analysis_loader *L = r->loader;
    cn_error err;
    int rc = cn_tally_specialties_from(get, ctx, n_votes, &L->specs, n, &L->cap_specs, &err);
    if (rc == CN_OK)
        return L->specs;
    *n = 0;
    if (L->load_rc == CN_OK) {
        L->load_rc = rc;
        L->load_err = err;
    }
    return NULL;
}

/* A question's splits from its counted answers, walked with a cursor of
 * their own (a report may be walking the question's answers through the
 * loader's). */
const cn_specialty_count *cn_analysis_question_specialties(const cn_analysis_result *r, size_t q,
                                                           size_t *n)
{
    cn_answer_cursor cursor = {0};
    vote_list votes = {.r = r, .q = q, .cursor = &cursor};
    return split_into_loader(r, vote_in_list_specialty, &votes, r->questions[q].n_answers, n);
}

typedef struct member_votes {
    const cn_analysis_result *r;
    const cn_analysis_claim *cl;
} member_votes;

static void vote_of_member(const void *ctx, size_t k, cn_tally_vote *out)
{
    const member_votes *m = ctx;
    vote_with_specialty(m->r, cn_analysis_claim_member(m->r, m->cl, k).answer, out);
}

/* A claim's splits from its votes, read through the loader as its members
 * are (a shared claim's are its question's answers). */
const cn_specialty_count *cn_analysis_claim_specialties(const cn_analysis_result *r,
                                                        const cn_analysis_claim *cl, size_t *n)
{
    member_votes votes = {.r = r, .cl = cl};
    return split_into_loader(r, vote_of_member, &votes, cl->n_primary, n);
}

/* Questions then claims: a claim judged on one question has that
 * question's counts (its memo entry, on the worker that made it). */
int cna_tally(cn_analysis *an, cn_error *err)
{
    int rc = tally_questions(an, err);
    /* The review queue reads only the questions' tallies: made before the
     * claims' members and tallies, its items (24 bytes each while they are
     * sorted) come and go below the peak. */
    if (rc == CN_OK)
        rc = cna_flag_answers(an, err);
    cna_give_back(); /* the sorted items, the largest questions' relabeling arrays */
    return rc == CN_OK ? tally_claims(an, err) : rc;
}
