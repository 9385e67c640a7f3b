"""Borderless plan tables in the layouts word processors make (issue 10.2).

Each PDF is drawn by tests/pdf_layouts.py from content stated here; the
expected grid or records come from that content.
"""

from __future__ import annotations

from pathlib import Path

import planparse

from . import pdf_layouts as lay


def test_rows_that_touch_are_told_apart(tmp_path: Path) -> None:
    """No white space between rows: a goal opening after empty lines of its column,
    beside lines that each begin afresh, starts a row; a cell whose lines run on
    beside a shorter neighbour is not cut into rows."""
    table = lay.Table(lay.HEADER, lay.plan_rows(6), lay.WIDTHS)
    path = lay.draw_plan(tmp_path / "tight.pdf", [table])
    assert lay.grids(path) == [lay.expected_grid(table)]


def test_rows_set_off_by_white_space(tmp_path: Path) -> None:
    table = lay.Table(lay.HEADER, lay.plan_rows(6), lay.WIDTHS)
    path = lay.draw_plan(tmp_path / "gap.pdf", [table], lay.Layout(row_gap=6))
    assert lay.grids(path) == [lay.expected_grid(table)]


def test_block_after_a_row_start_in_its_column_is_cut_at_the_next_row() -> None:
    """Regression: a second paragraph of a cell (spaced off) that runs on into the next
    rows without spacing was kept whole as a merged cell, swallowing those rows' actions."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, split_at_rows
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.words import TextLine

    def line(top: float, text: str) -> TextLine:
        return TextLine([], text, 100.0, 200.0, top, top + 10, 10.0, False, False)

    # column 1: rows start at 100, 124 and 178 with no spacing between them; row 1's
    # cell has a second paragraph (spaced off, at 154) that runs on into row 2
    blocks = [
        Block(1, [line(100, "Row 0 action."), line(112, "Row 0 goes on."), line(124, "Row 1 first item"), line(136, "ends here.")]),
        Block(1, [line(154, "Row 1 second"), line(166, "item."), line(178, "Row 2 action"), line(190, "goes on.")]),
    ]
    out = split_at_rows(blocks, [100.0, 124.0, 178.0], DEFAULT_SETTINGS)
    assert [[ln.text for ln in b.lines] for b in out] == [
        ["Row 0 action.", "Row 0 goes on."],
        ["Row 1 first item", "ends here."],
        ["Row 1 second", "item."],
        ["Row 2 action", "goes on."],
    ]


def test_touching_table_continued_overleaf_without_header(tmp_path: Path) -> None:
    """Header row not repeated (Word's default), rows touch, a row cut by the page break:
    one table, every row a record with the goal of its group."""
    table = lay.Table(lay.HEADER, lay.plan_rows(22), lay.WIDTHS)
    layout = lay.Layout()
    path = lay.draw_plan(tmp_path / "cont.pdf", [table], layout)
    assert len({page for page, _text in layout.drawn}) >= 2
    plan = planparse.extract(path)
    assert not [w for w in plan.warnings if w.code == "table-skipped"]
    assert [(r.goal, r.owners) for r in plan.records] == lay.goal_rows([table])


def test_spaced_table_continued_overleaf_without_header(tmp_path: Path) -> None:
    table = lay.Table(lay.HEADER, lay.plan_rows(22), lay.WIDTHS)
    layout = lay.Layout(row_gap=6)
    path = lay.draw_plan(tmp_path / "cont.pdf", [table], layout)
    assert len({page for page, _text in layout.drawn}) >= 2
    plan = planparse.extract(path)
    assert [(r.goal, r.owners) for r in plan.records] == lay.goal_rows([table])


def test_list_items_side_by_side_beside_a_broken_word_stay_one_row(tmp_path: Path) -> None:
    """Items of three list cells that happen to start level (one paragraph of space
    between items) are no row start while the goal beside them breaks a word there."""
    goal = ["1", "Children and young peo-", "ple are heard in every", "service decision"]
    row = [goal, ["- Hear the child", "", "- Write it down"], ["- Survey", "", "- Feedback"], ["- Office A", "", "- Office B"]]
    nxt = [["2", "Parents get support"], ["- Groups for parents"], ["- Number of groups"], ["- Office C"]]
    table = lay.Table(lay.HEADER, [row, nxt], lay.WIDTHS)
    path = lay.draw_plan(tmp_path / "items.pdf", [table], lay.Layout(row_gap=0))
    assert lay.grids(path) == [lay.expected_grid(table)]


def test_repeated_header_above_the_rest_of_a_cut_row(tmp_path: Path) -> None:
    """Header repeated on the new page, and under it the rest of a cut row with text in
    one column only: the header ends where regular text starts right under it, so it
    stays a repeated header (dropped) and the rest joins its row."""
    def row(k: int, action: list[str] | None = None) -> list:
        return [[f"Clean lake {k}"], action or [f"Dredge bay {k}."], [f"Office {k}"], [f"Fish count {k}"]]

    rows: list = [row(k) for k in range(1, 54)]
    long_action = ["Dredging starts", "and goes on", "over the page", "to the end", "of it."]
    rows.append(row(54, long_action))
    rows += [row(k) for k in range(55, 60)]
    table = lay.Table(lay.HEADER, rows, lay.WIDTHS)
    layout = lay.Layout(repeat_header=True)
    path = lay.draw_plan(tmp_path / "repeat.pdf", [table], layout)
    assert layout.drawn[53][0] == 1 and layout.drawn[54][0] == 2  # the long row is cut
    (grid,) = lay.grids(path)
    assert grid.count(list(lay.HEADER)) == 2  # the repeated header row stays only the header
    assert ["", "over the page\nto the end\nof it.", "", ""] in grid
    plan = planparse.extract(path)
    assert [r.owners for r in plan.records] == [[f"Office {k}"] for k in range(1, 60)]
    assert " ".join(plan.records[53].actions) == " ".join(long_action)


def test_merged_goal_running_on_past_its_first_row(tmp_path: Path) -> None:
    """A goal merged over its group (top-aligned) is longer than the group's first row
    and breaks a word where the second row starts: the goal stays whole, the rows
    of its group stay apart, and every row gets the goal."""
    goal = lay.Span(["Everyone can take", "part in the servi-", "ces of the town", "all year round"])
    rows = [
        [goal, ["Open the halls", "in the evening."], ["Sports office"], ["Hours open"]],
        [[], ["Hold a yearly", "open house."], ["Culture office"], ["Visitors"]],
        [[], ["Print the guide", "in easy language."], ["Communication"], ["Copies"]],
        [["Second goal", "is reached"], ["Start a pilot."], ["Youth office"], ["Pilots"]],
    ]
    table = lay.Table(lay.HEADER, rows, lay.WIDTHS)
    path = lay.draw_plan(tmp_path / "merged.pdf", [table], lay.Layout(row_gap=0))
    plan = planparse.extract(path)
    whole = "Everyone can take part in the services of the town all year round"
    assert [(r.goal, r.owners) for r in plan.records] == [
        (whole, ["Sports office"]),
        (whole, ["Culture office"]),
        (whole, ["Communication"]),
        ("Second goal is reached", ["Youth office"]),
    ]


def test_merged_goal_wrapped_level_with_its_second_row_stays_whole(tmp_path: Path) -> None:
    """Regression (matrix: LibreOffice frame, merged-top): a goal merged over its group
    wraps (no hyphen) to a line that stands level with the group's second row.  The goal
    column is empty at some row starts (it may hold merged cells) and the line carries on
    the sentence above it: the goal stays whole, and the group's rows get it."""
    # lines wrapped as a word processor does: the next line's first word would not fit
    goal = lay.Span(["Equality and equal", "treatment work is a", "natural part of the", "daily activities"])
    rows = [
        [goal, ["Discuss the plan", "yearly."], ["Heads"], ["Units"]],
        [[], ["Train every head", "in the law."], ["HR office"], ["Share trained"]],
        [[], ["Print a guide", "for new staff."], ["HR office"], ["Guide printed"]],
        [["Second goal", "is reached"], ["Start a pilot."], ["Youth office"], ["Pilots"]],
    ]
    table = lay.Table(lay.HEADER, rows, lay.WIDTHS)
    path = lay.draw_plan(tmp_path / "merged-wrap.pdf", [table], lay.Layout(row_gap=0))
    plan = planparse.extract(path)
    whole = "Equality and equal treatment work is a natural part of the daily activities"
    assert [(r.goal, r.actions) for r in plan.records] == [
        (whole, ["Discuss the plan yearly."]),
        (whole, ["Train every head in the law."]),
        (whole, ["Print a guide for new staff."]),
        ("Second goal is reached", ["Start a pilot."]),
    ]


def test_cramped_columns_split_at_the_white_space_through_the_table(tmp_path: Path) -> None:
    """Columns set only a few points apart (narrower than a column gap): the bold header's
    run 'Owner Indicator' is split where white space runs through the whole table and
    text stands on both sides of it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    owners = ["Sports office", "Culture team", "Youth office", "Town office"]
    # the owner column is as wide as its longest text plus 6 pt: 6 pt to the next column
    owner_w = max(stringWidth(t, "Helvetica", 10) for t in owners + ["Owner"]) + 6
    widths = [120, 170, owner_w, 110]
    rows = [
        [["Goal one"], ["Open the halls", "in the evening."], [owners[0]], ["Hours open"]],
        [["Goal two"], ["Hold an open", "house."], [owners[1]], ["Visitors"]],
        [["Goal three"], ["Print a guide."], [owners[2]], ["Copies"]],
        [["Goal four"], ["Start a pilot."], [owners[3]], ["Pilots"]],
    ]
    table = lay.Table(lay.HEADER, rows, widths)
    path = lay.draw_plan(tmp_path / "cramped.pdf", [table], lay.Layout(row_gap=6))
    assert lay.grids(path) == [lay.expected_grid(table)]


def test_items_level_by_chance_inside_a_tall_row_start_no_row() -> None:
    """Regression (matrix: merged-centre goal, cells of several items, LibreOffice
    paragraph spacing): the second items of three cells and a centred goal begin level
    inside one row while the action column's paragraph runs on across that height.
    The action column starts a block at every other row start (it is never merged),
    so its paragraph is one row's cell and the height is no row start; a start that
    only a sparse (merged) goal column runs across stays."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_cutting_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, top: float, n: int, pitch: float = 15.0) -> Block:
        return Block(col, [TextLine([], f"c{col} {top}", 0.0, 10.0, top + k * pitch, top + k * pitch + 11, 11.0, False) for k in range(n)])

    blocks = [
        blk(0, 100, 1), blk(1, 100, 1), blk(2, 100, 1), blk(3, 100, 1),  # header
        blk(1, 130, 5),  # the action: 130-201, runs across 182
        blk(2, 130, 3), blk(2, 182.0, 2),  # items of the indicator cell
        blk(3, 130, 3), blk(3, 182.0, 2),  # items of the owner cell
        blk(0, 182.0, 3),  # a goal centred in the row, level with the items by chance
        blk(1, 240, 2), blk(2, 240, 2), blk(3, 240, 2), blk(0, 255, 1),  # the next row
    ]
    assert drop_cutting_starts([100.0, 130.0, 182.0, 240.0], blocks, 2.5) == [100.0, 130.0, 240.0]
    # a goal merged over two rows (its column empty at the second) runs across a real start
    merged = [
        blk(0, 100, 1), blk(1, 100, 1), blk(2, 100, 1),
        blk(0, 130, 5), blk(1, 130, 2), blk(2, 130, 2),
        blk(1, 165, 2), blk(2, 165, 2),
    ]
    assert drop_cutting_starts([100.0, 130.0, 165.0], merged, 2.5) == [100.0, 130.0, 165.0]


def test_running_footer_under_a_table_that_fills_the_page_is_no_cell_text(tmp_path: Path) -> None:
    """Regression (matrix: A5, 8 pt, running header/footer): a footer printed just below a
    whitespace table that runs to the foot of the page sits in a column's strip and was
    read into the last row's cell ("Office 9", "Page 1").  Repeated on every page at one
    height, it is the page's furniture and leaves the cell."""
    table = lay.Table(lay.HEADER, lay.plan_rows(22), lay.WIDTHS)
    layout = lay.Layout(row_gap=6, footer="Page {page}")
    path = lay.draw_plan(tmp_path / "footer.pdf", [table], layout)
    assert len({page for page, _text in layout.drawn}) >= 3
    plan = planparse.extract(path)
    assert [(r.goal, r.owners) for r in plan.records] == lay.goal_rows([table])
    assert not [r for r in plan.records if any("Page" in i for i in r.indicators)]


def test_top_aligned_goal_is_not_centred_up_into_the_group_above() -> None:
    """Regression (matrix: reportlab, shaded header, merged-top goals): a goal of five lines
    standing on its group's first row start, below a one-row-longer group whose goal is
    printed once, fitted a centred span better one row higher and took that row from the
    goal above.  In a column whose every block stands on a row start the cells are
    top-aligned: the goal begins in its own first row."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, top: float, n: int) -> Block:
        return Block(col, [TextLine([], f"c{col} {top}", 0.0, 10.0, top + 12 * k, top + 12 * k + 10, 10.0, False) for k in range(n)])

    bounds = [110.5, 142.5, 174.5, 218.5, 254.5, 286.5, 318.5]
    goals = [blk(0, 110.5, 1), blk(0, 174.5, 5), blk(0, 286.5, 1)]  # three goals make a column's habit
    actions = [blk(1, y, 2) for y in bounds[:-1]]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(goals + actions, bounds, 2)}
    assert placed[(0, 110.5)] == (0, 1)
    assert placed[(0, 174.5)][0] == 2  # not row 1, the second row of the first goal's group
    # the same goal centred (its column's other goal off every row start) is centred up
    centred = [blk(0, 116.5, 1), blk(0, 174.5, 5), blk(0, 286.5, 1)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(centred + actions, bounds, 2)}
    assert placed[(0, 174.5)][0] == 1


def test_header_row_alone_at_the_foot_of_a_page_heads_the_rows_overleaf(tmp_path: Path) -> None:
    """Regression (matrix: reportlab, shaded header, header not repeated): the header row
    was printed as the last line of a page and every data row overleaf; alone it was no
    table, so its heads became the section of every record and the rows overleaf a table
    without header.  The bold band with heads in two or more columns and nothing below
    is a header row, cut at the columns of the table that opens the next page."""
    table = lay.Table(lay.HEADER, lay.plan_rows(4), lay.WIDTHS)
    layout = lay.Layout(row_gap=6, cut_rows=False, first_page_drop=650)
    path = lay.draw_plan(tmp_path / "orphan.pdf", [table], layout)
    assert {page for page, _text in layout.drawn} == {2}  # every row overleaf
    (grid,) = lay.grids(path)
    assert grid == lay.expected_grid(table)
    plan = planparse.extract(path)
    assert [(r.goal, r.owners) for r in plan.records] == lay.goal_rows([table])
    assert {r.section for r in plan.records} == {None}


def _line(col: int, top: float, height: float = 10.0, bold: bool = False) -> "object":
    from planparse.extractors.pdf.words import TextLine

    return TextLine([], f"c{col} {top}", 0.0, 10.0, top, top + height, 10.0, bold)


def test_second_items_level_by_chance_beside_silent_full_columns_start_no_row() -> None:
    """Regression (matrix: reportlab, frame, goal repeated in every row, bullets): the second
    items of three list cells began level, beside a goal and a schedule column that begin a
    cell at every other row start and nothing there.  A row's cells are top-aligned: two
    always-filled columns silent at a height make it no row start.  A rule's start above
    its row's text (no cell begins on it) is no evidence that a column is ever empty, and
    the row under a bold header row always starts (the rest of a row cut by a page break)."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_cutting_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block

    def blk(col: int, top: float, n: int = 1, bold: bool = False) -> Block:
        return Block(col, [_line(col, top + 12 * k, bold=bold) for k in range(n)])

    header = [blk(c, 100, bold=True) for c in range(5)]
    rows = [blk(c, y, 2) for y in (130, 160, 190) for c in range(5)]
    items = [blk(1, 220, 2), blk(3, 220, 1), blk(4, 220, 2), blk(0, 220, 2), blk(2, 220, 1)]
    items += [blk(1, 246, 1), blk(3, 246, 1), blk(4, 246, 1)]  # second items, level by chance
    starts = [100.0, 126.0, 130.0, 160.0, 190.0, 220.0, 246.0]  # 126: a rule under the header
    assert drop_cutting_starts(starts, header + rows + items, 2.5) == [100.0, 126.0, 130.0, 160.0, 190.0, 220.0]
    # under a repeated header, the rest of a cut row (two columns) stays a row of its own
    rest = [blk(c, 100, bold=True) for c in range(5)] + [blk(1, 114), blk(3, 114)]
    rest += [blk(c, y, 2) for y in (140, 170, 200) for c in range(5)]
    assert drop_cutting_starts([100.0, 114.0, 140.0, 170.0, 200.0], rest, 2.5) == [100.0, 114.0, 140.0, 170.0, 200.0]


def test_bullet_glyph_taller_than_its_text_keeps_the_item_one_block() -> None:
    """Regression (matrix: reportlab bullets): the bullet glyph raises an item line's top by
    1.6 pt, so the item's next line looked set off by more than the line pitch and began a
    block of its own, which other columns' lines then made a row start.  Line spacing is
    read from the tops or the bottoms, whichever are closer."""
    from planparse.extractors.pdf.tables.rowsplit.rows import column_blocks
    from planparse.extractors.pdf.words import TextLine

    def ln(top: float, bottom: float) -> TextLine:
        return TextLine([], "x", 0.0, 10.0, top, bottom, 8.0, False)

    cell = [ln(100.0, 108.0), ln(109.6, 117.6)]  # a cell of plain lines: the pitch is 9.6
    items = [ln(151.9, 161.9), ln(163.1, 171.1), ln(175.1, 185.1), ln(186.3, 194.3)]  # two bulleted items
    assert [len(b.lines) for b in column_blocks(cell + items, 1, 9.6)] == [2, 2, 2]  # an item, its wrap line


def test_first_goal_centred_over_its_group_takes_the_rows_under_the_header() -> None:
    """Regression (matrix: merged-centre goal, frame / shaded header): the first group's
    goal, centred over three rows whose first and last are about as tall, centres as
    well in its middle row alone, and was placed there: the group's first row, under
    the header, got no goal (nothing above it to fill down from).  Rows between the
    header and a centred block that nothing else can claim are the block's."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int, bold: bool = False) -> Block:
        return Block(col, [_line(col, top + 12 * k, bold=bold) for k in range(n)])

    bounds = [100.0, 120.0, 160.0, 250.0, 290.0, 330.0]
    header = [blk(0, 100, 1, bold=True), blk(1, 100, 1, bold=True)]
    actions = [blk(1, y, 2) for y in bounds[1:-1]]
    goal = blk(0, 187.0, 3)  # centre 204: row 2 alone (160-250) and rows 1-3 (120-290) alike
    nxt = blk(0, 290.0, 1)
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + actions + [goal, nxt], bounds, 2)}
    assert placed[(0, 187.0)] == (1, 4)
    # on a page part without header (row 0 a data row) the rows above stay the group above's
    plain = [blk(0, 100, 1), blk(1, 100, 1)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(plain + actions + [goal, nxt], bounds, 2)}
    assert placed[(0, 187.0)][0] == 2


def test_page_holding_one_tall_row_of_five_columns_is_a_table_part(tmp_path: Path) -> None:
    """Regression (matrix: LibreOffice, one narrow column, header not repeated): a page
    holding only one row of a five-column table, its cells 16, 2, 26, 12 and 2 lines
    long, was taken for columns of running text (cells over ten lines on average) and
    its row was lost.  Prose is set in two or three columns, not five."""
    header = ["Goal", "Action", "Owner", "Indicator", "Time"]
    widths = [100.0, 110.0, 100.0, 100.0, 90.0]

    def tall(n: int, word: str) -> list[str]:
        return [f"{word} {k}," for k in range(1, n)] + [f"{word} ends."]

    rows: list = [[[f"Goal {k}"], [f"Act {k}."], [f"Office {k}"], [f"Count {k}"], ["2025"]] for k in range(1, 26)]
    rows.append([tall(16, "goal"), ["Fund schools", "in need."], tall(26, "indicator"), tall(12, "count"), ["2024", "2027"]])
    table = lay.Table(header, rows, widths)
    layout = lay.Layout(row_gap=6, cut_rows=False)
    path = lay.draw_plan(tmp_path / "tall.pdf", [table], layout)
    assert layout.drawn[-1][0] == layout.drawn[-2][0] + 1  # the tall row alone on the next page
    (grid,) = lay.grids(path)
    assert grid[-1][1] == "Fund schools\nin need."
    assert len(grid) == len(rows) + 1


def test_sub_heading_row_and_one_line_rows_are_no_items_level_by_chance() -> None:
    """ICDAR us-002 / us-021 (regions): a sub-heading row whose text spills into a second
    column after a row's white space, with the number columns silent, is a row; so are
    one-line rows read from lines side by side (blocks there hold several rows)."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_cutting_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block

    def blk(col: int, top: float, n: int = 1) -> Block:
        return Block(col, [_line(col, top + 12 * k) for k in range(n)])

    rows = [blk(c, y) for y in (100, 112, 124, 136) for c in range(4)]
    heading = [blk(0, 160), blk(1, 160)]  # after a blank line: 'Highest enrollment after ... | by 2003'
    below = [blk(c, y) for y in (172, 184) for c in range(4)]
    starts = [100.0, 112.0, 124.0, 136.0, 160.0, 172.0, 184.0]
    assert drop_cutting_starts(starts, rows + heading + below, 2.5) == starts
    # one-line rows whose lines make blocks of several rows: their starts are kept as given
    tight = [blk(0, 100, 4), blk(1, 100, 4), blk(2, 100, 1), blk(2, 124, 2), blk(3, 100, 4)]
    assert drop_cutting_starts([100.0, 112.0, 124.0, 136.0], tight, 2.5, keep=[112.0, 124.0, 136.0]) == [100.0, 112.0, 124.0, 136.0]


def test_items_level_by_chance_at_two_heights_of_one_row_do_not_hide_each_other() -> None:
    """Regression (matrix: LibreOffice frame / shaded header, one row per goal, cells of
    several items): items of three cells began level at two heights of one row.  Each
    false start made the goal and schedule columns look sometimes empty to the other,
    so neither was dropped.  Which columns are always filled is read from the strong
    starts, where nearly every column begins a cell."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_cutting_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block

    def blk(col: int, top: float, n: int = 1) -> Block:
        return Block(col, [_line(col, top + 12 * k) for k in range(n)])

    blocks = [blk(c, y, 2) for y in (100, 300) for c in range(5)]
    blocks += [blk(0, 200), blk(0, 214, 4), blk(3, 200, 2)]  # goal id, goal running on; schedule
    for c in (1, 2, 4):  # three items each, the second and third level by chance
        blocks += [blk(c, 200, 2), blk(c, 225), blk(c, 240, 2)]
    assert drop_cutting_starts([100.0, 200.0, 225.0, 240.0, 300.0], blocks, 2.5) == [100.0, 200.0, 300.0]


def test_row_left_without_text_by_a_centred_goal_joins_the_row_above() -> None:
    """Regression (matrix: reportlab frame, merged-centre): a centred goal beginning in the
    white space between two rows started a row of its own, and was then placed centred
    over the rows of its group, leaving a row with no text (every cell covered from above),
    read as a record without action.  It joins the row above."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_textless_rows
    from planparse.intermediate import Cell, Line, RawRow

    def row(texts: list[str | None], top: float, bottom: float) -> RawRow:
        cells = [Cell(merged_from_above=True) if t is None else Cell(lines=[Line(t)] if t else []) for t in texts]
        return RawRow(cells=cells, page=1, bbox=(0.0, top, 100.0, bottom))

    rows = [row(["Goal 2", "2.1 Act", "Office"], 100, 140), row([None, None, None], 140, 150), row([None, "2.3 Act", "Office"], 150, 190)]
    out = drop_textless_rows(rows)
    assert [[c.text for c in r.cells] for r in out] == [["Goal 2", "2.1 Act", "Office"], ["", "2.3 Act", "Office"]]
    assert out[0].bbox == (0.0, 100, 100.0, 150)


def test_centred_goal_meeting_a_row_start_by_chance_is_centred_over_its_group() -> None:
    """Regression (matrix: reportlab, no rules, merged-centre): a goal centred over three
    rows began exactly where the middle row begins, so it was taken for a cell of that row
    alone and the group's first row got the goal above.  In a column whose other cells
    are centred, a block on a row start is spread over the empty rows around it when they
    centre it within half a line and its own row does a line worse."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int) -> Block:
        return Block(col, [_line(col, top + 12 * k) for k in range(n)])

    bounds = [100.0, 120.0, 160.0, 200.0, 300.0, 340.0]
    goals = [blk(0, 100, 1), blk(0, 200, 2), blk(0, 312, 1)]  # the last one centred in its row
    actions = [blk(1, y, 2) for y in bounds[:-1]]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(goals + actions, bounds, 2)}
    assert placed[(0, 200)] == (1, 4)
    # without a centred cell in the column, a block on a row start is that row's
    top_only = [blk(0, 100, 1), blk(0, 200, 2), blk(0, 300, 1)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(top_only + actions, bounds, 2)}
    assert placed[(0, 200)] == (3, 4)


def test_centred_goal_on_a_row_start_takes_the_empty_row_the_goal_above_leaves() -> None:
    """Regression (matrix: LibreOffice header-rule, merged-centre, A5): a goal centred over
    three rows began exactly on the middle row's start, and the rows above and below it are
    equally tall, so its own row centres it as well as the group does.  The goal above is
    centred over the rows above that empty row, so the row is not its: it is the centred
    block's below (else it filled down from the goal above)."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int, bold: bool = False) -> Block:
        return Block(col, [_line(col, top + 12 * k, bold=bold) for k in range(n)])

    bounds = [100.0, 120.0, 160.0, 200.0, 240.0, 280.0, 330.0, 370.0]
    header = [blk(0, 100, 1, bold=True), blk(1, 100, 1, bold=True)]
    goals = [blk(0, 151, 5), blk(0, 280, 4)]  # centred over rows 1-3, and over rows 4-6
    actions = [blk(1, y, 2) for y in bounds[1:-1]]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + goals + actions, bounds, 2)}
    assert placed[(0, 151)] == (1, 4)
    assert placed[(0, 280)] == (4, 7)
    # the goal above centred over all four rows above it: the empty row is its
    goals = [blk(0, 171, 5), blk(0, 280, 4)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + goals + actions, bounds, 2)}
    assert placed[(0, 171)] == (1, 5)
    assert placed[(0, 280)] == (5, 6)
    # (matrix: reportlab, no rules) the first goal under the header, beginning a little
    # below the middle row's start of its group, centred over rows as tall above as below
    goals = [blk(0, 164, 3), blk(0, 296, 4)]  # rows 1-3 (120-240) centre it; so does row 2
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + goals + actions, bounds, 2)}
    assert placed[(0, 164)] == (1, 4)


