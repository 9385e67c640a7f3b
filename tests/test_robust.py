"""Issue 15 (and the rough edges of 14.4): nothing lost, nothing silently wrong.

Each test reproduces one finding of the adversarial review: hostile file
names, resume by content, output errors, signals, closed pipes, memory
bounds, special files in the input folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from planparse.batch.runner import REPORT_NAME, BatchOptions, run_batch
from planparse.cli import main
from planparse.errors import ExitCode
from planparse.settings import ExtractOptions

from .fixtures_bad import make_plan_pdf

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SMALL = SAMPLES / "rl-ruled-hyvinvointi.pdf"  # 14 records
OTHER = SAMPLES / "rl-borderless-osallisuus.pdf"
PLANPARSE = [sys.executable, "-c", "import sys; from planparse.cli import main; sys.exit(main())"]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def report_of(outdir: Path) -> dict[str, dict]:
    return {entry["input"]: entry for entry in json.loads((outdir / REPORT_NAME).read_text("utf-8"))["files"]}


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


# ---------------------------------------------------------------- 1, 2: names


def test_file_name_that_is_not_utf8_converts_and_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    bad = os.fsdecode(b"x\xff.pdf")
    shutil.copy(SMALL, root / bad)
    shutil.copy(SMALL, root / "good.pdf")
    outdir = tmp_path / "out"
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(outdir))
    assert code == 0, stderr
    assert "internal error" not in stderr
    report = report_of(outdir)
    assert set(report) == {"good.pdf", "x\\xff.pdf"}
    entry = report["x\\xff.pdf"]
    assert entry["status"] == "ok" and entry["records"] == 14
    document = json.loads((outdir / os.fsdecode(b"x\xff.pdf.json")).read_text("utf-8"))
    assert len(document["records"]) == 14
    # The second run resumes (the odd name is matched again).
    code, _, _ = run_cli(capsys, "batch", str(root), "-o", str(outdir))
    assert code == 0 and report_of(outdir)["x\\xff.pdf"]["status"] == "skipped"


def test_input_named_report_does_not_lose_its_output_to_the_report(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "report")
    outdir = tmp_path / "out"
    report = run_batch(root, outdir, BatchOptions(jobs=1))
    (result,) = report.files
    assert result.status == "ok" and result.output != REPORT_NAME
    data = json.loads((outdir / REPORT_NAME).read_text("utf-8"))
    assert data["schema"] == "planparse-batch/1"
    assert len(json.loads((outdir / result.output).read_text("utf-8"))["records"]) == 14


# ---------------------------------------------------------------- 3, 7: output errors


def test_extract_to_a_full_disk_exits_9(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*PLANPARSE, "extract", str(SMALL)], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    assert done.returncode == ExitCode.OUTPUT_ERROR, done.stderr
    assert "no space left" in one_line(done.stderr).lower()


@pytest.mark.parametrize("target", ["dir", "empty", "under-a-file"])
def test_extract_output_errors_exit_9(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("x")
    output = {"dir": str(tmp_path), "empty": "", "under-a-file": str(tmp_path / "a-file" / "x.json")}[target]
    code, stdout, stderr = run_cli(capsys, "extract", str(SMALL), "-o", output)
    assert code == ExitCode.OUTPUT_ERROR, stderr
    assert stdout == ""
    line = one_line(stderr)
    assert ".part" not in line and "[Errno" not in line
    assert not list(tmp_path.rglob("*.part"))


def test_extract_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "a.pdf"
    shutil.copy(SMALL, pdf)
    code, _, stderr = run_cli(capsys, "extract", str(pdf), "-o", str(tmp_path / "." / "a.pdf"))
    assert code == ExitCode.USAGE
    assert "input" in one_line(stderr)
    assert pdf.read_bytes() == SMALL.read_bytes()


def test_batch_checks_outdir_is_writable_before_converting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    (tmp_path / "a-file").write_text("x")
    started = time.monotonic()
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "a-file" / "out"))
    assert code == ExitCode.OUTPUT_ERROR, stderr
    assert "[1/1]" not in stderr  # nothing was converted
    assert "cannot write" in one_line(stderr)
    assert time.monotonic() - started < 10


def test_batch_report_unwritable_exits_9(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    outdir = tmp_path / "out"
    (outdir / REPORT_NAME).mkdir(parents=True)  # the report's place is taken by a folder
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(outdir))
    assert code == ExitCode.OUTPUT_ERROR, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert "report.json" in stderr.splitlines()[-1]


def test_worker_write_failure_is_output_error_without_errno_or_part_name(tmp_path: Path) -> None:
    from planparse.batch.runner import Task, convert_file

    (tmp_path / "a-file").write_text("x")
    result = convert_file(Task(SMALL, tmp_path / "a-file" / "x.json", "json", ExtractOptions(), None))
    assert result["error"]["code"] == "output-error" and result["error"]["exit_code"] == 9
    assert "[Errno" not in result["error"]["message"] and ".part" not in result["error"]["message"]


# ---------------------------------------------------------------- 4, 5, 14.4: resume


def test_resume_decides_by_content_not_modification_time(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy2(SMALL, root / "plan.pdf")
    outdir = tmp_path / "out"
    first = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert first.records == 14
    shutil.copy2(OTHER, root / "plan.pdf")  # cp -p: another document, an older mtime
    os.utime(root / "plan.pdf", (1_000_000, 1_000_000))
    again = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert again.status == "ok"
    written = json.loads((outdir / "plan.pdf.json").read_text("utf-8"))
    assert written["source"]["sha256"] != json.loads(json.dumps(first.to_dict())).get("sha256")
    assert len(written["records"]) == again.records != 14


def test_output_path_that_is_a_directory_is_not_up_to_date(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SMALL, root / "plan.pdf")
    outdir = tmp_path / "out"
    (outdir / "plan.pdf.json").mkdir(parents=True)
    result = run_batch(root, outdir, BatchOptions(jobs=1)).files[0]
    assert result.status == "failed" and result.error["code"] == "output-error"


@pytest.mark.parametrize("changed", [{"ocr_repair": False}, {"pdf_parser": "pdfminer"}, {"lang": "sv"}])
def test_resume_redoes_outputs_when_the_options_changed(changed: dict, tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SMALL, root / "plan.pdf")
    outdir = tmp_path / "out"
    assert run_batch(root, outdir, BatchOptions(jobs=1)).files[0].status == "ok"
    assert run_batch(root, outdir, BatchOptions(jobs=1)).files[0].status == "skipped"
    other = BatchOptions(jobs=1, extract=ExtractOptions(**changed))
    assert run_batch(root, outdir, other).files[0].status == "ok"
    assert run_batch(root, outdir, other).files[0].status == "skipped"


def test_resume_redoes_outputs_when_the_format_changed_is_a_new_output(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SMALL, root / "plan.pdf")
    outdir = tmp_path / "out"
    run_batch(root, outdir, BatchOptions(jobs=1))
    assert run_batch(root, outdir, BatchOptions(jobs=1, fmt="csv")).files[0].status == "ok"


def test_skipped_files_keep_their_records_after_a_resume(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SMALL, root / "plan.pdf")
    outdir = tmp_path / "out"
    run_batch(root, outdir, BatchOptions(jobs=1))
    again = run_batch(root, outdir, BatchOptions(jobs=1))
    entry = report_of(outdir)["plan.pdf"]
    assert (entry["status"], entry["records"], entry["warnings"]) == ("skipped", 14, 0)
    assert again.files[0].records == 14


# ---------------------------------------------------------------- 6: signals, stale parts


_BATCH = textwrap.dedent(
    """
    import sys
    from planparse.batch.runner import BatchOptions, run_batch
    from tests.fixtures_bad import misbehaving_worker
    report = run_batch(sys.argv[1], sys.argv[2], BatchOptions(jobs=2, timeout=600, convert=misbehaving_worker),
                       on_result=lambda r: print("done", r.input, flush=True))
    sys.exit(report.exit_code)
    """
)


def test_sigterm_stops_workers_and_writes_the_report(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    root.mkdir()
    make_plan_pdf(root, "a-good.pdf")
    make_plan_pdf(root, "partial.pdf")
    make_plan_pdf(root, "hang.pdf")
    outdir = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-c", _BATCH, str(root), str(outdir)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "done a-good.pdf"
    deadline = time.monotonic() + 30
    while not list(outdir.glob(".partial.pdf.json.*.part")) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err
    report = json.loads((outdir / REPORT_NAME).read_text("utf-8"))
    assert report["interrupted"] is True
    assert [(f["input"], f["status"]) for f in report["files"]] == [("a-good.pdf", "ok")]
    time.sleep(1.5)
    assert sorted(p.name for p in outdir.iterdir()) == ["a-good.pdf.json", REPORT_NAME]


def test_stale_part_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "plans"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SMALL, root / "sub" / "a.pdf")
    outdir = tmp_path / "out"
    (outdir / "sub").mkdir(parents=True)
    stale = [outdir / "sub" / ".a.pdf.json.k2j3h4ab.part", outdir / ".gone.pdf.json.zz9x_0a1.part", outdir / ".report.json.q1w2e3r4.part"]
    for path in stale:
        path.write_text('{"half')
    keep = outdir / "notes.part"  # not ours: left alone
    keep.write_text("mine")
    run_batch(root, outdir, BatchOptions(recursive=True, jobs=1))
    assert not any(path.exists() for path in stale)
    assert keep.exists()


# ---------------------------------------------------------------- 8: memory, timeout


def test_extract_stdin_from_dev_zero_is_out_of_memory_not_a_bug(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([*PLANPARSE, "extract", "-"], stdin=zero, capture_output=True, text=True, timeout=120)
    assert done.returncode == ExitCode.OUT_OF_MEMORY, done.stderr
    one_line(done.stderr)


def test_timeout_inf_means_no_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"), "--timeout", "inf")
    assert code == 0, stderr


def test_timeout_nan_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"), "--timeout", "nan")
    assert code == ExitCode.USAGE
    one_line(stderr)


# ---------------------------------------------------------------- 9: closed pipe


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_closed_pipe_ends_quietly(fmt: str) -> None:
    files = [str(SAMPLES / "turku-yhta.docx"), str(SMALL), str(SAMPLES / "helsinki-kotoutuminen.docx")]
    command = " ".join(PLANPARSE[:2]) + f" '{PLANPARSE[2]}' extract -f {fmt} " + " ".join(files) + " | head -1 >/dev/null"
    done = subprocess.run(["bash", "-c", command + "; exit ${PIPESTATUS[0]}"], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


# ---------------------------------------------------------------- 11: terminal escapes


def test_terminal_escapes_in_file_names_never_reach_stderr_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "evil\x1b]0;owned\x07\x1b[2J.pdf"
    code, _, stderr = run_cli(capsys, "extract", str(tmp_path / name))
    assert code == ExitCode.INPUT_MISSING
    assert "\x1b" not in stderr and "\x07" not in stderr
    assert "\\x1b" in stderr
    root = tmp_path / "d"
    root.mkdir()
    (root / name).write_bytes(b"")
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"))
    assert code == ExitCode.SOME_FAILED
    assert "\x1b" not in stderr and "\x07" not in stderr


# ---------------------------------------------------------------- 12: special files


def test_fifo_and_broken_symlinks_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    os.mkfifo(root / "pipe.pdf")
    (root / "dangling.pdf").symlink_to(root / "nowhere.pdf")
    (root / "loop.pdf").symlink_to(root / "loop.pdf")
    report = run_batch(root, tmp_path / "out", BatchOptions(jobs=1, timeout=30))
    by_name = {r.input: r for r in report.files}
    assert set(by_name) == {"a.pdf", "pipe.pdf", "dangling.pdf", "loop.pdf"}
    assert by_name["a.pdf"].status == "ok"
    for name, words in {"pipe.pdf": "not a regular file", "dangling.pdf": "link", "loop.pdf": "loop"}.items():
        assert by_name[name].status == "failed" and by_name[name].error["exit_code"] == ExitCode.INPUT_MISSING
        assert words in by_name[name].error["message"], by_name[name].error
    assert report.exit_code == ExitCode.SOME_FAILED


def test_symlinked_folders_are_followed_with_recursive_and_loops_reported(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SMALL, elsewhere / "b.pdf")
    root = tmp_path / "d"
    (root / "real").mkdir(parents=True)
    shutil.copy(SMALL, root / "real" / "a.pdf")
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "real" / "up").symlink_to(root, target_is_directory=True)  # a loop
    report = run_batch(root, tmp_path / "out", BatchOptions(recursive=True, jobs=1))
    by_name = {r.input: r for r in report.files}
    assert by_name["real/a.pdf"].status == "ok"
    assert by_name["linked/b.pdf"].status == "ok"
    assert by_name["real/up"].status == "skipped" and "loop" in by_name["real/up"].note
    assert len(report.files) == 3


# ---------------------------------------------------------------- 14.4


def test_import_planparse_without_the_resource_module() -> None:
    code = "import sys; sys.modules['resource'] = None; import planparse, planparse.batch.runner, planparse.cli.batch_cmd; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_format_names_are_case_insensitive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, stdout, stderr = run_cli(capsys, "extract", str(SMALL), "-f", "CSV")
    assert code == 0, stderr
    assert stdout.startswith("document,")
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"), "--format", "JSONL")
    assert code == 0, stderr
    assert (tmp_path / "out" / "a.pdf.jsonl").is_file()


def test_shell_completion_is_offered(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run_cli(capsys, "--help")
    assert "--install-completion" in stdout and "--show-completion" in stdout
    script = Path(sys.executable).parent / "planparse"  # the installed command, as a shell would run it
    done = subprocess.run([str(script), "--show-completion", "bash"], capture_output=True, text=True,
                          env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert done.returncode == 0, done.stderr
    assert "complete -o default -F _planparse_completion planparse" in done.stdout, done.stdout


def test_inspect_png_gets_the_usual_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o022)
    try:
        code, _, stderr = run_cli(capsys, "inspect", str(SMALL), "--page", "1", "-o", str(tmp_path / "p.png"))
    finally:
        os.umask(old)
    assert code == 0, stderr
    assert (tmp_path / "p.png").stat().st_mode & 0o777 == 0o644


def test_every_imported_package_is_declared() -> None:
    """Top-level imports of src/planparse map to distributions listed in pyproject's dependencies."""
    import ast
    import importlib.metadata
    import re
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    declared = {re.split(r"[<>=!\[ ;]", dep, 1)[0].lower().replace("_", "-") for dep in project["dependencies"]}
    optional = {re.split(r"[<>=!\[ ;]", dep, 1)[0].lower() for deps in project["optional-dependencies"].values() for dep in deps}
    distributions = importlib.metadata.packages_distributions()
    missing = set()
    for path in (REPO / "src" / "planparse").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top == "planparse" or top in sys.stdlib_module_names or (REPO / top).is_dir():
                    continue  # our own code: the package, or the repo's samples/ and tools/ folders
                dists = {d.lower().replace("_", "-") for d in distributions.get(top, [])}
                if not dists & (declared | optional):
                    missing.add(f"{top} ({path.name})")
    assert not missing, sorted(missing)


