"""Rows that touch beside a centred cell running over the row boundary.

With no spacing between rows, a row starts where a cell opens after an empty
line of its column beside lines of other columns that each open a line of their
own (`rows.row_starts`' "fresh" start).  A goal centred beside its group runs on
over the boundary between two rows of the group (its word broken at a hyphen,
its sentence going on), which there says nothing: that cell began lower than any
row top, level with no other column's cell.  Such a start is kept when another
column opens a paragraph on the same line right under its line above, with no
paragraph spacing (the line above closed a sentence and this one opens with a
capital, or ended although this line's first word fitted: rows that touch)
and every column whose text runs on there is such a lowered cell.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from planparse.extractors.pdf.tables.whitespace.levels import level_with
from planparse.extractors.pdf.words import TextLine, forced_break, starts_with_bullet

_SENTENCE_END = (".", "!", "?")
_TIGHT = 1.25  # pitches: a line right under the one above (rows touching, no paragraph spacing)


def _opens(above: TextLine, line: TextLine, right: float) -> bool:
    """Does `line` open a paragraph (no list item) right under `above`?"""
    text, prev = line.text.lstrip(), above.text.rstrip()
    if not text or starts_with_bullet(text) or prev.endswith(("-", "\u00ad")):
        return False
    return (text[0].isupper() and prev.endswith(_SENTENCE_END)) or forced_break(above, line, right)


def _block_top(tops: Sequence[tuple[float, float]], t: float) -> float | None:
    """The top of the block (top, bottom) of a column running across height t."""
    return next((top for top, bottom in tops if top < t and bottom >= t), None)


def touching_row_starts(
    block_spans: dict[int, list[tuple[float, float]]],
    column_lines: dict[int, list[TextLine]],
    carried: dict[int, list[float]],
    pitch: float | None,
    align: float,
) -> list[float]:
    """Row tops where rows touch beside a lowered cell (see the module docstring).
    `block_spans`: each column's blocks as (top, bottom of the last line), `column_lines`
    sorted by top, `carried` the tops of lines carrying on the line above, per column (sorted)."""
    if pitch is None:
        return []
    all_tops = {col: [top for top, _ in spans] for col, spans in block_spans.items()}
    line_tops = {col: [ln.top for ln in lines] for col, lines in column_lines.items()}
    rights = {col: max((ln.x1 for ln in lines), default=0.0) for col, lines in column_lines.items()}
    starts: list[float] = []
    for col, spans in block_spans.items():
        for t, _bottom in spans:
            k = bisect_left(line_tops[col], t - align)  # the block's first line; the one above it
            if k == 0 or t - column_lines[col][k - 1].top < 1.8 * pitch:
                continue  # no empty line of its own above it
            opening = False
            going_on: list[int] = []
            for other, lines in column_lines.items():
                j = bisect_left(line_tops[other], t - align)
                if other == col or j == 0 or j >= len(lines) or abs(lines[j].top - t) > align:
                    continue
                if level_with(carried.get(other, ()), t, align):
                    going_on.append(other)
                elif lines[j].top - lines[j - 1].top <= _TIGHT * pitch and _opens(lines[j - 1], lines[j], rights[other]):
                    opening = True
            lowered = all(_lowered(all_tops, other, _block_top(block_spans[other], t), align) for other in going_on)
            if opening and going_on and lowered:
                starts.append(t)
    return starts


def _lowered(all_tops: dict[int, list[float]], col: int, top: float | None, align: float) -> bool:
    """Did the column's block begin level with no other column's block (a cell set lower than its row's top)?"""
    if top is None:
        return False
    return not any(abs(o - top) <= align for other, tops in all_tops.items() if other != col for o in tops)
