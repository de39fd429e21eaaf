/* cn_analysis: classify pages as they come, keep a fixed record of each answer (the pages go
 * to disk), group them into questions, compute every figure of a report. */
#include "cn_analysis.h"

#include "cn_sort.h"
#include "cn_arena.h"
#include "cn_batch.h"
#include "cn_cmh.h"
#include "cn_hash.h"
#include "cn_idindex.h"
#include "cn_parallel.h"
#include "cn_recfile.h"
#include "cn_lines.h"
#include "cn_sha256.h"
#include "cn_spill.h"
#include "cn_text.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include "cn_grow.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* An interned string's number (str_at): NO_STR for none (NULL). */
#define NO_STR UINT32_MAX

/* What is kept of a page once it is on disk (a page of a million and more:
 * numbers of 32 bits, strings by their number, 48 bytes). It waits on disk
 * too while the corpus is read (cn_recfile: only the union-find and the
 * first page of each question_id stay in memory then) and comes back once
 * the reader is freed. */
typedef struct page_rec {
    char id[CN_ID_LEN + 1]; /* its question_id, or one made from its file and line */
    bool has_body;          /* it shows the asker's text */
    bool timing;            /* its annotation flags the question "timing" */
    uint32_t file;          /* interned base name; NO_STR when none */
    uint32_t title;         /* interned question title; NO_STR when none or empty */
    uint32_t source;        /* interned source of the claim it was judged against */
    uint32_t type;          /* interned question type; NO_STR */
    uint32_t declared[2];   /* declared_answers (a long), low and high 32 bits (page_declared) */
    uint32_t primary;       /* the claim key it was judged against */
} page_rec;
_Static_assert(sizeof(page_rec) == 48, "the page record: 48 bytes, no padding lost");

/* A claim as an annotation names it; the result's claims are numbered from
 * these at the end, in order of first use (questions first, then answers). */
typedef struct claim_key {
    const char *id, *statement; /* interned */
    const cn_rule *rule;
} claim_key;

/* An answer's editor's override (few answers have one). */
typedef struct override_of {
    uint32_t answer; /* first: place_u32 reads it */
    const cn_override *override;
} override_of;
_Static_assert(offsetof(override_of, answer) == 0, "place_u32 reads the answer first");

/* A duplicate's metadata note (few answers have one). */
typedef struct note {
    uint32_t answer; /* first: place_u32 reads it */
    char *text;
} note;
_Static_assert(offsetof(note, answer) == 0, "place_u32 reads the answer first");

_Static_assert(sizeof(cn_analysis_answer) == 24, "the answer record: 24 bytes, no padding lost");

/* An answer's first verdict is found from the verdicts of the answers
 * before it: a checkpoint every VERDICT_STEP answers (their first verdict's
 * offset), then the n_verdicts of at most VERDICT_STEP - 1 records in a row,
 * instead of a 4-byte offset in every record. */
#define VERDICT_STEP 16

/* An answer whose place in its file does not follow from its page's first
 * answer (few or none: a page's answers are numbered in a row). */
typedef struct index_exception {
    uint32_t answer; /* first: place_u32 reads it */
    uint32_t index;
} index_exception;
_Static_assert(offsetof(index_exception, answer) == 0, "place_u32 reads the answer first");

/* A duplicate and the counted answer it stands for (few answers are
 * duplicates: kept aside, in answer order, instead of 4 bytes an answer). */
typedef struct dup_link {
    uint32_t answer; /* first: place_u32 reads it */
    uint32_t original;
} dup_link;
_Static_assert(offsetof(dup_link, answer) == 0, "place_u32 reads the answer first");

/* An answer as it waits on disk while the corpus is read (cn_recfile): its
 * record, what its role is made from once every page is in, then its
 * n_verdicts verdicts, when its primary decision is conflicting that
 * decision's scores (CN_STANCE_COUNT doubles), and its physician
 * (put_physician). */
typedef struct waiting_answer {
    cn_analysis_answer a;
    uint32_t index; /* cn_answer.index */
    char duplicate_of[CN_ID_LEN + 1];
    bool related;
} waiting_answer;

/* A growing byte string (map keys made of several fields). */
typedef struct keybuf {
    char *s;
    size_t len, cap;
    bool failed;
} keybuf;

/* A string read back from the waiting records (NULL: none). */
typedef struct strbuf {
    char *s;
    size_t cap;
    bool null;
} strbuf;

/* The strings of a page record and of an answer's physician, as they come
 * back from disk. */
enum { SB_FILE, SB_TITLE, SB_SOURCE, SB_TYPE, SB_COUNT };
enum { SB_NAME, SB_CITY, SB_SPECIALTY };

/* A physician's numbers as they wait on disk (its strings follow). */
typedef struct waiting_physician {
    double rating;
    int64_t reviews;
    uint8_t has_rating, has_reviews;
} waiting_physician;

/* Pages loaded back while a report is written: the spill (or a reader of
 * it, for a copy of the result on another thread), the question whose pages
 * load when first asked for (SIZE_MAX: none), and the first load that failed
 * (reported by the next call). */
struct cn_analysis_loader {
    cn_spill *spill;
    size_t cur_q;
    int load_rc;
    cn_error load_err;
    double scores[CN_STANCE_COUNT]; /* the conflict scores asked for last */
};

struct cn_analysis {
    const cn_rules *rules;
    cn_analysis_opts opts;
    bool finished;
    cn_analysis_result result;
    cn_skipped *skipped;
    size_t n_skipped, cap_skipped;
    /* taking pages in */
    cn_batch *batch; /* the annotators, on opts.jobs threads */
    cn_page **run;   /* plain pages waiting for the annotators */
    size_t n_run, cap_run;
    cn_page **flight; /* the run the annotators have (started, not yet waited for) */
    size_t n_flight;
    cn_page_annotation **annos;  /* a waited run's annotations, taken from the batch */
    size_t n_plain, n_annotated; /* pages added without and with their annotation */
    size_t added, classified;    /* answers added, and of those annotated */
    cn_spill *spill;             /* the pages, on disk */
    /* Every answer's record waits here while the corpus is read (the
     * reader's de-duplication index holds the memory then) and comes back
     * in cn_analysis_finish: only the counts below grow meanwhile. */
    cn_recfile *waiting;
    strbuf sbuf[SB_COUNT]; /* strings on their way back from disk */
    /* The conflicting answers' primary scores (CN_STANCE_COUNT doubles each,
     * in the order of result.conflicts): only the review queue's wording
     * quotes them, so they wait on disk (14 MB at 1 GB). */
    cn_recfile *conflict_scores;
    cn_verdict *vbuf; /* one answer's verdicts on their way to disk */
    size_t cap_vbuf;
    cn_recfile *page_recs; /* the page records while the corpus is read */
    page_rec *pages;       /* back from page_recs until the questions are made; then only what
                              is below */
    size_t n_pages;
    uint32_t *parent; /* page -> union-find parent: the pages of one question */
    size_t cap_parent;
    /* The first page of each question_id (what pages with the same one are
     * joined to), while the corpus is read: first_of_qid keeps positions in
     * these (qids). */
    uint64_t *qid_num; /* a question_id of 16 hex digits as the number it spells (8 bytes, not 17);
                          another: the number of its copy in qid_other */
    uint32_t *qid_page;
    size_t n_qids, cap_qids, cap_qid_page;
    char (*qid_other)[CN_ID_LEN + 1]; /* the question_ids that are not 16 hex digits */
    uint32_t *qid_other_of;           /* the qids they are, ascending */
    size_t n_qid_other, cap_qid_other, cap_qid_other_of;
    uint32_t *page_file;     /* page -> its record's file (interned), once the records are gone */
    bool *page_timing;       /* page -> its record's timing */
    uint32_t *page_question; /* page -> its question (from make_questions on) */
    uint32_t *page_first;    /* page -> its first answer (a page's answers are in a row) */
    size_t cap_page_first;
    uint32_t *page_index0;      /* page -> its first answer's cn_answer.index */
    index_exception *index_exc; /* answers whose index is not page_index0 + place, in order */
    size_t n_index_exc, cap_index_exc;
    uint32_t *verdict_step; /* answer k * VERDICT_STEP -> its first verdict */
    dup_link *dups;         /* duplicates' originals, by answer (cn_analysis_original) */
    size_t n_dups, cap_dups;
    size_t cap_physicians;
    /* every answer's verdicts, in answer order (once back from disk), a
     * field an array: no padding (cn_analysis_verdict) */
    double *v_confidence;
    uint32_t *v_claim;
    uint8_t *v_stance; /* the stance, and V_CONFLICTING */
    size_t n_verdicts;
    override_of *overrides; /* editors' overrides, by answer */
    size_t n_overrides;
    note *notes; /* duplicate-metadata notes, by answer */
    size_t n_notes, cap_notes;
    char *last_path;     /* files_read: a file's pages come in a row */
    cn_idindex *strings; /* string -> index into strs (no second copy of it) */
    cn_arena *str_arena; /* the interned strings' bytes (no allocation apiece) */
    char **strs;         /* interned strings, in str_arena */
    size_t n_strs, cap_strs;
    cn_idindex *physician_ids; /* a physician's fields -> index into result.physicians */
    cn_idindex *first_answer;  /* answer_id -> first answer with it (no copies of ids) */
    cn_idindex *first_of_qid;  /* question_id -> its number among the qids (qid_num) */
    cn_strmap *key_ids;        /* claim key fields -> index into keys */
    claim_key *keys;
    size_t n_keys, cap_keys;
    keybuf key;
    /* finishing */
    cn_strmap *claim_ids;    /* claim id -> index into result.claims */
    cn_consensus_pool *pool; /* the tallies' consensus figures, one copy each */
    size_t cap_claims;
    size_t *first_page;        /* question -> its first page */
    size_t *body_page;         /* question -> its first page with a body; SIZE_MAX */
    size_t *qpage_start;       /* question q has qpage_start[q + 1] - qpage_start[q] pages */
    cn_analysis_loader loader; /* writing: the result's own (spill is an->spill) */
};

void cn_analysis_opts_init(cn_analysis_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->seed = CN_ANALYSIS_DEFAULT_SEED;
    cn_consensus_opts_init(&opts->consensus);
    opts->bootstrap = CN_ANALYSIS_DEFAULT_BOOTSTRAP;
    opts->simulate = CN_ANALYSIS_DEFAULT_SIMULATE;
    opts->low_confidence = CN_ANALYSIS_DEFAULT_LOW_CONFIDENCE;
    opts->fragment_words = CN_ANALYSIS_DEFAULT_FRAGMENT_WORDS;
    opts->per_question = CN_ANALYSIS_DEFAULT_PER_QUESTION;
    opts->asymptotic_questions = CN_ANALYSIS_DEFAULT_ASYMPTOTIC_QUESTIONS;
    opts->asymptotic_answers_per_df = CN_ANALYSIS_DEFAULT_ASYMPTOTIC_ANSWERS_PER_DF;
}

const char *cn_within_method_name(cn_within_method method)
{
    switch (method) {
    case CN_WITHIN_PERMUTATION:
        return "permutation";
    case CN_WITHIN_CMH:
        return "cmh";
    default:
        return NULL;
    }
}

const char *cn_answer_role_name(cn_answer_role role)
{
    switch (role) {
    case CN_ROLE_COUNTED:
        return "counted";
    case CN_ROLE_DUPLICATE:
        return "duplicate";
    case CN_ROLE_RELATED:
        return "related";
    }
    return "?";
}

/* v_stance's bit for a conflicting decision (stances need the low bits). */
#define V_CONFLICTING 0x80
_Static_assert(CN_STANCE_COUNT <= V_CONFLICTING, "a stance fits below V_CONFLICTING");

/* The first verdict of answer a (of r->answers). */
static size_t verdict_at(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    size_t i = (size_t)(a - r->answers);
    size_t at = r->an->verdict_step[i / VERDICT_STEP];
    for (size_t j = i - i % VERDICT_STEP; j < i; j++)
        at += r->answers[j].n_verdicts;
    return at;
}

