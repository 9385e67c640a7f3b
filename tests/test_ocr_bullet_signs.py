"""A dash bullet OCR read as another sign, found by the column of read dashes it stands in
(extractors/pdf/scan/bullets.py, issue 11).

At 150 dpi Tesseract reads some of a list's dash bullets as "~", "=" or ">".  Those are no
bullet glyph and, standing left of the column's text edge, `marks.ocr_gutter_marks` drops
a "~" as a mark read in the gutter: the item runs into the one above it
(kymenlaakso-lnp-hrules@eng-150 of scan set G, p. 1: "Johto Muut lapsi/nuorisotoimijat" in
every owners cell).  Where the column's other bullets are read as dashes at that x, the text
at one indent, and a dash of the same list stands a line or two away, the sign is a bullet.
Words are the scans' own (tests/scan_crops/ocr-bullet-signs.json).
"""

from __future__ import annotations

import json

from tests.scan_crop_helpers import CROPS


def _words(part: str) -> list:
    from planparse.extractors.pdf.words import Word

    data = json.loads((CROPS / "ocr-bullet-signs.json").read_text(encoding="utf-8"))["parts"][part]
    return [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data]


def _before(words: list, text: str, top: float) -> str:
    """The word standing left of `text` on its line (by top, within a point)."""
    line = sorted((w for w in words if abs(w.top - top) <= 1.0), key=lambda w: w.x0)
    k = next(i for i, w in enumerate(line) if w.text == text)
    return line[k - 1].text if k else ""


def test_a_tilde_in_a_column_of_dashes_is_a_bullet() -> None:
    from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns

    words = _words("kymenlaakso-lnp-hrules@eng-150 p1 owners (set G)")
    assert [w.text for w in words if w.x0 < 390] == ["-", "-", "~", "-", "-", "-", "~", "-", "-", "~"]
    out = ocr_bullet_columns(words)
    assert [w.text for w in out if w.x0 < 390] == ["-", "-", "•", "-", "-", "-", "•", "-", "-", "•"]
    assert _before(out, "Muut", 281.37) == "•" and _before(out, "Pahekesug.", 447.85) == "•"
    assert [w.text for w in out if w.x0 >= 390] == [w.text for w in words if w.x0 >= 390]  # the text as read


def test_a_sign_before_the_rest_of_a_broken_word_stays() -> None:
    """strandby-jamstalldhet-hrules@swe-150 of set J, p. 2: "= läggningen" carries on "Lönekart-"
    (a speck read there); ">" before "ARURNTN" (the item "Antal anmälningar per år", its dash
    printed) is a bullet."""
    from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns

    out = ocr_bullet_columns(_words("strandby-jamstalldhet-hrules@swe-150 p2 indicators (set J)"))
    assert _before(out, "läggningen", 274.81) == "="
    assert _before(out, "ARURNTN", 233.49) == "•"


def test_a_sign_far_from_any_read_dash_stays() -> None:
    """strandby-jamstalldhet-hrules@swe-150 of set G, p. 1: "= Alla chefer ..." opens the first of
    two actions whose bullets OCR left out (the column's read dashes stand 130 pt lower): one
    bullet given back would make the second action the first one's text."""
    from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns

    out = ocr_bullet_columns(_words("strandby-jamstalldhet-hrules@swe-150 p1 actions (set G)"))
    assert _before(out, "Alla", 174.93) == "="
