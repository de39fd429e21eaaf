"""words: the word lists and sentence templates of the benchmark's page
generator (gen_pages.py). Every phrase here was written for this project; the
sentences are templates whose slots ({t}, {act}, {n}, ...) gen_pages fills.

Treatments carry a kind (which concerns, harms and specialties fit them); a
question pairs a treatment with a concern; an answer is built from the stance
pools below, so a page has the mix of reassuring, cautionary, contraindicated
and off-topic answers that real question pages show.
"""

# name, kind (inject / laser / skin / surgery / med), a short second name
TREATMENTS = [
    ("Botox", "inject", "the toxin"),
    ("Dysport", "inject", "the toxin"),
    ("lip filler", "inject", "the filler"),
    ("cheek filler", "inject", "the filler"),
    ("tear trough filler", "inject", "the filler"),
    ("jawline filler", "inject", "the filler"),
    ("Kybella", "inject", "the injections"),
    ("Sculptra", "inject", "the injections"),
    ("PRP injections", "inject", "the PRP"),
    ("a chemical peel", "skin", "the peel"),
    ("microneedling", "skin", "the needling"),
    ("a HydraFacial", "skin", "the facial"),
    ("dermaplaning", "skin", "the treatment"),
    ("fractional CO2 laser", "laser", "the laser"),
    ("IPL photofacial", "laser", "the IPL"),
    ("laser hair removal", "laser", "the laser"),
    ("tattoo removal", "laser", "the laser"),
    ("a Fraxel treatment", "laser", "the laser"),
    ("radiofrequency microneedling", "laser", "the treatment"),
    ("a tummy tuck", "surgery", "the surgery"),
    ("liposuction", "surgery", "the lipo"),
    ("a breast augmentation", "surgery", "the surgery"),
    ("a breast lift", "surgery", "the lift"),
    ("a breast reduction", "surgery", "the reduction"),
    ("rhinoplasty", "surgery", "the nose surgery"),
    ("a facelift", "surgery", "the facelift"),
    ("a neck lift", "surgery", "the lift"),
    ("blepharoplasty", "surgery", "the eyelid surgery"),
    ("a BBL", "surgery", "the fat transfer"),
    ("a mommy makeover", "surgery", "the surgery"),
    ("an arm lift", "surgery", "the lift"),
    ("a brow lift", "surgery", "the lift"),
    ("otoplasty", "surgery", "the ear surgery"),
    ("a hair transplant", "surgery", "the transplant"),
    ("chin liposuction", "surgery", "the lipo"),
    ("tretinoin", "med", "the cream"),
    ("oral minoxidil", "med", "the pills"),
    ("isotretinoin", "med", "the medication"),
    ("spironolactone", "med", "the medication"),
    ("semaglutide", "med", "the injections"),
]

