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

import math
from bisect import bisect_left, bisect_right
from typing import Any

from planparse.extractors.pdf.scan.chars.boxes.ink import DESCENT, OWN_LINE_MIN, _bands, dense_rows
from planparse.extractors.pdf.scan.chars.runs import char_runs

NEXT_LINE = 1.6  # box heights: line middles closer than this are consecutive printed lines
COVER = 0.8  # share of the word's width the words of the line above (and below) must cover
MIDDLE = 0.12  # of the box height, either side of its middle: the band whose ink is looked at
LETTER_INK = 0.05  # share of that band's pixel columns with ink: under it the band is white between lines
CLOSE = 0.8  # box heights (the printed line's): a printed line's middle this near a word's white middle leaves no room for it
CLOSE_FAR = 1.0  # box heights (the printed line's): ... this near, when the ink shows no line of the word's own
MAX_LETTERS = 5  # garbage read from the white between lines is short ("kman", "äijän", "et 0")
MAX_LONG_LETTERS = 8  # ... or a little longer when the ink shows no line of its own ("NUUNNN": `_own_line`)
SPACE = 1.0  # box heights: a gap this narrow between two words of a line is a word space (or one OCR spaced wide)
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
        if letters[k] > MAX_LONG_LETTERS:
            continue  # a long word is a printed one, however far off its line Tesseract set it
        x0, x1, yc, own = boxes[k]
        h = min(own, usual)
        if h <= 0 or x1 <= x0:
            continue
        lo, hi = bisect_left(middles, yc - NEXT_LINE * h), bisect_right(middles, yc + NEXT_LINE * h)
        above, below, beside = [], [], []
        for j in order[lo:hi]:
            ox0, ox1, oyc, oh = boxes[j]
            if j == k or j in dropped or abs(oh - own) > 0.5 * own or abs(oyc - yc) < MIN_APART * h:
                continue
            if ox1 <= x0 or ox0 >= x1:  # a word a space beside it: its line may cover that space
                if x0 - SPACE * oh < ox1 and ox0 < x1 + SPACE * oh:
                    beside.append(j)
                continue
            (above if oyc < yc else below).append(j)
        if not above and not below or _middle_ink(ink, scale, x0, x1, yc, h) >= LETTER_INK:
            continue
        if letters[k] <= MAX_LETTERS and _near_printed(boxes, above + below, k, h, CLOSE * h, ink, scale, usual, spaced=False):
            dropped.add(k)  # a printed line's letters less than a line from this white middle: no line is printed here
            continue
        # further, up to a line of the printed line's own height, over a word space, or a longer
        # word: only where the ink under it shows no line of its own
        reach = [j for j in above + below + beside if abs(boxes[j][2] - yc) < CLOSE_FAR * min(boxes[j][3], usual)]
        if _near_printed(boxes, reach, k, h, math.inf, ink, scale, usual, spaced=True) and not _own_line(
            ink, scale, boxes[k], [boxes[j] for j in reach if j not in beside], letters[k] > 0, [boxes[j] for j in reach if j in beside]
        ):
            dropped.add(k)
            continue
        if letters[k] > MAX_LETTERS or not above or not below:
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


def _near_printed(boxes: list, idx: list[int], k: int, h: float, within: float, ink: Any, scale: float, usual: float, spaced: bool) -> bool:
    """Do the words `idx` whose middles stand less than `within` from word k's middle cover its
    width (COVER; with `spaced`, the word spaces between them counted in), one of them with
    letters' ink across its middle?"""
    x0, x1, yc, _own = boxes[k]
    close = [j for j in idx if abs(boxes[j][2] - yc) < within]
    return bool(close) and _covers(boxes, close, x0, x1, spaced) >= COVER and any(
        _middle_ink(ink, scale, boxes[j][0], boxes[j][1], boxes[j][2], min(boxes[j][3], usual)) >= LETTER_INK for j in close
    )


def _own_line(ink: Any, scale: float, box: tuple, close: list[tuple], letters: bool = True, beside: list[tuple] | None = None) -> bool:
    """Does the ink under a word's x range show a printed line of its own, not only the close
    printed lines' (a line whose x-height ends nearer the word's baseline than theirs)?

    Tesseract boxes a page's lines taller than their letters now and then (13 pt boxes for
    9 pt type, the letters in the lower half): a printed word's box middle may then be white
    too ("suuden" under "Lähiyhteisöt"), and only the white middle of a short word was taken
    as garbage.  A longer one goes only when its x range holds no ink line where its own
    baseline would be: "NUUNNN", read at the rows' first line out of the ascenders of a
    centred goal's "nti- ja" standing 7.7 pt lower, has the goal line's ink alone.

    A box set lower than its letters cuts their band at the window's top: the band is
    measured whole, up to a box height higher ("3-tason", boxed 4 pt under its ink,
    kymenlaakso-lnp-hrules@fin-300 p. 2, set G).  A box stretched taller than its letters
    says nothing of their height: a line of letters is as tall as the shortest box's share
    ("ar-" in a 17 pt box beside 9 pt lines, p. 4 of that scan, x-height letters alone).
    The words `beside` it, a word space to the side, widen the window but their lines are
    not others': the word may stand on theirs, its box set off it ("ningar" of "ningar per
    år" boxed 5 pt over "per", strandby-jamstalldhet-hrules@swe-300 p. 2, set J)."""
    x0, x1, yc, h = box
    around = close + (beside or [])
    top = min([yc - h / 2] + [b[2] - b[3] / 2 for b in around])
    bottom = max([yc + h / 2] + [b[2] + b[3] / 2 for b in around])
    ya, yb = max(0, int(top * scale)), min(ink.shape[0], int(math.ceil(bottom * scale)))
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(math.ceil(x1 * scale)))
    if yb - ya < 3 or xb - xa < 2:
        return True  # nothing to judge by: printed
    above = max(0, ya - int(h * scale))  # room for a band the window's top cuts
    profile = ink[above:yb, xa:xb].sum(axis=1)
    start = ya - above  # the window's first row in `profile`
    own = (yc + h / 2 - DESCENT * h) * scale - above
    others = [(b[2] + b[3] / 2 - DESCENT * b[3]) * scale - above for b in close]
    letter_h = min([h] + [b[3] for b in close])
    for a, b in _bands(profile, 1):
        if b <= start:
            continue  # wholly above the window: another line's
        if letters and b - a < OWN_LINE_MIN * letter_h * scale:
            continue  # dots or a speck, no line of letters (the i-dots over the line below; a dash is a mark's own)
        base = dense_rows(profile, a, b)[1]
        if all(abs(base - own) < abs(base - o) for o in others):
            return True
    return False


def _covers(boxes: list, idx: list[int], x0: float, x1: float, spaced: bool = False) -> float:
    """The share of [x0, x1] under the union of the boxes' x ranges; with `spaced`, the word
    spaces between them (under SPACE box heights) counted in: a garbage word read over a
    line's word space ("NUUNNN" over "hyvinvointi- ja") is covered by that line."""
    whole: list[list[float]] = []
    for j in sorted(idx, key=lambda j: boxes[j][0]):
        a, b, _yc, h = boxes[j]
        if whole and a - whole[-1][1] <= (SPACE * h if spaced else 0.0):
            whole[-1][1] = max(whole[-1][1], b)
        else:
            whole.append([a, b])
    spans = sorted((max(a, x0), min(b, x1)) for a, b in whole)
    covered, reach = 0.0, x0
    for a, b in spans:
        a = max(a, reach)
        if b > a:
            covered += b - a
            reach = b
    return covered / (x1 - x0)
