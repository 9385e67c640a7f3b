"""OCR words whose box starts over white paper set where their ink starts.

Tesseract's word boxes start at their ink within a point or two, but now and then
a word's box stands several points left of the word (a line box stretched by a speck
on a skewed page: "telyt" boxed 453.9-472.9 pt over ink at 460.2-477.0, the last line
of a cell whose column starts at 459).  A box that far left runs over the column's
start, and the line reads as running text across the columns: the table was cut
there.  The image shows where the word is: its letters are spread again from the
first ink under the box on the word's own line to the end of that ink.

A speck in the gap before a word, read as a mark glued to it ("_fortlépande"), gives the
word's letters their even share of a box that starts at the speck: the letters after the
marks are judged alone, and moved onto their ink when white stands between the marks' share
and it (the marks stay where they were read, a word of their own that `scan.marks` judges).
"""

from __future__ import annotations

from typing import Any

from planparse.extractors.pdf.scan.chars.boxes.ink import ink_line
from planparse.extractors.pdf.scan.chars.runs import char_runs

LEAD_WHITE = 0.4  # box heights of white at a box's start: the box stands left of its word
MIN_LETTERS = 3  # a shorter word's ink is too little to place it by
LETTER_GAP = 0.5  # box heights: ink this near belongs to one word
LINE_INK = 0.5  # box heights: the ink band under the box must be this tall to be the word's line
LEAD_MARKS = frozenset("-\u2013\u2014=~_'\u2018\u2019`\u00b4.,")  # a speck read as these, glued before a word
MAX_LEAD_MARKS = 2  # marks OCR reads from one speck


def onto_ink_start(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """The characters with each word whose box starts LEAD_WHITE box heights or more left of
    its ink moved onto that ink (`ink`: the page's dark pixels but rules, `scale` pixels per point)."""
    out = list(chars)
    runs = char_runs(chars)
    for k, run in enumerate(runs):
        run = _after_lead_marks(chars, run)
        place = _ink_span(chars, run, runs[k + 1] if k + 1 < len(runs) else None, ink, scale)
        if place is None:
            continue
        x0, x1 = chars[run[0]]["x0"], chars[run[-1]]["x1"]
        a, b = place
        stretch = (b - a) / (x1 - x0)
        for i in run:
            c = dict(chars[i])
            c["x0"], c["x1"] = a + (c["x0"] - x0) * stretch, a + (c["x1"] - x0) * stretch
            out[i] = c
    return out


def _after_lead_marks(chars: list[dict], run: list[int]) -> list[int]:
    """The run without up to MAX_LEAD_MARKS marks glued before its first letter or digit."""
    k = 0
    while k < min(MAX_LEAD_MARKS, len(run) - 1) and chars[run[k]]["text"] in LEAD_MARKS:
        k += 1
    return run[k:] if chars[run[k]]["text"].isalnum() else run


def _ink_span(chars: list[dict], run: list[int], following: list[int] | None, ink: Any, scale: float) -> tuple[float, float] | None:
    """(x0, x1) of the word's ink when its box starts LEAD_WHITE box heights left of it, else None."""
    text = "".join(chars[i]["text"] for i in run)
    if sum(ch.isalnum() for ch in text) < MIN_LETTERS or not text[0].isalnum():
        return None
    first = chars[run[0]]
    x0, x1, top, bottom = first["x0"], chars[run[-1]]["x1"], first["top"], first["bottom"]
    h = bottom - top
    if h <= 0 or x1 <= x0:
        return None
    line = ink_line(ink, scale, x0, x1, top, bottom)
    if line is None:
        return None
    _, a, b, ya = line
    if b - a < LINE_INK * h * scale:
        return None  # specks under the box, not the word's line
    lead_limit = x1 + (x1 - x0)  # how far right the word's ink is looked for
    if following is not None and abs(chars[following[0]]["top"] - top) <= 0.3 * h:
        lead_limit = min(lead_limit, chars[following[0]]["x0"] - LETTER_GAP * h)
    ca, cb = max(0, int(x0 * scale)), min(ink.shape[1], int(lead_limit * scale))
    if cb - ca < 2:
        return None
    cols = ink[ya + a : ya + b, ca:cb].any(axis=0).tolist()
    if True not in cols:
        return None
    start = cols.index(True)
    if start < LEAD_WHITE * h * scale:
        return None
    end, white = start, 0
    for j in range(start, len(cols)):
        if cols[j]:
            end, white = j + 1, 0
        else:
            white += 1
            if white >= LETTER_GAP * h * scale:
                break
    new_x0, new_x1 = (ca + start) / scale, (ca + end) / scale
    return (new_x0, max(new_x1, new_x0 + 0.5 * (x1 - x0)))
