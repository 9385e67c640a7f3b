"""The command line: through typer's CliRunner, and once as a real process in a pipe."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from planparse import __version__
from planparse.cli import _register_commands, app, main
from planparse.errors import ExitCode

from .conftest import SAMPLES

_register_commands()
runner = CliRunner()

DOCX = SAMPLES / "turku-yhta.docx"
PDF = SAMPLES / "turku-yhta.pdf"
needs_samples = pytest.mark.skipif(not (DOCX.exists() and PDF.exists()), reason="samples not built")


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_commands_and_exit_codes() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "schema"):
        assert command in result.output
    assert "no-text-layer" in result.output and "70" in result.output


def test_version(capsys) -> None:
    code, out, _ = run_main(["--version"], capsys)
    assert code == 0 and out.strip() == f"planparse {__version__}"


def test_schema_command_prints_the_schema(capsys) -> None:
    code, out, _ = run_main(["schema"], capsys)
    assert code == 0
    schema = json.loads(out)
    assert schema["properties"]["schema"]["const"] == "planparse/1.1"


@needs_samples
def test_extract_json_to_stdout(capsys, plan_validator) -> None:
    code, out, err = run_main(["extract", str(DOCX)], capsys)
    assert code == 0, err
    doc = json.loads(out)
    plan_validator.validate(doc)
    assert doc["source"]["file"] == "turku-yhta.docx"
    assert len(doc["records"]) > 5


@needs_samples
def test_extract_several_files_gives_array_and_streams(capsys, plan_validator, record_validator) -> None:
    code, out, _ = run_main(["extract", str(DOCX), str(PDF)], capsys)
    assert code == 0
    docs = json.loads(out)
    assert [d["source"]["format"] for d in docs] == ["docx", "pdf"]
    for d in docs:
        plan_validator.validate(d)

    code, out, _ = run_main(["extract", str(DOCX), str(PDF), "--format", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    # planparse/1.1: `document` is source.path, the path as given
    assert {r["document"] for r in rows} == {str(DOCX), str(PDF)}
    for r in rows:
        record_validator.validate(r)

    code, out, _ = run_main(["extract", str(DOCX), str(PDF), "--format", "yaml"], capsys)
    assert [d["source"]["file"] for d in yaml.safe_load_all(out)] == ["turku-yhta.docx", "turku-yhta.pdf"]


@needs_samples
def test_extract_csv_has_one_row_per_record(capsys) -> None:
    code, out, _ = run_main(["extract", str(DOCX), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    code, out_json, _ = run_main(["extract", str(DOCX)], capsys)
    records = json.loads(out_json)["records"]
    assert len(rows) == len(records)
    assert rows[0]["actions"].split("\n") == records[0]["actions"]
    assert rows[0]["goal"] == records[0]["goal"]


@needs_samples
def test_extract_to_file_is_atomic_and_quiet(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out" / "plan.json"
    code, out, _ = run_main(["extract", str(DOCX), "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "planparse/1.1"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]


@needs_samples
def test_extract_reads_stdin(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "planparse", "extract", "-", "--format", "jsonl"],
        input=DOCX.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert rows and all(r["document"] == "-" for r in rows)


def test_missing_file_is_one_line_on_stderr(tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.json"
    code, out, err = run_main(["extract", str(tmp_path / "nope.pdf"), "-o", str(target)], capsys)
    assert code == ExitCode.INPUT_MISSING
    assert out == "" and not target.exists()
    assert err.count("\n") == 1 and "nope.pdf" in err and "Traceback" not in err


def test_unknown_format_is_usage_error(capsys) -> None:
    code, _, err = run_main(["extract", "x.pdf", "--format", "xml"], capsys)
    assert code == ExitCode.USAGE and "xml" in err


def test_several_files_one_failing_exits_1_and_keeps_the_good_ones(capsys) -> None:
    if not DOCX.exists():
        pytest.skip("samples not built")
    code, out, err = run_main(["extract", str(DOCX), "missing.pdf"], capsys)
    assert code == ExitCode.SOME_FAILED
    docs = json.loads(out)
    assert len(docs) == 1 and "missing.pdf" in err


@needs_samples
def test_real_process_through_a_pipe() -> None:
    """`planparse extract x.pdf --format jsonl | python -c 'json.loads each line'`."""
    script = "import json,sys; rows=[json.loads(l) for l in sys.stdin]; print(len(rows))"
    producer = subprocess.Popen(
        [sys.executable, "-m", "planparse", "extract", str(PDF), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    consumer = subprocess.run([sys.executable, "-c", script], stdin=producer.stdout, capture_output=True, timeout=300)
    producer.stdout.close()
    assert producer.wait(timeout=300) == 0, producer.stderr.read().decode()
    assert consumer.returncode == 0, consumer.stderr.decode()
    assert int(consumer.stdout) > 5


@needs_samples
def test_output_file_gets_the_usual_mode(tmp_path: Path, capsys) -> None:
    import os

    target = tmp_path / "plan.json"
    mask = os.umask(0o022)
    try:
        code, _, _ = run_main(["extract", str(DOCX), "-o", str(target)], capsys)
    finally:
        os.umask(mask)
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o644


def test_pdf_parser_option_reads_with_pdfminer_and_gives_the_same_records(capsys) -> None:
    pdf = SAMPLES / "jarvela-ilmasto-hrules.pdf"
    code, default, _ = run_main(["extract", str(pdf), "--format", "jsonl"], capsys)
    assert code == 0
    code, pdfminer, _ = run_main(["extract", str(pdf), "--format", "jsonl", "--pdf-parser", "pdfminer"], capsys)
    assert code == 0
    assert default == pdfminer and default.count("\n") == 15


def test_unknown_pdf_parser_is_a_one_line_usage_error(capsys) -> None:
    code, out, err = run_main(["extract", str(SAMPLES / "jarvela-ilmasto.pdf"), "--pdf-parser", "mupdf"], capsys)
    assert code == ExitCode.USAGE and out == ""
    assert err.count("\n") == 1 and "mupdf" in err and "pdfium" in err
