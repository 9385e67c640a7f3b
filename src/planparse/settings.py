"""Options for one extraction, validated once when they are made."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("fi", "sv")
PDF_PARSERS = ("pdfium", "pdfminer")
OCR_MODES = ("auto", "force")
OPEN_END = 1_000_000_000  # in `pages`: "and every page after the one before it" (--pages 5-)


@dataclass(frozen=True)
class ExtractOptions:
    """What a caller may choose about an extraction.

    `lang` forces the document language ("fi" or "sv"); None detects it.
    `ocr_repair` allows the repair of OCR-lost ä/ö (only applied when the
    document's text shows the damage).  `password` opens an encrypted PDF.
    `pages` limits PDF extraction to these 1-based page numbers (None: all);
    `OPEN_END` as the last number means every page from the one before it
    to the end ("5-").
    `pdf_parser` reads PDF pages: "pdfium" (fast, the default) or "pdfminer"
    (pure Python, the reference the samples were first tuned on).
    `ocr` runs Tesseract on scanned PDF pages: "auto" on pages without a text
    layer, "force" on every scanned page (its old OCR text is replaced); None
    never (a scan without text then fails with exit 7).  Languages follow
    `lang` (fi -> fin, sv -> swe, None -> fin+swe).
    """

    lang: str | None = None
    ocr_repair: bool = True
    password: str | None = None
    pages: tuple[int, ...] | None = None
    pdf_parser: str = "pdfium"
    ocr: str | None = None

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES} or None, not {self.lang!r}")
        if self.pdf_parser not in PDF_PARSERS:
            raise ValueError(f"pdf_parser must be one of {PDF_PARSERS}, not {self.pdf_parser!r}")
        if self.ocr is not None and self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES} or None, not {self.ocr!r}")
        if self.pages is not None and any(p < 1 for p in self.pages):
            raise ValueError("pages are 1-based: every page number must be >= 1")


def selected_pages(pages: tuple[int, ...] | None, n_pages: int) -> list[int]:
    """The pages of an `n_pages` document that `pages` asks for, in order.

    Raises ValueError naming the first page beyond the end: reading fewer
    pages than asked for, silently, would look like a document without plans.
    """
    if pages is None:
        return list(range(1, n_pages + 1))
    wanted = set(p for p in pages if p != OPEN_END)
    if OPEN_END in pages:
        start = max(p for p in pages if p != OPEN_END)
        wanted.update(range(start, n_pages + 1))
        wanted.add(start)
    beyond = sorted(p for p in wanted if p > n_pages)
    if beyond:
        raise ValueError(f"no page {beyond[0]}: the document has {n_pages} page{'s' if n_pages != 1 else ''}")
    return sorted(wanted)
