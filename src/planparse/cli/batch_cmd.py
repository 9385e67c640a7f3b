"""`planparse batch DIR -o OUTDIR`: convert a folder, one output file per input.

A thin command over `planparse.batch.runner.run_batch`: it draws the progress (a
rich bar on a terminal, one plain line per file otherwise) and the summary
table on stderr.  stdout stays empty: the batch's output is the folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from planparse.batch.runner import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT,
    REPORT_NAME,
    BatchOptions,
    BatchReport,
    FileResult,
    run_batch,
    subfolders_not_searched,
)
from ..errors import OutputError, UsageError
from planparse.common.names import printable
from ..settings import ExtractOptions
from planparse.outputs.writers import FORMATS, atomic_output
from . import app
from .options import OCR_HELP, PAGES_HELP, PDF_PARSER_HELP, parse_format, parse_pages, parse_timeout

BATCH_HELP = f"""Convert every file in DIR to OUTDIR, one output file per input.

\b
Output: OUTDIR/<folder inside DIR>/<whole input name>.<format>,
e.g. DIR/a/plan.pdf -> OUTDIR/a/plan.pdf.json, so no two inputs collide.
OUTDIR/{REPORT_NAME} lists every file: status (ok, failed, skipped,
timeout), records, warnings, error code and message, seconds.

\b
Which files: every regular file in DIR (and its subfolders with
--recursive, following links to folders, each folder once) except hidden
ones (name starting with ".") and OUTDIR itself. Files that are not PDF or
DOCX (.doc, .odt, .xlsx, web pages ...) are reported as failed with what
to convert them to; FIFOs and broken links are reported too, never ignored.

\b
Each file runs in its own process, capped by --timeout and --max-memory:
a file that hangs, crashes or eats memory fails alone. Outputs are
written atomically (never a half-written file, also after Ctrl-C, SIGTERM
or a kill: the next run removes what a killed run left). An output is kept
when report.json shows it was made from the same content (sha256) with the
same options and version; files that failed in the last run are not retried
while neither they nor the options their failure depends on (--password,
--timeout, --max-memory) changed, so a stopped batch resumes; --force
redoes everything, --retry-failed the failures. OUTDIR is checked to be
writable before anything is converted.

\b
Outputs of the whole folder (besides the per-file outputs):
--xlsx BOOK.xlsx  one Excel workbook of every document (a `document`
                  column tells them apart);
--db PLANS.SQLITE  a SQLite database (docs/database.md), upserted by
                  file sha256, one transaction per document;
--review          OUTDIR/<whole input name>.review.html per file.
Up-to-date documents are read back from their json/yaml outputs for these;
with another --format they are converted again.

\b
Exit codes:
  0  every file converted (or skipped as already converted)
  1  some files failed, in this run or (unchanged) in the last one:
     see the summary and {REPORT_NAME}
  2  bad usage (DIR is not a folder, bad option)
  9  OUTDIR or the report cannot be written (nothing converted)
