"""An OCR word boxed a little left of its column's edge, most of it right of the edge,
belongs to that column (issue 11, scan sets F and D).

koskenniemi-ikaihmiset-header-rule@fin-300 p. 2: the header repeated atop the page read
"Tavoitetila" from x 136.1, the goal column's edge carried from p. 1 stood at 136.8, so
the head went into the indicator column ("Mittari ja ta- Tavoitetila"), the row was no
repeat of the header and made a record of its heads (F1 0.91 -> 1.00 with the slack).
The words are the scan's own, as the reader had them.
"""

from __future__ import annotations

from dataclasses import replace

LINES = [  # (text, x0, x1, top, bottom, size, bold) per word, line by line
    [('Aika-', 42.7, 58.3, 45.7, 53.0, 7.3, False), ('Mittari', 76.3, 98.0, 45.7, 53.0, 7.3, True), ('ja', 103.2, 107.5, 45.7, 53.0, 7.3, True), ('ta-', 112.1, 118.7, 45.7, 53.0, 7.3, True), ('Tavoitetila', 136.1, 170.6, 45.7, 53.0, 7.3, True), ('Keinot', 193.9, 213.7, 45.7, 53.0, 7.3, False), ('Vastuu', 286.3, 307.1, 45.7, 53.0, 7.3, False), ('Resurs-', 336.2, 358.9, 45.7, 53.0, 7.3, False)],
    [('taulu', 42.0, 57.2, 56.5, 63.8, 7.3, False), ('voitetaso', 76.3, 103.3, 56.5, 63.8, 7.3, True), ('sit', 336.5, 342.2, 56.5, 63.8, 7.3, False)],
    [('avataan', 194.2, 215.0, 72.1, 79.4, 7.3, False), ('kirjastoautoon.', 220.3, 264.6, 72.1, 79.4, 7.3, False)],
]
CARRIED = [42.0, 75.83, 136.79, 193.43, 286.07, 335.99, 377.28]  # p. 1's column edges


def _lines():
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for words in LINES:
        ws = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in words]
        out.append(TextLine(ws, " ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, min(w.top for w in ws), max(w.bottom for w in ws), max(w.size for w in ws), all(w.bold for w in ws)))
    return out


def test_word_a_little_left_of_a_carried_edge_stays_in_its_column() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables

    tables = find_borderless_tables(_lines(), [], 2, 595.0, replace(DEFAULT_SETTINGS, ocr_text=1), carry=CARRIED)
    assert tables
    first = [c.text for c in tables[0].rows[0].cells]
    assert first[1].startswith("Mittari ja ta-") and "Tavoitetila" not in first[1]
    assert first[2] == "Tavoitetila"


def test_word_boxed_across_an_edge_counts_in_the_column_most_of_it_stands_in() -> None:
    """vake-osallisuus-hrules@fin-150 p. 2 (set D): "kaisinsoittokä" was boxed from 169.0 to
    225.0 where the action column starts at 171.1 (carried from p. 1): the goal took it and the
    record was lost (F1 0.96 -> 1.00).  A word with most of its width left of an edge stays left."""
    from planparse.extractors.pdf.tables.whitespace.borderless import _over_edge

    cols = [61.0, 171.1, 336.7, 425.5, 531.4]
    assert _over_edge(169.0, 225.0, cols) == 171.1
    assert _over_edge(140.0, 180.0, cols) == 140.0  # a goal word running past the edge
    assert _over_edge(169.0, None, cols) == 169.0  # born-digital: no OCR box to weigh
    assert _over_edge(169.8, 176.1, cols) == 169.8  # a short word near an edge: either column's
