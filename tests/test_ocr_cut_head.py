"""A header cell whose opening letters OCR lost, told by the document's header before (issue 11, scan set E).

kymenlaakso-lnp-shaded-header@fin-150 (matrix seed 14), p. 2: the second table's shaded
header prints "toimija(t) / toteuttaja(t)" as every table of the plan does, and Tesseract's
text layer has "ja(t) / toteuttaja(t)" there (at both models: no repair of the text reads
it back).  "ja(t)" names no field, so the slash-joined head named none, the column had no
role and goal 6 (and goal 7 overleaf) lost their owners.  The plan table before, as wide,
has the whole head at that column.

tests/scan_pages/kymenlaakso-lnp-shaded-header@fin-150-p1-2.pdf is pages 1-2 of that scan
(pdfseparate + pdfunite, image and text layer as made).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.normalize.tables.header_repair import role_texts
from planparse.normalize.tables.headers import match_field

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-shaded-header@fin-150-p1-2.pdf"
BEFORE = ["välitavoite", "toimenpide", "mittari / toteutuminen", "aikataulu", "toimija(t) / toteuttaja(t)", "seuranta / arviointi / ohjaus"]
READ = ["välitavoite", "toimenpide", "mittari / toteutuminen", "aikataulu", "ja(t) / toteuttaja(t)", "seuranta / arviointi / ohjaus"]


def test_a_head_cut_short_takes_the_head_printed_before_at_its_column() -> None:
    # every head names the field of the head printed before at its column: "ja(t) /
    # toteuttaja(t)" now names the owner by its rest (headers._lost_opening, e150), before
    # the cut-head reading is asked; the roles are what the records depend on
    assert [match_field(t) for t in role_texts(READ, None, BEFORE)] == [match_field(t) for t in BEFORE]
    assert match_field(BEFORE[4]) == "owner"
    assert role_texts(READ, None) == READ  # no header before (or not OCR text): as printed
    # a head that is no cut of the one before stays; so does one where the header before is narrower
    other = READ[:4] + ["vastuu", READ[5]]
    assert role_texts(other, None, BEFORE) == other
    assert role_texts(READ, None, BEFORE[:5]) == READ


def test_goal_six_keeps_its_owners() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    six = [r for r in records if r["goal_id"] == "6"]
    assert len(six) == 1
    assert six[0]["owners"] == ["LNPsos ja LNPter henkilöstö", "Johto", "Muut lapsi/nuorisotoimijat"]
