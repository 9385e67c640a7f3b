"""OCR misreadings undone by what the same document prints elsewhere.

A scanned plan repeats itself: the unit named in an owner cell is named in
an action's text, sums are written the same way in every row.  Where OCR
broke one instance and read another right, the document is the best judge:

  * a word cut by a space ("Medborgarinstit utet", "Välfärdsområde t") is
    joined when the document prints the joined word unbroken elsewhere and
    the pieces are not both words of their own;
  * a word printed with a letter lost ("Hankerahoius", "kontakt") takes it
    back when the document prints the whole word elsewhere and the lexicon
    knows it (at 150-200 dpi a thin letter fades); one printed with a letter
    too many ("LNPSsos") loses it when the document prints it so repeatedly;
  * words OCR ran together where it lost the space between them
    ("Muutlapsi", "LNPsosja", "likvärdigtialla") are split where each piece
    is a word of the lexicon or of the document (`split_run_together`);
  * a per cent sign read as digits ("(26)") is the sign when the document
    shows "(%)" elsewhere (`percent_signs`);
  * a sum OCR printed without its thousands space ("30000 €") takes the
    space when the document groups its other sums so ("45 000 €/v");
  * a word OCR left with two readings the lexicon accepts ("maaraé": määrää
    or määrä, an ä printed as two glyphs) takes the one the document's other
    words read as, when only that one is (`DocumentReadings`).

Swedish has no spell checker here, so its cut words ("Välfärdsområde t")
are judged by the frequency list instead (`rejoin_halves`).  Runs on OCR
text only (RawDocument.ocr); the counts come from DocumentEvidence.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable

from planparse.normalize.repair.lexicon import Lexicon
from planparse.normalize.repair.ocr.text import readings, repair_word

# a sum with its thousands grouped by a space, and one printed without ("30000 €")
_GROUPED_SUM = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+ ?(?:€|e\b|euroa|eur\b)")
_UNGROUPED_SUM = re.compile(r"(?<![\d.,/-])([1-9]\d{1,3})(\d{3})(?= ?(?:€|euroa|eur\b))")
_TOKEN = re.compile(r"[^\W\d_]+")


def printed_forms(texts: Iterable[str]) -> Counter[str]:
    """How often the document prints each word form, case kept ("LNPsos" apart from "LNPSos")."""
    return Counter(m.group(0) for text in texts if text for m in _TOKEN.finditer(text))


def printed_pairs(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """How often the document prints each two words side by side, one space apart (lower-cased):
    "Muut lapsi" printed so is evidence that "Muutlapsi" lost its space."""
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        words = list(_TOKEN.finditer(text or ""))
        for first, second in zip(words, words[1:]):
            if text[first.end() : second.start()] == " ":
                pairs[first.group(0).lower(), second.group(0).lower()] += 1
    return pairs


def groups_thousands(texts: Iterable[str]) -> bool:
    """Does the document print a sum with its thousands grouped by a space ("45 000 €")?"""
    return any(_GROUPED_SUM.search(text) for text in texts if text)


def group_thousands(text: str) -> str:
    """ "30000 €" -> "30 000 €" (call it only for a document that `groups_thousands`)."""
    return _UNGROUPED_SUM.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)


# a per cent sign in brackets at an item's end read as its glyph's pieces, rings as 0, 6 or 9
# and the slash as 2 ("Andel chefer som deltagit (20)", "(926)"); a year in brackets is a year
_PERCENT_READ = re.compile(r"(?<=[^\W\d_] )\((?!(?:19|20)\d\d\))[0269]{2,4}\)(?=\s*$|\s*[.,;:])")
_PERCENT_TWICE = re.compile(r"\(%\)\(\d\)")  # "(%)(0)": the sign read, then its rings again


def prints_percent(texts: Iterable[str]) -> bool:
    """Does the OCR text show a per cent sign in brackets ("osuus (%)") anywhere?"""
    return any("(%)" in text for text in texts if text)


def percent_signs(text: str) -> tuple[str, int]:
    """ "ensamhet (26)" -> "ensamhet (%)": for a document that `prints_percent`, a bracketed
    number made of the sign's pieces that closes an item after a word is the sign."""
    text, n = _PERCENT_READ.subn("(%)", text)
    text, m = _PERCENT_TWICE.subn("(%)", text)
    return text, n + m


