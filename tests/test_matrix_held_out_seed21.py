"""Held-out matrix seed 21: a header band under a section heading, centred goals on their middle
rows, a cut row under a header repeated mid-page.

Each test renders one combination of seed 21's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice ones skip without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

from tests.matrix_cases import assert_all_records_right

SEEDS = (21,)


def test_header_band_under_a_heading_at_the_page_foot_and_goals_centred_on_middle_rows() -> None:
    # seed 21, reportlab, a rule under the header only, header not repeated, goal merged and
    # centred, columns permuted, 11 pt serif, A4: page 5 ends with a section heading (14 pt) and
    # the next table's header row (11 pt bold) 11.7 pt under it, in the foot margin; the band
    # was allowed only a line of its own size under the page's last body line, so the heads read
    # as free lines and the table overleaf, with no header over it, lost two of its columns
    # (13 records).  And goals 2 (page 3) and 1 (page 4) centre as well on their groups' inner
    # rows as on all of them (rows above and below as tall): their groups' last rows (2.5, 1.5),
    # left empty, were shut out of the goal above and given the goal below
    assert_all_records_right("helsinki-kotoutuminen--cd707ef7", SEEDS)


def test_cut_row_under_a_header_repeated_mid_page_takes_the_goal_printed_overleaf() -> None:
    # seed 21, reportlab, frame only, header repeated, goal merged and centred, A4 landscape:
    # reportlab split the table twice, so page 1 prints the header again mid-page over goal 3's
    # first row, cut at the foot with its goal cell empty; overleaf the row's rest ("kanssa,
    # valmistelevat ...") stands beside goal 3.  The rest was a row of its own, and the cut row
    # took goal 2 across the header
    assert_all_records_right("rl-borderless-osallisuus--e31f9aee", SEEDS)
