"""Small PDFs drawn with reportlab for the PDF extractor's tests.

Each function writes one real PDF that shows one layout problem (a rotated
page, a merged cell, a password, running headers, ...) so a test can assert
exactly what the extractor must find in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pytest

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

W, H = A4
LH = 14  # line height of table text

Cell = Sequence[str]
ROWS: list[list[Cell]] = [
    [["Goal"], ["Action"], ["Owner"]],
    [["First goal", "text"], ["Do the first", "thing well"], ["Office A"]],
    [["Second goal"], ["Do the second"], ["Office B", "and C"]],
]


def draw_table(c: canvas.Canvas, x0: float, y0: float, widths: Sequence[float], rows: Sequence[Sequence[Cell]], ruled: bool = True) -> float:
    """Rows of cells, top at y0 (PDF coordinates); returns the bottom y."""
    y = y0
    for row in rows:
        h = max(len(cell) for cell in row) * LH + 6
        x = x0
        for w, cell in zip(widths, row):
            for k, line in enumerate(cell):
                c.drawString(x + 4, y - 12 - k * LH, line)
            if ruled:
                c.rect(x, y - h, w, h)
            x += w
        y -= h
    return y


def rotated_pdf(path: Path, how: str) -> Path:
    """A landscape table: on a /Rotate 90 page, or as text running up or down a portrait page."""
    c = canvas.Canvas(str(path), pagesize=A4)
    if how == "rotate-attribute":
        c.setPageRotation(90)
    if how == "down":
        c.translate(0, H)
        c.rotate(-90)
    else:
        c.translate(W, 0)
        c.rotate(90)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 540, "Landscape heading")
    c.setFont("Helvetica", 10)
    draw_table(c, 50, 500, [200, 300, 200], ROWS)
    c.showPage()
    c.save()
    return path


def merged_goal_pdf(path: Path) -> Path:
    """A ruled table whose goal cell spans three action rows (one box, text centred)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    x0, top = 60, 760
    widths = [150, 200, 150]
    for x, w, text in zip([x0, x0 + 150, x0 + 350], widths, ["Goal", "Action", "Owner"]):
        c.rect(x, top - 20, w, 20)
        c.drawString(x + 4, top - 14, text)
    row_h = 40
    body_top = top - 20
    # goal box over three rows
    c.rect(x0, body_top - 3 * row_h, widths[0], 3 * row_h)
    c.drawString(x0 + 4, body_top - 1.5 * row_h - 4, "Shared goal")
    for r in range(3):
        y = body_top - r * row_h
        c.rect(x0 + 150, y - row_h, widths[1], row_h)
        c.rect(x0 + 350, y - row_h, widths[2], row_h)
        c.drawString(x0 + 154, y - 14, f"Action {r + 1}")
        c.drawString(x0 + 354, y - 14, f"Owner {r + 1}")
    c.showPage()
    c.save()
    return path


def furniture_pdf(path: Path, pages: int = 3) -> Path:
    """A borderless table continued over pages, with a running header, footer and page numbers."""
    c = canvas.Canvas(str(path), pagesize=A4)
    row = 0
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, H - 30, "Running header of the plan")
        c.drawString(60, 30, "Footer text 2025")
        c.drawString(W - 80, 30, str(p))
        c.setFont("Helvetica", 10)
        y = H - 80
        if p == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(60, y, "Section heading")
            y -= 30
            c.setFont("Helvetica-Bold", 10)
            for x, text in zip([60, 220, 400], ["Goal", "Action", "Owner"]):
                c.drawString(x, y, text)
            c.setFont("Helvetica", 10)
            y -= 24
        while y > 120:
            row += 1
            c.drawString(60, y, f"Goal {row}")
            c.drawString(220, y, f"Action {row} first line")
            c.drawString(220, y - LH, "second line")
            c.drawString(400, y, f"Owner {row}")
            y -= 3 * LH
        c.showPage()
    c.save()
    return path


def encrypted_pdf(path: Path, user: str = "secret") -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption(user, ownerPassword="owner-" + user))
    c.setFont("Helvetica", 10)
    draw_table(c, 60, 760, [150, 200, 150], ROWS)
    c.showPage()
    c.save()
    return path


def textless_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with drawings only (a scan without OCR looks like this to a text extractor)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.rect(60, 400, 300, 200, fill=1)
        c.showPage()
    c.save()
    return path


