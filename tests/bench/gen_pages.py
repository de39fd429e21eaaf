#!/usr/bin/python3
"""gen_pages: a seeded corpus of realistic physician Q&A pages for the benchmark.

Writes about --mb megabytes (10^6 bytes) of question pages into --out, in every
layout the corpus reader knows: "Doctor Answers N" pages with titles, vote
lines, signatures and ratings; bracketed counts behind an "Ask a doctor"
header; answers one a line under "N Answers"; bare pages whose answers open
with greetings, or stand two blank lines apart; flat pages (a slogan, one
answer a line, cut-off excerpts of other pages' answers); dated pages whose
answers open with "Answer:"; pages whose answers open with a short lead phrase
("Usually fine: ..."); a surgeons' society page with its boilerplate; pages
cut off at a fixed length; JSON Lines files of several pages; and questions
posted again on another page, some answers repeated word for word (so the
de-duplication has real work). Every answer is distinct text built from the
sentence templates of words.py; physicians (name, credentials, city,
specialty, rating) come from a pool that grows with the corpus, the busiest of
them answering many questions, as on real sites.

Same --seed and --mb => the same bytes. Standard library only.
--answers FILE also writes every answer's text once, one a line (the input of
the comparison tools). A summary (files, bytes, pages per layout, answers) is
printed as JSON on stdout.

--pages FIRST-LAST generates the same stream but writes only the files whose
number (the N of pN.txt / pN.jsonl) lies in that range, in the same folders,
each byte for byte as a full run writes it, and stops after LAST: a cheap way
to look at one page of a large corpus (the summary then counts up to LAST).

Usage: gen_pages.py --mb 10 --seed 1 --out DIR [--answers FILE] [--pages FIRST-LAST]
"""
import argparse
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import words as W  # noqa: E402

