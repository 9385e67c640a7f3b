"""A bullet glyph whose box is shifted up from its line's text (Word's Symbol-font
bullet as LibreOffice prints it) does not raise the line: rows of a table with no
white space between them are found from the cells' first lines, and a bulleted first
line must stay level with its row's other first lines (held-out matrix, issue 10)."""

from __future__ import annotations

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
from planparse.extractors.pdf.words import Word, group_lines, make_line

SYMBOL_BULLET = "\uf0b7"
SIZE = 9.0
PITCH = 11.9  # line pitch; rows touch: the next row begins one pitch under the last line
SHIFT = 2.73  # the Symbol bullet's box sits this much above the text's


def _words(x: float, top: float, text: str, bold: bool = False, bullet: bool = False) -> list[Word]:
    out = []
    if bullet:
        out.append(Word(SYMBOL_BULLET, x, x + 3.7, top - SHIFT, top - SHIFT + SIZE, SIZE, False))
        x += 18
    for part in text.split():
        width = 4.5 * len(part)
        out.append(Word(part, x, x + width, top, top + SIZE, SIZE, bold))
        x += width + 2.2
    return out


def test_shifted_bullet_glyph_does_not_raise_the_line() -> None:
    line = make_line(_words(150, 272.33, "Avgiftsfri hobbyverksamhet", bullet=True), DEFAULT_SETTINGS)
    assert line.top == 272.33
    assert line.text.startswith(SYMBOL_BULLET)


def test_taller_bullet_glyph_keeps_the_line_box() -> None:
    """reportlab's bullet, larger than the text around it: its box encloses the text's."""
    words = [
        Word("•", 150, 155, 142.22, 152.22, 10.0, False),
        Word("Familjecentrets", 165, 215, 143.29, 151.29, 8.0, False),
        Word("öppna", 217, 237, 143.29, 151.29, 8.0, False),
    ]
    assert make_line(words, DEFAULT_SETTINGS).top == 142.22


def test_rows_touching_with_bulleted_first_lines_are_cut_at_the_bullets() -> None:
    cols = (60.0, 150.0, 320.0, 380.0, 460.0)
    heads = ("Fokusområde", "Åtgärder", "Tidsplan", "Ansvarig", "Indikatorer")
    rows = [  # (goal, action lines, schedule, owner, indicator lines); bulleted: lists
        ("Barnfamiljer", ["Hemservice för", "barnfamiljer utan", "remiss klient."], "2025–2026", "Familjetjänster", ["Antal familjer", "hemservice"]),
        ("Hobby", [["Avgiftsfri hobby", "verksamhet alla"], ["Utlåning öppnas", "i biblioteket"]], "2025–2027", "Fritid", [["Andel elever"], ["Antal utlånade"]]),
        ("Ungdom", ["Ungdomsgården", "håller öppet"], "2025", "Ungdomstjänster", ["Antal besökare"]),
        ("Elevhälsa", ["Kuratorns tid", "tryggas varje"], "2025–2028", "Bildning", [["Antal elever"], ["Andel elever", "lätt att få tid"]]),
        ("Frånvaro", [["En gemensam", "modell tas"], ["Programmet mot", "mobbning"]], "2026", "Rektorerna", ["Andel mobbade"]),
    ]
    words: list[Word] = []
    top = 100.0
    for x, head in zip(cols, heads):
        words += _words(x, top, head, bold=True)
    top += PITCH * 1.5
    row_tops = []
    for goal, actions, schedule, owner, indicators in rows:
        row_tops.append(top)
        heights = []
        for x, cell in ((cols[0], [goal]), (cols[1], actions), (cols[2], [schedule]), (cols[3], [owner]), (cols[4], indicators)):
            y = top
            for item in cell:
                bulleted = isinstance(item, list)
                for i, text in enumerate(item if bulleted else [item]):
                    words += _words(x, y, text, bullet=bulleted and i == 0) if not bulleted or i == 0 else _words(x + 18, y, text)
                    y += PITCH
            heights.append(y)
        top = max(heights)
    lines = group_lines(words, DEFAULT_SETTINGS)
    tables = find_borderless_tables(lines, [], 1, 842.0, DEFAULT_SETTINGS, None)
    assert len(tables) == 1
    grid = [[c.text for c in row.cells] for row in tables[0].rows]
    data = [r for r in grid if not r[0].startswith("Fokusområde")]
    assert [r[0] for r in data] == [g for g, *_ in rows]
    assert data[1][1].startswith(SYMBOL_BULLET) and "Avgiftsfri" in data[1][1]
    assert "Avgiftsfri" not in data[0][1]
    assert data[4][1].startswith(SYMBOL_BULLET) and "En gemensam" in data[4][1]