cn_verdict cn_analysis_verdict(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v)
{
    const cn_analysis *an = r->an;
    size_t at = verdict_at(r, a) + v;
    return (cn_verdict){.confidence = an->v_confidence[at],
                        .claim = an->v_claim[at],
                        .stance = (uint8_t)(an->v_stance[at] & ~V_CONFLICTING),
                        .conflicting = (an->v_stance[at] & V_CONFLICTING) != 0};
}

cn_stance cn_analysis_verdict_stance(const cn_analysis_result *r, const cn_analysis_answer *a,
                                     size_t v)
{
    if (v == 0)
        return cn_analysis_answer_stance(a);
    return v < a->n_verdicts ? cn_analysis_verdict(r, a, v).stance : CN_STANCE_NONE;
}

double cn_analysis_verdict_confidence(const cn_analysis_result *r, const cn_analysis_answer *a,
                                      size_t v)
{
    if (v == 0 && a->overridden)
        return 1.0;
    return v < a->n_verdicts ? cn_analysis_verdict(r, a, v).confidence : 0.0;
}

cn_stance cn_analysis_answer_stance(const cn_analysis_answer *a)
{
    if (a->overridden)
        return (cn_stance)a->override_stance;
    return a->n_verdicts ? (cn_stance)a->primary_stance : CN_STANCE_NONE;
}

/* ---- life cycle ---- */

cn_analysis *cn_analysis_new(const cn_rules *rules, const cn_analysis_opts *opts)
{
    cn_analysis *an = calloc(1, sizeof *an);
    if (!an)
        return NULL;
    an->rules = rules;
    if (opts)
        an->opts = *opts;
    else
        cn_analysis_opts_init(&an->opts);
    an->opts.consensus.seed = an->opts.seed;
    an->result.an = an;
    an->result.loader = &an->loader;
    an->loader.cur_q = SIZE_MAX;
    an->claim_ids = cn_strmap_new();
    an->strings = cn_idindex_new();
    an->str_arena = cn_arena_new();
    an->physician_ids = cn_idindex_new();
    an->first_answer = cn_idindex_new();
    an->first_of_qid = cn_idindex_new();
    an->key_ids = cn_strmap_new();
    if (cn_consensus_pool_new(&an->pool, NULL) != CN_OK) {
        cn_analysis_free(an);
        return NULL;
    }
    an->cap_run = 2 * CN_BATCH_PAGES_PER_JOB * (an->opts.jobs ? an->opts.jobs : 1);
    an->run = calloc(an->cap_run, sizeof *an->run);
    an->flight = calloc(an->cap_run, sizeof *an->flight);
    an->annos = calloc(an->cap_run, sizeof *an->annos);
    if (!an->claim_ids || !an->strings || !an->str_arena || !an->physician_ids ||
        !an->first_answer || !an->first_of_qid || !an->key_ids || !an->run || !an->flight ||
        !an->annos ||
        cn_batch_new(rules, an->opts.jobs ? an->opts.jobs : 1, &an->batch, NULL) != CN_OK) {
        cn_analysis_free(an);
        return NULL;
    }
    return an;
}

static void question_clear(cn_analysis_question *q)
{
    free(q->answers);
    free(q->duplicates);
    free(q->related);
    if (q->tally_files_shared)
        q->tally.files = NULL;
    free(q->files);
    cn_tally_clear(&q->tally);
}

static void claim_clear(cn_analysis_claim *c)
{
    free(c->questions);
    free(c->members);
    if (!c->tally_shared)
        cn_tally_clear(&c->tally);
}

static void free_result(cn_analysis_result *r)
{
    free(r->answers);
    free(r->physicians);
    free(r->conflicts);
    for (size_t i = 0; i < r->n_questions; i++)
        question_clear(&r->questions[i]);
    free(r->questions);
    for (size_t i = 0; i < r->n_claims; i++)
        claim_clear(&r->claims[i]);
    free(r->claims);
    free(r->specialties.groups);
    free(r->specialties.conclusion);
    free(r->review);
    free(r->unmatched);
}

void cn_analysis_free(cn_analysis *an)
{
    if (!an)
        return;
    free_result(&an->result);
    cn_consensus_pool_free(an->pool); /* after the tallies pointing into it */
    for (size_t i = 0; i < an->n_skipped; i++) {
        free(an->skipped[i].file);
        free(an->skipped[i].reason);
    }
    free(an->skipped);
    cn_batch_free(an->batch); /* waits for a run in flight: its pages are borrowed */
    for (size_t i = 0; i < an->n_run; i++)
        cn_page_free(an->run[i]);
    for (size_t i = 0; i < an->n_flight; i++)
        cn_page_free(an->flight[i]);
    free(an->run);
    free(an->flight);
    free(an->annos);
    cn_spill_free(an->spill);
    cn_recfile_free(an->waiting);
    cn_recfile_free(an->conflict_scores);
    free(an->vbuf);
    free(an->v_confidence);
    free(an->v_claim);
    free(an->v_stance);
    for (size_t i = 0; i < an->n_notes; i++)
        free(an->notes[i].text);
    free(an->notes);
    free(an->overrides);
    cn_recfile_free(an->page_recs);
    for (size_t i = 0; i < SB_COUNT; i++)
        free(an->sbuf[i].s);
    free(an->pages);
    free(an->parent);
    free(an->qid_num);
    free(an->qid_page);
    free(an->qid_other);
    free(an->qid_other_of);
    free(an->page_file);
    free(an->page_timing);
    free(an->page_question);
    free(an->page_first);
    free(an->page_index0);
    free(an->index_exc);
    free(an->verdict_step);
    free(an->dups);
    free(an->last_path);
    free(an->strs);
    cn_arena_free(an->str_arena);
    cn_idindex_free(an->strings);
    cn_idindex_free(an->physician_ids);
    cn_idindex_free(an->first_answer);
    cn_idindex_free(an->first_of_qid);
    cn_strmap_free(an->key_ids);
    free(an->keys);
    free(an->key.s);
    cn_strmap_free(an->claim_ids);
    free(an->first_page);
    free(an->body_page);
    free(an->qpage_start);
    free(an);
}

static int oom(cn_error *err)
{
    return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
}

int cn_analysis_add_skipped(cn_analysis *an, const char *file, const char *reason, cn_error *err)
{
    if (!cn_grow((void **)&an->skipped, &an->cap_skipped, an->n_skipped + 1, sizeof *an->skipped))
        return oom(err);
    const char *slash = file ? strrchr(file, '/') : NULL;
    cn_skipped *s = &an->skipped[an->n_skipped];
    s->file = strdup(slash && slash[1] ? slash + 1 : (file ? file : ""));
    s->reason = strdup(reason ? reason : "");
    if (!s->file || !s->reason) {
        free(s->file);
        free(s->reason);
        return oom(err);
    }
    an->n_skipped++;
    return CN_OK;
}

const cn_analysis_result *cn_analysis_result_get(const cn_analysis *an)
{
    return an && an->finished ? &an->result : NULL;
}

/* ---- what is kept of a page: interned strings, keys, records ---- */

static const char *str_of(const void *ctx, uint32_t i)
{
    return ((const cn_analysis *)ctx)->strs[i];
}

/* Interned string number s (NO_STR: NULL). */
static const char *str_at(const cn_analysis *an, uint32_t s)
{
    return s == NO_STR ? NULL : an->strs[s];
}

/* The number of the analysis' copy of s (NO_STR for NULL) into *out. */
static int intern_at(cn_analysis *an, const char *s, uint32_t *out, cn_error *err)
{
    *out = NO_STR;
    if (!s)
        return CN_OK;
    int64_t k = cn_idindex_find(an->strings, s, str_of, an);
    if (k >= 0) {
        *out = (uint32_t)k;
        return CN_OK;
    }
    if (an->n_strs >= INT32_MAX ||
        !cn_grow((void **)&an->strs, &an->cap_strs, an->n_strs + 1, sizeof *an->strs))
        return oom(err);
    char *copy = cn_arena_strdup(an->str_arena, s);
    if (!copy)
        return oom(err);
    an->strs[an->n_strs] = copy;
    if (cn_idindex_add(an->strings, s, (uint32_t)an->n_strs, str_of, an))
        return oom(err); /* the copy stays in the arena, unused, until it is freed */
    *out = (uint32_t)an->n_strs++;
    return CN_OK;
}

/* The analysis' copy of s (NULL for NULL) into *out. */
static int intern(cn_analysis *an, const char *s, const char **out, cn_error *err)
{
    uint32_t k;
    int rc = intern_at(an, s, &k, err);
    *out = rc == CN_OK ? str_at(an, k) : NULL;
    return rc;
}

/* A page record's declared_answers. */
static long page_declared(const page_rec *pr)
{
    uint64_t v = (uint64_t)pr->declared[1] << 32 | pr->declared[0];
    long out;
    memcpy(&out, &v, sizeof out); /* long is 64 bits where this builds (checked below) */
    return out;
}

static void set_page_declared(page_rec *pr, long v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    pr->declared[0] = (uint32_t)u;
    pr->declared[1] = (uint32_t)(u >> 32);
}
_Static_assert(sizeof(long) == sizeof(uint64_t), "page_declared keeps a long in 64 bits");

static void key_bytes(keybuf *k, const char *s, size_t n)
{
    if (k->failed)
        return;
    if (!cn_grow((void **)&k->s, &k->cap, k->len + n + 1, 1)) {
        k->failed = true;
        return;
    }
    memcpy(k->s + k->len, s, n);
    k->len += n;
    k->s[k->len] = '\0';
}

/* A field of a map key: NULL and "" differ, and no field runs into the next. */
static void key_field(keybuf *k, const char *s)
{
    if (!s) {
        key_bytes(k, "\x1e", 1);
        return;
    }
    key_bytes(k, s, strlen(s));
    key_bytes(k, "\x1f", 1);
}

/* A physician's fields folded into a hash: NULL and "" differ, and no field
 * runs into the next; the rating and reviews only count where given. */
static uint64_t physician_hash(const cn_physician *p)
{
    const char *fields[3] = {p->name, p->city, p->specialty};
    uint64_t h = 1469598103934665603ULL;
    for (int f = 0; f < 3; f++)
        h = (h ^
             (fields[f] ? cn_hash_bytes(fields[f], strlen(fields[f])) : 0x9e3779b97f4a7c15ULL)) *
            1099511628211ULL;
    uint64_t rating = 0;
    if (p->has_rating)
        memcpy(&rating, &p->rating, sizeof rating);
    h = (h ^ rating ^ (uint64_t)p->has_rating << 1 ^ (uint64_t)p->has_reviews) * 1099511628211ULL;
    h = (h ^ (uint64_t)(p->has_reviews ? p->reviews : 0L)) * 1099511628211ULL;
    return h ^ (h >> 29);
}

