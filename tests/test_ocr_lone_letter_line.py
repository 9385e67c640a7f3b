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


# kymenlaakso-lnp-header-rule@fin-300 (set M) p. 2 prints the schedule "2020 alkaen" as
# "202" / "0 al-" / "kae" / "n": the "n" is the column's last line, with no line below it
# (tests/scan_crops/kymenlaakso-lnp-header-rule-M-fin300-p2-last-letter.json, x 170-330 pt,
# y 40-100 pt).  A lower-case letter under a line that ends in a letter ends the word the
# column cut ("2020 alkae" in 13 rows of 16 before).
def _kymen_words() -> list[Word]:
    data = json.loads((CROPS / "kymenlaakso-lnp-header-rule-M-fin300-p2-last-letter.json").read_text(encoding="utf-8"))
    return [Word(t, x0, x1, top, bottom, size, False) for t, x0, x1, top, bottom, size in data["words"]]


def _kymen_schedule(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: (round(w.top), w.x0)) if 235 < w.x0 < 260]


def test_a_last_letter_ending_a_cut_word_stays() -> None:
    words = _kymen_words()
    assert _kymen_schedule(words) == ["202", "0", "al-", "kae", "n"]
    assert _kymen_schedule(ocr_specks(words)) == ["202", "0", "al-", "kae", "n"]


def test_a_last_glyph_under_a_finished_line_or_a_capital_is_still_dust() -> None:
    words = _kymen_words()
    stop = [w._replace(text="kae.") if w.text == "kae" else w for w in words]  # the line above ends a sentence
    assert "n" not in [w.text for w in ocr_specks(stop)]
    capital = [w._replace(text="N") if w.text == "n" else w for w in words]  # no word goes on in a capital
    assert "N" not in [w.text for w in ocr_specks(capital)]


def test_a_last_glyph_off_the_column_s_line_pitch_is_still_dust() -> None:
    # "i" 15.5 pt under "år-" on a column of 10.6 pt lines (strandby-jamstalldhet-hrules@swe-200-skew,
    # set M) was dust; the same letter set 4 pt lower than the column's pitch has nothing to stand on
    words = [w._replace(top=w.top + 4.0, bottom=w.bottom + 4.0) if w.text == "n" else w for w in _kymen_words()]
    assert "n" not in [w.text for w in ocr_specks(words)]
