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
4. `row_starts` (pdf_rows): a row starts where at least half the columns
   begin a block together (cells of a row are top-aligned; a paragraph that
   opens level with a block start counts), where a cell opens after an empty
   line of its column beside lines that each begin afresh (rows that touch),
   where regular text starts right under a bold header, where the first
   column starts a block beside silent columns, or at horizontal rules.  No
   row starts inside a word broken at a hyphen beside list items; a cell whose
   word breaks over a row's start runs on (merged over rows).
5. `place_blocks` (pdf_rows): each column's blocks of lines go to the row they
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

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from .pdf_grid import GridCell, PageTable, assemble_rows
from .pdf_hrules import _covered as covered, hrule_table, rule_rows
from .pdf_ruled import SHADING
from .pdf_settings import PdfSettings
from .pdf_row_cuts import drop_cutting_starts, drop_paragraph_starts, drop_textless_rows, row_space
from .pdf_rows import (
    centred_columns,
    column_blocks,
    continued_tops,
    line_pitch,
    near,
    ocr_line_pitch,
    place_blocks,
    row_starts,
    split_at_rows,
)
from .pdf_words import BULLET_GLYPHS, TextLine, Word, group_lines


@dataclass
class Segment:
    x0: float
    x1: float
    words: list[Word]


def split_segments(line: TextLine, settings: PdfSettings) -> list[Segment]:
    """A line's words in runs separated by gaps wider than a column gap."""
    segs: list[Segment] = []
    for w in line.words:
        if segs and w.x0 - segs[-1].x1 < settings.column_gap * max(w.size, 1.0):
            segs[-1].x1 = max(segs[-1].x1, w.x1)
            segs[-1].words.append(w)
        else:
            segs.append(Segment(w.x0, w.x1, [w]))
    return segs


@dataclass
class Region:
    lines: list[TextLine]
    header: list[Segment]
    heads: list[TextLine] = field(default_factory=list)  # lines of heads above the header row, placed run by run

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)


def _crosses(seg: Segment, starts: Sequence[float], size: float, ends: Sequence[float] | None = None) -> bool:
    """Does a segment start in one column and run on into the next one's text?

    A narrower gap than a column gap still separates columns when it falls
    at the column start (cramped columns, OCR text layers with fixed spaces).
    With `ends` (where each header run ends), a segment that starts a little
    before a column's head but lies between the neighbouring heads and ends
    with its own head, or runs out on both sides of it, is that column's
    right-aligned or centred text (numbers under a narrower head), not a
    crossing.
    """
    for k, s in enumerate(starts[1:], start=1):
        if seg.x0 < s - 0.5 * size and seg.x1 > s + 1.5 * size:
            if ends is not None and _right_aligned_in(seg, k, starts, ends, size):
                continue
            soft_break = any(
                b.x0 - a.x1 >= 0.5 * size and s - 1.0 * size <= b.x0 <= s + 0.5 * size
                for a, b in zip(seg.words, seg.words[1:])
            )
            if not soft_break:
                return True
    return False


def _right_aligned_in(seg: Segment, k: int, starts: Sequence[float], ends: Sequence[float], size: float) -> bool:
    """Does `seg` lie in column k alone: after the previous head ends, before the next
    head starts, and ending where head k ends (within a font size)?"""
    after_previous = seg.x0 > ends[k - 1] + 0.5 * size
    before_next = k + 1 >= len(starts) or seg.x1 < starts[k + 1] - 0.5 * size
    return after_previous and before_next and (abs(seg.x1 - ends[k]) <= 1.0 * size or _centred_under(seg, starts[k], ends[k]))


def _centred_under(seg: Segment, head_x0: float, head_x1: float) -> bool:
    """Does `seg` run out on both sides of a head centred over it (a number wider than its head)?"""
    return seg.x0 <= head_x0 + 0.5 and seg.x1 >= head_x1 - 0.5


