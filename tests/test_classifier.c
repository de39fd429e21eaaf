/* test_classifier: every hard case of STANCE-GUIDE.md, plus the modifiers
 * (negation, hedges, contrast, conditionals, boilerplate) and the evidence
 * spans, on the hand-written decision (rules without decision.rules). Texts
 * are written here, not taken from the corpora. */
#include "testutil.h"

#include "cn_classifier.h"
#include "cn_annotate.h"
#include "cn_claims.h"
#include "cn_doc.h"
#include "cn_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cn_rules *RULES;

/* The hand-written layer: the shipped rules without their learned decision
 * weights (rules/decision.rules), so each guide rule is checked on the cues
 * and modifiers themselves. The learned decision: test_decision.c. */
static int suite_rules(void)
{
    char *dir = tu_mkdtemp();
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "cp rules/* '%s'/ && rm -f '%s'/decision.rules", dir, dir);
    cn_error err;
    int rc = system(cmd) == 0 && cn_rules_load(dir, &RULES, NULL, NULL, &err) == CN_OK ? 0 : -1;
    if (rc == 0 && cn_model_active(cn_rules_model(RULES)))
        rc = -1;
    tu_rm_rf(dir);
    free(dir);
    return rc;
}

static cn_stance classify_titled(const char *title, const char *text, cn_decision *keep)
{
    cn_classify_input in = {.title = title, .text = text};
    cn_decision d;
    cn_error err;
    if (cn_classify_answer(RULES, &in, &d, &err) != CN_OK)
        return (cn_stance)-1;
    cn_stance s = d.stance;
    if (keep)
        *keep = d;
    else
        cn_decision_clear(&d);
    return s;
}

static cn_stance classify(const char *text)
{
    return classify_titled(NULL, text, NULL);
}

#define R CN_STANCE_REASSURING
#define C CN_STANCE_CAUTIONARY
#define X CN_STANCE_CONTRAINDICATED
#define N CN_STANCE_NONE

/* Rule 1: bottom line wins. */
static void test_bottom_line(void)
{
    CU_ASSERT_EQUAL(classify("The filler does cause some swelling at first, however not to a "
                             "degree that changes the result. I would not worry about it."),
                    R);
    CU_ASSERT_EQUAL(classify("Retinoids can irritate, but used twice a week this is perfectly "
                             "fine and you can continue."),
                    R);
}

/* Rule 2: a confirmed effect framed as harmless. */
static void test_confirmed_effect_harmless(void)
{
    CU_ASSERT_EQUAL(classify("Yes, the treated muscle gets smaller over the years. That is a "
                             "benefit, and it will not lose any function."),
                    R);
}

/* Rule 3: advice against beats caveats. */
static void test_advice_against_beats_caveats(void)
{
    CU_ASSERT_EQUAL(classify("Some clinics do offer this and it is sometimes done abroad. I "
                             "would not recommend it for you."),
                    X);
    CU_ASSERT_EQUAL(classify("There is a small risk of scarring. Honestly, don't do it."), X);
}

/* Rule 4: boilerplate is not a stance. */
static void test_boilerplate(void)
{
    CU_ASSERT_EQUAL(classify("Thank you for your question. Every patient is different, so "
                             "please consult your doctor. Best of luck!"),
                    N);
    CU_ASSERT_EQUAL(classify("Great question! We offer complimentary consultations at our "
                             "office and would be happy to see you."),
                    N);
}

/* Rule 5: negation flips the cue, not the topic. */
static void test_negation(void)
{
    CU_ASSERT_EQUAL(classify("Laser hair removal on freshly tanned skin is not safe."), X);
    CU_ASSERT_EQUAL(classify("A chemical peel this week is not dangerous for you."), R);
    CU_ASSERT_EQUAL(classify("There is no evidence of harm to the baby from this cream."), R);
    CU_ASSERT_EQUAL(classify("I have not seen nerve damage in my patients after this."), R);
}

/* Rule 6: hedged risk is cautionary. */
static void test_hedged_risk(void)
{
    CU_ASSERT_EQUAL(classify("Theoretically it is possible that the implant shifts. Only time "
                             "will tell. You may continue your routine."),
                    C);
    CU_ASSERT_EQUAL(classify("Further studies are needed before anyone can say whether this "
                             "medication affects healing."),
                    C);
}

