"""No row start made by later list items beside a centred cell or a row going on.

A goal centred beside its rows opens lower than the row's top, in a column
silent since the row began.  Level with it, other columns may open later items
of the lists their cells began with (items set off by paragraph spacing, each a
block of its own).  Together they look like the cells of a new row; but the
columns that opened at the row's top (owner, schedule) open nothing here: the
row goes on.  A start made only of such items and one cell of a silent column is
dropped (items alone may stand beside cells running on from the row above: a
touching row's start, left to the other rules).

Likewise a start made only of later items, nothing else opening there, where
every line of another column beside them carries on the line above it (a wrapped
sentence, a word broken at a hyphen) or no other column prints anything at all,
while a column that opened at the row's top opens nothing: the cells of the row
go on past it.  A new row's cells would open level with each other; a cell whose
list outruns the cells beside it, with the same padding between items as between
rows, is common.
"""

from __future__ import annotations

import re
from typing import Callable, Collection, Sequence

from planparse.extractors.pdf.tables.whitespace.regions import is_list_marker
from planparse.extractors.pdf.tables.rowsplit.rows import RUNNING_INTO, Block, carries_on, lines_by_column
from planparse.extractors.pdf.words import TextLine, starts_with_bullet


CENTRED = 0.25  # of a line's size: a word processor centres a merged cell over its rows this closely


def _opens_item(text: str) -> bool:
    """Does a line open a list item: a bullet glyph, or an item number ("2)", "b.")?"""
    words = text.split()
    return starts_with_bullet(text) or bool(words) and is_list_marker(words[0])


_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]")


def _counts_on(first: str, later: str) -> bool:
    """Do two item numbers read as one list going on (the later one higher)? Other markers: yes."""
    a, b = _NUMBER.match(first.strip()), _NUMBER.match(later.strip())
    return not (a and b) or int(b.group(1)) > int(a.group(1))


def _later_item(
    b: Block, blocks: Sequence[Block], since: float, tol: float, numbered: bool = False, rest: bool = False
) -> bool:
    """Is `b` a list item under an item its column opened since `since` (the same list going on)?
    `numbered`: item numbers count as items too (a higher number than the list's first).
    `rest`: the row at `since` may be the rest of a row cut at the page before's foot; a column
    whose text there opens in lower case goes on a cell (a list) begun overleaf."""
    opens = _opens_item if numbered else starts_with_bullet
    if not opens(b.lines[0].text):
        return False
    above = sorted(
        (ln for o in blocks if o.col == b.col for ln in o.lines if since - tol <= ln.top < b.top - tol),
        key=lambda ln: ln.top,
    )  # lines, not blocks: rows that touch run a cell's block on from the row above
    if above and rest and above[0].text[:1].islower():
        return True  # under the rest of an item the page break cut (its list began overleaf)
    return bool(above) and opens(above[0].text) and _counts_on(above[0].text, b.lines[0].text)


def _beside_goes_on(items: Sequence[Block], blocks: Sequence[Block]) -> bool:
    """Does every line of another column standing beside the items' first lines carry on
    the line above it in its column (no other cell opens there)?"""
    cols = {b.col for b in items}
    top = min(b.lines[0].top for b in items)
    bottom = max(b.lines[0].bottom for b in items)
    by_col: dict[int, list[TextLine]] = {}
    for o in blocks:
        if o.col not in cols:
            by_col.setdefault(o.col, []).extend(o.lines)
    for lines in by_col.values():
        lines.sort(key=lambda ln: ln.top)
        for k, ln in enumerate(lines):
            if ln.top < bottom and ln.bottom > top and (k == 0 or not carries_on(lines[k - 1], ln)):
                return False
    return True


