"""OCR words whose letters contradict the shape of their own ink.

Tesseract now and then writes a plausible-looking string over plain text it
failed on: "HTOTTSN 1105:" over "nuorten arvos-", "SINIOIRUI 1947" over
"arviointi: maa-".  The box spans the right ink, so garbled.py (letters
stretched far too wide) misses it.  The ink still tells what sort of letters
stand there: capitals, digits and b d f h k l rise above the x-height; g j p q y
hang below the baseline; other lower-case letters do neither.

A word's printed line is measured on the ink of every word of its OCR line
(the densest rows are the x-height band), then the word's own ink above that
band (tall strokes) and below it (descenders) is counted (`Shape`).  One
contradiction is acted on (`capitals_over_small_ink`): a word of capitals whose
ink rises for at most every other capital.  Measured on every word of two
held-out sets, it flagged almost nothing but garbage; "too many tall strokes"
(dots and accents rise too) and "too few descenders" flagged real words as
often as garbage and are not used.  A line whose ink never rises above its
densest band (capitals only) tells nothing and is not judged.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from planparse.extractors.pdf.scan.chars.runs import char_runs

TALL = frozenset("bdfhklß") | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÜÉ0123456789")
DOTTED = frozenset("ijäöåüéèt!?/()[]{}%&|'\"")  # may or may not rise: dots, accents, a short t stem, tall signs
LOW = frozenset("gjpqy")
DENSE = 0.4  # of the line's densest row: rows this dense are its x-height band
MIN_RISE = 2  # pixel rows: ink this far above the band at most is a t's stem or a dot
MIN_TALL = 2  # capitals a judged word has at least
REACH = 0.5  # of the box height: ink searched above and below a word's box
BAND_SPREAD = 0.3  # a judged line's band per box height is this near the page's usual one
CAPS_SHARE = 1.15  # a band this much taller per box height than the page's usual x-height band is capitals


class Shape(NamedTuple):
    """What a word's letters need and what its ink shows."""

    text: str
    tall: int  # letters that must rise above the x-height
    may_rise: int  # letters that may
    low: int  # letters that hang below the baseline
    rising: int  # tall strokes in the ink (column runs reaching well above the x-height)
    hanging: int  # strokes in the ink below the baseline


def _strokes(mask: Any) -> int:
    """Runs of inked columns of a 2-D mask (a one-column gap splits two strokes)."""
    cols = mask.any(axis=0)
    count, prev = 0, False
    for v in cols:
        if v and not prev:
            count += 1
        prev = bool(v)
    return count


def _lines(chars: list[dict], runs: list[list[int]]) -> list[list[int]]:
    """Runs grouped by OCR line: middles within a third of the box height of each other."""
    boxes = []
    for k, run in enumerate(runs):
        top, bottom = min(chars[i]["top"] for i in run), max(chars[i]["bottom"] for i in run)
        boxes.append(((top + bottom) / 2, bottom - top, k))
    boxes.sort()
    lines: list[list[int]] = []
    last: tuple[float, float] | None = None
    for mid, h, k in boxes:
        if last is not None and abs(mid - last[0]) <= 0.3 * max(h, last[1]) and abs(h - last[1]) <= 0.3 * max(h, last[1]):
            lines[-1].append(k)
        else:
            lines.append([k])
            last = (mid, h)
    return lines


