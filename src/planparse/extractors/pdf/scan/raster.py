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
import re
from typing import Any, NamedTuple

from planparse.common.glyphs import ocr_bullet_misreads
from planparse.extractors.pdf.scan.bullets import ocr_lines
from planparse.extractors.pdf.words import Word

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
    ink: Any  # dark pixels other than rules, where OCR words are looked up (pdf.scan.chars.ink)
    dark: Any  # every dark pixel, rules too (glyph widths: pdf.scan.chars.glyphs)


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
    min_run = max(8, round(MIN_RULE_PT * scale))
    edges: list[dict] = []
    ink = dark.copy()
    for axis, orientation in ((1, "h"), (0, "v")):
        mask = _runs_mask(dark, min_run, axis)
        ink &= ~mask
        for pos, start, end in _segments(mask, axis, min_run):
            edges.append(_edge((pos + 0.5) / scale, start / scale, end / scale, orientation))
    return PageGeometry(_thin(edges), skew, ink, dark)


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


def ocr_table_lines(lines: list[Any], words: list[Word], settings: Any) -> list[Any]:
    """The lines of an OCR page that whitespace tables are looked for among.

    OCR's ink-tight word gaps would make whitespace "tables" of large titles
    set in several runs: those go.  A title or heading read as one run stays:
    set larger than the table's lines, it ends a table above it, and at the
    top of a page it tells that the table of the page before does not go on
    here (pdf.tables.pages.continued) -- without it, a repeated header row under
    the page's section heading read as more rows of the table before.
    """
    from planparse.extractors.pdf.tables.whitespace.regions import split_segments

    return [ln for ln in lines if not (is_display_line(ln, words) and len(split_segments(ln, settings)) > 1)]


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


GUTTER_SPECKS = frozenset("'‘’`´.,")  # dust read beside a gutter mark ("_—‘")


def _gutter_mark(text: str) -> bool:
    """A word of gutter marks only ("—", "=", "—_"): OCR reads one speck as one or two, at
    150 dpi the end of a row's rule in the gap as three or four ("—_—-", "~—_"), with dust
    read as a quote or a point beside them ("_—‘")."""
    marks = "".join(ch for ch in text if ch not in GUTTER_SPECKS)
    return bool(marks) and len(marks) <= GUTTER_MARK_LEN and len(text) - len(marks) <= 1 and set(marks) <= GUTTER_MARKS


GUTTER_MARK_LEN = 4  # marks OCR reads from one speck or a rule's end in a column gap
_GLUED_MARK = re.compile(r"^(?:[-–—=~]*_[-–—=~_]*|[=~][-–—=~]*|—+(?=[a-zåäö]))(?=\w)")


def ocr_glued_marks(words: list[Word]) -> list[Word]:
    """A gutter mark OCR glued to the word after it ("—_toimi", "_velut", "—topalvelut"): cut off.

    A speck in the white left of a column, read as a dash or an underscore
    and written into the first word of the cell, puts that word's start
    left of the column and its text into the field ("liikuntapal- _velut").
    No word begins with an underscore or "=", nor a lower-case one with a long
    dash (a hyphen may: "ja -psykologin"; a dash bullet before a capital is
    the bullets' business).  The word's box loses the marks' share
    of its width (Tesseract spaces a word's characters evenly).
    """
    out = list(words)
    for i, w in enumerate(words):
        m = _GLUED_MARK.match(w.text)
        if m is None or len(w.text) - m.end() < 2:
            continue
        cut = m.end()
        x0 = w.x0 + (w.x1 - w.x0) * cut / len(w.text)
        out[i] = w._replace(text=w.text[cut:], x0=x0)
    return out


ANCHOR_LINES = 4  # lines whose text starts at one x before it counts as a column's left edge
ANCHOR_SLACK = 2.0  # points


def _column_anchors(lines: list[list[Word]], need: int = ANCHOR_LINES) -> list[float]:
    """x positions where the text of `need` lines or more starts after a column gap (or at the line's start)."""
    starts: list[float] = []
    for line in lines:
        prev: Word | None = None
        for w in line:
            if _gutter_mark(w.text):
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
        if j - i + 1 >= need:
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
    lines = ocr_lines(words)
    anchors = _column_anchors(lines)
    if not anchors:
        return words
    drop: list[Word] = []
    for line in lines:
        for w, nxt in zip(line, line[1:]):
            if not _gutter_mark(w.text) or nxt.x0 - w.x1 > 1.5 * w.size:
                continue
            at_edge = [a for a in anchors if abs(nxt.x0 - a) <= ANCHOR_SLACK]
            if at_edge and not any(abs(w.x0 - a) <= ANCHOR_SLACK for a in anchors) and w.x0 < at_edge[0]:
                drop.append(w)
    edges = _column_anchors(lines, need=1)
    gone = {id(w) for w in drop if not _in_bullet_column(w, drop, edges)}
    return [w for w in words if id(w) not in gone]


