"""Build the sample plans and their expected planparse/1.1 outputs.

Each ``samples/src/<name>.yaml`` holds a plan's content as structured data
(the records as they are printed).  This script renders it to
``samples/<name>.docx`` (python-docx, Finnish or Swedish language tags and
automatic hyphenation on), converts that to ``samples/<name>.pdf`` with
LibreOffice headless, and writes ``tests/expected/<name>.docx.json`` and
``tests/expected/<name>.pdf.json``.

The expected records come from the YAML, never from planparse.  Only the
PDF page where each row starts is measured, from the rendered PDF itself
(words located with pdfplumber inside the row's column).

A YAML may declare ``variants``: the same content with another table layout
(borderless, only horizontal rules, only an outer frame, no repeated header,
merged goal cells vertically centred).  Each variant becomes its own sample
``<name>-<variant>``.

Usage:  python samples/build.py [--only NAME] [--no-pdf]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = HERE / "src"
EXPECTED = REPO / "tests" / "expected"
# the version `producer` names (read, not imported: the expected outputs never come from planparse)
PLANPARSE_VERSION = re.search(r'__version__ = "([^"]+)"', (REPO / "src" / "planparse" / "_version.py").read_text()).group(1)

LIST_FIELDS = ("actions", "owners", "indicators")
TEXT_FIELDS = ("goal", "schedule")
FIELDS = ("goal", "actions", "owners", "indicators", "schedule")

# ---------------------------------------------------------------- loading


def clean(text: str | None) -> str | None:
    """The contract's text rules: NFC, single spaces, trimmed."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text))
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def load_specs(name: str | None = None) -> list[dict[str, Any]]:
    """Every sample spec (variants expanded), optionally only one by name."""
    specs = []
    for path in sorted(SRC.glob("*.yaml")):
        base = yaml.safe_load(path.read_text(encoding="utf-8"))
        base["name"] = path.stem
        variants = base.pop("variants", {}) or {}
        specs.append(base)
        for vname, overrides in variants.items():
            spec = copy.deepcopy(base)
            spec["name"] = f"{path.stem}-{vname}"
            spec["variant_of"] = path.stem
            for key, value in (overrides or {}).items():
                if key == "table_options":
                    for table in spec["tables"]:
                        table.update(value)
                else:
                    spec[key] = value
            specs.append(spec)
    if name:
        specs = [s for s in specs if s["name"] == name or s.get("variant_of") == name]
        if not specs:
            sys.exit(f"build.py: no sample named {name!r} in {SRC}")
    return specs


# ---------------------------------------------------------------- docx helpers


def set_language(element, lang: str) -> None:
    """Put <w:lang w:val=.. w:eastAsia=.. w:bidi=..> on an rPr parent element."""
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)
    el.set(qn("w:bidi"), lang)
    rpr.append(el)


def prepare_document(spec: dict[str, Any]) -> Document:
    doc = Document()
    lang = spec.get("language", "fi-FI")
    styles = doc.styles
    # document defaults and every paragraph style carry the language, so
    # LibreOffice picks the right hyphenation dictionary.
    rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    set_language(rpr_default, lang)
    for style in styles:
        if style.type == 1:  # paragraph
            set_language(style.element, lang)
    normal = styles["Normal"]
    normal.font.name = spec.get("font", "Liberation Sans")
    normal.font.size = Pt(spec.get("font_size", 10))
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    for hname in ("Title", "Heading 1", "Heading 2"):
        styles[hname].font.name = spec.get("font", "Liberation Sans")
    # the template's Title has expanded letter spacing and a rule below: plain it
    title = styles["Title"]
    rpr = title.element.find(qn("w:rPr"))
    for tag in ("w:spacing", "w:kern"):
        for el in rpr.findall(qn(tag)) if rpr is not None else []:
            rpr.remove(el)
    ppr = title.element.find(qn("w:pPr"))
    for el in ppr.findall(qn("w:pBdr")) if ppr is not None else []:
        ppr.remove(el)
    title.font.size = Pt(spec.get("title_size", 18))
    # headings are not hyphenated (Word's usual practice for short lines)
    for hname in ("Title", "Heading 1", "Heading 2"):
        ppr = styles[hname].element.get_or_add_pPr()
        ppr.append(OxmlElement("w:suppressAutoHyphens"))
    title.paragraph_format.space_after = Pt(12)
    # automatic hyphenation for the whole document
    settings = doc.settings.element
    for old in settings.findall(qn("w:autoHyphenation")):
        settings.remove(old)
    auto = OxmlElement("w:autoHyphenation")
    auto.set(qn("w:val"), "true")
    settings.insert(0, auto)
    zone = OxmlElement("w:hyphenationZone")
    zone.set(qn("w:val"), "142")
    settings.insert(1, zone)

    section = doc.sections[0]
    if spec.get("landscape"):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    margin = Cm(spec.get("margin_cm", 2.0))
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    add_page_furniture(section, spec)
    return doc


