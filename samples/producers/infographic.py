"""Indicator infographics drawn with reportlab: boxes as free text, not a table.

    python samples/producers/infographic.py [--only NAME]

Each samples/producers/src/<name>.yaml with `main_goals:` becomes
samples/<name>.pdf: the plan's title (`title:`) at the top of page 1, set
larger than anything else as a plan's infographic pages carry it; per main
goal, its heading ("1.1 | PÄÄTAVOITE I:" over
the goal) and its sub-goal blocks (numbered heading, the "Muutos on ..." note,
then the boxes shown under it); after them the numbered source list.  A box
is a tinted rectangle with its label (bold, broken over the lines the YAML
gives, a trailing hyphen kept), each value in large type with its group line
under it, and its reference number in a small circle.

Layouts (`layout:`):
  rows     portrait A4; each sub-goal a band across the page: heading and
           note, then its boxes side by side (wrapping to a second row);
           the reference number under the values, at the box's right.
  columns  landscape A4 in two columns; each sub-goal block in one column,
           its boxes two abreast; the reference number at the box's top
           right, beside the label's first line.

The expected `indicators` come from the YAML, never from planparse: one object
per distinct box (name + ref + values) per main goal, listing every sub-goal
it is shown under (sorted by goal_id), national values and sources from the
source list entry with the same ref (as the YAML states them), source.page =
the page where the box is first drawn.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Frame, Paragraph

from common import EXPECTED, HERE, SAMPLES, Hyphenator, build

TINTS = [colors.HexColor("#d8ecd2"), colors.HexColor("#f3e7c4"), colors.HexColor("#f5d3cf")]
_FIGURE = re.compile(r"^([-−–]?\d+(?:[ \u00a0]\d{3})*)(?:,(\d+))?\s*(%?)$")

LABEL, VALUE, GROUP, REF = 8.0, 13.0, 6.5, 7.5
PAD = 5.0
BOX_GAP = 16.0  # between boxes, both ways


def load(name: str | None) -> list[dict[str, Any]]:
    specs = []
    for path in sorted((HERE / "src").glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "main_goals" not in spec or (name and path.stem != name):
            continue
        spec["name"] = path.stem
        specs.append(spec)
    if name and not specs:
        sys.exit(f"infographic.py: no infographic named {name!r}")
    return specs


# ---------------------------------------------------------------- content -> expected values


def box_name(box: dict[str, Any]) -> str:
    """The label as one text: a line ending in a hyphen before a lower-case word closes up."""
    if "name" in box:
        return box["name"]
    out = ""
    for line in box["label"]:
        line = line.strip()
        if out.endswith("-") and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}".strip()
    return build.clean(out)


def figure(text: str) -> dict[str, Any]:
    match = _FIGURE.match(text.strip())
    if not match:
        raise SystemExit(f"not a figure: {text!r}")
    whole, dec, unit = match.groups()
    whole = whole.replace(" ", "").replace("\u00a0", "").replace("−", "-").replace("–", "-")
    value: int | float = float(f"{whole}.{dec}") if dec is not None else int(whole)
    return {"value": value, "unit": unit or None}


def box_values(box: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**figure(v), "group": build.clean(g)} for v, g in box["values"]]


def source_entries(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for group in spec.get("sources") or []:
        for entry in group["entries"]:
            if "ref" in entry:
                out[str(entry["ref"])] = entry
    return out


def expected_indicators(spec: dict[str, Any], box_pages: dict[tuple[int, int, int], int]) -> list[dict[str, Any]]:
    entries = source_entries(spec)
    found: dict[tuple, dict[str, Any]] = {}
    for m, main in enumerate(spec["main_goals"]):
        for g, goal in enumerate(main["goals"]):
            for b, key in enumerate(goal["boxes"]):
                box = spec["boxes"][key]
                values = box_values(box)
                ident = (m, box_name(box), str(box["ref"]), repr(values))
                if ident not in found:
                    entry = entries.get(str(box["ref"]), {})
                    found[ident] = {
                        "name": box_name(box),
                        "ref": str(box["ref"]),
                        "values": values,
                        "national": [{"value": v, "unit": u, "group": build.clean(gr)} for v, u, gr in entry.get("national") or []],
                        "sources": [build.clean(s) for s in entry.get("sources") or []],
                        "main_goal": build.clean(main["main_goal"]),
                        "goals": [],
                        "source": {"page": box_pages[(m, g, b)]},
                    }
                goals = found[ident]["goals"]
                if not any(x["goal_id"] == str(goal["goal_id"]) for x in goals):
                    goals.append({"goal_id": str(goal["goal_id"]), "goal": build.clean(goal["goal"]), "note": build.clean(goal.get("note"))})
    for ind in found.values():
        ind["goals"].sort(key=lambda x: int(x["goal_id"]))
    return list(found.values())


# ---------------------------------------------------------------- drawing


class Pages:
    """A reportlab canvas with a cursor (y from the top) and page numbers."""

    def __init__(self, path: Path, size: tuple[float, float]) -> None:
        self.c = rl_canvas.Canvas(str(path), pagesize=size)
        self.width, self.height = size
        self.margin = 36.0
        self.page = 1
        self.y = self.margin

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = self.margin

    def footer(self) -> None:
        self.c.setFont("Helvetica", 8)
        self.c.drawRightString(self.width - self.margin, self.height - 20, str(self.page))

    def text(self, x: float, top: float, text: str, font: str, size: float) -> None:
        """Draw `text` with its glyph tops at `top` (from the page top)."""
        self.c.setFont(font, size)
        self.c.drawString(x, self.height - top - size * 0.8, text)

    def right_text(self, x1: float, top: float, text: str, font: str, size: float) -> None:
        self.c.setFont(font, size)
        self.c.drawRightString(x1, self.height - top - size * 0.8, text)


def box_height(box: dict[str, Any], ref_on_top: bool) -> float:
    h = PAD + len(box["label"]) * LABEL * 1.2 + 5
    for _, group in box["values"]:
        h += VALUE * 1.05 + (GROUP * 1.25 if group else 0) + 3
    if not ref_on_top:
        h += REF * 1.3 + 2
    return h + PAD


def draw_box(pages: Pages, x: float, top: float, width: float, box: dict[str, Any], tint, ref_on_top: bool) -> None:
    c = pages.c
    h = box_height(box, ref_on_top)
    c.setFillColor(tint)
    c.setStrokeColor(tint)
    c.roundRect(x, pages.height - top - h, width, h, 6, stroke=0, fill=1)
    c.setFillColor(colors.black)
    y = top + PAD
    for line in box["label"]:
        pages.text(x + PAD, y, line, "Helvetica-Bold", LABEL)
        y += LABEL * 1.2
    if ref_on_top:
        draw_ref(pages, x + width - PAD - 6, top + PAD, str(box["ref"]))
    y += 5
    for value, group in box["values"]:
        pages.text(x + PAD, y, value, "Helvetica-Bold", VALUE)
        y += VALUE * 1.05
        if group:
            pages.text(x + PAD, y, group, "Helvetica", GROUP)
            y += GROUP * 1.25
        y += 3
    if not ref_on_top:
        draw_ref(pages, x + width - PAD - 6, y + 1, str(box["ref"]))


def draw_ref(pages: Pages, cx: float, top: float, ref: str) -> None:
    c = pages.c
    c.setFillColor(colors.white)
    c.circle(cx, pages.height - top - REF * 0.45, REF * 0.9, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont("Helvetica", REF)
    c.drawCentredString(cx, pages.height - top - REF * 0.8, ref)


def wrap(text: str, font: str, size: float, width: float, c) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if c.stringWidth(trial, font, size) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines


def draw_goal_block(pages: Pages, spec, goal, x: float, width: float, per_row: int, ref_on_top: bool,
                    box_pages: dict, key: tuple[int, int]) -> None:
    """Heading, note and the boxes of one sub-goal, starting at pages.y within [x, x + width]."""
    c = pages.c
    heading = wrap(f"{goal['goal_id']}. {goal['goal']}", "Helvetica-Bold", 10, width, c)
    note = wrap(goal.get("note") or "", "Helvetica-Oblique", 8, width, c)
    box_w = (width - (per_row - 1) * BOX_GAP) / per_row
    boxes = [spec["boxes"][k] for k in goal["boxes"]]
    first_row = max((box_height(b, ref_on_top) for b in boxes[:per_row]), default=0)
    if pages.y + len(heading) * 12 + len(note) * 10 + 14 + first_row > pages.height - pages.margin:
        pages.new_page()
    for line in heading:
        pages.text(x, pages.y, line, "Helvetica-Bold", 10)
        pages.y += 12
    for line in note:
        pages.text(x, pages.y, line, "Helvetica-Oblique", 8)
        pages.y += 10
    pages.y += 14
    for start in range(0, len(boxes), per_row):
        row = boxes[start:start + per_row]
        row_h = max(box_height(b, ref_on_top) for b in row)
        if pages.y + row_h > pages.height - pages.margin:
            pages.new_page()
        for i, box in enumerate(row):
            b = start + i
            draw_box(pages, x + i * (box_w + BOX_GAP), pages.y, box_w, box, TINTS[(key[1] + b) % 3], ref_on_top)
            box_pages[(*key, b)] = pages.page
        pages.y += row_h + BOX_GAP
    pages.y += 6


TITLE = 18.0  # larger than the main-goal headings (14 pt): the document's title


def draw_title(pages: Pages, title: str | None) -> None:
    """The plan's title at the top of page 1, large and bold, with a rule under it."""
    if not title:
        return
    for line in wrap(title, "Helvetica-Bold", TITLE, pages.width - 2 * pages.margin, pages.c):
        pages.text(pages.margin, pages.y, line, "Helvetica-Bold", TITLE)
        pages.y += TITLE * 1.2
    pages.y += 6
    pages.c.setLineWidth(0.75)
    pages.c.line(pages.margin, pages.height - pages.y, pages.width - pages.margin, pages.height - pages.y)
    pages.y += 18


