"""Sample decisions whose plan is written as prose (goal sub-headings and paragraphs).

    python samples/producers/prose_plans.py [--only NAME] [--no-pdf]

Each samples/producers/src/<name>.yaml with `blocks:` is rendered to a DOCX
(python-docx, the language on every style, automatic hyphenation) and, with
LibreOffice, to a PDF.  The YAML says how each sentence of a goal block is
meant (action, aim, measure, text): the expected records come from it, never
from planparse:

- one record per goal of the `plan:` block: section = the plan heading,
  goal = the sub-heading (goal_id = its printed number), actions = the
  `action` and `action_measure` sentences, indicators = the `measure` and
  `action_measure` sentences, owners and schedule as the YAML gives them,
  extra = {"Kuvaus": every other sentence joined by a space} or {};
- source = {page: the page where the goal's heading is printed (looked up in
  the rendered PDF), table: null, row: null}.

Templates (`template:`) set how headings and paragraphs look:
  helsinki   case title bold 14 pt; decision sections bold 12 pt; every
             sub-heading (background, plan, goals) bold body text; body text
             indented 2.5 cm, a blank line between paragraphs (Helsinki's
             decision PDFs).
  kommun     Swedish municipal minutes: decision sections as Heading 1, the
             plan as Heading 2, numbered goals as Heading 3, serif body text
             without indent, 6 pt between paragraphs.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from docx.shared import Cm, Pt

from common import EXPECTED, HERE, SAMPLES, build

KINDS = ("action", "aim", "measure", "action_measure", "text")

TEMPLATES: dict[str, dict[str, Any]] = {
    "helsinki": {
        "font": "Liberation Sans", "font_size": 10, "title_size": 14, "body_indent_cm": 2.5, "para_space_pt": 10,
        "styles": {"section": ("bold", 12), "part": ("bold", 10), "sub": ("bold", 10)},
    },
    "kommun": {
        "font": "Liberation Serif", "font_size": 11, "title_size": 16, "body_indent_cm": 0.0, "para_space_pt": 6,
        "styles": {"section": ("Heading 1", 14), "part": ("Heading 2", 13), "sub": ("Heading 3", 11.5)},
    },
}


def load(name: str | None) -> list[dict[str, Any]]:
    specs = []
    for path in sorted((HERE / "src").glob("*.yaml")):
        spec = build.yaml.safe_load(path.read_text(encoding="utf-8"))
        if "blocks" not in spec or (name and path.stem != name):
            continue
        spec["name"] = path.stem
        specs.append(spec)
    if name and not specs:
        sys.exit(f"prose_plans.py: no prose sample named {name!r}")
    return specs


# ---------------------------------------------------------------- content


def goal_sentences(goal: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """The goal's paragraphs as lists of (kind, sentence)."""
    out = []
    for para in goal["paragraphs"]:
        items = []
        for item in para:
            (kind, text), = item.items()
            if kind not in KINDS:
                raise SystemExit(f"unknown sentence kind {kind!r}")
            items.append((kind, text))
        out.append(items)
    return out


def goal_heading(goal: dict[str, Any]) -> str:
    gid = goal.get("goal_id")
    return f"{gid}. {goal['goal']}" if gid is not None else goal["goal"]


def expected_record(plan: dict[str, Any], goal: dict[str, Any], page: int | None) -> dict[str, Any]:
    sentences = [s for para in goal_sentences(goal) for s in para]
    actions = [build.clean(t) for k, t in sentences if k in ("action", "action_measure")]
    indicators = [build.clean(t) for k, t in sentences if k in ("measure", "action_measure")]
    other = [t for k, t in sentences if k in ("aim", "text", "measure")]
    return {
        "section": build.clean(plan["plan"]),
        "goal_id": None if goal.get("goal_id") is None else str(goal["goal_id"]),
        "goal": build.clean(goal["goal"]),
        "action_id": None,
        "actions": actions,
        "owners": [build.clean(o) for o in goal.get("owners") or []],
        "indicators": indicators,
        "schedule": build.clean(goal.get("schedule")),
        "extra": {"Kuvaus": build.clean(" ".join(other))} if other else {},
        "source": {"page": page, "table": None, "row": None},
    }


# ---------------------------------------------------------------- rendering


def _style(spec: dict[str, Any]) -> dict[str, Any]:
    template = TEMPLATES[spec.get("template", "helsinki")]
    spec.setdefault("font", template["font"])
    spec.setdefault("font_size", template["font_size"])
    spec.setdefault("title_size", template["title_size"])
    return template


def heading(doc, text: str, role: str, template: dict[str, Any]) -> None:
    style, size = template["styles"].get(role, template["styles"]["sub"])
    if style == "bold":
        para = doc.add_paragraph()
        run = para.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
        para.paragraph_format.space_before = Pt(template["para_space_pt"])
        para.paragraph_format.space_after = Pt(template["para_space_pt"] * 0.6)
        para.paragraph_format.keep_with_next = True
    else:
        para = doc.add_paragraph(text, style=style)
        para.style.font.size = Pt(size)
        para.style.font.name = template["font"]


