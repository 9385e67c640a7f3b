"""OCR's word misreadings undone by the lexicon, on OCR text only (RawDocument.ocr).

Tesseract reads a letter as its look-alike now and then ("Kaupunoin" for
Kaupungin, "Vieraslaiitalkoiden" for Vieraslajitalkoiden), adds one
("Newuvonta"), mixes case inside a word ("OSuus", "OSUUS" in running text),
and reads signs as digits ("(96)" for "(%)", "m?" for "m²").  A word the
lexicon rejects is tried with one, then two, of the confusions in
`data/ocr_confusions.yaml`; the reading the lexicon accepts replaces it when
there is one clear best (the most common form by the frequency list, fewest
changes first).  Words the lexicon accepts are never touched (except their
case), nor are short words, numbers, codes and names written in camel case.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from planparse.common.datafile import load_yaml

from planparse.normalize.repair.lexicon import Lexicon

MIN_LENGTH = 5  # shorter words have too many look-alike readings to choose from
MAX_EDITS = 2
MIN_CAPS_WORD = 5  # an all-capital word this long in lower-case text is a misread case, not an acronym
_TOKEN = re.compile(r"[^\W\d_]+")
_MIXED_CASE = re.compile(r"^[A-ZÅÄÖ]{2,}[a-zåäö]{2,}$")  # "OSuus": a capital too many


@lru_cache(maxsize=1)
def confusion_data() -> dict:
    path = resources.files("planparse.normalize").joinpath("data/ocr_confusions.yaml")
    return load_yaml(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _letters() -> tuple[tuple[str, str], ...]:
    return tuple((src, dst) for src, dsts in confusion_data()["letters"].items() for dst in dsts)


@lru_cache(maxsize=1)
def _signs() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in confusion_data()["signs"])


def repair_signs(text: str) -> tuple[str, int]:
    """Signs OCR read as digits or punctuation put back ("(96)" -> "(%)", "1 000 m?" -> "1 000 m²")."""
    count = 0
    for pattern, replacement in _signs():
        text, n = pattern.subn(replacement, text)
        count += n
    return text, count


def _edits(token: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every confusion that applies somewhere in `token`."""
    out = []
    for src, dst in _letters():
        start = token.find(src)
        while start >= 0:
            out.append((start, start + len(src), dst))
            start = token.find(src, start + 1)
    return out


def _apply(token: str, edits: tuple[tuple[int, int, str], ...]) -> str | None:
    parts, cursor = [], 0
    for start, end, dst in sorted(edits):
        if start < cursor:
            return None  # overlapping edits
        parts += [token[cursor:start], dst]
        cursor = end
    return "".join(parts) + token[cursor:]


def misread_candidates(token: str, max_edits: int = MAX_EDITS) -> list[tuple[int, str]]:
    """(number of confusions undone, reading) for one and two confusions, the token excluded."""
    edits = _edits(token)
    out: list[tuple[int, str]] = []
    seen = {token}
    for n in range(1, max_edits + 1):
        for combo in itertools.combinations(edits, n):
            cand = _apply(token, combo)
            if cand and cand not in seen and cand[:1] and (cand[0].isupper() == token[0].isupper()):
                seen.add(cand)
                out.append((n, cand))
    return out


@lru_cache(maxsize=50_000)
def repair_misread(token: str, lexicon: Lexicon) -> str:
    """The lexicon's reading of one word OCR misread, or the word itself."""
    if len(token) >= MIN_INNER_CAPITAL and _same_shape_inside(token, _DOTTED) and lexicon.is_word(token.lower()):
        return token.lower()  # "kÖn", "lÄromedel": a frequency list knows words in any case
    if len(token) < MIN_LENGTH or lexicon.is_word(token) is not False:
        return token
    if _MIXED_CASE.match(token):
        fixed = token[0] + token[1:].lower()
        return fixed if lexicon.is_word(fixed) else token
    if any(ch.isupper() for ch in token[1:]):
        fixed = token[0] + token[1:].lower()
        if _same_shape_inside(token) and lexicon.is_word(fixed):
            return fixed  # "apteekKipalvelu": a k printed a size too big, not camel case
        return token  # camel case (InfoFinlandin) or capitals: a name or code, not a misread word
    for n in range(1, MAX_EDITS + 1):
        found = {cand for k, cand in misread_candidates(token, n) if k == n and lexicon.is_word(cand)}
        if not found:
            continue
        ranked = sorted(((lexicon.zipf(c), c) for c in found), reverse=True)
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return token  # two readings equally likely: left as printed rather than guessed
        return ranked[0][1]
    return token


