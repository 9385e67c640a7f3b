"""Where a whitespace table stands on a page: its lines, header row and heads.

A text line is split into runs (`split_segments`) where a gap is wider than a
column gap; a region starts at a line of two or more runs (the header row) and
grows while no line runs across the columns, no heading-sized line appears and
no large vertical gap opens (`find_regions`, `grow_region`).  Heads stacked or
spanning columns above the header, ruled rows above it (`laddered`) and notes
under the table's closing rule (`cut_at_closing_rule`) are settled here too,
before borderless.py cuts the region into columns and rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.ruling.hrules import _covered as covered, rule_rows
from planparse.extractors.pdf.words import BULLET_GLYPHS, TextLine, Word


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


OCR_BESIDE = 1.0  # points an OCR line must start above the foot of the lines above to stand beside them


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
    header_row = lines[i].bold and len(starts) >= 2 and on_columns(lines[i], starts, settings)
    heads, starts = list(starts), list(starts)
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        size = max(ln.size, 1.0)
        if ln.top - bottom > settings.table_break_gap * size:
            break
        # OCR sizes a line by its box, which a misread speck can stretch: an OCR line with
        # runs in two or more columns is a row of the table, however large it came out
        ocr_row = bool(settings.ocr_text) and len(split_segments(ln, settings)) >= 2
        # nor is an OCR line beside the one above (starting above its foot) a heading: a heading
        # stands on a band of its own; Tesseract sized a misread run in a cell large
        ocr_beside = bool(settings.ocr_text) and ln.top < bottom - OCR_BESIDE
        if ln.size > top_size + settings.heading_size_delta and not (header_row and j == i + 1 and not ln.bold) and not ocr_row and not ocr_beside:
            break
        segs = split_segments(ln, settings)
        if any(_crosses(sg, starts, size, ends) for sg in segs):
            break
        if ln.x0 < min(starts) - 2 * size:
            break
        if settings.ocr_text and ends is not None:
            starts = column_lefts(segs, heads, starts, size)
        bottom = max(bottom, ln.bottom)
        top_size = max(top_size, ln.size)
        j += 1
    return j


def column_lefts(segs: Sequence[Segment], heads: Sequence[float], lefts: Sequence[float], size: float) -> list[float]:
    """OCR: column starts moved left to where the column's own text begins under its head.

    A head's OCR box may start a few points right of its ink (set L sjovik hrules at 150 dpi:
    "Indikatorer" boxed 3-6 pt right of the text under it), so the column's lines pass only as
    text wider than the head around it (`_right_aligned_in`), and a short line boxed 2 pt left
    of the others ("rustningar", "caféerna") crossed the head's start and ended the table.  A
    run of an accepted line that begins left of its head's start `heads[k]`, by no more than an
    OCR box's error (BOX_ERROR font sizes), and runs on under the head sets that column's left
    edge; the crossing test's own allowance is then judged from it.
    """
    out = list(lefts)
    for sg in segs:
        for k in range(1, len(heads)):
            if heads[k] - BOX_ERROR * size <= sg.x0 < out[k] and sg.x1 > heads[k] + 1.5 * size:
                out[k] = sg.x0
    return out


BOX_ERROR = 1.0  # font sizes an OCR head's box may start right of its column's text


UNREAD_HEAD_LINES = 3  # lines the region must grow by, past an unread first head, to take that column


def past_unread_first_head(lines: Sequence[TextLine], i: int, j: int, segs: Sequence[Segment], settings: PdfSettings) -> int:
    """Where a region from lines[i] ends when Tesseract read no word of its first head.

    At 150 dpi OCR may drop a head altogether ("Kehittämistavoite" over a borderless table's
    goal column, set J): the header row then begins at the second column, and the region
    stopped at the goal column's first line (left of every head).  When that line stays in a
    column of its own (its first run ending a column gap before the first head; the line's other
    runs start in the columns), and the region grown again
    with that column takes in UNREAD_HEAD_LINES more lines, the column is the table's (its
    head is found empty, headless.py).  A line running on under the heads is text below the table.
    """
    if j >= len(lines):
        return j
    ln = lines[j]
    size = max(ln.size, 1.0)
    first = segs[0].x0
    lead = split_segments(ln, settings)[0]  # (an OCR line may run on across the columns beside it)
    if not ln.x0 < first - 2 * size or lead.x1 > first - settings.column_gap * size:
        return j
    k = grow_region(lines, i, [lead.x0, *(sg.x0 for sg in segs)], settings, [lead.x1, *(sg.x1 for sg in segs)])
    return k if k - j >= UNREAD_HEAD_LINES else j


def find_regions(lines: Sequence[TextLine], settings: PdfSettings, first: int = 0) -> list[Region]:
    """Runs of lines that look like one whitespace table, each anchored on its first (header) line."""
    regions: list[Region] = []
    i = first
    while i < len(lines):
        segs = split_segments(lines[i], settings)
        if len(segs) < 2:
            i += 1
            continue
        if lines[i].bold and len(segs) >= 3:
            segs = _split_heads_joined(lines, i, segs, settings)
        starts = [sg.x0 for sg in segs]
        j = grow_region(lines, i, starts, settings, [sg.x1 for sg in segs])
        if settings.ocr_text:
            j = past_unread_first_head(lines, i, j, segs, settings)
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


SPLIT_HEAD_LOOKAHEAD = 6  # lines under a bold header row that show whether a gap in it is a column gap
SPLIT_HEAD_GAP = 2.0  # widest gap (font sizes) between two runs of a bold header row that may be one head's words


def _split_heads_joined(lines: Sequence[TextLine], i: int, segs: list[Segment], settings: PdfSettings) -> list[Segment]:
    """The runs of a bold header row, two neighbours joined where the gap between them is no
    column gap of the table below: lines under the row run across it and none starts a run
    at the right-hand one ("Seurannan  mittarit" with a word gap an OCR box set a little wide,
    the column's text starting under "Seurannan" and running on under "mittarit").

    Only gaps narrower than SPLIT_HEAD_GAP font sizes are judged; a wider one is a column gap."""
    head = lines[i]
    below: list[list[Segment]] = []
    bottom = head.bottom
    for ln in lines[i + 1 : i + 1 + SPLIT_HEAD_LOOKAHEAD]:
        if ln.top - bottom > settings.table_break_gap * max(ln.size, 1.0):
            break
        below.append(split_segments(ln, settings))
        bottom = max(bottom, ln.bottom)
    if not below:
        return segs
    out = [segs[0]]
    for seg in segs[1:]:
        left = out[-1]
        size = max(head.size, 1.0)
        s = seg.x0
        crossed = sum(1 for row in below if any(b.x0 >= left.x0 - size and b.x0 < s - 0.5 * size and b.x1 > s + 1.5 * size for b in row))
        started = sum(1 for row in below if any(abs(b.x0 - s) <= 1.5 * size for b in row))
        if seg.x0 - left.x1 <= SPLIT_HEAD_GAP * size and crossed and not started:
            out[-1] = Segment(left.x0, max(left.x1, seg.x1), left.words + seg.words)
        else:
            out.append(seg)
    return out


def split_at_rivers(header: list[Segment], head_line: TextLine, lines: Sequence[TextLine]) -> list[Segment]:
    """A bold header line's runs split where a narrow gap between two of their words is
    a column gap of the whole table: no word of the table crosses it, and several
    lines below have text on both sides of it, the right-hand text starting where
    the right-hand word starts (a left-aligned column); at a page's foot, where a header
    stands over one row, one such line and another starting under the right-hand word
    are enough.  Cramped tables leave less white space between columns than a column gap."""
    body_lines = [ln for ln in lines if ln is not head_line]
    body = [w for ln in body_lines for w in ln.words]
    out: list[Segment] = []
    for seg in header:
        current = Segment(seg.words[0].x0, seg.words[0].x1, [seg.words[0]])
        for a, b in zip(seg.words, seg.words[1:]):
            size = max(b.size, 1.0)
            river = b.x0 - a.x1 >= 0.4 * size and _free_strip(body, a.x1, b.x0) >= 0.4 * size
            # lines with text on both sides of the gap under this run, set apart by more than
            # a word space: two columns side by side (not digit groups "79 935")
            aligned = sum(
                1
                for ln in body_lines
                if any(abs(w.x0 - b.x0) <= 1.5 for w in ln.words)
                and any(w.x0 >= seg.x0 - 1.5 and b.x0 - 0.4 * size >= w.x1 for w in ln.words)
            )
            # lines of the table whose text starts right under the right-hand word: at a page's
            # foot a header may stand over one row only, its next lines starting under that word
            under = sum(1 for ln in body_lines if any(abs(w.x0 - b.x0) <= 1.5 for w in ln.words))
            if head_line.bold:
                split = river and (aligned >= 2 or aligned >= 1 and under >= 2)
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


def _free_strip(words: Sequence[Word], lo: float, hi: float) -> float:
    """Width of the widest strip of x in [lo, hi] that no word covers: the white space
    between two heads may be crossed near its edges by a longer word of the column
    under the left head ("(Kielitiimi)" a point past "ja"), the column gap stays."""
    best, cursor = 0.0, lo
    for x0, x1 in sorted((w.x0, w.x1) for w in words if w.x1 > lo and w.x0 < hi):
        best = max(best, x0 - cursor)
        cursor = max(cursor, x1)
    return max(best, hi - cursor)


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


def fits_columns(line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    size = max(line.size, 1.0)
    segs = split_segments(line, settings)
    return not any(_crosses(sg, starts, size) for sg in segs) and _begin_in_columns(
        segs, starts, size
    ) and line.x0 >= min(starts) - 2 * size


def _begin_in_columns(segs: Sequence[Segment], starts: Sequence[float], size: float) -> bool:
    return all(any(abs(sg.x0 - s) <= 3 * size or sg.x0 > s for s in starts) for sg in segs)


def runs_start_in_columns(line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    """Does every run of the line begin at or after a column start (`fits_columns` without its
    crossing and left-margin tests, for lines `grow_region` has already made pass those)?"""
    return _begin_in_columns(split_segments(line, settings), starts, max(line.size, 1.0))


def _is_header_row(line: TextLine, starts: Sequence[float], anchors: Sequence[float], settings: PdfSettings) -> bool:
    """Is the line a row of column heads: two or more runs, each beginning at its own column anchor?

    `anchors` are where the runs of the table's lines begin; a heading above a
    table is one run (or runs that do not sit on the columns), so it fails.
    """
    segs = split_segments(line, settings)
    if len(segs) < 2 or not fits_columns(line, starts, settings):
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
        if ln.size >= size_cap or (ln.bold and not bold_table) or not fits_columns(ln, starts, settings):
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


def column_of(x: float, edges: Sequence[float]) -> int:
    for c in range(len(edges) - 2, -1, -1):
        if x >= edges[c] - 0.5:
            return c
    return 0


_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")


_UNMAPPED_GLYPH = re.compile(r"^\(cid:\d+\)$")


@lru_cache(maxsize=4096)  # called for every word of many cells; the same few texts recur
def is_list_marker(text: str) -> bool:
    """A bullet glyph or an item number ("1.", "a)", "iv.") standing alone.

    Symbols, private-use glyphs and glyphs without a Unicode mapping ("(cid:2)")
    standing alone are bullets too.
    """
    text = text.strip()
    if len(text) == 1 and (text in BULLET_GLYPHS or unicodedata.category(text) in ("So", "Sm", "Co")):
        return True
    return bool(_ITEM_NUMBER.match(text) or _UNMAPPED_GLYPH.match(text))


def cut_at_closing_rule(region: Region, edges: Sequence[dict], settings: PdfSettings) -> Region:
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
        if all(ln.bold for ln in above) and not any(ln.bold for ln in below):
            continue  # a rule under the header row alone: a table goes on under its heads (seed 23
            # turku 82d402d3 p. 16, a header repeated over a cut row's rest in one column)
        if all(len(split_segments(ln, settings)) == 1 for ln in below):
            return Region(above, region.header, region.heads)
    return region


def laddered(regions: list[Region], lines: Sequence[TextLine], edges: Sequence[dict], settings: PdfSettings) -> list[Region]:
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


def on_columns(line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    """Does every text run of the line begin at one of the column starts?"""
    tol = 1.5 * settings.column_match
    return all(any(abs(sg.x0 - x) <= tol for x in starts) for sg in split_segments(line, settings))
