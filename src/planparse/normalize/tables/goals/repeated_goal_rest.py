"""The rest of a repeated goal overleaf, alone in a row of its own.

A plan that prints its goal in every row (not merged) lets a page break cut a row's goal
cell: the rest opens the next page in a row of its own, nothing beside it, and may open
with a capital after a closed sentence (a goal of several sentences), so no sentence shows
it goes on.  The next row prints the goal whole: the goal above and the rest together spell
it.  Such a row is the cut row's rest, not a row with a goal and no action.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from planparse.intermediate import Cell

if TYPE_CHECKING:
    from planparse.normalize.tables.rows import DataRow


def _letters(cells: list[Cell]) -> str:
    """The cells' letters and digits in order (spaces, hyphens and punctuation dropped: a word
    broken over the page break spells the same)."""
    return re.sub(r"[\W_]+", "", " ".join(line.text for cell in cells for line in cell.lines)).casefold()


def goal_rest_completes(prev: DataRow, row: DataRow, below: DataRow | None, goal_cols: list[int]) -> bool:
    """Is `row`, at the top of a page and printing only in the goal columns, the rest of the
    goal of `prev` that the next row (`below`) prints whole?

    helsinki-kotoutuminen 6a591845 (seed 20, goals repeated in every row): "... Hänellä on
    mielekästä tekemistä." at page 6's foot, "Hänen perheensä voi hyvin ..." alone overleaf,
    the goal whole in row 3.4 under it."""
    if below is None or not row.starts_page or not goal_cols:
        return False
    if any(not cell.is_empty for c, cell in enumerate(row.cells) if c not in goal_cols):
        return False
    printed = [c for c in goal_cols if not row.cells[c].is_empty]
    if not printed:
        return False
    for c in printed:
        above, rest, whole = prev.cells[c], row.cells[c], below.cells[c]
        if above.is_empty or whole.is_empty or whole.merged_from_above:
            return False
        if _letters([above, rest]) != _letters([whole]):
            return False
    return True
