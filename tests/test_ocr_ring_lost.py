"""A capital Å whose ring OCR lost, read as A, in a scan read by the Swedish model (issue 11, set J).

tests/scan_pages/strandby-jamstalldhet-hrules@swe-300-p1.pdf is page 1 of a held-out scan
(matrix seed 19's strandby-jamstalldhet hrules rendering, printed at 300 dpi and OCR'd by
Tesseract's swe model; pdfseparate, the image and text layer as made).  The model kept every
small å/ä/ö but printed the heading "Åtgärdsplan" as "Atgärdsplan", the section of every
record (10 fields of the scan).  The text lost no diacritics, so the å/ä/ö repair does not
run; the look-alike letters (data/ocr_confusions.yaml, letters) now offer Å for A, taken
only when the lexicon knows the reading and not the print.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.normalize.repair.lexicon import get_lexicon

SCAN = Path(__file__).parent / "scan_pages" / "strandby-jamstalldhet-hrules@swe-300-p1.pdf"


@pytest.mark.skipif(get_lexicon("sv").backend == "none", reason="needs wordfreq's Swedish list")
def test_a_capital_a_ring_lost_is_read_as_the_word_the_lexicon_knows() -> None:
    records = planparse.extract(SCAN).to_dict()["records"]
    assert len(records) == 5
    assert {r["section"] for r in records} == {"Åtgärdsplan"}
    assert records[2]["goal"].startswith("Barn och elever bemöts likvärdigt")
