"""Plain intermediate tables: what an extractor hands to the normalizer.

Extractors know file formats (geometry, XML) but no language; the normalizer
knows Finnish and Swedish but no file formats.  These types are the only thing
the two sides share, so they stay plain: strings, numbers, lists.

Everything is as printed: lines keep their line-break hyphens, headers are not
recognised yet, goals printed once are not filled down yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One printed line of text inside a cell (or one paragraph of a DOCX cell).

    `indent` is the distance in points from the cell's left text edge (0 for DOCX).
    `paragraph_start` is True when the extractor knows a new paragraph starts
    here: a DOCX paragraph, or a PDF line after a vertical gap larger than the
    line spacing.  `list_item` is True when the format itself marks a list item
    (DOCX numbering / list style); bullet *glyphs* stay in `text` and are
    recognised by the normalizer.
    """

    text: str
    indent: float = 0.0
    paragraph_start: bool = False
    list_item: bool = False


@dataclass(slots=True)
class Cell:
    """A table cell: its lines in reading order.

    `merged_from_above` marks a cell that is covered by a vertically merged
    cell above it (DOCX vMerge continue, PDF merged cell spanning rows): its
    lines are empty and the normalizer fills the value down.
    `span` is how many grid columns the cell covers (gridSpan).
    `bbox` is the cell's box on its page (x0, top, x1, bottom in points,
    origin top-left) when the format has geometry (PDF), else None.
    """

    lines: list[Line] = field(default_factory=list)
    merged_from_above: bool = False
    span: int = 1
    bbox: tuple[float, float, float, float] | None = None

    @property
    def text(self) -> str:
        """The cell's lines joined by newlines (raw, for debugging and `tables`)."""
        return "\n".join(line.text for line in self.lines)

    @property
    def is_empty(self) -> bool:
        return not any(line.text.strip() for line in self.lines)


@dataclass(slots=True)
class RawRow:
    """One row of the grid; `cells` has exactly `RawTable.n_cols` entries.

    `page` is the 1-based page where the row starts (None for DOCX).
    `starts_page` is True for the first row of a table part on a new page,
    i.e. a row that may be the continuation of the previous page's last row
    (the normalizer decides, with text evidence, whether to join them).
    `bold` is True when every non-empty cell of the row is set in bold
    (a typographic hint that the row is a header).
    """

    cells: list[Cell]
    page: int | None = None
    starts_page: bool = False
    bold: bool = False
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class RawTable:
    """A table as found: a rectangular grid of cells, possibly over several pages.

    `heading` is the heading (larger or bold line, or Word heading style) that
    stands directly above the table, as printed; `headings` the chain of
    headings in force above it, outermost first (e.g. ["PÄÄTAVOITE I: ...",
    "1.1 ..."]).  `caption_lines` are non-heading lines between the heading and
    the table (e.g. a main goal printed above the header row).
    `page` is the page the table starts on; `bbox` its box on that page
    (x0, top, x1, bottom in points, origin top-left), None for DOCX.
    """

    rows: list[RawRow]
    n_cols: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    heading: str | None = None
    headings: list[str] = field(default_factory=list)
    caption_lines: list[str] = field(default_factory=list)
    ruled: bool = True

    def grid(self) -> list[list[str]]:
        """Cell texts as a list of rows (for `planparse tables` and tests)."""
        return [[cell.text for cell in row.cells] for row in self.rows]


@dataclass
class RawDocument:
    """Everything an extractor found in one file."""

    format: str  # "pdf" or "docx"
    tables: list[RawTable]
    pages: int | None = None
    title: str | None = None
    # All running text outside tables, one string per paragraph/line.  The
    # normalizer uses it as document evidence (unbroken spellings of words)
    # and for language and OCR-damage detection.
    body_text: list[str] = field(default_factory=list)
    # Problems the extractor noticed (code, message, page).
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    # The text was read by OCR (a scan's text layer, or planparse's own OCR):
    # the normalizer then undoes OCR's glyph misreadings (normalize/ocr.py).
    ocr: bool = False
    # When planparse ran OCR itself: {"engine", "version", "languages"} (producer.ocr).
    ocr_run: dict | None = None