def word_shapes(chars: list[dict], ink: Any, scale: float) -> list[tuple[list[int], Shape]]:
    """Each OCR word (chars.runs.char_runs) on a judged line, with its Shape."""
    runs = char_runs(chars)
    measured = [m for m in (_measure(chars, runs, line, ink, scale) for line in _lines(chars, runs)) if m is not None]
    # x-height band per box height on the lines that show ascenders: a line that shows none
    # is judged when its band is as low, not a line of capitals (whose band is their full height)
    ratios = sorted(m.band_share for m in measured if m.rises)
    if not ratios:
        return []
    usual = ratios[len(ratios) // 2]
    out = []
    for m in measured:
        if not m.rises and m.band_share > CAPS_SHARE * usual:
            continue
        if not (1 - BAND_SPREAD) * usual <= m.band_share <= (1 + BAND_SPREAD) * usual:
            continue  # lines of other sizes run together, a rule's or a shade's rows: no band to judge by
        for k, xa, xb in m.spans:
            text = "".join(chars[i]["text"] for i in runs[k])
            crop = ink[m.ya:m.yb, xa:xb]
            shape = Shape(
                text,
                sum(ch in TALL for ch in text),
                sum(ch in DOTTED for ch in text),
                sum(ch in LOW or ch in ",;" for ch in text),
                _strokes(crop[m.above: m.band_top - MIN_RISE]),
                _strokes(crop[m.band_bottom + 2: m.below]),
            )
            out.append((runs[k], shape))
    return out


class _Line(NamedTuple):
    spans: list[tuple[int, int, int]]  # (run, first column, end column) in image pixels
    ya: int  # image row the following rows count from
    yb: int
    band_top: int
    band_bottom: int
    above: int  # first row searched for tall strokes
    below: int  # end row searched for descenders
    rises: bool  # the line's ink rises above its densest band
    band_share: float  # band height per box height


def _measure(chars: list[dict], runs: list[list[int]], line: list[int], ink: Any, scale: float) -> _Line | None:
    """The x-height band of an OCR line's ink (its densest rows) and where to look for ascenders
    and descenders: not beyond one band height above, 0.6 of it below (the next line's ink)."""
    import numpy as np

    top = min(chars[i]["top"] for k in line for i in runs[k])
    bottom = max(chars[i]["bottom"] for k in line for i in runs[k])
    reach = REACH * (bottom - top)
    ya, yb = max(0, int((top - reach) * scale)), min(ink.shape[0], int((bottom + reach) * scale) + 1)
    spans = []
    for k in line:
        xa = max(0, int(min(chars[i]["x0"] for i in runs[k]) * scale))
        xb = min(ink.shape[1], int(max(chars[i]["x1"] for i in runs[k]) * scale) + 1)
        if xb > xa:
            spans.append((k, xa, xb))
    if yb - ya < 4 or not spans:
        return None
    profile = np.zeros(yb - ya)
    for _k, xa, xb in spans:
        profile += ink[ya:yb, xa:xb].sum(axis=1)
    if profile.max() <= 0:
        return None
    dense = set(np.nonzero(profile >= DENSE * profile.max())[0].tolist())
    band_top = band_bottom = int(profile.argmax())  # the contiguous dense block round the densest row
    while band_top - 1 in dense:
        band_top -= 1
    while band_bottom + 1 in dense:
        band_bottom += 1
    xh = band_bottom - band_top + 1
    above, below = max(0, band_top - xh), band_bottom + 1 + int(0.6 * xh)
    inked = np.nonzero(profile[above:band_top] > 0)[0]
    rises = bool(len(inked)) and band_top - (above + int(inked[0])) > MIN_RISE + 1
    return _Line(spans, ya, yb, band_top, band_bottom, above, below, rises, xh / max((bottom - top) * scale, 1.0))


def capitals_over_small_ink(chars: list[dict], ink: Any, scale: float) -> list[list[int]]:
    """Words of capitals only, two at least ("HTOTTSN", "PRAEST"; figures may stand among them), whose ink rises above the
    x-height for at most every other letter: lower-case ink Tesseract wrote capitals over."""
    out = []
    for run, shape in word_shapes(chars, ink, scale):
        letters = [ch for ch in shape.text if ch.isalpha()]  # figures alone: a number's line is often measured amiss
        if len(letters) >= MIN_TALL and all(ch in TALL for ch in shape.text if ch.isalnum()) and 2 * shape.rising <= shape.tall:
            out.append(run)
    return out
