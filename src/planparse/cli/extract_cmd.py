"""`planparse extract FILE... [--format] [-o PATH]` and `planparse schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, TextIO

import typer

from ..errors import ExitCode, OutOfMemoryError, PlanparseError, UsageError
from ..model import Plan
from planparse.common.names import printable
from ..pipeline import extract
from ..schema import load_schema
from ..settings import ExtractOptions
from ..source import Source
from planparse.outputs.writers import BINARY_FORMATS, FORMATS, ITEMS, GuardedStream, atomic_output, format_of_path, make_writer, warning_line
from . import app, report_error
from .db_option import open_database
from .options import (MAX_MEMORY_HELP, OCR_HELP, PAGES_HELP, PDF_PARSER_HELP, cap_memory, parse_format, parse_pages,
                      refuse_overwriting_inputs)

FORMAT_HELP = (
    "Output format: " + ", ".join(FORMATS) + " (default: from -o's extension, "
    ".json .yaml .jsonl .csv .xlsx, else json). csv-excel: UTF-8 with BOM and `;`, for Excel."
)


def choose_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the format -o's extension names, else json."""
    if fmt is None:
        return (format_of_path(output) if output is not None else None) or "json"
    return parse_format(fmt)


MAX_STDIN_BYTES = 512 * 1024 * 1024  # a document piped in is held in memory whole
_STDIN_CHUNK = 1 << 20


def source_for(arg: str) -> Source:
    """A Source for a command-line argument; `-` reads the document from stdin."""
    if arg == "-":
        return Source.from_bytes(read_stdin(), name="-")
    return Source.from_path(arg)


def read_stdin(limit: int = MAX_STDIN_BYTES) -> bytes:
    """All of stdin, refused past `limit` bytes (`extract - < /dev/zero` ends, with exit 10)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := sys.stdin.buffer.read(_STDIN_CHUNK):
        size += len(chunk)
        if size > limit:
            raise OutOfMemoryError("-", f"stdin holds more than {limit // (1024 * 1024)} MB",
                                   "save the document to a file and give its path")
        chunks.append(chunk)
    return b"".join(chunks)


@app.command("extract")
def extract_command(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="PDF or DOCX plans; `-` reads one from stdin."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout."),
    password: Optional[str] = typer.Option(None, "--password", help="Password of an encrypted PDF."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Document language (fi or sv); detected when omitted."),
    no_ocr_repair: bool = typer.Option(False, "--no-ocr-repair", help="Do not repair OCR-lost ä/ö."),
    pages: Optional[str] = typer.Option(None, "--pages", help=PAGES_HELP),
    pdf_parser: str = typer.Option("pdfium", "--pdf-parser", help=PDF_PARSER_HELP),
    items: str = typer.Option("records", "--items", help="What JSON Lines carries, one per line: records or indicators."),
    db: Optional[Path] = typer.Option(None, "--db", metavar="PLANS.SQLITE",
                                      help="Also store the documents in this SQLite database (upserted by file sha256)."),
    max_memory: Optional[int] = typer.Option(None, "--max-memory", metavar="MB", help=MAX_MEMORY_HELP),
    ocr: Optional[str] = typer.Option(None, "--ocr", metavar="[auto|force]", help=OCR_HELP),
) -> None:
    """Extract plan records from FILE(s) and print them (stdout by default).

    One file gives a document object (json, yaml) or its records (jsonl, csv);
    several files give a JSON array, a YAML stream, or one stream of records.
    In jsonl and csv modes each warning goes to stderr as one line
    (`file:page: code: message`).  Exit code: 0 when every file converted,
    else the failing file's code (one file) or 1 (several files, some failed).
    """
    fmt = choose_format(fmt, output)
    if items not in ITEMS:
        raise UsageError(None, f"unknown --items {items!r}", "choose one of " + ", ".join(ITEMS))
    if items != "records" and fmt != "jsonl":
        raise UsageError(None, f"--items {items} needs --format jsonl", "JSON and YAML hold records and indicators in one document")
    binary = fmt in BINARY_FORMATS
    if binary and output is None and sys.stdout.isatty():
        raise UsageError(None, f"{fmt} is a binary format", f"give -o FILE.{fmt} or redirect stdout to a file")
    if files.count("-") > 1:
        raise UsageError(None, "stdin (`-`) can be read only once")
    if output is not None:
        refuse_overwriting_inputs(output, files)
    cap_memory(max_memory)
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
    # stdout empty (and no -o file, no database); several files stream as they complete.
    first = extract(source_for(files[0]), options) if len(files) == 1 else None
    database = open_database(db) if db is not None else None

    def run(stream: TextIO) -> None:
        """Write the plans to `stream`; a failing file (of several) is reported and skipped."""
        writer = make_writer(fmt, stream, many=len(files) > 1, items=items)

        def write(plan: Plan) -> None:
            writer.write(plan)
            if fmt in ("jsonl", "csv", "csv-excel"):  # these formats have no place for warnings: never lose them
                for warning in plan.warnings:
                    print(printable(warning_line(plan, warning)), file=sys.stderr)

        try:
            if first is not None:
                write(first)
                if database is not None:
                    database.store(first.to_dict())
                return
            for arg in files:
                try:
                    plan = extract(source_for(arg), options)
                except PlanparseError as err:
                    report_error(err)
                    failures.append(err)
                    continue
                write(plan)
                if database is not None:
                    database.store(plan.to_dict())
        finally:
            writer.close()

    try:
        if output is None:
            run(GuardedStream(sys.stdout.buffer if binary else sys.stdout, "stdout"))  # type: ignore[arg-type]
        else:
            with atomic_output(output, binary=binary) as stream:
                run(stream)
    finally:
        if database is not None:
            database.close()
    if failures:
        raise typer.Exit(int(ExitCode.SOME_FAILED))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the planparse/1.1 output."""
    typer.echo(json.dumps(load_schema(), ensure_ascii=False, indent=2))
