"""Numeric tables of budgets and financial statements give no records (issue 12,
normalize/tables/budgets/amounts.py): a label column and amount columns, even when a label
("Toiminta", "Tehtävä") is a header synonym.  Goal tables with amounts stay plan tables."""

from __future__ import annotations

import pytest

from planparse.normalize.tables.budgets.amounts import is_amount, is_nil, is_numeric_table, mostly_amounts

from .normalize_helpers import normalize, row, table


@pytest.mark.parametrize("text", ["7 726", "-0,1", "100,0", "–95", "43,6 %", "12 332 €", "1,2 milj. €", "1.250,5", "2024", "15 t€"])
def test_amounts_as_printed_in_finance_tables(text: str) -> None:
    assert is_amount(text)


@pytest.mark.parametrize("text", ["Toimintatuotot", "- Valmistus omaan käyttöön", "TP2024", "2025–2026", "x", "%", "Kasvu 5 %"])
def test_labels_are_not_amounts(text: str) -> None:
    assert not is_amount(text)


def test_nil_marks_count_neither_way() -> None:
    assert is_nil("-") and is_nil("–") and not is_nil("0")
    assert mostly_amounts(["Verotulot", "33 595", "43,6", "-", "–"])  # 2 of 3, the dashes left out
    assert not mostly_amounts(["Laaditaan ohjeistus", "5 000 €", "Kaupunki"])


def test_the_header_decides_whether_amounts_make_a_numeric_table() -> None:
    body = [["Toimintatuotot", "Toimintakulut"], ["7 726", "46 217"], ["10,0", "63,6"]]
    assert is_numeric_table(["Toiminta", None, None], body)
    assert not is_numeric_table(["Konsernille asetetut tavoitteet", "TA2024", "TP2024"], body)  # a goal column
    assert not is_numeric_table(["Toimenpide", "Tavoitearvo", "Toteuma-arvo"], body)  # goal-table values
    assert not is_numeric_table(["Toimenpide", "Mittari", "2024"], body)  # an indicator column


def test_kauhava_p38_shape_gives_no_records_and_says_why() -> None:
    # Kauhava financial statement 2024 p. 38 ("1.5 Kokonaistulot ja –menot"): a group label
    # "Toiminta" in both label columns reads as an action header; the rows are income and costs
    budget = table(
        row("TULOT", "1 000 €", "%", "MENOT", "1 000 €", "%"),
        row("Toiminta", "", "", "Toiminta", "", ""),
        row("Toimintatuotot", "7 726", "10,0", "Toimintakulut", "46 217", "63,6"),
        row("Verotulot", "33 595", "43,6", "- Valmistus omaan käyttöön", "-95", "-0,1"),
        row("Valtionosuudet", "15 121", "19,6", "", "", ""),
        row("Satunnaiset tuotot", "885", "1,1", "Satunnaiset kulut", "", ""),
        row("Kokonaistulot yhteensä", "77 097", "100,0", "Kokonaismenot yhteensä", "72 687", "100,0"),
        page=38,
    )
    doc = normalize(budget)
    assert doc.records == []
    assert [w.to_dict() for w in doc.warnings if w.code == "table-skipped"] == [
        {"code": "table-skipped", "message": "table 1 is a numeric table of labels and amounts, not read as plan rows: TULOT | 1 000 € | % | MENOT | 1 000 € | %", "page": 38}
    ]


def test_a_budget_table_of_tasks_and_years_gives_no_records() -> None:
    budget = table(
        row("Tehtävä", "TP 2023", "TA 2024", "TP 2024"),
        row("Toimintatuotot", "1 204", "1 150", "1 322"),
        row("Toimintakulut", "-8 410", "-8 600", "-8 533"),
        row("Toimintakate", "-7 206", "-7 450", "-7 211"),
    )
    assert normalize(budget).records == []


def test_a_key_figure_goal_table_still_gives_its_rows() -> None:
    goals = table(
        row("Konsernille asetetut tavoitteet", "TA2024", "TP2024"),
        row("Vuosikate, 1 000 €", "2 000", "2 406"),
        row("Lainakanta, €/asukas", "4 500", "4 312"),
    )
    recs = normalize(goals).records
    assert [r.goal for r in recs] == ["Vuosikate, 1 000 €", "Lainakanta, €/asukas"]
    assert recs[0].extra == {"TA2024": "2 000", "TP2024": "2 406"}


def test_an_action_table_with_a_cost_column_still_gives_its_rows() -> None:
    plan = table(
        row("Toimenpide", "Kustannus €", "Vastuutaho"),
        row("Uusitaan katuvalot", "120 000", "Kuntatekniikka"),
        row("Laaditaan liikenneturvallisuussuunnitelma", "15 000", "Kaavoitus"),
    )
    recs = normalize(plan).records
    assert [r.actions for r in recs] == [["Uusitaan katuvalot"], ["Laaditaan liikenneturvallisuussuunnitelma"]]
    assert recs[0].extra == {"Kustannus €": "120 000"}
