"""file -> extractor -> intermediate tables -> normalizer -> Plan."""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from .extractors import read_document
from .intermediate import RawDocument
from ._version import __version__
from .model import OcrInfo, Plan, Producer, SourceInfo
from .normalize import normalize_document
from .settings import ExtractOptions
from .source import Source, utf8_text


# While a document is read, the cyclic garbage collector runs after every
# GC_THRESHOLD allocations instead of Python's 700: pdfminer allocates millions of
# short-lived objects per document, and with the default the collector walked the
# growing heap ~800 times on a 50-page plan, 11-13 % of planparse's CPU time.
GC_THRESHOLD = 20_000
_gc_lock = threading.Lock()
_gc_depth = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Raise the young-generation GC threshold for the duration (restored after; nesting and threads safe)."""
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            if _gc_saved[0]:  # 0: the caller disabled collection, leave it so
                gc.set_threshold(max(GC_THRESHOLD, _gc_saved[0]), *_gc_saved[1:])
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0:
                gc.set_threshold(*_gc_saved)


def extract(path: str | Path | Source, options: ExtractOptions | None = None) -> Plan:
    """Read one PDF or DOCX plan and return its planparse/1.1 document.

    Raises a `planparse.errors.PlanparseError` subclass (with exit code and
    a one-line message) for input that cannot be read.
    """
    options = options or ExtractOptions()
    source = path if isinstance(path, Source) else Source.from_path(path)
    return extract_with_tables(source, options)[1]


def extract_with_tables(source: Source, options: ExtractOptions, trace: Any = None) -> tuple[RawDocument, Plan]:
    """`extract`, also returning the extractor's tables (for the review page, which draws
    their cells); `trace(record, row, roles)` is told which table row made each record."""
    with fewer_gc_passes():
        raw = read_document(source, options)
        normalized = normalize_document(raw, options, trace=trace)
    return raw, Plan(
        source=SourceInfo(
            file=utf8_text(source.name),
            path=utf8_text(source.shown_path),
            format=raw.format,
            pages=raw.pages,
            sha256=source.sha256(),
        ),
        producer=Producer(
            planparse=__version__,
            lexicon=normalized.lexicon,
            pdf_parser=options.pdf_parser if raw.format == "pdf" else None,
            ocr=OcrInfo(**raw.ocr_run) if raw.ocr_run else None,
        ),
        title=normalized.title,
        metadata=normalized.metadata,
        records=normalized.records,
        indicators=normalized.indicators,
        warnings=normalized.warnings,
    )
