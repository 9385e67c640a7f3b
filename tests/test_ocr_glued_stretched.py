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
    from planparse.extractors.pdf.scan.ink import split_glued_words

    # the line above prints its two cells' words over the same gap
    ink, boxes = _printed([(60.0, 98.0, "turvalli-"), (104.0, 98.0, "kaupungin"), (60.0, 112.0, "esteet-"), (102.0, 112.0, "tuksella")], SCALE)
    (_w, x0, left_end, top, bottom), (_w2, right_start, right_end, _t, _b) = boxes[2], boxes[3]
    assert 0.9 * (bottom - top) < right_start - left_end < (bottom - 102.0)  # a column gap for the letters, not for the box
    chars = _chars("esteet-tuksella", x0, right_end, 102.0, bottom)  # the box reaches up into the line above
    assert _texts(split_glued_words(chars, ink, SCALE)) == ["esteet-", "tuksella"]


def test_a_glued_word_opening_with_a_dash_is_cut_at_the_gap() -> None:
    from planparse.extractors.pdf.scan.ink import split_glued_words

    ink, boxes = _printed([(60.0, 112.0, "kulttuuri-"), (120.0, 112.0, "avustuk-")], SCALE)
    (_w, x0, _x1, top, bottom), (_w2, _a, right_end, _t, _b) = boxes
    chars = _chars("—kulttuuri-—avustuk-", x0 - 3.0, right_end, top, bottom)
    assert _texts(split_glued_words(chars, ink, SCALE)) == ["—kulttuuri-", "avustuk-"]


def test_a_word_in_a_box_of_one_line_is_left_whole() -> None:
    """One band of ink (the box's own line only): nothing changes."""
    from planparse.extractors.pdf.scan.ink import split_glued_words

    ink, boxes = _printed([(60.0, 112.0, "tuetaan kau-")], SCALE)
    chars = _chars("tuetaankau-", boxes[0][1], boxes[1][2], 104.0, boxes[0][4])
    assert split_glued_words(chars, ink, SCALE) == chars