def _join_pairs(text: str, joins: Callable[[str, str], bool]) -> tuple[str, int]:
    """`text` with each two neighbouring words that `joins(a, b)` accepts closed up: only words
    one space apart, the second not capitalised and not running on into a hyphen or a digit."""
    words = list(_TOKEN.finditer(text))
    parts: list[str] = []
    cursor = count = k = 0
    while k + 1 < len(words):
        first, second = words[k], words[k + 1]
        a, b = first.group(0), second.group(0)
        after = text[second.end() : second.end() + 1]
        if text[first.end() : second.start()] != " " or after.isalnum() or after == "-" or b[0].isupper() or not joins(a, b):
            k += 1
            continue
        parts += [text[cursor : first.start()], a + b]
        cursor = second.end()
        count += 1
        k += 2
    parts.append(text[cursor:])
    return "".join(parts), count


def rejoin_printed(
    text: str,
    seen: Callable[[str], int],
    is_word: Callable[[str], bool | None],
    kept_apart: Callable[[str, str], bool] | None = None,
) -> tuple[str, int]:
    """ "Medborgarinstit utet" -> "Medborgarinstitutet": two neighbours joined when the document
    prints the joined word unbroken (`seen(word)` counts it, case aside) and they are not both
    words (a single letter counts as none), nor a pair the document prints apart as two words
    (`kept_apart`: "LNPsos ja", though OCR ran it together as "LNPsosja" as often).  Returns the
    text and how many pairs were joined."""

    def known(word: str) -> bool:
        return len(word) > 1 and bool(is_word(word))

    def joins(a: str, b: str) -> bool:
        return not (known(a) and known(b)) and bool(seen(a + b)) and not (kept_apart is not None and kept_apart(a, b))

    return _join_pairs(text, joins)


# a lone letter or mark OCR cut from the head of a capitalised word: "L NPter", "I NPter", "[NPsos"
_CAPITALS = string.ascii_uppercase + "ÅÄÖ"
_CUT_HEAD = re.compile(r"(?<![^\W_])([^\W\d_]|[\[|!(]) ?([A-ZÅÄÖ][^\W\d_]*[A-ZÅÄÖ][^\W\d_]*)")


def rejoin_term_heads(text: str, printed: Callable[[str], int]) -> tuple[str, int]:
    """ "L NPter", "I NPter", "[NPsos" -> "LNPter", "LNPsos": a term of the document's own (a
    capital after its first letter, printed RUN_PRINTED times, case kept) whose first letter OCR
    cut off with a space or misread as a lone letter or mark, where the document prints exactly
    one such term (a capital before the rest) and never the rest alone as often."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        head, rest = match.groups()
        terms = [c + rest for c in _CAPITALS if printed(c + rest) >= RUN_PRINTED]
        if len(terms) != 1 or printed(rest) >= printed(terms[0]) or terms[0] == match.group(0):
            return match.group(0)
        count += 1
        return terms[0]

    return _CUT_HEAD.sub(fix, text), count


LOST_LETTER_MIN = 5  # shorter words have too many one-letter neighbours
EXTRA_LETTER_MIN_SEEN = 2  # the document must print the word without the extra letter this often


class LostLetters:
    """The document's own words, indexed by each of them with one letter left out."""

    def __init__(self, forms: Counter[str], is_word: Callable[[str], bool | None]) -> None:
        self._is_word = is_word
        self._forms = forms
        self._index: dict[str, set[str]] = {}
        for form in forms:
            word = form.lower()
            if len(word) > LOST_LETTER_MIN:
                for i in range(1, len(word)):  # a first letter is never lost unseen
                    self._index.setdefault(word[:i] + word[i + 1 :], set()).add(word)

    def restore(self, token: str) -> str:
        """ "Hankerahoius" -> "Hankerahoitus": the one word of the document, known to the
        lexicon, that is `token` with a letter put back; else `token` as printed."""
        if len(token) < LOST_LETTER_MIN or not token.isalpha():
            return token
        found = {w for w in self._index.get(token.lower(), ()) if self._is_word(w)}
        if len(found) != 1:
            return self._extra_letter(token)
        word = found.pop()
        return word[0].upper() + word[1:] if token[0].isupper() else word

    def _extra_letter(self, token: str) -> str:
        """ "LNPSsos" -> "LNPsos": a letter OCR added (read twice), where the document prints the
        word without it at least twice and more often than as printed here (or at all, when the
        letter doubles in two cases)."""
        own = self._forms.get(token, 0)
        found = {token[:i] + token[i + 1 :] for i in range(1, len(token))}
        found = {w for w in found if self._forms.get(w, 0) >= max(EXTRA_LETTER_MIN_SEEN, own + 1)}
        if not found:
            # one glyph read twice in both cases ("LNPSsos": S and s side by side inside a word)
            # is no printing, however often OCR read it so (12 times against 3 at 150 dpi)
            found = {token[:i] + token[i + 1 :] for i in range(1, len(token) - 1)
                     if token[i].isupper() and token[i + 1] == token[i].lower()}
            found = {w for w in found if self._forms.get(w, 0) >= EXTRA_LETTER_MIN_SEEN}
        return found.pop() if len(found) == 1 else token


