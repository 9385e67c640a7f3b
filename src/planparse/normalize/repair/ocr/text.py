"""OCR-lost ä/ö: detect a damaged Finnish document and restore its words.

Scanned plans come back from OCR with ä and ö read as a, o, d, 6, 0, é, ...
(`Kehitetdan` for `Kehitetään`).  Detection is by letter statistics: normal
Finnish text has about 4 % ä/ö among its letters; under 1 % in a text long
enough to judge (and still Finnish by its function words) is a strong sign of
damage.  Only a damaged document is repaired, and only words the lexicon
rejects are touched, or rare words Voikko accepts only as odd compounds when a
restored form is far more common: candidates come from the usual OCR
confusions and the lexicon picks (Voikko accepts, the frequency list breaks
ties; without Voikko the frequency list alone, which needs a clear margin over
the word as printed, and splits long compounds in two).

Swedish text that lost its å/ä/ö (Tesseract's `eng` model on a Swedish
scan: "Atgardsplan", "for", "beméts") is detected the same way (Swedish has
about 4 % å/ä/ö) and repaired with its own map (`data/ocr_confusions.yaml`,
a -> ä/å, o -> ö, ...) and the Swedish frequency list; it is never given the
Finnish map.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TypeVar

from planparse.normalize.repair.language import function_words
from planparse.normalize.repair.lexicon import Lexicon, get_lexicon
from planparse.normalize.repair.ocr.skeleton import RESTORED, compound_skeleton_repair, skeleton_readings, skeleton_repair
from planparse.normalize.repair.ocr.words import confusion_data, misread_candidates

K = TypeVar("K")

DAMAGE_THRESHOLD = 0.01  # share of ä/ö among letters below which Finnish text is damaged
MIN_LETTERS = 300  # fewer letters than this: too little text to judge
MAX_CANDIDATES = 4096
# Without Voikko a candidate must be this much more common (zipf) than the word as printed.
FALLBACK_MARGIN = 1.0
FALLBACK_MIN_ZIPF = 2.0
SV_MIN_ZIPF = 1.5  # the same for a Swedish word the list does not know as printed (see _min_zipf)
# A word Voikko accepts is replaced only by a candidate this much more common, and
# only when it is itself rare (a common word is never touched).
OUTVOTE_MARGIN = 2.0
VALID_MAX_ZIPF = 3.5
# A word Voikko accepts that the frequency list never saw is replaced by its skeleton
# reading (ocr_skeleton) only when that reading is this common.
SKELETON_OUTVOTE_ZIPF = 3.5
# A short Finnish print (3-4 letters, a skeleton of two or three) the lexicon rejects takes its
# skeleton reading only when that is a word this common (mys: myös, mara: määrä, ett: että).
SHORT_SKELETON_ZIPF = 5.0
SHORT_SKELETON_MAX = 4
SHORT_MAX_COST = 1.2  # mara: määrä (two ä printed as a, one dropped); taan is no tänä
MISREAD_MIN_LENGTH = 6  # a shorter print (a line-break piece: tetaan, last) has too many readings
# ... and its reading must be a word the frequency list knows well: line-break pieces read with a
# letter changed make rare words (mielipi: mietipä 2.86, piteet: päreet 2.27, tetaan: terään 2.44)
MISREAD_MIN_ZIPF = 2.9
# A word with a letter misread beside its lost ä/ö takes a skeleton reading only this cheap (three
# ä/ö printed as their look-alikes; nothing dropped: "valle" is no yölle with v read for y).
MISREAD_MAX_COST = 0.9
# Swedish words of this many letters or fewer are read through lost_diacritics_short, and only
# when the restored word is this much commoner (pi 3.6 -> på 7.3; lin 3.6 / län 5.0 stands).
SHORT_WORD = 3
SHORT_MARGIN = 3.0
# A Swedish print unknown to the list takes a lost opening ö/ä/å only for a word this common.
LOST_FIRST_MIN_ZIPF = 3.5

# Finnish function words, also as OCR prints them without ä/ö (seka, etta, myos):
# damaged text must still read as Finnish before it is repaired.
FINNISH_MARKERS = function_words("ocr_markers", "fi")
MIN_FINNISH_SHARE = 0.02

# character -> what OCR may have read it from (the character itself always stays an option)
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "a": ("ä",),
    "o": ("ö",),
    "d": ("ä", "ö"),
    "6": ("ö",),
    "0": ("ö",),
    "é": ("ö", "ä", "e"),
    "è": ("ö", "ä", "e"),
    "ô": ("ö",),
    "á": ("ä",),
    "à": ("ä",),
    "b": ("ö",),
    "I": ("l",),
    "1": ("l",),
    "A": ("Ä",),
    "O": ("Ö", "ö"),
    "Q": ("Ö",),
}
# two glyphs read for one: rn for m, and an ä/ö split into a letter and a mark
_MULTI = (("rn", "m"), ("o6", "ö"), ("é6", "ö"), ("6é", "ö"), ("dé", "ö"), ("éd", "ö"), ("od", "ö"), ("Od", "ö"), ("éa", "ä"), ("ad", "ä"), ("da", "ä"), ("dd", "ä"))
_TOKEN = re.compile(r"[^\W_]+")
# Finnish OCR words may hold an ampersand between letters: the eng model's reading of an ä
# (Sa&hkdisten, vahint&an; data/ocr_confusions.yaml)
_FI_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
# capitals the eng model prints for an ö inside a word (saannGllisesti, hySdyntaen): never a
# word's first letter
_INNER_CAPITALS = frozenset("GS")


def _letter_counts(texts: Iterable[str]) -> tuple[int, int]:
    """(letters, ä/ö among them) of `texts`, read as NFC: a + U+0308 is an ä, not damage."""
    letters = special = 0
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        letters += sum(map(str.isalpha, text))  # counted in C: this runs over every letter of the document
        special += text.count("ä") + text.count("ö") + text.count("Ä") + text.count("Ö")
    return letters, special


def ocr_damage_ratio(texts: Iterable[str]) -> float:
    """Share of ä/ö among the letters of `texts` (0.0 for no letters)."""
    letters, special = _letter_counts(texts)
    return special / letters if letters else 0.0


def finnish_word_share(texts: Iterable[str], lang: str = "fi") -> float:
    """Share of words that are common function words of `lang`, with or without ä/ö
    (about 8-15 % in Finnish prose, 0 in English)."""
    markers = FINNISH_MARKERS if lang == "fi" else function_words("ocr_markers", lang)
    words = [w for text in texts for w in _TOKEN.findall(text.lower()) if not w.isdigit()]
    return sum(w in markers for w in words) / len(words) if words else 0.0


def is_ocr_damaged(texts: Iterable[str], lang: str = "fi") -> bool:
    """True when `texts` are Finnish (or Swedish, with `lang="sv"`), long enough to
    judge, and have lost their ä/ö (å/ä/ö).

    Text without ä/ö that is not in the language at all (an English document)
    is not damaged: it must also read as the language by its function words."""
    if lang not in ("fi", "sv"):
        return False
    texts = list(texts)
    letters, special = _letter_counts(texts)
    if lang == "sv":
        special += sum(text.count("å") + text.count("Å") for text in texts)
    if letters < MIN_LETTERS or special / letters >= DAMAGE_THRESHOLD:
        return False
    return finnish_word_share(texts, lang) >= MIN_FINNISH_SHARE


def ocr_damaged_pages(pages: Mapping[K, Iterable[str]], lang: str = "fi") -> set[K]:
    """The pages (any keys) whose own text is damaged Finnish, for a document in
    which only some pages were scanned; a page with too little text to judge
    is not reported."""
    return {key for key, texts in pages.items() if is_ocr_damaged(texts, lang)}


@lru_cache(maxsize=4)
def confusions(lang: str) -> dict[str, tuple[str, ...]]:
    """The lost-diacritics map of `lang`: Finnish's here, the others' from data/ocr_confusions.yaml."""
    table = {str(k): tuple(v) for k, v in confusion_data()["lost_diacritics"].get(lang, {}).items()}
    if lang == "fi":
        return {**CONFUSIONS, **table}
    return table


@lru_cache(maxsize=4)
def _multi(lang: str) -> tuple[tuple[str, str], ...]:
    """Two glyphs read for one letter (rn for m, "dé" for ö) in `lang`."""
    table = tuple((k, v) for k, v in confusion_data().get("lost_diacritics_multi", {}).get(lang, {}).items())
    return _MULTI + table if lang == "fi" else table


def _suspect(token: str, lang: str = "fi") -> bool:
    """Could this token be an OCR-damaged word (not a number, acronym or code)?"""
    letters = sum(ch.isalpha() for ch in token)
    if letters < 2 or token.isdigit():
        return False
    if token.isupper() and len(token) <= 6:
        return False  # acronyms: HR, EU, S2
    table = confusions(lang)
    return any(ch in table for ch in token) or any(a in token for a, _ in _multi(lang))


@lru_cache(maxsize=4)
def _split_letters(lang: str) -> tuple[tuple[str, str], ...]:
    """Two glyphs that are always one letter in `lang` (aé for ä), data/ocr_confusions.yaml."""
    return tuple((k, v) for k, v in confusion_data().get("split_letters", {}).get(lang, {}).items())


def joined_splits(token: str, lang: str = "fi") -> str:
    """`token` with the glyph pairs that are always one letter read as it ("maaraé" -> "maarä")."""
    for bad, good in _split_letters(lang):
        token = token.replace(bad, good)
    return token


def _variants(token: str, lang: str = "fi") -> list[str]:
    """The token and its readings with multi-character look-alikes undone (rn -> m, o6 -> ö);
    a pair that is always one letter (aé) only as that letter."""
    joined = joined_splits(token, lang)
    out = [joined] if joined != token else [token]
    for bad, good in _multi(lang):
        out += [v.replace(bad, good) for v in out if bad in v]
    return out


def _candidates(token: str, lang: str = "fi") -> Iterable[tuple[str, int]]:
    """(candidate, number of characters changed), the token itself excluded."""
    table = confusions(lang)
    for base in _variants(token, lang):
        extra = len(token) - len(base) + (base != token)
        options = []
        for i, ch in enumerate(base):
            alts = table.get(ch, ())
            if ch in "I1" and not (i + 1 < len(base) and base[i + 1].islower() or i > 0 and base[i - 1].islower()):
                alts = ()  # a lone capital I / digit 1 is what it is
            if ch in _INNER_CAPITALS and i == 0:
                alts = ()  # a capital G opening a word is a G (Gallup); inside one it may be an ö
            if ch.isdigit() and not any(c.isalpha() for c in base):
                alts = ()
            options.append((ch, *alts))
        size = 1
        for opt in options:
            size *= len(opt)
        if size > MAX_CANDIDATES:
            # keep only the commonest confusions (a/o and the digit/accent look-alikes)
            options = [(o[0],) if o[0] in "dbI1" else o for o in options]
            if math.prod(len(o) for o in options) > MAX_CANDIDATES:
                continue  # too long to enumerate: left as printed rather than guessed
        for combo in itertools.product(*options):
            cand = "".join(combo)
            if cand != token:
                yield cand, extra + sum(a != b for a, b in zip(combo, base))


@lru_cache(maxsize=200_000)
def repair_word(token: str, lexicon: Lexicon) -> str:
    """The most likely undamaged spelling of one token (the token itself if valid or unknown)."""
    fixed = _repair_by_map(token, lexicon)
    if fixed == token or lexicon.has_spellchecker and lexicon.zipf(fixed) == 0.0:
        short = _short_common(token, lexicon)
        if short is not None:
            return short
    if fixed == token and len(token) >= 4 and lexicon.is_word(token) is False and not (token.isupper() and len(token) <= 6):
        # ä read as i, ii, aé or dropped; in a compound the list lacks, half by half
        found = skeleton_repair(token, lexicon) or compound_skeleton_repair(token, lexicon)
        if found is None and lexicon.lang == "fi" and lexicon.has_spellchecker:
            found = _misread_beside_lost(token, lexicon)
        if found is None and lexicon.lang == "sv" and not lexicon.has_spellchecker:
            found = _lost_first_letter(token, lexicon)
            if found is None and len(token) >= 8:
                found = _repair_compound(token, lexicon, forms=True)  # last: Elevenkatens, not vil+färds
        return found or token
    if fixed == token and lexicon.lang == "sv" and not lexicon.has_spellchecker and not token.isupper():
        return _sv_outvoted(token, lexicon)

    if fixed != token and lexicon.has_spellchecker and lexicon.zipf(fixed) == 0.0 and lexicon.is_word(token) is False:
        # the map's reading is a compound only Voikko spells ("eliméntilanteen" -> elimen+tilanteen,
        # é read as e): a common word the skeleton reaches from the same print is the likelier page
        cand = skeleton_repair(token, lexicon)
        if cand is not None and cand != fixed and lexicon.zipf(cand) >= FALLBACK_MIN_ZIPF:
            return cand
    return fixed


def _short_common(token: str, lexicon: Lexicon) -> str | None:
    """ "mys" -> "myös", "mara" -> "määrä": a short Finnish print whose lost ä/ö leaves a skeleton
    too short to look up safely (two or three letters) reads as a very common word it reaches
    (sets J, L: "Tukea saa mys", "Kiinteistöjen mara"); a word Voikko spells stays, as does a
    reading of the map only Voikko spells (mari: märi, zipf 0, gives way to määrä)."""
    if not (lexicon.lang == "fi" and lexicon.has_spellchecker) or not 3 <= len(token) <= SHORT_SKELETON_MAX:
        return None
    if not token[1:].islower() or lexicon.is_word(token) is not False:
        return None
    found = skeleton_readings(token, lexicon, min_skeleton=2, max_cost=SHORT_MAX_COST)
    return found[0] if found and lexicon.zipf(found[0]) >= SHORT_SKELETON_ZIPF else None


def _misread_beside_lost(token: str, lexicon: Lexicon) -> str | None:
    """ "vaiille" -> "välille", "Ympatisténsuojelu" -> "Ympäristönsuojelu": a letter misread
    (data/ocr_confusions.yaml `letters`: l read as i, r as t) in a word that also lost its ä/ö,
    so neither repair alone reaches a word.  Each one-letter reading is restored through its
    skeleton, every ä/ö in its place; a reading is taken when it is a word Voikko spells and the
    frequency list knows well (MISREAD_MIN_ZIPF), and when it is the only such reading or clearly
    the commonest."""
    if len(token) < MISREAD_MIN_LENGTH:
        return None
    found: dict[str, float] = {}
    for _, cand in misread_candidates(token, 1):
        if lexicon.is_word(cand) or cand[-1] != token[-1]:
            continue  # a word as the letter reads it (the misread repair's), or a cut piece's last letter
        readings = skeleton_readings(cand, lexicon, max_cost=MISREAD_MAX_COST)
        # every lost ä/ö printed in its place as a look-alike: nothing dropped, nothing added
        word = next((w for w in readings if len(w) == len(cand)), None)
        if word is not None and lexicon.zipf(word) >= MISREAD_MIN_ZIPF:
            found[word] = lexicon.zipf(word)
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 1.0:
        return None  # two readings close in frequency: left as printed rather than guessed
    return ranked[0][0]


def _repair_by_map(token: str, lexicon: Lexicon) -> str:
    """repair_word by the letter-for-letter confusion map."""
    if not _suspect(token, lexicon.lang):
        return token
    if lexicon.has_spellchecker:
        if lexicon.is_word(token):
            return _outvoted(token, lexicon)
        best: tuple[bool, int, bool, float, int, str] | None = None
        for cand, changes in _candidates(token, lexicon.lang):
            if lexicon.is_word(cand):
                # a form the frequency list knows first: Voikko also spells odd compounds
                # of a misjoined glyph pair ("Tyédllisyys": työ+ällisyys beside työllisyys);
                # then the fewest compound parts (kuntaviestintaé: kunta+viestintä, with the
                # ä printed as a and é, before kunta+viestin+tae with é read as e)
                z = lexicon.zipf(cand)
                key = (z >= FALLBACK_MIN_ZIPF, -lexicon.compound_parts(cand), len(cand) == len(token), z, -changes, cand)
                if best is None or key > best:
                    best = key
        return best[-1] if best else token
    if lexicon.backend == "none":
        return token
    own = lexicon.zipf(token)
    best = _most_frequent_candidate(token, lexicon, own)
    if best is not None:
        return best
    if own == 0.0 and len(token) >= 8:
        return _repair_compound(token, lexicon)
    return token


def _sv_outvoted(token: str, lexicon: Lexicon) -> str:
    """A Swedish print the frequency list knows only as a rare form (the list holds web
    noise and foreign words: `hiller` 2.6, `litt` 2.9) gives way to its skeleton reading when
    that is far more common (håller 5.7, lätt 5.5): the eng model prints å and ä as i, which
    the letter map leaves alone.  Swedish has no spell checker here, so the margin is
    Finnish's outvote margin over a spelled word (OUTVOTE_MARGIN), and a common print stands."""
    own = lexicon.zipf(token)
    if own == 0.0:
        return token
    if len(token) <= SHORT_WORD:
        return _short_outvoted(token, lexicon, own)
    if own >= VALID_MAX_ZIPF:
        return token
    for cand in skeleton_readings(token, lexicon):
        # letter for letter, each change a restored å/ä/ö printed as its look-alike: a known
        # word is never cut or padded
        if len(cand) == len(token) and all(a == b or a.lower() in RESTORED.get(b.lower(), "") for a, b in zip(token, cand)):
            return cand if lexicon.zipf(cand) >= own + OUTVOTE_MARGIN else token
    return token


