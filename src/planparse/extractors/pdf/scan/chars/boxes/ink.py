"""OCR words set back on the printed line they were read from (word boxes from pixels).

Tesseract's text layer places the words of one of its lines on one fitted
baseline, and its lines run across a table's columns: a cell's line that
stands 3-4 pt lower than the line beside it in the next column (a goal whose
text starts a paragraph below its number, a list item after its item gap)
is written at the other's height.  A column's lines then come out 15 pt
apart where they are 12 apart on paper, and the block (and the row) breaks
there; or the item gaps of one column seem to line up with another's.

The page image says where each word really stands: the ink under its box.
For each run of characters (a word) the rows with ink in its x range are
found near its box, and the run is moved to the baseline of that ink (the
lowest row still dense with ink: descenders are thin), relative to where
the page's words usually sit on their boxes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, Callable, Sequence

from planparse.extractors.pdf.scan.chars.runs import char_runs

BASELINE_SHARE = 0.45  # of a word's densest ink row: rows this dense stand above its baseline
DESCENT = 0.15  # of the box height: an OCR box's bottom this far under its baseline
MIN_SHIFT = 0.6  # points: a word this near its ink's line is left where it is
MAX_SHIFT = 0.6  # of the box height: a larger shift is another line's ink, not this word's
FAR_SHIFT = 0.75  # ... unless no other word stands on that ink (`_free_line`), up to this much
WINDOW = 0.6  # of the box height, searched for ink above and below the box
MIN_RUN_CHARS = 3  # a shorter word's ink may be mostly a descender or a bullet
# Signs whose densest rows are bars, not the foot of the x-height: a run with one is not
# measured ("€/v": the euro's two bars put the baseline a few points high, and the word
# jumped a line).  Other short runs of marks ("(%)", "ta-_") measure well on their own ink.
BARRED_SIGNS = frozenset("€£=≡")
HYPHENS = frozenset("-\u00ad\u2010\u2011")  # line-end hyphens (`_capitals_hyphen`)


def _bands(profile: Any, threshold: float) -> list[tuple[int, int]]:
    """(first, end) rows of the stretches of the profile at or over `threshold` (one-row gaps bridged)."""
    rows = [k for k, v in enumerate(profile) if v >= threshold]
    bands: list[tuple[int, int]] = []
    for k in rows:
        if bands and k - bands[-1][1] <= 1:
            bands[-1] = (bands[-1][0], k + 1)
        else:
            bands.append((k, k + 1))
    return bands


def ink_line(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> tuple[Any, int, int, int] | None:
    """(profile, a, b, ya) of the ink line near the box whose baseline is nearest where
    the box puts it, or None (no ink, lines run together, or none near enough).

    `profile`: ink pixels per image row in the box's x range, over a window from image
    row `ya` (rows counted from it); the line's ink is rows a..b (end exclusive)."""
    h = bottom - top
    ya = max(0, int((top - WINDOW * h) * scale))
    yb = min(ink.shape[0], int(math.ceil((bottom + WINDOW * h) * scale)))
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(math.ceil(x1 * scale)))
    if yb - ya < 3 or xb - xa < 2:
        return None
    profile = ink[ya:yb, xa:xb].sum(axis=1)
    expected = (bottom - DESCENT * h) * scale - ya  # where a box's baseline usually is
    best, best_miss = None, math.inf
    for a, b in _bands(profile, 1):
        if b - a > 1.6 * h * scale:  # lines run together: no telling
            continue
        edge = dense_rows(profile, a, b)[1] - 1
        if abs(edge + 1 - expected) < best_miss:
            best, best_miss = (a, b, edge), abs(edge + 1 - expected)
    if best is None or best_miss > MAX_SHIFT * h * scale + DESCENT * h * scale:
        return None
    return profile, best[0], best[1], ya


