#!/usr/bin/env python3
"""Decide whether a search result may be saved for a new collection.

usage: register.py WORK_DIR SPLIT JOB URL QUERY...

Used by collector helper sessions (collect_prompt.md). Never opens a page.
Refuses a reserved page (../shared/reserved-urls.txt, kept for independent
evaluation), a page of an earlier collection (tests/real/manifest.tsv), a page
another job registered, and a query an earlier collection used (the manifest's
query column), so a fresh collection is fresh in its queries too. Otherwise
records `id, url, query, SPLIT` in WORK_DIR/JOB.tsv and prints
`SAVE TO PAGES_ROOT/SPLIT/ID.txt` (PAGES_ROOT: $REALPAGES, default
/tmp/realpages). A dev script; never part of the product.
"""
import csv
import fcntl
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(HERE))))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import realset  # noqa: E402


def norm(url):
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def reserved_urls():
    for path in (os.path.join(TOP, "..", "shared", "reserved-urls.txt"),
                 "/work/shared/reserved-urls.txt"):
        if os.path.exists(path):
            return {norm(l) for l in open(path) if l.strip() and not l.startswith("#")}
    sys.exit("register.py: reserved-urls.txt not found: refusing to register anything")


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    work, split, job, url = sys.argv[1:5]
    query = " ".join(sys.argv[5:]).strip()
    if norm(url) in reserved_urls():
        print("REFUSED: reserved page (kept for independent evaluation); do not look at it, go on")
        return 0
    rows = list(csv.DictReader(open(os.path.join(HERE, "..", "..", "manifest.tsv")), delimiter="\t"))
    pid = realset.page_id(url)
    if pid in {r["id"] for r in rows}:
        print("REFUSED: already in an earlier collection")
        return 0
    if not query:
        print("REFUSED: give the query that found the page")
        return 0
    if query.lower() in {r["query"].strip().lower() for r in rows}:
        print("REFUSED: this query was used by an earlier collection; word a new one")
        return 0
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for name in sorted(os.listdir(work)):
            if name.endswith(".tsv"):
                for line in open(os.path.join(work, name)):
                    if line.split("\t")[0] == pid:
                        print("REFUSED: already registered by " + name[:-4])
                        return 0
        with open(os.path.join(work, job + ".tsv"), "a") as out:
            out.write(f"{pid}\t{url}\t{query}\t{split}\n")
    root = os.environ.get("REALPAGES", "/tmp/realpages")
    os.makedirs(os.path.join(root, split), exist_ok=True)
    print(f"SAVE TO {os.path.join(root, split, pid + '.txt')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
