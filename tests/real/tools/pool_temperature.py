#!/usr/bin/env python3
"""Fit one confidence temperature over several fresh sets, each classified by
the build that was frozen before it was scored (so no set's probabilities
come from weights fitted on it).

usage: pool_temperature.py [--labels FILE] [--bootstrap N] [--low X]
                           BIN RULES PAGES_DIR SPLIT [BIN RULES PAGES_DIR SPLIT ...]

Each quadruple names a build (the `consensus` binary and its rules folder,
e.g. a copy kept at a freeze) and the fresh split it scored once. The
probabilities each build prints are put back on its raw scale (undoing its
own `confidence_temperature`), pooled, and one absolute T is fitted as
tests/real/tools/calibrate.py fits it (minimum NLL; page bootstrap for a
95% interval). Prints each set's own T, the pooled T, and the pooled metrics
at the first build's T and at the fitted one. A dev script: never give it a
split that has not been scored at its freeze.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate as C  # noqa: E402


def rows_of(binary, rules, pages, split, labels):
    """(raw-scale probabilities, predicted, gold, file, types) of the split's
    found answers, and the build's own T."""
    t = C.setting(rules, "confidence_temperature", 1.0)
    labs = [lab for lab in labels if lab["split"] == split]
    present = sorted(os.listdir(pages))
    files = sorted({lab["file"] for lab in labs if lab["file"] in present})
    answers = C.classify(binary, rules, [os.path.join(pages, f) for f in files])
    rows, _, _ = C.collect(answers, labs, present)
    # softmax(z / t) tempered by 1/t is softmax(z): the raw scale
    return [(C.temper(r[0], 1.0 / t),) + tuple(r[1:]) for r in rows], t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", default=os.path.join(C.TOP, "tests", "real", "labels.jsonl"))
    ap.add_argument("--bootstrap", type=int, default=200)
    ap.add_argument("--low", type=float, default=0.5, help="review_low_confidence")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    if len(args.sets) % 4:
        sys.exit("pool_temperature: give BIN RULES PAGES_DIR SPLIT quadruples")
    labels = [json.loads(line) for line in open(args.labels) if line.strip()]
    pooled, first_t = [], None
    for i in range(0, len(args.sets), 4):
        binary, rules, pages, split = args.sets[i:i + 4]
        rows, t = rows_of(binary, rules, pages, split, labels)
        first_t = first_t or t
        fitted = C.fit(rows)
        print(f"{split}: {len(rows)} found answers, build T {t:g}, fitted T {fitted:.3f} "
              f"({fitted / t:.3f}x the build's)")
        pooled += rows
    t = C.fit(pooled)
    lo, hi = C.interval(pooled, args.bootstrap)
    print(f"pooled: {len(pooled)} answers, T {t:.3f} (95% {lo:.3f}-{hi:.3f})")
    for label, tt in (("first build's T", first_t), ("fitted T", t)):
        m = C.metrics(pooled, tt, args.low)
        print(f"at {label} {tt:.3f}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))


if __name__ == "__main__":
    main()
