"""`planparse extract FILE... [--format] [-o PATH]` and `planparse schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, TextIO

import typer

from ..errors import ExitCode, PlanparseError, UsageError
from ..pipeline import extract
from ..schema import load_schema
from ..settings import ExtractOptions
from ..source import Source
from ..writers import FORMATS, atomic_output, make_writer
from . import app, report_error
from .options import OCR_HELP, PDF_PARSER_HELP, parse_pages

FORMAT_HELP = "Output format: " + ", ".join(FORMATS) + "."


def source_for(arg: str) -> Source:
    """A Source for a command-line argument; `-` reads the document from stdin."""
    if arg == "-":
        return Source.from_bytes(sys.stdin.buffer.read(), name="-")
    return Source.from_path(arg)


@app.command("extract")
def extract_command(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="PDF or DOCX plans; `-` reads one from stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help=FORMAT_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Document language (fi or sv); detected when omitted."),
    no_ocr_repair: bool = typer.Option(False, "--no-ocr-repair", help="Do not repair OCR-lost ä/ö."),
    pages: Optional[str] = typer.Option(None, "--pages", help="PDF pages to read, e.g. 3-5,8."),
    pdf_parser: str = typer.Option("pdfium", "--pdf-parser", help=PDF_PARSER_HELP),
    ocr: Optional[str] = typer.Option(None, "--ocr", metavar="[auto|force]", help=OCR_HELP),
) -> None:
    """Extract plan records from FILE(s) and print them (stdout by default).

    One file gives a document object (json, yaml) or its records (jsonl, csv);
    several files give a JSON array, a YAML stream, or one stream of records.
    Exit code: 0 when every file converted, else the failing file's code
    (one file) or 1 (several files, some failed).
    """
    if fmt not in FORMATS:
        raise UsageError(None, f"unknown --format {fmt!r}", "choose one of " + ", ".join(FORMATS))
    if files.count("-") > 1:
        raise UsageError(None, "stdin (`-`) can be read only once")
    try:
        options = ExtractOptions(
            lang=lang,
            ocr_repair=not no_ocr_repair,
            password=password,
            pages=parse_pages(pages),
            pdf_parser=pdf_parser,
            ocr=ocr,
        )
    except ValueError as err:
        raise UsageError(None, str(err)) from None

    failures: list[PlanparseError] = []
    # One file is extracted before anything is written, so a failure leaves
    # stdout empty (and no -o file); several files stream as they complete.
    first = extract(source_for(files[0]), options) if len(files) == 1 else None

    def run(stream: TextIO) -> None:
        """Write the plans to `stream`; a failing file (of several) is reported and skipped."""
        writer = make_writer(fmt, stream, many=len(files) > 1)
        try:
            if first is not None:
                writer.write(first)
                return
            for arg in files:
                try:
                    plan = extract(source_for(arg), options)
                except PlanparseError as err:
                    report_error(err)
                    failures.append(err)
                    continue
                writer.write(plan)
        finally:
            writer.close()

    if output is None:
        run(sys.stdout)
    else:
        with atomic_output(output) as stream:
            run(stream)
    if failures:
        raise typer.Exit(int(ExitCode.SOME_FAILED))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the planparse/1.1 output."""
    typer.echo(json.dumps(load_schema(), ensure_ascii=False, indent=2))
