"""Bold told from the ink, whatever the height of Tesseract's word boxes (issue 11, scan set E).

vake-osallisuus-frame@fin-150 p. 2 (8 pt Helvetica-like text, a table framed only round
its outside): Tesseract gave some words a 12 pt box, the letters in its lower half (the
box starts some 6 pt over the ascenders), and others a 7-8 pt box fitted to the letters
("Viestintä", "tavuutta", "esteettömiä ja saavutettavia").  Weighed on the middle half of
its box, a fitted word held its x-height only and came out twice as heavy as the rest: a
dozen regular lines were bold, and each split its cell (and made a row) where the weight
changed -- 32 records for 25.  The page here is drawn with Liberation Sans at the scan's
150 dpi, and the boxes stand on the letters as Tesseract's did there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_ocr_bold import _bold_words  # the words a page reads as bold

FONTS = Path("/usr/share/fonts/truetype/liberation2")
REGULAR, BOLD = FONTS / "LiberationSans-Regular.ttf", FONTS / "LiberationSans-Bold.ttf"
DPI = 150
SIZE = 8.0
PITCH = 9.6  # points between the lines of a cell, as on the scan

pytestmark = pytest.mark.skipif(not BOLD.exists(), reason="fonts-liberation2 not installed (.ci/run installs it)")

CELLS = [  # the Toimenpide column of the page, line by line
    "Verkkosivuja ja Chatbotia ke-",
    "hitetään yhteistyössä muiden",
    "toimijoiden ja asiakkaiden",
    "Digitaalisten viestintäkanavien",
    "saavutettavuutta kehitetään",
    "Tietoa jaetaan monikanavai-",
    "sesti: Tietoa jaetaan verkkosi-",
    "Keskeisin tieto tuotetaan sel-",
    "kokielelle.",
    "Sujuvoitetaan yhteydenotto- ja",
    "takaisinsoittokäytäntöjä sekä",
    "parannetaan ensiaikojen saa-",
    "tavuutta",
    "Hyvinvointialueella käytetään",
    "esteettömiä ja saavutettavia",
    "tiloja toiminnan järjestämistä",
    "varten",
]
FITTED = {"Keskeisin tieto tuotetaan sel-", "kokielelle.", "tavuutta", "esteettömiä ja saavutettavia", "varten"}


def _page(lines: list[tuple[str, Path, bool]]):
    """The page image (ink as a boolean array) and OCR-like characters, each line's words
    boxed as Tesseract boxed them: fitted (7.5 pt from just over the letters) or tall
    (12 pt, from 6 pt over the letters down to the baseline)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    scale = DPI / 72
    image = Image.new("L", (round(420 * scale), round(595 * scale)), 255)
    draw = ImageDraw.Draw(image)
    font_px = round(SIZE * scale)
    chars: list[dict] = []
    for k, (text, font_file, fitted) in enumerate(lines):
        font = ImageFont.truetype(str(font_file), font_px)
        y = 60.0 + PITCH * k
        x = 125.0
        ink_top = y + font.getbbox("H")[1] / scale  # where the capitals and ascenders start
        baseline = y + font.getmetrics()[0] / scale
        top, bottom = (ink_top - 0.9, ink_top + 6.6) if fitted else (ink_top - 6.0, baseline + 0.2)
        for word in text.split():
            left, _t, right, _b = draw.textbbox((x * scale, y * scale), word, font=font)
            draw.text((x * scale, y * scale), word, font=font, fill=0)
            x0, x1 = left / scale, right / scale
            step = (x1 - x0) / len(word)
            for i, ch in enumerate(word):
                chars.append({"text": ch, "x0": x0 + i * step, "x1": x0 + (i + 1) * step, "top": top, "bottom": bottom, "fontname": "GlyphLessFont"})
            chars.append({"text": " ", "x0": x1, "x1": x1 + SIZE / 4, "top": top, "bottom": bottom, "fontname": "GlyphLessFont"})
            x = x1 + SIZE / 4
    return chars, np.asarray(image) < 150, scale


def test_regular_words_in_fitted_boxes_are_not_bold() -> None:
    """Regular lines whose boxes fit their letters, among lines whose boxes reach far
    above them, stay regular: their weight is taken on the x-height rows of their ink."""
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    chars, ink, scale = _page([(text, REGULAR, text in FITTED) for text in CELLS])
    assert _bold_words(mark_bold(chars, ink, scale)) == []