/* Rule 7: contrast shifts weight to the second clause. */
static void test_contrast(void)
{
    CU_ASSERT_EQUAL(classify("It can be done, but it is extremely dangerous."), X);
    CU_ASSERT_EQUAL(classify("There was one small animal study, but I have never seen this in "
                             "humans."),
                    R);
}

/* Rule 8: postponing is advising against; a hedge that lets them proceed is not. */
static void test_postponing(void)
{
    CU_ASSERT_EQUAL(classify("Best to wait until the tan has faded before the laser."), X);
    CU_ASSERT_EQUAL(classify("Please hold off until you finish breastfeeding."), X);
    CU_ASSERT_EQUAL(classify("I would wait at least four weeks before flying."), X);
    CU_ASSERT_EQUAL(classify("It is probably fine now, though some surgeons prefer to wait "
                             "another week."),
                    C);
}

/* Rule 9: changing the practice is advising against it. */
static void test_changing_practice(void)
{
    CU_ASSERT_EQUAL(classify("Ask your surgeon whether the blood thinner can be paused before "
                             "the facelift."),
                    X);
    CU_ASSERT_EQUAL(classify("Skip the mammogram and ask for a breast MRI instead."), X);
    /* a step that takes away or restricts what was asked, said without any
     * "not" (cue practice-change) */
    CU_ASSERT_EQUAL(classify("Our team will ask you to take out every metal stud; we recommend "
                             "removing all jewelry the night before."),
                    X);
    CU_ASSERT_EQUAL(classify("Stitches can come out at home, though they should only be "
                             "done in the clinic."),
                    X);
}

/* Rule 10: routine conditions do not make an answer cautionary. */
static void test_routine_conditions(void)
{
    CU_ASSERT_EQUAL(classify("It is safe when performed by a board-certified surgeon."), R);
    CU_ASSERT_EQUAL(classify("Wear sunscreen and a hat and you will be fine hiking."), R);
}

/* Rule 11: done is done. */
static void test_done_is_done(void)
{
    CU_ASSERT_EQUAL(classify("One cigarette the night before most likely did no harm. Stop "
                             "smoking from now on."),
                    R);
    CU_ASSERT_EQUAL(classify("The droop is temporary; it resolves in three to four months."), R);
    CU_ASSERT_EQUAL(classify("This discoloration may last and needs treatment with "
                             "hyaluronidase."),
                    C);
}

/* Rule 12: the title is part of the answer. */
static void test_title_counts(void)
{
    CU_ASSERT_EQUAL(
        classify_titled("Yes, these can be normal", "Discuss it at your follow-up visit.", NULL),
        R);
    CU_ASSERT_EQUAL(classify_titled("Do not do it", "The reason is", NULL), X);
}

/* Rule 13: related-question excerpts take none. */
static void test_related_excerpt(void)
{
    cn_classify_input in = {.text = "Use of this cream is contraindicated during pregnancy...",
                            .related = true};
    cn_decision d;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_classify_answer(RULES, &in, &d, &err), CN_OK);
    CU_ASSERT_EQUAL(d.stance, N);
    CU_ASSERT(d.n_evidence > 0); /* evidence is still kept for the editor */
    cn_decision_clear(&d);
}

/* Conditionals weaken; pseudo-negations do not flip. */
static void test_conditionals_and_pseudo(void)
{
    CU_ASSERT_EQUAL(classify("If you were pregnant it would be dangerous, but you are not, so "
                             "it is perfectly safe to go ahead."),
                    R);
    cn_decision d;
    classify_titled(NULL, "Not only is it safe, it is well tolerated.", &d);
    CU_ASSERT_EQUAL(d.stance, R);
    for (size_t i = 0; i < d.n_evidence; i++)
        CU_ASSERT_FALSE(d.evidence[i].flags & CN_EV_NEGATED);
    cn_decision_clear(&d);
}

/* "Why not ...?" suggests doing it instead: a proposal, not a negation, so
 * "why not stop ..." advises changing the practice (rule 9). */
