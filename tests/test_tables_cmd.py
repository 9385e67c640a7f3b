"""`planparse tables`: raw detected grids as JSON, through typer's CliRunner.

Expectations come from the samples' structured sources (samples/src/*.yaml):
the meeting calendar of vake-osallisuus is a plain table, so its grid must
come out cell for cell in both the DOCX and the PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from planparse.cli import _register_commands, app, main
from planparse.errors import ExitCode
from planparse.extractors import read_document
from planparse.settings import ExtractOptions
from planparse.source import Source

from .conftest import SAMPLES

_register_commands()
runner = CliRunner()

VAKE_SRC = SAMPLES / "src" / "vake-osallisuus.yaml"
RULED_PDF = SAMPLES / "rl-ruled-hyvinvointi.pdf"


def _need(*paths: Path) -> None:
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"samples not built: {', '.join(missing)}")


def tables_json(*args: str) -> dict:
    result = runner.invoke(app, ["tables", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _flat(text: str | None) -> str | None:
    """A cell text with its printed line breaks turned into spaces (PDF cells wrap)."""
    return None if text is None else " ".join(text.split())


def _calendar() -> list[list[str]]:
    source = yaml.safe_load(VAKE_SRC.read_text(encoding="utf-8"))
    table = source["tables"][0]
    return [[str(x) for x in row] for row in table["headers"] + table["rows"]]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_calendar_grid_comes_out_cell_for_cell(suffix: str) -> None:
    path = SAMPLES / f"vake-osallisuus{suffix}"
    _need(path, VAKE_SRC)
    doc = tables_json(str(path))
    assert doc["file"] == path.name
    assert doc["format"] == suffix[1:]
    assert len(doc["tables"]) == 4  # the calendar and three plan tables
    first = doc["tables"][0]
    assert first["index"] == 1
    assert first["n_cols"] == 3
    assert first["n_rows"] == len(_calendar())
    assert [[_flat(c) for c in row] for row in first["rows"]] == _calendar()
    assert first["heading"] == yaml.safe_load(VAKE_SRC.read_text(encoding="utf-8"))["tables"][0]["section"]
    for table in doc["tables"]:
        assert all(len(row) == table["n_cols"] for row in table["rows"])


def test_docx_tables_have_no_page_or_box() -> None:
    path = SAMPLES / "turku-yhta.docx"
    _need(path)
    doc = tables_json(str(path))
    assert doc["pages"] is None
    (table,) = doc["tables"]
    assert table["page"] is None and table["bbox"] is None and table["parts"] == []
    assert table["n_cols"] == 6
    assert table["rows"][0][:4] == ["Tavoitteet", "Toimenpiteet", "Vastuutahot", "Seurannan mittarit"]


def test_pdf_tables_have_page_box_and_page_parts() -> None:
    _need(RULED_PDF)
    doc = tables_json(str(RULED_PDF))
    assert doc["format"] == "pdf" and doc["pages"] == 2
    assert [t["n_cols"] for t in doc["tables"]] == [5, 5, 5]
    for table in doc["tables"]:
        # Header rows are not removed: the printed header is the first row, line breaks and all.
        assert [_flat(c) for c in table["rows"][0]] == ["Tavoite", "Toimenpiteet", "Vastuutaho", "Mittari", "Aikataulu"]
        x0, top, x1, bottom = table["bbox"]
        assert 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 841.9  # A4 portrait, points
        assert table["parts"][0] == {"page": table["page"], "first_row": 0}
    # The second table runs over the page break: two parts, page 1 then page 2.
    assert [p["page"] for p in doc["tables"][1]["parts"]] == [1, 2]


def test_pages_option_limits_the_tables() -> None:
    _need(RULED_PDF)
    doc = tables_json(str(RULED_PDF), "--pages", "2")
    everything = tables_json(str(RULED_PDF))
    # Page 2 alone: the continued part of table 2 (its header repeated) and all of table 3.
    assert [t["page"] for t in doc["tables"]] == [2, 2]
    assert all(part["page"] == 2 for t in doc["tables"] for part in t["parts"])
    continued = everything["tables"][1]
    first_on_2 = next(p["first_row"] for p in continued["parts"] if p["page"] == 2)
    assert doc["tables"][0]["rows"] == continued["rows"][first_on_2:]
    assert doc["tables"][1]["rows"] == everything["tables"][2]["rows"]


@pytest.mark.parametrize("name", ["vake-osallisuus.docx", "helsinki-kotoutuminen.docx"])
def test_json_matches_the_extractor_grid(name: str) -> None:
    """The command prints the extractor's grid as is; a cell covered by a merge is null."""
    path = SAMPLES / name
    _need(path)
    raw = read_document(Source.from_path(path), ExtractOptions())
    doc = tables_json(str(path))
    for table, printed in zip(raw.tables, doc["tables"]):
        expected = [[None if (c.merged_from_above or c.span == 0) else c.text for c in row.cells] for row in table.rows]
        assert printed["rows"] == expected
    nulls = sum(cell is None for t in doc["tables"] for row in t["rows"] for cell in row)
    if name.startswith("helsinki"):
        # Goals printed once in a vertically merged cell (w:vMerge): the covered cells are null.
        assert nulls > 0
        rows = doc["tables"][0]["rows"]
        assert rows[1][0].startswith("1. ") and rows[2][0] is None and rows[2][1].startswith("1.2 ")
    else:
        # vake leaves the goal cell blank under its first row: printed empty, not merged.
        assert nulls == 0


def test_stdin_is_read_with_dash() -> None:
    path = SAMPLES / "vake-osallisuus.docx"
    _need(path)
    result = runner.invoke(app, ["tables", "-"], input=path.read_bytes())
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["file"] == "-" and len(doc["tables"]) == 4


def test_bad_pages_is_a_usage_error_with_nothing_on_stdout(capsys) -> None:
    _need(RULED_PDF)
    code = main(["tables", str(RULED_PDF), "--pages", "3-x"])
    out, err = capsys.readouterr()
    assert code == ExitCode.USAGE
    assert out == ""
    assert "bad page range" in err and len(err.strip().splitlines()) == 1


def test_missing_file_is_one_line(tmp_path: Path, capsys) -> None:
    code = main(["tables", str(tmp_path / "nope.pdf")])
    out, err = capsys.readouterr()
    assert code == ExitCode.INPUT_MISSING
    assert out == "" and "nope.pdf" in err and len(err.strip().splitlines()) == 1
