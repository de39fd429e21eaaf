#!/usr/bin/env python3
"""Merge two labellers' files into agreed labels and a list of disputes.

usage: merge_labels.py PAGES_DIR OUT_DIR A.jsonl... -- B.jsonl...

Each labeller's prefix is checked against the page (normalized words); a
prefix with copying slips is replaced by the page's own words when an 8-word
window of the page matches it closely. Answers are aligned A<->B by the hash of
their prefix. Writes OUT_DIR/agreed.jsonl (both listed the answer and gave the
same stance), OUT_DIR/disputes.jsonl (stance differs, or only one listed it)
and prints the labellers' agreement (Cohen's kappa on answers both listed).
A dev script; never part of the product.
"""
import difflib
import json
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402

LABELS = ["reassuring", "cautionary", "contraindicated", "none"]


def fix_prefix(page_words, prefix):
    """The page's own first words for a labeller's prefix, or None."""
    want = realset.words(prefix)[: realset.PREFIX_WORDS]
    if not want:
        return ""
    n = len(want)
    # A labeller who counted a dash as a word copied eight tokens but seven
    # words: take the page's eighth. A shorter prefix is a short answer.
    full = realset.PREFIX_WORDS if len(prefix.split()) >= realset.PREFIX_WORDS else n
    for i in range(len(page_words) - n + 1):
        if page_words[i:i + n] == want:
            return " ".join(page_words[i:i + full])
    best, best_i = 0.0, -1
    for i in range(len(page_words) - n + 1):
        r = difflib.SequenceMatcher(None, " ".join(want), " ".join(page_words[i:i + n])).ratio()
        if r > best:
            best, best_i = r, i
    if best >= 0.8:
        return " ".join(page_words[best_i:best_i + full])
    return None


def load(paths, pages_dir, who, problems):
    out = defaultdict(list)
    for p in paths:
        for ln, line in enumerate(open(p), 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{p}:{ln}: bad JSON ({e})")
                continue
            f = a["file"]
            path = os.path.join(pages_dir, f)
            if not os.path.exists(path):
                problems.append(f"{p}:{ln}: no page {f}")
                continue
            pw = realset.words(open(path, encoding="utf-8").read())
            fixed = fix_prefix(pw, a.get("prefix", ""))
            if fixed is None:
                problems.append(f"{p}:{ln}: prefix not on page {f}: {a.get('prefix')!r}")
                fixed = " ".join(realset.words(a.get("prefix", ""))[: realset.PREFIX_WORDS])
            a["prefix_norm"] = fixed
            a["hash"] = realset.prefix_hash(fixed)
            a["who"] = who
            st = str(a.get("stance", "")).strip().lower()
            a["stance"] = st if st in LABELS else "none"
            out[f].append(a)
    return out


def kappa(pairs):
    n = len(pairs)
    po = sum(g == p for g, p in pairs) / n
    ca, cb = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    pe = sum(ca[c] * cb[c] for c in LABELS) / (n * n)
    return (po - pe) / (1 - pe)


def main():
    pages_dir, out_dir = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    cut = rest.index("--")
    problems = []
    A = load(rest[:cut], pages_dir, "A", problems)
    B = load(rest[cut + 1:], pages_dir, "B", problems)
    agreed, disputes, pairs = [], [], []
    only_a = only_b = 0
    for f in sorted(set(A) | set(B)):
        # answers that start with the same words (one physician's text
        # twice, or two alike) pair in page order, each B entry once
        bmap = defaultdict(list)
        for b in B.get(f, []):
            bmap[b["hash"]].append(b)
        seen_b = set()
        for a in A.get(f, []):
            free = [c for c in bmap.get(a["hash"], []) if id(c) not in seen_b] if a["hash"] else []
            b = free[0] if free else None
            if b is None and a["hash"]:
                # the same answer, one prefix a word shorter (a dash counted as a word)
                head = a["prefix_norm"].split()[:5]
                for cand in B.get(f, []):
                    if cand["hash"] and id(cand) not in seen_b and cand["prefix_norm"].split()[:5] == head:
                        b = cand
                        break
            if a["hash"] == "" and not b:
                # title-only truncated answers: match by index among title-only
                continue
            if b is None:
                only_a += 1
                disputes.append({"file": f, "kind": "only_A", "A": a, "B": None})
                continue
            seen_b.add(id(b))
            pairs.append((a["stance"], b["stance"]))
            longer = b if len(b["prefix_norm"].split()) > len(a["prefix_norm"].split()) else a
            rec = {"file": f, "hash": longer["hash"], "prefix": longer["prefix_norm"], "A": a, "B": b}
            if a["stance"] == b["stance"]:
                agreed.append(rec)
            else:
                rec["kind"] = "stance"
                disputes.append(rec)
        for b in B.get(f, []):
            if id(b) not in seen_b and b["hash"]:
                only_b += 1
                disputes.append({"file": f, "kind": "only_B", "A": None, "B": b})
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "agreed.jsonl"), "w") as fh:
        for r in agreed:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "disputes.jsonl"), "w") as fh:
        for r in disputes:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    k = kappa(pairs) if pairs else float("nan")
    print(f"answers both listed: {len(pairs)}; only A: {only_a}; only B: {only_b}")
    print(f"stance agreement: {sum(a == b for a, b in pairs)}/{len(pairs)}, Cohen's kappa {k:.3f}")
    print(f"agreed {len(agreed)}, disputes {len(disputes)}")
    for p in problems:
        print("problem:", p, file=sys.stderr)


if __name__ == "__main__":
    main()