def _lost_first_letter(token: str, lexicon: Lexicon) -> str | None:
    """ "ppna" -> "öppna": a Swedish word whose opening ö/ä/å the eng model dropped (sets E, G:
    ppna, ppnas), when the list does not take the print for a word and the restored word is common."""
    if not token[:1].islower() or lexicon.is_word(token) is not False:
        return None
    best: tuple[float, str] | None = None
    for letter in "åäö":
        word = letter + token
        cand = word if lexicon.zipf(word) > 0.0 else _most_frequent_candidate(word, lexicon, 0.0) or word
        z = lexicon.zipf(cand)
        if z >= LOST_FIRST_MIN_ZIPF and (best is None or z > best[0]):
            best = (z, cand)
    return best[1] if best else None


def _short_outvoted(token: str, lexicon: Lexicon, own: float) -> str:
    """ "pi" -> "på", "ir" -> "är": a two- or three-letter print read through the short-word
    confusions (data/ocr_confusions.yaml, lost_diacritics_short) when a reading is SHORT_MARGIN
    commoner; short Swedish words that are words stand (vi, bil, lin: the margin is far off)."""
    table = confusion_data().get("lost_diacritics_short", {}).get(lexicon.lang, {})
    options = [(ch, *table.get(ch, ())) for ch in token]
    cands = {"".join(combo) for combo in itertools.product(*options)}
    # the dotted letter dropped altogether ("mn", "fr": män, för), never before the first letter
    cands.update(token[:i] + letter + token[i:] for i in range(1, len(token) + 1) for letter in "åäö" if token[i - 1].isalpha())
    best: tuple[float, str] | None = None
    for cand in sorted(cands):
        z = lexicon.zipf(cand)
        if cand != token and z >= own + SHORT_MARGIN and (best is None or z > best[0]):
            best = (z, cand)
    return best[1] if best else token


