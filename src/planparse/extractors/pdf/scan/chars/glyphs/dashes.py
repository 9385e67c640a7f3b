"""En dashes OCR read as hyphens, told by the width of the stroke in the page image.

Tesseract reads an en dash as a hyphen now and then, most at 150-200 dpi ("7.-9.",
"(1-5)", "2025-2026", a dash bullet), and in a document that reads no dash anywhere
the text cannot tell which was printed.  The image can: an en dash is half an em
wide, a hyphen a quarter (Helvetica/Arial 0.56 and 0.24 em, Times 0.50 and 0.25),
so against the line's x-height an en dash is a little wider than it, a hyphen
about half as wide.  Measured on every hyphen and dash OCR read on the 84 scans
of sets E and H (150, 200 and 300 dpi, against the born-digital pages they were
made from: 7,347 hyphens, 1,323 en dashes), hyphens measured 0.3-0.78 x-heights,
en dashes 0.8-1.7 but for a few that run into a digit beside them and lose
columns; so a "-" whose stroke is `EN_DASH` x-heights wide or more is an en dash.

The stroke is looked for in the image, since OCR shares a word's box out evenly
among its characters: columns whose ink in the line is one thin horizontal stroke
between the baseline and the x-height (a dash that touches a letter loses only the
columns they share), the k-th such stroke of a word for its k-th dash.  The line's
baseline and x-height come from its glyphs around the dash (connected ink, which
the text layer's boxes do not give): the baseline most of them sit on, and the
height of the lower of their two heights (x-height letters, then ascenders and
capitals); a line of glyphs of one height is x-height letters unless its OCR
text has none (digits and capitals only: the x-height is then 0.7 of theirs).
Typography only, no word: the same for every language.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from planparse.extractors.pdf.scan.chars.pieces import ink_pieces
from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.raster import RENDER_DPI

EN_DASH = 0.85  # a stroke this many x-heights wide or more is an en dash (hyphens: at most 0.78)
MAX_DASH = 1.7  # wider than an en dash and a half: an em dash or a rule's piece, no judgement
WINDOW = 25.0  # points either side of a dash where the line's glyphs are measured
THIN = 0.3  # x-heights: a dash's stroke is no thicker (and at least 3 pixels are allowed)
BAND = (0.2, 0.85)  # x-heights over the baseline between which a dash's stroke lies
MIN_STROKE = 0.3  # x-heights: a narrower stroke is a piece of a letter (the bar of a 4)
CAP_TO_X = 0.7  # x-height over the height of digits and capitals
DASHES = frozenset("-\u2013\u2014")
# glyphs that stand on the baseline as high as the x-height: a line of one height whose
# OCR text holds none of them is digits and capitals
_X_LETTERS = frozenset("acemnorsuvwxzäöåi")
_DESCENDERS = frozenset("gjpqy")  # they do not stand on the baseline


def en_dashes(ink: Any, chars: list[dict]) -> list[dict]:
    """`chars` with each "-" made "–" where the page image shows an en dash's width.

    `ink`: the page's dark pixels other than rules at RENDER_DPI (raster.page_geometry),
    in the straightened frame `chars` are in.  A word judged needs one stroke per dash
    character; a "-" beside another dash ("—-", "--": one glyph OCR read twice) stays."""
    scale = RENDER_DPI / 72
    out = list(chars)
    glyphs = _ByHeight(chars)
    for run in char_runs(chars):
        text = "".join(chars[i]["text"] for i in run)
        if "-" not in text:
            continue
        dashes = [i for i in run if chars[i]["text"] in DASHES]
        strokes = _word_strokes(ink, chars, run, glyphs, scale)
        if strokes is None or len(strokes[0]) != len(dashes):
            continue
        found, xh = strokes
        for k, (i, stroke) in enumerate(zip(dashes, found)):
            alone = not (k and dashes[k - 1] == i - 1) and not (k + 1 < len(dashes) and dashes[k + 1] == i + 1)
            if chars[i]["text"] == "-" and alone and EN_DASH <= (stroke[1] - stroke[0]) / xh <= MAX_DASH:
                out[i] = {**chars[i], "text": "\u2013"}
    return out


class _ByHeight:
    """A page's printed characters sorted by the height of their box's middle, to find a line's."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["top"] + c["bottom"])
        self.keys = [c["top"] + c["bottom"] for c in self.chars]

    def around(self, middle: float, reach: float, x0: float, x1: float) -> list[dict]:
        """The characters whose box's middle lies within `reach` of `middle` and that overlap x0..x1."""
        lo, hi = bisect_left(self.keys, 2 * (middle - reach)), bisect_right(self.keys, 2 * (middle + reach))
        return [c for c in self.chars[lo:hi] if c["x1"] > x0 and c["x0"] < x1]