# concern id: question titles ({t} treatment, {n}/{unit} a delay), the
# activity named in answers, asker sentences
CONCERNS = {
    "fly": {
        "titles": ["Can I fly {n} {unit} after {t}?", "Long flight {n} {unit} after {t}?",
                   "Flying home {n} {unit} after {t} - too soon?",
                   "Is it safe to take a plane {n} {unit} after {t}?"],
        "act": ["flying", "a long flight", "air travel", "the flight home"],
        "asker": ["My flight home is booked for {n} {unit} after {t}.",
                  "I live abroad and would have to fly back soon after {t}.",
                  "The flight is about {h} hours and I would be sitting most of it."],
    },
    "gym": {
        "titles": ["When can I go back to the gym after {t}?",
                   "Working out {n} {unit} after {t}?",
                   "Running {n} {unit} after {t} - will it ruin my results?",
                   "Can I lift weights {n} {unit} after {t}?"],
        "act": ["exercise", "the gym", "running", "lifting weights", "a hard workout"],
        "asker": ["I normally train five days a week and I am going stir crazy.",
                  "My trainer wants me back at the gym {n} {unit} after {t}.",
                  "I had {t} {n} {unit} ago and I feel completely fine."],
    },
    "pregnant": {
        "titles": ["Is {t} safe while pregnant?", "{T} during pregnancy?",
                   "Had {t} before I knew I was pregnant - should I worry?",
                   "Can I get {t} while trying to conceive?"],
        "act": ["pregnancy", "the pregnancy", "trying to conceive", "your baby"],
        "asker": ["I just found out I am {n} weeks pregnant.",
                  "My husband and I want to start trying for a baby soon.",
                  "I had {t} last month and only now learned I am expecting."],
    },
    "nursing": {
        "titles": ["{T} while breastfeeding?", "Is {t} safe while nursing?",
                   "Can I have {t} if I am still breastfeeding?"],
        "act": ["nursing", "breastfeeding", "your milk", "the baby"],
        "asker": ["My son is {n} months old and I still nurse him twice a day.",
                  "I pump at work and I would hate to throw the milk away.",
                  "I am exclusively breastfeeding a {n} month old."],
    },
    "alcohol": {
        "titles": ["Can I drink wine {n} {unit} after {t}?", "Alcohol after {t}?",
                   "A glass of champagne {n} {unit} after {t}?"],
        "act": ["alcohol", "a glass of wine", "drinking", "a couple of drinks"],
        "asker": ["My sister is getting married {n} {unit} after my {t}.",
                  "I am off the pain pills and only take acetaminophen now.",
                  "I would like a drink or two at a party this weekend."],
    },
    "sun": {
        "titles": ["How long should I stay out of the sun after {t}?",
                   "Beach vacation {n} {unit} after {t}?", "Tanning after {t}?"],
        "act": ["the sun", "sun exposure", "tanning", "the beach"],
        "asker": ["We leave for the beach {n} {unit} after {t}.",
                  "I tan easily and I work outdoors most days.",
                  "I already booked a week in the sun before I scheduled {t}."],
    },
    "sleep": {
        "titles": ["When can I sleep on my side after {t}?",
                   "Sleeping on my stomach {n} {unit} after {t}?",
                   "Lying down right after {t}?"],
        "act": ["side sleeping", "sleeping on your stomach", "lying flat", "pressure on the area"],
        "asker": ["I have been a stomach sleeper my whole life.",
                  "I am exhausted from sleeping propped up on pillows.",
                  "I rolled onto my side last night without meaning to."],
    },
    "meds": {
        "titles": ["Do I need to stop {m} before {t}?", "Taking {m} after {t}?",
                   "{M} and {t} - is it safe?"],
        "act": ["{m}", "the {m}", "your {m}"],
        "asker": ["I take {m} every day and my surgeon's sheet lists it.",
                  "My cardiologist says {m} is harmless but my injector disagrees.",
                  "I forgot and took {m} two days before {t}."],
    },
    "smoke": {
        "titles": ["Can I smoke after {t}?", "Vaping before {t}?",
                   "Nicotine gum {n} {unit} before {t}?"],
        "act": ["smoking", "nicotine", "vaping", "cigarettes"],
        "asker": ["I quit cigarettes last year but I still vape now and then.",
                  "My coordinator says no nicotine for {n} weeks before {t}.",
                  "I have one or two cigarettes a day and I am trying to cut down."],
    },
    "swim": {
        "titles": ["Swimming {n} {unit} after {t}?", "When can I get in a pool after {t}?",
                   "Hot tub {n} {unit} after {t}?"],
        "act": ["swimming", "the pool", "a hot tub", "the ocean"],
        "asker": ["We have a pool at home and the kids are in it every day.",
                  "My incisions look closed except for a tiny scab.",
                  "I swim laps every morning and I miss it."],
    },
    "vaccine": {
        "titles": ["{T} {n} {unit} after a vaccine?", "Vaccine booster before {t}?",
                   "Should I space {t} and my flu shot?"],
        "act": ["the vaccine", "your booster", "the shot"],
        "asker": ["I got a booster {n} {unit} ago and my appointment is next week.",
                  "My employer requires a flu shot this month.",
                  "I had a sore arm and a mild fever after the last vaccine."],
    },
    "dental": {
        "titles": ["Dental work {n} {unit} after {t}?", "Teeth cleaning after {t}?",
                   "Wisdom teeth out {n} {unit} after {t}?"],
        "act": ["dental work", "the dentist", "a cleaning", "the extraction"],
        "asker": ["My dentist has an opening {n} {unit} after {t}.",
                  "I have a cracked molar that cannot wait long.",
                  "The oral surgeon wants to take my wisdom teeth out soon."],
    },
    "massage": {
        "titles": ["Facial massage {n} {unit} after {t}?", "Can I get a massage after {t}?",
                   "Rubbing the area after {t}?"],
        "act": ["massage", "rubbing the area", "pressure", "a facial"],
        "asker": ["I have a spa day booked {n} {unit} after {t}.",
                  "I keep touching the area because it feels lumpy.",
                  "My friend said massage helps things settle."],
    },
}

