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
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.scan.ink import _runs

MARKS = frozenset("-–—=~_|[]!©«»*•")  # what OCR reads from nothing (letters and stops are left alone)
MAX_MARK_CHARS = 3
REACH = 0.3  # of the box height, looked at above and below the box for the mark's ink


def drop_phantom_marks(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` without the runs made only of marks that have no ink under them in `ink`
    (the page image's dark pixels, rules taken out; `scale` pixels per point)."""
    rows, cols = ink.shape
    gone: set[int] = set()
    for run in _runs(chars):
        text = "".join(chars[i]["text"] for i in run)
        if len(text) > MAX_MARK_CHARS or not set(text) <= MARKS:
            continue
        x0 = min(chars[i]["x0"] for i in run)
        x1 = max(chars[i]["x1"] for i in run)
        top = min(chars[i]["top"] for i in run)
        bottom = max(chars[i]["bottom"] for i in run)
        reach = REACH * (bottom - top)
        r0, r1 = max(0, int((top - reach) * scale)), min(rows, int((bottom + reach) * scale) + 1)
        c0, c1 = max(0, int(x0 * scale)), min(cols, int(x1 * scale) + 1)
        if r1 <= r0 or c1 <= c0:
            continue  # off the image: nothing to judge by
        if not ink[r0:r1, c0:c1].any():
            gone.update(run)
    if not gone:
        return chars
    return [c for i, c in enumerate(chars) if i not in gone]
