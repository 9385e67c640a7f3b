"""A header band and the table overleaf that each run two columns together.

A header row left alone at the foot of a page (`HeaderBand`, or a whitespace
table of bold rows only) is cut at the gaps between its heads; the rows
overleaf are cut at the gutters of their cells.  A column gap narrower than
the run threshold in one of them runs two columns together there, while the
other parts them: heads set close ("toteutumi-" beside "aikataulu"), or
cells whose text reaches the next column ("hen-" beside "Perhekeskusten").
The columns of both, taken together where no word of either crosses an
edge, are the table's: the rows overleaf are read again on them and the
band cut anew, so the two stitch with every column apart.
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.tables.pages.continued import CarriedColumns
from planparse.extractors.pdf.tables.grid import PageTable, words_inside
from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand
from planparse.extractors.pdf.words import Word, group_lines


def bold_band(table: PageTable, words: Sequence[Word], edges: Sequence[dict], settings: PdfSettings) -> HeaderBand | None:
    """A whitespace table whose every line is bold (header rows alone at a page's foot) as a
    band that keeps its lines, to be cut anew at the columns found overleaf; else None."""
    if table.ruled or isinstance(table, HeaderBand):
        return None
    inside = words_inside(words, table.bbox)
    # A line is bold when most of its characters are; the lines part the words, so when at
    # most half of all the characters are bold, some line is not: no lines to group (most
    # tables, and grouping them cost ~2 % of a 200-page borderless plan's time).
    chars = sum(len(w.text) for w in inside)
    if 2 * sum(len(w.text) for w in inside if w.bold) <= chars:
        return None
    lines = group_lines(inside, settings)
    if not lines or not all(ln.bold for ln in lines):
        return None
    return HeaderBand(
        table.page, table.bbox, table.col_edges, table.rows, False, lines=lines, edges=list(edges), header_rows=len(table.rows)
    )


def _crossed(x: float, words: Sequence[Word]) -> bool:
    return any(w.x0 + 0.5 < x < w.x1 - 0.5 for w in words)


def union_columns(band: HeaderBand, first: PageTable, words: Sequence[Word], settings: PdfSettings) -> list[float] | None:
    """The column edges of the band and of the table opening the next page together, when
    each parts columns the other runs together and no word of either crosses an edge of
    the other; else None."""
    if first.ruled or band.n_cols < 2 or first.n_cols < 2:
        return None
    own = list(first.col_edges[:-1])
    theirs = list(band.col_edges[:-1])
    near = settings.column_match
    new_here = [x for x in theirs if all(abs(x - y) > near for y in own)]
    new_there = [y for y in own if all(abs(x - y) > near for x in theirs)]
    if not new_here or not new_there:
        return None  # one cut is finer everywhere: the usual recut and stitch do
    band_words = [w for ln in band.lines for w in ln.words]
    part_words = words_inside(words, first.bbox)
    if any(_crossed(x, part_words) for x in new_here) or any(_crossed(y, band_words) for y in new_there):
        return None
    edges = sorted(own + new_here)
    return edges + [max(first.col_edges[-1], band.col_edges[-1])]


def union_carry(columns: list[float], carry: Sequence[float] | None) -> CarriedColumns:
    """Carried columns on the union edges, with what the page before printed in its margins."""
    out = CarriedColumns(columns)
    out.indents = {}
    out.centred = []
    out.row_space = getattr(carry, "row_space", None)
    out.margin_texts = getattr(carry, "margin_texts", frozenset())
    return out
