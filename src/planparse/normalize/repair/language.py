"""Document language, Finnish or Swedish, from its own words.

Counts very common function words of each language (`data/function_words.yaml`,
and the letter å, which Finnish does not use); ties go to Finnish, the
language of most plans.  The other word lists of that file are read here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from planparse.common.datafile import load_yaml

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _function_word_lists() -> dict[str, dict[str, str]]:
    path = resources.files("planparse.normalize").joinpath("data/function_words.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def function_words(kind: str, lang: str) -> frozenset[str]:
    """One word list of `data/function_words.yaml`: `kind` is "language",
    "ocr_markers" or "suspended_before"; empty for a language it does not list."""
    return frozenset(_function_word_lists()[kind].get(lang, "").split())


def detect_language(texts: Iterable[str]) -> str:
    """'fi' or 'sv' for the given texts (headers and body alike)."""
    fi_words, sv_words = function_words("language", "fi"), function_words("language", "sv")
    fi = sv = 0
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if word in fi_words:
                fi += 1
            elif word in sv_words:
                sv += 1
            if "å" in word:
                sv += 1
    return "sv" if sv > fi else "fi"
