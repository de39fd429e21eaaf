#!/usr/bin/env python3
"""Fit `setting relabel_error_concentration` (rules/settings.rules) on predictions of labelled pages.

usage: fit_error_concentration.py [--rules DIR] [--bootstrap N] PRED [PRED ...]

The reports redraw the classifier's errors (cn_relabel). Reading each
answer's prediction as drawn on its own from its true stance's row of
rules/confusion.rules says that two answers of one question predicted alike
are two independent pieces of evidence. On real pages they are not: the
classifier misreads the answers of one question together (the same wording
of the question, the same layout, the same topic), so agreeing predictions
are worth less than that.

With relabel_error_concentration c > 0 the redraws give each question its own
confusion rows: for true stance t, the question's P(predicted | true t) is
Dirichlet(c x like_t), like_t row t of rules/confusion.rules (+1 a cell, over
the row, as cn_relabel reads it). Small c, one question's answers of a true
stance are misread alike; c -> infinity, independently (c = 0 in the rules
means that: the old model). The intraclass correlation of two answers'
predictions with one true stance on one question is 1 / (c + 1).

This fits c by maximum likelihood on predictions of labelled answers
(`score.py --pred-out` or `cv_fit.py --pred-out` lines: file, gold, pred), one
question a page: the Dirichlet-multinomial log-likelihood, for every page and
true stance, of the sequence of predictions of its answers with that true
stance, maximized over log c by golden-section search. Answers the reader
missed (no prediction) are left out. Prints c, its 95% interval over bootstrap
resamples of the pages, and the grid. Use predictions the weights were not
fitted on (a freeze's on its fresh set, or out-of-fold ones). A dev script;
never part of the product.
"""
import argparse
import json
import math
import os
import random
from collections import defaultdict

from fit_concentration import ORDER, confusion_cells, golden_min

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
def confusion_rows(rules):
    """like[t][p] = (count[t][p] + 1) / (row t's counts + 4), as cn_relabel reads them."""
    like = {}
    for t, cells in confusion_cells(rules).items():
        total = sum(cells.values())
        like[t] = [cells[p] / total for p in ORDER]
    return like


def read_tables(paths):
    """{(pred file, page): {true: [counts by predicted]}} over the found answers."""
    pages = defaultdict(lambda: defaultdict(lambda: [0] * 4))
    for k, path in enumerate(paths):
        for line in open(path):
            r = json.loads(line)
            if r.get("pred") not in ORDER or r.get("gold") not in ORDER:
                continue
            pages[(k, r["file"])][r["gold"]][ORDER.index(r["pred"])] += 1
    return [dict(v) for v in pages.values()]


def loglik(pages, like, c):
    total = 0.0
    for page in pages:
        for t, counts in page.items():
            beta = [c * x for x in like[t]]
            n = sum(counts)
            total += (sum(math.lgamma(b + k) - math.lgamma(b) for b, k in zip(beta, counts)) +
                      math.lgamma(c) - math.lgamma(c + n))
    return total


def fit(pages, like, lo=math.log(0.05), hi=math.log(1e5)):
    return math.exp(golden_min(lambda x: -loglik(pages, like, math.exp(x)), lo, hi))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("preds", nargs="+")
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--bootstrap", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    like = confusion_rows(args.rules)
    pages = read_tables(args.preds)
    n = sum(sum(sum(c) for c in p.values()) for p in pages)
    c = fit(pages, like)
    print(f"pages {len(pages)}, answers {n}")
    print(f"relabel_error_concentration {c:.3f} (intraclass correlation {1 / (c + 1):.3f})")
    rng = random.Random(args.seed)
    boots = sorted(fit([rng.choice(pages) for _ in pages], like) for _ in range(args.bootstrap))
    if boots:
        lo, hi = boots[int(0.025 * len(boots))], boots[min(len(boots) - 1, int(0.975 * len(boots)))]
        print(f"95% interval over {len(boots)} page resamples: {lo:.3f} - {hi:.3f}")
    base = loglik(pages, like, 1e9)
    for g in [0.5, 1, 2, 3, 5, 10, 20, 50, 100, 1e9]:
        print(f"  c {g:>10g}: log-likelihood {loglik(pages, like, g) - base:+.2f} against independent")


if __name__ == "__main__":
    main()