def body(doc, text: str, template: dict[str, Any], space: bool = True, bullet: bool = False) -> None:
    para = doc.add_paragraph(style="List Bullet" if bullet else None)
    para.add_run(text)
    fmt = para.paragraph_format
    indent = template["body_indent_cm"]
    if bullet:
        fmt.left_indent = Cm(indent + 0.6)
        fmt.first_line_indent = Cm(-0.6)
    elif indent:
        fmt.left_indent = Cm(indent)
    fmt.space_after = Pt(template["para_space_pt"] if space else 0)


def render_docx(spec: dict[str, Any], path: Path) -> None:
    template = _style(spec)
    doc = build.prepare_document(spec)
    if spec.get("title"):
        title = doc.add_paragraph(spec["title"], style="Title")
        title.runs[0].bold = True
    for block in spec["blocks"]:
        if "h" in block:
            heading(doc, block["h"], block.get("style", "sub"), template)
        elif "p" in block:
            body(doc, block["p"], template)
        elif "lines" in block:
            for i, line in enumerate(block["lines"]):
                body(doc, line, template, space=i == len(block["lines"]) - 1)
        elif "list" in block:
            for i, item in enumerate(block["list"]):
                body(doc, item, template, space=i == len(block["list"]) - 1, bullet=True)
        elif "plan" in block:
            heading(doc, block["plan"], block.get("style", "part"), template)
            for para in block.get("intro") or []:
                body(doc, para, template)
            for goal in block["goals"]:
                heading(doc, goal_heading(goal), block.get("goal_style", "sub"), template)
                for para in goal_sentences(goal):
                    body(doc, " ".join(text for _, text in para), template)
        elif "table" in block:
            table = block["table"]
            heading(doc, table["section"], table.get("style", "part"), template)
            build.render_table(doc, spec, {**table, "section_print": False}, build.usable_width_cm(spec))
        else:
            raise SystemExit(f"{spec['name']}: unknown block {block!r}")
    doc.save(str(path))


# ---------------------------------------------------------------- expected


def heading_pages(pdf_path: Path, headings: list[str]) -> list[int]:
    """The page each heading is printed on, searched in order in the PDF's text."""
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        texts = [build.squash(page.extract_text() or "") for page in pdf.pages]
    pages, page, pos = [], 0, 0
    for text in headings:
        probe = build.squash(text)
        while page < len(texts):
            hit = texts[page].find(probe, pos)
            if hit >= 0:
                pos = hit + len(probe)
                break
            page, pos = page + 1, 0
        else:
            raise SystemExit(f"{pdf_path.name}: heading not found: {text!r}")
        pages.append(page + 1)
    return pages


def expected_document(spec: dict[str, Any], path: Path, fmt: str, n_pages: int | None) -> dict[str, Any]:
    """Records of the prose goals and of the plan tables, in the order they are printed.

    A goal's page is where its heading is printed, a table row's where its
    first action is (build.py's tables record the same)."""
    entries: list[tuple[str, Any]] = []  # (probe text, record maker)
    t_number = 0
    for block in spec["blocks"]:
        if "plan" in block:
            for goal in block["goals"]:
                entries.append((goal_heading(goal), lambda page, plan=block, goal=goal: expected_record(plan, goal, page)))
        elif "table" in block:
            t_number += 1
            table = block["table"]
            for r, row in enumerate(table["rows"]):
                probe = build.printed_paragraphs(row, table["columns"][0], table)[0]
                entries.append((probe, lambda page, t=table, n=t_number, r=r, row=row: build.record_for(spec, t, n, r + 1, row, page)))
    pages = heading_pages(path, [probe for probe, _ in entries]) if fmt == "pdf" else [None] * len(entries)
    doc = build.expected_document({**spec, "tables": []}, path, fmt, n_pages=n_pages)
    doc["records"] = [make(page) for (_, make), page in zip(entries, pages)]
    return doc


def page_count(pdf_path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        return len(pdf.pages)


def make(spec: dict[str, Any], make_pdf: bool = True) -> None:
    name = spec["name"]
    docx_path = SAMPLES / f"{name}.docx"
    render_docx(spec, docx_path)
    formats = spec.get("formats", ["docx", "pdf"])
    if "docx" in formats:
        build.write_json(EXPECTED / f"{name}.docx.json", expected_document(spec, docx_path, "docx", None))
    if make_pdf and "pdf" in formats:
        with tempfile.TemporaryDirectory() as tmp:
            pdf_path = SAMPLES / f"{name}.pdf"
            shutil.copyfile(build.convert_pdf(docx_path, Path(tmp)), pdf_path)
        build.write_json(EXPECTED / f"{name}.pdf.json", expected_document(spec, pdf_path, "pdf", page_count(pdf_path)))
    if "docx" not in formats:
        docx_path.unlink()
    print(f"built {name}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="build only this sample")
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice")
    args = parser.parse_args(argv)
    for spec in load(args.only):
        make(spec, make_pdf=not args.no_pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