static void test_why_not_suggests(void)
{
    cn_decision d;
    classify_titled(NULL,
                    "Paralysing the calf muscles you walk on every day is a poor idea. Why not "
                    "stop the heavy calf raises for a few months and let them slim down?",
                    &d);
    CU_ASSERT_EQUAL(d.stance, X);
    bool stop_seen = false;
    for (size_t i = 0; i < d.n_evidence; i++)
        if (d.evidence[i].rule && !strcmp(d.evidence[i].rule->id, "stop")) {
            stop_seen = true;
            CU_ASSERT_FALSE(d.evidence[i].flags & CN_EV_NEGATED);
            CU_ASSERT_EQUAL(d.evidence[i].stance, X);
        }
    CU_ASSERT_TRUE(stop_seen);
    cn_decision_clear(&d);
}

/* Evidence: rule ids and byte spans into the original text, contractions and
 * curly quotes included. */
static void test_evidence_spans(void)
{
    const char *text = "Honestly? It\xe2\x80\x99s  unsafe. Don\xe2\x80\x99t do it.";
    cn_decision d;
    CU_ASSERT_EQUAL(classify_titled(NULL, text, &d), X);
    int found_unsafe = 0, found_dont = 0;
    for (size_t i = 0; i < d.n_evidence; i++) {
        const cn_evidence *e = &d.evidence[i];
        CU_ASSERT(e->start < e->end && e->end <= strlen(text));
        if (!strncmp(text + e->start, "unsafe", e->end - e->start) && e->end - e->start == 6)
            found_unsafe = !strcmp(e->rule->id, "dangerous");
        if (!strncmp(text + e->start, "Don\xe2\x80\x99t do it", e->end - e->start))
            found_dont = e->rule->kind == CN_RULE_CUE;
    }
    CU_ASSERT_TRUE(found_unsafe);
    CU_ASSERT_TRUE(found_dont);
    CU_ASSERT(d.confidence > 0.5 && d.confidence <= 1.0);
    cn_decision_clear(&d);
}

/* Thin evidence gives low confidence; conflicting cues are flagged. */
static void test_confidence_and_conflict(void)
{
    cn_decision strong, mixed;
    classify_titled(NULL, "Don't do it. It is dangerous and unethical. I would never do this.",
                    &strong);
    classify_titled(NULL, "It is dangerous. It is also perfectly safe.", &mixed);
    CU_ASSERT(strong.confidence > mixed.confidence);
    CU_ASSERT_TRUE(mixed.conflicting);
    CU_ASSERT_FALSE(strong.conflicting);
    cn_decision_clear(&strong);
    cn_decision_clear(&mixed);
}

static void test_empty_text(void)
{
    CU_ASSERT_EQUAL(classify(""), N);
    CU_ASSERT_EQUAL(classify_titled(NULL, "   \n\n  ", NULL), N);
}

static cn_stance classify_typed(const char *qtype, const char *title, const char *text)
{
    cn_classify_input in = {.title = title, .text = text, .question_type = qtype};
    cn_decision d;
    cn_error err;
    if (cn_classify_answer(RULES, &in, &d, &err) != CN_OK)
        return (cn_stance)-1;
    cn_stance s = d.stance;
    cn_decision_clear(&d);
    return s;
}

/* The question type of a title (NULL: none) through its doc. */
static const char *type_of(const char *title)
{
    cn_error err;
    cn_doc *d = NULL;
    if (title && cn_doc_new(RULES, title, NULL, &d, &err) != CN_OK)
        return "(out of memory)";
    const char *t = cn_claims_question_type(RULES, d, &err);
    cn_doc_free(d);
    return t ? t : "(null)";
}

/* A bare yes or no means what the question asked; "keep taking it" advises
 * against skipping; question types come from the title. */
static void test_question_types(void)
{
    CU_ASSERT_EQUAL(classify_typed("permission", "Yes", "Hope this helps."), R);
    CU_ASSERT_EQUAL(classify_typed("permission", "No", "Hope this helps."), X);
    CU_ASSERT_EQUAL(classify_typed("harm", "No", "Hope this helps."), R);
    CU_ASSERT_EQUAL(classify_typed("restriction", "Yes", "Hope this helps."), X);
    CU_ASSERT_EQUAL(classify_typed(NULL, "Yes", "Hope this helps."), N);
    CU_ASSERT_EQUAL(classify_typed("permission", NULL, "Keep taking it, and do not stop."), R);
    CU_ASSERT_EQUAL(classify_typed("omission", NULL, "Keep taking it, and do not stop."), X);
    CU_ASSERT_STRING_EQUAL(type_of("Can I get lip filler before my wedding?"), "permission");
    CU_ASSERT_STRING_EQUAL(type_of("Will it scar?"), "harm");
    CU_ASSERT_STRING_EQUAL(type_of("Do I have to stop fish oil?"), "restriction");
    CU_ASSERT_STRING_EQUAL(type_of("Skipping the antiviral before CO2 laser?"), "omission");
    /* no type matches, or no title: the default type (permission) */
    CU_ASSERT_STRING_EQUAL(type_of("Treatments to replace facial volume"), "permission");
    CU_ASSERT_STRING_EQUAL(type_of(NULL), "permission");
}

