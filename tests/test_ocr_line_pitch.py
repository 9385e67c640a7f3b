"""The typical OCR line pitch (extractors/pdf/tables/rowsplit/rows.py `ocr_line_pitch`) with a few pairs
of lines Tesseract placed close: the spacings are those of the held-out scan
kymenlaakso-lnp-shaded-header@fin-300 (page 1) and @fin-150 (page 3, column 1)."""

from __future__ import annotations

from planparse.extractors.pdf.tables.rowsplit.rows import column_blocks, ocr_line_pitch
from planparse.extractors.pdf.words import TextLine


def test_a_few_close_pairs_on_a_page_do_not_set_the_pitch() -> None:
    # 149 spacings: three pairs at 7.9-9.4 pt, the lines 11.5-12.3 pt apart, list items and rows further
    spacings = [7.9, 9.2, 9.4, 10.5] + [11.5] * 7 + [11.7] * 2 + [11.8] * 40 + [12.0] * 50 + [12.3] * 10 + [16.0] * 20 + [28.8] * 15
    assert 11.5 <= ocr_line_pitch(spacings) <= 12.3  # was 9.2: every line of the table a row of its own


def test_one_close_pair_in_a_column_does_not_set_its_pitch() -> None:
    assert ocr_line_pitch([8.7, 11.5, 12.0, 12.0, 12.0, 14.8, 15.8, 15.8, 28.8, 28.8, 64.8]) == 12.0  # was 8.7
    tops = [164.0, 172.7, 184.7, 196.7, 208.7, 236.0]  # "1" boxed low, then a four-line cell at 12 pt
    lines = [TextLine([], f"line {k}", 57.0, 110.0, t, t + 9.0, 9.0, False) for k, t in enumerate(tops)]
    assert [len(b.lines) for b in column_blocks(lines, 0, pitch=12.0, ocr=True)] == [5, 1]


def test_a_real_tight_pitch_among_wide_rows_still_counts() -> None:
    # one two-line cell (12 pt) among one-line rows 30 pt apart: 12 is the line pitch
    assert ocr_line_pitch([12.0, 29.0, 30.0, 30.0, 31.0]) == 12.0
    assert ocr_line_pitch([12.0, 12.4, 12.2, 30.0]) == 12.2
