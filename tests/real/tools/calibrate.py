#!/usr/bin/env python3
"""Calibrate the classifier's confidence on labelled real pages: fit the
temperature T of `setting confidence_temperature` (rules/settings.rules).

usage: calibrate.py [--consensus BIN] [--rules DIR] [--labels FILE]
                    [--temperature T] [--folds K [--l2 X]] [--bootstrap N]
                    [--table] [--json]
                    PAGES_DIR SPLIT [PAGES_DIR SPLIT ...]

For each (PAGES_DIR, SPLIT) pair, runs `consensus classify` on the split's
labelled pages, aligns each label with the reader's answer exactly as
tests/real/score.py does (its `align`), and reads the learned decision's four
probabilities from `classify --explain`. Answers the reader missed, and those
whose confidence is fixed rather than the model's (related-question excerpts,
title-only answers), are left out and counted.

The confidence of an answer is its label's probability softmax(z / T); the
label never changes with T, so accuracy does not either. Prints T (fitted by
minimizing the mean negative log-likelihood of the gold stance over
1/T, where it is convex: a golden-section search), and before (the rules' own
temperature) and after: mean confidence, accuracy, expected calibration error
(10 equal-width confidence bins), Brier score (multi-class: the sum over the
four labels of the squared gap, 0..2), NLL, and the share of answers whose
confidence falls under `review_low_confidence` (the review queue's unsure
flag), how often those answers are wrong against the rest, and what share of
the classifier's errors they hold. With --temperature T, only evaluates T (no fit).

T is relative to the rules' own `confidence_temperature`: the value to write
into settings.rules is the product of the two, printed as "setting value".

With --folds K, the probabilities are out-of-fold: pages are dealt into K
folds by id (as tests/real/tools/cv_fit.py deals them), and each fold is
classified by decision weights refitted without it, by the recipe of
tests/real/tools/fit_decision.sh (the other folds' labels of the given splits,
the tests/data sets, the seeds counting three times, L2 --l2). That is the
honest input for T: in-sample probabilities of the pages the weights were
fitted on are too sure. A dev script: never give it a validation split while
tuning.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from score import align, predicted  # noqa: E402

ORDER = ["reassuring", "cautionary", "contraindicated", "none"]
HEADER = re.compile(r"^== (\S+) #(\d+)  ")
PROBS = re.compile(r"^  probabilities: reassuring (\S+), cautionary (\S+), "
                   r"contraindicated (\S+), none (\S+)$")
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))


def setting(rules, name, default):
    """A setting's value from RULES/settings.rules (else the default)."""
    path = os.path.join(rules, "settings.rules")
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"\s*setting\s+" + re.escape(name) + r"\s+value=(\S+)", line)
            if m:
                return float(m.group(1))
    return default


def classify(consensus, rules, paths):
    """The `classify` lines of paths, each with "probabilities" (label ->
    probability, from --explain) when the learned decision gave them."""
    lines = subprocess.run([consensus, "classify", "--rules", rules] + paths,
                           capture_output=True, text=True).stdout
    answers = [json.loads(l) for l in lines.splitlines()]
    explain = subprocess.run([consensus, "classify", "--explain", "--color", "never",
                              "--rules", rules] + paths, capture_output=True, text=True).stdout
    # --explain prints the answers in the same order as the lines: walk both,
    # a block starting at the header of the next expected answer (a line of
    # answer text cannot start it by accident unless it names that answer).
    j = -1
    for line in explain.splitlines():
        h = HEADER.match(line)
        if h and j + 1 < len(answers) and \
                (h.group(1), int(h.group(2))) == (answers[j + 1]["file"], answers[j + 1]["index"]):
            j += 1
            continue
        m = PROBS.match(line)
        if m and j >= 0:
            answers[j]["probabilities"] = dict(zip(ORDER, map(float, m.groups())))
    if j + 1 != len(answers):
        sys.exit(f"calibrate: --explain showed {j + 1} answers, classify {len(answers)}")
    return answers


