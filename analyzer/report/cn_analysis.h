/*
 * cn_analysis: the aggregator at the heart of `consensus analyze`.
 *
 * It collects the pages of a corpus (after de-duplication has set question_id
 * and duplicate_of), groups them into questions, has the classifier's
 * annotator (cn_annotate, the same stances `consensus classify` prints) judge
 * every answer on its question's primary claim and on the other catalog claims
 * it addresses, and computes:
 * - per question and per claim: files, distinct answers, stance counts,
 *   proportions with Wilson and exact intervals, the consensus figures, a
 *   summary sentence, the dissenting answers and the stances by specialty
 *   (cn_tally);
 * - for the corpus: files, answers, distinct answers, duplicates, skipped
 *   files with reasons; Krippendorff's alpha (nominal and ordinal, bootstrap
 *   intervals) and Fleiss' kappa where it applies; the specialty x stance
 *   comparison (chi-square, Monte Carlo p, Cramer's V, per-specialty shares);
 * - the review queue (cn_review).
 *
 * Editors' overrides (cn_overrides, opts.overrides) replace the classifier's
 * stance on the primary claim before anything is counted, so every figure
 * uses the corrected stances. An override applies to the answers with its
 * answer_id and to the other copies of the same answer (its counted original
 * and that one's duplicates), so a correction made on either rendering of a
 * page counts once; where copies carry different overrides, the counted
 * answer's own wins, else the first in corpus order. An answer whose stance an
 * editor set leaves the review queue except for duplicate-metadata (the
 * editor decided its stance; metadata is another matter). Overrides matching
 * no answer are listed in the result (unmatched), in file order.
 *
 * Counting rules: a question is a group of pages with the same question_id,
 * or linked by a duplicate answer; a duplicate answer (duplicate_of set) is
 * not counted again: its original's vote is the one that counts; a
 * related-question excerpt takes `none` on the question's primary claim and is
 * not counted in any figure (it belongs to another question, possibly in the
 * corpus in full).
 *
 * Agreement: physicians are the coders and questions the units; a value is a
 * counted answer's stance on the primary claim (`none` is a missing value).
 * Since alpha and its unit bootstrap depend only on which values share a unit,
 * not on who gave them, the matrix is stored with one row per answer slot
 * instead of one per physician; the figures are the same and memory stays
 * proportional to the answers. Most physicians answer one question only, so
 * alpha here measures how much answers to the same question agree beyond what
 * the corpus' overall stance mix predicts, not the reliability of individual
 * physicians.
 *
 * Memory: pages are classified as they are added (a run of pages at a time,
 * in reading order, the same annotators' state as one pass over all pages),
 * then written with their annotations to an unlinked temporary file
 * (cn_spill, in opts.spill_dir) and freed. What stays is a fixed record per
 * answer (cn_analysis_answer: its role, flags and verdict count; its id,
 * its physician's number and its verdicts' confidences wait on disk, read
 * back through a loader) and per verdict its claim and stance, and per
 * question its title; the figures and the cross-question parts of the
 * reports need no more.
 * While pages are added, even those records wait on disk (cn_recfile, in
 * opts.spill_dir): the reader's de-duplication index holds the memory then;
 * cn_analysis_finish reads them back, at their exact size, gives the answers
 * their roles in corpus order and goes on from there. A
 * report loads a question's pages back while it writes that question
 * (cn_analysis_load_question), or one answer's page at a time for the
 * answer lists (cn_analysis_load_answer).
 *
 * Use: cn_analysis_new, cn_analysis_add_page for each page (the analysis takes
 * ownership), cn_analysis_add_skipped for each rejected file, cn_analysis_finish
 * once, then read cn_analysis_result. All figures are deterministic for a given
 * input order, rule set and seed.
 */
#ifndef CN_ANALYSIS_H
#define CN_ANALYSIS_H

#include "cn_agreement.h"
#include "cn_pairwise.h"
#include "cn_annotate.h"
#include "cn_classifier.h"
#include "cn_consensus.h"
#include "cn_crosstab.h"
#include "cn_error.h"
#include "cn_interval.h"
#include "cn_overrides.h"
#include "cn_page.h"
#include "cn_review.h"
#include "cn_rules.h"
#include "cn_tally.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Defaults. 2000 Monte Carlo tables is R's chisq.test default (each table
 * costs time proportional to the answers); below 0.5 the classifier's winning
 * stance holds less than half of the evidence. */
