"""Tables without (full) ruling: columns from whitespace, rows from alignment.

Word-processor tables that lost their borders, or kept only horizontal rules
or an outer frame, and the invisible text layer of an OCR'd scan, have no
vertical lines.  The chain:

1. `split_segments`: each text line split where a gap is wider than a column gap.
2. `find_regions`: runs of lines that start at a line with two or more
   segments (the header row) and continue while no line runs across the
   columns, no heading-sized line appears and no large vertical gap opens.
3. `column_edges`: one column per header segment; each boundary is the widest
   strip between two header segments that no word of the region crosses.
4. `row_starts` (pdf.tables.rowsplit.rows): a row starts where at least half the columns
   begin a block together (cells of a row are top-aligned; a paragraph that
   opens level with a block start counts), where a cell opens after an empty
   line of its column beside lines that each begin afresh (rows that touch),
   where regular text starts right under a bold header, where the first
   column starts a block beside silent columns, or at horizontal rules.  No
   row starts inside a word broken at a hyphen beside list items; a cell whose
   word breaks over a row's start runs on (merged over rows).
5. `place_blocks` (pdf.tables.rowsplit.rows): each column's blocks of lines go to the row they
   start in; a block running over several rows, or centred beside rows whose
   cells in its column are empty, is a merged cell: first row gets the text,
   the rest `merged_from_above`.
6. `continued_region`: at the top of a page, lines that fit the columns of the
   whitespace table that ended the previous page continue it (their runs start
   on the columns or keep inside them; a heading on top of the page, or a bold
   row of heads laid out anew, starts a table of its own).
7. A column holding only bullets or item numbers makes a list, not a table.

Words are assigned to a column by where they start, so a cell's lines stay in
their column even when its text runs long.
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.pages.continued import continued_region, continued_settings
from planparse.extractors.pdf.tables.whitespace.frame_sides import cut_below_frame
from planparse.extractors.pdf.tables.whitespace.headless import crossed_edges, headless_columns
from planparse.extractors.pdf.tables.grid import GridCell, PageTable, assemble_rows
from planparse.extractors.pdf.tables.ruling.hrules import header_rules_only, hrule_table
from planparse.extractors.pdf.tables.whitespace.regions import Region, column_of, cut_at_closing_rule, find_regions, is_list_marker, laddered, split_segments
from planparse.extractors.pdf.tables.rowsplit.item_starts import (
    drop_item_starts,
    drop_lone_block_starts,
    drop_starts_beside_centred_cell,
    drop_starts_beside_running_cells,
    drop_unmarked_item_starts,
)
from planparse.extractors.pdf.tables.rowsplit.ocr_breaks import join_broken_words
from planparse.extractors.pdf.tables.rowsplit.row_cuts import (
    drop_cutting_starts, drop_paragraph_starts, drop_textless_rows, full_columns, row_space,
)
from planparse.extractors.pdf.tables.rowsplit.rows import Block, centred_columns, column_blocks, continued_tops, line_pitch, near, ocr_line_pitch, place_blocks, row_starts, split_at_rows, top_aligned_counts
from planparse.extractors.pdf.tables.ruling.ruled import SHADING
from planparse.extractors.pdf.tables.rowsplit.wider_paragraphs import drop_wider_paragraph_starts
from planparse.extractors.pdf.words import TextLine, Word, group_lines


def _head_columns(heads: Sequence[TextLine], edges: Sequence[dict], cols: Sequence[float], settings: PdfSettings) -> dict[float, int]:
    """The column of each word of the head lines (by its x0): a run of heads stays in one
    cell, the first column it spans.  A rule drawn under a spanning head (not the rule
    under the whole header, which covers the first column too) shows its extent: the
    first column mostly under it.  Without one, the run's own start decides."""
    out: dict[float, int] = {}
    for ln in heads:
        for sg in split_segments(ln, settings):
            size = max(ln.size, 1.0)
            under = [
                e for e in edges
                if e.get("orientation") == "h" and not e.get(SHADING)
                and sg.words[0].bottom - 1 <= e["top"] <= sg.words[0].bottom + 1.5 * size
                and e["x0"] <= sg.x0 + 1 and e["x1"] >= sg.x1 - 1 and _overlap_share(cols[0], cols[1], e["x0"], e["x1"]) < 0.5
            ]
            if under:
                rule = min(under, key=lambda e: e["x1"] - e["x0"])
                c = next((k for k in range(len(cols) - 1) if _overlap_share(cols[k], cols[k + 1], rule["x0"], rule["x1"]) >= 0.5), column_of(sg.x0, cols))
            else:
                c = column_of(sg.x0, cols)
            for w in sg.words:
                out[w.x0] = c
    return out


