"""Sample plans drawn with reportlab, so the PDF extractor is not tuned to LibreOffice.

    python samples/producers/reportlab_plans.py [--only NAME]

rl-ruled-hyvinvointi: platypus Table with a full grid, header row repeated on
    every page (repeatRows=1), goals in cells spanning their action rows
    (SPAN), bullets drawn by reportlab with a hanging indent, Finnish words
    hyphenated at line ends, bold section headings, running header, page numbers.
rl-borderless-osallisuus: drawn line by line with canvas.drawString, no lines
    at all (columns only by white space), a goal printed once and vertically
    centred beside its rows, a row cut by a page break whose cells continue on
    the next page without a repeated header, and a last page drawn in
    landscape and stored with /Rotate 90.

Both write samples/<name>.pdf and tests/expected/<name>.pdf.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from common import SAMPLES, Hyphenator, build, check_row_pages, load_spec, write_expected

# ---------------------------------------------------------------- ruled (platypus)


def _styles(size: float) -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=size, leading=size * 1.22, embeddedHyphenation=1, splitLongWords=0)
    return {
        "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=10),
        "body": ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6),
        "heading": ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=6),
        "cell": cell,
        "bullet": ParagraphStyle("bullet", parent=cell, leftIndent=8, bulletIndent=0, bulletFontName="Helvetica"),
        "head": ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold"),
    }


def _cell_flowables(paragraphs: list[str], bullet: str | None, st: dict, hyph: Hyphenator) -> list[Paragraph]:
    """One Paragraph per printed paragraph; bulleted items get reportlab's hanging indent."""
    out = []
    for text in paragraphs:
        if bullet and text.startswith(bullet):
            out.append(Paragraph(hyph.text(text[len(bullet):].strip()), st["bullet"], bulletText=bullet))
        else:
            out.append(Paragraph(hyph.text(text), st["cell"]))
    return out


def _furniture(header: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        width, height = A4
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(2 * cm, height - 1.3 * cm, header)
        canvas.drawRightString(width - 2 * cm, height - 1.3 * cm, f"{doc.page}")
        canvas.drawCentredString(width / 2, 1.2 * cm, f"Sivu {doc.page}")
        canvas.restoreState()

    return draw


def ruled_table(spec: dict, table: dict, st: dict, hyph: Hyphenator) -> Table:
    width = build.usable_width_cm(spec) * cm
    rel = [c.get("width", 1) for c in table["columns"]]
    widths = [width * w / sum(rel) for w in rel]
    data = [[Paragraph(h, st["head"]) for h in table["headers"][0]]]
    layout = build.goal_layout(table)
    spans, start = [], None
    for r, row in enumerate(table["rows"]):
        cells = []
        for col in table["columns"]:
            if col["field"] == "goal" and layout[r] != "print":
                cells.append("")
                continue
            paragraphs = build.printed_paragraphs(row, col, table)
            cells.append(_cell_flowables(paragraphs, col.get("bullet"), st, hyph))
        data.append(cells)
        if layout[r] == "print":
            start = r + 1
        if r + 1 == len(layout) or layout[r + 1] == "print":
            if start is not None and r + 1 > start:
                spans.append(("SPAN", (0, start), (0, r + 1)))
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ] + spans
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def build_ruled(name: str) -> None:
    spec = load_spec(name)
    st = _styles(spec.get("font_size", 9.5))
    hyph = Hyphenator()
    pdf_path = SAMPLES / f"{name}.pdf"
    margin = spec.get("margin_cm", 2.0) * cm
    doc = BaseDocTemplate(
        str(pdf_path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=spec["title"], author="planparse samples", creator="reportlab platypus",
    )
    frame = Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("plan", frames=[frame], onPage=_furniture(spec["running_header"]))])
    story = [Paragraph(spec["title"], st["title"])]
    story += [Paragraph(p, st["body"]) for p in spec.get("front_matter") or []]
    for table in spec["tables"]:
        story.append(Paragraph(table["section"], st["heading"]))
        story.append(ruled_table(spec, table, st, hyph))
        story.append(Spacer(1, 8))
    doc.build(story)
    row_pages, _, n_pages = build.locate_rows(spec, pdf_path)
    out = write_expected(spec, pdf_path, row_pages, n_pages)
    print(f"built {pdf_path.name}: {n_pages} pages, {len(out['records'])} records", file=sys.stderr)


# ---------------------------------------------------------------- main

BUILDERS = {"rl-ruled-hyvinvointi": build_ruled}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BUILDERS))
    args = parser.parse_args(argv)
    for name, builder in BUILDERS.items():
        if args.only in (None, name):
            builder(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
