"""List bullets OCR left out of the text layer, given back where the page image prints them.

Tesseract often reads a short dash bullet as nothing: the item's first word
opens its line at the text indent with no mark before it, though the image
shows the dash.  An item without its bullet reads as the rest of the item
above it, and a table row cut by a page break whose items overleaf all lost
their bullets reads as a new row (the records' structure hangs on bullets).

The page says where the bullets stand: the bullets OCR did read in a column
stand at one x, their text at one indent to their right.  A line of that
column opening at that indent with no mark before it gets a bullet back when
the image has, where the column's bullets stand, a blob of ink shaped as they
are (as wide and as tall as the read bullets' ink, within a tolerance), and
nothing else there.
"""

from __future__ import annotations

from statistics import median
from typing import Any, NamedTuple

from planparse.common.glyphs import bullet_glyphs
from planparse.extractors.pdf.scan.chars.runs import char_runs

LINE_START_GAP = 0.8  # box heights: white this wide before a word opens a line segment (a column gap)
MAX_INDENT = 3.0  # box heights between a bullet and its text
COLUMN_SLACK = 2.5  # points: a column's bullets stand this near one x
INDENT_SLACK = 2.5  # points: a bulletless line opens this near the column's usual text indent
MIN_COLUMN = 2  # read bullets at one x, at one indent, before the column counts
SHAPE_SLACK = 0.45  # share: a lost bullet's ink is as wide as the read ones' of its column (or the lost ones') within this
POSITION_SLACK = 1.5  # points: a read bullet's ink is looked for this far left of its box
MAX_MARK_WIDTH = 1.2  # box heights: a bullet's ink is no wider
MIN_MARK_WIDTH = 0.25  # box heights: ... and no narrower (a speck of the scan's noise is)
MIN_READ_LIKE_WIDTH = 0.2  # ... unless the column's read bullets are as narrow (a hyphen bullet, 2.4 pt,
# beside a line whose box a descender made 10 pt tall)
MAX_MARK_HEIGHT = 0.35  # of the box height: a bullet's ink is no taller (letters reach the x-height and over)
MIDDLE = (0.3, 0.75)  # of the box height: a bullet's ink has its middle in this band (a dash, a dot)
MIN_INDENT = 0.4  # box heights of white between a bullet's ink and its text: more than a word space
GLUED_MARK_REACH = 0.5  # box heights: a word ending in a bullet's glyph this near left of the ink read that bullet
# (glued to the previous column's last word, "käy-*", its box short of the ink)
HYPHENS = frozenset("-\u2010\u2011")
LOST = "•"  # a bullet given back: the plain bullet (as pdf.scan.bullets writes one), no gutter dash
# (pdf.scan.marks.ocr_gutter_marks drops a dash left of a column edge where no text of the page starts)


class _Word(NamedTuple):
    run: list[int]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


class _Mark(NamedTuple):
    """A bullet OCR read (its char) or ink shaped as one before a line's first word (that word)."""

    char: dict | None
    ink: tuple[float, float, float, float]  # x0, x1 (points), top, bottom (shares of the line's box height)
    text_x0: float
    word: _Word | None


