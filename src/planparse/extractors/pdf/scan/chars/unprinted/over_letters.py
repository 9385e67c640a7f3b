"""OCR words read from the tops (or feet) of a printed line's letters, dropped (text layer geometry).

Tesseract now and then reads a second line out of one printed line: the dots of
ä/ö/i and the ascenders of h/l read as "ahi", "isö", "5", "i" a few points above
"Lähiyhteisön hyödyntä-", "Lapsilta kysyminen" (kymenlaakso-lnp-hrules@fin-300,
scan set H, even at 300 dpi), or "ja" half over "monialaisena" at 150 dpi.  Set
in the white between two list items, such a line fills the gap that tells the
items apart, and two items become one ("... verkostoyhteistyönä puhelintuki ja
...").  The white-middle test of pdf.scan.chars.unprinted.between_lines keeps them: their middle
lies on the dots and ascenders, which are ink.

No printed word stands on another: two printed boxes never share both their
columns and much of their height.  A short word whose box lies across a longer
word's columns and overlaps a good part of its height was read from that word's
letters and goes.  This is judged on the boxes as Tesseract set them, before
pdf.scan.chars.boxes.ink settles each onto its ink (which seats the phantom on the longer
word's own line); two words of one OCR line (tops and feet alike) are never
judged so: a box Tesseract drew too wide may cover the next word.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from planparse.extractors.pdf.scan.chars.runs import char_runs

MAX_LETTERS = 3  # what the dots and ascenders give: "ahi", "isö", "ja", "5", "i"
MIN_LONGER = 2  # the word read twice has at least this many more letters than the phantom
COVER = 0.8  # share of the short word's width under the long word's box
OVERLAP = 0.4  # share of the short word's height inside the long word's box
SAME_LINE = 0.1  # of the short box's height: boxes whose tops and feet are this near are words of one
# OCR line, side by side (a skewed scan's boxes of one line differ by 0.4 pt; a phantom's by 1.6 or more)
SIZE = 1.6  # box heights within this factor of each other (a stretched box says nothing)


def drop_over_letters(chars: list[dict]) -> list[dict]:
    """`chars` without the short runs Tesseract read out of a longer printed word's letters."""
    runs = char_runs(chars)
    boxes = []
    for run in runs:
        x0, x1 = min(chars[i]["x0"] for i in run), max(chars[i]["x1"] for i in run)
        top, bottom = min(chars[i]["top"] for i in run), max(chars[i]["bottom"] for i in run)
        letters = sum(chars[i]["text"].isalnum() for i in run)
        boxes.append((x0, x1, top, bottom, letters))
    by_top = sorted(range(len(boxes)), key=lambda j: boxes[j][2])
    tops = [boxes[j][2] for j in by_top]
    gone: set[int] = set()
    for k, (x0, x1, top, bottom, letters) in enumerate(boxes):
        h = bottom - top
        if letters > MAX_LETTERS or h <= 0 or x1 <= x0:
            continue
        # only boxes that can overlap this one: a top under its bottom, over its top by at most SIZE * h
        near = by_top[bisect_right(tops, top - SIZE * h) : bisect_left(tops, bottom)]
        if any(_reads_over(boxes[k], boxes[j]) for j in near if j != k):
            gone.update(runs[k])
    if not gone:
        return chars
    return [c for i, c in enumerate(chars) if i not in gone]


def _reads_over(short: tuple, other: tuple) -> bool:
    """Whether the `short` run's box lies across the longer word `other` of another OCR line."""
    x0, x1, top, bottom, letters = short
    ox0, ox1, otop, obottom, oletters = other
    h, oh = bottom - top, obottom - otop
    if oletters < letters + MIN_LONGER or oh <= 0 or max(h, oh) > SIZE * min(h, oh):
        return False
    if abs(top - otop) <= SAME_LINE * h and abs(bottom - obottom) <= SAME_LINE * h:
        return False  # one line's words: a wide box over its neighbour ("asiakkuudet" over "ja")
    if min(x1, ox1) - max(x0, ox0) < COVER * (x1 - x0):
        return False
    return min(bottom, obottom) - max(top, otop) >= OVERLAP * h
