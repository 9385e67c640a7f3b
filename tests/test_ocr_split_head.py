"""A head of a bold header row that OCR split in two runs does not keep the table from
starting at its header row (issue 11, scan set F).

pihlajavesi-lapset-nuoret-shaded-header@fin-300 (and @eng-300) p. 1: Tesseract boxed
"Seurannan" and "mittarit" 9.1 pt apart, one column gap of 10 pt type, so the bold header
row had six runs.  The first body line's indicator text ("- Palveluohjaukseen ohjautu-")
runs from under "Seurannan" on under "mittarit", so the region anchored on the header ended
at once; a region anchored on the first body line had no goal column (the goal, centred in
its merged cell, starts only lower down) and ended at the goal's first line.  Each scan
gave 0 records of 14.  Lines under the row run across the gap and none starts under
"mittarit": the two runs are one head.  The words are the scan's own, as the reader had them.
"""

from __future__ import annotations

from dataclasses import replace

LINES = [  # (text, x0, x1, top, bottom, size, bold) per word, line by line
    [('Painopiste', 51.8, 96.8, 137.8, 147.8, 10.0, True), ('Toimenpiteet', 192.5, 249.9, 137.8, 147.8, 10.0, True), ('Vastuutaho(t)', 425.0, 484.5, 138.0, 148.0, 10.0, True), ('Toteutusaika', 558.2, 615.2, 138.0, 148.0, 10.0, True), ('Seurannan', 641.5, 687.1, 137.8, 147.8, 10.0, True), ('mittarit', 696.2, 725.9, 137.8, 147.8, 10.0, True)],
    [('-', 193.0, 194.2, 156.0, 166.0, 10.0, False), ('Perhekeskuksen', 199.0, 266.8, 156.0, 166.0, 10.0, False), ('palveluohjaus', 275.8, 331.3, 156.0, 166.0, 10.0, False), ('kootaan', 339.6, 369.6, 156.0, 166.0, 10.0, False), ('yhteen', 377.3, 402.6, 156.0, 166.0, 10.0, False), ('-', 425.5, 426.7, 156.0, 166.0, 10.0, False), ('Perhekeskus', 431.8, 483.9, 156.0, 166.0, 10.0, False), ('2025', 558.7, 575.6, 156.0, 166.0, 10.0, False), ('-', 641.8, 643.0, 156.0, 166.0, 10.0, False), ('Palveluohjaukseen', 648.0, 726.0, 156.0, 166.0, 10.0, False), ('ohjautu-', 734.4, 766.0, 156.0, 166.0, 10.0, False)],
    [('puhelinnumeroon', 201.6, 272.7, 169.5, 179.5, 10.0, False), ('ja', 280.6, 285.8, 169.5, 179.5, 10.0, False), ('sähköiseen', 291.4, 336.7, 169.5, 179.5, 10.0, False), ('asiointikana-', 345.1, 396.6, 169.5, 179.5, 10.0, False), ('-', 425.5, 426.7, 173.3, 183.3, 10.0, False), ('neuvolapalvelut', 432.0, 496.1, 173.3, 183.3, 10.0, False), ('neiden', 650.6, 674.9, 169.3, 179.3, 10.0, False), ('perheiden', 683.0, 721.9, 169.3, 179.3, 10.0, False), ('määrä', 730.3, 753.3, 169.3, 179.3, 10.0, False)],
    [('vaan.', 200.9, 220.5, 182.5, 192.5, 10.0, False), ('-', 641.8, 643.0, 186.8, 196.8, 10.0, False), ('Asiakaspalautteen', 647.3, 723.9, 186.8, 196.8, 10.0, False), ('keskiarvo', 732.5, 769.4, 186.8, 196.8, 10.0, False)],
    [('-', 193.0, 194.2, 200.0, 210.0, 10.0, False), ('Neuvolan', 199.2, 235.5, 200.0, 210.0, 10.0, False), ('perhevalmennukseen', 244.1, 333.4, 200.0, 210.0, 10.0, False), ('lisätään', 342.5, 371.9, 200.0, 210.0, 10.0, False), ('van-', 379.0, 394.3, 200.0, 210.0, 10.0, False), ('(1-5)', 650.4, 668.8, 199.7, 209.7, 10.0, False)],
    [('hemmuuden', 201.6, 250.4, 213.2, 223.2, 10.0, False), ('ja', 258.7, 264.0, 213.2, 223.2, 10.0, False), ('parisuhteen', 270.2, 316.9, 213.2, 223.2, 10.0, False), ('tuen', 324.7, 339.9, 213.2, 223.2, 10.0, False), ('teemailtoja.', 347.0, 393.3, 213.2, 223.2, 10.0, False)],
    [('I.', 52.1, 54.5, 224.4, 234.4, 10.0, False), ('Perheet', 60.0, 89.6, 224.4, 234.4, 10.0, False), ('saavat', 97.2, 122.1, 224.4, 234.4, 10.0, False), ('tukea', 129.4, 149.6, 224.4, 234.4, 10.0, False), ('oi-', 157.0, 164.7, 224.4, 234.4, 10.0, False)],
    [('Kotipalvelua', 193.2, 242.4, 231.2, 241.2, 10.0, False), ('tarjotaan', 249.6, 283.9, 231.2, 241.2, 10.0, False), ('lapsiperheille', 291.8, 345.2, 231.2, 241.2, 10.0, False), ('matalalla', 352.8, 388.2, 231.2, 241.2, 10.0, False), ('kyn-', 395.5, 410.1, 231.2, 241.2, 10.0, False), ('Hyvinvointialueen', 425.8, 498.5, 231.2, 241.2, 10.0, False), ('lapsiper-', 506.9, 540.4, 231.2, 241.2, 10.0, False), ('2025—2026', 558.7, 602.6, 231.2, 241.2, 10.0, False), ('Lapsiperheiden', 642.0, 704.5, 231.2, 241.2, 10.0, False), ('kotipalvelun', 713.0, 760.7, 231.2, 241.2, 10.0, False)],
    [('kea-aikaisesti', 51.8, 106.9, 237.6, 247.6, 10.0, False), ('ja', 114.0, 119.4, 237.6, 247.6, 10.0, False), ('ilman', 125.8, 144.6, 237.6, 247.6, 10.0, False), ('viivet-', 151.7, 174.2, 237.6, 247.6, 10.0, False)],
    [('nyksellä', 193.2, 224.3, 244.4, 254.4, 10.0, False), ('ilman', 231.8, 250.6, 244.4, 254.4, 10.0, False), ('lastensuojelun', 258.5, 317.2, 244.4, 254.4, 10.0, False), ('asiakkuutta.', 325.0, 373.0, 244.4, 254.4, 10.0, False), ('hepalvelut', 425.8, 466.3, 244.4, 254.4, 10.0, False), ('asiakasmäärä', 641.8, 698.7, 244.6, 254.6, 10.0, False)],
    [('tä', 51.1, 56.7, 251.1, 261.1, 10.0, False)],
]


