"""Bullets that OCR read as letters, found by the column they stand in (extractors/pdf/scan/bullets.py).

The words are the ones Tesseract gave for the owner and action cells of the
held-out scan pihlajavesi-lapset-nuoret-grid@fin-300 (LibreOffice symbol
bullets, the text 17 pt right of the bullet): every item used to start with "e".
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns
from planparse.extractors.pdf.scan.marks import ocr_bullets
from planparse.extractors.pdf.words import Word


def word(text: str, x0: float, x1: float, yc: float, size: float = 9.0) -> Word:
    return Word(text, x0, x1, yc - 4.5, yc + 4.5, size, False)


OWNER_CELL = [
    word("2025", 246.7, 263.8, 117.6),
    word("e", 451.9, 453.6, 117.6),
    word("Vapaa-aika-", 470.2, 519.0, 117.6),
    word("palvelut", 470.6, 500.5, 131.3),
    word("e", 451.9, 453.6, 144.5),
    word("—", 463.0, 465.0, 144.5),
    word("kirjasto", 470.6, 497.7, 144.5),
    word("e", 451.9, 453.6, 157.7),
    word("urheiluseurat", 470.6, 523.5, 157.7),
    word("*", 453.0, 454.2, 220.3),  # the same bullet read as "*", item in lower case
    word("neuvolapal-", 470.6, 517.1, 220.3),
    word("e", 454.3, 454.8, 304.6),  # a dot's box drifts by two points
    word("—Varhaiskasvatuksen", 470.6, 554.4, 304.6),  # the indent's white glued on as a dash
]


def texts(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: (round(w.yc), w.x0))]


def test_a_column_of_misread_bullets_becomes_bullets() -> None:
    out = ocr_bullet_columns(ocr_bullets(OWNER_CELL))
    assert texts(out) == [
        "2025", "•", "Vapaa-aika-", "palvelut", "•", "kirjasto", "•", "urheiluseurat",
        "•", "neuvolapal-", "•", "Varhaiskasvatuksen",
    ]


def test_the_line_test_alone_misses_them() -> None:
    # the old per-line rule wants the text within 1.5 font sizes and capitalised: none of these pass
    assert [w.text for w in ocr_bullets(OWNER_CELL) if w.text == "•"] == []


def test_a_lone_glyph_or_a_glyph_inside_a_line_stays_a_letter() -> None:
    words = [
        word("e", 451.9, 453.6, 117.6), word("kirjasto", 470.6, 497.7, 117.6),  # one line only: no column
        word("vitamiini", 300.0, 330.0, 140.0), word("e", 333.0, 335.0, 140.0), word("ja", 470.6, 480.0, 140.0),
        word("vitamiini", 300.0, 330.0, 160.0), word("e", 333.0, 335.0, 160.0), word("ja", 470.6, 480.0, 160.0),
    ]
    assert texts(ocr_bullet_columns(words)) == texts(words)


def test_text_starting_at_different_indents_is_no_bullet_column() -> None:
    words = [
        word("o", 100.0, 104.0, 100.0), word("Alku", 110.0, 130.0, 100.0),
        word("o", 100.0, 104.0, 120.0), word("Toinen", 125.0, 150.0, 120.0),
    ]
    assert texts(ocr_bullet_columns(words)) == texts(words)


# vake-osallisuus-frame@eng-150.pdf (scan set L, /work/scans-held21) p. 5, the owners cells of two rows
# as the reader has them: each list's first bullet read as "¢", its second as "e"; Tesseract boxes the
# first item's "K" 4.3 pt right of the second item's "H" (or of the "—" it read from the indent's white),
# though the image prints them at one x.  Left a letter, the "e" hid the list's end ("e Hyte-tehtavaalue").
TWO_OWNER_LISTS = [
    Word("¢", 473.8, 475.7, 167.8, 177.8, 10.0, False),
    Word("Kokonaiskoordinointi", 496.8, 584.1, 167.8, 177.8, 10.0, False),
    Word("e", 473.8, 475.7, 182.7, 192.7, 10.0, False),
    Word("—Hyte-tehtavaalue", 492.5, 562.3, 182.7, 192.7, 10.0, False),
    Word("Kaikki", 474.2, 499.3, 197.1, 207.1, 10.0, False),
    Word("toimialat", 506.9, 541.4, 197.1, 207.1, 10.0, False),
    Word("¢", 473.8, 475.7, 240.8, 250.8, 10.0, False),
    Word("Kokonaiskoordinointi", 496.8, 584.1, 240.8, 250.8, 10.0, False),
    Word("e", 473.8, 475.7, 255.2, 265.2, 10.0, False),
    Word("Hyte-tehtavaalue", 492.5, 562.1, 255.2, 265.2, 10.0, False),
]


def test_a_first_letter_boxed_a_few_points_off_keeps_its_bullet_in_the_column() -> None:
    out = ocr_bullet_columns(ocr_bullets(TWO_OWNER_LISTS))
    assert texts(out) == [
        "•", "Kokonaiskoordinointi", "•", "Hyte-tehtavaalue", "Kaikki", "toimialat",
        "•", "Kokonaiskoordinointi", "•", "Hyte-tehtavaalue",
    ]
