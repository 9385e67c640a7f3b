"""Document language, Finnish or Swedish, from its own words.

Counts very common function words of each language (and the letter å, which
Finnish does not use); ties go to Finnish, the language of most plans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FI = {"ja", "on", "tai", "sekä", "ovat", "että", "kanssa", "tavoite", "tavoitteet", "toimenpiteet", "vastuutaho",
       "mittari", "aikataulu", "kaupungin", "palvelut", "myös", "ei", "se", "ne", "kunnan", "eri", "osana"}
_SV = {"och", "är", "att", "för", "med", "som", "eller", "av", "till", "på", "det", "en", "ett", "mål", "åtgärder",
       "ansvar", "uppföljning", "staden", "kommunen", "inom", "samt", "de", "har", "om"}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: Iterable[str]) -> str:
    """'fi' or 'sv' for the given texts (headers and body alike)."""
    fi = sv = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if word in _FI:
                fi += 1
            elif word in _SV:
                sv += 1
            if "å" in word:
                sv += 1
    return "sv" if sv > fi else "fi"
