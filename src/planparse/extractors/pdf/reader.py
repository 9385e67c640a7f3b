"""PDF plans: tables, headings, title and body text.

One pass per page: the parser (PDFium by default, or pdfminer; see
pdf.opening) reads the page's characters and drawn objects once; words
(pdf.words), ruled tables (pdf.tables.ruling.ruled) and whitespace tables
(pdf.tables.whitespace.borderless) are found from them, and the page is released before
the next is read, so memory follows the document's text, not its page count.
Across pages: furniture and headings (pdf.layout), then tables continued
over pages are stitched into one (pdf.multipage).

Errors a user can cause (encryption, broken files, scans without text) are
raised as PlanparseError subclasses; no parser exception escapes.
"""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from planparse.errors import CorruptInputError, NoTextLayerError, UsageError
from planparse.intermediate import RawDocument, RawTable, TextBox
from planparse.settings import ExtractOptions, selected_pages
from planparse.source import Source
from planparse.extractors.pdf.tables.whitespace.borderless import find_borderless_tables
from planparse.extractors.pdf.tables.pages.continued import carried_columns
from planparse.extractors.pdf.boxes import find_text_boxes
from planparse.extractors.pdf.tables.pages.furniture_cells import drop_furniture_lines
from planparse.extractors.pdf.tables.pages.header_overleaf import join_header_rests
from planparse.extractors.pdf.tables.pages.lost_heads import fill_lost_heads
from planparse.extractors.pdf.tables.grid import forget_shared, words_inside
from planparse.extractors.pdf.layout import (
    PageContent,
    body_is_bold,
    body_size,
    find_title,
    heading_context,
    in_margin,
    furniture_key,
    is_lone_number,
    mark_furniture,
    text_blocks,
)
from planparse.extractors.pdf.multipage import stitch
from planparse.extractors.pdf.tables.pages.orphan_header import HeaderBand, orphan_header_table, recut_at
from planparse.extractors.pdf.tables.pages.band_union import bold_band, union_carry, union_columns
from planparse.extractors.pdf.opening import open_pages
from planparse.extractors.pdf.scan.detect import is_ocr_page
from planparse.extractors.pdf.tables.ruling.ruled import find_ruled_tables, split_at_rules
from planparse.extractors.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from planparse.extractors.pdf.words import TextLine, Word, chars_to_words, group_lines

if TYPE_CHECKING:
    from planparse.extractors.pdf.scan.ocr import OcrRun

OCR_SIZE_SLACK = 0.15  # an OCR title's lines differ in size by up to this share (letter-width sizes: pdf.scan.raster)

OCR_HINT = (
    "use --ocr, which needs pip install 'planparse[ocr]' and apt-get install tesseract-ocr "
    "tesseract-ocr-fin tesseract-ocr-swe; or run OCR first, e.g. ocrmypdf -l fin in.pdf out.pdf"
)


def page_numbers(n_pages: int, options: ExtractOptions, source: Source | None = None) -> list[int]:
    """The pages to read; a page beyond the end is a usage error naming the file."""
    try:
        return selected_pages(options.pages, n_pages)
    except ValueError as err:
        raise UsageError(source.display if source else None, f"--pages: {err}", "check the page numbers") from None


