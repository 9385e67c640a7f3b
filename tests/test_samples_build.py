"""Sanity of the built samples and their expected outputs (no LibreOffice needed).

The expected outputs are the ground truth the project is scored against, so
they are checked against what they claim: the committed sample files (sha256,
page count), the YAML they were built from (one record per printed row, in
order), the contract's text rules, and the rendered PDF itself (the page of
every record is where the row's first printed words are; the PDFs really are
hyphenated; the DOCX files carry the language and automatic hyphenation).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
EXPECTED = REPO / "tests" / "expected"


def _load_build():
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()
SPECS = build.load_specs()
CASES = [(spec, fmt) for spec in SPECS for fmt in spec.get("formats", ["docx", "pdf"])]
IDS = [f"{spec['name']}.{fmt}" for spec, fmt in CASES]


def expected(spec, fmt) -> dict:
    return json.loads((EXPECTED / f"{spec['name']}.{fmt}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def pdf_pages_text(path: Path) -> tuple[str, ...]:
    with pdfplumber.open(path) as pdf:
        return tuple(page.extract_text() or "" for page in pdf.pages)


def split_owners(paragraph: str) -> list[str]:
    """The contract's owner split: commas and semicolons outside parentheses."""
    items, depth, current = [], 0, ""
    for ch in paragraph:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [" ".join(i.split()) for i in items if i.strip()]


