"""A shaded header band alone at the foot of a scanned page heads the table overleaf
(issue 11, scan set G).

jarvela-ilmasto-shaded-header@fin-300 (and @eng-300, the 200-dpi skewed scans): the second
section's table starts at the foot of page 1 with its shaded header row only; every data row
is on page 2.  Born-digital pages have had `orphan_header_table` since issue 10; a scan page
never tried it (bold was not yet told on OCR text when it was written; pdf.scan.chars.glyphs.weight tells
it now).  The band was read as a heading and page 2's rows, with no header over them, fell
apart into four one-row tables, three of them no plan table: 5 of 15 records lost
(F1 0.80, fields 0.64 -> 1.00 / 0.97).  The characters are the scan's own, as the reader has
them: the section heading, the band (bold from its strokes) and the page number.
"""

from __future__ import annotations

import json
from pathlib import Path

CROP = Path(__file__).parent / "scan_crops" / "jarvela-shaded-header-p1-foot-chars.json"


def _chars() -> tuple[list[dict], float, float]:
    data = json.loads(CROP.read_text(encoding="utf-8"))
    chars = [
        {
            "object_type": "char", "text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "size": size, "fontname": font, "matrix": matrix, "upright": True, "non_stroking_color": [0.0, 0.0, 0.0], "ocr": True,
        }
        for t, x0, x1, top, bottom, size, font, matrix in data["chars"]
    ]
    return chars, data["width"], data["height"]


def test_shaded_header_band_at_a_scanned_page_foot_is_a_table_part() -> None:
    from planparse.extractors.pdf.reader import read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand

    chars, width, height = _chars()
    content, _words = read_page(chars, [], width, height, 1, DEFAULT_SETTINGS)
    assert content.tables and isinstance(content.tables[-1], HeaderBand)
    heads = [" ".join(line.text for line in cell.lines) for cell in content.tables[-1].rows[0].cells]
    assert heads == ["Kehittämistavoite", "Vastuu", "Toimenpiteet", "Aikataulu", "Mittarit", "Tila"]
    # the section heading stays a free line above the band
    assert any(line.text == "2 Hyvinvointi ja osallisuus" for line in content.lines)


def test_a_scanned_band_no_table_overleaf_takes_goes_back_to_the_page_s_lines() -> None:
    """@fin-150 and @eng-150: OCR lost the head "Tila", the band is a column short of the table
    overleaf and cannot be cut at its columns; kept, it stood between the two pages' parts and the
    first row of page 2 was lost (F1 0.80 -> 0.75).  Such a band goes back to the page's lines, and
    the page is read as before (pdf.reader.read_pages)."""
    from planparse.extractors.pdf.layout import PageContent
    from planparse.extractors.pdf.reader import _drop_band, _recut_header_band, read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS

    chars, width, height = _chars()
    content, _words = read_page(chars, [], width, height, 1, DEFAULT_SETTINGS)
    texts = [line.text for line in content.lines]
    overleaf = PageContent(number=2, width=width, height=height, tables=[], lines=[], ocr=True)
    assert _recut_header_band(content, overleaf, DEFAULT_SETTINGS) is False
    _drop_band(content)
    assert not content.tables
    assert sorted(line.text for line in content.lines) == sorted(texts + ["Kehittämistavoite Vastuu Toimenpiteet Aikataulu Mittarit Tila"])
    assert "Kehittämistavoite Vastuu Toimenpiteet Aikataulu Mittarit Tila" in [line.text for line in content.lines]
    assert [line.top for line in content.lines] == sorted(line.top for line in content.lines)


