"""Speed and memory of planparse against the parser's own floor.

    python benchmarks/bench.py [--runs 3] [--rows 1000] [--skip-camelot] [--only planparse,floor,ocr]

Every measurement runs in a fresh Python process that reports its own wall
time and CPU time (imports included: what a user pays) and peak resident
memory (VmHWM), so figures do not leak into each other; the table gives
medians of the times and the largest peak over --runs.  The floor is bare
pdfplumber opening every page and calling extract_words(): any
pdfplumber-based tool pays at least that.  planparse reads pages with PDFium
(pypdfium2) since issue 6, so PDFium's own floor is measured too (every
character's text and box through pypdfium2's public API), and planparse
with its former parser (--pdf-parser pdfminer), for the before/after.  Ratios are given for wall and CPU
time: on a machine shared with other work, wall time mostly measures the
scheduler, CPU time what the program does.

Before timing anything the inputs are checked: the big plan must have about
200 pages (1,000 rows), and planparse must find every table row in both the
ruled and the borderless variant (its records are compared with the rows the
generator wrote).  The machine's load average is printed with the figures:
on a shared machine wall times are only comparable at similar load.
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

from make_plans import ensure_plans, pdf_pages  # noqa: E402

PLANPARSE, FLOOR, TABLES = "planparse", "floor: pdfplumber extract_words", "pdfplumber extract_tables"
# planparse's own parser since PDFium replaced pdfminer underneath: its floor, and the old path.
PDFIUM_FLOOR, PLANPARSE_PDFMINER = "floor: PDFium chars + boxes", "planparse --pdf-parser pdfminer"
LATTICE, STREAM = "camelot lattice", "camelot stream"
# Scanned plans (issue 11): the same plan born digital, as a Tesseract text-layer scan
# (tables from the page image), and as an image-only scan that planparse OCRs itself.
OCR_TEXT_LAYER, OCR_RUN = "planparse (OCR text layer)", "planparse --ocr (image only)"
REPO = HERE.parent
OCR_INPUTS = {
    "born digital": REPO / "samples" / "jarvela-ilmasto.pdf",
    "scan+text": REPO / "samples" / "scans" / "jarvela-ilmasto@fin-150.pdf",
    "scan only": REPO / "samples" / "scans" / "jarvela-ilmasto@image-150.pdf",
}

# Each task is a small program run in its own process; it sets `pages` and
# `records` (planparse also `plan`); the wrapper adds seconds, peak memory and
# (after the timing) how many records match the generator's rows.
TASKS = {
    PLANPARSE: """
import planparse
plan = planparse.extract(PATH)
pages, records = plan.source.pages, len(plan.records)
""",
    FLOOR: """
import pdfplumber
records = 0
with pdfplumber.open(PATH) as pdf:
    pages = len(pdf.pages)
    for page in pdf.pages:
        page.extract_words()
        page.close()
""",
    PDFIUM_FLOOR: """
import pypdfium2
records = 0
pdf = pypdfium2.PdfDocument(PATH)
pages = len(pdf)
for i in range(pages):
    page = pdf[i]
    text = page.get_textpage()
    n = text.count_chars()
    text.get_text_range(0, n)
    for j in range(n):
        text.get_charbox(j, loose=True)
    text.close()
    page.close()
pdf.close()
""",
    PLANPARSE_PDFMINER: """
import planparse
from planparse.settings import ExtractOptions
plan = planparse.extract(PATH, ExtractOptions(pdf_parser="pdfminer"))
pages, records = plan.source.pages, len(plan.records)
""",
    TABLES: """
import pdfplumber
records = 0
with pdfplumber.open(PATH) as pdf:
    pages = len(pdf.pages)
    for page in pdf.pages:
        records += sum(max(len(t) - 1, 0) for t in page.extract_tables())
        page.close()
""",
    LATTICE: """
import camelot
tables = camelot.read_pdf(PATH, pages="all", flavor="lattice")
pages, records = None, sum(max(t.df.shape[0] - 1, 0) for t in tables)
""",
    OCR_TEXT_LAYER: """
