"""Whitespace columns, rows from horizontal rules: tables ruled only across.

A table drawn with horizontal rules and no vertical ones (or an outer frame
with rules between rows) is no grid for the cell finder, so its columns come
from whitespace (pdf.tables.whitespace.borderless).  Its rules still say where rows end, and
more: a rule is drawn only under the cells it closes.  Word processors leave
the rule out under a cell merged over several rows (a goal beside its
actions), so a rule that does not cover a column does not cut that column's
cell.  Each column is cut at the rules that cover it; a cell between two of
them spanning several rows of the table is a merged cell.
"""

from __future__ import annotations

from typing import Callable, Sequence

from planparse.extractors.pdf.tables.grid import GridCell, PageTable, assemble_rows
from planparse.intermediate import RawRow
from planparse.extractors.pdf.tables.ruling.ruled import SHADING
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import Word

COVER = 0.6  # share of a column's width a rule must run under to close that column's cell
RULE_SPAN = 0.5  # share of the table's width a rule must cover to part its rows at all


def rule_rows(edges: Sequence[dict], x0: float, x1: float, top: float, bottom: float, tol: float) -> list[tuple[float, list[tuple[float, float]]]]:
    """Drawn horizontal rules between top and bottom, as (height, covered x intervals),
    segments at one height joined (reportlab draws a rule cell by cell); only
    rules covering RULE_SPAN of [x0, x1].  The borders of shaded areas are left
    out: a shaded header's lower edge says nothing about the rows below."""
    found: list[tuple[float, list[tuple[float, float]]]] = []
    drawn = (e for e in edges if e.get("orientation") == "h" and not e.get(SHADING))  # a fill's border parts no rows
    for e in sorted(drawn, key=lambda e: e["top"]):
        if not top - 2 < e["top"] < bottom + 2:
            continue
        a, b = max(e["x0"], x0 - 2), min(e["x1"], x1 + 2)
        if b <= a:
            continue
        if found and e["top"] - found[-1][0] <= tol:
            found[-1][1].append((a, b))
        else:
            found.append((e["top"], [(a, b)]))
    return [(y, spans) for y, spans in found if _covered(spans, x0, x1) >= RULE_SPAN * (x1 - x0)]


def _covered(spans: Sequence[tuple[float, float]], a: float, b: float) -> float:
    """Length of [a, b] under the union of spans."""
    total, reach = 0.0, a
    for s0, s1 in sorted(spans):
        s0, s1 = max(s0, reach), min(s1, b)
        if s1 > s0:
            total += s1 - s0
            reach = s1
    return total


def closing_rule(cuts: Sequence[tuple[float, set[int]]], words: Sequence[Word], n_cols: int) -> float | None:
    """The last cut, when it is a rule under every column with only lines set well
    apart below it (a running footer after the table's bottom rule), else None.

    A row's first line sits just under the rule above it; a line more than
    GAP_LINES of its own height lower is no row's first line.
    """
    if len(cuts) < 2:
        return None
    y, cover = cuts[-1]
    below = [w for w in words if w.top >= y - 0.5]
    if len(cover) < n_cols or not below:
        return None
    first = min(below, key=lambda w: w.top)
    return y if first.top - y > GAP_LINES * (first.bottom - first.top) else None


GAP_LINES = 1.0


def _header_above(words: Sequence[Word], y: float) -> bool:
    """Are the words above height y all bold (a header row over its rule)?"""
    above = [w for w in words if w.bottom <= y + 1]
    return bool(above) and all(w.bold for w in above)


def _under_data(words: Sequence[Word], y: float) -> bool:
    """Is the rule at height y drawn under a row of data, not under a header: is any word of
    the line just above it plain (a header row's words are all bold)?"""
    above = [w for w in words if w.bottom <= y + 1]
    if not above:
        return False
    last = max(w.bottom for w in above)
    return not all(w.bold for w in above if w.bottom >= last - 2)


def header_rules_only(words: Sequence[Word], ys: Sequence[float]) -> bool:
    """Are all the rules at heights ys drawn under header rows (bold words only on the
    line above each), with rows of data (plain words) between the first and the last?
    A booktabs table rules its header, and again its header repeated lower on the page
    (a new part of the table); such rules part no data rows.  (Rules under two header
    rows stacked, nothing plain between them, leave the rows below to the rules' reading.)"""
    if len(ys) < 2 or any(_under_data(words, y) for y in ys):
        return False
    return any(not w.bold and min(ys) < w.top < max(ys) for w in words)


