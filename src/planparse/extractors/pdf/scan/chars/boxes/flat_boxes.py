"""OCR lines whose box Tesseract wrote flat, given the page's usual box height (word boxes from pixels).

Now and then Tesseract's text layer writes one of its lines with a box a
fraction of the type's height (3 pt for 10 pt text: jarvela-ilmasto-header-rule
scan set E, a goal's first line "Kuntalaisten kestävät liik-").  The box's
bottom still stands at the line's foot, but a box that flat cannot be set on its
ink (pdf.scan.chars.boxes.ink looks for ink within a share of the box's height), and the
later size evening grows it about its middle: the line came out 5 pt low, on
the line of the next row, and its cell fell into that row.

Such a box is grown upwards from its bottom to the page's usual box height
before the words are set on their ink.
"""

from __future__ import annotations

from planparse.extractors.pdf.scan.chars.runs import char_runs

FLAT = 0.5  # a box under this share of the page's usual box height is flat
MIN_RUNS = 20  # runs a page needs for its usual box height to be known


def regrow_flat_boxes(chars: list[dict]) -> list[dict]:
    """`chars` with the boxes of flat runs grown up from their bottom to the usual height."""
    runs = [run for run in char_runs(chars) if len(run) >= 2]
    if len(runs) < MIN_RUNS:
        return chars
    heights = sorted(chars[run[0]]["bottom"] - chars[run[0]]["top"] for run in runs)
    usual = heights[len(heights) // 2]
    out = chars
    for run in char_runs(chars):
        first = chars[run[0]]
        if first["bottom"] - first["top"] >= FLAT * usual:
            continue
        if out is chars:
            out = list(chars)
        for i in run:
            c = dict(out[i])
            c["top"] = c["bottom"] - usual
            if "y1" in c and "y0" in c:
                c["y1"] = c["y0"] + usual
            out[i] = c
    return out
