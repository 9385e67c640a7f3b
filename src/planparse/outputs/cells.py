"""Plan data flattened for tables: one spreadsheet row per record, warning, indicator, document.

Shared by the Excel workbook and the Excel-friendly CSV, so both show a plan
the same way: list fields one item per line inside the cell, text that a
spreadsheet would run as a formula made inert.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from planparse.outputs.writers import spreadsheet_safe

LIST_SEPARATOR = "\n"

RECORD_COLUMNS = ["document", "section", "goal_id", "goal", "action_id", "actions", "owners", "indicators", "schedule"]
SOURCE_COLUMNS = ["page", "table", "row"]
TEXT_ID_COLUMNS = ("goal_id", "action_id")


def spreadsheet_text(value: str | None) -> str | None:
    """`value` as a spreadsheet cell text: a leading ' when it would start a formula
    (contract 1.1; the rule is `writers.spreadsheet_safe`, shared with CSV)."""
    return spreadsheet_safe(value) if value else value


def document_name(plan: dict[str, Any]) -> str:
    """What a row names its document by: `source.path` (contract 1.1) or the file name."""
    source = plan.get("source") or {}
    return source.get("path") or source.get("file") or ""


def joined(items: Iterable[Any] | None) -> str:
    return LIST_SEPARATOR.join(str(item) for item in items or [])


def extra_keys(plans: Iterable[dict[str, Any]]) -> list[str]:
    """Every `extra` key of the plans' records, in first-seen order."""
    keys: dict[str, None] = {}
    for plan in plans:
        for record in plan.get("records", []):
            for key in record.get("extra") or {}:
                keys.setdefault(key, None)
    return list(keys)


def extra_column(key: str) -> str:
    """The column name of an `extra` key (prefixed only when it would clash with a field)."""
    return f"extra: {key}" if key in RECORD_COLUMNS or key in SOURCE_COLUMNS else key


def record_row(plan: dict[str, Any], record: dict[str, Any], keys: list[str]) -> list[Any]:
    """One record as cell values: fields, then one column per `extra` key, then page, table, row."""
    source = record.get("source") or {}
    extra = record.get("extra") or {}
    return [
        document_name(plan),
        record.get("section"),
        record.get("goal_id"),
        record.get("goal"),
        record.get("action_id"),
        joined(record.get("actions")),
        joined(record.get("owners")),
        joined(record.get("indicators")),
        record.get("schedule"),
        *(extra.get(key) for key in keys),
        source.get("page"),
        source.get("table"),
        source.get("row"),
    ]


WARNING_COLUMNS = ["document", "page", "code", "message"]


def warning_rows(plan: dict[str, Any]) -> list[list[Any]]:
    return [[document_name(plan), w.get("page"), w.get("code"), w.get("message")] for w in plan.get("warnings", [])]


INDICATOR_COLUMNS = ["document", "main_goal", "goals", "name", "ref", "values", "national", "sources", "page"]


def value_text(value: dict[str, Any]) -> str:
    """An indicator value as one line: `19 % 4.–5. luokkalaisista`."""
    number = value.get("value")
    text = "" if number is None else format(number, "g") if isinstance(number, float) else str(number)
    unit = value.get("unit")
    group = value.get("group")
    return " ".join(part for part in (text, unit, group) if part)


def goal_text(goal: dict[str, Any]) -> str:
    return " ".join(part for part in (goal.get("goal_id"), goal.get("goal")) if part)


def indicator_rows(plan: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for ind in plan.get("indicators") or []:
        rows.append([
            document_name(plan),
            ind.get("main_goal"),
            joined(goal_text(g) for g in ind.get("goals") or []),
            ind.get("name"),
            ind.get("ref"),
            joined(value_text(v) for v in ind.get("values") or []),
            joined(value_text(v) for v in ind.get("national") or []),
            joined(ind.get("sources")),
            (ind.get("source") or {}).get("page"),
        ])
    return rows


METADATA_COLUMNS = [
    "document", "file", "format", "pages", "sha256", "title", "period", "organization", "reference",
    "decision_body", "decision_date", "decision_text", "presenter", "contacts", "records", "warnings", "producer",
]


def person_text(person: dict[str, Any] | None) -> str | None:
    """A person as one line: name, title, phone, email (those printed)."""
    if not person:
        return None
    return ", ".join(str(person[k]) for k in ("name", "title", "phone", "email") if person.get(k))


def metadata_row(plan: dict[str, Any]) -> list[Any]:
    source = plan.get("source") or {}
    meta = plan.get("metadata") or {}
    decision = meta.get("decision") or {}
    producer = plan.get("producer")
    return [
        document_name(plan),
        source.get("file"),
        source.get("format"),
        source.get("pages"),
        source.get("sha256"),
        plan.get("title"),
        meta.get("period"),
        meta.get("organization"),
        meta.get("reference"),
        decision.get("body"),
        decision.get("date"),
        decision.get("text"),
        person_text(decision.get("presenter")),
        joined(person_text(p) for p in meta.get("contacts") or []),
        len(plan.get("records", [])),
        len(plan.get("warnings", [])),
        json.dumps(producer, ensure_ascii=False) if producer else None,
    ]
