"""OCR's glyph misreadings that are typography, not words, undone per printed line.

Tesseract reads an en dash as an em dash or a hyphen ("2024—" / "2025",
"2024-2025"), a line-end hyphen now and then twice ("Vesihuoltolai--"), and
drops the space after a suspended hyphen ("hyvinvointi-ja terveyserot").
Each fix is keyed to the characters around the glyph, never to a word, so it
holds for Finnish and Swedish alike; it runs only on text the extractor says
came from OCR (RawDocument.ocr).
"""

from __future__ import annotations

import re
from functools import lru_cache

from planparse.normalize.repair.language import function_words

_DASHES = "\u2014\u2012\u2013\u2212-"
# a number range cut at the line end: "2024—" -> "2024–" (the joiner closes "2024–" + "2025")
_RANGE_END = re.compile(r"(\d)\s?(?:[\u2014\u2012\u2212]|--)$")
# a year range inside a line: "2024-2025", "2024 — 2025" -> "2024–2025"
_YEAR_RANGE = re.compile(rf"\b((?:19|20)\d\d)\s?[{_DASHES}]{{1,2}}\s?((?:19|20)\d\d)\b")
# a doubled line-end hyphen after a letter: "Vesihuoltolai--", "Lönekartlägg- -" -> one hyphen
_DOUBLE_HYPHEN_END = re.compile(r"([^\W\d_])[-\u2014](?:\s?[-\u2014])+$")
# a letter, then an em dash at the line end: a hyphenation read as a dash
_EM_DASH_END = re.compile(r"([^\W\d_])\u2014$")


@lru_cache(maxsize=1)
def _glued_conjunction() -> re.Pattern[str]:
    """ "hyvinvointi-ja": a suspended hyphen whose space before the conjunction OCR lost."""
    words = function_words("suspended_before", "fi") | function_words("suspended_before", "sv")
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"([^\W\d_]{{2}})-({alternatives})(?=\s|$)")


def ocr_glyphs(line: str) -> str:
    """One printed line of OCR text with its dash and hyphen misreadings undone."""
    line = line.rstrip()
    line = _RANGE_END.sub("\\1\u2013", line)
    line = _DOUBLE_HYPHEN_END.sub("\\1-", line)
    line = _glued_conjunction().sub("\\1- \\2", line)
    return year_ranges(_EM_DASH_END.sub("\\1-", line))


def year_ranges(text: str) -> str:
    """ "2024-2025" and "2024 — 2025" in OCR text -> "2024–2025" (also after lines are joined)."""
    return _YEAR_RANGE.sub("\\1\u2013\\2", text)


_GLUED_TOKEN = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4)
def _glued_words(lang: str) -> tuple[str, ...]:
    """Conjunctions OCR glues to the word before ("palvelunja"), longest first."""
    return tuple(sorted(function_words("suspended_before", lang), key=len, reverse=True))


def split_glued(text: str, lang: str, is_word) -> tuple[str, int]:
    """ "palvelunja mahdolliset" -> "palvelun ja mahdolliset": a word the lexicon
    rejects that is a word it accepts followed by a conjunction is split.

    `is_word(word) -> bool | None` is the lexicon's; without one nothing changes.
    Returns the text and how many words were split.
    """
    conjunctions = _glued_words(lang)
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group(0)
        lower = token.lower()
        for conj in conjunctions:
            head = token[: -len(conj)]
            if lower.endswith(conj) and len(head) >= 3 and not is_word(token) and is_word(head):
                count += 1
                return f"{head} {token[-len(conj):]}"
        return token

    return _GLUED_TOKEN.sub(fix, text), count
