"""reportlab producer: platypus tables with the matrix's rulings, spans and page sizes.

Finnish words get soft hyphens at Voikko's syllable breaks, so reportlab
hyphenates at line ends as a word processor does; Swedish words get them
from pyphen's Swedish patterns (LibreOffice's hyphen-sv dictionary).  The Symbol-font bullet is drawn from
the standard Symbol font, as reportlab lists do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

from .content import cell_paragraphs
from .paths import build

MARKERS = ("• ", "– ", "- ")


class _PatternHyphens:
    """Soft hyphens from TeX/LibreOffice hyphenation patterns (pyphen), for Swedish."""

    def __init__(self, lang: str) -> None:
        import pyphen

        self._dic = pyphen.Pyphen(lang=lang, left=3, right=3)

    def text(self, text: str) -> str:
        return " ".join(self._dic.inserted(w, hyphen="\u00ad") if len(w) >= 8 and w.isalpha() else w for w in text.split(" "))


class _NoHyphens:
    def text(self, text: str) -> str:
        return text


def _hyphenator(spec: dict[str, Any]):
    if not spec.get("language", "fi-FI").startswith("fi"):
        return _PatternHyphens("sv")
    import sys

    sys.path.insert(0, str(Path(build.__file__).parent / "producers"))
    from common import Hyphenator

    try:
        return Hyphenator()
    except Exception as err:  # libvoikko or voikko-fi missing: Finnish text drawn unhyphenated
        print(f"matrix: no Finnish hyphenation for reportlab ({err}); apt-get install libvoikko1 voikko-fi", file=sys.stderr)
        return _NoHyphens()


def _styles(spec: dict[str, Any]) -> dict[str, ParagraphStyle]:
    serif = spec["font_family"] == "serif"
    regular, bold = ("Times-Roman", "Times-Bold") if serif else ("Helvetica", "Helvetica-Bold")
    size = spec["font_size"]
    cell = ParagraphStyle("cell", fontName=regular, fontSize=size, leading=size * 1.2, embeddedHyphenation=1, splitLongWords=1)
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=spec["title_size"], leading=spec["title_size"] * 1.22, spaceAfter=10),
        "body": ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.3, spaceAfter=6),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.25, spaceBefore=10, spaceAfter=6),
        "cell": cell,
        "next": ParagraphStyle("next", parent=cell, spaceBefore=4),
        "head": ParagraphStyle("head", parent=cell, fontName=bold),
        "furniture": ParagraphStyle("furniture", fontName=regular, fontSize=8),
    }


def _flowables(paragraphs: list[str], table: dict, st: dict, hyph) -> list[Paragraph]:
    """One Paragraph per printed paragraph; a list item's marker hangs left of its text."""
    out = []
    for i, text in enumerate(paragraphs):
        style = st["cell"] if i == 0 else st["next"]
        marker = next((m for m in MARKERS if text.startswith(m)), None)
        number = text.split(" ", 1)[0] if table.get("numbered") and text[:1].isdigit() and text.split(" ", 1)[0].endswith(")") else None
        if marker or number:
            glyph = (marker or number).strip()
            body = text[len(marker or number):].strip()
            font = "Symbol" if table.get("symbol_bullet") and marker else style.fontName
            hang = 10 if not number else style.fontSize * 1.3
            item = ParagraphStyle("item", parent=style, leftIndent=hang, bulletIndent=0, bulletFontName=font)
            out.append(Paragraph(escape(hyph.text(body)), item, bulletText=glyph))
        else:
            out.append(Paragraph(escape(hyph.text(text)), style))
    return out


