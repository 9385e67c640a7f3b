"""No row start made by later list items beside a centred cell.

A goal centred beside its rows opens lower than the row's top, in a column
silent since the row began.  Level with it, other columns may open later items
of the lists their cells began with (items set off by paragraph spacing, each a
block of its own).  Together they look like the cells of a new row; but the
columns that opened at the row's top (owner, schedule) open nothing here: the
row goes on.  A start made only of such items and one cell of a silent column is
dropped (items alone may stand beside cells running on from the row above: a
touching row's start, left to the other rules).
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.tables.rows import Block
from planparse.extractors.pdf.words import starts_with_bullet


def _later_item(b: Block, blocks: Sequence[Block], since: float, tol: float) -> bool:
    """Is `b` a list item under an item its column opened since `since` (the same list going on)?"""
    if not starts_with_bullet(b.lines[0].text):
        return False
    above = [o for o in blocks if o.col == b.col and since - tol <= o.top < b.top - tol]
    return bool(above) and starts_with_bullet(above[0].lines[0].text)


def drop_item_starts(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` without those made only by later list items beside one cell opening in a column
    silent since the previous start, while columns that opened at that start open nothing."""
    kept: list[float] = []
    for t in starts:
        if not kept:
            kept.append(t)
            continue
        since = kept[-1]
        here = [b for b in blocks if abs(b.top - t) <= tol]
        items = [b for b in here if _later_item(b, blocks, since, tol)]
        others = [b for b in here if b not in items]
        silent = all(not any(o.col == b.col and since - tol <= o.top < t - tol for o in blocks) for b in others)
        at_start = {o.col for o in blocks if abs(o.top - since) <= tol} - {b.col for b in here}
        if items and len(others) == 1 and silent and at_start:
            continue
        kept.append(t)
    return kept
