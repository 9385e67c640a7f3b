"""`planparse batch`: a folder with good plans and every bad case converts safely and resumes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from planparse.batch.runner import BatchOptions, find_inputs, output_path, run_batch
from planparse.cli import main
from planparse.errors import ExitCode

from .fixtures_bad import BAD_CASES, BadCase, make_no_tables_pdf, make_plan_pdf, misbehaving_worker

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx") and p.is_file())


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def part_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.part"))


def report_of(outdir: Path) -> dict[str, dict]:
    return {entry["input"]: entry for entry in json.loads((outdir / "report.json").read_text("utf-8"))["files"]}


@dataclass
class MixedFolder:
    root: Path
    good: list[str]  # sample file names copied to good/
    bad: dict[str, BadCase]  # input path relative to root -> the case that made it


@pytest.fixture
def mixed_folder(tmp_path: Path) -> MixedFolder:
    """All samples (under good/), a prose PDF, and every bad case (under bad/, some one folder deeper)."""
    root = tmp_path / "plans"
    (root / "good").mkdir(parents=True)
    (root / "bad" / "deeper").mkdir(parents=True)
    good = [sample.name for sample in sample_files()]
    for name in good:
        shutil.copy2(SAMPLES / name, root / "good" / name)
    make_no_tables_pdf(root)
    made = {}
    for i, case in enumerate(BAD_CASES):
        path = case.make(root / "bad" / ("deeper" if i % 2 else ""))
        made[path.relative_to(root).as_posix()] = case
    (root / ".hidden.pdf").write_bytes(b"%PDF-1.4 hidden, never read")
    return MixedFolder(root, good, made)


def test_batch_over_samples_and_every_bad_case(mixed_folder: MixedFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = mixed_folder.root
    outdir = tmp_path / "out"
    code, stdout, stderr = run_cli(capsys, "batch", str(root), "-o", str(outdir), "--recursive", "--jobs", "2")
    assert code == ExitCode.SOME_FAILED, stderr
    assert stdout == ""
    assert "Traceback" not in stderr
    report = report_of(outdir)
    expected_inputs = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert set(report) == expected_inputs

    assert mixed_folder.good
    for name in mixed_folder.good:
        entry = report[f"good/{name}"]
        assert entry["status"] == "ok", entry
        # as many records as the reviewed expected output (an infographic sample has indicators, no records)
        expected = json.loads((SAMPLES.parent / "tests" / "expected" / f"{name}.json").read_text("utf-8"))
        assert entry["records"] == len(expected["records"]) and entry["error"] is None
        document = json.loads((outdir / entry["output"]).read_text("utf-8"))
        assert document["schema"] == "planparse/1.1" and len(document["records"]) == entry["records"]
    prose = report["prose.pdf"]
    assert (prose["status"], prose["records"], prose["warning_codes"]) == ("ok", 0, ["no-plan-table"])

    assert len(mixed_folder.bad) == len(BAD_CASES)
    for name, case in mixed_folder.bad.items():
        entry = report[name]
        assert entry["status"] == "failed" and entry["output"] is None
        assert entry["error"]["code"] == case.error_code, entry
        assert entry["error"]["exit_code"] == case.exit_code
        for word in case.words:
            assert word.lower() in entry["error"]["message"].lower()

    written = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file())
    good = [f"good/{name}.json" for name in mixed_folder.good] + ["prose.pdf.json"]
    assert written == sorted(good + ["report.json"])
    assert part_files(outdir) == []
    # One plain line per file (stderr is not a terminal here), then the summary.
    assert sum(1 for line in stderr.splitlines() if line.startswith("[")) == len(report)

    mtimes = {p: p.stat().st_mtime_ns for p in outdir.rglob("*.json") if p.name != "report.json"}
    code, stdout, stderr = run_cli(capsys, "batch", str(root), "-o", str(outdir), "--recursive")
    again = report_of(outdir)
    assert {entry["status"] for entry in again.values()} == {"skipped"}
    assert set(again) == set(report)
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
    # The files that failed are still reported as failures: the folder is not all converted.
    assert code == ExitCode.SOME_FAILED
    assert {n for n, e in again.items() if e["error"]} == {n for n, e in report.items() if e["error"]}


def test_output_names_mirror_folders_and_never_collide(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    for sub in ("a", "b"):
        (root / sub).mkdir(parents=True)
        make_plan_pdf(root / sub, "plan.pdf")
    make_plan_pdf(root, "plan.pdf")
    shutil.copy2(SAMPLES / "turku-yhta.docx", root / "plan.docx")
    outdir = tmp_path / "out"
    report = run_batch(root, outdir, BatchOptions(recursive=True, jobs=2))
    assert report.exit_code == 0
    assert sorted(r.output for r in report.files) == ["a/plan.pdf.json", "b/plan.pdf.json", "plan.docx.json", "plan.pdf.json"]
    assert output_path(root, root / "a" / "plan.pdf", outdir, "csv") == outdir / "a" / "plan.pdf.csv"
    for result in report.files:
        assert (outdir / result.output).is_file()


def test_non_recursive_skips_subfolders_and_outdir_inside(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    (root / "sub").mkdir(parents=True)
    make_plan_pdf(root, "top.pdf")
    make_plan_pdf(root / "sub", "deep.pdf")
    outdir = root / "out"
    outdir.mkdir()
    (outdir / "old.pdf").write_bytes(b"not an input")
    assert [p.name for p in find_inputs(root, outdir, recursive=False)] == ["top.pdf"]
    assert [p.name for p in find_inputs(root, outdir, recursive=True)] == ["top.pdf", "deep.pdf"]


def test_force_and_changed_input_reconvert(tmp_path: Path) -> None:
    """Content decides (issue 15.4): a touched file is still up to date, a changed one is converted again."""
    root = tmp_path / "plans"
    root.mkdir()
    first = make_plan_pdf(root, "one.pdf")
    make_plan_pdf(root, "two.pdf")
    outdir = tmp_path / "out"
    assert [r.status for r in run_batch(root, outdir, BatchOptions(jobs=1)).files] == ["ok", "ok"]
    later = time.time() + 5
    os.utime(first, (later, later))
    statuses = {r.input: r.status for r in run_batch(root, outdir, BatchOptions(jobs=1)).files}
    assert statuses == {"one.pdf": "skipped", "two.pdf": "skipped"}
    first.write_bytes(first.read_bytes() + b"\n% changed\n")
    statuses = {r.input: r.status for r in run_batch(root, outdir, BatchOptions(jobs=1)).files}
    assert statuses == {"one.pdf": "ok", "two.pdf": "skipped"}
    forced = run_batch(root, outdir, BatchOptions(jobs=1, force=True))
    assert [r.status for r in forced.files] == ["ok", "ok"]


def test_failures_are_retried_when_the_file_changes_or_on_request(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    root.mkdir()
    broken = root / "plan.pdf"
    broken.write_bytes(b"")
    outdir = tmp_path / "out"
    assert run_batch(root, outdir, BatchOptions(jobs=1)).files[0].status == "failed"
    again = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert again.status == "skipped" and again.error["code"] == "corrupt-input"
    assert run_batch(root, outdir, BatchOptions(jobs=1, retry_failed=True)).files[0].status == "failed"
    make_plan_pdf(root, "plan.pdf")  # the user downloads the file again
    fixed = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert (fixed.status, fixed.records, fixed.error) == ("ok", 6, None)


def test_hang_crash_and_memory_hog_fail_alone(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    root.mkdir()
    for name in ("crash.pdf", "good.pdf", "hang.pdf", "hog.pdf", "partial.pdf"):
        make_plan_pdf(root, name)
    outdir = tmp_path / "out"
    options = BatchOptions(jobs=2, timeout=8, max_memory_mb=768, convert=misbehaving_worker)
    started = time.monotonic()
    report = run_batch(root, outdir, options)
    assert time.monotonic() - started < 60
    by_name = {r.input: r for r in report.files}
    assert by_name["good.pdf"].status == "ok" and by_name["good.pdf"].records == 6
    assert by_name["crash.pdf"].status == "failed"
    assert by_name["crash.pdf"].error["code"] == "worker-crashed" and "SIGSEGV" in by_name["crash.pdf"].error["message"]
    assert by_name["hog.pdf"].status == "failed"
    assert by_name["hog.pdf"].error["code"] == "out-of-memory"
    for name in ("hang.pdf", "partial.pdf"):
        assert by_name[name].status == "timeout" and by_name[name].error["code"] == "timeout"
    assert report.exit_code == ExitCode.SOME_FAILED
    assert sorted(p.name for p in outdir.iterdir()) == ["good.pdf.json", "report.json"]


_INTERRUPTED = textwrap.dedent(
    """
    import signal, sys
    # As a terminal's foreground job: a shell's background job (`pytest &`, nohup) starts with
    # Ctrl-C ignored, which the batch rightly keeps, and the SIGINT below would do nothing.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from planparse.batch.runner import BatchOptions, run_batch
    from tests.fixtures_bad import misbehaving_worker
    on_result = lambda r: print("done", r.input, flush=True)
    if sys.argv[3:] == ["in-finalizer"]:
        class SignalInFinalizer:
            # Ctrl-C that lands while a finalizer (__del__, a weakref callback) runs: an exception a
            # handler raises there is printed as "Exception ignored in ..." and lost.
            def __del__(self):
                signal.raise_signal(signal.SIGINT)
                sum(range(10000))  # the handler runs here, inside the finalizer
        def on_result(r, on_result=on_result):
            on_result(r)
            SignalInFinalizer()
    convert = misbehaving_worker
    if sys.argv[3:] == ["terminal"]:
        import os, time
        from tests.fixtures_bad import child_process_worker as convert
        def on_result(r, on_result=on_result):
            # Ctrl-C in a terminal reaches the whole foreground group, also a worker's child program
            # (Tesseract); the batch is busy for a moment, so that worker's failure comes in too.
            on_result(r)
            os.killpg(0, signal.SIGINT)
            time.sleep(1.5)
    report = run_batch(sys.argv[1], sys.argv[2], BatchOptions(jobs=2, timeout=600, convert=convert),
                       on_result=on_result)
    print("exit", report.exit_code, flush=True)
    sys.exit(report.exit_code)
    """
)


def interrupted_batch(
    tmp_path: Path, *args: str, names: tuple[str, ...] = ("a-good.pdf", "partial.pdf", "hang.pdf")
) -> tuple[subprocess.Popen[str], Path]:
    """By default the batch of a good file, a worker that writes part of its output and hangs, and one that hangs."""
    root = tmp_path / "plans"
    root.mkdir()
    for name in names:
        make_plan_pdf(root, name)
    outdir = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED, str(root), str(outdir), *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so a batch that does not stop is killed with its workers (finally below)
    )
    return process, outdir


def assert_stopped_cleanly(process: subprocess.Popen[str], outdir: Path) -> None:
    try:
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert process.returncode == 130, err
    assert "exit 130" in out and "Traceback" not in err and "Exception ignored" not in err
    assert part_files(outdir) == []
    report = json.loads((outdir / "report.json").read_text("utf-8"))
    assert report["interrupted"] is True
    assert [(f["input"], f["status"]) for f in report["files"]] == [("a-good.pdf", "ok")]
    assert sorted(p.name for p in outdir.iterdir()) == ["a-good.pdf.json", "report.json"]


def test_ctrl_c_kills_workers_and_leaves_no_partial_files(tmp_path: Path) -> None:
    process, outdir = interrupted_batch(tmp_path)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "done a-good.pdf"
    deadline = time.monotonic() + 30
    while not list(outdir.glob(".partial.pdf.json.*.part")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(outdir.glob(".partial.pdf.json.*.part")), "the partial worker never started writing"
    process.send_signal(signal.SIGINT)
    assert_stopped_cleanly(process, outdir)


def test_ctrl_c_inside_a_finalizer_still_stops_the_batch(tmp_path: Path) -> None:
    """Regression: a KeyboardInterrupt raised inside a finalizer is swallowed ("Exception ignored
    in ..."), and the batch went on waiting for its hanging worker (600 s).  The handler now only
    records the signal, and the batch loop acts on it."""
    process, outdir = interrupted_batch(tmp_path, "in-finalizer")
    assert_stopped_cleanly(process, outdir)


def test_a_failure_the_ctrl_c_caused_is_not_reported(tmp_path: Path) -> None:
    """A terminal's Ctrl-C also kills a worker's child program; the failure that follows is the
    signal's doing and must not be recorded (a recorded failure is not retried on resume): the
    batch stops on a recorded signal before it waits for (and reads) more results."""
    process, outdir = interrupted_batch(tmp_path, "terminal", names=("a-good.pdf", "child.pdf"))
    assert_stopped_cleanly(process, outdir)


@pytest.mark.parametrize("sigint", ["default", "ignored"])
def test_batch_leaves_the_callers_signal_handlers_as_they_were(
    sigint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: `main(["batch", ...])` called in-process left SIGTERM and SIGHUP raising
    BatchStopped (a KeyboardInterrupt), so a SIGHUP to a `nohup pytest &` run (which had it
    ignored) ended a random later test with exit 130.  A SIGINT ignored by the caller (a shell's
    background job) stays ignored."""
    root = tmp_path / "plans"
    root.mkdir()
    make_plan_pdf(root)
    names = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    saved = {signum: signal.getsignal(signum) for signum in names}
    # What a `nohup pytest` (and with "ignored", `nohup pytest &`) starts with.
    before = {signal.SIGINT: signal.default_int_handler if sigint == "default" else signal.SIG_IGN,
              signal.SIGTERM: signal.SIG_DFL, signal.SIGHUP: signal.SIG_IGN}
    try:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        code, _out, err = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"), "--jobs", "1")
        assert code == ExitCode.OK, err
        assert {signum: signal.getsignal(signum) for signum in names} == before
        run_batch(root, tmp_path / "out2", BatchOptions(jobs=1))
        assert {signum: signal.getsignal(signum) for signum in names} == before
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def test_a_result_bigger_than_the_pipe_buffer_does_not_stall_the_worker(tmp_path: Path) -> None:
    """Regression: the parent read a worker's result only after the worker exited, so a result over
    the pipe's buffer (64 KiB; a collected document of a long plan) blocked the worker in send()
    until its timeout, and the file was reported as timed out."""
    from .fixtures_bad import big_result_worker

    root = tmp_path / "plans"
    root.mkdir()
    make_plan_pdf(root)
    plans: list[dict] = []
    options = BatchOptions(jobs=1, timeout=20, collect=True, convert=big_result_worker)
    started = time.monotonic()
    report = run_batch(root, tmp_path / "out", options, on_plan=lambda _rel, plan: plans.append(plan))
    assert [(r.input, r.status) for r in report.files] == [("plan.pdf", "ok")]
    assert len(plans) == 1 and len(plans[0]["padding"]) == 1_000_000
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "{missing}", "-o", "{out}"],
        ["batch", "{file}", "-o", "{out}"],
        ["batch", "{root}", "-o", "{root}"],
        ["batch", "{root}", "-o", "{out}", "--format", "xml"],
        ["batch", "{root}", "-o", "{out}", "--jobs", "0"],
        ["batch", "{root}"],
    ],
    ids=["missing-dir", "file-not-dir", "outdir-is-dir", "bad-format", "zero-jobs", "no-outdir"],
)
def test_bad_usage_exits_2(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "plans"
    root.mkdir()
    make_plan_pdf(root)
    names = {"missing": tmp_path / "nope", "file": root / "plan.pdf", "root": root, "out": tmp_path / "out"}
    code, stdout, stderr = run_cli(capsys, *[a.format(**names) for a in args])
    assert code == ExitCode.USAGE, stderr
    assert stdout == "" and "Traceback" not in stderr
    assert not (tmp_path / "out").exists()
    assert not (root / "report.json").exists()


def test_failures_are_retried_when_the_options_change(tmp_path: Path) -> None:
    """An encrypted PDF fails without a password; run again with --password and it is converted."""
    from planparse.settings import ExtractOptions

    from .fixtures_bad import ENCRYPTED_PASSWORD, make_encrypted_with_password

    root = tmp_path / "plans"
    root.mkdir()
    make_encrypted_with_password(root)
    outdir = tmp_path / "out"
    first = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert (first.status, first.error["code"]) == ("failed", "encrypted")
    assert run_batch(root, outdir, BatchOptions(jobs=1)).files[0].status == "skipped"
    with_password = BatchOptions(jobs=1, extract=ExtractOptions(password=ENCRYPTED_PASSWORD))
    again = run_batch(root, outdir, with_password).files[0]
    assert (again.status, again.records) == ("ok", 6)
    assert ENCRYPTED_PASSWORD not in (outdir / "report.json").read_text("utf-8")


def test_only_failures_that_depend_on_a_changed_option_are_retried(tmp_path: Path) -> None:
    """A longer --timeout retries timeouts, not files refused for their content."""
    root = tmp_path / "plans"
    root.mkdir()
    make_plan_pdf(root, "hang.pdf")
    (root / "empty.pdf").write_bytes(b"")
    outdir = tmp_path / "out"
    options = BatchOptions(jobs=2, timeout=3, convert=misbehaving_worker)
    first = {r.input: r.status for r in run_batch(root, outdir, options).files}
    assert first == {"empty.pdf": "failed", "hang.pdf": "timeout"}
    same = {r.input: r.status for r in run_batch(root, outdir, options).files}
    assert same == {"empty.pdf": "skipped", "hang.pdf": "skipped"}
    longer = BatchOptions(jobs=2, timeout=4, convert=misbehaving_worker)
    retried = {r.input: r.status for r in run_batch(root, outdir, longer).files}
    assert retried == {"empty.pdf": "skipped", "hang.pdf": "timeout"}
