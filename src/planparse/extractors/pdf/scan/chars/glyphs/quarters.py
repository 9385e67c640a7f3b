"""OCR characters checked against the page image where the text alone cannot tell.

Tesseract's Finnish model reads the Q of a quarter ("Q3/2025") as a zero,
an O or a G, on every page and at every resolution, so no other instance in
the document shows the right reading.  The image does: a Q is about half as
wide again as a digit (digits share one width in every common typeface), a 0
is not.  So a "0N/YYYY" (N 1-4) whose first glyph in the image is that much
wider than the year's digits is a quarter.  Where the word's glyphs run
together (a slash touching its digits leaves four or five runs of ink), the
first glyph is measured against the glyphs' own height instead: a Q is about
as wide as it is tall, a 0 two thirds of that.  A G or an O is no reading of
a "letter, digit 1-4, slash, year" notation, and its glyph is as wide as a Q's.
"""

from __future__ import annotations

import re
from typing import Any

from planparse.extractors.pdf.scan.raster import RENDER_DPI

# the year may be cut where a narrow column's line is full ("Q3/202" / "5"), and the Q read as an O
_QUARTER_READ_AS_ZERO = re.compile(r"(?<![\w/.-])[0OG][1-4]/(?:(?:19|20)\d\d|20\d)(?![\w/])")
WIDE_GLYPH = 1.25  # a first glyph this much wider than the year's digits is a letter (Q), not 0
SQUARE_GLYPH = (0.82, 1.25)  # a first glyph this wide for the glyphs' height is a Q (0: ~0.67; two run together: ~1.4)
LOW_RUN = 0.6  # a run of ink lower than this share of the glyphs' height is a dash or a speck, no glyph
RULE_ROW = 0.8  # a pixel row dark across this share of the word's box is a rule, not ink of a glyph
RULE_COLUMN = 0.95  # a pixel column dark over the box and half its height above and below is a rule


def quarter_letters(dark: Any, chars: list[dict]) -> list[dict]:
    """`chars` with the 0 (or O) of each "0N/YYYY" made a Q where the page image shows a wide first glyph.

    `dark`: the page's dark pixels at RENDER_DPI (raster.page_geometry), in the
    straightened frame `chars` are in."""
    text = "".join(str(c.get("text", "")) for c in chars)
    if len(text) != len(chars):
        return chars
    spots = [(m.start(), m.end()) for m in _QUARTER_READ_AS_ZERO.finditer(text)]
    spots = [(i, end) for i, end in spots if _one_line(chars[i:end])]
    if not spots:
        return chars
    scale = RENDER_DPI / 72
    out = list(chars)
    for i, end in spots:  # a cut year ("Q3/202") leaves six glyphs, enough to judge
        if _wide_first_glyph(dark, chars[i:end], scale):
            out[i] = {**chars[i], "text": "Q"}
    return out


def _one_line(word: list[dict]) -> bool:
    return len({round(float(c["top"])) for c in word}) == 1 or max(float(c["top"]) for c in word) - min(float(c["top"]) for c in word) < 2


def _glyph_runs(box: Any) -> list[tuple[int, int]]:
    """(width, height) in pixels of the runs of inked columns in a word's box: one per glyph, roughly."""
    inked = box.any(axis=0)
    runs, start = [], None
    for x, on in enumerate(list(inked) + [False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            if x - start >= 2:  # a speck
                rows = box[:, start:x].any(axis=1).nonzero()[0]
                runs.append((x - start, int(rows[-1] - rows[0]) + 1))
            start = None
    return runs


def _wide_first_glyph(dark: Any, word: list[dict], scale: float) -> bool:
    """Is the word's first glyph a Q: wider than the year's digits in a box padded by 0.6 of a
    glyph, or, in a box padded by a whole glyph (OCR may box the word right of the Q's ink) and
    with a dash or speck before it left out, as wide as the glyphs are tall?"""
    runs = _runs(dark, word, scale, 0.6)
    if len(runs) >= 6 and _wider_than_digits([w for w, _h in runs]):
        return True
    runs = _runs(dark, word, scale, 1.0)
    if not runs:
        return False
    height = sorted(h for _w, h in runs)[len(runs) // 2]
    while runs and runs[0][1] < LOW_RUN * height:  # a dash or a speck before the word
        runs = runs[1:]
    widths = [w for w, _h in runs]
    if len(widths) >= 6 and _wider_than_digits(widths):
        return True
    if len(widths) < 4:  # glyphs run together: no judgement
        return False
    return SQUARE_GLYPH[0] * height <= widths[0] <= SQUARE_GLYPH[1] * height


def _wider_than_digits(widths: list[int]) -> bool:
    digits = sorted(widths[-4:])
    digit = (digits[1] + digits[2]) / 2
    return digit > 0 and widths[0] >= WIDE_GLYPH * digit


def _runs(dark: Any, word: list[dict], scale: float, pad_glyphs: float) -> list[tuple[int, int]]:
    """The glyph runs of the word's box widened by `pad_glyphs` of a glyph's share each side,
    rules beside and through it taken out."""
    x0 = min(float(c["x0"]) for c in word)
    x1 = max(float(c["x1"]) for c in word)
    top = min(float(c["top"]) for c in word)
    bottom = max(float(c["bottom"]) for c in word)
    pad = (x1 - x0) / len(word) * pad_glyphs  # OCR's boxes are the word's width shared evenly: a Q may stick out
    left, right = max(0, int((x0 - pad) * scale)), int((x1 + pad) * scale)
    half = (bottom - top) / 2
    tall = dark[max(0, int((top - half) * scale)) : int((bottom + half) * scale), left:right]
    box = dark[max(0, int(top * scale)) : int(bottom * scale), left:right]
    if box.size == 0 or tall.size == 0:
        return []
    box = box[:, tall.mean(axis=0) < RULE_COLUMN]  # columns of a rule beside the word (it runs on past it)
    box = box[box.mean(axis=1) < RULE_ROW] if box.size else box  # rows of a rule through the box
    return _glyph_runs(box) if box.size else []
