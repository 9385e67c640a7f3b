"""Borderless plan tables drawn line by line with reportlab, in layouts word processors make.

`draw_plan` prints a title, then per table an optional heading and the rows
(cells already wrapped into lines), with no ruling at all: rows touch (no
spacing between them) or are set off by `row_gap`; the header row is
repeated on later pages or not; a row that does not fit is cut at the page
break (what fits stays, the rest opens the next page), as Word and
LibreOffice do.  Each test states the grid it expects from the content it
drew, never from planparse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pytest

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

Cells = Sequence[Sequence[str]]  # a row: one list of printed lines per column


class Span(list):
    """A cell merged over the rows below it (top-aligned): its lines run on past its
    row, beside the next rows' cells; those rows leave the column empty."""


@dataclass
class Table:
    header: Sequence[str]
    rows: Sequence[Cells]
    widths: Sequence[float]
    heading: str | None = None


@dataclass
class Layout:
    size: float = 10.0
    lead: float = 12.0
    row_gap: float = 0.0  # white space between rows
    repeat_header: bool = False
    cut_rows: bool = True  # a row may break across pages
    margin: float = 56.0
    bottom: float = 60.0  # lowest baseline of table text
    gap_after_table: float = 18.0
    page_size: tuple[float, float] = A4
    first_page_drop: float = 0.0  # extra space under the title (moves the page break)
    drawn: list[tuple[int, str]] = field(default_factory=list)  # (page, text) of each row's first line
    footer: str | None = None  # running footer ("Page {page}"), right-aligned just under the table text


def draw_plan(path: Path, tables: Sequence[Table], layout: Layout | None = None, title: str = "Plan title") -> Path:
    lay = layout or Layout()
    width, height = lay.page_size
    c = canvas.Canvas(str(path), pagesize=lay.page_size, invariant=1)
    page = 1
    y = height - lay.margin
    c.setFont("Helvetica-Bold", 16)
    c.drawString(lay.margin, y - 16, title)
    y -= 40 + lay.first_page_drop

    def furniture() -> None:
        c.setFont("Helvetica", 8)
        if lay.footer is None:
            c.drawCentredString(width / 2, 30, f"{page}")
        else:
            c.drawRightString(width - lay.margin, lay.bottom - 16, lay.footer.format(page=page))

    def new_page() -> float:
        nonlocal page
        furniture()
        c.showPage()
        page += 1
        return height - lay.margin

    def xs(table: Table) -> list[float]:
        out, x = [], lay.margin
        for w in table.widths:
            out.append(x)
            x += w
        return out

    def header(table: Table, y: float) -> float:
        c.setFont("Helvetica-Bold", lay.size)
        for x, text in zip(xs(table), table.header):
            c.drawString(x, y - lay.size, text)
        return y - lay.lead - max(lay.row_gap, 4.0)

    for table in tables:
        if table.heading:
            if y - 3 * lay.lead < lay.bottom:
                y = new_page()
            c.setFont("Helvetica-Bold", 13)
            c.drawString(lay.margin, y - 13, table.heading)
            y -= 24
        y = header(table, y)
        for cells in table.rows:
            spans = [(x, list(cell)) for x, cell in zip(xs(table), cells) if isinstance(cell, Span)]
            lines = [[] if isinstance(cell, Span) else list(cell) for cell in cells]
            first = next(line for cell in lines for line in cell if line)
            c.setFont("Helvetica", lay.size)
            for x, span in spans:
                for k, text in enumerate(span):
                    c.drawString(x, y - lay.size - k * lay.lead, text)
            lay.drawn.append((page, first))
            while True:
                room = int((y - lay.bottom) // lay.lead)
                need = max(len(cell) for cell in lines)
                if need <= room:
                    take = need
                elif lay.cut_rows and room >= 1:
                    take = room
                else:
                    y = new_page()
                    if lay.repeat_header:
                        y = header(table, y)
                    lay.drawn[-1] = (page, first)
                    continue
                c.setFont("Helvetica", lay.size)
                for x, cell in zip(xs(table), lines):
                    for k, text in enumerate(cell[:take]):
                        c.drawString(x, y - lay.size - k * lay.lead, text)
                lines = [cell[take:] for cell in lines]
                y -= take * lay.lead
                if any(lines):
                    y = new_page()
                    if lay.repeat_header:
                        y = header(table, y)
                    continue
                y -= lay.row_gap
                break
        y -= lay.gap_after_table
    furniture()
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------- content

HEADER = ["Goal", "Action", "Owner", "Indicator"]
WIDTHS = [120, 170, 110, 110]


def group(goal: Sequence[str], actions: Sequence[tuple[Sequence[str], Sequence[str], Sequence[str]]]) -> list[Cells]:
    """Rows of one goal group, the goal printed only on its first row."""
    rows: list[Cells] = []
    for k, (action, owner, indicator) in enumerate(actions):
        rows.append([list(goal) if k == 0 else [], list(action), list(owner), list(indicator)])
    return rows


def plan_rows(n_groups: int, tag: str = "") -> list[Cells]:
    """Goal groups of one to three actions with cells of one to four lines.

    Action cells end with a full stop and the next row's action begins beside
    its owner, so rows touch without any white space between them.
    """
    rows: list[Cells] = []
    for g in range(1, n_groups + 1):
        goal = [f"Goal {tag}{g} is reached", "by the end of", "the plan period"][: 1 + g % 3]
        actions = []
        for a in range(1, 2 + g % 3):
            action = [f"Action {tag}{g}.{a} starts with", "a long description", "of what is done."][: 1 + (g + a) % 3]
            owner = [f"Office {tag}{g}{a}"]
            indicator = [f"Measure {tag}{g}.{a}", "in numbers"][: 1 + a % 2]
            actions.append((action, owner, indicator))
        rows += group(goal, actions)
    return rows


def expected_grid(table: Table) -> list[list[str]]:
    """Header and rows as `RawTable.grid()` gives them (an empty printed line is no line)."""
    return [list(table.header)] + [["\n".join(line for line in cell if line) for cell in row] for row in table.rows]


def grids(path: Path) -> list[list[list[str]]]:
    """The raw table grids planparse reads from a drawn PDF."""
    from planparse.extractors.pdf.reader import read_pdf
    from planparse.settings import ExtractOptions
    from planparse.source import Source

    return [t.grid() for t in read_pdf(Source.from_path(path), ExtractOptions()).tables]


def goal_rows(tables: list[Table]) -> list[tuple[str, list[str]]]:
    """(goal, owners) each data row must give: a goal printed once covers the rows below it."""
    out = []
    for table in tables:
        goal = ""
        for row in table.rows:
            if row[0]:
                goal = " ".join(row[0])
            out.append((goal, [" ".join(row[2])]))
    return out