# ---------------------------------------------------------------- 8, 10: DOCX memory


def test_docx_over_the_memory_allowed_is_out_of_memory_and_retried_when_raised(tmp_path: Path) -> None:
    from .fixtures_big import make_repetitive_docx

    root = tmp_path / "d"
    root.mkdir()
    make_repetitive_docx(root, tables=4000)  # ~2.4 MB of XML: ~60 MB to read
    outdir = tmp_path / "out"
    tight = run_batch(root, outdir, BatchOptions(jobs=1, max_memory_mb=150)).files[0]
    assert (tight.status, tight.error["code"], tight.error["exit_code"]) == ("failed", "out-of-memory", 10), tight.error
    assert "--max-memory" in tight.error["message"]
    assert run_batch(root, outdir, BatchOptions(jobs=1, max_memory_mb=150)).files[0].status == "skipped"
    raised = run_batch(root, outdir, BatchOptions(jobs=1, max_memory_mb=2048)).files[0]
    assert (raised.status, raised.records) == ("ok", 4000)


_LXML_OOM = textwrap.dedent(
    """
    import resource, sys
    import planparse.extractors.docx.package as package
    from planparse import extract
    from planparse.errors import PlanparseError
    from planparse.common.memory import _in_use
    package.XML_MEMORY_FACTOR = 0  # let the budget pass: the parse itself runs out
    limit = _in_use(True) + 40 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        extract(sys.argv[1])
        print("converted")
    except PlanparseError as err:
        print(err.code)
    """
)