/* "Do I have to wear it?" is answered yes by saying it is needed: for a
 * restriction question that advises against going without (cue needed,
 * only=restriction); under a question of another type the same words take
 * no stance. Titles asking whether something must be stopped or is needed
 * are restriction questions. */
static void test_needed_answers_restriction(void)
{
    const char *text = "The binder is needed for six weeks after the operation.";
    CU_ASSERT_EQUAL(classify_typed("restriction", NULL, text), X);
    CU_ASSERT_NOT_EQUAL(classify_typed("permission", NULL, text), X);
    CU_ASSERT_EQUAL(classify_typed("restriction", NULL, "You will need to keep it on at night."),
                    X);
    CU_ASSERT_EQUAL(
        classify_typed("restriction", NULL, "It is not necessary after the first week."), R);
    CU_ASSERT_STRING_EQUAL(type_of("Should blood thinners be stopped before surgery?"),
                           "restriction");
    CU_ASSERT_STRING_EQUAL(type_of("Is it needed to wear a headband at night?"), "restriction");
}

/* The primary claim of a title (NULL: none) through its doc. */
static int primary_of(const char *question, const char *const *answers, size_t n,
                      cn_claim_choice *c)
{
    cn_error err;
    cn_doc *q = NULL, *docs[8] = {NULL};
    int rc = question ? cn_doc_new(RULES, question, NULL, &q, &err) : CN_OK;
    for (size_t i = 0; rc == CN_OK && i < n && i < 8; i++)
        rc = cn_doc_new(RULES, NULL, answers[i], &docs[i], &err);
    if (rc == CN_OK)
        rc =
            cn_claims_primary(RULES, question, q, answers, (const cn_doc *const *)docs, n, c, &err);
    cn_doc_free(q);
    for (size_t i = 0; i < 8; i++)
        cn_doc_free(docs[i]);
    return rc;
}

