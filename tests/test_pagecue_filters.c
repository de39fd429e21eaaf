/*
 * test_pagecue_filters: the shortcuts that turn a line away before it is
 * normalized (first bytes of cue entries, widget ends, a valediction's first
 * three bytes, a specialty's last word, a shorter normalized head) give the
 * answers the full lookups give: on case, white space (ASCII and Unicode),
 * trailing punctuation, and a multi-byte character where the shorter head
 * would be cut. Expected values follow from rules/page-cues.txt and
 * rules/specialties.txt as committed. The sign-off, header and widget cases
 * pin what the shortcuts that read a line from its ends must keep.
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

#include "cn_lines.h"
#include "cn_signature.h"
#include "cn_taxonomy.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static cn_pagecues *g_cues;

#define DISC "These answers are for educational purposes"
#define EM_SPACE "\xE2\x80\x83"
#define ELLIPSIS "\xE2\x80\xA6"

static bool disclaimer(const char *s)
{
    return cn_pagecues_is_disclaimer(g_cues, s, strlen(s));
}

/* A line of n bytes: head, then filler words, with the filler's byte at
 * offset `at` replaced by the multi-byte character mb (when mb is not NULL). */
static char *long_line(const char *head, size_t n, size_t at, const char *mb)
{
    char *s = malloc(n + 8);
    size_t h = strlen(head);
    memcpy(s, head, h);
    for (size_t i = h; i < n; i++)
        s[i] = (i % 6 == 5) ? ' ' : 'x';
    if (mb && at + strlen(mb) <= n)
        memcpy(s + at, mb, strlen(mb));
    s[n] = '\0';
    return s;
}

static void test_disclaimer_heads(void)
{
    CU_ASSERT_TRUE(disclaimer(DISC));
    CU_ASSERT_TRUE(disclaimer("THESE ANSWERS ARE FOR EDUCATIONAL PURPOSES ONLY."));
    CU_ASSERT_TRUE(disclaimer("   These  answers are\tfor educational purposes"));
    CU_ASSERT_TRUE(disclaimer("These answers are for" EM_SPACE "educational purposes"));
    CU_ASSERT_FALSE(disclaimer("Thesis answers are for educational purposes"));
    CU_ASSERT_FALSE(disclaimer("These answers are for educational"));
    CU_ASSERT_FALSE(disclaimer("Zebra crossings are for educational purposes"));
    /* Long lines: a multi-byte character (or a space) at every offset around
     * where a shorter head would be cut must not change the answer. */
    for (size_t at = strlen(DISC) + 1; at < 120; at++) {
        const char *mbs[] = {EM_SPACE, ELLIPSIS, "\xC3\xA9", "\xF0\x9F\x98\x80", " ", NULL};
        for (size_t k = 0; k < sizeof mbs / sizeof mbs[0]; k++) {
            char *yes = long_line(DISC " ", 400, at, mbs[k]);
            char *no = long_line("These answers are for education ", 400, at, mbs[k]);
            CU_ASSERT_TRUE(disclaimer(yes));
            CU_ASSERT_FALSE(disclaimer(no));
            free(yes);
            free(no);
        }
    }
    /* Every entry, the longest (52 bytes) too, followed by a character that
     * folds to a space: a head cut inside that character would read a
     * letter glued to the entry. */
    const char *entries[] = {"This answer is for educational purposes",
                             "These answers are for educational purposes",
                             "The information provided is for educational purposes"};
    const char *after[] = {EM_SPACE, "\xC2\xA0", "\xE2\x80\x94", ELLIPSIS};
    for (size_t e = 0; e < sizeof entries / sizeof entries[0]; e++)
        for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
            char head[128];
            snprintf(head, sizeof head, "%s%smore", entries[e], after[k]);
            char *line = long_line(head, 300, 0, NULL);
            CU_ASSERT_TRUE(disclaimer(line));
            free(line);
        }
    /* a letter glued to the entry's last word: no prefix at a word's end */
    char *glued = long_line(DISC " ", 400, strlen(DISC), "\xC3\xA9");
    CU_ASSERT_FALSE(disclaimer(glued));
    free(glued);
    /* the head ends inside the entry: the full head decides */
    char *cut = long_line("These answers are for educational" EM_SPACE "purposes ", 300, 0, NULL);
    CU_ASSERT_TRUE(disclaimer(cut));
    free(cut);
}

