/*
 * test_reader_edge: the corpus reader on pages written for these tests:
 * segmentation without signatures, every signature and credential form, line
 * endings, cut-off pages, noise (template residue, widgets, disclaimer,
 * sign-offs), bad input (empty, binary, invalid UTF-8 with its offset, no
 * known shape, malformed JSON Lines with FILE:LINE), a 10 MB line, the
 * taxonomy, de-duplication rules, and random bytes that must not crash.
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

#include "cn_dedup.h"
#include "cn_flat.h"
#include "cn_jsonl.h"
#include "cn_structured.h"
#include "cn_taxonomy.h"
#include "cn_text.h"

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static cn_pagecues *g_cues;

#define HEAD "Is it safe to fly after surgery?\n\nMy flight is next week.\n\nDoctor Answers 3\n\n"
#define DISC                                                                                       \
    "These answers are for educational purposes and should not be relied upon as a substitute "    \
    "for medical advice you may receive from your physician. If you have a medical emergency, "    \
    "please call 911."
#define BODY1 "Flying a week after this kind of surgery is usually fine if you walk the aisle."
#define BODY2 "I would wait two weeks because the clot risk is highest in the first days."
#define BODY3 "Compression stockings help, and so does drinking plenty of water on board."

static ru_result read_str(const char *s)
{
    return ru_read_str(g_cues, s);
}

static const char *str_or(const char *s)
{
    return s ? s : "(null)";
}

/* ---- segmentation ---------------------------------------------------- */

static void test_unsigned_between_signed(void)
{
    ru_result r = read_str(HEAD "Fine with precautions\n\n" BODY1 "\n\nJane Doe, MD\n"
                                "Chicago Dermatologist\n4.5 out of 5 stars 10 reviews\n\n"
                                "Wait two weeks\n\n" BODY2 "\n\n"
                                "Stockings and water\n\n" BODY3 "\n\nJohn Roe, MD\n"
                                "Boston Plastic Surgeon\n\n" DISC "\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Jane Doe, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Wait two weeks");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, BODY2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->physician.specialty);
    CU_ASSERT_FALSE(ru_answer(&r, 2)->physician.has_rating);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "John Roe, MD");
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Is it safe to fly after surgery?");
    CU_ASSERT_STRING_EQUAL(r.pages[0]->body, "My flight is next week.");
    ru_free(&r);
}

static void test_missing_name_line(void)
{
    ru_result r = read_str(HEAD "Title\n\n" BODY1 "\n\nNashville Dermatologist\n"
                                "5.0 out of 5 stars 6 reviews\n\n" DISC);
    const cn_answer *a = ru_answer(&r, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NULL(a->physician.name);
    CU_ASSERT_STRING_EQUAL(a->physician.city, "Nashville");
    CU_ASSERT_STRING_EQUAL(a->physician.specialty, "Dermatologist");
    CU_ASSERT_DOUBLE_EQUAL(a->physician.rating, 5.0, 1e-12);
    CU_ASSERT_EQUAL(a->physician.reviews, 6);
    ru_free(&r);
}

static void test_missing_rating(void)
{
    ru_result r =
        read_str(HEAD "Title\n\n" BODY1 "\n\nKen Landow, MD\nLas Vegas Dermatologist\n\n" DISC);
    const cn_answer *a = ru_answer(&r, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(a->physician.name, "Ken Landow, MD");
    CU_ASSERT_STRING_EQUAL(a->physician.city, "Las Vegas");
    CU_ASSERT_FALSE(a->physician.has_rating);
    CU_ASSERT_FALSE(a->physician.has_reviews);
    ru_free(&r);
}

static void test_rating_forms(void)
{
    ru_result r =
        read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n"
                      "4.5 out of 5 stars\n\nTwo\n\n" BODY2 "\n\nJohn Roe, MD\n"
                      "Boston Plastic Surgeon\n5.0 out of 5 stars 1 review\n\nThree\n\n" BODY3
                      "\n\nAnn Poe, DO\nDenver Family Physician\n"
                      "4.8 out of 5 stars 1,204 reviews\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_TRUE(ru_answer(&r, 1)->physician.has_rating);
    CU_ASSERT_DOUBLE_EQUAL(ru_answer(&r, 1)->physician.rating, 4.5, 1e-12);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->physician.has_reviews);
    CU_ASSERT_EQUAL(ru_answer(&r, 2)->physician.reviews, 1);
    CU_ASSERT_EQUAL(ru_answer(&r, 3)->physician.reviews, 1204);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.specialty, "Family Physician");
    ru_free(&r);
}

static void test_name_only_and_bare_name(void)
{
    ru_result r = read_str(HEAD "One\n\n" BODY1 "\n\nGregory L. Haddad, MD\n\nTwo\n\n" BODY2
                                "\n\nJane Doe\nChicago Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Gregory L. Haddad, MD");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->physician.city);
    /* a name without credentials counts right above a "City Specialty" line */
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Jane Doe");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, BODY2);
    ru_free(&r);
}

static void test_titles_that_are_questions(void)
{
    ru_result r = read_str(HEAD "Is it safe to fly?\n\n" BODY1 "\n\nJane Doe, MD\n"
                                "Chicago Dermatologist\n\nShould you wait?\n\n" BODY2
                                "\n\nWhy not stockings?\n\n" BODY3 "\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Is it safe to fly?");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Should you wait?");
    /* after an unsigned answer, a question line still starts the next answer */
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Why not stockings?");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, BODY2);
    ru_free(&r);
}

static void test_stance_titles_with_periods(void)
{
    /* After a signature any short line is a title; inside an answer a line
     * ending in '.' is a title only when a voteCount line follows it. */
    ru_result r =
        read_str(HEAD "Yes, these can be normal.\n\n" BODY1 "\n\nJane Doe, MD\n"
                      "Chicago Dermatologist\n\nNo. Do not fly yet.\n\n" BODY2 "\n\n"
                      "Not dangerous at all.\n{{ voteCount >= 0 ? '+' + (voteCount + 1) : "
                      "(voteCount + 1) }}\n" BODY3 "\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Yes, these can be normal.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "No. Do not fly yet.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Not dangerous at all.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, BODY3);
    ru_free(&r);
}

