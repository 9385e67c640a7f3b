"""OCR lines read between two printed lines, and cells cut at a word broken at a hyphen
(issue 11, scan set E: jarvela-ilmasto-header-rule@fin-200-skew p. 3).

Tesseract read garbage ("kman eivi", "SR äijän", "4 a", "et 0") out of the white
between the lines of the page's rows; the table's OCR line pitch came out 7.2 pt
where the type is set at 14.4, and every line of a cell became a block of its own.
The crop in tests/scan_crops is that page's real ink and text layer (see
tests/test_ocr_phantom_marks.py); the lines of the last test are the ones the
table reader made of the "Mittarit" column there.
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop, _words


def test_garbage_read_between_printed_lines_goes_and_the_lines_stay() -> None:
    from planparse.extractors.pdf.scan.chars.between_lines import drop_between_lines
    from planparse.extractors.pdf.scan.chars.flat_boxes import regrow_flat_boxes
    from planparse.extractors.pdf.scan.chars.ink import settle_on_ink

    chars, ink, scale = _crop("jarvela-header-rule-p3-between")
    settled = settle_on_ink(regrow_flat_boxes(chars), ink, scale)
    kept = {w[0] for w in _words(drop_between_lines(settled, ink, scale))}
    for garbage in ("kman", "eivi", "SR", "äijän", "et"):
        assert garbage not in kept
    for printed in ("Kuntalaisten", "hyvinvointi-", "Hyvinvointikoordinaatto-", "tustoiminta", "osallistuneiden", "terveyserot"):
        assert printed in kept


def test_a_word_broken_at_a_hyphen_keeps_its_cell_together() -> None:
    from planparse.extractors.pdf.tables.rowsplit.ocr_breaks import join_broken_words
    from planparse.extractors.pdf.tables.rowsplit.rows import column_blocks
    from planparse.extractors.pdf.words import TextLine

    def line(top: float, text: str) -> TextLine:
        return TextLine([], text, 577.0, 700.0, top, top + 10.1, 10.1, False)

    lines = [
        line(102.3, "• Arvioitujen päätös-"),
        line(116.6, "ten osuus (%)"),
        line(135.5, "• Suunnitelma hyväk-"),
        line(149.4, "sytty (kyllä/ei)"),
        line(198.1, "• Harrastustoimintaan"),
    ]
    blocks = column_blocks(lines, 4, pitch=7.19, ocr=True)  # the pitch the garbage lines gave
    assert len(blocks) == 5
    joined = join_broken_words(blocks)
    assert [[ln.text for ln in b.lines] for b in joined] == [
        ["• Arvioitujen päätös-", "ten osuus (%)"],
        ["• Suunnitelma hyväk-", "sytty (kyllä/ei)"],
        ["• Harrastustoimintaan"],
    ]
