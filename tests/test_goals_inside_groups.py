"""Held-out layout causes (issue 10, seed 11): goals printed inside their groups, rests of
rows and of the header cut by the page break.

Each PDF is drawn here with tests/pdf_layouts.py from content stated in the test; the
expected records come from that content, never from planparse.
"""

from __future__ import annotations

from pathlib import Path

import planparse

from . import pdf_layouts as lay


def _middle_goal_rows(groups: list[tuple[list[str], list[list[str]]]]) -> tuple[list, list[tuple[str, str, str]]]:
    """Rows of goal groups, each goal printed in its group's middle row ((n - 1) // 2, as a
    producer prints a centred goal it cannot merge), and the (goal id, goal, action id) of every row."""
    rows, expected = [], []
    for goal, actions in groups:
        middle = (len(actions) - 1) // 2
        for k, action in enumerate(actions):
            rows.append([goal if k == middle else [], action, [f"Office {len(rows) + 1}"], [f"Count {len(rows) + 1}"]])
            expected.append((goal[0].split(".")[0], " ".join(goal).split(" ", 1)[1], action[0].split()[0]))
    return rows, expected


def _goal_action_ids(path: Path) -> list[tuple[str | None, str | None, str | None]]:
    """(goal id, goal, action id) of each record."""
    return [(r.goal_id, r.goal, r.action_id) for r in planparse.extract(path).records]


def test_goal_printed_in_the_middle_row_of_its_group_covers_the_rows_above_it(tmp_path: Path) -> None:
    """No rules, each goal printed once in the middle row of its group (blank goal cells above
    and below it): the table's first row prints an action and no goal.  Every row belongs to
    the goal printed inside its group, the rows above the goal row too, and where two
    splits centre the goals alike the numbering ("3." over "3.2") says which group a row is."""
    groups = [
        (["1. First goal", "is reached"], [["1.1 Map the needs", "of the groups", "in the town", "this year."], ["1.2 Hold talks."], ["1.3 Write a", "report."], ["1.4 Share it", "with staff."]]),
        (["2. Second goal"], [["2.1 Build a", "data base."], ["2.2 Publish", "figures."]]),
        (["3. Third goal"], [["3.1 Join the", "network."], ["3.2 Take part", "in the work."]]),
        (["4. Fourth goal"], [["4.1 Lobby the", "state."], ["4.2 Watch the", "funding."]]),
        (["5. Fifth goal", "for all"], [["5.1 Take part", "abroad."], ["5.2 Report", "the results.", "yearly."], ["5.3 Learn from", "others."]]),
    ]
    rows, expected = _middle_goal_rows(groups)
    path = lay.draw_plan(tmp_path / "middle.pdf", [lay.Table(lay.HEADER, rows, lay.WIDTHS)], lay.Layout(row_gap=8))
    assert _goal_action_ids(path) == expected


def test_rest_of_a_numbered_action_cut_by_the_page_break_joins_its_row(tmp_path: Path) -> None:
    """Every action opens with its number; the page break cuts one row and the rest of its
    action opens overleaf with a capital ("S2-courses ...", no sentence evidence) beside the
    rest of its owners, under no repeated header.  It is no new row: the table numbers every
    action, so an action without a number at the top of a page is the rest of the row above."""
    rows, expected = [], []
    for k in range(1, 14):
        goal = [f"{k}. Goal {k}", "is reached"]
        action = [f"{k}.1 Action {k} is", "done by the", "town staff", "this year."]
        rows.append([goal, action, [f"Office {k}"], [f"Count {k}"]])
        expected.append((str(k), f"Action {k} is done by the town staff this year.", [f"Office {k}"]))
    cut = [["14. Goal 14"], ["14.1 Offer courses to", "adults by", "opening the", "S2-courses and", "checking the", "supply."],
           ["Adult college", "", "", "City office"], ["Count 14"]]
    rows.append(cut)
    expected.append(("14", "Offer courses to adults by opening the S2-courses and checking the supply.", ["Adult college", "City office"]))
    rows.append([["15. Goal 15"], ["15.1 Last action."], ["Office 15"], ["Count 15"]])
    expected.append(("15", "Last action.", ["Office 15"]))
    layout = lay.Layout()
    path = lay.draw_plan(tmp_path / "cut.pdf", [lay.Table(lay.HEADER, rows, lay.WIDTHS)], layout)
    assert [page for page, _ in layout.drawn][-3:] == [1, 1, 2]  # the row of goal 14 is cut
    records = planparse.extract(path).records
    assert [(r.goal_id, " ".join(r.actions), r.owners) for r in records] == expected


