"""Pieces of ink: the 8-connected components of a boolean page crop, as boxes.

Two OCR checks need the glyphs of a stretch of the page image apart: an en dash is
told from a hyphen by the height of the pieces around it (pdf.scan.chars.glyphs.dashes),
ink no OCR word covers is grouped into lines by its pieces (pdf.scan.reread), and
a mark's ink is the piece lying mostly inside its window (pdf.scan.chars.unprinted.phantom).
Each column's vertical runs of ink are joined to the runs of the column before that
they touch (a diagonal step too): a union over a few hundred runs, not over every
pixel.
"""

from __future__ import annotations

from typing import Any


def ink_pieces(mask: Any) -> list[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of each 8-connected piece of ink in `mask` (a 2-D boolean
    array), bottom and right exclusive, in no particular order."""
    columns, firsts, ends, roots = _joined_runs(mask)
    boxes: dict[int, list[int]] = {}
    for a, r in enumerate(roots):
        box = boxes.setdefault(r, [firsts[a], columns[a], ends[a], columns[a] + 1])
        box[0], box[1] = min(box[0], firsts[a]), min(box[1], columns[a])
        box[2], box[3] = max(box[2], ends[a]), max(box[3], columns[a] + 1)
    return [(b[0], b[1], b[2], b[3]) for b in boxes.values()]


def piece_labels(mask: Any) -> Any:
    """`mask`'s pixels labelled by piece: 0 where there is no ink, the same number > 0 over
    each 8-connected piece (for counting a piece's pixels inside and outside a window)."""
    import numpy as np

    labels = np.zeros(mask.shape, dtype=np.int32)
    columns, firsts, ends, roots = _joined_runs(mask)
    for a, r in enumerate(roots):
        labels[firsts[a] : ends[a], columns[a]] = r + 1
    return labels


def _joined_runs(mask: Any) -> tuple[list[int], list[int], list[int], list[int]]:
    """Each column's vertical runs of ink as (columns, first rows, end rows, piece roots),
    a run's root shared by every run of its piece."""
    import numpy as np

    padded = np.zeros((mask.shape[0] + 2, mask.shape[1]), dtype=np.int8)
    padded[1:-1] = mask
    steps = np.diff(padded, axis=0)
    columns, firsts = (a.tolist() for a in np.nonzero(steps.T == 1))  # column by column, top down
    ends = np.nonzero(steps.T == -1)[1].tolist()  # each run's end row (exclusive), same order
    parent = list(range(len(columns)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    prev_lo = prev_hi = 0  # the runs of the column before: indices prev_lo..prev_hi
    k = 0
    while k < len(columns):
        col = columns[k]
        end = k
        while end < len(columns) and columns[end] == col:
            end += 1
        if not (prev_hi > prev_lo and columns[prev_lo] == col - 1):
            prev_lo = prev_hi = k
        for a in range(k, end):
            for b in range(prev_lo, prev_hi):
                if firsts[b] <= ends[a] and firsts[a] <= ends[b]:  # rows touch, a diagonal step included
                    ra, rb = root(a), root(b)
                    if ra != rb:
                        parent[ra] = rb
        prev_lo, prev_hi = k, end
        k = end
    return columns, firsts, ends, [root(a) for a in range(len(columns))]
