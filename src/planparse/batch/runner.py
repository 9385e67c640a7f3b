"""Convert a folder of plans, one worker process per file, and report on every file.

A folder downloaded from dozens of municipal sites holds broken files, scans
and things that are not plans.  The batch must finish, lose nothing and say
what happened to each file, so:

- every file runs in its own process that this module starts and can kill:
  a file that hangs past `timeout`, crashes the interpreter (segfault, OOM
  kill) or exceeds the `max_memory_mb` address-space cap fails alone;
- the worker writes its output atomically (`writers.atomic_output`); when a
  worker is killed the parent removes its temporary `.part` file, so an
  output file is always complete or absent; `.part` files a killed batch
  left behind (kill -9) are removed by the next run;
- resuming decides by content: report.json stores each input's sha256 and a
  key of the options and planparse version the output was made with; an
  output is kept (skipped) only when both still match and it is a file
  (unless `force`).  Files that failed before are not retried while neither
  they nor the options their failure depends on changed (unless
  `retry_failed`), so a stopped batch resumes where it was;
- `OUTDIR/report.json` lists every input with its status (also FIFOs and
  broken links, as failures, and folder links already searched); it is
  rewritten as files finish, so even a killed batch leaves one.  SIGTERM
  (and SIGHUP) stop the batch like Ctrl-C: workers killed, report written.

The library reports progress through callbacks and prints nothing; the
`planparse batch` command draws the progress bar and the summary.
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import multiprocessing
import os
import re
import signal
import stat
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable

from planparse.errors import ExitCode, OutputError, PlanparseError
from planparse.common.memory import no_core_dumps, set_memory_limit
from planparse.common.names import portable
from planparse.settings import ExtractOptions

REPORT_NAME = "report.json"
REPORT_SCHEMA = "planparse-batch/1"
STATUSES = ("ok", "failed", "skipped", "timeout")
DEFAULT_TIMEOUT = 300.0  # seconds per file
DEFAULT_MAX_MEMORY_MB = 2048  # address space per worker
_KILL_GRACE = 2.0  # seconds a terminated worker gets before SIGKILL
_REPORT_EVERY = 2.0  # seconds between rewrites of report.json while the batch runs
# The temporary files `atomic_output` makes: ".<name>.<8 random characters>.part".
_PART_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class BatchStopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: stop like Ctrl-C (workers killed, report written)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass(frozen=True)
class BatchOptions:
    """What a batch run may choose; validated on construction."""

    fmt: str = "json"
    recursive: bool = False
    jobs: int = max(os.cpu_count() or 1, 1)
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB
    force: bool = False
    retry_failed: bool = False
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    # Send every converted document back to the parent (`run_batch`'s `on_plan`),
    # for outputs of the whole folder (one workbook, a database).
    collect: bool = False
    # Also write OUTDIR/<whole input name>.review.html per PDF/DOCX (`planparse review`).
    review: bool = False
    # The function a worker runs on one task (a module-level function, so it
    # can be sent to a fresh process).  Tests replace it to simulate a hang,
    # a crash or a memory hog.
    convert: Callable[["Task"], dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        from planparse.outputs.writers import FORMATS

        if self.fmt not in FORMATS:
            raise ValueError(f"unknown format {self.fmt!r}; choose one of {', '.join(FORMATS)}")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if not self.timeout > 0:  # also refuses NaN; inf means no limit
            raise ValueError("timeout must be a positive number of seconds (or inf)")
        if self.max_memory_mb is not None and self.max_memory_mb < 64:
            raise ValueError("max memory must be at least 64 MB")


@dataclass(frozen=True)
class Task:
    """One file to convert: what a worker process receives."""

    input: Path
    output: Path
    fmt: str
    options: ExtractOptions
    max_memory_mb: int | None
    shown: str | None = None  # source.path: the input relative to the batch folder
    collect: bool = False
    review: Path | None = None


@dataclass
class FileResult:
    """What happened to one input file (one entry of report.json)."""

    input: str  # relative to the batch folder, '/'-separated
    output: str | None  # relative to OUTDIR; None when nothing was written
    status: str  # ok / failed / skipped / timeout
    records: int | None = None
    warnings: int | None = None
    warning_codes: list[str] = field(default_factory=list)
    # every warning of the document ({code, message, page}): JSON Lines and CSV outputs have no place for them
    warning_list: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None  # {code, exit_code, message}
    seconds: float | None = None
    note: str | None = None  # why a file was skipped
    plan: dict[str, Any] | None = field(default=None, repr=False)  # the document, when collected (not reported)

    @property
    def is_failure(self) -> bool:
        """Failed now, or failed before and skipped as unchanged."""
        return self.error is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "status": self.status,
            "records": self.records,
            "warnings": self.warnings,
            "warning_codes": list(self.warning_codes),
            "warning_list": [dict(w) for w in self.warning_list],
            "error": self.error,
            "seconds": self.seconds,
            "note": self.note,
        }


@dataclass
class BatchReport:
    """Every file's result, in input order, plus totals."""

    root: Path
    outdir: Path
    fmt: str
    files: list[FileResult] = field(default_factory=list)
    started: str = ""
    finished: str = ""
    interrupted: bool = False
    stop_signal: int | None = None  # SIGTERM/SIGHUP that stopped the run (None: Ctrl-C or not stopped)
    options_keys: dict[str, str] = field(default_factory=dict)  # what failures may depend on (`failure_keys`)
    listed: int = 0  # input files found (more than len(files) after Ctrl-C)
    output_key: str = ""  # options and version the outputs are made with (`output_key`)

    def counts(self) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for result in self.files:
            counts[result.status] += 1
        counts["total"] = len(self.files)
        return counts

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.files if r.is_failure]

    @property
    def exit_code(self) -> int:
        """0 when every file converted (or was skipped as up to date), 1 when any failed, 130 on Ctrl-C."""
        if self.interrupted:
            return 128 + self.stop_signal if self.stop_signal else 130
        return int(ExitCode.SOME_FAILED) if self.failures else int(ExitCode.OK)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA,
            "root": str(self.root),
            "outdir": str(self.outdir),
            "format": self.fmt,
            "started": self.started,
            "finished": self.finished,
            "interrupted": self.interrupted,
            "options_keys": dict(self.options_keys),
            "output_key": self.output_key,
            "summary": self.counts() | {"failures": len(self.failures), "listed": self.listed},
            "files": [r.to_dict() for r in self.files],
        }