MEDS = ["fish oil", "aspirin", "ibuprofen", "vitamin E", "turmeric", "apixaban",
        "doxycycline", "an SSRI", "birth control pills", "a thyroid pill",
        "garlic supplements", "ginkgo", "prednisone", "a blood thinner", "metformin"]

UNITS_SHORT = [("days", 1, 13), ("weeks", 1, 8), ("months", 1, 6)]

HARMS = {
    "inject": ["bruising", "swelling", "the product moving", "a lump", "asymmetry",
               "a droopy lid", "infection", "a vascular problem", "tenderness",
               "uneven results", "the effect wearing off early", "nodules"],
    "laser": ["a burn", "blisters", "dark patches", "light patches", "scarring",
              "prolonged redness", "an infection", "uneven pigment", "a cold sore flare"],
    "skin": ["irritation", "peeling", "dark spots", "a rash", "redness that lingers",
             "an infection", "sensitivity", "a breakout"],
    "surgery": ["bleeding", "a hematoma", "a seroma", "an infection", "a blood clot",
                "the incision opening", "more swelling", "poor scarring",
                "fluid build up", "a wound problem", "delayed healing"],
    "med": ["side effects", "a flare", "dryness", "dizziness", "an interaction",
            "irritation", "low blood pressure", "an upset stomach"],
}

REASONS = {
    "inject": ["the product is still settling into the tissue",
               "the tiny needle tracks are still closing",
               "the muscle takes about two weeks to respond fully",
               "blood flow to the area rises with effort",
               "the filler is still integrating for the first days"],
    "laser": ["the new skin is thin and darkens easily",
              "the top layer needs time to rebuild",
              "heat from the treatment lingers in the deeper layers",
              "the pigment cells are irritated for weeks",
              "the barrier of the skin is still repairing"],
    "skin": ["the outer layer is still shedding",
             "the skin barrier is weaker for a few days",
             "freshly treated skin absorbs everything more",
             "the tiny channels stay open for a day or so"],
    "surgery": ["the incisions are still gaining strength",
                "swelling peaks in the first days and then settles",
                "small vessels under the skin are still healing",
                "the tissues need steady blood flow to heal",
                "your body is still clearing fluid from the area",
                "the internal stitches hold most of the tension early on"],
    "med": ["the dose you take is low",
            "very little of it reaches the blood",
            "the effect on clotting lasts several days",
            "it changes how the skin heals",
            "the half life is long"],
}

ALTERNATIVES = {
    "inject": ["a cold compress", "arnica", "a gentle walk", "patience", "a follow up visit"],
    "laser": ["a mineral sunscreen", "a wide brimmed hat", "a gentle moisturizer",
              "a test spot", "a lower setting"],
    "skin": ["a bland moisturizer", "a mineral sunscreen", "a gentle cleanser",
             "a lighter peel", "a week off actives"],
    "surgery": ["walking several times a day", "compression garments",
                "a stationary bike at low effort", "shorter trips", "gentle stretching"],
    "med": ["a topical option", "a lower dose", "a different medication",
            "a short pause", "a blood test first"],
}

