"""A speck read as a stop glued before a heading's number.

Scan set I (/work/scans-held18) pihlajavesi-lapset-nuoret-header-rule@fin-200-skew and
@eng-200-skew, p. 2: Tesseract's text layer reads the section heading
".2 Osallisuus, harrastukset ja vapaa-aika " (the stop's box, 56.5-60.6 pt, touches the
"2"'s); every record of the section took the stop (5 section fields per file, fields 0.83-0.86).
"""

from __future__ import annotations


def test_a_stop_before_a_heading_number_is_dropped() -> None:
    from planparse.normalize.repair.ocr.glyphs import stray_lead_stop

    line = ".2 Osallisuus, harrastukset ja vapaa-aika "  # the scan's text layer, as read
    assert stray_lead_stop(line) == "2 Osallisuus, harrastukset ja vapaa-aika "
    assert stray_lead_stop(",3.1 Mielenterveys") == "3.1 Mielenterveys"


def test_other_stops_and_numbers_stay() -> None:
    from planparse.normalize.repair.ocr.glyphs import stray_lead_stop

    for text in ("2 Osallisuus", "...2 kertaa", ".5 %", "Kohta .2 Osallisuus", ".2 osuus"):
        assert stray_lead_stop(text) == text
