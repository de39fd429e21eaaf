/*
 * cn_rules: the rule loader. Reads an editable rule folder (every *.rules
 * file in name order; format in rules/README.md), validates it, and compiles
 * every pattern into one cn_matcher whose payload is the rule's index.
 *
 * A rule line is `KIND ID [key=value ...] [: pattern | pattern ...]`. Kinds:
 * claim, cue, negation, pseudo, terminator, hedge, intensifier, contrast,
 * experience, hypothetical, boilerplate, question (question types and
 * flags), wait (phrases around durations, cn_wait), duration (units and
 * number words), qtype (the question-type model, cn_qtype), alias, class, setting,
 * weight (the decision model, cn_model), decision_offset (what a question
 * type adds to the decision offsets) and
 * confusion (the classifier's measured errors, for cn_relabel). Every problem is
 * reported as "FILE:LINE: message" through the diagnostic callback; loading fails when any was
 * found.
 */
#ifndef CN_RULES_H
#define CN_RULES_H

#include "cn_error.h"
#include "cn_matcher.h"
#include "cn_model.h"
#include "cn_qtype.h"
#include "cn_stance.h"
#include "cn_tokens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum cn_rule_kind {
    CN_RULE_CLAIM = 0,    /* a claim of the catalog; patterns are its topic cues */
    CN_RULE_CUE,          /* a stance cue: stance, weight, negated stance */
    CN_RULE_NEGATION,     /* flips cues in its scope (NegEx trigger) */
    CN_RULE_PSEUDO,       /* looks like a negation but is not ("not only") */
    CN_RULE_TERMINATOR,   /* ends a negation scope ("but", "except") */
    CN_RULE_HEDGE,        /* weakens cues in its clause; may shift their stance */
    CN_RULE_INTENSIFIER,  /* strengthens the next cue */
    CN_RULE_CONTRAST,     /* shifts weight between the clauses around it */
    CN_RULE_EXPERIENCE,   /* first-person clinical experience in the sentence */
    CN_RULE_HYPOTHETICAL, /* a conditional clause ("if you ...") */
    CN_RULE_BOILERPLATE,  /* carries no stance ("consult your doctor") */
    CN_RULE_QUESTION,     /* a question type (permission, harm...): patterns of titles */
    CN_RULE_WAIT,         /* a phrase next to a duration: the asker's time point or an
                           * answer's advised wait (cn_wait, STANCE-GUIDE rule 15) */
    CN_RULE_KIND_COUNT
} cn_rule_kind;

/* "claim", "cue", ... */
const char *cn_rule_kind_name(cn_rule_kind kind);
/* The same, its length at *len. */
const char *cn_rule_kind_name_n(cn_rule_kind kind, size_t *len);

typedef enum cn_contrast_dir {
    CN_CONTRAST_FORWARD = 0, /* "X but Y": Y counts more */
    CN_CONTRAST_CONCESSIVE   /* "although X, Y": the clause it opens counts less */
} cn_contrast_dir;

/* One rule, open so the classifier can read its parameters. */
typedef struct cn_rule {
    cn_rule_kind kind;
    char *id;
    size_t id_len; /* strlen(id): written with every evidence of the rule */
    bool id_plain; /* id has no byte JSON escapes: written as it is, no scan */
    char *file;    /* base name of its rule file */
    unsigned line;
    /* cue */
    cn_stance stance;
    double weight;
    bool negatable;    /* false: a negation in scope does not flip it */
    cn_stance negated; /* the stance when negated */
    bool negated_drop; /* negated=none: a negated cue counts for nothing */
    bool advice;       /* advice=yes: an explicit recommendation (STANCE-GUIDE rule 3) */
    bool caution;      /* caution=yes: hedged risk or uncertainty (STANCE-GUIDE rule 6) */
    char *only;        /* only=TYPE: counts only when the question is of that type */
    bool anchored;     /* anchor=sentence: counts only at the start of a sentence */
    char *flip_on;     /* flip_on=TYPE: reassuring and contraindicated swap for that
                        * question type ("Can I skip it?": "keep taking it" advises against) */
    /* modifiers */
    double factor;  /* hedge, intensifier, experience, hypothetical */
    bool has_shift; /* hedge: turns cues of stance `shift_from` into `shift_to` */
    cn_stance shift_from, shift_to;
    double before, after; /* contrast */
    cn_contrast_dir direction;
    int scope;           /* negation: tokens it reaches */
    bool backward;       /* negation: reaches cues before it ("X is not something I see") */
    bool whole_sentence; /* hedge, hypothetical: reach=sentence (else from the trigger on) */
    /* claim */
    char *statement;
    /* claim: the practice in a few words, for summaries ("Botox while
     * breastfeeding": "9 of 11 physicians advise against Botox while
     * breastfeeding"); NULL when the rule has no about="..." */
    char *about;
    /* claim: its core topics (patterns written "!pattern", as normalized words
     * joined by one space, "word*" allowed): when it has any, a text is about
     * the claim only if one of its topic matches is a core one ("smoking", not
     * just "surgery" for "nicotine around surgery"). In strcmp order, not
     * the order of the rule's lines (cn_claims looks a phrase's first byte
     * up by a binary search). */
    char **core;
    size_t n_core;
    /* claim: its excluding topics (patterns written "-pattern", kept as core
     * topics are): a text that matches one is not about the claim, however
     * many other topics it matches ("Botox before eyelid surgery" is about
     * timing surgery, not about Botox's side effects); in strcmp order too */
    char **excluding;
    size_t n_excluding;
    /* claim: min=N, the distinct topics a text needs to be about it; 0 when
     * the rule has none (the claim_min_topics setting): a claim whose topics
     * also name other things ("arms" in a list of where a rash spread) can
     * ask for one more */
    size_t min_topics;
    /* question: default=yes, the type of questions no pattern matches (and of
     * untitled pages) */
    bool is_default;
    /* question flag=yes: not a type but a mark the question may carry
     * ("timepoint": the asker says where they are), found in title and body */
    bool is_flag;
    /* question flag over=OTHER: on only when the question (title and body)
     * holds more of its distinct phrases than of flag OTHER's ("the asker
     * reports what already happened" outweighing "the asker asks leave to do
     * it"); NULL: on at one phrase */
    char *over;
    /* wait: side=asker, the duration is the asker's time point, side=answer
     * an answer's advised wait, side=both either (a phrase of both sides
     * is one rule: the matcher gives a pattern to one rule); at=after, the phrase follows the
     * duration ("3 weeks post op"), at=before (the default) right before it ("wait 6 weeks"),
     * at=both either ("after": "3 weeks after surgery", "after 3 weeks") */
    bool wait_asker, wait_answer;
    bool wait_after, wait_before; /* at=both: either */
    /* cue: its position among the cues (0..cn_rules_cues - 1) */
    size_t cue_index;
} cn_rule;

