/*
 * test_reader_posts: more layouts met on real physician Q&A pages (the
 * thirteenth collection, tests/real), rewritten in our own words with the
 * real structure, and the exact segmentation the reader must give: how many
 * answers, where each body starts and ends, titles, the question.
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

static cn_pagecues *g_cues;

static ru_result read_str(const char *s)
{
    return ru_read_str(g_cues, s);
}

/* A surgeons' society's forum with no "Replies N" line: the site's lines,
 * the topic, then every post (the asker's too) headed by its age on a line
 * of its own, each reply's under the surgeon's "Name, MD City, ST" line. The
 * asker's post opens as a question without its '?' (cut with "..."); one
 * reply runs over two paragraphs. */
static void test_forum_posts_headed_by_their_age(void)
{
    ru_result r = read_str("Society of Facial Surgeons\n"
                           "Sign In For Members\n"
                           "First visit here? Make an account to post a question.\n\n"
                           "Chin Implant\n\n\n"
                           "3 weeks ago\n\n"
                           "Can a smoker get a chin implant without extra risk...\n\n"
                           "Ann Lee, MD Salem, OR\n"
                           "3 weeks ago\n\n"
                           "Smoking slows healing everywhere, so stop a month before and after "
                           "the operation and the risk is close to a non-smoker's.\n\n"
                           "Tom Reyes, MD, FACS Dayton, OH\n"
                           "2 weeks ago\n\n"
                           "Yes, with care. Nicotine narrows the small vessels that feed the "
                           "wound, so I ask patients to quit a few weeks ahead.\n\n"
                           "Patches count as nicotine too, so they are no way around it.\n\n"
                           "Mia Cho, MD Austin, TX\n"
                           "1 month ago\n\n"
                           "An implant through the mouth is riskier for a smoker than one "
                           "placed under the chin, so ask your surgeon which route is planned.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Smoking slows healing everywhere");
    ru_check_end(&r, 1, "close to a non-smoker's.");
    ru_check_start(&r, 2, "Yes, with care. Nicotine narrows");
    ru_check_end(&r, 2, "no way around it.");
    ru_check_start(&r, 3, "An implant through the mouth");
    ru_check_end(&r, 3, "which route is planned.");
    for (size_t i = 1; i <= 3; i++)
        CU_ASSERT_PTR_NULL(ru_answer(&r, i)->title);
    ru_free(&r);
}

/* A flat page: the asker's story on the first line, its question followed
 * by a short thanks, then "Answer: ..." lines with "Helpful" lines between.
 * The first line is the question, no answer. */