def hrule_table(
    words: Sequence[Word],
    cols: Sequence[float],
    column_of: Callable[[float, Sequence[float]], int],
    edges: Sequence[dict],
    top: float,
    bottom: float,
    text_starts: Sequence[float],
    page: int,
    settings: PdfSettings,
    min_rules: int = 2,
    framed_part: bool = False,
) -> PageTable | None:
    """A table whose rows are parted by rules (two or more inside it under all
    columns but at most one, a merged one), or None.

    `cols`: whitespace column edges; `column_of(x, cols)` the column a word
    starting at x belongs to; `text_starts`: row starts read from text
    alignment (one-line rows between sparser rules), which cut every column.
    `min_rules`: the rules inside it that make it one; a single rule (under a
    header) is also a booktabs table's, whose rows are not ruled -- unless the
    table's part on the page before had its rows parted by rules (`min_rules=1`):
    then a single rule under the part's repeated header (bold words only above it)
    leaves one row for this page.
    `framed_part`: the part of a table that goes on from the page before (no
    header row, whose lone rule would be no row rule): one rule inside is
    enough when rules also close it above and below (`_framed`).
    """
    n_cols = len(cols) - 1
    rules = rule_rows(edges, cols[0], cols[-1], top, bottom, settings.row_align)
    inner = [(y, spans) for y, spans in rules if top + 2 < y < bottom - 2]
    if not inner and min_rules == 1 and n_cols >= 2 and words and _framed(edges, cols, top, bottom, words, settings):
        return _one_ruled_row(words, cols, column_of, top, bottom, page, settings)
    needed = min_rules
    if len(inner) == 1 and min_rules == 1 and not _header_above(words, inner[0][0]):
        needed = 2  # the one rule is no repeated header's: it says nothing of rows
    if framed_part and _framed(edges, cols, top, bottom, words, settings):
        needed = 1
    if len(inner) < needed or n_cols < 2:
        return None
    if min_rules > 1 and not framed_part and header_rules_only(words, [y for y, _s in inner]):
        return None  # rules under the header and its repetition only: rows come from whitespace
    cuts: list[tuple[float, set[int]]] = [(top, set(range(n_cols)))]
    for y, spans in inner:
        cover = {c for c in range(n_cols) if _covered(spans, cols[c], cols[c + 1]) >= COVER * (cols[c + 1] - cols[c])}
        if cover:
            cuts.append((y, cover))
    if sum(len(cover) >= max(2, n_cols - 1) for _y, cover in cuts[1:]) < min(2, needed):
        return None  # rules under a few columns only: the rules of spanning heads, not of rows
    cuts_ruled = list(cuts[1:])  # drawn rules, before the text's own row starts join them
    for y in text_starts:
        if top + 2 < y < bottom - 2 and all(abs(y - cy) > settings.row_align for cy, _c in cuts):
            cuts.append((y, set(range(n_cols))))
    cuts.sort(key=lambda t: t[0])
    tops = sorted(w.top for w in words)
    # a cut with no text beginning before the next cut makes no row (a rule a little above its row's text)
    kept = [cuts[0]]
    for i, (y, cover) in enumerate(cuts[1:], start=1):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else bottom + 1
        if any(y - settings.row_align <= t < end for t in tops):
            kept.append((y, cover))
    closing = closing_rule(kept, [w for w in words], n_cols)
    if closing is not None:  # lines well below the rule that closes the table are not in it
        bottom = closing
        words = [w for w in words if w.top < closing]
        kept = [(y, cover) for y, cover in kept if y < closing]
    ys = [y for y, _c in kept] + [bottom]
    n_rows = len(ys) - 1
    per_col: list[list[Word]] = [[] for _ in range(n_cols)]
    for w in words:
        per_col[column_of(w.x0, cols)].append(w)
    cells = []
    for c in range(n_cols):
        rows_cut = [r for r, (_y, cover) in enumerate(kept) if r == 0 or c in cover] + [n_rows]
        for r0, r1 in zip(rows_cut, rows_cut[1:]):
            inside = [w for w in per_col[c] if ys[r0] - settings.row_align <= w.top < ys[r1] - settings.row_align or (r1 == n_rows and w.top >= ys[r0])]
            cells.append(GridCell(r0, r1, c, c + 1, (cols[c], ys[r0], cols[c + 1], ys[r1]), inside))
    row_boxes = [(cols[0], ys[r], cols[-1], ys[r + 1]) for r in range(n_rows)]
    rows = assemble_rows(cells, n_rows, n_cols, page, row_boxes, settings)  # columns end where their text does
    rows = [row for row in rows if not all(c.is_empty and not c.merged_from_above for c in row.cells)]
    if len(rows) < 2:
        return None
    _close_last_row(rows[-1], edges, cols, words, settings)
    # only rules under data rows say the rows are ruled (carried overleaf): rules under a
    # header, the table's and a repeated one's, are a booktabs table's too
    ruled_rows = any(_under_data(words, y) for y, cover in kept[1:] if len(cover) >= max(2, n_cols - 1) and (y, cover) in cuts_ruled)
    if not ruled_rows and any(len(cover) >= max(2, n_cols - 1) for _y, cover in cuts_ruled):
        # one data row under the (ruled) header: the rule closing it, just under its last
        # line, is a row rule too when nothing frames the table's sides (an outer frame's
        # foot is drawn under every page's part, rows ruled or not)
        ruled_rows = _closed_under_data(edges, cols, words, settings) and not _sides_ruled(edges, cols, top, bottom)
    return PageTable(
        page=page, bbox=(cols[0], top, cols[-1], bottom), col_edges=list(cols), rows=rows, ruled=False, rows_by_rules=ruled_rows
    )


