"""Dash bullets OCR lost on a ruled page (a frame, a grid, rules between rows) are given back too (issue 11, scan sets K, J).

Set K's sjovik-valfard-frame (matrix seed 20) prints its table in a frame with no rule
inside.  Tesseract read some of its dash bullets and left out others ("Programmet mot
mobbning ...", the second item of goal 3's second row).  pdf.scan.chars.glyphs.lost_bullets ran
only on pages without rules, so the frame kept it off and the item without its dash read
as a new row: 12 records for 11 at 150 and 300 dpi, with both models.

tests/scan_crops/sjovik-frame-swe150-p1-lost-bullets.* is goal 3's two rows of p. 1 of the
swe-150 scan: the characters give_back_bullets gets and the page's ink (rules out).  The
read dash bullets there are 2.4 pt wide, a quarter of a line box that a descender made
10 pt tall: the lost one is as wide, and is a bullet because the read ones are.

tests/scan_pages/sjovik-valfard-frame-seed20@swe-150-p1.pdf is p. 1 of that scan as made.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.scan_crop_helpers import load_crop

PAGES = Path(__file__).parent / "scan_pages"


def _after_bullets(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    words = ["".join(chars[i]["text"] for i in run) for run in char_runs(chars)]
    return [w for prev, w in zip(words, words[1:]) if prev == "•"]


def test_narrow_dash_like_the_read_ones_is_given_back() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.lost_bullets import give_back_bullets

    chars, ink, scale = load_crop("sjovik-frame-swe150-p1-lost-bullets")
    assert _after_bullets(chars) == []
    assert _after_bullets(give_back_bullets(chars, ink, scale)) == ["Programmet"]


def test_frame_table_items_stay_in_their_row() -> None:
    doc = planparse.extract(PAGES / "sjovik-valfard-frame-seed20@swe-150-p1.pdf")
    goal3 = [r for r in doc.records if r.goal_id == "3"]
    assert len(doc.records) == 6
    assert len(goal3) == 2
    assert [a.split()[0] for a in goal3[1].actions] == ["En", "Programmet"]
    assert goal3[1].owners == ["Rektorerna", "elevkårerna"]
    goal2 = [r for r in doc.records if r.goal_id == "2"]
    assert [a.split()[0] for a in goal2[0].actions] == ["Avgiftsfri", "En"]


def test_bullet_read_glued_to_the_column_before_is_not_given_twice() -> None:
    """Set J's kymenlaakso-lnp-hrules@eng-150 p. 5 (matrix seed 19): the bullet of "lapset ja
    nuoret ..." was read as the "*" of "käy-*", the last word of the column to its left, whose
    box stops 1.6 pt short of the bullet's ink.  A second bullet given back there made the
    row's lines stand apart from the header's columns, and goal 6 was lost.  The other lost
    bullets of the crop are still given back."""
    from planparse.extractors.pdf.scan.chars.glyphs.lost_bullets import give_back_bullets

    chars, ink, scale = load_crop("kymenlaakso-hrules-eng150-p5-glued-bullet")
    assert _after_bullets(give_back_bullets(chars, ink, scale)) == ["Kokemusasiantuntijoiden", "Lapsilta", "Palautteen"]
