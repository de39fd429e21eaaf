#!/usr/bin/env python3
"""Does a lexical layer (word n-grams learned from the answers) add to the rule features?

usage: ngram_cv.py DUMP CLASSIFY_JSONL [--labels tests/real/labels.jsonl] [--folds 5]
                   [--variants a b b_real c c_subj d e f g] [--inner 4] [--real-weight W]
                   [--boot N] [--top N]

A dev script (needs numpy and scipy: apt-get install python3-numpy python3-scipy).

Inputs, made once with the worktree's build (the rule folder without
decision.rules, exactly what cv_fit.py fits from):
  CN_FIT_DUMP=DUMP consensus rules fit --gold GOLD --l2 0.1 --rules RULES --out TMP.rules \\
      DEV_AND_DEV2_PAGES EXTRA_PAGES...
      (GOLD: the dev + dev2 lines of labels.jsonl followed by the --extra gold files of
      cv_fit.py; the dump is one JSON line per aligned answer: file, index, gold
      stance, weight and the rule feature vector the fit sees)
  consensus classify --rules RULES DEV_AND_DEV2_PAGES EXTRA_PAGES... > CLASSIFY_JSONL
      (the answers' title, text and question, joined to the dump by file and index)

The real dev + dev2 pages are dealt into folds as cv_fit.py deals them (page id
mod 5); every fold's model is fitted on the other folds' real answers plus all
the extra (self-written) answers, and scored on the held-out fold strictly (a
labelled answer the reader missed counts wrong), pooled over the folds: strict
macro-F1, accuracy and kappa, as cv_fit.py prints them. The learner is the C
fitter's (cn_model_fit): multinomial logistic regression, mean weighted
log-loss, L2 0.1 on the rule weights, the bias barely penalized, ties to the
more cautious label. The lexical block gets its own L2, chosen per outer fold
by an inner cross-validation by page on the training folds' real answers
(macro-F1). The validation splits are never read.

Variants:
  a   rule features only (the baseline; reproduces cv_fit.py)
  b   + word 1-3-grams of title and body, lower-cased, present in >= 3 training answers
  b_real  as b, the vocabulary from the real training answers only
  c   + n-grams by position only: title, first and last body sentence, tagged by place
  c_subj + n-grams of the sentences that name a content word of the question
  d   as b, with the words after a negation (not, no, never, n't, without, avoid...) up to
      the next punctuation marked as negated (so "not safe" and "safe" differ)
  g   the n-grams of b alone, without the rule features (what the words know by themselves)
  f   as d, with the question's content words replaced by <q> (so "<q> is safe" generalizes
      across pages and procedures)
  e   stacking: a pure n-gram model's out-of-fold label log-odds (inner CV) as 3 extra features

RESULTS (worktree s20-ngram on f8f8599, 2026-12-05; 718 labelled dev + dev2 answers, 703
found by the reader and 15 missed (counted wrong); extras: the six tests/data gold sets of
cv_fit.py's usual --extra list + seeds, 1,164 answers; rule L2 0.1; lexical L2 by inner CV
from 0.01..3; paired bootstrap: 1,000 resamples of the real pages, same predictions):

  variant  macro-F1  accuracy  kappa   gain vs a, 95% bootstrap: macro-F1 / kappa
  a        0.603     0.677     0.504   (= cv_fit.py --l2 0.1: 0.603 / 0.677 / 0.504)
  b        0.612     0.682     0.508   [-0.006, +0.021] / [-0.011, +0.018]
  b_real   0.614     0.685     0.514   [-0.004, +0.024] / [-0.007, +0.025]
  c        0.606     0.681     0.500   [-0.026, +0.031] / [-0.034, +0.024]
  c_subj   0.597     0.671     0.495   [-0.020, +0.007] / [-0.024, +0.005]
  d        0.615     0.678     0.500   [-0.011, +0.033] / [-0.028, +0.020]
  e        0.615     0.677     0.504   [-0.009, +0.032] / [-0.021, +0.019]  (lexical L2 0.3 fixed)
  f        0.615     0.685     0.514   [+0.002, +0.021] / [-0.003, +0.022]
  g        0.466     0.588     0.312   [-0.200, -0.076] / [-0.264, -0.130]  (n-grams alone)
  with --real-weight 3: a 0.591 / 0.677 / 0.486, b_real 0.592 / 0.680 / 0.487,
                        f 0.587 / 0.677 / 0.482 (weighting real answers up hurts, as before)

No variant reaches the +0.03 macro-F1 and +0.03 kappa asked for a C lexical layer; the
best gains (+0.011 macro-F1, +0.010 kappa: b_real, f) are inside the page-resampling noise
and every kappa interval includes 0. The words alone (g) are far weaker than the cues, and
the heaviest n-grams of b_real fitted on everything (--top 15) are function words the cues
already carry: "but", "if", "if you", "may", "some" toward cautionary; "wait", "until",
"two weeks", "i would", "ask" toward contraindicated; "will", "fine", "no", "just" toward
reassuring; each worth 0.02-0.09 in the logit, against 0.1-0.4 for a cue score.
"""
import argparse
import json
import os
import re
import sys
import zlib
from collections import Counter, defaultdict

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import realset  # noqa: E402
from score import kappa, macro_f1, LABELS  # noqa: E402

