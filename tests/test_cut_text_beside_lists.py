"""A row cut by a page break between two sentences of its action, its indicator list going
on overleaf and its owner silent there (held-out matrix, seed 12: rl-borderless-osallisuus
39e85ab8, LibreOffice, rule under the header, header not repeated, goals in the first row
of their group).  The action's rest opens a new sentence, so no text evidence joined it;
it became a record of its own.  A new row would name its owner again."""

from __future__ import annotations

from planparse.intermediate import Cell, Line
from planparse.normalize.tables.rows import DataRow, is_continuation, join_split_rows

GOAL, ACTION, OWNER, INDICATOR = range(4)


def _cell(*lines: str) -> Cell:
    return Cell(lines=[Line(text=t, paragraph_start=k == 0) for k, t in enumerate(lines)])


def _rows(owner_overleaf: str | None, indicator_overleaf: str = "– Nuorten tekemien aloitteiden määrä") -> list[DataRow]:
    above = DataRow(
        [_cell("3. Nuorten osallisuus", "vahvistuu"), _cell("Perustetaan nuorten vaikuttaja-", "ryhmä jokaiseen yläkouluun."),
         _cell("Nuorisopalvelut, koulut"), _cell("– Vaikuttajaryhmien", "määrä")],
        page=1, starts_page=False,
    )
    overleaf = DataRow(
        [_cell(), _cell("Ryhmät kokoontuvat kuukausit-", "tain nuoriso-ohjaajan kanssa."),
         _cell(owner_overleaf) if owner_overleaf else _cell(), _cell(indicator_overleaf)],
        page=2, starts_page=True,
    )
    return [above, overleaf]


def test_sentence_rest_beside_a_list_going_on_is_the_cut_row() -> None:
    rows = _rows(None)
    assert is_continuation(rows[0], rows[1], [GOAL], [ACTION])
    joined = join_split_rows(rows, [GOAL], [ACTION])
    assert len(joined) == 1
    assert [ln.text for ln in joined[0].cells[INDICATOR].lines][-1] == "– Nuorten tekemien aloitteiden määrä"


def test_a_row_naming_its_owner_again_is_new() -> None:
    assert not is_continuation(*_rows("Nuorisopalvelut"), [GOAL], [ACTION])


def test_plain_text_beside_plain_text_is_a_new_row() -> None:
    assert not is_continuation(*_rows(None, "Äänestysaktiivisuus (%)"), [GOAL], [ACTION])
