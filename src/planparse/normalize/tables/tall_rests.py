"""The rest of a cut row told by which of its cells the page break could cut.

Cells of a row are top-aligned, so a page break cuts only the tallest of them: a shorter
cell ended before the page's foot and has no rest overleaf (`rows._beside_ended_cells` reads
text under a much shorter cell as a new row).  Conversely, a row at the top of a page that
prints only under cells of the row above taller than those under its silent columns (a
schedule, a short note), beside a blank goal, is that row's rest: a new row of the group
would fill the short cells' columns again.  Plain paragraphs, with no
list marker, numbering or sentence cut mid-way, give no other evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planparse.normalize.tables.rows import DataRow


def _printed_lines(row: DataRow, c: int) -> int:
    return sum(1 for line in row.cells[c].lines if line.text.strip())


def rest_under_tall_cells(prev: DataRow, row: DataRow, goal_cols: list[int], key_cols: list[int]) -> bool:
    """Is `row`, at the top of a page beside a blank goal, printed only in columns (key columns
    among them) whose cells in `prev` were taller than every cell of `prev` in the columns it
    leaves silent, and at least one such column silent, `prev` printing its group's goal
    itself?  The page break cut the tall cells; the short ones had ended.  (Under a goal
    merged from above, a row of a group whose last cells are blank looks the same.)"""
    if not row.starts_page or len(prev.cells) != len(row.cells):
        return False
    if any(not row.cells[c].is_empty or row.cells[c].merged_from_above for c in goal_cols):
        return False
    if not goal_cols or any(prev.cells[c].is_empty or prev.cells[c].merged_from_above for c in goal_cols):
        return False  # the cut row prints its group's goal: the group's first row, cut
    others = [c for c in range(len(row.cells)) if c not in goal_cols]
    counts = {c: _printed_lines(prev, c) for c in others}
    printed = [c for c in others if not row.cells[c].is_empty]
    ended = [c for c in others if row.cells[c].is_empty and not row.cells[c].merged_from_above and counts[c] > 0]
    if not printed or not ended or not any(c in printed for c in key_cols):
        return False
    return min(counts[c] for c in printed) > max(counts[c] for c in ended)