/* Primary claims: by title, ad hoc for unseen topics, stable ids. */
static void test_primary_claims(void)
{
    cn_claim_choice c;
    CU_ASSERT_EQUAL_FATAL(
        primary_of("Masseter reduction with Botox causes bone loss?", NULL, 0, &c), CN_OK);
    CU_ASSERT_STRING_EQUAL(c.id, "botox-jaw-bone-loss");
    CU_ASSERT_STRING_EQUAL(c.source, "title");
    cn_claim_choice_clear(&c);
    CU_ASSERT_EQUAL_FATAL(
        primary_of("Is it okay to dye my hair with henna after keratin smoothing?", NULL, 0, &c),
        CN_OK);
    CU_ASSERT_PTR_NULL(c.rule);
    CU_ASSERT_STRING_EQUAL(c.source, "adhoc");
    CU_ASSERT_EQUAL(strncmp(c.id, "adhoc-", 6), 0);
    char first[64];
    snprintf(first, sizeof first, "%s", c.id);
    cn_claim_choice_clear(&c);
    primary_of("Is it okay to dye my hair with henna after keratin smoothing?", NULL, 0, &c);
    CU_ASSERT_STRING_EQUAL(c.id, first);
    cn_claim_choice_clear(&c);
    const char *answers[] = {"Botox to shrink the calf muscles of the legs is a bad idea.",
                             "Using Botox on arm muscles to shrink them is not safe.",
                             "Hope this helps."};
    CU_ASSERT_EQUAL(primary_of(NULL, answers, 3, &c), CN_OK);
    CU_ASSERT_STRING_EQUAL(c.id, "botox-limb-muscle-reduction");
    CU_ASSERT_STRING_EQUAL(c.source, "answers");
    cn_claim_choice_clear(&c);
    /* Issue 9: which titles a catalog claim takes (NULL: none, an ad-hoc
     * claim). Context topics alone ("augmentation", "surgery") do not make a
     * question about smoking around surgery; a core topic does. An excluding
     * topic ("-surgery*") keeps a question about timing surgery around Botox
     * off the claim about Botox's side effects, however many of its topics it
     * names; dental work is not about filler without the filler; replacing a
     * breast implant is not replacing lost facial volume. A question about
     * something the asker already did ("I smoked", "I drank", "found out I
     * was pregnant") asks whether that did harm (STANCE-GUIDE rule 11), not
     * whether to do it, so it keeps its own words, not a claim about the
     * practice ("Nicotine or smoking around surgery is safe"), whose summary
     * would read "reassuring about smoking around surgery". */
    static const struct {
        const char *title, *claim;
    } cases[] = {
        {"Is a hard breast normal six weeks after augmentation surgery?", NULL},
        {"Can I vape before my augmentation surgery?", "nicotine-surgery"},
        {"My brow started to droop after Botox; will that side effect last?", "botox-side-effects"},
        {"Botox for a droopy brow a week before my eyelid surgery?", NULL},
        {"Can I see the dentist for a cleaning two days after lip filler?", "dental-after-filler"},
        {"Should I whiten my teeth before dental crowns go on?", NULL},
        {"Should I replace my breast implants after twelve years?", NULL},
        {"Is it safe to smoke the week before my breast lift surgery?", "nicotine-surgery"},
        {"I smoked two cigarettes the week before my breast lift surgery, is that bad?", NULL},
        {"Can I drink wine three days after my rhinoplasty surgery?", "alcohol-after-surgery"},
        {"I drank two glasses of wine three days after my rhinoplasty surgery, is that bad?", NULL},
        {"Is Botox safe while pregnant?", "botox-pregnancy"},
        {"Had Botox and then found out I was pregnant, is my baby ok?", NULL},
        {"Can I lift my toddler two weeks after my tummy tuck?", "activity-after-surgery"},
        {"I lifted my toddler two weeks after my tummy tuck, did I ruin it?", NULL},
        /* Fitted after the sixteenth freeze, when a reader judged the claims of
         * val16's questions: asking about the kind of anaesthesia is not asking
         * whether one is a candidate; a capsule left after an explant, or MRI
         * screening, is not mammograms with implants; "drink" alone (soup,
         * smoothies) or coffee is not alcohol. */
        {"Can my eyelid lift be done under local anesthesia while I stay awake?",
         "anesthesia-choice"},
        {"Is twilight sedation enough for a nose job?", "anesthesia-choice"},
        {"Am I a candidate for eyelid surgery with my dry eyes?", "candidate-surgery"},
        {"Can Botox in my eyelids cause dry eye?", NULL},
        {"Will the capsule left after my implant removal get in the way of mammograms?", NULL},
        {"Do silicone breast implants need MRI screening every few years?", NULL},
        {"A week after my neck lift surgery I can only drink smoothies, is this normal?", NULL},
        {"Should I give up coffee after surgery the way I give up alcohol?", NULL},
        /* Fitted after the seventeenth freeze, when a reader judged the claims
         * of val17's questions: "(photos)" closing a title and "lipo" are not
         * filler before an event; a brow that drops after a facelift, or
         * Botox asked for as a treatment, is not a side effect of Botox;
         * pregnant at the time of the surgery is not pregnancy after it. */
        {"Juvederm in my lips two days before my wedding?", "filler-before-event"},
        {"Four weeks after lipo my incision marks look purple, is that normal? (photos)", NULL},
        {"Laser or peel for the dark patches on my upper lip and cheeks? (photos)", NULL},
        {"My brow sags after a mini facelift and my doctor suggests Botox?", NULL},
        {"Can Botox to treat sweating help when my forehead sweats as I eat?", NULL},
        {"Is sweating more after Botox in my armpits a side effect?", "botox-side-effects"},
        {"I was five weeks pregnant when I had my tummy tuck, what now?", NULL},
        {"Will getting pregnant after my tummy tuck ruin the result?", "pregnancy-after-surgery"},
        /* Fitted after the nineteenth freeze, when a reader judged the claims
         * of val19's questions: a Botox-in-the-jaw-muscle question that never
         * names the bone (how many units, will my smile change, will it last)
         * is not about bone loss; a dental bone graft is not Botox. */
        {"Could Botox in my masseters thin the jaw bone over the years?", "botox-jaw-bone-loss"},
        {"How many units of Botox in each masseter for a slimmer face?", NULL},
        {"My smile looks odd since my masseter Botox, will it pass?", NULL},
        {"Can the bone graft granules under my jaw bone shift after an extraction?", NULL},
        /* Fitted after the twentieth freeze, when a reader judged the claims
         * of val20's questions: a pregnancy after an injection is not after a
         * surgery; LASIK while nursing is not Botox; the drops for a droop
         * are not the droop; milk before a breast surgery is not a treatment
         * while breastfeeding. */
        {"Is it safe to get pregnant a month after my Dysport injections?", NULL},
        {"Is it safe to get Botox while I am breastfeeding?", "botox-pregnancy"},
        {"LASIK while breastfeeding, a year after my pregnancy?", NULL},
        {"Which eye drops fix the droopy lid I got from Botox?", NULL},
        {"Is the droopy eyelid from my Botox harmless?", "botox-side-effects"},
        {"Lactating again long after I stopped breastfeeding, can my breast augmentation go ahead?",
         NULL},
        {"Is a retinoid cream safe while breastfeeding?", "treatment-breastfeeding"},
        /* Fitted after readers judged every catalog claim of the tuning
         * pages (issue 9, cl21). A limb named among the places a rash or a
         * weakness reached is not slimming it (the claim asks for Botox, a
         * limb and a size word: min=3). An injection or a peel is not a
         * surgery, for resuming an activity, drinking or blood thinners. A
         * stomach that looks wrong, or a leak "is this normal?", names no
         * activity; benefits, long-term knocks and one night slept wrong
         * are not resuming too soon. */
        {"Hives on my neck, chest and arms two days after Botox, is it an allergy?", NULL},
        {"Headaches and weak legs a week after forehead Botox, will it pass?", NULL},
        {"Can Botox slim down my calves?", "botox-limb-muscle-reduction"},
        {"Will Botox make my bulky shoulders and arms smaller?", "botox-limb-muscle-reduction"},
        {"Can I go swimming two days after my lip filler injection?", NULL},
        {"Can I work out at the gym three days after a chemical peel?", NULL},
        {"Can I drink a glass of wine the day after my Restylane injections?", NULL},
        {"Should I stop fish oil and aspirin before my Botox injections?", NULL},
        {"Why does my stomach look swollen ten days after my tummy tuck?", NULL},
        {"Fluid leaks when I lie down to sleep a week after my tummy tuck, is this normal?", NULL},
        {"Can I sleep on my stomach two weeks after my tummy tuck?", "activity-after-surgery"},
        {"Can I start contracting my stomach muscles six days after my tummy tuck?",
         "activity-after-surgery"},
        {"Does sleeping on my stomach after breast implants have any benefits?", NULL},
        {"Any long term dangers to my tummy tuck from exercise years later?", NULL},
        {"Could sleeping wrong one night harm my facelift result?", NULL},
        /* Drinking before surgery is not drinking after it; a vape without
         * nicotine, or a nicotine test, is not nicotine around surgery;
         * blood thinners after surgery, or before an injection, are not
         * their stop before surgery. */
        {"How many days before surgery should I stop drinking alcohol?", NULL},
        {"Can I have a beer the night before my rhinoplasty?", NULL},
        {"Is a zero nicotine vape fine after my rhinoplasty surgery?", NULL},
        {"Vaping 0mg juice the week before my augmentation surgery?", NULL},
        {"Will I pass the nicotine test if I quit smoking five days before surgery?", NULL},
        {"How many weeks before my surgery must I stop smoking?", "nicotine-surgery"},
        {"Is ibuprofen fine for pain post plastic surgery?", NULL},
        {"Do I need to stop fish oil before my liposuction?", "supplement-surgery"},
        /* Whether rubbing, pressing or plucking spread the Botox asks about
         * an act, not whether a side effect is harmless; nor do a treatment
         * for it, its odds before a first treatment, Botox while nursing
         * (Botox in pregnancy or nursing is its own claim), or eyelid
         * surgery misspelt. */
        {"I rubbed my forehead an hour after Botox, will it spread and make my brow droop?", NULL},
        {"Plucked my brows the day after Botox, did that move it into my eyelid?", NULL},
        {"Eyelid surgury two weeks after a Botox brow droop?", NULL},
        {"What treatment fixes a drooping brow from Botox?", NULL},
        {"How common is an eyelid droop with Botox for the first time?", NULL},
        {"Botox for my sweaty underarms while I am breastfeeding?", "botox-pregnancy"},
        {"I did not know I was pregnant when I got Botox, is the baby ok?", NULL},
        /* Marks a light treatment already left are not laser on dark
         * skin; melasma in someone not pregnant, or since a past pregnancy,
         * is not a treatment during one; peeling skin on a retinoid, or a
         * retinoid after a peel, is not a peel while on one; a Sculptra
         * dose is not volume lost with bone; lumps after a facelift's
         * hematoma are not a filler's. */
        {"IPL has caused dark patches on my tanned skin, will they fade?", NULL},
        {"Is laser hair removal safe on my dark skin?", "laser-dark-skin"},
        {"I am not pregnant, is laser safe for my melasma?", NULL},
        {"Melasma since my pregnancy, can a laser treatment clear it?", NULL},
        {"Is a retinoid cream safe during pregnancy?", "treatment-pregnancy"},
        {"My skin is peeling on tretinoin, should I keep using it?", NULL},
        {"How soon after a glycolic peel can I restart tretinoin?", NULL},
        {"Can I have a chemical peel while on tretinoin?", "peel-retinoid"},
        {"Are three vials of Sculptra for volume too much in one visit?", NULL},
        {"Can fillers replace the facial volume lost to bone loss?", "facial-volume-fillers"},
        {"Lumps after a hematoma was drained following my facelift and filler removal?", NULL},
        {"Lumps in my lips two months after filler, will they go away?", "filler-complication"},
        /* Fitted after a reader judged val21's catalog claims at the freeze
         * 11de6e6 (cl21b). A remedy for a sore throat is no blood thinner,
         * though the asker names aspirin as the rule she knows; whether
         * Botox can bring on a droop, or has brought one on, asks what
         * causes it, and a droop expected at a next treatment is a future
         * risk, not whether one already there is harmless; waxing is not a
         * peel. A droop that may last for good still asks the claim. */
        {"Are throat lozenges fine the week before my liposuction, since aspirin is off limits?",
         NULL},
        {"Could my crow's feet Botox cause droopy lower lids one day?", NULL},
        {"Can Botox for eyelid spasms make my upper lip droop?", NULL},
        {"Can the Botox near my eyes have caused my mouth corner to droop?", NULL},
        {"Will my eyelid droop again when I get Botox next time?", NULL},
        {"Can frequent Botox cause my brows to droop for good?", "botox-side-effects"},
        {"Can I wax my upper lip while on tretinoin?", NULL},
        {"Can I have a glycolic peel while on Retin-A?", "peel-retinoid"},
        /* Fitted after a reader judged val22's catalog claims at the freeze
         * 76dd0e0 (cl22). A surgery already had under sedation, asked about
         * for what came after it, is no choice of anaesthesia; nor is
         * whether a procedure under local counts as non-surgical. Which side
         * effects a planned injection brings is a risk to come. Asking only
         * when to quit, once quitting is settled, wants a wait the claim
         * has not got (a how-many-weeks question keeps it, above). */
        {"I had my rhinoplasty under twilight sedation and now my hair sheds, was it the "
         "anesthesia?",
         NULL},
        {"Is a tip rhinoplasty under local anesthesia non-surgical?", NULL},
        {"Can my rhinoplasty be done under local anesthesia?", "anesthesia-choice"},
        {"What are the side effects of Botox in my chin while I wear braces?", NULL},
        {"Are the side effects of my forehead Botox permanent?", "botox-side-effects"},
        {"When to stop smoking before my breast augmentation?", NULL},
        {"How long in advance of a facelift should a smoker quit?", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CU_ASSERT_EQUAL_FATAL(primary_of(cases[i].title, NULL, 0, &c), CN_OK);
        CU_ASSERT_STRING_EQUAL(c.source, cases[i].claim ? "title" : "adhoc");
        if (cases[i].claim)
            CU_ASSERT_STRING_EQUAL(c.id, cases[i].claim);
        cn_claim_choice_clear(&c);
    }
}

/* Issue 11: each text of a page is tokenized and matched once (one cn_doc),
 * however many claims read it: the question's title and body, and each
 * answer's title with its body. A second page of the same question adds
 * only its answers. */
static void test_tokenized_once(void)
{
    cn_annotator *a = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_new(RULES, &a, &err), CN_OK);
    cn_answer answers[3] = {
        {.index = 1,
         .title = "Safe for the baby",
         .text = "Botox stays in the muscle. Filler "
                 "while pregnant is another matter."},
        {.index = 2, .text = "I would wait until after the birth for Botox and for fillers."},
        {.index = 3, .title = "No", .text = "Not during pregnancy."},
    };
    cn_page page = {.file = "p.txt",
                    .question = "Is Botox safe while pregnant?",
                    .body = "I am twelve weeks along.",
                    .answers = answers,
                    .n_answers = 3,
                    .question_id = "0123456789abcdef"};
    cn_page_annotation *pa = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, &page, &pa, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_annotator_docs_made(a), 2 + 3);
    /* answer 1 reads two claims (Botox in pregnancy, fillers) from one doc */
    CU_ASSERT(pa->answers[0].n_claims >= 1);
    cn_page_annotation_free(pa);
    page.n_answers = 2; /* another rendering of the same question */
    CU_ASSERT_EQUAL_FATAL(cn_annotator_page(a, &page, &pa, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_annotator_docs_made(a), 2 + 3 + 2);
    cn_page_annotation_free(pa);
    cn_annotator_free(a);
}

