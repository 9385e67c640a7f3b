"""A word cut without a hyphen where an OCR line was full, ending a letter short of the column's reach.

kymenlaakso-lnp-hrules@fin-150 (set L, matrix seed 21, A5, six narrow columns), p. 2: the
owners' cell prints "Muut lap" / "si/nuoris" / "otoimijat" (reportlab cut the word
"lapsi/nuorisotoimijat" where each line was full, without hyphens).  The column's text reaches
313.7 pt ("lap"'s box); "si/nuoris" ends at 307.8, 5.9 pt (0.74 em) short: the next letter
"o" did not fit.  Within 0.6 em only, the line was not taken as full and the owner came out
"Muut lapsi/nuoris otoimijat".  An OCR column's reach is its widest ink box, so a line cut
before a letter may end up to that letter's width (a wide one: 0.75 em) short of it
(`words.OCR_LETTER`).

tests/scan_pages/kymenlaakso-lnp-hrules-seed21@fin-150-p1-2.pdf is pp. 1-2 of the scan.
"""

from __future__ import annotations

from pathlib import Path

import planparse

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-hrules-seed21@fin-150-p1-2.pdf"


def test_owner_cut_a_letter_short_of_the_reach_closes_up() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    assert [r["goal_id"] for r in records] == ["1", "2", "3"]
    assert records[1]["owners"] == [
        "LNPsos ja LNPter henkilöstö",
        "Johto",
        "Muut lapsi/nuorisotoimijat",
        "Perhekeskusalueiden ydinryhmät",
    ]
    assert "Muut lapsi/nuorisotoimijat" in records[2]["owners"]
