"""Time planparse on the two real financial statements of the shared corpus (issue 12: < 30 s each).

    python benchmarks/statements.py [--runs 3] [--corpus ../shared/corpus]

Each run is a fresh `planparse extract` process (imports included, what a
user pays); wall and CPU time (children's user + system) are printed per
file, median over --runs, with the record count and the load average (on a
shared machine wall time mostly measures the scheduler, CPU time the work).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATEMENTS = ("kuntaparse/Kauhava-Tilinpaatos-2024.pdf", "kuntaparse/Seinäjoki-Tilinpaatos-2024.pdf")


def run_once(path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and records of one extraction in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "planparse", "extract", str(path), "-o", str(out)], check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, len(json.loads(out.read_text(encoding="utf-8"))["records"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, {args.runs} runs each")
    for rel in STATEMENTS:
        path = args.corpus / rel
        if not path.exists():
            print(f"{rel}: not found under {args.corpus}, skipped")
            continue
        runs = [run_once(path) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{path.name}: {wall:.1f} s wall, {cpu:.1f} s CPU, {runs[0][2]} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