static void test_flat_question_then_thanks(void)
{
    ru_result r = read_str(
        "I had my eyelids done two weeks ago and my doctor told me to wear contacts again soon. "
        "My eyes still feel dry every morning. When can I safely wear my lenses again? Thanks!\n"
        "Answer: Dry eyes after eyelid surgery are common for a few weeks, and lenses can make "
        "them worse, so wait until the dryness settles and your surgeon has seen you.\n"
        "Helpful\n"
        "Answer: Most of my patients return to contact lenses after two to three weeks, once the "
        "swelling is down and the stitches are out.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "I had my eyelids done"));
    ru_check_start(&r, 1, "Dry eyes after eyelid surgery");
    ru_check_end(&r, 1, "your surgeon has seen you.");
    ru_check_start(&r, 2, "Most of my patients return");
    ru_free(&r);
}

/* A list of other questions under the last answer ("Similar Questions"),
 * each with the opening of its answer: no answers of this page. */
static void test_similar_questions_end_the_answers(void)
{
    ru_result r = read_str("Is a chemical peel safe while breastfeeding?\n\n"
                           "Doctor's Answers 2\n\n"
                           "Light peels act on the surface of the skin and very little reaches the "
                           "blood, so most doctors consider them safe.\n\n"
                           "Kind regards,\n\n"
                           "Dr Ann Lee\n\n"
                           "Deeper peels are best left until you have stopped nursing, as there is "
                           "little data on them.\n\n"
                           "Similar Questions\n\n"
                           "Can I have laser hair removal while pregnant?\n\n"
                           "Laser light does not reach the womb, but most clinics prefer to wait "
                           "until after the birth as a precaution.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Light peels act on the surface");
    ru_check_start(&r, 2, "Deeper peels are best left");
    ru_check_end(&r, 2, "little data on them.");
    ru_free(&r);
}

/* A count line, then answers of several paragraphs each with no title,
 * signature or vote line between them; a paragraph replying to another
 * physician ("As Dr Lee has explained, ...") starts the next answer. */
static void test_reply_to_a_physician_starts_an_answer(void)
{
    ru_result r =
        read_str("Can a tattoo be removed from the eyebrow without losing hair?\n\n"
                 "Doctor's Answers 2\n\n"
                 "Laser removal of eyebrow tattoos is possible but takes several sessions, "
                 "spaced six weeks apart.\n\n"
                 "Some hair may thin for a while after treatment, although it usually "
                 "grows back.\n\n"
                 "Please see a doctor experienced with pigment lasers.\n\n"
                 "As Dr Lee has explained, several sessions are needed, and the ink colour "
                 "decides which wavelength works best.\n\n"
                 "Cosmetic inks with iron oxide may darken at first, so a test spot is "
                 "wise.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Laser removal of eyebrow tattoos");
    ru_check_end(&r, 1, "experienced with pigment lasers.");
    ru_check_start(&r, 2, "As Dr Lee has explained");
    ru_check_end(&r, 2, "a test spot is wise.");
    ru_free(&r);
}

/* A titled page leaves the title's line empty above an untitled answer (two
 * blank lines under the signature); when the page's end cuts that answer's
 * first line, the scrap is its body, not a title. Under one blank line the
 * scrap stays a title (test_cut_scrap_under_a_signature_is_a_title). */
static void test_cut_scrap_under_an_empty_title_is_body(void)
{
    ru_result r = read_str("Can I drink coffee the morning of my filler appointment?\n\n"
                           "Doctor Answers 2\n\n"
                           "Coffee is fine\n\n"
                           "Caffeine does not change how filler settles, so enjoy your morning "
                           "cup as usual.\n\n"
                           "Joel Marks, MD\nTrenton Dermatologist\n4.8 out of 5 stars 12 "
                           "reviews\n\n\n"
                           "Yes, a cup of coffee bef");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Coffee is fine");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "Yes, a cup of coffee bef");
    ru_free(&r);
}

/* A sign-off, the physician's social handles and a hashtag on a line of
 * their own, then the physician's title, above the signature: all the
 * answer's furniture, no answer of its own. */
static void test_social_handles_under_a_signoff(void)
{
    ru_result r =
        read_str("Will my implants harden if I vape?\n\n"
                 "Doctor Answers 2\n\n"
                 "Vaping and implants\n\n"
                 "Hi there,\n\n"
                 "Nicotine slows healing, but at three months the capsule around your "
                 "implant has mostly formed, so hardening from vaping alone is unlikely.\n\n"
                 "All the best,\n"
                 "Ann Lee MD, FACS\n"
                 "@implants @breastrevision @drannlee #drannlee\n"
                 "Board Certified Plastic Surgeon\n\n"
                 "Ann Lee, MD, FACS\nDenver Plastic Surgeon\n4.8 out of 5 stars 24 "
                 "reviews\n\n"
                 "Unlikely at this stage\n\n"
                 "Capsular contracture has many causes and nicotine is only one of them; "
                 "still, stopping is the best thing you can do for healing.\n\n"
                 "Tom Reyes, MD\nDallas Plastic Surgeon\n4.9 out of 5 stars 88 "
                 "reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Hi there, Nicotine slows healing");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "@implants"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Unlikely at this stage");
    ru_check_start(&r, 2, "Capsular contracture has many causes");
    ru_free(&r);
}

/* A signature whose name line carries a name in brackets and an Indian
 * board credential ("MD, DNB") under a closing line: the signature of the
 * answer above, no answer of its own. */
static void test_bracketed_name_with_a_board_credential(void)
{
    ru_result r =
        read_str("Will a laser fade a birthmark on my cheek?\n\n"
                 "Doctor Answers 2\n\n"
                 "Pigment lasers first\n\n"
                 "Flat brown birthmarks often lighten after a few sessions with a pigment "
                 "laser, though some come back over the years.\n\n"
                 "Good luck.\n\n"
                 "Priya (Devi) Raman, MD, DNB\nChennai Dermatologist\n4.9 out of 5 stars "
                 "16 reviews\n\n"
                 "Surgery is a last resort\n\n"
                 "Cutting out a birthmark leaves a scar, so most of us try a laser before "
                 "any surgery.\n\n"
                 "Tom Reyes, MD\nDallas Dermatologist\n4.8 out of 5 stars 40 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Flat brown birthmarks");
    ru_check_end(&r, 1, "Good luck.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Priya (Devi) Raman, MD, DNB");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Surgery is a last resort");
    ru_free(&r);
}

/* Inside a titled answer, a line without its period in which the physician
 * speaks to the asker ("I would not suggest that you ...") is prose, not the
 * next answer's title. */
static void test_unended_sentence_to_the_asker_is_no_title(void)
{
    ru_result r = read_str("My smile is crooked a month after Botox near my lip. Will it pass?\n\n"
                           "Doctor Answers 2\n\n"
                           "Give it time\n\n"
                           "It will pass.\n\n"
                           "I would not suggest that you get any other treatment now\n\n"
                           "The muscles near the lip are small and the toxin can spread to them; "
                           "they recover as it wears off over the next weeks.\n\n"
                           "Joel Marks, MD\nTrenton Plastic Surgeon\n4.8 out of 5 stars 12 "
                           "reviews\n\n"
                           "Expect a few more weeks\n\n"
                           "Toxin effects fade over three to four months, and a spread to the lip "
                           "usually fades sooner than that.\n\n"
                           "Tom Reyes, MD\nDallas Plastic Surgeon\n4.9 out of 5 stars 88 "
                           "reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Give it time");
    ru_check_start(&r, 1, "It will pass. I would not suggest that you");
    ru_check_end(&r, 1, "as it wears off over the next weeks.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Expect a few more weeks");
    ru_free(&r);
}

#define VOTE "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"

/* A page heading every answer with a vote line under its title: two blank
 * lines inside an answer, with no vote line under them, part two paragraphs
 * of that answer, not an untitled answer. */
static void test_wide_gap_without_a_vote_line_stays_inside(void)
{
    ru_result r = read_str("Can a stretched earlobe be repaired after a facelift?\n\n"
                           "Doctor Answers 2\n\n"
                           "Earlobe repair\n\n" VOTE
                           "Yes, the lobe can be reshaped. A small wedge of skin is removed under "
                           "local anesthesia.\n\n"
                           "Reshaping the lobe\n\n" VOTE
                           "Yes, it can be improved in most cases. The choice of method depends on "
                           "the cause.\n\n\n"
                           "In one method the lobe is freed and set higher. In another the skin is "
                           "trimmed along the crease.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Reshaping the lobe");
    ru_check_start(&r, 2, "Yes, it can be improved");
    ru_check_end(&r, 2, "trimmed along the crease.");
    ru_free(&r);
}

/* An unsigned answer closing with thanks and a farewell on one line, the
 * next answer's title under it: the closing is the answer's last words, not
 * an answer opened by thanks. */
static void test_thanks_and_farewell_above_a_title(void)
{
    ru_result r = read_str("Is this fluid under my scar a seroma?\n\n"
                           "Doctor Answers 2\n\n"
                           "Fluid under a scar\n\n"
                           "From the photos it looks like a small opening of the incision rather "
                           "than a seroma.\n\n"
                           "Your surgeon should check whether a stitch needs to come out.\n\n"
                           "Thank you for your question and the photos. All the best.\n\n"
                           "Drainage after a tummy tuck\n\n"
                           "Nobody can say for sure without an exam, but a little clear drainage "
                           "in the first weeks is common.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Fluid under a scar");
    ru_check_end(&r, 1, "the photos. All the best.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Drainage after a tummy tuck");
    ru_check_start(&r, 2, "Nobody can say for sure");
    ru_free(&r);
}

/* Where a vote line stands under each title, the physician's one-line
 * credit ("Name, Specialty, Country") under a farewell, right above the next
 * answer's title, is the answer's last line, no answer nor title. */
static void test_credit_line_above_a_voted_title(void)
{
    ru_result r =
        read_str("Should I keep tape on my incisions?\n\n"
                 "Doctor Answers 2\n\n"
                 "Taping after surgery\n\n" VOTE "\n"
                 "Hi there\n\n"
                 "Every surgeon has a routine, so check with yours; most keep tape on for "
                 "a week or two to support the scar.\n\n"
                 "Good luck\n\n"
                 "Ann Lee, Plastic Surgeon, UK\n\n"
                 "Paper tape helps\n\n" VOTE
                 "I place thin paper strips over the incision for two weeks and then "
                 "switch to silicone gel.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Taping after surgery");
    ru_check_start(&r, 1, "Hi there");
    ru_check_end(&r, 1, "Ann Lee, Plastic Surgeon, UK");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Paper tape helps");
    ru_check_start(&r, 2, "I place thin paper strips");
    ru_free(&r);
}

/* A bare page printing one answer a line: a short sign-off ("Dr. K") glued
 * under a line ending a sentence names that line's physician; it is no
 * answer of its own. */
static void test_short_signoff_in_a_run_of_answer_lines(void)
{
    ru_result r = read_str(
        "Lost my sense of taste after sinus surgery. What went wrong?\n\n"
        "I had sinus surgery in the spring and caught a bad cold a month later. Since then my "
        "food tastes of nothing. Is my taste gone for good?\n\n"
        "A cold after surgery is the usual culprit here, since the virus can injure the nerve of "
        "smell that gives food its flavour.\n"
        "Dr. K\n"
        "I think the infection is more likely to blame than the operation itself, and a smell "
        "clinic can test you.\n"
        "An ear, nose and throat doctor can look inside with a scope and order a scan of the "
        "sinuses if needed.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A cold after surgery");
    ru_check_end(&r, 1, "Dr. K");
    ru_check_start(&r, 2, "I think the infection");
    ru_check_start(&r, 3, "An ear, nose and throat doctor");
    ru_free(&r);
}

/* A name line with the physician's title and practice glued under it (two
 * short lines, no sentence), the next answer's title and its vote line
 * under them: the signature of the answer above, not the next answer's
 * title and body. */
static void test_title_and_practice_under_a_name(void)
{
    ru_result r = read_str("Is a hard spot under my breast scar a contracture?\n\n"
                           "Doctor Answers 2\n\n"
                           "Scar tissue\n\n" VOTE "\n"
                           "Hello. The firmness you feel is most likely healing scar along the "
                           "incision, which softens over a few months.\n\n"
                           "Ann Lee, MD\n"
                           "Breast Revision Specialist\n"
                           "Lakeside Surgery Center\n\n"
                           "Too early to tell\n\n" VOTE "\n"
                           "A contracture is rare this early; keep up the massage and see your "
                           "surgeon if the whole breast firms up.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Hello. The firmness you feel");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Too early to tell");
    ru_check_start(&r, 2, "A contracture is rare");
    ru_free(&r);
}

/* Thanks for the asker's photo ("Thanks for your photo and ...") opens an
 * answer as other greetings do. */
static void test_thanks_for_the_photo_opens_an_answer(void)
{
    ru_result r = read_str("Why does one eyebrow sit higher than the other? (Photo)\n\n"
                           "My left brow looks raised in every picture.\n\n"
                           "Doctor Answers 2\n\n\n\n"
                           "Many things can make brows uneven, from the bone beneath them to a "
                           "habit of raising one side.\n\n"
                           "An exam by a facial surgeon is the first step to find the cause.\n\n\n"
                           "Thanks for your photo and good question. Nobody's face is perfectly "
                           "even, and we notice our own differences the most.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Many things can make brows uneven");
    ru_check_end(&r, 1, "to find the cause.");
    ru_check_start(&r, 2, "Thanks for your photo and good question.");
    ru_free(&r);
}

/* A bare page whose answers open with a title and then a greeting ("Thank
 * you for this ... question."), one physician writing two blank lines between
 * paragraphs and another one: the wide gaps inside the greeted answer part
 * its paragraphs, not answers. */
static void test_wide_gaps_inside_a_titled_greeted_answer(void)
{
    ru_result r = read_str(
        "Bent ear after otoplasty, will it settle? (photo)\n\n"
        "Hello. My ear surgery was two weeks ago and the top of the ear sticks out more than the "
        "middle. Will this settle?\n\n"
        "Top of the ear after otoplasty\n\n"
        "Thank you for this good otoplasty question.\n\n\n"
        "This shape comes from a middle part set back more tightly than the top and bottom of "
        "the ear.\n\n\n"
        "If only the middle was stitched back, the tension eases and some of the shape returns "
        "over the next months.\n\n\n"
        "Hope this helps!\n\n\n"
        "Dr. Kern\n\n"
        "It is early days\n\n"
        "I see what you mean, but the change is small and swelling still hides the final "
        "shape.\n\n"
        "Give it three months before you judge the result, and show your surgeon the photos.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Top of the ear after otoplasty");
    ru_check_start(&r, 1, "Thank you for this good otoplasty question. This shape comes");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "If only the middle was stitched"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "It is early days");
    ru_check_start(&r, 2, "I see what you mean");
    ru_free(&r);
}

