"""Words and text lines from one page's characters, in an upright frame.

pdfplumber gives characters with boxes; this module turns them into words
(pdfplumber's own word extractor, one pass over `page.chars`), rotates pages
whose text runs up or down the page into reading position, and groups words
into printed lines.  Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, NamedTuple, Sequence

from pdfplumber.utils import extract_words

from planparse.common.glyphs import bullet_glyphs, glued_markers
from planparse.intermediate import Line
from planparse.extractors.pdf.settings import PdfSettings

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b", re.IGNORECASE)
# Characters that typographically start a list item (no language involved).
BULLET_GLYPHS = bullet_glyphs()
# Of those, the ones that start an item even glued to its text ("•Tietoa"); a dash glued to a word is
# part of it ("wc -tilat", "-projekti").
GLUED_GLYPHS = BULLET_GLYPHS & glued_markers()


class Word(NamedTuple):
    """One printed word: text and box (points, origin top-left), font size, boldness."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    colored: bool = False
    # the text layer writes a space character right before this word: a word break however
    # narrow the gap is drawn (reportlab squeezes a justified line's spaces to 0.2 pt)
    spaced: bool = False

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class TextLine:
    """Words printed on one line, left to right."""

    words: list[Word]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    colored: bool = False

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


# --- orientation -----------------------------------------------------------------


def text_direction(chars: Sequence[dict]) -> str:
    """The dominant writing direction of a page's characters.

    "ltr" for ordinary text, "up" for text rotated 90 degrees counter-clockwise
    (a landscape table printed on a portrait page), "down" for 90 degrees
    clockwise, "upside" for 180.  Decided by the character matrices.
    """
    counts = {"ltr": 0, "up": 0, "down": 0, "upside": 0}
    # Characters of one text run usually share one matrix object (PDFium's do):
    # count runs of the same object, and classify each run once.
    run_matrix: object = None
    run = 0
    for ch in chars:
        matrix = ch.get("matrix")
        if matrix is run_matrix:
            run += 1
            continue
        if run:
            counts[_direction_of(run_matrix)] += run
        run_matrix, run = matrix, 1
    if run:
        counts[_direction_of(run_matrix)] += run
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0.6 * max(1, len(chars)) else "ltr"


def _direction_of(matrix) -> str:
    a, b, _c, _d, _e, _f = matrix or (1, 0, 0, 1, 0, 0)
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "upside"
    return "up" if b > 0 else "down"


def rotate_box(obj: dict, direction: str, width: float, height: float) -> dict:
    """A copy of `obj` (a char or an edge) with its box in the upright frame."""
    if direction == "ltr":
        return obj
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    if direction == "up":  # turn the page clockwise to read it
        box = (height - bottom, height - top, x0, x1)
    elif direction == "down":  # turn the page counter-clockwise
        box = (top, bottom, width - x1, width - x0)
    else:  # upside down
        box = (width - x1, width - x0, height - bottom, height - top)
    new = dict(obj)
    new["x0"], new["x1"], new["top"], new["bottom"] = box
    new["width"], new["height"] = box[1] - box[0], box[3] - box[2]
    if "upright" in new:
        new["upright"] = True
    if "orientation" in new and direction in ("up", "down"):
        new["orientation"] = "h" if new["orientation"] == "v" else "v"
    return new


def upright_frame(direction: str, width: float, height: float) -> tuple[float, float]:
    """Page (width, height) as seen in reading position."""
    return (height, width) if direction in ("up", "down") else (width, height)


# --- words and lines -------------------------------------------------------------


def is_bold(fontname: str) -> bool:
    return bool(_BOLD_FONT.search(fontname or ""))


