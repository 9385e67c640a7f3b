"""OCR-lost ä/ö/å that the letter-for-letter map cannot reach, found through the word list.

Tesseract's `eng` model prints a lost ä not only as `a` or `d` but as `i`,
`ii`, `ia`, `aé` or nothing at all (`ennaltaehkaisevisti`, `yhteniisesti`,
`viedaain`, `jarjestmiseen`), and two of them as one glyph (`yhdistetén`).
Enumerating those readings letter by letter explodes; instead the frequency
list is indexed by each word's *skeleton* (the word without the letters OCR
confuses with ä/ö/å: a, ä, å, o, ö, i, d, b, digits and accented look-alikes),
the damaged token's skeleton looks up the words it may have been, and a
weighted edit distance, cheap for the known confusions and dear for anything
else, picks the closest (then the most common).  A glyph printed beyond the
page's letters is cheap only as a piece of the ä/ö/å it stands beside (ii, di,
aé for one ä); between two other letters it is a stray, dearer, so a stray
never makes another word of the print (`merkittdvistdi`: merkittävistä).  Only a word the lexicon
rejects is looked up, only a candidate the lexicon accepts is taken, and an
edit outside the confusions is never allowed: `kotikaynrit` stays as printed.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from planparse.normalize.repair.lexicon import Lexicon, _load_freq
from planparse.normalize.repair.ocr.words import confusion_data

# letters dropped from the skeleton: the vowels OCR confuses with ä/ö/å and their look-alikes
_CONFUSABLE = "aäåoöidbéèáàôó60"
_DROP = str.maketrans("", "", _CONFUSABLE)
RESTORED = {"ä": "aäådiéèáàe", "ö": "oödé6b0èô", "å": "aäåiáà"}  # target letter -> OCR glyphs it is read as (å as i: hiller, Swedish eng)
_EXTRA = "iaéèd6o0"  # glyphs OCR prints as a second piece of one ä/ö
CHEAP_SUB = 0.3  # a restored letter read as its look-alike (a for ä)
CHEAP_DROP = 0.6  # a restored letter OCR dropped altogether
CHEAP_EXTRA = 0.4  # an extra look-alike glyph printed with one (ii, aé for ä)
STRAY_EXTRA = 0.8  # a look-alike glyph printed between two other letters (miyynti: a speck read as i)
MAX_COST = 1.6
DEAR = 9.0  # any other edit: never taken
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


def _sub(word_letter: str, glyph: str) -> float:
    """Cost of the page's letter printed as `glyph`: free when the same, cheap for a look-alike
    of a restored letter, dearer for another piece-like glyph in its place (an ö read as i in
    `saannillisesti`: the letter dropped and a piece printed)."""
    if glyph == word_letter:
        return 0.0
    if word_letter not in RESTORED:
        return DEAR
    if glyph in RESTORED[word_letter]:
        return CHEAP_SUB
    return CHEAP_DROP + CHEAP_EXTRA if glyph in _EXTRA else DEAR


def _split(word_letter: str, first: str, second: str) -> float:
    """Cost of one restored letter printed as two glyphs (ii, aé, di for ä): one of them read
    for the letter, the other a look-alike piece printed with it.  A glyph printed beyond the
    page's letters is cheapest as a piece of the ä/ö/å it stands beside (see `_stray`)."""
    if word_letter not in RESTORED:
        return DEAR
    return min(
        _sub(word_letter, first) + (CHEAP_EXTRA if second in _EXTRA else DEAR),
        (CHEAP_EXTRA if first in _EXTRA else DEAR) + _sub(word_letter, second),
    )


def _stray(glyph: str) -> float:
    """Cost of a look-alike glyph printed between two letters of the page (a speck read as i in
    `miyynti`): dearer than the same glyph as a piece of an ä/ö it stands beside, so that
    `merkittdvistdi` reads merkittävistä (the di one ä) rather than merkittävästi with a stray d."""
    return STRAY_EXTRA if glyph in _EXTRA else DEAR


