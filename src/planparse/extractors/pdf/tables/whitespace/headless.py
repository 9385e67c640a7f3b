"""OCR: a column whose head the OCR lost, found in the body's white space.

Whitespace columns are anchored on the header row's segments (one column per
head).  Tesseract at 150 dpi may drop a head word altogether ("Åtgärder" over
the action column): the column it heads then runs into its neighbour, two
columns' words in one cell ("...utvidgas 2025").  The body still shows the
column: a white strip runs down through every line of the merged column, and
the lines right of it begin level with each other (a left-aligned column's
edge, or a list's items hang at their text right of the markers there) -- no single
column's text leaves such a strip with text on both sides.
Such a column is split there; the part without a head is a column of its own
whose head is empty (the normalizer places it by its neighbours).
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.whitespace.regions import Region, column_of, is_list_marker

ALIGN = 2.0  # points: line starts this close begin at one column edge
ALIGNED_SHARE = 0.75  # share of the lines right of the strip that must begin at its edge
MIN_LINES = 3  # lines on each side of the strip (a column of one or two lines shows no edge)


def headless_columns(region: Region, cols: Sequence[float], settings: PdfSettings) -> list[float]:
    """`cols` with each column split at a white strip no body word crosses, wider than a
    column gap, with text on both sides in MIN_LINES lines or more, the lines right of it
    beginning level (ALIGN) and no head crossing it (one side of the split has no head)."""
    header = {id(w) for seg in region.header for w in seg.words} | {id(w) for ln in region.heads for w in ln.words}
    body = [ln for ln in region.lines if not any(id(w) in header for w in ln.words)]
    out = [cols[0]]
    for c in range(len(cols) - 1):
        cut = _strip(region, body, cols, c, settings)
        if cut is not None:
            out.append(cut)
        out.append(cols[c + 1])
    return out


def _strip(region: Region, body: Sequence, cols: Sequence[float], c: int, settings: PdfSettings) -> float | None:
    """Where column c splits (the right side's edge), or None."""
    lines = [[w for w in ln.words if column_of(w.x0, cols) == c] for ln in body]
    lines = [ws for ws in lines if ws]
    words = [w for ws in lines for w in ws]
    if len(lines) < 2 * MIN_LINES:
        return None
    sizes = sorted(w.size for w in words)
    gap_min = settings.column_gap * max(sizes[len(sizes) // 2], 1.0)
    spans = sorted((w.x0, w.x1) for w in words)
    best: tuple[float, float] | None = None
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= gap_min and (best is None or x0 - reach > best[1] - best[0]):
            best = (reach, x0)
        reach = max(reach, x1)
    if best is None:
        return None
    g0, g1 = best
    right_words = [sorted((w for w in ws if w.x0 >= g1), key=lambda w: w.x0) for ws in lines]
    right_words = [ws for ws in right_words if ws]
    right = [ws[0].x0 for ws in right_words]
    left = [ws for ws in lines if any(w.x1 <= g0 and not is_list_marker(w.text) for w in ws)]
    if len(right) < MIN_LINES or len(left) < MIN_LINES:
        return None
    edge = min(right)
    # a list's later lines hang at its items' text, right of their markers at the edge
    hangs = [ws[1].x0 for ws in right_words if len(ws) > 1 and ws[0].x0 - edge <= ALIGN and is_list_marker(ws[0].text)]
    level = [x for x in right if x - edge <= ALIGN or any(abs(x - h) <= ALIGN for h in hangs)]
    if len(level) < ALIGNED_SHARE * len(right):
        return None
    heads = [seg for seg in region.header if cols[c] - 0.5 <= seg.x0 < cols[c + 1] - 0.5]
    if any(seg.x0 < g0 and seg.x1 > g1 for seg in heads):
        return None  # a head spans the strip: one column's, set apart by chance
    return max(edge - ALIGN, (g0 + g1) / 2)  # (OCR boxes wander: a little room left of the edge)


def crossed_edges(region: Region, cols: Sequence[float]) -> list[float]:
    """`cols` without the inner edges the body's text runs across: an edge that more body
    words cross than begin in the column right of it (two at least) parts no columns.

    At 150 dpi Tesseract boxes words short and spaces them wide: a first row's "Liikunta-
    ja" ("Liikunta-" boxed 4 points short) reads as two runs and makes a column of "ja"
    though the cell's next lines ("kulttuuripal-") run on through that gap.  A column edge
    between two of the first row's runs is then found where the fewest words cross it
    (`borderless.column_edges`); a true column's edge is crossed by a glued word or two at
    most, and its column's words begin right of it.
    """
    header = {id(w) for seg in region.header for w in seg.words} | {id(w) for ln in region.heads for w in ln.words}
    words = [w for ln in region.lines for w in ln.words if id(w) not in header]
    out = list(cols)
    k = 1
    while k < len(out) - 1:
        e = out[k]
        crossing = sum(1 for w in words if w.x0 < e - 0.5 and w.x1 > e + 0.5)
        starting = sum(1 for w in words if column_of(w.x0, out) == k)
        if crossing >= 2 and crossing > starting:
            del out[k]
        else:
            k += 1
    return out