#define CN_ANALYSIS_DEFAULT_SEED 1
#define CN_ANALYSIS_DEFAULT_BOOTSTRAP 1000
#define CN_ANALYSIS_DEFAULT_SIMULATE 2000
#define CN_ANALYSIS_DEFAULT_LOW_CONFIDENCE 0.5
#define CN_ANALYSIS_DEFAULT_FRAGMENT_WORDS 8
#define CN_ANALYSIS_DEFAULT_PER_QUESTION 3
#define CN_ANALYSIS_DEFAULT_ASYMPTOTIC_QUESTIONS 200
#define CN_ANALYSIS_DEFAULT_ASYMPTOTIC_ANSWERS_PER_DF 30

/* Called during cn_analysis_finish after each classified page (done and total
 * count answers). */
typedef void (*cn_analysis_progress_fn)(void *ctx, size_t done, size_t total);

typedef struct cn_analysis_opts {
    unsigned long seed;          /* seeds every Monte Carlo and bootstrap stream */
    cn_consensus_opts consensus; /* thresholds, interval level, min answers, draws */
    size_t bootstrap;            /* agreement bootstrap resamples */
    size_t simulate;             /* specialty test Monte Carlo tables (0 = none) */
    size_t permutations;         /* specialty test permutations within questions */
    /* The within-question test is the asymptotic Cochran-Mantel-Haenszel one
     * (cn_cmh) from this many questions that vary (two specialties and two
     * stances) with at least asymptotic_answers_per_df stance-taking answers
     * in them per degree of freedom; the permutations below that. */
    size_t asymptotic_questions;
    double asymptotic_answers_per_df;
    double low_confidence; /* review: a decision below this is unsure */
    size_t fragment_words; /* review: a cut-off answer with fewer words is a fragment, not queued */
    size_t per_question;   /* review: rounds of this many items per question (0: none) */
    cn_review_order review_order;     /* review: least sure or most urgent first */
    const cn_overrides *overrides;    /* editors' stances; borrowed, may be NULL */
    cn_analysis_progress_fn progress; /* may be NULL */
    void *progress_ctx;
    size_t jobs;           /* threads classifying pages (cn_batch); 0 or 1: the calling thread.
                              The result is the same for every value */
    const char *spill_dir; /* folder of the temporary page file (cn_spill); NULL: $TMPDIR,
                              else /tmp */
    size_t member_batch;   /* the claims' members held in memory at once while they are put
                              on disk (a claim's at least); 0: 1 MiB of them. The result is
                              the same for every value (tests set it small) */
    size_t review_run;     /* the review queue's items sorted in memory at once, a larger
                              queue sorted in runs of this many on disk and merged; 0: 1 MiB
                              of them. The result is the same for every value (tests set it
                              small) */
} cn_analysis_opts;

/* Defaults above; the consensus options are cn_consensus_opts_init's. */
void cn_analysis_opts_init(cn_analysis_opts *opts);

/* What an answer is to its question. */
typedef enum cn_answer_role {
    CN_ROLE_COUNTED = 0, /* a distinct answer: it votes */
    CN_ROLE_DUPLICATE,   /* the same answer seen again: its original votes */
    CN_ROLE_RELATED      /* a related-question excerpt: no vote */
} cn_answer_role;

/* "counted", "duplicate", "related". */
const char *cn_answer_role_name(cn_answer_role role);

/* One answer's decision on one claim: what the figures and the reports'
 * cross-question parts need. Its scores, reason and evidence stay with the
 * page on disk (cn_analysis_decision while the page is loaded). 16 bytes:
 * the analysis keeps one per verdict of every answer. */
typedef struct cn_verdict {
    double confidence;
    uint32_t claim; /* index into the result's claims */
    uint8_t stance; /* cn_stance */
    bool conflicting;
} cn_verdict;