static void test_short_body_paragraphs_stay(void)
{
    ru_result r =
        read_str(HEAD "Do not do it\n\n" BODY1 "\n\nDon't do it even if someone offers.\n\n"
                      "I pasted the study I meant:\n\n\"Botox induced muscle paralysis\"\n\n"
                      "Its results do not apply to the face.\n\nJane Doe, MD\n"
                      "Chicago Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    const char *t = ru_answer(&r, 1)->text;
    CU_ASSERT_PTR_NOT_NULL(strstr(t, "Don't do it even if someone offers."));
    CU_ASSERT_PTR_NOT_NULL(strstr(t, "\n\n\"Botox induced muscle paralysis\"\n\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(t, "Its results do not apply"));
    ru_free(&r);
}

static void test_closing_line_then_title(void)
{
    /* Two title-shaped lines in a row: the first closes the unsigned answer. */
    ru_result r = read_str(HEAD "First\n\n" BODY1 "\n\nHope this helps\n\nSecond thoughts\n\n" BODY2
                                "\n\nJohn Roe, MD\nBoston Plastic Surgeon\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, BODY1 "\n\nHope this helps");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Second thoughts");
    ru_free(&r);
}

static void test_body_lines_like_signatures(void)
{
    ru_result r = read_str(HEAD "Ask the right doctor\n\n" BODY1
                                "\n\nMy mentor Jane Doe, MD taught me this.\nA score of 4.5 out "
                                "of 5 stars means little.\nBeverly Hills is where I trained.\n\n"
                                "Consult a Board Certified Plastic Surgeon\n\nJohn Roe, MD\n"
                                "Boston Plastic Surgeon\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    const cn_answer *a = ru_answer(&r, 1);
    CU_ASSERT_STRING_EQUAL(a->physician.name, "John Roe, MD");
    CU_ASSERT_STRING_EQUAL(a->physician.city, "Boston");
    CU_ASSERT_PTR_NOT_NULL(strstr(a->text, "My mentor Jane Doe, MD taught me this."));
    CU_ASSERT_PTR_NOT_NULL(strstr(a->text, "Consult a Board Certified Plastic Surgeon"));
    ru_free(&r);
}

/* ---- credentials ----------------------------------------------------- */

/* The physician name parsed from a page signed with name_line. */
static char *signed_name(const char *name_line)
{
    char page[2048];
    snprintf(page, sizeof page, HEAD "Title\n\n" BODY1 "\n\n%s\nChicago Dermatologist\n\n" DISC,
             name_line);
    ru_result r = read_str(page);
    const cn_answer *a = ru_answer(&r, 1);
    char *name = a && a->physician.name ? strdup(a->physician.name) : NULL;
    if (!a || a->physician.name == NULL || strcmp(a->physician.specialty, "Dermatologist") != 0)
        fprintf(stderr, "signature '%s': name %s\n", name_line, str_or(name));
    ru_free(&r);
    return name;
}

static void check_names(const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *name = signed_name(lines[i]);
        CU_ASSERT_PTR_NOT_NULL(name);
        if (name)
            CU_ASSERT_STRING_EQUAL(name, lines[i]);
        free(name);
    }
}

static void test_credentials_md_do(void)
{
    const char *lines[] = {"Edwin Ishoo, MD", "Priya Raman, DO", "Quentin Marsh, DO"};
    check_names(lines, 3);
}

static void test_credentials_dental(void)
{
    const char *lines[] = {"Samir Haddad, DDS", "Imani R. Brooks, DMD", "Ravi Shankar, DDS, MD"};
    check_names(lines, 3);
}

static void test_credentials_facs_combos(void)
{
    const char *lines[] = {"Anita Patel, MD, FACS", "Marcus Lindqvist, MD FACS",
                           "Stephen Weber MD, FACS", "Gordon McBride MD FACS"};
    check_names(lines, 4);
}

static void test_credentials_academic(void)
{
    const char *lines[] = {"Jessica J. Krant, MD, MPH", "Samuel Oduya, MD, MPH",
                           "Lena Ortiz, MD, PhD", "Omar Hadid, PhD"};
    check_names(lines, 4);
}

static void test_credentials_international(void)
{
    const char *lines[] = {"Hugh Tremblay, MD, FRCSC", "Asha Menon, MBBS", "Raj Patel, MBBS, FRCS"};
    check_names(lines, 3);
}

static void test_credentials_dotted_and_slashed(void)
{
    const char *lines[] = {"Jane Doe, M.D.", "John Roe, M.D., F.A.C.S.", "Lena Ortiz, MD/PhD"};
    check_names(lines, 3);
}

static void test_credentials_accents_and_particles(void)
{
    const char *lines[] = {"Tom\xc3\xa1s Rivera-Beltr\xc3\xa1n, MD", "Ana de la Cruz, DO",
                           "Mary-Kate O'Neil, MD", "\xc3\x89lise Marchand, MD"};
    check_names(lines, 4);
}

static void test_not_a_name_line(void)
{
    /* "Baltimore, MD" is a place; "do" is a word, not a credential. */
    char *a = signed_name("Baltimore, MD");
    CU_ASSERT_PTR_NULL(a);
    free(a);
    char *b = signed_name("What to do");
    CU_ASSERT_PTR_NULL(b);
    free(b);
}

/* ---- line endings and bytes ------------------------------------------ */

static char *to_crlf(const char *s)
{
    size_t n = strlen(s), w = 0;
    char *out = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            out[w++] = '\r';
        out[w++] = s[i];
    }
    out[w] = '\0';
    return out;
}

#define PAGE3                                                                                      \
    HEAD "Fine with precautions\n{{ voteCount }}\n\n" BODY1 "\n\nJane Doe, MD\n"                   \
         "Chicago Dermatologist\n4.5 out of 5 stars 10 reviews\n\nWait two weeks\n\n" BODY2        \
         "\n\nStockings and water\n\n" BODY3 "\n\nJohn Roe, MD\nBoston Plastic Surgeon\n\n" DISC   \
         "\n"

static void assert_same_pages(const ru_result *a, const ru_result *b)
{
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(a), ru_n_answers(b));
    for (size_t i = 1; i <= ru_n_answers(a); i++) {
        const cn_answer *x = ru_answer(a, i), *y = ru_answer(b, i);
        CU_ASSERT_STRING_EQUAL(str_or(x->title), str_or(y->title));
        CU_ASSERT_STRING_EQUAL(x->text, y->text);
        CU_ASSERT_STRING_EQUAL(str_or(x->physician.name), str_or(y->physician.name));
        CU_ASSERT_STRING_EQUAL(str_or(x->physician.city), str_or(y->physician.city));
        CU_ASSERT_STRING_EQUAL(x->answer_id, y->answer_id);
        CU_ASSERT_EQUAL(x->truncated, y->truncated);
    }
    CU_ASSERT_STRING_EQUAL(str_or(a->pages[0]->body), str_or(b->pages[0]->body));
}

static void test_crlf_line_endings(void)
{
    ru_result lf = read_str(PAGE3);
    char *crlf_text = to_crlf(PAGE3);
    ru_result crlf = read_str(crlf_text);
    CU_ASSERT_EQUAL(ru_n_answers(&lf), 3);
    assert_same_pages(&lf, &crlf);
    CU_ASSERT_PTR_NULL(strchr(ru_answer(&crlf, 1)->text, '\r'));
    /* old Mac line ends (lone CR) too */
    for (char *p = crlf_text; *p; p++)
        if (*p == '\n')
            *p = '\r';
    ru_result cr = read_str(crlf_text);
    assert_same_pages(&lf, &cr);
    free(crlf_text);
    ru_free(&lf);
    ru_free(&crlf);
    ru_free(&cr);
}

static void test_no_final_newline(void)
{
    ru_result r =
        read_str(HEAD "Title\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    ru_free(&r);
    ru_result f = read_str("Slogan line of the site.\n" BODY1 "\n" BODY2);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&f), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&f, 2)->text, BODY2);
    ru_free(&f);
}

