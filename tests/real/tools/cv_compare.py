#!/usr/bin/env python3
"""Paired bootstrap over pages of two sets of held-out predictions.

usage: cv_compare.py BASE.jsonl NEW.jsonl [--draws 2000] [--seed 1]

Both files are `cv_fit.py --pred-out` outputs over the same labelled answers.
Pages are drawn with replacement (the same draw for both), and the strict
macro-F1 and kappa of each are recomputed on the draw: prints the observed
differences (new - base), their 95% percentile interval and the share of draws
in which the new predictions do not beat the base ones, plus each fold's
difference (the per-fold spread). A dev script.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from score import kappa, macro_f1, LABELS  # noqa: E402


def scores(pairs):
    return macro_f1(pairs)[0], kappa(pairs, LABELS + ["missed"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--draws", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    load = lambda p: {(d["file"], d["index"]): d for d in map(json.loads, open(p))}
    base, new = load(args.base), load(args.new)
    keys = sorted(set(base) & set(new))
    pages = {}
    for k in keys:
        pages.setdefault(k[0], []).append(k)
    names = sorted(pages)

    def pairs(src, ks):
        return [(src[k]["gold"], src[k]["pred"]) for k in ks]

    b0, n0 = scores(pairs(base, keys)), scores(pairs(new, keys))
    print(f"answers {len(keys)}, pages {len(names)}")
    print(f"base macro-F1 {b0[0]:.3f} kappa {b0[1]:.3f}; new macro-F1 {n0[0]:.3f} kappa {n0[1]:.3f}")
    rng = random.Random(args.seed)
    df, dk = [], []
    for _ in range(args.draws):
        ks = [k for p in (rng.choice(names) for _ in names) for k in pages[p]]
        b, n = scores(pairs(base, ks)), scores(pairs(new, ks))
        df.append(n[0] - b[0])
        dk.append(n[1] - b[1])
    for name, d, obs in (("macro-F1", df, n0[0] - b0[0]), ("kappa", dk, n0[1] - b0[1])):
        d.sort()
        lo, hi = d[int(0.025 * len(d))], d[int(0.975 * len(d)) - 1]
        worse = sum(x <= 0 for x in d) / len(d)
        print(f"{name}: difference {obs:+.3f}, 95% interval [{lo:+.3f}, {hi:+.3f}], "
              f"draws with no gain {worse:.3f}")
    folds = sorted({base[k].get("fold") for k in keys})
    per = []
    for f in folds:
        ks = [k for k in keys if base[k].get("fold") == f]
        b, n = scores(pairs(base, ks)), scores(pairs(new, ks))
        per.append(f"fold {f}: {n[0] - b[0]:+.3f} / {n[1] - b[1]:+.3f}")
    print("per fold (macro-F1 / kappa): " + "; ".join(per))


if __name__ == "__main__":
    main()
