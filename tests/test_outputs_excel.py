"""Excel outputs: the xlsx workbook, the Excel-friendly CSV, and the format taken from -o's extension."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from planparse.cli import main
from planparse.outputs import cells
from planparse.outputs.xlsx import write_workbook

from .conftest import EXPECTED, SAMPLES, load_json

openpyxl = pytest.importorskip("openpyxl")

DOCX = SAMPLES / "turku-yhta.docx"
PDF = SAMPLES / "jarvela-ilmasto.pdf"
needs_samples = pytest.mark.skipif(not (DOCX.exists() and PDF.exists()), reason="samples not built")


def _expected_plans() -> list[dict]:
    """Reviewed expected outputs (not planparse's own output) of three samples with extra columns."""
    names = ["turku-yhta.docx.json", "jarvela-ilmasto.pdf.json", "helsinki-kotoutuminen.pdf.json"]
    return [load_json(EXPECTED / name) for name in names if (EXPECTED / name).exists()]


def _book(plans: list[dict], path: Path):  # type: ignore[no-untyped-def]
    with open(path, "wb") as fh:
        write_workbook(plans, fh)
    return openpyxl.load_workbook(path)


def _sheet_rows(sheet) -> list[list]:  # type: ignore[no-untyped-def]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_holds_every_record_field_as_the_plan_says(tmp_path: Path) -> None:
    plans = _expected_plans()
    assert len(plans) == 3
    book = _book(plans, tmp_path / "plans.xlsx")
    assert book.sheetnames == ["records", "warnings", "indicators", "metadata"]
    sheet = book["records"]
    rows = _sheet_rows(sheet)
    header = rows[0]
    keys = list(dict.fromkeys(k for p in plans for r in p["records"] for k in r["extra"]))
    assert keys, "the samples have extra columns"
    assert header == cells.RECORD_COLUMNS + keys + ["page", "table", "row"]
    body = rows[1:]
    records = [(p, r) for p in plans for r in p["records"]]
    assert len(body) == len(records)
    for row, (plan, rec) in zip(body, records):
        got = dict(zip(header, row))
        assert got["document"] == plan["source"]["path"]  # contract 1.1: the input path as given
        for key in ("section", "goal_id", "goal", "action_id", "schedule"):
            assert got[key] == rec[key], (key, got[key], rec[key])
        for key in ("actions", "owners", "indicators"):  # one item per line inside the cell
            assert (got[key] or "").split("\n") == (rec[key] or [""]), key
        for key in keys:
            assert got[key] == rec["extra"].get(key)
        assert (got["page"], got["table"], got["row"]) == (rec["source"]["page"], rec["source"]["table"], rec["source"]["row"])
    # Ids are text cells (1.1 is not a number or a date), and the id columns are formatted as text.
    id_col = header.index("action_id") + 1
    ids = [sheet.cell(r, id_col) for r in range(2, sheet.max_row + 1) if sheet.cell(r, id_col).value]
    assert ids and all(c.data_type == "s" for c in ids)
    assert any("." in c.value for c in ids)
    assert all(c.number_format == "@" for c in ids)
    # Header row frozen and filtered, widths set, multi-line cells wrapped.
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(body) + 1}"
    assert all(sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width >= 6 for c in range(1, len(header) + 1))
    actions_col = header.index("actions") + 1
    multi = [sheet.cell(r, actions_col) for r in range(2, sheet.max_row + 1) if "\n" in (sheet.cell(r, actions_col).value or "")]
    assert multi and all(c.alignment.wrap_text for c in multi)


