"""A whitespace table carried over a page break without a repeated header.

At the top of a page, lines that fit the columns of the whitespace table that
ended the previous page continue it: their runs start on the columns, or keep
inside them at an indent the table used (a list item's text).  A heading on
top of the page, or a bold row of heads laid out anew, starts a table of its
own (`continued_region`).
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.layout import furniture_key
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.tables.whitespace.regions import (
    Region,
    column_of,
    fits_columns,
    grow_region,
    is_list_marker,
    on_columns,
    runs_start_in_columns,
    split_segments,
)
from planparse.extractors.pdf.words import TextLine


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
        if lines[i].bold and on_columns(lines[i], starts, settings) and len(split_segments(lines[i], settings)) >= 2:
            break  # the table's header row repeated on this page
        if i > 0 and len(starts) > 1 and on_columns(lines[i], starts[1:], settings) and fits_columns(lines[i], starts, settings):
            break  # under a running header, text that begins on a later column's edge: the rest of a cut row
        if _rest_of_cut_row(lines[i], lines[i + 1], carry, settings):
            break  # the rest of a row cut by the page break, set off by the rows' white space
        if _heading_on_top(lines, i, settings):
            # a section heading opening the page within the top band (an A5 page's band is
            # low): a running header is set no larger than the text under it
            return None, 0
        i += 1  # a running header above the table
    if i >= len(lines) or not fits_columns(lines[i], starts, settings):
        return None, 0
    if _heading_on_top(lines, i, settings) and not _goes_on_cut_words(lines[i], carry, settings):
        return None, 0  # a section heading opens the page: what follows is a table of its own
    # (not the rest of a cut word alone on the page, above a smaller footer)
    j = grow_region(lines, i, starts, settings)
    while j < len(lines) and _row_under_rest(lines[j - 1], lines[j], starts, settings):
        j = grow_region(lines, j, starts, settings)
    # lines[i] fits (tested above); grow_region kept only lines that cross no column and keep
    # to the left margin, so of `fits_columns` the runs' starts are left to test
    k = i + 1
    while k < j and runs_start_in_columns(lines[k], starts, settings):
        k += 1
    members = list(lines[i:k])
    first_multi = next((ln for ln in members if len(_columns_hit(ln, carry, settings)) >= 2), None)
    # body text may begin at a list item's text indent (a list marker, then its text); a bold row of
    # heads must stand where the heads stood (a header row laid out anew is a new table)
    if first_multi is not None and not (
        on_columns(first_multi, starts, settings)
        or (not first_multi.bold and inside_columns(first_multi, carry, settings, _known_indents(members, carry, settings)))
    ):
        return None, 0  # the page lays the table out anew (e.g. landscape): find it afresh
    if not members:
        return None, 0
    return Region(members, []), k


REST_GAP = 2.0  # a cut row's rest may be followed by up to this many table breaks of white space


def _row_under_rest(above: TextLine, line: TextLine, starts: Sequence[float], settings: PdfSettings) -> bool:
    """Does the carried table go on at `line`, under a gap wider than a table break?

    A row cut by the page break may print its rest overleaf at its row's full height (reportlab
    keeps the cut row's height for the part it carries over: "kanssa" alone, then the white
    space of the other cells' lines printed on the page before).  The table goes on under it
    where the next line is a row of the carried table: plain text, two or more runs each on a
    carried column's start, within twice a table break's white space."""
    size = max(line.size, 1.0)
    if line.top - above.bottom > REST_GAP * settings.table_break_gap * size or line.bold:
        return False
    return len(split_segments(line, settings)) >= 2 and on_columns(line, starts, settings) and fits_columns(line, starts, settings)


def _rest_of_cut_row(line: TextLine, below: TextLine, carry: Sequence[float], settings: PdfSettings) -> bool:
    """Is a line alone at the top of the page (in the running header's band, far from the
    next line) the rest of the carried table's last row rather than a running header?

    It keeps to the carried columns, each run beginning at its column's start or a text
    indent the table used, and it opens past the first column (a running header begins
    at the margin, or stands centred or right-aligned) or is set off from the next row by
    the table's own row spacing.  A text the previous page printed in its margins too is
    its running header, wherever it stands."""
    if furniture_key(line) in getattr(carry, "margin_texts", ()):
        return False
    if not inside_columns(line, carry, settings, getattr(carry, "indents", {})):
        return False
    if column_of(split_segments(line, settings)[0].x0, carry) > 0:
        return True
    if _goes_on_cut_words(line, carry, settings):
        return True
    space = getattr(carry, "row_space", None)
    return space is not None and below.top - line.bottom <= space + 1.5


def _goes_on_cut_words(line: TextLine, carry: Sequence[float], settings: PdfSettings) -> bool:
    """Does every run of the line stand in a column whose cell the previous page ended on a
    word cut at a hyphen, opening in lower case (the rest of that word)?  A cell's rest alone at
    the top of the page, far from anything under it (seed 23 koskenniemi 6c2b8eb6: "olevat
    ikään-" at page 3's foot, "tyneet" alone under page 4's running header)."""
    cut = getattr(carry, "cut_words", frozenset())
    segs = split_segments(line, settings)
    return bool(cut) and all(column_of(sg.x0, carry) in cut and sg.words[0].text[:1].islower() for sg in segs)


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
    band: bool = False  # the edges of a header band alone at the foot (its heads may not part every column)
    margin_texts: frozenset[str] | set[str] = frozenset()  # the ending page's margin texts (furniture keys)
    rows_by_rules: bool = False  # its rows were parted by rules drawn across (pdf.tables.ruling.hrules)
    top_spans: list[tuple[float, float, int]] = []  # its columns of top-aligned cells (PageTable.top_spans)
    full_spans: list[tuple[float, float]] | None = None  # its always-filled columns (PageTable.full_spans)
    cut_words: frozenset[int] = frozenset()  # columns whose last row's cell ends on a word cut at a hyphen


def carried_columns(table: PageTable) -> CarriedColumns:
    """The table's column edges and the x positions its cells' lines began at, per column."""
    out = CarriedColumns(table.col_edges)
    out.indents = {}
    out.centred = list(table.centred_spans)
    out.row_space = table.row_space
    out.rows_by_rules = table.rows_by_rules
    out.top_spans = list(table.top_spans)
    out.full_spans = table.full_spans
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            for ln in cell.lines:
                if ln.indent > 0.5:
                    out.indents.setdefault(c, []).append(table.col_edges[c] + ln.indent)
    if table.rows:
        last = [next((ln.text.rstrip() for ln in reversed(cell.lines) if ln.text.strip()), "") for cell in table.rows[-1].cells]
        out.cut_words = frozenset(c for c, text in enumerate(last) if _cut_at_hyphen(text))
    return out


def _cut_at_hyphen(text: str) -> bool:
    """Does the text end on a word cut at the line's end (a hyphen right after a letter)?"""
    return len(text) > 1 and text[-1] in "-\u00ad\u2010\u2011" and text[-2].isalpha()


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


def continued_settings(settings: PdfSettings) -> PdfSettings:
    """Settings for the part of a table the previous page ended with: it is known to be a
    table, so the tests that tell two columns of prose from one (a single row of many
    lines, cells of many lines on average) are off; narrow columns on a small page
    (A5) hold cells of thirty lines and more."""
    from dataclasses import replace

    return replace(settings, max_single_row_lines=10**9, max_mean_cell_lines=float("inf"))
