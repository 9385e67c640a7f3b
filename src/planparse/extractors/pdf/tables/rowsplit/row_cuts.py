"""Row starts that would cut through a cell of a column that is never merged.

A row of a table ends below its tallest cell, so no cell's text runs across
the start of the next row -- except a merged cell (a goal spanning its
actions).  Whitespace row finding (pdf.tables.rowsplit.rows.row_starts) takes a height where
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

from bisect import bisect_left
from typing import Collection, Sequence

from planparse.intermediate import RawRow
from planparse.extractors.pdf.tables.whitespace.levels import level_with
from planparse.extractors.pdf.tables.rowsplit.rows import Block
from planparse.extractors.pdf.words import starts_with_bullet


MIN_EVIDENCE = 3  # other row starts a column must fill before it counts as never merged
SILENT_FULL = 2  # always-filled columns starting nothing at a height that make it no row start


def _begins_at(col_tops: Sequence[float], y: float, tol: float) -> bool:
    return any(abs(t - y) <= tol for t in col_tops)


def _columns_beginning(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> dict[float, set[int]]:
    """For each start, the columns that begin a block within `tol` of it (each column's
    block tops sorted once and bisected: asked for every start of a long page)."""
    tops_by_col: dict[int, list[float]] = {}
    for b in blocks:
        tops_by_col.setdefault(b.col, []).append(b.top)
    for tops in tops_by_col.values():
        tops.sort()
    return {s: {c for c, tops in tops_by_col.items() if level_with(tops, s, tol)} for s in starts}


def _close_items(blocks: Sequence[Block], t: float, tol: float) -> int:
    """How many columns begin a block at t less than a line's height under a line of theirs."""
    n = 0
    for col in {b.col for b in blocks if abs(b.top - t) <= tol}:
        here = next(b for b in blocks if b.col == col and abs(b.top - t) <= tol)
        height = here.lines[0].bottom - here.lines[0].top
        above = [b.bottom for b in blocks if b.col == col and b.bottom <= here.top]
        n += bool(above) and here.top - max(above) < height
    return n


def _bold_row(blocks: Sequence[Block], y: float, tol: float) -> bool:
    """Are all blocks starting at y bold (a header row)?"""
    at = [b for b in blocks if abs(b.top - y) <= tol]
    return bool(at) and all(ln.bold for b in at for ln in b.lines)


def runs_across(b: Block, t: float, tol: float) -> bool:
    """Does the block have lines above and below t and none beginning at t (no row could start there)?"""
    return b.top < t - tol and b.bottom > t + tol and not any(abs(ln.top - t) <= tol for ln in b.lines)