def test_docx_parse_that_runs_out_of_memory_is_not_called_corrupt(tmp_path: Path) -> None:
    from .fixtures_big import make_repetitive_docx

    docx = make_repetitive_docx(tmp_path, tables=20000)  # ~12 MB of XML: far more than 40 MB to parse
    done = subprocess.run([sys.executable, "-c", _LXML_OOM, str(docx)], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "out-of-memory", done.stdout + done.stderr


def test_heavy_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    """A DOCX whose XML would take ~3 GB to parse ends at once with exit 10 (it took 5.3 GB and 108 s)."""
    from .fixtures_big import make_heavy_docx

    docx = make_heavy_docx(tmp_path, rows=400_000)  # 15 MB file, 128 MB of XML
    started = time.monotonic()
    done = subprocess.run([*PLANPARSE, "extract", str(docx)], capture_output=True, text=True, timeout=120)
    assert done.returncode == ExitCode.OUT_OF_MEMORY, done.stderr
    assert "needs about" in one_line(done.stderr)
    assert time.monotonic() - started < 30


def test_repetitive_docx_is_not_taken_for_a_zip_bomb(tmp_path: Path) -> None:
    from planparse.extractors.docx.package import check_zip_sizes
    from planparse.source import Source

    from .fixtures_big import make_repetitive_docx

    docx = make_repetitive_docx(tmp_path, tables=50_000)  # 30 MB of XML in 180 kB: 205:1
    check_zip_sizes(Source.from_path(docx))  # raises if refused


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PLANPARSE_SLOW"), reason="slow (~2 min): set PLANPARSE_SLOW=1")
def test_repetitive_docx_with_50000_tables_converts_under_2_gb(tmp_path: Path) -> None:
    from .fixtures_big import make_repetitive_docx

    docx = make_repetitive_docx(tmp_path, tables=50_000)
    code = ("import resource, sys, json; from planparse import extract; plan = extract(sys.argv[1]); "
            "print(json.dumps([len(plan.records), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024]))")
    done = subprocess.run([sys.executable, "-c", code, str(docx)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    records, peak_mb = json.loads(done.stdout)
    assert records == 50_000 and peak_mb < 2048


def _huge_page_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(100_000, 60_000))  # a MediaBox of 35 x 21 metres
    c.setFont("Helvetica", 400)
    c.drawString(2000, 50_000, "Tavoite  Toimenpide  Vastuu")
    c.save()
    return path


_CAPPED = textwrap.dedent(
    """
    import resource, sys
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from planparse.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_inspect_of_a_huge_page_is_drawn_within_bounded_memory(tmp_path: Path) -> None:
    from PIL import Image

    from planparse.outputs.inspect import MAX_PIXELS

    pdf = _huge_page_pdf(tmp_path / "huge.pdf")
    png = tmp_path / "huge.png"
    done = subprocess.run([sys.executable, "-c", _CAPPED, "inspect", str(pdf), "--page", "1", "-o", str(png)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Image.open(png) as image:
        assert image.width * image.height <= MAX_PIXELS * 1.2  # the page, plus the legend band
        assert image.width > 1000


@pytest.fixture
def full_tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 1 MB tmpfs, filled to the last block (needs root and mount; skipped elsewhere)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_batch_into_a_full_disk_exits_9_and_leaves_no_part_files(full_tmpfs: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(full_tmpfs / "out"))
    assert code == ExitCode.OUTPUT_ERROR, stderr
    assert "no space left" in stderr.lower()
    assert "Traceback" not in stderr and "[Errno" not in stderr and ".part" not in stderr
    assert not list(full_tmpfs.rglob("*.part"))
    code, _, stderr = run_cli(capsys, "extract", str(SMALL), "-o", str(full_tmpfs / "x.json"))
    assert code == ExitCode.OUTPUT_ERROR
    assert "no space left" in one_line(stderr).lower()
    assert not (full_tmpfs / "x.json").exists() and not list(full_tmpfs.rglob("*.part"))


def test_read_only_place_exits_9(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only folder (simulated: root may write anywhere) is an output error, for extract and for batch."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, stderr = run_cli(capsys, "extract", str(SMALL), "-o", str(tmp_path / "x.json"))
    assert code == ExitCode.OUTPUT_ERROR
    assert "permission denied" in one_line(stderr).lower()
    root = tmp_path / "d"
    root.mkdir()
    shutil.copy(SMALL, root / "a.pdf")
    code, _, stderr = run_cli(capsys, "batch", str(root), "-o", str(tmp_path / "out"))
    assert code == ExitCode.OUTPUT_ERROR
    assert "permission denied" in one_line(stderr).lower()
