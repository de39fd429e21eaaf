/*
 * cn_pagecues: everything the page parsers know about physician Q&A pages,
 * loaded from the rules folder: the specialty taxonomy (specialties.txt) and
 * page-cues.txt (credentials, sign-off valedictions, widget lines, the closing
 * disclaimer, words that never start a city, name particles, and the reader's
 * limits). Read-only once loaded; the parsers borrow it.
 */
#ifndef CN_PAGECUES_H
#define CN_PAGECUES_H

#include "cn_error.h"
#include "cn_taxonomy.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct cn_pagecues cn_pagecues;

/* The [limits] section; the first six keys are required. */
typedef struct cn_pagecues_limits {
    size_t title_max_bytes;    /* an answer title is one line this short ... */
    size_t title_max_words;    /* ... with at most this many words */
    size_t dedup_min_key;      /* shorter answers de-duplicate within their question only */
    size_t excerpt_min_key;    /* excerpts this long are matched by prefix */
    size_t excerpt_prefix_max; /* key bytes kept per answer for prefix matching */
    size_t max_page_bytes;     /* larger files (JSON Lines: lines) are rejected */
    /* Optional (defaults in parentheses): pages without "Doctor Answers" */
    size_t answer_line_words;        /* a line this long is a sentence, not a heading (8) */
    size_t bare_prose_words;         /* some answer line this long, or no Q&A page (12) */
    size_t title_exclaim_words;      /* a title may end in '!' from this many words (5) */
    size_t question_body_paragraphs; /* asker's paragraphs after the title, at most (4) */
    size_t restated_title_words;     /* subject words a title ending in '.' restates (3) */
    size_t restated_start_words;     /* ... where an answer starts (2) */
    size_t period_title_words;       /* ... in at most this many words (12) */
    size_t restated_opening_words;   /* words an answer's opening restates from the one above (3) */
    size_t greeting_name_words;      /* words after an opener in a greeting alone on its line (2) */
    size_t votes_lead_ratio;         /* vote lines head the answers: this many times more (2) */
    size_t closing_sentence_words;   /* a [closing-sentences] sentence has at most these (10) */
    size_t question_scrap_bytes;     /* the question printed again at the end, at least (24) */
    size_t short_title_words;        /* a '.' title on a titled bare page, at most (8) */
    size_t colon_lead_words;         /* a line ending in ':' announces the next from (3) */
    size_t asked_doctors_words;      /* a question put to the doctors, at most (8) */
    /* From settings.rules (cn_pagecues_load; absent: the default): bytes the
     * de-duplication index may hold in memory before its bulky parts go to
     * disk, setting dedup_memory_mib in MiB; 0: never. */
    size_t dedup_memory_bytes;
} cn_pagecues_limits;

/* dedup_memory_mib when settings.rules does not set it. */
#define CN_PAGECUES_DEDUP_MEMORY_MIB 40

/* Load DIR/specialties.txt and DIR/page-cues.txt, and the reader's one
 * setting, dedup_memory_mib, from DIR/settings.rules when it is there (the
 * classifier's rule set checks the file as a whole). */
int cn_pagecues_load(const char *rules_dir, cn_pagecues **out, cn_error *err);

/* Build from page-cues text in memory and an already loaded taxonomy, which the
 * result takes over (also on failure). origin names the text in errors. */
int cn_pagecues_parse(const char *text, size_t len, const char *origin, cn_taxonomy *taxonomy,
                      cn_pagecues **out, cn_error *err);

void cn_pagecues_free(cn_pagecues *cues);

const cn_taxonomy *cn_pagecues_taxonomy(const cn_pagecues *cues);
const cn_pagecues_limits *cn_pagecues_get_limits(const cn_pagecues *cues);

/* tok[0..len) is a credential ("MD", "M.D.", "FACS"); compared exactly once
 * dots are removed. */
bool cn_pagecues_is_credential(const cn_pagecues *cues, const char *tok, size_t len);

/* s[0..len) is a valediction ("Best", "Best regards"), ignoring case. */
bool cn_pagecues_is_valediction(const cn_pagecues *cues, const char *s, size_t len);

/* line[0..len) starts with a valediction at a word boundary ("Good luck
 * with your surgery!"). */
