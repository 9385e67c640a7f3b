"""A numbered running footer swallowed by the table on one page of three stands free on
only two pages: found with the table's edge row, its free lines are the pages' furniture
too, so a table part that ends just above the footer still ends its page and its rows
go on overleaf (held-out matrix, issue 10: a frame-only table continued without a
repeated header on an A5 page)."""

from __future__ import annotations

from planparse.extractors.pdf.layout import PageContent
from planparse.extractors.pdf.multipage import stitch
from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.pages.furniture_cells import drop_furniture_lines
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.words import TextLine
from planparse.intermediate import Cell, Line, RawRow

HEIGHT, WIDTH = 595.0, 420.0
EDGES = [43.0, 110.0, 215.0, 272.0, 338.0, 377.0]


def _footer(page: int) -> TextLine:
    return TextLine([], f"Sida {page} (3)", 330.0, 377.0, 562.0, 571.0, 9.0, False)


def _row(texts: list[str], top: float, bottom: float) -> RawRow:
    return RawRow(cells=[Cell(lines=[Line(text=t)] if t else []) for t in texts], bbox=(EDGES[0], top, EDGES[-1], bottom))


def _pages() -> list[PageContent]:
    # page 1: the table runs to the foot and its last row took the footer in
    last = _row(["g", "a", "2024", "o", "i"], 500.0, 571.0)
    last.cells[4].lines.append(Line(text="Sida 1 (3)"))
    p1 = PageContent(1, WIDTH, HEIGHT, [PageTable(1, (43.0, 136.0, 377.0, 571.0), EDGES, [_row(["G", "A", "S", "O", "I"], 136.0, 150.0), last], False)], [])
    p2 = PageContent(2, WIDTH, HEIGHT, [PageTable(2, (43.0, 42.0, 377.0, 544.0), EDGES, [_row(["g2", "a2", "2025", "o2", "i2"], 42.0, 544.0)], False)], [_footer(2)])
    p3 = PageContent(3, WIDTH, HEIGHT, [PageTable(3, (43.0, 42.0, 377.0, 87.0), EDGES, [_row(["", "rest of a2", "", "", "rest"], 42.0, 87.0)], False)], [_footer(3)])
    return [p1, p2, p3]


def test_footer_found_through_a_table_edge_row_is_furniture_and_the_table_goes_on() -> None:
    pages = _pages()
    drop_furniture_lines(pages, DEFAULT_SETTINGS)
    assert [p.furniture for p in pages[1:]] == [{0}, {0}]
    assert [c.text for c in pages[0].tables[0].rows[-1].cells][4] == "i"
    tables = stitch(pages, DEFAULT_SETTINGS)
    assert len(tables) == 1 and len(tables[0][0].rows) == 4
