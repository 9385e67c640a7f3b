"""Goals printed once inside their group rather than atop it.

A goal merged over its rows and centred, when the producer could not merge
(a group taller than a page) or the merge left no trace (no rules), is
printed in one row near the middle of its group, with blank goal cells above
and below it.  Filling down from the goal row then gives the rows above it
the goal before.  The sign is on the table's first data row: it prints an
action but no goal, and a goal comes later.  Then each goal takes the blank
rows around it, the blank run between two goals split where both goals stand
nearest the middle of their groups (heights in printed lines) and, where the
plan numbers its actions under its goals ("3." over "3.2"), where the numbers agree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.normalize.tables.cells import split_numbering
from planparse.normalize.text import split_bullet

if TYPE_CHECKING:
    from planparse.normalize.tables.rows import DataRow


_MISNUMBERED = 100.0  # an action numbered under another goal outweighs any centring


def _ident(row: DataRow, cols: list[int]) -> str | None:
    """The numbering opening the first printed cell of `cols` ("3." -> "3", "3.2" -> "3.2"),
    behind a bullet too ("• 3.1 ..." -- a cell whose action is set as a list item)."""
    for c in cols:
        lines = [line.text for line in row.cells[c].lines if line.text.strip()]
        if lines:
            ident = split_numbering([split_bullet(lines[0])[1]])[0]
            return ident.strip(".") if ident else None
    return None


def _parents(rows: list[DataRow], action_cols: list[int]) -> list[str | None]:
    """Each row's action number without its last part ("3.2" -> "3"), None when not nested."""
    out: list[str | None] = []
    for row in rows:
        ident = _ident(row, action_cols)
        out.append(ident.rsplit(".", 1)[0] if ident and "." in ident else None)
    return out


def _height(row: DataRow) -> int:
    """A row's height in printed lines (its tallest cell, joined parts included)."""
    return max([len(cell.lines) for cell in row.cells] + [1])


def _goal_printed(row: DataRow, goal_cols: list[int]) -> bool:
    return any(not row.cells[c].is_empty for c in goal_cols)


def _merged(row: DataRow, goal_cols: list[int]) -> bool:
    """Is the row's goal cell covered by the goal above (merged over it, or its rest overleaf)?"""
    return any(row.cells[c].merged_from_above for c in goal_cols)


def goals_inside_groups(rows: list[DataRow], goal_cols: list[int], action_cols: list[int]) -> bool:
    """Does the table print its goals inside their groups: the first row an action with a
    blank (not merged) goal cell, a goal printed further down?"""
    if not rows or not goal_cols or not action_cols:
        return False
    first = rows[0]
    if _goal_printed(first, goal_cols) or not any(not first.cells[c].is_empty for c in action_cols):
        return False
    return any(_goal_printed(row, goal_cols) for row in rows[1:])


def _offset(heights: list[int], start: int, goal: tuple[int, int], end: int) -> float:
    """How far the middle of the goal's rows (its row and the rows its cell covers) stands
    from the middle of rows start..end (inclusive)."""
    middle = sum(heights[start : goal[0]]) + sum(heights[goal[0] : goal[1] + 1]) / 2
    return abs(middle - sum(heights[start : end + 1]) / 2)


def _cost(
    heights: list[int],
    start: int,
    goal: tuple[int, int],
    end: int,
    goal_id: str | None,
    parents: list[str | None],
    pages: list[int | None],
    rests: list[tuple[int | None, int]] | None = None,
) -> float:
    """The goal's offset from the middle of its group's part on the goal's page (a merged cell
    cut by a page break centres its text in each part), plus a penalty per action numbered
    under another goal.  `rests`: per row, the page and height of the rest it was joined with
    (a row cut by a page break): a row begun on the page before whose rest stands on the
    goal's page is in that part with its rest's height."""
    wrong = sum(1 for p in parents[start : end + 1] if goal_id and p and p != goal_id)
    page = pages[goal[0]]
    while start < goal[0] and pages[start] != page:
        if rests and rests[start][0] == page:
            heights = [*heights[:start], rests[start][1], *heights[start + 1 :]]
            break
        start += 1
    while end > goal[1] and pages[end] != page:
        end -= 1
    return _offset(heights, start, goal, end) + _MISNUMBERED * wrong


def group_starts(
    heights: list[int],
    goals: list[int],
    goal_ids: list[str | None] | None = None,
    parents: list[str | None] | None = None,
    covered: list[bool] | None = None,
    pages: list[int | None] | None = None,
    rests: list[tuple[int | None, int]] | None = None,
) -> list[int]:
    """The first row of each goal's group: rows before the first goal are its, rows after the
    last its; each blank run between two goals split to centre both goals best (dynamic
    programming over the splits, the earlier split preferred on a tie).  A row whose goal
    cell is `covered` (merged from the goal above) stays in that goal's group."""
    n = len(heights)
    goal_ids = goal_ids or [None] * len(goals)
    parents = parents or [None] * n
    covered = covered or [False] * n
    pages = pages or [None] * n
    # best[j][s]: least total offset of goals 0..j-1 with goal j's group starting at row s
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [0])}
    for j, g in enumerate(goals):
        nxt = goals[j + 1] if j + 1 < len(goals) else None
        least = g
        while least + 1 < n and covered[least + 1]:
            least += 1
        ends = range(least, nxt) if nxt is not None else [n - 1]
        new: dict[int, tuple[float, list[int]]] = {}
        for start, (cost, starts) in best.items():
            for end in ends:
                total = cost + _cost(heights, start, (g, least), end, goal_ids[j], parents, pages, rests)
                key = end + 1
                if key not in new or total < new[key][0] - 1e-9:
                    new[key] = (total, [*starts, key])
        best = new
    _, starts = min(best.values(), key=lambda v: v[0])
    return starts[: len(goals)]


