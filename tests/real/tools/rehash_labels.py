#!/usr/bin/env python3
"""Re-key labels after the prefix hash began to read bullets and dashes as
punctuation.

usage: rehash_labels.py LABELLER_DIR PAGES_DIR LABELS_JSONL

A label whose labeller prefix held a bullet or a dash as a word of its own
("Safety – I do not") was keyed by words the hash no longer counts. For each
such label this finds the prefix in its re-collected page, hashes the first
eight words from there under the current rule (realset.prefix_hash) and
rewrites the label's hash in place. Other labels are untouched. A dev script;
never part of the product.
"""
import glob
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402

# The rule before: only quotes and spaces folded, any non-ASCII byte a letter.
_OLD_FOLDS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def legacy_hash(text):
    folded = text.translate(_OLD_FOLDS).translate(realset._ASCII_LOWER)
    w = [x for x in realset._SPACE.split(folded) if x and realset._kept(x)][:realset.PREFIX_WORDS]
    return hashlib.sha256(" ".join(w).encode("utf-8")).hexdigest()[:16] if w else ""


def main():
    labeller_dir, pages, labels_path = sys.argv[1:4]
    stale = {}  # (file, legacy hash) -> labeller prefix
    for f in sorted(glob.glob(os.path.join(labeller_dir, "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            p = d.get("prefix") or ""
            if p and legacy_hash(p) != realset.prefix_hash(p):
                stale[(d["file"], legacy_hash(p))] = p
    rows = [json.loads(l) for l in open(labels_path, encoding="utf-8")]
    changed = 0
    for r in rows:
        p = stale.get((r["file"], r["hash"]))
        if p is None:
            continue
        text = open(os.path.join(pages, r["file"]), encoding="utf-8").read()
        m = re.search(r"\s+".join(re.escape(w) for w in p.split()), text)
        at = m.start() if m else -1
        if at < 0:
            print(f"{r['file']} #{r['index']}: prefix not found in the page; kept", file=sys.stderr)
            continue
        r["hash"] = realset.prefix_hash(text[at:])
        changed += 1
    with open(labels_path, "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    print(f"{changed} labels re-keyed")


if __name__ == "__main__":
    main()
