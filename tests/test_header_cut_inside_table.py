"""A header row cut by a page break inside its table (issue 10, matrix seed 13,
kymenlaakso-lnp 5bd836b4: LibreOffice, shaded header, rows free to break, header not
repeated).

The second table's bold header closes page 1 with its heads' first lines ("mittari /
toteutumi-", "aika-", "toimija(t) / to-", "seuranta / arvioin-"); their rest ("nen",
"taulu", "teuttaja(t)", "ti / ohjaus") opens page 2 as a bold row of its own, in the same
table.  Read as data, it made a record of four word ends and left the extra values keyed
by cut heads ("aika-").  The rest belongs to the header.
"""

from __future__ import annotations

import json
import shutil

import pytest

from planparse import extract
from planparse.accuracy import score_document
from planparse.intermediate import Cell, Line, RawRow, RawTable
from planparse.normalize.tables.rests.header_rest import with_header_rest_joined
from samples.matrix.content import load_contents
from samples.matrix.dimensions import combo_id, covering_design, dimensions


def _row(texts: list[str], page: int, starts: bool = False, bold: bool = True) -> RawRow:
    return RawRow([Cell([Line(t, paragraph_start=True)] if t else []) for t in texts], page=page, starts_page=starts, bold=bold)


def test_the_rest_of_a_cut_header_row_joins_it() -> None:
    head = _row(["välitavoite", "toimenpide", "aika-", "seuranta / arvioin-"], 1)
    rest = _row(["", "", "taulu", "ti / ohjaus"], 2, starts=True)
    data = _row(["1 Lapset", "Kuullaan", "2020", "Seuranta"], 2, bold=False)
    table = with_header_rest_joined(RawTable([head, rest, data], 4, page=1))
    assert len(table.rows) == 2
    assert [line.text for line in table.rows[0].cells[2].lines] == ["aika-", "taulu"]
    assert not table.rows[0].cells[3].lines[-1].paragraph_start
    # a bold first row overleaf under heads that were not cut is no rest of them
    whole = _row(["välitavoite", "toimenpide", "aikataulu", "seuranta"], 1)
    table = RawTable([whole, rest, data], 4, page=1)
    assert with_header_rest_joined(table) is table
    # nor is a row overleaf that is not bold (data under a header that ends the page)
    table = RawTable([head, _row(["", "", "taulu", "ti / ohjaus"], 2, starts=True, bold=False), data], 4, page=1)
    assert len(with_header_rest_joined(table).rows) == 3


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_header_cut_at_page_foot_inside_its_table_on_the_rendering() -> None:
    from samples.matrix.render import render_all

    contents = load_contents()
    name = "kymenlaakso-lnp--5bd836b4"
    combo = next(c for c in covering_design(dimensions(contents), seed=13) if f"{c['content']}--{combo_id(c)}" == name)
    (r,) = render_all([combo], contents)
    expected = json.loads(r.expected.read_text(encoding="utf-8"))
    score = score_document(name, expected, extract(r.pdf).to_dict())
    assert score.found == score.expected == score.matched
    assert score.broken == []
    assert score.field_exact["extra"] == 1.0
