"""Free-standing blocks of words: the boxes of an infographic page.

Indicator infographics set each box (a label, large figures with a line under
each, a reference number) as free text, not in a table grid.  Here the words
of a page are grouped by geometry alone: words on one baseline closer than
`BOX_WORD_GAP` font sizes form a run; runs stacked closer than one font size
(of the smaller text) and overlapping horizontally form a block.  A page
keeps its blocks only when at least `MIN_FIGURE_BLOCKS` of them hold a line
that is only a figure (digits, a decimal comma, a per cent sign) -- running
text and tables do not look like that.  No words of any language involved.
"""

from __future__ import annotations

import re
from typing import Sequence

from planparse.intermediate import BoxLine, TextBox
from planparse.extractors.pdf.words import Word

BOX_WORD_GAP = 1.2  # font sizes between two words of one run
BOX_LINE_GAP = 1.0  # font sizes (of the smaller line) between two runs of one block
TAG_REACH = 6.0  # font sizes sideways within which a lone short figure (a box's number) below a block joins it
TAG_REACH_LEVEL = 12.0  # ... and beside a block, level with its lines (a number in the box's top corner)
MIN_FIGURE_BLOCKS = 3
_FIGURE = re.compile(r"^[-−–]?\d[\d\s]*(?:[,.]\d+)?\s*%?$")


def _runs(words: Sequence[Word]) -> list[BoxLine]:
    """Words on one baseline, split where the gap is wide.

    A word continues the run whose last word it overlaps vertically by half
    a line and follows closely; runs whose last word ends above the word are
    closed, so each word looks at the runs of its own line only.
    """
    runs: list[list[Word]] = []
    open_runs: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        open_runs = [run for run in open_runs if run[-1].bottom > w.top]
        for run in open_runs:
            last = run[-1]
            overlap = min(last.bottom, w.bottom) - max(last.top, w.top)
            if overlap >= 0.5 * min(last.bottom - last.top, w.bottom - w.top) and 0 <= w.x0 - last.x1 <= BOX_WORD_GAP * max(w.size, last.size):
                run.append(w)
                break
        else:
            runs.append([w])
            open_runs.append(runs[-1])
    return [_box_line(run) for run in runs]


def _box_line(run: list[Word]) -> BoxLine:
    # lists, not generators: this runs for every run of words on every page
    sizes = [w.size for w in run]
    letters = [len(w.text) for w in run]
    bold = sum([n for n, w in zip(letters, run) if w.bold]) * 2 > sum(letters)
    return BoxLine(" ".join([w.text for w in run]), run[0].x0, max([w.x1 for w in run]), min([w.top for w in run]),
                   max([w.bottom for w in run]), max(set(sizes), key=sizes.count), bold)


def _blocks(runs: list[BoxLine]) -> list[list[BoxLine]]:
    blocks: list[list[BoxLine]] = []
    boxes: list[list[float]] = []  # x0, top, x1, bottom of each block
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        best = None
        for i in range(len(blocks) - 1, -1, -1):
            x0, top, x1, bottom = boxes[i]
            if run.x0 > x1 + 1 or run.x1 < x0 - 1:
                continue  # no horizontal overlap with the block
            near = min(r.size for r in blocks[i][-1:]) if blocks[i] else run.size
            gap = run.top - bottom
            if gap <= BOX_LINE_GAP * min(near, run.size):
                best = i
                break
        if best is None:
            blocks.append([run])
            boxes.append([run.x0, run.top, run.x1, run.bottom])
        else:
            blocks[best].append(run)
            b = boxes[best]
            b[0], b[1], b[2], b[3] = min(b[0], run.x0), min(b[1], run.top), max(b[2], run.x1), max(b[3], run.bottom)
    return [sorted(b, key=lambda r: (round(r.top), r.x0)) for b in blocks]


def _is_tag(block: list[BoxLine]) -> bool:
    """A lone short number set apart (a box's reference number in a corner)."""
    return len(block) == 1 and len(block[0].text) <= 3 and block[0].text.isdigit()


def _bbox(block: list[BoxLine]) -> tuple[float, float, float, float]:
    return (min(r.x0 for r in block), min(r.top for r in block), max(r.x1 for r in block), max(r.bottom for r in block))


def _attach_tags(blocks: list[list[BoxLine]]) -> list[list[BoxLine]]:
    """A lone number beside a block (level with its lines within TAG_REACH_LEVEL
    font sizes, or just below its last line within TAG_REACH) that starts left of
    it belongs to it: the nearest such block."""
    keep = [b for b in blocks if not _is_tag(b)]
    boxes = [_bbox(b) for b in keep]
    for tag in (b for b in blocks if _is_tag(b)):
        run = tag[0]
        best, best_dx = None, TAG_REACH_LEVEL * run.size
        for i, (x0, top, x1, bottom) in enumerate(boxes):
            dy = max(0.0, run.top - bottom, top - run.bottom)
            dx = max(0.0, run.x0 - x1, x0 - run.x1)
            reach = TAG_REACH_LEVEL if dy == 0 else TAG_REACH
            if dy <= run.size and dx <= min(best_dx, reach * run.size) and run.x0 >= x0:
                best, best_dx = i, dx
        if best is None:
            keep.append(tag)
            boxes.append(_bbox(tag))
        else:
            keep[best] = sorted(keep[best] + [run], key=lambda r: (round(r.top), r.x0))
    return keep


def find_text_boxes(words: Sequence[Word], page: int) -> list[TextBox]:
    """The page's free-standing blocks, when it looks like an infographic; else []."""
    if not words:
        return []
    runs = _runs(words)
    if sum(1 for r in runs if _FIGURE.match(r.text)) < MIN_FIGURE_BLOCKS:
        return []  # running text: no figures set apart
    blocks = _attach_tags(_blocks(runs))
    figures = sum(1 for b in blocks if any(_FIGURE.match(r.text) for r in b))
    if figures < MIN_FIGURE_BLOCKS:
        return []
    out = [TextBox(page, _bbox(b), b) for b in blocks]
    return sorted(out, key=lambda t: (round(t.bbox[1]), t.bbox[0]))