def drop_item_starts(
    starts: Sequence[float], blocks: Sequence[Block], tol: float, known_full: Collection[int] | None = None
) -> list[float]:
    """`starts` without those made only by later list items beside one cell opening in a column
    silent since the previous start, or beside nothing but text running on, while columns
    that opened at that start open nothing.  `known_full`: the always-filled columns of the
    table's part on the page before (`row_cuts.full_columns`); where two or more of them each
    begin a cell, the start stays (page continuity: a row opens there in every column that
    opened every row before, the items beside it are the new row's, the rows touching)."""
    full = set(known_full or ())
    kept: list[float] = []
    for k, t in enumerate(starts):
        if not kept:
            kept.append(t)
            continue
        since = kept[-1]
        here = [b for b in blocks if abs(b.top - t) <= tol]
        if len(full) >= 2 and full <= {b.col for b in here}:
            kept.append(t)
            continue
        items = [b for b in here if _later_item(b, blocks, since, tol)]
        others = [b for b in here if b not in items]
        silent = all(not any(o.col == b.col and since - tol <= o.top < t - tol for o in blocks) for b in others)
        at_start = {o.col for o in blocks if abs(o.top - since) <= tol} - {b.col for b in here}
        if items and len(others) == 1 and silent and at_start:
            continue
        # the rest of a row cut by the page break prints only in the columns the break cut: none
        # of them may stay silent here, but the one silent cell opening level with a later item
        # runs on past the next start (a goal centred over the rows of its group)
        rest_items = [b for b in here if _later_item(b, blocks, since, tol, rest=True)]
        lone = [b for b in here if b not in rest_items]
        if rest_items and len(lone) == 1 and k + 1 < len(starts) and lone[0].bottom > starts[k + 1] + tol:
            if not any(o.col == lone[0].col and since - tol <= o.top < t - tol for o in blocks):
                continue
        if _paragraph_beside_centred(t, starts[k + 1] if k + 1 < len(starts) else None, since, here, starts, blocks, tol):
            continue
        # (under the part's first row, the rest of a row the page break cut: lists begun overleaf)
        first_row = len(kept) == 1
        if here and at_start and all(_later_item(b, blocks, since, tol, numbered=True, rest=first_row) for b in here):
            if _beside_goes_on(here, blocks):
                continue
        kept.append(t)
    return kept


def _paragraph_beside_centred(
    t: float, next_start: float | None, since: float, here: Sequence[Block], starts: Sequence[float],
    blocks: Sequence[Block], tol: float,
) -> bool:
    """Is the start at `t` made only by later paragraphs of cells that opened at `since`,
    level by chance with the first line of one cell of a column silent since then, which runs
    on past the next start and is centred (within a quarter line) over rows from `since` down: a
    goal centred over its group, beside the second paragraph of the group's first row, while
    more of the columns whose lines opened that row print no line level with it than go on?
    (Rows that touch: the cells' lines, not their blocks, say where the row at `since` opened
    and what stands at `t`.)

    helsinki-kotoutuminen 2ab300de (seed 18, frame only): goal 2, centred over rows 2.1-2.3,
    opens level with the second paragraph of row 2.1's measures, where the row's action and
    owner cells have ended."""
    if next_start is None or len(here) < 2:
        return False
    printed = {b.col for b in blocks for ln in b.lines if since - tol <= ln.top < t - tol}
    lone = [b for b in here if b.col not in printed]
    if len(lone) != 1 or lone[0].bottom <= next_start + tol:
        return False
    opened = {b.col for b in blocks for ln in b.lines if abs(ln.top - since) <= tol}
    level = {b.col for b in blocks for ln in b.lines if abs(ln.top - t) <= tol}
    going_on = {b.col for b in here if b is not lone[0]}
    # cells of the row at `since` going on here, fewer than those of its cells that print nothing
    # level with them (a new row's cells open level with each other, most of them)
    if not going_on <= opened or len(opened - level) <= len(going_on):
        return False
    cell = lone[0]
    mid, size = (cell.top + cell.bottom) / 2, cell.lines[0].size
    ends = [s for s in starts if s > cell.bottom - tol] + [max(b.bottom for b in blocks)]
    return any(abs(mid - (since + end) / 2) <= CENTRED * size for end in ends)


def _kept_starts(starts: Sequence[float], goes_on: Callable[[float, float], bool]) -> list[float]:
    """`starts` without those where `goes_on(start, the last start kept)` says the row's cells
    go on there (the first start always stands)."""
    kept: list[float] = []
    for t in starts:
        if kept and goes_on(t, kept[-1]):
            continue
        kept.append(t)
    return kept


