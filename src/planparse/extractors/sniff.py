"""Tell a file's real format from its first bytes, never from its name.

Users' folders hold web pages saved as .pdf, old binary Word files renamed
.docx, spreadsheets and images.  Everything that is not a PDF or a DOCX is
refused here with a one-line reason and a hint saying what to convert it to.
Only the first bytes and (for zip files) the central directory are read, so
sniffing a zip bomb inflates nothing.
"""

from __future__ import annotations

import zipfile
import zlib

from ..errors import CorruptInputError, EncryptedError, UnsupportedFormatError
from ..source import Source

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office (.doc, .xls, .ppt), encrypted OOXML
_OLE_SCAN = 1 << 20  # directory entries of small OLE files sit in the first MB
_DOCX_MAIN_TYPE = b"wordprocessingml.document.main"
_CONTENT_TYPES_MAX = 1 << 20  # a real [Content_Types].xml is a few kB

# Magic numbers of things people save next to plans, with what to do about them.
_OTHER_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a PDF or DOCX", "make a searchable PDF first, e.g. ocrmypdf -l fin"),
    (b"\xff\xd8\xff", "a JPEG image, not a PDF or DOCX", "make a searchable PDF first, e.g. ocrmypdf -l fin"),
    (b"II*\x00", "a TIFF image, not a PDF or DOCX", "make a searchable PDF first, e.g. ocrmypdf -l fin"),
    (b"MM\x00*", "a TIFF image, not a PDF or DOCX", "make a searchable PDF first, e.g. ocrmypdf -l fin"),
    (b"{\\rtf", "an RTF file", "save it as .docx or .pdf"),
    (b"\x1f\x8b", "a gzip archive, not a PDF or DOCX", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive, not a PDF or DOCX", "unpack it first"),
    (b"Rar!", "a RAR archive, not a PDF or DOCX", "unpack it first"),
)

# Stream names in an OLE directory (UTF-16-LE), most specific first.
_OLE_KINDS: tuple[tuple[str, type, str, str | None], ...] = (
    ("EncryptedPackage", EncryptedError, "password-protected Office file (DOCX)", "remove the password in Word and save again"),
    ("WordDocument", UnsupportedFormatError, "old binary Word file (.doc)", "save it as .docx or .pdf"),
    ("Workbook", UnsupportedFormatError, "old binary Excel file (.xls)", "plans are read from .docx or .pdf"),
    ("PowerPoint Document", UnsupportedFormatError, "old binary PowerPoint file (.ppt)", "export it as .pdf"),
)


def sniff_format(source: Source) -> str:
    """Return "pdf" or "docx", or raise a one-line error saying what the file is."""
    try:
        return _sniff(source)
    except OSError as exc:  # permission denied, a file that vanished, an I/O error
        raise CorruptInputError(source.display, f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None


def _sniff(source: Source) -> str:
    if source.size() == 0:
        raise CorruptInputError(source.display, "empty file (0 bytes)")
    head = source.head(2048)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        _refuse_ole(source)
    if head.startswith(b"PK"):
        return _sniff_zip(source)
    for magic, reason, hint in _OTHER_MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormatError(source.display, reason, hint)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<html" in stripped[:1024] or b"<head" in stripped[:512]:
        raise UnsupportedFormatError(
            source.display, "an HTML page, not a PDF or DOCX", "download the document itself, not the web page"
        )
    if stripped.startswith(b"<?xml"):
        raise UnsupportedFormatError(source.display, "an XML file, not a PDF or DOCX", "save it as .docx or .pdf")
    raise UnsupportedFormatError(source.display, "not a PDF or DOCX file (unrecognised content)")


def _refuse_ole(source: Source) -> None:
    """Say which kind of OLE (old Office) file this is; always raises."""
    with source.open() as fh:
        data = fh.read(_OLE_SCAN)
    for name, error, reason, hint in _OLE_KINDS:
        if name.encode("utf-16-le") in data:
            raise error(source.display, reason, hint)
    raise UnsupportedFormatError(
        source.display, "old binary Office file (.doc/.xls)", "save it as .docx or .pdf"
    )


def _sniff_zip(source: Source) -> str:
    """A zip is a DOCX when it holds a Word main document part; else say what it is."""
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            mimetype = _read_small(archive, infos.get("mimetype"))
            content_types = _read_small(archive, infos.get("[Content_Types].xml"))
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError, NotImplementedError) as exc:
        raise CorruptInputError(source.display, f"broken zip container ({exc.__class__.__name__})") from None
    names = set(infos)
    if "word/document.xml" in names or _DOCX_MAIN_TYPE in content_types:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise UnsupportedFormatError(source.display, "an OpenDocument file (.odt/.ods)", "save it as .docx or .pdf")
    if "xl/workbook.xml" in names:
        raise UnsupportedFormatError(source.display, "an Excel workbook (.xlsx)", "save the plan as .docx or .pdf")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormatError(source.display, "a PowerPoint file (.pptx)", "export it as .pdf")
    if "[Content_Types].xml" in names:
        raise CorruptInputError(source.display, "a DOCX without word/document.xml (missing parts)")
    raise UnsupportedFormatError(source.display, "a zip archive, not a DOCX", "unpack it first")


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None) -> bytes:
    """A small member's bytes (b"" when absent or declared too large to be genuine)."""
    if info is None or info.file_size > _CONTENT_TYPES_MAX:
        return b""
    try:
        return archive.read(info)[:_CONTENT_TYPES_MAX]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError, NotImplementedError, RuntimeError):
        return b""
