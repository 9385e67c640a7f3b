"""An Excel workbook of one or many plans: records, warnings, indicators, metadata.

Written with XlsxWriter: every cell is written with an explicit type
(`write_string`, `write_number`), so an id such as "1.1" stays text and a
value starting with "=" is never taken for a formula.  One sheet per kind of
object; in a batch every document's rows share the sheets, told apart by the
`document` column.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO, Iterable

from . import cells

MAX_WIDTH = 60  # characters: wider columns wrap
WRAP_WIDTH = 45  # list and long text columns start wrapping here
MIN_WIDTH = 6
NO_WRAP = {"sha256": 66}  # columns shown whole on one line: their width in characters
ROW_HEIGHT = 15  # points per text line (the default font, 11 pt)
MAX_ROW_HEIGHT = 409  # Excel's largest row height


def _line_count(value: Any, width: float) -> int:
    """How many lines `value` takes in a wrapped cell `width` characters wide (an estimate)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(int(width * 1.1) - 1, 1)
    return sum(max(1, -(-len(line) // per_line)) for line in value.split("\n"))


def _width(header: str, values: Iterable[Any], cap: int) -> float:
    longest = len(header)
    for value in values:
        if value is None:
            continue
        for line in str(value).split("\n"):
            longest = max(longest, len(line))
            if longest >= cap:
                return cap + 1
    return max(MIN_WIDTH, longest + 2)


def _write_sheet(book: Any, name: str, columns: list[str], rows: list[list[Any]], formats: dict[str, Any],
                 text_columns: Iterable[str] = ()) -> None:
    """One sheet: bold frozen header with a filter, typed cells, widths from the content."""
    sheet = book.add_worksheet(name)
    text_columns = set(text_columns)
    for c, title in enumerate(columns):
        sheet.write_string(0, c, title, formats["header"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_boolean(r, c, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, value, formats["top"])
            else:
                text = cells.spreadsheet_text(str(value))
                wrap = "\n" in text or (len(text) > WRAP_WIDTH and columns[c] not in NO_WRAP)
                if columns[c] in text_columns:  # "@": stays text when a person edits it
                    fmt = formats["text_wrap" if wrap else "text_col"]
                else:
                    fmt = formats["wrap" if wrap else "top"]
                sheet.write_string(r, c, text, fmt)
    widths = [min(_width(title, (row[c] for row in rows), MAX_WIDTH), MAX_WIDTH) for c, title in enumerate(columns)]
    for c, title in enumerate(columns):
        if title in NO_WRAP:
            widths[c] = max(widths[c], NO_WRAP[title])
    for c, title in enumerate(columns):
        sheet.set_column(c, c, widths[c], formats["text_col"] if title in text_columns else None)
    for r, row in enumerate(rows, start=1):
        lines = max((_line_count(value, widths[c]) for c, value in enumerate(row)), default=1)
        if lines > 1:  # neither Excel nor LibreOffice grows a row for wrapped text written by a program
            sheet.set_row(r, min(ROW_HEIGHT * lines, MAX_ROW_HEIGHT))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    # Printed (or converted to PDF): A4 landscape, all columns on one page width, header on every page.
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def write_workbook(plans: list[dict[str, Any]], stream: BinaryIO) -> None:
    """Write `plans` (planparse document objects) as one .xlsx workbook to a binary stream."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    formats = {
        "header": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "valign": "top", "text_wrap": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "top": book.add_format({"valign": "top"}),
        "text_col": book.add_format({"num_format": "@", "valign": "top"}),
        "text_wrap": book.add_format({"num_format": "@", "valign": "top", "text_wrap": True}),
    }
    keys = cells.extra_keys(plans)
    record_columns = cells.RECORD_COLUMNS + [cells.extra_column(k) for k in keys] + cells.SOURCE_COLUMNS
    records = [cells.record_row(plan, rec, keys) for plan in plans for rec in plan.get("records", [])]
    _write_sheet(book, "records", record_columns, records, formats, text_columns=cells.TEXT_ID_COLUMNS)
    warnings = [row for plan in plans for row in cells.warning_rows(plan)]
    _write_sheet(book, "warnings", cells.WARNING_COLUMNS, warnings, formats)
    indicators = [row for plan in plans for row in cells.indicator_rows(plan)]
    _write_sheet(book, "indicators", cells.INDICATOR_COLUMNS, indicators, formats, text_columns=("ref",))
    metadata = [cells.metadata_row(plan) for plan in plans]
    _write_sheet(book, "metadata", cells.METADATA_COLUMNS, metadata, formats, text_columns=("sha256",))
    book.close()
    stream.write(buffer.getvalue())
