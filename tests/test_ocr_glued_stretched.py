"""Words glued over a column gap are cut there even when Tesseract's box is stretched over
two printed lines, or the glued word opens with a dash (issue 11, scan set F).

koskenniemi-ikaihmiset-header-rule@eng-150 p. 1: a misread run ("Gv)") made Tesseract's
line box 13 pt tall beside 7.3 pt body lines, so the box of "ja esteet-" glued to
"tuksella" (the goal and action columns) held the foot of the line above too.  The gap
between the two words' ink, 26 px, was judged against the box's height (27 px), not the
letters' own: the word stayed whole, ran across the action column's start and ended the
table under its first row (0 records of 10).  P. 2: "—kulttuuri--——avustuk-" (owner and
resource columns) opens with a dash read from a bullet; the dash was taken for the
speck's glyph and the word was left whole.
"""

from __future__ import annotations

from tests.test_ocr_shape import _chars, _printed, _words

SCALE = 150 / 72


def _texts(chars: list[dict]) -> list[str]:
    return ["".join(c["text"] for c in w) for w in _words(chars)]


def test_glued_word_in_a_box_stretched_over_the_line_above_is_cut() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    # the line above prints its two cells' words over the same gap
    ink, boxes = _printed([(60.0, 98.0, "turvalli-"), (104.0, 98.0, "kaupungin"), (60.0, 112.0, "esteet-"), (102.0, 112.0, "tuksella")], SCALE)
    (_w, x0, left_end, top, bottom), (_w2, right_start, right_end, _t, _b) = boxes[2], boxes[3]
    assert 0.9 * (bottom - top) < right_start - left_end < (bottom - 102.0)  # a column gap for the letters, not for the box
    chars = _chars("esteet-tuksella", x0, right_end, 102.0, bottom)  # the box reaches up into the line above
    assert _texts(split_glued_words(chars, ink, SCALE)) == ["esteet-", "tuksella"]


def test_a_glued_word_opening_with_a_dash_is_cut_at_the_gap() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    ink, boxes = _printed([(60.0, 112.0, "kulttuuri-"), (120.0, 112.0, "avustuk-")], SCALE)
    (_w, x0, _x1, top, bottom), (_w2, _a, right_end, _t, _b) = boxes
    chars = _chars("—kulttuuri-—avustuk-", x0 - 3.0, right_end, top, bottom)
    assert _texts(split_glued_words(chars, ink, SCALE)) == ["—kulttuuri-", "avustuk-"]


def test_a_word_in_a_box_of_one_line_is_left_whole() -> None:
    """One band of ink (the box's own line only): nothing changes."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    ink, boxes = _printed([(60.0, 112.0, "tuetaan kau-")], SCALE)
    chars = _chars("tuetaankau-", boxes[0][1], boxes[1][2], 104.0, boxes[0][4])
    assert split_glued_words(chars, ink, SCALE) == chars


def test_a_glued_word_in_a_box_stretched_over_three_lines_is_cut_at_the_column_gap() -> None:
    """jarvela-ilmasto-hrules@eng-300 p. 1 (scan set H): "koulu-" of the action cell and
    "toiminnan" of the goal beside it, set at baselines 7 pt apart, read as one word
    "koulus‘2minnan" in a box 25 pt tall (the usual box is 11 pt) that holds ink on every row.
    The 8.6 pt gutter between the two cells, white down the whole box, was less than half the
    box's height: the word ran over the goal column's start, the table was cut in two under its
    first row and the goal beside the rows "Kunnan oman / toiminnan kasvihuonekaasupäästöt..."
    became two (F1 0.77 -> 0.93, fields 0.64 -> 0.84).  The scan's own characters and ink."""
    import json
    from pathlib import Path

    import numpy as np
    from PIL import Image

    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    crops = Path(__file__).parent / "scan_crops"
    data = json.loads((crops / "jarvela-hrules-eng300-p1-glued.json").read_text(encoding="utf-8"))
    ink = np.asarray(Image.open(crops / "jarvela-hrules-eng300-p1-glued.png").convert("L")) < 128
    chars = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top} for t, x0, x1, top, bottom in data["chars"]]
    out = split_glued_words(chars, ink, data["dpi"] / 72)
    texts = _texts(out)
    assert "koulus‘2minnan" in _texts(chars)
    assert "koulus" in texts and "2minnan" in texts and "koulus‘2minnan" not in texts
    words = {"".join(c["text"] for c in w): w for w in _words(out)}
    gutter = (149.0, 157.0)  # the white between the action column's text and the goal column's, from the crop's left
    assert words["koulus"][-1]["x1"] <= gutter[0] + 1.0
    assert words["2minnan"][0]["x0"] >= gutter[1] - 1.0
    # no other word of the crop changes
    assert [t for t in texts if t not in ("koulus", "2minnan")] == [t for t in _texts(chars) if t != "koulus‘2minnan"]
