"""OCR words read between two printed lines, dropped (word boxes from the text layer's geometry).

At 150-200 dpi Tesseract now and then reads a line of garbage out of the
ascenders and descenders between two printed lines of a cell: "kman eivi"
between "Hyvinvointikoordinaatto-" and "ri (hyte-tiimi, ...", "SR äijän",
"4 a" (jarvela-ilmasto-header-rule@fin-200-skew, scan set E).  Each such line
sits half a line pitch from the real lines above and below it, so the table's
line pitch reads 7 pt where it is 14.4, every line of a cell becomes a block of
its own and rows are cut at list items and wrapped lines.

No printed word stands there: two lines whose middles are under 1.6 box heights
apart are consecutive printed lines, and nothing is printed between them.  A
word whose middle lies between two such lines, whose width the words of the
line above and of the line below each cover, and whose box's middle is white in
the page image (a printed word's middle is its letters' x-height, dense with
ink) is dropped; so is a word with a white middle less than a line from a
printed line's middle ("et 0" read over a goal's first line).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from planparse.extractors.pdf.scan.chars.runs import char_runs

NEXT_LINE = 1.6  # box heights: line middles closer than this are consecutive printed lines
COVER = 0.8  # share of the word's width the words of the line above (and below) must cover
MIDDLE = 0.12  # of the box height, either side of its middle: the band whose ink is looked at
LETTER_INK = 0.05  # share of that band's pixel columns with ink: under it the band is white between lines
CLOSE = 0.8  # box heights: a printed line's middle this near a word's white middle leaves no room for it
MAX_LETTERS = 5  # garbage read from the white between lines is short ("kman", "äijän", "et 0")
MIN_APART = 0.25  # box heights: the word's middle at least this far from each line's middle


def drop_between_lines(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` without the runs read between two consecutive printed lines (`ink`: the page
    image's dark pixels, rules taken out; `scale` pixels per point)."""
    runs = char_runs(chars)
    boxes = []
    for run in runs:
        first = chars[run[0]]
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        boxes.append((x0, x1, (first["top"] + first["bottom"]) / 2, first["bottom"] - first["top"]))
    order = sorted(range(len(boxes)), key=lambda k: boxes[k][2])
    middles = [boxes[k][2] for k in order]
    letters = [sum(chars[i]["text"].isalnum() for i in run) for run in runs]
    heights = sorted(b[3] for b, n in zip(boxes, letters) if n >= 3)
    if not heights:
        return chars
    usual = heights[len(heights) // 2]  # the page's usual box height (a stretched box says nothing of the pitch)
    dropped: set[int] = set()
    # the shortest first: a garbage word next to a real one must not make the real one look sandwiched
    for k in sorted(range(len(boxes)), key=lambda k: letters[k]):
        if letters[k] > MAX_LETTERS:
            continue  # a long word is a printed one, however far off its line Tesseract set it
        x0, x1, yc, own = boxes[k]
        h = min(own, usual)
        if h <= 0 or x1 <= x0:
            continue
        lo, hi = bisect_left(middles, yc - NEXT_LINE * h), bisect_right(middles, yc + NEXT_LINE * h)
        above, below = [], []
        for j in order[lo:hi]:
            ox0, ox1, oyc, oh = boxes[j]
            if j == k or j in dropped or ox1 <= x0 or ox0 >= x1 or abs(oh - own) > 0.5 * own:
                continue
            if oyc <= yc - MIN_APART * h:
                above.append(j)
            elif oyc >= yc + MIN_APART * h:
                below.append(j)
        if not above and not below or _middle_ink(ink, scale, x0, x1, yc, h) >= LETTER_INK:
            continue
        # a printed line's letters less than a line from this white middle: no line is printed here
        close = [j for j in above + below if abs(boxes[j][2] - yc) < CLOSE * h]
        if close and _covers(boxes, close, x0, x1) >= COVER and any(
            _middle_ink(ink, scale, boxes[j][0], boxes[j][1], boxes[j][2], min(boxes[j][3], usual)) >= LETTER_INK for j in close
        ):
            dropped.add(k)
            continue
        if not above or not below:
            continue
        if _covers(boxes, above, x0, x1) < COVER or _covers(boxes, below, x0, x1) < COVER:
            continue
        top_line = max(boxes[j][2] for j in above)
        low_line = min(boxes[j][2] for j in below)
        if low_line - top_line <= NEXT_LINE * h:
            dropped.add(k)
    gone = {i for k in dropped for i in runs[k]}
    if not gone:
        return chars
    return [c for i, c in enumerate(chars) if i not in gone]


def _middle_ink(ink: Any, scale: float, x0: float, x1: float, yc: float, h: float) -> float:
    """The share of pixel columns with ink across the box's middle (a printed word's
    x-height is dense with ink there; the white between two lines is not)."""
    ya, yb = max(0, int((yc - MIDDLE * h) * scale)), min(ink.shape[0], int((yc + MIDDLE * h) * scale) + 1)
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(x1 * scale) + 1)
    if yb <= ya or xb <= xa:
        return 1.0
    return float(ink[ya:yb, xa:xb].any(axis=0).mean())


def _covers(boxes: list, idx: list[int], x0: float, x1: float) -> float:
    """The share of [x0, x1] under the union of the boxes' x ranges."""
    spans = sorted((max(boxes[j][0], x0), min(boxes[j][1], x1)) for j in idx)
    covered, reach = 0.0, x0
    for a, b in spans:
        a = max(a, reach)
        if b > a:
            covered += b - a
            reach = b
    return covered / (x1 - x0)