def centre_goals(rows: list[DataRow], goal_cols: list[int], action_cols: list[int]) -> list[DataRow]:
    """The rows with each blank goal cell given the goal of its group, when the table prints
    its goals inside their groups (`goals_inside_groups`); unchanged otherwise."""
    if not goals_inside_groups(rows, goal_cols, action_cols):
        return rows
    goals = [i for i, row in enumerate(rows) if _goal_printed(row, goal_cols)]
    goal_ids = [_ident(rows[g], goal_cols) for g in goals]
    covered = [_merged(row, goal_cols) for row in rows]
    pages = [row.page for row in rows]
    rests = [(row.parts[-1].page, _height(row.parts[-1])) if row.parts else (None, 0) for row in rows]
    starts = group_starts([_height(row) for row in rows], goals, goal_ids, _parents(rows, action_cols), covered, pages, rests)
    ends = [*starts[1:], len(rows)]
    out = list(rows)
    for g, start, end in zip(goals, starts, ends):
        for i in range(start, end):
            if i == g or _goal_printed(rows[i], goal_cols) or covered[i] or rows[i].band != rows[g].band:
                continue
            out[i] = _given_goal(rows[i], rows[g], goal_cols)
    return out


def goals_by_numbering(rows: list[DataRow], goal_cols: list[int], action_cols: list[int]) -> list[DataRow]:
    """The rows with the blank (not merged) goal cells at the end of a run between two goals
    given the goal below, where the actions there are numbered under it ("3." over "3.1", the
    goal above "2."): a goal centred beside its group, printed lower than the group's first
    rows (its merge lost at a page break).  Unchanged where the numbering says nothing."""
    goals = [i for i, row in enumerate(rows) if _goal_printed(row, goal_cols)]
    if len(goals) < 2:
        return rows
    parents = _parents(rows, action_cols)
    out = list(rows)
    for a, b in zip(goals, goals[1:]):
        id_a, id_b = _ident(rows[a], goal_cols), _ident(rows[b], goal_cols)
        if not id_b or id_a == id_b:
            continue
        start = b
        while start - 1 > a:
            # the blank cells right above the goal; cells merged with the goal above stay its, those
            # merged with a blank cell go with it (a group begun blank under a rule closing the
            # group above: helsinki-kotoutuminen 2956b8d0 of seed 20, "3.1" and "3.2" over "3.")
            head = start - 1
            while head > a and _merged(rows[head], goal_cols):
                head -= 1
            if head == a:
                break
            start = head
        run = range(start, b)
        first = next((i for i in run if parents[i] == id_b), None)
        if first is None or any(parents[i] not in (id_b, None) for i in range(first, b)):
            continue
        for i in range(first, b):
            if rows[i].band != rows[b].band:
                continue
            out[i] = _given_goal(rows[i], rows[b], goal_cols)
    return out


def _foot_closed(row: DataRow, goal_cols: list[int]) -> bool:
    """Is the goal cell of `row` (of its last part, when rests overleaf were joined to it)
    closed by a rule at its page's foot?"""
    last = row.parts[-1] if row.parts else row
    return any(last.cells[c].closed_below for c in goal_cols)


def _leaves_goals_open(rows: list[DataRow], goal_cols: list[int]) -> bool:
    """Does the table leave a goal cell open at some page's foot while a rule closes the row's
    other cells there (a group going on overleaf)?  Only then does a rule under a goal cell at a
    page's foot say its group ended: a producer that rules every cell at every page's foot
    (LibreOffice splitting a merged cell) says nothing by it (seed 20 helsinki 9cb82c4c)."""
    for prev, row in zip(rows, rows[1:]):
        if not row.starts_page:
            continue
        last = prev.parts[-1] if prev.parts else prev
        others = [c for c in range(len(last.cells)) if c not in goal_cols]
        if not _foot_closed(prev, goal_cols) and any(last.cells[c].closed_below for c in others):
            return True
    return False


def goals_after_closed_cells(rows: list[DataRow], goal_cols: list[int]) -> list[DataRow]:
    """The rows with the blank (not merged) goal cells that open a page part, under a goal cell
    a rule closed at the page's foot, given the goal printed below them (with the blank or
    merged rows between): the group above ended at the page break, so these rows begin the
    next group, whose goal is centred lower (seed 21 turku-yhta 3292639a, rules across only,
    goals drawn in their groups' middle rows).  Unchanged elsewhere."""
    if not goal_cols or not _leaves_goals_open(rows, goal_cols):
        return rows
    out = list(rows)
    for i, row in enumerate(rows):
        if i == 0 or not row.starts_page or _goal_printed(row, goal_cols) or _merged(row, goal_cols):
            continue
        if not _foot_closed(rows[i - 1], goal_cols):
            continue
        j = i + 1
        while j < len(rows) and not _goal_printed(rows[j], goal_cols):
            j += 1
        if j == len(rows):
            continue
        for k in range(i, j):
            if rows[k].band == rows[j].band and not _merged(rows[k], goal_cols):
                out[k] = _given_goal(rows[k], rows[j], goal_cols)
    return out


def _given_goal(row: DataRow, goal_row: DataRow, goal_cols: list[int]) -> DataRow:
    """`row` with the goal cells of `goal_row`."""
    cells = list(row.cells)
    for c in goal_cols:
        cells[c] = goal_row.cells[c]
    return replace(row, cells=cells)