def drop_starts_beside_running_cells(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` (of an OCR table) without those where a row's cells go on: every block opening
    there is a later item or paragraph of a cell its column opened since the previous start,
    most of them list items under a first item of their cell,
    a column beside them carries on a word broken at a hyphen on the line above or has a line
    reaching down into their first line, and a column that opened at the previous start prints
    nothing there.

    kymenlaakso-lnp-shaded-header@fin-200-skew p. 2: the action, indicator and owner lists
    open their second items level with each other while the goal beside them goes on
    ("Tuen oikea-aikainen ja yh-" / "denvertainen") and the schedule and resource cells,
    opened with the row, are done: no new row there (a new row's cells would open the
    schedule's and resource's too, and a goal's text does not break a word over a row's
    start unless its cell spans the rows, where the other columns all open).
    """
    lines_of = lines_by_column(blocks)

    def goes_on(t: float, since: float) -> bool:
        here = [b for b in blocks if abs(b.top - t) <= tol]
        cols_here = {b.col for b in here}
        opened_before = bool(here) and all(
            any(o.col == b.col and since - tol <= o.top < t - tol for o in blocks) for b in here
        )
        broken_beside = any(
            k and abs(ln.top - t) <= tol and carries_on(lines[k - 1], ln, hyphen_only=True)
            for col, lines in lines_of.items() if col not in cols_here
            for k, ln in enumerate(lines)
        )
        # or a line of a column beside them that stood above reaches down into their first line
        running_beside = any(
            ln.top < t - tol and ln.bottom > t + RUNNING_INTO * ln.size
            for col, lines in lines_of.items() if col not in cols_here
            for ln in lines
        )
        at_start = {o.col for o in blocks if abs(o.top - since) <= tol} - cols_here
        done = [
            col for col in at_start
            if not any(ln.top < t + tol + ln.size and ln.bottom > t - tol for ln in lines_of.get(col, ()))
        ]
        # most of them later items of lists their cells opened with (a bullet under a bullet): a new
        # row's cells open with no such evidence (vake-osallisuus-frame: a goal merged over two rows
        # runs beside the second row's action and owner, the indicator cell left empty)
        items = sum(1 for b in here if _later_item(b, blocks, since, tol))
        return opened_before and 2 * items > len(here) and (broken_beside or running_beside) and bool(done)

    return _kept_starts(starts, goes_on)


LEVEL = 0.6  # of a line's size: a block opening this far under a start stands level with it
_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2})[.)](?!\d)")  # "2)", "3.", not "3.2" (a goal's own number)


def _numbered_later_line(line: TextLine, column: Sequence[TextLine], since: float, tol: float) -> bool:
    """Is `line` (of `column`, its lines in reading order) a numbered list item whose number
    follows one its column opened since `since` ("2)" under "1)"): the list of a cell going
    on, never a new row's list (that opens at 1)."""
    first = _ITEM_NUMBER.match(line.text.strip())
    if not first:
        return False
    opening = next((ln for ln in column if since - tol <= ln.top < line.top - tol), None)
    number = _ITEM_NUMBER.match(opening.text.strip()) if opening is not None else None
    return bool(number) and int(first.group(1)) > int(number.group(1))


def drop_starts_beside_centred_cell(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` (of an OCR table) without one made by blocks that go on their columns' lists,
    numbered items counting on ("2)" under "1)" since the previous start; two columns or more
    with such an item level with the start, a block's first line or a later one), beside at
    most one other block (a goal centred beside its row, its number and its text perhaps
    blocks of their own; OCR may lose a column's first item, so any column counts);
    or most of them numbered so beside such a cell, while a column that opened at the
    previous start carries on a word broken at a hyphen or a line reaching down into
    theirs, and another prints nothing there.

    kymenlaakso-lnp-borderless@fin-300 p. 2 (scan set I): goal 3, centred beside its row,
    opens level with the action's, indicator's and owner's second items ("2) Sovinnolliseen
    eroon", "2) Johto") and the second paragraph of the follow-up cell; the start made there
    gave goal 2 the row's first items and goal 3 the rest.  A new row's lists open at 1).
    """
    lines_of = lines_by_column(blocks)

    def goes_on(t: float, since: float) -> bool:
        # level with the start's first line (a goal's text a few points over its row's items)
        here = [b for b in blocks if t - tol <= b.top <= t + max(tol, LEVEL * b.lines[0].size)]
        opened_at_since = {o.col for o in blocks if abs(o.top - since) <= tol}
        silent = [b for b in here if b.col not in opened_at_since]
        others = [b for b in here if b.col in opened_at_since]
        numbered = sum(1 for b in others if _numbered_later_line(b.lines[0], lines_of[b.col], since, tol))
        # columns with an item counting on level with the start (a block's first line or a later one)
        counting = {
            col for col, column in lines_of.items() for ln in column
            if t - tol <= ln.top <= t + max(tol, LEVEL * ln.size) and _numbered_later_line(ln, column, since, tol)
        }
        at_start = opened_at_since - {b.col for b in here}
        beside = any(
            (k and abs(ln.top - t) <= tol and carries_on(column[k - 1], ln, hyphen_only=True))
            or (ln.top < t - tol and ln.bottom > t + RUNNING_INTO * ln.size)
            for col in at_start for column in [lines_of.get(col, [])] for k, ln in enumerate(column)
        )
        done = any(
            not any(ln.top < t + tol + ln.size and ln.bottom > t - tol for ln in lines_of.get(col, ())) for col in at_start
        )
        items = [b for b in here if _numbered_later_line(b.lines[0], lines_of[b.col], since, tol)]
        return len(counting) >= 2 and bool(items) and (
            len(here) - len(items) <= 1 or len(silent) == 1 and 2 * numbered > len(others) and beside and done
        )

    return _kept_starts(starts, goes_on)


def drop_lone_block_starts(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` (of an OCR table) without one made by a single column's block that runs on past
    the next start, with nothing else printed before that start: the block is a cell centred
    over rows (a goal merged over its actions), its first line standing in the white between
    two rows, not a row of its own.

    pihlajavesi-lapset-nuoret-shaded-header p. 1: goal I's text, centred over its three rows,
    opens 6.8 pt above the second row's cells, in the padding between the rows; taken for a
    row start (a first-column block beside silent columns) it made a record of the goal alone.
    """
    out: list[float] = []
    for k, t in enumerate(starts):
        if 0 < k < len(starts) - 1:
            t2 = starts[k + 1]
            here = [b for b in blocks if abs(b.top - t) <= tol]
            if len({b.col for b in here}) == 1 and max(b.bottom for b in here) > t2 + tol:
                col = here[0].col
                alone = not any(o.col != col and ln.top < t2 - tol and ln.bottom > t for o in blocks for ln in o.lines)
                if alone:
                    continue
        out.append(t)
    return out


UNMARKED_X = 2.5  # points: an OCR column's items whose bullets went unread open at one x, this close
_ID_LINE = re.compile(r"^\(?[0-9IVX]{1,4}[.)]?$")


def _goes_on_unmarked(b: Block, at_since: Sequence[Block], tol: float) -> bool:
    """Does `b` go on the cell its column opened at the row's start: the next item of a list
    whose first bullet OCR read as nothing (its text opens at the x where that cell's first
    line opened, its own bullet read or not), or a goal's name under its number (that cell
    one id line)?"""
    first = b.lines[0]
    for o in at_since:
        head = o.lines[0]
        if len(o.lines) == 1 and _ID_LINE.match(head.text.strip()) and o.bottom < b.top:
            return True
        if starts_with_bullet(head.text) or not head.text[:1].isupper():
            continue
        if not starts_with_bullet(first.text):
            if abs(head.x0 - first.x0) <= UNMARKED_X and first.text[:1].isupper():
                return True
        elif len(first.words) >= 2 and abs(head.x0 - first.words[1].x0) <= UNMARKED_X:
            return True  # this item's bullet read, the first one's not: its text opens where that one's did
    return False


def drop_unmarked_item_starts(starts: Sequence[float], blocks: Sequence[Block], tol: float) -> list[float]:
    """`starts` (of an OCR table) without those made by later list items (bullets read) beside
    blocks that each go on their column's cell from the start before (`_goes_on_unmarked`),
    while a column that opened at that start opens nothing here.

    Tesseract often reads a dash bullet as nothing: a column's items then open at the text's
    indent with no mark, and where they stand level with the later items of other columns,
    the row looked like it began again (set E kymenlaakso-lnp-shaded-header@300: goal 5's
    second actions, indicators and owners; goal 7's name under its number "7")."""

    def goes_on(t: float, since: float) -> bool:
        here = [b for b in blocks if abs(b.top - t) <= tol]
        items = [b for b in here if _later_item(b, blocks, since, tol)]
        others = [b for b in here if b not in items]
        at_since = {}
        for o in blocks:
            if abs(o.top - since) <= tol:
                at_since.setdefault(o.col, []).append(o)
        quiet = set(at_since) - {b.col for b in here}
        return (
            bool(items)
            and bool(others)
            and bool(quiet)
            and len(others) <= len(items) + 1
            and all(_goes_on_unmarked(b, at_since.get(b.col, []), tol) for b in others)
        )

    return _kept_starts(starts, goes_on)
