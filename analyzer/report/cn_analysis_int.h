/* cn_analysis_int: PRIVATE to the analysis' own modules (analyzer/report/cn_analysis*.c),
 * the way libgit2 keeps its *_internal headers: the state an analysis keeps (struct
 * cn_analysis and its records), and the few functions one of those modules gives another.
 * Not installed, not in consensus.h (tests/test_layers.sh checks that only cn_analysis*.c
 * include it): everyone else goes through cn_analysis.h. The functions shared here carry the
 * cna_ prefix: no part of the library's interface. */
#ifndef CN_ANALYSIS_INT_H
#define CN_ANALYSIS_INT_H

#include "cn_analysis.h"

#include "cn_arena.h"
#include "cn_batch.h"
#include "cn_hash.h"
#include "cn_idindex.h"
#include "cn_recfile.h"
#include "cn_spill.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* An interned string's number (cna_str_at): NO_STR for none (NULL). */
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
    uint32_t file;          /* base name: its number among the file names; NO_STR when none */
    uint32_t title;         /* interned question title; NO_STR when none or empty */
    uint32_t source;        /* interned source of the claim it was judged against */
    uint32_t type;          /* interned question type; NO_STR */
    uint32_t declared[2]; /* declared_answers (a long), low and high 32 bits (cna_page_declared) */
    uint32_t primary;     /* the claim key it was judged against */
} page_rec;
_Static_assert(sizeof(page_rec) == 48, "the page record: 48 bytes, no padding lost");

/* A distinct physician, its strings and rating by their number (20 bytes,
 * not the 56 of a cn_physician: 263,339 of them at 1 GB; a rating is one of
 * a few printed values). cna_physician_at makes the cn_physician. */
typedef struct phys_rec {
    uint32_t name, city, specialty; /* interned; NO_STR: NULL */
    uint32_t rating;                /* 0: none; else 1 + its index in the analysis' ratings */
    uint32_t reviews; /* the count; PHYS_NO_REVIEWS: none; PHYS_BIG_REVIEWS: in big_reviews */
} phys_rec;
_Static_assert(sizeof(phys_rec) == 20, "the physician record: 20 bytes");

#define PHYS_NO_REVIEWS UINT32_MAX
#define PHYS_BIG_REVIEWS (UINT32_MAX - 1)

/* A physician's review count that does not fit phys_rec.reviews. */
typedef struct big_reviews {
    uint32_t physician; /* its number: big_reviews are in physician order */
    int64_t reviews;
} big_reviews;

/* A claim as an annotation names it; the result's claims are numbered from
 * these at the end, in order of first use (questions first, then answers). */
typedef struct claim_key {
    const char *id, *statement; /* interned */
    const cn_rule *rule;
} claim_key;

/* An answer's editor's override (few answers have one). */
typedef struct override_of {
    uint32_t answer; /* first: cna_place_u32 reads it */
    const cn_override *override;
} override_of;
_Static_assert(offsetof(override_of, answer) == 0, "cna_place_u32 reads the answer first");

/* A duplicate's metadata note (few answers have one). */
typedef struct note {
    uint32_t answer; /* first: cna_place_u32 reads it */
    char *text;
} note;
_Static_assert(offsetof(note, answer) == 0, "cna_place_u32 reads the answer first");

_Static_assert(sizeof(cn_analysis_answer) == 4, "the answer record: 4 bytes, no padding lost");
_Static_assert(CN_STANCE_COUNT <= 4, "a stance fits in the answer record's 2 bits");
_Static_assert(CN_REVIEW_REASON_COUNT <= 7, "the review reasons fit in the answer record's 7 bits");

/* An answer's page is found from its number: a checkpoint every PAGE_STEP
 * answers (that answer's page), then the pages' first answers (page_first)
 * after it, instead of 4 bytes in every record. */
#define PAGE_STEP 16

/* An answer's first verdict is found from the verdicts of the answers
 * before it: a checkpoint every VERDICT_STEP answers (their first verdict's
 * offset), then the n_verdicts of at most VERDICT_STEP - 1 records in a row,
 * instead of a 4-byte offset in every record. */
#define VERDICT_STEP 16

/* An answer whose place in its file does not follow from its page's first
 * answer (few or none: a page's answers are numbered in a row). */
typedef struct index_exception {
    uint32_t answer; /* first: cna_place_u32 reads it */
    uint32_t index;
} index_exception;
_Static_assert(offsetof(index_exception, answer) == 0, "cna_place_u32 reads the answer first");

