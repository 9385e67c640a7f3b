"""Tables from ruling lines: edges -> intersections -> cells -> grids.

The chain is pdfplumber's own (merge_edges, edges_to_intersections,
intersections_to_cells, cells_to_tables); this module feeds it the page's
edges once, and turns each group of cell boxes into a rectangular grid where
a box covering several grid rows is a merged cell.  A box covering several
grid columns is a merged cell too, unless its words stand in those columns
(`split_by_columns`: body rows ruled only horizontally under a boxed header).
"""

from __future__ import annotations

from typing import Sequence

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from pdfplumber.utils import obj_to_edges

from planparse.extractors.pdf.tables.grid import BBox, GridCell, PageTable, WordIndex, assemble_rows, cluster_values, nearest_index
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.ruling.vrules import baseline_cuts, outer_columns, whitespace_splits
from planparse.extractors.pdf.words import Word, group_lines

_WHITE = ((1,), (1, 1, 1), (0, 0, 0, 0), [1], [1, 1, 1], [0, 0, 0, 0])


def is_invisible_rect(rect: dict, page_area: float) -> bool:
    """A page background or a white box: its edges are not ruling lines.

    A thin white bar is kept: over shaded cells it is how the rule is drawn.
    """
    area = (rect["x1"] - rect["x0"]) * (rect["bottom"] - rect["top"])
    if area > 0.5 * page_area:
        return True
    thin = min(rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]) < THIN_RULE
    if not rect.get("stroke") and rect.get("fill") and not thin:  # a thin white bar over shading is a rule
        color = rect.get("non_stroking_color")
        if isinstance(color, (int, float)):  # a grey level given as a bare number (pdfminer does this)
            color = (color,)
        if color is not None and tuple(color) in {tuple(c) for c in _WHITE}:
            return True
    return False


SHADING = "shading"  # edge key: the edge is the border of a filled area, not a drawn line


def is_shading(rect: dict) -> bool:
    """A filled, unstroked box at least THIN_RULE thick both ways: a shaded area, not a rule."""
    thick = min(rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]) >= THIN_RULE
    return bool(rect.get("fill")) and not rect.get("stroke") and thick


THIN_RULE = 3.0  # points: a filled box thinner than this is how a line is drawn


AXIS_TOLERANCE = 0.5  # points: a segment this close to level (or plumb) is horizontal (vertical)


def path_edges(obj: dict) -> list[dict]:
    """Horizontal and vertical segments of a line or curve, within AXIS_TOLERANCE.

    pdfplumber compares coordinates exactly; on a rotated page (/Rotate 90)
    floating-point noise makes a level line "vertical", so orientation is
    decided here with a tolerance.
    """
    pts = obj.get("pts") or []
    edges = []
    for (xa, ya), (xb, yb) in zip(pts, pts[1:]):
        x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
        if bottom - top <= AXIS_TOLERANCE and x1 - x0 > bottom - top:
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"})
        elif x1 - x0 <= AXIS_TOLERANCE and bottom - top > x1 - x0:
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"})
    return edges


def page_edges(lines: Sequence[dict], rects: Sequence[dict], curves: Sequence[dict], page_area: float) -> list[dict]:
    """Horizontal and vertical edges of the page's visible lines, boxes and curves."""
    edges: list[dict] = []
    shaded = [r for r in rects if r.get("fill") and not _white(r.get("non_stroking_color")) and not is_invisible_rect(r, page_area)]
    for obj in lines:
        if is_white_line(obj, shaded):
            continue
        edges.extend(path_edges(obj) if obj.get("pts") else obj_to_edges(obj))
    fills = [r for r in rects if is_shading(r) and not is_invisible_rect(r, page_area)]
    for obj in rects:
        if not is_invisible_rect(obj, page_area):
            shade = is_shading(obj)
            for e in obj_to_edges(obj):
                if shade and inside_same_fill(e, obj, fills):
                    continue
                edges.append({**e, SHADING: True} if shade else e)
    for obj in curves:  # polylines; the short segments of charts and glyph-like shapes are left out
        edges.extend(e for e in path_edges(obj) if _length(e) >= CURVE_SEGMENT_LENGTH)
    return [e for e in edges if e.get("orientation") in ("h", "v") and _length(e) >= PREFILTER_LENGTH]


def _white(color) -> bool:
    if isinstance(color, (int, float)):  # a grey level given as a bare number (pdfminer does this)
        color = (color,)
    return color is not None and tuple(color) in {tuple(c) for c in _WHITE}