def grow_region(
    lines: Sequence[TextLine], i: int, starts: Sequence[float], settings: PdfSettings, ends: Sequence[float] | None = None
) -> int:
    """Index after the last line, from lines[i] on, that stays inside the columns `starts`.

    A region ends at a large vertical gap, a line set larger than the region
    (a heading), or a line that runs across a column boundary (running text).
    A bold first line with runs at two or more of the columns is a header row:
    body text set larger than it is no heading.
    """
    bottom = lines[i].bottom
    top_size = lines[i].size
    header_row = lines[i].bold and len(starts) >= 2 and _on_columns(lines[i], starts, settings)
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        size = max(ln.size, 1.0)
        if ln.top - bottom > settings.table_break_gap * size:
            break
        # OCR sizes a line by its box, which a misread speck can stretch: an OCR line with
        # runs in two or more columns is a row of the table, however large it came out
        ocr_row = bool(settings.ocr_text) and len(split_segments(ln, settings)) >= 2
        if ln.size > top_size + settings.heading_size_delta and not (header_row and j == i + 1 and not ln.bold) and not ocr_row:
            break
        if any(_crosses(sg, starts, size, ends) for sg in split_segments(ln, settings)):
            break
        if ln.x0 < min(starts) - 2 * size:
            break
        bottom = max(bottom, ln.bottom)
        top_size = max(top_size, ln.size)
        j += 1
    return j


def find_regions(lines: Sequence[TextLine], settings: PdfSettings, first: int = 0) -> list[Region]:
    """Runs of lines that look like one whitespace table, each anchored on its first (header) line."""
    regions: list[Region] = []
    i = first
    while i < len(lines):
        segs = split_segments(lines[i], settings)
        if len(segs) < 2:
            i += 1
            continue
        starts = [sg.x0 for sg in segs]
        j = grow_region(lines, i, starts, settings, [sg.x1 for sg in segs])
        members = list(lines[i:j])
        if _finer_row_below(members, len(segs), settings):
            i += 1  # a caption set in two runs ("Table 1.   Actual and ..."): the columns come below
            continue
        multi = sum(len(split_segments(ln, settings)) >= 2 for ln in members)
        if multi >= 2 and len(members) >= 3:
            above = _rows_above(lines, i, starts, members, settings)
            floor = regions[-1].bottom if regions else (lines[first - 1].bottom if first else -1.0)
            above = [ln for ln in above if ln.top > floor]  # never reach back into the previous region
            header = _finer_body_columns(members, segs, settings) or split_at_rivers(segs, lines[i], above + members)
            right = max(ln.x1 for ln in members)
            heads = [ln for ln in above if ln.bold and _head_line(ln, starts, right, settings)]
            regions.append(Region(above + members, header, heads))
            i = j
        else:
            i += 1
    return regions