def test_a_bold_head_in_a_fitted_box_is_still_bold() -> None:
    """The table's bold head, boxed like the rest, is bold; the regular lines under it
    (some in fitted boxes) are not."""
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    lines = [("Toimenpide Toimeenpano- ja raportointivastuu", BOLD, True)]
    lines += [(text, REGULAR, text in FITTED) for text in CELLS]
    chars, ink, scale = _page(lines)
    assert _bold_words(mark_bold(chars, ink, scale)) == ["Toimenpide", "Toimeenpano-", "ja", "raportointivastuu"]


# --- OCR sizes set on the box's bottom ---------------------------------------------------


def test_words_of_one_printed_line_keep_one_top_whatever_their_box_height() -> None:
    """vake-osallisuus-frame@fin-150 p. 2, the row "Sujuvoitetaan yhteydenotto- ja | Kaikki
    toimialat | Sovitut tavoitteet" as settle_on_ink left it: one bottom (286.3, the ink's
    baseline), boxes 12 pt tall beside 7 pt fitted ones.  Set about their centres at the
    body size, "Sovitut tavoitteet" stood 2.5 pt under "Sujuvoitetaan", was not level with
    the row's start and went to the row above; set on their bottoms they stand level."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.words import Word

    boxes = [  # text, x0, x1, top (box bottom 286.3 for all), Tesseract's size
        ("Sujuvoitetaan", 125.3, 176.0, 274.3, 12.0),
        ("yhteydenotto-", 180.0, 226.0, 274.3, 12.0),
        ("Kaikki", 242.9, 265.0, 279.3, 8.0),
        ("toimialat", 268.0, 301.0, 279.3, 8.0),
        ("Sovitut", 306.2, 332.0, 279.3, 7.0),
        ("tavoitteet", 334.6, 361.8, 279.3, 7.0),
    ]
    words = [Word(text, x0, x1, top, 286.3, size, False) for text, x0, x1, top, size in boxes]
    words += [Word("takaisinsoittokäytäntöjä", 124.8, 211.0, 283.9, 295.9, 12.0, False)]  # the next line
    out = even_ocr_sizes(words)
    tops = {round(w.top, 1) for w in out[:6]}
    assert len(tops) == 1  # one printed line, one top
    assert all(w.bottom == 286.3 for w in out[:6])
    assert len({w.size for w in out}) == 1  # body text: one size from the letters' widths
    assert out[6].top > out[0].top + 0.8 * out[0].size  # the next line stays a line lower


# --- a speck glued to one of two words is no heading ------------------------------------


def test_a_two_word_line_widened_by_a_glued_speck_stays_body_text() -> None:
    """strandby-jamstalldhet-borderless@swe-200-skew p. 1: the last line of an item in
    the Uppföljning column, '"har åtgärdats', the speck before "har" read as a quote mark
    and Tesseract's box 10 pt tall.  Its letters' width, the wider of the two words', made
    it a heading, the table ended there and two rows were lost.  Measured without the
    word the mark is glued to, the line is body text."""
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.words import Word

    body = [  # lines of the page above it, as planparse read them
        ("Barn", 51.7, 66.4, 235.8, 10.0), ("elever", 90.3, 110.9, 236.2, 10.0), ("bemöts", 116.9, 141.3, 236.5, 10.0),
        ("kön,", 107.4, 120.6, 250.7, 9.0), ("språk,", 127.2, 147.2, 250.9, 9.0), ("sprung", 51.4, 74.3, 262.1, 11.0),
        ("trakasserier", 51.5, 93.3, 418.6, 10.0), ("eller", 99.7, 114.1, 418.5, 10.0),
        ("mobbning", 119.9, 156.0, 418.7, 10.0), ("minering", 199.4, 231.1, 419.5, 9.0),
        ("kränkande", 254.8, 291.8, 419.4, 9.0), ("behandling.", 298.7, 341.0, 419.9, 9.0),
        ("elevhälsan", 456.5, 494.5, 419.6, 9.0), ("Antal", 566.3, 584.3, 423.9, 9.0),
        ("anmälda", 591.1, 620.4, 423.3, 9.0), ("fall", 627.5, 637.5, 423.7, 9.0),
    ]
    words = [Word(t, x0, x1, top, top + size, size, False) for t, x0, x1, top, size in body]
    words += [Word('"har', 558.5, 577.0, 435.9, 446.1, 10.0, False), Word("åtgärdats", 584.1, 616.5, 436.2, 446.5, 10.0, False)]
    out = even_ocr_sizes(words)
    assert {w.size for w in out[-2:]} == {out[0].size}  # body size, like the lines above
