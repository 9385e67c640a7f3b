"""file -> extractor -> intermediate tables -> normalizer -> Plan."""

from __future__ import annotations

from pathlib import Path

from .extractors import read_document
from .model import Plan, SourceInfo
from .normalize import normalize_document
from .settings import ExtractOptions
from .source import Source


def extract(path: str | Path | Source, options: ExtractOptions | None = None) -> Plan:
    """Read one PDF or DOCX plan and return its planparse/1 document.

    Raises a `planparse.errors.PlanparseError` subclass (with exit code and
    a one-line message) for input that cannot be read.
    """
    options = options or ExtractOptions()
    source = path if isinstance(path, Source) else Source.from_path(path)
    raw = read_document(source, options)
    normalized = normalize_document(raw, options)
    return Plan(
        source=SourceInfo(file=source.name, format=raw.format, pages=raw.pages, sha256=source.sha256()),
        title=normalized.title,
        records=normalized.records,
        warnings=normalized.warnings,
    )