def _min_zipf(lexicon: Lexicon, own: float) -> float:
    """How common a candidate must be.  A Swedish word unknown as printed may take a rarer
    form (åtgärdsplan, zipf 1.8): Swedish has no spell checker here to vouch for it."""
    return SV_MIN_ZIPF if lexicon.lang == "sv" and own == 0.0 else FALLBACK_MIN_ZIPF


def _most_frequent_candidate(token: str, lexicon: Lexicon, own: float) -> str | None:
    best: tuple[bool, float, int, str] | None = None
    floor = _min_zipf(lexicon, own)
    for cand, changes in _candidates(token, lexicon.lang):
        z = lexicon.zipf(cand)
        if z >= floor and z >= own + FALLBACK_MARGIN:
            key = (len(cand) == len(token), z, -changes, cand)
            if best is None or key > best:
                best = key
    return best[3] if best else None


def _linked(part: str, lexicon: Lexicon) -> tuple[str, str]:
    """A Swedish compound's first part and its linking s (daghem+s+föreståndare)."""
    if lexicon.lang == "sv" and len(part) > 3 and part.endswith("s") and lexicon.zipf(part[:-1]) > lexicon.zipf(part):
        return part[:-1], "s"
    return part, ""


def _repair_compound(token: str, lexicon: Lexicon, forms: bool = False) -> str:
    """Frequency lists miss long compounds: repair the two halves of the most
    plausible split (Työllisyys+palveluissa), each half known to the list; with
    `forms` (tried last), a Swedish head may drop its word's last vowel (företagar-)
    and a tail may be the genitive of a word the list knows (enkätens)."""
    best: tuple[float, str] | None = None
    for i in range(3, len(token) - 2):
        halves = []
        for k, part in enumerate((token[:i], token[i:])):
            fixed, link = None, ""
            if k == 0 and lexicon.lang == "sv" and len(part) > 3 and part.endswith("s"):
                # a Swedish first part with its linking s (sysselsättning+s+tjänsterna), judged repaired
                fixed, link = _fixed_half(part[:-1], lexicon), "s"
            if fixed is None:
                part, link = _linked(part, lexicon) if k == 0 else (part, "")
                fixed = _fixed_half(part, lexicon, head=k == 0, forms=forms)
            if fixed is None:
                break
            halves.append((fixed + link, lexicon.zipf(fixed)))
        else:
            new = halves[0][0] + halves[1][0]
            if new != token:
                score = min(halves[0][1], halves[1][1])
                if best is None or score > best[0]:
                    best = (score, new)
    return best[1] if best else token