/* An answer whose verdict 0 is not on its page's primary claim key (few or
 * none: the annotator judges a page's answers on the page's primary claim):
 * its claim key while the corpus is read, its claim once claims are numbered. */
typedef struct claim_exception {
    uint32_t answer; /* first: cna_place_u32 reads it */
    uint32_t claim;
} claim_exception;
_Static_assert(offsetof(claim_exception, answer) == 0, "cna_place_u32 reads the answer first");

/* A page's value where it is not the usual one (few pages), by page. */
typedef struct page_value {
    uint32_t page; /* first: cna_place_u32 reads it */
    uint32_t value;
} page_value;
_Static_assert(offsetof(page_value, page) == 0, "cna_place_u32 reads the page first");

/* A duplicate and the counted answer it stands for (few answers are
 * duplicates: kept aside, in answer order, instead of 4 bytes an answer). */
typedef struct dup_link {
    uint32_t answer; /* first: cna_place_u32 reads it */
    uint32_t original;
} dup_link;
_Static_assert(offsetof(dup_link, answer) == 0, "cna_place_u32 reads the answer first");

/* An answer as it waits on disk while the corpus is read (cn_recfile): its
 * record, what its role is made from once every page is in, then its
 * n_verdicts verdicts, when its primary decision is conflicting that
 * decision's scores (CN_STANCE_COUNT doubles), and its physician
 * (cna_put_physician). */
