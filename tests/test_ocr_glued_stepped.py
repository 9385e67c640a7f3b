"""A word Tesseract glued over a column gap from two cells' lines set at different heights is
cut at the gap, after its hyphen (issue 11, scan set J).

kymenlaakso-lnp-hrules@eng-150 p. 1: the goal cell's second line "Lasten ja nuorten arvostami-"
stands half a line under the next column's second line "palveluihin"; Tesseract read both in
one box as "arvostami-Palveluihin".  The 10.5 pt gutter between the two words' ink was under
the one box height (11 pt) a column gap needs, so the word stayed whole, ran over the next
column's start and the whitespace table was cut under its first line: goals 1-3 were lost
(16 records, 14 found, 13 matched).  Words of one printed line share a baseline; ink words
whose baselines step by a quarter of a box height are two lines, and half a box height of white
between them is the gutter.  The scan's own characters and ink.
"""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop
from tests.test_ocr_shape import _words


def _crop() -> tuple[list[dict], object, float]:
    return load_crop("kymenlaakso-hrules-eng150-p1-stepped")


def _texts(chars: list[dict]) -> list[str]:
    return ["".join(c["text"] for c in w) for w in _words(chars)]


def test_a_word_glued_over_a_gap_between_stepped_lines_is_cut_after_its_hyphen() -> None:
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = _crop()
    assert "arvostami-Palveluihin" in _texts(chars)
    out = split_glued_words(chars, ink, scale)
    texts = _texts(out)
    assert "arvostami-" in texts and "Palveluihin" in texts and "arvostami-Palveluihin" not in texts
    words = {"".join(c["text"] for c in w): w for w in _words(out)}
    gutter = (121.0, 130.5)  # white between the goal column's text and the next column's, from the crop's left
    assert words["arvostami-"][-1]["x1"] <= gutter[0] + 1.0
    assert words["Palveluihin"][0]["x0"] >= gutter[1] - 1.0
    # no other word of the crop changes
    assert [t for t in texts if t not in ("arvostami-", "Palveluihin")] == [t for t in _texts(chars) if t != "arvostami-Palveluihin"]


def test_words_of_one_line_are_not_cut_at_a_word_space() -> None:
    """The crop's other words (one baseline, word spaces) stay as Tesseract read them."""
    from planparse.extractors.pdf.scan.chars.boxes.ink import split_glued_words

    chars, ink, scale = _crop()
    others = [c for c in chars if not (c["x0"] > 80.0 and c["x1"] < 170.0 and 17.0 < c["top"] < 25.0)]
    assert split_glued_words(others, ink, scale) == others
