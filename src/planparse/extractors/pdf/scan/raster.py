"""Ruling lines read from the page image of a scan (tables from pixels).

A scanned plan is a page image with, at best, an invisible OCR text layer:
its table rules exist only as pixels, so the vector pipeline sees a table
without a single edge.  Here the page is rendered (PDFium), binarized, and
the rules are found by morphology, as camelot's lattice mode and img2table
do: a pixel belongs to a horizontal (vertical) rule when it lies in a dark
run at least `min_run` long along a row (column), which no letter stroke is.
The runs become pdfplumber-style edges in page points, and the ruled-table
chain (pdf.tables.ruled) builds the cell grid from them as from vector rules.

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
import re
from typing import Any

from planparse.glyphs import ocr_bullet_misreads
from planparse.extractors.pdf.words import Word

RENDER_DPI = 150  # enough for a 0.5 pt rule to be a pixel wide; cheap to render
DARK = 150  # grey level (0-255) below which a pixel is ink
MIN_RULE_PT = 22.0  # a run this long (points) is a rule, not a letter stroke (an 18 pt title's "l" is ~14 pt)
SKEW_RUN_PT = 8.0  # runs this long measure the skew (short enough to survive it)
MAX_SKEW_DEG = 2.0
SKEW_STEP_DEG = 0.05
MIN_SKEW_DEG = 0.08  # below this the image is left as it is
MIN_RULE_PIXELS = 3000  # fewer pixels in horizontal runs than this: a page without rules
IMAGE_COVER = 0.5  # an image over this share of the page makes it a scan
RULE_MARKS = frozenset("|[]!")  # what OCR reads a rule as


def is_scan_page(page: Any, width: float, height: float) -> bool:
    """A page covered by one image (a scan), judged from PDFium's page objects."""
    import pypdfium2.raw as raw

    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= IMAGE_COVER * width * height:
            return True
    return False


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
    min_run = max(8, round(MIN_RULE_PT * scale))
    edges: list[dict] = []
    for axis, orientation in ((1, "h"), (0, "v")):
        mask = _runs_mask(dark, min_run, axis)
        for pos, start, end in _segments(mask, axis, min_run):
            edges.append(_edge((pos + 0.5) / scale, start / scale, end / scale, orientation))
    return _thin(edges), skew


def _thin(edges: list[dict]) -> list[dict]:
    """One edge per rule: the pixel rows of a thick rule collapse into their middle."""
    out: list[dict] = []
    for orientation, pos_key, a_key, b_key in (("h", "top", "x0", "x1"), ("v", "x0", "top", "bottom")):
        group = sorted((e for e in edges if e["orientation"] == orientation), key=lambda e: (e[a_key], e[pos_key]))
        merged: list[list[float]] = []  # [pos_sum, count, a, b, last_pos]
        for e in group:
            for m in merged[-8:]:
                if abs(e[a_key] - m[2]) < 1.5 and abs(e[b_key] - m[3]) < 1.5 and abs(e[pos_key] - m[4]) < 1.2:
                    m[0] += e[pos_key]
                    m[1] += 1
                    m[2], m[3], m[4] = min(m[2], e[a_key]), max(m[3], e[b_key]), e[pos_key]
                    break
            else:
                merged.append([e[pos_key], 1, e[a_key], e[b_key], e[pos_key]])
        out.extend(_edge(m[0] / m[1], m[2], m[3], orientation) for m in merged)
    return out


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


def drop_rule_marks(chars: list[dict], edges: list[dict], slack: float = 2.5) -> list[dict]:
    """Characters OCR read from a vertical rule (`|`, `[`, `]`, `!`) standing on that rule."""
    xs = sorted(e["x0"] for e in edges if e["orientation"] == "v")
    if not xs:
        return [c for c in chars if c.get("text") != "|"]
    import bisect

    out = []
    for c in chars:
        if c.get("text") in RULE_MARKS:
            mid = (c["x0"] + c["x1"]) / 2
            i = bisect.bisect_left(xs, mid)
            near = min((abs(xs[j] - mid) for j in (i - 1, i) if 0 <= j < len(xs)), default=99.0)
            if near <= slack + (c["x1"] - c["x0"]) / 2 or c["text"] == "|":
                continue
        out.append(c)
    return out


def mark_ocr(chars: list[dict]) -> list[dict]:
    """Tag a scan page's characters as OCR text (read_page reads its words accordingly)."""
    for c in chars:
        c["ocr"] = True
    return chars


def is_ocr_page(chars: list[dict]) -> bool:
    return bool(chars) and bool(chars[0].get("ocr"))


LINE_START_GAP = 0.8  # font sizes: a gap this wide before a word is a column gap, not a word space