bool cn_pagecues_starts_valediction(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is page furniture ("You might also like..."). */
bool cn_pagecues_is_widget(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is a line a site prints at the top of its pages (its name, a
 * log-in invitation, a notice that it has moved): a [site-headers] entry,
 * matched as [widgets] ones are. It is never the question's title. */
bool cn_pagecues_is_site_header(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) starts the closing disclaimer. */
bool cn_pagecues_is_disclaimer(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is the start of a closing disclaimer cut by the page's end
 * ("These answers are for ed"): at least two words' worth of one. */
bool cn_pagecues_is_cut_disclaimer(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is the start of a widget line cut by the page's end ("You
 * might als"): two words' worth of a [widgets] entry, not all of it. */
bool cn_pagecues_is_cut_widget(const cn_pagecues *cues, const char *line, size_t len);

/* word[0..len) can not be part of a city ("Board", "your"). */
bool cn_pagecues_is_city_stopword(const cn_pagecues *cues, const char *word, size_t len);

/* line[0..len) goes on from the paragraph above it ("Therefore, ...",
 * "And also, ..."): words of [continuations] open it. */
bool cn_pagecues_is_continuation(const cn_pagecues *cues, const char *line, size_t len);

/* s[0..len), a paragraph's last sentence, closes an answer ("Good luck with
 * your recovery.", "I hope this was helpful to you."): words of
 * [closing-sentences] open it. */
bool cn_pagecues_is_closing_sentence(const cn_pagecues *cues, const char *s, size_t len);

/* line[0..len) is a site's line printed between two answers ("Have a
 * question? Ask a doctor"): an [answer-breaks] entry, trailing punctuation
 * ignored. The paragraph under it starts an answer. */
bool cn_pagecues_is_answer_break(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is a line a site prints right under the asker's question
 * ("Tags:woman age 25-34 ..."): it opens with a [question-ends] prefix. */
bool cn_pagecues_ends_question(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) opens as the asker asks ("What are the risks of ...", "Can I
 * ..."): words of [question-openers] open it. */
bool cn_pagecues_is_question_opener(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) opens a new answer ("Thank you for your question", "Hi"). */
bool cn_pagecues_is_opener(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) opens a reply to another physician's answer ("I agree with
 * Dr. Lee", "As Dr Lee explained"): a [reply-openers] prefix. */
bool cn_pagecues_is_reply_opener(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) opens a page's answers: it matches an [answer-markers]
 * pattern ("Doctor Answers (6)", "12 Doctor Answers | Asked by ...").
 * *count (if not NULL) gets the count the pattern's last '%' matched, -1
 * without one. */
bool cn_pagecues_answers_marker(const cn_pagecues *cues, const char *line, size_t len, long *count);

/* line[0..len), the line that opens a page's answers, matches an
 * [untitled-markers] pattern ("Doctor's Answers 3"): the page's site prints
 * no titles above its answers. */
bool cn_pagecues_untitled_marker(const cn_pagecues *cues, const char *line, size_t len);

/* line[0..len) is a line a site prints above an answer, naming who answers
 * ("Jane Roe, MD, Neurology, answered", "1. DrRoe wrote on :"): an
 * [answer-headers] pattern, matched as [answer-markers] ones are, where a
 * '*' first also matches any head of the line. The answer starts under it. */
bool cn_pagecues_is_answer_header(const cn_pagecues *cues, const char *line, size_t len);

/* How many words of [answer-openers] open line[0..len) (the longest entry
 * that does); 0 when none does. */
size_t cn_pagecues_opener_words(const cn_pagecues *cues, const char *line, size_t len);

/* The length of line[0..len) without a trailing link a site prints after a
 * physician's name ("Jane Roe, MD - View Other Answers by this Doctor");
 * len when it has none. */
size_t cn_pagecues_strip_name_suffix(const cn_pagecues *cues, const char *line, size_t len);

/* The line's last word is one no finished title or sentence ends with ("to",
 * "the"): a line cut at the page's end there is prose, not a title. */
bool cn_pagecues_ends_unfinished(const cn_pagecues *cues, const char *line, size_t len);

/* word[0..len) is a [self-words] entry ("I"): a speaker about themself, the
 * asker or a physician ("I would wait"). */
bool cn_pagecues_is_self_word(const cn_pagecues *cues, const char *word, size_t len);

/* word[0..len) is an [honorifics] entry ("Dr", "Mrs"): the dot after it ends
 * no sentence ("Best of luck. Dr. Kerr"). */
bool cn_pagecues_is_honorific(const cn_pagecues *cues, const char *word, size_t len);

/* The voice of word[0..len), followed by next[0..next_len) (the line's next
 * word; next_len 0 when none): 1 the asker's ("my"), -1 an answerer's,
 * addressing the asker ("you", "your") or speaking of their work ("my" of
 * "my patients", a phrase of [practice-phrases]), 0 neither. */
int cn_pagecues_voice(const cn_pagecues *cues, const char *word, size_t len, const char *next,
                      size_t next_len);

/* line[0..len) is a date alone ("December 21, 2009", "21 Dec 2009"), maybe
 * after a lead from [date-leads] ("Published on Jul 11, 2012"): dated pages
 * print one above or below each answer. Months come from [months]. */
bool cn_pagecues_is_date_line(const cn_pagecues *cues, const char *line, size_t len);

/* The length of a site's label that opens line[0..len) ("Answer: "), spaces
 * after it included; 0 when none from [answer-labels] does. */
size_t cn_pagecues_answer_label(const cn_pagecues *cues, const char *line, size_t len);

/* word[0..len) is too common to show that a line restates the question
 * ("after", "with"), ignoring case. */
bool cn_pagecues_is_common_word(const cn_pagecues *cues, const char *word, size_t len);

/* word[0..len) is a word a title in Title Case leaves in lower case ("of",
 * "and"), ignoring case. */
bool cn_pagecues_is_title_small_word(const cn_pagecues *cues, const char *word, size_t len);

/* word[0..len), without its dot, is an abbreviation whose dot ends no
 * sentence ("vs" of "Dynamic vs. Static Wrinkles"), ignoring case. */
bool cn_pagecues_is_abbreviation(const cn_pagecues *cues, const char *word, size_t len);

/* word[0..len) is a lower-case particle allowed inside names and cities. */
bool cn_pagecues_is_particle(const cn_pagecues *cues, const char *word, size_t len);

/* On a page printed one answer a line, line[0..len) is no answer of its own
 * but part of the one on the line above[0..alen): it ends that line's cut
 * sentence ("... as sources" / "of transient ischemia."), the line above
 * announces it (a sentence ending in ':'), or the line above only greets
 * ("Hi there!") and this line holds the answer it opens. */
bool cn_pagecues_line_goes_on(const cn_pagecues *cues, const char *above, size_t alen,
                              const char *line, size_t len);

#endif