static bool valediction(const char *s)
{
    return cn_pagecues_is_valediction(g_cues, s, strlen(s));
}

static void test_valedictions(void)
{
    CU_ASSERT_TRUE(valediction("Best regards,"));
    CU_ASSERT_TRUE(valediction("BEST  REGARDS"));
    CU_ASSERT_TRUE(valediction("  Kind" EM_SPACE "regards."));
    CU_ASSERT_TRUE(valediction("I hope this helps!"));
    CU_ASSERT_TRUE(valediction("I  hope this helps"));
    CU_ASSERT_TRUE(valediction("Thanks"));
    CU_ASSERT_TRUE(valediction("Best"));
    CU_ASSERT_FALSE(valediction("Thinking of you"));
    CU_ASSERT_FALSE(valediction("Bestow"));
    CU_ASSERT_FALSE(valediction("It helps"));
    CU_ASSERT_FALSE(valediction("B.est"));
    CU_ASSERT_TRUE(cn_pagecues_starts_valediction(g_cues, "Good luck with your surgery!", 28));
    CU_ASSERT_FALSE(cn_pagecues_starts_valediction(g_cues, "Goodness, no.", 13));
}

static bool widget(const char *s)
{
    return cn_pagecues_is_widget(g_cues, s, strlen(s));
}

static void test_widget_ends(void)
{
    CU_ASSERT_TRUE(widget("Share"));
    CU_ASSERT_TRUE(widget("  REPORT.  "));
    CU_ASSERT_TRUE(widget("Read more..."));
    CU_ASSERT_TRUE(widget("Read more" ELLIPSIS));
    CU_ASSERT_TRUE(widget("12 people found this helpful"));
    CU_ASSERT_TRUE(widget("3 found this answer helpful!"));
    CU_ASSERT_TRUE(widget("Get updated with beauty resources and more"));
    CU_ASSERT_FALSE(widget("Share this with your surgeon"));
    CU_ASSERT_FALSE(widget("Nobody found this helpful at all"));
    CU_ASSERT_FALSE(widget("Helpfulness matters"));
    CU_ASSERT_FALSE(widget(""));
    CU_ASSERT_FALSE(widget("..."));
}

static void test_word_lists(void)
{
    CU_ASSERT_TRUE(cn_pagecues_is_credential(g_cues, "M.D.", 4));
    CU_ASSERT_TRUE(cn_pagecues_is_credential(g_cues, "FACS", 4));
    CU_ASSERT_FALSE(cn_pagecues_is_credential(g_cues, "md", 2));
    CU_ASSERT_TRUE(cn_pagecues_is_particle(g_cues, "van", 3));
    CU_ASSERT_TRUE(cn_pagecues_is_particle(g_cues, "Van", 3));
    CU_ASSERT_FALSE(cn_pagecues_is_particle(g_cues, "vanity", 6));
    const char *line = "Jane Roe, MD - View all answers by this doctor";
    CU_ASSERT_EQUAL(cn_pagecues_strip_name_suffix(g_cues, line, strlen(line)), 12);
    line = "Jane Roe, MD -  VIEW ALL ANSWERS BY THIS DOCTOR.";
    CU_ASSERT_EQUAL(cn_pagecues_strip_name_suffix(g_cues, line, strlen(line)), 12);
    line = "Jane Roe, MD - Boston";
    CU_ASSERT_EQUAL(cn_pagecues_strip_name_suffix(g_cues, line, strlen(line)), strlen(line));
    CU_ASSERT_TRUE(cn_pagecues_is_honorific(g_cues, "Dr", 2));
    CU_ASSERT_TRUE(cn_pagecues_is_honorific(g_cues, "MRS", 3));
    CU_ASSERT_FALSE(cn_pagecues_is_honorific(g_cues, "Drs", 3));
    CU_ASSERT_FALSE(cn_pagecues_is_honorific(g_cues, "D", 1));
}

