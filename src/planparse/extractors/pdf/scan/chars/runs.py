"""The text layer's characters grouped into word-like runs: the unit every OCR check measures.

An OCR text layer gives characters, one box each; a word is a run of them on one
line with no gap wider than a letter space.  Every module of pdf.scan.chars that
judges a word against the page image starts from these runs, so they are found
one way, here.
"""

from __future__ import annotations


def char_runs(chars: list[dict]) -> list[list[int]]:
    """Indices of the characters of each word-like run (one line, no gap), in the layer's order."""
    runs: list[list[int]] = []
    prev: dict | None = None
    for i, c in enumerate(chars):
        if not c.get("text", "").strip():
            prev = None
            continue
        height = max(c["bottom"] - c["top"], 1.0)
        same = (
            prev is not None
            and abs(c["top"] - prev["top"]) <= 0.3
            and -0.5 <= c["x0"] - prev["x1"] <= 0.3 * height
        )
        if same:
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = c
    return runs