static bool str_same(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The same fields (a rating compared bit for bit, as one physician's pages
 * print it the same way). */
static bool physician_same(const void *ctx, uint32_t i, const void *probe)
{
    const cn_physician *a = &((const cn_analysis *)ctx)->result.physicians[i];
    const cn_physician *b = probe;
    return str_same(a->name, b->name) && str_same(a->city, b->city) &&
           str_same(a->specialty, b->specialty) && a->has_rating == b->has_rating &&
           (!a->has_rating || !memcmp(&a->rating, &b->rating, sizeof a->rating)) &&
           a->has_reviews == b->has_reviews && (!a->has_reviews || a->reviews == b->reviews);
}

static uint64_t physician_hash_of(const void *ctx, uint32_t i)
{
    return physician_hash(&((const cn_analysis *)ctx)->result.physicians[i]);
}

/* The index of a physician with p's fields among the result's physicians
 * (the index keeps 4-byte positions, no key strings: a corpus has about one
 * physician for every three answers). */
static int physician_index(cn_analysis *an, const cn_physician *p, size_t *out, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    uint64_t hash = physician_hash(p);
    int64_t found = cn_idindex_find_hashed(an->physician_ids, hash, physician_same, an, p);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (r->n_physicians >= INT32_MAX || !cn_grow((void **)&r->physicians, &an->cap_physicians,
                                                 r->n_physicians + 1, sizeof *r->physicians))
        return oom(err);
    cn_physician *d = &r->physicians[r->n_physicians];
    *d = *p;
    const char *name, *city, *specialty;
    int rc = intern(an, p->name, &name, err);
    if (rc == CN_OK)
        rc = intern(an, p->city, &city, err);
    if (rc == CN_OK)
        rc = intern(an, p->specialty, &specialty, err);
    if (rc != CN_OK)
        return rc;
    d->name = (char *)name; /* interned: owned by the analysis, never freed through here */
    d->city = (char *)city;
    d->specialty = (char *)specialty;
    if (cn_idindex_add_hashed(an->physician_ids, hash, (uint32_t)r->n_physicians, physician_hash_of,
                              an))
        return oom(err);
    *out = r->n_physicians++;
    return CN_OK;
}

/* The index of the claim key (id, statement, rule) among an->keys. */
static int key_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                     size_t *out, cn_error *err)
{
    keybuf *k = &an->key;
    k->len = 0;
    key_field(k, id);
    key_field(k, statement);
    char ptr[32];
    snprintf(ptr, sizeof ptr, "%p", (const void *)rule);
    key_field(k, ptr);
    if (k->failed)
        return oom(err);
    int found = cn_strmap_get(an->key_ids, k->s);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (an->n_keys >= INT32_MAX ||
        !cn_grow((void **)&an->keys, &an->cap_keys, an->n_keys + 1, sizeof *an->keys))
        return oom(err);
    claim_key *ck = &an->keys[an->n_keys];
    ck->rule = rule;
    int rc = intern(an, id, &ck->id, err);
    if (rc == CN_OK)
        rc = intern(an, statement, &ck->statement, err);
    if (rc != CN_OK)
        return rc;
    if (cn_strmap_put(an->key_ids, k->s, (int)an->n_keys))
        return oom(err);
    *out = an->n_keys++;
    return CN_OK;
}

/* Hand the heap's free pages back to the system (glibc keeps them resident
 * otherwise): called where a step's passing arrays are gone, so what the
 * next steps allocate is all the resident set holds. */
static void give_back(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* ---- grouping pages into questions ---- */

static size_t uf_find(uint32_t *parent, size_t x)
{
    while (parent[x] != (uint32_t)x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void uf_union(uint32_t *parent, size_t a, size_t b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a > b ? a : b] = (uint32_t)(a < b ? a : b); /* the earlier page is the root */
}

/* A page without a question_id (de-duplication not run) still needs a stable id. */
static void fallback_question_id(const cn_page *page, char id[CN_ID_LEN + 1])
{
    cn_sha256_ctx ctx;
    unsigned char digest[32];
    char line[32];
    cn_sha256_init(&ctx);
    cn_sha256_update(&ctx, "page:", 5);
    if (page->file)
        cn_sha256_update(&ctx, page->file, strlen(page->file));
    snprintf(line, sizeof line, ":%zu", page->line);
    cn_sha256_update(&ctx, line, strlen(line));
    cn_sha256_final(&ctx, digest);
    cn_sha256_digest_hex(digest, id, CN_ID_LEN);
}

/* A scrap the page cut off (a title and a few words, or nothing): there is no
 * stance to check, so an editor's time is better spent elsewhere. */
static bool is_fragment(const cn_analysis *an, const cn_answer *answer)
{
    return (answer->excerpt || answer->truncated) &&
           cn_span_words(answer->text, answer->text ? strlen(answer->text) : 0) <
               an->opts.fragment_words;
}

/* The answer's verdicts into an->vbuf, their claims as keys (numbered at the
 * end). */
static int keep_verdicts(cn_analysis *an, const cn_page_annotation *pa,
                         const cn_answer_annotation *aa, cn_analysis_answer *a, cn_error *err)
{
    if (aa->n_claims > UINT16_MAX ||
        !cn_grow((void **)&an->vbuf, &an->cap_vbuf, aa->n_claims, sizeof *an->vbuf))
        return oom(err);
    memset(an->vbuf, 0, aa->n_claims * sizeof *an->vbuf); /* padding too: it goes to disk */
    for (size_t c = 0; c < aa->n_claims; c++) {
        const cn_answer_claim *ac = &aa->claims[c];
        const cn_rule *rule =
            c == 0 ? pa->primary->rule : cn_rules_find(an->rules, CN_RULE_CLAIM, ac->claim_id);
        cn_verdict *v = &an->vbuf[c];
        size_t key;
        int rc = key_index(an, ac->claim_id, ac->statement, rule, &key, err);
        if (rc != CN_OK)
            return rc;
        v->claim = (uint32_t)key;
        v->stance = (uint8_t)ac->decision.stance;
        v->confidence = ac->decision.confidence;
        v->conflicting = ac->decision.conflicting;
        if (c == 0)
            a->primary_stance = v->stance;
        a->n_verdicts++;
    }
    return CN_OK;
}

const char *cn_analysis_answer_id(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  char *buf)
{
    if (a->id_text)
        return r->an->strs[a->id];
    cn_page_id_text(a->id, buf);
    return buf;
}

/* The answer-id index: keyed by the ids' text, read back from the records. */
static uint64_t id_hash(const char *id)
{
    return cn_hash_bytes(id, strlen(id));
}

static uint64_t answer_id_hash(const void *ctx, uint32_t i)
{
    const cn_analysis_result *r = &((const cn_analysis *)ctx)->result;
    return id_hash(CN_ANSWER_ID(r, &r->answers[i]));
}

static bool answer_id_is(const void *ctx, uint32_t i, const void *probe)
{
    const cn_analysis_result *r = &((const cn_analysis *)ctx)->result;
    return !strcmp(CN_ANSWER_ID(r, &r->answers[i]), probe);
}

static int64_t first_answer_find(const cn_analysis *an, const char *id)
{
    return cn_idindex_find_hashed(an->first_answer, id_hash(id), answer_id_is, an, id);
}

/* The place of key in an array of n entries of `stride` bytes in ascending
 * order of a uint32_t each starts with (an answer's number, most often), or
 * n when it is not there. */
static size_t place_u32(const void *base, size_t n, size_t stride, size_t key)
{
    if (key > UINT32_MAX)
        return n;
    const char *a = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (*(const uint32_t *)(const void *)(a + mid * stride) < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && *(const uint32_t *)(const void *)(a + lo * stride) == key ? lo : n;
}

/* The text of qid k into out. */
static void qid_text(const cn_analysis *an, uint32_t k, char out[CN_ID_LEN + 1])
{
    if (place_u32(an->qid_other_of, an->n_qid_other, sizeof *an->qid_other_of, k) <
        an->n_qid_other) {
        memcpy(out, an->qid_other[an->qid_num[k]], CN_ID_LEN + 1);
        return;
    }
    cn_page_id_text(an->qid_num[k], out);
}

static uint64_t qid_hash(const void *ctx, uint32_t k)
{
    char id[CN_ID_LEN + 1];
    qid_text(ctx, k, id);
    return id_hash(id);
}

static bool qid_is(const void *ctx, uint32_t k, const void *probe)
{
    char id[CN_ID_LEN + 1];
    qid_text(ctx, k, id);
    return !strcmp(id, probe);
}

/* Its role: a related excerpt, a duplicate (pointing at its counted
 * original), or counted; links its page with its original's. Answers take
 * their roles in corpus order. */
static int assign_role(cn_analysis *an, size_t i, const waiting_answer *w, cn_error *err)
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
                return oom(err);
            an->dups[an->n_dups++] = (dup_link){.answer = (uint32_t)i, .original = (uint32_t)o};
            a->role = CN_ROLE_DUPLICATE;
        }
    }
    if (orig >= 0)
        uf_union(an->parent, a->page, r->answers[orig].page);
    const char *id = CN_ANSWER_ID(r, a);
    if (id[0] && first_answer_find(an, id) < 0 &&
        (i >= INT32_MAX ||
         cn_idindex_add_hashed(an->first_answer, id_hash(id), (uint32_t)i, answer_id_hash, an)))
        return oom(err);
    return CN_OK;
}

/* s (NULL too) to f: its length (UINT32_MAX: NULL), then its bytes. */
static int put_str(cn_recfile *f, const char *s, cn_error *err)
{
    size_t n = s ? strlen(s) : 0;
    if (n >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a string of 4 GB or more");
    uint32_t len = s ? (uint32_t)n : UINT32_MAX;
    int rc = cn_recfile_write(f, &len, sizeof len, err);
    return rc == CN_OK && n ? cn_recfile_write(f, s, n, err) : rc;
}

/* The next string of f (put_str) into b. */
static int get_str(cn_recfile *f, strbuf *b, cn_error *err)
{
    uint32_t len;
    int rc = cn_recfile_read(f, &len, sizeof len, err);
    if (rc != CN_OK)
        return rc;
    b->null = len == UINT32_MAX;
    size_t n = b->null ? 0 : len;
    if (!cn_grow((void **)&b->s, &b->cap, n + 1, 1))
        return oom(err);
    b->s[n] = '\0';
    return n ? cn_recfile_read(f, b->s, n, err) : CN_OK;
}

static const char *str_of_buf(const strbuf *b)
{
    return b->null ? NULL : b->s;
}

/* An answer's physician to the waiting records: it is numbered (and its
 * strings interned) when the records come back, so that neither the
 * physicians nor their index take memory while the corpus is read. */
static int put_physician(cn_recfile *f, const cn_physician *p, cn_error *err)
{
    waiting_physician w;
    memset(&w, 0, sizeof w); /* padding too: it goes to disk */
    w.rating = p->rating;
    w.reviews = p->reviews;
    w.has_rating = p->has_rating;
    w.has_reviews = p->has_reviews;
    int rc = cn_recfile_write(f, &w, sizeof w, err);
    if (rc == CN_OK)
        rc = put_str(f, p->name, err);
    if (rc == CN_OK)
        rc = put_str(f, p->city, err);
    return rc == CN_OK ? put_str(f, p->specialty, err) : rc;
}

/* The physician put_physician wrote, numbered among the result's. */
static int get_physician(cn_analysis *an, uint32_t *out, cn_error *err)
{
    waiting_physician w;
    int rc = cn_recfile_read(an->waiting, &w, sizeof w, err);
    for (int i = SB_NAME; rc == CN_OK && i <= SB_SPECIALTY; i++)
        rc = get_str(an->waiting, &an->sbuf[i], err);
    if (rc != CN_OK)
        return rc;
    cn_physician p = {.name = (char *)str_of_buf(&an->sbuf[SB_NAME]),
                      .city = (char *)str_of_buf(&an->sbuf[SB_CITY]),
                      .specialty = (char *)str_of_buf(&an->sbuf[SB_SPECIALTY]),
                      .rating = w.rating,
                      .has_rating = w.has_rating,
                      .reviews = (long)w.reviews,
                      .has_reviews = w.has_reviews};
    size_t k = 0;
    rc = physician_index(an, &p, &k, err);
    *out = (uint32_t)k;
    return rc;
}

/* The fixed record of answer k of page p, written to the waiting records
 * (with its verdicts and, for a conflicting primary decision, the scores). */
static int keep_answer(cn_analysis *an, size_t p, const cn_page *page, const cn_page_annotation *pa,
                       size_t k, cn_error *err)
{
    const cn_answer *ans = &page->answers[k];
    cn_analysis_result *r = &an->result;
    /* records number answers, pages and places in 32 bits */
    if (r->n_answers >= INT32_MAX || p >= INT32_MAX || ans->index >= UINT32_MAX || k >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^31 answers or pages");
    if (!an->waiting) {
        int rc = cn_recfile_new(an->opts.spill_dir, &an->waiting, err);
        if (rc != CN_OK)
            return rc;
    }
    r->n_answers++;
    waiting_answer w;
    memset(&w, 0, sizeof w); /* padding too: it goes to disk */
    cn_analysis_answer *a = &w.a;
    const cn_answer_annotation *aa = &pa->answers[k];
    if (!cn_page_id_number(ans->answer_id, &a->id)) {
        uint32_t k;
        int rc = intern_at(an, ans->answer_id, &k, err);
        if (rc != CN_OK)
            return rc;
        a->id = k;
        a->id_text = true;
    }
    memcpy(w.duplicate_of, ans->duplicate_of, sizeof w.duplicate_of);
    w.related = ans->related;
    a->excerpt = ans->excerpt;
    a->truncated = ans->truncated;
    a->fragment = is_fragment(an, ans);
    a->names_primary = aa->names_primary;
    w.index = (uint32_t)ans->index;
    a->page = (uint32_t)p;
    int rc = keep_verdicts(an, pa, aa, a, err);
    if (rc == CN_OK && a->n_verdicts == 0)
        rc = cn_error_set(err, CN_ERR_USAGE, "%s: answer %zu has no decision",
                          page->file ? page->file : "?", ans->index);
    if (rc == CN_OK && an->n_verdicts + a->n_verdicts > UINT32_MAX) /* verdict_step: 32-bit */
        rc = cn_error_set(err, CN_ERR_USAGE, "analysis: more than %lu verdicts",
                          (unsigned long)UINT32_MAX);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->waiting, &w, sizeof w, err);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->waiting, an->vbuf, a->n_verdicts * sizeof *an->vbuf, err);
    if (rc == CN_OK && aa->claims[0].decision.conflicting) {
        r->n_conflicts++;
        rc = cn_recfile_write(an->waiting, aa->claims[0].decision.scores,
                              sizeof aa->claims[0].decision.scores, err);
    }
    if (rc == CN_OK)
        rc = put_physician(an->waiting, &ans->physician, err);
    an->n_verdicts += a->n_verdicts;
    return rc;
}

