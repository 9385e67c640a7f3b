"""Bold OCR words told by the weight of their strokes in the page image.

An OCR text layer has one invisible font: every word is regular.  The
table reader leans on boldness where a plan has no rule to show it: a
header row set in bold right above the first data row, at the usual line
pitch (a table framed only round its outside), is told from that row only by
its weight.  On a scan the page image still shows it: a bold word's strokes
are wider and its box holds more ink.

Each word's weight is its mean horizontal stroke width (runs of ink pixels
across the middle of its box) relative to its box height (so a large
regular title is not bold), times its share of inked pixels, over the
page's usual weight (the median: body text).  Words are weighed together
with the words beside them at a word space (a cell's line): a line BOLD_RATIO
as heavy, with SEED_LETTERS small letters weighed, is bold; so are the lines
LIGHT_BOLD_RATIO as heavy stacked on a bold one (the rest of a bold cell).
Lines set larger than body text (a heading's) are weighed together with
the large lines stacked on them.  Only OCR'd scan pages are weighed (pdf.opening._scan_rules).
"""

from __future__ import annotations

from typing import Any, Callable

from planparse.extractors.pdf.scan.chars.runs import char_runs
from planparse.extractors.pdf.scan.chars.boxes.ink import dense_rows, ink_line

BOLD_RATIO = 1.6  # a line of a cell this much heavier than the page's body text is bold
LIGHT_BOLD_RATIO = 1.35  # ... and a line this heavy beside a bold one (hysteresis)
INK_BOLD_RATIO = 1.35  # the same two weighed on the x-height rows of the ink (`ink_weight`)
INK_LIGHT_BOLD_RATIO = 1.2
LINE_GAP = 0.8  # box heights between the lines of one cell
MIN_RUN_CHARS = 3  # a shorter word's ink is too little to weigh
SEED_LETTERS = 8  # a line needs this many weighed small letters to be bold by itself (short fragments
# are noisy; capitals are nearly all stems, heavier than small letters: "HR-enheten")
MIN_WORDS = 12  # a page with fewer measured words has no usual weight to compare to
CORE_SHARE = 0.6  # of a word's densest ink row: rows this dense are its x-height (a capital's bar is not)
MAX_STROKE = 0.35  # of the box height: a longer ink run is a bullet, a rule end or a blot, no stroke
MAX_CORE_STROKE = 0.7  # the same, of the x-height
HEADING_GAP = 3.0  # box heights: large words this near on a line are one heading's
BODY_SIZE = 1.2  # a line whose box is this much taller than the page's usual one is set large (a heading's)
WORD_SPACE = 0.9  # box heights: words this near on a line are one stretch of text (a column gap is wider)
BOLD_SUFFIX = "-Bold"  # added to the characters' font name (pdf.words.is_bold reads it)


