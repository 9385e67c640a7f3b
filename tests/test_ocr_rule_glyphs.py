"""Marks glued to a frame's bullets, and a bulleted number opening a row overleaf (issue 11, scan set K, seed 20).

sjovik-valfard-frame@swe-200-skew p. 1: the dash bullet of "En gemensam modell ..." (goal
3's second row) was read as "'1-": a speck, the frame's left rule read as "1" and the dash,
the word starting left of the rule.  Its box settled a line up, the item's dash was given
back a second time, and the row's start joined the row above ("1-• En gemensam ...") while
its second item "Programmet ..." became a row of its own.  pdf.scan.chars.unprinted.rule_glyphs drops
a stroke glyph whose box holds the rule and no other ink.  On the same page, the dash of
"Familjecentrets ..." was read with a speck glued before it ("'- Familjecentrets"), and the
action kept the quote and the dash: pdf.scan.marks.ocr_bullets takes the speck off.

tests/scan_crops/sjovik-frame-swe200-p1-rule-glyph.* is goal 3's two rows of that page: the
characters repair_chars gets, the page's ink (rules out) and its dark pixels (rules in,
NAME-dark.png).  tests/scan_pages/sjovik-valfard-frame-seed20@swe-200-skew-p1.pdf is the
page as made.

koskenniemi-ikaihmiset-borderless@eng-200-skew: p. 2 opens with the repeated goal 3 (read
"3, Ikéantyneiden" above p. 1's "3. Ikaantyneiden") and the item "- 3.2 Ystävä-
palvelun ...".  Its bullet hid the number, and the goal cell, a digit under a goal that
closed no sentence, read as the goal going on: the row joined p. 1's last row (3.1).
Opening its own row, its goal cell was then joined to p. 1's goal as a cut goal's rest
("... lisääntyy 3. Ikääntyneiden ..."): a cell that prints the goal above again, up to a
few misread characters (normalize.tables.rows.printed_again), is not.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.scan_crop_helpers import CROPS, load_crop

PAGES = Path(__file__).parent / "scan_pages"


def _dark(name: str):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(CROPS / f"{name}-dark.png").convert("L")) < 128


def _runs(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]


def test_a_frame_rule_read_as_a_glyph_goes() -> None:
    from planparse.extractors.pdf.scan.chars.unprinted.rule_glyphs import drop_rule_glyphs

    name = "sjovik-frame-swe200-p1-rule-glyph"
    chars, ink, scale = load_crop(name)
    assert "'1-" in _runs(chars)
    kept = drop_rule_glyphs(chars, ink, _dark(name), scale)
    assert len(kept) == len(chars) - 1  # the "1" only: letters beside the rule have ink of their own
    assert "'1-" not in _runs(kept) and "1" not in "".join(_runs(kept)).replace("(%)", "")
    assert "En" in _runs(kept) and "Skolkuratorns" in _runs(kept)


def test_a_speck_glued_before_a_dash_bullet_goes() -> None:
    """The words of p. 1's first action as the page's reader has them (straightened)."""
    from planparse.extractors.pdf.scan.marks import ocr_bullets
    from planparse.extractors.pdf.words import Word

    words = [
        Word("'-", 58.9, 62.2, 168.5, 178.5, 10.0, False),
        Word("Familjecentrets", 71.1, 134.2, 168.4, 178.4, 10.0, False),
    ]
    out = ocr_bullets(words)
    assert [w.text for w in out] == ["-", "Familjecentrets"]
    assert out[0].x0 > 60.0
    # inside a line, after a word space, a quote and a dash are the text's
    inside = [Word("ord", 40.0, 55.0, 168.5, 178.5, 10.0, False), *words]
    assert [w.text for w in ocr_bullets(inside)] == ["ord", "'-", "Familjecentrets"]


def test_frame_rows_read_whole_at_200_dpi_skewed() -> None:
    doc = planparse.extract(PAGES / "sjovik-valfard-frame-seed20@swe-200-skew-p1.pdf")
    assert len(doc.records) == 6
    goal1 = [r for r in doc.records if r.goal_id == "1"]
    assert goal1[0].actions[0].startswith("Familjecentrets öppna")
    goal3 = [r for r in doc.records if r.goal_id == "3"]
    assert len(goal3) == 2
    assert [a.split()[0] for a in goal3[0].actions] == ["Skolkuratorns"]
    assert [a.split()[0] for a in goal3[1].actions] == ["En", "Programmet"]
    assert goal3[1].owners == ["Rektorerna", "elevkårerna"]


def test_bulleted_number_overleaf_opens_a_row() -> None:
    doc = planparse.extract(PAGES / "koskenniemi-ikaihmiset-borderless-seed20@eng-200-skew.pdf")
    assert len(doc.records) == 10
    ids = [r.action_id for r in doc.records if r.goal_id == "3"]
    assert ids == ["3.1", "3.2", "3.3"]
    row = next(r for r in doc.records if r.action_id == "3.2")
    assert row.source.page == 2
    assert [a.split()[0] for a in row.actions] == ["Ystäväpalvelun", "Digitaitojen"]
    first = next(r for r in doc.records if r.action_id == "3.1")
    assert len(first.actions) == 1
    # the goal printed again overleaf, misread a little ("3, Ikéantyneiden"), is no rest of a cut goal
    goal = "Ikääntyneiden yksinäisyys vähenee ja osallisuus lisääntyy"
    assert first.goal == goal and row.goal == goal
