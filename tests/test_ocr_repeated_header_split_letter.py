"""A header repeated overleaf whose head OCR read with one letter split in two (issue 11, set G).

pihlajavesi-lapset-nuoret-grid@eng-200-skew (matrix seed 16): table 2's header on p. 2 reads
"Seurannan inittarit" (the m of "mittarit" read as "in"), the same header repeated at the top
of p. 3 reads "Seurannan mittarit".  The repeat was not known as the header again, so it was
taken for a sub-header and the two rows under it (goal IV, "Lapsivaikutusten ennakkoarviointi",
"7.-9.-luokkalaisille") became extra values of the row above: 12 records for 14.

tests/scan_pages/pihlajavesi-lapset-nuoret-grid-seed16@eng-200-skew-p2-3.pdf is pp. 2-3 of that
scan (pdfseparate + pdfunite, image and text layer as made).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.common.misreads import one_letter_apart
from planparse.normalize.tables.rows import _is_repeat

SCAN = Path(__file__).parent / "scan_pages" / "pihlajavesi-lapset-nuoret-grid-seed16@eng-200-skew-p2-3.pdf"


def test_one_letter_read_as_two_is_one_letter_apart() -> None:
    assert one_letter_apart("seurannan inittarit", "seurannan mittarit")
    assert one_letter_apart("seurannan mittarit", "seurannan inittarit")
    assert one_letter_apart("toimenpiteet", "toimenpiteet")
    # two letters changed, or short words, stay apart
    assert not one_letter_apart("seurannan inittarix", "seurannan mittarit")
    assert not one_letter_apart("inittari", "mittari")  # "mittari" has 7 letters: too short to tell


def test_the_repeated_header_is_known_as_the_header() -> None:
    header = ["painopiste", "toimenpiteet", "toteu- tusai- ka", "vastuutaho( t)", "seurannan inittarit"]
    again = ["Painopiste", "Toimenpiteet", "Toteu- tusai- ka", "Vastuutaho( t)", "Seurannan mittarit"]
    assert _is_repeat(again, [header])


def test_the_rows_under_the_repeat_are_records() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    table2 = [r for r in records if r["source"]["table"] == 2]
    assert [r["goal_id"] for r in table2] == ["III", "III", "IV", "IV", "IV"]
    assert all(not r["extra"] for r in table2)
    assert table2[3]["actions"][0].startswith("Lapsivaikutusten ennakkoarviointi")
    assert table2[4]["actions"][0].startswith("7.–9.-luokkalaisille")
    assert table2[2]["actions"][0].endswith("kunnanvaltuustossa ja lautakunnissa.")
