#!/usr/bin/env python3
"""Cross-validate `consensus rules fit` on the dev part of the real-page set.

usage: cv_fit.py PAGES_DIR [--dev2 PAGES2_DIR] [--dev3 PAGES3_DIR] [--l2 X ...] [--folds 5] [--extra GOLD:PAGES ...]
       cv_fit.py --root ROOT --splits SPLIT... [--l2 X ...] ...   (pages in ROOT/SPLIT/ID.txt)

Pages of the dev split are dealt into folds by their id; for each fold the
decision weights are fitted on the other folds' labelled answers (plus any
--extra gold sets) and the held-out fold is classified with them. Prints the
pooled strict macro-F1, accuracy and kappa of the held-out predictions for
each L2 value. With --dev2, the second collection's dev2 pages join the
folds (and figures are printed per split too); --dev3 likewise adds the fourth
collection's dev3 pages. The validation splits (val, val2, val3, val4, val5) are
never read. With --root and --splits, the named splits' pages (in
ROOT/SPLIT/ID.txt, as tools/check_collection.py wants them) are the folds
instead; since 2026-12-05's fifth session that is every split but the fresh
validation set, as tools/fit_decision.sh fits. A dev script.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realset  # noqa: E402
import fit_qtype  # noqa: E402
import calibrate  # noqa: E402
from score import kappa, macro_f1, LABELS  # noqa: E402


CONFUSION_ORDER = ["none", "reassuring", "cautionary", "contraindicated"]


def write_confusion_rules(path, counts, provenance):
    """Write counts[true][predicted] as `confusion` rule lines (the file
    cn_relabel reads), atomically; provenance: the comment lines after
    "Written by", saying whose labels these are."""
    n = sum(sum(r.values()) for r in counts.values())
    order = CONFUSION_ORDER
    tmp = path + ".tmp"
    with open(tmp, "w") as out:
        out.write("# confusion.rules: how the classifier labelled hand-labelled answers, one\n"
                  "# line per true stance with the counts of each predicted one; the reports\n"
                  "# redraw the classifier's errors from it (cn_relabel). Written by\n")
        out.write("".join(f"# {line}\n" for line in provenance(n)))
        for g in order:
            cells = " ".join(f"{p}={counts[g][p]}" for p in order[1:] + order[:1])
            out.write(f"confusion {g:<16} {cells}\n")
    os.replace(tmp, path)
    return n


def write_confusion(path, pairs, l2, folds, split):
    """The held-out predictions' confusion matrix as `confusion` rule lines
    (answers the reader missed left out: the reports redraw labels, not
    segmentation)."""
    order = CONFUSION_ORDER
    counts = {g: {p: 0 for p in order} for g in order}
    for g, p in pairs:
        if p in order:
            counts[g][p] += 1
    write_confusion_rules(path, counts, lambda n: [
        f"tests/real/tools/cv_fit.py --confusion-out: the {n} answers of the real",
        f"{split} pages the reader found, each predicted by a decision fitted",
        f"without its page ({folds}-fold cross-validation by page, L2 {l2:g}); the",
        "fresh validation pages are not used."])


def classifier_qtype(answer):
    """The question type the classifier itself gave the answer's question
    (its sure "qtype/X" flag, cn_annotate.c), "untyped" without one: never
    the labellers' type."""
    for f in answer.get("question_flags") or []:
        if f.startswith("qtype/") and not f.startswith("qtype/maybe-"):
            return f[len("qtype/"):]
    return "untyped"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="?")
    ap.add_argument("--root", help="folder of re-collected pages by split (ROOT/SPLIT/ID.txt)")
    ap.add_argument("--splits", nargs="+", help="with --root: the splits dealt into folds")
    ap.add_argument("--dev2", help="folder of the second collection's pages: dev2 joins the folds")
    ap.add_argument("--dev3", help="folder of the fourth collection's dev3 pages: they join the folds")
    ap.add_argument("--l2", type=float, nargs="+", default=[0.01])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--consensus", default=os.path.join(top, "build", "consensus"))
    ap.add_argument("--rules", default=os.path.join(top, "rules"))
    ap.add_argument("--labels", default=os.path.join(os.path.dirname(here), "labels.jsonl"))
    ap.add_argument("--real-weight", type=float, default=1.0,
                    help="weight of a real dev answer against one of the --extra sets")
    ap.add_argument("--extra", nargs="*", default=[],
                    help="GOLD:PAGES pairs added to every fold's training data")
    ap.add_argument("--extra-contra-weight", type=float, default=1.0,
                    help="weight of the --extra sets' contraindicated answers that carry no weight "
                         "of their own (fit_decision.sh uses 0.7: the written sets hold more than "
                         "twice the real pages' share of them)")
    ap.add_argument("--confusion-split", default=None,
                    help="write the confusion of these splits' held-out predictions only "
                         "(comma-separated, e.g. val,val2: pages whose cue families were not "
                         "chosen from their own errors, so their out-of-fold errors are closer "
                         "to unseen pages)")
    ap.add_argument("--confusion-out",
                    help="write the held-out confusion (found answers; the last --l2) as "
                         "rules/confusion.rules lines")
    ap.add_argument("--words-min", type=int, default=None,
                    help="pass --words-min K to `rules fit`: word terms held by >= K training "
                         "answers join the model (default: the rules' words_min_answers)")
    ap.add_argument("--l2-words", type=float, default=None,
                    help="pass --l2-words X to `rules fit` (the word terms' L2 penalty)")
    ap.add_argument("--pred-out",
                    help="write every held-out prediction (the last --l2) as JSON lines: file, "
                         "index, gold, pred, split, fold (for a paired bootstrap: "
                         "tools/cv_compare.py)")
    ap.add_argument("--qtype", action="store_true",
                    help="fit the question-type model (rules/qtype.rules, tools/fit_qtype.py) "
                         "inside each fold, on the training folds' pages only, before the "
                         "decision; without it any qtype.rules of --rules is left out (a shipped "
                         "one was fitted on every fold)")
    ap.add_argument("--train-splits", nargs="+",
                    help="only these splits' answers (and pages) train each fold's models; every "
                         "split is still held out and scored (does a fit on more collections "
                         "predict the held-out pages better than one on fewer, on the same folds?)")
    ap.add_argument("--probabilities", action="store_true",
                    help="with --pred-out: each line also gets the model's probabilities "
                         "(\"prob\", from `classify --explain` with confidence_temperature 1) "
                         "and the classifier's own question type (\"qtype\": its qtype/X "
                         "flag, \"untyped\" without one, null when missed), for "
                         "tools/fit_offsets.py")
    ap.add_argument("--top-qtype", action="store_true",
                    help="with --probabilities: each line also gets \"qtype_top\", the "
                         "question-type model's most probable type even when it is unsure "
                         "(a second `classify` of the fold with qtype_min_probability 0, read "
                         "for its flags only; the probabilities stay the first run's)")
    ap.add_argument("--outer", type=int,
                    help="leave the pages of fold OUTER of the 5-fold deal out altogether and deal "
                         "the rest into --folds folds: a cross-validation inside one outer fold's "
                         "training pages, so a setting fitted on its predictions is chosen "
                         "without the outer fold (tools/fit_offsets.py --inner)")
    ap.add_argument("--qtype-splits", nargs="+",
                    help="with --qtype: the type model trains on these splits' pages only (of the "
                         "training folds); the decision still trains on every training page "
                         "(the shipped qtype.rules is fitted on fit_qtype.py's TUNING list)")
    ap.add_argument("--qtype-l2", type=float, default=0.01)
    ap.add_argument("--qtype-min-pages", type=int, default=4)
    ap.add_argument("--qtype-merge", help="tools/fit_qtype.py --merge: types merged before fitting")
    args = ap.parse_args()
    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    if args.root:
        if not args.splits:
            ap.error("--root needs --splits")
        folder = {sp: os.path.join(args.root, sp) for sp in args.splits}
        splits = tuple(args.splits)
    else:
        if not args.pages:
            ap.error("give PAGES_DIR, or --root and --splits")
        folder = {"dev": args.pages, "dev2": args.dev2, "dev3": args.dev3}
        splits = tuple(sp for sp in ("dev", "dev2", "dev3") if folder[sp])
    dev = [l for l in labels if l["split"] in splits]
    # A partial re-collection (tests/real/README.md, "Re-collecting") lacks
    # some pages: their labels are left out of every fold, and said so.
    missing = {l["file"] for l in dev if not os.path.exists(os.path.join(folder[l["split"]], l["file"]))}
    if missing:
        print(f"cv_fit: {len(missing)} labelled pages are missing from their folders; their "
              f"{sum(l['file'] in missing for l in dev)} labels are left out", file=sys.stderr)
        dev = [l for l in dev if l["file"] not in missing]
    dir_of = {l["file"]: folder[l["split"]] for l in dev}
    files = sorted({l["file"] for l in dev})
    fold_of = {f: int(f[3:11], 16) % args.folds for f in files}
    if args.outer is not None:
        outer = {f: int(f[3:11], 16) % 5 for f in files}
        files = [f for f in files if outer[f] != args.outer]
        dev = [l for l in dev if outer[l["file"]] != args.outer]
        fold_of = {f: (int(f[3:11], 16) // 5) % args.folds for f in files}
    trains = set(args.train_splits or splits)
    split_of = {l["file"]: l["split"] for l in dev}

    def trains_in(f, k):
        return fold_of[f] != k and split_of[f] in trains
    tmp = tempfile.mkdtemp()
    try:
        for l2 in args.l2:
            pairs = []
            preds = []
            for k in range(args.folds):
                rules = os.path.join(tmp, "rules")
                shutil.rmtree(rules, ignore_errors=True)
                shutil.copytree(args.rules, rules)
                dec = os.path.join(rules, "decision.rules")
                if os.path.exists(dec):
                    os.remove(dec)
                qrules = os.path.join(rules, "qtype.rules")
                if os.path.exists(qrules):
                    os.remove(qrules)
                if args.qtype:
                    # the fold's own model: its training pages and their labels only
                    qsplits = set(args.qtype_splits) if args.qtype_splits else None

                    def qtrains(f, k=k, qsplits=qsplits):
                        return trains_in(f, k) and (qsplits is None or split_of[f] in qsplits)
                    train_files = [f for f in files if qtrains(f)]
                    types = fit_qtype.page_types((l for l in dev if qtrains(l["file"])),
                                                 fit_qtype.parse_merge(args.qtype_merge))
                    fit_qtype.fit(args.consensus, train_files, dir_of, types, qrules,
                                  args.qtype_l2, args.qtype_min_pages, rules=rules)
                train = os.path.join(tmp, "train.jsonl")
                with open(train, "w") as fh:
                    for l in dev:
                        if trains_in(l["file"], k):
                            fh.write(json.dumps(dict(l, weight=args.real_weight)) + "\n")
                    for pair in args.extra:
                        for line in open(pair.split(":")[0]):
                            if not line.strip():
                                continue
                            g = json.loads(line)
                            if g["stance"] == "contraindicated" and "weight" not in g:
                                g["weight"] = args.extra_contra_weight
                            fh.write(json.dumps(g) + "\n")
                pages = os.path.join(tmp, "pages")
                shutil.rmtree(pages, ignore_errors=True)
                os.makedirs(pages)
                for f in files:
                    if trains_in(f, k):
                        os.symlink(os.path.join(os.path.abspath(dir_of[f]), f),
                                   os.path.join(pages, f))
                extra_pages = [pair.split(":")[1] for pair in args.extra]
                lexical = []
                if args.words_min is not None:
                    lexical += ["--words-min", str(args.words_min)]
                if args.l2_words is not None:
                    lexical += ["--l2-words", str(args.l2_words)]
                fit = subprocess.run([args.consensus, "rules", "fit", "--gold", train, "--l2", str(l2),
                                      "--rules", rules, "--out", dec] + lexical + [pages] + extra_pages,
                                     capture_output=True, text=True)
                # `rules fit` exits 1 when the reader skips a page, so its
                # status is not checked; but a fold without weights would be
                # classified by the rules alone and scored as if fitted
                if not os.path.exists(dec) or os.path.getsize(dec) == 0:
                    sys.stderr.write(fit.stderr)
                    sys.exit(f"cv_fit: fold {k}: the fit wrote no weights (exit status {fit.returncode})")
                held = [os.path.join(dir_of[f], f) for f in files if fold_of[f] == k]
                if args.probabilities:
                    # the model's own probabilities: untempered (the label and
                    # the decision offsets do not depend on the temperature)
                    settings = os.path.join(rules, "settings.rules")
                    text = re.sub(r"(?m)^setting\s+confidence_temperature\s+value=\S+", "",
                                  open(settings).read())
                    with open(settings, "w") as fh:
                        fh.write(text + "\nsetting confidence_temperature value=1\n")
                    answers = calibrate.classify(args.consensus, rules, held)
                    top = {}
                    if args.top_qtype:
                        text = re.sub(r"(?m)^setting\s+qtype_min_probability\s+value=\S+", "",
                                      open(settings).read())
                        with open(settings, "w") as fh:
                            fh.write(text + "\nsetting qtype_min_probability value=0\n")
                        out = subprocess.run([args.consensus, "classify", "--rules", rules] + held,
                                             capture_output=True, text=True).stdout
                        for line in out.splitlines():
                            a = json.loads(line)
                            top[(a["file"], a["index"])] = classifier_qtype(a)
                else:
                    out = subprocess.run([args.consensus, "classify", "--rules", rules] + held,
                                         capture_output=True, text=True).stdout
                    answers = [json.loads(line) for line in out.splitlines()]
                by = {}
                for a in answers:
                    by.setdefault(a["file"], []).append(a)
                for l in dev:
                    if fold_of[l["file"]] != k:
                        continue
                    pred = "missed"
                    prob = None
                    qtype = qtop = None
                    cands = sorted(by.get(l["file"], []), key=lambda a: a["index"] != l["index"])
                    for a in cands:
                        if realset.prefix_hash(a.get("text") or "") == l["hash"]:
                            pred = a.get("stance") or "none"
                            prob = a.get("probabilities")
                            qtype = classifier_qtype(a)
                            qtop = top.get((a["file"], a["index"])) if args.probabilities else None
                            break
                    pairs.append((l["stance"], pred, l["split"]))
                    row = {"file": l["file"], "index": l["index"], "gold": l["stance"],
                           "pred": pred, "split": l["split"], "fold": k}
                    if args.probabilities:
                        row["prob"] = prob
                        row["qtype"] = qtype
                        if args.top_qtype:
                            row["qtype_top"] = qtop
                    preds.append(row)
            by_split = {sp: [(g, p) for g, p, s2 in pairs if s2 == sp] for sp in splits}
            pairs = [(g, p) for g, p, _ in pairs]
            f1, per = macro_f1(pairs)
            acc = sum(g == p for g, p in pairs) / len(pairs)
            k = kappa(pairs, LABELS + ["missed"])
            if args.pred_out:
                with open(args.pred_out, "w") as fh:
                    for p in preds:
                        fh.write(json.dumps(p) + "\n")
            if args.confusion_out:
                chosen = args.confusion_split.split(",") if args.confusion_split else splits
                write_confusion(args.confusion_out,
                                [gp for sp in chosen for gp in by_split[sp]], l2, args.folds,
                                " + ".join(chosen))
            print(f"l2 {l2:g}: held-out strict macro-F1 {f1:.3f}, accuracy {acc:.3f}, "
                  f"kappa {k:.3f}  (" + ", ".join(f"{x} {per[x]['f1']:.2f}" for x in LABELS) + ")")
            if len(splits) > 1:
                for sp, pp in by_split.items():
                    a2 = sum(g == p for g, p in pp) / len(pp)
                    print(f"    {sp}: n={len(pp)} macro-F1 {macro_f1(pp)[0]:.3f}, accuracy {a2:.3f}, "
                          f"kappa {kappa(pp, LABELS + ['missed']):.3f}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
