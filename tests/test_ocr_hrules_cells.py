"""Cells of a scanned table ruled only across (issue 11, scan set G).

koskenniemi-ikaihmiset-hrules@fin-300 p. 1, the words and image as the reader has them:

* the indicator cell "osuus (tavoite 70" / "%)": Tesseract boxed the lone "%)" 13 pt tall
  beside 10 pt body lines.  Too short to be measured by its letters, it kept that size and
  read as a heading: the table ended above it, "%)" became the section of the next group's
  records and their table lost its header (fields 0.75 -> 0.85 with the cut years below).
  A line with no letter at all is no title or heading.
* the schedule cells "Q1/202" / "6", "Q3/202" / "5": a narrow column's line full, the year
  cut without a hyphen.  An OCR line's box was given no cell edge at all, so `fills_cell`
  never said so and the year read "Q1/202 6".  The column's text edge is enough for that
  flag (the OCR boxes hug the ink); the short-line flag stays off.  The same flag joins
  "Muut lapsi/nu" / "orisotoimijat" in every record of kymenlaakso-lnp-hrules.
* the Q of the cut "Q3/202" read as a zero, the year's last digit on the next line: the
  glyph test of pdf.scan.chars.glyphs.quarters now takes the cut year's six glyphs (and a Q read as O).
"""

from __future__ import annotations

from dataclasses import replace

from tests.test_ocr_phantom_marks import _crop

# (text, x0, x1, top, bottom, size) of the words the reader hands to even_ocr_sizes, p. 1, 440-525 pt
WORDS = [
    ("käyttöön", 139.0, 172.7, 450.3, 460.3, 10.0), ("palveluseteli", 180.0, 231.3, 450.3, 460.3, 10.0), ("ja", 238.1, 243.5, 450.3, 460.3, 10.0),
    ("omaishoidon", 272.6, 324.1, 450.3, 460.3, 10.0), ("omaishoitajien", 392.9, 452.7, 450.3, 460.3, 10.0), ("alueen", 480.0, 504.1, 450.3, 460.3, 10.0),
    ("ta-", 511.0, 519.6, 450.3, 460.3, 10.0), ("kotiin", 139.0, 160.8, 464.7, 474.7, 10.0), ("annettava", 167.8, 205.1, 464.7, 474.7, 10.0),
    ("sijaishoito.", 212.4, 255.6, 464.7, 474.7, 10.0), ("tuki", 272.2, 285.6, 464.7, 474.7, 10.0), ("osuus", 392.9, 412.9, 464.7, 474.7, 10.0),
    ("(tavoite", 420.7, 449.9, 464.7, 474.7, 10.0), ("70", 457.4, 464.0, 464.7, 474.7, 10.0), ("lousarvio", 479.8, 516.0, 464.7, 474.7, 10.0),
    ("%)", 392.6, 400.6, 478.3, 491.3, 13.0),
    ("2.", 57.4, 61.8, 499.2, 509.2, 10.0), ("Asiointi", 67.7, 98.8, 499.2, 509.2, 10.0), ("ja", 105.6, 111.0, 499.2, 509.2, 10.0),
    ("1)", 139.7, 144.8, 499.2, 509.2, 10.0), ("2.1", 151.2, 160.6, 499.2, 509.2, 10.0), ("Palveluliikenteen", 167.5, 239.1, 499.2, 509.2, 10.0),
    ("Joukkoliiken-", 272.4, 328.1, 499.2, 509.2, 10.0), ("Q3/202", 344.4, 371.8, 499.2, 509.2, 10.0), ("1)", 393.4, 398.5, 499.2, 509.2, 10.0),
    ("Palveluliiken-", 404.6, 461.8, 499.2, 509.2, 10.0), ("—45", 479.8, 487.3, 499.2, 509.2, 10.0), ("000", 493.4, 505.1, 499.2, 509.2, 10.0),
    ("€/v", 512.6, 523.1, 499.2, 509.2, 10.0), ("liikkuminen", 57.1, 105.3, 513.6, 523.6, 10.0), ("on-", 113.0, 123.7, 513.6, 523.6, 10.0),
    ("reitit", 139.0, 156.7, 513.6, 523.6, 10.0), ("ja", 162.0, 167.4, 513.6, 523.6, 10.0), ("aikataulut", 173.3, 212.1, 513.6, 523.6, 10.0),
    ("suunni-", 219.4, 247.9, 513.6, 523.6, 10.0), ("ne,", 272.4, 281.6, 513.6, 523.6, 10.0), ("vanhus-", 288.0, 318.2, 513.6, 523.6, 10.0),
    ("5", 344.6, 346.8, 513.6, 523.6, 10.0), ("teen", 392.4, 406.8, 513.6, 523.6, 10.0), ("matkustaja-", 413.8, 460.4, 513.6, 523.6, 10.0),
]