/* What the analysis keeps of an answer while its page is on disk: a fixed
 * record of 4 bytes, one 32-bit word of bit fields (at a million answers and
 * more, every byte here is a megabyte). The page's text, title and evidence
 * come back with cn_analysis_load_question or cn_analysis_load_answer. What
 * follows from other fields is not kept (its page, cn_analysis_answer_question,
 * _in_page, _index, cn_analysis_file_of, cn_analysis_original, the verdicts'
 * place: cn_analysis_verdict), nor are the answer_id and the physician, which
 * wait on disk (cn_analysis_answer_id, cn_analysis_answer_physician); such
 * readers take a pointer into the result's answers, not a copy. */
#define CN_ANALYSIS_MAX_VERDICTS 4095 /* an answer's verdicts: n_verdicts' 12 bits */
typedef struct cn_analysis_answer {
    bool id_text : 1;             /* an answer_id that is not 16 lower-case hex digits */
    bool excerpt : 1;             /* cn_answer.excerpt */
    bool truncated : 1;           /* cn_answer.truncated */
    bool fragment : 1;            /* a cut-off scrap of fewer than opts.fragment_words words */
    bool names_primary : 1;       /* names its question's catalog claim in its own words */
    bool dissent : 1;             /* its stance differs from its question's majority */
    bool overridden : 1;          /* an editor set its stance on the primary claim
                                     (cn_analysis_override: the editor's entry) */
    uint32_t role : 2;            /* cn_answer_role */
    uint32_t review : 7;          /* CN_REVIEW_* reasons (0: not queued) */
    uint32_t override_stance : 2; /* cn_stance: the editor's, when overridden */
    uint32_t primary_stance : 2;  /* verdicts[0].stance, kept here too: every tally and
                                     report reads it */
    uint32_t n_verdicts : 12;     /* at most CN_ANALYSIS_MAX_VERDICTS */
} cn_analysis_answer;

/* A (answer, verdict) pair: one vote in a claim's tally. */
typedef struct cn_member {
    uint32_t answer;
    uint32_t verdict;
} cn_member;

typedef struct cn_analysis_question {
    char id[CN_ID_LEN + 1];
    const char *question; /* the title, NULL when no page has one */
    /* the asker's text: cn_analysis_question_body while the question is loaded */
    long declared_answers;     /* the most any page says it has ("Doctor Answers N"); -1 */
    const char *claim_source;  /* "title", "answers" or "adhoc" */
    const char *question_type; /* the classifier's "permission", "harm", ...; NULL */
    cn_tally tally;            /* over the counted answers (dissent indexes answers[]) */
    /* The counts and the claim's number in 32 bits (answers, pages and claims
     * are numbered in 32 bits): 144 bytes a question, not 176 (36,182 at 1 GB). */
    uint32_t claim; /* primary claim (index into claims) */
    /* Its counted answers, duplicates and related answers, each in corpus
     * order: cn_analysis_question_answer gives them (found from its pages, not
     * kept as lists: 4 bytes an answer, 10 MB at 1 GB). */
    uint32_t n_answers;
    uint32_t n_duplicates;
    uint32_t n_related;
    uint32_t n_files;      /* distinct files with a page of it: cn_analysis_question_files */
    uint32_t naming_claim; /* counted answers that name the primary catalog claim in their
                              own words (review: claim-fit); 0 for an ad-hoc claim */
} cn_analysis_question;
_Static_assert(sizeof(cn_analysis_question) == 144, "a question: 144 bytes");

typedef struct cn_analysis_claim {
    char *id;            /* id and statement: the analysis' interned copies (not the claim's */
    char *statement;     /* to free) */
    const cn_rule *rule; /* NULL for an ad-hoc claim */
    size_t *questions;   /* questions whose primary claim it is */
    size_t n_questions;
    /* Its members, counted answers with a verdict on it: the answers to
     * questions whose primary claim it is first (their verdict 0), then the
     * answers that mention it on other questions (a later verdict on it);
     * corpus order within each. They wait on disk (unless tally_shared: its
     * votes are its question's answers): read them through
     * cn_analysis_claim_member. */
    size_t n_members;
    size_t n_primary;                     /* its first n_primary members: the votes tallied */
    long mention_counts[CN_STANCE_COUNT]; /* the other members' stances: not votes */
    cn_tally *tally;   /* of the primary votes: its own (allocated), or its one question's
                          when tally_shared (a pointer: 26,715 of 29,977 claims at 1 GB share,
                          104 bytes each would be a copy) */
    bool tally_shared; /* tally is its one question's (the same votes): not its own to free */
} cn_analysis_claim;