def is_white_line(line: dict, shaded: Sequence[dict]) -> bool:
    """A line stroked in white on the bare page: invisible, no rule (a layout program's
    hidden column guides).  Over a shaded area a white line is how a rule is drawn, so it stays."""
    if not line.get("stroke", True) or not _white(line.get("stroking_color")):
        return False
    return not any(
        r["x0"] - 1 <= line["x1"] and line["x0"] <= r["x1"] + 1 and r["top"] - 1 <= line["bottom"] and line["top"] <= r["bottom"] + 1
        for r in shaded
    )


def inside_same_fill(edge: dict, rect: dict, fills: Sequence[dict]) -> bool:
    """Does a shaded box's edge run inside a larger box of the same colour?  Then no colour
    changes there and nothing is seen: a cell shaded line by line (a band per text line
    inside the cell's own band) is no grid of rows."""
    color = rect.get("non_stroking_color")
    for f in fills:
        if f is rect or f.get("non_stroking_color") != color:
            continue
        if edge["orientation"] == "h":
            if f["top"] + 0.5 < edge["top"] < f["bottom"] - 0.5 and f["x0"] - 0.5 <= edge["x0"] and edge["x1"] <= f["x1"] + 0.5:
                return True
        elif f["x0"] + 0.5 < edge["x0"] < f["x1"] - 0.5 and f["top"] - 0.5 <= edge["top"] and edge["bottom"] <= f["bottom"] + 0.5:
            return True
    return False


CURVE_SEGMENT_LENGTH = 3.0  # points
PREFILTER_LENGTH = 1.0  # points: shorter segments (chart curves, glyph-like shapes) would chain edge snapping


def _length(edge: dict) -> float:
    return edge["x1"] - edge["x0"] if edge["orientation"] == "h" else edge["bottom"] - edge["top"]


def merged_edges(edges: list[dict], settings: PdfSettings) -> list[dict]:
    """Snap and join edges (pdfplumber), dropping ones shorter than edge_min_length."""
    if not edges:
        return []
    merged = merge_edges(
        edges, settings.snap_tolerance, settings.snap_tolerance, settings.join_tolerance, settings.join_tolerance
    )
    return [e for e in merged if _length(e) >= settings.edge_min_length]


def cell_groups(edges: list[dict], settings: PdfSettings) -> list[list[BBox]]:
    """Groups of touching cell boxes, one group per ruled table (pdfplumber's chain)."""
    if not edges:
        return []
    tol = settings.intersection_tolerance
    intersections = edges_to_intersections(edges, tol, tol)
    return cells_to_tables(intersections_to_cells(intersections))


SLIVER = 6.0  # points: an empty band thinner than this is no row or column (double lines, shading edges)


def _hull(cells: list[BBox]) -> BBox:
    return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def drop_slivers(edges: list[float], centres: Sequence[float]) -> list[float]:
    """Grid lines without the thin empty bands that double rules and cell shading leave."""
    out = list(edges)
    i = 1
    while i < len(out):
        if out[i] - out[i - 1] < SLIVER and not any(out[i - 1] < c < out[i] for c in centres):
            # keep the outer edge of the table, else the later line
            del out[i - 1 if i - 1 > 0 else i]
        else:
            i += 1
    return out


BOUNDARY_SLACK = 1.0  # points: a word may overhang a column's grid line this much and still be inside it


def crosses(word: Word, x: float) -> bool:
    """The word is printed across the grid line at x (not just touching it)."""
    return word.x0 < x - BOUNDARY_SLACK and word.x1 > x + BOUNDARY_SLACK


def column_of(word: Word, xs: Sequence[float], c0: int, c1: int) -> int:
    """The grid column (c0..c1-1) holding the word's centre."""
    return next((c for c in range(c0, c1 - 1) if word.xc < xs[c + 1]), c1 - 1)


def split_by_columns(gc: GridCell, xs: Sequence[float], settings: PdfSettings) -> list[GridCell]:
    """A box spanning grid columns, as one cell per column when its text is set in those columns.

    Tables ruled only horizontally in the body (vertical rules in the header
    alone) give every body row one box over all columns; a reader still sees
    the columns, because the words stand in them.  The box is split when its
    text separates at the column boundaries: no word crosses an inner grid
    line, at least two columns get words, and on each printed line the gap
    between words of neighbouring columns is wider than a word space
    (`column_gap`, as for whitespace columns).  A genuinely merged cell (a
    title over the table, a long text) fails one of these and stays whole; the
    gap test also keeps a phrase whose word space happens to fall on a column
    line, and a number printed with thin-space thousands ("1 356 517"), in one
    piece.
    """
    if gc.c1 - gc.c0 < 2 or not gc.words:
        return [gc]
    inner = xs[gc.c0 + 1 : gc.c1]
    if any(crosses(w, x) for w in gc.words for x in inner):
        return [gc]
    by_col: dict[int, list[Word]] = {}
    for w in gc.words:
        by_col.setdefault(column_of(w, xs, gc.c0, gc.c1), []).append(w)
    if len(by_col) < 2 or not _apart_at_boundaries(gc.words, xs, gc, settings):
        return [gc]
    top, bottom = gc.bbox[1], gc.bbox[3]
    return [
        GridCell(gc.r0, gc.r1, c, c + 1, (xs[c], top, xs[c + 1], bottom), by_col.get(c, []))
        for c in range(gc.c0, gc.c1)
    ]