def test_next_numbered_item_overleaf_beside_a_cut_word_joins_its_row(tmp_path: Path) -> None:
    """The page break falls between the numbered items of an action cell ("1) 2)" on the
    page, "3) ..." overleaf) and inside a word of the indicator cell beside it ("sur-" /
    "vey figures").  The rest overleaf opens with a number, yet it is the next item of the
    list above beside the rest of a cut word: one row, its list and sentence whole."""
    rows, expected = [], []
    for k in range(1, 14):
        action = [f"Action {k} is done by the town", "staff and its partners in the", "whole town during the plan", "period that ends."]
        rows.append([[f"Goal {k}"], action, [f"Office {k}"], [f"Count {k}"]])
        expected.append((f"Goal {k}", [" ".join(action)], [f"Count {k}"]))
    rows.append([["Goal 14"], ["1) Hold a theme week.", "2) Ask the clubs.", "3) Check the shops."], ["Prevention group"],
                 ["Number of weeks", "and health sur-", "vey figures"]])
    expected.append(("Goal 14", ["Hold a theme week.", "Ask the clubs.", "Check the shops."], ["Number of weeks and health survey figures"]))
    rows.append([["Goal 15"], ["Last action."], ["Office 15"], ["Count 15"]])
    expected.append(("Goal 15", ["Last action."], ["Count 15"]))
    layout = lay.Layout(first_page_drop=12)  # two lines of the row of goal 14 left on the page
    path = lay.draw_plan(tmp_path / "items.pdf", [lay.Table(lay.HEADER, rows, lay.WIDTHS)], layout)
    assert [page for page, _ in layout.drawn][-3:] == [1, 1, 2]  # the row of goal 14 is cut
    records = planparse.extract(path).records
    assert [(r.goal, r.actions, r.indicators) for r in records] == expected


def test_rest_of_a_header_row_cut_by_the_page_break_is_no_row() -> None:
    """A table's header alone at the foot of a page (no data row under it: a table of its own),
    the last line of one head ("vastuu" under "Toimeenpano- ja raportointi-") opening the
    next page's table above the data rows, the header not repeated (the tables as the PDF
    reader gives them for a platypus table whose tall header row was split).  The rest is no
    header and no row: the rows overleaf are that table's rows, numbered from 1, under its
    heading, no table skipped.  (Drawn by hand, such a page reads the rest as a heading or
    a row depending on the shading; the normalizer's part is tested on the tables.)"""
    from .normalize_helpers import normalize, row, table

    header = table(row("Tavoite", "Toimenpide", "Toimeenpano-\nja raportointi-", "Mittari", page=3), heading="Osallisuus", page=3)
    rest = table(
        row("", "", "vastuu", "", page=4),
        row("Asukkaat ovat\nmukana", "Luodaan ohjeistus.", "Hallintopalvelut", "Ohje on tehty", page=4),
        row("", "Kootaan raati.", "Kaikki toimialat", "Raatien määrä", page=4),
        heading="ja raportointi-",
        page=4,
    )
    doc = normalize(header, rest)
    got = [(r.section, r.goal, r.actions, r.owners, r.source.table, r.source.row) for r in doc.records]
    assert got == [
        ("Osallisuus", "Asukkaat ovat mukana", ["Luodaan ohjeistus."], ["Hallintopalvelut"], 1, 1),
        ("Osallisuus", "Asukkaat ovat mukana", ["Kootaan raati."], ["Kaikki toimialat"], 1, 2),
    ]
    assert not [w for w in doc.warnings if w.code == "table-skipped"]


def test_rows_touching_beside_a_centred_goal_running_over_their_boundary(tmp_path: Path) -> None:
    """No rules, no spacing between rows; a goal centred beside its two rows (its first line
    lower than the rows' top) runs over the boundary between them with a word broken at a
    hyphen.  The second row's owner opens after an empty line of its column, its action and
    indicator right under the lines above (a sentence closed, a line ended early): the second
    row starts there, the centred goal's broken word notwithstanding."""
    goal = lay.Span(["", "2. Taking part", "is measured and re-", "ported yearly"])
    rows = [
        [["1. Goal one"], ["Hold meetings in", "every part of", "the town."], ["Office A"], ["Meetings held"]],
        [goal, ["Add questions to", "the survey of", "residents."], ["Welfare coordi-", "nator"], ["Experience of", "taking part", "on a scale 1-5"]],
        [[], ["Report the plan", "to the council", "every year."], ["Council"], ["Report given", "(yes or no)"]],
        [["3. Goal three"], ["Open the rooms", "to all groups."], ["All offices"], ["Rooms open"]],
    ]
    path = lay.draw_plan(tmp_path / "touching.pdf", [lay.Table(lay.HEADER, rows, lay.WIDTHS)], lay.Layout())
    got = [(r.goal_id, r.actions, r.owners) for r in planparse.extract(path).records]
    assert got == [
        ("1", ["Hold meetings in every part of the town."], ["Office A"]),
        ("2", ["Add questions to the survey of residents."], ["Welfare coordinator"]),
        ("2", ["Report the plan to the council every year."], ["Council"]),
        ("3", ["Open the rooms to all groups."], ["All offices"]),
    ]


