"""A row that only begins like the header is data, not the header repeated on a new page.

A repeated header prints the header's cells and nothing else.  Heads cut
short by a scan ("aikatau" for "Aikataulu") make the comparison a prefix
match in both directions, so a data row whose words begin like a short head
("Toimintatuotot" under "Toiminta") would match too; its figures in the
columns the header leaves blank tell it apart.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.cli.options import parse_pages
from planparse.normalize.tables.rows import _is_repeat, fills_blank_head
from planparse.settings import ExtractOptions

from .conftest import CORPUS

KAUHAVA = CORPUS / "kuntaparse" / "Kauhava-Tilinpaatos-2024.pdf"


def test_values_under_blank_heads_make_a_data_row() -> None:
    head = ["Toiminta", None, None, "Toiminta", None, None]
    row = ["Toimintatuotot", "7 726", "10,0", "Toimintakulut", "46 217", "63,6"]
    assert _is_repeat(row, [["toiminta", "", "", "toiminta", "", ""]])  # the words alone look like a repeat
    assert fills_blank_head(row, [head])
    assert not fills_blank_head(["Toiminta", None, None, "Toiminta", None, None], [head])
    # a header of two rows: a column blank in one row but named in the other is no blank head
    assert not fills_blank_head(["Kehittämis-", "Vastuu", "Aikatau-"], [["Kehittämis-", None, "Aikatau-"], [None, "Vastuu", "lu"]])


def test_real_first_data_row_under_a_short_head_is_kept() -> None:
    """Kauhava 2024 p. 38: "Toimintatuotot 7 726 10,0 | Toimintakulut 46 217 63,6" right under the
    head row "Toiminta | | | Toiminta" was dropped as that head printed again."""
    if not KAUHAVA.exists():
        pytest.skip(f"shared corpus not present: {KAUHAVA}")
    doc = planparse.extract(KAUHAVA, ExtractOptions(pages=parse_pages("38"))).to_dict()
    firsts = [r["actions"][0] for r in doc["records"] if r["source"]["page"] == 38 and r["actions"]]
    assert firsts[:3] == ["Toimintatuotot", "Verotulot", "Valtionosuudet"]
    assert firsts[-1] == "Kokonaistulot yhteensä"
    assert len(firsts) == 18
