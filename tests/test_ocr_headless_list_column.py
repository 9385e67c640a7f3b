"""A column whose head OCR lost is found beside a list column that hangs its items (issue 11,
scan set E).

vake-osallisuus-frame@fin-150 p. 3: Tesseract dropped the head "Toimeenpa-" (the rest, "no- ja
rapor- / tointivastuu", stands a line lower), so the header row had three heads for four
columns and the owners ran into the indicator column ("HR Asiakkaan haluk-").  The body shows
the column: white down every line between the owners and the indicators.  But the indicator
column holds dash lists whose later lines hang at the items' text, 10 pt right of the dashes,
and only 12 of its 22 lines began at the column's edge, under the 75 % that
`headless_columns` asks: the column was not split.  A line hanging at the text of an item
whose marker stands at the edge is level with that edge's column too.  The page's rows also
lost their owners: the head's rest names the owner field (`headers._lost_opening`).  Words
are the scan's own, as the reader had them before their sizes were evened
(tests/scan_crops/vake-frame-fin150-p3-words.json).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def _table():
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
    from planparse.extractors.pdf.words import Word, group_lines

    data = json.loads((CROPS / "vake-frame-fin150-p3-words.json").read_text(encoding="utf-8"))
    words = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data["words"]]
    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    lines = group_lines(even_ocr_sizes(words), settings)
    (table,) = [t for t in find_borderless_tables(lines, data["edges"], 3, data["height"], settings) if t.rows[0].cells[0].text == "Tavoite"]
    return table


def test_the_owner_column_is_parted_from_the_hanging_list_column() -> None:
    table = _table()
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Tavoite", "Toimenpide", "no- ja rapor-\ntointivastuu", "Mittari"]
    first = [c.text for c in table.rows[1].cells]
    assert first[2] == "HR" and first[3].startswith("Asiakkaan haluk-")
    # the indicators' dash lists stay whole in their column
    assert any(c.text.startswith("— Asiakaspalauttei-") for row in table.rows for c in row.cells[3:])


def test_a_heads_rest_names_its_field() -> None:
    from planparse.normalize.tables.headers import match_field

    assert match_field("no- ja raportointivastuu") == "owner"  # "Toimeenpa-" lost over it
    assert match_field("Toimeenpano- ja raportointivastuu") == "owner"
    # a rest must open in lower case (inside the lost line's sentence) and be long enough to tell
    assert match_field("Raportointi ja seuranta") is None
    assert match_field("ja vastuu") is None
