"""Shared helpers for the real-page set: the answer hash and the split rule.

A dev script (never part of the product). The hash keys a label to an answer
without storing the answer's words: SHA-256 of its first eight words after
normalization, first 16 hex digits.
"""
import hashlib
import re

PREFIX_WORDS = 8

_FOLDS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
                        # bullets and dashes are punctuation: a word of them alone is dropped
                        "\u2022": "-", "\u2023": "-", "\u25cf": "-", "\u25e6": "-",
                        "\u25aa": "-", "\u00b7": "-", "\u2012": "-", "\u2013": "-",
                        "\u2014": "-", "\u2015": "-", "\u2026": "."})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _kept(word):
    return any(("a" <= ch <= "z") or ("0" <= ch <= "9") or ord(ch) > 127 for ch in word)


def words(text):
    """The text's words as the hash sees them (the same rule as the C side,
    cn_eval_prefix_hash): curly quotes, no-break and thin spaces, bullets,
    dashes and the ellipsis folded to their ASCII forms, ASCII
    lower-cased, split on ASCII white space, words of punctuation alone
    (bullets, dashes) dropped."""
    folded = text.translate(_FOLDS).translate(_ASCII_LOWER)
    return [w for w in _SPACE.split(folded) if w and _kept(w)]


def prefix_hash(text, n=PREFIX_WORDS):
    """Hash of the first n words of an answer body ('' when it has none)."""
    w = words(text or "")[:n]
    if not w:
        return ""
    return hashlib.sha256(" ".join(w).encode("utf-8")).hexdigest()[:16]


def page_id(url):
    """rp_ + 10 hex digits of SHA-256 of the URL without scheme, www. and final slash."""
    norm = re.sub(r"^https?://(www\.)?", "", url.strip())
    norm = norm.rstrip("/").lower()
    return "rp_" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:10]