static void test_specialty_last_word(void)
{
    const cn_taxonomy *t = cn_pagecues_taxonomy(g_cues);
    size_t city = 99;
    const char *spec = NULL;
    const char *line = "Beverly Hills Plastic" EM_SPACE "SURGEON";
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_STRING_EQUAL(spec, "Plastic Surgeon");
    CU_ASSERT_EQUAL(city, 13);
    line = "Boston, MA Dermatologist  ";
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_EQUAL(city, 10);
    line = "See a plastic surgeon.";
    CU_ASSERT_FALSE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    line = "Plastic surgeons";
    CU_ASSERT_FALSE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    /* longer than the stack buffer the last word is looked up in */
    char *longer = long_line("", 300, 0, NULL);
    strcpy(longer + 300 - strlen(" Plastic Surgeon"), " Plastic Surgeon");
    CU_ASSERT_TRUE(cn_taxonomy_split(t, longer, strlen(longer), &city, &spec));
    free(longer);
}

static void test_words_and_tokens(void)
{
    const char *s = "a" EM_SPACE "b  c\xC2\xA0"
                    "d \xC3\xA9t\xC3\xA9\t";
    CU_ASSERT_EQUAL(cn_span_words(s, strlen(s)), 5);
    CU_ASSERT_EQUAL(cn_span_words("", 0), 0);
    CU_ASSERT_EQUAL(cn_span_words("   ", 3), 0);
    /* ASCII runs are counted eight bytes at a time: words that cross the
     * 8-byte steps, tabs, vertical tabs and form feeds, control bytes that
     * are no space (0x08, 0x0E, 0x1F count as word bytes), then a tail. */
    CU_ASSERT_EQUAL(cn_span_words("abcdefghijklmnop", 16), 1);
    CU_ASSERT_EQUAL(cn_span_words("abcdefg hijklmno p", 18), 3);
    CU_ASSERT_EQUAL(cn_span_words("a\tb\vc\fd\re\nf g  h", 16), 8);
    CU_ASSERT_EQUAL(cn_span_words("\x08\x0E\x1F\x7F    x       y", 17), 3);
    CU_ASSERT_EQUAL(cn_span_words("        ", 8), 0);
    CU_ASSERT_EQUAL(cn_span_words("       a", 8), 1);
    CU_ASSERT_EQUAL(cn_span_words("a       b       c\xC2\xA0"
                                  "d",
                                  20),
                    4);
    /* counted up to a cap: the count, or the cap when there are more */
    const char *long_line = "one two three four five six seven eight nine ten eleven twelve";
    for (size_t len = 0; len <= strlen(long_line); len++)
        for (size_t cap = 0; cap < 16; cap++) {
            size_t all = cn_span_words(long_line, len);
            CU_ASSERT_EQUAL(cn_span_words_upto(long_line, len, cap), all < cap ? all : cap);
        }
    s = "Ã©tÃ© a b c d e f g h i j";
    CU_ASSERT_EQUAL(cn_span_words_upto(s, strlen(s), 3), 3);
    CU_ASSERT_EQUAL(cn_span_words_upto(s, strlen(s), 20), 11);
    CU_ASSERT_EQUAL(cn_span_words_upto(s, strlen(s), SIZE_MAX), 11);
    cn_sigline l;
    s = "Jane" EM_SPACE "Roe, MD";
    CU_ASSERT_EQUAL(cn_signature_classify(g_cues, s, strlen(s), &l), CN_SIGLINE_NAME);
    CU_ASSERT_EQUAL(l.name_core, strlen("Jane" EM_SPACE "Roe"));
    s = "4.8 out of 5 stars (1,024 reviews)";
    CU_ASSERT_EQUAL(cn_signature_classify(g_cues, s, strlen(s), &l), CN_SIGLINE_RATING);
    CU_ASSERT_EQUAL(l.reviews, 1024);
    s = "Best regards, Dr. Jane Roe";
    CU_ASSERT_TRUE(cn_signature_is_signoff(g_cues, s, strlen(s), NULL, 0));
    s = "Best of all, the swelling goes down";
    CU_ASSERT_FALSE(cn_signature_is_signoff(g_cues, s, strlen(s), NULL, 0));
}

