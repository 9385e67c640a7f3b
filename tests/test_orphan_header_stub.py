"""A header row at the foot of a page under its section heading, with the first line of
the table's first row cut by the page break (held-out matrix, issue 10): the header and
the cut row's first line make a table part that stitching joins to the page overleaf,
not a heading taken for the next table's section."""

from __future__ import annotations

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.pages.orphan_header import orphan_header_lines, orphan_header_table
from planparse.extractors.pdf.words import Word, group_lines

COLS = (72.0, 277.0, 595.0, 780.0, 986.0)


def _line(top: float, cells: list[str], size: float = 10.0, bold: bool = False) -> list[Word]:
    out = []
    for x, text in zip(COLS, cells):
        for part in text.split():
            width = 0.5 * size * len(part)
            out.append(Word(part, x, x + width, top, top + size, size, bold))
            x += width + 0.28 * size
    return out


def _foot(stub: bool) -> list:
    words = _line(470.0, ["Text of the page above the heading"])
    words += _line(497.4, ["Työikäisten terveys ja toimintakyky"], size=14.0, bold=True)
    words += _line(514.7, ["Tavoite", "Toimenpiteet", "Vastuutaho", "Mittari", "Aikataulu"], bold=True)
    if stub:
        words += _line(527.9, ["4. Työikäisten liikunta-", "Tarjotaan neuvontaa", "Liikuntapalvelut,", "1) Asiakas-", "Jatkuva"])
    return group_lines(words, DEFAULT_SETTINGS)


def test_header_band_under_a_larger_heading_is_found() -> None:
    band = orphan_header_lines(_foot(False), 842.0, DEFAULT_SETTINGS)
    assert [ln.text for ln in band] == ["Tavoite Toimenpiteet Vastuutaho Mittari Aikataulu"]


def test_header_band_with_the_cut_first_row_is_a_two_row_part() -> None:
    table = orphan_header_table(_foot(True), [], 1, 842.0, DEFAULT_SETTINGS)
    assert table is not None
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Tavoite", "Toimenpiteet", "Vastuutaho", "Mittari", "Aikataulu"]
    assert rows[1][0] == "4. Työikäisten liikunta-" and rows[1][4] == "Jatkuva"


def test_plain_text_under_a_bold_line_is_no_header_band() -> None:
    words = _line(497.4, ["A bold lead-in", "beside"], bold=True)
    words += group_lines(_line(512.0, ["Then a paragraph of ordinary text that runs on"]), DEFAULT_SETTINGS)[0].words
    assert orphan_header_lines(group_lines(words, DEFAULT_SETTINGS), 842.0, DEFAULT_SETTINGS) == []
