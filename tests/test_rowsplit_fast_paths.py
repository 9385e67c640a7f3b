"""The row finder's one-pass helpers (issue 10: speed) answer exactly as the plain scans
they replace: `_spaces_above` as `_space_above` per height, `_carried_tops` as
`continued_tops` with and without `hyphen_only`."""

from __future__ import annotations

import random

import pytest

from planparse.extractors.pdf.tables.rowsplit.row_cuts import _space_above, _spaces_above
from planparse.extractors.pdf.tables.rowsplit.rows import Block, _carried_tops, continued_tops
from planparse.extractors.pdf.words import TextLine

_TEXTS = ["Kehittää", "palveluja-", "ja toimintaa.", "lapsille ja nuorille", "• Tavoite", "x", "2) kohta", "tasa-", ""]


def _line(rng: random.Random, top: float) -> TextLine:
    height = rng.choice([8.0, 10.0, 12.5])
    return TextLine(words=[], text=rng.choice(_TEXTS), x0=0.0, x1=100.0, top=top, bottom=top + height,
                    size=height * 0.8, bold=False)


def _blocks(seed: int) -> list[Block]:
    rng = random.Random(seed)
    blocks = []
    for col in range(rng.randint(1, 4)):
        top = rng.uniform(0, 40)
        for _ in range(rng.randint(0, 6)):
            lines = []
            for _ in range(rng.randint(1, 4)):
                lines.append(_line(rng, top))
                top += rng.choice([9.0, 11.0, 12.0, 14.0, 30.0])
            blocks.append(Block(col, lines))
            top += rng.uniform(0, 25)
    rng.shuffle(blocks)
    return blocks


@pytest.mark.parametrize("seed", range(40))
def test_spaces_above_as_space_above(seed: int) -> None:
    blocks = _blocks(seed)
    rng = random.Random(seed + 1000)
    ys = sorted(rng.uniform(-10, 250) for _ in range(12)) + [ln.top for b in blocks for ln in b.lines][:8]
    tol = rng.choice([0.0, 1.0, 2.5])
    assert _spaces_above(blocks, ys, tol) == {y: _space_above(blocks, y, tol) for y in ys}


@pytest.mark.parametrize("seed", range(40))
def test_carried_tops_as_continued_tops(seed: int) -> None:
    columns: dict[int, list[TextLine]] = {}
    for b in _blocks(seed):
        columns.setdefault(b.col, []).extend(b.lines)
    for lines in columns.values():
        lines.sort(key=lambda ln: ln.top)
    carried, broken = _carried_tops(columns)
    assert carried == {c: continued_tops([lines]) for c, lines in columns.items()}
    assert broken == {c: continued_tops([lines], hyphen_only=True) for c, lines in columns.items()}
