"""Measure the text repair on the reviewed tables built by build_table.py.

Prints, for the active lexicon backend (or the one given with --backend):
  * line-break hyphens: accuracy per kind and overall, real hyphens wrongly
    removed (over-correction);
  * OCR: damaged words of seed 002 restored, correct words of 002 changed,
    words changed in the documents that are not OCR-damaged (the pipeline
    must leave them alone), and, for information, how many clean words the
    repairer would change if it were (wrongly) forced onto them;
  * speed: words/s of `repair_text` over all seeds.

Usage: python tools/breaks/measure.py [--backend auto|voikko|fallback] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parents[2] / "shared" / "seeds"


def expected_text(left: str, right: str, kind: str, en_dash_ranges: bool) -> str:
    """The reviewed reading; a number range keeps its dash, an en dash if the document writes ranges with one."""
    base = left[:-1]
    is_range = base[-1:].isdigit() and right[:1].isdigit()
    dash = "\u2013" if is_range and (left[-1] == "\u2013" or en_dash_ranges) else "-"
    return {
        "join": base + right,
        "keep": base + dash + right,
        "suspended": base + "- " + right,
        "attach": left + right,
        "dash": left + " " + right,
    }[kind]


def decided_text(left: str, right: str, decision) -> str:
    if left[-1] == "\u2013":
        return left + right if decision.kind == "keep" else left + " " + right
    if decision.kind == "attach":
        return left + right
    if decision.kind == "dash":
        return left + " " + right
    return decision.seam(left, right)


def score_breaks(seeds: Path, lexicon, use_evidence: bool = True) -> dict:
    """Decide every reviewed break; counts per kind (total, right, decided-as) and the errors."""
    from planparse.normalize.repair.evidence import DocumentEvidence
    from planparse.normalize.repair.hyphens import _starts_sentence, decide_break

    rows = list(csv.DictReader((HERE / "breaks.tsv").open(encoding="utf-8"), delimiter="\t"))
    evidence = {}
    for path in seeds.glob("*.txt"):
        evidence[path.name[:3]] = DocumentEvidence.from_texts([path.read_text(encoding="utf-8")])
        if not use_evidence:  # keep only what the document's letters say (OCR damage, range dashes)
            evidence[path.name[:3]].counts.clear()
    total, right_by_kind, wrongly_removed = Counter(), Counter(), 0
    distinct: dict[tuple[str, str, str], bool] = {}
    confusion: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for row in rows:
        kind = row["kind"]
        if kind == "skip":
            continue
        left, right = row["left"], row["right"]
        decision = decide_break(left, right, "fi", evidence[row["seed"]], lexicon, sentence_start=_starts_sentence(row["before"]))
        got, want = decided_text(left, right, decision), expected_text(left, right, kind, evidence[row["seed"]].prefers_en_dash_ranges)
        total[kind] += 1
        confusion[kind][decision.kind] += 1
        distinct[(left, right, kind)] = distinct.get((left, right, kind), True) and got == want
        if got == want:
            right_by_kind[kind] += 1
        else:
            if kind in ("keep", "dash") and decision.kind == "join":
                wrongly_removed += 1
            errors.append(f"  {row['seed']}:{row['line']} {left} | {right}: want {kind} ({want}), got {decision.kind} ({got}): {decision.reason}")
    return {"total": total, "right": right_by_kind, "confusion": confusion, "wrongly_removed": wrongly_removed, "distinct": distinct,
            "errors": errors, "skipped": sum(r["kind"] == "skip" for r in rows)}


def measure_breaks(seeds: Path, lexicon, show_errors: bool, use_evidence: bool = True) -> None:
    sc = score_breaks(seeds, lexicon, use_evidence)
    total, right_by_kind, confusion = sc["total"], sc["right"], sc["confusion"]
    wrongly_removed, errors, rows_skipped = sc["wrongly_removed"], sc["errors"], sc["skipped"]
    n_all, ok_all = sum(total.values()), sum(right_by_kind.values())
    note = "" if use_evidence else ", document evidence switched off"
    print(f"line-break hyphens ({n_all} real breaks; {rows_skipped} non-breaks skipped{note})")
    print(f"  {'kind':<10} {'n':>5} {'right':>6} {'accuracy':>9}   decided as")
    for kind in ("join", "keep", "suspended", "attach", "dash"):
        if total[kind]:
            dist = ", ".join(f"{k} {v}" for k, v in confusion[kind].most_common())
            print(f"  {kind:<10} {total[kind]:>5} {right_by_kind[kind]:>6} {100 * right_by_kind[kind] / total[kind]:>8.2f}%   {dist}")
    print(f"  {'overall':<10} {n_all:>5} {ok_all:>6} {100 * ok_all / n_all:>8.2f}%")
    by_kind = Counter(k for _, _, k in sc["distinct"])
    ok_kind = Counter(k for (_, _, k), ok in sc["distinct"].items() if ok)
    print("  distinct (left, right) pairs: " + ", ".join(f"{k} {ok_kind[k]}/{n}" for k, n in by_kind.most_common())
          + f"; all {sum(ok_kind.values())}/{len(sc['distinct'])} = {100 * sum(ok_kind.values()) / len(sc['distinct']):.2f}%")
    print(f"  real hyphens wrongly removed (over-correction): {wrongly_removed}")
    if show_errors and errors:
        print("  errors:")
        print("\n".join(errors))


def score_ocr(seeds: Path, lexicon) -> dict:
    """Run the word repairer over the reviewed OCR table; lists of restored / changed rows."""
    from planparse.normalize.repair.ocr.text import is_ocr_damaged, repair_word

    rows = list(csv.DictReader((HERE / "ocr_words.tsv").open(encoding="utf-8"), delimiter="\t"))
    dam = [r for r in rows if r["kind"] == "damaged"]
    clean_002 = [r for r in rows if r["seed"] == "002" and r["kind"] == "clean"]
    clean_other = [r for r in rows if r["seed"] != "002"]
    flagged = []
    for path in sorted(seeds.glob("*.txt")):
        if path.name[:3] != "002" and is_ocr_damaged([path.read_text(encoding="utf-8")], "fi"):
            flagged.append(path.name[:3])
    return {
        "damaged": dam,
        "restored": [r for r in dam if repair_word(r["word"], lexicon) == r["correct"]],
        "clean": clean_002,
        "changed": [r for r in clean_002 if repair_word(r["word"], lexicon) != r["word"]],
        "clean_other": clean_other,
        "forced": [r for r in clean_other if repair_word(r["word"], lexicon) != r["word"]],
        "flagged_clean_docs": flagged,
    }


def measure_ocr(seeds: Path, lexicon, show_errors: bool) -> None:
    from planparse.normalize.repair.ocr.text import repair_word

    sc = score_ocr(seeds, lexicon)
    dam, restored, clean_002, changed = sc["damaged"], sc["restored"], sc["clean"], sc["changed"]
    clean_other, forced, flagged = sc["clean_other"], sc["forced"], sc["flagged_clean_docs"]
    occ = lambda rs: sum(int(r["count"]) for r in rs)  # noqa: E731
    print("OCR repair (seed 002 lost its ä/ö)")
    print(f"  damaged words restored: {len(restored)}/{len(dam)} = {100 * len(restored) / len(dam):.2f}% of distinct words, "
          f"{100 * occ(restored) / occ(dam):.2f}% of occurrences")
    print(f"  correct words changed:  {len(changed)}/{len(clean_002)} = {100 * len(changed) / len(clean_002):.2f}% of distinct words, "
          f"{100 * occ(changed) / occ(clean_002):.2f}% of occurrences")
    n_changed_clean_docs = sum(int(r["count"]) for r in forced if r["seed"] in flagged)
    print(f"  words changed in documents that are not OCR-damaged: {n_changed_clean_docs} (seeds flagged as damaged: {flagged or 'none'} besides 002)")
    print(f"  (information: if forced onto the {len(clean_other)} distinct clean words of seeds 000/001/003/004, "
          f"the repairer would change {len(forced)} = {100 * len(forced) / len(clean_other):.2f}%)")
    if show_errors:
        for r in dam:
            if r not in restored:
                print(f"  not restored: {r['word']} -> {repair_word(r['word'], lexicon)} (want {r['correct']})")
        for r in changed:
            print(f"  wrongly changed: {r['word']} -> {repair_word(r['word'], lexicon)}")
        for r in forced[:40]:
            print(f"  forced change of clean word: {r['seed']} {r['word']} -> {repair_word(r['word'], lexicon)}")


def measure_speed(seeds: Path, lexicon) -> None:
    from planparse.normalize.repair.document import repair_document

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        repair_document(text, "fi", lexicon=lexicon)
    dt = time.perf_counter() - t0
    print(f"speed: repair_text over all seeds: {words} words in {dt:.2f} s = {words / dt:,.0f} words/s (cold caches)")
    t0 = time.perf_counter()
    for text in texts:
        repair_document(text, "fi", lexicon=lexicon)
    dt = time.perf_counter() - t0
    print(f"       second pass (warm caches): {words / dt:,.0f} words/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["auto", "voikko", "fallback"], default=None)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--errors", action="store_true", help="list every wrong decision")
    parser.add_argument("--no-evidence", action="store_true", help="decide breaks without the document's own spellings")
    args = parser.parse_args(argv)
    from planparse.normalize.repair.lexicon import get_lexicon

    t0 = time.perf_counter()
    lexicon = get_lexicon("fi", args.backend)
    lexicon.zipf("ja")  # load the word list before timing
    print(f"backend: {lexicon.backend} (loaded in {time.perf_counter() - t0:.2f} s)")
    if args.backend == "voikko" and lexicon.backend != "voikko":
        print("measure: Voikko is not available", file=sys.stderr)
        return 1
    measure_breaks(args.seeds, lexicon, args.errors, not args.no_evidence)
    measure_ocr(args.seeds, lexicon, args.errors)
    measure_speed(args.seeds, lexicon)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
