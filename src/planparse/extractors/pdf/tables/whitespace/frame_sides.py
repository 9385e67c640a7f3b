"""Text under the end of a table's frame is no part of the table.

A table drawn with an outer frame only (no inner rules) that runs on to the
next page may leave its frame open at the foot of the page: the two side rules
simply stop where the page's text area ends.  The running footer ("Sivu 2")
stands a little lower, closer to the last row than the gap that ends a
whitespace table, so the region takes it in as a last line.  There it does
harm before the furniture is known (a line far below its row's top makes its
column look like one of cells centred over their rows).  Where both side
rules of the frame reach down the region and end, the lines standing wholly
below their end (one or two: a footer, not rows going on without the frame)
are outside the table: the region stops there.  The border of a shaded band
(a header's fill) is no frame.
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.tables.whitespace.regions import Region
from planparse.extractors.pdf.tables.ruling.ruled import SHADING

_SIDE_SLACK = 6.0  # points: a side rule stands this close outside the region's text (the cell padding)
_REACH = 40.0  # points: a side rule stands at most this far beside the text's outer edge (a short cell)
_GAP = 1.0  # points: a rule segment this close to the next one goes on with it
_OCR_GAP = 4.0  # points: pieces of a side rule found in a scan's image this close are one rule
_OCR_LEVEL = 2.0  # points: on a scan, a frame ends where both its sides end this level
_FOOT_LINES = 2  # lines under the frame's end at most: a running footer, not rows going on past it


def _side_end(edges: Sequence[dict], x: float, top: float, gap: float = _GAP) -> float | None:
    """Where the vertical rules at x, joined end to end (`gap` apart at most) from the region's top down, end."""
    segs = sorted(
        (e["top"], e["bottom"])
        for e in edges
        if e.get("orientation") == "v" and abs(e["x0"] - x) <= 1.0 and e["bottom"] > top
    )
    end = None
    for a, b in segs:
        if end is None:
            if a > top + _SIDE_SLACK:
                return None  # the side does not reach the region's top: no frame around it
            end = b
        elif a <= end + gap:
            end = max(end, b)
    return end


def cut_below_frame(region: Region, edges: Sequence[dict], ocr: bool = False) -> Region:
    """The region without the lines standing wholly below the end of its frame's side rules
    (a left rule just left of all its text and a right one just right of it, both from
    the region's top down; see the module docstring).

    `ocr`: rules found in a scan's image break up, so pieces up to _OCR_GAP apart are one
    rule, and the frame ends only where both sides end level (_OCR_LEVEL): a break in one side
    says nothing (vake-osallisuus-frame scans: the region took "Sivu 2" 16 pt under the open
    frame's foot, and its last rows' bottom there centred the goals beside them a row too high)."""
    verticals = [e for e in edges if e.get("orientation") == "v" and not e.get(SHADING)]  # (a fill's border: no frame)
    if len(region.lines) < 3 or not verticals:
        return region
    upper = region.lines[: max(2, len(region.lines) // 2)]  # its text's extent, a footer aside
    x0, x1, top = min(ln.x0 for ln in upper), max(ln.x1 for ln in upper), region.top
    lefts = {round(e["x0"], 1) for e in verticals if x0 - _REACH <= e["x0"] <= x0 + 0.5}
    rights = {round(e["x0"], 1) for e in verticals if x1 - 0.5 <= e["x0"] <= x1 + _REACH}
    if not lefts or not rights:
        return region
    gap = _OCR_GAP if ocr else _GAP
    left_end = max((y for x in lefts if (y := _side_end(verticals, x, top, gap)) is not None), default=None)
    right_end = max((y for x in rights if (y := _side_end(verticals, x, top, gap)) is not None), default=None)
    if left_end is None or right_end is None or (ocr and abs(left_end - right_end) > _OCR_LEVEL):
        return region
    end = max(left_end, right_end)
    if any(ln.x0 < min(lefts) - 0.5 or ln.x1 > max(rights) + 0.5 for ln in region.lines if ln.top < end):
        return region  # text outside the rules: no frame around the table
    kept = [ln for ln in region.lines if ln.top < end]
    if len(kept) == len(region.lines) or len(kept) < 3 or len(region.lines) - len(kept) > _FOOT_LINES:
        return region
    return Region(kept, region.header, region.heads)