OPENERS = ["Thank you for your question.", "Thanks for your question.",
           "Great question.", "Thank you for posting.", "Good question.",
           "Thanks for sharing your concern.", "Thank you for the question.",
           "This is a common question.", "Hi,", "Hello,", "Hello and thanks for asking.",
           "Dear patient,", "Thank you for your inquiry."]

# Stance pools. Slots: {t} treatment, {t2} its short name, {act} activity,
# {n}/{unit} a delay, {harm}, {reason}, {alt}, {yrs}, {pct}
REASSURING = [
    "{Act} {n} {unit} after {t} is fine for most patients.",
    "I let my patients go back to {act} after about {n} {unit}.",
    "There is no evidence that {act} harms the result of {t}.",
    "In {yrs} years of practice I have never seen {harm} from {act} at this point.",
    "By {n} {unit} the risk of {harm} is very low.",
    "You should be fine, since {reason} only in the first day or two.",
    "Most of my patients are back to {act} within {n} {unit} without any problems.",
    "Nothing you describe suggests {harm}, so go ahead.",
    "{T2} is not going to be affected by {act} at this stage.",
    "The good news is that {harm} after {t} is rare.",
    "It is perfectly safe to continue with {act}.",
    "I would not cancel your plans over this.",
    "{Act} is not a problem once {n} {unit} have passed.",
    "We allow {act} after {n} {unit} and our patients do well.",
    "Your result will not change because of {act}.",
    "There is no reason to wait longer than {n} {unit} for {act}.",
    "The amount that reaches the blood after {t} is tiny, so {act} is not a concern.",
    "Studies have not shown any link between {act} and {harm}.",
    "What you feel is normal healing and it will settle on its own.",
    "You are well past the window when {harm} would be a worry.",
    "Enjoy {act}; {t} is a low risk treatment.",
    "I have treated hundreds of patients in your situation and none had {harm}.",
    "I see no reason to delay {t} because of {act}.",
    "At {n} {unit} the tissues are stable enough for {act}.",
    "This is a routine question and the answer is yes.",
    "Keep your appointment; {act} does not interfere with {t}.",
    "A little {harm} is possible but it is temporary and harmless.",
    "Once you feel comfortable, {act} is allowed.",
    "{T2} stays where it was placed, so {act} will not move it.",
    "Being careful is good, but in this case you can relax.",
]

CAUTIONARY = [
    "I would wait at least {n} {unit} before {act}.",
    "{Act} too early raises the risk of {harm}.",
    "There is a small but real risk of {harm}, because {reason}.",
    "I ask my patients to hold off on {act} for {n} {unit}, to be safe.",
    "The data on {act} after {t} are limited, so caution makes sense.",
    "It is probably fine, but I would give it another {n} {unit}.",
    "Ease back into {act} slowly and stop if you notice {harm}.",
    "Check with your surgeon first, since {reason}.",
    "Some patients develop {harm} when they start {act} too soon.",
    "I cannot promise there is no risk, so I would be careful.",
    "Watch for {harm} over the next days and call the office if it appears.",
    "Consider {alt} instead of {act} for now.",
    "It depends on how you are healing; an exam would settle it.",
    "{Act} is not forbidden, but {reason}, so take it easy.",
    "To lower the chance of {harm}, wait until {n} {unit} have passed.",
    "I would start with {alt} and add {act} later.",
    "Everyone heals at a different pace, so there is no single answer.",
    "Nobody can say for sure; this has not been studied well.",
    "Keep {act} light for now and build up over {n} {unit}.",
    "There is a theoretical risk of {harm}, though it is uncommon.",
    "A short delay costs you little, while {harm} could set you back weeks.",
    "Have your injector or surgeon look at it before {act}.",
    "I usually advise a gap of {n} {unit}, mainly because {reason}.",
    "You may notice more {harm} if you rush {act}.",
]

