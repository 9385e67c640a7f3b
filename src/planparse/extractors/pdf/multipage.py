"""Stitching table parts over pages into one table.

A part at the top of a page continues the table that ended the previous page
when nothing but page furniture stands between them and their columns sit at
the same x positions (within `column_match`); a ruled part may lack the
table's first or last column, left without rules overleaf (a merged goal
taller than a page), whose text then stands free beside it and is taken in.  A repeated header row is not
needed and is not removed here (recognising it needs vocabulary; the
normalizer drops it).  The first row of each continuation part gets
`starts_page=True`: it may be the rest of a row the page break cut.
"""

from __future__ import annotations

from typing import Sequence

from planparse.intermediate import Cell, Line, RawRow, RawTable
from planparse.common.misreads import one_letter_apart
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.layout import PageContent
from planparse.extractors.pdf.settings import PdfSettings


def columns_match(a: PageTable, b: PageTable, settings: PdfSettings) -> bool:
    """Same number of columns at the same x positions.

    A whitespace table's right edge is only where its longest line ends, so it
    is not compared.
    """
    n = len(a.col_edges) if a.ruled and b.ruled else len(a.col_edges) - 1
    return a.n_cols == b.n_cols and all(
        abs(x - y) <= settings.column_match for x, y in zip(a.col_edges[:n], b.col_edges[:n])
    )


OCR_LOST_BULLET = 12.0  # pt: a dash bullet and its gap ("– "), the most a column's text may stand right of its edge


def column_map(prev: PageTable, part: PageTable, settings: PdfSettings, ocr: bool = False) -> list[int] | None:
    """Where each column of `part` goes in `prev`'s grid, when its edges are a subset of prev's.

    Whitespace tables may show fewer columns on a page where one column happens
    to be empty or two merge; each of the part's columns must then start at one
    of prev's column edges and end at a later one.

    `ocr` (two scanned pages): a part's column may start up to a bullet's width
    right of prev's edge.  A headerless part's column starts where its text does,
    and OCR often reads no dash bullet at all, so every item of that column
    starts at the text after the bullet ("– Käyntien määrät": 351 pt in the
    header above, 361 pt overleaf); an edge further left stays matched as before.
    """
    if columns_match(prev, part, settings):
        return list(range(part.n_cols))
    if prev.ruled or part.ruled or part.n_cols > prev.n_cols or (part.n_cols == prev.n_cols and not ocr):
        return None
    right = OCR_LOST_BULLET if ocr else settings.column_match
    starts = []
    for x in part.col_edges[:-1]:
        near = [i for i, e in enumerate(prev.col_edges[:-1]) if -settings.column_match <= x - e <= right]
        if not near:
            return None
        starts.append(near[0])
    return starts if starts == sorted(set(starts)) else None


def ruled_column_map(prev: PageTable, part: PageTable, settings: PdfSettings) -> list[int] | None:
    """Where each column of a ruled part goes in the ruled table it continues, when the
    part is that table less its first or last columns: every edge of the part is one of
    prev's edges, each part column one of prev's.

    A goal merged over a group that runs on past the page break is drawn with no rule
    around it on the next page (only the table's outer line beside it): the grid found
    there leaves that column out and its text stands free beside the part.
    """
    if not (prev.ruled and part.ruled) or part.n_cols >= prev.n_cols:
        return None
    at = []
    for x in part.col_edges:
        near = [i for i, e in enumerate(prev.col_edges) if abs(e - x) <= settings.column_match]
        if not near:
            return None
        at.append(near[0])
    if any(b != a + 1 for a, b in zip(at, at[1:])):
        return None
    return at[:-1]