# ---------------------------------------------------------------- which files


@dataclass(frozen=True)
class InputEntry:
    """One name found in the folder: a file to convert, or a problem to report (never silently left out)."""

    path: Path
    error: tuple[str, int, str] | None = None  # (code, exit code, reason): not a readable regular file
    note: str | None = None  # a folder link not followed again (skipped)


def list_inputs(root: Path, outdir: Path, recursive: bool) -> list[InputEntry]:
    """Every non-hidden name under `root` (top level only unless `recursive`), in walk order.

    Regular files (also through symbolic links) are to be converted; a FIFO,
    socket or device, a dangling link and a link loop are entries with an
    error.  With `recursive`, links to folders are followed, each real folder
    searched once: a link back to a folder already searched (a loop) is an
    entry with a note.  Hidden names (starting with ".") and OUTDIR are left out.
    """
    out = outdir.resolve()
    found: list[InputEntry] = []
    seen: set[tuple[int, int]] = set()
    try:
        st = root.stat()
        seen.add((st.st_dev, st.st_ino))
    except OSError:
        pass
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            path = here / name
            if name.startswith(".") or path.resolve() == out:
                continue
            if not recursive:
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                found.append(InputEntry(path, note="link to a folder already searched (a loop): not searched again"))
                continue
            seen.add(key)
            keep.append(name)
        dirnames[:] = keep if recursive else []
        for name in sorted(filenames):
            if not name.startswith("."):
                found.append(_file_entry(here / name))
    return found


def _file_entry(path: Path) -> InputEntry:
    """A name os.walk did not take for a folder: a regular file, or what is wrong with it."""
    missing = int(ExitCode.INPUT_MISSING)
    try:
        st = path.stat()
    except FileNotFoundError:
        return InputEntry(path, ("input-missing", missing, "dangling symbolic link (its target does not exist)"))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return InputEntry(path, ("input-missing", missing, "symbolic link loop (the link points back to itself)"))
        return InputEntry(path, ("input-missing", missing, f"cannot read ({err.strerror or err})"))
    if stat.S_ISREG(st.st_mode):
        return InputEntry(path)
    kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
    return InputEntry(path, ("input-missing", missing, f"not a regular file ({kind})"))


