"""`planparse batch --xlsx --db --review`: outputs of a whole folder, and a second run that adds nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from planparse.cli import main

from .conftest import EXPECTED, SAMPLES, load_json

openpyxl = pytest.importorskip("openpyxl")

FILES = {"a/turku-yhta.docx": "turku-yhta.docx", "b/jarvela-ilmasto.docx": "jarvela-ilmasto.docx",
         "b/strandby-jamstalldhet.docx": "strandby-jamstalldhet.docx"}


def test_batch_writes_one_workbook_one_database_and_review_pages(tmp_path: Path, capsys) -> None:
    if not all((SAMPLES / name).exists() for name in FILES.values()):
        pytest.skip("samples not built")
    folder = tmp_path / "plans"
    for rel, name in FILES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / name, folder / rel)
    out, book, db = tmp_path / "out", tmp_path / "book.xlsx", tmp_path / "plans.sqlite"
    args = ["batch", str(folder), "-o", str(out), "-r", "-j", "2", "--xlsx", str(book), "--db", str(db), "--review"]
    expected = {rel: load_json(EXPECTED / f"{name}.json") for rel, name in FILES.items()}

    def check() -> None:
        conn = sqlite3.connect(db)
        docs = dict(conn.execute("SELECT path, record_count FROM documents").fetchall())
        assert docs == {rel: len(plan["records"]) for rel, plan in expected.items()}
        assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == sum(docs.values())
        sheet = openpyxl.load_workbook(book)["records"]
        rows = list(sheet.iter_rows(values_only=True))
        documents = [row[0] for row in rows[1:]]
        assert documents == [rel for rel in FILES for _ in expected[rel]["records"]]  # input order, path inside DIR
        goals = [row[rows[0].index("goal")] for row in rows[1:]]
        assert goals == [rec["goal"] for rel in FILES for rec in expected[rel]["records"]]
        for rel in FILES:
            page = (out / (rel + ".review.html")).read_text(encoding="utf-8")
            assert page.count('class="rec"') == len(expected[rel]["records"])

    assert main(args) == 0
    check()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["status"] for f in report["files"]} == {"ok"}
    # Again: every file is up to date, read back from its JSON output; nothing is duplicated or lost.
    assert main(args) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["status"] for f in report["files"]} == {"skipped"}
    check()
    capsys.readouterr()


def test_batch_db_in_a_missing_folder_fails_before_any_work(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    code = main(["batch", str(folder), "-o", str(tmp_path / "out"), "--db", str(tmp_path / "nope" / "plans.sqlite")])
    err = capsys.readouterr().err
    assert code == 9 and "nope/plans.sqlite" in err and "no such folder" in err
    assert not (tmp_path / "out").exists()


def test_a_database_failure_mid_batch_keeps_the_stored_documents_and_the_report(tmp_path: Path, capsys, monkeypatch) -> None:
    if not all((SAMPLES / name).exists() for name in FILES.values()):
        pytest.skip("samples not built")
    from planparse.errors import OutputError
    from planparse.outputs.database import PlanDatabase

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in FILES.values():
        shutil.copy(SAMPLES / name, folder / name)
    real_store = PlanDatabase.store
    calls = []

    def store(self, plan):  # type: ignore[no-untyped-def]
        calls.append(plan["source"]["path"])
        if len(calls) == 2:
            raise OutputError(self.path, "cannot write the database (database or disk is full)")
        return real_store(self, plan)

    monkeypatch.setattr(PlanDatabase, "store", store)
    db = tmp_path / "plans.sqlite"
    code = main(["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 9 and "disk is full" in err
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in report["files"]] == ["ok"] * len(FILES)  # the batch went on
    assert len(calls) == 2  # nothing more was stored after the failure
    assert [p for (p,) in sqlite3.connect(db).execute("SELECT path FROM documents")] == calls[:1]
