"""Running headers and footers swallowed by a whitespace table's edge row.

A whitespace table that runs to the foot of the page may take the running
footer ("Sivu 3") into its last row: the footer sits in a column's strip,
closer to the table than the gap that ends a table.  Which text is running
furniture is known only after every page is read (pdf.layout.mark_furniture:
a margin text repeated at one height on several pages).  Then a cell line in
a table row that reaches into the page's margin band, whose text is such a
furniture text (numbers aside), is taken out of the cell: it is the page's,
not the table's.  A footer swallowed on most pages is found the same way:
a text with a number (a page number) standing at one height in the margin
band on several pages, as a free line or as the outer line of an edge row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Sequence

from planparse.intermediate import Cell, RawRow
from planparse.extractors.pdf.layout import PageContent, furniture_key, furniture_text_key, in_margin
from planparse.extractors.pdf.settings import PdfSettings


def furniture_keys(pages: Sequence[PageContent]) -> set[str]:
    """The keys (text, digits as '#') of the lines marked as furniture on any page."""
    return {
        key
        for page in pages
        for i in page.furniture
        if (key := furniture_key(page.lines[i])).strip("# ")
    }


def _margin_texts(page: PageContent, settings: PdfSettings) -> Iterator[tuple[str, str, float, bool]]:
    """(text, side, height, free) of the page's free margin lines and of its whitespace
    tables' outer cell lines in edge rows (the row's edge standing for the line's)."""
    band = settings.margin_band * page.height
    for line in page.lines:
        if in_margin(line, page.height, settings):
            bottom = line.top >= page.height - band
            yield line.text, "bottom" if bottom else "top", line.bottom if bottom else line.top, True
    for table in page.tables:
        if table.ruled:
            continue
        for row in table.rows:
            side = _in_band(row, page.height, band)
            if side is None or row.bbox is None:
                continue
            for cell in row.cells:
                if cell.lines:
                    line = cell.lines[-1 if side == "bottom" else 0]
                    yield line.text, side, row.bbox[3] if side == "bottom" else row.bbox[1], False


def numbered_running_keys(pages: Sequence[PageContent], settings: PdfSettings) -> set[str]:
    """Keys of running texts with a page number: at one margin height on several pages,
    whether read as free lines or inside a table's edge row, printed at least once as
    a free line, with a number that changes from page to page ("Sivu 1", "Sivu 2")."""
    hits: dict[tuple[str, str], list[tuple[int, float, str, bool]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for text, side, y, free in _margin_texts(page, settings):
            key = furniture_text_key(text)
            if "#" in key and key.strip("# "):
                hits[(key, side)].append((p, y, " ".join(text.split()), free))
    need = min(settings.furniture_min_pages, max(2, len(pages)))
    keys = set()
    for (key, _side), found in hits.items():
        found.sort(key=lambda h: h[1])
        group: list[tuple[int, float, str, bool]] = []
        for hit in found:
            if group and hit[1] - group[-1][1] > settings.furniture_y:
                group = []
            group.append(hit)
            pages_hit = {h[0] for h in group}
            texts = {h[2] for h in group}
            if len(pages_hit) >= need and len(texts) >= 2 and any(h[3] for h in group):
                keys.add(key)
    return keys


def _in_band(row: RawRow, height: float, band: float) -> str | None:
    """'top' or 'bottom' when the row reaches into that margin band of its page."""
    if row.bbox is None:
        return None
    if row.bbox[3] >= height - band:
        return "bottom"
    if row.bbox[1] <= band:
        return "top"
    return None


def _strip_cell(cell: Cell, keys: set[str], side: str) -> bool:
    """Take a furniture line off the cell's outer end (last line at the foot, first at the head)."""
    if not cell.lines:
        return False
    k = -1 if side == "bottom" else 0
    line = cell.lines[k]
    if furniture_text_key(line.text) not in keys:
        return False
    del cell.lines[k]
    return True


def drop_furniture_lines(pages: Sequence[PageContent], settings: PdfSettings) -> None:
    """Remove running header/footer lines from the edge rows of the pages' whitespace tables."""
    if len(pages) < 2:
        return
    numbered = numbered_running_keys(pages, settings)
    keys = furniture_keys(pages) | numbered
    if not keys:
        return
    mark_running_lines(pages, numbered, settings)
    for page in pages:
        band = settings.margin_band * page.height
        for table in page.tables:
            if table.ruled:
                continue
            stripped = False
            for row in table.rows:
                side = _in_band(row, page.height, band)
                if side is not None:
                    stripped |= any([_strip_cell(cell, keys, side) for cell in row.cells])
            stripped |= _strip_column_ends(table.rows, page.height, band, keys)
            if stripped:  # a row that held only the footer goes
                table.rows = [r for r in table.rows if not all(c.is_empty and not c.merged_from_above for c in r.cells)] or table.rows


def _strip_column_ends(rows: list[RawRow], height: float, band: float, keys: set[str]) -> bool:
    """Take a furniture line off the lowest text of each column of a table whose last row
    reaches into the foot band (the first text of each column, under a head band): a cell
    merged over the rows below it (a goal printed at the top of its group) ends the column
    there, in a row above the edge row, and a footer under it is read as its last line."""
    stripped = False
    for side, ordered in (("bottom", rows[::-1]), ("top", rows)):
        if not ordered or _in_band(ordered[0], height, band) != side:
            continue
        for c in range(len(ordered[0].cells)):
            cell = next((r.cells[c] for r in ordered if c < len(r.cells) and r.cells[c].lines), None)
            if cell is not None:
                stripped |= _strip_cell(cell, keys, side)
    return stripped


def mark_running_lines(pages: Sequence[PageContent], keys: set[str], settings: PdfSettings) -> None:
    """Mark as furniture the free margin lines of a numbered running text found with the help
    of tables' edge rows: a footer swallowed by the table on one page of three stands free on
    too few pages for mark_furniture, yet it is the page's, and a table that ends just above
    it still ends its page (it may go on overleaf)."""
    if not keys:
        return
    for page in pages:
        for i, line in enumerate(page.lines):
            if i not in page.furniture and in_margin(line, page.height, settings) and furniture_text_key(line.text) in keys:
                page.furniture.add(i)
