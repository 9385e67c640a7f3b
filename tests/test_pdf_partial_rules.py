"""Tables whose vector graphics are partial: a shaded header, horizontal rules
only, an outer frame, one rule under the header.  None of them is a grid (no
vertical lines between columns), so columns come from whitespace; the drawn
lines may only part rows.  Each test expects the grid the fixture drew."""

from __future__ import annotations

from pathlib import Path

import pytest

from planparse.extractors.pdf.reader import read_pdf
from planparse.settings import ExtractOptions
from planparse.source import Source

from .pdf_fixtures import PARAGRAPH_ROWS, partially_ruled_grid, partially_ruled_pdf


def _grids(path: Path) -> list[list[list[str]]]:
    return [t.grid() for t in read_pdf(Source.from_path(path), ExtractOptions()).tables]


@pytest.mark.parametrize("ruling", ["shaded-header", "hrules", "frame", "header-rule"])
@pytest.mark.parametrize("per_cell", [False, True])
def test_partially_ruled_table_is_one_table_with_its_header(tmp_path: Path, ruling: str, per_cell: bool) -> None:
    path = partially_ruled_pdf(tmp_path / f"{ruling}.pdf", ruling, per_cell=per_cell)
    assert _grids(path) == [partially_ruled_grid()]


@pytest.mark.parametrize("per_cell", [False, True])
def test_shaded_headers_of_two_tables_part_no_rows(tmp_path: Path, per_cell: bool) -> None:
    """Two tables with shaded headers one under the other: the shaded bands are
    not rules, so the rows between them stay the rows their text makes."""
    path = partially_ruled_pdf(tmp_path / "two.pdf", "shaded-header", per_cell=per_cell, header_again=2)
    rows = [row for grid in _grids(path) for row in grid]
    assert rows == partially_ruled_grid(header_again=2)


def test_rule_left_out_under_a_merged_goal_does_not_cut_it(tmp_path: Path) -> None:
    """Horizontal rules only; the rule between the first two rows starts right of the
    goal column: the goal printed centred beside both rows is one cell over them."""
    path = partially_ruled_pdf(tmp_path / "merged.pdf", "hrules", merged_goal=True)
    tables = read_pdf(Source.from_path(path), ExtractOptions()).tables
    assert [t.grid() for t in tables] == [partially_ruled_grid(merged_goal=True)]
    assert tables[0].rows[2].cells[0].merged_from_above


@pytest.mark.parametrize("per_cell", [False, True])
def test_rules_part_rows_whose_cells_hold_paragraphs(tmp_path: Path, per_cell: bool) -> None:
    """Rules under every row (drawn whole, or cell by cell as reportlab does): a
    second paragraph opening in several cells at once is no new row."""
    path = partially_ruled_pdf(tmp_path / "paragraphs.pdf", "hrules", rows=PARAGRAPH_ROWS, per_cell=per_cell)
    assert _grids(path) == [partially_ruled_grid(rows=PARAGRAPH_ROWS)]


def test_line_well_below_the_closing_rule_is_not_a_row(tmp_path: Path) -> None:
    """A page number printed 14 pt under the rule that closes the table (near enough
    for a whitespace table to grow over it) is no row of the table."""
    path = partially_ruled_pdf(tmp_path / "footer.pdf", "hrules", footer_gap=14)
    assert _grids(path) == [partially_ruled_grid()]


def test_rules_under_spanning_heads_part_no_rows() -> None:
    """Rules under a few columns only (under the spanning heads of a statistical
    table's header, ICDAR us-024) are no row rules: the whitespace reader decides."""
    from planparse.extractors.pdf.tables.ruling.hrules import hrule_table
    from planparse.extractors.pdf.tables.whitespace.regions import column_of
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.words import Word

    cols = [0.0, 100.0, 200.0, 300.0, 400.0]
    rule = lambda y, x0, x1: {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}  # noqa: E731
    spanning = [rule(30, 0, 200), rule(60, 200, 400), rule(80, 0, 200)]  # each under two of the four columns
    words = [Word(f"w{c}{y}", x + 5, x + 40, y, y + 9, 9.0, False) for c, x in enumerate(cols[:-1]) for y in (2, 32, 62, 80)]
    assert hrule_table(words, cols, column_of, spanning, 0.0, 100.0, [], 1, DEFAULT_SETTINGS) is None
    across = [rule(30, 0, 400), rule(60, 0, 400)]  # the same rules under every column part rows
    table = hrule_table(words, cols, column_of, across, 0.0, 100.0, [], 1, DEFAULT_SETTINGS)
    assert table is not None and len(table.rows) == 3
