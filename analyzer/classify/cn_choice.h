/*
 * cn_choice: choice questions ("over or under the muscle?", "saline vs
 * silicone?") and which of their options an answer recommends (issue 9).
 *
 * The labelling convention (tests/real/tools/helpers/label_prompt.md): a
 * choice question's primary claim is the option the asker leans to or their
 * surgeon proposed, else the first option named; an answer that recommends
 * another option is contraindicated for it, one that recommends the claimed
 * option reassuring. The classifier's cues ("I recommend", "better") read as
 * reassuring whatever option they point at; this reader says which one.
 *
 * The question: the title's sentences, then the body's sentences that end
 * with "?", the first with a clean split: OPTION join OPTION [join OPTION]
 * (a join: class choice-join, "or", "vs"; an option: one to three words
 * outside the classes question-stop and choice-stop, the word next to the
 * join its key; "A, B or C" takes A too). A sentence with no word of class
 * choice-ask ("should", "which", "better") whose join is not "vs"/"versus"
 * and whose first option does not open it ("is it swelling or fat?", "can I
 * swim or bathe?") is no choice. The claim: an option whose key follows,
 * within six words of the same sentence, a word of class choice-lean ("I
 * want", "my surgeon suggested") outside the options' own span, when only
 * one option does; else the first option.
 *
 * An answer: each sentence holding a word of class choice-advice
 * ("recommend", "prefer", "better") or choice-over ("rather", "instead",
 * "than"; not an option's own key) is read for the options' keys it names
 * (a plural "s" either way). One option named: it is recommended, or with a
 * choice-negation word in the sentence the other of two is. Two named with a
 * choice-over word between them: the first. Otherwise, or with a word of
 * class choice-depends, the sentence weighs both. Every word is a class of
 * the rules (rules/lexicon.rules); nothing here is a word list.
 */
#ifndef CN_CHOICE_H
#define CN_CHOICE_H

#include "cn_rules.h"
#include "cn_tokens.h"

#include <stdbool.h>
#include <stddef.h>

#define CN_CHOICE_MAX 4    /* options read from one question */
#define CN_CHOICE_KEY 40   /* bytes of an option's key word, NUL included */
#define CN_CHOICE_SHOWN 80 /* bytes of an option's words as shown */

typedef struct cn_choice {
    size_t n;     /* options; 0 or 1: not a choice question */
    size_t claim; /* the claimed option's index */
    bool leaned;  /* the claim is the asker's lean, not the first option */
    char key[CN_CHOICE_MAX][CN_CHOICE_KEY];
    size_t key_len[CN_CHOICE_MAX];
    char shown[CN_CHOICE_MAX][CN_CHOICE_SHOWN]; /* the option's words, space-separated */
} cn_choice;

/* The choice of a question: title (its tokens and text; either may be NULL)
 * first, then the body's question sentences (tokens and text). *out gets
 * n < 2 when the question is no choice. */
void cn_choice_question(const cn_rules *rules, const cn_tokens *title, const char *title_text,
                        const cn_tokens *body, const char *body_text, cn_choice *out);

typedef struct cn_choice_reading {
    size_t claim, other, both; /* sentences recommending the claim, another option, both */
    /* the first sentence that recommends one option: its tokens' byte span
     * (in the answer's title when in_title) and the option's index; n_found
     * 0: none */
    size_t start, end, option;
    bool in_title;
    size_t n_found;
} cn_choice_reading;

/* Which option the answer's tokens items[from .. n) recommend (the first
 * n_title of them the answer's title). One pass over the tokens. */
void cn_choice_answer(const cn_rules *rules, const cn_choice *choice, const cn_token *items,
                      size_t from, size_t n, size_t n_title, cn_choice_reading *out);

/* The word terms of a reading ("~choice", and one of "~choice-claim",
 * "~choice-other", "~choice-both"), NULL-terminated, into terms[0..4]. */
size_t cn_choice_terms(const cn_choice_reading *r, const char *terms[4]);

/* The reason a person reads: "recommends full over the asked mini" (or
 * "recommends the asked mini", "weighs the options"), into buf. */
void cn_choice_reason(const cn_choice *choice, const cn_choice_reading *r, char *buf, size_t size);

#endif
