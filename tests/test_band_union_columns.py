"""A header band and the table overleaf that each run two columns together (held-out
matrix, seed 2026: kymenlaakso c80d3ff4, reportlab, no rules, header not repeated, one
narrow column, A4 landscape).

The band's heads "mittari / toteutumi-" and "aikataulu" stood closer than the run
threshold, so the band had five columns; overleaf "LNPter hen-" ran up to the next
column's "Perhekeskusten", so the rows had five other columns.  Taken together (no word
of either crossing an edge of the other) they are the table's six columns."""

from __future__ import annotations

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.pages.band_union import bold_band, union_columns
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand
from planparse.extractors.pdf.words import Word, group_lines

SIZE = 10.0
HEADS = [(55.0, "välitavoite"), (173.9, "toimenpide"), (370.4, "mittari / toteutumi-"), (490.0, "aikataulu"),
         (532.6, "toimija(t) / toteuttaja(t)"), (657.7, "seuranta / arviointi /")]


def _words(cells: list[tuple[float, str]], top: float, bold: bool) -> list[Word]:
    out = []
    for x, text in cells:
        for part in text.split():
            width = 0.45 * SIZE * len(part)
            out.append(Word(part, x, x + width, top, top + SIZE, SIZE, bold))
            x += width + 0.28 * SIZE
    return out


def _band() -> HeaderBand:
    lines = group_lines(_words(HEADS, 500.0, True), DEFAULT_SETTINGS)
    edges = [55.0, 173.9, 370.4, 532.6, 657.7, 768.5]  # "toteutumi-" and "aikataulu" read as one head
    return HeaderBand(6, (55.0, 500.0, 768.5, 510.0), edges, [], False, lines=lines, edges=[], header_rows=1)


def _part(owner: str) -> tuple[PageTable, list[Word]]:
    words = _words([(55.0, "1 Lapsi-"), (173.9, "1) perhekeskustyö"), (370.4, "1) Näyttöön"), (490.0, "2020 alkaen"),
                    (532.6, owner), (657.7, "Perhekeskusten")], 60.0, False)
    edges = [55.0, 173.9, 370.4, 490.0, 532.6, 786.0]  # "hen-" close to "Perhekeskusten": one column
    return PageTable(7, (55.0, 60.0, 786.0, 300.0), edges, [], False), words


def test_band_and_rows_overleaf_part_every_column_together() -> None:
    part, words = _part("1) LNPsos hen-")
    union = union_columns(_band(), part, words, DEFAULT_SETTINGS)
    assert union is not None
    assert [round(x, 1) for x in union] == [55.0, 173.9, 370.4, 490.0, 532.6, 657.7, 786.0]


def test_no_union_where_a_word_overleaf_crosses_the_band_edge() -> None:
    part, words = _part("1) LNPsos ja LNPter henkilöstö kaikki")  # runs across x = 657.7
    assert union_columns(_band(), part, words, DEFAULT_SETTINGS) is None


def test_bold_rows_alone_make_a_band_plain_rows_do_not() -> None:
    words = _words(HEADS, 500.0, True)
    table = PageTable(6, (55.0, 499.0, 768.5, 511.0), [55.0, 173.9, 370.4, 532.6, 657.7, 768.5], [], False)
    band = bold_band(table, words, [], DEFAULT_SETTINGS)
    assert isinstance(band, HeaderBand) and band.header_rows == len(table.rows) and len(band.lines) == 1
    assert bold_band(table, _words(HEADS, 500.0, False), [], DEFAULT_SETTINGS) is None