def ocr_marks_at_rules(words: list[Word], edges: list[dict]) -> list[Word]:
    """A mark OCR read just left of a cell's vertical rule, set off from the line's text ("ja
    ilman vii-   =|", "mieluisan   —|"), dropped.

    At 150 dpi Tesseract reads the ink where a rule meets the scan's grain as a dash or an
    equals sign a few points before the rule (the rule itself read as "|" goes with the rule
    marks).  A dash of the text follows its word after a word space; this one stands after a
    gap of a line height or more (a spaced dash of the text, "vaikuta –", stands 0.7-0.8 of one
    from its word), with nothing between it and the rule (RULE_REACH).
    """
    rules = [e for e in edges if e.get("orientation") == "v"]
    if not rules:
        return words
    gone: set[int] = set()
    for line in ocr_lines(words):
        for prev, w in zip(line, line[1:]):
            if not _gutter_mark(w.text) or w.x0 - prev.x1 < MARK_GAP * w.size:
                continue
            reach = [e for e in rules if e["top"] <= w.yc <= e["bottom"] and w.x1 <= e["x0"] <= w.x1 + RULE_REACH * w.size]
            if not reach or any(prev.x1 <= e["x0"] <= w.x0 for e in rules if e["top"] <= w.yc <= e["bottom"]):
                continue
            rule_x = min(e["x0"] for e in reach)
            if any(w.x1 < o.x0 < rule_x and o.text != "|" for o in line):
                continue
            gone.add(id(w))
    return [w for w in words if id(w) not in gone] if gone else words


MARK_GAP = 1.0  # font sizes: a mark set off this far from the word before it is no dash of the text
RULE_REACH = 1.5  # font sizes: a mark ending this close before a vertical rule stands at the rule


BULLET_COLUMN = 3  # dashes standing at one x on this many lines are a list's bullets
DASH_BULLETS = frozenset("-–—")


def _in_bullet_column(mark: Word, marks: list[Word], edges: list[float]) -> bool:
    """Is the mark one of a column of dash bullets, whose items hang indented?

    Such a list puts its text at a column edge too (its wrapped lines start
    there), with each dash left of it, as a speck's dash stands left of a
    column.  The bullets stand at one x, line under line, where some text of
    the column starts (its head, a line without a bullet); Tesseract's dashes
    in the white between two columns may line up too, but no text starts there.
    """
    if mark.text not in DASH_BULLETS or not any(abs(mark.x0 - e) <= ANCHOR_SLACK for e in edges):
        return False
    return sum(o.text in DASH_BULLETS and abs(o.x0 - mark.x0) <= ANCHOR_SLACK for o in marks) >= BULLET_COLUMN


BODY_SIZE_RANGE = (0.75, 1.15)  # OCR sizes this near the page's usual size are body text
# The width per average letter (`_advance`) of body text is this share of the size Tesseract
# gives it at 300 dpi, where its sizes hold best (0.44-0.47 on the sample scans, serif and sans).
LETTER_SHARE = 0.46


