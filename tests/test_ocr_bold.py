"""Bold OCR words told by their strokes in the page image (issue 11, held-out scan set D).

pihlajavesi-lapset-nuoret-frame (a table framed only round its outside, its bold
header row right above the first data row at the usual line pitch) lost every
record on every scan: the text layer is all one regular font, so nothing parted
the header from the first row.  The page here is drawn with Liberation Serif, as
LibreOffice printed that plan, and its word boxes are the fonts' own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FONTS = Path("/usr/share/fonts/truetype/liberation2")
REGULAR, BOLD = FONTS / "LiberationSerif-Regular.ttf", FONTS / "LiberationSerif-Bold.ttf"
DPI = 150

pytestmark = pytest.mark.skipif(not BOLD.exists(), reason="fonts-liberation2 not installed (.ci/run installs it)")

BODY = [
    "I. Perheet saavat tukea oikea- Perhekeskuksen palveluohjaus kootaan yh- 2025",
    "aikaisesti ja ilman viivettä teen puhelinnumeroon ja sähköiseen asiointi-",
    "kanavaan. Neuvolan perhevalmennukseen lisätään van- Perhekeskus",
    "hemmuuden ja parisuhteen tuen teemailtoja. neuvolapalvelut",
    "Kotipalvelua tarjotaan lapsiperheille matalalla 2025–2026 Hyvinvointialueen",
    "kynnyksellä ilman lastensuojelun asiakkuutta. Lapsiperheiden kotipalvelun",
    "Varhaiskasvatuksen ja neuvolan yhteistä kas- syksy 2025 Varhaiskasvatus",
    "vun ja oppimisen tukea vahvistetaan yhteisillä konsultaatiojoilla.",
    "II. Koulujen oppilashuolto toimii yhtenäisesti HR-enheten ja ennalta-",
]


def _page(lines: list[tuple[str, Path, float, float]]):
    """The drawn page image (ink as a boolean array) and OCR-like characters: each
    word's letters share its box, evenly wide, in the points of a 842 x 595 page."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    scale = DPI / 72
    image = Image.new("L", (round(842 * scale), round(595 * scale)), 255)
    draw = ImageDraw.Draw(image)
    chars: list[dict] = []
    for text, font_file, size, top in lines:
        font = ImageFont.truetype(str(font_file), round(size * scale))
        x = 51.0
        for word in text.split():
            left, _t, right, _b = draw.textbbox((x * scale, top * scale), word, font=font)
            draw.text((x * scale, top * scale), word, font=font, fill=0)
            x0, x1 = left / scale, right / scale
            step = (x1 - x0) / len(word)
            for i, ch in enumerate(word):
                chars.append({"text": ch, "x0": x0 + i * step, "x1": x0 + (i + 1) * step, "top": top, "bottom": top + size, "fontname": "GlyphLessFont"})
            chars.append({"text": " ", "x0": x1, "x1": x1 + size / 4, "top": top, "bottom": top + size, "fontname": "GlyphLessFont"})
            x = x1 + size / 4
    return chars, np.asarray(image) < 150, scale


def _bold_words(chars: list[dict]) -> list[str]:
    from planparse.extractors.pdf.words import is_bold

    words, current = [], ""
    for c in chars + [{"text": " ", "fontname": ""}]:
        if c["text"].strip() and is_bold(c["fontname"]):
            current += c["text"]
        elif current:
            words.append(current)
            current = ""
    return words


def test_a_bold_header_row_over_regular_rows_is_bold_and_nothing_else() -> None:
    """The header words come out bold; the body lines under it (one of them with a word
    of capitals, heavier than small letters) and a large regular title stay regular."""
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    lines = [("Pihlajaveden kunnan lasten ja nuorten hyvinvointisuunnitelma", REGULAR, 18.0, 40.0)]
    lines.append(("Painopiste Toimenpiteet Toteutusaika Vastuutaho(t) Seurannan mittarit", BOLD, 11.0, 139.5))
    lines += [(text, REGULAR, 11.0, 154.0 + 14.4 * k) for k, text in enumerate(BODY)]
    chars, ink, scale = _page(lines)
    marked = mark_bold(chars, ink, scale)
    assert _bold_words(marked) == ["Painopiste", "Toimenpiteet", "Toteutusaika", "Vastuutaho(t)", "Seurannan", "mittarit"]
    assert [c["text"] for c in marked] == [c["text"] for c in chars]  # only the font names change


def test_a_page_all_in_one_weight_has_no_bold() -> None:
    """With nothing heavier than the body text, no word is bold (the usual weight is the
    page's median, so a page of body text alone marks nothing)."""
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    chars, ink, scale = _page([(text, REGULAR, 11.0, 100.0 + 14.4 * k) for k, text in enumerate(BODY + BODY)])
    assert _bold_words(mark_bold(chars, ink, scale)) == []
