#!/usr/bin/env python3
"""Are the reports' per-question consensus figures right on real pages?

usage: consensus_check.py [--consensus BIN] [--rules DIR] [--labels FILE]
                          [--json] PAGES_DIR SPLIT [PAGES_DIR SPLIT ...]

Runs `consensus analyze --no-html` on each split's labelled pages and sets
each question's consensus as the report states it (majority stance, level,
and `relabel.holds`: the share of redraws of the classifier's errors in which
that majority keeps its level) beside the same figures computed from the
labellers' stances of the same pages (every labelled answer with a body;
`none` takes no stance; the level by the rules' own thresholds:
consensus_min_answers stance-taking answers, a share of at least
consensus_strong / _moderate / _weak, and a posterior Beta(1 + k, 1 + n - k)
probability of at least consensus_posterior that the true share reaches it,
as docs/statistics.md defines; no majority on a tie).

Prints, over the questions of the splits:
- majority agreement: the report's majority stance (or no majority) equals
  the labels' (or both have none), over every question;
- over the questions the report gives a level (weak, moderate or strong):
  how often the labels have the same majority, and how often the same
  majority at that level or higher ("holds" by the labels);
- whether `relabel.holds` is honest: its mean against that observed rate,
  and the two by bins of holds (a well-calibrated holds of 0.3 should come
  true three times in ten);
- whether the majority share's range under the redraws (`relabel.share_lo`
  .. `share_hi`, a 95% range) holds the labels' share of the same stance,
  over every question with a majority in the report.
The labels are the labellers' stances; the reader's misses count (an answer
the reader missed is in the labels' counts, not the report's). A dev script;
never part of the product.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
STANCES = ["reassuring", "cautionary", "contraindicated"]
LEVELS = ["none", "insufficient", "weak", "moderate", "strong"]


def setting(rules, name, default):
    for line in open(os.path.join(rules, "settings.rules")):
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "setting" and parts[1] == name:
            return float(parts[2].split("=", 1)[1])
    return default


def beta_sf(t, a, b):
    """P(X >= t) for X ~ Beta(a, b), a and b whole: P(Binomial(a + b - 1, t) <= a - 1)."""
    n = a + b - 1
    return min(1.0, sum(math.comb(n, j) * t ** j * (1 - t) ** (n - j) for j in range(a)))


def level_of(counts, th):
    """The rules' consensus level of stance counts: (majority or None, level)."""
    n = sum(counts[s] for s in STANCES)
    ranked = sorted(STANCES, key=lambda s: -counts[s])
    if n == 0:
        return None, "none"
    top = ranked[0]
    if counts[top] == counts[ranked[1]]:
        return None, "none" if n >= th["min"] else "insufficient"
    if n < th["min"]:
        return top, "insufficient"
    k = counts[top]
    share = k / n
    for name in ("strong", "moderate", "weak"):
        if share >= th[name] and beta_sf(th[name], 1 + k, 1 + n - k) >= th["posterior"]:
            return top, name
    return top, "none"


def analyze(args, pages, files, tmp):
    """report.json's questions for the given page files."""
    folder = os.path.join(tmp, "pages")
    os.makedirs(folder, exist_ok=True)
    for f in files:
        os.symlink(os.path.abspath(os.path.join(pages, f)), os.path.join(folder, f))
    out = os.path.join(tmp, "out")
    subprocess.run([args.consensus, "analyze", "--no-html", "--quiet", "--rules", args.rules,
                    "--out", out, folder], capture_output=True, text=True)
    with open(os.path.join(out, "report.json")) as fh:
        return json.load(fh)["questions"]