typedef struct cn_rules cn_rules;

/* Called once per problem with "FILE:LINE: message". */
typedef void (*cn_rules_diag_fn)(void *ctx, const char *message);

/* Load and compile the rule folder. On any problem calls diag (if given) for
 * each one and returns CN_ERR_RULES (err says how many); a missing folder or
 * no *.rules file gives CN_ERR_IO. */
int cn_rules_load(const char *dir, cn_rules **out, cn_rules_diag_fn diag, void *diag_ctx,
                  cn_error *err);
void cn_rules_free(cn_rules *rules);

size_t cn_rules_count(const cn_rules *rules);
const cn_rule *cn_rules_at(const cn_rules *rules, size_t i);
/* cn_rules_at(rules, i)->kind for i < cn_rules_count, from a compact copy:
 * for loops over a text's matches that only sort them by kind. */
cn_rule_kind cn_rules_kind_at(const cn_rules *rules, size_t i);
/* The rule with this kind and id, or NULL. */
const cn_rule *cn_rules_find(const cn_rules *rules, cn_rule_kind kind, const char *id);
const cn_matcher *cn_rules_matcher(const cn_rules *rules);

/* Tokenize text the way patterns were compiled: cn_tokens_new, then the rule
 * set's aliases ("don't" -> "do not"), then any other "n't" split off as
 * "not". NULL when memory runs out. */
cn_tokens *cn_rules_tokenize(const cn_rules *rules, const char *text, size_t len);

/* The same tokens appended to out in one pass (each word normalized and
 * looked up once), their sentence and clause numbers starting at the given
 * ones. Returns 0, or -1 when memory runs out. */
int cn_rules_tokenize_into(const cn_rules *rules, cn_tokens *out, const char *text, size_t len,
                           unsigned sentence, unsigned clause);

/* A numeric setting ("none_threshold", ...), from a `setting` line or its
 * built-in default. Unknown names return 0. */
double cn_rules_setting(const cn_rules *rules, const char *name);

/* The classifier's settings by number, read per answer without a lookup by
 * name: the same values cn_rules_setting gives for their names (the first
 * entries of the settings table, in this order). */
typedef enum cn_setting_id {
    CN_SETTING_NONE_THRESHOLD,
    CN_SETTING_TITLE_WEIGHT,
    CN_SETTING_LAST_SENTENCE_WEIGHT,
    CN_SETTING_CONFLICT_RATIO,
    CN_SETTING_NEGATION_SCOPE,
    CN_SETTING_ADVICE_MARGIN,
    CN_SETTING_CAUTION_MARGIN,
    CN_SETTING_CONFIDENCE_PRIOR,
    CN_SETTING_CONFIDENCE_TEMPERATURE,
    CN_SETTING_CLAIM_MIN_TOPICS,
    CN_SETTING_WORDS_NEGATION,
    CN_SETTING_WORDS_PLACEHOLDER,
    CN_SETTING_WORDS_BIGRAMS,
    CN_SETTING_DECISION_OFFSET_CAUTIONARY,
    CN_SETTING_DECISION_OFFSET_CONTRAINDICATED,
    CN_SETTING_DECISION_OFFSET_NONE,
    CN_SETTING_WORDS_LEAD,
    CN_SETTING_ID_COUNT
} cn_setting_id;
double cn_rules_setting_at(const cn_rules *rules, cn_setting_id id);
/* True when the token hash (cn_token.hash) is a word of the class
 * question-stop (lexicon.rules): words of a question that are not its
 * content, so the decision model's word terms keep them (cn_lexical). */
