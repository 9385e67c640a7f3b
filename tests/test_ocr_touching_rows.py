"""Rows of OCR tables found where they touch, and line pitches not taken from a box set off its
ink (pdf.tables.rowsplit.rows.row_starts; issue 11, scan set L).

vake-osallisuus-frame (a table framed only round its outside, no rules between rows, tight
line spacing): on p. 5 four consecutive rows print the goal "Asukkaiden vaikutusmahdollisuuksia
vahvistetaan." again, each right under the row above at the plain line pitch.  No column opens
a block there, and `paragraph_rows.paragraph_row_starts` (every column printing a line there
opens a paragraph: a short line ended above, a list ended under its bullet) was not asked on OCR
pages, so rows two and three, four and five were read as one ("goal goal") at every dpi and
model (23 records for 25; the born-digital PDF reads 25).

jarvela-ilmasto-shaded-header@fin-150: on p. 4 Tesseract boxed "Käyn-" 5.4 pt under its row's
top, 3.2 pt into "nissä" under it.  That 5.5 pt was the table's tightest line pitch, so the plain
white space over the action's second item "2) Päivitetään ta-" counted as an empty line and the
item became a row of its own.  Printed lines do not overlap: such a pair gives no pitch.

The blocks are the scans' own, as the table code had them (tests/scan_crops).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.scan_crop_helpers import crop_blocks

CROPS = Path(__file__).parent / "scan_crops"


def _part(crop: str, name: str):
    """(blocks, rules, settings) of one scan's table part saved in tests/scan_crops/CROP.json."""
    from planparse.extractors.pdf.settings import PdfSettings

    data = json.loads((CROPS / f"{crop}.json").read_text(encoding="utf-8"))["parts"][name]
    settings = PdfSettings(row_align=data["row_align"], ocr_text=data["ocr_text"])
    return crop_blocks(data["blocks"]), data["rules"], settings


def _tops(blocks, text: str) -> list[float]:
    return sorted(ln.top for b in blocks for ln in b.lines if ln.text.startswith(text))


def _starts_at(starts: list[float], t: float, align: float) -> bool:
    return any(abs(s - t) <= align for s in starts)


def test_touching_rows_of_a_repeated_goal_start_on_an_ocr_page() -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    blocks, rules, settings = _part("vake-frame-L-p5-touching", "fin-300")
    assert settings.ocr_text
    starts = row_starts(blocks, rules, settings)
    goals = _tops(blocks, "Asukkaiden vaikutusmahdollisuuk")
    assert len(goals) == 4
    for t in goals:  # each printing of the goal opens a row of its own
        assert _starts_at(starts, t, settings.row_align), (t, starts)
    for text in ("Tavoite", "Hyvinvointialueen", "Lapsivaikutusten arvioinnin"):
        assert _starts_at(starts, _tops(blocks, text)[0], settings.row_align)
    assert len(starts) == 7  # the head and six rows
    # the lines carrying on inside a row (the goal's second line, the owners' second item) start none
    for text in ("sia vahvistetaan.", "• Hyte-teht"):
        assert not any(_starts_at(starts, t, settings.row_align) for t in _tops(blocks, text))


def test_an_ocr_box_set_off_its_ink_gives_no_line_pitch() -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import line_pitch, lines_by_column

    blocks, _rules, _settings = _part("jarvela-shaded-header-L-fin150-p4-offset-box", "fin-150")
    columns = list(lines_by_column(blocks).values())
    assert line_pitch(columns) < 6.0  # "Käyn-" over "nissä", their boxes overlapping
    assert 10.0 < line_pitch(columns, ocr=True) < 11.5  # the printed lines' pitch


def test_a_second_item_after_plain_white_space_opens_no_row() -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    blocks, rules, settings = _part("jarvela-shaded-header-L-fin150-p4-offset-box", "fin-150")
    starts = row_starts(blocks, rules, settings)
    (item,) = _tops(blocks, "2) Päivitetään")
    assert not _starts_at(starts, item, settings.row_align), (item, starts)
    for text in ("Vastuu", "Hyte-tiimi", "Hyvinvoin-", "Liikunta-"):
        assert _starts_at(starts, _tops(blocks, text)[0], settings.row_align)
    assert len(starts) == 4  # the head and three rows