CONTRAINDICATED = [
    "Please do not go ahead with {act} yet.",
    "I would not do {t} while {act} is an issue.",
    "{Act} is off limits for at least {n} {unit}.",
    "We never treat patients in your situation; the risk of {harm} is too high.",
    "Do not combine {t} with {act}; it is not worth the risk.",
    "Cancel and reschedule {t} for after {act}.",
    "Absolutely not at this stage, since {reason}.",
    "My answer is no: {act} can cause {harm} this early.",
    "Stop {act} now and let the area heal first.",
    "This is a clear contraindication in my practice.",
    "You should postpone {t} until well after {act}.",
    "I refuse to do {t} on patients who are in your situation.",
    "{Act} this soon is asking for {harm}.",
    "Hold off completely; no surgeon I know would approve {act} now.",
    "Avoid {act} entirely until your surgeon clears you.",
    "Do not risk {harm}; wait the full {n} {unit}.",
]

NEUTRAL = [
    "Every patient is different and a consultation is the best way to decide.",
    "Choose a board certified physician with plenty of experience in {t}.",
    "Our office offers {t} with the latest technology.",
    "{T} can give beautiful, natural results in the right hands.",
    "Results depend on your anatomy, your skin and your goals.",
    "Photos would help a great deal in answering this.",
    "Your own surgeon knows your case best, so ask them directly.",
    "We offer free consultations and would be happy to see you.",
    "Cost varies by region and by how much product is needed.",
    "The best results come from a plan made for your face and body.",
    "I recommend you bring a list of questions to your consultation.",
    "Follow the written instructions you were given after {t}.",
]

CLOSERS = ["Best of luck.", "Hope this helps.", "Good luck!", "Best wishes.",
           "I hope that helps.", "Take care.", "All the best.",
           "Follow up with your own doctor if anything changes."]

LEADS = {
    "reassuring": ["Usually fine", "Safe", "No problem", "Go ahead", "Very low risk",
                   "Nothing to worry about", "It is okay"],
    "cautionary": ["Depends", "Probably wait", "Be careful", "Maybe", "Ask first",
                   "Some risk"],
    "contraindicated": ["No", "Not recommended", "Do not", "Avoid it", "Postpone"],
    "none": ["See your doctor", "Consultation", "Good question", "Hard to say online"],
}

TITLES = {
    "reassuring": ["{Act} is fine after {n} {unit}", "You are in the clear", "Safe to go ahead",
                   "Nothing to worry about", "{T2} will not be affected",
                   "Low risk at this point", "Go ahead and enjoy it", "{Act} after {t}",
                   "No need to wait", "Fine in most cases"],
    "cautionary": ["Wait a little longer", "Give it {n} more {unit}", "Some risk of {harm}",
                   "Better safe than sorry", "{Act} and {t}", "It depends",
                   "Take it slowly", "Be careful with {act}", "Check with your surgeon"],
    "contraindicated": ["Not yet", "Please do not", "Postpone {t}", "Avoid {act} for now",
                        "Too soon", "Not while {act} is an issue", "No {act} yet"],
    "none": ["Great question", "Consultation is key", "{T} results", "Every case differs",
             "{T} with an expert"],
}

ASKER_EXTRA = ["I have read mixed things online and I am confused.",
               "My injector says it is fine but I want a second opinion.",
               "Is this safe or should I wait?", "What would you advise?",
               "I do not want to ruin my results.", "Thanks in advance for any advice.",
               "Should I be worried?", "I am a little nervous about this.",
               "Any advice would be appreciated."]