def test_header_band_at_the_foot_gives_its_columns_to_rows_with_a_column_mostly_empty(tmp_path: Path) -> None:
    """Regression (held-out matrix, seed 2026: reportlab, no rules or hrules, header not
    repeated, goal printed once or merged): the header row alone at the foot of a page, every
    data row overleaf, the goal column empty in most rows and its text running close to the
    next column.  Found afresh, the rows overleaf ran the goal column into its neighbour, and
    the band was cut at those columns (goals lost, two heads as one extra field).  The band's
    heads stand where the columns start: the rows overleaf are read on them first, and the
    reading that parts more columns is kept."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    goal = ["Goal wide text is to", "be reached by the", "end of the plan"]
    rows: list = []
    for g in range(1, 4):
        lines = [goal[0].replace("Goal", f"Goal{g}")] + goal[1:]
        actions = [([f"Action {g}.{a} is done", "in the town."], [f"Office {g}{a}"], [f"Measure {g}.{a}"]) for a in range(1, 3)]
        rows += lay.group(lines, actions)
    width = max(stringWidth(t, "Helvetica", 10) for t in goal) + 12  # 12 pt of white beside the goals
    table = lay.Table(lay.HEADER, rows, [width, 170, 110, 110])
    layout = lay.Layout(row_gap=6, cut_rows=False, first_page_drop=650)
    path = lay.draw_plan(tmp_path / "band-narrow-gap.pdf", [table], layout)
    assert {page for page, _text in layout.drawn} == {2}  # every row overleaf
    (grid,) = lay.grids(path)
    assert grid == lay.expected_grid(table)
    plan = planparse.extract(path)
    assert [(r.goal, r.owners) for r in plan.records] == lay.goal_rows([table])


def test_paragraph_start_beside_a_centred_goal_ending_close_over_a_row_is_no_row() -> None:
    """Regression (held-out matrix, seed 2026: reportlab, shaded header, goal merged and
    centred, A5, numbered items, columns permuted so the action column comes first): a cell's
    second item, set off by a paragraph's spacing, began a row (the first column alone); the
    rows' white space looked uneven because the centred goal of the group above ended just
    over a row start.  A cell set lower than its row's top ends anywhere: a start under one
    is no evidence of the rows' spacing, and the item's start is dropped."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_paragraph_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, top: float, n: int) -> Block:
        return Block(col, [TextLine([], f"c{col} {top}", 0.0, 10.0, top + 12 * k, top + 12 * k + 10, 10.0, False) for k in range(n)])

    # rows at 100, 130, 174, 192, 210 (8 pt of white over each); in row 130 the action
    # cell's second item at 156 (4 pt under its first); the goal centred from 143 to 189
    blocks = [
        blk(0, 100, 2), blk(2, 100, 1),
        blk(0, 130, 2), blk(0, 156, 1), blk(2, 130, 1),
        blk(0, 174, 1), blk(2, 174, 1),
        blk(0, 192, 1), blk(2, 192, 1),
        blk(0, 210, 1), blk(2, 210, 1),
        blk(1, 143, 4),
    ]
    starts = [100.0, 130.0, 156.0, 174.0, 192.0, 210.0]
    assert drop_paragraph_starts(starts, blocks, 2.0) == [100.0, 130.0, 174.0, 192.0, 210.0]