static const char *page_path(const cn_page *page)
{
    return page->path ? page->path : (page->file ? page->file : "");
}

static bool has_flag(const cn_page_annotation *pa, const char *flag)
{
    for (size_t i = 0; i < pa->n_question_flags; i++)
        if (!strcmp(pa->question_flags[i], flag))
            return true;
    return false;
}

/* Page p joins the first page with its question_id (it is that page when
 * none came before). */
static int join_question_id(cn_analysis *an, const cn_page *page, size_t p, cn_error *err)
{
    int64_t k = cn_idindex_find_hashed(an->first_of_qid, id_hash(page->question_id), qid_is, an,
                                       page->question_id);
    if (k >= 0) {
        uf_union(an->parent, p, an->qid_page[k]);
        return CN_OK;
    }
    if (an->n_qids >= INT32_MAX ||
        !cn_grow((void **)&an->qid_num, &an->cap_qids, an->n_qids + 1, sizeof *an->qid_num) ||
        !cn_grow((void **)&an->qid_page, &an->cap_qid_page, an->n_qids + 1, sizeof *an->qid_page))
        return oom(err);
    if (!cn_page_id_number(page->question_id, &an->qid_num[an->n_qids])) {
        if (!cn_grow((void **)&an->qid_other, &an->cap_qid_other, an->n_qid_other + 1,
                     sizeof *an->qid_other) ||
            !cn_grow((void **)&an->qid_other_of, &an->cap_qid_other_of, an->n_qid_other + 1,
                     sizeof *an->qid_other_of))
            return oom(err);
        snprintf(an->qid_other[an->n_qid_other], CN_ID_LEN + 1, "%s", page->question_id);
        an->qid_other_of[an->n_qid_other] = (uint32_t)an->n_qids;
        an->qid_num[an->n_qids] = an->n_qid_other++;
    }
    an->qid_page[an->n_qids] = (uint32_t)p;
    if (cn_idindex_add_hashed(an->first_of_qid, id_hash(page->question_id), (uint32_t)an->n_qids,
                              qid_hash, an))
        return oom(err);
    an->n_qids++;
    return CN_OK;
}

/* The page's record (to disk); pages with the same question_id belong together. */
static int keep_page_record(cn_analysis *an, const cn_page *page, const cn_page_annotation *pa,
                            size_t p, cn_error *err)
{
    page_rec rec, *pr = &rec;
    memset(pr, 0, sizeof *pr);   /* padding too: it goes to disk */
    an->parent[p] = (uint32_t)p; /* p < INT32_MAX: keep_page */
    if (page->question_id[0])
        memcpy(pr->id, page->question_id, sizeof pr->id);
    else
        fallback_question_id(page, pr->id);
    pr->has_body = page->body && page->body[0];
    pr->timing = has_flag(pa, "timing");
    set_page_declared(pr, page->declared_answers);
    /* its strings follow it on disk: interned when it comes back */
    pr->file = pr->title = pr->source = pr->type = NO_STR;
    size_t primary = 0;
    int rc =
        key_index(an, pa->primary->id, pa->primary->statement, pa->primary->rule, &primary, err);
    if (rc == CN_OK && primary >= UINT32_MAX)
        rc = cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^32 claim keys");
    pr->primary = (uint32_t)primary;
    if (rc == CN_OK && !an->page_recs)
        rc = cn_recfile_new(an->opts.spill_dir, &an->page_recs, err);
    if (rc == CN_OK)
        rc = cn_recfile_write(an->page_recs, pr, sizeof *pr, err);
    const char *strs[SB_COUNT] = {
        [SB_FILE] = page->file,
        [SB_TITLE] = page->question && page->question[0] ? page->question : NULL,
        [SB_SOURCE] = pa->primary->source,
        [SB_TYPE] = pa->question_type,
    };
    for (size_t i = 0; i < SB_COUNT && rc == CN_OK; i++)
        rc = put_str(an->page_recs, strs[i], err);
    if (rc != CN_OK || !page->question_id[0])
        return rc;
    return join_question_id(an, page, p, err);
}

/* Keep what the analysis needs of an annotated page and write the page to
 * disk. */
static int keep_page(cn_analysis *an, const cn_page *page, const cn_page_annotation *pa,
                     cn_error *err)
{
    cn_analysis_result *r = &an->result;
    if (!pa || pa->n_answers != page->n_answers)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a page without its annotation");
    if (!an->spill) {
        int rc = cn_spill_new(an->opts.spill_dir, an->rules, &an->spill, err);
        if (rc != CN_OK)
            return rc;
        an->loader.spill = an->spill;
    }
    if (!cn_grow((void **)&an->parent, &an->cap_parent, an->n_pages + 1, sizeof *an->parent) ||
        !cn_grow((void **)&an->page_first, &an->cap_page_first, an->n_pages + 1,
                 sizeof *an->page_first))
        return oom(err);
    if (r->n_answers >= INT32_MAX || an->n_pages >= INT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: more than 2^31 answers or pages");
    size_t p = an->n_pages++;
    an->page_first[p] = (uint32_t)r->n_answers;
    int rc = keep_page_record(an, page, pa, p, err);
    /* The reader hands out a file's pages in a row (JSON Lines gives several). */
    const char *path = page_path(page);
    if (rc == CN_OK && (p == 0 || strcmp(path, an->last_path))) {
        free(an->last_path);
        if (!(an->last_path = strdup(path)))
            rc = oom(err);
        r->files_read++;
    }
    for (size_t k = 0; k < page->n_answers && rc == CN_OK; k++)
        rc = keep_answer(an, p, page, pa, k, err);
    r->pages++;
    r->total_answers += page->n_answers;
    if (rc == CN_OK)
        rc = cn_spill_put(an->spill, page, pa, err);
    return rc;
}

/* Wait for the run in flight and take its annotations into an->annos
 * (NULL from the first page that failed on). */
static int wait_flight(cn_analysis *an, cn_error *err)
{
    if (!an->n_flight)
        return CN_OK;
    size_t n_done = 0;
    int rc = cn_batch_wait(an->batch, &n_done, err);
    if (rc != CN_OK) {
        const cn_page *failed = an->flight[n_done < an->n_flight ? n_done : 0];
        cn_error_prefix(err, failed->file ? failed->file : "?");
    }
    for (size_t i = 0; i < an->n_flight; i++)
        an->annos[i] = i < n_done ? cn_batch_take(an->batch, i) : NULL;
    return rc;
}

/* Keep pages[0, n) with an->annos (while rc is CN_OK), then free them. */
static int keep_run(cn_analysis *an, cn_page **pages, size_t n, int rc, cn_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (rc == CN_OK) {
            an->classified += pages[i]->n_answers;
            rc = keep_page(an, pages[i], an->annos[i], err);
        }
        cn_page_annotation_free(an->annos[i]);
        an->annos[i] = NULL;
        cn_page_free(pages[i]);
        pages[i] = NULL;
    }
    if (rc == CN_OK && n && an->opts.progress)
        an->opts.progress(an->opts.progress_ctx, an->classified, an->added);
    return rc;
}

/* Judge the waiting run of pages with the classifier's annotators (the
 * stances `consensus classify` prints: each page against the primary claim
 * of its question_id, chosen on the question's first page; the same on any
 * number of threads, cn_batch), then keep and free them. Runs overlap with
 * the reading: the full run is started, and the run before it (waited for
 * first: the batch takes runs one after the other, in reading order) is
 * kept while the annotators work, and the caller reads the next pages; its
 * pages are kept in reading order as before. `last`: wait for the run just
 * started too and keep it (no more pages come). */
static int annotate_run(cn_analysis *an, bool last, cn_error *err)
{
    int rc = wait_flight(an, err);
    cn_page **done = an->flight;
    size_t n_done = an->n_flight;
    an->flight = an->run;
    an->n_flight = an->n_run;
    an->run = done;
    an->n_run = 0;
    if (rc == CN_OK && an->n_flight) {
        rc = cn_batch_start(an->batch, an->flight, an->n_flight, err);
        if (rc != CN_OK)
            cn_error_prefix(err, an->flight[0]->file ? an->flight[0]->file : "?");
    }
    if (rc != CN_OK) { /* not started: the pages are not the batch's */
        for (size_t i = 0; i < an->n_flight; i++)
            cn_page_free(an->flight[i]);
        an->n_flight = 0;
    }
    rc = keep_run(an, done, n_done, rc, err);
    if (last) {
        int w = wait_flight(an, err);
        rc = keep_run(an, an->flight, an->n_flight, rc == CN_OK ? w : rc, err);
        an->n_flight = 0;
    }
    return rc;
}

/* What only finds claim keys and question_ids again as pages come: once the
 * last page is kept no page joins another question_id and no claim key is
 * numbered any more. */
static void release_reading_indexes(cn_analysis *an)
{
    cn_strmap_free(an->key_ids);
    an->key_ids = NULL;
    free(an->key.s);
    an->key = (keybuf){0};
    cn_idindex_free(an->first_of_qid);
    an->first_of_qid = NULL;
    free(an->qid_num);
    an->qid_num = NULL;
    free(an->qid_page);
    an->qid_page = NULL;
    an->n_qids = an->cap_qids = an->cap_qid_page = 0;
    free(an->qid_other);
    an->qid_other = NULL;
    free(an->qid_other_of);
    an->qid_other_of = NULL;
    an->n_qid_other = an->cap_qid_other = an->cap_qid_other_of = 0;
}

/* Once the last run is kept no page comes in: the annotators (their
 * recycled docs) and the batch's memory of every question_id it chose a
 * claim for are freed before the records come back, not at the end of the
 * reports. Nothing points into them: a page record holds interned copies
 * of what its annotation chose, and the annotations are freed once kept. */
static void release_annotators(cn_analysis *an)
{
    cn_batch_free(an->batch); /* waits for a run in flight: its pages are borrowed */
    an->batch = NULL;
    for (size_t i = 0; i < an->n_run; i++)
        cn_page_free(an->run[i]);
    for (size_t i = 0; i < an->n_flight; i++)
        cn_page_free(an->flight[i]);
    an->n_run = an->n_flight = 0;
    free(an->run);
    free(an->flight);
    free(an->annos);
    an->run = an->flight = NULL;
    an->annos = NULL;
    an->cap_run = 0;
    release_reading_indexes(an);
}