def chars_to_words(chars: list[dict], flow: bool = False) -> list[Word]:
    """pdfplumber's word extraction, kept with each word's font size and boldness.

    With `flow` the characters are read in the order the PDF writes them (an OCR
    text layer: one word after another, each stretched to the engine's box),
    not sorted by position: OCR boxes of neighbouring words overlap now and
    then, and sorting would shuffle their letters ("voituksessa ja" read as
    "voituksessjaa")."""
    raw = extract_words(
        _flow_breaks(chars) if flow else chars,
        x_tolerance=2.0,
        y_tolerance=3,
        keep_blank_chars=False,
        use_text_flow=flow,
        extra_attrs=["fontname", "size", "non_stroking_color"],
        return_chars=not flow,
    )
    # (an OCR layer's spaces are the engine's guesses between its word boxes, whose gaps
    # say as much: only a born-digital text layer's space marks a word break of its own)
    after_space = set() if flow else _after_space(chars)
    words = [
        Word(
            w["text"], w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1),
            is_bold(w["fontname"]), is_colored(w.get("non_stroking_color")),
            bool(after_space) and id(w["chars"][0]) in after_space,
        )
        for w in raw
        if w["text"].strip()
    ]
    return _trim_overshoot(words) if flow else words


def _after_space(chars: list[dict]) -> set[int]:
    """ids of the characters the text layer writes right after a space character."""
    n = len(chars)
    return {id(chars[i + 1]) for i, c in enumerate(chars) if c["text"] == " " and i + 1 < n}


# An OCR word box that runs into the next word's ends this share of the font size before it.
OCR_WORD_GAP = 0.25


def _flow_breaks(chars: list[dict]) -> list[dict]:
    """A word break before a character that starts left of where the one before it
    ends: in a text layer written word by word, that is the next word over an
    overshooting box (PDFium reports no space there)."""
    out: list[dict] = []
    for c in chars:
        if out:
            prev = out[-1]
            width = prev["x1"] - prev["x0"]
            if prev["text"] != " " and c["text"] != " " and c["x0"] < prev["x1"] - 0.1 * width and abs(c["top"] - prev["top"]) < width:
                out.append(dict(prev, text=" ", x0=prev["x1"], x1=prev["x1"]))
        out.append(c)
    return out


def _trim_overshoot(words: list[Word]) -> list[Word]:
    """Words in text-flow order, a box that runs over the next word on its line cut
    back to end a word space before it (so the line keeps the space between them)."""
    out = list(words)
    for i in range(len(out) - 1):
        w, nxt = out[i], out[i + 1]
        same_line = _overlap(w.top, w.bottom, nxt.top, nxt.bottom) > 0.5 * (w.bottom - w.top)
        if same_line and w.x0 < nxt.x0 < w.x1:
            out[i] = w._replace(x1=max(w.x0 + 0.5, min(w.x1, nxt.x0 - OCR_WORD_GAP * w.size)))
    return out


def is_colored(color: object) -> bool:
    """True for a fill colour other than black (a tinted or grey heading)."""
    try:
        values = [float(v) for v in color]  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return False
    if len(values) == 1:
        return 0.15 < values[0] < 0.95
    if len(values) == 3:
        return 0.15 < max(values) and min(values) < 0.95
    if len(values) == 4:  # CMYK
        return max(values[:3]) > 0.15 or 0.05 < values[3] < 0.85
    return False


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


# sort keys read in C (no Python call per word): every word of every cell is sorted twice
_TOP_THEN_X0 = attrgetter("top", "x0")
_X0 = attrgetter("x0")


def group_lines(words: Iterable[Word], settings: PdfSettings) -> list[TextLine]:
    """Words grouped into printed lines, top to bottom, each left to right."""
    ordered = sorted(words, key=_TOP_THEN_X0)
    groups: list[list[Word]] = []
    top = bottom = 0.0
    overlap = settings.line_overlap
    for w in ordered:
        if groups:
            w_top, w_bottom = w.top, w.bottom
            need = overlap * min(w_bottom - w_top, bottom - top)
            # (_overlap written out: this runs for every word of every cell)
            if min(w_bottom, bottom) - max(w_top, top) >= need > 0:
                groups[-1].append(w)
                if w_bottom > bottom:  # bottom = max(bottom, w.bottom)
                    bottom = w_bottom
                continue
        groups.append([w])
        top, bottom = w.top, w.bottom
    return [make_line(g, settings) for g in groups]


