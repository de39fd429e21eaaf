#!/usr/bin/env python3
"""Check a re-collection job's saved pages (recollect_prompt.md).

usage: check_job.py JOB.tsv [ID]

For each row of JOB.tsv (id, url, query, split; recollect_plan.py writes
them) whose page is saved as $REALPAGES/SPLIT/ID.txt (default /tmp/realpages):
do all its labelled answers' first-word hashes occur in it (as
check_collection.py checks)? Prints the problems (SHORT: some labels do not
occur, the page was mis-copied or its stored copy changed) and a summary;
with ID, that page's line whatever it says. A dev script.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(HERE, ".."))
import realset  # noqa: E402
from check_collection import page_hashes  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = os.environ.get("REALPAGES", "/tmp/realpages")
    labels = {}
    for line in open(os.path.join(HERE, "..", "..", "labels.jsonl")):
        if line.strip():
            d = json.loads(line)
            labels.setdefault(d["file"][:-4], set()).add(d["hash"])
    only = sys.argv[2] if len(sys.argv) > 2 else None
    n = saved = full = 0
    for r in csv.DictReader(open(sys.argv[1]), delimiter="\t"):
        if only and r["id"] != only:
            continue
        n += 1
        if realset.page_id(r["url"]) != r["id"]:
            print("ID/URL MISMATCH", r["id"], r["url"])
            continue
        path = os.path.join(root, r["split"], r["id"] + ".txt")
        if not os.path.exists(path):
            if only:
                print("MISSING", r["id"])
            continue
        saved += 1
        want = labels.get(r["id"], set())
        got = len(want & page_hashes(open(path, encoding="utf-8").read()))
        full += got == len(want)
        if only or got < len(want):
            print("OK" if got == len(want) else "SHORT", r["id"], f"labels {got}/{len(want)}", path)
    print(f"summary: {n} rows, {saved} saved, {full} saved with every label found, "
          f"{n - saved} not yet saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
