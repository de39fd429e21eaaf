/*
 * test_reader_layouts: one page per layout met on real physician Q&A pages
 * (tests/real), rewritten in our own words with the real structure, and the
 * exact segmentation the reader must give: how many answers, where each body
 * starts, titles, physicians, truncation, the question and its body.
 */
#define _POSIX_C_SOURCE 200809L
#include "readerutil.h"

static cn_pagecues *g_cues;

static ru_result read_str(const char *s)
{
    return ru_read_str(g_cues, s);
}

/* An older layout: "Ask a doctor" header, "Doctor Answers (N)" in brackets,
 * vote counts ("+3") on lines of their own, two blank lines under titles, and
 * answers after a "You might also like..." box. */
static void test_bracketed_count_and_votes(void)
{
    ru_result r =
        read_str("Ask a doctor\n\n"
                 "How Long Will a Bruise From Lip Filler Stay?\n\n"
                 "I had filler in my upper lip four days ago and a purple mark is still "
                 "there. When does it fade?\n\n"
                 "Doctor Answers (7)\n\n"
                 "Most lip bruises are gone within ten days\n\n+3\n\n"
                 "A bruise from a small needle usually fades over a week or so. Cold "
                 "packs in the first two days and arnica may help it along.\n\n\n"
                 "Miami Dermatologist\n4.8 out of 5 stars 40 reviews\n\n"
                 "Give it a week\n\n+1\n\n"
                 "Bruising after lip injections is common and harmless; it clears by "
                 "itself within one or two weeks.\n\n"
                 "Anna Berg, MD\nSeattle Plastic Surgeon\n5.0 out of 5 stars 12 reviews\n\n"
                 "You might also like...\n\n"
                 "Lip bruising resolves\n\n+2\n\n"
                 "As the other doctors said, a lip bruise resolves on its own, usually "
                 "before two weeks have passed.\n\n"
                 "Tom Reyes, MD\nDallas Facial Plastic Surgeon\n"
                 "4.9 out of 5 stars 88 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->declared_answers, 7);
    CU_ASSERT_STRING_EQUAL(p->question, "How Long Will a Bruise From Lip Filler Stay?");
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "I had filler in my upper lip"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Most lip bruises are gone within ten days");
    ru_check_start(&r, 1, "A bruise from a small needle");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.specialty, "Dermatologist");
    ru_check_start(&r, 2, "Bruising after lip injections");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Anna Berg, MD");
    ru_check_start(&r, 3, "As the other doctors said");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Tom Reyes, MD");
    ru_free(&r);
}

/* "N Answers" after a breadcrumb line, answers one a line with no blank lines,
 * some very short, and a bare name line in the middle that ends the answer
 * above it. */
static void test_count_line_one_answer_a_line(void)
{
    ru_result r =
        read_str("Anesthesia Questions Anesthesia\n\n"
                 "How soon after sedation can I take a bus alone?\n\n"
                 "I will have a short procedure with sedation next week.\n\n"
                 "6 Answers\n\n"
                 "Most centers ask that someone travels with you for the rest of that day.\n"
                 "Tomorrow.\n"
                 "The sedatives can leave you drowsy for hours, so plan on a companion "
                 "until the evening.\n"
                 "Mark T. Olsen, MD\n"
                 "The next morning you should be clear to travel on your own.\n"
                 "12 hrs\n"
                 "By the following day you are fine to ride alone.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 6);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 6);
    ru_check_start(&r, 1, "Most centers ask that someone");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "Tomorrow.");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 3, "The sedatives can leave you drowsy");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Mark T. Olsen, MD");
    ru_check_start(&r, 4, "The next morning you should be");
    /* a short line is an answer, not the title of the line below it */
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 5)->text, "12 hrs");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 6)->title);
    ru_check_start(&r, 6, "By the following day");
    ru_free(&r);
}

/* No "Doctor Answers" line: the title, the asker's own paragraph (first
 * person), then unsigned answers of several paragraphs, told apart by the
 * greetings that open them. */
static void test_bare_page_greetings(void)
{
    ru_result r = read_str("Is a chemical peel safe while I am nursing?\n\n"
                           "I have a five month old and I nurse him twice a day. My skin has dark "
                           "patches since the pregnancy and I would like a peel.\n\n"
                           "The short answer is that a light peel is reasonable. Very little of "
                           "the acid reaches the blood.\n\n"
                           "Deeper peels are another matter, and I would keep those for after "
                           "weaning.\n\n"
                           "Thank you for your question. We do not offer peels to nursing mothers "
                           "in our clinic, mostly out of caution.\n\n"
                           "Hello and congratulations on the baby. Glycolic peels at low strength "
                           "are used by many dermatologists during nursing.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->format, CN_FORMAT_BARE);
    CU_ASSERT_STRING_EQUAL(p->question, "Is a chemical peel safe while I am nursing?");
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "I have a five month old"));
    ru_check_start(&r, 1, "The short answer is that a light peel");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Deeper peels are another matter"));
    ru_check_start(&r, 2, "Thank you for your question. We do not");
    ru_check_start(&r, 3, "Hello and congratulations");
    ru_free(&r);
}

/* No "Doctor Answers" line, the question asked twice (title, then the same
 * question as its body), answers two blank lines apart with one blank line
 * between an answer's own paragraphs, and one signed answer among them. */
static void test_bare_page_wide_gaps(void)
{
    ru_result r = read_str("Can I use a tanning bed on my body after a face laser?\n\n\n"
                           "How long after a facial laser should I wait before a tanning bed, if I "
                           "cover my face?\n\n\n"
                           "No lotion blocks every ray that reaches the skin. I would stay away "
                           "from tanning beds for at least two months after resurfacing.\n\n\n"
                           "The laser leaves new skin that darkens easily in ultraviolet light.\n\n"
                           "Covering the face helps, but the light scatters and the blotches it "
                           "causes are hard to remove.\n\n"
                           "Paul Grant, M.D.\n"
                           "Denver Dermatologist\n\n\n"
                           "Tanning beds raise the risk of skin cancer at any time, laser or no "
                           "laser, and a spray tan gives the same look.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "How long after a facial laser"));
    ru_check_start(&r, 1, "No lotion blocks every ray");
    ru_check_start(&r, 2, "The laser leaves new skin");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Covering the face helps"));
    ru_check_start(&r, 3, "Tanning beds raise the risk");
    ru_free(&r);
}

/* A signature with no blank line before the next answer's title; a page cut
 * inside a rating line; a title-only answer at the very end. */
static void test_glued_signature_and_cut_rating(void)
{
    ru_result r = read_str("Numb cheek after a facelift?\n\nDoctor Answers 9\n\n"
                           "Numbness is expected\n\n"
                           "Feeling in the cheeks comes back slowly over six to twelve months as "
                           "the small nerves regrow.\n\n"
                           "Portland Plastic Surgeon\n"
                           "Give it time\n\n"
                           "Most of my patients regain normal sensation within the first year, and "
                           "nothing needs to be done meanwhile.\n\n"
                           "Lena Fox, MD\nTampa Plastic Surgeon\n4.7 out of");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Numbness is expected");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Portland");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Give it time");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Lena Fox, MD");
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    ru_free(&r);

    r = read_str("Swimming after a tummy tuck?\n\nDoctor Answers 12\n\n"
                 "Wait for the incisions\n{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + "
                 "1) }}\n\n"
                 "Pools are fine once every incision has closed, usually around four weeks.\n\n"
                 "Ivan Cole, MD\nDenver Plastic Surgeon\n\n"
                 "Six weeks is safer\n{{ voteCount >= 0 ? '+' + (voteCount +");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Six weeks is safer");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* Bullets are body text, not titles; "Hope that helps!" closes an answer,
 * a longer exclaimed line opens the next one. */
static void test_bullets_and_exclaimed_titles(void)
{
    ru_result r = read_str("Why did my thigh lift incision open?\n\nDoctor Answers 4\n\n"
                           "Separation has a few usual causes\n\n"
                           "The wound can open for several reasons:\n"
                           "\xE2\x80\xA2 Tension across the closure when you sit or bend.\n"
                           "\xE2\x80\xA2 A small infection under the skin.\n\n"
                           "Hope that helps!\n\n"
                           "Gina Park, MD\nAustin Plastic Surgeon\n\n"
                           "Small openings like this heal well with dressings!\n\n"
                           "Keep the area clean and let your surgeon follow it weekly; these close "
                           "from the bottom up.\n\n"
                           "Omar Diaz, MD\nPhoenix Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "A small infection under the skin"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Gina Park, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "Small openings like this heal well with dressings!");
    ru_check_start(&r, 2, "Keep the area clean");
    ru_free(&r);
}

/* A page that starts inside an answer has no question; a file that is a
 * list, not Q&A, is still refused. */
static void test_no_question_and_no_qa(void)
{
    ru_result r =
        read_str("there are good reasons to stay near your surgeon for the first days "
                 "after liposuction, since fluid shifts and clots are most likely then.\n\n"
                 "Hi, I would not book a long flight home the day after surgery; a "
                 "week later most patients travel comfortably.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(r.pages[0]->question);
    ru_check_start(&r, 1, "there are good reasons to stay");
    ru_check_start(&r, 2, "Hi, I would not book");
    ru_free(&r);

    /* Answers one a line with no question and no slogan: the first line, a
     * long sentence in no asker's voice, is an answer too. */
    r = read_str("Nobody can promise a number, since how much grafted fat survives varies "
                 "with the donor site, the technique and how the area is treated afterwards.\n"
                 "Expect to keep roughly half of what was placed; we judge the result at four "
                 "months and offer a touch-up when much less remains.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(r.pages[0]->question);
    ru_check_start(&r, 1, "Nobody can promise a number");
    ru_check_start(&r, 2, "Expect to keep roughly half");
    ru_free(&r);

    /* A page cut at a fixed length inside the first line of an answer's body:
     * the line ends in "to", so it is prose, not a title-only answer. */
    r = read_str("Can I use a retinol cream while breastfeeding?\n\nDoctor Answers 2\n\n"
                 "Little of a cream reaches the milk\n\n"
                 "The amount absorbed through the skin is tiny and none of it has been shown "
                 "to reach a nursing baby in any meaningful amount.\n\n"
                 "Lena Holm, MD\nStockholm Dermatologist\n\n"
                 "Most dermatologists advise waiting, although topical retinoids have not "
                 "been shown to\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "Most dermatologists advise waiting");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);

    r = read_str("Groceries\n\napples\n\nbread and a bag of rice\n\nmilk\n");
    CU_ASSERT_EQUAL(r.skipped, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.n_errors ? r.errors[0] : "", "no known page shape"));
    ru_free(&r);
}

/* The same answer twice on one page (a dated layout repeats it) counts once:
 * the second copy is a duplicate of the first. */
/* Answers closed without a signature block: a lone "Dr. Okafor" line or a
 * closing line ("Hope that helps!") ends an answer and the prose after it is
 * another physician's, whose title may end in a full stop. Signatures with a
 * remark in brackets after the credentials, and a specialty line with
 * qualifiers instead of a city right under the name. */
static void test_answers_closed_without_signature(void)
{
    ru_result r =
        read_str("Is a hard lump normal two weeks after chin liposuction?\n\n"
                 "There is a firm band under my chin since the procedure.\n\n"
                 "Doctor Answers 4\n\n"
                 "A firm band at two weeks is usually swelling that is settling. Gentle "
                 "massage twice a day and a lot of patience are all it needs for now, and "
                 "it will keep softening over the coming weeks.\n\n\n"
                 "Dr. Okafor\n\n\n"
                 "Firm areas are expected in the first month and soften over time. Keep "
                 "wearing the chin strap as long as your surgeon asked you to, and it "
                 "should be smooth by the third month.\n\n"
                 "Hope that helps!\n\n\n"
                 "Give it six weeks before you judge it.\n\n\n"
                 "Nothing you describe is worrying. We tell patients to wait a few "
                 "months before deciding anything.\n\n"
                 "Peter Lund, MD (retired)\nOslo Plastic Surgeon\n\n"
                 "A lump that grows or hurts should be examined, though most settle "
                 "without treatment.\n\n"
                 "Maria Chen, MD, FACS\nDouble Board Certified Facial Plastic Surgeon\n\n"
                 "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "A firm band at two weeks");
    ru_check_start(&r, 2, "Firm areas are expected");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Give it six weeks before you judge it.");
    ru_check_start(&r, 3, "Nothing you describe is worrying");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Peter Lund, MD (retired)");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.city, "Oslo");
    ru_check_start(&r, 4, "A lump that grows or hurts");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 4)->title);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 4)->physician.name, "Maria Chen, MD, FACS");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 4)->physician.specialty, "Facial Plastic Surgeon");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 4)->physician.city);
    ru_free(&r);
}

/* A page that lost its blank lines below the last signature: each long line
 * there is another physician's answer, the last one cut off. */
static void test_glued_answers_after_signature(void)
{
    ru_result r = read_str("When can I go back to the office after a breast lift?\n\n"
                           "Doctor Answers 5\n\n"
                           "Desk work is usually fine after about ten days, as long as you avoid "
                           "lifting anything heavy for a while longer.\n\n"
                           "Sara Lind, MD\nAustin Plastic Surgeon\n"
                           "Most of my patients are back at a desk within two weeks and at the gym "
                           "after six, once the incisions have healed well.\n"
                           "It depends on your job: office work after a week or two, physical work "
                           "after four to six weeks in most cases.\n"
                           "A breast lift needs about a week of rest before light office work can "
                           "start again for most pat\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Sara Lind, MD");
    ru_check_start(&r, 2, "Most of my patients are back");
    ru_check_start(&r, 3, "It depends on your job");
    ru_check_start(&r, 4, "A breast lift needs about a week");
    CU_ASSERT_TRUE(ru_answer(&r, 4)->truncated);
    ru_free(&r);
}

/* A site link printed after the physician's name ("- View Other Answers by
 * this Doctor") and a "City, ST" line under it; the page cut inside an
 * answer's first line, which holds two sentences: prose, not a title. */
static void test_name_link_and_cut_sentences(void)
{
    ru_result r =
        read_str("How long should I stay out of the sun after a peel?\n\n"
                 "Doctor Answers 3\n\n"
                 "Keep out of direct sun for at least two weeks after a medium peel, and use "
                 "a mineral sunscreen every day for months afterwards.\n\n"
                 "Irene Falk, M.D., FACS - View Other Answers by this Doctor\n"
                 "Denver, CO\n\n\n"
                 "Fresh skin burns easily, so a hat and shade matter more than usual for "
                 "the first month.\n\n"
                 "Omar Haddad, MD\nPhoenix Dermatologist\n\n"
                 "I would avoid sun for a month.  You certainly should not tan before th\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Irene Falk, M.D., FACS");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Denver");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->physician.specialty);
    ru_check_start(&r, 2, "Fresh skin burns easily");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "I would avoid sun for a month");
    ru_free(&r);
}

/* Lines printed on their own just above a signature belong to it: a
 * specialty line with qualifiers, "Dr. Name" with practice details in wide
 * columns (test_reader_edge: a body line advising a specialist stays text). */
static void test_signature_extras(void)
{
    ru_result r =
        read_str("Is a small dent after liposuction normal at three weeks?\n\n"
                 "Doctor Answers 2\n\n"
                 "Small dents at three weeks are usually swelling that has not settled yet; "
                 "they smooth out over the next months as the tissue softens, and gentle "
                 "massage twice a day helps them along.\n\n"
                 "Nora Quist, MD, MBA\n\n"
                 "Santa Monica, Board Certified Plastic Surgeon\n\n"
                 "Santa Monica Plastic Surgeon\n\n"
                 "Give it three months before judging the contour: the swelling hides "
                 "the final shape until then, and most small irregularities even out by "
                 "themselves without any treatment at all.\n\n"
                 "Dr. Ivo Brandt       Harbor Aesthetic Associates        Long Beach, CA\n\n"
                 "Long Beach Plastic Surgeon\n\n"
                 "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Nora Quist, MD, MBA");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Santa Monica");
    ru_check_start(&r, 2, "Give it three months");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Harbor Aesthetic"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.city, "Long Beach");
    ru_free(&r);
}

static void test_repeated_answer_counts_once(void)
{
    ru_result r = read_str("Nicotine gum before a breast lift?\n\nDoctor Answers 2\n\n"
                           "Nicotine narrows vessels\n\n"
                           "Gum, patches and cigarettes all deliver nicotine, which starves the "
                           "healing skin of blood; stop all of them a month before surgery.\n\n"
                           "Rosa Lind, MD\nBoston Plastic Surgeon\n\n"
                           "Nicotine narrows vessels\n\n"
                           "Gum, patches and cigarettes all deliver nicotine, which starves the "
                           "healing skin of blood; stop all of them a month before surgery.\n\n"
                           "Rosa Lind, MD\nBoston Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    ru_free(&r);
}

/* Dated pages with no blank lines: a date line above each answer, a site
 * label ("Answer:") run into the answer's title and first words, "Helpful" under it,
 * the same answer printed twice; and a page whose answers are closed by a
 * "Published on" date below them, one answer running over several lines. */
static void test_dated_pages(void)
{
    ru_result r = read_str("My surgeon says I must quit vaping before my eyelid lift. Is that "
                           "really true or just caution? Thanks.\n"
                           "March 3, 2015\n"
                           "Answer: Vaping and surgery Nicotine in any form narrows the small "
                           "vessels, so stop it four weeks before and after.\n"
                           "Helpful\n"
                           "March 3, 2015\n"
                           "Answer: Vaping and surgery Nicotine in any form narrows the small "
                           "vessels, so stop it four weeks before and after.\n"
                           "Helpful\n"
                           "9 May 2014\n"
                           "Answer: Your surgeon is right. Skin flaps heal worse in anyone who "
                           "uses nicotine.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->question, "quit vaping"));
    /* the title glued after the label is the answer's title (group_add_labelled) */
    ru_check_title(&r, 1, "Vaping and surgery");
    ru_check_start(&r, 1, "Nicotine in any form narrows");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "Your surgeon is right");
    ru_free(&r);

    r = read_str("Will a peel fade the brown patches on my cheeks?\n"
                 "Brown patches of this kind are stubborn and come back with sun.\n"
                 "A mild peel series together with a bleaching cream can lighten them.\n"
                 "Published on Jul 11, 2012\n"
                 "Peels help some patients a little, but daily sunscreen matters more than any "
                 "treatment.\n"
                 "and most only see a modest change in\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Brown patches of this kind");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "bleaching cream"));
    ru_check_start(&r, 2, "Peels help some patients");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "modest change"));
    ru_free(&r);
}

/* The practice's postal address under a signature belongs to it; a closing
 * wish ending in '!' and a short name line under it close the answer; a page
 * cut inside a rating line after its count, or inside a vote template (the
 * file ending in a line break), ends with a scrap, not an answer. */
static void test_signature_tails_and_cut_scraps(void)
{
    ru_result r = read_str("Hot tub after a breast lift?\n\nHow long do I wait?\n\n"
                           "Doctor Answers 9\n\n"
                           "Wait for the incisions\n\n"
                           "Incisions are sealed in two days, but soaking softens them; most of "
                           "us ask for four weeks.\n\n"
                           "Boise Plastic Surgeon\n4.9 out of 5 stars 31 reviews\n\n"
                           "1200 W Main St\nBoise, ID 83702\n\n"
                           "Four weeks for a hot tub\n\n"
                           "Showers are fine right away, baths and hot tubs after a month.\n\n"
                           "Good luck with your recovery!\n\n"
                           "Nina P.\n\n"
                           "Nina Patel, MD\nDenver Plastic Surgeon\n"
                           "5.0 out of 5 stars 12 re\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Boise");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Four weeks for a hot tub");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Good luck with your recovery!"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Nina Patel, MD");
    ru_free(&r);

    r = read_str("Uneven brows after Botox?\n\nDoctor Answers 5\n\n"
                 "A touch-up evens them\n\n"
                 "One brow sitting higher at two weeks is fixed with a unit or two.\n\n"
                 "Sam Ode, MD\nAustin Dermatologist\n\n"
                 "Why brows end up uneven\n\n{{ voteCo\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Why brows end up uneven");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    CU_ASSERT_TRUE(ru_answer(&r, 2)->text == NULL || ru_answer(&r, 2)->text[0] == '\0');
    ru_free(&r);
}

/* Sites that collect answers: one paragraph a line, an answer over several
 * lines closed by the physician's credit in brackets, a short heading line
 * over some answers. */
static void test_credited_answers(void)
{
    ru_result r = read_str(
        "Absorbable stitches are used in most tummy tucks because they dissolve by themselves "
        "and need no removal visit.\n"
        "Now and then the body pushes one to the surface before it has dissolved.\n"
        "A stitch poking out is harmless and is simply snipped at a visit. (Ann Vo, MD, "
        "Reno Plastic Surgeon)\n"
        "Poking stitches\n"
        "Your surgeon can trim the knot in a minute; it will not spoil the scar. (Raj "
        "Mehta, MD, FACS, Austin Plastic Surgeon)\n"
        "Let the office look at it rather than pulling on it at home. (Lena Ortiz, MD, "
        "Miami Plastic Surgeon)\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Absorbable stitches are used");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "simply snipped"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Vo, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Reno");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.specialty, "Plastic Surgeon");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Raj Mehta, MD, FACS");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Poking stitches");
    ru_check_start(&r, 2, "Your surgeon can trim");
    ru_check_start(&r, 3, "Let the office look");
    ru_free(&r);
}

/* Items of a list under "... includes:" are not titles; a paragraph right
 * under a vote line is body, not a title; a site's promoted-answer banner and
 * a "Web reference" line are furniture; a page cut in the place line under a
 * name ends in a scrap; a heading glued under an answer's last sentence heads
 * the next answer; the first line under "Doctor Answers N" may be a title
 * ending in a full stop. */
static void test_lists_votes_and_glued_headings(void)
{
    ru_result r =
        read_str("Is one breast sorer than the other normal?\n\nDoctor Answers 9\n\n"
                 "Promoted Local Answer Promoted local answers are shown by location.\n\n"
                 "Uneven soreness is common\n\n"
                 "One side often hurts more for a week or two. Warning signs include:\n\n"
                 "Rapid swelling\n\nDeep bruising\n\nPain that keeps growing\n\n"
                 "Those together need a call to your surgeon the same day.\n\n"
                 "Web reference: http://example.org\n\n"
                 "Omaha Plastic Surgeon\n4.8 out of 5 stars 20 reviews\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "The surgeon who operated should see you first; uneven soreness alone is "
                 "rarely a problem.\n\n"
                 "It usually settles by the third week without treatment of any kind.\n"
                 "Soreness after implants\n\n"
                 "Some asymmetry of pain is expected while the muscle stretches.\n\n"
                 "Karen Holt, MD\nBoise Pla\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Uneven soreness is common");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Pain that keeps growing"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Web reference"));
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "The surgeon who operated");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Soreness after implants");
    ru_check_start(&r, 3, "Some asymmetry of pain");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Karen Holt, MD");
    ru_free(&r);

    r = read_str("Do I need to bruise for the laser to work?\n\nDoctor Answers 5\n\n"
                 "Bruising is a side effect, not the goal.\n\n"
                 "Lasers for redness work with or without purple marks, and settings that "
                 "avoid bruising need a few more sessions.\n\n"
                 "Most patients prefer the gentler settings for that reason.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Bruising is a side effect, not the goal.");
    ru_check_start(&r, 1, "Lasers for redness work");
    ru_free(&r);
}

/* Pages cut at a fixed length inside an answer that is not signed yet: the
 * last line is the answer's next line or the start of its signature's name
 * ("Rosal"), not another answer's title; a title above the vote line still is
 * one; a page cut inside its closing disclaimer ends there. */
static void test_cut_inside_an_unsigned_answer(void)
{
    ru_result r =
        read_str("Can I wear contact lenses after a brow lift?\n\nDoctor Answers 6\n\n"
                 "Lenses are fine\n\n"
                 "Contact lenses touch the eye, not the incisions, so they can go back in "
                 "as soon as the swelling lets you open your eyes comfortably.\n\n"
                 "Mark Ellis, MD\nTulsa Plastic Surgeon\n4.7 out of 5 stars 31 reviews\n\n"
                 "Wait a few days\n\n"
                 "Swollen lids make lenses awkward to put in, and rubbing the lids early can "
                 "pull on the stitches. Give it three or four days.\n\n"
                 "In our clinic we usually");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Wait a few days");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "In our clinic we usually"));
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);

    /* also on a page that signs no answer */
    r = read_str("Can I wear contact lenses after a brow lift?\n\nDoctor Answers 6\n\n"
                 "Wait a few days\n\n"
                 "Swollen lids make lenses awkward to put in. Give it three or four days.\n\n"
                 "Lenses and swelling");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Lenses and swelling"));
    ru_free(&r);

    r = read_str("Can I wear contact lenses after a brow lift?\n\nDoctor Answers 6\n\n"
                 "Lenses are fine\n\nThey touch the eye, not the incisions.\n\n"
                 "Mark Ellis, MD\nTulsa Plastic Surgeon\n\n"
                 "Wait a few days\n\n"
                 "Swollen lids make lenses awkward to put in. Give it three or four days.\n\n"
                 "Rosal ");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(
        ru_answer(&r, 2)->text,
        "Swollen lids make lenses awkward to put in. Give it three or four days.");
    ru_free(&r);

    r = read_str("Can I wear contact lenses after a brow lift?\n\nDoctor Answers 6\n\n"
                 "Wait a few days\n\n"
                 "Swollen lids make lenses awkward to put in. Give it three or four days.\n\n"
                 "Mark Ellis, MD\nTulsa Plastic Surgeon\n\n"
                 "Lenses after eyelid surgery\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "Most patients can wear them again within a week.\n\n"
                 "Next week is fine\n\n{{ voteCount >= 0 ? '+' + (vo");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Next week is fine");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, "");
    ru_free(&r);

    r = read_str("Can I wear contact lenses after a brow lift?\n\nDoctor Answers 6\n\n"
                 "Wait a few days\n\n"
                 "Swollen lids make lenses awkward to put in. Give it three or four days.\n\n"
                 "Mark Ellis, MD\nTulsa Plastic Surgeon\n\nThese answers are for edu");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    ru_free(&r);
}

/* A vote line heads each answer, also one without a title: the body under it
 * starts a new answer, though the answer above has no signature. */
static void test_vote_line_heads_untitled_answer(void)
{
    ru_result r = read_str(
        "Is a blood clot under the skin after a facelift normal?\n\nDoctor Answers 12\n\n\n"
        "{{ voteCount }}\n"
        "A collection of blood is the most frequent early problem after a facelift, and small "
        "ones are drained with a needle.\n\n"
        "Not normal, but treatable\n\n{{ voteCount }}\n"
        "It is a known complication, and draining it was the right call.\n\n\n"
        "{{ voteCount }}\n"
        "Once it is drained, healing usually goes on as it would have.\n\n"
        "Ann Ruiz, MBChB, FRCS\nLeeds Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A collection of blood");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Not normal, but treatable");
    ru_check_start(&r, 2, "It is a known complication");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->physician.name);
    ru_check_start(&r, 3, "Once it is drained");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Ann Ruiz, MBChB, FRCS");
    ru_free(&r);
}

/* A page without "Doctor Answers": the title asks before a note in brackets;
 * the asker's line with an age closes the question, though its body also
 * speaks to "you"; a sign-off opening a line ("All the best, Dr Rowe.") with
 * the practice after it ends its answer; a topic and a question glued under
 * a signature is the next answer's title. */
static void test_bare_question_notes_and_signoffs(void)
{
    ru_result r = read_str(
        "3 weeks after a chin implant. Is the lip weakness normal? (Photo)\n\n"
        "The implant went in through my mouth and now my smile pulls to one side. Do you "
        "think this will last, and should you see it before the follow-up?\n\n\n"
        "M, 41, Denver\n\n"
        "A weak lower lip after a chin implant is usually a stretched nerve branch, and you "
        "can expect it to recover over weeks to months.\n\n"
        "All the best, Dr Rowe. Facial plastic surgery, Leeds\n\n"
        "Nerve recovery can take up to six months; ask your surgeon to check the movement at "
        "each visit.\n\n"
        "Kim Lau, MD\nBoston Plastic Surgeon\n"
        "Implants. Will the weakness last?\n\n"
        "In my practice it has always settled within a season, without any treatment.\n\n"
        "Rita Moss, MD\nDenver Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    const cn_page *p = r.pages[0];
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->question);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->body);
    CU_ASSERT_STRING_EQUAL(p->question,
                           "3 weeks after a chin implant. Is the lip weakness normal? (Photo)");
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "The implant went in"));
    ru_check_start(&r, 1, "A weak lower lip after");
    ru_check_start(&r, 2, "Nerve recovery can take");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Kim Lau, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Implants. Will the weakness last?");
    ru_check_start(&r, 3, "In my practice it has");
    ru_free(&r);
}

/* Unsigned answers whose titles end in '.': such a line heads an answer when
 * it restates three words of the question's title above a paragraph of
 * prose; a short sentence that restates less, or whose next paragraph goes on
 * from it ("Therefore, ..."), stays in the body. */
static void test_restated_titles_end_in_a_period(void)
{
    ru_result r =
        read_str("Will my gums recede after braces removal?\n\nDoctor Answers 4\n\n"
                 "Braces are not the cause\n\n"
                 "Recession has many causes, and orthodontic movement is only one of them.\n\n"
                 "Brushing hard is a common cause.\n\n"
                 "A soft brush and a gentle technique protect the gum line for years.\n\n"
                 "Gums rarely recede because of braces removal.\n\n"
                 "Taking the brackets off does not touch the gum; what matters is how the teeth "
                 "were moved and how well they are cleaned.\n\n"
                 "Gums and braces removal are often blamed together.\n\n"
                 "Therefore, ask your orthodontist to measure the gum line before and after.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Braces are not the cause");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Brushing hard is a common cause."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "Gums rarely recede because of braces removal.");
    ru_check_start(&r, 2, "Taking the brackets off");
    CU_ASSERT_PTR_NOT_NULL(
        strstr(ru_answer(&r, 2)->text, "Gums and braces removal are often blamed together."));
    ru_free(&r);
}

/* Unsigned answers on a page without titles: a farewell that ends a
 * paragraph of prose ("... in a few weeks.  Good luck!") closes its answer,
 * so the prose below is another physician's; a name line below one is the
 * answer's signature, not an answer. */
static void test_farewell_ends_a_paragraph(void)
{
    ru_result r =
        read_str("Firm lump under the scar four weeks after a tummy tuck?\n\n"
                 "My belly scar has a hard ridge under it since the surgery and I'm worried it "
                 "will stay.\n\n"
                 "Firmness along the scar is part of normal healing at this stage and softens over "
                 "the next months.\n\n"
                 "Gentle massage helps once your surgeon allows it, and your surgeon should see "
                 "you if it grows.  Good luck!\n\n"
                 "Scars pass through a maturing phase after an abdominoplasty; they are thick and "
                 "pink at first and flatten within a year.\n\n"
                 "Silicone sheets can help the scar settle.  Best wishes!\n\n"
                 "Omar Haddad\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Firmness along the scar");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Gentle massage helps"));
    ru_check_start(&r, 2, "Scars pass through a maturing phase");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Silicone sheets"));
    ru_free(&r);
}

/* Answers printed as paragraphs with blank lines between, each closed by the
 * physician's credit in brackets: the prose after a credit is another
 * answer, signed by its own credit; of two title-shaped lines after a credit,
 * the second heads the next answer. */
static void test_credit_ends_a_paragraph(void)
{
    ru_result r = read_str(
        "Will my nipples lose feeling after a breast lift?\n\n"
        "Feeling in the nipple comes from small nerve branches between the ribs; most "
        "techniques leave them in place, and the few patients who notice a change usually "
        "see it improve over the first year.\n\n"
        "Whether a little numbness is worth a better shape is your call to make. (Ada "
        "Quinn, MD, Tampa Plastic Surgeon)\n\n"
        "The nipple is moved upward on a stalk of tissue that keeps its nerves, which is why "
        "sensation that fades in the first weeks usually comes back within a few months.\n\n"
        "Lasting numbness is uncommon, and I quote it as a small risk. (Ben Ortiz, MD, "
        "FACS, Reno Plastic Surgeon)\n\n"
        "Nipple Feeling And Lifts\n\n"
        "Most women keep their sensation\n\n"
        "Nearly every patient keeps or regains normal feeling after the lift.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Feeling in the nipple comes");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ada Quinn, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Tampa");
    ru_check_start(&r, 2, "The nipple is moved upward");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ben Ortiz, MD, FACS");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.specialty, "Plastic Surgeon");
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Most women keep their sensation");
    ru_check_start(&r, 3, "Nearly every patient keeps");
    ru_free(&r);
}

/* A page whose answers close with the physician's credit in brackets, cut
 * one word into the next answer. Deciding whether the paragraph after a
 * credit opens an answer looks one paragraph further, past the page's end
 * here: that look must stop at the last paragraph (it once read an unset
 * entry, which crashed classify --jobs 2 on some runs; CI runs this test
 * under valgrind, which reports such a read). */
static void test_credit_then_cut_word_at_page_end(void)
{
    ru_result r = read_str(
        "hair dye after facelift\n"
        "\n"
        "A small question about dye two weeks after my facelift\n"
        "\n"
        "My roots are showing and I have an event at the end of the month, so I want to colour "
        "soon.\n"
        "\n"
        "Is it safe to use a box dye at home now or should I wait until the stitches are out "
        "completely?\n"
        "\n"
        "Hair dye on healing incisions can sting and, rarely, inflame them, so I ask my patients "
        "to wait until every scab is gone. (Cleo Marsh, MD, Denver Facial Plastic Surgeon)\n"
        "\n"
        "Better to wait a week\n"
        "\n"
        "Colouring after a facelift\n"
        "\n"
        "The incisions along the hairline need about three to four weeks to close fully, and the "
        "chemicals in hair dye can irritate skin that is still healing, which can slow the healing "
        "and leave a wider scar than necessary. A few more weeks of patience will keep your result "
        "looking its best. (Dan Reyes, MD, Austin Plastic Surgeon)\n"
        "\n"
        "Wait for healing\n"
        "\n"
        "Most surgeons let patients colour their hair about a month after a facelift, once the "
        "incisions are closed, there are no scabs left along the hairline and the skin is no "
        "longer tender to the touch. Ask your own surgeon to check the incisions before you book "
        "the colourist and you will be fine. (Eve Lind, MD, Miami Plastic Surgeon)\n"
        "\n"
        "Colouring Can Wait Four Weeks\n"
        "\n"
        "give the incisions time to close\n"
        "\n"
        "Your skin along the incisions is still fragile at two weeks and a box dye can burn or "
        "irritate it, so the safest choice is to wait until your surgeon confirms that the "
        "incisions are fully closed and the scabs are gone.\n"
        "\n"
        "The scabs must be gone before any colour touches the hairline. (Fay Ito, MD, Boston "
        "Facial Plastic Surgeon)\n"
        "\n"
        "It is best to wait at least four weeks after your facelift operation\n"
        "I advise all my patients to hold off on any chemical treatment of the hair until the "
        "incisions have closed.\n"
        "\n"
        "The chemicals are harsh and the skin is thin there. (Gus Hale, MD, Seattle Plastic "
        "Surgeon)\n"
        "\n"
        "That");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 6);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Colouring after a facelift");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Dan Reyes, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 5)->physician.name, "Gus Hale, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 6)->text, "That");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 6)->physician.name);
    CU_ASSERT_TRUE(ru_answer(&r, 6)->truncated);
    ru_free(&r);
}

/* Where an answer starts anyway (first on the page, or after a signature), a
 * title ending in '.' needs to restate only two subject words of the question
 * ("Those lower lids look overdone."), in a short line; a line that restates
 * three under a greeting ("Thanks for the question.") is the body's second
 * paragraph. */
static void test_two_word_restated_title(void)
{
    ru_result r = read_str(
        "Hollow lower lids two weeks after blepharoplasty (Photo)\n\n"
        "My lower lids look sunken since the operation and I'm afraid it is permanent.\n\n"
        "Those lower lids look overdone.\n\n"
        "I am afraid too much fat was taken out, and the hollows will not fill in with "
        "time; a filler or a fat transfer can soften them once healing is complete.\n\n"
        "Thanks for the question.\n\n"
        "Lower lids change a lot in recovery from blepharoplasty.\n\n"
        "Swelling hides and then reveals hollows over the first months, so judge the result "
        "at three months and not before.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Those lower lids look overdone.");
    ru_check_start(&r, 1, "I am afraid too much fat");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "Thanks for the question");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Lower lids change a lot"));
    ru_free(&r);

    /* a sentence of more than period_title_words words is body, though it
     * restates two words */
    r = read_str("Hollow lower lids two weeks after blepharoplasty (Photo)\n\n"
                 "Yes, lower lids can look hollow for a while, since the early swelling goes "
                 "down before things settle.\n\n"
                 "Give it three months before you judge the result or plan anything more.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Yes, lower lids can look hollow");
    ru_free(&r);
}

/* A page without "Doctor Answers" whose question body ends in a short line
 * cut by the site ("I stayed up late at a party"), above the first answer's
 * title: of two title-shaped lines above prose, the second is the title, and
 * the first is the question's. */
static void test_cut_question_line_above_a_title(void)
{
    ru_result r =
        read_str("One Glass of Wine a Week After My Facelift, and Now My Cheek Is Swollen?\n\n"
                 "I stayed up late at a party\n\n"
                 "Swelling after a facelift\n\n"
                 "Swelling comes and goes for weeks after a facelift, and a late night or a salty "
                 "meal often brings it back for a day; one glass of wine is unlikely to matter.\n"
                 "Best wishes,\nNora Lind, MD\n\n"
                 "Wine and facelift healing\n\n"
                 "Alcohol widens the small vessels and can add a little swelling, so keep it "
                 "modest for the first month.\n\n"
                 "Paul Ames, MD\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->body);
    CU_ASSERT_STRING_EQUAL(p->body, "I stayed up late at a party");
    ru_check_title(&r, 1, "Swelling after a facelift");
    ru_check_start(&r, 1, "Swelling comes and goes");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Wine and facelift healing");
    ru_free(&r);
}

/* A page without signatures whose answers each open with a title and a vote
 * line: the lines under a vote line, with no blank line between, are the
 * paragraphs of one answer, not one answer a line. */
static void test_lines_under_a_vote_line_are_one_answer(void)
{
    ru_result r =
        read_str("Home Microneedling and Now Red Marks?\n\n"
                 "I bought a roller online and used it twice; now I have red dots everywhere.\n\n"
                 "Doctor Answers 3\n\n"
                 "Home rollers carry real risks\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "Red dots after rolling usually mean the needles went too deep or were not clean, "
                 "and a dermatologist should look at them soon.\n"
                 "Until then keep the skin clean, skip active creams and use a plain moisturizer "
                 "twice a day.\n"
                 "Most of these marks fade over a few weeks once the skin is left alone.\n\n"
                 "Let the skin settle first\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "Give it two weeks without any treatment and see whether the dots are fading.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Home rollers carry real risks");
    ru_check_start(&r, 1, "Red dots after rolling");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Most of these marks fade"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Let the skin settle first");
    ru_check_start(&r, 2, "Give it two weeks");
    ru_free(&r);
}

/* Unsigned answers without titles, two blank lines everywhere: an answer
 * whose heading is glued to its first sentence by a dash ("Neck Filler And
 * Swallowing- In short, ...") starts there, heading kept in its text; a
 * one-word heading ("HONESTLY - ...") or a list item with a dash does not. */
static void test_dash_glued_heading_opens_an_answer(void)
{
    ru_result r = read_str(
        "Can neck filler make swallowing hard?\n\n\n"
        "I had filler in my neck lines a week ago and swallowing feels odd since then.\n\n\n"
        "Yes, a large amount of filler placed low in the neck can press on what lies below "
        "it, which you may feel as tightness when you swallow for a few days.\n\n\n"
        "HONESTLY - Most of the time the feeling is swelling and settles within days.\n\n\n"
        "- Tight Collar Feeling - Loosen any scarf or collar until it settles down.\n\n\n"
        "Neck Filler And Swallowing- In short, filler placed in the skin of the neck does "
        "not reach the throat, so the odd feeling is very likely swelling.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Yes, a large amount of filler");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "HONESTLY - Most of the time"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Loosen any scarf"));
    ru_check_start(&r, 2, "Neck Filler And Swallowing- In short");
    ru_free(&r);
}

/* Unsigned answers with titles: a heading inside an answer above a
 * paragraph that goes on from the one before it ("However, ...") is the
 * answer's own subheading, not the title of another answer. */
static void test_subheading_above_a_continuation(void)
{
    ru_result r =
        read_str("Will my nose tip drop after a rhinoplasty?\n\n"
                 "Doctor Answers 3\n\n"
                 "A little settling is expected\n\n"
                 "The tip is lifted a little more than planned because the healing tissues pull it "
                 "down slightly over the first year.\n\n"
                 "Ageing And The Nasal Tip\n\n"
                 "However, over decades the tip support weakens in everyone, which a strong "
                 "cartilage frame built during surgery can slow down.\n\n"
                 "Support makes the difference\n\n"
                 "A tip built on solid grafts keeps its position well, and most patients see "
                 "only small changes after the swelling is gone.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "A little settling is expected");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "However, over decades"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Support makes the difference");
    ru_check_start(&r, 2, "A tip built on solid grafts");
    ru_free(&r);
}

/* A physician writing in the first person ("I tell my patients", "in my
 * practice") is no asker: on a bare page the question's body ends where such
 * an answer starts, though it has no "you" and no greeting, and the answers
 * go on to the greeting that opens the next one; the asker's own "my" keeps
 * its paragraph in the body. On a flat page cut from the top, a first line in
 * that voice is an answer, not the site's slogan. */
static void test_first_person_physicians(void)
{
    ru_result r = read_str("Is a sauna safe two days after microneedling?\n\n"
                           "My gym has a sauna and I go every evening. Would a short session "
                           "hurt?\n\n"
                           "I also bruise easily, and my face is still a little pink.\n\n"
                           "I tell my patients to skip heat for three days after needling. Sweat "
                           "and heat can irritate the tiny channels in the skin while they "
                           "close.\n\n"
                           "After that a short sauna is fine.\n\n"
                           "Thanks for the question. In my practice the redness settles within "
                           "two days, and a sauna is allowed after three once the skin is "
                           "calm.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->format, CN_FORMAT_BARE);
    CU_ASSERT_STRING_EQUAL(p->question, "Is a sauna safe two days after microneedling?");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->body);
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "My gym has a sauna"));
    CU_ASSERT_PTR_NOT_NULL(strstr(p->body, "my face is still a little pink."));
    CU_ASSERT_PTR_NULL(strstr(p->body, "I tell my patients"));
    ru_check_start(&r, 1, "I tell my patients to skip heat");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "After that a short sauna is fine."));
    ru_check_start(&r, 2, "Thanks for the question. In my practice");
    ru_free(&r);

    r = read_str("In my practice most people go back to the gym within a week of the "
                 "procedure, and I have seen no harm come of it.\n"
                 "Light exercise from day three is fine; keep heavy lifting for the second "
                 "week.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    ru_check_start(&r, 1, "In my practice most people go back");
    ru_check_start(&r, 2, "Light exercise from day three");
    ru_free(&r);
}

/* A header line above each answer naming its physician ("Dr. Jane Roe
 * Answer"), a site's hashtag lines under answers, and a page cut inside the
 * "You might also like" box: none of them is an answer or a title. */
static void test_header_names_hashtags_and_cut_widget(void)
{
    ru_result r =
        read_str("Firm lump on my cheek after a drained hematoma: will it soften?\n\n"
                 "My facelift was three weeks ago and a blood collection was drained on day "
                 "two. One cheek is still hard.\n\n"
                 "Doctor Answers 4\n\n"
                 "Dr. Maria Lindqvist Answer\n\n"
                 "Hard areas after a hematoma soften over some weeks. Gentle massage and warm "
                 "packs speed this up.\n\n"
                 "Tampa Facial Plastic Surgeon\n4.8 out of 5 stars 61 reviews\n\n"
                 "Firmness after a drained collection\n\n"
                 "The body breaks down the leftover blood slowly, and the firm feel goes with "
                 "it over one to three months.\n\n"
                 "#Denver Facelift\n\n"
                 "Paul Okafor, MD\nDenver Plastic Surgeon\n4.9 out of 5 stars 30 reviews\n\n"
                 "Cheek lump #facelifthealing #hematoma #recovery\n\n"
                 "Patience\n\n"
                 "Most of these lumps flatten by themselves; ask your surgeon to look at it "
                 "if it grows or turns red.\n\n"
                 "Lena Hart, MD\nBoston Plastic Surgeon\n5.0 out of 5 stars 9 reviews\n\n"
                 "You might als");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Hard areas after a hematoma soften");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Answer"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Firmness after a drained collection");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "#Denver"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Patience");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Lena Hart, MD");
    CU_ASSERT_FALSE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* Answers glued one under another, each under its physician's name line and
 * a specialty line without a city ("Cardiology", "Family Medicine"), and the
 * site's "Continue Learning about" links after the last one. */
static void test_specialty_lines_under_names(void)
{
    ru_result r =
        read_str("Can green tea set off an irregular heartbeat?\n\n"
                 "Dr. Olga Brandt, MD\n"
                 "Cardiology (Cardiovascular Disease)\n"
                 "Green tea holds less caffeine than coffee, and a cup or two rarely sets off "
                 "an irregular rhythm.\n"
                 "Henry Sato, MD\n"
                 "Family Medicine\n"
                 "If you notice palpitations after tea, switch to a caffeine-free kind and "
                 "tell your doctor.\n"
                 "\n"
                 "Continue Learning about Heart Rhythm\n\n"
                 "Heart Rhythm\n\n"
                 "An irregular heartbeat has many causes, and most of them are harmless.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Green tea holds less caffeine");
    ru_check_start(&r, 2, "If you notice palpitations");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Continue Learning"));
    ru_free(&r);
}

/* One answer a line: a greeting alone on a line opens the answer on the line
 * under it, and a short line starting in lower case ends the sentence the
 * line above left open. */
static void test_greeting_and_broken_lines(void)
{
    ru_result r = read_str("Can I use retinol a week after a laser peel?\n"
                           "Most skin is ready for retinol again after two weeks, once all "
                           "peeling has stopped and nothing stings.\n"
                           "Hello there!\n"
                           "We let our patients restart retinol at night after ten days if the "
                           "skin looks calm and feels normal.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Most skin is ready for retinol");
    ru_check_start(&r, 2, "Hello there! We let our patients");
    ru_free(&r);

    r = read_str("Vision Questions Eyes\n\n"
                 "Can eye drops raise my blood pressure?\n\n"
                 "3 Answers\n\n"
                 "Some drops for glaucoma act on the whole body, and a few can raise the "
                 "blood pressure a little in people who are sensitive\n"
                 "to their effects.\n"
                 "Lubricating drops have no effect on blood pressure at all, whatever brand "
                 "you choose to use.\n"
                 "Ask your pharmacist which kind you have been given before you worry about "
                 "your pressure.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Some drops for glaucoma");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "to their effects."));
    ru_check_start(&r, 2, "Lubricating drops have no effect");
    ru_check_start(&r, 3, "Ask your pharmacist");
    ru_free(&r);
}

/* Bare pages whose asker's paragraph stands under the title: a title that
 * starts with a number, an asker's paragraph that asks and addresses the
 * site ("... affect your lip? I can't ...") above the first answer's title,
 * and a page with no title whose first paragraph is the asker's, thanks
 * included ("thank you for your help."). */
static void test_bare_asker_paragraphs(void)
{
    ru_result r = read_str("3 Days After Filler, One Cheek Is Higher\n\n"
                           "I had filler in both cheeks and now my left side sits higher than my "
                           "right. I'm worried it will stay like this!\n\n"
                           "Early swelling is uneven\n\n"
                           "In the first week the two sides often swell differently, and the "
                           "difference settles as the swelling goes down.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "3 Days After Filler, One Cheek Is Higher");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Early swelling is uneven");
    ru_check_start(&r, 1, "In the first week the two sides");
    ru_free(&r);

    r = read_str("Lip Droop After Forehead Botox?\n\n"
                 "Can Botox in the forehead affect your lower lip? My lip hangs on one side "
                 "since the injections.\n\n"
                 "Spread to a nearby muscle\n\n"
                 "Toxin placed low can drift to a muscle near the mouth; the effect wears off "
                 "over a few months.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "Can Botox in the forehead"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Spread to a nearby muscle");
    ru_free(&r);

    r = read_str("I had a skin tightening treatment a month ago. My jaw is still sore when I "
                 "chew. Is this normal? thank you in advance for your help.\n\n"
                 "Soreness for a few weeks is common after this treatment, since the energy "
                 "reaches deep layers of the skin and muscle.\n\n"
                 "We see tenderness for up to two months in some patients; it fades slowly "
                 "and needs no treatment.\n\n"
                 "Our clinic gives no pain medicine for this treatment, and soreness this late "
                 "should be checked by the provider who did it.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NOT_NULL(r.pages[0]->question);
    ru_check_start(&r, 1, "Soreness for a few weeks is common");
    ru_check_start(&r, 2, "We see tenderness for up to two months");
    ru_check_start(&r, 3, "Our clinic gives no pain medicine");
    ru_free(&r);
}

/* A bare page printing one answer a paragraph, each a single long line,
 * under the site's tags line: each paragraph is an answer, except one that
 * goes on from the paragraph above ("That said, ..."); after it, a paragraph
 * that restates the question's title ("hair", "grow", "facelift") starts
 * the next answer (one that does not goes on: see the essay test below). */
static void test_bare_page_one_answer_a_paragraph(void)
{
    ru_result r = read_str("Will my hair grow back along a facelift scar?\n\n"
                           "I am having a facelift in May and I worry about thin patches near "
                           "my ears afterwards.\n\n"
                           "Tags:woman age 45-54 hair loss facelift scars\n\n"
                           "Lasting hair loss along the incisions is rare when the cut follows "
                           "the direction of the hair roots.\n\n"
                           "That said, some thinning for a few months is normal while the "
                           "roots recover from the surgery.\n\n"
                           "Hair does grow back along a facelift scar in most people; ask your "
                           "surgeon where the incisions will be placed.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Lasting hair loss along the incisions");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "That said, some thinning"));
    ru_check_start(&r, 2, "Hair does grow back along a facelift scar");
    ru_free(&r);
}

/* A flat page cut from the top, one answer a line: a line below the first
 * answer in the asker's own words ("I'm confused ... tell me") is the
 * question, not an answer; a long answer that says "in my experience" once
 * stays an answer, and so does a short one "in my office" ([practice-phrases]). */
static void test_flat_asker_line_below_first_answer(void)
{
    ru_result r = read_str(
        "A permanent filler can still be taken out, but the surgery to remove it is hard and the "
        "result is often uneven.\n"
        "I'm lost here. I keep reading that this filler can never be undone, and elsewhere "
        "that a surgeon can cut it out. Just tell me plainly.\n"
        "Removal is possible through the inside of the mouth, though it takes skill. In my "
        "experience the beads sit in a capsule of scar, so the surgeon takes the capsule with "
        "them, and two or three sessions may be needed before the lumps are gone. Many people "
        "choose to leave small amounts alone, since each operation leaves a little scar of its "
        "own and the filler itself does no harm where it sits.\n"
        "Cutting it out can be done, but expect a long recovery and some lasting firmness.\n"
        "No trouble at all, we take these beads out every month in my office.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->format, CN_FORMAT_FLAT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->question, "I'm lost here."));
    ru_check_start(&r, 1, "A permanent filler can still be taken out");
    ru_check_start(&r, 2, "Removal is possible through the inside");
    ru_check_start(&r, 3, "Cutting it out can be done");
    ru_check_start(&r, 4, "No trouble at all, we take these beads out");
    ru_free(&r);
}

/* Two long lines of one paragraph with no blank line between them, on a page
 * that signs no answer (read one answer a line): a line opening with a
 * [continuations] word ("By way of comparison, ...") goes on from the line
 * above and stays in its answer. */
static void test_continuation_line_in_a_run(void)
{
    ru_result r = read_str(
        "Can I have a tummy tuck with a clotting gene?\n\n"
        "I carry one copy of a clotting gene. Is there a plan for before and after the "
        "operation?\n\n"
        "Doctor Answers 2\n\n"
        "A tummy tuck is still possible with the gene\n\n"
        "This inherited clotting trait is found in about one in twenty people of European "
        "descent, most of whom carry a single copy of it.\n\n"
        "The yearly chance of a clot is about one in a thousand for most people, and two to "
        "eight times higher with one copy of the gene.\n"
        "By way of comparison, women on the pill carry a three to four times higher risk of a "
        "clot than women who are not on it.\n\n"
        "Planned with a blood specialist, with early walking and blood thinners, the operation "
        "is reasonably safe.\n\n"
        "Yes, with precautions\n\n"
        "Tell your surgeon about the gene; blood thinners after the operation and early walking "
        "keep the risk low.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "This inherited clotting trait");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "By way of comparison, women"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Planned with a blood specialist"));
    ru_check_start(&r, 2, "Tell your surgeon about the gene");
    ru_free(&r);
}

/* A page that prints each physician's name and specialty right above the
 * answer, no blank line between, and one answer with no name at all: each
 * name goes with the text below it, not with the answer above (the first
 * name is no scrap of the question). */
static void test_signature_above_its_answer(void)
{
    ru_result r = read_str(
        "Can I drink green tea if I have an irregular heartbeat?\n\n"
        "Dr. Nora Hale, MD\n"
        "Internal Medicine\n"
        "Green tea holds less caffeine than coffee, and a cup or two a day rarely sets off an "
        "irregular rhythm in my patients.\n"
        "Victor Lund, MD\n"
        "Cardiology (Cardiovascular Disease)\n"
        "Some people find that any caffeine brings on skipped beats, so keep a short diary of "
        "what you drink and when the rhythm changes.\n"
        "Most people with this rhythm problem can keep a modest amount of tea in their day, "
        "as long as their heart rate stays under control with their medicine.\n"
        "Paula Ortiz, MD\n"
        "Family Medicine\n"
        "If tea seems to trigger your symptoms, switch to a decaffeinated kind for a few weeks "
        "and tell your doctor whether the episodes become less frequent.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question,
                           "Can I drink green tea if I have an irregular heartbeat?");
    ru_check_start(&r, 1, "Green tea holds less caffeine");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Dr. Nora Hale, MD");
    ru_check_start(&r, 2, "Some people find that any caffeine");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Victor Lund, MD");
    ru_check_start(&r, 3, "Most people with this rhythm problem");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->physician.name);
    ru_check_start(&r, 4, "If tea seems to trigger your symptoms");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 4)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 4)->physician.name, "Paula Ortiz, MD");
    CU_ASSERT_FALSE(ru_answer(&r, 4)->truncated);
    ru_free(&r);
}

/* A page that says it holds one answer ("Doctor Answers 1"), cut before its
 * disclaimer, whose answer has subheadings shaped like titles ("Why does the
 * skin darken?" above a paragraph): one answer, the subheadings inside it. */
static void test_declared_count_keeps_subheadings_inside(void)
{
    ru_result r = read_str("How long does redness last after a deep laser peel?\n\n"
                           "Doctor Answers 1\n\n"
                           "Redness after a deep laser peel\n\n"
                           "Most skin stays pink for two to three months after a deep "
                           "resurfacing laser, longer in fair and thin skin.\n\n"
                           "Why does the skin stay pink?\n\n"
                           "The laser wounds the top layers, and the new skin carries extra "
                           "blood vessels while it matures under the surface.\n\n"
                           "Who heals more slowly?\n\n"
                           "People with rosacea, smokers and those who skip sun protection "
                           "usually stay red for longer than the others.\n\n"
                           "A gentle moisturizer and a mineral sunscreen help the most while "
                           "the color fades\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Redness after a deep laser peel");
    ru_check_start(&r, 1, "Most skin stays pink for two to three months");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Why does the skin stay pink?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Who heals more slowly?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "A gentle moisturizer"));
    ru_free(&r);
}

/* A heading inside an answer above a bullet list ("A few questions for you
 * first" above "- Did your ..."): the answer's own subheading, not the title
 * of another answer, since no answer opens with a list item. */
static void test_heading_above_a_list_stays_inside(void)
{
    ru_result r = read_str("Brown patches two weeks after a laser peel?\n\n"
                           "Doctor Answers 2\n\n"
                           "Patches after a laser peel\n\n"
                           "Skin that tans easily often darkens for a while after a laser, "
                           "and the patches fade with care and patience.\n\n"
                           "A few questions for you first\n\n"
                           "- Did anyone ask about your skin type before the treatment?\n"
                           "- Were you given a bleaching cream to use beforehand?\n"
                           "- Have you been out in the sun since the peel?\n\n"
                           "Tina Marsh, MD\n"
                           "Boston Dermatologist\n"
                           "4.8 out of 5 stars 20 reviews\n\n"
                           "Give it time and use sunscreen\n\n"
                           "These marks usually lighten over two to three months; a "
                           "prescription lightening cream can speed that up.\n\n"
                           "Omar Reyes, MD\n"
                           "Austin Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Patches after a laser peel");
    ru_check_start(&r, 1, "Skin that tans easily often darkens");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "A few questions for you first"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "- Were you given a bleaching"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Tina Marsh, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Give it time and use sunscreen");
    ru_check_start(&r, 2, "These marks usually lighten");
    ru_free(&r);
}

/* A bare page read one answer a paragraph, where one answer is an essay in
 * short paragraphs: after a paragraph that goes on ("However, ..."), the
 * next one goes on too, though it has no such word; a paragraph that
 * restates the question's title starts the next answer. */
static void test_essay_in_short_paragraphs(void)
{
    ru_result r =
        read_str("Will my eyelid scar show after a brow lift?\n\n"
                 "I am booked for a brow lift next month. Will people notice the scar?\n\n"
                 "Most incisions for this operation sit inside the hairline and are hard to find "
                 "once they have healed.\n\n"
                 "Healing takes about a year, and the line is pink for the first few months.\n\n"
                 "However, the color fades slowly in almost everyone, and makeup covers it well in "
                 "the meantime.\n\n"
                 "Patients with thick hair near the temples usually hide the line with no effort "
                 "at all after that.\n\n"
                 "A brow lift scar rarely shows when the surgeon places it with care along the "
                 "hair, so ask to see healed examples.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Most incisions for this operation");
    ru_check_start(&r, 2, "Healing takes about a year");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "However, the color fades"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Patients with thick hair"));
    ru_check_start(&r, 3, "A brow lift scar rarely shows");
    ru_free(&r);
}

/* A flat page, one answer a line: the asker's short thanks under the
 * question ("Thanks a lot in advance.") is no answer, and a line that goes on
 * from the answer above ("That said, ...") stays in it. */
static void test_flat_thanks_and_continuation(void)
{
    ru_result r = read_str(
        "Does a scalp tattoo fade faster than one on the arm?\n"
        "Thanks a lot in advance.\n"
        "Scalp tattoos for thinning hair are done with fine needles and less ink, so they "
        "usually need a touch-up within a few years.\n"
        "That said, sun exposure matters more than the site, so a hat keeps the dots crisp "
        "for much longer.\n"
        "An arm tattoo sits deeper in thicker skin, which is why it keeps its color for "
        "decades with little care.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    ru_check_start(&r, 1, "Scalp tattoos for thinning hair");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "That said, sun exposure"));
    ru_check_start(&r, 2, "An arm tattoo sits deeper");
    ru_free(&r);
}

/* A flat page, one answer a line: an answer that opens with a greeting
 * ("Hello, ...") and ends with a closing alone on its line ("I hope this
 * helps.") holds the lines between them; the closing is no answer of its
 * own. The line after the closing starts the next answer. */
static void test_flat_greeting_to_closing_is_one_answer(void)
{
    ru_result r = read_str(
        "Three months ago I fell on a glass table and cut my chin down to the bone.\n"
        "Since my stitches came out I have rubbed oil into my scar every night, will it fade on "
        "its own?\n"
        "Hello, sorry to hear about the fall. A scar keeps changing for a year or more after an "
        "injury.\n"
        "During the first months it is often red and firm, and that is part of normal healing.\n"
        "Silicone gel or sheets used every day for three months can make it flatter and paler.\n"
        "If it is still thick after a year, a small revision or a steroid injection can help.\n"
        "I hope this helps.\n"
        "The photo shows a clean repair with even edges, so I would simply keep it out of the "
        "sun.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    ru_check_start(&r, 1, "Hello, sorry to hear about the fall.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Silicone gel or sheets"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "I hope this helps."));
    ru_check_start(&r, 2, "The photo shows a clean repair");
    ru_free(&r);
}

/* A bare page that opens with the site's lines (menu, "Follow us on ...",
 * a section's name, the question's short heading), then the asker's
 * paragraphs (one in the first person, one that asks), then one answer: the
 * site's lines and the asker's paragraphs are no answers. */
static void test_site_lines_above_the_askers_question(void)
{
    ru_result r = read_str(
        "Home Topics Clinics Library About\n"
        "Follow us on Twitter Follow us on Facebook Share this page\n\n"
        "Skin and Hair Center\n\n"
        "Scar after a mole removal\n\n\n\n"
        "I had a mole taken off my cheek three weeks ago and the doctor closed it with two "
        "stitches. My skin there is still pink and a little raised.\n\n"
        "The question is this. Will the raised part flatten by itself or does it need a "
        "cream?\n\n\n\n"
        "A small scar stays pink and firm for a few months while it matures, and most "
        "flatten by themselves within a year. Silicone gel can help it along.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_start(&r, 1, "A small scar stays pink and firm");
    ru_free(&r);
}

/* A greeting with the asker's name on a line of its own ("Hello Dana") under
 * an answer's title: the body's first line, never a title, so the line above
 * it is the title and the unsigned answer before ends there. */
static void test_greeting_line_under_a_title(void)
{
    ru_result r = read_str(
        "Open Incision After Breast Lift, Is It Serious? (photo)\n\n"
        "I am three weeks after a lift and a small opening appeared where the scars meet.\n\n"
        "Doctor Answers 9\n\n"
        "Small opening after a lift\n\n"
        "This spot is a common place for slow healing, and with simple wound care it usually "
        "closes in a few weeks.\n\n"
        "Keep it clean and let your surgeon check it every week until it has closed over.\n\n"
        "Wound after lift\n\n"
        "Hello Dana\n\n"
        "I understand why this worries you.\n\n"
        "In my practice, we see patients with such a wound every week until it heals, and "
        "almost all of them heal without any lasting pro");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "This spot is a common place");
    CU_ASSERT_FALSE(strstr(ru_answer(&r, 1)->text, "Wound after lift") != NULL);
    ru_check_title(&r, 2, "Wound after lift");
    ru_check_start(&r, 2, "Hello Dana I understand why");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* A page cut right after the first digit of the last signature's rating
 * ("5."): a scrap of the signature, no answer. */
static void test_rating_cut_after_its_first_digit(void)
{
    ru_result r = read_str("How Is the Navel Made Smaller in a Tummy Tuck?\n\n"
                           "Doctor Answers 3\n\n"
                           "Shaping the navel\n\n"
                           "The navel is trimmed and set into its new place once the skin of "
                           "the belly has been pulled down and closed.\n\n"
                           "Phoenix Plastic Surgeon\n4.7 out of 5 stars 22 reviews\n\n"
                           "The navel in a tummy tuck\n\n"
                           "The navel matters because it is the only scar seen in a bikini, "
                           "so I keep its stitches inside it where they do not show.\n\n"
                           "Ruth Alvarez, MD\nSan Jose Plastic Surgeon\n5.");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "The navel is trimmed");
    ru_check_start(&r, 2, "The navel matters because");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ruth Alvarez, MD");
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* "For example, ...": a short paragraph of an answer in short paragraphs that
 * names the question's subject and ends in '.', but goes on from the one
 * above it ([continuations]): no restated title of a new answer. */
static void test_example_line_is_no_title(void)
{
    ru_result r = read_str(
        "Why Does an Upper Belly Bulge Come Back After a Tummy Tuck?\n\n"
        "Some people have a flat lower belly for years after a tummy tuck but a bulge above "
        "the navel. Why?\n\n"
        "Doctor Answers 5\n\n"
        "How long a muscle repair lasts depends on several things\n\n"
        "First, it depends on how the muscle was repaired\n\n"
        "Second, it depends on the exercises done afterwards.\n\n"
        "For example, a mini tummy tuck may repair the muscle only below the navel and leave "
        "the upper belly muscle apart.\n\n"
        "When I repair the whole muscle I use two layers of stitches, which I find hold better "
        "over the years, though surgeons differ in their technique and materials.\n\n"
        "Chicago Plastic Surgeon\n4.9 out of 5 stars 81 reviews\n\n"
        "I have not seen this.\n\n"
        "An upper bulge after a tummy tuck usually shows right away, when the upper muscle was "
        "not repaired; one that comes years later I cannot explain without an exam.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "First, it depends on how");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "For example, a mini") != NULL);
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "I use two layers") != NULL);
    ru_check_start(&r, 2, "An upper bulge after a tummy tuck");
    ru_free(&r);
}

/* A bare page printing one answer a paragraph, where the page broke one
 * answer's last sentence off into a paragraph that opens in lower case: it
 * goes on from the answer above, and the paragraph after it is the next
 * answer, not an essay going on. */
static void test_paragraph_opening_in_lower_case(void)
{
    ru_result r = read_str(
        "Is it normal for the outer corner of my eye to droop after lower eyelid surgery?\n\n"
        "I had lower eyelid surgery yesterday and my outer corners look a little low and very "
        "swollen, mostly on the right side.\n\n"
        "Swelling and time will lift the lower eyelid again in most cases.\n\n"
        "After lower lid surgery the lid swells and gets heavier and its muscle works less "
        "well for some days, so a slight droop at the corner is common and usually settles.\n\n"
        "shows up very early after surgery, so expect swelling for at least ten days before "
        "you judge the corner.\n\n"
        "Your photo shows only the side of one eye, so a front view would help us a lot.\n\n"
        "What happens one day after surgery says little about how you will heal; if a problem "
        "stays after some weeks, your surgeon can treat it then.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "After lower lid surgery the lid swells");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "shows up very early") != NULL);
    ru_check_start(&r, 2, "Your photo shows only the side");
    ru_check_start(&r, 3, "What happens one day after surgery");
    ru_free(&r);
}

/* A page that heads each answer with a vote line: a second greeting inside
 * an answer ("Hi, I added a link ..." above "Hi Ann. ...") is the same
 * physician's, not another answer. */
static void test_second_greeting_under_a_vote_line(void)
{
    ru_result r = read_str(
        "How soon after a CO2 laser would pigment changes show?\n\n"
        "It has been two months since my CO2 laser and I was in the sun a lot two weeks "
        "after it. When can I stop worrying?\n\n"
        "Doctor Answers 3\n\n"
        "Preventing dark spots after a laser\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
        "Thank you for your question. If you have no dark spots now, the best thing is to "
        "prevent them: stay out of the sun and wear sunscreen every day.\n\n"
        "Dallas Facial Plastic Surgeon\n4.9 out of 5 stars 15 reviews\n\n"
        "Laser skin needs care for months\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Hi, I added a link below that may help...\n\n"
        "Hi Ann.  Sun two weeks after a laser can bring more redness and swelling at the "
        "time, and pigment that shows months later comes from new sun, so protect your skin "
        "and the spots will not come");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for your question. If you have");
    ru_check_title(&r, 2, "Laser skin needs care for months");
    ru_check_start(&r, 2, "Hi, I added a link below");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 2)->text, "Hi Ann.") != NULL);
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* A dated page printing each answer twice: the page ends inside the second
 * copy of the last answer, which is cut off and still the same answer; and
 * an "Answer:" label on a line of its own with a title only, above the body's
 * lines, heads its answer. */
static void test_dated_cut_copy_and_title_line(void)
{
    ru_result r = read_str(
        "Should I stop my hormone pills before a tummy tuck? My friend had to.\n"
        "Answer: Hormones and surgery Your safety comes first. Hormone pills, the birth "
        "control pill among them, raise the risk of blood clots during surgery, so your "
        "surgeon may ask you to stop them for some weeks before.\n"
        "Helpful\n"
        "April 2, 2020\n"
        "Answer: Clots and Hormone Pills\n"
        "Most plastic surgeons ask their patients to stop hormones some weeks before surgery "
        "and to start them again once they walk about normally; ask your own surgeon.\n"
        "Helpful\n"
        "April 2, 2020\n"
        "Answer: Clots and Hormone Pills\n"
        "Most plastic surgeons ask their patients to stop hormones some weeks before surgery "
        "and to start the");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 1, "Hormones and surgery");
    ru_check_start(&r, 1, "Your safety comes first");
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    ru_check_title(&r, 2, "Clots and Hormone Pills");
    ru_check_start(&r, 2, "Most plastic surgeons ask their patients");
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    ru_check_title(&r, 3, "Clots and Hormone Pills");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    CU_ASSERT_FALSE(ru_answer(&r, 3)->related);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->duplicate_of, ru_answer(&r, 2)->answer_id);
    ru_free(&r);
}

/* A page whose answers end with the physician's credit in brackets: a
 * title-shaped line inside an answer no credit has closed yet is its
 * subheading (a link's caption, a restated question), and the next answer
 * starts after the credit, under a title or two. */
static void test_subheadings_on_a_credited_page(void)
{
    ru_result r = read_str(
        "Areola Incision Scar After Breast Implants\n\n"
        "Implants placed through the areola leave a scar at its edge, and most of these fade "
        "into a fine line within a year.\n\n"
        "If yours is thick or sits in the wrong place, a small scar revision can set it "
        "right, and lasers or peels can even out its colour.\n\n"
        "Areola scar photos\n\n"
        "To see photos of such scars and how they heal, please follow the link below. (Lena "
        "Ortiz, MD, Tampa Plastic Surgeon)\n\n"
        "Every incision leaves a scar, but you can help it: follow your surgeon's advice, "
        "do not smoke and keep from straining the area for some weeks.\n\n"
        "The areola scar\n\n"
        "How the surgeon closes the incision also matters, and a silicone gel from the "
        "second week on helps the scar to flatten. (Omar Haddad, MD, Austin Plastic "
        "Surgeon)\n\n"
        "Areola Scars After Augmentation\n\n"
        "A scar that fades\n\n"
        "Both the areola and the fold under the breast heal into fine lines in a few months, "
        "so give yours time before you think of a revisi");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Implants placed through the areola");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "please follow the link") != NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Lena Ortiz, MD");
    ru_check_start(&r, 2, "Every incision leaves a scar");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 2)->text, "silicone gel") != NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Omar Haddad, MD");
    ru_check_title(&r, 3, "A scar that fades");
    ru_check_start(&r, 3, "Both the areola and the fold");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* A sign-off at the end of a paragraph ("... Best of luck. Dr. Lane")
 * closes its answer; a short line under it, above prose, is the next answer's
 * title even when it ends in '.' and restates nothing of the question. */
static void test_signoff_ending_a_paragraph_then_a_title(void)
{
    ru_result r = read_str(
        "Firm Uneven Swelling a Week After a Face Lift, Could It Be a Bleed?\n\n"
        "I am seven days after my lift and one cheek is hard and bigger than the other.\n\n"
        "Doctor Answers 6\n\n"
        "Possible bleed\n\n"
        "Please let your surgeon see this soon. It could be a collection of blood that "
        "needs draining.\n\n"
        "Ann Wu, MD\nReno Plastic Surgeon\n4.8 out of 5 stars 19 reviews\n\n"
        "Swelling after a lift\n\n"
        "Marked unevenness after a lift is not usual. Some firm swelling is, but it is "
        "mostly even on both sides; if in doubt, your surgeon would rather see you today "
        "than hear about it next week.  Best of luck. Dr. Lane\n\n"
        "One-sided swelling should be checked.\n\n"
        "Some firm swelling a week after a lift is normal, but when only one side is "
        "swollen your surgeon should check it for a collection of blood or flu");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 2, "Marked unevenness after a lift");
    CU_ASSERT_FALSE(strstr(ru_answer(&r, 2)->text, "should be checked") != NULL);
    ru_check_title(&r, 3, "One-sided swelling should be checked.");
    ru_check_start(&r, 3, "Some firm swelling a week after");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* A page without a count line or signatures: after a closing line, a title
 * of a topic and a question ("Bulges Under the Lids After Surgery. Just
 * Swelling?") heads the next answer, as other titles there do. */
static void test_asked_title_after_a_closing(void)
{
    ru_result r = read_str(
        "Bulges under my lids after lower eyelid surgery?\n\n"
        "I had lower eyelid surgery two and a half weeks ago and now see a bulge right under "
        "each incision. Is this swelling that will go, or how I am built? The left one is "
        "softer.\n\n"
        "Bulge under the incision\n\n"
        "The bulge under and along the incision is swelling of the eyelid muscle and early "
        "scar, and like the other swelling it should settle over the coming weeks.\n\n"
        "Normal swelling after surgery\n\n"
        "The roll just under the incision is swelling in the muscle that closes the lid, and "
        "it goes down with time; swelling lower on the lid often takes longest.\n\n"
        "Best of luck,\n\n\n"
        "Bulges Under the Lids After Surgery. Just Swelling?\n\n"
        "As the doctors above said, and I fully agree, this is early swelling that will fade "
        "over the next month or two without any tre");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 2, "The roll just under the incision");
    ru_check_title(&r, 3, "Bulges Under the Lids After Surgery. Just Swelling?");
    ru_check_start(&r, 3, "As the doctors above said");
    ru_free(&r);
}

/* A page without signatures that leaves two blank lines under each title:
 * a body printed as two lines with no blank line between is one answer, not
 * two answers printed one a line. */
static void test_two_body_lines_under_a_wide_title(void)
{
    ru_result r = read_str(
        "Small Knots Under My Tummy Tuck Scar\n\n"
        "I had a tummy tuck and this week noticed two small knots under the scar. I have "
        "been massaging them.\n\n"
        "Doctor Answers (6)\n\n"
        "Knots along the scar\n\n\n"
        "Knots under a tummy tuck scar are most often the buried stitches or the swelling "
        "around them, and they go as the stitches dissolve over some months.\n"
        "They can also be a little fat that hardened, which is more common in the middle of "
        "the scar and may last longer, but it can be removed if it bothers you.\n\n"
        "Scar bumps\n\n\n"
        "A new scar is pink, firm and bumpy for three or four months, then it softens and "
        "flattens; silicone sheets help if it starts to rise.\n\n"
        "Stitches under the skin\n\n\n"
        "Most people feel the knots of buried stitches under a tummy tuck scar once the "
        "swelling has gone down, and even dissolving ones take some mon");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 1, "Knots along the scar");
    ru_check_start(&r, 1, "Knots under a tummy tuck scar");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "a little fat that hardened") != NULL);
    ru_check_start(&r, 2, "A new scar is pink");
    ru_check_start(&r, 3, "Most people feel the knots");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* A greeting alone on its line ("Hi Marta,", "Dear Lou:", "Thank you for the
 * question.") opens its answer's body: it is no title, and the paragraph or
 * the lines under it are the same physician's, even one that opens as
 * answers do ("Thanks for your question."). */
static void test_greeting_alone_opens_the_body(void)
{
    ru_result r = read_str(
        "Can I Use Ice Packs After Cheek Filler?\n\n"
        "I had filler in both cheeks yesterday and they feel puffy. Is ice all right?\n\n"
        "Doctor Answers 6\n\n"
        "Cold helps the first days\n\n"
        "Short sessions of cold on the cheeks in the first two days ease the swelling; keep a "
        "cloth between the pack and the skin.\n\n"
        "Tampa Dermatologist\n4.6 out of 5 stars 21 reviews\n\n"
        "Ice is fine after filler\n\n"
        "Hi Marta,\n\n"
        "Thanks for your question. Cool packs are fine, ten minutes at a time, and they will "
        "not move the product.\n\n"
        "Lena Fox, MD\nBoston Plastic Surgeon\n4.9 out of 5 stars 70 reviews\n\n"
        "Thank you for the question.\n\n"
        "Gentle cold is safe, but do not press hard on the cheeks for the first week after the "
        "treatment.\n\n"
        "Omar Said, MD\nDenver Facial Plastic Surgeon\n5.0 out of 5 stars 9 reviews\n\n"
        "Good question for your own injector.\n\n"
        "Most injectors allow cold packs the same evening, but ask the one who treated you "
        "what they prefer.\n\n"
        "Ruth Lang, MD\nAustin Dermatologist\n4.7 out of 5 stars 15 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Short sessions of cold");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Ice is fine after filler");
    ru_check_start(&r, 2, "Hi Marta, Thanks for your question. Cool packs");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Lena Fox, MD");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "Thank you for the question. Gentle cold is safe");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Omar Said, MD");
    /* more than a greeting: a heading */
    ru_check_title(&r, 4, "Good question for your own injector.");
    ru_check_start(&r, 4, "Most injectors allow cold packs");
    ru_free(&r);

    /* No signatures: a run under a greeting line is one answer, not one a line. */
    r = read_str("Swimming two weeks after a tummy tuck?\n\n"
                 "My incision looks closed. Can I swim in a pool yet?\n\n"
                 "Pools carry germs, so most surgeons ask patients to wait until the incision "
                 "has fully healed, often four to six weeks.\n\n"
                 "Thank you for the question.\n"
                 "A closed looking incision can still have small openings under the surface.\n"
                 "Ask your surgeon to look at it before you go into any water at all.\n"
                 "I hope this helps.\n\n"
                 "Showers are fine, but baths, hot tubs and pools should wait until your "
                 "surgeon clears you at a visit.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Pools carry germs");
    ru_check_start(&r, 2, "Thank you for the question. A closed looking incision");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 2)->text, "before you go into any water") != NULL);
    ru_check_start(&r, 3, "Showers are fine");
    ru_free(&r);
}

/* Flat pages cut from the top: a first line that speaks to the asker as much
 * as of the physician's own ("in my opinion", "you"), or ends in the
 * physician's name glued after the last sentence, is an answer; a first line
 * mostly in the asker's voice, though it addresses the doctors, is the
 * question's. */
static void test_flat_first_line_voices(void)
{
    ru_result r = read_str(
        "In my opinion you should stop every nicotine product, the patch included, for a "
        "month before the lift and a month after it, as the skin flaps need all their blood!\n"
        "The patch still narrows the small vessels, so ask your surgeon whether to stop it "
        "too.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(r.pages[0]->question);
    ru_check_start(&r, 1, "In my opinion you should stop");
    ru_check_start(&r, 2, "The patch still narrows");
    ru_free(&r);

    r = read_str("Numbing cream and light sedation are both reasonable for a small nose "
                 "revision, and the choice depends on comfort. I hope this helps.Ana Ruiz, "
                 "MDana-ruiz.example\n"
                 "General anesthesia is what most surgeons use for a full rhinoplasty, since "
                 "the airway is protected.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Numbing cream and light sedation");
    ru_check_start(&r, 2, "General anesthesia is what");
    ru_free(&r);

    r = read_str("I'm having my lift in five days and I've been wearing a patch to quit, so I "
                 "want to ask you doctors if my patch is a problem.\n"
                 "Nicotine in any form narrows the vessels that feed the skin, so most surgeons "
                 "ask you to stop the patch too.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_start(&r, 1, "Nicotine in any form");
    ru_free(&r);
}

/* Names printed above the answers, each with a specialty line spelled out in
 * brackets ("OBGYN (Obstetrics & Gynecology)"), no blank lines anywhere: the
 * specialty line belongs to the name above it, the prose under it is that
 * physician's answer; short credential lines under a name stay in its
 * signature. */
static void test_bracketed_specialty_under_a_name(void)
{
    ru_result r = read_str(
        "How soon can I drive after a hysterectomy?\n\n"
        "Dr. Rosa Lind, MD\n"
        "Rosa Lind, MD, of a city hospital, says most women drive again two weeks after a "
        "laparoscopic hysterectomy.\n"
        "Paul Ng, MD\n"
        "OBGYN (Obstetrics & Gynecology)\n"
        "Driving depends on whether you can brake hard without pain, which for most women "
        "takes two to four weeks, explains Paul Ng, MD.\n"
        "Ida Marsh, DO\n"
        "OBGYN (Obstetrics & Gynecology)\n"
        "After an open operation the wait is longer, about four to six weeks, says Ida Marsh, "
        "DO, of a county clinic.\n"
        "Leo Brandt, MD\n"
        "Board Certified OBGYN\n"
        "Board Certified Pelvic Surgery\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Rosa Lind, MD, of a city hospital");
    ru_check_start(&r, 2, "Driving depends on whether");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Paul Ng, MD");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.specialty);
    ru_check_start(&r, 3, "After an open operation");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Ida Marsh, DO");
    CU_ASSERT_FALSE(strstr(ru_answer(&r, 3)->text, "Board Certified") != NULL);
    ru_free(&r);
}

/* Vote counts ("+2") printed above each answer's title rather than under
 * it, under a count line with the asker's details after a bar ("9 Doctor
 * Answers | Asked by ..."): the line under each vote line is a title, glued
 * above its answer's text or a paragraph of its own; the site's lines above
 * the first vote line are no answer. */
static void test_vote_lines_above_titles(void)
{
    ru_result r = read_str(
        "Retinol: Q&A\n"
        "Can Retinol Make My Skin Peel for Months?\n\n"
        "I started a retinol cream in spring and my cheeks still flake. Is that normal?\n\n"
        "9 Doctor Answers | Asked by flakyface in Reno, NV\n"
        "Asked by\n"
        "flakyface\n"
        "+4\n"
        "Peeling that lasts\n"
        "Most skin gets used to retinol within six to eight weeks; flaking for months "
        "suggests the strength or the amount is too much for you.\n"
        "Best wishes.\n"
        "+2\n\n"
        "Try a lower strength.\n\n"
        "Switching to a gentler retinol every other night, with a plain moisturizer on top, "
        "usually stops the peeling within a few weeks.\n"
        "+1\n"
        "Let the skin rest\n"
        "Stop the cream for a week and let the skin heal, then start again twice a week and "
        "build up slowly.\n"
        "+1\n"
        "See a dermatologist\n"
        "If the flaking comes with redness or itch, it may be a rash rather than the "
        "retinol itself, and it should be looked at in pers");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 9);
    ru_check_title(&r, 1, "Peeling that lasts");
    ru_check_start(&r, 1, "Most skin gets used to retinol");
    ru_check_title(&r, 2, "Try a lower strength.");
    ru_check_start(&r, 2, "Switching to a gentler retinol");
    ru_check_title(&r, 3, "Let the skin rest");
    ru_check_start(&r, 3, "Stop the cream for a week");
    ru_check_title(&r, 4, "See a dermatologist");
    ru_check_start(&r, 4, "If the flaking comes with redness");
    CU_ASSERT_TRUE(ru_answer(&r, 4)->truncated);
    ru_free(&r);
}

/* Count lines of other sites ([answer-markers]): "Doctors Answers (3)"
 * above answers of one paragraph each, with no titles, signatures or vote
 * lines; "12 doctors weighed in across 2 answers", whose count is the
 * answers'. */
static void test_other_count_lines(void)
{
    ru_result r = read_str(
        "Can I exercise after sclerotherapy?\n\n"
        "This question was asked in Mesa, Arizona and has 3 answer(s).\n"
        "I had spider veins injected yesterday and I usually run every morning.\n\n\n"
        "Doctors Answers (3)\n\n"
        "Walking is encouraged right away. Hard running is best left for a week, since it "
        "raises the pressure in the treated veins.\n\n"
        "Light exercise helps the circulation. Most of my patients go back to the gym after "
        "two or three days with their stockings on.\n\n"
        "Avoid hot baths and heavy lifting for a few days. Running can usually start again "
        "within the wee");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 3);
    ru_check_start(&r, 1, "Walking is encouraged right away");
    ru_check_start(&r, 2, "Light exercise helps the circulation");
    ru_check_start(&r, 3, "Avoid hot baths and heavy lifting");
    ru_free(&r);

    r = read_str("A member asked:\n\n"
                 "Is it safe to use a steroid cream on my eyelids?\n\n"
                 "12 doctors weighed in across 2 answers\n\n"
                 "Short courses only: A weak steroid for a few days is usually fine on the "
                 "eyelids, but longer use thins the skin and can raise eye pressure.\n\n"
                 "Answered 3/4/2019\n\n"
                 "Ask your doctor: The eyelid skin is the thinnest of the body, so use only what "
                 "was prescribed for it and for as long as it was.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 2);
    ru_check_start(&r, 1, "Short courses only: A weak steroid");
    ru_check_start(&r, 2, "Ask your doctor: The eyelid skin");
    ru_free(&r);
}

/* A page cut inside the first line under a signature: a line as long as
 * prose ("... but if the cheek starts to swell (mor") is the start of the
 * next answer's text; a short one is a title cut by the page's end. */
static void test_long_cut_line_is_text(void)
{
    const char *head = "Bruise on my cheek after filler, should I worry?\n\n"
                       "Doctor Answers 5\n\n"
                       "Bruises fade\n\n"
                       "A bruise after filler fades in one to two weeks, and arnica may "
                       "speed it up a little.\n\n"
                       "Mia Stone, MD\nPortland Dermatologist\n4.8 out of 5 stars 30 reviews\n\n";
    char page[1024];
    snprintf(page, sizeof page, "%s%s", head,
             "This looks like an ordinary bruise, but if the cheek starts to swell or hurt (mor");
    ru_result r = read_str(page);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "This looks like an ordinary bruise");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);

    snprintf(page, sizeof page, "%s%s", head, "Bruising is common after cheek fil");
    r = read_str(page);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 2, "Bruising is common after cheek fil");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "");
    ru_free(&r);
}

/* Bare pages: the asker's story as the page's first line, asking the
 * doctors, with no title above it; the asker's paragraph under the title
 * that speaks to the doctors too ("Let me know what you think!") above a
 * first answer headed by one short sentence; the asker's paragraph in the
 * first person ("I have ... I was ...") that asks the doctors, or stands
 * above the first answer's title. None is an answer. */
static void test_askers_story_is_no_answer(void)
{
    ru_result r = read_str(
        "I am due in May and have booked a tummy tuck in the fall. Is it safe to start the pill "
        "again before it? I would like something long term but I am worried about clots\n\n"
        "The main risk of the pill around surgery is a clot in the leg veins that can travel to "
        "the lungs, so most surgeons ask you to stop it a month before.\n\n"
        "Austin Plastic Surgeon\n"
        "A hormone coil carries far less of that risk and is a good choice before a large "
        "operation; discuss it with your gynecologist.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "I am due in May"));
    ru_check_start(&r, 1, "The main risk of the pill");
    ru_check_start(&r, 2, "A hormone coil carries");
    ru_free(&r);

    r = read_str("Three Weeks After a Breast Lift, Why Is My Drain Still Full?\n\n"
                 "I had my lift three weeks ago and I'm still draining about 40cc a day. My "
                 "surgeon says it is fine but I'm worried. What do you think? Let me know what "
                 "you think!\n\n"
                 "A drain three weeks after a lift is not unusual.\n\n"
                 "Some patients make more fluid than others, and a drain that still gives 40cc "
                 "a day should stay until the amount drops below what your surgeon wants.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I had my lift"));
    ru_check_title(&r, 1, "A drain three weeks after a lift is not unusual.");
    ru_check_start(&r, 1, "Some patients make more fluid");
    ru_free(&r);

    /* "I" alone says nothing of the voice, but many of them, asking the
     * doctors, with no one addressed, is the asker's story */
    r = read_str("Heavy Eyelids After Forehead Botox\n\n"
                 "I have heavy and swollen eyelids since my forehead was injected. What can be "
                 "done? I was treated ten days ago and I still have the line I wanted gone.\n\n"
                 "Hello. Heavy lids after forehead injections come from a relaxed brow, and the "
                 "effect fades as the product wears off over two to three months.\n\n"
                 "Eye drops that lift the lid a little can help while you wait for the "
                 "treatment to wear off; ask the doctor who treated you.\n\n"
                 "Jane Doe, MD\nAustin Dermatologist\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I have heavy and swollen"));
    ru_check_start(&r, 1, "Hello. Heavy lids after forehead");
    ru_free(&r);

    r = read_str("Can I Swim in the Sea Six Weeks After a Tummy Tuck?\n\n"
                 "I am having a tummy tuck next month. I am wondering if I will be able to "
                 "snorkel on a trip six weeks later, since I would hate to miss it.\n\n"
                 "Six weeks is usually enough, but it is close!\n\n"
                 "Most incisions have closed by six weeks, and salt water is then no risk, but "
                 "any spot still open should stay out of the water until it heals.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I am having a tummy tuck"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Most incisions have closed");
    ru_free(&r);
}

/* A question site's invitations between its answers ("Ask Free Question",
 * "Get FREE multiple opinions from Doctors") and a forum's furniture ("Add to
 * Favorites", "Send private message") are no answers. */
static void test_site_invitations_are_no_answers(void)
{
    ru_result r = read_str(
        "I have used a lightening cream every night for five years, is it safe to go on?\n"
        "Ask Free Question\n"
        "Long use of a bleaching cream can darken the skin instead, so take breaks of a few "
        "months.\n"
        "Ask Free Question\n"
        "Use it for three months at most and then stop for a while, under a skin doctor's care.\n"
        "Take help from the best doctors\n"
        "Ask a free question\n"
        "Get FREE multiple opinions from Doctors\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Long use of a bleaching cream");
    ru_check_start(&r, 2, "Use it for three months at most");
    ru_free(&r);
}

/* "In my clinical experience": a physician speaking of their practice, not
 * the asker of themself; the lines under the question are answers, one a
 * line, and the page is read. */
static void test_clinical_experience_is_a_physician(void)
{
    ru_result r = read_str(
        "Starting an antidepressant for anxiety, will it make me gain weight?\n\n"
        "Weight worries. Most of these drugs can add some weight, and in my clinical experience "
        "the newer ones differ less than their makers say.\n"
        "Appetite. The gain mostly comes from a better appetite, so watching portions in the "
        "first months helps.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Weight worries. Most of these drugs");
    ru_check_start(&r, 2, "Appetite. The gain mostly comes");
    ru_free(&r);
}

/* A second heading in lower case right under an answer's title (the title
 * again, or its keywords), above the answer's prose: no words of the
 * answer. */
static void test_lower_case_subheading_under_a_title(void)
{
    ru_result r = read_str(
        "Should I stop the pill before a breast lift?\n\n"
        "I take the pill and my lift is in a month.\n\n"
        "Doctor Answers 4\n\n"
        "The pill and surgery\n\n"
        "the pill and surgery\n\n"
        "as you will read, surgeons differ here: some stop the pill a month before, others keep "
        "it and give blood thinners after the operation.\n\n"
        "Ann Lee, MD\nBoston Plastic Surgeon\n4.9 out of 5 stars 12 reviews\n\n"
        "Stop it a month before\n\n"
        "wound opening after a lift\n\n"
        "Most surgeons ask patients to stop the pill four weeks before a lift, since it raises "
        "the risk of clots.\n\n"
        "Ben Roy, MD\nDallas Plastic Surgeon\n4.7 out of 5 stars 8 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "The pill and surgery");
    ru_check_start(&r, 1, "as you will read, surgeons differ");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Stop it a month before");
    ru_check_start(&r, 2, "Most surgeons ask patients");
    ru_free(&r);
}

/* A flat page without date lines whose answers open with the site's label
 * ("Answer: ..."): the label is no word of the answer. */
static void test_flat_answer_labels(void)
{
    ru_result r = read_str(
        "Can I keep wearing a nicotine patch until my facelift next week?\n"
        "Answer: Nicotine and healing. Nicotine in any form narrows the small vessels the "
        "lifted skin depends on, so the patch has to stop too.\n"
        "Helpful\n"
        "Answer: Most surgeons want every nicotine product stopped a month before a facelift, "
        "gum and patches included.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Nicotine and healing. Nicotine in any form");
    ru_check_start(&r, 2, "Most surgeons want every nicotine product");
    ru_free(&r);
}

/* A flat page, one answer a line with the site's label, that prints its
 * answer twice and is cut inside the second copy ("... the skin fl"): the
 * cut copy is truncated and repeats the first, so it counts once. A flat
 * page ending in a sentence, or in a name glued to the last line, is not
 * cut. */
static void test_flat_cut_second_copy_counts_once(void)
{
    ru_result r = read_str(
        "Should I stop a nicotine lozenge before my tummy tuck next month?\n"
        "Answer: Lozenges and healing Any nicotine, from smoke or from a lozenge, tightens the "
        "small vessels that feed the skin flap, so stop all of it four weeks before surgery. Ask "
        "your surgeon for a plan that suits you.\n"
        "Helpful\n"
        "Answer: Lozenges and healing Any nicotine, from smoke or from a lozenge, tightens the "
        "small vessels that feed the skin fl");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    CU_ASSERT_FALSE(ru_answer(&r, 1)->truncated);
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    ru_free(&r);

    r = read_str("Can I swim a month after a tummy tuck?\n"
                 "Most surgeons let patients swim once every incision has closed, often about four "
                 "weeks after surgery.\n"
                 "Pools are fine at a month if the scar is sealed; lakes and hot tubs should wait "
                 "longer. Best wishes, Lena Park\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_FALSE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* A bare page that titles its answers, no signatures: a short sentence
 * ending in '.' where an answer starts ("Patience pays off.", first under
 * the asker's paragraph) is that answer's title even when it
 * shares no word with the question's title; a greeting there opens a body. */
static void test_period_title_on_a_titled_page(void)
{
    ru_result r = read_str(
        "Is a droopy upper lid normal a week after an eyelid lift?\n\n"
        "My left upper lid still hangs lower than the right one and it worries me a lot.\n\n"
        "Patience pays off.\n\n"
        "Most lids settle over six to eight weeks as the swelling leaves, and the two sides often "
        "heal at different speeds.\n\n"
        "Uneven lids after surgery\n\n"
        "Early asymmetry is common; if the lid still droops at three months, go back to your "
        "surgeon for an exam.\n\n"
        "Fresh eyes need time\n\n"
        "A week is very early. Cold packs and sleeping with the head raised help the swelling "
        "go down.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 1, "Patience pays off.");
    ru_check_start(&r, 1, "Most lids settle over six to eight weeks");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Uneven lids after surgery");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Fresh eyes need time");
    ru_free(&r);

    r = read_str("Is a droopy upper lid normal a week after an eyelid lift?\n\n"
                 "My left upper lid still hangs lower than the right one and it worries me.\n\n"
                 "Drooping after a lid lift\n\n"
                 "Hello and thank you for the question.\n\n"
                 "Most lids settle over six to eight weeks as the swelling leaves, and the two "
                 "sides often heal at different speeds.\n\n"
                 "Fresh eyes need time\n\n"
                 "A week is very early. Cold packs and sleeping with the head raised help the "
                 "swelling go down.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Hello and thank you for the question.");
    ru_free(&r);
}

/* A site that prints the exchange as a chat, blank lines between the
 * turns ("Patient: ..." / "Doctor: Hello. ..."): the label is no word of the
 * answer ([answer-labels]). */
static void test_chat_labels_on_a_paragraph_page(void)
{
    ru_result r = read_str(
        "Patient: Hi, my scalp has had a flaky, itchy patch for a month and it is getting "
        "bigger. What could it be?\n\n"
        "Doctor: Hello. Thanks for writing in. From your description this sounds most like "
        "seborrheic dermatitis, which a medicated shampoo used twice a week usually calms. If "
        "it spreads or bleeds, see a dermatologist in person.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_start(&r, 1, "Hello. Thanks for writing in. From your description");
    ru_free(&r);
}

/* Lines naming who answers above each answer ([answer-headers]: "Jane Roe,
 * Neurology, answered", "2. DrJaneRoe wrote on :", "Plastic Surgery 20
 * years experience"): each starts an answer and is no text of it, with or
 * without a blank line under it; "A Answers (2)": a count line behind an
 * avatar's letter. */
static void test_answer_header_lines(void)
{
    ru_result r = read_str(
        "Sports Injuries\n\n"
        "When can my son play football again after a concussion?\n\n"
        "A Answers (2)\n\n"
        "  \xE2\x80\xA2 AJane Roe, Neurology, answered\n\n"
        "    After a concussion a player should rest from sport and screens until every "
        "symptom has gone, then return step by step.\n\n"
        "    A second blow before the brain has healed is dangerous, so no one should hurry.\n\n"
        "  \xE2\x80\xA2 AMark Lee, MD, Sports Medicine, answered on behalf of City Clinic\n"
        "    Most young players go back within two to four weeks, once a doctor has cleared "
        "them.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 2);
    ru_check_start(&r, 1, "After a concussion a player should rest");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 1)->text, "A second blow") != NULL);
    ru_check_start(&r, 2, "Most young players go back");
    ru_free(&r);

    r = read_str("Can I have a tummy tuck if I still smoke?\n\n"
                 "3 Answers\n\n"
                 "  1. DrAnnaPole wrote on :\n\n"
                 "    No, most surgeons will not operate on a smoker, since the skin may not "
                 "heal.\n\n"
                 "  2. DrTomHale wrote on :\n\n"
                 "    You must quit at least a month before and stay off cigarettes for a month "
                 "after.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "No, most surgeons will not operate");
    ru_check_start(&r, 2, "You must quit at least a month");
    ru_free(&r);
}

/* "Dear Lesa," under the asker's paragraph opens the first answer (a short
 * line with a comma, but no asker's "F, 37, Ohio"); "Thank you for the
 * picture; ..." opens another answer. */
static void test_greeting_under_the_askers_paragraph(void)
{
    ru_result r = read_str(
        "Can anything fix a droopy eyelid after Botox?\n\n\n"
        "I had Botox last week and one of my eyes looks smaller than the other. Will it stay?\n\n\n"
        "Dear Lesa,\n\n"
        "I am sorry this happened. A drooping lid after Botox is uncommon and it wears off, "
        "usually within a few weeks.\n\n"
        "Thank you for the picture; eye drops that lift the lid a little can help until the "
        "effect fades on its own.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Dear Lesa, I am sorry this happened");
    ru_check_start(&r, 2, "Thank you for the picture; eye drops");
    ru_free(&r);
}

/* A line of its own that the paragraph under it opens with (the site
 * printing an answer's first sentence above it) starts another answer, the
 * line its first words. */
static void test_repeated_opening_line_starts_an_answer(void)
{
    ru_result r = read_str(
        "How soon after laser eye surgery can I wear mascara?\n\n"
        "Most of our patients wait three days before any eye makeup, and a week for mascara on "
        "the lower lashes.\n\n"
        "A week without eye makeup is usually enough.\n\n"
        "A week without eye makeup is usually enough. The real worry is flakes getting under "
        "the healing flap, so start with fresh products.\n\n"
        "Makeup after laser surgery\n\n"
        "Face lotion is fine the next day, but keep eye makeup away for a full week.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Most of our patients wait");
    ru_check_start(&r, 2, "A week without eye makeup is usually enough. A week without");
    CU_ASSERT_TRUE(strstr(ru_answer(&r, 2)->text, "start with fresh products") != NULL);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Makeup after laser surgery");
    ru_free(&r);
}

/* A flat page, one answer a line, with a physician's name line ("Jane Roe
 * MD") under an answer: it closes that answer and is no answer itself. */
static void test_flat_name_line_is_no_answer(void)
{
    ru_result r =
        read_str("A year after my eyelid surgery one lid still looks higher than the other. Why?\n"
                 "A year is enough time for the lids to settle, so what you see now is likely to "
                 "stay.\n"
                 "Jane Roe MD\n"
                 "Since it showed right after surgery, it is more likely how it was done than "
                 "scarring later on.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A year is enough time");
    ru_check_start(&r, 2, "Since it showed right after");
    ru_free(&r);
}

/* A page that titles its answers leaves two blank lines, not one, where an
 * answer has no title: under a titled answer of one paragraph, a paragraph
 * of two sentences after such a gap is the next physician's answer. One
 * that opens with a word of the answer's title goes on about its subject. */
static void test_wide_gap_under_titled_answer_starts_an_answer(void)
{
    ru_result r = read_str(
        "How long should I ice my nose after rhinoplasty?\n\n"
        "I had surgery three days ago and the swelling is worse than I expected.\n\n"
        "Doctor Answers 4\n\n"
        "Icing for the first days\n\n"
        "Cold packs help most in the first two or three days after the operation. After that "
        "they do little for swelling and you can stop.\n\n\n"
        "We ask our patients to use cool compresses on the cheeks, never on the nose itself, "
        "for about two days. Keeping the head raised at night helps just as much.\n\n"
        "Ann Brook, MD\n"
        "Denver Facial Plastic Surgeon\n\n"
        "Swelling after nose surgery\n\n"
        "Swelling peaks around the third day and then slowly fades over many weeks. Most of "
        "it is gone by the end of the first month.\n\n\n"
        "Swelling of the tip lasts longest, often up to a year in thick skin. It is normal and "
        "no sign that anything went wrong.\n\n"
        "Carl Dunn, MD\n"
        "Austin Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Cold packs help most");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Icing for the first days");
    ru_check_start(&r, 2, "We ask our patients");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 3, "Swelling peaks around the third day");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 3)->text, "Swelling of the tip lasts longest"));
    ru_free(&r);
}

/* A physician's gallery under an answer: "Ann Lee has 2 ... before &
 * afters:", the pictures' captions glued into one long line, "» View Ann
 * Lee's full profile". It is page furniture, no answer: the next answer
 * starts under it. */
static void test_gallery_under_an_answer_is_furniture(void)
{
    ru_result r = read_str(
        "How soon can I run after liposuction of the thighs?\n\n"
        "Doctor Answers 3\n\n"
        "Light jogging after two weeks is usually fine. Wait a month before long runs, and keep "
        "the compression garment on while you train.\n\n"
        "Ann Lee, MD\n"
        "Tampa Plastic Surgeon\n\n"
        "Ann Lee has 2 Liposuction before & afters:\n\n"
        "Liposuction before image performed by Dr. Ann LeeLiposuction after image performed by "
        "Dr. Ann LeeLiposuction before image performed by Dr. Ann LeeLiposuction after image "
        "performed by Dr. Ann Lee\n\n"
        "\xC2\xBB View Ann Lee's full profile\n\n"
        "Most of my patients walk the first day and go back to running at about three weeks. "
        "Let soreness guide you rather than the calendar.\n\n"
        "Bo Grant, MD\n"
        "Reno Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Light jogging after two weeks");
    ru_check_start(&r, 2, "Most of my patients walk");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "performed by"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "full profile"));
    ru_free(&r);
}

/* A site printing an answer's title twice, around its vote line or one
 * under the other: the second is the title again, not the answer's first
 * words, and the paragraph under it is the answer's text. */
static void test_title_printed_twice(void)
{
    ru_result r = read_str(
        "Can I fly a week after a facelift?\n\n"
        "Doctor Answers 3\n\n"
        "Flying soon after a facelift\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Flying soon after a facelift\n\n"
        "A week is usually enough for a short flight if your surgeon has seen you and the "
        "drains are out.\n\n"
        "Ann Lee, MD\n"
        "Tampa Plastic Surgeon\n\n"
        "Is it safe to fly after my facelift?\n\n"
        "Is it safe to fly after my facelift?\n\n"
        "Hi, Maria!\n"
        "Cabin pressure does not harm the repair, but swelling can rise on a long flight, so "
        "walk the aisle and drink water.\n\n"
        "- Dr. Grant\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A week is usually enough");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Flying soon after a facelift");
    ru_check_start(&r, 2, "Hi, Maria!");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Is it safe to fly after my facelift?");
    ru_free(&r);
}

/* A greeting written in lower case right under an answer's title ("dear
 * Maria") is the answer's first words, not the site's second heading. */
static void test_lower_case_greeting_under_title(void)
{
    ru_result r = read_str(
        "Is swelling after chin liposuction normal at two weeks?\n\n"
        "Doctor Answers 2\n\n"
        "Swelling after chin liposuction\n\n"
        "dear Maria\n\n"
        "Some firmness and swelling at two weeks is expected and usually fades over the next "
        "month or two.\n\n"
        "Ann Lee, MD\n"
        "Tampa Plastic Surgeon\n\n"
        "Give it time\n\n"
        "Most of the swelling is gone by six weeks, and the last of it by three months in "
        "most of my patients.\n\n"
        "Bo Grant, MD\n"
        "Reno Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "dear Maria");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Some firmness and swelling"));
    ru_check_start(&r, 2, "Most of the swelling");
    ru_free(&r);
}

/* The line a site prints above an answer may be its first sentence cut
 * short ("... that it..."): the paragraph under it still opens with those
 * words, so another answer starts there, not a paragraph of the one above. */
static void test_cut_repeated_opening_starts_an_answer(void)
{
    ru_result r = read_str(
        "Did I tear my stitches when I slipped a week after my tummy tuck?\n\n"
        "Doctor Answers 5\n\n"
        "Torn stitches after a fall\n\n"
        "The repair is stitched in two layers and is hard to undo with one slip.\n\n"
        "A real tear would hurt sharply at once and leave a bulge you can see, so watch for "
        "those signs.\n\n"
        "It takes about six weeks before the repair is at...\n\n"
        "It takes about six weeks before the repair is at full strength, so until then avoid "
        "lifting and let your surgeon check you if the bulge grows.\n\n"
        "Bo Grant, MD\n"
        "Reno Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "The repair is stitched in two layers");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "A real tear would hurt"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "six weeks"));
    ru_check_start(&r, 2, "It takes about six weeks before the repair is at");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "full strength"));
    ru_free(&r);
}

/* A surgeons' society's "Ask a Surgeon" page: the site's invitation and
 * note, the question's title cut short ("... of these..."), "Q:" and the
 * whole question, then each answer under an "A:" line. */
static void test_ask_a_surgeon_q_and_a_lines(void)
{
    ru_result r = read_str(
        "Submit your question below and one of our surgeons may answer it on this page.\n\n"
        "If your question is about the cost of a procedure, see our price list.\n\n"
        "I have had a chin implant for eight years. Would taking out...\n\n"
        "Q:\n\n"
        "I have had a chin implant for eight years. Would taking out the implant leave a dent "
        "in the chin?\n\n"
        "A:\n\n"
        "Without seeing you I can only speak in general terms here.\n\n"
        "An implant that has sat well for years has a capsule around it, and the soft tissue "
        "over it may sag a little once it is gone.\n\n"
        "A:\n\n"
        "Most implants can stay for life. If yours bothers you, removing it is simple and a "
        "small lift can tighten what is left.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question,
                           "I have had a chin implant for eight years. Would taking out the "
                           "implant leave a dent in the chin?");
    ru_check_start(&r, 1, "Without seeing you I can only");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "An implant that has sat well"));
    ru_check_start(&r, 2, "Most implants can stay for life");
    ru_free(&r);
}

/* The same page, the whole question in the third person, ending in '.'
 * and saying no "I" or "my" (no asker's voice): right under the title cut
 * short ("... would removing..."), the paragraph that title opens is the
 * whole question, not a first answer (cns_implicit_marker). */
static void test_ask_a_surgeon_question_without_asker_words(void)
{
    ru_result r = read_str(
        "Submit your question below and one of our surgeons may answer it on this page.\n\n"
        "If your question is about the cost of a procedure, see our price list.\n\n"
        "After eight years with a chin implant, would removing...\n\n"
        "Q:\n\n"
        "After eight years with a chin implant, would removing it leave a dent in the front of "
        "the chin. The implant has never moved.\n\n"
        "A:\n\n"
        "Without an exam only general terms are possible here, but the tissue over an old "
        "implant usually settles well once it is out.\n\n"
        "A:\n\n"
        "Most implants can stay for life. If yours bothers you, removing it is simple and a "
        "small lift can tighten what is left.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Without an exam only general");
    ru_check_start(&r, 2, "Most implants can stay for life");
    ru_free(&r);
}

/* Under a signature, two blank lines (an empty title line) then prose of
 * two sentences over a signature cut by the page's end: that prose is the
 * answer's text, not a title over the cut name. */
static void test_empty_title_line_after_signature(void)
{
    ru_result r = read_str(
        "Can I have my breast surgery while on my period?\n\n"
        "Doctor Answers 6\n\n"
        "Not a problem\n\n"
        "Your period is no reason to move the date. Tell the nurses on the morning of "
        "surgery.\n\n"
        "Ann Lee, MD\n"
        "Tampa Plastic Surgeon\n"
        "4.8 out of 5 stars 31 reviews\n\n\n"
        "Having your period on the day of surgery changes nothing for the operation. Let your "
        "surgeon know so the team is ready.\n\n"
        "Bo Grant,\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Your period is no reason");
    ru_check_start(&r, 2, "Having your period on the day");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_free(&r);
}

/* The physician's own sign-off ("Ann Lee MD" / "Denver") above the site's
 * signature for the same physician: the short city line between the two
 * is part of them, no answer of its own. */
static void test_city_between_two_signatures(void)
{
    ru_result r = read_str(
        "When can I drive after a neck lift?\n\n"
        "Doctor Answers 4\n\n"
        "Driving after a neck lift\n\n"
        "Wait until you can turn your head fully and are off pain pills, usually about ten "
        "days.\n\n"
        "Ann Lee MD\n\n"
        "Denver\n\n"
        "Ann Lee, MD\n"
        "Denver Plastic Surgeon\n"
        "4.9 out of 5 stars 40 reviews\n\n"
        "Give it two weeks\n\n"
        "Most of my patients drive again at two weeks, once they can check the blind spot "
        "without pain.\n\n"
        "Bo Grant, MD\n"
        "Reno Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Wait until you can turn");
    ru_check_start(&r, 2, "Most of my patients drive");
    ru_free(&r);
}

/* A page without signatures, its runs read one answer a line: a short
 * line that ends in a farewell ("Hope you find this helpful. Best
 * wishes.") closes the answer above it and is no answer of its own. */
static void test_short_farewell_line_closes_its_answer(void)
{
    ru_result r = read_str(
        "Why is there a lump on my neck?\n\n"
        "Doctor Answers 3\n\n"
        "Lumps after a lift\n\n"
        "These lumps are common and settle within six weeks in most patients I see.\n\n"
        "Always ask a surgeon who is board certified.\n"
        "Hope you find this information helpful. Best wishes.\n\n"
        "Drain tract\n\n"
        "A drain can leave a firm line under the skin that softens over a couple of months.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "These lumps are common");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Best wishes."));
    ru_check_start(&r, 2, "A drain can leave");
    ru_free(&r);
}

/* A page that prints a vote line under each answer's title: a title-shaped
 * line with no vote line under it, inside an answer, is that answer's
 * subheading, not the title of another. */
static void test_subheading_without_vote_line(void)
{
    const char *vote = "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n";
    char page[2048];
    snprintf(page, sizeof page,
             "Are lumps common after Sculptra?\n\n"
             "Doctor Answers 5\n\n"
             "Lumps are uncommon\n\n%s"
             "Small bumps under the skin happen now and then, but true lumps are rare with good "
             "technique.\n\n"
             "Mix it well ahead of time\n\n"
             "Let the product sit for a day before the treatment.\n\n"
             "Massage any bump every day for a week.\n\n"
             "Ann Lee, MD\n"
             "Tampa Dermatologist\n\n"
             "Rare with care\n\n%s"
             "In my practice lumps are rare when the product is diluted enough and placed "
             "deep.\n\n"
             "Bo Grant, MD\n"
             "Reno Dermatologist\n",
             vote, vote);
    ru_result r = read_str(page);
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Small bumps under the skin");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Massage any bump"));
    ru_check_start(&r, 2, "In my practice lumps are rare");
    ru_free(&r);
}

/* "My belief is that ...": a physician giving their view, not the asker
 * telling their story; the page's answers are not read as the question's
 * body (the page was rejected as holding no answer). */
static void test_my_belief_is_a_physicians_voice(void)
{
    ru_result r = read_str(
        "Please explain how a cold differs from the flu?\n\n"
        "Much alike! Both are viral infections of the airways. My belief is that they differ "
        "mostly in how hard they hit, though some will disagree.\n"
        "Different. The flu comes on suddenly with high fever and aches, while a cold builds "
        "slowly over days and rarely brings a fever.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Much alike! Both are viral");
    ru_check_start(&r, 2, "Different. The flu comes on");
    ru_free(&r);
}

/* A bare page whose first answer quotes the asker ("what are my
 * options"): quoted words are someone else's, so the paragraph is no
 * asker's body; the next opens with "This is an excellent question". */
static void test_quoted_words_are_not_the_answerers_voice(void)
{
    ru_result r = read_str(
        "Which repair is best after skin cancer surgery on the nose? I have a small spot on "
        "my nose and will not know the size of the wound until the day of surgery.\n\n"
        "That depends on the final size, depth and place of the wound. I recommend asking "
        "the surgeon \"what are my options\" before the day. I usually prefer flaps over "
        "grafts.\n\n"
        "This is an excellent question with no single answer. Small wounds often heal on "
        "their own or close side to side, larger ones need a flap or a graft.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "That depends on the final size");
    ru_check_start(&r, 2, "This is an excellent question");
    ru_free(&r);
}

/* A page without "Doctor Answers": under the asker's paragraph, the
 * question of the title printed again is the first answer's title (a site
 * titling answers with the question), and the short sentence under it the
 * answer's first words, not its title. */
static void test_title_question_again_heads_first_answer(void)
{
    ru_result r = read_str(
        "Knee liposuction 5 days ago. When can I kneel again?\n\n"
        "I had liposuction on my knees on Monday. I'm a keen gardener and want to know how "
        "soon I can kneel on them.\n\n"
        "When can I kneel again?\n\n"
        "Your own surgeon knows best.\n\n"
        "Kneeling presses on fresh tissue, so most patients wait about two weeks before they "
        "do it on a soft pad.\n\n"
        "All the best.\n\n"
        "Denver Plastic Surgeon\n\n"
        "Kneeling after liposuction\n\n"
        "Give it ten days to two weeks and use a cushion at first, stopping if it aches.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Your own surgeon knows best.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "When can I kneel again?");
    ru_check_start(&r, 2, "Give it ten days");
    ru_free(&r);
}

/* A bare page that leaves one blank line inside answers (above each
 * signature) and two between answers: an unsigned first answer, two blank
 * lines, then the next answer, signed. */
static void test_bare_wide_gap_with_signatures(void)
{
    ru_result r = read_str(
        "How easy is it to tear the muscle stitches after a tummy tuck?\n\n"
        "I'm one week after my surgery and I lifted my toddler. Could I have torn something?\n\n"
        "Fairly easy in the first weeks, but it depends on many things. Ask the surgeon who "
        "operated to check you.\n\n\n"
        "The repair is sewn in layers and holds well, so a single lift rarely tears it. Sudden "
        "pain and a new bulge would be the signs to look for.\n\n"
        "Ann Lee, MD\n"
        "Tampa Plastic Surgeon\n"
        "4.9 out of 5 stars 30 reviews\n\n"
        "Coughing, vomiting and heavy lifting can all pull a stitch loose. Wear your binder and "
        "let your surgeon see you this week.\n\n"
        "Bo Grant, MD\n"
        "Reno Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Fairly easy in the first weeks");
    ru_check_start(&r, 2, "The repair is sewn in layers");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ann Lee, MD");
    ru_check_start(&r, 3, "Coughing, vomiting and heavy lifting");
    ru_free(&r);
}

/* A physician's boilerplate note under an answer, after the sign-off
 * ("... this response is for informational purposes only ..."): page
 * furniture, no answer of its own. */
static void test_informational_note_is_no_answer(void)
{
    ru_result r = read_str(
        "My ears itch a week after ear pinning. Should I call my surgeon?\n\n"
        "Doctor Answers 3\n\n"
        "Itching after ear surgery\n\n"
        "Itching is common while the skin heals. Redness or swelling along with it could be "
        "a reaction to the ointment, so call if you see those.\n\n"
        "Ann Lee, MD\n"
        "Tampa Facial Plastic Surgeon\n\n"
        "Healing itch\n\n"
        "Hi, Sam!\n"
        "An itch alone says little. Keep the area clean and let your surgeon look if it "
        "spreads.\n\n"
        "- Dr. Grant\n\n"
        "Please keep in mind that this response is for informational purposes only and is not "
        "a substitute for a visit to your own doctor, who can examine you.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Itching is common while");
    ru_check_start(&r, 2, "Hi, Sam!");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "informational purposes"));
    ru_free(&r);
}

/* "N Answers" page printing answers one a line: a closing alone on its line
 * ("Hope this answers your questions.") ends the answer above it, and the
 * sentence line right under it is another physician's answer, as is a last
 * line cut short by the page's end. */
static void test_closing_line_then_next_answer(void)
{
    ru_result r = read_str(
        "Will my knee hurt after the operation on it?\n\n"
        "I am having a knee operation next month and I wonder about the pain after it.\n\n"
        "4 Answers\n\n"
        "Knee patients should see a therapist before surgery and may stay in the hospital "
        "overnight for pain control.\n"
        "The largest risk factor for knee pain is weight. Heavy people with knee pain can have "
        "more trouble walking afterwards.\n\n"
        "Finally, if weight adds to your knee pain, it puts you in a higher risk group after "
        "surgery of any kind.\n\n"
        "Hope this answers your questions.\n"
        "You will need more physical therapy in the weeks after the operation, two or three "
        "extra sessions.\n"
        "Yes, it might\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Knee patients should see");
    ru_check_start(&r, 2, "The largest risk factor");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Hope this answers your questions."));
    ru_check_start(&r, 3, "You will need more physical therapy");
    ru_check_start(&r, 4, "Yes, it might");
    ru_free(&r);
}

/* A signature whose name line carries the name the physician goes by in
 * brackets ("Marcus (Mark) Kim, MD, FACS"), under a short sign-off: the
 * whole is the answer's signature, no answer of its own. */
static void test_bracketed_nickname_in_a_name_line(void)
{
    ru_result r =
        read_str("Can I close my eyes after lid surgery?\n\n"
                 "Doctor Answers 3\n\n"
                 "Lid closure after surgery\n\n"
                 "It is a fine balance between removing too much skin and too little. Give it some "
                 "weeks to settle.\n\n"
                 "Jane Roe, MD\nBoston Plastic Surgeon\n4.8 out of 5 stars 20 reviews\n\n"
                 "Trouble closing eyes\n\n"
                 "This can be related to muscle weakness after surgery and usually improves over a "
                 "few months.\n\n"
                 "Dr Kim\n\n"
                 "Marcus (Mark) Kim, MD, FACS\nDenver Oculoplastic Surgeon\n"
                 "4.9 out of 5 stars 70 reviews\n\n"
                 "Slow closure\n\n"
                 "A lid that lags usually recovers with time, massage and drops at night.\n\n"
                 "Tom Lee, MD\nMiami Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 2, "This can be related to muscle weakness");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Trouble closing eyes");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Marcus (Mark) Kim, MD, FACS");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Marcus"));
    ru_check_start(&r, 3, "A lid that lags");
    ru_free(&r);
}

/* Bare page: the asker's story under the title asks nothing with a '?' but
 * speaks of themself; the first answer's title stands under it, and its body
 * opens with a greeting alone on its line ("Thank you for the question."):
 * the story is the question's, not an answer. (Which of the two title lines
 * names the question is not asserted: both ask it.) */
static void test_askers_story_above_a_greeting_body(void)
{
    ru_result r = read_str(
        "Hard Lump 3 Weeks After Tummy Tuck\n\n"
        "I had a tummy tuck done 20 days ago and I have a firm lump near my scar that is "
        "sore to touch and warm. I read that lumps need care before they get infected; do you "
        "think that is what I might have. My belly looks good otherwise but this lump is very "
        "visible. thanks\n\n"
        "Lump after Tummy Tuck?\n\n"
        "Thank you for the question.\n\n"
        "The lump may be fluid, blood or an infection. Your surgeon should see it soon and "
        "may need to drain it.\n\n"
        "Best wishes.\n\n"
        "Firm Areas after a Tummy Tuck\n\n"
        "Firm areas are common in the first weeks after surgery and most soften with time, but "
        "warmth and soreness should be checked in person.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for the question.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "The lump may be fluid"));
    ru_check_start(&r, 2, "Firm areas are common");
    ru_free(&r);
}

/* Bare pages where the asker's question has no '?' of its own ("Hi all,
 * what are the risks of ...") or addresses the doctors ("How long after ...
 * do you have to wait? I'm ..."): opening as askers ask ([question-openers]),
 * the paragraph is the question's, and the answers start under it. */
static void test_question_without_a_question_mark(void)
{
    ru_result r = read_str(
        "Risks of Evening Out a Smile with Filler?\n\n"
        "Hi all, what are the risks of evening out an uneven smile with filler or other "
        "treatments. It is not a nerve problem, just a weak muscle on the right side, and my "
        "sister has the same thing. most visible when I laugh.\n\n"
        "It is hard to answer without seeing you in person, but from your description a small "
        "amount of filler on the weaker side may even out your smile.\n\n"
        "Jane Roe, MD\nBoston Dermatologist\n4.8 out of 5 stars 20 reviews\n\n"
        "Filler could be used for this, but you want an injector with a deep knowledge of the "
        "muscles around the mouth.\n\n"
        "Tom Lee, MD\nMiami Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "Hi all, what are the risks"));
    ru_check_start(&r, 1, "It is hard to answer without seeing you");
    ru_check_start(&r, 2, "Filler could be used for this");
    ru_free(&r);

    r = read_str(
        "How long after a peel do you have to wait until you can wear makeup? I'm "
        "worried about my skin reacting.\n\n"
        "Waiting after a peel. Most light peels allow makeup after two or three days, once "
        "the skin stops flaking.\n"
        "Makeup after peels. It depends on the depth of the peel; ask the person who did "
        "it how long to wait.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "How long after a peel"));
    ru_check_start(&r, 1, "Waiting after a peel.");
    ru_check_start(&r, 2, "Makeup after peels.");
    ru_free(&r);
}

/* A greeting's words alone at an answer's end, right above its signature
 * ("Thank you for your question." / "Dr. Ames" / the signature; "Thanks for
 * the question, and best wishes."): they thank the asker, and open no answer
 * of their own. */
static void test_thanks_above_a_signature(void)
{
    ru_result r = read_str(
        "Can I lift weights after nose surgery?\n\n"
        "Doctor Answers 3\n\n"
        "Gym after rhinoplasty\n\n"
        "Hello Mia,\n\n\n"
        "When you can lift depends on what was done, and your surgeon is the one to clear "
        "you.\n\n\n"
        "Heavy lifting raises the pressure in your face and can add swelling, so wait at least "
        "three weeks.\n\n\n"
        "Thank you for your question.\n\n"
        "Dr. Ames\n\n"
        "Denver Plastic Surgeon\n5.0 out of 5 stars 50 reviews\n\n"
        "Light workouts first\n\n"
        "Walking is fine after a week; save weights for a month or so.\n\n"
        "Light exercise helps the swelling go down, but avoid anything that could bump your "
        "nose.\n\n"
        "Thanks for the question, and best wishes.\n\n"
        "Ann Lee, MD\nSeattle Plastic Surgeon\n4.6 out of 5 stars 45 reviews\n\n"
        "Wait a month\n\n"
        "Most surgeons allow weights about four weeks after rhinoplasty.\n\n"
        "Tom Reyes, MD\nDallas Facial Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Hello Mia,");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Thank you for your question."));
    ru_check_start(&r, 2, "Walking is fine after a week");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "and best wishes."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ann Lee, MD");
    ru_check_start(&r, 3, "Most surgeons allow weights");
    ru_free(&r);
}

/* "Ken Hale, MD" / "Reno, NV" as paragraphs of their own: the place
 * line under a signature that names the physician and no place is part of
 * it, not the next answer's title; the next title stays that answer's. */
static void test_place_line_under_a_name(void)
{
    ru_result r = read_str(
        "Are fat injections to the breasts safe long term?\n\n"
        "Doctor Answers 3\n\n"
        "Are fat injections to the breasts safe long term?\n\n"
        "+2\n"
        "If you are happy with about one cup size more, fat transfer is a sound choice, and it "
        "is safe over time.\n\n"
        "Ken Hale, MD\n\n"
        "Reno, NV\n\n"
        "Safety of breast fat grafting\n\n"
        "+1\n"
        "This is a routine procedure in my practice and the long term record is good, though "
        "mammograms need a trained reader.\n\n"
        "Tim Cole, MD\nPortland Plastic Surgeon\n\n"
        "Fat grafting to the breast\n\n"
        "+1\n"
        "Fat grafting for breast enlargement is widely accepted now and safe in good hands.\n\n"
        "Ann Lee, MD\nSeattle Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "If you are happy with about one cup");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ken Hale, MD");
    ru_check_start(&r, 2, "This is a routine procedure");
    ru_check_title(&r, 2, "Safety of breast fat grafting");
    ru_check_start(&r, 3, "Fat grafting for breast enlargement");
    ru_free(&r);
}

/* A page without full signatures (its runs read one answer a line) whose
 * answers have titles: a run of lines right under a title is that answer's
 * body, a sentence line and the short one glued under it alike; a run under
 * a closing ("I hope this helps and good luck!") is still read one answer a
 * line. */
static void test_run_under_a_title_is_one_body(void)
{
    ru_result r = read_str(
        "Can I shower with drains after a tummy tuck?\n\n"
        "My surgery was yesterday and I was told I can take the dressing off tomorrow. Is "
        "showering with the drains safe?\n\n"
        "Bathing with drains\n\n"
        "Water running over the drain sites does not carry germs into them, and most of my "
        "patients shower on the second day.\n"
        "Follow your own surgeon's advice.\n\n"
        "Good luck!\n\n"
        "Showers are fine\n\n"
        "I let my patients shower the day after surgery with a mild soap, patting the drain "
        "sites dry afterwards.\n\n"
        "I hope this helps and good luck!\n\n"
        "Dr. Ames\n"
        "You can shower right away with drains in place as long as you keep the sites clean.\n"
        "Most surgeons allow a shower after one or two days, but check with the one who "
        "operated.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Bathing with drains");
    ru_check_start(&r, 1, "Water running over the drain sites");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Follow your own surgeon"));
    ru_check_start(&r, 2, "I let my patients shower");
    ru_check_start(&r, 3, "You can shower right away");
    ru_check_start(&r, 4, "Most surgeons allow a shower");
    ru_free(&r);
}

/* A paragraph ending in the physician's own sign-off ("... Best of luck. Dr.
 * Sara Vance."), one more paragraph, then the site's signature for the same
 * physician ("Sara K. Vance, MD"): the paragraph after the sign-off is still
 * hers, not another answer. */
static void test_signoff_naming_the_signature_below(void)
{
    ru_result r = read_str(
        "Itchy rash along my incision\n\n"
        "Doctor Answers 3\n\n"
        "Itching rash on the scar\n\n"
        "This looks like a contact rash from the tape or the glue on the incision.\n\n"
        "Tom Reyes, MD\nDallas Plastic Surgeon\n\n"
        "Allergy around the incision\n\n"
        "Thank you for the question. It is hard to judge from a photo, so show it to your "
        "surgeon soon. Best of luck. Dr. Sara Vance.\n\n"
        "A visit in person with a board certified plastic surgeon is the best way to judge what "
        "you need.\n\n"
        "Sara K. Vance, MD\nBoston Plastic Surgeon\n4.9 out of 5 stars 30 reviews\n\n"
        "See your surgeon soon\n\n"
        "An allergy to the skin glue is the likeliest cause; a short steroid cream often "
        "helps.\n\n"
        "Ann Lee, MD\nSeattle Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 2, "Thank you for the question. It is hard");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "A visit in person"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Sara K. Vance, MD");
    ru_check_start(&r, 3, "An allergy to the skin glue");
    ru_free(&r);
}

/* A paragraph opening with "EG:" gives an example of the one above: it goes
 * on from that answer ([continuations]) and is no title heading an answer,
 * though it restates the question's subject words (a '.' title would); the
 * next physician's answer starts on a line glued under the last one. */
static void test_example_paragraph_goes_on(void)
{
    ru_result r = read_str(
        "What should I do if my baby has a night cough?\n\n"
        "My son started coughing at night two days ago. What should I do for him? Does he need "
        "to see someone tonight?\n\n"
        "A cough can come from many things, such as a cold, allergies, reflux or an infection "
        "of the chest. Most clear up by themselves within a week or so.\n"
        "Keep in mind that the younger the child, the sooner a doctor should see him.\n\n"
        "EG: a two month old baby with a night cough needs care sooner than a six year old.\n\n"
        "If he seems unwell to you or is not acting like himself, yes, take him to a doctor "
        "today.\n\n"
        "You could run a warm shower and sit with him in the steamy room, which helps loosen "
        "the mucus.\n\n"
        "Do not give cough syrups to babies.\n\n"
        "Sooner is better than later, see the doctor.\n"
        "If your child is older than one year, a cough by itself is rarely an emergency. "
        "Children under three months with a cough and a fever should be seen the same day.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A cough can come from many things");
    ru_check_start(&r, 2, "Keep in mind that the younger");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "EG: a two month old"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "If he seems unwell"));
    ru_check_start(&r, 3, "If your child is older than one year");
    ru_free(&r);
}

/* A surgeons' society's forum: "Replies 3" under the asker's post opens the
 * replies; "ASPS Surgeon" under a surgeon's name heads a reply (a one-line
 * reply too); a member without it still heads his own reply after a
 * sign-off; the society's credits and "Patient Care Center" are furniture. */
static void test_society_forum_replies(void)
{
    ru_result r = read_str("American Society of Plastic Surgeons\n"
                           "For Medical Professionals\n"
                           "2 years ago\n\n"
                           "Tummy Tuck & Belly Button Rings\n\n"
                           "Do I have to take out my belly button ring before a tummy tuck? Can I "
                           "put it back later?\n\n"
                           "Procedure: Tummy Tuck\n"
                           "Location: Lakeside, OR\n\n"
                           "Replies 3\n\n"
                           "Hana Walder\n"
                           "ASPS Surgeon\n"
                           "Add to Favorites\n\n"
                           "Good question! The ring comes out before surgery, and your navel is "
                           "reshaped, so wait until it has healed fully before a new piercing.\n\n"
                           "Otto Brennan\n"
                           "ASPS Surgeon\n\n"
                           "Out it goes.....a new piercing can wait a few months.\n\n"
                           "Carl Denner\n\n"
                           "Thanks for asking. Any jewelry is removed for the operation and the "
                           "navel needs about three months before it is pierced again.\n\n"
                           "Patient Care Center\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Good question! The ring comes out");
    ru_check_start(&r, 2, "Out it goes");
    ru_check_start(&r, 3, "Thanks for asking. Any jewelry");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 3)->text, "Patient Care"));
    ru_free(&r);

    r = read_str("For Medical Professionals\n\n"
                 "Swelling three weeks after a neck lift\n\n"
                 "My neck still feels hard and tight three weeks after surgery. Should I worry?\n\n"
                 "Replies 3\n\n"
                 "Ivo Marsh\n"
                 "ASPS Surgeon\n\n"
                 "Firmness at three weeks is part of normal healing; ask your own surgeon to "
                 "check it at your next visit.\n\n"
                 "Ivo J Marsh, MD, FACS\n\n"
                 "Lena Ortt\n"
                 "ASPS Surgeon\n\n"
                 "Dear asker\n\n"
                 "Hard areas soften over two or three months, and gentle massage may help.\n\n"
                 "Dr Ortt\n\n"
                 "Paul Vinter\n\n"
                 "Thank you for writing in. Your surgeon knows what was done and is the best "
                 "person to examine the neck now.\n\n"
                 "Certified, American Board of Plastic Surgery\n\n"
                 "Member, American Society of Plastic Surgeons\n\n"
                 "Patient Care Center\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Firmness at three weeks");
    ru_check_start(&r, 2, "Dear asker");
    ru_check_start(&r, 3, "Thank you for writing in.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 3)->text, "Certified"));
    ru_free(&r);
}

/* The same forum's international members: "ASPS Int. Surgeon" under the
 * name heads a reply as "ASPS Surgeon" does; without the entry the reply
 * under it was read on as part of the one above. */
static void test_society_forum_international_member(void)
{
    ru_result r = read_str("American Society of Plastic Surgeons\n"
                           "3 years ago\n\n"
                           "Knee lift with a thyroid condition\n\n"
                           "I take a pill for my thyroid every morning. Can I still have a thigh "
                           "and knee lift next spring?\n\n"
                           "Procedure: Thigh Lift\n"
                           "Location: Brookfield, WI\n\n"
                           "Replies 3\n\n"
                           "Mara Quill\n"
                           "ASPS Surgeon\n\n"
                           "A thyroid that is well controlled on medicine is rarely a reason to "
                           "delay; your surgeon will want recent blood tests.\n\n"
                           "Teo Brandt\n"
                           "ASPS Int. Surgeon\n\n"
                           "Hello. Ask your own doctor to confirm your levels are stable, then "
                           "plan the lift with your surgeon.\n\n"
                           "Ines Colter\n"
                           "ASPS Int. Surgeon\n"
                           "Add to Favorites\n\n"
                           "Yes, in most cases. Bring your latest results to the consultation.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A thyroid that is well controlled");
    ru_check_start(&r, 2, "Hello. Ask your own doctor");
    ru_check_start(&r, 3, "Yes, in most cases.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Teo Brandt"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Int. Surgeon"));
    ru_free(&r);
}

/* Flat page: "Answer" alone above each answer's line, the physician's name
 * line and a specialty line under it: the name closes the answer and is its
 * physician's, the specialty line is his, "Answer" is furniture. */
static void test_flat_answer_line_name_and_specialty(void)
{
    ru_result r = read_str(
        "I had filler in my lips two weeks ago and one side still looks bigger than the other, "
        "what can I do\n"
        "Answer\n"
        "Some swelling can last two weeks or more, so give it another week and then ask your "
        "injector to look at it again.\n"
        "Dr. Ada Quill, MD\n"
        "Board Certified Plastic Surgeon\n"
        "Answer\n"
        "Uneven lips after filler are often fixed with a small touch-up once the swelling has "
        "gone down completely.\n"
        "Dr. Rolf Tamsin, MD\n"
        "Board Certified Plastic Surgeon\n"
        "Answer\n"
        "If a lump is what makes one side bigger, it can be massaged or dissolved by your "
        "injector.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Some swelling can last two weeks");
    ru_check_start(&r, 2, "Uneven lips after filler");
    ru_check_start(&r, 3, "If a lump is what makes");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Dr. Ada Quill, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.specialty, "Plastic Surgeon");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->physician.name);
    ru_free(&r);
}

/* Bare page: a title ending in '.' ("4 Weeks After a Brow Lift; One Brow
 * Sits Higher."), the asker's paragraph in their own voice under it, then
 * the answers: the paragraph is the question's, no answer. */
static void test_period_title_above_the_askers_paragraph(void)
{
    ru_result r = read_str(
        "4 Weeks After a Brow Lift; One Brow Still Sits Higher Than the Other.\n\n"
        "I had a brow lift four weeks ago. Since then my left brow has looked higher than my "
        "right one and it has not changed. Will it even out?\n\n"
        "Uneven brows a month after a brow lift usually settle with time\n\n"
        "Early after a brow lift one side often swells more than the other, and the brows "
        "usually settle over two to three months.\n\n"
        "Brow asymmetry\n\n"
        "Give it at least three months before judging the result; if the difference stays, "
        "a small adjustment can be made then.\n\n"
        "Mara Tollen, MD\n"
        "Riverton Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Early after a brow lift");
    ru_check_start(&r, 2, "Give it at least three months");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    ru_free(&r);

    r = read_str("Droop in the other eyelid after ptosis surgery.\n\n"
                 "I had ptosis surgery on one eye a week ago. Now my other lid has started to "
                 "droop.\n\n"
                 "That is common when both lids are weak, so let your surgeon see you before "
                 "anything else is planned.\n\n\n"
                 "The brain lifts both lids together; once one is fixed, the other may show its "
                 "own droop.\n\n"
                 "It can often be seen before surgery, though not always.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "That is common when both lids");
    ru_check_start(&r, 2, "The brain lifts both lids");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "It can often be seen"));
    ru_free(&r);
}

/* Flat page: "I agree with my colleagues ..." (cut short by the page's
 * end) is a physician speaking of the others on the page, an answer, not the
 * asker's words under it. */
static void test_my_colleagues_is_a_physicians_voice(void)
{
    ru_result r = read_str(
        "Do I need stitches removed after a mole excision or do they dissolve? The wound is on my "
        "back\n"
        "Most stitches on the back are removed after ten to fourteen days, since the skin there "
        "is under tension.\n"
        "It depends on what your surgeon used; dissolving stitches under the skin need no "
        "removal at all.\n"
        "Agree with all my colleagues.  Ask the office which kind was pl\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Most stitches on the back");
    ru_check_start(&r, 2, "It depends on what your surgeon used");
    ru_check_start(&r, 3, "Agree with all my colleagues.");
    ru_free(&r);
}

/* "The information provided in Dr. Roe's answer is for educational purposes
 * ..." under one answer is furniture, no answer and no text; the practice's
 * address under a signature, its street line ending in "Dr.", is no answer. */
static void test_answer_boilerplate_and_street_address(void)
{
    ru_result r = read_str(
        "Is a rash after filler an allergy?\n\n"
        "I had filler last week and now have a red rash around the area. Is it an allergy?\n\n"
        "Doctor Answers 2\n\n"
        "Rash after filler\n\n"
        "A rash a week after filler is more often a reaction to the cleaning solution than to the "
        "filler itself; show it to your injector.\n\n"
        "The information provided in Dr. Vale's answer is for educational purposes only and is "
        "not intended to constitute medical advice.\n\n"
        "Orin Vale, MD\n"
        "Tampa Dermatologic Surgeon\n"
        "4.8 out of 5 stars 21 reviews\n\n"
        "1200 Harbor View Dr.\n"
        "Tampa, FL 33601\n\n"
        "Probably not an allergy\n\n"
        "True allergies to these fillers are rare; a short course of an antihistamine and a "
        "visit to your injector will settle it.\n\n"
        "Lisa Brandt, MD\n"
        "Orlando Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A rash a week after filler");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "educational purposes"));
    ru_check_start(&r, 2, "True allergies to these fillers");
    ru_free(&r);
}

/* The physician's own sign-off and a few lines of honours and place under
 * it ("TV Show Surgeon" / "Best of the City Award 2019" / "Palm Springs, Ca")
 * above the site's signature: all the signature's, no answer. Short lines
 * opening in lower case between two signatures are an answer's. */
static void test_honour_lines_between_signatures(void)
{
    ru_result r = read_str(
        "When can I wear earrings after an earlobe repair?\n\n"
        "I had a torn earlobe fixed ten days ago and want to wear earrings again.\n\n"
        "Doctor Answers 3\n\n"
        "Earrings after earlobe repair\n\n"
        "Most surgeons wait six weeks before the lobe is pierced again, away from the scar.\n\n"
        "Nora Fields, MD\n"
        "Denver Plastic Surgeon\n"
        "4.9 out of 5 stars 40 reviews\n\n"
        "Earlobe repair healing\n\n"
        "I ask my patients to wait two months, then pierce next to the repair, not through it.\n\n"
        "Colm Avery MD FACS\n\n"
        "Morning Show Guest Surgeon\n\n"
        "Best of the Valley Award 2019, 2020\n\n"
        "Palm Springs, Ca\n\n"
        "Colm Avery, MD\n"
        "Palm Springs Plastic Surgeon\n"
        "5.0 out of 5 stars 12 reviews\n\n"
        "Wait for healing\n\n"
        "heavy earrings are a risk\n\n"
        "ask your surgeon first\n\n"
        "Pia Stone, MD\n"
        "Austin Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Most surgeons wait six weeks");
    ru_check_start(&r, 2, "I ask my patients to wait");
    ru_check_start(&r, 3, "heavy earrings are a risk");
    ru_free(&r);
}

/* A bare page of unsigned answers, some in two paragraphs, each closing
 * with a short wish that ends in a full stop ("Good luck with the rest of
 * your recovery.", "I hope this was helpful to you.") or names the asker
 * ("Good luck Ms. Vega!"): the prose under it is another physician's. A
 * last sentence that only opens as a wish does ("Best to ask your
 * surgeon.") goes on into the same answer. */
static void test_closing_sentence_ends_a_paragraph(void)
{
    ru_result r = read_str(
        "Tingling in my thigh after liposuction\n\n"
        "I had liposuction of the outer thighs nine days ago and the skin tingles and feels "
        "dull. Will it last?\n\n"
        "Tingling and dull skin are very common after liposuction, because the small nerves "
        "under the skin are bruised by the cannula.\n\n"
        "They recover over a few months.  Good luck with the rest of your recovery.\n\n"
        "A dull feeling of the treated skin is expected for weeks and often months after "
        "liposuction, and it comes back slowly in nearly every patient.  Best to ask your "
        "surgeon.\n\n"
        "Massage of the area, once it is allowed, makes the return of feeling more "
        "comfortable.  I hope this was helpful to you.\n\n"
        "Nerve endings in the fat are stretched and bruised during the procedure, so odd "
        "sensations in the first weeks are part of healing.  Good luck Ms. Vega!\n\n"
        "Altered feeling of the skin settles in almost everyone by six months, and you can "
        "help it along by touching and rubbing the area every day.\n\n"
        "Be patient.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Tingling and dull skin are very common");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "They recover over a few months"));
    ru_check_start(&r, 2, "A dull feeling of the treated skin");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Massage of the area"));
    ru_check_start(&r, 3, "Nerve endings in the fat");
    ru_check_start(&r, 4, "Altered feeling of the skin");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 4)->text, "Be patient."));
    ru_free(&r);
}

/* A bare page printing its answers one a line, then a blank line and more
 * paragraphs: the blank line under a run read one answer a line ends that
 * run's last answer, so the paragraph under it is another physician's (the
 * page's own way of parting answers). A paragraph under that one, itself
 * no line of such a run, goes on in the same answer. */
static void test_paragraph_after_a_run_read_one_a_line(void)
{
    ru_result r = read_str(
        "Can I whiten my teeth while I wear braces?\n\n"
        "My orthodontist put on metal braces two months ago. Can I use whitening strips "
        "now?\n\n"
        "Whitening strips cannot reach the enamel under the brackets, so the teeth come out "
        "two colours.\n"
        "It is better to wait until the braces come off and whiten everything at once "
        "afterwards.\n"
        "A whitening toothpaste is harmless during treatment, but it will not change the shade "
        "much.\n\n"
        "Bleaching gel does no harm to the enamel under braces, but the colour will be "
        "uneven.\n\n"
        "Your teeth may also be sensitive for a while after the braces come off, so start "
        "slowly.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Whitening strips cannot reach");
    ru_check_start(&r, 2, "It is better to wait");
    ru_check_start(&r, 3, "A whitening toothpaste is harmless");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 3)->text, "Bleaching gel"));
    ru_check_start(&r, 4, "Bleaching gel does no harm");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 4)->text, "Your teeth may also be sensitive"));
    ru_free(&r);
}

/* A bare page that titles its answers, one title a sentence ending in '.'
 * that the first sentence under it says again ("Hearing is not harmed by
 * the stitches themselves." / "The stitches near the ear cannot harm your
 * hearing, ..."): it heads another answer. A short sentence inside an answer
 * that the paragraph under it does not restate ("Both settle within two
 * weeks.") stays in its answer. */
static void test_title_restated_by_the_sentence_under_it(void)
{
    ru_result r = read_str(
        "Can a facelift change my hearing?\n\n"
        "The stitches sit right next to my ears and I am worried my hearing will suffer after "
        "the operation.\n\n"
        "Hearing after a facelift\n\n"
        "A muffled feeling in the first week comes from swelling around the ear canal and a "
        "little dried blood, which your surgeon can clean at the first visit.\n\n"
        "Both settle within two weeks.\n\n"
        "Nothing in the operation touches the inner parts of the ear, so there is no lasting "
        "change to expect.\n\n"
        "Hearing is not harmed by the stitches themselves.\n\n"
        "The stitches near the ear cannot harm your hearing, since they sit in the skin in "
        "front of the ear and never reach the canal.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Hearing after a facelift");
    ru_check_start(&r, 1, "A muffled feeling in the first week");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Both settle within two weeks."));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Nothing in the operation"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "Hearing is not harmed by the stitches themselves.");
    ru_check_start(&r, 2, "The stitches near the ear cannot harm");
    ru_free(&r);
}

/* "Best of luck~": a farewell with a tilde for its stop, then the
 * physician's sign-off and the site's signature: the farewell closes the
 * answer above, it heads none of its own. */
static void test_farewell_ending_in_a_tilde(void)
{
    ru_result r = read_str(
        "Can I get Botox a year after a minor stroke?\n\n"
        "Doctor Answers 2\n\n"
        "Botox after a stroke\n\n"
        "Botox acts only where it is injected, so a stroke a year ago does not rule it out. "
        "Check with your neurologist first all the same.\n\n"
        "Best of luck~\n\n"
        "Dr. Ames\n\n"
        "Ann Ames, MD\nBoston Plastic Surgeon\n4.9 out of 5 stars 10 reviews\n\n"
        "Ask your neurologist\n\n"
        "The small doses used on the face do not reach the brain, but your neurologist should "
        "agree before any treatment.\n\n"
        "Carl Stone, MD\nDenver Dermatologic Surgeon\n4.8 out of 5 stars 22 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Botox after a stroke");
    ru_check_start(&r, 1, "Botox acts only where it is injected");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Ames, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Ask your neurologist");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Carl Stone, MD");
    ru_free(&r);
}

/* A titled bare page: an answer's last line shaped like a title ("Follow
 * the plan ... anything new!"), two blank lines, then the next answer's
 * title above its text. Of the two title-shaped lines, the second is the
 * title; the first ends the answer above. */
static void test_two_title_lines_across_a_wide_gap(void)
{
    ru_result r = read_str(
        "Do breast implants feel colder in winter?\n\n"
        "My gel implants are three weeks old and feel firm and cold when I am outside. Is that "
        "normal?\n\n"
        "Implants take the room temperature\n\n"
        "An implant has no blood flow of its own, so it cools faster than the tissue around it "
        "and feels firm in the cold.\n\n"
        "Cold packs on the chest\n\n"
        "I do not use cold packs on the chest after breast surgery because the implant sits "
        "too deep for them to help.\n\n"
        "Follow the plan your surgeon gave you and ask about anything new!\n\n\n"
        "Firm implants in the cold\n\n"
        "What you feel is normal this early after surgery. The tissues take weeks to months to "
        "soften around the implants.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Cold packs on the chest");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Follow the plan your surgeon"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Firm implants in the cold");
    ru_check_start(&r, 3, "What you feel is normal");
    ru_free(&r);
}

/* A title-shaped line inside a signed answer right above its closing
 * ("Tell your surgeon what you see at every visit" / "Best regards,"): the
 * answer's last words, no title of another answer. */
static void test_title_shaped_line_above_a_closing(void)
{
    ru_result r = read_str(
        "Crooked lower lip two weeks after a neck lift\n\n"
        "My lower lip pulls to one side when I talk since my neck lift two weeks ago. Will it "
        "recover?\n\n"
        "Doctor Answers 2\n\n"
        "Lip weakness after a neck lift\n\n"
        "Dear Lena,\n\n"
        "A mild weakness of the nerve to the lower lip is common after a neck lift and nearly "
        "always recovers within a few months.\n\n"
        "Tell your surgeon what you see at every visit\n\n"
        "Best regards,\n\n"
        "Owen Park\n\n"
        "Owen Park, MD\nSeattle Facial Plastic Surgeon\n4.9 out of 5 stars 30 reviews\n\n"
        "Nerve recovery takes time\n\n"
        "The branch of the facial nerve that moves the lip is stretched during the lift, and it "
        "usually wakes up in six to twelve weeks.\n\n"
        "Iris Cole, MD\nMiami Plastic Surgeon\n4.8 out of 5 stars 51 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Lip weakness after a neck lift");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Tell your surgeon what you see"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Owen Park, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Nerve recovery takes time");
    ru_free(&r);
}

/* Under a line that counts two answers or more ("Doctors Answers (5)"), no
 * signature or vote line, two paragraphs of two sentences each (the page
 * cut after them): one answer each. Under "Doctor Answers 1" the same two
 * paragraphs are one answer. */
static void test_two_paragraphs_under_a_count(void)
{
    ru_result r = read_str(
        "Can running give me spider veins?\n\n"
        "I run long distances every week and I am starting to see spider veins on my calves. "
        "Why?\n\n"
        "Doctors Answers (5)\n\n"
        "Spider veins mostly run in families. Running does not cause them, though hormones and "
        "standing jobs can.\n\n"
        "Exercise is good for the veins of the legs. The calf muscles squeeze the blood back up "
        "toward the heart with every stride.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Spider veins mostly run in families");
    ru_check_start(&r, 2, "Exercise is good for the veins");
    ru_free(&r);
    r = read_str("Can running give me spider veins?\n\n"
                 "I run long distances every week. Why do I get spider veins?\n\n"
                 "Doctor Answers 1\n\n"
                 "Spider veins mostly run in families. Running does not cause them, though "
                 "hormones and standing jobs can.\n\n"
                 "Exercise is good for the veins of the legs. The calf muscles squeeze the blood "
                 "back up toward the heart with every stride.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Exercise is good for the veins"));
    ru_free(&r);
}

/* Inside a signed answer, a sentence ending in '.' that restates the
 * question's words but is longer than a '.' title usually is and speaks in
 * the first person ("I advise most of my patients to expect about two weeks
 * off work after a breast reduction."): the answer's prose, no title. */
static void test_long_first_person_sentence_is_no_title(void)
{
    ru_result r = read_str(
        "How much time off work after a breast reduction?\n\n"
        "My surgeon said one to two weeks off work, but the scheduler said four to six weeks. "
        "Which is it?\n\n"
        "Doctor Answers 2\n\n"
        "Time off after a breast reduction\n\n"
        "Every patient heals at a different pace, and the kind of work matters too.\n\n"
        "I advise most of my patients to expect about two weeks off work after a breast "
        "reduction.\n\n"
        "Lying at home for too long is not good for you either, and a short walk every day helps "
        "you recover.\n\n"
        "Ann Lowe, MD\nDenver Plastic Surgeon\n4.9 out of 5 stars 40 reviews\n\n"
        "Two weeks for desk work\n\n"
        "Desk work is usually fine after two weeks; heavy lifting needs four to six weeks.\n\n"
        "Bo Kim, MD\nReno Plastic Surgeon\n4.8 out of 5 stars 12 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Time off after a breast reduction");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "I advise most of my patients"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Lowe, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Two weeks for desk work");
    ru_free(&r);
}

/* "Thank you for your question and the details. Best of luck!" above a
 * signature: thanks ending in a farewell close the answer above, however
 * long; they open no answer of their own. */
static void test_thanks_ending_in_a_farewell_above_a_signature(void)
{
    ru_result r = read_str(
        "Is it safe to use a heating pad after liposuction?\n\n"
        "Doctor Answers\n\n"
        "Heat and numb skin\n\n"
        "A heating pad on skin that is still numb can burn it without you feeling it, so "
        "hold off for several weeks.\n\n"
        "Thank you for your question and the details. Best of luck!\n\n"
        "Ann Lee, MD\nSeattle Plastic Surgeon\n5.0 out of 5 stars 45 reviews\n\n"
        "Wait for feeling to return\n\n"
        "Most surgeons ask patients to avoid direct heat until sensation comes back, usually "
        "in two to three months.\n\n"
        "Tom Reyes, MD\nDallas Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A heating pad on skin");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Best of luck!"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Lee, MD");
    ru_check_start(&r, 2, "Most surgeons ask patients");
    ru_free(&r);
    /* with words between the thanks and the farewell, the line is an
     * answer of its own, signed by the signature under it */
    r = read_str("Is it safe to use a heating pad after liposuction?\n\n"
                 "Doctor Answers 2\n\n"
                 "Heat and numb skin\n\n"
                 "A heating pad on skin that is still numb can burn it without you feeling it, so "
                 "hold off for several weeks.\n\n"
                 "Thank you for your question. Wait until the feeling comes back. Best of luck!\n\n"
                 "Ann Lee, MD\nSeattle Plastic Surgeon\n5.0 out of 5 stars 45 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 2, "Thank you for your question. Wait until");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ann Lee, MD");
    ru_free(&r);
}

/* "3 Answers", then one answer a line with no blank lines, the last a short
 * line without a full stop ("Sometimes it never fades") at the page's end:
 * the last answer, not a heading glued under the line above it. */
static void test_short_last_line_of_a_run_is_an_answer(void)
{
    ru_result r =
        read_str("Dermatology Questions Dermatology\n\n"
                 "How long does redness last after a chemical peel?\n\n"
                 "My face is still pink a week after a medium peel. When will it fade?\n\n"
                 "3 Answers\n\n"
                 "Pinkness after a medium peel usually fades over four to eight weeks, faster with "
                 "good sun protection.\n"
                 "In my patients the redness is mostly gone by the end of the first month, so be "
                 "patient with it.\n"
                 "Sometimes it never fades\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Pinkness after a medium peel");
    ru_check_start(&r, 2, "In my patients the redness");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "never fades"));
    ru_check_start(&r, 3, "Sometimes it never fades");
    ru_free(&r);
}

/* "Doctor's Answers (2)": the possessive's apostrophe in the count line
 * that opens the answers (the question stands above it), never the title of
 * the untitled answer under it. */
static void test_possessive_count_line(void)
{
    ru_result r = read_str(
        "Why does my scalp itch after a hair transplant?\n\n"
        "It is two weeks since the procedure and the itching keeps me awake.\n\n"
        "Doctor's Answers (2)\n\n"
        "Itching in the second week is part of healing as the small crusts fall off; a "
        "gentle shampoo and a mild lotion usually settle it.\n\n"
        "Ann Lee, MD\nSeattle Dermatologist\n\n"
        "Ask about a short steroid course\n\n"
        "If the itch is strong, your surgeon may prescribe a mild steroid lotion for a few "
        "days, which is safe for the grafts.\n\n"
        "Tom Reyes, MD\nDallas Dermatologist\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_EQUAL(p->declared_answers, 2);
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "It is two weeks since"));
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Itching in the second week");
    ru_check_start(&r, 2, "If the itch is strong");
    ru_free(&r);
}

/* Vote lines under each title; an answer without a title after one that
 * ends in a closing ("Good luck."): its prose, two sentences between its own
 * vote line and the next answer's, is its body, no title of the next
 * answer. */
static void test_prose_between_two_vote_lines(void)
{
    ru_result r = read_str(
        "Can I wear glasses after rhinoplasty?\n\n"
        "Doctor Answers 3\n\n"
        "Glasses after nose surgery\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Keep glasses off the bridge for about four weeks while the bones set. Good luck.\n\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Heavy frames can press the healing bones out of place.  Tape them to your forehead "
        "or wear contact lenses for a month.\n\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Thank you for your question. Ask your own surgeon, who knows what was done to your "
        "nose.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Glasses after nose surgery");
    ru_check_start(&r, 1, "Keep glasses off the bridge");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "Heavy frames can press");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "Thank you for your question.");
    ru_free(&r);
}

/* A bare page without signatures: "Good luck." on a line of its own ends an
 * answer; the short sentence under it ("Scars keep maturing for a year.")
 * heads the next answer even when it names nothing of the question's title. */
static void test_short_sentence_title_under_a_closing_line(void)
{
    ru_result r = read_str(
        "Will My Tummy Tuck Scar Fade?\n\n"
        "Fading of the scar\n\n"
        "Most abdominal scars turn from red to pale over twelve to eighteen months, and "
        "silicone sheets can help them along.\n\n"
        "Good luck.\n\n"
        "Scars keep maturing for a year.\n\n"
        "Until then it is too early to judge the final line, so wait before thinking about "
        "any revision of it.\n\n"
        "Give it time\n\n"
        "Sun protection and patience are the two things that help a healing scar most in "
        "the first year.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Most abdominal scars turn");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Good luck."));
    ru_check_title(&r, 2, "Scars keep maturing for a year.");
    ru_check_start(&r, 2, "Until then it is too early");
    ru_check_start(&r, 3, "Sun protection and patience");
    ru_free(&r);
}

/* A bare page that titles its answers: a one-sentence line of fourteen
 * words ending in '.' whose words the first sentence under it says again is
 * the next answer's title, not the last line of the unsigned answer above. */
static void test_long_restated_period_title(void)
{
    ru_result r = read_str(
        "Swelling After a Bump on Fresh Filler\n\n"
        "I had filler in my cheeks last week and walked into a door today. There is a small "
        "lump now.\n\n"
        "Probably a bruise\n\n"
        "A knock a week after filler rarely moves the product; the lump is most likely a small "
        "bruise.\n\n"
        "Keep your head raised tonight. Avoid massaging the area for now.\n\n"
        "It sounds like a minor knock that should settle with cold packs and rest.\n\n"
        "From what you describe, this sounds like a minor knock that should settle with cold "
        "packs and rest. See your injector if it grows.\n\n"
        "Jane Roe, MD\nBoston Dermatologist\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A knock a week after filler");
    ru_check_title(&r, 2,
                   "It sounds like a minor knock that should settle with cold packs "
                   "and rest.");
    ru_check_start(&r, 2, "From what you describe");
    ru_free(&r);
}

/* The asker's paragraph measures in inches ("a 3\" cut"): the '"' after a
 * digit opens no quote, so the asker's words after it ("my") still tell
 * the asker's voice, and the paragraph is the question's body. */
static void test_inch_mark_is_no_quote(void)
{
    ru_result r = read_str(
        "2\" cyst on my back: which incision?\n\n"
        "I saw a surgeon this morning. He offered a 3\" cut right over the cyst or a smaller "
        "one beside it, and he said the smaller one might leave some of the wall behind in my "
        "back.\n\n"
        "I would choose the cut that lets the surgeon take the whole wall out. A cyst left "
        "behind tends to come back.\n\n"
        "Thank you for the question. Both options are reasonable, and the scar on the back "
        "matters less than a complete removal.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->body);
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "I saw a surgeon this morning."));
    ru_check_start(&r, 1, "I would choose the cut");
    ru_check_start(&r, 2, "Thank you for the question.");
    ru_free(&r);
}

/* "Have a question? Ask a doctor" printed under the first answer: the next
 * answer starts under it, its first line ("Showering after a peel.") its
 * title though it ends in '.', and the answer above has no signature. */
static void test_answer_break_line_between_answers(void)
{
    ru_result r = read_str(
        "Ask a doctor\n\n"
        "When Can I Shower After a Chemical Peel?\n\n"
        "Doctor Answers 3\n\n"
        "Water on the face\n\n"
        "A gentle rinse with lukewarm water is fine the next morning; avoid hot steam for a "
        "few days.\n\n"
        "Have a question? Ask a doctor\n\n"
        "Showering after a peel.\n\n"
        "Most of my patients shower the same evening, keeping the spray off the face until the "
        "peeling has settled.\n\n"
        "Ann Lee, MD\nSeattle Dermatologist\n5.0 out of 5 stars 45 reviews\n\n"
        "Keep it short and cool\n\n"
        "Short cool showers are safe; the heat is what irritates the new skin.\n\n"
        "Tom Reyes, MD\nDallas Dermatologist\n4.9 out of 5 stars 88 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A gentle rinse with lukewarm water");
    ru_check_title(&r, 2, "Showering after a peel.");
    ru_check_start(&r, 2, "Most of my patients shower");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ann Lee, MD");
    ru_check_start(&r, 3, "Short cool showers are safe");
    ru_free(&r);
}

/* The physician's own sign-off ("Dr. Vale"), then a specialty title alone on
 * its line, then the site's signature (city specialty, rating): the title is
 * part of that signature, no answer of its own. */
static void test_specialty_title_under_a_signoff(void)
{
    ru_result r = read_str(
        "Can I wear a sports bra two days after a breast lift?\n\n"
        "Doctor Answers 2\n\n"
        "Support after a lift\n\n"
        "A soft sports bra without an underwire is what most surgeons hand out after a lift, so "
        "you can usually wear one from the first days on.\n\n"
        "Ask your own surgeon which garment they prefer.\n\n"
        "Dr. Vale\n\n"
        "Board Certified Plastic Surgeon\n\n\n\n"
        "Denver Plastic Surgeon\n5.0 out of 5 stars 40 reviews\n\n"
        "Garments after a lift\n\n"
        "The garment your surgeon gave you comes first; a sports bra is fine once they agree.\n\n"
        "Tom Reyes, MD\nAustin Plastic Surgeon\n4.8 out of 5 stars 61 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A soft sports bra without an underwire");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.city);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Denver");
    ru_check_start(&r, 2, "The garment your surgeon gave you");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Tom Reyes, MD");
    ru_free(&r);
}

/* A flat page that prints its question twice (the page's title, then the
 * same words as its heading), then one answer a line: the second copy is no
 * answer. */
static void test_flat_question_printed_twice(void)
{
    ru_result r = read_str(
        "Does a chemical peel make freckles come back darker?\n"
        "Does a chemical peel make freckles come back darker?\n"
        "Freckles often fade after a peel, but sun on the fresh skin can bring them back darker "
        "than before.\n"
        "Daily sunscreen for several months after the peel is what keeps the result even.\n"
        "Dana Holt, MD\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    ru_check_start(&r, 1, "Freckles often fade after a peel");
    ru_check_start(&r, 2, "Daily sunscreen for several months");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Dana Holt, MD");
    ru_free(&r);
}

/* A site that heads each answer with the physician's name, then a line
 * naming their field and years ([answer-headers]): the name above the
 * header is neither an answer of its own (the first) nor the last words of
 * the answer above (the others). */
static void test_name_above_an_answer_header(void)
{
    ru_result r = read_str(
        "Why would my dentist give me antibiotics before a cleaning?\n\n"
        "3 doctor answers\n"
        "Dr. Ines Marlow\n"
        "Dentistry 20 years experience\n"
        "Heart valves: Some patients with certain heart conditions take antibiotics before dental "
        "work to lower the risk of an infection of the heart.\n"
        "Dr. Paul Okafor\n"
        "Dentistry 12 years experience\n"
        "Joint implants: After a joint replacement some surgeons ask for antibiotics before dental "
        "work for a while.\n"
        "Dr. Hanna Berg\n"
        "Specializes in General Dentistry\n"
        "Ask your dentist: The reason is usually written in your chart, so your dentist can tell "
        "you which condition it was for.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Heart valves: Some patients");
    ru_check_start(&r, 2, "Joint implants: After a joint");
    ru_check_start(&r, 3, "Ask your dentist: The reason");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Okafor"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Berg"));
    ru_free(&r);
}

/* Under the count line, the first physician's name alone, then their
 * tagline in quotes, then the answer: the name is no answer. */
static void test_name_alone_above_the_first_answer(void)
{
    ru_result r = read_str(
        "Why do my knuckles crack so often?\n\n"
        "Doctor's Answers (2)\n\n"
        "Dr Lena Varga\n\n"
        "\"Joint doctor for many years\"\n\n"
        "Thank you for asking. The sound comes from gas bubbles in the fluid of the joint and is "
        "harmless when there is no pain or swelling.\n\n"
        "Best regards\n\n"
        "Dr Lena Varga, Rheumatologist\n\n"
        "Cracking without pain needs no treatment; see a doctor if a joint swells or hurts.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for asking. The sound");
    ru_check_start(&r, 2, "Cracking without pain needs");
    ru_free(&r);
}

/* The caption of the physician's picture ("Photo of Dr ...") above their
 * name, then their field, then the answer: caption and name are no answer. */
static void test_photo_caption_above_the_first_answer(void)
{
    ru_result r = read_str(
        "Can I get a tattoo while taking an acne pill?\n\n"
        "Doctor's Answers 2\n\n"
        "Photo of Dr Milo Brandt\n"
        "Dr Milo Brandt\n\n"
        "General Practitioner, Aesthetic\n\n"
        "Thank you for your question. Skin heals more slowly on that pill, so most doctors ask "
        "you to wait until some months after the last dose.\n\n"
        "Best regards,\n\n"
        "Dr Milo Brandt\n\n"
        "Waiting is safer: a slow-healing tattoo can scar, so finish the course first.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for your question. Skin heals");
    ru_check_start(&r, 2, "Waiting is safer: a slow-healing");
    ru_free(&r);
}

/* A bare page printing one answer a paragraph with two blank lines between
 * every two paragraphs, not one: the gap is the same throughout and each
 * paragraph holds two sentences (a cut or short last one need not), so each
 * paragraph is an answer all the same. */
static void test_one_answer_a_paragraph_two_blank_lines_apart(void)
{
    ru_result r =
        read_str("When can I go back to swimming after a tummy tuck?\n\n\n"
                 "My tummy tuck was three weeks ago and I feel fine. I miss the pool "
                 "and wonder when I could swim laps again.\n\n\n"
                 "Surgeons differ on this, so ask the one who operated on you. I let my "
                 "own patients swim once every incision has closed, near four weeks.\n\n\n"
                 "Most of my patients wait six weeks before any swimming. Pool water "
                 "can carry germs into a wound that looks closed but is not.\n\n\n"
                 "Gentle walking is best for now. Laps in a pool can wait until your "
                 "surgeon has checked the scar and the belly wall at your next visit.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Surgeons differ on this");
    ru_check_start(&r, 2, "Most of my patients wait");
    ru_check_start(&r, 3, "Gentle walking is best");
    ru_free(&r);
}

/* "Hi, kate_22!" alone under the first answer's title: a greeting to a user
 * name with digits, a comma in a short line like the asker's "F, 37, Ohio"
 * line, but it opens the first answer; title and greeting stay with it. */
static void test_greeting_to_a_user_name_with_digits(void)
{
    ru_result r = read_str("Did my braces make my chin look longer?\n\n"
                           "I wore braces for two years and had teeth pulled. Now my chin looks "
                           "longer in photos. Could the braces have done this?\n\n"
                           "Pulled teeth and the chin\n\n"
                           "Hi, kate_22!\n\n"
                           "Thank you for asking. Pulling teeth for braces seldom changes the chin "
                           "in a way others see, and faces also change with age.\n\n"
                           "Chin changes after braces\n\n"
                           "I am sorry you are unhappy. Your orthodontist can compare the photos "
                           "taken before and after the treatment with you.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Pulled teeth and the chin");
    ru_check_start(&r, 1, "Hi, kate_22!");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Pulling teeth for braces"));
    ru_check_start(&r, 2, "I am sorry you are unhappy");
    ru_free(&r);
}

/* The first answer's first paragraph ends asking the asker something
 * ("... and which medicines do you take?"), right under the asker's own
 * paragraph: it speaks to the asker and never of its speaker, so it is the
 * first answer's, not more of the question. */
static void test_answer_asking_the_asker_under_the_question(void)
{
    ru_result r = read_str("Can I have a tummy tuck with a heart stent?\n\n\n"
                           "Last year I had a stent placed and I take a blood thinner. I would "
                           "like a tummy tuck this spring. Will the stent stop me?\n\n\n"
                           "A stent by itself does not rule out surgery. The blood thinner is the "
                           "bigger question, and you need to talk with your heart doctor before "
                           "any plan is made. Why was the stent needed, and which other medicines "
                           "do you take?\n\n"
                           "Sometimes the thinner can be paused for a few days around the surgery, "
                           "but only the heart doctor can decide that.\n\n\n"
                           "Having a stent does not keep you from cosmetic surgery, but your "
                           "surgeon and your heart doctor should agree on the timing first.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "Last year I had a stent"));
    ru_check_start(&r, 1, "A stent by itself does not rule out");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Sometimes the thinner can be paused"));
    ru_check_start(&r, 2, "Having a stent does not keep you");
    ru_free(&r);
}

/* A heading that restates the question's title above a bulleted list of
 * sentences, on a page that titles its answers: the next answer's title,
 * its points given as a list; a heading above a list that restates nothing
 * stays in the answer above. */
static void test_restated_heading_above_a_list(void)
{
    ru_result r = read_str("Do Fillers Help Tired Eyes?\n\n"
                           "Since my second child my eyes look tired and hollow. Are there side "
                           "effects?\n\n"
                           "A filler may be enough\n\n"
                           "A soft filler placed along the lower lid can hide the hollow for a few "
                           "months.\n\n"
                           "A few things to ask\n\n"
                           "  \xE2\x80\xA2 How long have you looked tired, and does sleep help at "
                           "all with the hollow look?\n\n"
                           "Fillers for Tired Eyes\n\n"
                           "  \xE2\x80\xA2 Fillers can soften hollow eyes when the hollow comes "
                           "from lost volume under the lid.\n"
                           "  \xE2\x80\xA2 Swelling and bruising are common for a few days after "
                           "the injection.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "A filler may be enough");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "How long have you looked tired"));
    ru_check_title(&r, 2, "Fillers for Tired Eyes");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Fillers can soften hollow eyes"));
    ru_free(&r);
}

/* A closing glued to the sentence before it, the page having dropped the
 * space after the dot ("... as it heals.wish you good luck." / "... before
 * judging it.Good luck."): it ends that unsigned answer, and the paragraph of
 * prose under it is the next physician's answer, on a page with signatures
 * (the next answer signed below it) and on one whose answers are signed by a
 * place line only. */
static void test_glued_closing_ends_an_answer(void)
{
    ru_result r = read_str(
        "How Do I Look After a Small Opening in My Incision?\n\n"
        "Two weeks after my surgery one end of the incision opened a little. What can I do at "
        "home to help it close?\n\n"
        "Doctor Answers 3\n\n"
        "A small opening heals by itself\n\n"
        "A small opening at the end of an incision is common and usually closes over a few "
        "weeks with simple dressings.\n\n"
        "Jane Roe, MD\nBoston Plastic Surgeon\n\n"
        "Thanks for the photo.It does not look worrying to me. Keep the spot clean and dry so "
        "the new skin can cover it as fast as it heals.wish you good luck.\n\n"
        "The skin edge there lost some of its blood supply, which is why it opened. A nonstick "
        "dressing changed twice a day is usually all it needs.\n\n"
        "Tom Reyes, MD\nDallas Plastic Surgeon\n4.9 out of 5 stars 88 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A small opening at the end");
    ru_check_start(&r, 2, "Thanks for the photo.It does not look");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->physician.name);
    ru_check_start(&r, 3, "The skin edge there lost");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Tom Reyes, MD");
    ru_free(&r);

    r = read_str("Is this much swelling normal a week after my facelift?\n\n"
                 "Swelling in the first weeks after a facelift is expected. Keep your head raised "
                 "and see your surgeon about your concerns.\n\n"
                 "Denver Plastic Surgeon\n\n"
                 "It is still early. Stretched earlobes would be a problem if they stayed that "
                 "way, so ask your surgeon to check them before judging it.Good luck.\n\n"
                 "Healing after a facelift takes about a month for most of the swelling, and "
                 "longer for the last firmness under the skin to soften.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Swelling in the first weeks");
    ru_check_start(&r, 2, "It is still early.");
    ru_check_start(&r, 3, "Healing after a facelift takes");
    ru_free(&r);
}

/* "I wish her well." ends a paragraph: a wish for the asker closes the
 * answer as a farewell does, and the paragraph under it is another
 * physician's; the paragraphs above it (no greeting, no title between them)
 * stay one answer. */
static void test_wish_closes_an_answer(void)
{
    ru_result r = read_str(
        "Does ear pinning need general anesthesia for a teenager?\n\n"
        "My daughter is sixteen and wants her ears pinned back. Does she have to be put to "
        "sleep for it?\n\n"
        "Dear parent:\n\n"
        "Numbing medicine alone is enough for many adults, and a light sedative helps with the "
        "first injections.\n\n"
        "Teenagers are often more anxious, so I usually add a mild sedative through a vein for "
        "the procedure.\n\n"
        "It is a very rewarding operation for a young person who is teased about her ears. I "
        "wish her well.\n\n"
        "Ear pinning can be done with local anesthesia when the patient is calm, otherwise "
        "light sedation by mouth works well too.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Dear parent:");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Teenagers are often more anxious"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "I wish her well."));
    ru_check_start(&r, 2, "Ear pinning can be done");
    ru_free(&r);
}

/* Sympathy, a reply to the asker's account and "This is a very common
 * question" open answers as greetings do: on a page of unsigned paragraphs
 * each starts another answer, while a paragraph without such an opening
 * goes on in the answer above. */
static void test_sympathy_and_reply_openers(void)
{
    ru_result r = read_str(
        "Is it normal to have brown spots and tight skin a few days after a laser "
        "treatment?\n\n"
        "I had a fractional laser treatment four days ago and my skin is tight and dotted with "
        "brown spots.\n\n\n"
        "F, 41, Ohio\n\n"
        "This sounds like the usual early reaction to a fractional laser. Call the office that "
        "treated you to ask about the care they advise.\n\n"
        "What you describe is a normal reaction in the first week. The tiny dark dots are "
        "treated skin that will flake off over the next days.\n\n"
        "A plain moisturizer and sun protection are all the skin needs while it renews "
        "itself.\n\n"
        "I am sorry to hear the skin feels so uncomfortable. Tightness and dryness are common "
        "for a week and fade as the top layer renews.\n\n"
        "This is a very common question and a good one to ask. The spots are expected and "
        "will be gone within two weeks.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "This sounds like the usual");
    ru_check_start(&r, 2, "What you describe is a normal");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "A plain moisturizer"));
    ru_check_start(&r, 3, "I am sorry to hear");
    ru_check_start(&r, 4, "This is a very common question");
    ru_free(&r);
}

/* A bare page whose one answer is a heading of nine words over paragraphs
 * of one long line each: the heading is no answer printed on its line, so
 * the page does not print one answer a paragraph; the paragraphs under the
 * heading are that one answer's. */
static void test_long_heading_over_one_line_paragraphs(void)
{
    ru_result r = read_str(
        "I carry one copy of a clotting gene but have never had a clot. Can I still have a "
        "facelift and a tummy tuck together, and what should be done to keep me safe?\n\n"
        "Elective Surgery for Patients With a Tendency to Form Clots\n\n"
        "Clots in the deep leg veins usually follow long immobility, pregnancy, hormone pills "
        "or a recent operation, and an inherited tendency adds to each of these.\n\n"
        "People who carry the gene clear their clotting factors more slowly, which is why a "
        "long operation under general anesthesia, followed by days of rest in bed, raises "
        "their risk further.\n\n"
        "Every surgeon has a view on this question, and I will give you mine as plainly as I "
        "can.\n\n"
        "Cosmetic surgery is a choice and never a necessity, so the safety margin we ask for "
        "has to be larger than for an operation you truly need.\n\n"
        "No operation is free of risk, and a combined one lasting many hours adds to it, so I "
        "would stage the two procedures and ask a blood specialist to plan the prevention.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_title(&r, 1, "Elective Surgery for Patients With a Tendency to Form Clots");
    ru_check_start(&r, 1, "Clots in the deep leg veins");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "I would stage the two procedures"));
    ru_free(&r);
}

/* "Congratulations on the good news." opens an answer as a greeting does:
 * on a bare page of one-line paragraphs it marks where the second answer
 * starts, so the page is not read one answer a paragraph, and the paragraphs
 * after it are that answer's. */
static void test_congratulations_opens_an_answer(void)
{
    ru_result r = read_str(
        "I had implants placed a year ago and now I am expecting. Will the implants be harmed, "
        "and will my breasts sag again after the baby?\n\n"
        "Your implants are safe, though the breasts may change\n\n"
        "Pregnancy does not harm the implants themselves. Your skin and breast tissue will "
        "stretch and shrink again, and how much they recover is hard to predict.\n\n"
        "Pregnancy changes the look of implants.\n\n"
        "Congratulations on the good news. The implants stay intact, but the result around "
        "them can change once the baby arrives.\n\n"
        "During pregnancy the breast fills and stretches, and after nursing ends it may "
        "shrink and droop off the front of the implant; a lift can correct that.\n\n"
        "Many women go through pregnancy with implants and look much the same afterwards, "
        "especially when the implants sit under the muscle.\n\n"
        "If some sagging does appear after the baby, a breast lift can restore the shape "
        "without removing the implants.\n\n"
        "A Hard Question, but Some Clues Can Help You Decide\n\n"
        "Breasts change throughout life, and pregnancy is one of the biggest changes they go "
        "through.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title,
                           "Your implants are safe, though the breasts may change");
    ru_check_start(&r, 1, "Pregnancy does not harm the implants");
    ru_check_start(&r, 2, "Congratulations on the good news.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "a breast lift can restore"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "Breasts change throughout life");
    ru_free(&r);
}

/* The page's own question printed again under the last answer (a list of
 * questions, cut by the page's end): no answer. */
static void test_question_again_at_the_page_end(void)
{
    ru_result r = read_str("Can I fly two weeks after a nose job? My trip is booked\n\n"
                           "I have a flight planned fourteen days after my rhinoplasty. Is that "
                           "too early?\n\n"
                           "Doctor Answers 2\n\n"
                           "Flying after rhinoplasty\n\n"
                           "Two weeks is usually fine once the splint is off. Keep drinking water "
                           "on the plane and avoid bumping the nose.\n\n"
                           "Rhea Moss, MD\n"
                           "Dayton Plastic Surgeon\n\n"
                           "Travel at two weeks\n\n"
                           "Most patients fly comfortably by then, but check with your surgeon "
                           "first.\n\n"
                           "Oren Paley, MD\n"
                           "Tulsa Plastic Surgeon\n\n"
                           "Can I fly two weeks after a nose jo");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 2, "Most patients fly comfortably");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "nose jo"));
    ru_free(&r);
}

/* "2.5 weeks is ...": a body that starts with a number with decimals is a
 * sentence, not an item of a list going on from the answer above; the
 * title over it starts the next answer. */
static void test_decimal_number_starts_a_body(void)
{
    ru_result r = read_str("Cruise three weeks after a breast lift?\n\n"
                           "Our family cruise leaves three weeks after my lift. Will I be able "
                           "to go?\n\n"
                           "Doctor Answers 3\n\n"
                           "Cruising after a breast lift\n\n"
                           "Most patients feel well enough to travel by then, as long as they "
                           "avoid lifting bags and heavy exercise.\n\n"
                           "Pack a soft supportive bra and keep your incisions out of the sun "
                           "for the whole trip.\n\n"
                           "Travel after surgery\n\n"
                           "2.5 weeks is on the early side in my opinion. Keep your activity low "
                           "and take a short walk every few hours on the ship.\n\n"
                           "Lars Hemming, MD\n"
                           "Fargo Plastic Surgeon\n\n"
                           "Probably fine\n\n"
                           "Ask your own surgeon at your last visit before you leave.\n\n"
                           "Nia Carver, MD\n"
                           "Boise Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Travel after surgery"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Travel after surgery");
    ru_check_start(&r, 2, "2.5 weeks is on the early side");
    ru_check_start(&r, 3, "Ask your own surgeon");
    ru_free(&r);
}

/* "Re: ..." above an answer, where the other answers have titles: the
 * reply's heading, repeating the asker's words at any length; the answer
 * starts under it (before, the heading was too long for a title and the
 * reply was read on as part of the answer above). */
static void test_reply_heading_above_an_answer(void)
{
    ru_result r = read_str("Is It Safe to Go Swimming a Week After Fillers?\n\n"
                           "I was told not to swim for a week. Is that normal? I swim every day "
                           "and also run and lift weights and do hot yoga twice a week...\n\n"
                           "Doctor Answers 3\n\n"
                           "Swimming after fillers\n\n"
                           "Fillers settle within a day or two, and clean water does not move "
                           "them.\n\n"
                           "Re: I was told not to swim for a week. Is that normal? I swim every "
                           "day and also run and lift weights and do hot yoga twice...\n\n"
                           "A week sounds cautious to me. Most injectors only ask patients to "
                           "avoid pools and heat for the first day.\n\n"
                           "Exercise and fillers\n\n"
                           "Follow what your injector told you; every practice has its own "
                           "routine.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Re:"));
    ru_check_start(&r, 2, "A week sounds cautious to me.");
    ru_check_start(&r, 3, "Follow what your injector told you;");
    ru_free(&r);
}

/* A site that heads each answer with a bulleted "Answered by NAME, date"
 * line under an "Answer" line: each such line opens the next answer and is
 * no text of the one above. */
static void test_answered_by_lines_head_answers(void)
{
    ru_result r =
        read_str("ASK A DOCTOR\nQuestion\n"
                 "  \u2022 Do I Need to Stop Vaping Before My Tummy Tuck?\n\n"
                 "    Asked by SunnyDay42, 2024-02-03 10:15:00\n    3 Answers\n\n"
                 "Answer\n"
                 "  \u2022 Answered by Nora Vint, MD, 12/05/2023 09:30\n\n"
                 "    Nicotine narrows the small vessels that feed the skin, so most surgeons "
                 "ask you to stop a month before and after.\n\n"
                 "  \u2022 Answered by Theo Marsh, MD, 12/05/2023 09:30\n\n"
                 "    Thanks for asking. Vaping still delivers nicotine, and wound edges heal "
                 "poorly with it.\n\n"
                 "  \u2022 Answered by Ines Calder, MD, MS, 12/05/2023 09:30\n\n"
                 "    Your surgeon may test for it before the operation, so be hon");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Nicotine narrows the small vessels");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Answered by"));
    ru_check_start(&r, 2, "Thanks for asking. Vaping still delivers");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Answered by"));
    ru_check_start(&r, 3, "Your surgeon may test for it");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* A booking site's answers glued one under another, each under a byline
 * "Name (City, ST) on Mon D, YYYY": the byline opens the answer and is no
 * text; a line ending in a date within the text is no byline. The site's
 * slogan and blurb above the question are no answer: the answers start at
 * the first byline. */
static void test_dated_bylines_head_glued_answers(void)
{
    ru_result r = read_str("Book appointments online today\n\n"
                           "Microneedling\n\n"
                           "Microneedling makes tiny wounds so the skin builds new collagen.\n\n"
                           "Can I wear makeup the day after microneedling?\n\n"
                           "Carla Menez (Tulsa, OK) on Mar 3, 2012\n"
                           "Wait a full day; the tiny channels stay open for some hours and "
                           "makeup can irritate them (as I told a patient on May 2, 2011).\n"
                           "Omar Reyes (Fort Worth, TX) on Mar 4, 2012\n"
                           "Mineral makeup after 24 hours is fine for most skin, but stop if it "
                           "stings.\n"
                           "Beth Olander (Boise, ID) on Mar 9, 2012\n"
                           "Give it two days if you had a deep treatment.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Can I wear makeup the day after microneedling?");
    ru_check_start(&r, 1, "Wait a full day; the tiny channels");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "May 2, 2011"));
    ru_check_start(&r, 2, "Mineral makeup after 24 hours");
    ru_check_start(&r, 3, "Give it two days");
    for (size_t i = 1; i <= 3; i++)
        CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, i)->text, ") on Mar"));
    ru_free(&r);
}

/* A signature whose practice, town and post stand glued under the name
 * line at the page's end, the last line cut: more of that signature, no
 * answer of its own. */
static void test_glued_signature_lines_end_the_page(void)
{
    ru_result r = read_str("Puffy lower lids after Botox near the eyes?\n\n"
                           "Doctor Answers 2\n\n"
                           "Swelling after Botox\n\n"
                           "When the muscle under the eye relaxes, fluid drains more slowly and "
                           "the lids look puffy for some weeks.\n\n"
                           "Halifax Dermatologist\n\n"
                           "A little enzyme can help\n\n"
                           "I saw this in one of my own patients last year.\n"
                           "A small dose of enzyme into the lid settled it within days.\n\n"
                           "Colin Rusk MD\n"
                           "Harbour Valley Cosmetic Surgery\n"
                           "Lunenburg, NS\n"
                           "Associate Professor of Surg");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "A little enzyme can help");
    ru_check_start(&r, 2, "I saw this in one of my own patients");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Lunenburg"));
    ru_free(&r);
}

/* The same lines between the physician's own sign-off and the site's
 * signature under it ("Name, MD" / practice / city, then "City Specialty"
 * and a rating): more of the signature, not an answer. */
static void test_glued_signature_lines_above_a_signature(void)
{
    ru_result r =
        read_str("Can I exercise the day after lip filler?\n\n"
                 "Doctor Answers 5\n\n"
                 "Take one day off\n\n"
                 "Light walking is fine, but hard exercise raises blood flow to the lips "
                 "and can add swelling and bruising for the first day.\n\n"
                 "I hope this is helpful.\n\n"
                 "Nora Whitfield, MD\n"
                 "Whitfield Facial Aesthetics\n"
                 "Portland Oregon\n\n"
                 "Portland Facial Plastic Surgeon\n"
                 "4.8 out of 5 stars 41 reviews\n\n"
                 "Wait until tomorrow\n\n"
                 "Most of my patients go back to the gym the next morning without any "
                 "trouble.\n\n"
                 "Lars Ekdahl, MD\nDenver Dermatologist\n4.9 out of 5 stars 12 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Take one day off");
    ru_check_start(&r, 1, "Light walking is fine");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Whitfield Facial Aesthetics"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Wait until tomorrow");
    ru_check_start(&r, 2, "Most of my patients go back");
    ru_free(&r);
}

/* Under a farewell ("I hope this helps."), a closing line of its own, the
 * physician's name and the title under it ("Board Certified Plastic
 * Surgeon"), and their web address are the same answer's: the next answer
 * starts at the next title. */
static void test_closings_under_a_farewell_stay(void)
{
    ru_result r = read_str(
        "Can a dissolving stitch poke out after a nose job?\n\n"
        "Doctor Answers 3\n\n"
        "Stitch ends after rhinoplasty\n\n"
        "Dear Maple22,\n\n"
        "What you feel is most likely the end of an absorbable stitch working its way out. It "
        "is harmless and your surgeon can trim it.\n\n"
        "I hope this helps.\n\n"
        "The best of wishes to you.\n\n"
        "Dr. Quist\n\n"
        "Portland Plastic Surgeon\n5.0 out of 5 stars 88 reviews\n\n"
        "Ask your surgeon\n\n"
        "Thank you for your question. A stitch end that shows after a week is common, and a "
        "quick visit settles it.\n\n"
        "Best of luck!\n\n"
        "Dr. Ferrand\n\n"
        "Board Certified Plastic Surgeon\n\n"
        "Learn more: http://www.example-nose-clinic.com\n\n\n"
        "Stitches dissolve\n\n"
        "Most internal stitches dissolve over some weeks; leave it alone unless it is red or "
        "sore.\n\n"
        "Ines Walder, MD\nSeattle Facial Plastic Surgeon\n4.9 out of 5 stars 40 reviews\n\n"
        "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "The best of wishes"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Ask your surgeon");
    ru_check_start(&r, 2, "Thank you for your question. A stitch end");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Board Certified"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Learn more:"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Stitches dissolve");
    ru_check_start(&r, 3, "Most internal stitches dissolve");
    ru_free(&r);
}

/* A page that prints a vote line under each answer's title, cut right under
 * a signature by a short sentence: the next answer's title, cut before its
 * vote line, an answer with no body. */
static void test_cut_period_title_under_a_signature(void)
{
    ru_result r = read_str("When can I wear makeup after a laser peel?\n\n"
                           "Doctor Answers 3\n\n"
                           "Makeup after a laser peel\n\n"
                           "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                           "Most skin is ready for mineral makeup a week to ten days after the "
                           "peel, once it has stopped weeping.\n\n"
                           "Tara Bell, MD\nDenver Dermatologist\n\n"
                           "Wait until the skin is closed\n\n"
                           "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                           "Makeup is safe once the outer layer has healed over, usually by the "
                           "end of the first week.\n\n"
                           "Omar Hale, MD\nAustin Plastic Surgeon\n\n"
                           "Laser peels take a week to heal.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 3, "Laser peels take a week to heal.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->text, "");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* A page cut a few words into the line under a signature ("It should
 * not"): the next answer's title, cut by the page's end, with no body; a cut
 * line under an unsigned paragraph stays that answer's. */
static void test_cut_scrap_under_a_signature_is_a_title(void)
{
    ru_result r = read_str("Will a cortisone shot thin my skin?\n\n"
                           "Doctor Answers 2\n\n"
                           "Thinning after steroid shots\n\n"
                           "Repeated shots into the same spot can thin the skin and leave a small "
                           "dent that slowly fills in.\n\n"
                           "Joel Marks, MD\nTrenton Dermatologist\n4.8 out of 5 stars 12 "
                           "reviews\n\n"
                           "It should not");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 2, "It should not");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "");
    ru_free(&r);
    r = read_str("Is a small gap in the scar normal after a tummy tuck?\n\n"
                 "Doctor Answers 1\n\n"
                 "Small openings along a long scar are common and usually close with dressings.\n\n"
                 "Show it to your surgeon");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Show it to your surgeon"));
    ru_free(&r);
}

/* A site that prints each physician's gallery and a link to their profile
 * under their answer ("Ann Lee has 2 Facelift before & afters:", the
 * captions, "» View Ann Lee's full profile"): the paragraph under the link
 * is the next physician's answer, a whole one (the gallery and the link
 * stand under it too), even one short exclaimed line. */
static void test_profile_link_parts_answers(void)
{
    ru_result r = read_str(
        "Pregnancy after a tummy tuck?\n\n"
        "How long after a tummy tuck should I wait before trying for another baby? We would "
        "like two more children.\n\n\n"
        "F, 34, Ohio\n\n"
        "Most surgeons advise finishing your family first, since a later pregnancy can stretch "
        "the repaired muscles and skin again.\n\n"
        "Rosa Quint has 2 Tummy tuck before & afters:\n\n"
        "Tummy tuck before image performed by Dr. Rosa QuintTummy tuck after image performed by "
        "Dr. Rosa Quint\n\n"
        "\u00bb View Rosa Quint's full profile\n\n"
        "Wait until your family is complete!\n\n"
        "Hugo Brandt has 1 Tummy Tuck before & after:\n\n"
        "Tummy Tuck before image performed by Dr. Hugo BrandtTummy Tuck after image performed by "
        "Dr. Hugo Brandt\n\n"
        "\u00bb View Hugo Brandt's full profile\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Most surgeons advise finishing your family");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Wait until"));
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->text, "Wait until your family is complete!");
    ru_free(&r);
}

/* A bare page that prints the question's title again with a note ("...,
 * submitted image."), the asker's story and the site's tags line: the
 * answers start under the tags line, and the story is the question's. */
static void test_tags_line_ends_the_question(void)
{
    ru_result r = read_str(
        "Can a freckle on the nose be lasered off?\n\n"
        "Can a freckle on the nose be lasered off, submitted image.\n\n"
        "A dark freckle on the tip of my nose bothers me in photos; could a laser take it off "
        "for good, or would it come back after summer?\n\n"
        "Tags:woman age 35-44 nose freckle laser\n\n"
        "A pigment laser usually clears a flat freckle in one or two sessions, though sun "
        "exposure can bring some of it back.\n\n"
        "Have a dermatologist look at it first so nothing else is mistaken for a freckle.\n");
    CU_ASSERT_EQUAL_FATAL(r.n, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->body, "A dark freckle on the tip"));
    CU_ASSERT_TRUE_FATAL(ru_n_answers(&r) >= 1);
    ru_check_start(&r, 1, "A pigment laser usually clears");
    for (size_t i = 1; i <= ru_n_answers(&r); i++)
        CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, i)->text, "A dark freckle"));
    ru_free(&r);
}

/* Under "Doctor's Answers 3" on a page that signs no answer, a first line
 * ending in '.' longer than a '.' title is (period_title_words) is the first
 * sentence of the answer's body, not its title: the site prints no titles.
 * A short one still heads its answer (see
 * test_lists_votes_and_glued_headings). */
static void test_long_sentence_first_under_marker_is_body(void)
{
    ru_result r = read_str(
        "Is a chemical peel safe while breastfeeding?\n\n"
        "Doctor's Answers 3\n\n"
        "As the other replies say, a light peel does not reach the milk in any amount that "
        "matters.\n\n"
        "In my clinic I still wait until nursing stops, since the skin is more reactive in "
        "those months. I hope this is useful!\n\n"
        "Kind regards,\n\n"
        "Dr Lee Tan\n\n"
        "Superficial peels act on the top layer of skin only, and very little of the acid "
        "enters the body. Deeper peels are another matter and are best left for later.\n\n"
        "Hope that helps!\n");
    CU_ASSERT_TRUE_FATAL(ru_n_answers(&r) >= 1);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "As the other replies say, a light peel");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "In my clinic I still wait"));
    ru_free(&r);
}

/* No "Doctor Answers" line. Under a title that asks, the asker's story on
 * one line speaks of the asker and their own ("my father", "I am") more than
 * it says "you" ("you can see", "your advice"): the question's body, not the
 * first answer. */
static void test_askers_story_saying_you_is_the_body(void)
{
    ru_result r = read_str(
        "Is it normal to have one droopy eyelid three weeks after a brow lift?\n\n\n"
        "My father had a brow lift three weeks ago and his left lid still hangs lower, so you "
        "can see the difference in every photo. I am worried it will stay this way and I would "
        "be grateful for your advice.\n\n\n"
        "Some asymmetry at three weeks is common, because the swelling settles unevenly. Give "
        "it two more months before judging the result. Best wishes.\n\n\n"
        "A lid that hangs lower after a brow lift can come from swelling or from a weak "
        "muscle; his surgeon should examine him to tell which.\n");
    CU_ASSERT_EQUAL_FATAL(r.n, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->body, "My father had a brow lift"));
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Some asymmetry at three weeks is common");
    ru_check_start(&r, 2, "A lid that hangs lower");
    ru_free(&r);
}

/* The same with the asker asking the physicians first ("Have you seen
 * this? My ..."): the "you" of a question asks the physicians, so only the
 * other sentences tell whose voice the line is in. */
static void test_askers_question_to_doctors_then_story_is_the_body(void)
{
    ru_result r = read_str(
        "Halos at night after cataract surgery?\n\n"
        "Have you seen halos around lights a month after your patients' surgery? My right eye "
        "shows rings around every headlight and I am wondering if this will fade.\n\n"
        "Halos in the first months after a lens implant are common and usually fade as the "
        "brain adapts to the new lens. Best wishes.\n\n"
        "Ask your surgeon to check the lens position and the capsule behind it; a small laser "
        "treatment can help if the capsule has clouded.\n");
    CU_ASSERT_EQUAL_FATAL(r.n, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->body, "My right eye shows rings"));
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Halos in the first months");
    ru_check_start(&r, 2, "Ask your surgeon to check");
    ru_free(&r);
}

/* No "Doctor Answers" line. The asker's paragraphs under the title, the
 * second saying "you" as much as "I'm", then the asker's question alone on a
 * line: all of them are the question's body, the answers start below. */
static void test_askers_paragraph_above_their_question_is_the_body(void)
{
    ru_result r = read_str(
        "Why do nose tip grafts feel so hard?\n\n"
        "I've had two consultations and read a lot of posts about tip grafts over the past "
        "months.\n\n"
        "It seems the tip stays firm for a long time, and I'm not sure you would even notice it "
        "after a year unless you press on it.\n\n"
        "Why can't the surgeon use a softer graft that feels like the rest of the nose?\n\n"
        "Cartilage grafts give the tip its support, and support means some firmness; most of it "
        "softens as the swelling goes down over the first year. Good luck!\n\n"
        "The graft is your own cartilage, so it settles and softens with time, though the tip "
        "never feels as soft as it did before surgery.\n");
    CU_ASSERT_EQUAL_FATAL(r.n, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->body, "It seems the tip stays firm"));
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Cartilage grafts give the tip its support");
    ru_check_start(&r, 2, "The graft is your own cartilage");
    ru_free(&r);
}

/* "Photo of Dr Ann Lee" (a picture's caption, furniture) with the name
 * again on the line under it: the name is the caption's, neither an answer
 * nor a line of the answer above; the specialty under it still signs. */
static void test_name_under_a_photo_caption_is_furniture(void)
{
    ru_result r = read_str("Can eye drops stop the itch after laser eye surgery?\n\n"
                           "Doctor's Answers 2\n\n"
                           "Photo of Dr Mia Sorensen\nDr Mia Sorensen\n\n"
                           "Ophthalmologist\n\n"
                           "Hello,\n\n"
                           "Mild itching in the first weeks is part of healing, and preservative-"
                           "free lubricating drops usually settle it.\n\n"
                           "Avoid rubbing the eye while the flap heals.\n\n"
                           "Best regards,\n\n"
                           "Dr Mia Sorensen\n\n"
                           "Photo of Dr Omar Haddad\nDr Omar Haddad\n\n"
                           "Ophthalmologist\n\n"
                           "Itching that grows worse after the first week, or comes with redness, "
                           "needs a check for allergy to the drops themselves.\n");
    CU_ASSERT_TRUE_FATAL(ru_n_answers(&r) >= 1);
    for (size_t i = 1; i <= ru_n_answers(&r); i++) {
        const cn_answer *a = ru_answer(&r, i);
        CU_ASSERT_FALSE(ru_starts_with_normalized(a->text, "Dr Mia Sorensen"));
        CU_ASSERT_PTR_NULL(strstr(a->text, "Dr Omar Haddad"));
    }
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Hello, Mild itching in the first weeks");
    ru_check_start(&r, 2, "Itching that grows worse");
    ru_free(&r);
}

/* A flat page under a title that asks nothing: the asker's long story on
 * the line under it (the asker's words too sparse for the test of a page
 * cut from the top) is the question's body, not the first answer. */
static void test_flat_askers_story_under_a_title(void)
{
    ru_result r = read_str(
        "Filler after a nose job\n"
        "I had a rhinoplasty two years ago and the bridge healed with a small dip on the left "
        "side. The tip looks fine and the breathing is good, and my surgeon moved abroad last "
        "spring, so a revision with him is out. A friend had filler for a bump and it looked "
        "natural for a year. Could filler smooth the dip, or does the skin after surgery make "
        "it risky? How long would it last, and is there a kind that can be dissolved if the "
        "result is uneven?\n"
        "Filler can hide a small dip on the bridge, but the skin after surgery is thinner and "
        "its blood supply less reliable, so an experienced injector should do it.\n"
        "A dissolvable filler is the sensible first choice, in small amounts.\n"
        "Lia Brandt, MD\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_EQUAL(strncmp(r.pages[0]->question, "I had a rhinoplasty", 19), 0);
    ru_check_start(&r, 1, "Filler can hide a small dip");
    ru_check_start(&r, 2, "A dissolvable filler is the sensible");
    ru_free(&r);
}

/* A flat page, one answer a line: a name that signs off without
 * credentials ("Dr. Ada K. Moss") and the specialty under it close the
 * answer above, and so does a place and its region ("Port Hale, Vermont")
 * under a name with credentials; none of them is an answer. */
static void test_flat_bare_name_and_place_close_answers(void)
{
    ru_result r =
        read_str("Is it normal for my eyes to water three months after lower lid surgery?\n"
                 "Watering this late usually means the lower lid sits a little loose and the tears "
                 "do not drain as they should.\n"
                 "Dr. Ada K. Moss\n"
                 "Board Certified Plastic Surgeon\n"
                 "Tape at night and lubricating drops help while the lid firms up over the next "
                 "months.\n"
                 "Ben Ortiz, MD FACS\n"
                 "Port Hale, Vermont\n"
                 "If the lid still pulls down after six months, a small tightening can fix it.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_EQUAL(r.pages[0]->format, CN_FORMAT_FLAT);
    ru_check_start(&r, 1, "Watering this late usually");
    ru_check_start(&r, 2, "Tape at night and lubricating");
    ru_check_start(&r, 3, "If the lid still pulls down");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Dr. Ada K. Moss");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.city);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.city, "Port Hale, Vermont");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->physician.name);
    ru_free(&r);
}

/* A titled answer whose body so far is a greeting alone ("Hi there-"):
 * the title-shaped line under it is the first line of that body, not the
 * title of another answer. */
static void test_line_under_a_lone_greeting_is_body(void)
{
    ru_result r = read_str(
        "Can I go to the beach three weeks after a breast lift?\n\n"
        "My trip is booked and I do not want to cancel it.\n\n"
        "Doctor Answers 2\n\n"
        "Beach trip after a lift\n\n"
        "A beach trip at three weeks is fine if you keep the scars out of the sun and skip "
        "swimming until the incisions are closed.\n\n"
        "Mia Lund, MD\n"
        "Tampa Plastic Surgeon\n\n"
        "Beach three weeks after a breast lift\n\n"
        "Hi there-\n\n"
        "Lying on the sand is fine- but the lifting and the sun are what to watch, right?\n\n"
        "Carry nothing heavy, wear a supportive top and cover the scars with clothing or "
        "tape.\n\n"
        "Noah Berg, MD\n"
        "Omaha Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "A beach trip at three weeks");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Beach three weeks after a breast lift");
    ru_check_start(&r, 2, "Hi there-");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Lying on the sand is fine"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Carry nothing heavy"));
    ru_free(&r);
}

/* "Answers from doctors (2)" opens the answers as "Doctor Answers 2"
 * does: the count the page declares, no answer of its own. */
static void test_answers_from_doctors_count_line(void)
{
    ru_result r = read_str(
        "Should I delay my tummy tuck because of a chest cold?\n\n"
        "I have a cough and a slight fever and the surgery is in five days.\n\n"
        "Answers from doctors (2)\n\n\n"
        "Call your surgeon today. A fever and a cough before general anesthesia are a good "
        "reason to move the date by a couple of weeks.\n\n"
        "Rosa Kim, MD\n"
        "Plastic Surgeon\n\n"
        "Most surgeons would postpone until the cough has cleared, since coughing strains the "
        "repair in the first weeks.\n\n"
        "Paul Vance, MD\n"
        "Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_EQUAL(r.pages[0]->declared_answers, 2);
    ru_check_start(&r, 1, "Call your surgeon today.");
    ru_check_start(&r, 2, "Most surgeons would postpone");
    ru_free(&r);
}

/* "Thank you for your question. Best of luck with the healing." above the
 * signature: thanks then a closing sentence end the answer above; they
 * open no answer of their own. */
static void test_thanks_and_closing_sentence_above_signature(void)
{
    ru_result r = read_str(
        "When can I blow my nose after septoplasty?\n\n"
        "My nose feels blocked and I really want to clear it.\n\n"
        "Doctor Answers 2\n\n"
        "Wait a week\n\n"
        "Blowing the nose in the first week can start a bleed, so use saline spray and let the "
        "crusts soften instead.\n\n"
        "Thank you for your question. Best of luck with the healing.\n\n"
        "Lena Hart, MD\n"
        "Boston Facial Plastic Surgeon\n\n"
        "Gentle care first\n\n"
        "Most of my patients can blow gently after ten days, one side at a time and never "
        "hard.\n\n"
        "Omar Reyes, MD\n"
        "Dallas Facial Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Blowing the nose in the first week");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Best of luck with the healing."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Gentle care first");
    ru_check_start(&r, 2, "Most of my patients can blow");
    ru_free(&r);
}

/* Under "Doctor Answers N", the question's title printed again (two
 * sentences, its last stop dropped) titles the first answer: the prose
 * under it is that answer's body. */
static void test_question_again_titles_the_first_answer(void)
{
    ru_result r = read_str(
        "Why does my scar itch two weeks after a facelift? It keeps me awake.\n\n"
        "I clean it twice a day and use the ointment I was given.\n\n"
        "Doctor Answers 2\n\n"
        "Why does my scar itch two weeks after a facelift? It keeps me awake\n\n"
        "Itching is part of healing as the small nerves grow back. Ask your surgeon before "
        "changing the ointment, and keep the scar clean and dry.\n\n"
        "Itching after a lift\n\n"
        "Some patients react to antibiotic ointment itself. Plain petroleum jelly often calms "
        "the itch within a few days.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->title);
    CU_ASSERT_EQUAL(strncmp(ru_answer(&r, 1)->title, "Why does my scar itch", 21), 0);
    ru_check_start(&r, 1, "Itching is part of healing");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Itching after a lift");
    ru_check_start(&r, 2, "Some patients react");
    ru_free(&r);
}

/* A bare page that titles its answers further down (titles ahead), the
 * first answer untitled: a short sentence ending in '.' that names a
 * subject of the question ("Stretched nerve after chin liposuction.")
 * between two paragraphs of prose heads another answer, though the prose
 * under it says none of its words again. In an answer written a sentence a
 * paragraph, such a line under one short sentence ("Ice it gently.") stays
 * in its answer. */
static void test_short_period_title_on_a_titled_page(void)
{
    ru_result r = read_str(
        "Numb lower lip after chin liposuction\n\n"
        "Ten days after liposuction under my chin my lower lip does not move right when I "
        "smile. Will it recover?\n\n"
        "A small nerve that moves the lower lip runs close to where the cannula works. A bruise "
        "of it is common and usually recovers.\n\n"
        "Stretched nerve after chin liposuction.\n\n"
        "This kind of weakness comes from swelling around a branch of the facial nerve, and it "
        "tends to come back over a few months.\n\n"
        "Lip weakness after liposuction of the jowls\n\n"
        "The branch along the jaw is at risk in this area; most such cases recover within three "
        "to six months.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "A small nerve that moves the lower lip");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Stretched nerve"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Stretched nerve after chin liposuction.");
    ru_check_start(&r, 2, "This kind of weakness comes from swelling");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Lip weakness after liposuction of the jowls");
    ru_check_start(&r, 3, "The branch along the jaw is at risk");
    ru_free(&r);

    r = read_str("Bumped my eye after Botox\n\n"
                 "My toddler bumped the corner of my eye an hour after Botox. Did this ruin the "
                 "Botox?\n\n"
                 "Bruising after a bump\n\n"
                 "A bump this soon after the injection rarely moves the product, and what you see "
                 "is most likely a small bruise.\n\n"
                 "Ice it gently.\n\n"
                 "Skip Botox touch-ups for a week.\n\n"
                 "The bruise should fade in seven to ten days.\n\n"
                 "Nothing to worry about\n\n"
                 "The product binds to the muscle within hours, so a knock later on does not "
                 "spread it.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Bruising after a bump");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Skip Botox touch-ups for a week."));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "fade in seven to ten days"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Nothing to worry about");
    ru_check_start(&r, 2, "The product binds to the muscle");
    ru_free(&r);
}

/* A site that prints no titles above its answers ([untitled-markers]:
 * "Doctor's Answers N"): a tagline in quotes under the physician's name
 * above the first answer is furniture; the sentence under it is the
 * answer's text, not its title; initials under an answer end it, and the
 * prose under them starts the next; a short line under a closing ("Hope
 * that helps!!") starts another answer's text. */
static void test_untitled_site_prints_no_titles(void)
{
    ru_result r = read_str(
        "Can I swim a few days after a mole removal?\n\n"
        "Doctor's Answers 3\n\n"
        "Dr Ann Lim\n\n"
        "\"Skin doctor in private practice for over 15 years\"\n\n"
        "Some redness around the wound is normal in the first days after a mole is taken "
        "off.\n\n"
        "Pools carry germs, so keep the wound out of the water until the stitches come out. "
        "After that, swimming is fine.\n\n"
        "KLT\n\n"
        "Theoretically a short swim does little harm. Still, chlorine stings an open wound, so "
        "wait a week.\n\n"
        "Hope that helps!!\n\n"
        "Whatever Dr Lim said is right :)\n\n"
        "Sea water is kinder to a wound than a pool, but the same one-week wait applies.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    for (size_t i = 1; i <= 3; i++)
        CU_ASSERT_PTR_NULL(ru_answer(&r, i)->title);
    ru_check_start(&r, 1, "Some redness around the wound is normal");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "swimming is fine"));
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "private practice"));
    ru_check_start(&r, 2, "Theoretically a short swim does little harm");
    ru_check_start(&r, 3, "Whatever Dr Lim said is right");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 3)->text, "Sea water is kinder"));
    ru_free(&r);
}

/* A dated page gluing each answer's title to its first line after the
 * "Answer:" label: the title is parted where the body's first sentence
 * starts (a Title Case title, a sentence-case one, one that asks), and a
 * line opening with its body keeps it ("Hi Tara, ...", "what I tell"). */
static void test_dated_glued_titles(void)
{
    ru_result r = read_str(
        "Is it safe to color my hair two weeks after a facelift? My stylist is unsure.\n"
        "June 4, 2019\n"
        "Answer: Hair Color After a Facelift Thanks for asking! Wait until the incisions have "
        "closed, usually about three weeks, before any dye touches the scalp.\n"
        "Helpful\n"
        "June 5, 2019\n"
        "Answer: Dye near fresh incisions Please hold off for now. The chemicals can irritate "
        "skin that is still healing around the ears.\n"
        "Helpful\n"
        "June 6, 2019\n"
        "Answer: Can the dye harm the scars? Yes it can. Strong dyes inflame a new scar, so "
        "give it a month.\n"
        "Helpful\n"
        "June 7, 2019\n"
        "Answer: Hi Tara, Dye is fine once your surgeon has seen the incisions closed and dry "
        "at a visit.\n"
        "Helpful\n"
        "June 8, 2019\n"
        "Answer: Three weeks is what I tell patients. Dr. Ames agrees with that timing, and so "
        "do most surgeons.\n"
        "Helpful\n"
        "June 9, 2019\n"
        "Answer: Scalp care after surgery I agree with Dr. Ames that a month is safer for "
        "anyone with thin skin.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 6);
    static const char *const titles[] = {"Hair Color After a Facelift",
                                         "Dye near fresh incisions",
                                         "Can the dye harm the scars?",
                                         NULL,
                                         NULL,
                                         "Scalp care after surgery"};
    static const char *const starts[] = {"Thanks for asking! Wait until",
                                         "Please hold off for now.",
                                         "Yes it can. Strong dyes",
                                         "Hi Tara, Dye is fine",
                                         "Three weeks is what I tell patients.",
                                         "I agree with Dr. Ames that a month"};
    for (size_t i = 0; i < 6; i++) {
        const cn_answer *a = ru_answer(&r, i + 1);
        if (titles[i]) {
            CU_ASSERT_PTR_NOT_NULL_FATAL(a->title);
            CU_ASSERT_STRING_EQUAL(a->title, titles[i]);
        } else {
            CU_ASSERT_PTR_NULL(a->title);
        }
        ru_check_start(&r, i + 1, starts[i]);
    }
    ru_free(&r);
}

/* A run printed one answer a line: a line announcing what follows (ending
 * in ':') and the later steps of a list ("Secondly, ...", "Finally, ...")
 * stay in the answer they go on from. */
static void test_list_steps_in_a_run_stay_in_their_answer(void)
{
    ru_result r = read_str(
        "Why does my knee click after surgery?\n\n"
        "My knee has clicked every day since my scope last spring. Is that normal?\n\n"
        "4 Answers\n\n"
        "Clicking after a scope is common and usually harmless when it does not hurt at all.\n"
        "A joint clicks after surgery for three reasons, which I will go through one at a time:\n"
        "First, the lining of the joint stays thick for months and catches as the knee bends.\n"
        "Secondly, the kneecap may track a little off center while the thigh muscle is weak.\n"
        "Finally, a loose edge of cartilage can flip, and that one may need another look.\n"
        "See your surgeon if the click comes with pain, swelling or locking of the knee joint.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Clicking after a scope is common");
    ru_check_end(&r, 1, "when it does not hurt at all.");
    ru_check_start(&r, 2, "A joint clicks after surgery for three reasons");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "First, the lining"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Secondly, the kneecap"));
    ru_check_end(&r, 2, "that one may need another look.");
    ru_check_start(&r, 3, "See your surgeon if the click");
    ru_free(&r);
}

/* A postscript under a physician's sign-off ("All the best," / "P.S. ...")
 * is the same answer's, not the next one. */
static void test_postscript_under_a_signoff(void)
{
    ru_result r = read_str(
        "Can a keloid form inside the nose after rhinoplasty?\n\n"
        "I form keloids on my chest easily. Will the small cut under my nose do the same?\n\n"
        "Doctor Answers 2\n\n"
        "Keloids rarely form there\n\n"
        "Scars across the strip of skin between the nostrils almost never thicken into "
        "keloids, even in patients who form them elsewhere.\n\n"
        "All the best,\n\n"
        "P.S. The cut under the nose has been used for over a century with the same good "
        "record.\n\n"
        "Ann Voss, MD\nDenver Facial Plastic Surgeon\n\n"
        "Your risk is low\n\n"
        "I have operated on many patients prone to keloids and have not seen one form at this "
        "site.\n\n"
        "Leo Park, MD\nMiami Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Keloids rarely form there");
    ru_check_start(&r, 1, "Scars across the strip of skin");
    ru_check_end(&r, 1, "with the same good record.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Voss, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Your risk is low");
    ru_check_start(&r, 2, "I have operated on many patients");
    ru_free(&r);
}

/* A site's cookie notice between the question and the asker's text is
 * furniture, no answer. */
static void test_cookie_notice_is_furniture(void)
{
    ru_result r = read_str(
        "Can I fly a week after a tummy tuck?\n\n"
        "This website uses cookies to remember your settings. By staying on the site you "
        "accept them.\n\n"
        "Leave us a message\n\n"
        "I have a tummy tuck booked and a flight home eight days later. Is that too soon?\n\n"
        "Thanks for your question. A week is usually enough if you walk often, drink water "
        "and wear your compression stockings on the plane.\n\n"
        "Ann Voss, MD\nDenver Plastic Surgeon\n\n"
        "I prefer ten days, so that the first check after surgery is done before a long trip "
        "home.\n\n"
        "Leo Park, MD\nMiami Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thanks for your question. A week");
    ru_check_start(&r, 2, "I prefer ten days");
    for (size_t i = 1; i <= 2; i++)
        CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, i)->text, "cookies"));
    ru_free(&r);
}

/* A title trailing off in an ellipsis ("Nicotine and healing...") under an
 * answer whose sign-off the page does not mark as a signature heads the
 * next answer: it ends no sentence. */
static void test_title_trailing_off_heads_an_answer(void)
{
    ru_result r = read_str(
        "How long should I stop vaping before a breast lift?\n\n"
        "Doctor Answers 3\n\n"
        "Stop all nicotine early\n\n"
        "Thank you for your question.\n"
        "I ask my patients to stop every form of nicotine six weeks before surgery and six "
        "weeks after.\n"
        "Vapes count, and so do gums and patches.\n"
        "Best of luck!\n"
        "Dr. Rhee\n"
        "Board Certified Plastic Surgeon\n\n"
        "Nicotine and healing...\n\n"
        "Four weeks off nicotine before surgery is what I ask for, because the skin of a lift "
        "needs all of its blood supply to heal.\n\n"
        "Ida Moss, MD\nAustin Plastic Surgeon\n\n"
        "Vaping before surgery\n\n"
        "Vapes still deliver nicotine, which narrows the small vessels, so quit a month ahead "
        "at the very least.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Thank you for your question. I ask my patients");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Four weeks"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Nicotine and healing...");
    ru_check_start(&r, 2, "Four weeks off nicotine before surgery");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ida Moss, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Vaping before surgery");
    ru_free(&r);
}

/* A page printing one answer a line under its count: the first line, as
 * long as prose and speaking to the asker ("I would ... you") though it
 * lacks its period, is an answer, not the title of the line under it. */
static void test_first_line_of_a_run_speaking_to_the_asker(void)
{
    ru_result r = read_str(
        "Surgeon Questions Botox\n\n"
        "Why does my brow feel heavy after Botox?\n\n"
        "I had Botox in my forehead ten days ago and my brows feel heavy and low. What is "
        "happening?\n\n"
        "5 Answers\n\n"
        "I would tell the injector how you feel and expect the heaviness to settle in a few "
        "weeks\n"
        "The forehead muscle lifts the brows, so weakening it can let them sit lower for a "
        "while.\n"
        "Give it time\n"
        "Light eyebrow exercises will not change it, but the effect fades as the product wears "
        "off.\n"
        "Next time ask for a lighter dose placed higher on the forehead to avoid the same "
        "result.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 5);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "I would tell the injector how you feel");
    ru_check_start(&r, 2, "The forehead muscle lifts the brows");
    ru_check_start(&r, 3, "Give it time");
    ru_check_start(&r, 5, "Next time ask for a lighter dose");
    ru_free(&r);
}

/* A physician's line with a dash left dangling at its end ("Dr. Omar Reyes
 * - TX Plastic Surgeon -") above the site's signature is part of that
 * signature, not the answer's words or an answer of its own. */
static void test_dangling_dash_after_a_name_line(void)
{
    ru_result r = read_str(
        "Stitches came out early after eyelid surgery\n\n"
        "Two stitches in my upper eyelid came out on day five. Should I worry?\n\n"
        "Doctor Answers 2\n\n"
        "Eyelid skin heals quickly\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "The eyelid heals faster than almost any other skin, so a small gap at day five "
        "usually closes by itself within days.\n\n"
        "Dr. Omar Reyes - TX Plastic Surgeon -\n\n"
        "Austin Plastic Surgeon\n4.9 out of 5 stars 88 reviews\n\n"
        "Show your surgeon\n\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
        "Let your surgeon look at it so that a stitch can be replaced if the edges have pulled "
        "apart.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_end(&r, 1, "usually closes by itself within days.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Reyes"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Austin");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Show your surgeon");
    ru_free(&r);
}

/* A page printing each physician's name above the answer: its last line, a
 * name cut by the page's end ("Samuel K. Ortiz, M"), heads no answer. */
static void test_cut_name_line_at_the_page_end(void)
{
    ru_result r = read_str(
        "How long is recovery from a knee replacement?\n\n"
        "Dr. Paul Grant, MD\n"
        "Most patients walk with a cane after two weeks and drive again at about six weeks, "
        "says Paul Grant, MD, of a county hospital.\n"
        "Nina R. Holt, DO\n"
        "OBGYN (Obstetrics & Gynecology)\n"
        "Full recovery takes three months or more, and swelling can last half a year, explains "
        "Nina Holt, DO, in this video.\n"
        "Leah M. Stone, MD\n"
        "OBGYN (Obstetrics & Gynecology)\n"
        "It depends on the approach; a smaller incision heals faster, says Leah Stone, MD, who "
        "practices in a city clinic.\n"
        "Samuel K. Ortiz, M");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->physician.name, "Leah M. Stone, MD");
    ru_check_end(&r, 3, "who practices in a city clinic.");
    ru_free(&r);
}

/* A one-sentence line above a greeting alone on its line ("Dear Mia,",
 * "Thanks for your question."), where an answer starts (first under the
 * question, or glued under a signature), is that answer's title. */
static void test_sentence_title_above_a_greeting(void)
{
    ru_result r = read_str(
        "Dark patches after a laser peel\n\n"
        "Six weeks after a laser peel I have dark patches on both cheeks. What can I do?\n\n"
        "A bleaching cream would be reasonable now.\n\n"
        "Dear Mia,\n\n"
        "the darkening after a peel is common in darker skin and usually fades with a "
        "bleaching cream and strict sun protection.\n\n"
        "Jon Weller, MD\n"
        "Sun protection matters most here.\n\n"
        "Thanks for your question.\n\n"
        "Wear a broad sunscreen every day and give the patches three to six months before "
        "thinking of another treatment.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "A bleaching cream would be reasonable now.");
    ru_check_start(&r, 1, "Dear Mia, the darkening after a peel");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Jon Weller, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Sun protection matters most here.");
    ru_check_start(&r, 2, "Thanks for your question. Wear a broad sunscreen");
    ru_free(&r);
}

/* The asker's paragraph asking again under the title, above the first
 * answer's title and a one-sentence greeting longer than a greeting line
 * ("Hello and thank you for your question."): the paragraph is the
 * question's body, the greeting opens the first answer's. */
static void test_askers_paragraph_above_a_title_and_long_greeting(void)
{
    ru_result r = read_str(
        "Is a rash after filler normal?\n\n"
        "Will the rash go away on its own? Should I be worried about it?It itches at night\n\n"
        "Rash after filler\n\n"
        "Hello and thank you for your question.\n\n"
        "A rash after filler is uncommon, and most are a mild reaction of the skin that settles "
        "within a few days with a cool compress.\n\n\n"
        "Ann Lee, MD\n\nBoston Dermatologist\n\n"
        "Rashes are rare\n\n"
        "A red patch for a day or two is a reaction to the needle, not to the filler itself, "
        "and it fades.\n\n"
        "Tom Berg, MD\nDenver Dermatologist\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Is a rash after filler normal?");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Rash after filler");
    ru_check_start(&r, 1, "Hello and thank you for your question. A rash after filler");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "Ann Lee, MD");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Rashes are rare");
    ru_check_start(&r, 2, "A red patch for a day or two");
    ru_free(&r);
}

/* A line ending in a dash glued to its last word ("... it all makes
 * sense-") leads into the paragraph under it as a colon would: it is inside
 * the answer, not the next answer's title. */
static void test_line_ending_in_a_glued_dash_is_no_title(void)
{
    ru_result r = read_str(
        "Can a facelift be done while awake?\n\n"
        "I would like to avoid being put to sleep for my facelift. Is that possible?\n\n"
        "Awake facelift is possible but not for everyone\n\n"
        "Hello there-\n\n"
        "Some lifts can be done under local anaesthesia with a little sedation, but a full "
        "lift takes hours and most people are more comfortable asleep.\n\n"
        "Your safety and comfort during a long operation matter more than avoiding a general "
        "anaesthetic, and a trained anaesthetist keeps it very safe.\n\n"
        "Look at the whole picture rather than one detail and it all makes sense-\n\n"
        "The aim is for you to come through the operation safely and be happy with the "
        "result.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title,
                           "Awake facelift is possible but not for everyone");
    ru_check_start(&r, 1, "Hello there- Some lifts can be done");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "it all makes sense-\n\nThe aim is"));
    ru_free(&r);
}

/* A bare page printing one answer a paragraph under the asker's age line:
 * a paragraph opening with a connective that ties it to the one above
 * ("Nevertheless, ...", "Having said that, ...") goes on from that answer
 * ([continuations]). */
static void test_connectives_go_on_from_the_paragraph_above(void)
{
    ru_result r = read_str(
        "How can I fade the redness of a raised scar on my chin?\n\n"
        "A spot on my chin healed two years ago into a raised red scar and nothing I put on it "
        "has helped so far.\n\n\n"
        "M, 38, Oregon\n\n"
        "It sounds like the scar has thickened, which happens when the skin keeps laying down "
        "repair tissue long after the wound has closed.\n\n"
        "From a description alone it is hard to say which kind of scar this is. It may be a "
        "keloid or simply a thick scar, and only an exam tells.\n\n"
        "Nevertheless, two years without change means creams are unlikely to help now. The scar "
        "has settled into its final form.\n\n"
        "I would not expect much from silicone sheets at this stage. A few steroid injections "
        "usually flatten it over some months.\n\n"
        "A vascular laser can then take out most of the redness once the scar is flat.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "It sounds like the scar has thickened");
    ru_check_start(&r, 2, "From a description alone");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Nevertheless, two years"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "I would not expect much"));
    ru_check_start(&r, 3, "A vascular laser can then");
    ru_free(&r);

    ru_result k = read_str(
        "How long do the results of fat freezing last?\n\n"
        "Reviews I read disagree about how long fat freezing lasts. I want it on my belly but "
        "not if it wears off in a year.\n\n\n"
        "F, 44, Maine\n\n"
        "The fat cells that are frozen die and are cleared by the body over the following "
        "months, so those cells are gone for good.\n\n"
        "One session usually removes about a fifth of the fat cells in the treated area, and "
        "many people choose a second session.\n\n"
        "Fat freezing suits people who are near their goal weight and have a small bulge that "
        "diet does not shift.\n\n"
        "See an experienced dermatologist or plastic surgeon who does many of these treatments "
        "for the best results.\n\n"
        "Fat freezing destroys fat cells permanently. The cells left behind can still grow if "
        "you gain weight later on.\n\n"
        "Having said that, fat freezing is not a treatment for weight loss. The best candidates "
        "are close to their ideal weight.\n\n"
        "Results show after two to three months, once the body has cleared the frozen cells "
        "from the area.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&k), 5);
    ru_check_start(&k, 5, "Fat freezing destroys fat cells permanently");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&k, 5)->text, "Having said that, fat freezing"));
    ru_check_end(&k, 5, "cleared the frozen cells from the area.");
    ru_free(&k);
}

/* A line shaped like a title that reads as a sentence: one as long as a line
 * of prose that the page broke in two, the paragraph under it going on in
 * lower case ("... the healing process" / "after lip filler. It ..."), and
 * one opening in lower case and ending a sentence, on a page that prints an
 * answer in lower case. Each is the first line of its answer's body. */
static void test_sentence_lines_are_no_titles(void)
{
    ru_result r = read_str(
        "Puffy cheeks five weeks after lip and cheek filler. Is this normal?\n\n"
        "My cheeks and lower lids still look puffy five weeks after filler. Will it settle?\n\n"
        "How long does puffiness last after cheek filler?\n\n"
        "From what you write you already know a good deal about how the healing process works\n\n"
        "after cheek filler.  How long it lasts depends on the amount placed and on how quickly "
        "your body settles. Most puffiness has gone by two months.\n\n"
        "Puffiness Under the Eyes After Filler\n\n"
        "Filler near the lower lids must be placed deep and sparingly, or it can hold water and "
        "look puffy for months.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "From what you write you already know");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Puffiness Under the Eyes After Filler");
    ru_free(&r);

    ru_result k = read_str(
        "My Jaw Feels Tight After a Neck Lift, Will It Ease?\n\n"
        "Six weeks after my neck lift the skin under my jaw feels tight and my ears feel "
        "blocked. Is this going to improve?\n\n"
        "Tightness after a neck lift\n\n"
        "recovery after these operations can take some months.\n\n"
        "tightness under the jaw is common while the deep layer settles and the swelling "
        "goes down.\n\n"
        "give it time\n\n\n"
        "Denver Plastic Surgeon\n"
        "Blocked ears\n\n"
        "The ear canals can swell after a lift, and a little old blood can sit in them. Your "
        "surgeon can look and clean them if needed.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&k), 2);
    const char *title = ru_answer(&k, 1)->title;
    CU_ASSERT_TRUE(!title || strcmp(title, "Tightness after a neck lift") == 0);
    ru_check_start(&k, 1, "recovery after these operations");
    ru_check_start(&k, 2, "The ear canals can swell");
    ru_free(&k);
}

/* A surgeons' society's "Ask a Surgeon" page: under an "A:" line, a
 * capitalized heading ending in a colon ("Leaking Gel Implants:") above the
 * prose is the answer's title; a sentence announcing a list ("These are the
 * steps I suggest:") stays its body. */
static void test_colon_title_under_an_answer_label(void)
{
    ru_result r = read_str(
        "Submit your question below and one of our surgeons may answer it on this page.\n\n"
        "Must an old leaking gel implant come out?\n\n"
        "Q:\n\n"
        "A scan shows that one of my gel implants from twenty years ago is leaking. Must it come "
        "out soon?\n\n"
        "A:\n\n"
        "How sure is the leak? A scan is the best test, and it can be wrong now and then.\n\n"
        "Jane Roe, MD\n\n"
        "A:\n\n"
        "Leaking Gel Implants:\n\n"
        "If a leak has been shown on a scan, I would take the implant out and the capsule with it "
        "when you can.\n\n"
        "A:\n\n"
        "These are the steps I suggest:\n\n"
        "First have a second scan to be sure of the leak, then plan the removal with your "
        "surgeon.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 2, "Leaking Gel Implants:");
    ru_check_start(&r, 2, "If a leak has been shown");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 3)->title);
    ru_check_start(&r, 3, "These are the steps I suggest:");
    ru_free(&r);
}

/* A site relaying an asker's question to its doctors on the page's first
 * line ("Does anyone have details ...? Robin204 asked:..."), too long for a
 * title, with no '?' at its end and "you" in it: the question, not the first
 * answer ([question-openers]). */
static void test_relayed_question_on_the_first_line(void)
{
    ru_result r = read_str(
        "Does anyone have details for this question? Robin204 asked:is it true that you have "
        "to stop taking fish oil one week prior to having liposuction\n\n"
        "Fish oil. I looked into this -- it thins the blood a little, so most surgeons ask you "
        "to stop it one to two weeks before surgery to lower the chance of bruising.\n"
        "Yes. Stop it ten days before and tell your surgeon about every supplement you take, "
        "since several of them affect bleeding.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "Does anyone have details"));
    ru_check_start(&r, 1, "Fish oil. I looked into this");
    ru_check_start(&r, 2, "Yes. Stop it ten days before");
    ru_free(&r);
}

/* The asker's words at the top of a bare page read as the question, not as
 * the first answer: a story that puts short questions to the doctors ("What
 * do you think? Have you seen this before?": their "you" is no physician
 * speaking, asked_doctors_words), and a worry under the title opening "Will
 * this ..." ([question-openers]). */
static void test_askers_lines_that_address_the_doctors(void)
{
    ru_result r = read_str(
        "My surgeon does not think the threads of my thread lift broke. He believes I have an "
        "infection, and said if it does not clear, he will take the thread out. I am scared of "
        "more problems. I am missing work. What do you think? Have you seen anything like this "
        "before? My surgeon has done this lift for years so it is nothing new to him.\n\n"
        "Stitches used for a thread lift stay under the skin for a long time, and redness around "
        "one can be a mild infection that settles with antibiotics.\n\n"
        "Ask your surgeon for a review\n\n"
        "An infection near a buried stitch often settles only once the stitch is removed.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "My surgeon does not think"));
    ru_check_start(&r, 1, "Stitches used for a thread lift");
    ru_free(&r);

    ru_result k = read_str(
        "I have tingling along my nose and forehead after eyelid surgery. Is this normal?\n\n"
        "Will this ever settle? It has been ten weeks since the operation.\n\n"
        "This sounds like one of the small skin nerves was stretched. Most recover over some "
        "months, so give it time and keep your surgeon informed.\n\n"
        "Tingling after eyelid surgery\n\n"
        "Tingling above the brows is uncommon after an upper lid lift, but it usually fades as "
        "the nerve heals.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&k), 2);
    ru_check_start(&k, 1, "This sounds like one of the small");
    CU_ASSERT_PTR_NOT_NULL_FATAL(k.pages[0]->body);
    CU_ASSERT_PTR_NOT_NULL(strstr(k.pages[0]->body, "Will this ever settle?"));
    ru_free(&k);
}

/* A bare page printing each answer as an essay of short paragraphs, one
 * answer a paragraph to the eye, cut by the page's end a few words into its
 * last paragraph: the short cut paragraph does not stop the page being read
 * one answer a paragraph (cut_last_paragraph), and a paragraph opening "That
 * having been said" or "Be sure to" ([continuations]), a list item, or one
 * with "also" among its first words goes on from the answer above. */
static void test_essay_paragraphs_above_a_cut_last_line(void)
{
    ru_result r = read_str(
        "How long do the results of fat freezing last?\n\n"
        "Reviews I read disagree about how long fat freezing lasts. I want it on my belly but "
        "not if it wears off in a year.\n\n\n"
        "F, 44, Maine\n\n"
        "The fat cells that are frozen die and are cleared by the body over the following "
        "months, so those cells are gone for good.\n\n"
        "That having been said, one session usually removes about a fifth of the fat cells in "
        "the treated area, and many people choose a second.\n\n"
        "Be sure to see an experienced dermatologist or plastic surgeon who does many of these "
        "treatments.\n\n"
        "Fat freezing suits people who are near their goal weight and have a small bulge that "
        "diet does not shift.\n\n"
        "1) Expect some numbness and tenderness of the treated skin for a few weeks.\n\n"
        "You should also expect results to show only after two to three months, once the cells "
        "are cleared.\n\n"
        "Fat freezing destroys fat cells permanently. The cells left behind can still grow if "
        "you gain weight later on.\n\n"
        "Results usually show after two\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "The fat cells that are frozen");
    ru_check_end(&r, 1, "does many of these treatments.");
    ru_check_start(&r, 2, "Fat freezing suits people");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "1) Expect some numbness"));
    ru_check_end(&r, 2, "once the cells are cleared.");
    ru_check_start(&r, 3, "Fat freezing destroys fat cells");
    ru_free(&r);
}

/* ---- Layouts first seen on val17 (2026-12-06) ---- */

/* A bare page printing one answer a paragraph, where only the last answer
 * keeps its signature: the signature closes that answer, and the unsigned
 * paragraphs above it are answers of their own, not one long answer. */
static void test_one_answer_a_paragraph_last_one_signed(void)
{
    ru_result r = read_str(
        "My night guard cracked - can I skip wearing it until the dentist opens?\n\n"
        "The clinic is closed until Tuesday and the guard split in two. Is it fine to sleep "
        "without it for three nights or should I buy one at the pharmacy?\n\n"
        "A few nights without the guard rarely cause harm. If your jaw feels sore in the "
        "morning, take a mild pain reliever and eat soft food for the day.\n\n"
        "Pharmacy guards that you soften in hot water work well for a short time. They are "
        "bulky, but they keep your teeth apart while you wait for the new one.\n\n"
        "Bring both broken halves to your visit. Your dentist may repair the guard, or take "
        "a new mould and order another one from the lab within a week.\n\n"
        "Jane Q. Doe, DDS\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "A few nights without the guard");
    ru_check_start(&r, 2, "Pharmacy guards that you soften");
    ru_check_start(&r, 3, "Bring both broken halves");
    ru_free(&r);
}

/* A page whose count line says four answers prints them one a line in one
 * run, short ones among them, and keeps only the last physician's name
 * under the run: four answers, the greeting alone on its line going with
 * the line under it. */
static void test_count_line_one_answer_a_line_one_signature(void)
{
    ru_result r = read_str("Dentist Questions Fillings\n\n"
                           "Do I need numbing for a small filling?\n\n"
                           "My dentist found a tiny cavity. Will they numb the tooth first?\n\n"
                           "4 Answers\n\n"
                           "Hi there\n"
                           "Usually yes, but ask first\n"
                           "No\n"
                           "For a very shallow cavity many dentists skip the shot, and most "
                           "patients feel only a little pressure while they work.\n"
                           "A numbing gel and then a thin needle make the shot itself barely "
                           "felt, so it is worth having for any filling that goes deep.\n\n"
                           "Pat Rivers, DDS\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Hi there");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Usually yes"));
    ru_check_start(&r, 2, "No");
    ru_check_start(&r, 3, "For a very shallow cavity");
    ru_check_start(&r, 4, "A numbing gel");
    ru_free(&r);
}

/* reader round seven (val18): a count line ("5 Answers") over answers
 * printed one a line, some of them a blank line apart, no signature or vote
 * line anywhere: where the lines (a line going on from the one above counted
 * with it) number exactly what the count says, each is an answer, a short
 * first line included (no title of the line under it), and a line standing
 * a blank line under the run is no paragraph of its last answer. */
static void test_count_matches_lines_across_paragraphs(void)
{
    ru_result r = read_str("Dentist Questions Gums\n\n"
                           "Is a sore jaw normal after a filling?\n\n"
                           "My jaw aches two days after a filling. Should I worry?\n\n"
                           "4 Answers\n\n"
                           "Yes, a little soreness is common.\n\n"
                           "Keeping the mouth open for a long visit strains the joint, and the "
                           "ache should fade over a few days.\n"
                           "Warm compresses and soft food for a day or two help the muscles "
                           "settle down.\n\n"
                           "If the bite feels high when you close, call the office so they can "
                           "adjust the filling.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "Yes, a little soreness");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 2, "Keeping the mouth open");
    ru_check_start(&r, 3, "Warm compresses");
    ru_check_start(&r, 4, "If the bite feels high");
    ru_free(&r);
}

/* "A.: ..." in front of an answer's first line: the site's label, as
 * "Answer:" is ([answer-labels]), no word of the physician's. */
static void test_dotted_answer_label_is_no_body(void)
{
    ru_result r = read_str("Can a double chin be removed without surgery?\n\n\n"
                           "I have a double chin even though I am slim. Is there anything short "
                           "of surgery that can help?\n\n\n"
                           "Injections that dissolve fat can shrink a small double chin over two "
                           "or three sessions, with some swelling after each one.\n\n\n"
                           "A.: A fuller chin in a slim person is often set by the bone and the "
                           "muscle, not only by fat, so an exam comes first.\n\n"
                           "Where loose skin is part of it, a small lift under the chin may do "
                           "more than any injection.\n\n"
                           "Maria Olsen, MD\n"
                           "Portland, Oregon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Injections that dissolve fat");
    ru_check_start(&r, 2, "A fuller chin in a slim person");
    ru_free(&r);
}

/* A site printing each physician's name and specialty above the answer, the
 * specialty with a qualifier in brackets ("Facial Plastic Surgery (ENT)",
 * specialties.txt): the line is the signature's, no answer of its own, and
 * the prose right under it is one answer. */
static void test_bracketed_specialty_under_a_name_above_an_answer(void)
{
    ru_result r = read_str("Do I need to stay overnight after a neck lift?\n\n"
                           "John Carter, MD\n"
                           "Plastic Surgery\n\n"
                           "Most patients go home the same day, though some spend one night in "
                           "a recovery suite with a nurse nearby.\n\n"
                           "Anna Ruiz, MD\n"
                           "Facial Plastic Surgery (ENT)\n"
                           "No, an overnight stay in a hospital is rarely needed; a friend at "
                           "home for the first night is usually enough.\n\n"
                           "Continue Learning about Neck Lift\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Most patients go home");
    ru_check_start(&r, 2, "No, an overnight stay");
    ru_free(&r);
}

/* The same layout with a blank line between the first name and specialty
 * and the prose under them: the names still head the answers below them,
 * each answer credited to the name above it, not to the next one's. */
static void test_name_above_an_answer_a_blank_line_apart(void)
{
    ru_result r = read_str("Do I need to stay overnight after a neck lift?\n\n"
                           "John Carter, MD\n"
                           "Plastic Surgery\n\n"
                           "Most patients go home the same day, though some spend one night in "
                           "a recovery suite with a nurse nearby.\n\n"
                           "Anna Ruiz, MD\n"
                           "Dermatology\n"
                           "No, an overnight stay in a hospital is rarely needed; a friend at "
                           "home for the first night is usually enough.\n\n"
                           "Continue Learning about Neck Lift\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Most patients go home");
    ru_check_start(&r, 2, "No, an overnight stay");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.name, "John Carter, MD");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Anna Ruiz, MD");
    ru_free(&r);
}

/* A page heading each answer with its title and a vote line, and signing
 * none: the vote lines say where each answer starts, so a run of two lines
 * inside an answer is that answer's, not two answers one a line. */
static void test_run_inside_a_voted_answer_is_one_answer(void)
{
    ru_result r =
        read_str("How long should I wear the chin strap?\n\n"
                 "My surgeon says two weeks day and night, which seems like a lot.\n\n"
                 "Doctor Answers 3\n\n"
                 "Wearing the strap after a neck lift\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
                 "Hi Dana,\n\n"
                 "Most of my patients wear it around the clock for the first week and then "
                 "only at night, which keeps the swelling down.\n"
                 "I have not seen any better results in those who wore it longer than "
                 "that, so ask your surgeon if a shorter plan would do.\n\n"
                 "The strap matters most early\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
                 "The first two days matter most, when the strap keeps fluid from "
                 "collecting under the skin.\n\n"
                 "Follow your own surgeon\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
                 "Your surgeon knows how the surgery went, so their plan is the one to "
                 "follow.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Hi Dana");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "I have not seen"));
    ru_check_start(&r, 2, "The first two days");
    ru_check_start(&r, 3, "Your surgeon knows");
    ru_free(&r);
}

/* On a page that titles its answers, a heading in Title Case that ends in
 * '.' ("To Judge Your Scar Well, a Photo is Needed.") heads the next answer,
 * though it names nothing the question asked: set so, it is no sentence of
 * the answer above. */
static void test_title_case_period_heading_heads_an_answer(void)
{
    ru_result r = read_str("Can the corner of my eye be made sharper? (photo)\n\n"
                           "I would like a sharper inner corner of my eyes. Is there a surgery "
                           "for it and how long does it last?\n\n"
                           "Reshaping the inner corner\n\n"
                           "From your photo, a small skin fold covers the inner corner, and a "
                           "minor operation can move it to show more of the eye.\n\n\n"
                           "To Judge Your Eyes Well, an Exam is Needed.\n\n"
                           "Eyelids differ a great deal from one person to the next, and the fat "
                           "and the skin fold both change what a surgery can do.\n\n"
                           "Changing the outer corner\n\n"
                           "The outer corner can be lifted by tightening the tendon that holds "
                           "the lower lid.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "From your photo");
    ru_check_start(&r, 2, "Eyelids differ a great deal");
    ru_check_title(&r, 2, "To Judge Your Eyes Well, an Exam is Needed.");
    ru_check_start(&r, 3, "The outer corner");
    ru_free(&r);
}

/* A bare page printing the asker's words, then the page's title again on a
 * line of its own above the answers: the asker's paragraph is the question's
 * body though it asks without its '?' ("Do you know what caused this"),
 * and the answers start under the title printed again. */
static void test_askers_words_above_the_title_again(void)
{
    ru_result r = read_str("One of my nostrils is smaller. Help! (Photo)\n\n"
                           "My right nostril is smaller than my left nostril, and it's shaped "
                           "differently. Do you know what could have caused this\n\n"
                           "One of my nostrils is smaller. Help!\n\n"
                           "Hard to say from one photo. A surgeon who sees you in person can tell "
                           "whether cartilage or skin is the cause.\n\n"
                           "Boston Facial Plastic Surgeon\n"
                           "4.8 out of 5 stars 31 reviews\n\n"
                           "Thank you for the photo. Small differences between the two sides are "
                           "normal, and a minor graft can even them out if it bothers you.\n\n"
                           "Lena Hart, MD\n"
                           "Austin Plastic Surgeon\n"
                           "5.0 out of 5 stars 12 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "My right nostril is smaller"));
    ru_check_start(&r, 1, "Hard to say from one photo");
    ru_check_start(&r, 2, "Thank you for the photo");
    ru_free(&r);
}

/* A forum prints "Dr NameDr Name Contributor answered 3 years ago" above
 * each answer, and each answer's lines under it with no blank line: the
 * byline heads an answer (no title of it), and the lines under it are that
 * one answer's, not one answer a line. */
static void test_contributor_byline_heads_an_answer(void)
{
    ru_result r =
        read_str("Scar cream after a tummy tuck\n\n"
                 "Guest asked 3 years ago\n\n"
                 "Which scar cream should I start with, and how soon after the surgery?\n\n"
                 "2 Answers\n"
                 "Dr Lee KimDr Lee Kim Contributor answered 3 years ago\n\n"
                 "Thanks for the question.\n"
                 "Silicone gel works best once the wound has fully closed, near three "
                 "weeks after surgery.\n"
                 "Use it twice a day for at least two months and keep the scar out of "
                 "the sun.\n"
                 "Kind regards\n"
                 "Lee Kim\n\n"
                 "Dr Ana RuizDr Ana Ruiz Contributor answered 2 years ago\n\n"
                 "Ask your surgeon first; most of them want the incision closed and dry "
                 "before any cream goes on it.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Thanks for the question.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "twice a day"));
    ru_check_start(&r, 2, "Ask your surgeon first");
    for (size_t i = 1; i <= 2; i++)
        CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, i)->text, "Contributor answered"));
    ru_free(&r);
}

/* "Good evening," alone in the first answer's title place, or "I'm sorry
 * for the trouble you have had." above the first answer of a bare page: a
 * greeting by the time of day, or sympathy, opens the answer's body; it
 * titles nothing. */
static void test_time_of_day_greeting_and_sympathy_open_bodies(void)
{
    ru_result r = read_str("Swelling a week after a chin implant. Is this normal?\n\n"
                           "My chin implant went in a week ago and the swelling is still large.\n\n"
                           "Doctor Answers 2\n\n\n"
                           "Good evening,\n\n"
                           "Swelling after a chin implant often lasts a few weeks, and most of it "
                           "is gone by the second month.\n\n"
                           "Dana Holt, MD\nAustin Plastic Surgeon\n\n"
                           "Chin swelling\n\n"
                           "A week is early. Keep your head raised at night and use cold packs.\n\n"
                           "Ravi Nair, MD\nDenver Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Good evening,");
    ru_check_start(&r, 2, "A week is early");
    ru_free(&r);

    r = read_str("My lips have felt numb for two months since my filler. Could the filler do "
                 "this, and will it pass?\n\n"
                 "I'm sorry for the trouble you have had.\n\n"
                 "Numb lips after filler are rare. A small bruise near a nerve can cause it, and "
                 "it nearly always fades over some weeks.\n\n"
                 "I hope this helps,\n\n"
                 "Dr. K\n\n"
                 "Numb lips after filler\n\n"
                 "Two months is long. See the injector so that they can check the area.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "I'm sorry for the trouble");
    ru_check_start(&r, 2, "Two months is long");
    ru_free(&r);
}

/* "Answer: Caffeine & Eyelid surgery Caffeine does ...": a title glued after
 * the site's label whose second capital heads a lower-case word; the body
 * opens by naming the title's first word again, so the title runs up to it
 * ("Caffeine & Eyelid surgery"), not to the second capital. */
static void test_glued_title_up_to_its_first_word_again(void)
{
    ru_result r = read_str("Is coffee fine in the days before my eyelid surgery? I drink four cups "
                           "a day and would rather not stop.\n"
                           "May 2, 2019\n"
                           "Answer: Caffeine & Eyelid surgery Caffeine does raise the blood "
                           "pressure a little, so cut down to one cup a day in the week before.\n"
                           "Helpful\n"
                           "June 9, 2019\n"
                           "Answer: Your surgeon will tell you. Most allow coffee until the night "
                           "before surgery.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Caffeine & Eyelid surgery");
    ru_check_start(&r, 1, "Caffeine does raise the blood pressure");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "Your surgeon will tell you");
    ru_free(&r);

    /* a small word before the first word again: the body began there */
    r = read_str("Can filler near the eye make it water? Mine has watered for a week.\n"
                 "May 2, 2019\n"
                 "Answer: Filler and watery eyes If the filler sits close to the tear duct, it "
                 "can press on it for a few weeks.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_title(&r, 1, "Filler and watery eyes");
    ru_check_start(&r, 1, "If the filler sits close");
    ru_free(&r);
}

/* A bare page whose first line asks in its first sentence and runs on with
 * the asker's note ("... move? Like under your gum ..."), the answers one a
 * line under it: that line is the question, not the first answer's. */
static void test_first_line_asks_then_runs_on(void)
{
    ru_result r =
        read_str("Can stitches dissolve too early after a tooth pulling? Like on the third day, "
                 "near the back of your mouth.\n\n"
                 "Sometimes. Dissolving stitches can loosen in a few days, and the gum has often "
                 "closed enough by then, so rinse gently with salt water.\n"
                 "Usually fine. Call your dentist only if the socket bleeds again or the pain "
                 "grows instead of easing.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->question, "Can stitches dissolve"));
    ru_check_start(&r, 1, "Sometimes. Dissolving stitches");
    ru_check_start(&r, 2, "Usually fine.");
    ru_free(&r);
}

/* "Jo Ann," alone under the asker's story on a bare page: a salutation
 * naming the asker (a comma last, no age in it) opens the first answer; it
 * is no asker line ("F, 41, Ohio") of the question. */
static void test_salutation_under_the_story_opens_the_answer(void)
{
    ru_result r = read_str("Is a yellow bruise normal six weeks after a neck lift?\n\n\n"
                           "I had a neck lift six weeks ago and a yellow patch is still under my "
                           "jaw. My surgeon says to wait.\n\n\n"
                           "Jo Ann,\n\n"
                           "Bruises turn yellow as they fade, and deep ones under the jaw can take "
                           "two months to clear.\n\n\n"
                           "Lee Park, MD, FACS\n\n\n"
                           "Wait a few more weeks; a bruise this late is common and harmless.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Jo Ann,");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Bruises turn yellow"));
    ru_check_start(&r, 2, "Wait a few more weeks");
    ru_free(&r);
}

/* A page under a "Doctor Answers N" line that lost its first answers'
 * signatures: a short sentence ending in '.' above a paragraph that says
 * its subject words again heads the next answer there too, as on a bare
 * page that titles its answers; it does not close the answer above. */
static void test_restated_period_title_on_a_counted_page(void)
{
    ru_result r = read_str(
        "Can a filler be dissolved under numbing cream only?\n\n"
        "My lips feel lumpy two weeks after a filler and I want it dissolved, but I am scared of "
        "needles. Is numbing cream enough?\n\n"
        "Doctor Answers 3\n\n"
        "Dissolving lip filler\n\n"
        "Thank you for your question. The enzyme is given with a fine needle, and numbing cream "
        "makes that quite tolerable for most people.\n\n"
        "Numbing cream is enough to dissolve a lip filler.\n\n"
        "Most of my patients need nothing more than numbing cream when I dissolve a lip filler. "
        "The enzyme works within a day or two.\n\n"
        "Ann Roe, MD\n"
        "Denver Dermatologist\n"
        "4.8 out of 5 stars 12 reviews\n\n"
        "Lumps can settle on their own\n\n"
        "Before dissolving anything, give the lumps another two weeks; swelling often hides an "
        "even result.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Thank you for your question. The enzyme");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Numbing cream is enough"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "Numbing cream is enough to dissolve a lip filler.");
    ru_check_start(&r, 2, "Most of my patients need nothing more");
    ru_check_start(&r, 3, "Before dissolving anything");
    ru_free(&r);
}

/* On a page that titles its answers, a sentence title ending in '.' a
 * little longer than a short one (period_title_words words at most) heads
 * the next answer when it says two subject words of the question again,
 * even where the first sentence under it starts elsewhere; under "Doctor
 * Answers 2" with two answers read, such a line is a subheading inside the
 * last answer. */
static void test_period_title_restating_the_question(void)
{
    ru_result r = read_str(
        "Will my swollen eyelids settle after a brow lift?\n\n"
        "Five days after my brow lift both upper lids are puffy and tight. Is this normal?\n\n"
        "Swelling after a brow lift\n\n"
        "Swelling around the eyes peaks on the third day and then eases. Sleep with your head "
        "raised for the first week.\n\n"
        "Swollen eyelids usually fade within a month or so.\n\n"
        "Fluid drains downward from the forehead into the lids, so the puffiness is normal. Cold "
        "packs help in the first days.\n\n"
        "Give it time\n\n"
        "Most of my patients look like themselves again by the sixth week.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Swollen eyelids usually"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "Swollen eyelids usually fade within a month or so.");
    ru_check_start(&r, 2, "Fluid drains downward from the forehead");
    ru_check_start(&r, 3, "Most of my patients look like themselves");
    ru_free(&r);

    r = read_str("Can fillers replace lost cheek bone?\n\n"
                 "My cheeks look flat since I lost weight. Do fillers rebuild bone or only soft "
                 "tissue?\n\n"
                 "Doctor Answers 2\n\n"
                 "Fillers and bone\n\n"
                 "Fillers add volume under the skin; they do not grow bone. A firm filler placed "
                 "deep can mimic it well.\n\n"
                 "Jo Park, MD\n"
                 "Austin Plastic Surgeon\n"
                 "4.7 out of 5 stars 9 reviews\n\n"
                 "Volume can be restored\n\n"
                 "Deep fillers last about a year. They are a good test before anything lasting.\n\n"
                 "Implants are another way to restore the cheek bone.\n\n"
                 "Fat grafting is a third choice, though part of the fat fades in the first "
                 "months. Ask about all three at your consultation.\n\n"
                 "Sam Lee, MD\n"
                 "Boston Plastic Surgeon\n"
                 "4.9 out of 5 stars 20 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Implants are another way"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Fat grafting is a third choice"));
    ru_free(&r);
}

/* "Fixed Braces vs. Clear Aligners": the dot of "vs." ends no sentence, so
 * a title holding it is still shaped like a title and heads the next
 * answer, not a line of two sentences inside the answer above. */
static void test_title_with_versus_heads_an_answer(void)
{
    ru_result r = read_str(
        "Braces or aligners at 45?\n\n"
        "I am 45 and want straighter teeth. Which is better for an adult?\n\n"
        "Doctor Answers 3\n\n"
        "Aligners work for adults\n\n"
        "Most adults do well with clear aligners if the bite problem is mild. They are easier to "
        "keep clean.\n\n"
        "Fixed Braces vs. Clear Aligners After Forty\n\n"
        "Both work at any age. Braces handle larger moves, aligners suit small ones, and your "
        "orthodontist can tell which you need.\n\n"
        "Rita Gomez, DDS\n"
        "Miami Orthodontist\n"
        "4.9 out of 5 stars 30 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Fixed Braces"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Fixed Braces vs. Clear Aligners After Forty");
    ru_check_start(&r, 2, "Both work at any age.");
    ru_free(&r);
}

/* Thanks and a closing in one sentence ("Thanks for ... and best of luck!"),
 * eight words or more, as the last paragraph above a signature that lost its
 * name line: it closes the answer above, it opens no answer of its own. */
static void test_thanks_and_closing_in_one_sentence(void)
{
    ru_result r = read_str(
        "Numbing cream or sedation for a lip filler?\n\n"
        "I am scared of needles. Can I be put to sleep for lip filler injections?\n\n"
        "Doctor Answers 2\n\n"
        "Numbing is usually enough\n\n"
        "Most clinics apply a numbing cream for twenty minutes and use a filler that already holds "
        "a local anesthetic, so the injections feel like small pinches.\n\n"
        "Some offices also use a dental block for very anxious patients, which numbs the whole "
        "lip for an hour.\n\n"
        "Thank you for your question and best of luck.\n\n"
        "Tampa Plastic Surgeon\n"
        "4.8 out of 5 stars 51 reviews\n\n"
        "Sedation is rarely needed\n\n"
        "Putting a patient to sleep for a ten minute filler visit adds risk and cost with little "
        "gain. Ask your injector about ice and a slow technique instead.\n\n"
        "Omar Haddad, MD\n"
        "Austin Facial Plastic Surgeon\n"
        "5.0 out of 5 stars 12 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "best of luck."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Sedation is rarely needed");
    ru_check_start(&r, 2, "Putting a patient to sleep");
    ru_free(&r);
}

/* The asker's story in four short paragraphs under the question's title,
 * the last one asking nothing ("I am really worried ... Thank you."), then
 * titled, signed answers: all four are the question's body, none an answer
 * (question_body_paragraphs). */
static void test_four_asker_paragraphs_under_the_title(void)
{
    ru_result r = read_str(
        "Numb upper lip after a nose job\n\n"
        "I had a closed rhinoplasty five weeks ago and my upper lip still feels numb and stiff.\n\n"
        "When I smile only one side of my lip lifts, and my friends have started to notice it in "
        "photos.\n\n"
        "My surgeon says it is swelling, but I have read that nerves can be cut during this "
        "surgery.\n\n"
        "I am really worried and I just want to know if it will come back. Thank you.\n\n"
        "Numbness after rhinoplasty\n\n"
        "A numb or stiff upper lip for a few weeks after rhinoplasty is common, because the small "
        "sensory nerves near the base of the nose are stretched. Feeling usually returns over "
        "three to six months.\n\n"
        "Anna Berg, MD\n"
        "Boston Facial Plastic Surgeon\n"
        "4.9 out of 5 stars 22 reviews\n\n"
        "Give it time\n\n"
        "At five weeks the swelling is still there, and a lip that moves less on one side nearly "
        "always recovers as it settles. See your surgeon again at three months.\n\n"
        "Leo Marsh, MD\n"
        "Denver Plastic Surgeon\n"
        "5.0 out of 5 stars 9 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Numbness after rhinoplasty");
    ru_check_start(&r, 1, "A numb or stiff upper lip");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Give it time");
    ru_free(&r);
}

/* "I hope this helps." / "The best of luck to you." / "Dr. Vance" / the
 * signature: a second closing under a farewell, opening with "The", is the
 * same answer's last words, not the title of an answer whose body is the
 * physician's name ([closing-sentences] "the best of luck"). */
static void test_the_best_of_luck_under_a_farewell(void)
{
    ru_result r = read_str(
        "Can I take my nose cast off myself?\n\n"
        "My cast is due off next week but I am travelling and cannot see my surgeon. Can I remove "
        "it at home?\n\n"
        "Doctor Answers 2\n\n"
        "Leave the cast to your surgeon\n\n"
        "Taking the cast off alone is not wise, because the bones under it are still setting.\n\n"
        "Call the office and ask whether a colleague near where you are staying can see you.\n\n"
        "I hope this helps.\n\n"
        "The best of luck to you.\n\n"
        "Dr. Vance\n\n"
        "Miami Plastic Surgeon\n"
        "4.7 out of 5 stars 80 reviews\n\n"
        "An extra week does no harm\n\n"
        "Keeping the cast on for one more week will not change your result. Have it removed when "
        "you are back.\n\n"
        "Nora Pike, MD\n"
        "Seattle Facial Plastic Surgeon\n"
        "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "The best of luck to you."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "An extra week does no harm");
    ru_check_start(&r, 2, "Keeping the cast on");
    ru_free(&r);
}

/* A bare page that sets everything two blank lines apart: the question's
 * title, the asker's paragraph, then two answers of one long line each, two
 * sentences or more: two answers, not one (wide_pair). */
static void test_two_wide_paragraphs_are_two_answers(void)
{
    ru_result r = read_str(
        "Should I stay the night after a breast lift?\n\n\n"
        "Some clinics keep patients overnight after a breast lift and others send them home the "
        "same evening. Which is safer, and should I ask for a night in the hospital?\n\n\n"
        "Most of my patients go home the same day with a friend to look after them. A night in "
        "the hospital adds cost and is only needed when the surgery is long or combined with "
        "another procedure.\n\n\n"
        "I prefer to keep patients one night because nausea and pain are easier to manage with a "
        "nurse nearby. It also lets me check the dressings the next morning before you travel.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Most of my patients go home");
    ru_check_start(&r, 2, "I prefer to keep patients");
    ru_free(&r);
}

/* The same layout with the page cut short: a wider gap above the cut last
 * line parts it too, and the two answers above it are still two (the
 * question's title cut short, printed again in full as the asker's
 * paragraph). */
static void test_wide_gap_above_a_cut_last_line(void)
{
    ru_result r = read_str(
        "I saw two surgeons about a brow lift and they disagree. One...\n\n\n"
        "I saw two surgeons about a brow lift and they disagree. One wants an endoscopic lift and "
        "the other an open one through the hairline. Who is right?\n\n\n"
        "It is common for good surgeons to prefer different techniques that give similar results. "
        "Choose the surgeon whose past results you like best.\n\n\n"
        "The endoscopic lift leaves small scars and heals quickly. In a brow that has dropped a "
        "lot, an open lift can raise it further and hold it longer.\n\n\n\n"
        "I seldom see a brow low enough that it would need an\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "It is common for good surgeons");
    ru_check_start(&r, 2, "The endoscopic lift leaves");
    ru_check_start(&r, 3, "I seldom see a brow");
    ru_free(&r);
}

/* A bare page whose one answer numbers its first points ("1. ...", "2.
 * ...") and goes on in plain paragraphs that say the question's words
 * again, signed once at the end: one answer, not one a paragraph. */
static void test_numbered_first_paragraph_is_one_answer(void)
{
    ru_result r = read_str(
        "Can I have a tummy tuck while I take a biologic drug for arthritis? What are the "
        "risks?\n\n\n\n"
        "  1.  Yes, people who take biologic drugs do have cosmetic surgery.\n\n"
        "  2.  These drugs calm the immune system, so wounds may heal more slowly and infections "
        "are more likely.  Your surgeon will want to know the dose.\n\n"
        "     Most patients get the biologic drug every eight weeks. I usually plan the tummy tuck "
        "for the middle of that interval and restart the drug once the wound is closed.\n\n"
        "     Ask the doctor who prescribes the biologic drug how to time your doses around the "
        "tummy tuck, and bring their advice to your consultation.\n\n\n"
        "    Martin Hale, MD, FACS\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    ru_check_start(&r, 1, "1.  Yes, people who take");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "bring their advice"));
    ru_free(&r);
}

/* "Thank you for your inquiry." / "The best of wishes to you." / "Dr.
 * Vance" / the signature: thanks above a closing sentence and the
 * physician's sign-off end the answer above; they open no answer
 * (thanks_above_signature). */
static void test_thanks_above_a_closing_and_a_signoff(void)
{
    ru_result r = read_str(
        "Can I take the plastic splint off my nose?\n\n"
        "A nurse taped a plastic splint on my nose a week after my rhinoplasty. Is it safe to "
        "take it off myself?\n\n"
        "Doctor Answers 2\n\n"
        "Ask before removing the splint\n\n"
        "Dear Sam,\n\n"
        "Only your surgeon knows why the splint was put back on, so ask the office before you "
        "remove it yourself.\n\n"
        "Thank you for your inquiry.\n\n"
        "The best of wishes to you.\n\n"
        "Dr. Vance\n\n"
        "Miami Plastic Surgeon\n"
        "4.7 out of 5 stars 80 reviews\n\n"
        "One week is usually enough\n\n"
        "I keep a splint on for one week after surgery. Check with your own surgeon that it is "
        "fine to take it off now.\n\n"
        "Nora Pike, MD\n"
        "Seattle Facial Plastic Surgeon\n"
        "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Thank you for your inquiry."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "One week is usually enough");
    ru_free(&r);
}

/* A bare page: the question's title, then one paragraph of two lines, one
 * answer a line ("Yes. ...", "Mostly. ..."), the last asking the asker back
 * and speaking to them: the page's answers, not the asker's body that would
 * leave the page none (cns_implicit_marker). */
static void test_last_paragraph_to_the_listener_is_the_answers(void)
{
    ru_result r = read_str(
        "Can I have my teeth cleaned while breastfeeding?\n\n"
        "Yes. A routine cleaning uses no drugs that reach the milk, so there is no reason to "
        "put it off.\n"
        "Mostly. Even a local anesthetic for a filling is fine for the baby. If you are unsure, "
        "ask your dentist and your pediatrician. Could the visit wait a few months anyway?\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question,
                           "Can I have my teeth cleaned while breastfeeding?");
    ru_check_start(&r, 1, "Yes. A routine cleaning");
    ru_check_start(&r, 2, "Mostly. Even a local");
    ru_free(&r);
}

/* "Thank you for your inquiry and the best of luck to you." / "Dr. Vance" /
 * the signature: thanks and a closing joined by "and" in one sentence, too
 * long for closing_sentence_words as a whole but short on each side of the
 * "and", end the answer above; they open no answer (thanks_and_closing). */
static void test_long_thanks_and_closing_above_a_signoff(void)
{
    ru_result r = read_str(
        "Should I cancel my breast lift because of a cold?\n\n"
        "I have a runny nose and a cough and my breast lift is in three days.\n\n"
        "Doctor Answers 2\n\n"
        "A cold and surgery\n\n"
        "Dear Kim,\n\n"
        "Call the office today. A mild cold often clears in time, but a cough under general "
        "anesthesia is a risk your surgeon must weigh.\n\n"
        "Thank you for your inquiry and the best of luck to you.\n\n"
        "Dr. Vance\n\n"
        "Miami Plastic Surgeon\n"
        "4.7 out of 5 stars 80 reviews\n\n"
        "Postpone if you have a fever\n\n"
        "With a fever or a chest cough, I would move the surgery by two weeks. A runny nose alone "
        "is usually fine.\n\n"
        "Nora Pike, MD\n"
        "Seattle Plastic Surgeon\n"
        "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "the best of luck to you."));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Postpone if you have a fever");
    ru_check_start(&r, 2, "With a fever or a chest cough");
    ru_free(&r);
}

/* "I hope this helps and best wishes," / "Dr. J" in one paragraph at an
 * answer's end, on a page of titled answers without signatures: the name
 * under the farewell's comma signs the answer above; it is no answer of its
 * own (name_under_sentence). */
static void test_name_under_a_farewell_ending_in_a_comma(void)
{
    ru_result r = read_str(
        "Red lump on my tummy tuck scar at five weeks. Should I worry? (photos)\n\n"
        "A small red bump came up on my scar a few days ago and it leaks a little.\n\n"
        "A stitch working its way out\n\n"
        "A buried dissolving stitch often surfaces as a red bump weeks after surgery. Your surgeon "
        "can trim it in the office and it then heals within days.\n\n"
        "I hope this helps and best wishes to you,\n"
        "Dr. J\n\n"
        "Keep it clean\n\n"
        "Wash it gently twice a day and show it to your surgeon this week, since a spreading "
        "redness with fever would need antibiotics.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "A stitch working its way out");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "best wishes to you,"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Keep it clean");
    ru_check_start(&r, 2, "Wash it gently");
    ru_free(&r);
}

/* A name line, then the physician's credits one a line ("Diplomate, American
 * Board of ...", "Member, American Society for ...") and a city, then the
 * site's signature: the credits are page furniture ([widgets]), not an
 * answer between the two physicians'. */
static void test_credit_lines_under_a_name(void)
{
    ru_result r = read_str(
        "Do I need antibiotics after a breast reduction?\n\n"
        "Does every patient get antibiotics to take home after a breast reduction?\n\n"
        "Doctor Answers 2\n\n"
        "Antibiotics after a reduction\n\n"
        "Most surgeons give one dose through the drip before the first cut. Whether to go on with "
        "pills afterwards is a matter of habit more than of evidence.\n"
        "Ask your own surgeon what they prefer.\n"
        "Paul R Hendricks M.D., FACS\n"
        "Diplomate, American Board of Plastic Surgery\n"
        "Member, American Society for Aesthetic Plastic Surgery (ASAPS)\n"
        "Portland, Oregon\n\n"
        "Portland Plastic Surgeon\n"
        "4.9 out of 5 stars 40 reviews\n\n"
        "Not always\n\n"
        "I give a single dose in the operating room and no pills after, unless the patient has "
        "had an infection before.\n\n"
        "Nora Pike, MD\n"
        "Seattle Plastic Surgeon\n"
        "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Antibiotics after a reduction");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Not always");
    ru_check_start(&r, 2, "I give a single dose");
    ru_free(&r);
}

/* "Hi, Thank you for your question." alone in the first answer's title
 * place: a greeting, a comma and thanks on one line open the answer's body;
 * they title nothing (greeting_then_opener). */
static void test_greeting_and_thanks_on_one_line_open_a_body(void)
{
    ru_result r = read_str(
        "How can I soften a thick breast reduction scar?\n\n"
        "My scars are eight months old and still raised and purple. What can I do now?\n\n"
        "Doctor Answers 3\n\n\n"
        "Hi, Thank you for your question.\n\n"
        "Raised scars keep changing for a year or more, and most flatten with time. Silicone "
        "sheets worn every night for three months help many of them.\n\n"
        "Steroid injections every six weeks can flatten a stubborn ridge.\n\n\n"
        "Bangkok Plastic Surgeon\n"
        "4.9 out of 5 stars 7 reviews\n\n"
        "Scar care after a reduction\n\n"
        "Massage and silicone gel are the first steps. A pulsed dye laser fades the purple "
        "color if it stays past a year.\n\n"
        "Nora Pike, MD\n"
        "Seattle Plastic Surgeon\n"
        "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Hi, Thank you for your question.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Scar care after a reduction");
    ru_free(&r);
}

/* No "Doctor Answers" line: the question's title, the asker's paragraph,
 * then the first answer's title ending in '.' and its first paragraph,
 * "Thank you for your question. ... how do you know ...?", asking back and
 * speaking to the asker: a physician's, not more of the asker's question
 * (opens_reply). */
static void test_thanks_that_ask_back_open_the_first_answer(void)
{
    ru_result r = read_str(
        "Allergic to penicillin, which antibiotic can I have for a breast lift?\n\n"
        "I had a rash after penicillin as a child and my surgeon wants to give antibiotics "
        "during my lift. Is there another choice for me?\n\n"
        "Other antibiotics work well.\n\n"
        "Thank you for your question. Before anything else I would ask how you know the rash "
        "came from penicillin?\n\n"
        "Even with a true allergy there are several safe choices, and your surgeon or an allergy "
        "specialist can pick one with you before the day of surgery.\n\n"
        "Denver Plastic Surgeon\n\n"
        "Tell your surgeon about the rash\n\n"
        "Most surgeons switch to another family of antibiotics when a patient reports such a "
        "rash, so this should not delay your lift.\n\n"
        "Nora Pike, MD\n"
        "Seattle Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for your question. Before anything");
    ru_check_title(&r, 1, "Other antibiotics work well.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Tell your surgeon about the rash");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->body);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I had a rash after penicillin"));
    ru_free(&r);
}

/* The question's title ending "?." (a stray full stop after the question
 * mark), no asker's paragraph, then titled answers: the first line is the
 * question, not an answer (title_asks). */
static void test_title_ending_question_mark_and_stop(void)
{
    ru_result r = read_str(
        "Can a dental cleaning cause an infection around breast implants?.\n\n"
        "Cleanings and implants\n\n"
        "A cleaning lets a few mouth bacteria into the blood for a short time. There is no good "
        "evidence that this harms breast implants in healthy patients.\n\n"
        "Antibiotics before dental work\n\n"
        "Some surgeons still ask for a single antibiotic dose before dental work in the first "
        "months after surgery. Ask yours what they prefer.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question,
                           "Can a dental cleaning cause an infection around breast implants?.");
    ru_check_title(&r, 1, "Cleanings and implants");
    ru_check_start(&r, 2, "Some surgeons still ask");
    ru_free(&r);
}

/* The same bare layout, two blank lines apart, the second answer the page's
 * last paragraph and one long sentence: two answers still (wide_pair). */
static void test_wide_pair_ending_in_one_long_sentence(void)
{
    ru_result r = read_str(
        "Is a lip filler a problem if I get pregnant?\n\n\n"
        "I had a hyaluronic filler in my lips last spring and we now plan a baby. Should I wait "
        "before trying to get pregnant?\n\n\n"
        "Hyaluronic acid is a sugar the body makes itself, so a filler placed months ago is no "
        "known risk to a pregnancy. No study has tested it in pregnant women, though.\n\n\n"
        "Because the filler stays in the lip where it was placed and does not travel through the "
        "body, you do not need to wait on its account.\n\n\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Hyaluronic acid is a sugar");
    ru_check_start(&r, 2, "Because the filler stays");
    ru_free(&r);
}

/* reader round eleven (every tuning page) */

/* A titled answer whose body opens with thanks ending in '!' ("Thanks for
 * sharing this with us!"), then its advice and a farewell over the physician's
 * name: the thanks, a farewell by its shape, opens the answer; the advice
 * under it is the same answer's, no title of another. */
static void test_thanks_with_a_bang_open_a_titled_body(void)
{
    ru_result r = read_str(
        "Is a small opening in my lift incision at two weeks normal?\n\n"
        "My incision opened a little under the breast and it weeps a bit. Should I worry?\n\n"
        "Doctor Answers 3\n\n"
        "Is a small opening in my lift incision at two weeks normal?\n\n"
        "Small openings along the fold are common and usually close in a week or two with "
        "ointment and a clean dressing.\n\n"
        "Lima Plastic Surgeon\n"
        "4.8 out of 5 stars 12 reviews\n\n"
        "Opening in the incision. A few tips:\n\n"
        "Thanks for sharing this with us! \n\n"
        "I suggest that you show it to your surgeon this week and follow the care he gives you. "
        "\n\n"
        "Hope you get better soon, \n"
        "Dr. Tomas Vela.-\n\n"
        "Tomas Vela, MD\n"
        "Lima Plastic Surgeon\n"
        "4.7 out of 5 stars 90 reviews\n\n\n"
        "Please have your surgeon look at it. A stitch under the skin may need to come out.\n\n"
        "Nora Pike, MD\n"
        "Miami Plastic Surgeon\n"
        "4.5 out of 5 stars 20 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Opening in the incision. A few tips:");
    ru_check_start(&r, 2, "Thanks for sharing this with us!");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "I suggest that you show it"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Hope you get better soon"));
    ru_check_start(&r, 3, "Please have your surgeon look at it.");
    ru_free(&r);
}

/* A count line over answers printed one a line: a short answer of one
 * sentence, then on the next line a greeting alone ("Hello there,"), a blank
 * line, and the greeted answer's short first line run into the other
 * answers' lines. The greeting opens the answer under it; it is no last line
 * of the one-sentence answer above. */
static void test_greeting_under_a_one_line_answer(void)
{
    ru_result r =
        read_str("Dentist Questions Whitening\n\n"
                 "Will whitening strips hurt my crowns?\n\n"
                 "I have two crowns in front. Can strips harm them?\n\n"
                 "5 Answers\n\n"
                 "Strips will not harm your crowns.\n"
                 "Hello there,\n\n"
                 "Not at all.\n"
                 "Crowns are porcelain or zirconia, and the gel in strips neither bleaches "
                 "nor weakens them, so they simply keep their shade.\n"
                 "Whitening works only on natural enamel, which is why a crown can look "
                 "darker than the teeth beside it once you are done.\n"
                 "The crowns stay safe, but plan any new crown after whitening so the "
                 "shades match.\n\n"
                 "Pat Rivers, DDS\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 5);
    ru_check_start(&r, 1, "Strips will not harm your crowns.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Hello"));
    ru_check_start(&r, 2, "Hello there,");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Not at all."));
    ru_check_start(&r, 3, "Crowns are porcelain");
    ru_check_start(&r, 4, "Whitening works only");
    ru_check_start(&r, 5, "The crowns stay safe");
    ru_free(&r);
}

/* A count line over answers printed one a line, the first run opening
 * with the site's specialty label printed twice with no space
 * ("DermatologistDermatologist": a link and its image's text), then a short
 * answer and a long one: the doubled label is furniture, and the two lines
 * under it are two answers. */
static void test_doubled_label_above_a_run_is_furniture(void)
{
    ru_result r =
        read_str("Dermatologist Questions Dermatologist\n\n"
                 "Can a chemical peel cause a cold sore?\n\n"
                 "I had a light peel last week and now I have a cold sore. Did the peel "
                 "cause it?\n\n"
                 "4 Answers\n\n"
                 "DermatologistDermatologist\n"
                 "It may. The chance is low.\n"
                 "Yes it can. A peel irritates the skin around the lips, and that can wake "
                 "up the virus in people who carry it, so we give a pill beforehand.\n\n"
                 "Nora Pike MD\n"
                 "A peel near the mouth can bring on a cold sore in people who have had them "
                 "before.\n"
                 "Yes.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    ru_check_start(&r, 1, "It may. The chance is low.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Dermatologist"));
    ru_check_start(&r, 2, "Yes it can. A peel irritates");
    ru_check_start(&r, 3, "A peel near the mouth");
    ru_check_start(&r, 4, "Yes.");
    ru_free(&r);
}

/* A titled answer signed by the physician in the body, one line a
 * paragraph (the name, "Double Board Certified", the specialty, the town),
 * above the site's own signature, then the next titled answer: the credit
 * line is the sign-off's, no answer of its own. */
static void test_credit_line_in_a_body_sign_off(void)
{
    ru_result r =
        read_str("Can I go home the same day as my tummy tuck?\n\n"
                 "My surgery is next month. Will I stay overnight?\n\n"
                 "Doctor Answers 2\n\n"
                 "Going home after a tummy tuck\n\n"
                 "Thank you for your question.\n\n"
                 "Most of my patients go home the same evening with a caregiver, and a few "
                 "with other health problems stay one night for watching.\n\n"
                 "Omar K. Rahim\n\n"
                 "Double Board Certified \n\n"
                 "Plastic Surgeon \n\n"
                 "Elk Grove \n\n\n\n"
                 "Omar K. Rahim, MD\n"
                 "Elk Grove Plastic Surgeon\n"
                 "4.8 out of 5 stars 90 reviews\n\n"
                 "Same-day discharge is usual\n\n"
                 "I operate in an outpatient center and nearly everyone goes home that day "
                 "once they can walk and drink.\n\n"
                 "Nora Pike, MD\n"
                 "Seattle Plastic Surgeon\n"
                 "4.9 out of 5 stars 31 reviews\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for your question.");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Board Certified"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Same-day discharge is usual");
    ru_check_start(&r, 2, "I operate in an outpatient center");
    ru_free(&r);
}

/* A titled answer whose points are numbered with a dash ("1- ..."), one a
 * paragraph, the first a short phrase: list items of the answer, the first
 * no title of a new answer. */
static void test_dash_numbered_items_stay_in_their_answer(void)
{
    ru_result r = read_str("Can a fat transfer make my cheeks fuller for good?\n\n"
                           "I read that fat grafts melt away. Is a fuller cheek from fat "
                           "permanent?\n\n"
                           "Doctor Answers 2\n\n"
                           "Fat is a living graft\n\n"
                           "Fat is a living graft. To last it needs;\n\n"
                           "1- plenty of healthy cells\n\n"
                           "2-tiny droplets of fat so new vessels can reach each of them quickly. "
                           "Fat that waits too long for a blood supply dies and is absorbed.\n\n"
                           "3- a place that moves little while it heals.\n\n"
                           "Ann Ober, MD\n"
                           "Austin Plastic Surgeon\n\n"
                           "Expect some loss\n\n"
                           "About half of the grafted fat usually stays, so many surgeons add a "
                           "little extra or plan a second session.\n\n"
                           "Nora Pike, MD\n"
                           "Seattle Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Fat is a living graft. To last");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "1- plenty of healthy cells"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "3- a place that moves little"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Expect some loss");
    ru_free(&r);
}

/* Vote lines under the titles, and an answer whose advice ends
 * "For now, please do this:" two blank lines above its numbered steps
 * ("1.Put ...", glued to the number): the line announces the list, no
 * title of a new answer, where the page's two blank lines would read one. */
static void test_colon_line_two_blank_lines_above_a_list(void)
{
    ru_result r = read_str(
        "How can I keep a scar small after a cut was glued?\n"
        "\n"
        "My son cut his chin yesterday and the clinic closed it with glue. What should we do now?\n"
        "\n"
        "Doctor Answers 2\n"
        "\n"
        "Scar care for a chin cut\n"
        "\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
        "\n"
        "Let the scar mature for a year, and if it is still wide then a small revision can make it "
        "finer.\n"
        "\n"
        "Glued chin cut\n"
        "\n"
        "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n"
        "\n"
        "Sorry about the fall.\n"
        "\n"
        "Not the best way to close it.\n"
        "\n"
        "Glue works well for clean, short cuts in children, and the scar usually ends up much like "
        "a stitched one.\n"
        "\n"
        "For now, please do this:\n"
        "\n"
        "\n"
        "1.Put sunscreen on the scar every day so it does not darken.\n"
        "\n"
        "2.. When the scab is gone, a silicone sheet at night can help it flatten.\n"
        "\n"
        "3.Leave the wound alone now and wait six weeks before any treatment.\n"
        "\n"
        "Much can be done later. Now is the worst time to act.\n"
        "\n"
        "Paul Adler, MD\n"
        "Newark Plastic Surgeon\n"
        "\n"
        "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Glued chin cut");
    ru_check_start(&r, 2, "Sorry about the fall.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "For now, please do this:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "3.Leave the wound alone"));
    ru_free(&r);
}

/* A clinic site's replies (val21): a notice above them, then each reply
 * under "Replied on <date>", a "By: <clinic> | <name>" line and the clinic's
 * city; a list of the site's other questions under the last. The byline's
 * lines head each reply ([answer-headers], place_under_header), the notice is
 * furniture and the list ends the answers. */
static void test_clinic_bylines_head_each_reply(void)
{
    ru_result r = read_str(
        "Can I keep using a lash serum for years?\n\n"
        "I have used a lash serum every night for two years. Is it fine to go on?\n\n"
        "The information provided by medical professionals in the Q&A is for informational "
        "purposes only and is no substitute for a visit.\n\n\n"
        "Replied on 3/2/2011\n\n"
        "By: Harbor Skin Clinic  |  Ann Lee, M.D.\n"
        "Salem, OR\n\n"
        "The drug in these serums was given as eye drops for decades to people who need them for "
        "life, and it has a good safety record over that time.\n\n"
        "Replied on 2/9/2011\n\n"
        "By: Lakeside Laser  |  Tom Hart, M.D.\n"
        "Dayton, OH\n\n"
        "There are no long studies of the lash use yet, so stop if your lids redden.\n\n"
        "More Questions on LASH SERUMS\n\n"
        "Do I need a check-up every month? (5 answers)\n"
        "How often should I see the doctor?\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "The drug in these serums");
    ru_check_start(&r, 2, "There are no long studies");
    ru_free(&r);
}

/* "Answered on: 10/9/2012" under each physician's name line (val21): the
 * answer starts under it, whatever the date's form. */
static void test_answered_on_colon_heads_an_answer(void)
{
    ru_result r = read_str(
        "How do I sleep without my breathing machine after ear surgery?\n\n"
        "This question was asked in Salem, Oregon on 10/05/2012.\n"
        "I use a breathing machine at night and cannot use it for two weeks after my ear "
        "operation. What should I do?\n\n"
        "Doctors Answers (2)\n\n"
        "Ann Lee, MD\n"
        "Answered on: 10/9/2012\n\n"
        "Ask your surgeon whether oxygen through the nose would do for those nights, or sleep "
        "propped up on your side.\n\n"
        "Tom Hart, MD, DABSM\n"
        "Answered on: 10/8/2012\n\n"
        "The machine's pressure can harm the repair, so follow your surgeon's advice and see a "
        "sleep doctor about the weeks in between.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Ask your surgeon whether");
    ru_check_start(&r, 2, "The machine's pressure");
    ru_free(&r);
}

/* "Board certified American Board of ..." one a line under the name above a
 * signature (val21): credits, no answer of their own ([widgets]). */
static void test_board_certified_lines_under_a_name(void)
{
    ru_result r = read_str(
        "Can a pinched nostril rim be lowered?\n\n"
        "My nostril rims sit too high after a nose job. Who can fix this?\n\n"
        "Doctor Answers 2\n\n"
        "Lowering a raised rim\n\n"
        "A raised rim is usually lowered with a small cartilage graft along its edge. See a "
        "surgeon who does many revisions.\n\n"
        "I hope this helps.\n\n"
        "Paul R Hendricks M.D.  F.A.C.S.\n\n"
        "Board certified American Board of Plastic Surgery\n\n"
        "Board certified American Board of Otolaryngology (ENT).\n\n"
        "Portland Plastic Surgeon\n\n"
        "Grafts for the rim\n\n"
        "Most raised rims need a graft, from the septum when there is enough left, else from the "
        "ear.\n\n"
        "Nora Pike, MD\n"
        "Seattle Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Grafts for the rim");
    ru_check_start(&r, 2, "Most raised rims need");
    ru_free(&r);
}

/* A closing line, then two blank lines and "Dr. Lee" alone above the
 * signature (val21): the closing is the answer's last words, not the title
 * of an answer made of the sign-off (signoff_under). */
static void test_closing_two_blank_lines_above_a_signoff(void)
{
    ru_result r =
        read_str("Can a lash serum turn blue eyes brown?\n\n"
                 "My eyes are light blue with no brown at all. Could a lash serum change them?\n\n"
                 "Doctor Answers 2\n\n"
                 "Serums and eye colour\n\n"
                 "Colour change needs pigment cells in the iris, which fully blue eyes lack.\n\n"
                 "Used on the lid margin, almost none of the drug reaches the eye.\n\n"
                 "Hope this helps.  Enjoy the serum, it is a fine product... no worries!\n\n\n"
                 "Dr. Ann Lee\n\n"
                 "Ann Lee, MD\n"
                 "Salem Plastic Surgeon\n"
                 "4.7 out of 5 stars 145 reviews\n\n"
                 "No change in blue eyes\n\n"
                 "It may darken a hazel iris, but a blue one has nothing for it to darken.\n\n"
                 "Tom Hart, MD\n"
                 "Dayton Oculoplastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "No change in blue eyes");
    ru_check_start(&r, 2, "It may darken a hazel iris");
    ru_free(&r);
}

/* A bare page: the title, then the asker's paragraph asking and ending in
 * "Thanks." after the question mark (val21), then the answers: the thanks
 * leave the paragraph the asker's (asks_then_thanks). */
static void test_asker_thanks_after_the_question(void)
{
    ru_result r = read_str(
        "Does a bottle of Botox come ready to inject?\n\n"
        "A friend said the clinic mixes the Botox each time it is used. Is that so, or does it "
        "arrive ready? Thanks.\n\n"
        "It comes as a powder and is mixed with saline in the clinic before it is injected.\n\n"
        "Salem Plastic Surgeon\n\n"
        "Mixed before use\n\n"
        "The vial holds a dry powder kept cold; the nurse or doctor adds saline before the "
        "treatment.\n\n"
        "Ann Lee, MD\n"
        "Salem Facial Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "It comes as a powder");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Mixed before use");
    ru_free(&r);
}

/* A dated page with no title (val16): the asker's line, long and ending in
 * a sentence after its question, right above the first "Answer:" line; the
 * first answer (no title glued) printed twice with only a "Helpful" line
 * between its copies, the date line coming later. The line above the first
 * label is the question, and each label heads an answer of its own. */
static void test_label_under_the_askers_line_on_a_dated_page(void)
{
    ru_result r = read_str(
        "Does that really happen? I read that some people get a cough after the graft and "
        "you cannot rest for days until a doctor gives you a pill for it.\n"
        "Answer: A few patients do cough for a while after the graft. It passes within days "
        "and does no harm to the grafts.\n"
        "Helpful 2 people found this helpful\n"
        "Answer: A few patients do cough for a while after the graft. It passes within days "
        "and does no harm to the grafts.\n"
        "Helpful 2 people found this helpful\n"
        "March 3, 2015\n"
        "Answer: Coughing after the graft It is uncommon, and a short course of medicine "
        "settles it when it lasts.\n"
        "Helpful\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->question, "really happen"));
    ru_check_start(&r, 1, "A few patients do cough");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "found this helpful"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Coughing after the graft");
    ru_check_start(&r, 3, "It is uncommon");
    ru_free(&r);
}

/* The same site with no date line at all (val21): the asker's long story,
 * then "Answer: <title>" alone on its line above the body's line, each
 * answer printed twice with "Helpful" under it. The story is the question,
 * and a label line holding only a title titles the line under it. */
static void test_label_title_lines_on_an_undated_page(void)
{
    ru_result r = read_str(
        "Three weeks after my lid surgery the lower lid still pulls down a little and the "
        "scar feels tight when I smile. Will it loosen with time, and should I massage it? "
        "Thank you! Sam.\n"
        "Answer: Scar pulling on the lower lid\n"
        "A tight scar can pull the lid down in the first weeks. Gentle massage and time "
        "soften it in most patients, so see your surgeon before anything else is done.\n"
        "Helpful 1 person found this helpful\n"
        "Answer: Scar pulling on the lower lid\n"
        "A tight scar can pull the lid down in the first weeks. Gentle massage and time "
        "soften it in most patients, so see your surgeon before anything else is done.\n"
        "Helpful 1 person found this helpful\n"
        "Answer: Lid pull after the incision\n"
        "Some pull after this incision is common, and most of it settles by three months "
        "with massage and taping.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.pages[0]->question, "lid surgery"));
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Scar pulling on the lower lid");
    ru_check_start(&r, 1, "A tight scar can pull");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Lid pull after the incision");
    ru_check_start(&r, 3, "Some pull after this incision");
    ru_free(&r);
}

/* A flat page of one answer a line under the site's slogan (val14), ending
 * in the site's newsletter invitation, a line of short questions and a
 * promise (short questions, one of them about who is turning heads): furniture, no
 * answer. */
static void test_newsletter_line_under_flat_answers(void)
{
    ru_result r = read_str(
        "Get the real deal on beauty work from the people who do it.How we check them.\n"
        "Thank you for your question. Care after a medium peel decides much of the result, so "
        "follow your provider's instructions to the letter.\n"
        "The days after a peel matter most. Keep the skin covered with ointment and out of the "
        "sun until it has healed.\n"
        "New this week? Who is turning heads? Which fads fade? "
        "Our letter tells you. Sign up free.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Thank you for your question");
    ru_check_start(&r, 2, "The days after a peel");
    ru_free(&r);
}

/* A name line with the physician's city glued under it (typed with two
 * capitals, "SAn Diego", as on one page of val12), a blank line, the next answer's title and
 * its text: the city is more of the signature, not a heading glued under it;
 * of two title-shaped lines in a row the second is the title. */
static void test_city_under_a_name_above_a_title(void)
{
    ru_result r =
        read_str("Is liposuction safe with low platelets?\n\n"
                 "My platelets run low. Can I still have lipo on my belly?\n\n"
                 "Doctor Answers 3\n\n"
                 "Platelets and lipo\n\n"
                 "You should first find out why they are low. A hematologist can tell you.\n\n"
                 "Ann Lee, MD\n"
                 "Boston Plastic Surgeon\n\n"
                 "Know the cause first\n\n"
                 "Lipo bruises the tissue, so low platelets raise the risk of bleeding. Ask your "
                 "internist.\n\n"
                 "Hope this helps.\n\n"
                 "Tom Hart, MD, FACS\n"
                 "SAn Diego\n\n"
                 "A blood count before surgery\n\n"
                 "Get checked by an internist for the reason your count is low before you book "
                 "anything.\n\n"
                 "Jo Grant, MD\n"
                 "Miami Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "A blood count before surgery");
    ru_check_start(&r, 3, "Get checked by an internist");
    ru_free(&r);
}

/* A dated page (val22): the asker's line, then each answer under
 * "Answer: <title>" alone on its line, a capitalized word after a small word
 * in the second answer's title ("Filler shots by Nurse practitioners"), each
 * answer printed twice with "Helpful" under it and a date line above the
 * second. The whole label line is the title: two capitalized words with no
 * sentence after them are no body glued to it. */
static void test_label_title_ending_in_a_name_on_a_dated_page(void)
{
    ru_result r =
        read_str("My town has filler parlors on every corner and a nurse did my lips last month, "
                 "now one side is higher. Who may legally inject fillers?\n"
                 "Answer: Fillers given by nurses\n"
                 "Each state sets its own rules. In some only a doctor or a nurse practitioner "
                 "may inject, in others a nurse under a doctor's orders may.\n"
                 "Helpful\n"
                 "Answer: Fillers given by nurses\n"
                 "Each state sets its own rules. In some only a doctor or a nurse practitioner "
                 "may inject, in others a nurse under a doctor's orders may.\n"
                 "Helpful\n"
                 "June 4, 2013\n"
                 "Answer: Filler shots by Nurse practitioners\n"
                 "The rules differ from one state to the next, so ask your state board who may "
                 "inject and who must supervise.\n"
                 "Helpful\n"
                 "June 4, 2013\n"
                 "Answer: Filler shots by Nurse practitioners\n"
                 "The rules differ from one state to the next, so ask your state board who may "
                 "inject and who must supervise.\n"
                 "Helpful\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 4);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Fillers given by nurses");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Filler shots by Nurse practitioners");
    ru_check_start(&r, 3, "The rules differ from one state");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 4)->duplicate_of, ru_answer(&r, 3)->answer_id);
    ru_free(&r);
}

/* A practice's name on a line of its own, a blank line from the name line of
 * the physician it is named after ("Ann Lee, MD" / "Lee Facial Plastic
 * Surgery", val22), under the signature or above it: more of the signature,
 * no answer of its own. */
static void test_practice_named_after_the_physician(void)
{
    ru_result r = read_str(
        "Does a sealant cut bruising after a facelift?\n\n"
        "Is there a glue that helps, and what does it cost?\n\n"
        "Doctor Answers 3\n\n"
        "Sealants and bruising\n\n"
        "The studies on sealants in facelifts are few and small, and I do not use them.\n\n"
        "Tom Hart, MD\n"
        "Dayton Plastic Surgeon\n\n"
        "Sealants help a little\n\n"
        "A sealant can lessen the early swelling and bruising, though the result is the same "
        "at three months.\n\n"
        "Ann Lee, MD, FACS\n\n"
        "Lee Facial Plastic Surgery\n\n"
        "Glue in my practice\n\n"
        "I use a fibrin sealant in most lifts; it adds a few hundred dollars to the fee.\n\n"
        "All the best,\n\n"
        "Stone Facial Plastic Surgery\n\n"
        "Jo Stone, MD\n"
        "Miami Facial Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 3)->title, "Glue in my practice");
    ru_check_start(&r, 3, "I use a fibrin sealant");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 3)->text, "Facial Plastic Surgery"));
    ru_free(&r);
}

/* "Hi there" and the asker's name (two words) alone on a line under an
 * answer's title, then "Thank you for your question." (val23): the greeting
 * and its name open the body, and the thanks under them is the same
 * answer's, not another physician's. */
static void test_hi_there_and_a_name_open_a_body(void)
{
    ru_result r = read_str(
        "Can I fly a week after a chin implant?\n\n"
        "My trip is booked eight days after surgery. Is that too soon?\n\n"
        "Doctor Answers 2\n\n"
        "Flying after a chin implant\n\n"
        "Hi there Dana R.\n\n"
        "Thank you for your question.\n\n"
        "A week is usually enough for a short flight; keep your head raised, drink water and "
        "avoid heavy lifting at the airport.\n\n"
        "Ben Ortiz, MD\n"
        "Tucson Plastic Surgeon\n\n"
        "A week is fine\n\n"
        "Most of my patients fly at one week with no trouble once the stitches are out.\n\n"
        "Lia Novak, MD\n"
        "Denver Facial Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "Flying after a chin implant");
    ru_check_start(&r, 1, "Hi there Dana R.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Thank you for your question."));
    ru_check_start(&r, 2, "Most of my patients fly");
    ru_free(&r);
}

/* A title as long as a line of prose and ending no sentence, the site's
 * vote line under it, then the body going on in lower case ("There are a
 * few good ways to ease the ache, such as" / vote line / "rest, ice and a
 * brace. ...", val23): the vote line stands between a title and its body,
 * never inside a sentence, so the long line is the title and the body
 * starts under the vote line; with another long title on the page the vote
 * lines still stand under titles, not above the answers. */
static void test_long_title_over_a_vote_line_and_lower_case(void)
{
    ru_result r =
        read_str("Is a knee brace better than surgery for a torn meniscus?\n\n"
                 "I tore my meniscus playing football last spring and my knee still locks now and "
                 "then. Do I need an operation or will a brace do?\n\n"
                 "Doctor Answers 6\n\n"
                 "There are a few good ways to ease the ache of a small tear, such as\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "rest, ice and a brace.  A small tear at the edge of the meniscus often heals or "
                 "settles by itself, while a knee that keeps locking needs a scope.\n\n"
                 "Provo Orthopedic Surgeon\n\n"
                 "The choice between a brace and a scope depends on where the tear lies\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "A tear in the outer third has a blood supply and may heal; one in the inner part "
                 "will not, and locking is a sign it is caught in the joint.\n\n"
                 "Mia Park, MD\n"
                 "Boise Orthopedic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title,
                           "There are a few good ways to ease the ache of a small tear, such as");
    ru_check_start(&r, 1, "rest, ice and a brace.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title,
                           "The choice between a brace and a scope depends on where the tear lies");
    ru_check_start(&r, 2, "A tear in the outer third");
    ru_free(&r);
}

/* The same long title over a vote line and a body in lower case, the only
 * title of its length on the page: the vote lines already stand under
 * titles, and the long line is still the title, not a sentence broken
 * across two lines. */
static void test_one_long_title_over_a_vote_line(void)
{
    ru_result r =
        read_str("Is a knee brace better than surgery for a torn meniscus?\n\n"
                 "I tore my meniscus playing football last spring and my knee still locks now and "
                 "then. Do I need an operation or will a brace do?\n\n"
                 "Doctor Answers 6\n\n"
                 "There are a few good ways to ease the ache of a small tear, such as\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "rest, ice and a brace.  A small tear at the edge of the meniscus often heals or "
                 "settles by itself, while a knee that keeps locking needs a scope.\n\n"
                 "Provo Orthopedic Surgeon\n\n"
                 "Where the tear lies\n\n"
                 "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}\n\n"
                 "A tear in the outer third has a blood supply and may heal; one in the inner part "
                 "will not, and locking is a sign it is caught in the joint.\n\n"
                 "Mia Park, MD\n"
                 "Boise Orthopedic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title,
                           "There are a few good ways to ease the ache of a small tear, such as");
    ru_check_start(&r, 1, "rest, ice and a brace.");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "Where the tear lies");
    ru_free(&r);
}

/* Right under "Doctor Answers N", a line of two sentences ("A long reply,
 * sorry. I hope it helps :)") above a greeting alone on its line ("Hi
 * Sam,"), on a page cut before any signature (val23): the line is the first
 * answer's title, and its body opens with the greeting. */
static void test_two_sentence_title_above_a_greeting(void)
{
    ru_result r = read_str(
        "Should I get a neck lift or liposuction for a double chin?\n\n"
        "I am 29, my jawline is fine and the fullness is all under my chin. Which one is right?\n\n"
        "Doctor Answers 12\n\n"
        "Sorry, this reply runs long because there is a lot to weigh. I hope it helps :)\n\n"
        "Hi Sam,\n\n"
        "If the fat under your chin lies only under the skin, liposuction can remove it "
        "through a tiny cut, and the skin of a young neck usually shrinks back well.\n\n"
        "Fat that lies under the muscle, loose muscle bands and heavy skin are another "
        "matter: those need a neck lift, and liposuction alone would leave them as they "
        "are.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 1);
    CU_ASSERT_STRING_EQUAL(
        ru_answer(&r, 1)->title,
        "Sorry, this reply runs long because there is a lot to weigh. I hope it helps :)");
    ru_check_start(&r, 1, "Hi Sam,");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Fat that lies under the muscle"));
    ru_free(&r);
}

/* No "Doctor Answers" line: the asker's title and paragraph, then the
 * title asked again in other words alone on its line ("Gel or fat for the
 * cheeks and the lines by the mouth?"), over a paragraph that asks nothing
 * (val23): that line is the first answer's title, and its body (speaking
 * of "I") the first answer, not more of the asker's question. */
static void test_title_asked_again_heads_the_first_answer(void)
{
    ru_result r = read_str(
        "Gel Filler or Fat for Cheeks and Smile Lines?\n\n"
        "Friends who had fat moved to their cheeks look lovely, but fat seems to need "
        "surgery. Which lasts longer and which looks more natural?\n\n"
        "Gel or fat for the cheeks and the lines by the mouth?\n\n"
        "  I prefer a gel filler for the smile lines.  Fat can look lumpy there, and many of "
        "my colleagues who love fat elsewhere avoid it around the mouth.\n\n"
        "Fat lasts longer in the cheeks\n\n"
        "Fat that takes in the cheeks can last for years, while a gel wears off in a year or "
        "so.\n\n"
        "Gel first, fat later\n\n"
        "Start with a gel you can dissolve, and move to fat once you know the look you "
        "want.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 1, "Gel or fat for the cheeks and the lines by the mouth?");
    ru_check_start(&r, 1, "I prefer a gel filler");
    ru_check_start(&r, 2, "Fat that takes in the cheeks");
    ru_check_start(&r, 3, "Start with a gel");
    ru_free(&r);
}

/* A physician's site printing the date and time of each reply on a line of
 * its own above it ("March 3, 2010 9:05 AM", val23), no signatures: the
 * date lines head the replies, and a reply of two lines under one is one
 * answer, not one answer a line. */
static void test_date_and_time_lines_head_the_replies(void)
{
    ru_result r = read_str(
        "Ann Lee, MD\n"
        "Plastic surgeon | Views: 1200\n\n"
        "Can a brow lift be done without a scar in the hair?\n"
        "salem, OR\n"
        "Can a brow lift be done without a scar in the hair?\n"
        "I keep my hair short and I worry that a scar would show. Is there a way?\n\n"
        "  March 3, 2010 9:05 AM\n\n"
        "An endoscopic lift uses three or four small cuts behind the hairline, and they "
        "hide well even in short hair once healed.\n\n"
        "March 3, 2010 4:40 PM\n\n"
        "A lift through the upper eyelid crease leaves no scar in the hair at all, though it "
        "raises the outer brow less.\n"
        "Before you choose, ask to see photos of patients with short hair taken a year "
        "after their lift.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "An endoscopic lift uses");
    ru_check_start(&r, 2, "A lift through the upper eyelid");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 2)->text, "Before you choose"));
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_free(&r);
}

/* A site printing "Published on Mar 3, 2020" above each answer, and each
 * answer twice, the second copy under "Answered by ... (View Profile)"
 * (val23, val14): the date line heads its answer and is no title, and the
 * second copy, ending where the first does, is its duplicate. */
static void test_published_on_lines_head_the_answers(void)
{
    ru_result r = read_str(
        "Can I swim two weeks after a breast lift?\n\n"
        "My surgery was two weeks ago and the pool opens this weekend. Is it safe?\n\n"
        "Answers from doctors (6)\n\n\n"
        "More About Doctor Ann Lee, MD\n\n"
        "Published on Mar 03, 2020\n\n"
        "Wait until every incision is closed and dry, usually three to four weeks, because "
        "pool water can carry germs into an open wound.\n\n"
        "Answered by Ann Lee, MD (View Profile)\n\n"
        "Wait until every incision is closed and dry, usually three to four weeks, because "
        "pool water can carry germs into an open wound.\n\n"
        "Published on Jun 14, 2019\n\n\n"
        "Harbor Plastic Surgery Center\n\n"
        "Published on Jul 02, 2018\n\n"
        "Most of my patients swim at four weeks; before that, a shower is the safer "
        "choice.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->title);
    ru_check_start(&r, 1, "Wait until every incision");
    ru_check_start(&r, 2, "Wait until every incision");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "Published"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->duplicate_of);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->duplicate_of, ru_answer(&r, 1)->answer_id);
    ru_check_start(&r, 3, "Most of my patients swim");
    ru_free(&r);
}

/* Titles opening with a word in quote marks ("\"Cold\" Sculpting (in
 * short)"): the first letter past the quote is a capital as any title's is.
 * Under "Doctor Answers N" the first answer's title was read as its body's
 * first line, and further down such a title was read as the answer above's
 * last line, joining two answers. */
static void test_titles_opening_with_a_quote_mark(void)
{
    ru_result r =
        read_str("Ask a doctor\n\n"
                 "Does fat freezing hurt?\n\n"
                 "My sister swears by it for her belly. I want to know how sore it is on the day "
                 "and after.\n\n\n"
                 "Doctor Answers 4\n\n"
                 "\"Cold\" Sculpting (in short)\n\n"
                 "Most people feel an ache and tingling for the first minutes while the pad cools "
                 "the area, then numbness sets in.\n\n"
                 "The treated spot can stay tender for a week or two.\n\n"
                 "\xE2\x80\x9C"
                 "Numb\xE2\x80\x9D Is The Usual Word\n\n"
                 "Patients tell us it is more strange than painful. Some take a mild pain pill "
                 "that evening.\n\n"
                 "Book a consult and ask to see the device first.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->title);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->title);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->title, "\"Cold\" Sculpting (in short)");
    ru_check_start(&r, 1, "Most people feel an ache and tingling");
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->title, "\xE2\x80\x9C"
                                                    "Numb\xE2\x80\x9D Is The Usual Word");
    ru_check_start(&r, 2, "Patients tell us it is more strange");
    ru_free(&r);
}

/* "MY ADVICE is - WAIT ...": words in capitals for emphasis, a verb in lower
 * case, a dash, then the sentence going on. It was read as a heading glued
 * to its answer's first line by a dash (dash_heading), so the paragraph
 * opened a second answer inside one signed answer; a heading leaves in lower
 * case only the small words a title does. */
static void test_capitals_for_emphasis_before_a_dash(void)
{
    ru_result r =
        read_str("Can I swim after ear pinning surgery?\n\n"
                 "Can I swim after ear pinning surgery?\n\n"
                 "Three things matter here: the wound, the headband and the water itself.\n\n"
                 "The cut behind each ear is closed with fine stitches that need about a week to "
                 "seal. Pool water carries germs and chlorine, the sea carries sand and salt, and "
                 "a soaked headband rubs the skin behind the ear for hours, which no healing cut "
                 "likes at all.\n\n"
                 "The headband also keeps the ears from folding forward while you sleep, so it "
                 "should stay dry and in place.\n\n"
                 "MY ADVICE is - WAIT until the stitches are out and the surgeon has checked that "
                 "both cuts have closed well before you put your head under water in any pool, "
                 "lake or sea?\n\n"
                 "Most of my patients are back in the pool three weeks after the operation, "
                 "sooner if healing is quick.\n\n"
                 "Enjoy the summer.\n\n"
                 "Dr. Lena Ward\n\n"
                 "Tampa Facial Plastic Surgeon\n\n"
                 "Three weeks is usual\n\n"
                 "Give the cuts three weeks and ask your surgeon at the last check.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "MY ADVICE is - WAIT until"));
    ru_check_title(&r, 2, "Three weeks is usual");
    ru_check_start(&r, 2, "Give the cuts three weeks");
    ru_free(&r);
}

/* A surgeons' society's forum printing each post's age in words ("one month
 * ago") under the poster's name line, the asker's as well as each reply's.
 * With the age in digits ("9 months ago") the line heads a reply
 * ([answer-headers] "% months ago"); in words it was read as text: the
 * question was lost under the site's header and replies ran together. */
static void test_post_age_in_words_heads_each_reply(void)
{
    ru_result r =
        read_str("Society of Facial Surgeons\n"
                 "Members Area\n"
                 "Our forum is read by board members every week and answered for free.\n\n\n\n"
                 "Jo Park dayton, OH\n"
                 "one month ago\n\n"
                 "Can I have an eyelid lift while on blood thinners?\n\n"
                 "Ann Lee, MD, FACS Salem, OR\n"
                 "one month ago\n\n"
                 "Yes, as a rule. Your cardiologist decides whether the pill can be stopped for a "
                 "few days around the operation.\n\n"
                 "Tom Reyes, MD Austin, TX\n"
                 "one month ago\n\n"
                 "Glad you asked. Oozing around the eye is what we watch for, so the pause is "
                 "planned together with whoever prescribes the pill.\n\n"
                 "Take care!\n\n"
                 "Mia Cruz, MD Boise, ID\n"
                 "one month ago\n\n"
                 "It can be done. Bring a list of your pills to the consultation and we will "
                 "plan around them.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    const cn_page *p = r.pages[0];
    CU_ASSERT_STRING_EQUAL(p->question, "Can I have an eyelid lift while on blood thinners?");
    ru_check_start(&r, 1, "Yes, as a rule. Your cardiologist");
    ru_check_start(&r, 2, "Glad you asked. Oozing around");
    ru_check_start(&r, 3, "It can be done. Bring a list");
    ru_free(&r);
}

/* A surgeons' society's forum: the post's age, the question, the asker's
 * story, then "Location: <town>" under it; each reply under the surgeon's
 * name and a "Society Surgeon" line ([answer-headers]), but the first reply's
 * byline is the name alone. The question's text ran on over that name into
 * the first reply; "Location:" ([question-ends]) now ends it. */
static void test_location_line_ends_the_question(void)
{
    ru_result r =
        read_str("2 years ago\n\n"
                 "Will my insurer pay for a nose fix that helps my breathing?\n\n"
                 "Since a football injury at school my left nostril is blocked most nights and I "
                 "snore. Could the cost be covered?\n\n"
                 "Location: dover, DE\n\n"
                 "Ann Lee\n\n"
                 "Often, yes. The insurer will ask for proof that the blockage is real, such as a "
                 "scan or a note from an ear, nose and throat doctor.\n\n"
                 "Tom Reyes\n"
                 "ASPS Surgeon\n\n"
                 "Partly. The inside work that opens the airway is usually paid for; changing the "
                 "shape of the outside is not.\n\n"
                 "Mia Cruz\n"
                 "ASPS Surgeon\n"
                 "Each plan has its own rules, so call yours with the codes your surgeon gives "
                 "you.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    const cn_page *p = r.pages[0];
    CU_ASSERT_STRING_EQUAL(p->question,
                           "Will my insurer pay for a nose fix that helps my breathing?");
    CU_ASSERT_TRUE(ru_starts_with_normalized(p->body, "Since a football injury"));
    ru_check_start(&r, 1, "Often, yes. The insurer will ask");
    ru_check_start(&r, 2, "Partly. The inside work");
    ru_check_start(&r, 3, "Each plan has its own rules");
    ru_free(&r);
}

/* "Doctor Answers 3" over answers the site leaves unsigned: the first
 * answer's two paragraphs stand two blank lines apart, which reads as an
 * untitled second answer (untitled_after_titled), so four were read. The
 * page's count says one is too many: the answer that the wide gap alone
 * opened goes back into the one above, and the last answer keeps its title
 * ("Moles coming back after shaving" above a greeting) instead of running
 * into the answer above it. */
static void test_declared_count_rejoins_a_wide_gap(void)
{
    ru_result r = read_str(
        "Can a mole come back after removal? Why would it?\n\n"
        "I had a mole taken off last year and now it is growing again.\n\n"
        "Doctor Answers 3\n\n"
        "Can a mole come back after removal?\n\n"
        " Thanks for asking this.  A mole that was shaved off can regrow from the cells left "
        "under the skin;  this is common and usually harmless.  Your doctor can check it.\n\n\n"
        " Best to show it to the dermatologist who removed it,  who knows what the lab report "
        "said.  Best wishes.\n\n"
        "Mole Regrowth\n\n"
        "A mole can return when some cells stay behind after a shave removal. There are "
        "options:\n\n"
        "1. a full excision\n\n"
        "2. a biopsy of the new spot\n\n"
        "Hope this helps to answer your question!\n\n"
        "Moles coming back after shaving\n\n"
        "Thank you for your question. As the doctor above said a mole regrows when cells "
        "remain. You would want to keep it out of the sun and have it checked in a few weeks. "
        "Just so you know every bi\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_title(&r, 1, "Can a mole come back after removal?");
    ru_check_start(&r, 1, "Thanks for asking this.");
    CU_ASSERT_PTR_NOT_NULL(strstr(ru_answer(&r, 1)->text, "Best to show it"));
    ru_check_title(&r, 2, "Mole Regrowth");
    ru_check_start(&r, 2, "A mole can return when");
    ru_check_title(&r, 3, "Moles coming back after shaving");
    ru_check_start(&r, 3, "Thank you for your question. As the doctor");
    CU_ASSERT_TRUE(ru_answer(&r, 3)->truncated);
    ru_free(&r);
}

/* The page's question printed again as the second answer's title, two
 * sentences ("Is This a Blocked Pore? Or a Cyst?"), without the site's note
 * in brackets that ends the question line ("(photo)"). A line of two
 * sentences is no title shape, so it was read as the first answer's last
 * paragraph and the two answers ran together; the question asked again is
 * a title (cns_repeats_question drops the bracketed note). */
static void test_question_asked_again_heads_a_later_answer(void)
{
    ru_result r = read_str(
        "Is This a Blocked Pore? Or a Cyst? (photo)\n\n"
        "A small bump came up on my cheek two weeks ago and it hurts when I press it. What "
        "could it be?\n\n"
        "Doctor Answers 2\n\n"
        "A Blocked Pore Is Not Always A Cyst\n\n"
        "I agree with the colleague below. From the picture it looks like a blocked pore that "
        "is inflamed, and warm packs twice a day usually settle it.\n\n"
        "Each case is different, and a bump that keeps growing should be seen in person.\n\n"
        "Is This a Blocked Pore? Or a Cyst?\n\n"
        "A cyst is a small sac under the skin. The one in your picture looks like one that has "
        "become irritated, and a doctor can drain it.\n\n"
        "Best of luck.\n\n"
        "Ann Lee, MD\n"
        "Seattle Dermatologist\n"
        "4.8 out of 5 stars 20 reviews\n\n"
        "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "A Blocked Pore Is Not Always A Cyst");
    ru_check_start(&r, 1, "I agree with the colleague below.");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 1)->physician.name);
    ru_check_title(&r, 2, "Is This a Blocked Pore? Or a Cyst?");
    ru_check_start(&r, 2, "A cyst is a small sac");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Ann Lee, MD");
    ru_free(&r);
}

/* An answer closed by a valediction alone on its line, then, two blank
 * lines down, the practice's name on a line of its own above the site's
 * "City Specialty" signature, which names no physician: the practice line
 * stands where the name line would and is the signature's, not an answer of
 * its own (it was read as a second answer of one line). */
static void test_practice_line_between_valediction_and_signature(void)
{
    ru_result r = read_str(
        "How young is too young for a nose job?\n\n"
        "I am fifteen and my nose has a bump that I dislike. Can I have it fixed now?\n\n"
        "Doctor Answers 2\n\n"
        "At what age can the nose be operated on?\n\n"
        "Most surgeons wait until the nose has stopped growing, which for girls is around "
        "fifteen or sixteen and for boys a year or two later.\n\n"
        "With your parents' consent a consultation can tell you whether your growth has "
        "finished.\n\n"
        "Warm regards,\n\n\n"
        "Example Nose Surgery Center\n\n"
        "Denver Facial Plastic Surgeon\n\n"
        "Waiting a little is wise\n\n"
        "The nose keeps changing in the teenage years, so an operation before growth ends may "
        "need a second one later on.\n\n"
        "Tom Reyes, MD\n"
        "Austin Plastic Surgeon\n"
        "4.9 out of 5 stars 88 reviews\n\n"
        "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "At what age can the nose be operated on?");
    ru_check_start(&r, 1, "Most surgeons wait until");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "Example Nose"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 1)->physician.city);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 1)->physician.city, "Denver");
    ru_check_title(&r, 2, "Waiting a little is wise");
    ru_check_start(&r, 2, "The nose keeps changing");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Tom Reyes, MD");
    ru_free(&r);
}

/* A surgeons' society's forum whose question title asks above the asker's
 * own post, headed as each reply is (the poster's name and town, then the
 * post's age): the post under the first header, in the asker's voice and
 * opening with a greeting, was read as the first answer. It is the
 * question's body; the answers start at the next header. */
static void test_askers_post_under_the_first_header(void)
{
    ru_result r = read_str(
        "Society of Facial Surgeons\n"
        "Members Area\n"
        "Our forum is read by board members every week and answered for free.\n\n"
        "Eyelid Surgery\n\n"
        "Will my insurer pay?\n\n"
        "Jo Park dayton, OH\n"
        "3 months ago\n\n"
        "Hello I am 52 and my upper lids now hang over my lashes so I tilt my head back to "
        "read, my eye doctor sent me to a surgeon and I was told my plan wants a field test "
        "first\n\n"
        "Ann Lee, MD Salem, OR\n"
        "3 months ago\n\n"
        "Most plans pay for an upper lid lift when a field test shows the lids block your "
        "sight, and photos of your eyes straight ahead help the request.\n\n"
        "Tom Reyes, MD Austin, TX\n"
        "3 months ago\n\n"
        "Yes, the field test is the usual proof. Ask your eye doctor to send the result to the "
        "surgeon's office with a short letter.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    const cn_page *p = r.pages[0];
    CU_ASSERT_PTR_NOT_NULL_FATAL(p->question);
    CU_ASSERT_STRING_EQUAL(p->question, "Will my insurer pay?");
    CU_ASSERT_PTR_NOT_NULL(p->body && strstr(p->body, "Hello I am 52"));
    ru_check_start(&r, 1, "Most plans pay for an upper lid lift");
    ru_check_start(&r, 2, "Yes, the field test is the usual proof.");
    ru_free(&r);
}

/* Under a signature, two blank lines (the empty title line a site prints
 * where an answer has none), then one long sentence ending in '.' and more
 * paragraphs: the sentence is the untitled answer's first, not its title.
 * Only prose of two sentences was read so before (cns_title_at_start); one
 * sentence of bare_prose_words words or more is no title there either. */
static void test_one_long_sentence_under_an_empty_title(void)
{
    ru_result r = read_str(
        "How to Treat a Bump on a Baby's Scalp?\n\n"
        "My son is ten months old and has a small firm bump on his scalp. What should we "
        "do?\n\n"
        "Doctor Answers 2\n\n"
        "Bump on the scalp of a baby\n\n"
        "A firm bump present since birth is most often a harmless cyst, and an ultrasound can "
        "tell what it is before anyone decides on surgery.\n\n"
        "Ann Lee, MD\n"
        "Seattle Plastic Surgeon\n"
        "4.8 out of 5 stars 20 reviews\n\n\n"
        "A lump on the scalp of a small child may be a cyst, a fatty lump or a birthmark.\n\n"
        "Only a scan can say which before an operation.\n\n"
        "The scar would be about as long as the lump.\n\n"
        "Tom Reyes, MD\n"
        "Austin Plastic Surgeon\n"
        "4.9 out of 5 stars 88 reviews\n\n"
        "These answers are for educational purposes only.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Bump on the scalp of a baby");
    ru_check_start(&r, 1, "A firm bump present since birth");
    CU_ASSERT_PTR_NULL(ru_answer(&r, 2)->title);
    ru_check_start(&r, 2, "A lump on the scalp of a small child");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ru_answer(&r, 2)->physician.name);
    CU_ASSERT_STRING_EQUAL(ru_answer(&r, 2)->physician.name, "Tom Reyes, MD");
    ru_free(&r);
}

/* A surgeons' forum printing the replies' count above the asker's title and
 * post, then an "All Replies" line above the first reply (each headed by
 * the surgeon's name and town and the post's age): the asker's post is the
 * question's body, and the answers start under that line. */
static void test_all_replies_line_ends_the_question(void)
{
    ru_result r = read_str("A Society of Surgeons\n"
                           "For Members\n\n\n"
                           "3 days ago\n"
                           "Replies 2\n\n"
                           "Will my plan pay for a reduction?\n\n"
                           "I am 24, my back hurts every evening and I wear a G cup. Would my "
                           "insurer cover a reduction if my doctor writes to them?\n\n"
                           "All Replies\n\n"
                           "Ann Lee Portland, OR\n"
                           "3 days ago\n\n"
                           "Read your policy first: most plans list their criteria, such as "
                           "months of symptoms and the weight of tissue to be removed.\n\n"
                           "Tom Reyes Austin, TX\n"
                           "2 days ago\n\n"
                           "Call your insurer and ask what they need from your physician. Then "
                           "book a consultation with a surgeon who knows those forms.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Will my plan pay for a reduction?");
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I am 24, my back hurts"));
    ru_check_start(&r, 1, "Read your policy first");
    ru_check_start(&r, 2, "Call your insurer and ask");
    ru_free(&r);
}

/* A title glued after "Answer:" in sentence case, then the body opening
 * with a greeting and the asker's user name ("... Hi JaneDoe77 and thanks
 * for ..."): the greeting is the body's first word, not the title's last. */
static void test_greeting_after_a_glued_title(void)
{
    ru_result r = read_str(
        "Over or under the chest muscle for my implants? I lift weights four times a week and "
        "two surgeons told me different things.\n"
        "March 3, 2020\n"
        "Answer: Above or below the muscle Hi LiftLady88 and thanks for asking. Below the muscle "
        "gives more cover, but the implant may move when you flex, so many lifters choose above "
        "it.\n"
        "Helpful 3 people found this helpful\n"
        "April 9, 2021\n"
        "Answer: Moving implants when flexing Hello there RedRunner and thank you for the "
        "question. The movement is usually mild, and a split placement can lessen it.\n"
        "Helpful 1 person found this helpful\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Above or below the muscle");
    ru_check_start(&r, 1, "Hi LiftLady88 and thanks for asking");
    ru_check_title(&r, 2, "Moving implants when flexing");
    ru_check_start(&r, 2, "Hello there RedRunner and thank you");
    ru_free(&r);
}

/* The rules' page cues with a [site-headers] section of a fixture's own
 * appended (a site's name and notices invented for it). */
static cn_pagecues *cues_with_site_headers(const char *entries)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/page-cues.txt", ru_rules_dir());
    size_t n = 0;
    char *text = tu_read_file(path, &n);
    if (!text)
        return NULL;
    size_t extra = strlen("\n[site-headers]\n") + strlen(entries);
    char *all = realloc(text, n + extra + 1);
    if (!all) {
        free(text);
        return NULL;
    }
    snprintf(all + n, extra + 1, "\n[site-headers]\n%s", entries);
    snprintf(path, sizeof path, "%s/specialties.txt", ru_rules_dir());
    cn_taxonomy *t = NULL;
    cn_pagecues *c = NULL;
    cn_error err = {0};
    if (cn_taxonomy_load(path, &t, &err) == CN_OK)
        cn_pagecues_parse(all, n + extra, "page-cues.txt", t, &c, &err);
    free(all);
    return c;
}

static const char SITE_HEADERS[] = "guild of aesthetic surgeons\n"
                                   "members sign in here\n"
                                   "*need an account to post*\n"
                                   "our question board now lives at *\n"
                                   "to ask a new question, visit *\n";

/* A society's forum page under its furniture: its name on the first line
 * ([site-headers]), a log-in line, the poster's name and age, then the
 * title and the post, the count line and the replies. The title is the
 * line under the poster's age, never the society's name (two pages of the
 * site were one question keyed by it). */
static void test_site_name_above_the_poster_and_title(void)
{
    cn_pagecues *cues = cues_with_site_headers(SITE_HEADERS);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cues);
    ru_result r = ru_read_str(cues, "Guild of Aesthetic Surgeons\n"
                                    "Members sign in here\n"
                                    "Rosa Delgado\n"
                                    "2 years ago\n\n"
                                    "Numb patch on my cheek after a lift\n\n"
                                    "Three months after my facelift a patch in front of my ear "
                                    "still has no feeling. Will it come back?\n\n"
                                    "Replies 2\n\n"
                                    "Ann Lee\n"
                                    "2 years ago\n\n"
                                    "Feeling usually returns over six to twelve months as the "
                                    "small nerves grow back into the skin.\n\n"
                                    "Tom Reyes\n"
                                    "2 years ago\n\n"
                                    "Give it time and protect the area from heat, since you "
                                    "may not feel a burn there yet.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Numb patch on my cheek after a lift");
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "Three months after my facelift"));
    ru_check_start(&r, 1, "Feeling usually returns");
    ru_check_start(&r, 2, "Give it time and protect");
    ru_free(&r);
    cn_pagecues_free(cues);
}

/* The same forum when the asker wrote no title: under the furniture and
 * the post's age, a greeting and the post. The question has no title (it
 * is not the society's name, nor the greeting), its body the post. */
static void test_site_header_over_an_untitled_post(void)
{
    cn_pagecues *cues = cues_with_site_headers(SITE_HEADERS);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cues);
    ru_result r = ru_read_str(cues, "Guild of Aesthetic Surgeons\n"
                                    "Members sign in here\n"
                                    "4 years ago\n\n\n"
                                    "Dear doctors,\n\n"
                                    "My chin implant feels loose when I press on it, two weeks "
                                    "after surgery. Should I worry?\n\n"
                                    "Replies 2\n\n"
                                    "Ann Lee\n"
                                    "4 years ago\n\n"
                                    "Some movement in the first weeks is expected while the "
                                    "pocket heals around the implant.\n\n"
                                    "Tom Reyes\n"
                                    "4 years ago\n\n"
                                    "Show it to your surgeon, who can check its position with "
                                    "a simple exam.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(r.pages[0]->question);
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "Dear doctors,"));
    ru_check_start(&r, 1, "Some movement in the first weeks");
    ru_free(&r);
    cn_pagecues_free(cues);
}

/* A bare page of the same forum: the name, a log-in line and its note, a
 * category line, then the title, the poster's name and age and the post;
 * signed replies below. The title is the line under the category, the
 * furniture no answer. */
static void test_site_login_and_category_above_the_title(void)
{
    cn_pagecues *cues = cues_with_site_headers(SITE_HEADERS);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cues);
    ru_result r = ru_read_str(cues, "Guild of Aesthetic Surgeons\n"
                                    "Members sign in here\n"
                                    "First visit? You need an account to post a question.\n\n"
                                    "Eyelid Surgery\n\n"
                                    "Uneven creases after my eyelid lift\n\n"
                                    "Marta Quinn Salem, OR\n"
                                    "8 months ago\n\n"
                                    "My upper lids were done six weeks ago and the left crease "
                                    "sits higher than the right one. I am worried it stays\n\n"
                                    "Ann Lee, MD Portland, OR\n"
                                    "8 months ago\n\n"
                                    "At six weeks there is still swelling, and creases often "
                                    "even out by three months. Wait before judging.\n\n"
                                    "Tom Reyes, MD Austin, TX\n"
                                    "7 months ago\n\n"
                                    "Small differences settle with time; if it persists past "
                                    "six months a minor revision can adjust it.\n");
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "Uneven creases after my eyelid lift");
    CU_ASSERT_FALSE(ru_answer(&r, 1) && ru_answer(&r, 1)->text &&
                    ru_starts_with_normalized(ru_answer(&r, 1)->text, "Members sign in here"));
    ru_free(&r);
    cn_pagecues_free(cues);
}

/* An archived board under a notice that it has moved (lines of
 * [site-headers]): the title asks, the post under it asks, then the
 * answers, two blank lines apart; the first opens with a long sentence
 * ending in '.' that says the question's words again (its prose, not a
 * title), a later one with a short title ending in '.'. */
static void test_moved_notice_above_an_archived_question(void)
{
    cn_pagecues *cues = cues_with_site_headers(SITE_HEADERS);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cues);
    ru_result r =
        ru_read_str(cues, "Our question board now lives at Beauty Answers Online\n\n"
                          "To ask a new question, visit the new board.\n\n"
                          "Can fat grafts to the cheeks be taken out later?\n\n\n"
                          "I had fat moved into my cheeks last year and now they look too full. Is "
                          "there a way to remove some of it?\n\n\n"
                          "Taking fat grafts out of the cheeks later is possible but harder than "
                          "putting them in, because the fat has grown into the tissue.\n\n"
                          "Small amounts can be suctioned out with a thin cannula.\n\n"
                          "Jane Roe, MD\nBoston, MA\n\n\n"
                          "Waiting is often the best first step.\n\n"
                          "Some of the grafted fat shrinks over the first year, and weight changes "
                          "affect it as well.\n\n"
                          "Tom Reyes, MD\nAustin, TX\n");
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question,
                           "Can fat grafts to the cheeks be taken out later?");
    CU_ASSERT_TRUE(ru_starts_with_normalized(r.pages[0]->body, "I had fat moved into my cheeks"));
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "Taking fat grafts out of the cheeks");
    ru_check_title(&r, 2, "Waiting is often the best first step.");
    ru_check_start(&r, 2, "Some of the grafted fat shrinks");
    ru_free(&r);
    cn_pagecues_free(cues);
}

/* A bare page whose title is typed in lower case, a few words with no
 * punctuation, over the first answer's prose: the question's title (as one
 * in capitals is), not the first answer's first line. */
static void test_lower_case_title_over_the_answers(void)
{
    ru_result r = read_str("stitches came loose after arm lift\n\n"
                           "It is common for a stitch or two to work loose in the second or "
                           "third week, and the small gap usually closes by itself.\n\n"
                           "Ann Lee, MD\nPortland Plastic Surgeon\n\n"
                           "Loose stitch after a brachioplasty\n\n"
                           "Keep the area clean and dry and show it to your surgeon this week so "
                           "they can see whether it needs any care.\n\n"
                           "Tom Reyes, MD\nAustin Plastic Surgeon\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.pages[0]->question);
    CU_ASSERT_STRING_EQUAL(r.pages[0]->question, "stitches came loose after arm lift");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_start(&r, 1, "It is common for a stitch");
    ru_check_title(&r, 2, "Loose stitch after a brachioplasty");
    ru_free(&r);
}

/* The last answer's only line opens with a hashtag ("#Numbness ...") and
 * runs on as prose until the page's end cuts it, without its final period:
 * longer than any title, mostly plain words, it is the answer's text, not a
 * site's tag line. A short line of tags under an answer still is one. */
static void test_hashtag_prose_line_cut_by_the_end(void)
{
    ru_result r = read_str(
        "Can I lift my eyebrow again after a cheekbone repair?\n\n"
        "Ten days ago a surgeon fixed my broken cheekbone through a cut near the temple. "
        "Now one brow will not move.\n\n"
        "Doctor Answers 2\n\n"
        "A nerve near the temple\n\n"
        "The nerve twig that raises the brow crosses over the cheekbone, and it "
        "is often stretched during such a repair. Most stretched nerves recover in months.\n\n"
        "#browlift #nerve #recovery\n\n"
        "Reno Facial Plastic Surgeon\n4.6 out of 5 stars 7 reviews\n\n"
        "Weak brow after facial surgery\n\n"
        "#Numbness and weakness of the brow after a repair near the temple usually come from "
        "a bruised nerve branch, and the movement tends to come back slowly over three to six "
        "months, though a cut branch may need");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "#browlift"));
    ru_check_title(&r, 2, "Weak brow after facial surgery");
    ru_check_start(&r, 2, "#Numbness and weakness of the brow");
    CU_ASSERT_TRUE(ru_answer(&r, 2)->truncated);
    ru_free(&r);
}

/* A page that printed a bit of its style sheet as text: a rule ("#panel {
 * top: -50px; }") glued before an answer's first words, another alone on a
 * line under a title. The rules are no text of the answers; the answer
 * starts after the rule, and the lone rule does not hide the title. */
static void test_style_rule_before_an_answer(void)
{
    ru_result r = read_str(
        "Will the dent above my eyebrow fill in?\n\n"
        "A cyst was taken out of my forehead two weeks ago and there is a small dip.\n\n"
        "Doctor Answers 2\n\n"
        "Give it time\n\n"
        ".side-panel { display: none; }\n\n"
        "Small dips after a cyst removal often fill in as the swelling settles and the scar "
        "softens, over two or three months.\n\n"
        "Reno Facial Plastic Surgeon\n4.2 out of 5 stars 3 reviews\n\n"
        "Filler or fat later\n\n"
        "#popup_holder { width: 4px; top: -80px; left: -80px; } WAIT- most dents of this size "
        "soften by themselves, and a small filler or fat graft can even out what is left after "
        "six months.\n\n"
        "Ann Roe, MD\nDallas Plastic Surgeon\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 2);
    ru_check_title(&r, 1, "Give it time");
    ru_check_start(&r, 1, "Small dips after a cyst removal");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 1)->text, "display"));
    ru_check_title(&r, 2, "Filler or fat later");
    ru_check_start(&r, 2, "WAIT- most dents of this size");
    CU_ASSERT_PTR_NULL(strstr(ru_answer(&r, 2)->text, "popup_holder"));
    ru_free(&r);
}

/* A count-line page printing one answer a line, and between two answers
 * the site's invitation to ask, naming the topic with the words glued
 * together: furniture, no answer, and the line under it starts the next
 * answer (the line above it does not go on there). */
static void test_invitation_naming_the_topic_between_answers(void)
{
    ru_result r =
        read_str("Hip Questions Hip Pain\n\n"
                 "Can I swim two weeks after a hip arthroscopy?\n\n"
                 "My surgery was ten days ago and the pool at my gym is open again.\n\n"
                 "3 Answers\n\n"
                 "Wait until the portal wounds are fully closed, usually about two weeks.\n"
                 "Ask your surgeon to check the wounds first; a closed wound can go in the "
                 "water.\n"
                 "Have a question aboutHip Pain?Ask a doctor now\n"
                 "Gentle swimming helps most people once the skin has healed, but avoid the "
                 "breaststroke kick for six weeks.\n");
    CU_ASSERT_EQUAL_FATAL(ru_n_answers(&r), 3);
    ru_check_start(&r, 1, "Wait until the portal wounds");
    ru_check_start(&r, 2, "Ask your surgeon to check");
    ru_check_start(&r, 3, "Gentle swimming helps most people");
    ru_free(&r);
}

int main(void)
{
    static const tu_test tests[] = {
        {"bracketed count, vote lines, answers after a widget", test_bracketed_count_and_votes},
        {"four asker paragraphs under the title", test_four_asker_paragraphs_under_the_title},
        {"thanks and a closing in one sentence close an answer",
         test_thanks_and_closing_in_one_sentence},
        {"count line, one answer a line, bare name line", test_count_line_one_answer_a_line},
        {"bare page: greetings open answers", test_bare_page_greetings},
        {"bare page: wide gaps between answers", test_bare_page_wide_gaps},
        {"glued signature, cut rating, title-only answer", test_glued_signature_and_cut_rating},
        {"bullets and exclaimed titles", test_bullets_and_exclaimed_titles},
        {"no question; first line an answer; cut prose; no Q&A", test_no_question_and_no_qa},
        {"a repeated answer counts once", test_repeated_answer_counts_once},
        {"answers closed without a signature", test_answers_closed_without_signature},
        {"answers glued below a signature", test_glued_answers_after_signature},
        {"a link after the name; a cut line of two sentences", test_name_link_and_cut_sentences},
        {"lines above a signature that belong to it", test_signature_extras},
        {"dated pages: date lines part the answers", test_dated_pages},
        {"address, closing wish, cut rating and template", test_signature_tails_and_cut_scraps},
        {"answers closed by a credit in brackets", test_credited_answers},
        {"a credit, then a word cut at the page's end", test_credit_then_cut_word_at_page_end},
        {"lists, vote lines, glued headings, furniture", test_lists_votes_and_glued_headings},
        {"cut inside an unsigned answer or the disclaimer", test_cut_inside_an_unsigned_answer},
        {"a vote line heads an untitled answer", test_vote_line_heads_untitled_answer},
        {"bare page: bracketed note, asker line, sign-offs", test_bare_question_notes_and_signoffs},
        {"titles ending in a period restate the question", test_restated_titles_end_in_a_period},
        {"a farewell ending a paragraph closes its answer", test_farewell_ends_a_paragraph},
        {"a credit in brackets ending a paragraph closes its answer", test_credit_ends_a_paragraph},
        {"where an answer starts, a '.' title restating two words", test_two_word_restated_title},
        {"a cut question line above the first title", test_cut_question_line_above_a_title},
        {"lines under a vote line are one answer", test_lines_under_a_vote_line_are_one_answer},
        {"a heading glued by a dash opens an answer", test_dash_glued_heading_opens_an_answer},
        {"a subheading above a continuation", test_subheading_above_a_continuation},
        {"physicians writing in the first person", test_first_person_physicians},
        {"name headers, hashtag lines, a cut widget", test_header_names_hashtags_and_cut_widget},
        {"specialty lines under names; links after answers", test_specialty_lines_under_names},
        {"a greeting line; a line broken mid-sentence", test_greeting_and_broken_lines},
        {"bare pages: the asker's paragraph under the title", test_bare_asker_paragraphs},
        {"bare page: one answer a paragraph", test_bare_page_one_answer_a_paragraph},
        {"flat page: the asker's line below the first answer",
         test_flat_asker_line_below_first_answer},
        {"a continuation line in a run of answer lines", test_continuation_line_in_a_run},
        {"a signature above its answer", test_signature_above_its_answer},
        {"a declared count keeps subheadings inside an answer",
         test_declared_count_keeps_subheadings_inside},
        {"a heading above a list stays inside its answer", test_heading_above_a_list_stays_inside},
        {"an essay in short paragraphs is one answer", test_essay_in_short_paragraphs},
        {"flat page: the asker's thanks, a line that goes on", test_flat_thanks_and_continuation},
        {"flat page: a greeting to a closing is one answer",
         test_flat_greeting_to_closing_is_one_answer},
        {"site lines above the asker's question", test_site_lines_above_the_askers_question},
        {"a greeting line under a title opens the body", test_greeting_line_under_a_title},
        {"a rating cut after its first digit", test_rating_cut_after_its_first_digit},
        {"a 'For example' line is no restated title", test_example_line_is_no_title},
        {"a paragraph opening in lower case goes on", test_paragraph_opening_in_lower_case},
        {"a second greeting under a vote line", test_second_greeting_under_a_vote_line},
        {"dated page: a cut second copy; an \"Answer:\" title line",
         test_dated_cut_copy_and_title_line},
        {"subheadings inside answers closed by credits", test_subheadings_on_a_credited_page},
        {"a sign-off ending a paragraph, then a title",
         test_signoff_ending_a_paragraph_then_a_title},
        {"an asked title after a closing line", test_asked_title_after_a_closing},
        {"two body lines under a title with a wide gap", test_two_body_lines_under_a_wide_title},
        {"a greeting alone on its line opens the body", test_greeting_alone_opens_the_body},
        {"flat pages: whose voice the first line is in", test_flat_first_line_voices},
        {"a specialty in brackets under a name above its answer",
         test_bracketed_specialty_under_a_name},
        {"vote lines above the titles; a count line with a bar", test_vote_lines_above_titles},
        {"count lines of other sites", test_other_count_lines},
        {"a cut line as long as prose is text, not a title", test_long_cut_line_is_text},
        {"the asker's story is no answer", test_askers_story_is_no_answer},
        {"a site's invitations are no answers", test_site_invitations_are_no_answers},
        {"'my clinical experience' is a physician's", test_clinical_experience_is_a_physician},
        {"a lower-case second heading under a title", test_lower_case_subheading_under_a_title},
        {"flat page: answers after an \"Answer:\" label", test_flat_answer_labels},
        {"lines naming who answers head the answers", test_answer_header_lines},
        {"a greeting under the asker's paragraph", test_greeting_under_the_askers_paragraph},
        {"a line the paragraph under it opens with starts an answer",
         test_repeated_opening_line_starts_an_answer},
        {"flat page: a name line is no answer", test_flat_name_line_is_no_answer},
        {"a wide gap under a titled answer starts an answer",
         test_wide_gap_under_titled_answer_starts_an_answer},
        {"a gallery under an answer is furniture", test_gallery_under_an_answer_is_furniture},
        {"a surgeons' society's forum replies", test_society_forum_replies},
        {"flat page: \"Answer\", a name and a specialty line",
         test_flat_answer_line_name_and_specialty},
        {"a title ending in '.' above the asker's paragraph",
         test_period_title_above_the_askers_paragraph},
        {"'my colleagues' is a physician's", test_my_colleagues_is_a_physicians_voice},
        {"an answer's boilerplate; a street address under a signature",
         test_answer_boilerplate_and_street_address},
        {"honour lines between two signatures", test_honour_lines_between_signatures},
        {"a title printed twice", test_title_printed_twice},
        {"a lower-case greeting under a title", test_lower_case_greeting_under_title},
        {"a cut repeated opening starts an answer", test_cut_repeated_opening_starts_an_answer},
        {"Ask a Surgeon page: Q: and A: lines", test_ask_a_surgeon_q_and_a_lines},
        {"Ask a Surgeon page: a question without asker words",
         test_ask_a_surgeon_question_without_asker_words},
        {"an empty title line after a signature", test_empty_title_line_after_signature},
        {"a city line between two signatures", test_city_between_two_signatures},
        {"a short farewell line closes its answer", test_short_farewell_line_closes_its_answer},
        {"a subheading without a vote line", test_subheading_without_vote_line},
        {"'my belief' is a physician's voice", test_my_belief_is_a_physicians_voice},
        {"quoted words are not the answerer's voice",
         test_quoted_words_are_not_the_answerers_voice},
        {"the title's question again heads the first answer",
         test_title_question_again_heads_first_answer},
        {"bare page: a wide gap between answers with signatures",
         test_bare_wide_gap_with_signatures},
        {"an informational note is no answer", test_informational_note_is_no_answer},
        {"a closing line, then the next answer on the line under it",
         test_closing_line_then_next_answer},
        {"a name in brackets inside a name line", test_bracketed_nickname_in_a_name_line},
        {"the asker's story above a title and a greeting", test_askers_story_above_a_greeting_body},
        {"the asker's question without a question mark", test_question_without_a_question_mark},
        {"thanks alone above a signature", test_thanks_above_a_signature},
        {"a place line of its own under a name", test_place_line_under_a_name},
        {"a run of lines under a title is one body", test_run_under_a_title_is_one_body},
        {"a sign-off naming the signature below", test_signoff_naming_the_signature_below},
        {"an \"EG:\" paragraph goes on from the answer above", test_example_paragraph_goes_on},
        {"a closing sentence ending a paragraph closes its answer",
         test_closing_sentence_ends_a_paragraph},
        {"a paragraph under a run read one answer a line",
         test_paragraph_after_a_run_read_one_a_line},
        {"a '.' title restated by the sentence under it",
         test_title_restated_by_the_sentence_under_it},
        {"a farewell ending in a tilde", test_farewell_ending_in_a_tilde},
        {"two title-shaped lines across a wide gap", test_two_title_lines_across_a_wide_gap},
        {"a title-shaped line above a closing", test_title_shaped_line_above_a_closing},
        {"two paragraphs under a count of several answers", test_two_paragraphs_under_a_count},
        {"a long first-person sentence is no title", test_long_first_person_sentence_is_no_title},
        {"thanks ending in a farewell above a signature",
         test_thanks_ending_in_a_farewell_above_a_signature},
        {"a short last line of a run read one answer a line",
         test_short_last_line_of_a_run_is_an_answer},
        {"a count line with a possessive's apostrophe", test_possessive_count_line},
        {"prose between two vote lines is a body", test_prose_between_two_vote_lines},
        {"a short sentence under a closing line heads an answer",
         test_short_sentence_title_under_a_closing_line},
        {"a long '.' title restated under it", test_long_restated_period_title},
        {"an inch mark is no quote", test_inch_mark_is_no_quote},
        {"a site's line between two answers", test_answer_break_line_between_answers},
        {"a specialty title under a sign-off", test_specialty_title_under_a_signoff},
        {"a flat page's question printed twice", test_flat_question_printed_twice},
        {"a name above an answer header", test_name_above_an_answer_header},
        {"a name alone above the first answer", test_name_alone_above_the_first_answer},
        {"a photo caption above the first answer", test_photo_caption_above_the_first_answer},
        {"a flat page's cut second copy counts once", test_flat_cut_second_copy_counts_once},
        {"a '.' title on a page that titles its answers", test_period_title_on_a_titled_page},
        {"chat labels on a page of paragraphs", test_chat_labels_on_a_paragraph_page},
        {"one answer a paragraph, two blank lines apart",
         test_one_answer_a_paragraph_two_blank_lines_apart},
        {"a greeting to a user name with digits", test_greeting_to_a_user_name_with_digits},
        {"an answer asking the asker, under the question",
         test_answer_asking_the_asker_under_the_question},
        {"a restated heading above a list", test_restated_heading_above_a_list},
        {"a closing glued to the sentence before it", test_glued_closing_ends_an_answer},
        {"a wish for the asker closes an answer", test_wish_closes_an_answer},
        {"sympathy and a reply to the asker open answers", test_sympathy_and_reply_openers},
        {"a long heading over one-line paragraphs", test_long_heading_over_one_line_paragraphs},
        {"congratulations open an answer", test_congratulations_opens_an_answer},
        {"a society forum's international member", test_society_forum_international_member},
        {"the page's question again at its end", test_question_again_at_the_page_end},
        {"a number with decimals starts a body", test_decimal_number_starts_a_body},
        {"a reply heading above an answer", test_reply_heading_above_an_answer},
        {"a flat page's asker's story under a title", test_flat_askers_story_under_a_title},
        {"\"Answered by\" lines head answers", test_answered_by_lines_head_answers},
        {"dated bylines head glued answers", test_dated_bylines_head_glued_answers},
        {"glued signature lines end the page", test_glued_signature_lines_end_the_page},
        {"glued signature lines above a signature", test_glued_signature_lines_above_a_signature},
        {"closings under a farewell stay with it", test_closings_under_a_farewell_stay},
        {"a cut '.' title under a signature", test_cut_period_title_under_a_signature},
        {"a cut scrap under a signature is a title", test_cut_scrap_under_a_signature_is_a_title},
        {"a profile link parts two answers", test_profile_link_parts_answers},
        {"a tags line ends the question", test_tags_line_ends_the_question},
        {"a long sentence under the count line is body",
         test_long_sentence_first_under_marker_is_body},
        {"the asker's story saying \"you\" is the body", test_askers_story_saying_you_is_the_body},
        {"the asker's question to the doctors, then their story",
         test_askers_question_to_doctors_then_story_is_the_body},
        {"the asker's paragraph above their question is the body",
         test_askers_paragraph_above_their_question_is_the_body},
        {"a name under a photo caption is furniture", test_name_under_a_photo_caption_is_furniture},
        {"a flat page's bare name and place close answers",
         test_flat_bare_name_and_place_close_answers},
        {"a line under a lone greeting is body", test_line_under_a_lone_greeting_is_body},
        {"\"Answers from doctors (N)\" opens the answers", test_answers_from_doctors_count_line},
        {"thanks and a closing sentence above a signature",
         test_thanks_and_closing_sentence_above_signature},
        {"the question again titles the first answer", test_question_again_titles_the_first_answer},
        {"a short '.' title on a page titling answers ahead",
         test_short_period_title_on_a_titled_page},
        {"a site that prints no titles", test_untitled_site_prints_no_titles},
        {"dated page: titles glued to the first line", test_dated_glued_titles},
        {"list steps in a run stay in their answer", test_list_steps_in_a_run_stay_in_their_answer},
        {"a postscript under a sign-off", test_postscript_under_a_signoff},
        {"a cookie notice is furniture", test_cookie_notice_is_furniture},
        {"a title trailing off heads an answer", test_title_trailing_off_heads_an_answer},
        {"a run's first line speaking to the asker is an answer",
         test_first_line_of_a_run_speaking_to_the_asker},
        {"a dash dangling after a name line", test_dangling_dash_after_a_name_line},
        {"a name line cut at the page's end", test_cut_name_line_at_the_page_end},
        {"a sentence title above a greeting", test_sentence_title_above_a_greeting},
        {"the asker's paragraph above a title and a long greeting",
         test_askers_paragraph_above_a_title_and_long_greeting},
        {"a line ending in a glued dash is no title", test_line_ending_in_a_glued_dash_is_no_title},
        {"connectives go on from the paragraph above",
         test_connectives_go_on_from_the_paragraph_above},
        {"sentence-shaped lines are no titles", test_sentence_lines_are_no_titles},
        {"colon title under an answer label", test_colon_title_under_an_answer_label},
        {"relayed question on the first line", test_relayed_question_on_the_first_line},
        {"asker's lines that address the doctors", test_askers_lines_that_address_the_doctors},
        {"essay paragraphs above a cut last line", test_essay_paragraphs_above_a_cut_last_line},
        /* layouts first seen on val17 (2026-12-06) */
        {"one answer a paragraph, only the last signed",
         test_one_answer_a_paragraph_last_one_signed},
        {"a count line over one answer a line, one signature",
         test_count_line_one_answer_a_line_one_signature},
        {"a contributor byline heads an answer", test_contributor_byline_heads_an_answer},
        {"a time-of-day greeting or sympathy opens a body",
         test_time_of_day_greeting_and_sympathy_open_bodies},
        {"a glued title up to its first word again", test_glued_title_up_to_its_first_word_again},
        {"a first line that asks, then runs on", test_first_line_asks_then_runs_on},
        {"a salutation under the story opens the answer",
         test_salutation_under_the_story_opens_the_answer},
        /* reader round five (2026-12-06) */
        {"a restated period title on a counted page", test_restated_period_title_on_a_counted_page},
        {"a period title restating the question", test_period_title_restating_the_question},
        {"a title with \"vs.\" heads an answer", test_title_with_versus_heads_an_answer},
        /* reader round seven (val18) */
        {"a count matching lines across paragraphs", test_count_matches_lines_across_paragraphs},
        {"a dotted answer label is no body", test_dotted_answer_label_is_no_body},
        {"a bracketed specialty under a name above an answer",
         test_bracketed_specialty_under_a_name_above_an_answer},
        {"a name above an answer a blank line apart", test_name_above_an_answer_a_blank_line_apart},
        {"a run inside a voted answer is one answer", test_run_inside_a_voted_answer_is_one_answer},
        {"a Title Case heading ending in '.' heads an answer",
         test_title_case_period_heading_heads_an_answer},
        {"the asker's words above the title again", test_askers_words_above_the_title_again},
        /* reader round nine (val19) */
        {"\"The best of luck\" under a farewell", test_the_best_of_luck_under_a_farewell},
        {"two wide paragraphs are two answers", test_two_wide_paragraphs_are_two_answers},
        {"a wide gap above a cut last line", test_wide_gap_above_a_cut_last_line},
        {"a numbered first paragraph is one answer", test_numbered_first_paragraph_is_one_answer},
        {"thanks above a closing and a sign-off", test_thanks_above_a_closing_and_a_signoff},
        /* reader round ten (val20) */
        {"a last paragraph to the listener is the answers",
         test_last_paragraph_to_the_listener_is_the_answers},
        {"long thanks and a closing above a sign-off",
         test_long_thanks_and_closing_above_a_signoff},
        {"a name under a farewell ending in a comma", test_name_under_a_farewell_ending_in_a_comma},
        {"credit lines under a name", test_credit_lines_under_a_name},
        {"a greeting and thanks on one line open a body",
         test_greeting_and_thanks_on_one_line_open_a_body},
        {"thanks that ask back open the first answer",
         test_thanks_that_ask_back_open_the_first_answer},
        {"a title ending in a question mark and a stop", test_title_ending_question_mark_and_stop},
        {"a wide pair ending in one long sentence", test_wide_pair_ending_in_one_long_sentence},
        /* reader round eleven (every tuning page) */
        {"thanks with a '!' open a titled body", test_thanks_with_a_bang_open_a_titled_body},
        {"a greeting under a one-line answer", test_greeting_under_a_one_line_answer},
        {"a doubled label above a run is furniture", test_doubled_label_above_a_run_is_furniture},
        {"a credit line in a body's sign-off", test_credit_line_in_a_body_sign_off},
        {"dash-numbered items stay in their answer", test_dash_numbered_items_stay_in_their_answer},
        {"a colon line two blank lines above a list", test_colon_line_two_blank_lines_above_a_list},
        /* reader round twelve (val21) */
        {"a clinic's bylines head each reply", test_clinic_bylines_head_each_reply},
        {"\"Answered on:\" heads an answer", test_answered_on_colon_heads_an_answer},
        {"\"Board certified ...\" lines under a name", test_board_certified_lines_under_a_name},
        {"a closing two blank lines above a sign-off",
         test_closing_two_blank_lines_above_a_signoff},
        {"the asker's thanks after the question", test_asker_thanks_after_the_question},
        /* reader round thirteen (every tuning page) */
        {"a label under the asker's line on a dated page",
         test_label_under_the_askers_line_on_a_dated_page},
        {"label title lines on an undated page", test_label_title_lines_on_an_undated_page},
        {"a newsletter line under flat answers", test_newsletter_line_under_flat_answers},
        {"a city under a name above a title", test_city_under_a_name_above_a_title},
        {"a label title ending in a name on a dated page",
         test_label_title_ending_in_a_name_on_a_dated_page},
        {"a practice named after the physician", test_practice_named_after_the_physician},
        /* reader round fifteen (val23) */
        {"\"Hi there\" and a name open a body", test_hi_there_and_a_name_open_a_body},
        {"a long title over a vote line and lower case",
         test_long_title_over_a_vote_line_and_lower_case},
        {"one long title over a vote line", test_one_long_title_over_a_vote_line},
        {"a title of two sentences above a greeting", test_two_sentence_title_above_a_greeting},
        {"the title asked again heads the first answer",
         test_title_asked_again_heads_the_first_answer},
        {"date and time lines head the replies", test_date_and_time_lines_head_the_replies},
        {"\"Published on\" lines head the answers", test_published_on_lines_head_the_answers},
        /* reader round seventeen (val24) */
        {"titles opening with a quote mark", test_titles_opening_with_a_quote_mark},
        {"capitals for emphasis before a dash", test_capitals_for_emphasis_before_a_dash},
        {"a post's age in words heads each reply", test_post_age_in_words_heads_each_reply},
        {"a \"Location:\" line ends the question", test_location_line_ends_the_question},
        /* reader round eighteen (val25) */
        {"the declared count rejoins an answer a wide gap opened",
         test_declared_count_rejoins_a_wide_gap},
        {"the question asked again heads a later answer",
         test_question_asked_again_heads_a_later_answer},
        {"a practice line between a valediction and a signature",
         test_practice_line_between_valediction_and_signature},
        {"the asker's post under the first header", test_askers_post_under_the_first_header},
        {"one long sentence under an empty title line",
         test_one_long_sentence_under_an_empty_title},
        /* reader round nineteen (val26) */
        {"an \"All Replies\" line ends the question", test_all_replies_line_ends_the_question},
        {"a greeting after a glued title", test_greeting_after_a_glued_title},
        {"a site's name above the poster and title", test_site_name_above_the_poster_and_title},
        {"a site's header over an untitled post", test_site_header_over_an_untitled_post},
        {"a site's log-in and category lines above the title",
         test_site_login_and_category_above_the_title},
        {"a moved notice above an archived question", test_moved_notice_above_an_archived_question},
        {"a lower-case title over the answers", test_lower_case_title_over_the_answers},
        /* reader round twenty (val27) */
        {"a prose line opening with a hashtag, cut by the page's end",
         test_hashtag_prose_line_cut_by_the_end},
        {"a style rule glued before an answer's text", test_style_rule_before_an_answer},
        {"a site's invitation naming the topic between answers",
         test_invitation_naming_the_topic_between_answers},
        {NULL, NULL},
    };
    return ru_run_suite("reader layouts", tests, &g_cues);
}