/* The one way in for pages: the page and its annotation (NULL: made here,
 * a run at a time) are owned from here on, freed on failure. */
static int add(cn_analysis *an, cn_page *page, cn_page_annotation *pa, cn_error *err)
{
    if (an->finished || !an->batch) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_USAGE, "analysis: page added after finish");
    }
    an->added += page->n_answers;
    if (!pa) {
        an->n_plain++;
        an->run[an->n_run++] = page;
        return an->n_run == an->cap_run ? annotate_run(an, false, err) : CN_OK;
    }
    an->n_annotated++;
    an->classified += page->n_answers;
    int rc = keep_page(an, page, pa, err);
    cn_page_annotation_free(pa);
    cn_page_free(page);
    return rc;
}

int cn_analysis_add_page(cn_analysis *an, cn_page *page, cn_error *err)
{
    return add(an, page, NULL, err);
}

int cn_analysis_add_annotated(cn_analysis *an, cn_page *page, cn_page_annotation *annotation,
                              cn_error *err)
{
    if (!annotation) {
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_USAGE, "analysis: annotated page without annotation");
    }
    return add(an, page, annotation, err);
}

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Make the questions: one per group of pages, in order of the group's first page. */
static int make_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    size_t np = an->n_pages, nq = 0;
    for (size_t p = 0; p < np; p++) /* a question's record is large (its tally): no spares */
        nq += uf_find(an->parent, p) == p;
    size_t *qof = malloc((np ? np : 1) * sizeof *qof); /* root page -> question */
    r->questions = calloc(nq ? nq : 1, sizeof *r->questions);
    an->first_page = calloc(nq ? nq : 1, sizeof *an->first_page);
    an->body_page = calloc(nq ? nq : 1, sizeof *an->body_page);
    an->qpage_start = calloc(nq + 2, sizeof *an->qpage_start);
    an->page_question = malloc((np ? np : 1) * sizeof *an->page_question);
    if (!qof || !r->questions || !an->first_page || !an->body_page || !an->qpage_start ||
        !an->page_question) {
        free(qof);
        return oom(err);
    }
    for (size_t p = 0; p < np; p++)
        qof[p] = (size_t)-1;
    for (size_t p = 0; p < np; p++) {
        const page_rec *pr = &an->pages[p];
        size_t root = uf_find(an->parent, p);
        if (qof[root] == (size_t)-1) {
            an->first_page[r->n_questions] = p;
            an->body_page[r->n_questions] = SIZE_MAX;
            qof[root] = r->n_questions++;
            cn_analysis_question *q = &r->questions[qof[root]];
            q->declared_answers = -1;
            memcpy(q->id, pr->id, CN_ID_LEN + 1);
        }
        cn_analysis_question *q = &r->questions[qof[root]];
        if (!q->question && pr->title != NO_STR)
            q->question = str_at(an, pr->title);
        if (an->body_page[qof[root]] == SIZE_MAX && pr->has_body)
            an->body_page[qof[root]] = p;
        if (page_declared(pr) > q->declared_answers)
            q->declared_answers = page_declared(pr);
        q->n_files++;
    }
    int rc = CN_OK;
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        an->qpage_start[i + 1] = an->qpage_start[i] + q->n_files;
        q->files = calloc(q->n_files, sizeof *q->files);
        if (!q->files)
            rc = oom(err);
        q->n_files = 0;
    }
    for (size_t p = 0; p < np && rc == CN_OK; p++) {
        size_t qi = qof[uf_find(an->parent, p)];
        cn_analysis_question *q = &r->questions[qi];
        const char *file = str_at(an, an->pages[p].file);
        q->files[q->n_files++] = file ? file : "";
    }
    for (size_t p = 0; p < np; p++)
        an->page_question[p] = (uint32_t)qof[uf_find(an->parent, p)];
    free(qof);
    free(an->parent); /* the questions are made */
    an->parent = NULL;
    an->cap_parent = 0;
    return rc;
}

/* Sort and de-duplicate each question's files; split its answers by role. */
static int fill_questions(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        cn_sort_stable(q->files, q->n_files, sizeof *q->files, str_ptr_cmp);
        size_t w = 0;
        for (size_t f = 0; f < q->n_files; f++)
            if (w == 0 || strcmp(q->files[w - 1], q->files[f]))
                q->files[w++] = q->files[f];
        q->n_files = w;
    }
    /* Count per role first, then fill. */
    size_t *nc = calloc(r->n_questions + 1, sizeof *nc),
           *nd = calloc(r->n_questions + 1, sizeof *nd),
           *nr = calloc(r->n_questions + 1, sizeof *nr);
    int rc = CN_OK;
    if (!nc || !nd || !nr)
        rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        size_t q = cn_analysis_answer_question(r, &r->answers[i]);
        cn_answer_role role = r->answers[i].role;
        (role == CN_ROLE_COUNTED ? nc : role == CN_ROLE_DUPLICATE ? nd : nr)[q]++;
    }
    for (size_t i = 0; i < r->n_questions && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->answers = calloc(nc[i] + 1, sizeof *q->answers);
        q->duplicates = calloc(nd[i] + 1, sizeof *q->duplicates);
        q->related = calloc(nr[i] + 1, sizeof *q->related);
        if (!q->answers || !q->duplicates || !q->related)
            rc = cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        cn_analysis_question *q = &r->questions[cn_analysis_answer_question(r, &r->answers[i])];
        switch (r->answers[i].role) {
        case CN_ROLE_COUNTED:
            q->answers[q->n_answers++] = i;
            r->distinct_answers++;
            break;
        case CN_ROLE_DUPLICATE:
            q->duplicates[q->n_duplicates++] = i;
            r->duplicates++;
            break;
        case CN_ROLE_RELATED:
            q->related[q->n_related++] = i;
            r->related++;
            break;
        }
    }
    free(nc);
    free(nd);
    free(nr);
    return rc;
}

/* Answer i's place in its file (answers come back in order): a page's
 * first answer gives its page's number, the others are exceptions when they
 * do not follow it. */
static int keep_index(cn_analysis *an, size_t i, uint32_t page, uint32_t index, cn_error *err)
{
    if (page >= an->n_pages)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    size_t place = i - an->page_first[page];
    if (place == 0) {
        an->page_index0[page] = index;
        return CN_OK;
    }
    if ((uint64_t)an->page_index0[page] + place == index)
        return CN_OK;
    if (!cn_grow((void **)&an->index_exc, &an->cap_index_exc, an->n_index_exc + 1,
                 sizeof *an->index_exc))
        return oom(err);
    an->index_exc[an->n_index_exc++] = (index_exception){(uint32_t)i, index};
    return CN_OK;
}

uint32_t cn_analysis_answer_index(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    const cn_analysis *an = r->an;
    size_t i = (size_t)(a - r->answers);
    size_t k = place_u32(an->index_exc, an->n_index_exc, sizeof *an->index_exc, i);
    if (k < an->n_index_exc)
        return an->index_exc[k].index;
    return an->page_index0[a->page] + (uint32_t)(i - an->page_first[a->page]);
}

/* The waiting records back from disk, once the corpus is read (and the
 * reader's memory is free): every array at its exact size, each answer
 * pointed at its verdicts in the pool, the conflicting decisions' scores
 * aside, and the roles given in corpus order (the answer-id index is of no
 * use after that). */
static int answers_back(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    if (!r->n_answers)
        return CN_OK;
    r->answers = malloc(r->n_answers * sizeof *r->answers);
    size_t nv = an->n_verdicts ? an->n_verdicts : 1;
    an->v_confidence = malloc(nv * sizeof *an->v_confidence);
    an->v_claim = malloc(nv * sizeof *an->v_claim);
    an->v_stance = malloc(nv);
    r->conflicts = malloc((r->n_conflicts ? r->n_conflicts : 1) * sizeof *r->conflicts);
    an->verdict_step = malloc((r->n_answers / VERDICT_STEP + 1) * sizeof *an->verdict_step);
    an->page_index0 = calloc(an->n_pages ? an->n_pages : 1, sizeof *an->page_index0);
    if (!r->answers || !an->v_confidence || !an->v_claim || !an->v_stance || !r->conflicts ||
        !an->verdict_step || !an->page_index0 ||
        !cn_grow((void **)&an->vbuf, &an->cap_vbuf, UINT16_MAX, sizeof *an->vbuf))
        return oom(err);
    int rc = cn_recfile_rewind(an->waiting, err);
    if (rc == CN_OK && r->n_conflicts)
        rc = cn_recfile_new(an->opts.spill_dir, &an->conflict_scores, err);
    size_t at = 0, conflicts = 0;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        waiting_answer w;
        cn_analysis_answer *a = &r->answers[i];
        rc = cn_recfile_read(an->waiting, &w, sizeof w, err);
        if (rc == CN_OK && (!w.a.n_verdicts || w.a.n_verdicts > an->n_verdicts - at))
            rc = cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
        if (rc == CN_OK)
            rc = cn_recfile_read(an->waiting, an->vbuf, w.a.n_verdicts * sizeof *an->vbuf, err);
        if (rc != CN_OK)
            break;
        *a = w.a;
        if (i % VERDICT_STEP == 0)
            an->verdict_step[i / VERDICT_STEP] = (uint32_t)at;
        rc = keep_index(an, i, a->page, w.index, err);
        if (rc != CN_OK)
            break;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            an->v_confidence[at + v] = an->vbuf[v].confidence;
            an->v_claim[at + v] = an->vbuf[v].claim;
            an->v_stance[at + v] =
                (uint8_t)(an->vbuf[v].stance | (an->vbuf[v].conflicting ? V_CONFLICTING : 0));
        }
        at += a->n_verdicts;
        if (an->vbuf[0].conflicting) {
            if (conflicts == r->n_conflicts)
                return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
            double scores[CN_STANCE_COUNT];
            r->conflicts[conflicts++] = (uint32_t)i;
            rc = cn_recfile_read(an->waiting, scores, sizeof scores, err);
            if (rc == CN_OK)
                rc = cn_recfile_write(an->conflict_scores, scores, sizeof scores, err);
        }
        if (rc == CN_OK)
            rc = get_physician(an, &a->physician, err);
        if (rc == CN_OK)
            rc = assign_role(an, i, &w, err);
    }
    if (rc == CN_OK && an->conflict_scores) /* written out: read back by offset */
        rc = cn_recfile_rewind(an->conflict_scores, err);
    cn_recfile_free(an->waiting);
    an->waiting = NULL;
    cn_idindex_free(an->first_answer);
    an->first_answer = NULL;
    free(an->vbuf);
    an->vbuf = NULL;
    an->cap_vbuf = 0;
    return rc;
}

/* Once the page records are back nothing is interned or numbered any more:
 * the string and physician indexes (~6 MB at 1 GB) and the buffers the
 * strings came back in go. */
static void release_interning(cn_analysis *an)
{
    cn_idindex_free(an->strings);
    an->strings = NULL;
    cn_idindex_free(an->physician_ids);
    an->physician_ids = NULL;
    for (size_t i = 0; i < SB_COUNT; i++) {
        free(an->sbuf[i].s);
        an->sbuf[i] = (strbuf){0};
    }
}

/* The page records back from disk (after the answers': the answer-id index
 * is freed by then), at their exact size. */
