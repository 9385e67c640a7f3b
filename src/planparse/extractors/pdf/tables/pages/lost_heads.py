"""OCR: heads Tesseract left unread, taken from the same table's header on another page.

At 150 dpi Tesseract may read no word of a head at all ("Kehittämistavoite" over a
borderless table's goal column, set J): the column is still found (from the body's
white space, whitespace/headless.py), but its head is empty, and the normalizer cannot
tell the goals from any other unnamed value.  A plan that repeats its header row on
each page (or prints the same table again under the next heading) shows the head
elsewhere.  A header row's empty heads are taken from another scanned table of the
document with the same columns whose header row prints every head both rows read alike,
at least two and at least as many as it gives (so it is the same design, not a table that
happens to share a grid).  The other table may itself have lost a different head (each
row of jarvela-ilmasto-shaded-header@fin-200-skew lost one of "Mittarit" and "Tila"), or
a column of it (its foot band overleaf read "Tila"'s column into "Mittarit"'s): its columns
need only start at the table's column edges (multipage.column_map), and a head of its column
spanning several of the table's is given to the first of them only when the others kept their own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from planparse.extractors.pdf.layout import PageContent
from planparse.extractors.pdf.multipage import column_map
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.intermediate import Cell

MIN_SHARED_HEADS = 2  # heads printed alike in both header rows, besides the lost ones


def _head(cell: Cell) -> str:
    return " ".join(" ".join(line.text.split()) for line in cell.lines).casefold()


def _heads(table: PageTable) -> list[str | None]:
    """The header row's heads by column ('' when unread; None under a merged cell or no row)."""
    if not table.rows:
        return []
    return [None if cell.merged_from_above else _head(cell) for cell in table.rows[0].cells]


def _donated(table: PageTable, mine: list[str | None], other: PageTable, theirs: list[str | None], settings: PdfSettings) -> dict[int, int]:
    """Which of `other`'s header cells names each of `table`'s empty heads, when `other` is the
    same design ({} when not): every head both read alike, at least as many as are given."""
    if other is table or not theirs or len(theirs) != other.n_cols:
        return {}
    mapping = column_map(table, other, settings, ocr=True)
    if mapping is None:
        return {}
    ends = mapping[1:] + [len(mine)]
    shared, given = 0, {}
    for d, (c, end) in enumerate(zip(mapping, ends)):
        head, own = theirs[d], mine[c]
        if head is None or own is None or not head:
            continue
        if own:
            if own != head:
                return {}
            shared += 1
        elif all(mine[k] and mine[k] not in head for k in range(c + 1, end)):
            given[c] = d
    return given if given and shared >= max(MIN_SHARED_HEADS, len(given)) else {}


def fill_lost_heads(pages: Sequence[PageContent], settings: PdfSettings) -> None:
    """Give each scanned table's header row its lost heads from a table of the same design."""
    tables = [t for page in pages if page.ocr for t in page.tables]
    heads = [_heads(t) for t in tables]  # as read: a head filled here is given to no other table
    for table, mine in zip(tables, heads):
        if "" not in mine:
            continue
        for other, theirs in zip(tables, heads):
            given = _donated(table, mine, other, theirs, settings)
            if given:
                cells = table.rows[0].cells
                for c, d in given.items():
                    cells[c] = replace(cells[c], lines=[replace(line) for line in other.rows[0].cells[d].lines])
                break