def box_weight(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> float | None:
    """Mean stroke width over box height, times the ink share, of the box's middle half; None if blank."""
    import numpy as np

    h = bottom - top
    r0, r1 = int((top + 0.25 * h) * scale), int((bottom - 0.25 * h) * scale)
    c0, c1 = max(int(x0 * scale), 0), int(x1 * scale) + 1
    area = ink[max(r0, 0) : max(r1, r0 + 1), c0:c1]
    if area.size == 0 or not area.any():
        return None
    padded = np.zeros((area.shape[0], area.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = area
    steps = np.diff(padded, axis=1)
    lengths = np.flatnonzero(steps.ravel() == -1) - np.flatnonzero(steps.ravel() == 1)
    lengths = lengths[lengths <= max(MAX_STROKE * h * scale, 2)]
    if not lengths.size:
        return None
    return float(lengths.mean()) / (h * scale) * float(area.mean())


def ink_weight(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> float | None:
    """Mean stroke width over x-height, times the ink share, of the word's x-height rows; None if blank.

    The rows are found in the ink (`ink_line`, `dense_rows`), not taken from the OCR box:
    Tesseract's boxes of one page differ in height and in where the letters stand in
    them (12 pt boxes with the letters in their lower half beside 7 pt boxes they fill),
    and a box's middle half held ascenders only in some words and x-height only in others."""
    import numpy as np

    line = ink_line(ink, scale, x0, x1, top, bottom)
    if line is None:
        return None
    profile, a, b, ya = line
    first, end = _core_rows(profile, a, b)
    core = end - first
    c0, c1 = max(int(x0 * scale), 0), int(x1 * scale) + 1
    area = ink[ya + first : ya + end, c0:c1]
    if core < 2 or area.size == 0 or not area.any():
        return None
    inked = np.flatnonzero(area.any(axis=0))
    area = area[:, inked[0] : inked[-1] + 1]  # a box wider than its word would thin its ink
    padded = np.zeros((area.shape[0], area.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = area
    steps = np.diff(padded, axis=1)
    lengths = np.flatnonzero(steps.ravel() == -1) - np.flatnonzero(steps.ravel() == 1)
    lengths = lengths[lengths <= max(MAX_CORE_STROKE * core, 2)]
    if not lengths.size:
        return None
    return float(lengths.mean()) / core * float(area.mean())


def _core_rows(profile: Any, a: int, b: int) -> tuple[int, int]:
    """(first, end) of a word's x-height rows in band a..b: rows CORE_SHARE as dense as its
    second densest row.  One row may stand far denser than the rest -- at 150 dpi the
    baseline, where the feet of every letter meet in the JPEG's blur (39 pixels under
    "fallrisken"'s x-height rows of 21-24): measured against it the x-height shrank to that
    row and the one above, and the word's strokes, over a core of 2 rows, weighed five
    times the page's usual (sjovik-valfard-frame@eng-150 of scan set M p. 2)."""
    rows = sorted(profile[a:b])
    return dense_rows(profile, a, b, CORE_SHARE, peak=float(rows[-2]) if len(rows) >= 2 else float(rows[-1]))


def mark_bold(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """The characters with the font name of the words printed in bold marked so.

    `ink`: the page image as a boolean array in the characters' (straightened) frame,
    rules taken out; `scale` its pixels per point.  Words are weighed together with
    the words they stand beside at a word space (a cell's line): one word's ink is
    too little to tell a blot from bold.  A line heavier than BOLD_RATIO times the
    body text's weight is bold; so is a line at least LIGHT_BOLD_RATIO as heavy (or
    too short to weigh), or whose x-height rows alone are as heavy as a bold line's, that
    stands right above or below a bold one, overlapping it (the other lines of a bold cell,
    some of them lighter by chance).
    """
    runs = char_runs(chars)
    groups = _segments(chars, runs)
    usual = _usual_height(chars, runs)
    by_box = _line_ratios(
        chars, runs, groups, lambda x0, x1, top, bottom: box_weight(ink, scale, x0, x1, _body_top(top, bottom, usual), bottom)
    )
    by_ink = _line_ratios(chars, runs, groups, lambda *box: ink_weight(ink, scale, *box))
    if by_box is None or by_ink is None:
        return chars
    ratios, sizes, boxes, body = by_box
    ink_ratios = by_ink[0]

    def _large(k: int) -> bool:  # a heading's box, taller than body text's
        return boxes[k][3] - boxes[k][1] > BODY_SIZE * body

    def heavy(k: int, box_bar: float, ink_bar: float) -> bool:
        r, q = ratios[k], ink_ratios[k]
        large = _large(k)  # a heading's strokes are weighed by its box alone
        return (r is None or r >= box_bar) and (large or q is None or q >= ink_bar)

    def heavy_beside_bold(k: int) -> bool:
        # the box's middle half misjudges a short word of x-height letters alone ("vastuu": box
        # 0.98-1.15, ink 1.45-1.57 under a bold "ja raportointi-"): x-height rows as heavy as a
        # bold line's (INK_BOLD_RATIO) suffice there -- in body-size text only (a heading's
        # strokes are weighed by its box alone, as in `heavy`: "lisääntyy", the second line of a
        # heading set 1.3 times the body's size, stays as it was)
        q = ink_ratios[k]
        large = _large(k)
        return heavy(k, LIGHT_BOLD_RATIO, INK_LIGHT_BOLD_RATIO) or (not large and q is not None and q >= INK_BOLD_RATIO)

    bold = [ratios[k] is not None and sizes[k] >= SEED_LETTERS and heavy(k, BOLD_RATIO, INK_BOLD_RATIO) for k in range(len(groups))]
    # a heading's lines, weighed as one, are bold by their own weight alone: bold spread up from
    # the table's bold header row under it made its last line bold and cut the heading in two
    # ("PÄÄTAVOITE I: ... hyvinvointi" / "lisääntyy", kymenlaakso-lnp-hrules@fin-150, set H)
    heading = {k for stack in _large_stacks(boxes, body) for k in stack}
    todo = [g for g, b in enumerate(bold) if b and g not in heading]
    while todo:
        g = todo.pop()
        for k in range(len(groups)):
            if not bold[k] and k not in heading and heavy_beside_bold(k) and _stacked(boxes[g], boxes[k]):
                bold[k] = True
                todo.append(k)
    out = list(chars)
    for group, is_bold in zip(groups, bold):
        if not is_bold:
            continue
        for k in group:
            for i in runs[k]:
                c = dict(out[i])
                c["fontname"] = f"{c.get('fontname') or ''}{BOLD_SUFFIX}"
                out[i] = c
    return out


def _usual_height(chars: list[dict], runs: list[list[int]]) -> float | None:
    """The page's usual OCR box height (the median word's of MIN_RUN_CHARS or more), or None."""
    heights = sorted(chars[run[0]]["bottom"] - chars[run[0]]["top"] for run in runs if len(run) >= MIN_RUN_CHARS)
    return heights[len(heights) // 2] if heights else None


def _body_top(top: float, bottom: float, usual: float | None) -> float:
    """Where a box is weighed from: a box a little taller than the page's usual one (not a
    heading's, BODY_SIZE) is weighed over the usual height up from its bottom.  Tesseract
    gives the words of one line one box, and a capital's ring or accent on that line (the
    Å of "Åtgärder") lifts its top: the middle half of the taller box then holds the
    thin ascenders of every word on the line, and a bold header row weighs as regular."""
    if usual is None or not usual < bottom - top <= BODY_SIZE * usual:
        return top
    return bottom - usual


def _line_ratios(
    chars: list[dict], runs: list[list[int]], groups: list[list[int]], measure: Callable[..., float | None]
) -> tuple[list[float | None], list[int], list[tuple[float, float, float, float]], float] | None:
    """Per line stretch (a group of runs): its weight by `measure(x0, x1, top, bottom)` over
    the page's usual one (the median word's), its weighed small letters and its box, large
    lines pooled (`_pool_large`); and the body text's box height.  None when too few words
    weigh to know the usual weight."""
    weights: list[tuple[float, int, int] | None] = []  # weight, characters, small letters
    for run in runs:
        first = chars[run[0]]
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        text = "".join(chars[i].get("text", "") for i in run)
        weighable = len(run) >= MIN_RUN_CHARS and any(ch.islower() for ch in text)  # "II.", "000": stems only
        w = measure(x0, x1, first["top"], first["bottom"]) if weighable else None
        weights.append(None if w is None else (w, len(run), sum(ch.islower() for ch in text)))
    known = sorted(x[0] for x in weights if x is not None)
    if len(known) < MIN_WORDS:
        return None
    usual = known[len(known) // 2]
    heights = sorted(chars[run[0]]["bottom"] - chars[run[0]]["top"] for run, x in zip(runs, weights) if x is not None)
    body = heights[len(heights) // 2]
    ratios: list[float | None] = []
    sizes: list[int] = []
    boxes: list[tuple[float, float, float, float]] = []
    for group in groups:
        measured = [weights[k] for k in group if weights[k] is not None]
        n = sum(m[1] for m in measured)
        ratios.append(sum(m[0] * m[1] for m in measured) / n / usual if n else None)
        sizes.append(sum(m[2] for m in measured))
        members = [chars[i] for k in group for i in runs[k]]
        boxes.append((min(c["x0"] for c in members), min(c["top"] for c in members), max(c["x1"] for c in members), max(c["bottom"] for c in members)))
    _pool_large(ratios, sizes, boxes, body)
    return ratios, sizes, boxes, body


def _large_stacks(boxes: list, body: float) -> list[list[int]]:
    """The stacks of lines set larger than body text (a heading over two or three lines,
    and the large words beside them), by index, two lines or more."""
    large = [k for k, b in enumerate(boxes) if b[3] - b[1] > BODY_SIZE * body]
    seen: set[int] = set()
    stacks = []
    for k in large:
        if k in seen:
            continue
        stack, todo = [k], [k]
        seen.add(k)
        while todo:
            g = todo.pop()
            for j in large:
                if j not in seen and (_stacked(boxes[g], boxes[j]) or _beside(boxes[g], boxes[j])):
                    seen.add(j)
                    stack.append(j)
                    todo.append(j)
        if len(stack) >= 2:
            stacks.append(stack)
    return stacks


def _pool_large(ratios: list, sizes: list[int], boxes: list, body: float) -> None:
    """Lines set larger than body text (a heading over two or three lines) weighed as one:
    each stack of such lines (and the large words beside them) gets their common weight (in place).  Weighed apart, a
    heading's lines come out unevenly bold, and the heading is cut at the change."""
    for stack in _large_stacks(boxes, body):
        weighed = [j for j in stack if ratios[j] is not None]
        letters = sum(sizes[j] for j in weighed)
        if not letters:
            continue
        pooled = sum(ratios[j] * sizes[j] for j in weighed) / letters
        for j in stack:
            ratios[j], sizes[j] = pooled, letters


def _beside(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do boxes a and b stand on one line, at most HEADING_GAP box heights apart?"""
    h = max(a[3] - a[1], b[3] - b[1], 1.0)
    return abs(a[1] - b[1]) <= 0.3 * h and max(a[0], b[0]) - min(a[2], b[2]) <= HEADING_GAP * h


def _stacked(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do boxes a and b stand on neighbouring lines, one right under the other, overlapping across?"""
    h = max(a[3] - a[1], b[3] - b[1], 1.0)
    upper, lower = (a, b) if a[1] <= b[1] else (b, a)
    return min(a[2], b[2]) > max(a[0], b[0]) and -0.3 * h <= lower[1] - upper[3] <= LINE_GAP * h


def _segments(chars: list[dict], runs: list[list[int]]) -> list[list[int]]:
    """Runs (by index) grouped into stretches of one line whose words stand a word space apart."""
    groups: list[list[int]] = []
    for k, run in enumerate(runs):
        first = chars[run[0]]
        h = max(first["bottom"] - first["top"], 1.0)
        if groups:
            prev = runs[groups[-1][-1]]
            p0, p1 = chars[prev[0]], chars[prev[-1]]
            if abs(p0["top"] - first["top"]) <= 0.3 * h and -0.5 <= first["x0"] - p1["x1"] <= WORD_SPACE * h:
                groups[-1].append(k)
                continue
        groups.append([k])
    return groups