def ocr_bullets(words: list[Word]) -> list[Word]:
    """A bullet that OCR read as a letter or sign (`e`, `»`, `©`, ...) becomes "•" again.

    Only a lone one-glyph word that opens a line (or stands after a column
    gap) and is followed, close by on the same line, by a capitalised word
    (or by an item number and a capitalised word, "¢ 3.2 Ystäväpalvelun") counts:
    the misreadings are in data/bullets.yaml (`ocr_misreads`).
    """
    misreads = ocr_bullet_misreads()
    out = list(words)
    for i, w in enumerate(out):
        if w.text not in misreads:
            continue
        # neighbours on the glyph's own line, by box centre: the line of a skewed scan
        # drifts by a point or two, so its words' tops do not sort as one line
        line = [o for o in out if o is not w and abs(o.yc - w.yc) <= 0.5 * w.size]
        nxt = min((o for o in line if o.x0 >= w.x1 - 0.5), key=lambda o: o.x0, default=None)
        prev = max((o for o in line if o.x1 <= w.x0 + 0.5), key=lambda o: o.x1, default=None)
        if nxt is None or nxt.x0 - w.x1 > 1.5 * w.size:
            continue
        if not nxt.text[:1].isupper() and not _numbered_word(nxt, line):
            continue
        if prev is not None and w.x0 - prev.x1 < LINE_START_GAP * w.size:
            continue  # inside a run of words: not at a line start (a column gap is wider)
        out[i] = w._replace(text="•")
    return out


_ITEM_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?$")  # "3.2": an action's number


def _numbered_word(word: Word, line: list[Word]) -> bool:
    """Is `word` an item number ("3.2") followed, close by, by a capitalised word ("¢ 3.2 Ystäväpalvelun")?"""
    if not _ITEM_NUMBER.match(word.text):
        return False
    after = min((o for o in line if o.x0 >= word.x1 - 0.5), key=lambda o: o.x0, default=None)
    return after is not None and after.x0 - word.x1 <= 1.5 * word.size and after.text[:1].isupper()


DISPLAY_SIZE = 1.4  # an OCR line this many times the page's usual text size is a title or heading


