"""A rule a little over a row's first line is no row of its own when the row's lines wander
(issue 11, scan set E).

jarvela-ilmasto-header-rule@fin-200-skew p. 3: the rule under the header stands at 98.4 pt,
the first row's lines at 101.87-101.92 (the skewed scan's lines wander by hundredths).  The
row started at 101.92, so "Tehdään" at 101.87 began in the band of the rule's start above it,
which `occupied_starts` kept as a row 3.5 pt tall; the goal "Kuntalaisten hyvinvointi- ja /
terveyserot kaventuvat", centred beside the three rows under it, filled that empty row and
became a record with no action (16 for 15).  A line within the row alignment above the next
start is that start's.  Words are the scan's own, as the reader had them before their sizes
were evened (tests/scan_crops/jarvela-header-rule-fin200-p3-words.json).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def test_the_header_rule_makes_no_row_over_the_first_one() -> None:
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
    from planparse.extractors.pdf.words import Word, group_lines

    data = json.loads((CROPS / "jarvela-header-rule-fin200-p3-words.json").read_text(encoding="utf-8"))
    words = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in data["words"]]
    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    lines = group_lines(even_ocr_sizes(words), settings)
    (table,) = [t for t in find_borderless_tables(lines, data["edges"], 3, data["height"], settings) if t.rows[0].cells[0].text == "Kehittämistavoite"]
    first = [c.text for c in table.rows[1].cells]
    assert first[0].startswith("Kuntalaisten hyvinvointi- ja") and first[1].startswith("Hyte-tiimi")
    assert all(any(c.text for c in row.cells[1:]) for row in table.rows)  # no row of a goal alone
    assert len(table.rows) == 7  # the header and six rows, as printed


def test_a_start_keeps_a_line_beginning_in_its_own_band() -> None:
    from planparse.extractors.pdf.tables.whitespace.borderless import occupied_starts

    # the rule at 98.4 with a line of its own a little under it stays a row start
    assert occupied_starts([81.5, 98.4, 110.0], [81.5, 99.0, 110.0], 200.0, 2.5) == [81.5, 98.4, 110.0]
    # ... not with only the next row's lines, wandering up to it
    assert occupied_starts([81.5, 98.4, 101.92], [81.5, 101.87, 101.92], 200.0, 2.5) == [81.5, 101.92]
