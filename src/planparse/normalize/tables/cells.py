"""One table cell -> values: text, list items, leading numbering.

A cell is a list of printed `Line`s.  List fields (actions, indicators,
owners) get one item per bullet or paragraph; a wrapped bullet line (no
marker, not a new paragraph, or indented past its bullet: a hanging indent)
stays in its item.  Text fields join all their paragraphs.  Line-break
hyphens are repaired by `hyphens.join_lines` on the lines of one paragraph,
never across paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from planparse.common.glyphs import list_number_formats
from planparse.intermediate import Line
from planparse.normalize.repair.evidence import DocumentEvidence
from planparse.normalize.repair.hyphens import join_lines
from planparse.normalize.repair.lexicon import get_lexicon
from planparse.normalize.text import LINE_END_HYPHENS, clean_text, ends_sentence, split_bullet

# "1", "1.", "1.2", "1.2.", "1)", "I.", "IV)" at the start of a cell.  Numeric
# parts have at most two digits, so a year ("2024 alkaen") is not an id.
# item numbers: "1", "1.2", "12)" ...; three digits only closed ("100.", "100)") or dotted ("100.1"),
# so that "100 henkilöä" stays text while a plan's hundredth goal keeps its number
_NUMBERING = re.compile(
    r"^\s*(?:(?P<num>\d{1,2}(?:\.\d{1,2})*|\d{3}(?:\.\d{1,2})+|\d{3}(?=[.)]))(?P<numend>[.)]?)|(?P<rom>[IVX]{1,5})(?P<romend>[.):]?))(?=\s|$)"
)
_RANGE_BREAK = re.compile(r"\d\s*[-–]$")
_DASHES = {"-", "–", "—"}
_SLASH_BREAK = re.compile(r"\w/$")
_SLASH_OPENING = re.compile(r"^/\w")  # a line opening with a slash closed up to its word ("/nuorisotoi")
_SLASH_SPACED = re.compile(r"\w/ \w")
_SLASH_CLOSED = re.compile(r"\w/\w")


def _slash_case(char: str) -> str:
    """The class of the character after a slash: a capital, a small letter or a digit."""
    return "digit" if char.isdigit() else "upper" if char.isupper() else "lower"


def _slash_counts(texts: list[str]) -> dict[str, list[int]]:
    """Spaced and closed slashes ([spaced, closed]) by the case of the letter after the slash."""
    counts = {"upper": [0, 0], "lower": [0, 0], "digit": [0, 0]}
    for t in texts:
        for m in _SLASH_SPACED.finditer(t):
            counts[_slash_case(m.group(0)[-1])][0] += 1
        for m in _SLASH_CLOSED.finditer(t):
            counts[_slash_case(m.group(0)[-1])][1] += 1
    return counts


def slash_styles_by_case(texts: list[str]) -> dict[str, bool]:
    """Whether `texts` space a slash ("palvelukokonaisuus/ Terveyspalvelut") before a capital
    ("upper") and before a small letter ("lower"), where they prefer one way.  Plans often
    do both: a space before a new name, none between two words (lapsi/nuoriso)."""
    return {case: spaced > closed for case, (spaced, closed) in _slash_counts(texts).items() if spaced != closed}


def slash_styles(texts: list[str]) -> tuple[bool, dict[str, bool]]:
    """`slash_style(texts)` and `slash_styles_by_case(texts)` from one pass over the texts
    (every slash match has a case, so the totals are the sums over the cases)."""
    counts = _slash_counts(texts)
    spaced = sum(s for s, _ in counts.values())
    closed = sum(c for _, c in counts.values())
    return spaced > closed, {case: s > c for case, (s, c) in counts.items() if s != c}


def slash_style(texts: list[str]) -> bool:
    """True when `texts` write a slash followed by a space ("alue/ toimitilojen") more often than not."""
    return sum(len(_SLASH_SPACED.findall(t)) for t in texts) > sum(len(_SLASH_CLOSED.findall(t)) for t in texts)


class _LineFlags(NamedTuple):
    """What the extractor's geometry says about where one printed line ends."""

    short: bool  # ended although the next word would have fitted
    full: bool  # one word as wide as the cell
    maybe: bool  # an OCR line nearly as wide (`Line.maybe_cut`)


