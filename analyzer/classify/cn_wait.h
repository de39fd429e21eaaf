/*
 * cn_wait: durations next to `wait` phrases, in days (STANCE-GUIDE rule 15).
 * A "how soon can I ..." answer is judged at the point in time the asker is
 * at or proposes: "no exercise for one month" advises against it to an asker
 * one week out, and "after 4 weeks you can" lets an asker at six weeks go
 * ahead. The question gives the asker's time point ("3 weeks post op", "it
 * has been 10 days", "after the first 5-7 days"), the answer its advised wait
 * ("wait 6 weeks", "no X for 6 weeks", "until 3 months").
 *
 * The phrases are `wait` rules (side=asker or side=answer; at=before when the
 * phrase comes right before the duration, at=after when it follows it), found
 * by the rule set's one matcher with every other pattern; the duration next
 * to a phrase is read from the same tokens: a number (digits, or a number
 * word of a `duration ID count=N` line), optionally a range ("5-7", "2 to
 * 3": its upper end), filler words (class duration-filler: "more", "full",
 * "of"), then a unit (`duration ID days=N`: "weeks" 7). Nothing here is a
 * word list: units, number words and phrases all live in rules/claims.rules.
 */
#ifndef CN_WAIT_H
#define CN_WAIT_H

#include "cn_doc.h"
#include "cn_rules.h"
#include "cn_tokens.h"

#include <stdbool.h>
#include <stddef.h>

/* The duration a `wait` rule's match over tokens [first, last] names, in
 * days (a range: its upper end); *span_first and *span_last get the tokens
 * of phrase and duration together. False when no duration sits next to the
 * phrase. items: the text's n tokens. */
bool cn_wait_duration(const cn_rules *rules, const cn_rule *rule, const cn_token *items, size_t n,
                      size_t first, size_t last, double *days, size_t *span_first,
                      size_t *span_last);

/* The asker's time point in a question's docs (title and body, either may
 * be NULL): the longest duration of any side=asker phrase, in days, or 0
 * when there is none. The longest, since an asker who says where they are
 * and also when they plan to go ("I am 10 days out, can I fly at 3 weeks?")
 * asks about the later point, and a range's upper end for the same reason:
 * a wait beyond it is beyond every point the asker named. Rounded to a
 * float's precision, which cn_batch keeps per question. */
double cn_wait_asker_days(const cn_rules *rules, const cn_doc *title, const cn_doc *body);

#endif
