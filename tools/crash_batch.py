"""Crash safety of `planparse batch`: kill it at random moments, resume, check nothing is lost.

A folder of sample plans plus a few bad files is converted again and again;
each run is stopped at a random moment with SIGKILL (the batch process alone,
or its whole process group as `kill -9 -PGID` does), SIGTERM or SIGINT.  Each
run resumes from what the last one left.  After every kill:

- every output file is complete and valid (parses, planparse/1 schema) and
  equal to the reference output of an uninterrupted run, or absent;
- no worker survives its batch (they die with it, also after SIGKILL);
- SIGTERM ends with 143 and SIGINT with 130, both with a report.json.

At the end one run goes to completion: no `.part` file survives it, and
report.json lists every input exactly once with the status and record count
of the reference run.

Usage:
    nice -n 10 python tools/crash_batch.py --runs 50 --seed 1 [--work /tmp/crash] [--jobs 2]

Prints one line per run and the figures; exit status 1 on any violation.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GOOD = [
    "rl-ruled-hyvinvointi.pdf",
    "rl-borderless-osallisuus.pdf",
    "strandby-jamstalldhet.pdf",
    "strandby-jamstalldhet.docx",
    "jarvela-ilmasto.docx",
    "jarvela-ilmasto-hrules.pdf",
    "turku-yhta.docx",
    "vake-osallisuus.docx",
]
COMMAND = [sys.executable, "-c", "import sys; from planparse.cli import main; sys.exit(main())"]
KINDS = ("SIGKILL", "SIGKILL-group", "SIGTERM", "SIGINT")


def make_inputs(root: Path) -> None:
    """The good samples (one in a subfolder) and three files that fail (empty, truncated, not a plan format)."""
    (root / "sub").mkdir(parents=True)
    for i, name in enumerate(GOOD):
        shutil.copy(SAMPLES / name, (root / "sub" if i % 3 == 0 else root) / name)
    (root / "empty.pdf").write_bytes(b"")
    (root / "truncated.pdf").write_bytes((SAMPLES / GOOD[0]).read_bytes()[:900])
    (root / "notes.odt").write_bytes(b"PK\x03\x04 not really")


@dataclass
class Figures:
    runs: int = 0
    by_kind: Counter = field(default_factory=Counter)
    killed_mid_run: int = 0  # the signal arrived before the batch ended
    finished_first: int = 0  # the batch ended before the signal
    parts_after_kill: int = 0  # .part files a kill left (removed by a later run)
    outcomes: Counter = field(default_factory=Counter)  # what each signal did (see `_outcome`)
    outputs_checked: int = 0
    violations: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.by_kind.items()))
        return (
            f"crash-batch: {self.runs} killed runs ({kinds}); signal sent while running {self.killed_mid_run}, "
            f"finished before the signal {self.finished_first}; outcomes: "
            + ", ".join(f"{k} {n}" for k, n in sorted(self.outcomes.items()))
            + f"; .part files left by kills {self.parts_after_kill}; "
            f"outputs checked {self.outputs_checked}; violations {len(self.violations)}"
        )


def _validator():  # type: ignore[no-untyped-def]
    try:
        import jsonschema

        from planparse.schema import load_schema
    except ImportError:  # pragma: no cover - jsonschema is a test dependency
        return None
    return jsonschema.Draft202012Validator(load_schema())


def outputs(outdir: Path) -> dict[str, Path]:
    return {p.relative_to(outdir).as_posix(): p for p in outdir.rglob("*.json")
            if p.name != "report.json" and not p.name.endswith(".part")}


def check_outputs(outdir: Path, reference: dict[str, bytes], validator, figures: Figures, when: str) -> None:  # type: ignore[no-untyped-def]
    for rel, path in outputs(outdir).items():
        figures.outputs_checked += 1
        data = path.read_bytes()
        try:
            document = json.loads(data)
        except ValueError:
            figures.violations.append(f"{when}: {rel} is not valid JSON ({len(data)} bytes)")
            continue
        if validator is not None and not validator.is_valid(document):
            figures.violations.append(f"{when}: {rel} does not match the planparse schema")
        if rel not in reference:
            figures.violations.append(f"{when}: {rel} has no reference output")
        elif data != reference[rel]:
            figures.violations.append(f"{when}: {rel} differs from the uninterrupted run's output")


def _read_report(outdir: Path) -> dict | None:
    try:
        return json.loads((outdir / "report.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _outcome(kind: str, code: int | None, began: bool) -> str:
    """What a signal did to a run that was still alive when it was sent."""
    if kind.startswith("SIGKILL"):
        return "killed" if code == -signal.SIGKILL else "after the batch ended" if code in (0, 1) else "wrong exit"
    expected = 143 if kind == "SIGTERM" else 130
    number = signal.SIGTERM if kind == "SIGTERM" else signal.SIGINT
    if code == expected:
        return "stopped mid-batch" if began else "stopped before the batch began"
    if code in (0, 1):
        return "after the batch ended"  # the signal came while the finished process was exiting
    if code == -number:
        # Python's default handling: during the start-up imports (before planparse's handlers),
        # or during interpreter shutdown after the summary.
        return "after the batch ended" if began else "during start-up imports"
    return "wrong exit"


def _sigint_as_in_a_terminal() -> None:
    """The batch gets Ctrl-C's default handling even when this script runs as a shell's background
    job (`&`, nohup), whose children start with SIGINT ignored: else every SIGINT run would just
    finish the batch and count as "after the batch ended", testing nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover
        return True