@dataclass
class TextJoiner:
    """Joins the printed lines of one paragraph into running text (per document language)."""

    lang: str = "fi"
    evidence: DocumentEvidence | None = None
    slash_space: bool = False  # the document writes "a/ b" more often than "a/b"
    slash_cases: dict[str, bool] = field(default_factory=dict)  # the same by the next letter's case
    ocr: bool = False  # OCR text: its glyph misreadings are undone line by line first
    # paragraph_texts per cell content: the normalizer reads each cell several times
    # (header search, repeated headers, split rows, records)
    _items: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _spaced_slashes(self, lines: list[str], following: str = "") -> bool:
        """The paragraph's own slashes decide; if it has none inside a line, the document's
        slashes before a character of the same class (capital, small letter, digit) as the
        `following` line's first; then all of them."""
        spaced = sum(len(_SLASH_SPACED.findall(line)) for line in lines)
        closed = sum(len(_SLASH_CLOSED.findall(line)) for line in lines)
        if spaced != closed:
            return spaced > closed
        if following[:1].isalnum() and _slash_case(following[0]) in self.slash_cases:
            return self.slash_cases[_slash_case(following[0])]
        return self.slash_space

    def join(
        self,
        lines: list[str],
        ends_short: list[bool] | None = None,
        fills_cell: list[bool] | None = None,
        maybe_cut: list[bool] | None = None,
    ) -> str | None:
        """The lines of one paragraph as clean running text (None when they hold none).

        `ends_short`, `fills_cell` and `maybe_cut` (per line, from the extractor's geometry)
        mark lines the writer ended although the next word would have fitted,
        one-word lines as wide as the cell, and OCR lines nearly so.
        """
        merged: list[str] = []
        if self.ocr:
            from planparse.normalize.repair.ocr.glyphs import ocr_glyphs, ocr_line_breaks  # OCR text only

            lines = [ocr_glyphs(line) for line in lines]
            if self.lang in ("fi", "sv") and get_lexicon(self.lang).has_spellchecker:
                lines = ocr_line_breaks(lines, get_lexicon(self.lang).is_word)
        flags: list[_LineFlags] = []  # per merged line: what the geometry says about its end
        for i, line in enumerate(lines):
            line = line.strip()
            if not line:
                continue
            line_flags = _LineFlags(
                bool(ends_short and ends_short[i]), bool(fills_cell and fills_cell[i]), bool(maybe_cut and maybe_cut[i])
            )
            # a number range cut after its dash ("2022–" / "2023") closes up without a space;
            # so does a break after a slash ("kyllä/" / "ei") unless the text spaces its slashes
            if merged and line in _DASHES and merged[-1][-1:].isdigit() and _text_after(lines, i)[:1].isdigit():
                # "2025" / "–" / "2027": a range cut on both sides of its dash in a narrow column
                merged[-1] = merged[-1].rstrip() + line
            elif merged and _RANGE_BREAK.search(merged[-1]) and line[:1].isdigit():
                merged[-1] = merged[-1].rstrip() + line
            elif merged and _SLASH_BREAK.search(merged[-1]) and not self._spaced_slashes(lines, line):
                merged[-1] = merged[-1] + line
            elif merged and flags[-1].full and merged[-1][-1:].isalnum() and _SLASH_OPENING.match(line) and not self._spaced_slashes(lines, line[1:]):
                # a word cut before its slash at a full line's end ("Muut lapsi" / "/nuorisotoi",
                # `Line.fills_cell`): closed up the same way
                merged[-1] = merged[-1] + line
            else:
                merged.append(line)
                flags.append(line_flags)
                continue
            flags[-1] = line_flags  # a line closed onto the one before: the joined line ends where it ends
        if not merged:
            return None
        short, full, maybe = ([f[k] for f in flags] for k in range(3))
        text = join_lines(merged, self.lang, self.evidence, ends_short=short, fills_cell=full, maybe_cut=maybe)
        if self.ocr:
            from planparse.normalize.repair.ocr.glyphs import year_ranges

            text = year_ranges(text)
        return clean_text(text)