def collect(answers, labels, present):
    """(probabilities, predicted, gold) of the found answers with model
    probabilities; and counts of the missed and of the fixed-confidence
    answers."""
    by_file = defaultdict(list)
    for a in answers:
        by_file[a["file"]].append(a)
    rows, missed, fixed = [], 0, 0
    for lab, match in align(labels, by_file, set(present))[0]:
        if match is None:
            missed += 1
        elif "probabilities" not in match:
            fixed += 1
        else:
            probs = [match["probabilities"][k] for k in ORDER]
            if abs(probs[ORDER.index(match["stance"])] - match["confidence"]) > 1e-3:
                sys.exit(f"calibrate: {match['file']} #{match['index']}: --explain and classify "
                         "disagree")
            typed = [f[len("qtype/"):] for f in match.get("question_flags") or []
                     if f.startswith("qtype/")]
            rows.append(([match["probabilities"][k] for k in ORDER],
                         ORDER.index(predicted(match)), ORDER.index(lab["stance"]), lab["file"],
                         {"qtype": typed[0] if typed else "untyped",
                          "gold_type": lab.get("question_type", "other")}))
    return rows, missed, fixed


def temper(p, t):
    """softmax(z / t) from p = softmax(z)."""
    logs = [math.log(max(x, 1e-300)) / t for x in p]
    top = max(logs)
    e = [math.exp(x - top) for x in logs]
    s = sum(e)
    return [x / s for x in e]


def nll(logs, t):
    """Mean -log softmax(z / t)[gold] over (log p, gold) pairs."""
    total = 0.0
    for lp, y in logs:
        scaled = [x / t for x in lp]
        top = max(scaled)
        total += top + math.log(sum(math.exp(x - top) for x in scaled)) - scaled[y]
    return total / len(logs)


def metrics(rows, t, low):
    n = len(rows)
    conf, right, brier, loss = [], [], 0.0, 0.0
    for p, pred, gold, *_ in rows:
        q = temper(p, t)
        conf.append(q[pred])
        right.append(pred == gold)
        brier += sum((q[k] - (k == gold)) ** 2 for k in range(len(ORDER)))
        loss += -math.log(max(q[gold], 1e-300))
    ece = 0.0
    for b in range(10):
        idx = [i for i, c in enumerate(conf) if min(int(c * 10), 9) == b]
        if idx:
            ece += len(idx) / n * abs(sum(right[i] for i in idx) / len(idx) -
                                      sum(conf[i] for i in idx) / len(idx))
    flagged = [c < low for c in conf]
    wrong = n - sum(right)
    n_flag = sum(flagged)
    return {"mean_confidence": sum(conf) / n, "accuracy": sum(right) / n, "ece": ece,
            "brier": brier / n, "nll": loss / n,
            "review_low_share": n_flag / n,
            # what the flag is for: how many of the classifier's mistakes it
            # puts before an editor, and how often a flagged answer is wrong
            "review_low_errors_caught": sum(f and not r for f, r in zip(flagged, right)) / wrong
            if wrong else math.nan,
            "review_low_error_rate": sum(f and not r for f, r in zip(flagged, right)) / n_flag
            if n_flag else math.nan,
            "unflagged_error_rate": sum(not f and not r for f, r in zip(flagged, right)) / (n - n_flag)
            if n > n_flag else math.nan}


def reliability(rows, t):
    """Per confidence bin (tenths): answers, mean confidence, accuracy."""
    bins = defaultdict(list)
    for p, pred, gold, *_ in rows:
        c = temper(p, t)[pred]
        bins[min(int(c * 10), 9)].append((c, pred == gold))
    return [(b, len(v), sum(c for c, _ in v) / len(v), sum(r for _, r in v) / len(v))
            for b, v in sorted(bins.items())]


def fit(rows):
    """T minimizing the NLL: golden-section over b = 1/T in [0.02, 20] (the
    NLL of softmax(b z) is convex in b)."""
    logs = [([math.log(max(x, 1e-300)) for x in p], y) for p, _, y, *_ in rows]
    lo, hi = 0.02, 20.0
    g = (math.sqrt(5) - 1) / 2
    c, d = hi - g * (hi - lo), lo + g * (hi - lo)
    fc, fd = nll(logs, 1 / c), nll(logs, 1 / d)
    while hi - lo > 1e-5:
        if fc < fd:
            hi, d, fd = d, c, fc
            c = hi - g * (hi - lo)
            fc = nll(logs, 1 / c)
        else:
            lo, c, fc = c, d, fd
            d = lo + g * (hi - lo)
            fd = nll(logs, 1 / d)
    return 1 / ((lo + hi) / 2)


def interval(rows, n, seed=1):
    """A 95% percentile interval of the fitted T over n bootstrap resamples
    of the pages (an answer's neighbours on its page are not independent)."""
    pages = defaultdict(list)
    for r in rows:
        pages[r[3]].append(r)
    names = sorted(pages)
    rng = random.Random(seed)
    ts = sorted(fit([r for _ in names for r in pages[rng.choice(names)]]) for _ in range(n))
    return ts[int(0.025 * (n - 1))], ts[int(0.975 * (n - 1))]


