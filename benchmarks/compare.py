"""Is planparse slower than it was?  Two installs, same inputs, alternating runs.

    python benchmarks/compare.py BASE_PY NEW_PY [--runs 5] [--variants ruled,borderless] [--calls]

BASE_PY and NEW_PY are the Pythons of two virtualenvs with planparse
installed (e.g. a `git worktree add ../base d235029` with its own .venv, and
this checkout's .venv).  Each run is bench.py's planparse task
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
    parser.add_argument("base_py", help="Python of the install to compare against")
    parser.add_argument("new_py", help="Python of the install under test")
    parser.add_argument("--runs", type=int, default=5, help="runs of each install per input (alternating)")
    parser.add_argument("--variants", default="ruled,borderless")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=HERE / "cache")
    parser.add_argument("--calls", action="store_true", help="also count calls under cProfile (slow)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)

    files = ensure_plans(args.cache, args.rows)
    figures: dict = {"base": args.base_py, "new": args.new_py, "runs": args.runs, "load_start": os.getloadavg()}
    print(f"CPU s (user+sys) of a process running planparse.extract, median (min-max) of {args.runs} alternating runs; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for variant in [v.strip() for v in args.variants.split(",") if v.strip()]:
        path = files[variant]
        cpu: dict[str, list[float]] = {"base": [], "new": []}
        records: set[tuple[str, int]] = set()
        for _ in range(args.runs):
            for who, python in (("base", args.base_py), ("new", args.new_py)):
                seconds, n = cpu_run(python, path)
                cpu[who].append(seconds)
                records.add((who, n))
        ratio = statistics.median(cpu["new"]) / statistics.median(cpu["base"])
        counts = {who: sorted(n for w, n in records if w == who) for who in cpu}
        print(f"{variant:11} base {spread(cpu['base'])}  new {spread(cpu['new'])}  new/base {ratio:.3f}  "
              f"records base {counts['base']} new {counts['new']}", flush=True)
        entry: dict = {"cpu": cpu, "ratio": ratio, "records": counts}
        if args.calls:
            calls = {who: call_counts(python, path) for who, python in (("base", args.base_py), ("new", args.new_py))}
            b, n = calls["base"], calls["new"]
            print(f"{'':11} calls base {b['calls']:,} ({b['primitive']:,} primitive)  new {n['calls']:,} "
                  f"({n['primitive']:,} primitive)  new/base {n['calls'] / b['calls']:.3f} "
                  f"({n['primitive'] / b['primitive']:.3f})", flush=True)
            entry["calls"] = calls
        figures[variant] = entry
    figures["load_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
