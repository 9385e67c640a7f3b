"""Writers of planparse/1.1: JSON, YAML, JSON Lines, CSV (plain or for Excel) and Excel workbooks.

A writer is opened on a text stream, fed plans as they are extracted, and
closed; whatever happens in between, what it has written is valid for its
format once `close()` runs (a JSON array is always closed), so a pipe reader
never sees half a document.  `atomic_output` gives writers a file that only
appears under its final name once it is complete.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator, TextIO

import yaml

from planparse.errors import OutputClosed, OutputError
from planparse.model import Plan, PlanWarning
from planparse.normalize.text import remove_invisible

FORMATS = ("json", "yaml", "jsonl", "csv", "csv-excel", "xlsx")
BINARY_FORMATS = ("xlsx",)
# The format `-o FILE` asks for when --format is not given (`-o tulos.csv` writes CSV).
FORMAT_OF_SUFFIX = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}

CSV_COLUMNS = [
    "document",
    "section",
    "goal_id",
    "goal",
    "action_id",
    "actions",
    "owners",
    "indicators",
    "schedule",
    "extra",
    "page",
    "table",
    "row",
]
# In CSV, list fields hold their items one per line inside the (quoted) cell,
# and `extra` holds a JSON object, so a spreadsheet shows every value.
CSV_LIST_SEPARATOR = "\n"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV
# injection); such a cell is written with a leading `'` (contract 1.1).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """`value` as a CSV/Excel cell: a leading `'` when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class PlanWriter:
    """Base class: subclasses write one format."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, plan: Plan) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class JsonWriter(PlanWriter):
    """One document: a JSON object.  Several (`many=True`): a JSON array, streamed."""

    def __init__(self, stream: TextIO, many: bool = False, indent: int | None = 2) -> None:
        super().__init__(stream)
        self.many = many
        self.indent = indent
        self.count = 0
        if many:
            stream.write("[")

    def write(self, plan: Plan) -> None:
        text = json.dumps(plan.to_dict(), ensure_ascii=False, indent=self.indent)
        if self.many:
            self.stream.write(("," if self.count else "") + "\n" + text)
        else:
            if self.count:
                raise ValueError("JsonWriter(many=False) takes one plan; use many=True for several")
            self.stream.write(text + "\n")
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.many:
            self.stream.write("\n]\n" if self.count else "]\n")
        super().close()


class YamlWriter(PlanWriter):
    """A YAML stream: one document per plan, separated by `---`."""

    def write(self, plan: Plan) -> None:
        yaml.safe_dump(
            plan.to_dict(),
            self.stream,
            allow_unicode=True,
            sort_keys=False,
            explicit_start=True,
            width=1_000_000,
        )
        self.stream.flush()


ITEMS = ("records", "indicators")


def warning_line(plan: Plan, warning: PlanWarning) -> str:
    """A warning as one stderr line, `file:page: code: message` (`file:` alone when it has no page).

    `file` is source.path; control characters (a file name may hold terminal
    escape sequences) are removed, so the line is one line and inert.
    """
    where = document_name(plan) + (f":{warning.page}" if warning.page is not None else "")
    line = f"{where}: {warning.code}: {warning.message}"
    return " ".join(remove_invisible(line).split())


def document_name(plan: Plan) -> str:
    """`document` of a JSON Lines or CSV row: the input path as given (`source.path`)."""
    return plan.source.to_dict()["path"]


def record_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """The records of a plan as flat dicts, each with `document` first."""
    document = document_name(plan)
    for record in plan.records:
        yield {"document": document, **record.to_dict()}


def indicator_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """The indicator boxes of a plan as flat dicts, each with `document` first."""
    document = document_name(plan)
    for indicator in plan.indicators:
        yield {"document": document, **indicator.to_dict()}


class JsonLinesWriter(PlanWriter):
    """One object per line with `document` (source.path) added: records, or indicators.

    The two kinds never share a stream: `items` chooses one.
    """

    def __init__(self, stream: TextIO, items: str = "records") -> None:
        super().__init__(stream)
        if items not in ITEMS:
            raise ValueError(f"unknown items {items!r}; choose one of {', '.join(ITEMS)}")
        self.rows = record_rows if items == "records" else indicator_rows

    def write(self, plan: Plan) -> None:
        for row in self.rows(plan):
            self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.stream.flush()


class CsvWriter(PlanWriter):
    """One row per record; list fields one item per line, `extra` as JSON; no cell runs as a formula.

    `excel=True` (format `csv-excel`) writes what Excel opens right on a
    double click in a Finnish or Swedish locale: UTF-8 with a byte-order mark,
    `;` between fields, CRLF line ends, formula-like text made inert.
    """

    def __init__(self, stream: TextIO, excel: bool = False) -> None:
        super().__init__(stream)
        self.excel = excel
        if excel:
            stream.write("\ufeff")
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\r\n" if excel else "\n",
                                     delimiter=";" if excel else ",")
        self.writer.writeheader()

    def write(self, plan: Plan) -> None:
        for row in record_rows(plan):
            source = row.pop("source")
            for key in ("actions", "owners", "indicators"):
                row[key] = CSV_LIST_SEPARATOR.join(row[key])
            row["extra"] = json.dumps(row["extra"], ensure_ascii=False) if row["extra"] else ""
            row.update(page=source["page"], table=source["table"], row=source["row"])
            self.writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        self.stream.flush()


class XlsxPlanWriter(PlanWriter):
    """An Excel workbook (binary stream): sheets of records, warnings, indicators, metadata.

    The plans are kept until `close()`, which writes the workbook: the record
    sheet has one column per `extra` key of all of them.
    """

    def __init__(self, stream: IO[bytes]) -> None:  # type: ignore[override]
        self.stream = stream  # type: ignore[assignment]
        self.plans: list[dict[str, Any]] = []

    def write(self, plan: Plan) -> None:
        self.plans.append(plan.to_dict())

    def close(self) -> None:
        from planparse.outputs.xlsx import write_workbook

        write_workbook(self.plans, self.stream)  # type: ignore[arg-type]
        self.stream.flush()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def make_writer(fmt: str, stream: TextIO, many: bool = False, items: str = "records") -> PlanWriter:
    """The writer for `fmt`; `many` says whether several documents will be written,
    `items` what a JSON Lines stream carries (records or indicators)."""
    if fmt == "json":
        return JsonWriter(stream, many=many)
    if fmt == "yaml":
        return YamlWriter(stream)
    if fmt == "jsonl":
        return JsonLinesWriter(stream, items=items)
    if fmt in ("csv", "csv-excel"):
        return CsvWriter(stream, excel=fmt == "csv-excel")
    if fmt == "xlsx":
        return XlsxPlanWriter(stream)  # type: ignore[arg-type]
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def extension(fmt: str) -> str:
    """File name extension for a format (`yaml` -> `.yaml`, `csv-excel` -> `.csv`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return ".csv" if fmt == "csv-excel" else "." + fmt


def format_of_path(path: str | Path) -> str | None:
    """The format a file name asks for by its extension (`tulos.csv` -> csv), or None."""
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


def write_failure(target: str | Path, err: OSError) -> OutputError:
    """The one-line error for a failed write: the reason in words, no errno number or temporary name."""
    return OutputError(target, f"cannot write ({err.strerror or err.__class__.__name__})")


class GuardedStream:
    """A text stream whose write errors are `OutputError` (exit 9), and a closed pipe `OutputClosed`.

    Wraps stdout and `atomic_output`'s files, so a full disk or a vanished
    reader never passes for success nor for a bug.
    """

    def __init__(self, stream: TextIO, name: str | Path) -> None:
        self._stream = stream
        self._name = name

    def _guard(self, call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except BrokenPipeError:
            raise OutputClosed(str(self._name)) from None
        except OSError as err:
            raise write_failure(self._name, err) from None

    def write(self, text: str) -> int:
        return self._guard(self._stream.write, text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def atomic_output(path: str | Path, binary: bool = False) -> Iterator[Any]:
    """Open a temporary file next to `path`; rename it onto `path` only on success.

    On any exception (including KeyboardInterrupt) the temporary file is
    removed, so `path` is either the old file, absent, or complete.
    The stream is UTF-8 text, or bytes when `binary` (an Excel workbook).
    A path that cannot be written (a folder, a full disk, a read-only place)
    raises `OutputError`.
    """
    target = Path(path)
    if not target.name or target.is_dir():
        raise OutputError(target, "is a folder, not a file", "give a file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise write_failure(target, err) from None
    try:
        try:
            # mkstemp makes the file 0600; an output file gets the usual mode (0666 less the umask).
            os.chmod(tmp_name, 0o666 & ~_current_umask())
            mode: dict[str, Any] = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
            raw = os.fdopen(fd, **mode)
        except OSError as err:
            raise write_failure(target, err) from None
        stream = GuardedStream(raw, target)
        try:
            yield stream
            stream.flush()
            stream._guard(os.fsync, raw.fileno())
            stream._guard(raw.close)  # closing may write what is still buffered
        finally:
            if not raw.closed:
                try:
                    raw.close()
                except OSError:  # already failing: the first error is the one reported
                    pass
        try:
            os.replace(tmp_name, target)
        except OSError as err:
            raise write_failure(target, err) from None
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_plans(plans: list[Plan], fmt: str, stream: TextIO) -> None:
    """Write already-extracted plans (library convenience)."""
    writer = make_writer(fmt, stream, many=len(plans) != 1)
    try:
        for plan in plans:
            writer.write(plan)
    finally:
        writer.close()