/* Issue 15: work grows linearly with the answer, whatever is in it. Counted
 * in steps (tokens and hits looked at), not seconds: doubling a text full of
 * negations, contrasts, hedges, conditionals and boilerplate at most
 * 2.2 x the work. (Before, each cue scanned every modifier of the answer and
 * every clause: 2 MB took 30-40 s.) */
static size_t work_for(size_t copies)
{
    static const char PART[] = "I would not worry about it, but it may cause some swelling. "
                               "However, if it persists, see your surgeon. It is not dangerous "
                               "and usually resolves; consult your doctor. ";
    size_t n = strlen(PART);
    char *text = malloc(n * copies + 1);
    if (!text)
        return 0;
    for (size_t i = 0; i < copies; i++)
        memcpy(text + i * n, PART, n);
    text[n * copies] = '\0';
    cn_classify_input in = {.text = text};
    cn_decision d;
    cn_error err;
    size_t work = cn_classify_answer(RULES, &in, &d, &err) == CN_OK ? d.work : 0;
    cn_decision_clear(&d);
    free(text);
    return work;
}

static void test_linear_work(void)
{
    size_t a = work_for(2000), b = work_for(4000), c = work_for(8000);
    fprintf(stderr, "\n    work: %zu, %zu, %zu steps", a, b, c);
    CU_ASSERT(a > 0);
    CU_ASSERT(b <= 2.2 * (double)a);
    CU_ASSERT(c <= 2.2 * (double)b);
}

