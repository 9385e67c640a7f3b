"""The plans database: upsert by sha256, one transaction per document, and the README's questions in SQL."""

from __future__ import annotations

import copy
import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from planparse.errors import OutputError
from planparse.outputs.database import SCHEMA, PlanDatabase, period_years

from .conftest import REPO, expected_files, load_json

TABLES = ["documents", "records", "record_actions", "record_owners", "record_indicators", "record_extra",
          "warnings", "indicators", "indicator_values", "people"]


def readme_queries() -> list[str]:
    """The three SQL examples of the README's database section, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A database of plans", 1)[1].split("\n## ", 1)[0]
    queries = re.findall(r"```sql\n(.*?)```", section, re.S)
    assert len(queries) == 3
    return queries


def sample_plans() -> list[dict]:
    """The reviewed expected outputs of the samples (content, not planparse's own output)."""
    plans = [load_json(path) for path in expected_files()]
    if len(plans) < 5:
        pytest.skip("samples not built")
    return plans


def with_period(plan: dict, period: str, tag: str) -> dict:
    """A copy of a sample plan as another document (another file hash) whose metadata gives `period`."""
    other = copy.deepcopy(plan)
    other["source"]["sha256"] = f"{tag:0>64}"[:64]
    other["source"]["path"] = f"{tag}/{plan['source']['file']}"
    other["metadata"] = dict(other.get("metadata") or {}, period=period, organization=f"{tag} kunta")
    return other


def without_indicators(plan: dict, tag: str) -> dict:
    """A copy of a sample plan as another document whose first goal's indicator cells are all empty."""
    other = with_period(plan, None, tag)  # type: ignore[arg-type]
    first = other["records"][0]["goal"]
    for rec in other["records"]:
        if rec["goal"] == first:
            rec["indicators"] = []
    return other


def build(path: Path, plans: list[dict]) -> sqlite3.Connection:
    with PlanDatabase(path) as db:
        for plan in plans:
            db.store(plan)
    return sqlite3.connect(path)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Path, list[dict]]:
    plans = sample_plans()
    # Each sample goal names an indicator, and none of them prints a period of 2025–2028: three
    # variants of real samples (other file hashes) give the queries something to find besides them.
    plans += [with_period(plans[0], "2025–2028", "aaa"), with_period(plans[1], "2024–2025", "bbb"),
              without_indicators(plans[-1], "ccc")]
    path = tmp_path_factory.mktemp("db") / "plans.sqlite"
    build(path, plans).close()
    return path, plans


def test_every_record_and_list_item_is_a_row(stored) -> None:
    path, plans = stored
    conn = sqlite3.connect(path)
    got = counts(conn)
    assert got["documents"] == len({p["source"]["sha256"] for p in plans}) == len(plans)
    assert got["records"] == sum(len(p["records"]) for p in plans)
    for table, key in (("record_actions", "actions"), ("record_owners", "owners"), ("record_indicators", "indicators")):
        assert got[table] == sum(len(r[key]) for p in plans for r in p["records"]), table
    assert got["record_extra"] == sum(len(r["extra"]) for p in plans for r in p["records"])
    assert got["warnings"] == sum(len(p["warnings"]) for p in plans)
    # One document read back whole, in order.
    plan = plans[0]
    doc_id, = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (plan["source"]["sha256"],)).fetchone()
    rows = conn.execute("SELECT id, goal, action_id, extra, source_page, source_table, source_row FROM records"
                        " WHERE document_id = ? ORDER BY position", (doc_id,)).fetchall()
    for (rec_id, goal, action_id, extra, page, table, row), rec in zip(rows, plan["records"]):
        assert (goal, action_id) == (rec["goal"], rec["action_id"])
        assert json.loads(extra or "{}") == rec["extra"]
        assert (page, table, row) == (rec["source"]["page"], rec["source"]["table"], rec["source"]["row"])
        owners = [o for (o,) in conn.execute("SELECT owner FROM record_owners WHERE record_id = ? ORDER BY position", (rec_id,))]
        assert owners == rec["owners"]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_storing_again_duplicates_nothing(stored, tmp_path: Path) -> None:
    path, plans = stored
    copy_path = tmp_path / "again.sqlite"
    copy_path.write_bytes(path.read_bytes())
    before = counts(sqlite3.connect(copy_path))
    conn = build(copy_path, plans[:4])  # a re-run over some of the same files
    assert counts(conn) == before