def half_scanned_pdf(path: Path) -> Path:
    """Page 1 has text, page 2 only a picture-like box (a scan page without OCR)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    draw_table(c, 60, 760, [150, 200, 150], ROWS)
    c.showPage()
    c.rect(60, 400, 300, 200, fill=1)
    c.showPage()
    c.save()
    return path


def small_bold_header_pdf(path: Path, rows: int = 40, head_size: float = 8) -> Path:
    """A 2-page borderless table (header repeated) whose header row is set smaller (8 pt bold) than its body (9.5 pt)."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("cell", fontName="Helvetica", fontSize=9.5, leading=11.5)
    head = styles["BodyText"].clone("head", fontName="Helvetica-Bold", fontSize=head_size, leading=head_size + 2)
    data = [[Paragraph(h, head) for h in ("Goal", "Action", "Owner")]]
    data += [
        [Paragraph(f"Goal {r}", body), Paragraph(f"Action {r} with a second line of words", body), Paragraph(f"Office {r}", body)]
        for r in range(1, rows + 1)
    ]
    table = Table(data, colWidths=[120, 220, 120], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph("Plan heading", styles["Title"]), table])
    return path


RULED_HEADER_ONLY_WIDTHS = [120, 160, 100, 60]
RULED_HEADER_ONLY_BODY = [["Clean water", "Test the wells", "City", "2025"], ["Safe roads", "Fix street lights", "Region", "2026"]]


def header_ruled_only_pdf(path: Path) -> Path:
    """A table whose header cells are boxed but whose body rows are parted by horizontal rules only.

    Like ICDAR 2013 eu-016..eu-019: every body row is one ruled box over all
    columns.  Besides two rows of per-column text it has three rows that are
    one cell to a reader: a title in the first column only, a sentence
    running over the column lines, and a phrase whose word space falls on a
    column line (no word crosses it, but the words are a phrase, not columns).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    x0, top, row_h = 60.0, 760.0, 20.0
    widths = RULED_HEADER_ONLY_WIDTHS
    lefts = [x0 + sum(widths[:i]) for i in range(len(widths))]
    right = x0 + sum(widths)
    for x, w, text in zip(lefts, widths, ["Goal", "Action", "Owner", "Year"]):
        c.rect(x, top - row_h, w, row_h)
        c.drawString(x + 4, top - 14, text)
    y = top - row_h
    lines_of_text: list[list[tuple[float, str]]] = [
        [(x + 4, text) for x, text in zip(lefts, row)] for row in RULED_HEADER_ONLY_BODY
    ]
    lines_of_text.append([(lefts[0] + 4, "Section two")])
    lines_of_text.append([(lefts[0] + 4, "All figures are estimates made by the planning office in the spring")])
    gap_at = lefts[1] - stringWidth("Whole", "Helvetica", 10) - 1  # "Whole" ends 1 pt left of the column line
    lines_of_text.append([(gap_at, "Whole team meeting")])
    for texts in lines_of_text:
        for x, text in texts:
            c.drawString(x, y - 14, text)
        y -= row_h
        c.line(x0, y, right, y)
    c.line(x0, top - row_h, x0, y)  # the frame's sides: no inner vertical rules in the body
    c.line(right, top - row_h, right, y)
    c.showPage()
    c.save()
    return path


NUMERIC_HEADS = ["Year", "Total", "Public", "Private", "Share"]
NUMERIC_ROWS = [
    ["2019", "51,544", "45,611", "5,933", "11.5"],
    ["2020", "52,071", "46,127", "5,944", "11.4"],
    ["2021", "152,526", "146,539", "15,988", "10.5"],
    ["2022", "52,875", "46,857", "6,018", "11.4"],
    ["2023", "53,373", "47,204", "6,169", "11.6"],
]


def captioned_numeric_pdf(path: Path) -> Path:
    """A borderless numeric table as statistical offices print it (ICDAR 2013 us-017).

    Above it, a caption set in two runs ("Table 1." and its title), which must
    not anchor the columns; under narrow heads, numbers right-aligned with the
    head's end, so a wide number starts left of its head.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(60, 780, "Table 1.")
    c.drawString(110, 780, "Enrollment in public and private schools, by year")
    c.setFont("Helvetica", 9)
    rights = [90.0, 200.0, 290.0, 380.0, 460.0]  # where each column's text ends
    y = 750.0
    c.drawString(60, y, NUMERIC_HEADS[0])
    for head, right in zip(NUMERIC_HEADS[1:], rights[1:]):
        c.drawString(right - stringWidth(head, "Helvetica", 9), y, head)
    for row in NUMERIC_ROWS:
        y -= 12
        c.drawString(60, y, row[0])
        for text, right in zip(row[1:], rights[1:]):
            c.drawString(right - stringWidth(text, "Helvetica", 9), y, text)
    c.setFont("Helvetica", 8)
    c.drawString(60, y - 30, "Source: a statistical office. Detail may not sum to totals because of rounding.")
    c.showPage()
    c.save()
    return path