def split_at_rivers(header: list[Segment], head_line: TextLine, lines: Sequence[TextLine]) -> list[Segment]:
    """A bold header line's runs split where a narrow gap between two of their words is
    a column gap of the whole table: no word of the table crosses it, and several
    lines below have text on both sides of it, the right-hand text starting where
    the right-hand word starts (a left-aligned column).  Cramped tables leave less
    white space between columns than a column gap."""
    body_lines = [ln for ln in lines if ln is not head_line]
    body = [w for ln in body_lines for w in ln.words]
    out: list[Segment] = []
    for seg in header:
        current = Segment(seg.words[0].x0, seg.words[0].x1, [seg.words[0]])
        for a, b in zip(seg.words, seg.words[1:]):
            size = max(b.size, 1.0)
            river = b.x0 - a.x1 >= 0.4 * size and not any(w.x0 < b.x0 - 0.5 and w.x1 > a.x1 + 0.5 for w in body)
            # lines with text on both sides of the gap under this run, set apart by more than
            # a word space: two columns side by side (not digit groups "79 935")
            aligned = sum(
                1
                for ln in body_lines
                if any(abs(w.x0 - b.x0) <= 1.5 for w in ln.words)
                and any(w.x0 >= seg.x0 - 1.5 and b.x0 - 0.4 * size >= w.x1 for w in ln.words)
            )
            if head_line.bold:
                split = river and aligned >= 2
            else:  # plain heads may be a row of data ("40 years  2,468,083"): most lines must show the two columns
                split = river and _right_aligned_pairs(body_lines, a, b, seg, size) >= max(3, len(body_lines) // 2)
            if split:
                out.append(current)
                current = Segment(b.x0, b.x1, [b])
            else:
                current.x1 = max(current.x1, b.x1)
                current.words.append(b)
        out.append(current)
    return out


def _right_aligned_pairs(lines: Sequence[TextLine], a: Word, b: Word, seg: Segment, size: float) -> int:
    """Lines with a word ending where head word `a` ends and another starting right of the
    gap after it, within the head's run: two right-aligned columns under one run of heads
    ("exclusion rate  before substitution" over "4 ... 96")."""
    return sum(
        1
        for ln in lines
        if any(abs(w.x1 - a.x1) <= 1.5 and w.x0 >= seg.x0 - 1.5 for w in ln.words)
        and any(w.x0 >= b.x0 - 0.5 * size and w.x1 <= seg.x1 + 1.5 for w in ln.words)
    )


BODY_SHARE = 0.6  # share of a region's lines that must show finer columns than the first
FULL_SHARE = 0.4  # share of them that must print every one of those columns


def _finer_body_columns(members: Sequence[TextLine], header: list[Segment], settings: PdfSettings) -> list[Segment] | None:
    """The runs of a body line, when most lines of the region are set in more columns than
    its first line, at the same places: the first line holds heads spanning several
    columns ("Non-Hispanic white" over "Male  Female"), and the columns are the body's."""
    body = [split_segments(ln, settings) for ln in members[1:]]
    counts = [len(segs) for segs in body]
    if not counts:
        return None
    if sum(n > len(header) for n in counts) < max(3, BODY_SHARE * len(members)):
        return None
    # the most columns that many lines print (a row may leave a cell empty)
    finest = max((n for n in set(counts) if counts.count(n) >= max(3, FULL_SHARE * len(members))), default=0)
    if finest <= len(header):
        return None
    rows = [segs for segs in body if len(segs) == finest]
    anchor = rows[0]
    for segs in rows[1:]:  # the same columns on every such line: each run overlaps the anchor's
        if any(sg.x1 < a.x0 - 1 or sg.x0 > a.x1 + 1 for sg, a in zip(segs, anchor)):
            return None
    return [Segment(min(sg.x0 for sg in col), max(sg.x1 for sg in col), [w for sg in col for w in sg.words]) for col in zip(*rows)]


FINER_LOOKAHEAD = 5  # lines below a region's first line where a finer column row would show


def _finer_row_below(members: Sequence[TextLine], n_segs: int, settings: PdfSettings) -> bool:
    """Does a line just below the first have at least twice its runs (and three or more)?

    Then the first line is no header row of this table but a caption or a
    spanning head above it, and anchoring the columns on it would read a
    ten-column table as two columns.
    """
    finest = max((len(split_segments(ln, settings)) for ln in members[1 : 1 + FINER_LOOKAHEAD]), default=0)
    return finest >= max(3, 2 * n_segs)


def _fits_columns(line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    size = max(line.size, 1.0)
    segs = split_segments(line, settings)
    return not any(_crosses(sg, starts, size) for sg in segs) and all(
        any(abs(sg.x0 - s) <= 3 * size or sg.x0 > s for s in starts) for sg in segs
    ) and line.x0 >= min(starts) - 2 * size


def _is_header_row(line: TextLine, starts: Sequence[float], anchors: Sequence[float], settings: PdfSettings) -> bool:
    """Is the line a row of column heads: two or more runs, each beginning at its own column anchor?

    `anchors` are where the runs of the table's lines begin; a heading above a
    table is one run (or runs that do not sit on the columns), so it fails.
    """
    segs = split_segments(line, settings)
    if len(segs) < 2 or not _fits_columns(line, starts, settings):
        return False
    tol = 1.5 * settings.column_match
    hits = []
    for sg in segs:
        near = [a for a in anchors if abs(sg.x0 - a) <= tol]
        if not near:
            return False
        hits.append(min(near, key=lambda a: abs(sg.x0 - a)))
    return len(set(hits)) == len(segs)


def _rows_above(
    lines: Sequence[TextLine], i: int, starts: Sequence[float], members: Sequence[TextLine], settings: PdfSettings
) -> list[TextLine]:
    """Lines just above a region's first multi-column line that belong to the table.

    A table without a header row may open with a row that has text in one
    column only (or the rest of a row cut at the page break).  Such lines are
    taken only when what stands above them is a heading or nothing at all,
    so the last line of a paragraph above a table is not swallowed.
    A bold line whose runs each begin at a column of the table below is its
    header row, whatever its size (header rows are often set small and bold):
    it is taken and closes the table at the top.
    """
    size_cap = max(ln.size for ln in members) + settings.heading_size_delta
    bold_table = all(ln.bold for ln in members)
    anchors = sorted({sg.x0 for ln in members for sg in split_segments(ln, settings)})
    taken: list[TextLine] = []
    edge = members[0].top
    right = max(ln.x1 for ln in members)
    heads = members[0].bold and not bold_table  # the table opens with a bold header row
    k = i - 1
    while k >= 0:
        ln = lines[k]
        if edge - ln.bottom > settings.table_break_gap * max(ln.size, 1.0):
            break
        if heads:  # above a header row: only lines of heads over it (spanning heads, stacked first head)
            if not (ln.bold and ln.size <= members[0].size + 0.5 and _head_line(ln, starts, right, settings)):
                break
            taken.append(ln)
            edge = min(edge, ln.top)
            k -= 1
            continue
        if ln.bold and not bold_table and _is_header_row(ln, starts, anchors, settings):
            taken.append(ln)
            heads = True
            edge = ln.top
            k -= 1
            continue
        if ln.size >= size_cap or (ln.bold and not bold_table) or not _fits_columns(ln, starts, settings):
            break
        taken.append(ln)
        edge = ln.top
        k -= 1
    if not taken or heads:
        return list(reversed(taken))
    if k >= 0:
        stop = lines[k]
        heading_like = stop.size >= size_cap or (stop.bold and not bold_table)
        if not heading_like:
            return []
    return list(reversed(taken))


HEAD_SHARE = 0.6  # a run wider than this share of the table is a caption, not a head


def _head_line(line: TextLine, starts: Sequence[float], right: float, settings: PdfSettings) -> bool:
    """Is the line a row of heads above a table's header row: every run either inside the
    first column (its head stacked over two lines, "Age group" over "(yrs)") or over the
    columns after it (a head spanning several, "Coronary heart disease" over "no. Rate")?
    A caption above the table starts at its left edge and runs wide."""
    if len(starts) < 2:
        return False
    size = max(line.size, 1.0)
    tol = 1.5 * settings.column_match
    width = right - starts[0]
    for sg in split_segments(line, settings):
        if sg.x1 - sg.x0 > HEAD_SHARE * width or sg.x1 > right + size:
            return False
        if not (sg.x1 <= starts[1] + 0.5 * size or sg.x0 >= starts[1] - tol):
            return False
    return True


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


def column_of(x: float, edges: Sequence[float]) -> int:
    for c in range(len(edges) - 2, -1, -1):
        if x >= edges[c] - 0.5:
            return c
    return 0


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


_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")


_UNMAPPED_GLYPH = re.compile(r"^\(cid:\d+\)$")


def is_list_marker(text: str) -> bool:
    """A bullet glyph or an item number ("1.", "a)", "iv.") standing alone.

    Symbols, private-use glyphs and glyphs without a Unicode mapping ("(cid:2)")
    standing alone are bullets too.
    """
    text = text.strip()
    if len(text) == 1 and (text in BULLET_GLYPHS or unicodedata.category(text) in ("So", "Sm", "Co")):
        return True
    return bool(_ITEM_NUMBER.match(text) or _UNMAPPED_GLYPH.match(text))


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
    be an empty row.  The first start always stays.
    """
    ends = list(starts[1:]) + [bottom + 1]
    kept = [s for i, (s, end) in enumerate(zip(starts, ends)) if i == 0 or any(s - align <= t < end for t in tops)]
    return kept


def region_table(
    region: Region,
    edges: Sequence[dict],
    page: int,
    settings: PdfSettings,
    cols: list[float] | None = None,
    centred_spans: Sequence[tuple[float, float]] = (),
    known_space: float | None = None,
) -> PageTable | None:
    """A PageTable from one whitespace region (columns from its header, or given).

    `centred_spans`: x extents of the columns whose cells the table's part on the page
    before printed centred over their rows (page continuity for `place_blocks`);
    `known_space`: the white space over that part's row starts (`drop_paragraph_starts`)."""
    region = _cut_at_closing_rule(region, edges, settings)
    cols = cols or column_edges(region)
    n_cols = len(cols) - 1
    head_at = _head_columns(region.heads, edges, cols, settings)
    def col_of(x: float, cols: Sequence[float]) -> int:
        return head_at.get(x, column_of(x, cols))
    per_col: list[list[Word]] = [[] for _ in range(n_cols)]
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
    if not blocks:
        return None
    if region.heads:  # the rules among spanning heads (under "Year") part no rows of the table
        header_top = min((ln.top for ln in region.lines if all(ln is not h for h in region.heads)), default=region.top)
        edges = [e for e in edges if e.get("orientation") != "h" or e["top"] >= header_top]
    rules = _rules_in(edges, region)
    inner = [y for y in rules if region.top + 2 < y < region.bottom - 2]
    by_rules = len(inner) >= 2
    if edges:  # rules part the rows: each column cut at the rules drawn under it (pdf_hrules)
        words = [w for ln in region.lines for w in ln.words]
        starts = aligned_line_starts(body_lines, settings)
        table = hrule_table(words, cols, col_of, edges, region.top, region.bottom + 0.5, starts, page, settings)
        if table is not None:
            return table
    space = None
    if by_rules:  # rules between rows; one-line rows between sparser rules still count
        starts = merge_close([region.top] + inner + aligned_line_starts(body_lines, settings), settings.row_align)
    else:
        starts = row_starts(blocks, inner, settings)
        one_line_rows = aligned_line_starts(body_lines, settings)
        starts = merge_close(starts + one_line_rows, settings.row_align)
        starts = drop_cutting_starts(starts, blocks, settings.row_align, keep=one_line_rows)
        if not settings.ocr_text:  # (OCR line boxes wander too much to compare white space)
            starts = drop_paragraph_starts(starts, blocks, settings.row_align, one_line_rows, known_space)
            space = row_space(starts, blocks, settings.row_align) or known_space
    starts = [y for y in starts if y >= region.top - 1] or [region.top]
    if starts[0] > region.top + 1:
        starts.insert(0, region.top)
    starts = occupied_starts(starts, [ln.top for ln in region.lines], region.bottom, settings.row_align)
    if len(starts) < 2 and len(region.lines) > settings.max_single_row_lines:
        return None  # one "row" of many lines: two columns of prose, not a table
    bottom = region.bottom + 0.5
    bounds = starts + [bottom]
    blocks = split_at_rows(blocks, starts, settings, ruled=by_rules)
    cells = []
    placed = place_blocks(blocks, bounds, n_cols, centred_hint=columns_within(cols, centred_spans))
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
    rows = drop_textless_rows(assemble_rows(grid_cells, len(bounds) - 1, n_cols, page, row_boxes, settings))
    filled = [len(cell.lines) for row in rows for cell in row.cells if cell.lines]
    # (prose is set in two or three columns; a plan row of four or more may be that tall)
    if filled and n_cols <= PROSE_MAX_COLUMNS and sum(filled) / len(filled) > settings.max_mean_cell_lines:
        return None  # columns of running text (a two-column page), not a table
    return PageTable(page=page, bbox=(cols[0], region.top, cols[-1], bottom), col_edges=cols, rows=rows, ruled=False,
                     centred_spans=[(cols[c], cols[c + 1]) for c in sorted(centred)], row_space=space)


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


def _cut_at_closing_rule(region: Region, edges: Sequence[dict], settings: PdfSettings) -> Region:
    """The region without the notes under the rule that closes the table.

    A rule across the whole table with only one-run lines below it (the
    abbreviations and footnotes under a statistical table) ends the table there:
    the notes are no rows.  Rows below a rule (a rule under the header, between
    rows) print in several columns and keep the region whole.
    """
    width = region.x1 - region.x0
    drawn = rule_rows(edges, region.x0, region.x1, region.top + 2, region.bottom - 2, settings.row_align)
    rules = [y for y, spans in drawn if covered(spans, region.x0, region.x1) >= 0.9 * width]  # segments joined
    for y in rules:
        above = [ln for ln in region.lines if ln.bottom <= y + 1]
        below = [ln for ln in region.lines if ln.top > y - 1]
        if len(above) + len(below) != len(region.lines) or len(above) < 3 or not below:
            continue
        if all(len(split_segments(ln, settings)) == 1 for ln in below):
            return Region(above, region.header, region.heads)
    return region


def _laddered(regions: list[Region], lines: Sequence[TextLine], edges: Sequence[dict], settings: PdfSettings) -> list[Region]:
    """Each region with the ruled rows above it (`_up_the_rule_ladder`); a line a later
    region's ladder takes is taken from the region above (a caption region grown down into
    the header), and a region left with fewer than two lines is dropped."""
    out: list[Region | None] = [_up_the_rule_ladder(r, lines, edges, settings) for r in regions]
    for i in range(1, len(out)):
        later = out[i]
        assert later is not None
        claimed = {id(ln) for ln in later.lines}
        for j in range(i):
            earlier = out[j]
            if earlier is not None and any(id(ln) in claimed for ln in earlier.lines):
                kept = [ln for ln in earlier.lines if id(ln) not in claimed]
                out[j] = Region(kept, earlier.header, earlier.heads) if len(kept) >= 2 else None
    return [r for r in out if r is not None]


def _up_the_rule_ladder(region: Region, lines: Sequence[TextLine], edges: Sequence[dict], settings: PdfSettings) -> Region:
    """The region with the rows above it that its rules enclose: in a table ruled across
    between every row (its body too), each band between two rules above the region's first line, up to
    the table's top rule, is a row of it (a header centred over its columns, a bold
    section row in the first column) whatever its runs look like."""
    if not edges:
        return region
    width = region.x1 - region.x0
    size = max(region.lines[0].size, 1.0)
    inside = rule_rows(edges, region.x0, region.x1, region.top + 2, region.bottom - 2, settings.row_align)
    if len(inside) < max(2, len(region.lines) // 2):
        return region  # the body itself is not ruled row by row
    drawn = rule_rows(edges, region.x0, region.x1, region.top - 40 * size, region.top + 1, settings.row_align)
    ladder = [(y, spans) for y, spans in drawn if covered(spans, region.x0, region.x1) >= 0.9 * width]
    rules = sorted(y for y, _spans in ladder)
    on_ladder = [e for e in edges if e.get("orientation") == "h" and any(abs(e["top"] - y) <= settings.row_align for y in rules)]
    left = min((e["x0"] for e in on_ladder), default=region.x0)  # the rules' own extent (spans are clipped)
    right = max((e["x1"] for e in on_ladder), default=region.x1)
    ys = [y for y in rules if y <= region.top + 1]
    if not ys or region.top - ys[-1] > 1.5 * size:
        return region  # no rule right above the first line: no ladder
    taken: list[TextLine] = []
    y = ys[-1]
    for prev in reversed(ys[:-1]):
        band = [ln for ln in lines if prev - 1 < ln.top and ln.bottom < y + 1]
        if y - prev > 3.5 * size or not band or len(band) > 2:
            break
        if any(ln.x0 < min(left, region.x0) - 2 * size or ln.x1 > max(right, region.x1) + size or ln.size > size + settings.heading_size_delta for ln in band):
            break
        taken = band + taken
        y = prev
    if not taken:
        return region
    return Region(taken + region.lines, region.header, region.heads)


def continued_region(
    lines: Sequence[TextLine], carry: Sequence[float], height: float, settings: PdfSettings
) -> tuple[Region | None, int]:
    """The lines at the top of a page that carry on the previous page's whitespace table.

    They are read with the previous part's columns (the rest of a cut row may
    have text in one column only, and the first full row may leave a column
    empty), from the first line below the top margin up to the first line that
    leaves those columns.  Returns the region (or None) and the index after it.
    """
    starts = list(carry[:-1])
    i = 0
    while i + 1 < len(lines) and lines[i].bottom <= settings.margin_band * height:
        if lines[i + 1].top - lines[i].bottom <= lines[i].size:
            break  # close to what follows: table text, not a running header
        if lines[i].bold and _on_columns(lines[i], starts, settings) and len(split_segments(lines[i], settings)) >= 2:
            break  # the table's header row repeated on this page
        i += 1  # a running header above the table
    if i >= len(lines) or not _fits_columns(lines[i], starts, settings):
        return None, 0
    if _heading_on_top(lines, i, settings):
        return None, 0  # a section heading opens the page: what follows is a table of its own
    j = grow_region(lines, i, starts, settings)
    k = i
    while k < j and _fits_columns(lines[k], starts, settings):
        k += 1
    members = list(lines[i:k])
    first_multi = next((ln for ln in members if len(_columns_hit(ln, carry, settings)) >= 2), None)
    # body text may begin at a list item's text indent (a list marker, then its text); a bold row of
    # heads must stand where the heads stood (a header row laid out anew is a new table)
    if first_multi is not None and not (
        _on_columns(first_multi, starts, settings)
        or (not first_multi.bold and inside_columns(first_multi, carry, settings, _known_indents(members, carry, settings)))
    ):
        return None, 0  # the page lays the table out anew (e.g. landscape): find it afresh
    if not members:
        return None, 0
    return Region(members, []), k


def _heading_on_top(lines: Sequence[TextLine], i: int, settings: PdfSettings) -> bool:
    """Is lines[i] a heading: one run set larger than the line under it?

    A table's rows carried over a page break are set in the table's own size.
    """
    if i + 1 >= len(lines) or len(split_segments(lines[i], settings)) != 1:
        return False
    return lines[i].size > lines[i + 1].size + settings.heading_size_delta


def _columns_hit(line: TextLine, edges: Sequence[float], settings: PdfSettings) -> set[int]:
    """The columns of `edges` the line's text runs begin in."""
    return {column_of(sg.x0, edges) for sg in split_segments(line, settings)}


class CarriedColumns(list):
    """Column edges of a whitespace table that ended a page (`open_columns`), with
    where text began inside each column besides its edge (the indents its lines were
    printed at: a list item's text, its wrapped lines), per column."""

    indents: dict[int, list[float]]
    centred: list[tuple[float, float]]  # x extents of its columns of centred cells
    row_space: float | None  # white space over its row starts


def carried_columns(table: PageTable) -> CarriedColumns:
    """The table's column edges and the x positions its cells' lines began at, per column."""
    out = CarriedColumns(table.col_edges)
    out.indents = {}
    out.centred = list(table.centred_spans)
    out.row_space = table.row_space
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            for ln in cell.lines:
                if ln.indent > 0.5:
                    out.indents.setdefault(c, []).append(table.col_edges[c] + ln.indent)
    return out


def item_indents(lines: Sequence[TextLine], edges: Sequence[float], settings: PdfSettings) -> dict[int, list[float]]:
    """Per column, where the text of its list items begins: the run after a list marker
    standing at the column's start (a hanging indent, where wrapped lines begin too)."""
    out: dict[int, list[float]] = {}
    for ln in lines:
        segs = split_segments(ln, settings)
        for a, b in zip(segs, segs[1:]):
            c = column_of(a.x0, edges)
            if column_of(b.x0, edges) == c and is_list_marker(" ".join(w.text for w in a.words)):
                if abs(a.x0 - edges[c]) <= 1.5 * settings.column_match:
                    out.setdefault(c, []).append(b.x0)
    return out


def _known_indents(members: Sequence[TextLine], carry: Sequence[float], settings: PdfSettings) -> dict[int, list[float]]:
    """Text indents of the carried table's columns: those its last part printed, and
    those of list items among the lines overleaf."""
    out = {c: list(xs) for c, xs in getattr(carry, "indents", {}).items()}
    for c, xs in item_indents(members, carry, settings).items():
        out.setdefault(c, []).extend(xs)
    return out


def inside_columns(
    line: TextLine, edges: Sequence[float], settings: PdfSettings, indents: dict[int, list[float]] | None = None
) -> bool:
    """Does every text run of the line lie inside one column of `edges`, the first run
    in each column beginning at the column's start or at its list items' text indent?

    A row continued overleaf need not begin all its runs at the column starts: a
    list marker stands at the start and its text one indent further in, where the
    item's wrapped lines begin too (`indents`, from `item_indents`).  Each run
    still keeps to its column; a page that lays the table out anew (other widths)
    has runs crossing the old boundaries or opening elsewhere mid-column.  The
    last column may run on to the right (a whitespace table's right edge is only
    where its longest line ended).
    """
    tol = 0.5 * max(line.size, 1.0)
    indents = indents or {}
    opened: set[int] = set()
    for sg in split_segments(line, settings):
        c = column_of(sg.x0, edges)
        if sg.x0 < edges[0] - tol or (c + 2 < len(edges) and sg.x1 > edges[c + 1] + tol):
            return False
        at_start = abs(sg.x0 - edges[c]) <= 1.5 * settings.column_match
        if c not in opened and not at_start and not any(abs(sg.x0 - x) <= tol for x in indents.get(c, ())):
            return False
        opened.add(c)
    return True


def _on_columns(line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    """Does every text run of the line begin at one of the column starts?"""
    tol = 1.5 * settings.column_match
    return all(any(abs(sg.x0 - x) <= tol for x in starts) for sg in split_segments(line, settings))


def continued_settings(settings: PdfSettings) -> PdfSettings:
    """Settings for the part of a table the previous page ended with: it is known to be a
    table, so the tests that tell two columns of prose from one (a single row of many
    lines, cells of many lines on average) are off; narrow columns on a small page
    (A5) hold cells of thirty lines and more."""
    from dataclasses import replace

    return replace(settings, max_single_row_lines=10**9, max_mean_cell_lines=float("inf"))


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
    # the first table on the page may go on with the previous page's: its centred columns
    centred = list(getattr(carry, "centred", ()))
    space = getattr(carry, "row_space", None)
    if carry is not None:
        region, first = continued_region(lines, carry, height, settings)
        if region is not None:
            cols = list(carry[:-1]) + [max(carry[-1], region.x1)]
            table = region_table(
                region, edges, page, continued_settings(settings), cols=cols, centred_spans=centred, known_space=space
            )
            if table is not None:
                tables.append(table)
            else:
                first = 0
    for region in _laddered(find_regions(lines, settings, first), lines, edges, settings):
        table = region_table(
            region, edges, page, settings, centred_spans=[] if tables else centred, known_space=None if tables else space
        )
        if table is not None:
            tables.append(table)
    return tables
