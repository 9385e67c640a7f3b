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
# a year range inside a line: "2024-2025", "2024 — 2025" -> "2024–2025"; the second year
# may come split by a space as OCR breaks a long token ("2026-20 27", "2025-202 6")
_YEAR_RANGE = re.compile(rf"\b((?:19|20)\d\d)\s?[{_DASHES}]{{1,2}}\s?((?:19|20)\s?\d\s?\d)\b")
# a doubled line-end hyphen after a letter: "Vesihuoltolai--", "Lönekartlägg- -" -> one hyphen;
# so is one with a speck read as an equals sign beside it ("henki-=—", "ke=", kymenlaakso hrules)
_DOUBLE_HYPHEN_END = re.compile(r"([^\W\d_])(?:[-\u2014](?:\s?[-\u2014=])+|=[-\u2014]*)$")
# a letter, then an em dash at the line end: a hyphenation read as a dash
_EM_DASH_END = re.compile(r"([^\W\d_])\u2014$")


@lru_cache(maxsize=1)
def _glued_conjunction() -> re.Pattern[str]:
    """ "hyvinvointi-ja": a suspended hyphen whose space before the conjunction OCR lost."""
    words = function_words("suspended_before", "fi") | function_words("suspended_before", "sv")
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"([^\W\d_]{{2}})-({alternatives})(?=\s|$)")


# underscores and dashes read from a table's rules or a cell's edge: a run of them with
# at least one underscore, not inside a word ("etu_suku" stays)
_RULE_MARKS = re.compile(r"[\s_\u2014\u2013-]*_[\s_\u2014\u2013-]*")
# a Roman goal number whose I's OCR read as l, L, 1, |, T or H (two I's) at a line's start: "Il. Koulujen"
_ROMAN_LOOKALIKE = re.compile(r"^(\s*)([IlL1|TH]{2,4}|[l|])\.(?=\s+[A-ZÅÄÖ])")


def rule_marks(line: str) -> str:
    """ "osal-_" -> "osal-", "_lut" -> "lut", "ja_—_" -> "ja": underscores OCR read from rules dropped,
    with the dashes that came with them; a hyphen right after a letter is the word's own."""

    def fix(match: re.Match[str]) -> str:
        run, start, end = match.group(0), match.start(), match.end()
        before, after = line[start - 1 : start], line[end : end + 1]
        if before.isalnum() and after.isalnum() and not any(ch.isspace() for ch in run):
            return run  # inside a word or an address
        keep = "-" if run[0] == "-" and before.isalpha() else ""
        space = " " if before and after and (any(ch.isspace() for ch in run) or not keep) else ""
        return keep + space

    return _RULE_MARKS.sub(fix, line)


def roman_numeral(line: str) -> str:
    """ "Il. Koulujen" -> "II. Koulujen": a Roman numeral's strokes OCR read as look-alike letters."""
    match = _ROMAN_LOOKALIKE.match(line)
    if not match or set(match.group(2)) <= {"I"} or set(match.group(2)) <= {"1"}:  # "11." is eleven
        return line
    strokes = match.group(2).replace("H", "II")
    numeral = "I" * len(strokes)
    return f"{match.group(1)}{numeral}{line[match.end(2):]}" if len(numeral) <= 3 else line