static void test_empty_file(void)
{
    ru_result r = ru_read_text(g_cues, "empty.txt", "", 0);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.skipped, 1);
    CU_ASSERT_EQUAL_FATAL(r.n_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[0], "empty.txt: empty file"));
    ru_free(&r);
    ru_result w = ru_read_text(g_cues, "blank.txt", " \n\r\n\t\n", 6);
    CU_ASSERT_EQUAL(w.skipped, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(w.n_errors ? w.errors[0] : "", "empty file"));
    ru_free(&w);
}

static void test_binary_file(void)
{
    const char bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    ru_result r = ru_read_text(g_cues, "image.png", bytes, sizeof bytes - 1);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.skipped, 1);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(r.n_errors ? r.errors[0] : "", "binary file (NUL byte at offset 8)"));
    ru_free(&r);
}

static void test_invalid_utf8_offset(void)
{
    const char *page = HEAD "Title\n\nLatin-1 caf\xe9 here.\n\n" DISC;
    size_t off = (size_t)(strchr(page, '\xe9') - page);
    ru_result r = read_str(page);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.skipped, 1);
    char want[64];
    snprintf(want, sizeof want, "not valid UTF-8 (byte offset %zu, line 9)", off);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.n_errors ? r.errors[0] : "", want));
    if (r.n_errors)
        fprintf(stderr, "%s\n", r.errors[0]);
    ru_free(&r);
    /* an overlong encoding is invalid too */
    ru_result o =
        read_str("Slogan\nThis line has an overlong slash \xc0\xaf in it and more words.\n");
    CU_ASSERT_EQUAL(o.skipped, 1);
    ru_free(&o);
}

static char *big_line(size_t n)
{
    char *s = malloc(n + 1);
    static const char WORDS[] = "the filler settles over weeks and ";
    for (size_t i = 0; i < n; i++)
        s[i] = WORDS[i % (sizeof WORDS - 1)];
    s[n - 1] = '.';
    s[n] = '\0';
    return s;
}

static void test_ten_mb_line(void)
{
    size_t n = 10u << 20;
    char *line = big_line(n);
    size_t cap = n + 4096;
    char *page = malloc(cap);
    snprintf(page, cap, HEAD "Title\n\n%s\n\nJane Doe, MD\nChicago Dermatologist\n\n" DISC, line);
    clock_t t0 = clock();
    ru_result r = read_str(page);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_EQUAL(strlen(ru_answer(&r, 1)->text), n);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Jane Doe, MD");
    CU_ASSERT_TRUE(secs < 20.0); /* linear, not quadratic */
    ru_free(&r);
    snprintf(page, cap, "Slogan\n%s\n" BODY1 "\n", line);
    ru_result f = read_str(page);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&f), 2);
    CU_ASSERT_EQUAL(strlen(ru_answer(&f, 1)->text), n);
    ru_free(&f);
    snprintf(page, cap, "{\"question\":\"Big?\",\"answers\":[{\"text\":\"%s\"}]}\n", line);
    ru_result j = ru_read_text(g_cues, "big.jsonl", page, strlen(page));
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&j), 1);
    CU_ASSERT_EQUAL(strlen(ru_answer(&j, 1)->text), n);
    ru_free(&j);
    free(page);
    free(line);
}

/* ---- page noise and cut-off pages ------------------------------------ */

static void test_widget_lines(void)
{
    ru_result r = read_str(HEAD "Title\n\n" BODY1 "\n\nYou might also like...\n\nJane Doe, MD\n"
                                "Chicago Dermatologist\n\nShare\n\nSecond\n\n" BODY2 "\n\n"
                                "12 people found this helpful\n\n" DISC "\n\nRelated questions\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, BODY1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Jane Doe, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Second");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, BODY2);
    ru_free(&r);
    ru_result f = read_str("Slogan\n" BODY1 "\nYou might also like...\n" BODY2 "\n");
    CU_ASSERT_EQUAL(ru_n_answers(&f), 2);
    ru_free(&f);
}

static void test_declared_count_disagrees(void)
{
    ru_result r =
        read_str("Question?\n\nDoctor Answers 7\n\nOne\n\n" BODY1 "\n\nTwo\n\n" BODY2 "\n\n" DISC);
    CU_ASSERT_EQUAL(r.n_errors, 0);
    CU_ASSERT_EQUAL_FATAL(r.n, 1);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 7);
    CU_ASSERT_EQUAL(r.pages[0]->n_answers, 2);
    CU_ASSERT_PTR_NULL(r.pages[0]->body);
    ru_free(&r);
}

static void test_cut_off_mid_answer(void)
{
    ru_result r = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n"
                                "Two\n\nI would wait two weeks because the clot risk is");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Two");
    ru_free(&r);
}

