"""A scanned header band cut at the columns of the table overleaf as OCR words are cut
(issue 11, scan set G).

koskenniemi-ikaihmiset-hrules@fin-150 (and @eng-150): the second section's header band stands
alone at the foot of page 1, its rows on page 2.  The band is cut anew at the columns of page
2's table, whose "Aikataulu" column begins at 343.4 pt; Tesseract boxed the head "Aika-" from
342.2 (22 pt of it right of the edge, "taulu" under it from 344.2).  The cut ran with the
born-digital settings, so the OCR allowance for a box a point or two off its column's edge
was never tried, and at 150 dpi a pixel is half a point: the header read "Vastuu Aika-" over
the owners and "taulu" over the schedule, and five records lost both (fields 0.79 / 0.81 ->
0.92 / 0.93).  The characters are the scan's own, as the reader has them.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

CROP = Path(__file__).parent / "scan_crops" / "koskenniemi-hrules-fin150-p1-foot-chars.json"
OVERLEAF_COLUMNS = [56.6, 137.0, 270.5, 343.4, 391.0, 479.8, 523.3]  # page 2's table, as the reader found it


def _page():
    from planparse.extractors.pdf.reader import read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS

    data = json.loads(CROP.read_text(encoding="utf-8"))
    chars = [
        {
            "object_type": "char", "text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "size": size, "fontname": font, "matrix": matrix, "upright": True, "non_stroking_color": [0.0, 0.0, 0.0], "ocr": True,
        }
        for t, x0, x1, top, bottom, size, font, matrix in data["chars"]
    ]
    content, _words = read_page(chars, data["edges"], data["width"], data["height"], 1, DEFAULT_SETTINGS)
    return content


def test_a_scanned_band_is_cut_at_the_columns_overleaf_with_the_ocr_allowance() -> None:
    from planparse.extractors.pdf.layout import PageContent
    from planparse.extractors.pdf.reader import _recut_header_band
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand

    content = _page()
    assert content.tables and isinstance(content.tables[-1], HeaderBand)
    first = SimpleNamespace(col_edges=OVERLEAF_COLUMNS, bbox=(56.6, 60.0, 523.3, 780.0), ruled=False)
    overleaf = PageContent(number=2, width=content.width, height=content.height, tables=[first], lines=[], ocr=True)
    assert _recut_header_band(content, overleaf, DEFAULT_SETTINGS) is True
    heads = [cell.text for cell in content.tables[-1].rows[0].cells]
    assert heads[:4] == ["Tavoitetila", "Keinot", "Vastuu", "Aika-\ntaulu"] and heads[5] == "Resurssit"
    assert heads[4].startswith("Mittari ja tavoi-")  # (a rule's end read as "—" beside it goes in the text repair)


def test_a_short_box_near_an_edge_stays_where_it_begins() -> None:
    """The band's allowance is a share of the word's width, at most OCR_EDGE_JITTER points:
    "ja" (6 pt) a point left of an edge, or a long word 2.5 points left, stays left of it."""
    from planparse.extractors.pdf.tables.whitespace.borderless import _over_edge

    from planparse.extractors.pdf.tables.whitespace.borderless import OCR_EDGE_JITTER

    cols = OVERLEAF_COLUMNS
    assert _over_edge(342.2, 365.4, cols, OCR_EDGE_JITTER) == 343.4  # "Aika-"
    assert _over_edge(342.4, 348.4, cols, OCR_EDGE_JITTER) == 342.4  # "ja"
    assert _over_edge(340.9, 380.0, cols, OCR_EDGE_JITTER) == 340.9  # 2.5 pt early
    # body rows take no jitter (pihlajavesi-lapset-nuoret-borderless@eng-150, set E: a row
    # cut in two on page 2 when they did)
    assert _over_edge(342.2, 365.4, cols) == 342.2
