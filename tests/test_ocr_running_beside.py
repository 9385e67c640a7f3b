"""Later items and paragraphs of a row's cells that line up across two columns start no
row while a line of another column reaches down beside them (issue 11, scan set E).

kymenlaakso-lnp-shaded-header@fin-200-skew p. 2 (goal 4): the row opens in all six
columns at 53.3.  At 68.0 the goal's text opens a paragraph under its number and the
indicator list its second item, while the action, owner and resource cells run on beside
them; at 106.8 the resource column's second paragraph and an indicator item open level,
while the owner list's "esim. harrastusseurat" (101.1-109.3) runs beside them.  Each was
taken for a fresh row (one empty line in its column above it) and the goal's record fell
in three (F1 0.63 -> 0.56 when word boxes were set on their bottoms, 5.9 -> 6.1 pt).
The lines are the scan's own, as the reader had them, column by column.
"""

from __future__ import annotations

from dataclasses import replace

BLOCKS = [  # (column, [(text, x0, x1, top, bottom), ...]) per block
    (0, [('4', 55.2, 57.3, 53.3, 61.3)]),
    (0, [('Lasten ja nuorten terveyden', 55.7, 150.5, 68.0, 76.4), ('edistäminen', 55.4, 94.3, 77.8, 85.8)]),
    (1, [('Ennaltaehkäisevien terveyspalveluiden neu-', 178.7, 330.8, 54.0, 63.0), ('vonta ja ohjaus', 177.0, 226.9, 64.1, 72.3)]),
    (1, [('— Erikoissairaanhoidon vastaanotot — sairastu-', 166.6, 332.4, 77.5, 86.4), ('neen lapsen toimintakyvyn', 177.1, 267.3, 87.1, 95.4), ('ylläpito/parantaminen', 177.2, 249.0, 97.1, 105.1)]),
    (1, [('— Saumaton yhteys arjen toimijoihin (koulu, var-', 166.8, 337.0, 110.1, 119.2), ('haiskasvatus, perhe)', 177.0, 247.2, 120.1, 128.5)]),
    (1, [('— Lapsen terveydellisten haasteiden tunnistami-', 166.6, 337.3, 133.3, 142.2), ('nen ja varhainen tuki, ml. mielenterveyden tuki', 177.1, 338.5, 140.9, 151.9)]),
    (1, [('— Verkostojen hyödyntäminen', 166.8, 272.8, 156.9, 165.3), ('(sivi-sote-3.sektori)', 177.3, 240.9, 166.9, 174.9)]),
    (1, [('— kuntien hyte-toiminnan kiinnittyminen perhe-', 166.6, 331.5, 179.7, 188.0), ('keskustoimintaan', 177.1, 234.4, 190.0, 198.0)]),
    (1, [('— Elämäntapaohjaus ja aktivointi', 166.8, 283.5, 203.1, 211.7)]),
    (2, [('Käyntien määrät ja kattavuus', 363.0, 462.3, 54.5, 62.9)]),
    (2, [('Kouluterveyskysely (2021)', 363.1, 452.8, 67.9, 76.4)]),
    (2, [('Erikoissairaanhoidon käynnit ja', 363.2, 470.6, 81.4, 90.1), ('konsultaatiot', 361.5, 402.6, 91.5, 99.5)]),
    (2, [('Koulutukset', 363.0, 401.0, 104.8, 112.8)]),
    (2, [('Tasalaatuiset palvelut, toiminta-', 362.7, 471.7, 118.3, 126.8), ('mallien kuvaaminen', 361.4, 427.7, 128.4, 136.6)]),
    (2, [('3-tason vaikutusarviointi: maa-', 362.9, 467.3, 141.6, 150.2), ('kunta, kunta, alue', 361.5, 420.9, 150.9, 159.2)]),
    (3, [('2020 alkaen', 490.8, 530.7, 54.1, 62.2)]),
    (4, [('— LNPsos ja LNPter henkilös-', 549.5, 655.1, 54.4, 62.9), ('tö', 559.6, 563.7, 64.2, 72.2)]),
    (4, [('— Johto', 549.3, 577.0, 77.9, 85.9)]),
    (4, [('— Muutlapsi/nuorisotoimijat', 549.4, 647.5, 91.9, 100.0), ('esim. harrastusseurat', 559.9, 632.8, 101.1, 109.3)]),
    (5, [('Erityisesti neuvolat, koulu- ja', 667.2, 765.6, 54.1, 62.8), ('opiskeluterveydenhuolto, nuoriso-', 666.9, 782.9, 63.9, 72.5), ('ja lastenpsykiatria, lastenneurolo-', 666.6, 781.7, 74.1, 82.6), ('gia, kehitykselliset palvelut ja kun-', 667.1, 783.9, 82.9, 92.7), ('toutus', 666.8, 685.3, 93.0, 101.0)]),
    (5, [('Rakenteiden muutos talouspai-', 667.2, 773.6, 106.8, 115.4), ('neessa: ennaltaehkäisevän työn', 666.9, 777.7, 116.1, 124.4), ('tärkeys, painopisteen siirto', 667.0, 758.6, 125.5, 134.1)]),
]


def _blocks():
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for col, lines in BLOCKS:
        tls = []
        for text, x0, x1, top, bottom in lines:
            w = Word(text, x0, x1, top, bottom, 8.3, False)
            tls.append(TextLine([w], text, x0, x1, top, bottom, 8.3, False))
        out.append(Block(col, tls))
    return out


def test_items_beside_running_cells_start_no_row() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    assert row_starts(_blocks(), [], replace(DEFAULT_SETTINGS, ocr_text=1)) == [53.3]
