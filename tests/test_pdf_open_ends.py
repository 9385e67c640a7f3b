"""Ruled tables cut by a page break: vertical rules with no rule across their end are closed;
the rounded corners of an infographic's boxes are not open ends; a word run across a rule is cut."""

from __future__ import annotations

from planparse.extractors.pdf.tables.ruling.ruled import close_open_ends, split_at_rules
from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.words import Word


def h(x0: float, x1: float, y: float) -> dict:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"}


def v(x: float, top: float, bottom: float) -> dict:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"}


def added(edges: list[dict]) -> list[dict]:
    return close_open_ends(edges, DEFAULT_SETTINGS)[len(edges):]


def test_a_continuation_with_no_top_rule_is_closed_at_the_top_of_its_verticals() -> None:
    # Kauhava p. 61: three vertical rules start at 90.3, the first horizontal rule is at 199.7
    edges = [v(54.1, 90.3, 382.8), v(216.0, 90.3, 199.7), v(540.5, 90.3, 382.8), h(54.1, 540.5, 199.7), h(54.1, 540.5, 382.8)]
    (top,) = added(edges)
    assert (top["top"], top["x0"], top["x1"]) == (90.3, 54.1, 540.5)


def test_rounded_box_corners_are_not_open_ends() -> None:
    # an infographic box drawn with rounded corners: its rules stop 6 pt short of each other
    edges = [h(42.0, 142.6, 122.0), h(42.0, 142.6, 220.9), v(36.0, 128.0, 214.9), v(148.6, 128.0, 214.9)]
    assert added(edges) == []


def test_a_single_loose_vertical_closes_nothing() -> None:
    assert added([v(100.0, 50.0, 150.0), h(0.0, 200.0, 150.0)]) == []


def test_a_word_printed_across_a_rule_is_cut_at_the_rule() -> None:
    # "vuo-" runs against the next cell's "Valmis" closer than a word space: one extracted word
    text = "vuo-Valmis"
    chars = [{"text": ch, "x0": 100.0 + 5 * i, "x1": 105.0 + 5 * i, "top": 10.0, "bottom": 20.0} for i, ch in enumerate(text)]
    word = Word(text, 100.0, 150.0, 10.0, 20.0, 10.0, False)
    left, right = split_at_rules([word], chars, [v(119.0, 0.0, 40.0)])
    assert (left.text, right.text) == ("vuo-", "Valmis")
    assert left.x1 <= 120.0 <= right.x0
