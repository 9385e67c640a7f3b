"""Load a scan crop of tests/scan_crops: a real OCR page's characters and its ink, cut small.

Each crop is NAME.json (the OCR characters as [text, x0, x1, top, bottom] in points, and
the dpi the ink was taken at) and NAME.png (the page image's dark pixels there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CROPS = Path(__file__).parent / "scan_crops"


def load_crop(name: str) -> tuple[list[dict], Any, float]:
    """(OCR characters as the reader gives them, ink as a boolean array, pixels per point)."""
    import numpy as np
    from PIL import Image

    data = json.loads((CROPS / f"{name}.json").read_text(encoding="utf-8"))
    ink = np.asarray(Image.open(CROPS / f"{name}.png").convert("L")) < 128
    chars = [
        {"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "fontname": "GlyphLessFont", "size": bottom - top}
        for t, x0, x1, top, bottom in data["chars"]
    ]
    return chars, ink, data["dpi"] / 72


def crop_blocks(blocks: list) -> list:
    """rowsplit Blocks from a crop's saved [[col, [[word, ...] per line]], ...]; a word is
    [text, x0, x1, top, bottom, size, bold] and a line is bold when all its words are."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for col, lines in blocks:
        rows = []
        for words in lines:
            ws = [Word(t, x0, x1, top, bottom, size, bold) for t, x0, x1, top, bottom, size, bold in words]
            rows.append(TextLine(ws, " ".join(w.text for w in ws), ws[0].x0, ws[-1].x1, min(w.top for w in ws),
                                 max(w.bottom for w in ws), max(w.size for w in ws), all(w.bold for w in ws)))
        out.append(Block(col, rows))
    return out
