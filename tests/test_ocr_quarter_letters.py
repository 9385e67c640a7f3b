"""A quarter's Q read by Tesseract's Finnish model as 0, O or G, told by the glyph's shape.

Set N (seed 23) koskenniemi-ikaihmiset-hrules at fin-150, fin-200-skew and fin-300 prints
"Q1/2026", "Q3/2025" and "Q2/2025" in a narrow schedule column ("Q1/202" / "6"); the fin
model read them "G1/202", "O3/202", "03/202", "02/202", and no cell of the document reads a Q.
pdf.scan.chars.glyphs.quarters judged only words whose glyphs came apart in six runs of
ink, but the slash touches its digits ("3/" one run, at 300 dpi "2/2" too) and OCR set the
box of "G1/202" 4 pt right of its ink, cutting the Q: none was judged.  The box is now
widened by a glyph, a dash before the word is no glyph of it, and a first glyph about as wide
as the glyphs are tall is a Q (a 0 is two thirds of that) when fewer runs are left; a G
before "N/YYYY" is taken like an O.  The crops are the page image's dark pixels at the
quarter, with the OCR characters around it.
"""

from __future__ import annotations

import pytest

from tests.scan_crop_helpers import load_crop

CROPS = {
    "koskenniemi-hrules-N-fin-150-p1-03202": "Q3/202",
    "koskenniemi-hrules-N-fin-150-p1-G1202": "—Q1/202",
    "koskenniemi-hrules-N-fin-150-p2-02202": "Q2/202",
    "koskenniemi-hrules-N-fin-200-p1-G1202": "Q1/202",
    "koskenniemi-hrules-N-fin-200-p1-G3202": "Q3/202",
    "koskenniemi-hrules-N-fin-200-p2-02202": "—Q2/202",
    "koskenniemi-hrules-N-fin-300-p1-G1202": "Q1/202",
    "koskenniemi-hrules-N-fin-300-p1-O3202": "Q3/202",
    "koskenniemi-hrules-N-fin-300-p2-02202": "Q2/202",
}


@pytest.mark.parametrize("name", sorted(CROPS))
def test_a_quarter_read_as_0_o_or_g_is_a_q_by_its_glyph(name: str) -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.quarters import quarter_letters

    chars, dark, _scale = load_crop(name)
    fixed = "".join(c["text"] for c in quarter_letters(dark, chars)).split()
    assert fixed[0] == CROPS[name]


def test_a_digit_first_is_no_quarter_letter() -> None:
    """The same column's "2026–2" (fin-300 p. 2): a first glyph as narrow as a digit is no Q,
    whichever test judges it (six runs against the digits, or fewer against their height)."""
    from planparse.extractors.pdf.scan.chars.glyphs.quarters import _wide_first_glyph

    chars, dark, scale = load_crop("koskenniemi-hrules-N-fin-300-p2-2026-2")
    word = [c for c in chars if c["top"] < 20 and c["text"].strip()]
    assert "".join(c["text"] for c in word) == "2026—2"
    assert not _wide_first_glyph(dark, word, scale)
    assert not _wide_first_glyph(dark, word[:4], scale)  # "2026" alone: four runs, judged by height