def test_first_goal_filling_its_middle_row_takes_the_empty_rows_around_it() -> None:
    """Regression (held-out matrix, seed 7: reportlab, header-rule / frame, merged-centre):
    the first group's goal, centred over three rows, is as tall as its middle row and so
    begins exactly on that row's start, as a top-aligned cell of that row would.  Its
    column is empty from the header down to it, and no other goal in the column shows it
    centred: the group's first row got no goal and the next group's first row got this one.
    Rows under the header that nothing above can fill belong to the block when a span from
    row 1, running on below it, centres it within half a line."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int, bold: bool = False) -> Block:
        return Block(col, [_line(col, top + 12 * k, bold=bold) for k in range(n)])

    bounds = [100.0, 120.0, 150.0, 174.0, 204.0, 234.0, 258.0, 288.0]
    header = [blk(0, 100, 1, bold=True), blk(1, 100, 1, bold=True)]
    actions = [blk(1, 120, 2), blk(1, 150, 2), blk(1, 174, 2), blk(1, 204, 2), blk(1, 234, 2), blk(1, 258, 2)]
    # each about fills the middle row (24 pt) of its three; the second a little lower
    goals = [blk(0, 150, 2), blk(0, 237, 2)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + goals + actions, bounds, 2)}
    assert placed[(0, 150)] == (1, 4)
    assert placed[(0, 237)] == (4, 7)


def test_goal_on_its_row_top_under_the_rest_of_a_cut_row_keeps_its_row() -> None:
    """The counter-case (held-out matrix, seed 7: header repeated, rows cut by the page
    break, goal merged from the top): under the repeated header the rest of a cut row leaves
    the goal column empty, and the next group's goal stands on its row's top with its span
    running down from there.  A span from row 1 ending with the goal's row may centre it by
    chance; with no row of the span below the goal it is no centred cell: it keeps its row."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int, bold: bool = False) -> Block:
        return Block(col, [_line(col, top + 12 * k, bold=bold) for k in range(n)])

    bounds = [56.0, 73.0, 110.0, 185.0, 280.0, 317.0]
    header = [blk(0, 56, 1, bold=True), blk(1, 56, 1, bold=True)]
    actions = [blk(1, 73, 3), blk(1, 110, 6), blk(1, 185, 7), blk(1, 280, 3)]
    goal = blk(0, 110, 4)  # 110-156: rows 1-2 (73-185) centre it within half a line
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + [goal] + actions, bounds, 2)}
    assert placed[(0, 110)][0] == 2