def find_inputs(root: Path, outdir: Path, recursive: bool) -> list[Path]:
    """The regular files `list_inputs` finds (what a batch converts)."""
    return [e.path for e in list_inputs(root, outdir, recursive) if e.error is None and e.note is None]


def subfolders_not_searched(root: Path, outdir: Path) -> int:
    """How many non-hidden subfolders a non-recursive run leaves out (for a hint)."""
    out = outdir.resolve()
    return sum(
        1 for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.resolve() != out
    )


def output_path(root: Path, path: Path, outdir: Path, fmt: str) -> Path:
    """OUTDIR/<relative folder>/<whole input name>.<ext>: plans/a/plan.pdf -> OUT/a/plan.pdf.json."""
    from planparse.outputs.writers import extension

    rel = path.relative_to(root)
    return outdir / rel.parent / (rel.name + extension(fmt))


def output_paths(root: Path, inputs: list[Path], outdir: Path, fmt: str) -> dict[Path, Path]:
    """`output_path` of every input, except that none may take the report's name.

    An input named `report` would write `report.json`: it gets `report~1.json`
    (the first `~N` no other input's output uses), so the report never
    overwrites an output nor an output the report.
    """
    natural = {path: output_path(root, path, outdir, fmt) for path in inputs}
    taken = set(natural.values())
    reserved = {outdir / REPORT_NAME}
    result = {}
    for path, out in natural.items():
        if out in reserved:
            stem, ext = out.name[: -len(out.suffix)], out.suffix
            n = 1
            while (candidate := out.with_name(f"{stem}~{n}{ext}")) in taken | reserved:
                n += 1
            taken.add(candidate)
            out = candidate
        result[path] = out
    return result


REVIEW_SUFFIX = ".review.html"


def review_path(output: Path, fmt: str) -> Path:
    """OUTDIR/a/plan.pdf.json -> OUTDIR/a/plan.pdf.review.html."""
    from planparse.outputs.writers import extension

    return output.with_name(output.name[: -len(extension(fmt))] + REVIEW_SUFFIX)


def read_back(output: Path, fmt: str) -> dict[str, Any] | None:
    """The document object of an earlier run's output (json or yaml), or None when it cannot be had."""
    if fmt not in ("json", "yaml"):
        return None
    try:
        text = output.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - unreadable, not JSON, a YAML error: the file is converted again
        return None
    return data if isinstance(data, dict) and isinstance(data.get("source"), dict) else None


def remove_partial_outputs(output: Path) -> int:
    """Delete temporary files `atomic_output` left for `output` (after a killed worker)."""
    removed = 0
    if output.parent.is_dir():
        for part in output.parent.glob(f".{output.name}.*.part"):
            try:
                part.unlink()
                removed += 1
            except FileNotFoundError:
                pass
    return removed


def remove_stale_parts(outdir: Path) -> int:
    """Delete every temporary `.part` file under OUTDIR: a batch killed with SIGKILL leaves them."""
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(outdir):
        for name in filenames:
            if _PART_NAME.match(name):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


def check_writable(outdir: Path) -> None:
    """Make OUTDIR and prove a file can be written there, before any conversion starts."""
    from planparse.outputs.writers import write_failure

    if (outdir / REPORT_NAME).is_dir():
        raise OutputError(outdir / REPORT_NAME, "is a folder: the batch report cannot be written there")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".planparse-probe.", dir=outdir)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise write_failure(outdir, err) from None


