"""Later list items that outrun the cells beside them start no row (held-out matrix, seed 12).

LibreOffice tables with rows that touch (frame only, no padding between rows) set a
cell's list items off by the same white space as the rows; a cell's second item, alone
at its height (pihlajavesi 1856c590), or the second items of three cells level by
chance beside the goal's wrapped line (kymenlaakso b86f34e7, numbered items), read as
a new row and cut one record in two.
"""

from __future__ import annotations

from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_item_starts
from planparse.extractors.pdf.tables.rowsplit.rows import Block
from planparse.extractors.pdf.words import TextLine

TOL = 2.0


def blk(col: int, lines: list[tuple[float, str]]) -> Block:
    return Block(col, [TextLine([], text, 0.0, 10.0, t, t + 9.0, 8.0, False) for t, text in lines])


def _lone_item_table(second: str) -> list[Block]:
    return [
        blk(0, [(309.2, "Kotipalvelua tarjotaan lapsiper-"), (319.0, "heille matalalla kynnyksellä."),
                (362.0, "– Varhaiskasvatuksen ja neu-"), (371.8, "volan yhteistä tukea"), (381.6, "vahvistetaan.")]),
        blk(0, [(418.8, second), (428.6, "konsultaatio ulotetaan perhe-"), (438.4, "päivähoitoon.")]),
        blk(2, [(309.2, "Hyvinvointi-"), (319.0, "alueen palvelut")]),
        blk(2, [(362.0, "– Varhaiskasva-"), (371.8, "tus")]),
        blk(3, [(309.2, "2025–2026")]), blk(3, [(362.0, "syksy 2025")]),
        blk(4, [(309.2, "Lapsiperheiden määrä")]), blk(4, [(362.0, "Konsultaatiokäyntien määrä")]),
        blk(0, [(458.4, "Koulukuraattorin tavoitettavuus")]), blk(2, [(458.4, "– Sivistystoimi")]),
        blk(3, [(458.4, "2025–2028")]), blk(4, [(458.4, "– Kuraattorin mitoitus")]),
    ]


def test_a_later_item_alone_at_its_height_starts_no_row() -> None:
    starts = [309.2, 362.0, 418.8, 458.4]
    assert drop_item_starts(starts, _lone_item_table("– Erityislastentarhanopettajan"), TOL) == [309.2, 362.0, 458.4]


def test_plain_text_alone_in_the_first_column_still_starts_a_row() -> None:
    starts = [309.2, 362.0, 418.8, 458.4]
    assert drop_item_starts(starts, _lone_item_table("Erityislastentarhanopettajan"), TOL) == starts


def _numbered_items_beside_goal(goal_second_line: str, second: str = "2)") -> list[Block]:
    return [
        blk(0, [(140.1, "2"), (150.0, "Lapsilla ja"), (159.9, "nuorilla on"), (175.8, goal_second_line), (185.7, "kohdataan")]),
        blk(1, [(140.1, "1) Perhekeskusten ja"), (150.0, "peruspalvelujen tilat")]),
        blk(1, [(175.8, f"{second} tuen jalkautuminen"), (185.7, "arkiympäristöihin")]),
        blk(2, [(140.1, "1) Peruspalvelujen"), (150.0, "palaute")]), blk(2, [(175.8, f"{second} Asiakaskokemus")]),
        blk(3, [(140.1, "2020"), (150.0, "alkaen")]),
        blk(4, [(140.1, "1) LNPsos ja"), (150.0, "henkilöstö")]), blk(4, [(175.8, f"{second} Johto")]),
        blk(0, [(314.4, "3"), (324.3, "Hyvin saavutettavat")]), blk(1, [(314.4, "1) Tilojen suunnittelu")]),
        blk(2, [(314.4, "1) Asiakaskokemus")]), blk(3, [(314.4, "2020")]), blk(4, [(314.4, "1) LNPsos")]),
    ]


def test_numbered_later_items_beside_a_wrapped_goal_line_start_no_row() -> None:
    starts = [140.1, 175.8, 314.4]
    assert drop_item_starts(starts, _numbered_items_beside_goal("tiloja, joissa"), TOL) == [140.1, 314.4]


def test_items_beside_a_cell_that_opens_a_line_of_its_own_start_a_row() -> None:
    starts = [140.1, 175.8, 314.4]  # the goal column opens a new sentence there: a row of its own
    assert drop_item_starts(starts, _numbered_items_beside_goal("Tiloja on."), TOL) == starts


def test_item_numbers_starting_over_start_a_row() -> None:
    starts = [140.1, 175.8, 314.4]
    assert drop_item_starts(starts, _numbered_items_beside_goal("tiloja, joissa", second="1)"), TOL) == starts
