"""No row start made by one cell alone beside the later paragraphs of the row above.

A goal centred beside its rows opens lower than the row's top, in a column silent since the
row began; where its first line falls in a gap between the lines of every other column, it
looks like a first-column cell beside silent columns, a row of its own (`rows.row_starts`).
If, down to the next row start, nothing else opens but later paragraphs of cells that opened
at the previous start, while some column that opened there opens nothing, the "row" would hold
that one cell and the rests of the row above: the row goes on past it.
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.tables.rowsplit.rows import Block


def drop_lone_starts(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` without those made by one block alone, in a column silent since the previous
    start, when every block opening after it (down to the next start) is a later paragraph of
    a cell that opened at the previous start and a column that opened there opens nothing."""
    ordered = sorted(starts)
    kept: list[float] = []
    for k, t in enumerate(ordered):
        if not kept:
            kept.append(t)
            continue
        since = kept[-1]
        following = ordered[k + 1] if k + 1 < len(ordered) else float("inf")
        here = [b for b in blocks if abs(b.top - t) <= tol]
        opened = {o.col for o in blocks if abs(o.top - since) <= tol}
        if len(here) != 1 or here[0].col in opened:
            kept.append(t)
            continue
        lone = here[0]
        silent = not any(o.col == lone.col and since - tol <= o.top < t - tol for o in blocks)
        later = [o for o in blocks if o is not lone and t + tol < o.top < following - tol]
        rests = bool(later) and all(o.col in opened and o.col != lone.col for o in later)
        quiet = opened - {o.col for o in later} - {lone.col}
        if silent and rests and quiet:
            continue
        kept.append(t)
    return kept