def fill_open_columns(page: PageContent, part: PageTable, prev: PageTable, rows: list[RawRow], mapping: list[int]) -> None:
    """Give the columns of `prev` the part leaves out the page's free lines standing in them
    beside the part, each line to the row it starts in; those lines leave the page's text."""
    missing = [c for c in range(prev.n_cols) if c not in mapping]
    if not missing or not rows:
        return
    top, bottom = part.bbox[1] - 1.0, part.bbox[3] + 1.0
    tops = [row.bbox[1] if row.bbox else part.bbox[1] for row in rows]
    taken: set[int] = set()
    for c in missing:
        x0, x1 = prev.col_edges[c] - 1.0, prev.col_edges[c + 1] + 1.0
        for i, ln in enumerate(page.lines):
            if i in page.furniture or not (x0 <= ln.x0 and ln.x1 <= x1 and top <= ln.top and ln.bottom <= bottom):
                continue
            r = max((k for k, t in enumerate(tops) if t <= ln.top + 1.0), default=0)
            cell = rows[r].cells[c]
            cell.lines.append(Line(text=ln.text, paragraph_start=not cell.lines))
            taken.add(i)
    if taken:
        kept = [i for i in range(len(page.lines)) if i not in taken]
        page.furniture = {kept.index(i) for i in page.furniture}
        page.lines = [page.lines[i] for i in kept]


def row_text(row: RawRow) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row.cells]


def repeats_header(table: RawTable, part: PageTable) -> bool:
    """Does the part open with the table's first row again (a header repeated on a new page)?

    Plain text equality, no vocabulary: lets a part continue the table even
    when the page is laid out differently (a landscape page, other widths).
    A long cell may differ by one letter when another cell is equal: OCR reads
    one head differently on two pages ("Uppféljning", "Uppfoljning").
    """
    if table.n_cols != part.n_cols or not table.rows or not part.rows:
        return False
    first = row_text(table.rows[0])
    again = row_text(part.rows[0])
    if not any(first):
        return False
    if again == first:
        return True
    equal = sum(1 for a, b in zip(first, again) if a and a == b)
    return equal > 0 and all(a == b or one_letter_apart(a, b) for a, b in zip(first, again))


def remap_row(row: RawRow, mapping: list[int], n_cols: int) -> RawRow:
    """The row on the table's grid; the row itself when its columns are the table's
    (no copy: the part is dropped after stitching, and a copy doubled every row at the end)."""
    if len(mapping) == n_cols and mapping == list(range(n_cols)):
        return row
    cells = [Cell() for _ in range(n_cols)]
    for src, dst in enumerate(mapping):
        cells[dst] = row.cells[src]
    return RawRow(cells=cells, page=row.page, starts_page=row.starts_page, bold=row.bold, bbox=row.bbox)


def _last_on_page(page: PageContent, table: PageTable) -> bool:
    below = [ln for ln in page.content_lines() if ln.top >= table.bbox[3] - 1]
    return table is page.tables[-1] and not below


def _first_on_page(page: PageContent, table: PageTable) -> bool:
    above = [ln for ln in page.content_lines() if ln.bottom <= table.bbox[1] + 1]
    return table is page.tables[0] and not above


def stitch(pages: Sequence[PageContent], settings: PdfSettings) -> list[tuple[RawTable, PageTable]]:
    """One RawTable per table, continued parts appended; with each table's first part."""
    result: list[tuple[RawTable, PageTable]] = []
    open_table: tuple[RawTable, PageTable] | None = None  # a table that ended its page
    for p, page in enumerate(pages):
        for part in page.tables:
            mapping = None
            open_cols = False
            if (
                open_table is not None
                and p > 0
                and pages[p - 1].number + 1 == page.number
                and _first_on_page(page, part)
            ):
                mapping = column_map(open_table[1], part, settings, ocr=pages[p - 1].ocr and page.ocr)
                if mapping is None and repeats_header(open_table[0], part):
                    mapping = list(range(part.n_cols))
                open_cols = mapping is None and (mapping := ruled_column_map(open_table[1], part, settings)) is not None
            if mapping is not None and open_table is not None:
                raw, first = open_table
                rows = [remap_row(r, mapping, raw.n_cols) for r in part.rows]
                if open_cols:
                    fill_open_columns(page, part, open_table[1], rows, mapping)
                rows[0].starts_page = True
                raw.rows.extend(rows)
                open_table = (raw, part if mapping == list(range(raw.n_cols)) else first)
            else:
                raw = RawTable(rows=list(part.rows), n_cols=part.n_cols, page=part.page, bbox=part.bbox, ruled=part.ruled)
                result.append((raw, part))
                open_table = (raw, part)
            if not _last_on_page(page, part):
                open_table = None
        if not page.tables:
            open_table = None if page.content_lines() else open_table
    return result
