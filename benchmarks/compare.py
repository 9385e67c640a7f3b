"""Is planparse slower than it was?  Two installs, same inputs, alternating runs.

    python benchmarks/compare.py [LABEL=]BASE_PY [LABEL=]NEW_PY [MORE_PY ...] [--runs 5] [--variants ruled,borderless] [--calls]

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

--calls also counts function calls under cProfile (total and primitive) of
`planparse.extract` on each input, once per install: a figure that does not
depend on the load at all (a call is not a fixed cost, so it is a second
opinion beside CPU time, not a replacement).  It takes a few minutes: the
profiler makes the 200-page plan about three times slower.

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


def cpu_run(python: str, path: Path) -> tuple[float, int]:
    """CPU seconds (user + sys) of one process extracting `path`, and the records it found."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([python, "-c", EXTRACT, str(path)], stdout=out, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{python}: planparse.extract({path}) failed, exit code {proc.returncode}")
        out.seek(0)
        records = int(out.read().decode().split()[-1])
    return usage.ru_utime + usage.ru_stime, records


def call_counts(python: str, path: Path) -> dict:
    proc = subprocess.run([python, "-c", CALLS, str(path)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pythons", nargs="+", metavar="PY", help="BASE_PY NEW_PY [MORE_PY ...]: Pythons of the installs")
    parser.add_argument("--runs", type=int, default=5, help="runs of each install per input (alternating)")
    parser.add_argument("--variants", default="ruled,borderless")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=HERE / "cache")
    parser.add_argument("--calls", action="store_true", help="also count calls under cProfile (slow)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)

    if len(args.pythons) < 2:
        parser.error("give at least two Pythons: BASE_PY NEW_PY")
    files = ensure_plans(args.cache, args.rows)
    # LABEL=PY names an install in the table; the first one is the base the others are compared with
    names = ["base", "new"] + [f"new{i}" for i in range(2, len(args.pythons))]
    installs = {}
    for name, arg in zip(names, args.pythons):
        label, _, python = arg.rpartition("=")
        installs[label or name] = python
    base_name = next(iter(installs))
    figures: dict = {"pythons": installs, "runs": args.runs, "load_start": os.getloadavg()}
    print(f"CPU s (user+sys) of a process running planparse.extract, median (min-max) of {args.runs} alternating runs; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, python in installs.items():
        print(f"  {name}: {python}")
    for variant in [v.strip() for v in args.variants.split(",") if v.strip()]:
        path = files[variant]
        cpu: dict[str, list[float]] = {name: [] for name in installs}
        records: dict[str, set[int]] = {name: set() for name in installs}
        for _ in range(args.runs):
            for name, python in installs.items():
                seconds, n = cpu_run(python, path)
                cpu[name].append(seconds)
                records[name].add(n)
        base = statistics.median(cpu[base_name])
        entry: dict = {"cpu": cpu, "records": {k: sorted(v) for k, v in records.items()}, "ratio": {}}
        for name in installs:
            ratio = statistics.median(cpu[name]) / base
            entry["ratio"][name] = ratio
            print(f"{variant:11} {name:8} {spread(cpu[name])}  /base {ratio:.3f}  records {sorted(records[name])}", flush=True)
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