static void test_cut_off_title_only(void)
{
    /* a title above the vote line the site prints under each title */
    ru_result r = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n"
                                "Two\n\n" BODY2 "\n\nThe title of a third answer\n\n{{ voteCo");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "The title of a third answer");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, "");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
    /* Without one, on a page that signs its answers, a last line under an
     * unsigned body goes on with that answer (real pages: its next line cut,
     * or the start of its signature) */
    ru_result u = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n"
                                "Two\n\n" BODY2 "\n\nIn our own practice");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&u), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&u, 2)->text, BODY2 "\n\nIn our own practice");
    CU_ASSERT_TRUE(ru_answer(&u, 2)->truncated);
    ru_free(&u);
    /* a word or two: the cut name line of its signature, dropped */
    ru_result v = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n"
                                "Two\n\n" BODY2 "\n\nMarga");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&v), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&v, 2)->text, BODY2);
    CU_ASSERT_TRUE(ru_answer(&v, 2)->truncated);
    ru_free(&v);
    /* title only right after a signature */
    ru_result s = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\nTwo\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&s), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&s, 2)->title, "Two");
    CU_ASSERT_TRUE(ru_answer(&s, 2)->truncated);
    ru_free(&s);
}

static void test_cut_off_after_signature(void)
{
    ru_result r = read_str(HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    ru_free(&r);
}

static void test_template_residue(void)
{
    ru_result r =
        read_str(HEAD "Title\n{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
                      "Flying is fine {{ helpful.count }}after a week.\n\n"
                      "{{ multi\nline }}\n\nJane Doe, MD\nChicago Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Title");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, "Flying is fine after a week.");
    ru_free(&r);
}

static void test_unclosed_braces_are_text(void)
{
    ru_result r = read_str(HEAD "Title\n\nUse {{ this template when you like.\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, "Use {{ this template when you like.");
    ru_free(&r);
    /* two million unclosed "{{": one pass, not one scan per brace */
    size_t n = 4u << 20;
    char *page = malloc(n + 256);
    int w = snprintf(page, n + 256, "Slogan\nThe answer is ");
    memset(page + w, '{', n);
    strcpy(page + w + n, " and that is all there is to say about it.\n");
    clock_t t0 = clock();
    ru_result b = read_str(page);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CU_ASSERT_EQUAL(ru_n_answers(&b), 1);
    CU_ASSERT_TRUE(secs < 10.0);
    ru_free(&b);
    free(page);
}

static void test_disclaimer_removed(void)
{
    ru_result r = read_str(HEAD "Title\n\n" BODY1 "\n\n" DISC "\n\nYou might also like\n\n"
                                "Another question?\n\nMore text after the disclaimer here.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "educational"));
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    ru_free(&r);
}

/* ---- sign-offs ------------------------------------------------------- */

static void test_signoff_best_dr(void)
{
    ru_result r = read_str(HEAD "One\n\nIf worried, consult your Dr. Best, Dr. Emer\n\n"
                                "Jason Emer, MD\nLos Angeles Dermatologic Surgeon\n\n"
                                "Two\n\nI have not seen any bone loss. Best, Dr. Green\n\n"
                                "Three\n\nKeep it simple. Best wishes, Dr. Smith\n\n"
                                "Ann Jones, MD\nDenver Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, "If worried, consult your Dr.");
    /* unsigned: there is no name to repeat, the line stays */
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text,
                           "I have not seen any bone loss. Best, Dr. Green");
    /* someone else's name stays */
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, "Keep it simple. Best wishes, Dr. Smith");
    ru_free(&r);
}

static void test_signoff_paragraphs(void)
{
    ru_result r = read_str(
        HEAD "One\n\n" BODY1 "\n\nSagar Patel\xc2\xa0\n\nSagar Patel, MD\n"
             "Houston Physician\n\nTwo\n\n" BODY2 "\n\n- Dr. Yates\n\n"
             "Brianna K. Yates, MD\nNashville Plastic Surgeon\n\nThree\n\n" BODY3
             "\n\nBest,\nDr. Lindgren\n\nEric Lindgren, MD\nMadison Dermatologist\n\n"
             "Four\n\nThe most common side effect is soreness. \xe2\x80\x94 Dr. Feldman\n\n"
             "Aaron Feldman, MD\nBoston Dermatologist\n\n" DISC);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->text, BODY1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, BODY2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, BODY3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 4)->text, "The most common side effect is soreness.");
    /* the removed sign-off is kept for matching other renderings */
    CU_ASSERT_PTR_NOT_NULL(ru_answer(&r, 1)->match_text);
    ru_free(&r);
}

static void test_signoff_signature_lookalike(void)
{
    /* "Name, MD / City, ST" before the real signature is a sign-off. */
    ru_result r = read_str(HEAD "Title\n\n" BODY1 "\n\nPeter A Aldea, MD\nMemphis, TN\n\n"
                                "Peter A. Aldea, MD\nMemphis Plastic Surgeon\n\n" DISC);
    const cn_answer *a = ru_answer(&r, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(a->physician.name, "Peter A. Aldea, MD");
    CU_ASSERT_STRING_EQUAL(a->physician.city, "Memphis");
    CU_ASSERT_STRING_EQUAL(a->text, BODY1);
    CU_ASSERT_PTR_NOT_NULL(strstr(str_or(a->match_text), "Memphis, TN"));
    ru_free(&r);
    /* a name line then a place line in separate paragraphs complete each other */
    ru_result s = read_str(HEAD "Title\n\n" BODY1 "\n\nJane Doe, MD\n\nChicago Dermatologist\n"
                                "4.1 out of 5 stars 3 reviews\n\n" DISC);
    CU_ASSERT_STRING_EQUAL(str_or(ru_answer(&s, 1)->physician.name), "Jane Doe, MD");
    CU_ASSERT_STRING_EQUAL(str_or(ru_answer(&s, 1)->physician.city), "Chicago");
    CU_ASSERT_EQUAL(ru_answer(&s, 1)->physician.reviews, 3);
    ru_free(&s);
}

/* ---- cities and the taxonomy ----------------------------------------- */

static void test_multi_word_cities(void)
{
    static const char *const places[][3] = {
        {"South Burlington Dermatologic Surgeon", "South Burlington", "Dermatologic Surgeon"},
        {"Salt Lake City Plastic Surgeon", "Salt Lake City", "Plastic Surgeon"},
        {"Panama City Facial Plastic Surgeon", "Panama City", "Facial Plastic Surgeon"},
        {"Beverly Hills Facial Plastic Surgeon", "Beverly Hills", "Facial Plastic Surgeon"},
        {"Fort Lauderdale Oral & Maxillofacial Surgeon", "Fort Lauderdale",
         "Oral and Maxillofacial Surgeon"},
        {"St. Louis Internist", "St. Louis", "Internist"},
        {"Isle of Palms Obstetrician-Gynecologist", "Isle of Palms", "Obstetrician-Gynecologist"},
    };
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        char page[2048];
        snprintf(page, sizeof page, HEAD "Title\n\n" BODY1 "\n\nJane Doe, MD\n%s\n\n" DISC,
                 places[i][0]);
        ru_result r = read_str(page);
        const cn_answer *a = ru_answer(&r, 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_STRING_EQUAL(str_or(a->physician.city), places[i][1]);
        CU_ASSERT_STRING_EQUAL(str_or(a->physician.specialty), places[i][2]);
        ru_free(&r);
    }
}

static void test_taxonomy_longest_suffix(void)
{
    const cn_taxonomy *t = cn_pagecues_taxonomy(g_cues);
    size_t city;
    const char *spec;
    const char *line = "Bellevue Family Physician";
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_STRING_EQUAL(spec, "Family Physician");
    CU_ASSERT_EQUAL(city, 8);
    line = "Houston Physician";
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_STRING_EQUAL(spec, "Physician");
    line = "Plastic Surgeon";
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_EQUAL(city, 0);
    line = "Memphis, TN plastic   SURGEON"; /* case and spaces ignored, comma dropped */
    CU_ASSERT_TRUE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_STRING_EQUAL(spec, "Plastic Surgeon");
    CU_ASSERT_EQUAL(city, strlen("Memphis, TN"));
    line = "Chicago Banker";
    CU_ASSERT_FALSE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    line = "Houston Reconstructive Surgeons"; /* whole words only */
    CU_ASSERT_FALSE(cn_taxonomy_split(t, line, strlen(line), &city, &spec));
    CU_ASSERT_TRUE(cn_taxonomy_count(t) >= 60);
}

static void test_taxonomy_errors(void)
{
    cn_taxonomy *t = NULL;
    cn_error err;
    const char *dup = "# header\nDermatologist\nPlastic Surgeon | dermatologist\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(dup, strlen(dup), "spec.txt", &t, &err), CN_ERR_RULES);
    CU_ASSERT_PTR_NULL(t);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "spec.txt:3:"));
    const char *empty = "Dermatologist |  | Skin Doctor\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(empty, strlen(empty), "spec.txt", &t, &err), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "spec.txt:1:"));
    const char *ok = "Dermatologist | Skin Doctor\n\nNurse\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(ok, strlen(ok), "spec.txt", &t, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_taxonomy_count(t), 2);
    size_t city;
    const char *spec;
    CU_ASSERT_TRUE(cn_taxonomy_split(t, "Rome Skin Doctor", 16, &city, &spec));
    CU_ASSERT_STRING_EQUAL(spec, "Dermatologist");
    cn_taxonomy_free(t);
}

