"""Text rules added in planparse/1.1: invisible characters, valid UTF-8, spreadsheet-safe CSV.

Issue 15 item 11: NUL, bidi-override and zero-width characters reached the
output, a non-UTF-8 file name broke the output, and CSV cells starting with
`=`, `+`, `-`, `@` were written as is (formula injection).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import planparse
from planparse.model import Plan, Record, RecordSource, SourceInfo
from planparse.normalize.text import clean_text
from planparse.outputs.writers import make_writer, spreadsheet_safe

from .conftest import SAMPLES
from .fixtures_docx import make_docx, p, tbl, tr

FORBIDDEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
FORBIDDEN += ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"] + [chr(c) for c in range(0x202A, 0x202F)]
FORBIDDEN += [chr(c) for c in range(0x2066, 0x206A)]


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Toimen\x00pide", "Toimenpide"),
        ("tasa\u200b-arvo", "tasa-arvo"),
        ("\ufeffTavoite", "Tavoite"),
        ("abc\u202egnp.exe\u202c", "abcgnp.exe"),
        ("\u2066Helsinki\u2069 ja \u2067Espoo\u2069", "Helsinki ja Espoo"),
        ("escape\x1b[31m punainen", "escape[31m punainen"),
        ("C1\x9bkontrolli", "C1kontrolli"),
        ("rivi\tja\nrivi\r\nja\x85rivi", "rivi ja rivi ja rivi"),
        ("yhdys\u200dmerkki\u2060", "yhdysmerkki"),
        ("lone \udcff byte", "lone \ufffd byte"),
    ],
)
def test_clean_text_removes_invisible_characters(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_every_forbidden_character_is_removed() -> None:
    for ch in FORBIDDEN:
        assert clean_text(f"a{ch}b") in ("ab", "a b"), repr(ch)
    assert clean_text("a\tb\nc") == "a b c"


def test_docx_with_invisible_characters_gives_clean_output(tmp_path: Path, plan_validator) -> None:
    zw, bidi, bom, c1 = "\u200b", "\u202e", "\ufeff", "\u0085\u009b"
    path = make_docx(
        tmp_path / "hidden.docx",
        p(f"Suunni{zw}telma{bidi}", style="Title"),
        tbl(
            3,
            tr(f"{bom}Tavoite", f"Toimen{zw}piteet", f"Vastuu{bidi}taho", header=True),
            tr(f"Tasa{zw}-arvo lisääntyy{bidi}", f"Koulutetaan{c1} henkilöstö", f"Henkilöstö{bom}palvelut"),
        ),
    )
    doc = planparse.extract(path).to_dict()
    plan_validator.validate(doc)
    text = json.dumps(doc, ensure_ascii=False)
    leftovers = sorted({f"U+{ord(ch):04X}" for ch in text if ch in FORBIDDEN})
    assert not leftovers, leftovers
    assert doc["title"] == "Suunnitelma"
    record = doc["records"][0]
    assert (record["goal"], record["actions"], record["owners"]) == (
        "Tasa-arvo lisääntyy",
        ["Koulutetaan henkilöstö"],
        ["Henkilöstöpalvelut"],
    )


@pytest.fixture
def non_utf8_docx(tmp_path: Path) -> Path:
    sample = SAMPLES / "turku-yhta.docx"
    if not sample.exists():
        pytest.skip("samples not built")
    name = os.fsdecode(b"suunnitelma-\xff\xfe.docx")
    target = tmp_path / name
    try:
        shutil.copyfile(sample, target)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    return target


def test_non_utf8_file_name_is_shown_with_replacement_characters(non_utf8_docx: Path, plan_validator) -> None:
    doc = planparse.extract(non_utf8_docx).to_dict()
    plan_validator.validate(doc)
    assert doc["source"]["file"] == "suunnitelma-\ufffd\ufffd.docx"
    assert doc["source"]["path"].endswith("/suunnitelma-\ufffd\ufffd.docx")
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # valid UTF-8 throughout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "yaml"])
def test_cli_output_for_a_non_utf8_file_name_is_valid_utf8(non_utf8_docx: Path, fmt: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "planparse", "extract", os.fsencode(non_utf8_docx), "--format", fmt],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")  # raises if not valid UTF-8
    assert "suunnitelma-\ufffd\ufffd.docx" in out


def _plan_with(**fields) -> Plan:
    record = Record(source=RecordSource(1, 1, 1), **fields)
    return Plan(source=SourceInfo("x.pdf", "pdf", 1, "0" * 64, path="=evil.pdf"), records=[record])


def _csv_rows(plan: Plan) -> list[dict[str, str]]:
    stream = io.StringIO()
    writer = make_writer("csv", stream)
    writer.write(plan)
    writer.close()
    return list(csv.DictReader(io.StringIO(stream.getvalue())))


def test_csv_cells_that_would_run_as_formulas_get_a_quote() -> None:
    plan = _plan_with(
        goal="=HYPERLINK(\"http://x\",\"klikkaa\")",
        goal_id="-1",
        actions=["+358 40 123", "toinen"],
        owners=["@tiimi"],
        indicators=["Osuus kasvaa"],
        schedule="-2025",
        extra={"Tila": "=1+1"},
    )
    row = _csv_rows(plan)[0]
    assert row["document"] == "'=evil.pdf"
    assert row["goal"] == "'=HYPERLINK(\"http://x\",\"klikkaa\")"
    assert row["goal_id"] == "'-1"
    assert row["actions"] == "'+358 40 123\ntoinen"
    assert row["owners"] == "'@tiimi"
    assert row["indicators"] == "Osuus kasvaa"
    assert row["schedule"] == "'-2025"
    assert json.loads(row["extra"]) == {"Tila": "=1+1"}  # a JSON object: starts with "{"


def test_json_keeps_formula_like_text_as_is() -> None:
    plan = _plan_with(goal="=1+1", actions=["-vähennetään"], owners=["@tiimi"])
    for fmt in ("json", "jsonl"):
        stream = io.StringIO()
        writer = make_writer(fmt, stream)
        writer.write(plan)
        writer.close()
        line = json.loads(stream.getvalue().splitlines()[0] if fmt == "jsonl" else stream.getvalue())
        record = line if fmt == "jsonl" else line["records"][0]
        assert (record["goal"], record["actions"], record["owners"]) == ("=1+1", ["-vähennetään"], ["@tiimi"])


@pytest.mark.parametrize("value", ["=", "+", "-", "@", "\t", "\r"])
def test_spreadsheet_safe_covers_every_formula_start(value: str) -> None:
    assert spreadsheet_safe(value + "x") == "'" + value + "x"
    assert spreadsheet_safe("x" + value) == "x" + value
