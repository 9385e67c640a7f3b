"""Glyphs OCR read from a vertical rule and glued to a word, dropped where the image shows only the rule.

`raster.drop_rule_marks` drops a lone "|" or "[" standing on a rule.  Where a
frame's rule runs close beside a cell's first mark, Tesseract reads the rule as
a stroke glyph glued to it ("'1-" for a speck, the frame's left rule and the
dash bullet of "- En gemensam modell", swe 200 dpi skewed): the word then
starts across the rule, and the row loses its bullet.  The image tells: under
such a glyph's box lies a vertical rule (dark pixels down the box's height in
one pixel column) and no other ink; a letter printed against a rule has ink of
its own beside it.
"""

from __future__ import annotations

from typing import Any

STROKES = frozenset("|[]!1lIi/()")  # what OCR reads a vertical rule as
RULE_SHARE = 0.8  # of the box's pixel rows: a pixel column this dark down the box is a rule


def drop_rule_glyphs(chars: list[dict], ink: Any, dark: Any, scale: float) -> list[dict]:
    """`chars` without the stroke glyphs whose box holds a vertical rule and no other ink
    (`ink`: dark pixels but rules, `dark`: every dark pixel; `scale` pixels per point)."""
    rows, cols = ink.shape
    gone: set[int] = set()
    for i, c in enumerate(chars):
        if c.get("text") not in STROKES:
            continue
        r0, r1 = max(0, int(c["top"] * scale)), min(rows, int(c["bottom"] * scale) + 1)
        c0, c1 = max(0, int(c["x0"] * scale)), min(cols, int(c["x1"] * scale) + 1)
        if r1 - r0 < 2 or c1 <= c0 or ink[r0:r1, c0:c1].any():
            continue
        rule = dark[r0:r1, c0:c1] & ~ink[r0:r1, c0:c1]
        if (rule.sum(axis=0) >= RULE_SHARE * (r1 - r0)).any():
            gone.add(i)
    return [c for i, c in enumerate(chars) if i not in gone] if gone else chars