def test_a_failed_document_leaves_no_half_document_and_keeps_the_old_one(stored, tmp_path: Path) -> None:
    path, plans = stored
    copy_path = tmp_path / "broken.sqlite"
    copy_path.write_bytes(path.read_bytes())
    before = counts(sqlite3.connect(copy_path))
    broken = copy.deepcopy(plans[0])
    broken["records"][-1]["owners"] = ["fine", None]  # NOT NULL fails after the document and most rows went in
    with PlanDatabase(copy_path) as db, pytest.raises(OutputError) as err:
        db.store(broken)
    assert err.value.exit_code == 9
    conn = sqlite3.connect(copy_path)
    assert counts(conn) == before
    assert conn.execute("SELECT record_count FROM documents WHERE sha256 = ?", (broken["source"]["sha256"],)).fetchone() \
        == (len(plans[0]["records"]),)


def test_owners_most_often_responsible(stored) -> None:
    path, plans = stored
    by_owner: dict[str, set[str]] = defaultdict(set)
    records: dict[str, int] = defaultdict(int)
    for plan in plans:
        where = (plan.get("metadata") or {}).get("organization") or plan["source"]["path"]
        for rec in plan["records"]:
            for owner in rec["owners"]:
                by_owner[owner].add(where)
                records[owner] += 1
    expected = sorted(((o, len(w), records[o]) for o, w in by_owner.items()), key=lambda t: (-t[1], -t[2], t[0]))[:20]
    got = sqlite3.connect(path).execute(readme_queries()[0]).fetchall()
    assert got == expected
    assert got[0][1] >= 2  # some owner is named by more than one plan


def test_goals_whose_indicator_column_is_empty(stored) -> None:
    path, plans = stored
    expected = []
    for plan in sorted(plans, key=lambda p: p["source"]["path"]):
        if not any(r["indicators"] for r in plan["records"]):
            continue  # no indicator column at all
        goals: dict[tuple, list[dict]] = {}
        for rec in plan["records"]:
            if rec["goal"] is not None:
                goals.setdefault((rec["section"], rec["goal_id"], rec["goal"]), []).append(rec)
        for (section, goal_id, goal), recs in goals.items():
            if not any(r["indicators"] for r in recs):
                expected.append((plan["source"]["path"], section, goal_id, goal, len(recs)))
    got = sqlite3.connect(path).execute(readme_queries()[1]).fetchall()
    assert got == expected
    assert len(got) == 1 and got[0][0].startswith("ccc/")


def test_plans_of_a_period(stored) -> None:
    path, plans = stored
    got = sqlite3.connect(path).execute(readme_queries()[2]).fetchall()
    expected = sorted((p["source"]["path"], p["title"], p["metadata"]["organization"], p["metadata"]["period"])
                      for p in plans if (p.get("metadata") or {}).get("period") == "2025–2028")
    assert got == expected
    paths = [row[0] for row in got]
    assert any(p.startswith("aaa/") for p in paths)  # the variant
    # The one sample whose printed title names 2025–2028 ("Järvilahden kunnan hyvinvointisuunnitelma 2025–2028"),
    # once its reviewed expected output carries contract 1.1 metadata.
    if any((p.get("metadata") or {}).get("period") for p in plans if not p["source"]["path"].startswith(("aaa/", "bbb/", "ccc/"))):
        assert [p for p in paths if not p.startswith("aaa/")] == ["samples/rl-ruled-hyvinvointi.pdf"]
    assert period_years("2018−2021") == (2018, 2021) and period_years("2020") == (None, None)


