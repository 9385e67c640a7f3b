"""Opening a PDF and reading one page's raw objects, with either parser.

Two parsers give the same thing, a page's characters and drawn edges as
pdfplumber-style dicts in an upright frame from the page's top-left corner:
- "pdfium" (the default): PDFium through pypdfium2, about five times faster;
- "pdfminer": pdfminer through pdfplumber, pure Python, the reference
  (`--pdf-parser pdfminer`; `inspect` uses it to draw on pdfplumber's image).
Encryption and broken files become PlanparseErrors here, for both.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator

import pdfplumber
import pypdfium2 as pdfium

from planparse.errors import CorruptInputError, EncryptedError
from planparse.settings import ExtractOptions
from planparse.source import Source
from planparse.extractors.pdf.pdfium import PdfiumPage
from planparse.extractors.pdf.scan.detect import IMAGE_COVER, is_scan_page, mark_ocr
from planparse.extractors.pdf.tables.ruling.ruled import page_edges
from planparse.extractors.pdf.words import rotate_box, text_direction, upright_frame

if TYPE_CHECKING:
    from planparse.extractors.pdf.scan.ocr import OcrRun

PageObjects = tuple[list[dict], list[dict], float, float]  # chars, edges, width, height
PageReader = Callable[[int], PageObjects]


def _is_password_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if type(exc).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return True
        nested = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = nested or exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


def _encrypted(source: Source, options: ExtractOptions) -> EncryptedError:
    if options.password:
        return EncryptedError(source.display, "wrong password for this encrypted PDF", "check --password")
    return EncryptedError(source.display, "the PDF is encrypted with a password", "use --password")


def reason(exc: BaseException) -> str:
    """The first line of what a parser said, for a one-line message."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip() or type(inner).__name__
    return text.splitlines()[0][:120]


@contextmanager
def open_pdf(source: Source, options: ExtractOptions) -> Iterator[pdfplumber.PDF]:
    """pdfplumber's PDF for `source`; encryption and broken files become PlanparseErrors."""
    try:
        pdf = pdfplumber.open(source.path or source.open(), password=options.password or "")
        _ = pdf.pages  # the page tree: a broken file fails here, not halfway through
    except Exception as exc:  # pdfminer raises many types; all mean "cannot open"
        if _is_password_error(exc):
            raise _encrypted(source, options) from None
        raise CorruptInputError(source.display, f"not a readable PDF ({reason(exc)})") from None
    try:
        yield pdf
    finally:
        pdf.close()


@contextmanager
def open_pages(
    source: Source, options: ExtractOptions, ocr: OcrRun | None = None, rereads: list[dict] | None = None
) -> Iterator[tuple[int, PageReader]]:
    """(page count, read(number) -> PageObjects) with the parser `options.pdf_parser` names.

    With `ocr`, scanned pages without text (all scanned pages when
    `options.ocr` is "force") are OCR'd, and the run is recorded in it.
    Each scanned page whose unread ink Tesseract read again (pdf.scan.reread)
    adds the run's {"engine", "version", "languages"} to `rereads`.
    """
    if rereads is None:
        rereads = []
    if options.pdf_parser == "pdfminer":
        with open_pdf(source, options) as pdf:
            yield len(pdf.pages), lambda number: _pdfminer_page(pdf, source, number, options, ocr, rereads)
        return
    try:
        doc = pdfium.PdfDocument(source.path if source.path is not None else source.data, password=options.password)
        n_pages = len(doc)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise _encrypted(source, options) from None
        raise CorruptInputError(source.display, f"not a readable PDF ({_pdfium_reason(exc)})") from None
    widths: dict = {}  # advance widths by font and character, learnt once per document
    try:
        yield n_pages, lambda number: _pdfium_page(doc, source, number, widths, options, ocr, rereads)
    finally:
        doc.close()


def _pdfium_reason(exc: BaseException) -> str:
    """'Failed to load document (PDFium: Data format error).' -> 'PDFium: data format error'."""
    text = reason(exc).replace("Failed to load document", "").strip(" .")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    if text.startswith("PDFium: "):
        text = "PDFium: " + text[len("PDFium: "):][:1].lower() + text[len("PDFium: ") + 1 :]
    return text or "PDFium could not parse it"


