"""Shared helpers for the real-page set: the answer hash and the split rule.

A dev script (never part of the product). The hash keys a label to an answer
without storing the answer's words: SHA-256 of its first eight words after
normalization, first 16 hex digits.
"""
import hashlib
import re

PREFIX_WORDS = 8

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def words(text):
    """The text's words after the one normalization used for hashing."""
    return text.translate(_QUOTES).lower().split()


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


def split_of(pid):
    """Fixed before any labelling or tuning: 2 of 5 hash buckets are validation."""
    return "val" if int(pid[3:5], 16) % 5 < 2 else "dev"
