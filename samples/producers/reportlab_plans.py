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
        "next": ParagraphStyle("next", parent=cell, spaceBefore=size * 0.5),
    }


def _cell_flowables(paragraphs: list[str], bullet: str | None, st: dict, hyph: Hyphenator) -> list[Paragraph]:
    """One Paragraph per printed paragraph; bulleted items get reportlab's hanging indent."""
    out = []
    for i, text in enumerate(paragraphs):
        if bullet and text.startswith(bullet):
            out.append(Paragraph(hyph.text(text[len(bullet):].strip()), st["bullet"], bulletText=bullet))
        else:
            # plain paragraphs after the first are set off by a small gap, as Word's spacing does
            out.append(Paragraph(hyph.text(text), st["cell"] if i == 0 else st["next"]))
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


def platypus_plan(spec: dict, pdf_path: Path, on_page, title_size: float = 18) -> None:
    """Title, front matter, and per table a bold section heading and a ruled table."""
    from reportlab.platypus import PageBreak

    st = _styles(spec.get("font_size", 9.5))
    st["title"].fontSize, st["title"].leading = title_size, title_size * 1.22
    hyph = Hyphenator()
    margin = spec.get("margin_cm", 2.0) * cm
    doc = BaseDocTemplate(
        str(pdf_path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
        title=spec["title"], author="planparse samples", creator="reportlab platypus", invariant=1,
    )
    frame = Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("plan", frames=[frame], onPage=on_page)])
    story = [Paragraph(spec["title"], st["title"])]
    story += [Paragraph(p, st["body"]) for p in spec.get("front_matter") or []]
    for table in spec["tables"]:
        if table.get("page_break_before"):
            story.append(PageBreak())
        story.append(Paragraph(table["section"], st["heading"]))
        story.append(ruled_table(spec, table, st, hyph))
        story.append(Spacer(1, 8))
    doc.build(story)


def build_ruled(name: str) -> None:
    spec = load_spec(name)
    pdf_path = SAMPLES / f"{name}.pdf"
    platypus_plan(spec, pdf_path, _furniture(spec["running_header"]))
    row_pages, _, n_pages = build.locate_rows(spec, pdf_path)
    out = write_expected(spec, pdf_path, row_pages, n_pages)
    print(f"built {pdf_path.name}: {n_pages} pages, {len(out['records'])} records", file=sys.stderr)

# ---------------------------------------------------------------- borderless (canvas, by hand)

