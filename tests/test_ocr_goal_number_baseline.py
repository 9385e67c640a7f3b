"""A goal's number standing alone over its name, set on its ink's baseline (issue 11, scan set E).

tests/scan_crops/kymenlaakso-shaded-header-fin300-p1-goal-number.* is the top of p. 1's table
of kymenlaakso-lnp-shaded-header@fin-300 (matrix seed 14): the ink at 150 dpi (rules out) and
the characters as they reach pdf.scan.chars.boxes.ink.settle_on_ink, in the crop's points.  Tesseract
wrote goal 1's number "1" 3.6 pt above the row's first line (its ink stands level with
"Lapsen/nuoren"), and its box 0.5 pt left of the digit's stem.  A one-letter word is too
short to weigh its baseline and has no word beside it to move with, so it stayed there; the
row then started at the items, through the number, that start was dropped, and the
shaded header's question row ("Missä on onnistuttava?") became part of goal 1's record.

tests/scan_pages/kymenlaakso-lnp-shaded-header@fin-200-skew-p1.pdf is p. 1 of the same
content's fin-200-skew scan (pdfseparate, image and text layer as made).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from tests.scan_crop_helpers import load_crop

PAGES = Path(__file__).parent / "scan_pages"
_crop = load_crop


def _top(chars: list[dict], text: str) -> float:
    from planparse.extractors.pdf.scan.chars.runs import char_runs

    return next(chars[r[0]]["top"] for r in char_runs(chars) if "".join(chars[i]["text"] for i in r) == text)


def test_a_lone_goal_number_is_set_on_its_ink() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import settle_on_ink

    chars, ink, scale = _crop("kymenlaakso-shaded-header-fin300-p1-goal-number")
    assert _top(chars, "Lapsen/nuoren") - _top(chars, "1") > 3.0
    settled = settle_on_ink(chars, ink, scale)
    assert abs(_top(settled, "1") - _top(settled, "Lapsen/nuoren")) < 1.0
    # the question row of the header stays where it is
    assert abs(_top(settled, "onnistuttava?") - _top(chars, "onnistuttava?")) < 0.6


def test_the_question_row_is_no_part_of_the_first_goal() -> None:
    records = planparse.extract(PAGES / "kymenlaakso-lnp-shaded-header@fin-200-skew-p1.pdf").to_dict()["records"]
    first = records[0]
    assert first["goal_id"] == "1"
    assert first["goal"] == "Lasten ja nuorten arvostaminen"
    assert not any("Mitä ja miten" in a for a in first["actions"])
    assert not any("Kuka" in o for o in first["owners"])
