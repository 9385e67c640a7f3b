"""A table's header row left alone at the foot of a page.

When a table starts low on a page and its header row is not repeated, the
producer may print the header (a bold or shaded band) as the last thing on
the page and every data row overleaf.  Alone, the header is no whitespace
table (a table needs rows), so its words would read as a heading above the
table on the next page.  Here such a band -- a bold line with text in two or
more columns, with only its own bold wrap lines under it and nothing below
but the page's margin -- becomes a one-row table part (`HeaderBand`).  Its
own runs may not part every column (heads set close together), so once the
next page is read, the band is cut again at the columns of the table that
opens that page (`recut_at`), and stitching (pdf.multipage) joins the two,
header first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from planparse.extractors.pdf.tables.whitespace.borderless import OCR_EDGE_JITTER, region_table
from planparse.extractors.pdf.tables.whitespace.regions import Region, on_columns, split_at_rivers, split_segments
from planparse.extractors.pdf.tables.grid import PageTable
from planparse.extractors.pdf.layout import in_margin
from planparse.extractors.pdf.settings import PdfSettings
from planparse.extractors.pdf.words import TextLine


MAX_STUB_LINES = 2  # lines of a row cut by the page break that may follow the band


def orphan_header_lines(lines: Sequence[TextLine], height: float, settings: PdfSettings) -> list[TextLine]:
    """The bold header band that ends the page's text, or [] (lines top to bottom);
    with the first line or two of the table's first row when the page break cut that
    row right under the header (plain lines starting at the heads' columns, in two or
    more of them, each close under the line above)."""
    body = [ln for ln in lines if not in_margin(ln, height, settings)]
    if not body:
        return []
    foot = [ln for ln in lines if ln.top > body[-1].top and in_margin(ln, height, settings)]
    body += band_in_margin(body[-1], foot, settings) or wraps_into_margin(body[-1], foot)
    stub = 0
    while stub < min(MAX_STUB_LINES, len(body) - 1) and not body[-1 - stub].bold:
        stub += 1
    if stub:
        band = orphan_header_lines(body[: len(body) - stub], height, settings)
        tail = body[len(body) - stub :]
        if not band:
            return []
        starts = [sg.x0 for sg in split_segments(band[0], settings)]
        rows = [band[-1], *tail]
        if all(
            len(split_segments(ln, settings)) >= 2
            and on_columns(ln, starts, settings)
            and ln.top - above.bottom <= 1.5 * ln.size
            for above, ln in zip(rows, rows[1:])
        ):
            return [*band, *tail]
        return []
    # the lowest run of bold lines, each close under the one above
    k = len(body) - 1
    while (
        k > 0
        and body[k].bold
        and body[k - 1].bold
        and body[k].top - body[k - 1].bottom <= 0.6 * body[k].size
        and body[k - 1].size <= body[k].size + settings.heading_size_delta  # no larger heading
    ):
        k -= 1
    band = body[k:]
    head = band[0]
    segs = split_segments(head, settings)
    if not all(ln.bold for ln in band) or len(segs) < 2:
        return []
    starts = head_starts(head, band[1:], settings)
    # wrap lines of the heads continue them in their own columns
    if not all(on_columns(ln, starts, settings) for ln in band[1:]):
        return []
    return list(band)


def head_starts(head: TextLine, wraps: Sequence[TextLine], settings: PdfSettings) -> list[float]:
    """Where the band's heads start: its first line's runs, and a word of a run that starts
    after more than a word space where a wrap line's run starts too, no band word crossing the
    gap (two heads set closer than a column gap, parted by the wrap line of the right-hand one:
    seed 23 kymenlaakso 8d6941c2, "toteutumi-" 8 pt before "toimija(t)", "toteuttaja(t)"
    under it)."""
    segs = split_segments(head, settings)
    starts = [sg.x0 for sg in segs]
    tol = 1.5 * settings.column_match
    wrap_starts = [sg.x0 for ln in wraps for sg in split_segments(ln, settings)]
    words = [w for ln in (head, *wraps) for w in ln.words]
    for sg in segs:
        for a, b in zip(sg.words, sg.words[1:]):
            if b.x0 - a.x1 < 0.4 * max(b.size, 1.0) or not any(abs(x - b.x0) <= tol for x in wrap_starts):
                continue
            if not any(w.x0 < b.x0 - 0.5 and w.x1 > a.x1 + 0.5 for w in words):
                starts.append(b.x0)
    return sorted(starts)


def band_in_margin(last: TextLine, margin: Sequence[TextLine], settings: PdfSettings) -> list[TextLine]:
    """A header band set so low that its first line already falls in the foot margin: the
    first margin line, bold, with text in two or more columns, right under the page's last
    body line (within a line of its size, as a table stands under its heading), with its
    own wrap lines; else [].  A running footer stands well apart from the text above it.
    The gap is measured in the larger of the two lines' sizes: under a section heading the
    band stands the heading's own spacing lower (seed 21 helsinki cd707ef7: 11.7 pt under a
    14 pt heading, an 11 pt band)."""
    below = sorted(margin, key=lambda ln: ln.top)
    if not below:
        return []
    first = below[0]
    if not first.bold or len(split_segments(first, settings)) < 2 or first.top - last.bottom > max(first.size, last.size):
        return []
    return [first, *wraps_into_margin(first, below[1:])]


def wraps_into_margin(last: TextLine, margin: Sequence[TextLine]) -> list[TextLine]:
    """The bold lines in the foot margin that go on under the bold `last` line as its wrap
    lines: each as large, close under the one above (a head's second line, "aikatau-" /
    "lu", set low enough to fall in the band where running footers stand)."""
    out: list[TextLine] = []
    above = last
    for ln in sorted(margin, key=lambda ln: ln.top):
        if not (above.bold and ln.bold and abs(ln.size - above.size) < 0.5 and ln.top - above.bottom <= 0.6 * ln.size):
            break
        out.append(ln)
        above = ln
    return out


def _n_rows(band: Sequence[TextLine]) -> int:
    """Rows the band must make: its header row, and the cut first row if lines of it follow."""
    return 1 if all(ln.bold for ln in band) else 2


@dataclass
class HeaderBand(PageTable):
    """A header row alone at the foot of its page, with what is needed to cut it anew."""

    lines: list[TextLine] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    header_rows: int | None = None  # rows it must make when cut anew (None: `_n_rows` of its lines)


def orphan_header_table(
    lines: Sequence[TextLine], edges: Sequence[dict], page: int, height: float, settings: PdfSettings
) -> HeaderBand | None:
    """A one-row table part of the header band that ends the page, or None."""
    band = orphan_header_lines(lines, height, settings)
    if not band:
        return None
    header = split_at_rivers(split_segments(band[0], settings), band[0], band)
    table = region_table(Region(list(band), header), edges, page, settings)
    if table is None or len(table.rows) != _n_rows(band):
        return None
    return HeaderBand(table.page, table.bbox, table.col_edges, table.rows, False, lines=list(band), edges=list(edges))


def _heads_edges(cols: Sequence[float], words: Sequence, reach: float) -> list[float]:
    """The columns overleaf with an inner edge moved left to the start of a head that crosses
    it, starting at most `reach` before it (and after the edge before), where the move cuts no
    other word of the band: a head may start left of its column's body text, whose bullets the
    OCR dropped (kymenlaakso-lnp-shaded-header@300, set E: "mittari" at 351 pt, the indicators'
    text at 361 pt overleaf; cut there, the head crossed into the actions' column, whose header
    read "toimenpide mittari")."""
    heads = [w for w in words if sum(ch.isalpha() for ch in w.text) >= 3]
    out = list(cols)
    for k in range(1, len(out) - 1):
        starts = [w.x0 for w in heads if out[k - 1] < w.x0 < out[k] < w.x1 and out[k] - w.x0 <= reach]
        if not starts:
            continue
        edge = min(starts)
        if not any(w.x0 < edge - 0.5 < w.x1 for w in words):
            out[k] = edge
    return out


def recut_at(band: HeaderBand, cols: Sequence[float], settings: PdfSettings, ocr: bool = False) -> HeaderBand | None:
    """The band's header row cut at `cols` (the columns of the table overleaf), or None
    when its heads do not fall one to a column there (no header of that table).

    `ocr` (a scanned band): the first or the last column may stay empty, a head the OCR
    lost (jarvela-ilmasto-shaded-header@150: "Tila", the band's last head, read as nothing;
    the band a column short went back to the page's lines and the rows overleaf, with no
    header over them, fell apart into one-row tables: 5 of 15 records lost) -- every other
    head still falls one to a column, two or more heads at least.  Two heads side by side at
    the edge may be lost so, while more heads fall to a column than are lost (the skewed,
    noisy 200-dpi scan of that plan lost "Mittarit" and "Tila" both)."""
    region = Region(list(band.lines), [])
    if min(ln.x0 for ln in band.lines) < cols[0] - 2 * band.lines[0].size:
        return None
    if ocr:
        cols = _heads_edges(cols, [w for ln in band.lines for w in ln.words], 2 * band.lines[0].size)
    table = region_table(region, band.edges, band.page, settings, cols=list(cols), edge_jitter=OCR_EDGE_JITTER)
    n_rows = band.header_rows or _n_rows(band.lines)
    if table is None or len(table.rows) != n_rows:
        return None
    empty = [k for k, c in enumerate(table.rows[0].cells) if c.is_empty]
    n = len(cols) - 1
    at_edge = empty in (list(range(len(empty))), list(range(n - len(empty), n)))
    lost_at_edge = ocr and at_edge and n - len(empty) > len(empty)
    if empty and not lost_at_edge:
        return None
    return HeaderBand(
        table.page, table.bbox, table.col_edges, table.rows, False, lines=band.lines, edges=band.edges, header_rows=band.header_rows
    )