def give_back_bullets(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` with a bullet char (and a space) put before each line that lost its bullet.

    `ink`: the page image's dark pixels (straightened like the chars, rules out), `scale`
    pixels per point."""
    marks = bullet_glyphs()
    words = _words(chars)
    starts = [(line, k) for line in _lines(words) for k in range(len(line)) if _opens(line, k)]
    found: list[_Mark] = []
    for line, k in starts:
        w = line[k]
        if len(w.text) == 1 and w.text in marks and k + 1 < len(line):
            text = line[k + 1]
            if 0 < text.x0 - w.x1 <= MAX_INDENT * w.height:
                box = _blob(ink, scale, w.x0 - POSITION_SLACK, text.x0 - 0.5, w.top, w.bottom)
                if box is not None:
                    found.append(_Mark(chars[w.run[0]], box, text.x0, None))
        elif not _is_mark(w.text) and not (k and _is_mark(line[k - 1].text)):
            left = max(line[k - 1].x1 + 0.5 if k else 0.0, w.x0 - MAX_INDENT * w.height)
            box = _blob(ink, scale, left, w.x0 - 0.5, w.top, w.bottom)
            if box is not None and _bare_mark(box, w) and _white_before(ink, scale, box, w) and not _read_there(words, box, w):
                found.append(_Mark(None, box, w.x0, w))
    added: dict[int, list[dict]] = {}
    for column in _columns(found):
        read = [m for m in column if m.char is not None]
        lost = [m for m in column if m.word is not None]
        if not lost:
            continue
        # shaped as the column's read bullets, or (none read) as one another: no speck among them
        width = median(m.ink[1] - m.ink[0] for m in (read or lost))
        lost = [m for m in lost if abs(m.ink[1] - m.ink[0] - width) <= SHAPE_SLACK * width]
        if not read:  # nothing read to compare with: a narrow mark may be a speck
            lost = [m for m in lost if m.ink[1] - m.ink[0] >= MIN_MARK_WIDTH * m.word.height]
        if len(read) + len(lost) < MIN_COLUMN:
            continue
        for m in lost:
            w = m.word
            template = chars[w.run[0]]
            dash = dict(template, text=LOST, x0=m.ink[0], x1=m.ink[1], top=w.top, bottom=w.bottom)
            if "doctop" in template:
                dash["doctop"] = w.top + template["doctop"] - template["top"]
            added[w.run[0]] = [dash, dict(dash, text=" ", x0=m.ink[1], x1=w.x0)]
    if not added:
        return chars
    out: list[dict] = []
    for i, c in enumerate(chars):
        out.extend(added.get(i, ()))
        out.append(c)
    return out


def _bare_mark(box: tuple[float, float, float, float], word: _Word) -> bool:
    """Is the ink before a line's first word a bullet's: one small mark at the letters' middle, set off
    from the word by more than a word space?"""
    h = word.height
    return (
        MIN_READ_LIKE_WIDTH * h <= box[1] - box[0] <= MAX_MARK_WIDTH * h
        and box[3] - box[2] <= MAX_MARK_HEIGHT
        and MIDDLE[0] <= (box[2] + box[3]) / 2 <= MIDDLE[1]
        and word.x0 - box[1] >= MIN_INDENT * h
    )


def _is_mark(text: str) -> bool:
    """A short word of signs only: a bullet or dash OCR read, or a speck."""
    return len(text) <= 3 and not any(ch.isalnum() for ch in text)


def _read_there(words: list[_Word], box: tuple[float, float, float, float], word: _Word) -> bool:
    """Has OCR read something where the mark's ink is, on the word's line (a dash it placed a
    little higher or lower, which line grouping put on another line)?"""
    glyphs = bullet_glyphs() - HYPHENS  # a line-end hyphen ends a word, no bullet
    for o in words:
        overlap = min(o.bottom, word.bottom) - max(o.top, word.top)
        if o is word or o.x0 >= word.x0 or overlap < 0.5 * min(o.height, word.height):
            continue
        if o.x1 > box[0] - 0.5 or (o.text[-1] in glyphs and o.x1 > box[0] - GLUED_MARK_REACH * word.height):
            return True
    return False


def _white_before(ink: Any, scale: float, box: tuple[float, float, float, float], word: _Word) -> bool:
    """Is the mark set off on its left too (no hyphen of the word before it, its ink past its box)?"""
    x1 = box[0] - 1 / scale
    return _blob(ink, scale, x1 - MIN_INDENT * word.height, x1, word.top, word.bottom) is None


def _blob(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> tuple[float, float, float, float] | None:
    """(x0, x1, top share, bottom share) of the last mark in the box (its rightmost run of inked
    pixel columns, a one-pixel gap bridged), or None when the box holds no ink."""
    rows, cols = ink.shape
    r0, r1 = max(0, int(top * scale)), min(rows, int(bottom * scale) + 1)
    c0, c1 = max(0, int(x0 * scale)), min(cols, int(x1 * scale) + 1)
    if r1 <= r0 or c1 <= c0:
        return None
    area = ink[r0:r1, c0:c1]
    inked = area.any(axis=0)
    right = next((k for k in range(len(inked) - 1, -1, -1) if inked[k]), None)
    if right is None:
        return None
    left = right
    while left > 0 and (inked[left - 1] or (left > 1 and inked[left - 2])):
        left -= 1
    mark = area[:, left : right + 1].any(axis=1)
    inked_rows = [k for k in range(len(mark)) if mark[k]]
    h = r1 - r0
    return ((c0 + left) / scale, (c0 + right + 1) / scale, inked_rows[0] / h, (inked_rows[-1] + 1) / h)


def _words(chars: list[dict]) -> list[_Word]:
    words = []
    for run in char_runs(chars):
        words.append(
            _Word(
                run,
                "".join(chars[i]["text"] for i in run),
                min(chars[i]["x0"] for i in run),
                max(chars[i]["x1"] for i in run),
                min(chars[i]["top"] for i in run),
                max(chars[i]["bottom"] for i in run),
            )
        )
    return words


def _lines(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into printed lines by box centre, left to right."""
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        yc = (w.top + w.bottom) / 2
        if lines and abs((lines[-1][0].top + lines[-1][0].bottom) / 2 - yc) <= 0.5 * w.height:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _opens(line: list[_Word], k: int) -> bool:
    """Does word k open its line, or a column's part of it (a gap wider than a word space before it)?"""
    return k == 0 or line[k].x0 - line[k - 1].x1 >= LINE_START_GAP * line[k].height


def _columns(read: list[_Mark]) -> list[list[_Mark]]:
    """Read bullets grouped by where their ink starts, each group at one text indent; groups too small left out."""
    groups: list[list[_Mark]] = []
    for r in sorted(read, key=lambda r: r.ink[0]):
        if groups and r.ink[0] - groups[-1][-1].ink[0] <= COLUMN_SLACK:
            groups[-1].append(r)
        else:
            groups.append([r])
    out = []
    for group in groups:
        indent = median(r.text_x0 for r in group)
        members = [r for r in group if abs(r.text_x0 - indent) <= INDENT_SLACK]
        if len(members) >= MIN_COLUMN:
            out.append(members)
    return out