FIRST = ["Anna", "Brian", "Carla", "David", "Elena", "Frank", "Grace", "Henry", "Irene",
         "James", "Karen", "Luis", "Maria", "Nathan", "Olivia", "Peter", "Rachel", "Samuel",
         "Teresa", "Victor", "Wendy", "Adam", "Beatriz", "Colin", "Diana", "Ethan", "Fiona",
         "Gabriel", "Hannah", "Isaac", "Julia", "Kevin", "Laura", "Marcus", "Nadia", "Oscar",
         "Paula", "Quentin", "Rosa", "Simon", "Tanya", "Umar", "Vera", "William", "Yusuf",
         "Zoe", "Amir", "Bianca", "Caleb", "Daniela", "Edward", "Farah", "George", "Helena",
         "Igor", "Jasmine", "Kenji", "Leah", "Miguel", "Nora", "Omar", "Priya", "Raj",
         "Sofia", "Thomas", "Valeria", "Walter", "Xavier", "Yara", "Alan", "Brenda",
         "Carlos", "Denise", "Emil", "Gloria", "Hugo", "Ingrid", "Joel", "Kira", "Lorenzo",
         "Monica", "Neil", "Opal", "Pablo", "Renee", "Stefan", "Tessa", "Vincent", "Alice",
         "Boris", "Cecilia", "Dmitri", "Esther", "Felix", "Gwen", "Hector", "Ivy", "Jonah"]

LAST = ["Adler", "Baker", "Castillo", "Dalton", "Ellison", "Fischer", "Garza", "Hartman",
        "Ibarra", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor",
        "Petrov", "Quinlan", "Rahman", "Sorensen", "Takahashi", "Underwood", "Valdez",
        "Whitfield", "Xu", "Yilmaz", "Zimmerman", "Abernathy", "Bassett", "Chowdhury",
        "Delgado", "Eriksen", "Fairbanks", "Goldberg", "Haddad", "Iverson", "Jaramillo",
        "Kaplan", "Lambert", "Mendoza", "Novak", "Oyelaran", "Pham", "Rasmussen", "Salazar",
        "Thornton", "Ueda", "Vasquez", "Weller", "Young", "Ashford", "Brandt", "Crowley",
        "Dunmore", "Estrada", "Falk", "Grant", "Holm", "Ito", "Kessler", "Lund", "Marsh",
        "Nilsen", "Ortega", "Park", "Quist", "Reyes", "Stein", "Tran", "Voss", "Walsh",
        "Ahmadi", "Bergman", "Cho", "Duarte", "Emerson", "Fontaine", "Gallagher", "Hughes",
        "Ishikawa", "Kovac", "Larsen", "Morales", "Nguyen", "Olsen", "Patel", "Rossi",
        "Sandoval", "Tanaka", "Vogel", "Webb", "Alvarez", "Bishop", "Carver", "Dawson",
        "Ferreira", "Gomez", "Hale", "Ivanova", "Keane", "Lowell", "Mercer", "Navarro",
        "Osei", "Prescott", "Ramsey", "Sato", "Torres", "Vance", "Wilder", "Zhou",
        "Montgomery", "Pellegrino", "Richter", "Sutherland", "Whitaker", "Blackwood"]

CREDENTIALS = ["MD"] * 10 + ["MD, FACS"] * 3 + ["M.D."] * 2 + ["DO"] * 2 + [
    "MD FACS", "MD, PhD", "M.D., F.A.C.S.", "MD, MBA", "DO, FACS", "MBBS", "MD, FRCSC",
    "DDS", "MD, FAAD", "MD, MPH"]

