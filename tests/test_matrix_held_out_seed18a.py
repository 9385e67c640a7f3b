"""Held-out matrix seed 18: parts of a table continued overleaf without a repeated header.

Each test renders one combination of seed 18's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice ones skip without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

from tests.matrix_cases import assert_all_records_right

SEEDS = (18,)


def test_centred_goal_opening_a_row_overleaf_says_nothing_of_a_row_start() -> None:
    # seed 18, LibreOffice, no rules, header not repeated, goal merged and centred, rows kept
    # whole, numbered items, A4 landscape: a page opens with a whole row, its goal ("3" /
    # "Lapsen oikeuksien ...") centred, so it begins level with the second items of the other
    # cells, each a paragraph's space under its first item.  The goal column counted as a
    # column beginning a cell there, with no text of its own above, so the paragraph spacing
    # (narrower than the rows' on the page before) did not drop that start: each row opening
    # a page was cut in two, its first items a record of the goal above
    assert_all_records_right("kymenlaakso-lnp--11469223", SEEDS)


def test_rest_of_a_cut_row_at_its_rows_height_overleaf_goes_on_the_table() -> None:
    # seed 18, reportlab, shaded header, header not repeated, goal merged and centred, rows cut
    # by the page break, 8 pt: page 2 opens with the rest of the cut row ("kanssa" alone), set
    # at the cut row's height, so the white space under it is a little wider than a table
    # break; the table was taken to end there and the rows below to be a new table whose first
    # row was its header (no goal or action column: skipped).  Then the goal of the group the
    # page before ended with, printed overleaf centred over the group's part there (the rest's
    # row included), is centred by line counts alike over its own row alone and over both rows:
    # the rest's height on the goal's page counts in that part, and the next row is the goal's
    assert_all_records_right("rl-ruled-hyvinvointi--3da21e7d", SEEDS)


def test_always_filled_columns_of_the_page_before_silent_start_no_row_overleaf() -> None:
    # seed 18, LibreOffice, frame only, header not repeated, goal in the first row only, rows
    # kept whole, one narrow column, A5: the last page holds one row carried whole; three of its
    # cells open their second paragraph level by chance, each close under its first (rows touch:
    # no white space tells them apart), while the goal's text, the schedule and the last column
    # begin nothing there.  Two starts are too few to tell which columns fill every row; the
    # table's part on the page before filled every column at each of its row starts
    assert_all_records_right("kymenlaakso-lnp--7113c8c9", SEEDS)


def test_rest_of_a_row_on_the_goals_page_counts_in_the_goals_part() -> None:
    from planparse.normalize.tables.goals.centred_goals import group_starts

    # rows of 3, 4, 3 and 4 lines; the goals printed in rows 1 and 3 of page 2; row 0 began on
    # page 1 and its one-line rest stands atop page 2, in the goal's part of its group
    heights, goals, pages = [3, 4, 3, 4], [1, 3], [1, 2, 2, 2]
    assert group_starts(heights, goals, pages=pages) == [0, 2]  # by its rows on page 2 alone: a tie
    rests = [(2, 1), (None, 0), (None, 0), (None, 0)]
    assert group_starts(heights, goals, pages=pages, rests=rests) == [0, 3]
    # a rest printed on another page than the goal's is no part of it
    assert group_starts(heights, goals, pages=pages, rests=[(3, 1), *rests[1:]]) == [0, 2]