def read_page(
    chars: list[dict],
    edges: list[dict],
    width: float,
    height: float,
    number: int,
    settings: PdfSettings,
    carry: list[float] | None = None,
) -> tuple[PageContent, list[Word]]:
    """Tables and free lines of one page (pure: no pdfplumber objects).

    `carry`: column edges of a whitespace table that ended the previous page.
    """
    scanned = is_ocr_page(chars)
    words = split_at_rules(chars_to_words(chars, flow=scanned), chars, edges)
    if scanned:
        from planparse.extractors.pdf.scan.bullets import ocr_bullet_columns  # a scan page only
        from planparse.extractors.pdf.scan.marks import ocr_bullets, ocr_glued_marks, ocr_gutter_marks, ocr_marks_at_rules, ocr_specks
        from planparse.extractors.pdf.scan.sizes import even_ocr_sizes

        settings = replace(settings, ocr_text=1)
        words = ocr_gutter_marks(even_ocr_sizes(ocr_specks(ocr_bullet_columns(ocr_bullets(ocr_glued_marks(words))))))
        words = ocr_marks_at_rules(words, edges)
    tables = find_ruled_tables(edges, words, number, settings)
    rest = _outside(words, [t.bbox for t in tables])
    lines = group_lines(rest, settings)
    candidates = [ln for ln in lines if not (in_margin(ln, height, settings) and is_lone_number(ln.text))]
    if scanned:  # no whitespace "tables" of large titles (pdf.scan.sizes.ocr_table_lines)
        from planparse.extractors.pdf.scan.sizes import ocr_table_lines

        candidates = ocr_table_lines(candidates, words, settings)
    # a scan whose image has ruled tables is a ruled page; without rules the whitespace method is the fallback
    ruled_scan = scanned and bool(tables)
    borderless = [] if ruled_scan else find_borderless_tables(candidates, edges, number, height, settings, carry)
    if borderless:
        tables = sorted(tables + borderless, key=lambda t: t.bbox[1])
        rest = _outside(rest, [t.bbox for t in borderless])
        lines = group_lines(rest, settings)
    orphan = orphan_header_table(_below_tables(lines, tables), edges, number, height, settings)
    if orphan is not None:  # a header row alone at the foot of the page: its table goes on overleaf
        tables.append(orphan)
        rest = _outside(rest, [orphan.bbox])
        lines = group_lines(rest, settings)
    elif tables and not [ln for ln in _below_tables(lines, tables) if not in_margin(ln, height, settings)]:
        tables[-1] = bold_band(tables[-1], words, edges, settings) or tables[-1]  # header rows alone at the foot
    free = [TextLine([], ln.text, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, ln.bold, ln.colored) for ln in lines]
    return PageContent(number=number, width=width, height=height, tables=tables, lines=free, ocr=scanned), words


def _recut_header_band(previous: PageContent, page: PageContent, settings: PdfSettings) -> bool | None:
    """A header band that ended the previous page, cut at the columns of the whitespace
    table that opens this page (nothing but margin text above it), so the two stitch.
    True when cut anew, False when the previous page ends with a band this page's table
    does not take (or there is none to take it), None when there is no band."""
    if not previous.tables or not isinstance(previous.tables[-1], HeaderBand):
        return None
    if not page.tables:
        return False
    first = page.tables[0]
    above = [ln for ln in page.lines if ln.bottom <= first.bbox[1] + 1 and not in_margin(ln, page.height, settings)]
    if first.ruled or above:
        return False
    if previous.ocr:  # an OCR band is cut as OCR words are (boxes a point or two off their column's edge)
        settings = replace(settings, ocr_text=1)
    band = recut_at(previous.tables[-1], first.col_edges, settings, ocr=previous.ocr and page.ocr)
    if band is not None:
        previous.tables[-1] = band
    return band is not None


def _read_under_band(
    previous: PageContent, page: PageContent, words: list[Word], chars: list[dict], edges: list[dict],
    width: float, height: float, number: int, settings: PdfSettings,
) -> tuple[PageContent, list[Word]]:
    """A scanned page read again on the columns of the header band that ended the page
    before, once the band is cut at this page's table (`recut_at`): the band's columns were
    not known when the page was first read (a head OCR lost left the band a column short), and
    the rows, with no header over them, were read as several small tables.  The new reading
    is kept when its first table has the band's columns and more rows than before."""
    band = previous.tables[-1]
    again, again_words = read_page(chars, edges, width, height, number, settings, open_columns(previous, settings))
    if not again.tables or again.tables[0].n_cols != band.n_cols or len(again.tables[0].rows) <= len(page.tables[0].rows):
        return page, words
    return again, again_words


def _drop_band(page: PageContent) -> None:
    """The header band that ends a scanned page back among its free lines (it heads nothing
    overleaf: a head OCR lost leaves it a column short of the table there)."""
    band = page.tables.pop()
    assert isinstance(band, HeaderBand)
    free = [TextLine([], ln.text, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, ln.bold, ln.colored) for ln in band.lines]
    page.lines = sorted(page.lines + free, key=lambda ln: (ln.top, ln.x0))


def _band_union(previous: PageContent, page: PageContent, words: list[Word], settings: PdfSettings) -> list[float] | None:
    """Column edges of the header band that ended the previous page and of the whitespace
    table opening this page (nothing but margin text above it) together, when each parts
    columns the other runs together (pdf.tables.pages.band_union)."""
    if not previous.tables or not isinstance(previous.tables[-1], HeaderBand) or not page.tables:
        return None
    first = page.tables[0]
    above = [ln for ln in page.lines if ln.bottom <= first.bbox[1] + 1 and not in_margin(ln, page.height, settings)]
    if above:
        return None
    return union_columns(previous.tables[-1], first, words, settings)


