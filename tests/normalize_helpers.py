"""Build intermediate tables by hand for the normalizer's tests.

A cell is written as text: "\n\n" separates paragraphs, "\n" separates
printed lines of one paragraph (as a PDF prints them), None is a cell merged
from above.  `docx=True` makes every paragraph one Line (as python-docx gives).
"""

from __future__ import annotations

from planparse.intermediate import Cell, Line, RawDocument, RawRow, RawTable
from planparse.normalize import normalize_document
from planparse.settings import ExtractOptions


def cell(spec: str | None) -> Cell:
    if spec is None:
        return Cell(merged_from_above=True)
    lines = []
    for para in spec.split("\n\n"):
        for i, text in enumerate(para.split("\n")):
            if text:
                lines.append(Line(text=text, paragraph_start=i == 0))
    return Cell(lines=lines)


def row(*specs: str | None, page: int | None = None, starts_page: bool = False) -> RawRow:
    return RawRow(cells=[cell(s) for s in specs], page=page, starts_page=starts_page)


def table(*rows: RawRow, heading: str | None = None, page: int | None = None, **kw) -> RawTable:
    return RawTable(rows=list(rows), n_cols=len(rows[0].cells), heading=heading, page=page, **kw)


def normalize(*tables: RawTable, fmt: str = "pdf", options: ExtractOptions | None = None, **kw):
    raw = RawDocument(format=fmt, tables=list(tables), **kw)
    return normalize_document(raw, options or ExtractOptions(lang="fi"))
