"""Convert a folder of plans, one worker process per file, and report on every file.

A folder downloaded from dozens of municipal sites holds broken files, scans
and things that are not plans.  The batch must finish, lose nothing and say
what happened to each file, so:

- every file runs in its own process that this module starts and can kill:
  a file that hangs past `timeout`, crashes the interpreter (segfault, OOM
  kill) or exceeds the `max_memory_mb` address-space cap fails alone;
- the worker writes its output atomically (`writers.atomic_output`); when a
  worker is killed the parent removes its temporary `.part` file, so an
  output file is always complete or absent;
- outputs newer than their input are skipped (unless `force`), and files that
  failed before are not retried while neither they nor the options they may
  depend on changed (unless `retry_failed`), so a stopped batch resumes
  where it was;
- `OUTDIR/report.json` lists every file with its status.

The library reports progress through callbacks and prints nothing; the
`planparse batch` command draws the progress bar and the summary.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import ExitCode, PlanparseError
from .settings import ExtractOptions

REPORT_NAME = "report.json"
REPORT_SCHEMA = "planparse-batch/1"
STATUSES = ("ok", "failed", "skipped", "timeout")
DEFAULT_TIMEOUT = 300.0  # seconds per file
DEFAULT_MAX_MEMORY_MB = 2048  # address space per worker
_KILL_GRACE = 2.0  # seconds a terminated worker gets before SIGKILL


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
        from .writers import FORMATS

        if self.fmt not in FORMATS:
            raise ValueError(f"unknown format {self.fmt!r}; choose one of {', '.join(FORMATS)}")
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if not self.timeout > 0:
            raise ValueError("timeout must be a positive number of seconds")
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
    options_keys: dict[str, str] = field(default_factory=dict)  # what failures may depend on (`failure_keys`)
    listed: int = 0  # input files found (more than len(files) after Ctrl-C)

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
            return 130
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
            "summary": self.counts() | {"failures": len(self.failures), "listed": self.listed},
            "files": [r.to_dict() for r in self.files],
        }


# ---------------------------------------------------------------- which files


def find_inputs(root: Path, outdir: Path, recursive: bool) -> list[Path]:
    """Every regular, non-hidden file under `root` (top level only unless `recursive`).

    Hidden files and folders (name starting with ".") are left out, and so is
    OUTDIR when it lies inside `root`.  Files of every extension are listed
    (a .doc or .xlsx is reported as unsupported, never silently ignored).
    """
    out = outdir.resolve()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d).resolve() != out)
        for name in sorted(filenames):
            path = here / name
            if not name.startswith(".") and path.is_file():
                found.append(path)
        if not recursive:
            break
    return found


def subfolders_not_searched(root: Path, outdir: Path) -> int:
    """How many non-hidden subfolders a non-recursive run leaves out (for a hint)."""
    out = outdir.resolve()
    return sum(
        1 for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.resolve() != out
    )


def output_path(root: Path, path: Path, outdir: Path, fmt: str) -> Path:
    """OUTDIR/<relative folder>/<whole input name>.<ext>: plans/a/plan.pdf -> OUT/a/plan.pdf.json."""
    from .writers import extension

    rel = path.relative_to(root)
    return outdir / rel.parent / (rel.name + extension(fmt))


REVIEW_SUFFIX = ".review.html"


def review_path(output: Path, fmt: str) -> Path:
    """OUTDIR/a/plan.pdf.json -> OUTDIR/a/plan.pdf.review.html."""
    from .writers import extension

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


def is_up_to_date(path: Path, output: Path) -> bool:
    """True when `output` exists and is at least as new as `path`."""
    try:
        return output.stat().st_mtime_ns >= path.stat().st_mtime_ns
    except FileNotFoundError:
        return False


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


# ---------------------------------------------------------------- one file, in a worker


def convert_file(task: Task) -> dict[str, Any]:
    """Extract one file and write its output atomically; return a small result dict.

    Never raises: every failure becomes {"status": "failed", "error": {...}}.
    """
    from .pipeline import extract
    from .source import Source
    from .writers import BINARY_FORMATS, atomic_output, make_writer

    review = None
    try:
        try:
            source = Source.from_path(task.input, given=task.shown)
            if task.review is not None:  # one extraction for both: the review page needs the tables too
                from .outputs.review import analyse

                review = analyse(source, task.options)
                plan = review.document
            else:
                plan = extract(source, task.options)
        except OSError as err:  # e.g. permission denied, or the file vanished mid-run
            message = f"{task.input}: cannot read the file ({err.strerror or err})"
            return {"status": "failed", "error": error_dict("corrupt-input", ExitCode.CORRUPT_INPUT, message)}
        with atomic_output(task.output, binary=task.fmt in BINARY_FORMATS) as stream:
            writer = make_writer(task.fmt, stream)
            writer.write(plan)
            writer.close()
        if task.review is not None:
            from .outputs.review import write_review

            write_review(source, task.review, task.options, review=review)
    except PlanparseError as err:
        return {"status": "failed", "error": error_dict(err.code, err.exit_code, err.one_line())}
    except MemoryError:
        return _out_of_memory(task)
    except OSError as err:
        return {"status": "failed", "error": error_dict("output-error", ExitCode.OUTPUT_ERROR, f"{task.output}: {err}")}
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
    message = f"{task.input}: ran out of memory{limit}"
    return {"status": "failed", "error": error_dict("out-of-memory", ExitCode.OUT_OF_MEMORY, message)}


def internal_error(task: Task, exc: BaseException) -> dict[str, Any]:
    """The error entry for a bug: one-line message, plus where it was raised (for the bug report)."""
    import traceback

    message = f"{task.input}: internal error: {exc.__class__.__name__}: {exc} (please report this bug)"
    entry = error_dict("internal-error", ExitCode.INTERNAL_ERROR, message)
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        ours = [f for f in frames if f"{os.sep}planparse{os.sep}" in f.filename]
        shown = [frames[-1]] + ([ours[-1]] if ours and ours[-1] is not frames[-1] else [])
        entry["where"] = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in shown)
    return entry


def error_dict(code: str, exit_code: int, message: str) -> dict[str, Any]:
    return {"code": code, "exit_code": int(exit_code), "message": message.splitlines()[0] if message else code}


def _worker_main(task: Task, convert: Callable[[Task], dict[str, Any]], conn: Connection) -> None:
    """Entry point of a worker process: cap memory, convert, send the result, exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and cleans up
    _quiet_stdio()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if task.max_memory_mb is not None:
        limit = task.max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
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


