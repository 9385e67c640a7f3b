"""A SQLite database of many plans: documents, records and their parts as rows.

`PlanDatabase(path).store(plan)` upserts one planparse document object
(`Plan.to_dict()`, or a JSON output read back) keyed by the file's sha256:
storing the same file again replaces its rows, nothing is duplicated.  Each
document is written in one transaction, so an interrupted batch leaves every
document either whole or absent.

Tables are STRICT (declared types are enforced), so every column holds the
type it declares: DuckDB's sqlite reader and Datasette read the file as it
is.  The schema is documented in docs/database.md.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import OutputError
from .cells import document_name

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    file TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    schema TEXT NOT NULL,
    title TEXT,
    period TEXT,
    period_start INTEGER,
    period_end INTEGER,
    organization TEXT,
    reference TEXT,
    decision_body TEXT,
    decision_date TEXT,
    decision_text TEXT,
    producer TEXT,
    record_count INTEGER NOT NULL,
    warning_count INTEGER NOT NULL,
    stored_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    section TEXT,
    goal_id TEXT,
    goal TEXT,
    action_id TEXT,
    schedule TEXT,
    extra TEXT,
    source_page INTEGER,
    source_table INTEGER,
    source_row INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS record_actions (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
) STRICT;
CREATE TABLE IF NOT EXISTS record_owners (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
) STRICT;
CREATE TABLE IF NOT EXISTS record_indicators (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    indicator TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
) STRICT;
CREATE TABLE IF NOT EXISTS record_extra (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (record_id, key)
) STRICT;
CREATE TABLE IF NOT EXISTS warnings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    page INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS indicators (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT,
    ref TEXT,
    main_goal TEXT,
    goals TEXT,
    sources TEXT,
    page INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS indicator_values (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('local', 'national')),
    position INTEGER NOT NULL,
    value REAL,
    unit TEXT,
    population_group TEXT,
    PRIMARY KEY (indicator_id, scope, position)
) STRICT;
CREATE TABLE IF NOT EXISTS people (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('presenter', 'contact')),
    position INTEGER NOT NULL,
    name TEXT,
    title TEXT,
    phone TEXT,
    email TEXT,
    PRIMARY KEY (document_id, role, position)
) STRICT;
CREATE INDEX IF NOT EXISTS records_document ON records(document_id);
CREATE INDEX IF NOT EXISTS warnings_document ON warnings(document_id);
CREATE INDEX IF NOT EXISTS indicators_document ON indicators(document_id);
CREATE INDEX IF NOT EXISTS record_owners_owner ON record_owners(owner);
"""

_PERIOD = re.compile(r"^\s*(\d{4})\s*[–—−-]\s*(\d{4})\s*$")


def period_years(period: str | None) -> tuple[int | None, int | None]:
    """`"2025–2028"` -> (2025, 2028); anything else -> (None, None)."""
    match = _PERIOD.match(period or "")
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class PlanDatabase:
    """An open plans database; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if self.path.is_dir():
                raise OutputError(self.path, "is a folder, not a database file", "give a file name, e.g. plans.sqlite")
            if self.path.parent and not self.path.parent.is_dir():
                raise OutputError(self.path, "cannot write the database (no such folder)")
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = DELETE")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise OutputError(self.path, f"database schema version {version}, this planparse writes {SCHEMA_VERSION}",
                                  "use a new database file")
            self.conn.executescript(SCHEMA)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            raise OutputError(self.path, f"cannot use the database ({err})") from None

    def __enter__(self) -> "PlanDatabase":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def has(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def store(self, plan: dict[str, Any]) -> int:
        """Insert or replace one document (by its sha256) in one transaction; return its id."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                doc_id = self._store(plan)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            raise OutputError(self.path, f"cannot write the database ({err})") from None
        return doc_id

    def _store(self, plan: dict[str, Any]) -> int:
        cur = self.conn.cursor()
        source = plan.get("source") or {}
        meta = plan.get("metadata") or {}
        decision = meta.get("decision") or {}
        start, end = period_years(meta.get("period"))
        cur.execute("DELETE FROM documents WHERE sha256 = ?", (source["sha256"],))  # children cascade
        cur.execute(
            "INSERT INTO documents (sha256, path, file, format, pages, schema, title, period, period_start, period_end,"
            " organization, reference, decision_body, decision_date, decision_text, producer, record_count,"
            " warning_count, stored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (source["sha256"], document_name(plan), source.get("file") or "", source.get("format") or "",
             _int(source.get("pages")), plan.get("schema") or "", plan.get("title"), meta.get("period"), start, end,
             meta.get("organization"), meta.get("reference"), decision.get("body"), decision.get("date"),
             decision.get("text"), _json(plan.get("producer")), len(plan.get("records", [])),
             len(plan.get("warnings", [])), datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        doc_id = int(cur.lastrowid or 0)
        for position, rec in enumerate(plan.get("records", []), start=1):
            src = rec.get("source") or {}
            cur.execute(
                "INSERT INTO records (document_id, position, section, goal_id, goal, action_id, schedule, extra,"
                " source_page, source_table, source_row) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, position, rec.get("section"), rec.get("goal_id"), rec.get("goal"), rec.get("action_id"),
                 rec.get("schedule"), _json(rec.get("extra")), _int(src.get("page")), _int(src.get("table")),
                 _int(src.get("row"))),
            )
            rec_id = cur.lastrowid
            for table, column, key in (("record_actions", "action", "actions"), ("record_owners", "owner", "owners"),
                                       ("record_indicators", "indicator", "indicators")):
                cur.executemany(f"INSERT INTO {table} (record_id, position, {column}) VALUES (?,?,?)",
                                [(rec_id, i, item) for i, item in enumerate(rec.get(key) or [], start=1)])
            cur.executemany("INSERT INTO record_extra (record_id, key, value) VALUES (?,?,?)",
                            [(rec_id, k, v) for k, v in (rec.get("extra") or {}).items()])
        cur.executemany(
            "INSERT INTO warnings (document_id, position, code, message, page) VALUES (?,?,?,?,?)",
            [(doc_id, i, w.get("code") or "", w.get("message") or "", _int(w.get("page")))
             for i, w in enumerate(plan.get("warnings", []), start=1)],
        )
        for position, ind in enumerate(plan.get("indicators") or [], start=1):
            cur.execute(
                "INSERT INTO indicators (document_id, position, name, ref, main_goal, goals, sources, page)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (doc_id, position, ind.get("name"), ind.get("ref"), ind.get("main_goal"), _json(ind.get("goals")),
                 _json(ind.get("sources")), _int((ind.get("source") or {}).get("page"))),
            )
            ind_id = cur.lastrowid
            for scope, key in (("local", "values"), ("national", "national")):
                cur.executemany(
                    "INSERT INTO indicator_values (indicator_id, scope, position, value, unit, population_group)"
                    " VALUES (?,?,?,?,?,?)",
                    [(ind_id, scope, i, float(v["value"]) if isinstance(v.get("value"), (int, float)) else None,
                      v.get("unit"), v.get("group")) for i, v in enumerate(ind.get(key) or [], start=1)],
                )
        people = [("presenter", 1, decision.get("presenter"))] if decision.get("presenter") else []
        people += [("contact", i, p) for i, p in enumerate(meta.get("contacts") or [], start=1)]
        cur.executemany(
            "INSERT INTO people (document_id, role, position, name, title, phone, email) VALUES (?,?,?,?,?,?,?)",
            [(doc_id, role, i, p.get("name"), p.get("title"), p.get("phone"), p.get("email")) for role, i, p in people],
        )
        return doc_id