typedef struct cn_skipped {
    char *file; /* base name */
    char *reason;
} cn_skipped;

typedef struct cn_analysis_agreement {
    size_t questions;            /* units */
    size_t physicians;           /* distinct coders among the counted answers */
    size_t max_values;           /* most stance-taking answers of one question */
    cn_pairwise_result pairwise; /* do physicians agree on a question (the headline) */
    cn_agreement_result nominal;
    cn_agreement_result ordinal; /* reassuring < cautionary < contraindicated */
} cn_analysis_agreement;

typedef struct cn_specialty_group {
    const char *specialty; /* NULL: answers without a specialty */
    long counts[CN_STANCE_COUNT];
    long answers;                         /* all four */
    long stance_answers;                  /* the three stances */
    cn_proportion props[CN_STANCE_COUNT]; /* stances over stance_answers; none over answers */
} cn_specialty_group;

/* How the within-question specialty test was done. */
typedef enum cn_within_method {
    CN_WITHIN_NONE,        /* not done: nothing to compare */
    CN_WITHIN_PERMUTATION, /* stances shuffled within questions (Monte Carlo) */
    CN_WITHIN_CMH,         /* generalized Cochran-Mantel-Haenszel, asymptotic */
} cn_within_method;

/* "permutation", "cmh"; NULL for CN_WITHIN_NONE. */
const char *cn_within_method_name(cn_within_method method);

typedef struct cn_specialty_comparison {
    cn_specialty_group *groups; /* known specialties by name, then unknown (if any) */
    size_t n_groups;
    size_t n_tested;         /* the first n_tested groups (known ones) are in the test */
    cn_crosstab_result test; /* specialty x {reassuring, cautionary, contraindicated} */
    double p_stratified;     /* p within questions, by `method` */
    cn_within_method method; /* how p_stratified was found */
    size_t permutations;     /* drawn (0 under CMH) */
    double cmh_statistic;    /* the CMH statistic (NaN unless method is CMH) */
    long cmh_df;
    size_t cmh_questions; /* questions that vary, as counted for the choice */
    long cmh_answers;     /* stance-taking answers in them */
    char *conclusion;     /* one plain sentence */
} cn_specialty_comparison;

typedef struct cn_analysis cn_analysis;
typedef struct cn_analysis_loader cn_analysis_loader;

/* A place among a question's answers of one role, kept between calls of
 * cn_analysis_role_answer so that a list read in order costs a step an
 * answer (and read again from its start, nothing). Zeroed: none. */
typedef struct cn_answer_cursor {
    size_t q1;     /* the question + 1 (0: none) */
    size_t role;   /* cn_answer_role */
    size_t page;   /* the place's page, as an index among the question's pages */
    size_t answer; /* the answer at the place */
    size_t before; /* the question's answers of the role before it */
} cn_answer_cursor;

typedef struct cn_analysis_result {
    cn_analysis *an;            /* its analysis: where pages are loaded back from */
    cn_analysis_loader *loader; /* the pages this result has loaded (a fork has its own) */
    cn_analysis_opts opts;
    const char *rules_sha256;
    size_t files_read; /* distinct files that gave pages */
    size_t pages;
    size_t total_answers;    /* every answer of every page */
    size_t distinct_answers; /* counted */
    size_t duplicates;
    size_t related;
    cn_skipped *skipped;
    size_t n_skipped;
    cn_analysis_answer *answers; /* corpus order (page order, then index); their verdicts:
                                    cn_analysis_verdict */
    size_t n_answers;
    size_t n_physicians; /* distinct physicians as pages give them (cn_analysis_physician) */
    uint32_t *conflicts; /* answers whose primary decision is conflicting, in order (their
                            scores: cn_analysis_conflict_scores) */
    size_t n_conflicts;
    cn_analysis_question *questions; /* in order of their first page */
    size_t n_questions;
    cn_analysis_claim *claims; /* in order of first use */
    size_t n_claims;
    cn_analysis_agreement agreement;
    cn_specialty_comparison specialties;
    uint32_t *review; /* the queued answers, most urgent first (4 bytes an item: an
                         entry in full is cn_analysis_review_item) */
    size_t n_review;
    size_t n_overridden;           /* answers (any role) whose stance an editor set */
    const cn_override **unmatched; /* overrides matching no answer, file order */
    size_t n_unmatched;
} cn_analysis_result;