def _cost(printed: str, word: str) -> float:
    """Edit distance from `word` (the page) to `printed` (OCR), cheap only for lost ä/ö/å."""
    n, m = len(word), len(printed)
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _stray(printed[j - 1])
    for i in range(1, n + 1):
        w = word[i - 1]
        drop = CHEAP_DROP if w in RESTORED and i > 1 else DEAR  # a first letter is never dropped unseen
        cur = [prev[0] + drop] + [0.0] * m
        for j in range(1, m + 1):
            best = min(prev[j - 1] + _sub(w, printed[j - 1]), prev[j] + drop, cur[j - 1] + _stray(printed[j - 1]))
            if j > 1:
                best = min(best, prev[j - 2] + _split(w, printed[j - 2], printed[j - 1]))
            cur[j] = best
        prev = cur
    return prev[m]


def skeleton_repair(token: str, lexicon: Lexicon) -> str | None:
    """The word `token` (rejected by the lexicon) most likely was before OCR lost its ä/ö/å, or None."""
    found = skeleton_readings(token, lexicon)
    return found[0] if found else None


def skeleton_readings(token: str, lexicon: Lexicon, min_skeleton: int = MIN_SKELETON, max_cost: float = MAX_COST) -> tuple[str, ...]:
    """Every word `token` may have been before OCR lost its ä/ö/å (the lexicon accepts it and
    the edits are the known confusions, costing at most `max_cost`), likeliest first: cheapest,
    then most common."""
    lower = (token[:1] + token[1:].replace("G", "6")).lower()  # an ö read as a capital G inside a word (kiytt6Gn)
    for bad, good in confusion_data().get("split_letters", {}).get(lexicon.lang, {}).items():
        lower = lower.replace(bad, good)  # a pair that is always one letter (aé for ä)
    key = lower.translate(_DROP)
    if len(key) < min_skeleton or not lexicon.has_freq:
        return ()
    ranked: list[tuple[float, float, str]] = []
    for word in _index(lexicon.lang).get(key, ()):
        cost = _cost(lower, word)
        if cost > max_cost:
            continue
        if lexicon.has_spellchecker and not lexicon.is_word(word):
            continue
        if lexicon.zipf(word) >= MIN_ZIPF:
            ranked.append((round(cost, 2), -lexicon.zipf(word), word))
    return tuple(_cased(word, token) for _, _, word in sorted(ranked))


def _cased(word: str, token: str) -> str:
    """`word` written in `token`'s case (capitalised, or all capitals)."""
    if token.isupper() and len(token) > 1:
        return word.upper()
    return word[0].upper() + word[1:] if token[0].isupper() else word


COMPOUND_MIN_ZIPF = 2.5  # how common each half of a repaired compound must be (by the frequency list)
COMPOUND_MIN_ZIPF_SPELLED = 1.5  # the same when Voikko vouches for the whole compound
PRINTED_HALF_MIN = 5  # a simple word Voikko spells as printed must be this long to count as a half without the list
MIN_SKELETON_HALF = 2  # a compound's three-letter half (tyo: työ) is looked up by a shorter skeleton
SHORT_HALF = 3


def _half(part: str, lexicon: Lexicon) -> tuple[str, float] | None:
    """One half of a compound as the frequency list knows it: as printed, or restored by its
    skeleton.  With Voikko a simple word it spells as printed counts whatever the list says
    (pumppaamot: the list lacks rare forms), at the floor's weight."""
    own = lexicon.zipf(part)
    floor = COMPOUND_MIN_ZIPF_SPELLED if lexicon.has_spellchecker else COMPOUND_MIN_ZIPF
    if own >= floor and (not lexicon.has_spellchecker or lexicon.is_word(part)):
        return part, own
    if lexicon.has_spellchecker and len(part) >= PRINTED_HALF_MIN and lexicon.is_word(part) and lexicon.compound_parts(part) == 1:
        return part, floor  # a simple word only: Voikko spells odd compounds of fragments (avoin+to)
    found = skeleton_readings(part, lexicon, MIN_SKELETON_HALF if len(part) <= SHORT_HALF else MIN_SKELETON)
    if not found or lexicon.zipf(found[0]) < floor:
        return None
    return found[0], lexicon.zipf(found[0])


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
    for i in range(3, len(lower) - 3):
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
