"""A Word table (w:tbl) as a rectangular grid of cells, read from the XML.

python-docx's `row.cells` repeats a merged cell in every grid position it
covers without saying so, and `table.cell(r, c)` is quadratic; this module
reads w:tr / w:tc directly and resolves the merges exactly:

- gridSpan=N: the cell sits in its first grid column with `span=N`; each
  column it covers holds an empty `Cell(span=0)` ("covered from the left").
- vMerge continue: `Cell(merged_from_above=True)` with no lines (its
  covered columns too); the normalizer fills the value down.
- gridBefore / gridAfter and short rows: empty cells, so every row has
  `n_cols` cells.
- A table nested in a cell: its text becomes lines of the outer cell, one
  line per nested row (the row's cell texts joined by a space).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable

from planparse.intermediate import Cell, Line, RawRow, RawTable
from planparse.extractors.docx.styles import StyleSheet, W, first_child, int_attr, pick
from planparse.extractors.docx.text import W_P, Paragraph, read_paragraph

W_TBL, W_TR, W_TC, W_TCPR = W + "tbl", W + "tr", W + "tc", W + "tcPr"
W_GRID_BEFORE, W_GRID_AFTER, W_TBL_HEADER = W + "gridBefore", W + "gridAfter", W + "tblHeader"
W_GRID_SPAN, W_VMERGE, W_HMERGE = W + "gridSpan", W + "vMerge", W + "hMerge"
_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml"}
MAX_SPAN = 64  # Word allows 63 columns; a larger gridSpan is damage, not layout
MAX_COLS = 512

# Turns a paragraph into its printed label + text (numbering); set by the caller.
LabelFn = Callable[[Paragraph], str | None]


def read_table(tbl: Any, styles: StyleSheet, label: LabelFn) -> RawTable:
    """Read a w:tbl into a RawTable (headings are filled in by the caller)."""
    rows: list[RawRow] = []
    for tr in _children(tbl, W_TR):
        if not _deleted(tr):
            rows.append(_read_row(tr, styles, label))
    grid_cols = tbl.find(W + "tblGrid")
    n_grid = len(grid_cols.findall(W + "gridCol")) if grid_cols is not None else 0
    n_cols = min(MAX_COLS, max([n_grid] + [len(row.cells) for row in rows]))
    for row in rows:
        del row.cells[n_cols:]
        row.cells.extend(Cell() for _ in range(n_cols - len(row.cells)))
    if rows and not rows[0].bold and _style_bolds_first_row(tbl, styles):
        rows[0].bold = any(not cell.is_empty for cell in rows[0].cells)
    return RawTable(rows=rows, n_cols=n_cols, page=None, bbox=None)


def _style_bolds_first_row(tbl: Any, styles: StyleSheet) -> bool:
    """A table style with "header row" formatting switched on prints the first row bold."""
    tblpr = pick(tbl.find(W + "tblPr"), W + "tblStyle", W + "tblLook")
    look, style = tblpr.get(W + "tblLook"), tblpr.get(W + "tblStyle")
    if look is None or style is None:
        return False
    first_row = look.get(W + "firstRow")
    if first_row is None:  # Word 2007 writes only the hex bitmask; 0x0020 = first row
        try:
            on = bool(int(look.get(W + "val") or "0", 16) & 0x0020)
        except ValueError:
            on = False
    else:
        on = first_row.lower() in ("1", "true", "on")
    return on and styles.first_row_bold(style.get(W + "val"))


def _deleted(tr: Any) -> bool:
    """A row deleted with change tracking on (w:trPr/w:del) is not printed once accepted."""
    trpr = tr.find(W + "trPr")
    return trpr is not None and trpr.find(W + "del") is not None


def single_cell(tbl: Any) -> Any | None:
    """The w:tc of a table that has exactly one row and one cell, else None."""
    rows = list(_children(tbl, W_TR))
    if len(rows) != 1:
        return None
    cells = list(_children(rows[0], W_TC))
    return cells[0] if len(cells) == 1 else None


def _children(element: Any, tag: str):
    """Direct children with `tag`, looking through content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _read_row(tr: Any, styles: StyleSheet, label: LabelFn) -> RawRow:
    trpr = pick(tr.find(W + "trPr"), W_GRID_BEFORE, W_GRID_AFTER, W_TBL_HEADER)
    before = _bounded(int_attr(trpr.get(W_GRID_BEFORE), 0))
    after = _bounded(int_attr(trpr.get(W_GRID_AFTER), 0))
    header = W_TBL_HEADER in trpr
    cells: list[Cell] = [Cell() for _ in range(before)]
    bold_flags: list[bool] = []
    for tc in _children(tr, W_TC):
        tcpr = pick(first_child(tc, W_TCPR), W_GRID_SPAN, W_VMERGE, W_HMERGE)
        span = max(1, _bounded(int_attr(tcpr.get(W_GRID_SPAN), 1)))
        vmerge, hmerge = tcpr.get(W_VMERGE), tcpr.get(W_HMERGE)
        if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
            cells.append(Cell(merged_from_above=True, span=span))
            cells.extend(Cell(merged_from_above=True, span=0) for _ in range(span - 1))
            continue
        if hmerge is not None and hmerge.get(W + "val", "continue") == "continue":
            cells.extend(Cell(span=0) for _ in range(span))  # legacy horizontal merge
            continue
        lines, all_bold = _cell_lines(tc, styles, label)
        cell = Cell(lines=lines, span=span)
        if not cell.is_empty:
            bold_flags.append(all_bold)
        cells.append(cell)
        cells.extend(Cell(span=0) for _ in range(span - 1))
        if len(cells) > MAX_COLS:
            break
    cells.extend(Cell() for _ in range(after))
    # A w:tblHeader row (repeated on every page) is as strong a header hint as bold.
    bold = header or (bool(bold_flags) and all(bold_flags))
    return RawRow(cells=cells, page=None, starts_page=False, bold=bold)


