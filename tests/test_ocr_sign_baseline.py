"""A word of signs is not measured against the ink (issue 11, scan set H:
koskenniemi-ikaihmiset-borderless@fin-150 and @eng-150 p. 1).

pdf.scan.chars.boxes.ink.settle_on_ink moves each OCR word onto the baseline of the ink
under it, taken as the lowest row dense with ink (the x-height's foot).  In
"€/v" the euro's two bars are the densest rows, so the baseline came out some
points high and the word was moved 3.8 pt up from "120 000" beside it.  The
"Resurssit" cell then began above its row and ran across the row's start: the
start was dropped, the header row and the first row became one, no goal column
was found and the table's five records were lost (F1 0.14; 4 records of 10).
A run with a barred sign (ink.BARRED_SIGNS) is not measured; it moves with the
nearest measured word on its line.  The crop in tests/scan_crops
is that page's real ink and text layer (see tests/test_ocr_phantom_marks.py).
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop


def test_a_word_of_signs_stays_on_its_line() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    chars, ink, scale = _crop("koskenniemi-borderless-p1-euro")
    settled = settle_on_ink(chars, ink, scale)
    bottoms = {text: chars_bottom for text, chars_bottom in _bottoms(settled)}
    assert abs(bottoms["€/v"] - bottoms["000"]) <= 0.6
    assert abs(bottoms["€/v"] - bottoms["Jälkiasennettujen"]) <= 0.6


def _bottoms(chars: list[dict]) -> list[tuple[str, float]]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return [("".join(chars[i]["text"] for i in run), chars[run[0]]["bottom"]) for run in char_runs(chars)]
