"""The rest of a header row cut by a page break.

A producer that splits rows over pages may split the header row too: the header's
first lines close one page with no data row under them, the rest of its cells
("vastuu" under "Toimeenpano- ja raportointi-") opens the next page above the
data rows.  That part has no header of its own; its first row is the header's
rest, no data row, and what stands between the two parts (a header line read as
a heading) is no section.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.intermediate import Cell, RawRow, RawTable
from planparse.normalize.tables.headers import is_question_row
from planparse.normalize.text import ends_with_break_hyphen

if TYPE_CHECKING:
    from planparse.normalize.records import TablePlan
    from planparse.normalize.tables.cells import TextJoiner

KEY_ROLES = ("goal", "goal_id", "action", "action_id")
MAX_REST_LINES = 2  # a header's rest is a line or two under each head


def is_header_rest(table: RawTable, previous: TablePlan | None) -> bool:
    """Does `table` open with the rest of `previous`'s header: `previous` a header with no
    data row under it (the foot of a page), `table` on the next page with as many columns,
    its first row printing a line or two only under heads with text, none in a goal or
    action column, and data rows under it?"""
    if previous is None or previous.header is None or previous.last_row is not None or previous.continues:
        return False
    if table.n_cols != len(previous.roles) or len(table.rows) < 2:
        return False
    if previous.last_page is None or table.page is None or table.page != previous.last_page + 1:
        return False
    heads = previous.header.texts
    filled = [c for c, cell in enumerate(table.rows[0].cells) if not cell.is_empty]
    return bool(filled) and all(
        previous.roles[c] not in KEY_ROLES
        and c < len(heads)
        and heads[c]
        and len([line for line in table.rows[0].cells[c].lines if line.text.strip()]) <= MAX_REST_LINES
        for c in filled
    )


def is_question_rest(table: RawTable, previous: TablePlan | None, joiner: TextJoiner) -> bool:
    """Does `table` open with the row of questions under `previous`'s header: `previous` a
    header with no data row under it, `table` right under it (the same page or the next)
    with as many columns, its first row asking a question under the goal and action heads
    (`is_question_row`), and data rows under it?  A scan's rule under the header, or its
    lines read a little out of place, may part the header from the rows it heads, so the
    header stands as a table of its own; the questions are then no record.  OCR text only."""
    if previous is None or previous.header is None or previous.last_row is not None or previous.continues:
        return False
    if table.n_cols != len(previous.roles) or len(table.rows) < 2:
        return False
    if previous.last_page is None or table.page is None or not 0 <= table.page - previous.last_page <= 1:
        return False
    from planparse.normalize.tables.rows import row_texts  # (rows imports this package's neighbours)

    key_cols = [c for c, role in enumerate(previous.roles) if role in ("goal", "action")]
    return is_question_row(row_texts(table.rows[0], joiner), key_cols, ocr=True)


def without_header_rest(table: RawTable) -> RawTable:
    """The table without its first row (the header's rest) and without headings: what stood
    between the header and its rest was header text, not a section."""
    return replace(table, rows=table.rows[1:], heading=None, headings=[], caption_lines=[])


def _last_text(cell: Cell) -> str:
    return next((line.text.strip() for line in reversed(cell.lines) if line.text.strip()), "")


def _rest_of(head: RawRow, rest: RawRow) -> bool:
    """Is `rest`, the first row of a page, the rest of the bold row `head` that closed the
    page before: bold too, a line or two only under cells of `head` with text, and at least
    one of those cells cut mid-word ("aika-" / "taulu")?"""
    if not (head.bold and rest.bold and rest.starts_page) or len(head.cells) != len(rest.cells):
        return False
    if head.page is None or rest.page != head.page + 1:
        return False
    filled = [c for c, cell in enumerate(rest.cells) if not cell.is_empty]
    if not filled or any(head.cells[c].is_empty or rest.cells[c].merged_from_above for c in filled):
        return False
    if any(len([line for line in rest.cells[c].lines if line.text.strip()]) > MAX_REST_LINES for c in filled):
        return False
    return any(ends_with_break_hyphen(_last_text(head.cells[c])) for c in filled)


def with_header_rest_joined(table: RawTable) -> RawTable:
    """`table` with the rest of a header row cut by a page break inside the table joined to
    it: LibreOffice splits a header row over two pages when rows may break, and the rest
    ("nen", "taulu", "teuttaja(t)" under "mittari / toteutumi-", "aika-", "toimija(t) / to-")
    opens the next page as a row of its own, where it would be read as data and leave the
    heads cut.  The header rows are the table's leading bold rows."""
    rows = table.rows
    for k in range(len(rows) - 1):
        if not rows[k].bold:
            break
        if _rest_of(rows[k], rows[k + 1]):
            cells = [
                Cell(lines=head.lines + [replace(line, paragraph_start=False, list_item=False) for line in rest.lines],
                     merged_from_above=head.merged_from_above, span=head.span, bbox=head.bbox)
                for head, rest in zip(rows[k].cells, rows[k + 1].cells)
            ]
            joined = replace(rows[k], cells=cells)
            return replace(table, rows=[*rows[:k], joined, *rows[k + 2:]])
    return table