def _below_tables(lines: list[TextLine], tables: list) -> list[TextLine]:
    """The lines under the page's last table (all of them when it has none)."""
    floor = max((t.bbox[3] for t in tables), default=-1.0)
    return [ln for ln in lines if ln.top > floor]


def _outside(words: list[Word], boxes: list[tuple[float, float, float, float]]) -> list[Word]:
    inside = set()
    for box in boxes:
        inside.update(id(w) for w in words_inside(words, box, slack=1.0))
    return [w for w in words if id(w) not in inside]


def open_columns(page: PageContent, settings: PdfSettings) -> list[float] | None:
    """Column edges of a whitespace table that ends the page (it may go on overleaf)."""
    if not page.tables or page.tables[-1].ruled:
        return None
    last = page.tables[-1]
    below = [ln for ln in page.lines if ln.top > last.bbox[3] and not in_margin(ln, page.height, settings)]
    if below:
        return None
    # a header band alone at the foot: its heads stand where the columns start overleaf, so the
    # rows there are tried on them first (a column empty in most rows, e.g. a goal printed only
    # in its group's first row, is then not merged into its neighbour); when they do not fit, the
    # table overleaf is found afresh and the band cut anew at its columns
    carry = carried_columns(last)
    carry.band = isinstance(last, HeaderBand)
    # what this page prints in its margins: the same text atop the next page is its running header
    carry.margin_texts = {furniture_key(ln) for ln in page.lines if in_margin(ln, page.height, settings)}
    return carry


def same_size(a: tuple[float, float], b: tuple[float, float], tolerance: float = 1.0) -> bool:
    """Two pages of the same width and height (within `tolerance` points)."""
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


Warning = tuple[str, str, "int | None"]


def read_pages(
    source: Source, options: ExtractOptions, settings: PdfSettings, ocr: OcrRun | None = None,
    rereads: list[dict] | None = None,
) -> tuple[list[PageContent], Counter, Counter, int, list[Warning], list[TextBox]]:
    """Every requested page read and released in turn; with text size and boldness
    statistics and warnings for pages that could not be read or carry no text.
    `rereads` collects the Tesseract runs on scanned pages' unread ink (opening.open_pages)."""
    sizes: Counter = Counter()
    bolds: Counter = Counter()
    pages: list[PageContent] = []
    warnings: list[Warning] = []
    broken: list[CorruptInputError] = []
    boxes: list[TextBox] = []
    carry: list[float] | None = None
    size: tuple[float, float] | None = None
    with open_pages(source, options, ocr, rereads) as (n_pages, read):
        if n_pages == 0:
            raise CorruptInputError(source.display, "the PDF has no pages")
        numbers = page_numbers(n_pages, options, source)
        for number in numbers:
            try:
                chars, edges, width, height = read(number)
            except CorruptInputError as exc:
                broken.append(exc)
                warnings.append(("page-unreadable", f"page {number} could not be read: {exc.reason}", number))
                carry = None
                continue
            if size is not None and not same_size(size, (width, height)):
                carry = None  # a page turned or resized lays its tables out anew
            size = (width, height)
            content, words = read_page(chars, edges, width, height, number, settings, carry)
            if pages and pages[-1].number + 1 == number:
                union = _band_union(pages[-1], content, words, settings)
                if union is not None:  # the band and the rows overleaf each ran two columns together
                    again, again_words = read_page(chars, edges, width, height, number, settings, union_carry(union, carry))
                    if again.tables and again.tables[0].n_cols == len(union) - 1:
                        content, words = again, again_words
            if is_ocr_page(chars):
                warnings.append(("ocr-page", f"page {number} is a scan read through its OCR text", number))
            carry = open_columns(content, settings)
            if pages and pages[-1].number + 1 == number:
                recut = _recut_header_band(pages[-1], content, settings)
                if recut and pages[-1].ocr:  # (a scan's band cut anew: its rows read on its columns)
                    content, words = _read_under_band(pages[-1], content, words, chars, edges, width, height, number, settings)
                    carry = open_columns(content, settings)
                if recut is False and pages[-1].ocr:
                    # a scan's band that heads no table overleaf is read as before: lines above
                    # the table, this page read again with the columns the previous page leaves
                    _drop_band(pages[-1])
                    content, words = read_page(chars, edges, width, height, number, settings, open_columns(pages[-1], settings))
                    carry = open_columns(content, settings)
            if not words:
                warnings.append(("no-text-layer", f"page {number} has no text layer (scanned?)", number))
            for w in words:
                sizes[w.size] += len(w.text)
                bolds[w.bold] += len(w.text)
            boxes.extend(find_text_boxes(words, number))
            pages.append(content)
    if numbers and len(broken) == len(numbers):
        raise broken[0]
    return pages, sizes, bolds, n_pages, warnings, boxes


