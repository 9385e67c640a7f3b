"""An OCR line indented by a glued mark's share of its box ends no hanging indent (issue 11, set G).

koskenniemi-ikaihmiset-hrules@fin-150 of scan set G (matrix seed 16), p. 2: the action "3.1
Kyläkohtaisia kohtaa-" / "mispaikkoja perustetaan" / "koulujen, kirjastojen ja seu-" ...
Tesseract read the second line's first word "—mispaikkoja" with a dash the image does not
print, boxed from the letters' ink; `scan.marks.ocr_glued_marks` cuts the dash with its share
of the box, so "mispaikkoja" starts 4.1 pt right of the column's text.  `words.cell_lines`
took "koulujen," back at the left edge for the end of a hanging indent and split the action
in two (since the gutter-mark step that spread such words over their box went, 0c6d4fe).  A
hanging indent's continuation lines hang under the text after the first line's label ("3.1"
-> "Kyläkohtaisia" at 16.8 pt); an OCR indent no label explains ends none.

The lines are the cell's words as they reach `cell_lines` (text, x0, x1, top, bottom, size, bold).
"""

from __future__ import annotations

from planparse.extractors.pdf.words import cell_lines
from tests.scan_crop_helpers import crop_blocks

CELL = [
    [["3.1", 139.2, 148.56, 61.11, 71.01, 9.9, False], ["Kyläkohtaisia", 156.0, 212.16, 61.11, 71.01, 9.9, False], ["kohtaa-", 219.84, 247.98, 61.11, 71.01, 9.9, False]],
    [["mispaikkoja", 143.3, 188.38, 75.51, 85.41, 9.9, False], ["perustetaan", 195.84, 241.16, 75.51, 85.41, 9.9, False]],
    [["koulujen,", 139.2, 175.06, 90.39, 100.29, 9.9, False], ["kirjastojen", 183.36, 230.3, 90.39, 100.29, 9.9, False], ["ja", 232.8, 238.56, 90.39, 100.29, 9.9, False], ["seu-", 243.36, 257.18, 90.39, 100.29, 9.9, False]],
    [["rakuntatalojen", 139.2, 197.44, 104.79, 114.69, 9.9, False], ["tiloihin", 204.96, 232.69, 104.79, 114.69, 9.9, False], ["yh-", 239.04, 249.84, 104.79, 114.69, 9.9, False]],
    [["dessä", 139.2, 173.64, 119.19, 129.09, 9.9, False], ["järjestöjen", 176.64, 208.32, 119.19, 129.09, 9.9, False], ["kanssa.", 214.56, 241.44, 119.19, 129.09, 9.9, False]],
]
FILL_EDGE = 257.184


def _starts(cell: list, ocr: bool = True) -> list[bool]:
    lines = crop_blocks([[1, cell]])[0].lines
    return [line.paragraph_start for line in cell_lines(lines, None, ocr, None, FILL_EDGE)]


def test_an_ocr_indent_no_label_explains_ends_no_hanging_indent() -> None:
    assert _starts(CELL) == [True, False, False, False, False]


def test_continuation_lines_under_the_label_text_still_hang() -> None:
    """The same cell with "mispaikkoja perustetaan" hanging under "Kyläkohtaisia": a line back
    at the left edge is a new paragraph, as before."""
    shift = 156.0 - 143.3
    hung = [CELL[0], [[w[0], w[1] + shift, w[2] + shift, *w[3:]] for w in CELL[1]], *CELL[2:]]
    assert _starts(hung) == [True, False, True, False, False]