def _text_after(lines: list[str], i: int) -> str:
    """The first line after line `i` that holds text, stripped ("" when none): asked only
    where a line is a lone dash (a search per line made every join quadratic)."""
    return next((t.strip() for t in lines[i + 1:] if t.strip()), "")


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split a cell's lines into items: one per bullet, list item or paragraph.

    A line opens a new item when it carries a bullet marker, is a list item,
    starts a paragraph, or follows a blank line -- except a line indented
    further than the bullet line of the item it follows (hanging indent),
    which continues that item.
    """
    groups: list[list[Line]] = []
    after_blank = False
    first = next((line for line in lines if line.text.strip()), None)
    list_marker = split_bullet(first.text)[0] if first is not None else None
    cell_is_list = list_marker is not None
    hanging = None if cell_is_list else hanging_indent([line for line in lines if line.text.strip()])
    for i, line in enumerate(lines):
        if not line.text.strip():
            after_blank = True
            continue
        marker, _ = split_bullet(line.text)
        if marker in _DASHES and _range_dash(lines, i):
            marker = None  # "2025" / "–" / "2027"
            if groups and not after_blank:
                groups[-1].append(line)
                continue
        at_hanging = False
        if marker in _DASHES and groups and not (line.list_item or after_blank or ends_sentence(groups[-1][-1].text)):
            # "vaikuta" / "– verkkosivulta": a dash wrapped to the line start is text.  In a
            # list marked by "-", that is another dash at the hanging indent; under a "•"
            # list a deeper dash is a sub-item.  At the indent of the item's own wrapped
            # lines (its hanging indent, deeper than its marker) it is the item's text.
            at_hanging = _at_hanging_indent(line, groups[-1])
            if cell_is_list:
                wrapped = at_hanging or (list_marker in _DASHES and marker != list_marker and line.indent > groups[-1][0].indent + 1.0)
            else:
                wrapped = at_hanging or not line.paragraph_start
            if wrapped:
                marker = None
        starts = (marker is not None or line.list_item or line.paragraph_start or after_blank) and not at_hanging
        if groups and starts and marker is None and not line.list_item and not after_blank:
            head = groups[-1][0]
            if split_bullet(head.text)[0] is not None and line.indent > head.indent + 1.0:
                starts = False  # hanging indent: the wrapped rest of a bullet item
            if groups[-1][-1].text.rstrip().endswith("/"):
                starts = False  # "7 500/" / "11 000": a slash joins what stands on both sides of it
            elif _cut_word_goes_on(groups[-1][-1], line):
                starts = False  # "al-" / "kaen": a word broken at the line's end goes on (an OCR box
                # set a little off its column's edge made the rest look like a paragraph's start)
        if hanging is not None and marker is None and abs(line.indent - hanging) <= 1.0 and not (groups and _cut_word_goes_on(groups[-1][-1], line)):
            starts = True  # a list whose glyphs were lost: every line at the outer indent opens an item
        if starts and groups and marker is None and not line.list_item and not any(ch.isalnum() for ch in line.text):
            starts = False  # "(%)", "%)": signs alone open no item, they close the one above (a scan's
            # box set such a line low; the rest of a cell carried overleaf starts a paragraph)
        if not starts and groups and next_list_number(groups[-1][0].text, line.text):
            starts = True  # "2) neuvola-" after an item "1) Perhekes-": OCR may lose the gap between them
        if starts or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
        after_blank = False
    return groups


def _cut_word_goes_on(prev: Line, line: Line) -> bool:
    """Does `line` finish a word that `prev` broke at its end ("talkoilla yhdessä kylä-" /
    "yhdistysten kanssa.")?  A line-break hyphen after a letter never ends an item, and the
    rest of the word starts lower-case.  (The rest of a row cut by a page break is measured
    from its own left edge, so its indent says nothing.)"""
    text = prev.text.rstrip()
    return len(text) >= 2 and text[-1] in LINE_END_HYPHENS and text[-2].isalpha() and line.text.lstrip()[:1].islower()


def _range_dash(lines: list[Line], i: int) -> bool:
    """Is line i a lone dash between a line ending in a digit and one starting with a digit (a cut range)?"""
    if lines[i].text.strip() not in _DASHES or i == 0 or i + 1 >= len(lines):
        return False
    return lines[i - 1].text.rstrip()[-1:].isdigit() and lines[i + 1].text.lstrip()[:1].isdigit()


def _at_hanging_indent(line: Line, item: list[Line]) -> bool:
    """Is `line` at the indent of the wrapped lines of `item`, which hang deeper than its first line?"""
    if len(item) < 2:
        return False
    return item[-1].indent > item[0].indent + 1.0 and abs(line.indent - item[-1].indent) <= 1.0


def hanging_indent(lines: list[Line]) -> float | None:
    """The outer indent of a list set with hanging indents but no glyphs, else None.

    Such a cell has exactly two indent levels, starts at the outer one, has
    two or more lines there (items) and one or more at the inner one (their
    wrapped rest, none of them a paragraph start).  Centred or ragged text has more levels; a first-line
    indent starts at the inner one.
    """
    if len(lines) < 3:
        return None
    levels: list[float] = []
    for line in lines:
        if not any(abs(line.indent - level) <= 1.0 for level in levels):
            levels.append(line.indent)
    if len(levels) != 2 or lines[0].indent != min(levels) or max(levels) - min(levels) < 3.0:
        return None
    outer = sum(1 for line in lines if abs(line.indent - levels[0]) <= 1.0)
    if any(line.paragraph_start for line in lines if abs(line.indent - levels[0]) > 1.0):
        return None  # a wrapped rest never starts a paragraph ("Sivu 1" beside a cell's text is no list)
    return levels[0] if outer >= 2 else None


def paragraph_texts(lines: list[Line], joiner: TextJoiner) -> list[str]:
    """The cell's items as clean strings, bullet markers removed."""
    key = tuple([(line.text, line.indent, line.paragraph_start, line.list_item, line.ends_short, line.fills_cell, line.maybe_cut) for line in lines])
    items = joiner._items.get(key)
    if items is None:
        items = joiner._items[key] = _paragraph_texts(lines, joiner)
    return list(items)


