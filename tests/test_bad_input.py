"""Bad input: every case gives one line naming the file and the reason, its exit code, no output.

The broken files are generated in tmp folders by `tests/fixtures_bad.py`.
Run the 500-page memory case with `PLANPARSE_SLOW=1 pytest tests/test_bad_input.py -k 500`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import planparse
from planparse.cli import main
from planparse.errors import ExitCode, PlanparseError

from .fixtures_bad import (
    BAD_CASES,
    ENCRYPTED_PASSWORD,
    BadCase,
    make_big_pdf,
    make_encrypted_empty_password,
    make_encrypted_with_password,
    make_no_tables_pdf,
    make_plan_pdf,
    make_zip_bomb_docx,
)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(folder: Path, made: Path) -> list[str]:
    """Files in `folder` other than the input: outputs or temporary .part files."""
    return sorted(p.name for p in folder.iterdir() if p != made and not p.name.startswith(".source-"))


@pytest.mark.parametrize("case", BAD_CASES, ids=[c.name for c in BAD_CASES])
def test_cli_refuses_bad_input_in_one_line(case: BadCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = case.make(tmp_path)
    out = tmp_path / "out.json"
    code, stdout, stderr = run_cli(capsys, "extract", str(made), "-o", str(out))
    assert code == case.exit_code, stderr
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"planparse: {made}: "), lines[0]
    for word in case.words:
        assert word.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in stderr
    assert leftovers(tmp_path, made) == []


@pytest.mark.parametrize("case", BAD_CASES, ids=[c.name for c in BAD_CASES])
def test_library_raises_planparse_error(case: BadCase, tmp_path: Path) -> None:
    made = case.make(tmp_path)
    with pytest.raises(PlanparseError) as caught:
        planparse.extract(made)
    assert caught.value.code == case.error_code
    assert caught.value.exit_code == case.exit_code
    assert caught.value.path == str(made)


def test_stdout_stays_empty_without_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = BAD_CASES[0].make(tmp_path)
    code, stdout, _ = run_cli(capsys, "extract", str(made))
    assert code == ExitCode.CORRUPT_INPUT
    assert stdout == ""


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    plan = planparse.extract(make_encrypted_empty_password(tmp_path))
    assert len(plan.records) == 6
    assert plan.records[0].owners == ["Hyvinvointiryhmä"]


def test_owner_password_only_pdf_opens_whatever_password_is_given(tmp_path: Path) -> None:
    """`batch --password X` applies X to every file; a PDF that opens with no password must still open."""
    plan = planparse.extract(make_encrypted_empty_password(tmp_path), planparse.ExtractOptions(password="jotain muuta"))
    assert len(plan.records) == 6


def test_encrypted_pdf_opens_with_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_encrypted_with_password(tmp_path)
    code, stdout, stderr = run_cli(capsys, "extract", str(made), "--password", ENCRYPTED_PASSWORD)
    assert code == 0, stderr
    assert len(json.loads(stdout)["records"]) == 6


def test_encrypted_pdf_wrong_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_encrypted_with_password(tmp_path)
    code, stdout, stderr = run_cli(capsys, "extract", str(made), "--password", "väärä")
    assert code == ExitCode.ENCRYPTED
    assert stdout == ""
    assert stderr.startswith(f"planparse: {made}: ") and "password" in stderr
    assert len(stderr.splitlines()) == 1


def test_pdf_without_tables_gives_no_records_and_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = make_no_tables_pdf(tmp_path)
    code, stdout, stderr = run_cli(capsys, "extract", str(made))
    assert code == 0, stderr
    document = json.loads(stdout)
    assert document["records"] == []
    assert [w["code"] for w in document["warnings"]] == ["no-plan-table"]


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_directory_or_missing_path(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plans" if kind == "directory" else tmp_path / "ei-ole.pdf"
    if kind == "directory":
        target.mkdir()
    out = tmp_path / "out.json"
    code, stdout, stderr = run_cli(capsys, "extract", str(target), "-o", str(out))
    assert code == ExitCode.INPUT_MISSING
    assert stdout == ""
    assert stderr.startswith(f"planparse: {target}: ") and len(stderr.splitlines()) == 1
    assert not out.exists()


def _cli(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from planparse.cli import main; sys.exit(main())", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=env,
    )


def test_extract_reads_stdin(tmp_path: Path) -> None:
    made = make_plan_pdf(tmp_path)
    done = _cli("extract", "-", stdin=made.read_bytes())
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["source"]["file"] == "-"
    assert len(document["records"]) == 6


def test_extract_stdin_bad_input_names_stdin(tmp_path: Path) -> None:
    done = _cli("extract", "-", stdin=b"<html><body>ei</body></html>")
    assert done.returncode == ExitCode.UNSUPPORTED_FORMAT
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == [
        "planparse: -: an HTML page, not a PDF or DOCX (download the document itself, not the web page)"
    ]


# ---------------------------------------------------------------- memory


_PEAK = textwrap.dedent(
    """
    import json, resource, sys
    import planparse
    try:
        plan = planparse.extract(sys.argv[1])
        result = {"records": len(plan.records), "pages": plan.source.pages}
    except planparse.PlanparseError as err:
        result = {"error": err.code, "message": str(err)}
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
    """
)


def peak_rss(path: Path) -> dict:
    """Extract `path` in a fresh interpreter; its result plus peak resident memory in MB."""
    done = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    """The 256 MB bomb is refused while the process stays far below what inflating it would take."""
    result = peak_rss(make_zip_bomb_docx(tmp_path, megabytes=256))
    assert result["error"] == "corrupt-input" and "zip bomb" in result["message"]
    assert result["peak_mb"] < 200, result


MEMORY_BOUND_MB = 512


def test_long_pdf_stays_within_memory_bound(tmp_path: Path) -> None:
    result = peak_rss(make_big_pdf(tmp_path, pages=25))
    assert result["pages"] == 25
    assert result["records"] == 25 * 8
    assert result["peak_mb"] < MEMORY_BOUND_MB, result


@pytest.mark.skipif(not os.environ.get("PLANPARSE_SLOW"), reason="slow (~90 s): set PLANPARSE_SLOW=1")
def test_500_page_pdf_stays_within_memory_bound(tmp_path: Path) -> None:
    result = peak_rss(make_big_pdf(tmp_path, pages=500))
    print(f"500 pages: {result}")
    assert result["pages"] == 500
    assert result["records"] == 500 * 8
    assert result["peak_mb"] < MEMORY_BOUND_MB, result


# ---------------------------------------------------------------- the guard in read_document


def _failing_reader(exc: BaseException):  # type: ignore[no-untyped-def]
    def read(source, options):  # type: ignore[no-untyped-def]
        raise exc

    return lambda kind: read


@pytest.mark.parametrize(
    "exc",
    [ValueError("bad xref"), KeyError("Root"), IndexError("list index out of range"), AssertionError()],
    ids=lambda e: e.__class__.__name__,
)
def test_guard_turns_parser_exceptions_into_corrupt_input(exc: Exception, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_plan_pdf(tmp_path)
    monkeypatch.setattr("planparse.extractors._reader", _failing_reader(exc))
    with pytest.raises(PlanparseError) as caught:
        planparse.extract(made)
    assert caught.value.code == "corrupt-input"
    assert caught.value.path == str(made)
    assert exc.__class__.__name__ in caught.value.reason and "PDF" in caught.value.reason
    assert "\n" not in str(caught.value)
    assert caught.value.__suppress_context__  # no chained traceback for a library user either


def test_guard_memory_error_becomes_out_of_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_plan_pdf(tmp_path)
    monkeypatch.setattr("planparse.extractors._reader", _failing_reader(MemoryError()))
    with pytest.raises(PlanparseError) as caught:
        planparse.extract(made)
    assert caught.value.code == "out-of-memory" and caught.value.exit_code == ExitCode.OUT_OF_MEMORY


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), SystemExit(3)], ids=["KeyboardInterrupt", "SystemExit"])
def test_guard_lets_interrupts_through(exc: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = make_plan_pdf(tmp_path)
    monkeypatch.setattr("planparse.extractors._reader", _failing_reader(exc))
    with pytest.raises(type(exc)):
        planparse.extract(made)


def test_guard_names_pdfminer_exception_inside_pdfplumber_wrapper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    made = make_plan_pdf(tmp_path)
    monkeypatch.setattr("planparse.extractors._reader", _failing_reader(PdfminerException(PDFSyntaxError("No /Root object!"))))
    with pytest.raises(PlanparseError) as caught:
        planparse.extract(made)
    assert caught.value.code == "corrupt-input"
    assert "PDFSyntaxError: No /Root object!" in caught.value.reason


def test_unreadable_file_is_one_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied (simulated: the tests may run as root, who can read anything)."""
    from planparse.source import Source

    made = make_plan_pdf(tmp_path)

    def denied(self):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(made))

    monkeypatch.setattr(Source, "open", denied)
    code, stdout, stderr = run_cli(capsys, "extract", str(made))
    assert code == ExitCode.CORRUPT_INPUT
    assert stdout == ""
    assert stderr.splitlines() == [f"planparse: {made}: cannot read the file (Permission denied)"]