# cn_stance order (analyzer/classify/cn_stance.h): the dump's stance names map to columns.
ORDER = ["none", "reassuring", "cautionary", "contraindicated"]
CAUTIOUS = ["contraindicated", "cautionary", "reassuring", "none"]  # tie order of the C side

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENT = re.compile(r"(?<=[.!?])\s+|\n+")
NEG = {"not", "no", "never", "without", "avoid", "nor", "cannot", "don't", "doesn't", "didn't",
       "isn't", "aren't", "wasn't", "shouldn't", "wouldn't", "won't", "can't", "couldn't",
       "none", "neither"}
STOP = set("""a an the is are was were be been being am i you your my me we our it its this that
these those to of in on for with at by from or and but if so as do does did can could should would
will may might must have has had there their they them he she his her what when how why which who
about into after before any some all more most very just also than then too up out get got not no
yes safe ok okay""".split())


def tokens(text, negate=False):
    out = []
    for sent in SENT.split(text.lower().replace("\u2019", "'")):
        neg = False
        for piece in re.split(r"([,;:()])", sent):
            if piece in (",", ";", ":", "(", ")"):
                neg = False
                continue
            for w in WORD.findall(piece):
                if negate and neg:
                    out.append("NOT_" + w)
                else:
                    out.append(w)
                if w in NEG or w.endswith("n't"):
                    neg = True
        out.append("</s>")
    return out


def ngrams(toks, prefix="", n_max=3):
    g = set()
    for n in range(1, n_max + 1):
        for i in range(len(toks) - n + 1):
            gram = toks[i:i + n]
            if "</s>" in gram:
                continue
            g.add(prefix + " ".join(gram))
    return g


def sentences(text):
    return [s for s in SENT.split(text or "") if WORD.search(s.lower())]


def lexical(a, variant):
    """The set of lexical features of an answer record (classify output)."""
    title = a.get("title") or ""
    text = a.get("text") or ""
    if variant in ("b", "b_real", "e", "g"):
        return ngrams(tokens(title + "\n" + text))
    if variant == "d":
        return ngrams(tokens(title + "\n" + text, negate=True))
    if variant == "f":
        q = {w for w in WORD.findall((a.get("question") or "").lower()) if w not in STOP and len(w) > 2}
        toks = tokens(title + "\n" + text, negate=True)
        return ngrams(["<q>" if t in q else ("NOT_<q>" if t[4:] in q and t.startswith("NOT_") else t)
                       for t in toks])
    sents = sentences(text)
    if variant == "c":
        g = ngrams(tokens(title), "T:")
        if sents:
            g |= ngrams(tokens(sents[0]), "F:")
            g |= ngrams(tokens(sents[-1]), "L:")
        return g
    if variant == "c_subj":
        q = {w for w in WORD.findall((a.get("question") or "").lower()) if w not in STOP and len(w) > 2}
        g = set()
        for s in sents + ([title] if title else []):
            ws = set(WORD.findall(s.lower()))
            if ws & q:
                g |= ngrams(tokens(s))
        return g
    raise ValueError(variant)


