#!/usr/bin/env python3
"""Re-key labels keyed against the labelling convention for a short lead
phrase on the body's first line.

usage: rekey_lead_phrase.py ROOT LABELS_JSONL [--write]

The label prompt (helpers/label_prompt.md) says a short lead phrase on the
body's own first line ("Yes. It can ...", "Bulging veins. Varicose veins
are ...") is part of the body, so an answer's key starts at the phrase. Some
labels of earlier collections were keyed after the phrase (the prompt did
not say so then; labellers differed page by page). This finds them from the
pages alone, never from the reader's output: a label whose key matches the
text starting 1..MAX_PHRASE words into a line, after a phrase ending in
punctuation (". : - ..."), is re-keyed to the text from the line's start.
A line opening with "Answer:" or "A:" starts after it. Left as they are: a
phrase alone on its line (a title line), and a title-case phrase glued after
"Answer:" (the prompt makes that the answer's title).

Each re-keyed label keeps its old key as `hash_labelled`, so the figure under
the labellers' own keys can always be recomputed (score.py --labelled-keys).
Prints every change; --write rewrites LABELS_JSONL. ROOT holds pages as
ROOT/SPLIT/FILE or ROOT/FILE. A dev script; never part of the product.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402

MAX_PHRASE = 3
OPENERS = ("answer:", "a:")
SMALL = {"a", "an", "and", "of", "the", "to", "in", "on", "for", "with", "after", "or", "vs", "vs."}


def page_path(root, label):
    for p in (os.path.join(root, label["split"], label["file"]), os.path.join(root, label["file"])):
        if os.path.exists(p):
            return p
    return None


def ends_phrase(word):
    return word.rstrip("\"')").endswith((".", ":", "-", "\u2013", "\u2014", "\u2026", "!", "?"))


def title_case(raw_words):
    return all(w[:1].isupper() or w.lower() in SMALL or not w[:1].isalpha() for w in raw_words)


def rekey(lines, key):
    """The new key when the label `key` starts after a lead phrase on its
    line, else None."""
    for i, line in enumerate(lines):
        raw = line.split()
        if len(raw) < 2:
            continue
        start = 1 if raw[0].lower() in OPENERS else 0
        rest = "\n".join(lines[i + 1:])
        for k in range(start + 1, min(start + MAX_PHRASE, len(raw) - 1) + 1):
            if not realset.words(" ".join(raw[k:])):
                break  # the phrase is alone on its line: a title line
            if realset.prefix_hash(" ".join(raw[k:]) + "\n" + rest) != key:
                continue
            phrase = raw[start:k]
            if not (ends_phrase(phrase[-1]) or raw[k] in ("-", "\u2013", "\u2014", ":", ".")):
                return None
            if start == 1 and title_case(phrase) and len(phrase) > 1:
                return None  # a glued title after "Answer:": the title, by the prompt
            return realset.prefix_hash(" ".join(raw[start:]) + "\n" + rest)
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    root, path = args
    rows = [json.loads(l) for l in open(path) if l.strip()]
    changed = 0
    for row in rows:
        if not row.get("hash") or "hash_labelled" in row:
            continue
        page = page_path(root, row)
        if page is None:
            continue
        lines = open(page, encoding="utf-8").read().split("\n")
        new = rekey(lines, row["hash"])
        if new and new != row["hash"]:
            print(f"{row['split']}\t{row['file']}\t#{row['index']}\t{row['hash']} -> {new}")
            row["hash_labelled"] = row["hash"]
            row["hash"] = new
            changed += 1
    print(f"{changed} labels re-keyed", file=sys.stderr)
    if "--write" in sys.argv:
        with open(path + ".tmp", "w") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
