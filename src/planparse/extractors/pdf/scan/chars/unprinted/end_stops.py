"""A full stop or comma OCR put after a word that the page image does not show, dropped (word boxes from pixels).

At 150 dpi Tesseract ends words with a "." or "," that was never printed
("ymmärrettävää. eri kanavissa", "Asiakaspalautetta." in a cell with no stop):
a field's text then differs from the plan's although every letter is right
(the most frequent error kind of the fin model at 150 dpi on scan set J:
"määrä.", "malli.", "tai.", "ja.").

The image tells: a printed stop or comma is the word's last ink, a small dot
at the foot of the line (a comma hangs a little below it), so the word's
rightmost ink columns hold nothing above the middle of its x-height.  Where
the rightmost ink is a letter's stroke reaching up into the x-height ("ää",
"n", "r"'s arm), nothing was printed after the letter and the sign goes.  A
word whose ink line cannot be told, or whose end has any low speck after it
(JPEG noise too), keeps its sign.
"""

from __future__ import annotations

import math
from typing import Any

from planparse.extractors.pdf.scan.chars.boxes.ink import dense_rows, ink_line, ink_stretches
from planparse.extractors.pdf.scan.chars.runs import char_runs

STOPS = frozenset(".,")
REACH = 1.0  # of the box height, looked at right of the box for the word's last ink (boxes end up to 3 pt short)
LAST_COLUMNS = 2  # pixel columns of the word's right end judged: a stop is about this wide at 150 dpi
SPACE = 0.6  # of the x-height: white this wide is a word space (letters and a stop stand nearer: 3 px of 8 at 150 dpi)
NEAR = 0.8  # of the x-height: a dot this near after the word's last letter is its stop
DOT = 0.5  # of the x-height: a stop's width at most
LOW = 0.5  # share of the x-height from its top: a stop's ink lies all below this


def drop_phantom_stops(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """`chars` without the final "." or "," of words whose last ink is a letter's, not a dot's."""
    runs = char_runs(chars)
    gone: set[int] = set()
    for k, run in enumerate(runs):
        last = chars[run[-1]]
        if len(run) < 3 or last["text"] not in STOPS or not chars[run[-2]]["text"].isalnum():
            continue
        x0 = min(chars[i]["x0"] for i in run)
        top, bottom = chars[run[0]]["top"], chars[run[0]]["bottom"]
        h = bottom - top
        if h <= 0:
            continue
        right = _next_word_x0(chars, runs, k, last["x1"] + REACH * h)
        if _ends_in_letter(ink, scale, x0, last["x1"], right, top, bottom):
            gone.add(run[-1])
    if not gone:
        return chars
    return [c for i, c in enumerate(chars) if i not in gone]


def _ends_in_letter(ink: Any, scale: float, x0: float, x1: float, reach: float, top: float, bottom: float) -> bool:
    """Whether the word boxed x0..x1 ends in a letter's ink reaching above the middle of its
    line's x-height, with no low dot of ink after it (looked for up to `reach`)."""
    line = ink_line(ink, scale, x0, x1, top, bottom)
    if line is None:
        return False
    profile, a, b, ya = line
    xh_top, base = dense_rows(profile, a, b)
    xh = base - xh_top
    if xh < 3:
        return False
    low = xh_top + LOW * xh  # rows (from ya) under this are the foot of the line
    xa, xb = max(0, int((x0 - (bottom - top)) * scale)), min(ink.shape[1], math.ceil(reach * scale))
    band = ink[ya + a : ya + b, xa:xb]
    words = ink_stretches(band.any(axis=0).tolist(), round(SPACE * xh))
    if not words:
        return False
    c0, c1 = x0 * scale - xa, x1 * scale - xa
    if sum(1 for s, e in words if s >= c0 and e <= c1) >= 2:
        return False  # the box holds several words' ink (a layer with no spaces, pdfminer's run): whose end is it?
    k = max(range(len(words)), key=lambda j: min(words[j][1], c1) - max(words[j][0], c0))  # the box's own ink
    start, end = words[k]
    if min(end, c1) - max(start, c0) <= 0 or end >= band.shape[1] or _low(band[:, max(start, end - LAST_COLUMNS) : end], low - a):
        return False
    if k + 1 < len(words):
        nxt = words[k + 1]
        if nxt[0] - end <= NEAR * xh and nxt[1] - nxt[0] <= DOT * xh and _low(band[:, nxt[0] : nxt[1]], low - a):
            return False  # a dot a little apart (a stop or a speck: the sign is kept)
    return True


def _low(area: Any, low: float) -> bool:
    """Whether `area` has ink and all of it lies at or below row `low`."""
    rows = area.any(axis=1).nonzero()[0]
    return len(rows) > 0 and int(rows[0]) >= low


def _next_word_x0(chars: list[dict], runs: list[list[int]], k: int, limit: float) -> float:
    """`limit`, or the left edge of the next word on run `k`'s line if that comes first (its ink is its own)."""
    if k + 1 < len(runs):
        me, nxt = chars[runs[k][0]], chars[runs[k + 1][0]]
        height = max(me["bottom"] - me["top"], 1.0)
        if abs(nxt["top"] - me["top"]) <= 0.3 * height and nxt["x0"] > me["x0"]:
            return min(limit, nxt["x0"])
    return limit
