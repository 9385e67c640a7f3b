"""Open a DOCX safely: refuse zip bombs, name broken parts, never leak raw errors.

python-docx inflates every part of the package when it opens a file, so the
zip's declared sizes are checked first (CPython's zipfile never inflates a
member past its declared size, so the declared sizes bound the memory).
What decides is the memory reading the package would take, not the
compression ratio: a parsed XML part takes about `XML_MEMORY_FACTOR` times
its inflated size (lxml tree plus python-docx's objects, measured on a
50,000-table document), every other part its own size.  A package that
would need more than the memory allowed (`--max-memory`, or 2 GB) is refused
as out-of-memory (exit 10) before anything is inflated; a legitimate but
highly repetitive document (thousands of small tables compress 200:1) is read.
Every failure becomes a `PlanparseError` with a one-line reason.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import Any

from lxml import etree

from planparse.errors import CorruptInputError, EncryptedError, OutOfMemoryError, UnsupportedFormatError
from planparse.common.memory import available_bytes, memory_limit_bytes
from planparse.source import Source

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, all members together: past this, a zip bomb whatever the memory
MAX_MEMBERS = 20_000
# Deflate cannot exceed ~1032:1; real XML, even 50,000 identical small tables, stays near 200:1.
# A large member past MAX_RATIO is a bomb of filler (zeros), refused whatever the memory.
MAX_RATIO = 500
LARGE_MEMBER = 10 * 1024 * 1024  # bytes: below this any ratio is harmless
XML_MEMORY_FACTOR = 24  # bytes of memory per inflated byte of a parsed XML part (measured: 22 on 30 MB of tables)
_MB = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted OOXML file is an OLE container holding these two streams.
_ENCRYPTED_STREAM_NAMES = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_SCAN_CHUNK = 1 << 20

# Errors a broken package can raise from zipfile, zlib, lxml or python-docx.
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, KeyError, ValueError,
           UnicodeDecodeError, etree.LxmlError, AssertionError, IndexError, TypeError)


def open_docx(source: Source) -> Any:
    """Return a python-docx `Document` for `source`, or raise a PlanparseError."""
    import docx  # imported here: the PDF path never needs it

    _refuse_non_zip(source)
    check_zip_sizes(source)
    try:
        with source.open() as fh:
            document = docx.Document(fh)
    except MemoryError:
        raise OutOfMemoryError(source.display, "DOCX too large to open in the memory allowed",
                               "raise --max-memory if the machine has the memory") from None
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" in str(exc):
            raise EncryptedError(
                source.display, "DOCX zip members are password-encrypted", "save it again without a password"
            ) from None
        raise CorruptInputError(source.display, f"broken DOCX ({_short(exc)})") from None
    except _BROKEN as exc:
        raise _explain(source, exc) from None
    body = document.element.body if document.element is not None else None
    if body is None:
        raise CorruptInputError(
            source.display, "DOCX has no document body (Strict Open XML?)", "save it as a regular Word document (.docx)"
        )
    return document


def check_zip_sizes(source: Source) -> None:
    """Refuse a zip whose declared sizes would inflate beyond the limits."""
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise CorruptInputError(source.display, f"broken zip container ({_short(exc)})") from None
    if len(infos) > MAX_MEMBERS:
        raise CorruptInputError(source.display, f"refused: {len(infos)} zip members (zip bomb?)")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise CorruptInputError(
            source.display,
            f"refused: declared uncompressed size {total // (1024 * 1024)} MB exceeds "
            f"{MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB (zip bomb?)",
        )
    for info in infos:
        if info.file_size > LARGE_MEMBER and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CorruptInputError(
                source.display,
                f"refused: declared uncompressed size of {info.filename} is "
                f"{info.file_size // max(info.compress_size, 1)}x its compressed size (zip bomb?)",
            )
    xml = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    need = XML_MEMORY_FACTOR * xml + (total - xml)
    available = available_bytes()
    if need > available:
        limit = memory_limit_bytes()
        raise OutOfMemoryError(
            source.display,
            f"reading it needs about {need // _MB} MB ({xml // _MB} MB of XML inflated), "
            f"more than the {available // _MB} MB left of {limit // _MB} MB allowed",
            "raise --max-memory if the machine has the memory",
        )


def memory_failure(exc: BaseException, source: Source) -> bool:
    """True when lxml's error is a failed allocation, not broken XML.

    libxml2 reports a failed malloc as "Memory allocation failed", or, deep in
    a parse, as "unknown error" at line 0; the latter counts only when the
    package is big enough for the memory allowed to matter.
    """
    message = str(exc).lower()
    if "memory allocation failed" in message:
        return True
    if "unknown error" not in message:
        return False
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            xml = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        return False
    return XML_MEMORY_FACTOR * xml * 4 > memory_limit_bytes()


def _refuse_non_zip(source: Source) -> None:
    head = source.head(8)
    if head.startswith(_OLE_MAGIC):
        if _ole_holds_encrypted_package(source):
            raise EncryptedError(
                source.display, "password-protected DOCX", "remove the password in Word and save again"
            )
        raise UnsupportedFormatError(source.display, "old binary Word file (.doc)", "save it as .docx or .pdf")
    if not head.startswith(b"PK"):
        raise CorruptInputError(source.display, "not a DOCX: no zip container")


def _ole_holds_encrypted_package(source: Source) -> bool:
    """True when the OLE directory names the streams of an encrypted OOXML file."""
    tail = b""
    with source.open() as fh:
        for chunk in iter(lambda: fh.read(_SCAN_CHUNK), b""):
            window = tail + chunk
            if any(name in window for name in _ENCRYPTED_STREAM_NAMES):
                return True
            tail = window[-64:]
    return False


def _explain(source: Source, exc: BaseException) -> CorruptInputError | UnsupportedFormatError | OutOfMemoryError:
    """Turn a raw exception from opening the package into a one-line error."""
    if isinstance(exc, etree.LxmlError) and memory_failure(exc, source):
        return OutOfMemoryError(source.display, "ran out of memory parsing the DOCX XML",
                                "raise --max-memory if the machine has the memory")
    if isinstance(exc, etree.LxmlError):
        part = find_malformed_part(source)
        where = f" in {part}" if part else ""
        return CorruptInputError(source.display, f"malformed XML{where} ({_short(exc)})")
    if isinstance(exc, KeyError):
        return CorruptInputError(source.display, f"DOCX is missing a part ({_short(exc)})")
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return UnsupportedFormatError(
            source.display, "not a plain Word document (macro-enabled .docm or template?)", "save it as .docx"
        )
    return CorruptInputError(source.display, f"broken DOCX ({_short(exc)})")


def find_malformed_part(source: Source) -> str | None:
    """Name the first XML part that does not parse (only called after a failure)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            for info in archive.infolist():
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                try:
                    etree.fromstring(archive.read(info), parser)
                except etree.LxmlError:
                    return info.filename
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        return None
    return None


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:160]
