"""Rows that touch with no white space at all between them.

A table drawn with an outer frame only, its cells without padding, sets the
next row's first lines right under the row above's last ones, at the plain line
pitch: no column begins a block there (`rows.column_blocks` splits at white
space), so `rows.row_starts` sees no start.  Yet the row shows: every column
printing a line at that height opens a paragraph right under its line above
(the line above closed a sentence and this one opens with a capital, the line
above ended although this one's first word would have fitted -- a cell ended --,
or the line above is a list item and this one begins under its bullet: the
list ended; or a list opens right under a plain line at its left edge: a cell of
items begins), and none carries on the text above it, except a cell set lower than
its row's top (a goal centred over its group, running over the boundary) or one
cell of a column empty at another row start (a goal merged over its group, its
text running on over the boundary); a line opening with a capital under a cell of
short lines (names) stands beside them when its first word would have fitted within
its column's reach (`column_reach`: such a column never printed to its edge).  Two
or more such columns side by side start a row, one of them at least where
its line above ended short or ended a list (a sentence closing at a line's end
is no more than that: a wrapped paragraph may go on with a capital).  List items (a bullet, a number)
open no row: they are the next items of cells going on.  Nor do paragraphs set
off by paragraph spacing (wider than the line pitch): the rows touch, a cell's
paragraphs are set off.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Sequence

from planparse.extractors.pdf.tables.whitespace.levels import level_with
from planparse.extractors.pdf.tables.rowsplit.touching_rows import _lowered, _opens
from planparse.extractors.pdf.words import TextLine, forced_break, starts_with_bullet

TIGHT = 1.1  # pitches: a line this close under the one above has no paragraph spacing over it
MIN_OPENING = 2  # columns that must open a paragraph side by side


def _item(line: TextLine) -> bool:
    """Does the line open with an item number ("2)", "b.")?"""
    global _is_list_marker
    if _is_list_marker is None:  # imported on first use: regions imports rows, which imports this module
        from planparse.extractors.pdf.tables.whitespace.regions import is_list_marker as _is_list_marker

    words = line.text.split(None, 1)  # (only the first word is asked)
    return bool(words) and _is_list_marker(words[0])


_is_list_marker = None


def paragraph_row_starts(
    block_spans: dict[int, list[tuple[float, float]]],
    column_lines: dict[int, list[TextLine]],
    carried: dict[int, list[float]],
    pitch: float | None,
    align: float,
    known: Sequence[float] = (),
) -> list[float]:
    """Row tops where rows touch without white space (see the module docstring).
    `block_spans`: each column's blocks as (top, bottom of the last line); `column_lines`
    sorted by top; `carried`: per column, the sorted tops of lines carrying on the line above;
    `known`: row starts found otherwise (a column empty at one of them may hold merged cells)."""
    if pitch is None:
        return []
    may_merge = _empty_at_a_start(column_lines, known, pitch, align)
    all_tops = {col: [top for top, _ in spans] for col, spans in block_spans.items()}
    line_tops = {col: [ln.top for ln in lines] for col, lines in column_lines.items()}
    rights = {col: max((ln.x1 for ln in lines), default=0.0) for col, lines in column_lines.items()}
    reach = column_reach(column_lines, rights)

    opened: dict[tuple[int, int], bool] = {}  # (col, k): asked again for the columns beside a start

    def opener(col: int, k: int) -> bool:
        key = (col, k)
        if key not in opened:
            opened[key] = _opener(column_lines[col], k, rights[col], pitch)
        return opened[key]

    def ended(col: int, k: int) -> bool:
        return cell_ended(column_lines[col][k - 1], column_lines[col][k], rights[col])

    starts: list[float] = []
    for col, lines in column_lines.items():
        for k, ln in enumerate(lines):
            if not opener(col, k):
                continue
            t = ln.top
            if any(abs(s - t) <= align for s in starts):
                continue
            opening = 1
            openers = 1  # columns opening a paragraph by `_opener` (a sentence closed, a cell ended)
            strong = ended(col, k)
            ok = True
            merged_on = 0  # columns whose (merged) cell's text goes on over the start
            capital_open = 0
            for other, olines in column_lines.items():
                if other == col:
                    continue
                j = bisect_left(line_tops[other], t - align)
                if j >= len(olines) or abs(olines[j].top - t) > align:
                    continue  # nothing printed beside it in this column
                if opener(other, j):
                    opening += 1
                    openers += 1
                    strong = strong or ended(other, j)
                elif level_with(all_tops[other], t, align):
                    if (starts_with_bullet(olines[j].text) or _item(olines[j])) and not (j and _list_begins(olines[j - 1], olines[j])):
                        ok = False  # a later item of a list going on, set off by its spacing
                    # (a list set off under a plain cell at its left edge begins a cell of items: seed
                    # 22 vake-osallisuus 259001df, "- Hyte-tehtäväalue ..." under "Hyte-tehtäväalue ...")
                    opening += 1  # a cell begins there after white space
                elif level_with(carried.get(other, ()), t, align) and _lowered(all_tops, other, _block_top(block_spans[other], t), align):
                    continue  # a cell set lower than its row's top runs over the boundary
                elif other in may_merge and level_with(carried.get(other, ()), t, align) and not merged_on:
                    merged_on += 1  # one cell merged over rows (a goal over its group) runs on over it
                elif _capital_line(olines, j, pitch):
                    capital_open += 1  # a line opening with a capitalised word: no text carried on
                    opening += 1
                elif _ended_short_of_reach(olines, j, reach.get(other), pitch):
                    opening += 1  # a cell of short lines ended: the next word fitted its column
                else:
                    ok = False  # a cell's text goes on there
            # (a wrapped paragraph may go on with a capitalised word, a name: one such line beside
            # the openers, or no more of them than columns opening a paragraph by their own lines)
            ok = ok and capital_open <= max(1, openers)
            if ok and strong and opening >= MIN_OPENING:
                starts.append(t)
    return sorted(starts)


def column_reach(column_lines: dict[int, list[TextLine]], rights: dict[int, float]) -> dict[int, float]:
    """Where each column's text may reach, for a column of short cells that never printed to
    its edge ("Hallintopalvelut" / "Talouspalvelut, kunnan viestintä"): the next column's left
    text edge less the table's narrowest gutter (the padding on both sides of a rule, shown by
    the column whose text came closest to the next one); no entry where that is not known."""
    lefts = {col: min(ln.x0 for ln in lines) for col, lines in column_lines.items() if lines}
    gaps = [lefts[col + 1] - rights[col] for col in lefts if col + 1 in lefts]
    gutter = min(gaps, default=0.0)
    if gutter <= 0:
        return {}
    return {col: lefts[col + 1] - gutter for col in lefts if col + 1 in lefts and lefts[col + 1] - gutter > rights[col]}


def _ended_short_of_reach(lines: Sequence[TextLine], j: int, reach: float | None, pitch: float) -> bool:
    """Did line j-1 of a column end right over line j (plain lines, no hyphen), line j opening
    with a capital, although its first word would have fitted within the column's reach: the
    cell above ended there (a line of names: "Hallintopalvelut" / "Talouspalvelut, ...")?"""
    if reach is None or j == 0 or lines[j].top - lines[j - 1].top > TIGHT * pitch:
        return False
    above, line = lines[j - 1], lines[j]
    if not line.text[:1].isupper() or starts_with_bullet(line.text) or _item(line) or starts_with_bullet(above.text) or _item(above):
        return False
    return forced_break(above, line, reach)


def _opener(lines: Sequence[TextLine], k: int, right: float, pitch: float) -> bool:
    """Does line k of a column (sorted by top, text reaching `right`) open a paragraph right
    under its line above: a sentence closed or a cell ended over it, or a list ended (no item
    itself, unless the line above ended short over an item whose numbering begins anew),
    or a list begun under a plain line?"""
    if k == 0 or lines[k].top - lines[k - 1].top > TIGHT * pitch:
        return False
    above, line = lines[k - 1], lines[k]
    if _item(line):  # a later item of a list going on, unless its numbering begins anew
        return _list_begins(above, line) or (forced_break(above, line, right) and _numbering_anew(lines, k))
    return (_opens(above, line, right) or ends_list(above, line)) or _list_begins(above, line)


def _number(line: TextLine) -> tuple[int, ...] | str | None:
    """The item number opening the line: digits ("2.1" -> (2, 1), "3)" -> (3,)) or one
    letter ("b)" -> "b"); None for other markers."""
    words = line.text.split()
    mark = words[0].rstrip(").").lstrip("(") if words else ""
    if mark and all(part.isdigit() for part in mark.split(".")):
        return tuple(int(part) for part in mark.split("."))
    if len(mark) == 1 and mark.isalpha() and mark.islower():
        return mark
    return None


def _follows(prev: tuple[int, ...] | str, cur: tuple[int, ...] | str) -> bool:
    """Is `cur` the item number after `prev` in one list (its next, its first sub-item, or
    the next of an item it is a sub-item of)?"""
    if isinstance(prev, str) or isinstance(cur, str):
        return isinstance(prev, str) and isinstance(cur, str) and ord(cur) == ord(prev) + 1
    if cur == prev + (1,):
        return True
    return any(cur == prev[: d - 1] + (prev[d - 1] + 1,) for d in range(1, len(prev) + 1))


def _numbering_anew(lines: Sequence[TextLine], k: int) -> bool:
    """Does the item number opening line k begin a numbering of its own: a first item ("1)",
    "a)") or no next of the last item number above it in the column ("2.1" under "1.4")?
    An item going on with its list's numbering is the cell's next item, no row's start."""
    cur = _number(lines[k])
    if cur is None:
        return False
    prev = next((n for ln in reversed(lines[:k]) if _item(ln) and (n := _number(ln)) is not None), None)
    if prev is None:
        return cur in ((1,), "a")
    return not _follows(prev, cur)