def file_sha256(path: Path) -> str:
    """sha256 of a file's content ("" when it cannot be read: the worker reports why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


# ---------------------------------------------------------------- one file, in a worker


def convert_file(task: Task) -> dict[str, Any]:
    """Extract one file and write its output atomically; return a small result dict.

    Never raises: every failure becomes {"status": "failed", "error": {...}}.
    """
    from planparse.pipeline import extract
    from planparse.source import Source
    from planparse.outputs.writers import BINARY_FORMATS, atomic_output, make_writer

    review = None
    try:
        try:
            source = Source.from_path(task.input, given=task.shown)
            if task.review is not None:  # one extraction for both: the review page needs the tables too
                from planparse.outputs.review import analyse

                review = analyse(source, task.options)
                plan = review.document
            else:
                plan = extract(source, task.options)
        except OSError as err:  # e.g. permission denied, or the file vanished mid-run
            message = f"{portable(task.input)}: cannot read the file ({err.strerror or err})"
            return {"status": "failed", "error": error_dict("corrupt-input", ExitCode.CORRUPT_INPUT, message)}
        with atomic_output(task.output, binary=task.fmt in BINARY_FORMATS) as stream:
            writer = make_writer(task.fmt, stream)
            writer.write(plan)
            writer.close()
        if task.review is not None:
            from planparse.outputs.review import write_review

            write_review(source, task.review, task.options, review=review)
    except PlanparseError as err:
        return {"status": "failed", "error": error_dict(err.code, err.exit_code, err.one_line())}
    except MemoryError:
        return _out_of_memory(task)
    except OSError as err:  # a write error atomic_output did not name (it raises OutputError for its own)
        message = f"{portable(task.output)}: cannot write ({err.strerror or err.__class__.__name__})"
        return {"status": "failed", "error": error_dict("output-error", ExitCode.OUTPUT_ERROR, message)}
    except Exception as exc:  # noqa: BLE001 - a bug must fail this file, not the batch
        return {"status": "failed", "error": internal_error(task, exc)}
    return {
        "status": "ok",
        "records": len(plan.records),
        "warnings": len(plan.warnings),
        "warning_codes": [w.code for w in plan.warnings],
        "warning_list": [w.to_dict() for w in plan.warnings],
        "plan": plan.to_dict() if task.collect else None,
    }


def _out_of_memory(task: Task) -> dict[str, Any]:
    limit = f" (limit {task.max_memory_mb} MB: raise --max-memory)" if task.max_memory_mb else ""
    message = f"{portable(task.input)}: ran out of memory{limit}"
    return {"status": "failed", "error": error_dict("out-of-memory", ExitCode.OUT_OF_MEMORY, message)}


def internal_error(task: Task, exc: BaseException) -> dict[str, Any]:
    """The error entry for a bug: one-line message, plus where it was raised (for the bug report)."""
    import traceback

    message = f"{portable(task.input)}: internal error: {exc.__class__.__name__}: {portable(exc)} (please report this bug)"
    entry = error_dict("internal-error", ExitCode.INTERNAL_ERROR, message)
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        ours = [f for f in frames if f"{os.sep}planparse{os.sep}" in f.filename]
        shown = [frames[-1]] + ([ours[-1]] if ours and ours[-1] is not frames[-1] else [])
        entry["where"] = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in shown)
    return entry


def error_dict(code: str, exit_code: int, message: str) -> dict[str, Any]:
    message = portable(message.splitlines()[0]) if message else code
    return {"code": code, "exit_code": int(exit_code), "message": message}


def _worker_main(task: Task, convert: Callable[[Task], dict[str, Any]], conn: Connection) -> None:
    """Entry point of a worker process: cap memory, convert, send the result, exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and cleans up
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    _die_with_parent()
    _quiet_stdio()
    no_core_dumps()
    set_memory_limit(task.max_memory_mb)
    start = time.monotonic()
    try:
        result = convert(task)
    except MemoryError:  # the frames holding the memory are gone by now
        result = _out_of_memory(task)
    except Exception as exc:  # noqa: BLE001 - whatever happens, the parent gets a result
        result = {"status": "failed", "error": internal_error(task, exc)}
    result["seconds"] = round(time.monotonic() - start, 3)
    conn.send(result)
    conn.close()


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when its parent (the fork server) exits, i.e. when the batch
    itself was killed with SIGKILL: no worker goes on writing unsupervised."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _quiet_stdio() -> None:
    """Workers print nothing: library warnings would tear the parent's progress bar."""
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


# ---------------------------------------------------------------- the batch


@dataclass
class _Running:
    process: Any
    conn: Connection
    task: Task
    result: FileResult
    started: float
    message: dict[str, Any] | None = None  # the worker's result, once read ({}: it sent none)


