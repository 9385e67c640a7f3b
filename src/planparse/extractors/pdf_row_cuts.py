"""Row starts that would cut through a cell of a column that is never merged.

A row of a table ends below its tallest cell, so no cell's text runs across
the start of the next row -- except a merged cell (a goal spanning its
actions).  Whitespace row finding (pdf_rows.row_starts) takes a height where
several columns begin a block as a row start; inside one tall row, the
second paragraphs or list items of several cells can begin level with each
other (and with a centred goal) by chance.  Such a false start runs through
the middle of a block of some other column.  When that column starts a block
of its own at every other row start (it has no merged cells anywhere in the
table), the block is an ordinary cell of one row, and the height is no row
start.  A column that is empty at some row start (goals printed once,
merged, blank below) may hold merged cells: a start its block runs across
stays.
"""

from __future__ import annotations

from typing import Sequence

from .pdf_rows import Block


MIN_EVIDENCE = 3  # other row starts a column must fill before it counts as never merged


def _starts_block_at(col_tops: Sequence[float], y: float, tol: float) -> bool:
    return any(abs(t - y) <= tol for t in col_tops)


def runs_across(b: Block, t: float, tol: float) -> bool:
    """Does the block have lines above and below t and none beginning at t (no row could start there)?"""
    return b.top < t - tol and b.bottom > t + tol and not any(abs(ln.top - t) <= tol for ln in b.lines)


def drop_cutting_starts(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` without those a block of an always-filled column runs across.

    `tol`: how far apart two tops may be and still start one row (row_align).
    The first start (the table's top) always stays.
    """
    if len(starts) < 3:
        return list(starts)
    tops_by_col: dict[int, list[float]] = {}
    for b in blocks:
        tops_by_col.setdefault(b.col, []).append(b.top)
    kept = list(starts)
    changed = True
    while changed:  # a dropped start no longer counts against a column's fullness
        changed = False
        for t in kept[1:]:
            others = [s for s in kept if s != t]
            if len(others) >= MIN_EVIDENCE and any(
                runs_across(b, t, tol) and all(_starts_block_at(tops_by_col[b.col], s, tol) for s in others) for b in blocks
            ):
                kept.remove(t)
                changed = True
                break
    return kept
