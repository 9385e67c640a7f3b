"""Text of the row below that ran up into a header repeated on the page.

A cell merged over rows and centred beside them may begin so high that its first lines stand
in the band of a header repeated above the table's next part (reportlab repeats the header
where it splits a table, even on the same page).  The repeated header's cell then reads as
its head followed by those lines ("Tavoitteet" / "Heikom-" / "massa asemassa olevien"); the
row reads as a repeat of the header (`rows._is_repeat`, a head cut short of the other), and
the lines were lost with it.  They are the first lines of the cell below.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planparse.common.misreads import one_letter_apart
from planparse.intermediate import Cell, Line, RawRow
from planparse.normalize.tables.cells import TextJoiner, cell_text


def _spelled(text: str) -> str:
    """The head as printed, case and spacing aside (its years and numbers kept: a head
    "Toimintasuunnitelma 2024–2025" is not spelled before its last line)."""
    return re.sub(r"\s+", " ", text).strip().lower()


def rests_under_heads(row: RawRow, heads: list[str | None], joiner: TextJoiner) -> dict[int, list[Line]]:
    """Per column, the lines of the repeated header's cell after those that spell its head
    (`heads`, the header's texts), when there are any."""
    out: dict[int, list[Line]] = {}
    for c, cell in enumerate(row.cells):
        head = heads[c] if c < len(heads) else None
        lines = [ln for ln in cell.lines if ln.text.strip()]
        if not head or len(lines) < 2:
            continue
        key = _spelled(head)
        for k in range(1, len(lines)):
            if _spelled(cell_text(lines[:k], joiner) or "") == key:
                out[c] = lines[k:]
                break
    return out


def with_rests(cells: list[Cell], rests: dict[int, list[Line]]) -> list[Cell]:
    """The cells of the row under the repeated header with the rests set before their text
    (one paragraph with it: the cell's text ran on from the band); a merged cell is left as
    it is (the rest belongs to a cell printed above)."""
    out = list(cells)
    for c, lines in rests.items():
        if c >= len(out) or out[c].merged_from_above:
            continue
        own = list(out[c].lines)
        if own:
            own[0] = replace(own[0], paragraph_start=False)
        first = [replace(lines[0], paragraph_start=True)] + list(lines[1:])
        out[c] = replace(out[c], lines=first + own)
    return out


def _letters(text: str | None) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def ends_cut_heads(row: list[str | None], repeat: list[str | None], heads: list[str | None]) -> bool:
    """Is `row`, right under a header repeated on a new page (`repeat`), the rest of that
    repeat's heads split off into a row of its own?  Every cell it fills stands under a head
    the repeat cut short, and the repeat's letters with the row's spell the header's head
    (`heads`): "Toimeenpano- ja raportointivas-" / "tuu" under "... raportointivastuu", the
    head's last line read a little apart from the bold lines above it (a skewed scan: "tuu"
    weighed regular), which made it a row, and a record, of its own."""
    filled = [c for c, text in enumerate(row) if text and text.strip()]
    if not filled:
        return False
    for c in filled:
        head = heads[c] if c < len(heads) else None
        cut = _letters(repeat[c] if c < len(repeat) else None)
        rest, whole = _letters(row[c]), _letters(head)
        if not cut or not rest or not (cut + rest == whole or one_letter_apart(cut + rest, whole)):
            return False
    return True
