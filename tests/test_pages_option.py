"""`--pages` on every command: ranges, open ranges, `all`, pages beyond the end, DOCX."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planparse.cli import _register_commands, main
from planparse.cli.options import parse_pages
from planparse.errors import ExitCode
from planparse.settings import OPEN_END, selected_pages

from .conftest import SAMPLES

_register_commands()

PDF = SAMPLES / "turku-yhta.pdf"  # 11 pages
DOCX = SAMPLES / "turku-yhta.docx"
needs_samples = pytest.mark.skipif(not (PDF.exists() and DOCX.exists()), reason="samples not built")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("spec", "n", "pages"),
    [
        ("3-5,8", 11, [3, 4, 5, 8]),
        ("all", 11, list(range(1, 12))),
        ("9-", 11, [9, 10, 11]),
        ("9-end", 11, [9, 10, 11]),
        ("2,9-END", 11, [2, 9, 10, 11]),
        ("11-", 11, [11]),
    ],
)
def test_page_specs_resolve_against_the_page_count(spec: str, n: int, pages: list[int]) -> None:
    assert selected_pages(parse_pages(spec), n) == pages


@pytest.mark.parametrize("spec", ["5-3", "x", "3-x", "0", "-4"])
def test_bad_page_specs_are_value_errors(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_pages(spec)


def test_a_page_beyond_the_end_names_the_page_and_the_length() -> None:
    with pytest.raises(ValueError, match="no page 50: the document has 11 pages"):
        selected_pages((50,), 11)
    with pytest.raises(ValueError, match="no page 12"):
        selected_pages((12, OPEN_END), 11)


@needs_samples
def test_extract_pages_beyond_the_end_is_a_usage_error_with_empty_stdout(capsys) -> None:
    code, out, err = run(capsys, "extract", str(PDF), "--pages", "50")
    assert code == ExitCode.USAGE and out == ""
    assert "turku-yhta.pdf" in err and "no page 50" in err and "11 pages" in err and "Traceback" not in err


@needs_samples
def test_extract_open_range_reads_to_the_last_page(capsys) -> None:
    code, out, _ = run(capsys, "extract", str(PDF), "--pages", "10-")
    pages = {r["source"]["page"] for r in json.loads(out)["records"]}
    code2, out2, _ = run(capsys, "extract", str(PDF), "--pages", "10-end")
    assert code == code2 == 0 and out == out2
    assert pages and pages <= {10, 11}
    code, out_all, _ = run(capsys, "extract", str(PDF), "--pages", "all")
    code2, out_none, _ = run(capsys, "extract", str(PDF))
    assert code == code2 == 0 and out_all == out_none


@needs_samples
def test_docx_with_pages_warns_that_it_has_none(capsys) -> None:
    code, out, _ = run(capsys, "extract", str(DOCX), "--pages", "2")
    doc = json.loads(out)
    assert code == 0 and doc["records"]
    assert [w["code"] for w in doc["warnings"]] == ["pages-ignored"]


@needs_samples
def test_tables_takes_open_ranges(capsys) -> None:
    code, out, _ = run(capsys, "tables", str(PDF), "--pages", "11-end")
    assert code == 0 and {t["page"] for t in json.loads(out)["tables"]} == {11}
    code, _, err = run(capsys, "tables", str(PDF), "--pages", "12")
    assert code == ExitCode.USAGE and "no page 12" in err


@needs_samples
def test_inspect_draws_each_page_of_a_range(tmp_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "inspect", str(PDF), "--pages", "10-", "-o", str(tmp_path / "p.png"))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p-p10.png", "p-p11.png"]
    code, _, err = run(capsys, "inspect", str(PDF), "--pages", "12", "-o", str(tmp_path / "q.png"))
    assert code == ExitCode.USAGE and "no page 12" in err
    code, _, err = run(capsys, "inspect", str(DOCX), "--pages", "1", "-o", str(tmp_path / "d.png"))
    assert code == ExitCode.USAGE and "DOCX" in err


@needs_samples
def test_batch_passes_pages_to_every_file(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / PDF.name).write_bytes(PDF.read_bytes())
    code, _, _ = run(capsys, "batch", str(src), "-o", str(tmp_path / "out"), "--pages", "11-", "--jobs", "1")
    assert code == 0
    (output,) = [p for p in (tmp_path / "out").glob("*.json") if p.name != "report.json"]
    doc = json.loads(output.read_text(encoding="utf-8"))
    assert doc["records"] and {r["source"]["page"] for r in doc["records"]} == {11}
