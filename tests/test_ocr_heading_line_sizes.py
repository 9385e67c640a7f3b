"""The lines of one OCR heading differ in size: joined as one heading all the same
(pdf.layout.join_heading_lines, `heading_context` on OCR pages; issue 11).

Tesseract sizes each line by its own box, so the two lines of one heading come out of a
150 dpi scan a point or two apart, and the section of every record under it was the
heading's second line alone.  The lines are the scans' own (boxes and sizes as the reader
had them); born-digital headings keep the half-point rule.
"""

from __future__ import annotations

import pytest


def _line(text: str, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool):
    from planparse.extractors.pdf.words import TextLine, Word

    words, x = [], x0
    step = (x1 - x0) / max(len(text), 1)
    for part in text.split():
        words.append(Word(part, x, x + step * len(part), top, bottom, size, bold))
        x += step * (len(part) + 1)
    return TextLine(words, text, x0, x1, top, bottom, size, bold)


HEADINGS = {
    # vake-osallisuus-frame@fin-150 of scan set E, p. 4 (section "suunnitteluun")
    "vake": [
        _line("Otamme eri ryhmät mukaan hyvinvointialueen toiminnan", 43.0, 334.0, 158.2, 169.2, 11.8, True),
        _line("suunnitteluun", 43.0, 110.0, 172.1, 183.1, 12.7, True),
    ],
    # kymenlaakso-lnp-hrules@fin-150 of scan set H, p. 8 (section "monialainen verkostotyö ...")
    "kymenlaakso": [
        _line("PÄÄTAVOITE III: Lasten, nuorten ja perheiden parissa toimivien", 58.1, 514.1, 67.7, 79.7, 15.4, False),
        _line("monialainen verkostotyö kehittyy ja jalkautuu", 57.6, 387.7, 83.9, 96.9, 17.4, False),
    ],
}


@pytest.mark.parametrize("name", sorted(HEADINGS))
def test_an_ocr_headings_lines_join(name: str) -> None:
    from planparse.extractors.pdf.layout import OCR_HEADING_SIZE_SLACK, join_heading_lines

    lines = HEADINGS[name]
    assert [len(b) for b in join_heading_lines(lines)] == [1, 1]  # the born-digital rule: half a point
    assert [len(b) for b in join_heading_lines(lines, OCR_HEADING_SIZE_SLACK)] == [2]


def test_the_section_of_an_ocr_page_is_the_whole_heading() -> None:
    from planparse.extractors.pdf.layout import PageContent, heading_context
    from planparse.extractors.pdf.settings import PdfSettings
    from planparse.extractors.pdf.tables.grid import PageTable

    settings = PdfSettings()
    lines = HEADINGS["vake"]
    table = PageTable(page=4, bbox=(46.6, 194.8, 371.3, 547.4), col_edges=[46.6, 371.3], rows=[], ruled=True)
    for ocr, expected in ((True, "Otamme eri ryhmät mukaan hyvinvointialueen toiminnan suunnitteluun"), (False, "suunnitteluun")):
        page = PageContent(number=4, width=420.0, height=595.0, tables=[table], lines=list(lines), ocr=ocr)
        chain, _captions = heading_context([page], 8.0, False, settings)[id(table)]
        assert chain[-1] == expected
