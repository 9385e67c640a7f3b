"""LibreOffice renderings of kept-whole rows under a repeated header print every row
(layout matrix generator; held-out seed 12, rl-borderless-osallisuus c648ff19: A5, rows
kept whole, header repeated).

LibreOffice 7.4 printed the header and dropped every row of the table when its first
data row, kept whole, did not fit under the header at the page's foot: a one-page PDF
whose rows the expected-output locator could not find, so the rendering was skipped.
Such a rendering is made again with the first data row free to break (lo_rows)."""

from __future__ import annotations

import shutil

import pytest
from docx import Document

from samples.matrix.content import layout_spec, load_contents
from samples.matrix.dimensions import covering_design, dimensions
from samples.matrix.lo_rows import free_first_data_rows
from samples.matrix.render_docx import render_docx
from samples.matrix.soffice import convert_batch

CONTENTS = load_contents()
COMBO = {"content": "rl-borderless-osallisuus", "producer": "libreoffice", "ruling": "hrules", "header_repeat": "yes",
         "goal": "first-row-only", "columns": "one-narrow", "page": "a5", "font": "serif", "font_size": "9",
         "bullets": "none", "row_split": "kept-whole", "between_tables": "same-page", "furniture": "none"}


def _kept(path) -> list[bool]:
    table = Document(str(path)).tables[0]
    return [any(el.tag.endswith("}cantSplit") for el in row._tr.iter()) for row in table.rows]


def _docx(tmp_path, combo=COMBO):
    path = tmp_path / "kept.docx"
    render_docx(layout_spec(CONTENTS[combo["content"]], combo), path)
    return path


def test_combination_is_in_the_seed_12_design() -> None:
    assert COMBO in covering_design(dimensions(CONTENTS), seed=12)


def test_first_data_row_under_a_repeated_header_is_freed_once(tmp_path) -> None:
    path = _docx(tmp_path)
    assert _kept(path)[:2] == [False, True]
    assert free_first_data_rows(path)
    kept = _kept(path)
    assert kept[:2] == [False, False] and all(kept[2:])
    assert not free_first_data_rows(path)  # nothing left to free


def test_rows_under_a_header_printed_once_are_left_alone(tmp_path) -> None:
    path = _docx(tmp_path, {**COMBO, "header_repeat": "no"})
    assert not free_first_data_rows(path)
    assert all(_kept(path)[1:])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_every_row_prints_once_the_first_is_free(tmp_path) -> None:
    import pdfplumber

    spec = layout_spec(CONTENTS[COMBO["content"]], COMBO)
    path = _docx(tmp_path)
    free_first_data_rows(path)
    convert_batch([path], tmp_path)
    with pdfplumber.open(str(tmp_path / "kept.pdf")) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    for row in spec["tables"][0]["rows"]:  # each row's action opens with a word of five letters or more
        first = row["actions"][0].split()[0][:5]
        assert any(w.startswith(first) for w in words), first
