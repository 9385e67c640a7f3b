"""OCR misreadings shared by the extractors and the normalizer.

Tesseract reads one printed word a little differently on two pages ("Uppföljning"
as "Uppféljning" on one, "Uppfoljning" on the next); a text compared across pages
(a repeated header row, a column head) tolerates one letter of such noise when
the word is long enough that one letter cannot make it another word.
"""

from __future__ import annotations

MISREAD_HEAD = 8  # letters a text must have for one letter read differently to be the same text


def one_letter_apart(a: str, b: str, min_len: int = MISREAD_HEAD) -> bool:
    """One letter changed, added or dropped between two texts of at least `min_len` characters
    ("uppfoljning", "uppfoéljning": the eng model's ö as "oé")."""
    if min(len(a), len(b)) < min_len or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return (a[i + 1 :] == b[i:]) if len(a) > len(b) else (a[i:] == b[i + 1 :])