def _fixed_half(part: str, lexicon: Lexicon, head: bool = False, forms: bool = False) -> str | None:
    """One half of a compound as the list knows it, repaired if need be (None: unknown either way)."""
    own = lexicon.zipf(part)
    if lexicon.lang == "sv":  # a known half may still be damage (lar for lär, vard for vård)
        found = _most_frequent_candidate(part, lexicon, own) or (part if own >= FALLBACK_MIN_ZIPF else None)
        if found is None and forms and head:
            found = _sv_stem(part, lexicon)
        if found is None and forms and not head and len(part) > 4 and part.endswith("s"):
            # a genitive the list barely knows (enkätens 1.1) of a word it knows (enkäten 3.3)
            found = _fixed_half(part[:-1], lexicon)
            found = found + "s" if found is not None else None
        return found
    return part if own >= FALLBACK_MIN_ZIPF else _most_frequent_candidate(part, lexicon, own)


_SV_STEM_VOWELS = "ea"  # företagare -> företagar+föreningen, skola -> skol+gård


def _sv_stem(part: str, lexicon: Lexicon) -> str | None:
    """A Swedish compound's head that drops its word's last e or a (företagar- of företagare):
    the head as printed, repaired, when the word with that vowel is known to the list."""
    for vowel in _SV_STEM_VOWELS:
        word = part + vowel
        own = lexicon.zipf(word)
        found = _most_frequent_candidate(word, lexicon, own) or (word if own >= FALLBACK_MIN_ZIPF else None)
        if found is not None:
            return found[:-1]
    return None


