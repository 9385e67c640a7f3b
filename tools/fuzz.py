"""Mutation fuzz: damage the sample PDFs and DOCX files and feed them to `extract`.

Each case takes one file from samples/ and damages it (bit flips, random
bytes, truncation, deleted or repeated chunks, extreme numbers in PDF
objects, damaged XML inside a DOCX, dropped DOCX parts).  The cases run
through `planparse batch` (a fresh interpreter per round of 40), i.e. through
`extract` in worker processes with a timeout and a memory cap, so a hang or
a crash is caught and counted.

A case may be converted or refused with a `PlanparseError` (one line, exit
code); anything else is a finding: an uncaught exception (internal-error),
a crashed worker, a hang past the timeout, or running out of memory.

Two ways to run the cases:

- through `planparse batch` (the default): a fresh interpreter per round of
  40, each case in its own worker process;
- `--in-process`: one long-lived child process per job runs case after case
  through `planparse.extract` (and the JSON writer) in its own interpreter,
  PDF cases alternating between the PDFium and pdfminer parsers.  Ten times
  faster, so 10,000 cases fit a shared machine.  The parent watches each
  child: a child that dies is a crash, one that sends nothing for `timeout`
  seconds is killed and counted as a hang (after a rerun alone with four
  times the timeout); either way a new child takes the next case.  An
  exception that is not a `PlanparseError` is what the CLI would turn into
  exit 70: an uncaught exception.

Usage:
    python tools/fuzz.py --cases 2000 --seed 1 [--timeout 60] [--jobs 2]
                         [--budget 1800] [--keep fuzz-findings/]
    nice -n 15 python tools/fuzz.py --in-process --cases 10000 --seed 2026 --jobs 2

Prints one line per finding and the figures at the end; exit status 1 when
there are findings.  Same seed, same cases.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
ROUND = 40  # cases generated and run together
RECHECK_FACTOR = 4  # a timed-out case is run again alone with this many times the timeout

FINDING_CODES = {"internal-error": "uncaught exception", "worker-crashed": "crash", "timeout": "hang", "out-of-memory": "out of memory"}
INTERESTING_BYTES = b"\x00\xff\x7f\x80()<>[]/%\n\r\\"
EXTREME_NUMBERS = [b"0", b"-1", b"999999999", b"-2147483649", b"1e308", b"3.4e38", b"0.0000001", b"99999999999999999999"]


# ---------------------------------------------------------------- mutations


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def set_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        i = rng.randrange(len(out))
        out[i] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.5 else rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096) :]


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 4096)]
    at = rng.randrange(len(data))
    return data[:at] + chunk * rng.randint(1, 8) + data[at:]


def insert_random(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 512)) + data[at:]


_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")


def extreme_number(data: bytes, rng: random.Random) -> bytes:
    """Replace some numbers in the PDF syntax (lengths, offsets, sizes, coordinates) with extreme ones."""
    matches = list(_NUMBER.finditer(data[: 1 << 20]))
    if not matches:
        return set_bytes(data, rng)
    out = data
    for m in sorted(rng.sample(matches, min(len(matches), rng.randint(1, 6))), key=lambda m: -m.start()):
        out = out[: m.start()] + rng.choice(EXTREME_NUMBERS) + out[m.end() :]
    return out


BYTE_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": flip_bits,
    "bytes": set_bytes,
    "truncate": truncate,
    "delete": delete_chunk,
    "repeat": repeat_chunk,
    "insert": insert_random,
}


def _rezip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in members:
            # the member's own ZipInfo: a bare name would stamp the current time, and two
            # cases made from one seed across a second's boundary would differ
            archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def docx_xml(data: bytes, rng: random.Random) -> bytes:
    """Damage one XML part (usually word/document.xml) and zip it again: reaches lxml and python-docx."""
    members = _members(data)
    xml = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]
    main = [i for i in xml if members[i][0].filename == "word/document.xml"]
    index = main[0] if main and rng.random() < 0.7 else rng.choice(xml)
    info, content = members[index]
    mutate = rng.choice([set_bytes, delete_chunk, repeat_chunk, truncate, _damage_tag])
    members[index] = (info, mutate(content, rng))
    return _rezip(members)


def _damage_tag(content: bytes, rng: random.Random) -> bytes:
    """Break XML structure where it matters: drop a closing tag or an attribute value's quote, change a number."""
    choices = [m for m in re.finditer(rb"</w:(tc|tr|tbl|p|r)>|w:val=\"|\"\d+\"", content[: 1 << 21])]
    if not choices:
        return set_bytes(content, rng)
    m = rng.choice(choices)
    replacement = rng.choice([b"", b"w:val=", b'"-1"', b'"999999999"', b'"0"'])
    return content[: m.start()] + replacement + content[m.end() :]


