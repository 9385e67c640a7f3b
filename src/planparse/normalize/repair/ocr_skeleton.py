"""OCR-lost ä/ö/å that the letter-for-letter map cannot reach, found through the word list.

Tesseract's `eng` model prints a lost ä not only as `a` or `d` but as `i`,
`ii`, `ia`, `aé` or nothing at all (`ennaltaehkaisevisti`, `yhteniisesti`,
`viedaain`, `jarjestmiseen`), and two of them as one glyph (`yhdistetén`).
Enumerating those readings letter by letter explodes; instead the frequency
list is indexed by each word's *skeleton* (the word without the letters OCR
confuses with ä/ö/å: a, ä, å, o, ö, i, d, b, digits and accented look-alikes),
the damaged token's skeleton looks up the words it may have been, and a
weighted edit distance, cheap for the known confusions and dear for anything
else, picks the closest (then the most common).  Only a word the lexicon
rejects is looked up, only a candidate the lexicon accepts is taken, and an
edit outside the confusions is never allowed: `kotikaynrit` stays as printed.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from planparse.normalize.repair.lexicon import Lexicon, _load_freq

# letters dropped from the skeleton: the vowels OCR confuses with ä/ö/å and their look-alikes
_CONFUSABLE = "aäåoöidbéèáàôó60"
_DROP = str.maketrans("", "", _CONFUSABLE)
_RESTORED = {"ä": "aäådiéèáàe", "ö": "oödé6b0èô", "å": "aäåáà"}  # target letter -> OCR glyphs it is read as
_EXTRA = "iaéèd6o0"  # glyphs OCR prints as a second piece of one ä/ö
CHEAP_SUB = 0.3  # a restored letter read as its look-alike (a for ä)
CHEAP_DROP = 0.6  # a restored letter OCR dropped altogether
CHEAP_EXTRA = 0.4  # an extra look-alike glyph printed with one (ii, aé for ä)
MAX_COST = 1.6
MIN_SKELETON = 3  # a shorter skeleton matches too many words
MIN_ZIPF = 1.0


@lru_cache(maxsize=4)
def _index(lang: str) -> dict[str, tuple[str, ...]]:
    """Skeleton -> the frequency list's words with that skeleton that have a restored letter."""
    table: dict[str, list[str]] = defaultdict(list)
    for word, freq in _load_freq(lang).items():
        if ("ä" in word or "ö" in word or "å" in word) and freq >= 1e-8 and word.isalpha():  # zipf >= 1
            table[word.translate(_DROP)].append(word)
    return {k: tuple(v) for k, v in table.items()}


def _extra(glyph: str) -> float:
    """Cost of a glyph OCR printed beyond the page's letters: cheap for a piece of a split ä/ö (ii, aé)."""
    return CHEAP_EXTRA if glyph in _EXTRA else 9.0


def _cost(printed: str, word: str) -> float:
    """Edit distance from `word` (the page) to `printed` (OCR), cheap only for lost ä/ö/å."""
    n, m = len(word), len(printed)
    prev = [j * 1.0 for j in range(m + 1)]
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _extra(printed[j - 1])
    for i in range(1, n + 1):
        w = word[i - 1]
        drop = CHEAP_DROP if w in _RESTORED and i > 1 else 9.0  # a first letter is never dropped unseen
        cur = [prev[0] + drop] + [0.0] * m
        for j in range(1, m + 1):
            p = printed[j - 1]
            if p == w:
                sub = 0.0
            elif w in _RESTORED and p in _RESTORED[w]:
                sub = CHEAP_SUB
            else:
                sub = 9.0
            cur[j] = min(prev[j - 1] + sub, prev[j] + drop, cur[j - 1] + _extra(p))
        prev = cur
    return prev[m]


def skeleton_repair(token: str, lexicon: Lexicon) -> str | None:
    """The word `token` (rejected by the lexicon) most likely was before OCR lost its ä/ö/å, or None."""
    lower = (token[:1] + token[1:].replace("G", "6")).lower()  # an ö read as a capital G inside a word (kiytt6Gn)
    key = lower.translate(_DROP)
    if len(key) < MIN_SKELETON or not lexicon.has_freq:
        return None
    best: tuple[float, float, str] | None = None
    for word in _index(lexicon.lang).get(key, ()):
        cost = _cost(lower, word)
        if cost > MAX_COST:
            continue
        if lexicon.has_spellchecker and not lexicon.is_word(word):
            continue
        rank = (round(cost, 2), -lexicon.zipf(word), word)
        if best is None or rank < best:
            best = rank
    if best is None or -best[1] < MIN_ZIPF:
        return None
    word = best[2]
    if token[0].isupper():
        word = word[0].upper() + word[1:]
    if token.isupper() and len(token) > 1:
        word = word.upper()
    return word


COMPOUND_MIN_ZIPF = 2.5  # how common each half of a repaired compound must be (by the frequency list)
COMPOUND_MIN_ZIPF_SPELLED = 2.0  # the same when Voikko vouches for the whole compound


def _half(part: str, lexicon: Lexicon) -> tuple[str, float] | None:
    """One half of a compound as the frequency list knows it: as printed, or restored by its skeleton."""
    own = lexicon.zipf(part)
    floor = COMPOUND_MIN_ZIPF_SPELLED if lexicon.has_spellchecker else COMPOUND_MIN_ZIPF
    if own >= floor and (not lexicon.has_spellchecker or lexicon.is_word(part)):
        return part, own
    fixed = skeleton_repair(part, lexicon)
    if fixed is None or lexicon.zipf(fixed) < floor:
        return None
    return fixed, lexicon.zipf(fixed)


def compound_skeleton_repair(token: str, lexicon: Lexicon) -> str | None:
    """ "perhepiivahoitoon" -> "perhepäivähoitoon", "kulturtjinster" -> "kulturtjänster": a long
    compound the frequency list lacks, repaired half by half (each half known to the list, one of
    them restored through its skeleton); Voikko must accept a Finnish whole (without it Finnish is
    left alone), Swedish has no spell checker here and is judged by the list alone.  A Swedish
    first half may end in a linking s (sysselsättning+s+tjänsterna).  None when no split holds."""
    lower = token.lower()
    if len(lower) < 8 or not lexicon.has_freq or not any(ch in _CONFUSABLE for ch in lower):
        return None
    if lexicon.lang == "fi" and not lexicon.has_spellchecker:
        return None  # Finnish compounds need Voikko's word: the list alone makes "kiel+ryhmälle" of kieliryhmille
    best: tuple[float, str] | None = None
    for i in range(4, len(lower) - 3):
        head, tail, link = lower[:i], lower[i:], ""
        if lexicon.lang == "sv" and head.endswith("s") and _half(head, lexicon) is None:
            head, link = head[:-1], "s"
        first, second = _half(head, lexicon), _half(tail, lexicon)
        if first is None or second is None:
            continue
        word = first[0] + link + second[0]
        if word == lower or len(word) < len(lower) - 2:
            continue
        if lexicon.has_spellchecker and not lexicon.is_word(word):
            continue
        score = min(first[1], second[1])
        if best is None or score > best[0]:
            best = (score, word)
    if best is None:
        return None
    word = best[1]
    if token[0].isupper():
        word = word[0].upper() + word[1:]
    return word
