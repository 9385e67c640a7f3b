"""The contract's text rules and bullet markers.

Every text value leaves the normalizer through `clean_text`: Unicode NFC,
whitespace runs collapsed to one space, no leading or trailing space, and an
empty result becomes None.  Contract 1.1 adds: control characters (C0, C1),
bidirectional overrides and isolates, and zero-width characters are removed;
the controls Python counts as whitespace (tab, line feed, vertical tab, form
feed, carriage return, U+001C-001F, NEL) separate words like a space; a lone
surrogate (not encodable as UTF-8) becomes U+FFFD, so the output is always
valid UTF-8.  Bullet markers come from `planparse/data/bullets.yaml`
(planparse.common.glyphs).
"""

from __future__ import annotations

import re
import unicodedata

from planparse.common.glyphs import bullet_markers, glued_markers, long_markers

# Hyphens a line may end in when a word is broken there (not the en dash: a range or a dash).
LINE_END_HYPHENS = "-\u00ad\u2010\u2011\u2012"


# Removed from every text value: C0 controls but the whitespace ones (tab, LF, VT, FF, CR and the
# information separators U+001C-001F, which separate words: str.split() treats them so), DEL,
# C1 controls but NEL (a line break), soft hyphen, zero-width space/non-joiner/joiner,
# word joiner, BOM, bidi embeddings/overrides (U+202A-202E) and isolates (U+2066-2069).
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def remove_invisible(text: str, keep_soft_hyphens: bool = False) -> str:
    """`text` without the characters contract 1.1 removes, lone surrogates as U+FFFD.

    `keep_soft_hyphens` leaves U+00AD for the line-break repair, which reads a
    soft hyphen at a line end as a break hyphen before the text rules drop it.
    """
    if keep_soft_hyphens:
        text = "\u00ad".join(_INVISIBLE.sub("", part) for part in text.split("\u00ad"))
    else:
        text = _INVISIBLE.sub("", text)
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def clean_text(text: str | None) -> str | None:
    """Invisible characters removed, NFC, one space for every whitespace run, trimmed; '' -> None."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", remove_invisible(text))
    text = " ".join(text.split())  # str.split() splits at the same whitespace as re's \s; 4x faster than re.sub
    return text or None




_SIGNED_NUMBER = re.compile(r"^[-–]\s?\d[\d\s.,]*\s?(?:%|€|t€|m€)?$")


def split_bullet(text: str) -> tuple[str | None, str]:
    """(marker, rest) when `text` starts with a bullet marker, else (None, text).

    A marker counts when it is followed by whitespace; the markers listed as
    `glued` also count directly before a letter or digit ("•Tietoa").
    """
    markers, glued = bullet_markers(), glued_markers()
    stripped = text.lstrip()
    if not stripped:
        return None, text
    for marker in long_markers():
        if stripped.startswith(marker):  # an unmapped glyph, "(cid:127)"
            return marker, stripped[len(marker):].lstrip()
    first = stripped[0]
    if first in "-–" and _SIGNED_NUMBER.match(stripped):
        return None, text  # "- 10 %", "– 3,9": a minus sign before a lone number, not a bullet
    if first in markers and (len(stripped) == 1 or stripped[1].isspace()):
        return first, stripped[1:].lstrip()
    if first in glued and len(stripped) > 1:
        return first, stripped[1:].lstrip()
    return None, text


def strip_bullet(text: str) -> str:
    """`text` without a leading bullet marker."""
    return split_bullet(text)[1]


def ends_sentence(text: str) -> bool:
    """True when `text` ends like a finished sentence or item (., !, ?, :, ;, closing bracket)."""
    text = text.rstrip()
    return bool(text) and text[-1] in ".!?:;)]\"”»"


def ends_with_break_hyphen(text: str) -> bool:
    """True when `text` ends with a hyphen right after a letter (a word cut at the line end)."""
    text = text.rstrip()
    return len(text) > 1 and text[-1] in "-\u00ad\u2010\u2011" and text[-2].isalpha()