def test_later_list_items_level_with_a_centred_goal_start_no_row(tmp_path: Path) -> None:
    """No rules; a row's action and indicator cells each hold two items set off by spacing, the
    goal printed lower than the row's top, level with the second items (centred beside the
    row).  The items and the goal open together like a new row's cells, but the owner, which
    opened at the row's top, opens nothing there: one row, both lists whole."""
    rows = [
        [["1. Goal one"], ["- Hold meetings", "  in the town"], ["Office A"], ["- Meetings held"]],
        [lay.Span(["", "", "", "2. Sport for all"]), ["- Sport groups", "  in schools", "", "- Culture friends", "  for the old"],
         ["Sport office"], ["- Groups held", "", "", "- Friends met"]],
        [["3. Goal three"], ["- Open rooms", "  to all"], ["All offices"], ["- Rooms open"]],
    ]
    path = lay.draw_plan(tmp_path / "items.pdf", [lay.Table(lay.HEADER, rows, lay.WIDTHS)], lay.Layout(row_gap=16))
    got = [(r.goal_id, r.actions, r.owners, r.indicators) for r in planparse.extract(path).records]
    assert got == [
        ("1", ["Hold meetings in the town"], ["Office A"], ["Meetings held"]),
        ("2", ["Sport groups in schools", "Culture friends for the old"], ["Sport office"], ["Groups held", "Friends met"]),
        ("3", ["Open rooms to all"], ["All offices"], ["Rooms open"]),
    ]


def test_blank_goal_cells_right_above_a_goal_numbering_their_actions_under_it() -> None:
    """A goal merged over its rows (cells covered below it), then rows with blank goal cells
    and the next goal printed lower down, beside its group's later rows (its merge lost
    where the page broke).  The blank rows right above it whose actions are numbered under
    it ("2.1" under "2.") are its rows, not the goal above's; the rows the goal above covers
    stay its own.  (The rows as the PDF reader gives them.)"""
    from .normalize_helpers import normalize, row, table

    doc = normalize(
        table(
            row("Tavoite", "Toimenpide", "Vastuu", page=1),
            row("1. Ensimmäinen", "1.1 Tehdään yksi.", "Virasto A", page=1),
            row(None, "1.2 Tehdään kaksi.", "Virasto B", page=1),
            row("", "2.1 Tehdään kolme.", "Virasto C", page=1),
            row("2. Toinen", "2.2 Tehdään neljä.", "Virasto D", page=1),
            row("", "2.3 Tehdään viisi.", "Virasto E", page=1),
            page=1,
        )
    )
    assert [(r.goal_id, r.action_id) for r in doc.records] == [("1", "1.1"), ("1", "1.2"), ("2", "2.1"), ("2", "2.2"), ("2", "2.3")]


def test_goal_centred_in_its_groups_part_on_the_page_where_it_is_printed() -> None:
    """Goals printed inside their groups (the first row has none), the second group cut by the
    page break: its goal is centred in the group's part on the first page (a merged cell
    split over pages centres its text in each part), here that part's only row, the last of
    the page.  The blank row above it is the first goal's, whose group it centres; the rows
    overleaf are the second goal's.  (The rows as the PDF reader gives them.)"""
    from .normalize_helpers import normalize, row, table

    doc = normalize(
        table(
            row("Goal", "Action", "Owner", page=1),
            row("", "Map the needs\nof the groups\nin the town", "Office A", page=1),
            row("First goal is\nreached", "Hold talks with\nthe groups", "Office B", page=1),
            row("", "Write a report.", "Office C", page=1),
            row("Second goal\nis reached", "Share the\nreport widely", "Office D", page=1),
            row("", "Train the\nstaff of every\noffice in the\ntown this year.", "Office E", page=2, starts_page=True),
            row("", "Follow up the\nwork every\nyear with all\nthe offices.", "Office F", page=2),
            page=1,
        )
    )
    assert [(r.goal, r.owners) for r in doc.records] == [
        ("First goal is reached", ["Office A"]),
        ("First goal is reached", ["Office B"]),
        ("First goal is reached", ["Office C"]),
        ("Second goal is reached", ["Office D"]),
        ("Second goal is reached", ["Office E"]),
        ("Second goal is reached", ["Office F"]),
    ]