def test_docs_describe_every_table_and_column() -> None:
    docs = (REPO / "docs" / "database.md").read_text(encoding="utf-8")
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    for table in TABLES:
        assert f"`{table}`" in docs, table
        for _, column, *_ in conn.execute(f"PRAGMA table_info({table})"):
            assert f"`{column}`" in docs or re.search(rf"\b{column}\b", docs), (table, column)


def _duckdb():  # type: ignore[no-untyped-def]
    """DuckDB with its sqlite extension from the `duckdb-ext-sqlite` wheel (no network), or skip."""
    duckdb = pytest.importorskip("duckdb")
    ext = pytest.importorskip("duckdb_ext")
    found = sorted(Path(list(ext.__path__)[0]).glob(f"extensions/v{duckdb.__version__}/*/sqlite_scanner.duckdb_extension"))
    if not found:
        pytest.skip(f"no sqlite extension for DuckDB {duckdb.__version__}")
    conn = duckdb.connect()
    conn.execute(f"LOAD '{found[0]}'")
    return conn


def test_duckdb_reads_the_file_unchanged_and_answers_the_same(stored) -> None:
    path, _ = stored
    duck = _duckdb()
    duck.execute(f"ATTACH '{path}' AS plans (TYPE sqlite, READ_ONLY)")
    duck.execute("USE plans")
    lite = sqlite3.connect(path)
    for table in TABLES:  # every column of every row reads with its declared type
        assert duck.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == lite.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        duck.execute(f"SELECT * FROM {table}").fetchall()
    for query in readme_queries():
        assert [tuple(r) for r in duck.execute(query).fetchall()] == lite.execute(query).fetchall()


KILLED_WRITER = """
import json, sys, time
from planparse.outputs.database import PlanDatabase
first, big = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
big["records"] = big["records"] * 20000  # hundreds of thousands of rows: a store that takes many seconds
with PlanDatabase(sys.argv[1]) as db:
    db.store(first)
    print("stored", flush=True)
    db.store(big)  # killed while this runs
    print("finished", flush=True)
"""


def test_a_killed_writer_leaves_no_half_document(stored, tmp_path: Path) -> None:
    """SIGKILL in the middle of a document: after it, the database holds the documents stored before, whole."""
    import signal
    import subprocess
    import sys
    import time

    _, plans = stored
    first = plans[0]
    big = plans[1]
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "big.json").write_text(json.dumps(big), encoding="utf-8")
    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db), str(tmp_path / "first.json"), str(tmp_path / "big.json")],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "stored"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # killed, not finished
    conn = sqlite3.connect(db)  # the next opener rolls the hot journal back
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT sha256, record_count FROM documents").fetchall() == [(first["source"]["sha256"], len(first["records"]))]
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(first["records"])


def test_plans_of_2025_2028_from_real_extraction(tmp_path: Path) -> None:
    """Extracted samples: the plans whose printed title names the period 2025–2028 are the query's answer."""
    from planparse import extract

    from .conftest import SAMPLES

    names = ["rl-ruled-hyvinvointi.pdf", "jarvela-ilmasto.docx", "strandby-jamstalldhet.docx", "turku-yhta.docx"]
    if not all((SAMPLES / n).exists() for n in names):
        pytest.skip("samples not built")
    plans = [extract(SAMPLES / n).to_dict() for n in names]
    # From the content: which titles print 2025–2028 (the samples' source texts, not planparse's metadata).
    expected = sorted(p["source"]["path"] for p in plans if re.search(r"2025\s*[–-]\s*2028", p["title"] or ""))
    assert expected == [str(SAMPLES / "rl-ruled-hyvinvointi.pdf")]
    if not any((p.get("metadata") or {}).get("period") for p in plans):
        pytest.skip("metadata.period is not extracted yet (contract 1.1 metadata, issue 13.2)")
    conn = build(tmp_path / "real.sqlite", plans)
    assert [row[0] for row in conn.execute(readme_queries()[2])] == expected