def test_centred_goal_level_with_a_second_list_item_starts_no_row() -> None:
    """Regression (held-out matrix, seed 7: reportlab, header-rule, merged-centre, dash
    lists): a goal centred over two rows began after empty lines of its column, level with
    the second item of the row's action cell, while the owner and indicator columns' second
    items ran across that height.  Read as a row that opens where the rows touch, the row
    was cut in two.  A block opening in a column silent since the last row start (a cell set
    lower, centred beside rows) starts a row only beside two or more columns opening level."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, row_starts
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, lines: list[tuple[float, str]], bold: bool = False) -> Block:
        return Block(col, [TextLine([], text, 0.0, 10.0, t, t + 10.0, 8.0, bold) for t, text in lines])

    header = [blk(c, [(224.2, "Head")], bold=True) for c in range(5)]
    row1 = [
        blk(0, [(240.3, "– Hyvinvointialue")]), blk(0, [(253.9, "– sote-keskus")]),
        blk(1, [(240.3, "– Sote-keskukseen perustetaan nuorten vastaanotto, jonne pääsee"), (251.4, "ilman lähetettä.")]),
        blk(1, [(263.5, "– Koulujen terveydenhoitajat koulutetaan.")]),
        blk(3, [(241.8, "2026")]),
        blk(4, [(240.3, "– Hoitoon pääsyn odotusaika")]), blk(4, [(253.9, "– IPC-koulutettujen määrä")]),
        blk(2, [(262.2, "V. Nuorten mielenterveyden tuki on hel-"), (271.8, "posti saatavilla")]),
    ]
    row2 = [
        blk(0, [(282.6, "Perusopetus")]),
        blk(1, [(282.6, "Mielenterveystaitoja opetetaan kaikilla luokka-asteilla osana terveys-"), (292.2, "tiedon opetusta.")]),
        blk(3, [(282.6, "2025–2028")]), blk(4, [(282.6, "Kouluterveyskysely")]),
    ]
    starts = row_starts(header + row1 + row2, [], DEFAULT_SETTINGS)
    assert [round(s, 1) for s in starts] == [224.2, 240.3, 282.6]


def test_row_starting_beside_the_last_line_of_a_centred_goal_is_kept(tmp_path: Path) -> None:
    """Regression (held-out matrix, seed 2026: LibreOffice, shaded header, merged-centre):
    a goal centred over two rows ends a little below the second row's start, so the page
    line holding its last line also holds the second row's first words and begins above
    that row's start.  The start was then taken for one with no text beginning in its band
    and dropped, and the two rows' actions ran together.  Where text begins is read from
    the columns' own lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "centred.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    xs = [56.0, 200.0, 360.0, 460.0]

    def put(x: float, top: float, text: str, bold: bool = False) -> None:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        c.drawString(x, height - top - 9, text)

    for x, head in zip(xs, ["Goal", "Action", "Owner", "Indicator"]):
        put(x, 100, head, bold=True)
    put(xs[1], 120, "Web pages are developed.")
    put(xs[2], 120, "Communication")
    for k, text in enumerate(["Survey question:", "did you get the", "information you", "needed about the", "services?"]):
        put(xs[3], 120 + 12 * k, text)
    put(xs[0], 174, "Communication is clear")  # centred over rows 1-2 (120-198)
    put(xs[0], 186, "in every channel")
    put(xs[1], 189.5, "Digital channels are made accessible.")
    put(xs[2], 189.5, "Communication")
    for x, text in zip(xs, ["Staff meet every client", "Hold an open house.", "Services", "Visitors"]):
        put(x, 212, text)
    c.showPage()
    c.save()
    plan = planparse.extract(path)
    assert [(r.goal, r.actions, r.owners) for r in plan.records] == [
        ("Communication is clear in every channel", ["Web pages are developed."], ["Communication"]),
        ("Communication is clear in every channel", ["Digital channels are made accessible."], ["Communication"]),
        ("Staff meet every client", ["Hold an open house."], ["Services"]),
    ]


