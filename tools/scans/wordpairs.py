"""The words OCR text repair left wrong on the scans, by frequency.

    python tools/scans/wordpairs.py [out/scans] [--only NAME] [--jobs 2] [--found DIR]

For each scan tools/scans/make_scans.py wrote, the records planparse extracts
are matched with the expected ones (planparse.accuracy's matching); for each
matched pair, a field that differs is "wrong by its text" when its shape is
the expected one (same number of list items, same extra keys) and every item
reads almost the same (character ratio >= 0.8): the row and its cells were
found, only words are off.  Those fields' texts are aligned word by word and
the differing (expected -> found) word pairs are printed by frequency, with
the OCR model(s) they came from.  Fields wrong by their shape (a cell cut or
merged: page geometry) are only counted.

`--found DIR` keeps each scan's extracted JSON there (and reuses it when the
scan is older), so the pairs can be listed again without extracting.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT_FIELDS = ("section", "goal", "actions", "owners", "indicators", "schedule", "extra")
MIN_RATIO = 0.8


def extract(pair: tuple[str, str, str]) -> tuple[str, dict | None]:
    import planparse

    scan, expected_file, found_dir = pair
    cached = Path(found_dir) / (Path(scan).name + ".json") if found_dir else None
    if cached and cached.exists() and cached.stat().st_mtime >= Path(scan).stat().st_mtime and cached.stat().st_mtime >= _code_mtime():
        return scan, json.loads(cached.read_text(encoding="utf-8"))
    try:
        found = planparse.extract(Path(scan)).to_dict()
    except Exception:  # noqa: BLE001 - a failing scan has no words to compare
        return scan, None
    if cached:
        cached.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    return scan, found


def _code_mtime() -> float:
    """The newest source file of planparse: a cached extraction older than it is stale."""
    return max(p.stat().st_mtime for p in (REPO / "src" / "planparse").rglob("*.py"))


def _items(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [x for v in value for x in _items(v)]
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in value.items()]
    return [str(value)]


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def textual(expected, found) -> bool:
    """The field has its expected shape and only its words differ."""
    if isinstance(expected, dict) and isinstance(found, dict) and len(expected) != len(found):
        return False
    exp, got = _items(expected), _items(found)
    return len(exp) == len(got) and all(_ratio(a, b) >= MIN_RATIO for a, b in zip(exp, got))


def word_pairs(expected: str, found: str) -> list[tuple[str, str]]:
    """(expected words, found words) of each differing stretch of two texts."""
    a, b = expected.split(), found.split()
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def main(argv: list[str] | None = None) -> int:
    from planparse.accuracy import FIELDS, match_records, precision_recall_f1, score_document

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "out" / "scans")
    parser.add_argument("--only", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--found", type=Path, default=None, help="keep/reuse extracted JSON here")
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--fields", action="store_true", help="also print each textual field's expected/found text")
    args = parser.parse_args(argv)
    if args.found:
        args.found.mkdir(parents=True, exist_ok=True)
    jobs = []
    for expected_file in sorted((args.folder / "expected").glob("*.json")):
        scan = args.folder / "samples" / expected_file.name[: -len(".json")]
        if scan.exists() and args.only in scan.name:
            jobs.append((str(scan), str(expected_file), str(args.found or "")))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(extract, jobs))
    pairs: Counter[tuple[str, str]] = Counter()
    models: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shape: Counter[str] = Counter()
    text_fields: Counter[str] = Counter()
    figures: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # model -> expected, found, matched, field hits
    for scan, expected_file, _ in jobs:
        found = results[scan]
        if found is None:
            continue
        model = Path(scan).name.split("@")[1].split("-")[0]
        expected_doc = json.loads(Path(expected_file).read_text(encoding="utf-8"))
        exp_recs, got_recs = expected_doc["records"], found["records"]
        s = score_document(Path(scan).name, expected_doc, found)
        fig = figures[model]
        fig[0] += s.expected
        fig[1] += s.found
        fig[2] += s.matched
        fig[3] += round(sum(s.field_exact[f] for f in FIELDS) * s.expected)
        for i, j in match_records(exp_recs, got_recs):
            for name in TEXT_FIELDS:
                e, g = exp_recs[i].get(name), got_recs[j].get(name)
                if e == g:
                    continue
                if not textual(e, g):
                    shape[f"{model} {name}"] += 1
                    continue
                text_fields[f"{model} {name}"] += 1
                for a, b in zip(_items(e), _items(g)):
                    if a != b and args.fields:
                        print(f"[{Path(scan).name} {name}]\n  exp: {a}\n  got: {b}")
                    for pair in word_pairs(a, b):
                        pairs[pair] += 1
                        models[pair][model] += 1
    print(f"fields wrong by their text: {sum(text_fields.values())} ({', '.join(f'{k} {v}' for k, v in sorted(text_fields.items()))})")
    print(f"fields wrong by their shape: {sum(shape.values())} ({', '.join(f'{k} {v}' for k, v in sorted(shape.items()))})")
    print(f"\n{'n':>4}  {'expected':36} {'found':36} models")
    for (a, b), n in pairs.most_common(args.top):
        print(f"{n:4}  {a[:36]:36} {b[:36]:36} {' '.join(f'{m}:{k}' for m, k in sorted(models[(a, b)].items()))}")
    print(f"\n{sum(pairs.values())} differing word stretches, {len(pairs)} distinct")
    for model, (exp, got, matched, hits) in sorted(figures.items()):
        f1 = precision_recall_f1(matched, got, exp)[2]
        print(f"{model}: {exp} records, F1 {f1:.2f}, fields {hits / (len(FIELDS) * exp) if exp else 1.0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