static void test_pagecues_errors(void)
{
    cn_pagecues *c = NULL;
    cn_error err;
    cn_taxonomy *t = NULL;
    const char *tax = "Dermatologist\n";
    const char *bad = "[credentials]\nMD\n[disclaimers]\nthese answers\n[bogus]\nx\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(tax, strlen(tax), "s", &t, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_pagecues_parse(bad, strlen(bad), "cues.txt", t, &c, &err), CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cues.txt:5: unknown section"));
    const char *nolimits = "[credentials]\nMD\n[disclaimers]\nthese answers\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(tax, strlen(tax), "s", &t, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_pagecues_parse(nolimits, strlen(nolimits), "cues.txt", t, &c, &err),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "[limits]"));
    const char *badnum = "[limits]\ntitle_max_bytes = 12x\n";
    CU_ASSERT_EQUAL(cn_taxonomy_parse(tax, strlen(tax), "s", &t, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_pagecues_parse(badnum, strlen(badnum), "cues.txt", t, &c, &err),
                    CN_ERR_RULES);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cues.txt:2: bad number"));
    CU_ASSERT_PTR_NULL(c);
}

/* ---- JSON Lines ------------------------------------------------------ */

static void test_jsonl_pages(void)
{
    const char *data =
        "{\"url\":\"https://example.org/q/1\",\"question\":\"Fly after surgery?\",\"body\":\"Next "
        "week.\",\"answers\":[{\"title\":\"Fine\",\"text\":\"" BODY1 " Best, Dr. Doe\",\"name\":"
        "\"Jane Doe, MD\",\"city\":\"Chicago\",\"specialty\":\"Dermatologist\",\"rating\":4.5,"
        "\"reviews\":10},{\"text\":\"" BODY2 "\",\"city\":\"Beverly Hills Facial Plastic "
        "Surgeon\",\"rating\":\"4.9\",\"reviews\":\"63\"}]}\n"
        "\n"
        "{\"question\":\"Another?\",\"answers\":[{\"title\":\"Only a title\"}]}";
    ru_result r = ru_read_text(g_cues, "scrape.jsonl", data, strlen(data));
    CU_ASSERT_EQUAL(r.n_errors, 0);
    CU_ASSERT_EQUAL_FATAL(r.n, 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->format, CN_FORMAT_JSONL);
    CU_ASSERT_EQUAL(p->line, 1);
    CU_ASSERT_STRING_EQUAL(p->url, "https://example.org/q/1");
    CU_ASSERT_STRING_EQUAL(p->question, "Fly after surgery?");
    CU_ASSERT_EQUAL_FATAL(p->n_answers, 2);
    CU_ASSERT_STRING_EQUAL(p->answers[0].text, BODY1); /* sign-off repeating Doe removed */
    CU_ASSERT_DOUBLE_EQUAL(p->answers[0].physician.rating, 4.5, 1e-12);
    CU_ASSERT_EQUAL(p->answers[0].physician.reviews, 10);
    CU_ASSERT_STRING_EQUAL(p->answers[1].physician.city, "Beverly Hills");
    CU_ASSERT_STRING_EQUAL(p->answers[1].physician.specialty, "Facial Plastic Surgeon");
    CU_ASSERT_EQUAL(p->answers[1].physician.reviews, 63);
    CU_ASSERT_EQUAL(p->answers[1].index, 2);
    /* the second page is on line 3 and its answer is the file's third */
    CU_ASSERT_EQUAL(r.pages[1]->line, 3);
    CU_ASSERT_EQUAL(r.pages[1]->answers[0].index, 3);
    CU_ASSERT_STRING_EQUAL(r.pages[1]->answers[0].title, "Only a title");
    CU_ASSERT_STRING_EQUAL(r.pages[1]->answers[0].text, "");
    ru_free(&r);
}

