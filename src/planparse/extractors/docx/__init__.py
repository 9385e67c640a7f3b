"""DOCX: python-docx plus the table XML (grid, merges, lists, numbering, styles)."""

from planparse.extractors.docx.reader import read_docx

__all__ = ["read_docx"]