def add_page_furniture(section, spec: dict[str, Any]) -> None:
    """Running header text and a "Sivu N (M)" page-number footer, when asked for."""
    if spec.get("running_header"):
        section.header_distance = Cm(0.8)
        section.header.paragraphs[0].text = spec["running_header"]
    if spec.get("page_numbers"):
        section.footer_distance = Cm(0.8)
        para = section.footer.paragraphs[0]
        para.alignment = 2  # right
        words = spec.get("page_number_words", ["Sivu", ""])
        para.add_run(f"{words[0]} ")
        append_field(para, "PAGE")
        para.add_run(" (")
        append_field(para, "NUMPAGES")
        para.add_run(")")


def append_field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def usable_width_cm(spec: dict[str, Any]) -> float:
    page = 29.7 if spec.get("landscape") else 21.0
    return page - 2 * spec.get("margin_cm", 2.0)


def set_cell_borders(cell, edges: dict[str, bool]) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        if edges.get(edge):
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "6")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tcpr.append(borders)


def cell_edges(style: str, r: int, c: int, n_rows: int, n_cols: int) -> dict[str, bool]:
    """Which edges of cell (r, c) are ruled in a table drawn in `style`."""
    if style == "grid":
        return dict(top=True, left=True, bottom=True, right=True)
    if style == "none":
        return {}
    if style == "hrules":
        return dict(top=True, bottom=True)
    if style == "frame":
        return dict(top=r == 0, bottom=r == n_rows - 1, left=c == 0, right=c == n_cols - 1)
    raise ValueError(f"unknown rules style {style!r}")


