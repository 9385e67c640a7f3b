"""Tell a file's real format from its first bytes."""

from __future__ import annotations

import zipfile

from ..errors import CorruptInputError, UnsupportedFormatError
from ..source import Source

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office (.doc, .xls, .ppt)


def sniff_format(source: Source) -> str:
    """Return "pdf" or "docx", or raise a one-line error saying what the file is."""
    if source.size() == 0:
        raise CorruptInputError(source.display, "empty file (0 bytes)")
    head = source.head(2048)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFormatError(
            source.display,
            "old binary Word/Excel file (.doc/.xls), or a password-protected DOCX",
            "save it as .docx or .pdf; remove the password first",
        )
    if head.startswith(b"PK"):
        return _sniff_zip(source)
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<html" in stripped[:512]:
        raise UnsupportedFormatError(source.display, "an HTML page, not a PDF or DOCX", "download the document itself, not the web page")
    if stripped.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(source.display, "an RTF file", "save it as .docx or .pdf")
    raise UnsupportedFormatError(source.display, "not a PDF or DOCX file (unrecognised content)")


def _sniff_zip(source: Source) -> str:
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
        raise CorruptInputError(source.display, f"broken zip container ({exc.__class__.__name__})") from None
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError(source.display, "an OpenDocument file (.odt/.ods)", "save it as .docx or .pdf")
    if "xl/workbook.xml" in names:
        raise UnsupportedFormatError(source.display, "an Excel workbook (.xlsx)", "plans are read from .docx or .pdf")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormatError(source.display, "a PowerPoint file (.pptx)", "export it as .pdf")
    if "[Content_Types].xml" in names:
        raise CorruptInputError(source.display, "a DOCX without word/document.xml (missing parts)")
    raise UnsupportedFormatError(source.display, "a zip archive, not a DOCX")
