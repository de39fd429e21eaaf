#!/usr/bin/env python3
"""Does the review queue point an editor at the classifier's errors on real pages?

usage: review_check.py [--consensus BIN] [--rules DIR] [--labels FILE] [--json]
                       PAGES_DIR SPLIT [PAGES_DIR SPLIT ...]

Runs `consensus analyze --no-html` on each split's labelled pages, aligns the
report's answers (answers.jsonl) with the labels by the hash of their first
words (realset.prefix_hash), and sets the report's `review_queue` beside the
classifier's errors (a found answer whose stance differs from its label):
- the queue's share of the found answers, the share of the errors it holds,
  and the error rate inside and outside it;
- each reason's answers and their error rate;
- the queue's order: the error rate of its first 10%, 25% and 50% (an editor
  reads from the top), against picking the same number of answers at random
  (the overall error rate);
- per question: the questions whose report majority differs from the
  labellers' (majority of stance-taking labels; none on a tie), and how many
  of them have at least one answer in the queue.
Answers the reader missed are left out (the queue cannot hold them; score.py
counts them). A dev script; never part of the product.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.dirname(HERE))
import realset  # noqa: E402

STANCES = ("reassuring", "cautionary", "contraindicated")


def majority(stances):
    c = Counter(s for s in stances if s in STANCES)
    if not c:
        return None
    top = c.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None
    return top[0][0]


def run(args, pages, files, tmp, split):
    src = os.path.join(tmp, split, "pages")
    out = os.path.join(tmp, split, "out")
    os.makedirs(src)
    for f in files:
        os.symlink(os.path.abspath(os.path.join(pages, f)), os.path.join(src, f))
    subprocess.run([args.consensus, "analyze", "--no-html", "--quiet", "--rules", args.rules,
                    "--out", out, src], check=False)
    report = json.load(open(os.path.join(out, "report.json")))
    answers = [json.loads(l) for l in open(os.path.join(out, "answers.jsonl")) if l.strip()]
    return report, answers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="+", help="PAGES_DIR SPLIT ...")
    ap.add_argument("--consensus", default=os.path.join(TOP, "build", "consensus"))
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--labels", default=os.path.join(os.path.dirname(HERE), "labels.jsonl"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if len(args.pairs) % 2:
        ap.error("give PAGES_DIR SPLIT pairs")
    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    rows = []       # (in queue, wrong, reasons, rank) per found answer
    questions = []  # (report majority differs from the labels', queued)
    n_queue_items = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pages, split in zip(args.pairs[::2], args.pairs[1::2]):
            labs = [l for l in labels if l["split"] == split]
            by_key = {(l["file"], l["hash"]): l for l in labs}
            report, answers = run(args, pages, sorted({l["file"] for l in labs}), tmp, split)
            queue = {it["answer_id"]: it for it in report["review_queue"]}
            n_queue_items += len(queue)
            gold_of_q = defaultdict(list)
            queued_q = defaultdict(bool)
            for a in answers:
                if a.get("duplicate_of") or a.get("related"):
                    continue
                lab = by_key.get((a["file"], realset.prefix_hash(a.get("text") or "")))
                it = queue.get(a["answer_id"])
                queued_q[a["question_id"]] |= it is not None
                if lab is None:
                    continue
                gold_of_q[a["question_id"]].append(lab["stance"])
                wrong = (a.get("stance") or "none") != lab["stance"]
                rows.append((it is not None, wrong,
                             [r["code"] for r in it["reasons"]] if it else [],
                             it["rank"] if it else None))
            for q in report["questions"]:
                gold = majority(gold_of_q.get(q["id"], []))
                said = (q.get("consensus") or {}).get("majority")
                said = said if said in STANCES else None
                if gold_of_q.get(q["id"]):
                    questions.append((said != gold, queued_q[q["id"]]))
    n = len(rows)
    wrong = sum(r[1] for r in rows)
    inq = [r for r in rows if r[0]]
    outq = [r for r in rows if not r[0]]
    m = {
        "answers": n, "errors": wrong, "error_rate": wrong / n,
        "queue_share": len(inq) / n,
        "errors_in_queue": sum(r[1] for r in inq) / wrong,
        "error_rate_in_queue": sum(r[1] for r in inq) / max(len(inq), 1),
        "error_rate_outside": sum(r[1] for r in outq) / max(len(outq), 1),
        "reasons": {}, "top": {}, "questions": len(questions),
        "questions_wrong": sum(w for w, _ in questions),
        "questions_wrong_queued": sum(w and qd for w, qd in questions),
        "questions_right_queued": sum((not w) and qd for w, qd in questions),
    }
    reasons = Counter(c for r in inq for c in r[2])
    for c, k in reasons.most_common():
        m["reasons"][c] = {"answers": k, "error_rate": sum(r[1] for r in inq if c in r[2]) / k}
    ranked = sorted(inq, key=lambda r: r[3])
    for frac in (0.1, 0.25, 0.5):
        k = max(1, int(round(frac * len(ranked))))
        m["top"][str(frac)] = {"answers": k, "error_rate": sum(r[1] for r in ranked[:k]) / k}
    if args.json:
        print(json.dumps(m, indent=1))
        return
    print(f"{n} found labelled answers, {wrong} wrong ({100 * m['error_rate']:.1f}%); "
          f"the queue holds {100 * m['queue_share']:.1f}% of them and "
          f"{100 * m['errors_in_queue']:.1f}% of the errors "
          f"(wrong: {100 * m['error_rate_in_queue']:.1f}% inside, "
          f"{100 * m['error_rate_outside']:.1f}% outside)")
    for c, v in m["reasons"].items():
        print(f"  {c:<20} {v['answers']:5d} answers, {100 * v['error_rate']:.1f}% wrong")
    for frac, v in m["top"].items():
        print(f"  the queue's first {100 * float(frac):.0f}% ({v['answers']} answers): "
              f"{100 * v['error_rate']:.1f}% wrong")
    print(f"questions: {m['questions']}; the report's majority differs from the labels' on "
          f"{m['questions_wrong']}, of which {m['questions_wrong_queued']} have an answer in the "
          f"queue ({m['questions_right_queued']} of the other "
          f"{m['questions'] - m['questions_wrong']} do)")


if __name__ == "__main__":
    main()
