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

from tests.block_fixtures import blocks

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


GOAL_5 = [  # p. 2, goal 5: the lists' second items open while the goal breaks "yh-" / "denvertainen"
    (0, [('5', 55.3, 57.3, 221.1, 229.1)]),
    (0, [('Tuen oikea-aikainen ja yh-', 55.0, 146.0, 234.2, 242.7), ('denvertainen saatavuus', 55.4, 136.4, 244.1, 252.5)]),
    (1, [('— Tukea saa myös ilman palvelutarpeen arvioin-', 166.5, 338.3, 220.7, 229.7), ('tia / asiakkuutta', 177.0, 228.8, 230.6, 238.7)]),
    (1, [('— Tietoa palveluista jaetaan kaikkia kanavia', 166.7, 321.8, 243.7, 252.4), ('käyttäen', 177.2, 203.4, 253.7, 261.7)]),
    (2, [('Palvelutakuun toteutuminen —', 363.1, 465.9, 221.1, 229.4), ('jonot ja käsittelyajat', 361.0, 427.9, 230.6, 238.8)]),
    (2, [('Lastensuojelun sijoitusten vähe-', 362.9, 473.0, 243.8, 252.5), ('neminen', 361.5, 387.7, 253.8, 261.8)]),
    (3, [('2020 alkaen', 490.9, 530.8, 220.8, 229.5)]),
    (4, [('— LNPsos ja LNPter henkilös-', 549.2, 655.1, 221.0, 229.6), ('tö', 559.7, 563.8, 230.5, 238.5)]),
    (4, [('— Johto', 549.4, 577.1, 244.5, 252.6)]),
    (4, [('— Muutlapsi/nuorisotoimijat', 549.1, 647.2, 258.2, 266.3)]),
    (5, [('Verkostotyö perhekeskusalueilla', 666.9, 777.6, 221.2, 229.5)]),
]
GOAL_7 = [  # p. 3, goal 7 (its number read "Ti"): the goal's text opens under it, the owner list's "tö" reaching down
    (0, [('Ti', 55.2, 57.8, 54.5, 62.5)]),
    (0, [('Turvallinen elinympäristö', 55.1, 140.0, 67.9, 76.1)]),
    (1, [('— Perheen vaivaton asiointi omassa elinpiirissä.', 166.8, 336.2, 54.1, 62.6)]),
    (1, [('— Perhe- ja lähisuhdeväkivallan ennaltaehkäisy', 166.7, 334.5, 67.7, 76.5), ('toimii monialaisena yhteistyönä', 177.0, 283.9, 77.3, 86.2)]),
    (2, [('— Kyselyt ja niiden analysointi', 351.1, 456.8, 54.1, 62.7)]),
    (2, [('— Avainhenkilötoiminta juurtuu per-', 351.0, 476.1, 68.1, 76.6), ('hekeskusalueille', 361.4, 416.2, 78.1, 86.1)]),
    (3, [('2020 alkaen', 490.8, 530.8, 54.4, 62.7)]),
    (4, [('LNPsos ja LNPter henkilös-', 561.4, 655.1, 54.1, 62.8), ('tö', 559.5, 563.6, 64.4, 72.4)]),
    (4, [('Johto', 561.2, 577.1, 77.8, 85.8)]),
]


def _blocks(spec=BLOCKS):
    return blocks(spec, 8.3)


def test_items_beside_running_cells_start_no_row() -> None:
    from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    # 68.0: two columns open, three run on beside them; (106.8, two open and one runs on, is
    # still taken: one column going on beside as many opening is no evidence, a centred cell
    # beside a real row looks the same, pihlajavesi-lapset-nuoret-frame of set C)
    assert row_starts(_blocks(), [], replace(DEFAULT_SETTINGS, ocr_text=1)) == [53.3, 106.8]


def test_list_items_beside_a_goal_going_on_start_no_row() -> None:
    """Later items of three lists opening level, beside a goal breaking a word over their line
    (p. 2) or an owner's line reaching into it (p. 3), while the schedule cell opened with
    the row prints nothing there: the row goes on."""
    from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_starts_beside_running_cells

    assert drop_starts_beside_running_cells([220.7, 243.7], _blocks(GOAL_5), 2.5) == [220.7]
    assert drop_starts_beside_running_cells([54.1, 67.7], _blocks(GOAL_7), 2.5) == [54.1]


def test_a_row_opening_in_every_column_stays() -> None:
    """The same page, the next goal's row: it opens in every column the row above opened in."""
    from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_starts_beside_running_cells

    blocks = _blocks(GOAL_5)
    assert drop_starts_beside_running_cells([53.3, 220.7], _blocks(BLOCKS) + blocks, 2.5) == [53.3, 220.7]