def _close_last_row(row: RawRow, edges: Sequence[dict], cols: Sequence[float], words: Sequence[Word], settings: PdfSettings) -> None:
    """Mark the cells of the part's last row that a rule closes below (`Cell.closed_below`):
    the first rule under the row's text, within a line of it, drawn under most of the table,
    where it runs under the cell's column.  A cell merged over rows that goes on overleaf is
    left open there while the other columns are ruled (seed 21 turku-yhta 3292639a: a goal
    centred in its group's middle row, the group begun blank at the next page's top)."""
    if not words:
        return
    last = max(w.bottom for w in words)
    size = max(w.bottom - w.top for w in words if w.bottom >= last - 1)
    rules = rule_rows(edges, cols[0], cols[-1], last, last + 2 * size, settings.row_align)
    if not rules:
        return
    _y, spans = rules[0]
    for c, cell in enumerate(row.cells):
        if c + 1 < len(cols) and _covered(spans, cols[c], cols[c + 1]) >= COVER * (cols[c + 1] - cols[c]):
            cell.closed_below = True


def _one_ruled_row(
    words: Sequence[Word], cols: Sequence[float], column_of: Callable[[float, Sequence[float]], int],
    top: float, bottom: float, page: int, settings: PdfSettings,
) -> PageTable:
    """The part of a table ruled across that goes on from the page before with no rule
    inside it, closed by rules just above its first line and just below its last: one
    row (a row cut by the page break, or one kept whole and moved overleaf).  The part
    before had every row ruled off, so the white space and paragraph starts inside this
    one (a centred goal's id above its text, items level by chance) part no rows."""
    n_cols = len(cols) - 1
    per_col: list[list[Word]] = [[] for _ in range(n_cols)]
    for w in words:
        per_col[column_of(w.x0, cols)].append(w)
    cells = [GridCell(0, 1, c, c + 1, (cols[c], top, cols[c + 1], bottom), per_col[c]) for c in range(n_cols)]
    rows = assemble_rows(cells, 1, n_cols, page, [(cols[0], top, cols[-1], bottom)], settings)
    return PageTable(page=page, bbox=(cols[0], top, cols[-1], bottom), col_edges=list(cols), rows=rows, ruled=False, rows_by_rules=True)


FRAME_LINES = 2.0  # a rule this many line heights above (below) a part's text closes it there


def _closed_under_data(edges: Sequence[dict], cols: Sequence[float], words: Sequence[Word], settings: PdfSettings) -> bool:
    """Is a full-width rule drawn just under the last line of text (within FRAME_LINES
    line heights), under a line of plain (data) words?"""
    if not words:
        return False
    line = max(min(w.bottom - w.top for w in words), 1.0)
    last = max(w.bottom for w in words)
    rules = rule_rows(edges, cols[0], cols[-1], last - 2, last + FRAME_LINES * line, settings.row_align)
    return any(last - 2 <= y <= last + FRAME_LINES * line and _under_data(words, y) for y, _spans in rules)


def _sides_ruled(edges: Sequence[dict], cols: Sequence[float], top: float, bottom: float) -> bool:
    """Does a vertical rule stand at the table's left or right side over part of its height?"""
    for e in edges:
        if e.get("orientation") != "v":
            continue
        if min(abs(e["x0"] - cols[0]), abs(e["x0"] - cols[-1])) > 8:
            continue
        if min(e["bottom"], bottom) - max(e["top"], top) > 0.25 * (bottom - top):
            return True
    return False


def _framed(edges: Sequence[dict], cols: Sequence[float], top: float, bottom: float, words: Sequence[Word], settings: PdfSettings) -> bool:
    """Is the region closed by full-width rules just above its first line and just below its last?

    At the top of a page a table ruled only across may go on with two or
    three rows: one rule between them, one over them, one under them.  Text
    alignment cannot tell its rows on an OCR page (item gaps line up across
    columns); the rules can.
    """
    if not words:
        return False
    line = max(min(w.bottom - w.top for w in words), 1.0)
    reach = FRAME_LINES * line
    rules = [y for y, _spans in rule_rows(edges, cols[0], cols[-1], top - reach, bottom + reach, settings.row_align)]
    last = max(w.bottom for w in words)
    return any(top - reach <= y <= top + 2 for y in rules) and any(last - 2 <= y <= last + reach for y in rules)
