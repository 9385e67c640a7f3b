"""OCR words that are plainly garbage by their geometry: a few letters stretched over a word's ink.

When Tesseract fails on a stretch of a line it still writes something, and its
box still spans the ink it failed on: "mmm" over the 92 pt of "Siirrytään
öljylämmityk-", "nj" over 22 pt of "asemassa".  A printed word's letters are
about as wide as the page's body letters (sizes._advance: width per average
letter); a word whose letters come out GARBLED times as wide or more, in a
box no taller than body text's (a title's letters are wide too), was not read
from that ink.  Such words are what pdf.scan.reread may read again.
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.sizes import letter_units

GARBLED = 2.5  # width per letter, times the page's usual one
MIN_LETTERS = 4  # words this long set the page's usual width per letter
BODY_HEIGHT = 4.0  # a box this many times the usual box height or less may be a garbled line's (a title's is one line)


def garbled_runs(chars: list[dict]) -> list[list[int]]:
    """Indices of the characters of each OCR word (chars.runs.char_runs) stretched over far more ink
    than its letters print."""
    runs = char_runs(chars)
    measured = []
    for run in runs:
        text = "".join(chars[i]["text"] for i in run)
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        height = max(chars[i]["bottom"] for i in run) - min(chars[i]["top"] for i in run)
        measured.append((text, (x1 - x0) / max(letter_units(text), 0.5), height))
    usual = sorted(adv for text, adv, _h in measured if sum(ch.isalpha() for ch in text) >= MIN_LETTERS)
    heights = sorted(h for text, _a, h in measured if sum(ch.isalpha() for ch in text) >= MIN_LETTERS)
    if not usual:
        return []
    advance, height = usual[len(usual) // 2], heights[len(heights) // 2]
    return [
        run
        for run, (text, adv, h) in zip(runs, measured)
        if any(ch.isalnum() for ch in text) and adv >= GARBLED * advance and h <= BODY_HEIGHT * height
    ]
