"""`planparse review FILE -o review.html`: a page to check an extraction in a browser."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from ..settings import ExtractOptions
from . import app
from .extract_cmd import source_for
from .options import PDF_PARSER_HELP, parse_pages


@app.command("review")
def review_command(
    file: str = typer.Argument(..., metavar="FILE", help="PDF or DOCX plan; `-` reads it from stdin."),
    output: Path = typer.Option(..., "--output", "-o", help="HTML file to write (atomically)."),
    resolution: int = typer.Option(80, "--resolution", min=30, max=200, help="Page image resolution in dots per inch."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Document language (fi or sv); detected when omitted."),
    no_ocr_repair: bool = typer.Option(False, "--no-ocr-repair", help="Do not repair OCR-lost ä/ö."),
    pages: Optional[str] = typer.Option(None, "--pages", help="PDF pages to read, e.g. 3-5,8."),
    pdf_parser: str = typer.Option("pdfium", "--pdf-parser", help=PDF_PARSER_HELP),
) -> None:
    """Write one self-contained HTML page to check FILE's extraction.

    Each page image is shown beside the records that start on it, with the
    detected cells tinted by column role (as `inspect` draws them). Click a
    record to outline the cells it was read from; hover a cell to see its
    record; warnings link to their page. The file works offline: images,
    style and script are inside it.
    """
    try:
        options = ExtractOptions(lang=lang, ocr_repair=not no_ocr_repair, password=password,
                                 pages=parse_pages(pages), pdf_parser=pdf_parser)
    except ValueError as err:
        raise UsageError(None, str(err)) from None
    from ..outputs.review import write_review

    write_review(source_for(file), output, options, resolution=resolution)
    print(f"planparse: wrote {output}", file=sys.stderr)