# a spaced dash between words ("tuki — sähköinen"): Finnish and Swedish set it as an en dash,
# which Tesseract reads as an em dash
_SPACED_EM_DASH = re.compile(r"(?<=[^\s\u2014-]) \u2014(?= [^\s\u2014-]|$)")
# a speck or a bullet OCR read as a sign glued to the first word of a line ("*LNPsos",
# "¢kuntien", "«Kymsoten"): signs no line of plan text opens with before a letter
_GLUED_LINE_MARK = re.compile(r"^(\s*)(?:[*¢«+©§=]+|=\s+(?=[A-ZÅÄÖ]))(?=[^\W\d_])")
# a round bullet OCR read as a small letter or a sign, a word of its own before the item's
# capital ("e Neuvolan", "e¢ Rehtorit", "¢« Kuntien")
_BULLET_READ_AS_MARK = re.compile(r"^(\s*)(?:e|e?[¢«°*+€<>]+|-«)\s+(?=[A-ZÅÄÖ])")
# a mark glued to a year, a quarter or a capitalised word at a line's start ("—2026–2027",
# "'2025–2026", "—Q1/202", "—Kirjastopalvelut"): a dash bullet or a speck; a hyphen or en dash
# ("–2027") is left alone
_MARK_BEFORE_YEAR = re.compile(r"^(\s*)[\u2014'°©*¢«]+(?=(?:Q[1-4]/)?(?:19|20)\d(?:\d\b|$))")
_EM_DASH_BEFORE_CAPITAL = re.compile(r"^(\s*)\u2014(?=[A-ZÅÄÖ][a-zåäö])")
# a comma OCR read with no space after it between two words ("kotihoito,fysioterapia")
_CLOSED_COMMA = re.compile(r"(?<=[^\W\d_]{2}),(?=[^\W\d_]{2})")
# the same speck before a dash bullet ("© — Systemaattinen"): the dash is the item's marker
_MARK_BEFORE_DASH = re.compile(r"^(\s*)[*¢«+©§=]+\s+(?=[\u2014\u2013-]\s)")


# an item number at a line's start misread around its full stop: its stop read as a comma
# ("4, Liikunta-"), a speck or rule read as a dash before it ("—2.1 Palvelu"), or the space
# after it lost ("1.Ikääntyneet"); the capital after says an item's text follows
_NUMBER_STOP_AS_COMMA = re.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2})*),(?=\s+[A-ZÅÄÖ][a-zåäö])")
_MARK_BEFORE_NUMBER = re.compile(r"^(\s*)[\u2014\u2013~'°©*¢«-]+\s*(?=\d{1,2}\.\d{1,2}\.?\s+[A-ZÅÄÖ][a-zåäö])")
_NUMBER_GLUED = re.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2})*\.)(?=[A-ZÅÄÖ][a-zåäö]{2})")


def item_number(line: str) -> str:
    """ "4, Liikunta" -> "4. Liikunta", "—2.1 Palvelu" -> "2.1 Palvelu", "1.Ikääntyneet" ->
    "1. Ikääntyneet": a line's item number with its misread stop, speck or lost space undone."""
    line = _NUMBER_STOP_AS_COMMA.sub("\\1\\2.", line)
    return _NUMBER_GLUED.sub("\\1\\2 ", _MARK_BEFORE_NUMBER.sub("\\1", line))


def ocr_glyphs(line: str) -> str:
    """One printed line of OCR text with its dash and hyphen misreadings undone."""
    line = _MARK_BEFORE_DASH.sub("\\1", _BULLET_READ_AS_MARK.sub("\\1", roman_numeral(rule_marks(line).rstrip())))
    line = item_number(line)
    line = _GLUED_LINE_MARK.sub("\\1", line)
    line = _CLOSED_COMMA.sub(", ", _EM_DASH_BEFORE_CAPITAL.sub("\\1", _MARK_BEFORE_YEAR.sub("\\1", line)))
    line = _RANGE_END.sub("\\1\u2013", line)
    line = _DOUBLE_HYPHEN_END.sub("\\1-", line)
    line = _glued_conjunction().sub("\\1- \\2", line)
    return _SPACED_EM_DASH.sub(" \u2013", year_ranges(_EM_DASH_END.sub("\\1-", line)))


def year_ranges(text: str) -> str:
    """ "2024-2025" and "2024 — 2025" in OCR text -> "2024–2025" (also after lines are joined)."""
    return _YEAR_RANGE.sub(lambda m: f"{m.group(1)}\u2013{m.group(2).replace(' ', '')}", text)


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


_WORD_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"^[^\W\d_]+$")