# After a long document is read, one full garbage collection before stitching
# and normalizing: under the pipeline's raised collection threshold a full pass
# is rare, so what the pages left for the cycle collector (pdfplumber's word
# grouping, the page readers) waits in the old generation, and the memory it
# holds is not reused by the rest of the work.  196-page plan: peak 66.4 ->
# 63.9 MB (measured after the PDFium reader stopped leaving cycles itself).
# A full pass costs ~60 ms, so short documents, which leave little, skip it.
FULL_GC_PAGES = 25


def read_pdf(source: Source, options: ExtractOptions, settings: PdfSettings = DEFAULT_SETTINGS) -> RawDocument:
    """Extract the tables, headings, title and body text of a PDF plan."""
    try:
        ocr = None
        if options.ocr:  # the OCR module loads only when asked for
            from planparse.extractors.pdf.scan.ocr import OcrRun, tesseract_languages

            ocr = OcrRun(languages=tesseract_languages(options.lang).split("+"))
        rereads: list[dict] = []
        pages, sizes, bolds, n_pages, warnings, boxes = read_pages(source, options, settings, ocr, rereads)
    finally:
        forget_shared()  # the rows keep the shared values they use; the table of them goes
    if len(pages) >= FULL_GC_PAGES:
        gc.collect()
    if pages and not sizes:
        raise NoTextLayerError(source.display, "no page has a text layer (a scan without OCR?)", OCR_HINT)
    ocr_pages = [w for w in warnings if w[0] == "ocr-page"]
    warnings = [w for w in warnings if w[0] != "ocr-page"]
    mark_furniture(pages, settings)
    _drop_furniture_rows(pages)
    drop_furniture_lines(pages, settings)
    join_header_rests(pages, settings)
    fill_lost_heads(pages, settings)
    base, base_bold = body_size(sizes), body_is_bold(bolds)
    context = heading_context(pages, base, base_bold, settings)
    tables: list[RawTable] = []
    table_of: dict[int, int] = {}
    for raw, first in stitch(pages, settings):
        table_of[id(first)] = len(tables)
        chain, captions = context.get(id(first), ([], []))
        raw.headings = chain
        raw.heading = chain[-1] if chain else None
        raw.caption_lines = captions
        tables.append(raw)
    first_page = pages[0] if pages and pages[0].number == 1 else None
    body = [ln.text for page in pages for ln in page.content_lines()]
    return RawDocument(
        running_text=running_texts(pages),
        format="pdf",
        tables=tables,
        pages=n_pages,
        title=find_title(first_page, base, settings, OCR_SIZE_SLACK if ocr_pages else 0.0),
        body_text=body,
        blocks=text_blocks(pages, base, base_bold, settings, table_of),
        text_boxes=boxes,
        warnings=warnings,
        ocr=bool(ocr_pages),
        ocr_run=ocr.info() if ocr is not None and ocr.pages else (rereads[0] if rereads else None),
    )


def running_texts(pages: list[PageContent]) -> list[str]:
    """The running headers and footers (furniture but page numbers), in order, the first
    of each that differs only in its numbers ("Sivu 1 (7)", "Sivu 2 (7)")."""
    texts: dict[str, str] = {}
    for page in pages:
        for i in sorted(page.furniture):
            line = page.lines[i]
            if line.text.strip() and not is_lone_number(line.text):
                texts.setdefault(furniture_key(line), line.text)
    return list(texts.values())


def _drop_furniture_rows(pages: list[PageContent]) -> None:
    """Whitespace tables may swallow a running header or footer line: take such rows out."""
    for page in pages:
        marks = {page.lines[i].text for i in page.furniture}
        for table in page.tables:
            if table.ruled or not marks:
                continue
            table.rows = [
                row for row in table.rows if not (row.cells and " ".join(c.text for c in row.cells if c.text) in marks)
            ] or table.rows


def find_tables(source: Source, options: ExtractOptions) -> list[RawTable]:
    """The raw tables of a PDF (for `planparse tables`): same as `read_pdf(...).tables`."""
    return read_pdf(source, options).tables
