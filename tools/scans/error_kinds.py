"""Which kinds of OCR word error cost the most fields, from wordpairs.py's --fields output.

    python tools/scans/wordpairs.py out/held --fields > /tmp/pairs.txt
    python tools/scans/error_kinds.py /tmp/pairs.txt [--kind letters]

Each field wrong by its text is split into its differing word stretches, and
each stretch is given a kind (case, space, punctuation, lost ä/ö, a quarter's
Q read as 0, år/är, letters misread, garbled, junk added, words lost).  Per
OCR model it prints how many fields are wrong by one kind alone (what fixing
that kind would gain) and how many stretches of each kind there are.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

_SIGNS = re.compile(r"[^\w\s]")
_FIELD = re.compile(r"\[(.*?) (\w+)\]\n  exp: (.*)\n  got: (.*)")


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def stretches(expected: str, found: str) -> list[tuple[str, str]]:
    a, b = expected.split(), found.split()
    return [(" ".join(a[i1:i2]), " ".join(b[j1:j2])) for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal"]


def kind(expected: str, found: str) -> str:
    """The kind of one differing stretch (expected words -> found words)."""
    if not expected:
        return "junk-added"
    if not found:
        return "words-lost"
    if expected.lower() == found.lower():
        return "case"
    if re.fullmatch(r"Q\d/\d{4}", expected):
        return "Q-as-0"
    if expected.replace(" ", "") == found.replace(" ", ""):
        return "space"
    if _SIGNS.sub("", expected) == _SIGNS.sub("", found):
        return "punct"
    if _SIGNS.sub("", expected).replace(" ", "") == _SIGNS.sub("", found).replace(" ", "").replace("-", ""):
        return "space+punct"
    if "år" in expected and expected.replace("år", "är") == found:
        return "år/är"
    if _plain(expected) == _plain(found):
        return "diacritic-wrong"
    ratio = SequenceMatcher(None, expected, found, autojunk=False).ratio()
    if ratio < 0.6:
        return "garbled"
    return "diacritic-word-misread" if _plain(expected) != expected else "letters"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path, help="wordpairs.py --fields output")
    parser.add_argument("--kind", default="", help="also list this kind's stretches")
    args = parser.parse_args(argv)
    text = args.pairs.read_text(encoding="utf-8").split("\nfields wrong by their text")[0]
    alone: Counter[tuple[str, str]] = Counter()
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for scan, _field, expected, found in _FIELD.findall(text):
        model = scan.split("@")[1].split("-")[0]
        kinds = [(kind(a, b), a, b) for a, b in stretches(expected, found)]
        for k, a, b in kinds:
            counts[model, k] += 1
            examples[model, k][a, b] += 1
        distinct = {k for k, _, _ in kinds}
        alone[model, distinct.pop() if len(distinct) == 1 else "mixed"] += 1
    for model in sorted({m for m, _ in alone}):
        print(f"== {model}: fields wrong by one kind alone (stretches of that kind)")
        for (m, k), n in alone.most_common():
            if m == model:
                print(f"  {k:24} {n:4} ({counts[m, k]})")
        if args.kind:
            for (a, b), n in examples[model, args.kind].most_common():
                print(f"    {n:3}  {a!r} -> {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