@pytest.fixture(scope="module")
def libreoffice_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice profile for the module: creating a profile is most of a conversion's time."""
    return tmp_path_factory.mktemp("libreoffice") / "profile"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize(
    ("fmt", "words"),
    [("doc", ("old binary word file (.doc)", ".docx")), ("odt", ("opendocument", ".docx"))],
)
def test_real_libreoffice_conversions_are_refused_with_a_hint(
    fmt: str, words: tuple[str, ...], tmp_path: Path, libreoffice_profile: Path
) -> None:
    """The hand-built .doc/.odt above, checked against the real thing: LibreOffice saves a sample as each."""
    source = Path(__file__).resolve().parent.parent / "samples" / "turku-yhta.docx"
    # LibreOffice aborts (std::bad_alloc) when pyenv's directories lead PATH (see samples/build.py).
    env = {k: v for k, v in os.environ.items() if "PYENV" not in k}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".pyenv" not in p)
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{libreoffice_profile}"]
    command += ["--convert-to", fmt, "--outdir", str(tmp_path), str(source)]
    made = tmp_path / f"turku-yhta.{fmt}"
    for _ in range(2):  # the first run on a fresh profile may exit 1
        done = subprocess.run(command, capture_output=True, timeout=240, env=env)
        if made.is_file():
            break
    assert made.is_file(), done.stderr.decode()
    with pytest.raises(PlanparseError) as caught:
        planparse.extract(made)
    assert caught.value.exit_code == ExitCode.UNSUPPORTED_FORMAT
    for word in words:
        assert word in str(caught.value).lower()
