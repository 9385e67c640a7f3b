"""OCR words read out of a printed line's letters (issue 11, scan set H: kymenlaakso-lnp-hrules).

Tesseract read the dots of ä/ö/i and the ascenders of one printed line as a line
of its own ("ahi isö 5 5" over "Lähiyhteisön hyödyntä-", "i i" over "Lapsilta
kysyminen" at 300 dpi; "ja" half over "monialaisena" at 150 dpi).  In the white
between two list items it closed the gap that parts them, and two items of a
cell were read as one.  The crops in tests/scan_crops are the real characters
of those pages as pdf.scan.chars.unprinted.over_letters gets them (see their "source").
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_ocr_phantom_marks import _words

CROPS = Path(__file__).parent / "scan_crops"


def _chars(name: str) -> list[dict]:
    data = json.loads((CROPS / f"{name}.json").read_text(encoding="utf-8"))
    return [
        {"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "fontname": "GlyphLessFont", "size": bottom - top}
        for t, x0, x1, top, bottom in data["chars"]
    ]


def _texts(chars: list[dict]) -> list[str]:
    return [w[0] for w in _words(chars)]


def test_dots_and_ascenders_read_as_a_line_go() -> None:
    """fin-300 p. 7: the phantom lines over "Lähiyhteisön hyödyntä-" and "Lapsilta
    kysyminen" go; every printed word of the column stays."""
    from planparse.extractors.pdf.scan.chars.unprinted.over_letters import drop_over_letters

    chars = _chars("kymenlaakso-hrules-fin300-p7-over-letters")
    before = _texts(chars)
    for phantom in ("ahi", "isö", "5", "i"):
        assert phantom in before
    after = _texts(drop_over_letters(chars))
    for phantom in ("ahi", "isö", "5", "i"):
        assert phantom not in after
    printed = [w for w in before if w not in ("ahi", "isö", "5", "i", "|", ".", "=", "—")]
    assert [w for w in after if w in printed] == printed
    for word in ("Lähiyhteisön", "hyödyntä-", "Lapsilta", "kysyminen", "la", "ja"):
        assert word in after


def test_a_short_word_half_over_a_line_goes_and_one_lines_words_stay() -> None:
    """fin-150 p. 5: "ja" read half over "monialaisena" ("Perhe- ja lähisuhdeväki- /
    vallan ennaltaehkäisy / toimii monialaisena yh- / teistyönä") goes; "asiakkuudet ja tu-",
    whose first box Tesseract drew over the "ja" beside it on the same line, keeps
    its "ja"."""
    from planparse.extractors.pdf.scan.chars.unprinted.over_letters import drop_over_letters

    chars = _chars("kymenlaakso-hrules-fin150-p5-over-letters")
    words = _words(chars)
    kept = _words(drop_over_letters(chars))
    phantom = [w for w in words if w[0] == "ja" and 345 < w[1] < 346]
    assert len(phantom) == 1 and phantom[0] not in kept
    same_line = [w for w in words if w[0] == "ja" and 500 < w[1] < 502]
    assert len(same_line) == 1 and same_line[0] in kept
    assert "monialaisena" in [w[0] for w in kept]
    # the only other word that goes: an "N" 0.4 pt wide read over "massa" (the goal "Haasteelli- / sessa ase- / massa ole- / ...")
    assert [w for w in words if w not in kept] == [("N", 380.16, 284.25), phantom[0]]


def test_close_printed_lines_keep_their_words() -> None:
    """fin-200-skew p. 7: "kuule-" / "mis- ja palau-" / "tekäytäntöjä" set closer
    than their boxes are tall (a third of a box shared) are all printed."""
    from planparse.extractors.pdf.scan.chars.unprinted.over_letters import drop_over_letters

    chars = _chars("kymenlaakso-hrules-fin200-p7-close-lines")
    assert drop_over_letters(chars) == chars
    assert {"mis-", "ja", "palau-", "tekäytäntöjä"} <= set(_texts(chars))
