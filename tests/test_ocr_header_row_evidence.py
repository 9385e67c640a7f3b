"""Row starts judged by data rows, not by the header row's heads (issue 11, scan set E).

tests/scan_pages/kymenlaakso-lnp-shaded-header@fin-150-p4-5.pdf is pages 4-5 of
kymenlaakso-lnp-shaded-header@fin-150 (matrix seed 14).  Goal II-4 on p. 4: the goal's second
line "ja kuulemis- ja palautekäy-" stands level with later items of three columns
("— Palautteiden ...", "— cNPS ...", "— Johto").  Items level by chance make no row start
where the always-filled columns (goal and schedule) begin nothing
(`rowsplit.row_cuts.drop_cutting_starts`); which columns are always filled was judged from
every row start, the header rows' too, and Tesseract read no "Milloin?" in the shaded
question row: the schedule column counted as not always filled, one silent column was too
few, and goal II-4 was cut in two records.  A header row's heads tell nothing of which data
cells a table fills.
"""

from __future__ import annotations

from pathlib import Path

import planparse

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-shaded-header@fin-150-p4-5.pdf"


def test_items_level_with_a_goals_second_line_start_no_row() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    four = [r for r in records if r["goal_id"] == "4"]
    assert len(four) == 1
    assert [a.split()[0] for a in four[0]["actions"]] == ["Sähköisten", "Palautteiden", "CNPS"]
    assert "Kymsoten ICT ja kehittämisyksikkö" in four[0]["owners"]
    assert "kuulemis- ja palautekäytäntöjä otetaan käyttöön" in four[0]["goal"]
    assert not [r for r in records if r["goal_id"] is None]
