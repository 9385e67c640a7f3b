"""A short line boxed a little left of its column ends no OCR table when the column's text
starts left of its head's box (issue 11, scan set L).

Set L's sjovik-valfard-hrules@eng-150 (matrix seed 21) heads its tables "Tidsplan |
Indikatorer | Ansvarig | ...".  Tesseract boxed "Indikatorer" 3 pt (p. 1) and 6 pt (p. 2) right
of the text under it (111.4-111.8 pt), so every line of that column passed the region's
crossing test only as text wider than the head around it.  A continued line too short for
that and boxed 2 pt further left ("rustningar" at 109.4 pt on p. 1; "caféerna" on p. 2, where
the head stands 6 pt right) crossed the head's start: the region ended there and the line
began a second table, its rows cut off from the row above (13 records for 11).
`regions.column_lefts` lets the column's own text, begun within an OCR box's error left of
the head and running on under it, set the column's left edge.

tests/scan_pages/sjovik-valfard-hrules-seed21@eng-150.pdf is that scan as made (2 pages).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf.tables.whitespace.regions import Segment, column_lefts

SCAN = Path(__file__).parent / "scan_pages" / "sjovik-valfard-hrules-seed21@eng-150.pdf"


def test_eleven_records() -> None:
    doc = planparse.extract(SCAN)
    assert len(doc.records) == 11
    assert [r.goal_id for r in doc.records] == ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5", "5"]


def test_continued_lines_stay_in_their_row() -> None:
    doc = planparse.extract(SCAN)
    goal2 = [r for r in doc.records if r.goal_id == "2"]
    assert goal2[0].indicators[-1] == "Antal utlånade utrustningar"
    assert goal2[0].actions[-1].endswith("huvudbiblioteket.")
    goal4 = [r for r in doc.records if r.goal_id == "4"]
    assert goal4[1].indicators == ["Antal deltagare i språkcaféerna"]
    assert goal4[1].owners == ["Medborgarinstitutet", "integrationskoordinatorn"]
    assert goal4[1].actions[0].endswith("företagarföreningen.")


def test_column_text_left_of_its_head_sets_the_edge() -> None:
    size = 8.0
    heads = [56.6, 114.8, 208.3]
    under = [Segment(111.8, 185.8, []), Segment(208.8, 267.5, [])]  # "1) Antal besök på den" wider than the head
    assert column_lefts(under, heads, heads, size) == [56.6, 111.8, 208.3]
    # a run that starts farther left than a box's error, or stays short of the head, moves nothing
    assert column_lefts([Segment(79.2, 107.7, [])], heads, heads, size) == heads
    assert column_lefts([Segment(104.0, 190.0, [])], heads, heads, size) == heads
