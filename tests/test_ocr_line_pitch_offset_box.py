"""An OCR table's line pitch is not taken from a word boxed off its own line (issue 11, set M).

jarvela-ilmasto-borderless@fin-150 and @eng-150 of scan set M (matrix seed 22), p. 1: the goal
cell "... nekaasupäästöt vä- / henevät 40 % / vuoden 2019 / tasosta" came out of Tesseract with
"%" boxed 4.9 pt under "henevät 40", a line of its own overlapping it.  The pitch from that "%"
to "vuoden 2019" (7.2 pt, where the table's lines stand 12 pt apart) was taken as the table's
line pitch (`rows.line_pitch`), so the plain white space between two list items of the
indicator column ("pituus (km)" / "- Runkolukitteis-", 16 pt) read as an empty line, and
"- Runkolukitteis-" opened a row beside the action "köintiä koulujen, kirjaston" (the rest of
"pyöräpysä-", which OCR read "pyöräp!"): the row was cut in two, 16 records for 15 on both
models.  The spacing after two overlapping OCR boxes is taken from the first of them.

tests/scan_crops/jarvela-borderless-M-150-p1-blocks.json holds the page's column blocks as
`row_starts` received them, from both scans.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scan_crop_helpers import crop_blocks

CROPS = Path(__file__).parent / "scan_crops"


def _part(name: str):
    from planparse.extractors.pdf.settings import PdfSettings

    data = json.loads((CROPS / "jarvela-borderless-M-150-p1-blocks.json").read_text(encoding="utf-8"))["parts"][name]
    settings = PdfSettings(row_align=data["row_align"], ocr_text=data["ocr_text"])
    return crop_blocks(data["blocks"]), data["rules"], settings


def _top_of(blocks, text: str) -> float:
    return next(ln.top for b in blocks for ln in b.lines if ln.text.startswith(text))


@pytest.mark.parametrize("name", ["fin-150", "eng-150"])
def test_the_pitch_is_the_tables_own(name: str) -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import line_pitch, lines_by_column

    blocks, _rules, settings = _part(name)
    columns = [sorted(lines, key=lambda ln: ln.top) for lines in lines_by_column(blocks).values()]
    assert 11.0 <= line_pitch(columns, ocr=True) <= 12.5  # (not 7.2)


@pytest.mark.parametrize("name", ["fin-150", "eng-150"])
def test_no_row_starts_at_a_second_list_item(name: str) -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    blocks, rules, settings = _part(name)
    starts = row_starts(blocks, rules, settings)
    item = _top_of(blocks, "- Runkolukitteis")
    assert not any(abs(s - item) <= settings.row_align for s in starts), (item, starts)
    # the rows of the page start where they did
    for text in ("Tekninen", "Hankinta", "Henkil", "Kaavoitus", "Ymp", "Joukko", "Vesihuolto"):
        top = _top_of(blocks, text)
        assert any(abs(s - top) <= settings.row_align for s in starts), (text, starts)