def test_later_list_items_alone_in_the_first_column_start_no_row() -> None:
    """Regression (held-out matrix, seed 7: LibreOffice, outer frame only, bulleted cells):
    rows touch (set off by the cells' padding, 2.9 pt) while list items are spaced off by
    their paragraph spacing (6.9 pt).  Under the last row the first column's later items go
    on alone, every other cell ended: each was taken for a row of its own (a first-column
    start beside silent columns).  A list item alone in its column, right under that
    column's own text and set off by clearly more white space than the evenly spaced rows,
    is a later item of the cell above."""
    from planparse.extractors.pdf.tables.rowsplit.row_cuts import drop_paragraph_starts
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, top: float, n: int, text: str = "text", bold: bool = False) -> Block:
        lines = [TextLine([], text if k == 0 else "goes on", 0.0, 10.0, top + 12 * k, top + 12 * k + 10, 10.0, bold) for k in range(n)]
        return Block(col, lines)

    header = [blk(c, 50.0, 1, "Head", bold=True) for c in range(4)]
    rows = [
        blk(0, 62.9, 2, "• Item a1"), blk(1, 62.9, 3), blk(2, 62.9, 1), blk(3, 62.9, 1),  # ends at 96.9
        blk(0, 99.8, 2, "• Item b1"), blk(1, 99.8, 3), blk(2, 99.8, 1), blk(3, 99.8, 1),  # ends at 133.8
        blk(0, 136.7, 2, "• Item c1"), blk(1, 136.7, 1), blk(2, 136.7, 1), blk(3, 136.7, 2),  # ends at 158.7
        blk(0, 165.6, 2, "• Item c2"), blk(0, 194.5, 1, "• Item c3"),  # items spaced 6.9 pt
    ]
    starts = [50.0, 62.9, 99.8, 136.7, 165.6, 194.5]
    assert drop_paragraph_starts(starts, header + rows, 2.5) == [50.0, 62.9, 99.8, 136.7]
    # a row whose only cell is in the first column, set off as the rows are, stays a row
    plain = rows[:-2] + [blk(0, 161.6, 1, "• Item d1")]
    assert drop_paragraph_starts(starts[:4] + [161.6], header + plain, 2.5) == [50.0, 62.9, 99.8, 136.7, 161.6]