def fold_rules(args, tmp, labels, dirs, fold_of, k):
    """A copy of the rules whose decision.rules is refitted without fold k."""
    rules = os.path.join(tmp, f"rules{k}")
    shutil.copytree(args.rules, rules)
    os.remove(os.path.join(rules, "decision.rules"))
    gold = os.path.join(tmp, f"gold{k}.jsonl")
    pages = os.path.join(tmp, f"pages{k}")
    os.makedirs(pages)
    extra = []
    with open(gold, "w") as out:
        for lab in labels:
            if fold_of[lab["file"]] != k:
                out.write(json.dumps(lab) + "\n")
                src = os.path.abspath(os.path.join(dirs[lab["split"]], lab["file"]))
                link = os.path.join(pages, lab["file"])
                if os.path.exists(src) and not os.path.lexists(link):
                    os.symlink(src, link)
        for s in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "dev"):
            out.write(open(os.path.join(TOP, "tests", "data", s, f"{s}.gold.jsonl")).read())
            extra.append(os.path.join(TOP, "tests", "data", s, "pages"))
        for line in open(os.path.join(TOP, "tests", "data", "seeds", "seeds.gold.jsonl")):
            if line.strip():
                out.write(json.dumps(dict(json.loads(line), weight=3)) + "\n")
    subprocess.run([args.consensus, "rules", "fit", "--gold", gold, "--l2", str(args.l2),
                    "--rules", rules, "--out", os.path.join(rules, "decision.rules"), pages] +
                   extra + [os.path.join(TOP, "corpus")], capture_output=True, text=True,
                   cwd=TOP)
    if not os.path.exists(os.path.join(rules, "decision.rules")):
        sys.exit(f"calibrate: rules fit failed for fold {k}")
    return rules


def gather(args, sets, labels_all):
    """Rows per split (in-sample, or out-of-fold with --folds)."""
    dirs = dict((split, pages) for pages, split in sets)
    labels = [l for l in labels_all if l["split"] in dirs]
    present = {l["file"] for l in labels if os.path.exists(os.path.join(dirs[l["split"]], l["file"]))}
    files = sorted(present)
    split_of = {l["file"]: l["split"] for l in labels}
    out = {}
    if not args.folds:
        for pages, split in sets:
            mine = [f for f in files if split_of[f] == split]
            answers = classify(args.consensus, args.rules, [os.path.join(pages, f) for f in mine])
            out[split] = collect(answers, [l for l in labels if l["split"] == split], mine)
        return out
    fold_of = {f: int(f[3:11], 16) % args.folds for f in {l["file"] for l in labels}}
    tmp = tempfile.mkdtemp()
    try:
        acc = defaultdict(lambda: ([], 0, 0))
        for k in range(args.folds):
            rules = fold_rules(args, tmp, labels, dirs, fold_of, k)
            for pages, split in sets:
                mine = [f for f in files if split_of[f] == split and fold_of[f] == k]
                answers = classify(args.consensus, rules, [os.path.join(pages, f) for f in mine])
                rows, missed, fixed = collect(answers, [l for l in labels if l["split"] == split],
                                              mine)
                r0, m0, f0 = acc[split]
                acc[split] = (r0 + rows, m0 + missed, f0 + fixed)
        return dict(acc)
    finally:
        shutil.rmtree(tmp)


def line(name, m):
    return (f"  {name:7s} mean confidence {m['mean_confidence']:.3f}, accuracy {m['accuracy']:.3f}, "
            f"ECE {m['ece']:.3f}, Brier {m['brier']:.3f}, NLL {m['nll']:.3f}, "
            f"under review_low_confidence {100 * m['review_low_share']:.1f}% (wrong: "
            f"{100 * m['review_low_error_rate']:.0f}% of them against "
            f"{100 * m['unflagged_error_rate']:.0f}% above; they hold "
            f"{100 * m['review_low_errors_caught']:.0f}% of the errors)")