def _outvoted(token: str, lexicon: Lexicon) -> str:
    """A word Voikko accepts may still be damage it reads as an odd compound
    (`saannollisesti` = saan+nollisesti): a restored spelling that the frequency
    list knows as far more common wins."""
    own = lexicon.zipf(token)
    if own >= VALID_MAX_ZIPF:
        return token
    # A compound too rare for the list is judged by its last part
    # (siirto+paatokset "pathos" against siirto+päätökset).
    cut = lexicon.last_part_start(token) if own == 0.0 else 0
    own_last = lexicon.zipf(token[cut:]) if cut else own
    best: tuple[float, int, str] | None = None
    for cand, changes in _candidates(token, lexicon.lang):
        z, base = lexicon.zipf(cand), own
        if cut and z == 0.0 and len(cand) == len(token) and cand[:cut] == token[:cut]:
            z, base = lexicon.zipf(cand[cut:]), own_last
        if z >= FALLBACK_MIN_ZIPF and z >= base + OUTVOTE_MARGIN and lexicon.is_word(cand):
            key = (z, -changes, cand)
            if best is None or key > best:
                best = key
    if best is None and own == 0.0:
        # the eng model's i for ö/ä is beyond the map (saannillisesti = saan+nillisesti): a
        # common word the skeleton reaches from a spelling the frequency list never saw
        cand = skeleton_repair(token, lexicon)
        if cand is not None and lexicon.zipf(cand) >= SKELETON_OUTVOTE_ZIPF:
            return cand
    return best[2] if best else token


