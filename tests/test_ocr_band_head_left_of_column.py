"""A header band at a scanned page's foot, cut at the columns overleaf, where a head starts
left of its column's body text (pdf.tables.pages.orphan_header.recut_at; issue 11, scan set E).

kymenlaakso-lnp-shaded-header@fin-300 p. 1 ends with the shaded header band of the table
that goes on on p. 2.  Once the heads' strokes were weighed over the usual box height
(pdf.scan.chars.glyphs.weight: an accent lifts a Tesseract line box, 3c21e5b) the band was told bold and
became the header of the rows overleaf, cut at their columns; but the indicators' text
overleaf starts at 361 pt (its bullets OCR dropped) while the head "mittari" starts at
351 pt: cut there, "mittari" and "Miten" crossed into the actions' column, whose header
read "toimenpide mittari", and three records lost their actions (F1 0.76 -> 0.67).  An inner
edge overleaf moves left to the band's own edge standing within two line sizes before it.
The characters are the reader's own of both pages (bold told), stored word by word.
"""

from __future__ import annotations


def _pages():
    from planparse.extractors.pdf.reader import open_columns, read_page
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from tests.test_ocr_frame_table import _page_chars

    chars1, edges1, width, height = _page_chars("kymenlaakso-shaded-header-fin300-p1-foot-words")
    page1, _w1 = read_page(chars1, edges1, width, height, 1, DEFAULT_SETTINGS)
    chars2, edges2, width, height = _page_chars("kymenlaakso-shaded-header-fin300-p2-words")
    page2, _w2 = read_page(chars2, edges2, width, height, 2, DEFAULT_SETTINGS, open_columns(page1, DEFAULT_SETTINGS))
    return page1, page2


def _heads(band) -> list[str]:
    return [" ".join(line.text for line in cell.lines) for cell in band.rows[0].cells]


def test_the_band_is_cut_where_its_heads_start() -> None:
    from planparse.extractors.pdf.reader import _recut_header_band
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand

    page1, page2 = _pages()
    assert isinstance(page1.tables[-1], HeaderBand)
    assert 358 < page2.tables[0].col_edges[2] < 364  # the indicators' text overleaf, right of the head
    assert _recut_header_band(page1, page2, DEFAULT_SETTINGS) is True
    heads = _heads(page1.tables[-1])
    assert heads[1].startswith("toimenpide") and "mittari" not in heads[1] and "Miten" not in heads[1]
    assert heads[2].startswith("mittari / toteutuminen")
    assert heads[0].startswith("välitavoite") and heads[3].startswith("aikataulu")


def test_cut_at_the_body_text_s_edge_the_head_crosses_into_the_column_before(monkeypatch) -> None:
    """The mechanism: at the columns overleaf as they are, "mittari" goes with "toimenpide"."""
    from planparse.extractors.pdf.reader import _recut_header_band
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.pages import orphan_header

    monkeypatch.setattr(orphan_header, "_heads_edges", lambda cols, own, reach: list(cols))
    page1, page2 = _pages()
    assert _recut_header_band(page1, page2, DEFAULT_SETTINGS) is True
    assert "mittari" in _heads(page1.tables[-1])[1]


def test_only_a_head_crossing_an_edge_near_it_moves_the_edge() -> None:
    from planparse.extractors.pdf.tables.pages.orphan_header import _heads_edges
    from planparse.extractors.pdf.words import Word

    def w(text: str, x0: float, x1: float) -> Word:
        return Word(text, x0, x1, 100.0, 107.0, 7.0, True)

    cols = [55.0, 167.0, 361.0, 491.0, 549.0]
    mittari = w("mittari", 351.4, 371.9)
    assert _heads_edges(cols, [w("toimenpide", 167.2, 205.4), mittari], 14.0) == [55.0, 167.0, 351.4, 491.0, 549.0]
    assert _heads_edges(cols, [w("mittari", 340.0, 371.9)], 14.0) == cols  # too far before
    assert _heads_edges(cols, [w("mittari", 351.4, 360.0)], 14.0) == cols  # ends before the edge
    assert _heads_edges(cols, [w("—", 351.4, 371.9)], 14.0) == cols  # a rule's end, no head
    assert _heads_edges(cols, [mittari, w("toimenpide", 340.0, 352.0)], 14.0) == cols  # the move would cut a head