static void test_jsonl_malformed_line(void)
{
    const char *data = "{\"question\":\"One?\",\"answers\":[{\"text\":\"" BODY1 "\"}]}\n"
                       "{\"question\":\"Two?\",\"answers\":[}\n"
                       "{\"question\":\"Three?\",\"answers\":[{\"text\":\"" BODY2 "\"}]}\n";
    ru_result r = ru_read_text(g_cues, "scrape.jsonl", data, strlen(data));
    CU_ASSERT_EQUAL(r.n, 2);
    CU_ASSERT_EQUAL(r.skipped, 1);
    CU_ASSERT_EQUAL_FATAL(r.n_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[0], "scrape.jsonl:2: not valid JSON"));
    CU_ASSERT_STRING_EQUAL(r.pages[1]->question, "Three?");
    CU_ASSERT_EQUAL(r.pages[1]->line, 3);
    ru_free(&r);
}

static void test_jsonl_bad_fields(void)
{
    const char *data = "{\"answers\":[{\"text\":\"fine\",\"rating\":\"abc\"}]}\n"
                       "{\"question\":\"No answers key\"}\n"
                       "[1,2]\n"
                       "{\"answers\":[{\"name\":\"Jane Doe, MD\"}]}\n"
                       "{\"answers\":[{\"text\":\"ok\",\"reviews\":2.5}]} trailing\n"
                       "{\"answers\":[{\"text\":\"ok\",\"rating\":7}]}\n"
                       "{\"answers\":[{\"text\":\"caf\xe9\"}]}\n";
    ru_result r = ru_read_text(g_cues, "bad.jsonl", data, strlen(data));
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL_FATAL(r.n_errors, 7);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(r.errors[0], "bad.jsonl:1: answers[0].rating: expected a number"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[1], "bad.jsonl:2: \"answers\" must be an array"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[2], "bad.jsonl:3: expected a JSON object"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[3], "bad.jsonl:4: answers[0]: needs a \"text\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[4], "bad.jsonl:5: text after the JSON object"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[5], "bad.jsonl:6: answers[0].rating"));
    size_t off = (size_t)(strchr(data, '\xe9') - data);
    char want[64];
    snprintf(want, sizeof want, "bad.jsonl:7: not valid UTF-8 (byte offset %zu)", off);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[6], want));
    ru_free(&r);
}

/* ---- shapes, paths, folders ------------------------------------------ */

static void test_unknown_shape(void)
{
    ru_result r = read_str("Shopping list\n\nmilk\n\neggs and a loaf of bread\nbutter\n");
    CU_ASSERT_EQUAL(r.skipped, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.n_errors ? r.errors[0] : "", "no known page shape"));
    ru_free(&r);
    ru_result a = ru_read_text(g_cues, "pages.json", "[{\"answers\":[]}]", 16);
    CU_ASSERT_PTR_NOT_NULL(strstr(a.n_errors ? a.errors[0] : "", "JSON array"));
    ru_free(&a);
}

static void test_missing_path(void)
{
    const char *paths[] = {"corpus/", "no/such/dir"};
    ru_result r = ru_read_paths(g_cues, paths, 2);
    CU_ASSERT_EQUAL(r.new_rc, CN_ERR_USAGE);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.n_errors ? r.errors[0] : "", "no/such/dir"));
    ru_free(&r);
}

static void test_folders_recursive_in_name_order(void)
{
    char *dir = tu_mkdtemp();
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/b", dir);
    mkdir(sub, 0700);
    const char *flat = "Slogan\n" BODY1 "\n";
    char *files[] = {tu_write_file(dir, "c.txt", flat, strlen(flat)),
                     tu_write_file(sub, "x.txt", flat, strlen(flat)),
                     tu_write_file(dir, "a.txt", flat, strlen(flat)),
                     tu_write_file(dir, ".hidden", "", 0)};
    char loop[4200];
    snprintf(loop, sizeof loop, "%s/b/loop", dir);
    CU_ASSERT_EQUAL(symlink("..", loop), 0);
    const char *paths[] = {dir};
    ru_result r = ru_read_paths(g_cues, paths, 1);
    /* the empty dot file is not read; the symlink loop is named, not followed */
    CU_ASSERT_EQUAL_FATAL(r.n_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.errors[0], "b/loop: folder loop"));
    CU_ASSERT_EQUAL_FATAL(r.n, 3);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->file, "a.txt");
    CU_ASSERT_STRING_EQUAL(r.pages[1]->file, "x.txt");
    CU_ASSERT_STRING_EQUAL(r.pages[2]->file, "c.txt");
    /* the same answer three times: the later two repeat the first */
    CU_ASSERT_STRING_EQUAL(r.pages[0]->answers[0].duplicate_of, "");
    CU_ASSERT_STRING_EQUAL(r.pages[2]->answers[0].duplicate_of, r.pages[0]->answers[0].answer_id);
    ru_free(&r);
    for (size_t i = 0; i < 4; i++)
        free(files[i]);
    tu_rm_rf(dir);
    free(dir);
}

/* ---- de-duplication -------------------------------------------------- */

static void test_short_answers_stay_apart(void)
{
    char *dir = tu_mkdtemp();
    char *a = tu_write_file(
        dir, "a.txt", "First question?\n\nDoctor Answers 1\n\nFine\n\nTotally fine.\n\n" DISC,
        strlen("First question?\n\nDoctor Answers 1\n\nFine\n\nTotally fine.\n\n" DISC));
    char *b = tu_write_file(
        dir, "b.txt", "Other question?\n\nDoctor Answers 1\n\nFine\n\nTotally fine.\n\n" DISC,
        strlen("Other question?\n\nDoctor Answers 1\n\nFine\n\nTotally fine.\n\n" DISC));
    const char *paths[] = {a, b};
    ru_result r = ru_read_paths(g_cues, paths, 2);
    CU_ASSERT_EQUAL_FATAL(r.n, 2);
    CU_ASSERT_STRING_NOT_EQUAL(r.pages[0]->question_id, r.pages[1]->question_id);
    CU_ASSERT_STRING_EQUAL(r.pages[1]->answers[0].duplicate_of, "");
    CU_ASSERT_STRING_NOT_EQUAL(r.pages[0]->answers[0].answer_id, r.pages[1]->answers[0].answer_id);
    ru_free(&r);
    free(a);
    free(b);
    tu_rm_rf(dir);
    free(dir);
}

