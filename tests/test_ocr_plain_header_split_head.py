"""A scanned header row whose boldness OCR did not tell keeps a head split by a lost sign as
one column (issue 11, scan set M).

kymenlaakso-lnp-header-rule@fin-150, p. 3: the head "mittari / to- / teutuminen" was read
"mittari" and "to-" 10 pt apart (Tesseract dropped the "/"), a column gap; the header row was
not told bold (one head of six is), so `_split_heads_joined` never judged the gap, "to-" started
a seventh column, and the second header row's "taan onnistu-", running on under it, ended the
region after one line: the header stood alone as a seven-column table (read as a record, "Missä
on"), the rest as a headless one whose goals 4 and 5 were lost (F1 0.81, fields 0.39 -> 0.91 /
0.49).  On OCR text a header line's boldness is no evidence either way, so the runs of any first
line are judged by the lines under it.  The crop is the reader's own words of the page's top.
"""

from __future__ import annotations

from tests.test_ocr_frame_table import _cell, _page_chars


def test_a_plain_ocr_header_row_keeps_a_head_cut_by_a_lost_sign_in_one_column() -> None:
    from planparse.extractors.pdf.reader import read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS

    chars, edges, width, height = _page_chars("kymenlaakso-header-rule-M-fin150-p3-header")
    content, _words = read_page(chars, edges, width, height, 3, DEFAULT_SETTINGS)
    table = content.tables[0]
    heads = [_cell(c) for c in table.rows[0].cells]
    assert len(heads) == 6
    assert heads[:3] == ["välitavoite", "toimenpide", "mittari to- teutuminen"]
    # the second header row is one row of the same table, its first head whole
    assert _cell(table.rows[1].cells[0]) == "Missä on onnistut- tava?"
    assert _cell(table.rows[2].cells[0]).startswith("4")