def main():
    ap = argparse.ArgumentParser(description="Check the reports' consensus against the labels.")
    ap.add_argument("sets", nargs="+", metavar="PAGES_DIR SPLIT")
    ap.add_argument("--consensus", default=os.path.join(TOP, "build", "consensus"))
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--labels", default=os.path.join(TOP, "tests", "real", "labels.jsonl"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if len(args.sets) % 2:
        ap.error("give PAGES_DIR SPLIT pairs")
    th = {"min": setting(args.rules, "consensus_min_answers", 5),
          "strong": setting(args.rules, "consensus_strong", 0.75),
          "moderate": setting(args.rules, "consensus_moderate", 0.60),
          "weak": setting(args.rules, "consensus_weak", 0.50),
          "posterior": setting(args.rules, "consensus_posterior", 0.8)}
    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    rows = []
    for pages, split in zip(args.sets[0::2], args.sets[1::2]):
        mine = [l for l in labels if l["split"] == split
                and os.path.exists(os.path.join(pages, l["file"]))]
        gold = defaultdict(Counter)
        for l in mine:
            gold[l["file"]][l["stance"]] += 1
        with tempfile.TemporaryDirectory() as tmp:
            questions = analyze(args, pages, sorted(gold), tmp)
        for q in questions:
            counts = Counter()
            for f in q["files"]:
                counts.update(gold.get(f, {}))
            c = q["consensus"]
            g_major, g_level = level_of(counts, th)
            r_major = c["majority"] if not c.get("tie") else None
            relabel = c.get("relabel") or {}
            holds = relabel.get("holds")
            n_stance = sum(counts[t] for t in STANCES)
            label_share = (counts[r_major] / n_stance if r_major and n_stance else None)
            rows.append({"split": split, "files": q["files"], "report_majority": r_major,
                         "report_counts": q["stance_counts"], "label_counts": dict(counts),
                         "report_level": c["level"], "holds": holds, "label_majority": g_major,
                         "label_level": g_level, "share_lo": relabel.get("share_lo"),
                         "share_hi": relabel.get("share_hi"), "label_share": label_share})
    n = len(rows)
    agree = sum(r["report_majority"] == r["label_majority"] for r in rows)
    leveled = [r for r in rows if r["report_level"] in ("weak", "moderate", "strong")]
    same = [r for r in leveled if r["label_majority"] == r["report_majority"]]
    came_true = [r for r in leveled if r["label_majority"] == r["report_majority"]
                 and LEVELS.index(r["label_level"]) >= LEVELS.index(r["report_level"])]
    with_holds = [r for r in leveled if isinstance(r["holds"], (int, float))]
    true_set = {id(r) for r in came_true}
    bins = defaultdict(lambda: [0, 0.0, 0])
    for r in with_holds:
        b = min(int(r["holds"] * 5), 4)
        bins[b][0] += 1
        bins[b][1] += r["holds"]
        bins[b][2] += id(r) in true_set
    ranged = [r for r in rows if isinstance(r["share_lo"], (int, float))
              and isinstance(r["share_hi"], (int, float)) and r["label_share"] is not None]
    covered = [r for r in ranged if r["share_lo"] - 1e-9 <= r["label_share"] <= r["share_hi"] + 1e-9]
    summary = {
        "share_range_questions": len(ranged),
        "share_range_coverage": len(covered) / len(ranged) if ranged else None,
        "questions": n, "majority_agreement": agree / n if n else None,
        "leveled": len(leveled),
        "leveled_same_majority": len(same) / len(leveled) if leveled else None,
        "leveled_holds_by_labels": len(came_true) / len(leveled) if leveled else None,
        "mean_relabel_holds": (sum(r["holds"] for r in with_holds) / len(with_holds)
                               if with_holds else None),
        "levels": dict(Counter(r["report_level"] for r in rows)),
        "label_levels": dict(Counter(r["label_level"] for r in rows)),
        "holds_bins": {f"{b / 5:.1f}-{(b + 1) / 5:.1f}": {"questions": v[0],
                                                          "mean_holds": v[1] / v[0],
                                                          "came_true": v[2] / v[0]}
                       for b, v in sorted(bins.items())},
    }
    if args.json:
        print(json.dumps({"summary": summary, "questions": rows}, indent=1))
        return
    splits = ", ".join(args.sets[1::2])
    print(f"{n} questions of {splits}: the report's majority equals the labels' in "
          f"{agree} ({100 * agree / max(n, 1):.1f}%)")
    print(f"  report levels: {summary['levels']}; by the labels: {summary['label_levels']}")
    if leveled:
        print(f"  {len(leveled)} questions with a level in the report (weak/moderate/strong): "
              f"same majority by the labels {len(same)} ({100 * len(same) / len(leveled):.0f}%), "
              f"same majority at that level or higher {len(came_true)} "
              f"({100 * len(came_true) / len(leveled):.0f}%)")
    if ranged:
        print(f"  relabel share range (its 95% range of the majority's share under the redraws): "
              f"holds the labels' share of that stance in {len(covered)} of {len(ranged)} "
              f"questions ({100 * len(covered) / len(ranged):.1f}%)")
    if with_holds:
        print(f"  relabel.holds: mean {summary['mean_relabel_holds']:.2f} against "
              f"{len([r for r in with_holds if id(r) in true_set]) / len(with_holds):.2f} "
              f"that came true by the labels")
        for k, v in summary["holds_bins"].items():
            print(f"    holds {k}: {v['questions']:4d} questions, mean holds {v['mean_holds']:.2f}, "
                  f"came true {v['came_true']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
