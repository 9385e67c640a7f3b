"""OCR misreadings shared by the extractors and the normalizer.

Tesseract reads one printed word a little differently on two pages ("Uppföljning"
as "Uppféljning" on one, "Uppfoljning" on the next); a text compared across pages
(a repeated header row, a column head) tolerates one letter of such noise when
the word is long enough that one letter cannot make it another word.  One
glyph may also be read as two letters ("mittarit" as "inittarit": m as "in" or
"rn", w as "vv"), the commonest way a scan's letter splits.
"""

from __future__ import annotations

MISREAD_HEAD = 8  # letters a text must have for one letter read differently to be the same text


def one_letter_apart(a: str, b: str, min_len: int = MISREAD_HEAD) -> bool:
    """One letter changed, added or dropped between two texts of at least `min_len` characters
    ("uppfoljning", "uppfoéljning": the eng model's ö as "oé"), or one letter read as two
    other letters ("mittarit", "inittarit")."""
    if min(len(a), len(b)) < min_len or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    return long_[i + 1 :] == short[i:] or long_[i + 2 :] == short[i + 1 :]
