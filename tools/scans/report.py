"""Accuracy on the OCR'd scans per model, dpi and layout (issue 11's figures).

    python tools/scans/report.py [out/scans] [--jobs 2]

Reads the scans and expected outputs tools/scans/make_scans.py wrote and
prints, per scan, record F1 and the mean exact-match over the fields of
planparse.accuracy; then micro-averages per OCR model x dpi, per model, and
per layout (ruled / borderless / swedish plan), with issue 11's bars.
Scans of layout-matrix renderings (make_scans.py --from-matrix) are grouped
by the `scan` block of their expected JSON (the content's language, ruled or
borderless), so a held-out set can be scored alone: `report.py out/heldout`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BARS = {"fin": (0.95, 0.90), "swe": (0.95, 0.90), "eng": (0.90, 0.85)}


def score(pair: tuple[str, str]) -> dict:
    import planparse
    from planparse.accuracy import FIELDS, score_document

    scan, expected_file = map(Path, pair)
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    info = expected.get("scan") or {}
    try:
        found = planparse.extract(scan).to_dict()
    except Exception as exc:  # noqa: BLE001 - a failing scan is a figure too
        return {"scan": scan.name, "info": info, "error": str(exc)[:100], "expected": len(expected["records"])}
    s = score_document(scan.name, expected, found)
    return {
        "scan": scan.name,
        "info": info,
        "expected": s.expected,
        "found": s.found,
        "matched": s.matched,
        "f1": s.f1,
        "field": sum(s.field_exact[f] for f in FIELDS) / len(FIELDS),
        "hits": {f: s.field_exact[f] * s.expected for f in FIELDS},
    }


def groups(row: dict) -> dict[str, str]:
    name, tag = row["scan"][: -len(".pdf")].split("@")
    model, dpi = tag.split("-")[:2]
    info = row.get("info") or {}
    language = info.get("language") or ("sv" if name.startswith("strandby") else "fi")
    layout = info.get("layout") or ("borderless" if "borderless" in name else "ruled")
    if language == "sv" and not info:
        layout = "swedish"  # the one Swedish sample plan is its own layout row
    elif language == "sv":
        layout = f"{layout}-sv"
    return {
        "model x dpi": f"{model} {dpi}",
        "model": model,
        "plan language x model": f"{language} {model}",
        "layout x model": f"{layout} {model}",
    }


def micro(rows: list[dict]) -> tuple[float, float, int]:
    from planparse.accuracy import precision_recall_f1

    exp = sum(r["expected"] for r in rows)
    found = sum(r.get("found", 0) for r in rows)
    matched = sum(r.get("matched", 0) for r in rows)
    f1 = precision_recall_f1(matched, found, exp)[2]
    hits = sum(sum(r.get("hits", {}).values()) for r in rows)
    fields = 10 * exp
    return f1, hits / fields if fields else 1.0, exp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "out" / "scans")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="", help="only scans whose name contains this")
    args = parser.parse_args(argv)
    pairs = []
    for expected_file in sorted((args.folder / "expected").glob("*.json")):
        scan = args.folder / "samples" / expected_file.name[: -len(".json")]
        if scan.exists() and args.only in scan.name:
            pairs.append((str(scan), str(expected_file)))
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(score, pairs))
    print(f"{'scan':48} {'exp':>4} {'found':>5} {'F1':>5} {'fields':>6}")
    for r in rows:
        if "error" in r:
            print(f"{r['scan']:48} {r['expected']:4} ERROR {r['error']}")
        else:
            print(f"{r['scan']:48} {r['expected']:4} {r['found']:5} {r['f1']:5.2f} {r['field']:6.2f}")
    for key in ("model x dpi", "model", "plan language x model", "layout x model"):
        table: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            table[groups(r)[key]].append(r)
        print(f"\n{key:24} {'records':>7} {'F1':>5} {'fields':>6}  bar (F1, fields)")
        for label in sorted(table):
            f1, field, exp = micro(table[label])
            bar = BARS.get(label.split()[-1] if key in ("layout x model", "plan language x model") else label.split()[0])
            mark = "" if bar is None else ("met" if f1 >= bar[0] and field >= bar[1] else "MISSED") + f" {bar}"
            print(f"{label:24} {exp:7} {f1:5.2f} {field:6.2f}  {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
