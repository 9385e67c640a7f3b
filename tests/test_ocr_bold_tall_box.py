"""A bold header row whose OCR line box an accent made taller (pdf.scan.chars.glyphs.weight; issue 11, scan set I).

sjovik-valfard-frame@swe-300 p. 1: a table framed only round its outside, its bold
header row right above the first data row.  Tesseract gave the header line one box,
1 pt taller than the body's because of the ring of "Åtgärder"; the middle half of
that box, where `box_weight` looks, then held the thin ascenders of every head, and
the heads weighed 1.03-1.33 times body text (bold: 1.6) though their ink weighs
1.6-1.95.  Nothing parted the header from the first row: 0 records at 300 dpi (both
models), 11 of 11 at 150 and 200 dpi.  The crop in tests/scan_crops is the real ink
and text layer there, as `mark_bold` receives them (see tests/test_ocr_phantom_marks.py).
"""

from __future__ import annotations

from tests.test_ocr_phantom_marks import _crop, _words

HEADS = ["Tidsplan", "Indikatorer", "Fokusområde", "Ansvarig", "Åtgärder"]


def _bold(chars: list[dict]) -> set[str]:
    from planparse.extractors.pdf.scan.chars.runs import char_runs
    from planparse.extractors.pdf.scan.chars.glyphs.weight import BOLD_SUFFIX

    return {"".join(chars[i]["text"] for i in run) for run in char_runs(chars) if chars[run[0]]["fontname"].endswith(BOLD_SUFFIX)}


def test_the_header_box_is_taller_than_the_body_lines() -> None:
    chars, _ink, _scale = _crop("sjovik-frame-swe300-p1-head")
    heights = {w: c["bottom"] - c["top"] for w, c in ((w[0], next(c for c in chars if c["x0"] == w[1] and c["top"] == w[2])) for w in _words(chars))}
    assert heights["Åtgärder"] > heights["Familjecentrets"] + 0.8


def test_the_bold_heads_are_bold_and_the_body_is_not() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.weight import mark_bold

    chars, ink, scale = _crop("sjovik-frame-swe300-p1-head")
    bold = _bold(mark_bold(chars, ink, scale))
    # three heads of eight or more small letters seed the row (Tidsplan, Ansvarig, Åtgärder
    # have seven: too few to weigh alone); as on the 150 dpi scan of the same page
    assert {"Indikatorer", "Fokusområde"} <= bold
    assert bold <= set(HEADS) | {"2025"}  # the year under "Tidsplan" weighs nothing (digits) and may go with it
    body = {w for w, *_ in _words(chars)} - set(HEADS) - {"2025"}
    assert not bold & body


def test_weighed_over_the_whole_tall_box_no_head_is_bold(monkeypatch) -> None:
    """The mechanism: over the OCR box as Tesseract gave it, the heads weigh as body text."""
    from planparse.extractors.pdf.scan.chars.glyphs import weight

    chars, ink, scale = _crop("sjovik-frame-swe300-p1-head")
    monkeypatch.setattr(weight, "_body_top", lambda top, bottom, usual: top)
    assert not _bold(weight.mark_bold(chars, ink, scale)) & set(HEADS)


def test_a_body_line_as_tall_as_usual_is_weighed_as_before() -> None:
    from planparse.extractors.pdf.scan.chars.glyphs.weight import _body_top

    assert _body_top(10.0, 21.0, 11.0) == 10.0  # the usual height: the box as it is
    assert _body_top(9.0, 21.0, 11.0) == 10.0  # a little taller: the usual height up from its foot
    assert _body_top(5.0, 21.0, 11.0) == 5.0  # a heading's box (set large) is weighed whole