GAP = 12.0  # white space between columns, in points
ROW_GAP = 9.0  # white space between rows


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap, as a word processor without hyphenation does it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def _cell_lines(paragraphs: list[str], bullet: str | None, font: str, size: float, width: float) -> list[tuple[float, str]]:
    """(indent, text) of each printed line; a bulleted item wraps under its text."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[tuple[float, str]] = []
    for text in paragraphs:
        if bullet and text.startswith(bullet):
            hang = stringWidth(bullet, font, size)
            body = _wrap(text[len(bullet):], font, size, width - hang)
            out.append((0.0, bullet + body[0]))
            out += [(hang, line) for line in body[1:]]
        else:
            out += [(0.0, line) for line in _wrap(text, font, size, width)]
    return out


class _Sheet:
    """A page being drawn: portrait, or landscape drawn inside a portrait page with /Rotate 90."""

    def __init__(self, canvas, number: int, landscape: bool, margin: float) -> None:
        self.c, self.number, self.landscape, self.margin = canvas, number, landscape, margin
        width, height = A4
        if landscape:
            # reportlab takes the page size as displayed and stores MediaBox swapped for
            # /Rotate 90, so the MediaBox stays portrait and the viewer turns it landscape.
            canvas.setPageSize((height, width))
            canvas.setPageRotation(90)
            # landscape (X, Y) -> portrait user space (x, y) = (595 - Y, X): upright after /Rotate 90
            canvas.transform(0, 1, -1, 0, width, 0)
            width, height = height, width
        self.width, self.height = width, height
        self.y = height - margin

    def footer(self, text: str) -> None:
        self.c.setFont("Times-Roman", 9)
        self.c.drawCentredString(self.width / 2, self.margin / 2, text)

    @property
    def bottom(self) -> float:
        return self.margin + 10


def _xs(left: float, widths: list[float]) -> list[float]:
    xs, x = [], left
    for w in widths:
        xs.append(x)
        x += w + GAP
    return xs


def build_borderless(name: str) -> None:
    from reportlab.pdfgen.canvas import Canvas

    spec = load_spec(name)
    table = spec["tables"][0]
    size = spec.get("font_size", 10.5)
    lead = size * 1.2
    font, bold = "Times-Roman", "Times-Bold"
    margin = spec.get("margin_cm", 2.0) * cm
    pdf_path = SAMPLES / f"{name}.pdf"
    c = Canvas(str(pdf_path), pagesize=A4, invariant=1)
    c.setTitle(spec["title"])
    c.setCreator("reportlab canvas, drawn line by line")
    columns = table["columns"]
    portrait_w = [col["width"] for col in columns]
    landscape_w = table["landscape_widths"]
    layout = build.goal_layout(table)
    centred = set(table.get("centre_goals") or [])
    cut_row = table["cut_row"]
    was_cut = False
    landscape_from = table["landscape_from_row"]
    n_pages = 3

    sheet = _Sheet(c, 1, False, margin)
    c.setFont("Times-Bold", 18)
    sheet.y -= 18
    c.drawString(margin, sheet.y, spec["title"])
    sheet.y -= 12
    for para in spec.get("front_matter") or []:
        sheet.y -= 5
        for line in _wrap(para, font, size, sheet.width - 2 * margin):
            sheet.y -= lead
            c.setFont(font, size)
            c.drawString(margin, sheet.y, line)
    sheet.y -= 22
    c.setFont("Times-Bold", 13)
    c.drawString(margin, sheet.y, table["section"])
    sheet.y -= 10

    def header(sheet: _Sheet, widths: list[float]) -> None:
        xs = _xs(margin, widths)
        c.setFont(bold, size)
        sheet.y -= lead
        for x, text in zip(xs, table["headers"][0]):
            c.drawString(x, sheet.y, text)
        sheet.y -= ROW_GAP

    def row_cells(r: int, widths: list[float]) -> list[list[tuple[float, str]]]:
        row = table["rows"][r]
        cells = []
        for col, w in zip(columns, widths):
            if col["field"] == "goal" and (layout[r] != "print" or row.get("goal_id") in centred):
                cells.append([])
                continue
            paragraphs = build.printed_paragraphs(row, col, table)
            cells.append(_cell_lines(paragraphs, col.get("bullet"), font, size, w))
        return cells

    def draw_lines(sheet: _Sheet, cells, xs, first: int, last: int | None) -> None:
        c.setFont(font, size)
        top = sheet.y
        height = 0
        for x, lines in zip(xs, cells):
            part = lines[first:last]
            for i, (indent, text) in enumerate(part):
                c.drawString(x + indent, top - lead * (i + 1), text)
            height = max(height, len(part))
        sheet.y = top - lead * height - ROW_GAP

    first_lines: dict[tuple[int, int], tuple[int, str]] = {}
    header(sheet, portrait_w)
    groups: dict[str, list[float]] = {}
    r = 0
    while r < len(table["rows"]):
        row_no = r + 1
        if row_no == landscape_from:
            sheet.footer(f"{sheet.number} ({n_pages})")
            c.showPage()
            sheet = _Sheet(c, sheet.number + 1, True, margin)
            header(sheet, landscape_w)
        widths = landscape_w if sheet.landscape else portrait_w
        xs = _xs(margin, widths)
        cells = row_cells(r, widths)
        first_lines[(0, r)] = (sheet.number, next(lines[0][1] for lines in cells if lines))
        need = lead * max(len(lines) for lines in cells)
        gid = table["rows"][r].get("goal_id")
        top = sheet.y
        room = int((sheet.y - sheet.bottom) // lead)
        if need > lead * room:
            # Word lets a row break across pages: what fits stays, the rest goes on top of the next page.
            if row_no != cut_row or room < 2 or need - lead * room < 2 * lead:
                raise SystemExit(f"{name}: the page break falls in row {row_no} with {room} lines room, not in row {cut_row}; adjust the YAML")
            draw_lines(sheet, cells, xs, 0, room)
            sheet.footer(f"{sheet.number} ({n_pages})")
            c.showPage()
            sheet = _Sheet(c, sheet.number + 1, False, margin)
            draw_lines(sheet, cells, xs, room, None)
            was_cut = True
        else:
            draw_lines(sheet, cells, xs, 0, None)
        if gid in centred:
            span = groups.setdefault(gid, [top, 0.0])
            span[1] = sheet.y + ROW_GAP
            nxt = table["rows"][r + 1].get("goal_id") if r + 1 < len(table["rows"]) else None
            if nxt != gid:
                goal_lines = _cell_lines(build.printed_paragraphs(table["rows"][r], columns[0], table), None, font, size, widths[0])
                block = lead * len(goal_lines)
                y0 = span[0] - ((span[0] - span[1]) - block) / 2
                c.setFont(font, size)
                for i, (_, text) in enumerate(goal_lines):
                    c.drawString(xs[0], y0 - lead * (i + 1), text)
        r += 1
    sheet.footer(f"{sheet.number} ({n_pages})")
    c.showPage()
    c.save()
    if not was_cut:
        raise SystemExit(f"{name}: no row was cut by a page break; adjust the YAML")
    if sheet.number != n_pages:
        raise SystemExit(f"{name}: drew {sheet.number} pages, expected {n_pages}")
    row_pages = check_row_pages(pdf_path, first_lines)
    out = write_expected(spec, pdf_path, row_pages, n_pages)
    print(f"built {pdf_path.name}: {n_pages} pages, {len(out['records'])} records", file=sys.stderr)


# ---------------------------------------------------------------- main

BUILDERS = {"rl-ruled-hyvinvointi": build_ruled, "rl-borderless-osallisuus": build_borderless}


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
