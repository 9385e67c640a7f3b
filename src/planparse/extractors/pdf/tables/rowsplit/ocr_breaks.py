"""OCR: a word broken at a hyphen never ends a cell (blocks of a whitespace table joined).

A column's lines are parted into blocks where the spacing is wider than the
column's usual line pitch (pdf.tables.rowsplit.rows.column_blocks).  Tesseract's line
boxes wander, most of all for a short line: "tö", the end of "henkilös-" in an
owner cell, came out a few points too low at 150 dpi, a block of its own.  Level
with it the goal column opens its title under the goal's number, and the two
block starts made a row: every record of kymenlaakso-lnp-shaded-header (scan set
E) was cut in two.

A line that carries on a word broken at the end of the line above it (a letter
and a hyphen there, a small letter here) is that line's cell going on, however
the engine spaced them.
"""

from __future__ import annotations

from typing import Sequence

from planparse.extractors.pdf.tables.rowsplit.rows import Block, carries_on


def join_broken_words(blocks: Sequence[Block]) -> list[Block]:
    """`blocks` (each column's in order down the page) with a block whose first line
    carries on a word broken at the end of the block above it in its column joined to it."""
    out: list[Block] = []
    for b in blocks:
        above = out[-1] if out and out[-1].col == b.col else None
        first = b.lines[0]
        if (
            above is not None
            and above.lines[-1].bold == first.bold
            and first.text[:1].islower()
            and carries_on(above.lines[-1], first, hyphen_only=True)
        ):
            above.lines.extend(b.lines)
            continue
        out.append(Block(b.col, list(b.lines)))
    return out
