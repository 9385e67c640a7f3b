"""PDF plans with pdfplumber: tables, headings, title and body text.

One pass per page: pdfplumber parses the page's characters and drawn
objects once; words (pdf_words), ruled tables (pdf_ruled) and whitespace
tables (pdf_borderless) are found from them, and the page is released before
the next is read, so memory follows the document's text, not its page count.
Across pages: furniture and headings (pdf_layout), then tables continued
over pages are stitched into one (pdf_multipage).

Errors a user can cause (encryption, broken files, scans without text) are
raised as PlanparseError subclasses; no pdfminer exception escapes.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import Iterator

import pdfplumber

from ..errors import CorruptInputError, EncryptedError, NoTextLayerError
from ..intermediate import RawDocument, RawTable
from ..settings import ExtractOptions
from ..source import Source
from .pdf_borderless import find_borderless_tables
from .pdf_grid import words_inside
from .pdf_layout import (
    PageContent,
    body_is_bold,
    body_size,
    find_title,
    heading_context,
    in_margin,
    is_lone_number,
    mark_furniture,
)
from .pdf_multipage import stitch
from .pdf_ruled import find_ruled_tables, page_edges
from .pdf_settings import DEFAULT_SETTINGS, PdfSettings
from .pdf_words import TextLine, Word, chars_to_words, group_lines, rotate_box, text_direction, upright_frame

OCR_HINT = "run OCR first, e.g. ocrmypdf -l fin in.pdf out.pdf"


def _is_password_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if type(exc).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return True
        nested = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = nested or exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


@contextmanager
def open_pdf(source: Source, options: ExtractOptions) -> Iterator[pdfplumber.PDF]:
    """pdfplumber's PDF for `source`; encryption and broken files become PlanparseErrors."""
    try:
        pdf = pdfplumber.open(source.path or source.open(), password=options.password or "")
        _ = pdf.pages  # the page tree: a broken file fails here, not halfway through
    except Exception as exc:  # pdfminer raises many types; all mean "cannot open"
        if _is_password_error(exc):
            if options.password:
                raise EncryptedError(source.display, "wrong password for this encrypted PDF", "check --password") from None
            raise EncryptedError(source.display, "the PDF is encrypted with a password", "use --password") from None
        raise CorruptInputError(source.display, f"not a readable PDF ({_reason(exc)})") from None
    try:
        yield pdf
    finally:
        pdf.close()


def _reason(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip() or type(inner).__name__
    return text.splitlines()[0][:120]


def page_numbers(n_pages: int, options: ExtractOptions) -> list[int]:
    if options.pages is None:
        return list(range(1, n_pages + 1))
    return sorted({p for p in options.pages if p <= n_pages})


def _page_objects(page, source: Source, number: int) -> tuple[list[dict], list[dict], float, float]:
    """The characters and drawn edges of a page (pdfminer parses the page here, once)."""
    try:
        chars = page.chars
        width, height = float(page.width), float(page.height)
        edges = page_edges(page.lines, page.rects, page.curves, width * height)
        x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
    except Exception as exc:
        raise CorruptInputError(source.display, f"page {number} cannot be read ({_reason(exc)})") from None
    if x_off or y_off:  # a cropped page: work in coordinates from its own top-left corner
        chars = [_shift(c, x_off, y_off) for c in chars]
        edges = [_shift(e, x_off, y_off) for e in edges]
    direction = text_direction(chars)
    if direction != "ltr":
        chars = [rotate_box(c, direction, width, height) for c in chars]
        edges = [rotate_box(e, direction, width, height) for e in edges]
        width, height = upright_frame(direction, width, height)
    return chars, edges, width, height


def _shift(obj: dict, dx: float, dy: float) -> dict:
    new = dict(obj)
    new["x0"], new["x1"], new["top"], new["bottom"] = obj["x0"] - dx, obj["x1"] - dx, obj["top"] - dy, obj["bottom"] - dy
    return new


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
    words = chars_to_words(chars)
    tables = find_ruled_tables(edges, words, number, settings)
    rest = _outside(words, [t.bbox for t in tables])
    lines = group_lines(rest, settings)
    candidates = [ln for ln in lines if not (in_margin(ln, height, settings) and is_lone_number(ln.text))]
    borderless = find_borderless_tables(candidates, edges, number, height, settings, carry)
    if borderless:
        tables = sorted(tables + borderless, key=lambda t: t.bbox[1])
        rest = _outside(rest, [t.bbox for t in borderless])
        lines = group_lines(rest, settings)
    free = [TextLine([], ln.text, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, ln.bold, ln.colored) for ln in lines]
    return PageContent(number=number, width=width, height=height, tables=tables, lines=free), words


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
    return None if below else list(last.col_edges)


Warning = tuple[str, str, "int | None"]


def read_pages(
    source: Source, options: ExtractOptions, settings: PdfSettings
) -> tuple[list[PageContent], Counter, Counter, int, list[Warning]]:
    """Every requested page read and released in turn; with text size and boldness
    statistics and warnings for pages that could not be read or carry no text."""
    sizes: Counter = Counter()
    bolds: Counter = Counter()
    pages: list[PageContent] = []
    warnings: list[Warning] = []
    broken: list[CorruptInputError] = []
    carry: list[float] | None = None
    with open_pdf(source, options) as pdf:
        n_pages = len(pdf.pages)
        if n_pages == 0:
            raise CorruptInputError(source.display, "the PDF has no pages")
        numbers = page_numbers(n_pages, options)
        for number in numbers:
            page = pdf.pages[number - 1]
            try:
                chars, edges, width, height = _page_objects(page, source, number)
            except CorruptInputError as exc:
                broken.append(exc)
                warnings.append(("page-unreadable", f"page {number} could not be read: {exc.reason}", number))
                carry = None
                continue
            finally:
                page.close()
            content, words = read_page(chars, edges, width, height, number, settings, carry)
            carry = open_columns(content, settings)
            if not words:
                warnings.append(("no-text-layer", f"page {number} has no text layer (scanned?)", number))
            for w in words:
                sizes[w.size] += len(w.text)
                bolds[w.bold] += len(w.text)
            pages.append(content)
    if numbers and len(broken) == len(numbers):
        raise broken[0]
    return pages, sizes, bolds, n_pages, warnings


def read_pdf(source: Source, options: ExtractOptions, settings: PdfSettings = DEFAULT_SETTINGS) -> RawDocument:
    """Extract the tables, headings, title and body text of a PDF plan."""
    pages, sizes, bolds, n_pages, warnings = read_pages(source, options, settings)
    if pages and not sizes:
        raise NoTextLayerError(source.display, "no page has a text layer (a scan without OCR?)", OCR_HINT)
    mark_furniture(pages, settings)
    _drop_furniture_rows(pages)
    base, base_bold = body_size(sizes), body_is_bold(bolds)
    context = heading_context(pages, base, base_bold, settings)
    tables: list[RawTable] = []
    for raw, first in stitch(pages, settings):
        chain, captions = context.get(id(first), ([], []))
        raw.headings = chain
        raw.heading = chain[-1] if chain else None
        raw.caption_lines = captions
        tables.append(raw)
    first_page = pages[0] if pages and pages[0].number == 1 else None
    body = [ln.text for page in pages for ln in page.content_lines()]
    return RawDocument(
        format="pdf",
        tables=tables,
        pages=n_pages,
        title=find_title(first_page, base, settings),
        body_text=body,
        warnings=warnings,
    )


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
