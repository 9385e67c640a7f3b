"""Shortcuts taken for speed answer as the longer way did (issue 10: speed within 10 %)."""

from __future__ import annotations

import random

from planparse.extractors.pdf.settings import DEFAULT_SETTINGS
from planparse.extractors.pdf.tables.pages.band_union import bold_band
from planparse.extractors.pdf.tables.grid import PageTable, words_inside
from planparse.extractors.pdf.words import Word, group_lines
from planparse.normalize.tables.cells import slash_style, slash_styles, slash_styles_by_case


def test_slash_styles_is_both_in_one_pass() -> None:
    rng = random.Random(10)
    alphabet = "ab/ 1Ä/x Y/ z"
    for _ in range(5000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(0, 4))]
        assert slash_styles(texts) == (slash_style(texts), slash_styles_by_case(texts))


def _word(text: str, x0: float, top: float, bold: bool) -> Word:
    return Word(text=text, x0=x0, x1=x0 + 5 * len(text), top=top, bottom=top + 10, size=10.0, bold=bold, colored=False)


def test_bold_band_shortcut_matches_grouping_the_lines() -> None:
    """bold_band skips grouping lines when at most half of the characters are bold: then some line is not bold."""
    rng = random.Random(14)
    for _ in range(400):
        words = [
            _word(rng.choice(["a", "bb", "ccc", "dddd"]), 10 + 40 * col + rng.random(), 20 + 14 * row + rng.random(), rng.random() < 0.7)
            for row in range(rng.randint(0, 4))
            for col in range(rng.randint(1, 3))
        ]
        table = PageTable(page=1, bbox=(0, 0, 200, 100), col_edges=[0, 50, 100, 200], rows=[], ruled=False)
        lines = group_lines(words_inside(words, table.bbox), DEFAULT_SETTINGS)
        expected = bool(lines) and all(ln.bold for ln in lines)
        assert (bold_band(table, words, [], DEFAULT_SETTINGS) is not None) == expected
