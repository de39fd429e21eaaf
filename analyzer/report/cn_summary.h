/*
 * cn_summary: the one sentence a person reads first about a question or a
 * claim, worded from its consensus figures (cn_consensus_result), e.g.
 * "9 of 11 physicians advise against it (82%, 95% CI 52-95%): strong consensus."
 *
 * The wording stays honest about the degenerate cases: no answers, answers
 * that take no stance, a tie for the largest count, and too few stance-taking
 * answers to call a consensus. The interval quoted is Wilson's (the one that
 * keeps its coverage at small n without being conservative); percentages are
 * rounded to whole numbers.
 */
#ifndef CN_SUMMARY_H
#define CN_SUMMARY_H

#include "cn_consensus.h"
#include "cn_error.h"

/* How the stances read in the question's own terms. A claim, or a question
 * asking whether something may be done ("Can I fly?"), reads "advise against
 * it". A question asking whether something is needed ("Should I stop smoking
 * before surgery?", "Do I have to wear the garment?", judged as its own claim)
 * is answered yes by a contraindicated stance: "answer yes, it is needed";
 * "advise against it" would read as advice against stopping. */
typedef enum cn_summary_phrasing {
    CN_PHRASE_PRACTICE = 0,
    CN_PHRASE_RESTRICTION = 1,
} cn_summary_phrasing;

/* Word the figures in r, computed with opts (NULL = defaults; the confidence
 * level and min_answers appear in the text). *out gets a malloc'd sentence
 * ending in '.'. CN_OK, or CN_ERR_NOMEM. */
int cn_summary_sentence(const cn_consensus_result *r, const cn_consensus_opts *opts, char **out,
                        cn_error *err);

/* The same in the terms of a kind of question, and, for a practice, naming
 * it: about ("Botox while breastfeeding", from the claim's about="...") turns
 * "advise against it" into "advise against Botox while breastfeeding", "are
 * reassuring" into "are reassuring about ...", "advise caution" into "advise
 * caution about ..."; NULL keeps the short forms. */
int cn_summary_sentence_phrased(const cn_consensus_result *r, const cn_consensus_opts *opts,
                                cn_summary_phrasing phrasing, const char *about, char **out,
                                cn_error *err);

/* What a physician with this stance does, as a verb phrase for one physician
 * (singular) or several: "is reassuring" / "are reassuring", "advises caution",
 * "advises against it"; "takes no stance" for none. Static text. */
const char *cn_summary_verb(cn_stance stance, int plural);

/* The verb phrase in the terms of a kind of question: for a restriction,
 * "answer yes, it is needed" and "answer no, it is not needed". */
const char *cn_summary_verb_phrased(cn_stance stance, int plural, cn_summary_phrasing phrasing);

#endif
