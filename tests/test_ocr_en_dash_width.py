"""En dashes OCR read as hyphens, told by the stroke's width in the page image (pdf.scan.chars.glyphs.dashes).

The crops are real scans of set E (tools/scans/make_scans.py --from-matrix, seed 14): the
straightened page image's ink at 150 dpi (rules taken out, as raster.page_geometry gives
it) around the word, and the OCR characters there, in points from the crop's corner.
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop


def _text(chars: list[dict]) -> str:
    return "".join(c["text"] for c in chars)


def test_a_grade_range_s_dash_is_told_from_the_compound_s_hyphen_after_it() -> None:
    """pihlajavesi-lapset-nuoret-borderless@fin-200-skew p. 2: "7.–9.-luokkalaisille" read
    "7.-9.-luokkalaisille"; the range's stroke is 0.9 x-heights wide, the compound's 0.4."""
    from planparse.extractors.pdf.scan.chars.glyphs.dashes import en_dashes

    chars, ink, _scale = _crop("pihlajavesi-borderless-fin200-p2-grades")
    assert "7.-9.-luokkalaisille" in _text(chars)
    assert "7.\u20139.-luokkalaisille" in _text(en_dashes(ink, chars))


def test_a_scale_s_dash_at_150_dpi() -> None:
    """pihlajavesi-lapset-nuoret-borderless@fin-150 p. 1: "Asiakaspalautteen keskiarvo (1–5)"
    read "(1-5)", and the document reads no other number range with a dash to go by."""
    from planparse.extractors.pdf.scan.chars.glyphs.dashes import en_dashes

    chars, ink, _scale = _crop("pihlajavesi-borderless-fin150-p1-scale")
    assert "(1-5)" in _text(chars)
    assert "(1\u20135)" in _text(en_dashes(ink, chars))


def test_the_widest_hyphens_stay_hyphens() -> None:
    """The hyphens that measured widest on sets E and H (0.7-0.75 x-heights at 150 dpi:
    a line-end hyphen touching its letter, a suspended hyphen before a comma) stay."""
    from planparse.extractors.pdf.scan.chars.glyphs.dashes import en_dashes

    for name, word in (("jarvela-header-rule-fin150-p1-suspended", "ajoneuvo-,"), ("koskenniemi-shaded-header-fin150-p1-line-end", "vuosipuo-")):
        chars, ink, _scale = _crop(name)
        assert word in _text(chars)
        assert _text(en_dashes(ink, chars)) == _text(chars)
