"""Held-out matrix seed 22: a cut row whose rest overleaf carries on lists beside one cut
sentence, a running footer swallowed by a whitespace table setting its last column's reach, a
list set off under a plain cell beginning a touching row, a word cut before a name's inner period.

Each test renders one combination of seed 22's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice ones skip without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

import pytest

from planparse.extractors.pdf.tables.grid import GridCell, column_text_right
from planparse.extractors.pdf.words import Word
from planparse.normalize.repair.hyphens import join_lines
from tests.matrix_cases import assert_all_records_right

SEEDS = (22,)


@pytest.mark.parametrize("name", ["kymenlaakso-lnp--420094bb", "kymenlaakso-lnp--50af4cf4"])
def test_cut_row_rest_carries_on_lists_beside_one_cut_sentence(name: str) -> None:
    # seed 22, reportlab, grid (420094bb) or no rules (50af4cf4), header repeated: page 1 ends
    # with goal 3's row cut after the goal's number ("3") and each cell's first item; overleaf
    # the goal's text stands beside more items of the actions, indicators and owners and the
    # follow-up column's sentence going on in lower case ("Erityisesti perheoikeudelliset
    # palvelut" | "perhetyö ja eroverkostot").  A rest beside items counted as the cut row's only
    # when every other cell went on a sentence: the rest made a record of its own
    assert_all_records_right(name, SEEDS)


def test_running_footer_in_a_whitespace_table_sets_no_column_reach() -> None:
    # seed 22, LibreOffice, shaded header, A5, numbered lists: the table runs to page 1's foot and
    # takes the footer "Sida 1 (3)" into its last column, reaching 12 pt past the column's text;
    # every indicator line of the page then looked ended short ("1) Antal besök" | "på den
    # öppna ..."), and each became an item of its own
    assert_all_records_right("sjovik-valfard--8c5d68f0", SEEDS)


def test_list_set_off_under_a_plain_cell_begins_a_touching_row() -> None:
    # seed 22, LibreOffice, frame only, goal merged at the top, A4 landscape: row 3.4 touches
    # row 3.3 with no white space; its action opens under 3.3's last line, which ended short
    # ("... toimintasuunnitelman avulla" | "Selvitetään tekoälytulkkauksen ..."), and its owners
    # open a list ("- Hyte-tehtäväalue (Kielitiimi)") set off by the list's spacing under 3.3's
    # plain owner cell, at its left edge.  An item after white space counted only as a later
    # item of a list going on: the two rows were one record
    assert_all_records_right("vake-osallisuus--259001df", SEEDS)


def test_word_cut_before_a_web_address_inner_period_closes_up() -> None:
    # seed 22, reportlab, grid, A5, one narrow column: reportlab cuts "Finnishcourses.fi-sivustoa"
    # where the line is full, without a hyphen ("Finnis" / "hcourses.fi-sivustoa", "Fin" /
    # "nishcourses.fi-sivus" / "toa"); neither piece is a word, but the period after the right
    # piece was read as an abbreviation's ("ml."), which keeps a cut apart
    assert_all_records_right("scan-helsinki-kotoutuminen--43102817", SEEDS)
    assert join_lines(["ja kehittämällä Finnis", "hcourses.fi-sivustoa"], fills_cell=[True, False]) == "ja kehittämällä Finnishcourses.fi-sivustoa"
    # an abbreviation's period (nothing after it) still keeps the pieces apart
    assert join_lines(["Kootaan LNPs", "os. ja"], fills_cell=[True, False]) == "Kootaan LNPs os. ja"


def _cell(row: int, words: list[tuple[str, float, float, float]]) -> GridCell:
    ws = [Word(text, x0, x1, top, top + 8, 8.0, False) for text, x0, x1, top in words]
    return GridCell(row, row + 1, 0, 1, (300.0, words[0][3], 380.0, words[-1][3] + 8), ws)


def test_column_reach_leaves_out_words_in_the_foot_margin() -> None:
    body = _cell(0, [("Antal", 309.3, 330.0, 500.0), ("besökare", 332.0, 365.4, 500.0)])
    footer = _cell(1, [("Sida", 342.5, 358.0, 562.9), ("1", 360.0, 364.0, 562.9), ("(3)", 366.0, 377.3, 562.9)])
    assert column_text_right([body, footer], 1, foot=560.0) == [365.4]
    assert column_text_right([body, footer], 1) == [377.3]
    assert column_text_right([footer], 1, foot=560.0) == [377.3]  # (nothing else: the foot's words count)
