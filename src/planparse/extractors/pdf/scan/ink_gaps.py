"""Letters OCR skipped inside a word: the gap they leave closed where the page image shows ink (word boxes from pixels).

Tesseract now and then drops letters in the middle of a word and writes the
rest as two words with the skipped letters' width of white between them:
"arviointi" read "arvi: nti" in a shaded header at 150 dpi, 9 pt apart.  A gap
that wide is a column gap to the table reader: the header took an extra column
there, the body's lines ran across it, and the table broke under its header
(kymenlaakso-lnp-shaded-header, scan set E).

The image tells a column gap from skipped letters: a column gap is white from
one side to the other at the height of the line's letters; skipped letters are
ink with at most letter and word spaces of white between them.  Where the gap
between two words of one OCR line is wider than a column gap may be narrow, and
the ink fills it so, the left word's letters are spread up to a word space
before the right word (the text is left as read).
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.scan.ink import _runs

MAX_GAP = 2.5  # box heights: a few skipped letters, no wider
SPACES = 1.8  # the line's usual word spaces: a gap no wider is a word space, however narrow the boxes (left alone:
# a word's box width tells its type size, pdf.scan.raster.even_ocr_sizes; a heading's spaces are all wide)
WIDE = 0.8  # box heights: a gap this wide between two words of a line reads as a column gap (pdf.scan.raster.LINE_START_GAP)
MAX_WHITE = 0.45  # box heights: the widest white stretch of a gap filled by skipped letters (a word space)
MIN_INKED = 0.35  # share of the gap's pixel columns with ink in them
SPACE = 0.3  # box heights: the word space left between the two words
BAND = 0.2  # of the box height, left out at top and bottom (the letters' middle is looked at)


def close_inked_gaps(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` with the left word of each inked wide gap stretched up to a word space before the right word."""
    runs = _runs(chars)
    out = chars
    spaces = _line_spaces(chars, runs)
    for a, b in zip(runs, runs[1:]):
        left, right = chars[a[0]], chars[b[0]]
        bottom = left["bottom"]
        if abs(right["bottom"] - bottom) > 0.3:
            continue  # not one OCR line (its words share the line's foot; a word's top may rise)
        top = min(left["top"], right["top"])
        h = bottom - top
        if h <= 0:
            continue
        x1, x0 = chars[a[-1]]["x1"], right["x0"]
        usual = spaces.get(round(bottom, 1), 0.0)
        if not max(WIDE * h, SPACES * usual) < x0 - x1 <= MAX_GAP * h or not (_wordlike(chars, a) and _wordlike(chars, b)):
            continue
        ya, yb = max(0, int((top + BAND * h) * scale)), min(ink.shape[0], int((bottom - BAND * h) * scale) + 1)
        xa, xb = max(0, int(x1 * scale) + 1), min(ink.shape[1], int(x0 * scale))
        if yb - ya < 2 or xb - xa < 2:
            continue
        inked = ink[ya:yb, xa:xb].any(axis=0)
        if inked.mean() < MIN_INKED or _widest_white(inked) > MAX_WHITE * h * scale:
            continue
        start, end = left["x0"], x0 - SPACE * h
        if end <= start:
            continue
        if out is chars:
            out = list(chars)
        step = (end - start) / len(a)
        for k, i in enumerate(a):
            c = dict(out[i])
            c["x0"], c["x1"] = start + k * step, start + (k + 1) * step
            out[i] = c
    return out


def _line_spaces(chars: list[dict], runs: list[list[int]]) -> dict[float, float]:
    """The median gap between two words of each OCR line (by its foot), gaps of a column's width left out."""
    gaps: dict[float, list[float]] = {}
    for a, b in zip(runs, runs[1:]):
        foot = round(chars[a[0]]["bottom"], 1)
        gap = chars[b[0]]["x0"] - chars[a[-1]]["x1"]
        if abs(chars[b[0]]["bottom"] - chars[a[0]]["bottom"]) <= 0.3 and 0 < gap <= MAX_GAP * (chars[a[0]]["bottom"] - chars[a[0]]["top"]):
            gaps.setdefault(foot, []).append(gap)
    return {foot: sorted(g)[len(g) // 2] for foot, g in gaps.items()}


def _wordlike(chars: list[dict], run: list[int]) -> bool:
    """Two letters or more: a part of a word (a lone mark or letter may be a speck's)."""
    return sum(chars[i]["text"].isalpha() for i in run) >= 2


def _widest_white(inked: Any) -> int:
    """The longest stretch of pixel columns without ink."""
    best = run = 0
    for has_ink in inked.tolist():
        run = 0 if has_ink else run + 1
        best = max(best, run)
    return best
