#!/usr/bin/env python3
"""Write rules/confusion.rules from the frozen classifier's labels on real
pages it was not tuned on.

usage: val_confusion.py --consensus BIN --rules DIR --out FILE [--add FILE] PAGES_DIR:SPLIT...

The reports redraw the classifier's errors from rules/confusion.rules
(cn_relabel), so its counts should be the error rates an editor meets on new
pages. Cross-validation on the tuning pages understates them (the cue lists
were written while reading those pages: CV macro-F1 ~0.59 against ~0.45 on
validation pages), so this counts, for each PAGES_DIR:SPLIT, what score.py
finds there (answers the reader found; missed answers left out: the reports
redraw labels, not segmentation) and sums them. Use it only on splits that
have already been scored at a freeze and that nobody tunes on; keep at least
one split out of it to measure the frozen system on. --add FILE adds the
counts of another confusion file (e.g. cv_fit.py --confusion-out's out-of-fold
counts on earlier validation pages, once the weights are fitted on them). A
dev script; never part of the product.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cv_fit import CONFUSION_ORDER as ORDER, write_confusion_rules  # noqa: E402


def split_confusion(score, consensus, rules, pages, split):
    out = subprocess.run([sys.executable, score, pages, "--split", split, "--consensus", consensus,
                          "--rules", rules, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["confusion"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--consensus", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--add", help="a confusion.rules file whose counts are added")
    ap.add_argument("sets", nargs="+", help="PAGES_DIR:SPLIT")
    args = ap.parse_args()
    score = os.path.join(os.path.dirname(here), "score.py")
    counts = {g: {p: 0 for p in ORDER} for g in ORDER}
    names = []
    for s in args.sets:
        pages, split = s.rsplit(":", 1)
        for g, row in split_confusion(score, args.consensus, args.rules, pages, split).items():
            for p, n in row.items():
                if p in ORDER:
                    counts[g][p] += n
        names.append(split)
    added = 0
    if args.add:
        for line in open(args.add):
            f = line.split()
            if len(f) > 2 and f[0] == "confusion":
                for cell in f[2:]:
                    p, n = cell.split("=")
                    counts[f[1]][p] += int(n)
                    added += int(n)
    n = write_confusion_rules(args.out, counts, lambda n: [
        f"tests/real/tools/val_confusion.py: the {n - added} answers of the real",
        f"{', '.join(names)} pages the reader found, labelled by the frozen",
        "classifier, which was not tuned on them (error rates on new pages)"
        + ("" if added else ".")] + ([
            f"plus the {added} counted in {os.path.basename(args.add)}: out-of-fold",
            "predictions of earlier validation pages (cv_fit.py --confusion-out)."]
            if added else []))
    print(f"{n} answers from {', '.join(names)} -> {args.out}")


if __name__ == "__main__":
    main()
