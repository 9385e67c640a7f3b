"""OCR marks read from white paper, dropped where the page image shows no ink (word boxes from pixels).

Tesseract reads dashes, rules and signs ("—", "=", "_", "|", "©") out of the
white between columns now and then: JPEG noise too faint to print, or nothing
at all.  Standing before a cell's first word, such a mark moves the cell's
text left across the column edge ("— Käynnissä" at x 709 under a head at
715), and a whitespace table breaks there or takes a new column; the gutter
rules of pdf.scan.raster catch the marks only where many lines start at the
column's edge.  The image tells directly: a printed dash, bullet or sign has
ink under its box; a mark with not one dark pixel there or a little above or
below it (Tesseract may seat a line's words a few points off) was never printed.
So is a word of one or two letters with no ink under it nor within half a
line's height beside it (an "N" read from the JPEG noise of a shaded header,
which gave the header a seventh column); a short word whose box stands a little
off its ink ("erbjuds i alla") has its neighbours' ink that near.  A mark's box
may miss its own ink too: a bullet read as "*" at 150 dpi had a box 1.4 pt wide
beside the dot.  So a mark also keeps ink a little to its left or right, as far
as the next word's box on its line and no further (that ink is the word's).
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.scan.chars.pieces import piece_labels

from planparse.extractors.pdf.scan.chars.runs import char_runs

MARKS = frozenset("-–—=~_|[]!©«»*•+")  # what OCR reads from nothing
MAX_MARK_CHARS = 3
MAX_LETTERS = 2  # a word this short may be a letter read from a speck of JPEG noise ("N" in a shaded header)
REACH = 0.3  # of the box height, looked at above and below the box for the mark's ink
MARK_MARGIN = 0.3  # of the box height, looked at left and right of a mark's box, up to its neighbours' boxes
LETTER_MARGIN = 0.5  # of the box height, looked at left and right of a short word's box: a word one space
# from its neighbours ("erbjuds i alla") whose box Tesseract set a little off its ink is kept


def drop_phantom_marks(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` without the runs made only of marks that have no ink under them in `ink`
    (the page image's dark pixels, rules taken out; `scale` pixels per point)."""
    rows, cols = ink.shape
    gone: set[int] = set()
    runs = char_runs(chars)
    for k, run in enumerate(runs):
        text = "".join(chars[i]["text"] for i in run)
        if not (len(text) <= MAX_MARK_CHARS and set(text) <= MARKS or len(text) <= MAX_LETTERS):
            continue
        x0 = min(chars[i]["x0"] for i in run)
        x1 = max(chars[i]["x1"] for i in run)
        top = min(chars[i]["top"] for i in run)
        bottom = max(chars[i]["bottom"] for i in run)
        reach = REACH * (bottom - top)
        r0, r1 = max(0, int((top - reach) * scale)), min(rows, int((bottom + reach) * scale) + 1)
        if set(text) <= MARKS:
            left, right = _free_sides(chars, runs, k, x0 - MARK_MARGIN * (bottom - top), x1 + MARK_MARGIN * (bottom - top))
        else:
            left, right = x0 - LETTER_MARGIN * (bottom - top), x1 + LETTER_MARGIN * (bottom - top)
        c0, c1 = max(0, int(left * scale)), min(cols, int(right * scale) + 1)
        if r1 <= r0 or c1 <= c0:
            continue  # off the image: nothing to judge by
        if not ink[r0:r1, c0:c1].any() or set(text) <= MARKS and not _own_ink(ink, r0, r1, c0, c1, bottom - top, scale):
            gone.update(run)
    if not gone:
        return chars
    return [c for i, c in enumerate(chars) if i not in gone]


def _own_ink(ink: Any, r0: int, r1: int, c0: int, c1: int, height: float, scale: float) -> bool:
    """Does a piece of ink lie mostly (over half its pixels) in the window (rows r0:r1, columns c0:c1)?

    The window reaches past a mark's box; a piece of ink it only clips belongs to a
    word beside it: the hyphen of the line above whose ink runs past its box, the
    letters of the line below ("vahvis-" under a "—" read from the white after "ja")."""
    import numpy as np

    rows, cols = ink.shape
    pad = max(2, int(height * scale))
    R0, R1, C0, C1 = max(0, r0 - pad), min(rows, r1 + pad), max(0, c0 - pad), min(cols, c1 + pad)
    labels = piece_labels(ink[R0:R1, C0:C1])
    total = np.bincount(labels.ravel())
    inside = np.bincount(labels[r0 - R0 : r1 - R0, c0 - C0 : c1 - C0].ravel(), minlength=len(total))
    return bool((2 * inside[1:] > total[1:]).any())


def _free_sides(chars: list[dict], runs: list[list[int]], k: int, left: float, right: float) -> tuple[float, float]:
    """(left, right) narrowed so as not to reach into the boxes of the runs before and after
    run `k` on its line: ink there belongs to those words."""
    me = chars[runs[k][0]]
    height = max(me["bottom"] - me["top"], 1.0)
    for j in (k - 1, k + 1):
        if not 0 <= j < len(runs):
            continue
        other = runs[j]
        if abs(chars[other[0]]["top"] - me["top"]) > 0.3 * height:
            continue  # another line
        x0 = min(chars[i]["x0"] for i in other)
        x1 = max(chars[i]["x1"] for i in other)
        if j < k:
            left = max(left, x1)
        else:
            right = min(right, x0)
    return left, right