class LR:
    """The C fitter's model: softmax over linear scores, mean weighted NLL + L2."""

    def __init__(self, lam):
        self.lam = lam  # per-column penalty (1-d array)

    def fit(self, X, y, w):
        n, d = X.shape
        K = len(ORDER)
        Y = np.zeros((n, K))
        Y[np.arange(n), y] = 1
        cw = w / w.sum()
        lam = self.lam

        def f(v):
            W = v.reshape(d, K)
            Z = X @ W
            Z -= Z.max(axis=1, keepdims=True)
            P = np.exp(Z)
            P /= P.sum(axis=1, keepdims=True)
            loss = -(cw * np.log(np.maximum((P * Y).sum(axis=1), 1e-300))).sum()
            G = X.T @ ((P - Y) * cw[:, None])
            G = np.asarray(G)
            loss += 0.5 * (lam[:, None] * W * W).sum()
            G += lam[:, None] * W
            return loss, G.ravel()

        r = minimize(f, np.zeros(d * K), jac=True, method="L-BFGS-B",
                     options={"maxiter": 3000, "gtol": 1e-7})
        self.W = r.x.reshape(d, K)
        return self

    def proba(self, X):
        Z = np.asarray(X @ self.W)
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        return P / P.sum(axis=1, keepdims=True)

    def predict(self, X):
        P = self.proba(X)
        out = []
        for p in P:
            best = CAUTIOUS[0]
            for lab in CAUTIOUS[1:]:
                if p[ORDER.index(lab)] > p[ORDER.index(best)]:
                    best = lab
            out.append(best)
        return out


def design(rows, base, lex_sets, vocab, rule_l2, lex_l2):
    """Sparse design matrix [rule features | lexical] and the per-column penalty."""
    vi = {g: j for j, g in enumerate(vocab)}
    nb = base.shape[1]
    r, c = [], []
    for i, k in enumerate(rows):
        for g in lex_sets[k]:
            j = vi.get(g)
            if j is not None:
                r.append(i)
                c.append(nb + j)
    L = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows), nb + len(vocab)))
    B = sparse.csr_matrix(np.hstack([base[rows], np.zeros((len(rows), len(vocab)))]))
    lam = np.array([rule_l2 * 1e-4] + [rule_l2] * (nb - 1) + [lex_l2] * len(vocab))
    return (B + L).tocsr(), lam


def make_vocab(rows, lex_sets, min_count):
    df = Counter()
    for k in rows:
        df.update(lex_sets[k])
    return sorted(g for g, n in df.items() if n >= min_count)


def score(pairs):
    f1, per = macro_f1(pairs)
    acc = sum(g == p for g, p in pairs) / len(pairs)
    return f1, acc, kappa(pairs, LABELS + ["missed"]), per


