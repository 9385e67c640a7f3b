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

from bisect import bisect_left, bisect_right
from typing import Any, Callable

from planparse.extractors.pdf.scan.chars.runs import char_runs

MAX_GAP = 2.5  # box heights: a few skipped letters, no wider
SPACES = 1.8  # the line's usual word spaces: a gap no wider is a word space, however narrow the boxes (left alone:
# a word's box width tells its type size, pdf.scan.sizes.even_ocr_sizes; a heading's spaces are all wide)
WIDE = 0.8  # box heights: a gap this wide between two words of a line reads as a column gap (pdf.scan.marks.LINE_START_GAP)
MAX_WHITE = 0.45  # box heights: the widest white stretch of a gap filled by skipped letters (a word space)
MIN_INKED = 0.35  # share of the gap's pixel columns with ink in them
SPACE = 0.3  # box heights: the word space left between the two words
BAND = 0.2  # of the box height, left out at top and bottom (the letters' middle is looked at)


def close_inked_gaps(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` with the left word of each inked wide gap stretched up to a word space before the right word."""
    runs = char_runs(chars)
    out = chars
    pairs = _neighbours(chars, runs)
    spaces = _line_spaces(chars, pairs)
    for a, b in pairs:
        left, right = chars[a[0]], chars[b[0]]
        bottom = left["bottom"]
        top = min(left["top"], right["top"])
        h = bottom - top
        if h <= 0:
            continue
        x1, x0 = chars[a[-1]]["x1"], right["x0"]
        usual = spaces(bottom, left["bottom"] - left["top"])
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


FOOT = 0.3  # points: words next in the layer's order on one foot are one OCR line (a word's top may rise)
LINE = 0.25  # box heights: feet this close are one printed line (a skewed scan's feet wander by tenths of a point)


def _neighbours(chars: list[dict], runs: list[list[int]]) -> list[tuple[list[int], list[int]]]:
    """Each run with the next run right of it on its line: the next in the layer's order on its
    foot, or, where Tesseract broke the printed line in two (on a skewed scan "pii" ends one OCR
    line and "sten" opens another; jarvela-ilmasto-shaded-header@eng-200-skew p. 2), the
    nearest run that starts right of it with its foot within LINE of the run's box height."""
    pairs: list[tuple[list[int], list[int]]] = []
    for k, a in enumerate(runs):
        foot, end = chars[a[0]]["bottom"], chars[a[-1]]["x1"]
        if k + 1 < len(runs) and abs(chars[runs[k + 1][0]]["bottom"] - foot) <= FOOT and chars[runs[k + 1][0]]["x0"] > end:
            pairs.append((a, runs[k + 1]))
            continue
        reach = LINE * (foot - chars[a[0]]["top"])
        after = [b for b in runs if abs(chars[b[0]]["bottom"] - foot) <= reach and chars[b[0]]["x0"] > end]
        if after:
            pairs.append((a, min(after, key=lambda b: chars[b[0]]["x0"])))
    return pairs


def _line_spaces(chars: list[dict], pairs: list[tuple[list[int], list[int]]]) -> Callable[[float, float], float]:
    """The median gap between two neighbouring words of the line on a foot, gaps of a column's
    width left out.  The line's words are those whose feet lie within FOOT of it, not on one
    rounded foot: on a skewed scan a line's feet wander by tenths of a point even after
    straightening, and a median of the two or three gaps on one exact foot (a bullet's, a
    column's) took a skipped-letters gap for a word space ("pii sten", päätösten)."""
    found = sorted(
        (chars[a[0]]["bottom"], gap, chars[a[0]]["bottom"] - chars[a[0]]["top"])
        for a, b in pairs
        if 0 < (gap := chars[b[0]]["x0"] - chars[a[-1]]["x1"]) <= MAX_GAP * (chars[a[0]]["bottom"] - chars[a[0]]["top"])
    )
    feet = [f for f, _, _ in found]

    def usual(foot: float, height: float) -> float:
        reach = LINE * height
        gaps = sorted(g for _, g, _ in found[bisect_left(feet, foot - reach) : bisect_right(feet, foot + reach)])
        return gaps[len(gaps) // 4] if gaps else 0.0

    return usual


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