/* Verdict v (< a->n_verdicts) of an answer: [0] on its question's primary
 * claim, then the others it takes a position on. The analysis keeps the
 * claim and stance in arrays of their own (5 bytes a verdict) and the
 * confidences on disk, read a block at a time through the result's loader:
 * not for several threads on one result (cn_analysis_result_fork); a read
 * that fails gives confidence 0 and shows in cn_analysis_load_status. */
cn_verdict cn_analysis_verdict(const cn_analysis_result *r, const cn_analysis_answer *a, size_t v);

/* A new, empty analysis over a loaded rule set (borrowed: it must outlive
 * the analysis, as must opts->overrides). opts may be NULL (defaults); it is
 * copied. NULL on OOM. */
cn_analysis *cn_analysis_new(const cn_rules *rules, const cn_analysis_opts *opts);
void cn_analysis_free(cn_analysis *an);

/* Add a page; the analysis takes ownership of it in every case (it is freed
 * on failure). CN_ERR_USAGE after cn_analysis_finish; CN_ERR_NOMEM. */
int cn_analysis_add_page(cn_analysis *an, cn_page *page, cn_error *err);

/* Add a page with its annotation already made (`consensus merge`: made by a
 * shard's classifier and checked by cn_merge to be the annotation this run
 * would make). The analysis takes ownership of both in every case; what the
 * annotation borrows (claim choice, claim ids, rules) must outlive the
 * analysis. An analysis takes annotated pages only or plain pages only:
 * cn_analysis_finish refuses a mix (CN_ERR_USAGE). */
int cn_analysis_add_annotated(cn_analysis *an, cn_page *page, cn_page_annotation *annotation,
                              cn_error *err);

/* Record a file that was rejected (named by its base name) and why. */
int cn_analysis_add_skipped(cn_analysis *an, const char *file, const char *reason, cn_error *err);

/* Group, classify and compute everything. Once only. */
int cn_analysis_finish(cn_analysis *an, cn_error *err);

/* The result after a successful cn_analysis_finish, else NULL. Owned by the analysis. */
const cn_analysis_result *cn_analysis_result_get(const cn_analysis *an);

/* ---- pages back from disk ----
 * Pages are classified as they are added and kept on disk (cn_spill); the
 * result holds a fixed record per answer. A report loads the pages it needs
 * while it writes them: each load frees what the previous one loaded. */

/* Make question q the one whose pages load when first asked for (its
 * answers' pages and the page showing its body), a few at a time: a pointer
 * into a page stays valid until a page of another answer is asked for. A
 * page that fails to load reads as not loaded; the failure is returned by
 * the next cn_analysis_load_question or cn_analysis_load_status. */
int cn_analysis_load_question(const cn_analysis_result *r, size_t q, cn_error *err);

/* The first failure of a page loaded on demand (or of a verdict's
 * confidence or conflict scores read back, or of a tally's consensus
 * figures read back: cn_tally_consensus), or CN_OK. */
int cn_analysis_load_status(const cn_analysis_result *r, cn_error *err);

/* Load the page of answer i (nothing to do when it is loaded). */
int cn_analysis_load_answer(const cn_analysis_result *r, size_t i, cn_error *err);

/* Free whatever is loaded. */
void cn_analysis_release(const cn_analysis_result *r);

/* A copy of a finished result that loads pages into memory of its own, so
 * that a report can be written from it on another thread while other
 * reports are written from r or from other forks: everything else is
 * shared and only read. Free the fork (cn_analysis_result_fork_free) before
 * the analysis. CN_ERR_USAGE before cn_analysis_finish, CN_ERR_NOMEM. */