def set_cell_margins(table, top_bottom_pt: float) -> None:
    """Top and bottom cell margins for the whole table (white space between rows)."""
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge in ("top", "bottom"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(top_bottom_pt * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def mark_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def set_vmerge(cell, restart: bool) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:vMerge")
    if restart:
        el.set(qn("w:val"), "restart")
    tcpr.append(el)


def set_table_fixed(table, widths_cm: list[float]) -> None:
    tbl = table._tbl
    tblpr = tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for row in table.rows:
        for idx, cell in enumerate(row.cells):
            cell.width = Cm(widths_cm[idx])
    grid = tbl.find(qn("w:tblGrid"))
    for idx, col in enumerate(grid.findall(qn("w:gridCol"))):
        col.set(qn("w:w"), str(int(widths_cm[idx] / 2.54 * 1440)))


def write_paragraphs(
    cell,
    paragraphs: list[str],
    bold: bool = False,
    hanging: float = 0.0,
    space_pt: float = 0.0,
    list_style: str | None = None,
) -> None:
    """Fill a cell with one Word paragraph per item (first reuses the empty one).

    With `hanging` (cm), a paragraph that starts with a bullet glyph gets a
    hanging indent, so its wrapped lines align after the glyph as in Word lists.
    `space_pt` is the space after every paragraph but the last: without it a
    paragraph break is invisible in the PDF whenever the previous line is full.
    With `list_style` (e.g. "List Bullet"), a bulleted item is written as a Word
    list paragraph instead: the glyph comes from the list's numbering, not the text.
    """
    first = True
    for index, text in enumerate(paragraphs):
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if list_style and text[:2] in ("- ", "• ", "– "):
            text = text[2:]
            para.style = list_style
        run = para.add_run(text)
        run.bold = bold
        if space_pt and index < len(paragraphs) - 1:
            para.paragraph_format.space_after = Pt(space_pt)
        if hanging and not list_style and text[:2] in ("- ", "• ", "– "):
            para.paragraph_format.left_indent = Cm(hanging)
            para.paragraph_format.first_line_indent = Cm(-hanging)


# ---------------------------------------------------------------- cell content


def printed_paragraphs(row: dict[str, Any], col: dict[str, Any], table: dict[str, Any]) -> list[str]:
    """The paragraphs printed in one cell of one row, as the reader sees them."""
    field = col["field"]
    if "print" in row and field in row["print"]:
        value = row["print"][field]
        return [value] if isinstance(value, str) else list(value)
    bullet = col.get("bullet", table.get("bullet", ""))
    if field == "goal":
        text = row.get("goal")
        if text is None:
            return []
        gid = row.get("goal_id")
        if gid is not None and col.get("id_in_cell", True):
            sep = table.get("goal_id_sep", ". ")
            if table.get("goal_id_paragraph"):
                return [str(gid), text]
            return [f"{gid}{sep}{text}"]
        return [text]
    if field == "goal_id":
        gid = row.get("goal_id")
        return [] if gid is None else [str(gid)]
    if field == "actions":
        items = list(row.get("actions") or [])
        if row.get("action_id") is not None and items:
            items[0] = f"{row['action_id']} {items[0]}"
        return bulleted(items, bullet, col)
    if field in ("owners",):
        items = list(row.get("owners") or [])
        if not items:
            return []
        mode = col.get("join", table.get("owners_join", ", "))
        if mode == "paragraphs":
            return bulleted(items, bullet, col)
        return [mode.join(items)]
    if field == "indicators":
        items = list(row.get("indicators") or [])
        return bulleted(items, bullet, col)
    if field == "schedule":
        value = row.get("schedule")
        return [] if value is None else [str(value)]
    if field == "extra":
        value = (row.get("extra") or {}).get(col["header"])
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)
    raise ValueError(f"unknown field {field!r}")


def bulleted(items: list[str], bullet: str, col: dict[str, Any]) -> list[str]:
    """Prefix the bullet glyph when the cell is a list (several items, or always)."""
    if bullet and (len(items) > 1 or col.get("always_bullet")):
        return [bullet + item for item in items]
    return items


def goal_key(row: dict[str, Any]) -> tuple:
    return (row.get("goal_id"), row.get("goal"))


def goal_layout(table: dict[str, Any]) -> list[str]:
    """For each data row: 'print', 'blank' (printed above) or 'merged'."""
    mode = table.get("goal_print", "repeat")
    rows = table["rows"]
    out = []
    for i, row in enumerate(rows):
        same = i > 0 and goal_key(rows[i - 1]) == goal_key(row) and row.get("goal") is not None
        if mode == "repeat" or not same:
            out.append("print")
        else:
            out.append("blank" if mode == "blank" else "merged")
    return out


# ---------------------------------------------------------------- rendering


def render_docx(spec: dict[str, Any], path: Path) -> None:
    doc = prepare_document(spec)
    if spec.get("title"):
        doc.add_paragraph(spec["title"], style=spec.get("title_style", "Title"))
    for para in spec.get("front_matter") or []:
        doc.add_paragraph(para)
    width = usable_width_cm(spec)
    for t_index, table in enumerate(spec["tables"]):
        if table.get("page_break_before"):
            doc.add_page_break()
        if table.get("section_print", True) and table.get("section"):
            doc.add_paragraph(table["section"], style=table.get("section_style", "Heading 1"))
        for line in table.get("caption") or []:
            doc.add_paragraph(line)
        render_table(doc, spec, table, width)
        for para in table.get("after") or []:
            doc.add_paragraph(para)
    doc.save(str(path))


def render_table(doc, spec, table, width) -> None:
    headers = table["headers"]
    is_plan = not table.get("skipped")
    columns = table["columns"] if is_plan else [{"field": "other"} for _ in headers[0]]
    n_cols = len(columns)
    data_rows = table["rows"]
    n_rows = len(headers) + len(data_rows)
    docx_table = doc.add_table(rows=n_rows, cols=n_cols)
    rel = [c.get("width", 1) for c in columns] if is_plan else table.get("widths", [1] * n_cols)
    total = sum(rel)
    widths = [width * w / total for w in rel]
    set_table_fixed(docx_table, widths)
    if table.get("cell_margin_tb_pt"):
        set_cell_margins(docx_table, table["cell_margin_tb_pt"])
    rules = table.get("rules", "grid")
    for r in range(n_rows):
        for c in range(n_cols):
            set_cell_borders(docx_table.cell(r, c), cell_edges(rules, r, c, n_rows, n_cols))
    for h, header in enumerate(headers):
        row = docx_table.rows[h]
        if table.get("repeat_header", True):
            mark_header_row(row)
        for c, text in enumerate(header):
            if text:
                write_paragraphs(row.cells[c], text.split("\n"), bold=table.get("header_bold", True))
    if not is_plan:
        for r, values in enumerate(data_rows):
            for c, text in enumerate(values):
                write_paragraphs(docx_table.cell(len(headers) + r, c), [text])
        return
    layout = goal_layout(table)
    goal_cols = [c for c, col in enumerate(columns) if col["field"] in ("goal", "goal_id")]
    centre = table.get("goal_valign") == "center"
    for r, row in enumerate(data_rows):
        tr = len(headers) + r
        for c, col in enumerate(columns):
            cell = docx_table.cell(tr, c)
            if c in goal_cols and layout[r] != "print":
                if layout[r] == "merged":
                    set_vmerge(cell, restart=False)
                continue
            if c in goal_cols and table.get("goal_print") == "merged":
                follows = r + 1 < len(layout) and layout[r + 1] == "merged"
                if follows:
                    set_vmerge(cell, restart=True)
                if centre:
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraphs = printed_paragraphs(row, col, table)
            write_paragraphs(
                cell,
                paragraphs,
                hanging=table.get("bullet_hanging_cm", 0.0),
                space_pt=table.get("para_space_pt", spec.get("para_space_pt", 4)),
                list_style=table.get("bullet_style"),
            )
    for row in docx_table.rows:
        trpr = row._tr.get_or_add_trPr()
        if table.get("cant_split"):
            el = OxmlElement("w:cantSplit")
            trpr.append(el)


def store_pages_rotated(pdf_path: Path) -> None:
    """Store each page sideways with /Rotate 90, as scanners and some printers do.

    The page looks the same in a viewer, but its content stream draws the
    text turned by 90 degrees on a portrait media box.  (pypdf: only this
    build step needs it.)
    """
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf_path))
    for page in writer.pages:
        page.rotate(270)
        page.transfer_rotation_to_content()
        page.rotate(90)
        page.compress_content_streams()
    with open(pdf_path, "wb") as fh:
        writer.write(fh)