def cell_ended(above: TextLine, line: TextLine, right: float) -> bool:
    """Did the line above end short of its column (right edge `right`) though this line's first
    word fitted, or end a list (more than a sentence closing: a wrapped paragraph may open a line
    with one)?  The cell above has ended there."""
    return forced_break(above, line, right) or ends_list(above, line)


def ends_list(above: TextLine, line: TextLine) -> bool:
    """Does the line, no item itself, begin under the bullet of the list item above it
    (not hanging under the item's words), or under its item number opening with a capital:
    the list has ended there?"""
    # (the line above opening an item is asked first: most lines are plain text, answered there)
    # an item number ("2)") is text, its wrapped lines begin at the column's edge under it too
    # (no hanging indent): there only a line opening with a capital ends the list
    if not starts_with_bullet(above.text) and not (line.text[:1].isupper() and _item(above)):
        return False
    if len(above.words) < 2 or not line.words or starts_with_bullet(line.text) or _item(line):
        return False
    if len(above.words[0].text.strip()) > 2:
        return False  # the bullet glued to the item's first word: where its text begins is not known
    return line.words[0].x0 < above.words[0].x1 + 0.5  # it begins under the bullet glyph itself


def _capital_line(lines: Sequence[TextLine], j: int, pitch: float) -> bool:
    """Does line j of a column open with a capitalised word (not an acronym), right under a
    line of its column that broke no word: nothing of the text above is carried on?"""
    if j == 0 or lines[j].top - lines[j - 1].top > TIGHT * pitch:
        return False
    line, above = lines[j], lines[j - 1]
    words = line.text.split()
    if not words or starts_with_bullet(line.text) or _item(line) or above.text.rstrip().endswith(("-", "\u00ad")):
        return False
    first = words[0].rstrip(".,:;?!")  # ("Esim." / "Milloin?": a word closed by its stop)
    if not (len(first) >= 4 and first[0].isupper() and first[1:].isalpha() and first[1:].islower()):
        return False
    # (a name or title in capitals running on over the line's end -- "... of the Group" /
    # "Quarters Population ..." -- is text carried on, whatever its initial)
    last = above.text.split()[-1] if above.text.split() else ""
    return not last[:1].isupper()