def _lines(rows=LINES):
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for words in rows:
        ws = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in words]
        bold = all(w.bold for w in ws)
        out.append(TextLine(ws, " ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, min(w.top for w in ws), max(w.bottom for w in ws), max(w.size for w in ws), bold))
    return out


def _regions(lines):
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import find_regions

    return find_regions(lines, replace(DEFAULT_SETTINGS, ocr_text=1))


def test_split_head_joined_and_table_starts_at_header_row() -> None:
    lines = _lines()
    (region,) = _regions(lines)
    assert region.lines[0] is lines[0]
    assert len(region.lines) == len(lines)  # the goal's lines left of the first body run stay in
    assert [" ".join(w.text for w in sg.words) for sg in region.header] == [
        "Painopiste", "Toimenpiteet", "Vastuutaho(t)", "Toteutusaika", "Seurannan mittarit"
    ]


def test_heads_stay_apart_when_a_column_starts_under_the_right_hand_one() -> None:
    """A column of the table starting under "mittarit" makes the gap a column gap."""
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.whitespace.regions import _split_heads_joined, split_segments

    rows = [list(r) for r in LINES]
    rows[5] = rows[5] + [("(1-5)", 696.5, 715.0, 213.2, 223.2, 10.0, False)]
    lines = _lines(rows)
    settings = replace(DEFAULT_SETTINGS, ocr_text=1)
    segs = split_segments(lines[0], settings)
    assert len(_split_heads_joined(lines, 0, segs, settings)) == 6