def convert_pdf(docx_path: Path, out_dir: Path) -> Path:
    """LibreOffice headless conversion with a private profile (no clashes)."""
    profile = Path(tempfile.gettempdir()) / "planparse-samples-lo-profile"
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(docx_path),
    ]
    # LibreOffice aborts (std::bad_alloc) when pyenv's directories lead PATH,
    # so it runs with the system PATH only.
    env = {k: v for k, v in os.environ.items() if "PYENV" not in k}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".pyenv" not in p)
    for attempt in range(2):  # the first run on a fresh profile may exit 1
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300, env=env)
        if done.returncode == 0:
            break
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"build.py: LibreOffice made no PDF for {docx_path}")
    return pdf


# ---------------------------------------------------------------- expected


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_for(spec, table, t_number: int, r_number: int, row: dict[str, Any], page) -> dict[str, Any]:
    extra = {}
    for col in table["columns"]:
        if col["field"] == "extra":
            value = (row.get("extra") or {}).get(col["header"])
            if isinstance(value, list):
                value = " ".join(value)
            extra[clean(col["header"])] = clean(value)
    return {
        "section": clean(table.get("section")),
        "goal_id": None if row.get("goal_id") is None else str(row["goal_id"]),
        "goal": clean(row.get("goal")),
        "action_id": None if row.get("action_id") is None else str(row["action_id"]),
        "actions": [clean(x) for x in row.get("actions") or []],
        "owners": [clean(x) for x in row.get("owners") or []],
        "indicators": [clean(x) for x in row.get("indicators") or []],
        "schedule": clean(row.get("schedule")),
        "extra": extra,
        "source": {"page": page, "table": t_number, "row": r_number},
    }