def _text_top(words: Sequence[Word], top: float) -> float:
    """The top of a line's text: a bullet glyph opening it (a lone glyph word) whose box
    is shifted up from the words after it -- its bottom above theirs too, as Word's
    Symbol-font bullet sits -- does not raise the line, so the line stays level with the
    other cells' first lines of its row.  A glyph taller than the text (its box around
    theirs, reportlab's larger bullets) keeps the line's box as it is."""
    first = words[0]
    if len(words) < 2 or len(first.text) != 1 or first.text not in BULLET_GLYPHS:
        return top
    rest_top = min(w.top for w in words[1:])
    rest_bottom = max(w.bottom for w in words[1:])
    if first.top < rest_top and first.bottom < rest_bottom:
        return rest_top
    return top


# a word after a printed space may start this share of the font size left of the previous word's end
SPACED_OVERLAP = 0.1


def make_line(words: list[Word], settings: PdfSettings) -> TextLine:
    """One TextLine from words of one printed line (joins split words without a space).

    One pass over the words: this runs for every line of every cell.
    """
    words = sorted(words, key=_X0)
    space = settings.word_space
    parts: list[str] = []
    sizes: list[float] = []
    n_chars = bold_chars = colored_chars = 0
    x1, top, bottom = words[0].x1, words[0].top, words[0].bottom
    prev: Word | None = None
    for w in words:
        n = len(w.text)
        if prev is not None:
            gap = w.x0 - prev.x1
            size = w.size if w.size > prev.size else prev.size
            # a printed space character is a word break even where the gap is drawn narrower
            # than a word space, as long as the word does not run back over the one before
            parts.append(" " if gap > space * size or (w.spaced and gap > -SPACED_OVERLAP * size) else "")
            # (max and min written out: the first of equal values is kept, as they keep it)
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
        parts.append(w.text)
        sizes.append(w.size)
        n_chars += n
        if w.bold:
            bold_chars += n
        if w.colored:
            colored_chars += n
        prev = w
    top = _text_top(words, top)
    return TextLine(
        words=words,
        text="".join(parts),
        x0=words[0].x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=max(set(sizes), key=sizes.count),  # the size most words have
        bold=bold_chars * 2 > n_chars,
        colored=colored_chars * 2 > n_chars,
    )


# --- cells -------------------------------------------------------------------------


def starts_with_bullet(text: str) -> bool:
    """True when a line begins with a bullet glyph followed by a space, or by text when the glyph may be glued.

    A dash glued to a word ("-tilat" after "wc", "-projekti") is the word's own
    (a suspended compound), as the normalizer's `split_bullet` reads it.
    """
    text = text.lstrip()
    if not text or text[0] not in BULLET_GLYPHS:
        return False
    if len(text) == 1 or text[1].isspace():
        return True
    return text[0] in GLUED_GLYPHS and not text[1].isdigit()


def first_word_width(line: TextLine) -> float:
    """Width of the line's first printed word (pieces closed up without a space count as one word)."""
    token = line.text.split()[0] if line.text.strip() else ""
    seen = 0
    for w in line.words:
        seen += len(w.text.strip())
        if seen >= len(token):
            return w.x1 - line.words[0].x0
    return line.words[-1].x1 - line.words[0].x0


def _fits(prev: TextLine, width: float, size: float, right_limit: float) -> bool:
    """Would `width` more points (after a space) have fitted at the end of `prev`?"""
    return prev.x1 + 0.3 * size + width < right_limit - 0.5 * size


