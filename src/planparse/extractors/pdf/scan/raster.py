"""Ruling lines read from the page image of a scan (tables from pixels).

A scanned plan is a page image with, at best, an invisible OCR text layer:
its table rules exist only as pixels, so the vector pipeline sees a table
without a single edge.  Here the page is rendered (PDFium), binarized, and
the rules are found by morphology, as camelot's lattice mode and img2table
do: a pixel belongs to a horizontal (vertical) rule when it lies in a dark
run at least `min_run` long along a row (column), which no letter stroke is.
The runs become pdfplumber-style edges in page points, and the ruled-table
chain (pdf.tables.ruling.ruled) builds the cell grid from them as from vector rules.

A paper scan is rarely straight: before the long-run test the skew is
measured on the short horizontal runs, or on all ink when the page has no
rules (the angle whose shear gives the sharpest row profile, as
projection-profile deskewing does), the image is
turned straight, and the characters are moved into the same straightened
frame so words and rules still meet.

numpy, not OpenCV: erosion and dilation with a line-shaped kernel are two
cumulative sums along one axis, the skew search is a bincount per angle, and
nothing else of OpenCV is needed; numpy is a 15 MB wheel with no system
libraries where opencv-python-headless is 50 MB.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

RENDER_DPI = 150  # enough for a 0.5 pt rule to be a pixel wide; cheap to render
DARK = 150  # grey level (0-255) below which a pixel is ink
MIN_RULE_PT = 22.0  # a run this long (points) is a rule, not a letter stroke (an 18 pt title's "l" is ~14 pt)
SKEW_RUN_PT = 8.0  # runs this long measure the skew (short enough to survive it)
MAX_SKEW_DEG = 2.0
SKEW_STEP_DEG = 0.05
MIN_SKEW_DEG = 0.08  # below this the image is left as it is
MIN_RULE_PIXELS = 3000  # fewer pixels in horizontal runs than this: a page without rules
RULE_MARKS = frozenset("|[]!")  # what OCR reads a rule as


def _runs_mask(dark: Any, length: int, axis: int) -> Any:
    """Pixels inside a dark run of at least `length` along `axis` (erosion then dilation)."""
    import numpy as np

    if axis == 0:
        return _runs_mask(dark.T, length, 1).T
    h, w = dark.shape
    if length > w:
        return np.zeros_like(dark)
    csum = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(dark, axis=1, out=csum[:, 1:])
    full = (csum[:, length:] - csum[:, :-length]) == length  # run of `length` starts here
    fsum = np.zeros((h, full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=fsum[:, 1:])
    # pixel x is covered when a full run starts in [x - length + 1, x]
    idx = np.arange(w)
    hi = np.minimum(idx, full.shape[1] - 1) + 1
    lo = np.clip(idx - length + 1, 0, full.shape[1])
    return (fsum[:, hi] - fsum[:, lo]) > 0


def estimate_skew(dark: Any, run: int) -> float:
    """Degrees the page is turned (counter-clockwise positive), from its horizontal runs."""
    import numpy as np

    ys, xs = np.nonzero(_runs_mask(dark, run, 1))
    if len(ys) < MIN_RULE_PIXELS:  # no rules to go by: the text lines' own profile (all ink)
        ys, xs = np.nonzero(dark)
    if len(ys) < 200:
        return 0.0
    if len(ys) > 200_000:
        pick = np.random.default_rng(0).choice(len(ys), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    best, best_score = 0.0, -1.0
    steps = int(MAX_SKEW_DEG / SKEW_STEP_DEG)
    for i in range(-steps, steps + 1):
        angle = i * SKEW_STEP_DEG
        shifted = ys + xs * math.tan(math.radians(angle))
        hist = np.bincount(np.round(shifted - shifted.min()).astype(np.int64))
        score = float(np.dot(hist, hist))
        if score > best_score:
            best, best_score = angle, score
    return best


def _segments(mask: Any, axis: int, min_len: int) -> list[tuple[int, int, int]]:
    """(position, start, end) of runs in `mask` along rows (axis 1) or columns (axis 0)."""
    import numpy as np

    m = mask if axis == 1 else mask.T
    padded = np.zeros((m.shape[0], m.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = m
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    keep = (ends - starts) >= min_len
    return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()))


def _edge(pos: float, a: float, b: float, orientation: str) -> dict:
    if orientation == "h":
        return {"x0": a, "x1": b, "top": pos, "bottom": pos, "width": b - a, "height": 0.0, "orientation": "h"}
    return {"x0": pos, "x1": pos, "top": a, "bottom": b, "width": 0.0, "height": b - a, "orientation": "v"}


def page_rules(page: Any, width: float, height: float) -> tuple[list[dict], float]:
    """(edges of the rules in the page image, skew in degrees) for a PDFium page.

    Edges are in the page's points from its top-left corner, in the
    straightened frame when the page was skewed (see `straighten_chars`).
    """
    geometry = page_geometry(page, width, height)
    return geometry.edges, geometry.skew


class PageGeometry(NamedTuple):
    """A scanned page read once from its image (RENDER_DPI, straightened by `skew`)."""

    edges: list[dict]  # the rules (`page_rules`)
    skew: float
    ink: Any  # dark pixels other than rules, where OCR words are looked up (pdf.scan.chars.boxes.ink)
    dark: Any  # every dark pixel, rules too (glyph widths: pdf.scan.chars.glyphs.quarters)


def page_geometry(page: Any, width: float, height: float) -> PageGeometry:
    """The page's rules, skew and ink from one rendering of its image."""
    import numpy as np
    from PIL import Image

    scale = RENDER_DPI / 72
    image = page.render(scale=scale, grayscale=True, may_draw_forms=False).to_pil().convert("L")
    dark = np.asarray(image) < DARK
    skew = estimate_skew(dark, max(4, round(SKEW_RUN_PT * scale)))
    if abs(skew) >= MIN_SKEW_DEG:
        image = image.rotate(-skew, resample=Image.BILINEAR, fillcolor=255)
        dark = np.asarray(image) < DARK
    else:
        skew = 0.0
    edges, ink = rules_and_ink(dark, scale)
    return PageGeometry(edges, skew, ink, dark)


