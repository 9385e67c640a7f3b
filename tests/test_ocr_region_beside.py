"""A misread run Tesseract sized large, beside the line above it, does not end a whitespace
table (issue 11, scan set B).

kymenlaakso-lnp-hrules@eng-300 p. 4: the table ruled only across goes on from page 3.
"Kuntien tiloista vastaavat" in the owners column was read "A ASIST" with wide letters, so
it kept a 12.3 pt size (sizes.even_ocr_sizes: a heading's letters) beside body lines of
8.9 pt; standing 4 pt above the foot of the line before it, it was no heading, yet the
continued region ended there: the rest of row 2 was left as free lines and row 3 became a
table of its own, merged away (F1/fields 0.90/0.56 -> 0.94/0.63).  The words are the
scan's own, as the reader had them.
"""

from __future__ import annotations

from dataclasses import replace

LINES = [  # (text, x0, x1, top, bottom, size) per word, line by line
    [("—", 133.4, 136.2, 97.4, 106.3, 8.9), ("tuen", 145.0, 158.6, 97.4, 106.3, 8.9), ("jalkautuminen", 165.1, 215.9, 97.4, 106.3, 8.9), ("arki-", 223.2, 237.4, 97.4, 106.3, 8.9), ("—", 253.4, 256.2, 97.4, 106.3, 8.9), ("Asiakaskokemus", 265.4, 327.7, 97.4, 106.3, 8.9), ("—", 382.6, 385.3, 97.4, 106.3, 8.9), ("Johto", 394.6, 412.6, 97.4, 106.3, 8.9)],
    [("nan", 144.0, 154.4, 133.6, 142.5, 8.9), ("vahvistaminen", 161.0, 213.9, 133.6, 142.5, 8.9), ("(koh-", 221.8, 238.0, 133.6, 142.5, 8.9), ("la", 264.0, 268.2, 133.6, 142.5, 8.9), ("perhekeskus-", 273.4, 322.5, 133.6, 142.5, 8.9), ("—", 382.6, 385.3, 137.2, 146.1, 8.9), ("Kuntien", 395.0, 420.5, 137.2, 146.1, 8.9), ("tilois-", 427.2, 445.3, 137.2, 146.1, 8.9)],
    [("taamispaikkatoiminta)", 143.5, 226.0, 144.2, 153.1, 8.9), ("alueilla", 263.8, 288.3, 144.2, 153.1, 8.9)],
    [("A", 392.6, 396.2, 149.2, 157.2, 12.3), ("ASIST", 402.7, 434.7, 149.2, 157.2, 12.3)],
    [("Kontaamispalkc", 264.0, 322.7, 158.8, 167.7, 8.9), ("—", 382.6, 385.3, 163.0, 171.9, 8.9), ("Kymsoten", 395.0, 429.6, 163.1, 172.0, 8.9)],
    [("atoiminnan", 268.3, 307.6, 169.9, 178.8, 8.9), ("ar-", 314.9, 322.6, 169.9, 178.8, 8.9), ("kiinteistétoimi-", 393.1, 446.0, 173.7, 182.6, 8.9)],
    [("viointimittari", 263.8, 307.4, 180.7, 189.6, 8.9)],
    [("—", 253.4, 256.2, 195.8, 204.7, 8.9), ("3X10D", 265.7, 284.9, 195.8, 204.7, 8.9), ("tulokset", 292.8, 322.2, 195.8, 204.7, 8.9)],
    [("3", 61.0, 63.2, 214.3, 223.2, 8.9), ("—", 133.4, 136.2, 214.3, 223.2, 8.9), ("Tilojen", 145.0, 167.4, 214.3, 223.2, 8.9), ("—", 253.4, 256.2, 214.3, 223.2, 8.9), ("Asiakaskokemus", 265.4, 327.7, 214.3, 223.2, 8.9), ("2020", 344.6, 360.2, 214.3, 223.2, 8.9), ("—", 382.6, 385.3, 214.3, 223.2, 8.9), ("LNPsos", 395.0, 421.0, 214.3, 223.2, 8.9)],
]
STARTS = [60.7, 133.2, 253.2, 344.2, 382.3, 459.1]  # the columns carried from page 3


def _lines():
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for words in LINES:
        ws = [Word(t, x0, x1, top, bottom, size, False) for t, x0, x1, top, bottom, size in words]
        out.append(TextLine(ws, " ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, min(w.top for w in ws), max(w.bottom for w in ws), max(w.size for w in ws), False))
    return out


def test_a_large_ocr_run_beside_the_line_above_stays_in_the_region() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import grow_region

    assert grow_region(_lines(), 0, STARTS, replace(DEFAULT_SETTINGS, ocr_text=1)) == len(LINES)


def test_born_digital_larger_line_still_ends_the_region() -> None:
    """Printed text: a larger line is a heading, wherever it stands (the test is OCR's only)."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import grow_region

    assert grow_region(_lines(), 0, STARTS, DEFAULT_SETTINGS) == 3


def test_a_large_ocr_line_below_the_others_still_ends_the_region() -> None:
    """Set on a band of its own (below the foot of the line above), a larger OCR run is a heading."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import grow_region
    from planparse.extractors.pdf.words import TextLine

    lines = _lines()
    big = lines[3]
    lines[3] = TextLine(big.words, big.text, big.x0, big.x1, 154.0, 162.0, big.size, False)
    assert grow_region(lines, 0, STARTS, replace(DEFAULT_SETTINGS, ocr_text=1)) == 3
