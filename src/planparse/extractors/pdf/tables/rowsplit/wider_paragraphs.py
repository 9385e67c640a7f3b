"""No row start made by later paragraphs set off wider than the rows are.

In a table framed outside only, rows touch: the next row's cells begin right
under the last line of the row above's tallest cell, with no more white space
than between two lines of a paragraph (or the cell padding).  Inside a cell,
list items set as paragraphs of their own (no bullets) are set off by the
paragraph spacing, which is then wider than the rows'.  Items of several cells
of one row, each a line long, stand level with each other by chance and look
like the cells of a new row (`rows.row_starts`: half the columns begin a block
there).  A start where every column beginning a block does so under its own
text, set off by clearly more white space than the rows of the part (and of the
part on the page before), yet by less than an empty line, is such a height: the
cells of the row go on.  A real row's cells begin under the row above's cells,
at least one (its tallest's column) with the rows' white space, the others after
empty lines of their columns.  Only where another column's text stands at that
height without beginning there (a cell going on beside the items): a full row
set off a little wider (a totals row) is a row.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from planparse.extractors.pdf.tables.rowsplit.row_cuts import EVEN_ROWS, NARROW, WIDER, _bold_row, _columns_beginning, _own_space_above, _spaces_above
from planparse.extractors.pdf.tables.rowsplit.paragraph_rows import TIGHT, _item, cell_ended
from planparse.extractors.pdf.tables.rowsplit.rows import Block, line_pitch

MIN_ROWS = 2  # row starts (with the page before's) whose white space must be known and even


def drop_wider_paragraph_starts(
    starts: Sequence[float],
    blocks: Sequence[Block],
    tol: float,
    keep: Sequence[float] = (),
    known_space: float | None = None,
) -> list[float]:
    """`starts` without those where every column beginning a block is set off from its own
    text just above by clearly more white space than the rows (see the module docstring).
    `keep`: starts read from one-line rows side by side (kept); `known_space`: the white
    space over the rows of the table's part on the page before (`row_cuts.row_space`)."""
    if len(starts) < 2:
        return list(starts)
    columns: dict[int, list] = {}
    for b in blocks:
        columns.setdefault(b.col, []).extend(b.lines)
    pitch = line_pitch([sorted(lines, key=lambda ln: ln.top) for lines in columns.values()])
    if pitch is None:
        return list(starts)
    after_header = {s for prev, s in zip(starts, starts[1:]) if _bold_row(blocks, prev, tol)}
    begins = _columns_beginning(starts, blocks, tol)
    space = _spaces_above(blocks, starts[1:], tol)

    def silent_since(c: int, since: float, t: float) -> bool:
        return not any(since - tol <= ln.top < t - tol for ln in columns[c])

    def wider(s: float, since: float, rows: float) -> bool:
        # a column silent since the last row start opens a cell set lower, or the next paragraph
        # of a cell of the row above (a goal's text under its number): no white space to compare
        spaces = [_own_space_above(blocks, c, s, tol) for c in begins[s] if not silent_since(c, since, s)]
        return len(spaces) >= 2 and all(rows + WIDER < x < pitch and NARROW * x > rows for x in spaces)

    for lines in columns.values():
        lines.sort(key=lambda ln: ln.top)
    rights = {c: max(ln.x1 for ln in lines) for c, lines in columns.items()}

    def cell_ends_over(c: int, k: int, t: float) -> bool:
        # the column's line level with t opens a paragraph right under its line above, which
        # ended short though this line's first word fitted, or ended a list: the cell above
        # ended there (rows touching: the tallest cell's column shows its row's start so)
        lines = columns[c]
        if k == 0 or abs(lines[k].top - t) > tol or lines[k].top - lines[k - 1].top > TIGHT * pitch or _item(lines[k]):
            return False
        return cell_ended(lines[k - 1], lines[k], rights[c])

    def beside(t: float) -> bool:
        # another column's text stands at that height without beginning there (a cell going on);
        # where every column with text there begins a block, the row is a full one set off
        # wider (a totals row under a table's body)
        return any(
            ln.top < t + tol and ln.bottom > t and not cell_ends_over(c, k, t)
            for c, lines in columns.items() if c not in begins[t] for k, ln in enumerate(lines)
        )

    # the white space between two paragraphs of one cell: a column's line set off from the
    # one above it by more than the lines of a paragraph, where no row may start
    paragraph_gaps = [
        b.top - a.bottom
        for lines in columns.values() for a, b in zip(lines, lines[1:])
        if b.top - a.top > TIGHT * pitch and b.top - a.bottom > 0 and all(abs(b.top - s) > tol for s in starts)
    ]

    def paragraph_spacing(t: float, since: float) -> bool:
        # no other column prints there (none a cell ending right above, as rows touching show a
        # row's start) and every column beginning a block there is set off as the cells' own
        # paragraphs are
        if any(ln.top < t + tol and ln.bottom > t for c, lines in columns.items() if c not in begins[t] for ln in lines):
            return False
        spaces = [_own_space_above(blocks, c, t, tol) for c in begins[t] if not silent_since(c, since, t)]
        return len(spaces) >= 2 and all(any(abs(x - g) <= tol for g in paragraph_gaps) for x in spaces)

    def cell_opens_touching(t: float) -> bool:
        # a column not beginning a block there opens a paragraph right under its line above,
        # which ended its cell, with no paragraph spacing though the table sets its cells'
        # paragraphs off: a cell of the next row, the rows touching (helsinki-kotoutuminen
        # 3e5789b8 of seed 20: goal and action ended a line higher than the indicator)
        return bool(paragraph_gaps) and any(
            cell_ends_over(c, k, t)
            for c, lines in columns.items() if c not in begins[t]
            for k in range(bisect_left([ln.top for ln in lines], t - tol), len(lines))
            if abs(lines[k].top - t) <= tol
        )

    kept = list(starts)
    for t in starts[1:]:
        if t in after_header or any(abs(k - t) <= tol for k in keep) or space[t] is None:
            continue
        rows = [
            space[s]
            for s in kept[1:]
            if s != t and s not in after_header and len(begins[s]) >= 2 and (space[s] or 0) > 0
        ]  # (white space none or less: a line runs across the start, it tells nothing)
        rows += [known_space] if known_space is not None else []
        # the rows' white space: the narrowest, met again within a quarter (later items level by
        # chance elsewhere, not yet dropped, may stand among the starts set off wider)
        even = [x for x in rows if rows and x <= EVEN_ROWS * min(rows)]
        if even and len(even) < MIN_ROWS:
            # a part of few rows: the white space over its first row (under the header) met
            # again between its rows is the rows' white space too (the cells' padding)
            under_header = [space[s] for s in after_header if s != t and space.get(s) is not None and space[s] > 0]
            even_head = [x for x in under_header if min(even) / EVEN_ROWS <= x <= EVEN_ROWS * min(even)]
            if len(even) + len(even_head) >= MIN_ROWS:
                even = even + even_head
        if len(even) < MIN_ROWS:
            even = _met_again(rows)
        if len(even) < MIN_ROWS:
            continue
        since = max(s for s in kept if s < t)
        if wider(t, since, max(even)) and (beside(t) or paragraph_spacing(t, since)) and not cell_opens_touching(t):
            kept.remove(t)
    return kept


def _met_again(rows: Sequence[float]) -> list[float]:
    """The narrowest white space over row starts met again within a quarter, and those that
    meet it: the rows' white space when the narrowest of all is met only once (a line of a
    cell centred beside the rows ending just over a start level with it by chance)."""
    ordered = sorted(rows)
    for k, x in enumerate(ordered):
        even = [y for y in ordered[k:] if y <= EVEN_ROWS * x]
        if len(even) >= MIN_ROWS:
            return even
    return []
