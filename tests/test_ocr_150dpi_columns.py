"""Columns of OCR'd whitespace tables at 150 dpi (issue 11, scan set G).

The words are the scans' own, as the reader had them (tests/scan_crops/*-lines.json:
the page's free lines and rules handed to the whitespace tables; *-words.json: the
page's OCR words before the gutter marks go).

- sjovik-valfard-hrules@swe-150 p. 1: Tesseract lost the head "Åtgärder", so the action
  column ran into "Tidsplan" ("...mottagning utvidgas 2025") and no record was right (F1
  0.00).  The body shows the column: a white strip down every line, the dates right of
  it all beginning at one x.
- koskenniemi-ikaihmiset-hrules@fin-150 p. 2: "Liikunta-" boxed short and "ja" spaced
  wide made the first row two runs, so a column of "ja" though "kulttuuripal-" and the
  cell's other lines run on through it; the table had seven columns, no header and was
  no plan table: half the records missing (F1 0.67).
- koskenniemi-ikaihmiset-hrules@eng-150 p. 2: a row rule's ends in the column gaps read
  as "—_—-" and "~—_" glued the cells of a row across the gaps; the table broke in parts.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

CROPS = Path(__file__).parent / "scan_crops"


def _page(name: str):
    from planparse.extractors.pdf.words import TextLine, Word

    data = json.loads((CROPS / name).read_text(encoding="utf-8"))
    lines = []
    for words in data["lines"]:
        ws = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in words]
        lines.append(TextLine(ws, " ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, min(w.top for w in ws),
                              max(w.bottom for w in ws), max(w.size for w in ws), all(w.bold for w in ws)))
    return lines, data["edges"], data["height"]


def _tables(name: str, page: int):
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables

    lines, edges, height = _page(name)
    return find_borderless_tables(lines, edges, page, height, replace(DEFAULT_SETTINGS, ocr_text=1))


def test_a_column_whose_head_ocr_lost_is_found_in_the_body_white_space() -> None:
    tables = _tables("sjovik-valfard-hrules-swe150-p1-lines.json", 1)
    assert len(tables) == 1
    table = tables[0]
    assert table.n_cols == 5
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Fokusområde", "", "Tidsplan", "Ansvarig", "Indikatorer"]
    first = [c.text for c in table.rows[1].cells]
    assert first[1].startswith("Familjecentrets öppna mottagning utvidgas\n") and "2025" not in first[1]
    assert first[2] == "2025"


def test_the_headless_column_beside_the_goal_takes_the_actions() -> None:
    from planparse.normalize.tables.headers import assign_roles

    texts = ["Fokusområde", "", "Tidsplan", "Ansvarig", "Indikatorer"]
    values = [["1. Barnfamiljer får stöd i rätt tid", None], ["Familjecentrets öppna mottagning utvidgas", "Hemservice för barnfamiljer"],
              ["2025", "2025–2026"], ["Välfärdsområdet", "Välfärdsområdets familjetjänster"], ["Antal besök", "Antal familjer"]]
    assert assign_roles(texts, [1] * 5, values) == ["goal", "action", "schedule", "owner", "indicator"]
    # an action column named: the headless one stays a value of its own
    named = ["Fokusområde", "Åtgärder", "", "Ansvarig", "Indikatorer"]
    assert assign_roles(named, [1] * 5, values)[2] == "extra"
    # not beside the goal: no guess
    apart = ["Fokusområde", "Tidsplan", "", "Ansvarig", "Indikatorer"]
    assert "action" not in assign_roles(apart, [1] * 5, values)


def test_an_edge_the_body_text_runs_across_parts_no_columns() -> None:
    tables = _tables("koskenniemi-hrules-fin150-p2-lines.json", 2)
    assert tables and tables[0].n_cols == 6
    first = [c.text for c in tables[0].rows[0].cells]
    assert first[2].startswith("Liikunta- ja\nkulttuuripal-")
    assert first[3] == "2025—\n2026"


def test_a_rule_end_read_as_three_or_four_marks_in_a_gap_is_dropped() -> None:
    from planparse.extractors.pdf.scan.marks import ocr_gutter_marks
    from planparse.extractors.pdf.words import Word

    raw = json.loads((CROPS / "koskenniemi-hrules-eng150-p2-words.json").read_text(encoding="utf-8"))
    words = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in raw]
    kept = {w.text for w in ocr_gutter_marks(words)}
    assert "—_—-" not in kept and "~—_" not in kept
    assert {"Kansalais-", "Koulutettujen", "jatkuva"} <= kept
