"""No row start beside a centred goal where the other columns' numbered lists go on
(pdf.tables.rowsplit.item_starts.drop_starts_beside_centred_cell; issue 11, scan set I).

kymenlaakso-lnp-borderless (a table with no rules, its goals centred beside their rows,
every other cell a numbered list "1) ... 2) ..."): at 300 dpi 24 records were found for
16.  A goal centred beside its row opens level with the second or third items of the
lists beside it ("3" beside "2) Sovinnolliseen eroon", "2) Johto"), or its number and
its text stand apart as two blocks, each level with items; each made a row start, so
the goal above got the row's first items and the goal its rest.  A new row's lists open
at 1).  The blocks are the scan's own, as the table code had them (tests/scan_crops).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scan_crop_helpers import crop_blocks

CROPS = Path(__file__).parent / "scan_crops"


def _part(name: str, dpi: int = 300):
    data = json.loads((CROPS / f"kymenlaakso-borderless-fin{dpi}-row-blocks.json").read_text(encoding="utf-8"))["parts"][name]
    blocks = crop_blocks(data["blocks"])
    return data["starts"], blocks, data["tol"]


def _drop(name: str, dpi: int = 300) -> tuple[list[float], list[float]]:
    from planparse.extractors.pdf.tables.rowsplit.item_starts import drop_starts_beside_centred_cell

    starts, blocks, tol = _part(name, dpi)
    return [round(s, 1) for s in starts], [round(s, 1) for s in drop_starts_beside_centred_cell(starts, blocks, tol)]


def test_a_goal_centred_level_with_second_items_starts_no_row() -> None:
    """p. 2, the rest of goal 3's row carried over: "3" opens beside "2)" items and the
    follow-up cell's second paragraph, the indicator cell goes on at a hyphen, the schedule is done."""
    starts, kept = _drop("p2-goal3")
    assert starts == [54.2, 87.1]
    assert kept == [54.2]


def test_a_goal_number_and_text_apart_start_no_rows() -> None:
    """p. 5: goals 2 and 3, each a number and, lower, its text, level with "2)" and "3)" items."""
    starts, kept = _drop("p5-goals2-3")
    assert starts == [54.1, 87.0, 105.7, 205.5, 238.6, 257.4]
    assert kept == [54.1, 205.5]  # the rows of goals 2 and 3, their lists at 1)


@pytest.mark.parametrize("name", ["p1-header"])
def test_rows_whose_lists_open_at_one_keep_their_starts(name: str) -> None:
    """p. 1: the two header rows and the rows of goals 1 and 2 (their lists open at 1)) stay."""
    starts, kept = _drop(name)
    assert kept == starts and len(starts) == 4


def test_at_150_dpi_an_item_inside_a_running_block_counts_too() -> None:
    """fin-150 p. 2: the follow-up cell's second paragraph joined its first block and "2) Johto"
    runs on inside the owner's block: beside "3" only one block opens ("2) Sovinnolliseen"),
    and the owner's later line level with it is the second column counting on."""
    starts, kept = _drop("p2-goal3", 150)
    assert starts == [54.5, 87.6]
    assert kept == [54.5]


def test_at_150_dpi_a_column_whose_first_item_ocr_lost_counts_on_too() -> None:
    """fin-150 p. 3: goal 4's row; the indicator column's "1)" was not read at the row's top,
    its "2)" ... "5)" count on all the same; the starts at "2)" and at the goal's text go."""
    starts, kept = _drop("p3-goal4", 150)
    assert starts == [214.8, 248.9, 283.0, 316.1, 398.7]
    assert kept == [214.8, 248.9, 283.0]  # two header rows and goal 4's row
