"""Extractors: one module per input format, each returning a RawDocument.

`read_document` sniffs the format from the file's first bytes (never from
its name alone) and dispatches; unsupported formats are refused here with a
message that says what to convert them to.  Whatever a third-party parser
raises on a broken file is turned into a one-line `PlanparseError` here, so
no raw traceback from pdfminer, zipfile or lxml ever reaches a user.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..errors import CorruptInputError, EncryptedError, OutOfMemoryError, PlanparseError
from ..intermediate import RawDocument
from ..settings import ExtractOptions
from ..source import Source
from .sniff import sniff_format

_MESSAGE_MAX = 120


def read_document(source: Source, options: ExtractOptions) -> RawDocument:
    """Extract the tables, headings and title of one document."""
    kind = sniff_format(source)
    reader = _reader(kind)  # outside the guard: an ImportError here is our bug, not the file's
    try:
        return _guarded(kind, reader, source, options)
    except EncryptedError:
        if not options.password:
            raise
        # Many PDFs carry only an owner password (no printing/copying) and open
        # with the empty user password.  A batch gives --password to every file,
        # so a password that does not fit such a file must not stop it.
        try:
            return _guarded(kind, reader, source, replace(options, password=None))
        except EncryptedError:
            pass
        raise


def _guarded(
    kind: str, reader: Callable[[Source, ExtractOptions], RawDocument], source: Source, options: ExtractOptions
) -> RawDocument:
    """Run the extractor; whatever it raises leaves as a PlanparseError (or an interrupt)."""
    try:
        return reader(source, options)
    except PlanparseError:
        raise
    except MemoryError:
        # Raised when an allocation fails (e.g. under a batch memory cap); the
        # frames holding the big objects are gone once we get here.
        raise OutOfMemoryError(
            source.display, f"ran out of memory reading this {kind.upper()}", "the file is too large or malformed"
        ) from None
    except RecursionError:
        raise CorruptInputError(source.display, f"unreadable {kind.upper()}: structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - the guard that keeps parser tracebacks from users
        raise _explain(kind, source, options, exc) from None
    # KeyboardInterrupt and SystemExit are not Exceptions: they pass through untouched.


def _reader(kind: str) -> Callable[[Source, ExtractOptions], RawDocument]:
    if kind == "pdf":
        from planparse.extractors.pdf.reader import read_pdf

        return read_pdf
    if kind == "docx":
        from planparse.extractors.docx.reader import read_docx

        return read_docx
    raise ValueError(f"no extractor for format {kind!r}")  # pragma: no cover - sniff_format returns pdf/docx


def _explain(kind: str, source: Source, options: ExtractOptions, exc: Exception) -> PlanparseError:
    """A one-line error for an exception a parser raised on this file."""
    exc = _unwrap(exc)
    if kind == "pdf" and _is_pdf_password_error(exc):
        if options.password:
            return EncryptedError(source.display, "encrypted PDF: the password given is wrong", "check --password")
        return EncryptedError(source.display, "encrypted PDF: needs a password", "give it with --password")
    if kind == "docx" and exc.__class__.__module__.startswith("lxml"):
        from planparse.extractors.docx.package import memory_failure

        if memory_failure(exc, source):  # libxml2 out of memory under --max-memory, not broken XML
            return OutOfMemoryError(source.display, "ran out of memory parsing the DOCX XML",
                                    "raise --max-memory if the machine has the memory")
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(detail) > _MESSAGE_MAX:
        detail = detail[: _MESSAGE_MAX - 1] + "…"
    name = exc.__class__.__name__
    return CorruptInputError(source.display, f"unreadable {kind.upper()} ({name}{': ' + detail if detail else ''})")


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exceptions (`PdfminerException(original)`): name the original."""
    for _ in range(3):
        if exc.__class__.__name__ in ("PdfminerException", "MalformedPDFException") and exc.args and isinstance(
            exc.args[0], BaseException
        ):
            exc = exc.args[0]
        else:
            break
    return exc


def _is_pdf_password_error(exc: BaseException) -> bool:
    try:
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - pdfminer comes with pdfplumber
        return False
    return isinstance(exc, PDFPasswordIncorrect) or isinstance(exc.__cause__, PDFPasswordIncorrect)


__all__ = ["read_document", "sniff_format", "CorruptInputError"]
