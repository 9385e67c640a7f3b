"""A headerless table part overleaf whose bullets OCR did not read (issue 11, scan set E).

tests/scan_pages/kymenlaakso-lnp-shaded-header@fin-300-p2-3.pdf is pages 2-3 of a held-out
scan (matrix seed 14's kymenlaakso-lnp shaded-header rendering, printed at 300 dpi and OCR'd
by Tesseract's fin model; pdfseparate + pdfunite, the image and text layer as made).  Page 1
ends with goal 6's table (its shaded header band and question row over it); page 2 opens
with goal 7's row, no header repeated.  Tesseract read no dash bullet before the items of
the "mittari" column overleaf, so that part's column starts at the text after the bullet,
10 pt right of the column's edge above (351 -> 361 pt, over the 8 pt stitching allowance):
the part stood alone, no goal or action head over it, and goal 7 was skipped.
"""

from __future__ import annotations

from pathlib import Path

import planparse

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-shaded-header@fin-300-p2-3.pdf"


def test_a_part_overleaf_whose_column_lost_its_bullets_continues_the_table() -> None:
    doc = planparse.extract(SCAN).to_dict()
    records = doc["records"]
    skipped = [w for w in doc["warnings"] if w["code"] == "table-skipped" and w.get("page") == 2]
    assert not skipped
    goal7 = [r for r in records if any("Perheen vaivaton asiointi" in a for a in r["actions"])]
    assert len(goal7) == 1
    assert goal7[0]["source"]["page"] == 2
    assert any("Kyselyt ja niiden analysointi" in i for i in goal7[0]["indicators"])


def test_unmarked_items_and_a_goal_under_its_number_make_no_row() -> None:
    """Goal 7 (page 2): its name "Turvallinen elinympäristö" under its number "7" opened level
    with the action list's second item "– Perhe- ja lähisuhdeväkivallan ..." and the indicator
    "Avainhenkilötoiminta ..." (its dash bullet read as nothing, as was the first indicator's,
    both opening at one x): the row began again there, goal 7 was two records, the first
    without its name."""
    records = planparse.extract(SCAN).to_dict()["records"]
    goal7 = [r for r in records if any("Perhe- ja lähisuhdeväkivallan" in a for a in r["actions"])]
    assert len(goal7) == 1 and goal7[0]["goal_id"] == "7"
    assert goal7[0]["goal"] == "Turvallinen elinympäristö"
    assert any("Perheen vaivaton asiointi" in a for a in goal7[0]["actions"])
    assert any("Avainhenkilötoiminta" in i for i in goal7[0]["indicators"])
    assert any("Kyselyt ja niiden analysointi" in i for i in goal7[0]["indicators"])
