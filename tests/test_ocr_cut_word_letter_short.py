"""A word cut without a hyphen where an OCR line was full, ending a letter short of the column's reach.

kymenlaakso-lnp-hrules@fin-150 (set L, matrix seed 21, A5, six narrow columns), p. 2: the
owners' cell prints "Muut lap" / "si/nuoris" / "otoimijat" (reportlab cut the word
"lapsi/nuorisotoimijat" where each line was full, without hyphens).  The column's text reaches
313.7 pt ("lap"'s box); "si/nuoris" ends at 307.8, 5.9 pt (0.74 em) short: the next letter
"o" did not fit.  Within 0.6 em only, the line was not taken as full and the owner came out
"Muut lapsi/nuoris otoimijat".  A natural wrap can end as near (sjovik-valfard-hrules, set L:
"Välfärdsområdets" / "familjetjänster" is two words), so such a line is only `Line.maybe_cut`
(within `words.OCR_LETTER`) and is closed up on the spell checker's word alone
(`hyphens.spelled_cut`): never in Swedish, which has none here.

tests/scan_pages/kymenlaakso-lnp-hrules-seed21@fin-150-p1-2.pdf is pp. 1-2 of the scan;
tests/scan_pages/sjovik-valfard-hrules-seed21@eng-150.pdf is that scan as made (2 pages).
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf import read_pdf
from planparse.settings import ExtractOptions
from planparse.source import Source

PAGES = Path(__file__).parent / "scan_pages"
SCAN = PAGES / "kymenlaakso-lnp-hrules-seed21@fin-150-p1-2.pdf"
SWEDISH = PAGES / "sjovik-valfard-hrules-seed21@eng-150.pdf"


def _maybe_cut(path: Path) -> set[str]:
    doc = read_pdf(Source.from_path(path), ExtractOptions())
    return {ln.text for t in doc.tables for row in t.rows for c in row.cells for ln in c.lines if ln.maybe_cut}


def test_owner_cut_a_letter_short_of_the_reach_closes_up() -> None:
    assert "si/nuoris" in _maybe_cut(SCAN)
    records = planparse.extract(SCAN).to_dict()["records"]
    assert [r["goal_id"] for r in records] == ["1", "2", "3"]
    assert records[1]["owners"] == [
        "LNPsos ja LNPter henkilöstö",
        "Johto",
        "Muut lapsi/nuorisotoimijat",
        "Perhekeskusalueiden ydinryhmät",
    ]
    assert "Muut lapsi/nuorisotoimijat" in records[2]["owners"]


def test_swedish_words_a_letter_short_of_the_reach_stay_apart() -> None:
    assert "Valfardsomradets" in _maybe_cut(SWEDISH)  # as near the reach as a cut: no spell checker to tell
    owners = [r["owners"] for r in planparse.extract(SWEDISH).to_dict()["records"]]
    assert owners[1] == ["Välfärdsområdets familjetjänster"]
    assert owners[8] == ["Välfärdsområdets hemvård", "bibliotekstjänster"]