def rules_and_ink(dark: Any, scale: float) -> tuple[list[dict], Any]:
    """(edges of the rules, dark pixels other than rules) of a straight page image's
    dark pixels `dark` at `scale` pixels per point."""
    min_run = max(8, round(MIN_RULE_PT * scale))
    edges: list[dict] = []
    ink = dark.copy()
    for axis, orientation in ((1, "h"), (0, "v")):
        mask = _runs_mask(dark, min_run, axis)
        ink &= ~mask
        if axis == 1:
            ink &= ~_rule_fringe(ink, mask, max(2, round(FRINGE_RUN_PT * scale)))
        for pos, start, end in _segments(mask, axis, min_run):
            edges.append(_edge((pos + 0.5) / scale, start / scale, end / scale, orientation))
    return _thin(edges), ink


def _rule_fringe(ink: Any, rule: Any, min_len: int) -> Any:
    """Ink pixels that are rule: horizontal runs of `ink` at least `min_len` long lying
    against the rule pixels `rule` (or against such a run) on the pixel row above or below.

    Deskewing leaves a straight rule a pixel off level here and there: a stretch of
    it shorter than a rule's `min_run` falls on the neighbouring pixel row and stays
    in the ink ("—" read from a 7 pt stub of the top rule, left of a cell's "2020",
    kymenlaakso fin 200 dpi skewed, passed the phantom-mark check and moved the
    column's edge 9 pt left).  A letter's stroke reaching the rule is at most its
    serif or bar's few pixels; a stub lies along the rule, two or three passes deep."""
    import numpy as np

    runs = _runs_mask(ink, min_len, 1)
    gone = np.zeros_like(ink)
    touched = rule
    for _ in range(FRINGE_ROWS):
        near = np.zeros_like(ink)
        near[1:] |= touched[:-1]
        near[:-1] |= touched[1:]
        near[:, 1:] |= near[:, :-1].copy()  # a stub a pixel past the rule's end, diagonally
        near[:, :-1] |= near[:, 1:].copy()
        seed = runs & near & ~gone
        if not seed.any():
            break
        found = np.zeros_like(ink)
        rows = np.nonzero(seed.any(axis=1))[0]
        for k, start, end in _segments((runs & ~gone)[rows], 1, min_len):
            if seed[rows[k], start:end].any():
                found[rows[k], start:end] = True
        gone |= found
        touched = found
    return gone


FRINGE_RUN_PT = 2.0  # ink this long along a rule's pixel row is a piece of the rule, not a letter's stroke
FRINGE_ROWS = 2  # pixel rows beside a rule looked at for its stubs

RULE_THICKNESS_PT = 1.2  # pixel runs this close across (each to the next) belong to one rule
RULE_JOIN_PT = 2.0  # pieces of one rule this close along it are one stretch of rule


def _thin(edges: list[dict]) -> list[dict]:
    """One edge per rule: the pixel runs of a thick rule collapse into their middle.

    A rule on a scan is rarely one clean run per pixel row: a rule left a
    pixel off straight by the deskew, or printed unevenly, falls into pieces
    of different lengths on neighbouring pixel rows (195.6 pt: four pieces,
    196.1 pt: the whole width, 196.6 pt: two pieces).  Pieces that lie on
    neighbouring pixel rows and overlap (or nearly meet) along the rule are
    one rule, drawn where the whole stretch they cover is: three rules a
    point apart would be three row boundaries, two of them around no text.
    """
    out: list[dict] = []
    for orientation, pos_key, a_key, b_key in (("h", "top", "x0", "x1"), ("v", "x0", "top", "bottom")):
        group = sorted((e for e in edges if e["orientation"] == orientation), key=lambda e: (e[pos_key], e[a_key]))
        rules: list[list] = []  # [last_pos, [(pos, a, b), ...]]
        for e in group:
            pos, a, b = e[pos_key], e[a_key], e[b_key]
            touching = [
                rule for rule in rules[-16:]
                if pos - rule[0] <= RULE_THICKNESS_PT
                and any(a <= pb + RULE_JOIN_PT and b >= pa - RULE_JOIN_PT for _p, pa, pb in rule[1])
            ]
            if not touching:
                rules.append([pos, [(pos, a, b)]])
                continue
            first = touching[0]  # a piece that bridges pieces seen apart joins them into one rule
            for other in touching[1:]:
                first[1].extend(other[1])
                rules.remove(other)
            first[0] = pos
            first[1].append((pos, a, b))
        for _last, pieces in rules:
            out.extend(_edge(p, a, b, orientation) for p, a, b in _stretches(pieces))
    return out