FILES_PER_DIR = 1000
LAYOUTS = [  # name, weight
    ("structured", 33), ("bracketed", 6), ("one_a_line", 5), ("bare_greetings", 7),
    ("bare_wide", 5), ("flat", 7), ("dated", 8), ("leads", 8), ("society", 6),
    ("jsonl", 7), ("repost", 5), ("cutoff", 3),
]
STANCES = ["reassuring", "cautionary", "contraindicated", "none"]
PROFILES = [  # a question's stance mix: lopsided or contested
    [0.75, 0.12, 0.03, 0.10], [0.15, 0.65, 0.10, 0.10], [0.10, 0.30, 0.50, 0.10],
    [0.40, 0.40, 0.10, 0.10], [0.55, 0.25, 0.10, 0.10], [0.30, 0.20, 0.40, 0.10],
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
VOTE_LINE = "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}"


def cap(s):
    return s[:1].upper() + s[1:]


def wchoice(rng, items, weights):
    return rng.choices(items, weights)[0]


class Physicians:
    """A pool of physicians per treatment kind; a few answer very often."""

    def __init__(self, rng, size):
        self.by_kind = {k: [] for k in W.SPECIALTIES}
        kinds = list(W.SPECIALTIES)
        for _ in range(size):
            kind = rng.choice(kinds)
            name = rng.choice(W.FIRST)
            if rng.random() < 0.3:
                name += " " + rng.choice("ABCDEFGHJKLMNPRSTW") + "."
            name += " " + rng.choice(W.LAST)
            city, state = rng.choice(W.CITIES)
            reviews = int(1 + rng.paretovariate(1.2) * 4)
            self.by_kind[kind].append({
                "name": name + ", " + rng.choice(W.CREDENTIALS), "last": name.split()[-1],
                "city": city, "state": state,
                "specialty": rng.choice(W.SPECIALTIES[kind]),
                "rating": round(rng.uniform(4.0, 5.0), 1), "reviews": min(reviews, 900)})

    def pick(self, rng, kind):
        pool = self.by_kind[kind]
        return pool[int(len(pool) * rng.random() ** 1.6)]


class Gen:
    def __init__(self, seed, mb):
        self.rng = random.Random(seed)
        self.docs = Physicians(self.rng, 300 + 60 * mb)
        self.seen = set()  # digests of answers made, to keep each one distinct
        self.questions = []  # earlier questions, for reposts and excerpts

    # ---- text ----
    def slots(self, q, extra=None):
        r = self.rng
        unit, lo, hi = r.choice(W.UNITS_SHORT)
        act = r.choice(W.CONCERNS[q["concern"]]["act"]).replace("{m}", q["med"])
        d = {"t": q["t"], "T": cap(q["t"]), "t2": q["t2"], "T2": cap(q["t2"]),
             "act": act, "Act": cap(act), "n": str(r.randint(lo, hi)), "unit": unit,
             "harm": r.choice(W.HARMS[q["kind"]]), "reason": r.choice(W.REASONS[q["kind"]]),
             "alt": r.choice(W.ALTERNATIVES[q["kind"]]), "yrs": str(r.randint(5, 35)),
             "m": q["med"], "M": cap(q["med"]), "h": str(r.randint(3, 14)),
             "K": W.KIND_NAMES[q["kind"]]}
        if extra:
            d.update(extra)
        return d

    def fill(self, q, template):
        return cap(template.format(**self.slots(q)))

    def sentences(self, q, stance, n):
        pool = {"reassuring": W.REASSURING, "cautionary": W.CAUTIONARY,
                "contraindicated": W.CONTRAINDICATED, "none": W.NEUTRAL}[stance]
        return [self.fill(q, t) for t in self.rng.sample(pool, min(n, len(pool)))]

    def noisy(self, text):
        """Curly apostrophes, no-break spaces, double spaces: as on real pages."""
        r = self.rng
        if r.random() < 0.2:
            text = text.replace("'", "\u2019")
        if r.random() < 0.05:
            text = text.replace(". ", ".\u00a0", 1)
        if r.random() < 0.08:
            text = text.replace(". ", ".  ")
        return text

    def answer(self, q, stance, doc):
        r = self.rng
        for attempt in range(8):
            n = wchoice(r, [1, 2, 3, 4, 5, 6, 7], [8, 18, 24, 20, 14, 10, 6])
            body = self.sentences(q, stance, n)
            if stance != "none" and r.random() < 0.3:  # a hedge or an aside
                other = r.choice(["reassuring", "cautionary", "none"])
                body.insert(r.randint(1, len(body)), self.sentences(q, other, 1)[0])
            if r.random() < 0.25:
                body.insert(0, r.choice(W.OPENERS))
            if r.random() < 0.2:
                body.append(r.choice(W.CLOSERS))
            if r.random() < 0.04:
                body.append("Best, Dr. " + doc["last"])
            if attempt >= 4:  # rare: make it distinct by a detail of the case
                body.append("I have done this for %d years in %s." % (r.randint(3, 40),
                                                                        doc["city"]))
            paras, cur = [], []
            for s in body:
                cur.append(s)
                if len(cur) >= 3 and r.random() < 0.45:
                    paras.append(" ".join(cur))
                    cur = []
            if cur:
                paras.append(" ".join(cur))
            paras = [self.noisy(p) for p in paras]
            key = hashlib.blake2b(" ".join(paras).encode(), digest_size=8).digest()
            if key not in self.seen:
                self.seen.add(key)
                break
        title = self.fill(q, r.choice(W.TITLES[stance]))
        if len(title) > 90:
            title = cap(q["t2"]) + " and " + q["act"]
        return {"stance": stance, "paras": paras, "title": title, "doc": doc,
                "lead": r.choice(W.LEADS[stance])}

    def question(self):
        r = self.rng
        t, kind, t2 = r.choice(W.TREATMENTS)
        concern = r.choice(list(W.CONCERNS))
        q = {"t": t, "kind": kind, "t2": t2, "concern": concern, "med": r.choice(W.MEDS)}
        q["act"] = r.choice(W.CONCERNS[concern]["act"]).replace("{m}", q["med"])
        s = self.slots(q)
        q["title"] = cap(r.choice(W.CONCERNS[concern]["titles"]).format(**s))
        body = [r.choice(W.CONCERNS[concern]["asker"]).format(**s)]
        body += r.sample(W.ASKER_EXTRA, r.randint(0, 2))
        q["body"] = cap(" ".join(body))
        profile = r.choice(PROFILES)
        k = wchoice(r, list(range(2, 13)), [4, 8, 10, 12, 12, 10, 8, 6, 4, 3, 2])
        docs = []
        for _ in range(k):  # a physician answers a question once, nearly always
            d = self.docs.pick(r, kind)
            for _retry in range(4):
                if all(d is not x for x in docs):
                    break
                d = self.docs.pick(r, kind)
            docs.append(d)
        q["answers"] = [self.answer(q, wchoice(r, STANCES, profile), d) for d in docs]
        q["url"] = "https://questions.example/q/%s-%d" % (
            "-".join(q["title"].lower().replace("?", "").split()[:6]), len(self.questions))
        return q

    # ---- signatures ----
    def signature(self, doc, style=None):
        r = self.rng
        style = style or wchoice(r, ["full", "norating", "noname", "none", "place"],
                                 [60, 15, 10, 10, 5])
        rating = "%.1f out of 5 stars %d reviews" % (doc["rating"], doc["reviews"])
        if r.random() < 0.05:
            rating = rating.replace(" reviews", " review") if doc["reviews"] == 1 else rating
        cityspec = "%s %s" % (doc["city"], doc["specialty"])
        return {"full": [doc["name"], cityspec, rating], "norating": [doc["name"], cityspec],
                "noname": [cityspec, rating], "none": [],
                "place": [doc["name"], "%s, %s" % (doc["city"], doc["state"])]}[style]

    # ---- layouts: each returns the page text ----
    def head(self, q, marker):
        r = self.rng
        out = []
        if r.random() < 0.15:
            out += [r.choice(W.BREADCRUMBS).format(K=W.KIND_NAMES[q["kind"]], T=cap(q["t"])),
                    ""]
        out += [q["title"], ""]
        if r.random() < 0.92:
            out += [q["body"], ""]
        return out + [marker, ""]

    def declared(self, q):
        k = len(q["answers"])
        return k + (self.rng.randint(1, 4) if self.rng.random() < 0.1 else 0)

    def structured(self, q, bracketed=False):
        r = self.rng
        if bracketed:
            out = ["Ask a doctor", ""] + self.head(q, "Doctor Answers (%d)" % self.declared(q))
        else:
            out = self.head(q, "Doctor Answers %d" % self.declared(q))
        vote = wchoice(r, ["none", "template", "plus"], [45, 40, 15])
        widget_at = r.randint(2, 6) if r.random() < 0.1 else -1
        for i, a in enumerate(q["answers"]):
            if i == widget_at:
                out += ["You might also like...", ""]
            if r.random() < 0.9:
                out.append(a["title"])
                if vote == "template":
                    out.append(VOTE_LINE)
                elif vote == "plus":
                    out += ["", "+%d" % r.randint(0, 12)]
                out.append("")
            for p in a["paras"]:
                out += [p, ""]
            sig = self.signature(a["doc"])
            if sig:
                out += sig + [""]
        if r.random() < 0.6:
            out.append(W.DISCLAIMER)
        return "\n".join(out) + "\n"

    def one_a_line(self, q):
        r = self.rng
        out = self.head(q, "%d Answers" % len(q["answers"]))
        for a in q["answers"]:
            out.append(" ".join(a["paras"]))
            if r.random() < 0.15:
                out.append(a["doc"]["name"])
        return "\n".join(out) + "\n"

    def bare_greetings(self, q):
        r = self.rng
        out = [q["title"], "", q["body"], ""]
        for i, a in enumerate(q["answers"]):
            paras = list(a["paras"])
            if i > 0 and not any(paras[0].startswith(o.rstrip(",.")) for o in W.OPENERS):
                paras[0] = r.choice(W.OPENERS) + " " + paras[0]
            for p in paras:
                out += [p, ""]
        return "\n".join(out)

    def bare_wide(self, q):
        r = self.rng
        out = [q["title"], "", "", q["body"], "", ""]
        for a in q["answers"]:
            out.append("\n\n".join(a["paras"]))
            if r.random() < 0.25:
                d = a["doc"]
                out += ["", d["name"].replace(", MD", ", M.D."),
                        "%s %s" % (d["city"], d["specialty"])]
            out += ["", ""]
        return "\n".join(out)

    def excerpt(self, a):
        text = " ".join(a["paras"])
        cut = self.rng.randint(90, 200)
        if len(text) <= cut + 20:
            return None
        return text[:cut].rsplit(" ", 1)[0] + "..."

    def flat(self, q):
        r = self.rng
        out = [r.choice(W.SLOGANS) if r.random() < 0.6 else q["title"]]
        out += [" ".join(a["paras"]) for a in q["answers"]]
        for _ in range(r.randint(0, 3)):  # related questions: excerpts of other pages
            if self.questions:
                other = r.choice(self.questions[-200:])
                ex = self.excerpt(r.choice(other["answers"]))
                if ex:
                    out.append(ex)
        return "\n".join(out) + "\n"

    def dated(self, q):
        """Each answer under its date, opening with "Answer:", signed below."""
        r = self.rng
        out = self.head(q, "%d Answers" % len(q["answers"]))
        for a in q["answers"]:
            day = "%s %d, %d" % (r.choice(MONTHS), r.randint(1, 28), r.randint(2012, 2024))
            out += ["Answered " + day if r.random() < 0.5 else day, ""]
            out += ["Answer: " + a["paras"][0], ""]
            for p in a["paras"][1:]:
                out += [p, ""]
            sig = self.signature(a["doc"], r.choice(["norating", "place", "full"]))
            out += sig + [""]
        return "\n".join(out)

    def leads(self, q):
        r = self.rng
        out = self.head(q, "%d doctor answers" % len(q["answers"]))
        for a in q["answers"]:
            d = a["doc"]
            paras = list(a["paras"])
            paras[0] = a["lead"] + ": " + paras[0]
            for p in paras:
                out += [p, ""]
            sig = [d["name"], "%s %s" % (d["city"], d["specialty"])]
            if r.random() < 0.2:
                sig.append("%d years in practice" % r.randint(4, 40))
            out += sig + [""]
        return "\n".join(out)

    def society(self, q):
        r = self.rng
        out = [r.choice(W.SOCIETY_HEAD), "", W.SOCIETY_BOILERPLATE[0], "", q["title"], "",
               q["body"], "", "Answers (%d)" % len(q["answers"]), ""]
        for a in q["answers"]:
            d = a["doc"]
            for p in a["paras"]:
                out += [p, ""]
            out += [d["name"], "%s, %s" % (d["city"], d["state"]), ""]
        tail = [W.SOCIETY_BOILERPLATE[1], "", W.DISCLAIMER]
        if r.random() < 0.5:  # the boilerplate after the disclaimer
            tail = tail[2:] + [""] + tail[:1]
        out += tail
        return "\n".join(out) + "\n"

    def cutoff(self, q):
        text = self.structured(q)
        cut = self.rng.randint(1600, 2600)
        return text[:cut] if len(text) > cut + 50 else text

    def jsonl_page(self, q):
        ans = []
        for a in q["answers"]:
            d = a["doc"]
            named = self.rng.random() < 0.85
            ans.append({"title": a["title"], "text": "\n\n".join(a["paras"]),
                        "name": d["name"] if named else None,
                        "city": d["city"] if named else None, "specialty": d["specialty"],
                        "rating": d["rating"] if named else None,
                        "reviews": d["reviews"] if named else None})
        return json.dumps({"url": q["url"], "question": q["title"], "body": q["body"],
                           "answers": ans}, ensure_ascii=False) + "\n"

    def repost(self):
        """An earlier question on another site: some answers word for word, others new."""
        r = self.rng
        old = r.choice(self.questions[-500:])
        q = dict(old)
        keep = [a for a in old["answers"] if r.random() < 0.6]
        new = [self.answer(q, r.choice(STANCES), self.docs.pick(r, q["kind"]))
               for _ in range(r.randint(0, 3))]
        q["answers"] = (keep + new) or new or old["answers"][:1]
        return q, new, r.choice(["structured", "society", "leads", "flat"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--answers")
    ap.add_argument("--pages", help="FIRST-LAST: write only the files numbered so")
    a = ap.parse_args()
    first, last = 0, None
    if a.pages:
        if a.answers:
            ap.error("--pages writes pages only (no --answers)")
        lo, _, hi = a.pages.partition("-")
        first, last = int(lo), int(hi or lo)
    g = Gen(a.seed, max(1, int(a.mb)))
    target = int(a.mb * 1e6)
    os.makedirs(a.out, exist_ok=True)
    ans_f = open(a.answers, "w", encoding="utf-8", newline="\n") if a.answers else None
    total = files = answers_written = 0
    per_layout = {}
    jsonl_buf = []
    names = [n for n, _ in LAYOUTS]
    weights = [w for _, w in LAYOUTS]

    def write(name, text):
        nonlocal total, files
        d = os.path.join(a.out, "%04d" % (files // FILES_PER_DIR))
        data = text.encode("utf-8")
        if last is None or first <= int(name[1:].split(".")[0]) <= last:
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        total += len(data)
        files += 1

    def record(answers):
        nonlocal answers_written
        if ans_f:
            for x in answers:
                ans_f.write(" ".join(x["paras"]).replace("\n", " ") + "\n")
        answers_written += len(answers)

    n = 0
    while total < target and (last is None or n < last):
        layout = wchoice(g.rng, names, weights)
        if layout == "repost" and len(g.questions) < 20:
            layout = "structured"
        if layout == "repost":
            q, fresh, layout_used = g.repost()
            record(fresh)
        else:
            q = g.question()
            record(q["answers"])
            g.questions.append(q)
            if len(g.questions) > 1000:
                del g.questions[:500]
            layout_used = layout
        per_layout[layout] = per_layout.get(layout, 0) + 1
        n += 1
        if layout_used == "jsonl":
            jsonl_buf.append(g.jsonl_page(q))
            if len(jsonl_buf) == 10:
                write("p%07d.jsonl" % n, "".join(jsonl_buf))
                jsonl_buf = []
            continue
        render = {"structured": g.structured, "bracketed": lambda x: g.structured(x, True),
                  "one_a_line": g.one_a_line, "bare_greetings": g.bare_greetings,
                  "bare_wide": g.bare_wide, "flat": g.flat, "dated": g.dated,
                  "leads": g.leads, "society": g.society, "cutoff": g.cutoff}[layout_used]
        write("p%07d.txt" % n, render(q))
    if jsonl_buf:
        write("p%07d.jsonl" % (n + 1), "".join(jsonl_buf))
    if ans_f:
        ans_f.close()
    json.dump({"seed": a.seed, "mb": a.mb, "files": files, "bytes": total, "pages": n,
               "answers": answers_written, "layouts": dict(sorted(per_layout.items()))},
              sys.stdout)
    print()


if __name__ == "__main__":
    main()
