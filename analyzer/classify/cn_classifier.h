/*
 * cn_classifier: the stance of one answer toward one claim, with the
 * evidence behind it.
 *
 * One pass of the rule set's matcher over the answer's title and body finds
 * stance cues and modifiers; each cue's weight is then adjusted by the
 * modifiers around it (negation flips it, hedges weaken or shift it,
 * intensifiers and first-person experience strengthen it, contrast moves
 * weight to the clause after "but", conditionals weaken it, boilerplate voids
 * it), the weights are summed per stance, and the decision rules of
 * STANCE-GUIDE.md pick the label: advice against wins over caveats, thin
 * evidence is `none`. Every cue and modifier that took part is kept as
 * evidence with its byte span, so an editor can see why.
 */
#ifndef CN_CLASSIFIER_H
#define CN_CLASSIFIER_H

#include "cn_choice.h"
#include "cn_error.h"
#include "cn_rules.h"
#include "cn_stance.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Effects applied to a cue, as bit flags on its evidence. */
enum {
    CN_EV_NEGATED = 1 << 0,
    CN_EV_HEDGED = 1 << 1,
    CN_EV_INTENSIFIED = 1 << 2,
    CN_EV_CONTRAST_BEFORE = 1 << 3, /* in the clause a contrast weakens */
    CN_EV_CONTRAST_AFTER = 1 << 4,  /* in the clause a contrast strengthens */
    CN_EV_EXPERIENCE = 1 << 5,
    CN_EV_HYPOTHETICAL = 1 << 6,
    CN_EV_BOILERPLATE = 1 << 7, /* voided by boilerplate */
    CN_EV_LAST_SENTENCE = 1 << 8,
    CN_EV_SHIFTED = 1 << 9, /* a hedge moved its stance */
};

typedef struct cn_evidence {
    const cn_rule *rule; /* borrowed from the cn_rules */
    bool in_title;       /* span is in the title, not the body */
    size_t start, end;   /* byte span in the title or body */
    cn_stance stance;    /* cues: the stance it counted for (after negation/shift) */
    double weight;       /* cues: the weight it counted with (0 when voided) */
    unsigned flags;      /* CN_EV_* */
} cn_evidence;

typedef struct cn_decision {
    cn_stance stance;
    double confidence;              /* 0..1 */
    double scores[CN_STANCE_COUNT]; /* summed cue weight per stance (none unused) */
    bool conflicting;               /* the runner-up is close to the winner */
    const char *reason;             /* one-line path to the decision (static text) */
    const char *deciding_feature;   /* learned decision: the feature that weighed most for
                                     * the label (borrowed from the rules); else NULL */
    cn_evidence *evidence;          /* cues then modifiers, by position */
    size_t n_evidence;
    /* STANCE-GUIDE rule 15 (cn_wait): the longest wait the answer advises
     * and the asker's time point, in days (0: none) */
    double wait_days, asker_days;
    /* setting choice_questions, a choice question's answer (cn_choice):
     * which option it recommends, with the sentence's span; all 0 else */
    cn_choice_reading choice;
    double *features; /* keep_features: the decision model's input (cn_model_vector) */
    size_t work;      /* steps of work counted (tokens, hits looked at): grows linearly
                         with the answer's length whatever its content (tested) */
    size_t n_features;
    /* learned decision: each label's probability after confidence_temperature
     * (confidence is the label's); all 0 for the hand-written decision */
    double probability[CN_STANCE_COUNT];
    /* keep_features: the answer's word terms (cn_lexical), as often as they
     * occur: hashes, and their texts one after another, each NUL-terminated */
    uint64_t *term_hash;
    char *term_text;
    size_t n_terms;
} cn_decision;

/* Free the evidence array of a decision (not the struct itself). */
void cn_decision_clear(cn_decision *d);

/* Which entries of the decision model's vocabulary a classification's word
 * terms found, kept by a caller that classifies answer after answer (an
 * annotator, one per thread): an entry is found when its stamp is the
 * call's own, so finding a term costs a load and a store, and nothing is
 * cleared between calls. {0} is empty; the classifier sizes it on first use;
 * cn_term_seen_clear frees it. Without one, a call keeps a small hash set of
 * its own (the same terms found, in the same order). */
typedef struct cn_term_seen {
    uint32_t *stamp; /* per vocabulary entry: the stamp of the last call that found it */
    size_t n;        /* entries of stamp */
    uint32_t now;    /* the current call's stamp */
} cn_term_seen;

void cn_term_seen_clear(cn_term_seen *seen);

/* What to classify: the title may be NULL. `related` marks a
 * related-question excerpt: it takes `none` (evidence is still collected).
 * `topics` (may be NULL): classify only sentences that match a topic pattern
 * of this claim rule (for secondary claims); NULL uses the whole answer. */
typedef struct cn_doc cn_doc;

typedef struct cn_classify_input {
    const char *title;
    const char *text;
    /* The answer's title and text already tokenized and matched (cn_doc), or
     * NULL to have title and text tokenized for this call. body_only: judge
     * the body alone (secondary claims), with the doc of title and body. */
    const cn_doc *doc;
    bool body_only;
    bool keep_features; /* fill the decision's features (for `rules fit`) */
    bool related;
    const cn_rule *topic_claim;
    const char *question_type;         /* "permission", "harm"... or NULL when unknown */
    bool title_only;                   /* the page was cut after the answer's title: no stance */
    const char *const *question_flags; /* flags of the question ("timepoint") */
    size_t n_question_flags;
    /* token hashes of the question's content words (its words outside the
     * class question-stop): the decision model's word terms read them "<q>" */
    const uint64_t *question_words;
    size_t n_question_words;
    /* the question's own terms ("?WORD", setting question_terms, cn_annotate):
     * every answer of the question carries them as word terms besides its
     * own; hashes (cn_hash_bytes of the text), and the texts one after
     * another, each NUL-terminated (NULL: only the hashes, enough unless
     * keep_features) */
    const uint64_t *question_terms;
    const char *question_term_text;
    size_t n_question_terms;
    /* the asker's time point in days (cn_wait_asker_days; 0: the question
     * names none), weighed against the answer's advised wait */
    double asker_days;
    /* the question's options (setting choice_questions, cn_choice; NULL or
     * fewer than two options: no choice question): the answer's reading of
     * them becomes word terms ~choice, ~choice-claim, ... */
    const cn_choice *choice;
    cn_term_seen *seen; /* the caller's scratch for the word terms, or NULL */
} cn_classify_input;

/* Classify. Fills *out (clear it with cn_decision_clear). CN_OK or CN_ERR_NOMEM. */
int cn_classify_answer(const cn_rules *rules, const cn_classify_input *in, cn_decision *out,
                       cn_error *err);

#endif
