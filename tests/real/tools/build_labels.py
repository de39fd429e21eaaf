#!/usr/bin/env python3
"""Write tests/real/labels.jsonl and manifest.tsv from the merged labels.

usage: build_labels.py MERGED_DIR COLLECT_DIR OUT_DIR [COLLECTION]

COLLECTION (1, 2 or 3, default 1) picks the split rule of realset.split_of: the
second collection (2026-12-04) was merged per split (val2, dev2) and its
lines appended to labels.jsonl and manifest.tsv.

labels.jsonl: one line per labelled answer with a body: file, index (in page
order), hash (of the first eight words, see realset.py), stance (adjudicated),
a and b (the two labellers' raw stances; null where one did not list it),
question_type, truncated, split. No words of the page are stored.
manifest.tsv: id, url, query, split, for every collected page.
A dev script; never part of the product.
"""
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402


def dispute_key(d):
    ia = d["A"]["index"] if d.get("A") else None
    ib = d["B"]["index"] if d.get("B") else None
    return (d["file"], ia, ib)


def main():
    merged, collect, out = sys.argv[1:4]
    collection = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rows = []
    for line in open(os.path.join(merged, "agreed.jsonl")):
        r = json.loads(line)
        A = dict(r["A"], hash=r["hash"])
        rows.append((r["file"], A, r["B"], r["A"]["stance"]))
    disputes = [json.loads(l) for l in open(os.path.join(merged, "disputes.jsonl"))]
    # Adjudications are keyed by the dispute's content (file and both labellers'
    # page index), so a re-merge that renumbers disputes keeps them.
    adj = {}
    asked = os.path.join(merged, "disputes_for_adjudication.jsonl")
    path = os.path.join(merged, "adjudicated.jsonl")
    if os.path.exists(path) and os.path.exists(asked):
        questions = {}
        for line in open(asked):
            q = json.loads(line)
            questions[q["id"]] = q
        for line in open(path):
            if line.strip():
                a = json.loads(line)
                q = questions.get(a["id"])
                if q:
                    adj[dispute_key(q)] = a
    missing = 0
    for i, d in enumerate(disputes):
        a = adj.get(dispute_key(d))
        if a is None:
            missing += 1
            continue
        if not a.get("is_answer", True):
            continue
        rows.append((d["file"], d["A"], d["B"], a["stance"]))
    by_file = defaultdict(list)
    for f, A, B, st in rows:
        x = A or B
        by_file[f].append((x["index"] if A else 100 + x["index"], x, A, B, st))
    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for f in sorted(by_file):
            for k, (_, x, A, B, st) in enumerate(sorted(by_file[f], key=lambda t: t[0]), 1):
                fh.write(json.dumps({
                    "file": f, "index": k, "hash": x["hash"], "stance": st,
                    "a": A["stance"] if A else None, "b": B["stance"] if B else None,
                    "question_type": x.get("question_type", "other"),
                    "truncated": bool(x.get("truncated")),
                    "split": realset.split_of(f[:13], collection)}) + "\n")
    with open(os.path.join(out, "manifest.tsv"), "w") as fh:
        fh.write("id\turl\tquery\tsplit\n")
        seen = set()
        # Only the collectors' job files (jobN.tsv): the folder also holds
        # their prompts and the lead's scripts.
        for name in sorted(n for n in os.listdir(collect)
                           if n.startswith("job") and n.endswith(".tsv")):
            for line in open(os.path.join(collect, name)):
                pid, url, query, _ = line.rstrip("\n").split("\t")
                if pid in seen:
                    continue
                seen.add(pid)
                fh.write(f"{pid}\t{url}\t{query}\t{realset.split_of(pid, collection)}\n")
    print(f"{sum(len(v) for v in by_file.values())} labelled answers on {len(by_file)} pages; "
          f"{missing} disputes not adjudicated yet")


if __name__ == "__main__":
    main()