static void test_flat_first_then_structured(void)
{
    /* Order does not matter for grouping: a flat rendering read first gets
     * the structured page's answers as repeats of its own. */
    char *dir = tu_mkdtemp();
    const char *flat = "Slogan\n" BODY1 "\n" BODY2 "\n";
    const char *structured = HEAD "One\n\n" BODY1 "\n\nJane Doe, MD\nChicago Dermatologist\n\n"
                                  "Two\n\nI would wait two weeks because the clot risk\xc2\xa0 is "
                                  "highest in the first days!\n\n" DISC;
    char *a = tu_write_file(dir, "a.txt", flat, strlen(flat));
    char *b = tu_write_file(dir, "b.txt", structured, strlen(structured));
    const char *paths[] = {dir};
    ru_result r = ru_read_paths(g_cues, paths, 1);
    CU_ASSERT_EQUAL_FATAL(r.n, 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question_id, r.pages[1]->question_id);
    CU_ASSERT_STRING_EQUAL(r.pages[1]->answers[0].duplicate_of, r.pages[0]->answers[0].answer_id);
    /* differs only in white space and punctuation */
    CU_ASSERT_STRING_EQUAL(r.pages[1]->answers[1].duplicate_of, r.pages[0]->answers[1].answer_id);
    ru_free(&r);
    free(a);
    free(b);
    tu_rm_rf(dir);
    free(dir);
}

static void test_flat_excerpts(void)
{
    char *dir = tu_mkdtemp();
    const char *structured = HEAD "One\n\n" BODY1 " " BODY3 "\n\n" DISC;
    const char *flat = "Slogan\n"
                       "Flying a week after this kind of surgery is usually fine if you walk...\n"
                       "A cut-off answer in the middle of the page about something\xe2\x80\xa6\n"
                       "Another full answer that nobody has seen before in this corpus at all.\n"
                       "An excerpt of a related question that talks about lip filler and...\n";
    char *a = tu_write_file(dir, "a.txt", structured, strlen(structured));
    char *b = tu_write_file(dir, "b.txt", flat, strlen(flat));
    const char *paths[] = {dir};
    ru_result r = ru_read_paths(g_cues, paths, 1);
    CU_ASSERT_EQUAL_FATAL(r.n, 2);
    const cn_page *f = r.pages[1];
    CU_ASSERT_EQUAL_FATAL(f->n_answers, 4);
    /* an excerpt of a known answer repeats it (prefix match) */
    CU_ASSERT_TRUE(f->answers[0].excerpt);
    CU_ASSERT_STRING_EQUAL(f->answers[0].duplicate_of, r.pages[0]->answers[0].answer_id);
    CU_ASSERT_FALSE(f->answers[0].related);
    CU_ASSERT_FALSE(f->answers[2].excerpt);
    /* "…" counts as "...", but a mid-page excerpt is not a related question */
    CU_ASSERT_TRUE(f->answers[1].excerpt);
    CU_ASSERT_FALSE(f->answers[1].related);
    CU_ASSERT_STRING_EQUAL(f->answers[1].duplicate_of, "");
    CU_ASSERT_TRUE(f->answers[3].excerpt);
    CU_ASSERT_TRUE(f->answers[3].related);
    CU_ASSERT_STRING_EQUAL(f->question_id, r.pages[0]->question_id);
    ru_free(&r);
    free(a);
    free(b);
    tu_rm_rf(dir);
    free(dir);
}

static void test_dedup_index_is_bounded(void)
{
    cn_dedup *d = NULL;
    cn_dedup_options opt = {40, 48, 256, 0, NULL};
    CU_ASSERT_EQUAL_FATAL(cn_dedup_new(&opt, &d, NULL), CN_OK);
    char text[4096];
    for (int i = 0; i < 2000; i++) {
        cn_page *p = calloc(1, sizeof *p);
        p->format = CN_FORMAT_FLAT;
        p->answers = calloc(1, sizeof *p->answers);
        p->n_answers = 1;
        p->answers[0].index = 1;
        /* long answers: only a bounded prefix of each is kept */
        int n = snprintf(text, sizeof text, "Answer number %d says ", i);
        while (n < 3000)
            n += snprintf(text + n, sizeof text - (size_t)n, "more words %d ", i);
        p->answers[0].text = strdup(text);
        CU_ASSERT_EQUAL(cn_dedup_assign(d, p, NULL), CN_OK);
        cn_page_free(p);
    }
    CU_ASSERT_EQUAL(cn_dedup_count(d), 2000);
    /* far below the 2000 x ~2400 key bytes the answers hold */
    CU_ASSERT_TRUE(cn_dedup_bytes(d) < 2000 * 700);
    cn_dedup_free(d);
}

/* ---- robustness ------------------------------------------------------ */

static uint64_t next_rand(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

/* Mutate a copy of a real page with bytes that matter to the parsers. */
static char *mutate(const char *src, size_t len, uint64_t *seed, size_t *out_len)
{
    static const char PIECES[][8] = {"\n",  "\n\n", " ",  "{{",   "}}",          ".",
                                     ":",   "?",    "MD", ", ",   "\r",          "\xc2\xa0",
                                     "...", "5",    "\"", "Dr. ", "\xe2\x80\x94"};
    char *out = malloc(len * 2 + 64);
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        uint64_t r = next_rand(seed) % 1000;
        if (r < 5)
            continue; /* drop a byte */
        if (r < 10) {
            const char *p = PIECES[next_rand(seed) % (sizeof PIECES / sizeof PIECES[0])];
            memcpy(out + w, p, strlen(p));
            w += strlen(p);
        }
        out[w++] = src[i];
    }
    *out_len = w;
    return out;
}

