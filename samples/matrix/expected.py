"""Expected planparse/1 output of one rendering: the content's records, pages measured in the PDF.

The records are the content YAML's rows (samples/build.py:expected_document),
never planparse's output.  Only `source.page` is measured: the page where a
row's first printed words are, found with pdfplumber inside the row's column
(build.py's search, with the matrix's page sizes and column widths).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .content import cell_paragraphs
from .paths import build


_MARKER = re.compile(r"^(\(cid:\d+\)|\d+\)|[^\w\s])$")


def column_ranges(spec: dict[str, Any], table: dict[str, Any]) -> list[tuple[float, float]]:
    """x-range (points) where each column's text starts."""
    x = spec["margin_cm"] / 2.54 * 72
    ranges = []
    for col in table["columns"]:
        span = col["width"] / 2.54 * 72
        ranges.append((x - 4, x + span - 4))
        x += span
    return ranges


def locate_rows(spec: dict[str, Any], pdf_path: Path) -> tuple[dict, list, int]:
    """Page of each data row and of each skipped table, in document order."""
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        n_pages = len(pdf.pages)
        page_words = []
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            # list markers are drawn apart from their text, a point off its baseline: leave them out
            page_words.append([w for w in words if not _MARKER.match(w["text"])])
            page.flush_cache()
    row_pages: dict[tuple[int, int], int] = {}
    table_pages: list[int | None] = []
    cursor = (0, -1.0)
    for t_index, table in enumerate(spec["tables"]):
        ranges = column_ranges(spec, table)
        if table.get("skipped"):
            cursor = build.find_after(page_words, ranges, [(0, table["headers"][0][0])], cursor)
            table_pages.append(cursor[0] + 1)
            for values in table["rows"]:
                cursor = build.find_after(page_words, ranges, [(0, values[0])], cursor)
            continue
        table_pages.append(None)
        layout = build.goal_layout(table)
        for r_index, row in enumerate(table["rows"]):
            probes = []
            for c, col in enumerate(table["columns"]):
                if col["field"] in ("goal", "goal_id") and (layout[r_index] != "print" or table.get("goal_valign") == "center"):
                    continue
                if c == table.get("narrow_column"):
                    continue  # one word a line: a poor probe
                paragraphs = cell_paragraphs(row, col, table)
                if paragraphs:
                    # a list marker is drawn apart from its text (its baseline may differ by a point)
                    probes.append((c, re.sub(r"^(\d+\)|[•–-])\s+", "", paragraphs[0])))
            if not probes:
                raise SystemExit(f"{spec['name']}: table {t_index + 1} row {r_index + 1} prints nothing")
            cursor = build.find_after(page_words, ranges, probes[:2], cursor)
            row_pages[(t_index, r_index)] = cursor[0] + 1
    return row_pages, table_pages, n_pages


def expected_output(spec: dict[str, Any], pdf_path: Path) -> dict[str, Any]:
    """The planparse/1 document planparse should give for this rendering."""
    row_pages, table_pages, n_pages = locate_rows(spec, pdf_path)
    doc = build.expected_document(spec, pdf_path, "pdf", row_pages, table_pages, n_pages)
    doc["matrix"] = {"content": spec["combo"]["content"], "combination": spec["combo"], "id": spec["name"]}
    return doc
