"""OCR's glyph misreadings that are typography, not words, undone per printed line.

Tesseract reads an en dash as an em dash or a hyphen ("2024—" / "2025",
"2024-2025"), and a line-end hyphen now and then twice ("Vesihuoltolai--").
Each fix is keyed to the characters around the glyph, never to a word, so it
holds for Finnish and Swedish alike; it runs only on text the extractor says
came from OCR (RawDocument.ocr).
"""

from __future__ import annotations

import re

_DASHES = "\u2014\u2012\u2013\u2212-"
# a number range cut at the line end: "2024—" -> "2024–" (the joiner closes "2024–" + "2025")
_RANGE_END = re.compile(r"(\d)\s?(?:[\u2014\u2012\u2212]|--)$")
# a year range inside a line: "2024-2025", "2024 — 2025" -> "2024–2025"
_YEAR_RANGE = re.compile(rf"\b((?:19|20)\d\d)\s?[{_DASHES}]{{1,2}}\s?((?:19|20)\d\d)\b")
# a doubled line-end hyphen after a letter: "Vesihuoltolai--" -> "Vesihuoltolai-"
_DOUBLE_HYPHEN_END = re.compile(r"([^\W\d_])[-\u2014]{2,}$")
# a letter, then an em dash at the line end: a hyphenation read as a dash
_EM_DASH_END = re.compile(r"([^\W\d_])\u2014$")


def ocr_glyphs(line: str) -> str:
    """One printed line of OCR text with its dash and hyphen misreadings undone."""
    line = line.rstrip()
    line = _RANGE_END.sub("\\1\u2013", line)
    line = _DOUBLE_HYPHEN_END.sub("\\1-", line)
    return year_ranges(_EM_DASH_END.sub("\\1-", line))


def year_ranges(text: str) -> str:
    """ "2024-2025" and "2024 — 2025" in OCR text -> "2024–2025" (also after lines are joined)."""
    return _YEAR_RANGE.sub("\\1\u2013\\2", text)