def _context() -> Any:
    """A forkserver context preloaded with the extractors: cheap, thread-safe process starts."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["planparse.batch", "planparse.batch_preload"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - not Linux


def start_worker_server() -> None:
    """Start the fork server now, so its imports (~0.6 s) run while the caller parses
    options and lists the folder, not before the first file.  Optional: the first
    worker start does it anyway."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


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


def _previous_failures(outdir: Path, keys: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Failures of the last report.json that the current options would repeat, keyed by input."""
    try:
        data = json.loads((outdir / REPORT_NAME).read_text(encoding="utf-8"))
        before = data.get("options_keys") or {}
        return {
            entry["input"]: entry
            for entry in data.get("files", [])
            if entry.get("error")
            and entry.get("fingerprint")
            and all(before.get(name) == keys[name] for name in _DEPENDS_ON.get(entry["error"].get("code"), ()))
        }
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}


def _fingerprint(path: Path) -> str:
    """Size and modification time: a file that changes is tried again."""
    try:
        st = path.stat()
    except OSError:  # vanished or unreadable: the worker reports it
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


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
    converted again), before `on_result`.  Ctrl-C stops the run:
    workers are killed, their partial outputs removed, and the report of the
    files finished so far is written and returned with `interrupted=True`.
    """
    options = options or BatchOptions()
    root, outdir = Path(root), Path(outdir)
    keys = failure_keys(options)
    report = BatchReport(root=root, outdir=outdir, fmt=options.fmt, started=_now(), options_keys=keys)
    inputs = find_inputs(root, outdir, options.recursive)
    report.listed = len(inputs)
    if on_start:
        on_start(len(inputs))
    previous = {} if options.force or options.retry_failed else _previous_failures(outdir, keys)
    results: dict[Path, FileResult] = {}
    fingerprints: dict[Path, str] = {}
    pending: list[Task] = []

    def done(path: Path, result: FileResult) -> None:
        results[path] = result
        plan, result.plan = result.plan, None
        if plan is not None and on_plan is not None:
            on_plan(result.input, plan)
        if on_result:
            on_result(result)

    try:
        for path in inputs:
            out = output_path(root, path, outdir, options.fmt)
            rel = path.relative_to(root).as_posix()
            fingerprints[path] = _fingerprint(path)
            before = previous.get(rel)
            review = review_path(out, options.fmt) if options.review else None
            kept = None
            if not options.force and is_up_to_date(path, out) and (review is None or is_up_to_date(path, review)):
                kept = read_back(out, options.fmt) if options.collect else {}
            if kept is not None:
                result = FileResult(rel, out.relative_to(outdir).as_posix(), "skipped", note="output is newer than input")
                result.plan = kept or None
                done(path, result)
            elif before is not None and before.get("fingerprint") == fingerprints[path] and not out.exists():
                note = f"failed before ({before['error'].get('code')}) and unchanged; --retry-failed retries it"
                done(path, FileResult(rel, None, "skipped", error=before["error"], note=note))
            else:
                pending.append(Task(path, out, options.fmt, options.extract, options.max_memory_mb, shown=rel,
                                    collect=options.collect, review=review))
        _run_tasks(pending, options, root, outdir, done)
    except KeyboardInterrupt:
        report.interrupted = True
    report.files = [results[p] for p in inputs if p in results]
    report.finished = _now()
    write_report(report, fingerprints)
    return report


def _run_tasks(
    pending: list[Task],
    options: BatchOptions,
    root: Path,
    outdir: Path,
    done: Callable[[Path, FileResult], None],
) -> None:
    """Keep up to `jobs` worker processes busy until every task has a result."""
    if not pending:
        return
    ctx = _context()
    convert = options.convert or convert_file
    queue = list(reversed(pending))
    running: dict[int, _Running] = {}  # keyed by process sentinel
    try:
        while queue or running:
            while queue and len(running) < options.jobs:
                task = queue.pop()
                receiver, sender = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_worker_main, args=(task, convert, sender), daemon=True)
                rel = task.input.relative_to(root).as_posix()
                result = FileResult(rel, task.output.relative_to(outdir).as_posix(), "failed")
                with _ctrl_c_held():  # a worker is started and recorded, or neither
                    process.start()
                    running[process.sentinel] = _Running(process, receiver, task, result, time.monotonic())
                sender.close()
            now = time.monotonic()
            wait_for = min(r.started + options.timeout for r in running.values()) - now
            ready = set(wait([r.process.sentinel for r in running.values()], timeout=max(wait_for, 0)))
            now = time.monotonic()
            for sentinel, item in list(running.items()):
                if sentinel in ready:
                    del running[sentinel]
                    done(item.task.input, _finish(item, now))
                elif now - item.started >= options.timeout:
                    del running[sentinel]
                    _kill(item)
                    done(item.task.input, _timed_out(item, options.timeout))
    finally:
        for item in running.values():  # only on Ctrl-C or an error in this loop
            _kill(item)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back for the duration: it is delivered right after.

    A Ctrl-C that landed inside `Process.start()` under load left a worker
    started but not recorded, so it was never killed (a regression test caught
    it in CI)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _finish(item: _Running, now: float) -> FileResult:
    """The result of a worker that exited (normally or not)."""
    message: dict[str, Any] | None = None
    try:
        if item.conn.poll():
            message = item.conn.recv()
    except (EOFError, OSError):
        message = None
    item.process.join()
    item.conn.close()
    result = item.result
    result.seconds = round(now - item.started, 3)
    if message is None:
        _remove_partials(item.task)
        code = item.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit status {code}"
        hint = " (out of memory?)" if code == -signal.SIGKILL else ""
        result.error = error_dict(
            "worker-crashed", ExitCode.INTERNAL_ERROR, f"{item.task.input}: worker process died: {how}{hint}"
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
        "timeout", ExitCode.TIMEOUT, f"{item.task.input}: took longer than {timeout:g} s (raise --timeout?)"
    )
    return result


def _kill(item: _Running) -> None:
    """Stop a worker for good and remove any temporary output it left."""
    process = item.process
    if process.is_alive():
        process.kill()
    process.join(_KILL_GRACE)
    item.conn.close()
    _remove_partials(item.task)


def _remove_partials(task: Task) -> None:
    remove_partial_outputs(task.output)
    if task.review is not None:
        remove_partial_outputs(task.review)


def write_report(report: BatchReport, fingerprints: dict[Path, str] | None = None) -> Path:
    """Write OUTDIR/report.json atomically; entries carry an input fingerprint for resuming."""
    from .writers import atomic_output

    data = report.to_dict()
    if fingerprints:
        by_rel = {p.relative_to(report.root).as_posix(): fp for p, fp in fingerprints.items()}
        for entry in data["files"]:
            entry["fingerprint"] = by_rel.get(entry["input"])
    path = report.outdir / REPORT_NAME
    with atomic_output(path) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    return path


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")

