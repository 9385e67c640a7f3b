"""Column blocks of a table page written out by hand, for the row-start functions' tests.

A spec is [(column, [(text, x0, x1, top, bottom), ...]), ...]: each line one word, as
an OCR'd page's lines were measured; `size` is the body font size the page printed.
"""

from __future__ import annotations


def blocks(spec, size: float):
    """The `Block`s (one per spec entry) of those lines."""
    from planparse.extractors.pdf.tables.rowsplit.rows import Block
    from planparse.extractors.pdf.words import TextLine, Word

    out = []
    for col, lines in spec:
        tls = []
        for text, x0, x1, top, bottom in lines:
            w = Word(text, x0, x1, top, bottom, size, False)
            tls.append(TextLine([w], text, x0, x1, top, bottom, size, False))
        out.append(Block(col, tls))
    return out
