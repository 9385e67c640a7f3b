"""A new group's goal printed overleaf beside the rest of its own first row.

A word processor that centres a goal over its group's rows across a page break prints it
once, on the part of the group below the break.  When the group's first row is the one the
break cut, that row's goal cell on the page before is empty; yet the table marked the group
above as merged over its rows (`merged_from_above`) and that run closed right above the cut
row: the empty cell is no row of the group above, it is the first row of the goal printed
overleaf beside the row's rest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.intermediate import Cell

if TYPE_CHECKING:
    from planparse.normalize.tables.rows import DataRow


def goal_handed_up(
    out: list[DataRow], row: DataRow, spanning: frozenset[int], goal_cols: list[int], action_cols: list[int]
) -> tuple[DataRow, DataRow] | None:
    """(the cut row with the goal printed beside its rest, the rest without it) when `row`, at
    the top of a page, is the rest of the cut row `out[-1]` beside a new goal merged over it and
    the rows below (`spanning`), and the cut row's goal cell is empty under a merged run of the
    group above that closed right over it; None otherwise."""
    from planparse.normalize.tables.rows import is_continuation

    if len(out) < 2 or not row.starts_page:
        return None
    prev, above = out[-1], out[-2]
    moved = [c for c in spanning if not row.cells[c].is_empty and not row.cells[c].merged_from_above]
    if not moved:
        return None
    for c in moved:
        cut, over = prev.cells[c], above.cells[c]
        if not cut.is_empty or cut.merged_from_above or not over.merged_from_above:
            return None
    rest = replace(row, cells=[Cell() if c in moved else cell for c, cell in enumerate(row.cells)])
    if not any(not cell.is_empty for c, cell in enumerate(rest.cells) if c not in goal_cols):
        return None
    if not is_continuation(prev, rest, goal_cols, action_cols, frozenset()):
        return None
    return replace(prev, cells=[row.cells[c] if c in moved else cell for c, cell in enumerate(prev.cells)]), rest