import planparse
plan = planparse.extract(PATH)
pages, records = plan.source.pages, len(plan.records)
""",
    OCR_RUN: """
import os
os.environ["OMP_THREAD_LIMIT"] = "1"
import planparse
plan = planparse.extract(PATH, planparse.ExtractOptions(ocr="auto"))
pages, records = plan.source.pages, len(plan.records)
""",
    STREAM: """
import camelot
tables = camelot.read_pdf(PATH, pages="all", flavor="stream")
pages, records = None, sum(max(t.df.shape[0] - 1, 0) for t in tables)
""",
}

# Does record i carry row i's action text?  Leading item numbers ("12.3 ") are
# ignored (whether they land in action_id is the normalizer's business).
MATCHER = r"""
import re
_NUM = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
def _norm(text):
    return _NUM.sub("", " ".join(text.split()))
def count_matched(plan, n_rows):
    if plan is None or n_rows is None:
        return None
    sys.path.insert(0, HERE)
    from make_plans import plan_rows
    rows = plan_rows(n_rows)
    got = [_norm(" ".join(r.actions)) for r in plan.records]
    return sum(1 for g, row in zip(got, rows) if g == _norm(row[1]))
"""

# Peak memory is VmHWM, the high-water mark of this process's own address space:
# ru_maxrss would report at least the benchmark parent's size, because Linux
# carries it over fork and exec.
WRAPPER = """
import json, resource, sys, time
PATH, ROWS, HERE = {path!r}, {rows!r}, {here!r}
{matcher}
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def cpu_seconds():  # this process and any it waited for (camelot may run ghostscript)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
t0, c0 = time.perf_counter(), cpu_seconds()
{body}
seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
matched = count_matched(globals().get("plan"), ROWS)  # outside the timing
print(json.dumps({{"seconds": seconds, "cpu": cpu, "maxrss_mb": peak_mb(),
                  "pages": pages, "records": records, "matched": matched}}))
