"""OCR: a head Tesseract left unread, taken from the same table's header on another page.

At 150 dpi Tesseract may read no word of a head at all ("Kehittämistavoite" over a
borderless table's goal column, set J): the column is still found (from the body's
white space, whitespace/headless.py), but its head is empty, and the normalizer cannot
tell the goals from any other unnamed value.  A plan that repeats its header row on
each page (or prints the same table again under the next heading) shows the head
elsewhere.  A header row with one empty head takes that head from another scanned
table of the document with the same columns at the same x positions whose header row
prints every other head alike (so it is the same design, not a table that happens to
share a grid).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from planparse.extractors.pdf.layout import PageContent
from planparse.extractors.pdf.multipage import columns_match
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.intermediate import Cell

MIN_SHARED_HEADS = 2  # heads printed alike in both header rows, besides the lost one


def _head(cell: Cell) -> str:
    return " ".join(" ".join(line.text.split()) for line in cell.lines).casefold()


def _lost_head(table: PageTable) -> int | None:
    """The one column of the header row with no head (None when none or several are empty)."""
    if not table.rows:
        return None
    cells = table.rows[0].cells
    empty = [c for c, cell in enumerate(cells) if not cell.merged_from_above and not _head(cell)]
    return empty[0] if len(empty) == 1 else None


def _same_design(table: PageTable, other: PageTable, lost: int, settings: PdfSettings) -> bool:
    if other is table or not other.rows or not columns_match(table, other, settings):
        return False
    mine, theirs = table.rows[0].cells, other.rows[0].cells
    if not _head(theirs[lost]):
        return False
    pairs = [(_head(a), _head(b)) for c, (a, b) in enumerate(zip(mine, theirs)) if c != lost]
    return len(pairs) >= MIN_SHARED_HEADS and all(a and a == b for a, b in pairs)


def fill_lost_heads(pages: Sequence[PageContent], settings: PdfSettings) -> None:
    """Give each scanned table's header row its one lost head from a table of the same design."""
    tables = [t for page in pages if page.ocr for t in page.tables]
    for table in tables:
        lost = _lost_head(table)
        if lost is None:
            continue
        donor = next((o for o in tables if _same_design(table, o, lost, settings)), None)
        if donor is not None:
            cells = table.rows[0].cells
            cells[lost] = replace(cells[lost], lines=[replace(line) for line in donor.rows[0].cells[lost].lines])