def boot(base_run, run, n):
    """Paired bootstrap over pages of the gain against a: 95% interval of the
    difference in macro-F1 and kappa (the same answers, resampled by page)."""
    import random
    rnd = random.Random(1)
    (pa, pg), (pb, _) = base_run, run
    by = defaultdict(list)
    for j, f in enumerate(pg):
        by[f].append(j)
    files = sorted(by)
    df, dk = [], []
    for _ in range(n):
        idx = [j for f in (rnd.choice(files) for _ in files) for j in by[f]]
        a_pairs = [pa[j] for j in idx]
        b_pairs = [pb[j] for j in idx]
        df.append(macro_f1(b_pairs)[0] - macro_f1(a_pairs)[0])
        dk.append(kappa(b_pairs, LABELS + ["missed"]) - kappa(a_pairs, LABELS + ["missed"]))
    df.sort()
    dk.sort()
    lo, hi = int(0.025 * n), int(0.975 * n) - 1
    print(f"        vs a, paired bootstrap by page ({n}): macro-F1 gain 95% [{df[lo]:+.3f}, "
          f"{df[hi]:+.3f}], kappa gain [{dk[lo]:+.3f}, {dk[hi]:+.3f}]", flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("classify")
    ap.add_argument("--labels", default=os.path.join(os.path.dirname(here), "labels.jsonl"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=4)
    ap.add_argument("--rule-l2", type=float, default=0.1)
    ap.add_argument("--lex-l2", type=float, nargs="+", default=[0.01, 0.03, 0.1, 0.3, 1.0, 3.0])
    ap.add_argument("--e-l2", type=float, default=0.3,
                    help="lexical L2 of the stacked n-gram model (variant e, not tuned)")
    ap.add_argument("--real-weight", type=float, default=1.0,
                    help="weight of a real dev answer against an extra one (as cv_fit.py's)")
    ap.add_argument("--boot", type=int, default=1000,
                    help="paired bootstrap resamples of the pages for each variant against a")
    ap.add_argument("--top", type=int, default=0,
                    help="also fit each lexical variant on all rows (lexical L2: the median of the "
                         "folds' choices) and print its N heaviest n-grams per label")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--variants", nargs="+", default=["a", "b", "b_real", "c", "c_subj", "d", "e"])
    args = ap.parse_args()

    labels = [json.loads(l) for l in open(args.labels) if l.strip()]
    dev = [l for l in labels if l["split"] in ("dev", "dev2")]  # never val*
    dev_files = {l["file"] for l in dev}
    fold_of = {f: int(f[3:11], 16) % args.folds for f in dev_files}
    dump = [json.loads(l) for l in open(args.dump)]
    recs = {}
    for line in open(args.classify):
        a = json.loads(line)
        recs.setdefault((a["file"], a["index"]), a)
    base = np.array([d["x"] for d in dump])
    y = np.array([ORDER.index(d["stance"]) for d in dump])
    w = np.array([d["weight"] for d in dump], dtype=float)
    row_of = {(d["file"], d["index"]): i for i, d in enumerate(dump)}
    # labels to the reader's answers as cv_fit.py aligns them (labelled index first, then
    # any answer of the page whose first eight words hash the same)
    by_file = defaultdict(list)
    for (f, ix), a in recs.items():
        if f in dev_files:
            by_file[f].append(a)
    missed, real = [], []
    for l in dev:
        m = None
        for a in sorted(by_file.get(l["file"], []), key=lambda a: a["index"] != l["index"]):
            if realset.prefix_hash(a.get("text") or "") == l["hash"]:
                m = a
                break
        i = row_of.get((l["file"], m["index"])) if m else None
        if i is None or i in real:
            missed.append(l)  # the reader missed it: wrong whatever the model says
        else:
            real.append(i)
            y[i] = ORDER.index(l["stance"])
    real_set = set(real)
    w[real] *= args.real_weight
    extra = [i for i in range(len(dump)) if dump[i]["file"] not in dev_files]
    print(f"{len(dump)} vectors ({len(real)} real dev + dev2 of {len(dev)} labels, "
          f"{len(missed)} missed; {len(extra)} extra), {base.shape[1]} rule features",
          flush=True)

    def fit_predict(tr, te, variant, lex_l2, lex_sets):
        if variant == "a":
            lex_sets = defaultdict(set)
        vrows = [k for k in tr if k in real_set] if variant == "b_real" else tr
        bx = base if variant != "g" else base[:, :1]  # g: the bias and the n-grams alone
        vocab = make_vocab(vrows, lex_sets, args.min_count) if variant != "a" else []
        X, lam = design(tr, bx, lex_sets, vocab, args.rule_l2, lex_l2)
        m = LR(lam).fit(X, y[tr], w[tr])
        Xt, _ = design(te, bx, lex_sets, vocab, args.rule_l2, lex_l2)
        return m.predict(Xt)

    def top_ngrams(variant, lex_l2, lex_sets):
        tr = real + extra
        vrows = real if variant == "b_real" else tr
        vocab = make_vocab(vrows, lex_sets, args.min_count)
        X, lam = design(tr, base, lex_sets, vocab, args.rule_l2, lex_l2)
        m = LR(lam).fit(X, y[tr], w[tr])
        L = m.W[base.shape[1]:]
        for k, lab in enumerate(ORDER):
            push = L[:, k] - L.mean(axis=1)  # toward this label against the average
            best = np.argsort(-push)[:args.top]
            print(f"        {lab}: " + "; ".join(f"{vocab[j]} {push[j]:+.2f}" for j in best))

    def page_folds(rows, k_folds, salt):
        files = sorted({dump[i]["file"] for i in rows})
        f_of = {f: ((int(f[3:11], 16) // 7 if f.startswith("rp_") else zlib.crc32(f.encode()))
                    + salt) % k_folds for f in files}
        return [[i for i in rows if f_of[dump[i]["file"]] == k] for k in range(k_folds)]

    def stacked_feats(tr_rows, te_rows, lex_sets, lex_l2):
        """Out-of-fold log-odds of a pure n-gram model for tr_rows (inner folds over the real
        rows; extras always trained on and predicted in-fold-out by their own split) and
        the full-train model's log-odds for te_rows."""
        vocab = make_vocab(tr_rows, lex_sets, args.min_count)
        zero = np.zeros((len(dump), 1))

        def lexfit(a_rows, b_rows):
            X, lam = design(a_rows, zero, lex_sets, vocab, 1.0, lex_l2)
            m = LR(lam).fit(X, y[a_rows], w[a_rows])
            Xt, _ = design(b_rows, zero, lex_sets, vocab, 1.0, lex_l2)
            P = m.proba(Xt)
            return np.log(P[:, 1:] / P[:, :1])  # log-odds against none
        oof = np.zeros((len(dump), 3))
        for part in page_folds(tr_rows, args.inner, 3):
            rest = [i for i in tr_rows if i not in set(part)]
            oof[part] = lexfit(rest, part)
        oof[te_rows] = lexfit(tr_rows, te_rows)
        return oof

    def stack_fit_predict(tr, te, S):
        B = np.hstack([base, S])
        X = sparse.csr_matrix(B[tr])
        lam = np.array([args.rule_l2 * 1e-4] + [args.rule_l2] * (B.shape[1] - 1))
        m = LR(lam).fit(X, y[tr], w[tr])
        return m.predict(sparse.csr_matrix(B[te]))


    results, kept = {}, {}
    for variant in args.variants:
        lex_sets = None
        if variant != "a":
            lex_sets = {i: lexical(recs.get((dump[i]["file"], dump[i]["index"]), {}),
                                   "b" if variant in ("e", "g") else variant) for i in range(len(dump))}
        pairs, chosen, pages = [], [], []
        for k in range(args.folds):
            te = [i for i in real if fold_of[dump[i]["file"]] == k]
            tr_real = [i for i in real if fold_of[dump[i]["file"]] != k]
            tr = tr_real + extra
            best_l2 = None
            if variant == "e":
                best_l2 = args.e_l2  # nested tuning of a stack is too slow here; b's choice
            elif variant != "a":
                # inner CV by page over the training folds' real answers (extras always in)
                inner = page_folds(tr_real, args.inner, k)
                best = None
                for l2 in args.lex_l2:
                    ip = []
                    for part in inner:
                        ps = set(part)
                        itr = [i for i in tr if i not in ps]
                        if variant == "e":
                            S = stacked_feats(itr, part, lex_sets, l2)
                            pred = stack_fit_predict(itr, part, S)
                        else:
                            pred = fit_predict(itr, part, variant, l2, lex_sets)
                        ip += [(ORDER[y[i]], p) for i, p in zip(part, pred)]
                    f1 = macro_f1(ip)[0]
                    if best is None or f1 > best[0]:
                        best = (f1, l2)
                best_l2 = best[1]
                chosen.append(best_l2)
            if variant == "e":
                S = stacked_feats(tr, te, lex_sets, best_l2)
                pred = stack_fit_predict(tr, te, S)
            else:
                pred = fit_predict(tr, te, variant, best_l2, lex_sets)
            pairs += [(ORDER[y[i]], p) for i, p in zip(te, pred)]
            pages += [dump[i]["file"] for i in te]
        pairs += [(l["stance"], "missed") for l in missed]
        pages += [l["file"] for l in missed]
        kept[variant] = (pairs, pages)
        f1, acc, kap, per = score(pairs)
        results[variant] = (f1, acc, kap)
        print(f"{variant:7s} macro-F1 {f1:.3f}  accuracy {acc:.3f}  kappa {kap:.3f}  ("
              + ", ".join(f"{x} {per[x]['f1']:.2f}" for x in LABELS) + ")"
              + (f"  lexical L2 by fold {chosen}" if chosen else ""), flush=True)
        if args.top and chosen and variant not in ("e", "g"):
            top_ngrams(variant, sorted(chosen)[len(chosen) // 2], lex_sets)
        if variant != "a" and "a" in kept and args.boot:
            boot(kept["a"], kept[variant], args.boot)


if __name__ == "__main__":
    main()