def docx_drop_part(data: bytes, rng: random.Random) -> bytes:
    members = _members(data)
    del members[rng.randrange(len(members))]
    return _rezip(members)


def mutate(data: bytes, kind: str, rng: random.Random) -> tuple[str, bytes]:
    """(mutation name, damaged bytes) for a file of `kind` ("pdf" or "docx")."""
    names = list(BYTE_MUTATIONS)
    if kind == "pdf":
        names += ["number", "number"]
    else:
        names += ["docx-xml", "docx-xml", "docx-xml", "docx-drop"]
    name = rng.choice(names)
    if name == "number":
        return name, extreme_number(data, rng)
    if name == "docx-xml":
        return name, docx_xml(data, rng)
    if name == "docx-drop":
        return name, docx_drop_part(data, rng)
    return name, BYTE_MUTATIONS[name](data, rng)


# ---------------------------------------------------------------- running


@dataclass
class Figures:
    cases: int = 0
    seconds: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    refusals: Counter = field(default_factory=Counter)  # PlanparseError codes
    findings: list[dict] = field(default_factory=list)
    by_mutation: Counter = field(default_factory=Counter)
    slow: list[tuple[str, float | None]] = field(default_factory=list)  # timed out under load, finished alone

    def count(self, what: str) -> int:
        return sum(1 for f in self.findings if f["error"]["code"] == what)

    @property
    def uncaught(self) -> int:
        return self.count("internal-error")

    @property
    def crashes(self) -> int:
        return self.count("worker-crashed")

    @property
    def hangs(self) -> int:
        return self.count("timeout")

    @property
    def out_of_memory(self) -> int:
        return self.count("out-of-memory")

    def summary(self) -> str:
        rate = self.cases / self.seconds if self.seconds else 0.0
        refused = ", ".join(f"{code} {n}" for code, n in self.refusals.most_common())
        return (
            f"fuzz: {self.cases} cases in {self.seconds:.0f} s ({rate:.1f}/s); "
            f"converted {self.statuses['ok']}, refused {sum(self.refusals.values())} ({refused or 'none'}); "
            f"uncaught exceptions {self.uncaught}, crashes {self.crashes}, hangs {self.hangs}, "
            f"out of memory {self.out_of_memory}; slow under load (timed out, finished when rerun alone) {len(self.slow)}"
        )


def seed_files(patterns: list[str] | None = None) -> list[Path]:
    found: list[Path] = []
    for pattern in patterns or ["*.pdf", "*.docx"]:
        found.extend(sorted(SAMPLES.glob(pattern)))
    return found


def load_seeds(paths: list[Path]) -> list[tuple[str, bytes]]:
    """(name, bytes) of each seed file, read once: samples may be rebuilt while a long run goes on."""
    return [(path.name, path.read_bytes()) for path in paths]


def make_case(seeds: list[tuple[str, bytes]], seed: int, number: int, folder: Path) -> tuple[Path, str]:
    """Write case `number` of run `seed` into `folder`; same arguments, same bytes."""
    rng = random.Random(f"{seed}:{number}")
    source_name, source = rng.choice(seeds)
    kind = source_name.rsplit(".", 1)[-1]
    name, data = mutate(source, kind, rng)
    path = folder / f"case-{number:05d}-{name}-{source_name}"
    path.write_bytes(data)
    return path, name


