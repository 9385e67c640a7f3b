"""Running text -> sentences, Finnish and Swedish.

A full stop, "!" or "?" followed by white space ends a sentence when the next
word starts with a capital letter or a digit -- except after an abbreviation
("esim.", "mm.", "n.", "t.ex.": data/prose.yaml), after an initial ("J."),
and between the parts of a date or an ordinal and a number ("11.12. 2023").
A full stop before a lower-case word never ends one ("1. versio", "ns. demografisia").
Sentences are cut out of the text, never rewritten.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import prose_vocabulary

_END = re.compile(r"[.!?]+[\"”»’)\]]*\s+")
_TOKEN = re.compile(r"(\S+?)[.!?]+[\"”»’)\]]*$")
_NUMERIC = re.compile(r"^[\d.]+$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    vocab = prose_vocabulary()["abbreviations"]
    return frozenset(a.casefold() for lang in vocab.values() for a in lang)


def _ends_here(text: str, start: int, end: int) -> bool:
    """Does the punctuation text[start:end] (with its trailing space) end a sentence?"""
    following = text[end:end + 1]
    if not following or not (following.isupper() or following.isdigit() or following in "\"”»“«(–-"):
        return False
    if "." not in text[start:end] or text[start] != ".":
        return True  # "!" or "?"
    head = text[:end].rstrip()
    match = _TOKEN.search(head)
    token = match.group(1).lstrip("([\"“«") if match else ""
    if token.casefold() in _abbreviations():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Jolkkonen"
    if _NUMERIC.match(token) and following.isdigit():
        return False  # "11.12. 2023", "1. 2. ja 3. luokka"
    return True


def split_sentences(text: str | None) -> list[str]:
    """The sentences of one paragraph, in order, each trimmed."""
    if not text:
        return []
    out: list[str] = []
    begin = 0
    for match in _END.finditer(text):
        if _ends_here(text, match.start(), match.end()):
            piece = text[begin:match.end()].strip()
            if piece:
                out.append(piece)
            begin = match.end()
    rest = text[begin:].strip()
    if rest:
        out.append(rest)
    return out
