"""PDF: pages read once, words and lines, headings, furniture; tables and scans below."""

from planparse.extractors.pdf.reader import read_pdf

__all__ = ["read_pdf"]