def run_round(folder: Path, out: Path, timeout: float, jobs: int, max_memory_mb: int) -> list[dict]:
    """`planparse batch` over one round's cases, in a fresh interpreter; its report.json entries.

    A fresh interpreter per round runs the code as it is on disk now, and
    exercises the command itself (its exit status must be 0 or 1, its
    stdout empty, its stderr free of tracebacks).
    """
    command = [sys.executable, "-c", "import sys; from planparse.cli import main; sys.exit(main())", "batch"]
    command += [str(folder), "-o", str(out), "--force", "--jobs", str(jobs), "--timeout", str(timeout)]
    command += ["--max-memory", str(max_memory_mb)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode == 130:
        raise KeyboardInterrupt
    problems = []
    if done.returncode not in (0, 1):
        problems.append(f"planparse batch exited {done.returncode}")
    if done.stdout:
        problems.append("planparse batch wrote to stdout")
    if "Traceback" in done.stderr:
        problems.append("traceback on stderr")
    if problems:
        raise RuntimeError(f"{folder}: {'; '.join(problems)}\n{done.stderr[-2000:]}")
    return json.loads((out / "report.json").read_text(encoding="utf-8"))["files"]


def recheck_timeout(case: Path, work: Path, timeout: float, max_memory_mb: int) -> dict:
    """Run a case that timed out again, alone and with a longer timeout.

    On a shared, loaded machine a slow case can miss its timeout while it
    waits for a core; only a case that also misses the long timeout when it
    runs alone counts as a hang.
    """
    shutil.rmtree(work, ignore_errors=True)
    (work / "in").mkdir(parents=True)
    shutil.copy2(case, work / "in" / case.name)
    entry = run_round(work / "in", work / "out", timeout, 1, max_memory_mb)[0]
    shutil.rmtree(work, ignore_errors=True)
    return entry


def run(
    cases: int = 1000,
    seed: int = 1,
    timeout: float = 60.0,
    jobs: int = 2,
    budget: float | None = None,
    keep: Path | None = None,
    patterns: list[str] | None = None,
    max_memory_mb: int = 2048,
    on_finding: Callable[[dict], None] | None = None,
    round_size: int = ROUND,
    on_round: Callable[[Figures], None] | None = None,
    start: int = 0,
) -> Figures:
    """Run cases `start` .. `cases`-1 (stopping early once `budget` seconds have passed)."""
    seeds = load_seeds(seed_files(patterns))
    if not seeds:
        raise SystemExit(f"no samples in {SAMPLES}")
    figures = Figures()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="planparse-fuzz-") as scratch:
        work = Path(scratch)
        number = start
        while number < cases and (budget is None or time.monotonic() - started < budget):
            batch_dir, out_dir = work / f"round-{number:05d}", work / f"out-{number:05d}"
            batch_dir.mkdir()
            mutations = {}
            for n in range(number, min(number + round_size, cases)):
                path, name = make_case(seeds, seed, n, batch_dir)
                mutations[path.name] = name
            number += len(mutations)
            for entry in run_round(batch_dir, out_dir, timeout, jobs, max_memory_mb):
                figures.cases += 1
                figures.by_mutation[mutations[entry["input"]]] += 1
                if entry["status"] == "timeout":
                    entry = recheck_timeout(batch_dir / entry["input"], work / "recheck", timeout * RECHECK_FACTOR, max_memory_mb)
                    if entry["status"] != "timeout":
                        figures.slow.append((entry["input"], entry["seconds"]))
                figures.statuses[entry["status"]] += 1
                code = entry["error"]["code"] if entry["error"] else None
                if code in FINDING_CODES:
                    finding = {"case": entry["input"], "seed": seed, "status": entry["status"], "error": entry["error"]}
                    figures.findings.append(finding)
                    if keep is not None:
                        keep.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(batch_dir / entry["input"], keep / entry["input"])
                    if on_finding:
                        on_finding(finding)
                elif code is not None:
                    figures.refusals[code] += 1
            shutil.rmtree(batch_dir)
            shutil.rmtree(out_dir)
            if on_round:
                figures.seconds = time.monotonic() - started
                on_round(figures)
    figures.seconds = time.monotonic() - started
    return figures


# ---------------------------------------------------------------- in process

PARSERS = ("pdfium", "pdfminer")


def case_bytes(seeds: list[tuple[str, bytes]], seed: int, number: int) -> tuple[str, str, bytes, str | None]:
    """(case name, mutation, bytes, PDF parser or None) of case `number`: same bytes as `make_case`."""
    rng = random.Random(f"{seed}:{number}")
    source_name, source = rng.choice(seeds)
    kind = source_name.rsplit(".", 1)[-1]
    name, data = mutate(source, kind, rng)
    parser = PARSERS[number % 2] if kind == "pdf" else None
    return f"case-{number:05d}-{name}-{source_name}", name, data, parser


