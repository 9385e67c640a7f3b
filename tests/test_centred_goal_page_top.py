"""A goal centred over its group at the top of a page part (held-out matrix, seed 12).

rl-ruled-hyvinvointi da4d49ed (reportlab, no rules, header repeated, merged-centre): on
page 3 a goal centred over three rows met the middle row's start, and its column had
been centred on the page before; the rows above and below it took nothing or the next
goal.  koskenniemi 788959d7 (LibreOffice, no rules, merged-centre, Symbol bullets): the
raised bullet glyph of the page's first line set the table's top 2.4 pt over the first
row's text, and that sliver of a row took the goal centred beside the rows below.
"""

from __future__ import annotations

from planparse.extractors.pdf.tables.whitespace.borderless import top_row_start
from planparse.extractors.pdf.tables.whitespace.regions import Region
from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks
from planparse.extractors.pdf.words import TextLine


def line(top: float, text: str, size: float = 10.0, bold: bool = False) -> TextLine:
    return TextLine([], text, 0.0, 50.0, top, top + size, size, bold)


def blk(col: int, tops: list[float], text: str = "text", bold: bool = False) -> Block:
    return Block(col, [line(t, text, bold=bold) for t in tops])


BOUNDS = [84.4, 104.4, 148.4, 208.4, 252.4, 310.9]


def _page3(goal6_top: float) -> list[Block]:
    header = [blk(c, [84.4], "Head", bold=True) for c in range(3)]
    actions = [blk(1, [t, t + 12.0]) for t in BOUNDS[1:-1]]
    owners = [blk(2, [t]) for t in BOUNDS[1:-1]]
    goal6 = blk(0, [goal6_top, goal6_top + 12.0, goal6_top + 24.0], "6. Goal centred over three rows")
    goal7 = blk(0, [252.4, 264.4], "7. Goal of the last row")
    return header + actions + owners + [goal6, goal7]


def _goal_rows(blocks: list[Block], hint: set[int]) -> list[tuple[int, int]]:
    placed = place_blocks(blocks, BOUNDS, 3, centred_hint=hint)
    return sorted((f, e) for f, e, b in placed if b.col == 0 and not b.lines[0].bold)


def test_goal_centred_on_its_middle_row_under_the_header_spans_the_rows_above() -> None:
    # rows 1-3 (104.4-252.4) centre the goal (156.4-190.4) as well as row 2 alone
    assert _goal_rows(_page3(156.4), {0}) == [(1, 4), (4, 5)]


def test_goal_standing_on_its_own_row_start_under_the_header_keeps_its_row() -> None:
    # set at its row's top (not centred over rows 1-3): a group of one row
    assert _goal_rows(_page3(148.4), {0})[0] == (2, 3)


def test_raised_bullet_over_the_first_row_makes_no_sliver_row() -> None:
    region = Region([line(44.5, "• 2.1 Palveluliikenteen reitit", 8.0), line(157.5, "2.2 Kirjastoauto", 8.0)], [])
    assert top_row_start([46.9, 157.5], region) == [44.5, 157.5]


def test_a_line_well_above_the_first_start_is_a_row_of_its_own() -> None:
    region = Region([line(30.0, "rest of a cut row", 8.0), line(46.9, "2.1 Palveluliikenteen", 8.0)], [])
    assert top_row_start([46.9, 157.5], region) == [30.0, 46.9, 157.5]