/* The opener a line starts with, in words: the entries' first eight bytes are
 * compared as one word, the rest byte by byte (entries of 2, 4, 5, 9, 12 and
 * 27 bytes of the shipped [answer-openers]), and a match must end a word. */
static size_t opener(const char *s)
{
    return cn_pagecues_opener_words(g_cues, s, strlen(s));
}

static void test_opener_words(void)
{
    CU_ASSERT_EQUAL(opener("Hi Jen, thanks for writing"), 1);
    CU_ASSERT_EQUAL(opener("Hidden scars are rare"), 0);
    CU_ASSERT_EQUAL(opener("DEAR friend"), 1);
    CU_ASSERT_EQUAL(opener("Hello"), 1);
    CU_ASSERT_EQUAL(opener("Greetings, and welcome"), 1);
    CU_ASSERT_EQUAL(opener("Greetingsx"), 0);
    CU_ASSERT_EQUAL(opener("Greeting"), 0);
    CU_ASSERT_EQUAL(opener("Good  morning Mrs Lee"), 2);
    CU_ASSERT_EQUAL(opener("Good mornings"), 0);
    CU_ASSERT_EQUAL(opener("Thank you for your question. It is common."), 5);
    CU_ASSERT_EQUAL(opener("Thank you for your questions"), 0);
    CU_ASSERT_EQUAL(opener("Thank you for your"), 0);
}

static bool header(const char *s)
{
    return cn_pagecues_is_answer_header(g_cues, s, strlen(s));
}

/* Headers are turned away by their first letter or by a run of letters an
 * entry needs, read from the raw line in either case. */
static void test_header_letters(void)
{
    CU_ASSERT_TRUE(header("Jane Roe answered"));
    CU_ASSERT_TRUE(header("JANE ROE ANSWERED"));
    CU_ASSERT_TRUE(header("Jane Roe" EM_SPACE "Answered"));
    CU_ASSERT_TRUE(header("Jane Roe answered on behalf of the practice"));
    CU_ASSERT_TRUE(header("12 Years EXPERIENCE"));
    CU_ASSERT_TRUE(header("SPECIALIZES IN skin care"));
    CU_ASSERT_TRUE(header(EM_SPACE "Specializes in skin care"));
    CU_ASSERT_TRUE(header("A:"));
    CU_ASSERT_FALSE(header("He answered my question well."));
    CU_ASSERT_FALSE(header("The doctor replied"));
    CU_ASSERT_FALSE(header("B:"));
    CU_ASSERT_FALSE(header(""));
}

/* Entries that open with a pattern character ('*', '%', '@') are tried by
 * the byte they must end the line with, the others (ending with a pattern
 * character) on every line: each kind still matches, through case, white
 * space and a trailing space, and a line ending otherwise is none. */
static void test_header_ends(void)
{
    CU_ASSERT_TRUE(header("5 minutes ago"));
    CU_ASSERT_TRUE(header("5  MINUTES AGO  "));
    CU_ASSERT_FALSE(header("5 minutes agoo"));
    CU_ASSERT_FALSE(header("5 minutes ago."));
    CU_ASSERT_TRUE(header("Sam Poe wrote on :"));
    CU_ASSERT_FALSE(header("Sam Poe wrote on"));
    CU_ASSERT_TRUE(header("Sam Poe, MD, Contributor answered 3 years ago"));
    CU_ASSERT_TRUE(header("Sam Poe, MD, Contributor answered 1 month ago"));
    CU_ASSERT_TRUE(header("Dec 7, 2011 10:30 am"));
    CU_ASSERT_TRUE(header("Dec 7, 2011 10:30 PM"));
    CU_ASSERT_FALSE(header("Dec 7, 2011 10:30 pmx"));
    CU_ASSERT_TRUE(header("Sam Poe (MD) on Dec 7, 2011"));
    CU_ASSERT_TRUE(header("Sam Poe answered on behalf of the clinic"));
    CU_ASSERT_TRUE(header("Sam Poe answered"));
    CU_ASSERT_FALSE(header("Posted 2 days ago by a reader"));
}

