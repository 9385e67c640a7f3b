"""The rest of a header row cut by a page break, printed overleaf above the table's rows.

A header row not repeated on each page may itself be cut by the page break: its heads'
first lines close the page ("Toimeenpano- / ja raportointi-"), the rest ("vastuu") opens
the next one in the header's shading, above the first data row.  Nothing rules the rest
into the table, so it stands free over the part overleaf, where it read as a section
heading and kept that part from going on from the page before.

A line over the first table of a page is the rest of the header row that ended the page
before when: that header row closed its page (nothing but furniture below it); every cell
a free line falls into has its last line cut at a hyphen; the lines start in lower case, set
as the heads are (bold or not), inside their cell's column, no further than a line or two
above the part; and the part's columns are the header's.  The lines then join their heads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from planparse.extractors.pdf.layout import PageContent
from planparse.extractors.pdf.multipage import columns_match
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import TextLine
from planparse.intermediate import Cell

_HYPHENS = ("-", "\u00ad", "\u2010")


def _cut_at_hyphen(cell: Cell) -> bool:
    """Does the cell's last line end with a word cut at a hyphen ("raportointi-")?"""
    text = cell.lines[-1].text.rstrip() if cell.lines else ""
    return len(text) > 1 and text.endswith(_HYPHENS) and text[-2].isalpha()


def _rest_of(line: TextLine, head_row: Sequence[Cell], page_top: float, settings: PdfSettings) -> int | None:
    """The column of `head_row` whose cut head `line` goes on, or None."""
    if not line.text[:1].islower():
        return None
    for c, cell in enumerate(head_row):
        if cell.bbox is None or not cell.lines:
            continue
        x0, _top, x1, _bottom = cell.bbox
        if x0 - settings.column_match <= line.x0 and line.x1 <= x1 + settings.column_match:
            return c if _cut_at_hyphen(cell) and line.top < page_top else None
    return None


def join_header_rests(pages: Sequence[PageContent], settings: PdfSettings) -> None:
    """Move the free lines over a page's first table that finish the cut heads of a header row
    closing the page before into those heads (in place)."""
    for prev, page in zip(pages, pages[1:]):
        if prev.number + 1 != page.number or not prev.tables or not page.tables:
            continue
        head_part, part = prev.tables[-1], page.tables[0]
        if not head_part.rows or not head_part.rows[-1].bold or not columns_match(head_part, part, settings):
            continue
        if any(ln.top >= head_part.bbox[3] - 1 for ln in prev.content_lines()):
            continue  # the header row did not close its page
        above = sorted(
            ((i, ln) for i, ln in enumerate(page.lines) if i not in page.furniture and ln.bottom <= part.bbox[1] + 1),
            key=lambda item: item[1].top,
        )
        if not above or any(ln.bold != head_part.rows[-1].bold for _i, ln in above):
            continue
        head = head_part.rows[-1].cells
        near = part.bbox[1] - 2.5 * max(ln.size for _i, ln in above)  # a line or two over the part
        cols = [_rest_of(ln, head, part.bbox[1], settings) if ln.top >= near else None for _i, ln in above]
        if any(c is None for c in cols):
            continue
        for (_i, ln), c in zip(above, cols):
            cell = head[c]
            cell.lines = [*cell.lines, replace(cell.lines[-1], text=ln.text, paragraph_start=False, list_item=False)]
        _drop_lines(page, {i for i, _ln in above})


def _drop_lines(page: PageContent, gone: set[int]) -> None:
    """Take lines out of `page.lines`, keeping the furniture marks on the lines left."""
    kept = [i for i in range(len(page.lines)) if i not in gone]
    renumber = {old: new for new, old in enumerate(kept)}
    page.furniture = {renumber[i] for i in page.furniture if i in renumber}
    page.lines = [page.lines[i] for i in kept]