def _context() -> Any:
    """A forkserver context preloaded with the extractors: cheap, thread-safe process starts."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["planparse.batch.runner", "planparse.batch.preload"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - not Linux


def start_worker_server() -> None:
    """Start the fork server now, so its imports (~0.6 s) run while the caller parses
    options and lists the folder, not before the first file (the batch calls it again
    before its first worker: then a no-op).

    The server starts with Ctrl-C blocked, as multiprocessing starts its resource
    tracker: a terminal's Ctrl-C during its imports (before preload.py ignores SIGINT)
    printed its KeyboardInterrupt traceback under the batch's "interrupted".  A
    SIGINT blocked then is discarded when preload.py ignores it; the batch itself
    is not affected (only the child inherits the mask)."""
    if _context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver, resource_tracker

    resource_tracker.ensure_running()  # first: it unblocks SIGINT when it starts its own process
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        forkserver.ensure_running()
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# Which options a failure may depend on, by error code: a failure is tried
# again when one of its options changed (a password given, a longer timeout).
_DEPENDS_ON = {
    "encrypted": ("password",),
    "timeout": ("timeout",),
    "out-of-memory": ("max_memory_mb",),
    "worker-crashed": ("max_memory_mb", "extract"),  # a parser crash: --pdf-parser pdfminer may get through
    "internal-error": ("extract", "password"),
    "corrupt-input": ("extract", "password"),
}


def failure_keys(options: BatchOptions) -> dict[str, str]:
    """Digests of the options failures may depend on (the password itself is never stored)."""
    extract = options.extract

    def digest(value: Any) -> str:
        return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    return {
        "password": digest(extract.password),
        "extract": digest(
            {"lang": extract.lang, "ocr_repair": extract.ocr_repair, "pages": extract.pages, "pdf_parser": extract.pdf_parser}
        ),
        "timeout": digest(options.timeout),
        "max_memory_mb": digest(options.max_memory_mb),
    }


# Failures that say nothing lasting about the file: always tried again.
_ALWAYS_RETRIED = {"output-error", "input-missing"}


def output_key(options: BatchOptions) -> str:
    """A digest of what an output depends on: format, extraction options, planparse version.

    The password is left out (a right password gives the same output), and so
    are timeout and memory cap (they decide whether a file converts, not what
    its output holds).
    """
    from planparse import __version__

    extract = options.extract
    data = {"version": __version__, "format": options.fmt, "lang": extract.lang, "ocr_repair": extract.ocr_repair,
            "pages": extract.pages, "pdf_parser": extract.pdf_parser}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Previous:
    """What the last report.json says that this run can reuse."""

    converted: dict[str, dict[str, Any]] = field(default_factory=dict)  # ok entries, same output key
    failures: dict[str, dict[str, Any]] = field(default_factory=dict)  # failures the current options would repeat


def _previous(outdir: Path, keys: dict[str, str], key: str) -> _Previous:
    """The last report's entries, keyed by input, that the current options may reuse."""
    found = _Previous()
    try:
        data = json.loads((outdir / REPORT_NAME).read_text(encoding="utf-8"))
        before = data.get("options_keys") or {}
        for entry in data.get("files", []):
            if not entry.get("sha256"):
                continue
            error = entry.get("error")
            if error is None and entry.get("output") and entry.get("output_key") == key:
                found.converted[entry["input"]] = entry
            elif error and error.get("code") not in _ALWAYS_RETRIED and all(
                before.get(name) == keys[name] for name in _DEPENDS_ON.get(error.get("code"), ())
            ):
                found.failures[entry["input"]] = entry
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return _Previous()
    return found