def _paragraph_texts(lines: list[Line], joiner: TextJoiner) -> list[str]:
    out = []
    for group in group_paragraphs(lines):
        texts = [line.text for line in group]
        short = [line.ends_short for line in group]
        full = [line.fills_cell for line in group]
        maybe = [line.maybe_cut for line in group]
        marker, texts[0] = split_bullet(texts[0])
        while marker is not None:  # "• – teksti": every marker goes
            if len(texts) > 1 and not texts[0].strip():
                del texts[0], short[0], full[0], maybe[0]  # a marker alone on its line: the item's text (and its markers) on the next
            marker, texts[0] = split_bullet(texts[0])
        text = joiner.join(texts, short, full, maybe)
        if text:
            out.append(text)
    return out


def cell_text(lines: list[Line], joiner: TextJoiner) -> str | None:
    """A text field: every paragraph joined, separated by one space."""
    return clean_text(" ".join(paragraph_texts(lines, joiner)))


def split_numbering(items: list[str]) -> tuple[str | None, list[str]]:
    """Take the numbering ("1.", "1.2", "I") off the first item: (id, items).

    A first item that is only a number ("1" printed on its own line) is
    removed; otherwise the number is cut from its start.
    """
    if not items:
        return None, items
    match = _NUMBERING.match(items[0])
    if not match:
        return None, items
    if match.group("rom") and not match.group("romend") and items[0].strip() != match.group("rom"):
        return None, items  # a bare capital I/V/X before text is a word, not a numeral
    ident = match.group("num") or match.group("rom")
    rest = clean_text(items[0][match.end():])
    return ident, ([rest] if rest else []) + items[1:]


def _list_number_patterns() -> list[re.Pattern[str]]:
    """The numbered-list formats of data/bullets.yaml as patterns with a `n` or `a` group."""
    global _LIST_NUMBERS
    if _LIST_NUMBERS is None:
        patterns = []
        for fmt in list_number_formats():
            body = re.escape(fmt).replace(r"\{n\}", r"(?P<n>\d{1,2})").replace(r"\{a\}", r"(?P<a>[a-z])")
            patterns.append(re.compile(rf"^\s*{body}(?:\s+|$)"))
        _LIST_NUMBERS = patterns
    return _LIST_NUMBERS


_LIST_NUMBERS: list[re.Pattern[str]] | None = None