def rejoin_split(text: str, lang: str, is_word, reading=None) -> tuple[str, int]:
    """Words OCR cut with a space put back together: "il man" -> "ilman", "j a" -> "ja",
    "harrastuksetj a" -> "harrastukset ja" (the space one letter too late).

    Two neighbours are joined when the lexicon knows the joined word and not
    both of them, or neither and the unknown one is no stray single letter
    (a two-letter join must be a conjunction: "ja", not "ab"); a neighbour pair of which one is unknown takes the
    space one letter earlier when both new words are known.  A one-letter
    "word" counts as unknown (Voikko spells single letters).  `reading(word)`
    may give the word as the OCR repair would read it ("pitaneiden" ->
    "pitäneiden", "järiestämiseen" -> "järjestämiseen"); the joined word is then
    judged in that reading (with one letter changed at most when one neighbour
    is a known word).
    Returns the text and how many pairs were changed.
    """

    def known(word: str) -> bool:
        return len(word) > 1 and bool(is_word(word))

    def known_part(word: str) -> bool:  # a neighbour known as printed or as the repairs read it
        return known(word) or (reading is not None and known(reading(word)))

    def known_joined(word: str, changes: int) -> bool:
        """The joined word is known as printed, or read with at most `changes` letters changed."""
        if len(word) < 3 and word.lower() not in _glued_words(lang):
            return False
        if known(word):
            return True
        read = reading(word) if reading is not None else word
        return read != word and known(read) and (len(read) != len(word) or sum(x != y for x, y in zip(read, word)) <= changes)

    def plain(word: str) -> bool:  # letters only, no capital inside (a name, an acronym)
        return bool(_LETTERS.match(word)) and (len(word) == 1 or word[1:].islower())

    tokens = [(m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    parts: list[str] = []
    cursor = count = 0
    k = 0
    while k + 1 < len(tokens):
        (s1, e1), (s2, e2) = tokens[k], tokens[k + 1]
        a, b = text[s1:e1], text[s2:e2]
        new = None
        if text[e1:s2] == " " and plain(a) and plain(b) and not b[0].isupper():
            ka, kb = known_part(a), known_part(b)
            if not ka and not kb and known_joined(a + b, len(a + b)) or (
                (not ka and len(a) > 1 or not kb and len(b) > 1) and known_joined(a + b, 1)
            ):
                new = a + b
            elif (not ka or not kb) and len(a) >= 3 and known_part(a[:-1]) and known_part(a[-1] + b):
                new = f"{a[:-1]} {a[-1]}{b}"
        if new is None:
            k += 1
            continue
        parts += [text[cursor:s1], new]
        cursor = e2
        count += 1
        k += 2
    parts.append(text[cursor:])
    return "".join(parts), count


# a number range printed with a dash: "(1–5)", "7.–9.-luokka"; not a date (2024-02-12),
# a code ("S2-opetus") or a phone number (its parts run on or are long)
_NUMBER_RANGE = re.compile(r"(?<![\w./,-])(\d{1,4}\.?)\s?[-\u2014\u2012\u2212](\d{1,4}\.?)(?![\d,]|-\d|\.\d)")
_DASH_RANGE = re.compile(r"\d\.?\s?[\u2013\u2014]\s?\d")


def reads_dash_ranges(texts) -> bool:
    """Does the OCR text show a number range printed with a dash (read as – or —) anywhere?
    Then the writer sets ranges with dashes, and its ranges OCR read as hyphens are dashes too."""
    return any(_DASH_RANGE.search(text) for text in texts if text)


def dash_ranges(text: str) -> str:
    """ "(1-5)" -> "(1–5)", "7.-9.-luokka" -> "7.–9.-luokka": number ranges of a document that
    sets its ranges with dashes (see `reads_dash_ranges`), the first number below the second."""

    def fix(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if int(first.rstrip(".")) >= int(second.rstrip(".")) or first.endswith(".") != second.endswith("."):
            return match.group(0)
        return f"{first}\u2013{second}"

    return _NUMBER_RANGE.sub(fix, text)


# a stray mark OCR read before the rest of a word broken at the line end ("ta-" / "* lousarvio")
_STRAY_LINE_START = re.compile(r"^\s*[*\"'«»<>~\u2014\u2013]+\s*(?=[a-zåäö])")
# a line-end hyphen read as a colon or full stop ("täyt:" / "täneille")
_HYPHEN_READ_AS_STOP = re.compile(r"([^\W\d_]+)[:.]$")
_FIRST_WORD = re.compile(r"^\s*([a-zåäö][^\W\d_]*)")


def ocr_line_breaks(lines: list[str], is_word) -> list[str]:
    """The printed lines of one paragraph with the marks OCR put into a word's line break undone.

    After a line ending in a hyphen, a stray mark that opens the next line before a
    small letter is dropped ("ta-" / "* lousarvio").  A line ending in a colon or
    full stop right after letters, followed by a line opening with a small letter,
    had a hyphen there when the lexicon knows the joined word but not both of the
    parts ("täyt:" / "täneille"; "käyttö:" / "kerrat" may be the writer's colon).
    """
    out = list(lines)
    for i in range(1, len(out)):
        before = out[i - 1].rstrip()
        if before.endswith("-") and before[-2:-1].isalpha():
            out[i] = _STRAY_LINE_START.sub("", out[i])
            continue
        end, start = _HYPHEN_READ_AS_STOP.search(before), _FIRST_WORD.match(out[i])
        if end is None or start is None:
            continue
        head, tail = end.group(1), start.group(1)
        if len(head) < 2 or len(tail) < 2 or (is_word(head) and is_word(tail)):
            continue
        if is_word(head + tail):
            out[i - 1] = before[:-1] + "-"
    return out


# a letter OCR printed twice: alone or glued to the word before, then again opening the next word
_GHOST = re.compile(r"(?<![^\s(])([^\W\d_]*?)([^\W\d_]) (?=([^\W\d_]+))")


def drop_ghost_letters(text: str, is_word) -> tuple[str, int]:
    """ "harrastukset j ja", "harrastuksetj ja" -> "harrastukset ja": the first letter of a
    word OCR also read just before it, alone or at the end of a word the lexicon rejects
    while knowing it without that letter.  Returns the text and how many were dropped."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        head, letter, following = match.group(1), match.group(2), match.group(3)
        if letter != following[0] or not is_word(following):
            return match.group(0)
        if not head and len(following) > 1 and letter.lower() not in "ioe":  # a stray letter, not a word ("i", "o")
            count += 1
            return ""
        if len(head) >= 3 and not is_word(head + letter) and is_word(head):
            count += 1
            return head + " "
        return match.group(0)

    return _GHOST.sub(fix, text), count


# an opening quote OCR read from a speck or a bullet ("‘Asiakas saa", "palveluja‘hyödyntäen"),
# with the dash-like marks before it at a word's start ("—-‘Träffpunkter")
_OPENING_QUOTE = re.compile(r"(?<!\S)[~\u2014\u2013-]*[‘“]|[‘“]")
_CLOSES = {"‘": "’", "“": "”", "}": "{", "]": "["}
# a closing brace or bracket read from a cell's rule ("eri} kanavissa", "(ja/ne})")
_CLOSING_BRACKET = re.compile(r"[}\]]")


def stray_marks(text: str) -> str:
    """ "‘Asiakas saa" -> "Asiakas saa", "palveluja‘hyödyntäen" -> "palveluja hyödyntäen", "eri}
    kanavissa" -> "eri kanavissa": in OCR text, an opening quote no closing quote follows and a
    closing brace or bracket no opening one precedes are specks or rules, not the writer's
    marks; one glued between two words stood for the space OCR lost there."""

    def fix(match: re.Match[str]) -> str:
        mark = match.group(0)[-1]
        start, end = match.start(), match.end()
        partner = _CLOSES[mark]
        if (partner in text[end:]) if mark in "‘“" else (partner in text[:start]):
            return match.group(0)
        before, after = text[start - 1 : start], text[end : end + 1]
        return " " if before and not before.isspace() and after.isalnum() else ""

    return _CLOSING_BRACKET.sub(fix, _OPENING_QUOTE.sub(fix, text))


# a speck read as a stop or comma glued before a heading's number (".2 Osallisuus, ..."):
# a number that opens a field and is followed by a capitalised word is never printed so
_STOP_BEFORE_NUMBER = re.compile(r"^\s*[.,\u2018\u2019'`]+(?=\d{1,3}(?:\.\d{1,3})*\.?\s+[A-ZÅÄÖ])")


def stray_lead_stop(text: str) -> str:
    """ ".2 Osallisuus, harrastukset" -> "2 Osallisuus, harrastukset": in OCR text, a stop or
    comma before the number that opens a field and a capitalised word is a speck."""
    return _STOP_BEFORE_NUMBER.sub("", text)


# a label's Roman number whose I's OCR read as l or | ("PÄÄTAVOITE Ill:", "TEEMA ll."): a run of
# those strokes, one at least not an I, between a capitalised label word and a colon or stop
_ROMAN_LABEL = re.compile(r"(\b[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{2,} )([Il|]{1,3})(?=[:.](?:\s|$))")


def roman_label(text: str) -> str:
    """ "PÄÄTAVOITE Ill: Lasten ..." -> "PÄÄTAVOITE III: Lasten ...": a label's Roman number
    read with look-alike strokes (a bare "I:" and digits are left as printed)."""
    return _ROMAN_LABEL.sub(lambda m: m.group(1) + ("I" * len(m.group(2)) if set(m.group(2)) - {"I"} else m.group(2)), text)


_SPACED_SLASH = re.compile(r"[^\W\d_] / [^\W\d_]")
# a slash between two letters with no space on one side or on both ("seuranta/arviointi",
# "seuranta/ arviointi", "seuranta /arviointi")
_CLOSED_SLASH = re.compile(r"(?<=[^\W\d_])/ ?(?=[^\W\d_])|(?<=[^\W\d_]) /(?=[^\W\d_])")
LABEL_WORDS = 6  # a text this short is a label (a header), whose slashes its writer sets alike


def label_slashes(text: str) -> str:
    """ "seuranta/arviointi / ohjaus" -> "seuranta / arviointi / ohjaus": a short label that
    spaces one slash between words and closes another, wholly or on one side ("seuranta/
    arviointi / ohjaus"), lost the closed one's spaces to OCR (OCR drops the thin spaces
    around a slash; it never adds them)."""
    if len(text.split()) > LABEL_WORDS or not _SPACED_SLASH.search(text):
        return text
    return _CLOSED_SLASH.sub(" / ", text)


_HALF_SPACED_SLASH = re.compile(r"(?<=[^\W\d_])/ (?=[^\W\d_])|(?<=[^\W\d_]) /(?=[^\W\d_])")
HEAD_SLASHES = 2  # a column head with this many slashes, every one spaced at least on one side


def head_slashes(text: str) -> str:
    """ "seuranta/ arviointi/ ohjaus" -> "seuranta / arviointi / ohjaus": a column head (an
    extra field's key) whose every slash is spaced on one side only lost the other side's space
    to OCR; no writer sets a head's slashes so, while OCR drops the space before a slash all
    through a document (kymenlaakso-lnp-hrules@eng-300, every page)."""
    if len(text.split()) > LABEL_WORDS or text.count("/") < HEAD_SLASHES:
        return text
    if len(_HALF_SPACED_SLASH.findall(text)) + text.count(" / ") != text.count("/"):
        return text
    return _HALF_SPACED_SLASH.sub(" / ", text)


# a closing quote no opening one precedes, at a word's end ("Tila’"): a speck
_CLOSING_QUOTE = re.compile(r"(?<=[^\W\d_])[’”](?=[\s:;,.]|$)")
# a speck read as a hyphen between a sentence's stop and the next one's capital ("ruotsiksi.-Muiden")
_HYPHEN_AFTER_STOP = re.compile(r"(?<=[a-zåäö]{2}\.)-(?=[A-ZÅÄÖ][a-zåäö])")


def stray_closers(text: str) -> str:
    """ "Tila’" -> "Tila", "ruotsiksi.-Muiden" -> "ruotsiksi. Muiden": an unpaired closing quote
    at a word's end and a hyphen between two sentences are specks."""
    text = _HYPHEN_AFTER_STOP.sub(" ", text)
    return _CLOSING_QUOTE.sub(lambda m: m.group(0) if _OPENS[m.group(0)] in text[: m.start()] else "", text)


_OPENS = {"’": "‘", "”": "“"}