def expected_document(spec, path: Path, fmt: str, row_pages=None, table_pages=None, n_pages=None) -> dict:
    records, warnings = [], []
    for t_index, table in enumerate(spec["tables"]):
        if table.get("skipped"):
            header = " | ".join(clean(h) for h in table["headers"][0])
            page = table_pages[t_index] if table_pages else None
            warnings.append(
                {"code": "table-skipped", "message": f"table {t_index + 1} has no goal or action column: {header}", "page": page}
            )
            continue
        for r_index, row in enumerate(table["rows"]):
            page = row_pages[(t_index, r_index)] if row_pages else None
            records.append(record_for(spec, table, t_index + 1, r_index + 1, row, page))
    return {
        "schema": "planparse/1.1",
        "source": {"file": path.name, "path": f"samples/{path.name}", "format": fmt, "pages": n_pages, "sha256": sha256(path)},
        "producer": expected_producer(spec, fmt),
        "title": clean(spec.get("title")),
        "metadata": expected_metadata(spec),
        "records": records,
        "indicators": [],
        "warnings": warnings,
    }


def expected_producer(spec, fmt: str) -> dict:
    """What a default run of planparse reports making it (not compared: it describes the run, not the document)."""
    return {
        "planparse": PLANPARSE_VERSION,
        "lexicon": "voikko" if spec.get("language", "fi").startswith("fi") else "wordfreq",
        "pdf_parser": "pdfium" if fmt == "pdf" else None,
        "ocr": None,
    }


def expected_metadata(spec) -> dict:
    """The YAML's `metadata` (what the document prints about itself), in the contract's shape."""
    meta = spec.get("metadata") or {}

    def person(p):
        return None if p is None else {k: clean(p.get(k)) for k in ("name", "title", "phone", "email")}

    decision = meta.get("decision")
    if decision is not None:
        decision = {
            "body": clean(decision.get("body")),
            "date": decision.get("date"),
            "text": clean(decision.get("text")),
            "presenter": person(decision.get("presenter")),
        }
    return {
        "period": meta.get("period"),
        "organization": clean(meta.get("organization")),
        "reference": clean(meta.get("reference")),
        "decision": decision,
        "contacts": [person(c) for c in meta.get("contacts") or []],
    }


