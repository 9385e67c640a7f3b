"""Tables without ruling lines: columns from whitespace (placeholder, filled next)."""

from __future__ import annotations

from .pdf_grid import PageTable


def find_borderless_tables(lines, edges, page, width, settings) -> list[PageTable]:
    return []
