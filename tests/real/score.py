#!/usr/bin/env python3
"""Score the reader and the classifier on re-collected real pages.

usage: score.py PAGES_DIR [--labels tests/real/labels.jsonl] [--pred-out FILE] [--split dev|val|dev2|val2|val3|dev3|val4|val5|val6|val7|val8|val9|val10|val11|val12|val13|val14|val15|val16|val17|val18|val19|val20|val21|val22|val23|val24|val25|val26|val27|val28|dev4|dev5|all]
                [--consensus build/consensus] [--rules rules] [--json] [--errors] [--lead N]
                [--labelled-keys]

Runs `consensus classify` on the page files of the chosen split, aligns each
labelled answer with the reader's answer of the same file whose body's first
eight words hash the same (as `consensus eval` does), and prints:
  - reader: labelled answers found, pages read, answers the reader output that
    no label matches (scraps, split answers, asker text);
  - classifier, strict: an answer the reader missed counts as wrong.
With --lead N, an answer also aligns when the labeller and the reader split a
short lead phrase ("Frequently. Depending on ...") differently: a secondary
figure; the strict one (--lead 0) is the one quoted first. Labels keyed
against the label prompt's lead-phrase convention were re-keyed by
tools/rekey_lead_phrase.py (2026-12-06, 58 labels); --labelled-keys scores
with the labellers' own keys instead.
Truncated labels without a body (title only) are not scored.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realset  # noqa: E402

LABELS = ["reassuring", "cautionary", "contraindicated", "none"]


def kappa(pairs, cats):
    n = len(pairs)
    if n == 0:
        return float("nan")
    po = sum(1 for g, p in pairs if g == p) / n
    cg = Counter(g for g, _ in pairs)
    cp = Counter(p for _, p in pairs)
    pe = sum(cg[c] * cp[c] for c in cats) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def macro_f1(pairs):
    f1s = {}
    for lab in LABELS:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s[lab] = {"precision": prec, "recall": rec,
                    "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                    "support": tp + fn}
    present = [lab for lab in LABELS if f1s[lab]["support"] > 0]
    return sum(f1s[lab]["f1"] for lab in present) / len(present), f1s


def lead_keys(answer, lead):
    """Other hashes that name the same answer when the labeller and the reader
    drew the line between a short lead phrase and the body differently
    ("Frequently. Depending on ..." on one line: a title to one, the body's
    first words to the other): the body without its first 1..lead words, and
    the title followed by the body."""
    words = realset.words(answer.get("text") or "")
    keys = {realset.prefix_hash(" ".join(words[k:])) for k in range(1, lead + 1) if k < len(words)}
    if answer.get("title"):
        keys.add(realset.prefix_hash(answer["title"] + " " + (answer.get("text") or "")))
    return keys


def align(labels, by_file, present, lead=0):
    """Pair each scorable label (its page present, a hash) with the reader's
    answer it names, or None when the reader missed it. As `consensus eval`
    aligns: the answer at the labelled index first, then any answer of the
    page whose body's first eight words hash the same, each reader answer used
    once (an answer_id is the text's, and one answer may be on two pages).
    by_file: `classify` lines by file. Returns ([(label, answer or None)],
    the set of (file, index) used)."""
    out, used = [], set()
    for lab in labels:
        if lab["file"] not in present or not lab["hash"]:
            continue
        match = None
        cands = by_file.get(lab["file"], [])
        for a in sorted(cands, key=lambda a: a["index"] != lab["index"]):
            if realset.prefix_hash(a.get("text") or "") == lab["hash"] and \
                    (a["file"], a["index"]) not in used:
                match = a
                break
        if match is None and lead > 0:
            for a in sorted(cands, key=lambda a: a["index"] != lab["index"]):
                if lab["hash"] in lead_keys(a, lead) and (a["file"], a["index"]) not in used:
                    match = a
                    break
        if match is not None:
            used.add((match["file"], match["index"]))
        out.append((lab, match))
    return out, used


def predicted(answer):
    """The stance scored for a reader answer: a title-only answer (no body)
    is none."""
    if answer.get("truncated") and not (answer.get("text") or "").strip():
        return "none"
    return answer.get("stance") or "none"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("pages")
    ap.add_argument("--labels", default=os.path.join(here, "labels.jsonl"))
    ap.add_argument("--split", default="dev", choices=["dev", "val", "dev2", "val2", "val3", "dev3", "val4", "val5", "val6", "val7", "val8", "val9", "val10", "val11", "val12", "val13", "val14", "val15", "val16", "val17", "val18", "val19", "val20", "val21", "val22", "val23", "val24", "val25", "val26", "val27", "val28", "dev4", "dev5", "all"])
    ap.add_argument("--consensus", default=os.path.join(top, "build", "consensus"))
    ap.add_argument("--rules", default=os.path.join(top, "rules"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list every miss and mislabel")
    ap.add_argument("--pred-out", metavar="FILE",
                    help="write every labelled answer's gold and predicted stance ('missed' when "
                         "the reader missed it) as JSON lines: file, index, gold, pred, split, "
                         "fold 0 (tools/cv_compare.py compares two such files by a paired "
                         "bootstrap over pages)")
    ap.add_argument("--labelled-keys", action="store_true",
                    help="key each label as its labellers did (hash_labelled), before "
                         "tools/rekey_lead_phrase.py moved it to the label prompt's convention")
    ap.add_argument("--lead", type=int, default=0, metavar="N",
                    help="also align an answer whose label and reader answer differ only by a "
                         "lead phrase of up to N words taken as title by one and as body by the "
                         "other (default 0: strict, the figure the README quotes first)")
    args = ap.parse_args()

    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    labels = [l for l in labels if args.split == "all" or l["split"] == args.split]
    if args.labelled_keys:
        labels = [dict(l, hash=l.get("hash_labelled", l["hash"])) for l in labels]
    files = sorted({l["file"] for l in labels})
    present = [f for f in files if os.path.exists(os.path.join(args.pages, f))]
    if len(present) < len(files):
        print(f"warning: {len(files) - len(present)} of {len(files)} labelled pages are missing "
              f"from {args.pages}", file=sys.stderr)
    paths = [os.path.join(args.pages, f) for f in present]
    proc = subprocess.run([args.consensus, "classify", "--rules", args.rules] + paths,
                          capture_output=True, text=True)
    messages = [l for l in proc.stderr.splitlines() if l.strip()]
    # A rejected page is named on its own line ("skipped FILE: why"); the count
    # line under them ("1 input skipped") is not another page.
    rejected = [l for l in messages if ": skipped " in l]
    by_file = defaultdict(list)
    for line in proc.stdout.splitlines():
        a = json.loads(line)
        by_file[a["file"]].append(a)

    pairs, errors, found, scored = [], [], 0, 0
    aligned_labels, used = align(labels, by_file, present, args.lead)
    pred_out = open(args.pred_out, "w") if args.pred_out else None
    for lab, match in aligned_labels:
        scored += 1
        if pred_out:
            pred_out.write(json.dumps({"file": lab["file"], "index": lab["index"],
                                       "gold": lab["stance"],
                                       "pred": predicted(match) if match else "missed",
                                       "split": lab["split"], "fold": 0}) + "\n")
        if match is None:
            pairs.append((lab["stance"], "missed"))
            errors.append(f"MISSED   {lab['file']} #{lab['index']} gold={lab['stance']}")
            continue
        found += 1
        pred = predicted(match)
        pairs.append((lab["stance"], pred))
        if pred != lab["stance"]:
            errors.append(f"WRONG    {lab['file']} #{lab['index']} (reader #{match['index']}) "
                          f"gold={lab['stance']} got={pred}")
    # A title-only answer (the page ends under its title) is reported with no
    # body, no stance and no vote, and the labels leave such answers out (they
    # have no words to hash): neither side can match it, so it is counted
    # apart, not as a stray.
    unmatched = [a for f in present for a in by_file.get(f, []) if (a["file"], a["index"]) not in used
                 and not a.get("duplicate_of")]
    title_only = [a for a in unmatched if not (a.get("text") or "").strip()]
    unmatched = [a for a in unmatched if (a.get("text") or "").strip()]
    extra = len(unmatched)
    for a in unmatched:
        errors.append(f"EXTRA    {a['file']} (reader #{a['index']}) matches no label")
    f1, per = macro_f1(pairs)
    acc = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else float("nan")
    k = kappa(pairs, LABELS + ["missed"])
    aligned = [(g, p) for g, p in pairs if p != "missed"]
    f1_al, _ = macro_f1(aligned) if aligned else (float("nan"), None)
    out = {
        "split": args.split, "pages": len(present), "pages_rejected": len(rejected),
        "labelled_answers": scored, "found": found,
        "found_share": found / scored if scored else float("nan"),
        "unmatched_reader_answers": extra, "title_only_reader_answers": len(title_only),
        "macro_f1_strict": f1, "accuracy_strict": acc, "kappa_strict": k,
        "macro_f1_aligned": f1_al, "per_label": per,
        "confusion": {g: dict(Counter(p for gg, p in pairs if gg == g)) for g in LABELS},
    }
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"split {args.split}: {len(present)} pages, {len(rejected)} rejected by the reader"
              + (f" (alignment allows a lead phrase of up to {args.lead} words)" if args.lead else ""))
        print(f"reader: {found}/{scored} labelled answers found ({100 * out['found_share']:.1f}%), "
              f"{extra} reader answers match no label ({len(title_only)} title-only answers "
              "cut by the page's end, unlabelled and no voters, not counted)")
        print(f"classifier (strict): macro-F1 {f1:.3f}, accuracy {acc:.3f}, kappa {k:.3f}; "
              f"macro-F1 on found answers {f1_al:.3f}")
        for lab in LABELS:
            p = per[lab]
            print(f"  {lab:16s} P {p['precision']:.2f} R {p['recall']:.2f} F1 {p['f1']:.2f} "
                  f"n {p['support']}")
        print("  confusion (gold -> predicted):")
        for g in LABELS:
            print(f"    {g:16s} {out['confusion'][g]}")
        for r in messages:
            print("  reader: " + r)
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
