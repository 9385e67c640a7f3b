"""Words of an OCR text layer read in the order the engine wrote them (issue 11).

The character boxes are the real ones of Tesseract's text layer in
out/scans (jarvela-ilmasto@fin-150.pdf, page 2): the box of "voituksessa"
runs 6 pt into the "ja" after it, so sorting characters by position gave
"voituksessjaa".
"""

from __future__ import annotations

from planparse.extractors.pdf_settings import PdfSettings
from planparse.extractors.pdf_words import chars_to_words, make_line


def _chars(word: str, x0: float, width: float, top: float = 126.33) -> list[dict]:
    return [
        {"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top, "bottom": top + 9.0,
         "doctop": top, "upright": True, "size": 9.0, "fontname": "GlyphLessFont", "non_stroking_color": (0,)}
        for i, ch in enumerate(word)
    ]


# "voituksessa" 5.2 pt a letter from 220.32 (ends 277.52), "ja" 2.56 pt a letter from 271.2,
# "tonttien" from 285.12: no space character between the first two (PDFium made none up).
TESSERACT_LINE = _chars("voituksessa", 220.32, 5.2) + _chars("ja", 271.2, 2.56) + _chars("tonttien", 285.12, 3.57)


def test_sorted_by_position_the_overlapping_words_shuffle() -> None:
    assert [w.text for w in chars_to_words(TESSERACT_LINE)][0] == "voituksessjaa"


def test_ocr_words_in_text_flow_stay_whole_and_apart() -> None:
    words = chars_to_words(TESSERACT_LINE, flow=True)
    assert [w.text for w in words] == ["voituksessa", "ja", "tonttien"]
    assert words[0].x1 < words[1].x0  # the overshooting box is cut back before "ja"
    assert make_line(words, PdfSettings()).text == "voituksessa ja tonttien"


def test_text_flow_keeps_words_that_do_not_overlap() -> None:
    line = _chars("Otetaan", 100.0, 4.0) + _chars("käyttöön", 131.0, 4.0)
    words = chars_to_words(line, flow=True)
    assert [(w.text, w.x0, w.x1) for w in words] == [("Otetaan", 100.0, 128.0), ("käyttöön", 131.0, 163.0)]


def test_misread_bullet_on_a_skewed_line_is_a_bullet_again() -> None:
    """strandby-jamstalldhet@swe-200-skew.pdf p. 1: the "«" of a bullet sits 1.1 pt lower than
    the word after it, so sorting by rounded top put it after that word and it stayed "«"."""
    from planparse.extractors.pdf_raster import ocr_bullets
    from planparse.extractors.pdf_words import Word

    words = [
        Word("Introduktionsmaterialet", 160.1, 256.0, 283.6, 293.6, 10.0, False),
        Word("«", 153.7, 155.1, 284.7, 291.7, 10.0, False),
        Word("dag-", 100.2, 115.9, 284.0, 293.0, 9.0, False),  # the column to the left, a column gap away
        Word("för", 160.2, 172.0, 296.0, 306.0, 10.0, False),
    ]
    assert [w.text for w in ocr_bullets(words)] == ["Introduktionsmaterialet", "•", "dag-", "för"]
    glued = [Word("löne-", 140.0, 152.5, 284.0, 293.0, 9.0, False)] + words[:2]  # "«" inside a run of words
    assert [w.text for w in ocr_bullets(glued)][2] == "«"