def draw_main_heading(pages: Pages, main: dict[str, Any], subtitle: str | None) -> None:
    label, _, goal = main["main_goal"].partition(": ")
    pages.text(pages.margin, pages.y, f"{main['outline']} {label}:", "Helvetica-Bold", 14)
    pages.y += 17
    for line in wrap(goal, "Helvetica-Bold", 14, pages.width - 2 * pages.margin, pages.c):
        pages.text(pages.margin, pages.y, line, "Helvetica-Bold", 14)
        pages.y += 17
    if subtitle:
        pages.y += 10
        pages.text(pages.margin, pages.y, subtitle, "Helvetica", 10)
        pages.y += 12
    pages.y += 16


def draw_legend(pages: Pages, legend: str | None) -> None:
    if legend:
        pages.text(pages.margin, pages.height - pages.margin + 8, legend, "Helvetica", 7.5)


def draw_sources(pages: Pages, spec: dict[str, Any]) -> None:
    """The numbered source list, one column, as running paragraphs (hyphenated)."""
    pages.new_page()
    hyph = Hyphenator()
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=10)
    group = ParagraphStyle("g", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11.5, spaceAfter=7, embeddedHyphenation=1, splitLongWords=0)
    story = [Paragraph(spec["sources_heading"], head)]
    for g in spec["sources"]:
        story.append(Paragraph(g["group"], group))
        for entry in g["entries"]:
            story.append(Paragraph(hyph.text(entry["text"]).replace("&", "&amp;"), body))
    m = pages.margin
    while story:
        frame = Frame(m, m, pages.width - 2 * m, pages.height - 2 * m - 10, showBoundary=0)
        frame.addFromList(story, pages.c)
        if story:
            pages.new_page()