def is_display_line(line: Any, words: list[Word]) -> bool:
    """A title or heading line of an OCR page (much larger than the page's usual words)."""
    sizes = sorted(w.size for w in words)
    return bool(sizes) and line.size >= DISPLAY_SIZE * sizes[len(sizes) // 2]


_PUNCT_ONLY = frozenset(".,;:'\"‘’`´~_")
ISOLATION = 2.0  # font sizes of empty line on both sides of a lone OCR glyph


def ocr_specks(words: list[Word]) -> list[Word]:
    """Words OCR made of dust and specks: punctuation alone ("." "," "'"), or one
    glyph other than a digit or a bullet with nothing beside it on its line."""
    rows = sorted(words, key=lambda w: (round(w.top), w.x0))
    keep: list[Word] = []
    for k, w in enumerate(rows):
        if w.text and all(ch in _PUNCT_ONLY for ch in w.text):
            continue
        if len(w.text) == 1 and not w.text.isdigit() and w.text != "•":
            gap = ISOLATION * w.size
            near = [
                o for o in rows[max(0, k - 12) : k + 12]
                if o is not w and abs(o.top - w.top) < 0.6 * w.size and (o.x1 > w.x0 - gap and o.x0 < w.x1 + gap)
            ]
            if not near:
                continue
        keep.append(w)
    return keep


GUTTER_MARKS = frozenset("-–—=~_")  # what OCR reads from nothing in the white between columns
ANCHOR_LINES = 4  # lines whose text starts at one x before it counts as a column's left edge
ANCHOR_SLACK = 2.0  # points


def _column_anchors(lines: list[list[Word]]) -> list[float]:
    """x positions where the text of many lines starts after a column gap (or at the line's start)."""
    starts: list[float] = []
    for line in lines:
        prev: Word | None = None
        for w in line:
            if w.text in GUTTER_MARKS:
                continue  # the marks in question: the gap is measured from the word before them
            if prev is None or w.x0 - prev.x1 >= LINE_START_GAP * w.size:
                starts.append(w.x0)
            prev = w
    starts.sort()
    anchors: list[float] = []
    i = 0
    while i < len(starts):
        j = i
        while j + 1 < len(starts) and starts[j + 1] - starts[i] <= ANCHOR_SLACK:
            j += 1
        if j - i + 1 >= ANCHOR_LINES:
            anchors.append(starts[(i + j) // 2])
        i = j + 1
    return anchors


def ocr_gutter_marks(words: list[Word]) -> list[Word]:
    """Dashes and rules OCR read in the white left of a column ("— 2025", "= Otetaan"), dropped.

    A lone mark whose next word starts right after it at a column's left edge
    (where the text of many lines starts), while the mark itself stands left
    of that edge, is no bullet: a dash bullet stands at the edge, its text
    indented after it.
    """
    ordered = sorted(words, key=lambda w: w.yc)
    lines: list[list[Word]] = []
    for w in ordered:
        if lines and abs(lines[-1][0].yc - w.yc) <= 0.5 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    lines = [sorted(line, key=lambda w: w.x0) for line in lines]
    anchors = _column_anchors(lines)
    if not anchors:
        return words
    drop: set[int] = set()
    for line in lines:
        for w, nxt in zip(line, line[1:]):
            if w.text not in GUTTER_MARKS or nxt.x0 - w.x1 > 1.5 * w.size:
                continue
            at_edge = [a for a in anchors if abs(nxt.x0 - a) <= ANCHOR_SLACK]
            if at_edge and not any(abs(w.x0 - a) <= ANCHOR_SLACK for a in anchors) and w.x0 < at_edge[0]:
                drop.add(id(w))
    return [w for w in words if id(w) not in drop]


BODY_SIZE_RANGE = (0.75, 1.15)  # OCR sizes this near the page's usual size are body text


def even_ocr_sizes(words: list[Word]) -> list[Word]:
    """Body words of an OCR page, given the page's usual size and box height.

    Tesseract sizes each line by its own box, so one printed size comes out
    as 8 to 12 points and line boxes wander by a few points: every threshold
    taken from the font size (word gaps, column gaps, paragraph gaps, row
    alignment) would wander with them.  A word near the page's usual size
    gets that size and a box of the usual height about its own centre;
    larger words (titles, headings) are grouped into printed sizes.
    """
    body = sorted(w.size for w in words)
    if not body:
        return words
    usual = body[len(body) // 2]
    lo, hi = BODY_SIZE_RANGE[0] * usual, BODY_SIZE_RANGE[1] * usual
    heights = sorted(w.bottom - w.top for w in words if lo <= w.size <= hi)
    height = heights[len(heights) // 2]
    words = _inflated_lines_to_body(words, lo, hi, usual)
    display = _size_classes(sorted({w.size for w in words if w.size > hi}))
    out = []
    for w in words:
        if lo <= w.size <= hi:
            mid = (w.top + w.bottom) / 2
            w = w._replace(size=usual, top=mid - height / 2, bottom=mid + height / 2)
        elif w.size in display:
            w = w._replace(size=display[w.size])
        out.append(w)
    return out


MIN_JUDGED = 4  # letters a word needs for its width to tell its size
BASELINE_SLACK = 1.5  # points between the box bottoms of words on one printed line


def _advance(w: Word) -> float:
    """Width per character (points)."""
    return (w.x1 - w.x0) / len(w.text)


def _inflated_lines_to_body(words: list[Word], lo: float, hi: float, usual: float) -> list[Word]:
    """Body words that Tesseract sized as display text, given the body size again.

    Tesseract sizes a word by its text line's box, and a line it merged with
    a misread speck or a line beside it ("vät 40 % vuoden" read as "VI 10
    Vuoden", the box 16 pt tall) makes a row of a table look like a heading.
    The width of the letters does not lie: each such OCR line (its words
    share one size and stand side by side) is measured by the median width per
    letter of its words, against body words' median at the body size; a line
    whose letters are nearer the body size than the size it was given is body
    text, its short words with it.
    """
    ratios = sorted(_advance(w) / w.size for w in words if lo <= w.size <= hi and len(w.text) >= MIN_JUDGED)
    if not ratios:
        return words
    body_ratio = ratios[len(ratios) // 2]
    out = list(words)
    lines: list[list[int]] = []
    for i in sorted((i for i, w in enumerate(words) if w.size > hi), key=lambda i: (words[i].size, words[i].yc)):
        w = words[i]
        if lines and words[lines[-1][-1]].size == w.size and abs(words[lines[-1][-1]].yc - w.yc) < 0.5 * w.size:
            lines[-1].append(i)
        else:
            lines.append([i])
    for line in lines:
        widths = sorted(_advance(words[i]) for i in line if len(words[i].text) >= MIN_JUDGED)
        if not widths:
            continue
        implied = widths[len(widths) // 2] / body_ratio  # the size these letters are printed at
        size = words[line[0]].size
        if abs(implied - usual) < abs(implied - size) or _beside_body(words, line, lo, hi):
            for i in line:
                out[i] = words[i]._replace(size=usual)
    return out


def _beside_body(words: list[Word], line: list[int], lo: float, hi: float) -> bool:
    """Do the OCR line's words stand on one baseline with body words beside them (a header
    row whose middle cells Tesseract boxed taller than the rest)?  A heading has its line
    to itself."""
    return all(
        any(lo <= o.size <= hi and abs(o.bottom - words[i].bottom) <= BASELINE_SLACK and o.top < words[i].bottom for o in words)
        for i in line
    )


DISPLAY_CLASS = 1.12  # display sizes within this ratio of a class's smallest are one printed size


def _size_classes(sizes: list[float]) -> dict[float, float]:
    """Heading and title sizes grouped into printed sizes (each mapped to its class's largest):
    a two-line heading whose lines OCR sized 12 and 13 is one heading again."""
    classes: list[list[float]] = []
    for size in sizes:
        if classes and size <= classes[-1][0] * DISPLAY_CLASS:
            classes[-1].append(size)
        else:
            classes.append([size])
    return {size: group[-1] for group in classes for size in group}
