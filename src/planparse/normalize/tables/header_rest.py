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

from planparse.intermediate import RawTable

if TYPE_CHECKING:
    from planparse.normalize.records import TablePlan

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


def without_header_rest(table: RawTable) -> RawTable:
    """The table without its first row (the header's rest) and without headings: what stood
    between the header and its rest was header text, not a section."""
    return replace(table, rows=table.rows[1:], heading=None, headings=[], caption_lines=[])
