#!/usr/bin/env python3
"""Fit the question-type model (rules/qtype.rules) on the real pages' questions.

usage: fit_qtype.py --root ROOT [--splits SPLIT...] [--consensus BIN] [--out FILE]
                    [--l2 X] [--min-pages K] [--cv FOLDS]

Each labelled real page is one example: its question (title and body, as the
page reader gives them) and the labellers' question_type (tests/real/labels.jsonl;
the type is the same for every answer of a page). `consensus rules fit-qtype`
does the fitting; this script picks the pages of the tuning splits (default:
those of tools/fit_decision.sh) and hands it their labels only, so no other
split's label is ever read. With --cv K it prints instead the question-type
accuracy of K-fold cross-validation by page (the folds of tools/cv_fit.py),
each fold's pages typed by `consensus classify` with a model fitted on the
other folds (the flag "qtype/TYPE" of its output). A dev script.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
# The type model stays fitted on dev .. val9: on 2026-12-07 (twenty-fourth session) 5-fold CV by
# page over dev .. val26 (12,278 answers, cv_fit.py --qtype with and without --qtype-splits) gave
# +0.000 macro-F1 (95% -0.005 .. +0.005) for the model fitted on every split's questions.
TUNING = "dev dev2 dev3 dev4 dev5 val val2 val3 val4 val5 val6 val7 val8 val9".split()
FORBIDDEN = {"val28"}  # the next fresh validation set (val28, collection 26; val27 was scored at the twenty-seventh freeze)


def split_labels(labels_path, splits):
    """The labels of the named splits only (each line's split checked before
    anything else of it is kept)."""
    if FORBIDDEN & set(splits):
        sys.exit("fit_qtype.py: %s is a fresh validation set and is never read" % " ".join(sorted(FORBIDDEN & set(splits))))
    out = []
    for line in open(labels_path):
        if not line.strip():
            continue
        l = json.loads(line)
        if l["split"] in splits:
            out.append(l)
    return out


def parse_merge(spec):
    """"done=after,duration=after,*=ask" -> a mapping of types (None: as is)."""
    if not spec:
        return None
    return dict(part.split("=", 1) for part in spec.split(","))


def page_types(labels, merge=None):
    """file -> question_type (the first answer's), merged by merge (e.g.
    {"done": "after", "*": "ask"})."""
    types = {}
    for l in labels:
        t = l["question_type"]
        if merge:
            t = merge.get(t, merge.get("*", t))
        types.setdefault(l["file"], t)
    return types


def fit(consensus, files, dir_of, types, out, l2=0.01, min_pages=4, rules=None):
    """Fit the model on files (their labels types[f]) and write it to out."""
    tmp = tempfile.mkdtemp()
    try:
        pages = os.path.join(tmp, "pages")
        os.makedirs(pages)
        with open(os.path.join(tmp, "labels.jsonl"), "w") as fh:
            for f in files:
                fh.write(json.dumps({"file": f, "question_type": types[f]}) + "\n")
                os.symlink(os.path.join(os.path.abspath(dir_of[f]), f), os.path.join(pages, f))
        cmd = [consensus, "rules", "fit-qtype", "--labels", os.path.join(tmp, "labels.jsonl"),
               "--l2", str(l2), "--min-pages", str(min_pages), "--out", out, pages]
        if rules:
            cmd[3:3] = ["--rules", rules]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if not os.path.exists(out):
            sys.exit("fit_qtype.py: fit-qtype failed: " + r.stderr)
    finally:
        shutil.rmtree(tmp)


def classify_types(consensus, rules, paths):
    """file -> the qtype flag `consensus classify` gives its question."""
    out = subprocess.run([consensus, "classify", "--rules", rules] + paths,
                         capture_output=True, text=True).stdout
    got = {}
    for line in out.splitlines():
        a = json.loads(line)
        flags = [f[6:] for f in a.get("question_flags") or [] if f.startswith("qtype/")]
        got.setdefault(a["file"], flags[0] if flags else None)
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="pages by split: ROOT/SPLIT/ID.txt")
    ap.add_argument("--splits", nargs="+", default=TUNING)
    ap.add_argument("--consensus", default=os.path.join(TOP, "build", "consensus"))
    ap.add_argument("--labels", default=os.path.join(os.path.dirname(HERE), "labels.jsonl"))
    ap.add_argument("--rules", default=os.path.join(TOP, "rules"))
    ap.add_argument("--out", default=os.path.join(TOP, "rules", "qtype.rules"))
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--min-pages", type=int, default=4)
    ap.add_argument("--merge", help="merge types before fitting: e.g. done=after,duration=after,*=ask")
    ap.add_argument("--cv", type=int, default=0, help="print K-fold CV accuracy instead")
    args = ap.parse_args()
    labels = split_labels(args.labels, set(args.splits))
    types = page_types(labels, parse_merge(args.merge))
    dir_of = {l["file"]: os.path.join(args.root, l["split"]) for l in labels}
    files = sorted(types)
    if not args.cv:
        fit(args.consensus, files, dir_of, types, args.out, args.l2, args.min_pages)
        print(f"wrote {args.out} ({len(files)} questions)")
        return
    tmp = tempfile.mkdtemp()
    try:
        rules = os.path.join(tmp, "rules")
        shutil.copytree(args.rules, rules)
        right = 0
        confusion = collections.Counter()
        for k in range(args.cv):
            train = [f for f in files if int(f[3:11], 16) % args.cv != k]
            held = [f for f in files if int(f[3:11], 16) % args.cv == k]
            fit(args.consensus, train, dir_of, types, os.path.join(rules, "qtype.rules"),
                args.l2, args.min_pages)
            got = classify_types(args.consensus, rules, [os.path.join(dir_of[f], f) for f in held])
            for f in held:
                confusion[(types[f], got.get(f))] += 1
                right += got.get(f) == types[f]
        typed = sum(n for (t, p), n in confusion.items() if p is not None)
        print(f"question type, {args.cv}-fold CV by page: accuracy {right / len(files):.3f} "
              f"({right}/{len(files)} pages; l2 {args.l2:g}, min-pages {args.min_pages}); "
              f"typed {typed} pages (the rest below qtype_min_probability), "
              f"{right / max(typed, 1):.3f} of them right")
        names = sorted({t for t, _ in confusion})
        print("true \\ predicted: " + " ".join(names) + " (untyped)")
        for t in names:
            print(f"  {t:<11} " + " ".join(f"{confusion[(t, p)]:>4}" for p in names + [None]))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