def _word_strokes(
    ink: Any, chars: list[dict], run: list[int], glyphs: _ByHeight, scale: float
) -> tuple[list[tuple[int, int]], float] | None:
    """(dash strokes of the word, as pixel columns; the line's x-height in pixels), or None."""
    first, last = chars[run[0]], chars[run[-1]]
    top, bottom = min(chars[i]["top"] for i in run), max(chars[i]["bottom"] for i in run)
    size = bottom - top
    near = glyphs.around((top + bottom) / 2, 0.3 * size, first["x0"] - WINDOW, last["x1"] + WINDOW)
    line = _line(ink, min(c["x0"] for c in near), max(c["x1"] for c in near), top, bottom, scale, "".join(c["text"] for c in near))
    if line is None:
        return None
    base, xh = line
    width = ink.shape[1]
    left, right = max(0, int((first["x0"] - 1.5 * size) * scale)), min(width, int((last["x1"] + 1.5 * size) * scale) + 1)
    lo, hi = (first["x0"] - 0.3 * size) * scale, (last["x1"] + 0.3 * size) * scale
    strokes = [s for s in _strokes(ink, left, right, base, xh) if s[1] > lo and s[0] < hi and s[1] - s[0] >= max(2, MIN_STROKE * xh)]
    return strokes, xh


def _line(ink: Any, x0: float, x1: float, top: float, bottom: float, scale: float, text: str) -> tuple[int, float] | None:
    """(baseline row, x-height in pixels) of the printed line in the OCR box top..bottom over x0..x1."""
    size = bottom - top
    r0 = max(0, int((top - 0.25 * size) * scale))
    crop = ink[r0 : int((bottom + 0.25 * size) * scale) + 1, max(0, int(x0 * scale)) : int(x1 * scale) + 1]
    glyphs = [g for g in ((y0, y1) for y0, _x0, y1, _x1 in ink_pieces(crop)) if g[0] > 0 and g[1] < crop.shape[0] and g[1] - g[0] >= 3]
    if len(glyphs) < 3:
        return None
    bottoms = [g[1] for g in glyphs]
    base = max(sorted(set(bottoms)), key=lambda b: sum(abs(b - other) <= 1 for other in bottoms))  # most glyphs stand on it
    heights = sorted(g[1] - g[0] for g in glyphs if abs(g[1] - base) <= 1)
    heights = [h for h in heights if h >= 0.4 * heights[int(0.9 * (len(heights) - 1))]]  # stops, specks
    if len(heights) < 3:
        return None
    low = sum(ch in _X_LETTERS for ch in text)
    tall = sum(ch.isalnum() and ch not in _X_LETTERS and ch not in _DESCENDERS for ch in text)
    if low < 2:  # digits and capitals
        return r0 + base, CAP_TO_X * heights[len(heights) // 2]
    return r0 + base, float(heights[int(low / (low + tall) * (len(heights) - 1) / 2)])  # the middle of the low ones


def _strokes(ink: Any, left: int, right: int, base: int, xh: float) -> list[tuple[int, int]]:
    """(first, end) columns of each run of columns whose ink in the line is one thin stroke
    in the dash band, the stroke's height steady along the run."""
    top = max(0, int(base - 1.6 * xh))
    band = ink[top:base, left:right]
    thin = max(3, round(THIN * xh))
    low, high = base - BAND[1] * xh, base - BAND[0] * xh
    count = band.sum(axis=0)
    first = band.argmax(axis=0)
    last = band.shape[0] - 1 - band[::-1].argmax(axis=0)
    middle = top + (first + last) / 2
    solid = (count > 0) & (count == last - first + 1) & (count <= thin) & (middle >= low) & (middle <= high)
    centres: list[float | None] = [float(m) if ok else None for m, ok in zip(middle.tolist(), solid.tolist())]
    found: list[tuple[int, int]] = []
    start = None
    for j, centre in enumerate(centres + [None]):
        if start is not None and (centre is None or abs(centre - centres[j - 1]) > 1.0):  # type: ignore[operator]
            found.append((left + start, left + j))
            start = None
        if centre is not None and start is None:
            start = j
    return found