def _stretches(pieces: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """(position, start, end) of each stretch that the pieces of one rule cover
    (pieces nearly meeting joined), its position the pieces' mean weighted by length."""
    out: list[tuple[float, float, float]] = []
    current: list[tuple[float, float, float]] = []
    reach = -math.inf
    for piece in sorted(pieces, key=lambda p: p[1]):
        if current and piece[1] > reach + RULE_JOIN_PT:
            out.append(_stretch(current))
            current = []
        current.append(piece)
        reach = max(reach, piece[2]) if len(current) > 1 else piece[2]
    if current:
        out.append(_stretch(current))
    return out


def _stretch(pieces: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    weight = sum(max(b - a, 1e-6) for _p, a, b in pieces)
    pos = sum(p * max(b - a, 1e-6) for p, a, b in pieces) / weight
    return pos, min(a for _p, a, _b in pieces), max(b for _p, _a, b in pieces)


def straighten_chars(chars: list[dict], skew: float, width: float, height: float) -> list[dict]:
    """Move every character's box by the rotation that straightened the page image.

    The box keeps its size; its centre turns about the page centre (PIL's
    rotate turns about the image centre too).
    """
    if not skew:
        return chars
    rad = math.radians(skew)  # image turned by -skew (clockwise for positive skew)
    cos, sin = math.cos(rad), math.sin(rad)
    cx, cy = width / 2, height / 2
    out = []
    for c in chars:
        mx, my = (c["x0"] + c["x1"]) / 2 - cx, (c["top"] + c["bottom"]) / 2 - cy
        # y grows downwards: a visual clockwise turn by `skew` maps (x, y) to (x cos - y sin, x sin + y cos)
        nx = cx + mx * cos - my * sin
        ny = cy + mx * sin + my * cos
        dx, dy = nx - (c["x0"] + c["x1"]) / 2, ny - (c["top"] + c["bottom"]) / 2
        new = dict(c)
        new["x0"], new["x1"] = c["x0"] + dx, c["x1"] + dx
        new["top"], new["bottom"] = c["top"] + dy, c["bottom"] + dy
        if "y0" in c:
            new["y0"], new["y1"] = c["y0"] - dy, c["y1"] - dy
        out.append(new)
    return out


def _stroke_before_stop(chars: list[dict], k: int) -> bool:
    """Is chars[k], a "|", a Roman I's stroke before its full stop, opening a word and followed
    by a capitalised one ("|. Perheet saavat", goal I at 150 dpi)?  A rule is not followed on
    its line by a stop glued to it and a new sentence ("per år |." at a line's end is a rule
    and a speck)."""
    c = chars[k]
    after = [ch.get("text", "") for ch in chars[k + 1 : k + 4]]
    if c.get("text") != "|" or len(after) < 3 or after[0] != "." or not after[1].isspace() or not after[2].isupper():
        return False
    if k > 0 and not chars[k - 1].get("text", " ").isspace() and abs(chars[k - 1]["bottom"] - c["bottom"]) <= 1.0:
        return False  # inside a word or after a mark on its line
    nxt = chars[k + 1]
    return abs(nxt["bottom"] - c["bottom"]) <= 0.5 * (c["bottom"] - c["top"]) and -0.5 <= nxt["x0"] - c["x1"] <= 1.0


def drop_rule_marks(chars: list[dict], edges: list[dict], slack: float = 2.5) -> list[dict]:
    """Characters OCR read from a vertical rule (`|`, `[`, `]`, `!`) standing on that rule;
    not a "|" with a stop glued after it (`_stroke_before_stop`), a letter's stroke."""
    xs = sorted(e["x0"] for e in edges if e["orientation"] == "v")
    if not xs:
        return [c for k, c in enumerate(chars) if c.get("text") != "|" or _stroke_before_stop(chars, k)]
    import bisect

    out = []
    for k, c in enumerate(chars):
        if c.get("text") in RULE_MARKS and not _stroke_before_stop(chars, k):
            mid = (c["x0"] + c["x1"]) / 2
            i = bisect.bisect_left(xs, mid)
            near = min((abs(xs[j] - mid) for j in (i - 1, i) if 0 <= j < len(xs)), default=99.0)
            if near <= slack + (c["x1"] - c["x0"]) / 2 or c["text"] == "|":
                continue
        out.append(c)
    return out