static int pages_back(cn_analysis *an, cn_error *err)
{
    if (!an->n_pages)
        return CN_OK;
    if (!an->page_recs)
        return cn_error_set(err, CN_ERR_IO, "analysis: temporary records do not add up");
    an->pages = malloc(an->n_pages * sizeof *an->pages);
    if (!an->pages)
        return oom(err);
    int rc = cn_recfile_rewind(an->page_recs, err);
    for (size_t p = 0; p < an->n_pages && rc == CN_OK; p++) {
        page_rec *pr = &an->pages[p];
        rc = cn_recfile_read(an->page_recs, pr, sizeof *pr, err);
        uint32_t *field[SB_COUNT] = {
            [SB_FILE] = &pr->file,
            [SB_TITLE] = &pr->title,
            [SB_SOURCE] = &pr->source,
            [SB_TYPE] = &pr->type,
        };
        for (size_t i = 0; i < SB_COUNT && rc == CN_OK; i++) {
            rc = get_str(an->page_recs, &an->sbuf[i], err);
            if (rc == CN_OK)
                rc = intern_at(an, str_of_buf(&an->sbuf[i]), field[i], err);
        }
    }
    cn_recfile_free(an->page_recs);
    an->page_recs = NULL;
    release_interning(an);
    return rc;
}

static int group(cn_analysis *an, cn_error *err)
{
    int rc = answers_back(an, err);
    if (rc == CN_OK)
        rc = pages_back(an, err);
    if (rc != CN_OK)
        return rc;
    rc = make_questions(an, err);
    if (rc == CN_OK)
        rc = fill_questions(an, err);
    return rc;
}

/* ---- claims ---- */

/* The index of the claim with this id, creating it (id and statement: the
 * claim keys' interned copies, not copied again). */
static int claim_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                       size_t *out, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int found = cn_strmap_get(an->claim_ids, id);
    if (found >= 0) {
        *out = (size_t)found;
        return CN_OK;
    }
    if (!cn_grow((void **)&r->claims, &an->cap_claims, r->n_claims + 1, sizeof *r->claims))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    cn_analysis_claim *c = &r->claims[r->n_claims];
    memset(c, 0, sizeof *c);
    c->id = (char *)id;
    c->statement = (char *)(statement ? statement : "");
    c->rule = rule;
    if (cn_strmap_put(an->claim_ids, id, (int)r->n_claims))
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    *out = r->n_claims++;
    return CN_OK;
}

/* Each question's primary claim: the one its first page was judged against. */
/* Once the questions have their titles, claims and types, a page's record
 * (48 bytes) is more than what is left to ask of a page: its file, whether
 * it flags timing, and its question. */
static int compact_pages(cn_analysis *an, cn_error *err)
{
    size_t np = an->n_pages ? an->n_pages : 1;
    an->page_file = malloc(np * sizeof *an->page_file);
    an->page_timing = malloc(np * sizeof *an->page_timing);
    if (!an->page_file || !an->page_timing)
        return oom(err);
    for (size_t p = 0; p < an->n_pages; p++) {
        an->page_file[p] = an->pages[p].file;
        an->page_timing[p] = an->pages[p].timing;
    }
    free(an->pages);
    an->pages = NULL;
    return CN_OK;
}

static int primary_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        const page_rec *pr = &an->pages[an->first_page[i]];
        const claim_key *k = &an->keys[pr->primary];
        q->claim_source = str_at(an, pr->source);
        q->question_type = str_at(an, pr->type);
        int rc = claim_index(an, k->id, k->statement, k->rule, &q->claim, err);
        if (rc != CN_OK)
            return rc;
    }
    return compact_pages(an, err);
}

/* Every verdict's claim key made an index into the result's claims: the
 * primary claim first, then the other claims an answer takes a position on. */
static int collect_verdicts(cn_analysis *an, cn_error *err)
{
    for (size_t v = 0; v < an->n_verdicts; v++) { /* answer order, as each answer's in turn */
        const claim_key *k = &an->keys[an->v_claim[v]];
        size_t claim;
        int rc = claim_index(an, k->id, k->statement, k->rule, &claim, err);
        if (rc != CN_OK)
            return rc;
        an->v_claim[v] = (uint32_t)claim;
    }
    /* every claim is numbered: the claim keys and the id index go */
    cn_strmap_free(an->claim_ids);
    an->claim_ids = NULL;
    free(an->keys);
    an->keys = NULL;
    an->n_keys = an->cap_keys = 0;
    return CN_OK;
}

/* ---- pages back from disk ---- */

/* At most this many of a question's pages are loaded at once: a question
 * merged through shared answers can have hundreds of thousands of answers,
 * and its pages all loaded took most of analyze's memory at 1 GB. */
#define QUESTION_PAGES_LOADED 64

int cn_analysis_load_question(const cn_analysis_result *r, size_t q, cn_error *err)
{
    cn_analysis_loader *L = r->loader;
    if (q >= r->n_questions)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: no question %zu", q);
    cn_spill_release(L->spill);
    L->cur_q = SIZE_MAX;
    if (L->load_rc != CN_OK) {
        *err = L->load_err;
        return L->load_rc;
    }
    L->cur_q = q;
    return CN_OK;
}

int cn_analysis_load_status(const cn_analysis_result *r, cn_error *err)
{
    if (r->loader->load_rc != CN_OK)
        *err = r->loader->load_err;
    return r->loader->load_rc;
}

/* Page p loaded if it is one of the current question's pages (a few at a
 * time: every pointer a writer holds is into the page it asked for last). */
static void load_on_demand(const cn_analysis_result *r, size_t p)
{
    const cn_analysis *an = r->an;
    cn_analysis_loader *L = r->loader;
    if (!L->spill || L->cur_q == SIZE_MAX || L->load_rc != CN_OK || cn_spill_page(L->spill, p) ||
        p >= an->n_pages || an->qpage_start[L->cur_q] == an->qpage_start[L->cur_q + 1] ||
        an->page_question[p] != L->cur_q)
        return;
    if (cn_spill_loaded(L->spill) >= QUESTION_PAGES_LOADED)
        cn_spill_release(L->spill);
    L->load_rc = cn_spill_load(L->spill, p, &L->load_err);
}

int cn_analysis_load_answer(const cn_analysis_result *r, size_t i, cn_error *err)
{
    cn_analysis_loader *L = r->loader;
    if (i >= r->n_answers)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: no answer %zu", i);
    L->cur_q = SIZE_MAX;
    if (cn_spill_page(L->spill, r->answers[i].page))
        return CN_OK;
    cn_spill_release(L->spill);
    return cn_spill_load(L->spill, r->answers[i].page, err);
}

void cn_analysis_release(const cn_analysis_result *r)
{
    r->loader->cur_q = SIZE_MAX;
    if (r->loader->spill)
        cn_spill_release(r->loader->spill);
}

const cn_page *cn_analysis_page_of(const cn_analysis_result *r, size_t i)
{
    if (i < r->n_answers)
        load_on_demand(r, r->answers[i].page);
    return i < r->n_answers && r->loader->spill
               ? cn_spill_page(r->loader->spill, r->answers[i].page)
               : NULL;
}

const cn_answer *cn_analysis_answer_of(const cn_analysis_result *r, size_t i)
{
    const cn_page *p = cn_analysis_page_of(r, i);
    return p && cn_analysis_answer_in_page(r, &r->answers[i]) < p->n_answers
               ? &p->answers[cn_analysis_answer_in_page(r, &r->answers[i])]
               : NULL;
}

const cn_page_annotation *cn_analysis_annotation_of(const cn_analysis_result *r, size_t i)
{
    if (i < r->n_answers)
        load_on_demand(r, r->answers[i].page);
    return i < r->n_answers && r->loader->spill
               ? cn_spill_annotation(r->loader->spill, r->answers[i].page)
               : NULL;
}

const cn_decision *cn_analysis_decision(const cn_analysis_result *r, size_t i, size_t v)
{
    const cn_page_annotation *pa = cn_analysis_annotation_of(r, i);
    if (!pa || cn_analysis_answer_in_page(r, &r->answers[i]) >= pa->n_answers)
        return NULL;
    const cn_answer_annotation *aa = &pa->answers[cn_analysis_answer_in_page(r, &r->answers[i])];
    return v < aa->n_claims ? &aa->claims[v].decision : NULL;
}

const char *cn_analysis_question_body(const cn_analysis_result *r, size_t q)
{
    const cn_analysis *an = r->an;
    if (q >= r->n_questions || an->body_page[q] == SIZE_MAX)
        return NULL;
    load_on_demand(r, an->body_page[q]);
    const cn_page *p = cn_spill_page(r->loader->spill, an->body_page[q]);
    return p ? p->body : NULL;
}

/* A result copy and the loader it alone uses, freed together. */
typedef struct result_fork {
    cn_analysis_result result; /* first: the fork is freed through it */
    cn_analysis_loader loader;
} result_fork;

int cn_analysis_result_fork(const cn_analysis_result *r, cn_analysis_result **out, cn_error *err)
{
    *out = NULL;
    if (!r->an->finished)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: a fork before the finish");
    result_fork *f = calloc(1, sizeof *f);
    if (!f)
        return oom(err);
    f->result = *r;
    f->result.loader = &f->loader;
    f->loader.cur_q = SIZE_MAX;
    if (r->an->spill) {
        int rc = cn_spill_reader_new(r->an->spill, &f->loader.spill, err);
        if (rc != CN_OK) {
            free(f);
            return rc;
        }
    }
    *out = &f->result;
    return CN_OK;
}

void cn_analysis_result_fork_free(cn_analysis_result *fork)
{
    if (!fork)
        return;
    result_fork *f = (result_fork *)fork;
    cn_spill_free(f->loader.spill);
    free(f);
}

const cn_override *cn_analysis_override(const cn_analysis_result *r, size_t i)
{
    const cn_analysis *an = r->an;
    size_t k = place_u32(an->overrides, an->n_overrides, sizeof *an->overrides, i);
    return k < an->n_overrides ? an->overrides[k].override : NULL;
}

const double *cn_analysis_conflict_scores(const cn_analysis_result *r, size_t i)
{
    size_t lo = place_u32(r->conflicts, r->n_conflicts, sizeof *r->conflicts, i);
    if (lo == r->n_conflicts || !r->an->conflict_scores)
        return NULL;
    cn_analysis_loader *L = r->loader;
    cn_error e;
    cn_error_clear(&e);
    int rc = cn_recfile_read_at(r->an->conflict_scores, (uint64_t)lo * sizeof L->scores, L->scores,
                                sizeof L->scores, &e);
    if (rc != CN_OK) {
        if (L->load_rc == CN_OK) {
            L->load_rc = rc;
            L->load_err = e;
        }
        return NULL;
    }
    return L->scores;
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
    size_t k = place_u32(an->dups, an->n_dups, sizeof *an->dups, i);
    return k < an->n_dups ? an->dups[k].original : i;
}

/* Not kept in the answer record (8 bytes an answer): its page record has it. */
const char *cn_analysis_file_of(const cn_analysis_result *r, const cn_analysis_answer *a)
{
    return str_at(r->an, r->an->page_file[a->page]);
}

const cn_physician *cn_analysis_physician(const cn_analysis_result *r, size_t i)
{
    return &r->physicians[r->answers[i].physician];
}

/* ---- editors' overrides ---- */

/* Give each answer the override of its answer_id, then share overrides
 * between the copies of one answer: a counted answer without its own takes
 * the first of its duplicates', and a duplicate without its own takes its
 * original's. Unused overrides are listed as unmatched. */