def _bounded(value: int | None) -> int:
    return max(0, min(MAX_SPAN, value or 0))


def _cell_lines(tc: Any, styles: StyleSheet, label: LabelFn) -> tuple[list[Line], bool]:
    """The printed lines of a cell, and whether all its visible text is bold."""
    lines: list[Line] = []
    all_bold = True
    for block in iter_blocks(tc):
        if block.tag == W_P:
            para = read_paragraph(block, styles)
            if para.text:
                all_bold = all_bold and para.bold
            lines.extend(paragraph_lines(para, label(para)))
        else:  # a nested table
            lines.extend(_nested_table_lines(block, styles, label))
    return lines, all_bold


def iter_blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables of a cell (or body), in document order."""
    for child in container.iterchildren():
        if child.tag == W_P or child.tag == W_TBL:
            yield child
        elif child.tag in _WRAPPERS:
            yield from iter_blocks(child)


def paragraph_lines(para: Paragraph, numbering: str | None = None) -> list[Line]:
    """A paragraph's non-empty printed lines; the first one starts the paragraph."""
    out: list[Line] = []
    texts = list(para.lines)
    if numbering and texts and texts[0].strip():
        texts[0] = f"{numbering} {texts[0].lstrip()}"
    for text in texts:
        if not text.strip():
            continue
        first = not out
        out.append(Line(text=text, paragraph_start=first, list_item=first and para.list_item))
    return out


def _nested_table_lines(tbl: Any, styles: StyleSheet, label: LabelFn) -> list[Line]:
    out: list[Line] = []
    for row in read_table(tbl, styles, label).rows:
        filled = [cell for cell in row.cells if not cell.is_empty]
        if len(filled) == 1:
            out.extend(filled[0].lines)
        elif filled:
            text = " ".join(" ".join(line.text.strip() for line in cell.lines if line.text.strip()) for cell in filled)
            out.append(Line(text=text, paragraph_start=True))
    return out
