"""Dash bullets of a table part overleaf with no header row kept (set L, seed 21).

kymenlaakso-lnp-hrules@fin-300 p. 6 goes on with the table of p. 5: no head and no
unbulleted line starts where its dashes stand, so `marks.ocr_gutter_marks` took every
bullet of the page for a speck left of the column's text and dropped it; the columns
were then begun at the items' text and the next page, read with them, had its bullets
fall into the column on the left and its rows split apart.  The page's dashes share one
hanging indent in three columns: they are bullets.
"""

from __future__ import annotations

import json
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def _words(name: str) -> list:
    from planparse.extractors.pdf.words import Word

    raw = json.loads((CROPS / name).read_text(encoding="utf-8"))
    return [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in raw]


def test_dashes_hung_before_the_items_of_a_headless_page_are_kept() -> None:
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    words = _words("kymenlaakso-hrules-fin300-p6-words.json")
    dashes = [w for w in words if w.text == "—"]
    kept = ocr_gutter_marks(words)
    kept_dashes = [w for w in kept if w.text == "—"]
    assert len(dashes) >= 10
    assert len(kept_dashes) == len(dashes)
    # the bullets of the action, indicator and owner columns, each at its own x
    assert {round(w.x0) for w in kept_dashes} == {97, 181, 270}


def test_a_rule_end_in_a_gap_is_still_dropped() -> None:
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks

    kept = {w.text for w in ocr_gutter_marks(_words("koskenniemi-hrules-eng150-p2-words.json"))}
    assert "—_—-" not in kept and "~—_" not in kept
