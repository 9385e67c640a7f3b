"""A row cut by a page break whose actions and owners are both bulleted lists: the part
overleaf holds only more items of both lists, and the schedule the row printed above is
silent there -- the rest of the row, not a new one (held-out matrix, issue 10: goals
printed in the first row of a group, horizontal rules only, header not repeated)."""

from __future__ import annotations

from planparse.intermediate import Cell, Line
from planparse.normalize.tables.rows import DataRow, is_continuation, join_split_rows

GOAL, ACTION, INDICATOR, SCHEDULE, OWNER = range(5)


def _cell(*lines: str) -> Cell:
    return Cell(lines=[Line(text=t) for t in lines])


def _rows(schedule_overleaf: str | None) -> list[DataRow]:
    above = DataRow(
        [_cell("Lähiyhteisöt mukana"), _cell("• Toiminta verkostoissa", "• Systeemisen mallin käyttö"), _cell("• Mittari"),
         _cell("2020 alkaen"), _cell("• Johto", "• Muut toimijat")],
        page=3, starts_page=False,
    )
    overleaf = DataRow(
        [_cell(), _cell("• Asiakkaat mukana kehittämisessä"), _cell(),
         _cell(schedule_overleaf) if schedule_overleaf else _cell(), _cell("• Asiakkaiden lähipiiri")],
        page=4, starts_page=True,
    )
    return [above, overleaf]


def test_bulleted_actions_and_owners_cut_by_the_page_break_go_on() -> None:
    rows = _rows(None)
    assert is_continuation(rows[0], rows[1], [GOAL], [ACTION])
    joined = join_split_rows(rows, [GOAL], [ACTION])
    assert len(joined) == 1
    assert [ln.text for ln in joined[0].cells[OWNER].lines][-1] == "• Asiakkaiden lähipiiri"


def test_a_row_naming_its_schedule_again_is_new() -> None:
    rows = _rows("2021")
    assert not is_continuation(rows[0], rows[1], [GOAL], [ACTION])


def test_page_break_inside_a_merged_goal_and_the_last_row_at_once() -> None:
    """The goal merged over its rows goes on overleaf beside the rest of the last row's
    action: the goal's rest joins the goal, and the row's rest joins the row above."""
    first = DataRow([_cell("Heikommassa asemassa olevien huomioiminen päätök-"), _cell("Ensimmäinen toimenpide."), _cell(), _cell("2024"), _cell("Omistaja")], page=2, starts_page=False)
    last = DataRow([Cell(merged_from_above=True), _cell("Ohjelman toimenpiteiden toteutta-"), _cell(), _cell("2025"), _cell("Toinen")], page=2, starts_page=False)
    rest = DataRow([_cell("senteossa kuin palveluiden suunnittelussa"), _cell("misen suunnittelu Turun alueella"), _cell(), _cell(), _cell()], page=3, starts_page=True)
    new = DataRow([_cell(), _cell("Uusi toimenpide."), _cell(), _cell("2026"), _cell("Kolmas")], page=3, starts_page=False)
    joined = join_split_rows([first, last, rest, new], [GOAL], [ACTION])
    assert len(joined) == 3
    assert [ln.text for ln in joined[0].cells[GOAL].lines][-1] == "senteossa kuin palveluiden suunnittelussa"
    assert [ln.text for ln in joined[1].cells[ACTION].lines] == ["Ohjelman toimenpiteiden toteutta-", "misen suunnittelu Turun alueella"]


def test_a_cells_rest_set_lower_than_the_others_rests_goes_on_with_them() -> None:
    """Overleaf, the rest of the last row's indicator list is set lower than the rests of
    its goal, action and owner, and read as a row of its own (no goal, no action)."""
    above = DataRow([_cell("Löner är jäm-"), _cell("En lönekartläggning görs och löne-"), _cell("– Lönekartläggningen genomförd"), _cell("2025"), _cell("HR-enheten, personalföre-")], page=1, starts_page=False)
    rest = DataRow([_cell("ställda"), _cell("skillnader rättas till."), _cell(), _cell(), _cell("trädare")], page=2, starts_page=True)
    lower = DataRow([_cell(), _cell(), _cell("– Oförklarade löneskillnader (%)"), _cell(), _cell()], page=2, starts_page=False)
    new = DataRow([_cell(), _cell("Möjligheterna informeras."), _cell("Personalenkätens resultat"), _cell("2024–2026"), _cell("HR-enheten")], page=2, starts_page=False)
    joined = join_split_rows([above, rest, lower, new], [GOAL], [ACTION])
    assert len(joined) == 2
    assert [ln.text for ln in joined[0].cells[INDICATOR].lines] == ["– Lönekartläggningen genomförd", "– Oförklarade löneskillnader (%)"]


