"""Rows of a whitespace table: column blocks, row starts, merged spans.

A column's lines fall into blocks (ordinary line spacing inside a block).
Rows start where at least half the columns begin a block together, since
cells of a row are top-aligned; a block that starts mid-row as the first
text of its cell and runs over rows (or sits centred beside rows whose cells
in its column are empty) is a merged cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Collection, Mapping, Sequence

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.whitespace.levels import level_with
from planparse.extractors.pdf.tables.rowsplit.paragraph_rows import ends_list, paragraph_row_starts
from planparse.extractors.pdf.tables.rowsplit.touching_rows import touching_row_starts
from planparse.extractors.pdf.words import TextLine, Word, forced_break, starts_with_bullet


@dataclass
class Block:
    """Consecutive lines of one column with ordinary line spacing between them."""

    col: int
    lines: list[TextLine]

    @cached_property
    def top(self) -> float:
        """The first line's top, read once: lines are only ever appended to a block, and
        the row rules ask each block's top hundreds of thousands of times on a long table."""
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln.words]


def line_pitch(columns: Sequence[Sequence[TextLine]], ocr: bool = False) -> float | None:
    """The table's ordinary line pitch: the tightest spacing between lines of one column.
    With `ocr`, two line boxes overlapping by more than OVERLAP_SHARE of the size give no
    spacing: printed lines do not overlap, one box was set off its ink ("Käyn-" boxed 5.4 pt
    under its row's top, 3.2 pt into "nissä" below it, jarvela-ilmasto-shaded-header@fin-150
    of scan set L p. 4: that 5.5 pt pitch made the plain white space over an action's second
    item an empty line, and the item a row of its own).

    With `ocr`, the spacing after such a pair is also taken from the first of the two: the box
    set off its ink may be the lower one, a piece of the printed line above ("%" of "henevät 40 %"
    boxed 4.9 pt under "henevät 40", jarvela-ilmasto-borderless@fin-150 of scan set M p. 1: its
    7.2 pt to the next line made the spacing between two list items an empty line, and an
    action's second item a row of its own)."""
    pitches = []
    for col_lines in columns:
        run_top: float | None = None  # the top of the first line of a run of overlapping OCR boxes
        for a, b in zip(col_lines, col_lines[1:]):
            top = a.top if run_top is None else run_top
            if ocr and _overlapping(a, b):
                run_top = top
                continue
            run_top = None
            if b.top - top > 0.5 * max(a.size, 1.0):
                pitches.append(b.top - top)
    return min(pitches) if pitches else None


def _overlapping(a: TextLine, b: TextLine) -> bool:
    """Does the box of line b reach up into line a's by more than OVERLAP_SHARE of a's size?"""
    return b.top < a.bottom - OVERLAP_SHARE * a.size


# OCR line boxes wander by a point or two: a column's line pitch is its typical spacing
# (the median of those near the tightest), and a block goes on up to this much more.
OCR_PITCH_SLACK = 1.15


OVERLAP_SHARE = 0.25  # of a line's size: OCR boxes of two lines overlapping more than this are not two lines' pitch


OCR_TIGHT_SHARE = 0.05  # the tightest spacings, this share of all, may be pairs the engine placed close