def _list_begins(above: TextLine, line: TextLine) -> bool:
    """Does a list open right under a plain line (no item, no lead-in closing with a colon),
    at the same left edge: a cell of items beginning under the end of a plain cell?  A
    numbered list opens with its first number ("1)", "a)": seed 21 helsinki eba97c91, a cell
    of numbered indicators right under the row above's last line, which filled its column)."""
    first_number = _item(line) and _number(line) in ((1,), "a")
    if not (starts_with_bullet(line.text) or first_number) or starts_with_bullet(above.text) or _item(above) or not line.words:
        return False
    if above.text.rstrip().endswith(":") or not above.words:
        return False
    return abs(line.words[0].x0 - above.words[0].x0) <= 1.0


def _empty_at_a_start(column_lines: dict[int, list[TextLine]], known: Sequence[float], pitch: float, align: float) -> set[int]:
    """Columns with no text at one of the known row starts after the first (neither a line
    beginning there nor one running across it): a column of cells merged over rows, or
    printed once for a group, whose text may run on over a row's start."""
    out = set()
    for col, lines in column_lines.items():
        # lines sorted by top: those with top < s + align are a prefix (bisected), and one of
        # them reaches below s - align when the lowest bottom of the prefix does
        tops = [ln.top for ln in lines]
        lowest = list(accumulate((ln.bottom for ln in lines), max))
        for s in list(known)[1:]:
            k = bisect_left(tops, s + align)
            if not (k and lowest[k - 1] > s - align):
                out.add(col)
                break
    return out


def _empty_at_a_start_plain(column_lines: dict[int, list[TextLine]], known: Sequence[float], pitch: float, align: float) -> set[int]:
    """`_empty_at_a_start` by a scan of every line (the definition the bisection stands for:
    tests/test_speedups.py compares them)."""
    out = set()
    for col, lines in column_lines.items():
        for s in list(known)[1:]:
            if not any(ln.top < s + align and ln.bottom > s - align for ln in lines):
                out.add(col)
                break
    return out


def _block_top(spans: Sequence[tuple[float, float]], t: float) -> float | None:
    """The top of the column's block running across height t."""
    return next((top for top, bottom in spans if top < t and bottom >= t), None)
