"""Is planparse slower than it was?  Two installs, same inputs, alternating runs.

    python benchmarks/compare.py [LABEL=]BASE_PY [LABEL=]NEW_PY [MORE_PY ...] [--runs 5] [--variants ruled,borderless] [--calls] [--instructions 20]

BASE_PY and NEW_PY are the Pythons of two virtualenvs with planparse
installed (e.g. a `git worktree add ../base d235029` with its own .venv, and
this checkout's .venv); more Pythons take their turns after NEW_PY and are
compared with BASE_PY too.  Each run is bench.py's planparse task
(`planparse.extract(FILE)`, imports included) in a fresh process, base and
new taking turns (base, new, base, new, ...) so that a change in the
machine's load falls on both alike.  The figure is CPU time (user + sys of
the child, from wait4), not wall time: on a shared machine wall time mostly
measures the scheduler.  Medians, the spread
(min-max) and new/base are printed per input; every run must give the same
number of records.

Besides the medians, the minimum of each install's runs and min/base are
printed: on a shared machine other processes only ever add CPU time to a run
(cache and hyper-thread sharing; the run's own work does not change), so the
fastest run is the one least disturbed, and mins move less between sessions
than medians.

--calls also counts function calls under cProfile (total and primitive) of
`planparse.extract` on each input, once per install: a figure that does not
depend on the load at all (a call is not a fixed cost, so it is a second
opinion beside CPU time, not a replacement).  It takes a few minutes: the
profiler makes the 200-page plan about three times slower.

--instructions N counts the machine instructions (valgrind's cachegrind, `I
refs`: every instruction the process executes, interpreter start-up and
imports included) of one process per install extracting the first N pages of
each input, and of one extracting the first page only: the difference over
N - 1 is the work per page, start-up taken out, which is what a 200-page plan
is made of (N=10: a twentieth of the plan; valgrind runs ~50x slower, a few
minutes per install and input).  The count is the same on an idle and on a busy
machine (PYTHONHASHSEED=0 fixes set and dict order; repeated runs agree within
~0.1 %), and unlike a call count it weighs every call and every C loop by its
work: the figure to trust when the CPU medians are noise.  Needs `valgrind`
(apt-get install valgrind).

Every child runs with compiled bytecode, as an installed planparse does
(pip compiles the sources when it installs them): PYTHONDONTWRITEBYTECODE is
taken out of the children's environment and PYTHONPYCACHEPREFIX points at
--cache/pycache (so no checkout gets __pycache__ folders written into it), and
each install runs once untimed before the timed runs.  Otherwise each run
compiles every planparse module it imports again, which measures how much
source there is (~0.3 s of a 7 s run at 67514aa, twice what d235029 had),
not how fast it runs.

The inputs are bench.py's (make_plans.py builds them once into --cache).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_plans import ensure_plans  # noqa: E402

CALLS = """
import cProfile, json, pstats, sys
import planparse
profile = cProfile.Profile()
profile.enable()
plan = planparse.extract(sys.argv[1])
profile.disable()
stats = pstats.Stats(profile)
print(json.dumps({"records": len(plan.records), "calls": stats.total_calls, "primitive": stats.prim_calls}))
"""


EXTRACT = """
import sys
import planparse
print(len(planparse.extract(sys.argv[1]).records))
"""


def child_env(cache: Path) -> dict[str, str]:
    """The environment of every measured process: bytecode compiled once, kept under `cache`
    (see the module docstring), and a fixed hash seed (set and dict order alike in every run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str((cache / "pycache").resolve())
    env["PYTHONHASHSEED"] = "0"
    return env


ENV: dict[str, str] = dict(os.environ)  # main() sets it: child_env(--cache)


PAGES = """
import sys
import planparse
from planparse.settings import ExtractOptions
pages = tuple(range(1, int(sys.argv[2]) + 1))
print(len(planparse.extract(sys.argv[1], ExtractOptions(pages=pages)).records))
"""


def instructions(python: str, path: Path, pages: int) -> tuple[int, int]:
    """Instructions (valgrind cachegrind's `I refs`) of one process extracting the first `pages`
    pages of `path`, and the records it found."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           python, "-c", PAGES, str(path), str(pages)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise SystemExit(f"{python}: valgrind run on {path} failed, exit code {proc.returncode}: {proc.stderr[-300:]}")
    refs = [ln for ln in proc.stderr.splitlines() if "I   refs:" in ln or "I refs:" in ln]
    if not refs:
        raise SystemExit(f"valgrind printed no instruction count: {proc.stderr[-300:]}")
    return int(refs[-1].split(":")[-1].replace(",", "")), int(proc.stdout.split()[-1])


def cpu_run(python: str, path: Path) -> tuple[float, int]:
    """CPU seconds (user + sys) of one process extracting `path`, and the records it found."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([python, "-c", EXTRACT, str(path)], stdout=out, stderr=subprocess.DEVNULL, env=ENV)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{python}: planparse.extract({path}) failed, exit code {proc.returncode}")
        out.seek(0)
        records = int(out.read().decode().split()[-1])
    return usage.ru_utime + usage.ru_stime, records