def run_batch(
    root: str | Path,
    outdir: str | Path,
    options: BatchOptions | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    on_plan: Callable[[str, dict[str, Any]], None] | None = None,
) -> BatchReport:
    """Convert every file of `root` into `outdir`; return (and write) the report.

    `on_start(total)` is called once the files are listed; `on_result(result)`
    once per file as it finishes (in completion order).  With `options.collect`,
    `on_plan(input, document)` gets every document converted or up to date (an
    up-to-date one read back from its json/yaml output; with other formats it is
    converted again), before `on_result`.  Ctrl-C, SIGTERM or SIGHUP stop the
    run: workers are killed, their partial outputs removed, and the report of
    the files finished so far is written and returned with `interrupted=True`.
    Raises `OutputError` when OUTDIR or the report cannot be written (checked
    before any conversion).
    """
    options = options or BatchOptions()
    root, outdir = Path(root), Path(outdir)
    check_writable(outdir)
    remove_stale_parts(outdir)
    keys = failure_keys(options)
    key = output_key(options)
    report = BatchReport(root=root, outdir=outdir, fmt=options.fmt, started=_now(), options_keys=keys, output_key=key)
    entries = list_inputs(root, outdir, options.recursive)
    report.listed = len(entries)
    if on_start:
        on_start(len(entries))
    previous = _Previous() if options.force else _previous(outdir, keys, key)
    if options.retry_failed:
        previous.failures = {}
    outputs = output_paths(root, [e.path for e in entries if e.error is None and e.note is None], outdir, options.fmt)
    results: dict[Path, FileResult] = {}
    digests: dict[Path, str] = {}
    pending: list[Task] = []
    last_write = time.monotonic()

    def done(path: Path, result: FileResult) -> None:
        nonlocal last_write
        results[path] = result
        plan, result.plan = result.plan, None
        if plan is not None and on_plan is not None:
            on_plan(result.input, plan)
        if on_result:
            on_result(result)
        if time.monotonic() - last_write >= _REPORT_EVERY:  # a killed batch still leaves a report
            report.files = [results[e.path] for e in entries if e.path in results]
            report.interrupted = True  # until the run ends, the report covers part of the folder
            try:
                write_report(report, digests)
            except OutputError:  # e.g. the disk filled up: the final write reports it
                pass
            report.interrupted = False
            last_write = time.monotonic()

    with _Interrupts() as interrupts:
        try:
            for entry in entries:
                rel = portable(entry.path.relative_to(root).as_posix())
                if entry.note is not None:
                    done(entry.path, FileResult(rel, None, "skipped", note=entry.note))
                    continue
                if entry.error is not None:
                    code, exit_code, reason = entry.error
                    done(entry.path, FileResult(rel, None, "failed", error=error_dict(code, exit_code, f"{rel}: {reason}")))
                    continue
                path, out = entry.path, outputs[entry.path]
                out_rel = portable(out.relative_to(outdir).as_posix())
                digests[path] = file_sha256(path)
                converted = previous.converted.get(rel)
                failed = previous.failures.get(rel)
                review = review_path(out, options.fmt) if options.review else None
                kept = None
                if (converted and converted.get("sha256") == digests[path] and converted.get("output") == out_rel
                        and out.is_file() and (review is None or review.is_file())):
                    kept = read_back(out, options.fmt) if options.collect else {}
                if kept is not None:
                    result = FileResult(rel, out_rel, "skipped", records=converted.get("records"),
                                        warnings=converted.get("warnings"),
                                        warning_codes=list(converted.get("warning_codes") or []),
                                        warning_list=list(converted.get("warning_list") or []),
                                        note="already converted: same content and options")
                    result.plan = kept or None
                    done(path, result)
                elif failed and failed.get("sha256") == digests[path] and not out.exists():
                    note = f"failed before ({failed['error'].get('code')}) and unchanged; --retry-failed retries it"
                    done(path, FileResult(rel, None, "skipped", error=failed["error"], note=note))
                else:
                    pending.append(Task(path, out, options.fmt, options.extract, options.max_memory_mb, shown=rel,
                                        collect=options.collect, review=review))
            interrupts.workers_start()  # from here on a signal is recorded, and the batch loop acts on it
            _run_tasks(pending, options, root, outdir, done, interrupts)
            interrupts.check()  # a signal that came as the last worker finished still counts
        except BatchStopped as stop:
            report.interrupted = True
            report.stop_signal = stop.signum
        except KeyboardInterrupt:
            report.interrupted = True
        interrupts.raising = False  # a second Ctrl-C does not cut the report short
        report.files = [results[e.path] for e in entries if e.path in results]
        report.finished = _now()
        write_report(report, digests)
    return report


_stopped_by: int | None = None


def _raise_stopped(signum: int, _frame: Any) -> None:
    global _stopped_by
    _stopped_by = signum
    raise BatchStopped(signum)


def stopped_by() -> int | None:
    """The SIGTERM/SIGHUP that stopped the batch in this process, if any (typer reports any
    interrupt during option parsing as a bare 130: the CLI asks here which it was)."""
    return _stopped_by


