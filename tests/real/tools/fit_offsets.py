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

  # by the classifier's question type (`decision_offset qtype/TYPE` lines,
  # added to the settings' offsets): fitted after the global ones, and
  # nested the same way; --base-out writes the global offsets' nested rows
  fit_offsets.py OOF.pred --none 0.3 --by-type --inner INNER_*.pred \
      --base-out GLOBAL.pred --pred-out TYPED.pred
  cv_compare.py GLOBAL.pred TYPED.pred

The OOF file's own labels must come from weights without offsets (or the
same offsets: the probabilities do not depend on them). Its "qtype" is the
type the classifier itself gave the question (cv_fit.py, from the answer's
qtype/TYPE flag; "untyped" when no type was sure enough, which no line can
reach). A dev script.
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
# per question type: a coarse grid of what a type adds to each offset
GRID_TYPE_CAUTIONARY = [x / 10 for x in range(-4, 5, 2)]
GRID_TYPE_RARE = [x / 10 for x in range(-6, 7, 2)]
ORDER = ["contraindicated", "cautionary", "reassuring", "none"]  # ties: the more cautious


def read(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def macro_f1(rows, offset):
    """Strict macro-F1 of rows labelled with these offsets (score.py's)."""
    return score.macro_f1([(r["gold"], label(r, offset)) for r in rows])[0]


TYPE_KEY = "qtype"  # the rows' field read as the type (--type-key)


def type_of(row):
    return row.get(TYPE_KEY) or "untyped"


def label(row, offset, by_type=None):
    """The label with the highest log-probability plus offset (ties: the
    more cautious label, as cn_model.c); "missed" when the reader missed it,
    and the row's own label when the model gave no probabilities."""
    if row.get("prob") is None:
        return row["pred"]
    add = (by_type or {}).get(type_of(row), {})
    best, best_v = None, -math.inf
    for c in ORDER:
        v = math.log(max(row["prob"][c], 1e-300)) + offset[c] + add.get(c, 0.0)
        if v > best_v:
            best, best_v = c, v
    return best


def macro_f1_typed(rows, offset, by_type):
    return score.macro_f1([(r["gold"], label(r, offset, by_type)) for r in rows])[0]


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


class Counts:
    """The answers of one question type, ready to be relabelled fast: each
    row's log-probabilities plus the global offsets (in ORDER), its gold
    label's index (-1: not a label), and its own label when it has no
    probabilities. Macro-F1 is 2 tp / (predicted + gold) a label, so a
    type's counts add up with the others'."""

    def __init__(self, rows, offset):
        self.fixed = [0] * 4, [0] * 4  # tp, predicted of rows without probabilities
        self.rows = []
        for r in rows:
            g = ORDER.index(r["gold"]) if r["gold"] in ORDER else -1
            if r.get("prob") is None:
                if r["pred"] in ORDER:
                    p = ORDER.index(r["pred"])
                    self.fixed[1][p] += 1
                    self.fixed[0][p] += g == p
                continue
            self.rows.append(([math.log(max(r["prob"][c], 1e-300)) + offset[c] for c in ORDER], g))

    def count(self, add):
        """(tp, predicted) by label with add (in ORDER) on every row."""
        tp, pred = list(self.fixed[0]), list(self.fixed[1])
        for v, g in self.rows:
            best, bv = 0, v[0] + add[0]
            for i in (1, 2, 3):
                x = v[i] + add[i]
                if x > bv:
                    best, bv = i, x
            pred[best] += 1
            tp[best] += g == best
        return tp, pred


def f1_of(tp, pred, gold):
    present = [i for i in range(4) if gold[i]]
    return sum(2 * tp[i] / (pred[i] + gold[i]) for i in present) / len(present)


def fit_types(rows, offset, min_answers, penalty):
    """Per question type, what it adds to the global offsets: each type with
    at least min_answers rows (with probabilities) in turn takes the grid
    point with the best strict macro-F1 of all rows, less penalty times the
    sum of its additions' sizes (shrinkage toward the global offsets: an
    addition must buy that much macro-F1), the others held; two rounds.
    Returns (macro-F1 unpenalized, {type: {label: add}})."""
    groups = {}
    for r in rows:
        groups.setdefault(type_of(r), []).append(r)
    gold = [sum(r["gold"] == c for r in rows) for c in ORDER]
    counts = {t: Counts(g, offset) for t, g in groups.items()}
    zero = (0.0, 0.0, 0.0, 0.0)
    now = {t: counts[t].count(zero) for t in counts}
    fitted = sorted((t for t in counts if t != "untyped" and len(counts[t].rows) >= min_answers),
                    key=lambda t: (-len(counts[t].rows), t))
    adds = {t: zero for t in fitted}
    combos = sorted(((ox, oc, 0.0, on) for ox in GRID_TYPE_RARE for oc in GRID_TYPE_CAUTIONARY
                     for on in GRID_TYPE_RARE), key=lambda a: (sum(map(abs, a)), a))
    for _ in range(2):
        for t in fitted:
            rest_tp = [sum(now[u][0][i] for u in now if u != t) for i in range(4)]
            rest_pred = [sum(now[u][1][i] for u in now if u != t) for i in range(4)]
            best = None
            for a in combos:  # smallest first: a tie keeps the smaller addition
                tp, pred = counts[t].count(a)
                f = f1_of([x + y for x, y in zip(rest_tp, tp)],
                          [x + y for x, y in zip(rest_pred, pred)], gold)
                score = f - penalty * sum(map(abs, a))
                if best is None or score > best[0] + 1e-12:
                    best = (score, a, (tp, pred))
            adds[t], now[t] = best[1], best[2]
    tp = [sum(now[u][0][i] for u in now) for i in range(4)]
    pred = [sum(now[u][1][i] for u in now) for i in range(4)]
    return f1_of(tp, pred, gold), {t: {c: a[i] for i, c in enumerate(ORDER) if a[i]}
                                   for t, a in adds.items() if any(a)}


def show_types(by_type):
    return "; ".join(f"{t}: " + " ".join(f"{c}{a[c]:+g}" for c in LABELS[1:] if c in a)
                     for t, a in sorted(by_type.items())) or "none"


def write_rows(path, rows):
    with open(path, "w") as fh:
        for r in rows:
            fh.write(json.dumps({k: v for k, v in r.items() if k != "prob"}) + "\n")


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
    ap.add_argument("--by-type", action="store_true",
                    help="also fit what each of the classifier's question types adds to the "
                         "offsets (`decision_offset qtype/TYPE` lines); with --inner, "
                         "--pred-out gets the per-type rows and --base-out the global ones")
    ap.add_argument("--type-min", type=int, default=300,
                    help="--by-type: only types with this many answers with probabilities")
    ap.add_argument("--type-penalty", type=float, default=0.01,
                    help="--by-type: macro-F1 an addition must buy per unit of its size")
    ap.add_argument("--type-key", default="qtype",
                    help="--by-type: the rows' field holding the type: \"qtype\" (the sure "
                         "type, what the lines key on) or \"qtype_top\" (cv_fit.py "
                         "--top-qtype: the most probable type, sure or not; a measurement, no "
                         "line can key on it)")
    ap.add_argument("--base-out", help="--by-type with --inner: the rows labelled by the "
                                       "global offsets alone, chosen inside the folds")
    args = ap.parse_args()
    global TYPE_KEY
    TYPE_KEY = args.type_key
    rows = read(args.oof)
    plain = dict.fromkeys(LABELS, 0.0)
    f, off = fit(rows, args.none)
    print(f"plain strict macro-F1 {macro_f1(rows, plain):.4f}; fitted on "
          f"all {len(rows)} rows (in-sample) {f:.4f} with " +
          " ".join(f"decision_offset_{c}={off[c]:g}" for c in LABELS[1:]))
    if args.by_type:
        types = {}
        for r in rows:
            types[type_of(r)] = types.get(type_of(r), 0) + 1
        print("rows by the classifier's question type: " +
              ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda x: -x[1])))
        ft, by_type = fit_types(rows, off, args.type_min, args.type_penalty)
        print(f"by type (at least {args.type_min} answers, penalty {args.type_penalty:g}), "
              f"in-sample {ft:.4f}: {show_types(by_type)}")
        for t, a in sorted(by_type.items()):
            print(f"decision_offset qtype/{t} " +
                  " ".join(f"{c}={a[c]:g}" for c in LABELS[1:] if c in a))
    if args.inner:
        out, base = [], []
        for k, path in enumerate(args.inner):
            inner = read(path)
            fk, offk = fit(inner, args.none)
            held = [r for r in rows if r["fold"] == k]
            line = (f"outer fold {k}: fitted inside {fk:.4f} with " +
                    " ".join(f"{c}={offk[c]:g}" for c in LABELS[1:]) +
                    f"; its {len(held)} rows {macro_f1(held, plain):.4f}"
                    f" -> {macro_f1(held, offk):.4f}")
            base += [dict(r, pred=label(r, offk)) for r in held]
            if args.by_type:
                ftk, typed = fit_types(inner, offk, args.type_min, args.type_penalty)
                line += (f"; by type inside {ftk:.4f} ({show_types(typed)}) -> "
                         f"{macro_f1_typed(held, offk, typed):.4f}")
                out += [dict(r, pred=label(r, offk, typed)) for r in held]
            else:
                out = base
            print(line)
        scored = lambda rs: macro_f1([dict(r, prob=None) for r in rs], plain)  # by "pred"
        print(f"chosen inside the folds: {macro_f1(rows, plain):.4f} -> {scored(base):.4f}" +
              (f"; by type {scored(out):.4f}" if args.by_type else ""))
        if args.pred_out:
            write_rows(args.pred_out, out)
        if args.base_out:
            write_rows(args.base_out, base)


if __name__ == "__main__":
    main()
