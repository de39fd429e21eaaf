#!/usr/bin/env python3
"""Check a re-collected folder of real pages against the manifest and labels.

usage: check_collection.py ROOT [--split S ...] [--manifest tests/real/manifest.tsv]
                           [--labels tests/real/labels.jsonl]

ROOT holds one folder per split (ROOT/dev/ID.txt, ROOT/val2/ID.txt, ...), as
tests/real/README.md ("Re-collecting") describes. For every manifest page of the
chosen splits (all by default) it says whether the file is there and whether
each of its labelled answers' first-word hashes occurs in it, at any word
position and for any prefix length of one to eight words (an answer shorter
than eight words is hashed on all its words). A page whose labels do not all
occur was usually mis-copied, or the stored page has changed since it was
labelled; where the page corpus returns one address twice with different
excerpts, keep the one whose labels occur. Prints one line per page with a
problem and a summary; exit 1 when any labelled page is missing or short of
labels. A dev script; never part of the product.
"""
import argparse
import csv
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402


def page_hashes(text):
    w = realset.words(text)
    out = set()
    for i in range(len(w)):
        for n in range(1, realset.PREFIX_WORDS + 1):
            if i + n <= len(w):
                out.add(realset.prefix_hash(" ".join(w[i:i + n])))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--split", action="append")
    ap.add_argument("--manifest", default=os.path.join(here, "..", "manifest.tsv"))
    ap.add_argument("--labels", default=os.path.join(here, "..", "labels.jsonl"))
    a = ap.parse_args()
    labels = {}
    for line in open(a.labels):
        d = json.loads(line)
        labels.setdefault(d["file"][:-4], set()).add(d["hash"])
    pages = saved = found = want = bad = 0
    for r in csv.DictReader(open(a.manifest), delimiter="\t"):
        if a.split and r["split"] not in a.split:
            continue
        pages += 1
        if realset.page_id(r["url"]) != r["id"]:
            print("id does not match url:", r["id"], r["url"])
            bad += 1
            continue
        path = os.path.join(a.root, r["split"], r["id"] + ".txt")
        need = labels.get(r["id"], set())
        if not os.path.exists(path):
            print("missing:", r["split"], r["id"], r["url"])
            bad += bool(need)
            want += len(need)
            continue
        saved += 1
        have = page_hashes(open(path, encoding="utf-8").read())
        got = len(need & have)
        found += got
        want += len(need)
        if got < len(need):
            print("labels %d/%d:" % (got, len(need)), r["split"], r["id"], r["url"])
            bad += 1
    print("%d of %d pages saved; %d of %d labelled answers' first words occur in them"
          % (saved, pages, found, want))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