def test_empty_row_under_a_goal_centred_over_the_rows_above_takes_the_goal_below() -> None:
    """Regression (held-out matrix, seed 2026: reportlab, shaded header, merged-centre, A5):
    a group running over a page break has its goal drawn unmerged in its middle row, set
    lower in that row and centred on nothing the page shows; its group's first row, empty
    in the goal column, filled down from the goal above.  That goal is centred over the
    rows above the empty row (within half a line) and would be a line off centre with it:
    the empty row is not its, so it is the block's below."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks

    def blk(col: int, top: float, n: int, bold: bool = False, pitch: float = 11.6) -> Block:
        return Block(col, [_line(col, top + pitch * k, height=pitch, bold=bold) for k in range(n)])

    bounds = [197.3, 223.0, 311.8, 362.2, 412.6, 491.8, 578.6]
    header = [blk(0, 197.3, 1, bold=True), blk(1, 197.3, 1, bold=True)]
    actions = [blk(0, y, 3) for y in bounds[1:-1]]
    goals = [blk(1, 266.1, 4), blk(1, 435.3, 3, pitch=12.27)]  # centred over rows 1-2; set lower in row 4
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + actions + goals, bounds, 2)}
    assert placed[(1, 266.1)] == (1, 3)
    assert placed[(1, 435.3)][0] == 3
    # a goal above standing on its row's top is not known to be centred: the row stays its
    goals = [blk(1, 223.0, 4), blk(1, 435.3, 3, pitch=12.27)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + actions + goals, bounds, 2)}
    assert placed[(1, 435.3)][0] == 4


def test_goal_as_well_centred_in_its_row_as_in_its_group_takes_the_empty_row_above() -> None:
    """Regression (held-out matrix, seed 7: reportlab, shaded header repeated, merged-centre):
    under the repeated header a group of three rows has its goal centred in the middle row,
    the rows above and below as tall, so the middle row alone and the group share one centre
    and the goal stands 5 pt off both (its glyphs, not its box).  The empty row above then
    filled down from the page before.  The row below fills down from the goal anyway; over
    that group the goal is a line off centre, over the group with the empty row above it is
    within a line: that is its group."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block, place_blocks
    from planparse.extractors.pdf.words import TextLine

    def blk(col: int, top: float, n: int, bold: bool = False) -> Block:
        return Block(col, [TextLine([], "x", 0.0, 10.0, top + 10.2 * k, top + 10.2 * (k + 1), 9.0, bold) for k in range(n)])

    bounds = [61.7, 91.3, 131.7, 182.9, 223.3, 263.7, 293.3, 313.6]
    header = [blk(0, 61.7, 1, bold=True), blk(1, 61.7, 1, bold=True)]
    actions = [blk(1, y, 2) for y in bounds[1:-1]]
    goals = [blk(0, 137.1, 3), blk(0, 252.9, 3)]  # 137.1-167.7 in row 2; 252.9-283.5 centred over rows 4-6
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(header + actions + goals, bounds, 2)}
    assert placed[(0, 137.1)] == (1, 4)
    assert placed[(0, 252.9)] == (4, 7)
    # on a page part without header, the empty rows on top may go on from the page before:
    # no cell of the column closes them off, and the goal keeps its row
    plain = [blk(1, 61.7, 1)]
    placed = {(b.col, b.top): (f, e) for f, e, b in place_blocks(plain + actions + goals, bounds, 2)}
    assert placed[(0, 137.1)][0] == 2