static int apply_overrides(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    const cn_overrides *ov = an->opts.overrides;
    size_t n = cn_overrides_count(ov);
    if (n == 0)
        return CN_OK;
    bool *used = calloc(n, sizeof *used);
    uint32_t *k_of = calloc(r->n_answers + 1, sizeof *k_of); /* override + 1; 0: none */
    if (!used || !k_of || n >= UINT32_MAX) {
        free(used);
        free(k_of);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        long k = cn_overrides_find(ov, CN_ANSWER_ID(r, &r->answers[i]));
        if (k >= 0) {
            k_of[i] = (uint32_t)k + 1;
            used[k] = true;
        }
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        size_t o = cn_analysis_original(r, &r->answers[i]);
        if (r->answers[i].role == CN_ROLE_DUPLICATE && k_of[i] && !k_of[o])
            k_of[o] = k_of[i];
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        if (a->role == CN_ROLE_DUPLICATE && !k_of[i])
            k_of[i] = k_of[cn_analysis_original(r, a)];
        if (k_of[i])
            r->n_overridden++;
    }
    an->overrides = calloc(r->n_overridden + 1, sizeof *an->overrides);
    r->unmatched = calloc(n, sizeof *r->unmatched);
    if (!an->overrides || !r->unmatched) {
        free(used);
        free(k_of);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        if (!k_of[i])
            continue;
        const cn_override *o = cn_overrides_at(ov, k_of[i] - 1);
        r->answers[i].overridden = true;
        r->answers[i].override_stance = (uint8_t)o->stance;
        an->overrides[an->n_overrides++] = (override_of){.answer = (uint32_t)i, .override = o};
    }
    free(k_of);
    for (size_t k = 0; k < n; k++)
        if (!used[k])
            r->unmatched[r->n_unmatched++] = cn_overrides_at(ov, k);
    free(used);
    return CN_OK;
}

/* ---- tallies ---- */

static void vote_of(const cn_analysis_result *r, size_t i, size_t verdict, cn_tally_vote *v)
{
    const cn_analysis_answer *a = &r->answers[i];
    v->stance = cn_analysis_verdict_stance(r, a, verdict);
    v->specialty = r->physicians[a->physician].specialty;
    const char *file = cn_analysis_file_of(r, a);
    v->file = file ? file : "";
    v->certain = verdict == 0 && a->overridden;
}

/* The question is about timing ("how soon / how long ...") as the page of
 * its first answer flags it. */
static bool question_timing(const cn_analysis *an, const cn_analysis_question *q)
{
    return q->n_answers > 0 && an->page_timing[an->result.answers[q->answers[0]].page];
}

/* A question judged as its own claim reads in its own terms: "Should I
 * stop smoking before surgery?" answered yes is "yes, it is needed". */
static bool reads_as_restriction(const cn_analysis *an, const cn_analysis_question *q)
{
    return !an->result.claims[q->claim].rule && q->question_type &&
           !strcmp(q->question_type, "restriction") && !question_timing(an, q);
}

/* The votes of a question or claim: answers' verdict 0 (no array of votes
 * is made: cn_tally_compute_from asks for each as it goes). */
typedef struct vote_list {
    const cn_analysis_result *r;
    const uint32_t *answers;
} vote_list;

static void vote_in_list(const void *ctx, size_t k, cn_tally_vote *out)
{
    const vote_list *l = ctx;
    vote_of(l->r, l->answers[k], 0, out);
}

/* Question i's tally. */
static int tally_question(cn_analysis *an, size_t i, const cn_tally_memo *memo, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_question *q = &r->questions[i];
    vote_list votes = {.r = r, .answers = q->answers};
    int rc = cn_tally_compute_from(vote_in_list, &votes, q->n_answers, &an->opts.consensus, memo,
                                   &q->tally, err);
    /* Its answers' files are most often all its pages' files: one list then. */
    if (rc == CN_OK && q->tally.n_files == q->n_files &&
        (q->n_files == 0 || !memcmp(q->tally.files, q->files, q->n_files * sizeof *q->files))) {
        free(q->tally.files);
        q->tally.files = q->files;
        q->tally_files_shared = true;
    }
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
    int rc = t.memos && t.rc && t.err ? CN_OK : oom(err);
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
        const cn_analysis_question *q = &r->questions[i];
        for (size_t d = 0; d < q->tally.n_dissent; d++)
            r->answers[q->answers[q->tally.dissent[d]]].dissent = true;
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
        if (cn_analysis_verdict(r, &r->answers[q->answers[k]], 0).claim != c)
            return false;
    return true;
}

/* A member keeps its answer only (4 bytes, not 8: 2.4 million members at
 * 1 GB): a vote is the answer's verdict 0, and a mention its verdict on the
 * claim after verdict 0, the next such one for each time the same answer
 * came just before in the list (an answer can mention a claim twice when
 * two claim keys share its id). */
cn_member cn_analysis_claim_member(const cn_analysis_result *r, const cn_analysis_claim *cl,
                                   size_t k)
{
    if (!cl->members)
        return (cn_member){.answer = r->questions[cl->questions[0]].answers[k], .verdict = 0};
    uint32_t answer = cl->members[k];
    if (k < cl->n_primary)
        return (cn_member){.answer = answer, .verdict = 0};
    size_t skip = 0;
    while (k - skip > cl->n_primary && cl->members[k - skip - 1] == answer)
        skip++;
    const cn_analysis_answer *a = &r->answers[answer];
    uint32_t c = (uint32_t)(cl - r->claims);
    for (size_t v = 1; v < a->n_verdicts; v++)
        if (cn_analysis_verdict(r, a, v).claim == c && skip-- == 0)
            return (cn_member){.answer = answer, .verdict = (uint32_t)v};
    return (cn_member){.answer = answer, .verdict = 0}; /* not reached: claim_members made it */
}

static int claim_members(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    /* Count first: each claim's list as long as its own questions (one
     * list of every question per claim is claims x questions). */
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
    /* Count, then fill arrays of the exact size: the primary verdicts first
     * (they are tallied), then the mentions from other questions, each in
     * corpus order (one vote per answer, on the question it answers). */
    size_t *mentions = calloc(r->n_claims + 1, sizeof *mentions);
    if (!mentions)
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            cn_analysis_claim *c = &r->claims[cn_analysis_verdict(r, a, v).claim];
            c->n_members++;
            c->n_primary += v == 0;
        }
    }
    for (size_t c = 0; c < r->n_claims; c++) {
        cn_analysis_claim *cl = &r->claims[c];
        cl->tally_shared = same_votes_as_question(an, c);
        if (!cl->tally_shared &&
            !(cl->members = malloc((cl->n_members + 1) * sizeof *cl->members))) {
            free(mentions);
            return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
        }
        mentions[c] = cl->n_primary;
        cl->n_members = 0;
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        if (a->role != CN_ROLE_COUNTED)
            continue;
        for (size_t v = 0; v < a->n_verdicts; v++) {
            size_t c = cn_analysis_verdict(r, a, v).claim;
            cn_analysis_claim *cl = &r->claims[c];
            size_t at = v == 0 ? cl->n_members++ : mentions[c]++;
            if (cl->members)
                cl->members[at] = (uint32_t)i; /* its verdict: cn_analysis_claim_member */
            if (v != 0)
                cl->mention_counts[cn_analysis_verdict_stance(r, a, v)]++;
        }
    }
    for (size_t c = 0; c < r->n_claims; c++)
        r->claims[c].n_members = mentions[c];
    free(mentions);
    return CN_OK;
}

/* Claim c's tally: its question's when the votes are the same. */
static int tally_claim(cn_analysis *an, size_t c, const cn_tally_memo *memo, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_claim *cl = &r->claims[c];
    if (cl->tally_shared) { /* same_votes_as_question, asked by claim_members */
        cl->tally = r->questions[cl->questions[0]].tally;
        return CN_OK;
    }
    /* the votes: members[0, n_primary), verdict 0 (the mentions are not) */
    vote_list votes = {.r = r, .answers = cl->members};
    int rc = cn_tally_compute_from(vote_in_list, &votes, cl->n_primary, &an->opts.consensus, memo,
                                   &cl->tally, err);
    if (rc == CN_OK && cl->rule && cl->rule->about)
        rc = cn_tally_rephrase(&cl->tally, &an->opts.consensus, CN_PHRASE_PRACTICE, cl->rule->about,
                               err);
    return rc;
}

static int tally_claims(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    int rc = claim_members(an, err);
    return rc == CN_OK ? tally_all(an, tally_claim, r->n_claims, err) : rc;
}

static int flag_answers(cn_analysis *an, cn_error *err);

/* Questions then claims: a claim judged on one question has that
 * question's counts (its memo entry, on the worker that made it). */
static int tally(cn_analysis *an, cn_error *err)
{
    int rc = tally_questions(an, err);
    /* The review queue reads only the questions' tallies: made before the
     * claims' members and tallies, its items (24 bytes each while they are
     * sorted) come and go below the peak. */
    if (rc == CN_OK)
        rc = flag_answers(an, err);
    give_back(); /* the sorted items, the largest questions' relabeling arrays */
    return rc == CN_OK ? tally_claims(an, err) : rc;
}

/* ---- review ---- */

static bool str_differs(const char *a, const char *b)
{
    return a && b && strcmp(a, b) != 0;
}

/* What differs between a duplicate's physician and its original's, where both
 * give a value (a flat page gives none, which is no disagreement). */
static int metadata_note(const cn_physician *d, const cn_physician *o, char **out, cn_error *err)
{
    char buf[1024] = "";
    size_t used = 0;
#define ADD_DIFF(label, fmt, x, y)                                                                 \
    do {                                                                                           \
        int n_ = snprintf(buf + used, sizeof buf - used, "%s" label " " fmt " vs " fmt,            \
                          used ? "; " : "", x, y);                                                 \
        if (n_ > 0)                                                                                \
            used = used + (size_t)n_ < sizeof buf ? used + (size_t)n_ : sizeof buf - 1;            \
    } while (0)
    if (str_differs(d->name, o->name))
        ADD_DIFF("name", "'%s'", o->name, d->name);
    if (str_differs(d->city, o->city))
        ADD_DIFF("city", "'%s'", o->city, d->city);
    if (str_differs(d->specialty, o->specialty))
        ADD_DIFF("specialty", "'%s'", o->specialty, d->specialty);
    if (d->has_rating && o->has_rating && d->rating != o->rating)
        ADD_DIFF("rating", "%.1f", o->rating, d->rating);
    if (d->has_reviews && o->has_reviews && d->reviews != o->reviews)
        ADD_DIFF("reviews", "%ld", o->reviews, d->reviews);
#undef ADD_DIFF
    *out = NULL;
    if (!used)
        return CN_OK;
    *out = strdup(buf);
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
}

