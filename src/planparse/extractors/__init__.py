"""Extractors: one module per input format, each returning a RawDocument.

`read_document` sniffs the format from the file's first bytes (never from
its name alone) and dispatches; unsupported formats are refused here with a
message that says what to convert them to.
"""

from __future__ import annotations

from ..errors import CorruptInputError, UnsupportedFormatError
from ..intermediate import RawDocument
from ..settings import ExtractOptions
from ..source import Source
from .sniff import sniff_format


def read_document(source: Source, options: ExtractOptions) -> RawDocument:
    """Extract the tables, headings and title of one document."""
    kind = sniff_format(source)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(source, options)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(source, options)
    raise UnsupportedFormatError(source.display, f"unsupported format {kind!r}")  # pragma: no cover


__all__ = ["read_document", "sniff_format", "CorruptInputError"]
