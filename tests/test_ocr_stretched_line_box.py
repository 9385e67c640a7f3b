"""An OCR line box stretched over the line above is no line pitch (rowsplit.rows.column_blocks, issue 11).

vake-osallisuus-frame@fin-150 of scan set E, p. 4 (a frame table, goals centred over their
rows): Tesseract boxed "tusmahdollisuuksia." 11.8 pt tall for 8 pt text, 3.4 pt up into the
line over it ("Asukkaiden vaiku-", read "Kalkkaidön valkai").  Their 4.6 pt spacing, a lone
tightest spacing of the goal column, was taken for the column's own line pitch, so every
10 pt step of the column ended a block: the first goal, "Hyvinvointialueen vaikuttamistoimi-
elinten roolia ja osallisuutta vahvistetaan jo valmisteluvaiheessa.", was cut after its third
line and its rest became a record of its own (26 records for 25).
"""

from __future__ import annotations

import json

from tests.scan_crop_helpers import CROPS, crop_blocks


def _goal_column() -> tuple[list, float]:
    data = json.loads((CROPS / "vake-frame-fin150-p4-goal-lines.json").read_text(encoding="utf-8"))
    return [ln for b in crop_blocks(data["blocks"]) for ln in b.lines], data["pitch"]


def test_the_goal_is_one_block() -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import column_blocks

    lines, pitch = _goal_column()
    blocks = column_blocks(lines, 0, pitch, ocr=True)
    texts = [" ".join(ln.text for ln in b.lines) for b in blocks]
    assert "Hyvinvointialueen vaikuttamistoimi- elinten roolia ja osallisuutta vahvis- tetaan jo valmiste- luvaiheessa." in texts


def test_the_stretched_pair_is_told_and_the_others_are_not() -> None:
    from planparse.extractors.pdf.tables.rowsplit.rows import _stretched_over

    lines, _pitch = _goal_column()
    pairs = [(a.text, b.text) for a, b in zip(lines, lines[1:]) if _stretched_over(a, b)]
    assert pairs == [("Kalkkaidön valkai", "tusmahdollisuuksia.")]


def test_a_line_set_between_two_as_tall_is_not_judged() -> None:
    """koskenniemi-ikaihmiset-borderless@fin-150 of scan set H: "jen" boxed as tall as its
    neighbours, set between "— Käähtiäisvaminö:" and "vuoksi hoidet:" (5.3 pt from each):
    not a stretched box; that column reads as before."""
    from planparse.extractors.pdf.tables.rowsplit.rows import _stretched_over
    from planparse.extractors.pdf.words import TextLine, Word

    def line(text: str, x0: float, x1: float, top: float, bottom: float) -> TextLine:
        w = Word(text, x0, x1, top, bottom, bottom - top, False)
        return TextLine([w], text, x0, x1, top, bottom, bottom - top, False)

    a = line("— Käähtiäisvaminö:", 397.0, 469.0, 260.0, 268.3)
    b = line("jen", 407.0, 415.0, 265.3, 273.6)
    c = line("vuoksi hoidet:", 421.0, 469.0, 270.6, 278.9)
    assert not _stretched_over(a, b) and not _stretched_over(b, c)
