"""Held-out matrix seed 17: a heading opening an A5 page, and a merged goal's rest overleaf.

Each test renders one combination of seed 17's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice one skips without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

from planparse.accuracy import match_records
from tests.matrix_cases import assert_all_records_right, records, wrong_fields

SEEDS = (17,)


def test_section_heading_in_the_top_band_of_a_page_opens_a_table_of_its_own() -> None:
    # seed 17, reportlab, no rules, header not repeated, goal merged and centred, A5, 8 pt: pages 3
    # and 4 open with a section heading (11 pt, bold) inside the page's top band (10 % of an A5
    # page reaches below it), then a new header row.  The heading was skipped as a running header
    # and the table read as the previous page's table going on: its centred goal column and
    # "may go on from the page before" carried over, so goal 6, centred over its three rows
    # (0.6 of a line off their middle, its own middle row centring it better), kept its middle
    # row alone and goal 7 took the group's last row
    assert_all_records_right("rl-ruled-hyvinvointi--16228a72", SEEDS)


def test_merged_goal_going_on_overleaf_beside_cells_opening_anew_is_a_new_row() -> None:
    # seed 17, LibreOffice, no rules, header not repeated, goal merged from the top, rows kept
    # whole, A5: the goal merged over rows 5-7 is cut mid-word at page 2's foot ("tilantei-" /
    # "den ja ..."); page 3 opens with row 6, every other cell beginning with a capital, one
    # ("On aloitettu ...") under a two-line cell that ended far above the page's foot.  The
    # owners' and measures' cells above close no sentence (lists), so the row was taken for the
    # rest of row 5 and the two joined into one record
    expected, found = records("turku-yhta--66e5ca4d", SEEDS)
    assert len(found) == len(expected) == len(match_records(expected, found))
    assert wrong_fields(expected, found, ("goal_id", "goal", "action_id", "schedule")) == []


def test_unit_in_brackets_alone_overleaf_goes_on_the_item_cut_above() -> None:
    # seed 17, reportlab, no rules, header repeated, goal merged and centred, A5, hyphen items: the
    # row cut by page 1's foot goes on under the repeated header with "(%)" alone in the measures'
    # cell, the rest of "Kiusaamista kokeneiden osuus (%)".  A bracket opening on a sign is no
    # capital and no new item; it was read as a paragraph (an item) of its own
    expected, found = records("pihlajavesi-lapset-nuoret--f855a97c", SEEDS)
    pairs = match_records(expected, found)
    assert len(found) == len(expected) == len(pairs)
    kiusaamista = [(expected[i]["indicators"], found[j]["indicators"]) for i, j in pairs if "Kiusaamista" in " ".join(expected[i]["indicators"])]
    assert kiusaamista and all(e == f for e, f in kiusaamista)


def test_lone_dash_wrapped_under_a_full_line_is_the_texts_own() -> None:
    # seed 17, reportlab: "Osallistu ja vaikuta – verkkosivulta ..." (a cell with no list, frame,
    # Symbol bullets) and "1) Palvelutakuun toteutuminen – jonot ja käsittelyajat" (numbered
    # items, grid) wrap before the dash; the line above is too full to take even the dash and no
    # other line of the cell opens with one, yet the dash line started a paragraph (a bullet
    # glyph) and was read as an item of its own
    for name, needle in (("vake-osallisuus--669d8797", "Osallistu ja vaikuta"), ("kymenlaakso-lnp--d2223355", "Palvelutakuun")):
        expected, found = records(name, SEEDS)
        pairs = match_records(expected, found)
        assert len(found) == len(expected) == len(pairs)
        cells = [(expected[i]["indicators"], found[j]["indicators"]) for i, j in pairs if needle in " ".join(expected[i]["indicators"])]
        assert cells and all(e == f for e, f in cells), name
