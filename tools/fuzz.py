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

Usage:
    python tools/fuzz.py --cases 2000 --seed 1 [--timeout 60] [--jobs 2]
                         [--budget 1800] [--keep fuzz-findings/]

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
    args = parser.parse_args(argv)

    def show(finding: dict) -> None:
        kind = FINDING_CODES[finding["error"]["code"]]
        where = finding["error"].get("where", "")
        print(f"FINDING {kind}: {finding['case']}: {finding['error']['message']} {where}".rstrip(), flush=True)

    def progress(figures: Figures) -> None:
        print(f"... {figures.cases} cases, {len(figures.findings)} findings, {figures.seconds:.0f} s", file=sys.stderr, flush=True)

    figures = run(
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