/* Answer i's metadata note, if its physician differs from its original's. */
static int keep_note(cn_analysis *an, size_t i, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    cn_analysis_answer *a = &r->answers[i];
    char *text = NULL;
    int rc =
        metadata_note(&r->physicians[a->physician],
                      &r->physicians[r->answers[cn_analysis_original(r, a)].physician], &text, err);
    if (rc != CN_OK || !text)
        return rc;
    if (!cn_grow((void **)&an->notes, &an->cap_notes, an->n_notes + 1, sizeof *an->notes)) {
        free(text);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    an->notes[an->n_notes++] = (note){.answer = (uint32_t)i, .text = text};
    a->review |= CN_REVIEW_DUPLICATE_METADATA;
    return CN_OK;
}

const char *cn_analysis_metadata_note(const cn_analysis_result *r, size_t i)
{
    const cn_analysis *an = r->an;
    size_t k = place_u32(an->notes, an->n_notes, sizeof *an->notes, i);
    return k < an->n_notes ? an->notes[k].text : NULL;
}

bool cn_analysis_pivot(const cn_analysis_result *r, size_t i, cn_stance *alt,
                       cn_consensus_level *level, cn_stance *majority)
{
    const cn_analysis_answer *a = &r->answers[i];
    if (a->role != CN_ROLE_COUNTED || a->overridden)
        return false;
    const cn_tally *t = &r->questions[cn_analysis_answer_question(r, a)].tally;
    if (t->consensus->level < CN_CONSENSUS_WEAK)
        return false; /* no conclusion to protect: the report already says so */
    cn_stance s = cn_analysis_answer_stance(a);
    long counts[CN_STANCE_COUNT];
    memcpy(counts, t->counts, sizeof counts);
    if (counts[s] < 1)
        return false;
    static const cn_stance TRY[] = {CN_STANCE_REASSURING, CN_STANCE_CAUTIONARY,
                                    CN_STANCE_CONTRAINDICATED, CN_STANCE_NONE};
    for (size_t k = 0; k < sizeof TRY / sizeof TRY[0]; k++) {
        if (TRY[k] == s)
            continue;
        counts[s]--;
        counts[TRY[k]]++;
        cn_stance m;
        cn_consensus_level l = cn_consensus_level_of(&r->opts.consensus, counts, &m);
        counts[s]++;
        counts[TRY[k]]--;
        if (l != t->consensus->level || m != t->consensus->majority) {
            *alt = TRY[k];
            *level = l;
            *majority = m;
            return true;
        }
    }
    return false;
}

/* How many of a question's counted answers name its primary catalog claim in
 * their own words (cn_answer_annotation.names_primary). */
static size_t answers_naming_claim(const cn_analysis_result *r, const cn_analysis_question *q)
{
    size_t k = 0;
    for (size_t i = 0; i < q->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[q->answers[i]];
        k += a->names_primary;
    }
    return k;
}

/* A catalog claim that fewer than half of the question's answers name may not
 * fit the question: its first answer is queued so an editor checks the claim. */
static void flag_claim_fit(cn_analysis_result *r)
{
    for (size_t i = 0; i < r->n_questions; i++) {
        cn_analysis_question *q = &r->questions[i];
        q->naming_claim = answers_naming_claim(r, q);
        if (r->claims[q->claim].rule && q->n_answers >= 2 && 2 * q->naming_claim < q->n_answers)
            r->answers[q->answers[0]].review |= CN_REVIEW_CLAIM_FIT;
    }
}

/* Answer i's entry in the review queue (round 0). */
static cn_review_item cn_analysis_review_item_of(const cn_analysis_result *r, size_t i)
{
    const cn_analysis_answer *a = &r->answers[i];
    return (cn_review_item){.answer = (uint32_t)i,
                            .reasons = (uint16_t)a->review,
                            .urgency = (int16_t)cn_review_urgency(a->review),
                            .confidence = cn_analysis_verdict_confidence(r, a, 0),
                            .question = (uint32_t)cn_analysis_answer_question(r, a)};
}

cn_review_item cn_analysis_review_item(const cn_analysis_result *r, size_t k)
{
    return cn_analysis_review_item_of(r, r->review[k]);
}

static int flag_answers(cn_analysis *an, cn_error *err)
{
    cn_analysis_result *r = &an->result;
    flag_claim_fit(r);
    for (size_t i = 0; i < r->n_answers; i++) {
        cn_analysis_answer *a = &r->answers[i];
        const cn_verdict primary = cn_analysis_verdict(r, a, 0), *d = &primary;
        if (a->role == CN_ROLE_COUNTED && !a->overridden && !a->fragment) {
            const cn_analysis_question *q = &r->questions[cn_analysis_answer_question(r, a)];
            if (a->dissent && q->tally.consensus->level == CN_CONSENSUS_STRONG)
                a->review |= CN_REVIEW_DISSENT;
            if (d->conflicting)
                a->review |= CN_REVIEW_CONFLICTING;
            if (d->confidence < an->opts.low_confidence)
                a->review |= CN_REVIEW_LOW_CONFIDENCE;
            cn_stance alt, major;
            cn_consensus_level level;
            if ((a->review & (CN_REVIEW_CONFLICTING | CN_REVIEW_LOW_CONFIDENCE)) &&
                cn_analysis_pivot(r, i, &alt, &level, &major))
                a->review |= CN_REVIEW_PIVOTAL;
            if (a->excerpt || a->truncated)
                a->review |= CN_REVIEW_EXCERPT;
        } else if (a->role == CN_ROLE_DUPLICATE) {
            int rc = keep_note(an, i, err);
            if (rc != CN_OK)
                return rc;
        }
        if (a->review)
            r->n_review++;
    }
    /* Sorted as items (24 bytes each, for a moment), kept as their answers:
     * the rest of an item is read from its answer again. */
    cn_review_item *items = calloc(r->n_review + 1, sizeof *items);
    r->review = malloc((r->n_review + 1) * sizeof *r->review);
    if (!items || !r->review) {
        free(items);
        return cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < r->n_answers; i++)
        if (r->answers[i].review)
            items[k++] = cn_analysis_review_item_of(r, i);
    int rc = cn_review_sort(items, r->n_review, an->opts.per_question) == CN_OK
                 ? CN_OK
                 : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (k = 0; k < r->n_review; k++)
        r->review[k] = items[k].answer;
    free(items);
    return rc;
}

/* ---- corpus figures ---- */

/* Distinct coders among the counted answers: a physician by name
 * (normalized), else the answer itself. Each named physician record is
 * looked at once and the distinct names are kept as positions in an index
 * (cn_idindex, 4 bytes a slot) whose names are normalized again when
 * compared, instead of a copied key for every counted answer (~70 bytes
 * each, 2.5 million of them at 1 GB). */
typedef struct coder_names {
    const cn_physician *physicians;
    char *probe_buf; /* a compared name, normalized */
    size_t cap;
} coder_names;

/* physicians[i]'s name normalized into c->probe_buf; NULL on OOM. */
static const char *normalized_name(coder_names *c, uint32_t i)
{
    const char *name = c->physicians[i].name;
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
    const char *name = c->physicians[p].name;
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
    coder_names c = {.physicians = r->physicians};
    cn_idindex *names = cn_idindex_new();
    bool *seen = calloc(r->n_physicians + 1, sizeof *seen); /* named records looked at */
    int rc = names && seen ? CN_OK : CN_ERR_NOMEM;
    size_t coders = 0;
    for (size_t i = 0; i < r->n_answers && rc == CN_OK; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        const char *name = r->physicians[a->physician].name;
        if (a->role != CN_ROLE_COUNTED || (name && *name && seen[a->physician]))
            continue;
        bool is_new = true; /* an answer without a name is a coder of its own */
        if (name && *name) {
            seen[a->physician] = true;
            rc = count_name(names, &c, a->physician, &is_new);
        }
        coders += is_new;
    }
    r->agreement.physicians = coders;
    cn_idindex_free(names);
    free(seen);
    free(c.probe_buf);
    return rc == CN_OK ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
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
static int corpus_figures(cn_analysis *an, cn_error *err)
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
        size_t m = (size_t)r->questions[u].tally.consensus->stance_answers;
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
static int within_questions(cn_analysis *an, const uint32_t *stratum, const uint32_t *row,
                            const uint32_t *col, size_t n, cn_error *err)
{
    cn_specialty_comparison *sc = &an->result.specialties;
    cn_cmh_result cmh = {.p = NAN};
    int rc = CN_OK;
    /* more specialties than the CMH's matrix can take: the permutations */
    if ((sc->n_tested - 1) * 2 <= CN_CMH_MAX_DF)
        rc = cn_cmh_compute(stratum, row, col, n, sc->n_tested, 3, &cmh, err);
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
    rc = cn_crosstab_stratified_p(stratum, row, col, n, sc->n_tested, 3, sc->permutations,
                                  an->opts.seed, &sc->p_stratified, err);
    if (rc == CN_OK && !isnan(sc->p_stratified))
        sc->method = CN_WITHIN_PERMUTATION;
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
    size_t n = 0; /* 12 bytes an answer (a third of a 1 GB corpus' peak once as size_t) */
    uint32_t *stratum = calloc(r->n_answers + 1, sizeof *stratum);
    uint32_t *row = calloc(r->n_answers + 1, sizeof *row);
    uint32_t *col = calloc(r->n_answers + 1, sizeof *col);
    int rc =
        stratum && row && col ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "analysis: out of memory");
    for (size_t i = 0; rc == CN_OK && i < r->n_answers; i++) {
        const cn_analysis_answer *a = &r->answers[i];
        cn_stance s = cn_analysis_answer_stance(a);
        const char *spec = r->physicians[a->physician].specialty;
        if (a->role != CN_ROLE_COUNTED || s == CN_STANCE_NONE || !spec)
            continue;
        size_t g = 0;
        while (g < sc->n_tested && strcmp(sc->groups[g].specialty, spec))
            g++;
        if (g == sc->n_tested)
            continue;
        stratum[n] = cn_analysis_answer_question(r, a);
        row[n] = (uint32_t)g;
        col[n++] = (uint32_t)(s - CN_STANCE_REASSURING);
    }
    if (rc == CN_OK)
        rc = within_questions(an, stratum, row, col, n, err);
    free(stratum);
    free(row);
    free(col);
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
        const char *spec = r->physicians[a->physician].specialty;
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
        sp[g].answers++;
    }
    cn_sort_stable(sp, n, sizeof *sp, specialty_order);
    *out = sp;
    *n_out = n;
    return CN_OK;
}

static int compare_specialties(cn_analysis *an, cn_error *err)
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
    for (size_t g = 0; g < n_split && rc == CN_OK; g++) {
        cn_specialty_group *grp = &sc->groups[sc->n_groups++];
        grp->specialty = split[g].specialty;
        memcpy(grp->counts, split[g].counts, sizeof grp->counts);
        grp->answers = split[g].answers;
        grp->stance_answers = grp->answers - grp->counts[CN_STANCE_NONE];
        for (int k = 0; k < CN_STANCE_COUNT && rc == CN_OK; k++)
            rc = cn_proportion_compute(grp->counts[k],
                                       k == CN_STANCE_NONE ? grp->answers : grp->stance_answers,
                                       an->opts.consensus.level, &grp->props[k], err);
        if (grp->specialty) {
            for (int k = 1; k < CN_STANCE_COUNT; k++)
                table[sc->n_tested * 3 + (size_t)(k - 1)] = grp->counts[k];
            sc->n_tested++;
        }
    }
    free(split);
    if (rc == CN_OK) {
        cn_crosstab_opts o;
        cn_crosstab_opts_init(&o);
        o.simulate = an->opts.simulate;
        o.seed = an->opts.seed;
        rc = cn_crosstab_compute(&o, table, sc->n_tested, 3, &sc->test, err);
    }
    free(table);
    if (rc == CN_OK)
        rc = stratified_test(an, err);
    if (rc == CN_OK)
        rc = specialty_conclusion(sc, err);
    return rc;
}

static void corpus_counts(cn_analysis *an)
{
    cn_analysis_result *r = &an->result;
    r->skipped = an->skipped;
    r->n_skipped = an->n_skipped;
}

int cn_analysis_finish(cn_analysis *an, cn_error *err)
{
    if (an->finished)
        return cn_error_set(err, CN_ERR_USAGE, "analysis: finished twice");
    cn_analysis_result *r = &an->result;
    r->opts = an->opts;
    r->rules_sha256 = cn_rules_sha256(an->rules);
    corpus_counts(an);
    int rc = CN_OK;
    if (an->n_plain && an->n_annotated)
        rc = cn_error_set(err, CN_ERR_USAGE,
                          "analysis: some pages came with annotations and some without");
    if (rc == CN_OK)
        rc = annotate_run(an, true, err);
    release_annotators(an); /* also on failure: the last run is not started again */
    give_back();
    if (rc == CN_OK && an->opts.progress && an->n_annotated && !an->n_plain)
        an->opts.progress(an->opts.progress_ctx, an->classified, an->added);
    if (rc == CN_OK)
        rc = group(an, err);
    if (rc == CN_OK)
        rc = primary_claims(an, err); /* the page records go */
    give_back();
    if (rc == CN_OK)
        rc = collect_verdicts(an, err);
    if (rc == CN_OK)
        rc = apply_overrides(an, err);
    /* It reads only the answers' roles, stances and physicians, so it can
     * come before the tallies: its within-question test holds 12 bytes a
     * stance-taking answer for a moment (16 with cn_cmh's order), which at
     * the end, over the tallies and the review queue, was the run's peak. */
    if (rc == CN_OK)
        rc = compare_specialties(an, err);
    give_back();
    if (rc == CN_OK)
        rc = tally(an, err); /* the review queue too */
    if (rc == CN_OK)
        rc = corpus_figures(an, err);
    give_back();
    if (rc == CN_OK && an->spill) /* forks read the file itself */
        rc = cn_spill_flush(an->spill, err);
    if (rc == CN_OK)
        an->finished = true;
    return rc;
}
