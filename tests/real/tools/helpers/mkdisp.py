#!/usr/bin/env python3
"""Number the disputes of merge_labels.py for adjudication.

usage: mkdisp.py MERGED_DIR

Reads MERGED_DIR/disputes.jsonl and writes MERGED_DIR/disputes_for_adjudication.jsonl:
one line a dispute with its id, file, kind (stance, only_A, only_B) and both
labellers' entries (index, title, prefix, physician, stance, question_type,
truncated, note). The adjudicators (adjudicate_prompt.md) answer by id, and
build_labels.py matches their lines to the disputes by file and both indexes.
A dev script.
"""
import json
import os
import sys

FIELDS = ("index", "title", "prefix", "physician", "stance", "question_type", "truncated", "note")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    n = 0
    with open(os.path.join(d, "disputes_for_adjudication.jsonl"), "w") as out:
        for line in open(os.path.join(d, "disputes.jsonl")):
            if not line.strip():
                continue
            r = json.loads(line)
            n += 1
            q = {"id": n, "file": r["file"], "kind": r.get("kind", "stance")}
            for k in ("A", "B"):
                x = r.get(k)
                q[k] = None if x is None else {f: x.get(f) for f in FIELDS}
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"{n} disputes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