def next_word_fits(prev: TextLine, line: TextLine, right_limit: float | None) -> bool:
    """Would this line's whole first word have fitted at the end of the previous line (after a space)?

    Line breaking is greedy: a line ends before the column edge only when the
    next word does not fit, or where the writer ended it.  `right_limit` is
    where the column's text can reach.
    """
    if right_limit is None or not line.words:
        return False
    return _fits(prev, first_word_width(line), line.words[0].size, right_limit)


def forced_break(prev: TextLine, line: TextLine, right_limit: float | None) -> bool:
    """Did the previous line end early although this line's first word would have fitted?

    (A line ending in a hyphen is left to the hyphen repair: `Line.ends_short`.)
    """
    if right_limit is None or not line.words or prev.text.endswith(("-", "\u00ad")):
        return False
    first = line.words[0]
    return _fits(prev, first.x1 - first.x0, first.size, right_limit)


OCR_GAP_SIZE = 1.75  # pitch / OCR line height of a paragraph gap (born-digital: 1.55 x font size)
OCR_GAP_PITCH = 1.15  # pitch / the cell's usual pitch of a gap between two items
OCR_ITEM_MARKS = "-–—•·*"  # a line opening with one of these may open an item ("- koulukuraattorit")


def _median_low(values: Sequence[float]) -> float:
    """statistics.median_low, without importing statistics (it pulls in fractions and decimal:
    ~10 ms of every fresh process's start-up for this one call on OCR pages)."""
    return sorted(values)[(len(values) - 1) // 2]


def ocr_paragraph_gap(pitch: float, size: float, pitches: Sequence[float], prev: str, text: str) -> bool:
    """Is `pitch` (from line `prev` to line `text`) a paragraph gap in a cell of OCR lines?

    An OCR engine's line height is the ink's, not the font size: Tesseract
    gives 8.0 pt for 9 pt type, so a plain line pitch (12.5 pt) is already
    over the born-digital 1.55 x size; the ratio to the line height is wider
    here, and the born-digital test against the cell's closest pitch stays.
    Line tops wander by a point or two, which can hide a gap of a third of a
    line; a pitch over the born-digital 1.55 x size or over the cell's usual
    one (lower median) is a gap too where the text allows one: the line
    before ends a sentence, or this one starts with a capital, a digit or a
    dash (a wandering line inside a sentence does none of these).  A cell of
    two lines has no usual pitch: its one pitch is judged as born-digital.
    """
    tight = min(pitches) if pitches else pitch
    if pitch > OCR_GAP_SIZE * size or (pitch > 1.3 * size and pitch > 1.25 * tight + 1):
        return True
    if len(pitches) < 2:
        return pitch > 1.55 * size  # one pitch: nothing to compare it with, the born-digital test
    wide = pitch > 1.55 * size  # the born-digital ratio, met by some plain OCR pitches
    if len(pitches) >= 2 and pitch > 1.3 * size and pitch > OCR_GAP_PITCH * _median_low(pitches):
        wide = True
    if not wide:
        return False
    head = text.lstrip()[:1]
    return prev.rstrip()[-1:] in (".", "!", "?", ":", ";") or head.isupper() or head.isdigit() or head in OCR_ITEM_MARKS


def _continues(lines: Sequence[TextLine]) -> bool:
    """Does the text so far end mid-word (a hyphen), mid-range ("2026–") or inside an open parenthesis?"""
    if lines[-1].text.rstrip().endswith(("-", "\u00ad", "\u2013", "\u2014")):  # a word or a range cut
        return True
    text = " ".join(ln.text for ln in lines)
    return text.count("(") > text.count(")")


LETTER = 0.6  # font sizes: a letter's width, how near `edge` a full line ends
# An OCR column's reach is its widest ink box, and a word cut where the next letter no longer
# fitted ends up to that letter's width short of it ("si/nuoris" 5.9 pt short at 8 pt before its
# "o"): a wide letter (m, w: 0.75 em) with the engine's box jitter.  A natural wrap can end as
# near, so a line full only within this wider slack is a `Line.maybe_cut`, which the normalizer
# closes up only on its spell checker's word
OCR_LETTER = 0.8


def one_word_fills(line: TextLine, left: float, edge: float | None, letter: float = LETTER) -> bool:
    """Is the line a single word reaching from the cell's left text edge to `edge` (within a letter)?"""
    if edge is None or not line.words or len(line.text.split()) != 1:
        return False
    slack = letter * line.size
    return line.x0 <= left + slack and line.x1 >= edge - slack


def marked_word_fills(line: TextLine, edge: float | None, letter: float = LETTER) -> bool:
    """Is the line an item marker ("3)", "-") and a single word reaching `edge` (within a
    letter)?  The word stands first on its line as a one-word line's does: a writer cuts it
    where the line is full when it does not fit there, though the item's next lines, set
    further left, would take it whole (reportlab: "3) Kuvau" / "s tehty", seed 23 turku
    82d402d3)."""
    from planparse.extractors.pdf.tables.whitespace.regions import is_list_marker  # (regions imports this module)

    if edge is None or len(line.words) != 2 or not is_list_marker(line.words[0].text):
        return False
    return line.x1 >= edge - letter * line.size


def last_word_width(line: TextLine) -> float:
    """Width of the line's last printed word (pieces closed up without a space count as one word)."""
    token = line.text.split()[-1] if line.text.strip() else ""
    seen = 0
    for w in reversed(line.words):
        seen += len(w.text.strip())
        if seen >= len(token):
            return line.words[-1].x1 - w.x0
    return line.words[-1].x1 - line.words[0].x0


def last_word_cut(prev: TextLine, line: TextLine, edge: float | None, letter: float = LETTER) -> bool:
    """May the previous line's last word have been cut at the cell's edge without a hyphen?

    It reaches `edge` (within a letter), and closed up with this line's first
    word it would not fit on this line either (from its own start: a hanging
    indent's continuation lines are narrower): a word that long cannot be
    printed without a cut, and a writer that cuts one (reportlab, Word) cuts it
    exactly where the line is full.
    """
    if edge is None or not prev.words or not line.words:
        return False
    slack = letter * prev.size
    return prev.x1 >= edge - slack and last_word_width(prev) + first_word_width(line) > edge - line.x0


_TEXT_DASHES = frozenset("-\u2013\u2014")  # dashes a sentence prints too ("vaikuta – verkkosivulta")


def _wrapped_dash(lines: Sequence[TextLine], i: int, edge: float | None) -> bool:
    """Is line i's opening dash the text's own, wrapped to the line start: the line above is
    too full to take even the dash (`next_word_fits` False: line breaking is greedy), and no
    other line of the cell opens with a dash at its left edge (no list of dashes)?"""
    first = lines[i].text.lstrip()[:1]
    if first not in _TEXT_DASHES or edge is None or next_word_fits(lines[i - 1], lines[i], edge):
        return False
    x0 = lines[i].x0
    return not any(
        j != i and ln.text.lstrip()[:1] in _TEXT_DASHES and abs(ln.x0 - x0) <= 1.0 for j, ln in enumerate(lines)
    )


OCR_HANG_SLACK = 2.5  # points: an OCR line this near where its paragraph's first line's text goes on hangs there


def _hangs(indent: float, para_hang: float | None) -> bool:
    """OCR text: do a paragraph's continuation lines at `indent` hang under the text after its
    first word (an item's label), so that a line back at the left edge ends the hanging indent?
    A glued gutter mark cut off the line's first word ("—mispaikkoja") leaves that word its
    share of the OCR box, a few points right of its ink: an indent no label explains."""
    return para_hang is None or abs(indent - para_hang) <= OCR_HANG_SLACK


def cell_lines(
    lines: Sequence[TextLine],
    right_limit: float | None = None,
    ocr: bool = False,
    edge: float | None = None,
    fill_edge: float | None = None,
) -> list[Line]:
    """A cell's printed lines as intermediate Lines with indent and paragraph starts.

    `indent` is measured from the cell's leftmost text edge.  A paragraph starts
    at the first line, after a vertical gap clearly larger than the cell's line
    pitch, at a bullet glyph, where a hanging indent ends (a line back at the
    left edge after indented continuation lines), and after a line that ended
    although the next word would have fitted (`forced_break`).  `ends_short`
    marks every line after which the next line's first word would have fitted
    before `edge` (where the cell's text can reach; `right_limit` when None);
    `fills_cell` every one-word line from the cell's left text edge to `edge`,
    and every line whose last word reaches `edge` and, closed up with the next
    line's first word, would not fit in the cell (`last_word_cut`).

    With `ocr` (a scan's OCR text) the line boxes are the engine's, whose tops
    wander by a few points: a gap never starts a paragraph after a line that
    ends with a hyphen or inside open parentheses.  `fill_edge` (OCR text, which has no
    `edge`): where the column's text reaches, for `fills_cell` only; a line full only within
    `OCR_LETTER` of it is `maybe_cut`.
    """
    edge = right_limit if edge is None else edge
    full_edge = edge if fill_edge is None else fill_edge
    ocr_fill = fill_edge is not None
    if not lines:
        return []
    left = min(ln.x0 for ln in lines)
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:])]
    tight = min(pitches) if pitches else 0.0
    out: list[Line] = []
    para_indent = 0.0
    para_hang: float | None = None  # where the text after a paragraph's first word starts
    hang: float | None = None  # where a bulleted item's text starts (its continuation lines hang there)
    for i, ln in enumerate(lines):
        indent = round(ln.x0 - left, 1)
        if i == 0:
            start = True
        else:
            prev = lines[i - 1]
            pitch = ln.top - prev.top
            size = max(prev.size, 1.0)
            if ocr:
                big_gap = ocr_paragraph_gap(pitch, size, pitches, prev.text, ln.text)
            else:
                big_gap = pitch > 1.55 * size or (pitch > 1.3 * size and pitch > 1.25 * tight + 1)
            if ocr and big_gap:
                big_gap = not _continues(lines[: i])
            hanging_end = out[-1].indent > indent + 2 and abs(para_indent - indent) <= 2 and (
                not ocr or _hangs(out[-1].indent, para_hang))
            bullet = starts_with_bullet(ln.text) and not _wrapped_dash(lines, i, edge)
            start = big_gap or bullet or hanging_end or forced_break(prev, ln, right_limit)
        if start:
            para_indent = indent
            para_hang = round(ln.words[1].x0 - left, 1) if len(ln.words) > 1 else None
            hang = ln.words[1].x0 if starts_with_bullet(ln.text) and len(ln.words) > 1 else None
        fills = one_word_fills(ln, left, full_edge) or (not ocr_fill and marked_word_fills(ln, full_edge))
        if not start and hang is not None and not fills:
            # a bulleted item's continuation line, one word from the item's text edge to the cell's
            fills = one_word_fills(ln, hang, full_edge)
        maybe = ocr_fill and not fills and (one_word_fills(ln, left, full_edge, OCR_LETTER) or (
            not start and hang is not None and one_word_fills(ln, hang, full_edge, OCR_LETTER)))
        out.append(Line(text=ln.text, indent=indent, paragraph_start=start, fills_cell=fills, maybe_cut=maybe))
        if i:
            out[-2].ends_short = next_word_fits(lines[i - 1], ln, edge)
            out[-2].fills_cell = out[-2].fills_cell or last_word_cut(lines[i - 1], ln, full_edge)
            out[-2].maybe_cut = not out[-2].fills_cell and (
                out[-2].maybe_cut or (ocr_fill and last_word_cut(lines[i - 1], ln, full_edge, OCR_LETTER)))
    return out