"""


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f} (1/5 min) on {os.cpu_count()} cores"


def run_task(name: str, path: Path, rows: int | None, timeout: float) -> dict:
    code = WRAPPER.format(path=str(path), rows=rows, here=str(HERE), matcher=MATCHER, body=TASKS[name])
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f}s"}
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": last[:80]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_of(name: str, path: Path, rows: int | None, runs: int, timeout: float) -> dict:
    results = [run_task(name, path, rows, timeout) for _ in range(runs)]
    good = [r for r in results if "error" not in r]
    if not good:
        return results[0]
    out = dict(good[0])
    out["seconds"] = statistics.median(r["seconds"] for r in good)
    out["cpu"] = statistics.median(r["cpu"] for r in good)
    out["all_seconds"] = [round(r["seconds"], 2) for r in good]
    out["maxrss_mb"] = max(r["maxrss_mb"] for r in good)
    return out


BUSY = "import time\nt = time.perf_counter()\nwhile time.perf_counter() - t < {s}: pass\nprint(time.process_time() / (time.perf_counter() - t))"


def cores_for(n: int, seconds: float = 4.0) -> float:
    """How many cores `n` busy processes of this benchmark get right now (n on an idle machine with n cores).

    cores_for(2) / cores_for(1) is the ceiling for `--jobs 2`'s speed-up: other
    work, and the kernel's per-session CPU share (autogroup), may leave no
    second core free.
    """
    procs = [
        subprocess.Popen([sys.executable, "-c", BUSY.format(s=seconds)], stdout=subprocess.PIPE, text=True)
        for _ in range(n)
    ]
    return sum(float(proc.communicate()[0]) for proc in procs)


def run_batch(folder: Path, jobs: int, runs: int) -> dict:
    """Median wall time of `planparse batch` over `folder`."""
    times = []
    files = len(list(folder.glob("*.pdf")))
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="pp-bench-"))
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "planparse", "batch", str(folder), "-o", str(out), "--jobs", str(jobs), "--force"],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - t0)
        outputs = len(list(out.glob("*.json"))) - (out / "report.json").exists()
        shutil.rmtree(out, ignore_errors=True)
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1][:80]}
        if outputs != files:
            return {"error": f"{outputs} outputs for {files} files"}
    seconds = statistics.median(times)
    return {
        "seconds": seconds,
        "files_per_s": files / seconds,
        "all_seconds": [round(t, 1) for t in times],
    }


def camelot_problem() -> str | None:
    """Why camelot cannot run here, or None when it can."""
    try:
        import camelot  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any import problem means "not here"
        return f"camelot does not import ({type(exc).__name__}: {exc}); pip install camelot-py"
    return None


def verdict(ok: bool | None) -> str:
    return "info" if ok is None else "met" if ok else "MISSED"


def fmt_row(label: str, tool: str, r: dict, floor: dict | None, pages_hint: int | None) -> str:
    if "error" in r:
        return f"{label:11} {tool:31} error: {r['error']}"
    pages = r.get("pages") or pages_hint
    per_page = f"{pages / r['seconds']:7.2f}" if pages else f"{'-':>7}"
    if floor and "seconds" in floor:
        ratio = f"{r['seconds'] / floor['seconds']:6.2f} {r['cpu'] / floor['cpu']:6.2f}"
    else:
        ratio = f"{'-':>6} {'-':>6}"
    matched = f"{r['matched']}/{r['records']}" if r.get("matched") is not None else f"{r['records']}"
    return (
        f"{label:11} {tool:31} {pages or '-':>5} {matched:>10} {r['seconds']:8.2f} {r['cpu']:8.2f} {per_page} "
        f"{r['records'] / r['seconds']:7.1f} {r['maxrss_mb']:7.0f} {ratio}"
    )


def ocr_figures(runs: int, timeout: float) -> dict:
    """Pages/s of one plan born digital, as a Tesseract text-layer scan, and OCR'd by planparse."""
    print()
    print("Scanned plans (samples/jarvela-ilmasto: 2 pages, 15 rows; scans at 150 dpi; OCR: Tesseract, 1 thread)")
    out = {}
    for label, name in (("born digital", PLANPARSE), ("scan+text", OCR_TEXT_LAYER), ("scan only", OCR_RUN)):
        path = OCR_INPUTS[label]
        if not path.exists():
            print(f"{label:11} {name:31} missing input {path}")
            continue
        result = median_of(name, path, None, runs, timeout)
        out[label] = result
        print(fmt_row(label, name, result, None, None), flush=True)
    digital, ocr = out.get("born digital", {}), out.get("scan only", {})
    if "seconds" in digital and "seconds" in ocr:
        print(
            f"OCR throughput {ocr['pages'] / ocr['seconds']:.2f} pages/s wall, {ocr['pages'] / ocr['cpu']:.2f} pages/CPU-s; "
            f"born digital {digital['pages'] / digital['seconds']:.2f} pages/s wall, "
            f"{digital['pages'] / digital['cpu']:.2f} pages/CPU-s (Tesseract runs as a child process: its CPU is counted; "
            f"imports included, so a 2-page plan understates the born-digital rate: see the 200-page rows above)"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (medians)")
    parser.add_argument("--camelot-runs", type=int, default=1, help="runs for camelot (lattice takes minutes)")
    parser.add_argument("--batch-runs", type=int, default=None, help="runs of each batch (default: --runs)")
    parser.add_argument("--rows", type=int, default=1000, help="table rows of the big plan (1,000 fill ~200 pages)")
    parser.add_argument("--cache", type=Path, default=HERE / "cache")
    parser.add_argument(
        "--only", default="", help="comma-separated tools: planparse,floor,pdfium-floor,pdfminer,tables,camelot"
    )
    parser.add_argument("--variants", default="ruled,borderless")
    parser.add_argument("--skip-camelot", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-docx", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="skip the 50- vs 200-page memory check")
    parser.add_argument("--skip-ocr", action="store_true", help="skip the scanned-plan (OCR) figures")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    files = ensure_plans(args.cache, args.rows)
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    keys = {
        PLANPARSE: "planparse", FLOOR: "floor", TABLES: "tables", LATTICE: "camelot", STREAM: "camelot",
        PDFIUM_FLOOR: "pdfium-floor", PLANPARSE_PDFMINER: "pdfminer", OCR_TEXT_LAYER: "ocr", OCR_RUN: "ocr",
    }
    order = (FLOOR, PDFIUM_FLOOR, PLANPARSE, PLANPARSE_PDFMINER, TABLES)  # the floor first: ratios need it
    names = [n for n in order if not wanted or keys[n] in wanted]
    camelot_note = None
    if not args.skip_camelot and (not wanted or "camelot" in wanted):
        camelot_note = camelot_problem()
        if camelot_note is None:
            names += [LATTICE, STREAM]
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    figures: dict = {"load_start": os.getloadavg(), "runs": args.runs}

    # --- the inputs are what they claim to be -----------------------------------------
    print(f"Python {sys.version.split()[0]}, medians of {args.runs} runs (camelot: {args.camelot_runs}); {load()}")
    checks: list[tuple[str, bool]] = []
    pages_of = {}
    for key in ("ruled", "borderless", "small-ruled"):
        pages_of[key] = pdf_pages(files[key])
    expect = args.rows / 5
    for key in ("ruled", "borderless"):
        ok = abs(pages_of[key] - expect) <= 0.15 * expect
        checks.append((f"{key} plan: {pages_of[key]} pages for {args.rows} rows (expected ~{expect:.0f})", ok))
    if camelot_note:
        print(f"camelot: skipped: {camelot_note}", file=sys.stderr)

    header = (
        f"{'input':11} {'tool':31} {'pages':>5} {'rows':>10} {'wall s':>8} {'CPU s':>8} {'pages/s':>7} {'rows/s':>7} "
        f"{'peak MB':>7} {'xfloor':>6} {'(CPU)':>6}"
    )
    print()
    print(header)
    print("-" * len(header))
    summary: dict[str, dict[str, dict]] = {}
    for variant in variants:
        path = files[variant]
        summary[variant] = {}
        for name in names:
            if name == LATTICE and variant != "ruled":
                continue  # lattice needs ruling lines: on a borderless file it only renders pages
            runs = args.camelot_runs if name in (LATTICE, STREAM) else args.runs
            rows = args.rows if name in (PLANPARSE, PLANPARSE_PDFMINER) else None
            result = median_of(name, path, rows, runs, args.timeout)
            summary[variant][name] = result
            floor = summary[variant].get(FLOOR) if name != FLOOR else None
            print(fmt_row(variant, name, result, floor, pages_of[variant]), flush=True)
    figures["pdf"] = summary
    print(
        "rows: planparse shows records carrying the generator's row text / records; the other tools count "
        "table rows below the header (camelot stream counts text lines)."
    )

    docx_result = None
    if not args.skip_docx and (not wanted or "planparse" in wanted):
        docx_result = median_of(PLANPARSE, files["docx"], args.rows, args.runs, args.timeout)
        print(fmt_row("docx", PLANPARSE, docx_result, None, None), flush=True)
        figures["docx"] = docx_result

    memory = None
    if not args.skip_memory and (not wanted or "planparse" in wanted):
        small = median_of(PLANPARSE, files["small-ruled"], None, args.runs, args.timeout)
        print(fmt_row("ruled-small", PLANPARSE, small, None, pages_of["small-ruled"]), flush=True)
        big = summary.get("ruled", {}).get(PLANPARSE)
        if big and "error" not in big and "error" not in small:
            memory = (small["maxrss_mb"], big["maxrss_mb"])
        figures["memory_small"] = small
    print(f"({load()})")

    if not args.skip_ocr and (not wanted or "ocr" in wanted):
        figures["ocr"] = ocr_figures(args.runs, args.timeout)

    batch = None
    if not args.skip_batch and (not wanted or "planparse" in wanted):
        batch_runs = args.batch_runs or args.runs
        cores = (cores_for(1), cores_for(2))
        figures["cores_for_1_and_2"] = cores
        one = run_batch(files["batch"], 1, batch_runs)
        two = run_batch(files["batch"], 2, batch_runs)
        figures["batch"] = {"jobs1": one, "jobs2": two}
        if "error" in one or "error" in two:
            print(f"batch: error: {one.get('error') or two.get('error')}")
        else:
            batch = two["files_per_s"] / one["files_per_s"]
            print(
                f"batch 20 plans (~10 pages): --jobs 1 {one['seconds']:.1f} s ({one['files_per_s']:.2f} files/s), "
                f"--jobs 2 {two['seconds']:.1f} s ({two['files_per_s']:.2f} files/s); {load()}"
            )
            print(
                f"  just before: one busy process got {cores[0]:.2f} cores, two got {cores[1]:.2f} together: the "
                f"ceiling for --jobs 2's speed-up here now is {cores[1] / cores[0]:.2f} (2.0 on an idle machine)"
            )

    # --- targets ------------------------------------------------------------------------
    print()
    for variant, results in summary.items():
        pp = results.get(PLANPARSE, {})
        if "seconds" not in pp:
            continue
        checks.append(
            (f"{variant}: planparse found {pp['matched']}/{args.rows} rows", pp["matched"] == args.rows == pp["records"])
        )
        floor = results.get(FLOOR, {})
        if "seconds" in floor:
            wall, cpu = pp["seconds"] / floor["seconds"], pp["cpu"] / floor["cpu"]
            checks.append((f"{variant}: planparse/floor = {wall:.2f} wall, {cpu:.2f} CPU (target <= 1.5)", max(wall, cpu) <= 1.5))
        own = results.get(PDFIUM_FLOOR, {})
        if "seconds" in own:
            checks.append((
                f"{variant}: planparse/PDFium floor = {pp['seconds'] / own['seconds']:.2f} wall, "
                f"{pp['cpu'] / own['cpu']:.2f} CPU (what words, tables and text repair in Python cost over the parser)",
                None,
            ))
        old = results.get(PLANPARSE_PDFMINER, {})
        if "seconds" in old:
            checks.append((
                f"{variant}: planparse with PDFium is {old['cpu'] / pp['cpu']:.2f}x faster (CPU) than with pdfminer, "
                f"same rows: {pp['matched'] == old['matched'] == args.rows}",
                pp["matched"] == old["matched"] == args.rows,
            ))
        for cam in (LATTICE, STREAM):
            if "seconds" in results.get(cam, {}):
                wall, cpu = pp["seconds"] / results[cam]["seconds"], pp["cpu"] / results[cam]["cpu"]
                checks.append((f"{variant}: planparse/{cam} = {wall:.2f} wall, {cpu:.2f} CPU (target < 1)", max(wall, cpu) < 1))
        checks.append((f"{variant}: planparse peak {pp['maxrss_mb']:.0f} MB (target < 300)", pp["maxrss_mb"] < 300))
    if memory:
        growth = memory[1] / memory[0]
        checks.append((
            f"peak memory {pages_of['small-ruled']} pages {memory[0]:.0f} MB -> {pages_of['ruled']} pages "
            f"{memory[1]:.0f} MB, x{growth:.2f} (target: not growing with pages, <= 1.25)",
            growth <= 1.25,
        ))
    if docx_result and "seconds" in docx_result:
        checks.append((
            f"docx {args.rows} rows: {docx_result['seconds']:.2f} s, found {docx_result['matched']}/{args.rows} rows "
            "(target < 2 s, all rows)",
            docx_result["seconds"] < 2 and docx_result["matched"] == args.rows,
        ))
    if batch is not None:
        checks.append((
            f"batch --jobs 2 / --jobs 1 throughput = {batch:.2f} (target >= 1.7; this machine's ceiling now: "
            f"{figures['cores_for_1_and_2'][1] / figures['cores_for_1_and_2'][0]:.2f})",
            batch >= 1.7,
        ))
    for text, ok in checks:
        print(f"[{verdict(ok):6}] {text}")
    print(f"({load()})")
    figures["load_end"] = os.getloadavg()
    figures["checks"] = [{"check": t, "ok": ok} for t, ok in checks]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
