"""`planparse tables FILE` and `planparse inspect FILE --page N -o page.png`.

Two commands for a user whose plan does not map as expected: `tables` shows
the grids the extractor found (before any field mapping), `inspect` draws
them over the page image with the column roles the header mapping gives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from ..extractors import read_document
from ..settings import ExtractOptions, selected_pages
from planparse.outputs.tables_json import document_to_dict
from . import app
from .extract_cmd import source_for
from .options import OCR_HELP, PAGES_HELP, PDF_PARSER_HELP, parse_pages

LANG_HELP = "Document language (fi or sv): with --ocr, the OCR languages (default fin+swe)."


def _options(
    pages: str | None, password: str | None, pdf_parser: str = "pdfium", ocr: str | None = None, lang: str | None = None
) -> ExtractOptions:
    try:
        return ExtractOptions(password=password, pages=parse_pages(pages), pdf_parser=pdf_parser, ocr=ocr, lang=lang)
    except ValueError as err:
        raise UsageError(None, str(err)) from None


@app.command("tables")
def tables_command(
    file: str = typer.Argument(..., metavar="FILE", help="PDF or DOCX document; `-` reads it from stdin."),
    pages: Optional[str] = typer.Option(None, "--pages", help=PAGES_HELP),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    pdf_parser: str = typer.Option("pdfium", "--pdf-parser", help=PDF_PARSER_HELP),
    ocr: Optional[str] = typer.Option(None, "--ocr", metavar="[auto|force]", help=OCR_HELP),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Print the raw tables found in FILE as JSON, before any field mapping.

    Each table: page and bounding box (points, origin top-left; null for
    DOCX), number of columns, the heading above it, and its rows of cell
    texts as printed (lines joined by newlines; null for a cell covered by a
    merged cell).
    """
    options = _options(pages, password, pdf_parser, ocr, lang)
    source = source_for(file)
    raw = read_document(source, options)
    json.dump(document_to_dict(raw, source.name), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command("inspect")
def inspect_command(
    file: str = typer.Argument(..., metavar="FILE", help="PDF document; `-` reads it from stdin."),
    output: Path = typer.Option(..., "--output", "-o", help="PNG file to write (atomically); with several pages, NAME-pN.png each."),
    page: Optional[int] = typer.Option(None, "--page", min=1, help="The 1-based page to draw."),
    pages: Optional[str] = typer.Option(None, "--pages", help="Pages to draw instead of one --page: " + PAGES_HELP),
    resolution: int = typer.Option(100, "--resolution", min=20, max=400, help="Image resolution in dots per inch."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    ocr: Optional[str] = typer.Option(None, "--ocr", metavar="[auto|force]", help=OCR_HELP),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Draw the tables found on PDF pages over the page image, as PNG.

    Cells are outlined, the header row drawn with a thick frame, and each
    column tinted by the role its header maps to (goal, action, owner,
    indicator, schedule, extra), with a legend; a person sees at a glance
    why a row went wrong.
    """
    from planparse.outputs.inspect import count_pages, write_inspection

    options = _options(None, password, ocr=ocr, lang=lang)  # checks --ocr and --lang before any work
    if (page is None) == (pages is None):
        raise UsageError(None, "give one of --page N or --pages SPEC", "e.g. --page 3 or --pages 3-5")
    source = source_for(file)
    if page is not None:
        numbers = [page]
    else:
        try:
            numbers = selected_pages(parse_pages(pages), count_pages(source, password))
        except ValueError as err:
            raise UsageError(source.display, f"--pages: {err}") from None
    for number in numbers:
        target = output if len(numbers) == 1 else output.with_name(f"{output.stem}-p{number}{output.suffix or '.png'}")
        write_inspection(source, number, target, resolution=resolution, password=password, ocr=options.ocr, lang=options.lang)
        print(f"planparse: wrote {target}", file=sys.stderr)