int main(void)
{
    static const tu_test tests[] = {
        {"a forum heading every post with its age", test_forum_posts_headed_by_their_age},
        {"flat page: a question followed by thanks", test_flat_question_then_thanks},
        {"similar questions under the last answer", test_similar_questions_end_the_answers},
        {"a reply to another physician starts an answer",
         test_reply_to_a_physician_starts_an_answer},
        {"a cut scrap under an empty title line is body",
         test_cut_scrap_under_an_empty_title_is_body},
        {"social handles under a sign-off", test_social_handles_under_a_signoff},
        {"a bracketed name with a board credential", test_bracketed_name_with_a_board_credential},
        {"an unended sentence to the asker is no title",
         test_unended_sentence_to_the_asker_is_no_title},
        {"a wide gap without a vote line stays inside",
         test_wide_gap_without_a_vote_line_stays_inside},
        {"thanks and a farewell above a title", test_thanks_and_farewell_above_a_title},
        {"a credit line above a voted title", test_credit_line_above_a_voted_title},
        {"a short sign-off in a run of answer lines", test_short_signoff_in_a_run_of_answer_lines},
        {"a title and practice under a name", test_title_and_practice_under_a_name},
        {"thanks for the photo opens an answer", test_thanks_for_the_photo_opens_an_answer},
        {"wide gaps inside a titled, greeted answer",
         test_wide_gaps_inside_a_titled_greeted_answer},
        {NULL, NULL},
    };
    return ru_run_suite("reader posts", tests, &g_cues);
}
