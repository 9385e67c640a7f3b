"""A frame table going on overleaf, read at 150 dpi by eng (issue 11, scan set M).

tests/scan_pages/sjovik-valfard-frame-seed22@eng-150.pdf is sjovik-valfard-frame@eng-150
of scan set M (matrix seed 22) as made, both pages.  Its second table runs on to p. 2 with
no header; there goal 5 opens "5, Äldre kan bo hemma" (the number's stop read as a comma).
The rows took a cell opening with a digit but no number they knew for the rest of a
sentence the page break cut, and joined goal 5 to goal 4 ("... invandrare ökar 5. Äldre
kan bo hemma ..."): OCR rows now have their item numbers read as printed first
(rows._item_numbers_read).  The scan also needs p. 2's regular lines weighed as regular
(test_ocr_weight_baseline_row) and p. 1's last line "natorn" kept in its table, whose
head "—_Ansvarig" OCR boxed right of the column's text (regions.column_lefts, set L sjovik
hrules): before, 10 records for 11, F1 0.67.
"""

from __future__ import annotations

from pathlib import Path

import planparse

PAGES = Path(__file__).parent / "scan_pages"


def test_goal_five_overleaf_is_a_goal_of_its_own() -> None:
    doc = planparse.extract(PAGES / "sjovik-valfard-frame-seed22@eng-150.pdf")
    assert [r.goal_id for r in doc.records] == ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5", "5"]
    goal4, goal5 = doc.records[7], doc.records[8]
    assert "5" not in goal4.goal.split() and goal4.goal.startswith("Sysselsättningen")
    assert goal5.goal == "Äldre kan bo hemma tryggt och delta i samhället"
    assert goal4.actions[0].endswith("företagarföreningen.")
    assert [a.split()[0] for a in goal5.actions] == ["Förebyggande", "Digitalt"]