def classify(data: bytes, name: str, parser: str | None) -> dict:
    """Extract one case in this process; the result as the CLI would see it (status, code, exit code)."""
    from planparse.errors import PlanparseError
    from planparse.pipeline import extract
    from planparse.settings import ExtractOptions
    from planparse.source import Source
    from planparse.outputs.writers import make_writer

    try:
        plan = extract(Source.from_bytes(data, name=name), ExtractOptions(pdf_parser=parser or "pdfium"))
        stream = io.StringIO()
        writer = make_writer("json", stream)
        writer.write(plan)
        writer.close()
        json.loads(stream.getvalue())
    except PlanparseError as err:
        return {"status": "failed", "error": {"code": err.code, "exit_code": int(err.exit_code), "message": err.one_line()}}
    except MemoryError:
        return {"status": "failed", "error": {"code": "out-of-memory", "exit_code": 10, "message": f"{name}: MemoryError"}}
    except Exception as exc:  # noqa: BLE001 - the finding itself
        import traceback

        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        message = f"{name}: {exc.__class__.__name__}: {str(exc)[:200]}"
        return {"status": "failed", "error": {"code": "internal-error", "exit_code": 70, "message": message, "where": where}}
    return {"status": "ok", "records": len(plan.records)}


def _child(conn, patterns: list[str] | None, seed: int, max_memory_mb: int) -> None:  # type: ignore[no-untyped-def]
    """Run the case numbers the parent sends, one after another, in this process."""
    import logging
    import os
    import resource
    import signal
    import warnings

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    seeds = load_seeds(seed_files(patterns))
    while True:
        number = conn.recv()
        if number is None:
            return
        name, mutation, data, parser = case_bytes(seeds, seed, number)
        start = time.monotonic()
        result = classify(data, name, parser)
        result.update(number=number, input=name, mutation=mutation, parser=parser, seconds=round(time.monotonic() - start, 3))
        conn.send(result)


class _Slot:
    """One child process and the case it is working on."""

    def __init__(self, ctx, patterns: list[str] | None, seed: int, max_memory_mb: int) -> None:  # type: ignore[no-untyped-def]
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_child, args=(child_conn, patterns, seed, max_memory_mb), daemon=True)
        self.process.start()
        child_conn.close()
        self.number: int | None = None
        self.sent = 0.0

    def send(self, number: int) -> None:
        self.number, self.sent = number, time.monotonic()
        self.conn.send(number)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_in_process(
    cases: int = 1000,
    seed: int = 1,
    timeout: float = 60.0,
    jobs: int = 2,
    budget: float | None = None,
    keep: Path | None = None,
    patterns: list[str] | None = None,
    max_memory_mb: int = 2048,
    on_finding: Callable[[dict], None] | None = None,
    on_round: Callable[[Figures], None] | None = None,
    start: int = 0,
    progress_every: int = 200,
) -> Figures:
    """Cases `start` .. `cases`-1 through `extract` in long-lived child processes (see the module docstring)."""
    import multiprocessing
    import multiprocessing.connection

    seeds = load_seeds(seed_files(patterns))
    if not seeds:
        raise SystemExit(f"no samples in {SAMPLES}")
    ctx = multiprocessing.get_context("fork")
    figures = Figures()
    started = time.monotonic()
    todo = list(range(cases - 1, start - 1, -1))
    slots = [_Slot(ctx, patterns, seed, max_memory_mb) for _ in range(max(1, jobs))]

    def record(entry: dict) -> None:
        name = entry["input"]
        figures.cases += 1
        figures.by_mutation[entry["mutation"]] += 1
        if entry.get("parser"):
            figures.by_mutation["parser " + entry["parser"]] += 1
        figures.statuses[entry["status"]] += 1
        code = entry["error"]["code"] if entry.get("error") else None
        if code in FINDING_CODES:
            finding = {"case": name, "seed": seed, "status": entry["status"], "error": entry["error"], "parser": entry.get("parser")}
            figures.findings.append(finding)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / name).write_bytes(case_bytes(seeds, seed, entry["number"])[2])
            if on_finding:
                on_finding(finding)
        elif code is not None:
            figures.refusals[code] += 1
        if on_round and figures.cases % progress_every == 0:
            figures.seconds = time.monotonic() - started
            on_round(figures)

    def lost(slot: _Slot, how: str) -> dict:
        """The entry of a case whose child died or hung; a hang is rerun alone with a longer timeout first."""
        number = slot.number
        assert number is not None
        name, mutation, _, parser = case_bytes(seeds, seed, number)
        if how == "timeout":
            again = _rerun_alone(ctx, patterns, seed, max_memory_mb, number, timeout * RECHECK_FACTOR)
            if again is not None:
                figures.slow.append((name, again["seconds"]))
                return again
        code = "timeout" if how == "timeout" else "worker-crashed"
        status = "timeout" if how == "timeout" else "failed"
        return {"number": number, "input": name, "mutation": mutation, "parser": parser, "status": status,
                "error": {"code": code, "exit_code": 8 if how == "timeout" else 70, "message": f"{name}: {how}"}}

    try:
        for slot in slots:
            if todo:
                slot.send(todo.pop())
        while any(s.number is not None for s in slots):
            if budget is not None and time.monotonic() - started > budget:
                todo.clear()
            busy = [s for s in slots if s.number is not None]
            ready = multiprocessing.connection.wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=1.0)
            now = time.monotonic()
            for i, slot in enumerate(slots):
                if slot.number is None:
                    continue
                entry = None
                if slot.conn in ready or slot.process.sentinel in ready:
                    try:
                        entry = slot.conn.recv() if slot.conn.poll() else None
                    except (EOFError, OSError):
                        entry = None
                    if entry is None:  # the child died on this case
                        record(lost(slot, "crash"))
                        slot.stop(kill=True)
                        slots[i] = slot = _Slot(ctx, patterns, seed, max_memory_mb)
                    else:
                        record(entry)
                elif now - slot.sent > timeout:
                    slot.stop(kill=True)
                    record(lost(slot, "timeout"))
                    slots[i] = slot = _Slot(ctx, patterns, seed, max_memory_mb)
                else:
                    continue
                slot.number = None
                if todo:
                    slot.send(todo.pop())
    finally:
        for slot in slots:
            slot.stop(kill=slot.number is not None)
    figures.seconds = time.monotonic() - started
    return figures