def test_an_indicator_row_under_a_new_row_overleaf_stays_its_own() -> None:
    """Only right under the rest of a cut row: under a new row, such a row is left as it is."""
    above = DataRow([_cell("Mål"), _cell("Åtgärd."), _cell("– Mätare"), _cell("2025"), _cell("HR")], page=1, starts_page=False)
    new = DataRow([_cell(), _cell("Ny åtgärd."), _cell(), _cell("2026"), _cell("HR")], page=2, starts_page=True)
    lower = DataRow([_cell(), _cell(), _cell("– Mätare två"), _cell(), _cell()], page=2, starts_page=False)
    assert len(join_split_rows([above, new, lower], [GOAL], [ACTION])) == 3


def test_a_new_groups_centred_goal_beside_the_rest_of_a_cut_row_goes_down_to_its_group() -> None:
    """Held-out matrix (seed 7) turku-yhta, no rules, goals merged and centred over their rows:
    the page broke inside the last row of a group; overleaf the next group's goal, centred
    over its rows, begins higher than its first row, beside the rest of the cut row's cells
    ("jauksessamme.").  The rest joins the cut row; the goal is the group's below."""
    goal_a = "Heikommassa asemassa olevien huomioiminen päätöksenteossa"
    goal_b = "Heikommassa asemassa olevien sekä eri ryhmien huomioiminen"
    above = DataRow([_cell(goal_a), _cell("Sukupuolineutraalit tilat huomioidaan."), _cell("Ohjeistus"), _cell("2022"), _cell("Kaupunki noudattaa suunnittelunoh-")], page=1, starts_page=False)
    rest = DataRow([_cell(goal_b), _cell(), _cell(), _cell(), _cell("jauksessamme.")], page=2, starts_page=True)
    first = DataRow([Cell(merged_from_above=True), _cell("Ehkäistään segregaatiota."), _cell("Kh"), _cell("2024"), _cell("Tehty selvitys.")], page=2, starts_page=False)
    second = DataRow([Cell(merged_from_above=True), _cell("Kehitetään viestintää."), _cell("Vapaa-aika"), _cell("2024"), _cell("Huomioitu.")], page=2, starts_page=False)
    joined = join_split_rows([above, rest, first, second], [GOAL], [ACTION])
    assert [r.cells[ACTION].lines[0].text for r in joined] == ["Sukupuolineutraalit tilat huomioidaan.", "Ehkäistään segregaatiota.", "Kehitetään viestintää."]
    assert [ln.text for ln in joined[0].cells[OWNER].lines] == ["Kaupunki noudattaa suunnittelunoh-", "jauksessamme."]
    assert [ln.text for ln in joined[0].cells[GOAL].lines] == [goal_a]
    assert [ln.text for ln in joined[1].cells[GOAL].lines] == [goal_b]
    assert joined[2].cells[GOAL].merged_from_above


def test_a_row_without_an_action_overleaf_beside_cells_that_ended_early_is_new() -> None:
    """Layout matrix (seed 10) turku-yhta--233b11b4, rows kept whole: a page opens with a row
    that has no action, only owners and follow-up texts.  The row above ended its owner cell
    after 3 lines while its tallest cell ran on for 12: a page break could only have cut the
    tallest cells, so text under the short owner cell is a new row, not the rest of that one."""
    tall = [f"rivi {k}" for k in range(12)]
    above = DataRow([_cell("Tavoite"), _cell("Monikulttuuriopetuksen kehittäminen."), _cell("Kasvatuksen ja", "opetuksen", "johtoryhmä"),
                     _cell(*tall), _cell(*tall)], page=4, starts_page=False)
    new = DataRow([_cell(), _cell(), _cell("Elinvoiman palvelukokonaisuus"), _cell("Yhdenvertaisuuden kehittäminen."), _cell("Suunnitelmaa työstetään.")],
                  page=5, starts_page=True)
    assert not is_continuation(above, new, [GOAL], [ACTION])
    assert len(join_split_rows([above, new], [GOAL], [ACTION])) == 2
    # the rest of the tall cells alone (the short one silent) is still the rest of the row
    rest = DataRow([_cell(), _cell(), _cell(), _cell("rivi 12"), _cell("rivi 12")], page=5, starts_page=True)
    assert is_continuation(above, rest, [GOAL], [ACTION])