def repair_misreads(
    text: str,
    lexicon: Lexicon,
    is_proper_noun: Callable[[str], bool | None] | None = None,
    printed: Callable[[str], int] | None = None,
    restore: Callable[[str], str] | None = None,
) -> tuple[str, int]:
    """`text` (OCR) with misread words and signs repaired; returns (text, number of repairs).

    Case is judged by the words around: a word OCR printed with a capital too
    many ("OSuus") or all in capitals ("OSUUS") between lower-case words is
    written in lower case when the lexicon knows it so and it is no name.
    `printed(form)` (how often the document prints that exact form) lets the
    document judge the letters whose capital has the small letter's shape
    ("päätösten Osuus" where it prints "osuus" more often; "LNPSos" / "LNPsos").
    `restore(word)` gives a word the lexicon rejects as the document prints it
    elsewhere with a letter OCR lost (see ocr_evidence.LostLetters).
    """
    if lexicon.backend == "none" or not text:
        return text, 0
    text, changed = repair_signs(text)
    tokens = list(_TOKEN.finditer(text))
    parts: list[str] = []
    cursor = 0
    for k, match in enumerate(tokens):
        token = match.group(0)
        new = repair_misread(token, lexicon)
        prev = tokens[k - 1].group(0) if k else ""
        nxt = tokens[k + 1].group(0) if k + 1 < len(tokens) else ""
        between = text[tokens[k - 1].end() : match.start()] if k else ""
        in_sentence = prev.islower() and not any(ch in between for ch in ".!?:;•")
        case_misread = (bool(_MIXED_CASE.match(token)) or token[0] == "I" and new[0] == "L") and new != token
        if in_sentence and new != new.lower() and (
            case_misread or _all_caps_misread(token, nxt, lexicon, is_proper_noun) or (not between.strip() and _printed_small(new, printed))
        ):
            new = new.lower()
        elif new == token and printed is not None:
            new = _printed_case(token, printed)
            if new == token and restore is not None and lexicon.is_word(token) is False:
                new = restore(token)
        if new != token:
            changed += 1
        parts += [text[cursor : match.start()], new]
        cursor = match.end()
    parts.append(text[cursor:])
    return "".join(parts), changed


def _all_caps_misread(token: str, nxt: str, lexicon: Lexicon, is_proper_noun: Callable[[str], bool | None] | None) -> bool:
    """ "saajien OSUUS on": a long all-capital word between lower-case words that the lexicon
    knows in lower case, as no name: OCR's case, not the writer's acronym."""
    if len(token) < MIN_CAPS_WORD or not token.isupper() or not (nxt.islower() or not nxt):
        return False
    lower = token.lower()
    return bool(lexicon.is_word(lower)) and (is_proper_noun is None or is_proper_noun(lower) is False)


# letters whose capital is the small letter a size bigger: at 8-9 pt OCR tells them by height alone
_SAME_SHAPE = frozenset("CKOSVWXZÖ")


# ä and å whose dots Tesseract `eng` takes for a capital's height ("lÄromedel", set H)
_DOTTED = frozenset("ÄÅ")
MIN_INNER_CAPITAL = 3  # "kÖn": one capital between small letters is no acronym even in a short word


def _same_shape_inside(token: str, also: frozenset[str] = frozenset()) -> bool:
    """ "apteekKipalvelu", "uppsÖkande": capitals inside a small-letter word, all of the same-shape
    kind (or of `also`)."""
    inner = [ch for ch in token[1:] if ch.isupper()]
    return bool(inner) and all(ch in _SAME_SHAPE or ch in also for ch in inner) and token[0].islower()


def _printed_small(token: str, printed: Callable[[str], int] | None) -> bool:
    """ "päätösten Osuus": a same-shape capital opening a word in the middle of a sentence,
    where the document prints the word in small letters more often than so."""
    if printed is None or len(token) < 2 or token[0] not in _SAME_SHAPE or not token[1:].islower():
        return False
    return printed(token.lower()) > printed(token)


def _printed_case(token: str, printed: Callable[[str], int]) -> str:
    """ "LNPSos" -> "LNPsos": a word with same-shape capitals after its first letter that the
    document prints more often with some of them small."""
    spots = [i for i, ch in enumerate(token) if i and ch in _SAME_SHAPE]
    if not spots or len(spots) > 3:
        return token
    best, best_n = token, printed(token)
    for k in range(1, len(spots) + 1):
        for combo in itertools.combinations(spots, k):
            cand = "".join(ch.lower() if i in combo else ch for i, ch in enumerate(token))
            n = printed(cand)
            if n > best_n:
                best, best_n = cand, n
    return best

