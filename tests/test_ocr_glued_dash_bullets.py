"""A dash bullet OCR glued to its item's first word, set apart by the column of dash bullets it
stands in (extractors/pdf/scan/bullets.split_glued_dashes, issue 11).

kymenlaakso-lnp-grid of scan set N (seed 23) prints its owners as "- " lists; Tesseract reads
the first item's dash glued on ("-LNPsos", "-Muut"), so that item alone kept its dash in the
owners field (17 fields of fin-300).  The glued word opens its line where the column's lone
dashes stand, left of the list's text edge.  Words are the scans' own
(tests/scan_crops/ocr-glued-dash-bullets.json).
"""

from __future__ import annotations

import json

from tests.scan_crop_helpers import CROPS


def _words(part: str) -> list:
    from planparse.extractors.pdf.words import Word

    data = json.loads((CROPS / "ocr-glued-dash-bullets.json").read_text(encoding="utf-8"))["parts"][part]
    return [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data]


def _line(words: list, top: float) -> list[str]:
    return [w.text for w in sorted((w for w in words if abs(w.top - top) <= 1.0), key=lambda w: w.x0)]


def test_a_dash_glued_to_the_first_item_is_a_bullet_of_its_own() -> None:
    """fin-300 p. 2: "-LNPsos" boxed from its dash (379.2) and, set on its ink, 4.4 pt right of
    it (383.6): both left of the text edge (385.2) the column's "- Johto" items keep."""
    from planparse.extractors.pdf.scan.bullets import split_glued_dashes

    words = _words("kymenlaakso-lnp-grid@fin-300 p2 owners (set N)")
    glued = sorted((w for w in words if w.text == "-LNPsos"), key=lambda w: w.top)
    assert [round(w.x0, 1) for w in glued] == [379.2, 383.6]
    out = split_glued_dashes(words)
    for w in glued:
        assert _line(out, w.top)[:3] == ["-", "LNPsos", "ja"]
    lnp = [w for w in out if w.text == "LNPsos"]
    assert [round(w.x0, 1) for w in lnp] == [385.2, 385.2]  # at the list's text edge
    assert len(out) == len(words) + 2 and {w.text for w in out} - {w.text for w in words} == {"LNPsos"}


def test_a_dash_glued_to_a_later_item_too() -> None:
    """eng-150 p. 1: "-Muut" (the second cell's third item) between read "- Johto" items."""
    from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns

    words = _words("kymenlaakso-lnp-grid@eng-150 p1 owners (set N)")
    muut = next(w for w in words if w.text == "-Muut")
    assert _line(ocr_bullet_columns(words), muut.top)[:2] == ["-", "Muut"]


def test_no_cut_without_a_column_of_dashes_or_at_the_text_edge() -> None:
    """The same word with the column's dashes gone, or moved onto the text edge, stays whole."""
    from planparse.extractors.pdf.scan.bullets import split_glued_dashes

    words = _words("kymenlaakso-lnp-grid@fin-300 p2 owners (set N)")
    alone = [w for w in words if w.text != "-"]
    assert split_glued_dashes(alone) == alone
    at_edge = [w._replace(x0=385.2) if w.text == "-LNPsos" else w for w in words]
    assert [w.text for w in split_glued_dashes(at_edge)] == [w.text for w in at_edge]
