#!/usr/bin/env python3
"""Plan a re-collection of the real pages within a look-up budget.

usage: recollect_plan.py OUT_DIR [--jobs K] [--budget N] [--splits S ...]
                         [--have ROOT] [--manifest tests/real/manifest.tsv]
                         [--labels tests/real/labels.jsonl]

Re-collecting means one `pages` search per distinct manifest query (README,
"Re-collecting"): 1,351 queries for the 2,238 pages of 2026-12-06, while a
session's search tool allows 1,000 look-ups in all (its helpers' included),
and a fresh collection needs look-ups too. So this script picks the queries
worth most: it ranks them by the labelled answers of their pages not yet saved
(pages already in ROOT/SPLIT/ID.txt, given with --have, count for nothing),
keeps the best N (--budget), and deals them into K job files (OUT_DIR/jobI.tsv:
id, url, query, split; a query's pages in one job, jobs balanced by pages),
so K helper sessions can re-collect in parallel. Each job keeps a budget of
its own (N / K) plus a few look-ups for retries: a helper that searches a
query again (it lost the results) costs one more. Prints per split the pages
and labelled answers the plan would recover. A dev script; never part of the
product.
"""
import argparse
import collections
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--budget", type=int, default=0, help="look-ups to spend (0: every query)")
    ap.add_argument("--splits", nargs="+", help="only these splits' pages (default: all)")
    ap.add_argument("--have", help="ROOT of pages already saved (ROOT/SPLIT/ID.txt): left out")
    ap.add_argument("--manifest", default=os.path.join(HERE, "..", "manifest.tsv"))
    ap.add_argument("--labels", default=os.path.join(HERE, "..", "labels.jsonl"))
    a = ap.parse_args()
    if a.jobs < 1:
        ap.error("--jobs must be at least 1")
    n_labels = collections.Counter(json.loads(l)["file"][:-4] for l in open(a.labels) if l.strip())
    rows = [r for r in csv.DictReader(open(a.manifest), delimiter="\t")
            if not a.splits or r["split"] in a.splits]
    if a.have:
        rows = [r for r in rows
                if not os.path.exists(os.path.join(a.have, r["split"], r["id"] + ".txt"))]
    by_query = collections.defaultdict(list)
    for r in rows:
        by_query[r["query"]].append(r)
    # Most labelled answers a look-up first; ties by pages, then by the query's
    # text, so the plan is the same every time.
    ranked = sorted(by_query.items(),
                    key=lambda kv: (-sum(n_labels[r["id"]] for r in kv[1]), -len(kv[1]), kv[0]))
    if a.budget:
        ranked = ranked[:a.budget]
    jobs = [[] for _ in range(a.jobs)]
    load = [0] * a.jobs
    for query, rs in sorted(ranked, key=lambda kv: (-len(kv[1]), kv[0])):
        i = load.index(min(load))
        jobs[i].extend(rs)
        load[i] += len(rs)
    os.makedirs(a.out, exist_ok=True)
    for i, job in enumerate(jobs, 1):
        job.sort(key=lambda r: (r["query"], r["id"]))
        with open(os.path.join(a.out, f"job{i}.tsv"), "w") as fh:
            fh.write("id\turl\tquery\tsplit\n")
            for r in job:
                fh.write("\t".join((r["id"], r["url"], r["query"], r["split"])) + "\n")
    chosen = [r for _, rs in ranked for r in rs]
    per = collections.defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        per[r["split"]][2] += 1
        per[r["split"]][3] += n_labels[r["id"]]
    for r in chosen:
        per[r["split"]][0] += 1
        per[r["split"]][1] += n_labels[r["id"]]
    print(f"{len(ranked)} look-ups in {a.jobs} jobs; pages and labelled answers the plan recovers "
          "(of those not yet saved):")
    for s in sorted(per, key=lambda s: (len(s), s)):
        p, l, tp, tl = per[s]
        print(f"  {s:6s} pages {p}/{tp}  labelled answers {l}/{tl}")
    p, l = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
    tp, tl = sum(v[2] for v in per.values()), sum(v[3] for v in per.values())
    print(f"  all    pages {p}/{tp}  labelled answers {l}/{tl}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