def test_workbook_warnings_indicators_metadata_sheets(tmp_path: Path) -> None:
    plan = {
        "schema": "planparse/1.1",
        "source": {"file": "a.pdf", "path": "kunta/a.pdf", "format": "pdf", "pages": 3, "sha256": "ab" * 32},
        "producer": {"planparse": "0.2.0", "lexicon": "voikko", "pdf_parser": "pdfium", "ocr": None},
        "title": "Hyvinvointisuunnitelma 2025–2028",
        "metadata": {"period": "2025–2028", "organization": "Järvelän kunta", "reference": "Dnro 123/2024",
                     "decision": {"body": "Kunnanvaltuusto", "date": "2024-12-11", "text": "Hyväksyttiin.",
                                  "presenter": {"name": "Maija M", "title": "johtaja", "phone": None, "email": None}},
                     "contacts": [{"name": "Pekka P", "title": "suunnittelija", "phone": "040 1", "email": "p(a)x.fi"}]},
        "records": [{"section": None, "goal_id": "1", "goal": "=HYPERLINK(\"http://x\")", "action_id": "1.1",
                     "actions": ["-5 % päästöistä", "@kaikki"], "owners": ["+tekninen"], "indicators": [],
                     "schedule": None, "extra": {}, "source": {"page": 2, "table": 1, "row": 1}}],
        "indicators": [{"name": "Nuorisotyöttömät", "ref": "28",
                        "values": [{"value": 7.9, "unit": "%", "group": "18–24-v."}, {"value": 1820, "unit": None, "group": None}],
                        "national": [{"value": 9.1, "unit": "%", "group": "koko maa"}], "sources": ["Sotkanet 2019"],
                        "main_goal": "Hyvinvointi", "goals": [{"goal_id": "1", "goal": "Työ", "note": None}], "source": {"page": 3}}],
        "warnings": [{"code": "table-skipped", "message": "table 2 has no goal column", "page": 3}],
    }
    book = _book([plan], tmp_path / "one.xlsx")
    records = _sheet_rows(book["records"])
    got = dict(zip(records[0], records[1]))
    assert got["document"] == "kunta/a.pdf"
    # Contract 1.1: a cell that would start a formula gets a leading '.
    assert got["goal"] == "'=HYPERLINK(\"http://x\")"
    assert got["actions"] == "'-5 % päästöistä\n@kaikki"  # the cell starts with "-"; the second line is no cell start
    assert got["owners"] == "'+tekninen"
    assert book["records"].cell(2, records[0].index("goal") + 1).data_type == "s"
    assert _sheet_rows(book["warnings"]) == [["document", "page", "code", "message"],
                                             ["kunta/a.pdf", 3, "table-skipped", "table 2 has no goal column"]]
    ind = dict(zip(*_sheet_rows(book["indicators"])))
    assert ind["name"] == "Nuorisotyöttömät" and ind["ref"] == "28" and ind["page"] == 3
    assert ind["values"] == "7.9 % 18–24-v.\n1820" and ind["national"] == "9.1 % koko maa"
    assert ind["goals"] == "1 Työ" and ind["sources"] == "Sotkanet 2019"
    meta = dict(zip(*_sheet_rows(book["metadata"])))
    assert meta["period"] == "2025–2028" and meta["decision_date"] == "2024-12-11"
    assert meta["presenter"] == "Maija M, johtaja"
    assert meta["contacts"] == "Pekka P, suunnittelija, 040 1, p(a)x.fi"
    assert meta["records"] == 1 and meta["warnings"] == 1
    assert json.loads(meta["producer"])["lexicon"] == "voikko"


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_calc_reads_back_every_cell(tmp_path: Path) -> None:
    """LibreOffice Calc opens the workbook; its CSV export of every sheet equals what was written."""
    if _soffice() is None:
        missing = "LibreOffice (soffice) not installed; the openpyxl tests above cover the content"
        if os.environ.get("CI"):
            pytest.fail(missing + ": .ci/run installs libreoffice-calc-nogui")
        pytest.skip(missing)
    plans = _expected_plans()
    path = tmp_path / "plans.xlsx"
    book = _book(plans, path)
    out = tmp_path / "csv"
    # Field separator 44 (,), text delimiter 34 ("), UTF-8 (76); raw values, not as shown; every sheet (-1).
    filter_options = "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run([_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", f"csv:{filter_options}", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    for name in book.sheetnames:
        written = [["" if v is None else str(v) for v in row] for row in _sheet_rows(book[name])]
        with open(out / f"plans-{name}.csv", encoding="utf-8", newline="") as fh:
            read = list(csv.reader(fh))
        assert len(read) == len(written), name
        for a, b in zip(read, written):
            assert a[: len(b)] == b and not any(a[len(b):]), (name, a, b)
    assert sum(len(row) for row in _sheet_rows(book["records"])) > 500  # a real amount of cells compared


@needs_samples
def test_output_extension_chooses_the_format(tmp_path: Path, capsys) -> None:
    """`-o tulos.csv` wrote JSON before; now the extension chooses, and --format still wins."""
    csv_path = tmp_path / "tulos.csv"
    assert main(["extract", str(DOCX), "-o", str(csv_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    expected = load_json(EXPECTED / "turku-yhta.docx.json")
    assert len(rows) == len(expected["records"]) and rows[0]["goal"] == expected["records"][0]["goal"]
    xlsx_path = tmp_path / "tulos.xlsx"
    assert main(["extract", str(DOCX), str(PDF), "-o", str(xlsx_path)]) == 0
    book = openpyxl.load_workbook(xlsx_path)
    documents = {row[0] for row in _sheet_rows(book["records"])[1:]}
    assert documents == {str(DOCX), str(PDF)}  # source.path: the paths as given
    forced = tmp_path / "data.csv"
    assert main(["extract", str(DOCX), "--format", "json", "-o", str(forced)]) == 0
    assert json.loads(forced.read_text(encoding="utf-8"))["source"]["file"] == DOCX.name
    capsys.readouterr()


@needs_samples
def test_csv_excel_has_bom_semicolons_and_the_same_cells(capsys) -> None:
    assert main(["extract", str(DOCX), "--format", "csv-excel"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffdocument;section;goal_id;")
    assert "\r\n" in out
    rows = list(csv.DictReader(io.StringIO(out[1:], newline=""), delimiter=";"))
    expected = load_json(EXPECTED / "turku-yhta.docx.json")["records"]
    assert len(rows) == len(expected)
    for row, rec in zip(rows, expected):
        assert row["goal"] == rec["goal"]
        assert row["owners"].split("\n") == rec["owners"]
    assert "järjestämistoiminnon" in out  # UTF-8 (Excel reads it as such because of the BOM)