def _rerun_alone(ctx, patterns, seed, max_memory_mb, number, timeout) -> dict | None:  # type: ignore[no-untyped-def]
    """Run one case in a fresh child with a longer timeout; its entry, or None when it hangs or dies again."""
    slot = _Slot(ctx, patterns, seed, max_memory_mb)
    try:
        slot.send(number)
        if slot.conn.poll(timeout):
            try:
                return slot.conn.recv()
            except (EOFError, OSError):
                return None
        return None
    finally:
        slot.stop(kill=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="run cases numbered below this")
    parser.add_argument("--start", type=int, default=0, help="first case number (resume a run)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case before it counts as a hang")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--budget", type=float, default=None, help="stop starting new rounds after this many seconds")
    parser.add_argument("--keep", type=Path, default=None, help="copy the files of findings here")
    parser.add_argument("--max-memory", type=int, default=2048, help="MB per case")
    parser.add_argument("--samples", nargs="*", default=None, help="glob patterns inside samples/ (default *.pdf *.docx)")
    parser.add_argument("--json", type=Path, default=None, help="write figures and findings here")
    parser.add_argument("--in-process", action="store_true", help="run cases through extract() in long-lived children (fast)")
    args = parser.parse_args(argv)

    def show(finding: dict) -> None:
        kind = FINDING_CODES[finding["error"]["code"]]
        where = finding["error"].get("where", "")
        print(f"FINDING {kind}: {finding['case']}: {finding['error']['message']} {where}".rstrip(), flush=True)

    def progress(figures: Figures) -> None:
        print(f"... {figures.cases} cases, {len(figures.findings)} findings, {figures.seconds:.0f} s", file=sys.stderr, flush=True)

    runner = run_in_process if args.in_process else run
    figures = runner(
        args.cases, args.seed, args.timeout, args.jobs, args.budget, args.keep, args.samples, args.max_memory, show,
        on_round=progress, start=args.start,
    )
    print(figures.summary())
    print("mutations: " + ", ".join(f"{name} {n}" for name, n in sorted(figures.by_mutation.items())))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "summary": figures.summary(),
                    "cases": figures.cases,
                    "statuses": dict(figures.statuses),
                    "refusals": dict(figures.refusals),
                    "by_mutation": dict(figures.by_mutation),
                    "slow": figures.slow,
                    "findings": figures.findings,
                },
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 1 if figures.findings else 0


if __name__ == "__main__":
    sys.exit(main())
