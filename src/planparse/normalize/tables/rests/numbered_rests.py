"""The rest of a cut row told by the table's own numbering.

A plan that numbers every action ("2.3 Toimialat ...") starts each row with a
number.  A row at the top of a page whose action cell opens without one, under
no new goal, is the rest of the row the page break cut, whatever its first
letter ("S2-tarjontaa ..." opens in upper case and gives no sentence evidence).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.intermediate import Cell
from planparse.normalize.tables.cells import split_numbering
from planparse.normalize.text import ends_sentence, split_bullet

if TYPE_CHECKING:
    from planparse.normalize.tables.rows import DataRow

MIN_NUMBERED_ROWS = 3  # fewer rows say nothing about the table's habit


def _head(row: DataRow, cols: list[int]) -> str | None:
    """The first printed line of the first filled cell of `cols`."""
    for c in cols:
        for line in row.cells[c].lines:
            if line.text.strip():
                return line.text.strip()
    return None


def numbers_every_action(rows: list[DataRow], action_cols: list[int]) -> bool:
    """Does every row printing an action, the rows at a page top aside, open it with a number?"""
    heads = [h for row in rows if not row.starts_page and (h := _head(row, action_cols))]
    return len(heads) >= MIN_NUMBERED_ROWS and all(opens_numbered(h) for h in heads)


def opens_numbered(head: str) -> bool:
    """Does the line open with an item number, behind a list bullet too ("- 3.1 Vakiinnutetaan
    ...": an action set as a list item, seed 23 helsinki 08c12109)?"""
    return bool(split_numbering([head])[0] or split_numbering([split_bullet(head)[1]])[0])


def unnumbered_rest(prev: DataRow, row: DataRow, goal_cols: list[int], action_cols: list[int], numbered: bool) -> bool:
    """Is `row`, at the top of a page of a table that numbers every action (`numbered`), the
    rest of `prev`: its action opens without a number and no new goal is printed beside it?"""
    if not numbered or not row.starts_page:
        return False
    head = _head(row, action_cols)
    if head is None or opens_numbered(head):
        return False
    return all(
        row.cells[c].is_empty or row.cells[c].merged_from_above or row.cells[c].text.split() == prev.cells[c].text.split()
        for c in goal_cols
    )


def sentence_goes_on(prev: Cell, joined: Cell) -> Cell:
    """`joined` (`prev`'s lines and the rest's) with the rest's first line in `prev`'s last
    paragraph when `prev` stops mid-sentence and the rest opens with no list marker: the
    page break cut the action's sentence, whatever the rest's first letter."""
    n = len(prev.lines)
    tail = next((line.text for line in reversed(prev.lines) if line.text.strip()), "")
    if n >= len(joined.lines) or not tail or ends_sentence(tail) or split_bullet(joined.lines[n].text)[0] is not None:
        return joined
    lines = list(joined.lines)
    lines[n] = replace(lines[n], paragraph_start=False, list_item=False)
    return replace(joined, lines=lines)


def numbered_items_beside_cut_text(prev: DataRow, row: DataRow, key_cols: list[int], skip: set[int]) -> bool:
    """Is `row`, at the top of a page, the next numbered items of the lists the previous row's
    key cells ended with ("1) ..." there, "2) ..." here) beside the rest of sentences the
    page break cut in other columns ("Kouluter-" / "veyskyselyn ...")?  Every other printed
    cell (`skip` aside) carries on its cell above -- its sentence, or its own numbered list
    ("2) Johto" there, "3) Muut ..." here: a new row opens its lists afresh) -- and at least
    one carries on a sentence (seed 24 kymenlaakso 21ea92be: "aikatau-" / "lussa" beside the
    owners' "3)")."""
    from planparse.normalize.tables.cells import is_list_numbered, next_list_number
    from planparse.normalize.tables.rows import numbering_goes_on, text_continues

    if not row.starts_page:
        return False
    filled = numbering_goes_on(prev, row, key_cols)
    if filled is None:
        return False
    others = [
        c
        for c, cell in enumerate(row.cells)
        if c not in key_cols and c not in skip and not cell.is_empty and not cell.merged_from_above
    ]
    cut = [c for c in others if text_continues(prev.cells[c], row.cells[c])]

    def list_goes_on(c: int) -> bool:
        items = [ln.text for ln in prev.cells[c].lines if is_list_numbered(ln.text)]
        return bool(items) and next_list_number(items[-1], row.cells[c].lines[0].text)

    return bool(filled) and bool(cut) and all(c in cut or list_goes_on(c) for c in others)


def _next_paragraph(above: Cell, first: str) -> bool:
    """Does `first` open a paragraph (no list item, a capital) after a cell whose last
    paragraph closed its sentence?"""
    from planparse.normalize.tables.cells import is_list_numbered

    tail = next((line.text for line in reversed(above.lines) if line.text.strip()), "")
    text = first.strip()
    return bool(tail) and ends_sentence(tail) and text[:1].isupper() and split_bullet(text)[0] is None and not is_list_numbered(text)


MANY_LISTS_GOING_ON = 2  # cells beside the key cells whose numbered lists go on overleaf


def _plain_opening(first: str) -> bool:
    """Does `first` open plain text (a capital, no list item, no number)?"""
    from planparse.normalize.tables.cells import is_list_numbered

    text = first.strip()
    return text[:1].isupper() and split_bullet(text)[0] is None and not is_list_numbered(text) and not split_numbering([text])[0]


def numbered_lists_go_on(prev: DataRow, row: DataRow, key_cols: list[int], skip: set[int]) -> bool:
    """Is `row`, at the top of a page, the next numbered items of the lists the previous row's
    cells ended with, in its key cells and in every other printed cell ("1) 2)" there, "3)"
    here, action, owners and measures alike), while a column the row above filled with plain
    text (a schedule) is silent?  A new row of the group would open its own lists afresh and
    name its schedule again; a row cut by the page break carries on every list it cut.  Where
    the key cells above hold lists of their own, a cell beside may go on with its next
    paragraph (its paragraph above closed, this one no item: a report's next part); where
    two cells beside carry on their numbered lists as well, the paragraph above need not
    have closed its sentence (a note "... kumppaneiden kanssa" / "Kansalliset ...")."""
    from planparse.normalize.tables.cells import is_list_numbered, next_list_number
    from planparse.normalize.tables.rows import numbering_goes_on

    if not row.starts_page or not numbering_goes_on(prev, row, key_cols):
        return False
    others = [
        c
        for c, cell in enumerate(row.cells)
        if c not in key_cols and c not in skip and not cell.is_empty and not cell.merged_from_above
    ]
    # the key cells above each hold a list of two items or more (a list inside the cell, not
    # one row id a cell): there a cell beside may go on with its next paragraph, not an item
    in_cell = all(
        sum(is_list_numbered(ln.text) for ln in prev.cells[c].lines) >= 2 for c in key_cols if not row.cells[c].is_empty
    )
    going_on = {
        c
        for c in others
        if (items := [ln.text for ln in prev.cells[c].lines if is_list_numbered(ln.text)])
        and next_list_number(items[-1], row.cells[c].lines[0].text)
    }
    # lists going on in two cells beside the key cells as well ("3)" under "1) 2)" in the
    # measures and the owners too) leave no doubt of the cut: a plain cell beside opens its
    # next paragraph whether or not the one above closed a sentence (plans' notes seldom do)
    many = in_cell and len(going_on) >= MANY_LISTS_GOING_ON
    for c in others:
        if c in going_on:
            continue
        first = row.cells[c].lines[0].text
        if not (in_cell and (_next_paragraph(prev.cells[c], first) or many and _plain_opening(first))):
            return False
    silent_plain = any(
        row.cells[c].is_empty
        and not row.cells[c].merged_from_above
        and not prev.cells[c].is_empty
        and not any(is_list_numbered(ln.text) or split_bullet(ln.text)[0] is not None for ln in prev.cells[c].lines)
        for c in range(min(len(row.cells), len(prev.cells)))
        if c not in skip
    )
    return bool(others) and silent_plain
