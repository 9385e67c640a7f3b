"""Rows from text baselines in tables ruled only down (vertical rules, no rules between rows).

A statistical table often draws its column rules and the rules of its
header, but none between body rows: the cell finder then sees one tall box
per column over the whole body, and a reader would get every column as one
cell of many lines.  The rows are still printed: each line of the body sits on
a baseline shared by most columns, one line per row.  A band of the grid
where every column is such a tall box is cut at those baselines, when the
text says it is a table of one-line rows (`aligned_line_starts`: nearly every
line on a shared height, no cell of several lines); a band of a plan's table
whose cells hold paragraphs of different lengths fails that and stays whole.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

from planparse.extractors.pdf.tables.grid import BBox, WordIndex, cluster_values
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import Word, group_lines

MIN_COLUMNS = 3  # active columns a band needs before its baselines are read as rows
MIN_LINES = 3  # lines the fullest column of a band needs
FILLED_SHARE = 0.8  # every active column of a band holds at least this share of the fullest one's lines


def baseline_cuts(
    cells: Sequence[BBox], words: Sequence[Word], settings: PdfSettings, index: WordIndex | None = None
) -> list[BBox]:
    """The cell boxes with every band of tall one-line-row columns cut at its rows' baselines.

    `index`: the page's WordIndex of `words`, when the caller has one (saves a sort).
    """
    from planparse.extractors.pdf.tables.whitespace.borderless import aligned_line_starts  # borderless.py imports this module

    tol = settings.grid_tolerance
    xs = cluster_values([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = cluster_values([c[1] for c in cells] + [c[3] for c in cells], tol)
    if len(xs) < MIN_COLUMNS + 1 or len(ys) < 2:
        return list(cells)
    cuts: list[float] = []
    index = WordIndex(words) if index is None else index
    for top, bottom in zip(ys, ys[1:]):
        band = index.inside((xs[0], top, xs[-1], bottom), slack=0)
        if len(band) < MIN_COLUMNS * MIN_LINES:
            continue
        if all(w.bold for w in band):
            continue  # heads stacked in a bold header row, not rows
        per_col: list[list[Word]] = [[] for _ in range(len(xs) - 1)]
        last = len(xs) - 2
        for w in band:  # the column of the word's centre (w.xc, inlined: every word of the table passes here)
            c = bisect_right(xs, (w.x0 + w.x1) / 2) - 1
            per_col[0 if c < 0 else last if c > last else c].append(w)
        rough = [_line_count(ws) for ws in per_col if ws]  # cheap test first: most bands are rows
        if len(rough) < MIN_COLUMNS or max(rough) < MIN_LINES or min(rough) < FILLED_SHARE * max(rough) - 1:
            continue
        col_lines = [group_lines(ws, settings) for ws in per_col]
        if sum(1 for ls in col_lines if ls) < MIN_COLUMNS or max(len(ls) for ls in col_lines) < MIN_LINES:
            continue
        counts = [len(ls) for ls in col_lines if ls]
        if all(w.bold for w in band) or min(counts) < FILLED_SHARE * max(counts):
            continue  # heads stacked in a header row (one head beside four lines of another), not rows
        if not all(_one_box_over(cells, c0, c1, top, bottom, tol) for c0, c1, ls in zip(xs, xs[1:], col_lines) if ls):
            continue  # the band is already ruled into rows somewhere
        starts = aligned_line_starts(col_lines, settings)
        if len(starts) < MIN_LINES:
            continue
        lines = sorted((ln for ls in col_lines for ln in ls), key=lambda ln: ln.top)
        for y in starts[1:]:
            above = max((ln.bottom for ln in lines if ln.top < y - settings.row_align), default=y)
            cuts.append((above + y) / 2 if above < y else y - 0.5)
    if not cuts:
        return list(cells)
    out: list[BBox] = []
    for x0, t, x1, b in cells:
        inner = [y for y in cuts if t + tol < y < b - tol]
        edges = [t, *inner, b]
        out.extend((x0, a, x1, z) for a, z in zip(edges, edges[1:]))
    return out


def _line_count(words: Sequence[Word]) -> int:
    """About how many printed lines the words make (distinct tops, 1.5 pt apart)."""
    count, last = 0, None
    for top in sorted(w.top for w in words):
        if last is None or top - last > 1.5:
            count += 1
        last = top
    return count


def _one_box_over(cells: Sequence[BBox], x0: float, x1: float, top: float, bottom: float, tol: float) -> bool:
    """Is the column strip [x0, x1] x [top, bottom] one cell box of its own (no rule across
    it, and not a box spanning columns: a title over the table)?"""
    return any(abs(c[0] - x0) <= tol and abs(c[2] - x1) <= tol and c[1] <= top + tol and c[3] >= bottom - tol for c in cells)


ALIGNED_SHARE = 0.8  # outer lines that must sit on a baseline of the grid's text
ROW_SHARE = 0.6  # rows of the grid with text that must have outer text beside them


def _parts_in_columns(words: Sequence[Word], settings: PdfSettings) -> bool:
    """Do the words stand in two or more columns: a strip wider than a column gap that none covers?"""
    size = max(max(w.size for w in words), 1.0)
    reach = None
    for w in sorted(words, key=lambda w: w.x0):
        if reach is not None and w.x0 - reach >= settings.column_gap * size:
            return True
        reach = w.x1 if reach is None else max(reach, w.x1)
    return False


def outer_columns(cells: Sequence[BBox], words: Sequence[Word], settings: PdfSettings) -> list[BBox]:
    """The cell boxes with a column added on each side where the table's first or last
    column is printed outside its rules (no left or right border: the row labels
    stand left of the first rule, the last column right of the last one).

    The words beside the grid are taken as a column only when they read as one:
    nearly every line of them sits on the baseline of a line of the grid's own
    text, most of the grid's rows have such a line, and they stand no further
    from the grid than its widest column is wide, in one column (a table
    set beside this one has columns of its own).  Running text beside a
    table keeps its own leading and fails the baseline test.
    """
    tol = settings.grid_tolerance
    xs = cluster_values([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = cluster_values([c[1] for c in cells] + [c[3] for c in cells], tol)
    if len(xs) < 3 or len(ys) < 5:
        return list(cells)
    if not any((w.x1 <= xs[0] + 1 or w.x0 >= xs[-1] - 1) and ys[0] < w.yc < ys[-1] for w in words):
        return list(cells)  # nothing beside the grid
    inside = [w for w in words if xs[0] < w.xc < xs[-1] and ys[0] < w.yc < ys[-1]]
    tops = sorted(w.top for w in inside)
    rows_with_text = {bisect_left(ys, w.yc) - 1 for w in inside}
    widest = max(b - a for a, b in zip(xs, xs[1:]))
    out = list(cells)
    for side in ("left", "right"):
        if side == "left":
            beside = [w for w in words if w.x1 <= xs[0] + 1 and ys[0] < w.yc < ys[-1]]
            reach = xs[0] - max((w.x1 for w in beside), default=xs[0])
        else:
            beside = [w for w in words if w.x0 >= xs[-1] - 1 and ys[0] < w.yc < ys[-1]]
            reach = min((w.x0 for w in beside), default=xs[-1]) - xs[-1]
        lines = group_lines(beside, settings)
        if not lines or reach > widest or _parts_in_columns(beside, settings):
            continue  # far off, or text in columns of its own (a table beside this one)
        aligned = sum(1 for ln in lines if bisect_right(tops, ln.top + 1.5) > bisect_left(tops, ln.top - 1.5))
        rows = {bisect_left(ys, (ln.top + ln.bottom) / 2) - 1 for ln in lines}
        if aligned < ALIGNED_SHARE * len(lines) or len(rows & rows_with_text) < ROW_SHARE * len(rows_with_text):
            continue
        # a line standing across a grid line (a head centred over two header rows) merges those rows
        cuts = [y for y in ys if not any(ln.top + 1 < y < ln.bottom - 1 for ln in lines)]
        if side == "left":
            x0, x1 = min(w.x0 for w in beside) - 0.5, xs[0]
        else:
            x0, x1 = xs[-1], max(w.x1 for w in beside) + 0.5
        out.extend((x0, a, x1, b) for a, b in zip(cuts, cuts[1:]))
    return out


SPLIT_SHARE = 0.6  # rows of a ruled column whose text must part at the same whitespace strip
MIN_SPLIT_ROWS = 4


def whitespace_splits(
    cells: Sequence[BBox], words: Sequence[Word], settings: PdfSettings, index: WordIndex | None = None
) -> list[BBox]:
    """The cell boxes with a ruled column cut where its text stands in two columns of its own.

    Some tables rule only groups of columns ("Non-Hispanic white" over "Male  Female",
    the rule between Male and Female drawn in the header alone, or not at all): the
    grid column then holds two numbers a row.  A strip of the column that no word of
    its body crosses, with text on both sides of it on most rows and set further apart
    than a word space, is a column boundary; a head spanning both (crossing the strip)
    stays one cell over the two.  `index`: the page's WordIndex of `words`, when the
    caller has one.
    """
    tol = settings.grid_tolerance
    xs = cluster_values([c[0] for c in cells] + [c[2] for c in cells], tol)
    if len(xs) < 3:
        return list(cells)
    from planparse.extractors.pdf.tables.whitespace.regions import is_list_marker  # borderless.py imports this module

    cuts: list[float] = []
    index = WordIndex(words) if index is None else index
    for x0, x1 in zip(xs, xs[1:]):
        boxes = [c for c in cells if abs(c[0] - x0) <= tol and abs(c[2] - x1) <= tol]
        if len(boxes) < MIN_SPLIT_ROWS:
            continue
        found = [index.inside(b, slack=0) for b in boxes]
        if sum(1 for ws in found if len(ws) >= 2) < MIN_SPLIT_ROWS:
            continue  # too few cells of two words or more to stand in two columns
        texts = []
        for ws in found:  # a bullet or item number hanging before its text is no column of its own
            inside = [w for w in ws if not is_list_marker(w.text)]
            if inside:
                texts.append(inside)
        if len(texts) < MIN_SPLIT_ROWS:
            continue
        cut = _common_gap(texts, x0, x1, settings)
        if cut is not None:
            cuts.append(cut)
    if not cuts:
        return list(cells)
    out: list[BBox] = []
    for box in cells:
        inner = [x for x in cuts if box[0] + tol < x < box[2] - tol]
        if not inner:
            out.append(box)
            continue
        boxed = index.inside(box, slack=0)
        crossing = [x for x in inner if any(w.x0 < x < w.x1 for w in boxed)]
        edges = [box[0], *[x for x in inner if x not in crossing], box[2]]
        out.extend((a, box[1], b, box[3]) for a, b in zip(edges, edges[1:]))
    return out


def _common_gap(texts: Sequence[Sequence[Word]], x0: float, x1: float, settings: PdfSettings) -> float | None:
    """The middle of the widest strip of [x0, x1] that most cells' texts part at (words on
    both sides, a column gap apart, none across), or None."""
    step = 0.5
    n = int((x1 - x0) / step)
    if n < 4:
        return None
    apart = [0] * n
    crossed = [0] * n

    def mark(counts: list[int], a: float, b: float) -> None:
        for i in range(max(0, int((a - x0) / step)), min(n, int((b - x0) / step) + 1)):
            if a < x0 + (i + 0.5) * step < b:
                counts[i] += 1

    need = max(MIN_SPLIT_ROWS, SPLIT_SHARE * len(texts))
    parted = []
    for ws in texts:
        size = max(max(w.size for w in ws), 1.0)
        spans: list[list[float]] = []
        for w in sorted(ws, key=lambda w: w.x0):
            if spans and w.x0 <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], w.x1)
            else:
                spans.append([w.x0, w.x1])
        gaps = [(left, right) for (_a, left), (right, _b) in zip(spans, spans[1:]) if right - left >= settings.column_gap * size]
        parted.append((spans, gaps))
    if sum(1 for _spans, gaps in parted if gaps) < need:
        return None  # too few cells stand in two parts at all (paragraphs cover their column)
    for spans, gaps in parted:
        for a, b in spans:
            mark(crossed, a, b)
        for left, right in gaps:
            mark(apart, left, right)
    good = [i for i in range(n) if apart[i] >= need and crossed[i] <= 2]
    if not good:
        return None
    runs: list[list[int]] = []  # the longest run of good positions
    for i in good:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=len)
    return x0 + (best[0] + best[-1] + 1) / 2 * step
