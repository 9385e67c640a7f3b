"""A header band at a page's foot whose heads wrap into the foot margin (held-out matrix,
seed 12: kymenlaakso 2fb4aa50, reportlab, header rule, header not repeated, A4).

The heads' second lines ("aikatau-" / "lu") stood low enough to fall in the band where
running footers stand; the band was found without them, and they were left as a free
line taken for the heading of the table overleaf, whose rows then did not stitch."""

from __future__ import annotations

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.pages.orphan_header import orphan_header_lines, orphan_header_table
from planparse.extractors.pdf.words import Word, group_lines

COLS = (60.7, 151.6, 271.6, 309.8, 382.6, 466.2)
HEIGHT = 841.9


def _line(top: float, cells: list[str], size: float = 8.0, bold: bool = False) -> list[Word]:
    out = []
    for x, text in zip(COLS, cells):
        for part in text.split():
            width = 0.45 * size * len(part)
            out.append(Word(part, x, x + width, top, top + size, size, bold))
            x += width + 0.28 * size
    return out


def _foot(second_top: float, bold: bool = True) -> list:
    words = _line(700.8, ["", "", "", "", "", "Järjestöyhteistyö"])
    words += _line(734.0, ["PÄÄTAVOITE II: Lasten osallisuus vahvistuu"], size=11.0, bold=True)
    words += _line(756.1, ["mittari / toteutuminen", "toimenpide", "aikatau-", "välitavoite", "seuranta / arviointi /", "toimija(t) /"], bold=True)
    words += _line(second_top, ["", "", "lu", "", "ohjaus", "toteuttaja(t)"], bold=bold)
    words += _line(800.0, ["Sivu 2 (4)"])
    return group_lines(words, DEFAULT_SETTINGS)


def test_heads_wrapping_into_the_foot_margin_stay_in_the_band() -> None:
    band = orphan_header_lines(_foot(765.7), HEIGHT, DEFAULT_SETTINGS)
    assert [ln.text for ln in band][-1] == "lu ohjaus toteuttaja(t)"
    table = orphan_header_table(_foot(765.7), [], 2, HEIGHT, DEFAULT_SETTINGS)
    assert table is not None and len(table.rows) == 1
    assert [c.text for c in table.rows[0].cells][2] == "aikatau-\nlu"


def test_plain_margin_text_under_the_band_is_not_taken_in() -> None:
    band = orphan_header_lines(_foot(765.7, bold=False), HEIGHT, DEFAULT_SETTINGS)
    assert all("ohjaus" not in ln.text for ln in band)