130  interrupted (Ctrl-C): finished outputs and the report are kept
143  stopped by SIGTERM (129: SIGHUP): likewise
"""


@app.command("batch", help=BATCH_HELP)
def batch_command(
    directory: Path = typer.Argument(..., metavar="DIR", help="Folder of plans (PDF, DOCX)."),
    outdir: Path = typer.Option(..., "--output", "-o", metavar="OUTDIR", help="Folder for the outputs and report.json."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Also convert files in subfolders."),
    fmt: str = typer.Option("json", "--format", "-f", help="Output format: " + ", ".join(FORMATS) + "."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="Files converted in parallel (default: number of cores)."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", help="Seconds allowed per file (inf: no limit)."),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory", metavar="MB", help="Memory (address space) allowed per file, in MB."),
    force: bool = typer.Option(False, "--force", help="Convert again even when the output was made from the same content and options."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry files that failed in the last run."),
    password: Optional[str] = typer.Option(None, "--password", help="Password for encrypted PDFs."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Document language (fi or sv); detected when omitted."),
    no_ocr_repair: bool = typer.Option(False, "--no-ocr-repair", help="Do not repair OCR-lost ä/ö."),
    pdf_parser: str = typer.Option("pdfium", "--pdf-parser", help=PDF_PARSER_HELP),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", metavar="BOOK.xlsx", help="Also write one Excel workbook of the whole folder."),
    db: Optional[Path] = typer.Option(None, "--db", metavar="PLANS.SQLITE", help="Also store every document in this SQLite database."),
    review: bool = typer.Option(False, "--review", help="Also write a review page (OUTDIR/<name>.review.html) per file."),
    pages: Optional[str] = typer.Option(None, "--pages", help=PAGES_HELP + " A PDF shorter than asked for fails with a usage error."),
    ocr: Optional[str] = typer.Option(None, "--ocr", metavar="[auto|force]", help=OCR_HELP),
) -> None:
    if not directory.exists():
        raise UsageError(directory, "no such folder")
    if not directory.is_dir():
        raise UsageError(directory, "not a folder", "use `planparse extract FILE` for one file")
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(outdir, "output exists and is not a folder")
    if outdir.resolve() == directory.resolve():
        raise UsageError(outdir, "OUTDIR must differ from DIR", "e.g. -o DIR/out or a folder elsewhere")
    fmt = parse_format(fmt)
    timeout = parse_timeout(timeout)
    try:
        options = BatchOptions(
            fmt=fmt,
            recursive=recursive,
            jobs=jobs,
            timeout=timeout,
            max_memory_mb=max_memory,
            force=force,
            retry_failed=retry_failed,
            collect=xlsx is not None or db is not None,
            review=review,
            extract=ExtractOptions(
                lang=lang, ocr_repair=not no_ocr_repair, password=password, pdf_parser=pdf_parser, pages=parse_pages(pages),
                ocr=ocr,
            ),
        )
    except ValueError as err:
        raise UsageError(None, str(err)) from None

    console = Console(stderr=True)
    if not recursive and subfolders_not_searched(directory, outdir):
        console.print(f"planparse: {escape(printable(directory))}: subfolders not searched (use --recursive)", highlight=False)
    sink = FolderOutputs(xlsx, db)
    try:
        if console.is_terminal:
            report = _run_with_bar(directory, outdir, options, console, sink.add)
        else:
            report = _run_with_lines(directory, outdir, options, sink.add)
        sink.finish(report, console)
    finally:
        sink.close()
    print_summary(report, console)
    if sink.error is not None:  # the database failed: the batch went on, its report is written
        raise sink.error
    raise typer.Exit(report.exit_code)


class FolderOutputs:
    """The outputs of the whole folder: a database written as documents arrive, a workbook at the end."""

    def __init__(self, xlsx: Path | None, db: Path | None) -> None:
        from .db_option import open_database

        self.xlsx = xlsx
        self.plans: dict[str, dict] = {}
        self.database = open_database(db) if db is not None else None  # a bad path fails before any work
        self.error: OutputError | None = None

    def add(self, rel: str, plan: dict) -> None:
        # Name it by its path inside DIR (contract 1.1 `source.path`; set here when the output predates it),
        # so a.pdf in two municipalities' folders are two documents in the workbook.
        source = plan.setdefault("source", {})
        if not source.get("path"):
            source["path"] = rel
        if self.database is not None and self.error is None:
            try:
                self.database.store(plan)
            except OutputError as err:  # e.g. the disk is full: the documents stored so far stay whole
                self.error = err
        if self.xlsx is not None:
            self.plans[rel] = plan

    def finish(self, report: BatchReport, console: Console) -> None:
        if self.xlsx is None:
            return
        if report.interrupted:
            console.print(f"workbook not written (interrupted): {escape(str(self.xlsx))}; run again to resume", highlight=False)
            return
        from ..outputs.xlsx import write_workbook

        ordered = [self.plans[r.input] for r in report.files if r.input in self.plans]
        try:
            with atomic_output(self.xlsx, binary=True) as stream:
                write_workbook(ordered, stream)
        except OSError as err:
            raise OutputError(self.xlsx, f"cannot write ({err.strerror or err})") from None
        console.print(f"workbook: {escape(str(self.xlsx))} ({len(ordered)} documents)", highlight=False)

    def close(self) -> None:
        if self.database is not None:
            self.database.close()


def _run_with_bar(directory: Path, outdir: Path, options: BatchOptions, console: Console, on_plan) -> BatchReport:  # type: ignore[no-untyped-def]
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("converting", total=None, failed=0)
        failed = 0

        def on_start(total: int) -> None:
            progress.update(task, total=total)

        def on_result(result: FileResult) -> None:
            nonlocal failed
            if result.status in ("failed", "timeout"):
                failed += 1
                progress.console.print(escape(printable(_line(result, directory))), highlight=False)
            progress.update(task, advance=1, failed=failed)

        return run_batch(directory, outdir, options, on_start=on_start, on_result=on_result, on_plan=on_plan)


def _run_with_lines(directory: Path, outdir: Path, options: BatchOptions, on_plan) -> BatchReport:  # type: ignore[no-untyped-def]
    count = 0
    total = 0

    def on_start(n: int) -> None:
        nonlocal total
        total = n

    def on_result(result: FileResult) -> None:
        nonlocal count
        count += 1
        print(f"[{count}/{total}] {printable(_line(result, directory))}", file=sys.stderr, flush=True)

    return run_batch(directory, outdir, options, on_start=on_start, on_result=on_result, on_plan=on_plan)


def _line(result: FileResult, directory: Path) -> str:
    """One line about one finished file, naming it as the user can reach it (DIR/relative path)."""
    path = directory / result.input
    if result.status == "ok":
        return f"ok       {path}: {result.records} records, {result.warnings} warnings, {result.seconds:.1f} s"
    if result.status == "skipped":
        return f"skipped  {path}: {result.note}"
    message = result.error["message"] if result.error else ""
    return f"{result.status:<8} {message}"


def print_summary(report: BatchReport, console: Console) -> None:
    """The table at the end: totals per status, then one row per file that failed."""
    counts = report.counts()
    table = Table(title="planparse batch" + (" (interrupted)" if report.interrupted else ""), title_justify="left")
    for name in ("files", "ok", "failed", "timeout", "skipped", "records"):
        table.add_column(name, justify="right")
    records = sum(r.records or 0 for r in report.files)
    row = (counts["total"], counts["ok"], counts["failed"], counts["timeout"], counts["skipped"], records)
    table.add_row(*(str(v) for v in row))
    console.print(table)
    failures = report.failures
    if failures:
        detail = Table(title="not converted", title_justify="left")
        detail.add_column("file", overflow="fold")
        detail.add_column("status")
        detail.add_column("reason", overflow="fold")
        for result in failures:
            assert result.error is not None
            reason = result.error["message"]
            prefix = f"{result.input}: "
            if reason.startswith(prefix):
                reason = reason[len(prefix):]
            elif ": " in reason:  # the message names the path as the worker saw it
                reason = reason.split(": ", 1)[1]
            status = result.status if result.status != "skipped" else "failed before"
            detail.add_row(escape(printable(result.input)), status, escape(printable(f"{reason} [{result.error['code']}]")))
        console.print(detail)
    if report.interrupted:
        left = report.listed - len(report.files)
        console.print(
            f"interrupted: {left} of {report.listed} files not converted; run the same command again to resume",
            highlight=False,
        )
    console.print(f"report: {escape(printable(report.outdir / REPORT_NAME))}", highlight=False)