def test_datasette_serves_the_file_unchanged(stored) -> None:
    """Datasette (not a test dependency: run where it is installed) lists the tables, follows the
    foreign keys, and runs the README's questions."""
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette

    path, _ = stored
    lite = sqlite3.connect(path)

    async def check() -> None:
        ds = Datasette(files=[str(path)])
        name = path.stem
        tables = (await ds.client.get(f"/{name}.json")).json()["tables"]
        assert {t["name"] for t in tables} >= set(TABLES)
        owners = next(t for t in tables if t["name"] == "record_owners")
        assert owners["foreign_keys"]["outgoing"][0]["other_table"] == "records"
        for query in readme_queries():
            response = await ds.client.get(f"/{name}.json", params={"sql": query, "_shape": "arrays"})
            assert response.status_code == 200, response.text
            assert [tuple(r) for r in response.json()["rows"]] == lite.execute(query).fetchall()

    asyncio.run(check())


def test_metadata_indicators_and_people_rows(tmp_path: Path) -> None:
    """Contract 1.1 parts: metadata columns, indicator boxes with local and national values, presenter and contacts."""
    plan = {
        "schema": "planparse/1.1",
        "source": {"file": "a.pdf", "path": "kunta/a.pdf", "format": "pdf", "pages": 12, "sha256": "cd" * 32},
        "producer": {"planparse": "0.2.0", "lexicon": "voikko", "pdf_parser": "pdfium", "ocr": None},
        "title": "Hyvinvointisuunnitelma 2025–2028",
        "metadata": {"period": "2025–2028", "organization": "Järvelän kunta", "reference": "Dnro 123/2024",
                     "decision": {"body": "Kunnanvaltuusto", "date": "2024-12-11", "text": "Hyväksyttiin.",
                                  "presenter": {"name": "Maija M", "title": "johtaja", "phone": None, "email": None}},
                     "contacts": [{"name": "Pekka P", "title": None, "phone": "040 1", "email": "p(a)x.fi"}]},
        "records": [],
        "indicators": [{"name": "Nuorisotyöttömät", "ref": "28",
                        "values": [{"value": 7.9, "unit": "%", "group": "18–24-v."}, {"value": 1820, "unit": None, "group": None}],
                        "national": [{"value": 9, "unit": "%", "group": "koko maa"}], "sources": ["Sotkanet 2019"],
                        "main_goal": "Hyvinvointi", "goals": [{"goal_id": "1", "goal": "Työ", "note": None}], "source": {"page": 3}}],
        "warnings": [],
    }
    conn = build(tmp_path / "meta.sqlite", [plan])
    assert conn.execute("SELECT path, period, period_start, period_end, organization, reference, decision_body,"
                        " decision_date FROM documents").fetchall() == \
        [("kunta/a.pdf", "2025–2028", 2025, 2028, "Järvelän kunta", "Dnro 123/2024", "Kunnanvaltuusto", "2024-12-11")]
    assert json.loads(conn.execute("SELECT producer FROM documents").fetchone()[0])["pdf_parser"] == "pdfium"
    (ind_id, name, ref, main_goal, goals, sources, page), = conn.execute(
        "SELECT id, name, ref, main_goal, goals, sources, page FROM indicators").fetchall()
    assert (name, ref, main_goal, page) == ("Nuorisotyöttömät", "28", "Hyvinvointi", 3)
    assert json.loads(goals)[0]["goal"] == "Työ" and json.loads(sources) == ["Sotkanet 2019"]
    assert conn.execute("SELECT scope, position, value, unit, population_group FROM indicator_values"
                        " WHERE indicator_id = ? ORDER BY scope, position", (ind_id,)).fetchall() == \
        [("local", 1, 7.9, "%", "18–24-v."), ("local", 2, 1820.0, None, None), ("national", 1, 9.0, "%", "koko maa")]
    assert conn.execute("SELECT role, name, title, phone, email FROM people ORDER BY role DESC").fetchall() == \
        [("presenter", "Maija M", "johtaja", None, None), ("contact", "Pekka P", None, "040 1", "p(a)x.fi")]