def next_list_number(head: str, line: str) -> bool:
    """Does `line` start with the list number after the one `head` starts with ("1) a" -> "2) b")?

    A numbered item's own marker opens it even where the page's spacing was
    lost (an OCR engine's line boxes can close the gap between two items).
    """
    for pattern in _list_number_patterns():
        first = pattern.match(head)
        if first is None:
            continue  # most heads are no list item: `line` need not be matched
        second = pattern.match(line)
        if second and _list_ordinal(second) == _list_ordinal(first) + 1:
            return True
    return False


def is_list_numbered(text: str) -> bool:
    """Does the text open with a numbered-list marker of data/bullets.yaml ("2)", "b)")?"""
    return any(pattern.match(text) for pattern in _list_number_patterns())


def _list_ordinal(match: re.Match[str]) -> int:
    if match.groupdict().get("n") is not None:
        return int(match.group("n"))
    return ord(match.group("a")) - ord("a") + 1


# OCR: a later item's list number read as another glyph ("2) Kulttuuri..." as "7)", "9)" or
# ">)"): one digit or sign where the number stands, its closing parenthesis and a capital
_MISREAD_LIST_NUMBER = re.compile(r"^\s*(?:\d|[^\w\s()])\)\s+(?=[A-ZÅÄÖ])")


def _ocr_list_markers(fmt: str, items: list[str], matches: list) -> list:
    """OCR text: the markers of a "{n})" list whose first item opens "1)", each later item
    that opens with a misread number (`_MISREAD_LIST_NUMBER`) taken to carry the next one.
    The markers as `strip_list_numbers` reads them: a match or None per item."""
    if fmt != "{n})" or not matches or not matches[0] or _list_ordinal(matches[0]) != 1:
        return matches
    out, count = [], 0
    for item, m in zip(items, matches):
        if not (m and _list_ordinal(m) == count + 1):
            m = _MISREAD_LIST_NUMBER.match(item)
        count += bool(m)
        out.append(m)
    return out


def strip_list_numbers(items: list[str], ocr: bool = False) -> list[str]:
    """Items of a numbered list ("1) a", "2) b") without their list numbers.

    The numbers are list markers, not ids, when two or more items carry the
    same marker format counting up from 1 in order (items in between without a
    marker are the wrapped rest of one).  A marker alone on its line gives no
    item.  Anything else is returned as it is: "1.1 Text" or a lone "1. Text"
    keep their numbering for `split_numbering`.  In OCR text (`ocr`) a later
    item's number read as another digit or a sign counts as its marker
    (`_MISREAD_LIST_NUMBER`): Tesseract read "2)" as "7)", "9)" or ">)".
    """
    for fmt, pattern in zip(list_number_formats(), _list_number_patterns()):
        matches = [pattern.match(item) for item in items]
        if ocr:
            matches = _ocr_list_markers(fmt, items, matches)
        # a misread number counts as the one its place in the list says
        numbers = [k + 1 if m.re is _MISREAD_LIST_NUMBER else _list_ordinal(m) for k, m in enumerate(m for m in matches if m)]
        if len(numbers) < 2 or not matches[0] or numbers != list(range(1, len(numbers) + 1)):
            continue
        out = []
        for item, match in zip(items, matches):
            rest = clean_text(item[match.end():]) if match else item
            if rest:
                out.append(rest)
        return out
    return items


def is_numbering(text: str | None) -> bool:
    """True when `text` is nothing but a number label ("1", "2.", "1.3", "IV")."""
    if not text:
        return False
    match = _NUMBERING.match(text)
    return bool(match) and not text[match.end():].strip()


def split_owners(items: list[str]) -> list[str]:
    """Owner items also split at commas and semicolons outside parentheses.

    A comma between digits ("1,5") is not a separator; "viestintä- ja
    markkinointipalvelut" stays one party (no split at "ja").
    """
    out: list[str] = []
    for item in items:
        depth, start = 0, 0
        for i, ch in enumerate(item):
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth = max(0, depth - 1)
            elif ch in ",;" and depth == 0:
                if ch == "," and 0 < i < len(item) - 1 and item[i - 1].isdigit() and item[i + 1].isdigit():
                    continue
                out.append(item[start:i])
                start = i + 1
        out.append(item[start:])
    return [text for text in (clean_text(part) for part in out) if text]