/* Long lines hold a "*...*" widget entry only at a word start in their head,
 * in either case; a short line's ends pick the entries it is tried with. */
static void test_widget_words(void)
{
    char *yes = long_line("Image performed by Dr. Roe ", 200, 0, NULL);
    CU_ASSERT_TRUE(widget(yes));
    memcpy(yes, "IMAGE PERFORMED BY DR", 21);
    CU_ASSERT_TRUE(widget(yes));
    char *no = long_line("Preimage performed by Dr. Roe ", 200, 0, NULL);
    CU_ASSERT_FALSE(widget(no));
    free(yes);
    free(no);
    CU_ASSERT_TRUE(widget("Dr. Roe answer"));
    CU_ASSERT_TRUE(widget("Before & After"));
    CU_ASSERT_FALSE(widget("Before surgery"));
}

/* A sign-off is turned away by its last word before it is split. */
static void test_signoff_ends(void)
{
    const char *s = "Dr. Jane Roe, M.D.";
    CU_ASSERT_TRUE(cn_signature_is_signoff(g_cues, s, strlen(s), NULL, 0));
    s = "Jane Roe, MD  ";
    CU_ASSERT_TRUE(cn_signature_is_signoff(g_cues, s, strlen(s), NULL, 0));
    s = "-Roe"; /* a lone name with its dash, when it names the physician */
    CU_ASSERT_TRUE(cn_signature_is_signoff(g_cues, s, strlen(s), "Jane Roe", 8));
    CU_ASSERT_FALSE(cn_signature_is_signoff(g_cues, s, strlen(s), "Jane Doe", 8));
    s = "Dr. Roe will see you soon.";
    CU_ASSERT_FALSE(cn_signature_is_signoff(g_cues, s, strlen(s), NULL, 0));
    char text[] = "See a surgeon in person. Dr. Jane Roe";
    CU_ASSERT_TRUE(cn_signature_strip_signoff(g_cues, text, NULL, 0));
    CU_ASSERT_STRING_EQUAL(text, "See a surgeon in person.");
    char para[] = "See a surgeon in person.\n\nBest, Dr. Roe";
    CU_ASSERT_TRUE(cn_signature_strip_signoff(g_cues, para, NULL, 0));
    CU_ASSERT_STRING_EQUAL(para, "See a surgeon in person.");
    char prose[] = "Ask Dr. Roe about it.";
    CU_ASSERT_FALSE(cn_signature_strip_signoff(g_cues, prose, NULL, 0));
    CU_ASSERT_STRING_EQUAL(prose, "Ask Dr. Roe about it.");
    cn_sigline l;
    s = "George Roe, MD (retired)";
    CU_ASSERT_EQUAL(cn_signature_classify(g_cues, s, strlen(s), &l), CN_SIGLINE_NAME);
    s = " 4.9 out of 5 stars";
    CU_ASSERT_EQUAL(cn_signature_classify(g_cues, s, strlen(s), &l), CN_SIGLINE_RATING);
    s = "Most patients heal within two weeks after this kind of surgery.";
    CU_ASSERT_EQUAL(cn_signature_classify(g_cues, s, strlen(s), &l), CN_SIGLINE_NONE);
}

int main(void)
{
    static const tu_test tests[] = {
        {"disclaimer heads", test_disclaimer_heads},
        {"valedictions", test_valedictions},
        {"widget ends", test_widget_ends},
        {"word lists", test_word_lists},
        {"specialty last word", test_specialty_last_word},
        {"words and tokens", test_words_and_tokens},
        {"opener words", test_opener_words},
        {"header letters", test_header_letters},
        {"header ends", test_header_ends},
        {"widget words", test_widget_words},
        {"signoff ends", test_signoff_ends},
        {NULL, NULL},
    };
    return ru_run_suite("pagecue_filters", tests, &g_cues);
}
