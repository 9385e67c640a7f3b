"""Tolerances of the PDF extractor, in points, validated once when made.

Every geometric threshold the PDF modules use lives here, so a reader can see
them in one place and a test can vary one without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PdfSettings:
    """Geometry tolerances (points unless said otherwise).

    Ruling lines (handed to pdfplumber's edge merging):
      snap_tolerance, join_tolerance, intersection_tolerance, edge_min_length.
    Text:
      line_overlap: share of the smaller height two words must overlap
        vertically to sit on one line (fraction).
      word_space: a gap wider than this share of the font size separates
        two words of a line with a space (fraction).
      grid_tolerance: cell edges closer than this are one grid line.
    Whitespace (borderless) tables:
      column_gap: the narrowest empty vertical strip that separates columns,
        as a share of the font size (fraction).
      row_align: text in two columns starting within this of each other
        starts one row.
      table_break_gap: a vertical gap larger than this many line pitches
        ends a borderless table (fraction of font size).
      max_single_row_lines: a whitespace "table" of one row with more lines
        than this is two columns of prose.
      max_mean_cell_lines: likewise when its cells average more lines than this.
    Pages:
      margin_band: share of the page height at top and bottom where page
        furniture (numbers, running headers and footers) lives (fraction).
      furniture_y: a running header/footer repeats within this vertical distance.
      furniture_min_pages: how many pages a text must repeat on to be furniture.
      column_match: column edges of two table parts on consecutive pages closer
        than this belong to one table.
      heading_size_delta: a line at least this much larger than body text is a heading.
    OCR text (a scan's page, see pdf.scan.raster):
      ocr_text: 1 when the words come from OCR: their boxes hug the ink, so a
        line that ends short of the column edge is no sign of a paragraph end.
    """

    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    edge_min_length: float = 3.0
    line_overlap: float = 0.5
    word_space: float = 0.12
    grid_tolerance: float = 2.5
    column_gap: float = 0.9
    row_align: float = 2.5
    table_break_gap: float = 3.5
    max_single_row_lines: int = 40
    max_mean_cell_lines: float = 10.0
    margin_band: float = 0.1
    furniture_y: float = 4.0
    furniture_min_pages: int = 3
    column_match: float = 8.0
    heading_size_delta: float = 0.8
    ocr_text: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"PdfSettings.{f.name} must be a number >= 0, not {value!r}")
        for name in ("line_overlap", "margin_band"):
            if not 0 < getattr(self, name) < 1:
                raise ValueError(f"PdfSettings.{name} is a fraction: 0 < value < 1")
        if self.furniture_min_pages < 2:
            raise ValueError("PdfSettings.furniture_min_pages must be >= 2 (repetition needs two pages)")


DEFAULT_SETTINGS = PdfSettings()
