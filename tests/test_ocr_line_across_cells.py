"""An OCR line that runs across a table's cells is sized cell by cell (issue 11, scan set E).

vake-osallisuus-frame@fin-150 p. 4: Tesseract read the goal's middle line
"tusmahdollisuuksia." and the indicator cell's "(kyllä/ei)", misread "Hlylläle)", 190 pt
to its right, as one line boxed 13 pt (the page's lines 12 pt).  Measured together, the
line's median letter width was the garbage's, wide enough for a heading: the goal's line
kept its 13 pt box, 4.6 pt under the line above by their tops, the goal column's line
pitch came out 4.6 pt and every ordinary 10 pt step in the column broke a block, so the
goal of the row above ("Hyvinvointialueen vaikuttamistoimielinten roolia ja /
osallisuutta ...") became two rows, the second a record of its own (26 for 25).  The
words are the scan's own, as the reader had them before their sizes were evened
(tests/scan_crops/vake-frame-fin150-p4-words.json).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def _page():
    from planparse.extractors.pdf.words import Word

    data = json.loads((CROPS / "vake-frame-fin150-p4-words.json").read_text(encoding="utf-8"))
    words = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data["words"]]
    return words, data["edges"], data["height"]


def test_a_cells_line_is_not_sized_by_another_cells_words() -> None:
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes

    words, _edges, _height = _page()
    line = next(w for w in words if w.text == "tusmahdollisuuksia.")
    garbage = next(w for w in words if w.text == "Hlylläle)")
    assert line.size == garbage.size > 12.0 and garbage.x0 - line.x1 > 150  # one OCR line over two cells
    sized = {w.text: w.size for w in even_ocr_sizes(words)}
    assert sized["tusmahdollisuuksia."] == sized["vahvistetaan."] == sized["Lapsivaikutusten"]


def test_the_goal_beside_a_short_row_stays_one_cell() -> None:
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
    from planparse.extractors.pdf.words import group_lines

    words, edges, height = _page()
    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    lines = group_lines(even_ocr_sizes(words), settings)
    tables = [t for t in find_borderless_tables(lines, edges, 4, height, settings) if t.rows[0].cells[0].text == "Tavoite"]
    assert len(tables) == 1
    goals = [row.cells[0].text for row in tables[0].rows[1:] if row.cells[0].text]
    assert goals[0].startswith("Hyvinvointialueen") and goals[0].endswith("luvaiheessa.")
    assert not any(g.startswith("osallisuutta") for g in goals)
    assert len(tables[0].rows) == 7  # the header and six rows, as printed


def test_a_cell_of_few_words_is_not_made_a_heading_by_its_own_measure() -> None:
    """strandby-jamstalldhet-hrules@eng-150 (scan set G) p. 1: the indicator cell's second line
    "Antal anmalningar per ar" stands on one 13 pt OCR line with the goal's and the action's
    lines (the page's body 13 pt too).  Its cell alone has two words long enough to measure, and
    the OCR box of "Antal" is 8 pt too wide (1.41 body letter widths): measured alone it came
    out a heading, 12.3 pt tall, and the two indicators "Anmälningskanalen i bruk (ja/nej)" /
    "Antal anmälningar per år" merged into one.  A part of an OCR line only leaves the whole
    line's display size, never takes one the whole line has not; the header row's "Mal", too
    short to measure, is not made small print by its cell alone either."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.words import Word

    data = json.loads((CROPS / "strandby-hrules-eng150-p1-words.json").read_text(encoding="utf-8"))
    words = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data["words"]]
    antal = next(w for w in words if w.text == "Antal" and w.x1 - w.x0 > 20)
    beside = [w for w in words if abs(w.yc - antal.yc) < 0.5 * w.size and w.x1 < 400]
    assert beside and all(w.size == antal.size for w in beside)  # one OCR line across the row's cells
    sized = even_ocr_sizes(words)
    body = sorted(w.size for w in sized)[len(sized) // 2]
    for w in sized:
        if abs(w.yc - antal.yc) < 0.5 * antal.size or w.text in ("Mal", "Ansvar", "Tidtabell"):
            assert w.size == body, w.text
