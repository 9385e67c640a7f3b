"""Contract 1.1, "JSON Lines, CSV and warnings": `document` is source.path, `--items
indicators`, every warning on stderr in JSON Lines and CSV modes, per file in batch's
report, and source.path as given (relative to the folder in batch)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import planparse
from planparse.cli import main
from planparse.errors import ExitCode
from planparse.model import Plan, PlanWarning, SourceInfo
from planparse.outputs.writers import warning_line

from .conftest import SAMPLES

# a sample with a warning (a meeting calendar that is no plan table, page 1)
WARNED = SAMPLES / "vake-osallisuus.pdf"
needs_sample = pytest.mark.skipif(not WARNED.exists(), reason="samples not built")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _expected_lines(path: Path) -> list[str]:
    plan = planparse.extract(path)
    assert plan.warnings, "the sample should have a warning"
    return [f"{path}:{w.page}: {w.code}: {w.message}" if w.page else f"{path}: {w.code}: {w.message}" for w in plan.warnings]


@needs_sample
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_jsonl_and_csv_print_every_warning_on_stderr(capsys, fmt: str) -> None:
    code, out, err = run(capsys, "extract", str(WARNED), "--format", fmt)
    assert code == 0
    assert err.splitlines() == _expected_lines(WARNED)
    assert err.splitlines()[0].startswith(f"{WARNED}:1: table-skipped: ")
    if fmt == "jsonl":
        assert all(json.loads(line)["document"] == str(WARNED) for line in out.splitlines())
    else:
        assert {row["document"] for row in csv.DictReader(io.StringIO(out))} == {str(WARNED)}


@needs_sample
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_documents_keep_warnings_inside_and_stderr_stays_quiet(capsys, fmt: str) -> None:
    code, out, err = run(capsys, "extract", str(WARNED), "--format", fmt)
    assert code == 0 and err == "" and "table-skipped" in out


@needs_sample
def test_items_indicators_streams_indicators_only(capsys) -> None:
    code, out, err = run(capsys, "extract", str(WARNED), "--format", "jsonl", "--items", "indicators")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    plan = planparse.extract(WARNED)
    assert rows == [{"document": str(WARNED), **i.to_dict()} for i in plan.indicators]
    assert all("goal_id" not in row for row in rows)  # never a record in an indicator stream
    assert err.splitlines() == _expected_lines(WARNED)


@pytest.mark.parametrize("args", [["--items", "indicators"], ["--format", "csv", "--items", "indicators"], ["-f", "jsonl", "--items", "goals"]])
def test_items_is_a_usage_error_outside_jsonl(capsys, args: list[str]) -> None:
    code, out, err = run(capsys, "extract", str(WARNED), *args)
    assert code == ExitCode.USAGE and out == ""
    assert "--items" in err and err.count("\n") == 1


def test_warning_line_is_one_inert_line() -> None:
    plan = Plan(source=SourceInfo("x.pdf", "pdf", 3, "0" * 64, path="kunta/\x1b[2Jx\u202e.pdf"))
    line = warning_line(plan, PlanWarning("table-skipped", "table 2:\nPäivä |\tAika", 3))
    assert line == "kunta/[2Jx.pdf:3: table-skipped: table 2: Päivä | Aika"
    assert warning_line(plan, PlanWarning("no-plan-table", "no table", None)) == "kunta/[2Jx.pdf: no-plan-table: no table"


@needs_sample
def test_source_path_is_the_path_as_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    assert planparse.extract("samples/vake-osallisuus.docx").source.to_dict()["path"] == "samples/vake-osallisuus.docx"
    assert planparse.extract("./samples/../samples/vake-osallisuus.docx").source.to_dict()["path"] == (
        "./samples/../samples/vake-osallisuus.docx"
    )


@needs_sample
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_batch_names_documents_by_relative_path_and_lists_warnings(tmp_path: Path, capsys, fmt: str) -> None:
    root = tmp_path / "kunnat"
    for town in ("espoo", "vantaa"):
        (root / town).mkdir(parents=True)
        shutil.copy2(WARNED, root / town / WARNED.name)
    outdir = tmp_path / "out"
    code, out, err = run(capsys, "batch", str(root), "-o", str(outdir), "--recursive", "--format", fmt, "--jobs", "1")
    assert code == 0, err
    report = json.loads((outdir / "report.json").read_text("utf-8"))
    plan = planparse.extract(WARNED)
    documents = set()
    for entry in report["files"]:
        assert entry["warning_list"] == [w.to_dict() for w in plan.warnings]
        assert entry["warning_codes"] == [w.code for w in plan.warnings]
        text = (outdir / entry["output"]).read_text("utf-8")
        if fmt == "json":
            documents.add(json.loads(text)["source"]["path"])
        elif fmt == "jsonl":
            documents |= {json.loads(line)["document"] for line in text.splitlines()}
        else:
            documents |= {row["document"] for row in csv.DictReader(io.StringIO(text))}
    assert documents == {f"espoo/{WARNED.name}", f"vantaa/{WARNED.name}"}
