"""Two header rows of one plan, each missing a different head (issue 11, scan set G).

tests/scan_pages/jarvela-ilmasto-shaded-header-seed16@fin-200-skew.pdf is a held-out scan as
made (matrix seed 16's jarvela-ilmasto rendering: shaded header, printed skewed at 200 dpi and
OCR'd by Tesseract's fin model).  Page 1 holds a table under "1 Ilmasto ja ympäristö" and the
header row of the next one alone at its foot.  Tesseract read no "Mittarit" in the first
header row and no "Tila" in the second, and overleaf the second table's status words were
read into its indicator column, so that table has five columns to the first's six:

* the first table's indicators came out under an unnamed column in `extra`;
* pages.lost_heads.fill_lost_heads required the other table to print every other head
  (it lost "Tila") at the same column edges (it has one column fewer), so it named none.
  Now heads both rows read must agree (four do), and the other's columns need only start
  at this table's edges (multipage.column_map).

fields 0.72 -> 0.79.

With Tesseract installed, pdf.scan.reread reads "Mittarit" and the unread indicator cells
from the page image again (tests/test_ocr_reread.py), and no head is lost any more; this
test reads the text layer alone (no OCR engine), the case pages.lost_heads is for.
"""

from __future__ import annotations

from pathlib import Path

import planparse
from planparse.extractors.pdf.scan import ocr as scan_ocr

SCAN = Path(__file__).parent / "scan_pages" / "jarvela-ilmasto-shaded-header-seed16@fin-200-skew.pdf"


def test_the_head_one_header_row_lost_is_named_by_the_other(monkeypatch) -> None:
    def missing() -> None:
        raise ImportError("no pytesseract")

    monkeypatch.setattr(scan_ocr, "_engine", missing)  # the text layer alone: see the docstring
    records = planparse.extract(SCAN).to_dict()["records"]
    assert len(records) == 15
    assert records[0]["indicators"] == ["Öljylämmitteisten kiinteistöjen määrä"]
    # (as printed: the dash bullet Tesseract glued on is set apart, pdf.scan.bullets.split_glued_dashes)
    assert records[1]["indicators"] == ["Ilmastokriteerit sisältävien hankintojen osuus (%)"]
    assert records[5]["indicators"] == ["Selvitys valmis (kyllä/ei)"]
    assert all(set(r["extra"]) <= {"Tila"} for r in records[:9])