def _pdfminer_page(
    pdf: pdfplumber.PDF, source: Source, number: int, options: ExtractOptions, ocr: OcrRun | None, rereads: list[dict]
) -> PageObjects:
    """The characters and drawn edges of a page (pdfminer parses the page here, once)."""
    page = pdf.pages[number - 1]
    try:
        chars = page.chars
        width, height = float(page.width), float(page.height)
        lines, rects, curves = page.lines, page.rects, page.curves
        x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
        images = [(float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"])) for i in page.images]
    except Exception as exc:
        raise CorruptInputError(source.display, f"page {number} cannot be read ({reason(exc)})") from None
    finally:
        page.close()
    if x_off or y_off:  # a page whose MediaBox is not at the origin: work from its own top-left corner
        chars = [_shift(c, x_off, y_off) for c in chars]
        lines, rects, curves = ([_shift(o, x_off, y_off) for o in objs] for objs in (lines, rects, curves))
    edges = page_edges(lines, rects, curves, width * height)
    scan = max(images, default=0.0) >= IMAGE_COVER * width * height
    if scan and (not edges or _wants_ocr(ocr, options, chars)):
        doc = pdfium.PdfDocument(source.path if source.path is not None else source.data, password=pdf.password or None)
        try:
            pdfium_page = doc[number - 1]
            if _wants_ocr(ocr, options, chars):
                chars = _ocr(pdfium_page, width, height, source, number, options, ocr)
            if not edges and chars:
                chars, edges = _scan_rules(pdfium_page, chars, width, height, options, rereads)
            pdfium_page.close()
        finally:
            doc.close()
    return _upright(chars, edges, width, height)


def _pdfium_page(
    doc: pdfium.PdfDocument, source: Source, number: int, widths: dict, options: ExtractOptions, ocr: OcrRun | None,
    rereads: list[dict],
) -> PageObjects:
    try:
        page = doc[number - 1]
    except pdfium.PdfiumError as exc:
        raise CorruptInputError(source.display, f"page {number} cannot be read ({reason(exc)})") from None
    try:
        reader = PdfiumPage(page, widths)
        chars = reader.chars()
        lines, rects, curves = reader.paths()
        width, height = reader.width, reader.height
        edges = page_edges(lines, rects, curves, width * height)
        if _wants_ocr(ocr, options, chars) and is_scan_page(page, width, height):
            chars = _ocr(page, width, height, source, number, options, ocr)
        if not edges and chars and is_scan_page(page, width, height):
            chars, edges = _scan_rules(page, chars, width, height, options, rereads)
    finally:
        page.close()
    return _upright(chars, edges, width, height)


def _wants_ocr(ocr: OcrRun | None, options: ExtractOptions, chars: list[dict]) -> bool:
    return ocr is not None and (not chars or options.ocr == "force")


def _ocr(
    page: pdfium.PdfPage, width: float, height: float, source: Source, number: int, options: ExtractOptions, ocr: OcrRun | None
) -> list[dict]:
    """The page's characters as Tesseract reads its image; the run recorded in `ocr`."""
    from planparse.extractors.pdf.scan.ocr import ocr_page_chars  # scan modules load only for a scan page

    assert ocr is not None
    chars, version = ocr_page_chars(page, width, height, source.display, "+".join(ocr.languages), {})
    ocr.version = version
    ocr.pages.append(number)
    return mark_ocr(chars)


def _scan_rules(
    page: pdfium.PdfPage, chars: list[dict], width: float, height: float, options: ExtractOptions, rereads: list[dict]
) -> tuple[list[dict], list[dict]]:
    """A scanned page's rules from its image; its OCR characters straightened and cleared of rule
    marks, with the words Tesseract reads again where the layer left printed ink unread."""
    # imported here: a born-digital plan never needs them (a fresh process compiles each module it imports)
    from planparse.extractors.pdf.scan.chars import repair_chars
    from planparse.extractors.pdf.scan.raster import RENDER_DPI, drop_rule_marks, page_geometry, straighten_chars
    from planparse.extractors.pdf.scan.ocr import tesseract_languages
    from planparse.extractors.pdf.scan.reread import reread_unread_ink, straight_page_image
    from planparse.extractors.pdf.scan.spaces import respace_glued_words

    edges, skew, ink, dark = page_geometry(page, width, height)

    def reread(chars: list[dict]) -> list[dict]:
        """Printed ink the layer left unread, read again by Tesseract ("Mittarit", "KA nj" for "massa asemassa");
        then words glued over a word space the ink shows, read again alone ("Allachefer")."""
        languages = tesseract_languages(options.lang)
        chars, run = reread_unread_ink(page, chars, ink, RENDER_DPI / 72, skew, width, languages)
        if run is not None:
            rereads.append(run)
        return respace_glued_words(chars, ink, RENDER_DPI / 72, lambda: straight_page_image(page, width, skew), languages)

    chars = repair_chars(straighten_chars(chars, skew, width, height), ink, dark, RENDER_DPI / 72, ruled=bool(edges), reread=reread,
                         resampled=bool(skew))
    return mark_ocr(drop_rule_marks(chars, edges)), edges


def _upright(chars: list[dict], edges: list[dict], width: float, height: float) -> PageObjects:
    """Turn a page whose text runs up or down into reading position."""
    direction = text_direction(chars)
    if direction != "ltr":
        chars = [rotate_box(c, direction, width, height) for c in chars]
        edges = [rotate_box(e, direction, width, height) for e in edges]
        width, height = upright_frame(direction, width, height)
    return chars, edges, width, height


def _shift(obj: dict, dx: float, dy: float) -> dict:
    new = dict(obj)
    new["x0"], new["x1"], new["top"], new["bottom"] = obj["x0"] - dx, obj["x1"] - dx, obj["top"] - dy, obj["bottom"] - dy
    if "pts" in obj:
        new["pts"] = [(x - dx, y - dy) for x, y in obj["pts"]]
    return new