def render(spec: dict[str, Any], path: Path) -> tuple[dict, int]:
    columns = spec.get("layout") == "columns"
    pages = Pages(path, landscape(A4) if columns else A4)
    box_pages: dict[tuple[int, int, int], int] = {}
    draw_title(pages, spec.get("title"))
    for m, main in enumerate(spec["main_goals"]):
        if m:
            pages.new_page()
        draw_main_heading(pages, main, spec.get("subtitle"))
        if columns:
            col_w = (pages.width - 2 * pages.margin - 30) / 2
            top = pages.y
            half = (len(main["goals"]) + 1) // 2
            for col, goals in enumerate((main["goals"][:half], main["goals"][half:])):
                pages.y = top
                for goal in goals:
                    g = main["goals"].index(goal)
                    draw_goal_block(pages, spec, goal, pages.margin + col * (col_w + 30), col_w, 3, True, box_pages, (m, g))
        else:
            for g, goal in enumerate(main["goals"]):
                draw_goal_block(pages, spec, goal, pages.margin, pages.width - 2 * pages.margin, 5, False, box_pages, (m, g))
        draw_legend(pages, spec.get("legend"))
    draw_sources(pages, spec)
    pages.footer()
    pages.c.save()
    return box_pages, pages.page


def make(spec: dict[str, Any]) -> None:
    pdf_path = SAMPLES / f"{spec['name']}.pdf"
    box_pages, n_pages = render(spec, pdf_path)
    doc = build.expected_document({**spec, "tables": []}, pdf_path, "pdf", n_pages=n_pages)
    doc["indicators"] = expected_indicators(spec, box_pages)
    build.write_json(EXPECTED / f"{pdf_path.name}.json", doc)
    print(f"built {spec['name']}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="build only this sample")
    args = parser.parse_args(argv)
    for spec in load(args.only):
        make(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main())
