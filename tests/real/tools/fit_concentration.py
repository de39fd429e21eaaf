#!/usr/bin/env python3
"""Fit `setting relabel_concentration` (rules/settings.rules) on labelled real pages.

usage: fit_concentration.py [--labels FILE] [--rules DIR] [--splits SPLIT ...]

The reports redraw the classifier's errors (cn_relabel). With
relabel_concentration s > 0 they draw a question's true stances from a pooled
model: the question's true stance shares are Dirichlet(alpha), alpha_t = s x
pi_t, pi the true stances' shares in rules/confusion.rules (its rows, +1 a
cell, as cn_relabel reads them). s says how alike one question's physicians
are: small s, they mostly agree; large s, each answer is a draw from the
corpus's shares on its own (s -> infinity is the independent model).

This fits s by maximum likelihood on the labellers' stances, one question a
page (every labelled answer with a body, `none` included): the
Dirichlet-multinomial log-likelihood of each page's stance sequence, maximized
over log s by golden-section search (it is unimodal in practice; the grid it
prints shows it). Prints s, its 95% interval over bootstrap resamples of the
pages, and the grid. A dev script; never part of the product.
"""
import argparse
import json
import math
import os
import random
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
ORDER = ["none", "reassuring", "cautionary", "contraindicated"]


def confusion_cells(rules):
    """{true t: {predicted p: count + 1}} from rules/confusion.rules, as cn_relabel reads it."""
    cells = {}
    for line in open(os.path.join(rules, "confusion.rules")):
        parts = line.split()
        if parts and parts[0] == "confusion":
            cells[parts[1]] = {kv.split("=", 1)[0]: float(kv.split("=", 1)[1]) + 1
                               for kv in parts[2:]}
    return cells


def confusion_shares(rules):
    """pi_t from rules/confusion.rules: row t's counts + 1 a cell, over the total."""
    rows = {t: sum(row.values()) for t, row in confusion_cells(rules).items()}
    total = sum(rows.values())
    return {t: rows[t] / total for t in ORDER}


def loglik(pages, pi, s):
    """Sum over pages of log DirMult(sequence; s x pi)."""
    alpha = [s * pi[t] for t in ORDER]
    a_sum = sum(alpha)
    base = sum(math.lgamma(a) for a in alpha)
    total = 0.0
    for counts in pages:
        n = sum(counts)
        total += (sum(math.lgamma(a + c) for a, c in zip(alpha, counts)) - base +
                  math.lgamma(a_sum) - math.lgamma(a_sum + n))
    return total


def golden_min(f, lo, hi, steps=80):
    """The x in [lo, hi] that minimizes a unimodal f, by golden-section search."""
    g = (math.sqrt(5) - 1) / 2
    c, d = hi - g * (hi - lo), lo + g * (hi - lo)
    fc, fd = f(c), f(d)
    for _ in range(steps):
        if fc < fd:
            hi, d, fd = d, c, fc
            c = hi - g * (hi - lo)
            fc = f(c)
        else:
            lo, c, fc = c, d, fd
            d = lo + g * (hi - lo)
            fd = f(d)
    return (lo + hi) / 2


def fit(pages, pi, lo=math.log(0.01), hi=math.log(1000.0)):
    return math.exp(golden_min(lambda x: -loglik(pages, pi, math.exp(x)), lo, hi))


def main():
    ap = argparse.ArgumentParser(description="Fit relabel_concentration.")
    ap.add_argument("--labels", default=os.path.join(TOP, "tests", "real", "labels.jsonl"))
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--splits", nargs="*", help="only these splits (default: every split)")
    ap.add_argument("--bootstrap", type=int, default=200)
    args = ap.parse_args()
    by_page = defaultdict(Counter)
    for line in open(args.labels):
        if not line.strip():
            continue
        lab = json.loads(line)
        if args.splits and lab["split"] not in args.splits:
            continue
        by_page[lab["file"]][lab["stance"]] += 1
    if not by_page:
        sys.exit("fit_concentration: no labelled page")
    pages = [[c[t] for t in ORDER] for _, c in sorted(by_page.items())]
    pi = confusion_shares(args.rules)
    s = fit(pages, pi)
    rng = random.Random(1)
    boot = sorted(fit([pages[rng.randrange(len(pages))] for _ in pages], pi)
                  for _ in range(args.bootstrap))
    answers = sum(map(sum, pages))
    interval = (f"95% {boot[int(0.025 * (len(boot) - 1))]:.3f}-"
                f"{boot[int(0.975 * (len(boot) - 1))]:.3f}, " if boot else "")
    print(f"relabel_concentration {s:.3f} ({interval}{args.bootstrap} page resamples) from "
          f"{len(pages)} pages, {answers} labelled answers; pi "
          + ", ".join(f"{t} {pi[t]:.3f}" for t in ORDER))
    for grid in (0.3, 0.5, 1, 1.5, 2, 3, 5, 10, 100):
        print(f"  s {grid:6.1f}: log-likelihood {loglik(pages, pi, grid):.1f}")


if __name__ == "__main__":
    main()
