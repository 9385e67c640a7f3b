"""A line OCR told bold between two regular lines of its paragraph ends no header row (issue
11, scan set E).

pihlajavesi-lapset-nuoret-borderless@fin-150 and @eng-150 p. 2: the indicator cell
"Nuorisovaltuuston / aloitteiden ja lausunto- / jen määrä" had its middle line told bold from
the page image; the regular line under it was taken for the end of a header row
(`row_starts`' header_ends) and the row "Nuorisovaltuustolle annetaan puhe- ja / läsnäolo-oikeus
kunnanvaltuustossa ja / lautakunnissa." was cut in two ("lautakunnissa." a record of its own:
15 records for 14).  A header's bold lines open their column's text; a bold line right under
a regular one of its cell is a weight misread.  The blocks are the scan's own, as row_starts
got them for the table part carried over from p. 1 (its columns: "jen" went to the owners'
column, so the table's tightest pitch is 7.7 pt, "jen" under "- nuorisovaltuusto").
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def _blocks():
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine

    data = json.loads((CROPS / "pihlajavesi-borderless-eng150-p2-blocks.json").read_text(encoding="utf-8"))
    blocks = [Block(col, [TextLine([], t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in lines]) for col, lines in data["blocks"]]
    return blocks, data["rules"]


def test_a_regular_line_under_a_bold_misread_starts_no_row() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    blocks, rules = _blocks()
    bold = [ln for b in blocks for ln in b.lines if ln.bold]
    assert "aloitteiden ja lausunto-" in [ln.text for ln in bold]  # (with "- Kunnanhallitus" beside it)
    starts = row_starts(blocks, rules, replace(DEFAULT_SETTINGS, ocr_text=1))
    cut = next(ln.top for b in blocks for ln in b.lines if ln.text == "lautakunnissa.")
    assert not any(abs(s - cut) < 1.0 for s in starts)
    row = next(ln.top for b in blocks for ln in b.lines if ln.text.startswith("Nuorisovaltuustolle"))
    assert any(abs(s - row) < 1.0 for s in starts)  # the row itself still starts


def test_born_digital_rows_keep_the_rule() -> None:
    """The guard is OCR's: born-digital text has true weights, and its rows are left alone."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    blocks, rules = _blocks()
    cut = next(ln.top for b in blocks for ln in b.lines if ln.text == "lautakunnissa.")
    assert any(abs(s - cut) < 1.0 for s in row_starts(blocks, rules, DEFAULT_SETTINGS))
