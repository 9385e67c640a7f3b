"""A list item OCR garbled that the document prints again, whole, in the same column of other rows.

Plans repeat their owners and schedules row after row ("LNPsos ja LNPter henkilöstö", "Johto",
"Muut lapsi/nuorisotoimijat" in every row of kymenlaakso-lnp).  In a narrow column each copy is
cut the same way ("henkilös-" / "tö"), and OCR reads the short rest of one copy as a number or
signs ("henkilös-16", "henkilös- (a"), or cuts a word ("lapsi/nuoris otoimijat") where the other
copies read right.  The other rows are the evidence: an item takes the reading the column prints
at least twice, exactly, when the two differ only in a short stretch that is no word in the item
(digits, signs, fragments: what misreading leaves) and only words in the repeated reading, and
read alike otherwise (`repeated_reading`).  A real variant differs by words ("Muut
lapsi/nuorisotoimijat esim. harrastusseurat") or by numbers ("Kunta 1" / "Kunta 2": no words) and
stays.  OCR text only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher

from planparse.model import Record

MIN_SEEN = 2  # a reading printed this often in the column, exactly, is the document's
MAX_STRETCH = 3  # words: a longer difference is no misread word
ITEM_RATIO = 0.8  # the item and the repeated reading read this alike as a whole...
STRETCH_RATIO = 0.6  # ...and the differing stretches this alike
FIELDS = ("owners", "actions", "indicators")  # list fields: each item judged
SCALARS = ("schedule",)  # a schedule repeats as a whole ("2020 alkaen")
_LETTERS = re.compile(r"[^\W\d_]+")


def _is_text(token: str, is_word: Callable[[str], bool | None]) -> bool:
    """Every run of two letters or more in the token ("lapsi/nuorisotoimijat": lapsi,
    nuorisotoimijat) is a word, and there is one: a lone letter ("(a") is what a speck reads as."""
    parts = [p for p in _LETTERS.findall(token) if len(p) >= 2]
    return bool(parts) and all(is_word(p) for p in parts)


def _drops_a_word(ours: list[str], theirs: list[str], is_word: Callable[[str], bool | None]) -> bool:
    """Does the item's stretch hold a word of three letters or more the reading lacks
    ("henkilös-Johto": the next item run in)?"""
    kept = " ".join(theirs).lower()
    return any(len(p) >= 3 and is_word(p) and p.lower() not in kept for w in ours for p in _LETTERS.findall(w))


def _stretches(item: list[str], reading: list[str]) -> tuple[list[str], list[str]]:
    """The words in which the two differ, between their common first and last words."""
    head = 0
    while head < min(len(item), len(reading)) and item[head] == reading[head]:
        head += 1
    tail = 0
    while tail < min(len(item), len(reading)) - head and item[-1 - tail] == reading[-1 - tail]:
        tail += 1
    return item[head : len(item) - tail], reading[head : len(reading) - tail]


def repeated_reading(item: str, readings: Counter[str], is_word: Callable[[str], bool | None]) -> str:
    """`item`, or the one reading of `readings` (seen MIN_SEEN times or more) it is a misread
    copy of.  How often the item itself is seen does not count: a narrow cell cut the same way
    in every row is misread the same way in several ("henkilös-" three times, its "tö" lost)."""
    words = item.split()
    best: list[tuple[float, str]] = []
    for reading, count in readings.items():
        if count < MIN_SEEN or reading == item:
            continue
        ours, theirs = _stretches(words, reading.split())
        if not ours or not theirs or len(ours) > MAX_STRETCH or len(theirs) > MAX_STRETCH:
            continue
        if any(_is_text(w, is_word) for w in ours) or not all(_is_text(w, is_word) for w in theirs):
            continue
        if _drops_a_word(ours, theirs, is_word):
            continue
        if SequenceMatcher(None, " ".join(ours), " ".join(theirs)).ratio() < STRETCH_RATIO:
            continue
        ratio = SequenceMatcher(None, item, reading).ratio()
        if ratio >= ITEM_RATIO:
            best.append((ratio, reading))
    best.sort(reverse=True)
    if not best or len(best) > 1 and best[1][0] == best[0][0]:
        return item
    return best[0][1]


def repeated_items(records: list[Record], is_word: Callable[[str], bool | None]) -> int:
    """Each list item of FIELDS and each value of SCALARS set to the reading its column repeats
    (`repeated_reading`); returns how many changed."""
    changed = 0
    for name in FIELDS:
        readings = Counter(x for rec in records for x in getattr(rec, name) if x)
        memo: dict[str, str] = {}
        for rec in records:
            items = getattr(rec, name)
            for i, x in enumerate(items):
                if not x:
                    continue
                if x not in memo:
                    memo[x] = repeated_reading(x, readings, is_word)
                if memo[x] != x:
                    items[i] = memo[x]
                    changed += 1
    for name in SCALARS:
        readings = Counter(getattr(rec, name) for rec in records if getattr(rec, name))
        for rec in records:
            value = getattr(rec, name)
            if value:
                fixed = repeated_reading(value, readings, is_word)
                changed += fixed != value
                setattr(rec, name, fixed)
    return changed