def full_columns(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> set[int] | None:
    """The columns that begin a cell at every row start where two or more columns begin one
    (`drop_cutting_starts`' always-filled columns), None when there are fewer than
    MIN_EVIDENCE + 1 such starts to tell."""
    begins = _columns_beginning(starts, blocks, tol)
    evidence = [s for s in starts if len(begins[s]) >= 2]
    if len(evidence) <= MIN_EVIDENCE:
        return None
    return set.intersection(*(begins[s] for s in evidence))


def drop_cutting_starts(
    starts: Sequence[float], blocks: Sequence[Block], tol: float, keep: Sequence[float] = (),
    known_full: Collection[int] | None = None, ocr: bool = False,
) -> list[float]:
    """`starts` without those a block of an always-filled column runs across, or where
    two or more always-filled columns begin nothing (a row's cells are top-aligned).

    `tol`: how far apart two tops may be and still start one row (row_align).
    The first start (the table's top) always stays, and so do the starts in `keep`
    (one-line rows read from lines side by side: blocks there hold several rows).
    `known_full`: the always-filled columns of the table's part on the page before
    (`full_columns`), for a part with too few starts of its own: two or more of them
    beginning nothing at a start where items stand close under their cells' text is no
    row start there either (a row carried whole overleaf, its cells' later paragraphs
    level by chance).  A block running across a start proves nothing from that evidence
    alone (a goal merged over this page's rows, though the page before merged none).
    `ocr` (lines an OCR engine placed): header rows are no evidence of which columns are
    always filled, since OCR loses heads ("Milloin?" unread leaves its column looking
    sometimes empty).  On born-digital pages the header rows stay evidence: a part with
    few rows of its own needs them (seed 18 kymenlaakso 11469223 without them: 0.88).
    """
    if len(starts) < 2 or len(starts) < 3 and known_full is None:
        return list(starts)
    columns = {b.col for b in blocks}
    begins = _columns_beginning(starts, blocks, tol)
    under_header = {s: _bold_row(blocks, s, tol) for s in starts}
    strong_need = max(2, len(columns) - 1)

    def filled_at(evidence: list[float]) -> set[int]:
        out = set(columns)
        for s in evidence:
            out &= begins[s]
        return out

    kept = list(starts)
    changed = True
    while changed:  # a dropped start no longer counts against a column's fullness
        changed = False
        for i, t in enumerate(kept[1:], start=1):
            if under_header[kept[i - 1]] or _begins_at(keep, t, tol):
                continue  # the row under a header row (first or repeated) starts there
            # the starts that say which columns are always filled: where two or more columns
            # begin a cell (not a rule drawn above its row's text, nor the rest of a cut row)
            # (a header row's heads say nothing of which data cells are filled: "Milloin?" lost by OCR)
            others = [s for s in kept if s != t and len(begins[s]) >= 2 and not (ocr and under_header[s])]
            if len(others) < MIN_EVIDENCE:
                if known_full is None:
                    continue
                silent = [c for c in known_full if c in columns and c not in begins[t]]
                if len(silent) >= SILENT_FULL and _close_items(blocks, t, tol) >= 2:
                    kept.remove(t)
                    changed = True
                    break
                continue
            full = filled_at(others)
            cut = any(runs_across(b, t, tol) for b in blocks if b.col in full)
            # for silence, fullness at the strong starts only (nearly every column begins
            # a cell): items level by chance at two heights of one row hide each other
            strong = [s for s in others if len(begins[s]) >= strong_need]
            filled = full if len(strong) < MIN_EVIDENCE else filled_at(strong)
            silent = [c for c in filled if c not in begins[t]]
            # items level by chance: two or more, each close under its cell's text above
            # (not the rest of a row cut by a page break under a repeated header, in one
            # column; not a sub-heading row after a row's white space)
            level_by_chance = len(silent) >= SILENT_FULL and _close_items(blocks, t, tol) >= 2
            if level_by_chance and not ocr and _set_off_as_rows(t, kept, blocks, begins, under_header, tol):
                level_by_chance = False
            if cut or level_by_chance:
                kept.remove(t)
                changed = True
                break
    return kept


def _set_off_as_rows(
    t: float, kept: Sequence[float], blocks: Sequence[Block], begins: dict[float, set[int]],
    under_header: dict[float, bool], tol: float,
) -> bool:
    """Is every column beginning a block at t set off from its own text above by the white
    space of the table's rows (evenly spaced, read where two or more columns begin a cell, not
    under a header row), while every later paragraph of a cell in the table is set off by
    clearly less?  Then the blocks at t open a row whose cells are short beside a goal merged
    over it, not later paragraphs level by chance (seed 23 vake d7f983e0: 7.9 pt over each
    row's cells, 6.9 pt between the items of one cell).  Born-digital text: OCR boxes wander."""
    if len(begins[t]) < 2:
        return False
    rows = [
        s for i, s in enumerate(kept) if i and s != t and len(begins[s]) >= 2 and not under_header[kept[i - 1]]
    ]
    space = _spaces_above(blocks, rows, tol)
    spaces = [x for x in space.values() if x is not None and x > 0]
    if len(spaces) < 2 or max(spaces) > EVEN_ROWS * min(spaces):
        return False
    row = min(spaces)
    if any(abs(_own_space_above(blocks, c, t, tol) - row) > 0.5 for c in begins[t]):
        return False
    paragraphs = [
        _own_space_above(blocks, b.col, b.top, tol)
        for b in blocks
        if not _begins_at(kept, b.top, tol)
    ]
    paragraphs = [x for x in paragraphs if x < row + 0.5]
    return bool(paragraphs) and max(paragraphs) <= row - KNOWN_SPACE_MARGIN


def drop_textless_rows(rows: list[RawRow]) -> list[RawRow]:
    """Rows with no text of their own, every cell empty or covered from above, joined to
    the row above: a start made by a block that was then placed centred over other rows
    (a merged goal beginning between two rows) leaves such a row behind."""
    out: list[RawRow] = []
    for row in rows:
        if out and all(c.is_empty for c in row.cells):
            if out[-1].bbox is not None and row.bbox is not None:
                out[-1].bbox = (out[-1].bbox[0], out[-1].bbox[1], out[-1].bbox[2], row.bbox[3])
            continue
        out.append(row)
    return out


EVEN_ROWS = 1.25  # the widest white space over a row start at most this times the narrowest
NARROW = 0.75  # a start whose white space is below this share of every other start's


def _space_above(blocks: Sequence[Block], y: float, tol: float) -> float | None:
    """The white space over height y: from the lowest line ending above it, in any column."""
    above = [ln.bottom for b in blocks for ln in b.lines if ln.top < y - tol]
    return y - max(above) if above else None


def _spaces_above(blocks: Sequence[Block], ys: Sequence[float], tol: float) -> dict[float, float | None]:
    """`_space_above` at each of the heights `ys`, with the blocks' lines sorted by top once
    (the lowest bottom above a height is a running maximum): asked for every row start."""
    lines = sorted((ln.top, ln.bottom) for b in blocks for ln in b.lines)
    tops = [top for top, _bottom in lines]
    lowest: list[float] = []  # lowest[k]: the greatest bottom among lines[0..k]
    for _top, bottom in lines:
        lowest.append(bottom if not lowest or bottom > lowest[-1] else lowest[-1])
    out: dict[float, float | None] = {}
    for y in ys:
        k = bisect_left(tops, y - tol)  # the lines whose top is above y - tol
        out[y] = y - lowest[k - 1] if k else None
    return out


def _own_space_above(blocks: Sequence[Block], col: int, y: float, tol: float) -> float:
    """The white space over height y in one column: from its lowest line ending above y."""
    above = [ln.bottom for b in blocks if b.col == col for ln in b.lines if ln.top < y - tol]
    return y - max(above) if above else float("inf")


def _own_text_above(blocks: Sequence[Block], col: int, y: float, space: float, tol: float) -> bool:
    """Does the column have a line ending just over y: within the white space there, or
    less than a line's height (a paragraph's spacing)?"""
    return any(
        b.col == col and 0 <= y - ln.bottom <= max(space, ln.bottom - ln.top) + tol for b in blocks for ln in b.lines
    )


def row_space(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> float | None:
    """The white space over the row starts of an evenly spaced table part (the narrowest),
    the row under a header row aside unless the part has no other (a page ending with its
    table's header rows and first row: the same cell padding sets them off); None when there
    are none or they differ."""
    after_header = {s for prev, s in zip(starts, starts[1:]) if _bold_row(blocks, prev, tol)}
    space = _spaces_above(blocks, starts[1:], tol)
    spaces = [space[s] for s in starts[1:] if s not in after_header]
    spaces = [x for x in spaces if x is not None]
    if not spaces:  # header rows over one row: the same cell padding sets them off
        spaces = [x for x in (_space_above(blocks, s, tol) for s in after_header) if x is not None and x > 0]
    if not spaces or max(spaces) > EVEN_ROWS * min(spaces):
        return None
    return min(spaces)


def _lowered_cell(b: Block, blocks: Sequence[Block], starts: Sequence[float], tol: float) -> bool:
    """Is the block a cell set lower than its row's top (a goal centred over its group):
    it begins at no row start, and its column is empty from the row start above it down
    to it?  Such a cell ends anywhere over the next row's start; the white space that
    sets rows off is the other cells'."""
    if _begins_at(starts, b.top, tol):
        return False
    above = [s for s in starts if s < b.top - tol]
    if not above:
        return False
    row_top = max(above)
    return not any(o.col == b.col and o is not b and o.bottom > row_top - tol and o.top < b.top for o in blocks)


WIDER = 1.5  # points: white space this much wider than every row's (and a third wider) is no row's


def _wider_list_item(
    t: float,
    kept: Sequence[float],
    blocks: Sequence[Block],
    begins: dict[float, set[int]],
    space: dict[float, float | None],
    skip: set[float],
    tol: float,
    known_space: float | None = None,
) -> bool:
    """Is t a list item alone in its column, right under that column's own text and set off
    by clearly more white space than the rows (evenly spaced, read at the starts where two or
    more columns begin a cell): a later item of the cell above, with the list's paragraph
    spacing, where the other cells of the row have ended (rows that touch, items spaced off)?
    `known_space`: the rows' white space on the page before counts as one more row."""
    if len(begins[t]) != 1 or space[t] is None:
        return False
    (col,) = begins[t]
    here = [b for b in blocks if b.col == col and abs(b.top - t) <= tol]
    if not here or not starts_with_bullet(here[0].lines[0].text):
        return False
    if abs(_own_space_above(blocks, col, t, tol) - space[t]) > 0.5:
        return False  # the nearest text above is another column's
    rows = [space[s] for s in kept[1:] if s != t and s not in skip and len(begins[s]) >= 2 and space[s] is not None]
    rows += [known_space] if known_space is not None else []
    if len(rows) < 2 or max(rows) > EVEN_ROWS * min(rows):
        return False
    return space[t] > max(rows) + WIDER and NARROW * space[t] > max(rows)


KNOWN_SPACE_MARGIN = 0.75  # points: white space this much narrower than the rows' is a paragraph's


def drop_paragraph_starts(
    starts: Sequence[float],
    blocks: Sequence[Block],
    tol: float,
    keep: Sequence[float] = (),
    known_space: float | None = None,
    centred: Collection[int] = (),
) -> list[float]:
    """`starts` without those set off by clearly less white space than every other row start
    of an evenly spaced table: there the cells' later paragraphs begin, under their own
    text, beside a column that begins a cell at every other row start and nothing there.

    Rows of a table are set off by the same cell padding; a paragraph's spacing inside a
    cell is another, smaller one.  Each row start of a page part is a fact by itself,
    so this holds on a part of two or three rows too, where `drop_cutting_starts` has too
    few rows to tell which columns are always filled.  `known_space`: the white space over
    the rows of the table's part on the page before (`row_space`), for a part whose only
    start besides its top is in question: one column's next paragraph, set off by a
    paragraph's spacing, is no row of its own.  `centred`: the columns whose cells the part on
    the page before printed centred over their rows; where other columns begin a block at a
    start too, a centred cell beginning there says nothing of it (it begins wherever its
    centring puts it: the rest of a row at the page's top may be all above it).
    """
    if len(starts) < 2 or len(starts) < 3 and known_space is None:
        return list(starts)
    after_header = {s for prev, s in zip(starts, starts[1:]) if _bold_row(blocks, prev, tol)}
    space = _spaces_above(blocks, starts[1:], tol)
    # a start whose nearest text above is a cell set lower than its row's top (a goal centred
    # over its group, ending anywhere) says nothing of the white space that sets rows off
    setting_off = [b for b in blocks if not _lowered_cell(b, blocks, starts, tol)]
    space_set_off = _spaces_above(setting_off, starts[1:], tol)
    unsure = {s for s in starts[1:] if space_set_off[s] != space[s]}
    # nor does one with a line above reaching down to it (a goal merged over its group, taller than
    # its first row, its text running on: no white space there at all -- seed 21 helsinki 7df82672)
    unsure |= {s for s in starts[1:] if space[s] is not None and space[s] <= 0}
    begins = _columns_beginning(starts, blocks, tol)
    if known_space is not None and centred:
        begins = {s: (cs - set(centred)) or cs for s, cs in begins.items()}
    # a start where no column begins a block (a rule drawn a little over the next row's text:
    # a frame's top, the header repeated under it) shows no cell padding, and no columns that
    # begin every row: it says nothing of how the rows' text is set off
    textless = {s for s in starts[1:] if not begins[s]}
    kept = list(starts)
    for t in starts[1:]:
        if t in after_header or t in textless or _begins_at(keep, t, tol) or space[t] is None:
            continue
        narrow_known = known_space is not None and (
            len(begins[t]) == 1
            and space[t] <= known_space - KNOWN_SPACE_MARGIN
            # later items level by chance in several cells, each close under its own text
            or len(begins[t]) >= 2
            and all(_own_space_above(blocks, c, t, tol) <= known_space - KNOWN_SPACE_MARGIN for c in begins[t])
        )
        if narrow_known:  # the rows' white space known from the page before
            rows = [s for s in kept if s != t and (s == kept[0] or (space[s] or 0) > known_space - KNOWN_SPACE_MARGIN)]
        elif _wider_list_item(t, kept, blocks, begins, space, after_header | unsure, tol, known_space):
            # the rows where cells begin in several columns (not the row under a header: maybe a cut row's rest)
            rows = [s for s in kept if s != t and len(begins[s]) >= 2 and s not in after_header]
        else:
            others = [space[s] for s in kept[1:] if s != t and s not in after_header | unsure | textless and space[s] is not None]
            if not others or max(others) > EVEN_ROWS * min(others) or space[t] >= NARROW * min(others):
                continue
            rows = [s for s in kept if s != t and s not in textless]
        # the part's top may be the rest of a row cut by the page break: few columns; where every
        # column beginning here is set off by clearly less than the rows' white space known from
        # the page before (a paragraph's, not a page's slightly other row spacing), one full row
        # besides the top is enough, and with none the white space alone decides (later items
        # of the cut row's cells)
        much_narrower = narrow_known and all(
            _own_space_above(blocks, c, t, tol) <= NARROW * known_space for c in begins[t]
        )
        if len(rows) >= 3 or much_narrower and len(rows) == 2:
            rows = rows[1:]
        elif much_narrower:
            rows = []
        if rows and not set.intersection(*(begins[s] for s in rows)) - begins[t]:
            continue  # every column that begins each other row begins here too
        if not all(_own_text_above(blocks, c, t, space[t], tol) for c in begins[t]):
            continue  # a column begins a cell here with no text of its own just above
        kept.remove(t)
    return kept
