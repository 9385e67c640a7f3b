"""Printed text a scan's OCR layer lacks, read again from the page image (issue 11, pdf.scan.reread).

Tesseract's page segmentation skips now and then a stretch of a scanned page, and writes
garbage over another.  The crops are real held-out scans (tests/scan_crops, straightened ink
at 150 dpi and the layer's characters):

* koskenniemi-borderless-fin150-p1-unread (set H, koskenniemi-ikaihmiset-borderless@fin-150
  p. 1): goal 3's three lines "3. Ikääntyneiden yk- / sinäisyys vähenee ja / osallisuus
  lisääntyy", the indicator "Kävijämäärät" and the head of the owner cell "Järjestöavus-"
  have no OCR word at all, while "Kohtaamispaikko- / jen määrä (tavoite 8)" was read with
  boxes a little short of its ink (that rest is no stretch of its own);
* koskenniemi-grid-fin200-p2-garbled (set J, koskenniemi-ikaihmiset-grid@fin-200-skew p. 2):
  "massa asemassa" was written "KA nj", "nj" stretched over 22 pt of ink;
* kymenlaakso-header-rule-fin200-p3-garbled (set M, kymenlaakso-lnp-header-rule@fin-200-skew
  p. 3, six narrow columns): Tesseract wrote "jam" in a box 22 pt tall over "raanhoidon" and
  the line above, and "ia." over "sotoimi-", the column gap and "tenneurolo-"; neither box's
  middle lies on the stretch it was written over, and "ia." across the gap ended the table
  mid-row (goal 5 overleaf was lost with it).

tests/scan_pages/jarvela-ilmasto-shaded-header-seed16@fin-200-skew.pdf (set G) end to end:
the first table's indicator cell of row 1 and row 3 and its head "Mittarit" are not in the
text layer; read again, goal 1's two indicators are there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.extractors.pdf.scan import ocr as scan_ocr
from planparse.extractors.pdf.scan.garbled import garbled_runs
from planparse.extractors.pdf.scan.reread import Stretch, ReadWord, _chars, unread_stretches

from .scan_crop_helpers import load_crop
from .test_scans import HAVE_TESSERACT

SCAN = Path(__file__).parent / "scan_pages" / "jarvela-ilmasto-shaded-header-seed16@fin-200-skew.pdf"


def _box(s: Stretch) -> tuple[int, int, int, int]:
    return round(s.x0), round(s.top), round(s.x1), round(s.bottom)


def test_ink_no_ocr_word_covers_is_found_line_by_line() -> None:
    chars, ink, scale = load_crop("koskenniemi-borderless-fin150-p1-unread")
    found = unread_stretches(chars, ink, scale, garbled_runs(chars))
    # goal 3's three lines (x 19-97 in the crop), "Järjestöavus-" (x 443), "Kävijämäärät" (x 367)
    goal = [s for s in found if s.x0 < 25]
    assert [round(s.top) for s in goal] == [22, 33, 44]
    assert all(90 <= s.x1 <= 98 for s in goal)
    others = sorted(round(s.x0) for s in found if s.x0 >= 25)
    assert len(others) == 2 and 365 <= others[0] <= 368 and 442 <= others[1] <= 445
    # the rest of "jen määrä (tavoite" beside its short boxes (x 370-410, y 33-45) is no stretch
    assert not any(360 <= s.x0 <= 420 and 30 <= s.top <= 50 for s in found)
    assert not any(s.replaces for s in found)


def test_a_garbled_word_and_its_line_mates_are_read_again() -> None:
    chars, ink, scale = load_crop("koskenniemi-grid-fin200-p2-garbled")
    garbled = garbled_runs(chars)
    assert ["".join(chars[i]["text"] for i in run) for run in garbled] == ["nj"]
    found = [s for s in unread_stretches(chars, ink, scale, garbled) if s.replaces]
    assert len(found) == 1
    assert sorted("".join(chars[i]["text"] for i in found[0].replaces)) == sorted("KAnj")
    assert found[0].x0 < 21 and found[0].x1 > 75  # the whole printed "massa asemassa"


def test_a_garbled_box_over_two_lines_or_a_column_gap_is_replaced_by_the_stretch_it_covers() -> None:
    chars, ink, scale = load_crop("kymenlaakso-header-rule-fin200-p3-garbled")
    garbled = garbled_runs(chars)
    assert ["".join(chars[i]["text"] for i in run) for run in garbled] == ["jam", "ia."]
    found = {_box(s): "".join(chars[i]["text"] for i in s.replaces) for s in unread_stretches(chars, ink, scale, garbled)}
    # "raanhoidon" (crop x 89-133) replaces "jam"; "sotoimi-" (x 179-210) replaces "ia."
    assert [text for box, text in found.items() if 85 <= box[0] <= 95] == ["jam"]
    assert [text for box, text in found.items() if 175 <= box[0] <= 182] == ["ia."]


def test_a_reading_is_kept_only_when_tesseract_is_sure_of_it() -> None:
    s = Stretch(100.0, 200.0, 160.0, 208.0, 120)
    sure = [ReadWord("Öljylämmitteisten", 65.0, 10, 150, 5, 30), ReadWord("i", 20.0, 155, 160, 5, 30)]
    text = "".join(c["text"] for c in _chars(s, sure, 300 / 72))
    assert text == "Öljylämmitteisten"  # the unsure speck "i" is left out
    assert _chars(s, [ReadWord("räärä", 0.0, 10, 90, 5, 30), ReadWord("(", 85.0, 95, 100, 5, 30)], 300 / 72) == []
    assert _chars(s, [ReadWord(";", 72.0, 0, 5, 5, 30), ReadWord("tarjotaan", 96.0, 10, 90, 5, 30)], 300 / 72)[0]["text"] == "t"


@pytest.mark.skipif(not HAVE_TESSERACT, reason="tesseract with fin+swe models and pytesseract not installed")
def test_a_scan_s_unread_cells_are_read_again_and_producer_says_so() -> None:
    doc = planparse.extract(SCAN).to_dict()
    assert doc["producer"]["ocr"]["engine"] == "tesseract"
    assert doc["producer"]["ocr"]["languages"] == ["fin", "swe"]
    records = doc["records"]
    assert len(records) == 15
    # the layer held only "Öljylämmitteisten kiinteistöjen määrä" of goal 1's indicators and
    # "kijöiden määrä" of row 3's
    assert records[0]["indicators"][0] == "Kiinteistöjen energiankulutus (MWh/v)"
    assert " ".join(records[0]["indicators"][1:]) == "Öljylämmitteisten kiinteistöjen määrä"
    assert records[2]["indicators"][0].endswith("käyttävien työntekijöiden määrä")


def test_without_tesseract_the_scan_reads_as_its_text_layer_alone(monkeypatch) -> None:
    def missing() -> None:
        raise ImportError("no pytesseract")

    monkeypatch.setattr(scan_ocr, "_engine", missing)
    doc = planparse.extract(SCAN).to_dict()
    assert doc["producer"]["ocr"] is None
    records = doc["records"]
    assert len(records) == 15
    assert records[0]["indicators"] == ["Öljylämmitteisten kiinteistöjen määrä"]  # the layer's words only