def _overlap_share(a0: float, a1: float, b0: float, b1: float) -> float:
    """Share of [a0, a1] that [b0, b1] covers."""
    return max(0.0, min(a1, b1) - max(a0, b0)) / max(a1 - a0, 1e-6)


def _coverage_gaps(words: Sequence[Word], lo: float, hi: float) -> list[tuple[float, float]]:
    """Strips of x in [lo, hi] that no word covers."""
    spans = sorted((max(w.x0, lo), min(w.x1, hi)) for w in words if w.x1 > lo and w.x0 < hi)
    gaps = []
    cursor = lo
    for a, b in spans:
        if a > cursor:
            gaps.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < hi:
        gaps.append((cursor, hi))
    return gaps


def column_edges(region: Region) -> list[float]:
    """x positions of the column boundaries (n_cols + 1), anchored on the header segments
    (heads spanning several columns, above the header row, cross their boundaries by design)."""
    words = [w for ln in region.lines if all(ln is not h for h in region.heads) for w in ln.words]
    edges = [region.x0]
    for left, right in zip(region.header, region.header[1:]):
        gaps = [g for g in _coverage_gaps(words, left.x1, right.x0 + 0.5) if g[1] - g[0] > 0.5]
        if gaps:
            a, b = max(gaps, key=lambda g: g[1] - g[0])
            edges.append(b - 0.25 if b - a > 0.5 else (a + b) / 2)
        else:  # text crosses everywhere: take the point crossed by the fewest words
            xs = [left.x1 + k * 0.5 for k in range(int((right.x0 - left.x1) / 0.5) + 1)]
            edges.append(min(xs, key=lambda x: (sum(w.x0 < x < w.x1 for w in words), -x)) if xs else right.x0 - 0.5)
    edges.append(region.x1)
    return edges


def _rules_in(edges: Sequence[dict], region: Region) -> list[float]:
    """Heights of horizontal rules that run across most of the region (row separators)."""
    width = region.x1 - region.x0
    ys = []
    for e in edges:
        if e.get("orientation") != "h" or e.get(SHADING):  # a shaded band's border parts no rows
            continue
        if region.top - 2 < e["top"] < region.bottom + 2 and (min(e["x1"], region.x1) - max(e["x0"], region.x0)) > 0.6 * width:
            ys.append(e["top"])
    return sorted(ys)


def merge_close(ys: Sequence[float], tolerance: float) -> list[float]:
    """Sorted heights with near-duplicates (closer than `tolerance`) dropped."""
    out: list[float] = []
    for y in sorted(ys):
        if not out or y - out[-1] > tolerance:
            out.append(y)
    return out