def split_of(pid, collection=1):
    """Fixed before any labelling or tuning. First collection (2026-12-03): 2
    of 5 hash buckets are validation (`val`), the rest `dev`. Second
    collection (2026-12-04, pages not in the first): even first byte is
    `val2` (kept untouched until the rules are frozen), odd is `dev2`. Third
    collection (2026-12-05, pages in neither): all `val3`, a fresh
    validation set for the rules frozen at the end of that day's work (val
    and val2 had by then been scored). Fourth collection (2026-12-05, a later session; pages
    in none of the three): even first byte is `val4` (untouched until the
    rules are frozen), odd is `dev3` (tuning and training). Fifth collection
    (2026-12-05, a third session; pages in none of the four): every page the
    collectors saved is `val5` (they never read the product; nobody working on
    the reader or the rules opens them before the freeze). The reader's own
    tuning pages of that day, saved by the reader's helper session itself, are
    `dev4` in manifest.tsv (split by who collected, fixed before collection).
    A second labelled part of the fifth collection, fixed before its labels
    (saved by 09:31, first byte 0x50-0x8f), is `val6` in manifest.tsv. Sixth
    collection (2026-12-05, a fourth session; pages in none of the five, by
    queries none of them used): every page the collectors save is `val8`, the
    fresh validation set of that session's freeze (every earlier validation set
    had been scored at a freeze by then and is tuning data from here on).
    Seventh collection (2026-12-05, a fifth session; pages in none of the six,
    by queries none of them used): every page the collectors save is `val9`,
    the fresh validation set of that session's freeze (val8 was scored at the
    previous freeze and tuned on after it). Eighth collection (2026-12-05, a sixth
    session; pages in none of the seven, by queries none of them used): every page the
    collectors save is `val10`, the fresh validation set of that session's freeze (val9
    was scored at the previous freeze and tuned on after it). Ninth collection
    (2026-12-05/06, a seventh session; pages in none of the eight, by queries none of them
    used): every page the collectors save is `val11`, the fresh validation set of that
    session's freeze (val10 was scored at the previous freeze and tuned on after it). Tenth
    collection (2026-12-06, a ninth session; pages in none of the nine, by queries none of them
    used): every page the collectors save is `val12`, the fresh validation set of that session's
    freeze (val11 was scored at the previous freeze and tuned on after it). Eleventh collection
    (2026-12-06, a tenth session; pages in none of the ten, by queries none of them used): every
    page the collectors save is `val13`, the fresh validation set of that session's freeze (val12
    was scored at the previous freeze and tuned on after it). Twelfth collection (2026-12-06, an
    eleventh session; pages in none of the eleven, by queries none of them used): every page the
    collectors save is `val14`, the fresh validation set of that session's freeze (val13 was scored
    at the previous freeze and tuned on after it). Thirteenth collection (2026-12-06, a twelfth
    session; pages in none of the twelve, by queries none of them used): every page the collectors
    save is `val15`, the fresh validation set of that session's freeze (val14 was scored at the
    previous freeze and tuned on after it). Fourteenth collection (2026-12-06, a thirteenth
    session, after a machine restart lost every saved page; pages in none of the thirteen, by
    queries none of them used): every page the collectors save is `val16`, the fresh validation
    set of that session's freeze (val15 was scored at the previous freeze and tuned on after it).
    Fifteenth collection (committed 2026-12-06, after the sixteenth freeze scored val16, before any
    page of it was saved): every page the collectors save is `val17`, the fresh validation set of
    the next freeze (val16 was scored at the sixteenth freeze and may be tuned on after it).
    Sixteenth collection (committed 2026-12-06, after the seventeenth freeze scored val17,
    before any page of it was saved): every page the collectors save is `val18`, the fresh
    validation set of the next freeze (val17 was scored at the seventeenth freeze and may be
    tuned on after it). Seventeenth collection (committed 2026-12-06, after the eighteenth freeze
    scored val18, before any page of it was saved): every page the collectors save is `val19`,
    the fresh validation set of the next freeze (val18 was scored at the eighteenth freeze and
    may be tuned on after it). Eighteenth collection (committed 2026-12-07, after the nineteenth
    freeze scored val19, before any page of it was saved): every page the collectors save is
    `val20`, the fresh validation set of the next freeze (val19 was scored at the nineteenth
    freeze and may be tuned on after it). Nineteenth collection (committed 2026-12-07, after the
    twentieth freeze scored val20, before any page of it was saved): every page the collectors
    save is `val21`, the fresh validation set of the next freeze (val20 was scored at the
    twentieth freeze and may be tuned on after it). Twentieth collection (committed 2026-12-07,
    after the twenty-first freeze scored val21, before any page of it was saved): every page the
    collectors save is `val22`, the fresh validation set of the next freeze (val21 was scored at
    the twenty-first freeze and may be tuned on after it). Twenty-first collection (committed
    2026-12-07, after the twenty-second freeze scored val22, before any page of it was saved):
    every page the collectors save is `val23`, the fresh validation set of the next freeze (val22
    was scored at the twenty-second freeze and may be tuned on after it). Twenty-second
    collection (committed 2026-12-07, after the twenty-third freeze scored val23, before any page
    of it was saved): every page the collectors save is `val24`, the fresh validation set of the
    next freeze (val23 was scored at the twenty-third freeze and may be tuned on after it).
    Twenty-third collection (committed 2026-12-07, after the twenty-fourth freeze scored val24,
    before any page of it was saved): every page the collectors save is `val25`, the fresh
    validation set of the next freeze (val24 was scored at the twenty-fourth freeze and may be
    tuned on after it). Twenty-fourth collection (committed 2026-12-07, after the twenty-fifth
    freeze scored val25, before any page of it was saved): every page the collectors save is
    `val26`, the fresh validation set of the next freeze (val25 was scored at the twenty-fifth
    freeze and may be tuned on after it). Twenty-fifth collection (committed 2026-12-07, after the
    twenty-sixth freeze scored val26, before any page of it was saved): every page the collectors
    save is `val27`, the fresh validation set of the next freeze (val26 was scored at the
    twenty-sixth freeze and may be tuned on after it). Twenty-sixth collection (committed
    2026-12-08, after the twenty-seventh freeze scored val27, before any page of it was saved):
    every page the collectors save is `val28`, the fresh validation set of the next freeze (val27
    was scored at the twenty-seventh freeze and may be tuned on after it)."""
    if collection == 26:
        return "val28"
    if collection == 25:
        return "val27"
    if collection == 24:
        return "val26"
    if collection == 23:
        return "val25"
    if collection == 22:
        return "val24"
    if collection == 21:
        return "val23"
    if collection == 20:
        return "val22"
    if collection == 19:
        return "val21"
    if collection == 18:
        return "val20"
    if collection == 17:
        return "val19"
    if collection == 16:
        return "val18"
    if collection == 15:
        return "val17"
    if collection == 14:
        return "val16"
    if collection == 13:
        return "val15"
    if collection == 12:
        return "val14"
    if collection == 11:
        return "val13"
    if collection == 10:
        return "val12"
    if collection == 9:
        return "val11"
    if collection == 8:
        return "val10"
    if collection == 7:
        return "val9"
    if collection == 6:
        return "val8"
    if collection == 5:
        return "val5"
    if collection == 4:
        return "val4" if int(pid[3:5], 16) % 2 == 0 else "dev3"
    if collection == 3:
        return "val3"
    if collection == 2:
        return "val2" if int(pid[3:5], 16) % 2 == 0 else "dev2"
    return "val" if int(pid[3:5], 16) % 5 < 2 else "dev"
