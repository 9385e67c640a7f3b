"""A bold header row at a page's foot over a single data row: its heads part where the
table's columns do (issue 10, matrix seed 15 vake-osallisuus 5620a58e, reportlab, shaded
header, columns permuted).

"Toimeenpano- ja" and "Toimenpide" stood a narrow gap apart in the header, and below
them on that page only one row began ("Viestintä" | "Verkkosivuja ...") before the page
broke.  `split_at_rivers` wanted two lines with text on both sides of the gap, so the
two heads made one column, the owner and action columns ran together and six records of
the table lost their action and owner.  A second line starting right under the
right-hand head ("tään yhteistyössä ...") is the same evidence of a left-aligned column.
"""

from __future__ import annotations

import json

from planparse import extract
from planparse.accuracy import match_records
from samples.matrix.content import load_contents
from samples.matrix.dimensions import combo_id, covering_design, dimensions

CONTENTS = load_contents()
SEED_15 = covering_design(dimensions(CONTENTS), seed=15)


def test_header_over_one_row_at_page_foot_keeps_its_columns() -> None:
    from samples.matrix.render import render_all

    name = "vake-osallisuus--5620a58e"
    combo = next(c for c in SEED_15 if f"{c['content']}--{combo_id(c)}" == name)
    assert combo["producer"] == "reportlab"
    (r,) = render_all([combo], CONTENTS)
    expected = json.loads(r.expected.read_text(encoding="utf-8"))["records"]
    found = extract(r.pdf).to_dict()["records"]
    matched = match_records(expected, found)
    assert len(found) == len(expected) == 25
    assert len(matched) == 25
    for i, j in matched:
        assert (found[j]["actions"], found[j]["owners"]) == (expected[i]["actions"], expected[i]["owners"])