typedef struct waiting_answer {
    cn_analysis_answer a;
    uint64_t id;    /* answer_id: the number its 16 hex digits spell, or (a.id_text) the
                       number of the analysis' copy of it */
    uint32_t index; /* cn_answer.index */
    uint32_t page;  /* its page (checked against the one found from page_first) */
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

/* The verdicts' confidences are read back from disk this many at a time
 * (4 KiB): an answer's verdicts are in a row, and a question's answers
 * mostly are too. */
#define CONF_BLOCK 512

/* So are the answer_ids (cn_analysis_answer_id), 8 bytes each: the reports
 * mostly ask for them in answer order. */
#define ID_BLOCK 512

/* So are the answers' physicians (cna_answer_physician), 4 bytes each: the
 * figures and the reports mostly ask for them in answer order. */
#define PHYS_BLOCK 1024

/* So are the claims' members (cn_analysis_claim_member), 4 bytes each: the
 * tallies and the reports read a claim's in order. */
#define MEMBER_BLOCK 1024

/* The claims' members are put in order on disk a batch of claims at a time,
 * each batch one pass over the answers: at most this many members in memory
 * (1 MiB), or one claim's when it has more. */
#define MEMBER_BATCH (1u << 18)

/* A checkpoint of the file names every this many names (cna_file_name reads
 * the names from one to the next at once). */
#define NAME_STEP 16

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
    /* The verdicts' confidences read last (cna_verdict_confidence): CONF_BLOCK
     * of them from block conf_block - 1 (0: none, so a zeroed loader has none). */
    uint64_t conf_block;
    double conf[CONF_BLOCK];
    cn_physician phys;           /* the physician asked for last (cn_analysis_physician) */
    cn_answer_cursor cursors[3]; /* cn_analysis_question_answer's, by role */
    /* The answer_ids read last: ID_BLOCK of them from block id_block - 1 (0: none). */
    uint64_t id_block;
    uint64_t ids[ID_BLOCK];
    /* The answers' physicians read last: PHYS_BLOCK of them from block phys_block - 1
     * (0: none). */
    uint64_t phys_block;
    uint32_t physicians[PHYS_BLOCK];
    /* The claims' members read last: MEMBER_BLOCK of them from block member_block - 1. */
    uint64_t member_block;
    uint32_t members[MEMBER_BLOCK];
    /* The files listed last (cn_analysis_question_files, _claim_files): their names are
     * copies in `names` (offsets there while the list is made). */
    const char **files;
    size_t cap_files;
    char *names;
    size_t cap_names;
    /* The file names read last from the names file (cna_file_name): the NAME_STEP names
     * from checkpoint name_span - 1 (0: none), and the name asked for last, a copy. */
    uint64_t name_span;
    char *span;
    size_t cap_span;
    char *name;
    size_t cap_name;
    /* The stances by specialty made last (cn_analysis_question_specialties,
     * _claim_specialties): the room of the most specialties of one. */
    cn_specialty_count *specs;
    size_t cap_specs;
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
    /* The page records back from page_recs, their strings numbered (48 bytes a
     * record, page p's at p * 48): read in order by cna_make_questions and
     * each question's first page by its offset by cna_primary_claims, which
     * frees the file; page_file, page_timing and page_claim below hold what
     * the later steps ask of a page. On disk, not in memory: 17 MB at 1 GB
     * (twenty-fifth memory pass). */
    cn_recfile *pages_numbered;
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
    /* The pages' file names, on disk (names_file: each name and a NUL, files numbered in
     * page order, a file's pages in a row one number), read through a loader
     * (cna_file_name): name_step[k] is where name k * NAME_STEP starts, 8 bytes every
     * NAME_STEP names instead of the names (5 MB at 1 GB), their pointers and index. */
    cn_recfile *names_file;
    uint64_t *name_step;
    size_t n_names, cap_name_step;
    strbuf last_name;        /* the name numbered last, while the page records come back */
    uint32_t *page_file;     /* page -> its record's file number; NO_STR: none */
    uint8_t *page_timing;    /* page -> its record's timing, a bit a page (cna_page_timing) */
    uint32_t *page_question; /* page -> its question (from cna_make_questions on) */
    uint32_t *page_first;    /* page -> its first answer (a page's answers are in a row) */
    size_t cap_page_first;
    /* A page's first answer's cn_answer.index is 1 (cn_structured, cn_flat) but for these
     * pages (JSON Lines may start elsewhere), by page: 4 bytes a page less. */
    page_value *index0_exc;
    size_t n_index0_exc, cap_index0_exc;
    index_exception *index_exc; /* answers whose index is not their page's first answer's
                                   + place, in order */
    size_t n_index_exc, cap_index_exc;
    uint32_t *verdict_step; /* answer k * VERDICT_STEP -> its first verdict */
    uint32_t *page_step;    /* answer k * PAGE_STEP -> its page (cna_answer_page) */
    /* The answer_ids (waiting_answer.id), in answer order: in memory (answer_ids) only while
     * the records come back and the answer-id index reads them, then on disk (21 MB at
     * 1 GB), read through a loader (cn_analysis_answer_id). */
    uint64_t *answer_ids;
    cn_recfile *ids_file;
    /* Each answer's physician (its number among the result's physicians, 4 bytes), in
     * answer order, on disk from the records' return on (10 MB at 1 GB, out of the answer
     * record), read through a loader (cna_answer_physician). */
    cn_recfile *phys_file;
    /* While the roles are given (the first pass over the waiting records,
     * before the records themselves come back): each answer's role and
     * whether its id is text (EARLY_*), a byte an answer. */
    uint8_t *early;
    dup_link *dups; /* duplicates' originals, by answer (cn_analysis_original) */
    size_t n_dups, cap_dups;
    phys_rec *phys; /* the result's physicians (n_physicians), numbered by cna_physician_index */
    size_t cap_physicians;
    double *ratings; /* the physicians' distinct ratings (bit for bit), in order of first use */
    size_t n_ratings, cap_ratings;
    cn_idindex *rating_ids;   /* a rating -> its index in ratings, while physicians are numbered */
    big_reviews *big_reviews; /* review counts phys_rec.reviews cannot hold, by physician */
    size_t n_big_reviews, cap_big_reviews;
    /* every answer's verdicts, in answer order (once back from disk), a
     * field an array: no padding (cn_analysis_verdict). The confidences (8
     * bytes a verdict, 26 MB at 1 GB) stay on disk: only the review queue
     * and the reports read them, through a loader (cna_verdict_confidence). */
    cn_recfile *v_confidence;
    uint32_t *v_claim; /* the claims of the verdicts after each answer's first (n_verdicts -
                          n_answers of them): a first verdict's claim is its page's
                          (page_claim) or an exception (v0_exc); 4 bytes an answer less */
    uint8_t *v_stance; /* the stance, and V_CONFLICTING, of the verdicts after each answer's
                          first (as v_claim): a first verdict's is the record's primary_stance
                          and whether the answer is in result.conflicts */
    size_t n_verdicts;
    uint32_t *page_claim; /* page -> its primary claim key, until cna_collect_verdicts has
                             numbered the claims; then a page's claim is its question's but
                             for the pages in page_claim_exc (by page) */
    page_value *page_claim_exc;
    size_t n_page_claim_exc;
    uint32_t page_key;       /* the primary claim key of the page being kept */
    claim_exception *v0_exc; /* first verdicts not on their page's primary claim, by answer */
    size_t n_v0_exc, cap_v0_exc;
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
    /* The tallies' summary sentences, one copy of each in str_arena (questions with the same
     * counts and wording say the same: 6 MB of sentences at 1 GB, most of them repeats). */
    cn_idindex *summary_ids;
    char **summaries;
    size_t n_summaries, cap_summaries;
    size_t cap_claims;
    /* Every claim's members (cn_analysis_claim_member), the claims' in order, on disk (9 MB
     * at 1 GB); member_at: claim -> its first (a shared claim has none). */
    cn_recfile *members_file;
    uint64_t *member_at;
    uint64_t n_members_on_disk;
    size_t *body_page;   /* question -> its first page with a body; SIZE_MAX */
    size_t *qpage_start; /* question q has qpage_start[q + 1] - qpage_start[q] pages */
    uint32_t *qpages;    /* the questions' pages, each question's in order from qpage_start[q]:
                            its answers by role are walked from them (cn_analysis_role_answer),
                            4 bytes a page instead of 4 an answer */
    cn_analysis_loader loader; /* writing: the result's own (spill is an->spill) */
};