# the schedule column (x 344-372) under its head, one cell per row: (text, x0, x1, top, bottom)
SCHEDULE = [
    [("2025—", 344.4, 367.0, 216.9, 227.0), ("2027", 344.4, 361.5, 231.6, 241.7)],
    [("2.vuo-", 344.4, 370.3, 280.5, 290.6), ("sipuo-", 344.4, 367.2, 295.4, 305.5), ("lisko", 344.2, 361.4, 309.8, 319.9), ("2025", 344.4, 361.3, 324.2, 334.3)],
    [("Q1/202", 344.4, 371.6, 420.9, 431.0), ("6", 344.4, 346.8, 435.5, 445.6)],
    [("Q3/202", 344.4, 371.8, 499.1, 509.2), ("5", 344.6, 346.8, 513.5, 523.6)],
    [("2026", 344.4, 361.5, 610.5, 620.6)],
]


def test_a_line_of_signs_boxed_tall_is_no_heading() -> None:
    from planparse.extractors.pdf.scan.sizes import even_ocr_sizes
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import grow_region
    from planparse.extractors.pdf.words import Word, group_lines

    words = even_ocr_sizes([Word(t, x0, x1, top, bottom, size, False) for t, x0, x1, top, bottom, size in WORDS])
    sizes = {w.text: w.size for w in words}
    assert sizes["%)"] == sizes["osuus"]
    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    lines = group_lines(words, settings)
    starts = [57.1, 139.0, 272.2, 344.4, 392.4, 479.8]
    assert grow_region(lines, 0, starts, settings) == len(lines)  # "%)" and the next row stay in the table


def test_a_year_cut_where_an_ocr_line_is_full_closes_up() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.grid import GridCell, assemble_rows
    from planparse.extractors.pdf.words import Word

    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    cells = []
    for r, cell in enumerate(SCHEDULE):
        words = [Word(t, x0, x1, top, bottom, 10.1, False) for t, x0, x1, top, bottom in cell]
        cells.append(GridCell(r, r + 1, 0, 1, (343.0, words[0].top - 3, 392.0, words[-1].bottom + 3), words))
    rows = assemble_rows(cells, len(cells), 1, 1, [c.bbox for c in cells], settings)
    flags = {line.text: (line.fills_cell, line.ends_short) for row in rows for line in row.cells[0].lines}
    assert flags["Q1/202"] == (True, False) and flags["Q3/202"] == (True, False)
    assert not flags["lisko"][0] and not flags["2027"][0]  # lines ending short of the edge


def test_the_q_of_a_cut_quarter_is_told_by_its_width() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.quarters import quarter_letters

    chars, ink, _scale = _crop("koskenniemi-hrules-p1-quarter-cut")
    assert "".join(c["text"] for c in chars).strip() == "03/202"
    fixed = quarter_letters(ink, chars)
    assert "".join(c["text"] for c in fixed).strip() == "Q3/202"