int cn_analysis_result_fork(const cn_analysis_result *r, cn_analysis_result **out, cn_error *err);
void cn_analysis_result_fork_free(cn_analysis_result *fork);

/* While answer i's page is loaded: the page, the answer in it, the page's
 * annotation, and verdict v's decision (its scores, reason and evidence);
 * NULL otherwise. */
const cn_page *cn_analysis_page_of(const cn_analysis_result *r, size_t i);
const cn_answer *cn_analysis_answer_of(const cn_analysis_result *r, size_t i);
const cn_page_annotation *cn_analysis_annotation_of(const cn_analysis_result *r, size_t i);
const cn_decision *cn_analysis_decision(const cn_analysis_result *r, size_t i, size_t v);

/* The asker's text of question q while it is loaded; NULL when no page of
 * it shows one. */
const char *cn_analysis_question_body(const cn_analysis_result *r, size_t q);

/* What differs between a duplicate's physician and its original's
 * (duplicate-metadata), or NULL: kept aside, as few answers have one. */
const char *cn_analysis_metadata_note(const cn_analysis_result *r, size_t i);

/* The editor's override of answer i (its own, or its copy's: see above), or
 * NULL: kept aside, as few answers have one. */
const cn_override *cn_analysis_override(const cn_analysis_result *r, size_t i);

/* Item k of the review queue (k < r->n_review): its answer, reasons (the
 * answer's review), urgency, confidence and question (round: 0). */
cn_review_item cn_analysis_review_item(const cn_analysis_result *r, size_t k);

/* cn_answer.index of answer a (of r->answers): its place in its file. */
uint32_t cn_analysis_answer_index(const cn_analysis_result *r, const cn_analysis_answer *a);

/* The primary decision's scores of a conflicting answer (CN_STANCE_COUNT of
 * them, read from disk into the result's loader: valid until the next call
 * on this result); NULL for another answer, and when they cannot be read
 * (cn_analysis_load_status then says why). */
const double *cn_analysis_conflict_scores(const cn_analysis_result *r, size_t i);

/* The base name of answer a's file (its page's), NULL when the page has none: read from
 * disk into the result's loader, valid until the next file name asked of this result (this
 * call, cn_analysis_question_files, _claim_files); "" when it cannot be read
 * (cn_analysis_load_status then says why). */
const char *cn_analysis_file_of(const cn_analysis_result *r, const cn_analysis_answer *a);

/* Answer a's answer_id: written into buf (CN_ID_LEN + 1 bytes), or the
 * analysis' copy of it; returned. CN_ANSWER_ID gives it a buffer that lives
 * as long as the enclosing block. The ids wait on disk and are read a block
 * at a time through the result's loader (as the confidences are: not for
 * several threads on one result); a read that fails gives "" and shows in
 * cn_analysis_load_status. */
const char *cn_analysis_answer_id(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  char *buf);
#define CN_ANSWER_ID(r, a) cn_analysis_answer_id((r), (a), (char[CN_ID_LEN + 1]){0})

/* Answer a's answer_id as the number its 16 lower-case hex digits spell:
 * true and *out, or false for an id kept as text (CN_ANSWER_ID gives it).
 * Read as cn_analysis_answer_id reads it (a read that fails: false, *out 0,
 * and cn_analysis_load_status says why). Two answers have the same id when
 * both are numbers and equal, or both are text and the same text. */
bool cn_analysis_answer_id_number(const cn_analysis_result *r, const cn_analysis_answer *a,
                                  uint64_t *out);

/* Member k of claim cl (k < cl->n_members), read a block at a time through
 * the result's loader (as the answer_ids are: not for several threads on
 * one result); a read that fails gives answer 0, verdict 0, and shows in
 * cn_analysis_load_status. */
cn_member cn_analysis_claim_member(const cn_analysis_result *r, const cn_analysis_claim *cl,
                                   size_t k);

/* Answer k of question q's answers of role `role` (k below its n_answers,
 * n_duplicates or n_related), in corpus order: its pages' answers of that
 * role, walked from the cursor c (a caller's own: any thread, one cursor
 * each). */
