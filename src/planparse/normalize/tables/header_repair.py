"""Header texts read through the OCR text repair before column roles are assigned.

The OCR repair (ä/ö restored, misread letters undone) runs on the records
after the tables are mapped to them; but the column roles are assigned from
the printed header first.  A header OCR damaged past what `match_field`'s
folding and fuzzy matching accept (the English model reads "Åtgärder" as
"Atgiirder": "ä" as "ii") leaves its column without a role, and a table
whose action column goes unnamed gives no records at all.  Such a header is
looked up again as the repair reads it; a header that already names a field,
or that the repair does not turn into one, stays as printed.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from planparse.normalize.tables.headers import header_key, match_field, split_reading


def role_texts(
    texts: Sequence[str | None], fix: Callable[[str | None], str | None] | None, earlier: Sequence[str | None] | None = None,
    ocr: bool = False,
) -> list[str | None]:
    """`texts` (a table's header texts) with each that names no field replaced by its
    repaired reading, when that reading names one; or, given `earlier` (the header of the
    document's plan table before, as wide: OCR text only), by the head at its column
    there that it is the end or the start of (`_cut_head`); or, in OCR text (`ocr`), by the
    synonym it reads with one å/ä/ö printed as two glyphs (`split_reading`: "villitavoite")."""
    out: list[str | None] = []
    for c, text in enumerate(texts):
        if text and match_field(text) is None:
            bare = _without_marks(text)
            for fixed in (fix(text) if fix else None, bare, fix(bare) if fix and bare else None, split_reading(bare or text) if ocr else None):
                if fixed and fixed != text and match_field(fixed) is not None:
                    text = fixed
                    break
            else:
                if earlier is not None and len(earlier) == len(texts) and _cut_head(text, earlier[c]):
                    text = earlier[c]
        out.append(text)
    return out


MIN_KEPT = 0.5  # share of a head's letters OCR must have kept for the rest to tell it


def _cut_head(text: str, head: str | None) -> bool:
    """Is `text` the head the document printed over this column before, with its first or last
    letters lost (Tesseract read "toimija(t) / toteuttaja(t)" in a shaded band as
    "ja(t) / toteuttaja(t)"), and does that head name a field?"""
    if not head or match_field(head) is None:
        return False
    mine, theirs = header_key(text), header_key(head)
    if not mine or len(mine) < MIN_KEPT * len(theirs) or mine == theirs:
        return False
    return theirs.endswith(mine) or theirs.startswith(mine)


_WORD = re.compile(r"^[\W_]*?([\w(](?:.*?[\w)%])?)(-?)[^\w)%]*$")


def _without_marks(text: str) -> str | None:
    """The header without the marks OCR reads before or after its words (a rule's end, a speck,
    a shadow: "—-‘Keinot", "—Tavoitetila_", "Aika->— taulu"), or None when there are none.
    A word's own hyphen (a head broken over two lines) stays."""
    words = []
    for token in text.split():
        m = _WORD.match(token)
        if m:
            words.append(m.group(1).strip("_") + m.group(2))
    bare = " ".join(words)
    return bare if bare and bare != " ".join(text.split()) else None
