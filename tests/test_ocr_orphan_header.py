"""A shaded header band alone at the foot of a scanned page heads the table overleaf
(issue 11, scan set G).

jarvela-ilmasto-shaded-header@fin-300 (and @eng-300, the 200-dpi skewed scans): the second
section's table starts at the foot of page 1 with its shaded header row only; every data row
is on page 2.  Born-digital pages have had `orphan_header_table` since issue 10; a scan page
never tried it (bold was not yet told on OCR text when it was written; pdf.scan.weight tells
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
