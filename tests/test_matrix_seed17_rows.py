"""Rows of LibreOffice tables ruled across only, or framed outside only, on renderings of
matrix seed 17 (the design rendered and measured before anyone looked at it).

Each test renders one combination of that seed's design (samples/matrix, rendered here when
the cache lacks it; LibreOffice ones skip without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

from tests.matrix_cases import assert_all_records_right

SEEDS = (17,)


def test_part_overleaf_of_a_table_ruled_across_closed_by_rules_with_none_inside_is_one_row() -> None:
    # LibreOffice, rules across only, header not repeated, row cut by the page break: page 3
    # holds the cut row's rest between the rule LibreOffice draws over it and the one under
    # it; its list items stand level by chance and made two rows of it (three records, the
    # group's goal cut in two)
    assert_all_records_right("pihlajavesi-lapset-nuoret--8d64df09", SEEDS)


def test_one_data_row_under_a_ruled_header_closed_by_a_rule_says_rows_are_ruled() -> None:
    # LibreOffice, rules across only, rows kept whole, goal merged and centred: page 3 holds the
    # header rows (ruled) and one row closed by the rule under it, so the rows are ruled there
    # too; page 4 holds the next (whole) row between two rules, none inside, and the centred
    # goal's number above its text, level with the second action, cut it in two
    assert_all_records_right("kymenlaakso-lnp--0f7d8c96", SEEDS)


def test_goal_text_under_its_number_set_off_as_the_cells_paragraphs_starts_no_row() -> None:
    # LibreOffice, outer frame only, rows touching, goal repeated in every row, hyphen lists:
    # page 3 holds two rows under the header; the goal's text under its number ("7" /
    # "Turvallinen elinympäristö") stands level with the second items of three lists, each set
    # off by the cells' paragraph spacing (as between a cell's items elsewhere), wider than the
    # rows' white space (known from one row start and the one under the header)
    assert_all_records_right("kymenlaakso-lnp--40a8b0b9", SEEDS)


def test_item_number_beginning_anew_under_a_line_ended_short_opens_a_touching_row() -> None:
    # LibreOffice, outer frame only, rows touching, goal merged and centred, numbered lists:
    # action 2.1's row begins right under 1.4's, "2.1 Kehitetään ..." under "... neuvonnan
    # osalta." (ended short), "1) Ajantasaista ..." under "(kyllä/ei, miten)." beside it; an
    # item number that begins a numbering of its own (a first item, or no next of the item
    # number above it: 2.1 after 1.4) is no later item of a list going on, and opens the row
    assert_all_records_right("helsinki-kotoutuminen--4508d5e0", SEEDS)