PARTIAL_HEADER = ["Goal", "Action", "Owner", "Year"]
PARTIAL_WIDTHS = [110, 180, 110, 60]
PARTIAL_ROWS: list[list[Cell]] = [
    [["Clean water", "for all"], ["Test the wells", "every spring", "and autumn"], ["City water", "works"], ["2025"]],
    [["Safe roads"], ["Fix the street", "lights"], ["Region"], ["2026"]],
    [["Green parks"], ["Plant trees", "along the river"], ["Parks office"], ["2027"]],
    [["Open data"], ["Publish the", "budget monthly"], ["Finance"], ["2025"]],
]


MERGED_GOAL = ["Clean water", "for all", "in every", "village"]  # runs over the rule it is merged across


def partially_ruled_pdf(
    path: Path,
    ruling: str,
    merged_goal: bool = False,
    rows: Sequence[Sequence[Cell]] = PARTIAL_ROWS,
    per_cell: bool = False,
    header_again: int | None = None,
    footer_gap: float | None = None,
) -> Path:
    """A plan table (header + PARTIAL_ROWS) whose vector graphics are partial, as
    word processors draw them: `shaded-header` (each header cell filled on its
    own, LibreOffice's way, no rules), `hrules` (a horizontal rule above and
    below every row, no vertical ones), `frame` (the outer frame only) or
    `header-rule` (one rule under the header).  Cells are padded by 2 pt.

    `merged_goal`: the first goal is a cell merged over the first two rows,
    printed across the line between them (a vertically centred cell's lines
    may fall level with the next row's first line), and the rule between them
    leaves the goal column out (as word processors draw a merged cell).
    `per_cell`: each rule drawn cell by cell, as reportlab draws them; for
    `shaded-header`, the header filled cell by cell (LibreOffice) or, without
    it, as one band (reportlab).  `header_again`: the header printed again
    before that row (a second table with the same columns right below).
    `footer_gap`: a page-number line that far under the table's last rule,
    at the right edge of the last column."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, H - 60, "Plan with a partially ruled table")
    x0, pad = 60.0, 2.0  # cell padding (baselines 8 pt under it: glyph tops 2 pt under the rule)
    lefts = [x0 + sum(PARTIAL_WIDTHS[:i]) for i in range(len(PARTIAL_WIDTHS))]
    right = x0 + sum(PARTIAL_WIDTHS)
    top = y = H - 90
    head_h = LH + 2 * pad

    def header(y: float) -> float:
        if ruling == "shaded-header":
            c.setFillGray(0.85)
            for x, w in zip(lefts, PARTIAL_WIDTHS) if per_cell else [(x0, right - x0)]:
                c.rect(x, y - head_h, w, head_h, stroke=0, fill=1)
            c.setFillGray(0)
        c.setFont("Helvetica-Bold", 10)
        for x, text in zip(lefts, PARTIAL_HEADER):
            c.drawString(x + pad, y - pad - 8, text)
        c.setFont("Helvetica", 10)
        return y - head_h

    y = header(y)
    bounds = [y]
    for i, row in enumerate(rows):
        if i == header_again:
            y = header(y)
        h = max(len(cell) for cell in row) * LH + 2 * pad
        for j, (x, cell) in enumerate(zip(lefts, row)):
            if merged_goal and j == 0 and i < 2:
                continue
            for k, line in enumerate(cell):
                c.drawString(x + pad, y - pad - 8 - k * LH, line)
        y -= h
        bounds.append(y)
    if merged_goal:  # the first goal beside rows 1 and 2, its third line level with row 2's first
        for k, line in enumerate(MERGED_GOAL):
            c.drawString(lefts[0] + pad, bounds[1] - pad - 8 + (2 - k) * LH, line)
    c.setLineWidth(0.5)
    if ruling == "hrules":
        for i, b in enumerate([top] + bounds):
            start = lefts[1] if merged_goal and i == 2 else x0
            if per_cell:
                for x, w in zip(lefts, PARTIAL_WIDTHS):
                    if x >= start:
                        c.line(x, b, x + w, b)
            else:
                c.line(start, b, right, b)
    elif ruling == "frame":
        c.rect(x0, y, right - x0, top - y, stroke=1, fill=0)
    elif ruling == "header-rule":
        c.line(x0, bounds[0], right, bounds[0])
    if footer_gap is not None:
        c.setFont("Helvetica", 10)
        c.drawRightString(right - pad, y - footer_gap - 8, "Page 1 (1)")
    c.showPage()
    c.save()
    return path


PARAGRAPH_ROWS: list[list[Cell]] = [  # cells of two paragraphs, side by side: still one row each
    [["Clean water", "", "for all"], ["Test the wells", "", "Map the pipes"], ["City", "", "Water works"], ["2025"]],
    [["Safe roads", "", "at night"], ["Fix the street", "lights", "", "Add crossings"], ["Region", "", "City"], ["2026"]],
    [["Green parks"], ["Plant trees", "", "Clean the river"], ["Parks office", "", "Volunteers"], ["2027"]],
]


def partially_ruled_grid(
    merged_goal: bool = False, rows: Sequence[Sequence[Cell]] = PARTIAL_ROWS, header_again: int | None = None
) -> list[list[str]]:
    """The grid `partially_ruled_pdf` drew: header, then each row's cells (lines joined by
    newlines); with `merged_goal` the second row's goal is the merged cell's empty slot."""
    grid = [PARTIAL_HEADER] + [["\n".join(line for line in cell if line) for cell in row] for row in rows]
    if merged_goal:
        grid[1][0], grid[2][0] = "\n".join(MERGED_GOAL), ""
    if header_again is not None:
        grid.insert(1 + header_again, PARTIAL_HEADER)
    return grid


SHORT_DASH_ROWS: list[list[Cell]] = [
    [["Tavoite"], ["Toimenpide"], ["Vastuu"]],
    [["Palvelut paranevat"], ["Kehitetään palvelu-", "verkostoa"], ["Kaupunki"]],  # filled to the edge: a break
    [["Talous on vakaa"], ["Toteutuu-", "Quick ratio 2,6"], ["Hallitus"]],  # ended short: a printed dash
    [["Asiakkaat kuullaan"], ["Lisätään asiakas-", "palvelujärjestelmää"], ["Kaupunki"]],  # next word too long: a break
]


def short_line_dash_pdf(path: Path) -> Path:
    """A ruled table whose action column is exactly as wide as its widest line ("Kehitetään palvelu-").

    "Toteutuu-" ends well short of the cell's edge although "Quick" would have
    fitted after it: the writer ended that line, so its dash is printed text.
    The other two dashes end lines where the next word did not fit: breaks.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    action = stringWidth("Kehitetään palvelu-", "Helvetica", 10) + 10
    draw_table(c, 60, 760, [150, action, 120], SHORT_DASH_ROWS)
    c.showPage()
    c.save()
    return path


def word_cut_pdf(path: Path) -> Path:
    """A ruled table whose status column is a little wider than "Valmis" (31 pt of text).

    "Osittain" is wider than the column, so it is cut without a hyphen
    ("Osittai" / "n"); "Valmis" / "osin" are two words, the first filling
    its line.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    status = 31 + 8  # text width + padding on both sides
    cut = "Osittain"
    while stringWidth(cut, "Helvetica", 10) + 8 > status:
        cut = cut[:-1]
    rows = [
        [["Tavoite"], ["Toimenpide"], ["Tila"]],
        [["Palvelut paranevat"], ["Kehitetään palveluja"], [cut, "Osittain"[len(cut):]]],
        [["Talous on vakaa"], ["Seurataan taloutta"], ["Valmis", "osin"]],
    ]
    draw_table(c, 60, 760, [150, 150, status], rows)
    c.showPage()
    c.save()
    return path
