"""OCR type sizes evened out, and titles and headings told from body text (words of a scanned page).

Tesseract gives each of its lines one size, fitted to the line's box: a speck or an accent
stretches it, a line running across a table's cells takes one size for all of them, and the
page's body text comes out in a dozen sizes a point apart.  The layout reader tells headings,
titles and small print by size, so here the words' sizes are set from what the page shows:
the width of their letters against the page's usual width per letter, line by line (and
cell by cell where an OCR line crosses cells); and an OCR line set much larger than the body
is a display line, kept out of the table regions.
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.words import Word

DISPLAY_SIZE = 1.4  # an OCR line this many times the page's usual text size is a title or heading


def is_display_line(line: Any, words: list[Word]) -> bool:
    """A title or heading line of an OCR page (much larger than the page's usual words)."""
    sizes = sorted(w.size for w in words)
    return bool(sizes) and line.size >= DISPLAY_SIZE * sizes[len(sizes) // 2]


def ocr_table_lines(lines: list[Any], words: list[Word], settings: Any) -> list[Any]:
    """The lines of an OCR page that whitespace tables are looked for among.

    OCR's ink-tight word gaps would make whitespace "tables" of large titles
    set in several runs: those go.  A title or heading read as one run stays:
    set larger than the table's lines, it ends a table above it, and at the
    top of a page it tells that the table of the page before does not go on
    here (pdf.tables.pages.continued) -- without it, a repeated header row under
    the page's section heading read as more rows of the table before.
    """
    from planparse.extractors.pdf.tables.whitespace.regions import split_segments

    return [ln for ln in lines if not (is_display_line(ln, words) and len(split_segments(ln, settings)) > 1)]


BODY_SIZE_RANGE = (0.75, 1.15)  # OCR sizes this near the page's usual size are body text
# The width per average letter (`_advance`) of body text is this share of the size Tesseract
# gives it at 300 dpi, where its sizes hold best (0.44-0.47 on the sample scans, serif and sans).
LETTER_SHARE = 0.46


def even_ocr_sizes(words: list[Word]) -> list[Word]:
    """The words of an OCR page with sizes from the width of their letters.

    Tesseract sizes each line by its own box, so one printed size comes out
    as 8 to 13 points and line boxes wander by a few points: every threshold
    taken from the font size (word gaps, column gaps, paragraph gaps, row
    alignment) would wander with them.  And the box's median moves from page
    to page of one document (13 pt on one page, 11 on the next at 150 dpi;
    8 and 7 at 300 dpi), so a heading on the page whose body came out smaller
    is no larger than the document's body text.  The width of the letters
    holds: body text gets the size its letters imply (`LETTER_SHARE`), the
    same on every page, and a box of that height standing on the box's bottom;
    titles and headings (`_display_lines`) the body size times their letters'
    ratio to the body's, grouped into printed sizes.  A page whose words are
    too short to measure keeps Tesseract's median as its body size.

    The bottom, not the centre: Tesseract boxes the words of one page at
    different heights (at 150 dpi 12 pt boxes with the letters in their lower
    half beside 7-8 pt boxes fitted to the letters), and only the bottoms stand
    alike on the printed line (pdf.scan.chars.boxes.ink.settle_on_ink sets them on the
    ink's baseline).  About their centres, a fitted word stood 2-3 pt lower than
    the words beside it on its printed line, and a cell opening beside a row's
    first line seemed to open lower and went to the row above.
    """
    body = sorted(w.size for w in words)
    if not body:
        return words
    usual = body[len(body) // 2]
    lo, hi = BODY_SIZE_RANGE[0] * usual, BODY_SIZE_RANGE[1] * usual
    judged = sorted(_advance(w) for w in words if len(w.text) >= MIN_JUDGED)
    if judged:
        body_advance = judged[len(judged) // 2]
        printed = round(body_advance / LETTER_SHARE, 1)
    else:
        body_advance, printed = 0.0, usual
    display, small = _display_lines(words, lo, hi, usual, body_advance)
    scale = printed / usual
    classes = _size_classes(sorted({round(printed * ratio, 1) for ratio in display.values()}))
    out = []
    for i, w in enumerate(words):
        if i in display:
            w = w._replace(size=classes[round(printed * display[i], 1)])
        elif i in small:
            w = w._replace(size=round(w.size * scale, 1))
        else:
            w = w._replace(size=printed, top=w.bottom - printed)  # on its bottom: see the docstring
        out.append(w)
    return out


MIN_JUDGED = 4  # letters a word needs for its width to tell its size
BASELINE_SLACK = 1.5  # points between the box bottoms of words on one printed line
DISPLAY_WIDTH = 1.3  # letters this many times as wide as the page's usual ones are a title's or heading's
SMALL_PRINT = 0.8  # ... this share of their width or less (and a box below the body's), small print

# Width of a glyph in "average letters": what a word's width is divided by to give its
# width per letter, so that "Ilmoitus" and "WWF-ohjelma" measure the same type size.
# Rough classes of the common text faces (Helvetica, Arial, Times, DejaVu, Liberation).
_NARROW = frozenset("iljIí!|.,:;'`´’")
_SEMI = frozenset("ftr()[]-/\"")
_WIDE = frozenset("mwMW%@")


def letter_units(text: str) -> float:
    """The width of `text` in average letters of a common text face: a word's box width over
    this is its type's advance, which OCR sizes and garbled-word checks measure by."""
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.5
        elif ch in _SEMI:
            units += 0.7
        elif ch in _WIDE:
            units += 1.5
        elif ch.isupper():
            units += 1.3
        elif ch.isdigit():
            units += 1.1
        else:
            units += 1.0
    return units


def _advance(w: Word) -> float:
    """Width per average letter (points): the type size up to the face's proportions."""
    return (w.x1 - w.x0) / max(letter_units(w.text), 0.5)


def _ocr_lines(words: list[Word]) -> list[list[int]]:
    """Indices of the words of each OCR line: Tesseract gives one size to a line's words,
    which stand side by side at one height."""
    lines: list[list[int]] = []
    for i in sorted(range(len(words)), key=lambda i: (words[i].size, words[i].yc)):
        w = words[i]
        if lines and words[lines[-1][-1]].size == w.size and abs(words[lines[-1][-1]].yc - w.yc) < 0.5 * w.size:
            lines[-1].append(i)
        else:
            lines.append([i])
    return lines


def _display_lines(
    words: list[Word], lo: float, hi: float, usual: float, body_advance: float
) -> tuple[dict[int, float], set[int]]:
    """The words of the page's titles and headings, each with its size as a ratio to the
    body's; and the words of its small print.

    Tesseract sizes a line by its box height, which says little: a line it
    merged with a misread speck or a line beside it ("vät 40 % vuoden" read as
    "VI 10 Vuoden", the box 16 pt tall) makes a row of a table look like a
    heading; at 150 dpi body lines come out as tall as the 14 pt heading above
    them, which then reads as body text and the section is lost.  Each OCR
    line is measured instead by the median width per letter of its words
    (`_advance`) against the page's median, which body text sets.  Letters
    DISPLAY_WIDTH times as wide or more make a title or heading; a line
    Tesseract sized as display text stays one as long as its letters are
    nearer that size than the body's.  A line too short to measure keeps
    Tesseract's word.  Either way a line standing on one baseline with body
    words beside it is a row of a table.  Small print is a line Tesseract sized
    below the body whose letters are narrow too (or too few to tell).
    """
    out: dict[int, float] = {}
    small: set[int] = set()
    for whole in _ocr_lines(words):
        parts = _line_parts(words, whole, usual)
        whole_display, _ratio, whole_small = _line_verdict(words, whole, lo, hi, usual, body_advance)
        for line in parts:
            display, ratio, is_small = (
                _line_verdict(words, line, lo, hi, usual, body_advance) if len(parts) > 1 else (whole_display, _ratio, whole_small)
            )
            # a cell's words are only taken out of a display (or small) line, never put into one:
            # the whole line's verdict must agree (see `_line_parts`)
            if display and whole_display:
                out.update((i, ratio) for i in line)
            elif is_small and whole_small:
                small.update(line)
    return out, small


def _line_verdict(
    words: list[Word], line: list[int], lo: float, hi: float, usual: float, body_advance: float
) -> tuple[bool, float, bool]:
    """Is an OCR line (or a cell's part of one) display text, with its size ratio to the
    body's, and is it small print (`_display_lines`)?"""
    size = words[line[0]].size
    judged = [i for i in line if len(words[i].text) >= MIN_JUDGED]
    # a mark glued before a word (a speck read as '"' or '»') widens it: such words are
    # measured only when the line has no other
    widths = sorted(_advance(words[i]) for i in ([i for i in judged if words[i].text[0].isalnum()] or judged))
    if widths and body_advance:
        ratio = widths[len(widths) // 2] / body_advance
        implied = usual * ratio
        display = ratio >= DISPLAY_WIDTH or (size > hi and abs(implied - size) <= abs(implied - usual))
        narrow = ratio < SMALL_PRINT
        ratio = max(ratio, BODY_SIZE_RANGE[1] + 0.05)
    else:  # too few letters to judge: Tesseract's size, unless the line has no letter at all
        # (signs Tesseract boxed tall, "%)" wrapped under "(tavoite 70": a heading has words)
        # a line that opens in lower case is the wrap of a cell or a sentence ("so" under
        # "Mittari ja tavoiteta-" boxed 12 pt tall at 150 dpi; "ri)", the rest of
        # "(sivi-sote-3.sekto-", 12 pt beside 9 pt lines), never a heading's start
        letters = [ch for i in line for ch in words[i].text if ch.isalpha()]
        display, ratio, narrow = size > hi and bool(letters) and not letters[0].islower(), size / usual, True
    display = display and not _beside_body(words, line, lo, hi)
    return display, ratio, not display and size < lo and narrow


LINE_PART_GAP = 2.0  # usual box heights: words of one OCR line this far apart stand in different cells


def _line_parts(words: list[Word], line: list[int], usual: float) -> list[list[int]]:
    """An OCR line cut where its words stand far apart: Tesseract runs a line across a table's
    columns, and each cell's words are measured on their own ("tusmahdollisuuksia." in the goal
    column and "Hlylläle)", a misread "(kyllä/ei)" in the last, boxed 13 pt beside 12 pt lines:
    the wide garbage made the goal's middle line a heading, 12 pt tall, and the goal's cell broke
    in two).  A part only leaves its line's display (or small) size, never takes one the whole
    line has not: a cell of few words measures badly alone ("Antal anmalningar per ar" under an
    OCR box 8 pt too wide for "Antal", two judged words, came out a heading and merged two
    indicators, strandby-jamstalldhet-hrules@eng-150, set G; the head "Mal", too short to judge,
    came out small print)."""
    ordered = sorted(line, key=lambda i: words[i].x0)
    parts = [[ordered[0]]]
    for i in ordered[1:]:
        if words[i].x0 - words[parts[-1][-1]].x1 > LINE_PART_GAP * usual:
            parts.append([i])
        else:
            parts[-1].append(i)
    return parts


def _beside_body(words: list[Word], line: list[int], lo: float, hi: float) -> bool:
    """Do the OCR line's words stand on one baseline with body words beside them (a header
    row whose middle cells Tesseract boxed taller than the rest)?  A heading has its line
    to itself."""
    own = {id(words[i]) for i in line}
    others = [o for o in words if lo <= o.size <= hi and id(o) not in own]
    return all(
        any(abs(o.bottom - words[i].bottom) <= BASELINE_SLACK and o.top < words[i].bottom for o in others)
        for i in line
    )


DISPLAY_CLASS = 1.12  # display sizes within this ratio of a class's smallest are one printed size


def _size_classes(sizes: list[float]) -> dict[float, float]:
    """Heading and title sizes grouped into printed sizes (each mapped to its class's largest):
    a two-line heading whose lines OCR sized 12 and 13 is one heading again."""
    classes: list[list[float]] = []
    for size in sizes:
        if classes and size <= classes[-1][0] * DISPLAY_CLASS:
            classes[-1].append(size)
        else:
            classes.append([size])
    return {size: group[-1] for group in classes for size in group}