def _table_style(table: dict, n_head: int, n_rows: int, n_cols: int, spans: list, use_spans: bool) -> list:
    """Rulings as TableStyle commands.

    Without SPAN (a merged group taller than a page, which reportlab cannot
    split), a merged goal is drawn as Word draws it: the goal in one row of
    its group and no rule between the group's rows in the goal column.
    """
    rules = table["rules"]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    inside = {(r, c) for start, end, c in spans for r in range(start, end)}  # no rule below these cells
    line = (0.6, colors.black)
    if rules in ("grid", "hrules"):
        style.append(("LINEABOVE", (0, 0), (-1, 0), *line))
        for r in range(n_rows):
            for c in range(n_cols):
                if (r, c) not in inside:
                    style.append(("LINEBELOW", (c, r), (c, r), *line))
    if rules == "grid":
        style += [("LINEBEFORE", (0, 0), (-1, -1), *line), ("LINEAFTER", (-1, 0), (-1, -1), *line)]
    elif rules == "frame":
        style.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
    elif rules == "header-rule":
        style.append(("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), 0.8, colors.black))
    elif rules == "shaded-header":
        style.append(("BACKGROUND", (0, 0), (-1, n_head - 1), colors.HexColor("#d9e2f3")))
    for start, end, col in spans if use_spans else []:
        style.append(("SPAN", (col, start), (col, end)))
        if table.get("goal_valign") == "center":
            style.append(("VALIGN", (col, start), (col, end), "MIDDLE"))
    return style


def make_table(table: dict, st: dict, hyph, use_spans: bool = True, force_split: bool = False) -> Table:
    headers, columns = table["headers"], table["columns"]
    n_head = len(headers)
    data = [[_flowables(text.split("\n"), {}, {**st, "cell": st["head"], "next": st["head"]}, hyph) if text else "" for text in header] for header in headers]
    spans = []
    if table.get("skipped"):
        data += [[_flowables([v], {}, st, hyph) for v in values] for values in table["rows"]]
    else:
        layout = build.goal_layout(table)
        goal_cols = [c for c, col in enumerate(columns) if col["field"] in ("goal", "goal_id")]
        start = None
        for r, row in enumerate(table["rows"]):
            cells = []
            for c, col in enumerate(columns):
                if c in goal_cols and layout[r] != "print":
                    cells.append("")
                else:
                    cells.append(_flowables(cell_paragraphs(row, col, table), table, st, hyph))
            data.append(cells)
            if layout[r] == "print":
                start = n_head + r
            last = r + 1 == len(layout) or layout[r + 1] == "print"
            if last and layout[r] == "merged":
                spans += [(start, n_head + r, c) for c in goal_cols]
                if not use_spans and table.get("goal_valign") == "center":
                    middle = (start + n_head + r) // 2  # the goal moves to the group's middle row
                    for c in goal_cols:
                        data[middle][c], data[start][c] = data[start][c], data[middle][c]
    widths = [col["width"] * cm for col in columns]
    return Table(
        data, colWidths=widths, repeatRows=n_head if table.get("repeat_header") else 0, hAlign="LEFT",
        style=TableStyle(_table_style(table, n_head, len(data), len(columns), spans, use_spans)), splitInRow=0 if table.get("cant_split") and not force_split else 1,
    )


def _on_page(spec: dict[str, Any], st: dict):
    width, height = (spec["page_cm"][0] * cm, spec["page_cm"][1] * cm)
    margin = spec["margin_cm"] * cm
    words = spec.get("page_number_words", ["Sivu", ""])

    def draw(canvas, doc) -> None:
        if not spec.get("page_numbers"):
            return
        canvas.saveState()
        canvas.setFont(st["furniture"].fontName, 8)
        canvas.drawString(margin, height - margin * 0.55, spec["running_header"])
        canvas.drawRightString(width - margin, margin * 0.45, f"{words[0]} {doc.page}")
        canvas.restoreState()

    return draw


def _story(spec: dict[str, Any], st: dict, hyph, use_spans: bool, force_split: bool) -> list:
    story = [Paragraph(escape(spec["title"]), st["title"])]
    story += [Paragraph(escape(p), st["body"]) for p in spec.get("front_matter") or []]
    for table in spec["tables"]:
        if table.get("page_break_before"):
            story.append(PageBreak())
        if table.get("section"):
            story.append(Paragraph(escape(table["section"]), st["heading"]))
        story += [Paragraph(escape(line), st["body"]) for line in table.get("caption") or []]
        story.append(make_table(table, st, hyph, use_spans, force_split))
        story += [Paragraph(escape(p), st["body"]) for p in table.get("after") or []]
        story.append(Spacer(1, 8))
    return story


def render_pdf(spec: dict[str, Any], pdf_path: Path) -> list[str]:
    """Title, front matter, and per table its heading, the table and what follows it; returns notes."""
    from reportlab.platypus.doctemplate import LayoutError

    st = _styles(spec)
    hyph = _hyphenator(spec)
    size = (spec["page_cm"][0] * cm, spec["page_cm"][1] * cm)
    margin = spec["margin_cm"] * cm
    frame = Frame(margin, margin, size[0] - 2 * margin, size[1] - 2 * margin, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    attempts = [(True, False, []), (False, False, ["merged goals drawn without SPAN (a group is taller than a page)"]),
                (False, True, ["merged goals drawn without SPAN", "rows split although kept whole (a row is taller than a page)"])]
    for use_spans, force_split, notes in attempts:
        doc = BaseDocTemplate(
            str(pdf_path), pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
            title=spec["title"], author="planparse layout matrix", creator="reportlab platypus", invariant=1,
        )
        doc.addPageTemplates([PageTemplate("plan", frames=[frame], onPage=_on_page(spec, st))])
        try:
            doc.build(_story(spec, st, hyph, use_spans, force_split))
            return notes
        except (LayoutError, TypeError):  # reportlab's LayoutError message itself may raise TypeError
            if force_split:
                raise
    return []
