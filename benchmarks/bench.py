"""Speed and memory of planparse against the parser's own floor.

    python benchmarks/bench.py [--runs 3] [--rows 1000] [--skip-camelot]

Every measurement runs in a fresh Python process that reports its own wall
time and peak resident memory (ru_maxrss), so figures do not leak into each
other; the table gives medians over --runs.  The floor is bare pdfplumber
opening every page and calling extract_words(): any pdfplumber-based tool pays
at least that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_plans import ensure_plans  # noqa: E402

# Each task is a small program run in its own process; it prints
# {"seconds": ..., "maxrss_mb": ..., "pages": ..., "records": ...}.
TASKS = {
    "planparse": """
import planparse
plan = planparse.extract(PATH)
pages, records = plan.source.pages, len(plan.records)
""",
    "floor: pdfplumber extract_words": """
import pdfplumber
records = 0
with pdfplumber.open(PATH) as pdf:
    pages = len(pdf.pages)
    for page in pdf.pages:
        page.extract_words()
        page.close()
""",
    "pdfplumber extract_tables": """
import pdfplumber
records = 0
with pdfplumber.open(PATH) as pdf:
    pages = len(pdf.pages)
    for page in pdf.pages:
        records += sum(max(len(t) - 1, 0) for t in page.extract_tables())
        page.close()
""",
    "camelot lattice": """
import camelot
tables = camelot.read_pdf(PATH, pages="all", flavor="lattice")
pages, records = None, sum(max(t.df.shape[0] - 1, 0) for t in tables)
""",
    "camelot stream": """
import camelot
tables = camelot.read_pdf(PATH, pages="all", flavor="stream")
pages, records = None, sum(max(t.df.shape[0] - 1, 0) for t in tables)
""",
}

WRAPPER = """
import json, resource, sys, time
PATH = {path!r}
t0 = time.perf_counter()
{body}
seconds = time.perf_counter() - t0
print(json.dumps({{"seconds": seconds, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pages": pages, "records": records}}))
"""


def run_task(name: str, path: Path, timeout: float) -> dict | None:
    code = WRAPPER.format(path=str(path), body=TASKS[name])
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f}s"}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": last[:80]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_of(name: str, path: Path, runs: int, timeout: float) -> dict:
    results = [run_task(name, path, timeout) for _ in range(runs)]
    good = [r for r in results if r and "error" not in r]
    if not good:
        return results[0] or {"error": "failed"}
    return {
        "seconds": statistics.median(r["seconds"] for r in good),
        "maxrss_mb": max(r["maxrss_mb"] for r in good),
        "pages": good[0]["pages"],
        "records": good[0]["records"],
    }


def run_batch(folder: Path, jobs: int, runs: int) -> dict:
    times = []
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="pp-bench-"))
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "planparse", "batch", str(folder), "-o", str(out), "--jobs", str(jobs), "--force"],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - t0)
        shutil.rmtree(out, ignore_errors=True)
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1][:80]}
    seconds = statistics.median(times)
    files = len(list(folder.glob("*.pdf")))
    return {"seconds": seconds, "files_per_s": files / seconds}


def camelot_available() -> bool:
    try:
        import camelot  # noqa: F401
    except Exception:  # noqa: BLE001 - any import problem means "not here"
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=HERE / "cache")
    parser.add_argument("--skip-camelot", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)

    files = ensure_plans(args.cache, args.rows)
    names = ["planparse", "floor: pdfplumber extract_words", "pdfplumber extract_tables"]
    if not args.skip_camelot and camelot_available():
        names += ["camelot lattice", "camelot stream"]
    elif not args.skip_camelot:
        print("camelot: not installed here (pip install camelot-py); skipped", file=sys.stderr)

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, medians of {args.runs} runs")
    header = f"{'input':12} {'tool':34} {'pages':>5} {'records':>7} {'seconds':>8} {'pages/s':>8} {'rec/s':>8} {'peak MB':>8} {'x floor':>8}"
    print(header)
    print("-" * len(header))
    summary: dict[str, dict[str, dict]] = {}
    for variant in ("ruled", "borderless"):
        path = files[variant]
        summary[variant] = {}
        for name in names:
            result = median_of(name, path, args.runs, args.timeout)
            summary[variant][name] = result
            if "error" in result:
                print(f"{variant:12} {name:34} error: {result['error']}")
                continue
            floor = summary[variant].get("floor: pdfplumber extract_words", {}).get("seconds")
            pages = result["pages"] or summary[variant]["planparse"].get("pages") or 0
            ratio = f"{result['seconds'] / floor:8.2f}" if floor else f"{'':>8}"
            print(
                f"{variant:12} {name:34} {pages:>5} {result['records']:>7} {result['seconds']:8.2f} "
                f"{pages / result['seconds']:8.1f} {result['records'] / result['seconds']:8.1f} {result['maxrss_mb']:8.0f} {ratio}"
            )
    docx_result = median_of("planparse", files["docx"], args.runs, args.timeout)
    if "error" in docx_result:
        print(f"{'docx':12} {'planparse':34} error: {docx_result['error']}")
    else:
        print(f"{'docx':12} {'planparse':34} {'-':>5} {docx_result['records']:>7} {docx_result['seconds']:8.2f} {'':>8} "
              f"{docx_result['records'] / docx_result['seconds']:8.1f} {docx_result['maxrss_mb']:8.0f}")

    print()
    for variant, results in summary.items():
        pp = results.get("planparse", {})
        if "seconds" not in pp:
            continue
        floor = results.get("floor: pdfplumber extract_words", {}).get("seconds")
        line = f"{variant}: planparse/floor = {pp['seconds'] / floor:.2f} (target <= 1.5)" if floor else variant
        for cam in ("camelot lattice", "camelot stream"):
            if "seconds" in results.get(cam, {}):
                line += f"; planparse/{cam} = {pp['seconds'] / results[cam]['seconds']:.2f} (target < 1)"
        line += f"; peak {pp['maxrss_mb']:.0f} MB (target < 300)"
        print(line)
    if "seconds" in docx_result:
        print(f"docx {args.rows} rows: {docx_result['seconds']:.2f} s (target < 2 s)")

    if not args.skip_batch:
        one = run_batch(files["batch"], 1, args.runs)
        two = run_batch(files["batch"], 2, args.runs)
        if "error" in one or "error" in two:
            print(f"batch: error: {one.get('error') or two.get('error')}")
        else:
            print(
                f"batch 20 plans: --jobs 1 {one['seconds']:.1f} s ({one['files_per_s']:.2f} files/s), "
                f"--jobs 2 {two['seconds']:.1f} s ({two['files_per_s']:.2f} files/s), "
                f"speed-up {two['files_per_s'] / one['files_per_s']:.2f} (target >= 1.7)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