HALF_ZIPF = 2.5  # each half of a compound judged by the frequency list must be this common
FRAGMENT_ZIPF = 1.5  # a piece less common than this is no word of its own
_ONE_LETTER_WORDS = frozenset("iåöoa")  # Swedish and Finnish words of one letter (i, å, ö; o, a as labels)


def _compound_known(word: str, zipf: Callable[[str], float]) -> bool:
    """Is `word` known to the frequency list, or two words it knows (välfärds+området,
    sysselsättning+s+tjänster)?  Long compounds are missing from any list."""
    if zipf(word) >= FRAGMENT_ZIPF:
        return True
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if zipf(tail) < HALF_ZIPF:
            continue
        if zipf(head) >= HALF_ZIPF or (head.endswith("s") and zipf(head[:-1]) >= HALF_ZIPF):
            return True
    return False


def rejoin_halves(text: str, zipf: Callable[[str], float]) -> tuple[str, int]:
    """ "Välfärdsområde t", "Bildningsförvalt ningen" -> one word: for a language with no spell
    checker here (Swedish), two neighbours are joined when one of them is no word of its own
    (a stray letter, or unknown to the frequency list) and the joined word is known to the
    list or made of two words it knows.  Returns the text and how many pairs were joined."""
    def fragment(piece: str) -> bool:
        return piece.lower() not in _ONE_LETTER_WORDS if len(piece) == 1 else zipf(piece.lower()) < FRAGMENT_ZIPF

    return _join_pairs(text, lambda a, b: b.islower() and len(a) >= 3 and (fragment(a) or fragment(b)) and _compound_known((a + b).lower(), zipf))


RUN_MIN_PIECE = 3  # a piece shorter than this is a word only when it is one of the glued words
RUN_MAX_PIECES = 3
RUN_PRINTED = 2  # a piece the lexicon lacks ("LNPsos") must be printed alone this often
RUN_PREFER_MARGIN = 1.0  # zipf by which one split's rarest piece must beat another's


def run_piece(piece: str, known: Callable[[str], bool], printed: Callable[[str], int], glued: frozenset[str]) -> str | None:
    """What makes `piece` a word of its own in a run: "glued" (ja, i), "known" to the lexicon,
    "printed" (a term of the document's own, `split_run_together`) or None."""
    if piece.lower() in glued:
        return "glued"
    if len(piece) < RUN_MIN_PIECE:
        return None
    if known(piece):
        return "known"
    # a term of the document's own ("LNPsos") has a capital after its first letter: another
    # piece the lexicon lacks is a line-break fragment ("liikku-" / "mis-", "Välfärdsområ-" /
    # "det") or OCR debris, no evidence
    return "printed" if any(ch.isupper() for ch in piece[1:]) and printed(piece) >= RUN_PRINTED else None


