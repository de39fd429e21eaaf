#!/usr/bin/env python3
"""Independent reference values for the statistics tests (tests/test_interval.c,
test_consensus.c, test_agreement.c, test_crosstab.c, test_stats_cli.c).

Written separately from the C code, from the textbook definitions, with only the
Python standard library (exact fractions where possible), so that the C suites
compare against numbers that did not come from the code under test. Run it with
`python3 tests/data/stats/reference.py`; every value a test hard-codes from here
is printed under the same label.
"""
import math
from fractions import Fraction as F
from statistics import NormalDist


# --- Binomial intervals -------------------------------------------------------
def wilson(x, n, level=0.95):
    """Wilson (1927) score interval, closed form."""
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)
    p = x / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, c - h), min(1.0, c + h)


def _pmf(i, n, p):
    return math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                    + i * math.log(p) + (n - i) * math.log1p(-p))


def _bisect(pred):
    lo, hi = 0.0, 1.0
    for _ in range(200):
        m = (lo + hi) / 2
        if pred(m):
            hi = m
        else:
            lo = m
    return (lo + hi) / 2


def clopper_pearson(x, n, level=0.95):
    """Clopper & Pearson (1934) by its definition: the p where a binomial tail
    equals (1-level)/2, found by bisection on summed binomial probabilities."""
    a = (1 - level) / 2
    lo = 0.0 if x == 0 else _bisect(lambda p: math.fsum(_pmf(i, n, p) for i in range(x, n + 1)) >= a)
    hi = 1.0 if x == n else _bisect(lambda p: math.fsum(_pmf(i, n, p) for i in range(0, x + 1)) <= a)
    return lo, hi


# --- Krippendorff's alpha, pairwise form --------------------------------------
def krippendorff(data, metric):
    """alpha = 1 - D_o/D_e with D_o the mean within-unit pairwise difference and
    D_e the mean difference over all pairs of pairable values (Krippendorff 2011),
    written over explicit value pairs rather than a coincidence matrix."""
    units = [[row[u] for row in data if row[u] is not None] for u in range(len(data[0]))]
    units = [v for v in units if len(v) >= 2]
    allv = [x for v in units for x in v]
    n = len(allv)
    cnt = {c: allv.count(c) for c in set(allv)}
    vals = sorted(cnt)

    def d(a, b):
        if metric == "nominal":
            return 0 if a == b else 1
        if metric == "interval":
            return (a - b) ** 2
        lo, hi = min(a, b), max(a, b)
        s = sum(cnt[g] for g in vals if lo <= g <= hi)
        return (F(s) - F(cnt[a] + cnt[b], 2)) ** 2

    do = sum(F(sum(d(v[i], v[j]) for i in range(len(v)) for j in range(len(v)) if i != j), len(v) - 1)
             for v in units) / n
    de = F(sum(d(allv[i], allv[j]) for i in range(n) for j in range(n) if i != j), n * (n - 1))
    return 1 - do / de