def run(runs: int = 50, seed: int = 1, work: Path | None = None, jobs: int = 2, max_delay: float | None = None,
        on_line=print) -> Figures:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    figures = Figures()
    validator = _validator()
    scratch = Path(tempfile.mkdtemp(prefix="planparse-crash-")) if work is None else work
    shutil.rmtree(scratch, ignore_errors=True)
    root, outdir, refdir = scratch / "in", scratch / "out", scratch / "reference"
    make_inputs(root)
    base = [*COMMAND, "batch", str(root), "--recursive", "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}

    started = time.monotonic()
    done = subprocess.run([*base, "-o", str(refdir)], capture_output=True, text=True, env=env)
    full_time = time.monotonic() - started
    if done.returncode != 1:
        raise SystemExit(f"reference run exited {done.returncode}:\n{done.stderr[-2000:]}")
    reference = {rel: path.read_bytes() for rel, path in outputs(refdir).items()}
    ref_report = {e["input"]: e for e in json.loads((refdir / "report.json").read_text("utf-8"))["files"]}
    delay_cap = max_delay if max_delay is not None else max(full_time, 1.0)
    on_line(f"reference run: {len(ref_report)} inputs, {len(reference)} outputs, {full_time:.1f} s; kills within {delay_cap:.1f} s")

    for number in range(runs):
        kind = KINDS[number % len(KINDS)] if number < len(KINDS) else rng.choice(KINDS)
        force = rng.random() < 0.75
        # A resumed run has little left to do: kill it early; a forced one anywhere in a full run
        # (most signals should land while files are being converted, not after the batch ended).
        delay = rng.uniform(0.05, 0.9 * delay_cap if force else min(delay_cap, 3.0))
        process = subprocess.Popen([*base, "-o", str(outdir), *(["--force"] if force else [])], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                                   preexec_fn=_sigint_as_in_a_terminal)
        pgid = process.pid
        try:
            process.wait(timeout=delay)
            figures.finished_first += 1
            stopped = False
        except subprocess.TimeoutExpired:
            stopped = True
            figures.killed_mid_run += 1
            if kind == "SIGKILL-group":
                os.killpg(pgid, signal.SIGKILL)
            else:
                process.send_signal(getattr(signal, kind))
        _, stderr = process.communicate(timeout=120)
        figures.runs += 1
        figures.by_kind[kind] += 1
        code = process.returncode
        when = f"run {number} ({kind} after {delay:.2f} s{', --force' if force else ''})"
        began = "report: " in stderr  # the batch ran and printed its summary, naming report.json
        report = _read_report(outdir)
        if stopped:
            outcome = _outcome(kind, code, began)
            complete = report is not None and not report["interrupted"] and len(report["files"]) == len(ref_report)
            if outcome == "stopped mid-batch" and complete:
                outcome = "after the batch ended"  # the signal came while the summary was printed
            figures.outcomes[outcome] += 1
            if outcome == "wrong exit":
                figures.violations.append(f"{when}: exit {code} after {kind}")
            elif outcome == "stopped mid-batch" and (report is None or not report["interrupted"]):
                figures.violations.append(f"{when}: report.json missing or not marked interrupted")
            elif outcome == "after the batch ended" and (report is None or report["interrupted"]
                                                          or len(report["files"]) != len(ref_report)):
                figures.violations.append(f"{when}: ended normally but report.json is not complete")
        python_interrupt = code == -signal.SIGINT and stderr.rstrip().endswith("KeyboardInterrupt")
        if "Traceback" in stderr and not python_interrupt:
            figures.violations.append(f"{when}: traceback on stderr: {stderr[-300:]!r}")
        deadline = time.monotonic() + 10
        while group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if group_alive(pgid):
            figures.violations.append(f"{when}: a worker outlived its batch")
            os.killpg(pgid, signal.SIGKILL)
        parts = sorted(p.name for p in outdir.rglob("*.part")) if outdir.exists() else []
        figures.parts_after_kill += len(parts)
        check_outputs(outdir, reference, validator, figures, when)
        on_line(f"{when}: exit {code}, {len(outputs(outdir)) if outdir.exists() else 0} outputs, {len(parts)} .part")

    done = subprocess.run([*base, "-o", str(outdir)], capture_output=True, text=True, env=env)
    when = "final resume"
    if done.returncode != 1:
        figures.violations.append(f"{when}: exit {done.returncode}, expected 1 (three bad inputs)")
    parts = sorted(str(p) for p in outdir.rglob("*.part"))
    if parts:
        figures.violations.append(f"{when}: .part files survived: {parts}")
    check_outputs(outdir, reference, validator, figures, when)
    if set(outputs(outdir)) != set(reference):
        figures.violations.append(f"{when}: outputs {sorted(outputs(outdir))} != reference {sorted(reference)}")
    entries = json.loads((outdir / "report.json").read_text("utf-8"))["files"]
    names = [e["input"] for e in entries]
    if sorted(names) != sorted(ref_report) or len(names) != len(set(names)):
        figures.violations.append(f"{when}: report lists {sorted(names)}, expected each of {sorted(ref_report)} once")
    for entry in entries:
        ref = ref_report.get(entry["input"])
        if ref is None:
            continue
        ok_now = entry["status"] in ("ok", "skipped") and entry["error"] is None
        if (ref["status"] == "ok") != ok_now or entry["records"] != ref["records"]:
            figures.violations.append(f"{when}: {entry['input']}: {entry['status']}/{entry['records']}, "
                                      f"reference {ref['status']}/{ref['records']}")
        if ref["error"] and (entry["error"] or {}).get("code") != ref["error"]["code"]:
            figures.violations.append(f"{when}: {entry['input']}: error {entry['error']}, reference {ref['error']}")
    on_line(f"{when}: exit {done.returncode}, {len(outputs(outdir))} outputs, {len(parts)} .part, "
            f"{len(entries)} report entries")
    if work is None:
        shutil.rmtree(scratch, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (kept); default a temporary one")
    parser.add_argument("--max-delay", type=float, default=None, help="latest kill, seconds (default 1.2 x a full run)")
    args = parser.parse_args(argv)
    figures = run(args.runs, args.seed, args.work, args.jobs, args.max_delay, on_line=lambda s: print(s, flush=True))
    for violation in figures.violations:
        print("VIOLATION " + violation)
    print(figures.summary())
    return 1 if figures.violations else 0


if __name__ == "__main__":
    sys.exit(main())