def split_run_together(
    text: str,
    known: Callable[[str], bool],
    printed: Callable[[str], int],
    glued: frozenset[str],
    zipf: Callable[[str], float] | None = None,
    apart: Callable[[str, str], int] | None = None,
) -> tuple[str, int]:
    """ "LNPsosja" -> "LNPsos ja", "likvärdigtialla" -> "likvärdigt i alla", "LNPterhenkilöstö"
    -> "LNPter henkilöstö": a word the lexicon rejects (`known` is False), printed so only once
    in the document, is split into two or three pieces when there is exactly one such split
    into fewest pieces.  Each piece is a `glued` word (ja, i), or one `known` to the lexicon, or
    one the lexicon lacks that the document prints alone (RUN_PRINTED times, a capital inside: "LNPsos"), these
    RUN_MIN_PIECE letters or more; each cut touches a glued or a printed piece.  Two lexicon
    words never license a cut: Voikko rejects real compounds too ("luokka+laisille",
    "käyttöön+ottaminen", Swedish "personal+företrädare").  With `zipf` (Swedish: a frequency
    list, no spell checker), of two splits in two pieces the one whose rarest piece is
    RUN_PREFER_MARGIN commoner is taken ("allasom": alla som 6.5, not allas om 4.4).
    With `apart` (how often the document prints two words side by side), a run the document
    prints apart RUN_PRINTED times is split there in one way only, even into two lexicon words
    and however often OCR ran it together ("Muutlapsi" 9 times, "Muut lapsi" 7: a space lost at
    the same place in every row).  Returns the text and the splits made.
    """

    def word(piece: str) -> str | None:  # "glued", "printed", "known" or None
        return run_piece(piece, known, printed, glued)

    def printed_apart(token: str) -> list[list[str]]:
        if apart is None:
            return []
        cuts = ([token[:i], token[i:]] for i in range(1, len(token)))
        return [c for c in cuts if word(c[0]) and word(c[1]) and apart(c[0], c[1]) >= RUN_PRINTED]

    def splits(token: str, pieces: int) -> list[list[str]]:
        if pieces == 1:
            return [[token]] if word(token) else []
        out = []
        for i in range(1, len(token)):
            head = token[:i]
            kind = word(head)
            if kind is None:
                continue
            for rest in splits(token[i:], pieces - 1):
                if kind != "known" or word(rest[0]) != "known":
                    out.append([head, *rest])
        # a one-letter word (Swedish "i") only at the run's edge ("ikommunen", "deltari"): inside
        # a word OCR garbled, its letter is more likely part of the garble ("urspr|i|ing")
        return [p for p in out if all(len(x) > 1 for x in p[1:-1])]

    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group(0)
        if len(token) < 2 * RUN_MIN_PIECE - 1 or known(token):
            return token
        if text[match.end() : match.end() + 1] in "-\u00ad" and match.end() < len(text) or text[match.start() - 1 : match.start()] == "-":
            return token  # a compound's head or tail at a hyphen ("liikkumis- ja"), not a word of its own
        seen_apart = printed_apart(token)
        if len(seen_apart) == 1:
            count += 1
            return " ".join(seen_apart[0])
        if printed(token) > 1:
            return token
        for pieces in range(2, RUN_MAX_PIECES + 1):
            found = splits(token, pieces)
            if len(found) > 1 and zipf is not None and pieces == 2:  # a compound cut in three is no run:
                # "Välfärdsområdet" (swe) is välfärd+som+rådet or välfärds+om+rådet, neither a run
                ranked = sorted(((min(zipf(p.lower()) for p in split), split) for split in found), reverse=True)
                if ranked[0][0] >= ranked[1][0] + RUN_PREFER_MARGIN:
                    found = [ranked[0][1]]
            if len(found) == 1:
                count += 1
                return " ".join(found[0])
            if found:
                return token  # two ways to read it: left as printed
        return token

    return _TOKEN.sub(fix, text), count


# zipf (log10 per 10^9 words): a reading this common stands whatever the document's other
# words read as: two inflections of one word both run in a text (viestintää beside
# viestintä, väestöä beside väestö), so only a rare reading (käytössää, Ehkäisevin) gives way
COMMON_READING = 3.0


class DocumentReadings:
    """The document's memory of its own words after the ä/ö repair: how often its printed
    words read as each form.  Where OCR leaves a word two readings the lexicon accepts
    ("maaraé": määrää, or määrä with the ä printed as two glyphs; "Ehkaisevin": Ehkäisevin or
    Ehkäisevän), the repair's choice stands when the document reads it elsewhere too, and
    gives way to the one other reading the document's other words read as.  Only the
    document's own words vote, never the expected text."""

    def __init__(self, forms: Counter[str], lexicon: Lexicon) -> None:
        self._forms = forms
        self._lexicon = lexicon
        self._counts: Counter[str] | None = None
        self._reading: dict[str, str] = {}

    def _read(self, form: str) -> str:
        if form not in self._reading:
            self._reading[form] = repair_word(form, self._lexicon).lower()
        return self._reading[form]

    def count(self, word: str, besides: str) -> int:
        """How many of the document's printed words, other than the form `besides`, read as `word`."""
        if self._counts is None:
            self._counts = Counter()
            for form, n in self._forms.items():
                self._counts[self._read(form)] += n
        word = word.lower()
        own = self._forms.get(besides, 0) if self._read(besides) == word else 0
        return self._counts.get(word, 0) - own

    def remember(self, token: str, reading: str) -> str:
        """`reading` (the repair of `token`) when the document reads it elsewhere too or it is a
        common word (COMMON_READING), else the one other reading of `token` that the
        document's other words read as when they never read as `reading`, and that is the
        commoner word by the frequency list: a line-break piece the document prints ("kayt-"
        read as käyt) never outvotes käytä, nor a word of the document a likelier form of
        another (käytän for kayton: käytön)."""
        zipf = self._lexicon.zipf(reading)
        if self.count(reading, token) > 0 or zipf >= COMMON_READING:
            return reading
        others = {
            r.lower(): r
            for r in readings(token, self._lexicon)
            if r.lower() != reading.lower() and self.count(r, token) > 0 and self._lexicon.zipf(r) > zipf
        }
        return others.popitem()[1] if len(others) == 1 else reading
