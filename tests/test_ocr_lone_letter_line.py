"""A one-letter line of a narrow column is text, not a speck (issue 11, pdf.scan.marks.ocr_specks).

strandby-jamstalldhet-hrules (set J) prints its schedule "årligen i augusti" in a column a
word wide: "i" stands alone on its line, further than two font sizes from any other word,
and was dropped as dust at 200 and 300 dpi with both models ("årligen augusti").  It starts
at the left text edge of the lines above and below it, a line pitch from each: dust does not
stand on a column's line grid.  The words are the scan's own (tests/scan_crops/
strandby-hrules-swe300-p1-lone-letter.json: swe-300 p. 1, right of x 280 pt, above y 240 pt).
"""

from __future__ import annotations

import json

from planparse.extractors.pdf.scan.marks import ocr_specks
from planparse.extractors.pdf.words import Word

from .scan_crop_helpers import CROPS


def _words() -> list[Word]:
    data = json.loads((CROPS / "strandby-hrules-swe300-p1-lone-letter.json").read_text(encoding="utf-8"))
    return [Word(t, x0, x1, top, bottom, size, False) for t, x0, x1, top, bottom, size in data["words"]]


def _schedule(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: w.top) if w.x0 > 340 and 170 < w.top < 200]


def test_a_letter_on_its_column_s_line_grid_stays() -> None:
    words = _words()
    assert _schedule(words) == ["årligen", "i", "augusti"]
    assert _schedule(ocr_specks(words)) == ["årligen", "i", "augusti"]


def test_a_lone_glyph_off_the_line_grid_is_still_dust() -> None:
    # the same glyph set off the column's left edge, or between two lines, has nothing to stand on
    for dx, dy in ((4.0, 0.0), (0.0, 4.0)):
        words = [w._replace(x0=w.x0 + dx, x1=w.x1 + dx, top=w.top + dy, bottom=w.bottom + dy) if w.text == "i" else w for w in _words()]
        assert "i" not in [w.text for w in ocr_specks(words)]