/* v_stance's bit for a conflicting decision (stances need the low bits). */
#define V_CONFLICTING 0x80
_Static_assert(CN_STANCE_COUNT <= V_CONFLICTING, "a stance fits below V_CONFLICTING");

/* Interned string number s (NO_STR: NULL). */
static inline const char *cna_str_at(const cn_analysis *an, uint32_t s)
{
    return s == NO_STR ? NULL : an->strs[s];
}

/* The page of answer i: the last page whose first answer is i or before (an
 * empty page has the first answer of the page after it). */
static inline uint32_t cna_answer_page(const cn_analysis *an, size_t i)
{
    uint32_t p = an->page_step[i / PAGE_STEP];
    while (p + 1 < an->n_pages && an->page_first[p + 1] <= i)
        p++;
    return p;
}

/* Whether page p's annotation flags its question "timing". */
static inline bool cna_page_timing(const cn_analysis *an, size_t p)
{
    return (an->page_timing[p / 8] >> (p % 8)) & 1;
}

/* Physician k's review count where its record says PHYS_BIG_REVIEWS. */
static inline int64_t cna_big_reviews(const cn_analysis *an, uint32_t k)
{
    size_t lo = 0, hi = an->n_big_reviews;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (an->big_reviews[mid].physician <= k)
            lo = mid;
        else
            hi = mid;
    }
    return an->big_reviews[lo].reviews;
}

/* Physician k (of an->phys) in full, its strings the interned ones (a
 * rating or review count not given reads 0). */
static inline void cna_physician_at(const cn_analysis *an, uint32_t k, cn_physician *out)
{
    const phys_rec *p = &an->phys[k];
    *out = (cn_physician){.name = (char *)cna_str_at(an, p->name),
                          .city = (char *)cna_str_at(an, p->city),
                          .specialty = (char *)cna_str_at(an, p->specialty),
                          .rating = p->rating ? an->ratings[p->rating - 1] : 0,
                          .has_rating = p->rating != 0,
                          .reviews = p->reviews == PHYS_BIG_REVIEWS  ? (long)cna_big_reviews(an, k)
                                     : p->reviews == PHYS_NO_REVIEWS ? 0L
                                                                     : (long)p->reviews,
                          .has_reviews = p->reviews != PHYS_NO_REVIEWS};
}

/* Physician k's name and specialty (NULL: none): any thread. */
static inline const char *cna_physician_name(const cn_analysis *an, uint32_t k)
{
    return cna_str_at(an, an->phys[k].name);
}

static inline const char *cna_physician_specialty(const cn_analysis *an, uint32_t k)
{
    return cna_str_at(an, an->phys[k].specialty);
}

/* A page record's declared_answers. */
static inline long cna_page_declared(const page_rec *pr)
{
    uint64_t v = (uint64_t)pr->declared[1] << 32 | pr->declared[0];
    long out;
    memcpy(&out, &v, sizeof out); /* long is 64 bits where this builds (checked below) */
    return out;
}

