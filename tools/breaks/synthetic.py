"""Held-out check of the break rules on text they were not tuned on.

The seeds' table (build_table.py) is what the rules were developed against.
This script makes breaks from any other Finnish text files: every word printed
with a real hyphen (tasa-arvo, sote-uudistus) is broken at that hyphen (right
answer: keep), and every plain word of 8+ letters is broken at one of Voikko's
hyphenation points (right answer: join).  Document evidence is switched off,
because the same word printed unbroken would give the answer away; what is
left is the lexicon and the spelling rules.  Needs Voikko for the hyphenation
points; judges with the backend asked for.

With --ocr it checks the OCR repair the same way: every word of the files is
stripped of its ä/ö (as a scan that lost them), and the repairer should give
the printed word back; words printed without ä/ö should come back unchanged.

Usage: python tools/breaks/synthetic.py [--backend auto|voikko|fallback] [--errors] [--ocr] FILE...
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?:-[^\W\d_]{2,})*(?![\w-])")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--backend", choices=["auto", "voikko", "fallback"], default=None)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--ocr", action="store_true", help="check the OCR repair instead of the breaks")
    args = parser.parse_args(argv)
    if args.ocr:
        return check_ocr(args)
    import libvoikko  # type: ignore[import-not-found]

    from planparse.normalize.repair.hyphens import decide_break
    from planparse.normalize.repair.lexicon import get_lexicon

    hyphenator = libvoikko.Voikko("fi")
    lexicon = get_lexicon("fi", args.backend)
    words: Counter[str] = Counter()
    for path in args.files:
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    total, right, errors = Counter(), Counter(), []
    for word in sorted(words):
        cases = []
        if "-" in word:
            i = word.index("-")
            cases.append((word[: i + 1], word[i + 1 :], "keep"))
        elif len(word) >= 8 and not word.isupper():
            points = [i for i, c in enumerate(hyphenator.getHyphenationPattern(word)) if c == "-" and 3 <= i <= len(word) - 3]
            if points:
                i = points[len(points) // 2]
                cases.append((word[:i] + "-", word[i:], "join"))
        for left, right_part, want in cases:
            got = decide_break(left, right_part, "fi", None, lexicon, sentence_start=True).kind
            total[want] += 1
            if got == want:
                right[want] += 1
            else:
                errors.append(f"  {left} | {right_part}: want {want}, got {got}")
    print(f"backend: {lexicon.backend}; {sum(words.values())} words, {len(words)} distinct, from {len(args.files)} files")
    for kind in ("join", "keep"):
        if total[kind]:
            print(f"  {kind:<5} {total[kind]:>6} {right[kind]:>6} {100 * right[kind] / total[kind]:8.2f}%")
    n, ok = sum(total.values()), sum(right.values())
    print(f"  all   {n:>6} {ok:>6} {100 * ok / max(n, 1):8.2f}%")
    if args.errors:
        print("\n".join(errors))
    return 0


def check_ocr(args: argparse.Namespace) -> int:
    from planparse.normalize.repair.lexicon import get_lexicon
    from planparse.normalize.repair.ocr.text import repair_word

    lexicon = get_lexicon("fi", args.backend)
    words: Counter[str] = Counter()
    for path in args.files:
        words.update(re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8", errors="replace")))
    strip = str.maketrans({"ä": "a", "ö": "o", "Ä": "A", "Ö": "O"})
    damaged = restored = clean = changed = 0
    errors = []
    for word in sorted(words):
        printed = word.translate(strip)
        got = repair_word(printed, lexicon)
        if printed != word:
            damaged += 1
            restored += got == word
            if got != word:
                errors.append(f"  not restored: {printed} -> {got} (want {word})")
        else:
            clean += 1
            if got != word:
                changed += 1
                errors.append(f"  changed: {word} -> {got}")
    print(f"backend: {lexicon.backend}; {len(words)} distinct words from {len(args.files)} files")
    print(f"  de-accented words restored: {restored}/{damaged} = {100 * restored / max(damaged, 1):.2f}%")
    print(f"  words without ä/ö changed:  {changed}/{clean} = {100 * changed / max(clean, 1):.2f}%")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