def stop_signals_raise() -> dict[int, Any]:
    """From now on SIGTERM and SIGHUP raise `BatchStopped` (main thread only); returns the
    handlers replaced, for `restore_handlers`."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, _raise_stopped) for signum in _STOP_SIGNALS}


def restore_handlers(saved: dict[int, Any]) -> None:
    """Put back the signal handlers `stop_signals_raise` (or `_Interrupts`) replaced."""
    for signum, handler in saved.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


class _Interrupts:
    """Ctrl-C, SIGTERM and SIGHUP while `run_batch` runs: recorded once, acted on by the batch.

    Until the workers start, a signal raises at once (KeyboardInterrupt, or
    `BatchStopped` for SIGTERM/SIGHUP), so listing and hashing a big folder
    stop promptly.  From `workers_start()` on, the handler only records the
    signal and the wake-up pipe (`signal.set_wakeup_fd`) wakes the loop's
    `wait()`, which then stops the batch from one known place.  An exception
    raised by a handler lands wherever the main thread happens to be, and
    some places swallow it: a finalizer (`__del__`, a weakref callback) that
    was running prints "Exception ignored in ..." and goes on, so the batch
    went on waiting for its workers and never stopped.  A recorded signal
    cannot be lost that way, and the clean-up (killing workers, removing
    partial outputs, writing the report) is never cut short by a second one.

    A SIGINT the process was started with ignored (a shell's background job,
    `nohup`) stays ignored, as for any program: `kill -TERM` stops such a batch.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self.raising = True
        self.wakeup: int | None = None  # read end of the wake-up pipe (None: not the main thread)
        self._write: int | None = None
        self._saved: dict[int, Any] = {}
        self._saved_wakeup = -1

    def __enter__(self) -> "_Interrupts":
        import threading

        if threading.current_thread() is not threading.main_thread():
            return self  # signals reach only the main thread's handlers: nothing to install
        signals = [*_STOP_SIGNALS]
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signals.append(signal.SIGINT)
        self.wakeup, self._write = os.pipe()
        os.set_blocking(self.wakeup, False)
        os.set_blocking(self._write, False)
        self._saved_wakeup = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        self._saved = {signum: signal.signal(signum, self._handle) for signum in signals}
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.wakeup is None:
            return
        restore_handlers(self._saved)
        signal.set_wakeup_fd(self._saved_wakeup)
        os.close(self.wakeup)
        os.close(self._write)  # type: ignore[arg-type]
        self.wakeup = self._write = None

    def _handle(self, signum: int, _frame: Any) -> None:
        global _stopped_by
        if self.signum is None:
            self.signum = signum
            if signum != signal.SIGINT:
                _stopped_by = signum
        if self.raising:
            raise self.exception()

    def exception(self) -> KeyboardInterrupt:
        assert self.signum is not None
        return KeyboardInterrupt() if self.signum == signal.SIGINT else BatchStopped(self.signum)

    def workers_start(self) -> None:
        """From now on a signal is only recorded (the batch loop acts on it); raise one that came already."""
        self.raising = False
        self.check()

    def check(self) -> None:
        """Raise the recorded signal's exception, if a signal came; empty the wake-up pipe."""
        if self.wakeup is not None:
            try:
                while os.read(self.wakeup, 512):
                    pass
            except BlockingIOError:
                pass
        if self.signum is not None:
            raise self.exception()


def _run_tasks(
    pending: list[Task],
    options: BatchOptions,
    root: Path,
    outdir: Path,
    done: Callable[[Path, FileResult], None],
    interrupts: _Interrupts,
) -> None:
    """Keep up to `jobs` worker processes busy until every task has a result.

    Never waits without bound: on a signal `wait()` wakes (the wake-up pipe),
    the workers are killed and their partial outputs removed.  A worker's
    result is read as soon as it is sent (a result bigger than the pipe's
    buffer would otherwise block the worker until its timeout).
    """
    if not pending:
        return
    ctx = _context()
    start_worker_server()
    convert = options.convert or convert_file
    queue = list(reversed(pending))
    running: dict[int, _Running] = {}  # keyed by process sentinel
    extra = [interrupts.wakeup] if interrupts.wakeup is not None else []
    try:
        while queue or running:
            interrupts.check()  # a signal woke `wait()` (or came meanwhile): stop before starting more workers
            while queue and len(running) < options.jobs:
                task = queue.pop()
                receiver, sender = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_worker_main, args=(task, convert, sender), daemon=True)
                rel = portable(task.input.relative_to(root).as_posix())
                result = FileResult(rel, portable(task.output.relative_to(outdir).as_posix()), "failed")
                process.start()
                running[process.sentinel] = _Running(process, receiver, task, result, time.monotonic())
                sender.close()
            now = time.monotonic()
            wait_for = None if math.isinf(options.timeout) else max(
                min(r.started + options.timeout for r in running.values()) - now, 0)
            conns = {item.conn: item for item in running.values() if item.message is None}
            ready = set(wait([*running, *conns, *extra], timeout=wait_for))
            for conn in ready & set(conns):
                _receive(conns[conn])
            now = time.monotonic()
            for sentinel, item in list(running.items()):
                if sentinel in ready:
                    del running[sentinel]
                    done(item.task.input, _finish(item, now))
                elif now - item.started >= options.timeout:
                    del running[sentinel]
                    _kill_all([item])
                    done(item.task.input, _timed_out(item, options.timeout))
    finally:
        _kill_all(list(running.values()))  # only on a signal or an error in this loop