# city, state or country code
CITIES = [("New York", "NY"), ("Los Angeles", "CA"), ("Chicago", "IL"), ("Houston", "TX"),
          ("Phoenix", "AZ"), ("Philadelphia", "PA"), ("San Antonio", "TX"),
          ("San Diego", "CA"), ("Dallas", "TX"), ("Austin", "TX"), ("Jacksonville", "FL"),
          ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"),
          ("San Francisco", "CA"), ("Seattle", "WA"), ("Denver", "CO"), ("Nashville", "TN"),
          ("Boston", "MA"), ("Portland", "OR"), ("Las Vegas", "NV"), ("Detroit", "MI"),
          ("Memphis", "TN"), ("Louisville", "KY"), ("Baltimore", "MD"), ("Milwaukee", "WI"),
          ("Albuquerque", "NM"), ("Tucson", "AZ"), ("Sacramento", "CA"),
          ("Kansas City", "MO"), ("Atlanta", "GA"), ("Miami", "FL"), ("Raleigh", "NC"),
          ("Omaha", "NE"), ("Minneapolis", "MN"), ("Tampa", "FL"), ("New Orleans", "LA"),
          ("Cleveland", "OH"), ("Honolulu", "HI"), ("Pittsburgh", "PA"),
          ("Cincinnati", "OH"), ("Orlando", "FL"), ("St. Louis", "MO"),
          ("Salt Lake City", "UT"), ("Scottsdale", "AZ"), ("Beverly Hills", "CA"),
          ("Santa Monica", "CA"), ("Newport Beach", "CA"), ("Boca Raton", "FL"),
          ("Palm Beach", "FL"), ("Greenwich", "CT"), ("Bellevue", "WA"), ("Plano", "TX"),
          ("Fort Lauderdale", "FL"), ("Richmond", "VA"), ("Charleston", "SC"),
          ("Birmingham", "AL"), ("Buffalo", "NY"), ("Madison", "WI"), ("Boise", "ID"),
          ("Anchorage", "AK"), ("Toronto", "ON"), ("Vancouver", "BC"), ("Calgary", "AB"),
          ("Montreal", "QC"), ("London", "UK"), ("Manchester", "UK"), ("Sydney", "NSW"),
          ("Melbourne", "VIC"), ("Dublin", "IE"), ("Naples", "FL"), ("La Jolla", "CA"),
          ("Coral Gables", "FL"), ("Rancho Santa Fe", "CA"), ("Chevy Chase", "MD"),
          ("Ann Arbor", "MI"), ("Sarasota", "FL"), ("Savannah", "GA"), ("Tulsa", "OK"),
          ("Oklahoma City", "OK"), ("Little Rock", "AR"), ("Des Moines", "IA"),
          ("Spokane", "WA"), ("Fresno", "CA"), ("Reno", "NV"), ("Hartford", "CT"),
          ("Providence", "RI"), ("Albany", "NY"), ("Syracuse", "NY"), ("Lexington", "KY")]

SPECIALTIES = {
    "inject": ["Dermatologist", "Facial Plastic Surgeon", "Plastic Surgeon",
               "Cosmetic Surgeon", "Oculoplastic Surgeon", "Aesthetic Physician",
               "Cosmetic Dermatologist"],
    "laser": ["Dermatologist", "Dermatologic Surgeon", "Plastic Surgeon",
              "Facial Plastic Surgeon", "Laser Surgeon", "Cosmetic Dermatologist"],
    "skin": ["Dermatologist", "Cosmetic Dermatologist", "Plastic Surgeon",
             "Facial Plastic Surgeon", "Aesthetic Physician"],
    "surgery": ["Plastic Surgeon"] * 4 + ["Facial Plastic Surgeon", "Cosmetic Surgeon",
                                          "Oculoplastic Surgeon", "Otolaryngologist",
                                          "Hair Restoration Surgeon", "General Surgeon"],
    "med": ["Dermatologist", "Family Physician", "Internist", "Physician",
            "Obstetrician", "Endocrinologist", "Plastic Surgeon"],
}

BREADCRUMBS = ["{K} Questions {T}", "Home > Questions > {T}", "{T} Q&A"]
KIND_NAMES = {"inject": "Injectables", "laser": "Laser", "skin": "Skin Care",
              "surgery": "Surgery", "med": "Medication"}

# Page furniture written for this benchmark (never a site's own wording).
SLOGANS = ["Straight answers from practicing physicians, reviewed by our editors.",
           "Real questions, answered by board certified doctors.",
           "Doctors you can trust, answering the questions patients ask."]
DISCLAIMER = ("These answers are for educational purposes only and do not replace "
              "a visit to your own physician.")
SOCIETY_HEAD = ["Ask a Surgeon", "Patient Questions",
                "Questions answered by member surgeons of our society"]
SOCIETY_BOILERPLATE = [
    "Every surgeon who answers here is certified in plastic surgery and has agreed "
    "to our code of conduct for patient education.",
    "Find a member surgeon near you to discuss your own goals in person.",
]
