"""The output model: planparse/1.1 document, record, metadata and indicator objects.

Field names and order follow ../shared/output-contract.md and
output-contract-1.1.md exactly; `to_dict` is the one place that turns them
into the plain data every writer emits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._version import __version__

SCHEMA_ID = "planparse/1.1"


@dataclass(slots=True)
class RecordSource:
    """Where a record starts; `table` and `row` are None for a record not read from a table (prose)."""

    page: int | None
    table: int | None
    row: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "table": self.table, "row": self.row}


@dataclass(slots=True)
class Record:
    """One goal/action row of a plan (a table row, or a prose block)."""

    section: str | None = None
    goal_id: str | None = None
    goal: str | None = None
    action_id: str | None = None
    actions: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    schedule: str | None = None
    extra: dict[str, str | None] = field(default_factory=dict)
    source: RecordSource = field(default_factory=lambda: RecordSource(None, 1, 1))

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "goal_id": self.goal_id,
            "goal": self.goal,
            "action_id": self.action_id,
            "actions": list(self.actions),
            "owners": list(self.owners),
            "indicators": list(self.indicators),
            "schedule": self.schedule,
            "extra": dict(self.extra),
            "source": self.source.to_dict(),
        }


@dataclass
class PlanWarning:
    """Something a reviewer should look at; never silently dropped data."""

    code: str
    message: str
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "page": self.page}


@dataclass
class SourceInfo:
    """The input: bare file name, the path as given (None: the file name), format, pages, sha256."""

    file: str
    format: str
    pages: int | None
    sha256: str
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "path": self.file if self.path is None else self.path,
            "format": self.format,
            "pages": self.pages,
            "sha256": self.sha256,
        }


@dataclass
class OcrInfo:
    """The OCR engine planparse ran itself: name, version, languages (e.g. ["fin", "swe"])."""

    engine: str
    version: str | None = None
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "version": self.version, "languages": list(self.languages)}


@dataclass
class Producer:
    """What made this output, so that two runs can be compared."""

    planparse: str = __version__
    lexicon: str | None = None  # "voikko", or the pip-only fallback's name ("wordfreq", "none")
    pdf_parser: str | None = None  # "pdfium" / "pdfminer"; None for DOCX
    ocr: OcrInfo | None = None  # only when planparse ran OCR itself

    def to_dict(self) -> dict[str, Any]:
        return {
            "planparse": self.planparse,
            "lexicon": self.lexicon,
            "pdf_parser": self.pdf_parser,
            "ocr": None if self.ocr is None else self.ocr.to_dict(),
        }


@dataclass
class Person:
    """A presenter or contact, each text as printed (an obfuscated email stays as printed)."""

    name: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "phone": self.phone, "email": self.email}


@dataclass
class Decision:
    """The decision a document is or prints: body, ISO date, paragraph, presenter."""

    body: str | None = None
    date: str | None = None  # YYYY-MM-DD
    text: str | None = None
    presenter: Person | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "date": self.date,
            "text": self.text,
            "presenter": None if self.presenter is None else self.presenter.to_dict(),
        }


@dataclass
class Metadata:
    """What the document says about itself; every field null (contacts []) when not printed."""

    period: str | None = None  # "YYYY–YYYY", en dash
    organization: str | None = None
    reference: str | None = None
    decision: Decision | None = None
    contacts: list[Person] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "organization": self.organization,
            "reference": self.reference,
            "decision": None if self.decision is None else self.decision.to_dict(),
            "contacts": [person.to_dict() for person in self.contacts],
        }


@dataclass
class IndicatorValue:
    """One printed value of an indicator box: a number, "%" or None, the line under it."""

    value: int | float
    unit: str | None = None
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "group": self.group}


@dataclass
class IndicatorGoal:
    """A sub-goal block an indicator box is shown under."""

    goal_id: str | None
    goal: str | None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"goal_id": self.goal_id, "goal": self.goal, "note": self.note}


@dataclass
class Indicator:
    """One indicator box of an infographic, with the national values of its source-list entry."""

    name: str
    ref: str | None = None
    values: list[IndicatorValue] = field(default_factory=list)
    national: list[IndicatorValue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    main_goal: str | None = None
    goals: list[IndicatorGoal] = field(default_factory=list)
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ref": self.ref,
            "values": [v.to_dict() for v in self.values],
            "national": [v.to_dict() for v in self.national],
            "sources": list(self.sources),
            "main_goal": self.main_goal,
            "goals": [g.to_dict() for g in self.goals],
            "source": {"page": self.page},
        }


@dataclass
class Plan:
    """The document object of planparse/1.1."""

    source: SourceInfo
    title: str | None = None
    records: list[Record] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    producer: Producer = field(default_factory=Producer)
    metadata: Metadata = field(default_factory=Metadata)
    indicators: list[Indicator] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Keys in the contract's order: schema, source, producer, title, metadata, records, indicators, warnings."""
        return {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "producer": self.producer.to_dict(),
            "title": self.title,
            "metadata": self.metadata.to_dict(),
            "records": [record.to_dict() for record in self.records],
            "indicators": [indicator.to_dict() for indicator in self.indicators],
            "warnings": [warning.to_dict() for warning in self.warnings],
        }
