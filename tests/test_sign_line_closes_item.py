"""A line of signs alone ("(%)", "%)") opens no item: it closes the one above (issue 11, set G).

pihlajavesi-lapset-nuoret-grid@fin-200-skew: the indicator cell "Humalahakui- / sesti juovien /
8.–9.-luokka- / laisten osuus" goes on overleaf with "(%)" above the next indicator; the rest of
a row carried over a page starts a paragraph, so "(%)" became an indicator of its own.  On
p. 3 "tösten osuus" / "%)" (Tesseract lost the "(" and boxed the rest 3.7 pt low, a pitch
over the paragraph gap) made "%)" one too.  The lines are the scan's, as the table reads them.
"""

from __future__ import annotations

from planparse.intermediate import Line
from planparse.normalize.tables.cells import group_paragraphs


def _texts(groups: list[list[Line]]) -> list[str]:
    return [" / ".join(line.text for line in group) for group in groups]


def test_a_sign_line_carried_overleaf_closes_the_item_above() -> None:
    lines = [
        Line("Humalahakui-", paragraph_start=True), Line("sesti juovien"), Line("8.-9.-luokka-"), Line("laisten osuus"),
        Line("(%)", paragraph_start=True), Line("Testiostojen", paragraph_start=True), Line("määrä ja tulok-"), Line("set"),
    ]
    assert _texts(group_paragraphs(lines)) == [
        "Humalahakui- / sesti juovien / 8.-9.-luokka- / laisten osuus / (%)",
        "Testiostojen / määrä ja tulok- / set",
    ]


def test_a_sign_line_set_low_by_ocr_closes_the_item_above() -> None:
    lines = [Line("Lapsivaikutus-", paragraph_start=True), Line("ten arvioinnin"), Line("sisältävien pää-"), Line("tösten osuus"), Line("%)", paragraph_start=True)]
    assert len(group_paragraphs(lines)) == 1


def test_bullets_and_numbers_still_open_items() -> None:
    lines = [Line("• Kävijämäärät", paragraph_start=True), Line("•", paragraph_start=True), Line("2025", paragraph_start=True)]
    assert len(group_paragraphs(lines)) == 3
