"""LibreOffice producer: python-docx document (language tags, automatic hyphenation) -> PDF.

The document set-up (styles, language, hyphenation, running header, page
numbers) is samples/build.py's; the table is drawn here because the matrix
has rulings, shading and page sizes build.py does not.  Conversion to PDF is
soffice.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from .content import cell_paragraphs
from .paths import build


def cell_edges(rules: str, r: int, c: int, n_rows: int, n_cols: int, n_head: int) -> dict[str, bool]:
    """Ruled edges of cell (r, c); the two rulings build.py lacks are added here."""
    if rules == "header-rule":
        return dict(bottom=r == n_head - 1)
    if rules == "shaded-header":
        return {}
    return build.cell_edges(rules, r, c, n_rows, n_cols)


def shade(cell, fill: str = "D9E2F3") -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def render_table(doc, table: dict[str, Any], space_pt: float) -> None:
    headers, columns, rows = table["headers"], table["columns"], table["rows"]
    n_head, n_cols = len(headers), len(columns)
    n_rows = n_head + len(rows)
    t = doc.add_table(rows=n_rows, cols=n_cols)
    build.set_table_fixed(t, [col["width"] for col in columns])
    if table.get("rules") in ("none", "header-rule", "shaded-header", "hrules"):
        build.set_cell_margins(t, 2.5)  # white space between unruled rows, as careful authors leave
    for r in range(n_rows):
        for c in range(n_cols):
            build.set_cell_borders(t.cell(r, c), cell_edges(table["rules"], r, c, n_rows, n_cols, n_head))
    for h, header in enumerate(headers):
        if table.get("repeat_header"):
            build.mark_header_row(t.rows[h])
        for c, text in enumerate(header):
            if table["rules"] == "shaded-header":
                shade(t.cell(h, c))
            if text:
                build.write_paragraphs(t.cell(h, c), text.split("\n"), bold=True)
    if table.get("skipped"):
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                build.write_paragraphs(t.cell(n_head + r, c), [text])
    else:
        _fill_rows(t, table, n_head, space_pt)
    if table.get("cant_split"):
        # data rows only: LibreOffice 7.4 drops the rest of a table whose header row is
        # also kept whole when a keep-with-next heading and that header end a page
        for row in t.rows[n_head:]:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _fill_rows(t, table: dict[str, Any], n_head: int, space_pt: float) -> None:
    layout = build.goal_layout(table)
    merged = table.get("goal_print") == "merged"
    for r, row in enumerate(table["rows"]):
        for c, col in enumerate(table["columns"]):
            cell = t.cell(n_head + r, c)
            is_goal = col["field"] in ("goal", "goal_id")
            if is_goal and layout[r] != "print":
                if layout[r] == "merged":
                    build.set_vmerge(cell, restart=False)
                continue
            if is_goal and merged:
                if r + 1 < len(layout) and layout[r + 1] == "merged":
                    build.set_vmerge(cell, restart=True)
                if table.get("goal_valign") == "center":
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            build.write_paragraphs(
                cell,
                cell_paragraphs(row, col, table),
                hanging=table.get("bullet_hanging_cm", 0.0),
                space_pt=space_pt,
                list_style=table.get("bullet_style"),
            )


def render_docx(spec: dict[str, Any], path: Path) -> None:
    """Write the combination's DOCX (build.py's document set-up, the matrix's tables)."""
    doc = build.prepare_document(spec)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(spec["page_cm"][0]), Cm(spec["page_cm"][1])
    doc.add_paragraph(spec["title"], style="Title")
    for para in spec.get("front_matter") or []:
        doc.add_paragraph(para)
    for table in spec["tables"]:
        if table.get("page_break_before"):
            doc.add_page_break()
        if table.get("section"):
            doc.add_paragraph(table["section"], style=table.get("section_style", "Heading 1"))
        for line in table.get("caption") or []:
            doc.add_paragraph(line)
        render_table(doc, table, spec.get("para_space_pt", 4))
        for para in table.get("after") or []:
            doc.add_paragraph(para)
    doc.save(str(path))