@lru_cache(maxsize=50_000)
def readings(token: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Every reading of `token` that Voikko accepts, by the letter map or the skeleton
    (`maaraé`: määrää and määrä), the token itself aside; empty without Voikko."""
    if not lexicon.has_spellchecker or not _suspect(token, lexicon.lang) and len(token) < 4:
        return ()
    found = {cand for cand, _ in _candidates(token, lexicon.lang) if lexicon.is_word(cand)}
    found.update(skeleton_readings(token, lexicon))
    found.discard(token)
    return tuple(sorted(found))


def repair_ocr_text(
    text: str, lang: str = "fi", lexicon: Lexicon | None = None, remember: Callable[[str, str], str] | None = None
) -> tuple[str, int]:
    """Restore OCR-lost ä/ö in `text`; returns (repaired text, number of words changed).

    Call it only on a document `is_ocr_damaged` flagged: it trusts that the
    text is damaged Finnish (or Swedish, `lang="sv"`, with the Swedish map).
    `remember(token, reading)` may give a repaired word another of its readings
    that the document itself prints (see ocr_evidence.DocumentReadings).
    """
    if lang not in ("fi", "sv") or not text:
        return text, 0
    text = unicodedata.normalize("NFC", text)
    if lexicon is None:
        lexicon = get_lexicon(lang)
    changed = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        token = match.group(0)
        before = text[: match.start()]
        new = _noun_after(token, before, lang) or _capital_for_small(token, before, lexicon) or repair_word(token, lexicon)
        if new != token and remember is not None:
            new = remember(token, new)
        if new != token:
            changed += 1
            if _small_letter_read_capital(token, new, text[: match.start()], lexicon):
                new = new[0].lower() + new[1:]
        return new

    return (_FI_TOKEN if lang == "fi" else _TOKEN).sub(fix, text), changed


_LAST_WORD = re.compile(r"(\S+)\s+$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _noun_after(token: str, before: str, lang: str) -> str | None:
    """ "30 ar", "per ar" -> "år": a damaged word read as its commoner verb ("är") is the noun
    after a number (not a year) or a word that goes before nouns (data/ocr_confusions.yaml)."""
    entry = confusion_data().get("noun_after", {}).get(lang, {}).get(token.lower())
    last = _LAST_WORD.search(before)
    if entry is None or last is None:
        return None
    prev = last.group(1).lower()
    if not (prev.isdigit() and not _YEAR.fullmatch(prev) or prev in entry["after"].split()):
        return None
    noun = entry["noun"]
    return noun[0].upper() + noun[1:] if token[0].isupper() else noun


def _capital_for_small(token: str, before: str, lexicon: Lexicon) -> str | None:
    """ "invandrare Gkar" -> "ökar": a capital OCR printed for a small ö opening a word in the
    middle of a sentence (data/ocr_confusions.yaml, small_read_capital), when the word as
    printed is no word and the restored one is."""
    letters = confusion_data().get("small_read_capital", {}).get(lexicon.lang, {}).get(token[:1])
    if not letters or len(token) < 3 or not token[1:].islower() or not _SENTENCE_TAIL.search(before):
        return None
    if lexicon.is_word(token) is not False or lexicon.zipf(token) > 0.0:
        return None
    for letter in letters:
        cand = repair_word(letter + token[1:], lexicon)
        if cand[:1] == letter and lexicon.is_word(cand):
            return cand
    return None


_SENTENCE_TAIL = re.compile(r"[^\W\d_]*[a-zåäö][^\W\d_]*,?\s+$")


def _small_letter_read_capital(token: str, new: str, before: str, lexicon: Lexicon) -> bool:
    """ "andelen Okar" -> "ökar": an ö/ä/å whose dots made OCR print a capital O/A, in the
    middle of a sentence (a lower-case word right before), with the rest of the word small,
    known in lower case and not as a name (Äänekoski)."""
    if not (token[:1] in "OA" and new[:1] in "ÖÄÅ" and token[1:].islower() and _SENTENCE_TAIL.search(before)):
        return False
    lower = new[0].lower() + new[1:]
    return bool(lexicon.is_word(lower)) and lexicon.is_proper_noun(new) is not True