def call_counts(python: str, path: Path) -> dict:
    proc = subprocess.run([python, "-c", CALLS, str(path)], capture_output=True, text=True, check=True, env=ENV)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}-{max(values):.2f})"


def instruction_counts(installs: dict[str, str], path: Path, pages: int, variant: str) -> dict:
    """`instructions` of each install on the first page and on the first `pages` pages of `path`,
    printed with the ratios to the first install's: the whole run's, and per page after the
    first ((I(pages) - I(1)) / (pages - 1): start-up and imports taken out, the part that
    grows with the plan)."""
    counts = {}
    for name, python in installs.items():
        one, _ = instructions(python, path, 1)
        refs, n = instructions(python, path, pages)
        per_page = (refs - one) / max(pages - 1, 1)
        counts[name] = {"instructions": refs, "first_page": one, "per_page": per_page, "records": n}
        base = counts[next(iter(installs))]
        print(f"{variant:11} {name:8} instructions {refs:,} (pages 1-{pages})  /base {refs / base['instructions']:.3f}; "
              f"per page after the first {per_page:,.0f}  /base {per_page / base['per_page']:.3f}  records {n}", flush=True)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pythons", nargs="+", metavar="PY", help="BASE_PY NEW_PY [MORE_PY ...]: Pythons of the installs")
    parser.add_argument("--runs", type=int, default=5, help="runs of each install per input (alternating)")
    parser.add_argument("--variants", default="ruled,borderless")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=HERE / "cache")
    parser.add_argument("--calls", action="store_true", help="also count calls under cProfile (slow)")
    parser.add_argument("--instructions", type=int, metavar="PAGES", default=0,
                        help="also count instructions under valgrind on the first PAGES pages (load-independent; slow)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)

    if len(args.pythons) < 2:
        parser.error("give at least two Pythons: BASE_PY NEW_PY")
    files = ensure_plans(args.cache, args.rows)
    global ENV
    ENV = child_env(args.cache)
    # LABEL=PY names an install in the table; the first one is the base the others are compared with
    names = ["base", "new"] + [f"new{i}" for i in range(2, len(args.pythons))]
    installs = {}
    for name, arg in zip(names, args.pythons):
        label, _, python = arg.rpartition("=")
        installs[label or name] = python
    base_name = next(iter(installs))
    figures: dict = {"pythons": installs, "runs": args.runs, "load_start": os.getloadavg()}
    print(f"CPU s (user+sys) of a process running planparse.extract, median (min-max) of {args.runs} alternating runs, "
          f"new/base of the medians and of the mins; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, python in installs.items():
        print(f"  {name}: {python}")
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    for variant in variants:
        path = files[variant]
        for python in installs.values():  # untimed: compiles the modules this input needs into --cache/pycache
            cpu_run(python, path)
        cpu: dict[str, list[float]] = {name: [] for name in installs}
        records: dict[str, set[int]] = {name: set() for name in installs}
        for _ in range(args.runs):
            for name, python in installs.items():
                seconds, n = cpu_run(python, path)
                cpu[name].append(seconds)
                records[name].add(n)
        base = statistics.median(cpu[base_name])
        base_min = min(cpu[base_name])
        entry: dict = {"cpu": cpu, "records": {k: sorted(v) for k, v in records.items()}, "ratio": {}, "ratio_min": {}}
        for name in installs:
            ratio = statistics.median(cpu[name]) / base
            ratio_min = min(cpu[name]) / base_min
            entry["ratio"][name] = ratio
            entry["ratio_min"][name] = ratio_min
            print(f"{variant:11} {name:8} {spread(cpu[name])}  /base {ratio:.3f}, min {ratio_min:.3f}  "
                  f"records {sorted(records[name])}", flush=True)
        if args.instructions:
            entry["instructions"] = instruction_counts(installs, path, args.instructions, variant)
        if args.calls:
            calls = {name: call_counts(python, path) for name, python in installs.items()}
            for name, c in calls.items():
                print(f"{variant:11} {name:8} calls {c['calls']:,} ({c['primitive']:,} primitive)  /base "
                      f"{c['calls'] / calls[base_name]['calls']:.3f} ({c['primitive'] / calls[base_name]['primitive']:.3f})", flush=True)
            entry["calls"] = calls
        figures[variant] = entry
    figures["load_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
