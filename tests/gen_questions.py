#!/usr/bin/python3
"""gen_questions: write a synthetic corpus of N question pages in the
structured page format of corpus/ (title, the asker's text, "Doctor Answers
K", then per answer a title, the text and a signature: name, "City
Specialty", rating line), for measuring report.html on hundreds of questions
(tests/test_html.sh). Everything is written from phrase lists in this file;
the same N and seed give the same files.

A pool of named physicians answers across many questions (so the page's
per-physician view has work to do), answers per question vary from 2 to 24 (7.25 on average; the real pages of tests/real have 3, the sample corpus 7),
some answers are unsigned, and one question has a long slash-joined title
(the phone layout must wrap it).

Usage: /usr/bin/python3 tests/gen_questions.py OUT_DIR [N] [SEED]
"""
import os
import random
import sys

# (topic words used in titles, the procedure, the worry): each line lands
# on one claim of rules/claims.rules through its words.
TOPICS = [
    ("fly", "my facelift", "Can I fly home {d} days after my facelift?"),
    ("flight", "a BBL", "Is a long flight safe {d} days after a Brazilian butt lift?"),
    ("alcohol", "rhinoplasty", "Can I drink wine {d} days after rhinoplasty surgery?"),
    ("vaping", "breast augmentation", "Is vaping nicotine {d} days before breast augmentation surgery a problem?"),
    ("fish oil", "liposuction", "Do I have to stop fish oil {d} days before liposuction?"),
    ("lifting", "tummy tuck", "When can I go back to lifting at the gym {d} days after a tummy tuck?"),
    ("pregnancy", "Botox", "Is Botox safe while trying to conceive, {d} weeks after my last dose?"),
    ("breastfeeding", "tretinoin", "Can I use tretinoin while breastfeeding a {d} week old?"),
    ("laser", "dark skin", "Is fractional laser safe for my dark skin type ({d} sessions planned)?"),
    ("peel", "retinoid", "Can I get a chemical peel {d} days after stopping my retinoid?"),
    ("filler", "wedding", "Should I get lip filler {d} days before my wedding?"),
    ("tear trough", "filler", "Bluish lump under the eye {d} weeks after tear trough filler: harmless?"),
    ("kybella", "swelling", "Swelling {d} days after Kybella under the chin: is it normal?"),
    ("masseter", "Botox", "Does Botox in the masseter cause jaw bone loss after {d} years?"),
    ("mammogram", "implants", "Is a mammogram safe with breast implants placed {d} years ago?"),
    ("dental", "jawline filler", "Can I have wisdom teeth removed {d} days after jawline filler?"),
    ("eyebrow", "Botox", "My eyebrow dropped {d} days after Botox: will it go away?"),
    ("candidate", "blepharoplasty", "Am I a candidate for eyelid surgery with dry eye, aged {d}?"),
]

ASKS = [
    "I had {p} recently and I am trying to plan the next weeks.",
    "My surgeon's office is closed until Monday and I cannot reach anyone.",
    "I read conflicting things online and would like to hear from several doctors.",
    "I am otherwise healthy, I do not smoke and I take no medication.",
    "This matters to me because of work and family plans.",
]

REASSURING = [
    "In my practice this is routinely fine and I would not be concerned.",
    "This is safe for most patients and I see no reason to worry.",
    "You can go ahead; there is no evidence that it causes harm.",
    "It is perfectly fine, and most of my patients do it without any problem.",
    "I would not worry about this at all.",
]
CAUTIONARY = [
    "There is a small risk, so please be careful and check with your surgeon first.",
    "It is probably fine, but there is some risk of swelling and you should go slowly.",
    "I would be cautious: the risk is low but real, so wait a little longer if you can.",
    "Proceed with care and watch for warning signs such as pain or redness.",
]
CONTRA = [
    "I would not do this; it is not safe and I advise against it.",
    "Please avoid this completely, it is dangerous at this stage.",
    "Do not do it. The risk of a serious complication is too high.",
    "I strongly recommend against it until you are fully healed.",
]
NEUTRAL = [
    "Every patient is different and your own surgeon knows your case best.",
    "Thank you for your question and congratulations on your decision.",
    "A consultation in person would help answer this properly.",
    "Photos and an examination would tell us more.",
]
ANSWER_TITLES = ["Good question", "Timing matters", "My advice", "Short answer", "It depends",
                 "Follow your surgeon", "Safety first", "What I tell my patients", "Be patient"]

FIRST = ["Anna", "Brian", "Carla", "David", "Elena", "Frank", "Grace", "Hector", "Irene", "James",
         "Karen", "Luis", "Maria", "Nathan", "Olga", "Peter", "Quinn", "Rosa", "Samuel", "Tara"]
LAST = ["Abbott", "Benson", "Castillo", "Dunn", "Ellis", "Fischer", "Gomez", "Hart", "Ingram",
        "Jensen", "Keller", "Lopez", "Moreau", "Novak", "Ortiz", "Price"]
CITIES = ["Austin", "Boston", "Chicago", "Denver", "Miami", "Seattle", "Phoenix", "Portland",
          "Nashville", "Atlanta", "Houston", "Dallas"]
SPECIALTIES = ["Plastic Surgeon", "Facial Plastic Surgeon", "Dermatologist", "Dermatologic Surgeon",
               "Oculoplastic Surgeon", "Cosmetic Surgeon", "Family Physician", "Otolaryngologist"]

LONG_TITLE = ("Rhinoplasty/septoplasty/turbinate-reduction/chin-implant/fat-grafting/"
              "blepharoplasty/browlift-recovery-timeline-question: can I fly after a week?")


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    os.makedirs(out, exist_ok=True)
    # 120 named physicians, each with a fixed city and specialty.
    pool = []
    for i in range(120):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        if i >= len(FIRST) * 1:
            name = f"{FIRST[i % len(FIRST)]} {chr(65 + i % 26)}. {LAST[(i * 7) % len(LAST)]}"
        pool.append((name + ", MD", rng.choice(CITIES), rng.choice(SPECIALTIES)))
    for q in range(n):
        kw, proc, title = TOPICS[q % len(TOPICS)]
        title = title.format(d=2 + q)
        if q == 7:
            title = LONG_TITLE
        body = " ".join(rng.sample(ASKS, 3)).format(p=proc) + f" (question {q + 1})"
        k = rng.choice([2, 3, 3, 4, 4, 5, 6, 6, 8, 10, 12, 24])
        # Each question leans one way, with some dissent.
        lean = rng.choice([REASSURING, CAUTIONARY, CONTRA])
        lines = [title, "", body, "", f"Doctor Answers {k}", ""]
        doctors = rng.sample(pool, k)
        for a in range(k):
            bucket = lean if rng.random() < 0.7 else rng.choice([REASSURING, CAUTIONARY, CONTRA, NEUTRAL])
            text = " ".join([rng.choice(NEUTRAL), rng.choice(bucket), rng.choice(bucket)])
            text += f" About {kw} after {proc}, answer {a + 1} to question {q + 1}."
            if rng.random() < 0.3:
                text += " " + " ".join(rng.choice(NEUTRAL) for _ in range(rng.randint(2, 6)))
            lines += [rng.choice(ANSWER_TITLES), "", text, ""]
            if rng.random() < 0.9:
                name, city, spec = doctors[a]
                lines += [name, f"{city} {spec}",
                          f"{rng.choice(['4.5', '4.8', '5.0', '4.2'])} out of 5 stars {rng.randint(1, 300)} reviews", ""]
            lines.append("")
        path = os.path.join(out, f"{q:04d}_generated.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
