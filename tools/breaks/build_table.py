"""Build the table of real line-break hyphens found in the seed texts.

Every line of ../shared/seeds/*.txt that ends in a hyphen (or a hyphen
look-alike, or an en dash after a digit) gives one row: the last token of that
line, the first token of the next non-blank line, and the correct reading.

The correct reading ("kind") is decided by a person reading the seed, not by
the code under test: this script only *extracts* the breaks and keeps the
reviewed labels of an existing breaks.tsv (matched by seed + line number).  New
rows get a suggestion marked `?` in the `reviewed` column so they stand out.

kinds: join (tie- topohjan -> tietopohjan), keep (tasa- arvo -> tasa-arvo),
suspended (viestintä- ja -> viestintä- ja), attach (sekä - kulttuuria ->
sekä -kulttuuria), skip (not a break: the next line is not the continuation,
e.g. columns interleaved by the text extraction, or a "-" placeholder of an
empty cell), dash (a lone "-" used as a dash between words: keeps its spaces).
`before` is the text before the left token (the previous line when the token
starts its line; empty after a blank line), so a measurement can tell a
sentence start.

It also writes ocr_words.tsv: every word of the OCR-damaged seed 002 (breaks
joined as reviewed) with its correct form, reviewed by a person (kind
`damaged` when the printed word differs from the correct one, `clean`
otherwise), and the words of the other seeds as `clean` words that must not
change.

Usage: python tools/breaks/build_table.py [--seeds DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parents[2] / "shared" / "seeds"
LINE_END_HYPHENS = "-\u00ad\u2010\u2011\u2012"
FIELDS = ["seed", "line", "left", "right", "kind", "reviewed", "before", "context"]


def extract_breaks(path: Path) -> list[dict[str, str]]:
    """One row per line ending in a hyphen, paired with the next non-blank line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = []
    for i, raw in enumerate(lines):
        text = raw.rstrip()
        if not text:
            continue
        last = text.split()[-1]
        is_range = text[-1] == "\u2013" and len(last) > 1 and last[-2].isdigit()
        if text[-1] not in LINE_END_HYPHENS and not is_range:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines):
            continue
        right = lines[j].split()[0]
        before = text[: len(text) - len(last)].strip()
        if not before and i > 0 and lines[i - 1].strip():
            before = lines[i - 1].strip()
        context = (text[-40:] + " | " + lines[j].strip()[:40]).replace("\t", " ")
        rows.append({"seed": path.name[:3], "line": str(i + 1), "left": last, "right": right, "before": before[-60:], "context": context})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--out", type=Path, default=HERE / "breaks.tsv")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"build_table: {args.seeds}: no such directory", file=sys.stderr)
        return 2
    reviewed: dict[tuple[str, str], dict[str, str]] = {}
    if args.out.exists():
        with args.out.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                reviewed[(row["seed"], row["line"])] = row
    from planparse.normalize.repair.hyphens import decide_break

    rows = []
    for path in sorted(args.seeds.glob("*.txt")):
        for row in extract_breaks(path):
            old = reviewed.get((row["seed"], row["line"]))
            if old and old["left"] == row["left"] and old["right"] == row["right"]:
                row["kind"], row["reviewed"] = old["kind"], old["reviewed"]
            else:
                row["kind"], row["reviewed"] = decide_break(row["left"], row["right"]).kind, "?"
            rows.append(row)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    pending = sum(r["reviewed"] == "?" for r in rows)
    print(f"{len(rows)} breaks written to {args.out} ({pending} not reviewed yet)", file=sys.stderr)
    build_ocr_words(args.seeds, rows, args.out.with_name("ocr_words.tsv"))
    return 0




# --- OCR-damaged words -------------------------------------------------------

OCR_FIELDS = ["seed", "word", "correct", "kind", "count"]
DAMAGED_SEED = "002"


def seed_tokens(path: Path, breaks: list[dict[str, str]]) -> list[str]:
    """Word tokens of a seed, with the line-break joins of the reviewed table applied."""
    import re

    lines = path.read_text(encoding="utf-8").split("\n")
    joins = {int(b["line"]) - 1 for b in breaks if b["kind"] == "join"}
    token = re.compile(r"[^\W_]+")
    out: list[str] = []
    carry = ""
    for i, line in enumerate(lines):
        toks = token.findall(line)
        if not toks:
            continue
        if carry:
            toks[0] = carry + toks[0]
            carry = ""
        if i in joins:
            carry = toks.pop()
        out.extend(toks)
    if carry:
        out.append(carry)
    return out


def build_ocr_words(seeds: Path, breaks: list[dict[str, str]], out: Path) -> None:
    """Seed 002's tokens with their reviewed correct form, plus clean words of the other seeds.

    Reviewed forms of an existing table are kept (matched by seed + word); a new
    damaged-seed word gets the current repair as a suggestion and `?` as kind.
    """
    from collections import Counter

    old: dict[tuple[str, str], dict[str, str]] = {}
    if out.exists():
        with out.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                old[(row["seed"], row["word"])] = row
    rows = []
    for path in sorted(seeds.glob("*.txt")):
        seed = path.name[:3]
        counts = Counter(seed_tokens(path, [b for b in breaks if b["seed"] == seed]))
        for word, n in sorted(counts.items()):
            if not any(ch.isalpha() for ch in word):
                continue
            if seed != DAMAGED_SEED:
                rows.append({"seed": seed, "word": word, "correct": word, "kind": "clean", "count": n})
                continue
            prev = old.get((seed, word))
            if prev and prev["kind"] != "?":
                rows.append({**prev, "count": n})
                continue
            from planparse.normalize.repair.lexicon import get_lexicon
            from planparse.normalize.repair.ocr.text import repair_word

            guess = repair_word(word, get_lexicon("fi"))
            rows.append({"seed": seed, "word": word, "correct": guess, "kind": "?", "count": n})
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, OCR_FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    pending = sum(r["kind"] == "?" for r in rows)
    print(f"{len(rows)} words written to {out} ({pending} not reviewed yet)", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