@pytest.mark.parametrize("spec,fmt", CASES, ids=IDS)
def test_expected_matches_the_committed_file(spec, fmt) -> None:
    doc = expected(spec, fmt)
    path = SAMPLES / doc["source"]["file"]
    assert path.exists(), f"{path} not committed"
    assert path.stat().st_size < 300_000, f"{path.name} is larger than 300 KB"
    assert doc["schema"] == "planparse/1.1"
    assert doc["metadata"] == build.expected_metadata(spec), "metadata differs from the YAML's"
    assert doc["source"]["format"] == fmt
    assert doc["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    if fmt == "pdf":
        with pdfplumber.open(path) as pdf:
            assert doc["source"]["pages"] == len(pdf.pages)
    else:
        assert doc["source"]["pages"] is None


@pytest.mark.parametrize("spec,fmt", CASES, ids=IDS)
def test_one_record_per_printed_row_in_order(spec, fmt) -> None:
    doc = expected(spec, fmt)
    wanted = [
        (t + 1, r + 1)
        for t, table in enumerate(spec["tables"])
        if not table.get("skipped")
        for r in range(len(table["rows"]))
    ]
    assert [(rec["source"]["table"], rec["source"]["row"]) for rec in doc["records"]] == wanted
    skipped = [t + 1 for t, table in enumerate(spec["tables"]) if table.get("skipped")]
    assert [w["code"] for w in doc["warnings"]] == ["table-skipped"] * len(skipped)


@pytest.mark.parametrize("spec,fmt", CASES, ids=IDS)
def test_texts_follow_the_contract_rules(spec, fmt) -> None:
    doc = expected(spec, fmt)
    texts = [doc["title"]]
    for rec in doc["records"]:
        texts += [rec["section"], rec["goal"], rec["schedule"], *rec["actions"], *rec["owners"], *rec["indicators"]]
        texts += list(rec["extra"].keys()) + list(rec["extra"].values())
        assert rec["goal_id"] is None or not rec["goal_id"].endswith(".")
        assert rec["action_id"] is None or not rec["action_id"].endswith(".")
    for text in texts:
        if text is None:
            continue
        assert unicodedata.is_normalized("NFC", text)
        assert text == " ".join(text.split()), f"whitespace not normalized: {text!r}"
        assert "\u00ad" not in text
        assert not re.match(r"^[-•–*] ", text), f"bullet marker kept: {text!r}"


@pytest.mark.parametrize("spec", [s for s in SPECS if not s.get("variant_of")], ids=lambda s: s["name"])
def test_printed_owner_paragraphs_split_into_the_expected_owners(spec) -> None:
    for table in spec["tables"]:
        if table.get("skipped"):
            continue
        col = next(c for c in table["columns"] if c["field"] == "owners")
        for row in table["rows"]:
            printed = build.printed_paragraphs(row, col, table)
            parts = [p[len(table.get("bullet", "")) :] if table.get("bullet") and p.startswith(table["bullet"]) else p for p in printed]
            split = [o for p in parts for o in split_owners(p)]
            assert split == [" ".join(o.split()) for o in row.get("owners") or []], row.get("owners")


PDF_CASES = [(s, f) for s, f in CASES if f == "pdf"]


@pytest.mark.parametrize("spec,fmt", PDF_CASES, ids=[f"{s['name']}.pdf" for s, _ in PDF_CASES])
def test_record_pages_are_where_the_rows_start(spec, fmt) -> None:
    doc = expected(spec, fmt)
    pages = pdf_pages_text(SAMPLES / doc["source"]["file"])
    squashed = [build.squash(text) for text in pages]
    previous = 1
    for rec in doc["records"]:
        page = rec["source"]["page"]
        assert previous <= page <= len(pages)
        previous = page
        table = spec["tables"][rec["source"]["table"] - 1]
        row = table["rows"][rec["source"]["row"] - 1]
        col = next(c for c in table["columns"] if c["field"] == "actions")
        printed = build.printed_paragraphs(row, col, table) or [row["goal"]]
        # the first word of the row's first printed action is on its page
        first_word = build.squash(printed[0].split()[0] if build.squash(printed[0].split()[0]) else printed[0])[:7]
        assert first_word in squashed[page - 1], f"{first_word!r} not on page {page} ({rec['source']})"


@pytest.mark.parametrize("spec,fmt", PDF_CASES, ids=[f"{s['name']}.pdf" for s, _ in PDF_CASES])
def test_pdf_breaks_words_with_hyphens(spec, fmt) -> None:
    text = "\n".join(pdf_pages_text(SAMPLES / f"{spec['name']}.pdf"))
    broken = [line for line in text.splitlines() if re.search(r"\w-$", line)]
    assert len(broken) >= 10, f"only {len(broken)} hyphenated line ends: is hyphenation on?"


DOCX_CASES = [s for s, f in CASES if f == "docx"]


@pytest.mark.parametrize("spec", DOCX_CASES, ids=[s["name"] for s in DOCX_CASES])
def test_docx_sets_language_and_auto_hyphenation(spec) -> None:
    with zipfile.ZipFile(SAMPLES / f"{spec['name']}.docx") as z:
        settings = z.read("word/settings.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    assert '<w:autoHyphenation w:val="true"/>' in settings
    assert f'w:lang w:val="{spec.get("language", "fi-FI")}"' in styles


@lru_cache(maxsize=None)
def pdf_plain_words(path: Path) -> tuple[tuple[dict, ...], ...]:
    """Per page, the words that are not bold (bold = header rows and headings)."""
    with pdfplumber.open(path) as pdf:
        return tuple(
            tuple(
                dict(w, page_height=p.height)
                for w in p.filter(lambda o: o.get("object_type") != "char" or "Bold" not in o.get("fontname", "")).extract_words()
            )
            for p in pdf.pages
        )


def column_texts(spec, table, pdf_path: Path) -> list[str]:
    """Each column's text over the whole PDF, squashed, in reading order.

    Only the text area counts: running headers and page numbers sit in the
    page margins.
    """
    margin = spec.get("margin_cm", 2.0) / 2.54 * 72
    out = []
    for x0, x1 in build.column_ranges(spec, table):
        text = ""
        for words in pdf_plain_words(pdf_path):
            body = [w for w in words if w["top"] > margin - 2 and w["bottom"] < w["page_height"] - margin + 2]
            inside = sorted((w for w in body if x0 <= w["x0"] < x1), key=lambda w: (round(w["top"]), w["x0"]))
            text += "".join(build.squash(w["text"]) for w in inside)
        out.append(text)
    return out


TEXT_CASES = [s for s, f in CASES if f == "pdf" and not s.get("rotate_pages")]


@pytest.mark.parametrize("spec", TEXT_CASES, ids=[s["name"] for s in TEXT_CASES])
def test_every_expected_text_is_printed_in_its_column(spec) -> None:
    """The records' texts, in order, are what the PDF prints in each column.

    Letters and digits only (line breaks, hyphens and spaces vanish), so this
    catches a word the YAML has and the page does not, or the other way round.
    """
    pdf_path = SAMPLES / f"{spec['name']}.pdf"
    cursors: dict[int, int] = {}
    for t_index, table in enumerate(spec["tables"]):
        if table.get("skipped"):
            continue
        texts = column_texts(spec, table, pdf_path)
        cursors = {}
        layout = build.goal_layout(table)
        for r_index, row in enumerate(table["rows"]):
            for c, col in enumerate(table["columns"]):
                if col["field"] == "goal" and layout[r_index] != "print":
                    continue
                cell = build.squash(" ".join(build.printed_paragraphs(row, col, table)))
                if not cell:
                    continue
                at = texts[c].find(cell, cursors.get(c, 0))
                assert at >= 0, f"table {t_index + 1} row {r_index + 1} column {c + 1}: {cell[:60]!r} not printed in order"
                cursors[c] = at + len(cell)


@pytest.mark.parametrize("spec,fmt", CASES, ids=IDS)
def test_expected_records_are_the_yaml_rows(spec, fmt) -> None:
    """The committed expected output is in step with samples/src (no stale edits)."""
    doc = expected(spec, fmt)
    pages = {(r["source"]["table"] - 1, r["source"]["row"] - 1): r["source"]["page"] for r in doc["records"]}
    table_pages = [None] * len(spec["tables"])
    skipped = [i for i, t in enumerate(spec["tables"]) if t.get("skipped")]
    for index, warning in zip(skipped, doc["warnings"]):
        table_pages[index] = warning["page"]
    path = SAMPLES / doc["source"]["file"]
    if fmt == "pdf":
        rebuilt = build.expected_document(spec, path, "pdf", pages, table_pages, doc["source"]["pages"])
    else:
        rebuilt = build.expected_document(spec, path, "docx")
    assert rebuilt == doc