static inline void cna_set_page_declared(page_rec *pr, long v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    pr->declared[0] = (uint32_t)u;
    pr->declared[1] = (uint32_t)(u >> 32);
}
_Static_assert(sizeof(long) == sizeof(uint64_t), "cna_page_declared keeps a long in 64 bits");

/* The place of key in an array of n entries of `stride` bytes in ascending
 * order of a uint32_t each starts with (an answer's number, most often), or
 * n when it is not there. */
static inline size_t cna_place_u32(const void *base, size_t n, size_t stride, size_t key)
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

/* What one module gives another; each returns CN_OK or an error code with err set, as the
 * public functions do. */

/* cn_analysis: life cycle */
int cna_oom(cn_error *err);
void cna_give_back(void);

/* cn_analysis_intern */
int cna_intern_at(cn_analysis *an, const char *s, uint32_t *out, cn_error *err);
int cna_intern(cn_analysis *an, const char *s, const char **out, cn_error *err);
int cna_physician_index(cn_analysis *an, const cn_physician *p, size_t *out, cn_error *err);
int cna_key_index(cn_analysis *an, const char *id, const char *statement, const cn_rule *rule,
                  size_t *out, cn_error *err);
int cna_share_summary(cn_analysis *an, cn_tally *t, cn_error *err);

/* cn_analysis_keep */
int cna_keep_page(cn_analysis *an, const cn_page *page, const cn_page_annotation *pa,
                  cn_error *err);
void cna_release_reading_indexes(cn_analysis *an);

/* cn_analysis_intake */
int cna_annotate_run(cn_analysis *an, bool last, cn_error *err);
void cna_release_annotators(cn_analysis *an);

/* cn_analysis_answers: verdict v of answer a's claim, and its confidence
 * read through the result's loader (a failed read leaves 0 and the loader's
 * load_rc set: cn_analysis_load_status). */
uint32_t cna_verdict_claim(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v);
double cna_verdict_confidence(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v);

/* Item `at` of a scratch file read `per` items at a time into the loader's
 * buffer `buf` (items of `size` bytes, `total` in the file): the block
 * holding it, unless *loaded already names it (block + 1; 0: none). A read
 * that fails is the loader's error from then on. */
int cna_read_block(cn_analysis_loader *L, cn_recfile *file, const char *what, uint64_t *loaded,
                   size_t at, size_t per, size_t total, void *buf, size_t size);

/* Answer i's physician number read through loader L (a failed read gives 0 and sets L's
 * load_rc): any loader, so a step on another thread may read with one of its own. */
uint32_t cna_answer_physician(const cn_analysis *an, cn_analysis_loader *L, size_t i);

/* File number f's name (NO_STR: NULL) read through loader L, a copy valid until L's next
 * name (a failed read gives "" and sets L's load_rc). */
const char *cna_file_name(const cn_analysis *an, cn_analysis_loader *L, uint32_t f);

/* cn_analysis_records */
int cna_put_str(cn_recfile *f, const char *s, cn_error *err);
int cna_put_physician(cn_recfile *f, const cn_physician *p, cn_error *err);
int cna_answers_back(cn_analysis *an, cn_error *err);
int cna_pages_back(cn_analysis *an, cn_error *err);

/* cn_analysis_group */
void cna_uf_union(uint32_t *parent, size_t a, size_t b);
#define EARLY_ROLE 3u    /* cn_answer_role */
#define EARLY_ID_TEXT 4u /* cn_analysis_answer.id_text */
int cna_assign_role(cn_analysis *an, size_t i, const waiting_answer *w, cn_error *err);
int cna_make_questions(cn_analysis *an, cn_error *err);
int cna_fill_questions(cn_analysis *an, cn_error *err);

/* cn_analysis_claims */
int cna_primary_claims(cn_analysis *an, cn_error *err);
int cna_collect_verdicts(cn_analysis *an, cn_error *err);
/* The claim of answer i's first verdict (its page's primary claim, or an exception). */
uint32_t cna_first_verdict_claim(const cn_analysis *an, size_t i);

/* cn_analysis_overrides */
int cna_apply_overrides(cn_analysis *an, cn_error *err);

/* cn_analysis_tally */
int cna_tally(cn_analysis *an, cn_error *err);

/* cn_analysis_review */
int cna_flag_answers(cn_analysis *an, cn_error *err);

/* cn_analysis_corpus */
int cna_compare_specialties(cn_analysis *an, cn_error *err);
int cna_corpus_figures(cn_analysis *an, cn_error *err);

#endif
