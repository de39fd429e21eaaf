#!/usr/bin/env python3
"""Fit the decision offsets (rules/settings.rules, decision_offset_*) on
out-of-fold probabilities, and measure them chosen inside the folds.

The learned decision labels an answer with the label whose log-odds against
reassuring, plus that label's offset, is highest (cn_model.c). Maximum
likelihood predicts the rare labels (contraindicated, none) less often than
macro-F1 wants them; the offsets are the shifts, on a grid, with the best
strict macro-F1 (an answer the reader missed counts as wrong).

  # out-of-fold probabilities over every tuning split (as fit_decision.sh fits)
  cv_fit.py --root ROOT --splits ... --qtype --pred-out OOF.pred --probabilities ...
  fit_offsets.py OOF.pred --none 0.3        # the offsets to ship

  # chosen inside the folds: for each outer fold K, a 4-fold CV of its
  # training pages alone, then the offsets fitted there label fold K
  cv_fit.py ... --outer K --folds 4 --pred-out INNER_K.pred --probabilities
  fit_offsets.py OOF.pred --none 0.3 --inner INNER_0.pred ... INNER_4.pred --pred-out NESTED.pred
  cv_compare.py OOF.pred NESTED.pred        # paired page bootstrap

The OOF file's own labels must come from weights without offsets (or the
same offsets: the probabilities do not depend on them). A dev script.
"""
import argparse
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import score  # noqa: E402
from score import LABELS  # noqa: E402
GRID_CAUTIONARY = [x / 10 for x in range(-4, 5, 2)]
GRID_RARE = [x / 10 for x in range(-2, 13)]


def read(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def macro_f1(rows, offset):
    """Strict macro-F1 of rows labelled with these offsets (score.py's)."""
    return score.macro_f1([(r["gold"], label(r, offset)) for r in rows])[0]


def label(row, offset):
    """The label with the highest log-probability plus offset (ties: the
    more cautious label, as cn_model.c); "missed" when the reader missed it,
    and the row's own label when the model gave no probabilities."""
    if row.get("prob") is None:
        return row["pred"]
    best, best_v = None, -math.inf
    for c in ["contraindicated", "cautionary", "reassuring", "none"]:
        v = math.log(max(row["prob"][c], 1e-300)) + offset[c]
        if v > best_v:
            best, best_v = c, v
    return best


def fit(rows, none=None):
    """The best offsets on the grid; none: hold the none offset at this."""
    best = (-1.0, None)
    for oc in GRID_CAUTIONARY:
        for ox in GRID_RARE:
            for on in GRID_RARE if none is None else [none]:
                off = {"reassuring": 0.0, "cautionary": oc, "contraindicated": ox, "none": on}
                f = macro_f1(rows, off)
                if f > best[0]:
                    best = (f, off)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("oof", help="cv_fit.py --pred-out file written with --probabilities")
    ap.add_argument("--inner", nargs="+",
                    help="cv_fit.py --outer K files, K = 0, 1, ... in order: the offsets for "
                         "outer fold K are fitted on INNER_K alone")
    ap.add_argument("--pred-out", help="with --inner: the OOF rows relabelled by their "
                                       "fold's offsets (for cv_compare.py)")
    ap.add_argument("--none", type=float,
                    help="hold decision_offset_none at this value and fit the other two (the "
                         "shipped 0.3: as good chosen inside the folds as the free fit's 0.3 .. "
                         "0.6, and it keeps the written one-sentence cases of "
                         "tests/test_decision.c from abstaining)")
    args = ap.parse_args()
    rows = read(args.oof)
    f, off = fit(rows, args.none)
    print(f"plain strict macro-F1 {macro_f1(rows, dict.fromkeys(LABELS, 0.0)):.4f}; fitted on "
          f"all {len(rows)} rows (in-sample) {f:.4f} with " +
          " ".join(f"decision_offset_{c}={off[c]:g}" for c in LABELS[1:]))
    if args.inner:
        out = []
        for k, path in enumerate(args.inner):
            fk, offk = fit(read(path), args.none)
            held = [r for r in rows if r["fold"] == k]
            print(f"outer fold {k}: fitted inside {fk:.4f} with " +
                  " ".join(f"{c}={offk[c]:g}" for c in LABELS[1:]) +
                  f"; its {len(held)} rows {macro_f1(held, dict.fromkeys(LABELS, 0.0)):.4f}"
                  f" -> {macro_f1(held, offk):.4f}")
            out += [dict(r, pred=label(r, offk)) for r in held]
        labelled = [dict(r, prob=None) for r in out]  # scored by their "pred"
        print(f"chosen inside the folds: {macro_f1(rows, dict.fromkeys(LABELS, 0.0)):.4f} -> "
              f"{macro_f1(labelled, dict.fromkeys(LABELS, 0.0)):.4f}")
        if args.pred_out:
            with open(args.pred_out, "w") as fh:
                for r in out:
                    r = {k: v for k, v in r.items() if k != "prob"}
                    fh.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