def _apart_at_boundaries(words: Sequence[Word], xs: Sequence[float], gc: GridCell, settings: PdfSettings) -> bool:
    """On every printed line, words of neighbouring columns are further apart than words of a phrase."""
    for line in group_lines(list(words), settings):
        ws = sorted(line.words, key=lambda w: w.x0)
        for a, b in zip(ws, ws[1:]):
            if column_of(a, xs, gc.c0, gc.c1) != column_of(b, xs, gc.c0, gc.c1):
                if b.x0 - a.x1 < settings.column_gap * max(a.size, b.size, 1.0):
                    return False
    return True


def grid_table(cells: list[BBox], words: Sequence[Word], page: int, settings: PdfSettings) -> PageTable | None:
    """A rectangular grid from one group of cell boxes; None if it is no table (one column)."""
    tol = settings.grid_tolerance
    index = WordIndex(words)  # one sort, then each cell looks only at the words of its band
    cells = baseline_cuts(cells, words, settings, index)  # tall column boxes of one-line rows cut into rows
    cells = outer_columns(cells, words, settings)  # first/last column printed outside the rules
    cells = whitespace_splits(cells, words, settings, index)  # a ruled column holding two columns of text
    xs = cluster_values([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = cluster_values([c[1] for c in cells] + [c[3] for c in cells], tol)
    in_hull = index.inside(_hull(cells), slack=0)
    xs = drop_slivers(xs, [(w.x0 + w.x1) / 2 for w in in_hull])
    ys = drop_slivers(ys, [(w.top + w.bottom) / 2 for w in in_hull])
    if len(xs) < 3 or len(ys) < 2:
        return None
    placed = []
    for box in cells:
        c0, c1 = nearest_index(xs, box[0]), nearest_index(xs, box[2])
        r0, r1 = nearest_index(ys, box[1]), nearest_index(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        placed.extend(split_by_columns(GridCell(r0, r1, c0, c1, box, index.inside(box, slack=0)), xs, settings))
    if not any(gc.words for gc in placed):
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    row_boxes = [(xs[0], ys[r], xs[-1], ys[r + 1]) for r in range(n_rows)]
    rows = assemble_rows(placed, n_rows, n_cols, page, row_boxes, settings, boxed=True)
    rows = [row for row in rows if not all(c.is_empty and not c.merged_from_above for c in row.cells)]
    if not rows:
        return None
    return PageTable(page=page, bbox=(xs[0], ys[0], xs[-1], ys[-1]), col_edges=list(xs), rows=rows, ruled=True)


CORNER = 8.0  # points: a horizontal rule this close to a vertical rule's end closes it (a rounded corner)


def _capped(edge_x: float, y: float, horizontals: list[dict], tol: float) -> bool:
    """A horizontal rule meets the vertical rule's end, or comes within a rounded corner of it."""
    reach = max(tol, CORNER)
    return any(abs(h["top"] - y) <= reach and h["x0"] - reach <= edge_x <= h["x1"] + reach for h in horizontals)


def close_open_ends(edges: list[dict], settings: PdfSettings) -> list[dict]:
    """Edges with a rule added across vertical rules that end with no rule across them.

    A ruled table cut by a page break often continues overleaf with no top
    rule (and ends with no bottom rule): its vertical rules just start at
    the top of the page part.  Two or more vertical rules that end at the
    same height, none of them on a horizontal rule, close that part of the
    table there, as a reader sees it.
    """
    tol = settings.intersection_tolerance
    horizontals = [e for e in edges if e["orientation"] == "h"]
    verticals = [e for e in edges if e["orientation"] == "v"]
    added: list[dict] = []
    for end in ("top", "bottom"):
        loose = sorted((e for e in verticals if not _capped(e["x0"], e[end], horizontals, tol)), key=lambda e: e[end])
        group: list[dict] = []
        for edge in loose + [None]:
            if edge is not None and (not group or abs(edge[end] - group[0][end]) <= tol):
                group.append(edge)
                continue
            if len(group) >= 2:
                y = min(e[end] for e in group) if end == "top" else max(e[end] for e in group)
                x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
                added.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"})
            group = [edge] if edge is not None else []
        added += _close_beside(loose, horizontals, verticals, end, tol)
    return edges + added


def _close_beside(loose: list[dict], horizontals: list[dict], verticals: list[dict], end: str, tol: float) -> list[dict]:
    """Rules that close a lone open cell at the height where its neighbour is closed.

    A merged cell cut by a page break (reportlab and Word draw a group taller
    than a page with no rule inside its column) leaves one vertical rule open
    at the page part's end, while the rule closing the other columns stops at
    the next vertical rule to its side, which ends there too.  That rule is
    carried on to the open one.
    """
    added: list[dict] = []
    for edge in loose:
        x, y = edge["x0"], edge[end]
        for h in horizontals:
            if abs(h["top"] - y) > tol:
                continue
            side = h["x1"] if h["x1"] < x else h["x0"] if h["x0"] > x else None
            if side is None or not any(abs(v["x0"] - side) <= tol and abs(v[end] - y) <= tol for v in verticals):
                continue
            x0, x1 = min(side, x), max(side, x)
            if any(x0 + tol < v["x0"] < x1 - tol for v in verticals if v["top"] - tol <= y <= v["bottom"] + tol):
                continue  # only the neighbouring cell's rule is carried on
            added.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"})
            break
    return added


MAX_SPLIT_RULES = 400  # a page with more vertical segments is a chart: its words are left alone
MIN_RULE_HEIGHT = 8.0  # points


def split_at_rules(words: list[Word], chars: Sequence[dict], edges: Sequence[dict]) -> list[Word]:
    """Words with the ones printed across a vertical rule cut in two there.

    Text that runs up to a cell border ("ennakoida vuo-" against "Valmis" in
    the next cell) can sit closer than a word space to the next cell's text,
    so the word extraction reads both as one word ("vuo-Valmis").  The
    characters left of the rule and those right of it are two words.
    """
    rules = [e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] >= MIN_RULE_HEIGHT]
    if not rules or len(rules) > MAX_SPLIT_RULES:
        return words
    out: list[Word] = []
    for word in words:
        cut = next(
            (r["x0"] for r in rules
             if word.x0 + BOUNDARY_SLACK < r["x0"] < word.x1 - BOUNDARY_SLACK and r["top"] <= word.yc <= r["bottom"]),
            None,
        )
        if cut is None:
            out.append(word)
            continue
        mine = sorted(
            (c for c in chars if c["x0"] >= word.x0 - 0.5 and c["x1"] <= word.x1 + 0.5 and c["top"] < word.yc < c["bottom"]
             and c.get("text", "").strip()),
            key=lambda c: c["x0"],
        )
        left = [c for c in mine if (c["x0"] + c["x1"]) / 2 < cut]
        right = [c for c in mine if (c["x0"] + c["x1"]) / 2 >= cut]
        if not left or not right or "".join(c["text"] for c in mine) != word.text:
            out.append(word)
            continue
        out.append(word._replace(text="".join(c["text"] for c in left), x0=left[0]["x0"], x1=left[-1]["x1"]))
        out.append(word._replace(text="".join(c["text"] for c in right), x0=right[0]["x0"], x1=right[-1]["x1"], spaced=False))
    return out


def find_ruled_tables(edges: list[dict], words: Sequence[Word], page: int, settings: PdfSettings) -> list[PageTable]:
    """Every ruled table of a page with at least two columns, top to bottom."""
    tables = []
    for cells in cell_groups(close_open_ends(merged_edges(edges, settings), settings), settings):
        table = grid_table(cells, words, page, settings)
        if table is not None and not only_shading(table.bbox, edges, settings):
            tables.append(table)
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def only_shading(box: BBox, edges: Sequence[dict], settings: PdfSettings) -> bool:
    """No drawn line lies on the box: its grid is made of the borders of shaded areas.

    A shaded header, filled cell by cell, gives the cell finder a grid of its
    rows alone, cut off from the unruled body below; filled areas are not a
    table by themselves, so such a grid is left to the whitespace reader, which
    reads the header together with the rows below it.
    """
    tol = settings.snap_tolerance + 1.0
    x0, top, x1, bottom = box
    for e in edges:
        if e.get(SHADING):
            continue
        if e["x0"] >= x0 - tol and e["x1"] <= x1 + tol and e["top"] >= top - tol and e["bottom"] <= bottom + tol:
            return False
    return True