uint32_t cn_analysis_role_answer(const cn_analysis_result *r, cn_answer_cursor *c, size_t q,
                                 cn_answer_role role, size_t k);

/* The same through the result's loader, a cursor for each role (as the
 * loader's other reads: not for several threads on one result). */
uint32_t cn_analysis_question_answer(const cn_analysis_result *r, size_t q, cn_answer_role role,
                                     size_t k);

/* The files of question q's pages (*n = its n_files of them), or of claim
 * cl's votes (the files its tally counts from: its first n_primary
 * members'), distinct, in byte order: listed when asked for, not kept (8
 * bytes a file of every question and claim). The list is the result's
 * loader's (as its other reads: not for several threads on one result),
 * valid until the next call of either on this result; NULL with *n 0 when
 * out of memory (cn_analysis_load_status then says so). */
const char *const *cn_analysis_question_files(const cn_analysis_result *r, size_t q, size_t *n);
const char *const *cn_analysis_claim_files(const cn_analysis_result *r, const cn_analysis_claim *cl,
                                           size_t *n);

/* How question q's votes (its counted answers' stances) or claim cl's (its
 * first n_primary members', the votes its tally counts) split by specialty,
 * as cn_tally_specialties splits them: made when asked for, not kept (24
 * bytes a specialty of every question and claim). The splits are the
 * result's loader's (not for several threads on one result), valid until
 * the next call of either on this result; NULL with *n 0 when out of memory
 * (cn_analysis_load_status then says so). */
const cn_specialty_count *cn_analysis_question_specialties(const cn_analysis_result *r, size_t q,
                                                           size_t *n);
const cn_specialty_count *cn_analysis_claim_specialties(const cn_analysis_result *r,
                                                        const cn_analysis_claim *cl, size_t *n);

/* What answer a (a record of r->answers) is not kept with, being its page's
 * or rare: its question (its page's), its position among its page's answers
 * (a page's answers are numbered in a row), and the counted answer it stands
 * for (itself unless it is a duplicate). */
size_t cn_analysis_answer_question(const cn_analysis_result *r, const cn_analysis_answer *a);
size_t cn_analysis_answer_in_page(const cn_analysis_result *r, const cn_analysis_answer *a);
size_t cn_analysis_original(const cn_analysis_result *r, const cn_analysis_answer *a);

/* The physician of answer i as its page names it: made in the result's loader
 * from the analysis' compact record of it (its strings are the analysis'
 * interned copies and stay valid; the record itself only until the next
 * call on this result). */
const cn_physician *cn_analysis_physician(const cn_analysis_result *r, size_t i);

/* The number of answer i's physician among the result's distinct ones
 * (< n_physicians): not kept in the answer's record but on disk, in answer
 * order, read a block at a time through the result's loader (not for several
 * threads on one result: cn_analysis_result_fork); a read that fails gives 0
 * and shows in cn_analysis_load_status. */
uint32_t cn_analysis_answer_physician(const cn_analysis_result *r, size_t i);

/* The stance of an answer on its primary claim: the editor's where one set
 * it, else the classifier's. */
cn_stance cn_analysis_answer_stance(const cn_analysis_answer *a);

/* The stance and confidence of verdict v of an answer (0: the primary claim,
 * where an editor's override has confidence 1). The confidence is read as
 * cn_analysis_verdict reads it; the stance is in memory (any thread). */
cn_stance cn_analysis_verdict_stance(const cn_analysis_result *r, const cn_analysis_answer *a,
                                     size_t v);
double cn_analysis_verdict_confidence(const cn_analysis_result *r, const cn_analysis_answer *a,
                                      size_t v);

/* Whether answer i is pivotal: read as another stance (tried in the order
 * reassuring, cautionary, contraindicated, none), its question would get
 * another majority or consensus level. On true, *alt is the first such
 * stance and *level / *majority what the question would then show. Only
 * counted answers without an editor's override, in questions with at least
 * a weak consensus (a conclusion the report states), can be pivotal. */
bool cn_analysis_pivot(const cn_analysis_result *r, size_t i, cn_stance *alt,
                       cn_consensus_level *level, cn_stance *majority);

#endif
