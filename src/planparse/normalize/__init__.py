"""Normalizer: intermediate tables -> planparse/1 records (language rules live here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..intermediate import RawDocument
from ..model import Indicator, Metadata, PlanWarning, Record
from ..settings import ExtractOptions


@dataclass
class NormalizedDocument:
    """What the normalizer makes of a RawDocument: the planparse/1.1 content without `source`.

    `lexicon` names the word list the text repair used (for `producer`).
    """

    title: str | None
    records: list[Record] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    indicators: list[Indicator] = field(default_factory=list)
    lexicon: str | None = None


def normalize_document(raw: RawDocument, options: ExtractOptions, trace: Any = None) -> NormalizedDocument:
    """Map headers, fill goals down, join split rows, repair text: raw tables -> records.

    `trace(record, row, roles)` (optional) is told which table row made each record."""
    from .records import build_records

    return build_records(raw, options, trace=trace)


def repair_text(text: str, lang: str | None = None, ocr_repair: bool = True) -> str:
    """`planparse repair-text` as a function: printed lines in, repaired running text out
    (paragraphs kept, line-break hyphens and OCR-lost ä/ö repaired); see `normalize.repair`."""
    from planparse.normalize.repair.document import repair_text as _repair_text

    return _repair_text(text, lang, ocr_repair)