def even_ocr_sizes(words: list[Word]) -> list[Word]:
    """The words of an OCR page with sizes from the width of their letters.

    Tesseract sizes each line by its own box, so one printed size comes out
    as 8 to 13 points and line boxes wander by a few points: every threshold
    taken from the font size (word gaps, column gaps, paragraph gaps, row
    alignment) would wander with them.  And the box's median moves from page
    to page of one document (13 pt on one page, 11 on the next at 150 dpi;
    8 and 7 at 300 dpi), so a heading on the page whose body came out smaller
    is no larger than the document's body text.  The width of the letters
    holds: body text gets the size its letters imply (`LETTER_SHARE`), the
    same on every page, and a box of that height standing on the box's bottom;
    titles and headings (`_display_lines`) the body size times their letters'
    ratio to the body's, grouped into printed sizes.  A page whose words are
    too short to measure keeps Tesseract's median as its body size.

    The bottom, not the centre: Tesseract boxes the words of one page at
    different heights (at 150 dpi 12 pt boxes with the letters in their lower
    half beside 7-8 pt boxes fitted to the letters), and only the bottoms stand
    alike on the printed line (pdf.scan.chars.ink.settle_on_ink sets them on the
    ink's baseline).  About their centres, a fitted word stood 2-3 pt lower than
    the words beside it on its printed line, and a cell opening beside a row's
    first line seemed to open lower and went to the row above.
    """
    body = sorted(w.size for w in words)
    if not body:
        return words
    usual = body[len(body) // 2]
    lo, hi = BODY_SIZE_RANGE[0] * usual, BODY_SIZE_RANGE[1] * usual
    judged = sorted(_advance(w) for w in words if len(w.text) >= MIN_JUDGED)
    if judged:
        body_advance = judged[len(judged) // 2]
        printed = round(body_advance / LETTER_SHARE, 1)
    else:
        body_advance, printed = 0.0, usual
    display, small = _display_lines(words, lo, hi, usual, body_advance)
    scale = printed / usual
    classes = _size_classes(sorted({round(printed * ratio, 1) for ratio in display.values()}))
    out = []
    for i, w in enumerate(words):
        if i in display:
            w = w._replace(size=classes[round(printed * display[i], 1)])
        elif i in small:
            w = w._replace(size=round(w.size * scale, 1))
        else:
            w = w._replace(size=printed, top=w.bottom - printed)  # on its bottom: see the docstring
        out.append(w)
    return out


MIN_JUDGED = 4  # letters a word needs for its width to tell its size
BASELINE_SLACK = 1.5  # points between the box bottoms of words on one printed line
DISPLAY_WIDTH = 1.3  # letters this many times as wide as the page's usual ones are a title's or heading's
SMALL_PRINT = 0.8  # ... this share of their width or less (and a box below the body's), small print

# Width of a glyph in "average letters": what a word's width is divided by to give its
# width per letter, so that "Ilmoitus" and "WWF-ohjelma" measure the same type size.
# Rough classes of the common text faces (Helvetica, Arial, Times, DejaVu, Liberation).
_NARROW = frozenset("iljIí!|.,:;'`´’")
_SEMI = frozenset("ftr()[]-/\"")
_WIDE = frozenset("mwMW%@")


def _letter_units(text: str) -> float:
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.5
        elif ch in _SEMI:
            units += 0.7
        elif ch in _WIDE:
            units += 1.5
        elif ch.isupper():
            units += 1.3
        elif ch.isdigit():
            units += 1.1
        else:
            units += 1.0
    return units


def _advance(w: Word) -> float:
    """Width per average letter (points): the type size up to the face's proportions."""
    return (w.x1 - w.x0) / max(_letter_units(w.text), 0.5)


def _ocr_lines(words: list[Word]) -> list[list[int]]:
    """Indices of the words of each OCR line: Tesseract gives one size to a line's words,
    which stand side by side at one height."""
    lines: list[list[int]] = []
    for i in sorted(range(len(words)), key=lambda i: (words[i].size, words[i].yc)):
        w = words[i]
        if lines and words[lines[-1][-1]].size == w.size and abs(words[lines[-1][-1]].yc - w.yc) < 0.5 * w.size:
            lines[-1].append(i)
        else:
            lines.append([i])
    return lines


def _display_lines(
    words: list[Word], lo: float, hi: float, usual: float, body_advance: float
) -> tuple[dict[int, float], set[int]]:
    """The words of the page's titles and headings, each with its size as a ratio to the
    body's; and the words of its small print.

    Tesseract sizes a line by its box height, which says little: a line it
    merged with a misread speck or a line beside it ("vät 40 % vuoden" read as
    "VI 10 Vuoden", the box 16 pt tall) makes a row of a table look like a
    heading; at 150 dpi body lines come out as tall as the 14 pt heading above
    them, which then reads as body text and the section is lost.  Each OCR
    line is measured instead by the median width per letter of its words
    (`_advance`) against the page's median, which body text sets.  Letters
    DISPLAY_WIDTH times as wide or more make a title or heading; a line
    Tesseract sized as display text stays one as long as its letters are
    nearer that size than the body's.  A line too short to measure keeps
    Tesseract's word.  Either way a line standing on one baseline with body
    words beside it is a row of a table.  Small print is a line Tesseract sized
    below the body whose letters are narrow too (or too few to tell).
    """
    out: dict[int, float] = {}
    small: set[int] = set()
    for whole in _ocr_lines(words):
        parts = _line_parts(words, whole, usual)
        whole_display, _ratio, whole_small = _line_verdict(words, whole, lo, hi, usual, body_advance)
        for line in parts:
            display, ratio, is_small = (
                _line_verdict(words, line, lo, hi, usual, body_advance) if len(parts) > 1 else (whole_display, _ratio, whole_small)
            )
            # a cell's words are only taken out of a display (or small) line, never put into one:
            # the whole line's verdict must agree (see `_line_parts`)
            if display and whole_display:
                out.update((i, ratio) for i in line)
            elif is_small and whole_small:
                small.update(line)
    return out, small


def _line_verdict(
    words: list[Word], line: list[int], lo: float, hi: float, usual: float, body_advance: float
) -> tuple[bool, float, bool]:
    """Is an OCR line (or a cell's part of one) display text, with its size ratio to the
    body's, and is it small print (`_display_lines`)?"""
    size = words[line[0]].size
    judged = [i for i in line if len(words[i].text) >= MIN_JUDGED]
    # a mark glued before a word (a speck read as '"' or '»') widens it: such words are
    # measured only when the line has no other
    widths = sorted(_advance(words[i]) for i in ([i for i in judged if words[i].text[0].isalnum()] or judged))
    if widths and body_advance:
        ratio = widths[len(widths) // 2] / body_advance
        implied = usual * ratio
        display = ratio >= DISPLAY_WIDTH or (size > hi and abs(implied - size) <= abs(implied - usual))
        narrow = ratio < SMALL_PRINT
        ratio = max(ratio, BODY_SIZE_RANGE[1] + 0.05)
    else:  # too few letters to judge: Tesseract's size, unless the line has no letter at all
        # (signs Tesseract boxed tall, "%)" wrapped under "(tavoite 70": a heading has words)
        # a line that opens in lower case is the wrap of a cell or a sentence ("so" under
        # "Mittari ja tavoiteta-" boxed 12 pt tall at 150 dpi; "ri)", the rest of
        # "(sivi-sote-3.sekto-", 12 pt beside 9 pt lines), never a heading's start
        letters = [ch for i in line for ch in words[i].text if ch.isalpha()]
        display, ratio, narrow = size > hi and bool(letters) and not letters[0].islower(), size / usual, True
    display = display and not _beside_body(words, line, lo, hi)
    return display, ratio, not display and size < lo and narrow


LINE_PART_GAP = 2.0  # usual box heights: words of one OCR line this far apart stand in different cells


def _line_parts(words: list[Word], line: list[int], usual: float) -> list[list[int]]:
    """An OCR line cut where its words stand far apart: Tesseract runs a line across a table's
    columns, and each cell's words are measured on their own ("tusmahdollisuuksia." in the goal
    column and "Hlylläle)", a misread "(kyllä/ei)" in the last, boxed 13 pt beside 12 pt lines:
    the wide garbage made the goal's middle line a heading, 12 pt tall, and the goal's cell broke
    in two).  A part only leaves its line's display (or small) size, never takes one the whole
    line has not: a cell of few words measures badly alone ("Antal anmalningar per ar" under an
    OCR box 8 pt too wide for "Antal", two judged words, came out a heading and merged two
    indicators, strandby-jamstalldhet-hrules@eng-150, set G; the head "Mal", too short to judge,
    came out small print)."""
    ordered = sorted(line, key=lambda i: words[i].x0)
    parts = [[ordered[0]]]
    for i in ordered[1:]:
        if words[i].x0 - words[parts[-1][-1]].x1 > LINE_PART_GAP * usual:
            parts.append([i])
        else:
            parts[-1].append(i)
    return parts


def _beside_body(words: list[Word], line: list[int], lo: float, hi: float) -> bool:
    """Do the OCR line's words stand on one baseline with body words beside them (a header
    row whose middle cells Tesseract boxed taller than the rest)?  A heading has its line
    to itself."""
    own = {id(words[i]) for i in line}
    others = [o for o in words if lo <= o.size <= hi and id(o) not in own]
    return all(
        any(abs(o.bottom - words[i].bottom) <= BASELINE_SLACK and o.top < words[i].bottom for o in others)
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
