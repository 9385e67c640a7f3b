"""A goal centred over its rows, whose first line stands in the white between two rows,
starts no row of its own (issue 11, scan set F).

pihlajavesi-lapset-nuoret-shaded-header@fin-300 p. 1: goal I, merged over three rows and
centred, opens at 224.4, 6.8 pt above the second row's cells (231.2) and runs on to 261.1.
Its first line, beside silent columns, was taken for a row start (a first-column block)
and the row held the goal alone: a record with no action in every such table (fin-150,
fin-300, eng-150 0.93; the goal-only rows of p. 1 and p. 3).  The lines are the scan's own.
"""

from __future__ import annotations

from tests.block_fixtures import blocks


BLOCKS = [  # (column, [(text, x0, x1, top, bottom), ...]) per block
    (0, [('I. Perheet saavat tukea oi-', 52.1, 164.7, 224.4, 234.4), ('kea-aikaisesti ja ilman viivet-', 51.8, 174.2, 237.6, 247.6), ('tä', 51.1, 56.7, 251.1, 261.1)]),
    (1, [('- Perhekeskuksen palveluohjaus kootaan yhteen', 193.0, 402.6, 156.0, 166.0), ('puhelinnumeroon ja sähköiseen asiointikana-', 201.6, 396.6, 169.5, 179.5), ('vaan.', 200.9, 220.5, 182.5, 192.5)]),
    (1, [('- Neuvolan perhevalmennukseen lisätään van-', 193.0, 394.3, 200.0, 210.0), ('hemmuuden ja parisuhteen tuen teemailtoja.', 201.6, 393.3, 213.2, 223.2)]),
    (1, [('Kotipalvelua tarjotaan lapsiperheille matalalla kyn-', 193.2, 410.1, 231.2, 241.2), ('nyksellä ilman lastensuojelun asiakkuutta.', 193.2, 373.0, 244.4, 254.4)]),
    (2, [('- Perhekeskus', 425.5, 483.9, 156.0, 166.0)]),
    (2, [('- neuvolapalvelut', 425.5, 496.1, 173.3, 183.3)]),
    (2, [('Hyvinvointialueen lapsiper-', 425.8, 540.4, 231.2, 241.2), ('hepalvelut', 425.8, 466.3, 244.4, 254.4)]),
    (3, [('2025', 558.7, 575.6, 156.0, 166.0)]),
    (3, [('2025—2026', 558.7, 602.6, 231.2, 241.2)]),
    (4, [('- Palveluohjaukseen ohjautu-', 641.8, 766.0, 156.0, 166.0), ('neiden perheiden määrä', 650.6, 753.3, 169.3, 179.3)]),
    (4, [('- Asiakaspalautteen keskiarvo', 641.8, 769.4, 186.8, 196.8), ('(1-5)', 650.4, 668.8, 199.7, 209.7)]),
    (4, [('Lapsiperheiden kotipalvelun', 642.0, 760.7, 231.2, 241.2), ('asiakasmäärä', 641.8, 698.7, 244.6, 254.6)]),
]


def _blocks(spec=BLOCKS):
    return blocks(spec, 10.0)


def test_centred_goal_opening_between_rows_starts_no_row() -> None:
    from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_lone_block_starts

    assert drop_lone_block_starts([156.0, 224.4, 231.2, 262.6], _blocks(), 2.5) == [156.0, 231.2, 262.6]


def test_a_one_column_row_with_text_beside_it_stays() -> None:
    """A row whose other cells print something before the next row starts is a row."""
    from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_lone_block_starts

    spec = BLOCKS + [(3, [("2026", 558.7, 575.6, 225.0, 235.0)])]
    assert drop_lone_block_starts([156.0, 224.4, 231.2, 262.6], _blocks(spec), 2.5) == [156.0, 224.4, 231.2, 262.6]