def ocr_line_pitch(spacings: Sequence[float]) -> float | None:
    """The typical line spacing of OCR lines: the median of the spacings within 30 %
    of the tightest (the tightest alone is one pair of lines the engine placed close).

    The tightest is taken above the closest 5 % of the spacings, and it must be met
    twice (another spacing within 10 % of it): on a page of 150 line pairs, three
    placed 8-9 pt apart where the rest stand 12 pt apart, or one such pair in a
    column, would otherwise leave the true pitch outside the 30 % and make every
    line a row.  A lone spacing far tighter than the next (a real two-line cell
    among one-line rows) still counts."""
    if not spacings:
        return None
    ordered = sorted(spacings)
    low = _met_twice(ordered[int(OCR_TIGHT_SHARE * len(ordered)) :])
    near_low = sorted(p for p in spacings if p <= 1.3 * low)
    return near_low[len(near_low) // 2]


OCR_LONE_PAIR = 1.5  # a tightest spacing this much below the next met one is a real pitch, not scatter


def _met_twice(ordered: Sequence[float]) -> float:
    """The smallest of these sorted spacings with another within 10 % above it (or the smallest)."""
    for k, p in enumerate(ordered[:-1]):
        if ordered[k + 1] <= 1.1 * p:
            return ordered[0] if p > OCR_LONE_PAIR * ordered[0] else p
    return ordered[0]


def _stretched_over(a: TextLine, b: TextLine) -> bool:
    """Does one of two OCR lines have a box stretched over the other: the boxes overlap and one
    is far taller than the other?  Two printed lines do not overlap; their spacing then is no
    line pitch ("tusmahdollisuuksia." boxed 11.8 pt tall for 8 pt text, reaching 3.4 pt up
    into the line over it: its 4.6 pt taken as the column's pitch cut every cell of the column,
    vake-osallisuus-frame@fin-150 of scan set E).  A short line OCR set between two others
    ("jen", boxed as tall as they are) is not judged here."""
    ha, hb = a.bottom - a.top, b.bottom - b.top
    return b.top < a.bottom - OVERLAP_SHARE * a.size and max(ha, hb) >= STRETCHED * min(ha, hb)


STRETCHED = 1.3  # a box this many times as tall as the other's is stretched (by a speck, a descender of the line below)


def _pitch(a: TextLine, b: TextLine) -> float:
    """Spacing of two lines of a column: of their tops or of their bottoms, whichever is
    closer -- a line opening with a bullet glyph taller than its text has its top raised
    (reportlab's bullets), not its baseline."""
    return min(b.top - a.top, b.bottom - a.bottom)


def column_blocks(col_lines: Sequence[TextLine], col: int, pitch: float | None = None, ocr: bool = False) -> list[Block]:
    """Split a column's lines where the spacing is clearly larger than its tightest
    line pitch, or where bold text turns regular (a header cell above a data cell).
    With `ocr` (lines placed by an OCR engine) the pitch is the typical one, with slack."""
    pitches = [_pitch(a, b) for a, b in zip(col_lines, col_lines[1:])]
    if ocr:
        spacings = [p for p, a, b in zip(pitches, col_lines, col_lines[1:]) if p > 0.5 * max(a.size, 1.0) and not _stretched_over(a, b)]
        own = ocr_line_pitch(spacings)
    else:
        own = min(pitches) if pitches else None
    if own is not None and (pitch is None or own <= 1.3 * pitch):
        tight = own  # columns may be set with their own line spacing
    else:
        tight = pitch if pitch is not None else 0.0  # only one-line cells: use the table's pitch
    limit = max(OCR_PITCH_SLACK * tight, tight + 1.5) if ocr else tight + 1.5
    blocks: list[Block] = []
    for k, ln in enumerate(col_lines):
        if k and pitches[k - 1] <= max(1.25 * ln.size, limit) and ln.bold == col_lines[k - 1].bold:
            blocks[-1].lines.append(ln)
        else:
            blocks.append(Block(col, [ln]))
    return blocks


RUNNING_INTO = 0.2  # of a line's size: a line of another column reaching this far below a block's top runs beside it
_SLACK = 1e-3  # points: bisect windows are this much wider than the exact tests they feed


def row_starts(blocks: Sequence[Block], rules: Sequence[float], settings: PdfSettings) -> list[float]:
    """Tops of rows: block starts shared by at least half of the table's columns
    (cells of a row are top-aligned; a second paragraph in a few cells is not a
    row), a first-column start beside silent columns, and horizontal rules.

    Blocks and lines near a block are found by bisection in top order, then
    tested exactly as a plain scan of all of them would (quadratic on a long
    page otherwise).
    """
    align = settings.row_align
    by_top = sorted(blocks, key=lambda b: b.top)
    block_tops = [b.top for b in by_top]
    n_active = len({b.col for b in blocks})
    starts: list[float] = []
    all_lines = sorted((ln.top, ln.bottom, b.col) for b in blocks for ln in b.lines)
    line_tops = [top for top, _bot, _col in all_lines]
    tallest = max((bot - top for top, bot, _col in all_lines), default=0.0)
    column_lines = lines_by_column(blocks)
    opens = _paragraph_openers(column_lines, list_ends=bool(settings.ocr_text))
    bold_tops = {col: [ln.top for ln in lines if ln.bold] for col, lines in column_lines.items()}
    pitch = line_pitch([sorted(lines, key=lambda ln: ln.top) for lines in column_lines.values()], ocr=bool(settings.ocr_text))
    carried, hyphen_broken = _carried_tops(column_lines)
    for b in by_top:
        t = b.top
        lo_b, hi_b = bisect_left(block_tops, t - align - _SLACK), bisect_right(block_tops, t + align + _SLACK)
        peers = {o.col for o in by_top[lo_b:hi_b] if abs(o.top - t) <= align}
        lo, hi = bisect_left(line_tops, t - align - _SLACK), bisect_right(line_tops, t + align + _SLACK)
        beside = {col for top, _bot, col in all_lines[lo:hi] if abs(top - t) <= align and col not in peers}
        # a paragraph that opens beside the block in a column without spacing between rows
        opening = {col for col in beside if near(opens.get(col, ()), t, align)}
        carries_on = any(near(carried.get(col, ()), t, align) for col in beside | peers)
        size = b.lines[0].size
        # A line overlapping [t - 1, t + size/2] starts at most `tallest` above t - 1.
        lo = bisect_left(line_tops, t - 1 - tallest - _SLACK)
        hi = bisect_right(line_tops, t + 0.5 * size + _SLACK)
        silent = not any(col != b.col and top < t + 0.5 * size and bot > t - 1 for top, bot, col in all_lines[lo:hi])
        # (nor where other columns open blocks a little lower, within a line, while the block's
        # top stands in the white space over them, nearer the text above than they are: a cell
        # centred over rows whose first line begins between two rows, not a label beside cells
        # centred on it).  Born-digital text only: an OCR word's box is its ink, so a word
        # without capitals or ascenders starts lower than a number beside it in every row
        if silent and not settings.ocr_text:
            hi_b2 = bisect_right(block_tops, t + size + _SLACK)
            lower = [o.top for o in by_top[lo_b:hi_b2] if o.col != b.col and t < o.top < t + size]
            near_above = bisect_left(line_tops, t - 3 * size - tallest - _SLACK)
            text_above = [bot for top, bot, col in all_lines[near_above:hi] if col != b.col and bot <= t + 1]
            if lower and text_above:
                gap = t - max(text_above)
                silent = not (gap < 0.5 * (min(lower) - max(text_above)))
        above = [ln for ln in column_lines[b.col] if ln.bottom <= t]
        line_above = max(above, key=lambda ln: ln.top) if above else None
        style_change = b.lines[0].bold != line_above.bold if line_above else False
        # list items side by side while another column breaks a word there: items of one row
        items = all(starts_with_bullet(o.lines[0].text) for o in by_top[lo_b:hi_b] if abs(o.top - t) <= align)
        broken = items and any(near(hyphen_broken.get(col, ()), t, align) for col in beside)
        # as many other columns print a line running across this height (set off it, not
        # level with it) as start here: later paragraphs of a few cells, the row goes on
        across = {
            col
            for top, bot, col in all_lines[lo:hi]
            if col not in peers and col not in beside and top < t - align and bot > t + align
        }
        broken = broken or (bool(across) and len(across) >= len(peers))
        enough = (not broken and _enough(peers, beside, n_active)) or (
            not broken and _enough(peers | opening, beside - opening, n_active)
        )
        # a cell that opens after at least one empty line of its column, beside lines
        # of other columns that each open a line of their own (none carries on a
        # word or sentence from the line above): rows that touch, no spacing between
        empty_line = pitch is not None and (line_above is None or t - line_above.top >= 1.8 * pitch)
        # a block opening in a column silent since the last row start may be a cell set lower
        # (centred beside rows): a row only if a cell of its column stood in the row above, or
        # two other columns open level with it
        others = (peers | beside) - {b.col}
        # (a column silent since the part's top stood in no row above either where another
        # column's line runs across this height -- a goal centred low atop a page the table goes
        # on to without its header; a head opening under a title line is left alone)
        cell_above = not starts or (
            line_above.top >= starts[-1] - align if line_above is not None else not across
        )
        fresh = empty_line and (cell_above or len(others) >= 2) and bool(others) and not carries_on
        if fresh and settings.ocr_text:
            # OCR: lines of other columns that stood above this height and reach down into
            # this first line, as many as the columns opening here, are cells of the row going on there (a later item, a goal's text
            # under its number, beside an owners list mid-item); a new row's cells open level
            # or after the row above has ended in every column
            running = {
                col
                for top, bot, col in all_lines[lo:hi]
                if col not in peers and col not in beside and top < t - align and bot > t + RUNNING_INTO * size
            }
            # (as many columns going on as opening: one cell centred beside a row opening in
            # most columns does not hold it back, pihlajavesi-lapset-nuoret-frame of set C)
            fresh = len(running) < max(1, len(peers | beside))
        # regular text right under a bold head, no bold text beside it: the header row
        # (first or repeated on a new page) has ended, whatever cells follow it
        header_ends = (
            line_above is not None
            and line_above.bold
            and not b.lines[0].bold
            and pitch is not None
            and t - line_above.top <= 1.5 * pitch  # right under it (a centred cell lower down is no row)
            and not any(near(bold_tops.get(col, ()), t, align) for col in beside)
            # (OCR: nor a line told bold between two regular ones of its paragraph, a weight misread)
            and not (settings.ocr_text and _regular_right_above(column_lines[b.col], line_above, pitch))
        )
        if enough or fresh or header_ends or (silent and (b.col == 0 or style_change)):
            starts.append(t)
    starts += list(rules)
    spans = {col: [(o.top, o.lines[-1].bottom) for o in by_top if o.col == col] for col in column_lines}
    starts += touching_row_starts(spans, column_lines, carried, pitch, align)
    # (OCR pages too: rows that touch at the plain pitch, each column opening a paragraph there,
    # are found on the OCR lines as on born-digital ones -- vake-osallisuus-frame of scan set L
    # p. 5, "Asukkaiden vaikutusmahdollisuuksia vahvistetaan." printed in four touching rows,
    # read two rows as one at every dpi and model; the pitch leaves out boxes set off their ink)
    starts += paragraph_row_starts(spans, column_lines, carried, pitch, align, sorted(starts))
    merged: list[float] = []
    for y in sorted(starts):
        if not merged or y - merged[-1] > settings.row_align:
            merged.append(y)
    return merged


def _regular_right_above(lines: Sequence[TextLine], line: TextLine, pitch: float) -> bool:
    """Does a regular line stand right above `line` (within 1.5 line pitches, or line sizes where
    the table's tightest pitch is a pair OCR set close) in its column?

    A header row's bold lines open their column's text; a bold line under a regular one of the
    same paragraph is a weight OCR misread ("aloitteiden ja lausunto-" between "Nuorisovaltuuston"
    and "jen määrä", pihlajavesi-lapset-nuoret-borderless@fin-150 of scan set E: the regular
    line under it was taken for a header's end and the row was cut in two)."""
    above = [ln for ln in lines if ln.bottom <= line.top + 0.5 and ln.top < line.top]
    if not above:
        return False
    prev = max(above, key=lambda ln: ln.top)
    return not prev.bold and line.top - prev.top <= 1.5 * max(pitch, line.size)


_SENTENCE_END = (".", "!", "?", ":", ";")


def carries_on(above: TextLine, line: TextLine, hyphen_only: bool = False) -> bool:
    """Does `line` carry on the text of `above`, the line just over it in its column:
    after a word broken at a hyphen, or (unless `hyphen_only`) opening in lower case
    after a line that closed no sentence?"""
    kind = _carry_kind(above, line)
    return kind == _AT_HYPHEN if hyphen_only else kind != _NO_CARRY


_NO_CARRY, _WRAPPED, _AT_HYPHEN = 0, 1, 2


def _carry_kind(above: TextLine, line: TextLine) -> int:
    """How `line` carries on `above`: _AT_HYPHEN after a word broken at a hyphen, _WRAPPED
    opening in lower case after a line that closed no sentence, else _NO_CARRY (both of
    `carries_on`'s answers at once, for `_carried_tops`)."""
    if line.top - above.top > 2.0 * max(above.size, 1.0):
        return _NO_CARRY  # not the next line of the same cell
    prev, text = above.text.rstrip(), line.text.lstrip()
    if len(prev) >= 2 and prev[-1] in "-\u00ad" and prev[-2].isalpha():
        return _AT_HYPHEN
    if not text or not prev or not text[0].islower() or prev.endswith(_SENTENCE_END):
        return _NO_CARRY
    # wrapped text: a line of words above, a word (not a lone mark such as "x") below
    # (split once: the first word and whether there is a second are all that is asked;
    # most lines open with a capital, and are answered before any split)
    first = text.split(None, 1)[0]
    if len(first) >= 2 and first[:2].isalpha() and (len(prev.split(None, 1)) >= 2 or _word_end(prev)):
        return _WRAPPED
    return _NO_CARRY


def _word_end(prev: str) -> bool:
    """Does a line of one word end in a word of letters (a narrow column's wrapped text,
    "Välfärdsom-" / "rådets" / "hemvård,"), not in a lone mark ("x" under "x")?"""
    word = prev.rstrip(",")
    return len(word) >= 3 and word[-2:].isalpha()


def continued_tops(col_lines: Sequence[Sequence[TextLine]], hyphen_only: bool = False) -> list[float]:
    """Tops of lines that carry on the line above them in their column (`carries_on`):
    no row of a table starts there."""
    return [b.top for lines in col_lines for a, b in zip(lines, lines[1:]) if carries_on(a, b, hyphen_only)]


def lines_by_column(blocks: Sequence[Block]) -> dict[int, list[TextLine]]:
    """Every block's lines gathered by column, top to bottom."""
    column_lines: dict[int, list[TextLine]] = {}
    for o in blocks:
        column_lines.setdefault(o.col, []).extend(o.lines)
    for lines in column_lines.values():
        lines.sort(key=lambda ln: ln.top)
    return column_lines


def _carried_tops(column_lines: dict[int, list[TextLine]]) -> tuple[dict[int, list[float]], dict[int, list[float]]]:
    """Per column, `continued_tops` of its lines and the same with `hyphen_only`, in one pass
    (a line carrying on after a hyphen carries on either way: `carries_on`)."""
    carried: dict[int, list[float]] = {}
    hyphen_broken: dict[int, list[float]] = {}
    for col, lines in column_lines.items():
        tops = carried[col] = []
        broken = hyphen_broken[col] = []
        for a, b in zip(lines, lines[1:]):
            kind = _carry_kind(a, b)
            if kind != _NO_CARRY:
                tops.append(b.top)
                if kind == _AT_HYPHEN:
                    broken.append(b.top)
    return carried, hyphen_broken


def near(sorted_values: Sequence[float], t: float, tol: float) -> bool:
    """Is a value of the sorted list within `tol` of t (by bisection)?"""
    return _any_in(sorted_values, t - tol, t + tol + 1e-9)


def _any_in(sorted_values: Sequence[float], lo: float, hi: float) -> bool:
    """Is a value of the sorted list in [lo, hi)?"""
    i = bisect_left(sorted_values, lo)
    return i < len(sorted_values) and sorted_values[i] < hi


def _enough(peers: set[int], going_on: set[int], n_active: int) -> bool:
    """Do the columns starting a cell at one height make a row: two or more, at least
    half of the table's columns, and no fewer than the columns whose text runs on there?"""
    return len(peers) >= 2 and 2 * len(peers) >= n_active and len(peers) >= len(going_on)


def _paragraph_openers(column_lines: dict[int, list[TextLine]], list_ends: bool = False) -> dict[int, list[float]]:
    """Tops of lines that open a paragraph right below another line of their column:
    a bullet, or a line after one that ended although this line's first word
    would have fitted (greedy line breaking ends a line early only at a
    paragraph's end).  Where a table has no spacing between rows, such a line
    beside a block start in another column is where both cells of a row begin.

    With `list_ends` (OCR lines: `paragraph_rows` asks every column to open at the plain line
    pitch, which OCR line tops may miss beside a block start) a line ending a list right under its last item counts too
    (`paragraph_rows.ends_list`: no item itself, it begins under the item's bullet or number
    and opens with a capital): an owners list "1) ... 2) ..." whose column touches the next
    row's single owner, beside an action opening after white space (vake-osallisuus-frame,
    scan set B p. 4: the row was merged into the one above; born-digital renderings find it
    with `paragraph_row_starts`)."""
    out: dict[int, list[float]] = {}
    for col, lines in column_lines.items():
        lines = sorted(lines, key=lambda ln: ln.top)
        right = max(ln.x1 for ln in lines)
        out[col] = [
            b.top
            for k, (a, b) in enumerate(zip(lines, lines[1:]))
            if starts_with_bullet(b.text)
            or forced_break(a, b, right)
            or (list_ends and b.top - a.top <= LIST_END_PITCHES * max(a.size, 1.0) and ends_list(_item_head(lines, k), b))
        ]
    return out


def _item_head(lines: Sequence[TextLine], k: int) -> TextLine:
    """The line opening the paragraph that line k of a column ends: k itself, or, where line k
    carries on the line above (a word broken at a hyphen, lower case running on), the first
    line of that run at the line pitch -- an item "2) Hyte-tehtä-" / "väalue" wrapped in a
    narrow column, whose number `ends_list` looks under (vake-osallisuus-frame of scan set J
    p. 4: the next row's owner "Hyte-tehtäväa-" / "lue" opened under the wrapped item, so the
    list's end was not seen and the row was merged into the one above)."""
    while k and lines[k].top - lines[k - 1].top <= LIST_END_PITCHES * max(lines[k - 1].size, 1.0) and carries_on(lines[k - 1], lines[k]):
        k -= 1
    return lines[k]


LIST_END_PITCHES = 1.8  # of the size: a line ending a list stands right under the item (no empty line between)


def split_at_rows(
    blocks: Sequence[Block], starts: Sequence[float], settings: PdfSettings, ruled: bool = False
) -> list[Block]:
    """Cut blocks where one of their lines starts a row (cells of a row are top-aligned).

    A block that starts mid-row as the first text of its cell is kept whole:
    it is a merged cell printed centred beside several rows.  Rows given by
    horizontal rules (`ruled`) always cut.  In a column left empty at some row start
    (one that may hold cells merged over rows), a line that carries on the sentence of
    the line above it (`carries_on`) is no cut either: a goal merged over its rows whose
    wrapped text happens to stand level with the next row's start.
    """
    out: list[Block] = []
    tops_by_col: dict[int, list[float]] = {}
    for o in blocks:
        tops_by_col.setdefault(o.col, []).extend(ln.top for ln in o.lines)
    for tops in tops_by_col.values():
        tops.sort()
    open_cols = {c for c, tops in tops_by_col.items() if any(not near(tops, y, settings.row_align) for y in starts)}
    rights: dict[int, float] = {}  # where each column's text reaches (`forced_break`)
    for o in blocks:
        rights[o.col] = max(rights.get(o.col, 0.0), max(ln.x1 for ln in o.lines))
    ordered = sorted(starts)  # asked once per block and per line: bisected, not scanned
    for b in blocks:
        k = bisect_right(ordered, b.top + settings.row_align)
        row_top = ordered[k - 1] if k else None  # the last start at or above the block
        # the first text of its cell: no line of its column (of this or another
        # block) stands between the row's top and the block
        first_in_cell = row_top is not None and not _any_in(tops_by_col[b.col], row_top - settings.row_align, b.top)
        at_start = level_with(ordered, b.top, settings.row_align)
        if not at_start and first_in_cell and not ruled:
            out.append(b)  # starts mid-row: a merged cell centred beside rows, kept whole
            continue
        current = Block(b.col, [b.lines[0]])
        for ln in b.lines[1:]:
            # (asked only of lines level with a row start: elsewhere the line stays either way)
            if not level_with(ordered, ln.top, settings.row_align) or _runs_on(
                current.lines[-1], ln, ruled, b.col not in open_cols, rights.get(b.col)
            ):
                current.lines.append(ln)
            else:
                out.append(current)
                current = Block(b.col, [ln])
        out.append(current)
    return out


def _runs_on(above: TextLine, line: TextLine, ruled: bool, hyphen_only: bool, right: float | None) -> bool:
    """Does the cell run on over a row start at `line` (`split_at_rows`): a word broken over it
    (or, with `hyphen_only` False, a sentence wrapped over it; merged over rows), and not where
    the line above ended although this one's first word fitted (a paragraph's end)?"""
    return not ruled and carries_on(above, line, hyphen_only=hyphen_only) and not forced_break(above, line, right)


TOP_ALIGNED = 0.2  # a block within this share of its font size of a row's start begins that row


CENTRED_WITHIN = 0.5  # a cell centred over rows has its middle within this share of its size of theirs


TOP_ALIGNED_EVIDENCE = 3  # blocks of a column that must all stand on row starts


def _top_aligned_columns(
    blocks: Sequence[Block], bounds: Sequence[float], known: Mapping[int, int] | None = None, ocr: bool = False
) -> set[int]:
    """Columns whose blocks, three or more, all begin on a row start (within TOP_ALIGNED
    of their size); one centred goal on a page may meet a row start by chance.  `known`:
    blocks of the column that stood on row starts in the table's parts on the pages before.
    `ocr`: an OCR page (weights are guessed there: every head counts as before)."""
    if not ocr:
        blocks = [b for b in blocks if not _head_over_empty_row(b, blocks, bounds, known)]
    counts = top_aligned_counts(blocks, bounds, known)
    return {col for col, n in counts.items() if n >= TOP_ALIGNED_EVIDENCE}


def _head_over_empty_row(b: Block, blocks: Sequence[Block], bounds: Sequence[float], known: Mapping[int, int] | None) -> bool:
    """A bold head atop a part that begins its table (nothing known from a page before), over
    a first row its column leaves empty: a head stands on its row's start whatever the cells
    do, and a top-aligned column would begin its first group in that row, so the head is no
    evidence of top alignment (a centred goal beside the group's middle row is what shows)."""
    if len(bounds) < 3 or (known or {}).get(b.col) is not None:
        return False
    size = b.lines[0].size
    if abs(b.top - bounds[0]) >= TOP_ALIGNED * size or not all(ln.bold for ln in b.lines):
        return False
    return not any(o.col == b.col and bounds[1] - 0.5 <= o.top < bounds[2] - 0.5 for o in blocks)


def top_aligned_counts(
    blocks: Sequence[Block], bounds: Sequence[float], known: Mapping[int, int] | None = None, strict: bool = False
) -> dict[int, int]:
    """Per column whose blocks all begin on a row start (this part's and, by `known`, the
    table's parts before it), how many there are (page continuity: a goal printed at the top
    of its group on the page before is printed so overleaf too).  `strict`: count only blocks
    that leave white space under them in their last row (a cell centred over its rows would
    leave it above too; one filling its row says nothing of its alignment)."""
    misses: dict[int, bool] = {col: n < 0 for col, n in (known or {}).items()}
    counts: dict[int, int] = {col: n for col, n in (known or {}).items() if n >= 0}
    row_tops, row_ends = bounds[:-1], bounds[1:]
    ordered = all(a <= b for a, b in zip(row_ends, row_ends[1:]))  # (bounds rise: bisect the ends)
    text_tops = sorted(_rows_text_tops(blocks, bounds)) if ordered else []
    for b in blocks:
        size = b.lines[0].size
        on_start = near(row_tops, b.top, TOP_ALIGNED * size) or near(text_tops, b.top, TOP_ALIGNED * size)
        misses[b.col] = misses.get(b.col, False) or not on_start
        if ordered:  # the first end at or under the block's bottom
            k = bisect_left(row_ends, b.bottom - 0.5)
            end = row_ends[k] if k < len(row_ends) else bounds[-1]
        else:
            end = next((y for y in row_ends if y >= b.bottom - 0.5), bounds[-1])
        if not strict or end - b.bottom > size:
            counts[b.col] = counts.get(b.col, 0) + 1
    if strict:  # missed columns stay missed overleaf (-1)
        out = {col: -1 if misses.get(col, False) else counts.get(col, 0) for col in set(counts) | set(misses)}
        return {col: n for col, n in out.items() if n != 0}
    return {col: n for col, n in counts.items() if not misses.get(col, False)}


def _rows_text_tops(blocks: Sequence[Block], bounds: Sequence[float]) -> list[float]:
    """The top of each row's first text where two or more columns open a block level with it:
    a row bounded by a rule (under a header) sets its cells' text lower by their padding, and
    a cell opening there begins its row as one on the rule would.

    helsinki-kotoutuminen 914b11d5 (seed 20, a rule under the header only): every goal opens
    on its group's first row, the first 2.3 pt under the header's rule."""
    firsts: dict[int, list[Block]] = {}
    for b in blocks:
        r = bisect_right(bounds, b.top + 0.5) - 1
        if 0 <= r < len(bounds) - 1:
            firsts.setdefault(r, []).append(b)
    out = []
    for row in firsts.values():
        top = min(b.top for b in row)
        level = {b.col for b in row if b.top - top <= TOP_ALIGNED * b.lines[0].size}
        if len(level) >= 2:
            out.append(top)
    return out


def centred_columns(placed: Sequence[Sequence], bounds: Sequence[float]) -> set[int]:
    """Columns with a cell whose text begins well below its row's start (a centred cell),
    its first block in that row (not a later paragraph)."""
    highest: dict[tuple[int, int], float] = {}  # (column, row) -> top of its first block
    for first, _end, b in placed:
        key = (b.col, first)
        highest[key] = min(highest.get(key, b.top), b.top)
    out = set()
    for first, _end, b in placed:
        if b.top > highest[(b.col, first)]:
            continue  # a later paragraph of a cell
        if b.top - bounds[first] >= 1.0 * b.lines[0].size:
            out.add(b.col)
    return out


def _centred_by_chance(
    b: Block, first: int, end: int, bounds: Sequence[float], col_rows: set[int], n_rows: int, carried: bool = False
) -> tuple[int, int]:
    """A block standing on a row start in a column of centred cells: the span of empty rows
    around it that centres it within half a line, when its own row centres it a line
    worse; else its own row.  In a column whose cells were centred on the page before
    (`carried`: this page has no other cell of it to compare) a span that centres it
    within a quarter line, twice as well as its own row, is enough."""
    size = b.lines[0].size
    mid = (b.top + b.bottom) / 2
    own = abs(mid - (bounds[first] + bounds[end]) / 2)
    best = (own, first, end)
    a = first
    while True:
        z = end
        while True:
            cand = abs(mid - (bounds[a] + bounds[z]) / 2)
            if cand < best[0]:
                best = (cand, a, z)
            if z + 1 > n_rows or z in col_rows:
                break
            z += 1
        if a - 1 < 0 or (a - 1) in col_rows:
            break
        a -= 1
    if best[0] <= 0.5 * size and best[0] <= own - size:
        return best[1], best[2]
    if carried and best[0] <= 0.25 * size and 2 * best[0] <= own:
        return best[1], best[2]
    return first, end


def place_blocks(
    blocks: Sequence[Block], bounds: Sequence[float], n_cols: int, centred_hint: Collection[int] = (),
    known_top: Mapping[int, int] | None = None, carried: bool = False, ocr: bool = False,
) -> list[tuple[int, int, Block]]:
    """(first row, last row + 1, block) for every block; merged spans by vertical extent.

    `centred_hint`: columns known (from the table's part on the page before) to hold
    cells centred over their rows, though this page may show none; `known_top`: blocks per
    column that all stood on row starts in the table's parts on the pages before;
    `carried`: this part may go on from the page before (its first rows may belong to the
    group the page before ended with); `ocr`: an OCR page."""
    n_rows = len(bounds) - 1

    def row_at(y: float) -> int:
        for r in range(n_rows - 1, -1, -1):
            if y >= bounds[r] - 0.5:
                return r
        return 0

    placed = []
    for b in blocks:
        first, last = row_at(b.top + 0.5), row_at(b.bottom - 0.5)
        placed.append([first, last + 1, b])
    top_aligned = _top_aligned_columns(blocks, bounds, known_top, ocr=ocr)
    centred = centred_columns(placed, bounds) | set(centred_hint)
    # a block centred beside rows whose cells in its column are empty spans them
    for item in placed:
        first, end, b = item
        size = b.lines[0].size
        if b.top - bounds[first] < 1.0 * size and end - first == 1:
            if b.col not in centred and (b.col in top_aligned or not _under_header_only(placed, b, first)):
                continue  # top-aligned in one row: an ordinary cell
            # (the rows other blocks of its column span: asked only here, the common cell above
            # needs none; the same set whenever asked in this turn, b's own span left out)
            col_rows = {r for f, e, o in placed if o is not b and o.col == b.col for r in range(f, e)}
            if b.col in centred:  # a column of centred cells: met a row start by chance?
                item[0], item[1] = _centred_by_chance(
                    b, first, end, bounds, col_rows, n_rows, carried=b.col in centred_hint
                )
                # its column empty from the header down: the rows above are its own when a span
                # from row 1 centres it as well as its row does (a group centred on its middle row)
                if (item[0], item[1]) == (first, end) and _under_header_only(placed, b, first):
                    item[0], item[1] = _centred_from_header(b, first, end, bounds, col_rows, n_rows)
                elif not carried and _under_header_only(placed, b, item[0]):
                    item[0], item[1] = _tied_from_header(b, item[0], item[1], bounds, col_rows, n_rows)
            else:  # (not top-aligned, its column empty from the header down: the guard above)
                item[0], item[1] = _centred_from_header(b, first, end, bounds, col_rows, n_rows)
            continue
        if any(o is not b and o.col == b.col and f == first and o.top < b.top for f, _e, o in placed):
            continue  # a later paragraph of a cell, not a cell of its own
        col_rows = {r for f, e, o in placed if o is not b and o.col == b.col for r in range(f, e)}
        # a cell of paragraphs ("5" / "Tuen oikea-aikainen ...") is centred as a whole: its
        # later paragraphs, in the block's row, stay there (above), so the middle is the cell's
        # (born-digital pages; OCR pages measure the first paragraph alone, as before)
        lower = [] if ocr else [o.bottom for f, _e, o in placed if o.col == b.col and f == first and o.top > b.top]
        mid = (b.top + max([b.bottom] + lower)) / 2
        best = own = (abs(mid - (bounds[first] + bounds[end]) / 2), first, end)
        a = first
        # in a column whose every block stands on a row's start, cells are top-aligned:
        # this one begins in its first row (a goal merged over the rows below it), not
        # centred from an empty row above (a centred goal may meet a row start by chance);
        # one standing on its own row's start takes rows above only where they centre it
        # as a word processor centres a cell (within half a line), not merely better
        on_start = b.top - bounds[first] < TOP_ALIGNED * size
        while b.col not in top_aligned and a - 1 >= 0 and (a - 1) not in col_rows:
            a -= 1
            z = end
            while True:
                cand = abs(mid - (bounds[a] + bounds[z]) / 2)
                if cand < own[0] - 1 and cand < best[0] and (not on_start or cand <= CENTRED_WITHIN * size):
                    best = (cand, a, z)
                if z + 1 > n_rows or z in col_rows:
                    break
                z += 1
        z = end
        while z + 1 <= n_rows and z not in col_rows:
            z += 1
            cand = abs(mid - (bounds[first] + bounds[z]) / 2)
            if cand < own[0] - 1 and cand < best[0]:  # (the best centred of the spans a line better than its own)
                best = (cand, first, z)
        if b.col not in top_aligned and _under_header_only(placed, b, best[1]):
            best = _reach_header_carried(b, best, bounds, col_rows, n_rows) if carried else _reach_header(b, best, bounds, col_rows, n_rows)
        item[0], item[1] = best[1], best[2]
    centred |= centred_columns(placed, bounds)  # spans found above may show centred cells
    for item in placed:
        if item[2].col in centred:
            item[0], item[1] = _unclaimed_row_above(item, placed, bounds, n_rows)
    return [(f, e, b) for f, e, b in placed]


def _unclaimed_row_above(item: list, placed: Sequence[list], bounds: Sequence[float], n_rows: int) -> tuple[int, int]:
    """In a column of centred cells, a block beginning within a line of its row's start (so
    placed as that row's cell) under an empty row
    that no cell of the column spans (the cell above was centred over the rows above it):
    that row is the block's when a span from it centres the block about as well as the
    block's own span (within a quarter line, and within half a line at all), or when the
    cell above is centred over the rows above it alone (`_above_ends_over`, for a block
    set anywhere in its row); else the empty row would take the goal above by filling down."""
    first, end, b = item
    size = b.lines[0].size
    if first < 1:
        return first, end
    spanned = {r for f, e, o in placed if o is not b and o.col == b.col for r in range(f, e)}
    if first - 1 in spanned or any(o is not b and o.col == b.col and f == first and o.top < b.top for f, _e, o in placed):
        return first, end
    mid = (b.top + b.bottom) / 2
    if b.top - bounds[first] >= size:  # set lower in its row: the row above only if shut out above
        if _above_ends_over(b, first, placed, bounds):
            return first - 1, end
        return _part_top_row(b, first, end, spanned, bounds, n_rows)
    own = abs(mid - (bounds[first] + bounds[end]) / 2)
    best = None
    z = end
    while True:
        cand = abs(mid - (bounds[first - 1] + bounds[z]) / 2)
        if best is None or cand < best[0]:
            best = (cand, z)
        if z + 1 > n_rows or z in spanned:
            break
        z += 1
    if best[0] <= own + 0.25 * size and best[0] <= 0.5 * size:
        return first - 1, best[1]
    # the rows under the block down to the next cell of the column fill down from it: it is
    # centred over them and the rows above it, so a span from the empty row above that centres
    # it within a line, a line better than the rows it gets anyway, is its group -- when a cell
    # of the column (the header's, or one that would not be better centred with the row) ends
    # right over that row (an empty first row of a page part may go on from the page before)
    filled = abs(mid - (bounds[first] + bounds[z]) / 2)
    closed = any(o is not b and o.col == b.col and e == first - 1 for _f, e, o in placed)
    if closed and best[0] <= size and best[0] + size <= filled and not _above_wants(b, first, placed, bounds):
        return first - 1, best[1]
    if _above_ends_over(b, first, placed, bounds):
        return first - 1, end
    return first, end


def _part_top_row(
    b: Block, first: int, end: int, spanned: set[int], bounds: Sequence[float], n_rows: int
) -> tuple[int, int]:
    """A block set lower in row 1 of a page part whose column prints nothing in row 0 (the
    part's top: the rest of the group the page before ended with, or this block's own first
    row): row 0 is the block's when the span from it down through the rows that fill down from
    the block centres it within a quarter line, and those rows alone leave it a line off centre
    -- a goal centred over its whole group, the group's middle row tall (strandby 95a5027c,
    seed 19: the group opened at page 2's top under a goal centred on all three of its rows)."""
    size = b.lines[0].size
    if first != 1 or 0 in spanned:
        return first, end
    z = end
    while z + 1 <= n_rows and z not in spanned:
        z += 1
    mid = (b.top + b.bottom) / 2
    with_top = abs(mid - (bounds[0] + bounds[z]) / 2)
    filled = abs(mid - (bounds[first] + bounds[z]) / 2)
    if with_top <= 0.25 * size and with_top + size <= filled:
        return 0, z
    return first, end


def _above_wants(b: Block, first: int, placed: Sequence[list], bounds: Sequence[float]) -> bool:
    """Would the cell above the empty row over the block (a data cell, its span ending right
    over that row) be better centred with the row than without it?"""
    for f, e, o in placed:
        if o is not b and o.col == b.col and e == first - 1 and not all(ln.bold for ln in o.lines):
            mid = (o.top + o.bottom) / 2
            return abs(mid - (bounds[f] + bounds[first]) / 2) < abs(mid - (bounds[f] + bounds[first - 1]) / 2)
    return False


def _above_ends_over(b: Block, first: int, placed: Sequence[list], bounds: Sequence[float]) -> bool:
    """Is the empty row over the block (row first - 1) shut out of the span of the cell above
    it in the column: that cell is centred over the rows down to the row before (within half a
    line) and would be a line off centre with the empty row too?  The row then belongs to the
    block below, though it does not centre it (a goal drawn in the middle row of its group,
    unmerged, where the group runs over a page break)."""
    size = b.lines[0].size
    above = [(f, o) for f, e, o in placed if o is not b and o.col == b.col and e == first - 1]
    if len(above) != 1:
        return False
    f, o = above[0]
    mid = (o.top + o.bottom) / 2
    # a cell standing on its rows' top is not known to be centred unless it fills them to the foot
    # -- not a head, nor the part's first cell (the rest of a goal cut by the page break fills it)
    if o.top - bounds[f] < size and (f == 0 or bounds[first - 1] - o.bottom >= size or all(ln.bold for ln in o.lines)):
        return False
    if abs(mid - (bounds[f] + bounds[first - 1]) / 2) > 0.5 * size or abs(mid - (bounds[f] + bounds[first]) / 2) < size:
        return False
    # the cell above may reach up over empty rows no cell of its column spans: a span from one
    # of them that takes the row in and centres it within half a line keeps the row its own
    # (a group's goal centred on its middle rows, rows above and below as tall: seed 21
    # helsinki cd707ef7, goal 2 over 2.1-2.5 and goal 1 over 1.1-1.5, each as well centred on
    # its inner rows, whose empty last row went to the goal below)
    spanned = {r for g, e, c in placed if c is not o and c.col == b.col for r in range(g, e)}
    a = f
    while a - 1 >= 0 and a - 1 not in spanned:
        a -= 1
        if abs(mid - (bounds[a] + bounds[first]) / 2) <= 0.5 * size:
            return False
    return True


def _under_header_only(placed: Sequence[list], b: Block, first: int) -> bool:
    """Is the block's column empty from row 1 down to its span, under a bold row 0 (the
    header)?  Those rows can take no value from above: they are the block's."""
    if first <= 1:
        return False
    above = [(f, e, o) for f, e, o in placed if o is not b and o.col == b.col and f < first]
    return bool(above) and all(f == 0 and e == 1 and all(ln.bold for ln in o.lines) for f, e, o in above)


def _centred_from_header(
    b: Block, first: int, end: int, bounds: Sequence[float], col_rows: set[int], n_rows: int
) -> tuple[int, int]:
    """A block standing on its row's start, its column empty from the header down to it:
    the rows above can take no value from above, so when a span from row 1 running on below
    the block centres it within half a line (as its own row does, the rows around it being as
    tall: a goal centred over its group whose middle row it fills), that span is the block's."""
    mid = (b.top + b.bottom) / 2
    own = abs(mid - (bounds[first] + bounds[end]) / 2)
    _cand, a, z = _reach_header(b, (own, first, end), bounds, col_rows, n_rows)
    # rows above it and below it: one standing on its row's top with the span's rows all above
    # (the rest of a row cut by the page break over a goal merged down from its top) is its row's
    if a == 1 and z > end and abs(mid - (bounds[a] + bounds[z]) / 2) <= 0.5 * b.lines[0].size:
        return a, z
    return first, end


def _tied_from_header(
    b: Block, first: int, end: int, bounds: Sequence[float], col_rows: set[int], n_rows: int
) -> tuple[int, int]:
    """A centred block given the span `first`..`end` under rows of its column empty up to the
    header, in a part that goes on from no page before: a span from row 1 that centres it as
    well (within a quarter line) is its own -- the rows over the span can take no value from
    above, and rows above and below a group's middle may be as tall, so that its middle rows
    alone centre the goal as well as all of them do (helsinki-kotoutuminen 951b6efc, seed 18)."""
    mid = (b.top + b.bottom) / 2
    best = (abs(mid - (bounds[first] + bounds[end]) / 2), first, end)
    out = _reach_header(b, best, bounds, col_rows, n_rows)
    if out is not best and out[0] <= best[0] + 0.25 * b.lines[0].size:
        return out[1], out[2]
    return first, end


def _reach_header_carried(b: Block, best: tuple[float, int, int], bounds: Sequence[float], col_rows: set[int], n_rows: int) -> tuple[float, int, int]:
    """`_reach_header` in a part that may go on from the page before: the empty rows under a
    repeated header may be the rest of the group the page before ended with (its goal printed
    there), so they are the block's only when the span from row 1 centres it as a word
    processor centres a cell (within half a line), not merely about as well as its own rows."""
    out = _reach_header(b, best, bounds, col_rows, n_rows)
    if out is not best and out[0] > CENTRED_WITHIN * b.lines[0].size:
        return best
    return out


def _reach_header(b: Block, best: tuple[float, int, int], bounds: Sequence[float], col_rows: set[int], n_rows: int) -> tuple[float, int, int]:
    """The span from row 1 that centres the block about as well (within a line of its
    text) as `best`, if any: a goal centred over its group, the first under the header,
    whose rows above and below it are about as tall (its middle row alone would centre
    it as well), takes the rows above it, which nothing else can claim."""
    if any(r in col_rows for r in range(1, best[1])):
        return best
    out = best
    z = best[2]
    while True:
        cand = abs((b.top + b.bottom) / 2 - (bounds[1] + bounds[z]) / 2)
        if cand <= best[0] + b.lines[0].size and (out is best or cand < out[0]):
            out = (cand, 1, z)
        if z + 1 > n_rows or z in col_rows:
            break
        z += 1
    return out