KRIPPENDORFF_C = [  # Krippendorff (2011), section C: 4 observers x 12 units
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Stance-coded file tests/data/stats/stances.csv (1 reassuring, 2 cautionary, 3 contraindicated)
STANCES = [
    [1, 1, 3, 2, 3, None, 1],
    [1, 2, 3, 2, 3, 1, None],
    [1, 1, 3, 3, None, 1, 1],
]


def read_matrix(path):
    """A coders x units CSV of decimals (kept exact) with empty cells missing (no quoting)."""
    with open(path) as f:
        lines = f.read().split("\n")[1:]
    return [[F(v) if v else None for v in line.split(",")[1:]] for line in lines if line]


# --- Fleiss' kappa ------------------------------------------------------------
def fleiss(table):
    N, n = len(table), sum(table[0])
    p = [F(sum(r[j] for r in table), N * n) for j in range(len(table[0]))]
    P = [F(sum(x * x for x in r) - n, n * (n - 1)) for r in table]
    pb, pe = sum(P) / N, sum(x * x for x in p)
    return (pb - pe) / (1 - pe)


FLEISS_WIKIPEDIA = [  # Fleiss (1971) as on Wikipedia "Fleiss' kappa": 10 subjects x 14 raters
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


# --- Chi-square ---------------------------------------------------------------
def chisq(t):
    R = [sum(r) for r in t]
    C = [sum(c) for c in zip(*t)]
    n = sum(R)
    x = sum(F((t[i][j] * n - R[i] * C[j]) ** 2, n * R[i] * C[j])
            for i in range(len(R)) for j in range(len(C)))
    return x, (len(R) - 1) * (len(C) - 1), n


def chisq_q(x, df):
    """Upper tail of chi-square, closed forms for df = 1, 2, 3, 4, ..."""
    if df % 2 == 0:
        return math.exp(-x / 2) * math.fsum((x / 2) ** k / math.factorial(k) for k in range(df // 2))
    # odd df: erfc term plus the series of half-integer terms
    s = math.erfc(math.sqrt(x / 2))
    term = math.sqrt(2 * x / math.pi) * math.exp(-x / 2)
    for k in range(1, (df + 1) // 2):
        s += term
        term *= x / (2 * k + 1)
    return s


def _tables(R, C):
    if len(R) == 1:
        yield [list(C)]
        return

    def rows(k, j):
        if j == len(C) - 1:
            if k <= C[j]:
                yield [k]
            return
        for x in range(0, min(k, C[j]) + 1):
            for rest in rows(k - x, j + 1):
                yield [x] + rest

    for row in rows(R[0], 0):
        for rest in _tables(R[1:], [c - x for c, x in zip(C, row)]):
            yield [row] + rest


def exact_conditional_p(t):
    """P(X2 >= observed) over all tables with the observed margins, each with
    its multivariate hypergeometric probability: what the Monte Carlo p-value
    of chisq.test(simulate.p.value = TRUE) estimates."""
    R = [sum(r) for r in t]
    C = [sum(c) for c in zip(*t)]
    n = sum(R)
    obs = chisq(t)[0]
    const = math.prod(math.factorial(x) for x in R) * math.prod(math.factorial(x) for x in C)
    p = F(0)
    for s in _tables(R, C):
        if chisq(s)[0] >= obs:
            p += F(const, math.factorial(n) * math.prod(math.factorial(x) for r in s for x in r))
    return p


AGRESTI = [[762, 327, 468], [484, 239, 477]]  # Agresti (2007) p. 39, as in R ?chisq.test
SMALL = [[4, 1, 0], [1, 3, 2], [0, 2, 3]]  # tests/data/stats/specialties_small.csv
TWO_BY_TWO = [[15, 5], [7, 13]]
ONE_ANSWER_ROW = [[0, 0, 1], [3, 4, 2], [1, 5, 0]]  # a specialty with a single answer


# --- Ordinal consensus, entropy, Dirichlet posterior --------------------------
def tastle_wierman(counts):
    n = sum(counts)
    k = len(counts)
    mu = sum((i + 1) * c for i, c in enumerate(counts)) / n
    return 1 + math.fsum(c / n * math.log2(1 - abs(i + 1 - mu) / (k - 1))
                         for i, c in enumerate(counts) if c)


def entropy(counts):
    n = sum(counts)
    return -math.fsum(c / n * math.log(c / n) for c in counts if c) / math.log(len(counts))


def p_first_is_max(a, b, c):
    """P(theta_1 > theta_2, theta_3) for Dirichlet(a, b, c), integer parameters,
    exactly: with theta = G / sum G, G_i ~ Gamma(a_i), the probability is
    int f_a(x) F_b(x) F_c(x) dx, and the Erlang CDFs make it a finite sum."""
    fa = math.factorial(a - 1)
    P = F(1)
    for S in (b, c):
        for i in range(S):
            m = a - 1 + i
            P -= F(math.factorial(m), fa * math.factorial(i) * 2 ** (m + 1))
    for i in range(b):
        for j in range(c):
            m = a - 1 + i + j
            P += F(math.factorial(m), fa * math.factorial(i) * math.factorial(j) * 3 ** (m + 1))
    return P


def main():
    out = []
    for x, n in [(81, 263), (15, 148), (0, 20), (1, 29), (9, 11), (5, 5), (1, 1), (2, 260), (284, 291)]:
        out.append((f"wilson {x}/{n}", wilson(x, n)))
        out.append((f"exact {x}/{n}", clopper_pearson(x, n)))
    out.append(("wilson 9/11 level 0.90", wilson(9, 11, 0.90)))
    out.append(("exact 9/11 level 0.99", clopper_pearson(9, 11, 0.99)))
    for m in ("nominal", "ordinal", "interval"):
        out.append((f"krippendorff C {m}", float(krippendorff(KRIPPENDORFF_C, m))))
        out.append((f"stances.csv {m}", float(krippendorff(STANCES, m))))
    here = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
    mixed = read_matrix(here + "/mixed_scale.csv")
    for m in ("nominal", "ordinal", "interval"):
        out.append((f"mixed_scale.csv {m}", float(krippendorff(mixed, m))))
    out.append(("fleiss wikipedia", float(fleiss(FLEISS_WIKIPEDIA))))
    for name, t in (("agresti", AGRESTI), ("small", SMALL), ("2x2", TWO_BY_TWO)):
        x, df, n = chisq(t)
        x = float(x)
        k = min(len(t), len(t[0]))
        R = [sum(r) for r in t]
        C = [sum(c) for c in zip(*t)]
        out.append((f"chisq {name} X2 df p V min_expected",
                    (x, df, chisq_q(x, df), math.sqrt(x / (n * (k - 1))),
                     min(F(r * c, n) for r in R for c in C))))
    out.append(("exact conditional p small", float(exact_conditional_p(SMALL))))
    out.append(("exact conditional p 2x2", float(exact_conditional_p(TWO_BY_TWO))))
    out.append(("chisq one-answer row X2", float(chisq(ONE_ANSWER_ROW)[0])))
    out.append(("exact conditional p one-answer row", float(exact_conditional_p(ONE_ANSWER_ROW))))
    out.append(("female democrat 762/1557 wilson", wilson(762, 1557)))
    out.append(("female democrat 762/1557 exact", clopper_pearson(762, 1557)))
    for c in ([1, 0, 0, 0, 1], [0, 0, 5, 0, 0], [1, 1, 1, 1, 1], [1, 1, 0, 0, 0], [2, 5, 1]):
        out.append((f"tastle-wierman {c}", tastle_wierman(c)))
    for c in ([1, 1, 1], [2, 5, 1], [1, 1, 9]):
        out.append((f"entropy {c}", entropy(c)))
    for a in ((3, 6, 2), (6, 3, 2), (2, 6, 3), (4, 4, 2), (2, 4, 4), (2, 1, 1), (10, 2, 2)):
        out.append((f"dirichlet P(first max) {a}", float(p_first_is_max(*a))))
    for label, value in out:
        if isinstance(value, tuple):
            value = " ".join(repr(float(v)) for v in value)
        else:
            value = repr(value)
        print(f"{label}: {value}")


if __name__ == "__main__":
    main()
