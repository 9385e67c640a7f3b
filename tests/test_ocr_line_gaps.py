"""Paragraph gaps in cells of OCR lines (extractors/pdf/words.py, `ocr=True`)."""

from __future__ import annotations

from planparse.extractors.pdf.words import TextLine, Word, cell_lines, ocr_paragraph_gap


def ocr_line(text: str, x0: float, top: float) -> TextLine:
    # Tesseract's text layer gives every line of 9 pt type an 8.0 pt box.
    words, x = [], x0
    for piece in text.split():
        words.append(Word(piece, x, x + 5.0 * len(piece), top, top + 8.008, 8.008, False))
        x += 5.0 * len(piece) + 2.5
    return TextLine(words=words, text=text, x0=x0, x1=words[-1].x1, top=top, bottom=top + 8.008, size=8.008, bold=False)


def test_a_plain_ocr_line_pitch_is_no_paragraph_gap():
    # The tops Tesseract gave one action cell of a held-out matrix scan (pihlajavesi
    # grid A5, fin 300 dpi): 12.5 pt is a line, 15.8 pt a paragraph.
    tops = [351.48, 363.96, 375.72, 387.48, 399.48, 415.32, 427.32]
    texts = ["1) Varhaiskasvatuksen ja", "neuvolan yhteistä kasvun", "ja oppimisen tukea vah-", "vistetaan yhteisillä kon-",
             "sultaatioajoilla.", "2) Erityislastentarhan-", "opettajan konsultaatio"]
    out = cell_lines([ocr_line(t, 106.8, top) for t, top in zip(texts, tops)], ocr=True)
    assert [line.paragraph_start for line in out] == [True, False, False, False, False, True, False]


def test_a_gap_in_a_two_line_cell_is_judged_as_born_digital():
    assert not ocr_paragraph_gap(12.0, 8.008, [12.0], "1) Varhaiskasvatuksen ja", "neuvolan yhteistä kasvun")
    assert ocr_paragraph_gap(15.84, 8.008, [15.84], "sultaatioajoilla.", "2) Erityislastentarhan-")


def test_a_gap_the_wandering_tops_narrowed_counts_between_items_only():
    # sjovik-valfard grid @swe-300 (held-out matrix scan), one indicator cell's tops:
    # 13.2 pt lines, 16.8 pt before the second item (printed 17.2, under 1.25 x 13.2 + 1).
    pitches = [14.2, 13.2, 13.44, 16.8]
    assert ocr_paragraph_gap(16.8, 10.01, pitches, "samhet (%)", "Antal utlånade ut-")
    # the same pitch inside a sentence is a line whose top wandered
    assert not ocr_paragraph_gap(16.8, 10.01, pitches, "ja edistää", "kielellisesti vastuullista")


def test_a_two_line_cell_of_two_items_opened_by_dashes_is_two_items():
    # pihlajavesi borderless @fin-200-skew (held-out): "- Perusopetus" / "- koulukuraattorit",
    # pitch 14.84 pt on OCR size 9.0 (1.65 x, under 1.75 x), one pitch only: a gap
    assert ocr_paragraph_gap(14.84, 9.009, [14.84], "Perusopetus", "koulukuraattorit")
    # the same in a longer cell needs a text that allows a new item
    assert ocr_paragraph_gap(14.84, 9.009, [12.0, 14.84], "- Perusopetus", "- koulukuraattorit")
    assert not ocr_paragraph_gap(14.84, 9.009, [12.0, 14.84], "Perusopetus ja", "koulukuraattorit")