int main(void)
{
    if (suite_rules()) {
        fprintf(stderr, "cannot load rules/ (run from the source root)\n");
        return 1;
    }
    static const tu_test tests[] = {
        {"1 bottom line wins", test_bottom_line},
        {"2 confirmed effect framed harmless", test_confirmed_effect_harmless},
        {"3 advice against beats caveats", test_advice_against_beats_caveats},
        {"4 boilerplate is not a stance", test_boilerplate},
        {"5 negation flips the cue", test_negation},
        {"6 hedged risk is cautionary", test_hedged_risk},
        {"7 contrast shifts weight", test_contrast},
        {"8 postponing advises against", test_postponing},
        {"9 changing the practice", test_changing_practice},
        {"10 routine conditions", test_routine_conditions},
        {"11 done is done", test_done_is_done},
        {"12 the title counts", test_title_counts},
        {"13 related excerpts", test_related_excerpt},
        {"conditionals and pseudo-negation", test_conditionals_and_pseudo},
        {"why not: a suggestion, not a negation", test_why_not_suggests},
        {"evidence spans", test_evidence_spans},
        {"confidence and conflict", test_confidence_and_conflict},
        {"empty text", test_empty_text},
        {"each text tokenized once (issue 11)", test_tokenized_once},
        {"work linear in the answer (issue 15)", test_linear_work},
        {"primary claims", test_primary_claims},
        {"question types", test_question_types},
        {"needed answers a restriction question", test_needed_answers_restriction},
        {NULL, NULL},
    };
    int rc = tu_run_suite("classifier", tests);
    cn_rules_free(RULES);
    return rc;
}