def squash(text: str) -> str:
    """Letters and digits only, lower case: what survives line breaking."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return "".join(ch for ch in text.lower() if ch.isalnum())


def column_ranges(spec, table) -> list[tuple[float, float]]:
    width_pt = usable_width_cm(spec) / 2.54 * 72
    left = spec.get("margin_cm", 2.0) / 2.54 * 72
    columns = table["columns"] if not table.get("skipped") else [{"width": w} for w in table.get("widths", [1] * len(table["headers"][0]))]
    rel = [c.get("width", 1) for c in columns]
    total = sum(rel)
    ranges, x = [], left
    for w in rel:
        span = width_pt * w / total
        ranges.append((x - 4, x + span - 4))  # text starts at the column's nominal left edge
        x += span
    return ranges


def locate_rows(spec, pdf_path: Path) -> tuple[dict, list, int]:
    """Page where each data row (and each skipped table) starts in the PDF.

    A row is found by the first characters of a cell it prints (the first
    column it prints text in), searched inside that column's x-range, in
    document order after the previous row: the same words may recur.
    """
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        n_pages = len(pdf.pages)
        page_words = []
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            page_words.append(words)
            page.flush_cache()
    row_pages: dict[tuple[int, int], int] = {}
    table_pages: list[int | None] = []
    cursor = (0, -1.0)  # page index, top
    for t_index, table in enumerate(spec["tables"]):
        ranges = column_ranges(spec, table)
        if table.get("skipped"):
            probes = [(0, table["headers"][0][0])]
            found = find_after(page_words, ranges, probes, cursor)
            table_pages.append(found[0] + 1)
            cursor = found
            for values in table["rows"]:
                cursor = find_after(page_words, ranges, [(0, values[0])], cursor)
            continue
        table_pages.append(None)
        layout = goal_layout(table)
        for r_index, row in enumerate(table["rows"]):
            probes = []
            for c, col in enumerate(table["columns"]):
                if col["field"] in ("goal", "goal_id") and (layout[r_index] != "print" or table.get("goal_valign") == "center"):
                    continue
                paragraphs = printed_paragraphs(row, col, table)
                if paragraphs:
                    probes.append((c, paragraphs[0]))
            if not probes:
                raise SystemExit(f"{spec['name']}: table {t_index + 1} row {r_index + 1} prints nothing")
            found = find_after(page_words, ranges, probes[:2], cursor)
            row_pages[(t_index, r_index)] = found[0] + 1
            cursor = found
    return row_pages, table_pages, n_pages


def find_after(page_words, ranges, probes, cursor) -> tuple[int, float]:
    """First (page, top) after cursor where every probe's cell starts at the same line."""
    start_page, start_top = cursor
    for p in range(start_page, len(page_words)):
        hits = []
        for c, text in probes:
            lo, hi = ranges[c]
            words = [w for w in page_words[p] if lo <= w["x0"] < hi]
            words.sort(key=lambda w: (round(w["top"]), w["x0"]))
            target = squash(text)[:18]
            found = None
            for i, w in enumerate(words):
                if p == start_page and w["top"] <= start_top + 0.5:
                    continue
                joined = ""
                for w2 in words[i : i + 12]:
                    joined += squash(w2["text"])
                    if len(joined) >= len(target):
                        break
                if joined.startswith(target) or (len(joined) < len(target) and target.startswith(joined) and joined):
                    # accept only if it is the start of a (cell's) line
                    found = w["top"]
                    break
            hits.append(found)
        if hits and all(h is not None for h in hits):
            if max(hits) - min(hits) < 4:
                return (p, min(hits))
            # probes disagree: take the first probe's position
            return (p, hits[0])
        if hits and hits[0] is not None:
            return (p, hits[0])
    raise SystemExit(f"could not locate {probes[0][1][:40]!r} after page {start_page + 1}")


# ---------------------------------------------------------------- main


def build(spec: dict[str, Any], make_pdf: bool = True) -> None:
    name = spec["name"]
    docx_path = HERE / f"{name}.docx"
    render_docx(spec, docx_path)
    EXPECTED.mkdir(parents=True, exist_ok=True)
    formats = spec.get("formats", ["docx", "pdf"])
    if "docx" in formats:
        doc = expected_document(spec, docx_path, "docx")
        write_json(EXPECTED / f"{name}.docx.json", doc)
    if make_pdf and "pdf" in formats:
        with tempfile.TemporaryDirectory() as tmp:
            pdf_tmp = convert_pdf(docx_path, Path(tmp))
            pdf_path = HERE / f"{name}.pdf"
            shutil.copyfile(pdf_tmp, pdf_path)
        if spec.get("rotate_pages"):
            store_pages_rotated(pdf_path)
        row_pages, table_pages, n_pages = locate_rows(spec, pdf_path)
        doc = expected_document(spec, pdf_path, "pdf", row_pages, table_pages, n_pages)
        write_json(EXPECTED / f"{name}.pdf.json", doc)
    if "docx" not in formats:
        docx_path.unlink()
    print(f"built {name}", file=sys.stderr)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="build only this sample (and its variants)")
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice")
    args = parser.parse_args(argv)
    for spec in load_specs(args.only):
        build(spec, make_pdf=not args.no_pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
