"""pdf.scan.chars.pieces.ink_pieces: the 8-connected pieces of a boolean crop, as boxes.

Shared by the en-dash check (glyph heights) and the re-read of unread ink (line
shapes); checked here against a plain flood fill on random masks and on a crop of a
real scan's ink."""

from __future__ import annotations

from tests.scan_crop_helpers import load_crop


def _flood_boxes(mask) -> list[tuple[int, int, int, int]]:
    h, w = mask.shape
    seen = set()
    boxes = []
    for y in range(h):
        for x in range(w):
            if not mask[y, x] or (y, x) in seen:
                continue
            stack, box = [(y, x)], [y, x, y + 1, x + 1]
            seen.add((y, x))
            while stack:
                cy, cx = stack.pop()
                box = [min(box[0], cy), min(box[1], cx), max(box[2], cy + 1), max(box[3], cx + 1)]
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        q = (cy + dy, cx + dx)
                        if 0 <= q[0] < h and 0 <= q[1] < w and mask[q] and q not in seen:
                            seen.add(q)
                            stack.append(q)
            boxes.append(tuple(box))
    return sorted(boxes)


def test_pieces_are_the_8_connected_components() -> None:
    import numpy as np

    from planparse.extractors.pdf.scan.chars.pieces import ink_pieces

    rng = np.random.default_rng(7)
    for _ in range(200):
        mask = rng.random((int(rng.integers(1, 25)), int(rng.integers(1, 30)))) < rng.uniform(0.05, 0.6)
        assert sorted(ink_pieces(mask)) == _flood_boxes(mask)


def test_diagonal_steps_join_and_a_gap_parts() -> None:
    import numpy as np

    from planparse.extractors.pdf.scan.chars.pieces import ink_pieces

    mask = np.array(
        [
            [1, 0, 0, 0, 1],
            [0, 1, 0, 0, 1],
            [0, 0, 1, 0, 0],
        ],
        dtype=bool,
    )
    assert sorted(ink_pieces(mask)) == [(0, 0, 3, 3), (0, 4, 2, 5)]
    assert ink_pieces(np.zeros((3, 3), dtype=bool)) == []


def test_a_real_crop_gives_the_same_pieces_as_a_flood_fill() -> None:
    from planparse.extractors.pdf.scan.chars.pieces import ink_pieces

    _chars, ink, _scale = load_crop("sjovik-frame-swe150-p1-lost-bullets")
    crop = ink[:120, :260]
    assert len(ink_pieces(crop)) > 50
    assert sorted(ink_pieces(crop)) == _flood_boxes(crop)


def test_labels_mark_each_piece_as_the_flood_fill_does() -> None:
    """piece_labels (used by chars.unprinted.phantom to count a piece's pixels inside a mark's window):
    two pixels share a label exactly when they lie in one flood-filled piece, and no ink
    is labelled 0."""
    import numpy as np

    from planparse.extractors.pdf.scan.chars.pieces import ink_pieces, piece_labels

    rng = np.random.default_rng(11)
    for _ in range(150):
        mask = rng.random((int(rng.integers(1, 20)), int(rng.integers(1, 25)))) < rng.uniform(0.05, 0.6)
        labels = piece_labels(mask)
        assert ((labels > 0) == mask).all()
        boxes = []
        for lab in set(labels[mask].tolist()):
            ys, xs = np.nonzero(labels == lab)
            boxes.append((int(ys.min()), int(xs.min()), int(ys.max()) + 1, int(xs.max()) + 1))
        assert sorted(boxes) == _flood_boxes(mask) == sorted(ink_pieces(mask))
