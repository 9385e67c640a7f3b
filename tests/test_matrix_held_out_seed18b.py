"""Held-out matrix seed 18: rows cut by a page break, and what goes on overleaf.

Each test renders one combination of seed 18's design (samples/matrix, rendered here when the
cache lacks it; the LibreOffice one skips without soffice) whose records went wrong for one
general reason, and checks the records against the content YAML's expected output.
"""

from __future__ import annotations

from planparse.accuracy import match_records
from tests.matrix_cases import assert_all_records_right, records, wrong_fields

SEEDS = (18,)


def test_abbreviation_in_brackets_overleaf_goes_on_the_goal_cut_above() -> None:
    # seed 18, LibreOffice, all rules, header not repeated, goal in the first row only, landscape:
    # the document's last row is cut by page 3's foot, "Lapsivaikutusten arvioinnin malli" /
    # "(LAVA) otetaan käyttöön" in the goal cell and "... ohjeistus, ja" / "lapsivaikutusten
    # arviointeja ..." in the action's.  A bracket opening on a capital was read as a new goal,
    # so the rest overleaf became a record of its own
    assert_all_records_right("vake-osallisuus--ba791bd9", SEEDS)


def test_rest_of_a_header_cut_by_the_page_break_joins_its_head_overleaf() -> None:
    # seed 18, reportlab, shaded header, header not repeated, A5: the second plan table's header
    # row closes page 1, "Toimeenpano- / ja raportointi-" in its first head; the head's rest
    # "vastuu" opens page 2 in the header's shading over the first data row.  Read as a section
    # heading, it named the section of every record after it and set the rows overleaf apart
    # from the header above them as a table of their own
    assert_all_records_right("vake-osallisuus--7e0f9a84", SEEDS, fields=("section", "goal", "actions", "owners", "indicators", "source"))


def test_goal_centred_overleaf_level_with_a_later_item_of_a_cut_row_starts_no_row() -> None:
    # seed 18, reportlab, outer frame only, header repeated, goal merged and centred, one narrow
    # column: a new group's first row is cut at page 2's foot in its measures' list ("• Turval-
    # lisemman ... ja otettu" / "käyttöön"); overleaf, under the repeated header, the list goes
    # on with "• Ohjeistus on laadittu", level by chance with the group's goal centred over the
    # rest and the group's second row (its last line reaches into that row).  Nothing else opens
    # there, yet the two made a row: a record of the goal and one measure, and the cut row took
    # the goal of the group above
    assert_all_records_right("vake-osallisuus--c6dcf107", SEEDS)


def test_more_paragraphs_overleaf_beside_more_items_go_on_the_cut_row() -> None:
    # seed 18, reportlab, outer frame only, header repeated, goal merged from the top, landscape:
    # the page break cuts a row between two of its action items and two paragraphs of its
    # "Toteutunut" cell ("... kehittämiskohteita." | "Vanhusten asumispalvelut / ...").  Overleaf,
    # under the repeated header, only the action (a bullet under bullets) and that cell (a new
    # paragraph under a cell of paragraphs) go on; the owners, plain text above, are silent.
    # A paragraph is no item, so the rest was read as a new row of the group
    assert_all_records_right("turku-yhta--6f8f9843", SEEDS)


def test_goal_centred_as_well_from_under_the_header_takes_the_rows_above() -> None:
    # seed 18, LibreOffice, a rule under the header, header repeated, goal merged and centred,
    # goal column last: page 5 opens a new table (a section heading above it) whose goal 1 is
    # centred over rows 1.1-1.5; rows 1.2-1.4 alone centre it exactly as well (the rows above and
    # below them are as tall).  Its column empty from the header down, the rows above can take
    # no value from above: the span from row 1 is the goal's.  Taking 1.2-1.4 left row 1.5 to
    # goal 2, opening at the page's foot
    expected, found = records("helsinki-kotoutuminen--951b6efc", SEEDS)
    assert len(found) == len(expected) == len(match_records(expected, found))
    assert wrong_fields(expected, found, ("goal_id", "goal", "action_id", "actions", "owners")) == []


def test_goal_centred_level_with_a_later_paragraph_starts_no_row() -> None:
    # seed 18, LibreOffice, outer frame only (rows touch), header not repeated, goal merged and
    # centred, permuted columns: goal 2, centred over rows 2.1-2.3, opens level with the second
    # paragraph of row 2.1's measures ("Kotoutumiseen ja sen edistymiseen ..."), where the row's
    # action and owner have ended.  Two columns opening a block there made a row start: the
    # paragraph became a record of its own and every later row's source was one off
    assert_all_records_right("helsinki-kotoutuminen--2ab300de", SEEDS, fields=("goal", "actions", "owners", "indicators", "source"))
    # but a new row whose goal, merged from its top, happens to be centred over the rows from the
    # row above down, beside most of the row's cells opening, is a row (turku-yhta b730b3f0:
    # LibreOffice, shaded header, only the measures' cell of the new row empty)
    expected, found = records("turku-yhta--b730b3f0", SEEDS)
    assert len(found) == len(expected) == len(match_records(expected, found))
