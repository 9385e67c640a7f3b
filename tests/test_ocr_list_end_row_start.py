"""A row whose owner column touches the row above starts where that column's numbered list
ends (pdf.tables.rowsplit.rows.row_starts, `_paragraph_openers(list_ends=True)`; issue 11,
scan set B).

vake-osallisuus-frame (a table framed only round its outside, no rules between rows): on
p. 4 the row "Otetaan käyttöön digitaalinen osallistumisen alusta ..." opens in the action
column after white space, while its owner "Hyte-tehtäväalue" stands right under the row
above's owners list "1) Kokonaiskoordinointi / 2) Hyte-tehtäväalue" at the plain line pitch,
and its indicator cell is empty.  Only one column opened a block there, so at every dpi and
model the row was merged into the one above (24 records for 25).  The owner line is no item
and begins under the number of the item above with a capital: the list has ended, a
paragraph opens beside the action's block start -- a row (born-digital renderings find it
with `paragraph_row_starts`, which OCR line tops are too unsteady for).  The blocks are the
scan's own, as the table code had them (tests/scan_crops).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scan_crop_helpers import crop_blocks

CROPS = Path(__file__).parent / "scan_crops"


def _part(name: str, crop: str = "vake-frame-p4-list-end"):
    """(blocks, rules, settings) of one scan's table part saved in tests/scan_crops/CROP.json."""
    from planparse.extractors.pdf.settings import PdfSettings

    data = json.loads((CROPS / f"{crop}.json").read_text(encoding="utf-8"))["parts"][name]
    blocks = crop_blocks(data["blocks"])
    settings = PdfSettings(row_align=data["row_align"], ocr_text=data["ocr_text"])
    return blocks, data["rules"], settings


def _starts_with_the_row(blocks, rules, settings) -> tuple[list[float], float]:
    """(row starts, top of "Otetaan ..."): the row starts there, and so do the rows around it."""
    from planparse.extractors.pdf.tables.rowsplit.rows import row_starts

    assert settings.ocr_text
    starts = row_starts(blocks, rules, settings)
    row = _top_of(blocks, "Otetaan")
    assert any(abs(s - row) <= settings.row_align for s in starts), (row, starts)
    for text in ("Hyvinvointialueella toteutetaan", "Hyvinvointialueella hy", "Lapsivaikutusten arvioinnille"):
        assert any(abs(s - _top_of(blocks, text)) <= settings.row_align for s in starts)
    return starts, row


def _top_of(blocks, text: str) -> float:
    return next(ln.top for b in blocks for ln in b.lines if ln.text.startswith(text))


@pytest.mark.parametrize("name", ["fin-300", "eng-150"])
def test_a_row_opening_where_the_owner_list_ends_starts(name: str) -> None:
    blocks, rules, settings = _part(name)
    starts, row = _starts_with_the_row(blocks, rules, settings)
    # the list's own items start none
    second = next(ln.top for b in blocks for ln in b.lines if ln.text.startswith("2)") and ln.top > row - 20)
    assert not any(abs(s - second) <= settings.row_align for s in starts), (second, starts)
    assert len(starts) == 7  # the head and six rows (the first has two goals' text in its column)


def test_a_plain_line_under_the_last_item_ends_the_list() -> None:
    """"Hyte-tehtäväalue" under "2) Hyte-tehtäväalue" opens a paragraph only with `list_ends`
    (the items themselves open one either way, as bullets do)."""
    from planparse.extractors.pdf.tables.rowsplit.rows import _paragraph_openers

    blocks, _rules, _settings = _part("fin-300")
    owners = sorted((ln for b in blocks if b.col == 2 for ln in b.lines), key=lambda ln: ln.top)
    opens = _paragraph_openers({2: owners}, list_ends=True)[2]
    ends = [ln.top for ln in owners if ln.text.startswith("Hyte")]
    assert ends and all(any(abs(t - o) < 0.5 for o in opens) for t in ends)
    assert not any(abs(t - o) < 0.5 for t in ends for o in _paragraph_openers({2: owners})[2])


@pytest.mark.parametrize("name", ["fin-300", "eng-150"])
def test_a_row_opening_where_a_wrapped_last_item_ends_starts(name: str) -> None:
    """Scan set J renders the owners column narrower: the last item wraps ("2) Hyte-tehtä-" /
    "väalue") and the next row's owner "Hyte-tehtäväa-" / "lue" stands under the item's
    wrapped line, not under its number line.  The list still ends there: the line under it is
    no item, opens with a capital and begins under the number of the item whose text the
    lines above carry on (24 records for 25 at every dpi and model before)."""
    blocks, rules, settings = _part(name, "vake-frame-J-p4-wrapped-item")
    starts, row = _starts_with_the_row(blocks, rules, settings)
    # neither the item numbers nor the wrapped lines of the items start a row
    for ln in (ln for b in blocks if b.col == 1 for ln in b.lines):
        if ln.text.startswith(("2)", "koordinointi")) or ln.text.startswith("v") or ln.text == "lue":
            assert not any(abs(s - ln.top) <= settings.row_align for s in starts), (ln.text, starts)


def test_the_wrapped_item_head_is_looked_under() -> None:
    """`_paragraph_openers(list_ends=True)` takes "Hyte-tehtäväa-" under "väalue" (which
    carries on "2) Hyte-tehtä-" at its hyphen) for a list's end; "Kaikki toimi-" under the
    row above's "väalue" too, and never a line carrying on the text above ("lue", "väalue")."""
    from planparse.extractors.pdf.tables.rowsplit.rows import _paragraph_openers

    blocks, _rules, _settings = _part("fin-300", "vake-frame-J-p4-wrapped-item")
    owners = sorted((ln for b in blocks if b.col == 1 for ln in b.lines), key=lambda ln: ln.top)
    opens = _paragraph_openers({1: owners}, list_ends=True)[1]
    ends = [ln.top for ln in owners if ln.text.startswith(("Hyte", "Kaikki"))]
    assert len(ends) == 2 and all(any(abs(t - o) < 0.5 for o in opens) for t in ends)
    carried = [ln.top for ln in owners if ln.text in ("lue", "väalue", "koordinointi")]
    assert not any(abs(t - o) < 0.5 for t in carried for o in opens)