def _ink_baseline(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> float | None:
    """The baseline (points) of the ink line near the box (`ink_line`), or None."""
    line = ink_line(ink, scale, x0, x1, top, bottom)
    if line is None:
        return None
    profile, a, b, ya = line
    return (ya + dense_rows(profile, a, b)[1]) / scale


def dense_rows(profile: Any, a: int, b: int, share: float = BASELINE_SHARE, peak: float | None = None) -> tuple[int, int]:
    """(first, end) of the rows of band a..b dense with ink (`share` of `peak`, by default the
    band's densest row): the x-height of a line of text.

    Its end is the baseline: below it only descenders, thin strokes of a few letters
    (an "e"'s bar makes a denser row inside the x-height); above it only ascenders and
    capitals."""
    if peak is None:
        peak = float(profile[a:b].max())
    dense = [k for k in range(a, b) if profile[k] >= share * peak]
    return dense[0], dense[-1] + 1


def settle_on_ink(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """The characters with each word moved up or down onto the ink it was read from.

    `ink`: the page image as a boolean array (straightened like the characters, rules
    taken out), `scale` its pixels per point.  The offset between a box's bottom and its
    ink's baseline is the font's and the engine's; each word is moved by how much its
    own offset differs from the page's usual one.  A word too short to tell its baseline
    ("ja", whose j hangs below it; a bullet) moves with the nearest longer word beside it
    on its line, or stays.
    """
    measured: list[tuple[list[int], float, float, float, float]] = []  # run, offset, x0, x1, height
    for run in char_runs(chars):
        first = chars[run[0]]
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        top, bottom = first["top"], first["bottom"]
        measurable = len(run) >= MIN_RUN_CHARS and not any(chars[i].get("text", "") in BARRED_SIGNS for i in run)
        measurable = measurable and not _capitals_hyphen(chars, run)
        baseline = _ink_baseline(ink, scale, x0, x1, top, bottom) if measurable else None
        measured.append((run, math.nan if baseline is None else baseline - bottom, x0, x1, bottom - top))
    usual = sorted(off for _run, off, *_rest in measured if not math.isnan(off))
    if not usual:
        return chars
    median = usual[len(usual) // 2]
    out = list(chars)
    moved_far: set[int] = set()  # id() of measured runs moved past MAX_SHIFT
    # the measured words first: a short word or a bullet whose offset is borrowed from the word
    # beside it follows that word's far move
    for run, off, x0, x1, h in sorted(measured, key=lambda m: math.isnan(m[1])):
        neighbour = None
        if math.isnan(off):
            off, neighbour = _beside(measured, chars, run, x0, x1, h)
        if math.isnan(off) and _number_only(chars, run) and _alone(measured, chars, run, x0, x1):
            off = _foot_offset(ink, scale, x0, x1, chars[run[0]]["top"], chars[run[0]]["bottom"])
        if math.isnan(off):
            continue
        shift = off - median
        if not MIN_SHIFT <= abs(shift) <= FAR_SHIFT * h:
            continue
        if abs(shift) > MAX_SHIFT * h:
            if neighbour is not None:
                if id(neighbour) not in moved_far:
                    continue  # (a bullet "-" left behind by its word "Muut lapsi/..." moved 4.3 pt read as text of the item above)
            elif not _far_movable(chars, run) or not _free_line(measured, chars, run, x0, x1, shift):
                continue
            elif not _line_agrees(measured, chars, run, x0, x1, h, off):
                continue
            else:
                moved_far.add(id(run))
        for i in run:
            c = dict(out[i])
            c["top"], c["bottom"] = c["top"] + shift, c["bottom"] + shift
            if "y0" in c:
                c["y0"], c["y1"] = c["y0"] - shift, c["y1"] - shift
            out[i] = c
    return out


FAR_LETTERS = 2  # letters a word needs to be moved that far: a page number "1 (7)" is not


def _far_movable(chars: list[dict], run: list[int]) -> bool:
    """May the run move past MAX_SHIFT?  A word of the layer with letters: one read again from its
    own crop was boxed on its ink (pdf.scan.reread); a page foot's "1 (7)" lifted 5.8 pt joined
    the table over it (kymenlaakso-lnp-grid@fin-300, set K: 17 records for 16)."""
    text = "".join(chars[i].get("text", "") for i in run)
    return not chars[run[0]].get("reread") and sum(ch.isalpha() for ch in text) >= FAR_LETTERS


def _line_agrees(measured: list, chars: list[dict], run: list[int], x0: float, x1: float, h: float, off: float) -> bool:
    """Do the measured words beside the run on its OCR line (within BESIDE heights) sit as far off
    their ink as it does?  A box set off its ink takes its printed line's words along; a word
    whose own measure alone says far ("Lapsi-," 5.8 pt, its descender and comma, beside
    "nuori-" on its ink, kymenlaakso-lnp-hrules@fin-150 p. 8, set H) was measured wrong."""
    return all(abs(o_off - off) <= MIN_SHIFT for _other, o_off, _gap in _line_neighbours(measured, chars, run, x0, x1, h))


def _line_neighbours(measured: list, chars: list[dict], run: list[int], x0: float, x1: float, h: float) -> Iterator[tuple[list[int], float, float]]:
    """The measured words on the run's OCR line within BESIDE box heights of it: (run, offset, gap)."""
    top = chars[run[0]]["top"]
    for other, off, ox0, ox1, _h in measured:
        if other is run or math.isnan(off) or abs(chars[other[0]]["top"] - top) > 0.3:
            continue
        gap = max(ox0 - x1, x0 - ox1, 0.0)
        if gap <= BESIDE * h:
            yield other, off, gap


def _free_line(measured: list, chars: list[dict], run: list[int], x0: float, x1: float, shift: float) -> bool:
    """Does no other word stand over the run's x range on the ink line it would be moved to?

    Tesseract sets a narrow column's line now and then most of a line off its ink, into the
    white between two printed lines ("elinympä-" boxed 4.6 pt over its ink in a 7 pt box, under
    "Turvallinen", kymenlaakso-lnp-header-rule@fin-300 p. 5, set M), and the word was dropped as
    read between lines.  Ink no other word was read from is this word's own line; a line of
    words the layer holds already is another's (garbage read between two lines would land on it)."""
    top, bottom = chars[run[0]]["top"] + shift, chars[run[0]]["bottom"] + shift
    middle, h = (top + bottom) / 2, bottom - top
    for other, _off, ox0, ox1, _h in measured:
        if other is run or ox1 <= x0 or ox0 >= x1:
            continue
        o = chars[other[0]]
        if abs((o["top"] + o["bottom"]) / 2 - middle) < 0.5 * h:
            return False
    return True


def _capitals_hyphen(chars: list[dict], run: list[int]) -> bool:
    """A run of capitals ending in a line-end hyphen ("HR-"): its densest rows are the crossbars,
    bowls and the hyphen's bar at the middle of the line, not the foot of an x-height, and its
    baseline was found there ("HR-" of "Sysselsättningstjänster, HR-" lifted 2.9 pt toward the
    header row above it, sjovik-valfard-borderless@swe-150 p. 2, set J).  It moves with its line."""
    text = "".join(chars[i].get("text", "") for i in run)
    return text[-1:] in HYPHENS and any(ch.isalpha() for ch in text) and not any(ch.islower() for ch in text)


NUMBER_MARGIN = 0.3  # box heights looked at beside a lone number's box for its ink


def _number_only(chars: list[dict], run: list[int]) -> bool:
    """A short run of digits ("1", "12."): a goal's number alone on its line."""
    text = "".join(chars[i].get("text", "") for i in run).rstrip(".)")
    return text.isdigit()


def _alone(measured: list, chars: list[dict], run: list[int], x0: float, x1: float) -> bool:
    """Does no other word stand on the run's rows within a box height of it (a number alone in its
    cell, not a speck read as a digit beside a word)?"""
    top, bottom = chars[run[0]]["top"], chars[run[0]]["bottom"]
    h = bottom - top
    for other, _off, ox0, ox1, _h in measured:
        if other is run:
            continue
        o = chars[other[0]]
        if o["top"] < bottom and o["bottom"] > top and ox0 < x1 + h and ox1 > x0 - h:
            return False
    return True


def _foot_offset(ink: Any, scale: float, x0: float, x1: float, top: float, bottom: float) -> float:
    """A number's baseline (the foot of its ink: digits have no descenders and no x-height
    to find) minus its box's bottom, or NaN.  Tesseract seats a number standing alone over
    its cell's text (a goal's "1" over its name) on a line of its own choosing: 3.6 pt
    above the row's first line on kymenlaakso shaded-header@fin-300 p. 1, which made
    the row start there and the start was dropped as cutting through the goal's number."""
    margin = NUMBER_MARGIN * (bottom - top)  # a narrow box may miss the digit's stem ("1": 0.5 pt off)
    line = ink_line(ink, scale, x0 - margin, x1 + margin, top, bottom)
    if line is None:
        return math.nan
    _profile, _a, b, ya = line
    return (ya + b) / scale - bottom


def _beside(measured: list, chars: list[dict], run: list[int], x0: float, x1: float, h: float) -> tuple[float, list[int] | None]:
    """The offset of the nearest measured word on the run's line, within BESIDE heights of it,
    and that word's run (nan, None when there is none)."""
    best, best_gap, best_run = math.nan, math.inf, None
    for other, off, gap in _line_neighbours(measured, chars, run, x0, x1, h):
        if gap <= best_gap:
            best, best_gap, best_run = off, gap, other
    return best, best_run


BESIDE = 1.5


GLUE_GAP = 1.0  # box heights of white inside one OCR word: a column gap, not a word space
SPECK_WIDTH = 0.45  # box heights: ink narrower than this between two words' ink is a speck


def split_glued_words(chars: list[dict], ink: Any, scale: float) -> list[dict]:
    """OCR words that run over a column gap cut in two at it, the specks' glyphs dropped.

    A speck in the white between two cells lets Tesseract read the last word
    of one cell, the speck and the first word of the next as one word
    ("kotonaan_§kiasennusta"), its letters spread evenly over the whole box:
    the word starts in one column and its text ends up in the other.  The ink
    under the box shows two words with a column's gap between them (the
    speck a dot in it); the glyphs read from the speck (no letters or digits)
    go, and each part's letters are spread over its own ink.
    """
    out: list[dict] = []
    done = 0
    heights = sorted(c["bottom"] - c["top"] for c in chars if c["text"].isalnum())
    usual = heights[len(heights) // 2] if heights else None
    for run in char_runs(chars):
        parts = _glued_parts(chars, run, ink, scale, usual) or _trailing_marks(chars, run, ink, scale)
        if parts is None:
            continue
        out.extend(chars[done:run[0]])
        for idx, (a, b) in parts:
            step = (b - a) / len(idx)
            for k, i in enumerate(idx):
                c = dict(chars[i])
                c["x0"], c["x1"] = a + k * step, a + (k + 1) * step
                out.append(c)
        done = run[-1] + 1
    out.extend(chars[done:])
    return out


STRETCHED_BOX = 1.8  # usual box heights: a box this tall was stretched over several printed lines
STRETCHED_GLUE_GAP = 0.5  # usual box heights: white this wide down the whole of such a box is a column gap
OTHER_LINE_WHITE = 0.2  # box heights of white rows that part the box's own line from another line's ink in it
OWN_LINE_MIN = 0.3  # box heights: the lowest ink band at least this tall is the word's own line
STEPPED_BASELINE = 0.25  # box heights: two ink words whose baselines differ this much are two printed lines
STEPPED_GLUE_GAP = 0.5  # box heights of white between two such words: a column gap


def _own_line(box: Any, ya: int, h_px: float) -> tuple[int, int]:
    """The rows (ya, yb) of the box's own printed line.

    A box Tesseract stretched over two printed lines (its line box taken up by a
    misread run higher up, "Gv)" 13 pt tall beside 7.3 pt body lines) holds the foot
    of the line above too, parted from the word's own letters by white rows; the
    word's own line is the lowest band of ink, and its height, not the box's, sizes
    the gaps in it (a column gap of 26 px is less than the stretched box's 27 px).
    A box with one band of ink is left whole."""
    rows = box.any(axis=1).tolist()
    bands: list[list[int]] = []
    white = 0
    for k, has_ink in enumerate(rows):
        if not has_ink:
            white += 1
            continue
        if bands and white < OTHER_LINE_WHITE * h_px:
            bands[-1][1] = k + 1
        else:
            bands.append([k, k + 1])
        white = 0
    tall = [b for b in bands if b[1] - b[0] >= OWN_LINE_MIN * h_px]
    if len(bands) < 2 or not tall or tall[-1] is bands[0]:
        return ya, ya + len(rows)
    a, b = tall[-1]
    return ya + a, ya + b


def _glued_parts(chars: list[dict], run: list[int], ink: Any, scale: float, usual: float | None = None) -> list | None:
    """[(char indices, (x0, x1)), ...] of the two words a glued run holds, or None.

    `usual`: the page's usual box height.  A box Tesseract stretched over two or three
    printed lines (two cells' lines set at different heights beside a column gap, read as
    one word: "koulus‘2minnan" 25 pt tall among 11 pt boxes) holds ink on every row, so no
    line of its own is found; its letters are sized by the usual height, not the box's (with
    the box's, the gap was less than half a box height), and white down the whole box, through
    every line in it, is a column gap from STRETCHED_GLUE_GAP usual heights (the 8.6 pt gutter;
    word spaces of two or three lines do not stand one under another)."""
    first = chars[run[0]]
    top, bottom = first["top"], first["bottom"]
    h = bottom - top
    glue_gap = GLUE_GAP
    if usual and h > STRETCHED_BOX * usual:
        h, glue_gap = usual, STRETCHED_GLUE_GAP
    x0, x1 = chars[run[0]]["x0"], chars[run[-1]]["x1"]
    if len(run) < 5 or x1 - x0 < 3 * h:
        return None
    ya, yb = max(0, int(top * scale)), min(ink.shape[0], int(math.ceil(bottom * scale)))
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(math.ceil(x1 * scale)))
    if yb - ya < 3 or xb - xa < 3:
        return None
    ya, yb = _own_line(ink[ya:yb, xa:xb], ya, h * scale)
    h = min(h, (yb - ya) / scale)
    words = _ink_words(ink[ya:yb, xa:xb], h * scale)
    line = ink[ya:yb, xa:xb]
    text = [chars[i]["text"] for i in run]
    alnum = [k for k, t in enumerate(text) if t.isalnum()]
    # a mark before the first letter or after the last is the word's own (a dash read from a
    # bullet: "—kulttuuri--——avustuk-"); the speck's glyphs stand between the two words' letters
    junk = [k for k, t in enumerate(text) if not t.isalnum() and t not in "-.,:;)(%/" and alnum and alnum[0] < k < alnum[-1]]
    big = [w for w in words if w[1] - w[0] >= SPECK_WIDTH * h * scale or (junk and _letter_at_end(line, words, w, h * scale))]
    gaps = [(l, r) for l, r in zip(big, big[1:]) if r[0] - l[1] >= _gap_needed(line, l, r, h * scale, glue_gap)]
    to_pt = lambda px: (xa + px) / scale  # noqa: E731
    if len(gaps) > 1:
        return _parts_at_specks(run, text, junk, gaps, big, x0, to_pt)
    if len(gaps) != 1:
        return None
    left, right = gaps[0]
    if junk:  # the speck's glyphs: the word parts around them
        cut_a, cut_b = junk[0], junk[-1] + 1
        if any(t.isalnum() for t in text[cut_a:cut_b]) or cut_a == 0 or cut_b == len(run):
            return None
    else:  # no speck read: the letters parted as the ink's widths are
        lw, rw = left[1] - big[0][0], big[-1][1] - right[0]
        cut_a = cut_b = _at_hyphen(text, round(len(run) * lw / (lw + rw)))
        if not 1 <= cut_a < len(run):
            return None
    # the cut is the ink's; the outer start stays the box's, as every other OCR word's does (the
    # layer's boxes start a little left of their ink and end short of it: "ja" set on its ink
    # stood 9.4 pt after "Toimeenpano-", one word space apart, and lost that head's bold)
    return [
        (run[:cut_a], (min(x0, to_pt(big[0][0])), to_pt(left[1]))),
        (run[cut_b:], (to_pt(right[0]), to_pt(big[-1][1]))),
    ]


def _parts_at_specks(
    run: list[int], text: list[str], junk: list[int], gaps: list, big: list, x0: float, to_pt: Callable[[int], float]
) -> list | None:
    """The parts of a run glued over two column gaps or more ("ai-_—_toimija(t)/_seuranta/",
    three heads of narrow columns read as one word with the gutters' white as "_—_" and "_"),
    or None.  Each gap must hold one group of the speck's glyphs, in order: the text is cut
    at the groups and each part set on the ink between two gaps; with no glyph read for a
    gap, where the letters part is a guess, the run is left whole."""
    groups: list[list[int]] = []
    for k in junk:
        if groups and groups[-1][-1] == k - 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    if len(groups) != len(gaps):
        return None
    cuts = [0] + [b for g in groups for b in (g[0], g[-1] + 1)] + [len(run)]
    spans = [big[0][0]] + [px for l, r in gaps for px in (l[1], r[0])] + [big[-1][1]]
    parts = []
    for n in range(len(groups) + 1):
        a, b = cuts[2 * n], cuts[2 * n + 1]
        if not any(t.isalnum() for t in text[a:b]):
            return None
        start = min(x0, to_pt(spans[0])) if n == 0 else to_pt(spans[2 * n])
        parts.append((run[a:b], (start, to_pt(spans[2 * n + 1]))))
    return parts


LETTER_HEIGHT = 0.4  # box heights: a narrow piece of ink this tall is a letter or digit ("1", "l"), no speck


def _letter_at_end(line: Any, words: list[list[int]], word: list[int], h_px: float) -> bool:
    """Is the narrow ink word the box's first or last, and as tall as a letter?  Where OCR read a
    speck's glyphs between two letters ("unga_—_‘1)": a broken row rule's end between two cells),
    such a piece past the speck is the next cell's word ("1)", its ")" past the box's end), and
    the cut falls at the speck's glyphs, not by the ink's widths."""
    if word is not words[0] and word is not words[-1]:
        return False
    rows = line[:, word[0] : word[1]].any(axis=1).nonzero()[0]
    return len(rows) > 0 and rows[-1] - rows[0] + 1 >= LETTER_HEIGHT * h_px


def _ink_words(line: Any, h_px: float) -> list[list[int]]:
    """[x0, x1) pixel columns of each word the ink of one line shows: stretches of x with ink,
    joined where they stand closer than half a box height (letters of one word do)."""
    return ink_stretches(line.any(axis=0).tolist(), 0.5 * h_px)


def ink_stretches(inked: Sequence[bool], join_below: float) -> list[list[int]]:
    """[start, end) of the stretches of inked columns, two stretches joined where the white
    between them is narrower than `join_below` columns (a one-column gap always is)."""
    out: list[list[int]] = []
    for c, dark in enumerate(inked):
        if not dark:
            continue
        if out and c - out[-1][1] < max(2, join_below):
            out[-1][1] = c + 1
        else:
            out.append([c, c + 1])
    return out


def _baseline(line: Any, a: int, b: int) -> int | None:
    """The image row (in `line`) where the ink of columns a..b stands: its dense rows' end."""
    profile = line[:, a:b].sum(axis=1)
    rows = [k for k, v in enumerate(profile) if v]
    return dense_rows(profile, rows[0], rows[-1] + 1)[1] if rows else None


def _gap_needed(line: Any, left: list[int], right: list[int], h_px: float, glue_gap: float) -> float:
    """Pixels of white between two ink words that make a column gap.

    Two cells' lines set at different heights beside a gutter (a goal's second line
    half a line under the next column's) are read by Tesseract as one word in one
    box ("arvostami-Palveluihin"): words of one printed line share a baseline, so
    ink words whose baselines step by STEPPED_BASELINE box heights are two lines,
    and half a box height of white between them is the gutter."""
    a, b = _baseline(line, *left), _baseline(line, *right)
    if a is not None and b is not None and abs(a - b) >= STEPPED_BASELINE * h_px:
        return min(glue_gap, STEPPED_GLUE_GAP) * h_px
    return glue_gap * h_px


def _at_hyphen(text: list[str], cut: int) -> int:
    """The cut moved just after a hyphen at most one letter from it: the left cell's word
    ended there ("arvostami-" | "Palveluihin"), letter widths only estimate it."""
    near = [k + 1 for k in range(cut - 2, cut + 1) if 0 < k < len(text) - 1 and text[k] == "-"]
    return near[0] if len(near) == 1 else cut


OWN_TRAILING = frozenset("-.,:;)(%/")  # a word's own marks after its last letter ("fa-", "(%)", "2025,")


BESIDE_OVERLAP = 0.5  # of the lower box's height: a word overlapping the run's box this much stands beside it


def _next_x0(chars: list[dict], run: list[int]) -> float | None:
    """Where the next printed character on the run's line starts, or None: the next one the
    layer writes on that line, or the first of any word right of the run whose box overlaps
    the run's by half a box height.  On a skewed page the next column's line is written as a
    line of its own a point or two higher ("mielentervey-__~" | "3-tason": the bullet read as
    "__~", the "3" not the run's)."""
    first, last = chars[run[0]], chars[run[-1]]
    top, bottom = first["top"], first["bottom"]
    found = None
    for c in chars[run[-1] + 1:]:
        if abs(c["top"] - top) > 0.3:
            break
        if c["text"].strip():
            found = c["x0"]
            break
    members = set(run)
    for i, c in enumerate(chars):
        if i in members or not c["text"].strip() or c["x0"] < last["x1"]:
            continue
        overlap = min(bottom, c["bottom"]) - max(top, c["top"])
        if overlap >= BESIDE_OVERLAP * min(bottom - top, c["bottom"] - c["top"]) and (found is None or c["x0"] < found):
            found = c["x0"]
    return found


def _trailing_marks(chars: list[dict], run: list[int], ink: Any, scale: float) -> list | None:
    """[(word's char indices, (x0, x1)), (mark's, (x0, x1))] of a word whose box OCR ran on
    over the white after it to a mark beyond, or None.

    A cell's last word and the bullet of the next column's item, a column gap apart, read
    as one word ("fa-___*": the gap read as underscores, the bullet as "*"): the word's box
    ends in the next column and the two columns run together.  Its ink shows the word's
    letters, then white a box height wide or more, then at most one narrow blob (the mark,
    which may stand just past the box).  The marks read from the white (GUTTER_MARKS) go;
    the others are set on the blob, or go too when there is none."""
    from planparse.extractors.pdf.scan.marks import GUTTER_MARKS  # one list of what OCR reads from white

    text = [chars[i]["text"] for i in run]
    alnum = [k for k, t in enumerate(text) if t.isalnum()]
    if len(alnum) < 2:
        return None
    end = alnum[-1] + 1
    while end < len(text) and text[end] in OWN_TRAILING:
        end += 1
    if end == len(text) or any(t.isalnum() or t in OWN_TRAILING for t in text[end:]):
        return None
    next_x0 = _next_x0(chars, run)  # (after the text's test: it looks at every character)
    first = chars[run[0]]
    top, bottom, h = first["top"], first["bottom"], first["bottom"] - first["top"]
    x0, x1 = first["x0"], chars[run[-1]]["x1"]
    right = x1 + h if next_x0 is None else min(x1 + h, next_x0 - 0.5)
    ya, yb = max(0, int(top * scale)), min(ink.shape[0], int(math.ceil(bottom * scale)))
    xa, xb = max(0, int(x0 * scale)), min(ink.shape[1], int(right * scale))
    if yb - ya < 3 or xb - xa < 3:
        return None
    ya, yb = _own_line(ink[ya:yb, xa:xb], ya, h * scale)
    h = min(h, (yb - ya) / scale)
    words = _ink_words(ink[ya:yb, xa:xb], h * scale)
    if not words or words[0][0] > 0.5 * h * scale:
        return None  # the word's own letters do not open the box
    word_end = words[0][1]
    blobs = words[1:]
    if len(blobs) > 1 or (blobs and blobs[0][1] - blobs[0][0] >= SPECK_WIDTH * h * scale):
        return None
    if (blobs[0][0] if blobs else (x1 * scale - xa)) - word_end < GLUE_GAP * h * scale:
        return None
    to_pt = lambda px: (xa + px) / scale  # noqa: E731
    parts = [(run[:end], (to_pt(words[0][0]), to_pt(word_end)))]
    kept = [run[k] for k in range(end, len(run)) if text[k] not in GUTTER_MARKS]
    if kept and blobs:
        parts.append((kept, (to_pt(blobs[0][0]), to_pt(blobs[0][1]))))
    return parts