static void test_fuzz_no_crash(void)
{
    uint64_t seed = 20240601;
    const char *seeds[] = {"corpus/000_b78e5252a6827247.txt", "corpus/004_5c942d15b8cf5ada.txt",
                           "tests/data/dev/pages/dev_003.txt"};
    size_t parsed = 0;
    for (size_t s = 0; s < 3; s++) {
        size_t len;
        char *src = tu_read_file(seeds[s], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(src);
        for (int round = 0; round < 300; round++) {
            size_t n;
            char *m = mutate(src, len, &seed, &n);
            int (*parsers[])(const cn_pagecues *, const char *, size_t, cn_page *,
                             cn_error *) = {cn_structured_parse, cn_flat_parse};
            for (int k = 0; k < 2; k++) {
                cn_page *p = calloc(1, sizeof *p);
                cn_error err;
                int rc = parsers[k](g_cues, m, n, p, &err);
                CU_ASSERT_TRUE(rc == CN_OK || rc == CN_ERR_FORMAT);
                for (size_t i = 0; rc == CN_OK && i < p->n_answers; i++) {
                    CU_ASSERT_EQUAL(p->answers[i].index, i + 1);
                    CU_ASSERT_PTR_NOT_NULL(p->answers[i].text);
                }
                parsed += rc == CN_OK;
                cn_page_free(p);
            }
            cn_page *p = calloc(1, sizeof *p);
            cn_jsonl_parse_line(g_cues, m, n > 300 ? 300 : n, 1, p, NULL);
            cn_page_free(p);
            free(m);
        }
        free(src);
    }
    CU_ASSERT_TRUE(parsed > 300);
    /* random bytes through the whole reader: rejected or parsed, never a crash */
    size_t handled = 0;
    for (int round = 0; round < 150; round++) {
        size_t n = 1 + next_rand(&seed) % 3000;
        char *buf = malloc(n);
        int printable = round % 2;
        for (size_t i = 0; i < n; i++) {
            uint64_t v = next_rand(&seed);
            buf[i] = printable ? " \n.aeMD{}\"[],:?0123"[v % 19] : (char)(v & 0xFF);
        }
        ru_result r = ru_read_text(g_cues, round % 3 ? "x.txt" : "x.jsonl", buf, n);
        handled += r.n + r.skipped > 0 || r.n_errors == 0;
        ru_free(&r);
        free(buf);
    }
    CU_ASSERT_EQUAL(handled, 150);
}

static void test_cli_names_skipped_files(void)
{
    char *dir = tu_mkdtemp();
    const char *flat = "Slogan\n" BODY1 "\n";
    char *f[] = {tu_write_file(dir, "a_good.txt", flat, strlen(flat)),
                 tu_write_file(dir, "b_empty.txt", "", 0),
                 tu_write_file(dir, "c_binary.bin", "ab\0cd", 5)};
    char args[4200], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "parse '%s'", dir);
    int status = tu_run_cli(args, &out, &err);
    CU_ASSERT_EQUAL(status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(str_or(err), "b_empty.txt: empty file"));
    CU_ASSERT_PTR_NOT_NULL(strstr(str_or(err), "c_binary.bin: binary file"));
    CU_ASSERT_PTR_NOT_NULL(strstr(str_or(err), "2 inputs skipped"));
    CU_ASSERT_PTR_NOT_NULL(strstr(str_or(out), "\"file\":\"a_good.txt\""));
    free(out);
    free(err);
    for (size_t i = 0; i < 3; i++)
        free(f[i]);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"unsigned answer between signed ones", test_unsigned_between_signed},
        {"signature without a name line", test_missing_name_line},
        {"signature without a rating", test_missing_rating},
        {"rating forms", test_rating_forms},
        {"name-only signature, bare name", test_name_only_and_bare_name},
        {"titles that are questions", test_titles_that_are_questions},
        {"stance titles ending in '.'", test_stance_titles_with_periods},
        {"short body paragraphs stay", test_short_body_paragraphs_stay},
        {"closing line before a title", test_closing_line_then_title},
        {"body lines that look like signatures", test_body_lines_like_signatures},
        {"credentials MD, DO", test_credentials_md_do},
        {"credentials DDS, DMD", test_credentials_dental},
        {"credentials with FACS", test_credentials_facs_combos},
        {"credentials MPH, PhD", test_credentials_academic},
        {"credentials FRCSC, MBBS, FRCS", test_credentials_international},
        {"credentials dotted and slashed", test_credentials_dotted_and_slashed},
        {"names with accents and particles", test_credentials_accents_and_particles},
        {"lines that are not names", test_not_a_name_line},
        {"CRLF and CR line endings", test_crlf_line_endings},
        {"no final newline", test_no_final_newline},
        {"empty file", test_empty_file},
        {"binary file", test_binary_file},
        {"invalid UTF-8 with its offset", test_invalid_utf8_offset},
        {"a 10 MB line", test_ten_mb_line},
        {"widget lines", test_widget_lines},
        {"declared count disagrees", test_declared_count_disagrees},
        {"cut off mid-answer", test_cut_off_mid_answer},
        {"cut off after a title", test_cut_off_title_only},
        {"cut off after a signature", test_cut_off_after_signature},
        {"template residue", test_template_residue},
        {"unclosed braces are text", test_unclosed_braces_are_text},
        {"disclaimer removed", test_disclaimer_removed},
        {"sign-off 'Best, Dr. X'", test_signoff_best_dr},
        {"sign-off paragraphs", test_signoff_paragraphs},
        {"sign-off that looks like a signature", test_signoff_signature_lookalike},
        {"multi-word cities", test_multi_word_cities},
        {"taxonomy longest suffix", test_taxonomy_longest_suffix},
        {"taxonomy errors", test_taxonomy_errors},
        {"page-cues errors", test_pagecues_errors},
        {"JSON Lines pages", test_jsonl_pages},
        {"JSON Lines malformed line", test_jsonl_malformed_line},
        {"JSON Lines bad fields", test_jsonl_bad_fields},
        {"no known shape", test_unknown_shape},
        {"missing path", test_missing_path},
        {"folders recursive, name order", test_folders_recursive_in_name_order},
        {"short answers stay apart", test_short_answers_stay_apart},
        {"flat rendering read first", test_flat_first_then_structured},
        {"flat excerpts", test_flat_excerpts},
        {"index memory bounded", test_dedup_index_is_bounded},
        {"fuzz: no crash", test_fuzz_no_crash},
        {"CLI names skipped files", test_cli_names_skipped_files},
        {NULL, NULL},
    };
    return ru_run_suite("reader_edge", tests, &g_cues);
}
