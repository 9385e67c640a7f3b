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
    `ends_short` is True when the line stops so far short of where the cell's
    text can reach that the next line's first word would have fitted after it
    (PDF geometry): the writer ended the line, it was not wrapped, so a dash at
    its end is printed text, not a line-break hyphen.  False when unknown (DOCX).
    `fills_cell` is True when the line is one word spanning the cell's whole
    text width, or its last word reaches the cell's edge and, closed up with
    the next line's first word, would be wider than the cell: a word wider
    than the cell may have been cut there without a hyphen ("Ositt" / "ain").
    False when unknown (DOCX).
    `maybe_cut` is True for an OCR line that is not `fills_cell` but would be if its end
    were a wide letter (not only a letter) short of the column's reach: the engine's
    boxes cannot tell a cut from a wrap there, so only a spell checker's word joins it.
    """

    text: str
    indent: float = 0.0
    paragraph_start: bool = False
    list_item: bool = False
    ends_short: bool = False
    fills_cell: bool = False
    maybe_cut: bool = False


@dataclass(slots=True)
class Cell:
    """A table cell: its lines in reading order.

    `merged_from_above` marks a cell that is covered by a vertically merged
    cell above it (DOCX vMerge continue, PDF merged cell spanning rows): its
    lines are empty and the normalizer fills the value down.
    `span` is how many grid columns the cell covers (gridSpan).
    `bbox` is the cell's box on its page (x0, top, x1, bottom in points,
    origin top-left) when the format has geometry (PDF), else None.
    `closed_below` is True for a cell of a page part's last row with a rule drawn
    under it, in a table whose rules leave a cell merged over rows open below
    (PDF geometry): its cell ends at the page's foot, so an empty cell of its column
    opening the part overleaf is no rest of it.  False when unknown.
    """

    lines: list[Line] = field(default_factory=list)
    merged_from_above: bool = False
    span: int = 1
    bbox: tuple[float, float, float, float] | None = None
    closed_below: bool = False

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


@dataclass(slots=True)
class TextBlock:
    """A heading, a paragraph, or the place of a table, in reading order.

    Running text outside tables as the format gives it, so that plans written
    as prose (goal sub-headings over paragraphs) can be read: `lines` are the
    printed lines (hyphens kept).  `level` ranks a heading: a smaller number
    is an outer heading (PDF: larger, then bold, then coloured text; DOCX:
    the outline level, bold body text below every styled heading).  A block
    of kind "table" holds no text, only `table`, the index of that table in
    `RawDocument.tables`.  `list_item` marks a paragraph the format lists
    (DOCX numbering) or that opens with a bullet glyph at its line start (PDF).
    """

    kind: str  # "heading", "paragraph" or "table"
    lines: list[str] = field(default_factory=list)
    page: int | None = None
    level: int = 0
    table: int | None = None
    list_item: bool = False


@dataclass(slots=True)
class BoxLine:
    """One printed line (or a run of words set apart on its line) of a text box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(slots=True)
class TextBox:
    """Words set close together, apart from the rest of the page: a box of an
    infographic (label, values, a reference number) or a heading beside them.

    Found from geometry only (PDF), on pages that hold several such blocks
    with a line of figures; `lines` top to bottom, left to right.
    """

    page: int
    bbox: tuple[float, float, float, float]
    lines: list[BoxLine] = field(default_factory=list)


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
    # Headings, paragraphs and table places in reading order (prose plans).
    blocks: list[TextBlock] = field(default_factory=list)
    # Free-standing blocks of words on infographic pages (PDF only).
    text_boxes: list[TextBox] = field(default_factory=list)
    # Running headers and footers as printed, each text once, in order (PDF:
    # texts repeated in the page margins, page numbers aside; DOCX: the header
    # and footer parts): what a document may say about itself only there.
    running_text: list[str] = field(default_factory=list)
    # The file's own properties as stored (DOCX core properties: title,
    # subject, creator, keywords, category, description); empty for PDF.
    properties: dict[str, str] = field(default_factory=dict)
    # Problems the extractor noticed (code, message, page).
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)
    # The text was read by OCR (a scan's text layer, or planparse's own OCR):
    # the normalizer then undoes OCR's glyph misreadings (normalize/repair/ocr/text.py).
    ocr: bool = False
    # When planparse ran OCR itself: {"engine", "version", "languages"} (producer.ocr).
    ocr_run: dict | None = None
