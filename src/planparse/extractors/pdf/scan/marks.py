"""OCR marks that are no text of the plan, taken out or read as what they are (words of a scanned page).

Tesseract reads marks where the page has none to speak of: a bullet as "e", "»" or "©",
specks of paper dust as stray stops and quotes, dashes and rules out of the white between
columns ("—", "=", "_", "~"), marks glued to a line's first word, dashes standing at a
table's vertical rules.  Each function takes a page's OCR words (pdf.words.Word, after
the table rules were found in the image: pdf.scan.raster) and returns them with such marks
read as bullets or left out, judged by where they stand: on a line of their own, in a
column gap, before a rule, in a column of list bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planparse.common.glyphs import ocr_bullet_misreads
from planparse.extractors.pdf.scan.bullets import ocr_lines
from planparse.extractors.pdf.words import Word

LINE_START_GAP = 0.8  # font sizes: a gap this wide before a word is a column gap, not a word space


def ocr_bullets(words: list[Word]) -> list[Word]:
    """A bullet that OCR read as a letter or sign (`e`, `»`, `©`, ...) becomes "•" again.

    Only a lone one-glyph word that opens a line (or stands after a column
    gap) and is followed, close by on the same line, by a capitalised word
    (or by an item number and a capitalised word, "¢ 3.2 Ystäväpalvelun") counts:
    the misreadings are in data/bullets.yaml (`ocr_misreads`).  A dash bullet with a
    speck of dust read glued before it ("'- Familjecentrets") loses the speck so.
    """
    misreads = ocr_bullet_misreads()
    out = list(words)
    for i, w in enumerate(out):
        dash = _dusted_dash(w.text)
        if w.text not in misreads and dash is None:
            continue
        # neighbours on the glyph's own line, by box centre: the line of a skewed scan
        # drifts by a point or two, so its words' tops do not sort as one line
        line = [o for o in out if o is not w and abs(o.yc - w.yc) <= 0.5 * w.size]
        nxt = min((o for o in line if o.x0 >= w.x1 - 0.5), key=lambda o: o.x0, default=None)
        prev = max((o for o in line if o.x1 <= w.x0 + 0.5), key=lambda o: o.x1, default=None)
        if nxt is None or nxt.x0 - w.x1 > 1.5 * w.size:
            continue
        if not nxt.text[:1].isupper() and not _numbered_word(nxt, line):
            continue
        if prev is not None and w.x0 - prev.x1 < LINE_START_GAP * w.size:
            continue  # inside a run of words: not at a line start (a column gap is wider)
        if dash is not None:  # the dust goes, with its share of the box (a word's glyphs are spaced evenly)
            out[i] = w._replace(text=dash, x0=w.x1 - (w.x1 - w.x0) * len(dash) / len(w.text))
        else:
            out[i] = w._replace(text="•")
    return out


def _dusted_dash(text: str) -> str | None:
    """The dash bullet of a word OCR made of a speck of dust and the dash ("'-": a pixel of the
    scan's noise read as a quote glued before the bullet), else None."""
    bare = text.lstrip("".join(GUTTER_SPECKS))
    return bare if bare != text and len(text) - len(bare) == 1 and bare in DASH_BULLETS else None


_ITEM_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?$")  # "3.2": an action's number


def _numbered_word(word: Word, line: list[Word]) -> bool:
    """Is `word` an item number ("3.2") followed, close by, by a capitalised word ("¢ 3.2 Ystäväpalvelun")?"""
    if not _ITEM_NUMBER.match(word.text):
        return False
    after = min((o for o in line if o.x0 >= word.x1 - 0.5), key=lambda o: o.x0, default=None)
    return after is not None and after.x0 - word.x1 <= 1.5 * word.size and after.text[:1].isupper()


_PUNCT_ONLY = frozenset(".,;:'\"‘’`´~_")
ISOLATION = 2.0  # font sizes of empty line on both sides of a lone OCR glyph


def ocr_specks(words: list[Word]) -> list[Word]:
    """Words OCR made of dust and specks: punctuation alone ("." "," "'"), or one
    glyph other than a digit or a bullet with nothing beside it on its line."""
    rows = sorted(words, key=lambda w: (round(w.top), w.x0))
    keep: list[Word] = []
    for k, w in enumerate(rows):
        if w.text and all(ch in _PUNCT_ONLY for ch in w.text):
            continue
        if len(w.text) == 1 and not w.text.isdigit() and w.text != "•":
            gap = ISOLATION * w.size
            near = [
                o for o in rows[max(0, k - 12) : k + 12]
                if o is not w and abs(o.top - w.top) < 0.6 * w.size and (o.x1 > w.x0 - gap and o.x0 < w.x1 + gap)
            ]
            if not near and not _line_of_a_column(w, rows, k):
                continue
        keep.append(w)
    return keep


PITCH = (0.9, 1.8)  # font sizes from one line's top to the next line's in a column of text
EDGE_SLACK = 0.3  # font sizes: lines starting this close stand at one left text edge


def _line_of_a_column(w: Word, rows: list[Word], k: int) -> bool:
    """Is the lone glyph a letter standing as a line of its own in a column of text: a line
    above and a line below start at its left edge, one line pitch away ("årligen" / "i" /
    "augusti" in a narrow schedule column)?  Dust does not stand on a column's line grid.
    With no line below, a lower-case letter a line pitch (the column's own) under a line that
    ends in a letter or a hyphen ends the word that line cut: "202" / "0 al-" / "kae" / "n" in a schedule column too
    narrow for "alkaen" (kymenlaakso-lnp-header-rule@fin-300, set M)."""
    if not w.text.isalpha():
        return False
    above: Word | None = None
    below = False
    for o in _column_neighbours(w, w.size, rows, k):
        step = (w.top - o.top) / w.size
        above = o if PITCH[0] <= step <= PITCH[1] else above
        below = below or PITCH[0] <= -step <= PITCH[1]
    if above is None:
        return False
    return below or (w.text.islower() and _on_pitch(w, above, rows, k) and _cut_line_end(above, rows, k))


def _column_neighbours(anchor: Word, size: float, rows: list[Word], k: int) -> Iterator[Word]:
    """The words near row `k` that start a line at `anchor`'s left edge (within EDGE_SLACK
    font sizes) with a letter or digit: the lines of `anchor`'s column of text."""
    for o in rows[max(0, k - 24) : k + 24]:
        if o is not anchor and abs(o.x0 - anchor.x0) <= EDGE_SLACK * size and o.text[:1].isalnum():
            yield o


GRID_SLACK = 0.2  # of the column's line pitch: a last line's step off it is off the grid


def _on_pitch(w: Word, above: Word, rows: list[Word], k: int) -> bool:
    """Does the glyph stand the column's own line pitch under `above` (the step from the line over
    `above`, at the same left edge)?  A last line has no line below to place it on the grid."""
    step = w.top - above.top
    for o in _column_neighbours(above, w.size, rows, k):
        pitch = above.top - o.top
        if PITCH[0] * w.size <= pitch <= PITCH[1] * w.size and abs(step - pitch) <= GRID_SLACK * pitch:
            return True
    return False


def _cut_line_end(first: Word, rows: list[Word], k: int) -> bool:
    """Does the line that `first` starts end in a letter or a hyphen (a word the column cut)?"""
    last = first
    for o in sorted(rows[max(0, k - 24) : k + 24], key=lambda o: o.x0):
        if abs(o.top - first.top) < 0.3 * first.size and 0 <= o.x0 - last.x1 <= first.size:
            last = o
    return last.text[-1:].isalpha() or last.text[-1:] in "-\u00ad"


GUTTER_MARKS = frozenset("-–—=~_")  # what OCR reads from nothing in the white between columns


GUTTER_SPECKS = frozenset("'‘’`´.,")  # dust read beside a gutter mark ("_—‘")


def _gutter_mark(text: str) -> bool:
    """A word of gutter marks only ("—", "=", "—_"): OCR reads one speck as one or two, at
    150 dpi the end of a row's rule in the gap as three or four ("—_—-", "~—_"), with dust
    read as a quote or a point beside them ("_—‘")."""
    marks = "".join(ch for ch in text if ch not in GUTTER_SPECKS)
    return bool(marks) and len(marks) <= GUTTER_MARK_LEN and len(text) - len(marks) <= 1 and set(marks) <= GUTTER_MARKS


GUTTER_MARK_LEN = 4  # marks OCR reads from one speck or a rule's end in a column gap
GLUED_MARK = re.compile(r"^(?:[-–—=~]*_[-–—=~_]*|[=~][-–—=~]*|—+(?=[a-zåäö]))(?=\w)")


def ocr_glued_marks(words: list[Word]) -> list[Word]:
    """A gutter mark OCR glued to the word after it ("—_toimi", "_velut", "—topalvelut"): cut off.

    A speck in the white left of a column, read as a dash or an underscore
    and written into the first word of the cell, puts that word's start
    left of the column and its text into the field ("liikuntapal- _velut").
    No word begins with an underscore or "=", nor a lower-case one with a long
    dash (a hyphen may: "ja -psykologin"; a dash bullet before a capital is
    the bullets' business).  The word's box loses the marks' share
    of its width (Tesseract spaces a word's characters evenly).
    """
    out = list(words)
    for i, w in enumerate(words):
        m = GLUED_MARK.match(w.text)
        if m is None or len(w.text) - m.end() < 2:
            continue
        cut = m.end()
        x0 = w.x0 + (w.x1 - w.x0) * cut / len(w.text)
        out[i] = w._replace(text=w.text[cut:], x0=x0)
    return out


ANCHOR_LINES = 4  # lines whose text starts at one x before it counts as a column's left edge
ANCHOR_SLACK = 2.0  # points


def _column_anchors(lines: list[list[Word]], need: int = ANCHOR_LINES) -> list[float]:
    """x positions where the text of `need` lines or more starts after a column gap (or at the line's start)."""
    starts: list[float] = []
    for line in lines:
        prev: Word | None = None
        for w in line:
            if _gutter_mark(w.text):
                continue  # the marks in question: the gap is measured from the word before them
            if prev is None or w.x0 - prev.x1 >= LINE_START_GAP * w.size:
                starts.append(w.x0)
            prev = w
    starts.sort()
    anchors: list[float] = []
    i = 0
    while i < len(starts):
        j = i
        while j + 1 < len(starts) and starts[j + 1] - starts[i] <= ANCHOR_SLACK:
            j += 1
        if j - i + 1 >= need:
            anchors.append(starts[(i + j) // 2])
        i = j + 1
    return anchors


def ocr_gutter_marks(words: list[Word]) -> list[Word]:
    """Dashes and rules OCR read in the white left of a column ("— 2025", "= Otetaan"), dropped.

    A lone mark whose next word starts right after it at a column's left edge
    (where the text of many lines starts), while the mark itself stands left
    of that edge, is no bullet: a dash bullet stands at the edge, its text
    indented after it.
    """
    lines = ocr_lines(words)
    anchors = _column_anchors(lines)
    if not anchors:
        return words
    drop: list[Word] = []
    text_after: list[tuple[Word, Word]] = []
    for line in lines:
        for w, nxt in zip(line, line[1:]):
            if not _gutter_mark(w.text) or nxt.x0 - w.x1 > 1.5 * w.size:
                continue
            at_edge = [a for a in anchors if abs(nxt.x0 - a) <= ANCHOR_SLACK]
            if at_edge and not any(abs(w.x0 - a) <= ANCHOR_SLACK for a in anchors) and w.x0 < at_edge[0]:
                drop.append(w)
                text_after.append((w, nxt))
    edges = _column_anchors(lines, need=1)
    hanging = _hanging_bullets(text_after)
    gone = {id(w) for w in drop if not _in_bullet_column(w, drop, edges) and id(w) not in hanging}
    return [w for w in words if id(w) not in gone]


def ocr_marks_at_rules(words: list[Word], edges: list[dict]) -> list[Word]:
    """A mark OCR read just left of a cell's vertical rule, set off from the line's text ("ja
    ilman vii-   =|", "mieluisan   —|"), dropped.

    At 150 dpi Tesseract reads the ink where a rule meets the scan's grain as a dash or an
    equals sign a few points before the rule (the rule itself read as "|" goes with the rule
    marks).  A dash of the text follows its word after a word space; this one stands after a
    gap of a line height or more (a spaced dash of the text, "vaikuta –", stands 0.7-0.8 of one
    from its word), with nothing between it and the rule (RULE_REACH).
    """
    rules = [e for e in edges if e.get("orientation") == "v"]
    if not rules:
        return words
    gone: set[int] = set()
    for line in ocr_lines(words):
        for prev, w in zip(line, line[1:]):
            if not _gutter_mark(w.text) or w.x0 - prev.x1 < MARK_GAP * w.size:
                continue
            reach = [e for e in rules if e["top"] <= w.yc <= e["bottom"] and w.x1 <= e["x0"] <= w.x1 + RULE_REACH * w.size]
            if not reach or any(prev.x1 <= e["x0"] <= w.x0 for e in rules if e["top"] <= w.yc <= e["bottom"]):
                continue
            rule_x = min(e["x0"] for e in reach)
            if any(w.x1 < o.x0 < rule_x and o.text != "|" for o in line):
                continue
            gone.add(id(w))
    return [w for w in words if id(w) not in gone] if gone else words


MARK_GAP = 1.0  # font sizes: a mark set off this far from the word before it is no dash of the text
RULE_REACH = 1.5  # font sizes: a mark ending this close before a vertical rule stands at the rule


BULLET_COLUMN = 3  # dashes standing at one x on this many lines are a list's bullets
DASH_BULLETS = frozenset("-–—")


HANG_SLACK = 0.6  # points: dash bullets of one table set their text this close to one indent


def _hanging_bullets(marks: list[tuple[Word, Word]]) -> set[int]:
    """ids of the dashes (each with the word after it) that are a table's list bullets on a
    page where no text starts at them.

    A table part overleaf with no header row prints every item of its columns with a dash
    hung before the text: no head or unbulleted line starts at the dashes' x, so
    `_in_bullet_column` cannot tell them from specks (kymenlaakso-lnp-hrules@fin-300 p. 6,
    set L: every bullet of the page dropped, the columns then begun at the items' text).
    Bullets of a table share one hanging indent in every column; a speck stands anywhere in
    the gutter.  So single dashes in two or more columns (dashes at two or more x, apart by
    more than a column gap), BULLET_COLUMN of them in all, whose gap from the dash to its
    text is one within HANG_SLACK, are bullets."""
    dashes = [(m, nxt) for m, nxt in marks if m.text in DASH_BULLETS]
    if len(dashes) < BULLET_COLUMN:
        return set()
    kept: set[int] = set()
    for m, nxt in dashes:
        indent = nxt.x0 - m.x0
        same = [(o, n) for o, n in dashes if abs((n.x0 - o.x0) - indent) <= HANG_SLACK]
        xs = sorted({round(o.x0) for o, _n in same})
        columns = 1 + sum(b - a > 4 * m.size for a, b in zip(xs, xs[1:]))
        if len(same) >= BULLET_COLUMN and columns >= 2:
            kept.add(id(m))
    return kept


def _in_bullet_column(mark: Word, marks: list[Word], edges: list[float]) -> bool:
    """Is the mark one of a column of dash bullets, whose items hang indented?

    Such a list puts its text at a column edge too (its wrapped lines start
    there), with each dash left of it, as a speck's dash stands left of a
    column.  The bullets stand at one x, line under line, where some text of
    the column starts (its head, a line without a bullet); Tesseract's dashes
    in the white between two columns may line up too, but no text starts there.
    """
    if mark.text not in DASH_BULLETS or not any(abs(mark.x0 - e) <= ANCHOR_SLACK for e in edges):
        return False
    return sum(o.text in DASH_BULLETS and abs(o.x0 - mark.x0) <= ANCHOR_SLACK for o in marks) >= BULLET_COLUMN
