"""The output model: planparse/1 document and record objects.

Field names and order follow ../shared/output-contract.md exactly; `to_dict`
is the one place that turns them into the plain data every writer emits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_ID = "planparse/1"


@dataclass(slots=True)
class RecordSource:
    page: int | None
    table: int
    row: int

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "table": self.table, "row": self.row}


@dataclass(slots=True)
class Record:
    """One table row of a plan."""

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
    file: str
    format: str
    pages: int | None
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "format": self.format, "pages": self.pages, "sha256": self.sha256}


@dataclass
class Plan:
    """The document object of planparse/1."""

    source: SourceInfo
    title: str | None = None
    records: list[Record] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "title": self.title,
            "records": [record.to_dict() for record in self.records],
            "warnings": [warning.to_dict() for warning in self.warnings],
        }