def _receive(item: _Running) -> None:
    """Read a worker's result message (an empty dict when the worker died without sending one)."""
    try:
        item.message = item.conn.recv()
    except (EOFError, OSError):
        item.message = {}


def _finish(item: _Running, now: float) -> FileResult:
    """The result of a worker that exited (normally or not)."""
    if item.message is None:
        try:
            if item.conn.poll():
                _receive(item)
        except (EOFError, OSError):
            pass
    message = item.message or None
    item.process.join(_KILL_GRACE)  # it has exited (its sentinel is ready): only the status is read
    item.conn.close()
    result = item.result
    result.seconds = round(now - item.started, 3)
    if message is None:
        _remove_partials(item.task)
        code = item.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit status {code}"
        hint = " (out of memory?)" if code == -signal.SIGKILL else ""
        result.error = error_dict(
            "worker-crashed", ExitCode.INTERNAL_ERROR, f"{portable(item.task.input)}: worker process died: {how}{hint}"
        )
        result.output = None
        return result
    result.status = message["status"]
    result.records = message.get("records")
    result.warnings = message.get("warnings")
    result.warning_codes = list(message.get("warning_codes") or [])
    result.warning_list = list(message.get("warning_list") or [])
    result.error = message.get("error")
    result.plan = message.get("plan")
    if result.status != "ok":
        result.output = None
    return result


def _timed_out(item: _Running, timeout: float) -> FileResult:
    result = item.result
    result.status = "timeout"
    result.output = None
    result.seconds = round(timeout, 3)
    result.error = error_dict(
        "timeout", ExitCode.TIMEOUT, f"{portable(item.task.input)}: took longer than {timeout:g} s (raise --timeout?)"
    )
    return result


def _kill_all(items: list[_Running]) -> None:
    """Stop workers for good and remove any temporary output they left; never waits unbounded.

    SIGKILL goes to every worker first, then each is joined against one shared
    deadline (a worker SIGKILL cannot stop, e.g. stuck in the kernel, is left
    to the fork server rather than hanging the batch)."""
    for item in items:
        try:
            if item.process.is_alive():
                item.process.kill()
        except (OSError, ValueError):  # already reaped or closed
            pass
    deadline = time.monotonic() + _KILL_GRACE
    for item in items:
        try:
            item.process.join(max(deadline - time.monotonic(), 0))
        except (OSError, ValueError):
            pass
        item.conn.close()
        _remove_partials(item.task)


def _remove_partials(task: Task) -> None:
    remove_partial_outputs(task.output)
    if task.review is not None:
        remove_partial_outputs(task.review)


def write_report(report: BatchReport, digests: dict[Path, str] | None = None) -> Path:
    """Write OUTDIR/report.json atomically; entries carry the input's sha256 and output key for resuming."""
    from planparse.outputs.writers import atomic_output

    data = report.to_dict()
    by_rel = {portable(p.relative_to(report.root).as_posix()): d for p, d in (digests or {}).items()}
    for entry in data["files"]:
        entry["sha256"] = by_rel.get(entry["input"])
        entry["output_key"] = report.output_key if entry["output"] else None
    path = report.outdir / REPORT_NAME
    with atomic_output(path) as stream:
        json.dump(_portable_strings(data), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return path


def _portable_strings(value: Any) -> Any:
    """Every string of the report encodable as UTF-8 (paths may hold undecodable bytes)."""
    if isinstance(value, str):
        return portable(value)
    if isinstance(value, dict):
        return {portable(k): _portable_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_portable_strings(v) for v in value]
    return value


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")