def aligned_line_starts(col_lines: Sequence[Sequence[TextLine]], settings: PdfSettings) -> list[float]:
    """Row starts of a table of one-line rows: heights where at least half the columns
    print a line side by side (used when the blocks show no rows: every column is
    evenly spaced).  Empty unless nearly every line sits on such a height, there
    are three of them, and no cell holds several lines."""
    active = sum(1 for lines in col_lines if lines)
    tops = sorted((ln.top, c) for c, lines in enumerate(col_lines) for ln in lines)
    groups: list[list[tuple[float, int]]] = []
    tol = min(settings.row_align, 1.5)  # one-line rows share their baseline (glyph tops vary a little)
    for top, c in tops:
        if groups and top - groups[-1][0][0] <= tol:
            groups[-1].append((top, c))
        else:
            groups.append([(top, c)])
    need = max(2, (active + 1) // 2)
    carried_by_col = [continued_tops([lines]) for lines in col_lines]
    carried = sorted(y for ys in carried_by_col for y in ys)
    aligned = [
        g[0][0] for g in groups if len({c for _t, c in g}) >= need and not any(near(carried, t, tol) for t, _c in g)
    ]
    on_rows = sum(len(g) for g in groups if len({c for _t, c in g}) >= need)
    # lines that carry on the line above (the rest of a cut cell) are no row candidates
    candidates = len(tops) - sum(1 for t, c in tops if near(carried_by_col[c], t, tol))
    if len(aligned) < 3 or on_rows < 0.9 * candidates:
        return []
    # only when no cell holds several lines: no line follows another closer than rows do
    # (a bold header row may stack its heads, "Unadjusted" over "odds ratio": body lines decide)
    gaps = sorted(b - a for a, b in zip(aligned, aligned[1:]))
    spacing = gaps[len(gaps) // 2]
    aligned = _stacked_heads_joined(aligned, spacing)
    if len(aligned) < 3:
        return []
    # the header row (bold or not) may stack its heads, "Total" over "population": body lines decide
    body = [[ln for ln in lines if not ln.bold and ln.top >= aligned[1] - tol] for lines in col_lines]
    pitch = line_pitch(body if any(body) else col_lines)
    if pitch is not None and pitch < 0.85 * spacing:
        return []
    return _with_label_rows(aligned, groups, carried, spacing, tol)


def _with_label_rows(
    aligned: list[float], groups: Sequence[Sequence[tuple[float, int]]], carried: Sequence[float], spacing: float, tol: float
) -> list[float]:
    """Row starts of a table of one-line rows with its label rows added: a line in the
    first column alone ("Men" between the women's total and the men's rows), a row's
    spacing below the row above it, is a row of its own."""
    out = list(aligned)
    for g in groups:
        top = g[0][0]
        if {c for _t, c in g} != {0} or near(carried, top, tol) or top <= out[0]:
            continue
        above = max((y for y in out if y < top - tol), default=None)
        if above is not None and top - above >= 0.85 * spacing:
            out.append(top)
    return sorted(out)


def _stacked_heads_joined(aligned: list[float], spacing: float) -> list[float]:
    """Row starts with those closer under the first than rows are spaced dropped: the
    second line of heads stacked in the header row ("Total" over "population"), not a row."""
    out = list(aligned)
    while len(out) > 2 and out[1] - out[0] < STACKED_HEAD * spacing:
        del out[1]
    return out


STACKED_HEAD = 0.85  # a head line closer than this share of the row spacing under the first is stacked


def occupied_starts(starts: Sequence[float], tops: Sequence[float], bottom: float, align: float) -> list[float]:
    """Row starts with a line beginning in the band down to the next start.

    A rule drawn a little above the first line of its row (a rule under the
    header, cell padding) is a start of its own; without this its band would
    be an empty row.  The first start always stays.  A line beginning within `align` above
    the next start is that start's (the lines of one row wander by a few hundredths on a
    skewed scan: "Tehdään" at 101.87 beside the row's start at 101.92 kept the header rule
    3.5 pt above as a row of its own, and a goal centred beside the rows filled it).
    """
    ends = list(starts[1:]) + [bottom + 1 + align]
    kept = [s for i, (s, end) in enumerate(zip(starts, ends)) if i == 0 or any(s - align <= t < end - align for t in tops)]
    return kept


def top_row_start(starts: Sequence[float], region: Region) -> list[float]:
    """Starts with the region's top as the first: a row of its own above the first start
    when a line begins there, else the first start moved up to it.  A bullet glyph set
    taller than its text raises the region's top a point or two over the first row's text;
    a sliver row there would take a goal centred beside the rows below."""
    if starts[0] - region.top < 0.5 * region.lines[0].size:
        return [region.top, *starts[1:]]
    return [region.top, *starts]


OCR_EDGE_SHARE = 0.05  # an OCR word with no more than this share of its width left of a column edge is the column's (a long word boxed a point or two early; a short one near an edge is anyone's)
# A header band's heads (pages.orphan_header.recut_at), cut at the columns of the table
# overleaf, may also cross with OCR_EDGE_SHORT_SHARE of their width, at most OCR_EDGE_JITTER
# points: at 150 dpi a pixel is half a point and a box wanders by two or three ("Aika-" boxed
# 1.2 pt left of the edge its column has overleaf, 22 pt of it right of the edge, "taulu"
# under it inside).  (Not for body rows: their lines' starts say where rows begin.)
OCR_EDGE_SHORT_SHARE = 0.1
OCR_EDGE_JITTER = 1.5


def _over_edge(x0: float, x1: float | None, cols: Sequence[float], jitter: float = 0.0) -> float:
    """Where an OCR word from x0 to x1 counts as starting: at an inner column edge it
    crosses with at most OCR_EDGE_SHARE of its width before the edge (OCR_EDGE_SHORT_SHARE
    when that is within `jitter` points), else at x0."""
    if x1 is None:
        return x0
    for e in cols[1:-1]:
        before = e - x0
        if x0 < e - 0.5 < e < x1 and before <= max(OCR_EDGE_SHARE * (x1 - x0), min(OCR_EDGE_SHORT_SHARE * (x1 - x0), jitter)):
            return e
    return x0


def region_table(
    region: Region,
    edges: Sequence[dict],
    page: int,
    settings: PdfSettings,
    cols: list[float] | None = None,
    centred_spans: Sequence[tuple[float, float]] = (),
    known_space: float | None = None,
    rules_carried: bool = False,
    top_spans: Sequence[tuple[float, float, int]] = (),
    may_go_on: bool = True,
    full_spans: list[tuple[float, float]] | None = None,
    edge_jitter: float = 0.0,
    foot: float | None = None,
) -> PageTable | None:
    """A PageTable from one whitespace region (columns from its header, or given).

    `centred_spans`: x extents of the columns whose cells the table's part on the page
    before printed centred over their rows (page continuity for `place_blocks`);
    `known_space`: the white space over that part's row starts (`drop_paragraph_starts`);
    `rules_carried`: that part's rows were parted by rules, so one rule inside this part
    (under its repeated header) parts its rows too (`hrule_table`); `top_spans`: that part's
    columns whose cells all began on row starts, with how many (`place_blocks`' `known_top`);
    `may_go_on`: False where a heading above the region on its page opens a table of its own
    (its first rows are no rest of a group the page before ended with); `full_spans`: that
    part's columns that began a cell at every row start (`drop_cutting_starts`' `known_full`);
    `edge_jitter`: see OCR_EDGE_JITTER (a header band cut at given columns)."""
    region = cut_at_closing_rule(region, edges, settings)
    region = cut_below_frame(region, edges, ocr=bool(settings.ocr_text))
    given_cols = cols is not None
    cols = cols or column_edges(region)
    if settings.ocr_text and not given_cols:  # a head the OCR lost: its column from the body's white space
        cols = headless_columns(region, crossed_edges(region, cols), settings)
    n_cols = len(cols) - 1
    head_at = _head_columns(region.heads, edges, cols, settings)
    # OCR boxes wander: on a page the table goes on to, a word may start a little left of the
    # edge its column had on the page before, most of it right of the edge ("Tavoitetila" at
    # 136.1, p. 1's edge at 136.8; "kaisinsoittokä" boxed from 169.0, the column from 171.1).
    # (Edges found on the page itself are where its words begin: they need no such help.)
    ends = {w.x0: w.x1 for ln in region.lines for w in ln.words} if settings.ocr_text and given_cols else {}
    def col_of(x: float, cols: Sequence[float]) -> int:
        at = head_at.get(x) if head_at else None  # (no column_of call where a head says it)
        return column_of(_over_edge(x, ends.get(x), cols, edge_jitter), cols) if at is None else at
    per_col: list[list[Word]] = [[] for _ in range(n_cols)]
    for ln in region.lines:
        for w in ln.words:
            per_col[col_of(w.x0, cols)].append(w)
    if settings.ocr_text and n_cols > 2:  # OCR: a "column" of marks read in a gap joins the text right of it
        marks_only = [c for c in range(n_cols - 1) if per_col[c] and all(is_list_marker(w.text) for w in per_col[c])]
        if marks_only and len(marks_only) < n_cols - 2:
            cols = [x for k, x in enumerate(cols) if k - 1 not in marks_only]
            n_cols = len(cols) - 1
            per_col = [[] for _ in range(n_cols)]
            for ln in region.lines:
                for w in ln.words:
                    per_col[col_of(w.x0, cols)].append(w)
    if any(per_col[c] and all(is_list_marker(w.text) for w in per_col[c]) for c in range(n_cols)):
        return None  # a column of bullets or item numbers: a list set with a hanging indent
    col_lines = [group_lines(per_col[c], settings) for c in range(n_cols)]
    head_words = {id(w) for ln in region.heads for w in ln.words}
    # rows of one-line cells are read below the heads (spanning heads print in few columns)
    body_lines = [group_lines([w for w in per_col[c] if id(w) not in head_words], settings) for c in range(n_cols)] if head_words else col_lines
    pitch = line_pitch(col_lines)
    if settings.ocr_text:  # OCR lines wander: the typical spacing, not one pair placed close
        pitch = ocr_line_pitch([b.top - a.top for lines in col_lines for a, b in zip(lines, lines[1:])
                                if b.top - a.top > 0.5 * max(a.size, 1.0)]) or pitch
    blocks = [b for c in range(n_cols) for b in column_blocks(col_lines[c], c, pitch, ocr=bool(settings.ocr_text))]
    if settings.ocr_text:  # OCR line boxes wander: a word broken at a hyphen goes on in its cell
        blocks = join_broken_words(blocks)
    if not blocks:
        return None
    if region.heads:  # the rules among spanning heads (under "Year") part no rows of the table
        header_top = min((ln.top for ln in region.lines if all(ln is not h for h in region.heads)), default=region.top)
        edges = [e for e in edges if e.get("orientation") != "h" or e["top"] >= header_top]
    rules = _rules_in(edges, region)
    inner = [y for y in rules if region.top + 2 < y < region.bottom - 2]
    # (born-digital: a rule drawn twice at one height -- a header's rule below and the first
    # row's above -- is one rule; raster rules of OCR pages are counted as before)
    distinct = inner if settings.ocr_text else merge_close(inner, 1.0)
    by_rules = len(distinct) >= 2 and not header_rules_only([w for ln in region.lines for w in ln.words], distinct)
    if edges:  # rules part the rows: each column cut at the rules drawn under it (pdf.tables.ruling.hrules)
        words = [w for ln in region.lines for w in ln.words]
        starts = aligned_line_starts(body_lines, settings)
        framed_part = bool(settings.ocr_text) and given_cols  # OCR: item gaps would cut rows (hrules._framed)
        table = hrule_table(
            words, cols, col_of, edges, region.top, region.bottom + 0.5, starts, page, settings,
            min_rules=1 if rules_carried else 2, framed_part=framed_part,
        )
        if table is not None:
            return table
    space = None
    if by_rules:  # rules between rows; one-line rows between sparser rules still count
        starts = merge_close([region.top] + inner + aligned_line_starts(body_lines, settings), settings.row_align)
    else:
        starts = row_starts(blocks, inner, settings)
        one_line_rows = aligned_line_starts(body_lines, settings)
        starts = merge_close(starts + one_line_rows, settings.row_align)
        known_full = None if full_spans is None else columns_within(cols, full_spans)
        starts = drop_cutting_starts(
            starts, blocks, settings.row_align, keep=one_line_rows, known_full=known_full, ocr=bool(settings.ocr_text)
        )
        if not settings.ocr_text:  # (OCR line boxes wander too much to compare white space)
            starts = drop_paragraph_starts(
                starts, blocks, settings.row_align, one_line_rows, known_space, centred=columns_within(cols, centred_spans)
            )
            # (later paragraphs set off wider than the rows go first: a later item is judged against
            # the row start above it, which must not be such a paragraph -- seed 20 kymenlaakso 49859b56)
            starts = drop_wider_paragraph_starts(starts, blocks, settings.row_align, one_line_rows, known_space)
            starts = drop_item_starts(starts, blocks, settings.row_align, known_full=known_full)
            space = row_space(starts, blocks, settings.row_align) or known_space
        else:
            starts = drop_item_starts(starts, blocks, settings.row_align)
            starts = drop_unmarked_item_starts(starts, blocks, settings.row_align)
            starts = drop_starts_beside_running_cells(starts, blocks, settings.row_align)
            starts = drop_starts_beside_centred_cell(starts, blocks, settings.row_align)
            starts = drop_lone_block_starts(starts, blocks, settings.row_align)
    starts = [y for y in starts if y >= region.top - 1] or [region.top]
    if starts[0] > region.top + 1:
        starts = top_row_start(starts, region)
    # a region line takes in words of other columns standing a little lower (a centred
    # cell's last line beside the next row's first): the columns' own lines say where text begins
    tops = sorted({ln.top for ln in region.lines} | {ln.top for b in blocks for ln in b.lines})
    starts = occupied_starts(starts, tops, region.bottom, settings.row_align)
    if len(starts) < 2 and len(region.lines) > settings.max_single_row_lines:
        return None  # one "row" of many lines: two columns of prose, not a table
    bottom = region.bottom + 0.5
    bounds = starts + [bottom]
    full = full_columns(starts, blocks, settings.row_align)  # (too few starts: the part before's, carried on)
    blocks = split_at_rows(blocks, starts, settings, ruled=by_rules)
    cells = []
    known_top = {c: n for x0, x1, n in top_spans for c in columns_within(cols, [(x0, x1)])}
    placed = place_blocks(blocks, bounds, n_cols, centred_hint=columns_within(cols, centred_spans), known_top=known_top,
                          carried=may_go_on and (bool(centred_spans) or bool(top_spans)), ocr=bool(settings.ocr_text))
    centred = centred_columns(placed, bounds) | columns_within(cols, centred_spans)
    for first, end, b in placed:
        box = (cols[b.col], bounds[first], cols[b.col + 1], bounds[end])
        cells.append((first, end, b, box))
    # join the blocks that share a starting row and column into one cell
    grouped: dict[tuple[int, int], list] = {}
    for first, end, b, box in cells:
        grouped.setdefault((first, b.col), []).append((end, b, box))
    grid_cells = []
    for (first, col), items in grouped.items():
        end = max(e for e, _b, _box in items)
        words = [w for _e, b, _box in items for w in b.words]
        grid_cells.append(GridCell(first, end, col, col + 1, (cols[col], bounds[first], cols[col + 1], bounds[end]), words))
    row_boxes = [(cols[0], bounds[r], cols[-1], bounds[r + 1]) for r in range(len(bounds) - 1)]
    rows = drop_textless_rows(assemble_rows(grid_cells, len(bounds) - 1, n_cols, page, row_boxes, settings, foot=foot))
    filled = [len(cell.lines) for row in rows for cell in row.cells if cell.lines]
    # (prose is set in two or three columns; a plan row of four or more may be that tall)
    if filled and n_cols <= PROSE_MAX_COLUMNS and sum(filled) / len(filled) > settings.max_mean_cell_lines:
        return None  # columns of running text (a two-column page), not a table
    return PageTable(page=page, bbox=(cols[0], region.top, cols[-1], bottom), col_edges=cols, rows=rows, ruled=False,
                     centred_spans=[(cols[c], cols[c + 1]) for c in sorted(centred)], row_space=space,
                     top_spans=_top_spans(cols, top_aligned_counts(blocks, bounds, known_top, strict=True), placed),
                     full_spans=full_spans if full is None else [(cols[c], cols[c + 1]) for c in sorted(full)])


def _top_spans(cols: Sequence[float], counts: dict[int, int], placed: Sequence[tuple[int, int, Block]]) -> list[tuple[float, float, int]]:
    """`PageTable.top_spans` of a part: its columns' counts of cells begun on row starts (-1:
    not top-aligned).  Under a header (a bold first row), a column blank in the first row but
    filled lower prints a group's value lower than its first row (in its middle row): not
    top-aligned."""
    out = dict(counts)
    top_row = [b for f, _e, b in placed if f == 0]
    if top_row and all(ln.bold for b in top_row for ln in b.lines):
        for c in {b.col for _f, _e, b in placed}:
            if not any(f == 1 and b.col == c for f, _e, b in placed):
                out[c] = -1
    return [(cols[c], cols[c + 1], n) for c, n in sorted(out.items())]


def columns_within(cols: Sequence[float], spans: Sequence[tuple[float, float]]) -> set[int]:
    """Columns that share most of their width (and most of the span's) with one of `spans`."""
    out = set()
    for c in range(len(cols) - 1):
        for x0, x1 in spans:
            overlap = min(cols[c + 1], x1) - max(cols[c], x0)
            if overlap > 0.6 * max(cols[c + 1] - cols[c], x1 - x0):
                out.add(c)
    return out


PROSE_MAX_COLUMNS = 3  # running text set in more columns than this is not taken for prose


def find_borderless_tables(
    lines: Sequence[TextLine],
    edges: Sequence[dict],
    page: int,
    height: float,
    settings: PdfSettings,
    carry: Sequence[float] | None = None,
) -> list[PageTable]:
    """Whitespace tables among a page's free lines (lines outside ruled tables).

    `carry` holds the column edges of a whitespace table that ended the
    previous page: lines at the top of this page that fit them continue it.
    """
    tables = []
    first = 0
    foot = height - settings.margin_band * height  # (a running footer a table swallows stands below)
    # the first table on the page may go on with the previous page's: its centred columns
    centred = list(getattr(carry, "centred", ()))
    space = getattr(carry, "row_space", None)
    if carry is not None:
        region, first = continued_region(lines, carry, height, settings)
        if region is not None:
            cols = list(carry[:-1]) + [max(carry[-1], region.x1)]
            table = region_table(
                region, edges, page, continued_settings(settings), cols=cols, centred_spans=centred, known_space=space,
                rules_carried=getattr(carry, "rows_by_rules", False), top_spans=getattr(carry, "top_spans", ()),
                full_spans=getattr(carry, "full_spans", None), foot=foot,
            )
            if table is not None and getattr(carry, "band", False) and _more_columns_afresh(lines, edges, page, table, settings):
                table = None  # the band's heads ran two columns together: the rows overleaf part them
            if table is not None:
                tables.append(table)
            else:
                first = 0
    for region in laddered(find_regions(lines, settings, first), lines, edges, settings):
        table = region_table(
            region, edges, page, settings, centred_spans=[] if tables else centred, known_space=None if tables else space,
            may_go_on=not tables and not _heading_above(lines, region, height, settings), foot=foot,
        )
        if table is not None and tables and not region.heads:
            table = _spaced_as_above(region, edges, page, settings, table, tables[-1], foot)
        if table is not None:
            tables.append(table)
    return tables


SAME_EDGE = 2.0  # points: column edges this close are the same table's design


def _spaced_as_above(
    region: Region, edges: Sequence[dict], page: int, settings: PdfSettings, table: PageTable, above: PageTable,
    foot: float | None = None,
) -> PageTable:
    """`table` read again with the white space over the rows of the table above it on the page
    (`above`) known, when both have the very columns: a plan's next table under its own heading,
    set by the same hand.  A part of two or three rows has too few rows of its own to tell its
    cells' later paragraphs, level by chance in every column, from rows (`drop_paragraph_starts`)."""
    if above.row_space is None or table.n_cols != above.n_cols or len(table.rows) < 2:
        return table
    if any(abs(a - b) > SAME_EDGE for a, b in zip(table.col_edges, above.col_edges)):
        return table
    again = region_table(region, edges, page, settings, centred_spans=[], known_space=above.row_space, may_go_on=False, foot=foot)
    return again if again is not None else table


def _heading_above(lines: Sequence[TextLine], region: Region, height: float, settings: PdfSettings) -> bool:
    """Does a heading (one run, set larger than the region's text, or bold below the running
    header's band) stand above the region on its page?  A table under a section heading is a
    table of its own, though it may repeat the previous table's header words; a running
    header is set no larger than the text."""
    sizes = sorted(ln.size for ln in region.lines)
    body = sizes[len(sizes) // 2]
    return any(
        ln.bottom <= region.top and len(split_segments(ln, settings)) == 1
        and (ln.size > body + settings.heading_size_delta or (ln.bold and ln.top > settings.margin_band * height))
        for ln in lines
    )


def _more_columns_afresh(
    lines: Sequence[TextLine], edges: Sequence[dict], page: int, table: PageTable, settings: PdfSettings
) -> bool:
    """Does the page's first whitespace table, found without carried columns, part more
    columns than `table` (its rows read on the edges of a header band left on the page before)?

    The band's heads may stand too close to part every column; the rows overleaf may run a
    column empty in most rows (a goal printed once per group) into its neighbour.  The reading
    with more columns is kept.
    """
    for region in laddered(find_regions(lines, settings, 0), lines, edges, settings):
        fresh = region_table(region, edges, page, settings)
        if fresh is not None:
            return fresh.bbox[1] <= table.bbox[3] and fresh.n_cols > table.n_cols
    return False