bool cn_rules_question_stop(const cn_rules *rules, uint64_t hash);
/* The choice reader's word classes (cn_choice; classes choice-join ..
 * choice-stop of lexicon.rules), as bits: which of them the token hash is a
 * word of (0: none). */
enum {
    CN_CHOICE_JOIN = 1u << 0,     /* "or", "vs": joins two options */
    CN_CHOICE_ASK = 1u << 1,      /* "should", "which", "better": the sentence asks to choose */
    CN_CHOICE_LEAN = 1u << 2,     /* "want", "leaning", "suggested": the asker's lean */
    CN_CHOICE_ADVICE = 1u << 3,   /* "recommend", "prefer", "better": an answer's advice */
    CN_CHOICE_OVER = 1u << 4,     /* "rather", "instead", "than": the option before it wins */
    CN_CHOICE_NEGATION = 1u << 5, /* "not", "never" */
    CN_CHOICE_DEPENDS = 1u << 6,  /* "depends", "either", "both" */
    CN_CHOICE_STOP = 1u << 7,     /* not an option's word */
    CN_CHOICE_VERSUS = 1u << 8,   /* "vs", "versus": a join that needs no asking word */
};
unsigned cn_rules_choice_class(const cn_rules *rules, uint64_t hash);
/* Durations (cn_wait): the days of a unit word ("weeks": 7), the value of
 * a number word ("six": 6), from `duration` lines; false when the token hash
 * is none. Words of the classes duration-filler ("more", "full": between a
 * number and its unit) and duration-range ("to", "or": between the two ends
 * of a range). */
bool cn_rules_duration_unit(const cn_rules *rules, uint64_t hash, double *days);
bool cn_rules_duration_count(const cn_rules *rules, uint64_t hash, double *value);
bool cn_rules_duration_filler(const cn_rules *rules, uint64_t hash);
bool cn_rules_duration_range(const cn_rules *rules, uint64_t hash);
/* Words of the class duration-stop: a duration followed by one is no time
 * point or wait ("28 years old"). */
bool cn_rules_duration_stop(const cn_rules *rules, uint64_t hash);
/* True when the folder has `wait` rules of side=asker. */
bool cn_rules_has_asker_waits(const cn_rules *rules);
/* The name of a numbered setting ("none_threshold", ...), or NULL. */
const char *cn_rules_setting_name(cn_setting_id id);

/* Warnings of a folder that loaded: things that are valid but probably not
 * meant, such as a pattern that is already a pattern of another rule of the
 * same kind (the two match the same words, so one of them never counts).
 * Each is "FILE:LINE: message"; owned by the rules. */
size_t cn_rules_warning_count(const cn_rules *rules);
const char *cn_rules_warning(const cn_rules *rules, size_t i);

/* SHA-256 (hex) over the names and bytes of the folder's *.rules files, then
 * its *.txt files (the reader's specialties and page cues), each in name order. */
const char *cn_rules_sha256(const cn_rules *rules);

/* The learned decision's offsets for one answer (cn_model_input.offset):
 * the settings decision_offset_*, plus the `decision_offset qtype/TYPE ...`
 * line of the question type the classifier gave the answer's question (its
 * sure "qtype/TYPE" flag among flags[0..n_flags)); reassuring's is 0. Without
 * such lines, or for a question with no type, the settings alone. */
void cn_rules_decision_offsets(const cn_rules *rules, const char *const *flags, size_t n_flags,
                               double offset[CN_STANCE_COUNT]);

/* The classifier's confusion matrix ([true][predicted] counts, `confusion`
 * lines, rules/confusion.rules), or NULL when the rules have none. */
const double (*cn_rules_confusion(const cn_rules *rules))[CN_STANCE_COUNT];

/* Number of cue rules. */
size_t cn_rules_cues(const cn_rules *rules);

/* The decision model of the rule set (weight lines; inactive without them).
 * Owned by the rules; mutable so that `rules fit` can refit it in place. */
cn_model *cn_rules_model(const cn_rules *rules);
/* Whether a token of this rule set's tokenizer with cn_token.lexicon set
 * carries the model's word term of its word (cn_token.term): true once the
 * rules are loaded, until the model's terms change (`rules fit`). */
bool cn_rules_token_terms(const cn_rules *rules);
/* The question-type model (qtype lines; without any it has no labels and
 * types nothing). */
const cn_qtype *cn_rules_qtype(const cn_rules *rules);

/* Number of patterns compiled (all kinds). */
size_t cn_rules_patterns(const cn_rules *rules);

#endif