def main():
    ap = argparse.ArgumentParser(description="Fit or evaluate confidence_temperature.")
    ap.add_argument("sets", nargs="+", metavar="PAGES_DIR SPLIT")
    ap.add_argument("--consensus", default=os.path.join(TOP, "build", "consensus"))
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--labels", default=os.path.join(TOP, "tests", "real", "labels.jsonl"))
    ap.add_argument("--temperature", type=float, help="evaluate this T only (no fit)")
    ap.add_argument("--folds", type=int, default=0,
                    help="out-of-fold probabilities: refit the decision without each of K folds")
    ap.add_argument("--l2", type=float, default=0.1, help="with --folds: the refit's L2")
    ap.add_argument("--bootstrap", type=int, default=200,
                    help="resamples of the pages for T's 95%% interval (0: none)")
    ap.add_argument("--table", action="store_true",
                    help="print the reliability table (per confidence bin) before and after")
    ap.add_argument("--by", choices=["qtype", "gold_type"],
                    help="also per group of answers: the question-type flag classify gave the "
                         "question (qtype/TYPE, or untyped when no type was sure enough), or the "
                         "labellers' question_type; each group's metrics under the fitted (or "
                         "given) T, and T fitted on the group alone with its interval")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if len(args.sets) % 2:
        ap.error("give PAGES_DIR SPLIT pairs")
    if args.temperature is not None and not (0 < args.temperature < math.inf):
        ap.error("--temperature must be positive and finite")
    if args.folds == 1 or args.folds < 0:
        ap.error("--folds needs at least 2")
    sets = list(zip(args.sets[0::2], args.sets[1::2]))
    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    per = gather(args, sets, labels)
    rows = [r for _, split in sets for r in per[split][0]]
    if not rows:
        sys.exit("calibrate: no labelled answer with model probabilities")
    t0 = setting(args.rules, "confidence_temperature", 1.0)
    low = setting(args.rules, "review_low_confidence", 0.5)
    t = args.temperature if args.temperature is not None else fit(rows)
    ci = interval(rows, args.bootstrap) if args.temperature is None and args.bootstrap > 0 else None
    report = {"temperature": t, "setting_value": t * t0, "rules_temperature": t0,
              "fitted": args.temperature is None, "interval95": ci, "out_of_fold": args.folds,
              "answers": len(rows),
              "missed": sum(per[s][1] for _, s in sets), "fixed_confidence": sum(per[s][2] for _, s in sets),
              "before": metrics(rows, 1.0, low), "after": metrics(rows, t, low),
              "splits": {s: {"answers": len(per[s][0]), "fitted_alone": fit(per[s][0]),
                             "before": metrics(per[s][0], 1.0, low),
                             "after": metrics(per[s][0], t, low)}
                         for _, s in sets if per[s][0]}}
    if args.by:
        groups = defaultdict(list)
        for r in rows:
            groups[r[4][args.by]].append(r)
        report["groups"] = {
            g: {"answers": len(v), "fitted_alone": fit(v),
                "interval95": interval(v, args.bootstrap) if args.bootstrap > 0 else None,
                "before": metrics(v, 1.0, low), "after": metrics(v, t, low)}
            for g, v in sorted(groups.items())}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    how = "fitted (min NLL)" if report["fitted"] else "given"
    if ci:
        how += f", 95% interval {ci[0]:.3f}-{ci[1]:.3f} ({args.bootstrap} page resamples)"
    src = f"out-of-fold, {args.folds} folds" if args.folds else "in-sample (the shipped weights)"
    print(f"T {t:.3f} {how} on {len(rows)} answers of {', '.join(s for _, s in sets)} ({src}); "
          f"{report['missed']} missed by the reader and {report['fixed_confidence']} with a fixed "
          "confidence left out")
    print(f"setting confidence_temperature value={t * t0:.3f}   (rules now: {t0:g}; "
          f"review_low_confidence {low:g})")
    print(line("before", report["before"]))
    print(line("after", report["after"]))
    if args.table:
        for name, temp in (("before", 1.0), ("after", t)):
            print(f"  reliability {name}: bin, answers, mean confidence, accuracy")
            for b, n, c, a in reliability(rows, temp):
                print(f"    {b / 10:.1f}-{(b + 1) / 10:.1f} {n:5d}  {c:.3f}  {a:.3f}")
    for g, r in report.get("groups", {}).items():
        ci_g = r["interval95"]
        print(f" {args.by} {g} ({r['answers']} answers; T fitted on it alone: "
              f"{r['fitted_alone']:.3f}" + (f", 95% {ci_g[0]:.3f}-{ci_g[1]:.3f}" if ci_g else "") + "):")
        print(line("before", r["before"]))
        print(line("after", r["after"]))
    if len(report["splits"]) > 1:
        for s, r in report["splits"].items():
            print(f" {s} ({r['answers']} answers; T fitted on it alone: {r['fitted_alone']:.3f}):")
            print(line("before", r["before"]))
            print(line("after", r["after"]))


if __name__ == "__main__":
    main()
