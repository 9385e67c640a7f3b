"""A row kept whole and moved overleaf in a scanned table ruled only across (issue 11, scan set H).

tests/scan_pages/kymenlaakso-lnp-hrules@fin-150-p1-2.pdf is pages 1-2 of a held-out scan
(matrix seed 17's kymenlaakso-lnp hrules rendering, printed at 150 dpi and OCR'd by
Tesseract's fin model; pdfseparate + pdfunite, the image and text layer as made).  Page 1
rules every row off; page 2 holds one row alone, ruled above and below with no rule inside.
Its cells' item gaps and the goal's centred number line ("3" above "Lapsen oi- / keuksien
...") looked like row starts, so the row was cut in two: its first two actions and two
indicators went to the goal of page 1's last row.  Born-digital pages read such a part as
one row (pdf.tables.ruling.hrules._one_ruled_row); the rules found in a scan's pixels close
it just as well.
"""

from __future__ import annotations

from pathlib import Path

import planparse

SCAN = Path(__file__).parent / "scan_pages" / "kymenlaakso-lnp-hrules@fin-150-p1-2.pdf"


def test_a_part_overleaf_closed_by_rules_is_one_row() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    by_goal = {r["goal_id"]: r for r in records if r["goal_id"]}
    assert sorted(by_goal) == ["1", "2", "3"]
    # the content: goal 2 has five actions, goal 3 (page 2) four, none carried to the other
    assert len(by_goal["2"]["actions"]) == 5
    assert by_goal["3"]["goal"] == "Lapsen oikeuksien toteutuminen erotilanteessa"
    assert by_goal["3"]["actions"] == [
        "Nopea apu/tuki nuorelle ja perheelle.",
        "Sovinnolliseen eroon tukeminen kaikissa palveluissa",
        "Perheiden elämäntilanteen huomiointi erotilanteessa esim. päihteet",
        "Eroauttaminen toteutuu moniammatillisesti",
    ]
    assert by_goal["3"]["indicators"][:3] == [
        "Sovittelun malli käytössä", "Perheen asioiden käsittelyajan nopeutuminen (max. 1 kk)", "Huoltoriitojen väheneminen",
    ]
    assert not any("Sovittelun" in i for i in by_goal["2"]["indicators"])
    assert sum("Nopea apu/tuki" in " ".join(r["actions"]) for r in records) == 1


def test_a_question_row_whose_key_cell_ocr_cut_short_is_the_header_s() -> None:
    """Page 1's second header row reads "Kuka/ketkä?", "(Mil- / loin?", "ja miten se teh-",
    "Missä on on- / nistuttava?": at 150 dpi OCR lost "Mitä" and the line "dään?", so the
    action head asked nothing and the row became a record of its own (goal "Missä on
    onnistuttava?").  A key cell stopped at a word's line-break hyphen lost its rest."""
    records = planparse.extract(SCAN).to_dict()["records"]
    assert len(records) == 3
    assert all(r["goal_id"] for r in records)
    assert not any("onnistuttava" in (r["goal"] or "") for r in records)

