"""Raw detected tables as plain JSON-ready dicts (for `planparse tables`).

This is the extractor's view, before any field mapping: a user whose plan
does not map as expected can see which grid the extractor found, where it
stands on the page, and which heading it took for the table.
"""

from __future__ import annotations

from typing import Any

from planparse.intermediate import RawDocument, RawTable


def _box(bbox: tuple[float, float, float, float] | None) -> list[float] | None:
    return None if bbox is None else [round(float(v), 1) for v in bbox]


def _parts(table: RawTable) -> list[dict[str, int]]:
    """Where each page part of a multi-page table starts: [{"page": 4, "first_row": 0}, ...]; [] for DOCX."""
    parts: list[dict[str, int]] = []
    for i, row in enumerate(table.rows):
        if row.page is not None and (not parts or parts[-1]["page"] != row.page):
            parts.append({"page": row.page, "first_row": i})
    return parts


def table_to_dict(table: RawTable, index: int) -> dict[str, Any]:
    """One table: where it is, its heading and its rows of cell texts.

    Cell texts are the printed lines joined by newlines (hyphens as printed);
    a cell covered by a merged cell (from above, or from the left: `span`
    0) is `null`, so it cannot be mistaken for a cell printed empty.
    """
    return {
        "index": index,
        "page": table.page,
        "bbox": _box(table.bbox),
        "n_cols": table.n_cols,
        "n_rows": len(table.rows),
        "ruled": table.ruled,
        "heading": table.heading,
        "headings": list(table.headings),
        "caption_lines": list(table.caption_lines),
        "parts": _parts(table),
        "rows": [[None if cell.merged_from_above or cell.span == 0 else cell.text for cell in row.cells] for row in table.rows],
    }


def document_to_dict(raw: RawDocument, file: str) -> dict[str, Any]:
    """The whole `planparse tables` answer for one document."""
    return {
        "file": file,
        "format": raw.format,
        "pages": raw.pages,
        "tables": [table_to_dict(table, i) for i, table in enumerate(raw.tables, start=1)],
        "warnings": [{"code": code, "message": message, "page": page} for code, message, page in raw.warnings],
    }
