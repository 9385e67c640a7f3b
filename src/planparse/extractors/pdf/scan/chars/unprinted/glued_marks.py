"""Gutter marks OCR glued before a word whose box holds no ink of theirs, dropped.

A speck or rule end in the white left of a column, read as "—_" and written into
the column's first word ("—_Ansvarig"), is cut off by `scan.marks.ocr_glued_marks`,
which takes the marks' share of the box's width with them: Tesseract spaces a word's
characters evenly, and mostly boxes the mark's ink too.  But the box may hold the
letters' ink alone (the mark's ink stands apart or was never there): the word then
started 6 pt right of its letters, past the column's start, and the next row's short
line under that head ("natorn", sjovik-valfard-frame@eng-150 of scan set M p. 1) read
as a line running across the column edge, which ended the table a line early.  The
image tells: when the leftmost piece of ink in the box is no flat stroke but a letter
as tall as FLAT_SHARE of the box or more, the marks have no ink in it, and the word's
letters are spread over the whole box.
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.scan.chars.pieces import ink_pieces
from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.marks import GLUED_MARK

FLAT_SHARE = 0.25  # of the box's height: a piece of ink lower than this is a dash or an underscore
MIN_LETTERS = 2  # letters that must follow the marks


def drop_inkless_glued_marks(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` without the gutter marks glued before a word whose box's first ink is a letter's
    (`ink`: dark pixels but rules; `scale` pixels per point); the word keeps its box."""
    gone: set[int] = set()
    moved: dict[int, dict] = {}
    for run in char_runs(chars):
        text = "".join(chars[i].get("text", "") for i in run)
        m = GLUED_MARK.match(text)
        if m is None or len(text) - m.end() < MIN_LETTERS or len(run) != len(text):
            continue
        first = chars[run[0]]
        x0, x1, top, bottom = first["x0"], chars[run[-1]]["x1"], first["top"], first["bottom"]
        if not _letter_first(ink, scale, x0, x1, top, bottom):
            continue
        kept = run[m.end():]
        width = (x1 - x0) / len(kept)
        for n, i in enumerate(kept):
            c = dict(chars[i])
            c["x0"], c["x1"] = x0 + n * width, x0 + (n + 1) * width
            moved[i] = c
        gone.update(run[: m.end()])
    if not gone:
        return chars
    return [moved.get(i, c) for i, c in enumerate(chars) if i not in gone]


def _letter_first(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> bool:
    """Is the leftmost piece of ink in the box at least FLAT_SHARE of the box's height tall?"""
    r0, r1 = max(0, int(top * scale)), min(ink.shape[0], int(bottom * scale) + 1)
    c0, c1 = max(0, int(x0 * scale)), min(ink.shape[1], int(x1 * scale) + 1)
    if r1 - r0 < 4 or c1 - c0 < 2:
        return False
    pieces = ink_pieces(ink[r0:r1, c0:c1])
    if not pieces:
        return False
    p_top, _left, p_bottom, _right = min(pieces, key=lambda p: p[1])
    return p_bottom - p_top >= FLAT_SHARE * (r1 - r0)