def test_a_band_a_head_short_heads_the_rows_overleaf_read_again_on_its_columns() -> None:
    """jarvela-ilmasto-shaded-header@fin-150 (scan set G): OCR lost the band's last head
    "Tila", so the band was a column short of the rows overleaf, went back to the page's
    lines, and page 2's rows, read with no header over them, fell apart into one-row tables:
    only 10 of 15 records (F1 0.80, fields 0.58 -> 1.00 / 0.85).  A scanned band whose heads
    fall one to a column overleaf, bar one empty column at its edge, heads that table, and the
    page is read again on the band's columns.  The reader's own characters of both pages."""
    from planparse.extractors.pdf.reader import _read_under_band, _recut_header_band, open_columns, read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand
    from tests.test_ocr_frame_table import _page_chars

    chars1, edges1, width, height = _page_chars("jarvela-shaded-header-fin150-p1-foot-words")
    page1, _w1 = read_page(chars1, edges1, width, height, 1, DEFAULT_SETTINGS)
    assert isinstance(page1.tables[-1], HeaderBand) and page1.tables[-1].n_cols == 5  # "Tila" lost
    chars2, edges2, width, height = _page_chars("jarvela-shaded-header-fin150-p2-words")
    page2, words2 = read_page(chars2, edges2, width, height, 2, DEFAULT_SETTINGS, open_columns(page1, DEFAULT_SETTINGS))
    assert len(page2.tables) > 1 and len(page2.tables[0].rows) == 1  # the rows in pieces
    assert _recut_header_band(page1, page2, DEFAULT_SETTINGS) is True
    band = page1.tables[-1]
    heads = [" ".join(line.text for line in cell.lines) for cell in band.rows[0].cells]
    assert heads == ["Kehittämistavoite", "Vastuu", "Toimenpiteet", "Aikataulu", "Mittarit", ""]
    page2, _words = _read_under_band(page1, page2, words2, chars2, edges2, width, height, 2, DEFAULT_SETTINGS)
    (table,) = page2.tables
    assert table.n_cols == 6 and len(table.rows) == 6
    # one row per action, each with its schedule (as OCR read it: "20242025" lost its dash)
    assert [" ".join(line.text for line in r.cells[3].lines)[:5] for r in table.rows] == ["20242", "2024-", "syksy", "20242", "2024", "2025"]


def test_a_born_digital_band_with_an_empty_head_heads_nothing() -> None:
    """Only a scan's band may leave a head empty (a head OCR lost): on a born-digital page
    every head is printed, and a band a column short is no header of the table overleaf."""
    from planparse.extractors.pdf.reader import read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import recut_at
    from tests.test_ocr_frame_table import _page_chars

    chars1, edges1, width, height = _page_chars("jarvela-shaded-header-fin150-p1-foot-words")
    page1, _w1 = read_page(chars1, edges1, width, height, 1, DEFAULT_SETTINGS)
    cols = [61.4, 146.6, 223.9, 355.4, 405.8, 495.1, 524.7]
    assert recut_at(page1.tables[-1], cols, DEFAULT_SETTINGS) is None
    assert recut_at(page1.tables[-1], cols, DEFAULT_SETTINGS, ocr=True) is not None


def test_a_skewed_band_that_lost_two_heads_at_its_edge_still_heads_the_rows_overleaf() -> None:
    """jarvela-ilmasto-shaded-header@eng-200-skew (set G remade with new sensor noise): OCR lost
    both "Mittarit" and "Tila", the band's last two heads, so it could not be cut at the six
    columns of the rows overleaf and page 2 fell apart into one-row tables (9 of 15 records).
    Two lost heads side by side at the edge are allowed while more heads fall one to a column
    (four here); a band whose heads fall two to a column, or lose as many as they keep, is not."""
    from planparse.extractors.pdf.reader import read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand, recut_at
    from tests.test_ocr_frame_table import _page_chars

    chars1, edges1, width, height = _page_chars("jarvela-shaded-header-eng200-p1-foot-words")
    page1, _w1 = read_page(chars1, edges1, width, height, 1, DEFAULT_SETTINGS)
    band = page1.tables[-1]
    assert isinstance(band, HeaderBand) and band.n_cols == 4
    cols = [61.0, 146.5, 224.0, 356.0, 406.0, 495.0, 524.3]  # page 2's table, as read
    recut = recut_at(band, cols, DEFAULT_SETTINGS, ocr=True)
    assert recut is not None
    assert [" ".join(line.text for line in cell.lines) for cell in recut.rows[0].cells] == [
        "Kehittiimistavoite", "Vastuu", "Toimenpiteet", "Aikataulu", "", ""]
    assert recut_at(band, cols, DEFAULT_SETTINGS) is None  # a born-digital band never
    assert recut_at(band, [61.0, 146.5, 224.0, 300.0, 356.0, 406.0, 450.0, 495.0, 524.3], DEFAULT_SETTINGS, ocr=True) is None
