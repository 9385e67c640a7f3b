"""Field exactness of the records planparse finds in layout-matrix renderings (issue 10).

A few reportlab renderings of the matrix (samples/matrix, rendered here when
the cache lacks them: reportlab needs no LibreOffice) whose list fields,
numbering or owners went wrong for one general reason each; the expected
output is the content YAML's.  Each test names the mechanism it guards.
"""

from __future__ import annotations

import json

import pytest

from planparse import extract
from planparse.accuracy import match_records
from samples.matrix.content import load_contents
from samples.matrix.dimensions import combo_id, covering_design, dimensions

CONTENTS = load_contents()
FULL = covering_design(dimensions(CONTENTS))
ID_AND_LIST_FIELDS = ("goal_id", "action_id", "actions", "owners", "indicators")


def _rendering(name: str):
    from samples.matrix.render import render_all

    combo = next(c for c in FULL if f"{c['content']}--{combo_id(c)}" == name)
    assert combo["producer"] == "reportlab"
    return render_all([combo], CONTENTS)[0]


def wrong_fields(name: str, fields: tuple[str, ...]) -> tuple[int, list[tuple[str, object, object]]]:
    """(matched records, [(field, expected, found)]) for one rendering of the matrix."""
    r = _rendering(name)
    expected = json.loads(r.expected.read_text(encoding="utf-8"))["records"]
    found = extract(r.pdf).to_dict()["records"]
    pairs = match_records(expected, found)
    wrong = [(f, expected[i][f], found[j][f]) for i, j in pairs for f in fields if expected[i][f] != found[j][f]]
    return len(pairs), wrong


@pytest.mark.parametrize("name", ["turku-yhta--3eb0a27f", "scan-helsinki-kotoutuminen--e7276a49"])
def test_numbered_list_markers_are_neither_text_nor_ids(name: str) -> None:
    # bullets=numbered: "1) ", "2) " before the items of actions, owners and
    # indicators; the first action also starts with its action id ("1) 1.1 ...")
    matched, wrong = wrong_fields(name, ID_AND_LIST_FIELDS)
    assert matched >= 10
    assert wrong == []


@pytest.mark.parametrize("name", ["jarvela-ilmasto--17c1b8fd", "rl-ruled-hyvinvointi--46883de1"])
def test_numbers_and_words_cut_at_a_full_line_without_hyphen_close_up(name: str) -> None:
    # reportlab cuts a word wider than its line where the line is full, with no
    # hyphen ("2024–20" / "25" in a narrow schedule column)
    matched, wrong = wrong_fields(name, ("schedule", "owners", "actions", "indicators"))
    assert matched >= 10
    assert wrong == []


def test_a_dash_glued_to_a_word_at_a_line_start_is_no_bullet() -> None:
    from planparse.extractors.pdf.words import starts_with_bullet

    assert starts_with_bullet("• Tietoa") and starts_with_bullet("•Tietoa") and starts_with_bullet("- Tietoa")
    assert not starts_with_bullet("-tilat huomioidaan") and not starts_with_bullet("–3 %")
    # turku-yhta: "puku-, pesu- ja wc" / "-tilat huomioidaan ..." is one item (reportlab, one-narrow)
    r = _rendering("turku-yhta--c5b33ac2")
    items = [item for rec in extract(r.pdf).to_dict()["records"] for f in ("actions", "owners", "indicators") for item in rec[f]]
    assert any("wc -tilat huomioidaan" in item for item in items)
    assert not [item for item in items if item[:1] in "-–" and item[1:2].isalpha()]


def test_a_merged_goal_cell_cut_by_a_page_break_in_a_grid_keeps_its_text() -> None:
    # reportlab draws a merged group taller than a page without SPAN and without
    # rules inside its goal column: on a page part the goal column has no bottom
    # rule, the rule closing the other columns stops at its left vertical
    # (pdf_ruled.close_open_ends carries it on); the goal text was lost before
    from samples.matrix.score import score_rendering

    for name in ("turku-yhta--79135c63", "turku-yhta--c5b33ac2"):
        score = score_rendering(_rendering(name))
        assert score.f1 >= 0.99, name
        assert score.field_exact["goal"] >= 0.99, name
